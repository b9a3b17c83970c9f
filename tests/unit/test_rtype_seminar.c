/* test_rtype_seminar.c - the seminar records' tables round-trip through SQL, text and JSON. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "participant.h"
#include "programme.h"
#include "record.h"
#include "rtype.h"
#include "seminar.h"

static char edition[KZ_ID_SIZE];


/* Every field of rt reads the same text from a and from b. */
static void
same_text(const struct kz_rtype *rt, const void *a, const void *b)
{
	for (size_t i = 0; i < rt->n; i++) {
		char *x = kz_rfield_text(&rt->f[i], a);
		char *y = kz_rfield_text(&rt->f[i], b);
		assert_non_null(x);
		assert_non_null(y);
		if (strcmp(x, y) != 0)
			fail_msg("%s: \"%s\" != \"%s\"", rt->f[i].name, x, y);
		free(x);
		free(y);
	}
}

static const struct kz_rfield *
pfield(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_participant_type, name);

	assert_non_null(f);
	return f;
}

/* The role is one enumeration: keywords stored, labels parsed. */
static void
test_participant_role(void **state)
{
	char list[128];

	(void)state;
	assert_int_equal(kz_enum_count(&kz_participant_role_enum),
	    KZ_PART_ROLE_COUNT);
	assert_int_equal(kz_participant_role_parse("Interpreter"),
	    KZ_PART_INTERPRETER);
	assert_int_equal(kz_participant_role_parse("boss"), -1);
	assert_string_equal(kz_participant_role_name(KZ_PART_STAFF), "staff");
	kz_enum_list(&kz_participant_role_enum, list, sizeof list);
	assert_string_equal(list, "participant, speaker, interpreter or staff");
	/* options and CSV headers find their fields */
	assert_ptr_equal(kz_rtype_field(&kz_participant_type, "roman"),
	    pfield("name_roman"));
	assert_null(pfield("seminar")->option);
	assert_true(pfield("email")->flags & KZ_RF_PERSONAL);
}

/* Set every field people type from text, store, read back: the same. */
static void
test_participant_sql(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_participant p, back, *l;
	struct kz_err err = { 0 };
	size_t n;
	static const char *const v[][2] = {
		{ "name", "ソック" }, { "roman", "Sok Dara" },
		{ "country", "kh" }, { "organisation", "Ministry of Interior" },
		{ "post", "Deputy Director" }, { "role", "interpreter" },
		{ "needs", "halal" }, { "notes", "two lines\nof notes" },
		{ "email", "sok@example.org" }, { "phone", "+855 23 000 000" },
	};

	unit_edition(f->db, NULL, edition);
	kz_participant_init(&p);
	memcpy(p.seminar, edition, KZ_ID_SIZE);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(kz_rfield_set(pfield(v[i][0]), &p, v[i][1],
		    &err), KZ_OK);
	assert_string_equal(p.country, "KH");
	assert_int_equal(p.role, KZ_PART_INTERPRETER);
	assert_int_equal(kz_participant_insert(f->db, &p, &err), KZ_OK);
	assert_int_equal(kz_participant_get(f->db, p.id, &back, &err), KZ_OK);
	same_text(&kz_participant_type, &p, &back);
	assert_string_equal(back.organisation, "Ministry of Interior");

	/* a list reads the same columns */
	assert_int_equal(kz_participant_list(f->db, edition, "KH",
	    KZ_PART_INTERPRETER, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	same_text(&kz_participant_type, &p, &l[0]);
	kz_participant_list_free(l, n);

	/* an update keeps the creation stamp and changes the rest */
	kz_rfield_set(pfield("organisation"), &back, "", &err);
	kz_rfield_set(pfield("role"), &back, "speaker", &err);
	assert_int_equal(kz_participant_update(f->db, &back, &err), KZ_OK);
	kz_participant_free(&p);
	assert_int_equal(kz_participant_get(f->db, back.id, &p, &err), KZ_OK);
	assert_null(p.organisation);
	assert_int_equal(p.role, KZ_PART_SPEAKER);
	assert_string_equal(p.st.created, back.st.created);
	assert_int_equal(err.n, 0);
	kz_participant_free(&p);
	kz_participant_free(&back);

	/* the generic checks and the record's own rule together */
	kz_participant_init(&p);
	kz_rfield_set(pfield("country"), &p, "XX", &err);
	kz_rfield_set(pfield("roman"), &p, "王", &err);
	assert_int_equal(kz_participant_validate(f->db, &p, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "seminar"));
	assert_non_null(kz_err_for(&err, "name"));
	assert_non_null(kz_err_for(&err, "country"));
	assert_non_null(kz_err_for(&err, "name_roman"));
	kz_participant_free(&p);
}

/* Text, CSV and JSON: a CSV row read back through the header map gives
 * the record again; personal data only when asked. */
static void
test_participant_files(void **state)
{
	struct kz_participant p, q;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	const struct kz_rfield *map[16];
	char *cells[] = { "id", "name", "name_roman", "country", "organisation",
	    "post", "role", "needs", "notes", "email", "phone" };

	(void)state;
	kz_participant_init(&p);
	kz_rfield_set(pfield("name"), &p, "a \"quoted\" name", &err);
	kz_rfield_set(pfield("country"), &p, "JP", &err);
	kz_rfield_set(pfield("role"), &p, "staff", &err);
	kz_rfield_set(pfield("email"), &p, "x@example.org", &err);

	kz_rtype_csv_header(&kz_participant_type, false, &b);
	/* the file import reads, cut short before the personal data */
	assert_string_equal(kz_buf_str(&b), "id,name,name_roman,country,"
	    "organisation,post,role\r\n");
	kz_buf_free(&b);
	kz_rtype_csv_header(&kz_participant_type, true, &b);
	assert_non_null(strstr(kz_buf_str(&b), ",role,needs,notes,email,"
	    "phone\r\n"));
	kz_buf_free(&b);

	assert_int_equal(kz_rtype_csv_map(&kz_participant_type, cells, 11, map,
	    "f.csv:1", &err), KZ_OK);
	kz_participant_init(&q);
	for (size_t i = 0; i < 11; i++) {
		char *t = kz_rfield_text(map[i], &p);
		assert_int_equal(kz_rfield_set(map[i], &q, t, &err), KZ_OK);
		free(t);
	}
	same_text(&kz_participant_type, &p, &q);
	kz_participant_free(&q);

	assert_int_equal(kz_rtype_json(&kz_participant_type, &p, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"name\": \"a \\\"quoted\\\" name\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"role\": \"staff\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"post\": null"));
	kz_buf_free(&b);
	/* a list's row: what files carry, contacts when asked */
	assert_int_equal(kz_rtype_json_csv(&kz_participant_type, &p, false, &b),
	    KZ_OK);
	assert_null(strstr(kz_buf_str(&b), "email"));
	assert_null(strstr(kz_buf_str(&b), "seminar"));
	assert_int_equal(kz_buf_str(&b)[0], '{');
	kz_buf_free(&b);
	assert_int_equal(kz_rtype_json_csv(&kz_participant_type, &p, true, &b),
	    KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"email\": \"x@example.org\", \"phone\": null}"));
	kz_buf_free(&b);

	/* a country is shown with its name, stored as its code */
	{
		char *s = kz_rfield_shown(pfield("country"), &p, NULL);
		char *t = kz_rfield_text(pfield("country"), &p);
		assert_string_equal(s, "JP Japan");
		assert_string_equal(t, "JP");
		free(s);
		free(t);
	}
	kz_participant_free(&p);
	assert_int_equal(err.n, 0);
}

/* A series: set from text, stored, read back and listed the same; its
 * own rules (the code's form, one code once) beside the table's. */
static void
test_series_table(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_series s, back, *l;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	size_t n;

	memset(&s, 0, sizeof s);
	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_series_type, "code"),
	    &s, "cj-seminar", &err), KZ_OK);
	kz_rfield_set(kz_rtype_field(&kz_series_type, "name"), &s,
	    "中日地方交流促进研讨会", &err);
	kz_rfield_set(kz_rtype_field(&kz_series_type, "office"), &s, "BJS",
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_series_type, "notes"), &s, "a\nb",
	    &err);
	assert_int_equal(kz_series_insert(f->db, &s, &err), KZ_OK);
	assert_int_equal(kz_series_get(f->db, "cj-seminar", &back, &err),
	    KZ_OK);
	same_text(&kz_series_type, &s, &back);
	assert_int_equal(back.editions, 0);
	assert_int_equal(kz_series_list(f->db, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	same_text(&kz_series_type, &s, &l[0]);
	kz_series_list_free(l, n);

	assert_int_equal(kz_rtype_json(&kz_series_type, &back, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), "\"notes\": \"a\\nb\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"office\": \"BJS\""));
	kz_buf_free(&b);

	kz_rfield_set(kz_rtype_field(&kz_series_type, "name"), &back, "", &err);
	assert_int_equal(kz_series_update(f->db, &back, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "name"));
	kz_series_free(&back);
	memset(&err, 0, sizeof err);
	memset(&back, 0, sizeof back);
	kz_rfield_set(kz_rtype_field(&kz_series_type, "code"), &back,
	    "CJ-SEMINAR", &err);
	assert_int_equal(kz_series_validate(f->db, &back, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "code"));
	assert_non_null(kz_err_for(&err, "name"));
	kz_series_free(&back);
	kz_series_free(&s);
}

/* An edition's status is one enumeration, stored by keyword. */
static void
test_seminar_status(void **state)
{
	char list[128];

	(void)state;
	assert_int_equal(kz_enum_count(&kz_seminar_status_enum),
	    KZ_SEM_STATUS_COUNT);
	assert_int_equal(kz_enum_parse(&kz_seminar_status_enum, "held"), KZ_SEM_HELD);
	assert_int_equal(kz_enum_parse(&kz_seminar_status_enum, "Cancelled"),
	    KZ_SEM_CANCELLED);
	assert_int_equal(kz_enum_parse(&kz_seminar_status_enum, "postponed"), -1);
	assert_string_equal(kz_seminar_status_name(KZ_SEM_CONFIRMED),
	    "confirmed");
	assert_ptr_equal(kz_seminar_status_enum.labels,
	    kz_seminar_status_labels);
	kz_enum_list(&kz_seminar_status_enum, list, sizeof list);
	assert_string_equal(list, "planned, confirmed, held or cancelled");
}

/* A programme item's kind is one enumeration: keyword, label, and the
 * English keyword parsed with spaces or _ for dashes. */
static void
test_item_kind(void **state)
{
	char list[200];

	(void)state;
	assert_int_equal(kz_enum_count(&kz_item_kind_enum), KZ_KIND_COUNT);
	assert_int_equal(kz_kind_parse("Courtesy call"),
	    KZ_KIND_COURTESY_CALL);
	assert_int_equal(kz_kind_parse("opinion_exchange"),
	    KZ_KIND_OPINION_EXCHANGE);
	assert_int_equal(kz_kind_parse("party"), -1);
	assert_string_equal(kz_kind_name(KZ_KIND_COURTESY_CALL),
	    "courtesy-call");
	assert_string_equal(kz_kind_label(KZ_KIND_COURTESY_CALL),
	    "courtesy call");
	assert_string_equal(kz_kind_name(KZ_KIND_COUNT), "?");
	kz_enum_list(&kz_item_kind_enum, list, sizeof list);
	assert_non_null(strstr(list, "reception, travel or departure"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_participant_role),
		cmocka_unit_test(test_participant_files),
		cmocka_unit_test(test_seminar_status),
		cmocka_unit_test(test_item_kind),
		cmocka_unit_test_setup_teardown(test_participant_sql,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_series_table,
		    unit_setup, unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
