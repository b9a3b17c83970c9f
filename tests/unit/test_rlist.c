/* test_rlist.c - the lists' declarations name real fields, their filters bind values, and limit and offset window the rows. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "rlist.h"
#include "specialist.h"

static bool
in_lists(const struct kz_rlist *l)
{
	for (const struct kz_rlist *const *lp = kz_rlists; *lp; lp++)
		if (*lp == l)
			return true;
	return false;
}

/* Every column names a field its table stores (or is a made value with
 * its SQL and key); every filter has a condition, an option and, where
 * it names one, a real field; every list's statement prepares. */
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
				if (fd->column == NULL || fd->kind == KZ_RK_LIST)
					fail_msg("%s: field \"%s\" is not stored",
					    l->name, col->field);
				assert_null(col->expr);
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

	/* one condition a word (KZ_RLF_EACH) */
	kz_rlist_query_init(&q, &kz_rlist_requests);
	kz_rlist_set(&q, "text", "water  river quality");
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_OK);
	assert_int_equal(sqlite3_bind_parameter_count(c.st), 3 + 2);
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
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
