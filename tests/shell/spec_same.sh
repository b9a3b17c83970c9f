# spec_same.sh - specialist add refuses a person registered already (the
# same name, romanised name and government: the rule a CSV import skips
# a row by), naming the record there is, unless --force says it is a
# different person; nothing is written on a refusal. So does an edit
# that renames or moves a record into such a person.
. "$KZ_TESTS/lib.sh"

run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県
expect_rc 0 "the first one"; first=$out
run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--fields agriculture
expect_rc 1 "the same person again is refused"
expect_in "$err" "name: the same person is registered as $first" \
	"the refusal names the place and the record there is"
expect_in "$err" "--force" "the refusal says how to add a different person"
expect_eq "$out" "" "no id printed"
run specialist count
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | grep -c "Ken'ichi Sato")" 1 "nothing written"

# what is wrong with the record is said first, as ever
run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--email nope
expect_rc 1 "a bad e-mail"
expect_in "$err" "email" "the bad field is named"

# another government, or another romanisation: another person
run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 広島県
expect_rc 0 "the same name of another government"

# --force: a different person of the same name, registered
run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 --force
expect_rc 0 "--force registers a different person"
case $out in "$first"|"") bad "--force: a new id, not '$out'" ;; *) ok ;; esac
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | grep -c "Ken'ichi Sato")" 3 "three now"

# the same rule as the CSV import's
printf 'name,name_roman,government\n佐藤 健一,Ken'"'"'ichi Sato,広島県\n' > "$T/same.csv"
run import specialists "$T/same.csv"
expect_rc 0 "the import"
expect_in "$out$err" "the same person is registered as" "the import skips the same person"

run specialist add --help
expect_in "$out" "--force" "add --help shows --force"

# An edit that makes one record the same person as another: refused,
# nothing written, unless --force; an edit leaving the name, romanised
# name and government as they were is never asked about, even of a
# record registered with --force.
run specialist add --name "鈴木 一郎" --roman "Ichiro Suzuki" --government 島根県
expect_rc 0 "Suzuki"; suzuki=$out
run specialist edit "$suzuki" --name "佐藤 健一" --roman "Ken'ichi Sato"
expect_rc 1 "renamed into a person registered already: refused"
expect_in "$err" "name: the same person is registered as" \
	"the refusal names the place and the record there is"
expect_in "$err" "--force" "the refusal says how to keep the change"
run specialist show --format csv "$suzuki"
expect_in "$out" "Ichiro Suzuki" "nothing written"
run specialist edit "$suzuki" --government 広島県 --name "佐藤 健一" \
	--roman "Ken'ichi Sato"
expect_rc 1 "moved into a person registered already: refused"
run specialist edit "$suzuki" --post 課長
expect_rc 0 "an edit of another field is not asked about"
run specialist edit "$suzuki" --name "佐藤 健一" --roman "Ken'ichi Sato" --force
expect_rc 0 "--force keeps the change"
run specialist show --format csv "$suzuki"
expect_in "$out" "Ken'ichi Sato" "the change kept"
run specialist edit "$suzuki" --post 部長
expect_rc 0 "a later edit of another field is not asked about"
run specialist edit --help
expect_in "$out" "--force" "edit --help shows --force"
finish
