# table_width.sh - command-line tables in Chinese and Japanese fit the
# terminal in display width (a CJK character is two columns); into a
# pipe every value stays whole.
. "$KZ_TESTS/lib.sh"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02

# width: the widest line of standard input, in display columns
width() { python3 -c '
import sys, unicodedata
def w(s): return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(max([w(l.rstrip("\r")) for l in sys.stdin.read().splitlines()] or [0]))'; }
# on_tty COLS ARGS...: kizuna on a terminal COLS wide, into $out
on_tty() {
	cols=$1; shift
	printf '%s\n' "$@" > "$T/.args"
	script -qec "stty cols $cols rows 24; xargs -d '\n' \"\$KZ\" < \"\$T/.args\"" /dev/null > "$T/.tty" 2>&1 </dev/null
	out=$(tr -d '\r' < "$T/.tty")
}
export KZ T
if ! command -v script >/dev/null || ! command -v python3 >/dev/null; then
	skip "script(1) or python3 missing"
	finish
fi

for office in beijing tokyo; do
	cfg=$KZ_TESTS/../config/$office.yaml
	db=$T/$office.db
	run -c "$cfg" -d "$db" demo
	expect_rc 0 "$office demo"
	for list in "request list" "dispatch list" "specialist list" \
	    "stats requests" "stats fields"; do
		# shellcheck disable=SC2086
		for cols in 80 60; do
			on_tty "$cols" -c "$cfg" -d "$db" $list
			n=$(printf '%s\n' "$out" | grep -c .)
			[ "$n" -ge 2 ] && ok || bad "$office $list: $n lines on a terminal: $out"
			w=$(printf '%s\n' "$out" | width)
			[ "$w" -le "$cols" ] && ok || \
				bad "$office $list: a line $w columns wide on a terminal $cols wide"
		done
	done
	# the ids and dates stay whole; the long columns give
	on_tty 80 -c "$cfg" -d "$db" request list
	expect_eq "$(printf '%s\n' "$out" | sed -n 2p | grep -cE '^[A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4}  [0-9]{4}年[0-9]{2}月[0-9]{2}日  ')" 1 \
		"$office request list: the id and the date whole"
	# into a pipe, whole values, however wide
	run -c "$cfg" -d "$db" request list
	w=$(printf '%s\n' "$out" | width)
	[ "$w" -gt 80 ] && ok || bad "$office request list into a pipe: cut to $w"
	expect_not_in "$out" "~" "$office request list into a pipe: nothing cut"
done

# a history's table, in Japanese, on a terminal
db=$T/tokyo.db cfg=$KZ_TESTS/../config/tokyo.yaml
id=$("$KZ" -c "$cfg" -d "$db" request list --format csv | sed -n 2p | cut -d, -f1)
"$KZ" -c "$cfg" -d "$db" request edit "$id" --topic "温室の環境制御と栽培管理の技術（施設園芸）についての長い説明" >/dev/null 2>&1
on_tty 80 -c "$cfg" -d "$db" history "$id"
w=$(printf '%s\n' "$out" | width)
[ "$w" -le 80 ] && ok || bad "history: a line $w columns wide on a terminal 80 wide"

# sync keys: the role is padded in display width, so the fingerprints of
# head office (总部, 4 columns) and an office line up as in English;
# head office's demo enrols the offices' demo keys, and they its
run -c "$KZ_TESTS/../config/tokyo.yaml" --demo sync keys
run -c "$KZ_TESTS/../config/beijing.yaml" --demo sync keys
line=$(printf '%s\n' "$out" | grep '^TYO ')
pre=${line%%[0-9A-F][0-9A-F][0-9A-F][0-9A-F]-*}
expect_eq "$(printf '%s\n' "$pre" | width)" 14 "sync keys: the fingerprint at column 15 in Chinese"

finish
