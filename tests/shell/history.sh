# history.sh - kizuna history ID: adds, edits and deletes of every record type, with who and each field; a deleted specialist's trace; table, CSV and JSON.
. "$KZ_TESTS/lib.sh"
CFG=$XDG_CONFIG_HOME/kizuna/config.yaml
C="-c $CFG"

# ---- a specialist: added, edited (a field and a child row), deleted ----
run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--post 主任 --langs "ja:native,en:fluent"
expect_rc 0 "specialist add"; sp=$out
run $C specialist edit "$sp" --post 課長 --langs "ja:native,ko:basic"
expect_rc 0 "specialist edit"
run $C history "$sp"
expect_rc 0 "history of a specialist"
expect_in "$out" "WHEN " "a table with a heading"
expect_in "$out" "主任" "the value before"
expect_in "$out" "課長" "the value after"
expect_in "$out" "edited" "the edit named"
expect_in "$out" "added" "the add named"
run $C history "$sp" --format csv
expect_in "$out" "at,user,record,kind,action,field,old,new" "the CSV header"
expect_in "$out" ",specialist,edit,post,主任,課長" "the edit's field from what to what"
expect_in "$out" ",specialist,edit,languages,en fluent," "a language taken away is a change of the record"
expect_in "$out" ",specialist,edit,languages,,ko basic" "a language added is a change of the record"
expect_in "$out" ",specialist,add,name,,佐藤 健一" "the add keeps the values it made"
# the audit stamps are not fields of a change
expect_not_in "$out" ",updated," "no stamps in the changes"

run $C specialist rm --yes "$sp"
expect_rc 0 "specialist rm"
run $C history "$sp" --format csv
expect_rc 0 "the history of a deleted specialist"
expect_in "$out" ",specialist,delete,name,佐藤 健一," "the delete keeps the last values"
expect_in "$out" ",specialist,delete,languages,ko basic," "and its languages"
# found by the start of its id, though the record is gone
short=$(printf '%s' "$sp" | cut -c4-8)
run $C history "$short" --format json
expect_rc 0 "a deleted record found by the start of its id"
printf '%s' "$out" | python3 -c '
import json, sys
h = json.load(sys.stdin)
assert [e["action"] for e in h] == ["delete", "edit", "add"], h
assert h[0]["kind"] == "specialist" and h[0]["user"]
post = [c for c in h[1]["changes"] if c["field"] == "post"][0]
assert post["old"] == "主任" and post["new"] == "課長", post
' && ok || bad "history JSON: newest first, with the edit's fields"

run $C history KZ-ZZZZ-ZZZZ
expect_rc 1 "an unknown id"
expect_in "$err" "id: no record KZ-ZZZZ-ZZZZ" "the unknown id is named"
run $C history
expect_rc 2 "no id is a usage error"

# ---- requests and dispatches ----
run $C specialist add --name 李明 --roman "Li Ming" --government 北京市 --fields education
expect_rc 0 "second specialist"; li=$out
run $C request add --country CN --province 河南省 --fields agriculture --topic vegetables \
	--from 2027-03-01 --to 2027-03-10 --language zh
expect_rc 0 "request add"; req=$out
run $C request edit "$req" --topic "vegetables and fruit"
expect_rc 0 "request edit"
run $C history "$req" --format csv
expect_in "$out" ",request,edit,topic,vegetables,vegetables and fruit" "a request's edit"
expect_in "$out" ",request,add,fields,,agriculture" "a request's fields are its rows"
run $C dispatch add --request "$req" --specialist "$li" --from 2027-03-01 --to 2027-03-10
expect_rc 0 "dispatch add"; dsp=$out
run $C dispatch edit "$dsp" --to 2027-03-09
expect_rc 0 "dispatch edit"
run $C history "$dsp" --format csv
expect_in "$out" ",dispatch,edit," "a dispatch's edit"
expect_in "$out" "2027-03-10,2027-03-09" "its dates from what to what"
# the table is read: fields by their labels, values as people read them
run $C history "$dsp"
expect_in "$out" "last day" "the field's label, not its column"
expect_not_in "$out" " end " "no column name in the table"
# the state history is kept as it was
run $C request show "$req"
expect_rc 0 "request show still has its history"

# ---- seminars, participants, trainees ----
run $C series add --code hs-seminar --name "History seminar" --office KZ
expect_rc 0 "series add"; ser=$out
run $C seminar add --series hs-seminar --year 2027 --start 2027-06-01 --end 2027-06-03 \
	--attendance "2: KH 1, TH 1"
expect_rc 0 "seminar add"; sem=$out
run $C seminar edit "$sem" --title "The 2027 seminar"
expect_rc 0 "seminar edit"
run $C history "$sem" --format csv
expect_in "$out" ",seminar,edit,title,,The 2027 seminar" "an edition's edit"
expect_in "$out" ",seminar,add,attendance,,KH 1" "attendance rows count as the edition's"
run $C history "$ser" --format csv
expect_in "$out" ",series,add,code,,hs-seminar" "a series"
run $C participant add hs-seminar/2027 --name "Sok Dara" --country KH
expect_rc 0 "participant add"; par=$out
run $C participant rm --yes "$par"
expect_rc 0 "participant rm"
run $C history "$par" --format csv
expect_in "$out" ",participant,delete,name,Sok Dara," "a deleted participant"
run $C trainee add --host 岩手县 --home 辽宁省大连市 --region 辽宁省 --country CN --year 2019 \
	--status completed
expect_rc 0 "trainee add"; tr=$out
run $C trainee edit "$tr" --host 大分县
expect_rc 0 "trainee edit"
run $C history "$tr" --format csv
expect_in "$out" ",trainee,edit,host,岩手县,大分县" "a trainee's edit"

# ---- a record only added ----
run $C history "$li"
expect_rc 0 "history of a record with only its add"
expect_in "$out" "added" "its add"

finish
