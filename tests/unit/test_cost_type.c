/* test_cost_type.c - the cost line's record table: the money and currency
 * kinds (JPY with no minor unit, USD and CNY with two), a line through
 * SQL and back, and the council's rule of who pays once. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "dispatch.h"
#include "i18n.h"
#include "request.h"
#include "rtype.h"
#include "specialist.h"

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	setenv("KIZUNA_TODAY", "2026-11-21", 1);
	return unit_setup_with(state, "office:\n  id: BJS\n  name: Beijing\n"
	    "user: tester\ndispatch:\n  max_days: 90\n");
}

static const struct kz_rfield *
field(const char *name)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_cost_type, name);

	assert_non_null(f);
	return f;
}

/* The text of a field, freed by the caller's assert. */
static void
assert_text(const char *name, const struct kz_cost_line *l, const char *want)
{
	char *t = kz_rfield_text(field(name), l);

	assert_non_null(t);
	assert_string_equal(t, want);
	free(t);
}

/* A line in currency cur, amount text into estimate: KZ_OK or not. */
static int
amount(struct kz_cost_line *l, const char *cur, const char *text,
    struct kz_err *err)
{
	memset(l, 0, sizeof *l);
	assert_int_equal(kz_rfield_set(field("currency"), l, cur, err), KZ_OK);
	return kz_rfield_set(field("estimate"), l, text, err);
}

/* Yen have no minor unit: 12000 is 12000 minor units, decimals are
 * refused under the field's name, which the message names. */
static void
test_money_jpy(void **state)
{
	struct kz_cost_line l;
	struct kz_err err = { 0 };
	char *shown;

	(void)state;
	assert_int_equal(field("estimate")->kind, KZ_RK_MONEY);
	assert_int_equal(amount(&l, "jpy", "12,000", &err), KZ_OK);
	assert_string_equal(l.currency, "JPY");
	assert_true(l.has_estimate);
	assert_true(l.estimate == 12000);
	assert_text("estimate", &l, "12000");
	shown = kz_rfield_shown(field("estimate"), &l, NULL);
	assert_string_equal(shown, "12,000");
	free(shown);
	/* unset: empty text, JSON null, and not set */
	assert_text("actual", &l, "");
	assert_true(kz_rfield_empty(field("actual"), &l));
	assert_int_equal(amount(&l, "JPY", "12000.5", &err), KZ_ERROR);
	assert_int_equal(err.n, 1);
	assert_string_equal(err.item[0].where, "estimate");
	assert_non_null(strstr(err.item[0].msg, "estimate"));
	assert_non_null(strstr(err.item[0].msg, "12000.5"));
	assert_false(l.has_estimate);
	/* cleared by empty text */
	assert_int_equal(amount(&l, "JPY", "500", &err), KZ_OK);
	assert_int_equal(kz_rfield_set(field("estimate"), &l, "", &err), KZ_OK);
	assert_false(l.has_estimate);
}

/* Dollars and yuan have two decimals: 1234.5 is 123450 cents, three
 * decimals, signs and letters are refused naming the field. */
static void
test_money_two_decimals(void **state)
{
	static const char *const bad[] = { "1.234", "-5", "abc", "12e3", "",
	    NULL };
	struct kz_cost_line l;
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 };

	(void)state;
	assert_int_equal(amount(&l, "USD", "1234.5", &err), KZ_OK);
	assert_true(l.estimate == 123450);
	assert_text("estimate", &l, "1234.50");
	assert_int_equal(amount(&l, "CNY", "8,800.05", &err), KZ_OK);
	assert_true(l.estimate == 880005);
	assert_text("estimate", &l, "8800.05");
	assert_int_equal(kz_rfield_json(field("estimate"), &l, &b), KZ_OK);
	assert_string_equal(kz_buf_str(&b), "8800.05");
	kz_buf_free(&b);
	assert_int_equal(kz_rfield_json(field("actual"), &l, &b), KZ_OK);
	assert_string_equal(kz_buf_str(&b), "null");
	kz_buf_free(&b);
	for (int i = 0; bad[i] && *bad[i]; i++) {
		struct kz_err e = { 0 };

		assert_int_equal(amount(&l, "USD", bad[i], &e), KZ_ERROR);
		assert_int_equal(e.n, 1);
		assert_string_equal(e.item[0].where, "estimate");
		assert_non_null(strstr(e.item[0].msg, bad[i]));
	}
	/* no currency yet: refused, saying so */
	memset(&l, 0, sizeof l);
	assert_int_equal(kz_rfield_set(field("actual"), &l, "10", &err),
	    KZ_ERROR);
	assert_string_equal(err.item[err.n - 1].where, "actual");
}

/* The currency kind is ISO 4217: a code core does not know fails the
 * table's check under "currency"; amounts out of range under theirs. */
static void
test_check(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_cost_line l;
	struct kz_err err = { 0 };

	memset(&l, 0, sizeof l);
	l.category = "lodging";
	l.payer = KZ_PAYER_HOST;
	snprintf(l.currency, sizeof l.currency, "XQQ");
	l.has_actual = true;
	l.actual = -1;
	assert_false(kz_rtype_check(&kz_cost_type, f->db, &l, &err));
	assert_true((kz_err_for(&err, "currency") != NULL));
	assert_true((kz_err_for(&err, "actual") != NULL));
	assert_false((kz_err_for(&err, "estimate") != NULL));
}

/* A dispatch to China (CNY) of a specialist, its id into id. */
static void
make_dispatch(struct unit_fixture *f, char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_request r;
	struct kz_dispatch d;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_rfield_set(kz_rtype_field(&kz_specialist_type, "name"), &s, "佐藤",
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_specialist_type, "roman"), &s,
	    "Sato", &err);
	kz_rfield_set(kz_rtype_field(&kz_specialist_type, "government"), &s,
	    "島根県", &err);
	kz_rfield_set(kz_rtype_field(&kz_specialist_type, "fields"), &s,
	    "agriculture", &err);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	kz_request_init(&r);
	kz_rfield_set(kz_rtype_field(&kz_request_type, "country"), &r, "CN",
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_request_type, "fields"), &r,
	    "agriculture", &err);
	kz_rfield_set(kz_rtype_field(&kz_request_type, "topic"), &r, "tea",
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_request_type, "language"), &r, "zh",
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_request_type, "office"), &r, "BJS",
	    &err);
	assert_int_equal(kz_request_insert(f->db, &r, &err), KZ_OK);
	kz_dispatch_init(&d);
	kz_rfield_set(kz_rtype_field(&kz_dispatch_type, "request"), &d, r.id,
	    &err);
	kz_rfield_set(kz_rtype_field(&kz_dispatch_type, "specialist"), &d,
	    s.id, &err);
	kz_rfield_set(kz_rtype_field(&kz_dispatch_type, "from"), &d,
	    "2027-09-16", &err);
	kz_rfield_set(kz_rtype_field(&kz_dispatch_type, "to"), &d,
	    "2027-09-23", &err);
	assert_int_equal(kz_dispatch_insert(f->db, &d, NULL, &err), KZ_OK);
	assert_int_equal(err.n, 0);
	snprintf(id, KZ_ID_SIZE, "%s", d.id);
	kz_dispatch_free(&d);
	kz_request_free(&r);
	kz_specialist_free(&s);
}

/* A line set through the table's fields, stored, read back the same:
 * every field's text, and the JSON a dispatch's costs print. */
static void
test_round_trip(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const in[][2] = { { "category", "lodging" },
	    { "payer", "host" }, { "currency", "CNY" },
	    { "estimate", "4,200.5" }, { "actual", "" }, { "note", "二晚" } };
	struct { char id[KZ_ID_SIZE]; } d;
	struct kz_cost_line l;
	struct kz_cost_ledger led;
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 };
	const struct kz_cost_line *back = NULL;

	make_dispatch(f, d.id);

	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d.id);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		assert_int_equal(kz_rfield_set(field(in[i][0]), &l, in[i][1],
		    &err), KZ_OK);
	assert_true(l.estimate == 420050);
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	assert_int_equal(kz_cost_load(f->db, d.id, &led, &err), KZ_OK);
	for (size_t i = 0; i < led.n; i++)
		if (strcmp(led.lines[i].category, "lodging") == 0)
			back = &led.lines[i];
	assert_non_null(back);
	assert_string_equal(back->id, l.id);
	assert_string_equal(back->dispatch, d.id);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *t = kz_rfield_text(field(in[i][0]), back);
		char *want = kz_rfield_text(field(in[i][0]), &l);

		assert_string_equal(t, want);
		free(t);
		free(want);
	}
	assert_text("estimate", back, "4200.50");
	assert_false(back->has_actual);
	assert_int_equal(kz_rtype_json_csv(&kz_cost_type, back, true, &b),
	    KZ_OK);
	assert_string_equal(kz_buf_str(&b), "{\"category\": \"lodging\", "
	    "\"payer\": \"host\", \"currency\": \"CNY\", \"estimate\": "
	    "4200.50, \"actual\": null, \"note\": \"二晚\"}");
	kz_buf_free(&b);
	kz_cost_ledger_free(&led);
	free(l.category);
	free(l.note);
}

/* How many rows of dispatch id say what sql asks (a count). */
static int
rows(struct unit_fixture *f, const char *sql, const char *id)
{
	sqlite3_stmt *st;
	int n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* kz_cost_set goes through the table: its checks name the field and the
 * line (actual[lodging], currency[lodging]) and write nothing; a change
 * keeps the line's id and place and moves its stamp on; a change over a
 * stamp that is no longer the row's is refused as stale. */
static void
test_save_through_table(void **state)
{
	struct unit_fixture *f = *state;
	char d[KZ_ID_SIZE], id[KZ_ID_SIZE], seen[32];
	struct kz_cost_line l;
	struct kz_cost_ledger led;
	struct kz_err err = { 0 };
	int pos = -1;

	make_dispatch(f, d);
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "lodging";
	l.payer = -1;
	snprintf(l.currency, sizeof l.currency, "XQQ");
	l.has_actual = true;
	l.actual = -1;
	l.note = "two\nlines";
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "actual[lodging]"));
	assert_non_null(strstr(kz_err_for(&err, "actual[lodging]"), "actual"));
	assert_non_null(kz_err_for(&err, "currency[lodging]"));
	assert_null(kz_err_for(&err, "estimate[lodging]"));
	assert_null(kz_err_for(&err, "note[lodging]"));	/* a note has lines */
	assert_int_equal(rows(f, "SELECT count(*) FROM dispatch_cost WHERE "
	    "dispatch = ? AND (actual IS NOT NULL OR currency = 'XQQ')", d), 0);
	/* the seeded line changes: same id, same place, a later stamp */
	assert_int_equal(kz_cost_load(f->db, d, &led, &err), KZ_OK);
	for (size_t i = 0; i < led.n; i++)
		if (strcmp(led.lines[i].category, "lodging") == 0) {
			snprintf(id, sizeof id, "%s", led.lines[i].id);
			snprintf(seen, sizeof seen, "%s", led.lines[i].updated);
			pos = led.lines[i].pos;
		}
	kz_cost_ledger_free(&led);
	assert_true(pos > 0);
	kz_err_clear(&err);
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "lodging";
	l.payer = -1;
	snprintf(l.updated, sizeof l.updated, "%s", seen);
	l.has_actual = true;
	l.actual = 34200;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	assert_string_equal(l.id, id);
	assert_int_equal(l.pos, pos);
	assert_string_equal(l.currency, "CNY");
	assert_true(strcmp(l.updated, seen) > 0);
	assert_int_equal(rows(f, "SELECT count(*) FROM dispatch_cost WHERE "
	    "dispatch = ? AND category = 'lodging' AND actual = 34200 AND "
	    "updated_by = 'tester'", d), 1);
	/* the stamp read before that change is no longer the row's */
	snprintf(l.updated, sizeof l.updated, "%s", seen);
	l.actual = 1;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_STALE);
	assert_true(err.stale);
	assert_non_null(kz_err_for(&err, "updated"));
	assert_int_equal(rows(f, "SELECT count(*) FROM dispatch_cost WHERE "
	    "dispatch = ? AND actual = 1", d), 0);
	/* a new line goes after the others */
	kz_err_clear(&err);
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "visa";
	l.payer = KZ_PAYER_HEAD;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	assert_int_equal(l.pos, rows(f, "SELECT count(*) - 1 FROM "
	    "dispatch_cost WHERE dispatch = ?", d));
	/* a line by its id, and taken out by it (u on the screens) */
	{
		struct kz_cost_line g;
		char visa[KZ_ID_SIZE];

		snprintf(visa, sizeof visa, "%s", l.id);
		assert_int_equal(kz_cost_get(f->db, visa, &g, &err), KZ_OK);
		assert_string_equal(g.category, "visa");
		assert_string_equal(g.dispatch, d);
		kz_cost_line_free(&g);
		assert_int_equal(kz_cost_delete(f->db, visa, &err), KZ_OK);
		assert_int_equal(rows(f, "SELECT count(*) FROM dispatch_cost "
		    "WHERE dispatch = ? AND category = 'visa'", d), 0);
		assert_int_equal(kz_cost_get(f->db, visa, &g, &err),
		    KZ_ERROR);
		assert_int_equal(kz_cost_delete(f->db, visa, &err), KZ_ERROR);
		assert_int_equal(rows(f, "SELECT count(*) FROM dispatch_cost "
		    "WHERE dispatch = ? AND category = 'lodging'", d), 1);
	}
}

/* The rule is written once: the default of dispatch.costs says what
 * kz_cost_rule says, category by category, payer and currency. */
static void
test_rule_once(void **state)
{
	struct kz_config *cfg = unit_config(NULL);
	size_t n = 0;

	(void)state;
	assert_non_null(cfg);
	while (kz_cost_rule[n].code)
		n++;
	assert_int_equal(cfg->ncosts, n);
	for (size_t i = 0; i < n; i++) {
		const struct kz_cost_default *d = &cfg->costs[i];

		assert_string_equal(d->category, kz_cost_rule[i].code);
		assert_int_equal(d->payer, (int)kz_cost_rule[i].payer);
		if (kz_cost_rule[i].currency)
			assert_string_equal(d->currency,
			    kz_cost_rule[i].currency);
		else
			assert_null(d->currency);
		assert_string_equal(kz_cost_category_name(d->category),
		    kz_cost_rule[i].name);
	}
	assert_null(kz_cost_rule_of("flowers"));
	assert_string_equal(kz_cost_category_name("flowers"), "flowers");
	kz_config_free(cfg);
}

/* And the documented default, config/default.yaml (embedded), lists the
 * same lines in the same order. */
static void
test_rule_documented(void **state)
{
	const char *p = kz_default_config;
	char want[160];

	(void)state;
	for (const struct kz_cost_rule *r = kz_cost_rule; r->code; r++) {
		snprintf(want, sizeof want, "  #   - {category: %s, payer: "
		    "%s%s%s}\n", r->code, kz_payer_keyword(r->payer),
		    r->currency ? ", currency: " : "",
		    r->currency ? r->currency : "");
		p = strstr(p, want);
		if (p == NULL)
			fail_msg("config/default.yaml lacks, or misplaces: %s",
			    want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_jpy),
		cmocka_unit_test(test_money_two_decimals),
		cmocka_unit_test_setup_teardown(test_check, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_save_through_table, setup,
		    unit_teardown),
		cmocka_unit_test(test_rule_once),
		cmocka_unit_test(test_rule_documented),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
