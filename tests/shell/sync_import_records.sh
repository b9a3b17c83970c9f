# sync_import_records.sh - `sync import` says what it did as people count
# it: the records the bundle changed here, those already as it says and
# those kept aside, by kind in the reader's words; never rows (a
# specialist's fields, languages and history are the specialist) nor
# tables' names. In English and in Chinese.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
export KIZUNA_NOW=2026-11-01T09:00:00Z
sed 's/^\(  *\)language: .*/\1language: zh_CN/' "$C/tokyo.yaml" > "$C/tokyo-zh.yaml"
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
z() { run -c "$C/tokyo-zh.yaml" -d "$T/tyo-zh.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db"
# a second head office, read in Chinese, takes the same bundles
enrol "$C/tokyo-zh.yaml" "$T/tyo-zh.db" "$C/beijing.yaml" "$T/bj.db"

b request add --country CN --province 河南省 --city 开封市 \
	--received 2019-05-20 --fields agriculture --topic vegetables \
	--from 2019-09-16 --to 2019-09-23 --language zh
R=$out
b sync export -o b1.kzb
t sync import b1.kzb
expect_rc 0 "head office takes the request"
expect_in "$out" "b1.kzb: bundle 1 from BJS: 1 record (request 1) changed here, 0 records already here, 0 records kept aside as conflicts" \
	"a request and its field: one request"
z sync import b1.kzb
expect_rc 0 "the Chinese head office takes the request"

# one specialist with three fields and two languages (six rows and a
# line of history) and one dispatch
b specialist add --name 李明 --roman "Li Ming" --government 四川省 \
	--fields "agriculture; education; tourism" --langs "en:fluent, ja:basic"
expect_rc 0 "Beijing registers a specialist"
S=$out
b dispatch add --request "$R" --specialist "$S" --from 2019-09-16 --to 2019-09-23
expect_rc 0 "Beijing dispatches the specialist"
# (the dispatch moves its request on and brings its cost lines)
b sync export -o b2.kzb
expect_in "$out" "10 records (specialist 1, request 1, dispatch 1, cost line 7)" \
	"the export's count"
t sync import b2.kzb
expect_rc 0 "head office takes the specialist and the dispatch"
expect_in "$out" "b2.kzb: bundle 2 from BJS: 10 records (specialist 1, request 1, dispatch 1, cost line 7) changed here, 0 records already here, 0 records kept aside as conflicts" \
	"one specialist and one dispatch, not their rows: as the export counted"
for w in "changes applied" specialist_field specialist_lang record_history; do
	expect_not_in "$out" "$w" "no rows nor tables: $w"
done

z sync import b2.kzb
expect_rc 0 "in Chinese"
expect_in "$out" "b2.kzb：同步包 2（来自 BJS）：本地更改了 10 条记录 (专家 1, 申请 1, 派遣 1, 费用项 7)，本地已有 0 条记录，0 条记录作为冲突搁置" \
	"in Chinese: one specialist and one dispatch, in Chinese"
for w in specialist dispatch record changes; do
	expect_not_in "$out" "$w" "no English in Chinese: $w"
done

# the same again, whole: all of it here already
b sync export --all -o all.kzb
t sync import all.kzb
expect_rc 0 "a full bundle"
expect_in "$out" "0 records changed here, 10 records (specialist 1, request 1, dispatch 1, cost line 7) already here, 0 records kept aside as conflicts" \
	"a full bundle: every record already here"

# an office's edit of the register is kept aside at head office
b specialist edit "$S" --post 主任
b sync export -o b4.kzb
t sync import b4.kzb
expect_rc 0 "Beijing's edit of the register"
expect_in "$out" "0 records changed here, 0 records already here, 1 record (specialist 1) kept aside as a conflict" \
	"kept aside: one specialist"
b sync import b4.kzb
expect_rc 1 "a database's own bundle"

# a bundle seen before: said as before
t sync import b2.kzb
expect_in "$out" "b2.kzb: bundle 2 from BJS was applied before; nothing changed" \
	"a bundle seen before"
finish
