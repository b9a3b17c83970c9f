# stale.sh - no lost update (issue 9 item 5): every edit command takes
# --if-updated STAMP and writes only while the record still has that stamp.
. "$KZ_TESTS/lib.sh"
# a pinned clock: every edit must still move the stamp on
export KIZUNA_TODAY=2019-09-01 KIZUNA_NOW=2019-09-01T02:00:00Z
DB=$T/k.db
C="-c $FIX/dispatch/office.yaml -d $DB"
stamp() { sqlite3 "$DB" "SELECT updated FROM $1 WHERE id = '$2'"; }
value() { sqlite3 "$DB" "SELECT $3 FROM $1 WHERE id = '$2'"; }
OLD=2000-01-01T00:00:00Z

# check TABLE ID COLUMN VALUE COMMAND...: COMMAND ID --COLUMN VALUE with a
# wrong stamp (exit 3, nothing written), then with the right one.
check() {
	table=$1 id=$2 col=$3 v=$4; shift 4
	before=$(stamp "$table" "$id"); was=$(value "$table" "$id" "$col")
	[ -n "$before" ] && ok || bad "$*: no stamp for $id"
	run $C "$@" "$id" "--$col" "$v" --if-updated "$OLD"
	expect_rc 3 "$* with a wrong stamp"
	expect_in "$err" "$id has changed: its updated stamp is now $before" "$*: the record and its stamp named"
	expect_in "$err" "nothing was saved" "$*: says nothing was saved"
	expect_eq "$(value "$table" "$id" "$col")" "$was" "$*: a wrong stamp writes nothing"
	expect_eq "$(stamp "$table" "$id")" "$before" "$*: the stamp stays"
	run $C "$@" "$id" "--$col" "$v" --if-updated "$before"
	expect_rc 0 "$* with the right stamp"
	expect_eq "$(value "$table" "$id" "$col")" "$v" "$*: the right stamp writes"
	after=$(stamp "$table" "$id")
	[ "$after" \> "$before" ] && ok || bad "$*: the stamp did not move on ($before, $after)"
	# the stamp read before is stale now
	run $C "$@" "$id" "--$col" "again" --if-updated "$before"
	expect_rc 3 "$* with the stamp read before the last edit"
}

run $C specialist add --name "佐藤 健一" --roman "Ken'ichi Sato" --government 島根県 \
	--fields agriculture --langs zh:business
expect_rc 0 "seed a specialist"; sato=$out
check specialist "$sato" notes "new notes" specialist edit

run $C request add --country cn --province 河南省 --city 开封市 --department 农业农村局 \
	--received 2019-05-20 --fields agriculture --topic "vegetables" \
	--from 2019-09-16 --to 2019-09-23 --language zh
expect_rc 0 "seed a request"; req=$out
check request "$req" topic "greenhouses" request edit

run $C dispatch add --request "$req" --specialist "$sato" --from 2019-09-16 --to 2019-09-23
expect_rc 0 "seed a dispatch"; dsp=$out
check dispatch "$dsp" places "开封市" dispatch edit

run $C series add --code cj --name "China-Japan seminar"
expect_rc 0 "seed a series"; ser=$out
check seminar_series "$ser" notes "One week" series edit

run $C seminar add --year 2019 --series cj --number 18 --start 2019-12-15 --end 2019-12-21
expect_rc 0 "seed an edition"
ed=$(sqlite3 "$DB" "SELECT id FROM seminar LIMIT 1")
check seminar "$ed" theme "Local finance" seminar edit
run $C programme add cj/2019 --date 2019-12-16 --start 9:30 --end 11:00 --city Tokyo \
	--kind lecture --title "Local administration"
expect_rc 0 "seed a programme item"; item=$out
check programme_item "$item" title "Local finance" programme edit

run $C participant add cj/2019 --name 李华 --country CN
expect_rc 0 "seed a participant"
part=$(sqlite3 "$DB" "SELECT id FROM participant LIMIT 1")
check participant "$part" name "李华华" participant edit

run $C trainee add --host 島根県 --home 河南省 --year 2020
expect_rc 0 "seed a trainee"; tr=$out
check trainee "$tr" notes "arrived" trainee edit

# the option is every edit's, in --help and the usage line
for c in specialist request dispatch series seminar programme participant trainee; do
	run $C $c edit --help
	expect_in "$out" "--if-updated STAMP" "$c edit --help shows --if-updated"
done
# a stamp that is no stamp is refused, naming the option
run $C specialist edit "$sato" --notes x --if-updated yesterday
expect_rc 1 "a malformed stamp"
expect_in "$err" "if-updated: \"yesterday\" is not a stamp" "the option named"
# the stamp alone changes nothing
run $C specialist edit "$sato" --if-updated "$(stamp specialist "$sato")"
expect_rc 2 "--if-updated alone is not a change"
finish
