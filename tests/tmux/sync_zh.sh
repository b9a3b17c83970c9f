# sync_zh.sh - the sync tab with Beijing's own configuration, in Chinese:
# checks that do not depend on the words; a resize to tiny and back.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

seed
clash
ID=$(dbid)

tm_start "$KZ -c $KZ_TESTS/../config/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the specialists"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab shows the database id"
row=$(tm_screen | grep '^>')
expect_in "$row" "TYO 2" "the conflict's bundle"
expect_in "$row" "$X" "the conflict's record"

# the three values in columns of equal display width
tm_keys Enter
tm_wait "北京的想法"
post=$(tm_screen | grep '^post ')
a=$(colof "$post" 東京の考え) m=$(colof "$post" 農林水産部) z=$(colof "$post" 北京的想法)
[ "$a" -gt 0 ] && [ $((m - a)) -gt 10 ] && [ $((m - a)) -eq $((z - m)) ] && ok ||
	bad "columns not lined up: theirs at $a, base at $m, mine at $z in '$post'"

# tiny and back: nothing of the tab shows, then all of it again
tm_resize 20 5
sleep 0.5
s=$(tm_screen)
expect_not_in "$s" "$ID" "nothing of the tab at 20x5"
tm_resize 1 1
sleep 0.3
tm_resize 80 24
tm_expect "$ID" "the tab again at 80x24"
tm_expect "北京的想法" "the record again"
post=$(tm_screen | grep '^post ')
expect_eq "$(colof "$post" 北京的想法)" "$z" "the same columns after the resize"

# t and y settle it whatever the language
tm_keys t
tm_expect "(y/n)" "t asks"
tm_keys y
for i in 1 2 3 4 5 6 7 8 9 10; do
	b sync conflicts --format json
	[ "$(printf '%s' "$out" | tr -d ' \n')" = "[]" ] && break
	sleep 0.3
done
expect_eq "$(printf '%s' "$out" | tr -d ' \n')" "[]" "no open conflict left"
b specialist show --format json "$X"
expect_in "$out" "東京の考え" "the record took head office's value"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "sync_zh"
finish
