# langs.sh - text held in several languages (a series' name, an edition's
# title and theme, an item's title): set with --tr LANG:FIELD=TEXT, read in
# the reader's language under each office's configuration (Beijing zh_CN,
# Tokyo ja, Singapore en), the base language (zh for zh_CN) and the
# original as fallbacks; in CSV as name@LANG columns, in JSON as
# "translations", in the printed programme, in iCalendar and through a
# programme's CSV export and import.
. "$KZ_TESTS/lib.sh"
CFG=$KZ_TESTS/../config
export KIZUNA_NOW=2026-01-02T03:04:05Z

for c in beijing tokyo singapore; do
	run_as "$CFG/$c.yaml" series add --code cj --name "ORIGINAL" \
		--tr "zh:name=中文名" --tr "ja:name=日本語名" --tr "en:name=English name"
	expect_rc 0 "series add with --tr ($c)"
	run_as "$CFG/$c.yaml" series add --code only-ja --name "ONLY ORIGINAL" \
		--tr "ja:name=日本語だけ"
	expect_rc 0 "a series held in Japanese only ($c)"
	run_as "$CFG/$c.yaml" seminar add --series cj --year 2019 --start 2019-08-21 \
		--end 2019-08-23 --theme "THEME ORIGINAL" --tr "en:theme=English theme" \
		--tr "ja:theme=日本語のテーマ" --tr "zh:theme=中文主题"
	expect_rc 0 "seminar add with --tr ($c)"
	run_as "$CFG/$c.yaml" programme add cj/2019 --date 2019-08-21 --start 09:30 \
		--city 福州市 --kind session --title "ITEM ORIGINAL" \
		--tr "en:title=Opening session" --tr "ja:title=開会式" --tr "zh:title=开幕式"
	expect_rc 0 "programme add with --tr ($c)"
done

# each reader sees theirs: zh_CN reads zh, ja reads ja, en reads en
check_reader() {	# check_reader CONFIG NAME THEME TITLE
	run_as "$CFG/$1.yaml" series list
	expect_in "$out" "$2" "$1: series list in the reader's language"
	printf '%s\n' "$out" | grep '^cj ' | grep -q ORIGINAL &&
		bad "$1: series list shows the original: $out" || ok
	case $1 in
	tokyo) expect_in "$out" "日本語だけ" "tokyo: the Japanese-only series in Japanese" ;;
	*) expect_in "$out" "ONLY ORIGINAL" "$1: none in the reader's language: the original" ;;
	esac
	run_as "$CFG/$1.yaml" seminar list --series cj
	expect_in "$out" "$3" "$1: seminar list's theme in the reader's language"
	run_as "$CFG/$1.yaml" seminar show cj/2019
	expect_in "$out" "$3" "$1: seminar show in the reader's language"
	expect_in "$out" "THEME ORIGINAL" "$1: seminar show names the original too"
	run_as "$CFG/$1.yaml" export programme cj/2019 --format txt
	expect_in "$out" "$2" "$1: the printed programme's series name"
	expect_in "$out" "$3" "$1: the printed programme's theme"
	expect_in "$out" "$4" "$1: the printed programme's item"
	run_as "$CFG/$1.yaml" export programme cj/2019 --format ics
	expect_in "$out" "SUMMARY:$4" "$1: iCalendar SUMMARY in the reader's language"
}
check_reader beijing 中文名 中文主题 开幕式
check_reader tokyo 日本語名 日本語のテーマ 開会式
check_reader singapore "English name" "English theme" "Opening session"

# searching finds a theme in any of its languages
run_as "$CFG/beijing.yaml" seminar list --search "english THEME"
expect_in "$out" "cj/2019" "seminar list --search finds the English theme"
run_as "$CFG/beijing.yaml" seminar list --search "no such theme"
expect_not_in "$out" "cj/2019" "and not what is in no language"

# the files: CSV columns name@LANG, JSON "translations"
S=$CFG/singapore.yaml
run_as "$S" series list --format csv
expect_in "$out" "id,code,name,name@en,name@ja,name@zh,office" "CSV: a column for each language"
expect_in "$out" ",cj,ORIGINAL,English name,日本語名,中文名," "CSV: the original, then each language"
run_as "$S" seminar show cj/2019 --format json
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["theme"] == "THEME ORIGINAL", d
assert d["translations"]["theme"] == {"en": "English theme", "ja": "日本語のテーマ", "zh": "中文主题"}, d' \
	&& ok || bad "seminar show json: the original and its translations: $out"
run_as "$S" series list --format json
printf '%s' "$out" | python3 -c '
import json, sys
d = {s["code"]: s for s in json.load(sys.stdin)}
assert d["cj"]["translations"]["name"]["ja"] == "日本語名", d
assert d["only-ja"]["translations"] == {"name": {"ja": "日本語だけ"}}, d' \
	&& ok || bad "series list json translations: $out"

# a programme's CSV goes out and comes back with its titles' languages
run_as "$S" export programme cj/2019 --format csv
expect_in "$out" "title,title@en,title@ja,title@zh" "programme CSV: title@LANG columns"
printf '%s\n' "$out" | sed 's/開会式/開会の辞/' > "$T/prog.csv"
item=$(printf '%s\n' "$out" | sed -n '2s/,.*//p')
run_as "$S" programme rm "$item" --yes
expect_rc 0 "the item removed, to come back from the file"
run_as "$S" import programme cj/2019 "$T/prog.csv"
expect_rc 0 "programme CSV with title@LANG imports"
expect_in "$out$err" "1 imported" "the item imported"
run_as "$S" programme list cj/2019 --format json
expect_in "$out" '"ja": "開会の辞"' "the imported Japanese title"
expect_in "$out" '"en": "Opening session"' "the English title kept"

# edit: change one, remove one (an empty TEXT), the others stay
run_as "$S" series edit cj --tr "en:name=China-Japan seminar" --tr "ja:name="
expect_rc 0 "series edit --tr"
run_as "$S" series list --format json
printf '%s' "$out" | python3 -c '
import json, sys
d = {s["code"]: s for s in json.load(sys.stdin)}
assert d["cj"]["translations"]["name"] == {"en": "China-Japan seminar", "zh": "中文名"}, d' \
	&& ok || bad "series edit --tr changed en, removed ja, kept zh: $out"
# a translation with no value survives an edit of another field
run_as "$S" seminar edit cj/2019 --notes "with notes"
run_as "$S" seminar show cj/2019 --format json
expect_in "$out" '"ja": "日本語のテーマ"' "an edit of another field keeps the translations"

# bad input: a clear error naming the place, nothing written
run_as "$S" series edit cj --tr "english:name=x"
expect_rc 1 "a bad language"
expect_in "$err" "--tr: \"english\" is not a language" "the bad language named"
run_as "$S" series edit cj --tr "en:code=x"
expect_rc 1 "a field not held in several languages"
expect_in "$err" "\"code\" is not held in several languages" "the field named"
run_as "$S" series edit cj --tr "en name"
expect_rc 1 "not LANG:FIELD=TEXT"
expect_in "$err" "is not LANG:FIELD=TEXT" "the form named"
run_as "$S" series edit cj --tr "fr:name=Séminaire" --tr "de:name=$(printf 'x%.0s' $(seq 1 201))"
expect_rc 1 "a translation too long"
expect_in "$err" "name@de" "the too long translation named by field and language"
run_as "$S" series list --format json
expect_not_in "$out" "Séminaire" "nothing written when one is bad"

# the man page and --help document the option
run_as "$S" series edit --help
expect_in "$out" "--tr LANG:FIELD=TEXT" "--help shows --tr"
finish
