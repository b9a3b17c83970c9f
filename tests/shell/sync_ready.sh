# sync_ready.sh - `sync resolve --ready` takes every held row that is
# ready at once. An empty head office holds Beijing's dispatches (with
# their cost lines and events) aside, naming people it lacks: while they
# are missing nothing is ready; once some of them arrive, one call takes
# exactly their rows and leaves the rest held; once the rest arrive, a
# second call takes the rest, and the records are as Beijing has them.
# --ready with a number or a side is refused, nothing written.
. "$KZ_TESTS/lib.sh"
cd "$T" || exit 1
office_configs
command -v sqlite3 >/dev/null 2>&1 || { skip "no sqlite3 shell"; finish; }

e() { run -c "$C/tokyo.yaml" -d "$T/empty.db" "$@"; }
b() { run -c "$C/beijing.yaml" -d "$T/bj.db" "$@"; }
q() { sqlite3 "$T/$1.db" "$2"; }
open_held() { q empty "SELECT count(*) FROM sync_conflict WHERE reason =
  'missing' AND resolved IS NULL"; }
# the held dispatches whose person is here now: none once --ready ran
ready_left() { q empty "SELECT count(*) FROM sync_conflict c WHERE tbl =
  'dispatch' AND op = 'insert' AND reason = 'missing' AND resolved IS NULL
  AND EXISTS (SELECT 1 FROM specialist s WHERE s.id = json_extract(c.change,
  '$.theirs.specialist'))"; }

e sync status
b demo
expect_rc 0 "Beijing's demo"
enrol "$C/tokyo.yaml" "$T/empty.db" "$C/beijing.yaml" "$T/bj.db"
b sync export --all -o bj.kzb
e sync import bj.kzb
expect_rc 0 "an empty head office applies Beijing's bundle"
dsp=$(q bj "SELECT count(*) FROM dispatch")
cost=$(q bj "SELECT count(*) FROM dispatch_cost")
all=$(open_held)
[ "$all" -gt "$dsp" ] && ok || bad "held rows: $all, dispatches: $dsp"

# none ready while the people are missing
e sync resolve --ready
expect_rc 0 "--ready with nothing ready"
expect_in "$out" "No held change is ready: the records they name are still missing." \
	"it says none is ready"
expect_in "$out" "$all changes are still held: the records they name are still missing." \
	"and how many are held"
expect_eq "$(open_held)" "$all" "nothing taken"

# wrong combinations: refused, naming the problem, nothing written
e sync resolve --ready 3
expect_rc 2 "--ready with a number"
expect_in "$err" "--ready takes every ready held change: give no conflict number or side (\"3\")" \
	"the refusal names the number"
e sync resolve 3 theirs --ready
expect_rc 2 "--ready with a number and a side"
expect_in "$err" "give no conflict number or side (\"3\")" "refused"
e sync resolve --ready mine
expect_rc 2 "--ready with a side"
expect_in "$err" "give no conflict number or side (\"mine\")" "the refusal names the side"
e sync resolve
expect_rc 2 "no number, no --ready"
expect_in "$err" "missing N" "the number is asked for"
e sync resolve 3
expect_rc 2 "a number without a side"
expect_in "$err" "missing theirs|mine" "the side is asked for"
expect_eq "$(open_held) $(q empty "SELECT count(*) FROM sync_conflict WHERE
  resolved IS NOT NULL")" "$all 0" "nothing written"

# half the people arrive (head office takes Beijing's additions to the
# register): --ready takes their rows, the others' stay held
people=$(q empty "SELECT n FROM sync_conflict WHERE tbl = 'specialist' AND
  resolved IS NULL ORDER BY n")
npeople=$(printf '%s\n' $people | wc -l)
half=$((npeople / 2))
for n in $(printf '%s\n' $people | head -n "$half"); do
	e sync resolve "$n" theirs
	[ "$rc" = 0 ] || bad "taking person $n: $err"
done
held=$(open_held)
e sync resolve --ready
expect_rc 0 "--ready with half the people here"
now=$(open_held)
took=$(printf '%s\n' "$out" | sed -n 's/^Took \([0-9]*\) held changes*\.$/\1/p')
expect_eq "$took" "$((held - now))" "it says how many it took"
expect_in "$out" "$now changes are still held" "and how many are still held"
[ "$took" -gt 0 ] && [ "$now" -gt 0 ] && ok || bad "took $took, left $now"
expect_eq "$(ready_left)" 0 "no ready dispatch is left held"
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict c WHERE reason =
  'missing' AND resolved IS NULL AND tbl = 'dispatch' AND op = 'insert' AND
  NOT EXISTS (SELECT 1 FROM specialist s WHERE s.id = json_extract(c.change,
  '$.theirs.specialist'))")" "$(q empty "SELECT count(*) FROM sync_conflict c
  WHERE reason = 'missing' AND resolved IS NULL AND tbl = 'dispatch' AND op =
  'insert'")" "every dispatch still held names a person still missing"
expect_eq "$(q empty "SELECT count(*) FROM dispatch_cost c WHERE NOT EXISTS
  (SELECT 1 FROM dispatch d WHERE d.id = c.dispatch)")" 0 \
	"no cost line without its dispatch"
expect_eq "$(q empty "SELECT (SELECT count(*) FROM dispatch_cost) =
  (SELECT count(*) FROM sync_conflict WHERE tbl = 'dispatch_cost' AND
  resolution = 'theirs')")" 1 "the taken dispatches' cost lines are here"

# the rest arrive: a second call takes the rest
for n in $(q empty "SELECT n FROM sync_conflict WHERE tbl = 'specialist'
  AND resolved IS NULL ORDER BY n"); do
	e sync resolve "$n" theirs
	[ "$rc" = 0 ] || bad "taking person $n: $err"
done
e sync resolve --ready
expect_rc 0 "--ready with everyone here"
expect_in "$out" "Took $now held changes." "it takes the rest"
expect_not_in "$out" "still held" "nothing is still held"
expect_eq "$(q empty "SELECT count(*) FROM sync_conflict WHERE resolved IS
  NULL")" 0 "no conflict left open"
rows() {	# rows DB: Beijing's dispatches, cost lines and events, as text
	for tb in dispatch dispatch_event dispatch_cost; do
		q "$1" "SELECT '$tb', * FROM $tb ORDER BY 2, 3"
	done
}
expect_eq "$(rows empty | sha256sum)" "$(rows bj | sha256sum)" \
	"Beijing's dispatches are all here, as Beijing has them"
expect_eq "$(q empty "SELECT count(*) FROM dispatch") $(q empty "SELECT
  count(*) FROM dispatch_cost")" "$dsp $cost" "the counts match"
e sync resolve --ready
expect_rc 0 "--ready with nothing held"
expect_in "$out" "No held change is ready" "nothing to take"
finish
