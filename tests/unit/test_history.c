/* test_history.c - the history of every record: adds, edits and deletes of a specialist, an edition and a trainee placement, child rows as fields, who and when. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "record.h"
#include "seminar.h"
#include "specialist.h"
#include "opening.h"
#include "trainee.h"
#include "transfer.h"
#include "cost.h"
#include "dispatch.h"
#include "participant.h"
#include "programme.h"
#include "request.h"
#include "rtype.h"
#include "sync_rules.h"

/* Fail with the first problem of err. */
#define OK(call) do { char b_[KZ_ERR_MSG + 100]; if ((call) != KZ_OK) \
	fail_msg("%s", kz_err_first(&err, b_, sizeof b_)); } while (0)

static const char conf[] = "office:\n  id: TYO\n  name: Head office\n"
    "  role: head\nuser: tanaka\n";

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-01T09:00:00Z", 1);
	return unit_setup_with(state, conf);
}

static int
teardown(void **state)
{
	unsetenv("KIZUNA_NOW");
	return unit_teardown(state);
}

/* The change of field name in entry e, or NULL. */
static const struct kz_hchange *
change(const struct kz_hentry *e, const char *name, const char *old)
{
	for (size_t i = 0; i < e->nc; i++)
		if (strcmp(e->c[i].field, name) == 0 && (old == NULL ||
		    (e->c[i].old && strcmp(e->c[i].old, old) == 0)))
			return &e->c[i];
	return NULL;
}

/* The change of field name to the value new, or NULL. */
static const struct kz_hchange *
change_to(const struct kz_hentry *e, const char *name, const char *new)
{
	for (size_t i = 0; i < e->nc; i++)
		if (strcmp(e->c[i].field, name) == 0 && e->c[i].new &&
		    strcmp(e->c[i].new, new) == 0)
			return &e->c[i];
	return NULL;
}

static void
load(struct unit_fixture *f, const char *id, struct kz_history *h)
{
	struct kz_err err = { 0 };

	assert_int_equal(kz_history_load(f->db, id, 0, h, &err), KZ_OK);
}

static void
test_specialist(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_history h;
	struct kz_err err = { 0 };
	const struct kz_hchange *c;
	char id[KZ_ID_SIZE], found[KZ_ID_SIZE];

	kz_specialist_init(&s);
	kz_str_set(&s.name, "佐藤健一");
	kz_str_set(&s.name_roman, "Kenichi Sato");
	kz_str_set(&s.government, "島根県");
	kz_str_set(&s.post, "主任");
	assert_int_equal(kz_specialist_add_lang(&s, "en", KZ_LEVEL_FLUENT),
	    KZ_OK);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	memcpy(id, s.id, sizeof id);
	load(f, id, &h);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.e[0].action, "add");
	assert_string_equal(h.e[0].kind, "specialist");
	assert_string_equal(h.e[0].user, "tanaka");
	assert_string_equal(h.e[0].at, "2026-11-01T09:00:00Z");
	assert_non_null(c = change(&h.e[0], "name_roman", NULL));
	assert_null(c->old);
	assert_string_equal(c->new, "Kenichi Sato");
	/* a child row is a field of its record */
	assert_non_null(c = change(&h.e[0], "languages", NULL));
	assert_string_equal(c->new, "en fluent");
	/* stamps are not fields */
	assert_null(change(&h.e[0], "updated", NULL));
	assert_null(change(&h.e[0], "created_by", NULL));
	kz_history_free(&h);

	/* an edit: the fields that changed, from what to what; a language
	 * taken away and one added */
	setenv("KIZUNA_NOW", "2026-11-02T10:00:00Z", 1);
	kz_str_set(&s.post, "課長");
	s.langs[0].level = KZ_LEVEL_NATIVE;
	assert_int_equal(kz_specialist_add_lang(&s, "ko", KZ_LEVEL_BASIC),
	    KZ_OK);
	assert_int_equal(kz_specialist_update(f->db, &s, &err), KZ_OK);
	load(f, id, &h);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.e[0].action, "edit");	/* newest first */
	assert_string_equal(h.e[0].at, "2026-11-02T10:00:00Z");
	assert_non_null(c = change(&h.e[0], "post", NULL));
	assert_string_equal(c->old, "主任");
	assert_string_equal(c->new, "課長");
	assert_null(change(&h.e[0], "name", NULL));	/* unchanged */
	assert_non_null(c = change(&h.e[0], "languages", "en fluent"));
	assert_string_equal(c->new, "en native");
	assert_non_null(c = change(&h.e[0], "languages", NULL));
	kz_history_free(&h);

	/* a save that changes nothing records nothing */
	kz_specialist_free(&s);
	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_get(f->db, id, &s, &err), KZ_OK);
	assert_int_equal(kz_specialist_update(f->db, &s, &err), KZ_OK);
	load(f, id, &h);
	assert_int_equal(h.n, 2);
	kz_history_free(&h);
	kz_specialist_free(&s);

	/* a delete keeps the last values: the trace of the record */
	assert_int_equal(kz_specialist_delete(f->db, id, &err), KZ_OK);
	load(f, id, &h);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.e[0].action, "delete");
	assert_non_null(c = change(&h.e[0], "name", NULL));
	assert_string_equal(c->old, "佐藤健一");
	assert_null(c->new);
	assert_non_null(change(&h.e[0], "languages", "ko basic"));
	kz_history_free(&h);
	/* found by the start of its id though gone */
	assert_int_equal(kz_history_resolve(f->db, id + 4, found, &err),
	    KZ_OK);
	assert_string_equal(found, id);
	assert_int_equal(kz_history_resolve(f->db, "TYO-ZZZZ-ZZZZ", found,
	    &err), KZ_ERROR);
	kz_err_clear(&err);
}

/* The rows of a statement's first column as one number. */
static long
number(struct unit_fixture *f, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* An import of more rows than a batch (transfer.c: the history written
 * from each batch's changes, read from the changeset's bytes): every
 * record has its add, whole; an add says each field's value alone (no
 * "old" beside it); and the checks the history and the languages keep
 * (migration 26: comparisons, not IN lists) still refuse what they
 * refused. */
static void
test_import(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_buf csv = { 0 };
	struct kz_import_report rep;
	struct kz_history h;
	struct kz_err err = { 0 };
	const struct kz_hchange *c;
	const char *ids[2] = { NULL, NULL };
	char first[KZ_ID_SIZE], last[KZ_ID_SIZE];
	sqlite3_stmt *st;
	int rc;

	kz_buf_puts(&csv, "name,name_roman,government,post,fields,languages,"
	    "notes\n");
	for (int i = 0; i < 1100; i++)
		kz_buf_printf(&csv, "佐藤%d,Sato Number%d,島根県,主任,"
		    "agriculture:水稲:%d,en:fluent; zh:basic,\"a \"\"quoted\"\" "
		    "note %d\"\n", i, i, i % 40, i);
	assert_int_equal(kz_import_specialists(f->db, "people.csv",
	    kz_buf_str(&csv), csv.len, false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 1100);
	kz_import_report_free(&rep);
	kz_buf_free(&csv);
	assert_int_equal(number(f, "SELECT count(*) FROM record_history WHERE "
	    "kind = 'specialist' AND action = 'add'"), 1100);
	/* no add says "old": a new record has no old values */
	assert_int_equal(number(f, "SELECT count(*) FROM record_history WHERE "
	    "instr(changes, '\"old\"') > 0"), 0);

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT id FROM "
	    "specialist WHERE name IN ('佐藤0', '佐藤1099') ORDER BY name",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(first, sizeof first, "%s", sqlite3_column_text(st, 0));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(last, sizeof last, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	ids[0] = first;
	ids[1] = last;
	for (int i = 0; i < 2; i++) {
		load(f, ids[i], &h);
		assert_int_equal(h.n, 1);
		assert_string_equal(h.e[0].action, "add");
		assert_string_equal(h.e[0].user, "tanaka");
		assert_non_null(c = change(&h.e[0], "name_roman", NULL));
		assert_null(c->old);
		assert_string_equal(c->new, i ? "Sato Number1099" :
		    "Sato Number0");
		assert_non_null(c = change(&h.e[0], "government", NULL));
		assert_string_equal(c->new, "島根県");
		assert_non_null(change_to(&h.e[0], "languages", "en fluent"));
		assert_non_null(change_to(&h.e[0], "languages", "zh basic"));
		assert_non_null(change_to(&h.e[0], "fields", i ?
		    "agriculture 水稲 19" : "agriculture 水稲 0"));
		assert_non_null(change_to(&h.e[0], "notes", i ?
		    "a \"quoted\" note 1099" : "a \"quoted\" note 0"));
		assert_null(change(&h.e[0], "created", NULL));
		kz_history_free(&h);
	}

	/* the checks refuse as before */
	assert_int_equal(number(f, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name IN ('record_history', 'specialist_lang') AND "
	    "sql LIKE '% IN (%'"), 0);
	rc = sqlite3_exec(f->db->sql, "INSERT INTO record_history (id, record, "
	    "kind, at, action, changes) VALUES ('x', 'y', 'specialist', "
	    "'2026-11-01T09:00:00Z', 'added', '[]')", NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_CONSTRAINT_CHECK);
	rc = sqlite3_exec(f->db->sql, "INSERT INTO specialist_lang "
	    "(specialist, lang, level) SELECT id, 'fr', 'good' FROM specialist "
	    "LIMIT 1", NULL, NULL, NULL);
	assert_int_equal(rc, SQLITE_CONSTRAINT_CHECK);
}

static void
test_seminar(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_seminar e;
	struct kz_history h;
	struct kz_err err = { 0 };
	const struct kz_hchange *c;
	char series[KZ_ID_SIZE], ed[KZ_ID_SIZE];

	unit_edition(f->db, series, ed);
	load(f, series, &h);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.e[0].kind, "series");
	kz_history_free(&h);

	kz_seminar_init(&e);
	assert_int_equal(kz_seminar_get(f->db, ed, &e, &err), KZ_OK);
	kz_str_set(&e.title, "第18回");
	e.attendance = 2;
	assert_int_equal(kz_seminar_add_part(&e, "KH", 2), KZ_OK);
	OK(kz_seminar_update(f->db, &e, &err));
	kz_seminar_free(&e);
	load(f, ed, &h);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.e[0].kind, "seminar");
	assert_string_equal(h.e[0].action, "edit");
	assert_non_null(c = change(&h.e[0], "title", NULL));
	assert_null(c->old);
	assert_string_equal(c->new, "第18回");
	/* the attendance rows count as the edition's */
	assert_non_null(change_to(&h.e[0], "attendance", "KH 2"));
	kz_history_free(&h);

	assert_int_equal(kz_seminar_delete(f->db, ed, &err), KZ_OK);
	load(f, ed, &h);
	assert_string_equal(h.e[0].action, "delete");
	assert_non_null(c = change(&h.e[0], "city", NULL));
	assert_string_equal(c->old, "福州市");
	kz_history_free(&h);
}

static void
test_trainee(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_trainee t;
	struct kz_history h;
	struct kz_err err = { 0 };
	const struct kz_hchange *c;
	char id[KZ_ID_SIZE];

	kz_trainee_init(&t);
	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_trainee_type,
	    "host"), &t, "岩手县", &err), KZ_OK);
	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_trainee_type,
	    "year"), &t, "2019", &err), KZ_OK);
	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_trainee_type,
	    "home"), &t, "辽宁省大连市", &err), KZ_OK);
	OK(kz_trainee_insert(f->db, &t, &err));
	memcpy(id, t.id, sizeof id);
	assert_int_equal(kz_rfield_set(kz_rtype_field(&kz_trainee_type,
	    "host"), &t, "大分县", &err), KZ_OK);
	OK(kz_trainee_update(f->db, &t, &err));
	kz_trainee_free(&t);
	assert_int_equal(kz_trainee_delete(f->db, id, &err), KZ_OK);
	load(f, id, &h);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.e[2].action, "add");
	assert_string_equal(h.e[1].action, "edit");
	assert_string_equal(h.e[0].action, "delete");
	assert_string_equal(h.e[0].kind, "trainee");
	assert_non_null(c = change(&h.e[1], "host", NULL));
	assert_string_equal(c->old, "岩手县");
	assert_string_equal(c->new, "大分县");
	assert_non_null(c = change(&h.e[0], "host", NULL));
	assert_string_equal(c->old, "大分县");
	kz_history_free(&h);
}

/* A failed write records nothing: the history is in its transaction. */
static void
test_failed_write(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;

	kz_specialist_init(&s);
	kz_str_set(&s.name, "X");
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_ERROR);
	kz_err_clear(&err);
	kz_specialist_free(&s);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT count(*) FROM "
	    "record_history", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
}

/* The history, which travels to every office, is told which columns are
 * personal and which are made by core in the sync rules: they must say
 * what the record tables' flags say, field for field. */
static void
test_rules_match_flags(void **state)
{
	static const struct kz_rtype *const types[] = {
		&kz_specialist_type, &kz_request_type, &kz_dispatch_type,
		&kz_cost_type, &kz_series_type, &kz_seminar_type,
		&kz_programme_item_type, &kz_participant_type,
		&kz_trainee_type, &kz_opening_type,
	};
	int personal = 0;

	(void)state;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		const struct kz_rtype *rt = types[i];
		const struct kz_sync_rule *r =
		    kz_sync_rule_of(kz_record_table(rt->table));

		for (size_t k = 0; k < rt->n; k++) {
			const struct kz_rfield *f = &rt->f[k];

			if (f->column == NULL)
				continue;
			if (kz_sync_rule_lists(r->personal, f->column) !=
			    ((f->flags & KZ_RF_PERSONAL) != 0))
				fail_msg("%s.%s: personal in the record table "
				    "and the sync rule differ", r->table,
				    f->column);
			if (kz_sync_rule_lists(r->hidden, f->column) !=
			    ((f->flags & KZ_RF_DERIVED) != 0))
				fail_msg("%s.%s: made by core in the record "
				    "table and the sync rule differ", r->table,
				    f->column);
			personal += (f->flags & KZ_RF_PERSONAL) != 0;
		}
	}
	assert_true(personal >= 7);	/* e-mail, phone, address... */
	assert_true(kz_sync_rule_lists("email phone", "phone"));
	assert_false(kz_sync_rule_lists("email phone", "phon"));
	assert_false(kz_sync_rule_lists(NULL, "phone"));
}

/* The table's words: a change's field by its label, its values as
 * people read them; a field or kind not known is shown as stored. */
static void
test_shown(void **state)
{
	struct kz_config cfg = { 0 };
	char *v;

	(void)state;
	cfg.date_format = "%d/%m/%Y";
	assert_string_equal(kz_history_field_name("dispatch", "end"),
	    "last day");
	assert_string_equal(kz_history_field_name("dispatch", "nosuch"),
	    "nosuch");
	assert_string_equal(kz_history_field_name("nosuch", "end"), "end");
	assert_ptr_equal(kz_history_rtype("trainee"), &kz_trainee_type);
	v = kz_history_value("dispatch", "end", "2027-03-09", &cfg);
	assert_string_equal(v, "09/03/2027");
	free(v);
	v = kz_history_value("trainee", "country", "CN", &cfg);
	assert_non_null(strstr(v, "CN "));
	assert_true(strlen(v) > 3);
	free(v);
	v = kz_history_value("trainee", "status", "nosuch", &cfg);
	assert_string_equal(v, "nosuch");
	free(v);
	v = kz_history_value("dispatch", "end", "not a date", &cfg);
	assert_string_equal(v, "not a date");
	free(v);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_specialist, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seminar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trainee, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write, setup,
		    teardown),
		cmocka_unit_test(test_rules_match_flags),
		cmocka_unit_test(test_shown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
