# report_tokyo.sh - head office's report (Tokyo demo) counts every
# office's records and opening figures: the dispatches of all offices in
# the figures, the chart and the table, as `stats` counts them; each
# office's latest figure plus its own records after it; a JET total
# never below the year's participants, with or without a figure; the
# year today is in (FY2026) has its 21 dispatches (three open at each of
# the seven offices); the trainees' host in
# Japan headed 受入自治体; the trainees of two offices whose figures have
# different days, each figure followed by its office's placements.
# Expected figures are counted with sqlite3.
. "$KZ_TESTS/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	skip "no sqlite3 to count with"
	finish
fi
CFG="$KZ_TESTS/../config/tokyo.yaml"
C="-c $CFG -d $T/demo.db"
export KIZUNA_NOW=2026-12-07T03:04:05Z KIZUNA_TODAY=2026-12-07
q() { sqlite3 "${DB:-$T/demo.db}" "$1"; }

run $C demo
expect_rc 0 "demo data"

# report YEAR [DESC]: the report, spaces squeezed, into $T/report.txt
report() {
	run $C report $1 --width 240
	expect_rc 0 "report $1"
	printf '%s\n' "$out" | tr -s ' ' | sed 's/ *$//' > "$T/report.txt"
}
has_row() {
	if grep -qxF -- "$1" "$T/report.txt"; then ok; else
		bad "$2: no row '$1'"
		grep -F -- "${1%% *}" "$T/report.txt" | head -n 5
	fi
}

# Dispatches not cancelled starting in [FROM, TO], every office's.
sent() {
	q "SELECT count(*) FROM dispatch WHERE state <> 'cancelled' AND
	    start BETWEEN '$1' AND '$2'"
}
# Since the start up to TO: each office's latest figure up to TO, plus
# that office's dispatches after it; an office without one, all of its.
since() {
	q "WITH f AS (SELECT substr(id, 1, instr(id, '-') - 1) AS o,
	    count, as_of FROM opening x WHERE programme = 'dispatch' AND
	    as_of = (SELECT max(as_of) FROM opening y WHERE y.programme =
	    'dispatch' AND y.as_of <= '$1' AND substr(y.id, 1, instr(y.id,
	    '-') - 1) = substr(x.id, 1, instr(x.id, '-') - 1)))
	  SELECT (SELECT coalesce(sum(count), 0) FROM f) + (SELECT count(*)
	    FROM dispatch d JOIN request r ON r.id = d.request LEFT JOIN f
	    ON f.o = r.office WHERE d.state <> 'cancelled' AND
	    d.start <= '$1' AND d.start > coalesce(f.as_of, ''))"
}
num() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# ---- FY2019: the dispatches of every office ----
report 2019
n19=$(sent 2019-04-01 2020-03-31)
# Beijing's two public cases and the other offices' first year
expect_eq "$n19" 27 "the demo sends 27 specialists in FY2019"
dsince=$(q "SELECT min(since) FROM opening WHERE programme = 'dispatch'")
has_row "専門家派遣 $n19 $(num "$(since 2020-03-31)") $dsince" \
    "dispatches in the figures, with every office's figure"
has_row "2019年度の専門家派遣は${n19}名でした。" "the dispatch table's sentence"
y=2008
while [ $y -le 2019 ]; do
	n=$(sent $y-04-01 $((y + 1))-03-31)
	if grep -qE "^${y}年度( #+)? $n\$" "$T/report.txt"; then ok; else
		bad "chart: FY$y should be $n"
		grep "^${y}年度" "$T/report.txt"
	fi
	y=$((y + 1))
done
run $C stats dispatches --by year --format csv
expect_in "$out" "2019,$n19" "stats counts the same dispatches"

# ---- JET: each kind's figure and those who joined after it ----
for k in alt:ALT:外国語指導助手（ALT） cir:CIR:国際交流員（CIR）; do
	kind=${k%%:*}; rest=${k#*:}; up=${rest%%:*}; label=${rest#*:}
	now=$(q "SELECT sum(participants) FROM jet WHERE kind = '$kind' AND
	    year = 2019")
	new=$(q "SELECT sum(joined) FROM jet WHERE kind = '$kind' AND
	    year = 2019")
	total=$(q "SELECT count + (SELECT coalesce(sum(joined), 0) FROM jet
	    WHERE kind = '$kind' AND format('%04d-04-01', year) > as_of AND
	    year <= 2019) FROM opening WHERE programme = 'jet:$kind'
	    ORDER BY as_of DESC LIMIT 1")
	has_row "JET $label $now $(num "$total") 1992" "JET $up in the figures"
	has_row "$up $now $new $(num "$total")" "JET $up now, new, since 1992"
done

# ---- the trainees: their host is in Japan ----
has_row "受入自治体 所属自治体 専門分野" "trainee table headed host, home"

# ---- trainees of two offices whose figures have different days ----
# Beijing's figure (the demo's, 2019-03-31) and Singapore's of
# 2021-03-31: each followed by that office's placements only (its id's
# prefix), Beijing's of FY2019-2021 counted though Singapore's figure
# is later, Singapore's before its figure not (the figure holds them).
cp "$T/demo.db" "$T/two.db"
DB=$T/two.db q "INSERT INTO opening (id, programme, since, as_of, count,
    created, updated) VALUES ('SIN-0000-0001', 'trainee', 2005,
    '2021-03-31', 40, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
  INSERT INTO trainee (id, home_government, host, year, programme, status,
    created, updated) VALUES
    ('BJS-TEST-0001', '湖北省', '島根県', 2020, 'lgotp', 'completed', '', ''),
    ('BJS-TEST-0002', '湖北省', '島根県', 2020, 'lgotp', 'completed', '', ''),
    ('BJS-TEST-0003', '湖北省', '島根県', 2021, 'lgotp', 'ongoing', '', ''),
    ('SIN-TEST-0001', 'Johor', '大分県', 2019, 'lgotp', 'completed', '', ''),
    ('SIN-TEST-0002', 'Johor', '大分県', 2020, 'lgotp', 'completed', '', ''),
    ('SIN-TEST-0003', 'Johor', '大分県', 2021, 'lgotp', 'ongoing', '', ''),
    ('SIN-TEST-0004', 'Johor', '大分県', 2021, 'lgotp', 'withdrawn', '', '')"
# trained UP TO: each office's latest trainee figure up to TO, plus that
# office's placements after it; an office without one, all of its own
trained() {
	DB=$T/two.db q "WITH f AS (SELECT substr(id, 1, instr(id, '-') - 1)
	    AS o, count, as_of FROM opening x WHERE programme = 'trainee' AND
	    as_of = (SELECT max(as_of) FROM opening y WHERE y.programme =
	    'trainee' AND y.as_of <= '$1' AND substr(y.id, 1, instr(y.id,
	    '-') - 1) = substr(x.id, 1, instr(x.id, '-') - 1))),
	  t AS (SELECT substr(id, 1, instr(id, '-') - 1) AS o,
	    format('%04d-04-01', year) AS day FROM trainee WHERE
	    programme = 'lgotp' AND status <> 'withdrawn')
	  SELECT (SELECT coalesce(sum(count), 0) FROM f) + (SELECT count(*)
	    FROM t LEFT JOIN f ON f.o = t.o WHERE t.day <= '$1' AND
	    t.day > coalesce(f.as_of, ''))"
}
label=自治体職員協力交流事業（LGOTP）研修員
for y in 2019 2020 2021; do
	n=$(DB=$T/two.db q "SELECT count(*) FROM trainee WHERE programme =
	    'lgotp' AND status <> 'withdrawn' AND year = $y")
	run -c "$CFG" -d "$T/two.db" report $y --width 240
	expect_rc 0 "report $y with two offices' trainee figures"
	printf '%s\n' "$out" | tr -s ' ' | sed 's/ *$//' > "$T/report.txt"
	has_row "$label $n $(num "$(trained $((y + 1))-03-31)") 1996" \
	    "FY$y's trainees: each office's figure and its own after it"
done
# FY2021: 507 + 40, Beijing's 7 + 3 after its figure, Singapore's 1
expect_eq "$(trained 2022-03-31)" 558 "the trainees counted by hand"

# ---- without figures: the first year's participants are the base ----
cp "$T/demo.db" "$T/bare.db"
DB=$T/bare.db q "DELETE FROM opening"
run -c "$CFG" -d "$T/bare.db" report 2019 --width 240
expect_rc 0 "report 2019 without figures"
printf '%s\n' "$out" | tr -s ' ' | sed 's/ *$//' > "$T/report.txt"
for k in alt:ALT:外国語指導助手（ALT） cir:CIR:国際交流員（CIR）; do
	kind=${k%%:*}; rest=${k#*:}; up=${rest%%:*}; label=${rest#*:}
	now=$(q "SELECT sum(participants) FROM jet WHERE kind = '$kind' AND
	    year = 2019")
	new=$(q "SELECT sum(joined) FROM jet WHERE kind = '$kind' AND
	    year = 2019")
	first=$(q "SELECT min(year) FROM jet WHERE kind = '$kind'")
	total=$(q "SELECT (SELECT sum(participants) FROM jet WHERE kind =
	    '$kind' AND year = $first) + (SELECT coalesce(sum(joined), 0)
	    FROM jet WHERE kind = '$kind' AND year BETWEEN $first + 1 AND
	    2019)")
	has_row "JET $label $now $(num "$total") ${first}*" \
	    "JET $up without a figure: the year's participants at least"
	has_row "$up $now $new $(num "$total")" "JET $up table without a figure"
done
n=$(sent 0000-00-00 2020-03-31)
first=$(q "SELECT min(start) FROM dispatch WHERE state <> 'cancelled'")
has_row "専門家派遣 $n19 $(num "$n") ${first%%-*}*" \
    "dispatches without a figure: every office's records"

# ---- no year: the year today is in, FY2026 ----
report ""
n26=$(sent 2026-04-01 2027-03-31)
expect_eq "$n26" 21 "the demo has 21 dispatches in FY2026"
if grep -qF "記録はありません" "$T/report.txt"; then
	bad "FY2026 said to have no records"
else
	ok
fi
has_row "専門家派遣 $n26 $(num "$(since 2027-03-31)") $dsince" \
    "FY2026's dispatches in the figures"
has_row "2026年度の専門家派遣は${n26}名でした。" "FY2026's dispatch table"
finish
