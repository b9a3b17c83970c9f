# lists.sh - every list made from a declaration (core/lists.c): table, CSV
# and JSON, its filters, --limit and --offset, and a bad filter value.
. "$KZ_TESTS/lib.sh"
# Head office's demo holds every office's records (an office's demo, its
# own only); in English, as the checks read messages.
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/tokyo.yaml" > "$T/head.yaml"
C="-c $T/head.yaml -d $T/demo.db"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02

run $C demo
expect_rc 0 "demo data"

# rows of CSV without the header; of JSON, parsed
csv_rows() { printf '%s\n' "$out" | tail -n +2 | grep -c .; }
json_rows() { printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
json_key() { printf '%s' "$out" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(" ".join(str(x[sys.argv[1]]) for x in r))' "$1"; }

# check_list WHAT ARGS...: the list in the three formats agrees on its
# rows; --limit 2 gives two, --offset 1 starts at the second; --limit
# and --offset are in --help. A row of the table matches $rowre (an id
# unless set).
check_list() {
	what=$1; shift
	run $C "$@" --format csv
	expect_rc 0 "$what csv"
	all=$(csv_rows)
	second=$(printf '%s\n' "$out" | sed -n 3p)
	[ "$all" -ge 3 ] && ok || bad "$what: the demo data gives $all rows"
	run $C "$@" --format json
	expect_rc 0 "$what json"
	expect_eq "$(json_rows)" "$all" "$what: JSON has the rows of CSV"
	run $C "$@"
	expect_rc 0 "$what table"
	re=${rowre:-'[A-Z]{2,4}-[0-9A-Z]{4}-[0-9A-Z]{4}'}
	expect_eq "$(printf '%s\n' "$out" | grep -cE "$re")" "$all" \
		"$what: the table has the rows of CSV"
	run $C "$@" --format csv --limit 2
	expect_eq "$(csv_rows)" 2 "$what --limit 2"
	run $C "$@" --format csv --limit 1 --offset 1
	expect_eq "$(printf '%s\n' "$out" | sed -n 2p)" "$second" "$what --offset 1 starts at the second row"
	run $C "$@" --format json --offset "$all"
	expect_eq "$(json_rows)" 0 "$what --offset past the end"
	run $C "$@" --limit x
	expect_rc 1 "$what --limit x"
	expect_in "$err" "--limit: \"x\" is not a number of rows" "$what: the bad limit is named"
	run $C "$@" --offset -1
	expect_rc 1 "$what --offset -1"
	expect_in "$err" "--offset: \"-1\"" "$what: the bad offset is named"
	run $C "$@" --help
	expect_in "$out" "--limit N" "$what --help shows --limit"
	expect_in "$out" "--offset N" "$what --help shows --offset"
	grep -q "Ic $what .*Fl -limit Ar n Oc Oo Fl -offset Ar n" \
		"$KZ_TESTS/../man/kizuna.1" && ok || bad "$what: kizuna(1) shows --limit and --offset"
}

# ---- specialist list and search ----
check_list "specialist list" specialist list
run $C specialist list --status retired --format csv
expect_rc 0 "specialist list --status retired"
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | grep -vc ',retired,')" 0 "--status keeps the retired only"
run $C specialist list --field agriculture --lang zh --format json
expect_rc 0 "--field and --lang"
expect_in "$(json_key fields)" "agriculture" "--field filters"
expect_in "$(json_key languages)" "zh" "--lang filters"
run $C specialist list --status asleep
expect_rc 1 "a bad --status"
expect_in "$err" "kizuna: --status: " "the bad status names its option"
run $C specialist list --lang en:superb
expect_in "$err" "kizuna: --lang: \"superb\" is not a level" "the bad level names its option"
run $C specialist list --free 2026-13-01
expect_in "$err" "kizuna: --free: " "the bad date names its option"
run $C specialist list --field nosuch --format csv
expect_rc 1 "an unknown field"
expect_in "$err" "kizuna: --field: unknown field of expertise \"nosuch\"" "the unknown field names its option"
expect_eq "$out" "" "nothing printed on a bad filter"
check_list "search" search 農
run $C search 農 --format csv --limit 1
expect_eq "$(csv_rows)" 1 "search --limit"

# ---- request list ----
check_list "request list" request list
run $C request list --status open --format json
expect_rc 0 "request list --status open"
expect_not_in "$(json_key status)" "closed" "open leaves out closed requests"
run $C request list --country cn --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | grep -vc ',CN,')" 0 "--country keeps one country"
run $C request list --text "water quality" --format csv
expect_in "$out" "water quality" "--text, a condition a word"
run $C request list --status asleep
expect_rc 1 "a bad request status"
expect_in "$err" "kizuna: --status: \"asleep\" is not a request status (or open)" "the bad status names its option"

# ---- dispatch list ----
check_list "dispatch list" dispatch list
run $C dispatch list --state active --from 2019-01-01 --to 2019-12-31 --format json
expect_rc 0 "dispatch list --state --from --to"
expect_not_in "$(json_key state)" "cancelled" "active leaves out cancelled"
expect_not_in "$(json_key start)" "2018-" "--from and --to window the dates"
run $C dispatch list --from 2019-02-30
expect_rc 1 "a bad --from"
expect_in "$err" "kizuna: --from: \"2019-02-30\" is not a date: 2019-02 has 28 days" "the bad date names its option"
run $C dispatch list --state asleep
expect_in "$err" "kizuna: --state: " "the bad state names its option"

# ---- series list ----
check_list "series list" series list
run $C series list --format json
expect_in "$(json_key editions)" "18" "series list counts editions"

# ---- participant list: one edition's, contacts when asked ----
ed=$(sqlite3 "$T/demo.db" "SELECT seminar FROM participant GROUP BY seminar ORDER BY count(*) DESC LIMIT 1")
check_list "participant list" participant list "$ed"
run $C participant list "$ed"
expect_in "$out" "participants" "the table ends with the count"
run $C participant list "$ed" --format csv
expect_not_in "$(printf '%s\n' "$out" | head -1)" "email" "no contacts unless asked"
run $C participant list "$ed" --contacts --role participant --format csv
expect_in "$(printf '%s\n' "$out" | head -1)" ",email,phone" "--contacts adds them"
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | grep -vc ',participant,')" 0 "--role filters"
run $C participant list "$ed" --role chef
expect_rc 1 "a bad role"
expect_in "$err" "kizuna: --role: " "the bad role names its option"

# ---- programme list: one edition's, a day with --date ----
ed=$(sqlite3 "$T/demo.db" "SELECT seminar FROM programme_item GROUP BY seminar ORDER BY count(*) DESC LIMIT 1")
check_list "programme list" programme list "$ed"
day=$(sqlite3 "$T/demo.db" "SELECT date FROM programme_item WHERE seminar = '$ed' ORDER BY date LIMIT 1")
run $C programme list "$ed" --date "$day" --format json
expect_rc 0 "programme list --date"
expect_eq "$(json_rows)" "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM programme_item WHERE seminar = '$ed' AND date = '$day'")" "--date keeps one day"
expect_not_in "$out" "\"sequence\": null" "JSON has the changes as a number"
run $C programme list "$ed" --format csv
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "id,date,start,end,timezone,city,venue,kind,title,notes" "the CSV has import's columns"
run $C programme list "$ed" --date 2019-02-30
expect_rc 1 "a bad --date"
expect_in "$err" "kizuna: --date: \"2019-02-30\" is not a date: 2019-02 has 28 days" "the bad day names its option"
run $C programme list "$ed" --date 1999-01-01
expect_in "$err" "no programme items" "a day without items"

# ---- seminar list: a series' history; CSV and JSON as before ----
rowre='^[a-z-]+/[0-9]+ '
check_list "seminar list" seminar list
rowre=
run $C seminar list --format csv
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" \
	"id,series,number,year,title,theme,theme@en,theme@ja,theme@zh,start,end,city,region,country,organiser,co_organisers,supporters,status,attendance,items,participants" \
	"seminar list: the CSV's columns (the demo's 2019 theme in three languages)"
expect_in "$out" ',"178: 日方 61, 中方 117",' "the CSV has the attendance with its parts"
run $C seminar list --format json
expect_in "$out" '"attendance": 178, "attendance_by": [{"label": "日方", "count": 61}, {"label": "中方", "count": 117}]' \
	"JSON has the total and its parts as a list"
expect_in "$(json_key ref)" "cj-seminar/18" "JSON has the edition's reference"
run $C seminar list
expect_in "$out" "cj-seminar/18          18  2019  2019年08月21日..2019年08月23日  福州市 (福建省)" "the table: edition, number, year, dates (in the office's date format), place"
run $C seminar list --series cj-seminar --format json
expect_rc 0 "seminar list --series"
expect_eq "$(json_key series | tr ' ' '\n' | sort -u)" "cj-seminar" "--series keeps one series"
expect_eq "$(json_rows)" 18 "--series by its code"
run $C seminar list --series nosuch
expect_rc 1 "an unknown series"
expect_in "$err" "kizuna: series: no seminar series \"nosuch\"" "the unknown series is named"
expect_eq "$out" "" "nothing printed for an unknown series"
run $C seminar list --year 2019 --format json
expect_eq "$(json_key year | tr ' ' '\n' | sort -u)" "2019" "--year keeps one year"
run $C seminar list --year 1800
expect_rc 1 "a year out of range"
expect_in "$err" "kizuna: --year: \"1800\" is not a year" "the bad year names its option"
run $C seminar list --year 20x9 --format csv
expect_in "$err" "kizuna: --year: \"20x9\"" "a year not a number names its option"
expect_eq "$out" "" "nothing printed on a bad year"
run $C seminar list --status Held --format csv
expect_rc 0 "--status by its label"
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | grep -vc ',held,')" 0 "--status keeps one status"
run $C seminar list --status cancelled
expect_in "$err" "no seminars found" "a status nothing has"
run $C seminar list --status asleep
expect_rc 1 "a bad seminar status"
expect_in "$err" "kizuna: --status: " "the bad status names its option"
run $C seminar list --search 福州 --format json
expect_eq "$(json_rows)" 1 "--search finds the place"
run $C seminar list --series cj-seminar --year 2019 --status held --search 福州 --format csv --limit 1
expect_eq "$(csv_rows)" 1 "the filters together"

# ---- trainee list and count: the same filters ----
check_list "trainee list" trainee list
run $C trainee list --format csv
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" \
	"id,host,home_government,home_region,home_country,name,name_roman,post,fields,year,start,end,programme,course,status,notes,created,updated" \
	"trainee list: the CSV has import's columns"
run $C trainee list --format json
expect_in "$out" '"created_by": ' "JSON has every field"
run $C trainee list
expect_in "$out" "ID             YEAR  HOST          HOME          FIELDS" "the table's columns"
run $C trainee list --year 2019 --format json
expect_eq "$(json_rows)" 7 "--year"
run $C trainee list --year 3000
expect_rc 1 "a trainee year out of range"
expect_in "$err" "kizuna: --year: \"3000\" is not a year" "the bad year names its option"
run $C trainee list --host 鸟取 --format json
expect_eq "$(json_key host)" "鸟取县" "--host matches part of the host"
run $C trainee list --region 吉林 --format json
expect_eq "$(json_key home_government)" "吉林省" "--region matches part of the home"
run $C trainee list --search 大连 --format json
expect_eq "$(json_rows)" 1 "--search"
run $C trainee list --status Completed --programme lgotp --format csv
expect_eq "$(csv_rows)" 7 "--status by label, --programme"
run $C trainee list --programme jica
expect_in "$err" "no trainee placements found" "a programme nothing has"
run $C trainee list --status asleep
expect_rc 1 "a bad trainee status"
expect_in "$err" "kizuna: --status: " "the bad status names its option"
run $C trainee list --programme nosuch --format json
expect_rc 1 "a bad programme"
expect_in "$err" "kizuna: --programme: " "the bad programme names its option"
expect_eq "$out" "" "nothing printed on a bad programme"
run $C trainee count --by host --region 吉林 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | tr -d '\r')" "鸟取县,1" "count takes the list's filters"
run $C trainee count --programme nosuch
expect_in "$err" "kizuna: --programme: " "count: the bad programme names its option"
run $C trainee count --year 1800
expect_in "$err" "kizuna: --year: \"1800\" is not a year" "count: the bad year names its option"
run $C trainee count --limit 1
expect_rc 2 "count takes no --limit"

finish
