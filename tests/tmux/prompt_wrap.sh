# prompt_wrap.sh - a question on the status line that is wider than the
# terminal (undo, delete) is wrapped over the rows above it, never cut, in
# every language at 80x24; answered, the rows it covered come back.
. "$KZ_TESTS/lib.sh"
NAME=佐藤健一郎太郎左衛門乃助之丞右衛門兵衛大夫守介頭正亮輔允
ROMAN="Ken'ichiro Taro Saemon Nosuke Nojo Uemon Hyoe Sato"

# bottom N: the screen's last N rows joined, wrapped text whole again
bottom() { tm_screen | tail -n "$1" | tr -d '\n'; }
# whole TEXT DESC: TEXT has the question whole: the record's name, then
# the question's own end (?, ？, a full stop), then the keys, nothing cut
# (~); a space where a row broke is gone from the joined rows
whole() {
	if printf '%s\n' "$1" | grep -qE -- "$NAME[^~]*[?？.。] ?\(y/n\)\$"; then ok
	else bad "$2 is cut or missing: $1"; tm_screen; fi
}

for conf in london beijing tokyo seoul paris; do
	C="-c $KZ_TESTS/../config/$conf.yaml -d $T/$conf.db"
	tm_start "NO_COLOR=1 $KZ $C"
	tm_expect_re "^ *kizuna" "$conf: the screens start"
	tm_keys a
	tm_expect_re "^>[^ ]+\*" "$conf: a opens the form at its first field"
	tm_type "$NAME"
	tm_keys Tab
	tm_type "$ROMAN"
	tm_keys Tab
	tm_type "島根県"
	tm_keys F2
	tm_expect_re "^>佐藤健一郎" "$conf: added"
	tm_keys u
	tm_expect_re "\(y/n\)" "$conf: u asks"
	b=$(bottom 4)
	whole "$b" "$conf: the undo question"
	tm_keys n
	tm_wait_gone "(y/n)"
	tm_expect_gone "$NAME$NAME" "$conf: no question left"
	b=$(bottom 5)
	expect_not_in "$b" "(y/n)" "$conf: the rows the question covered are drawn again"
	# the delete question, as long
	tm_keys d
	tm_expect_re "\(y/n\)" "$conf: d asks"
	b=$(bottom 4)
	whole "$b" "$conf: the delete question"
	tm_keys n
	tm_wait_gone "(y/n)"
	tm_keys q
	tm_exited 0 "$conf: q quits"
	tm_new_server "$conf"
done
tm_asan_clean "no sanitizer report"
finish
