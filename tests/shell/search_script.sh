# search_script.sh - Japanese, traditional and simplified Han find each
# other in every search: 島根 and 岛根, 広島 and 广岛, 渡辺 and 渡边, in
# the register, requests, dispatches, seminars and trainee placements;
# an index built before the fold is built again, and trainee placements
# from before their index are indexed.
. "$KZ_TESTS/lib.sh"
sed 's/^\(  *\)language: .*/\1language: en/' "$KZ_TESTS/../config/tokyo.yaml" > "$T/head.yaml"
C="-c $T/head.yaml -d $T/demo.db"
export KIZUNA_NOW=2026-01-02T03:04:05Z KIZUNA_TODAY=2026-01-02
run $C demo
expect_rc 0 "demo data"

rows() {	# rows ARGS...: the rows of a list in CSV
	run $C "$@" --format csv
	expect_rc 0 "$*"
	printf '%s\n' "$out" | tail -n +2 | grep -c .
}
# same WHAT A B ARGS...: searching A and B (ARGS then the term) gives the
# same rows, and some
same() {
	what=$1 a=$2 b=$3; shift 3
	na=$(rows "$@" "$a") nb=$(rows "$@" "$b")
	[ "$na" -gt 0 ] && [ "$na" = "$nb" ] && ok ||
	    bad "$what: '$a' gives $na rows, '$b' $nb"
}
# the demo writes governments in Japanese, requests' places in Chinese
same "register: simplified finds shinjitai" 岛根 島根 search
same "register: traditional finds shinjitai" 廣島 広島 search
same "register: a name" 渡边 渡辺 search
same "register: a field" 施设园艺 施設園芸 search
same "requests: Japanese finds simplified" 陝西 陕西 request list --text
same "requests: traditional finds simplified" 遼寧 辽宁 request list --text
same "requests: a field" 園芸 园艺 request list --text
same "dispatches: a name" 渡边 渡辺 dispatch list --text
same "dispatches: a place" 陝西 陕西 dispatch list --text
same "seminars" 遼寧 辽宁 seminar list --search
same "trainees: search" 農業 农业 trainee list --search
same "trainees: host" 大分県 大分县 trainee list --host
same "trainees: region" 遼寧 辽宁 trainee list --region
# and what matches one prefecture does not match another
run $C search 岛根
expect_not_in "$out" "広島" "岛根 does not find 広島"
expect_in "$out" "島根" "岛根 finds 島根"

# OpenCC is opened when a fold is first needed, not at every start (it
# brings the C++ library, a third of a command's start-up): a list
# that folds nothing never loads it, a search does and still finds.
# And a child process opens it, not kizuna's own (the C++ library
# stays mapped for good once loaded: a screen would keep 1.5 MB).
if LD_DEBUG=files "$KZ" $C search 岛根 2>"$T/ld.log" | grep -q 島根; then
	expect_in "$(cat "$T/ld.log")" "file=libopencc" "a search opens OpenCC"
	main=$(sed -n 's/^ *\([0-9]*\):.*file=libsqlite3.*/\1/p' "$T/ld.log" |
	    head -n 1)
	cc=$(sed -n 's/^ *\([0-9]*\):.*file=libopencc.*/\1/p' "$T/ld.log" |
	    head -n 1)
	[ -n "$main" ] && [ -n "$cc" ] && [ "$main" != "$cc" ] && ok ||
	    bad "OpenCC was loaded by kizuna itself ($main), not a child ($cc)"
	LD_DEBUG=files "$KZ" $C specialist list >/dev/null 2>"$T/ld.log"
	expect_eq "$(grep -c 'file=libopencc' "$T/ld.log")" 0 \
	    "a list does not load OpenCC"
else
	bad "search 岛根 found nothing under LD_DEBUG"
fi

# A database whose index was built before the fold (schema 11, what
# came after it undone) is indexed again: the old index, as it was, spelt
# 島根県 as one word, which 岛根 never found.
# The fold came with schema 12; what came after it is undone too (the
# day of a change of state, 13) so that the upgrade runs again whole.
v=$(sqlite3 "$T/demo.db" 'PRAGMA user_version')
sqlite3 "$T/demo.db" "DELETE FROM specialist_fts;
INSERT INTO specialist_fts (id, body) SELECT id, government FROM specialist;
DROP TABLE text_tr; DROP TRIGGER text_tr_series; DROP TRIGGER text_tr_seminar; DROP TRIGGER text_tr_item;
DROP INDEX specialist_sort; ALTER TABLE specialist DROP COLUMN sort_key;
ALTER TABLE dispatch_event DROP COLUMN happened;
ALTER TABLE request_event DROP COLUMN happened;
DROP TABLE trainee_fts; DROP TABLE local_trainee_dirty; DROP INDEX trainee_list;
DROP TRIGGER trainee_fts_add; DROP TRIGGER trainee_fts_edit; DROP TRIGGER trainee_fts_go;
DROP TRIGGER trainee_fts_replace; DROP TRIGGER trainee_fts_reid; DROP TRIGGER trainee_fts_move;
PRAGMA user_version = 11;"
run $C search 岛根
expect_rc 0 "search after the upgrade"
n=$(printf '%s\n' "$out" | grep -c 島根)
[ "$n" -gt 0 ] && ok || bad "the old index was not built again: $out"
expect_eq "$(sqlite3 "$T/demo.db" 'PRAGMA user_version')" "$v" "upgraded"
# trainee placements, indexed since schema 22, are indexed by the upgrade
same "trainees: search after the upgrade" 農業 农业 trainee list --search
finish
