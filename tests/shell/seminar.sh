# seminar.sh - series, editions, programmes, participants, trainees: every
# subcommand, the CSV imports with bad rows, the exports (iCalendar checked
# with calcurse and Python's icalendar), and the demo set.
. "$KZ_TESTS/lib.sh"
F=$FIX/seminar
CFG=$KZ_TESTS/../config
export KIZUNA_NOW=2026-01-02T03:04:05Z

# A Python that has the icalendar library (Debian's python3-icalendar).
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] && ok || bad "no python3 with the icalendar library (apt-get install python3-icalendar)"
command -v calcurse >/dev/null && ok || bad "calcurse is not installed (apt-get install calcurse)"

# ---- series ----
run series add --code sin-seminar --name "Local Government Exchange and Cooperation Seminar" --office SIN
expect_rc 0 "series add"
case "$out" in KZ-????-????) ok ;; *) bad "series add printed '$out'" ;; esac
run series add --code sin-seminar --name again
expect_rc 1 "a series code twice"
expect_in "$err" "code \"sin-seminar\" is taken" "the taken code is named"
run series add --code "Bad Code"
expect_rc 1 "a bad series"
expect_in "$err" "code: code \"Bad Code\" must be" "bad code named"
expect_in "$err" "name: name is required" "missing name named"
run series add --code x --colour blue
expect_rc 2 "an unknown option is a usage error"
run series edit sin-seminar --notes "One week in Japan"
expect_rc 0 "series edit"
run series list
expect_rc 0 "series list"
expect_in "$out" "sin-seminar" "series list shows the code"
run series list --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["code"]=="sin-seminar" and d[0]["notes"]=="One week in Japan" and d[0]["office"]=="SIN"' \
	&& ok || bad "series list json"

# ---- editions ----
run seminar add --series sin-seminar --year 2019 --start 2019-12-15 --end 2019-12-21 \
	--title "Local Government Exchange and Cooperation Seminar 2019" \
	--city "Tokyo, Shimonoseki" --country JP --theme "Tourism Promotion; Multiculturalism" \
	--attendance "9: KH 1, IN 1, ID 1, LA 1, MY 1, MM 1, PH 1, LK 1, TH 1" --status held
expect_rc 0 "seminar add"
ed=$out
run seminar add --series sin-seminar --year 2020 --number 2
expect_rc 0 "an edition with a number"
run seminar add --series sin-seminar --year 2021 --number 2
expect_rc 1 "an edition number used twice"
expect_in "$err" "number: edition 2 of this series exists already" "the number is named"
run seminar add --series nosuch --year 2019
expect_rc 1 "an unknown series"
expect_in "$err" "no seminar series \"nosuch\"" "the series is named"
run seminar add --series sin-seminar --year 2022 --start 2022-12-21 --end 2022-12-15 \
	--attendance "5: Japanese 3, Thai 3" --status finished --country XX
expect_rc 1 "a bad edition"
expect_in "$err" "status must be planned, confirmed, held or cancelled" "status named"
run seminar add --series sin-seminar --year 2022 --start 2022-12-21 --end 2022-12-15 \
	--attendance "5: Japanese 3, Thai 3" --country XX
expect_in "$err" "end: the edition ends (2022-12-15) before it starts" "dates out of order"
expect_in "$err" "attendance: the parts add up to 6, more than the total of 5" "parts over the total"
expect_in "$err" "country: \"XX\" is not an ISO" "bad country"
run seminar list --series sin-seminar
expect_rc 0 "seminar list"
expect_in "$out" "sin-seminar/2019" "an edition without a number is named by its year"
expect_in "$out" "sin-seminar/2" "an edition with a number by its number"
run seminar list --format csv
expect_in "$out" "id,series,number,year,title,theme,start,end,city" "seminar csv header"
run seminar show sin-seminar/2019
expect_rc 0 "seminar show by series/year"
expect_in "$out" "Tourism Promotion; Multiculturalism" "show: theme"
expect_in "$out" "9: KH 1, IN 1, ID 1" "show: attendance by country"
run seminar show --format json "$ed"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["attendance"]["total"]==9 and len(d["attendance"]["by"])==9 and d["attendance"]["by"][0]=={"label": "KH", "count": 1} and d["ref"]=="sin-seminar/2019" and d["items"]==0 and d["number"] is None' \
	&& ok || bad "seminar show json"
run seminar show "$ed" --format csv
expect_rc 0 "seminar show csv"
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "id,series,number,year,title,theme,start,end,city,region,country,organiser,co_organisers,supporters,status,attendance,notes" "seminar show csv: the table's header"
expect_in "$out" ",held,\"9: KH 1, IN 1" "seminar show csv: status and attendance"
printf '%s\n' "$out" | grep -q '^status  *held$' && bad "csv is not the table" || ok
run seminar show "$ed"
printf '%s\n' "$out" | grep -q '^host city  *Tokyo, Shimonoseki$' && ok || bad "seminar show: a line a field, labelled"
printf '%s\n' "$out" | grep -q '^edition  *sin-seminar/2019$' && ok || bad "seminar show: the edition's name first"
run seminar edit "$ed" --year MMXIX --status done
expect_rc 1 "seminar edit with bad values"
expect_in "$err" "year: year must be a whole number" "a bad year is named"
expect_in "$err" "status: status must be planned" "a bad status is named"
run seminar add --help
expect_in "$out" "--attendance ATTENDANCE" "seminar add's options from the table"
run seminar edit sin-seminar/2 --title "Second" --number ""
expect_rc 0 "seminar edit clears the number"
run seminar show sin-seminar/2020
expect_in "$out" "Second" "the edited edition found by year"

# ---- programme items ----
run programme add sin-seminar/2019 --date 2019-12-16 --start 9:30 --end 11:00 --city Tokyo \
	--venue CLAIR --kind lecture --title "Local administration in Japan"
expect_rc 0 "programme add"
item=$out
run programme add sin-seminar/2019 --date 2019-12-22 --city Tokyo --kind visit --title late
expect_rc 1 "an item after the edition"
expect_in "$err" "date: 2019-12-22 is outside the edition's dates 2019-12-15..2019-12-21" "outside named"
run programme add sin-seminar/2019 --date 2019-12-16 --start 10:00 --end 10:30 --city Tokyo \
	--venue TIC --kind visit --title "Visit to TIC"
expect_rc 1 "a clash at another venue"
expect_in "$err" "clash: overlaps 2019-12-16 09:30-11:00 \"Local administration in Japan\" at CLAIR, Tokyo ($item)" "the clash is named"
expect_in "$err" "--force" "the way out is said"
run programme add sin-seminar/2019 --date 2019-12-16 --start 10:00 --end 10:30 --city Tokyo \
	--venue TIC --kind visit --title "Visit to TIC" --force
expect_rc 0 "a clash kept with --force"
expect_in "$err" "warning: clash: overlaps" "and warned"
run programme add sin-seminar/2019 --date 2019-12-16 --start 9h --kind party --title x
expect_rc 1 "bad time and kind"
expect_in "$err" "start: \"9h\" is not a time" "bad time named"
expect_in "$err" "\"party\" is not a kind" "bad kind named"
run programme add sin-seminar/2019 --date 2019-12-18 --start 10:00 --city Shimonoseki \
	--kind courtesy-call --title "Courtesy call on the Mayor"
expect_rc 0 "an item in a second city"
run programme add sin-seminar/2019 --date 2019-12-15 --city Tokyo --kind arrival \
	--title "Participants arrive"
expect_rc 0 "an all-day item"
run programme list sin-seminar/2019
expect_rc 0 "programme list"
expect_in "$out" "09:30-11:00" "list: times"
expect_in "$out" "courtesy call" "list: kind as shown"
first=$(printf '%s\n' "$out" | sed -n 2p)
expect_in "$first" "Participants arrive" "list: by day"
run programme list sin-seminar/2019 --date 2019-12-18 --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==1 and d[0]["timezone"]=="Asia/Tokyo" and d[0]["kind"]=="courtesy-call"' \
	&& ok || bad "programme list --date json, zone from the city"
run programme edit "$item" --title "Lecture: local administration in Japan" --format json
expect_rc 0 "programme edit"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["sequence"]==1' \
	&& ok || bad "an edit raises the sequence"
run programme edit "$item" --start 08:00
expect_rc 1 "moving an item is checked again"
expect_in "$err" "clash: overlaps 2019-12-16 10:00-10:30 \"Visit to TIC\"" "the other item named"
run programme edit "$item" --start 08:00 --end 09:30
expect_rc 0 "moving an item off the clash"
run programme show "$item"
expect_rc 0 "programme show"
printf '%s\n' "$out" | grep -q '^venue  *CLAIR$' && ok || bad "programme show: the venue labelled"
printf '%s\n' "$out" | grep -q '^start  *08:00$' && ok || bad "programme show: the new start"
printf '%s\n' "$out" | grep -q '^time zone  *Asia/Tokyo$' && ok || bad "programme show: the zone"
run programme show "$item" --format csv
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "id,date,start,end,timezone,city,venue,kind,title,notes" "programme show csv: the table's header"
expect_in "$out" "$item,2019-12-16,08:00,09:30,Asia/Tokyo,Tokyo,CLAIR,lecture," "programme show csv: the row"
run programme show --format json "$item"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="'"$item"'" and d["kind"]=="lecture" and d["tz"]=="Asia/Tokyo" and d["start"]=="08:00" and d["sequence"]==2' \
	&& ok || bad "programme show json"
run programme show nosuch
expect_rc 1 "programme show of no item"
expect_in "$err" "no programme item" "the missing item is said"
run seminar edit sin-seminar/2019 --end 2019-12-17
expect_rc 1 "new dates that leave items out"
expect_in "$err" "1 programme items would fall outside 2019-12-15..2019-12-17, the first 2019-12-18" "the item left out is named"

# ---- exports ----
run export programme sin-seminar/2019 --format ics -o "$T/p.ics"
expect_rc 0 "export ics"
ics=$(cat "$T/p.ics")
expect_in "$ics" "DTSTART;TZID=Asia/Tokyo:20191216T080000" "timed item in its zone"
expect_in "$ics" "DTEND;TZID=Asia/Tokyo:20191216T093000" "its end"
expect_in "$ics" "DTSTART;VALUE=DATE:20191215" "all-day item"
expect_in "$ics" "UID:$item@kizuna" "the UID is the item's id"
expect_in "$ics" "DTSTAMP:20260102T030405Z" "stamped"
expect_in "$ics" "BEGIN:VTIMEZONE" "a VTIMEZONE"
expect_in "$ics" "TZOFFSETTO:+0900" "Tokyo's offset"
expect_eq "$(grep -c '' "$T/p.ics")" "$(grep -c "$(printf '\r')\$" "$T/p.ics")" "every line ends CRLF"
LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { exit n > 0 }' "$T/p.ics" \
	&& ok || bad "a line longer than 75 octets"
expect_eq "$(grep -c BEGIN:VEVENT "$T/p.ics")" 4 "one event per item"
mkdir -p "$T/cal"
TZ=Asia/Tokyo calcurse -D "$T/cal" -i "$T/p.ics" >"$T/cal.out" 2>&1
expect_eq "$?" 0 "calcurse imports the file"
expect_in "$(cat "$T/cal.out")" "0 skipped" "calcurse skips nothing"
expect_in "$(cat "$T/cal/apts")" "12/16/2019 @ 08:00 -> 12/16/2019 @ 09:30" "calcurse reads the time in Tokyo"
[ -n "$PY" ] && "$PY" - "$T/p.ics" <<'EOF' && ok || bad "icalendar does not read the file right"
import sys, icalendar, datetime
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = {str(e["SUMMARY"]): e for e in c.walk("VEVENT")}
assert len(ev) == 4, ev.keys()
lec = ev["Lecture: local administration in Japan"].decoded("DTSTART")
assert lec.utcoffset() == datetime.timedelta(hours=9), lec
assert ev["Participants arrive"].decoded("DTSTART") == datetime.date(2019, 12, 15)
assert int(ev["Lecture: local administration in Japan"]["SEQUENCE"]) == 2
EOF
run export programme sin-seminar/2019 --format txt
expect_rc 0 "export txt"
expect_in "$out" "Local Government Exchange and Cooperation Seminar 2019" "txt: title"
expect_in "$out" "Monday  (day 2 of 7)" "txt: weekday and day number"
expect_in "$out" "08:00-09:30" "txt: times"
expect_in "$out" "Times are local times (Asia/Tokyo)." "txt: the zone said"
run export programme sin-seminar/2019 --width 50
w=$(printf '%s\n' "$out" | wc -L)
[ "$w" -le 50 ] && ok || bad "txt --width 50 has a line $w wide"
# the date formats of Beijing and Singapore, on this office's database (a
# database refuses another office's configuration)
for f in "%Y年%m月%d日:cn" "%d %b %Y:sg"; do
	sed "s/^\(  *\)date_format: .*/\1date_format: \"${f%:*}\"/" "$CFG/default.yaml" > "$T/kz-${f##*:}.yaml"
done
run -c "$T/kz-cn.yaml" export programme sin-seminar/2019
expect_in "$out" "2019年12月16日" "txt: the Beijing office's date format"
run -c "$T/kz-sg.yaml" export programme sin-seminar/2019
expect_in "$out" "16 Dec 2019" "txt: the Singapore office's date format"
run export programme sin-seminar/2019 --format csv -o "$T/p.csv"
expect_rc 0 "export csv"
expect_eq "$(head -n 1 "$T/p.csv" | tr -d '\r')" "id,date,start,end,timezone,city,venue,kind,title,notes" "csv header"
run export programme sin-seminar/2019 --format pdf
expect_rc 1 "an unknown export format"
expect_in "$err" "is not ics, txt or csv" "formats named"
run export programme sin-seminar/1999
expect_rc 1 "an unknown edition"

# a zone with daylight-saving time: a VTIMEZONE with the changes
run series add --code paris --name "Paris seminar" --office PAR
run seminar add --series paris --year 2019 --start 2019-03-30 --end 2019-04-01
run programme add paris/2019 --date 2019-03-30 --start 10:00 --tz Europe/Paris --city Paris --kind lecture --title before
run programme add paris/2019 --date 2019-04-01 --start 10:00 --tz Europe/Paris --city Paris --kind lecture --title after
run programme add paris/2019 --date 2019-03-31 --start 02:30 --tz Europe/Paris --city Paris --kind lecture --title gap
expect_rc 1 "a time the clocks skip"
expect_in "$err" "02:30 does not exist on 2019-03-31 in Europe/Paris" "the skipped time is named"
run programme add paris/2019 --date 2019-03-31 --tz Mars/Olympus --city Paris --kind lecture --title x
expect_in "$err" "unknown time zone \"Mars/Olympus\"" "an unknown zone is refused"
run export programme paris/2019 --format ics -o "$T/paris.ics"
expect_in "$(cat "$T/paris.ics")" "DTSTART:20190331T020000" "the change to summer time"
[ -n "$PY" ] && "$PY" - "$T/paris.ics" <<'EOF' && ok || bad "the VTIMEZONE of Europe/Paris is wrong"
import sys, icalendar, datetime
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
tz = c.walk("VTIMEZONE")[0].to_tz()
assert tz.localize(datetime.datetime(2019, 3, 30, 10)).utcoffset() == datetime.timedelta(hours=1)
assert tz.localize(datetime.datetime(2019, 4, 1, 10)).utcoffset() == datetime.timedelta(hours=2)
EOF

# ---- importing a programme ----
run seminar add --series sin-seminar --year 2018 --start 2019-12-15 --end 2019-12-21
expect_rc 1 "the first day outside the year"
run -d "$T/imp.db" series add --code sin --name "Seminar"
run -d "$T/imp.db" seminar add --series sin --year 2019 --start 2019-12-15 --end 2019-12-21
run -d "$T/imp.db" import programme sin/2019 "$F/programme.csv"
expect_rc 0 "import programme"
expect_in "$err" "4 rows read, 4 imported, 0 skipped" "import report"
run -d "$T/imp.db" programme list sin/2019 --date 2019-12-18 --format csv
expect_in "$out" "Asia/Tokyo" "下関市 is in Asia/Tokyo"
run -d "$T/imp.db" import programme sin/2019 "$F/programme.csv"
expect_in "$err" "4 rows read, 0 imported, 4 skipped" "importing twice adds nothing"
expect_in "$err" "programme.csv:2: skipped: the same item is in the programme as KZ-" "the repeat is named"
run -d "$T/imp.db" import programme sin/2019 "$F/programme_bad.csv"
expect_rc 1 "import bad programme rows"
expect_in "$err" "programme_bad.csv:3: date: 2019-12-25 is outside the edition's dates" "row 3 named"
expect_in "$err" "programme_bad.csv:4: clash: overlaps 2019-12-16 09:30-11:00" "row 4 clash named"
expect_in "$err" "programme_bad.csv:5: start: \"25:00\" is not a time" "row 5 time"
expect_in "$err" "programme_bad.csv:5: kind:" "row 5 kind"
expect_in "$err" "programme_bad.csv:5: title: title is required" "row 5 title"
expect_in "$err" "3 of 4 rows are not valid; nothing was imported" "all or nothing"
run -d "$T/imp.db" programme list sin/2019 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 4 "nothing imported from a bad file"
run -d "$T/imp.db" import programme --skip-bad --force sin/2019 "$F/programme_bad.csv"
expect_rc 0 "import --skip-bad --force"
expect_in "$err" "4 rows read, 2 imported, 2 skipped" "skip-bad report"
expect_in "$err" "programme_bad.csv:4: warning: clash" "the forced clash is a warning"
run -d "$T/imp.db" import programme sin/2019 "$T/none.csv"
expect_rc 1 "import a missing file"
expect_in "$err" "No such file" "missing file said"
run -d "$T/imp.db" import programme sin/2035 "$F/programme.csv"
expect_rc 1 "import into an unknown edition"
# the CSV export reads back in: ids keep the repeat out
run -d "$T/imp.db" export programme sin/2019 --format csv -o "$T/round.csv"
run -d "$T/imp.db" import programme sin/2019 "$T/round.csv"
expect_in "$err" "6 rows read, 0 imported, 6 skipped" "an exported programme is known by its ids"

# ---- participants ----
run participant add sin-seminar/2019 --name "Sok Dara" --country KH --email sok@example.org \
	--organisation "Ministry of Interior"
expect_rc 0 "participant add"
pid=$out
run participant add sin-seminar/2019 --country XX --email nope --role boss
expect_rc 1 "a bad participant"
expect_in "$err" "role must be participant, speaker, interpreter or staff" "role named"
run participant add sin-seminar/2019 --country XX --email nope
expect_in "$err" "name: name is required" "name named"
expect_in "$err" "country: \"XX\" is not an ISO" "country named"
expect_in "$err" "email: e-mail address \"nope\"" "e-mail named"
run import participants sin-seminar/2019 "$F/participants.csv"
expect_rc 0 "import participants"
expect_in "$err" "4 rows read, 4 imported, 0 skipped" "participants report"
run import participants sin-seminar/2019 "$F/participants.csv"
expect_in "$err" "4 rows read, 0 imported, 4 skipped" "participants twice"
run import participants sin-seminar/2019 "$F/participants_bad.csv"
expect_rc 1 "import bad participants"
expect_in "$err" "participants_bad.csv:3: name: name is required" "row 3"
expect_in "$err" "participants_bad.csv:4: country:" "row 4 country"
expect_in "$err" "participants_bad.csv:4: role:" "row 4 role"
expect_in "$err" "2 of 3 rows are not valid; nothing was imported" "participants all or nothing"
run import participants sin-seminar/2019 "$F/participants_header.csv"
expect_rc 1 "an unknown column"
expect_in "$err" "participants_header.csv:1: unknown column \"shoe_size\"" "the column is named"
run import participants --skip-bad sin-seminar/2019 "$F/participants_bad.csv"
expect_in "$err" "3 rows read, 1 imported, 2 skipped" "participants skip-bad"
run participant list sin-seminar/2019
expect_rc 0 "participant list"
expect_in "$out" "Sok Dara" "list: names"
expect_in "$out" "KH Cambodia" "list: countries by name"
expect_not_in "$out" "sok@example.org" "no contacts by default"
expect_in "$out" "6 participants" "list: the count"
run participant list sin-seminar/2019 --contacts
expect_in "$out" "sok@example.org" "contacts on request"
run participant list sin-seminar/2019 --role interpreter --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 1 "one interpreter"
expect_in "$out" "id,name,name_roman,country,organisation,post,role" "list csv is the import form"
expect_not_in "$out" "needs" "needs and notes are personal data: not by default"
run participant list sin-seminar/2019 --role interpreter --format csv --contacts
expect_in "$out" "id,name,name_roman,country,organisation,post,role,needs,notes,email,phone" "with --contacts, all of the import form"
run participant count sin-seminar/2019 --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["country"]["KH"]==2 and d["role"]["participant"]==4 and d["role"]["interpreter"]==1' \
	&& ok || bad "participant count json"
run participant count sin-seminar/2019 --by country
expect_in "$out" "Cambodia" "count: country names"
expect_in "$out" "6 in all" "count: total"
run participant edit "$pid" --role speaker --needs halal
expect_rc 0 "participant edit"
run participant list sin-seminar/2019
expect_not_in "$out" "halal" "a participant's needs are not listed by default"
run participant list sin-seminar/2019 --format json
expect_not_in "$out" "halal" "nor in JSON"
run participant list sin-seminar/2019 --contacts
expect_in "$out" "halal" "they are with --contacts"
run participant rm "$pid"
expect_rc 1 "rm without --yes and no terminal"
run participant rm --yes "$pid"
expect_rc 0 "participant rm --yes"
run seminar show sin-seminar/2019
printf '%s\n' "$out" | grep -q '^participants  *5$' && ok || bad "show: participants counted"
expect_in "$out" "taking part" "show: who takes part by country and role"

# ---- trainees ----
run trainee add --host 岩手县 --home 辽宁省大连市 --region 辽宁省 --country CN --year 2019 \
	--fields 经济交流 --status completed
expect_rc 0 "trainee add"
tid=$out
run trainee add --host 大分县 --home 湖北省 --region 湖北省 --start 2019-10-01 --end 2020-03-31 \
	--fields "观光、地方发展政策" --programme lgotp --status ongoing
expect_rc 0 "trainee add with a period"
run trainee add --start 2021-04-01 --end 2021-03-01 --year 2019 --programme jet
expect_rc 1 "a bad placement"
expect_in "$err" "programme must be lgotp, jica or other" "programme named"
run trainee add --start 2021-04-01 --end 2021-03-01 --year 2019
expect_in "$err" "host: host government is required" "host named"
expect_in "$err" "home_government: home government is required" "home named"
expect_in "$err" "end: the placement ends (2021-03-01) before it starts" "period named"
expect_in "$err" "start: the period starts in 2021, outside programme year 2019" "year named"
run trainee list
expect_rc 0 "trainee list"
expect_in "$out" "岩手县" "list: host"
run trainee list --year 2018
expect_in "$err" "no trainee placements found" "an empty year"
run trainee list --search 大连 --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==1 and d[0]["year"]==2019' \
	&& ok || bad "trainee search json"
run trainee count --by host --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["total"]==2' \
	&& ok || bad "trainee count json"
run trainee count --by region
expect_in "$out" "湖北省" "count by region"
run trainee count
expect_in "$out" "2 placements" "count by year"
run trainee count --by shoe
expect_rc 1 "count by an unknown key"
run trainee show "$tid"
expect_in "$out" "辽宁省大连市" "show"
run trainee edit "$tid" --name 王芳 --roman "Wang Fang"
expect_rc 0 "trainee edit"
run trainee show --format json "$tid"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["name"]=="王芳"' \
	&& ok || bad "trainee show json"
run trainee rm --yes "$tid"
expect_rc 0 "trainee rm"

# ---- deleting ----
run series rm --yes sin-seminar
expect_rc 1 "a series with editions stays"
expect_in "$err" "has 2 editions" "and says why"
run seminar rm --yes sin-seminar/2019
expect_rc 0 "seminar rm"
run programme list sin-seminar/2019
expect_rc 1 "the edition is gone"
run programme list "$ed"
expect_rc 1 "by id too"

# ---- the demo set ----
# Head office's demo holds every office's records (an office's, its own:
# tests/shell/home.sh); in English, as the checks read messages.
sed 's/^\(  *\)language: .*/\1language: en/' "$CFG/tokyo.yaml" > "$T/head.yaml"
run -c "$T/head.yaml" -d "$T/demo.db" demo
expect_rc 0 "demo"
run -c "$T/head.yaml" -d "$T/demo.db" seminar list --series cj-seminar --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 18 "18 China-Japan seminars"
run -c "$T/head.yaml" -d "$T/demo.db" seminar show cj-seminar/18
expect_in "$out" "178: 日方 61, 中方 117" "2019 attendance"
printf '%s\n' "$out" | grep -q '^first day  *2019年08月21日$' && ok || bad "2019: first day"
printf '%s\n' "$out" | grep -q '^last day  *2019年08月23日$' && ok || bad "2019: last day"
run -c "$T/head.yaml" -d "$T/demo.db" seminar show cj-seminar/2003
expect_in "$out" "亚洲经济发展中地方政府的作用" "the 2nd edition's theme"
run -c "$T/head.yaml" -d "$T/demo.db" programme list sin-seminar/2019 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 16 "the Singapore programme"
run -c "$T/head.yaml" -d "$T/demo.db" participant count sin-seminar/2019 --by country --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["country"])==9' \
	&& ok || bad "nine participant countries"
run -c "$T/head.yaml" -d "$T/demo.db" trainee count --year 2019
expect_in "$out" "7 placements" "seven 2019 placements"
run -c "$T/head.yaml" -d "$T/demo.db" export programme cj-seminar/18 --format ics -o "$T/cj.ics"
expect_rc 0 "demo ics"
expect_eq "$(grep -c BEGIN:VEVENT "$T/cj.ics")" 8 "eight items in 2019"
finish
