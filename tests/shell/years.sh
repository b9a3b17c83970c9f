# years.sh - --year on every list and count (core/lists.c, KZ_RLF_YEAR):
# a year of the office (April to March by default, or office.year_start),
# FY2019, 2019年度, a range FROM..TO with either end open; each list
# keeps the rows its own rule says, checked against the whole list.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/beijing.yaml" > "$T/bj.yaml"
C="-c $T/bj.yaml -d $T/demo.db"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02

run $C demo
expect_rc 0 "demo data"

# ids of CSV rows whose column COL is within FROM..TO (inclusive)
ids_between() {
	printf '%s\n' "$out" | python3 -c '
import csv, sys
col, a, z = sys.argv[1:]
print(" ".join(sorted(r["id"] for r in csv.DictReader(sys.stdin) if r[col] and a <= r[col] <= z)))' "$@"
}
ids() { printf '%s\n' "$out" | python3 -c 'import csv,sys; print(" ".join(sorted(r["id"] for r in csv.DictReader(sys.stdin))))'; }

# ---- dispatches: by the day they start ----
run $C dispatch list --format csv
all_dispatches=$out
want=$(ids_between start 2019-04-01 2020-03-31)
[ -n "$want" ] && ok || bad "the demo has dispatches in FY2019"
for y in 2019 FY2019 fy2019 2019年度 "2019-04-01..2020-03-31"; do
	run $C dispatch list --year "$y" --format csv
	expect_rc 0 "dispatch list --year $y"
	expect_eq "$(ids)" "$want" "dispatch list --year $y: those starting in April 2019 to March 2020"
done
run $C dispatch list --year 2019 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 2 "two dispatches in 2019 (seed 001)"
out=$all_dispatches
want=$(ids_between start 2019-09-01 9999-12-31)
run $C dispatch list --year 2019-09-01.. --format csv
expect_eq "$(ids)" "$want" "an open end: from a day on"
out=$all_dispatches
want=$(ids_between start 0000-01-01 2019-09-30)
run $C dispatch list --year ..2019-09-30 --format csv
expect_eq "$(ids)" "$want" "an open start: up to a day"
run $C dispatch list --year 2019-09-01..2019-09-30 --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 1 "one dispatch starting in September 2019"
run $C dispatch list --year 1990
expect_rc 0 "a year with none"
expect_in "$err" "no dispatches found" "a year with none says so"

# a calendar year where the office says so
sed 's/^office:$/office:\n  year_start: 1/' "$T/bj.yaml" > "$T/cal.yaml"
run -c "$T/cal.yaml" -d "$T/demo.db" dispatch list --format csv
want=$(ids_between start 2019-01-01 2019-12-31)
run -c "$T/cal.yaml" -d "$T/demo.db" dispatch list --year 2019 --format csv
expect_eq "$(ids)" "$want" "year_start 1: the calendar year"

# ---- requests: by the day received ----
run $C request list --format csv
want=$(ids_between received 2018-04-01 2019-03-31)
[ -n "$want" ] && ok || bad "the demo has requests in FY2018"
run $C request list --year 2018 --format csv
expect_rc 0 "request list --year"
expect_eq "$(ids)" "$want" "request list --year: received in the year"

# ---- seminars: by the first day, else the edition's year ----
run $C seminar list --year 2019 --format csv
expect_eq "$(ids)" "$(run $C seminar show cj-seminar/18 --format json; printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')" "seminar list --year 2019: the 18th edition"
run $C seminar list --year 2018 --format json
expect_eq "$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(sorted(r["ref"] for r in json.load(sys.stdin))))')" "cj-seminar/17 senior-officials/2018" "2018: the 17th (no dates: its year) and the senior officials' (November 2018)"
run $C seminar list --year 2018-12-01..2019-12-31 --format json
expect_eq "$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(sorted(r["ref"] for r in json.load(sys.stdin))))')" "cj-seminar/17 cj-seminar/18" "a range: by the first day (not November 2018), else the years it touches"
run $C seminar list --year 2019-04-01..2019-12-31 --format json
expect_eq "$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join(sorted(r["ref"] for r in json.load(sys.stdin))))')" "cj-seminar/18" "a range within one year"

# ---- trainees: the programme year, a range by the first day ----
run $C trainee list --format csv
want=$(printf '%s\n' "$out" | python3 -c 'import csv,sys; print(" ".join(sorted(r["id"] for r in csv.DictReader(sys.stdin) if r["year"] == "2019")))')
run $C trainee list --year FY2019 --format csv
expect_eq "$(ids)" "$want" "trainee list --year: the programme year"
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 7 "seven placements in 2019 (seed 001)"
run $C trainee count --year 2019年度
expect_in "$out" "7 placements" "trainee count --year 2019年度"
run $C trainee count --year 2019 --by region --format json
expect_eq "$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" 7 "count --by region over the year"

# ---- bad values: the option named, nothing printed ----
run $C dispatch list --year 20x9 --format csv
expect_rc 1 "a year that is not one"
expect_in "$err" "kizuna: --year: \"20x9\" is not a year" "the bad year names its option"
expect_eq "$out" "" "nothing printed on a bad year"
run $C request list --year 2020-03-31..2019-04-01
expect_rc 1 "a range backwards"
expect_in "$err" "kizuna: --year: the range ends (2019-04-01) before it starts (2020-03-31)" "a range backwards says so"
run $C trainee list --year 2019-02-30..
expect_rc 1 "a range with a bad day"
expect_in "$err" "kizuna: --year: " "a bad day names the option"
# ---- timeline: the days of the year ----
run $C timeline --year 2019 --width 100
expect_rc 0 "timeline --year"
expect_in "$out" "Dispatches 2019年04月01日 to 2020年0" "timeline --year: from the year's first day"
expect_in "$out" "Ryo Abe" "timeline --year: the year's dispatch"
run $C timeline --year 2019 --from 2019-09-01 --width 100
expect_in "$out" "Dispatches 2019年09月01日 to 2020年03月31日" "--from wins over --year"
run $C timeline --year nineteen
expect_rc 1 "timeline: a bad year"
expect_in "$err" "kizuna: --year: " "timeline: the bad year names its option"
run $C dispatch list --help
expect_in "$out" "--year YEAR|FROM..TO" "--year in --help"
finish
