# report.sh - opening figures (kizuna opening) and the annual report
# (kizuna report) in text and HTML on Beijing's demo, as seed 001 gives
# its figures; the HTML parsed, escaped and self-contained.
. "$KZ_TESTS/lib.sh"
CFG=$KZ_TESTS/../config
B=$CFG/beijing.yaml
DB=$T/bj.db
export KIZUNA_NOW=2026-01-02T03:04:05Z

# ---- opening figures ----
run -c "$CFG/default.yaml" -d "$T/o.db" opening add --programme trainee --since 1996 --as-of 2019-03-31 --count 507 --note "published"
expect_rc 0 "opening add"
case "$out" in KZ-????-????) ok; id=$out ;; *) bad "opening add printed '$out'" ;; esac
run -c "$CFG/default.yaml" -d "$T/o.db" opening add --programme trainees --as-of 2019-02-30 --count -1 --since 2030
expect_rc 1 "a bad opening figure"
expect_in "$err" "programme: \"trainees\" is no programme" "an unknown programme is named"
expect_in "$err" "edition:SERIES" "the programmes are listed"
expect_in "$err" "as_of:" "a bad date is named"
expect_in "$err" "count:" "a negative count is named"
run -c "$CFG/default.yaml" -d "$T/o.db" opening add --programme dispatch --count 3
expect_rc 1 "a figure without its day"
expect_in "$err" "as_of" "the missing day is named"
run -c "$CFG/default.yaml" -d "$T/o.db" opening list --format csv
expect_rc 0 "opening list"
expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "one figure (the bad ones wrote nothing)"
expect_in "$out" "trainee,1996,2019-03-31,507,published" "the figure as CSV"
run -c "$CFG/default.yaml" -d "$T/o.db" opening show "$id"
expect_rc 0 "opening show"
expect_in "$out" "LGOTP officials trained (trainee)" "the programme by its label"
run -c "$CFG/default.yaml" -d "$T/o.db" opening edit "$id" --count 508 --format json
expect_rc 0 "opening edit"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["count"]==508 and d["as_of"]=="2019-03-31", d' \
	&& ok || bad "opening edit json"
run -c "$CFG/default.yaml" -d "$T/o.db" opening edit "$id" --programme "edition:Not A Code"
expect_rc 1 "a bad series code"
run -c "$CFG/default.yaml" -d "$T/o.db" history "$id"
expect_in "$out" "508" "the figure has history"
run -c "$CFG/default.yaml" -d "$T/o.db" opening list --programme trainee --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==1 and d[0]["count"]==508' \
	&& ok || bad "opening list --programme"
run -c "$CFG/default.yaml" -d "$T/o.db" opening rm -y "$id"
expect_rc 0 "opening rm"
run -c "$CFG/default.yaml" -d "$T/o.db" opening list
expect_in "$out$err" "no opening figures" "gone"

# ---- the Beijing report of 2019 (seed 001) ----
run -c "$B" -d "$DB" demo
expect_rc 0 "Beijing's demo"
run -c "$B" -d "$DB" opening list --format csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" 7 "the demo's six opening figures"
# a series' figure shows its programme by the series' name, as the
# screen does, the key after it
senior=$(printf '%s\n' "$out" | grep ',attendance:senior-officials,' | cut -d, -f1)
run -c "$B" -d "$DB" opening show "$senior"
expect_rc 0 "opening show of a series' figure"
expect_in "$out" "海外地方政府干部交流合作研讨会参加人次 (attendance:senior-officials)" "the series by its name"
run -c "$B" -d "$DB" report 2019
expect_rc 0 "report 2019"
txt80=$out
# the content, on lines wide enough not to wrap a cell
run -c "$B" -d "$DB" report 2019 --width 240
expect_rc 0 "report 2019 --width 240"
txt=$out
expect_in "$txt" "北京事务所" "the office's name"
expect_in "$txt" "2019年度" "the year, as the office names it"
# a programme's line: its label, the year's count, since the start, since
line() { printf '%s\n' "$txt" | grep -F -- "$1" | head -n 1 | tr -s ' '; }
expect_in "$(line 派遣专家)" " 2 101 1998" "2 specialists in 2019, 101 since 1998"
expect_in "$(line 地方政府公务员)" " 7 514 1996" "7 LGOTP officials, 514 since 1996"
expect_in "$(line 海外地方政府干部交流合作研讨会参加人次)" " 0 135 1995" "135 senior officials since 1995"
expect_in "$txt" "1,265" "JET CIR since 1992"
expect_in "$txt" "河南省开封市" "the first dispatch's destination"
expect_in "$txt" "蔬菜的连作灾害应对" "its topic"
expect_in "$txt" "原岛根县职员" "a retired specialist, as the seed names them"
expect_in "$txt" "宫城县职员" "a serving one"
expect_in "$txt" "178 (日方 61、中方 117)" "the seminar's attendance and its parts"
expect_in "$txt" "中国外交部外事管理司" "its co-organisers"
expect_in "$txt" "日本国驻广州总领事馆" "its supporters"
expect_in "$txt" "行政考察：黄檗寺" "its agenda"
expect_in "$txt" "齐齐哈尔市 (黑龙江省)" "the 3rd edition's place"
expect_in "$txt" "加强地方合作 共享发展机遇" "the 18th edition's theme"
expect_in "$txt" "长崎县长崎市" "a placement's host"
expect_in "$txt" "云南省丽江市" "a placement's home government"
printf '%s\n' "$txt80" | python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
bad = [l for l in sys.stdin.read().splitlines() if w(l) > 80]
sys.exit(1 if bad else 0)' && ok || bad "a line of the text is wider than 80 columns"
run -c "$B" -d "$DB" report 2019 --width 60
printf '%s\n' "$out" | python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(1 if any(w(l) > 60 for l in sys.stdin.read().splitlines()) else 0)' && ok || bad "--width 60 is kept"
run -c "$B" -d "$DB" report FY2019
expect_eq "$out" "$txt80" "FY2019 is 2019"
run -c "$B" -d "$DB" report 2018
expect_in "$(printf '%s\n' "$out" | grep -F 派遣专家 | tr -s ' ')" " 3 99 1998" "2018: before the figure's day, the records"

# a range of dates: half the year, by the dispatch's first day
run -c "$B" -d "$DB" report 2019-04-01..2019-09-30 --width 240
expect_rc 0 "report of a range"
expect_in "$out" "2019年04月01日" "the range is named by its dates"
expect_in "$(printf '%s\n' "$out" | grep -F 派遣专家 | head -n 1 | tr -s ' ')" " 1 100 1998" "one dispatch in the range, 100 up to its end (the figure is dated after it)"
expect_not_in "$out" "宫城县职员" "the November dispatch is outside it"

# ---- a year with nothing, bad input ----
run -c "$B" -d "$DB" report 1960
expect_rc 0 "report of a year with nothing"
expect_in "$out" "1960年度" "it names the year"
expect_in "$out" "没有" "and says nothing was recorded"
run -c "$B" -d "$DB" report 20x9
expect_rc 1 "a bad year"
expect_in "$err" "YEAR" "the bad year is named"
run -c "$B" -d "$DB" report 2019 --format pdf
expect_rc 1 "an unknown format"
mkdir "$T/dir"
run -c "$B" -d "$DB" report 2019 -o "$T/dir"
expect_rc 1 "-o a directory"
expect_in "$err" "$T/dir" "the directory is named"
run -c "$B" -d "$DB" report 2019 -o "$T/nowhere/r.txt"
expect_rc 1 "-o in a missing directory"
expect_in "$err" "$T/nowhere/r.txt" "the file is named"
run -c "$B" -d "$DB" report 2019 -o "$T/r.txt"
expect_rc 0 "-o FILE"
expect_eq "$(cat "$T/r.txt")" "$txt80" "the file is the text"
ls "$T"/r.txt.tmp* >/dev/null 2>&1 && bad "a temp file was left" || ok

# ---- HTML ----
# a hostile value, as a record may hold one
run -c "$B" -d "$DB" trainee add --host '<script>alert("x")</script>' --home '北京市&<b>' --year 2019 --programme lgotp
expect_rc 0 "a placement with markup in its names"
run -c "$B" -d "$DB" report 2019 --format html -o "$T/r.html"
expect_rc 0 "report --format html"
python3 - "$T/r.html" <<'PY' && ok || bad "the HTML is not whole, self-contained or escaped"
import sys, re
from html.parser import HTMLParser
src = open(sys.argv[1], encoding="utf-8").read()
VOID = {"meta", "br", "img", "hr", "link", "input", "col"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.tags = {}; s.scripts = 0; s.bad = []
    def handle_starttag(s, t, a):
        s.tags[t] = s.tags.get(t, 0) + 1
        if t == "script": s.scripts += 1
        for k, v in a:
            if k in ("src", "href") or (v and re.search(r"(https?:)?//|url\(", v)): s.bad.append((t, k, v))
        if t not in VOID: s.stack.append(t)
    def handle_endtag(s, t):
        if not s.stack or s.stack[-1] != t: s.bad.append(("unclosed or stray", t, s.stack[-3:]))
        else: s.stack.pop()
p = P(); p.feed(src); p.close()
assert not p.stack, p.stack
assert not p.bad, p.bad
assert p.scripts == 0, "a script element"
assert src.startswith("<!DOCTYPE html>")
assert '<html lang="zh-CN">' in src
assert '<meta charset="utf-8">' in src
assert "@media print" in src and "page-break-before" in src
assert p.tags.get("svg", 0) >= 1 and p.tags.get("rect", 0) >= 12
assert p.tags.get("section", 0) >= 5
assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in src
assert "北京市&amp;&lt;b&gt;" in src
assert not re.search(r"https?://", src), "an external URL"
# 515: the placement added above counts in 2019
for want in ("原岛根县职员", "1,265", "515", "135", "178", "蔬菜的连作灾害应对"):
    assert want in src, want
PY

finish
