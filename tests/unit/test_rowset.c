/* test_rowset.c - an FTS5 match's rowids (rowset.h): one phrase walked by FTS5 itself, more stepped, the same rows either way, as far as asked. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rowset.h"

#define F "t_fts"
#define NROWS 3000

struct conn {
	sqlite3 *sql;
	sqlite3_stmt *rows, *match;
};

static void
run(sqlite3 *sql, const char *s)
{
	char *msg = NULL;

	if (sqlite3_exec(sql, s, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", s, msg);
}

/* An FTS5 table as kizuna's (its prefixes, CJK runs spelt as bigrams):
 * every row has kea, one in seven kiwi, one in three the bigram of
 * 島根 (folded, as the index holds it), one in eleven 四川省's bigrams
 * (one in thirteen the same backwards) and one in five 99 and its row. */
static int
setup(void **state)
{
	struct conn *c = calloc(1, sizeof *c);

	if (c == NULL || sqlite3_open(":memory:", &c->sql) != SQLITE_OK ||
	    kz_rowset_register(c->sql) != SQLITE_OK)
		return -1;
	run(c->sql, "CREATE VIRTUAL TABLE " F " USING fts5(body, tokenize = "
	    "'unicode61 remove_diacritics 2', prefix = '1 2 3');"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 3000) INSERT INTO " F " (rowid, body) SELECT i * 3, "
	    "'kea ' || iif(i % 7 = 0, 'kiwi ', '') || iif(i % 3 = 0, "
	    "'岛根 根 ', '') || iif(i % 11 = 0, '四川 川省 ', iif(i % 13 = 0, "
	    "'川省 四川 ', '')) || iif(i % 5 = 0, '99' || i, 'x') FROM n");
	if (sqlite3_prepare_v2(c->sql, KZ_ROWSET_ROWS(F), -1, &c->rows,
	    NULL) != SQLITE_OK || sqlite3_prepare_v2(c->sql,
	    KZ_ROWSET_MATCH(F), -1, &c->match, NULL) != SQLITE_OK)
		return -1;
	*state = c;
	return 0;
}

static int
teardown(void **state)
{
	struct conn *c = *state;

	sqlite3_finalize(c->rows);
	sqlite3_finalize(c->match);
	sqlite3_close(c->sql);
	free(c);
	return 0;
}

/* The rows handed to each, in order, up to stop of them. */
struct got {
	long long row[NROWS + 1];
	size_t n, stop;
};

static int
take(void *arg, long long r)
{
	struct got *g = arg;

	g->row[g->n++] = r;
	return g->n == g->stop;
}

/* The rowids of expr by SQLite's own plan, comma-joined. */
static char *
plain(sqlite3 *sql, const char *expr)
{
	sqlite3_stmt *st;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(sql, "SELECT coalesce("
	    "group_concat(rowid, ','), '') FROM (SELECT rowid FROM " F
	    " WHERE " F " MATCH ?1 ORDER BY rowid)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_non_null(out);
	return out;
}

static char *
joined(const struct got *g)
{
	char *out = malloc(g->n * 24 + 1), *p = out;

	assert_non_null(out);
	*p = '\0';
	for (size_t i = 0; i < g->n; i++)
		p += sprintf(p, "%s%lld", i ? "," : "", g->row[i]);
	return out;
}

/* expr's rows by kz_rowset_each equal SQLite's; whether the match
 * statement was stepped for them */
static void
same_rows(struct conn *c, const char *expr, bool stepped)
{
	struct got *g = calloc(1, sizeof *g);
	char *want = plain(c->sql, expr), *have;

	assert_non_null(g);
	/* every expression here but the one found nowhere has rows */
	assert_true(*want != '\0' || strstr(expr, "zzz") != NULL);
	g->stop = NROWS + 1;
	sqlite3_stmt_status(c->match, SQLITE_STMTSTATUS_RUN, 1);
	assert_int_equal(kz_rowset_each(c->rows, c->match, expr, take, g),
	    SQLITE_DONE);
	have = joined(g);
	if (strcmp(have, want) != 0)
		fail_msg("%s: %.60s..., not %.60s...", expr, have, want);
	if ((sqlite3_stmt_status(c->match, SQLITE_STMTSTATUS_RUN, 1) > 0) !=
	    stepped)
		fail_msg("%s: %s", expr, stepped ? "walked, not stepped" :
		    "stepped, not walked by FTS5");
	free(have);
	free(want);
	free(g);
}

/* A word, a prefix, a CJK phrase and a term found nowhere are walked by
 * FTS5; more than one phrase is stepped; the rows are SQLite's own,
 * rows deleted and changed included. */
static void
test_each(void **state)
{
	struct conn *c = *state;

	same_rows(c, "\"kiwi\"", false);
	same_rows(c, "\"ke\"*", false);
	same_rows(c, "\"k\"*", false);
	same_rows(c, "\"岛根\"", false);
	/* a phrase of two bigrams, in order, not the rows with both */
	same_rows(c, "\"四川 川省\"", false);
	same_rows(c, "\"99\"*", false);
	same_rows(c, "\"zzz\"*", false);
	same_rows(c, "\"kiwi\" AND \"岛根\"", true);
	same_rows(c, "\"kiwi\"* AND \"99\"*", true);
	run(c->sql, "DELETE FROM " F " WHERE rowid % 4 = 0; UPDATE " F
	    " SET body = 'kea kiwi' WHERE rowid % 10 = 3");
	same_rows(c, "\"kiwi\"", false);
	same_rows(c, "\"岛根\"", false);
	same_rows(c, "\"kiwi\" AND \"岛根\"", true);
	/* FTS5 without kz_rows (no rows statement): stepped */
	{
		struct got g = { .stop = NROWS + 1 };

		assert_int_equal(kz_rowset_each(NULL, c->match, "\"kiwi\"",
		    take, &g), SQLITE_DONE);
		assert_true(g.n > 100);
	}
}

/* Each stops the rows where it says, walked or stepped, and the next
 * ask starts again from the first; gathered rows stop at max + 1. */
static void
test_stop(void **state)
{
	struct conn *c = *state;
	struct got g = { .stop = 10 };
	struct kz_rowset *s;
	long long n;

	for (int k = 0; k < 2; k++) {
		const char *expr = k ? "\"kea\" AND \"k\"*" : "\"kea\"";

		g.n = 0;
		assert_int_equal(kz_rowset_each(c->rows, c->match, expr, take,
		    &g), SQLITE_DONE);
		assert_int_equal(g.n, 10);
		assert_int_equal(g.row[0], 3);
		assert_int_equal(g.row[9], 30);
	}
	assert_int_equal(kz_rowset_gather(c->rows, c->match, "\"kea\"", 100,
	    &s, &n), SQLITE_DONE);
	assert_int_equal(n, 101);
	assert_non_null(s);
	assert_int_equal(s->n, 101);
	assert_int_equal(s->row[100], 303);
	free(s);
	assert_int_equal(kz_rowset_gather(c->rows, c->match, "\"kiwi\"", 1000,
	    &s, &n), SQLITE_DONE);
	assert_int_equal(n, NROWS / 7);
	assert_int_equal(s->row[0], 21);
	free(s);
	assert_int_equal(kz_rowset_gather(c->rows, c->match, "\"zzz\"", 1000,
	    &s, &n), SQLITE_DONE);
	assert_int_equal(n, 0);
	assert_null(s);
}

/* kz_rows asked from SQL without its pointer (the sqlite3 shell, a
 * forged statement) does nothing; a bad expression is an error, not a
 * row. */
static void
test_misuse(void **state)
{
	struct conn *c = *state;
	struct got g = { .stop = NROWS + 1 };
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(c->sql, "SELECT kz_rows(" F
	    ", 'x'), kz_rows(" F ", NULL) FROM " F " WHERE " F " MATCH 'kea'",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	sqlite3_finalize(st);
	assert_int_not_equal(kz_rowset_each(c->rows, c->match, "\"kea", take,
	    &g), SQLITE_DONE);
	assert_int_equal(g.n, 0);
	g.n = 0;
	assert_int_equal(kz_rowset_each(c->rows, c->match, "\"kea\"", take,
	    &g), SQLITE_DONE);
	assert_int_equal(g.n, NROWS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_each, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_misuse, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
