# sync_all.sh - `sync export --all` sends every row of every table that
# travels, a batch at a time (a table's rows in batches of their own): an
# office takes every change of it, and has the register as head office
# has it.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
command -v sqlite3 >/dev/null 2>&1 || { skip "no sqlite3 shell"; finish; }

t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
export KIZUNA_NOW=2026-11-01T09:00:00Z
t demo
expect_rc 0 "head office's demo data"
b sync status
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db"

t sync export --all -o all.kzb
expect_rc 0 "export --all"
# "all.kzb: bundle 1 of TYO, N records (specialist n, request n, ...), B
# bytes": records by kind in the reader's words, never a table's name; the
# bundle's own header counts its changes (rows)
n=$(sed -n 's/^changes: //p' all.kzb | head -n 1)
records=$(printf '%s\n' "$out" | sed -n 's/.*, \([0-9]*\) records (.*/\1/p')
kinds=$(printf '%s\n' "$out" | sed -n 's/.* records (\(.*\)), [0-9]* bytes.*/\1/p')
for k in "specialist " "request " "dispatch " "seminar edition " \
    "programme item " "support case "; do
	expect_in "$kinds" "$k" "$k in the bundle"
done
for tb in specialist_field specialist_lang record_history text_tr \
    seminar_attendance programme_item; do
	expect_not_in "$out" "$tb" "no table's name: $tb"
done
b sync import all.kzb
expect_rc 0 "the office takes it"
# "bundle 1 from TYO: A records (...) changed here, U records (...)
# already here, K records kept aside as conflicts": records, as the
# export counted them, not the rows of its header
expect_not_in "$out" "$n " "no count of rows: $n"
got=$(printf '%s\n' "$out" | sed -n 's/.*: \([0-9]*\) records\{0,1\} .*changed here, \([0-9]*\) records\{0,1\} .*already here, \([0-9]*\) records\{0,1\} kept aside.*/\1 \2 \3/p')
set -- $got
expect_eq "$(( ${1:-0} + ${2:-0} ))" "$records" "every record of it taken: $out"
expect_eq "${3:-}" 0 "nothing kept aside"
# the register's rows, each in full, at the office
for tb in specialist specialist_field specialist_lang; do
	expect_eq "$(sqlite3 "$T/bj.db" "SELECT count(*) FROM $tb")" \
	    "$(sqlite3 "$T/tyo.db" "SELECT count(*) FROM $tb")" "$tb rows"
done
reg() {
	"$KZ" -c "$C/$1.yaml" -d "$T/$2.db" export specialists 2>/dev/null |
	    sha256sum
}
expect_eq "$(reg beijing bj)" "$(reg tokyo tyo)" "the same register"
# the office's own --all: head office already has every row of it
b sync export --all -o bj-all.kzb
expect_rc 0 "the office's export --all"
t sync import bj-all.kzb
expect_rc 0 "head office takes it"
expect_in "$out" "bj-all.kzb: bundle 1 from BJS: 0 records changed here, " \
	"everything in it was known"
finish
