# activity.sh - the records of what an office does (issue 13): every
# command of every kind (add, list, show, edit, rm, count, import,
# export), their checks, --year, CSV and JSON; an import that fails names
# FILE:LINE and writes nothing; history of an edit; a record travels from
# an office to head office; a delegation's specialist clashes with a
# dispatch of the same days.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
export KIZUNA_NOW=2026-11-01T09:00:00Z
rows() { printf '%s\n' "$out" | tail -n +2 | grep -c .; }

# ---- every kind: add (the rules), show, edit, list, count, export,
# import back, rm ----
# kind, options of a good record, an option to edit, a bad record and
# the problem it has
check_kind() {
	k=$1 good=$2 edit=$3 badopts=$4 problem=$5
	eval "b $k add $good"
	expect_rc 0 "$k add"; id=$out
	case "$id" in BJS-*) ok ;; *) bad "$k add prints the new id: $id" ;; esac
	eval "b $k add $badopts"
	expect_rc 1 "$k add refuses a bad record"
	expect_in "$err" "$problem" "$k: the problem is named"
	b $k show "$id" --format json
	expect_rc 0 "$k show --format json"
	expect_in "$out" "\"id\": \"$id\"" "$k show names the record"
	eval "b $k edit $id $edit"
	expect_rc 0 "$k edit"
	b $k edit "$id" --notes "again" --if-updated 2000-01-01T00:00:00Z
	expect_rc 3 "$k edit over a stale stamp is refused"
	b $k list --format csv
	expect_rc 0 "$k list --format csv"
	expect_eq "$(rows)" 1 "$k: one record listed"
	b $k list --format json
	expect_in "$out" "\"id\": \"$id\"" "$k list --format json"
	b $k list --search zzzz-nothing
	expect_in "$err" "no " "$k list --search that matches nothing says so"
	b $k count
	expect_rc 0 "$k count"
	expect_in "$out" "1 in all" "$k count totals"
	b $k count --format json
	expect_in "$out" "\"total\": 1" "$k count --format json"
	b $k count --by nosuch
	expect_rc 1 "$k count --by an unknown field"
	b $k export -o "$k.csv"
	expect_rc 0 "$k export"
	b $k import "$k.csv"
	expect_rc 0 "$k import of its own export"
	expect_in "$err" "skipped: $id is here already" "$k: a duplicate id is skipped"
	b $k rm "$id"
	expect_rc 1 "$k rm asks first (no terminal: refused)"
	b $k rm --yes "$id"
	expect_rc 0 "$k rm --yes"
	b $k show "$id"
	expect_rc 1 "$k: gone after rm"
	b $k import "$k.csv"
	expect_rc 0 "$k import after rm"
	expect_in "$err" "1 imported" "$k: the exported record comes back"
	b $k show "$id"
	expect_rc 0 "$k: back with its id"
}

check_kind support "--start 2019-08-31 --government 京都府 --kind event --place 北京市 --what 'KYOTO HOUSE'" \
	"--partner 中日友好协会" "--start 2019-09-02 --end 2019-09-01 --government 京都府" \
	"end: the last day (2019-09-01) is before the first (2019-09-02)"
check_kind research "--government 兵庫県 --topic Logistics --requested 2019-05-01" \
	"--status delivered --delivered 2019-07-01" "--government 兵庫県 --topic X --requested 2019-05-01 --status delivered" \
	"delivered research needs the day it was delivered"
check_kind promotion "--kind cooking --name 'Cooking: Fukui' --start 2020-01-11 --city 浙江省杭州市 --governments 福井県" \
	"--attendance 40" "--name Fair --start 2019-05-16 --attendance -3" \
	"attendance must be 0 to"
check_kind jet "--year 2019 --kind alt --level prefecture --placement 福井県 --participants 1 --joined 1" \
	"--participants 2" "--year 2019 --kind cir --participants 1 --joined 2" \
	"2 new of 1 taking part"
check_kind friendship "--japanese 神戸市 --partner 天津市 --region 天津市 --signed 1973-06-24" \
	"--notes first" "--japanese 神戸市" "partner government is required"
check_kind repoffice "--government 兵庫県 --city 上海 --opened 1990-04-01" \
	"--name 兵庫県上海事務所" "--government 兵庫県 --city 上海 --opened 1990-04-01 --closed 1989-01-01" \
	"closed (1989-01-01) before it opened"
check_kind delegation "--who 青森県訪問団 --start 2019-10-15 --end 2019-10-17 --government 青森県" \
	"--status held" "--who X --start 2019-10-15 --specialists BJS-NONE-0000" \
	"no specialist"

# a friendship link takes the office's only country
b friendship list --format json
expect_in "$out" "\"country\": \"CN\"" "the office's country by default"

# ---- --year: the reporting year (April to March) or a range ----
b support add --start 2020-03-31 --government 福井県 --kind visit
b support add --start 2020-04-01 --government 福井県 --kind visit
b support list --year 2019 --format csv
expect_eq "$(rows)" 2 "FY2019 runs to 31 March 2020"
b support list --year 2020 --format csv
expect_eq "$(rows)" 1 "FY2020 starts on 1 April"
b support list --year 2020-03-01..2020-12-31 --format csv
expect_eq "$(rows)" 2 "a range of dates"
b support list --year 19xx
expect_rc 1 "a bad year is refused"
expect_in "$err" "--year" "naming the option"
b support count --by year --format csv
expect_in "$out" "2019,2" "count by reporting year"
expect_in "$out" "2020,1" "the next year apart"
b support list --kind visit --format csv
expect_eq "$(rows)" 2 "--kind"
b support list --government 福井 --format csv
expect_eq "$(rows)" 2 "--government matches part of a name"
b support list --search 福井県 --format csv
expect_eq "$(rows)" 2 "--search folds the script: 福井県"
b support list --search 福井县 --format csv
expect_eq "$(rows)" 2 "--search: simplified 福井县 finds 福井県"
b friendship list --search 神户 --format csv
expect_eq "$(rows)" 1 "--search: 神户 finds 神戸市"
b jet add --year 2020 --kind cir --level municipality --placement 宮崎市 --participants 1
b jet list --year 2020 --format csv
expect_eq "$(rows)" 1 "jet: --year on its year field"
b jet list --year 2019-04-01..2021-03-31 --format csv
expect_eq "$(rows)" 2 "jet: a range covers the years of its dates"

# --sum adds up people rather than counting lines
b jet add --year 2019 --kind cir --level prefecture --placement 長崎県 --participants 3 --joined 2
b jet count --year 2019 --by kind --sum participants --format csv
expect_in "$out" "cir,3" "--sum participants"
expect_in "$out" "alt,2" "each kind's people"
b jet count --year 2019 --sum joined --format json
expect_in "$out" "\"total\": 3" "--sum joined totals the new ones"
b jet count --sum notes
expect_rc 1 "--sum of a field that is no number"
expect_in "$err" "--sum" "is refused naming the option"

# ---- import: errors name FILE:LINE, nothing is written ----
b support list --format csv; before=$(rows)
printf 'start,government,kind\n2019-05-01,青森県,briefing\n2019-13-01,,visit\n2019-06-01,岩手県,nosuch\n' > bad.csv
b support import bad.csv
expect_rc 1 "an import with bad rows fails"
expect_in "$err" "bad.csv:3: start:" "the bad date is named by file and line"
expect_in "$err" "bad.csv:3: government: Japanese government is required" "the missing government too"
expect_in "$err" "bad.csv:4: kind:" "and the bad kind on line 4"
expect_in "$err" "nothing was imported" "all or nothing"
b support list --format csv
expect_eq "$(rows)" "$before" "nothing was written"
b support import bad.csv --skip-bad
expect_rc 0 "--skip-bad imports the good rows"
expect_in "$err" "3 rows read, 1 imported, 2 skipped" "the report counts"
printf 'start,government,colour\n2019-05-01,青森県,red\n' > head.csv
b support import head.csv
expect_rc 1 "an unknown column is refused"
expect_in "$err" "head.csv:1" "at the header's line"
# headings in any case, as a spreadsheet may have them (Start, GOVERNMENT)
printf 'Start,GOVERNMENT\n2019-05-02,青森県\n' > caps.csv
b support import caps.csv
expect_rc 0 "headings are read in any case"
printf 'start,Start\n2019-05-02,2019-05-03\n' > twice.csv
b support import twice.csv
expect_rc 1 "a column twice in two cases is refused"
expect_in "$err" "appears twice" "as appearing twice"
b support delete "$(b support list --format csv >/dev/null; printf '%s\n' "$out" | grep 2019-05-02 | cut -d, -f1)" >/dev/null 2>&1
printf 'id,start,government\nSIN-AAAA-BBBB,2019-05-05,北海道\n' > other.csv
b support import other.csv
expect_rc 0 "another office's id is imported"
expect_in "$err" "renumbered: SIN-AAAA-BBBB" "and renumbered"
printf 'who,start,specialists\nX,2019-10-01,BJS-NONE-0000\n' > dbad.csv
b delegation import dbad.csv
expect_rc 1 "a delegation naming no specialist of the register"
expect_in "$err" "dbad.csv:2: specialists:" "is refused at its line"

# ---- history shows an edit ----
b support add --start 2019-07-01 --government 長野県 --kind liaison
h=$out
b support edit "$h" --place 石家庄市
b history "$h"
expect_rc 0 "history of a support case"
expect_in "$out" "石家庄市" "the edit's new value"
expect_in "$out" "edited" "as an edit"

# ---- a record travels from the office to head office ----
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db"
b promotion add --kind fair --name "BITE 2019" --start 2019-06-18 --end 2019-06-20 --city 北京市
p=$out
b sync export -o b1.kzb
expect_rc 0 "Beijing exports"
t sync import b1.kzb
expect_rc 0 "head office imports"
t promotion show "$p" --format json
expect_rc 0 "head office has Beijing's promotion event"
expect_in "$out" "BITE 2019" "with its fields"
t support list --format csv
b support list --format csv
n=$(rows)
t support list --format csv
expect_eq "$(rows)" "$n" "and every support case"
t history "$p"
expect_in "$out" "added" "its history came with it"

# ---- a delegation books its specialists: a clash with a dispatch ----
t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
X=$out
t sync export -o t1.kzb
b sync import t1.kzb
expect_rc 0 "Beijing takes the register"
b request add --country CN --province 河南省 --fields agriculture --topic vegetables \
	--from 2027-03-01 --to 2027-03-10 --language zh
breq=$out
b dispatch add --request "$breq" --specialist "$X" --from 2027-03-01 --to 2027-03-10
bd=$out
b delegation add --who 河南省农业考察团 --start 2027-03-09 --end 2027-03-12 --specialists "$X"
expect_rc 0 "a delegation with the same specialist"
dl=$out
b sync clashes
expect_rc 0 "sync clashes"
expect_in "$out" "$dl" "the delegation clashes with the dispatch"
expect_in "$out" "$bd" "naming the dispatch"
expect_in "$out" "2027-03-09..2027-03-10" "on the days both hold"
b delegation list --specialist "$X" --format csv
expect_eq "$(rows)" 1 "list --specialist"
b delegation edit "$dl" --status cancelled
b sync clashes
expect_not_in "$out" "$dl" "a cancelled delegation books nobody"
finish
