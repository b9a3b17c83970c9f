# config_lang.sh - the office configuration drives the screens: Beijing shows
# Chinese, Singapore English; NO_COLOR and monochrome terminals work.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config

# Each run gets a fresh tmux server: the last one's session lingers.
restart() {
	restarts=$((${restarts:-0} + 1))
	tm_new_server "$restarts"
	tm_start "$@"
}

# SGR colour parameters (30-49, 90-107, not the 39/49 resets) on the screen.
colours() {
	tmux -L "$TMUX_SOCK" capture-pane -e -p -t t |
		grep -o "$(printf '\033')\[[0-9;]*m" | tr -d 'm[' | tr -d "$(printf '\033')" |
		tr ';' '\n' | grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' | head -n 1
}

# A database belongs to one office: each office here has its own.
BJ=$(office_db "$conf/beijing.yaml") SG=$(office_db "$conf/singapore.yaml")
for c in beijing singapore; do
	run_as "$conf/$c.yaml" specialist add --name 王建国 --roman "Wang Jianguo" \
		--government 四川省 --fields "agriculture; 27" --unavailable "2026-12-01..2026-12-20 surgery"
	expect_rc 0 "seed under the $c config"
done
run_as "$conf/beijing.yaml" specialist list --format csv
case "$out" in *BJS-*) ok ;; *) bad "the Beijing id does not carry the office: $out" ;; esac

tm_start "$KZ -c $conf/beijing.yaml -d $BJ"
tm_expect "北京事务所 [BJS]" "title: office name and id from the config"
tm_expect "zh_CN" "title: UI language"
tm_expect "农业" "field names in Chinese"
tm_expect "2026年12月01日" "dates in the office's format"
po=$KZ_TESTS/../tui/po/zh_CN.po
zh=$(awk '/^msgid "Specialists"$/ { getline; sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }' "$po")
if [ -n "$zh" ]; then
	tm_expect "$zh" "tab label from the zh_CN catalogue"
else
	bad "no translation of \"Specialists\" in $po"
fi
tm_keys q
tm_exited 0 "quit (Beijing)"

restart "$KZ -c $conf/singapore.yaml -d $SG"
name=$(sed -n 's/^  name: *//p' "$conf/singapore.yaml" | head -n 1 | tr -d '"')
tm_expect "$name" "title: Singapore office name"
tm_expect "Specialists" "English tab label"
tm_expect "agriculture" "field names in English"
tm_expect "serving" "status in English"
[ -n "$(colours)" ] && ok || bad "no colour with NO_COLOR unset on xterm-256color"
tm_keys q
tm_exited 0 "quit (Singapore)"

restart "env NO_COLOR=1 $KZ -c $conf/singapore.yaml -d $SG"
tm_expect "Wang Jianguo" "list under NO_COLOR"
c=$(colours)
expect_eq "$c" "" "no colour codes under NO_COLOR"
tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | grep -q "$(printf '\033')\[[0-9;]*7[;m]" &&
	ok || bad "selection is not in reverse video under NO_COLOR"
tm_keys j
tm_keys q
tm_exited 0 "quit (NO_COLOR)"

TM_TERM=vt100 restart "$KZ -c $conf/singapore.yaml -d $SG"
tm_expect "Wang Jianguo" "list on a monochrome vt100"
expect_eq "$(colours)" "" "no colour on vt100"
tm_keys /
tm_type 建国
tm_expect "1 of 1 specialist" "search on vt100"
tm_keys Escape q
tm_exited 0 "quit (vt100)"
tm_asan_clean "config_lang"
finish
