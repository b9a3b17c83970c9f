/* test_rtype_item.c - programme items from their table: the time-of-day and zone kinds, SQL, CSV and the item's own rules. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "programme.h"
#include "record.h"
#include "rtype.h"
#include "seminar.h"
#include "specialist.h"	/* kz_str_set */

static char edition[KZ_ID_SIZE];


static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_programme_item_type,
	    name);

	assert_non_null(f);
	return f;
}

/* Set a field from text; the problem there is under the field's name. */
static int
set(struct kz_item *it, const char *name, const char *text,
    struct kz_err *err)
{
	return kz_rfield_set(field(name), it, text, err);
}

/* A time of day takes what kz_time_normalise takes, stored HH:MM; the
 * check refuses what is not a time. */
static void
test_time_kind(void **state)
{
	struct kz_item it;
	struct kz_err err = { 0 };

	(void)state;
	kz_programme_item_init(&it);
	assert_int_equal(field("start")->kind, KZ_RK_TIME);
	assert_int_equal(set(&it, "start", "9:30", &err), KZ_OK);
	assert_string_equal(it.start, "09:30");
	assert_int_equal(set(&it, "end", " 1745 ", &err), KZ_OK);
	assert_string_equal(it.end, "17:45");
	assert_int_equal(err.n, 0);
	assert_int_not_equal(set(&it, "start", "9h", &err), KZ_OK);
	assert_non_null(kz_err_for(&err, "start"));
	assert_string_equal(it.start, "");
	assert_int_not_equal(set(&it, "end", "25:00", &err), KZ_OK);
	assert_non_null(kz_err_for(&err, "end"));
	assert_int_equal(set(&it, "end", "", &err), KZ_OK);
	assert_string_equal(it.end, "");
	/* a stored value that is not a time is caught by the check */
	memset(&err, 0, sizeof err);
	snprintf(it.start, sizeof it.start, "24:10");
	assert_false(kz_rtype_check(&kz_programme_item_type, NULL, &it, &err));
	assert_non_null(kz_err_for(&err, "start"));
	kz_programme_item_free(&it);
}

/* A zone is an IANA name, checked by its form. */
static void
test_zone_kind(void **state)
{
	struct kz_item it;
	struct kz_err err = { 0 };
	char *t;

	(void)state;
	kz_programme_item_init(&it);
	assert_int_equal(field("timezone")->kind, KZ_RK_ZONE);
	assert_int_equal(set(&it, "tz", "Asia/Tokyo", &err), KZ_OK);
	t = kz_rfield_text(field("tz"), &it);
	assert_string_equal(t, "Asia/Tokyo");
	free(t);
	kz_str_set(&it.title, "x");
	snprintf(it.date, sizeof it.date, "2019-08-21");
	kz_rtype_check(&kz_programme_item_type, NULL, &it, &err);
	assert_null(kz_err_for(&err, "tz"));
	assert_int_equal(set(&it, "tz", "../etc/passwd", &err), KZ_OK);
	kz_rtype_check(&kz_programme_item_type, NULL, &it, &err);
	assert_non_null(kz_err_for(&err, "tz"));
	kz_programme_item_free(&it);
}

/* The kind parses as it always did: the English keyword, any case, with
 * spaces or _ for dashes; nothing else. */
static void
test_kind_field(void **state)
{
	struct kz_item it;
	struct kz_err err = { 0 };

	(void)state;
	kz_programme_item_init(&it);
	assert_int_equal(set(&it, "kind", "Courtesy_Call", &err), KZ_OK);
	assert_int_equal(it.kind, KZ_KIND_COURTESY_CALL);
	assert_int_equal(set(&it, "kind", "opinion exchange", &err), KZ_OK);
	assert_int_equal(it.kind, KZ_KIND_OPINION_EXCHANGE);
	assert_int_not_equal(set(&it, "kind", "party", &err), KZ_OK);
	assert_non_null(strstr(kz_err_for(&err, "kind"), "not a kind"));
	assert_int_not_equal(set(&it, "kind", "", &err), KZ_OK);
	assert_int_equal(it.kind, KZ_KIND_OPINION_EXCHANGE);
	kz_programme_item_free(&it);
}

/* An item goes into SQL and comes back the same, through the table's
 * statements; its CSV row read back through the header map is the same
 * item again. */
static void
test_item_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_item it, back, again;
	struct kz_err err = { 0 }, warn = { 0 };
	struct kz_buf b = { 0 };
	struct kz_csv csv;
	struct kz_csv_row head, row;
	const struct kz_rfield *map[16];

	unit_edition(f->db, NULL, edition);
	kz_programme_item_init(&it);
	memcpy(it.seminar, edition, KZ_ID_SIZE);
	set(&it, "date", "2019-08-22", &err);
	set(&it, "start", "9:30", &err);
	set(&it, "end", "11:00", &err);
	set(&it, "city", "福州市", &err);
	set(&it, "venue", "Fuzhou Hotel, hall 2", &err);
	set(&it, "kind", "courtesy call", &err);
	set(&it, "title", "Courtesy call on the Vice-Mayor", &err);
	set(&it, "notes", "line one\nline two", &err);
	assert_int_equal(err.n, 0);
	assert_int_equal(kz_programme_item_insert(f->db, &it, 0, &err, &warn),
	    KZ_OK);
	/* the zone from the city */
	assert_string_equal(it.tz, "Asia/Shanghai");
	assert_int_equal(kz_programme_item_get(f->db, it.id, &back, &err),
	    KZ_OK);
	for (size_t i = 0; i < kz_programme_item_type.n; i++) {
		const struct kz_rfield *fl = &kz_programme_item_type.f[i];
		char *x = kz_rfield_text(fl, &it), *y = kz_rfield_text(fl, &back);
		if (strcmp(x, y) != 0)
			fail_msg("%s: \"%s\" != \"%s\"", fl->name, x, y);
		free(x);
		free(y);
	}
	/* an edit counts a change */
	kz_str_set(&back.title, "Courtesy call on the Mayor");
	assert_int_equal(kz_programme_item_update(f->db, &back, 0, &err,
	    &warn), KZ_OK);
	kz_programme_item_free(&back);
	assert_int_equal(kz_programme_item_get(f->db, it.id, &back, &err),
	    KZ_OK);
	assert_int_equal(back.sequence, 1);
	assert_string_equal(back.title, "Courtesy call on the Mayor");
	assert_string_equal(back.st.created, it.st.created);

	kz_rtype_csv_header(&kz_programme_item_type, true, &b);
	assert_string_equal(kz_buf_str(&b), "id,date,start,end,timezone,city,"
	    "venue,kind,title,notes\r\n");
	assert_int_equal(kz_rtype_csv_row(&kz_programme_item_type, &back, true,
	    &b), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), ",09:30,11:00,Asia/Shanghai,"
	    "福州市,\"Fuzhou Hotel, hall 2\",courtesy-call,"));
	kz_csv_open(&csv, "t.csv", kz_buf_str(&b), b.len);
	assert_int_equal(kz_csv_next(&csv, &head, &err), 1);
	assert_int_equal(kz_rtype_csv_map(&kz_programme_item_type, head.cell,
	    head.n, map, "t.csv:1", &err), KZ_OK);
	assert_int_equal(kz_csv_next(&csv, &row, &err), 1);
	kz_programme_item_init(&again);
	for (size_t i = 0; i < row.n; i++)
		assert_int_equal(kz_rfield_set(map[i], &again, row.cell[i],
		    &err), KZ_OK);
	for (size_t i = 0; i < kz_programme_item_type.n; i++) {
		const struct kz_rfield *fl = &kz_programme_item_type.f[i];
		char *x, *y;

		if (fl->csv == NULL)
			continue;
		x = kz_rfield_text(fl, &back);
		y = kz_rfield_text(fl, &again);
		if (strcmp(x, y) != 0)
			fail_msg("%s: \"%s\" != \"%s\"", fl->name, x, y);
		free(x);
		free(y);
	}
	kz_csv_row_free(&head);
	kz_csv_row_free(&row);
	kz_buf_free(&b);
	kz_programme_item_free(&again);
	kz_programme_item_free(&back);
	kz_programme_item_free(&it);
}

/* The item's own rules beside the table's: inside the edition's dates,
 * no clash with another venue unless forced, and a header missing a
 * required column. */
static void
test_item_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_item a, b;
	struct kz_err err = { 0 }, warn = { 0 };
	const struct kz_rfield *map[4];
	char *head[] = { "date", "title", "venue" };

	unit_edition(f->db, NULL, edition);
	kz_programme_item_init(&a);
	memcpy(a.seminar, edition, KZ_ID_SIZE);
	set(&a, "date", "2019-08-24", &err);
	set(&a, "kind", "visit", &err);
	set(&a, "title", "late", &err);
	assert_int_not_equal(kz_programme_item_insert(f->db, &a, 0, &err,
	    &warn), KZ_OK);
	assert_non_null(strstr(kz_err_for(&err, "date"), "outside"));

	memset(&err, 0, sizeof err);
	set(&a, "date", "2019-08-22", &err);
	set(&a, "start", "10:00", &err);
	set(&a, "end", "11:00", &err);
	set(&a, "venue", "A", &err);
	assert_int_equal(kz_programme_item_insert(f->db, &a, 0, &err, &warn),
	    KZ_OK);
	kz_programme_item_init(&b);
	memcpy(b.seminar, edition, KZ_ID_SIZE);
	set(&b, "date", "2019-08-22", &err);
	set(&b, "start", "10:30", &err);
	set(&b, "venue", "B", &err);
	set(&b, "kind", "visit", &err);
	set(&b, "title", "elsewhere", &err);
	assert_int_not_equal(kz_programme_item_insert(f->db, &b, 0, &err,
	    &warn), KZ_OK);
	assert_non_null(kz_err_for(&err, "clash"));
	memset(&err, 0, sizeof err);
	assert_int_equal(kz_programme_item_insert(f->db, &b, KZ_ITEM_FORCE,
	    &err, &warn), KZ_OK);
	assert_non_null(kz_err_for(&warn, "clash"));
	/* an end before the start */
	memset(&err, 0, sizeof err);
	set(&b, "end", "09:00", &err);
	assert_int_not_equal(kz_programme_item_validate(f->db, &b,
	    KZ_ITEM_FORCE, &err, NULL), KZ_OK);
	assert_non_null(kz_err_for(&err, "end"));
	/* kind is a required column */
	memset(&err, 0, sizeof err);
	assert_int_not_equal(kz_rtype_csv_map(&kz_programme_item_type, head, 3,
	    map, "t.csv:1", &err), KZ_OK);
	assert_non_null(strstr(kz_err_for(&err, "t.csv:1"), "\"kind\""));
	kz_programme_item_free(&a);
	kz_programme_item_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_kind),
		cmocka_unit_test(test_zone_kind),
		cmocka_unit_test(test_kind_field),
		cmocka_unit_test_setup_teardown(test_item_round_trip,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_item_rules,
		    unit_setup, unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
