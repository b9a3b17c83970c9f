# help.sh - ? shows every key of the key table; `kizuna keys` prints the same
# table, and `kizuna keys --mdoc` is clean mdoc for the man page.
. "$KZ_TESTS/lib.sh"

run keys
expect_rc 0 "kizuna keys"
keys=$out
for k in "Up, k" "PgDn, C-f" "g, Home" "G, End" "/" "Esc" "F2, C-s" "S-Tab, Up" \
	"C-u" "y, Y" "?, F1" "C-l" "Space, Left, Right" "F6" ">" "<" "I"; do
	expect_in "$keys" "  $k " "kizuna keys lists $k"
done
run keys --bogus
expect_rc 2 "kizuna keys with a bad option"
run keys --mdoc
expect_rc 0 "kizuna keys --mdoc"
expect_in "$out" ".Bl -tag" "mdoc list"
expect_in "$out" ".It Ic \&F2 , Ic \&C-s" "mdoc item with two keys"
if command -v mandoc >/dev/null 2>&1; then
	{ printf '.Dd $Mdocdate$\n.Dt KIZUNA 1\n.Os\n.Sh NAME\n.Nm kizuna\n.Nd test\n.Sh KEYS\n'
	  printf '%s\n' "$out"; } > "$T/keys.1"
	lint=$(mandoc -Tlint -W warning "$T/keys.1" 2>&1)
	expect_eq "$lint" "" "mandoc -Tlint is silent on the key list"
else
	skip "mandoc is not installed: the lint of the key list"
fi

tm_start "$KZ"
tm_expect "q:quit" "list up"
tm_keys '?'
tm_expect "Keys" "? opens the help"
tm_expect "q:close" "help hints"
# It opens at the tab's own keys: from the top, page through and collect
# every screen; each line of `kizuna keys` must show.
tm_keys g
tm_expect "Lists" "g goes to the top of the help"
seen=$(tm_screen)
i=0
while [ $i -lt 24 ]; do
	tm_keys PageDown
	sleep 0.3
	seen="$seen
$(tm_screen)"
	i=$((i + 1))
done
printf '%s\n' "$keys" | while IFS= read -r line; do
	[ -z "$line" ] && continue
	case "$seen" in *"$line"*) ;; *) echo "help lacks: $line"; exit 1 ;; esac
done && ok || bad "the help screen does not show every line of kizuna keys"
tm_keys g
tm_expect "1-" "g goes back to the top"
tm_keys q
tm_expect "q:quit" "q closes the help"

# F1 from inside a form shows the same table.
tm_keys a
tm_expect "Add a specialist" "form"
tm_keys F1
tm_expect "Keys" "F1 opens the help from the form"
tm_keys Escape
tm_expect "Add a specialist" "Esc returns to the form"
tm_keys Escape
tm_expect "q:quit" "back to the list"
tm_keys q
tm_exited 0 "quit"
tm_asan_clean "help"
finish
