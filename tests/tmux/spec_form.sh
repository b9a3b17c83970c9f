# spec_form.sh - validation errors show next to their fields and nothing is
# written; long CJK values scroll; Esc asks before discarding.
. "$KZ_TESTS/lib.sh"

tm_start "$KZ"
tm_expect "No specialists yet" "empty register"
tm_keys a
tm_expect "Add a specialist" "form opens"
tm_type 王建国
tm_keys Tab Tab Tab Tab Tab
tm_type "nosuchfield"
tm_expect "nosuchfield ?" "the preview flags an unknown field"
tm_keys Tab
# The hint names every level: none is cut off at 80 columns.
tm_expect "business/fluent/native)" "the languages hint shows in full"
tm_keys Tab Tab
tm_type "not-an-address"
tm_keys C-s
tm_expect "is required" "C-s saves, errors show"
s=$(tm_screen)
expect_in "$s" "Add a specialist" "the form stays up"
# Each error sits on the row right under its field.
under() {	# under LABEL TEXT: the line after the one holding LABEL has TEXT
	printf '%s\n' "$s" | grep -A1 -F -- "$1" | sed -n 2p | grep -qF -- "$2" &&
		ok || bad "no '$2' under '$1'"
}
under "Romanised name*" "! romanised name is required"
under "Home government*" "! home government is required"
under "Fields" "unknown field of expertise"
under "E-mail" "not-an-address"
expect_not_in "$s" "Saved" "nothing saved"

run specialist list --format csv
expect_not_in "$out" "王建国" "nothing written to the database"

# The cursor is on the first field with a problem: fixing it clears it.
tm_type "Wang Jianguo"
tm_wait "Wang Jianguo"
s=$(tm_screen)
expect_not_in "$s" "romanised name is required" "editing a field drops its stale error"

# A long value scrolls sideways by display width and keeps the cursor end.
tm_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
tm_expect ">Notes" "on the notes field"
tm_type "设施园艺连作障害对策研修报告书第一部分设施园艺连作障害对策研修报告书第二部分结束"
tm_expect "部分结束" "the end of a long CJK value is in view"
s=$(tm_screen)
line=$(printf '%s\n' "$s" | grep '^>Notes')
expect_in "$line" "<" "a mark shows text scrolled off to the left"
w=$(printf '%s\n' "$line" | wc -L)
[ "$w" -le 80 ] && ok || bad "notes row is $w columns wide"
# C-a, Home's other key.
tm_keys C-a
tm_expect_re '^>Notes +设施园艺连作' "C-a scrolls back to the start"
# Home and End as tmux sends them (ESC [ 1 ~, ESC [ 4 ~), under a TERM
# whose own sequences differ: they move, and type nothing.
tm_keys End
tm_expect_re '^>Notes +<.*部分结束' "End goes to the end though TERM says xterm"
tm_keys Home
tm_expect_re '^>Notes +设施园艺连作' "Home goes to the start though TERM says xterm"
expect_not_in "$(tm_screen)" "[4~" "End typed nothing into the field"

tm_keys Escape
tm_expect "Discard changes? (y/n)" "Esc asks when something changed"
tm_keys n
tm_expect "F2:save" "n goes back to the form"
s=$(tm_screen)
expect_in "$s" "Add a specialist" "still in the form after n"
tm_keys Escape
tm_expect "Discard changes?" "asks again"
tm_keys y
tm_expect "No specialists yet" "y leaves without saving"

# An untouched form leaves at once.
tm_keys a
tm_expect "Add a specialist" "form again"
tm_keys Escape
tm_expect "No specialists yet" "Esc on an unchanged form leaves without asking"

tm_keys q
tm_exited 0 "quit"
run specialist list --format csv
expect_not_in "$out" "王建国" "still nothing written"
tm_asan_clean "spec_form"
finish
