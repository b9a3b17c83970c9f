/* sync_chain.c - changes the merge of the outbox would net away, sent as they were made. */
#include "sync_chain.h"

#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "changeset.h"
#include "i18n.h"
#include "sync_change.h"

/*
 * The outbox is copied into a scratch database (kzchain) while the
 * export runs: up, every change of a row in the order it was made (its
 * key, its table's header and column count, its operation and bytes);
 * col, every field an update changed; merged, the operation the merge
 * left for a row. act says, for each row the merge would misstate, from
 * which of its changes on they are sent as they were made:
 *
 *	chain		only updates, a field changed twice or more, and
 *			a change before the last between values another
 *			database holds (taken in, or a settlement): all (a
 *			value made here and changed again never left);
 *	reinsert	here now, inserted after a deletion (a row taken
 *			away and put back, or a declined addition that went
 *			out as a deletion and was then accepted), and not
 *			left an insertion: from the last insertion on, so
 *			that an office that never had the row gets it;
 *	redelete	gone now, and the merge left nothing (inserted and
 *			deleted since the last bundle): the last deletion,
 *			so that an office that has the row loses it.
 */
static const char chain_schema[] =
	"CREATE TABLE kzchain.up (key TEXT NOT NULL, n INTEGER PRIMARY KEY, "
	"    hdr BLOB, ncol INTEGER, op INTEGER, bytes BLOB, taken_in INTEGER);"
	"CREATE INDEX kzchain.up_key ON up (key, n);"
	"CREATE TABLE kzchain.col (key TEXT NOT NULL, c INTEGER);"
	"CREATE TABLE kzchain.merged (key TEXT PRIMARY KEY, op INTEGER);";

/* SQLite's operation codes: 18 insert, 23 update, 9 delete. */
static const char chain_act[] =
	"CREATE TABLE kzchain.act (key TEXT PRIMARY KEY, first INTEGER);"
	"WITH k AS (SELECT key, min(n) AS first, max(n) AS last, "
	"    max(CASE WHEN op = 18 THEN n END) AS ins, sum(op <> 23) AS other, "
	"    min(CASE WHEN taken_in THEN n END) AS came "
	"    FROM kzchain.up GROUP BY key HAVING count(DISTINCT ncol) = 1), "
	"s AS (SELECT k.*, (SELECT op FROM kzchain.up WHERE n = k.last) "
	"    AS now, (SELECT op FROM kzchain.merged m WHERE m.key = k.key) "
	"    AS m FROM k) "
	"INSERT INTO kzchain.act SELECT key, CASE "
	"    WHEN other = 0 THEN first "
	"    WHEN now <> 9 THEN ins "
	"    ELSE last END FROM s WHERE "
	"  (other = 0 AND came < last AND key IN (SELECT key FROM "
	"    kzchain.col GROUP BY key, c HAVING count(*) > 1)) OR "
	"  (now <> 9 AND ins IS NOT NULL AND coalesce(m, 0) <> 18) OR "
	"  (now = 9 AND m IS NULL);";

struct chain {
	sqlite3_stmt *up, *col, *merged, *skip;
	struct kz_buf key, out;
	const unsigned char *hdr;	/* the current table's header */
	int taken_in;			/* of the outbox entry walked */
	size_t nhdr;
};

/* A row (a key and a number) into a scratch table. */
static int
put_row(sqlite3_stmt *st, const struct kz_buf *key, int v)
{
	int rc;

	sqlite3_bind_text(st, 1, kz_buf_str(key), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, v);
	rc = sqlite3_step(st) == SQLITE_DONE && !key->oom ? KZ_OK : KZ_ERROR;
	sqlite3_reset(st);
	return rc;
}

/* An outbox change: kept, with the fields an update changed. */
static int
keep_change(void *arg, sqlite3_changeset_iter *it, const unsigned char *p,
    size_t n, int ncol)
{
	struct chain *ch = arg;
	const char *t;
	int nc, op, ind;

	if (it == NULL) {
		ch->hdr = p;
		ch->nhdr = n;
		return KZ_OK;
	}
	sqlite3changeset_op(it, &t, &nc, &op, &ind);
	kz_sync_change_key(it, &ch->key);
	if (ch->key.oom)
		return KZ_ERROR;
	sqlite3_bind_text(ch->up, 1, kz_buf_str(&ch->key), -1, SQLITE_STATIC);
	sqlite3_bind_blob(ch->up, 2, ch->hdr, (int)ch->nhdr, SQLITE_STATIC);
	sqlite3_bind_int(ch->up, 3, ncol);
	sqlite3_bind_int(ch->up, 4, op);
	sqlite3_bind_blob(ch->up, 5, p, (int)n, SQLITE_STATIC);
	sqlite3_bind_int(ch->up, 6, ch->taken_in);
	if (sqlite3_step(ch->up) != SQLITE_DONE)
		return KZ_ERROR;
	sqlite3_reset(ch->up);
	for (int c = 0; op == SQLITE_UPDATE && c < ncol; c++) {
		sqlite3_value *v = NULL;
		sqlite3changeset_new(it, c, &v);
		if (v != NULL && put_row(ch->col, &ch->key, c) != KZ_OK)
			return KZ_ERROR;
	}
	return KZ_OK;
}

/* A change of the merged changeset: what the merge left for its row. */
static int
note_merged(void *arg, sqlite3_changeset_iter *it, const unsigned char *p,
    size_t n, int ncol)
{
	struct chain *ch = arg;

	if (it == NULL)
		return KZ_OK;
	kz_sync_change_key(it, &ch->key);
	return put_row(ch->merged, &ch->key, p[0]);
}

/* A change of the merged changeset: copied, unless its row's changes are
 * sent as they were made. */
static int
copy_change(void *arg, sqlite3_changeset_iter *it, const unsigned char *p,
    size_t n, int ncol)
{
	struct chain *ch = arg;
	bool skip = false;

	if (it != NULL) {
		kz_sync_change_key(it, &ch->key);
		sqlite3_bind_text(ch->skip, 1, kz_buf_str(&ch->key), -1,
		    SQLITE_STATIC);
		skip = sqlite3_step(ch->skip) == SQLITE_ROW;
		sqlite3_reset(ch->skip);
	}
	if (!skip)
		kz_buf_put(&ch->out, (const char *)p, n);
	return ch->out.oom || ch->key.oom ? KZ_ERROR : KZ_OK;
}

/* The rows' changes as they were made, after the merged ones: a table's
 * header again before them (a table may be named twice; the receiver
 * goes by each change's table). */
static int
append_acts(struct kz_db *db, struct chain *ch)
{
	sqlite3_stmt *st;
	struct kz_buf prev = { 0 };	/* the header last written */

	if (sqlite3_prepare_v2(db->sql, "SELECT u.hdr, u.bytes FROM kzchain.up "
	    "u JOIN kzchain.act a ON a.key = u.key AND u.n >= a.first "
	    "ORDER BY u.hdr, u.key, u.n", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const void *h = sqlite3_column_blob(st, 0);
		size_t nh = (size_t)sqlite3_column_bytes(st, 0);

		if (nh != prev.len || memcmp(h, prev.s, nh) != 0) {
			kz_buf_put(&ch->out, h, nh);
			prev.len = 0;
			kz_buf_put(&prev, h, nh);
		}
		kz_buf_put(&ch->out, sqlite3_column_blob(st, 1),
		    (size_t)sqlite3_column_bytes(st, 1));
	}
	sqlite3_finalize(st);
	kz_buf_free(&prev);
	return ch->out.oom ? KZ_ERROR : KZ_OK;
}

static int
prepare(struct kz_db *db, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(db->sql, sql, -1, st, NULL) == SQLITE_OK ?
	    KZ_OK : KZ_ERROR;
}

int
kz_sync_chain(struct kz_db *db, long upto, void **data, int *size,
    struct kz_err *err)
{
	struct chain ch = { 0 };
	sqlite3_stmt *st = NULL;
	int rc, acts = 0;
	bool own;

	/* A private scratch file, not memory: it holds a copy of every
	 * change in the outbox, and the outbox after an import of 100,000
	 * rows is a hundred megabytes; SQLite keeps it in its cache as long
	 * as that holds, then on disk. */
	if (sqlite3_exec(db->sql, "ATTACH '' AS kzchain", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return kz_db_fail(db, err, "export");
	/* one transaction for the scratch rows, not one each (attached
	 * outside it: ATTACH cannot run inside a transaction) */
	own = sqlite3_get_autocommit(db->sql) &&
	    sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	rc = sqlite3_exec(db->sql, chain_schema, NULL, NULL, NULL) ==
	    SQLITE_OK ? KZ_OK : KZ_ERROR;
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT INTO kzchain.up (key, hdr, ncol, op, "
		    "bytes, taken_in) VALUES (?, ?, ?, ?, ?, ?)", &ch.up);
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT INTO kzchain.col VALUES (?, ?)",
		    &ch.col);
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT OR REPLACE INTO kzchain.merged "
		    "VALUES (?, ?)", &ch.merged);
	if (rc == KZ_OK)
		rc = prepare(db, "SELECT data, taken_in FROM sync_outbox "
		    "WHERE n <= ? ORDER BY n", &st);
	if (rc == KZ_OK)
		sqlite3_bind_int64(st, 1, upto);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		ch.taken_in = sqlite3_column_int(st, 1);
		rc = kz_cs_walk(sqlite3_column_blob(st, 0),
		    sqlite3_column_bytes(st, 0), keep_change, &ch);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == KZ_OK)
		rc = kz_cs_walk(*data, *size, note_merged, &ch);
	if (rc == KZ_OK && sqlite3_exec(db->sql, chain_act, NULL, NULL, NULL)
	    != SQLITE_OK)
		rc = KZ_ERROR;
	if (rc == KZ_OK && prepare(db, "SELECT count(*) FROM kzchain.act",
	    &st) == KZ_OK && sqlite3_step(st) == SQLITE_ROW)
		acts = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc == KZ_OK && acts > 0) {
		rc = prepare(db, "SELECT 1 FROM kzchain.act WHERE key = ?",
		    &ch.skip);
		if (rc == KZ_OK)
			rc = kz_cs_walk(*data, *size, copy_change, &ch);
		if (rc == KZ_OK)
			rc = append_acts(db, &ch);
		if (rc == KZ_OK)
			rc = kz_cs_replace(data, size, &ch.out);
	}
	sqlite3_finalize(ch.up);
	sqlite3_finalize(ch.col);
	sqlite3_finalize(ch.merged);
	sqlite3_finalize(ch.skip);
	kz_buf_free(&ch.key);
	kz_buf_free(&ch.out);
	if (rc != KZ_OK)
		rc = kz_err_add(err, "", _("the outbox of changes is damaged"));
	/* it wrote the scratch file only: nothing to keep */
	if (own)
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(db->sql, "DETACH kzchain", NULL, NULL, NULL);
	return rc;
}
