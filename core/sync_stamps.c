/* sync_stamps.c - an edit's author travels with its time stamp in a bundle. */
#include "sync_stamps.h"

#include <stdlib.h>
#include <string.h>

#include "changeset.h"
#include "i18n.h"
#include "sync_rules.h"

struct stamp_table {
	int ncol;
	int updated, by;		/* columns, or -1 */
	sqlite3_stmt *author;		/* updated_by of a row, by its key */
	int *keycol;			/* the key columns, in order */
	int nkey;
};

static void
table_clear(struct stamp_table *t)
{
	sqlite3_finalize(t->author);
	free(t->keycol);
	memset(t, 0, sizeof *t);
	t->updated = t->by = -1;
}

/* Learn where a table keeps its stamps (sync_rules.c), and ready the
 * author query. */
static void
table_learn(struct kz_db *db, struct stamp_table *t, const char *name,
    int ncol, const unsigned char *pk)
{
	const struct kz_sync_rule *r = kz_sync_rule_of(name);
	sqlite3_stmt *st;
	struct kz_buf sql = { 0 };
	char *q;
	int n = 0;

	table_clear(t);
	t->ncol = ncol;
	if (r->stamp == NULL)
		return;
	if (sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?) "
	    "ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	q = sqlite3_mprintf("SELECT \"%w\", \"%w\" FROM \"%w\" WHERE 1",
	    r->stamp_by, r->stamp, name);
	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	t->keycol = calloc((size_t)ncol, sizeof *t->keycol);
	for (; t->keycol && sqlite3_step(st) == SQLITE_ROW && n < ncol; n++) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(c, r->stamp) == 0)
			t->updated = n;
		else if (strcmp(c, r->stamp_by) == 0)
			t->by = n;
		if (pk[n]) {
			q = sqlite3_mprintf(" AND \"%w\" = ?%d", c, t->nkey + 1);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			t->keycol[t->nkey++] = n;
		}
	}
	sqlite3_finalize(st);
	/* a table that is not as the changeset says is left alone */
	if (n != ncol || t->updated < 0 || t->by < 0 || t->nkey == 0 ||
	    sqlite3_prepare_v2(db->sql, kz_buf_str(&sql), -1, &t->author,
	    NULL) != SQLITE_OK) {
		sqlite3_finalize(t->author);
		t->author = NULL;
		t->updated = t->by = -1;
	}
	kz_buf_free(&sql);
}

/* A record copied with column col replaced by the encoded value v. */
static void
put_record(struct kz_buf *out, const unsigned char *base, const long *at,
    const long *len, int ncol, int col, const struct kz_buf *v)
{
	for (int c = 0; c < ncol; c++)
		if (c == col)
			kz_buf_put(out, v->s, v->len);
		else
			kz_buf_put(out, (const char *)base + at[c], (size_t)len[c]);
}

/* A table header ('T') at p: copied to out, the table learnt, the record
 * buffers sized; the byte after it, or NULL if it is damaged. */
static const unsigned char *
table_header(struct kz_db *db, const unsigned char *p,
    const unsigned char *end, struct stamp_table *t, long **at, long **len,
    struct kz_buf *out)
{
	unsigned ncol = 0;
	int k = kz_cs_varint(p + 1, end, &ncol);
	const unsigned char *name, *nul = NULL;

	if (k > 0 && ncol > 0 && ncol < 32768 &&
	    (name = p + 1 + k + ncol) < end)
		nul = memchr(name, 0, (size_t)(end - name));
	if (nul == NULL)
		return NULL;
	free(*at);
	free(*len);
	*at = calloc(2 * ncol, sizeof **at);
	*len = calloc(2 * ncol, sizeof **len);
	if (*at == NULL || *len == NULL)
		return NULL;
	table_learn(db, t, (const char *)name, (int)ncol, p + 1 + k);
	kz_buf_put(out, (const char *)p, (size_t)(nul + 1 - p));
	return nul + 1;
}

/* The author (col 0) or the time (col 1) of the change's row here,
 * encoded as a changeset value: text, or null. */
static void
author_value(struct stamp_table *t, sqlite3_changeset_iter *it, int col,
    struct kz_buf *v)
{
	for (int i = 0; i < t->nkey; i++) {
		sqlite3_value *kv = NULL;
		sqlite3changeset_old(it, t->keycol[i], &kv);
		sqlite3_bind_value(t->author, i + 1, kv);
	}
	if (sqlite3_step(t->author) == SQLITE_ROW &&
	    sqlite3_column_type(t->author, col) == SQLITE_TEXT) {
		const char *s = (const char *)sqlite3_column_text(t->author,
		    col);
		kz_buf_put(v, "\003", 1);
		kz_cs_put_varint(v, (unsigned)strlen(s));
		kz_buf_puts(v, s);
	} else
		kz_buf_put(v, "\005", 1);
	sqlite3_reset(t->author);
}

int
kz_sync_stamps(struct kz_db *db, const unsigned char *data, int size,
    struct kz_buf *out, struct kz_err *err)
{
	const unsigned char *p = data, *end = data + size;
	struct stamp_table t = { .updated = -1, .by = -1 };
	sqlite3_changeset_iter *it;
	long *at = NULL, *len = NULL;
	int rc = KZ_OK, added = 0;

	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return kz_err_add(err, "", _("the outbox of changes is "
		    "damaged"));
	while (rc == KZ_OK && p < end) {
		if (*p == 'T') {
			if ((p = table_header(db, p, end, &t, &at, &len, out)) ==
			    NULL)
				rc = KZ_ERROR;
			continue;
		}
		if (end - p < 2 || sqlite3changeset_next(it) != SQLITE_ROW) {
			rc = KZ_ERROR;
			break;
		}
		int op = p[0], nrec = op == SQLITE_UPDATE ? 2 : 1;
		const unsigned char *q = p + 2;
		for (int r = 0; q && r < nrec; r++)
			q = kz_cs_record(q, end, t.ncol, at + r * t.ncol,
			    len + r * t.ncol, data);
		if (q == NULL) {
			rc = KZ_ERROR;
			break;
		}
		/* one of new "updated" and new "updated_by" defined, the
		 * other not: the other is said too (an author alone changes
		 * when of two edits of the same second the greater author's
		 * stands, and the receiver weighs it by the time) */
		int add = -1;
		if (op == SQLITE_UPDATE && t.author &&
		    (data[at[t.ncol + t.updated]] != 0) !=
		    (data[at[t.ncol + t.by]] != 0))
			add = data[at[t.ncol + t.by]] == 0 ? t.by : t.updated;
		if (add >= 0) {
			struct kz_buf v = { 0 };

			author_value(&t, it, add == t.by ? 0 : 1, &v);
			/* the same value old and new: unchanged, but said */
			kz_buf_put(out, (const char *)p, 2);
			put_record(out, data, at, len, t.ncol, add, &v);
			put_record(out, data, at + t.ncol, len + t.ncol, t.ncol,
			    add, &v);
			kz_buf_free(&v);
			added++;
		} else
			kz_buf_put(out, (const char *)p, (size_t)(q - p));
		p = q;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK || rc != KZ_OK ||
	    out->oom)
		rc = kz_err_add(err, "", _("the outbox of changes is damaged"));
	table_clear(&t);
	free(at);
	free(len);
	if (rc != KZ_OK || added == 0)
		kz_buf_free(out);
	return rc;
}
