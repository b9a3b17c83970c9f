# lit_row.sh - what a cursor move writes, in Chinese at 80x24: the
# selected row is lit (reverse video) while the detail pane shows its
# record, also after the title's counts are drawn; a j that scrolls the
# list writes the row it brings in once, not plain and then again lit
# when the keys pause; a label's bold ends at its last letter, the spaces
# after it are the pane's (not sent again when the label moves).
# Bytes from tmux's pipe-pane, never milliseconds.
. "$KZ_TESTS/lib.sh"
CFG=$KZ_TESTS/../config/beijing.yaml
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
run -c "$CFG" -d "$T/demo.db" demo
expect_rc 0 "demo data"
"$KZ" -c "$CFG" -d "$T/demo.db" specialist list --format csv > "$T/list.csv"
id_of() { sed -n "$(($1 + 1))p" "$T/list.csv" | cut -d, -f1; }
E=$(printf '\033')
# the screen with its attributes, lines A to B
rows() { tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | sed -n "$1,$2p"; }
# is the marked row in reverse video (an SGR with 7 before its '>')?
SGR="$E\[[0-9;]*m"
lit() {
	rows 1 24 | grep -qE "^($SGR)*$E\[([0-9;]*;)?7(;[0-9;]*)?m($SGR)*>"
}
lit_until() {
	n=100
	while [ $n -gt 0 ]; do lit && return 0; sleep 0.1; n=$((n - 1)); done
	return 1
}
# size FILE: its bytes once it has stopped growing for a second
size() {
	_p=-1
	while :; do
		_s=$(wc -c < "$1" 2>/dev/null || echo 0)
		[ "$_s" = "$_p" ] && break
		_p=$_s
		sleep 1
	done
	echo "$_s"
}

tm_start "$KZ -c $CFG -d $T/demo.db"
tm_expect "$(id_of 1)" "the first record's detail"
lit_until && ok || bad "the first record's row is not lit"
# the frame that adds the title's counts comes at once, without a key:
# it must not turn the light off
sleep 1
lit && ok ||
	{ bad "the row went dark after the title's counts:"; rows 1 24 | cat -v; }

# a label in bold, then plain spaces up to the text
rows 13 23 | grep -q "  $E\[0m" &&
	{ bad "a label's trailing spaces are drawn bold:"; rows 13 23 | cat -v; } || ok

# down to the list's last row, then one j more: the list scrolls
tm_keys j j j j j j j j j j j j j j j j j j j j
tm_expect "$(id_of 21)" "twenty j: the 21st record"
lit_until && ok || bad "the 21st record's row is not lit"
tmux -L "$TMUX_SOCK" pipe-pane -t t -o "cat >> '$T/pane.log'"
sleep 0.5
b0=$(size "$T/pane.log")
tm_keys j
tm_expect "$(id_of 22)" "j: the 22nd record"
b1=$(size "$T/pane.log")
lit_until && ok || bad "the 22nd record's row is not lit"
name=$(tm_screen | sed -n 's/^>//p' | awk -F '  ' '{ print $1 }')
expect_in "$name" "$(sed -n 23p "$T/list.csv" | cut -d, -f2)" \
	"the marked row is the 22nd"
dd if="$T/pane.log" of="$T/j.bin" bs=1 skip="$b0" count=$((b1 - b0)) 2>/dev/null
n=$(grep -aoF -- ">$name" "$T/j.bin" | wc -l)
echo "one j that scrolls: $((b1 - b0)) bytes, the new row written $n times"
[ "$n" -le 1 ] && ok || bad "the row the list scrolled in was written $n times"

# Lit is the marked row's first cell, as a spreadsheet's cell: its
# name, not its romanised name after it; a single j (no scroll) then
# writes the two names again, not both rows, within the 150 bytes a
# move the issue sets (it was 196 with whole rows).
roman=$(sed -n 23p "$T/list.csv" | cut -d, -f3)
line=$(rows 1 24 | grep -F -- ">$name")
case $line in
*"$E[0m"*"$roman"*|*"$E[27m"*"$roman"*) ok ;;
*) bad "the lit part runs past the first cell: $(printf '%s' "$line" | cat -v)" ;;
esac
b0=$(size "$T/pane.log")
tm_keys k
tm_expect "$(id_of 21)" "k: the 21st record"
b1=$(size "$T/pane.log")
lit_until && ok || bad "the 21st record's row is not lit after k"
echo "one k with its detail: $((b1 - b0)) bytes"
tmux -L "$TMUX_SOCK" pipe-pane -t t
b0=$(size "$T/pane.log")
tmux -L "$TMUX_SOCK" pipe-pane -t t -o "cat >> '$T/pane.log'"
tm_keys j
n=0
while [ $n -lt 50 ] && [ "$(wc -c < "$T/pane.log")" -le "$b0" ]; do
	sleep 0.01; n=$((n + 1)); done
sleep 0.05	# the key's frame, before the detail pane's at the pause
b1=$(wc -c < "$T/pane.log")
echo "one j, its frame: $((b1 - b0)) bytes"
[ $((b1 - b0)) -gt 0 ] && [ $((b1 - b0)) -le 150 ] && ok ||
	bad "one j wrote $((b1 - b0)) bytes before its detail, not 1 to 150"
tm_type q
tm_exited 0 "q quits"
tm_asan_clean "lit row"

# display.cursor: row lights the whole row, the romanised name in it
sed 's/^dispatch:/display:\n  cursor: row\ndispatch:/' "$CFG" > "$T/row.yaml"
grep -q "cursor: row" "$T/row.yaml" || bad "no display.cursor in the copy"
tm_new_server row
tm_start "$KZ -c $T/row.yaml -d $T/demo.db"
tm_expect "$(id_of 1)" "display.cursor: row: the first record"
lit_until && ok || bad "display.cursor: row: the row is not lit"
roman=$(sed -n 2p "$T/list.csv" | cut -d, -f3)
line=$(rows 1 24 | grep -E "^($SGR)*$E\[([0-9;]*;)?7(;[0-9;]*)?m($SGR)*>")
case $line in
*"$E[0m"*"$roman"*|*"$E[27m"*"$roman"*)
	bad "display.cursor: row lit the first cell only: $(printf '%s' "$line" | cat -v)" ;;
*"$roman"*) ok ;;
*) bad "display.cursor: row: no lit row with $roman" ;;
esac
tm_type q
tm_exited 0 "q quits (display.cursor: row)"
finish
