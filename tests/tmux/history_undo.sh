# history_undo.sh - a specialist's history on its detail pane after an edit; u taking back an edit and a delete after y, on the Specialists and Trainees tabs.
. "$KZ_TESTS/lib.sh"

CFG=$XDG_CONFIG_HOME/kizuna/config.yaml
run -c "$CFG" specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" \
	--government 島根県 --post "農林水産部 主任"
expect_rc 0 "seed Sato"
sato=$out
run -c "$CFG" trainee add --host 鳥取県 --home 吉林省长春市 --region 吉林省 --year 2026
expect_rc 0 "seed a placement"
tr=$out

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

# an edit changed since elsewhere is not put back over that change
tm_keys e
tm_expect "Edit specialist $sato" "the form again"
tm_keys Tab Tab Tab
tm_keys C-u
tm_type "農林水産部 部長"
tm_keys F2
tm_expect "Saved 佐藤 健一" "saved again"
run -c "$CFG" specialist edit "$sato" --notes "edited by a script"
expect_rc 0 "a script edits the record meanwhile"
tm_keys u
tm_expect "Undo the edit of 佐藤 健一" "u asks"
tm_keys y
tm_expect "has changed" "the undo is refused, the record having changed"
run -c "$CFG" specialist show "$sato"
expect_in "$out" "農林水産部 部長" "the edit stays"
expect_in "$out" "edited by a script" "and the script's change"

# the Trainees tab keeps its own: u there takes back its delete, not the
# specialist's changes (back past the Reports and Activities tabs)
tm_keys BTab BTab BTab
tm_expect "Trainees" "the trainees tab"
tm_keys u
tm_expect "Nothing to undo." "nothing done on this tab yet"
tm_keys d
tm_expect "Delete the placement in 鳥取県 (2026)? (y/n)" "d asks"
tm_keys y
tm_expect "Deleted $tr." "the placement deleted"
tm_keys u
tm_expect "Undo deleting 鳥取県 ($tr)" "u offers the placement back"
tm_keys y
tm_expect "Undone: 鳥取県 ($tr) is back." "the placement is back"
run -c "$CFG" trainee show "$tr"
expect_rc 0 "the placement is there again under its id"
run -c "$CFG" history "$tr" --format csv
expect_in "$out" ",trainee,delete,host,鳥取県," "its delete is in the history"
n=$(printf '%s\n' "$out" | grep -c ',trainee,add,host,')
expect_eq "$n" 2 "and its adding back"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "history_undo"
finish
