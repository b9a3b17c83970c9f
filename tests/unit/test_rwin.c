/* test_rwin.c - a window over a list gives the rows the whole list gives, a page at a time, finds a record's place, counts on past its cap, and keeps the cells as people read them when asked. */
#include "unit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "act_records.h"
#include "i18n.h"
#include "rlist.h"
#include "rwin.h"
#include "seminar.h"
#include "search.h"
#include "specialist.h"
#include "trainee.h"

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
	char *ids[N + 8];	/* an edition more than N */
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

/* Set field name of record rec of table rt from text. */
static void
set(const struct kz_rtype *rt, void *rec, const char *name, const char *text)
{
	struct kz_err err = { 0 };

	if (kz_rfield_set(kz_rtype_field(rt, name), rec, text, &err) != KZ_OK)
		fail_msg("%s: %s", name, err.item[0].msg);
}

/* N trainee placements, N editions of one series and N support cases,
 * each list's rows in an order of their own. */
static int
setup_kinds(void **state)
{
	struct unit_fixture *f;
	struct kz_err err = { 0 };
	char series[KZ_ID_SIZE], text[64];

	if (unit_setup(state))
		return -1;
	f = *state;
	unit_edition(f->db, series, text);
	for (int i = 0; i < N; i++) {
		struct kz_trainee t;
		struct kz_seminar e;
		void *a = kz_activity_new(&kz_akind_support);

		kz_trainee_init(&t);
		snprintf(text, sizeof text, "%d", 2000 + (i * 7) % 23);
		set(&kz_trainee_type, &t, "year", text);
		snprintf(text, sizeof text, "大连市 %d", (i * 11) % N);
		set(&kz_trainee_type, &t, "home_government", text);
		snprintf(text, sizeof text, "島根県 %d", i % 9);
		set(&kz_trainee_type, &t, "host", text);
		set(&kz_trainee_type, &t, "status", i % 2 ? "ongoing" :
		    "completed");
		if (kz_trainee_insert(f->db, &t, &err) != KZ_OK)
			fail_msg("%s", err.item[0].msg);
		kz_trainee_free(&t);

		kz_seminar_init(&e);
		memcpy(e.series, series, KZ_ID_SIZE);
		e.number = i + 1 == 18 ? N + 1 : i + 1;
		e.year = 1900 + (i * 13) % N;
		snprintf(text, sizeof text, "City %d", (i * 3) % 17);
		kz_str_set(&e.city, text);
		snprintf(text, sizeof text, "Theme %d", (i * 5) % N);
		kz_str_set(&e.theme, text);
		e.status = (enum kz_seminar_status)(i % 4);
		if (kz_seminar_insert(f->db, &e, &err) != KZ_OK)
			fail_msg("%s", err.item[0].msg);
		kz_seminar_free(&e);

		assert_non_null(a);
		snprintf(text, sizeof text, "20%02d-%02d-%02d", 10 + i % 13,
		    1 + i % 12, 1 + i % 28);
		set(kz_akind_support.rt, a, "start", text);
		snprintf(text, sizeof text, "Prefecture %d", (i * 3) % 11);
		set(kz_akind_support.rt, a, "government", text);
		set(kz_akind_support.rt, a, "kind", i % 3 ? "visit" :
		    "briefing");
		if (kz_activity_insert(f->db, &kz_akind_support, a, &err) !=
		    KZ_OK)
			fail_msg("%s", err.item[0].msg);
		kz_activity_destroy(&kz_akind_support, a);
	}
	return 0;
}

/* A window opened with kz_rwin_open_shown has each row's table columns
 * as kz_rlist_shown gives them, and no others, on every page. */
static void
same_shown(struct kz_db *db, const struct kz_rlist_query *q)
{
	const struct kz_rlist *l = q->l;
	struct kz_rlist_cursor c;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	long long i = 0;
	int rc;

	assert_int_equal(kz_rwin_open_shown(db, q, &w, &err), KZ_OK);
	assert_int_equal(kz_rlist_open(db, q, &c, &err), KZ_OK);
	while ((rc = kz_rlist_next(&c, &err)) == 1) {
		const struct kz_rwin_row *r = kz_rwin_row(&w, i++, &err);

		assert_non_null(r);
		assert_non_null(r->shown);
		for (size_t k = 0; k < l->ncols; k++) {
			char *want;

			if (!(l->cols[k].flags & KZ_RC_TABLE)) {
				assert_null(r->shown[k]);
				continue;
			}
			want = kz_rlist_shown(&c, k);
			assert_non_null(want);
			assert_non_null(r->shown[k]);
			assert_string_equal(r->shown[k], want);
			free(want);
		}
	}
	assert_int_equal(rc, 0);
	kz_rlist_close(&c);
	assert_null(kz_rwin_row(&w, i, &err));
	assert_int_equal(kz_rwin_count(&w), i);
	kz_rwin_close(&w);
	/* a plain window keeps no such cells */
	assert_int_equal(kz_rwin_open(db, q, &w, &err), KZ_OK);
	assert_null(w.rows[0].shown);
	kz_rwin_close(&w);
}

/* The lists of the Trainees, Seminars and Activities tabs through a
 * window: the rows of the whole list in every order the tabs offer,
 * searched, and their cells as the tabs show them. */
static void
test_kinds(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const tsorts[] = { NULL, "year", "-year", "host",
	    "home_government", "-fields", "status" };
	static const char *const esorts[] = { NULL, "number", "-number",
	    "year", "place", "-theme_shown" };
	static const char *const asorts[] = { NULL, "start", "-government",
	    "kind" };
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	const struct kz_rwin_row *r;

	for (size_t i = 0; i < sizeof tsorts / sizeof tsorts[0]; i++) {
		kz_rlist_query_init(&q, &kz_rlist_trainees);
		q.sort = tsorts[i];
		same_rows(f->db, &q);
		same_shown(f->db, &q);
	}
	kz_rlist_set(&q, "search", "島根県 3");
	same_rows(f->db, &q);
	same_shown(f->db, &q);
	for (size_t i = 0; i < sizeof esorts / sizeof esorts[0]; i++) {
		kz_rlist_query_init(&q, &kz_rlist_seminars);
		q.sort = esorts[i];
		same_rows(f->db, &q);
		same_shown(f->db, &q);
	}
	kz_rlist_set(&q, "search", "city 1");
	same_rows(f->db, &q);
	for (size_t i = 0; i < sizeof asorts / sizeof asorts[0]; i++) {
		kz_rlist_query_init(&q, kz_akind_support.list);
		q.sort = asorts[i];
		same_rows(f->db, &q);
		same_shown(f->db, &q);
	}
	kz_rlist_set(&q, "year", "2015");
	same_rows(f->db, &q);

	/* a status as people read it, the stored keyword beside it (its
	 * order) */
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	q.sort = "status";
	assert_int_equal(kz_rwin_open_shown(f->db, &q, &w, &err), KZ_OK);
	r = kz_rwin_row(&w, 0, &err);
	assert_string_equal(r->text[kz_rlist_col(&kz_rlist_trainees,
	    "status")], "completed");
	assert_string_equal(r->shown[kz_rlist_col(&kz_rlist_trainees,
	    "status")], kz_enum_label(&kz_trainee_status_enum,
	    kz_enum_parse(&kz_trainee_status_enum, "completed")));
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

/* More matches than the hits gather (lists.c's SEARCH_MOST, 35,000):
 * the window reads the query's own way, and End (all of them) counts
 * every one, never none. Such a term is known by a sample, not by
 * reading 35,000 matches (search.c, estimate): every row matching is
 * sampled as many and counted only when asked; matches crowded into
 * the first rowids are not, and are gathered and counted at once. */
static void
test_hits_many(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	const long long many = 36000;
	long long *rows;
	size_t n;

	/* written set-based, as an import does, then indexed */
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "WITH RECURSIVE n(i) AS "
	    "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 36000) "
	    "INSERT INTO specialist (id, name, name_roman, government, "
	    "status, created, updated, sort_key) SELECT printf('KZ-M%07d', "
	    "i), 'Manyname ' || i, 'Manyname ' || i, 'Prefecture', "
	    "'serving', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', "
	    "printf('manyname %07d', i) FROM n", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE specialist SET "
	    "government = 'Crowded' WHERE id <= 'KZ-M0006000'", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(kz_search_rebuild(f->db, &err), KZ_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);

	/* every row: sampled, none gathered nor counted */
	assert_int_equal(kz_search_hits(f->db, "manyname", 35000, &rows, &n,
	    &err), KZ_OK);
	assert_null(rows);
	assert_int_equal(n, 0);
	assert_true(kz_search_many(f->db, "\"manyname\"*", 35000));
	assert_false(kz_search_many(f->db, "\"manyname\"*", 40000));
	/* asked for fewer, they are counted */
	assert_int_equal(kz_search_hits(f->db, "manyname", 1000, &rows, &n,
	    &err), KZ_OK);
	assert_null(rows);
	assert_int_equal(n, 1001);

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", "manyname");
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_null(w.hits);
	assert_false(kz_rwin_exact(&w));
	/* the rows the query gives, in its order */
	for (long long i = 0; i < 3 * KZ_RWIN_PAGE; i++) {
		char id[32];

		snprintf(id, sizeof id, "KZ-M%07lld", i + 1);
		assert_string_equal(kz_rwin_row(&w, i, &err)->id, id);
	}
	/* counted on as far as asked, never past what is there: past the
	 * 35,000 the hits gather, the query counts (it said 64,000+) */
	assert_int_equal(kz_rwin_more(&w, 0, &err), KZ_OK);
	assert_false(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), KZ_RWIN_CAP);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(kz_rwin_more(&w, 0, &err), KZ_OK);
		assert_true(kz_rwin_count(&w) <= many);
	}
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), many);
	assert_int_equal(kz_rwin_all(&w, &err), KZ_OK);
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), many);
	assert_non_null(kz_rwin_row(&w, many - 1, &err));
	kz_rwin_close(&w);

	/* 6,000 matches in the first rowids: the sample sees the rest
	 * has none, and they are gathered, counted at once */
	assert_int_equal(kz_search_hits(f->db, "crowded", 35000, &rows, &n,
	    &err), KZ_OK);
	assert_non_null(rows);
	assert_int_equal(n, 6000);
	free(rows);
	assert_false(kz_search_many(f->db, "\"crowded\"*", 0));
	kz_rlist_set(&q, "text", "crowded");
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	assert_non_null(w.hits);
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), 6000);
	kz_rwin_close(&w);
	assert_int_equal(err.n, 0);
}

/* A term the sample takes for fewer than 35,000 (it misses the windows
 * it looks in) that matches more: the hits stop at 35,001, and a count
 * asked for past them is counted by the query, not taken as the cap
 * (which read 64,000+ for 46,464). */
static void
test_count_past_hits(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "WITH RECURSIVE n(i) AS "
	    "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48000) "
	    "INSERT INTO specialist (rowid, id, name, name_roman, government, "
	    "status, created, updated, sort_key) SELECT i, printf('KZ-M%07d', "
	    "i), 'Name ' || i, 'Name ' || i, CASE WHEN i BETWEEN 18000 AND "
	    "18511 OR i BETWEEN 30000 AND 30511 OR i BETWEEN 42000 AND 42511 "
	    "THEN 'Gap' ELSE 'Common' END, 'serving', '2026-01-01T00:00:00Z', "
	    "'2026-01-01T00:00:00Z', printf('name %07d', i) FROM n", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(kz_search_rebuild(f->db, &err), KZ_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "text", "common");
	assert_int_equal(kz_rwin_open(f->db, &q, &w, &err), KZ_OK);
	for (int i = 0; i < 4 && !kz_rwin_exact(&w); i++) {
		assert_int_equal(kz_rwin_more(&w, 0, &err), KZ_OK);
		assert_true(kz_rwin_count(&w) <= 48000 - 3 * 512);
	}
	assert_true(kz_rwin_exact(&w));
	assert_int_equal(kz_rwin_count(&w), 48000 - 3 * 512);
	kz_rwin_close(&w);
	assert_int_equal(err.n, 0);
}

/* A session lets go of the orders its searches read (a tab left: 400
 * KB a list of 100,000) and of SQLite's pages past its own cache; the
 * next search reads its order again and finds the same rows. */
static void
test_forget_orders(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	long long *rows, *again;
	size_t n, n2;
	sqlite3_stmt *st;

	assert_int_equal(kz_search_hits(f->db, "sato", SIZE_MAX, &rows, &n,
	    &err), KZ_OK);
	assert_int_equal(n, N / 5);
	assert_non_null(f->db->order.row);
	kz_db_forget_orders(f->db);
	assert_null(f->db->order.row);
	assert_int_equal(f->db->order.n, 0);
	assert_int_equal(kz_search_hits(f->db, "sato", SIZE_MAX, &again, &n2,
	    &err), KZ_OK);
	assert_non_null(f->db->order.row);
	assert_int_equal(n2, n);
	assert_memory_equal(again, rows, n * sizeof *rows);
	free(rows);
	free(again);
	kz_db_forget_orders(f->db);
	kz_db_forget_orders(f->db);	/* nothing held: nothing done */

	assert_int_equal(kz_db_cache(f->db, 512, &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "PRAGMA cache_size",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), -512);
	sqlite3_finalize(st);
	assert_int_equal(err.n, 0);
}

/* A term typed again (a key taken back) gives its kept matches while
 * nothing changed, and the rows as they are after a write. */
static void
test_hits_again(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	long long *rows, *again;
	size_t n, n2;

	assert_int_equal(kz_search_hits(f->db, "sato", SIZE_MAX, &rows, &n,
	    &err), KZ_OK);
	assert_int_equal(kz_search_hits(f->db, "tanaka", SIZE_MAX, &again,
	    &n2, &err), KZ_OK);
	free(again);
	assert_int_equal(kz_search_hits(f->db, "sato", SIZE_MAX, &again, &n2,
	    &err), KZ_OK);
	assert_int_equal(n2, n);
	assert_memory_equal(again, rows, n * sizeof *rows);
	free(again);
	/* more than asked for: as many as it says */
	assert_int_equal(kz_search_hits(f->db, "sato", 5, &again, &n2, &err),
	    KZ_OK);
	assert_null(again);
	assert_int_equal(n2, 6);
	/* a sato more: found, not the matches kept before */
	add(f->db, 0);
	assert_int_equal(kz_search_hits(f->db, "sato", SIZE_MAX, &again, &n2,
	    &err), KZ_OK);
	assert_int_equal(n2, n + 1);
	free(again);
	free(rows);
	assert_int_equal(err.n, 0);
}

/* Every row of a list counted once for the database's state: again
 * after a write here, after another connection's, and a filtered count
 * never taken for it. */
static void
test_total_kept(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q, qf;
	struct kz_err err = { 0 };
	struct kz_db *other;
	char text[16] = "tanaka";
	long long n, m;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N);
	kz_rlist_query_init(&qf, &kz_rlist_specialists);
	kz_rlist_set(&qf, "text", text);
	assert_int_equal(kz_rlist_total(f->db, &qf, -1, &m, &err), KZ_OK);
	assert_true(m < N);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N);
	add(f->db, N);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N + 1);
	assert_non_null(other = kz_db_open(f->path, f->cfg, &err));
	add(other, N + 1);
	kz_db_close(other);
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N + 2);
	unit_exec(f->db, "DELETE FROM specialist WHERE rowid = (SELECT "
	    "max(rowid) FROM specialist)");
	assert_int_equal(kz_rlist_total(f->db, &q, -1, &n, &err), KZ_OK);
	assert_int_equal(n, N + 1);
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
		cmocka_unit_test_setup_teardown(test_kinds, setup_kinds,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_count_past_hits,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_hits_many, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_hits, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_forget_orders, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_total_kept, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_hits_again, setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
