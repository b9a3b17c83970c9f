# spec_edit.sh - edit a specialist and delete one with a y/n confirmation.
. "$KZ_TESTS/lib.sh"

run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--post "農林水産部 主任" --fields "agriculture:vegetables:30"
expect_rc 0 "seed Sato"
sato=$out
run specialist add --name 王明 --roman "Wang Ming" --government 北京市 --fields education
expect_rc 0 "seed Li"
li=$out

tm_start "$KZ"
tm_expect "Ken'ichi Sato" "list"
# Sorted by family name: Sato first, then Wang.
tm_keys j
tm_expect "王明 (Wang Ming)" "j moves down and the detail follows"
tm_keys k
tm_expect "佐藤 健一 (Ken'ichi Sato)" "k moves back up"

tm_keys e
tm_expect "Edit specialist $sato" "e opens the form on the record"
s=$(tm_screen)
expect_in "$s" "agriculture:vegetables:30" "fields come back as text"
tm_keys Tab Tab Tab
tm_keys C-u
tm_type "農林水産部 課長"
tm_keys Tab Space
tm_expect "[x] retired" "Space toggles the status"
tm_keys F2
tm_expect "Saved 佐藤 健一" "saved"
tm_expect "農林水産部 課長" "the detail shows the new post"
s=$(tm_screen)
expect_in "$(printf '%s\n' "$s" | grep '^>')" "retired" "the row shows the new status"

run specialist show "$sato"
expect_in "$out" "農林水産部 課長" "CLI sees the edit"
expect_in "$out" "retired" "CLI sees the status"

# Leaving an edited form asks; n keeps the form, y drops the change.
tm_keys e
tm_expect "Edit specialist" "form again"
tm_type "x"
tm_keys Escape
tm_expect "Discard changes? (y/n)" "asks"
tm_keys y
tm_expect "q:quit" "back in the list"
run specialist show "$sato"
expect_not_in "$out" "佐藤 健一x" "discarded edit not written"

tm_keys d
tm_expect "Delete 佐藤 健一 ($sato)? (y/n)" "d asks first"
tm_keys n
tm_expect "Nothing deleted." "n keeps it"
run specialist show "$sato"
expect_rc 0 "still there after n"

tm_keys d
tm_expect "(y/n)" "asks again"
tm_keys y
tm_expect "Deleted 佐藤 健一" "y deletes"
tm_expect "1 specialist" "count goes down"
s=$(tm_screen)
expect_not_in "$s" "Ken'ichi Sato" "gone from the list"
expect_in "$s" "王明 (Wang Ming)" "the neighbour is selected"

run specialist show "$sato"
[ "$rc" -ne 0 ] && ok || bad "deleted record still shown by the CLI"
run specialist show "$li"
expect_rc 0 "the other record is untouched"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "spec_edit"
finish
