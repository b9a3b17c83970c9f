/* test_sync_count.c - an import counts what it did as people count it:
 * the records it changed, found already here and kept aside, by kind,
 * each once however many of its rows (fields, languages, history). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "dispatch.h"
#include "request.h"
#include "specialist.h"
#include "sync.h"
#include "sync_records.h"

enum { TYO, BJS };	/* unit_pair_setup's */

/* The kinds as sync_records.h tells them, in its order; head office's
 * bookings last. */
enum { K_SPECIALIST, K_REQUEST, K_DISPATCH, K_COST,
    K_BOOKING = KZ_SYNC_KINDS - 1 };

/* A specialist of three fields and two languages: six rows. */
static void
add_specialist(struct kz_db *db, char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, "佐藤健一");
	kz_str_set(&s.name_roman, "Kenichi Sato");
	kz_str_set(&s.government, "島根県");
	kz_str_set(&s.post, "主任");
	assert_int_equal(kz_specialist_add_field(&s, "agriculture", "野菜", 10),
	    KZ_OK);
	assert_int_equal(kz_specialist_add_field(&s, "education", NULL, 5),
	    KZ_OK);
	assert_int_equal(kz_specialist_add_field(&s, "tourism", NULL, 3),
	    KZ_OK);
	assert_int_equal(kz_specialist_add_lang(&s, "en", KZ_LEVEL_FLUENT),
	    KZ_OK);
	assert_int_equal(kz_specialist_add_lang(&s, "zh", KZ_LEVEL_FLUENT),
	    KZ_OK);
	assert_int_equal(kz_specialist_insert(db, &s, &err), KZ_OK);
	memcpy(id, s.id, KZ_ID_SIZE);
	kz_specialist_free(&s);
}

static void
add_request(struct kz_db *db, char id[KZ_ID_SIZE])
{
	struct kz_request r;
	struct kz_err err = { 0 };

	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "CN");
	kz_str_set(&r.province, "河南省");
	snprintf(r.received, sizeof r.received, "2019-05-20");
	assert_int_equal(kz_request_parse_fields(db->cfg, &r, "agriculture",
	    &err), KZ_OK);
	kz_str_set(&r.topic, "tea");
	snprintf(r.wish_start, sizeof r.wish_start, "2027-04-01");
	snprintf(r.wish_end, sizeof r.wish_end, "2027-04-10");
	kz_str_set(&r.language, "zh");
	r.interpreting = KZ_INTERP_HOST;
	assert_int_equal(kz_request_insert(db, &r, &err), KZ_OK);
	memcpy(id, r.id, KZ_ID_SIZE);
	kz_request_free(&r);
}

static void
add_dispatch(struct kz_db *db, const char *req, const char *sp)
{
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = true };
	struct kz_err err = { 0 };

	kz_dispatch_init(&d);
	snprintf(d.request, sizeof d.request, "%s", req);
	snprintf(d.specialist, sizeof d.specialist, "%s", sp);
	snprintf(d.start, sizeof d.start, "2027-04-01");
	snprintf(d.end, sizeof d.end, "2027-04-08");
	assert_int_equal(kz_dispatch_insert(db, &d, &o, &err), KZ_OK);
	kz_dispatch_free(&d);
}

static void
edit_post(struct kz_db *db, const char *id, const char *post)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_get(db, id, &s, &err), KZ_OK);
	kz_str_set(&s.post, post);
	assert_int_equal(kz_specialist_update(db, &s, &err), KZ_OK);
	kz_specialist_free(&s);
}

/* d's changes (all: every record) to e; the import's result. */
static struct kz_sync_result
send(struct unit_offices *f, int d, int e, bool all)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char path[128], buf[KZ_ERR_MSG + 100];

	snprintf(path, sizeof path, "%s/b%d.kzb", f->dir, f->nfile++);
	if (kz_sync_export(f->db[d], path, all, &res, &err) != KZ_OK)
		fail_msg("export: %s", kz_err_first(&err, buf, sizeof buf));
	assert_false(res.nothing);
	if (kz_sync_import(f->db[e], path, &res, &err) != KZ_OK)
		fail_msg("import: %s", kz_err_first(&err, buf, sizeof buf));
	assert_false(res.nothing);
	return res;
}

/* c counts total records, and of the kinds below as given. */
static void
counted(const struct kz_sync_count *c, long total, long spec, long req,
    long dsp)
{
	assert_int_equal(c->records, total);
	assert_int_equal(c->n[K_SPECIALIST], spec);
	assert_int_equal(c->n[K_REQUEST], req);
	assert_int_equal(c->n[K_DISPATCH], dsp);
}

/* A specialist of six rows, a request and its dispatch with its cost
 * lines (and head office's booking of the specialist), applied: records,
 * each once; applied again in a full bundle:
 * all of them already here; an edit that clashes: one specialist kept
 * aside (and changed, its other fields merged). */
static void
test_import_counts_records(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], want[128];
	long costs;

	setenv("KIZUNA_NOW", "2026-11-01T09:00:00Z", 1);
	add_specialist(f->db[TYO], sp);
	add_request(f->db[TYO], req);
	add_dispatch(f->db[TYO], req, sp);

	r = send(f, TYO, BJS, false);
	assert_true(r.applied > 10);	/* rows: far more than records */
	costs = r.changed.n[K_COST];
	assert_true(costs > 0);		/* the dispatch's cost lines */
	assert_int_equal(r.changed.n[K_BOOKING], 1);
	counted(&r.changed, 4 + costs, 1, 1, 1);
	counted(&r.here, 0, 0, 0, 0);
	counted(&r.kept, 0, 0, 0, 0);
	snprintf(want, sizeof want, "specialist 1, request 1, dispatch 1, "
	    "cost line %ld, booking 1", costs);
	assert_string_equal(r.changed.kinds, want);
	assert_string_equal(r.here.kinds, "");

	/* the same again, whole: every record already here */
	r = send(f, TYO, BJS, true);
	assert_int_equal(r.applied, 0);
	counted(&r.changed, 0, 0, 0, 0);
	counted(&r.here, 4 + costs, 1, 1, 1);
	assert_int_equal(r.here.n[K_COST], costs);
	assert_int_equal(r.here.n[K_BOOKING], 1);
	counted(&r.kept, 0, 0, 0, 0);
	assert_string_equal(r.changed.kinds, "");

	/* both edit the post, head office its notes too: the post is kept
	 * aside, the notes merge; one specialist either way */
	setenv("KIZUNA_NOW", "2026-11-02T09:00:00Z", 1);
	edit_post(f->db[BJS], sp, "北京的想法");
	setenv("KIZUNA_NOW", "2026-11-02T10:00:00Z", 1);
	{
		struct kz_specialist s;
		struct kz_err err = { 0 };

		kz_specialist_init(&s);
		assert_int_equal(kz_specialist_get(f->db[TYO], sp, &s, &err),
		    KZ_OK);
		kz_str_set(&s.post, "東京の考え");
		kz_str_set(&s.notes, "東京のメモ");
		assert_int_equal(kz_specialist_update(f->db[TYO], &s, &err),
		    KZ_OK);
		kz_specialist_free(&s);
	}
	r = send(f, TYO, BJS, false);
	assert_int_equal(r.conflicts, 1);
	counted(&r.kept, 1, 1, 0, 0);
	assert_string_equal(r.kept.kinds, "specialist 1");
	counted(&r.changed, 1, 1, 0, 0);
	counted(&r.here, 0, 0, 0, 0);	/* changed or kept: not here */
	unsetenv("KIZUNA_NOW");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_counts_records,
		    unit_pair_setup, unit_pair_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
