# demo_offices.sh - every overseas office's demo has casework of its own:
# requests and dispatches in the countries its configuration covers, with
# places as its staff type them, past ones and open ones around the
# demo's today that the timeline shows; and each office's demo sent whole
# to head office's demo brings nothing new and no conflict (head office's
# demo holds every office's records, the same ones).
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null 2>&1 || { skip "no sqlite3 shell"; finish; }

C=$T/conf
mkdir -p "$C"
for f in tokyo seoul paris london newyork sydney singapore; do
	sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/$f.yaml" > "$C/$f.yaml"
done
q() { sqlite3 "$T/$1.db" "$2"; }

run -c "$C/tokyo.yaml" -d "$T/tyo.db" demo
expect_rc 0 "head office's demo"

# office ID SAMPLE: a place the office's open work names, as typed there
for o in "seoul SEL 경상북도 경주시" "paris PAR Auvergne-Rhône-Alpes Lyon" \
    "london LON Scotland Edinburgh" "newyork NYC Oregon Portland" \
    "sydney SYD Queensland Cairns" "singapore SIN Vientiane Capital Vientiane"; do
	set -- $o
	f=$1 id=$2
	shift 2
	place=$*
	db=$T/$f.db
	run -c "$C/$f.yaml" -d "$db" demo
	expect_rc 0 "$f: the demo loads"
	# the countries of office.countries, as an SQL list
	cc=$(sed -n 's/^  countries: \[\(.*\)\]/\1/p' "$C/$f.yaml" | sed "s/ //g; s/,/','/g")

	n=$(q "$f" "SELECT count(*) FROM request WHERE id LIKE '$id-%'")
	[ "$n" -ge 20 ] && ok || bad "$f: $n requests of its own, not a few dozen"
	n=$(q "$f" "SELECT count(*) FROM dispatch WHERE id LIKE '$id-%' AND state = 'reported'")
	[ "$n" -ge 20 ] && ok || bad "$f: $n past dispatches reported"
	expect_eq "$(q "$f" "SELECT count(*) FROM request WHERE country NOT IN ('$cc')")" 0 \
		"$f: every request in a country the office covers"
	n=$(q "$f" "SELECT count(DISTINCT country) FROM request")
	case $f in seoul) want=1 ;; *) want=3 ;; esac
	[ "$n" -ge "$want" ] && ok || bad "$f: requests in $n countries"
	# open work: requests waiting, dispatches under way, scheduled, proposed
	expect_eq "$(q "$f" "SELECT count(*) FROM request r WHERE status IN
	  ('received', 'matching') AND NOT EXISTS (SELECT 1 FROM dispatch d
	  WHERE d.request = r.id)")" 2 "$f: two requests waiting for a match"
	expect_eq "$(q "$f" "SELECT group_concat(state, ' ') FROM (SELECT state
	  FROM dispatch WHERE state IN ('proposed', 'scheduled', 'underway')
	  ORDER BY state)")" "proposed scheduled underway" "$f: open dispatches"
	# costs split as dispatch.costs says: head office's in yen, the
	# host's in the host's currency
	expect_eq "$(q "$f" "SELECT count(*) FROM dispatch_cost c JOIN dispatch d
	  ON d.id = c.dispatch WHERE d.state = 'reported' AND c.estimate IS NULL")" 0 \
		"$f: every cost line of a dispatch done has an amount"
	expect_eq "$(q "$f" "SELECT group_concat(DISTINCT payer || ' ' || (currency = 'JPY'))
	  FROM (SELECT payer, currency FROM dispatch_cost ORDER BY payer)")" "head 1,host 0" \
		"$f: head office pays in yen, the host in its own currency"
	# specialists from the register
	expect_eq "$(q "$f" "SELECT count(*) FROM dispatch WHERE specialist NOT LIKE 'TYO-%'")" 0 \
		"$f: the specialists are the register's"

	run -c "$C/$f.yaml" -d "$db" request list --format csv
	expect_in "$out" "$place" "$f: the requests name its places as typed there"
	run -c "$C/$f.yaml" -d "$db" timeline --from 2026-11-01 --to 2027-03-31
	expect_rc 0 "$f: timeline"
	n=$(printf '%s\n' "$out" | grep -c "^[0-9]* $id-")
	[ "$n" -ge 3 ] && ok || { bad "$f: the timeline around today shows $n dispatches"; printf '%s\n' "$out"; }
	run -c "$C/$f.yaml" -d "$db" timeline --from 2021-01-01 --to 2022-12-31
	n=$(printf '%s\n' "$out" | grep -c "^[0-9]* $id-")
	[ "$n" -ge 1 ] && ok || bad "$f: the timeline of 2021-22 shows no dispatch"

	# the same data every load
	run -c "$C/$f.yaml" -d "$T/$f-2.db" demo
	rows="SELECT * FROM request ORDER BY id; SELECT * FROM dispatch ORDER BY id;
	  SELECT * FROM dispatch_cost ORDER BY id; SELECT * FROM dispatch_event
	  ORDER BY 1, 2"
	expect_eq "$(q "$f-2" "$rows" | sha256sum)" "$(q "$f" "$rows" | sha256sum)" \
		"$f: the same casework on every load"

	# head office's demo holds the office's records, the same ones
	own="SELECT * FROM request WHERE id LIKE '$id-%' ORDER BY id;
	  SELECT * FROM dispatch WHERE id LIKE '$id-%' ORDER BY id;
	  SELECT * FROM dispatch_cost WHERE dispatch LIKE '$id-%' ORDER BY id"
	expect_eq "$(q tyo "$own" | sha256sum)" "$(q "$f" "$own" | sha256sum)" \
		"$f: head office's demo holds the office's casework"
	before=$(q tyo "SELECT (SELECT count(*) FROM request), (SELECT count(*)
	  FROM dispatch), (SELECT count(*) FROM dispatch_cost)")

	# sent whole to head office: nothing new, no conflict
	enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/$f.yaml" "$db"
	run -c "$C/$f.yaml" -d "$db" sync export --all -o "$f.kzb"
	expect_rc 0 "$f: the office sends everything"
	run -c "$C/tokyo.yaml" -d "$T/tyo.db" sync import "$f.kzb"
	expect_rc 0 "$f: head office takes it"
	expect_in "$out" "from $id: 0 records changed here" "$f: its records were all there"
	expect_in "$out" " 0 records kept aside as conflicts" "$f: no conflict"
	expect_eq "$(q tyo "SELECT (SELECT count(*) FROM request), (SELECT count(*)
	  FROM dispatch), (SELECT count(*) FROM dispatch_cost)")" "$before" \
		"$f: nothing twice at head office"
	# and head office's sent back changes nothing at the office
	run -c "$C/tokyo.yaml" -d "$T/tyo.db" sync export -o "t-$f.kzb"
	if [ -e "t-$f.kzb" ]; then
		run -c "$C/$f.yaml" -d "$db" sync import "t-$f.kzb"
		expect_rc 0 "$f: the office takes head office's bundle"
		expect_in "$out" " 0 records kept aside as conflicts" "$f: no conflict at the office"
	fi
	expect_eq "$(q "$f" "$own" | sha256sum)" "$(q tyo "$own" | sha256sum)" \
		"$f: the two still hold the same casework"
done
expect_eq "$(q tyo "SELECT count(*) FROM sync_conflict")" 0 "no conflicts at head office"

# head office reads Seoul's places in Japanese forms, Seoul in Hangul
run -c "$KZ_TESTS/../config/tokyo.yaml" -d "$T/tyo.db" request list
expect_in "$out" "慶尚北道 慶州市 문화관광과" "head office reads 경상북도 경주시 in kanji"
run -c "$KZ_TESTS/../config/seoul.yaml" -d "$T/seoul.db" request list
expect_in "$out" "경상북도 경주시 문화관광과" "Seoul reads its places as typed"
finish
