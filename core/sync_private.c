/* sync_private.c - personal data stays where it belongs: head office's bundles carry none. */
#include "sync_private.h"

#include <stdlib.h>
#include <string.h>

#include "changeset.h"
#include "cost.h"
#include "dispatch.h"
#include "i18n.h"
#include "participant.h"
#include "programme.h"
#include "request.h"
#include "rtype.h"
#include "seminar.h"
#include "specialist.h"
#include "opening.h"
#include "trainee.h"

/* Every record type: their tables say which fields are personal. */
static const struct kz_rtype *const types[] = {
	&kz_specialist_type, &kz_request_type, &kz_dispatch_type,
	&kz_cost_type, &kz_series_type, &kz_seminar_type,
	&kz_programme_item_type, &kz_participant_type, &kz_trainee_type,
	&kz_opening_type,
};

struct private {
	struct kz_db *db;
	struct kz_buf out;
	bool *personal;		/* of the current table's columns, or NULL */
	long *at, *len;		/* the current change's values */
	int ncol, dropped, changed;
};

/* Is column name of the table (by its SQL name) a personal field? */
static bool
is_personal(const char *table, const char *name)
{
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		const struct kz_rtype *rt = types[i];

		if (strcmp(kz_record_table(rt->table), table) != 0)
			continue;
		for (size_t k = 0; k < rt->n; k++)
			if (rt->f[k].column && strcmp(rt->f[k].column, name) == 0)
				return (rt->f[k].flags & KZ_RF_PERSONAL) != 0;
	}
	return false;
}

/* A table header: which of its columns are personal. */
static int
learn(struct private *pv, const unsigned char *p, int ncol)
{
	sqlite3_stmt *st;
	unsigned n;
	/* 'T', the column count, a key byte per column, the name */
	int k = kz_cs_varint(p + 1, p + 1 + 5, &n), c = 0;
	const char *name = (const char *)p + 1 + k + ncol;
	bool any = false;
	free(pv->personal);
	free(pv->at);
	free(pv->len);
	pv->personal = calloc((size_t)ncol, sizeof *pv->personal);
	pv->at = calloc(2 * (size_t)ncol, sizeof *pv->at);
	pv->len = calloc(2 * (size_t)ncol, sizeof *pv->len);
	pv->ncol = ncol;
	if (pv->personal == NULL || pv->at == NULL || pv->len == NULL)
		return KZ_ERROR;
	if (sqlite3_prepare_v2(pv->db->sql, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	for (; c < ncol && sqlite3_step(st) == SQLITE_ROW; c++)
		any |= pv->personal[c] = is_personal(name, (const char *)
		    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!any || c != ncol) {	/* nothing to leave out here */
		free(pv->personal);
		pv->personal = NULL;
	}
	return KZ_OK;
}

/* A record with its personal values as v: "\5" (null) or "\0" (not
 * said); whether any other non-key value is said. */
static bool
put_record(struct private *pv, const unsigned char *base, const long *at,
    const long *len, const unsigned char *pk, const char *v)
{
	bool other = false;

	for (int c = 0; c < pv->ncol; c++) {
		if (pv->personal[c]) {
			kz_buf_put(&pv->out, v, 1);
			continue;
		}
		kz_buf_put(&pv->out, (const char *)base + at[c],
		    (size_t)len[c]);
		other |= !pk[c] && base[at[c]] != 0;
	}
	return other;
}

static int
strip(void *arg, sqlite3_changeset_iter *it, const unsigned char *p,
    size_t n, int ncol)
{
	struct private *pv = arg;
	const unsigned char *end = p + n, *q;
	unsigned char *pk;
	int npk;
	size_t mark;

	if (it == NULL) {
		if (learn(pv, p, ncol) != KZ_OK)
			return KZ_ERROR;
		kz_buf_put(&pv->out, (const char *)p, n);
		return KZ_OK;
	}
	if (pv->personal == NULL) {
		kz_buf_put(&pv->out, (const char *)p, n);
		return KZ_OK;
	}
	sqlite3changeset_pk(it, &pk, &npk);
	q = kz_cs_record(p + 2, end, ncol, pv->at, pv->len, p);
	if (q && p[0] == SQLITE_UPDATE)
		q = kz_cs_record(q, end, ncol, pv->at + ncol, pv->len + ncol, p);
	if (q == NULL)
		return KZ_ERROR;
	pv->changed++;
	mark = pv->out.len;
	kz_buf_put(&pv->out, (const char *)p, 2);
	if (p[0] != SQLITE_UPDATE) {
		put_record(pv, p, pv->at, pv->len, pk, "\5");
		return KZ_OK;
	}
	put_record(pv, p, pv->at, pv->len, pk, "\0");
	if (!put_record(pv, p, pv->at + ncol, pv->len + ncol, pk, "\0")) {
		pv->out.len = mark;	/* it changed nothing else */
		pv->dropped++;
	}
	return KZ_OK;
}

int
kz_sync_private(struct kz_db *db, void **data, int *size, struct kz_err *err)
{
	struct private pv = { .db = db };
	int rc;

	rc = kz_cs_walk(*data, *size, strip, &pv);
	if (rc == KZ_OK && pv.out.oom)
		rc = KZ_ERROR;
	if (rc == KZ_OK && pv.changed > 0)
		rc = kz_cs_replace(data, size, &pv.out);
	free(pv.personal);
	free(pv.at);
	free(pv.len);
	kz_buf_free(&pv.out);
	return rc == KZ_OK ? KZ_OK : kz_err_add(err, "", _("the outbox of "
	    "changes is damaged"));
}
