# docs.sh - the man pages are clean, complete, and their generated parts current.
. "$KZ_TESTS/lib.sh"
M=$KZ_TESTS/../man

for page in kizuna.1 kizuna.yaml.5; do
	lint=$(mandoc -Tlint -W warning "$M/$page" 2>&1)
	expect_eq "$lint" "" "mandoc -Tlint $page"
done

# the KEYS list of kizuna(1) is what the key table says (make man)
section() { sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$1" | sed '1d;$d'; }
run keys --mdoc
expect_rc 0 "keys --mdoc"
expect_eq "$(section "$M/kizuna.1")" "$out" "kizuna.1 KEYS matches the key table (run make man)"
run keys
expect_rc 0 "keys"
expect_in "$out" "?" "keys lists help"

# every command of the table is in the manual and in --help
run --help
help=$out
man=$(cat "$M/kizuna.1")
for cmd in "specialist add" "specialist list" "specialist show" "specialist edit" \
	"specialist rm" "search" "import specialists" "export specialists" "demo" \
	"stats fields" "config check" "config show" "config doc" "keys" \
	"request add" "request list" "request show" "request edit" "request state" \
	"request rm" "match" "dispatch add" "dispatch list" "dispatch show" \
	"dispatch edit" "dispatch state" "dispatch cost" "dispatch rm" "timeline" \
	"export dispatches" \
	"series add" "series list" "series edit" "series rm" "seminar add" \
	"seminar list" "seminar show" "seminar edit" "seminar rm" "programme add" \
	"programme list" "programme edit" "programme rm" "participant add" \
	"participant list" "participant edit" "participant rm" "participant count" \
	"import programme" "import participants" "export programme" "trainee add" \
	"trainee list" "trainee show" "trainee edit" "trainee rm" "trainee count" \
	"sync export" "sync import" "sync status" "sync conflicts" "sync resolve"; do
	expect_in "$help" "$cmd" "--help has $cmd"
	expect_in "$man" ".It Ic $cmd" "kizuna.1 has $cmd"
done
finish
