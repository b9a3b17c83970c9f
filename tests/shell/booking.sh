# booking.sh - issue 9 item 7: Beijing and Singapore each propose the same
# head-office specialist for overlapping dates. Head office finds the
# clash on import and tells both offices in its next bundle; each office
# sees it (both records, both offices, the dates) without the other
# office's records. One database per office.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db" "$C/singapore.yaml" "$T/sin.db"
export KIZUNA_NOW=2026-11-01T09:00:00Z

# head office's register reaches both offices
t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture \
	--unavailable "2027-04-01..2027-04-10 surgery"
X=$out
t specialist add --name 田中裕子 --roman "Yuko Tanaka" --government 宮城県 --fields education
Y=$out
t sync export -o t1.kzb
b sync import t1.kzb
expect_rc 0 "Beijing takes the register"
s sync import t1.kzb
expect_rc 0 "Singapore takes the register"

# each office proposes Sato for overlapping days
b request add --country CN --province 河南省 --fields agriculture --topic "vegetables" \
	--from 2027-03-01 --to 2027-03-10 --language zh
expect_rc 0 "Beijing request"; breq=$out
b dispatch add --request "$breq" --specialist "$X" --from 2027-03-01 --to 2027-03-10
expect_rc 0 "Beijing proposes Sato"; bd=$out
s request add --country TH --province "Nakhon Phanom" --fields agriculture --topic "rice" \
	--from 2027-03-08 --to 2027-03-15 --language th --interpreting host
expect_rc 0 "Singapore request"; sreq=$out
s dispatch add --request "$sreq" --specialist "$X" --from 2027-03-08 --to 2027-03-15
expect_rc 0 "Singapore proposes Sato"; sd=$out
# a day after Beijing's dispatch ends: no clash (touching dates)
s request add --country TH --province Udon --fields education --topic "schools" \
	--from 2027-03-11 --to 2027-03-12 --language th --interpreting host
sreq2=$out
s dispatch add --request "$sreq2" --specialist "$Y" --from 2027-03-11 --to 2027-03-12
expect_rc 0 "Singapore proposes Tanaka"
b sync clashes
expect_rc 0 "sync clashes before anything travelled"
expect_in "$err" "no clashes" "Beijing knows of no clash yet"
b sync export -o b1.kzb
s sync export -o s1.kzb

# head office takes both and finds the clash
t sync import b1.kzb
expect_rc 0 "head office takes Beijing's bundle"
expect_not_in "$out" "clashes of bookings" "one dispatch alone clashes with nothing"
t sync import s1.kzb
expect_rc 0 "head office takes Singapore's bundle"
expect_in "$out" "1 clashes of bookings" "head office finds the clash on import"
t sync clashes
expect_in "$out" "$bd" "head office names Beijing's dispatch"
expect_in "$out" "$sd" "head office names Singapore's dispatch"
expect_in "$out" "2027-03-08..2027-03-10" "the days both hold"
expect_in "$out" "BJS" "Beijing named"
expect_in "$out" "SIN" "Singapore named"
t sync status --format json
expect_in "$out" '"clashes": 1' "sync status counts the clash"

# head office's next bundle tells both offices
t sync export -o t2.kzb
expect_rc 0 "head office exports"
expect_in "$out" "booking" "the bundle carries bookings"
b sync import t2.kzb
expect_rc 0 "Beijing takes head office's bundle"
expect_in "$out" "1 clashes of bookings" "Beijing is told on import"
b sync clashes
expect_in "$out" "$bd" "Beijing sees its dispatch"
expect_in "$out" "$sd" "Beijing sees Singapore's dispatch"
expect_in "$out" "2027-03-01..2027-03-10" "Beijing's dates"
expect_in "$out" "2027-03-08..2027-03-15" "Singapore's dates"
b sync status
expect_in "$out" "clashes of bookings: 1" "Beijing's status counts it"
s sync import t2.kzb
expect_rc 0 "Singapore takes head office's bundle"
s sync clashes --format csv
expect_in "$out" "specialist,name,from,to,office,kind,record" "CSV header"
expect_in "$out" "$X,佐藤健一 (Kenichi Sato),2027-03-08,2027-03-10,SIN,dispatch,$sd" "Singapore's record first"
expect_in "$out" "BJS,dispatch,$bd,2027-03-01,2027-03-10" "then Beijing's"
s sync clashes --format json
if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d) == 1, d
b = d[0]["bookings"]
assert [x["office"] for x in b] == ["SIN", "BJS"], b
assert d[0]["from"] == "2027-03-08" and d[0]["to"] == "2027-03-10"
'; then ok; else bad "sync clashes JSON"; fi
s sync clashes "$sd"
expect_in "$out" "$bd" "clashes of one record"

# only who is booked when: not the other office's records
expect_eq "$(sqlite3 "$T/sin.db" "SELECT count(*) FROM dispatch WHERE id = '$bd'")" 0 \
	"Singapore has no Beijing dispatch"
expect_eq "$(sqlite3 "$T/sin.db" "SELECT count(*) FROM request WHERE id = '$breq'")" 0 \
	"Singapore has no Beijing request"
expect_eq "$(sqlite3 "$T/sin.db" "SELECT office || ' ' || start || ' ' || end FROM booking WHERE id = '$bd'")" \
	"BJS 2027-03-01 2027-03-10" "Singapore knows who is booked when, by which office"

# offices never send bookings back; nothing is kept aside anywhere
b sync export -o b-all.kzb --all
t sync import b-all.kzb
expect_rc 0 "head office takes Beijing's full bundle"
t sync conflicts
expect_in "$err" "no conflicts" "no conflicts at head office"

# Beijing cancels: the clash goes away here at once, there with the next bundles
export KIZUNA_NOW=2026-11-05T09:00:00Z
b dispatch state "$bd" cancelled --reason "Sato is needed in Singapore"
expect_rc 0 "Beijing cancels"
b sync clashes
expect_in "$err" "no clashes" "Beijing's own cancellation counts at once"
b sync export -o b2.kzb
t sync import b2.kzb
t sync clashes
expect_in "$err" "no clashes" "head office: the clash is gone"
t sync export -o t3.kzb
s sync import t3.kzb
s sync clashes
expect_in "$err" "no clashes" "Singapore is told it is gone"
s sync status
expect_in "$out" "clashes of bookings: 0" "Singapore's count is back to 0"

# a declared unavailability clashes with a dispatch into it
s request add --country TH --province Khon --fields agriculture --topic "fruit" \
	--from 2027-04-05 --to 2027-04-08 --language th --interpreting host
sreq3=$out
s dispatch add --request "$sreq3" --specialist "$X" --from 2027-04-05 --to 2027-04-08 --confirm
expect_rc 0 "Singapore proposes Sato in spite of his unavailability"
s sync clashes
expect_in "$out" "declared unavailable" "the unavailability clashes"
expect_in "$out" "2027-04-05..2027-04-08" "over the days of the dispatch"

# a role at Beijing's seminar books the specialist for the edition's days
b series add --code bj-seminar --name "China-Japan exchange seminar" --office BJS
b seminar add --series bj-seminar --year 2027 --start 2027-06-01 --end 2027-06-03
expect_rc 0 "Beijing's seminar"; sem=$out
b participant add bj-seminar/2027 --name 佐藤健一 --country JP --role speaker --specialist "$X"
expect_rc 0 "Sato speaks at Beijing's seminar"
b participant add bj-seminar/2027 --name 佐藤健一 --country JP --role speaker --specialist NOPE-0000-0000
expect_rc 1 "a role refuses a specialist who is not in the register"
s request add --country TH --province Loei --fields agriculture --topic "tea" \
	--from 2027-06-03 --to 2027-06-05 --language th --interpreting host
sreq4=$out
s dispatch add --request "$sreq4" --specialist "$X" --from 2027-06-03 --to 2027-06-05
expect_rc 0 "Singapore proposes Sato for the last day of the seminar"; sd4=$out
b sync export -o b3.kzb
s sync export -o s2.kzb
t sync import b3.kzb s2.kzb
expect_in "$out" "2 clashes of bookings" "head office: the unavailability and the seminar"
t sync export -o t4.kzb
b sync import t3.kzb t4.kzb
expect_rc 0 "Beijing takes head office's bundles"
b sync clashes --format csv
expect_in "$out" "BJS,seminar,$sem,2027-06-01,2027-06-03,speaker,SIN,dispatch,$sd4,2027-06-03,2027-06-05" \
	"Beijing's seminar role against Singapore's dispatch"
s sync import t4.kzb
s sync clashes "$X"
expect_in "$out" "seminar role" "Singapore sees the seminar role"
expect_in "$out" "2027-06-03..2027-06-03" "on the common day"

finish
