# choice_letters.sh - a choice field's hint in Japanese names each first
# letter once and says "頭文字" once, though two states start with the
# same letters (agreement drafted, agreement signed: a/協); the letter
# goes through the choices it starts, round.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config
C="-c $conf/tokyo.yaml -d $T/t.db"
sp=$("$KZ" $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" \
	--government 島根県 --fields agriculture)
rq=$("$KZ" $C request add --country cn --province 河南省 --city 开封市 \
	--department 农业农村局 --received 2019-05-20 --fields agriculture \
	--topic vegetables --from 2019-09-16 --to 2019-09-23 --language zh \
	--interpreting none)
"$KZ" $C dispatch add --request "$rq" --specialist "$sp" --from 2019-09-16 \
	--to 2019-09-23 >/dev/null
expect_eq "$?" 0 "a proposed dispatch"

tm_start "$KZ $C"
tm_keys Tab Tab
tm_wait "候補提示"
tm_keys s
tm_expect ">新しい状態" "s opens the state form"
s=$(tm_screen)
expect_in "$s" "スペースキー、または頭文字 a/協 c/中、F4: 一覧" \
	"the hint names each letter once"
expect_eq "$(printf '%s\n' "$s" | grep -o 頭文字 | wc -l)" 1 "頭文字 once"
tm_keys c
tm_expect "[x] 中止" "c picks cancelled"
tm_keys a
tm_expect "[x] 協定書案作成" "a picks the first a"
tm_keys a
tm_expect "[x] 協定締結" "a again the next a"
tm_keys a
tm_expect "[x] 協定書案作成" "and round to the first"
tm_keys Escape
finish
