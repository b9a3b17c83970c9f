/* test_tindex.c - the request and dispatch indexes (tindex.h): each row found by its text, kept current whoever writes, a dispatch's text following its specialist and request, and its matches in the list's order. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "rlist.h"
#include "rwin.h"
#include "tindex.h"

static const char office[] =
	"office:\n  id: BJS\n  name: Beijing\n  role: office\n  region: China\n"
	"  countries: [CN]\n  language: en\n  timezone: Asia/Shanghai\n";

static int
setup(void **state)
{
	struct unit_fixture *f;
	struct kz_err err = { 0 };

	if (unit_setup_with(state, office))
		return -1;
	f = *state;
	return kz_demo_load(f->db, &err) == KZ_OK ? 0 : -1;
}

/* The ids list l gives for `--text term`, read whole, comma-joined. */
static char *
found(struct kz_db *db, const struct kz_rlist *l, const char *term)
{
	struct kz_rlist_query q;

	kz_rlist_query_init(&q, l);
	assert_int_equal(kz_rlist_set(&q, "text", term), KZ_OK);
	return unit_list_ids(db, &q, NULL);
}

/* Every dispatch is found by its id, its specialist's name, its topic;
 * every request by its id and topic: the index holds each row. */
static void
test_each_found(void **state)
{
	struct unit_fixture *f = *state;
	sqlite3_stmt *st;
	int n = 0;

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT d.id, s.name, "
	    "r.id, r.topic FROM dispatch d JOIN specialist s ON s.id = "
	    "d.specialist JOIN request r ON r.id = d.request ORDER BY d.id",
	    -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *r = (const char *)sqlite3_column_text(st, 2);
		const char *topic = (const char *)sqlite3_column_text(st, 3);
		char *got[4] = {
			found(f->db, &kz_rlist_dispatches, d),
			found(f->db, &kz_rlist_dispatches, name),
			found(f->db, &kz_rlist_requests, r),
			found(f->db, &kz_rlist_dispatches, topic),
		};

		assert_string_equal(got[0], d);
		if (strstr(got[1], d) == NULL)
			fail_msg("%s not found by its specialist %s: %s", d,
			    name, got[1]);
		assert_string_equal(got[2], r);
		if (strstr(got[3], d) == NULL)
			fail_msg("%s not found by its topic %s", d, topic);
		for (int i = 0; i < 4; i++)
			free(got[i]);
		n++;
	}
	sqlite3_finalize(st);
	assert_true(n > 50);
}

/* Written by SQL alone (as the sqlite3 shell would): a specialist
 * renamed, a request's topic changed, a dispatch's notes, a dispatch
 * deleted, a request replaced; each search finds what is there now. */
static void
test_current(void **state)
{
	struct unit_fixture *f = *state;
	char *d = unit_query(f->db, "SELECT id FROM dispatch ORDER BY id LIMIT 1");
	char *sp = unit_query(f->db, "SELECT specialist FROM dispatch ORDER BY id "
	    "LIMIT 1");
	char *r = unit_query(f->db, "SELECT request FROM dispatch ORDER BY id "
	    "LIMIT 1");
	char *got, sql[300];

	/* indexed before the writes */
	free(found(f->db, &kz_rlist_dispatches, "x"));
	snprintf(sql, sizeof sql, "UPDATE specialist SET name = '鳳凰堂 麟' "
	    "WHERE id = '%s'", sp);
	unit_exec(f->db, sql);
	got = found(f->db, &kz_rlist_dispatches, "凤凰堂");
	assert_non_null(strstr(got, d));
	free(got);

	snprintf(sql, sizeof sql, "UPDATE request SET topic = 'Qilin "
	    "husbandry 麒麟饲养' WHERE id = '%s'", r);
	unit_exec(f->db, sql);
	got = found(f->db, &kz_rlist_dispatches, "麒麟 husb");
	assert_non_null(strstr(got, d));
	free(got);
	got = found(f->db, &kz_rlist_requests, "qilin");
	assert_string_equal(got, r);
	free(got);

	snprintf(sql, sizeof sql, "UPDATE dispatch SET notes = 'Zebrafish "
	    "tanks' WHERE id = '%s'", d);
	unit_exec(f->db, sql);
	got = found(f->db, &kz_rlist_dispatches, "zebrafish");
	assert_string_equal(got, d);
	free(got);

	/* the request put back in its own place, another topic: its old
	 * words find nothing, its dispatches the new */
	snprintf(sql, sizeof sql, "PRAGMA foreign_keys = OFF; INSERT OR "
	    "REPLACE INTO request SELECT * FROM request WHERE id = '%s'; "
	    "PRAGMA foreign_keys = ON", r);
	unit_exec(f->db, sql);
	snprintf(sql, sizeof sql, "UPDATE request SET topic = 'Unicorn "
	    "care' WHERE id = '%s'", r);
	unit_exec(f->db, sql);
	got = found(f->db, &kz_rlist_requests, "qilin");
	assert_string_equal(got, "");
	free(got);
	got = found(f->db, &kz_rlist_dispatches, "unicorn");
	assert_non_null(strstr(got, d));
	free(got);

	snprintf(sql, sizeof sql, "DELETE FROM dispatch WHERE id = '%s'", d);
	unit_exec(f->db, sql);
	got = found(f->db, &kz_rlist_dispatches, "zebrafish");
	assert_string_equal(got, "");
	free(got);
	free(d);
	free(sp);
	free(r);
}

/* A search on the Dispatches tab: its matches in the list's order, the
 * same rows as the whole query, counted at once. */
static void
test_window(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const terms[] = { "c", "2026", "市", "reported" };
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };

	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		char *all = found(f->db, &kz_rlist_dispatches, terms[t]);
		char *p = all, *id;
		long long i = 0;

		kz_rlist_query_init(&q, &kz_rlist_dispatches);
		kz_rlist_set(&q, "text", terms[t]);
		assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
		assert_non_null(w.hits);
		assert_true(kz_rwin_exact(&w));
		while ((id = strsep(&p, ",")) != NULL && *id)
			assert_string_equal(kz_rwin_row(&w, i++, &err)->id, id);
		assert_true(i > 0);
		assert_int_equal(kz_rwin_count(&w), i);
		kz_rwin_close(&w);
		free(all);
	}
	assert_int_equal(err.n, 0);
}

/* A database from before the indexes: every row marked by the
 * migration, indexed at the first search. */
static void
test_rebuilt(void **state)
{
	struct unit_fixture *f = *state;
	char *d = unit_query(f->db, "SELECT id FROM dispatch ORDER BY id LIMIT 1");
	char *got;
	struct kz_err err = { 0 };

	got = found(f->db, &kz_rlist_dispatches, d);
	assert_string_equal(got, d);
	free(got);
	unit_exec(f->db, "DELETE FROM dispatch_fts; DELETE FROM request_fts");
	got = found(f->db, &kz_rlist_dispatches, d);
	assert_string_equal(got, "");	/* emptied behind its back */
	free(got);
	assert_int_equal(kz_tindex_rebuild(f->db, &kz_tindex_dispatches,
	    &err), KZ_OK);
	unit_exec(f->db, "INSERT OR IGNORE INTO local_request_dirty (n) SELECT "
	    "rowid FROM request");
	got = found(f->db, &kz_rlist_dispatches, d);
	assert_string_equal(got, d);
	free(got);
	got = found(f->db, &kz_rlist_requests, "c");
	assert_true(strlen(got) > 0);
	free(got);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_each_found, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_current, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_window, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_rebuilt, setup,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
