# sync_held.sh - a dispatch of a specialist head office deleted meanwhile
# is held aside by the import, not the whole bundle refused: the sync tab
# lists it as held, naming the person; t is refused while the person is
# missing, naming them; m drops it with its cost lines, sending nothing.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

hold_dispatch
N=$(t sync conflicts --format json; printf '%s' "$out" | python3 -c '
import json, sys
print([c["n"] for c in json.load(sys.stdin) if c["table"] == "dispatch"][0])')

t sync status
waiting=$(printf '%s\n' "$out" | grep "waiting for the next export")

tm_start "$KZ -c $C/tokyo.yaml -d $TYODB"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab"
tm_expect "$held open conflicts" "the held rows are open conflicts"
tm_wait "$D"
s=$(tm_screen)
row=$(printf '%s\n' "$s" | grep -F "$D" | head -1)
expect_in "$row" "held" "the row says held"
expect_in "$row" "names specialist" "the reason names the specialist"

# go to the dispatch's row
for i in 1 2 3 4 5 6; do
	tm_screen | grep '^>' | grep -qF "$D" && break
	tm_keys j
done
tm_keys Enter
tm_expect "which is not in this database" "the record pane says why"
tm_expect "$X" "and names the person"
tm_expect "t applies it once what it names is here, m drops it" "the keys say what they do"
tm_keys t
tm_expect "Apply held #$N (dispatch $D) and what waits for it? (y/n)" "t asks"
tm_keys y
tm_expect "is still not in this database" "t is refused while the person is missing"
t sync conflicts --format json
expect_in "$out" '"resolution": null' "nothing settled"
tm_keys m
tm_expect "Drop held #$N (dispatch $D) and what waits for it?" "m asks"
tm_keys y
tm_expect "Conflict #$N settled: dropped." "m drops it"
tm_expect "0 open conflicts" "its cost line dropped with it"
t sync status
expect_in "$out" "$waiting" "nothing is sent back"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_held"
finish
