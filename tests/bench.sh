#!/bin/sh
# bench.sh - speed and memory of the things a person waits for: `make bench`.
# Prints numbers; it never fails on them (targets are read, not asserted).
KZ=${1:?usage: bench.sh KIZUNA_BINARY}
case "$KZ" in /*) ;; *) KZ=$PWD/$KZ ;; esac
[ -x "$KZ" ] || { echo "bench.sh: no program at $KZ (make bench builds it)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/c" XDG_DATA_HOME="$T/d" HOME="$T" LC_ALL=C.UTF-8
DB="$T/bench.db"

ms() { date +%s%N; }
# time_cmd LABEL N CMD...: mean wall time of N runs, in milliseconds
time_cmd() {
	label=$1 n=$2; shift 2
	t0=$(ms)
	i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(ms)
	awk -v a="$t0" -v b="$t1" -v n="$n" -v l="$label" \
		'BEGIN { printf "%-44s %9.2f ms\n", l, (b - a) / n / 1e6 }'
}
# peak resident memory of one run, in KiB, from the kernel's own count
rss() {
	"$@" >/dev/null 2>&1 &
	pid=$!
	peak=0
	while kill -0 $pid 2>/dev/null; do
		r=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null)
		[ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r
		sleep 0.005
	done
	wait $pid
	echo "$peak"
}

echo "kizuna benchmark ($(nproc) cores, $(uname -m))"
rm -f "$DB"*
t0=$(ms); "$KZ" -d "$DB" demo 2>/dev/null; t1=$(ms)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "demo load (1,168 people, 1,492 fields)", (b - a) / 1e6 }'
time_cmd "search, 2-character CJK term (农业)" 20 "$KZ" -d "$DB" search 农业
time_cmd "search, 1-character CJK term (林)" 20 "$KZ" -d "$DB" search 林
time_cmd "search, Latin prefix (tana)" 20 "$KZ" -d "$DB" search tana
time_cmd "search, text and filters" 20 "$KZ" -d "$DB" search --field agriculture --lang en:business --free 2026-12-01..2026-12-31 sato
time_cmd "list all, table" 10 "$KZ" -d "$DB" specialist list
time_cmd "stats fields" 20 "$KZ" -d "$DB" stats fields
time_cmd "export specialists (csv)" 10 "$KZ" -d "$DB" export specialists
"$KZ" -d "$DB" export specialists > "$T/all.csv"
time_cmd "import 1,168 rows into an empty database" 3 sh -c "rm -f '$T/i.db'*; '$KZ' -d '$T/i.db' import specialists '$T/all.csv'"
echo "peak memory, search:          $(rss "$KZ" -d "$DB" search 农业) KiB"
echo "peak memory, demo load:       $(rm -f "$T/m.db"*; rss "$KZ" -d "$T/m.db" demo) KiB"
echo "database size after demo:     $(du -k "$DB" | cut -f1) KiB"

# ---- sync: bundle size follows the change, not the database ----
gen() {	# gen N FILE: N specialists as CSV
	awk -v n="$1" 'BEGIN {
		print "name,name_roman,government,post,status,fields,languages,notes"
		for (i = 1; i <= n; i++)
			printf "試験%d,Tester %d,県%d,課長,serving,agriculture:rice:%d; education,en:business,note %d\n", i, i, i % 47, i % 40, i
	}' > "$2"
}
gen 10000 "$T/10k.csv"
rm -f "$T/hq.db"* "$T/of.db"*
"$KZ" -d "$T/of.db" sync status >/dev/null 2>&1	# make the office database
"$KZ" -d "$T/hq.db" import specialists "$T/10k.csv" >/dev/null 2>&1
t0=$(ms); "$KZ" -d "$T/hq.db" sync export -o "$T/10k.kzb" >/dev/null 2>&1; t1=$(ms)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "sync export, 10,000 new specialists", (b - a) / 1e6 }'
bytes=$(wc -c < "$T/10k.kzb")
echo "bundle of 10,000 new specialists:    $bytes bytes ($((bytes / 10000)) bytes per specialist with 2 fields, 1 language)"
t0=$(ms); "$KZ" -d "$T/of.db" sync import "$T/10k.kzb" >/dev/null 2>&1; t1=$(ms)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "sync import of that bundle", (b - a) / 1e6 }'
echo "peak memory, import of that bundle: $(rm -f "$T/of2.db"*; "$KZ" -d "$T/of2.db" sync status >/dev/null 2>&1; rss "$KZ" -d "$T/of2.db" sync import "$T/10k.kzb") KiB"

gen 100000 "$T/100k.csv"
rm -f "$T/big.db"*
t0=$(ms); "$KZ" -d "$T/big.db" import specialists "$T/100k.csv" >/dev/null 2>&1; t1=$(ms)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "import 100,000 specialists (CSV)", (b - a) / 1e6 }'
"$KZ" -d "$T/big.db" sync export -o "$T/big-all.kzb" >/dev/null 2>&1
id=$("$KZ" -d "$T/big.db" search --format csv tester 77777 2>/dev/null | sed -n 2p | cut -d, -f1)
"$KZ" -d "$T/big.db" specialist edit "$id" --phone "+81 3 5213 1726" >/dev/null 2>&1
t0=$(ms); "$KZ" -d "$T/big.db" sync export -o "$T/one.kzb" >/dev/null 2>&1; t1=$(ms)
echo "one changed specialist among 100,000: $(wc -c < "$T/one.kzb") byte bundle, exported in $(( (t1 - t0) / 1000000 )) ms"
time_cmd "search 100,000, Latin word (tester)" 5 "$KZ" -d "$T/big.db" search --limit 50 tester 4242
time_cmd "search 100,000, CJK term and number" 5 "$KZ" -d "$T/big.db" search --limit 50 試験 4242
time_cmd "search 100,000, CJK term in every row (試験)" 5 "$KZ" -d "$T/big.db" search --limit 50 試験
echo "database of 100,000 specialists:     $(du -k "$T/big.db" | cut -f1) KiB"

# ==== terminal (issue 14) ===================================================
# Bytes and write calls a key at 80x24 in Chinese, counted as
# ../shared/PLATFORM.md says: the program in a private tmux, pipe-pane
# into a file, its size once it has stopped growing; write calls from
# strace (-e trace=write) when it is installed. Beside it, less moving a
# line down a 100,000-line file in the same terminal. Targets: at most
# 150 bytes a cursor move on average, at most 3 writes a key, a burst of
# keys drawn once.
echo "---- terminal: 80x24, Chinese (config/beijing.yaml) ----"
if ! command -v tmux >/dev/null 2>&1; then
	echo "terminal: tmux is not installed, not measured"
else
	TS=
	ST=
	if command -v strace >/dev/null 2>&1; then ST="strace -f -e trace=write -e signal=none -o"
	else echo "terminal: strace is not installed: write calls not counted"; fi
	BJ=$(cd "$(dirname "$0")/.." && pwd)/config/beijing.yaml
	KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02 "$KZ" -c "$BJ" -d "$T/bj.db" demo >/dev/null 2>&1
	awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%06d 试验第%d行 line %d of the anchor file\n", i, i, i }' > "$T/100k.txt"
	# settled FILE: its size once it has not grown for half a second
	settled() {
		_p=-1
		while :; do
			_s=$(wc -c < "$1" 2>/dev/null || echo 0)
			[ "$_s" = "$_p" ] && break
			_p=$_s
			sleep 0.5
		done
		echo "$_s"
	}
	writes() { if [ -n "$ST" ]; then grep -c 'write(1,' "$T/term.st"; else echo 0; fi; }
	# term_start CMD: CMD alone in the tmux, its output piped to $T/term.pane
	term_start() {
		rm -f "$T/term.pane" "$T/term.st"
		TS=kzbench$$-${1##*/}
		tmux -L "$TS" -f /dev/null new-session -d -x 80 -y 24 \
			"env TERM=xterm-256color ${ST:+$ST $T/term.st} $*; sleep 600"
		sleep 3
		tmux -L "$TS" pipe-pane -o "cat >> '$T/term.pane'"
		sleep 0.5
	}
	term_stop() { tmux -L "$TS" kill-server 2>/dev/null; }
	# per_key LABEL N PAUSE: N j, PAUSE seconds apart; bytes and writes a
	# key. Under a tenth of a second the keys go as one tmux command
	# (run-shell -d between them), as a held key repeats, steadier than
	# a tmux process a key.
	per_key() {
		_l=$1 _n=$2 _pause=$3
		b0=$(settled "$T/term.pane") w0=$(writes)
		if awk -v p="$_pause" 'BEGIN { exit !(p < 0.1) }'; then
			set -- send-keys j
			i=1
			while [ $i -lt "$_n" ]; do
				set -- "$@" ';' run-shell -d "$_pause" '' ';' send-keys j
				i=$((i + 1))
			done
			tmux -L "$TS" "$@"
		else
			i=0
			while [ $i -lt "$_n" ]; do tmux -L "$TS" send-keys j; sleep "$_pause"; i=$((i + 1)); done
		fi
		b1=$(settled "$T/term.pane") w1=$(writes)
		awk -v l="$_l" -v b=$((b1 - b0)) -v w=$((w1 - w0)) -v n="$_n" -v st="$ST" \
			'BEGIN { printf "%-44s %7.0f B %6s writes a key\n", l, b / n, st ? sprintf("%.1f", w / n) : "-" }'
	}
	burst() {
		b0=$(settled "$T/term.pane") w0=$(writes)
		tmux -L "$TS" send-keys j j j j j j j j j j
		b1=$(settled "$T/term.pane") w1=$(writes)
		printf '%-44s %7d B %6s writes in all\n' "$1" $((b1 - b0)) "$([ -n "$ST" ] && echo $((w1 - w0)) || echo -)"
	}
	term_start "$KZ" -c "$BJ" -d "$T/bj.db"
	per_key "kizuna: j, one at a time (detail included)" 10 0.5
	per_key "kizuna: j held (30 at 30 a second)" 30 0.033
	burst "kizuna: ten j in a burst"
	term_stop
	term_start less "$T/100k.txt"
	per_key "  anchor: less, j on a 100,000-line file" 10 0.5
	burst "  anchor: less, ten j in a burst"
	term_stop
	echo "targets: at most 150 B a cursor move on average, at most 3 writes a key"
fi
# ==== end of terminal ========================================================
