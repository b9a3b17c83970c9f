# specialist.sh - `kizuna specialist ...` and `kizuna search` on a fresh database.
. "$KZ_TESTS/lib.sh"

run --version
expect_rc 0 "--version"
expect_in "$out" "kizuna 0." "--version prints the version"
run --help
expect_rc 0 "--help"
for c in "specialist add" "specialist list" "search" "import specialists" "export specialists" "demo" "stats fields"; do
	expect_in "$out" "$c" "--help lists $c"
done

# First run, on fresh XDG directories: a configuration chosen from the
# sample offices, then the database.
keep_c=$XDG_CONFIG_HOME keep_d=$XDG_DATA_HOME
export XDG_CONFIG_HOME=$T/fresh/config XDG_DATA_HOME=$T/fresh/data
run init --office SIN
expect_rc 0 "init --office SIN"
run specialist list
expect_rc 0 "list on a new database"
[ -f "$XDG_CONFIG_HOME/kizuna/config.yaml" ] && ok || bad "config.yaml was not created"
[ -f "$XDG_DATA_HOME/kizuna/kizuna.db" ] && ok || bad "kizuna.db was not created"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/kizuna")" 700 "data directory mode"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/kizuna/kizuna.db")" 600 "database mode"
expect_eq "$(stat -c %a "$XDG_CONFIG_HOME/kizuna")" 700 "config directory mode"
export XDG_CONFIG_HOME=$keep_c XDG_DATA_HOME=$keep_d

# add
run specialist add --name 王建国 --roman "Wang Jianguo" --government 四川省 \
	--post "农业农村厅 处长" --fields "agriculture:设施园艺:12; 25" \
	--langs "zh:native, en:business" --email wang@example.org \
	--unavailable "2026-12-01..2026-12-20 surgery"
expect_rc 0 "specialist add"
id=$out
case "$id" in KZ-????-????) ok ;; *) bad "add printed '$id', not a new id" ;; esac

run specialist show "$id"
expect_rc 0 "show"
expect_in "$out" "王建国" "show: name"
expect_in "$out" "1 agriculture: 设施园艺, 12 years" "show: field number, name, note and years (as the screen shows it)"
expect_in "$out" "education" "show: second field given by number"
expect_in "$out" "2026-12-01..2026-12-20  surgery" "show: unavailability"
expect_in "$out" "wang@example.org" "show: contact"

# loosely typed ids: lower case, no dashes, the random part alone
loose=$(printf '%s' "$id" | tr 'A-Z' 'a-z' | tr -d -)
run specialist show "$loose"
expect_rc 0 "show with a loosely typed id"
run specialist show "${id#KZ-}"
expect_rc 0 "show with the random part only"
run specialist show KZ-0000-0000
expect_rc 1 "show an unknown id"
expect_in "$err" "id: no specialist KZ-0000-0000" "unknown id is named"

run specialist show --format json "$id"
expect_rc 0 "show json"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["name"]=="王建国" and d["fields"][0]["years"]==12' \
	&& ok || bad "show --format json is not the record as JSON"

# refusals write nothing
run specialist add --roman "No Name" --government 島根県
expect_rc 1 "add without a name"
expect_in "$err" "name: name is required" "the missing field is named"
run specialist add --name 李明 --roman "Li Ming" --government 吉林省 --fields nosuch
expect_rc 1 "add with an unknown field"
expect_in "$err" "fields: unknown field of expertise \"nosuch\"" "unknown field named"
run specialist add --name 李明 --roman 李明 --government 吉林省 --email nope --langs "en:expert"
expect_rc 1 "add with several problems"
expect_in "$err" "languages:" "bad level reported under the field's one name"
run specialist add --name 李明 --roman 李明 --government 吉林省 --email nope
expect_in "$err" "name_roman:" "romanised name must be Latin"
expect_in "$err" "email:" "all problems reported at once"
run specialist add --name x --roman y --government z --unavailable "2026-02-30..2026-03-02"
expect_rc 1 "add with an impossible date"
run specialist add --name x --roman y --government z --bogus 1
expect_rc 2 "unknown option"
run specialist add --name x --roman y --government z stray
expect_rc 2 "a stray argument"
expect_in "$err" "unexpected argument \"stray\"" "the stray argument is named"
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "refused adds wrote nothing"

# a second and third person, then lists
run specialist add --name "佐藤 健一" --roman "Ken'ichi Satō" --government 島根県 \
	--status retired --fields "agriculture:vegetables" --langs en:conversational
expect_rc 0 "add a retired specialist"
sato=$out
run specialist add --name "Emily Clark" --roman "Emily Clark" --government "Yokohama City" --fields education
expect_rc 0 "add a Latin-script name"

run specialist list
expect_rc 0 "list"
expect_in "$out" "王建国" "list shows the CJK name"
# columns line up in display width: every line's GOVERNMENT column starts at the same width
python3 - "$T/.out" <<'PY' && ok || bad "list columns are not aligned in display width"
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0]
col = w(head[:head.index("GOVERNMENT")])
for l in lines[1:]:
    # the government column follows two spaces after the romanised name
    cells = [c for c in l.split("  ") if c.strip()]
    pos = w(l[: l.index(cells[3].strip())]) if len(cells) > 3 else col
    assert pos == col, (l, pos, col)
PY
run specialist list --status retired --format csv
expect_in "$out" "Ken'ichi Satō" "filter by status"
expect_not_in "$out" "Wang" "filter by status excludes"
run specialist list --field 25 --format csv
expect_in "$out" "Emily Clark" "filter by field number"
expect_in "$out" "Wang Jianguo" "filter by field, second field"
run specialist list --lang en:business --format csv
expect_in "$out" "Wang" "filter by language level"
expect_not_in "$out" "Satō" "level below is excluded"
run specialist list --free 2026-12-10..2026-12-12 --format csv
expect_not_in "$out" "Wang" "unavailable is excluded"
expect_in "$out" "Satō" "available is listed"
run specialist list --free 2026-12-31..2026-12-01
expect_rc 1 "availability period backwards"
run specialist list --field nosuch
expect_rc 1 "unknown field filter"
run specialist list --format yaml
expect_rc 1 "unknown format"
run specialist list --format json
printf '%s' "$out" | python3 -c 'import json,sys; assert len(json.load(sys.stdin))==3' \
	&& ok || bad "list --format json"

# search in three scripts
run search 建国
expect_in "$out" "Wang Jianguo" "search a two-character Chinese term"
run search 島根
expect_in "$out" "Satō" "search Japanese"
run search sato
expect_in "$out" "Satō" "search folds accents"
run search 园艺
expect_in "$out" "Wang" "search inside a sub-speciality"
run search 农业
expect_in "$out" "Wang" "search a field by its Chinese name"
expect_in "$out" "Satō" "field names are searched for everyone"
run search --status serving 农业
expect_not_in "$out" "Satō" "search with a filter"
run search zzzz
expect_rc 0 "search with no match"
expect_in "$err" "no specialists found" "no match is said"
run search
expect_rc 2 "search needs text"

# edit
run specialist edit "$id" --post "" --notes "Kaifeng 2019"
expect_rc 0 "edit"
run specialist show --format json "$id"
printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["post"] is None and d["notes"]=="Kaifeng 2019" and d["created"]!=None' \
	&& ok || bad "edit cleared post and set notes"
run specialist edit "$id" --email "bad address"
expect_rc 1 "edit breaking a rule"
run specialist show --format json "$id"
expect_in "$out" "wang@example.org" "refused edit wrote nothing"
run specialist edit KZ-0000-0001 --post x
expect_rc 1 "edit unknown id"

# rm
run specialist rm "$sato"
expect_rc 1 "rm without --yes and without a terminal"
expect_in "$err" "without --yes" "rm says why"
run specialist rm --yes "$sato"
expect_rc 0 "rm --yes"
run specialist show "$sato"
expect_rc 1 "removed record is gone"
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | wc -l)" 3 "two left after rm"

# bad database file
printf 'not a database at all, just some text that is long enough\n' > "$T/junk.db"
run -d "$T/junk.db" specialist list
expect_rc 1 "a file that is not a database"
expect_in "$err" "not a kizuna database" "says what is wrong"
expect_eq "$(cat "$T/junk.db")" "not a database at all, just some text that is long enough" "junk file left alone"

run nosuchcommand
expect_rc 2 "unknown command"
run specialist
expect_rc 2 "specialist without a verb"
expect_in "$err" "add list show edit rm" "verbs are listed"

finish
