/* test_trainee_type.c - the trainee placement's table: its enumerations,
 * text, SQL and JSON made from it. */
#include "unit.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "trainee.h"

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_trainee_type, name);

	assert_non_null(f);
	return f;
}

/* The catalogues of the build, when make has built them (make check). */
static bool
catalogues(void)
{
	static char dir[PATH_MAX];
	struct stat sb;

	if (realpath("build/san/locale", dir) == NULL ||
	    stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return false;
	kz_i18n_init(dir);
	return true;
}

/* Keywords as stored, labels as shown, in any case; nothing else. */
static void
test_enums(void **state)
{
	const struct kz_enum *p = &kz_trainee_programme_enum;
	const struct kz_enum *s = &kz_trainee_status_enum;

	(void)state;
	assert_int_equal(kz_enum_count(p), KZ_TRP_COUNT);
	assert_int_equal(kz_enum_count(s), KZ_TR_STATUS_COUNT);
	assert_int_equal(kz_enum_parse(p, "jica"), KZ_TRP_JICA);
	assert_int_equal(kz_enum_parse(p, "LGOTP"), KZ_TRP_LGOTP);
	assert_int_equal(kz_enum_parse(p, "Other"), KZ_TRP_OTHER);
	assert_int_equal(kz_enum_parse(p, "jet"), -1);
	assert_int_equal(kz_enum_parse(s, "withdrawn"), KZ_TR_WITHDRAWN);
	assert_int_equal(kz_enum_parse(s, "Completed"), KZ_TR_COMPLETED);
	assert_int_equal(kz_enum_parse(s, "asleep"), -1);
	assert_int_equal(kz_enum_parse(s, ""), -1);
	assert_string_equal(kz_enum_keyword(s, KZ_TR_ONGOING), "ongoing");
	assert_string_equal(kz_enum_keyword(p, KZ_TRP_JICA), "jica");
	/* the label of "withdrawn" has a context; shown without it */
	assert_string_equal(kz_enum_label(s, KZ_TR_WITHDRAWN), "withdrawn");
}

/* A label in the reader's language is taken too, the context-marked one
 * included; the keyword still is. */
static void
test_enum_labels_translated(void **state)
{
	const struct kz_enum *s = &kz_trainee_status_enum;

	(void)state;
	if (!catalogues())
		skip();
	kz_i18n_set_language("zh_CN");
	assert_int_equal(kz_enum_parse(s, kz_enum_label(s, KZ_TR_ONGOING)),
	    KZ_TR_ONGOING);
	assert_string_equal(kz_enum_label(s, KZ_TR_WITHDRAWN), "中途退出");
	assert_int_equal(kz_enum_parse(s, "中途退出"), KZ_TR_WITHDRAWN);
	assert_int_equal(kz_enum_parse(s, "withdrawn"), KZ_TR_WITHDRAWN);
}

/* Back to English whether the test above passed or not. */
static int
english(void **state)
{
	(void)state;
	kz_i18n_set_language("en");
	return 0;
}

/* A placement filled from text, as options, CSV cells and form lines
 * give it. */
static void
fill(struct kz_trainee *t, struct kz_err *err)
{
	static const char *const v[][2] = {
		{ "host", "岩手县" }, { "home", "辽宁省大连市" },
		{ "region", "辽宁省" }, { "country", "cn" }, { "name", "王芳" },
		{ "roman", "Wang Fang" }, { "post", "外事办公室 科员" },
		{ "fields", "经济交流" }, { "year", "2019" },
		{ "start", "2019-10-01" }, { "end", "2020-03-31" },
		{ "programme", "JICA" }, { "course", "地方行政" },
		{ "status", "ongoing" }, { "notes", "line one\nline two" },
	};

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(kz_rfield_set(field(v[i][0]), t, v[i][1], err),
		    KZ_OK);
}

/* Setting from text and writing back: every kind the table has. */
static void
test_text_round_trip(void **state)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };
	char *s;

	(void)state;
	kz_trainee_init(&t);
	fill(&t, &err);
	assert_string_equal(t.host, "岩手县");
	assert_string_equal(t.home_country, "CN");
	assert_int_equal(t.year, 2019);
	assert_int_equal(t.programme, KZ_TRP_JICA);
	assert_int_equal(t.status, KZ_TR_ONGOING);
	assert_non_null(s = kz_rfield_text(field("programme"), &t));
	assert_string_equal(s, "jica");
	free(s);
	assert_non_null(s = kz_rfield_text(field("year"), &t));
	assert_string_equal(s, "2019");
	free(s);
	assert_non_null(s = kz_rfield_shown(field("home_country"), &t, NULL));
	assert_string_equal(s, "CN China");
	free(s);
	/* text written back sets the same record */
	for (size_t i = 0; i < kz_trainee_type.n; i++) {
		const struct kz_rfield *fd = &kz_trainee_type.f[i];
		struct kz_trainee u;
		char *a, *b;

		if (fd->option == NULL)
			continue;
		kz_trainee_init(&u);
		assert_non_null(a = kz_rfield_text(fd, &t));
		assert_int_equal(kz_rfield_set(fd, &u, a, &err), KZ_OK);
		assert_non_null(b = kz_rfield_text(fd, &u));
		assert_string_equal(a, b);
		free(a);
		free(b);
		kz_trainee_free(&u);
	}
	/* refusals name the field */
	assert_int_equal(kz_rfield_set(field("year"), &t, "twenty", &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "year"));
	assert_int_equal(kz_rfield_set(field("status"), &t, "asleep", &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "status"));
	assert_int_equal(t.status, KZ_TR_ONGOING);
	kz_trainee_free(&t);
}

/* The statements made from the table store and read every column, by
 * id and in a list; an update keeps the creation stamp. */
static void
test_sql_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t, back, *l;
	struct kz_trainee_query q;
	struct kz_err err = { 0 };
	size_t n;

	kz_trainee_init(&t);
	fill(&t, &err);
	assert_int_equal(kz_trainee_insert(f->db, &t, &err), KZ_OK);
	assert_int_equal(kz_trainee_get(f->db, t.id, &back, &err), KZ_OK);
	kz_trainee_query_init(&q);
	assert_int_equal(kz_trainee_list(f->db, &q, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	for (size_t i = 0; i < kz_trainee_type.n; i++) {
		const struct kz_rfield *fd = &kz_trainee_type.f[i];
		char *a = kz_rfield_text(fd, &t), *b = kz_rfield_text(fd, &back),
		    *c = kz_rfield_text(fd, &l[0]);
		assert_non_null(a);
		assert_non_null(b);
		assert_non_null(c);
		assert_string_equal(a, b);
		assert_string_equal(a, c);
		free(a);
		free(b);
		free(c);
	}
	kz_trainee_list_free(l, n);
	/* an update changes what it is given and keeps the creation */
	kz_rfield_set(field("post"), &back, "", &err);
	kz_rfield_set(field("status"), &back, "completed", &err);
	assert_int_equal(kz_trainee_update(f->db, &back, &err), KZ_OK);
	kz_trainee_free(&t);
	assert_int_equal(kz_trainee_get(f->db, back.id, &t, &err), KZ_OK);
	assert_null(t.post);
	assert_int_equal(t.status, KZ_TR_COMPLETED);
	assert_string_equal(t.st.created, back.st.created);
	kz_trainee_free(&t);
	assert_int_equal(kz_trainee_get(f->db, "KZ-0000-0000", &t, &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "id"));
	kz_trainee_free(&back);
}

/* The table's checks and the placement's own rules together: a year
 * from the period when none is given, each problem under its field. */
static void
test_checks(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	kz_rfield_set(field("host"), &t, "大分县", &err);
	kz_rfield_set(field("home"), &t, "湖北省", &err);
	kz_rfield_set(field("start"), &t, "2019-10-01", &err);
	assert_int_equal(kz_trainee_validate(f->db, &t, &err), KZ_OK);
	assert_int_equal(err.n, 0);
	kz_rfield_set(field("year"), &t, "1800", &err);
	kz_rfield_set(field("roman"), &t, "王芳", &err);
	kz_rfield_set(field("country"), &t, "XX", &err);
	assert_int_equal(kz_trainee_validate(f->db, &t, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "year"));
	assert_non_null(kz_err_for(&err, "name_roman"));
	assert_non_null(kz_err_for(&err, "home_country"));
	assert_null(kz_err_for(&err, "host"));
	kz_trainee_free(&t);
}

/* JSON: every field under its name, the year a number, an empty value
 * null, an enumeration its keyword. */
static void
test_json(void **state)
{
	struct kz_trainee t;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	kz_trainee_init(&t);
	fill(&t, &err);
	kz_rfield_set(field("post"), &t, "", &err);
	assert_int_equal(kz_rtype_json(&kz_trainee_type, &t, &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), "\"host\": \"岩手县\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"year\": 2019,"));
	assert_non_null(strstr(kz_buf_str(&b), "\"programme\": \"jica\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"status\": \"ongoing\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"post\": null"));
	assert_non_null(strstr(kz_buf_str(&b),
	    "\"notes\": \"line one\\nline two\""));
	kz_buf_free(&b);
	kz_trainee_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enums),
		cmocka_unit_test_teardown(test_enum_labels_translated,
		    english),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_json),
		cmocka_unit_test_setup_teardown(test_checks, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_sql_round_trip, unit_setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
