/* schema_checks.h - cheaper checks on the rows an import writes (migration 25 -> 26). */
#ifndef KZ_SCHEMA_CHECKS_H
#define KZ_SCHEMA_CHECKS_H

/*
 * The checks of the two tables an import of specialists writes a row of
 * for nearly every record it adds, written as comparisons: SQLite checks
 * a column IN a list of three or more values by making a table of the
 * list at every row written (an ephemeral index, 29,000 instructions a
 * row), a tenth of an import of 100,000 people. The same rules; each
 * table made again with its rows, rowids (the history's order) and
 * index. IF NOT EXISTS, as 17 (db.c): run again, it makes them again.
 */
#define KZ_SCHEMA_CHECKS \
	"CREATE TABLE IF NOT EXISTS record_history_26 (" \
	"  id TEXT PRIMARY KEY NOT NULL," \
	"  record TEXT NOT NULL," \
	"  kind TEXT NOT NULL," \
	"  at TEXT NOT NULL," \
	"  user TEXT," \
	"  action TEXT NOT NULL CHECK (action = 'add' OR action = 'edit' OR" \
	"    action = 'delete')," \
	"  changes TEXT NOT NULL" \
	");" \
	"INSERT INTO record_history_26 (rowid, id, record, kind, at, user, " \
	"action, changes) SELECT rowid, id, record, kind, at, user, action, " \
	"changes FROM record_history;" \
	"DROP TABLE record_history;" \
	"ALTER TABLE record_history_26 RENAME TO record_history;" \
	"CREATE INDEX IF NOT EXISTS record_history_record ON " \
	"record_history(record, at);" \
	"CREATE TABLE IF NOT EXISTS specialist_lang_26 (" \
	"  specialist TEXT NOT NULL REFERENCES specialist(id)" \
	"    ON DELETE CASCADE," \
	"  lang TEXT NOT NULL," \
	"  level TEXT NOT NULL CHECK (level = 'basic' OR" \
	"    level = 'conversational' OR level = 'business' OR" \
	"    level = 'fluent' OR level = 'native')," \
	"  PRIMARY KEY (specialist, lang)" \
	") WITHOUT ROWID;" \
	"INSERT INTO specialist_lang_26 (specialist, lang, level) SELECT " \
	"specialist, lang, level FROM specialist_lang;" \
	"DROP TABLE specialist_lang;" \
	"ALTER TABLE specialist_lang_26 RENAME TO specialist_lang;"

#endif
