# spec_same.sh - the specialist form asks before registering a person who
# is registered already (the same name, romanised name and government),
# showing that record: n stays in the form, saying why; y registers a
# different person of the same name.
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
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "no sanitizer report"
finish
