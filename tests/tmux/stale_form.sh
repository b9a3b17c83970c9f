# stale_form.sh - no lost update (issue 9 item 5): a script edits a specialist
# while its form is open; saving the form shows what changed, field by field.
. "$KZ_TESTS/lib.sh"

C="-c $FIX/dispatch/office.yaml -d $T/k.db"
json() { "$KZ" $C specialist show --format json "$1" |
	python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"; }

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--post "主任" --fields agriculture --email old@example.org --notes "old notes"
expect_rc 0 "seed Sato"
sato=$out
run $C request add --country cn --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables" \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "seed a request"
req=$out

tm_start "$KZ $C"
tm_expect "Ken'ichi Sato" "list"
tm_keys e
tm_expect "Edit specialist $sato" "e opens the form"
# mine: the post, and the notes (the last line of the form)
tm_keys Tab Tab Tab C-u
tm_type "課長"
tm_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u
tm_type "my notes"

# theirs, from a script while the form is open
run $C specialist edit "$sato" --notes "their notes" --email new@example.org
expect_rc 0 "the script's edit"

tm_keys F2
tm_expect "changed while its form was open" "saving shows the record changed"
s=$(tm_screen)
expect_in "$s" "new@example.org" "their e-mail is shown"
expect_in "$s" "their notes" "their notes are shown"
expect_in "$s" "my notes" "my notes are shown"
expect_not_in "$s" "課長" "a field only I changed is not asked about"
expect_in "$s" "t:theirs" "the keys are hinted"
# all mine, then theirs for the e-mail (the first line), mine for the notes
tm_keys M
tm_keys t
tm_keys m
tm_keys F2
tm_expect "Saved 佐藤 健一" "saved over the new stamp"

expect_eq "$(json "$sato" email)" "new@example.org" "their e-mail taken"
expect_eq "$(json "$sato" notes)" "my notes" "my notes kept"
expect_eq "$(json "$sato" post)" "課長" "my post kept"

# Esc in the dialog goes back to the form and saves nothing
tm_keys e
tm_expect "Edit specialist $sato" "form again"
tm_keys Tab Tab Tab C-u
tm_type "所長"
run $C specialist edit "$sato" --post "部長"
tm_keys F2
tm_expect "changed while its form was open" "asked again"
tm_keys T
tm_keys Escape
tm_expect "Edit specialist $sato" "Esc: back in the form"
expect_eq "$(json "$sato" post)" "部長" "nothing saved after Esc"
tm_keys Escape
tm_expect "(y/n)" "leaving the form asks"
tm_keys y
tm_expect "q:quit" "back in the list"

# another record type through the same guard: a request whose form is
# left alone follows their change
tm_keys Tab
tm_expect "China Henan Sheng" "the request list"
tm_keys e
tm_expect "Edit request $req" "the request form"
run $C request edit "$req" --topic "greenhouses"
expect_rc 0 "the script edits the request"
tm_keys F2
tm_expect "changed while its form was open" "the request's change is shown"
s=$(tm_screen)
expect_in "$s" "greenhouses" "their topic is shown"
expect_in "$(printf '%s\n' "$s" | grep greenhouses)" "theirs" "left alone here: theirs is kept"
tm_keys F2
tm_expect "Saved request" "saved"
expect_eq "$(sqlite3 "$T/k.db" "SELECT topic FROM request WHERE id = '$req'")" "greenhouses" "their topic stays"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "stale_form"
finish
