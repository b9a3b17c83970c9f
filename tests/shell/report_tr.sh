# report_tr.sh - the annual report reads a seminar series' name and an
# edition's theme in the reader's language (text_tr: the language, its
# base, else the original), in the figures, the year's seminars and the
# editions; and a total counted from the records alone says so, in text
# and HTML alike, until an opening figure is recorded.
. "$KZ_TESTS/lib.sh"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
for l in en ja zh_CN; do
	sed "s/^\(  *\)language: .*/\1language: $l/" "$KZ_TESTS/../config/beijing.yaml" > "$T/bj-$l.yaml"
done
DB=$T/demo.db
run -c "$T/bj-en.yaml" -d "$DB" demo
expect_rc 0 "demo data"

# ---- English: the series' name and the theme as the English text ----
run -c "$T/bj-en.yaml" -d "$DB" report 2019 --width 240
expect_rc 0 "report 2019 in English"
en=$(printf '%s\n' "$out" | tr -s ' ')
expect_in "$en" "editions of China-Japan Local Exchange Promotion Seminar 1 18" "the figures name the series in English"
expect_in "$en" "China-Japan Local Exchange Promotion Seminar, edition 18" "the year's seminar, in English"
expect_in "$en" "Theme Strengthening local cooperation, sharing development opportunities" "its theme, in English"
expect_in "$en" "18 2019 福州市 (福建省) Strengthening local cooperation" "the editions' table: the 18th's theme in English"
expect_not_in "$en" "中日地方交流促进研讨会" "no series name left in the original"
# a series with no English name keeps its original
expect_in "$en" "海外地方政府干部交流合作研讨会" "a series without a translation: the original"

# ---- Japanese ----
run -c "$T/bj-ja.yaml" -d "$DB" report 2019 --width 240
expect_rc 0 "report 2019 in Japanese"
ja=$(printf '%s\n' "$out" | tr -s ' ')
expect_in "$ja" "日中地方交流促進セミナー 第18回" "the year's seminar, in Japanese"
expect_in "$ja" "地方協力の強化と発展機会の共有" "its theme, in Japanese"
expect_not_in "$ja" "中日地方交流促进研讨会" "no series name left in Chinese"
expect_not_in "$ja" "Strengthening local cooperation" "nor in English"

# ---- Chinese (zh_CN reads zh) ----
run -c "$T/bj-zh_CN.yaml" -d "$DB" report 2019 --width 240 --format html
expect_rc 0 "report 2019 in Chinese, HTML"
expect_in "$out" "中日地方交流促进研讨会" "zh_CN reads the zh name"
expect_in "$out" "加强地方合作 共享发展机遇" "and the zh theme"
expect_not_in "$out" "日中地方交流促進セミナー" "not the Japanese one"

# ---- a total of the records alone is marked, with its first year ----
has_row() {
	if printf '%s\n' "$1" | sed 's/ *$//' | grep -qxF -- "$2"; then ok; else
		bad "$3: no row '$2'"
		printf '%s\n' "$1" | grep -F -- "${2%% *}" | head -n 3
	fi
}
has_row "$en" "support for Japanese local governments 55 55 2019*" "support: its records alone, from 2019, marked"
has_row "$en" "specialists sent 2 101 1998" "dispatches: an opening figure, no mark"
expect_in "$en" "* No opening figure: only the records kept here are counted, from the year of the first." "the note says what the mark means"
run -c "$T/bj-en.yaml" -d "$DB" report 2019 --format html
expect_rc 0 "report 2019, HTML"
html=$out
printf '%s' "$html" | python3 -c '
import sys, re
src = sys.stdin.read()
rows = re.findall(r"<tr><td>([^<]*)</td><td class=\"n\">([^<]*)</td><td class=\"n\">([^<]*)</td><td class=\"n\">([^<]*)</td></tr>", src)
d = {r[0]: r[1:] for r in rows}
assert d["support for Japanese local governments"] == ("55", "55", "2019*"), d
assert d["specialists sent"] == ("2", "101", "1998"), d
assert "* No opening figure: only the records kept here are counted" in src
' && ok || bad "HTML: the same mark and note as the text"

# an opening figure for support: the mark goes, the note with it when
# no other total is of records alone
run -c "$T/bj-en.yaml" -d "$DB" opening add --programme support --since 2010 --as-of 2019-03-31 --count 300
expect_rc 0 "an opening figure for support"
run -c "$T/bj-en.yaml" -d "$DB" report 2019 --width 240
en2=$(printf '%s\n' "$out" | tr -s ' ')
has_row "$en2" "support for Japanese local governments 55 355 2010" "support: the figure and the records after it, unmarked"
finish
