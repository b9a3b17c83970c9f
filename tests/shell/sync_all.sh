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
# "all.kzb: bundle 1 of TYO, N changes (table n, table n, ...), B bytes"
n=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) changes (.*/\1/p')
tables=$(printf '%s\n' "$out" |
    sed -n 's/.*changes (\(.*\)), [0-9]* bytes.*/\1/p' |
    tr ',' '\n' | awk 'NF == 2 { print $1 }')
[ "$(printf '%s\n' "$tables" | grep -c .)" -gt 10 ] && ok ||
    bad "export --all named few tables: $out"
for tb in specialist specialist_field specialist_lang request dispatch; do
	expect_in " $tables " "$tb" "$tb in the bundle"
done
b sync import all.kzb
expect_rc 0 "the office takes it"
# "bundle 1 from TYO: A changes applied, U already here, K kept aside"
got=$(printf '%s\n' "$out" | sed -n 's/.*: \([0-9]*\) changes applied, \([0-9]*\) /\1 \2 /
    s/ already here, \([0-9]*\) kept aside.*/ \1/p')
set -- $got
expect_eq "$(( ${1:-0} + ${2:-0} ))" "$n" "every change of it taken: $out"
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
expect_in "$out" "0 changes applied" "everything in it was known"
finish
