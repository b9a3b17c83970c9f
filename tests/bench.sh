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
