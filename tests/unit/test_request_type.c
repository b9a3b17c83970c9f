/* test_request_type.c - the request's record table: text, SQL and JSON
 * round trips, its enumerations once, and the status kept out of edits. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "request.h"
#include "rtype.h"

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	setenv("KIZUNA_TODAY", "2026-11-21", 1);
	return unit_setup_with(state, "office:\n  id: BJS\n  name: Beijing\n"
	    "user: tester\n");
}

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_request_type, name);

	assert_non_null(f);
	return f;
}

/* A value for every field people type, as text, and what it reads
 * back as (NULL: the same). */
static const struct { const char *name, *in, *out; } values[] = {
	{ "country", "cn", "CN" },
	{ "province", "河南省", NULL },
	{ "city", "开封市", NULL },
	{ "department", "农业农村局", NULL },
	{ "received", "2019-05-20", NULL },
	{ "fields", "agriculture", NULL },
	{ "topic", "vegetables: damage from continuous cropping", NULL },
	{ "wish_start", "2019-09-16", NULL },
	{ "wish_end", "2019-09-23", NULL },
	{ "wish_days", "5", NULL },
	{ "mode", "online", NULL },
	{ "specialists", "3", NULL },
	{ "language", "zh", NULL },
	{ "interpreting", "by the office", "office" },
	{ "office", "BJS", NULL },
	{ "notes", "first line\nsecond line", NULL },
};
#define NVALUES (sizeof values / sizeof values[0])

static void
fill(struct kz_request *r)
{
	struct kz_err err = { 0 };

	kz_request_init(r);
	for (size_t i = 0; i < NVALUES; i++)
		assert_int_equal(kz_rfield_set(field(values[i].name), r,
		    values[i].in, &err), KZ_OK);
	assert_int_equal(err.n, 0);
}

static void
expect_values(const struct kz_request *r)
{
	for (size_t i = 0; i < NVALUES; i++) {
		char *t = kz_rfield_text(field(values[i].name), r);

		assert_non_null(t);
		assert_string_equal(t, values[i].out ? values[i].out :
		    values[i].in);
		free(t);
	}
}

/* Every option has a field that people may type; the status has none. */
static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < kz_request_type.n; i++) {
		const struct kz_rfield *f = &kz_request_type.f[i];

		assert_non_null(f->label);
		if (f->option)
			assert_true(f->kind != KZ_RK_STAMP &&
			    f->kind != KZ_RK_USER && f->kind != KZ_RK_ID &&
			    !(f->flags & KZ_RF_STATE));
	}
	assert_null(field("status")->option);
	assert_true(field("status")->flags & KZ_RF_STATE);
	assert_ptr_equal(kz_rtype_field(&kz_request_type, "from"),
	    field("wish_start"));
	/* the statuses are the life cycle's: one list */
	assert_ptr_equal(kz_request_status_enum.keywords, kz_request_lc.keyword);
	assert_ptr_equal(kz_request_status_enum.labels, kz_request_lc.name);
	assert_int_equal(kz_enum_count(&kz_request_status_enum),
	    kz_request_lc.n);
	assert_int_equal(kz_mode_parse("on site"), KZ_ONSITE);
	assert_int_equal(kz_interp_parse("host"), KZ_INTERP_HOST);
	assert_int_equal(kz_interp_parse("nobody"), -1);
	assert_string_equal(kz_mode_keyword(KZ_ONLINE), "online");
}

/* Text in and out of every field, with no database. */
static void
test_text_round_trip(void **state)
{
	struct kz_request r;
	struct kz_err err = { 0 };

	(void)state;
	fill(&r);
	expect_values(&r);
	assert_int_equal(kz_rfield_set(field("mode"), &r, "lecture", &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "mode"));
	assert_int_equal(r.mode, KZ_ONLINE);
	assert_int_equal(kz_rfield_set(field("days"), &r, "", &err), KZ_OK);
	assert_true(kz_rfield_empty(field("wish_days"), &r));
	kz_request_free(&r);
}

/* Insert and read back through the statements made from the table;
 * an edit leaves the status alone (only its transitions change it). */
static void
test_sql_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_request r, back;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];

	fill(&r);
	assert_int_equal(kz_request_insert(f->db, &r, &err), KZ_OK);
	memcpy(id, r.id, sizeof id);
	assert_int_equal(kz_request_get(f->db, id, &back, &err), KZ_OK);
	expect_values(&back);
	assert_int_equal(back.status, KZ_REQ_RECEIVED);
	assert_string_equal(back.created_by, "tester");
	assert_string_equal(back.created, "2026-11-21T08:00:00Z");

	/* a number of the taxonomy is stored as its code */
	kz_rfield_set(field("fields"), &back, "1", &err);
	back.status = KZ_REQ_CLOSED;
	kz_str_set(&back.topic, "tea");
	assert_int_equal(kz_request_update(f->db, &back, &err), KZ_OK);
	kz_request_free(&back);
	assert_int_equal(kz_request_get(f->db, id, &back, &err), KZ_OK);
	assert_string_equal(back.topic, "tea");
	assert_int_equal(back.status, KZ_REQ_RECEIVED);
	assert_int_equal(back.nfields, 1);
	assert_string_equal(back.fields[0], "agriculture");
	kz_request_free(&back);
	kz_request_free(&r);
}

/* The generic checks and the request's own rules, all at once, under
 * each field's name. */
static void
test_check(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_request r;
	struct kz_err err = { 0 };

	fill(&r);
	kz_rfield_set(field("specialists"), &r, "0", &err);
	kz_rfield_set(field("country"), &r, "XX", &err);
	kz_rfield_set(field("office"), &r, "bj", &err);
	kz_rfield_set(field("wish_end"), &r, "2019-09-01", &err);
	assert_int_equal(err.n, 0);
	assert_int_equal(kz_request_validate(f->db, &r, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "specialists"));
	assert_non_null(kz_err_for(&err, "country"));
	assert_non_null(kz_err_for(&err, "office"));
	assert_non_null(kz_err_for(&err, "wish_end"));
	assert_null(kz_err_for(&err, "topic"));
	kz_request_free(&r);
}

/* JSON keys are the fields' names; CSV headers the table's. */
static void
test_json_csv(void **state)
{
	struct kz_request r;
	struct kz_buf b = { 0 };

	(void)state;
	fill(&r);
	r.status = KZ_REQ_PROPOSED;
	assert_int_equal(kz_rtype_json(&kz_request_type, &r, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), "\"status\": \"proposed\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"specialists\": 3"));
	assert_non_null(strstr(kz_buf_str(&b), "\"wish_days\": 5"));
	assert_non_null(strstr(kz_buf_str(&b), "\"interpreting\": \"office\""));
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"notes\": \"first line\\nsecond line\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"created\": null"));
	kz_buf_free(&b);
	kz_rtype_csv_header(&kz_request_type, true, &b);
	assert_non_null(strstr(kz_buf_str(&b), "id,status,country,province"));
	assert_non_null(strstr(kz_buf_str(&b), ",specialists,"));
	kz_buf_free(&b);
	kz_request_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test_setup_teardown(test_sql_round_trip, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_check, setup,
		    unit_teardown),
		cmocka_unit_test(test_json_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
