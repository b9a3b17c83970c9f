# seminar_people.sh - the Beijing office on demo data: the trainees tab (list,
# a two-character Chinese search, a placement added through the form), the
# eighteen-edition history table, and an edition's participants with counts.
. "$KZ_TESTS/lib.sh"
CFG=$KZ_TESTS/../config
LOC=$(dirname "$KZ")/locale

# zh MSGID [ARG...], zhn SINGULAR PLURAL N [ARG...]: what the Beijing
# office's screens say, from the catalogue kizuna uses, with the
# arguments filled in (the shell's printf knows no %ld or %zu).
fill() {
	f=$(printf '%s' "$1" | sed 's/%[lz]\([du]\)/%\1/g')
	shift
	# shellcheck disable=SC2059
	printf "$f" "$@"
}
zh() {
	f=$(LANGUAGE=zh_CN LC_ALL=C.UTF-8 TEXTDOMAINDIR=$LOC gettext -d kizuna "$1")
	shift
	fill "$f" "$@"
}
zhn() {
	f=$(LANGUAGE=zh_CN LC_ALL=C.UTF-8 TEXTDOMAINDIR=$LOC ngettext -d kizuna \
	    "$1" "$2" "$3")
	shift 3
	fill "$f" "$@"
}

tm_start "$KZ -c $CFG/beijing.yaml --demo"
tm_expect "1168" "the demo data set is loaded" 30

# trainees, backwards from the first past the Reports and Activities tabs
tm_keys BTab BTab BTab
tm_expect "$(zhn "%ld placement" "%ld placements" 7 7)" \
    "the trainees tab counts the 2019 placements"
s=$(tm_screen)
expect_in "$s" "岐阜县高山市" "a host government is listed"
expect_in "$s" "辽宁省大连市" "a home government is listed"
tm_keys /
tm_type 大连
tm_expect "$(zhn "%zu of %ld placement" "%zu of %ld placements" 7 1 7)" \
    "a two-character Chinese search"
tm_keys Enter
tm_expect "经济交流" "the found placement's fields"
tm_keys Escape
tm_expect "$(zhn "%ld placement" "%ld placements" 7 7)" "Esc clears the search"

tm_keys a
tm_expect "$(zh "Add a trainee placement")" "a opens the placement form"
tm_type 鸟取县
tm_keys Tab
tm_type 吉林省长春市
tm_keys Tab
tm_type 吉林省
tm_keys Tab Tab
tm_type 李华
tm_keys Tab Tab Tab
tm_type "国际交流"
tm_keys Tab
tm_type 2020
tm_keys Tab
tm_type 2020-10-01
tm_keys Tab
tm_type 2019-03-31
tm_keys F2
# the message is in the office's language; it names both days
sleep 0.5
tm_screen | grep '^ *!' | grep -q "2019-03-31.*2020-10-01" && ok ||
	{ bad "the form does not show the refusal"; tm_screen; }
tm_keys C-u
tm_type 2021-03-31
tm_keys F2
tm_expect "$(zhn "%ld placement" "%ld placements" 8 8)" "the placement is saved"
tm_expect "李华" "its detail names the trainee"

# the seminars tab: the history table of seed 001
tm_keys BTab
tm_expect "$(zhn "%ld edition" "%ld editions" 18 18)" \
    "the China-Japan seminar's editions"
s=$(tm_screen)
expect_in "$s" "中日地方交流促进研讨会" "the series' name"
row=$(printf '%s\n' "$s" | grep '^>18')
expect_in "$row" "2019 福州市 (福建省)" "the latest edition is selected: year and place"
expect_in "$row" "加强地方合作" "and its theme"
expect_in "$s" "178: 日方 61, 中方 117" "the detail shows the attendance"
tm_keys k
tm_expect "绵阳市 (四川省)" "k moves to the 17th edition"

# the 18th edition's participants
tm_keys j P
tm_expect "$(zhn "%ld participant" "%ld participants" 0 0)" \
    "P opens the participants"
tm_keys a
tm_expect "$(zh "Add a participant")" "a opens the participant form"
tm_type 山口祥义
tm_keys Tab
tm_type "Yoshinori Yamaguchi"
tm_keys Tab
tm_type jp
tm_keys Tab
tm_type 佐贺县
tm_keys Tab Tab s
tm_keys F2
tm_expect "$(zhn "%ld participant" "%ld participants" 1 1): JP 1" \
    "the banner counts by country"
tm_expect "山口祥义 (Yoshinori Yamaguchi)" "the detail shows both names"
tm_keys a
tm_type 王明
tm_keys Tab Tab
tm_type cn
tm_keys F2
tm_expect "$(zhn "%ld participant" "%ld participants" 2 2): CN 1, JP 1" \
    "two countries counted"
tm_keys d
tm_expect "(y/n)" "d asks first"
tm_keys n
tm_expect "$(zhn "%ld participant" "%ld participants" 2 2)" \
    "n keeps the participant"
tm_keys p
tm_expect "$(zh "%s  (day %d of %d)" "" 1 3 | sed 's/^ *//')" \
    "p switches to the programme"
tm_keys Escape
tm_expect "2: CN 1, JP 1" "back on the editions the counts are there"

tm_keys q
tm_exited 0 "q quits"
run -c "$CFG/beijing.yaml" -d "$XDG_DATA_HOME/kizuna/demo-BJS.db" participant count cj-seminar/18 --format json
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["country"]=={"CN":1,"JP":1}' \
	&& ok || bad "the CLI counts what the screens added"
tm_asan_clean "seminar_people"
finish
