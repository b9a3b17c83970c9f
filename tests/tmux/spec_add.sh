# spec_add.sh - add a specialist with a Chinese name through the form, find it
# with a two-character Chinese search, check list row, detail pane and the CLI.
. "$KZ_TESTS/lib.sh"

# Display column where TEXT starts on LINE (capture-pane drops the padding
# cell after a wide character, so measure the prefix in display width).
col_of() {
	prefix=${1%%"$2"*}
	printf '%s\n' "$prefix" | wc -L
}

run specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--fields "agriculture:vegetables:30"
expect_rc 0 "seed Sato"
run specialist add --name 李明 --roman "Li Ming" --government 北京市 --fields education
expect_rc 0 "seed Li"

tm_start "$KZ"
tm_expect "Ken'ichi Sato" "the list shows a seeded specialist"
tm_expect "2 specialists" "the title counts specialists"
tm_expect "q:quit" "the status line shows key hints"

tm_keys a
tm_expect "Add a specialist" "a opens the form"
# CJK editing with the cursor: type 王国, go left, insert 建.
tm_type 王国
tm_keys Left
tm_type 建
tm_keys Tab
tm_type "Wang Jianguo"
tm_keys Tab
tm_type 四川省
tm_keys Tab
tm_type "农业农村厅 处长"
tm_keys Tab Tab
tm_type "agriculture:facility horticulture:12"
tm_expect "1 agriculture" "the form names the field being typed"
tm_keys Tab
tm_type "zh:native, en:business"
tm_keys Tab Tab
tm_type "wang@example.org"
tm_expect "wang@example.org" "typed e-mail shows"
s=$(tm_screen)
expect_in "$s" "王建国" "cursor insertion between CJK characters"
tm_keys F2
tm_expect "Saved 王建国" "F2 saves and says so"
tm_expect "3 specialists" "the count goes up"

tm_keys /
tm_type 建国
tm_expect "1 of 3 specialists" "a two-character Chinese term finds it"
tm_expect "/建国" "the status line shows the search being typed"
tm_keys Enter
tm_expect "[/建国]" "Enter keeps the filter, shown on the status line"

s=$(tm_screen)
row=$(printf '%s\n' "$s" | grep '^>王建国')
expect_in "$row" "Wang Jianguo" "list row: romanised name"
expect_in "$row" "四川省" "list row: government"
expect_in "$row" "serving" "list row: status"
expect_in "$row" "agriculture" "list row: fields"
expect_not_in "$s" "Ken'ichi Sato" "the filter hides the others"
head=$(printf '%s\n' "$s" | grep 'Romanised' | head -n 1)
expect_eq "$(col_of "$row" "Wang Jianguo")" "$(col_of "$head" "Romanised")" \
	"romanised column lines up after a CJK name"
expect_eq "$(col_of "$row" "四川省")" "$(col_of "$head" "Government")" \
	"government column lines up"
expect_eq "$(col_of "$row" "serving")" "$(col_of "$head" "Status")" \
	"status column lines up after CJK text"

expect_in "$s" "王建国 (Wang Jianguo)" "detail: both names"
expect_in "$s" "1 agriculture: facility horticulture, 12 years" "detail: field, note, years"
expect_in "$s" "English business, Chinese native" "detail: languages named"
expect_in "$s" "农业农村厅 处长" "detail: post"
expect_in "$s" "wang@example.org" "detail: contact"
expect_in "$s" "Created" "detail: stamps"

tm_keys Escape
tm_expect "Ken'ichi Sato" "Esc clears the filter"
tm_expect "3 specialists" "count without the filter"

tm_keys q
tm_exited 0 "q quits with status 0"

run specialist list
expect_rc 0 "CLI list"
expect_in "$out" "王建国" "the CLI sees the record from the screens"
expect_in "$out" "Wang Jianguo" "CLI: romanised name"
run search 建国
expect_in "$out" "Wang Jianguo" "CLI search finds it too"
tm_asan_clean "spec_add"
finish
