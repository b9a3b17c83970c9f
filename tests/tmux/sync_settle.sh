# sync_settle.sh - the sync tab keeps mine with m after a y/n question, and
# keeping mine is a change that waits to be sent; w writes a bundle made
# before again, the same bytes.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

seed
clash
ID=$(dbid)

tm_start "$KZ -c $C/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the specialists first"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab"
tm_expect "1 open conflict" "the clash is listed"
tm_expect "1 record waiting to be sent" "Beijing's own edit waits (its row and its line of history: one record)"
tm_keys w
tm_expect "No bundle was made here yet." "w with no bundle made"
tm_keys m
tm_expect "Keep mine for #1 (specialist $X)? (y/n)" "m asks"
tm_keys y
tm_expect "Conflict #1 settled: kept mine." "y settles it"
tm_expect "0 open conflicts" "no open conflict left"
tm_expect "1 record waiting to be sent" "keeping mine is a change to the same record"
b specialist show --format json "$X"
expect_in "$out" "北京的想法" "the record keeps Beijing's value"

tm_keys x
tm_expect "Export to: kizuna-BJS-000001.kzb" "x offers the file name"
tm_keys Enter
tm_expect "Bundle 1 written to kizuna-BJS-000001.kzb" "the bundle is written"
cp kizuna-BJS-000001.kzb first.kzb
rm kizuna-BJS-000001.kzb
tm_keys w
tm_expect "Write again bundle number: 1" "w offers the last bundle's number"
tm_keys Enter
tm_expect "Bundle 1 written again to kizuna-BJS-000001.kzb" "w writes it again"
cmp -s first.kzb kizuna-BJS-000001.kzb && ok || bad "w wrote other bytes"
tm_keys w
tm_keys BSpace 9 Enter
tm_expect "no bundle 9 was made by this database" "a number never made is refused"

# head office takes it: Beijing's post comes back as Beijing's to decide on
t sync import kizuna-BJS-000001.kzb
expect_rc 0 "head office takes Beijing's bundle"
expect_in "$out" "bundle 1 from BJS" "the settlement travelled"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_settle"
finish
