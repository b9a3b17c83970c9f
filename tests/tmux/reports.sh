# reports.sh - the Reports tab at 80x24: the office's figures as bar
# charts, in Chinese under the Beijing sample config on its demo data and
# in French under Paris's; labels in the office's language, each bar
# scaled to the largest value with the value at its end, keys to change
# the figure, the grouping and the year (typed or a year back and on).
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config
cd "$T" || exit 1
export KIZUNA_TODAY=2026-01-02

run -c "$conf/beijing.yaml" -d "$T/bj.db" demo
expect_rc 0 "Beijing's demo"

# the display width of the screen's line matching ERE (the padding cell
# after a wide character is not captured: PLATFORM.md)
dwidth() {
	tm_screen | grep -E -m1 -- "$1" | python3 -c '
import sys, unicodedata
s = sys.stdin.read().rstrip("\n")
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))'
}
# the number of # in the line matching ERE
hashes() { tm_screen | grep -E -m1 -- "$1" | tr -cd '#' | wc -c; }

tm_start "KIZUNA_TODAY=2026-01-02 $KZ -c $conf/beijing.yaml -d $T/bj.db"
tm_expect "专家" "the screens start in Chinese"
# the last tab, backwards from the first
tm_keys BTab
tm_expect " 统计" "the Reports tab is named in Chinese"
tm_expect "派遣，2025年度，按年份" "the office's year, in its words"
tm_expect_re "^ 派遣 +申请 +研讨会参会人数 +研讨会届数 +研修员" "the figures, by name"
tm_expect_re "^ 年份 +领域 +国家 +省份 +状态" "the groupings, by name"
hints=$(tm_screen | tail -1)
expect_in "$hints" "?:帮助" "help among the hints"
expect_in "$hints" "q:退出" "quit among the hints"

# every year: a bar a year, the longest for the largest
tm_keys a
tm_expect "派遣，所有年度，按年份" "a: every year"
tm_expect_re "^1998年度 #+ 6$" "a year's bar, its value at the end"
expect_eq "$(dwidth '^1998年度 #+ 6$')" 80 "the largest value's bar fills the row"
w6=$(hashes '^1998年度 #+ 6$'); w4=$(hashes '^1999年度 #+ 4$')
expect_eq "$w4" "$(( (w6 * 4 + 3) / 6 ))" "a bar scaled to the largest value (4 of 6)"
tm_expect_re "^合计 [0-9]+；年份：[0-9]+  1-17/[0-9]+$" "the total, and the rows in view"
tm_keys G
tm_expect_re "^2019年度 #+ 2$" "G: the last years come into view"

# a year typed: 2019 as the council names it
tm_keys y
tm_expect "年度（2019、FY2019 或 FROM..TO）：" "y asks for the year"
tm_keys C-u; tm_type "2019年度"; tm_keys Enter
tm_expect "派遣，2019年度，按年份" "the year typed"
tm_expect_re "^2019年度 #{69} 2$" "FY2019: 2 dispatches (seed 001)"
tm_keys b
tm_expect "派遣，2019年度，按领域" "b: by field"
tm_expect_re "^农业 #{73} 2$" "a field by its Chinese name (fields.yaml)"
tm_keys b
tm_expect_re "^中国 #{73} 2$" "a country by its Chinese name"
# a year back and on
tm_keys h
tm_expect "派遣，2018年度，按国家" "h: the year before"
tm_keys l l
tm_expect "派遣，2020年度，按国家" "l: the year after"
tm_expect "没有可统计的记录" "a year with nothing says so"
tm_keys t
tm_expect "派遣，2025年度，按国家" "t: this year"

# the seminars: attendance per edition, with its parts
tm_keys y; tm_keys C-u; tm_type 2019; tm_keys Enter
tm_keys ] ]
tm_expect "研讨会参会人数，2019年度，按编号" "]: the next figures"
tm_expect_re "^cj-seminar/18 2019 #+ 178 \\(日方 61, 中方 117\\)$" "the 2019 edition's attendance and parts"
tm_keys [
tm_expect "申请，2019年度，按年份" "[: the figure before"
# the trainees by home region and country
tm_keys F F
tm_expect "接待访问团与出访，2019年度" "F: back round to the last figure"
tm_keys ] ] ] ] ]
tm_expect "研修员，2019年度，按年份" "]: round again to the trainees"
tm_expect_re "^2019年度 #+ 7$" "7 placements in 2019 (seed 001)"
tm_keys b
tm_expect_re "^辽宁省 #+ 1$" "by home region"
tm_expect_re "^合计 7；所在地区：7$" "the total and the number of regions"
tm_keys b
tm_expect_re "^中国 #+ 7$" "by country"
tm_expect_re "^合计 7；国家：1$" "7 trainees from 1 country"

# a year that is not one: said, the chart kept
tm_keys y; tm_keys C-u; tm_type 20x9; tm_keys Enter
tm_expect "“20x9”既不是年度" "a bad year is refused, in Chinese"
tm_expect "研修员，2019年度，按国家" "the chart stays as it was"

# w writes the annual report of the year shown: its name offered, HTML
# unless it ends in .txt; a directory refused, nothing written
tm_keys w
tm_expect "kizuna-report-2019.html" "w offers a name for the year shown"
tm_keys Enter
tm_expect "年度报告已写入 kizuna-report-2019.html" "the file is named when written"
grep -q '<html' "$T/kizuna-report-2019.html" && ok || bad "no HTML report written"
grep -q '2019年度' "$T/kizuna-report-2019.html" && ok || bad "the HTML report is not 2019's"
tm_keys w C-u
tm_type "$T/r2019.txt"
tm_keys Enter
tm_expect "年度报告已写入 $T/r2019.txt" "the text report written"
grep -q '派遣专家' "$T/r2019.txt" && ok || bad "the text report lacks the dispatches' line"
grep -q '<html' "$T/r2019.txt" && bad "a .txt report written as HTML" || ok
mkdir -p "$T/adir"
tm_keys w C-u
tm_type "$T/adir"
tm_keys Enter
tm_expect "$T/adir: " "a directory is refused, named"
expect_eq "$(ls "$T/adir" | wc -l | tr -d ' ')" 0 "nothing written into it"

# the help opens at the tab's own keys
tm_keys '?'
tm_expect "统计：事务所的数字，以条形图显示" "the help's Reports section"
tm_expect "下一项统计" "the figure key in the help"
tm_keys q
tm_expect "研修员，2019年度，按国家" "back from the help"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "Beijing"

# ---- Korean and English: the same database, the office's language
# changed ----
for lang in ko en; do
	sed "s/^\(  *\)language: .*/\1language: $lang/" "$conf/beijing.yaml" > "$T/$lang.yaml"
	tm_new_server "$lang"
	tm_start "KIZUNA_TODAY=2026-01-02 $KZ -c $T/$lang.yaml -d $T/bj.db"
	tm_keys BTab
	case $lang in
	ko) tab=" 통계"; title="파견, 2019년도, 분야별"; bar="^농업 #{73} 2$"; quit="q:종료" ;;
	en) tab=" Reports"; title="Dispatches, FY2019, by field"; bar="^agriculture #{66} 2$"; quit="q:quit" ;;
	esac
	tm_expect "$tab" "$lang: the Reports tab"
	tm_keys y; tm_keys C-u; tm_type 2019; tm_keys Enter
	tm_keys b
	tm_expect "$title" "$lang: the title"
	tm_expect_re "$bar" "$lang: a field's bar across the row"
	hints=$(tm_screen | tail -1)
	expect_in "$hints" "$quit" "$lang: quit among the hints"
	case $hints in *"~"*) bad "$lang: the hints are cut: $hints" ;; *) ok ;; esac
	tm_keys q
	tm_exited 0 "$lang: q quits"
done
tm_asan_clean "Korean and English"

# ---- Paris, in French: its sample config and its own demo ----
tm_new_server paris
tm_start "KIZUNA_TODAY=2026-01-02 $KZ -c $conf/paris.yaml --demo"
tm_expect "Bureau de Paris [PAR]" "Paris's screens"
tm_keys BTab
tm_expect_re " Bilans$" "Paris: the Reports tab in French"
tm_expect "Missions, exercice 2025, par année" "Paris: the title in French"
tm_expect_re "^ année +domaine +pays +province +état$" "Paris: the groupings in French"
hints=$(tm_screen | tail -1)
expect_in "$hints" "?:aide" "Paris: help among the hints"
expect_in "$hints" "q:quitter" "Paris: quit among the hints"
case $hints in *"~"*) bad "Paris: the hints are cut: $hints" ;; *) ok ;; esac
tm_keys q
tm_exited 0 "Paris: q quits"
tm_asan_clean "Paris"

# ---- head office's demo read in French: bars with French labels ----
sed 's/^  language: .*/  language: fr/' "$conf/tokyo.yaml" > "$T/tyo-fr.yaml"
run -c "$T/tyo-fr.yaml" -d "$T/tyo.db" demo
expect_rc 0 "head office's demo"
tm_new_server tyo-fr
tm_start "KIZUNA_TODAY=2026-01-02 $KZ -c $T/tyo-fr.yaml -d $T/tyo.db"
tm_expect "Experts" "the screens in French"
tm_keys BTab
tm_expect_re " Bilans$" "the Reports tab in French"
tm_keys y; tm_keys C-u; tm_type 2019; tm_keys Enter
tm_keys b
tm_expect "Missions, exercice 2019, par domaine" "the title in French"
tm_expect_re "^agriculture +#+ [0-9]+$" "a field by its French name"
tm_keys b
tm_expect_re "^Chine +#+ [0-9]+$" "a country by its French name"
tm_keys ]
tm_expect "Demandes, exercice 2019, par année" "the next figure in French"
tm_keys ] ] ]
tm_expect "Stagiaires, exercice 2019, par année" "the last figure in French"
tm_expect_re "^ .*Stagiaires$" "the figures' row shows the current one whole"
hints=$(tm_screen | tail -1)
expect_in "$hints" "?:aide" "help among the French hints"
case $hints in *"~"*) bad "the French hints are cut: $hints" ;; *) ok ;; esac
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "head office in French"
finish
