# sync_records.sh - what waits to be sent and what a bundle holds are
# counted the same way everywhere, as people count them: records, by kind
# in the reader's words, never rows nor tables' names (a specialist's
# fields, languages and history are the specialist; two edits of one
# record are one record).
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
export KIZUNA_NOW=2026-11-01T09:00:00Z
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }

t specialist add --name 佐藤健一 --roman "Kenichi Sato" --government 島根県 \
	--fields "agriculture; education" --langs "en:fluent, zh:basic"
X=$out
t specialist edit "$X" --post 課長
t specialist edit "$X" --post 部長
t request add --country CN --fields agriculture --topic greenhouses
t sync status
expect_in "$out" "waiting for the next export: 2 records (specialist 1, request 1)" \
	"status: two records, by kind"
t sync status --format json
expect_in "$out" '"pending_records": 2' "status in JSON counts records too"
t sync export -o b1.kzb
expect_rc 0 "export"
expect_in "$out" "b1.kzb: bundle 1 of TYO, 2 records (specialist 1, request 1)," \
	"export says the same count as status"
for tb in record_history specialist_field specialist_lang request_field; do
	expect_not_in "$out" "$tb" "export names no table: $tb"
done
t sync export --again 1 -o b1-again.kzb
expect_rc 0 "export --again"
expect_in "$out" "bundle 1 of TYO, 2 records (specialist 1, request 1)," \
	"a bundle written again says the same"
cmp -s b1.kzb b1-again.kzb && ok || bad "--again wrote other bytes"

# in Japanese: the kinds in Japanese, no table's name
sed 's/^\(  *\)language: .*/\1language: ja/' "$C/tokyo.yaml" > "$T/ja.yaml"
run -c "$T/ja.yaml" -d "$T/tyo.db" specialist edit "$X" --post 局長
run -c "$T/ja.yaml" -d "$T/tyo.db" sync status
expect_in "$out" "専門家 1" "status in Japanese: the kind in Japanese"
run -c "$T/ja.yaml" -d "$T/tyo.db" sync export -o b2.kzb
expect_in "$out" "専門家 1" "export in Japanese: the kind in Japanese"
expect_not_in "$out" "specialist" "no English table name in Japanese"
expect_not_in "$out" "record_history" "no history table in Japanese"
finish
