# state_date.sh - the dispatch state form asks the day it happened, with
# today (where the office is) filled in; a day that cannot be is refused
# in the form, an odd one is made with a warning on the status line.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
export KIZUNA_TODAY=2019-09-20

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--fields "agriculture::20" --langs zh:business
expect_rc 0 "seed Sato"; sato=$out
run $C request add --country CN --province 河南省 --received 2019-05-20 \
	--fields agriculture --topic vegetables --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-16 --to 2019-09-23
expect_rc 0 "seed a dispatch"; d=$out
run $C dispatch state "$d" signed --date 2019-09-01 --ref BJS-2019-01
expect_rc 0 "signed on the command line"

tm_start "KIZUNA_TODAY=2019-09-20 NO_COLOR=1 $KZ $C"
tm_expect "1 specialist" "the screens start"
tm_keys Tab Tab
tm_expect "2019-09-16..09-23" "the dispatch is listed"
tm_keys s
tm_expect "Date" "the state form asks the day"
tm_expect "2019-09-20" "today is filled in"
tm_keys u
tm_expect "[x] under way" "u picks under way"
tm_keys Down
tm_expect "The day it happened" "the hint says what the day is"
tm_keys C-u
tm_type 2019-09-10
tm_keys F2
tm_expect "is planned for 2019-09-16..2019-09-23" "a day before the period is refused on screen"
s=$(tm_screen)
expect_not_in "$s" "is now under way" "nothing changed"
tm_keys C-u
tm_type 2019-09-17
tm_keys F2
tm_expect "is now under way" "the change is made"
tm_expect "warning" "an odd day warns on the status line"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "state_date"

run $C dispatch show "$d" --format json
expect_in "$out" "\"date\": \"2019-09-17\"" "the day typed is kept"
finish
