# dates.sh - dates typed as the office writes them (its order, its forms),
# shown in its date format, history in its time zone, and its today.
. "$KZ_TESTS/lib.sh"
export KIZUNA_NOW=2026-12-31T20:00:00Z
unset KIZUNA_TODAY
# office CONFIG ID COUNTRY ZONE FORMAT [ORDER]: a configuration of its own
office() {
	{
		printf 'office:\n  id: %s\n  name: %s office\n  countries: [%s]\n' "$2" "$2" "$3"
		printf '  language: en\n  timezone: %s\n  date_format: "%s"\n' "$4" "$5"
		[ -n "$6" ] && printf '  date_order: %s\n' "$6"
		printf 'user: tester\n'
	} > "$T/$1.yaml"
}
office beijing BJS CN Asia/Shanghai "%Y年%m月%d日"
office london LON GB Europe/London "%d/%m/%Y"
office newyork NYC US America/New_York "%m/%d/%Y"
office utc KZ CN UTC "%Y-%m-%d"
office paris PAR FR Europe/Paris "%Y-%m-%d" DMY
B=$T/beijing.yaml L=$T/london.yaml N=$T/newyork.yaml U=$T/utc.yaml P=$T/paris.yaml
count() { sqlite3 "$(office_db "$1")" "$2"; }
line() { printf '%s\n' "$out" | grep "^$1"; }	# line LABEL: the shown line

# ---- Beijing: 2027年1月1日 ----
run_as "$B" specialist add --name "佐藤 健一" --roman "Ken Sato" --government 島根県 \
	--fields agriculture --langs zh:business
expect_rc 0 "Beijing: a specialist"; bsp=$out
run_as "$B" request add --country CN --province 河南省 --city 开封市 --fields agriculture \
	--topic vegetables --from "2027年1月1日" --to "２０２７年１月２０日" --language zh
expect_rc 0 "Beijing: a request with dates as Chinese is written"; breq=$out
run_as "$B" match "$breq"
expect_in "$out" "Wished period 2027年01月01日..2027年01月20日" "Beijing: match names the period in the office's format"
expect_in "$out" "free over the wished period 2027年01月01日..2027年01月20日" \
	"Beijing: a match reason in the office's format"
run_as "$B" dispatch add --request "$breq" --specialist "$bsp" --from "2027年1月1日" --to "2027/1/20"
expect_rc 0 "Beijing: a dispatch added with 2027年1月1日"; bdsp=$out
expect_eq "$(count "$B" "SELECT start || ' ' || end FROM dispatch")" "2027-01-01 2027-01-20" \
	"Beijing: stored ISO"
run_as "$B" dispatch list
expect_in "$out" "2027年01月01日" "Beijing: the list in the office's date format"
run_as "$B" dispatch list --format csv
expect_in "$out" ",2027-01-01," "Beijing: CSV keeps ISO"
expect_not_in "$out" "年" "Beijing: no office format in CSV"
run_as "$B" dispatch list --from "2027年1月10日"
expect_rc 0 "Beijing: a filter takes the office's form"
expect_in "$out" "$bdsp" "Beijing: the filter finds the dispatch"
run_as "$B" dispatch show "$bdsp"
expect_in "$out" "2027年01月01日 04:00 CST  tester" "Beijing: history in Beijing time, labelled"
expect_in "$out" "WHEN" "Beijing: history heading"
expect_not_in "$out" "(UTC)" "Beijing: the heading no longer says UTC"
# at 20:00 UTC on 31 December it is already 1 January in Beijing
run_as "$B" request show "$breq"
expect_in "$(line received)" " 2027年01月01日" "Beijing: today is Beijing's"
run_as "$B" timeline --from 2026/12/20 --to "2027年2月1日"
expect_rc 0 "Beijing: timeline --from/--to in the office's forms"
expect_in "$out" "Dispatches 2026年12月20日 to" "Beijing: the timeline's period in the office's format"
run_as "$B" match "$breq"
expect_in "$out" "on dispatch $bdsp 2027年01月01日..2027年01月20日" "Beijing: a reason it cannot go, in the office's format"
run_as "$B" sync export -o "$T/b1.kzb"
expect_rc 0 "Beijing: a bundle"
run_as "$B" sync status
expect_in "$out" "last bundle sent: 1, at 2027年01月01日 04:00 CST" "Beijing: sync status in Beijing time"

# ---- London: 01/02/2027 is 1 February ----
run_as "$L" request add --country GB --fields agriculture --topic sheep \
	--from 01/02/2027 --to 14.02.2027 --language en
expect_rc 0 "London: a request with day-first dates"; lreq=$out
expect_eq "$(count "$L" "SELECT wish_start || ' ' || wish_end FROM request")" "2027-02-01 2027-02-14" \
	"London: 01/02/2027 is 1 February"
expect_eq "$(count "$L" "SELECT received FROM request")" "2026-12-31" "London: today is London's"
run_as "$L" request show "$lreq"
expect_in "$(line 'wished from')" " 01/02/2027" "London: shown day first"
expect_in "$out" "31/12/2026 20:00 GMT  tester" "London: history in London time"
run_as "$L" request add --country GB --fields agriculture --topic sheep \
	--from 02/13/2027 --to 14/02/2027 --language en
expect_rc 1 "London: month-first is refused"
expect_in "$err" "wish_start: \"02/13/2027\" is not a date: this office writes the day first (DD/MM/YYYY)" \
	"London: the refusal names the field and the order"
expect_eq "$(count "$L" "SELECT count(*) FROM request")" 1 "London: nothing written"
run_as "$L" request list --format json
expect_in "$out" '"wish_start": "2027-02-01"' "London: JSON keeps ISO"
run_as "$L" request add --country GB --fields agriculture --topic apples \
	--from "1 Feb 2027" --to "1er mars 2027" --language en
expect_rc 0 "London: month names, English and French"
expect_eq "$(count "$L" "SELECT wish_end FROM request WHERE topic = 'apples'")" "2027-03-01" \
	"London: 1er mars 2027"
# a CSV file a London office writes by hand
printf 'name,name_roman,government,status,fields,unavailable\n' > "$T/spec.csv"
printf 'Jones,Ann Jones,Kent,serving,agriculture,03/02/2027..05/02/2027 leave\n' >> "$T/spec.csv"
run_as "$L" import specialists "$T/spec.csv"
expect_rc 0 "London: CSV import takes day-first dates"
expect_eq "$(count "$L" "SELECT start || ' ' || end FROM specialist_unavail")" "2027-02-03 2027-02-05" \
	"London: the unavailability stored ISO"
run_as "$L" specialist list --free 04/02/2027
expect_rc 0 "London: --free takes a day-first date"
expect_not_in "$out" "Ann Jones" "London: not free on 4 February"
run_as "$L" specialist list --free "06/02/2027..07.02.2027"
expect_in "$out" "Ann Jones" "London: free from 6 February"

# ---- New York: 01/02/2027 is 2 January ----
run_as "$N" request add --country US --fields agriculture --topic corn \
	--from 01/02/2027 --to 12/31/2027 --language en
expect_rc 0 "New York: month-first dates"; nreq=$out
expect_eq "$(count "$N" "SELECT wish_start || ' ' || wish_end FROM request")" "2027-01-02 2027-12-31" \
	"New York: 01/02/2027 is 2 January"
run_as "$N" request show "$nreq"
expect_in "$(line 'wished from')" " 01/02/2027" "New York: shown month first"
expect_in "$out" "12/31/2026 15:00 EST  tester" "New York: history in New York time"

# ---- an office that writes the year first: one reading only ----
run_as "$U" request add --country CN --fields agriculture --topic rice \
	--from 01/02/2027 --to 2027-03-01 --language zh
expect_rc 1 "YMD: an ambiguous date is refused"
expect_in "$err" "wish_start: \"01/02/2027\" could be 2027-02-01 or 2027-01-02: write it as YYYY-MM-DD" \
	"YMD: the ambiguity named, with both readings"
expect_eq "$(count "$U" "SELECT count(*) FROM request")" 0 "YMD: nothing written"
run_as "$U" request add --country CN --fields agriculture --topic rice \
	--from 13/02/2027 --to tomorrow --language zh
expect_rc 1 "YMD: a word is no date"
expect_in "$err" "wish_end: \"tomorrow\" is not a date; write it as one of 2027-01-31, 2027/1/31" \
	"YMD: the forms shown"
run_as "$U" request add --country CN --fields agriculture --topic rice \
	--from 13/02/2027 --to 2027-02-29 --language zh
expect_rc 1 "YMD: 29 February 2027 does not exist"
expect_in "$err" "wish_end: \"2027-02-29\" is not a date: 2027-02 has 28 days" "YMD: Feb 29 named"

# ---- date_order overrides the format's order ----
run_as "$P" request add --country FR --fields agriculture --topic vin \
	--from 01/02/2027 --to 2027-03-01 --language fr
expect_rc 0 "date_order DMY with an ISO format"
expect_eq "$(count "$P" "SELECT wish_start FROM request")" "2027-02-01" "date_order: 1 February"
sed 's/date_order: DMY/date_order: DYM/' "$P" > "$T/bad.yaml"
run -c "$T/bad.yaml" config check
expect_rc 1 "a bad date_order is refused"
expect_in "$out$err" "the date order must be YMD, DMY or MDY" "the bad date_order named"

# ---- the help names the forms in the office's order ----
run -c "$L" --help
expect_in "$out" "A DATE is typed as the office writes dates: 2027-01-31, 31/01/2027, 31.01.2027" \
	"help: London's forms"
run -c "$N" --help
expect_in "$out" "01/31/2027" "help: New York's forms"
finish
