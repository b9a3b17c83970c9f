# sync_conflict.sh - the sync tab lists a clash kept aside by an import,
# shows it field by field, and settles it with t after a y/n question.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

seed
clash
ID=$(dbid)

tm_start "$KZ -c $C/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the specialists first"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab shows this database's id"
tm_expect "1 open conflict" "the open conflicts are counted"
s=$(tm_screen)
expect_in "$s" "From TYO: bundle 2 applied" "the last bundle from head office"
expect_in "$s" "No bundle sent yet" "nothing sent yet"
row=$(printf '%s\n' "$s" | grep '^>')
expect_in "$row" "TYO 2" "the row names office and bundle"
expect_in "$row" "specialist" "the row names the table"
expect_in "$row" "$X" "the row names the record"
expect_in "$row" "open" "the conflict is open"
expect_in "$row" "changed here and there" "the reason in words"

# Enter shows the change alone: theirs, base and mine side by side,
# lined up in display width although the values are Chinese and Japanese
tm_keys Enter
tm_expect "Settle" "the record of the conflict"
s=$(tm_screen)
head=$(printf '%s\n' "$s" | grep '^Field ')
post=$(printf '%s\n' "$s" | grep '^post ')
expect_in "$post" "東京の考え" "theirs"
expect_in "$post" "農林水産部 主任" "base"
expect_in "$post" "北京的想法" "mine"
expect_eq "$(colof "$post" 東京の考え)" "$(colof "$head" theirs)" "theirs under its heading"
expect_eq "$(colof "$post" 農林水産部)" "$(colof "$head" base)" "base under its heading"
expect_eq "$(colof "$post" 北京的想法)" "$(colof "$head" mine)" "mine under its heading"
expect_in "$s" "changed here and there to different values" "the reason whole"

# t asks first; n leaves it
tm_keys t
tm_expect "Take theirs for #1 (specialist $X)? (y/n)" "t asks"
tm_keys n
tm_expect "Nothing changed." "n keeps it open"
b specialist show --format json "$X"
expect_in "$out" "北京的想法" "n changed nothing"

tm_keys t
tm_expect "(y/n)" "t asks again"
tm_keys y
tm_expect "Conflict #1 settled: took theirs." "y settles it"
tm_expect "0 open conflicts" "no open conflict left"
b specialist show --format json "$X"
expect_in "$out" "東京の考え" "the record has head office's value (CLI)"
b sync conflicts
expect_in "$err" "no conflicts" "the CLI sees it settled"
b sync conflicts --all --format json
expect_in "$out" '"resolution": "theirs"' "settled as theirs"
# settling again is refused
tm_keys Enter
tm_keys r
tm_expect "Showing settled conflicts too." "r shows the settled ones"
row=$(tm_screen | grep '^>')
expect_in "$row" "theirs" "the row says how it was settled"
tm_keys t
tm_expect "Conflict #1 is settled already." "a settled conflict is not asked about"
tm_keys r
tm_expect "No open conflicts" "r hides them again"

# the change is waiting to go back to head office
tm_expect "to send" "the title counts the change waiting"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_conflict"
finish
