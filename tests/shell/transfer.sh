# transfer.sh - import and export of specialists, the demo set and field statistics.
. "$KZ_TESTS/lib.sh"

count() { "$KZ" "$@" specialist list --format csv 2>/dev/null | tail -n +2 | wc -l; }

run import specialists "$FIX/specialists.csv"
expect_rc 0 "import a good file"
expect_in "$err" "3 rows read, 3 imported, 0 skipped" "import report"
run search 园艺
expect_in "$out" "Wang Jianguo" "imported rows are searchable"
run specialist list --format csv

run import specialists "$FIX/specialists.csv"
expect_rc 0 "import the same file again"
expect_in "$err" "3 rows read, 0 imported, 3 skipped" "re-import adds nothing"
expect_in "$err" "specialists.csv:2: skipped: the same person is registered as KZ-" "duplicates are named"
expect_eq "$(count)" 3 "still three"

# all or nothing: every bad row named, nothing written
run import specialists "$FIX/specialists_bad.csv"
expect_rc 1 "import a file with bad rows"
expect_in "$err" "specialists_bad.csv:3: name: name is required" "row 3 named"
expect_in "$err" "specialists_bad.csv:4: government:" "row 4 government"
expect_in "$err" "specialists_bad.csv:4: fields: unknown field" "row 4 field"
expect_in "$err" "specialists_bad.csv:5: languages:" "row 5 language level"
expect_in "$err" "specialists_bad.csv:6: unavailable:" "row 6 date"
expect_in "$err" "4 of 5 rows are not valid; nothing was imported" "summary"
expect_eq "$(count)" 3 "nothing imported from a bad file"

run import specialists --skip-bad "$FIX/specialists_bad.csv"
expect_rc 0 "import --skip-bad"
expect_in "$err" "5 rows read, 1 imported, 4 skipped" "skip-bad report"
expect_eq "$(count)" 4 "the good row went in"

for f in specialists_quote specialists_utf8 specialists_header; do
	run import specialists "$FIX/$f.csv"
	expect_rc 1 "import $f"
	expect_in "$err" "$f.csv:" "$f: the place is named"
done
expect_in "$err" "unknown column \"roman\"" "unknown column named"
run import specialists "$T/none.csv"
expect_rc 1 "import a missing file"
expect_in "$err" "No such file" "missing file said"
printf '' > "$T/empty.csv"
run import specialists "$T/empty.csv"
expect_rc 1 "import an empty file"
expect_eq "$(count)" 4 "failed imports wrote nothing"

# export: contacts only on request; a file written whole
run specialist add --name 陈静 --roman "Chen Jing" --government 福建省 --email chen@example.org --phone "+86 591 1234"
run export specialists
expect_rc 0 "export"
expect_in "$out" "id,name,name_roman,government,post,status,fields" "export header"
expect_not_in "$out" "chen@example.org" "no contacts by default"
run export specialists --contacts
expect_in "$out" "chen@example.org" "contacts on request"
run export specialists -o "$T/out.csv"
expect_rc 0 "export -o"
expect_eq "$(wc -l < "$T/out.csv")" 6 "header and five rows"
[ -z "$(ls "$T" | grep 'out.csv.tmp')" ] && ok || bad "temp file left behind"
run export specialists -o "$T/no/such/dir/out.csv"
expect_rc 1 "export into a missing directory"
# round trip into a fresh database, ids kept, then again: nothing added
run -d "$T/second.db" import specialists "$T/out.csv"
expect_rc 0 "import an export"
expect_in "$err" "5 imported" "all five"
run -d "$T/second.db" export specialists -o "$T/again.csv"
cmp -s "$T/out.csv" "$T/again.csv" && ok || bad "export, import, export differs"
run -d "$T/second.db" import specialists "$T/out.csv"
expect_in "$err" "0 imported, 5 skipped" "ids make re-import harmless"

# demo and field statistics
run -d "$T/demo.db" demo
expect_rc 0 "demo"
expect_in "$err" "loaded 1168 specialists with 1492 field registrations" "demo figures"
run -d "$T/demo.db" stats fields --format csv
expect_rc 0 "stats fields csv"
expect_in "$out" "code,name,count" "stats header"
for want in "education,education,180" "agriculture,agriculture,131" \
	"civil_engineering,civil engineering,100" "health,health and hygiene,96" \
	"environment,environmental conservation,88"; do
	expect_in "$out" "$want" "stats: $want"
done
total=$(printf '%s\n' "$out" | tail -n +2 | awk -F, '{s += $NF} END {print s}')
expect_eq "$total" 1492 "registrations add up"
run -d "$T/demo.db" stats fields
expect_in "$out" "1168 specialists, 1492 field registrations" "stats table total"
run -d "$T/demo.db" demo
expect_rc 1 "demo into a full database"
expect_in "$err" "holds 1168 specialists already" "demo refusal says why"
run -d "$T/demo.db" search --field agriculture 园艺
expect_rc 0 "search the demo set"
run -d "$T/demo.db" --demo stats fields --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["people"]==1168' \
	&& ok || bad "stats json"

finish
