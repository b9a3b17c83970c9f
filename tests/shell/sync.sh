# sync.sh - two offices and head office exchange bundles in every order;
# repeats, gaps, damage, foreign bundles and concurrent edits; at the end
# the three databases agree and nothing is lost.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs

t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db" "$C/singapore.yaml" "$T/sin.db"
# the register of one database, comparable across them (contact details
# travel to head office only: compared without them)
reg() { "$KZ" -c "$C/$1.yaml" -d "$T/$2.db" export specialists 2>/dev/null | sha256sum; }
same3() {
	a=$(reg tokyo tyo) c=$(reg beijing bj) d=$(reg singapore sin)
	if [ "$a" = "$c" ] && [ "$a" = "$d" ]; then ok; else bad "$1: the three registers differ"; fi
}
export KIZUNA_NOW=2026-11-01T09:00:00Z

# head office seeds the register; both offices take it
t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 --fields agriculture
X=$out
t specialist add --name 田中裕子 --roman "Yuko Tanaka" --government 宮城県 --fields education --langs en:fluent
Y=$out
t sync status
# two specialists (their three rows and a line of history each: records
# as people count them, by kind in their words)
expect_in "$out" "waiting for the next export: 2 records (specialist 2)" "records counted before export"
t sync export -o t1.kzb
expect_rc 0 "head office export"
expect_in "$out" "bundle 1 of TYO, 2 records (specialist 2)" "export says what it holds, as status counted it"
expect_not_in "$out" "record_history" "no table's name"
expect_not_in "$out" "specialist_" "no child table's name"
t sync status
expect_in "$out" "waiting for the next export: 0 records" "export empties the outbox"
t sync export -o t-empty.kzb
expect_in "$err" "nothing to export" "nothing to export said"
[ -e t-empty.kzb ] && bad "an empty export wrote a file" || ok
b sync import t1.kzb
expect_rc 0 "Beijing imports"
expect_in "$out" "2 records (specialist 2) changed here, 0 records already here" \
	"applied count: records, not their 7 rows"
s sync import t1.kzb
expect_rc 0 "Singapore imports"
same3 "after the first bundle"
b search 佐藤
expect_in "$out" "Kenichi Sato" "imported records are searchable"

# the same bundle again changes nothing and says so
before=$(reg beijing bj)
b sync import t1.kzb
expect_rc 0 "re-import"
expect_in "$out" "applied before; nothing changed" "re-import said"
expect_eq "$(reg beijing bj)" "$before" "re-import changed nothing"

# a gap is refused, naming the missing number; in order it goes through
export KIZUNA_NOW=2026-11-02T09:00:00Z
t specialist edit "$X" --post "農林水産部長"
t sync export -o t2.kzb
t specialist edit "$Y" --post "園芸課長"
t sync export -o t3.kzb
b sync import t3.kzb
expect_rc 1 "a gap"
expect_in "$err" "bundle 2 from TYO is missing" "the missing number is named"
expect_eq "$(reg beijing bj)" "$before" "a refused bundle changed nothing"
s sync import t3.kzb t2.kzb
expect_rc 1 "reverse order in one call stops at the gap"
b sync import t2.kzb t3.kzb
expect_rc 0 "in order"
s sync import t2.kzb t3.kzb
expect_rc 0 "in order after the refusal"
same3 "after bundles 2 and 3"

# damage: cut at every length up to the header's end, and at random points
t specialist edit "$X" --notes "long enough to matter"
t sync export -o t4.kzb
size=$(wc -c < t4.kzb)
hdr=$(awk '/^$/ { print n + 1; exit } { n += length($0) + 1 }' t4.kzb)
before=$(reg beijing bj)
cutfail=0
n=0
while [ $n -le "$hdr" ]; do
	head -c $n t4.kzb > cut.kzb
	"$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync import cut.kzb >/dev/null 2>"$T/cut.err"
	r=$?
	if [ $r -ne 1 ] || grep -q Sanitizer "$T/cut.err"; then cutfail=$((cutfail + 1)); echo "cut at $n: status $r"; fi
	n=$((n + 1))
done
expect_eq "$cutfail" 0 "every cut inside the header is refused"
for n in $(awk -v s="$size" 'BEGIN { srand(7); for (i = 0; i < 25; i++) print int(rand() * s) }'); do
	head -c "$n" t4.kzb > cut.kzb
	b sync import cut.kzb
	expect_rc 1 "cut at $n of $size"
done
head -c $((size - 10)) t4.kzb > cut.kzb
b sync import cut.kzb
expect_in "$err" "cut short" "a cut bundle is called incomplete"
python3 - t4.kzb <<'PY'
import sys, random
data = open(sys.argv[1], "rb").read()
random.seed(11)
for i in range(30):
    b = bytearray(data)
    pos = random.randrange(len(b))
    b[pos] ^= 1 << random.randrange(8)
    open("flip%02d.kzb" % i, "wb").write(b)
PY
flipfail=0
for f in flip*.kzb; do
	"$KZ" -c "$C/beijing.yaml" -d "$T/bj.db" sync import "$f" >/dev/null 2>"$T/flip.err"
	[ $? -eq 1 ] && ! grep -q Sanitizer "$T/flip.err" || { flipfail=$((flipfail + 1)); echo "$f accepted"; }
done
expect_eq "$flipfail" 0 "every flipped bit is refused"
expect_eq "$(reg beijing bj)" "$before" "damaged bundles changed nothing"

# foreign and future bundles, and files that are no bundle
sed 's/^organisation: CLAIR$/organisation: OTHER/' "$C/singapore.yaml" > other.yaml
printf 'organisation: OTHER\n' >> other.yaml
grep -v '^organisation: CLAIR' other.yaml > other2.yaml
"$KZ" -c other2.yaml -d "$T/other.db" specialist add --name 某人 --roman Mou Ren --government 外国 >/dev/null 2>&1
"$KZ" -c other2.yaml -d "$T/other.db" specialist add --name 某人 --roman "Mou Ren" --government 外国 >/dev/null 2>&1
"$KZ" -c other2.yaml -d "$T/other.db" sync export -o other.kzb >/dev/null 2>&1
b sync import other.kzb
expect_rc 1 "a bundle of another organisation"
expect_in "$err" "organisation \"OTHER\"" "the organisation is named"
sed '1s/KIZUNA-BUNDLE 3/KIZUNA-BUNDLE 9/' t4.kzb > future.kzb
b sync import future.kzb
expect_rc 1 "a bundle of a future format"
expect_in "$err" "format 9, newer than this kizuna" "future format said"
printf 'PK\003\004 not a bundle at all\n' > zip.kzb
b sync import zip.kzb
expect_rc 1 "a file that is no bundle"
expect_in "$err" "not a kizuna bundle" "no bundle said"
b sync import "$T/missing.kzb"
expect_rc 1 "a missing file"
expect_eq "$(reg beijing bj)" "$before" "refused bundles changed nothing"
b sync import t4.kzb
expect_rc 0 "the good bundle after all that"
b sync export --all -o own.kzb
b sync import own.kzb
expect_rc 1 "a database's own bundle"
expect_in "$err" "made by this database" "own bundle said"
t sync import own.kzb
expect_rc 0 "head office takes Beijing's full bundle"
expect_in "$out" "0 records changed here, 2 records (specialist 2) already here" \
	"everything in it was known"
expect_in "$out" " 0 records kept aside" "and nothing clashed"
s sync import t4.kzb
same3 "after damage"

# concurrent edits: different fields merge, the same field is kept aside
export KIZUNA_NOW=2026-11-03T09:00:00Z
t specialist edit "$X" --notes "Tokyo's note"
t sync export -o t5.kzb
export KIZUNA_NOW=2026-11-03T10:00:00Z
b specialist edit "$X" --email sato@example.jp
b specialist edit "$Y" --post "Beijing's idea"
export KIZUNA_NOW=2026-11-03T11:00:00Z
t specialist edit "$Y" --post "Tokyo's idea"
t sync export -o t6.kzb
b sync import t5.kzb t6.kzb
expect_rc 0 "Beijing takes head office's edits"
expect_in "$out" "1 record (specialist 1) kept aside as a conflict" \
	"same field clash kept aside"
b specialist show --format json "$X"
expect_in "$out" "Tokyo's note" "different fields: head office's note arrived"
expect_in "$out" "sato@example.jp" "different fields: Beijing's e-mail kept"
b specialist show --format json "$Y"
expect_in "$out" "Beijing's idea" "a clash leaves the local value"
b sync conflicts
expect_in "$out" "Tokyo's idea" "the clash is listed with their value"
expect_in "$out" "Beijing's idea" "and ours"
b sync conflicts --format json
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["n"])')
b sync resolve "$n" theirs
expect_rc 0 "resolve theirs"
b specialist show --format json "$Y"
expect_in "$out" "Tokyo's idea" "resolved to head office's value"
b sync resolve "$n" mine
expect_rc 1 "resolving twice"
b sync resolve 999 mine
expect_rc 1 "resolving a conflict that does not exist"
s sync import t5.kzb t6.kzb
expect_rc 0 "Singapore takes the same edits"

# an office's edit to the register is kept aside at head office
b sync export -o b2.kzb
t sync import b2.kzb
expect_rc 0 "head office takes Beijing's bundle"
expect_in "$out" "kept aside" "office edits to the register are kept aside"
t sync conflicts
expect_in "$out" "BJS changed a record owned by head office" "the reason names the owner"
expect_in "$out" "sato@example.jp" "the kept-aside value is shown"
t sync conflicts --format json
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print([c["n"] for c in json.load(sys.stdin) if "email" in c["change"]["theirs"]][0])')
t sync resolve "$n" theirs
expect_rc 0 "head office accepts the e-mail"
t sync conflicts
expect_in "$err" "no conflicts" "no conflict left at head office"

# an office registers a new specialist: head office takes it and sends it on
b specialist add --name 王建国 --roman "Wang Jianguo" --government 四川省 --fields "agriculture:设施园艺"
W=$out
b specialist rm --yes "$Y"
b sync export -o b3.kzb
t sync import b3.kzb
expect_in "$out" "kept aside" "an office's delete of a register record is kept aside"
t specialist show "$W"
expect_rc 0 "a new specialist from an office reaches head office"
t sync conflicts --format json
n=$(printf '%s' "$out" | python3 -c 'import json,sys; print([c["n"] for c in json.load(sys.stdin) if c["op"] == "delete" and c["table"] == "specialist"][0])')
t sync resolve "$n" theirs
expect_rc 0 "head office agrees to the deletion"
# head office's turn: the agreed changes go to both offices
t sync export -o t7.kzb
expect_rc 0 "head office exports what it took in"
b sync import t7.kzb
expect_rc 0 "Beijing gets its own changes back without harm"
expect_in "$out" " 0 records kept aside" "its own changes are no conflict"
s sync import t7.kzb
expect_rc 0 "Singapore gets them"
s specialist show "$W"
expect_rc 0 "Beijing's new specialist reached Singapore through head office"
s specialist show "$Y"
expect_rc 1 "the agreed deletion reached Singapore"
s search 园艺
expect_in "$out" "Wang Jianguo" "and is searchable there"
same3 "at the end"

# office records: a Beijing request and a Singapore placement reach head
# office in either order; head office's edit to Beijing's request is kept
# aside in Beijing, and is no concern of Singapore's
b request add --country CN --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables: damage from continuous cropping" \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "Beijing records a request"
R=$out
s trainee add --host 大分县 --home 湖北省 --region 湖北省 --country CN --year 2019 --fields 观光 --status completed
expect_rc 0 "Singapore records a placement"
P=$out
b sync export -o b4.kzb
s sync export -o s1.kzb
t sync import s1.kzb b4.kzb
expect_rc 0 "head office takes both offices' bundles"
t request show "$R"
expect_rc 0 "Beijing's request reached head office"
expect_in "$out" "vegetables: damage from continuous cropping" "with its topic"
t trainee show "$P"
expect_rc 0 "Singapore's placement reached head office"
t trainee list --search "大分 观光"
expect_in "$out" "$P" "and is found by a search there (its index kept by the import)"
t request edit "$R" --department 农业农村局蔬菜科
t sync export -o t8.kzb
b sync import t8.kzb
expect_rc 0 "Beijing takes head office's bundle"
expect_in "$out" "1 record (request 1) kept aside" \
	"head office's edit of Beijing's request is kept aside"
b request show "$R"
expect_not_in "$out" "蔬菜科" "the owner's record stays as it was"
b sync conflicts
expect_in "$out" "TYO changed a record owned by BJS" "the owner is named"
s sync import t8.kzb
expect_rc 0 "Singapore takes it too"
expect_in "$out" " 0 records kept aside" \
	"a record Singapore never had is no conflict"
s request show "$R"
expect_rc 1 "office records stay with their office and head office"

# status: per source, the last bundle and when
t sync status
expect_in "$out" "BJS" "head office lists Beijing"
expect_in "$out" "SIN" "and Singapore"
t sync status --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert {s["office"] for s in d["sources"]} == {"BJS", "SIN"} and d["exported"] == 8' \
	&& ok || bad "sync status --format json"

# an export that is interrupted leaves no bundle and keeps the sequence
t specialist edit "$X" --notes "$(head -c 3000 /dev/zero | tr '\0' x)"
t sync status --format json
pend=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pending"])')
sh -c "ulimit -f 2; exec '$KZ' -c '$C/tokyo.yaml' -d '$T/tyo.db' sync export -o cut-off.kzb" >/dev/null 2>&1
[ -e cut-off.kzb ] && bad "an interrupted export left a bundle" || ok
t sync status --format json
expect_in "$out" "\"exported\": 8" "the sequence did not move"
expect_in "$out" "\"pending\": $pend" "the changes still wait"
t sync export -o "$T/no/such/dir/x.kzb"
expect_rc 1 "export into a missing directory"
t sync export -o t8.kzb
expect_rc 0 "the export after an interruption"
expect_in "$out" "bundle 9 of TYO" "takes the number that was not used"

finish
