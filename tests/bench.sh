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

# ---- screens ----
# (this section is the screens' own: its data set and its figures)
# 100,000 specialists (80% Japanese names) and 20,000 dispatches written
# straight into a demo database by the sqlite3 shell, then the screens
# run in a private tmux with KIZUNA_BENCH_LOG, which logs for the first
# screen and each key the milliseconds to act on it and draw, wall clock
# and CPU (CPU beside the wall clock: a busy machine's wall clock says
# more about the machine). Idle memory is the resident size with the
# register on screen.
screens_cfg=$(cd "$(dirname "$0")/.." && pwd)/config/default.yaml
# screens_data DB NSPEC NREQ NDSP: add synthetic records to a demo database
screens_data() {
	awk -v ns="$2" -v nr="$3" -v nd="$4" '
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
		# the search index is made again at the first search
		print "DELETE FROM local_search_map; COMMIT;"
	}' | sqlite3 "$1"
}
if command -v sqlite3 >/dev/null && command -v tmux >/dev/null; then
	SDB="$T/screens.db"
	rm -f "$SDB"*
	"$KZ" -c "$screens_cfg" -d "$SDB" demo >/dev/null 2>&1
	t0=$(ms); screens_data "$SDB" 100000 4000 20000; t1=$(ms)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%-44s %9.2f ms\n", "screens: 100,000 + 20,000 rows by sqlite3", (b - a) / 1e6 }'
	"$KZ" -c "$screens_cfg" -d "$SDB" search zzz >/dev/null 2>&1	# the index
	SLOG="$T/screens.log"
	rm -f "$SLOG"
	tmux -L kzbench$$ -f /dev/null new-session -d -x 80 -y 24 \
		"env KIZUNA_BENCH_LOG='$SLOG' LC_ALL=C.UTF-8 TERM=xterm-256color '$KZ' -c '$screens_cfg' -d '$SDB'"
	# keys, each after the last is drawn, and what they are
	set -- Tab Tab BTab BTab / t a n BSpace BSpace BSpace 农 业 Escape G g
	names="first-screen tab:requests tab:dispatches tab:requests tab:specialists search-key:/ search-key:t search-key:a search-key:n search-key:BS search-key:BS search-key:BS(empty) search-key:农 search-key:业 search-cancel:Esc end:G home:g"
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
	tmux -L kzbench$$ send-keys q
	sleep 0.5
	tmux -L kzbench$$ kill-server 2>/dev/null
	# the log's "key" lines of one key pressed (a CJK character is one)
	set -- $names
	while read -r what code wall cpu; do
		case "$1" in
		first-screen) target=50 ;; tab:*) target=30 ;; search-key:*) target=5 ;; *) target="" ;;
		esac
		printf '%-28s %9.2f ms wall %9.2f ms CPU%s\n' "screens: $1" "$wall" "$cpu" \
			"${target:+   (target $target ms)}"
		shift
	done < "$SLOG"
	echo "screens: resident, register shown:   ${srss:-?} KiB (target 12,288 KiB); after the keys: ${srss2:-?} KiB"
else
	echo "screens: skipped (needs sqlite3 and tmux)"
fi
