# form_dates.sh - a form fills its dates in the office's date format, as
# the screens show them (a record's dates, today in a change of state, a
# programme item's day), and takes them back as they are, or in ISO.
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
export KIZUNA_TODAY=2027-01-03

run $C specialist add --name "佐藤 健一" --roman "Ken Sato" --government 島根県 \
	--fields agriculture --langs zh:business
expect_rc 0 "seed a specialist"; sp=$out
run $C request add --country CN --province 河南省 --city 开封市 --fields agriculture \
	--topic vegetables --received 2026-12-20 --from 2027-01-05 --to 2027-01-20 \
	--language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$sp" --from 2027-01-05 --to 2027-01-20
expect_rc 0 "seed a dispatch"; dsp=$out

tm_start "KIZUNA_TODAY=$KIZUNA_TODAY NO_COLOR=1 $KZ $C"
tm_expect "1 specialist" "the screens start"
tm_keys Tab
tm_expect "vegetables" "the request list"
# e: the request's form, its dates as the list shows them
tm_keys e
tm_expect "Edit request" "the request's form"
tm_expect "2026年12月20日" "received in Beijing's date format"
tm_expect "2027年01月05日" "wished from in Beijing's date format"
tm_expect_gone "2026-12-20" "no ISO date in the form"
tm_keys F2
tm_expect_gone "Edit request" "saved as it was filled"
run $C request show "$req" --format json
expect_in "$out" '"received": "2026-12-20"' "received kept"
expect_in "$out" '"wish_start": "2027-01-05"' "wished from kept"
tm_keys Tab
tm_expect "2027年01月05日..2027年01月20日" "the dispatch list"
tm_keys e
tm_expect "Edit dispatch" "the dispatch's form"
tm_expect "2027年01月20日" "the dispatch's end in Beijing's date format"
tm_expect_gone "2027-01-20" "no ISO date in the dispatch's form"
tm_keys Escape
tm_expect_gone "Edit dispatch" "left without saving"
# a change of state fills today in the office's format
tm_keys s
tm_expect "to" "the dispatch's change of state"
tm_expect "2027年01月03日" "today in Beijing's date format"
tm_expect_gone "2027-01-03" "today not in ISO"
tm_keys Escape
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "no sanitizer report"
finish
