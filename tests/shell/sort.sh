# sort.sh - the register lists by family name whatever order the romanised
# name is written in, and every list takes --sort COLUMN[,-COLUMN].
. "$KZ_TESTS/lib.sh"

C="-c $FIX/dispatch/office.yaml -d $T/k.db"
add() {	# add NAME ROMAN [STATUS]
	run $C specialist add --name "$1" --roman "$2" --government 島根県 \
		--status "${3:-serving}" --fields agriculture
	expect_rc 0 "add $2"
}
add "佐藤 明" "Akira Sato"
add "王 小明" "Wang Xiaoming" retired
add "阿部 健一" "ABE Ken'ichi"
add "鈴木 明" "Akira Suzuki" retired
add "伊藤 健一" "Ken'ichi Itō"

# the romanised names of a CSV list, a line each
names() { printf '%s\n' "$out" | tail -n +2 | cut -d, -f3 | tr '\n' '|'; }

run $C specialist list --format csv
expect_rc 0 "specialist list"
expect_eq "$(names)" "ABE Ken'ichi|Ken'ichi Itō|Akira Sato|Akira Suzuki|Wang Xiaoming|" \
	"by family name, not every Akira first"
run $C specialist list --format csv --sort name
expect_eq "$(names)" "ABE Ken'ichi|Ken'ichi Itō|Akira Sato|Akira Suzuki|Wang Xiaoming|" \
	"--sort name: by family name"
run $C specialist list --format csv --sort -name
expect_eq "$(names)" "Wang Xiaoming|Akira Suzuki|Akira Sato|Ken'ichi Itō|ABE Ken'ichi|" \
	"--sort -name: the reverse"
run $C specialist list --format csv --sort name_roman
expect_eq "$(names)" "ABE Ken'ichi|Akira Sato|Akira Suzuki|Ken'ichi Itō|Wang Xiaoming|" \
	"--sort name_roman: as written"
run $C specialist list --format csv --sort status,-name
expect_eq "$(names)" "Wang Xiaoming|Akira Suzuki|Akira Sato|Ken'ichi Itō|ABE Ken'ichi|" \
	"--sort status,-name: retired first, each by family name backwards"
run $C specialist list --sort=-name --status serving
expect_rc 0 "--sort with a filter, in the table"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | grep -c 'Akira Sato')" 1 "the table is sorted too"
run $C search akira --format csv --sort -name
expect_eq "$(names)" "Akira Suzuki|Akira Sato|" "search takes --sort"

# a column the list has not: a clear error naming the option, nothing printed
run $C specialist list --sort bogus
expect_rc 1 "--sort bogus fails"
expect_in "$err" "--sort: \"bogus\" is not a column to sort by" "the error names --sort and the column"
expect_in "$err" "name_roman" "and says which columns sort"
expect_eq "$out" "" "nothing listed"
run $C specialist list --sort
expect_rc 2 "--sort without a column is a usage error"
run $C specialist list --help
expect_in "$out" "--sort COLUMN[,-COLUMN]" "--help shows --sort"
grep -q 'Fl -sort Ar column' "$KZ_TESTS/../man/kizuna.1" && ok || bad "kizuna(1) shows --sort"

# the other lists share it
run $C request add --country CN --province 四川省 --topic "greenhouses" --received 2026-01-05 --fields agriculture
expect_rc 0 "a request"
run $C request add --country CN --province 江苏省 --topic "rivers" --received 2026-03-01 --fields agriculture
run $C request list --format csv --sort received
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" "2026-01-05 2026-03-01 " "request list --sort received: oldest first"
run $C request list --format csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" "2026-03-01 2026-01-05 " "request list: newest first, as before"
run $C request list --sort topic,bogus
expect_rc 1 "request list --sort bogus fails"
expect_in "$err" "--sort: \"bogus\"" "and names the option"
run $C dispatch list --sort -who
expect_rc 0 "dispatch list --sort -who"
finish
