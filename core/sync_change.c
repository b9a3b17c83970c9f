/* sync_change.c - one change of a bundle beside this database's row: its key, its values, as JSON. */
#include "sync_change.h"

#include "json.h"

#include <math.h>
#include <string.h>

bool
kz_sync_change_equal(sqlite3_value *x, sqlite3_value *y)
{
	int t;

	if (x == NULL || y == NULL)	/* undefined: equal only to itself */
		return x == y;
	t = sqlite3_value_type(x);
	if (t != sqlite3_value_type(y))
		return false;
	switch (t) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(x) == sqlite3_value_int64(y);
	case SQLITE_FLOAT:
		return sqlite3_value_double(x) == sqlite3_value_double(y);
	default: {
		int n = sqlite3_value_bytes(x);
		const void *px = t == SQLITE_TEXT ?
		    (const void *)sqlite3_value_text(x) : sqlite3_value_blob(x);
		const void *py = t == SQLITE_TEXT ?
		    (const void *)sqlite3_value_text(y) : sqlite3_value_blob(y);
		return n == sqlite3_value_bytes(y) && (n == 0 ||
		    memcmp(px, py, (size_t)n) == 0);
	}
	}
}

bool
kz_sync_change_same(const struct kz_sync_change *ch)
{
	for (int c = 0; c < ch->ncol; c++) {
		sqlite3_value *v = NULL;
		if (ch->op == SQLITE_INSERT)
			sqlite3changeset_new(ch->it, c, &v);
		else
			sqlite3changeset_old(ch->it, c, &v);
		if (!kz_sync_change_equal(v, sqlite3_column_value(ch->mine, c)))
			return false;
	}
	return true;
}

static void
json_value(struct kz_buf *b, sqlite3_value *v)
{
	switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
	case SQLITE_NULL:
		kz_buf_puts(b, "null");
		break;
	case SQLITE_INTEGER:
		kz_buf_printf(b, "%lld", (long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		/* JSON has no infinity: an invalid text would break every
		 * listing of the conflicts */
		if (isfinite(sqlite3_value_double(v)))
			kz_buf_printf(b, "%.17g", sqlite3_value_double(v));
		else
			kz_json_str(b, (const char *)sqlite3_value_text(v));
		break;
	default:
		kz_json_str(b, (const char *)sqlite3_value_text(v));
	}
}

void
kz_sync_change_where(struct kz_buf *sql, const struct kz_sync_table *t,
    const unsigned char *pk, int first)
{
	int k = 0;

	kz_buf_puts(sql, " WHERE ");
	for (int c = 0; c < t->ncol; c++)
		if (pk[c]) {
			char *q = sqlite3_mprintf("%s\"%w\" = ?%d", k ? " AND " :
			    "", t->col[c], first + k);
			kz_buf_puts(sql, q);
			sqlite3_free(q);
			k++;
		}
}

void
kz_sync_change_bind_key(sqlite3_stmt *st, const struct kz_sync_change *ch,
    int first)
{
	int k = 0;

	for (int c = 0; c < ch->t->ncol; c++)
		if (ch->pk[c]) {
			sqlite3_value *v = NULL;
			if (ch->op == SQLITE_INSERT)
				sqlite3changeset_new(ch->it, c, &v);
			else
				sqlite3changeset_old(ch->it, c, &v);
			/* never undefined in a checked bundle; NULL would
			 * crash, and a null key matches no row */
			if (v)
				sqlite3_bind_value(st, first + k, v);
			else
				sqlite3_bind_null(st, first + k);
			k++;
		}
}

sqlite3_stmt *
kz_sync_change_local(struct kz_db *db, const struct kz_sync_change *ch)
{
	struct kz_sync_table *t = ch->t;

	if (t->row == NULL) {
		struct kz_buf sql = { 0 };
		char *q = sqlite3_mprintf("SELECT * FROM \"%w\"", t->name);

		kz_buf_puts(&sql, q);
		sqlite3_free(q);
		kz_sync_change_where(&sql, t, ch->pk, 1);
		if (sqlite3_prepare_v3(db->sql, kz_buf_str(&sql), -1,
		    SQLITE_PREPARE_PERSISTENT, &t->row, NULL) != SQLITE_OK)
			t->row = NULL;
		kz_buf_free(&sql);
		if (t->row == NULL)
			return NULL;
	}
	sqlite3_reset(t->row);
	sqlite3_clear_bindings(t->row);
	kz_sync_change_bind_key(t->row, ch, 1);
	if (sqlite3_step(t->row) != SQLITE_ROW) {
		sqlite3_reset(t->row);
		return NULL;
	}
	return t->row;
}

void
kz_sync_change_json(struct kz_buf *b, const struct kz_sync_change *ch,
    sqlite3_stmt *mine, const bool *want)
{
	const char *part[] = { "key", "theirs", "base", "mine" };
	const struct kz_sync_table *t = ch->t;
	int op = ch->op;

	kz_buf_puts(b, "{");
	for (int p = 0; p < 4; p++) {
		int k = 0;
		kz_buf_printf(b, "%s\"%s\": {", p ? ", " : "", part[p]);
		for (int c = 0; c < t->ncol; c++) {
			sqlite3_value *v = NULL;
			if (p == 0) {
				if (!ch->pk[c])
					continue;
				if (op == SQLITE_INSERT)
					sqlite3changeset_new(ch->it, c, &v);
				else
					sqlite3changeset_old(ch->it, c, &v);
			} else if (p == 1) {
				if (op == SQLITE_DELETE)
					continue;
				sqlite3changeset_new(ch->it, c, &v);
				if (v == NULL || (want && !want[c]))
					continue;
			} else if (p == 2) {
				if (op == SQLITE_INSERT)
					continue;
				sqlite3changeset_old(ch->it, c, &v);
				if (v == NULL || (want && !want[c]) ||
				    (op == SQLITE_UPDATE && ch->pk[c]))
					continue;
			} else {
				if (mine == NULL || (want && !want[c]) ||
				    ch->pk[c])
					continue;
				v = sqlite3_column_value(mine, c);
			}
			kz_buf_printf(b, "%s\"%s\": ", k++ ? ", " : "", t->col[c]);
			json_value(b, v);
		}
		kz_buf_puts(b, "}");
	}
	kz_buf_puts(b, "}");
}


bool
kz_sync_change_differs(const struct kz_sync_change *ch)
{
	for (int c = 0; c < ch->ncol; c++) {
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(ch->it, c, &nv);
		if (nv == NULL || ch->pk[c] ||
		    kz_sync_rule_is_stamp(ch->t->rule, ch->t->col[c]))
			continue;
		if (!kz_sync_change_equal(nv,
		    sqlite3_column_value(ch->mine, c)))
			return true;
	}
	return false;
}

int
kz_sync_change_later_by(const struct kz_sync_change *ch, int by)
{
	sqlite3_value *v = NULL;
	const unsigned char *theirs, *ours;

	if (sqlite3changeset_new(ch->it, by, &v) != SQLITE_OK || v == NULL)
		sqlite3changeset_old(ch->it, by, &v);
	theirs = v ? sqlite3_value_text(v) : NULL;
	ours = ch->mine ? sqlite3_column_text(ch->mine, by) : NULL;
	return strcmp(theirs ? (const char *)theirs : "",
	    ours ? (const char *)ours : "");
}

void
kz_sync_change_key(sqlite3_changeset_iter *it, struct kz_buf *k)
{
	const char *t;
	int ncol, op, ind, npk;
	unsigned char *pk;

	k->len = 0;
	if (sqlite3changeset_op(it, &t, &ncol, &op, &ind) != SQLITE_OK ||
	    sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK)
		return;
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
