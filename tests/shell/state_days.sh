# state_days.sh - issue 12 "rules that match reality": every change of
# state has a day (today in the office's zone unless --date), days that
# cannot be are refused, a request follows its dispatches, and what is
# only odd warns on stderr with exit 0. Beijing's office, in English.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
day() { sqlite3 "$T/bj.db" "SELECT happened FROM dispatch_event WHERE dispatch = '$1' AND to_state = '$2' ORDER BY rowid DESC LIMIT 1"; }
# 17:00 UTC on the 5th is already the 6th in Beijing
export KIZUNA_NOW=2026-12-05T17:00:00Z
unset KIZUNA_TODAY

b specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
expect_rc 0 "seed Sato"; sato=$out
b specialist add --name 田中裕子 --roman "Yuko Tanaka" --government 宮城県 --fields agriculture
expect_rc 0 "seed Tanaka"; tanaka=$out

# ---- a request's country ----
b request add --country TH --fields agriculture --topic "rice" --language th
expect_rc 0 "a request from outside the office's countries is kept"
expect_in "$err" "warning: country: TH Thailand is not one of the countries this office covers" "country warned"
b request add --country CN --province 河南省 --city 开封市 --received 2026-11-20 \
	--fields agriculture --topic "vegetables" --language zh --specialists 1
expect_rc 0 "a request from China"; req=$out
expect_eq "$err" "" "no warning for the office's own country"

# ---- more people than asked for ----
b dispatch add --request "$req" --specialist "$sato" --from 2027-03-01 --to 2027-03-14
expect_rc 0 "first proposal"; d1=$out
expect_eq "$err" "" "one of one: no warning"
b dispatch add --request "$req" --specialist "$tanaka" --from 2027-03-01 --to 2027-03-14
expect_rc 0 "a second proposal is made"; d2=$out
expect_in "$err" "warning: request: request $req asks for 1 specialist and now has 2 dispatches" "too many warned"

# ---- the day of a change ----
b dispatch state "$d1" drafted
expect_rc 0 "drafted, no day given"
expect_eq "$(day "$d1" drafted)" 2026-12-06 "today where the office is"
b dispatch state "$d1" signed --ref BJS-2026-07 --date 2026-12-07
expect_rc 1 "an agreement dated tomorrow"
expect_in "$err" "date: 2026-12-07 is after today (2026-12-06)" "the future refused"
expect_eq "$(sqlite3 "$T/bj.db" "SELECT state FROM dispatch WHERE id = '$d1'")" drafted "nothing written"
b dispatch state "$d1" signed --ref BJS-2026-07 --date 2026-13-01
expect_rc 1 "not a date"
expect_in "$err" "date: \"2026-13-01\" is not a date" "bad date named"
b dispatch state "$d1" signed --ref BJS-2026-07 --date 2026-12-06
expect_rc 0 "signed today"
b dispatch state "$d1" underway
expect_rc 1 "a dispatch of March does not leave in December"
expect_in "$err" "is planned for 2027-03-01..2027-03-14: it cannot leave on 2026-12-06" "period named"

# ---- a request follows its dispatches ----
b request state "$req" closed
expect_rc 1 "no closing with live dispatches"
expect_in "$err" "request $req cannot become closed while its dispatches" "closing refused"
expect_in "$err" "$d1 signed" "the signed one named"
expect_in "$err" "$d2 proposed" "the proposed one named"
b request state "$req" withdrawn
expect_rc 1 "no withdrawing with live dispatches"
b request state "$req" matching --date 2026-11-19
expect_rc 1 "a change before the request was received"
expect_in "$err" "received on 2026-11-20" "received named"

# ---- March: leaving, coming back, the report ----
export KIZUNA_NOW=2027-03-20T04:00:00Z
b dispatch state "$d1" underway --date 2027-03-02
expect_rc 0 "a day late is made"
expect_in "$err" "warning: date: dispatch $d1 left on 2027-03-02, not on its first day 2027-03-01" "late departure warned"
expect_eq "$(day "$d1" underway)" 2027-03-02 "the day kept"
b dispatch state "$d1" returned --date 2027-03-01
expect_rc 1 "back before leaving"
expect_in "$err" "cannot come back on 2027-03-01, before it left (2027-03-02)" "return refused"
b dispatch state "$d1" returned --date 2027-03-14
expect_rc 0 "back on the last day"
expect_eq "$err" "" "no warning"
b dispatch state "$d1" reported --date 2027-03-13
expect_rc 1 "a report before the return"
expect_in "$err" "cannot be received on 2027-03-13, before the specialist came back (2027-03-14)" "report refused"
b dispatch state "$d1" reported --date 2027-03-14
expect_rc 0 "reported the day they came back"
b dispatch show "$d1"
expect_in "$out" "under way 2027-03-02" "the day in the history"
b dispatch show "$d1" --format json
expect_in "$out" "\"date\": \"2027-03-14\"" "the day in JSON"
b dispatch state "$d2" cancelled --reason "one is enough"
expect_rc 0 "the second cancelled"
b request state "$req" closed --date 2027-03-20
expect_rc 0 "closed once its dispatches are done"
expect_eq "$(sqlite3 "$T/bj.db" "SELECT happened FROM request_event WHERE request = '$req' AND to_state = 'closed'")" 2027-03-20 "the request's day kept"
finish
