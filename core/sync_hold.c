/* sync_hold.c - a bundle's rows that name a record not here: held aside until it is. */
#include "sync_hold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "i18n.h"
#include "json.h"
#include "sync_rules.h"
#include "text.h"

/*
 * An office's dispatch of a specialist head office deleted meanwhile (or
 * never had) cannot be written here: the foreign key would fail the
 * whole bundle at its commit, and every later bundle of the office would
 * wait behind it. Such a row is kept aside instead, naming the record it
 * lacks, and the rest of the bundle is applied; the person settling
 * takes it once the record is here.
 */

/* The table's foreign keys of one column, learnt once a bundle. */
static int
learn(struct kz_db *db, struct kz_sync_table *t, struct kz_err *err)
{
	sqlite3_stmt *st;
	int last = -1;

	t->fk_known = true;
	if (sqlite3_prepare_v2(db->sql, "SELECT id, seq, \"table\", \"from\", "
	    "\"to\", (SELECT count(*) FROM pragma_foreign_key_list(?1) o "
	    "WHERE o.id = f.id) FROM pragma_foreign_key_list(?1) f ORDER BY "
	    "id, seq", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *from = (const char *)sqlite3_column_text(st, 3);
		const char *to = (const char *)sqlite3_column_text(st, 4);
		struct kz_sync_fk *f;
		int c;

		/* a key of several columns (none in the schema) is left to
		 * the commit's check */
		if (sqlite3_column_int(st, 0) == last ||
		    sqlite3_column_int(st, 5) != 1 || from == NULL || to == NULL)
			continue;
		last = sqlite3_column_int(st, 0);
		for (c = 0; c < t->ncol; c++)
			if (strcmp(t->col[c], from) == 0)
				break;
		if (c == t->ncol)
			continue;
		if ((f = realloc(t->fk, (size_t)(t->nfk + 1) * sizeof *f)) ==
		    NULL) {
			sqlite3_finalize(st);
			return kz_err_add(err, "", _("out of memory"));
		}
		t->fk = f;
		f += t->nfk++;
		memset(f, 0, sizeof *f);
		f->col = c;
		snprintf(f->parent, sizeof f->parent, "%s",
		    (const char *)sqlite3_column_text(st, 2));
		snprintf(f->to, sizeof f->to, "%s", to);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

/* Is there a row of table whose column to holds v? -1: cannot say. */
static int
here(struct kz_db *db, sqlite3_stmt **st, const char *table, const char *to,
    sqlite3_value *v)
{
	int rc;

	if (*st == NULL) {
		char *q = sqlite3_mprintf("SELECT 1 FROM main.\"%w\" WHERE "
		    "\"%w\" = ?", table, to);

		rc = q ? sqlite3_prepare_v2(db->sql, q, -1, st, NULL) :
		    SQLITE_NOMEM;
		sqlite3_free(q);
		if (rc != SQLITE_OK)
			return -1;
	}
	sqlite3_reset(*st);
	sqlite3_bind_value(*st, 1, v);
	rc = sqlite3_step(*st);
	sqlite3_reset(*st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The open conflict that adds record to table (kept aside for any
 * reason; with held, only for naming a record not here), or 0. */
static long
open_addition(struct kz_db *db, const char *table, const char *record,
    bool held)
{
	sqlite3_stmt *st;
	long n = 0;

	if (sqlite3_prepare_v2(db->sql, "SELECT n FROM sync_conflict WHERE "
	    "resolved IS NULL AND tbl = ? AND record = ? AND op = 'insert' "
	    "AND (? = 0 OR reason = 'missing') ORDER BY n LIMIT 1", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, record, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, held);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
kz_sync_hold_missing(struct kz_db *db, const struct kz_sync_change *ch,
    struct kz_buf *missing, struct kz_err *err)
{
	struct kz_sync_table *t = ch->t;
	int n = 0;

	if (!t->fk_known && learn(db, t, err))
		return -1;
	for (int i = 0; i < t->nfk; i++) {
		struct kz_sync_fk *f = &t->fk[i];
		sqlite3_value *v = NULL;
		long held;
		int is;

		/* an update's columns it leaves alone name what they named */
		if (ch->op == SQLITE_DELETE || sqlite3changeset_new(ch->it,
		    f->col, &v) != SQLITE_OK || v == NULL ||
		    sqlite3_value_type(v) == SQLITE_NULL)
			continue;
		if ((is = here(db, &f->here, f->parent, f->to, v)) < 0) {
			kz_db_fail(db, err, "sync");
			return -1;
		}
		if (is)
			continue;
		if (missing->len > 0)
			kz_buf_puts(missing, ", ");
		kz_buf_puts(missing, "{\"table\": ");
		kz_json_str(missing, f->parent);
		kz_buf_puts(missing, ", \"column\": ");
		kz_json_str(missing, t->col[f->col]);
		kz_buf_puts(missing, ", \"to\": ");
		kz_json_str(missing, f->to);
		kz_buf_puts(missing, ", \"id\": ");
		kz_json_str(missing, (const char *)sqlite3_value_text(v));
		held = open_addition(db, f->parent, (const char *)
		    sqlite3_value_text(v), false);
		if (held)
			kz_buf_printf(missing, ", \"conflict\": %ld", held);
		kz_buf_puts(missing, "}");
		n++;
	}
	return n;
}

long
kz_sync_held(struct kz_db *db, const char *table, const char *record)
{
	return open_addition(db, table, record, true);
}

bool
kz_sync_held_any(struct kz_db *db)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT EXISTS (SELECT 1 FROM "
	    "sync_conflict WHERE resolved IS NULL AND reason = 'missing')");
	bool any = true;	/* when it cannot say: ask row by row */

	if (st != NULL) {
		any = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
		sqlite3_reset(st);
	}
	return any;
}

int
kz_sync_hold_ready(struct kz_db *db, long n, const char *change,
    struct kz_err *err)
{
	sqlite3_stmt *st, *q = NULL;
	int rc = KZ_OK;

	if (sqlite3_prepare_v2(db->sql, "SELECT json_extract(value, "
	    "'$.table'), json_extract(value, '$.id'), coalesce(json_extract("
	    "value, '$.to'), 'id') FROM json_each(?, '$.missing') WHERE "
	    "json_valid(?1)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, change, -1, SQLITE_STATIC);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *to = (const char *)sqlite3_column_text(st, 2);
		const struct kz_sync_rule *r;
		char shown[256];
		long other;
		int is;

		if (table == NULL || sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue;
		is = here(db, &q, table, to, sqlite3_column_value(st, 1));
		sqlite3_finalize(q);
		q = NULL;
		if (is > 0)
			continue;
		if (is < 0) {
			rc = kz_db_fail(db, err, "sync");
			break;
		}
		r = kz_sync_rule_of(table);
		kz_text_shown((const char *)sqlite3_column_text(st, 1), shown,
		    sizeof shown);
		other = open_addition(db, table, (const char *)
		    sqlite3_column_text(st, 1), false);
		if (other && other != n)
			rc = kz_err_add(err, "", _("conflict %ld names %s %s, "
			    "which is still not in this database: it is kept "
			    "aside as conflict %ld; take theirs for %ld first"),
			    n, r->record ? kz_history_kind_name(r->record) :
			    table, shown, other, other);
		else
			rc = kz_err_add(err, "", _("conflict %ld names %s %s, "
			    "which is still not in this database: add it (or "
			    "import the bundle that has it) first, or settle "
			    "the conflict mine to drop the change"), n,
			    r->record ? kz_history_kind_name(r->record) : table,
			    shown);
	}
	sqlite3_finalize(st);
	return rc;
}

void
kz_sync_hold_free(struct kz_sync_table *t)
{
	for (int i = 0; i < t->nfk; i++)
		sqlite3_finalize(t->fk[i].here);
	free(t->fk);
	t->fk = NULL;
	t->nfk = 0;
}
