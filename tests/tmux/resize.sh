# resize.sh - the screens survive shrinking to tiny sizes and growing back, in
# the list, in a form and in the help. Each check waits for the redraw it
# looks at: text of the old layout can still be on the screen for a while.
. "$KZ_TESTS/lib.sh"

run specialist add --name 王建国 --roman "Wang Jianguo" --government 四川省 --fields agriculture
expect_rc 0 "seed"

tm_start "$KZ"
tm_expect "Wang Jianguo" "list at 80x24"
tm_resize 20 5
tm_expect "terminal too small" "note at 20x5"
tm_resize 1 1
sleep 0.5
tm_resize 3 2
sleep 0.5
tm_resize 40 8
tm_expect "Wang Jianguo" "a small list at 40x8"
tm_resize 200 50
tm_expect "| ID" "detail beside the list at 200 columns"
tm_expect_re 'Romanised.*\| 王建国 \(Wang Jianguo\)' \
	"list header and record heading on the same line"
tm_expect_re '^>王建国.*\| ID' "row and record side by side"
tm_resize 80 24
# The record's heading is on the wide screen too: wait for the side-by-side
# layout to go before looking at the new one.
tm_expect_gone "| ID" "no side-by-side at 80 columns"
tm_expect "王建国 (Wang Jianguo)" "record below the list at 80x24"
s=$(tm_screen)
expect_not_in "$s" "terminal too small" "the note is gone"

# Enter shows the record alone, and back (the list's heading has
# "Government"; the record's history names "Romanised name" too).
tm_keys Enter
tm_expect_gone "Government" "Enter shows the record without the list"
tm_expect "Home government     四川省" "the record alone"
tm_keys Enter
tm_expect "Government" "Enter again brings the list back"

# In a form: shrink, grow, the typed text is still there.
tm_keys a
tm_expect "Add a specialist" "form"
tm_type 李明
# both characters read before the resize (a key that comes while the
# terminal is too small for the form is not typed into it)
tm_expect "李明" "typed"
tm_resize 12 3
tm_expect "terminal" "form at 12x3 shows the note"
tm_resize 1 1
sleep 0.5
tm_resize 80 24
tm_expect "李明" "typed text survives the resize"
tm_resize 80 8
tm_expect "Add a specialist" "a short form scrolls"
tm_keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
tm_expect ">Notes" "scrolled down to the last field"
tm_resize 80 24
tm_keys Escape
tm_expect "Discard changes?" "asks"
tm_keys y
tm_expect "Wang Jianguo" "back in the list"

# In the help.
tm_keys '?'
tm_expect "Keys" "help"
tm_resize 5 2
sleep 0.5
tm_resize 80 24
tm_expect "Keys" "help survives"
tm_keys q
tm_expect "q:quit" "list again"
tm_keys C-l
tm_expect "Wang Jianguo" "C-l redraws"
tm_keys q
tm_exited 0 "quit after all that"
tm_asan_clean "resize"
finish
