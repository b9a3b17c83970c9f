/* specialist_search.c - finding specialists: the list and its filters, and counts per field. */
#include "specialist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "buf.h"
#include "i18n.h"
#include "rlist.h"
#include "search.h"

void
kz_specialist_query_init(struct kz_specialist_query *q)
{
	memset(q, 0, sizeof *q);
	q->status = -1;
	q->min_level = -1;
}

void
kz_specialist_rows_free(struct kz_specialist_rows *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct kz_specialist_row *r = &l->rows[i];
		free(r->name);
		free(r->name_roman);
		free(r->government);
		free(r->post);
		free(r->fields);
		free(r->langs);
	}
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

static char *
dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

/* The level's rank in SQL, for "at least business". */
#define LEVEL_RANK "CASE l.level WHEN 'basic' THEN 0 WHEN 'conversational' " \
	"THEN 1 WHEN 'business' THEN 2 WHEN 'fluent' THEN 3 ELSE 4 END"

int
kz_specialist_search(struct kz_db *db, const struct kz_specialist_query *q,
    struct kz_specialist_rows *out, struct kz_err *err)
{
	char sql[4096], free_from[11] = "", free_to[11] = "";
	struct kz_buf order = { 0 };
	const char *binds[10];
	int nb = 0, nb_int = -1, level = q->min_level;
	char *expr = NULL;
	const struct kz_field *field = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;

	out->rows = NULL;
	out->n = 0;
	if (q->field && *q->field) {
		if (!db->cfg || !(field = kz_config_field(db->cfg, q->field)))
			return kz_err_add(err, "field", _("unknown field of "
			    "expertise \"%s\""), q->field);
	}
	if ((q->free_from && *q->free_from) || (q->free_to && *q->free_to)) {
		const char *f = q->free_from && *q->free_from ? q->free_from :
		    q->free_to;
		const char *t = q->free_to && *q->free_to ? q->free_to : f;
		/* as people type dates, bound as stored */
		if (kz_date_parse(f, kz_date_get_order(), free_from, "free",
		    err) || kz_date_parse(t, kz_date_get_order(), free_to,
		    "free", err))
			return KZ_ERROR;
		if (strcmp(free_to, free_from) < 0)
			return kz_err_add(err, "free", _("availability period "
			    "%s..%s ends before it starts"), free_from,
			    free_to);
	}
	/* the columns of `specialist list`, over the same alias */
	if (kz_rlist_order(&kz_rlist_specialists, q->sort, &order, err)) {
		kz_buf_free(&order);
		return KZ_ERROR;
	}
	if (q->text && *q->text) {
		if (kz_search_ready(db, err)) {
			kz_buf_free(&order);
			return KZ_ERROR;
		}
		expr = kz_search_expr(q->text);
		if (expr == NULL) {	/* nothing searchable: no match */
			kz_buf_free(&order);
			return KZ_OK;
		}
	}

	snprintf(sql, sizeof sql, "SELECT s.id, s.name, s.name_roman, "
	    "s.government, s.post, s.status, "
	    "(SELECT group_concat(field, ',') FROM (SELECT field FROM "
	    "specialist_field f WHERE f.specialist = s.id ORDER BY years DESC, "
	    "field)), "
	    "(SELECT group_concat(lang, ',') FROM (SELECT lang FROM "
	    "specialist_lang l WHERE l.specialist = s.id ORDER BY lang)) "
	    "FROM specialist s WHERE 1");
#define ADD(s) strncat(sql, s, sizeof sql - strlen(sql) - 1)
	if (expr) {
		ADD(" AND s.rowid IN (SELECT rowid FROM specialist_fts "
		    "WHERE specialist_fts MATCH ?)");
		binds[nb++] = expr;
	}
	if (field) {
		ADD(" AND EXISTS (SELECT 1 FROM specialist_field f WHERE "
		    "f.specialist = s.id AND f.field = ?)");
		binds[nb++] = field->code;
	}
	if (q->lang && *q->lang) {
		ADD(" AND EXISTS (SELECT 1 FROM specialist_lang l WHERE "
		    "l.specialist = s.id AND (l.lang = ? OR l.lang GLOB ? "
		    "|| '-*') AND " LEVEL_RANK " >= ?)");
		binds[nb++] = q->lang;
		binds[nb++] = q->lang;
		nb_int = nb;	/* the level, bound as an integer */
		binds[nb++] = NULL;
	}
	if (q->status == KZ_SERVING || q->status == KZ_RETIRED) {
		ADD(" AND s.status = ?");
		binds[nb++] = kz_status_name((enum kz_status)q->status);
	}
	if ((q->free_from && *q->free_from) || (q->free_to && *q->free_to)) {
		ADD(" AND NOT EXISTS (SELECT 1 FROM specialist_unavail u WHERE "
		    "u.specialist = s.id AND u.start <= ? AND u.end >= ?)");
		binds[nb++] = free_to;
		binds[nb++] = free_from;
	}
	ADD(" ORDER BY ");
	ADD(kz_buf_str(&order));
	kz_buf_free(&order);
	if (q->limit)
		ADD(" LIMIT ?");
#undef ADD

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		free(expr);
		return kz_db_fail(db, err, "search");
	}
	int bi = 1;
	for (int i = 0; i < nb; i++, bi++) {
		if (i == nb_int)
			sqlite3_bind_int(st, bi, level < 0 ? 0 : level);
		else
			sqlite3_bind_text(st, bi, binds[i], -1, SQLITE_STATIC);
	}
	if (q->limit)
		sqlite3_bind_int64(st, bi, (sqlite3_int64)q->limit);

	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			struct kz_specialist_row *r = realloc(out->rows,
			    cap * sizeof *r);
			if (r == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->rows = r;
		}
		struct kz_specialist_row *r = &out->rows[out->n++];
		snprintf(r->id, sizeof r->id, "%s", sqlite3_column_text(st, 0));
		r->name = dup_col(st, 1);
		r->name_roman = dup_col(st, 2);
		r->government = dup_col(st, 3);
		r->post = dup_col(st, 4);
		r->status = kz_status_parse((const char *)
		    sqlite3_column_text(st, 5)) == KZ_RETIRED ? KZ_RETIRED :
		    KZ_SERVING;
		r->fields = dup_col(st, 6);
		r->langs = dup_col(st, 7);
	}
	free(expr);
	if (rc != SQLITE_DONE) {
		kz_db_fail(db, err, "search");
		sqlite3_finalize(st);
		kz_specialist_rows_free(out);
		return KZ_ERROR;
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

int
kz_specialist_count_fields(struct kz_db *db, struct kz_field_count **out,
    size_t *n, long *people, long *registrations, struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	sqlite3_stmt *st;
	struct kz_field_count *c;

	*out = NULL;
	*n = 0;
	if (cfg == NULL || cfg->nfields == 0)
		return kz_err_add(err, "", _("no field taxonomy configured"));
	if ((c = calloc(cfg->nfields, sizeof *c)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	for (size_t i = 0; i < cfg->nfields; i++)
		c[i].field = &cfg->fields[i];
	if (sqlite3_prepare_v2(db->sql, "SELECT field, count(*) FROM "
	    "specialist_field GROUP BY field", -1, &st, NULL) != SQLITE_OK) {
		free(c);
		return kz_db_fail(db, err, "counting");
	}
	*registrations = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		long k = sqlite3_column_int64(st, 1);
		*registrations += k;
		for (size_t i = 0; i < cfg->nfields; i++)
			if (strcmp(cfg->fields[i].code, code) == 0)
				c[i].count = k;
	}
	sqlite3_finalize(st);
	*people = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM specialist", -1,
	    &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*people = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	*out = c;
	*n = cfg->nfields;
	return KZ_OK;
}
