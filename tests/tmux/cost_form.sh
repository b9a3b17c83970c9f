# cost_form.sh - the cost form of a dispatch on the screens: c opens it, a
# bad amount is refused naming the field, a line is set in the host's
# currency and shows in the record, and a line is removed.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
export KIZUNA_TODAY=2019-09-01

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--status retired --fields "agriculture::20" --langs zh:business
expect_rc 0 "seed Sato"; sato=$out
run $C request add --country cn --province 河南省 --fields agriculture --topic vegetables \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-16 --to 2019-09-23
expect_rc 0 "seed a dispatch"; d=$out

tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $C"
tm_expect "1 specialist" "the screens start"
tm_keys Tab Tab
tm_expect "2019-09-16..09-23" "the dispatch is listed"
tm_keys c
tm_expect "Costs of dispatch $d" "c opens the cost form"
tm_type lodging; tm_keys Tab Tab Tab
tm_type 3500; tm_keys Tab
tm_type 12,x
tm_keys F2
tm_expect "is not an amount" "a bad amount is refused"
tm_expect "actual" "naming the field"
tm_keys C-u
tm_keys F2
tm_expect "Costs of $d saved." "F2 saves the line"
tm_expect "Costs (estimate / actual)" "the record shows the costs"
run $C dispatch cost "$d"
line=$(printf '%s\n' "$out" | grep '^lodging ')
expect_in "$line" "host         CNY       3,500.00  " "the line in the host's currency, no actual"
tm_keys c
tm_type meals; tm_keys Tab Right
tm_keys F2
tm_expect "meals is paid by the host under the rule" "another payer needs a note"
tm_keys Escape
tm_expect "Discard changes?" "Esc asks before dropping what was typed"
tm_keys y
tm_wait_gone "Costs of dispatch" || bad "Esc closes the cost form"
tm_keys c
tm_expect "Costs of dispatch $d" "c opens it again, empty"
tm_type lodging; tm_keys Tab Tab Tab Tab Tab Tab Right
tm_keys F2
tm_expect "Costs of $d saved." "the line is removed"
run $C dispatch cost "$d"
expect_not_in "$out" "lodging" "the line is gone"
expect_in "$out" "meals" "the others stay"
# u takes back the changes of cost lines too, the newest first
tm_keys u
tm_expect "Undo deleting lodging of $d" "u names the line removed"
tm_keys y
tm_expect "Undone:" "the removal is taken back"
run $C dispatch cost "$d"
line=$(printf '%s\n' "$out" | grep '^lodging ')
expect_in "$line" "3,500.00" "the line is back with its amount"
tm_keys c
tm_type lodging; tm_keys Tab Tab Tab
tm_type 4000
tm_keys F2
tm_expect "Costs of $d saved." "the line is changed"
run $C dispatch cost "$d"
expect_in "$out" "4,000.00" "to the new amount"
tm_keys u
tm_expect "Undo the edit of lodging of $d" "u names the line edited"
tm_expect "estimate" "and what changed"
tm_keys y
tm_expect "Undone:" "the edit is taken back"
run $C dispatch cost "$d"
line=$(printf '%s\n' "$out" | grep '^lodging ')
expect_in "$line" "3,500.00" "the amount from before"
tm_keys c
tm_type gifts; tm_keys Tab Right Tab Tab
tm_type 800
tm_keys F2
tm_expect "Costs of $d saved." "a line of the office's own"
run $C dispatch cost "$d"
expect_in "$out" "gifts" "is added"
tm_keys u
tm_expect "Undo adding gifts of $d" "u names the line added"
tm_keys y
tm_expect "Undone:" "the add is taken back"
run $C dispatch cost "$d"
expect_not_in "$out" "gifts" "the added line is gone"
expect_in "$out" "lodging" "the others stay"
tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "cost_form"
finish
