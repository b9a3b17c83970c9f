#!/bin/sh
# bench.sh - speed and memory of the things a person waits for: `make bench`.
# Prints numbers, each beside its anchor timed in the same run and the
# ratio; it never fails on them (targets are read, not asserted).
# The data set is made here (tests/bench_gen.sh): 100,000 specialists,
# four in five with Japanese names, and 20,000 dispatches.
# BENCH_N=N makes a smaller register (a quick look; the targets are at
# 100,000). BENCH_KEEP=DIR works in DIR and leaves its databases there,
# to look at a figure again by hand.
KZ=${1:?usage: bench.sh KIZUNA_BINARY}
case "$KZ" in /*) ;; *) KZ=$PWD/$KZ ;; esac
[ -x "$KZ" ] || { echo "bench.sh: no program at $KZ (make bench builds it)" >&2; exit 1; }
SRC=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$BENCH_KEEP" ]; then
	mkdir -p "$BENCH_KEEP" && T=$(cd "$BENCH_KEEP" && pwd) || exit 1
else
	T=$(mktemp -d)
	trap 'rm -rf "$T"' EXIT
fi
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
# measure_n N CMD...: the mean wall and processor time of N runs in
# $took and $cpu, the N timed as one: GNU time gives processor time in
# steps of 10 ms, so a run of 15 ms timed alone reads 10 or 20 (a ratio
# of two such runs moved by half between runs of the bench)
measure_n() {
	_n=$1; shift
	measure sh -c 'n=$1; shift; i=0; while [ $i -lt "$n" ]; do
		"$@" >/dev/null 2>&1; i=$((i + 1)); done' sh "$_n" "$@"
	took=$(awk -v a="$took" -v n="$_n" 'BEGIN { printf "%.1f", a / n }')
	cpu=$(awk -v a="$cpu" -v n="$_n" 'BEGIN { printf "%.1f", a / n }')
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
# What the search index alone costs: kizuna's own search text (CJK
# bigrams, romanised names folded, field names in every language) put
# into a table of its schema by the sqlite3 shell, read back from the
# import above. Beside the anchor's whole run it shows how much of the
# ratio is the index a search of any CJK term needs.
if [ -n "$SQ" ]; then
	rm -f "$T/floor.db"*
	"$SQ" "$T/floor.db" "ATTACH '$T/all.db' AS k; CREATE TABLE b AS
	  SELECT rowid AS r, id, body FROM k.specialist_fts;
	  SELECT sql FROM k.sqlite_schema WHERE name = 'specialist_fts'" \
	    > "$T/floor.sql" 2>/dev/null
	if [ -s "$T/floor.sql" ]; then
		{ sed 's/$/;/' "$T/floor.sql"
		  echo "INSERT INTO specialist_fts (rowid, id, body) SELECT r, id, body FROM b ORDER BY r;"
		} > "$T/floor2.sql"
		measure "$SQ" "$T/floor.db" ".read $T/floor2.sql"
		row "  its search text alone, sqlite3 shell" "$took ms" "$at ms" "$(ratio "$took" "$at")"
		row "  the same, processor time" "$cpu ms" "$ac ms" "$(ratio "$cpu" "$ac")"
		# The anchor with an equivalent FTS5 table: the same rows
		# and indexes, and the index of kizuna's schema over its
		# search text (the text read from a table, made before), so
		# that it finds what kizuna's finds; the anchor's unicode61
		# over the raw text finds no CJK term inside a word (农 in
		# 农业).
		{ anchor_sql "$T/all.csv" | sed '/VIRTUAL TABLE/,$d'
		  echo "ATTACH '$T/floor.db' AS t;"
		  sed 's/$/;/' "$T/floor.sql"
		  echo "INSERT INTO specialist_fts (rowid, id, body) SELECT r, id, body FROM t.b ORDER BY r;"
		} > "$T/equiv.sql"
		rm -f "$T/equiv.db"*
		measure "$SQ" "$T/equiv.db" ".read $T/equiv.sql"
		row "  anchor with an equivalent FTS5 table" "$kt ms" "$took ms" "$(ratio "$kt" "$took")"
		row "  the same, processor time" "$kc ms" "$cpu ms" "$(ratio "$kc" "$cpu")"
		rm -f "$T/equiv.db"*
	fi
	rm -f "$T/floor"*
fi
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
# every row again (export --all), a batch at a time: memory stays flat
measure "$KZ" -c "$H" -d "$T/big.db" sync export --all -o "$T/all.kzb"
row "sync export --all, every row" "$took ms, $(mb "$kib")" "cpu $cpu ms" ""
rm -f "$T/all.kzb"
# the office takes it: read a chunk at a time, applied in one transaction
measure "$KZ" -c "$O" -d "$T/of.db" sync import "$T/full.kzb"
row "sync import of it at the office" "$took ms, $(mb "$kib")" "cpu $cpu ms" ""
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
	measure_n 20 "$KZ" -c "$H" -d "$T/big.db" timeline --from $FROM --to $TO --by $by
	kt=$took kc=$cpu
	if [ -n "$SQ" ]; then
		measure_n 20 "$SQ" "$T/big.db" ".read $T/tl.sql"
		at=$took ac=$cpu
	else
		at=0 ac=0
	fi
	row "timeline --by $by, wall time" "$kt ms" "$at ms" "$(ratio "$kt" "$at")"
	row "  processor time ($nd dispatches)" "$kc ms" "$ac ms" "$(ratio "$kc" "$ac")"
done

# ---- screens ----
# (this section is the screens' own: its data set and its figures)
# 100,000 specialists (80% Japanese names) and 20,000 dispatches, with
# 100,000 trainee placements, 20,000 editions of one seminar series and
# 100,000 support cases for the Trainees, Seminars and Activities tabs,
# written straight into a demo database by the sqlite3 shell, then the screens
# run in a private tmux with KIZUNA_BENCH_LOG, which logs for the first
# screen and each key the milliseconds to act on it and draw its frame
# (a detail pane left for the keys to pause, after a move or a key typed
# into a search, is drawn after it), wall clock
# and CPU (CPU beside the wall clock: a busy machine's wall clock says
# more about the machine). Idle memory is the resident size with the
# register on screen; after the keys, idle after them, and the peak,
# with every tab seen.
screens_cfg=$(cd "$(dirname "$0")/.." && pwd)/config/default.yaml
# screens_data DB NSPEC NREQ NDSP [NTR NSEM NSUP]: add synthetic records
# to a demo database (trainee placements, editions of one series of its
# own and support cases for the Trainees, Seminars and Activities tabs)
screens_data() {
	awk -v ns="$2" -v nr="$3" -v nd="$4" -v nt="${5:-0}" -v ne="${6:-0}" \
	    -v na="${7:-0}" '
	# a kizuna id (core/id.c): seven base-32 digits of n and a Luhn
	# check digit modulo 32 over the office digit (18 for TYO)
	function kid(n,    v, i, d, sum, factor, add, out, D) {
		D = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
		for (i = 6; i >= 0; i--) { v[i] = n % 32; n = int(n / 32) }
		d[0] = 18
		for (i = 0; i < 7; i++) d[i + 1] = v[i]
		sum = 0; factor = 2
		for (i = 7; i >= 0; i--) {
			add = factor * d[i]; factor = factor == 2 ? 1 : 2
			sum += int(add / 32) + add % 32
		}
		out = "TYO-"
		for (i = 0; i < 7; i++) { if (i == 4) out = out "-"; out = out substr(D, v[i] + 1, 1) }
		return out substr(D, (32 - sum % 32) % 32 + 1, 1)
	}
	BEGIN {
		srand(14); q = sprintf("%c", 39); t0 = q "2026-01-01T00:00:00Z" q
		split("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水", jf, " ")
		split("sato suzuki takahashi tanaka ito watanabe yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi saito shimizu", jr, " ")
		split("翔 蓮 陽翔 湊 大翔 結衣 陽菜 美咲 健一 浩 誠 直樹 恵子 裕子 和也", jg, " ")
		split("sho ren haruto minato hiroto yui hina misaki kenichi hiroshi makoto naoki keiko yuko kazuya", jgr, " ")
		split("王 李 张 刘 陈 杨 赵 黄 周 吴", cf, " ")
		split("wang li zhang liu chen yang zhao huang zhou wu", cr, " ")
		split("伟 芳 娜 敏 静 丽 强 磊 军 洋", cg, " ")
		split("wei fang na min jing li qiang lei jun yang", cgr, " ")
		split("島根県 広島県 北海道 青森県 熊本県 長野県 新潟県 宮崎県", pf, " ")
		split("agriculture education health engineering forestry fisheries", fl, " ")
		print "PRAGMA foreign_keys=OFF; BEGIN;"
		for (i = 1; i <= ns; i++) {
			if (i % 5) { a = int(rand() * 20) + 1; b = int(rand() * 15) + 1
				name = jf[a] jg[b]; rom = jr[a] " " jgr[b] }
			else { a = int(rand() * 10) + 1; b = int(rand() * 10) + 1
				name = cf[a] cg[b]; rom = cr[a] " " cgr[b] }
			id = q kid(1000000 + i) q
			printf "INSERT INTO specialist (id,name,name_roman,government,post,status,created,updated,sort_key) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s);\n", id, q name q, q rom " " i q, q pf[int(rand() * 8) + 1] "農業技術センター" q, q "課長" q, q ((i % 9) ? "serving" : "retired") q, t0, t0, q rom " " i q
			f1 = fl[int(rand() * 6) + 1]; f2 = fl[int(rand() * 6) + 1]
			printf "INSERT INTO specialist_field (specialist,field,years) VALUES (%s,%s,%d);\n", id, q f1 q, i % 40
			if (f2 != f1)
				printf "INSERT INTO specialist_field (specialist,field,years) VALUES (%s,%s,%d);\n", id, q f2 q, i % 7
			printf "INSERT INTO specialist_lang (specialist,lang,level) VALUES (%s,%s,%s);\n", id, q "en" q, q "business" q
		}
		for (i = 1; i <= nr; i++)
			printf "INSERT INTO request (id,country,province,city,office,received,topic,mode,interpreting,status,created,updated) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s);\n", q kid(2000000 + i) q, q "CN" q, q "四川省" q, q "成都市" q, q "BJS" q, sprintf("%s%04d-%02d-%02d%s", q, 2015 + i % 11, 1 + i % 12, 1 + i % 28, q), q "施設園芸 " i q, q "onsite" q, q "none" q, q "received" q, t0, t0
		for (i = 1; i <= nd; i++) {
			y = 2015 + i % 11; m = 1 + i % 12; d = 1 + i % 20
			printf "INSERT INTO dispatch (id,request,specialist,start,end,mode,state,created,updated) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s);\n", q kid(3000000 + i) q, q kid(2000000 + 1 + i % nr) q, q kid(1000000 + 1 + (i * 7) % ns) q, sprintf("%s%04d-%02d-%02d%s", q, y, m, d, q), sprintf("%s%04d-%02d-%02d%s", q, y, m, d + 7, q), q "onsite" q, q "returned" q, t0, t0
		}
		split("planned ongoing completed withdrawn", tst, " ")
		for (i = 1; i <= nt; i++)
			printf "INSERT INTO trainee (id,name,home_government,host,fields,year,programme,status,created,updated) VALUES (%s,%s,%s,%s,%s,%d,%s,%s,%s,%s);\n", q kid(4000000 + i) q, q cf[i % 10 + 1] cg[int(i / 10) % 10 + 1] q, q "四川省" i % 97 q, q pf[i % 8 + 1] q, q fl[i % 6 + 1] q, 1995 + i % 31, q "lgotp" q, q tst[i % 4 + 1] q, t0, t0
		if (ne > 0)
			printf "INSERT INTO seminar_series (id,code,name,office,created,updated) VALUES (%s,%s,%s,%s,%s,%s);\n", q kid(5000000) q, q "bench" q, q "Bench seminar" q, q "TYO" q, t0, t0
		for (i = 1; i <= ne; i++)
			printf "INSERT INTO seminar (id,series,number,year,theme,city,region,status,created,updated) VALUES (%s,%s,%d,%d,%s,%s,%s,%s,%s,%s);\n", q kid(5000000 + i) q, q kid(5000000) q, i, 1900 + i % 300, q "施設園芸 " i q, q "成都市" q, q "四川省" q, q "held" q, t0, t0
		split("visit event liaison interpreting venue briefing other", sk, " ")
		for (i = 1; i <= na; i++)
			printf "INSERT INTO support (id,start,government,kind,what,created,updated) VALUES (%s,%s,%s,%s,%s,%s,%s);\n", q kid(6000000 + i) q, sprintf("%s%04d-%02d-%02d%s", q, 2015 + i % 11, 1 + i % 12, 1 + i % 28, q), q pf[i % 8 + 1] q, q sk[i % 7 + 1] q, q "視察 " i q, t0, t0
		# the search index is made again at the first search
		print "DELETE FROM local_search_map; COMMIT;"
	}' | sqlite3 "$1"
}
if command -v sqlite3 >/dev/null && command -v tmux >/dev/null; then
	SDB="$T/screens.db"
	rm -f "$SDB"*
	"$KZ" -c "$screens_cfg" -d "$SDB" demo >/dev/null 2>&1
	t0=$(ms); screens_data "$SDB" 100000 4000 20000 100000 20000 100000; t1=$(ms)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "screens: 100,000 + 20,000 rows by sqlite3", (b - a) / 1e6 }'
	"$KZ" -c "$screens_cfg" -d "$SDB" search zzz >/dev/null 2>&1	# the index
	"$KZ" -c "$screens_cfg" -d "$SDB" trainee list --search zzz >/dev/null 2>&1
	"$KZ" -c "$screens_cfg" -d "$SDB" seminar list --search zzz >/dev/null 2>&1
	"$KZ" -c "$screens_cfg" -d "$SDB" support list --search zzz >/dev/null 2>&1
	"$KZ" -c "$screens_cfg" -d "$SDB" request list --text zzz >/dev/null 2>&1
	"$KZ" -c "$screens_cfg" -d "$SDB" dispatch list --text zzz >/dev/null 2>&1
	SLOG="$T/screens.log"
	rm -f "$SLOG"
	tmux -L kzbench$$ -f /dev/null new-session -d -x 80 -y 24 \
		"env KIZUNA_BENCH_LOG='$SLOG' LC_ALL=C.UTF-8 TERM=xterm-256color '$KZ' -c '$screens_cfg' -d '$SDB'"
	# keys, each after the last is drawn, and what they are
	set -- Tab Tab BTab BTab / t a n BSpace BSpace BSpace 农 业 Escape G g \
	    Tab / z BSpace 农 BSpace Escape Tab / z BSpace 农 BSpace Escape \
	    BTab BTab \
	    BTab BTab BTab BTab / z BSpace 1 2 Escape G g \
	    Tab / z BSpace 1 2 Escape G g \
	    Tab / z BSpace 1 2 Escape G g Tab BTab BTab BTab
	names="first-screen tab:requests tab:dispatches tab:requests tab:specialists search-key:/ search-key:t search-key:a search-key:n search-key:BS search-key:BS search-key:BS(empty) search-key:农 search-key:业 search-cancel:Esc end:G home:g tab:requests requests:/ requests-key:z requests-key:BS(empty) requests-key:农 requests-key:BS(empty) requests:Esc tab:dispatches dispatches:/ dispatches-key:z dispatches-key:BS(empty) dispatches-key:农 dispatches-key:BS(empty) dispatches:Esc tab:requests tab:specialists tab:reports tab:activities tab:trainees tab:seminars seminars:/ seminars-key:z seminars-key:BS(empty) seminars-key:1 seminars-key:2 seminars:Esc seminars:G seminars:g tab:trainees trainees:/ trainees-key:z trainees-key:BS(empty) trainees-key:1 trainees-key:2 trainees:Esc trainees:G trainees:g tab:activities activities:/ activities-key:z activities-key:BS(empty) activities-key:1 activities-key:2 activities:Esc activities:G activities:g tab:reports tab:activities tab:trainees tab:seminars"
	slines() { if [ -f "$SLOG" ]; then wc -l < "$SLOG"; else echo 0; fi; }
	n=0
	while [ $n -lt 100 ] && [ "$(slines)" -lt 1 ]; do sleep 0.1; n=$((n + 1)); done
	sleep 1
	spid=$(pgrep -n -f -- "-d $SDB\$")
	srss=$(awk '/VmRSS/ {print $2}' "/proc/$spid/status" 2>/dev/null)
	for k in "$@"; do
		before=$(slines)
		tmux -L kzbench$$ send-keys "$k"
		n=0
		while [ $n -lt 200 ] && [ "$(slines)" -le "$before" ]; do sleep 0.05; n=$((n + 1)); done
		sleep 0.3
	done
	srss2=$(awk '/VmRSS/ {print $2}' "/proc/$spid/status" 2>/dev/null)
	# ...and idle a while after them (the screens hand freed memory back
	# after a second without a key)
	sleep 2
	srss3=$(awk '/VmRSS/ {print $2}' "/proc/$spid/status" 2>/dev/null)
	shwm=$(awk '/VmHWM/ {print $2}' "/proc/$spid/status" 2>/dev/null)
	tmux -L kzbench$$ send-keys q
	sleep 0.5
	tmux -L kzbench$$ kill-server 2>/dev/null
	# the log's "key" lines of one key pressed (a CJK character is one)
	set -- $names
	while read -r what code wall cpu; do
		case "$1" in
		first-screen) target=50 ;; tab:*) target=30 ;; *-key:*) target=5 ;; *) target="" ;;
		esac
		printf '%-28s %9.2f ms wall %9.2f ms CPU%s\n' "screens: $1" "$wall" "$cpu" \
			"${target:+   (target $target ms)}"
		shift
	done < "$SLOG"
	echo "screens: resident, register shown:   ${srss:-?} KiB (target 12,288 KiB); after the keys: ${srss2:-?} KiB, idle after them: ${srss3:-?} KiB; peak ${shwm:-?} KiB"
else
	echo "screens: skipped (needs sqlite3 and tmux)"
fi

# ---- trainee search, a key at a time ----
# The Trainees tab over 100,000 placements (screens_data: Chinese names,
# 四川省 and a number as home, eight prefectures as host, six fields, 31
# years), a search typed a key at a time: each key's time to act and
# draw from KIZUNA_BENCH_LOG, as the register's search keys above.
# Terms from every match to a few thousand: 1 (years 199x, homes 1x),
# agr (a sixth), 四川 (all), 島根 (an eighth), 王 (a tenth).
if command -v sqlite3 >/dev/null && command -v tmux >/dev/null; then
	TDB="$T/trainees.db"
	rm -f "$TDB"*
	"$KZ" -c "$screens_cfg" -d "$TDB" demo >/dev/null 2>&1
	t0=$(ms); screens_data "$TDB" 0 0 0 100000; t1=$(ms)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "trainees: 100,000 rows by sqlite3", (b - a) / 1e6 }'
	# the index made before the keys (its first search makes it)
	measure "$KZ" -c "$screens_cfg" -d "$TDB" trainee list --search zzz
	printf '%-44s %9s ms wall %9s ms CPU\n' "trainees: the first search (the index)" "$took" "$cpu"
	measure "$KZ" -c "$screens_cfg" -d "$TDB" trainee list --search 島根 --format csv
	printf '%-44s %9s ms wall %9s ms CPU\n' "trainees: trainee list --search 島根" "$took" "$cpu"
	TLOG="$T/trainees.log"
	rm -f "$TLOG"
	tmux -L kztrbench$$ -f /dev/null new-session -d -x 80 -y 24 \
		"env KIZUNA_BENCH_LOG='$TLOG' LC_ALL=C.UTF-8 TERM=xterm-256color '$KZ' -c '$screens_cfg' -d '$TDB'"
	set -- BTab BTab BTab / 1 9 9 BSpace BSpace BSpace a g r BSpace BSpace \
	    BSpace 四 川 BSpace BSpace 島 根 BSpace BSpace 王 BSpace Escape
	names="first-screen tab:reports tab:activities tab:trainees trainee-key:/ trainee-key:1 trainee-key:9 trainee-key:9 trainee-key:BS trainee-key:BS trainee-key:BS(empty) trainee-key:a trainee-key:g trainee-key:r trainee-key:BS trainee-key:BS trainee-key:BS(empty) trainee-key:四 trainee-key:川 trainee-key:BS trainee-key:BS(empty) trainee-key:島 trainee-key:根 trainee-key:BS trainee-key:BS(empty) trainee-key:王 trainee-key:BS(empty) trainee-cancel:Esc"
	tlines() { if [ -f "$TLOG" ]; then wc -l < "$TLOG"; else echo 0; fi; }
	n=0
	while [ $n -lt 100 ] && [ "$(tlines)" -lt 1 ]; do sleep 0.1; n=$((n + 1)); done
	sleep 1
	for k in "$@"; do
		before=$(tlines)
		tmux -L kztrbench$$ send-keys "$k"
		n=0
		while [ $n -lt 200 ] && [ "$(tlines)" -le "$before" ]; do sleep 0.05; n=$((n + 1)); done
		sleep 0.3
	done
	tmux -L kztrbench$$ send-keys q
	sleep 0.5
	tmux -L kztrbench$$ kill-server 2>/dev/null
	set -- $names
	while read -r what code wall cpu; do
		case "$1" in trainee-key:*) target=5 ;; *) target="" ;; esac
		printf '%-28s %9.2f ms wall %9.2f ms CPU%s\n' "trainees: $1" "$wall" "$cpu" \
			"${target:+   (target $target ms)}"
		shift
	done < "$TLOG"
	rm -f "$TDB"*
else
	echo "trainees: skipped (needs sqlite3 and tmux)"
fi

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
		# two writes a key: the frame at the key, and the detail
		# pane's when the keys pause; what each costs
		case $_l in kizuna*) ;; *) return ;; esac
		[ -n "$ST" ] && [ $((w1 - w0)) -eq $((2 * _n)) ] &&
			grep 'write(1,' "$T/term.st" | tail -n $((2 * _n)) |
			sed -n 's/.* = \([0-9]*\)$/\1/p' | awk -v n="$_n" \
			'{ s[NR % 2] += $1 } END { printf "%-44s %7.0f B then %.0f B\n", "  of which: at the key, then the pause", s[1] / n, s[0] / n }'
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
