# cjk_keys.sh - an input method left on: full-width keys act as their
# ASCII keys in lists (ｊ moves, ？ opens the help), a Chinese character
# typed in a list starts a search, /岛根 finds the 島根 records (the
# search folds Japanese and traditional forms to simplified); the help
# opens at the current tab's own keys and is searched with / and n.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/tokyo.yaml" > "$T/head.yaml"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
run -c "$T/head.yaml" -d "$T/demo.db" demo
expect_rc 0 "demo data"
rows() { "$KZ" -c "$T/head.yaml" -d "$T/demo.db" "$@" --format csv | tail -n +2 | grep -c .; }
shimane=$(rows search 島根)
liaoning=$(rows request list --text 辽宁)
requests=$(rows request list)
oita=$(rows trainee list --search 大分县)
trainees=$(rows trainee list)

tm_start "$KZ -c $T/head.yaml -d $T/demo.db"
tm_expect "1168 specialists" "the register"
# ｊ (U+FF4A) moves down as j does: the second row is selected
tm_expect_re "^>阿部 明" "the first row selected"
tm_type "ｊ"
tm_expect_re "^>阿部 大輔" "ｊ moves down"
tm_type "ｋ"
tm_expect_re "^>阿部 明" "ｋ moves up"

# /岛根 (simplified) finds the 島根 records, as many as `search 島根`
tm_type "/岛根"
tm_expect "$shimane of 1168 specialists" "/岛根 finds every 島根 record"
tm_expect_re "^>.*島根県" "a 島根 record listed"
tm_expect_gone "広島県" "no other prefecture"
tm_keys Escape
tm_expect "1168 specialists" "Esc clears the search"

# inside a search term a full-width letter is typed, not a key
tm_type "/ｊ"
tm_expect "/ｊ" "ｊ typed into the search term"
tm_keys Escape
tm_expect "1168 specialists" "cleared"

# a Chinese character typed in the list starts a search with it
tm_type "岛"
tm_expect "/岛" "岛 starts a search"
tm_type "根"
tm_expect "$shimane of 1168 specialists" "and is its first character"
tm_keys Escape
tm_expect "1168 specialists" "cleared"

# ？ on the requests tab opens the help at the requests' own keys
tm_keys Tab
tm_expect "Requests" "the requests tab"
tm_type "？"
tm_expect_re "^Requests \(besides the list keys\)" "the help opens at the tab's section"
tm_expect_gone "Lists" "not at the top"
# / searches the help as one types; n finds the next line
tm_type "/redraw"
tm_expect "/redraw" "the search prompt"
tm_expect_re "^  C-l +redraw the screen" "the first line holding redraw"
tm_keys Enter
top1=$(tm_screen | sed -n 1p)
tm_type "n"
tm_wait_gone "$top1" 5
top2=$(tm_screen | sed -n 1p)
[ "$top1" != "$top2" ] && ok || bad "n did not move to the next match: $top1"
tm_expect_re "^  C-l +redraw the screen" "n: the next line holding redraw"
tm_type "q"
tm_expect "Requests" "q closes the help"
tm_expect "$requests requests" "the requests tab, all of them"
# the requests' places are in Chinese: 遼寧 (traditional) finds 辽宁
tm_type "/遼寧"
tm_expect "$liaoning of $requests requests" "/遼寧 finds the 辽宁 requests"
tm_keys Escape
# and the trainees' hosts: 大分県 (Japanese) finds 大分县 (back past
# the Reports and Activities tabs)
tm_keys BTab BTab BTab BTab
tm_expect "$trainees placements" "the trainees tab"
tm_type "/大分県"
tm_expect "$oita of $trainees placements" "/大分県 finds 大分县"
tm_keys Escape
tm_type "ｑ"
tm_exited 0 "ｑ quits"
tm_asan_clean "cjk keys"
finish
