# final_steps.sh - a final step asks, naming the record; a delete that
# cannot happen says why before asking; a proposal selects the new
# dispatch; a prefilled field is replaced by typing; long messages wrap and C-p lists them; R, S and Enter jump between a dispatch, its request, its
# specialist and the timeline, and C-o comes back.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
export KIZUNA_TODAY=2019-09-01

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--fields "agriculture:vegetables:20" --langs zh:business
expect_rc 0 "seed Sato"
run $C specialist add --name "伊藤 誠" --roman "Makoto Ito" --government 宮城県 --fields "agriculture::2"
expect_rc 0 "seed Ito"; ito=$out
run $C request add --country CN --province 河南省 --city 开封市 --fields agriculture --topic "old one" \
	--from 2019-10-01 --to 2019-10-08 --language zh
expect_rc 0 "seed an old request"; old=$out
run $C dispatch add --request "$old" --specialist "$ito" --from 2019-10-01 --to 2019-10-08
expect_rc 0 "seed an old dispatch"; oldd=$out
run $C request add --country CN --province 四川省 --city 成都市 --fields agriculture --topic "new one" \
	--from 2019-11-01 --to 2019-11-08 --language zh
expect_rc 0 "seed a new request"

tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $C"
tm_expect "2 specialists" "the screens start"
# the dispatches tab first, its one dispatch selected
tm_keys Tab Tab
tm_expect "1 dispatch" "the dispatches tab"
tm_keys BTab
tm_expect "2 requests" "the requests tab"
tm_keys /; tm_type "new one"; tm_keys Enter
tm_keys m
tm_expect "can go" "m ranks the candidates"
tm_keys p
tm_expect "Propose a dispatch" "p opens the dispatch form"
tm_keys F2
tm_expect "Proposed: dispatch" "F2 proposes"
new=$(tm_screen | sed -n 's/.*Proposed: dispatch \([A-Z0-9-]*\)\..*/\1/p')
tm_keys Tab
tm_expect "2 dispatches" "back on the dispatches"
tm_keys s
tm_expect "Dispatch $new: proposed, to" "s is for the new dispatch, not the old selection"

# cancelling is final: it asks, naming the record
tm_type c; tm_keys Down
# a prefilled field: the first key typed replaces it, as elsewhere
tm_type 2019-09-01
tm_expect "2019-09-01" "the date typed"
s=$(tm_screen)
expect_not_in "$s" "2019-09-012019" "typing replaced the prefilled date"
tm_keys Down Down; tm_type "the host postponed"
tm_keys F2
tm_expect "Make dispatch $new (佐藤 健一) cancelled? It is final. (y/n)" "a final step asks"
tm_keys n
tm_expect "not saved" "no keeps the form"
tm_keys F2
tm_expect "It is final" "asked again"
tm_keys y
tm_expect "is now cancelled" "yes saves"

# a delete that cannot happen says so at once
tm_keys d
tm_expect "only a proposed dispatch can be deleted" "the refusal comes first"
tm_expect "cancel it with a reason instead" "a long message is wrapped, not cut"
s=$(tm_screen)
expect_not_in "$s" "(y/n)" "nothing is asked"
expect_not_in "$s" "id: dispatch" "no field name before the message"
# the messages so far, whole
tm_keys C-p
tm_expect "Messages" "C-p shows the messages"
tm_expect "Proposed: dispatch $new." "with the earlier ones"
tm_keys q
tm_expect "2 dispatches" "q closes them"

# jumps: R to the request, C-o back, S to the specialist
tm_keys R
tm_expect "2 requests" "R goes to the requests tab"
tm_expect_re "^>.*new one" "with the dispatch's request selected"
tm_keys d
tm_expect "dispatch, which is kept as history" "a request with a dispatch: no question"
s=$(tm_screen)
expect_not_in "$s" "(y/n)" "nothing is asked for the request"
tm_keys C-o
tm_expect "2 dispatches" "C-o goes back"
tm_keys S
tm_expect "2 specialists" "S goes to the specialists"
tm_expect_re "^>.*Sato" "with the dispatch's specialist selected"
tm_keys C-o
tm_expect "2 dispatches" "C-o goes back again"
tm_keys k
tm_keys Tab
tm_expect "month zoom" "the timeline"
tm_keys Enter
tm_expect "2 dispatches" "Enter on a timeline row goes to its dispatch"

tm_keys q
tm_exited 0 "q quits"
tm_asan_clean "final_steps"
run $C dispatch list --format csv
expect_in "$out" "cancelled" "the cancel was saved"
finish
