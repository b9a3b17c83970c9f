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

# The command list of kizuna(1) is the command table (make man rewrites
# its .It lines): every command documented, nothing documented that does
# not exist, and each usage line as the table makes it.
run commands --mdoc
expect_rc 0 "commands --mdoc"
table=$out
man=$(sed -n '/^\.Sh COMMANDS/,/^\.Sh /p' "$M/kizuna.1" | grep '^\.It Ic ')
# "name verb" of each .It line: the words before the first macro
names() { printf '%s\n' "$1" | awk '{ k = ""; for (i = 3; i <= NF && $i !~ /^[A-Z]/; i++)
	k = k (k == "" ? "" : " ") $i; print k }'; }
table_names=$(names "$table")
man_names=$(names "$man")
[ "$(printf '%s\n' "$table_names" | wc -l)" -gt 60 ] && ok || bad "only $(printf '%s\n' "$table_names" | wc -l) commands in the table"
printf '%s\n' "$table_names" | while IFS= read -r cmd; do
	printf '%s\n' "$man_names" | grep -qxF "$cmd" || echo "$cmd"
done >"$T/undocumented"
expect_eq "$(cat "$T/undocumented")" "" "every command of the table is in kizuna.1"
printf '%s\n' "$man_names" | while IFS= read -r cmd; do
	printf '%s\n' "$table_names" | grep -qxF "$cmd" || echo "$cmd"
done >"$T/unknown"
expect_eq "$(cat "$T/unknown")" "" "kizuna.1 documents no command the table lacks"
if [ "$man" = "$table" ]; then ok; else
	bad "kizuna.1's usage lines differ from the table's (run make man):"
	printf '%s\n' "$man" >"$T/man.its"; printf '%s\n' "$table" >"$T/table.its"
	diff "$T/man.its" "$T/table.its" | head -n 10
fi
# the plain list has the same commands, and --help lists them all
run commands
expect_rc 0 "commands"
expect_eq "$(printf '%s\n' "$out" | wc -l)" "$(printf '%s\n' "$table_names" | wc -l)" \
	"commands prints a line a command"
plain=$out
run --help
help=$out
printf '%s\n' "$table_names" | while IFS= read -r cmd; do
	case "$help" in *"  $cmd "*) ;; *) echo "$cmd" ;; esac
	case "$plain" in *"$cmd"*) ;; *) echo "$cmd (commands)" ;; esac
done >"$T/unlisted"
expect_eq "$(cat "$T/unlisted")" "" "--help and commands list every command"
finish
