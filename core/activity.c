/* activity.c - one code path for the records of what an office does: find a kind, check, write, read, delete, count. */
#include "activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "year.h"

const struct kz_akind *
kz_akind_find(const char *name)
{
	for (size_t i = 0; name && kz_akinds[i]; i++)
		if (strcmp(kz_akinds[i]->name, name) == 0 ||
		    strcmp(kz_akinds[i]->table, name) == 0)
			return kz_akinds[i];
	return NULL;
}

const struct kz_akind *
kz_akind_of(enum kz_table t)
{
	for (size_t i = 0; kz_akinds[i]; i++)
		if (kz_akinds[i]->kind == t)
			return kz_akinds[i];
	return NULL;
}

void
kz_activity_init(const struct kz_akind *k, void *rec)
{
	memset(rec, 0, k->size);
	if (k->init)
		k->init(rec);
}

void
kz_activity_free(const struct kz_akind *k, void *rec)
{
	if (rec == NULL)
		return;
	kz_rtype_free(k->rt, rec);
	kz_stamps_free(kz_activity_stamps(k, rec));
	if (k->free)
		k->free(rec);
	kz_activity_init(k, rec);
}

void *
kz_activity_new(const struct kz_akind *k)
{
	void *rec = malloc(k->size);

	if (rec)
		kz_activity_init(k, rec);
	return rec;
}

void
kz_activity_destroy(const struct kz_akind *k, void *rec)
{
	if (rec == NULL)
		return;
	kz_activity_free(k, rec);
	free(rec);
}

const char *
kz_activity_id(const struct kz_akind *k, const void *rec)
{
	(void)k;
	return rec;	/* every record struct starts with its id */
}

struct kz_stamps *
kz_activity_stamps(const struct kz_akind *k, void *rec)
{
	return (struct kz_stamps *)((char *)rec + k->stamps);
}

/* The kind's period in order: an end without a start is refused under
 * the start, an end before its start under the end. */
static void
check_period(const struct kz_akind *k, const void *rec, struct kz_err *err)
{
	const struct kz_rfield *fs = kz_rtype_field(k->rt, k->date);
	const struct kz_rfield *fe = kz_rtype_field(k->rt, k->end);
	const char *start, *end;

	if (fs == NULL || fe == NULL)
		return;
	start = kz_rfield_cptr(fs, rec);
	end = kz_rfield_cptr(fe, rec);
	if (end[0] && !start[0])
		kz_err_add(err, fs->name, _("a last day needs its first "
		    "day"));
	else if (kz_date_before(end, start))
		kz_err_add(err, fe->name, _("the last day (%s) is before the "
		    "first (%s)"), end, start);
}

int
kz_activity_validate(struct kz_db *db, const struct kz_akind *k,
    const void *rec, struct kz_err *err)
{
	int before = err->n + err->dropped;

	kz_rtype_check(k->rt, db, rec, err);
	if (k->end)
		check_period(k, rec, err);
	if (k->rules)
		k->rules(db, rec, err);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
act_write(struct kz_db *db, const struct kz_akind *k, void *rec, bool insert,
    struct kz_err *err)
{
	struct kz_stamps *st = kz_activity_stamps(k, rec);
	char *id = rec;
	char seen[sizeof st->updated];
	int rc;

	if (insert && k->prepare)
		k->prepare(db, rec);
	if (kz_activity_validate(db, k, rec, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, k->kind, id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, k->kind, id))
		return kz_err_add(err, "id", _("no %s %s"), _(k->one),
		    id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, st->updated, sizeof seen);
	if (kz_stamps_touch(db, st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		rc = kz_rtype_insert(db, k->rt, rec, err);
	else if ((rc = kz_rtype_update_if(db, k->rt, rec, seen, err)))
		memcpy(st->updated, seen, sizeof seen);
	if (rc == KZ_OK && k->write)
		rc = k->write(db, rec, err);
	return rc;
}

int
kz_activity_insert(struct kz_db *db, const struct kz_akind *k, void *rec,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, act_write(db, k, rec, true, err), err);
}

int
kz_activity_update(struct kz_db *db, const struct kz_akind *k, void *rec,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, act_write(db, k, rec, false, err), err);
}

int
kz_activity_delete(struct kz_db *db, const struct kz_akind *k,
    const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE], sql[128];
	sqlite3_stmt *st;
	int rc = KZ_OK;

	if (kz_record_resolve(db, k->kind, typed, id, err) ||
	    kz_db_begin(db, err))
		return KZ_ERROR;
	/* the table's name is the kind's, a constant; children go with
	 * the row (ON DELETE CASCADE) */
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", k->table);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		rc = kz_db_fail(db, err, k->table);
	else {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = kz_db_fail(db, err, k->table);
		sqlite3_finalize(st);
	}
	return kz_db_end(db, rc, err);
}

int
kz_activity_get(struct kz_db *db, const struct kz_akind *k, const char *typed,
    void *rec, struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_activity_init(k, rec);
	if (kz_record_resolve(db, k->kind, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, k->rt, id, rec, err) != KZ_OK ||
	    (k->load && k->load(db, rec, err) != KZ_OK)) {
		kz_activity_free(k, rec);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_activity_delete_question(struct kz_db *db, const struct kz_akind *k,
    const char *typed, char *out, size_t size, struct kz_err *err)
{
	void *rec = kz_activity_new(k);
	char what[300] = "";

	if (rec == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if (kz_activity_get(db, k, typed, rec, err) != KZ_OK) {
		free(rec);
		return KZ_ERROR;
	}
	if (k->describe)
		k->describe(rec, what, sizeof what);
	/* TRANSLATORS: delete the support case BJS-AB12-CD34 (京都府,
	 * 2019-08-31)? */
	snprintf(out, size, _("delete the %s %s (%s)?"), _(k->one),
	    kz_activity_id(k, rec), what);
	kz_activity_destroy(k, rec);
	return KZ_OK;
}

int
kz_activity_year(struct kz_db *db, const struct kz_akind *k, const void *rec)
{
	const struct kz_rfield *f = kz_rtype_field(k->rt, k->date ? k->date :
	    k->year);

	if (f == NULL)
		return 0;
	if (f->kind == KZ_RK_INT)
		return *(const int *)kz_rfield_cptr(f, rec);
	return kz_year_of(db->cfg, kz_rfield_cptr(f, rec));
}

void
kz_activity_by_list(const struct kz_akind *k, char *out, size_t size)
{
	size_t n = 0;

	n += (size_t)snprintf(out, size, "year");
	for (size_t i = 0; k->by && k->by[i] && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, ", %s", k->by[i]);
}

/* Group by "year" or a field of k->by; with sum, the sum of that SQL
 * rather than a count. */
static int
grouped(struct kz_db *db, const struct kz_akind *k,
    const struct kz_rlist_query *q, const char *by, const char *sum,
    struct kz_counts *out, struct kz_err *err)
{
	char expr[128], list[200];
	const struct kz_rfield *f;

	memset(out, 0, sizeof *out);
	if (by == NULL || strcmp(by, "year") == 0) {
		/* a constant made of the kind's own column names */
		if (k->year)
			snprintf(expr, sizeof expr, "%s.%s", k->list->alias,
			    k->year);
		else
			snprintf(expr, sizeof expr, "kz_year(%s.%s)",
			    k->list->alias, k->date);
		return sum ? kz_rlist_sum(db, q, expr, sum, "key", out, err) :
		    kz_rlist_count(db, q, expr, "key", out, err);
	}
	for (size_t i = 0; k->by && k->by[i]; i++) {
		if (strcmp(k->by[i], by) != 0 ||
		    (f = kz_rtype_field(k->rt, by)) == NULL || !f->column)
			continue;
		snprintf(expr, sizeof expr, "coalesce(%s.%s, '')",
		    k->list->alias, f->column);
		return sum ? kz_rlist_sum(db, q, expr, sum, "n DESC, key", out,
		    err) : kz_rlist_count(db, q, expr, "n DESC, key", out, err);
	}
	kz_activity_by_list(k, list, sizeof list);
	return kz_err_add(err, "--by", _("\"%s\": count by %s"), by, list);
}

int
kz_activity_count(struct kz_db *db, const struct kz_akind *k,
    const struct kz_rlist_query *q, const char *by, struct kz_counts *out,
    struct kz_err *err)
{
	return grouped(db, k, q, by, NULL, out, err);
}

int
kz_activity_sum(struct kz_db *db, const struct kz_akind *k,
    const struct kz_rlist_query *q, const char *by, const char *sum,
    struct kz_counts *out, struct kz_err *err)
{
	const struct kz_rfield *f = sum ? kz_rtype_field(k->rt, sum) : NULL;
	char expr[128];

	memset(out, 0, sizeof *out);
	if (f == NULL || f->kind != KZ_RK_INT || f->column == NULL)
		return kz_err_add(err, "--sum", _("\"%s\" is not a number "
		    "of %s"), sum ? sum : "", _(k->many));
	/* a constant made of the kind's own names */
	snprintf(expr, sizeof expr, "%s.%s", k->list->alias, f->column);
	return grouped(db, k, q, by, expr, out, err);
}
