# migrate.sh - a database made by the first kizuna (schema 1) opens in this
# one with every record, index entry and search intact, and is upgraded once.
. "$KZ_TESTS/lib.sh"

sqlite3 "$T/old.db" < "$FIX/schema-v1.sql"
expect_eq "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" 1 "the fixture is at schema 1"
run -d "$T/old.db" specialist list --format csv
expect_rc 0 "an old database opens"
expect_in "$out" "Wang Jianguo" "its first record is there"
expect_in "$out" "Ken'ichi Sato" "and its second"
v=$(sqlite3 "$T/old.db" 'PRAGMA user_version')
[ "$v" -gt 1 ] && ok || bad "the schema was not upgraded (version $v)"
# the upgrade's own rewrites (every row's sort key) are nobody's edit:
# nothing to send, no history
expect_eq "$(sqlite3 "$T/old.db" 'SELECT count(*) FROM sync_outbox')" 0 "the upgrade sends nothing"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT count(*) FROM record_history')" 0 "nor is it anybody's edit"
run -d "$T/old.db" specialist show --format json KZ-MAZW-5M45
expect_in "$out" "设施园艺" "children survive: the field's note"
expect_in "$out" "surgery" "children survive: the unavailability"
run -d "$T/old.db" search 园艺
expect_in "$out" "Wang Jianguo" "the old search index still finds a CJK term"
run -d "$T/old.db" search kenichi
expect_in "$out" "Ken'ichi Sato" "re-indexed on the upgrade: a romanised name folds (Ken'ichi, kenichi)"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT count(*) FROM local_search_map')" 2 "every specialist indexed once"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT sort_key FROM specialist ORDER BY sort_key' | tr '\n' '|')" \
	"sato kenichi|wang jianguo|" "the upgrade made every sort key: family name first"
expect_eq "$(sqlite3 "$T/old.db" "SELECT count(*) FROM sqlite_master WHERE name = 'specialist_sort'")" 1 \
	"the sort key has its index"
run -d "$T/old.db" specialist edit KZ-MAZW-5M45 --notes "edited after the upgrade"
expect_rc 0 "an old record can be edited"
run -d "$T/old.db" search 园艺
expect_eq "$(printf '%s\n' "$out" | grep -c 'Wang Jianguo')" 1 "edited: indexed once, not twice"
run -d "$T/old.db" sync status --format json
expect_in "$out" "\"pending\": " "sync bookkeeping was added"
# a second open changes nothing more
before=$(sqlite3 "$T/old.db" 'PRAGMA user_version')
run -d "$T/old.db" specialist list
expect_eq "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" "$before" "upgraded once"
# 25 -> 26 (schema_checks.h): the history and the languages made again
# with their rows and order; checked by comparisons, not IN lists
sqlite3 "$T/old.db" 'PRAGMA user_version = 25'
hist=$(sqlite3 "$T/old.db" 'SELECT rowid, id, action, changes FROM record_history ORDER BY rowid')
langs=$(sqlite3 "$T/old.db" 'SELECT * FROM specialist_lang ORDER BY 1, 2')
[ -n "$hist" ] && [ -n "$langs" ] && ok || bad "no history or languages to carry"
run -d "$T/old.db" history KZ-MAZW-5M45 --format csv
expect_rc 0 "the history read after 26"
expect_in "$out" "edited after the upgrade" "with the edit"
expect_eq "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" "$before" "upgraded to the latest again"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT rowid, id, action, changes FROM record_history ORDER BY rowid')" \
	"$hist" "every history row kept, rowid and all"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT * FROM specialist_lang ORDER BY 1, 2')" "$langs" "every language kept"
expect_eq "$(sqlite3 "$T/old.db" "SELECT count(*) FROM sqlite_master WHERE sql LIKE '% IN (%' AND name IN ('record_history', 'specialist_lang')")" \
	0 "no IN list left in their checks"
expect_eq "$(sqlite3 "$T/old.db" "SELECT count(*) FROM sqlite_master WHERE name IN ('record_history_record', 'sqlite_autoindex_record_history_1')")" \
	2 "the history's indexes are there"
expect_eq "$(sqlite3 "$T/old.db" 'PRAGMA integrity_check')" ok "the database is whole"
# a database from a newer kizuna is refused, not touched
sqlite3 "$T/old.db" 'PRAGMA user_version = 99'
run -d "$T/old.db" specialist list
expect_rc 1 "a newer database is refused"
expect_in "$err" "newer than this kizuna knows" "and says why"
finish
