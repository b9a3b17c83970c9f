/* rowset.c - an FTS5 match's rowids gathered, and asked as kz_hit(set, rowid) (rowset.h). */
#include "rowset.h"

#include <stdbool.h>
#include <stdlib.h>

/* kz_hit(P, rowid): is rowid in the set bound at P? */
static void
hit_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct kz_rowset *s = sqlite3_value_pointer(argv[0],
	    "kz_rowset");
	long long r = sqlite3_value_int64(argv[1]);
	size_t lo = 0, hi = s ? s->n : 0;

	(void)argc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->row[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	sqlite3_result_int(ctx, s != NULL && lo < s->n && s->row[lo] == r);
}

/* What kz_rows(F, P) is handed as P: where its rows go. */
struct rows_to {
	int (*each)(void *arg, long long rowid);
	void *arg;
	bool walked;	/* one phrase, walked: each had every row */
};

static int
rows_one(const Fts5ExtensionApi *api, Fts5Context *fc, void *data)
{
	struct rows_to *to = data;

	return to->each(to->arg, api->xRowid(fc)) ? SQLITE_DONE : SQLITE_OK;
}

/* kz_rows(F, P), on F's first match of an expression of one phrase:
 * every row of the phrase (the expression's rows) to P's each, by FTS5
 * in C; of more phrases, nothing (the caller steps the rows). */
static void
rows_fn(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx,
    int argc, sqlite3_value **argv)
{
	struct rows_to *to = argc == 1 ? sqlite3_value_pointer(argv[0],
	    "kz_rows") : NULL;
	int rc;

	if (to == NULL || api->xPhraseCount(fc) != 1)
		return;
	to->walked = true;
	if ((rc = api->xQueryPhrase(fc, 0, to, rows_one)) != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
}

int
kz_rowset_each(sqlite3_stmt *rows, sqlite3_stmt *match, const char *expr,
    int (*each)(void *arg, long long rowid), void *arg)
{
	struct rows_to to = { .each = each, .arg = arg };
	int rc = SQLITE_DONE;

	if (rows != NULL) {
		sqlite3_bind_text(rows, 1, expr, -1, SQLITE_STATIC);
		sqlite3_bind_pointer(rows, 2, &to, "kz_rows", NULL);
		rc = sqlite3_step(rows);
		sqlite3_reset(rows);
		sqlite3_clear_bindings(rows);
		/* no match: no row, kz_rows never asked */
		if (to.walked || rc == SQLITE_DONE)
			return rc == SQLITE_ROW ? SQLITE_DONE : rc;
		if (rc != SQLITE_ROW)
			return rc;
	}
	sqlite3_bind_text(match, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(match)) == SQLITE_ROW &&
	    !each(arg, sqlite3_column_int64(match, 0)))
		;
	sqlite3_reset(match);
	return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

/* kz_rowset_gather's rows so far */
struct gather {
	struct kz_rowset *s;
	size_t cap, k, max;
	bool keep;	/* ascending, and memory for them all */
};

static int
gather_one(void *arg, long long r)
{
	struct gather *g = arg;
	struct kz_rowset *t;

	if (g->keep && g->k == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 1024;
		if ((t = realloc(g->s, sizeof *t + g->cap *
		    sizeof t->row[0])) == NULL)
			g->keep = false;
		else
			g->s = t;
	}
	if (g->keep && g->k > 0 && g->s->row[g->k - 1] >= r)
		g->keep = false;
	if (g->keep)
		g->s->row[g->k] = r;
	return ++g->k > g->max;
}

int
kz_rowset_gather(sqlite3_stmt *rows, sqlite3_stmt *match, const char *expr,
    size_t max, struct kz_rowset **out, long long *n)
{
	struct gather g = { .max = max, .keep = true };
	int rc = kz_rowset_each(rows, match, expr, gather_one, &g);

	*out = NULL;
	*n = 0;
	if (rc != SQLITE_DONE) {
		free(g.s);
		return rc;
	}
	*n = (long long)g.k;
	if (g.keep && g.s != NULL) {
		g.s->n = g.k;
		*out = g.s;
	} else
		free(g.s);
	return SQLITE_DONE;
}

int
kz_rowset_register(sqlite3 *sql)
{
	fts5_api *fts = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_create_function(sql, "kz_hit", 2, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, NULL, hit_fn, NULL, NULL);

	/* FTS5's functions are its own, made through its API; without
	 * FTS5, or kz_rows, matches are stepped (kz_rowset_each) */
	if (rc != SQLITE_OK || sqlite3_prepare_v2(sql, "SELECT fts5(?1)", -1,
	    &st, NULL) != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &fts, "fts5_api_ptr", NULL);
	(void)sqlite3_step(st);
	sqlite3_finalize(st);
	if (fts != NULL && fts->iVersion >= 2)
		(void)fts->xCreateFunction(fts, "kz_rows", NULL, rows_fn, NULL);
	return SQLITE_OK;
}
