/* test_trainee_search.c - the full-text index of trainee placements:
 * kept current on add, edit and delete, whoever writes (a REPLACE
 * too); built for a database from before it; its matches in the list's
 * order. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "record.h"
#include "rlist.h"
#include "rwin.h"
#include "trainee.h"
#include "tindex.h"

static void
set(struct kz_trainee *t, const char *name, const char *v)
{
	struct kz_err err = { 0 };

	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_trainee_type,
	    name), t, v, &err), KZ_OK);
}

/* A placement added through core: its id in id. */
static void
add(struct kz_db *db, const char *host, const char *name, int year,
    char id[KZ_ID_SIZE])
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	char y[8];

	kz_trainee_init(&t);
	snprintf(y, sizeof y, "%d", year);
	set(&t, "host", host);
	set(&t, "home", "辽宁省大连市");
	set(&t, "name", name);
	set(&t, "roman", "Wang Fang");
	set(&t, "fields", "施設園芸");
	set(&t, "year", y);
	if (kz_trainee_insert(db, &t, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	if (id)
		memcpy(id, t.id, KZ_ID_SIZE);
	kz_trainee_free(&t);
}

/* How many placements `trainee list --search term` gives. */
static long long
found(struct kz_db *db, const char *term)
{
	struct kz_rlist_query q;
	struct kz_err err = { 0 };
	long long n = -1;

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(kz_rlist_set(&q, "search", term), KZ_OK);
	if (kz_rlist_total(db, &q, -1, &n, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	return n;
}

/* The matches as the Trainees tab's window takes them. */
static size_t
hits(struct kz_db *db, const char *term, long long **rows)
{
	struct kz_err err = { 0 };
	size_t n = 0;

	if (kz_tindex_hits(db, &kz_tindex_trainees, term, 1000, rows, &n,
	    &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	return n;
}

/* Found after it is added, by folded text, CJK inside a word and a
 * prefix; after an edit by the new text and not the old; after the
 * delete not at all. */
static void
test_add_edit_delete(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];
	long long *rows;

	add(f->db, "島根県", "王芳", 2019, id);
	add(f->db, "大分県", "李娜", 2018, NULL);
	assert_int_equal(found(f->db, "岛根"), 1);	/* simplified */
	assert_int_equal(found(f->db, "根县"), 1);	/* inside a word */
	assert_int_equal(found(f->db, "园艺"), 2);	/* 施設園芸 */
	assert_int_equal(found(f->db, "WAN"), 2);	/* a prefix */
	assert_int_equal(found(f->db, "201"), 2);	/* the year's */
	assert_int_equal(found(f->db, "ang"), 0);	/* words by prefix */
	assert_int_equal(found(f->db, "广岛"), 0);
	assert_int_equal(hits(f->db, "島根", &rows), 1);
	free(rows);

	kz_trainee_init(&t);
	assert_int_equal(kz_trainee_get(f->db, id, &t, &err), KZ_OK);
	set(&t, "host", "広島県");
	assert_int_equal(kz_trainee_update(f->db, &t, &err), KZ_OK);
	kz_trainee_free(&t);
	assert_int_equal(found(f->db, "岛根"), 0);
	assert_int_equal(found(f->db, "广岛"), 1);
	assert_int_equal(hits(f->db, "島根", &rows), 0);
	free(rows);

	assert_int_equal(kz_trainee_delete(f->db, id, &err), KZ_OK);
	assert_int_equal(found(f->db, "广岛"), 0);
	assert_int_equal(found(f->db, "园艺"), 1);
	assert_int_equal(hits(f->db, "广岛", &rows), 0);
	free(rows);
}

/* A row written by SQL alone (as a sync import applies one, or the
 * sqlite3 shell) is indexed too; a placement that takes the rowid a
 * deleted one left is found by its own text only. */
static void
test_sql_writes(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	const char *v[] = { "TYO-0000-0001" };

	add(f->db, "島根県", "王芳", 2019, NULL);
	assert_int_equal(found(f->db, "岛根"), 1);
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(kz_sql_run(f->db, &err, "INSERT INTO trainee (id, "
	    "home_government, host, year, programme, status, created, "
	    "updated) VALUES (?, '湖北省', '熊本県', 2020, 'lgotp', "
	    "'planned', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", 1,
	    v), KZ_OK);
	assert_int_equal(kz_db_end(f->db, KZ_OK, &err), KZ_OK);
	assert_int_equal(found(f->db, "熊本"), 1);
	assert_int_equal(found(f->db, "湖北"), 1);

	/* the highest rowid deleted, and another placement in its place */
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(kz_sql_run(f->db, &err, "DELETE FROM trainee WHERE "
	    "id = ?", 1, v), KZ_OK);
	assert_int_equal(kz_db_end(f->db, KZ_OK, &err), KZ_OK);
	add(f->db, "青森県", "张伟", 2021, NULL);
	assert_int_equal(found(f->db, "熊本"), 0);
	assert_int_equal(found(f->db, "青森"), 1);
	assert_int_equal(found(f->db, "岛根"), 1);
}

/* Run sql on the database file through a connection of its own, as
 * the sqlite3 shell writes: none of kizuna's hooks, recursive triggers
 * off (SQLite's default). */
static void
shell(struct unit_fixture *f, const char *sql)
{
	sqlite3 *other;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	if (sqlite3_exec(other, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(other);
}

/* The index holds a row for each placement and none else. */
static void
index_whole(struct unit_fixture *f)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT (SELECT "
	    "count(*) FROM trainee_fts WHERE rowid NOT IN (SELECT rowid FROM "
	    "trainee)), (SELECT count(*) FROM trainee WHERE rowid NOT IN "
	    "(SELECT rowid FROM trainee_fts))", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);	/* stale */
	assert_int_equal(sqlite3_column_int(st, 1), 0);	/* missing */
	sqlite3_finalize(st);
}

#define TR_COLS "(id, home_government, host, year, programme, status, " \
	"created, updated) "
#define TR_DAY "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'"

/* A placement that REPLACE takes out (which fires no DELETE trigger)
 * leaves nothing in the index: INSERT OR REPLACE by id and by rowid,
 * UPDATE OR REPLACE onto another's id or rowid, a rowid changed; and an
 * upsert of a marked row marks it without an error. */
static void
test_sql_replace(void **state)
{
	struct unit_fixture *f = *state;
	char a[KZ_ID_SIZE], b[KZ_ID_SIZE], sql[512];
	long long *rows;

	add(f->db, "島根県", "王芳", 2019, a);
	add(f->db, "大分県", "李娜", 2018, b);
	add(f->db, "熊本県", "张伟", 2017, NULL);
	/* an upsert (as taking theirs settles a conflict) of a row still
	 * marked: its update's mark, made OR ABORT, is no error */
	snprintf(sql, sizeof sql, "INSERT INTO trainee " TR_COLS "VALUES "
	    "('%s', '湖北省', '島根県', 2019, 'lgotp', 'planned', " TR_DAY ") "
	    "ON CONFLICT (id) DO UPDATE SET post = '科长'", a);
	shell(f, sql);
	assert_int_equal(found(f->db, "科长"), 1);
	assert_int_equal(found(f->db, "岛根"), 1);	/* all indexed */

	/* the same id: the old row goes, the new one takes a new rowid */
	snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO trainee " TR_COLS
	    "VALUES ('%s', '湖北省', '青森県', 2020, 'lgotp', 'planned', "
	    TR_DAY ")", a);
	shell(f, sql);
	assert_int_equal(found(f->db, "青森"), 1);
	assert_int_equal(found(f->db, "岛根"), 0);
	assert_int_equal(hits(f->db, "島根", &rows), 0);
	free(rows);
	index_whole(f);

	/* a rowid given, another id's */
	shell(f, "INSERT OR REPLACE INTO trainee (rowid, id, home_government, "
	    "host, year, programme, status, created, updated) SELECT rowid, "
	    "'KZ-0000-0009', '湖北省', '秋田県', 2020, 'lgotp', 'planned', "
	    TR_DAY " FROM trainee WHERE host = '熊本県'");
	assert_int_equal(found(f->db, "秋田"), 1);
	assert_int_equal(found(f->db, "熊本"), 0);
	index_whole(f);

	/* one placement onto another's id */
	snprintf(sql, sizeof sql, "UPDATE OR REPLACE trainee SET id = '%s' "
	    "WHERE id = 'KZ-0000-0009'", b);
	shell(f, sql);
	assert_int_equal(found(f->db, "大分"), 0);
	assert_int_equal(found(f->db, "秋田"), 1);
	index_whole(f);

	/* a rowid changed, onto a free one and onto another's */
	shell(f, "UPDATE trainee SET rowid = 100 WHERE host = '秋田県'");
	assert_int_equal(found(f->db, "秋田"), 1);
	index_whole(f);
	shell(f, "UPDATE OR REPLACE trainee SET rowid = 100 WHERE host = "
	    "'青森県'");
	assert_int_equal(found(f->db, "秋田"), 0);
	assert_int_equal(found(f->db, "青森"), 1);
	index_whole(f);
}

/* The matches in the list's order (year, latest first), and the
 * Trainees tab's window takes them, its count exact at once. */
static void
test_hits_in_order(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	char a[KZ_ID_SIZE], b[KZ_ID_SIZE], c[KZ_ID_SIZE];
	long long *rows;

	add(f->db, "島根県", "王芳", 2017, a);
	add(f->db, "大分県", "李娜", 2021, b);
	add(f->db, "島根県", "张伟", 2019, c);
	assert_int_equal(hits(f->db, "岛根", &rows), 2);
	assert_true(rows[0] > rows[1]);	/* 2019's, added last, first */
	free(rows);

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(kz_rlist_set(&q, "search", "岛根"), KZ_OK);
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_non_null(w.hits);
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), 2);
	assert_string_equal(kz_rwin_row(&w, 0, &err)->id, c);
	assert_string_equal(kz_rwin_row(&w, 1, &err)->id, a);
	assert_null(kz_rwin_row(&w, 2, &err));
	kz_rwin_close(&w);
}

/* A term that matches most placements (35,000 of them or more): a
 * window's page is read in the list's order, each row asking the
 * index, and stops with the page (the list's first term descending, as
 * its index trainee_list is), rather than gather every match. */
static void
test_most_in_order(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	int n = 0;

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "WITH RECURSIVE c(i) AS "
	    "(SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 35999) "
	    "INSERT INTO trainee (id, home_government, host, year, "
	    "programme, status, created, updated) SELECT printf('TYO-%07d', "
	    "i), '四川省' || (i % 97), '島根県', 1995 + i % 31, 'lgotp', "
	    "'planned', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM c",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(kz_db_end(f->db, KZ_OK, &err), KZ_OK);

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(kz_rlist_set(&q, "search", "四川"), KZ_OK);
	q.window = true;
	q.limit = 64;
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_non_null(strstr(c.sql, "EXISTS (SELECT 1 FROM trainee_fts"));
	while (kz_rlist_next(&c, &err) == 1) {
		char *year = kz_rlist_text(&c, (size_t)kz_rlist_col(
		    &kz_rlist_trainees, "year"));

		assert_string_equal(year, "2025");	/* the latest first */
		free(year);
		n++;
	}
	kz_rlist_close(&c);
	assert_int_equal(n, 64);
	/* 36,000 placements indexed in one pass for a bulk write
	 * (kz_fts_bulk), FTS5's own settings back after it */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT group_concat("
	    "k || '=' || v, ' ') FROM (SELECT k, v FROM trainee_fts_config "
	    "WHERE k IN ('automerge', 'hashsize') ORDER BY k)", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	    "automerge=4 hashsize=1048576");
	sqlite3_finalize(st);

	/* the Trainees tab's sort, the year descending: the list's order,
	 * its first term not repeated (SQLite would sort by it again) */
	q.sort = "-year";
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_non_null(strstr(c.sql, "EXISTS (SELECT 1 FROM trainee_fts"));
	assert_null(strstr(c.sql, "t.year DESC, t.year DESC"));
	kz_rlist_close(&c);
}

/* A window over q read row by row from its first to its last (the
 * second half counted from the end) gives each of n rows once, and
 * finds each where it gave it. */
static void
each_once(struct kz_db *db, const struct kz_rlist_query *q, long long n)
{
	struct kz_rwin w;
	struct kz_err err = { 0 };
	char (*ids)[KZ_ID_SIZE] = calloc((size_t)n, KZ_ID_SIZE);

	assert_non_null(ids);
	assert_int_equal(kz_rwin_open(db, q, &w, &err), KZ_OK);
	assert_int_equal(kz_rwin_all(&w, &err), KZ_OK);
	assert_int_equal(kz_rwin_count(&w), n);
	for (long long i = 0; i < n; i++) {
		const struct kz_rwin_row *r = kz_rwin_row(&w, i, &err);

		assert_non_null(r);
		for (long long k = 0; k < i; k++)
			if (strcmp(ids[k], r->id) == 0)
				fail_msg("%s at %lld and %lld (sort %s)", r->id,
				    k, i, q->sort ? q->sort : "none");
		snprintf(ids[i], KZ_ID_SIZE, "%s", r->id);
	}
	assert_null(kz_rwin_row(&w, n, &err));
	for (long long i = 0; i < n; i += 37)
		assert_int_equal(kz_rwin_find(&w, ids[i], &err), i);
	kz_rwin_close(&w);
	free(ids);
}

/* The list's order, its rowid last included, is read from the index
 * trainee_list, never sorted. */
static void
plan_reads(struct kz_db *db, const char *order)
{
	struct kz_buf sql = { 0 }, plan = { 0 };
	sqlite3_stmt *st;

	kz_buf_printf(&sql, "EXPLAIN QUERY PLAN SELECT t.rowid FROM trainee t "
	    "ORDER BY %s", order);
	assert_int_equal(sqlite3_prepare_v2(db->sql, kz_buf_str(&sql), -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_buf_printf(&plan, "%s\n", sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	assert_non_null(strstr(kz_buf_str(&plan), "trainee_list"));
	assert_null(strstr(kz_buf_str(&plan), "TEMP B-TREE"));
	kz_buf_free(&sql);
	kz_buf_free(&plan);
}

/* Placements alike in every term of the list's order (year, host, home
 * government, start) are taken in rowid order, whichever way a page is
 * read: each once through a window in the list's order, a sort's, a
 * search's and a filter's. */
static void
test_ties_paged(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_err err = { 0 };
	const long long n = 300;	/* more than four pages */

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "WITH RECURSIVE c(i) AS "
	    "(SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 299) "
	    "INSERT INTO trainee (id, home_government, host, year, "
	    "programme, status, created, updated) SELECT printf('KZ-%07d', "
	    "(i * 7919) % 1000), '四川省', '島根県', 2020, 'lgotp', "
	    "'planned', " TR_DAY " FROM c", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(kz_db_end(f->db, KZ_OK, &err), KZ_OK);

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	each_once(f->db, &q, n);
	plan_reads(f->db, kz_rlist_trainees.order);
	q.sort = "host";
	each_once(f->db, &q, n);
	q.sort = "-year";
	each_once(f->db, &q, n);
	q.sort = NULL;
	assert_int_equal(kz_rlist_set(&q, "search", "四川"), KZ_OK);
	each_once(f->db, &q, n);
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(kz_rlist_set(&q, "status", "planned"), KZ_OK);
	each_once(f->db, &q, n);
}

/* A sort's terms are not repeated by the list's own order after them. */
static void
test_order_once(void **state)
{
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	assert_int_equal(kz_rlist_order(&kz_rlist_trainees, "-year", &b, &err),
	    KZ_OK);
	assert_string_equal(kz_buf_str(&b), kz_rlist_trainees.order);
	b.len = 0;
	assert_int_equal(kz_rlist_order(&kz_rlist_trainees, "year", &b, &err),
	    KZ_OK);
	assert_string_equal(kz_buf_str(&b), "t.year, t.host, "
	    "t.home_government, t.start, t.rowid");
	kz_buf_free(&b);
	assert_true(kz_rlist_own_order(&kz_rlist_trainees, "-year"));
	assert_false(kz_rlist_own_order(&kz_rlist_trainees, "year"));
}

/* A database from before the index (schema 21, its placements there)
 * has them indexed after the upgrade. */
static void
test_migration(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;

	add(f->db, "島根県", "王芳", 2019, NULL);
	assert_int_equal(sqlite3_exec(f->db->sql, "DROP TABLE trainee_fts; "
	    "DROP TABLE local_trainee_dirty; DROP TRIGGER trainee_fts_add; "
	    "DROP TRIGGER trainee_fts_edit; DROP TRIGGER trainee_fts_go; "
	    "DROP TRIGGER trainee_fts_replace; DROP TRIGGER trainee_fts_reid; "
	    "DROP TRIGGER trainee_fts_move; DROP INDEX trainee_list; "
	    "PRAGMA user_version = 21", NULL, NULL, NULL), SQLITE_OK);
	kz_db_close(f->db);
	f->db = kz_db_open(f->path, f->cfg, &err);
	assert_non_null(f->db);
	assert_int_equal(kz_db_schema_version(f->db), kz_db_schema_latest());
	assert_int_equal(found(f->db, "岛根"), 1);
	/* its triggers all there, a REPLACE's among them (schema 23) */
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT count(*) FROM "
	    "sqlite_schema WHERE type = 'trigger' AND tbl_name = 'trainee' "
	    "AND name LIKE 'trainee_fts_%'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 6);
	sqlite3_finalize(st);
	/* and all again from the rows, whatever the index held */
	assert_int_equal(sqlite3_exec(f->db->sql, "DELETE FROM trainee_fts",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(found(f->db, "岛根"), 0);
	assert_int_equal(kz_tindex_rebuild(f->db, &kz_tindex_trainees, &err),
	    KZ_OK);
	assert_int_equal(found(f->db, "岛根"), 1);
}

/* A database whose list indexes keep only their terms' first one and
 * two characters apart (schema 26) has them made again keeping three
 * (a term typed three long reads one list of matches), every row
 * indexed again at the first search; and an index of the support
 * cases' order. */
static void
test_prefix_three(void **state)
{
	static const char *const tables[] = { "trainee", "request",
	    "dispatch", "seminar", "support", "research", "promotion", "jet",
	    "friendship", "rep_office", "delegation" };
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char sql[256];
	sqlite3_stmt *st;

	add(f->db, "島根県", "王芳", 2019, NULL);
	assert_int_equal(found(f->db, "wan"), 1);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "DROP TABLE %s_fts; CREATE VIRTUAL "
		    "TABLE %s_fts USING fts5(body, tokenize = 'unicode61 "
		    "remove_diacritics 2', prefix = '1 2')", tables[i],
		    tables[i]);
		assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL,
		    NULL), SQLITE_OK);
	}
	assert_int_equal(kz_tindex_rebuild(f->db, &kz_tindex_trainees, &err),
	    KZ_OK);
	/* 26: before the prefixes (27) */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", 26);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	kz_db_close(f->db);
	f->db = kz_db_open(f->path, f->cfg, &err);
	assert_non_null(f->db);
	assert_int_equal(kz_db_schema_version(f->db), kz_db_schema_latest());
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT sql LIKE '%%prefix = ''1 2 "
		    "3''%%' FROM sqlite_schema WHERE name = '%s_fts'",
		    tables[i]);
		assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st,
		    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		if (sqlite3_column_int(st, 0) != 1)
			fail_msg("%s_fts: not made again", tables[i]);
		sqlite3_finalize(st);
	}
	/* emptied, every row marked: found again at the first search */
	assert_int_equal(found(f->db, "wan"), 1);
	assert_int_equal(found(f->db, "岛根"), 1);
	/* and the support cases' order read from an index, not sorted */
	snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s",
	    kz_tindex_support.ix.order);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(st, 3), "TEMP"))
			fail_msg("sorted: %s", sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	assert_int_equal(err.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_edit_delete,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_sql_writes, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_sql_replace, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_hits_in_order, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_migration, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_prefix_three, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_most_in_order, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_ties_paged, unit_setup,
		    unit_teardown),
		cmocka_unit_test(test_order_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
