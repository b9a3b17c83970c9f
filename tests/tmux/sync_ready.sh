# sync_ready.sh - T on the sync tab takes every held change that is ready
# at once: while the person its rows name is missing it says none is and
# does nothing; once the person is back it asks with the count, n leaves
# all held, y applies the dispatch with its cost line and event, and the
# list of open conflicts is empty.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null 2>&1 || { skip "no sqlite3 shell"; finish; }

hold_dispatch
[ "$held" -ge 3 ] && ok || bad "held rows: $held"

tm_start "$KZ -c $C/tokyo.yaml -d $TYODB"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab"
tm_expect "$held open conflicts" "the held rows are open conflicts"
tm_keys T
tm_expect "None of the $held held changes is ready: the records they name are still missing." \
	"T says none is ready while the person is missing"
t sync conflicts --format json
expect_in "$out" '"resolution": null' "nothing settled"

# the person is back at head office (as Beijing has them)
sqlite3 "$TYODB" "ATTACH '$BJDB' AS b; INSERT INTO specialist SELECT *
  FROM b.specialist WHERE id = '$X'"
expect_eq "$?" 0 "the person is back"
tm_keys T
tm_expect "Apply the $held held changes that are ready (their records are here now)? (y/n)" \
	"T asks with the count"
tm_keys n
tm_expect "Nothing changed." "n leaves them held"
expect_eq "$(sqlite3 "$TYODB" "SELECT count(*) FROM dispatch")" 0 "nothing written"
tm_keys T
tm_expect "Apply the $held held changes that are ready" "T asks again"
tm_keys y
tm_expect "Applied $held held changes." "y applies them all"
tm_expect "0 open conflicts" "the list of open conflicts is empty"
expect_eq "$(sqlite3 "$TYODB" "SELECT count(*) FROM dispatch WHERE id = '$D'")" 1 \
	"the dispatch is here"
expect_eq "$(sqlite3 "$TYODB" "SELECT count(*) FROM dispatch_cost WHERE dispatch = '$D'")" \
	"$(sqlite3 "$BJDB" "SELECT count(*) FROM dispatch_cost WHERE dispatch = '$D'")" \
	"with its cost lines"
tm_keys T
tm_expect "No change is held." "T again: nothing held"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_ready"
finish
