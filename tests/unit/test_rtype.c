/* test_rtype.c - record tables: enumerations, text in and out, checks, CSV,
 * JSON and the SQL made from the register's table. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "i18n.h"
#include "specialist.h"

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_specialist_type, name);

	assert_non_null(f);
	return f;
}

/* Keywords and English labels in any case; nothing else. */
static void
test_enum(void **state)
{
	char list[128];

	(void)state;
	assert_int_equal(kz_enum_count(&kz_level_enum), 5);
	assert_int_equal(kz_enum_parse(&kz_level_enum, "fluent"), 3);
	assert_int_equal(kz_enum_parse(&kz_level_enum, "Native"), 4);
	assert_int_equal(kz_enum_parse(&kz_level_enum, "expert"), -1);
	assert_int_equal(kz_enum_parse(&kz_level_enum, ""), -1);
	assert_int_equal(kz_enum_parse(&kz_level_enum, NULL), -1);
	assert_string_equal(kz_enum_keyword(&kz_level_enum, 2), "business");
	assert_string_equal(kz_enum_keyword(&kz_level_enum, 9), "?");
	kz_enum_list(&kz_specialist_status_enum, list, sizeof list);
	assert_string_equal(list, "serving or retired");
}

/* A field is found by its name, its option or its CSV header. */
static void
test_lookup(void **state)
{
	(void)state;
	assert_ptr_equal(kz_rtype_field(&kz_specialist_type, "roman"),
	    field("name_roman"));
	assert_ptr_equal(kz_rtype_field(&kz_specialist_type, "langs"),
	    field("languages"));
	assert_null(kz_rtype_field(&kz_specialist_type, "nosuch"));
	/* every field the table names as an option has a label and a kind
	 * people can type */
	for (size_t i = 0; i < kz_specialist_type.n; i++) {
		const struct kz_rfield *f = &kz_specialist_type.f[i];
		assert_non_null(f->label);
		if (f->option)
			assert_true(f->kind != KZ_RK_STAMP &&
			    f->kind != KZ_RK_USER && f->kind != KZ_RK_ID);
	}
}

/* Setting from text and writing back round-trips every kind the
 * register has; "" clears; a bad enumeration names the field. */
static void
test_text_round_trip(void **state)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };
	char *t;

	(void)state;
	kz_specialist_init(&s);
	assert_int_equal(kz_rfield_set(field("post"), &s, "所长", &err), KZ_OK);
	assert_string_equal(s.post, "所长");
	assert_int_equal(kz_rfield_set(field("status"), &s, "retired", &err),
	    KZ_OK);
	assert_int_equal(s.status, KZ_RETIRED);
	assert_int_equal(kz_rfield_set(field("fields"), &s,
	    "agriculture:设施园艺:12", &err), KZ_OK);
	assert_non_null(t = kz_rfield_text(field("fields"), &s));
	assert_string_equal(t, "agriculture:设施园艺:12");
	free(t);
	assert_non_null(t = kz_rfield_text(field("status"), &s));
	assert_string_equal(t, "retired");
	free(t);
	assert_int_equal(kz_rfield_set(field("post"), &s, "", &err), KZ_OK);
	assert_null(s.post);
	assert_true(kz_rfield_empty(field("post"), &s));

	assert_int_equal(kz_rfield_set(field("status"), &s, "asleep", &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "status"));
	assert_int_equal(s.status, KZ_RETIRED);
	kz_specialist_free(&s);
}

/* The generic checks report under each field's name, all at once. */
static void
test_check(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_err err = { 0 };
	char longname[400];

	kz_specialist_init(&s);
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	kz_rfield_set(field("name_roman"), &s, longname, &err);
	kz_rfield_set(field("email"), &s, "not-an-address", &err);
	assert_false(kz_rtype_check(&kz_specialist_type, f->db, &s, &err));
	assert_non_null(kz_err_for(&err, "name"));	/* required */
	assert_non_null(kz_err_for(&err, "name_roman"));	/* too long */
	assert_non_null(kz_err_for(&err, "government"));
	assert_non_null(kz_err_for(&err, "email"));
	assert_null(kz_err_for(&err, "post"));
	kz_specialist_free(&s);
}

/* The statements made from the table store and read every column. */
static void
test_sql_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s, back;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_rfield_set(field("name"), &s, "佐藤健一", &err);
	kz_rfield_set(field("name_roman"), &s, "Ken'ichi Satō", &err);
	kz_rfield_set(field("government"), &s, "島根県", &err);
	kz_rfield_set(field("post"), &s, "農業技術センター", &err);
	kz_rfield_set(field("status"), &s, "retired", &err);
	kz_rfield_set(field("address"), &s, "松江市\n殿町1", &err);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);

	assert_int_equal(kz_specialist_get(f->db, s.id, &back, &err), KZ_OK);
	for (size_t i = 0; i < kz_specialist_type.n; i++) {
		const struct kz_rfield *fd = &kz_specialist_type.f[i];
		char *a = kz_rfield_text(fd, &s), *b = kz_rfield_text(fd, &back);
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* an update keeps the creation stamps and changes the rest */
	kz_rfield_set(field("post"), &back, "", &err);
	assert_int_equal(kz_specialist_update(f->db, &back, &err), KZ_OK);
	kz_specialist_free(&s);
	assert_int_equal(kz_specialist_get(f->db, back.id, &s, &err), KZ_OK);
	assert_null(s.post);
	assert_string_equal(s.created, back.created);
	assert_int_equal(kz_rtype_read(f->db, &kz_specialist_type,
	    "KZ-0000-0000", &back, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "id"));
	kz_specialist_free(&s);
	kz_specialist_free(&back);
}

/* CSV: contact columns only when asked; a header with an unknown, a
 * repeated and a missing required column is refused naming each. */
static void
test_csv(void **state)
{
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	const struct kz_rfield *map[4];
	char *cells[] = { "name", "nosuch", "name", "government" };

	(void)state;
	kz_rtype_csv_header(&kz_specialist_type, false, &b);
	assert_null(strstr(kz_buf_str(&b), "email"));
	assert_non_null(strstr(kz_buf_str(&b), "id,name,name_roman,"));
	kz_buf_free(&b);
	kz_rtype_csv_header(&kz_specialist_type, true, &b);
	assert_non_null(strstr(kz_buf_str(&b), ",email,phone,address,"));
	kz_buf_free(&b);

	assert_int_equal(kz_rtype_csv_map(&kz_specialist_type, cells, 4, map,
	    "f.csv:1", &err), KZ_ERROR);
	assert_int_equal(err.n, 3);
	assert_non_null(strstr(err.item[0].msg, "nosuch"));
	assert_non_null(strstr(err.item[1].msg, "twice"));
	assert_non_null(strstr(err.item[2].msg, "name_roman"));
	assert_ptr_equal(map[3], field("government"));
}

/* JSON: strings escaped, a list as its array, an empty value null. */
static void
test_json(void **state)
{
	struct kz_specialist s;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	kz_specialist_init(&s);
	kz_rfield_set(field("name"), &s, "a \"quoted\"\tname", &err);
	kz_rfield_set(field("languages"), &s, "zh:native", &err);
	assert_int_equal(kz_rtype_json(&kz_specialist_type, &s, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"name\": \"a \\\"quoted\\\"\\tname\""));
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"languages\": [{\"lang\": \"zh\", \"level\": \"native\"}]"));
	assert_non_null(strstr(kz_buf_str(&b), "\"post\": null"));
	kz_buf_free(&b);
	kz_specialist_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test_setup_teardown(test_check, unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_sql_round_trip, unit_setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
