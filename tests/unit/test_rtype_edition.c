/* test_rtype_edition.c - a seminar edition's table round-trips through SQL, text, CSV and JSON. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "rtype.h"
#include "seminar.h"

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_seminar_type, name);

	assert_non_null(f);
	return f;
}

/* Every field of the edition reads the same text from a and from b. */
static void
same_text(const struct kz_seminar *a, const struct kz_seminar *b)
{
	for (size_t i = 0; i < kz_seminar_type.n; i++) {
		const struct kz_rfield *f = &kz_seminar_type.f[i];
		char *x = kz_rfield_text(f, a);
		char *y = kz_rfield_text(f, b);

		assert_non_null(x);
		assert_non_null(y);
		if (strcmp(x, y) != 0)
			fail_msg("%s: \"%s\" != \"%s\"", f->name, x, y);
		free(x);
		free(y);
	}
}

/* Every field people type, as options and forms give it. */
static const char *const typed[][2] = {
	{ "series", "cj" }, { "number", "18" }, { "year", "2019" },
	{ "title", "第十八届中日地方交流促进研讨会" },
	{ "theme", "加强地方合作 共享发展机遇" },
	{ "start", "2019-08-21" }, { "end", "2019-08-23" },
	{ "city", "福州市" }, { "region", "福建省" }, { "country", "cn" },
	{ "organiser", "CLAIR Beijing" }, { "co-organisers", "a; b" },
	{ "supporters", "c, \"d\"" }, { "status", "Held" },
	{ "attendance", "178：日方 61，中方 117" },
	{ "notes", "two lines\nof notes" },
};

static void
make_series(struct unit_fixture *f)
{
	struct kz_series s;
	struct kz_err err = { 0 };

	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "cj");
	kz_str_set(&s.name, "中日地方交流促进研讨会");
	assert_int_equal(kz_series_insert(f->db, &s, &err), KZ_OK);
	kz_series_free(&s);
}

static void
fill(struct kz_seminar *s)
{
	struct kz_err err = { 0 };

	kz_seminar_init(s);
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		if (kz_rfield_set(field(typed[i][0]), s, typed[i][1], &err))
			fail_msg("%s: %s", typed[i][0], err.item[0].msg);
}

/* Every option is a field of the table, and the other way round. */
static void
test_edition_fields(void **state)
{
	size_t options = 0;

	(void)state;
	for (size_t i = 0; i < kz_seminar_type.n; i++)
		if (kz_seminar_type.f[i].option)
			options++;
	assert_int_equal(options, sizeof typed / sizeof typed[0]);
	assert_ptr_equal(field("co_organisers"), field("co-organisers"));
	assert_int_equal(field("attendance")->kind, KZ_RK_LIST);
	assert_non_null(field("attendance")->column);
	assert_int_equal(field("ref")->kind, KZ_RK_MADE);
	assert_null(field("ref")->column);
	assert_true(field("series")->flags & KZ_RF_REQUIRED);
	assert_ptr_equal(field("status")->values, &kz_seminar_status_enum);
}

/* Set from text, stored, read back and listed: the same; an update
 * keeps the creation stamp and may clear the attendance. */
static void
test_edition_sql(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_seminar s, back, *l;
	struct kz_seminar_query q = { NULL, 0, -1, NULL };
	struct kz_err err = { 0 };
	size_t n;

	make_series(f);
	fill(&s);
	assert_string_equal(s.country, "CN");
	assert_int_equal(s.status, KZ_SEM_HELD);
	assert_int_equal(s.attendance, 178);
	assert_int_equal(s.nparts, 2);
	assert_int_equal(kz_seminar_insert(f->db, &s, &err), KZ_OK);
	/* the series was typed as its code and is stored as its id */
	assert_true(kz_record_exists(f->db, KZ_T_SERIES, s.series));
	assert_string_equal(s.series_code, "cj");
	assert_int_equal(kz_seminar_get(f->db, "cj/18", &back, &err), KZ_OK);
	same_text(&s, &back);
	assert_int_equal(back.nparts, 2);
	assert_string_equal(back.parts[1].label, "中方");
	assert_int_equal(back.parts[1].count, 117);
	assert_int_equal(kz_seminar_list(f->db, &q, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	same_text(&s, &l[0]);
	kz_seminar_list_free(l, n);

	kz_rfield_set(field("attendance"), &back, "", &err);
	kz_rfield_set(field("number"), &back, "", &err);
	kz_rfield_set(field("status"), &back, "cancelled", &err);
	assert_int_equal(kz_seminar_update(f->db, &back, &err), KZ_OK);
	kz_seminar_free(&s);
	assert_int_equal(kz_seminar_get(f->db, "cj/2019", &s, &err), KZ_OK);
	assert_int_equal(s.attendance, -1);
	assert_int_equal(s.nparts, 0);
	assert_int_equal(s.number, 0);
	assert_int_equal(s.status, KZ_SEM_CANCELLED);
	assert_string_equal(s.st.created, back.st.created);
	assert_int_equal(err.n, 0);
	kz_seminar_free(&s);
	kz_seminar_free(&back);
}

/* CSV: the header is the table's, and a row read back through the
 * header map gives the record again; JSON has every field by name;
 * shown values are as people read them. */
static void
test_edition_files(void **state)
{
	struct kz_seminar s, q;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	const struct kz_rfield *map[32];
	char *cells[32], *t;
	size_t n = 0;

	(void)state;
	fill(&s);
	kz_rtype_csv_header(&kz_seminar_type, true, &b);
	assert_string_equal(kz_buf_str(&b), "id,series,number,year,title,"
	    "theme,start,end,city,region,country,organiser,co_organisers,"
	    "supporters,status,attendance,notes\r\n");
	kz_buf_free(&b);

	for (size_t i = 0; i < kz_seminar_type.n; i++)
		if (kz_seminar_type.f[i].csv)
			cells[n++] = (char *)kz_seminar_type.f[i].csv;
	assert_int_equal(kz_rtype_csv_map(&kz_seminar_type, cells, n, map,
	    "e.csv:1", &err), KZ_OK);
	kz_seminar_init(&q);
	for (size_t i = 0; i < n; i++) {
		t = kz_rfield_text(map[i], &s);
		assert_int_equal(kz_rfield_set(map[i], &q, t, &err), KZ_OK);
		free(t);
	}
	same_text(&s, &q);
	assert_int_equal(q.nparts, 2);
	kz_seminar_free(&q);

	assert_int_equal(kz_rtype_csv_row(&kz_seminar_type, &s, true, &b),
	    KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), ",held,\"178: 日方 61, 中方 "
	    "117\",\"two lines\nof notes\""));
	kz_buf_free(&b);

	assert_int_equal(kz_rtype_json(&kz_seminar_type, &s, &b), KZ_OK);
	for (size_t i = 0; i < kz_seminar_type.n; i++) {
		char key[64];
		snprintf(key, sizeof key, "\"%s\": ", kz_seminar_type.f[i].name);
		if (strstr(kz_buf_str(&b), key) == NULL)
			fail_msg("no %s in %s", key, kz_buf_str(&b));
	}
	assert_non_null(strstr(kz_buf_str(&b), "\"attendance\": {\"total\": "
	    "178, \"by\": [{\"label\": \"日方\", \"count\": 61}, {\"label\": "
	    "\"中方\", \"count\": 117}]}"));
	assert_non_null(strstr(kz_buf_str(&b), "\"number\": 18,"));
	assert_non_null(strstr(kz_buf_str(&b), "\"status\": \"held\""));
	assert_non_null(strstr(kz_buf_str(&b), "\"items\": 0,"));
	assert_non_null(strstr(kz_buf_str(&b), "\"ref\": \"cj/18\""));
	kz_buf_free(&b);

	t = kz_rfield_shown(field("country"), &s, NULL);
	assert_string_equal(t, "CN China");
	free(t);
	t = kz_rfield_shown(field("series"), &s, NULL);
	assert_string_equal(t, "cj");
	free(t);
	t = kz_rfield_shown(field("items"), &s, NULL);
	assert_string_equal(t, "0 items");
	free(t);
	/* an edition not known: null total, no parts, an empty cell */
	kz_rfield_set(field("attendance"), &s, "", &err);
	assert_true(kz_rfield_empty(field("attendance"), &s));
	assert_int_equal(kz_rfield_json(field("attendance"), &s, &b), KZ_OK);
	assert_string_equal(kz_buf_str(&b), "{\"total\": null, \"by\": []}");
	kz_buf_free(&b);
	assert_int_equal(err.n, 0);
	kz_seminar_free(&s);
}

/* Bad text and bad records: each problem under its field's name, and
 * nothing written. */
static void
test_edition_errors(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_seminar s;
	struct kz_err err = { 0 };
	static const char *const bad[][2] = {
		{ "number", "x" }, { "year", "MMXIX" }, { "status", "finished" },
		{ "attendance", "many" }, { "ref", "cj/1" },
		{ "start", "2019-08-21 and more text than a date holds" },
	};
	char title[260];

	make_series(f);
	fill(&s);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(kz_rfield_set(field(bad[i][0]), &s, bad[i][1],
		    &err), KZ_ERROR);
		if (kz_err_for(&err, field(bad[i][0])->name) == NULL)
			fail_msg("%s: the error is not under its name",
			    bad[i][0]);
	}
	kz_seminar_free(&s);

	/* checks of the record: the table's and the edition's own */
	fill(&s);
	memset(&err, 0, sizeof err);
	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = '\0';
	kz_rfield_set(field("title"), &s, title, &err);
	kz_rfield_set(field("number"), &s, "10000", &err);
	kz_rfield_set(field("year"), &s, "1800", &err);
	/* a date that is none is refused as it is typed, under its name;
	 * one that got in another way the record's check refuses */
	assert_int_equal(kz_rfield_set(field("end"), &s, "2019-02-30", &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "end"));
	memset(&err, 0, sizeof err);
	memcpy(s.end, "2019-02-30", sizeof s.end);
	kz_rfield_set(field("country"), &s, "XX", &err);
	kz_rfield_set(field("attendance"), &s, "5: A 3, B 3", &err);
	assert_int_equal(err.n, 0);
	assert_int_equal(kz_seminar_insert(f->db, &s, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "title"));
	assert_non_null(kz_err_for(&err, "number"));
	assert_non_null(kz_err_for(&err, "year"));
	assert_non_null(kz_err_for(&err, "end"));
	assert_non_null(kz_err_for(&err, "country"));
	assert_non_null(kz_err_for(&err, "attendance"));
	assert_string_equal(s.id, "");
	kz_seminar_free(&s);

	/* a series that does not exist, or none */
	fill(&s);
	memset(&err, 0, sizeof err);
	kz_rfield_set(field("series"), &s, "nosuch", &err);
	assert_int_equal(kz_seminar_insert(f->db, &s, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "series"));
	memset(&err, 0, sizeof err);
	assert_int_equal(kz_seminar_resolve_series(f->db, &s, &err), KZ_ERROR);
	assert_non_null(strstr(kz_err_for(&err, "series"), "nosuch"));
	memset(&err, 0, sizeof err);
	kz_rfield_set(field("series"), &s, "cj", &err);
	assert_int_equal(kz_seminar_resolve_series(f->db, &s, &err), KZ_OK);
	assert_true(kz_record_exists(f->db, KZ_T_SERIES, s.series));
	kz_rfield_set(field("series"), &s, "", &err);
	memset(&err, 0, sizeof err);
	assert_int_equal(kz_seminar_insert(f->db, &s, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "series"));
	kz_seminar_free(&s);
	{
		struct kz_seminar *l;
		struct kz_seminar_query q = { NULL, 0, -1, NULL };
		size_t n;

		assert_int_equal(kz_seminar_list(f->db, &q, &l, &n, &err),
		    KZ_OK);
		assert_int_equal(n, 0);
		kz_seminar_list_free(l, n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edition_fields),
		cmocka_unit_test(test_edition_files),
		cmocka_unit_test_setup_teardown(test_edition_sql,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_edition_errors,
		    unit_setup, unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
