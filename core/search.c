/* search.c - finding specialists: full text in any script, and filters. */
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "specialist.h"
#include "text.h"

/* ---- a small growing string ---- */

static int
put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = *cap ? *cap : 256;
		while (*len + n + 1 > c)
			c *= 2;
		char *b = realloc(*buf, c);
		if (b == NULL)
			return -1;
		*buf = b;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

int
kz_search_spell(const char *text, char **buf, size_t *len, size_t *cap)
{
	const char *p = text, *prev = NULL;	/* prev: last CJK char of the run */
	unsigned cp;
	int k, prevk = 0, rc = 0;

	if (text == NULL)
		return 0;
	rc |= put(buf, len, cap, " ", 1);
	while ((k = kz_utf8_decode(p, &cp)) > 0) {
		if (kz_cp_is_cjk(cp)) {
			if (prev) {	/* bigram of the previous and this one */
				rc |= put(buf, len, cap, prev, (size_t)prevk);
				rc |= put(buf, len, cap, p, (size_t)k);
				rc |= put(buf, len, cap, " ", 1);
			} else
				rc |= put(buf, len, cap, " ", 1);
			prev = p;
			prevk = k;
		} else {
			if (prev) {	/* the run's last character alone */
				rc |= put(buf, len, cap, prev, (size_t)prevk);
				rc |= put(buf, len, cap, " ", 1);
				prev = NULL;
			}
			rc |= put(buf, len, cap, p, (size_t)k);
		}
		p += k;
	}
	if (prev) {
		rc |= put(buf, len, cap, prev, (size_t)prevk);
		rc |= put(buf, len, cap, " ", 1);
	}
	return rc;
}

/* Append s as an FTS5 string: in double quotes, quotes doubled. */
static int
put_quoted(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	int rc = put(buf, len, cap, "\"", 1);

	for (size_t i = 0; i < n; i++)
		rc |= put(buf, len, cap, s[i] == '"' ? "\"\"" : s + i,
		    s[i] == '"' ? 2 : 1);
	return rc | put(buf, len, cap, "\"", 1);
}

/* Does a non-CJK run hold anything unicode61 would index? */
static bool
has_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

char *
kz_search_expr(const char *typed)
{
	char *buf = NULL, *spell = NULL;
	size_t len = 0, cap = 0, slen = 0, scap = 0;
	const char *p = typed;
	unsigned cp;
	int k, rc = 0, terms = 0;

	while (p && *p) {
		const char *start = p;
		bool cjk;

		k = kz_utf8_decode(p, &cp);
		if (cp == ' ' || cp == '\t' || cp == 0x3000) {	/* ideographic space too */
			p += k;
			continue;
		}
		cjk = kz_cp_is_cjk(cp);
		size_t nchars = 0;
		while (*p) {
			k = kz_utf8_decode(p, &cp);
			if (cp == ' ' || cp == '\t' || cp == 0x3000 ||
			    kz_cp_is_cjk(cp) != cjk)
				break;
			p += k;
			nchars++;
		}
		size_t n = (size_t)(p - start);
		if (!cjk && !has_word(start, n))
			continue;
		if (terms++)
			rc |= put(&buf, &len, &cap, " AND ", 5);
		if (cjk && nchars >= 2) {
			/* the run spelled as bigrams, matched as a phrase */
			char *run = strndup(start, n);
			slen = 0;
			rc |= run == NULL;
			if (run) {
				rc |= kz_search_spell(run, &spell, &slen, &scap);
				/* drop the lone last character: the phrase
				 * must hold only the run's bigrams */
				char *t = kz_trim(spell);
				char *sp = strrchr(t, ' ');
				if (sp)
					*sp = '\0';
				rc |= put_quoted(&buf, &len, &cap, t, strlen(t));
				free(run);
			}
		} else {
			/* one CJK character, or a Latin word: a prefix */
			rc |= put_quoted(&buf, &len, &cap, start, n);
			rc |= put(&buf, &len, &cap, "*", 1);
		}
	}
	free(spell);
	if (rc || terms == 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* ---- the index ---- */

static int
spell_column(sqlite3_stmt *st, int col, char **buf, size_t *len, size_t *cap)
{
	return kz_search_spell((const char *)sqlite3_column_text(st, col), buf,
	    len, cap);
}

/* Run a statement with one text parameter and, optionally, an integer. */
static int
run_id(struct kz_db *db, const char *sql, const char *id, sqlite3_int64 n)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int64(st, 2, n);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
kz_search_refresh(struct kz_db *db, const char *id, struct kz_err *err)
{
	sqlite3_stmt *st = NULL;
	char *body = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;

	/* FTS5 cannot look up an UNINDEXED column but by scanning every
	 * row: find the row through local_search_map instead. */
	if (run_id(db, "DELETE FROM specialist_fts WHERE rowid = (SELECT n "
	    "FROM local_search_map WHERE id = ?)", id, 0) ||
	    run_id(db, "DELETE FROM local_search_map WHERE id = ?", id, 0))
		return kz_db_fail(db, err, "index");

	if ((st = kz_db_stmt(db, "SELECT name, name_roman, government, post, "
	    "overseas, notes FROM specialist WHERE id = ?")) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return KZ_OK;	/* deleted: nothing to index */
	}
	for (int i = 0; i < 6; i++)
		rc |= spell_column(st, i, &body, &len, &cap);
	sqlite3_reset(st);

	/* Fields by code, their names in every language, and the notes. */
	if ((st = kz_db_stmt(db, "SELECT field, note FROM specialist_field "
	    "WHERE specialist = ?")) == NULL) {
		free(body);
		return kz_db_fail(db, err, "index");
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const struct kz_field *f = db->cfg ?
		    kz_config_field(db->cfg, code) : NULL;
		rc |= spell_column(st, 0, &body, &len, &cap);
		rc |= spell_column(st, 1, &body, &len, &cap);
		if (f) {
			rc |= kz_search_spell(f->name_en, &body, &len, &cap);
			rc |= kz_search_spell(f->name_ja, &body, &len, &cap);
			rc |= kz_search_spell(f->name_zh, &body, &len, &cap);
		}
	}
	sqlite3_reset(st);
	if (rc) {
		free(body);
		return kz_err_add(err, "", _("out of memory"));
	}

	if ((st = kz_db_stmt(db, "INSERT INTO specialist_fts (id, body) VALUES "
	    "(?, ?)")) == NULL) {
		free(body);
		return kz_db_fail(db, err, "index");
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, body ? body : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	free(body);
	if (rc == 0)
		rc = run_id(db, "INSERT INTO local_search_map (id, n) VALUES "
		    "(?, ?)", id, sqlite3_last_insert_rowid(db->sql));
	return rc ? kz_db_fail(db, err, "index") : KZ_OK;
}

int
kz_search_rebuild(struct kz_db *db, struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc = KZ_OK;

	if (sqlite3_exec(db->sql, "DELETE FROM specialist_fts; DELETE FROM "
	    "local_search_map", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->sql, "SELECT id FROM specialist", -1, &st,
	    NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "index");
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = kz_search_refresh(db,
		    (const char *)sqlite3_column_text(st, 0), err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- queries ---- */

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
	char sql[2048];
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
		if (!kz_date_valid(f) || !kz_date_valid(t))
			return kz_err_add(err, "free", _("availability needs "
			    "dates YYYY-MM-DD"));
		if (strcmp(t, f) < 0)
			return kz_err_add(err, "free", _("availability period "
			    "%s..%s ends before it starts"), f, t);
	}
	if (q->text && *q->text) {
		expr = kz_search_expr(q->text);
		if (expr == NULL) {	/* nothing searchable: no match */
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
		ADD(" AND s.id IN (SELECT id FROM specialist_fts WHERE "
		    "specialist_fts MATCH ?)");
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
		binds[nb++] = q->free_to && *q->free_to ? q->free_to :
		    q->free_from;
		binds[nb++] = q->free_from && *q->free_from ? q->free_from :
		    q->free_to;
	}
	ADD(" ORDER BY s.name_roman COLLATE NOCASE, s.id");
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
