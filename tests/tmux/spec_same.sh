# spec_same.sh - the specialist form asks before registering a person who
# is registered already (the same name, romanised name and government),
# showing that record: n stays in the form, saying why; y registers a
# different person of the same name. An edit that makes a record such a
# person asks too; one that leaves those three as they were does not.
. "$KZ_TESTS/lib.sh"

run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--post 農林水産部
expect_rc 0 "seed Sato"; first=$out

tm_start "$KZ"
tm_expect "1 specialist" "the list"
add_sato() {
	tm_keys a
	tm_expect "Add a specialist" "a opens the form"
	tm_type "佐藤 健一"
	tm_keys Tab
	tm_type "Ken'ichi Sato"
	tm_keys Tab
	tm_type "島根県"
	tm_keys F2
}
add_sato
tm_expect "$first" "the question names the record there is"
tm_expect "is registered already" "F2 asks first"
tm_expect "serving" "the question shows the record's status"
tm_keys n
tm_expect "the same person is registered as $first" "n stays in the form, saying why"
tm_expect "Add a specialist" "still in the form"
tm_keys Escape
tm_expect "Discard changes?" "Esc leaves the form"
tm_keys y
tm_expect "1 specialist" "nothing saved"
add_sato
tm_expect "is registered already" "asked again"
tm_keys y
tm_expect "Saved 佐藤 健一" "y registers a different person"
tm_expect "2 specialists" "two now"

# an edit of the post alone: saved without a question
tm_keys e
tm_expect "Edit specialist" "e opens the form"
tm_keys Tab Tab Tab C-u
tm_type "課長"
tm_keys F2
tm_expect "Saved 佐藤 健一" "another field: saved at once"
# another romanisation: no one else's
tm_keys e
tm_expect "Edit specialist" "the form again"
tm_keys Tab C-u
tm_type "Kenichi Sato"
tm_keys F2
tm_expect "Saved 佐藤 健一" "a romanisation no one has: saved at once"
# back to the other's: asked, n stays, y keeps it
tm_keys e
tm_expect "Edit specialist" "the form a third time"
tm_keys Tab C-u
tm_type "Ken'ichi Sato"
tm_keys F2
tm_expect "is registered already" "made the same as the other: asked"
tm_expect "Keep the change" "the question is an edit's"
tm_keys n
tm_expect "the same person is registered as" "n stays in the form, saying why"
tm_expect "Edit specialist" "still in the form"
tm_keys F2
tm_expect "is registered already" "asked again"
tm_keys y
tm_expect "Saved 佐藤 健一" "y keeps the change"
run specialist list --format csv
expect_eq "$(printf '%s\n' "$out" | grep -c "Ken'ichi Sato")" 2 \
	"both Ken'ichi Sato again"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "no sanitizer report"
finish
