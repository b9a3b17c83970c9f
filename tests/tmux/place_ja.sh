# place_ja.sh - head office in Japanese at 80x24 on its demo: the Requests
# tab shows the Beijing office's Chinese hosts in Japanese forms (蘇州市,
# 青島市), not as the host typed them (苏州市, 青岛市). Every office's
# casework is there, the newest first: Beijing's are searched for (in
# the simplified forms the host typed).
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config/tokyo.yaml

tm_start "$KZ -c $conf --demo"
tm_expect "専門家" "the register opens" 30
tm_keys Tab
tm_expect "受付日" "the Requests tab"
tm_keys /
tm_type "苏州"
tm_keys Enter
tm_expect "蘇州市" "Suzhou as Japanese writes it"
# the list's rows (the detail below shows the fields as typed)
s=$(tm_screen | sed -n 4,13p)
expect_not_in "$s" "苏州市" "no simplified 苏州市 in the Japanese list"
tm_keys /
tm_keys C-u
tm_type "青岛"
tm_keys Enter
tm_expect "青島市" "Qingdao as Japanese writes it"
s=$(tm_screen | sed -n 4,13p)
expect_not_in "$s" "青岛市" "no simplified 青岛市 in the Japanese list"
tm_keys q
tm_exited 0 "quits"
tm_asan_clean "the Requests tab in Japanese"
finish
