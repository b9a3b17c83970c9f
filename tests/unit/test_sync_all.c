/* test_sync_all.c - `sync export --all`: every row, a batch at a time, in
 * memory that stays flat as the database grows, and all of it taken in. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "id.h"
#include "sync.h"

enum { TYO, BJS, NDB };

static const char *const conf_text[NDB] = {
	"office:\n  id: TYO\n  name: Head office\n  role: head\n"
	"user: tanaka\n",
	"office:\n  id: BJS\n  name: Beijing\n  role: office\nuser: wang\n",
};

static int
setup(void **state)
{
	return (*state = unit_offices_open(conf_text, NDB)) ? 0 : -1;
}

static int
teardown(void **state)
{
	return unit_offices_close(*state);
}

/* n more people in head office's register, written straight into the
 * table (thousands through the register's API take too long here). */
static void
fill(struct unit_offices *f, int n)
{
	struct kz_err err = { 0 };
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE], name[64];

	assert_int_equal(kz_db_begin(f->db[TYO], &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db[TYO]->sql, "INSERT INTO "
	    "specialist (id, name, name_roman, government, post, status, "
	    "created, updated, sort_key) VALUES (?, ?, ?, '島根県', "
	    "'課長', 'serving', '2026-01-01T00:00:00Z', "
	    "'2026-01-01T00:00:00Z', ?)", -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < n; i++) {
		assert_int_equal(kz_id_new("TYO", id), 0);
		snprintf(name, sizeof name, "Sato Kenichi %s", id);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, "佐藤健一", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(kz_db_commit(f->db[TYO], &err), KZ_OK);
}

/* Export --all to path; what SQLite held at most while it ran, beyond
 * what it held before. */
static long
export_all(struct unit_offices *f, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];
	long before;

	sqlite3_memory_highwater(1);
	before = (long)sqlite3_memory_used();
	if (kz_sync_export(f->db[TYO], path, true, &res, &err) != KZ_OK)
		fail_msg("export: %s", kz_err_first(&err, buf, sizeof buf));
	return (long)sqlite3_memory_highwater(0) - before;
}

static void
import(struct unit_offices *f, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];

	if (kz_sync_import(f->db[BJS], path, &res, &err) != KZ_OK)
		fail_msg("import: %s", kz_err_first(&err, buf, sizeof buf));
}

/* The register as both sides can compare it: a digest of its rows. */
static char *
register_of(struct unit_offices *f, int d)
{
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(sqlite3_prepare_v2(f->db[d]->sql, "SELECT count(*) "
	    "|| ' ' || sum(length(id || name || name_roman || government || "
	    "post)) || ' ' || sum(unicode(substr(id, -1))) FROM "
	    "specialist", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_non_null(s);
	return s;
}

/* Eight times the rows take no more memory to send whole: the rows go a
 * batch at a time, not as one changeset of them all (which took 345 MB
 * at 100,000 people); and the bundles, of many batches, bring every row
 * to the office. */
static void
test_all_streams(void **state)
{
	struct unit_offices *f = *state;
	char p1[128], p2[128], *a, *b;
	long small, big;

	snprintf(p1, sizeof p1, "%s/all1.kzb", f->dir);
	snprintf(p2, sizeof p2, "%s/all2.kzb", f->dir);
	fill(f, 1000);
	small = export_all(f, p1);
	fill(f, 7000);
	big = export_all(f, p2);
	print_message("  export --all: %ld bytes at 1,000, %ld at 8,000\n",
	    small, big);
	/* no more than the page cache (2 MB by default) and a batch grow:
	 * one changeset of every row took 11 MB more here */
	assert_true(big < small + 4 * 1024 * 1024);
	import(f, p1);
	import(f, p2);
	a = register_of(f, TYO);
	b = register_of(f, BJS);
	assert_string_equal(a, b);
	assert_true(strncmp(a, "8000 ", 5) == 0);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_all_streams, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
