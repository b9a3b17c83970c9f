/* db.c - opening the kizuna database, migrations, transactions. */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "fold.h"
#include "history_log.h"
#include "i18n.h"
#include "name.h"
#include "outbox.h"
#include "rowset.h"
#include "year.h"
#include "schema_dispatch.h"
#include "schema_seminar.h"
#include "schema_activity.h"
#include "schema_sync.h"
#include "schema_checks.h"
#include "schema_prefix.h"
#include "sync_rules.h"
#include "text.h"

/*
 * A trigger's mark: the rowids rows gives (a SELECT of a column n) into
 * the table dirty, those not there already. Not INSERT OR IGNORE: an
 * outer statement's conflict clause overrides a trigger's own, and an
 * upsert's DO UPDATE (sync_conflict.c, taking theirs) runs the update
 * triggers OR ABORT, which made a mark already there an error.
 */
#define MARK(dirty, rows) "INSERT INTO " dirty " (n) SELECT n FROM (" \
	rows ") WHERE n NOT IN (SELECT n FROM " dirty ");"
/* The marks of a row of table T in D (tindex.h): one inserted, its text
 * (COLS) changed, one deleted; one a REPLACE takes out, before an insert
 * or a change of id (a rowid not given reads -1 before the insert); and
 * a row whose rowid changes, at both. */
#define MARKS(T, D, COLS) \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_add AFTER INSERT ON " T \
	" BEGIN " MARK(D, "SELECT new.rowid AS n") " END;" \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_edit AFTER UPDATE OF " COLS \
	" ON " T " BEGIN " MARK(D, "SELECT new.rowid AS n") " END;" \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_go AFTER DELETE ON " T \
	" BEGIN " MARK(D, "SELECT old.rowid AS n") " END;" \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_replace BEFORE INSERT ON " T \
	" BEGIN " MARK(D, "SELECT rowid AS n FROM " T " WHERE id = new.id " \
	"OR rowid = new.rowid") " END;" \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_reid BEFORE UPDATE OF id ON " \
	T " BEGIN " MARK(D, "SELECT rowid AS n FROM " T " WHERE id = " \
	"new.id") " END;" \
	"CREATE TRIGGER IF NOT EXISTS " T "_fts_move AFTER UPDATE ON " T \
	" WHEN old.rowid IS NOT new.rowid BEGIN " MARK(D, "SELECT old.rowid " \
	"AS n UNION SELECT new.rowid") " END;"

/* A list's full-text index over table T, its text the columns COLS
 * (tindex.h): the FTS table T_fts, the marks local_T_dirty and their
 * triggers; every row marked, indexed at the first search. */
#define TINDEX(T, COLS) \
	"CREATE VIRTUAL TABLE IF NOT EXISTS " T "_fts USING fts5(body, " \
	"tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');" \
	"CREATE TABLE IF NOT EXISTS local_" T "_dirty (" \
	"  n INTEGER PRIMARY KEY NOT NULL" \
	");" \
	MARKS(T, "local_" T "_dirty", COLS) \
	"INSERT OR IGNORE INTO local_" T "_dirty (n) SELECT rowid FROM " T ";"

/*
 * Migrations, oldest first; migration i brings the schema from version i
 * to version i + 1. Each runs in its own transaction together with the
 * user_version bump, so a failed one leaves the previous version intact.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the specialist register */
	"CREATE TABLE specialist ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  name TEXT NOT NULL,"
	"  name_roman TEXT NOT NULL,"
	"  government TEXT NOT NULL,"
	"  post TEXT,"
	"  status TEXT NOT NULL CHECK (status IN ('serving', 'retired')),"
	"  overseas TEXT,"
	"  email TEXT,"
	"  phone TEXT,"
	"  address TEXT,"
	"  notes TEXT,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  created_by TEXT,"
	"  updated_by TEXT"
	");"
	"CREATE INDEX specialist_roman ON specialist(name_roman COLLATE NOCASE);"
	"CREATE TABLE specialist_field ("
	"  specialist TEXT NOT NULL REFERENCES specialist(id) ON DELETE CASCADE,"
	"  field TEXT NOT NULL,"
	"  note TEXT,"
	"  years INTEGER NOT NULL DEFAULT 0 CHECK (years BETWEEN 0 AND 60),"
	"  PRIMARY KEY (specialist, field)"
	") WITHOUT ROWID;"
	"CREATE INDEX specialist_field_code ON specialist_field(field);"
	"CREATE TABLE specialist_lang ("
	"  specialist TEXT NOT NULL REFERENCES specialist(id) ON DELETE CASCADE,"
	"  lang TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN ('basic', 'conversational',"
	"    'business', 'fluent', 'native')),"
	"  PRIMARY KEY (specialist, lang)"
	") WITHOUT ROWID;"
	"CREATE TABLE specialist_unavail ("
	"  specialist TEXT NOT NULL REFERENCES specialist(id) ON DELETE CASCADE,"
	"  start TEXT NOT NULL,"
	"  end TEXT NOT NULL CHECK (end >= start),"
	"  reason TEXT,"
	"  PRIMARY KEY (specialist, start)"
	") WITHOUT ROWID;"
	/* Derived: words and CJK bigrams (see search.c); never synced. */
	"CREATE VIRTUAL TABLE specialist_fts USING fts5("
	"  id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');",
	/* 1 -> 2: requests, dispatches, their history and costs */
	KZ_SCHEMA_DISPATCH,
	/* 2 -> 3: seminars, programmes, participants, trainee placements */
	KZ_SCHEMA_SEMINAR,
	/* 3 -> 4: head-office sync: outbox, bundles applied, conflicts */
	KZ_SCHEMA_SYNC,
	/* 4 -> 5: where each specialist sits in the full-text index, so a
	 * refresh finds its row without scanning the index. Derived: it
	 * never travels (sync_rules.c). */
	"CREATE TABLE local_search_map ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  n INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"INSERT INTO local_search_map (id, n) SELECT id, rowid FROM specialist_fts;"
	/* an import looks for the same person before adding one */
	"CREATE INDEX specialist_same ON specialist(name_roman, name, government);",
	/* 5 -> 6: a bundle is made (its number and bytes committed) before
	 * its file is written, so a kill between the two cannot lose it or
	 * reuse its number; the bytes stay for `sync export --again`. The
	 * bundles written before this were written. */
	"ALTER TABLE sync_export ADD COLUMN data BLOB;"
	"ALTER TABLE sync_export ADD COLUMN written TEXT;"
	"UPDATE sync_export SET written = at;",
	/* 6 -> 7: who is booked when, by which office (booking.h): head
	 * office's summary of every office's records, sent to the offices;
	 * and the specialist a seminar role is, so that it books them. */
	"CREATE TABLE booking ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('dispatch', 'seminar',"
	"    'unavailable')),"
	"  record TEXT NOT NULL,"
	"  specialist TEXT NOT NULL,"
	"  start TEXT NOT NULL,"
	"  end TEXT NOT NULL CHECK (end >= start),"
	"  office TEXT NOT NULL,"
	"  detail TEXT"
	");"
	"CREATE INDEX booking_specialist ON booking(specialist, start);"
	"ALTER TABLE participant ADD COLUMN specialist TEXT"
	"  REFERENCES specialist(id) ON DELETE SET NULL;"
	"CREATE INDEX participant_specialist ON participant(specialist);",
	/* 7 -> 8: the office the database belongs to (home.c): its last row
	 * is the home; a move or a copy adds one. Never travels. */
	"CREATE TABLE sync_home ("
	"  n INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  office TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('office', 'head')),"
	"  event TEXT NOT NULL CHECK (event IN ('made', 'rehome', 'copy')),"
	"  db TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  by TEXT"
	");",
	/* 8 -> 9: which changes in the outbox came from elsewhere (an
	 * import passed on, a conflict settled theirs): a value another
	 * database may hold, which an export must not net away
	 * (sync_chain.c). */
	"ALTER TABLE sync_outbox ADD COLUMN taken_in INTEGER NOT NULL "
	"DEFAULT 0;",
	/* 9 -> 10: the search index folds romanised names (Satō, Satou,
	 * Sato; Ken'ichi, Kenichi): emptied, it is built again at the first
	 * search (kz_search_ready). */
	"DELETE FROM specialist_fts; DELETE FROM local_search_map;",
	/* 10 -> 11: the public keys of other offices' databases that this one
	 * believes (sync_key.c): enrolled by a person here, or learnt from
	 * head office's signed bundles; a revoked key stays, marked. This
	 * database's own public key is sync_meta 'key'; its private key is
	 * a file beside the database, never in it. Never travels. */
	"CREATE TABLE sync_key ("
	"  key TEXT PRIMARY KEY NOT NULL,"
	"  office TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('office', 'head')),"
	"  enrolled TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  revoked TEXT"
	") WITHOUT ROWID;"
	/* the key each bundle made here is sealed with, so that written
	 * again it can be sealed for offices enrolled since */
	"ALTER TABLE sync_export ADD COLUMN filekey BLOB;",
	/* 11 -> 12: the search index folds Japanese shinjitai and
	 * traditional Han to simplified (fold.c: 島根 and 岛根 find each
	 * other): emptied, it is built again at the first search
	 * (kz_search_ready). */
	"DELETE FROM specialist_fts; DELETE FROM local_search_map;",
	/* 12 -> 13: text held in several languages (core/tr.h): a series'
	 * name, an edition's title and theme, an item's title in other
	 * languages than their original, a row per record, field and
	 * language, so that two offices adding different languages both
	 * keep theirs when their bundles meet. The rows go with their
	 * record. */
	"CREATE TABLE text_tr ("
	"  record TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  lang TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (record, field, lang)"
	");"
	"CREATE TRIGGER text_tr_series AFTER DELETE ON seminar_series "
	"BEGIN DELETE FROM text_tr WHERE record = old.id; END;"
	"CREATE TRIGGER text_tr_seminar AFTER DELETE ON seminar "
	"BEGIN DELETE FROM text_tr WHERE record = old.id; END;"
	"CREATE TRIGGER text_tr_item AFTER DELETE ON programme_item "
	"BEGIN DELETE FROM text_tr WHERE record = old.id; END;",
	/* 13 -> 14: the register sorts by family name: a key made from the
	 * names (core/name.h, through the SQL function kz_name_key that
	 * kz_db_open defines), kept by every write of a specialist and
	 * made again for the rows a bundle or a settlement touched
	 * (kz_specialist_derive). It travels with the row; being made the
	 * same way everywhere, offices agree on it. */
	"ALTER TABLE specialist ADD COLUMN sort_key TEXT;"
	"UPDATE specialist SET sort_key = kz_name_key(name, name_roman);"
	"CREATE INDEX specialist_sort ON specialist(sort_key, id);",
	/* 14 -> 15: the day a change of state happened, in the office's
	 * calendar (a dispatch left, came back; a request was closed), as
	 * the person gave it: `at` is only when it was typed in. Rows from
	 * before have none (NULL). */
	"ALTER TABLE dispatch_event ADD COLUMN happened TEXT;"
	"ALTER TABLE request_event ADD COLUMN happened TEXT;",
	/* 15 -> 16: the history of every record (history_log.c): a row per
	 * record a transaction added, changed or deleted, with who, when
	 * (UTC) and each field from what to what (a JSON array of
	 * {field, old, new}); a deleted record keeps its last values here.
	 * Rows are only added; they travel, each owned by the office that
	 * starts its id. (IF NOT EXISTS: a test that winds the version back
	 * to an earlier migration runs this one again.) */
	"CREATE TABLE IF NOT EXISTS record_history ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  record TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  user TEXT,"
	"  action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),"
	"  changes TEXT NOT NULL"
	");"
	"CREATE INDEX IF NOT EXISTS record_history_record ON "
	"record_history(record, at);",
	/* 16 -> 17: what an office does (core/activity.h): support given
	 * to Japanese governments, commissioned research, promotion events,
	 * JET participants, friendship-city links, representative offices
	 * and delegations with their specialists (schema_activity.h) */
	KZ_SCHEMA_ACTIVITY,
	/* 17 -> 18: opening figures (opening.h): how much a programme had
	 * done up to a day before its records were kept here, so that a
	 * total since the start is right; they travel, owned by the office
	 * that starts their id. (IF NOT EXISTS: a test that winds the
	 * version back to an earlier migration runs this one again.) */
	"CREATE TABLE IF NOT EXISTS opening ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  programme TEXT NOT NULL,"
	"  since INTEGER CHECK (since IS NULL OR since BETWEEN 1900 AND 2199),"
	"  as_of TEXT NOT NULL,"
	"  count INTEGER NOT NULL CHECK (count >= 0),"
	"  note TEXT,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  created_by TEXT,"
	"  updated_by TEXT"
	");"
	"CREATE INDEX IF NOT EXISTS opening_programme ON "
	"opening(programme, as_of);",
	/* 18 -> 19: the search index's rows take their specialist's rowid
	 * (search.c), so that a search joins the register on it, not
	 * through the index's unindexed text id; and it keeps its terms'
	 * first one and two characters apart, so that a term typed short
	 * ("t", "农", which the bigrams of most rows begin with) finds its
	 * rows without merging every term it begins. Made again empty, it
	 * is built again at the first search (kz_search_ready). */
	"DROP TABLE IF EXISTS specialist_fts;"
	"CREATE VIRTUAL TABLE specialist_fts USING fts5("
	"  id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2',"
	"  prefix = '1 2');"
	"DELETE FROM local_search_map;",
	/* 19 -> 20: the trainee list's order (core/lists.c: year, host,
	 * home government, start) as an index, so that the Trainees tab's
	 * window chooses its page's rows from the index alone rather than
	 * read every row of the year it starts at (IF NOT EXISTS, as 17) */
	"CREATE INDEX IF NOT EXISTS trainee_order ON "
	"trainee(year, host, home_government, start);",
	/* 20 -> 21: the bytes of each bundle made here, in the last column
	 * of a table of their own, written and read a piece at a time
	 * (sync_export.c): SQLite leaves a zeroblob unwritten only in a
	 * record's last column, and sync_export.data, with columns after
	 * it, was made whole in memory. Bytes kept before stay in
	 * sync_export.data, read from there; they go with their row (IF NOT
	 * EXISTS, as 17). */
	"CREATE TABLE IF NOT EXISTS sync_export_bytes ("
	"  seq INTEGER PRIMARY KEY NOT NULL,"
	"  data BLOB NOT NULL"
	");"
	"CREATE TRIGGER IF NOT EXISTS sync_export_bytes_go AFTER DELETE ON "
	"sync_export BEGIN DELETE FROM sync_export_bytes WHERE seq = old.seq; END;",
	/* 21 -> 22: trainee placements get a full-text index as the
	 * register has (tindex.h), so that a search typed finds
	 * them without reading every row. Its triggers mark each row a
	 * write touches, whoever writes (SQL alone: the sqlite3 shell can
	 * write too); a search indexes the marked rows first. Every row is
	 * marked here, indexed at the first search. Derived: neither
	 * travels (sync_rules.c). And the list's order as it is, the year
	 * descending (trainee_order, ascending, leaves each year's rows to
	 * sort), so that its rowids are read in order and a search that
	 * matches most rows finds a page's rows by walking it. IF NOT
	 * EXISTS, as 17. */
	"CREATE VIRTUAL TABLE IF NOT EXISTS trainee_fts USING fts5("
	"  body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');"
	"CREATE TABLE IF NOT EXISTS local_trainee_dirty ("
	"  n INTEGER PRIMARY KEY NOT NULL"
	");"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_add AFTER INSERT ON trainee "
	"BEGIN INSERT OR IGNORE INTO local_trainee_dirty (n) VALUES "
	"(new.rowid); END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_edit AFTER UPDATE OF name, "
	"name_roman, home_government, home_region, post, host, fields, course, "
	"year, notes ON trainee BEGIN INSERT OR IGNORE INTO "
	"local_trainee_dirty (n) VALUES (new.rowid); END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_go AFTER DELETE ON trainee "
	"BEGIN INSERT OR IGNORE INTO local_trainee_dirty (n) VALUES "
	"(old.rowid); END;"
	"INSERT OR IGNORE INTO local_trainee_dirty (n) SELECT rowid FROM "
	"trainee;"
	"CREATE INDEX IF NOT EXISTS trainee_list ON "
	"trainee(year DESC, host, home_government, start);",
	/* 22 -> 23: rows that a write takes out without a DELETE trigger
	 * (none fires for a row REPLACE removes, unless recursive_triggers
	 * is on) are marked for trainee_fts too: before an insert, the row
	 * holding its id or rowid (INSERT OR REPLACE, from the sqlite3
	 * shell); before a change of id, the row holding the new id
	 * (UPDATE OR REPLACE); and a row whose rowid changes, at both
	 * rowids. (A rowid not given reads -1 before the insert.) And the
	 * triggers of 22 made again so that a mark already there is no
	 * error whatever the statement (MARK). IF NOT EXISTS, as 17. */
	"DROP TRIGGER IF EXISTS trainee_fts_add;"
	"DROP TRIGGER IF EXISTS trainee_fts_edit;"
	"DROP TRIGGER IF EXISTS trainee_fts_go;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_add AFTER INSERT ON trainee "
	"BEGIN " MARK("local_trainee_dirty", "SELECT new.rowid AS n") " END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_edit AFTER UPDATE OF name, "
	"name_roman, home_government, home_region, post, host, fields, course, "
	"year, notes ON trainee BEGIN " MARK("local_trainee_dirty",
	"SELECT new.rowid AS n") " END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_go AFTER DELETE ON trainee "
	"BEGIN " MARK("local_trainee_dirty", "SELECT old.rowid AS n") " END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_replace BEFORE INSERT ON "
	"trainee BEGIN " MARK("local_trainee_dirty", "SELECT rowid AS n FROM "
	"trainee WHERE id = new.id OR rowid = new.rowid") " END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_reid BEFORE UPDATE OF id ON "
	"trainee BEGIN " MARK("local_trainee_dirty", "SELECT rowid AS n FROM "
	"trainee WHERE id = new.id") " END;"
	"CREATE TRIGGER IF NOT EXISTS trainee_fts_move AFTER UPDATE ON trainee "
	"WHEN old.rowid IS NOT new.rowid BEGIN " MARK("local_trainee_dirty",
	"SELECT old.rowid AS n UNION SELECT new.rowid") " END;",
	/* 23 -> 24: full-text indexes of requests and dispatches, as the
	 * trainees' (22, 23; tindex.h), so that a search typed on their
	 * tabs does not fold every row's text. A dispatch's text holds its
	 * specialist's names and its request's place and topic: a change
	 * to those marks the dispatches that show them, and so does a
	 * request put in another's place (INSERT OR REPLACE from the
	 * sqlite3 shell). Not a specialist put so: a trigger on every
	 * specialist inserted cost an import of 100,000 people 8% of its
	 * time, and kizuna renames by UPDATE. Every row marked here,
	 * indexed at the first search. IF NOT EXISTS, as 17. */
	"CREATE VIRTUAL TABLE IF NOT EXISTS request_fts USING fts5("
	"  body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');"
	"CREATE TABLE IF NOT EXISTS local_request_dirty ("
	"  n INTEGER PRIMARY KEY NOT NULL"
	");"
	MARKS("request", "local_request_dirty", "id, topic, province, city, "
	"department, country, notes, status")
	"INSERT OR IGNORE INTO local_request_dirty (n) SELECT rowid FROM "
	"request;"
	"CREATE VIRTUAL TABLE IF NOT EXISTS dispatch_fts USING fts5("
	"  body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');"
	"CREATE TABLE IF NOT EXISTS local_dispatch_dirty ("
	"  n INTEGER PRIMARY KEY NOT NULL"
	");"
	MARKS("dispatch", "local_dispatch_dirty", "id, specialist, request, "
	"places, state, start, notes")
	"CREATE TRIGGER IF NOT EXISTS dispatch_fts_names AFTER UPDATE OF name, "
	"name_roman ON specialist BEGIN " MARK("local_dispatch_dirty",
	"SELECT rowid AS n FROM dispatch WHERE specialist = new.id") " END;"
	"CREATE TRIGGER IF NOT EXISTS dispatch_fts_topic AFTER UPDATE OF "
	"country, province, city, topic ON request BEGIN "
	MARK("local_dispatch_dirty", "SELECT rowid AS n FROM dispatch WHERE "
	"request = new.id") " END;"
	"CREATE TRIGGER IF NOT EXISTS dispatch_fts_request AFTER INSERT ON "
	"request BEGIN " MARK("local_dispatch_dirty", "SELECT rowid AS n FROM "
	"dispatch WHERE request = new.id") " END;"
	"INSERT OR IGNORE INTO local_dispatch_dirty (n) SELECT rowid FROM "
	"dispatch;",
	/* 24 -> 25: full-text indexes of seminar editions and of the
	 * activity lists, as 24's, so that their searches do not fold
	 * every row's text. An edition's text holds its translations
	 * (text_tr, by its id): a translation written, changed or taken
	 * out marks its edition. IF NOT EXISTS, as 17. */
	TINDEX("seminar", "id, title, theme, city, region, organiser, "
	"co_organisers, supporters, year, notes")
	"CREATE TRIGGER IF NOT EXISTS seminar_fts_tr_add AFTER INSERT ON "
	"text_tr BEGIN " MARK("local_seminar_dirty", "SELECT rowid AS n FROM "
	"seminar WHERE id = new.record") " END;"
	"CREATE TRIGGER IF NOT EXISTS seminar_fts_tr_edit AFTER UPDATE ON "
	"text_tr BEGIN " MARK("local_seminar_dirty", "SELECT rowid AS n FROM "
	"seminar WHERE id IN (old.record, new.record)") " END;"
	"CREATE TRIGGER IF NOT EXISTS seminar_fts_tr_go AFTER DELETE ON "
	"text_tr BEGIN " MARK("local_seminar_dirty", "SELECT rowid AS n FROM "
	"seminar WHERE id = old.record") " END;"
	TINDEX("support", "government, place, partner, what, notes")
	TINDEX("research", "government, topic, notes")
	TINDEX("promotion", "name, venue, city, governments, shown, notes")
	TINDEX("jet", "placement, notes")
	TINDEX("friendship", "japanese, partner, region, notes")
	TINDEX("rep_office", "government, city, name, notes")
	TINDEX("delegation", "who, place, government, purpose, notes"),
	/* 25 -> 26: cheaper checks on the rows an import writes */
	KZ_SCHEMA_CHECKS,
	/* 26 -> 27: the lists' indexes with three-character prefixes */
	KZ_SCHEMA_PREFIX,
	KZ_SCHEMA_SPAN,	/* 27 -> 28: a specialist's dispatches' days */
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int
kz_db_fail(struct kz_db *db, struct kz_err *err, const char *what)
{
	if (db && db->sql && sqlite3_extended_errcode(db->sql) ==
	    SQLITE_CONSTRAINT_COMMITHOOK)
		return kz_err_add(err, "", _("database: %s: a change to records "
		    "that travel was made outside a transaction, so it would "
		    "miss the outbox; nothing was written"), what);
	return kz_err_add(err, "", _("database: %s: %s"), what,
	    db && db->sql ? sqlite3_errmsg(db->sql) : _("no connection"));
}

static int
exec(struct kz_db *db, const char *sql, struct kz_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
		kz_err_add(err, "", _("database: %s"), msg ? msg : "?");
		sqlite3_free(msg);
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* The value of the column of table that its foreign key fkid names,
 * in row, into out ("?" if it cannot be read). */
static void
fk_value(struct kz_db *db, const char *table, sqlite3_int64 row, int fkid,
    char *out, size_t size)
{
	sqlite3_stmt *st;
	char *sql = NULL;

	snprintf(out, size, "?");
	if (sqlite3_prepare_v2(db->sql, "SELECT \"from\" FROM "
	    "pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, fkid);
	if (sqlite3_step(st) == SQLITE_ROW)
		sql = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE rowid "
		    "= ?", (const char *)sqlite3_column_text(st, 0), table);
	sqlite3_finalize(st);
	if (sql == NULL || sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(sql);
		return;
	}
	sqlite3_free(sql);
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		kz_text_shown((const char *)sqlite3_column_text(st, 0), out,
		    size);
	sqlite3_finalize(st);
}

/* The rows of table in the reader's words, or its name. */
static void
table_shown(struct kz_db *db, const char *table, char *out, size_t size)
{
	const char *w = db->table_word && table ? db->table_word(table) :
	    NULL;

	if (w)
		snprintf(out, size, "%s", w);
	else
		kz_text_shown(table, out, size);
}

/*
 * A commit the deferred foreign keys refused ("FOREIGN KEY constraint
 * failed", naming nothing), explained while the transaction is still
 * open: the first rows that name a record this database does not have,
 * and how many more. A bundle that adds a dispatch of a specialist kept
 * aside says which one, not only that it cannot be applied.
 */
static void
fk_explain(struct kz_db *db, struct kz_err *err)
{
	sqlite3_stmt *st;
	long more = 0;
	int n = 0;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char table[64], parent[64], value[128];

		if (n == 3) {
			more++;
			continue;
		}
		table_shown(db, (const char *)sqlite3_column_text(st, 0),
		    table, sizeof table);
		table_shown(db, (const char *)sqlite3_column_text(st, 2),
		    parent, sizeof parent);
		fk_value(db, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_int64(st, 1), sqlite3_column_int(st, 3),
		    value, sizeof value);
		kz_err_add(err, table, _("names %s %s, which is not in this "
		    "database"), parent, value);
		n++;
	}
	sqlite3_finalize(st);
	if (more)
		kz_err_add(err, "", _("and %ld more rows that name a record "
		    "not in this database"), more);
}

/* A savepoint's statements, kept prepared: an import opens one a row,
 * and parsing the text each time was a tenth of its time. */
static const char sp_open[] = "SAVEPOINT kz";
static const char sp_release[] = "RELEASE kz";
static const char sp_undo[] = "ROLLBACK TO kz";

static int
savepoint(struct kz_db *db, const char *sql, struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return exec(db, sql, err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && err)
		kz_err_add(err, "", _("database: %s"), sqlite3_errmsg(db->sql));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : KZ_ERROR;
}

/*
 * Capture for sync. A session records every row a transaction changes in
 * the tables that travel; just before COMMIT its changeset goes into
 * sync_outbox in the same transaction, so a change and its record for the
 * next export are kept or lost together. A fresh session starts after
 * every commit or rollback. Which tables travel is sync_rules.c's to say.
 */
static int
capture_filter(void *ctx, const char *table)
{
	/* Called for every row written to a table the session has not taken
	 * (FTS5's shadow tables on every index write): the rules are a short
	 * list in memory, no SQL: a query per call would scan the schema;
	 * and the tables asked last are answered from memory, not by going
	 * down the list (3,000 instructions a call). */
	struct kz_db *db = ctx;
	struct kz_db_filtered *f;
	size_t n = strlen(table);
	bool travels;

	for (int i = 0; db && i < db->nfiltered; i++)
		if (strcmp(db->filtered[i].table, table) == 0)
			return db->filtered[i].travels;
	travels = kz_sync_rule_travels(table);
	/* in turn: the tables asked in a run (an index's) take every
	 * place, not one */
	if (db && n < sizeof db->filtered[0].table) {
		int max = (int)(sizeof db->filtered / sizeof db->filtered[0]);

		f = &db->filtered[db->nextfiltered++ % max];
		memcpy(f->table, table, n + 1);
		f->travels = travels;
		if (db->nfiltered < max)
			db->nfiltered++;
	}
	return travels;
}

/*
 * The one write path. Every commit passes here: one that carries changes
 * to tables that travel is let through only from kz_db_commit, which has
 * put them in the outbox first; any other (a write in autocommit, a
 * savepoint released after SQLite dropped the transaction) becomes a
 * rollback, so a forgotten transaction fails loudly instead of losing
 * a change for sync.
 */
static int
commit_hook(void *ctx)
{
	struct kz_db *db = ctx;
	bool travels = db->flushed ||
	    (db->capture && !sqlite3session_isempty(db->capture));

	if (travels && !db->committing)
		return 1;	/* SQLite rolls the transaction back */
	if (travels && db->kill_after > 0 && --db->kill_after == 0)
		db->kill_now = true;
	return 0;
}

/* Called once the commit is in the log: the test hook's kill point. */
static int
wal_hook(void *ctx, sqlite3 *sql, const char *name, int pages)
{
	struct kz_db *db = ctx;

	if (db->kill_now)
		raise(SIGKILL);
	/* what sqlite3_wal_autocheckpoint would do, which this hook replaces */
	if (pages >= 1000)
		sqlite3_wal_checkpoint(sql, name);
	return SQLITE_OK;
}

/* KZ_TEST_KILL_AFTER_SAVE=N: the process kills itself (SIGKILL, as a
 * dropped terminal) right after its Nth commit of changes that travel,
 * so tests can check what such a commit left for sync. Unset: nothing. */
static void
test_kill_hook(struct kz_db *db)
{
	const char *v = getenv("KZ_TEST_KILL_AFTER_SAVE");

	if (v == NULL || *v == '\0')
		return;
	db->kill_after = atoi(v) > 0 ? atoi(v) : 1;
	sqlite3_wal_hook(db->sql, wal_hook, db);
}

static void
capture_restart(struct kz_db *db)
{
	int on = 1;

	if (db->capture) {
		on = sqlite3session_enable(db->capture, -1);
		sqlite3session_delete(db->capture);
		db->capture = NULL;
	}
	/* a migration's rewrites (a column filled for every row) are
	 * neither changes to send nor anybody's edit */
	if (db->migrating)
		return;
	if (sqlite3session_create(db->sql, "main", &db->capture) != SQLITE_OK) {
		db->capture = NULL;
		return;
	}
	sqlite3session_table_filter(db->capture, capture_filter, db);
	sqlite3session_attach(db->capture, NULL);
	sqlite3session_enable(db->capture, on);
}

int
kz_db_capture_count(const void *data, int size)
{
	sqlite3_changeset_iter *it;
	int n = 0;

	if (size <= 0 || sqlite3changeset_start(&it, size, (void *)data) !=
	    SQLITE_OK)
		return 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		n++;
	sqlite3changeset_finalize(it);
	return n;
}

/* The changeset data of n changes (-1: counted here) into the outbox
 * (outbox.h). */
static int
outbox_put(struct kz_db *db, const void *data, int size, int n,
    struct kz_err *err)
{
	char now[32];

	if (size == 0)
		return KZ_OK;
	kz_now_utc(now);
	if (kz_outbox_put(db->sql, data, size, n < 0 ? kz_db_capture_count(data,
	    size) : n, db->taken_in, now) != SQLITE_OK)
		return kz_db_fail(db, err, _("recording changes for sync"));
	return KZ_OK;
}

int
kz_db_capture_store(struct kz_db *db, sqlite3_session *s, struct kz_err *err)
{
	void *data = NULL;
	int size = 0, rc;

	if (s == NULL || sqlite3session_isempty(s))
		return KZ_OK;
	if (sqlite3session_changeset(s, &size, &data) != SQLITE_OK)
		return kz_db_fail(db, err, _("recording changes for sync"));
	rc = kz_db_outbox_put(db, data, size, err);
	sqlite3_free(data);
	return rc;
}

int
kz_db_outbox_put(struct kz_db *db, const void *data, int size,
    struct kz_err *err)
{
	return outbox_put(db, data, size, -1, err);
}

void
kz_db_capture_pause(struct kz_db *db, bool paused)
{
	if (db->capture)
		sqlite3session_enable(db->capture, paused ? 0 : 1);
}

/* The reason SQLite gave when it dropped the transaction, kept at the
 * first look afterwards: the statements that follow overwrite it. */
static bool
check_lost(struct kz_db *db)
{
	if (db->depth == 0 || !sqlite3_get_autocommit(db->sql))
		return false;
	if (db->lost[0] == '\0')
		snprintf(db->lost, sizeof db->lost, "%s",
		    sqlite3_errcode(db->sql) != SQLITE_OK ?
		    sqlite3_errmsg(db->sql) : _("the transaction was rolled "
		    "back"));
	return true;
}

bool
kz_db_lost(struct kz_db *db)
{
	return check_lost(db);
}

int
kz_db_stopped(struct kz_db *db, const char *name, long line,
    struct kz_err *err)
{
	char where[300];

	check_lost(db);
	if (line > 0)
		snprintf(where, sizeof where, "%s:%ld", name, line);
	else
		snprintf(where, sizeof where, "%s", name);
	kz_err_add(err, where, _("the import stopped here: %s; nothing was "
	    "imported"), db->lost[0] ? db->lost : _("the transaction was "
	    "rolled back"));
	while (db->depth > 0)
		kz_db_rollback(db);
	return KZ_ERROR;
}

int
kz_db_begin(struct kz_db *db, struct kz_err *err)
{
	/* a savepoint here would open a new transaction, outside the one
	 * the caller thinks it is in */
	if (check_lost(db))
		return kz_err_add(err, "", _("database: the transaction was "
		    "rolled back: %s"), db->lost);
	if (db->depth == 0 && db->capture &&
	    !sqlite3session_isempty(db->capture))
		capture_restart(db);	/* what a refused commit left */
	if (db->depth > 0 && db->bulk) {
		db->depth++;
		return KZ_OK;
	}
	if (db->depth == 0 ? exec(db, "BEGIN IMMEDIATE", err) :
	    savepoint(db, sp_open, err))
		return KZ_ERROR;
	if (db->depth == 0) {
		db->lost[0] = '\0';
		db->taken_in = false;
		db->bulk = false;
		db->spoilt = false;
		db->flushed = false;
		db->id_run[0] = '\0';
	}
	db->depth++;
	return KZ_OK;
}

/* The history rows of what the transaction changed, before they are
 * captured for sync with it. Changes taken in from elsewhere bring their
 * own. */
static int
history_log(struct kz_db *db, struct kz_err *err)
{
	char now[32];

	kz_now_utc(now);
	return kz_history_log(db->sql, db->capture, db->cfg &&
	    db->cfg->office_id ? db->cfg->office_id : "KZ",
	    db->cfg ? db->cfg->user : NULL, now, err);
}

int
kz_db_capture_flush(struct kz_db *db, struct kz_err *err)
{
	void *data = NULL;
	int size = 0, rc = KZ_OK, n = -1, on = 1;
	char now[32];
	struct kz_buf all = { 0 };
	bool own;

	if (db->depth != 1 || db->capture == NULL ||
	    sqlite3session_isempty(db->capture))
		return KZ_OK;
	if (check_lost(db))
		return kz_err_add(err, "", _("database: the transaction was "
		    "rolled back: %s"), db->lost);
	/* The changeset is made once, for the history and the outbox
	 * both (making it reads every row again). The history rows it
	 * gives go in the same outbox row, put there as the capture would
	 * have (kz_history_log_own), not captured: every value is in hand,
	 * and the capture reads each row back. */
	if (sqlite3session_changeset(db->capture, &size, &data) != SQLITE_OK)
		return kz_db_fail(db, err, _("recording changes for sync"));
	capture_restart(db);
	kz_now_utc(now);
	own = !db->taken_in && db->capture && kz_history_log_own(db->sql);
	if (own) {
		kz_buf_put(&all, data, (size_t)size);
		on = sqlite3session_enable(db->capture, -1);
		sqlite3session_enable(db->capture, 0);
	}
	if (!db->taken_in && kz_history_log_changeset(db->sql, data, size,
	    db->cfg && db->cfg->office_id ? db->cfg->office_id : "KZ",
	    db->cfg ? db->cfg->user : NULL, now, &n, own ? &all : NULL, err))
		rc = KZ_ERROR;
	if (own)
		sqlite3session_enable(db->capture, on);
	if (rc == KZ_OK && own && (all.oom || all.len > INT_MAX))
		rc = kz_err_add(err, "", _("out of memory"));
	if (rc == KZ_OK)
		rc = own ? outbox_put(db, all.s, (int)all.len, n, err) :
		    outbox_put(db, data, size, n, err);
	kz_buf_free(&all);
	sqlite3_free(data);
	if (rc == KZ_OK)
		db->flushed = true;
	return rc;
}

void
kz_db_bulk(struct kz_db *db, bool on)
{
	if (db->depth == 1)
		db->bulk = on;
	db->id_run[0] = '\0';
}

int
kz_db_commit(struct kz_db *db, struct kz_err *err)
{
	int rc;

	if (check_lost(db)) {
		kz_err_add(err, "", _("database: the transaction was rolled "
		    "back: %s"), db->lost);
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (db->depth > 1 && db->bulk) {
		db->depth--;
		return KZ_OK;
	}
	if (db->depth == 1 && db->spoilt) {
		kz_err_add(err, "", _("database: the transaction was rolled "
		    "back: %s"), _("a part of it failed"));
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (db->depth == 1 && !db->taken_in && history_log(db, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (db->depth == 1 && kz_db_capture_store(db, db->capture, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	db->committing = db->depth == 1;
	rc = db->depth == 1 ? exec(db, "COMMIT", err) :
	    savepoint(db, sp_release, err);
	db->committing = false;
	if (rc != KZ_OK) {
		if (db->depth == 1 && sqlite3_extended_errcode(db->sql) ==
		    SQLITE_CONSTRAINT_FOREIGNKEY && !sqlite3_get_autocommit(
		    db->sql))
			fk_explain(db, err);
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (--db->depth == 0) {
		db->bulk = db->flushed = false;
		capture_restart(db);
	}
	return KZ_OK;
}

int
kz_db_end(struct kz_db *db, int rc, struct kz_err *err)
{
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

void
kz_db_rollback(struct kz_db *db)
{
	if (db->depth == 0)
		return;
	if (check_lost(db))
		;	/* SQLite has rolled it all back: nothing to undo */
	else if (db->depth > 1 && db->bulk)
		db->spoilt = true;	/* no savepoint: undone with it all */
	else if (db->depth == 1)
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	else if (savepoint(db, sp_undo, NULL) == KZ_OK)
		savepoint(db, sp_release, NULL);
	if (--db->depth == 0) {
		db->bulk = db->spoilt = db->flushed = false;
		capture_restart(db);
	}
}

long long
kz_db_others(struct kz_db *db)
{
	sqlite3_stmt *st = kz_db_stmt(db, "PRAGMA data_version");
	long long v = -1;

	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return v;
}

sqlite3_stmt *
kz_db_stmt(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;

	for (int i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			return db->cache[i].st;
		}
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK)
		return NULL;
	if (db->ncache == db->capcache) {
		int cap = db->capcache ? db->capcache * 2 : 64;
		struct kz_db_cached *c = realloc(db->cache, (size_t)cap *
		    sizeof *c);
		if (c == NULL) {
			sqlite3_finalize(st);
			return NULL;
		}
		db->cache = c;
		db->capcache = cap;
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache++].st = st;
	return st;
}

int
kz_db_schema_latest(void)
{
	return NMIGRATIONS;
}

int
kz_db_schema_version(struct kz_db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* kz_name_key(name, name_roman) in SQL: kz_name_sort_key. */
static void
name_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *key = kz_name_sort_key((const char *)sqlite3_value_text(argv[0]),
	    (const char *)sqlite3_value_text(argv[1]));

	(void)argc;
	if (key == NULL)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, key, -1, free);
}

/* kz_year(date) in SQL: the office's reporting year of a date
 * (kz_year_of), NULL for no date; the year counts of the lists use it. */
static void
year_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kz_db *db = sqlite3_user_data(ctx);
	const char *d = (const char *)sqlite3_value_text(argv[0]);
	int y = d ? kz_year_of(db->cfg, d) : 0;

	(void)argc;
	if (y)
		sqlite3_result_int(ctx, y);
	else
		sqlite3_result_null(ctx);
}

static int
migrate(struct kz_db *db, struct kz_err *err)
{
	int v = kz_db_schema_version(db);
	char bump[64];

	if (v < 0)
		return kz_db_fail(db, err, _("reading the schema version"));
	if (v > NMIGRATIONS)
		return kz_err_add(err, "", _("the database has schema version "
		    "%d, newer than this kizuna knows (%d): upgrade kizuna"),
		    v, NMIGRATIONS);
	db->migrating = true;
	for (; v < NMIGRATIONS; v++) {
		if (kz_db_begin(db, err) != KZ_OK)
			break;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if (exec(db, migrations[v], err) != KZ_OK ||
		    exec(db, bump, err) != KZ_OK) {
			kz_db_rollback(db);
			break;
		}
		if (kz_db_commit(db, err) != KZ_OK)
			break;
	}
	db->migrating = false;
	return v < NMIGRATIONS ? KZ_ERROR : KZ_OK;
}

/* Create the file 0600 ourselves: SQLite would use the umask. */
static int
create_private(const char *path, struct kz_err *err)
{
	int fd;

	if (strcmp(path, ":memory:") == 0 || access(path, F_OK) == 0)
		return KZ_OK;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return kz_err_add(err, path, _("cannot create the database: %s"),
		    strerror(errno));
	close(fd);
	return KZ_OK;
}

struct kz_db *
kz_db_open(const char *path, const struct kz_config *cfg, struct kz_err *err)
{
	struct kz_db *db = calloc(1, sizeof *db);

	if (db == NULL) {
		kz_err_add(err, "", _("out of memory"));
		return NULL;
	}
	db->cfg = cfg;
	if ((db->path = strdup(path)) == NULL) {
		kz_err_add(err, "", _("out of memory"));
		goto fail;
	}
	if (create_private(path, err) != KZ_OK)
		goto fail;
	if (sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		kz_err_add(err, path, _("cannot open the database: %s"),
		    db->sql ? sqlite3_errmsg(db->sql) : _("out of memory"));
		goto fail;
	}
	sqlite3_busy_timeout(db->sql, 5000);
	sqlite3_extended_result_codes(db->sql, 1);
	/* the searches compare text folded (fold.h) */
	if (kz_fold_register(db->sql) != SQLITE_OK) {
		kz_err_add(err, path, _("out of memory"));
		goto fail;
	}
	/* A file that is not a database fails here, before anything is written. */
	if (exec(db, "PRAGMA foreign_keys = ON", err) != KZ_OK ||
	    kz_db_schema_version(db) < 0) {
		kz_err_clear(err);
		kz_err_add(err, path, _("not a kizuna database: %s"),
		    sqlite3_errmsg(db->sql));
		goto fail;
	}
	if (strcmp(path, ":memory:") != 0 &&
	    exec(db, "PRAGMA journal_mode = WAL", err) != KZ_OK)
		goto fail;
	if (sqlite3_create_function(db->sql, "kz_name_key", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, name_key_fn, NULL, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "kz_name_key");
		goto fail;
	}
	if (sqlite3_create_function(db->sql, "kz_year", 1, SQLITE_UTF8, db,
	    year_fn, NULL, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "kz_year");
		goto fail;
	}
	if (kz_rowset_register(db->sql) != SQLITE_OK) {
		kz_db_fail(db, err, "kz_hit");
		goto fail;
	}
	if (exec(db, "PRAGMA synchronous = NORMAL", err) != KZ_OK ||
	    migrate(db, err) != KZ_OK)
		goto fail;
	capture_restart(db);
	sqlite3_commit_hook(db->sql, commit_hook, db);
	test_kill_hook(db);
	return db;
fail:
	kz_db_close(db);
	return NULL;
}

void
kz_db_close(struct kz_db *db)
{
	if (db == NULL)
		return;
	if (db->capture)
		sqlite3session_delete(db->capture);
	for (int i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	kz_db_forget_orders(db);
	sqlite3_close_v2(db->sql);
	free(db->path);
	sodium_memzero(db->secret, sizeof db->secret);
	free(db);
}

void
kz_now_utc(char out[32])
{
	char date[11];
	long secs, day = kz_date_day_of(kz_date_now(), &secs);

	kz_date_from_days(day, date);
	snprintf(out, 32, "%sT%02u:%02u:%02uZ", date,
	    (unsigned)(secs / 3600) % 24u, (unsigned)(secs / 60 % 60) % 60u,
	    (unsigned)(secs % 60) % 60u);
}
