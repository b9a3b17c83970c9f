/* test_dispatch_type.c - the dispatch's record table: text, SQL and JSON
 * round trips, the states once, and the state changed only by moves. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "dispatch.h"
#include "i18n.h"
#include "request.h"
#include "rtype.h"
#include "specialist.h"

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	setenv("KIZUNA_TODAY", "2026-11-21", 1);
	return unit_setup_with(state, "office:\n  id: BJS\n  name: Beijing\n"
	    "user: tester\ndispatch:\n  max_days: 90\n");
}

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_dispatch_type, name);

	assert_non_null(f);
	return f;
}

/* A specialist and a request to send them to, through their tables. */
static void
seed(struct unit_fixture *f, char sp[KZ_ID_SIZE], char req[KZ_ID_SIZE])
{
	static const char *const s_in[][2] = { { "name", "佐藤 健一" },
	    { "roman", "Ken'ichi Sato" }, { "government", "島根県" },
	    { "fields", "agriculture" } };
	static const char *const r_in[][2] = { { "country", "CN" },
	    { "fields", "agriculture" }, { "topic", "tea" },
	    { "language", "zh" }, { "office", "BJS" } };
	struct kz_specialist s;
	struct kz_request r;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	for (size_t i = 0; i < sizeof s_in / sizeof s_in[0]; i++)
		kz_rfield_set(kz_rtype_field(&kz_specialist_type, s_in[i][0]),
		    &s, s_in[i][1], &err);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	memcpy(sp, s.id, KZ_ID_SIZE);
	kz_specialist_free(&s);
	kz_request_init(&r);
	for (size_t i = 0; i < sizeof r_in / sizeof r_in[0]; i++)
		kz_rfield_set(kz_rtype_field(&kz_request_type, r_in[i][0]),
		    &r, r_in[i][1], &err);
	assert_int_equal(kz_request_insert(f->db, &r, &err), KZ_OK);
	memcpy(req, r.id, KZ_ID_SIZE);
	kz_request_free(&r);
	assert_int_equal(err.n, 0);
}

/* The state and the agreement have no option; the states are the life
 * cycle's. */
static void
test_table(void **state)
{
	(void)state;
	assert_null(field("state")->option);
	assert_true(field("state")->flags & KZ_RF_STATE);
	assert_null(field("agreement_ref")->option);
	assert_null(field("agreement_date")->option);
	assert_null(field("cancel_reason")->option);
	assert_ptr_equal(kz_rtype_field(&kz_dispatch_type, "from"),
	    field("start"));
	assert_ptr_equal(kz_rtype_field(&kz_dispatch_type, "override"),
	    field("override_reason"));
	assert_ptr_equal(kz_dispatch_state_enum.keywords, kz_dispatch_lc.keyword);
	assert_ptr_equal(kz_dispatch_state_enum.labels, kz_dispatch_lc.name);
	assert_int_equal(kz_enum_count(&kz_dispatch_state_enum),
	    kz_dispatch_lc.n);
	assert_int_equal(kz_enum_parse(&kz_dispatch_state_enum, "underway"),
	    KZ_DSP_UNDERWAY);
	/* who pays: one list, for the ledger and the configuration */
	assert_ptr_equal(kz_payer_enum.keywords, kz_payer_keywords);
	assert_int_equal(kz_payer_parse("host"), KZ_PAYER_HOST);
	assert_int_equal(kz_payer_parse("head office"), KZ_PAYER_HEAD);
	assert_int_equal(kz_payer_parse("council"), -1);
	assert_string_equal(kz_payer_keyword(KZ_PAYER_HOST), "host");
}

/* Options into the record, through SQL and back; an edit keeps the
 * state, a move changes it and the agreement with it. */
static void
test_sql_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const in[][2] = { { "from", "2027-09-16" },
	    { "to", "2027-09-23" }, { "places", "开封市; 郑州市" },
	    { "mode", "online" }, { "notes", "one\ntwo" } };
	struct kz_dispatch d, back;
	/* recorded the day after it was signed */
	struct kz_dispatch_change c = { .to = KZ_DSP_SIGNED,
	    .date = "2027-09-01", .ref = "BJS-2027-01",
	    .at = "2027-09-02T01:00:00Z" };
	struct kz_err err = { 0 };
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE];

	seed(f, sp, req);
	kz_dispatch_init(&d);
	assert_int_equal(kz_rfield_set(field("request"), &d, req, &err), KZ_OK);
	assert_int_equal(kz_rfield_set(field("specialist"), &d, sp, &err),
	    KZ_OK);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_dispatch_type,
		    in[i][0]), &d, in[i][1], &err), KZ_OK);
	assert_int_equal(kz_dispatch_insert(f->db, &d, NULL, &err), KZ_OK);
	assert_int_equal(kz_dispatch_get(f->db, d.id, &back, &err), KZ_OK);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *t = kz_rfield_text(kz_rtype_field(&kz_dispatch_type,
		    in[i][0]), &back);

		assert_string_equal(t, in[i][1]);
		free(t);
	}
	assert_string_equal(back.request, req);
	assert_int_equal(back.state, KZ_DSP_PROPOSED);
	assert_string_equal(back.created_by, "tester");

	/* an edit does not move the state */
	back.state = KZ_DSP_REPORTED;
	kz_str_set(&back.places, "洛阳市");
	assert_int_equal(kz_dispatch_update(f->db, &back, NULL, &err), KZ_OK);
	kz_dispatch_free(&back);
	assert_int_equal(kz_dispatch_get(f->db, d.id, &back, &err), KZ_OK);
	assert_string_equal(back.places, "洛阳市");
	assert_int_equal(back.state, KZ_DSP_PROPOSED);
	assert_int_equal(back.revision, 1);
	kz_dispatch_free(&back);

	/* a move does, with the agreement */
	assert_int_equal(kz_dispatch_set_state(f->db, d.id, &c, &err), KZ_OK);
	assert_int_equal(kz_dispatch_get(f->db, d.id, &back, &err), KZ_OK);
	assert_int_equal(back.state, KZ_DSP_SIGNED);
	assert_string_equal(back.agreement_ref, "BJS-2027-01");
	assert_string_equal(back.agreement_date, "2027-09-01");
	kz_dispatch_free(&back);
	kz_dispatch_free(&d);
}

/* The table's checks and the dispatch's own rules, all at once. */
static void
test_check(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_dispatch d;
	struct kz_err err = { 0 };

	kz_dispatch_init(&d);
	kz_rfield_set(field("request"), &d, "BJS-NONE-XXXX", &err);
	kz_rfield_set(field("from"), &d, "2027-09-23", &err);
	kz_rfield_set(field("to"), &d, "2027-09-16", &err);
	assert_int_equal(kz_dispatch_check(f->db, &d, false, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "request"));
	assert_non_null(kz_err_for(&err, "specialist"));
	assert_non_null(kz_err_for(&err, "end"));
	assert_null(kz_err_for(&err, "start"));
	kz_dispatch_free(&d);
}

/* JSON keys are the fields' names, CSV headers the table's. */
static void
test_json_csv(void **state)
{
	struct kz_dispatch d;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	kz_dispatch_init(&d);
	d.state = KZ_DSP_UNDERWAY;
	d.revision = 4;
	kz_rfield_set(field("override"), &d, "harvest \"season\"", &err);
	assert_int_equal(kz_rtype_json(&kz_dispatch_type, &d, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), "\"state\": \"underway\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"revision\": 4"));
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"override_reason\": \"harvest \\\"season\\\"\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"places\": null"));
	kz_buf_free(&b);
	kz_rtype_csv_header(&kz_dispatch_type, true, &b);
	assert_non_null(strstr(kz_buf_str(&b), "id,state,request,specialist,"
	    "start,end,places,mode,agreement_date,agreement_ref,cancel_reason,"
	    "override_reason,notes,revision,created,updated"));
	kz_buf_free(&b);
	kz_dispatch_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test_setup_teardown(test_sql_round_trip, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_check, setup,
		    unit_teardown),
		cmocka_unit_test(test_json_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
