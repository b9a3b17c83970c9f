# report_beijing.sh - `kizuna report 2019` on the Beijing demo gives seed
# 001's figures for what the office does (issue 13): JET by kind now, new
# and since 1992; 55 support cases; 8 research projects; the fairs and
# the three cooking events; 374 friendship links; 46 representative
# offices by city. And `kizuna stats` counts the same records.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/beijing.yaml" > "$T/bj.yaml"
C="-c $T/bj.yaml -d $T/demo.db"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02

run $C demo
expect_rc 0 "demo data"

# wide, so that no cell wraps; runs of spaces as one, to read rows
run $C report 2019 --width 240
expect_rc 0 "report 2019"
text=$(printf '%s\n' "$out" | tr -s ' ')
printf '%s\n' "$text" > "$T/report.txt"
has() { expect_in "$text" "$1" "report 2019: $2"; }
# has_row ROW DESC: a line that is ROW, spaces squeezed, trailing ones off
has_row() {
	if sed 's/ *$//' "$T/report.txt" | grep -qxF -- "$1"; then ok; else
		bad "report 2019: $2: no row '$1'"
		grep -F -- "${1%% *}" "$T/report.txt" | head -n 5
	fi
}

# ---- the figures: the year and since the start ----
has_row "JET assistant language teachers (ALT) 5 115 1992" "ALT in the figures"
has_row "JET coordinators for international relations (CIR) 65 1,265 1992" "CIR in the figures"
has_row "JET sports exchange advisors (SEA) 0 27 1992" "SEA in the figures"
has_row "support for Japanese local governments 55 55 2019*" "support in the figures"
has_row "commissioned research 8 8 2019*" "research in the figures"
has_row "representative offices 0 46 1984*" "offices in the figures"
case $text in
*"friendship-city links "*" 374"*) ok ;;
*) bad "report 2019: 374 friendship links in the figures" ;;
esac

# ---- JET: now, new and since 1992 by kind (seed: 70, 42 new, 1,407) ----
has_row "ALT 5 4 115" "JET ALT now, new, since 1992"
has_row "CIR 65 38 1,265" "JET CIR"
has_row "SEA 0 0 27" "JET SEA"
has_row "Total 70 42 1,407" "JET in all"
has "70 people took part in FY2019, 42 of them new." "JET sentence"
has "1,407 people have taken part since 1992." "JET since 1992"
has_row "ALT 福井県 1, 長崎県 2, 沖縄県 1, 北海道白糠町 1" "ALT placements by name"
has_row "CIR prefecture 32, designated city 6, municipality 27" "CIR placements by level"

# ---- support and research ----
has "55 Japanese government activities were supported in FY2019." "55 support cases"
has "And 35 more cases." "the cases past the first 20 counted"
has "8 research projects were commissioned in FY2019; 7 delivered." "8 research projects"
has "Cross-border e-commerce rules for food from Japan" "a research topic"

# ---- fairs and cooking events ----
for fair in 大使官邸春季交流会 "2019北京国际旅游博览（BITE）" 2019北京国际园艺博览会 \
    "2019中国国际旅游交易会（CITM）"; do
	has "$fair" "the fair $fair"
done
has "昆明滇池国际中心 (云南省昆明市)" "a fair's venue and city"
has "3 cooking events were held in FY2019." "three cooking events"
has "鹿児島県 带骨猪肉煮 鰤鱼萝卜甘露煮 甘薯什锦炸物 绿茶味增汤" "Kagoshima's menu"
has "(四川省成都市) 群馬県沼田市" "Numata in Chengdu"
has "(浙江省杭州市) 福井県 一口鸡肉串" "Fukui in Hangzhou"

# ---- friendship links and representative offices ----
has "374 links by " "374 friendship links by the year's end"
has "46 offices open on " "46 representative offices"
has_row "上海 24" "Shanghai 24"
has_row "香港 8" "Hong Kong 8"
has_row "大连 6" "Dalian 6"
has_row "北京 3" "Beijing 3"
has_row "Other cities 5" "the others 5"

# a year before any activity: no such sections, the offices still there
run $C report 2010 --width 240
expect_rc 0 "report 2010"
expect_not_in "$out" "JET programme participants" "no JET section in 2010"
expect_not_in "$out" "Cooking events" "no cooking events in 2010"

# the office's own language: the same figures
run -c "$KZ_TESTS/../config/beijing.yaml" -d "$T/demo.db" report 2019 --width 240
expect_rc 0 "report 2019 in Chinese"
expect_in "$out" "1,407" "the JET total in Chinese"
expect_in "$out" "1,265" "CIR since 1992 in Chinese"

# ---- stats: the activities' measures, where the command has them ----
run $C stats support --by kind --year 2019 --format csv
if [ "$rc" -ne 0 ] && printf '%s' "$err" | grep -q 'no verb'; then
	skip "kizuna stats has no activity measures in this build"
else
	expect_rc 0 "stats support by kind"
	expect_in "$out" "venue" "stats: support cases by kind"
	run $C stats support --by year --year 2019 --format csv
	expect_rc 0 "stats support by year"
	expect_in "$out" "55" "stats: 55 support cases in 2019"
	run $C stats jet --by kind --year 2019 --format csv
	expect_rc 0 "stats jet by kind"
	expect_in "$out" "65" "stats: 65 CIR"
	run $C stats friendship --by region --format csv
	expect_rc 0 "stats friendship by region"
fi
finish
