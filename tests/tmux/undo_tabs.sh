# undo_tabs.sh - u on the Requests, Dispatches and Seminars tabs: a request's edit taken back after y, a proposed dispatch's delete taken back, a request's status and a dispatch's state not taken back (u says s does it), a request's delete taken back, an edition's edit taken back, and u refused when a script changed the record since; a participant's and a programme item's delete taken back; an edition deleted with them is not.
. "$KZ_TESTS/lib.sh"
C="-c $FIX/dispatch/office.yaml"
export KIZUNA_TODAY=2019-09-01

run $C specialist add --name "伊藤 誠" --roman "Makoto Ito" --government 宮城県 --fields "agriculture::2"
expect_rc 0 "seed Ito"; ito=$out
run $C request add --country CN --province 河南省 --city 开封市 --fields agriculture --topic "vegetables" \
	--from 2019-10-01 --to 2019-10-08 --language zh
expect_rc 0 "seed a request"; req=$out
run $C dispatch add --request "$req" --specialist "$ito" --from 2019-10-01 --to 2019-10-08
expect_rc 0 "seed a proposed dispatch"; dsp=$out
run $C request add --country CN --province 四川省 --city 成都市 --fields agriculture --topic "rice" \
	--from 2019-11-01 --to 2019-11-08 --language zh
expect_rc 0 "seed a second request"; req2=$out
run $C series add --code sin-seminar --name "Exchange Seminar"
expect_rc 0 "seed a series"
run $C seminar add --series sin-seminar --year 2019 --title "First title" \
	--start 2019-12-15 --end 2019-12-21 --country JP
expect_rc 0 "seed an edition"; sem=$out
run $C programme add "$sem" --date 2019-12-16 --start 9:30 --end 11:00 \
	--city Tokyo --kind lecture --title "Local administration"
expect_rc 0 "seed an item"; item=$out
run $C participant add "$sem" --name 李华 --country CN
expect_rc 0 "seed a participant"; part=$out

tm_start "KIZUNA_TODAY=2019-09-01 NO_COLOR=1 $KZ $C"
tm_expect "1 specialist" "the screens start"

# Requests: an edit of the topic, taken back after y
tm_keys Tab
tm_expect "2 requests" "the requests tab"
tm_keys u
tm_expect "Nothing to undo." "nothing done on this tab yet"
tm_keys /; tm_type "vegetables"; tm_keys Enter
tm_keys e
tm_expect "Edit request $req" "e opens the form"
tm_keys Tab Tab Tab Tab Tab Tab
tm_keys C-u
tm_type "fruit"
tm_keys F2
tm_expect "Saved request $req" "saved"
run $C request show "$req"
expect_in "$out" "fruit" "the topic edited"
tm_keys u
tm_expect "Undo the edit of fruit ($req)" "u asks, naming the request"
s=$(tm_screen)
expect_in "$s" "topic" "the question names the field it puts back"
tm_keys y
tm_expect "Undone: fruit ($req)" "y takes the edit back"
run $C request show "$req"
expect_in "$out" "vegetables" "the old topic is back"
expect_not_in "$out" "fruit" "the edit is gone"

# a change of status is history: u says so and asks nothing
tm_keys Escape
tm_keys /; tm_type "rice"; tm_keys Enter
tm_keys s
tm_expect "Request $req2: received, to" "s opens the status form"
tm_keys F2
sleep 0.5
tm_screen | grep -qF "It is final" && tm_keys y
tm_expect "Request $req2 is now" "the status changed"
run $C request show "$req2"
status=$out
tm_keys u
tm_expect "change of state of rice ($req2)" "u says the last change was a change of status"
tm_expect "one (s)." "and that s takes it back"
s=$(tm_screen)
expect_not_in "$s" "(y/n)" "asking nothing"
run $C request show "$req2"
expect_eq "$out" "$status" "the status stays"
# a delete after it is taken back by u
tm_keys d
tm_expect "Delete request $req2 (rice)? (y/n)" "d asks"
tm_keys y
tm_expect "Deleted request $req2." "deleted"
tm_keys u
tm_expect "Undo deleting rice ($req2)" "u offers the request back"
tm_keys y
tm_expect "Undone: rice ($req2) is back." "back"
run $C request show "$req2"
expect_rc 0 "the request is there again under its id"
expect_in "$out" "成都市" "with its values"
tm_keys Escape

# Dispatches: the proposed dispatch deleted, then taken back
tm_keys Tab
tm_expect "1 dispatch" "the dispatches tab"
tm_keys u
tm_expect "Nothing to undo." "the dispatches keep their own: nothing here"
tm_keys d
tm_expect "Delete dispatch $dsp" "d asks"
tm_keys y
tm_expect "Deleted dispatch $dsp." "deleted"
run $C dispatch show "$dsp"
expect_rc 1 "the dispatch is gone"
tm_keys u
tm_expect "Undo deleting 伊藤 誠" "u offers the dispatch back, naming its specialist"
tm_keys y
tm_expect "($dsp) is back." "the dispatch is back"
run $C dispatch show "$dsp"
expect_rc 0 "under its id"
expect_in "$out" "2019-10-08" "with its days"

# a change of state is history: u says s takes it back
tm_keys s
tm_expect "Dispatch $dsp: proposed, to" "s opens the state form"
tm_keys F2
tm_expect "Dispatch $dsp is now" "the state changed"
run $C dispatch show "$dsp"
state=$out
tm_keys u
tm_expect "change of state" "u says the last change was a change of state"
s=$(tm_screen)
expect_not_in "$s" "(y/n)" "and asks nothing"
run $C dispatch show "$dsp"
expect_eq "$out" "$state" "nothing changed"
# an edit after it is taken back by u
tm_keys e
tm_expect "Edit dispatch $dsp" "e opens the dispatch form"
tm_keys Tab Tab Tab Tab
tm_type "Kaifeng"
tm_keys F2
tm_expect "Saved dispatch $dsp" "saved"
run $C dispatch show "$dsp"
expect_in "$out" "Kaifeng" "the places edited"
tm_keys u
tm_expect "Undo the edit of 伊藤 誠" "u asks, naming the dispatch"
s=$(tm_screen)
expect_in "$s" "places" "the question names the field it puts back"
tm_keys y
tm_expect "Undone: 伊藤 誠" "taken back"
run $C dispatch show "$dsp"
expect_not_in "$out" "Kaifeng" "the places from before"

# Seminars: an edition's edit taken back; one changed since is refused
tm_back_to "Series 1/1" "the seminars tab"
tm_expect "2019" "its edition"
tm_keys e
tm_expect "Edit edition" "e opens the edition form"
tm_keys Tab Tab Tab
tm_keys C-u
tm_type "Second title"
tm_keys F2
tm_expect "Saved edition $sem" "saved"
tm_keys u
tm_expect "Undo the edit of sin-seminar/2019 ($sem)" "u asks, naming the edition"
tm_keys y
tm_expect "Undone: sin-seminar/2019" "taken back"
run $C seminar show "$sem"
expect_in "$out" "First title" "the title from before is back"
tm_keys e
tm_expect "Edit edition" "the form again"
tm_keys Tab Tab Tab
tm_keys C-u
tm_type "Third title"
tm_keys F2
tm_expect "Saved edition $sem" "saved again"
run $C seminar edit "$sem" --notes "edited by a script"
expect_rc 0 "a script edits the edition meanwhile"
tm_keys u
tm_expect "Undo the edit of sin-seminar/2019" "u asks"
tm_keys y
tm_expect "has changed" "the undo is refused, the edition having changed"
run $C seminar show "$sem"
expect_in "$out" "Third title" "the edit stays"
expect_in "$out" "edited by a script" "and the script's change"

# the edition's participants keep their own: a delete taken back
tm_keys P
tm_expect "李华" "the participants"
tm_keys u
tm_expect "Nothing to undo." "nothing done to the participants yet"
tm_keys d
tm_expect "Delete participant 李华?" "d asks"
tm_keys y
tm_expect "Deleted $part." "deleted"
run $C participant list "$sem" --format csv
expect_not_in "$out" "$part" "the participant is gone"
tm_keys u
tm_expect "Undo deleting 李华 ($part)" "u offers the participant back"
tm_keys y
tm_expect "Undone: 李华 ($part) is back." "back"
run $C participant list "$sem" --format csv
expect_in "$out" "$part" "the participant is there again under its id"

# the programme keeps its own too: an item's delete taken back
tm_keys p
tm_expect "Local administration" "the programme"
tm_keys u
tm_expect "Nothing to undo." "nothing done to the programme yet"
tm_keys d
tm_expect "Local administration\"?" "d asks"
tm_keys y
tm_expect "Deleted $item." "deleted"
run $C programme list "$sem" --format csv
expect_not_in "$out" "$item" "the item is gone"
tm_keys u
tm_expect "Undo deleting Local administration ($item)" "u offers the item back"
tm_keys y
tm_expect "Undone: Local administration ($item) is back." "back"
run $C programme list "$sem" --format csv
expect_in "$out" "$item" "the item is there again under its id"

# an edition deleted with its programme and participants cannot come
# back whole: u then takes back no older edit of an edition instead
tm_keys Escape
tm_expect "Series 1/1" "back to the editions"
tm_keys d
tm_expect "with 1 programme items and 1 participants? (y/n)" "d asks"
tm_keys y
tm_expect "Deleted edition $sem." "deleted"
tm_keys u
tm_expect "Nothing to undo." "nothing to take back on the editions"

tm_keys q
tm_exited 0 "quit"
tm_asan_clean "undo_tabs"
finish
