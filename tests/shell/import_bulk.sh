# import_bulk.sh - an import of more rows than a batch (core/transfer.c:
# no savepoint a row, the search rows made in one pass at the end, the
# changes and their history put in the outbox a batch at a time) is
# searchable, has its history, and reaches head office whole, where the
# same searches find the same people; a bad row past the first batch, or
# a kill after the commit, loses nothing and adds nothing half-way.
. "$KZ_TESTS/lib.sh"
. "$KZ_TESTS/fixtures/sync/offices.sh"
cd "$T" || exit 1

# 2,700 people (tests/bench_gen.sh): the first 1,500 in one file, the
# next 1,200 in another, with a bad row far into it
sh "$KZ_TESTS/bench_gen.sh" 2700 > all.csv
head -n 1501 all.csv > people.csv
{ head -n 1 all.csv; sed -n '1502,2552p' all.csv
  echo '山田 一郎,Ichiro Yamada,島根県,課長,serving,nosuchfield:x:3,,'
  sed -n '2553,2701p' all.csv; } > more.csv

rows() { printf '%s\n' "$out" | tail -n +2 | grep -c .; }

b import specialists people.csv
expect_rc 0 "Beijing imports 1,500 rows"
expect_in "$err" "1500 rows read, 1500 imported, 0 skipped" "every row imported"
b specialist list --format csv
expect_eq "$(rows)" 1500 "1,500 in the register"
blist=$out
# into an empty register, the import set its name indexes aside and
# made them again (core/transfer.c); they are there, and used
idx="'specialist_roman', 'specialist_sort', 'specialist_field_code', 'record_history_record'"
expect_eq "$(sqlite3 "$BJDB" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ($idx)")" 4 \
	"the indexes set aside are back"
expect_in "$(sqlite3 "$BJDB" "EXPLAIN QUERY PLAN SELECT id FROM specialist ORDER BY sort_key, id LIMIT 5")" \
	"specialist_sort" "the register is read in order by its index"
expect_eq "$(sqlite3 "$BJDB" "PRAGMA integrity_check")" ok "the database is whole"
first=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
last=$(printf '%s\n' "$out" | tail -n 1 | cut -d, -f1)

# searches: a family name as written, romanised, a field in the names
# of several languages and a folded word; 佐藤 as the file has it
want=$(awk -F, 'NR > 1 && $1 ~ /佐藤/' people.csv | wc -l)
b search 佐藤 --limit 5000 --format csv
expect_eq "$(rows)" "$want" "search 佐藤 finds every Sato of the file"
terms="佐藤 sato kenichi 农业 農業 농업 agriculture lincendie 施設園芸 島根"
i=0
for q in $terms; do
	i=$((i + 1))
	b search "$q" --limit 5000 --format csv
	printf '%s\n' "$out" > "found$i.csv"
	if [ "$(rows)" -gt 0 ]; then ok; else bad "search $q at Beijing finds nobody"; fi
done

# the history of a row of the first batch and of the last
for id in $first $last; do
	b history "$id" --format csv
	expect_rc 0 "history of $id"
	expect_in "$out" "add" "$id: its history has the add"
	expect_in "$out" "name_roman" "$id: with its fields"
	printf '%s\n' "$out" > "history-$id.csv"
done

# a bad row at line 1,053, past the first batch: nothing written
b sync status
before=$out
b import specialists more.csv
expect_rc 1 "an import with a bad row at line 1,053 fails"
expect_in "$err" "more.csv:1053: fields: unknown field" "the row is named"
expect_in "$err" "nothing was imported" "and nothing was imported"
b specialist list --format csv
expect_eq "$(rows)" 1500 "no row of it in the register"
b search Yamada --limit 5000 --format csv
expect_not_in "$out" "Ichiro" "nor in the search index"
b sync status
expect_eq "$out" "$before" "nor in the outbox"

# a row whose writing fails after its main row went in (a trigger here
# refuses its fields): the rows after it are checked, not compared with
# what it half wrote (the same person again is not "registered")
sqlite3 "$BJDB" "CREATE TRIGGER no_fields BEFORE INSERT ON specialist_field
  WHEN (SELECT name FROM specialist WHERE id = NEW.specialist) = '森 花子'
  BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
{ head -n 1 all.csv
  echo '森 花子,Hanako Mori,島根県,課長,serving,agriculture::3,,'
  echo '森 花子,Hanako Mori,島根県,課長,serving,agriculture::3,,'
  echo '林 一郎,Ichiro Hayashi,島根県,課長,serving,nosuchfield:x:3,,'
} > fails.csv
b import specialists fails.csv
expect_rc 1 "an import whose row 2 cannot be written fails"
expect_in "$err" "fails.csv:2:" "the row that failed is named"
expect_not_in "$err" "registered as" "row 3 is not said to be registered"
expect_in "$err" "fails.csv:4: fields: unknown field" "a bad row after it is still named"
expect_in "$err" "nothing was imported" "nothing was imported"
b specialist list --format csv
expect_eq "$(rows)" 1500 "no row of it in the register"
sqlite3 "$BJDB" "DROP TRIGGER no_fields"

# the good rows, killed (SIGKILL) right after the commit: all kept
grep -v nosuchfield more.csv > good.csv
KZ_TEST_KILL_AFTER_SAVE=1 b import specialists good.csv
expect_eq "$rc" 137 "the import is killed right after its commit"
b specialist list --format csv
expect_eq "$(rows)" 2700 "the 1,200 rows are there after the kill"
blist=$out
expect_eq "$(sqlite3 "$BJDB" "PRAGMA integrity_check")" ok "the database is whole after the kill"

# to head office: every record, the same searches, the same history
b sync export -o b1.kzb
expect_rc 0 "Beijing exports its bundle"
t sync import b1.kzb
expect_rc 0 "head office applies it"
t specialist list --format csv
expect_eq "$(rows)" 2700 "head office has all 2,700"
expect_eq "$out" "$blist" "the same rows as Beijing"
i=0
for q in $terms; do
	i=$((i + 1))
	b search "$q" --limit 5000 --format csv
	bfound=$out
	t search "$q" --limit 5000 --format csv
	expect_eq "$out" "$bfound" "search $q: head office finds whom Beijing finds"
	# the first 1,500 were found so before the second import too
	expect_in "$out" "$(sed -n 2p "found$i.csv")" "search $q: the first found still found"
done
for id in $first $last; do
	t history "$id" --format csv
	expect_eq "$out" "$(cat "history-$id.csv")" "history of $id at head office as at Beijing"
done
finish
