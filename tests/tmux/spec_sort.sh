# spec_sort.sh - the Specialists tab opens sorted by family name; > and <
# move the sort column, I reverses, F6 chooses it from a menu; s and f show
# one status or one field only, and the status line says so; Requests and
# Dispatches and Trainees sort the same way.
. "$KZ_TESTS/lib.sh"

C="-c $KZ_TESTS/../config/default.yaml -d $T/k.db"
add() {	# add NAME ROMAN STATUS FIELDS
	run $C specialist add --name "$1" --roman "$2" --government 島根県 \
		--status "$3" --fields "$4"
	expect_rc 0 "seed $2"
}
add "佐藤 明" "Akira Sato" serving agriculture
add "王 小明" "Wang Xiaoming" retired education
add "阿部 健一" "ABE Ken'ichi" serving education
add "鈴木 明" "Akira Suzuki" retired agriculture

# the rows' romanised names, top to bottom
rows() { tm_screen | sed -n '4,7p' | grep -oE "Akira Sato|Wang Xiaoming|ABE Ken'ichi|Akira Suzuki" | tr '\n' '|'; }
order() {	# order WANT DESC: wait for the rows in this order
	if tm_until 10 sh -c "sed -n '4,7p' | grep -oE \"Akira Sato|Wang Xiaoming|ABE Ken'ichi|Akira Suzuki\" | tr '\n' '|' | grep -qxF -- \"\$0\"" "$1"; then
		ok
	else
		bad "$2: rows '$(rows)', not '$1'"; tm_screen
	fi
}

tm_start "$KZ" $C
tm_expect "ABE Ken'ichi" "the list is up"
# by family name, not every Akira first; the header marks the column
order "ABE Ken'ichi|Akira Sato|Akira Suzuki|Wang Xiaoming|" "opens by family name"
tm_expect "Name ^" "the header marks the sort column"

tm_keys '>'
tm_expect "Romanised ^" "> sorts by the next column"
order "ABE Ken'ichi|Akira Sato|Akira Suzuki|Wang Xiaoming|" "by the romanised name as written"
tm_keys '>'
tm_expect "Government ^" "> again"
tm_keys '>'
tm_expect "Status ^" "and again: status"
order "Akira Suzuki|Wang Xiaoming|ABE Ken'ichi|Akira Sato|" "retired first, then serving"
tm_keys I
tm_expect "Status v" "I reverses"
tm_keys '<' '<' '<'
tm_expect "Name ^" "< goes back to the name"

# F6: a menu naming the columns
tm_keys F6
tm_expect "Sort by" "F6 opens the sort menu"
tm_expect "| > Name" "the menu is on the column sorted by"
tm_keys Enter
tm_expect "Name v" "choosing the same column reverses it"
order "Wang Xiaoming|Akira Suzuki|Akira Sato|ABE Ken'ichi|" "by family name, backwards"
tm_keys F6
tm_expect "Sort by" "the menu again"
tm_keys Escape
tm_expect_gone "Sort by" "Esc closes it"
tm_expect "Name v" "nothing changed"
# from a record shown whole, the menu brings the list back
tm_keys Enter
tm_expect_gone "Name v" "Enter shows the record whole"
tm_keys F6
tm_expect "Sort by" "F6 shows the list and its menu"
tm_keys Escape
tm_expect "Name v" "the list is back"
tm_expect "Wang Xiaoming" "its rows whole after the menu"
tm_keys F6 Up Enter
tm_expect "Fields ^" "Up wraps to the last column"
tm_keys F6 Down Enter
tm_expect "Name ^" "Down wraps to the first"

# s: the status menu
tm_keys s
tm_expect "Show the status" "s opens the status menu"
tm_keys Down Down Enter
tm_expect "[retired]" "the status line says what is shown"
tm_expect "2 of 4 specialists" "the count says it too"
order "Akira Suzuki|Wang Xiaoming|" "only the retired ones"
# f: one field too
tm_keys f
tm_expect "Show the field" "f opens the field menu"
tm_keys Down Enter
tm_expect "[retired, agriculture]" "both filters on the status line"
order "Akira Suzuki|" "retired, in agriculture"
tm_keys s g Enter
tm_expect "[agriculture]" "all statuses again"
order "Akira Sato|Akira Suzuki|" "agriculture, either status"
tm_keys s Down Enter f
tm_expect "Show the field" "the field menu again"
tm_keys Down Down Enter
tm_expect "[serving, forestry]" "a field nobody has (the menu opened on agriculture)"
tm_expect "No specialist matches the search or filter." "says so, not that the register is empty"
tm_keys f g Enter s g Enter
tm_expect_gone "[serving" "no filter left"
tm_expect "4 specialists" "all four again"

# the Requests and Dispatches tabs: newest first, marked; > moves on
tm_keys Tab
tm_expect "Received v" "Requests: newest first, marked"
tm_keys '>'
tm_expect "Status ^" "> sorts the requests by status"
tm_keys Tab
tm_expect "Dates v" "Dispatches: newest first, marked"
tm_keys '<'
tm_expect "Host ^" "< wraps to the last column"
tm_keys BTab BTab
tm_expect "Name ^" "the Specialists tab kept its order"
# back past the Reports and Activities tabs
tm_keys BTab BTab BTab
tm_expect "Year v" "Trainees: latest year first, marked"
tm_keys '>'
tm_expect "Host ^" "> sorts the placements by host"
tm_keys Tab Tab Tab
tm_expect "Name ^" "back on the Specialists tab"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "spec_sort"
finish
