# screen_edges.sh - what a small or Chinese screen showed wrong: the active
# tab at 40 columns, J in the hints, a field after shrinking and growing,
# the year view's months in Chinese, names in rows never cut, "unknown".
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
sed 's/language: en/language: zh_CN/; s/^user: tester$//' "$FIX/dispatch/office.yaml" > "$T/zh.yaml"
Z="-c $T/zh.yaml"
export KIZUNA_TODAY=2019-09-01

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 --fields "agriculture::20"
expect_rc 0 "seed Sato"; sato=$out
run $C request add --country CN --province 河南省 --city 开封市 --fields agriculture --topic "vegetables" \
	--from 2019-10-01 --to 2019-10-08 --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-10-01 --to 2019-10-08
expect_rc 0 "seed a dispatch"

# 40x10: the active tab shows, however far along
TM_COLS=40 TM_ROWS=10 tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $C"
tm_expect "Romanised" "the screens start at 40x10"
tm_keys Tab Tab Tab Tab Tab
tm_wait "Seminars" 5
tabs=$(tm_screen | sed -n 2p)
expect_in "$tabs" "Seminars" "the active tab is on the tab row at 40 columns"
tm_keys q
tm_exited 0 "q quits"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
sleep 0.3

# 80x24: J in the hints; a row with both names where they fit
tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 USER= $KZ $C"
tm_expect "1 specialist" "the screens start"
tm_expect "Romanised" "the list"
# the record and its history fit a taller pane: no J there
tm_resize 80 40
tm_expect_gone "J:scroll" "no J hint when the record fits its pane"
tm_resize 80 24
tm_expect "J:scroll" "J again when the record runs below the pane"
# last, where coming and going it moves none of the other hints
tm_expect_re " q:quit J:scroll *$" "J is the last hint"
tm_keys Tab Tab
tm_expect "1 dispatch" "the dispatches tab"
tm_expect "J:scroll" "J is in the hints when the record runs below the pane"
row=$(tm_screen | grep '^>')
expect_not_in "$row" "~" "the name is not cut in the row"
expect_in "$row" "Ken'ichi Sato" "the romanised name in English"
# a form shrunk and grown back shows its field whole
tm_keys e
tm_expect "Edit dispatch" "the dispatch form"
tm_resize 20 6
sleep 0.5
tm_resize 80 24
tm_expect "Edit dispatch" "the form again at 80x24"
s=$(tm_screen)
expect_not_in "$s" "<BJS" "the field is shown from its start"
expect_in "$s" "$req" "the whole request id"
tm_keys Escape
tm_keys q
tm_exited 0 "q quits"
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
sleep 0.3

# Chinese: the year view's months say they are months; the name the
# reader reads when both do not fit; the user "unknown" (as older
# databases hold) translated
tm_start "env USER=unknown KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $Z"
tm_expect "专家" "the screens in Chinese"
tm_keys Tab Tab
tm_keys s
tm_type c
tm_keys Down Down Down
tm_type "test"
tm_keys F2
tm_expect "(y/n)" "cancelling asks"
tm_keys y
tm_expect "佐藤 健一" "the written name in the row"
tm_keys Enter J J J J J J J J
tm_expect "未知" "the user unknown in Chinese"
tm_keys Enter
tm_keys Tab
tm_keys -
tm_keys -
tm_expect "年（月）" "the year view says the numbers are months"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "screen_edges"
finish
