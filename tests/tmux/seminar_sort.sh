# seminar_sort.sh - the Seminars tab sorts a series' editions as the other
# lists do: in the history's own order at first (by year), then > and <
# move the sort column, I reverses, F6 chooses it from a menu, the header
# marks the column; the edition selected stays selected through each new
# order and a search; a new edition's form still starts a year after the
# latest edition, whatever the order shown.
. "$KZ_TESTS/lib.sh"

C="-c $KZ_TESTS/../config/default.yaml -d $T/k.db"
run $C series add --code sort --name "Sort seminar" --office KZ
expect_rc 0 "a series"
ed() {	# ed NUMBER YEAR CITY THEME
	run $C seminar add --series sort --number "$1" --year "$2" --city "$3" \
		--theme "$4" --status held
	expect_rc 0 "edition $1"
}
ed 1 2016 Sapporo Delta
ed 2 2017 Aomori "Alpha hall"
ed 3 2018 Nagoya "Charlie hall"
ed 4 2019 Beppu Bravo

# the rows' cities, top to bottom
cities='Sapporo|Aomori|Nagoya|Beppu'
rows() { tm_screen | sed -n '5,8p' | grep -oE "$cities" | tr '\n' '|'; }
order() {	# order WANT DESC: wait for the rows in this order
	if tm_until 10 sh -c "sed -n '5,8p' | grep -oE '$cities' | tr '\n' '|' | grep -qxF -- \"\$0\"" "$1"; then
		ok
	else
		bad "$2: rows '$(rows)', not '$1'"; tm_screen
	fi
}

tm_start "$KZ" $C
tm_expect "Specialists" "started"
tm_back_to "Series 1/1" "the Seminars tab"
order "Sapporo|Aomori|Nagoya|Beppu|" "opens in the history's order, by year"
tm_expect "edition 4 (2019)" "the latest edition is selected"
if tm_screen | grep -qE "(No\.|Year|Place|Theme) [v^]"; then
	bad "no column is marked before one is chosen"; tm_screen
else ok; fi

tm_keys '>'
tm_expect "No. ^" "> sorts by the first column"
order "Sapporo|Aomori|Nagoya|Beppu|" "by number"
tm_keys '>'
tm_expect "Year ^" "> again: the year"
tm_keys '>'
tm_expect "Place ^" "and again: the place"
order "Aomori|Beppu|Nagoya|Sapporo|" "by place"
tm_expect "edition 4 (2019)" "the edition selected stays selected"
tm_keys I
tm_expect "Place v" "I reverses"
order "Sapporo|Nagoya|Beppu|Aomori|" "by place, backwards"
tm_keys '>'
tm_expect "Theme ^" "> to the theme"
order "Aomori|Beppu|Nagoya|Sapporo|" "by theme: Alpha, Bravo, Charlie, Delta"
tm_keys '<'
tm_expect "Place ^" "< goes back to the place"

# F6: a menu of the columns, the cursor on the one sorted by
tm_keys F6
tm_expect "Sort by" "F6 opens the sort menu"
tm_expect "| > Place" "the menu is on the column sorted by"
tm_keys Up Enter
tm_expect "Year ^" "the year chosen from the menu"
tm_keys F6
tm_expect "Sort by" "the menu again"
tm_keys Enter
tm_expect "Year v" "choosing the same column reverses it"
order "Beppu|Nagoya|Aomori|Sapporo|" "newest first"

# a search keeps the order; the record stays selected (its words match
# from their start: "ha" finds "hall")
tm_keys j
tm_expect "edition 3 (2018)" "j selects the edition below"
tm_keys /
tm_type "ha"
order "Nagoya|Aomori|" "the search (Charlie hall, Alpha hall) narrows the rows, in the order chosen"
tm_expect "2/4" "the count says so"
tm_keys Enter
tm_expect "Year v" "the order stays"
tm_expect "edition 3 (2018)" "the edition selected is still"
tm_keys Escape
order "Beppu|Nagoya|Aomori|Sapporo|" "Esc: every edition again"

# the form of a new edition: a year on from the latest, not from the
# row last shown
tm_keys a
tm_expect "Add an edition of sort" "a opens the form"
tm_expect "2020" "the year after the latest edition's"
tm_keys Escape
tm_wait "Discard" 3 && tm_keys y
tm_expect "Series 1/1" "back to the list"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "seminar_sort"
finish
