/* test_stale.c - no lost update: an update writes only over the stamp it was read with (issue 9 item 5). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "record.h"
#include "rtype.h"
#include "specialist.h"
#include "trainee.h"

static void
set(const struct kz_rtype *rt, void *rec, const char *name, const char *v)
{
	struct kz_err err = { 0 };

	assert_int_equal(kz_rfield_set(kz_rtype_field(rt, name), rec, v, &err),
	    KZ_OK);
}

static void
add_specialist(struct kz_db *db, struct kz_specialist *s)
{
	struct kz_err err = { 0 };

	kz_specialist_init(s);
	set(&kz_specialist_type, s, "name", "佐藤健一");
	set(&kz_specialist_type, s, "name_roman", "Ken'ichi Sato");
	set(&kz_specialist_type, s, "government", "島根県");
	set(&kz_specialist_type, s, "notes", "first");
	set(&kz_specialist_type, s, "email", "sato@example.org");
	set(&kz_specialist_type, s, "languages", "zh:business");
	assert_int_equal(kz_specialist_insert(db, s, &err), KZ_OK);
}

/* The next stamp is later than the one before, even when the clock
 * stands still (a pinned KIZUNA_NOW, two saves in one second). */
static void
test_stamp_next(void **state)
{
	char u[32] = "2026-11-21T08:00:00Z";

	(void)state;
	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	kz_stamp_next(u);
	assert_string_equal(u, "2026-11-21T08:00:01Z");
	kz_stamp_next(u);
	assert_string_equal(u, "2026-11-21T08:00:02Z");
	memcpy(u, "2026-12-31T23:59:59Z", 21);
	kz_stamp_next(u);
	assert_string_equal(u, "2027-01-01T00:00:00Z");
	/* the clock ahead: now */
	memcpy(u, "2026-11-20T08:00:00Z", 21);
	kz_stamp_next(u);
	assert_string_equal(u, "2026-11-21T08:00:00Z");
	/* none yet: now */
	u[0] = '\0';
	kz_stamp_next(u);
	assert_string_equal(u, "2026-11-21T08:00:00Z");
	unsetenv("KIZUNA_NOW");
}

/* The case: a form holds the record; a script changes notes and
 * e-mail; the form's save is refused, writes nothing, and says what the
 * stamp is now. Saving again over the new stamp goes through. */
static void
test_specialist_stale(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s, form, script, back;
	struct kz_err err = { 0 };
	char now[32];

	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	add_specialist(f->db, &s);
	assert_int_equal(kz_specialist_get(f->db, s.id, &form, &err), KZ_OK);
	assert_int_equal(kz_specialist_get(f->db, s.id, &script, &err), KZ_OK);
	/* the script, in the same second */
	set(&kz_specialist_type, &script, "notes", "theirs");
	set(&kz_specialist_type, &script, "email", "new@example.org");
	assert_int_equal(kz_specialist_update(f->db, &script, &err), KZ_OK);
	assert_string_not_equal(script.updated, form.updated);

	/* the form, read before */
	set(&kz_specialist_type, &form, "post", "所长");
	set(&kz_specialist_type, &form, "languages", "en:fluent");
	memcpy(now, form.updated, sizeof now);
	assert_int_equal(kz_specialist_update(f->db, &form, &err), KZ_STALE);
	assert_true(err.stale);
	assert_non_null(kz_err_for(&err, "updated"));
	assert_non_null(strstr(kz_err_for(&err, "updated"), script.updated));
	assert_non_null(strstr(kz_err_for(&err, "updated"), s.id));
	/* the caller's stamp is as it was read, to be shown or retried */
	assert_string_equal(form.updated, now);

	/* nothing written: not the row, not its children */
	assert_int_equal(kz_specialist_get(f->db, s.id, &back, &err), KZ_OK);
	assert_string_equal(back.notes, "theirs");
	assert_string_equal(back.email, "new@example.org");
	assert_null(back.post);
	assert_int_equal((int)back.nlangs, 1);
	assert_string_equal(back.langs[0].lang, "zh");
	assert_string_equal(back.updated, script.updated);

	/* over the stamp it has now, the save goes through */
	kz_err_clear(&err);
	memcpy(form.updated, back.updated, sizeof form.updated);
	assert_int_equal(kz_specialist_update(f->db, &form, &err), KZ_OK);
	assert_false(err.stale);
	kz_specialist_free(&back);
	assert_int_equal(kz_specialist_get(f->db, s.id, &back, &err), KZ_OK);
	assert_string_equal(back.post, "所长");
	assert_string_equal(back.langs[0].lang, "en");

	kz_specialist_free(&s);
	kz_specialist_free(&form);
	kz_specialist_free(&script);
	kz_specialist_free(&back);
	unsetenv("KIZUNA_NOW");
}

/* A record with no stamp read (built by hand) is written whatever the
 * row's stamp: the check is the caller's to ask for. */
static void
test_no_stamp_no_check(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s, back;
	struct kz_err err = { 0 };

	add_specialist(f->db, &s);
	s.updated[0] = '\0';
	set(&kz_specialist_type, &s, "notes", "mine");
	assert_int_equal(kz_specialist_update(f->db, &s, &err), KZ_OK);
	assert_int_equal(kz_specialist_get(f->db, s.id, &back, &err), KZ_OK);
	assert_string_equal(back.notes, "mine");
	/* kz_rtype_update_if with NULL: no check either (a write to a
	 * travelling table is made inside a transaction, as every writer's) */
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(kz_rtype_update_if(f->db, &kz_specialist_type, &back,
	    NULL, &err), KZ_OK);
	/* and with a wrong one: refused */
	assert_int_equal(kz_rtype_update_if(f->db, &kz_specialist_type, &back,
	    "2000-01-01T00:00:00Z", &err), KZ_STALE);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	kz_specialist_free(&s);
	kz_specialist_free(&back);
}

/* A record type on kz_stamps (struct kz_stamps in .st) the same way. */
static void
test_trainee_stale(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t, a, b, back;
	struct kz_err err = { 0 };

	kz_trainee_init(&t);
	set(&kz_trainee_type, &t, "host", "岩手县");
	set(&kz_trainee_type, &t, "home", "辽宁省大连市");
	set(&kz_trainee_type, &t, "country", "cn");
	set(&kz_trainee_type, &t, "name", "王芳");
	set(&kz_trainee_type, &t, "roman", "Wang Fang");
	set(&kz_trainee_type, &t, "start", "2019-10-01");
	set(&kz_trainee_type, &t, "end", "2020-03-31");
	assert_int_equal(kz_trainee_insert(f->db, &t, &err), KZ_OK);
	assert_int_equal(kz_trainee_get(f->db, t.id, &a, &err), KZ_OK);
	assert_int_equal(kz_trainee_get(f->db, t.id, &b, &err), KZ_OK);
	set(&kz_trainee_type, &a, "notes", "a");
	assert_int_equal(kz_trainee_update(f->db, &a, &err), KZ_OK);
	set(&kz_trainee_type, &b, "notes", "b");
	assert_int_equal(kz_trainee_update(f->db, &b, &err), KZ_STALE);
	assert_true(err.stale);
	assert_int_equal(kz_trainee_get(f->db, t.id, &back, &err), KZ_OK);
	assert_string_equal(back.notes, "a");
	/* a second save of the same copy goes on from its own new stamp */
	set(&kz_trainee_type, &a, "notes", "a2");
	kz_err_clear(&err);
	assert_int_equal(kz_trainee_update(f->db, &a, &err), KZ_OK);
	kz_trainee_free(&t);
	kz_trainee_free(&a);
	kz_trainee_free(&b);
	kz_trainee_free(&back);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stamp_next),
		cmocka_unit_test_setup_teardown(test_specialist_stale,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_no_stamp_no_check,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_trainee_stale,
		    unit_setup, unit_teardown),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
