/* test_rwin.c - a window over a list gives the rows the whole list gives, a page at a time, finds a record's place and counts on past its cap. */
#include "unit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rlist.h"
#include "rwin.h"
#include "search.h"
#include "specialist.h"

#define N 200		/* more than three pages */

static void
add(struct kz_db *db, int i)
{
	static const char *const family[] = { "Sato", "Tanaka", "Ito",
	    "Suzuki", "Abe" };
	struct kz_specialist s;
	struct kz_err err = { 0 };
	char name[64];

	kz_specialist_init(&s);
	snprintf(name, sizeof name, "%s Ken%03d", family[i % 5], (i * 37) % N);
	kz_str_set(&s.name, name);
	kz_str_set(&s.name_roman, name);
	snprintf(name, sizeof name, "Prefecture %d", i % 7);
	kz_str_set(&s.government, name);
	s.status = i % 3 ? KZ_SERVING : KZ_RETIRED;
	assert_int_equal(kz_specialist_parse_fields(&s, i % 2 ?
	    "agriculture" : "education; forestry", &err), KZ_OK);
	if (kz_specialist_insert(db, &s, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	kz_specialist_free(&s);
}

static int
setup(void **state)
{
	struct unit_fixture *f;

	if (unit_setup(state))
		return -1;
	f = *state;
	for (int i = 0; i < N; i++)
		add(f->db, i);
	return 0;
}

/* The ids q lists, read whole by the plain cursor, into ids (malloc'd
 * each); how many. */
static size_t
whole(struct kz_db *db, const struct kz_rlist_query *q, char **ids)
{
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	size_t n = 0;
	int rc;

	if (kz_rlist_open(db, q, &c, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	while ((rc = kz_rlist_next(&c, &err)) == 1)
		ids[n++] = kz_rlist_text(&c, 0);
	assert_int_equal(rc, 0);
	kz_rlist_close(&c);
	return n;
}

static void
ids_free(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
}

/* The window over q has the rows in the order the whole list has them,
 * however it is walked, and each record's place is found. */
static void
same_rows(struct kz_db *db, const struct kz_rlist_query *q)
{
	struct kz_rwin w;
	struct kz_err err = { 0 };
	char *ids[N];
	size_t n = whole(db, q, ids);

	assert_int_equal(kz_rwin_open(db, q, &w, &err), KZ_OK);
	/* down from the top, then up from the bottom, then by jumps */
	for (size_t i = 0; i < n; i++) {
		const struct kz_rwin_row *r = kz_rwin_row(&w, (long long)i,
		    &err);

		assert_non_null(r);
		assert_string_equal(r->id, ids[i]);
	}
	assert_null(kz_rwin_row(&w, (long long)n, &err));
	assert_int_equal(err.n, 0);
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), (long long)n);
	for (size_t i = n; i-- > 0;)
		assert_string_equal(kz_rwin_row(&w, (long long)i, &err)->id,
		    ids[i]);
	for (size_t i = 0; i < n; i += 47)
		assert_string_equal(kz_rwin_row(&w, (long long)(n - 1 - i),
		    &err)->id, ids[n - 1 - i]);
	/* the held page never more than a page */
	assert_true(w.n <= KZ_RWIN_PAGE);
	/* a record's place, wherever the window is */
	for (size_t i = 0; i < n; i += 13)
		assert_int_equal(kz_rwin_find(&w, ids[i], &err), (long long)i);
	assert_int_equal(kz_rwin_find(&w, "TYO-NONE-SUCH", &err), -1);
	assert_int_equal(err.n, 0);
	kz_rwin_close(&w);
	ids_free(ids, n);
}

/* Sorted each way people sort, filtered, searched. */
static void
test_rows(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const sorts[] = { NULL, "name", "-name",
	    "name_roman", "-government", "status,-name_roman", "fields" };
	struct kz_rlist_query q;

	for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
		kz_rlist_query_init(&q, &kz_rlist_specialists);
		q.sort = sorts[i];
		same_rows(f->db, &q);
	}
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "status", "retired");
	same_rows(f->db, &q);
	kz_rlist_set(&q, "text", "tanaka");
	q.sort = "-government";
	same_rows(f->db, &q);
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", "ken1");
	same_rows(f->db, &q);
}

/* The first page is all it reads; the count goes on when asked, by
 * KZ_RWIN_CAP and then further; the window keeps its own copy of the
 * query's values. */
static void
test_count(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	char text[16] = "tanaka";
	long long n;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_int_equal(w.n, KZ_RWIN_PAGE);
	assert_int_equal(kz_rwin_count(&w), KZ_RWIN_PAGE);
	assert_false(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_more(&w, 0, &err), KZ_OK);
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), N);
	kz_rwin_known(&w, 7);
	assert_int_equal(kz_rwin_count(&w), 7);
	kz_rwin_close(&w);

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", text);
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	memset(text, 0, sizeof text);	/* the caller's copy goes */
	assert_true(kz_rwin_exact(&w));	/* a short page: all of them */
	assert_int_equal(kz_rwin_count(&w), N / 5);
	for (long long i = 0; i < N / 5; i++)
		assert_non_null(strstr(kz_rwin_row(&w, i, &err)->text[2],
		    "Tanaka"));
	kz_rwin_close(&w);

	/* counting no further than asked */
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	assert_int_equal(kz_rlist_total(f->db, &q, 10, &n, &err), KZ_OK);
	assert_int_equal(n, 10);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N);
	/* a list joined to others, counted without its joins when nothing
	 * filters it, and with them when something does */
	kz_rlist_query_init(&q, &kz_rlist_dispatches);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, 0);
	kz_rlist_set(&q, "state", "active");
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, 0);
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	/* a bad value: reported, nothing open */
	kz_rlist_set(&q, "status", "asleep");
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--status"));
	assert_null(w.rows);
}

/* A window's rows are chosen by rowid first: its statement makes the
 * made values (a specialist's fields) outside the sorted part, and they
 * are a row's own. */
static void
test_made(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	int fields = kz_rlist_col(&kz_rlist_specialists, "fields");
	const char *p;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	q.window = true;
	q.limit = 3;
	q.sort = "fields";
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	/* the sorted part selects rowids alone */
	assert_non_null(p = strstr(c.sql, "s.rowid IN (SELECT s.rowid FROM"));
	assert_null(strstr(p, "group_concat(lang"));
	kz_rlist_close(&c);

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	for (long long i = 0; i < N; i += 9) {
		const struct kz_rwin_row *r = kz_rwin_row(&w, i, &err);
		struct kz_specialist s;

		kz_specialist_init(&s);
		assert_int_equal(kz_specialist_get(f->db, r->id, &s, &err),
		    KZ_OK);
		assert_string_equal(r->text[fields], s.nfields == 1 ?
		    "agriculture" : "education,forestry");
		kz_specialist_free(&s);
	}
	kz_rwin_close(&w);
}

/* A search read in the list's own order is the index's matches placed
 * by the register's order: counted exactly at once, the same rows as
 * the query, and after a write the order is read again. */
static void
test_hits(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const own[] = { NULL, "", "name" };
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	long long *rows;
	size_t n;
	char *ids[N];

	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
		kz_rlist_query_init(&q, &kz_rlist_specialists);
		kz_rlist_set(&q, "text", "sato");
		q.sort = own[i];
		assert_true(kz_rlist_own_order(q.l, q.sort));
		assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
		assert_non_null(w.hits);
		assert_true(kz_rwin_exact(&w));
		assert_int_equal(kz_rwin_count(&w), N / 5);
		kz_rwin_close(&w);
		same_rows(f->db, &q);
	}
	/* another order, or another filter: the query's own way */
	assert_false(kz_rlist_own_order(&kz_rlist_specialists, "-name"));
	assert_false(kz_rlist_own_order(&kz_rlist_specialists, "name,status"));
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", "sato");
	q.sort = "-name";
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_null(w.hits);
	kz_rwin_close(&w);
	kz_rlist_set(&q, "status", "retired");
	q.sort = NULL;
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_null(w.hits);
	kz_rwin_close(&w);

	/* a new record is found in its place */
	add(f->db, N);
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", "sato");
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_non_null(w.hits);
	assert_int_equal(kz_rwin_count(&w), N / 5 + 1);
	assert_int_equal(whole(f->db, &q, ids), N / 5 + 1);
	for (size_t i = 0; i < N / 5 + 1; i++)
		assert_string_equal(kz_rwin_row(&w, (long long)i, &err)->id,
		    ids[i]);
	kz_rwin_close(&w);
	ids_free(ids, N / 5 + 1);

	/* more matches than asked for: none given, and the term noted as
	 * many; nothing searchable: none */
	assert_int_equal(kz_search_hits(f->db, "ken", 5, &rows, &n, &err),
	    KZ_OK);
	assert_null(rows);
	assert_true(kz_search_many(f->db, "\"ken\"*", 5));
	assert_false(kz_search_many(f->db, "\"ken\"*", 6));
	assert_int_equal(kz_search_hits(f->db, "ken", SIZE_MAX, &rows, &n,
	    &err), KZ_OK);
	assert_non_null(rows);
	assert_int_equal(n, N + 1);
	free(rows);
	assert_int_equal(kz_search_hits(f->db, " - ", SIZE_MAX, &rows, &n,
	    &err), KZ_OK);
	assert_null(rows);
	assert_int_equal(err.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_count, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_made, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_hits, setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
