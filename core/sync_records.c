/* sync_records.c - changes counted as people count them: records, by kind, in their words. */
#include "sync_records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "i18n.h"
#include "outbox.h"
#include "sync_rules.h"

/* The sync rules' .record words, then the bookings (from_head). */
static const char *const kinds[KZ_SYNC_KINDS] = {
	"specialist", "request", "dispatch", "cost", "series", "seminar",
	"item", "participant", "trainee", "support", "research", "promotion",
	"jet", "friendship", "rep_office", "delegation", "opening", "booking",
};

static int
kind_index(const char *kind)
{
	for (int i = 0; kind && i < KZ_SYNC_KINDS; i++)
		if (strcmp(kinds[i], kind) == 0)
			return i;
	return -1;
}

/* A record's own row or a child's, keyed by its id (the first key
 * column); a booking is head office's word on one. */
void
kz_sync_records_add_id(struct kz_sync_records *r,
    const struct kz_sync_rule *rule, const char *id)
{
	char key[160];
	int k;

	if ((k = kind_index(rule->from_head ? "booking" : rule->record)) < 0)
		return;
	snprintf(key, sizeof key, "%s %s", kinds[k], id);
	if (kz_idset_has(&r->seen, key))
		return;
	kz_idset_add(&r->seen, key);
	r->n[k]++;
	r->total++;
}

void
kz_sync_records_add(struct kz_sync_records *r, sqlite3_changeset_iter *it)
{
	const struct kz_sync_rule *rule;
	const char *table, *id;
	unsigned char *pk;
	sqlite3_value *v = NULL;
	int ncol, op, ind, col = 0;

	if (sqlite3changeset_op(it, &table, &ncol, &op, &ind) != SQLITE_OK)
		return;
	rule = kz_sync_rule_of(table);
	if (!rule->from_head && kind_index(rule->record) < 0)
		return;
	if (sqlite3changeset_pk(it, &pk, &ncol) != SQLITE_OK)
		return;
	while (col < ncol && !pk[col])
		col++;
	if (col == ncol)
		return;
	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, col, &v);
	else
		sqlite3changeset_old(it, col, &v);
	if (v == NULL || (id = (const char *)sqlite3_value_text(v)) == NULL)
		return;
	kz_sync_records_add_id(r, rule, id);
}

int
kz_sync_records_changeset(struct kz_sync_records *r, const void *data,
    int size)
{
	sqlite3_changeset_iter *it;

	if (size <= 0)
		return KZ_OK;
	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return KZ_ERROR;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		kz_sync_records_add(r, it);
	return sqlite3changeset_finalize(it) == SQLITE_OK ? KZ_OK : KZ_ERROR;
}

int
kz_sync_records_outbox(struct kz_db *db, struct kz_sync_records *r,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* rows taken away (an export) since: count again from nothing */
	if (r->rows > 0) {
		if (sqlite3_prepare_v2(db->sql, "SELECT count(*), "
		    "max(n = ?1) FROM sync_outbox WHERE n <= ?1", -1, &st,
		    NULL) != SQLITE_OK)
			return kz_db_fail(db, err, "sync");
		sqlite3_bind_int64(st, 1, r->last);
		if (sqlite3_step(st) != SQLITE_ROW ||
		    sqlite3_column_int64(st, 0) != r->rows ||
		    sqlite3_column_int(st, 1) != 1)
			kz_sync_records_free(r);
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT n, data FROM sync_outbox "
	    "WHERE n > ? ORDER BY n", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int64(st, 1, r->rows > 0 ? r->last : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *data;
		void *owned;
		int size;

		if (kz_outbox_data(st, 1, &data, &size, &owned) != KZ_OK) {
			sqlite3_finalize(st);
			return kz_err_add(err, "", _("the outbox of changes is "
			    "damaged"));
		}
		kz_sync_records_changeset(r, data, size);
		free(owned);
		r->last = sqlite3_column_int64(st, 0);
		r->rows++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sync");
}

void
kz_sync_records_str(const struct kz_sync_records *r, char *out, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	for (int i = 0; i < KZ_SYNC_KINDS; i++) {
		const char *name = strcmp(kinds[i], "booking") == 0 ?
		    _("booking") : kz_history_kind_name(kinds[i]);

		if (r->n[i] == 0 || len >= size)
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s%s %ld",
		    len ? ", " : "", name, r->n[i]);
	}
}

void
kz_sync_records_said(long n, const char *by_kind, char *out, size_t size)
{
	int len = snprintf(out, size, ngettext("%ld record", "%ld records",
	    (unsigned long)n), n);

	if (by_kind[0] && len > 0 && (size_t)len < size)
		snprintf(out + len, size - (size_t)len, " (%s)", by_kind);
}

void
kz_sync_records_free(struct kz_sync_records *r)
{
	kz_idset_free(&r->seen);
	memset(r, 0, sizeof *r);
}

void
kz_sync_records_count(const struct kz_sync_records *r,
    const struct kz_sync_records *a, const struct kz_sync_records *b,
    struct kz_sync_count *c)
{
	struct kz_sync_records left = { .total = r->total };
	const struct kz_idset *s = &r->seen;

	_Static_assert(sizeof c->n / sizeof c->n[0] == KZ_SYNC_KINDS,
	    "a count counts every kind");
	memcpy(left.n, r->n, sizeof left.n);
	/* the keys are "kind id": a record counted elsewhere is taken off
	 * its kind */
	for (size_t i = 0; (a || b) && i < s->cap; i++) {
		const char *key = s->slot[i];
		char kind[32];
		int k;

		if (key == NULL || !((a && kz_idset_has(&a->seen, key)) ||
		    (b && kz_idset_has(&b->seen, key))))
			continue;
		snprintf(kind, sizeof kind, "%.*s", (int)strcspn(key, " "),
		    key);
		if ((k = kind_index(kind)) >= 0) {
			left.n[k]--;
			left.total--;
		}
	}
	c->records = left.total;
	memcpy(c->n, left.n, sizeof c->n);
	kz_sync_records_str(&left, c->kinds, sizeof c->kinds);
}

void
kz_sync_records_info(const struct kz_sync_records *r, struct kz_bundle_info *in)
{
	_Static_assert(sizeof in->kinds_n / sizeof in->kinds_n[0] ==
	    KZ_SYNC_KINDS, "a bundle's info counts every kind");
	in->records = r->total;
	memcpy(in->kinds_n, r->n, sizeof in->kinds_n);
	kz_sync_records_str(r, in->kinds, sizeof in->kinds);
}
