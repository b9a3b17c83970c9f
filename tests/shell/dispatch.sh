# dispatch.sh - `kizuna request ...`, `match`, `dispatch ...`, `timeline` and
# `export dispatches`, each rule's refusal included, against a fresh database.
. "$KZ_TESTS/lib.sh"
export KIZUNA_TODAY=2019-09-01 KIZUNA_NOW=2019-09-01T02:00:00Z
C="-c $FIX/dispatch/office.yaml"
count() { sqlite3 "$XDG_DATA_HOME/kizuna/kizuna.db" "$1"; }

# people
run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--status retired --fields "agriculture:vegetables continuous cropping:20" --langs zh:business
expect_rc 0 "seed Sato"; sato=$out
run $C specialist add --name "伊藤 誠" --roman "Makoto Ito" --government 宮城県 \
	--fields "agriculture::8" --unavailable "2019-11-01..2019-11-30 surgery"
expect_rc 0 "seed Ito"; ito=$out
run $C specialist add --name "森 修" --roman "Osamu Mori" --government 山梨県 --fields education
expect_rc 0 "seed Mori"

# ---- requests ----
run $C request add --country XX --from 2019-09-23 --to 2019-09-16 --interpreting none
expect_rc 1 "request add refuses a bad request"
expect_in "$err" "country: \"XX\" is not an ISO 3166-1" "bad country named"
expect_in "$err" "fields: at least one field" "fields required"
expect_in "$err" "topic: topic is required" "topic required"
expect_in "$err" "wish_end: the wished period ends (2019-09-16) before it starts" "period backwards"
expect_in "$err" "language: without interpreting the working language must be given" "language needed"
expect_eq "$(count 'SELECT count(*) FROM request')" 0 "a refused request writes nothing"
run $C request add --country cn --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables: damage from continuous cropping" \
	--from 2019-09-16 --to 2019-09-23 --language zh --mode lecture
expect_rc 1 "request add refuses an unknown mode"
expect_in "$err" "mode: mode must be onsite or online, not \"lecture\"" "mode named"
run $C request add --country cn --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables: damage from continuous cropping" \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "request add"; req=$out
case "$req" in BJS-????-????) ok ;; *) bad "request add printed '$req'" ;; esac
run $C request add --country TH --province "Nakhon Phanom" --fields 1 --topic "lectures" \
	--days 2 --mode online --language th --interpreting host
expect_rc 0 "an online request with a length only"; req2=$out
run $C request list
expect_rc 0 "request list"
expect_in "$out" "China Henan Sheng 开封市" "list names the host country and province in English"
expect_in "$out" "received" "list shows the status"
run $C request list --format csv --status open
expect_in "$out" "id,received,status,country,place,fields,topic" "csv header"
expect_eq "$(printf '%s\n' "$out" | wc -l)" 3 "two open requests"
run $C request list --format json --country th
expect_in "$out" "\"place\": \"Nakhon Phanom\"" "json and --country"
run $C request list --status nonsense
expect_rc 1 "request list refuses an unknown status"
run $C request show "$req"
expect_rc 0 "request show"
expect_in "$out" "wished from            2019-09-16" "show: wished period from"
expect_in "$out" "wished to              2019-09-23" "show: wished period to"
printf "%s\n" "$out" | grep -qE "^fields +agriculture$" && ok || bad "show: the field by its name (as its code reads in English)"
expect_in "$out" "-> received" "show: history"
expect_in "$out" "tester" "show: user in the history"
run $C request show --format json "$req"
expect_in "$out" "\"status\": \"received\"" "show json"
run $C request edit "$req" --department 农业农村局蔬菜科
expect_rc 0 "request edit"
run $C request edit "$req" --specialists 0
expect_rc 1 "request edit refuses 0 specialists"
run $C request state "$req" closed
expect_rc 1 "request state refuses a move the table does not allow"
expect_in "$err" "is received and cannot become closed (from received it can go to: matching, proposed, declined, withdrawn)" "allowed moves named"
run $C request state "$req" finished
expect_rc 1 "request state refuses an unknown status"
run $C request state "$req" matching --note "looking in the register"
expect_rc 0 "request state"
run $C request show "$req"
expect_in "$out" "received -> matching" "the change is in the history"
expect_in "$out" "looking in the register" "with its note"

# ---- matching ----
run $C match "$req"
expect_rc 0 "match"
expect_in "$out" "Candidates for $req" "match title"
expect_in "$out" "2 can go, 0 cannot" "who can and cannot"
expect_in "$out" "+30  field agriculture, the one asked for first" "field reason with points"
expect_in "$out" "shares vegetables, continuous, cropping with the topic" "sub-speciality reason"
expect_in "$out" "+15  speaks zh: business" "language reason"
expect_in "$out" "+10  free over the wished period 2019-09-16..2019-09-23" "availability reason"
expect_not_in "$out" "Osamu Mori" "another field is no candidate"
run $C request add --country CN --province 吉林省 --fields agriculture --topic "facility horticulture" \
	--from 2019-11-01 --to 2019-11-08 --language zh
req3=$out
run $C match "$req3"
expect_in "$out" "Cannot go:" "cannot-go section"
expect_in "$out" "Makoto Ito)  $ito: declared unavailable 2019-11-01..2019-11-30 (surgery)" "the reason they cannot go"
run $C match --format csv "$req"
expect_in "$out" "rank,score,id,name,name_roman,government,status,can_go,reasons,cannot" "match csv header"
run $C match --format json "$req"
printf '%s\n' "$out" > "$T/match.json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["candidates"][0]["reasons"][0]["points"] == 30' "$T/match.json" 2>/dev/null; then ok; else bad "match json does not parse or lacks reasons"; fi
run $C match BJS-NONE-XXXX
expect_rc 1 "match refuses an unknown request"

# ---- dispatches: every rule ----
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-23 --to 2019-09-16
expect_rc 1 "dispatch add refuses an end before the start"
expect_in "$err" "end: the dispatch ends (2019-09-16) before it starts (2019-09-23)" "end before start named"
expect_in "$err" "nothing written" "says nothing was written"
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-01 --to 2019-12-15
expect_rc 1 "dispatch add refuses a dispatch longer than the maximum"
expect_in "$err" "override: 2019-09-01..2019-12-15 (106 days) is longer than the longest dispatch of 90 days (dispatch.max_days)" "maximum named"
expect_eq "$(count 'SELECT count(*) FROM dispatch')" 0 "refusals write nothing"
# the council's rule in calendar months (the samples' dispatch.max_months: 3)
sed 's/^  max_days: 90$/  max_months: 3/' "$FIX/dispatch/office.yaml" > "$T/months.yaml"
M="-c $T/months.yaml"
run $M dispatch add --request "$req" --specialist "$sato" --from 2019-05-01 --to 2019-08-01
expect_rc 1 "3 months: 1 May to 1 August is too long"
expect_in "$err" "override: 2019-05-01..2019-08-01 (93 days) is longer than the longest dispatch of 3 months (dispatch.max_months)" "the months rule named"
run $M dispatch add --request "$req" --specialist "$sato" --from 2019-11-30 --to 2020-02-29
expect_rc 1 "30 November to 29 February is too long (ends before 29 February)"
run $M dispatch add --request "$req" --specialist "$sato" --from 2019-05-01 --to 2019-07-31
expect_rc 0 "3 months: 1 May to 31 July (92 days) is within the rule"
run $M dispatch rm --yes "$out"
expect_rc 0 "and it goes again"
expect_eq "$(count 'SELECT count(*) FROM dispatch')" 0 "refusals write nothing"
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-16 --to 2019-09-23 --places 开封市
expect_rc 0 "dispatch add"; d1=$out
expect_eq "$(count "SELECT status FROM request WHERE id = '$req'")" proposed "the request moved to proposed"
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-20 --to 2019-09-30
expect_rc 1 "dispatch add refuses an overlap"
expect_in "$err" "is on dispatch $d1 (2019-09-16..2019-09-23, CN 河南省 开封市, proposed) over the same days" "the other dispatch named"
run $C dispatch add --request "$req3" --specialist "$ito" --from 2019-11-01 --to 2019-11-08
expect_rc 1 "an unavailability needs confirming"
expect_in "$err" "declared themselves unavailable 2019-11-01..2019-11-30 (surgery)" "the unavailability named"
expect_in "$err" "add --confirm to go on anyway" "how to confirm"
run $C dispatch add --request "$req3" --specialist "$ito" --from 2019-11-01 --to 2019-11-08 --confirm
expect_rc 0 "dispatch add --confirm"; d2=$out
run $C dispatch show "$d2"
expect_in "$out" "confirmed although unavailable" "the confirmation is in the history"
run $C dispatch add --request "$req3" --specialist "$sato" --from 2019-10-01 --to 2020-01-10 --override "harvest season"
expect_rc 0 "a long dispatch with a stated reason"; d3=$out
run $C dispatch show "$d3"
expect_in "$out" "harvest season" "the override reason is kept"
run $C dispatch edit "$d3" --to 2019-10-01-x
expect_rc 1 "dispatch edit refuses a bad date"

# life cycle
run $C dispatch state "$d1" underway
expect_rc 1 "nobody leaves before the agreement is signed"
expect_in "$err" "cannot leave before its agreement is signed (it is proposed)" "leaving refused"
run $C dispatch state "$d1" signed
expect_rc 1 "signing needs a reference (the date is today unless given)"
expect_in "$err" "ref: signing needs the agreement's reference" "reference needed"
run $C dispatch state "$d1" signed --date 2019-09-20 --ref BJS-2019-01
expect_rc 1 "an agreement dated after the start"
expect_in "$err" "is dated 2019-09-20, after the dispatch starts (2019-09-16)" "late agreement named"
run $C dispatch state "$d1" drafted --note "sent to Kaifeng"
expect_rc 0 "drafted"
run $C dispatch state "$d1" signed --date 2019-08-20 --ref BJS-2019-01
expect_rc 0 "signed"
expect_eq "$(count "SELECT status FROM request WHERE id = '$req'")" agreed "the request moved to agreed"
run $C dispatch state "$d1" reported
expect_rc 1 "a report before the return"
expect_in "$err" "is signed and cannot become reported (from signed it can go to: scheduled, underway, cancelled)" "allowed moves named"
run $C dispatch state "$d1" scheduled
expect_rc 0 "dispatch state scheduled"
# leaving, coming back and the report happen on their days: today moves on
export KIZUNA_TODAY=2019-10-20
for s in underway:2019-09-16 returned:2019-09-23 reported:2019-10-15; do
	run $C dispatch state "$d1" ${s%%:*} --date ${s#*:}
	expect_rc 0 "dispatch state ${s%%:*} on ${s#*:}"
done
export KIZUNA_TODAY=2019-09-01
run $C dispatch state "$d1" bogus
expect_rc 1 "an unknown state"
run $C dispatch edit "$d1" --from 2019-09-17
expect_rc 1 "a finished dispatch no longer changes"
run $C dispatch show "$d1"
expect_in "$out" "reference         BJS-2019-01" "agreement shown"
expect_in "$out" "agreement         2019-08-20" "agreement date shown"
expect_in "$out" "proposed -> agreement drafted" "history: drafted"
expect_in "$out" "returned -> report received" "history: reported"
expect_in "$out" "sent to Kaifeng" "history: note"
expect_in "$out" "2019-09-01 10:00 CST  tester" "history: time in the office's zone (Asia/Shanghai), labelled"
run $C dispatch state "$d3" cancelled
expect_rc 1 "cancelling needs a reason"
expect_in "$err" "reason" "reason asked"
run $C dispatch state "$d3" cancelled --reason "the host postponed"
expect_rc 0 "cancelled"
run $C dispatch edit "$d2" --specialist "$sato" --places 长春市
expect_rc 0 "a proposed dispatch may change its specialist"
run $C dispatch list
expect_rc 0 "dispatch list"
expect_in "$out" "2019-09-16..2019-09-23" "list: dates"
expect_in "$out" "report received" "list: state"
run $C dispatch list --state active --format csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" 3 "two active dispatches"
run $C dispatch list --specialist "$sato" --from 2019-09-01 --to 2019-09-30 --format json
expect_in "$out" "\"id\": \"$d1\"" "list by specialist and period"
run $C specialist rm --yes "$sato"
expect_rc 1 "a specialist with dispatches stays"
expect_in "$err" "has dispatches" "why the specialist stays"

# costs
run $C dispatch cost "$d1"
expect_rc 0 "dispatch cost shows the ledger"
expect_in "$out" "international travel" "a head-office line"
expect_in "$out" "CNY" "host lines in the host's currency"
run $C dispatch cost "$d1" --category lodging --estimate 3500 --actual 3420.5
expect_rc 0 "set a line"
expect_in "$out" "3,420.50" "amount with the currency's decimals"
run $C dispatch cost "$d1" --category international_travel --estimate 98000.5
expect_rc 1 "yen have no decimals"
expect_in "$err" "no decimals in this currency" "why"
expect_in "$err" "kizuna: estimate[international_travel]: " "the field and the line named"
run $C dispatch cost "$d1" --category lodging --actual 12,x
expect_rc 1 "a bad actual amount"
expect_in "$err" "actual[lodging]: actual: \"12,x\" is not an amount" "the actual amount of the lodging line named"
run $C dispatch cost "$d1" --category international_travel --estimate 98000
expect_in "$out" "98,000" "yen amount"
run $C dispatch cost "$d1" --category meals --payer head --estimate 500
expect_rc 1 "not the usual payer without a note"
expect_in "$err" "meals is paid by the host under the rule" "the rule named"
run $C dispatch cost "$d1" --category visa --estimate 120
expect_rc 1 "an unknown category needs its payer"
run $C dispatch cost "$d1" --category visa --payer head --currency CNY --estimate 120
expect_rc 0 "an extra line"
expect_in "$out" "total" "totals shown"
run $C dispatch cost "$d1" --remove visa
expect_rc 0 "remove a line"
expect_not_in "$out" "visa" "the line is gone"
run $C dispatch cost "$d1" --remove visa
expect_rc 1 "removing a missing line"

# delete
run $C dispatch rm "$d2"
expect_rc 1 "rm without --yes and without a terminal"
run $C dispatch rm --yes "$d1"
expect_rc 1 "only a proposed dispatch may be deleted"
expect_in "$err" "cancel it with a reason instead" "what to do instead"
run $C dispatch rm --yes "$d2"
expect_rc 0 "delete a proposed dispatch"
run $C request rm --yes "$req"
expect_rc 1 "a request with dispatches stays"
expect_in "$err" "withdraw the request instead" "what to do instead"
run $C request rm --yes "$req2"
expect_rc 0 "delete a request without dispatches"
run $C request state "$req" closed
run $C dispatch add --request "$req" --specialist "$ito" --from 2020-03-01 --to 2020-03-05
expect_rc 1 "a closed request takes no dispatch"
expect_in "$err" "is closed: reopen it" "closed named"

# ---- timeline ----
run $C timeline --from 2019-09-01 --to 2019-12-31 --width 100
expect_rc 0 "timeline"
expect_in "$out" "Dispatches 2019-09-01" "timeline title"
expect_in "$out" "Sep" "month names"
expect_in "$out" "=====" "a firm bar"
expect_in "$out" "= agreement signed or later" "the key"
expect_in "$out" "$d1 2019-09-16..2019-09-23 report received" "the numbered rows"
[ "$(printf '%s\n' "$out" | sed -n '1,/^= agreement/p' | wc -L)" -le 100 ] && ok || bad "timeline wider than 100"
run $C timeline --zoom week --from 2019-09-10
expect_in "$out" "1 day a column" "week zoom"
run $C timeline --by specialist --from 2019-09-01 --to 2019-09-30
expect_in "$out" "Ken'ichi Sato 佐藤" "a row per specialist"
run $C timeline --zoom decade
expect_rc 1 "an unknown zoom"
run $C timeline --from 2019-12-01 --to 2019-01-01
expect_rc 1 "a period backwards"
# ---- export ----
run $C dispatch add --request "$req3" --specialist "$ito" --from 2019-12-01 --to 2019-12-05
expect_rc 0 "a dispatch to change between exports"; d4=$out
run $C export dispatches
expect_rc 0 "export dispatches (csv)"
expect_in "$out" "id,request,specialist,name,name_roman,start,end,days" "csv header"
expect_in "$out" "CNY 3500.00/3420.50" "host costs in the csv"
run $C export dispatches --format ics -o "$T/d.ics"
expect_rc 0 "export dispatches --format ics"
ics=$(cat "$T/d.ics")
expect_in "$ics" "UID:$d1@kizuna" "stable UID"
expect_in "$ics" "DTSTART;VALUE=DATE:20190916" "all-day start"
expect_in "$ics" "DTEND;VALUE=DATE:20190924" "end the day after the last"
expect_in "$ics" "STATUS:CANCELLED" "a cancelled dispatch says so"
[ "$(tr -cd '\r' < "$T/d.ics" | wc -c)" = "$(wc -l < "$T/d.ics")" ] && ok || bad "ics lines do not all end in CRLF"
[ "$(awk '{ if (length($0) > 76) n++ } END { print n+0 }' "$T/d.ics")" = 0 ] && ok || bad "ics line longer than 75 octets"
run $C export dispatches --format pdf
expect_rc 1 "an unknown export format"
# the same UIDs on a second export, a higher SEQUENCE after a change
run $C dispatch cost "$d1" --category meals --estimate 700
run $C dispatch edit "$d4" --notes "moved"
run $C export dispatches --format ics -o "$T/d2.ics"
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then py=$p; break; fi
done
if [ -n "$py" ]; then
	if "$py" - "$T/d.ics" "$T/d2.ics" "$d1" "$d4" <<'PY'
import sys, datetime, icalendar
a = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
b = icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read())
ea = {str(e['UID']): e for e in a.walk('VEVENT')}
eb = {str(e['UID']): e for e in b.walk('VEVENT')}
assert set(ea) == set(eb), "UIDs changed between exports"
e = ea[sys.argv[3] + '@kizuna']
assert e['DTSTART'].dt == datetime.date(2019, 9, 16), e['DTSTART'].dt
assert e['DTEND'].dt == datetime.date(2019, 9, 24), e['DTEND'].dt
assert not isinstance(e['DTSTART'].dt, datetime.datetime)
u = sys.argv[4] + '@kizuna'
assert int(eb[u]['SEQUENCE']) > int(ea[u]['SEQUENCE']), "SEQUENCE did not go up"
assert '开封' in str(e['LOCATION'])
PY
	then ok; else bad "python icalendar rejects the export"; fi
else
	skip "python3 icalendar is not installed: the iCalendar parse check"
fi
if command -v calcurse >/dev/null 2>&1; then
	mkdir -p "$T/cal"
	calcurse -D "$T/cal" -i "$T/d.ics" >"$T/cal.out" 2>&1
	expect_in "$(cat "$T/cal.out")" "0 skipped" "calcurse imports every event"
	cal=$(calcurse -D "$T/cal" -Q --from 09/15/2019 --days 10 2>&1)
	expect_in "$cal" "09/16/19:" "calcurse: the first day"
	expect_in "$cal" "09/23/19:" "calcurse: the last day"
	expect_not_in "$cal" "09/24/19:
 * Dispatch: 佐藤" "calcurse: not the day after"
else
	skip "calcurse is not installed: the calendar import check"
fi

# an overlap merged from elsewhere still shows
sqlite3 "$XDG_DATA_HOME/kizuna/kizuna.db" "UPDATE dispatch SET state = 'signed', start = '2019-09-18', end = '2019-09-25' WHERE id = '$d3'"
run $C timeline --from 2019-09-01 --to 2019-10-31
expect_in "$out" "#" "an overlap is marked"
expect_in "$out" "! overlap" "and explained"


# ---- demo ----
run -d "$T/demo.db" $C demo
expect_rc 0 "demo"
run -d "$T/demo.db" $C dispatch list --from 2019-01-01 --to 2019-12-31 --format csv
expect_in "$out" "2019-09-16,2019-09-23,reported" "the Kaifeng dispatch"
expect_in "$out" "2019-11-01,2019-11-08,reported" "the Jilin dispatch"
expect_eq "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM dispatch d JOIN request r ON r.id = d.request WHERE r.office = 'BJS' AND d.state = 'reported' AND d.start < '2020-01-01'")" 101 "101 Beijing dispatches by 2019"
finish
