/* sync_gone.c - deletions an export's merge would lose: a record head office passed on, then deleted before it was sent. */
#include "sync_gone.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "idset.h"
#include "sync_rules.h"

/* "table\x1fkey\x1fkey" of a change, its key columns' values as text. */
static void
key_of(sqlite3_changeset_iter *it, struct kz_buf *k)
{
	const char *t;
	int ncol, op, ind, npk;
	unsigned char *pk;

	sqlite3changeset_op(it, &t, &ncol, &op, &ind);
	sqlite3changeset_pk(it, &pk, &npk);
	k->len = 0;
	kz_buf_puts(k, t);
	for (int c = 0; c < ncol; c++)
		if (pk[c]) {
			sqlite3_value *v = NULL;
			if (op == SQLITE_INSERT)
				sqlite3changeset_new(it, c, &v);
			else
				sqlite3changeset_old(it, c, &v);
			kz_buf_printf(k, "\x1f%s", v && sqlite3_value_text(v) ?
			    (const char *)sqlite3_value_text(v) : "");
		}
}

/* Is the deleted row (old values of it) still in main? */
static bool
still_here(struct kz_db *db, sqlite3_changeset_iter *it, const char *t,
    int ncol, const unsigned char *pk)
{
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st;
	int k = 0;
	bool here = true;
	char *q = sqlite3_mprintf("SELECT 1 FROM main.\"%w\" WHERE 1", t);

	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	/* the key columns by position: the table's own order */
	if (sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?) "
	    "ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return true;
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	for (int c = 0; c < ncol && sqlite3_step(st) == SQLITE_ROW; c++)
		if (pk[c]) {
			q = sqlite3_mprintf(" AND \"%w\" = ?%d",
			    (const char *)sqlite3_column_text(st, 0), c + 1);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			k++;
		}
	sqlite3_finalize(st);
	if (!sql.oom && sqlite3_prepare_v2(db->sql, kz_buf_str(&sql), -1, &st,
	    NULL) == SQLITE_OK) {
		for (int c = 0; c < ncol; c++)
			if (pk[c]) {
				sqlite3_value *v = NULL;
				sqlite3changeset_old(it, c, &v);
				sqlite3_bind_value(st, c + 1, v);
			}
		here = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	kz_buf_free(&sql);
	return here;
}

/* Keep the deleted row in kzgone (its table made like main's). */
static int
keep_row(struct kz_db *db, sqlite3_changeset_iter *it, const char *t, int ncol,
    struct kz_idset *made)
{
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st;
	int rc = SQLITE_OK;

	if (!kz_idset_has(made, t)) {
		/* the columns and the key alone: the copy holds rows whose
		 * parents are gone, so it has none of the constraints */
		struct kz_buf def = { 0 }, key = { 0 };
		char *q;
		if (sqlite3_prepare_v2(db->sql, "SELECT name, pk FROM "
		    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL) !=
		    SQLITE_OK)
			return SQLITE_ERROR;
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		q = sqlite3_mprintf("CREATE TABLE kzgone.\"%w\" (", t);
		kz_buf_puts(&def, q);
		sqlite3_free(q);
		for (int c = 0; sqlite3_step(st) == SQLITE_ROW; c++) {
			q = sqlite3_mprintf("%s\"%w\"", c ? ", " : "",
			    (const char *)sqlite3_column_text(st, 0));
			kz_buf_puts(&def, q);
			sqlite3_free(q);
		}
		/* the key in its own order (pk numbers its columns) */
		for (int n = 1; n < 16; n++) {
			sqlite3_reset(st);
			while (sqlite3_step(st) == SQLITE_ROW)
				if (sqlite3_column_int(st, 1) == n) {
					q = sqlite3_mprintf("%s\"%w\"", key.len ?
					    ", " : "", (const char *)
					    sqlite3_column_text(st, 0));
					kz_buf_puts(&key, q);
					sqlite3_free(q);
				}
		}
		sqlite3_finalize(st);
		kz_buf_printf(&def, ", PRIMARY KEY (%s))", kz_buf_str(&key));
		rc = def.oom || key.oom ? SQLITE_NOMEM : sqlite3_exec(db->sql,
		    kz_buf_str(&def), NULL, NULL, NULL);
		kz_buf_free(&def);
		kz_buf_free(&key);
		if (rc != SQLITE_OK)
			return rc;
		kz_idset_add(made, t);
	}
	char *q = sqlite3_mprintf("INSERT OR IGNORE INTO kzgone.\"%w\" VALUES (",
	    t);
	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	for (int c = 0; c < ncol; c++)
		kz_buf_printf(&sql, "%s?%d", c ? ", " : "", c + 1);
	kz_buf_puts(&sql, ")");
	if (sql.oom || sqlite3_prepare_v2(db->sql, kz_buf_str(&sql), -1, &st,
	    NULL) != SQLITE_OK)
		rc = SQLITE_ERROR;
	else {
		for (int c = 0; c < ncol; c++) {
			sqlite3_value *v = NULL;
			sqlite3changeset_old(it, c, &v);
			sqlite3_bind_value(st, c + 1, v);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = SQLITE_ERROR;
		sqlite3_finalize(st);
	}
	kz_buf_free(&sql);
	return rc;
}

int
kz_sync_gone(struct kz_db *db, long upto, void **data, int *size,
    struct kz_err *err)
{
	struct kz_idset merged = { 0 }, made = { 0 };
	struct kz_buf k = { 0 };
	sqlite3_changeset_iter *it;
	sqlite3_stmt *st = NULL;
	sqlite3_session *s = NULL;
	int rc = SQLITE_OK;

	if (sqlite3changeset_start(&it, *size, *data) != SQLITE_OK)
		return kz_err_add(err, "", _("the outbox of changes is damaged"));
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		key_of(it, &k);
		kz_idset_add(&merged, kz_buf_str(&k));
	}
	sqlite3changeset_finalize(it);
	if (sqlite3_exec(db->sql, "ATTACH ':memory:' AS kzgone", NULL, NULL,
	    NULL) != SQLITE_OK) {
		kz_idset_free(&merged);
		kz_buf_free(&k);
		return kz_db_fail(db, err, "export");
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT data FROM sync_outbox WHERE "
	    "n <= ? ORDER BY n", -1, &st, NULL) != SQLITE_OK)
		rc = SQLITE_ERROR;
	else
		sqlite3_bind_int64(st, 1, upto);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3changeset_start(&it, sqlite3_column_bytes(st, 0),
		    (void *)sqlite3_column_blob(st, 0)) != SQLITE_OK) {
			rc = SQLITE_ERROR;
			break;
		}
		while (rc == SQLITE_OK && sqlite3changeset_next(it) ==
		    SQLITE_ROW) {
			const char *t;
			int ncol, op, ind, npk;
			unsigned char *pk;
			const struct kz_sync_rule *r;

			sqlite3changeset_op(it, &t, &ncol, &op, &ind);
			sqlite3changeset_pk(it, &pk, &npk);
			r = kz_sync_rule_of(t);
			if (op != SQLITE_DELETE || !r->travels ||
			    r->owner != KZ_SYNC_OWNER_HEAD)
				continue;
			key_of(it, &k);
			if (kz_idset_has(&merged, kz_buf_str(&k)) ||
			    still_here(db, it, t, ncol, pk))
				continue;
			rc = keep_row(db, it, t, ncol, &made);
		}
		sqlite3changeset_finalize(it);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && made.n > 0) {
		sqlite3_changegroup *g = NULL;
		void *more = NULL, *out = NULL;
		int nmore = 0, nout = 0;

		rc = sqlite3session_create(db->sql, "main", &s);
		for (size_t i = 0; rc == SQLITE_OK && i < made.cap; i++)
			if (made.slot[i] && (rc = sqlite3session_attach(s,
			    made.slot[i])) == SQLITE_OK)
				rc = sqlite3session_diff(s, "kzgone",
				    made.slot[i], NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3session_changeset(s, &nmore, &more);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_new(&g);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_add(g, *size, *data);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_add(g, nmore, more);
		if (rc == SQLITE_OK)
			rc = sqlite3changegroup_output(g, &nout, &out);
		if (rc == SQLITE_OK) {
			sqlite3_free(*data);
			*data = out;
			*size = nout;
		}
		sqlite3changegroup_delete(g);
		sqlite3_free(more);
		sqlite3session_delete(s);
	}
	sqlite3_exec(db->sql, "DETACH kzgone", NULL, NULL, NULL);
	kz_idset_free(&merged);
	kz_idset_free(&made);
	kz_buf_free(&k);
	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, err, "export");
}
