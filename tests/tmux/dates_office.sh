# dates_office.sh - on the screens, Beijing's dates: lists in its date
# format, a history time in its zone, labelled, and the timeline's go-to
# taking a date as Beijing writes it (a bad one refused, naming why).
. "$KZ_TESTS/lib.sh"
cat > "$T/bj.yaml" <<'YAML'
office:
  id: BJS
  name: Beijing
  countries: [CN]
  language: en
  timezone: Asia/Shanghai
  date_format: "%Y年%m月%d日"
user: tester
YAML
C="-c $T/bj.yaml"
# 20:00 UTC on 31 December: already 1 January in Beijing
export KIZUNA_NOW=2026-12-31T20:00:00Z
unset KIZUNA_TODAY

run $C specialist add --name "佐藤 健一" --roman "Ken Sato" --government 島根県 \
	--fields agriculture --langs zh:business
expect_rc 0 "seed a specialist"; sp=$out
run $C request add --country CN --province 河南省 --city 开封市 --fields agriculture \
	--topic vegetables --from "2027年1月5日" --to "2027年1月20日" --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$sp" --from "2027年1月5日" --to 2027/1/20
expect_rc 0 "seed a dispatch"

tm_start "KIZUNA_NOW=$KIZUNA_NOW NO_COLOR=1 $KZ $C"
tm_expect "1 specialist" "the screens start"
tm_keys Tab
tm_expect "vegetables" "the request list"
row=$(tm_screen | grep "^>" | head -n 1)
expect_in "$row" "2027年01月01日" "received in Beijing's date format, Beijing's today"
tm_keys Tab
tm_expect "2027年01月05日..2027年01月20日" "the dispatch list in Beijing's date format"
tm_keys Enter J J J J J J J J
tm_expect "2027年01月01日 04:00 CST tester" "the history time in Beijing's zone, labelled"
tm_expect_gone "T20:00:00Z" "no UTC stamp on the screen"
tm_keys Enter

# the timeline: go to a date typed as Beijing writes it
tm_keys Tab
tm_expect "month zoom" "the timeline tab"
tm_expect "2026年12月" "the period in Beijing's date format"
tm_keys d
tm_expect "Go to date:" "d asks for a date"
tm_type "2027年2月29日"
tm_keys Enter
tm_expect "2027-02 has 28 days" "a date that is none is refused, saying why"
tm_keys d
tm_type "２０２７年６月１日"
tm_keys Enter
tm_expect "2027年05月" "the timeline went to the date typed"
tm_expect_gone "Go to date:" "the question is gone"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "no sanitizer report"
finish
