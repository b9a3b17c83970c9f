# input_errors.sh - every problem of the input at once, each stating the
# rule it broke; a table printed to a pipe holds whole values; --skip-bad
# keeps the good rows before a quote that is never closed.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
cd "$T" || exit 1

# a bad field, a bad period and a bad level: all three said
run $C specialist add --name 甲 --roman Ko --government G --fields "nosuch::2" \
	--unavailable "2019-13-45..2019-14-01" --langs zh:bogus
expect_rc 1 "three bad options"
expect_in "$err" '"bogus" is not a level' "the level"
expect_in "$err" 'unknown field of expertise "nosuch"' "the field, too"
expect_in "$err" '"2019-13-45" is not a date' "the period, too"
run $C specialist list --format csv
expect_not_in "$out" "Ko" "nothing was written"
# the same for a request
run $C request add --country CN --province 河南省 --fields nosuch --topic t \
	--from 2019-10-01 --to 2019-10-08 --language zh --mode bogus
expect_rc 1 "a request with two bad options"
expect_in "$err" "mode" "the mode"
expect_in "$err" "nosuch" "and the field"

# a delete that cannot happen says why, before any question
run $C specialist add --name 丙 --roman Hei --government G --fields agriculture
expect_rc 0 "a specialist"; hei=$out
run $C request add --country CN --province 河南省 --fields agriculture --topic t \
	--from 2019-10-01 --to 2019-10-08 --language zh
expect_rc 0 "a request"; rq=$out
run $C dispatch add --request "$rq" --specialist "$hei" --from 2019-10-01 --to 2019-10-08
expect_rc 0 "a dispatch"
run $C request rm "$rq"
expect_rc 1 "a request with a dispatch is not deleted"
expect_in "$err" "withdraw the request instead" "why, first"
expect_not_in "$err" "without --yes" "not the question's refusal"

# the phone rule as it is
run $C specialist add --name 甲 --roman Ko --government G --phone 123
expect_rc 1 "a phone number of three digits"
expect_in "$err" 'phone number "123" has 3 digits: it needs at least 4' "the rule broken"
expect_not_in "$err" "may hold only" "not another rule"
run $C specialist add --name 甲 --roman Ko --government G --phone "12a45"
expect_in "$err" "may hold only digits" "a letter breaks the other rule"

# a table to a pipe: whole values
long="Agricultural Technology Extension Centre of the Prefecture, Division of Vegetables"
run $C specialist add --name 乙 --roman "Otsu Taro" --government "$long"
expect_rc 0 "a long government"
run $C specialist list
expect_in "$out" "$long" "piped, the table prints the whole value"
expect_not_in "$out" "~" "and cuts nothing"

# an import row with two bad columns: both, each named as its column
printf 'name,name_roman,government,status,unavailable\nA,Aa,G,bogus,2019-13-45..2019-14-01\n' > two.csv
run $C import specialists two.csv
expect_rc 1 "a row with two bad columns"
expect_in "$err$out" "two.csv:2: status:" "the status column"
expect_in "$err$out" "two.csv:2: unavailable:" "the unavailable column, by its name"
expect_not_in "$err$out" "unavail:" "not a name of its own"

# --skip-bad and a quote never closed: the good rows before it go in
printf 'name,name_roman,government\nA,Aa,G\n"B,Bb,G\nC,Cc,G\n' > cut.csv
run $C import specialists cut.csv
expect_rc 1 "without --skip-bad nothing goes in"
expect_in "$err" "never closed" "and the quote is named"
run $C import specialists cut.csv --skip-bad
expect_rc 0 "with --skip-bad"
expect_in "$out$err" "the rest of the file was skipped" "what was lost is said"
run $C specialist list --format csv
expect_in "$out" ",Aa," "the good row before it is imported"
finish
