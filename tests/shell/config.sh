# config.sh - kizuna config check/show/doc on good and broken files, and the man page's key list.
. "$KZ_TESTS/lib.sh"
F=$FIX/config
SRC=$KZ_TESTS/..

# The sample configurations and the built-in default are clean.
for f in beijing singapore tokyo seoul default; do
	run config check "$SRC/config/$f.yaml"
	expect_rc 0 "check $f"
	expect_eq "$out" "$SRC/config/$f.yaml: ok" "check $f says ok"
done

# Without FILE: the file given with -c, else the default written on first run.
run -c "$SRC/config/beijing.yaml" config check
expect_rc 0 "check -c"
expect_eq "$out" "$SRC/config/beijing.yaml: ok" "check -c names the file"
run config check
expect_rc 0 "check first-run default"
expect_in "$out" "$XDG_CONFIG_HOME/kizuna/config.yaml: ok" "first-run default checked"

# From standard input.
run_in "$SRC/config/tokyo.yaml" config check -
expect_rc 0 "check stdin"
expect_eq "$out" "(stdin): ok" "check stdin says ok"

# Every problem of a file at once, each with line, column, line and caret.
B=$F/bad-keys.yaml
run config check "$B"
expect_rc 1 "check bad-keys"
expect_eq "$out" "" "nothing on stdout for a broken file"
expect_in "$err" "kizuna: $B:3:3: unknown key \"office.nam\"; did you mean \"office.name\"?
    nam: Paris office
    ^" "unknown key with suggestion, line and caret"
expect_in "$err" "kizuna: $B:4:7: office.id must be 2 to 4 capital letters" "bad office id"
expect_in "$err" "kizuna: $B:6:14: office.countries must be a list" "wrong type"
expect_in "$err" "kizuna: $B:7:13: office.language: \"de\" is not one of en, zh_CN, ja, ko, fr
" "bad enum, no far-fetched suggestion"
expect_in "$err" "kizuna: $B:8:3: duplicate key \"id\" (first at line 4)" "duplicate key"
expect_in "$err" "kizuna: $B:10:13: dispatch.max_days must be a whole number" "not a number"
expect_in "$err" "kizuna: $B:11:1: unknown key \"timezone\"; did you mean \"office.timezone\"?" "key at the wrong level"
expect_in "$err" "kizuna: $B:2:1: missing required key \"office.name\"" "missing key"
expect_eq "$(printf '%s\n' "$err" | grep -c '^kizuna: ')" 8 "eight problems, reported together"

run config check "$F/bad-quote.yaml"
expect_rc 1 "check bad-quote"
expect_in "$err" "kizuna: $F/bad-quote.yaml:3:9: this quote is never closed (the file ends at line 5, column 1)
    name: \"Paris office
          ^" "unclosed quote points at the quote"

run config check "$F/bad-tab.yaml"
expect_rc 1 "check bad-tab"
expect_in "$err" "kizuna: $F/bad-tab.yaml:2:1:" "tab position"
expect_in "$err" "hint: indent with spaces" "tab hint"

run config check "$F/bad-tz.yaml"
expect_rc 1 "check bad-tz"
if [ -f /usr/share/zoneinfo/Europe/Paris ] && [ -z "$TZDIR" ]; then
	expect_in "$err" "kizuna: $F/bad-tz.yaml:4:13: office.timezone: unknown time zone \"Europe/Pariss\"" "unknown zone"
fi
expect_in "$err" "kizuna: $F/bad-tz.yaml:5:26: office.date_format: unknown conversion \"%J\"" "bad strftime conversion"

run config check "$F/does-not-exist.yaml"
expect_rc 1 "check missing file"
expect_in "$err" "kizuna: $F/does-not-exist.yaml: cannot read" "missing file"

run config check a.yaml b.yaml
expect_rc 2 "check with two files"
expect_in "$err" "usage: kizuna config check" "usage"

# A fields file of one's own, found beside the configuration.
run -c "$F/fields-good/config.yaml" config check
expect_rc 0 "fields-good"
run config check "$F/fields-bad/config.yaml"
expect_rc 1 "fields-bad"
expect_in "$err" "kizuna: $F/fields-bad/fields.yaml:2:10: field code \"agriculture\" is used twice (first at line 1)" "duplicate field code"
expect_in "$err" "kizuna: $F/fields-bad/fields.yaml:3:3: this field has no \"zh\"" "field without a Chinese name"
expect_in "$err" "kizuna: $F/fields-bad/fields.yaml:3:27: field number 1 is used twice" "duplicate field number"

# Other commands refuse to start on a broken file, with the same report.
run -c "$B" config show
expect_rc 1 "show on a broken file"
expect_in "$err" "kizuna: $B:3:3: unknown key \"office.nam\"" "main reports like check"

# show: every key with defaults; the output is itself a clean config.
run -c "$SRC/config/tokyo.yaml" config show
expect_rc 0 "show"
expect_in "$out" "office:
  id: TYO
  name: 本部
  role: head" "show office"
expect_in "$out" "  timezone: Asia/Tokyo" "show timezone"
expect_in "$out" "  countries: []" "show default countries"
expect_in "$out" "dispatch:
  max_months: 3
  max_days: 0" "show dispatch"
expect_in "$out" "fields_file: ~" "show default fields file"
printf '%s\n' "$out" > "$T/shown.yaml"
run config check "$T/shown.yaml"
expect_rc 0 "show output checks clean"
run -c "$T/shown.yaml" config show
expect_eq "$(printf '%s\n' "$out" | sed 1d)" "$(sed 1d "$T/shown.yaml")" "show output is stable"

# doc, and the man page's key list is exactly what doc prints.
"$KZ" config doc >"$T/doc" 2>"$T/.err"
rc=$?; out=; err=$(cat "$T/.err")
expect_rc 0 "doc"
sed -n '/^\.\\" BEGIN KEYS$/,/^\.\\" END KEYS$/p' "$SRC/man/kizuna.yaml.5" |
	sed '1d;$d' >"$T/keys"
if [ -s "$T/keys" ] && cmp -s "$T/doc" "$T/keys"; then ok; else
	bad "man/kizuna.yaml.5 KEYS section differs from kizuna config doc"
	diff "$T/keys" "$T/doc" | head -n 20
fi
for k in office.id office.name office.role office.region office.countries \
    office.language office.timezone office.date_format user \
    dispatch.max_months dispatch.max_days fields_file; do
	grep -q "^\.It Cm $k " "$T/doc" && ok || bad "doc lacks $k"
done
if command -v mandoc >/dev/null 2>&1; then
	if lint=$(mandoc -Tlint -W warning "$SRC/man/kizuna.yaml.5" 2>&1) && [ -z "$lint" ]; then
		ok
	else
		bad "mandoc -Tlint: $lint"
	fi
else
	skip "mandoc is not installed: the lint of kizuna.yaml(5)"
fi

finish
