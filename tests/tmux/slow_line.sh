# slow_line.sh - a burst of keys is drawn once: ten j read together cost
# far fewer bytes than ten frames, in Chinese at 80x24; and over a line
# of 9600 baud with 300 ms each way (tests/relay.py, between tmux and
# kizuna), thirty j held down do not queue thirty frames: the screen
# settles on the right record with a few frames' bytes.
# Bytes are counted, never milliseconds: tmux's pipe-pane for the
# terminal, the relay's count of what kizuna wrote for the slow line.
. "$KZ_TESTS/lib.sh"
# new_server NAME: end this tmux server and use another socket for the
# next: a server started at once on the socket of one shutting down can
# exit under the new client ("server exited unexpectedly")
new_server() { tmux -L "$TMUX_SOCK" kill-server 2>/dev/null; TMUX_SOCK=kz-$$-$1; }
CFG=$KZ_TESTS/../config/beijing.yaml
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
run -c "$CFG" -d "$T/demo.db" demo
expect_rc 0 "demo data"
# row N of the list as the screen sorts it (by name): its id, which the
# detail pane shows once the selection settles there
"$KZ" -c "$CFG" -d "$T/demo.db" specialist list --format csv > "$T/list.csv"
id_of() { sed -n "$(($1 + 1))p" "$T/list.csv" | cut -d, -f1; }
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

# ---- in tmux, at full speed ----
tm_start "$KZ -c $CFG -d $T/demo.db"
tm_expect "$(id_of 1)" "the first record's detail"
tmux -L "$TMUX_SOCK" pipe-pane -t t -o "cat >> '$T/pane.log'"
sleep 0.5
b0=$(size "$T/pane.log")
tm_keys j
tm_expect "$(id_of 2)" "j: the second record"
b1=$(size "$T/pane.log")
tm_keys j j j j j j j j j j
tm_expect "$(id_of 12)" "ten j: the twelfth record"
b2=$(size "$T/pane.log")
one=$((b1 - b0)) ten=$((b2 - b1))
echo "bytes: one j $one, ten j in a burst $ten"
# every frame drawn, ten j cost about ten times one; drawn once, about
# twice (the list scrolls by four rows on the way)
[ "$one" -gt 0 ] && [ "$ten" -lt $((one * 5)) ] && ok ||
	bad "ten j in a burst wrote $ten bytes, one j $one: frames drawn for keys already read"
tm_type q
tm_exited 0 "q quits"

# ---- over a slow line ----
if ! command -v python3 >/dev/null 2>&1; then
	skip "slow line: no python3 for tests/relay.py"
	finish
fi
new_server relay
tm_start "python3 $KZ_TESTS/relay.py 9600 0.3 $T/relay.log $KZ -c $CFG -d $T/demo.db"
tm_expect "$(id_of 1)" "over the line: the first record" 30
# what kizuna has written, once the count has not moved for two seconds
# (the line is busy for a second with 960 bytes)
written() {
	_p=
	while :; do
		_s=$(cat "$T/relay.log" 2>/dev/null)
		[ -n "$_s" ] && [ "$_s" = "$_p" ] && break
		_p=$_s
		sleep 2
	done
	echo "$_s" | sed -n 's/^bytes \([0-9]*\).*/\1/p'
}
w0=$(written)
tm_keys j
tm_expect "$(id_of 2)" "over the line: j" 30
w1=$(written)
tm_keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
tm_expect "$(id_of 32)" "over the line: thirty j settle on the 32nd record" 30
w2=$(written)
one=$((w1 - w0)) burst=$((w2 - w1))
echo "over 9600 baud: one j $one bytes, thirty j $burst bytes"
[ "$one" -gt 0 ] && [ "$burst" -lt $((one * 4)) ] && ok ||
	bad "thirty j over a slow line wrote $burst bytes, one j $one: frames queue"
s=$(tm_screen)
expect_in "$s" "$(id_of 32)" "the detail is the selected record's"
expect_in "$s" ">$(sed -n 33p "$T/list.csv" | cut -d, -f2) " "the marked row is the 32nd"
tm_type q
tm_exited 0 "q quits over the line" 30
tm_asan_clean "slow line"
finish
