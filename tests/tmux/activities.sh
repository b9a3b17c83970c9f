# activities.sh - the Activities tab at 80x24, in Chinese (Beijing) and in
# French (Paris), on records added with the commands: the tab bar and the
# bar of kinds whole, switching kinds (] [ and digits), search, the year
# filter, a record added through the form after a refused date shown
# under its field, edited, deleted after the question, and put back by u.
. "$KZ_TESTS/lib.sh"
conf=$(cd "$KZ_TESTS/.." && pwd)/config
cd "$T" || exit 1

row() { tm_screen | sed -n "$1p"; }
# whole LINE DESC: the line is there and nothing in it is cut ("~").
whole() {
	case $1 in
	*"~"*) bad "$2: cut: '$1'" ;;
	"") bad "$2: empty" ;;
	*) ok ;;
	esac
}

# ---- Beijing, in Chinese ----
bj=$conf/beijing.yaml
db=$(office_db "$bj")
run -c "$bj" -d "$db" support add --start 2019-08-31 --government 京都府 \
	--kind venue --place 北京 --partner 北京市文旅局
expect_rc 0 "a support case of 2019"
run -c "$bj" -d "$db" support add --start 2020-06-01 --government 大阪府 \
	--kind liaison
expect_rc 0 "a support case of 2020"
run -c "$bj" -d "$db" research add --government 北海道 --topic 河北省乳业市场 \
	--requested 2019-07-01
expect_rc 0 "a research project"
run -c "$bj" -d "$db" friendship add --japanese 京都府 --partner 陕西省 \
	--signed 1983-07-01
expect_rc 0 "a friendship link"

tm_start "$KZ -c $bj -d $db"
tm_expect "专家" "the frame is up"
# the Activities tab: two Shift-Tabs from the first (Reports is last)
tm_keys BTab BTab
tm_expect "1 活动协助" "the bar of kinds, numbered"
bar=$(row 2)
whole "$bar" "the tab bar"
expect_in "$bar" "活动" "the tab bar names Activities in Chinese"
kinds=$(row 3)
whole "$kinds" "the bar of kinds"
for k in 活动协助 委托调研 宣传 JET 友好城市 代表处 访问团; do
	expect_in "$kinds" "$k" "the bar names $k"
done
tm_expect "2 条活动协助" "the title counts the kind's records"
tm_expect "大阪府" "the support cases listed"
tm_expect "京都府" "both of them"
s=$(tm_screen)
expect_in "$s" "日本地方政府" "the detail's labels in Chinese"
expect_in "$s" "]:类型" "the kind key among the hints"
expect_in "$s" "y:年份" "the year key among the hints"

# switching kinds; each keeps the record selected
tm_keys Down
tm_expect_re "^>.*京都府" "Down selects the second record"
tm_keys ']'
tm_expect "河北省乳业市场" "] shows the research projects"
tm_expect_gone "大阪府" "and not the support cases"
# a full-width digit (an input method left on) as its digit
tm_type "５"
tm_expect "陕西省" "５ shows the friendship links"
tm_keys '['
tm_expect "JET" "[ goes back a kind"
tm_expect "尚无记录：按 a 添加。" "an empty kind says so"
tm_keys 1
tm_expect "大阪府" "1 goes back to support"
tm_expect_re "^>.*京都府" "with the record selected that was"
tm_keys Up

# search as you type, then cleared
tm_keys /
tm_type "京都"
tm_expect_gone "大阪府" "the search leaves out the other"
tm_keys Enter
tm_expect "1/2 条活动协助" "the title counts what the search shows"
tm_keys Escape
tm_expect "大阪府" "Esc shows every record again"

# sorting by the list's columns: > to the next, I reversed
tm_keys '>'
tm_expect "ID ^" "> sorts by the first column"
tm_keys '>'
tm_expect "日期 ^" "> again by the dates, marked"
first=$(tm_screen | grep -n "京都府" | head -n 1 | cut -d: -f1)
second=$(tm_screen | grep -n "大阪府" | head -n 1 | cut -d: -f1)
[ "$first" -lt "$second" ] && ok || bad "oldest first: 京都府 on $first, 大阪府 on $second"
tm_keys I
tm_expect "日期 v" "I reverses the order"
first=$(tm_screen | grep -n "京都府" | head -n 1 | cut -d: -f1)
second=$(tm_screen | grep -n "大阪府" | head -n 1 | cut -d: -f1)
[ "$first" -gt "$second" ] && ok || bad "newest first: 京都府 on $first, 大阪府 on $second"

# the year filter: a reporting year, a bad one, then all again
tm_keys y
tm_type 2020
tm_keys Enter
tm_expect "2020年度" "the year shown"
tm_expect_gone "京都府" "the year leaves out 2019's"
tm_expect "大阪府" "and keeps 2020's"
tm_keys y C-u
tm_type "20x9"
tm_keys Enter
tm_wait "大阪府" >/dev/null
s=$(tm_screen)
expect_in "$s" "20x9" "a bad year is refused, naming it"
tm_keys y C-u Enter
tm_expect "京都府" "an empty year shows every year"

# add: a bad date refused under its field with the missing government,
# then saved
tm_keys a
tm_expect "活动协助：新记录" "a opens the kind's form"
tm_type "2019-13-45"
tm_keys F2
tm_expect '! “2019-13-45”' "the bad date under its field"
tm_expect "日本地方政府为必填项" "and the missing government, all at once"
tm_keys Up Up Up Up Up Up Up Up
tm_keys C-u
tm_type "2019-09-10"
tm_keys Tab Tab
tm_type "兵库县"
tm_keys F2
tm_expect "已保存" "saved"
tm_expect "兵库县" "the new record listed"
tm_expect "3 条活动协助" "counted"

# edit the record selected (the new one)
tm_keys e
tm_expect "活动协助：编辑" "e opens the form on the record"
tm_keys Tab Tab
tm_keys C-u
tm_type "兵库县神户市"
tm_keys F2
tm_expect "兵库县神户市" "the edit shows"
tm_expect "兵库县 → 兵库县神户市" "the detail's history has the edit"

# changed by a script while its form is open: the save shows theirs
# beside mine, and saving after keeps both changes
id=$(tm_screen | sed -n 's/^>\(BJS-[0-9A-Z]*-[0-9A-Z]*\) .*/\1/p')
tm_keys e
tm_expect "活动协助：编辑 $id" "e again"
tm_keys Tab Tab Tab Tab
tm_keys C-u
tm_type "神户"
run -c "$bj" -d "$db" support edit "$id" --partner 神户市役所
expect_rc 0 "the script's edit"
tm_keys F2
tm_expect "t:对方" "the save shows the record changed meanwhile"
tm_expect "神户市役所" "with their value"
tm_keys F2
tm_expect "已保存" "saved over their change"
run -c "$bj" -d "$db" support show "$id" --format json
expect_in "$out" '"partner": "神户市役所"' "their partner kept"
expect_in "$out" '"place": "神户"' "my place kept"

# delete, asking first, then u puts it back
tm_keys d
tm_expect "删除活动协助" "d asks, naming the kind"
tm_expect "(y/n)" "a yes/no question"
tm_keys y
tm_expect "已删除" "deleted"
tm_expect_gone "兵库县神户市" "the row has gone"
tm_keys u
tm_expect "(y/n)" "u asks first"
tm_keys y
tm_expect "已撤销" "undone"
tm_expect "兵库县神户市" "the record is back"
run -c "$bj" -d "$db" support list --search 神户
expect_in "$out" "兵库县神户市" "the record is back in the database"

tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "Beijing"

# ---- Paris, in French ----
tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
sleep 0.3
pa=$conf/paris.yaml
db=$(office_db "$pa")
run -c "$pa" -d "$db" support add --start 2019-08-31 --government 京都府 \
	--kind venue --place Lyon
expect_rc 0 "a support case at Paris"
run -c "$pa" -d "$db" delegation add --start 2019-10-02 --who "Délégation de Nagano" \
	--direction received
expect_rc 0 "a delegation at Paris"

tm_start "$KZ -c $pa -d $db"
tm_expect "Experts" "the frame is up in French"
tm_keys BTab BTab
tm_expect "Appuis" "the Activities tab"
bar=$(row 2)
whole "$bar" "the tab bar, whole at 80 columns"
expect_in "$bar" "Actions" "the tab bar names Actions"
kinds=$(row 3)
whole "$kinds" "the bar of kinds, whole"
for k in Appuis Études Promotion JET Jumelages Bureaux Délégations; do
	expect_in "$kinds" "$k" "the bar names $k"
done
tm_expect "1 appui" "the title counts in French"
hints=$(row 24)
whole "$hints" "the key hints"
expect_in "$hints" "?:aide" "help among the hints"
tm_keys y
tm_expect "Année (2019 ou DU..AU) :" "the year question in French"
whole "$(row 24)" "the year question"
tm_keys Escape
tm_expect "?:aide" "Esc leaves the question"
tm_keys 7
tm_expect "Délégation de Nagano" "7 shows the delegations"
tm_keys a
tm_expect "Délégations : nouvelle fiche" "the form in French"
tm_keys F2
tm_expect "champ obligatoire" "a required field refused, named"
tm_keys Escape
tm_expect "Délégation de Nagano" "back to the list"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "Paris"

finish
