/* test_home.c - a database's office: recorded when made, another refused, a move recorded, a copy given its own bundle stream. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "home.h"
#include "sync_meta.h"

static const char bjs[] =
    "office:\n  id: BJS\n  name: Beijing\n  role: office\n";
static const char sgp[] =
    "office:\n  id: SIN\n  name: Singapore\n  role: office\n";
static const char head[] =
    "office:\n  id: TYO\n  name: Tokyo\n  role: head\n";

static struct kz_db *
open_as(const char *path, const struct kz_config *cfg, bool any,
    struct kz_home_open *h, int want)
{
	struct kz_err err = { 0 };
	struct kz_db *db = kz_db_open(path, cfg, &err);

	assert_non_null(db);
	assert_int_equal(kz_home_open(db, path, any, h, &err), want);
	if (want != KZ_OK) {
		assert_true(err.n > 0);
		kz_db_close(db);
		return NULL;
	}
	return db;
}

static void
test_home_made_and_refused(void **state)
{
	const char *dir = *state;
	char path[128];
	struct kz_config *b = unit_config(bjs), *s = unit_config(sgp),
	    *t = unit_config(head);
	struct kz_home_open h;
	struct kz_err err = { 0 };
	struct kz_db *db;

	snprintf(path, sizeof path, "%s/a.db", dir);
	db = open_as(path, b, false, &h, KZ_OK);
	assert_true(h.made);
	assert_false(h.copied);
	assert_string_equal(h.home.office, "BJS");
	assert_string_equal(h.home.role, "office");
	kz_db_close(db);
	/* opened again: nothing new */
	db = open_as(path, b, false, &h, KZ_OK);
	assert_false(h.made);
	kz_db_close(db);
	/* another office, another role: refused, naming both */
	db = kz_db_open(path, s, &err);
	assert_int_equal(kz_home_open(db, path, false, &h, &err), KZ_ERROR);
	assert_non_null(strstr(err.item[0].msg, "office BJS"));
	assert_non_null(strstr(err.item[0].msg, "office SIN"));
	assert_non_null(strstr(err.item[0].msg, "sync rehome SIN"));
	kz_db_close(db);
	assert_null(open_as(path, t, false, &h, KZ_ERROR));
	/* any_office opens it, for a move */
	db = open_as(path, s, true, &h, KZ_OK);
	assert_string_equal(h.home.office, "BJS");
	kz_db_close(db);
	kz_config_free(b);
	kz_config_free(s);
	kz_config_free(t);
}

static void
test_home_rehome(void **state)
{
	const char *dir = *state;
	char path[128], before[40], after[40];
	struct kz_config *b = unit_config(bjs), *s = unit_config(sgp);
	struct kz_home_open h;
	struct kz_home from, now;
	struct kz_err err = { 0 };
	struct kz_db *db;

	snprintf(path, sizeof path, "%s/r.db", dir);
	kz_db_close(open_as(path, b, false, &h, KZ_OK));
	db = open_as(path, s, true, &h, KZ_OK);
	assert_int_equal(kz_sync_meta_get(db, "db", before, sizeof before),
	    KZ_OK);
	/* to an office other than the configuration's: refused */
	assert_int_equal(kz_home_rehome(db, "TYO", &from, &err), KZ_ERROR);
	kz_err_clear(&err);
	assert_int_equal(kz_home_rehome(db, "SIN", &from, &err), KZ_OK);
	assert_string_equal(from.office, "BJS");
	assert_int_equal(kz_home_get(db, &now, &err), KZ_OK);
	assert_string_equal(now.office, "SIN");
	assert_string_equal(now.event, "rehome");
	assert_int_equal(kz_sync_meta_get(db, "db", after, sizeof after),
	    KZ_OK);
	assert_string_not_equal(before, after);
	assert_string_equal(now.db, after);
	/* and again: it is SIN's already */
	assert_int_equal(kz_home_rehome(db, "SIN", &from, &err), KZ_ERROR);
	kz_db_close(db);
	/* now Singapore opens it and Beijing is refused */
	kz_db_close(open_as(path, s, false, &h, KZ_OK));
	assert_null(open_as(path, b, false, &h, KZ_ERROR));
	kz_config_free(b);
	kz_config_free(s);
}

static void
test_home_copy(void **state)
{
	const char *dir = *state;
	char a[128], c[128], cmd[300], ida[40], idc[40];
	struct kz_config *b = unit_config(bjs);
	struct kz_home_open h;
	struct kz_db *db;

	snprintf(a, sizeof a, "%s/o.db", dir);
	snprintf(c, sizeof c, "%s/c.db", dir);
	db = open_as(a, b, false, &h, KZ_OK);
	assert_int_equal(kz_sync_meta_set(db, "exported", "3"), KZ_OK);
	kz_sync_meta_get(db, "db", ida, sizeof ida);
	kz_db_close(db);
	snprintf(cmd, sizeof cmd, "cp %s %s", a, c);
	assert_int_equal(system(cmd), 0);
	db = open_as(c, b, false, &h, KZ_OK);
	assert_true(h.copied);
	assert_string_equal(h.old_db, ida);
	kz_sync_meta_get(db, "db", idc, sizeof idc);
	assert_string_not_equal(ida, idc);
	assert_string_equal(h.home.event, "copy");
	assert_string_equal(h.home.office, "BJS");
	assert_int_equal(kz_sync_meta_number(db, "SELECT value FROM sync_meta "
	    "WHERE key = 'exported'"), 0);
	kz_db_close(db);
	/* the copy, opened again, is no new copy; the original never was */
	db = open_as(c, b, false, &h, KZ_OK);
	assert_false(h.copied);
	kz_db_close(db);
	db = open_as(a, b, false, &h, KZ_OK);
	assert_false(h.copied);
	assert_int_equal(kz_sync_meta_number(db, "SELECT value FROM sync_meta "
	    "WHERE key = 'exported'"), 3);
	kz_db_close(db);
	kz_config_free(b);
}

static void
test_home_demo_owner(void **state)
{
	struct kz_config *b = unit_config(bjs), *s = unit_config(sgp),
	    *t = unit_config(head);
	struct kz_db db = { 0 };
	struct kz_demo_owner o;

	(void)state;
	db.cfg = b;
	assert_true(kz_demo_owner_begin(&db, "BJS", &o));
	assert_ptr_equal(db.cfg, b);
	kz_demo_owner_end(&db, &o);
	db.cfg = s;
	/* an office has no other office's records */
	assert_false(kz_demo_owner_begin(&db, "BJS", &o));
	db.cfg = t;
	/* head office has them, under their owner's prefix */
	assert_true(kz_demo_owner_begin(&db, "BJS", &o));
	assert_string_equal(db.cfg->office_id, "BJS");
	kz_demo_owner_end(&db, &o);
	assert_ptr_equal(db.cfg, t);
	kz_config_free(b);
	kz_config_free(s);
	kz_config_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_home_made_and_refused,
		    unit_dir_setup, unit_dir_teardown),
		cmocka_unit_test_setup_teardown(test_home_rehome,
		    unit_dir_setup, unit_dir_teardown),
		cmocka_unit_test_setup_teardown(test_home_copy,
		    unit_dir_setup, unit_dir_teardown),
		cmocka_unit_test(test_home_demo_owner),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
