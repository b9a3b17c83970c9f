# sync_booking.sh - issue 9 item 7 on Beijing's screens: after head office's
# bundle, the title counts the clash of bookings, the dispatch's detail
# pane and the timeline mark it (naming Singapore's dispatch and its
# dates), and the Sync tab counts it. One database per office.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
BJDB=$T/bj.db
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$BJDB" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$BJDB" "$C/singapore.yaml" "$T/sin.db"
export KIZUNA_NOW=2026-11-01T09:00:00Z

t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
X=$out
t sync export -o t1.kzb
b sync import t1.kzb
s sync import t1.kzb
b request add --country CN --province 河南省 --fields agriculture --topic "vegetables" \
	--from 2027-03-01 --to 2027-03-10 --language zh
b dispatch add --request "$out" --specialist "$X" --from 2027-03-01 --to 2027-03-10
expect_rc 0 "Beijing proposes Sato"; bd=$out
s request add --country TH --province "Nakhon Phanom" --fields agriculture --topic "rice" \
	--from 2027-03-08 --to 2027-03-15 --language th --interpreting host
s dispatch add --request "$out" --specialist "$X" --from 2027-03-08 --to 2027-03-15
expect_rc 0 "Singapore proposes Sato"; sd=$out
b sync export -o b1.kzb
s sync export -o s1.kzb
t sync import b1.kzb s1.kzb
t sync export -o t2.kzb
b sync import t2.kzb
expect_in "$out" "1 clashes of bookings" "Beijing is told"
unset KIZUNA_NOW
title() { tm_screen | head -n 1; }

TM_COLS=120 TM_ROWS=30 tm_start "KIZUNA_TODAY=2027-02-20 NO_COLOR=1 $KZ -c $C/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the screens start"
# (counted just after the first screen: poll for it)
if tm_until 10 sh -c 'head -n 1 | grep -qF "1 clash"'; then ok
else bad "the title counts the clash: no '1 clash' in: $(title)"; fi

# the dispatch's detail pane
tm_keys Tab Tab
tm_expect "$bd" "the Dispatches tab"
tm_expect "Clashes of bookings" "the detail pane has the clash"
tm_expect "SIN dispatch $sd (2027年03月08日.." "naming Singapore's dispatch and its dates (in Beijing's date format)"
tm_expect "Clash 2027年03月08日 - 2027年03月10日 (3 days)" "the days both hold, in the office's format"

# the timeline marks the row and says the clash first
tm_keys Tab
tm_expect "month zoom" "the timeline tab"
row=$(tm_screen | grep "Kenichi Sato")
case "$row" in '!'*) ok ;; *) bad "the timeline row is not marked: '$row'" ;; esac
tm_expect "Clash" "the selected row's detail starts with the clash"

# the Sync tab counts it
ID=$(b sync status --format json; printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["db"])')
for i in 1 2 3 4 5 6 7 8 9; do
	tm_wait "This database: $ID" 1 && break
	tm_keys Tab
done
tm_expect "1 clash of bookings" "the Sync tab counts the clash"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_booking"
finish
