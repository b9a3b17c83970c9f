# demo_sync.sh - two offices' demos sent whole to head office's demo: the
# shared register is one set of people everywhere (head office's ids, the
# same data), so nothing conflicts and no one is there twice; each
# office's own records arrive once, under its own prefix.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
command -v sqlite3 >/dev/null 2>&1 || { skip "no sqlite3 shell"; finish; }

b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
s() { run -c "$C/singapore.yaml" -d "$T/sin.db" "$@"; }
t() { run -c "$C/tokyo.yaml" -d "$T/tyo.db" "$@"; }
q() { sqlite3 "$T/$1.db" "$2"; }

b demo
expect_rc 0 "Beijing's demo"
s demo
expect_rc 0 "Singapore's demo"
t demo
expect_rc 0 "head office's demo"
enrol "$C/tokyo.yaml" "$T/tyo.db" "$C/beijing.yaml" "$T/bj.db" "$C/singapore.yaml" "$T/sin.db"

# the register is head office's: the same people, ids and data in both
reg="SELECT id, name, name_roman, government, post, status, overseas,
  created, updated, created_by, updated_by FROM specialist ORDER BY id"
expect_eq "$(q bj "$reg" | sha256sum)" "$(q sin "$reg" | sha256sum)" \
	"the two demos hold the same register"
expect_eq "$(q bj "SELECT count(*) FROM specialist WHERE id NOT LIKE 'TYO-%'")" 0 \
	"the register has head office's prefix"
kids="SELECT 'f', specialist, field, note, years FROM specialist_field
  UNION ALL SELECT 'l', specialist, lang, level, '' FROM specialist_lang
  UNION ALL SELECT 'u', specialist, start, end, reason FROM specialist_unavail
  ORDER BY 1, 2, 3"
expect_eq "$(q bj "$kids" | sha256sum)" "$(q sin "$kids" | sha256sum)" \
	"the two demos hold the same fields, languages and absences"
people=$(q bj "SELECT count(*) FROM specialist")

# each office's own records, under its own prefix only
own() {	# own DB OFFICE: the office's requests, dispatches, seminars, trainees
	q "$1" "SELECT (SELECT count(*) FROM request WHERE id LIKE '$2-%'),
	  (SELECT count(*) FROM dispatch WHERE id LIKE '$2-%'),
	  (SELECT count(*) FROM seminar WHERE id LIKE '$2-%'),
	  (SELECT count(*) FROM trainee WHERE id LIKE '$2-%')"
}
bjs=$(own bj BJS) sin=$(own sin SIN)
# head office's demo holds both offices' records, as their bundles
# brought them: the same ones
expect_eq "$(own tyo BJS)" "$bjs" "head office's demo holds Beijing's records"
expect_eq "$(own tyo SIN)" "$sin" "head office's demo holds Singapore's records"
expect_eq "$(q tyo "$reg" | sha256sum)" "$(q bj "$reg" | sha256sum)" \
	"head office's demo holds the offices' register"
rows() {	# rows DB OFFICE: every row of the office's records, as text
	for tb in request request_field request_event dispatch dispatch_event \
	    dispatch_cost seminar_series seminar seminar_attendance \
	    programme_item participant trainee support research promotion jet \
	    friendship rep_office delegation opening; do
		k=$(q "$1" "SELECT name FROM pragma_table_info('$tb') WHERE pk = 1")
		[ -n "$k" ] || k=$(q "$1" "SELECT name FROM pragma_table_info('$tb') LIMIT 1")
		q "$1" "SELECT '$tb', * FROM $tb WHERE $k LIKE '$2-%' ORDER BY 2, 3"
	done
}
expect_eq "$(rows tyo BJS | sha256sum)" "$(rows bj BJS | sha256sum)" \
	"Beijing's records are the same in head office's demo"
expect_eq "$(rows tyo SIN | sha256sum)" "$(rows sin SIN | sha256sum)" \
	"Singapore's records are the same in head office's demo"
total() {
	q tyo "SELECT (SELECT count(*) FROM specialist), (SELECT count(*) FROM
	  specialist_field), (SELECT count(*) FROM request), (SELECT count(*)
	  FROM dispatch), (SELECT count(*) FROM seminar), (SELECT count(*) FROM
	  trainee), (SELECT count(*) FROM dispatch_cost)"
}
before=$(total)
expect_eq "$(own bj SIN)" "0|0|0|0" "Beijing's demo holds no Singapore records"
expect_eq "$(own sin BJS)" "0|0|0|0" "Singapore's demo holds no Beijing records"
case "$bjs" in 0\|*) bad "Beijing's demo has no requests: $bjs" ;; *) ok ;; esac
case "$sin" in 0\|*) bad "Singapore's demo has no requests: $sin" ;; *) ok ;; esac

b sync export --all -o bj1.kzb
expect_rc 0 "Beijing sends everything"
s sync export --all -o sin1.kzb
expect_rc 0 "Singapore sends everything"
t sync import bj1.kzb sin1.kzb
expect_rc 0 "head office takes both"
expect_eq "$(printf '%s\n' "$out" | grep -c ' 0 records kept aside as conflicts$')" 2 \
	"no conflict in either bundle"
expect_in "$out" "bundle 1 from BJS: 0 records changed here" "Beijing's were all there"
expect_in "$out" "bundle 1 from SIN: 0 records changed here" "Singapore's were all there"
t sync conflicts
expect_eq "$(q tyo "SELECT count(*) FROM sync_conflict")" 0 \
	"no conflicts at head office"

# no duplicate people: the register once, as each office has it
expect_eq "$(q tyo "SELECT count(*) FROM specialist")" "$people" \
	"head office holds the register once"
expect_eq "$(q tyo "SELECT count(*) FROM (SELECT DISTINCT name, name_roman,
  government, post, status, overseas FROM specialist)")" \
	"$(q bj "SELECT count(*) FROM (SELECT DISTINCT name, name_roman,
  government, post, status, overseas FROM specialist)")" \
	"no person twice under two ids"
expect_eq "$(q tyo "$reg" | sha256sum)" "$(q bj "$reg" | sha256sum)" \
	"head office's register is the offices' register"
expect_eq "$(q tyo "$kids" | sha256sum)" "$(q bj "$kids" | sha256sum)" \
	"head office's fields, languages and absences are the offices'"

# each office's own records once, under its prefix
expect_eq "$(own tyo BJS)" "$bjs" "Beijing's records arrive once"
expect_eq "$(own tyo SIN)" "$sin" "Singapore's records arrive once"
expect_eq "$(total)" "$before" "head office's counts unchanged: nothing twice"
expect_eq "$(q tyo "SELECT count(*) FROM dispatch d
  LEFT JOIN specialist s ON s.id = d.specialist WHERE s.id IS NULL")" 0 \
	"every dispatch names a specialist head office has"

# head office passes the register back: nothing changes at the offices
t sync export -o t1.kzb
if [ -e t1.kzb ]; then
	b sync import t1.kzb
	expect_rc 0 "Beijing takes head office's bundle"
	expect_in "$out" "0 records kept aside as conflicts" "no conflict in Beijing"
	expect_eq "$(q bj "SELECT count(*) FROM specialist")" "$people" \
		"Beijing's register unchanged"
else
	ok
fi

# An empty head office (a new database) has none of the people Beijing's
# dispatches name (the register is head office's to add): the bundle is
# applied all the same, so Beijing's next bundles are not stuck behind
# it; the people are kept aside as Beijing's additions to the register,
# and the rows that name them (dispatches with their costs and events,
# participants) are held aside naming who is missing, not lost.
e() { run -c "$C/tokyo.yaml" -d "$T/empty.db" "$@"; }
b2() { run -c "$C/beijing.yaml" -d "$T/bj2.db" "$@"; }
e sync status
b2 demo
expect_rc 0 "a second Beijing demo"
enrol "$C/tokyo.yaml" "$T/empty.db" "$C/beijing.yaml" "$T/bj2.db"
b2 sync export --all -o bj2.kzb
expect_rc 0 "it sends everything"
e sync import bj2.kzb
expect_rc 0 "an empty head office applies Beijing's bundle"
expect_in "$out" "bj2.kzb: bundle 1 from BJS:" "and reports it"
expect_in "$out" "bj2.kzb: of them, " "the held records are said apart"
expect_in "$out" "name records not in this database: held until they are here" \
	"as waiting for records not here"
expect_eq "$(q empty "SELECT count(*) FROM sync_applied WHERE source_office
  = 'BJS' AND seq = 1")" 1 "the bundle counts as applied"
dsp=$(q bj2 "SELECT count(*) FROM dispatch")
cost=$(q bj2 "SELECT count(*) FROM dispatch_cost")
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict WHERE tbl =
  'dispatch' AND reason = 'missing' AND resolved IS NULL")" "$dsp" \
	"every dispatch is held aside"
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict WHERE tbl =
  'dispatch_cost' AND reason = 'missing'")" "$cost" \
	"their cost lines are held with them, not failed"
expect_eq "$(q empty "SELECT count(*) FROM dispatch") $(q empty "SELECT
  count(*) FROM dispatch_cost")" "0 0" "none is written half"
expect_eq "$(q empty "SELECT count(*) FROM request WHERE id LIKE 'BJS-%'")" \
	"$(q bj2 "SELECT count(*) FROM request")" "Beijing's requests are applied"
e sync conflicts
expect_in "$out" "names specialist TYO-" "a held dispatch names the person"
expect_in "$out" "which is not in this database: kept aside as conflict" \
	"and the conflict that keeps the person aside"
# a held dispatch cannot be taken while its person is missing
hd=$(q empty "SELECT n FROM sync_conflict WHERE tbl = 'dispatch' AND reason
  = 'missing' ORDER BY n LIMIT 1")
e sync resolve "$hd" theirs
expect_rc 1 "a held dispatch waits for its person"
expect_in "$err" "which is still not in this database: it is kept aside as conflict" \
	"the refusal names what to settle first"
expect_eq "$(q empty "SELECT count(*) FROM dispatch")" 0 "nothing written"

# Beijing's next bundle goes through, not stuck behind the first; its
# edit of a held dispatch is held with it, and a new request applied
d1=$(q bj2 "SELECT d.id FROM dispatch d WHERE EXISTS (SELECT 1 FROM
  dispatch_cost c WHERE c.dispatch = d.id) AND d.state IN ('proposed',
  'drafted', 'signed', 'scheduled') ORDER BY d.id LIMIT 1")
b2 dispatch edit "$d1" --notes "edited after the first bundle"
expect_rc 0 "Beijing edits a dispatch head office holds aside"
b2 request add --country CN --fields agriculture --topic "after the first bundle"
expect_rc 0 "and adds a request"
b2 sync export -o bj3.kzb
expect_rc 0 "Beijing's next bundle"
e sync import bj3.kzb
expect_rc 0 "Beijing's next bundle is applied"
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict WHERE tbl =
  'dispatch' AND record = '$d1' AND op = 'update' AND reason = 'missing'")" 1 \
	"the edit of the held dispatch is held with it"
expect_eq "$(q empty "SELECT count(*) FROM request WHERE topic =
  'after the first bundle'")" 1 "the new request is applied"

# the people arrive (head office takes Beijing's additions to the
# register); then every held row can be taken, its dependants with it
for n in $(q empty "SELECT n FROM sync_conflict WHERE tbl = 'specialist'
  AND resolved IS NULL ORDER BY n"); do
	e sync resolve "$n" theirs || :
	[ "$rc" = 0 ] || bad "taking person $n: $err"
done
for n in $(q empty "SELECT n FROM sync_conflict WHERE reason = 'missing'
  AND resolved IS NULL ORDER BY n"); do
	[ "$(q empty "SELECT resolved IS NULL FROM sync_conflict WHERE n =
	  $n")" = 1 ] || continue	# taken with an earlier one
	e sync resolve "$n" theirs
	[ "$rc" = 0 ] || bad "taking held row $n: $err"
done
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict WHERE resolved IS
  NULL")" 0 "no conflict left open"
expect_eq "$(rows empty BJS | sha256sum)" "$(rows bj2 BJS | sha256sum)" \
	"Beijing's records are all here now, as Beijing has them"
expect_eq "$(q empty "SELECT count(*) FROM dispatch") $(q empty "SELECT
  count(*) FROM dispatch_cost")" "$dsp $cost" "the counts match"
finish
