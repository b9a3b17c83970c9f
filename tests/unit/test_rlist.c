/* test_rlist.c - the lists' declarations name real fields, their filters bind values, and limit and offset window the rows. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "rlist.h"
#include "seminar.h"
#include "specialist.h"
#include "trainee.h"

static bool
in_lists(const struct kz_rlist *l)
{
	for (const struct kz_rlist *const *lp = kz_rlists; *lp; lp++)
		if (*lp == l)
			return true;
	return false;
}

/* Every column names a field its table stores, or one the list's fill
 * makes (or is a made value with its SQL and key, or a child list in
 * JSON); every filter has a condition, an option and, where it names
 * one, a real field; every list's statement prepares. */
static void
test_declarations(void **state)
{
	struct unit_fixture *f = *state;

	for (const struct kz_rlist *const *lp = kz_rlists; *lp; lp++) {
		const struct kz_rlist *l = *lp;
		struct kz_rlist_query q;
		struct kz_rlist_cursor c;
		struct kz_err err = { 0 };
		int nf = 0;

		assert_non_null(l->rt);
		assert_true(l->size > 0);
		assert_non_null(l->alias);
		assert_non_null(strstr(l->from, l->alias));
		for (size_t i = 0; i < l->ncols; i++) {
			const struct kz_rlist_col *col = &l->cols[i];

			if (col->field) {
				const struct kz_rfield *fd = kz_rlist_field(l, i);

				if (fd == NULL)
					fail_msg("%s: column %zu names no field "
					    "\"%s\"", l->name, i, col->field);
				if ((fd->column == NULL || fd->kind ==
				    KZ_RK_LIST) && l->fill == NULL)
					fail_msg("%s: field \"%s\" is not stored",
					    l->name, col->field);
				assert_null(col->expr);
				assert_null(col->child);
			} else if (col->child) {
				assert_null(col->expr);
				assert_non_null(col->key);
				assert_true(col->flags & KZ_RC_JSON);
			} else {
				assert_non_null(col->expr);
				assert_non_null(col->key);
			}
			assert_non_null(kz_rlist_key(l, i));
			if (col->flags & KZ_RC_TABLE)
				assert_non_null(col->head);
			assert_true(col->flags & KZ_RC_BOTH);
			if (col->flags & KZ_RC_JSON)	/* JSON only: data */
				assert_true(col->flags & KZ_RC_DATA);
			if (col->flags & KZ_RC_CSV)	/* CSV only: data */
				assert_true((col->flags & (KZ_RC_DATA |
				    KZ_RC_JSON)) == KZ_RC_DATA);
		}
		for (const struct kz_rlist_filter *fl = l->filters; fl &&
		    fl->where; fl++, nf++) {
			assert_non_null(fl->option);
			if (!(fl->flags & KZ_RLF_NOOPT)) {
				assert_non_null(fl->arg);
				assert_non_null(fl->help);
			}
			if (fl->field && kz_rtype_field(l->rt, fl->field) == NULL)
				fail_msg("%s: filter --%s names no field \"%s\"",
				    l->name, fl->option, fl->field);
			assert_ptr_equal(kz_rlist_filter(l, fl->option), fl);
		}
		assert_true(nf <= KZ_RLIST_FILTERS);
		kz_rlist_query_init(&q, l);
		q.parent = "KZ-0000-0000";
		if (kz_rlist_open(f->db, &q, &c, &err) != KZ_OK)
			fail_msg("%s: %s", l->name, err.item[0].msg);
		assert_int_equal(kz_rlist_next(&c, &err), 0);	/* empty */
		kz_rlist_close(&c);
	}
	assert_non_null(kz_rlist_filter(&kz_rlist_specialists, "status"));
	assert_null(kz_rlist_filter(&kz_rlist_specialists, "nosuch"));
	/* the lists once hand-written are among them; add and edit print
	 * one item through the programme's first filter, its id */
	assert_true(in_lists(&kz_rlist_items));
	assert_ptr_equal(kz_rlist_filter(&kz_rlist_items, "id"),
	    &kz_rlist_items.filters[0]);
	assert_non_null(kz_rlist_items.parent);
	assert_true(in_lists(&kz_rlist_seminars));
	assert_true(in_lists(&kz_rlist_trainees));
}

static void
add(struct unit_fixture *f, const char *roman, enum kz_status st,
    const char *fields)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, roman);
	kz_str_set(&s.name_roman, roman);
	kz_str_set(&s.government, "島根県");
	s.status = st;
	assert_int_equal(kz_specialist_parse_fields(&s, fields, &err), KZ_OK);
	if (kz_specialist_insert(f->db, &s, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	kz_specialist_free(&s);
}

/* The romanised names of the rows q lists, a space apart, into out;
 * the number of rows. */
static int
names(struct unit_fixture *f, const struct kz_rlist_query *q, char *out,
    size_t size)
{
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	int n = 0, rc;
	size_t col = 0;

	while (strcmp(kz_rlist_key(q->l, col), "name_roman") != 0)
		col++;
	out[0] = '\0';
	if (kz_rlist_open(f->db, q, &c, &err) != KZ_OK)
		fail_msg("%s: %s", err.item[0].where, err.item[0].msg);
	while ((rc = kz_rlist_next(&c, &err)) == 1) {
		char *s = kz_rlist_text(&c, col);

		snprintf(out + strlen(out), size - strlen(out), "%s%s",
		    n++ ? " " : "", s);
		free(s);
	}
	assert_int_equal(rc, 0);
	kz_rlist_close(&c);
	return n;
}

static void
test_filters(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	char got[256];

	add(f, "Abe", KZ_SERVING, "agriculture");
	add(f, "Baba", KZ_RETIRED, "education");
	add(f, "Chiba", KZ_SERVING, "education");

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	assert_int_equal(names(f, &q, got, sizeof got), 3);
	assert_string_equal(got, "Abe Baba Chiba");

	/* a field's filter: the label or keyword, bound as stored */
	assert_int_equal(kz_rlist_set(&q, "status", "retired"), KZ_OK);
	assert_int_equal(names(f, &q, got, sizeof got), 1);
	assert_string_equal(got, "Baba");
	assert_int_equal(kz_rlist_set(&q, "status", "serving"), KZ_OK);
	assert_int_equal(kz_rlist_set(&q, "field", "education"), KZ_OK);
	assert_int_equal(names(f, &q, got, sizeof got), 1);
	assert_string_equal(got, "Chiba");
	/* the values are bound, not written into the SQL */
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_null(strstr(c.sql, "serving"));
	assert_null(strstr(c.sql, "education"));
	assert_int_equal(sqlite3_bind_parameter_count(c.st), 4);
	kz_rlist_close(&c);

	/* a bad value is reported under the option, nothing opened */
	assert_int_equal(kz_rlist_set(&q, "nosuch", "x"), KZ_ERROR);
	assert_int_equal(kz_rlist_set(&q, "status", "asleep"), KZ_OK);
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--status"));
	assert_null(c.st);
	kz_err_clear(&err);
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	kz_rlist_set(&q, "free", "2026-12-31..2026-12-01");
	kz_rlist_set(&q, "lang", "en:nosuch");
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--free"));
	assert_non_null(kz_err_for(&err, "--lang"));
	kz_err_clear(&err);

	/* every word in one expression of the requests' index (tindex.h) */
	kz_rlist_query_init(&q, &kz_rlist_requests);
	kz_rlist_set(&q, "text", "water  river quality");
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_int_equal(sqlite3_bind_parameter_count(c.st), 1 + 2);
	assert_non_null(strstr(c.sql, "request_fts MATCH"));
	kz_rlist_close(&c);
}

static void
test_window(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	char got[256];

	add(f, "Abe", KZ_SERVING, "");
	add(f, "Baba", KZ_SERVING, "");
	add(f, "Chiba", KZ_SERVING, "");
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	q.limit = 2;
	assert_int_equal(names(f, &q, got, sizeof got), 2);
	assert_string_equal(got, "Abe Baba");
	q.offset = 2;
	assert_int_equal(names(f, &q, got, sizeof got), 1);
	assert_string_equal(got, "Chiba");
	q.limit = 1;
	q.offset = 1;
	assert_int_equal(names(f, &q, got, sizeof got), 1);
	assert_string_equal(got, "Baba");
	q.limit = 0;
	assert_int_equal(names(f, &q, got, sizeof got), 0);
	q.limit = -1;
	q.offset = 5;
	assert_int_equal(names(f, &q, got, sizeof got), 0);
}

/* The text of the current row's first column with key in the table or
 * CSV (not JSON's only). */
static char *
text_of(const struct kz_rlist_cursor *c, const char *key)
{
	for (size_t i = 0; i < c->l->ncols; i++)
		if (strcmp(kz_rlist_key(c->l, i), key) == 0 &&
		    (c->l->cols[i].flags & (KZ_RC_JSON | KZ_RC_TABLE)) !=
		    KZ_RC_JSON)
			return kz_rlist_text(c, i);
	fail_msg("%s: no column %s", c->l->name, key);
	return NULL;
}

/* The current row's JSON value of the column with key (JSON's, not
 * CSV's only), into out. */
static void
json_of(const struct kz_rlist_cursor *c, const char *key, char *out,
    size_t size)
{
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < c->l->ncols; i++)
		if (strcmp(kz_rlist_key(c->l, i), key) == 0 &&
		    (c->l->cols[i].flags & KZ_RC_DATA) &&
		    !(c->l->cols[i].flags & KZ_RC_CSV)) {
			assert_int_equal(kz_rlist_json(c, i, &b), KZ_OK);
			snprintf(out, size, "%s", kz_buf_str(&b));
			kz_buf_free(&b);
			return;
		}
	fail_msg("%s: no JSON column %s", c->l->name, key);
}

/* Rows q lists; a bad value reported under where (NULL: none). */
static int
rows(struct unit_fixture *f, const struct kz_rlist_query *q,
    const char *where)
{
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	int n = 0, rc;

	if (kz_rlist_open(f->db, q, &c, &err) != KZ_OK) {
		if (where == NULL || kz_err_for(&err, where) == NULL)
			fail_msg("%s: %s", err.item[0].where, err.item[0].msg);
		return -1;
	}
	assert_null(where);
	while ((rc = kz_rlist_next(&c, &err)) == 1)
		n++;
	assert_int_equal(rc, 0);
	kz_rlist_close(&c);
	return n;
}

/* An edition: what its row lacks filled in (series code, counts,
 * attendance and its parts), the parts as a child list in JSON; each
 * filter binds its value. */
static void
test_seminars(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	struct kz_seminar e;
	char series[KZ_ID_SIZE], ed[KZ_ID_SIZE], js[256], *t;

	unit_edition(f->db, series, ed);
	assert_int_equal(kz_seminar_get(f->db, ed, &e, &err), KZ_OK);
	assert_int_equal(kz_seminar_parse_attendance(&e, "178: Japanese 61, "
	    "Chinese 117", &err), KZ_OK);
	if (kz_seminar_update(f->db, &e, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	kz_seminar_free(&e);

	kz_rlist_query_init(&q, &kz_rlist_seminars);
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_int_equal(kz_rlist_next(&c, &err), 1);
	assert_string_equal(t = text_of(&c, "ref"), "cj/18");
	free(t);
	assert_string_equal(t = text_of(&c, "series"), "cj");
	free(t);
	assert_string_equal(t = text_of(&c, "attendance"),
	    "178: Japanese 61, Chinese 117");
	free(t);
	assert_string_equal(t = text_of(&c, "dates"), "2019-08-21..2019-08-23");
	free(t);
	assert_string_equal(t = text_of(&c, "place"), "福州市");
	free(t);
	json_of(&c, "attendance", js, sizeof js);
	assert_string_equal(js, "178");
	json_of(&c, "attendance_by", js, sizeof js);
	assert_string_equal(js, "[{\"label\": \"Japanese\", \"count\": 61}, "
	    "{\"label\": \"Chinese\", \"count\": 117}]");
	json_of(&c, "items", js, sizeof js);
	assert_string_equal(js, "0");
	assert_int_equal(kz_rlist_next(&c, &err), 0);
	kz_rlist_close(&c);

	/* each filter, bound: not written into the SQL */
	kz_rlist_set(&q, "series", series);
	kz_rlist_set(&q, "year", "2019");
	kz_rlist_set(&q, "status", "planned");
	kz_rlist_set(&q, "search", "福州");
	assert_int_equal(rows(f, &q, NULL), 1);
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_null(strstr(c.sql, "2019"));
	assert_null(strstr(c.sql, "福州"));
	/* four filters, the year's four words (:from :to :yfrom :yto),
	 * the search's once (its index holds the record's text and its
	 * translations, core/tr.h: tindex.c), and the window */
	assert_int_equal(sqlite3_bind_parameter_count(c.st), 1 + 4 + 1 + 1 +
	    2);
	assert_non_null(strstr(c.sql, "seminar_fts MATCH"));
	assert_null(strstr(c.sql, ":from"));
	kz_rlist_close(&c);
	kz_rlist_set(&q, "year", "2018");
	assert_int_equal(rows(f, &q, NULL), 0);
	kz_rlist_set(&q, "year", "2019");
	kz_rlist_set(&q, "status", "held");
	assert_int_equal(rows(f, &q, NULL), 0);
	kz_rlist_set(&q, "status", "planned");
	kz_rlist_set(&q, "search", "上海");
	assert_int_equal(rows(f, &q, NULL), 0);
	kz_rlist_set(&q, "search", NULL);
	kz_rlist_set(&q, "series", "KZ-0000-0000");
	assert_int_equal(rows(f, &q, NULL), 0);

	/* bad values, under the option */
	kz_rlist_query_init(&q, &kz_rlist_seminars);
	kz_rlist_set(&q, "year", "1800");
	assert_int_equal(rows(f, &q, "--year"), -1);
	kz_rlist_set(&q, "year", "20x9");
	assert_int_equal(rows(f, &q, "--year"), -1);
	kz_rlist_set(&q, "year", NULL);
	kz_rlist_set(&q, "status", "asleep");
	assert_int_equal(rows(f, &q, "--status"), -1);

	/* the screen's list is the same list */
	{
		struct kz_seminar_query sq = { "cj", 2019, -1, NULL };
		struct kz_seminar *l;
		size_t n;

		assert_int_equal(kz_seminar_list(f->db, &sq, &l, &n, &err),
		    KZ_OK);
		assert_int_equal(n, 1);
		assert_string_equal(l[0].series_code, "cj");
		assert_int_equal(l[0].nparts, 2);
		kz_seminar_list_free(l, n);
	}
}

static void
trainee(struct unit_fixture *f, const char *host, const char *home,
    int year, enum kz_trainee_programme p, enum kz_trainee_status st)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	kz_str_set(&t.host, host);
	kz_str_set(&t.home_government, home);
	t.year = year;
	t.programme = p;
	t.status = st;
	if (kz_trainee_insert(f->db, &t, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	kz_trainee_free(&t);
}

/* Placements: each filter of the list, and `trainee count` over the
 * same filters. */
static void
test_trainees(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	struct kz_counts k;
	struct kz_err err = { 0 };
	struct kz_trainee_query tq;
	struct kz_trainee *l;
	size_t n;

	trainee(f, "鳥取県", "吉林省", 2019, KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	trainee(f, "長崎県長崎市", "広東省中山市", 2019, KZ_TRP_JICA,
	    KZ_TR_COMPLETED);
	trainee(f, "鳥取県", "遼寧省大連市", 2020, KZ_TRP_LGOTP, KZ_TR_ONGOING);

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(rows(f, &q, NULL), 3);
	kz_rlist_set(&q, "year", "2019");
	assert_int_equal(rows(f, &q, NULL), 2);
	kz_rlist_set(&q, "host", "鳥取");
	assert_int_equal(rows(f, &q, NULL), 1);
	kz_rlist_set(&q, "year", NULL);
	assert_int_equal(rows(f, &q, NULL), 2);
	kz_rlist_set(&q, "region", "大連");
	assert_int_equal(rows(f, &q, NULL), 1);
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	kz_rlist_set(&q, "status", "completed");
	assert_int_equal(rows(f, &q, NULL), 2);
	kz_rlist_set(&q, "programme", "jica");
	assert_int_equal(rows(f, &q, NULL), 1);
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	kz_rlist_set(&q, "search", "中山");
	assert_int_equal(rows(f, &q, NULL), 1);

	/* bad values, under the option */
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	kz_rlist_set(&q, "year", "3000");
	assert_int_equal(rows(f, &q, "--year"), -1);
	kz_rlist_set(&q, "year", NULL);
	kz_rlist_set(&q, "programme", "nosuch");
	assert_int_equal(rows(f, &q, "--programme"), -1);

	/* count: by a key, over the list's filters */
	kz_rlist_query_init(&q, &kz_rlist_trainees);
	assert_int_equal(kz_trainee_count(f->db, &q, KZ_TR_BY_YEAR, &k, &err),
	    KZ_OK);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.c[0].key, "2019");
	assert_int_equal(k.c[0].n, 2);
	assert_int_equal(k.total, 3);
	kz_counts_free(&k);
	kz_rlist_set(&q, "programme", "lgotp");
	assert_int_equal(kz_trainee_count(f->db, &q, KZ_TR_BY_HOST, &k, &err),
	    KZ_OK);
	assert_int_equal(k.n, 1);
	assert_string_equal(k.c[0].key, "鳥取県");
	assert_int_equal(k.c[0].n, 2);
	kz_counts_free(&k);
	kz_rlist_set(&q, "status", "asleep");
	assert_int_equal(kz_trainee_count(f->db, &q, KZ_TR_BY_HOST, &k, &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--status"));
	kz_err_clear(&err);

	/* the screen's list is the same list */
	kz_trainee_query_init(&tq);
	tq.text = "大連";
	assert_int_equal(kz_trainee_list(f->db, &tq, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(l[0].home_government, "遼寧省大連市");
	kz_trainee_list_free(l, n);
}

/* A year filter's words: each a ? in turn, bound in their order with
 * the year's days and years; every list's year filter prepares with a
 * year, a range and an open end, and a bad year is refused. */
static void
test_year_filter(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_buf sql = { 0 };
	struct kz_rlist_bind b = { 0 };
	struct kz_err err = { 0 };
	const char *w = "x BETWEEN :from AND :to OR y = :year OR z BETWEEN "
	    ":yfrom AND :yto OR :from_not";

	kz_rlist_year_sql(w, &sql);
	assert_string_equal(kz_buf_str(&sql), "x BETWEEN ? AND ? OR y = ? OR "
	    "z BETWEEN ? AND ? OR :from_not");
	kz_buf_free(&sql);
	assert_int_equal(kz_rlist_year_bind(f->db, "FY2019", w, &b, "--year",
	    &err), KZ_OK);
	assert_int_equal(b.n, 5);
	assert_string_equal(b.text[0], "2019-04-01");
	assert_string_equal(b.text[1], "2020-03-31");
	assert_null(b.text[2]);
	assert_int_equal(b.num[2], 2019);
	assert_int_equal(b.num[3], 2019);
	assert_int_equal(b.num[4], 2019);
	for (int i = 0; i < b.n; i++)
		free(b.text[i]);
	memset(&b, 0, sizeof b);
	/* a range: no year; an open end reaches every day */
	assert_int_equal(kz_rlist_year_bind(f->db, "2019-06-01..", w, &b,
	    "--year", &err), KZ_OK);
	assert_string_equal(b.text[0], "2019-06-01");
	assert_string_equal(b.text[1], "9999-12-31");
	assert_int_equal(b.num[2], 0);
	assert_int_equal(b.num[3], 2019);
	assert_int_equal(b.num[4], 9999);
	for (int i = 0; i < b.n; i++)
		free(b.text[i]);
	memset(&b, 0, sizeof b);
	assert_int_equal(kz_rlist_year_bind(f->db, "20x9", w, &b, "--year",
	    &err), KZ_ERROR);
	assert_int_equal(b.n, 0);
	assert_string_equal(err.item[0].where, "--year");
	kz_err_clear(&err);

	for (const struct kz_rlist *const *lp = kz_rlists; *lp; lp++) {
		const char *typed[] = { "2019", "2019年度", "2019-01-01..2019-"
		    "12-31", "..2020-03-31" };
		struct kz_rlist_query q;
		const struct kz_rlist_filter *yf = kz_rlist_filter(*lp, "year");

		if (yf == NULL)
			continue;
		assert_true(yf->flags & KZ_RLF_YEAR);
		kz_rlist_query_init(&q, *lp);
		q.parent = "KZ-0000-0000";
		for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
			kz_rlist_set(&q, "year", typed[i]);
			if (rows(f, &q, NULL) < 0)
				fail_msg("%s --year %s", (*lp)->name, typed[i]);
		}
		kz_rlist_set(&q, "year", "1800");
		assert_int_equal(rows(f, &q, "--year"), -1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_declarations,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_filters,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_window,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_seminars,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_year_filter,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_trainees,
		    unit_setup, unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
