# history_undo.sh - a specialist's history on its detail pane after an edit, and u taking the edit back after y.
. "$KZ_TESTS/lib.sh"

CFG=$XDG_CONFIG_HOME/kizuna/config.yaml
run -c "$CFG" specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" \
	--government 島根県 --post "農林水産部 主任"
expect_rc 0 "seed Sato"
sato=$out

tm_start "$KZ" -c "$CFG"
tm_expect "Ken'ichi Sato" "list"
# u with nothing done on the screens yet
tm_keys u
tm_expect "Nothing to undo." "u before any edit says so"

tm_keys e
tm_expect "Edit specialist $sato" "e opens the form"
tm_keys Tab Tab Tab
tm_keys C-u
tm_type "農林水産部 課長"
tm_keys F2
tm_expect "Saved 佐藤 健一" "saved"
# the whole record, scrolled to its end: the history is at the bottom
tm_keys Enter
tm_keys G J J J J J J J J J J J J J J J J J J J J
tm_expect "History" "the detail has a history"
tm_expect "農林水産部 主任 → 農林水産部 課長" "the edit with the value before and after"
tm_expect "edited" "the edit is named"
tm_keys Enter

# u asks first, naming the record and what it puts back
tm_keys u
tm_expect "Undo the edit of 佐藤 健一" "u asks, naming the record"
s=$(tm_screen)
expect_in "$s" "post" "the question names the field it puts back"
tm_keys n
tm_expect "Nothing undone." "n keeps the edit"
run -c "$CFG" specialist show "$sato"
expect_in "$out" "農林水産部 課長" "still edited after n"

tm_keys u
tm_expect "(y/n)" "asks again"
tm_keys y
tm_expect "Undone: 佐藤 健一" "y takes the edit back"
run -c "$CFG" specialist show "$sato"
expect_in "$out" "農林水産部 主任" "the old post is back"
# the undo is an edit of its own, in the history that travels
run -c "$CFG" history "$sato" --format csv
n=$(printf '%s\n' "$out" | grep -c ',edit,post,')
expect_eq "$n" 2 "the edit and its undo are both in the history"

# a delete made on the screen is taken back by adding the record again
tm_keys d
tm_expect "Delete 佐藤 健一 ($sato)? (y/n)" "d asks"
tm_keys y
tm_expect "Deleted 佐藤 健一" "deleted"
tm_keys u
tm_expect "Undo deleting 佐藤 健一" "u offers to add it again"
tm_keys y
tm_expect "Undone: 佐藤 健一 ($sato) is back." "added again"
run -c "$CFG" specialist show "$sato"
expect_in "$out" "農林水産部 主任" "back with its values and its id"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "history_undo"
finish
