/* test_tally.c - opening figures, the tally of a year and since the
 * start, and the report built from them. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "choice.h"
#include "err.h"
#include "opening.h"
#include "record.h"
#include "report.h"
#include "seminar.h"
#include "tally.h"
#include "text.h"
#include "trainee.h"
#include "year.h"

static void
placement(struct kz_db *db, int year, const char *host,
    enum kz_trainee_programme p, enum kz_trainee_status s)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	kz_str_set(&t.host, host);
	kz_str_set(&t.home_government, "辽宁省大连市");
	kz_str_set(&t.fields, "观光");
	t.year = year;
	t.programme = p;
	t.status = s;
	assert_int_equal(kz_trainee_insert(db, &t, &err), KZ_OK);
	kz_trainee_free(&t);
}

static void
figure(struct kz_db *db, const char *programme, const char *as_of, int n)
{
	struct kz_opening o;
	struct kz_err err = { 0 };

	kz_opening_init(&o);
	kz_str_set(&o.programme, programme);
	snprintf(o.as_of, sizeof o.as_of, "%s", as_of);
	o.count = n;
	o.since = 1996;
	assert_int_equal(kz_opening_insert(db, &o, &err), KZ_OK);
	kz_opening_free(&o);
}

static struct kz_tally
tally(struct kz_db *db, const char *key, const char *from, const char *to)
{
	struct kz_tally t;
	struct kz_err err = { 0 };

	assert_int_equal(kz_tally_count(db, key, from, to, &t, &err), KZ_OK);
	return t;
}

/* The keys: a fixed list, a series by its code. */
static void
test_keys(void **state)
{
	char label[128];

	(void)state;
	assert_true(kz_tally_key_ok("dispatch"));
	assert_true(kz_tally_key_ok("trainee"));
	assert_true(kz_tally_key_ok("edition:cj-seminar"));
	assert_true(kz_tally_key_ok("attendance:senior-officials"));
	assert_true(kz_tally_key_ok("jet:cir"));
	assert_true(kz_tally_key_ok("rep_office"));
	assert_false(kz_tally_key_ok("edition:"));
	assert_false(kz_tally_key_ok("edition:Bad Code"));
	assert_false(kz_tally_key_ok("jet:xyz"));
	assert_false(kz_tally_key_ok("trainees"));
	assert_false(kz_tally_key_ok(""));
	assert_false(kz_tally_key_ok(NULL));
	assert_string_equal(kz_tally_label("edition:cj", label, sizeof label),
	    "editions of cj");
	assert_string_equal(kz_tally_label_as("attendance:cj", "CJ",
	    label, sizeof label), "participants of CJ");
}

/* The figure counts up to its day; the records after it are added, the
 * ones before it not again; a figure dated after the range is not used. */
static void
test_opening_and_records(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_tally t;

	placement(f->db, 2018, "岩手县", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2018, "鸟取县", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2018, "滋贺县", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2019, "大分县", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2019, "岐阜县高山市", KZ_TRP_LGOTP, KZ_TR_ONGOING);
	/* neither counts: withdrawn, another programme */
	placement(f->db, 2019, "长崎县", KZ_TRP_LGOTP, KZ_TR_WITHDRAWN);
	placement(f->db, 2019, "静冈县", KZ_TRP_JICA, KZ_TR_COMPLETED);

	/* no figure: the records are all there is, from the first's day */
	t = tally(f->db, "trainee", "2019-04-01", "2020-03-31");
	assert_int_equal(t.year, 2);
	assert_int_equal(t.total, 5);
	assert_false(t.opening);
	assert_int_equal(strncmp(t.first, "2018-", 5), 0);
	/* the first counted up to the range's end, not in the range */
	t = tally(f->db, "trainee", "2017-04-01", "2018-03-31");
	assert_string_equal(t.first, "");

	/* 100 up to the end of 2018, which counts the 2018 placements */
	figure(f->db, "trainee", "2019-03-31", 100);
	t = tally(f->db, "trainee", "2019-04-01", "2020-03-31");
	assert_int_equal(t.year, 2);
	assert_int_equal(t.total, 102);
	assert_true(t.opening);
	assert_int_equal(t.opening_count, 100);
	assert_string_equal(t.as_of, "2019-03-31");
	assert_int_equal(t.since, 1996);
	assert_string_equal(t.first, "");	/* the figure says since when */
	t = tally(f->db, "trainee", "2018-04-01", "2019-03-31");
	assert_int_equal(t.year, 3);
	assert_int_equal(t.total, 100);
	/* a year before the figure: the records up to it */
	t = tally(f->db, "trainee", "2017-04-01", "2018-03-31");
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 0);

	/* a later figure is ignored by a range it is after */
	figure(f->db, "trainee", "2020-06-30", 500);
	t = tally(f->db, "trainee", "2019-04-01", "2020-03-31");
	assert_int_equal(t.total, 102);
	t = tally(f->db, "trainee", "2020-04-01", "2021-03-31");
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 500);
	assert_string_equal(t.as_of, "2020-06-30");
	/* open ends */
	t = tally(f->db, "trainee", "", "");
	assert_int_equal(t.year, 5);
	assert_int_equal(t.total, 500);
}

/* The programmes a pick list offers: every line of the table, a
 * series' as its prefix; the same through the field's choices. */
static void
test_pick(void **state)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_opening_type,
	    "programme");
	struct kz_choices c;
	const char *label;
	size_t n = 0;
	bool support = false, edition = false;

	(void)state;
	while (kz_tally_key_at(n, &label) != NULL)
		n++;
	assert_true(n >= 13);
	assert_null(kz_tally_key_at(n, &label));
	assert_non_null(f);
	assert_int_equal(kz_choices_of(f, NULL, &c), KZ_OK);
	assert_int_equal(c.n, n);
	for (size_t i = 0; i < c.n; i++) {
		if (strcmp(c.v[i].code, "support") == 0) {
			support = true;
			assert_string_equal(c.v[i].label,
			    "support for Japanese local governments");
		}
		if (strcmp(c.v[i].code, "edition:") == 0) {
			edition = true;
			assert_non_null(strstr(c.v[i].label, "type its code"));
		}
		/* a fixed key is a programme as it is */
		if (c.v[i].code[strlen(c.v[i].code) - 1] != ':')
			assert_true(kz_tally_key_ok(c.v[i].code));
	}
	assert_true(support && edition);
	kz_choices_free(&c);
}

/* Editions and attendance by series; a programme without records yet
 * counts its figure alone. */
static void
test_series_and_figures_only(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_tally t, *all;
	struct kz_err err = { 0 };
	size_t n;
	char series[KZ_ID_SIZE], edition[KZ_ID_SIZE];

	unit_edition(f->db, series, edition);
	t = tally(f->db, "edition:cj", "2019-04-01", "2020-03-31");
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 1);
	t = tally(f->db, "edition:cj", "2018-04-01", "2019-03-31");
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 0);
	figure(f->db, "attendance:cj", "2019-03-31", 1000);
	t = tally(f->db, "attendance:cj", "2019-04-01", "2020-03-31");
	assert_int_equal(t.year, 0);	/* no attendance recorded */
	assert_int_equal(t.total, 1000);
	figure(f->db, "jet:cir", "2020-03-31", 1265);
	t = tally(f->db, "jet:cir", "2019-04-01", "2020-03-31");
	assert_int_equal(t.year, 0);
	assert_int_equal(t.total, 1265);

	assert_int_equal(kz_tally_count(f->db, "nothing", "", "", &t, &err),
	    KZ_ERROR);
	assert_string_equal(err.item[0].where, "programme");
	kz_err_clear(&err);

	assert_int_equal(kz_tally_all(f->db, "2019-04-01", "2020-03-31", &all,
	    &n, &err), KZ_OK);
	/* editions:cj, attendance:cj, jet:cir; nothing else here */
	assert_int_equal(n, 3);
	assert_string_equal(all[0].key, "edition:cj");
	assert_string_equal(all[1].key, "attendance:cj");
	assert_string_equal(all[2].key, "jet:cir");
	free(all);
}

/* The figure's own rules. */
static void
test_opening_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_opening o;
	struct kz_err err = { 0 };

	kz_opening_init(&o);
	kz_str_set(&o.programme, "trainees");
	snprintf(o.as_of, sizeof o.as_of, "1995-03-31");
	o.since = 1996;
	o.count = 3;
	assert_int_equal(kz_opening_insert(f->db, &o, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "programme"));
	assert_non_null(kz_err_for(&err, "since"));
	kz_err_clear(&err);
	kz_opening_free(&o);
	kz_opening_init(&o);
	kz_str_set(&o.programme, "dispatch");
	assert_int_equal(kz_opening_insert(f->db, &o, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "as_of"));
	kz_err_clear(&err);
	snprintf(o.as_of, sizeof o.as_of, "2019-03-31");
	o.count = 101;
	assert_int_equal(kz_opening_insert(f->db, &o, &err), KZ_OK);
	{
		char q[256], want[256];

		assert_int_equal(kz_opening_delete_question(f->db, o.id, q,
		    sizeof q, &err), KZ_OK);
		snprintf(want, sizeof want, "delete the opening figure %s "
		    "(specialists sent: 101 as of 2019-03-31)?", o.id);
		assert_string_equal(q, want);
		assert_int_equal(kz_opening_delete_question(f->db, "KZ-NONE",
		    q, sizeof q, &err), KZ_ERROR);
		kz_err_clear(&err);
	}
	kz_opening_free(&o);
}

static const char *
find_section(const struct kz_report *r, const char *key)
{
	for (size_t i = 0; i < r->ns; i++)
		if (strcmp(r->s[i].key, key) == 0)
			return r->s[i].heading;
	return NULL;
}

/* The report's model: the sections that have something, the figures,
 * the tables; both renderers; a hostile value only ever text. */
static void
test_report(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_report r;
	struct kz_buf text = { 0 }, html = { 0 };
	struct kz_err err = { 0 };
	char series[KZ_ID_SIZE], edition[KZ_ID_SIZE];
	const struct kz_rblock *b;

	placement(f->db, 2019, "<script>alert(1)</script>", KZ_TRP_LGOTP,
	    KZ_TR_COMPLETED);
	placement(f->db, 2019, "岐阜县高山市", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	figure(f->db, "trainee", "2019-03-31", 507);
	unit_edition(f->db, series, edition);
	assert_int_equal(kz_report_build(f->db, 2019, "2019-04-01",
	    "2020-03-31", &r, &err), KZ_OK);
	assert_false(r.empty);
	assert_string_equal(r.lang, "en");
	assert_non_null(find_section(&r, "figures"));
	assert_non_null(find_section(&r, "placements"));
	assert_non_null(find_section(&r, "seminar"));
	assert_non_null(find_section(&r, "seminar-history"));
	assert_null(find_section(&r, "dispatches"));	/* none: left out */
	assert_null(find_section(&r, "jet"));
	assert_string_equal(r.s[0].key, "figures");
	b = &r.s[0].b[0];
	assert_int_equal(b->kind, KZ_RB_FIGURES);
	assert_int_equal(b->nfigs, 2);	/* trainee, edition:cj; no attendance */
	assert_string_equal(b->figs[0].label, "LGOTP officials trained");
	assert_int_equal(b->figs[0].year, 2);
	assert_int_equal(b->figs[0].total, 509);
	assert_int_equal(b->figs[0].since, 1996);
	assert_string_equal(b->figs[1].label, "editions of "
	    "中日地方交流促进研讨会");
	/* the figure's line is not marked; the editions', of records
	 * alone, are, with the year of the first, and a note says so */
	assert_false(b->figs[0].records);
	assert_true(b->figs[1].records);
	assert_int_equal(b->figs[1].since, 2019);
	assert_int_equal(r.s[0].b[1].kind, KZ_RB_PARA);
	assert_non_null(strstr(r.s[0].b[1].text, "No opening figure"));

	kz_report_text(&r, 80, &text);
	assert_false(text.oom);
	assert_non_null(strstr(text.s, "LGOTP officials trained"));
	assert_non_null(strstr(text.s, "509"));
	assert_non_null(strstr(text.s, "岐阜县高山市"));
	assert_non_null(strstr(text.s, "2019*"));
	assert_non_null(strstr(text.s, "* No opening figure"));
	/* every line within 80 columns */
	for (char *l = text.s, *e; *l; l = e + 1) {
		char line[1024];

		e = strchr(l, '\n');
		assert_non_null(e);
		snprintf(line, sizeof line, "%.*s", (int)(e - l), l);
		assert_true(kz_text_width(line) <= 80);
	}
	kz_report_html(&r, &html);
	assert_false(html.oom);
	assert_non_null(strstr(html.s, "<html lang=\"en\">"));
	assert_null(strstr(html.s, "<script>"));
	assert_non_null(strstr(html.s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(html.s, "<svg"));
	assert_null(strstr(html.s, "http"));
	assert_non_null(strstr(html.s, ">2019*</td>"));
	assert_non_null(strstr(html.s, "* No opening figure"));
	kz_buf_free(&text);
	kz_buf_free(&html);
	kz_report_free(&r);

	/* the series' name in the reader's language (en), wherever the
	 * report names it; the original where it has none */
	{
		struct kz_series sr;
		char name[160];

		assert_int_equal(kz_series_get(f->db, series, &sr, &err),
		    KZ_OK);
		assert_int_equal(kz_tr_set(&sr.tr, "name", "en",
		    "China-Japan Seminar"), KZ_OK);
		assert_int_equal(kz_series_update(f->db, &sr, &err), KZ_OK);
		kz_series_free(&sr);
		assert_int_equal(kz_tally_name(f->db, "edition:cj", name,
		    sizeof name, &err), KZ_OK);
		assert_string_equal(name, "editions of China-Japan Seminar");
		assert_int_equal(kz_tally_name(f->db, "edition:zz", name,
		    sizeof name, &err), KZ_OK);
		assert_string_equal(name, "editions of zz");
	}
	assert_int_equal(kz_report_build(f->db, 2019, "2019-04-01",
	    "2020-03-31", &r, &err), KZ_OK);
	assert_string_equal(r.s[0].b[0].figs[1].label,
	    "editions of China-Japan Seminar");
	kz_report_text(&r, 80, &text);
	assert_false(text.oom);
	assert_non_null(strstr(text.s, "China-Japan Seminar, edition 18"));
	assert_null(strstr(text.s, "中日地方交流促进研讨会"));
	kz_buf_free(&text);
	kz_report_free(&r);

	/* a year with nothing says so */
	assert_int_equal(kz_report_build(f->db, 2030, "2030-04-01",
	    "2031-03-31", &r, &err), KZ_OK);
	assert_true(r.empty);
	assert_true(r.ns >= 1);
	assert_int_equal(r.s[0].b[0].kind, KZ_RB_PARA);
	assert_non_null(strstr(r.s[0].b[0].text, "Nothing was recorded"));
	kz_report_free(&r);
}

/* A dispatch of office's request, written as sync would bring it. */
static void
sent(struct kz_db *db, const char *id, const char *office,
    const char *start, const char *state)
{
	struct kz_err err = { 0 };
	char sql[600];

	snprintf(sql, sizeof sql, "INSERT INTO request (id, country, office, "
	    "received, topic, mode, interpreting, status, created, updated) "
	    "VALUES ('R%s', 'CN', '%s', '2000-01-01', 't', 'onsite', 'none', "
	    "'closed', 'x', 'x'); INSERT INTO dispatch (id, request, "
	    "specialist, start, end, mode, state, created, updated) VALUES "
	    "('D%s', 'R%s', 'S', '%s', '%s', 'onsite', '%s', 'x', 'x')", id,
	    office, id, id, start, start, state);
	assert_int_equal(kz_db_begin(db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(kz_db_end(db, KZ_OK, &err), KZ_OK);
}

/* Head office counts every office's records and figures: each office's
 * latest figure and its own dispatches after its day, an office without
 * a figure all of its; records without an office (trainees) after the
 * latest figure. An office counts its own alone. */
static void
test_head_office(void **state)
{
	struct unit_fixture *f = *state;
	char *own = f->cfg->office_id, from[11], to[11];
	enum kz_role role = f->cfg->role;
	struct kz_tally t;

	assert_int_equal(sqlite3_exec(f->db->sql, "PRAGMA foreign_keys = OFF",
	    NULL, NULL, NULL), SQLITE_OK);
	sent(f->db, "1", "AAA", "2010-05-01", "reported");
	sent(f->db, "2", "AAA", "2015-05-01", "reported");
	sent(f->db, "3", "AAA", "2019-05-01", "reported");
	sent(f->db, "4", "BBB", "2011-05-01", "reported");
	sent(f->db, "5", "BBB", "2019-06-01", "reported");
	sent(f->db, "6", "CCC", "2008-05-01", "reported");
	sent(f->db, "7", "CCC", "2019-07-01", "reported");
	sent(f->db, "8", "CCC", "2019-08-01", "cancelled");
	placement(f->db, 2019, "岐阜県", KZ_TRP_LGOTP,
	    KZ_TR_COMPLETED);
	placement(f->db, 2019, "滋賀県", KZ_TRP_LGOTP,
	    KZ_TR_COMPLETED);
	f->cfg->office_id = "AAA";
	figure(f->db, "dispatch", "2012-03-31", 10);
	figure(f->db, "trainee", "2012-03-31", 100);
	f->cfg->office_id = "BBB";
	figure(f->db, "dispatch", "2018-03-31", 5);
	figure(f->db, "trainee", "2018-03-31", 50);
	kz_year_range(f->cfg, 2019, from, to);

	f->cfg->office_id = "AAA";	/* an office: its own */
	t = tally(f->db, "dispatch", from, to);
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 10 + 2);
	f->cfg->office_id = "CCC";
	t = tally(f->db, "dispatch", from, to);
	assert_false(t.opening);
	assert_int_equal(t.total, 2);

	f->cfg->office_id = own;
	f->cfg->role = KZ_ROLE_HEAD;
	t = tally(f->db, "dispatch", from, to);
	assert_true(t.opening);
	assert_int_equal(t.year, 3);
	assert_int_equal(t.opening_count, 15);
	assert_int_equal(t.total, (10 + 2) + (5 + 1) + 2);
	assert_int_equal(t.since, 1996);
	t = tally(f->db, "trainee", from, to);
	assert_int_equal(t.year, 2);
	assert_int_equal(t.total, 100 + 50 + 2);

	/* Placements are their office's, the one that starts their id:
	 * AAA's after its figure (2012) and before BBB's (2018) count,
	 * its own before its figure and BBB's before BBB's do not (the
	 * figures hold them); an office counts its own only. */
	f->cfg->role = role;
	f->cfg->office_id = "AAA";
	placement(f->db, 2011, "岐阜県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2014, "岐阜県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2016, "岐阜県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2019, "岐阜県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	f->cfg->office_id = "BBB";
	placement(f->db, 2016, "滋賀県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	placement(f->db, 2019, "滋賀県", KZ_TRP_LGOTP, KZ_TR_COMPLETED);
	f->cfg->office_id = own;
	f->cfg->role = KZ_ROLE_HEAD;
	t = tally(f->db, "trainee", from, to);
	assert_int_equal(t.year, 2 + 2);
	assert_int_equal(t.opening_count, 150);
	assert_int_equal(t.total, (100 + 3) + (50 + 1) + 2);
	/* FY2016, before BBB's figure: AAA's figure and its records
	 * after it, BBB's records all */
	kz_year_range(f->cfg, 2016, from, to);
	t = tally(f->db, "trainee", from, to);
	assert_int_equal(t.opening_count, 100);
	assert_int_equal(t.total, (100 + 2) + 1);
	f->cfg->role = role;

	kz_year_range(f->cfg, 2019, from, to);
	f->cfg->office_id = "BBB";
	t = tally(f->db, "trainee", from, to);	/* an office: its own */
	f->cfg->office_id = own;
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 50 + 1);
	f->cfg->office_id = "AAA";
	t = tally(f->db, "trainee", from, to);
	f->cfg->office_id = own;
	assert_int_equal(t.year, 1);
	assert_int_equal(t.total, 100 + 3);
	f->cfg->office_id = "CCC";	/* none of its own */
	t = tally(f->db, "trainee", from, to);
	f->cfg->office_id = own;
	assert_false(t.opening);
	assert_int_equal(t.total, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_pick),
		cmocka_unit_test_setup_teardown(test_opening_and_records,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_series_and_figures_only,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_opening_rules,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_report, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_head_office, unit_setup,
		    unit_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
