/* tr.c - a record's text fields in other languages: kept a row each, read back in the reader's language. */
#include "tr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"

void
kz_tr_free(struct kz_trs *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	t->v = NULL;
	t->n = 0;
	t->whole = false;
}

int
kz_tr_copy(struct kz_trs *dst, const struct kz_trs *src)
{
	dst->v = NULL;
	dst->n = 0;
	dst->whole = src->whole;
	for (size_t i = 0; i < src->n; i++)
		if (kz_tr_set(dst, src->v[i].field, src->v[i].lang,
		    src->v[i].text) != KZ_OK)
			return KZ_ERROR;
	return KZ_OK;
}

bool
kz_tr_lang_ok(const char *l)
{
	size_t n = strspn(l, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return false;
	if (l[n] == '\0')
		return true;
	return l[n] == '_' && strspn(l + n + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	    == 2 && l[n + 3] == '\0';
}

static struct kz_tr *
find(const struct kz_trs *t, const char *field, const char *lang)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].field, field) == 0 &&
		    strcmp(t->v[i].lang, lang) == 0)
			return &t->v[i];
	return NULL;
}

int
kz_tr_set(struct kz_trs *t, const char *field, const char *lang,
    const char *text)
{
	struct kz_tr *r = find(t, field, lang), *g;

	if (strlen(field) >= KZ_TR_FIELD || strlen(lang) >= KZ_TR_LANG)
		return KZ_ERROR;
	if ((text == NULL || *text == '\0') && t->whole) {
		if (r) {
			free(r->text);
			*r = t->v[--t->n];
		}
		return KZ_OK;
	}
	/* not whole: an empty text stays, a removal to write */
	if (text == NULL)
		text = "";
	if (r) {
		/* "" kept as "" (kz_str_set would make it NULL) */
		char *c = strdup(text);

		if (c == NULL)
			return KZ_ERROR;
		free(r->text);
		r->text = c;
		return KZ_OK;
	}
	if ((g = kz_grow(t->v, t->n, sizeof *g)) == NULL)
		return KZ_ERROR;
	t->v = g;
	r = &t->v[t->n];
	memset(r, 0, sizeof *r);
	snprintf(r->field, sizeof r->field, "%s", field);
	snprintf(r->lang, sizeof r->lang, "%s", lang);
	if ((r->text = strdup(text)) == NULL)
		return KZ_ERROR;
	t->n++;
	return KZ_OK;
}

const char *
kz_tr_get(const struct kz_trs *t, const char *field, const char *lang)
{
	const struct kz_tr *r = t ? find(t, field, lang) : NULL;

	return r && *r->text ? r->text : NULL;
}

const char *
kz_tr_reader(void)
{
	return kz_i18n_language();
}

const char *
kz_tr_pick(const struct kz_trs *t, const char *field, const char *lang,
    const char *original)
{
	char base[KZ_TR_LANG];
	const char *s;

	if (lang == NULL)
		lang = kz_tr_reader();
	if ((s = kz_tr_get(t, field, lang)) != NULL)
		return s;
	/* zh_CN reads zh */
	snprintf(base, sizeof base, "%.*s", (int)strcspn(lang, "_"), lang);
	if (strcmp(base, lang) != 0 && (s = kz_tr_get(t, field, base)) != NULL)
		return s;
	return original;
}

static int
by_lang(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
kz_tr_langs_of(const struct kz_trs *t, const char *field, char *out,
    size_t size)
{
	const char *l[64];
	size_t n = 0, len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < t->n && n < 64; i++)
		if (strcmp(t->v[i].field, field) == 0 && *t->v[i].text)
			l[n++] = t->v[i].lang;
	qsort(l, n, sizeof l[0], by_lang);
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s",
		    i ? ", " : "", l[i]);
}

static const char load_sql[] =
	"SELECT field, lang, text FROM text_tr WHERE record = ?";

int
kz_tr_load(struct kz_db *db, const char *record, struct kz_trs *t,
    struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, load_sql);
	int rc;

	kz_tr_free(t);
	if (st == NULL)
		return kz_db_fail(db, err, "text_tr");
	sqlite3_bind_text(st, 1, record, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (kz_tr_set(t, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2)) != KZ_OK) {
			sqlite3_reset(st);
			return kz_err_add(err, "", _("out of memory"));
		}
	sqlite3_reset(st);
	t->whole = true;
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "text_tr");
}

static const char put_sql[] =
	"INSERT INTO text_tr (record, field, lang, text) VALUES (?, ?, ?, ?) "
	"ON CONFLICT (record, field, lang) DO UPDATE SET text = excluded.text "
	"WHERE text IS NOT excluded.text";
static const char drop_sql[] =
	"DELETE FROM text_tr WHERE record = ? AND field = ? AND lang = ?";

int
kz_tr_save(struct kz_db *db, const char *record, const struct kz_trs *t,
    struct kz_err *err)
{
	struct kz_trs had = { 0 };
	sqlite3_stmt *st;
	int rc = KZ_OK;

	/* only what changed is written: a language another office added
	 * meanwhile, which this record never had, is left alone */
	if (kz_tr_load(db, record, &had, err) != KZ_OK)
		return KZ_ERROR;
	for (size_t i = 0; rc == KZ_OK && i < had.n; i++) {
		const struct kz_tr *r = find(t, had.v[i].field, had.v[i].lang);

		/* removed: no longer in a whole set, or marked so */
		if (r ? *r->text != '\0' : !t->whole)
			continue;
		if ((st = kz_db_stmt(db, drop_sql)) == NULL) {
			rc = kz_db_fail(db, err, "text_tr");
			break;
		}
		sqlite3_bind_text(st, 1, record, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, had.v[i].field, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, had.v[i].lang, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = kz_db_fail(db, err, "text_tr");
		sqlite3_reset(st);
	}
	for (size_t i = 0; rc == KZ_OK && i < t->n; i++) {
		const char *was = kz_tr_get(&had, t->v[i].field, t->v[i].lang);

		if (*t->v[i].text == '\0' || (was && strcmp(was, t->v[i].text)
		    == 0))
			continue;
		if ((st = kz_db_stmt(db, put_sql)) == NULL) {
			rc = kz_db_fail(db, err, "text_tr");
			break;
		}
		sqlite3_bind_text(st, 1, record, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, t->v[i].field, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, t->v[i].lang, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, t->v[i].text, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = kz_db_fail(db, err, "text_tr");
		sqlite3_reset(st);
	}
	kz_tr_free(&had);
	return rc;
}

int
kz_tr_cols_load(struct kz_db *db, const char *table, struct kz_tr_cols *out,
    struct kz_err *err)
{
	char *q = sqlite3_mprintf("SELECT DISTINCT field, lang FROM text_tr "
	    "WHERE record IN (SELECT id FROM \"%w\") ORDER BY field, lang",
	    table);
	sqlite3_stmt *st = NULL;
	struct kz_tr_col *g;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	rc = sqlite3_prepare_v2(db->sql, q, -1, &st, NULL);
	sqlite3_free(q);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, err, "text_tr");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((g = kz_grow(out->v, out->n, sizeof *g)) == NULL) {
			sqlite3_finalize(st);
			kz_tr_cols_free(out);
			return kz_err_add(err, "", _("out of memory"));
		}
		out->v = g;
		kz_col_copy(st, 0, g[out->n].field, sizeof g[out->n].field);
		kz_col_copy(st, 1, g[out->n].lang, sizeof g[out->n].lang);
		out->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "text_tr");
}

void
kz_tr_cols_free(struct kz_tr_cols *c)
{
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
