/* sync_chain.c - changes the merge of the outbox would net away, sent as they were made. */
#include "sync_chain.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "changeset.h"
#include "i18n.h"
#include "outbox.h"
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
	"CREATE INDEX kzchain.col_key ON col (key);"
	"CREATE TABLE kzchain.merged (key TEXT PRIMARY KEY, op INTEGER);"
	"CREATE TABLE kzchain.act (key TEXT PRIMARY KEY, first INTEGER);";

/* SQLite's operation codes: 18 insert, 23 update, 9 delete. For the rows
 * of one batch, keys ?1 to ?2. */
static const char chain_act[] =
	"WITH k AS (SELECT key, min(n) AS first, max(n) AS last, "
	"    max(CASE WHEN op = 18 THEN n END) AS ins, sum(op <> 23) AS other, "
	"    min(CASE WHEN taken_in THEN n END) AS came "
	"    FROM kzchain.up WHERE key BETWEEN ?1 AND ?2 GROUP BY key "
	"    HAVING count(DISTINCT ncol) = 1), "
	"s AS (SELECT k.*, (SELECT op FROM kzchain.up WHERE n = k.last) "
	"    AS now, (SELECT op FROM kzchain.merged m WHERE m.key = k.key) "
	"    AS m FROM k) "
	"INSERT INTO kzchain.act SELECT key, CASE "
	"    WHEN other = 0 THEN first "
	"    WHEN now <> 9 THEN ins "
	"    ELSE last END FROM s WHERE "
	"  (other = 0 AND came < last AND key IN (SELECT key FROM "
	"    kzchain.col WHERE key BETWEEN ?1 AND ?2 GROUP BY key, c "
	"    HAVING count(*) > 1)) OR "
	"  (now <> 9 AND ins IS NOT NULL AND coalesce(m, 0) <> 18) OR "
	"  (now = 9 AND m IS NULL);";

/* Bytes of outbox changes merged at a time: the merge's memory. */
#define CHAIN_BATCH (1024 * 1024)

struct kz_sync_chain {
	struct kz_db *db;
	bool own;			/* the scratch's transaction is ours */
	bool started, done;
	sqlite3_stmt *up, *col, *merged, *skip, *rows, *act, *count;
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
	struct kz_sync_chain *ch = arg;
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
	struct kz_sync_chain *ch = arg;

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
	struct kz_sync_chain *ch = arg;
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
append_acts(struct kz_db *db, struct kz_sync_chain *ch)
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
kz_sync_chain_open(struct kz_db *db, long upto, struct kz_sync_chain **out,
    struct kz_err *err)
{
	struct kz_sync_chain *ch;
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if ((ch = calloc(1, sizeof *ch)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	ch->db = db;
	/* A private scratch file, not memory: it holds a copy of every
	 * change in the outbox, and the outbox after an import of 100,000
	 * rows is a hundred megabytes; SQLite keeps it in its cache as long
	 * as that holds, then on disk. */
	if (sqlite3_exec(db->sql, "ATTACH '' AS kzchain", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		free(ch);
		return kz_db_fail(db, err, "export");
	}
	/* one transaction for the scratch rows, not one each (attached
	 * outside it: ATTACH cannot run inside a transaction) */
	ch->own = sqlite3_get_autocommit(db->sql) &&
	    sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	rc = sqlite3_exec(db->sql, chain_schema, NULL, NULL, NULL) ==
	    SQLITE_OK ? KZ_OK : KZ_ERROR;
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT INTO kzchain.up (key, hdr, ncol, op, "
		    "bytes, taken_in) VALUES (?, ?, ?, ?, ?, ?)", &ch->up);
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT INTO kzchain.col VALUES (?, ?)",
		    &ch->col);
	if (rc == KZ_OK)
		rc = prepare(db, "INSERT OR REPLACE INTO kzchain.merged "
		    "VALUES (?, ?)", &ch->merged);
	if (rc == KZ_OK)
		rc = prepare(db, "SELECT data, taken_in FROM sync_outbox "
		    "WHERE n <= ? ORDER BY n", &st);
	if (rc == KZ_OK)
		sqlite3_bind_int64(st, 1, upto);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const void *data;
		void *owned;
		int size;

		ch->taken_in = sqlite3_column_int(st, 1);
		rc = kz_outbox_data(st, 0, &data, &size, &owned);
		if (rc == KZ_OK)
			rc = kz_cs_walk(data, size, keep_change, ch);
		free(owned);
	}
	sqlite3_finalize(st);
	if (rc == KZ_OK)
		rc = prepare(db, "SELECT key, hdr, bytes FROM kzchain.up "
		    "ORDER BY key, n", &ch->rows);
	if (rc == KZ_OK)
		rc = prepare(db, chain_act, &ch->act);
	if (rc == KZ_OK)
		rc = prepare(db, "SELECT count(*) FROM kzchain.act", &ch->count);
	if (rc == KZ_OK)
		rc = prepare(db, "SELECT 1 FROM kzchain.act WHERE key = ?",
		    &ch->skip);
	if (rc != KZ_OK) {
		kz_sync_chain_close(ch);
		return kz_err_add(err, "", _("the outbox of changes is "
		    "damaged"));
	}
	*out = ch;
	return KZ_OK;
}

/* Scratch statements run once each. */
static int
run(struct kz_db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    KZ_OK : KZ_ERROR;
}

/* One batch: the changes of the rows from the row the statement stands
 * on, about CHAIN_BATCH bytes of them, whole rows, merged and chained. */
static int
batch(struct kz_sync_chain *ch, void **data, int *size)
{
	struct kz_db *db = ch->db;
	struct kz_buf in = { 0 }, hdr = { 0 }, lo = { 0 }, hi = { 0 };
	sqlite3_changegroup *g = NULL;
	int rc = KZ_OK, acts = 0, step = SQLITE_ROW;

	*data = NULL;
	*size = 0;
	if (!ch->started) {
		ch->started = true;
		step = sqlite3_step(ch->rows);
	}
	while (step == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(ch->rows, 0);
		const void *h = sqlite3_column_blob(ch->rows, 1);
		size_t nh = (size_t)sqlite3_column_bytes(ch->rows, 1);

		if (in.len >= CHAIN_BATCH && strcmp(key, kz_buf_str(&hi)) != 0)
			break;
		if (lo.len == 0)
			kz_buf_puts(&lo, key);
		hi.len = 0;
		kz_buf_puts(&hi, key);
		if (nh != hdr.len || memcmp(h, hdr.s, nh) != 0) {
			hdr.len = 0;
			kz_buf_put(&hdr, h, nh);
			kz_buf_put(&in, h, nh);
		}
		kz_buf_put(&in, sqlite3_column_blob(ch->rows, 2),
		    (size_t)sqlite3_column_bytes(ch->rows, 2));
		step = sqlite3_step(ch->rows);
	}
	if (step != SQLITE_ROW)
		ch->done = true;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = KZ_ERROR;
	if (in.oom || lo.oom || hi.oom || hdr.oom)
		rc = KZ_ERROR;
	if (rc != KZ_OK || in.len == 0)
		goto out;
	/* the rows' changes merged, as the whole outbox's would be: a
	 * merge nets each row's own changes, never two rows' */
	if (sqlite3changegroup_new(&g) != SQLITE_OK ||
	    sqlite3changegroup_add(g, (int)in.len, in.s) != SQLITE_OK ||
	    sqlite3changegroup_output(g, size, data) != SQLITE_OK) {
		rc = KZ_ERROR;
		goto out;
	}
	if (run(db, "DELETE FROM kzchain.merged; DELETE FROM kzchain.act") ||
	    kz_cs_walk(*data, *size, note_merged, ch) != KZ_OK) {
		rc = KZ_ERROR;
		goto out;
	}
	sqlite3_bind_text(ch->act, 1, kz_buf_str(&lo), -1, SQLITE_STATIC);
	sqlite3_bind_text(ch->act, 2, kz_buf_str(&hi), -1, SQLITE_STATIC);
	rc = sqlite3_step(ch->act) == SQLITE_DONE ? KZ_OK : KZ_ERROR;
	sqlite3_reset(ch->act);
	if (rc == KZ_OK && sqlite3_step(ch->count) == SQLITE_ROW)
		acts = sqlite3_column_int(ch->count, 0);
	sqlite3_reset(ch->count);
	if (rc == KZ_OK && acts > 0) {
		ch->out.len = 0;
		rc = kz_cs_walk(*data, *size, copy_change, ch);
		if (rc == KZ_OK)
			rc = append_acts(db, ch);
		if (rc == KZ_OK)
			rc = kz_cs_replace(data, size, &ch->out);
	}
out:
	sqlite3changegroup_delete(g);
	kz_buf_free(&in);
	kz_buf_free(&hdr);
	kz_buf_free(&lo);
	kz_buf_free(&hi);
	if (rc != KZ_OK) {
		sqlite3_free(*data);
		*data = NULL;
		*size = 0;
	}
	return rc;
}

int
kz_sync_chain_next(struct kz_sync_chain *ch, void **data, int *size,
    struct kz_err *err)
{
	*data = NULL;
	*size = 0;
	while (!ch->done) {
		if (batch(ch, data, size) != KZ_OK)
			return kz_err_add(err, "", _("the outbox of changes is "
			    "damaged"));
		if (*size > 0)
			return KZ_OK;
		sqlite3_free(*data);	/* netted away: the next rows */
		*data = NULL;
	}
	return KZ_OK;
}

void
kz_sync_chain_close(struct kz_sync_chain *ch)
{
	if (ch == NULL)
		return;
	sqlite3_finalize(ch->up);
	sqlite3_finalize(ch->col);
	sqlite3_finalize(ch->merged);
	sqlite3_finalize(ch->skip);
	sqlite3_finalize(ch->rows);
	sqlite3_finalize(ch->act);
	sqlite3_finalize(ch->count);
	kz_buf_free(&ch->key);
	kz_buf_free(&ch->out);
	/* it wrote the scratch file only: nothing to keep */
	if (ch->own)
		sqlite3_exec(ch->db->sql, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(ch->db->sql, "DETACH kzchain", NULL, NULL, NULL);
	free(ch);
}
