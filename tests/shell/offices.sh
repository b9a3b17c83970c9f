# offices.sh - the seven overseas offices and head office: every sample in
# config/ checks, init knows each by its id and its file's name, the field
# names follow the office's language (ko, fr; English where a fields file
# has none), and `make install` puts the samples and fields.yaml where the
# manual pages say.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
TOP=$KZ_TESTS/..

# ---- every sample checks and init writes it ----
n=0
for f in "$TOP"/config/*.yaml; do
	case ${f##*/} in default.yaml|fields.yaml) continue ;; esac
	n=$((n + 1))
	id=$(sed -n 's/^  id: *\([A-Z][A-Z]*\).*/\1/p' "$f")
	name=${f##*/}; name=${name%.yaml}
	run -c "$f" config check
	expect_rc 0 "config/$name.yaml checks"
	grep -q '^  countries: \[[A-Z]' "$f" || [ "$id" = TYO ] && ok ||
		bad "$name.yaml names no countries"
	run -c "$T/$id.yaml" init --office "$id"
	expect_rc 0 "init --office $id"
	cmp -s "$T/$id.yaml" "$f" && ok || bad "init --office $id did not write config/$name.yaml"
	run -c "$T/$name-by-file.yaml" init --office "$name"
	expect_rc 0 "init --office $name (the file's name)"
done
[ "$n" -ge 7 ] && ok || bad "only $n sample offices in config/"
for id in PAR LON SYD NYC BJS SIN TYO; do
	[ -f "$T/$id.yaml" ] && ok || bad "no sample office $id"
done
expect_eq "$(sed -n 's/^  timezone: //p' "$T/PAR.yaml") $(sed -n 's/^  language: //p' "$T/PAR.yaml")" \
	"Europe/Paris fr" "Paris works in French, on Paris time"
for z in "LON Europe/London" "SYD Australia/Sydney" "NYC America/New_York"; do
	expect_eq "$(sed -n 's/^  timezone: //p' "$T/${z%% *}.yaml") $(sed -n 's/^  language: //p' "$T/${z%% *}.yaml")" \
		"${z#* } en" "${z%% *} works in English on its own time"
done
run -c "$T/none.yaml" init
expect_rc 2 "init without --office lists the offices"
expect_in "$err" "PAR  Paris office" "Paris among them"
expect_in "$err" "NYC  New York office" "and New York"

# ---- field names in the office's language ----
for lang in "fr pêche" "ko 수산" "ja 水産" "zh_CN 水产业" "en fisheries"; do
	sed "s/^  language: .*/  language: ${lang% *}/" "$TOP/config/paris.yaml" > "$T/lang.yaml"
	run -c "$T/lang.yaml" -d "$T/lang-${lang% *}.db" stats fields
	expect_rc 0 "stats fields in ${lang% *}"
	expect_in "$out" "fisheries          ${lang#* }" "field 5 is named in ${lang% *}"
done
# The search finds a specialist by a field's French or Korean name.
run -c "$TOP/config/paris.yaml" -d "$T/search.db" specialist add --name "Jean Dupont" \
	--roman "Jean Dupont" --government Lyon --fields "fisheries; fire"
expect_rc 0 "Paris registers a specialist"
for word in pêche incendie 수산 소방; do
	run -c "$TOP/config/paris.yaml" -d "$T/search.db" search "$word"
	expect_in "$out" "Jean Dupont" "search finds the field by \"$word\""
done
run -c "$TOP/config/paris.yaml" -d "$T/search.db" search chômage
expect_not_in "$out" "Jean Dupont" "and not by a word it has not"

# A fields file of its own without ko and fr still loads; those offices
# read the English names.
cat > "$T/few.yaml" <<'YAML'
- {code: fisheries, number: 5, en: fisheries, ja: 水産, zh: 水产业}
- {code: forestry, number: 3, en: forestry, ja: 林業, zh: 林业, fr: sylviculture}
YAML
sed 's/^  language: .*/  language: fr/' "$TOP/config/paris.yaml" > "$T/few-fr.yaml"
echo "fields_file: few.yaml" >> "$T/few-fr.yaml"
run -c "$T/few-fr.yaml" -d "$T/few.db" stats fields
expect_rc 0 "a fields file without ko and fr loads"
expect_in "$out" "fisheries  fisheries" "no French name: the English one"
expect_in "$out" "forestry   sylviculture" "a French name given is shown"
cat > "$T/bad.yaml" <<'YAML'
- {code: fisheries, number: 5, en: fisheries, ja: 水産, zh: 水产业, fr: ""}
YAML
sed 's/^fields_file: .*/fields_file: bad.yaml/' "$T/few-fr.yaml" > "$T/bad-fr.yaml"
run -c "$T/bad-fr.yaml" config check
expect_rc 1 "an empty French name is refused"
expect_in "$err" "bad.yaml:1:" "naming the place"
cat > "$T/typo.yaml" <<'YAML'
- {code: fisheries, number: 5, en: fisheries, ja: 水産, zh: 水产业, kr: 수산}
YAML
sed 's/^fields_file: .*/fields_file: typo.yaml/' "$T/few-fr.yaml" > "$T/typo-fr.yaml"
run -c "$T/typo-fr.yaml" config check
expect_rc 1 "an unknown key is refused"
expect_in "$err" "unknown key \"kr\"" "naming it"

# ---- make install: where the manual pages say ----
if command -v make >/dev/null 2>&1 && [ -f "$TOP/Makefile" ]; then
	# A dry run: what would be installed, without building the release.
	plan=$(make -s -n -C "$TOP" install DESTDIR="$T/root" PREFIX=/opt/kz 2>/dev/null)
	for f in paris london sydney newyork beijing singapore tokyo; do
		expect_in "$plan" "config/$f.yaml" "make install installs $f.yaml"
	done
	expect_in "$plan" "$T/root/opt/kz/share/kizuna/samples" "the samples under share/kizuna/samples"
	expect_in "$plan" "config/fields.yaml $T/root/opt/kz/share/kizuna/fields.yaml" "fields.yaml as share/kizuna/fields.yaml"
	grep -q '^\.It Pa share/kizuna/samples/\*\.yaml' "$TOP/man/kizuna.1" && ok || bad "kizuna(1) FILES lacks the samples"
	grep -q '^\.It Pa share/kizuna/fields\.yaml' "$TOP/man/kizuna.1" && ok || bad "kizuna(1) FILES lacks fields.yaml"
	grep -q '^\.It Pa share/kizuna/samples/\*\.yaml' "$TOP/man/kizuna.yaml.5" && ok || bad "kizuna.yaml(5) FILES lacks the samples"
else
	skip "make or the Makefile is not here"
fi
finish
