# codes.sh - coded values in the office's language: a Chinese office
# types fields, levels, countries, states, cost categories, item kinds
# and roles in Chinese (or any language kizuna speaks, or as codes);
# tables show names, CSV and JSON keep codes.
. "$KZ_TESTS/lib.sh"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
# Beijing's own configuration, in Chinese as it ships
C="-c $KZ_TESTS/../config/beijing.yaml -d $T/bj.db"

run $C demo
expect_rc 0 "demo data"

# ---- fields of expertise and language levels ----
run $C specialist add --name 王建国 --roman "Wang Jianguo" --government 四川省 \
	--fields "农业:设施园艺:15; ｅｄｕｃａｔｉｏｎ" --langs "en:母语, ja:ネイティブ"
expect_rc 0 "fields and levels typed in Chinese, Japanese, full width"
id=$out
run $C specialist show "$id" --format json
expect_in "$out" '"code": "agriculture"' "the field is stored as its code"
expect_in "$out" '"note": "设施园艺"' "its sub-speciality kept"
expect_in "$out" '"years": 15' "its years kept"
expect_in "$out" '"code": "education"' "a full-width code is the code"
expect_in "$out" '"level": "native"' "母语 and ネイティブ are native"
run $C specialist show "$id"
expect_in "$out" "农业" "show names the field in Chinese"
expect_in "$out" "母语" "show names the level in Chinese"
run $C specialist add --name 赵 --roman Zhao --government x \
	--langs "汉语:母语, English:商务, 日本語:基础"
expect_rc 0 "languages by their names in any language"
run $C specialist show "$out" --format json
expect_in "$out" '"lang": "zh", "level": "native"' "汉语 is zh"
expect_in "$out" '"lang": "en", "level": "business"' "English is en"
expect_in "$out" '"lang": "ja", "level": "basic"' "日本語 is ja"
run $C specialist add --name 李 --roman Li --government x --fields 占星术
expect_rc 1 "an unknown field is refused"
expect_in "$err" "占星术" "the message names what was typed"

run $C specialist list --field 农业
expect_rc 0 "--field takes a Chinese name"
expect_in "$out" "Wang Jianguo" "the specialist found by 农业"
expect_in "$out" "农业,教育" "the table names fields in Chinese"
expect_not_in "$out" "agriculture" "no codes in the table"
run $C specialist list --field 农业 --format csv
expect_in "$out" "agriculture" "CSV keeps codes"
run $C specialist list --lang en:母语
expect_in "$out" "Wang Jianguo" "--lang takes a level in Chinese"

# ---- countries ----
run $C request list --country CN --format csv
expect_rc 0 "requests from CN"
want=$out
for c in 中国 cn ＣＮ China Chine 중국 CHN; do
	run $C request list --country "$c" --format csv
	expect_rc 0 "--country $c"
	expect_eq "$out" "$want" "--country $c is CN"
done
run $C request list --country Narnia
expect_rc 1 "an unknown country is refused"
expect_in "$err" "--country" "the message names the option"
expect_in "$err" "Narnia" "and what was typed"
run $C request list
expect_in "$out" "中国 四川省" "the table names the host country in Chinese"
expect_not_in "$out" "CN 四川省" "not by its code"
run $C request list --format json
expect_in "$out" '"country": "CN"' "JSON keeps the code"
run $C request list --format csv
r=$(printf '%s\n' "$out" | awk -F, '$6 == "agriculture" { print $1; exit }')
run $C request show "$r"
expect_in "$out" "农业 (agriculture)" "request show names its field in Chinese"
expect_in "$out" "CN 中国" "and its country"
run $C trainee count --by programme
expect_in "$out" "LGOTP" "a count by programme shows the programme's name"

# ---- states and their messages ----
run $C dispatch list --state active --format csv
d=$(printf '%s\n' "$out" | awk -F, '$0 ~ /,proposed,/ { print $1; exit }')
[ -n "$d" ] && ok || bad "the demo has a proposed dispatch"
run $C dispatch state "$d" 已收到报告
expect_rc 1 "a move the life cycle does not allow"
expect_in "$err" "之后可以变为：协议起草中, 协议已签署, 已取消" "the moves allowed named in Chinese"
expect_not_in "$err" "drafted" "no keywords in the message"
run $C dispatch state "$d" 协议起草中
expect_rc 0 "a state typed in Chinese"
run $C dispatch show "$d" --format json
expect_in "$out" '"state": "drafted"' "stored as its keyword"
run $C dispatch list --state 协议起草中 --format csv
expect_in "$out" "$d" "--state takes a Chinese name"

# ---- cost categories ----
run $C dispatch cost "$d" --category 国际旅费 --estimate 123456
expect_rc 0 "a cost category typed in Chinese"
run $C dispatch show "$d" --format json
expect_in "$out" '"category": "international_travel"' "stored as its code"
expect_in "$out" "123456" "the amount set on that line"
run $C dispatch cost "$d"
expect_in "$out" "国际旅费" "the table names it in Chinese"
run $C dispatch cost "$d" --category 餐费 --currency 日元 --estimate 5000
expect_rc 0 "a currency by its Chinese name"
run $C dispatch show "$d" --format json
expect_in "$out" '"category": "meals", "payer": "host", "currency": "JPY"' "stored as JPY"

# ---- programme item kinds and participant roles ----
run $C programme add cj-seminar/18 --date 2019-08-21 --kind 讲座 --title 测试讲座 \
	--format json
expect_rc 0 "an item kind typed in Chinese"
expect_in "$out" '"kind": "lecture"' "stored as its keyword"
run $C programme add cj-seminar/18 --date 2019-08-21 --kind 講演 --title 测试 \
	--format json
expect_rc 0 "an item kind typed in Japanese"
run $C programme add cj-seminar/18 --date 2019-08-21 --kind 占卜 --title x
expect_rc 1 "an unknown kind is refused"
run $C participant add cj-seminar/18 --name 张三 --country 中国 --role 演讲人
expect_rc 0 "a participant's country and role in Chinese"
run $C participant list cj-seminar/18 --country 中国 --format csv
expect_in "$out" "张三" "--country 中国 finds the participant"
expect_in "$out" ",CN," "stored as CN"
expect_in "$out" "speaker" "the role stored as its keyword"

# ---- a CSV file in Chinese ----
printf 'name,country,role\n李四,Chine,口译\n' > "$T/p.csv"
run $C import participants cj-seminar/18 "$T/p.csv"
expect_rc 1 "an unknown role refuses the file"
expect_in "$err" "参加者, 演讲人, 翻译或工作人员" "the roles named in Chinese"
printf 'name,country,role\n李四,Chine,翻译\n王五,日本,staff\n' > "$T/p.csv"
run $C import participants cj-seminar/18 "$T/p.csv"
expect_rc 0 "countries and roles by name in a CSV file"
run $C participant list cj-seminar/18 --format csv
expect_in "$out" "李四,,CN,,,interpreter" "stored as codes"
expect_in "$out" "王五,,JP,,,staff" "日本 is JP"

# ---- provinces: in the reader's language where its catalogue has them ----
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/tokyo.yaml" > "$T/head-en.yaml"
run -c "$T/head-en.yaml" -d "$T/head.db" demo
expect_rc 0 "head office's demo"
run -c "$T/head-en.yaml" -d "$T/head.db" request list
expect_in "$out" "China Sichuan Sheng 成都市" "in English: the province by its English name"
run -c "$KZ_TESTS/../config/tokyo.yaml" -d "$T/head.db" request list
expect_in "$out" "中国 四川省 成都市" "in Japanese (no names of Chinese provinces): as typed"

# ---- without iso-codes: codes still work, names in English ----
export KIZUNA_ISO_CODES=$T/none
run $C request list --country CN --format csv
expect_eq "$out" "$want" "--country CN without iso-codes"
run $C request list --country China --format csv
expect_eq "$out" "$want" "--country China without iso-codes (English names built in)"
run $C request list --country 中国
expect_rc 1 "a Chinese name needs iso-codes' translations"
expect_in "$err" "中国" "the message names what was typed"
run $C request list
expect_in "$out" "China 四川省" "the table names the country in English"
unset KIZUNA_ISO_CODES
finish
