/* schema_sync.h - bookkeeping of head-office sync (migration 3 -> 4). */
#ifndef KZ_SCHEMA_SYNC_H
#define KZ_SCHEMA_SYNC_H

/*
 * sync_outbox holds, per committed transaction, the changeset of what it
 * changed (SQLite sessions, see db.c); an export merges them into one
 * bundle and empties the box. sync_applied remembers every bundle taken
 * in, per source database, so repeats and gaps are seen before any data
 * is touched. sync_conflict keeps aside the changes that were not applied.
 * None of these tables is itself synced.
 */
#define KZ_SCHEMA_SYNC \
	"CREATE TABLE sync_meta (" \
	"  key TEXT PRIMARY KEY NOT NULL," \
	"  value TEXT NOT NULL" \
	") WITHOUT ROWID;" \
	"INSERT INTO sync_meta (key, value) VALUES" \
	"  ('db', lower(hex(randomblob(8)))), ('exported', '0');" \
	"CREATE TABLE sync_outbox (" \
	"  n INTEGER PRIMARY KEY," \
	"  at TEXT NOT NULL," \
	"  changes INTEGER NOT NULL," \
	"  data BLOB NOT NULL" \
	");" \
	"CREATE TABLE sync_export (" \
	"  seq INTEGER PRIMARY KEY," \
	"  at TEXT NOT NULL," \
	"  file TEXT NOT NULL," \
	"  bytes INTEGER NOT NULL," \
	"  changes INTEGER NOT NULL," \
	"  sha256 TEXT NOT NULL" \
	");" \
	"CREATE TABLE sync_applied (" \
	"  source_db TEXT NOT NULL," \
	"  seq INTEGER NOT NULL," \
	"  source_office TEXT NOT NULL," \
	"  sha256 TEXT NOT NULL," \
	"  at TEXT NOT NULL," \
	"  applied INTEGER NOT NULL," \
	"  conflicts INTEGER NOT NULL," \
	"  PRIMARY KEY (source_db, seq)" \
	") WITHOUT ROWID;" \
	"CREATE TABLE sync_conflict (" \
	"  n INTEGER PRIMARY KEY," \
	"  at TEXT NOT NULL," \
	"  source_office TEXT NOT NULL," \
	"  source_db TEXT NOT NULL," \
	"  seq INTEGER NOT NULL," \
	"  tbl TEXT NOT NULL," \
	"  op TEXT NOT NULL," \
	"  record TEXT NOT NULL," \
	"  reason TEXT NOT NULL," \
	"  change TEXT NOT NULL," \
	"  resolved TEXT," \
	"  resolution TEXT" \
	");"

#endif
