#!/bin/sh
# bench.sh - speed and memory of the things a person waits for: `make bench`.
# Prints numbers, each beside its anchor timed in the same run and the
# ratio; it never fails on them (targets are read, not asserted).
# The data set is made here (tests/bench_gen.sh): 100,000 specialists,
# four in five with Japanese names, and 20,000 dispatches.
# BENCH_N=N makes a smaller register (a quick look; the targets are at
# 100,000).
KZ=${1:?usage: bench.sh KIZUNA_BINARY}
case "$KZ" in /*) ;; *) KZ=$PWD/$KZ ;; esac
[ -x "$KZ" ] || { echo "bench.sh: no program at $KZ (make bench builds it)" >&2; exit 1; }
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/c" XDG_DATA_HOME="$T/d" HOME="$T" LC_ALL=C.UTF-8
unset LANGUAGE
N=${BENCH_N:-100000}
ND=$((N / 5))			# dispatches
SQ=$(command -v sqlite3)	# the anchor; without it figures stand alone

# head office (TYO) and an office (BJS), in English
for f in tokyo beijing; do
	sed 's/^\(  *\)language: .*/\1language: en/' "$SRC/config/$f.yaml" > "$T/$f.yaml"
done
H="$T/tokyo.yaml" O="$T/beijing.yaml"

ms() { date +%s%N; }
# time_cmd LABEL N CMD...: mean wall time of N runs, in milliseconds, in $took
time_cmd() {
	label=$1 n=$2; shift 2
	t0=$(ms)
	i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(ms)
	took=$(awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n / 1e6 }')
	[ -n "$label" ] && printf '%-52s %10s ms\n' "$label" "$took"
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
# measure CMD...: one run's wall time in $took and processor time (user
# and system) in $cpu, both ms, and its peak memory in $kib. GNU time
# gives all three; without it the memory is polled and $cpu is the wall
# time. On a shared machine the processor time is the steadier figure.
GTIME=$(command -v /usr/bin/time)
measure() {
	if [ -n "$GTIME" ]; then
		"$GTIME" -f '%e %U %S %M' -o "$T/.time" "$@" >/dev/null 2>&1
		# the last line: a failed command's status comes before it
		read -r e u s kib <<-EOF
		$(tail -n 1 "$T/.time")
		EOF
		took=$(awk -v e="$e" 'BEGIN { printf "%.1f", e * 1000 }')
		cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.1f", (u + s) * 1000 }')
		return
	fi
	t0=$(ms)
	kib=$(rss "$@")
	t1=$(ms)
	took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
	cpu=$took
}
# measure_n N CMD...: the mean of N runs' $took and $cpu
measure_n() {
	_n=$1; shift
	_t=0 _c=0 _i=0
	while [ $_i -lt "$_n" ]; do
		measure "$@"
		_t=$(awk -v a="$_t" -v b="$took" 'BEGIN { print a + b }')
		_c=$(awk -v a="$_c" -v b="$cpu" 'BEGIN { print a + b }')
		_i=$((_i + 1))
	done
	took=$(awk -v a="$_t" -v n="$_n" 'BEGIN { printf "%.1f", a / n }')
	cpu=$(awk -v a="$_c" -v n="$_n" 'BEGIN { printf "%.1f", a / n }')
}
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
# row WHAT KIZUNA ANCHOR RATIO_A RATIO_B: a figure beside its anchor
row() { printf '%-40s %-22s %-22s %s\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
head_line() { printf '\n== %s\n' "$1"; row "what" "kizuna" "anchor" "ratio"; }

echo "kizuna benchmark ($(nproc) cores, $(uname -m)), $N specialists, $ND dispatches"
[ -n "$SQ" ] || echo "(no sqlite3 shell: anchors left out)"

# ---- the data set ----
sh "$SRC/tests/bench_gen.sh" "$N" > "$T/all.csv"
for q in 4 2; do
	head -n $((N / q + 1)) "$T/all.csv" > "$T/part$q.csv"
done
echo "register: $(wc -c < "$T/all.csv") bytes of CSV, $(($(wc -l < "$T/all.csv") - 1)) rows"

# ---- CSV import, beside the sqlite3 shell's .import ----
# The anchor: the same file into a table of its columns, an FTS5 table
# over the text, and 2 indexes (the register's name and duplicate keys).
anchor_sql() {	# anchor_sql CSV > FILE
	cat <<-EOF
	PRAGMA journal_mode = WAL;
	CREATE TABLE sp (name TEXT NOT NULL, name_roman TEXT NOT NULL,
	  government TEXT NOT NULL, post TEXT, status TEXT, fields TEXT,
	  languages TEXT, notes TEXT);
	.import --csv --skip 1 $1 sp
	CREATE INDEX sp_roman ON sp(name_roman COLLATE NOCASE);
	CREATE INDEX sp_same ON sp(name_roman, name, government);
	CREATE VIRTUAL TABLE sp_fts USING fts5(id UNINDEXED, body,
	  tokenize = 'unicode61 remove_diacritics 2');
	INSERT INTO sp_fts SELECT rowid, name || ' ' || name_roman || ' ' ||
	  government || ' ' || ifnull(post, '') || ' ' || ifnull(fields, '') ||
	  ' ' || ifnull(notes, '') FROM sp;
	EOF
}
head_line "CSV import (target: within 2x, at most 32 MB, flat as the file grows)"
for f in part4 part2 all; do
	rows=$(($(wc -l < "$T/$f.csv") - 1))
	rm -f "$T/imp.db"*
	"$KZ" -c "$H" -d "$T/imp.db" sync status >/dev/null 2>&1	# the empty database
	measure "$KZ" -c "$H" -d "$T/imp.db" import specialists "$T/$f.csv"
	kt=$took kc=$cpu kk=$kib
	got=$("$KZ" -c "$H" -d "$T/imp.db" stats fields 2>/dev/null | wc -l)
	if [ -n "$SQ" ]; then
		anchor_sql "$T/$f.csv" > "$T/anchor.sql"
		rm -f "$T/anchor.db"*
		measure "$SQ" "$T/anchor.db" ".read $T/anchor.sql"
		at=$took ac=$cpu ak=$kib
	else
		at=0 ac=0 ak=0
	fi
	# kept for the lists below
	cp "$T/imp.db" "$T/$f.db"
	row "import $rows rows, wall time" "$kt ms" "$at ms" "$(ratio "$kt" "$at")"
	row "import $rows rows, processor time" "$kc ms" "$ac ms" "$(ratio "$kc" "$ac")"
	row "import $rows rows, peak memory" "$(mb "$kk")" "$(mb "$ak")" "$(ratio "$kk" "$ak")"
done
rm -f "$T/anchor.db"*
[ "$got" -gt 1 ] || echo "(the import failed: stats fields printed nothing)"
mv "$T/all.db" "$T/big.db"
rm -f "$T/imp.db"* "$T/part2.db"

# ---- CLI lists stream their rows ----
head_line "CLI lists (target: constant memory)"
for f in part4 all; do
	rows=$(($(wc -l < "$T/$f.csv") - 1))
	db=$T/$f.db
	[ $f = all ] && db=$T/big.db
	measure "$KZ" -c "$H" -d "$db" specialist list --format csv
	row "specialist list --format csv, $rows rows" "$took ms, $(mb "$kib")" "-" ""
done
rm -f "$T/part4.db"

# ---- sync ----
head_line "sync (the first full bundle after the import; an office's few rows)"
# head office and the office believe each other's keys
key() { "$KZ" -c "$1" -d "$2" sync key 2>/dev/null | sed -n 's/.*sync trust \([A-Z]* [0-9a-f]\{64\}\)$/\1/p'; }
"$KZ" -c "$O" -d "$T/of.db" sync status >/dev/null 2>&1
hk=$(key "$H" "$T/big.db") ok=$(key "$O" "$T/of.db")
# shellcheck disable=SC2086
{ "$KZ" -c "$O" -d "$T/of.db" sync trust $hk --yes; "$KZ" -c "$H" -d "$T/big.db" sync trust $ok --yes; } >/dev/null 2>&1
measure "$KZ" -c "$H" -d "$T/big.db" sync export -o "$T/full.kzb"
row "sync export, first full bundle" "$took ms, $(mb "$kib")" "cpu $cpu ms" ""
echo "  bundle: $(wc -c < "$T/full.kzb" 2>/dev/null || echo 0) bytes"
# the office adds three people and edits one: a bundle of few rows
for i in 1 2 3; do
	"$KZ" -c "$O" -d "$T/of.db" specialist add --name "王 小$i" --roman "Wang Xiao $i" \
		--government 北京市 --fields agriculture >/dev/null 2>&1
done
"$KZ" -c "$O" -d "$T/of.db" sync export -o "$T/few.kzb" >/dev/null 2>&1
measure "$KZ" -c "$H" -d "$T/big.db" sync import "$T/few.kzb"
row "sync import, office bundle of 3 rows" "$took ms, $(mb "$kib")" "cpu $cpu ms" ""
"$KZ" -c "$H" -d "$T/big.db" search "Wang Xiao" 2>/dev/null | grep -q "Wang Xiao 2" ||
	echo "  (the office's rows are not found by search after the import)"

# ---- timeline ----
# 20,000 dispatches over three years, written straight into the tables
# (a CLI add each would take minutes); requests to hang them on.
if [ -n "$SQ" ]; then
	"$SQ" "$T/big.db" <<-EOF
	CREATE TEMP TABLE sp (k INTEGER PRIMARY KEY, id TEXT);
	INSERT INTO sp (id) SELECT id FROM specialist ORDER BY id;
	WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < $ND / 10 - 1)
	INSERT INTO request (id, country, province, city, office, received, topic,
	  mode, interpreting, status, created, updated)
	SELECT printf('BJS-R%03d-%04d', n / 10000, n % 10000), 'CN', '河南省',
	  '开封市', 'BJS', '2025-01-01', '农业技术 ' || n, 'onsite', 'none',
	  'agreed', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM c;
	WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < $ND - 1)
	INSERT INTO dispatch (id, request, specialist, start, end, places, mode,
	  state, created, updated)
	SELECT printf('BJS-D%03d-%04d', n / 10000, n % 10000),
	  printf('BJS-R%03d-%04d', (n % ($ND / 10)) / 10000, (n % ($ND / 10)) % 10000),
	  (SELECT id FROM sp WHERE k = (n * 7919) % ($N * 3 / 20) + 1),
	  date('2025-01-01', '+' || ((n * 37) % 1095) || ' days'),
	  date('2025-01-01', '+' || ((n * 37) % 1095 + 3 + n % 12) || ' days'),
	  '开封市', 'onsite',
	  (SELECT value FROM json_each('["proposed","drafted","signed","scheduled","underway","returned","reported","cancelled"]') WHERE key = n % 8),
	  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM c;
	EOF
fi
FROM=2026-01-01 TO=2026-03-31
cat > "$T/tl.sql" <<EOF
SELECT d.id, d.request, d.specialist, s.name, s.name_roman, d.start,
  d.end, d.places, d.mode, d.state, r.country, r.province, r.city,
  r.department, r.topic, (SELECT group_concat(field, ',') FROM (SELECT
  field FROM request_field f WHERE f.request = r.id ORDER BY pos)),
  d.updated FROM dispatch d JOIN specialist s ON s.id = d.specialist
  JOIN request r ON r.id = d.request WHERE d.state <> 'cancelled' AND
  d.start <= '$TO' AND d.end >= '$FROM' ORDER BY d.start, d.end, d.id;
EOF
head_line "timeline for three months (target: within 2x)"
nd=$([ -n "$SQ" ] && "$SQ" "$T/big.db" "SELECT count(*) FROM dispatch")
for by in dispatch specialist; do
	measure_n 5 "$KZ" -c "$H" -d "$T/big.db" timeline --from $FROM --to $TO --by $by
	kt=$took kc=$cpu
	if [ -n "$SQ" ]; then
		measure_n 5 "$SQ" "$T/big.db" ".read $T/tl.sql"
		at=$took ac=$cpu
	else
		at=0 ac=0
	fi
	row "timeline --by $by, wall time" "$kt ms" "$at ms" "$(ratio "$kt" "$at")"
	row "  processor time ($nd dispatches)" "$kc ms" "$ac ms" "$(ratio "$kc" "$ac")"
done

# ---- screens ----
# HOOK for the screens' figures (first full screen, tab switch, search as
# you type, idle memory, bytes a key): add them in bench_screens, on the
# database of $N specialists and $ND dispatches at "$T/big.db" (copy it
# first: the screens may write), with the head office's configuration
# "$H"; print each with `row WHAT KIZUNA ANCHOR RATIO` under a head_line.
bench_screens() {
	:
}
bench_screens

# ---- the demo data set ----
head_line "demo data set (1,168 people)"
rm -f "$T/demo.db"*
time_cmd "" 1 "$KZ" -c "$H" -d "$T/demo.db" demo
row "demo load" "$took ms" "-" ""
time_cmd "" 20 "$KZ" -c "$H" -d "$T/demo.db" search 农业
row "search, 2-character CJK term" "$took ms" "-" ""
time_cmd "" 20 "$KZ" -c "$H" -d "$T/demo.db" search tana
row "search, Latin prefix (tana)" "$took ms" "-" ""
time_cmd "" 5 "$KZ" -c "$H" -d "$T/big.db" search --limit 50 佐藤
row "search $N, a CJK family name" "$took ms" "-" ""
time_cmd "" 5 "$KZ" -c "$H" -d "$T/big.db" search --limit 50 tanaka
row "search $N, tanaka" "$took ms" "-" ""
echo "database of $N specialists: $(du -k "$T/big.db" | cut -f1) KiB"
