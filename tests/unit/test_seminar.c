/* test_seminar.c - seminars, programmes, participants, trainees, time zones
 * and the iCalendar writer, against a real SQLite file. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "demo.h"
#include "ical.h"
#include "participant.h"
#include "programme.h"
#include "rlist.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "specialist.h"
#include "text.h"
#include "trainee.h"
#include "tz.h"

/* The series and edition make_edition adds. */
static char series[KZ_ID_SIZE], edition[KZ_ID_SIZE];

/* A series "cj" and its 18th edition, 21-23 Aug 2019 in Fuzhou (the
 * shared fixture's), with its attendance. */
static void
make_edition(struct unit_fixture *f)
{
	struct kz_seminar e;
	struct kz_err err = { 0 };

	unit_edition(f->db, series, edition);
	assert_int_equal(kz_seminar_get(f->db, edition, &e, &err), KZ_OK);
	assert_int_equal(kz_seminar_parse_attendance(&e, "178：日方 61，中方 117",
	    &err), KZ_OK);
	assert_int_equal(kz_seminar_update(f->db, &e, &err), KZ_OK);
	kz_seminar_free(&e);
}

static int
add_item(struct unit_fixture *f, const char *date, const char *start,
    const char *end, const char *city, const char *venue, const char *title,
    unsigned flags, struct kz_err *err, struct kz_err *warn, char *id)
{
	struct kz_item it;
	int rc;

	kz_programme_item_init(&it);
	memcpy(it.seminar, edition, KZ_ID_SIZE);
	snprintf(it.date, sizeof it.date, "%s", date);
	snprintf(it.start, sizeof it.start, "%s", start ? start : "");
	snprintf(it.end, sizeof it.end, "%s", end ? end : "");
	kz_str_set(&it.city, city);
	kz_str_set(&it.venue, venue);
	kz_str_set(&it.title, title);
	rc = kz_programme_item_insert(f->db, &it, flags, err, warn);
	for (int i = 0; getenv("KZ_DEBUG") && i < err->n; i++)
		print_message("%s: %s\n", err->item[i].where, err->item[i].msg);
	if (id)
		memcpy(id, it.id, KZ_ID_SIZE);
	kz_programme_item_free(&it);
	return rc;
}

static bool
has_msg(const struct kz_err *e, const char *where, const char *part)
{
	for (int i = 0; i < e->n; i++)
		if ((!where || strcmp(e->item[i].where, where) == 0) &&
		    strstr(e->item[i].msg, part))
			return true;
	return false;
}

/* ---- time zones ---- */

static int64_t
utc_of(const char *date, const char *hhmm)
{
	return kz_tz_local(date, hhmm);
}

static void
test_tz_offsets(void **state)
{
	struct kz_err err = { 0 };
	struct kz_tz *paris = kz_tz_load("Europe/Paris", &err);
	struct kz_tz *tokyo = kz_tz_load("Asia/Tokyo", &err);
	struct kz_tz *sydney = kz_tz_load("Australia/Sydney", &err);
	bool dst;
	char abbr[16];

	(void)state;
	assert_non_null(paris);
	assert_non_null(tokyo);
	assert_non_null(sydney);
	assert_int_equal(kz_tz_offset(paris, utc_of("2019-07-01", "12:00"),
	    &dst, abbr), 7200);
	assert_true(dst);
	assert_string_equal(abbr, "CEST");
	assert_int_equal(kz_tz_offset(paris, utc_of("2019-12-01", "12:00"),
	    &dst, abbr), 3600);
	assert_false(dst);
	/* beyond the table: the footer's POSIX rule */
	assert_int_equal(kz_tz_offset(paris, utc_of("2050-07-01", "12:00"),
	    NULL, NULL), 7200);
	assert_int_equal(kz_tz_offset(paris, utc_of("2050-01-15", "12:00"),
	    NULL, NULL), 3600);
	/* the southern hemisphere: summer in January */
	assert_int_equal(kz_tz_offset(sydney, utc_of("2060-01-15", "00:00"),
	    NULL, NULL), 39600);
	assert_int_equal(kz_tz_offset(sydney, utc_of("2060-07-15", "00:00"),
	    NULL, NULL), 36000);
	assert_int_equal(kz_tz_offset(tokyo, utc_of("2019-12-16", "00:00"),
	    NULL, abbr), 32400);
	assert_string_equal(abbr, "JST");
	kz_tz_free(paris);
	kz_tz_free(tokyo);
	kz_tz_free(sydney);
	assert_null(kz_tz_load("Europe/Pariss", &err));
	assert_true(has_msg(&err, NULL, "unknown time zone"));
	assert_null(kz_tz_load("../etc/passwd", &err));
}

static void
test_tz_local_to_utc(void **state)
{
	struct kz_err err = { 0 };
	struct kz_tz *paris = kz_tz_load("Europe/Paris", &err);
	struct kz_tz *utc = kz_tz_load("UTC", &err);
	int64_t u;

	(void)state;
	assert_int_equal(kz_tz_utc(paris, utc_of("2019-07-01", "12:00"), &u), 0);
	assert_true(u == utc_of("2019-07-01", "10:00"));
	/* 02:30 on the last Sunday of March does not exist */
	assert_int_equal(kz_tz_utc(paris, utc_of("2019-03-31", "02:30"), &u), 1);
	/* 02:30 on the last Sunday of October happens twice: the first */
	assert_int_equal(kz_tz_utc(paris, utc_of("2019-10-27", "02:30"), &u), 2);
	assert_true(u == utc_of("2019-10-27", "00:30"));
	assert_int_equal(kz_tz_utc(utc, utc_of("2019-10-27", "02:30"), &u), 0);
	assert_true(u == utc_of("2019-10-27", "02:30"));
	kz_tz_free(paris);
	kz_tz_free(utc);
}

/* ---- iCalendar ---- */

static void
check_lines(const char *s)
{
	/* every line ends CRLF and holds at most 75 octets; folds never
	 * split a UTF-8 sequence */
	const char *p = s;

	while (*p) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		assert_null(memchr(p, '\n', (size_t)(e - p)));
		assert_true(((unsigned char)e[2] & 0xc0) != 0x80 || e[2] == 0);
		if (e[2] == ' ')
			assert_true(((unsigned char)e[3] & 0xc0) != 0x80);
		p = e + 2;
	}
}

static void
test_ical_writer(void **state)
{
	struct kz_ical cal;
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	struct kz_ical_event ev = { 0 };
	const char *s;

	(void)state;
	setenv("KIZUNA_NOW", "2026-01-02T03:04:05Z", 1);
	kz_ical_init(&cal, "研讨会");
	ev.uid = "KZ-1@kizuna";
	ev.summary = "Lecture; on local, administration\\Japan\nsecond line";
	ev.location = "东京都新宿区西新宿二丁目8番1号 東京都庁第一本庁舎 "
	    "三十二階 特別会議室 (a long place to fold)";
	ev.date = "2019-12-16";
	ev.start = "09:30";
	ev.end = "11:00";
	ev.tzid = "Asia/Tokyo";
	ev.sequence = 2;
	ev.last_modified = "2019-12-01T00:00:00Z";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_OK);
	memset(&ev, 0, sizeof ev);
	ev.uid = "KZ-2@kizuna";
	ev.summary = "Arrival";
	ev.date = "2019-12-15";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_OK);
	ev.uid = "KZ-3@kizuna";
	ev.date = "2019-12-15";
	ev.end_date = "2019-12-21";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_OK);
	memset(&ev, 0, sizeof ev);
	ev.uid = "KZ-4@kizuna";
	ev.summary = "in UTC";
	ev.date = "2019-12-16";
	ev.start = "01:00";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_OK);
	/* refused: an end before the start, an unknown zone */
	ev.end = "00:30";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_ERROR);
	assert_true(has_msg(&err, "end", "00:30"));
	ev.end = NULL;
	ev.tzid = "Mars/Olympus";
	assert_int_equal(kz_ical_add(&cal, &ev, &err), KZ_ERROR);
	assert_int_equal(kz_ical_finish(&cal, &out, &err), KZ_OK);
	s = kz_buf_str(&out);
	check_lines(s);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(s, "X-WR-CALNAME:研讨会\r\n"));
	assert_non_null(strstr(s, "DTSTART;TZID=Asia/Tokyo:20191216T093000\r\n"));
	assert_non_null(strstr(s, "DTEND;TZID=Asia/Tokyo:20191216T110000\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Lecture\\; on local\\, "
	    "administration\\\\Japan\\nsecond line"));
	assert_non_null(strstr(s, "SEQUENCE:2\r\n"));
	assert_non_null(strstr(s, "LAST-MODIFIED:20191201T000000Z\r\n"));
	assert_non_null(strstr(s, "DTSTAMP:20260102T030405Z\r\n"));
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20191215\r\n"
	    "DTEND;VALUE=DATE:20191216\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20191222\r\n"));
	assert_non_null(strstr(s, "DTSTART:20191216T010000Z\r\n"));
	/* Tokyo: one fixed-offset STANDARD */
	assert_non_null(strstr(s, "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"
	    "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900"
	    "\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\n"
	    "END:VTIMEZONE\r\n"));
	assert_null(strstr(s, "DAYLIGHT"));
	assert_null(strstr(s, "KZ-5"));
	assert_non_null(strstr(s, "END:VCALENDAR\r\n"));
	kz_ical_free(&cal);
	kz_buf_free(&out);
	unsetenv("KIZUNA_NOW");
}

static void
test_ical_dst_zone(void **state)
{
	struct kz_buf out = { 0 };
	struct kz_err err = { 0 };
	const char *s;

	(void)state;
	assert_int_equal(kz_ical_vtimezone(&out, "Europe/Paris",
	    utc_of("2019-06-01", "00:00"), utc_of("2019-06-02", "00:00"), &err),
	    KZ_OK);
	s = kz_buf_str(&out);
	check_lines(s);
	/* the changes of 2019, each at its wall-clock onset */
	assert_non_null(strstr(s, "BEGIN:DAYLIGHT\r\nDTSTART:20190331T020000\r\n"
	    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"));
	assert_non_null(strstr(s, "BEGIN:STANDARD\r\nDTSTART:20191027T030000\r\n"
	    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"));
	kz_buf_free(&out);
	/* Singapore's abbreviation is a number */
	assert_int_equal(kz_ical_vtimezone(&out, "Asia/Singapore",
	    utc_of("2019-06-01", "00:00"), utc_of("2019-06-02", "00:00"), &err),
	    KZ_OK);
	assert_non_null(strstr(kz_buf_str(&out), "TZOFFSETTO:+0800\r\n"
	    "TZNAME:+08\r\n"));
	kz_buf_free(&out);
}

/* ---- seminars ---- */

static void
test_edition_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_seminar e, got;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];

	make_edition(f);
	/* an edition number used twice in a series */
	kz_seminar_init(&e);
	memcpy(e.series, series, KZ_ID_SIZE);
	e.number = 18;
	e.year = 2020;
	snprintf(e.start, sizeof e.start, "2019-12-30");
	snprintf(e.end, sizeof e.end, "2019-12-29");
	kz_seminar_parse_attendance(&e, "100: Japanese 61, Chinese 117", &err);
	assert_int_equal(kz_seminar_insert(f->db, &e, &err), KZ_ERROR);
	assert_true(has_msg(&err, "number", "edition 18 of this series exists"));
	assert_true(has_msg(&err, "end", "ends (2019-12-29) before"));
	assert_true(has_msg(&err, "start", "not in the edition's year 2020"));
	assert_true(has_msg(&err, "attendance", "add up to 178, more than "
	    "the total of 100"));
	kz_err_clear(&err);
	kz_seminar_parse_attendance(&e, "178: Japanese", &err);
	assert_true(has_msg(&err, "attendance", "not a side or country"));
	kz_err_clear(&err);
	kz_seminar_parse_attendance(&e, "x: Japanese 61", &err);
	assert_true(has_msg(&err, "attendance", "must start with the total"));
	kz_seminar_free(&e);

	/* resolve by SERIES/NUMBER and SERIES/YEAR */
	kz_err_clear(&err);
	assert_int_equal(kz_seminar_resolve(f->db, "cj/18", id, &err), KZ_OK);
	assert_string_equal(id, edition);
	assert_int_equal(kz_seminar_resolve(f->db, "cj/2019", id, &err), KZ_OK);
	assert_string_equal(id, edition);
	assert_int_equal(kz_seminar_resolve(f->db, "cj/17", id, &err),
	    KZ_ERROR);
	assert_true(has_msg(&err, NULL, "has no edition 17"));

	/* stored attendance, parts in order */
	kz_err_clear(&err);
	assert_int_equal(kz_seminar_get(f->db, "cj/18", &got, &err), KZ_OK);
	assert_int_equal(got.attendance, 178);
	assert_int_equal(got.nparts, 2);
	assert_string_equal(got.parts[0].label, "日方");
	assert_int_equal(got.parts[1].count, 117);
	char *att = kz_seminar_format_attendance(&got);
	assert_string_equal(att, "178: 日方 61, 中方 117");
	free(att);

	/* new dates may not leave programme items outside */
	assert_int_equal(add_item(f, "2019-08-23", NULL, NULL, "福州市", NULL,
	    "行政考察", 0, &err, NULL, NULL), KZ_OK);
	snprintf(got.end, sizeof got.end, "2019-08-22");
	assert_int_equal(kz_seminar_update(f->db, &got, &err), KZ_ERROR);
	assert_true(has_msg(&err, "start", "1 programme items would fall "
	    "outside 2019-08-21..2019-08-22, the first 2019-08-23 行政考察"));
	kz_seminar_free(&got);

	/* a series with editions stays */
	kz_err_clear(&err);
	assert_int_equal(kz_series_delete(f->db, "cj", &err), KZ_ERROR);
	assert_true(has_msg(&err, "series", "has 1 edition: delete it first"));
	/* the edition goes with its programme */
	kz_err_clear(&err);
	assert_int_equal(kz_seminar_delete(f->db, "cj/18", &err), KZ_OK);
	assert_int_equal(kz_series_delete(f->db, "cj", &err), KZ_OK);
}

static void
test_series_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_series s;
	struct kz_err err = { 0 };

	make_edition(f);
	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "CJ seminar");
	assert_int_equal(kz_series_insert(f->db, &s, &err), KZ_ERROR);
	assert_true(has_msg(&err, "code", "small letters"));
	assert_true(has_msg(&err, "name", "name is required"));
	kz_err_clear(&err);
	kz_str_set(&s.code, "cj");
	kz_str_set(&s.name, "again");
	assert_int_equal(kz_series_insert(f->db, &s, &err), KZ_ERROR);
	assert_true(has_msg(&err, "code", "is taken"));
	kz_series_free(&s);
}

/* ---- programme ---- */

static void
test_programme_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 }, warn = { 0 };
	char a[KZ_ID_SIZE], b[KZ_ID_SIZE];
	struct kz_item it;
	struct kz_item *l;
	size_t n;

	make_edition(f);
	/* outside the edition's dates */
	assert_int_equal(add_item(f, "2019-08-24", "09:00", "10:00", "福州市",
	    NULL, "参观", 0, &err, &warn, NULL), KZ_ERROR);
	assert_true(has_msg(&err, "date", "2019-08-24 is outside the "
	    "edition's dates 2019-08-21..2019-08-23"));
	kz_err_clear(&err);
	assert_int_equal(add_item(f, "2019-08-22", "10:00", "09:00", "福州市",
	    NULL, "x", 0, &err, &warn, NULL), KZ_ERROR);
	assert_true(has_msg(&err, "end", "ends (09:00) before"));

	/* a clash at another venue is refused, naming the other item */
	kz_err_clear(&err);
	assert_int_equal(add_item(f, "2019-08-22", "09:00", "12:00", "福州市",
	    "海峡国际会展中心", "正式会议", 0, &err, &warn, a), KZ_OK);
	assert_int_equal(add_item(f, "2019-08-22", "11:00", "12:30", "福州市",
	    "福耀集团", "考察", 0, &err, &warn, b), KZ_ERROR);
	assert_true(has_msg(&err, "clash", "正式会议"));
	assert_true(has_msg(&err, "clash", a));
	/* or warned when forced */
	kz_err_clear(&err);
	assert_int_equal(add_item(f, "2019-08-22", "11:00", "12:30", "福州市",
	    "福耀集团", "考察", KZ_ITEM_FORCE, &err, &warn, b), KZ_OK);
	assert_true(has_msg(&warn, "clash", "海峡国际会展中心"));
	/* the same venue is no clash; nor are items end to end */
	kz_err_clear(&warn);
	assert_int_equal(add_item(f, "2019-08-22", "09:30", "10:00", "福州市",
	    "海峡国际会展中心", "主旨演讲", 0, &err, &warn, NULL), KZ_OK);
	assert_int_equal(add_item(f, "2019-08-22", "12:30", "13:00", "福州市",
	    "其他", "午餐", 0, &err, &warn, NULL), KZ_OK);
	assert_int_equal(warn.n, 0);
	/* all-day items and the zone from the city */
	assert_int_equal(add_item(f, "2019-08-21", NULL, NULL, "福州市", NULL,
	    "到达", 0, &err, &warn, NULL), KZ_OK);
	assert_int_equal(kz_programme_item_get(f->db, a, &it, &err), KZ_OK);
	assert_string_equal(it.tz, "Asia/Shanghai");
	assert_int_equal(it.sequence, 0);
	kz_str_set(&it.notes, "同声传译");
	/* it clashes with the forced item, but did not move: no refusal */
	assert_int_equal(kz_programme_item_update(f->db, &it, 0, &err, &warn), KZ_OK);
	assert_int_equal(it.sequence, 1);
	assert_true(has_msg(&warn, "clash", "考察"));
	kz_err_clear(&warn);
	snprintf(it.start, sizeof it.start, "08:30");
	assert_int_equal(kz_programme_item_update(f->db, &it, 0, &err, &warn), KZ_ERROR);
	assert_true(has_msg(&err, "clash", "考察"));
	kz_err_clear(&err);
	kz_programme_item_free(&it);
	assert_int_equal(kz_programme_item_list(f->db, edition, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 5);
	assert_string_equal(l[0].title, "到达");
	assert_string_equal(l[1].title, "正式会议");
	assert_string_equal(l[2].title, "主旨演讲");
	assert_string_equal(l[4].title, "午餐");
	kz_programme_item_list_free(l, n);
	/* a time the clocks skip */
	kz_programme_item_init(&it);
	memcpy(it.seminar, edition, KZ_ID_SIZE);
	snprintf(it.date, sizeof it.date, "2019-08-22");
	snprintf(it.start, sizeof it.start, "02:30");
	snprintf(it.tz, sizeof it.tz, "America/Santiago");
	kz_str_set(&it.title, "x");
	assert_int_equal(kz_programme_item_validate(f->db, &it, 0, &err, NULL), KZ_OK);
	snprintf(it.tz, sizeof it.tz, "Nowhere/City");
	assert_int_equal(kz_programme_item_validate(f->db, &it, 0, &err, NULL), KZ_ERROR);
	assert_true(has_msg(&err, "tz", "unknown time zone"));
	kz_programme_item_free(&it);
}

static void
test_zone_defaults(void **state)
{
	struct unit_fixture *f = *state;

	assert_string_equal(kz_zone_default(f->cfg, "Tokyo", NULL),
	    "Asia/Tokyo");
	assert_string_equal(kz_zone_default(f->cfg, "Shimonoseki City", NULL),
	    "Asia/Tokyo");
	assert_string_equal(kz_zone_default(f->cfg, "下関市", NULL),
	    "Asia/Tokyo");
	assert_string_equal(kz_zone_default(f->cfg, "福州市", NULL),
	    "Asia/Shanghai");
	assert_string_equal(kz_zone_default(f->cfg, "绵阳市", "CN"),
	    "Asia/Shanghai");
	assert_string_equal(kz_zone_default(f->cfg, "Somewhere", NULL), "UTC");
	assert_int_equal(kz_kind_parse("Courtesy call"), KZ_KIND_COURTESY_CALL);
	assert_int_equal(kz_kind_parse("opinion_exchange"),
	    KZ_KIND_OPINION_EXCHANGE);
	assert_int_equal(kz_kind_parse("party"), -1);
}

static void
test_programme_text(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_buf out = { 0 };
	const char *s, *l1, *l2;

	make_edition(f);
	assert_int_equal(add_item(f, "2019-08-21", "14:00", "16:00", "福州市",
	    "西湖宾馆", "自治体中国事务所联络会议", 0, &err, NULL, NULL), KZ_OK);
	assert_int_equal(add_item(f, "2019-08-22", "09:00", "12:00", "Fuzhou",
	    "Strait Center", "Main session", 0, &err, NULL, NULL), KZ_OK);
	assert_int_equal(kz_programme_text(f->db, edition, 80, &out, &err),
	    KZ_OK);
	s = kz_buf_str(&out);
	assert_non_null(strstr(s, "Wednesday  (day 1 of 3)"));
	assert_non_null(strstr(s, "Thursday  (day 2 of 3)"));
	assert_non_null(strstr(s, "178: 日方 61, 中方 117"));
	assert_non_null(strstr(s, "Times are local times (Asia/Shanghai)."));
	/* the venue columns line up in display width after CJK text */
	l1 = strstr(s, "  14:00-16:00");
	l2 = strstr(s, "  09:00-12:00");
	assert_non_null(l1);
	assert_non_null(l2);
	char a[256], b[256];
	snprintf(a, sizeof a, "%.*s", (int)(strstr(l1, "西湖宾馆") - l1), l1);
	snprintf(b, sizeof b, "%.*s", (int)(strstr(l2, "Strait") - l2), l2);
	assert_int_equal(kz_text_width(a), kz_text_width(b));
	/* no line wider than asked */
	for (const char *p = s; *p;) {
		const char *e = strchr(p, '\n');
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)(e - p), p);
		assert_true(kz_text_width(line) <= 80);
		p = e + 1;
	}
	kz_buf_free(&out);
}

/* ---- participants ---- */

static void
test_participants(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_participant p;
	struct kz_counts c;
	struct kz_err err = { 0 };
	const char *countries[] = { "KH", "KH", "IN", "JP" };

	make_edition(f);
	for (int i = 0; i < 4; i++) {
		char name[32];
		kz_participant_init(&p);
		memcpy(p.seminar, edition, KZ_ID_SIZE);
		snprintf(name, sizeof name, "Person %d", i);
		kz_str_set(&p.name, name);
		snprintf(p.country, sizeof p.country, "%s", countries[i]);
		p.role = i == 3 ? KZ_PART_STAFF : KZ_PART_PARTICIPANT;
		assert_int_equal(kz_participant_insert(f->db, &p, &err), KZ_OK);
		kz_participant_free(&p);
	}
	assert_int_equal(kz_participant_count_country(f->db, edition, &c,
	    &err), KZ_OK);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.c[0].key, "KH");
	assert_int_equal(c.c[0].n, 2);
	assert_int_equal(c.total, 4);
	kz_counts_free(&c);
	assert_int_equal(kz_participant_count_role(f->db, edition, &c, &err),
	    KZ_OK);
	assert_string_equal(c.c[0].key, "participant");
	assert_int_equal(c.c[0].n, 3);
	kz_counts_free(&c);
	/* refusals: every problem at once */
	kz_participant_init(&p);
	memcpy(p.seminar, edition, KZ_ID_SIZE);
	snprintf(p.country, sizeof p.country, "XX");
	kz_str_set(&p.email, "not an address");
	kz_str_set(&p.name_roman, "王");
	assert_int_equal(kz_participant_insert(f->db, &p, &err), KZ_ERROR);
	assert_true(has_msg(&err, "name", "required"));
	assert_true(has_msg(&err, "country", "\"XX\" is not an ISO"));
	assert_true(has_msg(&err, "email", "not of the form"));
	assert_true(has_msg(&err, "name_roman", "Latin"));
	kz_participant_free(&p);
}

/* ---- imports ---- */

static void
test_imports(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	const char *good = "date,start,end,city,venue,kind,title\n"
	    "2019-08-21,9:30,11:00,福州市,A,lecture,讲座\n"
	    "2019-08-21,,,福州市,,reception,欢迎晚宴\n";
	const char *bad = "date,start,kind,title,city,venue\n"
	    "2019-08-22,10:00,lecture,ok,福州市,A\n"
	    "2019-09-01,25:00,party,,福州市,B\n"
	    "2019-08-21,10:00,visit,clash,福州市,B\n";
	const char *people = "name,country,role,email\n"
	    "Sok,KH,participant,sok@example.org\n"
	    "Ana,PH,speaker,\n";

	make_edition(f);
	assert_int_equal(kz_import_programme(f->db, edition, "p.csv", good,
	    strlen(good), false, false, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 2);
	kz_import_report_free(&rep);
	/* again: duplicates, nothing added */
	assert_int_equal(kz_import_programme(f->db, edition, "p.csv", good,
	    strlen(good), false, false, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 0);
	assert_int_equal(rep.skipped, 2);
	assert_non_null(strstr(kz_buf_str(&rep.log), "p.csv:2: skipped: the "
	    "same item"));
	kz_import_report_free(&rep);
	/* all or nothing */
	assert_int_equal(kz_import_programme(f->db, edition, "b.csv", bad,
	    strlen(bad), false, false, &rep, &err), KZ_ERROR);
	assert_int_equal(rep.imported, 0);
	assert_non_null(strstr(kz_buf_str(&rep.log), "b.csv:3: start: \"25:00\""));
	assert_non_null(strstr(kz_buf_str(&rep.log), "b.csv:3: kind:"));
	assert_non_null(strstr(kz_buf_str(&rep.log), "b.csv:3: title:"));
	assert_non_null(strstr(kz_buf_str(&rep.log), "b.csv:4: clash: overlaps"));
	assert_true(has_msg(&err, "b.csv", "2 of 3 rows are not valid"));
	kz_import_report_free(&rep);
	struct kz_item *l;
	size_t n;
	kz_programme_item_list(f->db, edition, &l, &n, &err);
	assert_int_equal(n, 2);
	kz_programme_item_list_free(l, n);
	/* skip the bad ones; the clash goes in with force, as a warning */
	kz_err_clear(&err);
	assert_int_equal(kz_import_programme(f->db, edition, "b.csv", bad,
	    strlen(bad), true, true, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 2);
	assert_non_null(strstr(kz_buf_str(&rep.log), "b.csv:4: warning: clash"));
	kz_import_report_free(&rep);

	assert_int_equal(kz_import_participants(f->db, edition, "q.csv",
	    people, strlen(people), false, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 2);
	kz_import_report_free(&rep);
	struct kz_buf out = { 0 };
	assert_int_equal(kz_export_participants(f->db, edition, false, &out,
	    &err), KZ_OK);
	assert_null(strstr(kz_buf_str(&out), "sok@example.org"));
	assert_non_null(strstr(kz_buf_str(&out), ",Ana,,PH,"));
	kz_buf_free(&out);
	assert_int_equal(kz_export_participants(f->db, edition, true, &out,
	    &err), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&out), "sok@example.org"));
	kz_buf_free(&out);
}

/* ---- trainees ---- */

static void
test_trainees(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t;
	struct kz_trainee_query q;
	struct kz_rlist_query rq;
	struct kz_counts c;
	struct kz_err err = { 0 };
	const char *hosts[] = { "岩手县", "大分县", "岩手县" };

	for (int i = 0; i < 3; i++) {
		kz_trainee_init(&t);
		kz_str_set(&t.host, hosts[i]);
		kz_str_set(&t.home_government, i ? "湖北省" : "辽宁省大连市");
		kz_str_set(&t.home_region, i ? "湖北省" : "辽宁省");
		t.year = 2018 + i % 2;
		assert_int_equal(kz_trainee_insert(f->db, &t, &err), KZ_OK);
		kz_trainee_free(&t);
	}
	kz_rlist_query_init(&rq, &kz_rlist_trainees);
	assert_int_equal(kz_trainee_count(f->db, &rq, KZ_TR_BY_HOST, &c, &err),
	    KZ_OK);
	assert_string_equal(c.c[0].key, "岩手县");
	assert_int_equal(c.c[0].n, 2);
	kz_counts_free(&c);
	kz_rlist_set(&rq, "year", "2019");
	assert_int_equal(kz_trainee_count(f->db, &rq, KZ_TR_BY_REGION, &c,
	    &err), KZ_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.c[0].key, "湖北省");
	kz_counts_free(&c);
	/* a two-character CJK search */
	kz_trainee_query_init(&q);
	q.text = "大连";
	struct kz_trainee *l;
	size_t n;
	assert_int_equal(kz_trainee_list(f->db, &q, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 1);
	kz_trainee_list_free(l, n);
	/* refusals */
	kz_trainee_init(&t);
	snprintf(t.start, sizeof t.start, "2021-04-01");
	snprintf(t.end, sizeof t.end, "2021-03-01");
	t.year = 2019;
	assert_int_equal(kz_trainee_insert(f->db, &t, &err), KZ_ERROR);
	assert_true(has_msg(&err, "host", "required"));
	assert_true(has_msg(&err, "home_government", "required"));
	assert_true(has_msg(&err, "end", "ends (2021-03-01) before"));
	assert_true(has_msg(&err, "start", "outside programme year 2019"));
	kz_trainee_free(&t);
}

/* ---- the demo ---- */

/* Head office's demo holds every office's records (demo.h). */
static int
setup_head(void **state)
{
	return unit_setup_with(state, "office:\n  id: TYO\n  name: Tokyo\n"
	    "  role: head\n");
}

static void
test_demo(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_seminar_query q = { "cj-seminar", 0, -1, NULL };
	struct kz_seminar *l, s;
	struct kz_counts c;
	struct kz_rlist_query tq;
	struct timespec t0, t1;
	size_t n;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(kz_demo_load(f->db, &err), KZ_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	print_message("demo: %.2f s\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	assert_int_equal(kz_seminar_list(f->db, &q, &l, &n, &err), KZ_OK);
	assert_int_equal(n, 18);
	assert_int_equal(l[0].number, 1);
	assert_string_equal(l[0].city, "北京市");
	assert_int_equal(l[17].year, 2019);
	assert_string_equal(l[17].theme, "加强地方合作 共享发展机遇");
	assert_int_equal(l[17].attendance, 178);
	assert_int_equal(l[17].items, 8);
	kz_seminar_list_free(l, n);
	assert_int_equal(kz_seminar_get(f->db, "sin-seminar/2019", &s, &err),
	    KZ_OK);
	assert_int_equal(s.items, 16);
	assert_int_equal(s.participants, 9);
	assert_int_equal(kz_participant_count_country(f->db, s.id, &c, &err),
	    KZ_OK);
	assert_int_equal(c.n, 9);
	kz_counts_free(&c);
	kz_seminar_free(&s);
	kz_rlist_query_init(&tq, &kz_rlist_trainees);
	kz_rlist_set(&tq, "year", "2019");
	assert_int_equal(kz_trainee_count(f->db, &tq, KZ_TR_BY_YEAR, &c, &err),
	    KZ_OK);
	assert_int_equal(c.total, 7);
	kz_counts_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tz_offsets),
		cmocka_unit_test(test_tz_local_to_utc),
		cmocka_unit_test(test_ical_writer),
		cmocka_unit_test(test_ical_dst_zone),
		cmocka_unit_test_setup_teardown(test_edition_rules, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_series_rules, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_programme_rules,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_zone_defaults, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_programme_text, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_participants, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_imports, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_trainees, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_demo, setup_head,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
