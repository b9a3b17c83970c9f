# stats.sh - kizuna stats dispatches|requests|seminars|editions|trainees
# (core/stats.c): every figure by every grouping in the three formats,
# --year, labels in the office's language with codes in CSV and JSON,
# totals that agree with the lists, and bad values named.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/beijing.yaml" > "$T/en.yaml"
ZH="-c $KZ_TESTS/../config/beijing.yaml -d $T/demo.db"
C="-c $T/en.yaml -d $T/demo.db"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02

run $C demo
expect_rc 0 "demo data"

jget() { printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

# ---- every figure, every grouping, every format ----
run $C stats
figures="$err$out"
for m in dispatches requests seminars editions trainees; do
	expect_in "$figures" "$m" "kizuna stats names $m"
	run $C stats $m --help
	expect_rc 0 "stats $m --help"
	expect_in "$out" "--year YEAR|FROM..TO" "stats $m takes --year"
	bys=$(printf '%s\n' "$out" | sed -n 's/.*count\(ing\)\{0,1\} by \(.*\)/\2/p')
	run $C stats $m --by nosuch
	expect_rc 1 "stats $m: an unknown grouping"
	expect_in "$err" "kizuna: --by: $m are not counted by \"nosuch\": use " "stats $m: the groupings named"
	for by in $(printf '%s\n' "$err" | sed 's/.*: use //; s/,//g'); do
		for y in "" 2019 2019-04-01..; do
			run $C stats $m --by $by ${y:+--year $y} --format json
			expect_rc 0 "stats $m --by $by ${y:+--year $y} json"
			jget 'd["total"] >= 0 and d["groups"] == len(d["rows"]) and d["by"] == sys.argv[1] or None' "$by" >/dev/null \
				&& ok || bad "stats $m --by $by: JSON"
			run $C stats $m --by $by ${y:+--year $y} --format csv
			expect_rc 0 "stats $m --by $by csv"
			expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r' | cut -d, -f1-2)" "$by,value" "stats $m --by $by: the CSV header"
			run $C stats $m --by $by ${y:+--year $y}
			expect_rc 0 "stats $m --by $by table"
			expect_in "$out" "Total " "stats $m --by $by: a total"
			case $y in *..) expect_in "$out" ", from 2019年04月01日 on" "stats $m: an open range in the title" ;; esac
		done
	done
	sane
done

# ---- dispatches: per year, as the list counts them ----
run $C dispatch list --state active --year 2019 --format csv
n2019=$(printf '%s\n' "$out" | tail -n +2 | grep -c .)
run $C stats dispatches --year 2019 --format json
expect_eq "$(jget 'd["total"]')" "$n2019" "the year's total is the list's"
expect_eq "$(jget 'd["total"]')" 2 "2 dispatches in 2019 (seed 001)"
expect_eq "$(jget 'd["year"], d["from"], d["to"]')" "(2019, '2019-04-01', '2020-03-31')" "the year's days in JSON"
run $C stats dispatches --format json
all=$(jget 'd["total"]')
expect_eq "$(jget 'sum(r["value"] for r in d["rows"])')" "$all" "by year: the years add up to the total"
expect_eq "$(jget '[r["value"] for r in d["rows"] if r["key"] == "2019"][0]')" 2 "by year: 2019 keyed by its number"
run $C stats dispatches
expect_in "$out" "Dispatches, every year" "the table's title"
printf '%s\n' "$out" | grep -qE '^FY2019 +2$' && ok || bad "FY2019 and its count in the table: $out"
expect_in "$out" "Total $all; year: " "the total under the table"
run $C stats dispatches --year FY2019 --by field --format csv
expect_in "$out" "agriculture," "CSV keeps a field's code"
run $ZH stats dispatches --year 2019年度 --by field
expect_in "$out" "派遣，2019年度" "the title in Chinese"
printf '%s\n' "$out" | grep -qE '^农业 +2$' && ok || bad "a field by its Chinese name: $out"
run $ZH stats dispatches --by country --format json
expect_eq "$(jget 'd["rows"][0]["key"]')" CN "JSON keeps a country's code"
run $ZH stats dispatches --by country
expect_in "$out" "中国" "a country by its name in Chinese"
run $C stats dispatches --by province --year 2019
expect_in "$out" "Jilin" "a province by its name where iso-codes has it"

# ---- seminars: attendance per edition with its parts ----
run $ZH stats seminars --year 2019
printf '%s\n' "$out" | grep -qE '^cj-seminar/18 2019 +178 +日方 61, 中方 117$' && ok || bad "the 2019 edition's attendance and parts: $out"
run $C stats seminars --format json
expect_eq "$(jget 'd["rows"][0]["parts"]')" "日方 61, 中方 117" "JSON: the parts"
run $C stats seminars --format csv
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "edition,value,parts" "CSV: the parts' column"
run $C stats seminars --year 2018
expect_in "$out" "nothing to count" "a year without attendance says so"
run $C stats editions --by series --format json
expect_eq "$(jget '[r["value"] for r in d["rows"] if r["key"] == "cj-seminar"][0]')" 18 "18 editions of the China-Japan seminar"

# ---- trainees: per home region and country ----
run $C trainee count --year 2019
expect_in "$out" "7 placements" "trainee count agrees"
run $C stats trainees --by country --year 2019 --format json
expect_eq "$(jget 'd["total"], d["groups"]')" "(7, 1)" "7 trainees from 1 country in 2019"
run $C stats trainees --by country --year 2019
printf '%s\n' "$out" | grep -qE '^China +7$' && ok || bad "trainees by country: $out"
expect_in "$out" "Total 7; country: 1" "the number of countries under the table"
run $ZH stats trainees --by region --year 2019
expect_in "$out" "辽宁省" "trainees by home region"
run $C stats trainees --by programme --year 2019
printf '%s\n' "$out" | grep -qE '^LGOTP +7$' && ok || bad "a programme by its label: $out"

# ---- bad values ----
run $C stats dispatches --year 20x9
expect_rc 1 "a bad year"
expect_in "$err" "kizuna: --year: \"20x9\" is not a year" "the bad year names its option"
expect_eq "$out" "" "nothing printed on a bad year"
run $C stats nosuch
expect_rc 2 "an unknown figure"
finish
