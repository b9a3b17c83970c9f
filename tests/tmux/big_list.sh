# big_list.sh - a register of 1,500 is read a window at a time: End goes
# to the last row and the count says all of them, pages go far down, a
# search counts its matches only as far as it shows them ("64+") and all
# of them at End (in the register's own order all at once, from the
# index), the selected record stays selected when the search is
# cleared or the order reversed, and a dispatch's specialist far down the
# list is shown from the Dispatches tab.
. "$KZ_TESTS/lib.sh"

C="-c $KZ_TESTS/../config/default.yaml -d $T/k.db"
awk 'BEGIN {
	print "name,name_roman,government,post,status,fields,languages,notes"
	for (i = 1; i <= 1500; i++)
		printf "試験%04d,Tester %04d,島根県,課長,%s,agriculture,en:business,\n", i, i, (i % 10) ? "serving" : "retired"
}' > "$T/big.csv"
run $C import specialists "$T/big.csv"
expect_rc 0 "seed 1,500 specialists"
# a dispatch of one far down the list
run $C search --format csv tester 1234
expect_rc 0 "find Tester 1234"
far=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
run $C request add --country cn --province 河南省 --fields agriculture --topic vegetables \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$far" --from 2019-09-16 --to 2019-09-23
expect_rc 0 "seed a dispatch"
# how many a search for "tester 14" finds, as the command counts them
run $C search --format csv tester 14
expect_rc 0 "search from the command line"
n14=$(( $(printf '%s\n' "$out" | wc -l) - 1 ))
[ "$n14" -gt 64 ] && ok || bad "the search should find more than a page: $n14"

# the selected row: the line the list marks with >
selected() { tm_screen | grep -E '^>' | head -n 1; }
expect_selected() {	# expect_selected TEXT DESC
	if tm_until 10 sh -c "grep -E '^>' | grep -qF -- \"\$0\"" "$1"; then
		ok
	else
		bad "$2: the selected row is '$(selected)', not $1"; tm_screen
	fi
}

tm_start "$KZ" $C
tm_expect "1500 specialists" "the title counts every specialist"
tm_keys '>'
tm_expect "Romanised ^" "sorted by the romanised name"
expect_selected "Tester 0001" "the first row first"

# End: the last of them, counted
tm_keys G
expect_selected "Tester 1500" "End goes to the last row"
tm_keys k k
expect_selected "Tester 1498" "and up from there"
tm_keys g
expect_selected "Tester 0001" "Home to the first again"
# far down, a page at a time
i=0
while [ $i -lt 25 ]; do tm_keys PgDn; i=$((i + 1)); done
tm_expect_re '^>.*Tester 0[1-3][0-9][0-9]' "25 pages down, past the rows read at first"
tm_keys j
tm_expect_re '^>.*Tester 0[1-3][0-9][0-9]' "a row further"

# a search: the rows at once, the count as far as they are read
tm_keys /
tm_type "tester 14"
tm_expect "Tester 1400" "the search finds its rows"
tm_expect_re "(64\+|$n14) of 1500 specialists" "counted as far as read (all of them when the term came in one burst)"
tm_keys Enter
tm_keys G
tm_expect "$n14 of 1500 specialists" "End counts every match"
expect_selected "Tester 1499" "the last match"
tm_keys k
expect_selected "Tester 1498" "up one"
# the selection is kept by id when the search goes, however far down
tm_keys /
tm_keys Escape
tm_expect "1500 specialists" "the search cleared"
expect_selected "Tester 1498" "the same record selected in the whole list"
tm_keys I
tm_expect "Romanised v" "I reverses the order"
expect_selected "Tester 1498" "still the same record"
tm_keys j
expect_selected "Tester 1497" "its neighbour below, in the reversed order"

# from a dispatch to its specialist, far down the register
tm_keys Tab Tab
tm_expect "Tester 1234" "the dispatch on the Dispatches tab"
tm_keys S
tm_expect "Romanised v" "S shows the Specialists tab"
expect_selected "Tester 1234" "with the dispatch's specialist selected"
tm_keys C-o
tm_expect "Tester 1234" "C-o goes back"

# in the register's own order (by name) a search is its matches in the
# index, counted at once, a key at a time as in a burst
tm_keys BTab BTab
tm_expect "Romanised v" "back on the Specialists tab"
tm_keys '<'
tm_expect "Name ^" "sorted by name"
tm_keys /
tm_type "tester 1"
tm_expect "Tester 1000" "a search by name"
tm_keys 4
tm_expect "Tester 1400" "the search narrowed by a key"
tm_expect "$n14 of 1500 specialists" "every match counted at once"
tm_keys Escape
tm_expect "1500 specialists" "the search cleared"

tm_keys q
tm_exited 0 "quits"
tm_asan_clean "no sanitizer report"
finish
