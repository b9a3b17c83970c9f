# i18n.sh - the catalogues are complete, and kizuna speaks the office's
# language (configuration office.language) whatever the machine's locale.
. "$KZ_TESTS/lib.sh"
# The sources by an absolute path, whatever directory the test runs from.
SRC=$(cd "$KZ_TESTS/.." && pwd)
PO=$SRC/tui/po
CONF=$SRC/config
unset LANGUAGE
[ -f "$PO/kizuna.pot" ] && [ -d "$SRC/core" ] ||
	bad "no sources at $SRC (KZ_TESTS=$KZ_TESTS): nothing below is checked"

# msgstr FILE MSGID: the translation of a one-line msgid in a .po file.
msgstr() {
	awk -v id="msgid \"$2\"" '$0 == id { getline; sub(/^msgstr "/, "");
	    sub(/"$/, ""); print; exit }' "$1"
}
# msgids FILE: how many messages a .po or .pot file holds (not the header,
# not obsolete ones).
msgids() { echo $(($(grep -c '^msgid ' "$1") - 1)); }

# ---- the catalogues ----
if ! command -v msgfmt >/dev/null 2>&1; then
	bad "msgfmt is not installed (make deps)"
else
	pot=$PO/kizuna.pot
	# A pot made now from the sources: a string marked since the last
	# `make pot` counts too.
	if ! command -v xgettext >/dev/null 2>&1; then
		skip "xgettext is not installed: strings marked since the last make pot"
	elif (cd "$SRC" && xgettext --from-code=UTF-8 -k_ -kN_ \
	    --keyword=C_:1c,2 --keyword=NC_:1c,2 -o "$T/fresh.pot" \
	    core/*.c core/rtype.h tui/*.c tui/*/*.c) >"$T/xgettext.out" 2>&1 &&
	    [ -s "$T/fresh.pot" ]; then
		pot=$T/fresh.pot
		ok
	else
		bad "xgettext over $SRC failed:"; head -n 5 "$T/xgettext.out"
	fi
	npot=$(msgids "$pot")
	[ "$npot" -gt 100 ] && ok || bad "only $npot messages in $pot"
	for l in zh_CN ja en; do
		f=$PO/$l.po
		if [ ! -f "$f" ]; then bad "$f is missing"; continue; fi
		if stats=$(msgfmt --check --statistics -o /dev/null "$f" 2>&1); then
			ok
		else
			bad "msgfmt --check $l.po:"; printf '%s\n' "$stats" | head -n 10
		fi
		expect_not_in "$stats" "untranslated" "$l.po: untranslated messages (make po, then translate)"
		expect_not_in "$stats" "fuzzy" "$l.po: fuzzy messages (review, then drop the fuzzy flag)"
		# every message of the sources has a translation, none is left over
		if ! command -v msgcmp >/dev/null 2>&1; then
			skip "msgcmp is not installed: $l.po against the sources"
		elif miss=$(msgcmp "$f" "$pot" 2>&1); then ok; else
			bad "$l.po lacks messages of the sources (make po, then translate):"
			printf '%s\n' "$miss" | sed -n 's/^\(.*\):\([0-9]*\): this message is \(used but not defined\|untranslated\).*/\2 \1/p' |
			    head -n 5 | while read -r n file; do
				awk -v n="$n" '/^msgid / { m = $0 } NR == n { print "  " m; exit }' "$file"
			done
		fi
		expect_eq "$(msgids "$f")" "$npot" "$l.po and the sources have the same number of messages"
	done
	# Hints and headings are short in every language.
	for l in zh_CN ja; do
		for id in search record add edit delete quit help save cancel \
		    next previous close yes no keep clear Specialists; do
			s=$(msgstr "$PO/$l.po" "$id")
			w=$(printf '%s' "$s" | LC_ALL=C.UTF-8 wc -L)
			[ -n "$s" ] && [ "$w" -le 10 ] && ok || bad "$l: \"$id\" is \"$s\", $w columns: too wide for the status line, or missing"
		done
	done
fi

# ---- the program ----
# The translations looked up below are there: an empty one would make
# every "is not in" check pass.
for l in zh_CN ja; do
	for id in "no specialist %s" retired business proposed \
	    "longer than the maximum: %s" "dispatch %s proposed"; do
		[ -n "$(msgstr "$PO/$l.po" "$id")" ] && ok || bad "$l.po: no translation of \"$id\" found"
	done
done
zh_nope=$(printf "$(msgstr "$PO/zh_CN.po" "no specialist %s")" NOPE)
ja_nope=$(printf "$(msgstr "$PO/ja.po" "no specialist %s")" NOPE)
en_nope="no specialist NOPE"
expect_not_in "$zh_nope" "$en_nope" "zh_CN.po translates \"no specialist\""
expect_not_in "$ja_nope" "$en_nope" "ja.po translates \"no specialist\""

# speaks CONF WANT_ERROR WANT_USAGE WANT_HELP DESC: under whatever locale
# the caller set, a failing command, a usage message and --help are in
# the configured language.
speaks() {
	run_as "$CONF/$1.yaml" specialist show NOPE
	expect_rc 1 "$5: show NOPE"
	expect_in "$err" "kizuna: id: $2" "$5: error message"
	run_as "$CONF/$1.yaml" specialist show
	expect_rc 2 "$5: show without an id"
	expect_in "$err" "$3 specialist show" "$5: usage"
	run -c "$CONF/$1.yaml" --help
	expect_rc 0 "$5: --help"
	expect_in "$out" "$4" "$5: --help in the office's language"
}

for loc in C.UTF-8 C; do
	export LANG=$loc LC_ALL=$loc
	speaks beijing "$zh_nope" "用法：kizuna" "用法：kizuna [-c 文件]" "Beijing, LANG=$loc"
	speaks tokyo "$ja_nope" "使い方: kizuna" "使い方: kizuna [-c ファイル]" "Tokyo, LANG=$loc"
	speaks singapore "$en_nope" "usage: kizuna" "usage: kizuna [-c FILE]" "Singapore, LANG=$loc"
done
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# The user's own locale settings do not change the office's language.
export LANGUAGE=de:fr
run_as "$CONF/beijing.yaml" specialist show NOPE
expect_in "$err" "$zh_nope" "Beijing with LANGUAGE=de:fr"
export LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 LANGUAGE=ja
run_as "$CONF/singapore.yaml" specialist show NOPE
expect_in "$err" "$en_nope" "Singapore with a Japanese locale"
unset LANGUAGE
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# The first-run default configuration is English.
run specialist show NOPE
expect_in "$err" "$en_nope" "default configuration"

# A database belongs to one office: the Beijing records below are read
# in other languages through Beijing configurations that differ only in
# their language (another office's configuration is refused).
for l in ja en; do
	sed "s/^\(  *\)language: .*/\1language: $l/" "$CONF/beijing.yaml" > "$T/beijing-$l.yaml"
done
BJ=$T/beijing.db
# Status names and labels of `specialist show` come from the catalogue;
# stored keywords stay English in CSV.
run -d "$BJ" -c "$CONF/beijing.yaml" specialist add --name 王建国 --roman "Wang Jianguo" \
	--government 四川省 --status retired --langs "en:business"
expect_rc 0 "add under the Beijing configuration"
id=$out
run -d "$BJ" -c "$CONF/beijing.yaml" specialist show "$id"
expect_in "$out" "$(msgstr "$PO/zh_CN.po" retired)" "status shown in Chinese"
expect_in "$out" "$(msgstr "$PO/zh_CN.po" business)" "language level shown in Chinese"
run -d "$BJ" -c "$T/beijing-ja.yaml" specialist show "$id"
expect_in "$out" "$(msgstr "$PO/ja.po" retired)" "status shown in Japanese"
run -d "$BJ" -c "$CONF/beijing.yaml" specialist show --format csv "$id"
expect_in "$out" ",retired," "CSV keeps the stored keyword"
run -d "$BJ" -c "$CONF/beijing.yaml" specialist list --status retired
expect_rc 0 "--status takes the English keyword under the Beijing configuration"

# History notes travel to offices of other languages: what the program
# writes is stored in English and said in the reader's language; what a
# person typed stays as typed.
run -d "$BJ" -c "$CONF/beijing.yaml" request add --country cn --province 河南省 \
	--fields agriculture --topic 蔬菜连作障碍 --from 2027-09-16 \
	--to 2027-09-23 --language zh
expect_rc 0 "request add under the Beijing configuration"
req=$out
run -d "$BJ" -c "$CONF/beijing.yaml" dispatch add --request "$req" --specialist "$id" \
	--from 2027-09-16 --to 2027-12-31 --override 收获季节
expect_rc 0 "a long dispatch under the Beijing configuration"
dsp=$out
db=$BJ
expect_eq "$(sqlite3 "$db" "SELECT note FROM dispatch_event WHERE dispatch = '$dsp'")" \
	"proposed; longer than the maximum: 收获季节" "the dispatch's note is stored in English"
expect_eq "$(sqlite3 "$db" "SELECT group_concat(note, '|') FROM (SELECT note FROM request_event WHERE request = '$req' ORDER BY rowid)")" \
	"recorded|dispatch $dsp proposed" "the request's notes are stored in English"
for l in zh_CN:$CONF/beijing ja:$T/beijing-ja; do
	f=$PO/${l%%:*}.po
	run -d "$BJ" -c "${l#*:}.yaml" dispatch show "$dsp"
	expect_in "$out" "$(msgstr "$f" proposed); $(printf "$(msgstr "$f" "longer than the maximum: %s")" 收获季节)" \
		"the dispatch's note in $l"
	run -d "$BJ" -c "${l#*:}.yaml" request show "$req"
	expect_in "$out" "$(printf "$(msgstr "$f" "dispatch %s proposed")" "$dsp")" "the request's note in $l"
done
run -d "$BJ" -c "$T/beijing-en.yaml" dispatch show "$dsp"
expect_in "$out" "proposed; longer than the maximum: 收获季节" "the dispatch's note in English"

# The key list fits 80 columns in every language (the help screen shows it).
for c in beijing tokyo singapore; do
	run -c "$CONF/$c.yaml" keys
	expect_rc 0 "keys ($c)"
	w=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
	[ "$w" -le 80 ] && ok || bad "kizuna keys ($c) is $w columns wide"
done
# without USER, the account's login name is the user
USER= run_as "$CONF/beijing.yaml" specialist add --name 李明 --roman "Li Ming" \
	--government 四川省 --fields agriculture
run_as "$CONF/beijing.yaml" specialist show --format json "$out"
expect_in "$out" "\"created_by\": \"$(id -un)\"" "USER unset: the login name"
# a user nobody knows ("unknown", as older databases hold) is named in
# the reader's words on screens and in tables, and stays "unknown" in JSON
{ cat "$CONF/beijing.yaml"; echo "user: unknown"; } > "$T/nobody.yaml"
run_as "$T/nobody.yaml" specialist add --name 王明 --roman "Wang Ming" \
	--government 四川省 --fields agriculture
id=$out
run_as "$T/nobody.yaml" specialist show "$id"
expect_in "$out" "未知" "the unknown user in Chinese"
expect_not_in "$out" "unknown" "not in English"
run_as "$T/nobody.yaml" specialist show --format json "$id"
expect_in "$out" '"created_by": "unknown"' "JSON keeps the stored value"
run_as "$T/nobody.yaml" history "$id"
expect_in "$out" "未知" "and in the history"
expect_not_in "$out" "unknown" "not in English there either"
finish
