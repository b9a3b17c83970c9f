/* test_stats.c - the office's figures (core/stats.c) against a real database: every measure runs, trainees by country, attendance by edition, dispatches by year and field. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "demo.h"
#include "i18n.h"
#include "seminar.h"
#include "stats.h"
#include "trainee.h"
#include "year.h"

/* The row of s whose key is key, or NULL. */
static const struct kz_stat_row *
row(const struct kz_stat *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rows[i].key, key) == 0)
			return &s->rows[i];
	return NULL;
}

/* Every measure by every grouping runs over every year, a year and a
 * range; its groupings are found by name, the first by default; a bad
 * year is refused under --year, leaving nothing. */
static void
test_table(void **state)
{
	struct unit_fixture *f = *state;
	const char *years[] = { NULL, "2019", "FY2019", "2019-01-01..",
		"..2020-03-31" };
	struct kz_stat s;
	struct kz_err err = { 0 };
	char list[128];

	assert_non_null(kz_stat_measures[0]);
	for (size_t i = 0; kz_stat_measures[i]; i++) {
		const struct kz_stat_measure *m = kz_stat_measures[i];

		assert_ptr_equal(kz_stat_measure(m->name), m);
		assert_non_null(m->label);
		assert_non_null(m->help);
		assert_non_null(m->year);
		assert_true(m->nby > 0);
		assert_ptr_equal(kz_stat_by(m, NULL), &m->by[0]);
		for (size_t b = 0; b < m->nby; b++) {
			assert_ptr_equal(kz_stat_by(m, m->by[b].name),
			    &m->by[b]);
			assert_true(m->by[b].show != KZ_SK_ENUM ||
			    m->by[b].e != NULL);
			for (size_t y = 0; y < sizeof years / sizeof years[0];
			    y++) {
				if (kz_stat_run(f->db, m, &m->by[b], years[y],
				    &s, &err) != KZ_OK)
					fail_msg("%s by %s, %s: %s", m->name,
					    m->by[b].name, years[y] ? years[y] :
					    "all", err.item[0].msg);
				assert_int_equal(s.n, 0);
				assert_int_equal(s.total, 0);
				kz_stat_free(&s);
			}
		}
		assert_null(kz_stat_by(m, "nosuch"));
	}
	assert_null(kz_stat_measure("nosuch"));
	kz_stat_by_list(kz_stat_measure("trainees"), list, sizeof list);
	assert_string_equal(list, "year, region, country, programme, host");

	assert_int_equal(kz_stat_run(f->db, kz_stat_measure("dispatches"),
	    NULL, "20x9", &s, &err), KZ_ERROR);
	assert_string_equal(err.item[0].where, "--year");
	assert_int_equal(s.n, 0);
	assert_null(s.rows);
	kz_err_clear(&err);
	assert_int_equal(kz_stat_run(f->db, NULL, NULL, NULL, &s, &err),
	    KZ_ERROR);
	kz_err_clear(&err);
}

static void
trainee(struct unit_fixture *f, const char *home, const char *cc, int year,
    enum kz_trainee_programme p, enum kz_trainee_status st)
{
	struct kz_trainee t;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	kz_str_set(&t.host, "鳥取県");
	kz_str_set(&t.home_government, home);
	snprintf(t.home_country, sizeof t.home_country, "%s", cc);
	t.year = year;
	t.programme = p;
	t.status = st;
	if (kz_trainee_insert(f->db, &t, &err) != KZ_OK)
		fail_msg("%s", err.item[0].msg);
	kz_trainee_free(&t);
}

/* Trainees by country: a total, the number of countries (the MLIT
 * bureau's 680 from 57), the largest first, names in the reader's
 * language and codes kept; the withdrawn not counted; by year and
 * programme as people read them. */
static void
test_trainees(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_stat_measure *m = kz_stat_measure("trainees");
	struct kz_stat s;
	struct kz_err err = { 0 };
	const char *cc[] = { "CN", "CN", "CN", "CN", "KR", "KR", "KR", "TH",
		"TH", "VN" };

	for (size_t i = 0; i < sizeof cc / sizeof cc[0]; i++)
		trainee(f, "某市", cc[i], 2019, i % 3 ? KZ_TRP_LGOTP :
		    KZ_TRP_JICA, KZ_TR_COMPLETED);
	trainee(f, "某市", "CN", 2020, KZ_TRP_LGOTP, KZ_TR_ONGOING);
	trainee(f, "某市", "MY", 2019, KZ_TRP_LGOTP, KZ_TR_WITHDRAWN);

	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "country"),
	    "2019", &s, &err), KZ_OK);
	assert_int_equal(s.total, 10);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.year, 2019);
	assert_string_equal(s.from, "2019-04-01");
	assert_string_equal(s.to, "2020-03-31");
	assert_string_equal(s.rows[0].key, "CN");
	assert_int_equal(s.rows[0].value, 4);
	assert_string_equal(s.rows[0].label, "China");
	assert_string_equal(s.rows[1].key, "KR");
	assert_string_equal(s.rows[3].key, "VN");
	assert_int_equal(s.max, 4);
	assert_null(row(&s, "MY"));
	kz_stat_free(&s);

	/* every year: by year in order, named as the office names them */
	assert_int_equal(kz_stat_run(f->db, m, NULL, NULL, &s, &err), KZ_OK);
	assert_int_equal(s.total, 11);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.rows[0].key, "2019");
	assert_string_equal(s.rows[0].label, "FY2019");
	assert_int_equal(s.rows[1].value, 1);
	kz_stat_free(&s);

	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "programme"),
	    "2019", &s, &err), KZ_OK);
	assert_non_null(row(&s, "jica"));
	assert_int_equal(row(&s, "jica")->value, 4);
	assert_string_equal(row(&s, "lgotp")->label, "LGOTP");
	kz_stat_free(&s);

	/* a calendar-year office names the year plainly */
	f->cfg->year_start = 1;
	assert_int_equal(kz_stat_run(f->db, m, NULL, NULL, &s, &err), KZ_OK);
	assert_string_equal(s.rows[0].label, "2019");
	kz_stat_free(&s);
	f->cfg->year_start = 4;
}

/* The MLIT bureau's 680 trainees from 57 countries, countable: a row a
 * country, 57 rows, 680 in all. */
static void
test_680(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_stat_measure *m = kz_stat_measure("trainees");
	struct kz_stat s;
	struct kz_err err = { 0 };
	long sum = 0;

	assert_true(kz_country_count() >= 57);
	for (int i = 0; i < 680; i++)
		trainee(f, "某市", kz_country_code_at((size_t)(i % 57)), 2019,
		    KZ_TRP_JICA, KZ_TR_COMPLETED);
	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "country"), NULL,
	    &s, &err), KZ_OK);
	assert_int_equal(s.total, 680);
	assert_int_equal(s.n, 57);
	for (size_t i = 0; i < s.n; i++)
		sum += s.rows[i].value;
	assert_int_equal(sum, 680);
	/* 680 = 57 * 11 + 53: 53 countries with 12, the largest first */
	assert_int_equal(s.rows[0].value, 12);
	assert_int_equal(s.rows[56].value, 11);
	assert_int_equal(s.max, 12);
	kz_stat_free(&s);
}

/* Attendance by edition, with its parts; a year it was not held in
 * gives nothing. */
static void
test_attendance(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_stat_measure *m = kz_stat_measure("seminars");
	struct kz_stat s;
	struct kz_seminar e;
	struct kz_err err = { 0 };
	char series[KZ_ID_SIZE], ed[KZ_ID_SIZE];

	unit_edition(f->db, series, ed);
	/* no attendance recorded: not a row */
	assert_int_equal(kz_stat_run(f->db, m, NULL, NULL, &s, &err), KZ_OK);
	assert_int_equal(s.n, 0);
	kz_stat_free(&s);
	assert_int_equal(kz_seminar_get(f->db, ed, &e, &err), KZ_OK);
	assert_int_equal(kz_seminar_parse_attendance(&e, "178: Japanese 61, "
	    "Chinese 117", &err), KZ_OK);
	assert_int_equal(kz_seminar_update(f->db, &e, &err), KZ_OK);
	kz_seminar_free(&e);

	assert_int_equal(kz_stat_run(f->db, m, NULL, "2019", &s, &err), KZ_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0].key, "cj/18");
	assert_string_equal(s.rows[0].label, "cj/18 2019");
	assert_string_equal(s.rows[0].parts, "Japanese 61, Chinese 117");
	assert_int_equal(s.rows[0].value, 178);
	assert_int_equal(s.total, 178);
	kz_stat_free(&s);
	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "series"),
	    NULL, &s, &err), KZ_OK);
	assert_string_equal(s.rows[0].key, "cj");
	assert_null(s.rows[0].parts);
	kz_stat_free(&s);
	/* held in August 2019: not in FY2018, nor in a range before it */
	assert_int_equal(kz_stat_run(f->db, m, NULL, "2018", &s, &err), KZ_OK);
	assert_int_equal(s.n, 0);
	kz_stat_free(&s);
	assert_int_equal(kz_stat_run(f->db, m, NULL, "..2019-08-20", &s,
	    &err), KZ_OK);
	assert_int_equal(s.n, 0);
	kz_stat_free(&s);
	assert_int_equal(kz_stat_run(f->db, kz_stat_measure("editions"), NULL,
	    NULL, &s, &err), KZ_OK);
	assert_int_equal(s.total, 1);
	kz_stat_free(&s);
}

/* Head office's demo (Beijing's 2019 among it): dispatches by year, a
 * dispatch in each of its request's fields and once in the total, by
 * field names from fields.yaml and by country names. */
static void
test_dispatches(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_stat_measure *m = kz_stat_measure("dispatches");
	struct kz_stat s;
	struct kz_err err = { 0 };
	long sum = 0, all;

	assert_int_equal(kz_demo_load(f->db, &err), KZ_OK);
	assert_int_equal(kz_stat_run(f->db, m, NULL, NULL, &s, &err), KZ_OK);
	all = s.total;
	for (size_t i = 0; i < s.n; i++) {
		sum += s.rows[i].value;
		if (i)	/* years in order */
			assert_true(atoi(s.rows[i - 1].key) <
			    atoi(s.rows[i].key));
	}
	assert_int_equal(sum, all);
	assert_non_null(row(&s, "2019"));
	kz_stat_free(&s);

	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "field"), "2019",
	    &s, &err), KZ_OK);
	assert_true(s.total >= 2);
	sum = 0;
	for (size_t i = 0; i < s.n; i++) {
		sum += s.rows[i].value;
		/* a field by its name in fields.yaml */
		const struct kz_field *fd = kz_config_field(f->cfg,
		    s.rows[i].key);

		assert_non_null(fd);
		assert_string_equal(s.rows[i].label, kz_field_name(f->cfg,
		    fd));
		if (i)	/* the largest first */
			assert_true(s.rows[i - 1].value >= s.rows[i].value);
	}
	assert_true(sum >= s.total);
	kz_stat_free(&s);

	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "country"), NULL,
	    &s, &err), KZ_OK);
	assert_int_equal(s.total, all);
	assert_non_null(row(&s, "CN"));
	assert_string_equal(row(&s, "CN")->label, "China");
	kz_stat_free(&s);
}

/* Under a Chinese office: fields by their Chinese names (fields.yaml),
 * countries by iso-codes' (where installed), years as 2019年度. */
static void
test_labels(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_stat_measure *m = kz_stat_measure("dispatches");
	struct kz_stat s;
	struct kz_err err = { 0 };
	char fy[32];

	assert_int_equal(kz_demo_load(f->db, &err), KZ_OK);
	kz_i18n_set_language("zh_CN");
	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "field"), NULL,
	    &s, &err), KZ_OK);
	assert_true(s.n > 1);
	for (size_t i = 0; i < s.n; i++) {
		const struct kz_field *fd = kz_config_field(f->cfg,
		    s.rows[i].key);

		assert_non_null(fd);
		assert_string_equal(s.rows[i].label, fd->name_zh);
	}
	kz_stat_free(&s);
	assert_int_equal(kz_stat_run(f->db, m, kz_stat_by(m, "country"), NULL,
	    &s, &err), KZ_OK);
	if (kz_country_iso())
		assert_string_equal(row(&s, "CN")->label, "中国");
	kz_stat_free(&s);
	assert_int_equal(kz_stat_run(f->db, m, NULL, "2019", &s, &err), KZ_OK);
	kz_year_name(f->cfg, 2019, fy, sizeof fy);
	assert_string_equal(s.rows[0].label, fy);
	kz_stat_free(&s);
	kz_i18n_set_language("en");
}

static int
setup_zh(void **state)
{
	return unit_setup_with(state, "office:\n  id: TYO\n  name: Tokyo\n"
	    "  role: head\n  language: zh_CN\n");
}

static int
back_to_english(void **state)
{
	kz_i18n_set_language("en");
	return unit_teardown(state);
}

/* Head office's demo holds every office's records (demo.h). */
static int
setup_head(void **state)
{
	return unit_setup_with(state, "office:\n  id: TYO\n  name: Tokyo\n"
	    "  role: head\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_trainees, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_680, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_attendance, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_dispatches, setup_head,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_labels, setup_zh,
		    back_to_english),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
