# place_ja.sh - a Japanese-language office reads the demo's Chinese places
# in Japanese forms (黒竜江省, 哈爾浜市, 瀋陽市), in every list that shows
# them and on the timeline; a Chinese-language office reads them as typed,
# and files keep what was typed.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
JA=$KZ_TESTS/../config/tokyo.yaml
ZH=$KZ_TESTS/../config/beijing.yaml
j() { run -c "$JA" -d "$T/tyo.db" "$@"; }
z() { run -c "$ZH" -d "$T/bj.db" "$@"; }

j demo
expect_rc 0 "head office's demo (Japanese)"
z demo
expect_rc 0 "Beijing's demo (Chinese)"

j request list --limit 400
expect_rc 0 "requests in Japanese"
expect_in "$out" "黒竜江省 哈爾浜市" "a host province and city in Japanese forms"
expect_in "$out" "開封市" "Kaifeng as Japanese writes it"
for zh in 黑龙江 哈尔滨 开封市 郑州市 辽宁省 大连市; do
	expect_not_in "$out" "$zh" "no simplified $zh on a Japanese list"
done
j dispatch list --limit 400
expect_in "$out" "鄭州市" "dispatches' hosts in Japanese forms"
expect_not_in "$out" "郑州市" "no simplified 郑州市 among dispatches"
j seminar list
expect_in "$out" "瀋陽市 (遼寧省)" "a seminar's place in Japanese forms"
expect_not_in "$out" "沈阳市" "no simplified 沈阳市 among seminars"
j friendship list --limit 400
expect_not_in "$out" "黑龙江省" "friendship regions in Japanese forms"
expect_in "$out" "黒竜江省" "friendship regions: 黒竜江省"
j timeline --from 2019-09-01 --to 2019-09-30
expect_in "$out" "開封市" "the timeline's host in Japanese forms"

# files keep the names as typed
j request list --format csv --limit 400
expect_in "$out" "哈尔滨市" "CSV keeps what was typed"

# a Chinese-language office reads them as typed
z request list --limit 200
expect_in "$out" "黑龙江省 哈尔滨市" "simplified on a Chinese list"
expect_not_in "$out" "黒竜江省" "no Japanese forms on a Chinese list"
finish
