/* test_actreport.c - the activities in the tally (an opening figure and the records after it, none counted twice; JET joiners, offices open), their report sections and their measures in stats. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "activity.h"
#include "i18n.h"
#include "opening.h"
#include "report.h"
#include "stats.h"
#include "tally.h"
#include "text.h"
#include "year.h"

/* A record of kind name from "field=value" pairs, NULL-ended, written. */
static void
add(struct kz_db *db, const char *kind, ...)
{
	const struct kz_akind *k = kz_akind_find(kind);
	struct kz_err err = { 0 };
	void *rec;
	va_list ap;
	const char *pair;

	assert_non_null(k);
	assert_non_null(rec = kz_activity_new(k));
	va_start(ap, kind);
	while ((pair = va_arg(ap, const char *)) != NULL) {
		char name[64];
		const char *eq = strchr(pair, '=');
		const struct kz_rfield *f;

		assert_non_null(eq);
		snprintf(name, sizeof name, "%.*s", (int)(eq - pair), pair);
		f = kz_rtype_field(k->rt, name);
		if (f == NULL)
			fail_msg("%s has no field %s", kind, name);
		if (kz_rfield_set(f, rec, eq + 1, &err) != KZ_OK)
			fail_msg("%s: %s", pair, err.item[0].msg);
	}
	va_end(ap);
	if (kz_activity_insert(db, k, rec, &err) != KZ_OK)
		fail_msg("%s: %s: %s", kind, err.item[0].where,
		    err.item[0].msg);
	kz_activity_destroy(k, rec);
}

static void
opening(struct kz_db *db, const char *programme, int since,
    const char *as_of, int count)
{
	struct kz_opening o;
	struct kz_err err = { 0 };

	kz_opening_init(&o);
	o.programme = strdup(programme);
	o.since = since;
	snprintf(o.as_of, sizeof o.as_of, "%s", as_of);
	o.count = count;
	if (kz_opening_insert(db, &o, &err) != KZ_OK)
		fail_msg("opening %s: %s", programme, err.item[0].msg);
	kz_opening_free(&o);
}

/* The tally of key over the office's year y. */
static struct kz_tally
tally(struct kz_db *db, const char *key, int y)
{
	struct kz_tally t;
	struct kz_err err = { 0 };
	char from[11], to[11];

	kz_year_range(db->cfg, y, from, to);
	if (kz_tally_count(db, key, from, to, &t, &err) != KZ_OK)
		fail_msg("%s %d: %s", key, y, err.item[0].msg);
	return t;
}

/* JET: the year's figure is who takes part, the total since the start
 * the opening figure and those who joined after its day; a line of the
 * figure's own year is in the figure, not added again. */
static void
test_tally_jet(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_tally t;
	char from[11], to[11];

	kz_year_range(f->db->cfg, 2019, from, to);
	opening(f->db, "jet:cir", 1992, to, 1265);
	add(f->db, "jet", "year=2019", "kind=cir", "level=prefecture",
	    "participants=65", "joined=38", NULL);
	add(f->db, "jet", "year=2020", "kind=cir", "level=municipality",
	    "participants=60", "joined=20", NULL);
	add(f->db, "jet", "year=2018", "kind=alt", "level=prefecture",
	    "participants=3", "joined=2", NULL);
	add(f->db, "jet", "year=2019", "kind=alt", "level=prefecture",
	    "participants=5", "joined=3", NULL);

	t = tally(f->db, "jet:cir", 2019);
	assert_int_equal(t.year, 65);
	assert_true(t.opening);
	assert_int_equal(t.total, 1265);	/* its 38 are in the figure */
	assert_int_equal(t.since, 1992);
	t = tally(f->db, "jet:cir", 2020);
	assert_int_equal(t.year, 60);
	assert_int_equal(t.total, 1265 + 20);
	t = tally(f->db, "jet:cir", 2018);	/* the figure is later */
	assert_false(t.opening);
	assert_int_equal(t.total, 0);
	/* no figure: the first year's participants (they had all joined
	 * by then) and who joined after it, each once; never fewer than
	 * take part in a year */
	t = tally(f->db, "jet:alt", 2018);
	assert_int_equal(t.total, 3);
	t = tally(f->db, "jet:alt", 2019);
	assert_false(t.opening);
	assert_int_equal(t.year, 5);
	assert_int_equal(t.total, 3 + 3);
	t = tally(f->db, "jet:sea", 2019);
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 0);
}

/* The dated activities: the records in the year, and since the start
 * the opening figure and the records after its day only. */
static void
test_tally_activities(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_tally t;

	opening(f->db, "support", 2010, "2019-06-30", 100);
	add(f->db, "support", "start=2019-05-01", "government=京都府",
	    "kind=visit", NULL);	/* in the figure already */
	add(f->db, "support", "start=2019-07-01", "government=京都府",
	    "kind=event", NULL);
	add(f->db, "support", "start=2020-04-02", "government=京都府",
	    "kind=venue", NULL);	/* the next year */
	t = tally(f->db, "support", 2019);
	assert_int_equal(t.year, 2);
	assert_int_equal(t.total, 101);
	t = tally(f->db, "support", 2020);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 102);

	/* cancelled research and delegations do not count */
	add(f->db, "research", "government=兵庫県", "topic=a",
	    "requested=2019-05-01", "status=delivered",
	    "delivered=2019-06-01", NULL);
	add(f->db, "research", "government=兵庫県", "topic=b",
	    "requested=2019-05-02", "status=cancelled", NULL);
	t = tally(f->db, "research", 2019);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 1);
	add(f->db, "delegation", "direction=received", "who=a",
	    "start=2019-10-15", "status=held", NULL);
	add(f->db, "delegation", "direction=made", "who=b",
	    "start=2019-10-20", "status=cancelled", NULL);
	t = tally(f->db, "delegation", 2019);
	assert_int_equal(t.year, 1);
	add(f->db, "promotion", "kind=fair", "name=BITE",
	    "start=2019-06-18", NULL);
	t = tally(f->db, "promotion", 2019);
	assert_int_equal(t.year, 1);

	/* a link with no day was there before any year */
	add(f->db, "friendship", "japanese=神戸市", "partner=天津市",
	    "signed=1973-06-24", NULL);
	add(f->db, "friendship", "japanese=京都市", "partner=西安市", NULL);
	add(f->db, "friendship", "japanese=横浜市", "partner=上海市",
	    "signed=2019-11-01", NULL);
	t = tally(f->db, "friendship", 2019);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 3);
}

/* Offices: opened in the year; since the start, those open at its end,
 * from an opening figure of those open on its day. */
static void
test_tally_offices(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_tally t;

	add(f->db, "repoffice", "government=兵庫県", "city=上海",
	    "opened=2000-04-01", "closed=2019-10-01", NULL);
	add(f->db, "repoffice", "government=京都府", "city=上海",
	    "opened=2019-05-01", NULL);
	add(f->db, "repoffice", "government=大阪府", "city=北京", NULL);
	t = tally(f->db, "rep_office", 2019);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 2);	/* 京都府 and 大阪府 */
	t = tally(f->db, "rep_office", 2018);
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 2);	/* 兵庫県 and 大阪府 */

	/* 40 open on 31 March 2019: one opened after, one closed */
	opening(f->db, "rep_office", 1985, "2019-03-31", 40);
	t = tally(f->db, "rep_office", 2019);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 40);
}

/* The section of r with key, or NULL. */
static const struct kz_rsection *
section(const struct kz_report *r, const char *key)
{
	for (size_t i = 0; i < r->ns; i++)
		if (strcmp(r->s[i].key, key) == 0)
			return &r->s[i];
	return NULL;
}

/* The first block of kind in s with caption (NULL: any). */
static const struct kz_rblock *
first(const struct kz_rsection *s, enum kz_rblock_kind kind,
    const char *caption)
{
	for (size_t i = 0; s && i < s->nb; i++)
		if (s->b[i].kind == kind && (caption == NULL ||
		    (s->b[i].text && strcmp(s->b[i].text, caption) == 0)))
			return &s->b[i];
	return NULL;
}

static const char *
cell(const struct kz_rblock *b, size_t r, size_t c)
{
	assert_non_null(b);
	assert_true(r < b->nrows && c < b->ncols);
	return b->cells[r * b->ncols + c] ? b->cells[r * b->ncols + c] : "";
}

/* True if a paragraph of s has text in it. */
static bool
says(const struct kz_rsection *s, const char *text)
{
	for (size_t i = 0; s && i < s->nb; i++)
		if (s->b[i].kind == KZ_RB_PARA && s->b[i].text &&
		    strstr(s->b[i].text, text))
			return true;
	return false;
}

static void
build(struct unit_fixture *f, int y, struct kz_report *r)
{
	struct kz_err err = { 0 };
	char from[11], to[11];

	kz_year_range(f->db->cfg, y, from, to);
	if (kz_report_build(f->db, y, from, to, r, &err) != KZ_OK)
		fail_msg("report %d: %s", y, err.item[0].msg);
}

/* Each activity's section from its records: the tables, the counts
 * since the start, the charts; a year without them leaves them out. */
static void
test_report_sections(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_rsection *s;
	const struct kz_rblock *b;
	struct kz_report r;
	char from[11], to[11], day[32];

	kz_year_range(f->db->cfg, 2019, from, to);
	opening(f->db, "jet:cir", 1992, to, 1265);
	opening(f->db, "jet:sea", 1992, to, 27);
	add(f->db, "jet", "year=2019", "kind=alt", "level=prefecture",
	    "placement=福井県", "participants=1", "joined=1", NULL);
	add(f->db, "jet", "year=2019", "kind=alt", "level=prefecture",
	    "placement=長崎県", "participants=2", "joined=1", NULL);
	add(f->db, "jet", "year=2019", "kind=cir", "level=prefecture",
	    "placement=北海道", "participants=32", "joined=20", NULL);
	add(f->db, "jet", "year=2019", "kind=cir", "level=municipality",
	    "placement=宮崎市", "participants=27", "joined=15", NULL);
	add(f->db, "promotion", "kind=fair", "name=BITE", "start=2019-06-18",
	    "end=2019-06-20", "venue=北京国家会议中心", "city=北京市", NULL);
	add(f->db, "promotion", "kind=cooking", "name=美食",
	    "start=2019-09-21", "city=北京市", "governments=鹿児島県",
	    "shown=带骨猪肉煮", "attendance=30", NULL);
	for (int i = 0; i < 25; i++) {
		char start[48];

		snprintf(day, sizeof day, "2019-%02d-%02d", 4 + i / 5,
		    1 + i % 5);
		snprintf(start, sizeof start, "start=%s", day);
		add(f->db, "support", start, "government=京都府",
		    i < 15 ? "kind=visit" : "kind=venue", NULL);
	}
	add(f->db, "research", "government=兵庫県", "topic=Citrus imports",
	    "requested=2019-05-01", "status=delivered",
	    "delivered=2019-06-01", NULL);
	add(f->db, "research", "government=愛媛県", "topic=Dropped",
	    "requested=2019-05-02", "status=cancelled", NULL);
	add(f->db, "friendship", "japanese=神戸市", "partner=天津市",
	    "region=天津市", "country=CN", "signed=1973-06-24", NULL);
	add(f->db, "friendship", "japanese=横浜市", "partner=上海市",
	    "region=上海市", "country=CN", "signed=2019-11-01", NULL);
	for (int i = 0; i < 7; i++) {
		const char *cities[] = { "上海", "上海", "上海", "香港", "香港",
			"大连", "成都" };
		char city[32];

		snprintf(city, sizeof city, "city=%s", cities[i]);
		add(f->db, "repoffice", "government=兵庫県", city,
		    "opened=2000-01-01", NULL);
	}
	add(f->db, "repoffice", "government=兵庫県", "city=青岛",
	    "opened=2000-01-01", "closed=2019-05-01", NULL);
	add(f->db, "repoffice", "government=兵庫県", "city=广州",
	    "opened=2000-01-01", NULL);
	add(f->db, "repoffice", "government=兵庫県", "city=沈阳",
	    "opened=2000-01-01", NULL);

	build(f, 2019, &r);

	/* fairs: name, dates, venue with its city; cooking apart */
	assert_non_null(s = section(&r, "fairs"));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 1);
	assert_string_equal(cell(b, 0, 0), "BITE");
	assert_string_equal(cell(b, 0, 2), "北京国家会议中心 (北京市)");
	assert_non_null(s = section(&r, "cooking"));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 1);
	assert_string_equal(cell(b, 0, 1), "鹿児島県");
	assert_string_equal(cell(b, 0, 2), "带骨猪肉煮");
	assert_true(says(s, "30 people"));

	/* JET: taking part, new, since the start; placements */
	assert_non_null(s = section(&r, "jet"));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 4);
	assert_string_equal(cell(b, 0, 0), "ALT");
	assert_string_equal(cell(b, 0, 1), "3");
	assert_string_equal(cell(b, 0, 2), "2");
	/* no figure: the first year's participants */
	assert_string_equal(cell(b, 0, 3), "3");
	assert_string_equal(cell(b, 1, 1), "59");
	assert_string_equal(cell(b, 1, 2), "35");
	assert_string_equal(cell(b, 1, 3), "1,265");	/* not + 35 */
	assert_string_equal(cell(b, 2, 3), "27");
	assert_string_equal(cell(b, 3, 1), "62");
	assert_string_equal(cell(b, 3, 3), "1,295");
	assert_string_equal(b->head[3], "Since 1992");
	assert_non_null(b = first(s, KZ_RB_TABLE, "Placements"));
	assert_int_equal(b->nrows, 2);
	assert_string_equal(cell(b, 0, 1), "福井県 1, 長崎県 2");
	assert_string_equal(cell(b, 1, 1), "prefecture 32, municipality 27");
	assert_true(says(s, "62 people took part"));
	assert_non_null(first(s, KZ_RB_BARS, NULL));

	/* support: the count, by kind, the first 20 and the rest counted */
	assert_non_null(s = section(&r, "support"));
	assert_true(says(s, "25 Japanese government activities"));
	assert_non_null(b = first(s, KZ_RB_BARS, NULL));
	assert_int_equal(b->nbars, 2);
	assert_int_equal(b->bars[0].value, 15);
	assert_int_equal(b->bars[1].value, 10);
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 20);
	assert_string_equal(cell(b, 0, 1), "京都府");
	assert_true(says(s, "And 5 more cases."));

	/* research: cancelled left out */
	assert_non_null(s = section(&r, "research"));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 1);
	assert_string_equal(cell(b, 0, 1), "Citrus imports");
	assert_true(says(s, "1 research project was commissioned"));

	/* friendship: by the year's end, the year's links, by region */
	assert_non_null(s = section(&r, "friendship"));
	assert_true(says(s, "2 links by "));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 1);
	assert_string_equal(cell(b, 0, 1), "横浜市");
	assert_non_null(b = first(s, KZ_RB_BARS, NULL));
	assert_int_equal(b->nbars, 2);

	/* offices open at the end, the 4 largest cities and the others */
	assert_non_null(s = section(&r, "rep-offices"));
	assert_true(says(s, "9 offices open on "));
	assert_non_null(b = first(s, KZ_RB_TABLE, NULL));
	assert_int_equal(b->nrows, 5);
	assert_string_equal(cell(b, 0, 0), "上海");
	assert_string_equal(cell(b, 0, 1), "3");
	assert_string_equal(cell(b, 1, 0), "香港");
	assert_string_equal(cell(b, 4, 0), "Other cities");
	/* the four largest, ties by name: 大连 广州; then 成都 沈阳 */
	assert_string_equal(cell(b, 3, 0), "广州");
	assert_string_equal(cell(b, 4, 1), "2");
	assert_non_null(b = first(s, KZ_RB_BARS, NULL));
	assert_int_equal(b->nbars, 5);
	kz_report_free(&r);

	/* a year before them: no activity tables, the offices still open */
	build(f, 2010, &r);
	assert_null(section(&r, "fairs"));
	assert_null(section(&r, "cooking"));
	assert_null(section(&r, "jet"));
	assert_null(section(&r, "support"));
	assert_null(section(&r, "research"));
	assert_non_null(s = section(&r, "rep-offices"));
	assert_true(says(s, "10 offices open on "));
	kz_report_free(&r);
}

static long
stat_of(struct kz_db *db, const char *measure, const char *by,
    const char *year, const char *key)
{
	const struct kz_stat_measure *m = kz_stat_measure(measure);
	struct kz_stat s;
	struct kz_err err = { 0 };
	long v = -1;

	assert_non_null(m);
	if (kz_stat_run(db, m, kz_stat_by(m, by), year, &s, &err) != KZ_OK)
		fail_msg("%s by %s: %s", measure, by, err.item[0].msg);
	for (size_t i = 0; key && i < s.n; i++)
		if (strcmp(s.rows[i].key, key) == 0)
			v = s.rows[i].value;
	if (key == NULL)
		v = s.total;
	kz_stat_free(&s);
	return v;
}

/* The activities' measures count what their records say. */
static void
test_stats(void **state)
{
	struct unit_fixture *f = *state;

	add(f->db, "support", "start=2019-05-01", "government=京都府",
	    "kind=visit", NULL);
	add(f->db, "support", "start=2019-06-01", "government=京都府",
	    "kind=visit", NULL);
	add(f->db, "support", "start=2020-06-01", "government=兵庫県",
	    "kind=venue", NULL);
	add(f->db, "jet", "year=2019", "kind=cir", "level=prefecture",
	    "participants=65", "joined=38", NULL);
	add(f->db, "jet", "year=2020", "kind=cir", "level=prefecture",
	    "participants=60", "joined=20", NULL);
	add(f->db, "friendship", "japanese=神戸市", "partner=天津市",
	    "region=天津市", "country=CN", "signed=1973-06-24", NULL);
	add(f->db, "delegation", "direction=received", "who=a",
	    "start=2019-10-15", "status=held", NULL);
	add(f->db, "delegation", "direction=made", "who=b",
	    "start=2019-10-20", "status=cancelled", NULL);

	assert_int_equal(stat_of(f->db, "support", "kind", "2019", "visit"),
	    2);
	assert_int_equal(stat_of(f->db, "support", "kind", "2019", "venue"),
	    -1);
	assert_int_equal(stat_of(f->db, "support", "government", NULL,
	    "兵庫県"), 1);
	assert_int_equal(stat_of(f->db, "support", "year", NULL, "2020"), 1);
	assert_int_equal(stat_of(f->db, "jet", "kind", "2019", "cir"), 65);
	assert_int_equal(stat_of(f->db, "jet", "year", NULL, "2020"), 60);
	assert_int_equal(stat_of(f->db, "jet-joined", "kind", NULL, "cir"),
	    58);
	assert_int_equal(stat_of(f->db, "friendship", "region", NULL,
	    "天津市"), 1);
	assert_int_equal(stat_of(f->db, "friendship", "year", NULL, "1973"),
	    1);
	assert_int_equal(stat_of(f->db, "delegations", "direction", NULL,
	    NULL), 1);
}

/* Counts as the reports write them. */
static void
test_count(void **state)
{
	char out[32];

	(void)state;
	assert_string_equal(kz_text_count(1407, out, sizeof out), "1,407");
	assert_string_equal(kz_text_count(0, out, sizeof out), "0");
	assert_string_equal(kz_text_count(999, out, sizeof out), "999");
	assert_string_equal(kz_text_count(1000000, out, sizeof out),
	    "1,000,000");
	assert_string_equal(kz_text_count(-1265, out, sizeof out), "-1,265");
	assert_string_equal(kz_text_count(-265, out, sizeof out), "-265");
	assert_string_equal(kz_text_count(123456, out, 5), "123");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count),
		cmocka_unit_test_setup_teardown(test_tally_jet, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_tally_activities,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_tally_offices, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_report_sections,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_stats, unit_setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
