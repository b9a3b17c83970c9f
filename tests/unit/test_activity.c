/* test_activity.c - the records of what an office does: each kind's
 * rules, the generic insert, update, get, delete and count, the CSV
 * importer, and the year a record is placed in. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "activity.h"
#include "i18n.h"
#include "rlist.h"

/* Set the named fields from text, as a form or a file does. */
static void
set(const struct kz_akind *k, void *rec, const char *field, const char *v)
{
	struct kz_err err = { 0 };
	const struct kz_rfield *f = kz_rtype_field(k->rt, field);

	assert_non_null(f);
	assert_int_equal(kz_rfield_set(f, rec, v, &err), KZ_OK);
}

/* The message under place after a failed validate, or NULL. */
static const char *
problem(struct kz_db *db, const struct kz_akind *k, void *rec,
    const char *place)
{
	static struct kz_err err;

	memset(&err, 0, sizeof err);
	if (kz_activity_validate(db, k, rec, &err) == KZ_OK)
		return NULL;
	return kz_err_for(&err, place);
}

static void
test_kinds(void **state)
{
	size_t n = 0;

	(void)state;
	for (; kz_akinds[n]; n++) {
		const struct kz_akind *k = kz_akinds[n];

		assert_ptr_equal(kz_akind_find(k->name), k);
		assert_ptr_equal(kz_akind_find(k->table), k);
		assert_ptr_equal(kz_akind_of(k->kind), k);
		assert_ptr_equal(k->list->rt, k->rt);
		assert_int_equal(k->list->size, k->size);
		assert_string_equal(kz_record_table(k->kind), k->table);
		/* what places a record in a year is one of its fields */
		assert_true((k->date == NULL) != (k->year == NULL));
		assert_non_null(kz_rtype_field(k->rt, k->date ? k->date :
		    k->year));
		for (size_t i = 0; k->by && k->by[i]; i++)
			assert_non_null(kz_rtype_field(k->rt, k->by[i]));
	}
	assert_int_equal(n, 7);
	assert_null(kz_akind_find("trainee"));
	assert_ptr_equal(kz_akind_find("rep_office"), &kz_akind_rep_office);
	assert_ptr_equal(kz_akind_find("repoffice"), &kz_akind_rep_office);
}

static void
test_support_rules(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_akind *k = &kz_akind_support;
	struct kz_support s;

	kz_activity_init(k, &s);
	assert_non_null(problem(f->db, k, &s, "start"));
	assert_non_null(problem(f->db, k, &s, "government"));
	set(k, &s, "start", "2019-09-02");
	set(k, &s, "government", "京都府");
	assert_null(problem(f->db, k, &s, "start"));
	set(k, &s, "end", "2019-09-01");
	assert_non_null(problem(f->db, k, &s, "end"));
	set(k, &s, "end", "2019-09-02");
	assert_null(problem(f->db, k, &s, "end"));
	set(k, &s, "kind", "briefing");
	assert_int_equal(s.kind, KZ_SUP_BRIEFING);
	kz_activity_free(k, &s);
}

static void
test_research_rules(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_akind *k = &kz_akind_research;
	struct kz_research r;

	kz_activity_init(k, &r);
	set(k, &r, "government", "兵庫県");
	set(k, &r, "topic", "logistics");
	set(k, &r, "requested", "2019-05-01");
	assert_null(problem(f->db, k, &r, "delivered"));
	/* delivered needs its day; a day needs the status */
	set(k, &r, "status", "delivered");
	assert_non_null(problem(f->db, k, &r, "delivered"));
	set(k, &r, "delivered", "2019-04-01");
	assert_non_null(problem(f->db, k, &r, "delivered"));	/* before */
	set(k, &r, "delivered", "2019-06-01");
	assert_null(problem(f->db, k, &r, "delivered"));
	set(k, &r, "status", "in_progress");
	assert_non_null(problem(f->db, k, &r, "status"));
	set(k, &r, "due", "2019-04-30");
	assert_non_null(problem(f->db, k, &r, "due"));
	kz_activity_free(k, &r);
}

static void
test_jet_rules(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_akind *k = &kz_akind_jet;
	struct kz_jet j;

	kz_activity_init(k, &j);
	assert_non_null(problem(f->db, k, &j, "year"));	/* required */
	set(k, &j, "year", "2019");
	set(k, &j, "kind", "CIR");
	set(k, &j, "level", "designated_city");
	assert_int_equal(j.kind, KZ_JET_CIR);
	assert_int_equal(j.level, KZ_JET_DESIGNATED_CITY);
	assert_null(problem(f->db, k, &j, "year"));
	j.participants = -1;
	assert_non_null(problem(f->db, k, &j, "participants"));
	j.participants = 2;
	j.joined = 3;
	assert_non_null(problem(f->db, k, &j, "joined"));
	j.joined = 2;
	assert_null(problem(f->db, k, &j, "joined"));
	j.year = 1900;
	assert_non_null(problem(f->db, k, &j, "year"));
	kz_activity_free(k, &j);
}

static void
test_other_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_promotion p;
	struct kz_rep_office o;
	struct kz_friendship fr;
	struct kz_delegation d;

	kz_activity_init(&kz_akind_promotion, &p);
	assert_non_null(problem(f->db, &kz_akind_promotion, &p, "name"));
	set(&kz_akind_promotion, &p, "name", "BITE");
	set(&kz_akind_promotion, &p, "start", "2019-06-18");
	set(&kz_akind_promotion, &p, "end", "2019-06-17");
	assert_non_null(problem(f->db, &kz_akind_promotion, &p, "end"));
	kz_activity_free(&kz_akind_promotion, &p);

	kz_activity_init(&kz_akind_rep_office, &o);
	set(&kz_akind_rep_office, &o, "government", "兵庫県");
	set(&kz_akind_rep_office, &o, "city", "上海");
	set(&kz_akind_rep_office, &o, "opened", "1990-04-01");
	set(&kz_akind_rep_office, &o, "closed", "1989-04-01");
	assert_non_null(problem(f->db, &kz_akind_rep_office, &o, "closed"));
	kz_activity_free(&kz_akind_rep_office, &o);

	kz_activity_init(&kz_akind_friendship, &fr);
	set(&kz_akind_friendship, &fr, "japanese", "神戸市");
	assert_non_null(problem(f->db, &kz_akind_friendship, &fr, "partner"));
	kz_activity_free(&kz_akind_friendship, &fr);

	kz_activity_init(&kz_akind_delegation, &d);
	set(&kz_akind_delegation, &d, "who", "青森県訪問団");
	set(&kz_akind_delegation, &d, "start", "2019-10-15");
	set(&kz_akind_delegation, &d, "specialists", "KZ-NONE-0000");
	assert_int_equal(d.nspecialists, 1);
	assert_non_null(problem(f->db, &kz_akind_delegation, &d,
	    "specialists"));
	kz_activity_free(&kz_akind_delegation, &d);
}

/* Insert, get, update over the stamp read, count, delete: one path. */
static void
test_write_read(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_akind *k = &kz_akind_support;
	struct kz_support s, g, stale;
	struct kz_err err = { 0 };
	struct kz_rlist_query q;
	struct kz_counts c;
	char id[KZ_ID_SIZE], ask[400];

	kz_activity_init(k, &s);
	set(k, &s, "start", "2020-03-31");
	set(k, &s, "government", "京都府");
	set(k, &s, "kind", "venue");
	assert_int_equal(kz_activity_insert(f->db, k, &s, &err), KZ_OK);
	assert_true(s.id[0] != '\0');
	memcpy(id, s.id, sizeof id);
	assert_int_equal(kz_activity_year(f->db, k, &s), 2019);
	kz_activity_free(k, &s);

	assert_int_equal(kz_activity_get(f->db, k, id, &g, &err), KZ_OK);
	assert_string_equal(g.government, "京都府");
	assert_int_equal(g.kind, KZ_SUP_VENUE);
	assert_int_equal(kz_activity_get(f->db, k, id, &stale, &err), KZ_OK);
	set(k, &g, "place", "北京市");
	assert_int_equal(kz_activity_update(f->db, k, &g, &err), KZ_OK);
	/* a copy read before that update writes nothing */
	set(k, &stale, "place", "上海市");
	assert_int_equal(kz_activity_update(f->db, k, &stale, &err),
	    KZ_STALE);
	kz_err_clear(&err);
	kz_activity_free(k, &stale);
	kz_activity_free(k, &g);
	assert_int_equal(kz_activity_get(f->db, k, id, &g, &err), KZ_OK);
	assert_string_equal(g.place, "北京市");
	kz_activity_free(k, &g);

	/* counted by the reporting year: 31 March 2020 is in 2019 */
	kz_rlist_query_init(&q, k->list);
	assert_int_equal(kz_activity_count(f->db, k, &q, "year", &c, &err),
	    KZ_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.c[0].key, "2019");
	kz_counts_free(&c);
	assert_int_equal(kz_activity_count(f->db, k, &q, "colour", &c, &err),
	    KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--by"));
	kz_err_clear(&err);

	assert_int_equal(kz_activity_delete_question(f->db, k, id, ask,
	    sizeof ask, &err), KZ_OK);
	assert_non_null(strstr(ask, id));
	assert_non_null(strstr(ask, "京都府"));
	assert_int_equal(kz_activity_delete(f->db, k, id, &err), KZ_OK);
	assert_int_equal(kz_activity_get(f->db, k, id, &g, &err), KZ_ERROR);
	kz_activity_free(k, &g);
}

/* The importer: all or nothing, lines named, duplicates skipped. */
static void
test_import(void **state)
{
	struct unit_fixture *f = *state;
	const struct kz_akind *k = &kz_akind_jet;
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	static const char bad[] = "year,kind,level,placement,participants,"
	    "joined\n2019,alt,prefecture,福井県,1,1\n2019,cir,prefecture,"
	    "長崎県,1,2\n";
	static const char good[] = "year,kind,level,placement,participants,"
	    "joined\n2019,alt,prefecture,福井県,1,1\n2019,cir,"
	    "municipality,宮崎市,2,1\n";
	struct kz_rlist_query q;
	struct kz_counts c;

	assert_int_equal(kz_activity_import(f->db, k, "j.csv", bad,
	    sizeof bad - 1, false, &rep, &err), KZ_ERROR);
	assert_non_null(strstr(kz_buf_str(&rep.log), "j.csv:3: joined:"));
	assert_int_equal(rep.imported, 0);
	kz_import_report_free(&rep);
	kz_err_clear(&err);
	kz_rlist_query_init(&q, k->list);
	assert_int_equal(kz_activity_count(f->db, k, &q, NULL, &c, &err),
	    KZ_OK);
	assert_int_equal(c.total, 0);	/* nothing was written */
	kz_counts_free(&c);

	assert_int_equal(kz_activity_import(f->db, k, "j.csv", bad,
	    sizeof bad - 1, true, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 1);
	assert_int_equal(rep.skipped, 1);
	kz_import_report_free(&rep);
	assert_int_equal(kz_activity_import(f->db, k, "g.csv", good,
	    sizeof good - 1, false, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 2);
	kz_import_report_free(&rep);
	assert_int_equal(kz_activity_count(f->db, k, &q, "level", &c, &err),
	    KZ_OK);
	assert_int_equal(c.total, 3);
	assert_string_equal(c.c[0].key, "prefecture");
	assert_int_equal(c.c[0].n, 2);
	kz_counts_free(&c);
	/* people, not lines: 1 + 1 + 2 taking part, 1 + 1 + 1 new */
	assert_int_equal(kz_activity_sum(f->db, k, &q, "year", "participants",
	    &c, &err), KZ_OK);
	assert_int_equal(c.total, 4);
	assert_string_equal(c.c[0].key, "2019");
	kz_counts_free(&c);
	assert_int_equal(kz_activity_sum(f->db, k, &q, "kind", "joined", &c,
	    &err), KZ_OK);
	assert_int_equal(c.total, 3);
	kz_counts_free(&c);
	assert_int_equal(kz_activity_sum(f->db, k, &q, NULL, "placement", &c,
	    &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "--sum"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test_setup_teardown(test_support_rules, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_research_rules,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_jet_rules, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_other_rules, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_write_read, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_import, unit_setup,
		    unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
