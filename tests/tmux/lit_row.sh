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
tm_type q
tm_exited 0 "q quits"
tm_asan_clean "lit row"
finish
