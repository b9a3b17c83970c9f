# remote_keys.sh - keys as remote shells and other terminals send them:
# PuTTY's and rxvt's Home and End (ESC [1~ [4~ [7~ [8~) move the cursor
# in a form field and in a list, a sequence nobody knows neither types
# text nor acts as Esc, Shift-Tab under TERM=vt100 (ESC [Z) goes back a
# field instead of asking to discard the form, and ESCDELAY from the
# environment is how long an Esc waits for the rest of a sequence.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/tokyo.yaml" > "$T/head.yaml"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
run -c "$T/head.yaml" -d "$T/demo.db" demo
expect_rc 0 "demo data"
# the list's first and last rows, as the screen sorts them (by name)
"$KZ" -c "$T/head.yaml" -d "$T/demo.db" specialist list --format csv > "$T/list.csv"
first=$(sed -n 2p "$T/list.csv" | cut -d, -f2)
last=$(tail -n 1 "$T/list.csv" | cut -d, -f2)
# raw HEX...: bytes as the terminal sends them, not as tmux names keys
raw() { tmux -L "$TMUX_SOCK" send-keys -t t -H "$@"; }
# the form's Name line holds exactly TEXT
name_is() { tm_until 10 grep -qE -- "^>Name\* +$1\$"; }
expect_name() {
	if name_is "$1"; then ok; else bad "$2: the name is not '$1':"; tm_screen; fi
}

tm_start "$KZ -c $T/head.yaml -d $T/demo.db"
tm_expect "1168 specialists" "the register"
tm_expect_re "^>$first " "the first row selected"
# in a list: End and Home as PuTTY (ESC [4~ ESC [1~) and rxvt
# (ESC [8~ ESC [7~) send them
raw 1b 5b 34 7e
tm_expect_re "^>$last " "PuTTY's End: the last row"
raw 1b 5b 31 7e
tm_expect_re "^>$first " "PuTTY's Home: the first row"
raw 1b 5b 38 7e
tm_expect_re "^>$last " "rxvt's End: the last row"
raw 1b 5b 37 7e
tm_expect_re "^>$first " "rxvt's Home: the first row"

# in a form field
tm_keys a
tm_expect "Add a specialist" "the form"
tm_type "abc"
expect_name "abc" "typed"
raw 1b 5b 31 7e
tm_type "X"
expect_name "Xabc" "PuTTY's Home: to the start of the field"
raw 1b 5b 34 7e
tm_type "Y"
expect_name "XabcY" "PuTTY's End: to the end of the field"
raw 1b 5b 37 7e
tm_type "Z"
expect_name "ZXabcY" "rxvt's Home"
raw 1b 5b 38 7e
tm_type "W"
expect_name "ZXabcYW" "rxvt's End"
# sequences no terminal description here has: read whole and dropped
raw 1b 5b 39 39 7e
raw 1b 5b 31 3b 35 57
raw 1b 4f 7a
tm_type "V"
expect_name "ZXabcYWV" "unknown sequences type nothing"
s=$(tm_screen)
expect_not_in "$s" "Discard" "an unknown sequence is not Esc"
# Esc alone is still Esc
tm_keys Escape
tm_expect "Discard changes?" "Esc asks before discarding"
tm_type y
tm_expect "1168 specialists" "back to the list"
tm_type q
tm_exited 0 "q quits"

# TERM=vt100 has no Shift-Tab; xterm sends ESC [ Z for it
tm_new_server vt100
TM_TERM=vt100 tm_start "$KZ -c $T/head.yaml -d $T/demo.db"
tm_expect "1168 specialists" "the register under vt100"
tm_keys a
tm_expect "Add a specialist" "the form under vt100"
tm_type "abc"
tm_keys Tab
tm_expect_re "^>Romanised name" "Tab: the next field"
raw 1b 5b 5a
tm_expect_re "^>Name\*" "Shift-Tab under vt100: the previous field"
s=$(tm_screen)
expect_not_in "$s" "Discard" "Shift-Tab does not ask to discard"
raw 1b 5b 31 7e
tm_type "X"
expect_name "Xabc" "PuTTY's Home under vt100"
tm_keys Escape
tm_expect "Discard changes?" "Esc under vt100"
tm_type y
tm_type q
tm_exited 0 "q quits under vt100"

# ESCDELAY: an Esc waits that long for the rest of its sequence (a slow
# line may split ESC from "[1~"); unset, kizuna waits 25 ms
tm_new_server escdelay
tm_start "ESCDELAY=6000 $KZ -c $T/head.yaml -d $T/demo.db"
tm_expect "1168 specialists" "the register with ESCDELAY"
tm_keys a
tm_expect "Add a specialist" "the form with ESCDELAY"
tm_type "abc"
expect_name "abc" "typed with ESCDELAY"
raw 1b
sleep 0.5
raw 5b 31 7e
tm_type "X"
expect_name "Xabc" "ESCDELAY=6000: ESC, half a second, [1~ is Home"
s=$(tm_screen)
expect_not_in "$s" "Discard" "and not Esc"
tm_new_server plain
tm_start "$KZ -c $T/head.yaml -d $T/demo.db"
tm_expect "1168 specialists" "the register again"
tm_keys a
tm_expect "Add a specialist" "the form again"
tm_type "abc"
expect_name "abc" "typed again"
raw 1b
sleep 0.5
tm_expect "Discard changes?" "without ESCDELAY an Esc is Esc after 25 ms"
tm_asan_clean "remote keys"
finish
