# sync_complete.sh - the sync tab's file prompts complete names with Tab,
# as a shell does: as far as the matches agree, listing them when several
# are left, "/" after a directory.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

seed
ID=$(dbid)
mkdir -p sub
: > bundle-alpha.kzb
: > bundle-beta.kzb
: > sub/only.kzb

tm_start "$KZ -c $C/beijing.yaml -d $BJDB"
tm_expect "Kenichi Sato" "the specialists"
tm_sync "$ID"
expect_eq "$?" 0 "the sync tab"

tm_keys i
tm_expect "Import bundle:" "i asks for the file"
tm_type bun
tm_keys Tab
tm_expect "Import bundle: bundle-" "Tab completes as far as the names agree"
tm_expect_re "^bundle-(alpha|beta).kzb bundle-(alpha|beta).kzb" "and lists the names left"
tm_type a
tm_keys Tab
tm_expect "Import bundle: bundle-alpha.kzb" "one name left: completed whole"
tm_keys C-u
tm_type su
tm_keys Tab
tm_expect "Import bundle: sub/" "a directory gets its slash"
tm_keys Tab
tm_expect "Import bundle: sub/only.kzb" "and Tab goes on inside it"
tm_keys C-u
tm_type zz
tm_keys Tab
tm_expect "No file of that name." "nothing matches: said"
tm_keys Escape
tm_expect "Nothing changed." "Esc leaves the prompt"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "sync_complete"
finish
