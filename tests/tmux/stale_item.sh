# stale_item.sh - no lost update on the days screen: a script edits a
# programme item while its form is open; saving shows what changed, field
# by field, as the record forms do (issue 9 item 5).
. "$KZ_TESTS/lib.sh"

field() { sqlite3 "$T/k.db" "SELECT $2 FROM programme_item WHERE id = '$1'"; }
C="-c $FIX/dispatch/office.yaml -d $T/k.db"

run $C series add --code sin-seminar --name "Exchange Seminar"
expect_rc 0 "seed a series"
run $C seminar add --series sin-seminar --year 2019 --start 2019-12-15 \
	--end 2019-12-21 --country JP
expect_rc 0 "seed an edition"
run $C programme add sin-seminar/2019 --date 2019-12-16 --start 9:30 --end 11:00 \
	--city Tokyo --kind lecture --title "Local administration" --notes "old notes"
expect_rc 0 "seed an item"
item=$out

tm_start "$KZ $C"
tm_expect "Specialists" "started"
tm_back_to "Series 1/1" "the seminars tab"
tm_keys p
tm_expect "Local administration" "the programme"
tm_keys e
tm_expect "Edit a programme item" "e opens the item form"
# mine: the notes (the last line), the kind typed as its keyword
tm_keys Tab Tab Tab Tab Tab Tab Tab Tab C-u
tm_type "my notes"

run $C programme edit "$item" --title "Local government in Japan" --notes "their notes"
expect_rc 0 "the script's edit"

tm_keys F2
tm_expect "changed while its form was open" "saving shows the item changed"
s=$(tm_screen)
expect_in "$s" "Local government in Japan" "their title is shown"
expect_in "$s" "their notes" "their notes are shown"
expect_in "$s" "my notes" "my notes are shown"
expect_not_in "$s" "lecture" "the kind, alike on both sides, is not asked about"
# the title was left alone here: theirs; the notes: mine
tm_keys F2
tm_expect "Saved" "saved over the new stamp"
expect_eq "$(field "$item" title)" "Local government in Japan" "their title taken"
expect_eq "$(field "$item" notes)" "my notes" "my notes kept"
expect_eq "$(field "$item" kind)" "lecture" "the kind unchanged"

# Esc in the dialog goes back to the form and saves nothing
tm_keys e
tm_expect "Edit a programme item" "the form again"
tm_keys Tab Tab Tab Tab Tab Tab Tab C-u
tm_type "Mine"
run $C programme edit "$item" --title "Theirs"
tm_keys F2
tm_expect "changed while its form was open" "asked again"
tm_keys Escape
tm_expect "Edit a programme item" "Esc: back in the form"
expect_eq "$(field "$item" title)" "Theirs" "nothing saved after Esc"
tm_keys Escape
tm_expect "(y/n)" "leaving the form asks"
tm_keys y
tm_keys q q
tm_exited 0 "quit"
tm_asan_clean "stale_item"
finish
