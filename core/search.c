/* search.c - the full-text index of specialists: finds CJK terms of any length, in any script. */
#include "search.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fold.h"
#include "i18n.h"
#include "rowset.h"
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

/* ---- romanised names ---- */

/* Does the run hold a Latin letter (one that folding may change)? */
static bool
has_latin(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xc3)
			return true;
	return false;
}

/* A romanised run folded as kz_text_fold_roman does, appended; with
 * lead, a space before it. When the run is ASCII and folding only
 * lowered its case (kenichi sato), nothing: unicode61 would make the
 * same tokens of it again, and an import of thousands of rows writes
 * every token into the index three times (prefix = '1 2'). */
static int
fold_roman_new(const char *s, size_t n, bool lead, char **out, size_t *len,
    size_t *cap)
{
	char *t = kz_text_fold_roman(s, n);
	bool same = strlen(t ? t : "") == n;
	int rc = 0;

	if (t == NULL)
		return -1;
	for (size_t i = 0; same && i < n; i++)
		same = (unsigned char)s[i] < 0x80 &&
		    tolower((unsigned char)s[i]) == t[i];
	if (!same && lead)
		rc = put(out, len, cap, " ", 1);
	if (!same || !lead)
		rc |= put(out, len, cap, t, strlen(t));
	free(t);
	return rc;
}

/* A romanised run folded as kz_text_fold_roman does, appended. */
static int
fold_roman(const char *s, size_t n, char **out, size_t *len, size_t *cap)
{
	return fold_roman_new(s, n, false, out, len, cap);
}

static int
spell(const char *text, char **buf, size_t *len, size_t *cap)
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
	/* and each romanised run folded (fold_roman), so that a query
	 * folded the same way finds it; the run as written stays too, so
	 * "ichi" still finds Ken'ichi */
	for (p = text; *p; ) {
		const char *start = p;

		while (*p && (k = kz_utf8_decode(p, &cp)) > 0 &&
		    !kz_cp_is_cjk(cp) && cp != ' ')
			p += k;
		if (p > start && has_latin(start, (size_t)(p - start)))
			rc |= fold_roman_new(start, (size_t)(p - start), true,
			    buf, len, cap);
		if (*p && (k = kz_utf8_decode(p, &cp)) > 0)
			p += k;
		else
			break;
	}
	return rc;
}

/* The text folded first (fold.h), as the query is: 島根 and 岛根 are
 * indexed alike. */
int
kz_search_spell(const char *text, char **buf, size_t *len, size_t *cap)
{
	char *folded;
	int rc;

	if (text == NULL)
		return 0;
	if ((folded = kz_fold_text(text)) == NULL)
		return -1;
	rc = spell(folded, buf, len, cap);
	free(folded);
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
	char *buf = NULL, *spelt = NULL, *folded = typed ? kz_fold_text(typed) :
	    NULL;
	size_t len = 0, cap = 0, slen = 0, scap = 0;
	const char *p = folded;
	unsigned cp;
	int k, rc = 0, terms = 0;

	if (typed && folded == NULL)
		return NULL;

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
				rc |= spell(run, &spelt, &slen, &scap);
				/* drop the lone last character: the phrase
				 * must hold only the run's bigrams */
				char *t = kz_trim(spelt);
				char *sp = strrchr(t, ' ');
				if (sp)
					*sp = '\0';
				rc |= put_quoted(&buf, &len, &cap, t, strlen(t));
				free(run);
			}
		} else {
			/* one CJK character, or a Latin word (folded as
			 * the index's copy is): a prefix */
			slen = 0;
			if (cjk)
				rc |= put_quoted(&buf, &len, &cap, start, n);
			else if ((rc |= fold_roman(start, n, &spelt, &slen,
			    &scap)) == 0)
				rc |= put_quoted(&buf, &len, &cap, spelt, slen);
			rc |= put(&buf, &len, &cap, "*", 1);
		}
	}
	free(spelt);
	free(folded);
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

/* A field's code and its names, each spelled once: where two spell
 * the same (agriculture and Agriculture; 農業 and 农业, folded alike)
 * the index would only take the same tokens again. */
static int
spell_names(const char *const *names, int n, char **buf, size_t *len,
    size_t *cap)
{
	size_t at[6];
	int rc = 0;

	for (int i = 0; i < n && i < 6 && rc == 0; i++) {
		bool seen = false;

		at[i] = *len;
		if (names[i] == NULL)
			continue;
		rc = kz_search_spell(names[i], buf, len, cap);
		for (int j = 0; rc == 0 && j < i && !seen; j++)
			seen = names[j] && at[j + 1] - at[j] == *len - at[i] &&
			    strncasecmp(*buf + at[j], *buf + at[i],
			    *len - at[i]) == 0;
		if (seen) {
			*len = at[i];
			(*buf)[*len] = '\0';
		}
	}
	return rc;
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
kz_search_defer(struct kz_db *db, bool on, struct kz_err *err)
{
	sqlite3_stmt *st;

	db->index_later = false;
	if (!on)
		return KZ_OK;
	if ((st = kz_db_stmt(db, "SELECT ifnull(max(rowid), 0) FROM "
	    "specialist")) == NULL)
		return kz_db_fail(db, err, "index");
	if (sqlite3_step(st) == SQLITE_ROW) {
		db->index_mark = sqlite3_column_int64(st, 0);
		db->index_later = true;
	}
	sqlite3_reset(st);
	return db->index_later ? KZ_OK : kz_db_fail(db, err, "index");
}

static int index_from(struct kz_db *, sqlite3_int64, bool, sqlite3_int64 *,
    struct kz_err *);

int
kz_fts_bulk(struct kz_db *db, const char *table, bool on)
{
	char sql[200];

	/* FTS5's own defaults (fts5_config.c), put back by value: the
	 * settings are kept in the table's _config, not the connection */
	snprintf(sql, sizeof sql, "INSERT INTO %s (%s, rank) VALUES "
	    "('automerge', %d); INSERT INTO %s (%s, rank) VALUES "
	    "('hashsize', %d)", table, table, on ? 0 : 4, table, table,
	    on ? 8 << 20 : 1 << 20);
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    KZ_OK : KZ_ERROR;
}

int
kz_search_flush(struct kz_db *db, struct kz_err *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 top = db->index_mark;
	int rc;

	if (!db->index_later)
		return KZ_OK;
	/* the rows a specialist deleted before left above the mark, if
	 * any, go first; then every one added */
	if ((st = kz_db_stmt(db, "DELETE FROM specialist_fts WHERE rowid > "
	    "?")) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, db->index_mark);
	rc = sqlite3_step(st) == SQLITE_DONE ? KZ_OK : KZ_ERROR;
	sqlite3_reset(st);
	if (rc != KZ_OK)
		return kz_db_fail(db, err, "index");
	db->index_later = false;
	rc = index_from(db, db->index_mark, true, &top, err);
	db->index_later = true;
	db->index_mark = top;
	return rc;
}

/* Deferred (an import): a specialist added since the mark waits for
 * kz_search_flush; any other is done now. */
static bool
later(struct kz_db *db, const char *id)
{
	sqlite3_stmt *st;
	bool added = false;

	if (!db->index_later || (st = kz_db_stmt(db, "SELECT rowid FROM "
	    "specialist WHERE id = ?")) == NULL)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	added = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int64(st, 0) > db->index_mark;
	sqlite3_reset(st);
	return added;
}

/* The index row of the specialist st is on (its columns: ROW_COLS),
 * and where it sits. fresh: nothing is there to take out first. body is
 * a buffer kept from row to row. */
#define ROW_COLS "name, name_roman, government, post, overseas, notes, " \
	"rowid, id"

/* A field's names spelled (spell_names), kept through a pass over many
 * rows: they are the configuration's, the same in every row. */
struct spelt_names {
	const struct kz_field *f[64];
	char *text[64];
	int n;
};

static void
spelt_names_free(struct spelt_names *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->text[i]);
	c->n = 0;
}

/* Append the spelled names of f, from c when it has them (c may be
 * NULL: spelled each time). */
static int
put_names(const struct kz_field *f, const char *code, struct spelt_names *c,
    struct kz_buf *body)
{
	const char *names[] = { code, f->name_en, f->name_ja, f->name_zh,
	    f->name_ko, f->name_fr };
	char *t = NULL;
	size_t len = 0, cap = 0;
	int i;

	for (i = 0; c && i < c->n; i++)
		if (c->f[i] == f)
			return put(&body->s, &body->len, &body->cap, c->text[i],
			    strlen(c->text[i]));
	if (c == NULL || c->n == 64)
		return spell_names(names, 6, &body->s, &body->len, &body->cap);
	if (spell_names(names, 6, &t, &len, &cap) != 0 || t == NULL) {
		free(t);
		return -1;
	}
	c->f[c->n] = f;
	c->text[c->n++] = t;
	return put(&body->s, &body->len, &body->cap, t, len);
}

static int
index_row(struct kz_db *db, sqlite3_stmt *row_st, bool fresh,
    struct kz_buf *body, struct spelt_names *names, struct kz_err *err)
{
	const char *id = (const char *)sqlite3_column_text(row_st, 7);
	sqlite3_int64 row = sqlite3_column_int64(row_st, 6);
	sqlite3_stmt *st;
	int rc = 0;

	body->len = 0;
	if (body->s)
		body->s[0] = '\0';
	for (int i = 0; i < 6; i++)
		rc |= spell_column(row_st, i, &body->s, &body->len, &body->cap);

	/* Fields by code, their names in every language, and the notes. */
	if ((st = kz_db_stmt(db, "SELECT field, note FROM specialist_field "
	    "WHERE specialist = ?")) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const struct kz_field *f = db->cfg ?
		    kz_config_field(db->cfg, code) : NULL;
		rc |= spell_column(st, 1, &body->s, &body->len, &body->cap);
		if (f)
			rc |= put_names(f, code, names, body);
		else
			rc |= spell_column(st, 0, &body->s, &body->len,
			    &body->cap);
	}
	sqlite3_reset(st);
	if (rc)
		return kz_err_add(err, "", _("out of memory"));

	/* The index's row is the specialist's rowid: a search joins on it
	 * (the filter "text" of core/lists.c). A row left there by a
	 * specialist whose rowid this one now has goes first. */
	if ((!fresh && run_id(db, "DELETE FROM specialist_fts WHERE rowid = "
	    "?2", "", row)) || (st = kz_db_stmt(db, "INSERT INTO "
	    "specialist_fts (rowid, id, body) VALUES (?, ?, ?)")) == NULL)
		return kz_db_fail(db, err, "index");
	/* (one row's VALUES, not INSERT ... SELECT: a statement that may
	 * write several rows opens a savepoint, and FTS5 writes out what
	 * it holds at each) */
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body->s ? body->s : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	if (rc == 0)
		rc = run_id(db, "INSERT OR REPLACE INTO local_search_map (id, "
		    "n) VALUES (?, ?)", id, row);
	return rc ? kz_db_fail(db, err, "index") : KZ_OK;
}

/* Every specialist above rowid from, in rowid order: the order FTS5
 * takes rows in best (it writes out what it holds whenever a rowid goes
 * back). fresh: the index holds none of them. The highest rowid done
 * goes in *top. */
static int
index_from(struct kz_db *db, sqlite3_int64 from, bool fresh,
    sqlite3_int64 *top, struct kz_err *err)
{
	struct kz_buf body = { 0 };
	struct spelt_names names = { .n = 0 };
	sqlite3_stmt *st;
	int rc = KZ_OK, step = SQLITE_DONE;

	if (sqlite3_prepare_v2(db->sql, "SELECT " ROW_COLS " FROM specialist "
	    "WHERE rowid > ? ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_int64(st, 1, from);
	if (kz_fts_bulk(db, "specialist_fts", true) != KZ_OK) {
		sqlite3_finalize(st);
		return kz_db_fail(db, err, "index");
	}
	while (rc == KZ_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		rc = index_row(db, st, fresh, &body, &names, err);
		*top = sqlite3_column_int64(st, 6);
	}
	/* a read that failed is no end of the rows: the index would be
	 * committed without the rest */
	if (rc == KZ_OK && step != SQLITE_DONE)
		rc = kz_db_fail(db, err, "index");
	sqlite3_finalize(st);
	if (kz_fts_bulk(db, "specialist_fts", false) != KZ_OK && rc == KZ_OK)
		rc = kz_db_fail(db, err, "index");
	kz_buf_free(&body);
	spelt_names_free(&names);
	return rc;
}

/* fresh: the index was emptied (a rebuild), nothing to take out. */
static int
refresh(struct kz_db *db, const char *id, bool fresh, struct kz_err *err)
{
	struct kz_buf body = { 0 };
	sqlite3_stmt *st = NULL;
	int rc;

	if (later(db, id))
		return KZ_OK;

	/* FTS5 cannot look up an UNINDEXED column but by scanning every
	 * row: find the row through local_search_map instead. */
	/* (only its own: a rowid freed by a delete is taken by the next
	 * insert, and the row there may already be another's) */
	if (!fresh && (run_id(db, "DELETE FROM specialist_fts WHERE rowid = "
	    "(SELECT n FROM local_search_map WHERE id = ?1) AND id = ?1", id,
	    0) ||
	    run_id(db, "DELETE FROM local_search_map WHERE id = ?", id, 0)))
		return kz_db_fail(db, err, "index");

	if ((st = kz_db_stmt(db, "SELECT " ROW_COLS " FROM specialist WHERE "
	    "id = ?")) == NULL)
		return kz_db_fail(db, err, "index");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return KZ_OK;	/* deleted: nothing to index */
	}
	rc = index_row(db, st, fresh, &body, NULL, err);
	sqlite3_reset(st);
	kz_buf_free(&body);
	return rc;
}

int
kz_search_refresh(struct kz_db *db, const char *id, struct kz_err *err)
{
	return refresh(db, id, false, err);
}

int
kz_search_ready(struct kz_db *db, struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT EXISTS (SELECT 1 FROM "
	    "specialist) AND NOT EXISTS (SELECT 1 FROM local_search_map)");
	int empty;

	if (st == NULL)
		return kz_db_fail(db, err, "index");
	empty = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!empty)
		return KZ_OK;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, kz_search_rebuild(db, err), err);
}

int
kz_search_rebuild(struct kz_db *db, struct kz_err *err)
{
	sqlite3_int64 top = 0;
	int rc;

	if (sqlite3_exec(db->sql, "DELETE FROM specialist_fts; DELETE FROM "
	    "local_search_map", NULL, NULL, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "index");
	rc = index_from(db, 0, true, &top, err);
	/* written row by row, the index is left in several segments, each
	 * looked in by every match tested: merged into one, a search that
	 * tests the register's rows in order costs a third */
	if (rc == KZ_OK && sqlite3_exec(db->sql, "INSERT INTO specialist_fts "
	    "(specialist_fts) VALUES ('optimize')", NULL, NULL, NULL) !=
	    SQLITE_OK)
		rc = kz_db_fail(db, err, "index");
	return rc;
}

/* ---- matches in a list's order ---- */

/* The register: its order is the specialist list's (core/lists.c). */
static const char sp_size[] = "SELECT count(*), coalesce(max(rowid), 0) "
    "FROM specialist";
static const char sp_order[] = "SELECT rowid FROM specialist ORDER BY "
    "sort_key, id";
static const char sp_match[] = KZ_ROWSET_MATCH("specialist_fts");
static const char sp_rows[] = KZ_ROWSET_ROWS("specialist_fts");
static const char sp_range[] = "SELECT count(*) FROM specialist_fts "
    "WHERE specialist_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3";
const struct kz_search_index kz_search_specialists = {
	.size = sp_size, .order = sp_order, .match = sp_match,
	.rows = sp_rows, .range = sp_range,
	.at = offsetof(struct kz_db, order),
};

static struct kz_db_order *
order_of(struct kz_db *db, const struct kz_search_index *ix)
{
	return (struct kz_db_order *)((char *)db + ix->at);
}

/* Is the order read still the database's? */
static bool
order_fresh(struct kz_db *db, struct kz_db_order *o)
{
	return o->row != NULL && o->ver == kz_db_others(db) &&
	    o->changes == sqlite3_total_changes64(db->sql);
}

static void
order_forget(struct kz_db_order *o)
{
	kz_db_order_forget(o);
}

/* The list's order: its rowids (over the register's index
 * specialist_sort about 7 ms and 400 KB at 100,000). KZ_OK with nothing
 * read when rowids are too sparse to mark (a list whose rows were
 * mostly deleted). */
static int
order_read(struct kz_db *db, const struct kz_search_index *ix,
    struct kz_err *err)
{
	struct kz_db_order *o = order_of(db, ix);
	sqlite3_stmt *st;
	long long n = 0, max = 0;
	size_t i = 0;
	int rc;

	order_forget(o);
	if ((st = kz_db_stmt(db, ix->size)) == NULL)
		return kz_db_fail(db, err, "search");
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		max = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	o->ver = kz_db_others(db);
	o->changes = sqlite3_total_changes64(db->sql);
	if (max > 8 * n + 4096 || max >= (long long)(UINT_MAX - 1))
		return KZ_OK;
	if ((o->row = malloc(((size_t)n + 1) * sizeof *o->row)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if ((st = kz_db_stmt(db, ix->order)) == NULL) {
		order_forget(o);
		return kz_db_fail(db, err, "search");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && i < (size_t)n) {
		long long r = sqlite3_column_int64(st, 0);

		if (r < 0 || r > max)
			continue;
		o->row[i++] = (unsigned)r;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		order_forget(o);
		return kz_db_fail(db, err, "search");
	}
	o->n = i;
	o->max = max;
	return KZ_OK;
}

int
kz_search_warm_in(struct kz_db *db, const struct kz_search_index *ix,
    struct kz_err *err)
{
	return order_fresh(db, order_of(db, ix)) ? KZ_OK : order_read(db, ix,
	    err);
}

int
kz_search_warm(struct kz_db *db, struct kz_err *err)
{
	return kz_search_warm_in(db, &kz_search_specialists, err);
}

/* Has expr been counted past max? */
static bool
counted_many(struct kz_db *db, const struct kz_search_index *ix,
    const char *expr, size_t max)
{
	struct kz_db_order *o = order_of(db, ix);

	return order_fresh(db, o) && o->many != NULL &&
	    strcmp(o->many, expr) == 0 && o->many_max >= max;
}

/* Has a sample said expr matches more than max rows (dense)? */
static bool
sampled_many(struct kz_db *db, const struct kz_search_index *ix,
    const char *expr, size_t max)
{
	struct kz_db_order *o = order_of(db, ix);

	return order_fresh(db, o) && o->dense != NULL &&
	    strcmp(o->dense, expr) == 0 && o->dense_est > max;
}

bool
kz_search_many_in(struct kz_db *db, const struct kz_search_index *ix,
    const char *expr, size_t max)
{
	return counted_many(db, ix, expr, max) ||
	    sampled_many(db, ix, expr, max);
}

bool
kz_search_many(struct kz_db *db, const char *expr, size_t max)
{
	return kz_search_many_in(db, &kz_search_specialists, expr, max);
}

int
kz_search_hits(struct kz_db *db, const char *typed, size_t max,
    long long **rows, size_t *n, struct kz_err *err)
{
	*rows = NULL;
	*n = 0;
	if (kz_search_ready(db, err) != KZ_OK)
		return KZ_ERROR;
	return kz_search_hits_in(db, &kz_search_specialists, typed, max, rows,
	    n, err);
}

/*
 * A term most rows match (a first character typed) has its matches read
 * only to learn that they are too many to gather: 35,000 of them cost
 * 2 ms at 100,000 rows, as much as the rest of a key. Past PROBE
 * matches, a sample says whether they will be: the matches so far, which
 * came up to a rowid, and windows of SAMPLE rowids further on, spread
 * over the rest. It is an estimate, so it chooses only how a window
 * reads its rows (the list in order, each row asking the index); a
 * count is always counted. The windows are read only when the matches
 * so far, spread as they came, would pass max: each window is a query
 * of its own, and a prefix longer than the index's own prefixes (agr,
 * 199) makes FTS5 gather every match of it again for each (three
 * times the cost of the whole key, at 16,000 matches of 100,000). A
 * term they say is fewer is gathered, which counts it exactly.
 */
#define PROBE	4096
#define SAMPLE	512

/* The matches of expr estimated from the first PROBE, the last at rowid
 * upto, sampled further when they would be more than max; 0 when the
 * sample could not be read. */
static size_t
estimate(struct kz_db *db, const struct kz_search_index *ix,
    const char *expr, long long upto, size_t max)
{
	const struct kz_db_order *o = order_of(db, ix);
	double hits = PROBE, seen = (double)upto;
	sqlite3_stmt *st;

	/* fewer than max by the matches so far: no window read */
	if (upto > 0 && hits / seen * (double)o->max <= (double)max)
		return (size_t)(hits / seen * (double)o->max);
	if (ix->range == NULL || (st = kz_db_stmt(db, ix->range)) == NULL)
		return 0;
	for (int i = 3; i <= 7; i += 2) {
		long long from = o->max * i / 8;	/* 3/8, 5/8, 7/8 */
		int rc;

		if (from <= upto)
			continue;
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, from);
		sqlite3_bind_int64(st, 3, from + SAMPLE - 1);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			hits += (double)sqlite3_column_int64(st, 0);
			seen += SAMPLE;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return 0;
	}
	/* matches a rowid (the rowids of rows deleted among them), over
	 * every rowid */
	return seen > 0 ? (size_t)(hits / seen * (double)o->max) : 0;
}

/*
 * The matches of the last terms gathered are kept, a bit a rowid (12 KB
 * at 100,000), while the database is unchanged (order_fresh): a key
 * taken back (199 to 19) asks for a term just gathered, which costs the
 * list's order walked then, not the index read again (half a key of
 * 16,000 matches).
 */
#define NRECENT (sizeof ((struct kz_db_order *)0)->recent / \
	sizeof ((struct kz_db_order *)0)->recent[0])

/* The kept matches of expr, or NULL. */
static const struct kz_db_recent *
recent_find(const struct kz_db_order *o, const char *expr)
{
	for (size_t i = 0; i < NRECENT; i++)
		if (o->recent[i].expr && strcmp(o->recent[i].expr, expr) == 0)
			return &o->recent[i];
	return NULL;
}

/* Keep bits, hits matches of expr (both taken: freed when forgotten). */
static void
recent_keep(struct kz_db_order *o, char *expr, uint64_t *bits, size_t hits)
{
	struct kz_db_recent *r = &o->recent[o->next++ % NRECENT];

	free(r->expr);
	free(r->bits);
	r->expr = expr;
	r->bits = bits;
	r->hits = hits;
}

/* The rowids marked in bits, hits of them, in the list's order. */
static int
hits_rows(const struct kz_db_order *o, const uint64_t *bits, size_t hits,
    long long **rows, size_t *n, struct kz_err *err)
{
	size_t k = 0;

	if ((*rows = malloc((hits ? hits : 1) * sizeof **rows)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	for (size_t i = 0; i < o->n && k < hits; i++) {
		unsigned r = o->row[i];

		if (bits[r / 64] & (uint64_t)1 << (r % 64))
			(*rows)[k++] = r;
	}
	*n = k;
	return KZ_OK;
}

/* kz_search_hits_in's matches so far, marked in bits */
struct marking {
	struct kz_db *db;
	const struct kz_search_index *ix;
	const char *expr;
	uint64_t *bits;
	size_t hits, max, est;	/* est: sampled past max (dense) */
};

static int
mark_one(void *arg, long long r)
{
	struct marking *m = arg;
	const struct kz_db_order *o = order_of(m->db, m->ix);

	if (r < 0 || r > o->max)
		return 0;
	if (++m->hits > m->max)
		return 1;
	m->bits[r / 64] |= (uint64_t)1 << (r % 64);
	return m->hits == PROBE && m->max >= 4 * PROBE && o->n > m->max &&
	    (m->est = estimate(m->db, m->ix, m->expr, r, m->max)) > m->max;
}

int
kz_search_hits_in(struct kz_db *db, const struct kz_search_index *ix,
    const char *typed, size_t max, long long **rows, size_t *n,
    struct kz_err *err)
{
	struct kz_db_order *o = order_of(db, ix);
	const struct kz_db_recent *kept;
	struct marking m = { .db = db, .ix = ix, .max = max };
	sqlite3_stmt *st;
	uint64_t *bits;
	size_t words, hits;
	char *expr;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!order_fresh(db, o) && order_read(db, ix, err) != KZ_OK)
		return KZ_ERROR;
	if (o->row == NULL || (expr = kz_search_expr(typed)) == NULL)
		return KZ_OK;
	if (counted_many(db, ix, expr, max)) {
		free(expr);
		*n = max + 1;
		return KZ_OK;
	}
	if ((kept = recent_find(o, expr)) != NULL) {
		free(expr);
		if (kept->hits > max) {
			*n = max + 1;
			return KZ_OK;
		}
		return hits_rows(o, kept->bits, kept->hits, rows, n, err);
	}
	/* sampled: not gathered, not counted (*n 0) */
	if (max >= 4 * PROBE && sampled_many(db, ix, expr, max)) {
		free(expr);
		return KZ_OK;
	}
	/* each match marked by its rowid, then the list read off in its
	 * order, those marked taken: no sort, whatever the number */
	words = ((size_t)o->max + 64) / 64;
	if ((bits = calloc(words ? words : 1, sizeof *bits)) == NULL) {
		free(expr);
		return kz_err_add(err, "", _("out of memory"));
	}
	if ((st = kz_db_stmt(db, ix->match)) == NULL) {
		free(bits);
		free(expr);
		return kz_db_fail(db, err, "search");
	}
	m.expr = expr;
	m.bits = bits;
	rc = kz_rowset_each(ix->rows ? kz_db_stmt(db, ix->rows) : NULL, st,
	    expr, mark_one, &m);
	hits = m.hits;
	if (rc != SQLITE_DONE) {
		free(bits);
		free(expr);
		return kz_db_fail(db, err, "search");
	}
	if (m.est > max) {
		free(bits);
		free(o->dense);
		o->dense = expr;
		o->dense_est = m.est;
		return KZ_OK;
	}
	if (hits > max) {
		/* remembered, so that the list read in order need not count
		 * them again */
		if (!counted_many(db, ix, expr, 0)) {
			free(o->many);
			o->many = expr;
			o->many_max = max;
		} else {
			if (max > o->many_max)
				o->many_max = max;
			free(expr);
		}
		free(bits);
		*n = max + 1;
		return KZ_OK;
	}
	rc = hits_rows(o, bits, hits, rows, n, err);
	recent_keep(o, expr, bits, hits);
	return rc;
}
