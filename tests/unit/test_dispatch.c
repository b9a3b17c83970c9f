/* test_dispatch.c - requests, dispatches, costs, matching, timeline and
 * iCalendar against a real SQLite file: every rule and the ranking. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "cost.h"
#include "date.h"
#include "db.h"
#include "demo.h"
#include "dispatch.h"
#include "ics.h"
#include "lifecycle.h"
#include "match.h"
#include "money.h"
#include "request.h"
#include "specialist.h"
#include "timeline.h"

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-21T08:00:00Z", 1);
	setenv("KIZUNA_TODAY", "2026-11-21", 1);
	return unit_setup_with(state, "office:\n  id: BJS\n  name: Beijing\n"
	    "user: tester\ndispatch:\n  max_days: 90\n");
}

/* A Tokyo office whose clock reads 20:00 UTC: 05:00 the next day there. */
static int
setup_tokyo(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-21T20:00:00Z", 1);
	unsetenv("KIZUNA_TODAY");
	return unit_setup_with(state, "office:\n  id: TYO\n  name: Tokyo\n"
	    "  timezone: Asia/Tokyo\nuser: tester\n");
}

static long
count(struct unit_fixture *f, const char *sql)
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

static void
dump(const struct kz_err *e)
{
	for (int i = 0; i < e->n; i++)
		print_message("  %s: %s\n", e->item[i].where, e->item[i].msg);
}

static bool
has(const struct kz_err *e, const char *where, const char *text)
{
	for (int i = 0; i < e->n; i++)
		if ((where == NULL || strcmp(e->item[i].where, where) == 0) &&
		    strstr(e->item[i].msg, text))
			return true;
	dump(e);
	return false;
}

static void
spec(struct unit_fixture *f, const char *name, const char *roman,
    const char *fields, const char *langs, const char *unavail,
    enum kz_status st, char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, name);
	kz_str_set(&s.name_roman, roman);
	kz_str_set(&s.government, "島根県");
	s.status = st;
	kz_specialist_parse_fields(&s, fields, &err);
	kz_specialist_parse_langs(&s, langs, &err);
	kz_specialist_parse_unavail(&s, unavail, &err);
	if (kz_specialist_insert(f->db, &s, &err) != KZ_OK) {
		dump(&err);
		fail();
	}
	memcpy(id, s.id, KZ_ID_SIZE);
	kz_specialist_free(&s);
}

static void
request(struct unit_fixture *f, const char *topic, const char *from,
    const char *to, enum kz_interp interp, char id[KZ_ID_SIZE])
{
	struct kz_request r;
	struct kz_err err = { 0 };

	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "CN");
	kz_str_set(&r.province, "河南省");
	kz_str_set(&r.city, "开封市");
	snprintf(r.received, sizeof r.received, "2019-05-20");
	assert_int_equal(kz_request_parse_fields(f->cfg, &r, "agriculture",
	    &err), KZ_OK);
	kz_str_set(&r.topic, topic);
	snprintf(r.wish_start, sizeof r.wish_start, "%s", from);
	snprintf(r.wish_end, sizeof r.wish_end, "%s", to);
	kz_str_set(&r.language, "zh");
	r.interpreting = interp;
	if (kz_request_insert(f->db, &r, &err) != KZ_OK) {
		dump(&err);
		fail();
	}
	memcpy(id, r.id, KZ_ID_SIZE);
	kz_request_free(&r);
}

static int
dispatch(struct unit_fixture *f, const char *req, const char *sp,
    const char *start, const char *end, const char *override, bool confirm,
    char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = confirm };
	int rc;

	kz_dispatch_init(&d);
	snprintf(d.request, sizeof d.request, "%s", req);
	snprintf(d.specialist, sizeof d.specialist, "%s", sp);
	snprintf(d.start, sizeof d.start, "%s", start);
	snprintf(d.end, sizeof d.end, "%s", end);
	kz_str_set(&d.override_reason, override);
	rc = kz_dispatch_insert(f->db, &d, &o, err);
	if (id)
		memcpy(id, d.id, KZ_ID_SIZE);
	kz_dispatch_free(&d);
	return rc;
}

/* ---- money and configuration ---- */

/* A final step and a delete are checked before anyone is asked: the
 * checks say what the writes would refuse and write nothing. */
static void
test_checks_before_asking(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char sato[KZ_ID_SIZE], req[KZ_ID_SIZE], d1[KZ_ID_SIZE];
	struct kz_dispatch_change c = { .to = KZ_DSP_CANCELLED };

	assert_true(kz_lifecycle_final(&kz_dispatch_lc, KZ_DSP_CANCELLED));
	assert_true(kz_lifecycle_final(&kz_dispatch_lc, KZ_DSP_REPORTED));
	assert_false(kz_lifecycle_final(&kz_dispatch_lc, KZ_DSP_SIGNED));
	assert_true(kz_lifecycle_final(&kz_request_lc, KZ_REQ_CLOSED));
	assert_false(kz_lifecycle_final(&kz_request_lc, KZ_REQ_WITHDRAWN));

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "",
	    KZ_SERVING, sato);
	request(f, "vegetables", "2019-09-16", "2019-09-23", KZ_INTERP_HOST,
	    req);
	assert_int_equal(kz_request_delete_check(f->db, req, &err), KZ_OK);
	assert_int_equal(dispatch(f, req, sato, "2019-09-16", "2019-09-23",
	    NULL, false, d1, &err), KZ_OK);
	/* a request with a dispatch cannot go: said by the check */
	assert_int_equal(kz_request_delete_check(f->db, req, &err), KZ_ERROR);
	assert_true(has(&err, "id", "withdraw the request instead"));
	err.n = 0;
	assert_int_equal(kz_dispatch_delete_check(f->db, d1, &err), KZ_OK);
	/* cancelling needs a reason: the check says so, nothing written */
	assert_int_equal(kz_dispatch_check_state(f->db, d1, &c, &err),
	    KZ_ERROR);
	assert_true(has(&err, "reason", "reason is required"));
	err.n = 0;
	c.reason = "postponed";
	/* a day that cannot be is the check's too, not only the write's */
	c.date = "2199-01-01";
	assert_int_equal(kz_dispatch_check_state(f->db, d1, &c, &err),
	    KZ_ERROR);
	assert_true(has(&err, "date", "after today"));
	err.n = 0;
	c.date = NULL;
	/* a request with a live dispatch cannot close: said by its check */
	assert_int_equal(kz_request_check_status(f->db, req, KZ_REQ_CLOSED,
	    NULL, NULL, NULL, &err), KZ_ERROR);
	err.n = 0;
	assert_int_equal(kz_request_check_status(f->db, req,
	    KZ_REQ_WITHDRAWN, NULL, NULL, "2199-01-01", &err), KZ_ERROR);
	assert_true(has(&err, "date", "after today"));
	err.n = 0;
	assert_int_equal(kz_dispatch_check_state(f->db, d1, &c, &err), KZ_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch WHERE "
	    "state = 'cancelled'"), 0);
	assert_int_equal(kz_dispatch_set_state(f->db, d1, &c, &err), KZ_OK);
	/* a cancelled dispatch cannot be deleted: the check says so */
	assert_int_equal(kz_dispatch_delete_check(f->db, d1, &err), KZ_ERROR);
	assert_true(has(&err, "id", "only a proposed dispatch"));
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch"), 1);
}

static void
test_money(void **state)
{
	kz_money v;
	char out[64];

	(void)state;
	assert_int_equal(kz_currency_decimals("JPY"), 0);
	assert_int_equal(kz_currency_decimals("CNY"), 2);
	assert_int_equal(kz_currency_decimals("KWD"), 3);
	assert_int_equal(kz_currency_decimals("XXX"), -1);
	assert_int_equal(kz_currency_decimals("cny"), -1);
	assert_true(kz_money_parse("12,345.5", "CNY", &v));
	assert_int_equal(v, 1234550);
	assert_true(kz_money_parse("98000", "JPY", &v));
	assert_int_equal(v, 98000);
	assert_false(kz_money_parse("98000.5", "JPY", &v));
	assert_false(kz_money_parse("1.234", "CNY", &v));
	assert_false(kz_money_parse("-5", "CNY", &v));
	assert_false(kz_money_parse("12a", "CNY", &v));
	kz_money_format(1234550, "CNY", out, sizeof out);
	assert_string_equal(out, "12,345.50");
	kz_money_format(98000, "JPY", out, sizeof out);
	assert_string_equal(out, "98,000");
	kz_money_plain(5, "KWD", out, sizeof out);
	assert_string_equal(out, "0.005");
	assert_string_equal(kz_country_currency("CN"), "CNY");
	assert_string_equal(kz_country_currency("TH"), "THB");
	assert_string_equal(kz_country_currency("ZZ"), "USD");
}

static void
test_config_costs(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_config *c;
	char *yaml;

	/* the default is the council's rule */
	assert_int_equal(f->cfg->ncosts, 7);
	assert_string_equal(f->cfg->costs[0].category, "international_travel");
	assert_int_equal(f->cfg->costs[0].payer, KZ_PAYER_HEAD);
	assert_string_equal(f->cfg->costs[0].currency, "JPY");
	assert_string_equal(f->cfg->costs[6].category, "meals");
	assert_int_equal(f->cfg->costs[6].payer, KZ_PAYER_HOST);
	assert_null(f->cfg->costs[6].currency);
	/* written out and read back the same */
	yaml = kz_config_yaml(f->cfg);
	assert_non_null(strstr(yaml, "  costs:\n    - {category: "
	    "international_travel, payer: head, currency: JPY}\n"));
	assert_non_null(strstr(yaml, "    - {category: meals, payer: host}\n"));
	c = kz_config_parse("again", yaml, strlen(yaml), &err);
	free(yaml);
	assert_non_null(c);
	assert_int_equal(c->ncosts, 7);
	kz_config_free(c);
	/* an office's own list */
	static const char own[] = "office:\n  id: SIN\n  name: S\ndispatch:\n"
	    "  costs:\n    - {category: lodging, payer: host, currency: SGD}\n"
	    "    - {category: visa, payer: head}\n";
	c = kz_config_parse("own", own, strlen(own), &err);
	assert_non_null(c);
	assert_int_equal(c->ncosts, 2);
	assert_string_equal(c->costs[1].category, "visa");
	kz_config_free(c);
	/* every problem, located */
	static const char bad[] = "office:\n  id: SIN\n  name: S\ndispatch:\n"
	    "  costs:\n    - {category: lodging, payer: guest}\n"
	    "    - {category: Lodging, payer: host, currency: YEN}\n"
	    "    - {category: lodging, payr: host}\n"
	    "    - {payer: head}\n";
	assert_null(kz_config_parse("bad", bad, strlen(bad), &err));
	assert_true(has(&err, "bad:6:34", "payer \"guest\" is not one of "
	    "head, host"));
	assert_true(has(&err, "bad:7:18", "a cost category is 1 to 32"));
	assert_true(has(&err, "bad:7:50", "\"YEN\" is not an ISO 4217"));
	assert_true(has(&err, "bad:8:27", "unknown key \"payr\" in "
	    "dispatch.costs; did you mean \"payer\"?"));
	assert_true(has(&err, "bad:8:18", "\"lodging\" is listed twice"));
	assert_true(has(&err, "bad:9:7", "this item has no \"category\""));
}

/* ---- requests ---- */

static void
test_request_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_request r;
	struct kz_err err = { 0 };
	struct kz_events ev;
	char id[KZ_ID_SIZE];

	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "XX");
	snprintf(r.wish_start, sizeof r.wish_start, "2019-09-23");
	snprintf(r.wish_end, sizeof r.wish_end, "2019-09-16");
	r.interpreting = KZ_INTERP_NONE;
	assert_int_equal(kz_request_insert(f->db, &r, &err), KZ_ERROR);
	assert_true(has(&err, "country", "not an ISO 3166-1"));
	assert_true(has(&err, "fields", "at least one field"));
	assert_true(has(&err, "topic", "topic is required"));
	assert_true(has(&err, "wish_end", "ends (2019-09-16) before it "
	    "starts"));
	assert_true(has(&err, "language", "without interpreting"));
	assert_int_equal(count(f, "SELECT count(*) FROM request"), 0);
	kz_request_free(&r);

	request(f, "vegetables: damage from continuous cropping",
	    "2019-09-16", "2019-09-23", KZ_INTERP_HOST, id);
	assert_int_equal(kz_request_get(f->db, id, &r, &err), KZ_OK);
	assert_string_equal(r.office, "BJS");
	assert_int_equal(r.status, KZ_REQ_RECEIVED);
	kz_request_free(&r);
	/* the table of moves */
	err.n = 0;
	assert_int_equal(kz_request_set_status(f->db, id, KZ_REQ_CLOSED, NULL,
	    NULL, &err), KZ_ERROR);
	assert_true(has(&err, "status", "is received and cannot become "
	    "closed"));
	err.n = 0;
	assert_int_equal(kz_request_set_status(f->db, id, KZ_REQ_MATCHING,
	    "looking", NULL, &err), KZ_OK);
	assert_int_equal(kz_request_history(f->db, id, &ev, &err), KZ_OK);
	assert_int_equal(ev.n, 2);
	assert_int_equal(ev.ev[1].from, KZ_REQ_RECEIVED);
	assert_int_equal(ev.ev[1].to, KZ_REQ_MATCHING);
	assert_string_equal(ev.ev[1].user, "tester");
	assert_string_equal(ev.ev[1].at, "2026-11-21T08:00:00Z");
	assert_string_equal(ev.ev[1].note, "looking");
	kz_events_free(&ev);
}

/* ---- dispatches ---- */

/* A request received "today" is received on the office's today. */
static void
test_request_received_today(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_request r;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];

	request(f, "tea", "2027-04-01", "2027-04-10", KZ_INTERP_HOST, id);
	assert_int_equal(kz_request_get(f->db, id, &r, &err), KZ_OK);
	assert_string_equal(r.received, "2019-05-20");	/* as given */
	kz_request_free(&r);
	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "CN");
	assert_int_equal(kz_request_parse_fields(f->cfg, &r, "agriculture",
	    &err), KZ_OK);
	kz_str_set(&r.topic, "rice");
	kz_str_set(&r.language, "zh");
	r.interpreting = KZ_INTERP_HOST;
	if (kz_request_insert(f->db, &r, &err) != KZ_OK) {
		dump(&err);
		fail();
	}
	/* 2026-11-21 in UTC, but already the 22nd in Tokyo */
	assert_string_equal(r.received, "2026-11-22");
	kz_request_free(&r);
}

static void
test_dispatch_rules(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char sato[KZ_ID_SIZE], ito[KZ_ID_SIZE], req[KZ_ID_SIZE];
	char d1[KZ_ID_SIZE], d2[KZ_ID_SIZE], d3[KZ_ID_SIZE];
	struct kz_events ev;

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "zh:business", "",
	    KZ_RETIRED, sato);
	spec(f, "伊藤 誠", "Makoto Ito", "agriculture", "",
	    "2019-11-01..2019-11-30 surgery", KZ_SERVING, ito);
	request(f, "vegetables", "2019-09-16", "2019-09-23", KZ_INTERP_HOST,
	    req);

	/* end before start, and unknown specialist */
	assert_int_equal(dispatch(f, req, "BJS-0000-0000", "2019-09-23",
	    "2019-09-16", NULL, false, NULL, &err), KZ_ERROR);
	assert_true(has(&err, "end", "ends (2019-09-16) before it starts"));
	assert_true(has(&err, "specialist", "no specialist"));
	/* longer than the maximum, unless a reason is stated */
	err.n = 0;
	assert_int_equal(dispatch(f, req, sato, "2019-09-01", "2019-12-15",
	    NULL, false, NULL, &err), KZ_ERROR);
	assert_true(has(&err, "override", "2019-09-01..2019-12-15 (106 days) "
	    "is longer than the longest dispatch of 90 days"));
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch"), 0);
	err.n = 0;
	assert_int_equal(dispatch(f, req, sato, "2019-09-01", "2019-12-15",
	    "harvest season", false, d1, &err), KZ_OK);
	assert_int_equal(kz_dispatch_history(f->db, d1, &ev, &err), KZ_OK);
	assert_int_equal(ev.n, 1);
	assert_non_null(strstr(ev.ev[0].note, "harvest season"));
	kz_events_free(&ev);
	/* the request moved to proposed with it */
	assert_int_equal(count(f, "SELECT count(*) FROM request WHERE "
	    "status = 'proposed'"), 1);
	/* the default ledger: head office in yen, the host in yuan */
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch_cost"), 7);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch_cost WHERE "
	    "payer = 'host' AND currency = 'CNY'"), 4);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch_cost WHERE "
	    "payer = 'head' AND currency = 'JPY'"), 3);

	/* the same specialist twice over the same days: the other named */
	err.n = 0;
	assert_int_equal(dispatch(f, req, sato, "2019-12-10", "2019-12-20",
	    NULL, false, NULL, &err), KZ_ERROR);
	assert_true(has(&err, "dates", d1));
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch"), 1);

	/* a declared unavailability is a warning to confirm */
	err.n = 0;
	assert_int_equal(dispatch(f, req, ito, "2019-11-05", "2019-11-12",
	    NULL, false, NULL, &err), KZ_ERROR);
	assert_true(kz_dispatch_only_warnings(&err));
	assert_true(has(&err, KZ_DSP_CONFIRM, "2019-11-01..2019-11-30 "
	    "(surgery)"));
	err.n = 0;
	assert_int_equal(dispatch(f, req, ito, "2019-11-05", "2019-11-12",
	    NULL, true, d2, &err), KZ_OK);
	assert_int_equal(kz_dispatch_history(f->db, d2, &ev, &err), KZ_OK);
	assert_non_null(strstr(ev.ev[0].note, "confirmed although "
	    "unavailable"));
	kz_events_free(&ev);

	/* nobody leaves before the agreement is signed */
	struct kz_dispatch_change c = { .to = KZ_DSP_UNDERWAY };
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_ERROR);
	assert_true(has(&err, "state", "cannot leave before its agreement is "
	    "signed"));
	/* signing needs a reference (the date is today unless given), and
	 * the agreement is not dated after the start */
	c.to = KZ_DSP_SIGNED;
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_ERROR);
	assert_true(has(&err, "ref", "agreement's reference"));
	c.date = "2019-11-06";
	c.ref = "BJS-2019-02";
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_ERROR);
	assert_true(has(&err, "date", "after the dispatch starts"));
	c.date = "2019-10-01";
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM request WHERE "
	    "status = 'agreed'"), 1);
	c.to = KZ_DSP_UNDERWAY;
	c.date = "2019-11-05";
	c.ref = NULL;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_OK);
	c.date = NULL;
	/* the table: under way cannot be reported before returning */
	c.to = KZ_DSP_REPORTED;
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_ERROR);
	assert_true(has(&err, "state", "from underway it can go to: returned, "
	    "cancelled"));
	/* read and refused inside the transaction, which is ended */
	assert_true(sqlite3_get_autocommit(f->db->sql));
	/* only a proposed one may be deleted */
	err.n = 0;
	assert_int_equal(kz_dispatch_delete(f->db, d2, &err), KZ_ERROR);
	assert_true(has(&err, "id", "cancel it with a reason"));
	assert_true(sqlite3_get_autocommit(f->db->sql));
	/* cancelling needs a reason; then it is history */
	c.to = KZ_DSP_CANCELLED;
	err.n = 0;
	assert_int_equal(kz_dispatch_set_state(f->db, d1, &c, &err), KZ_ERROR);
	assert_true(has(&err, "reason", "reason"));
	c.reason = "the host postponed";
	assert_int_equal(kz_dispatch_set_state(f->db, d1, &c, &err), KZ_OK);
	assert_int_equal(kz_dispatch_history(f->db, d1, &ev, &err), KZ_OK);
	assert_int_equal(ev.n, 2);
	assert_int_equal(ev.ev[1].from, KZ_DSP_PROPOSED);
	assert_int_equal(ev.ev[1].to, KZ_DSP_CANCELLED);
	assert_string_equal(ev.ev[1].note, "the host postponed");
	assert_string_equal(ev.ev[1].user, "tester");
	kz_events_free(&ev);
	/* a cancelled dispatch frees the days */
	err.n = 0;
	assert_int_equal(dispatch(f, req, sato, "2019-12-10", "2019-12-20",
	    NULL, false, d3, &err), KZ_OK);
	/* people and requests with dispatches stay */
	err.n = 0;
	assert_int_equal(kz_specialist_delete(f->db, sato, &err), KZ_ERROR);
	assert_true(has(&err, NULL, "has dispatches"));
	err.n = 0;
	assert_int_equal(kz_request_delete(f->db, req, &err), KZ_ERROR);
	assert_true(has(&err, "id", "withdraw the request instead"));
	/* a request does not close while dispatches of it are live: they
	 * are named */
	err.n = 0;
	assert_int_equal(kz_request_set_status(f->db, req, KZ_REQ_CLOSED, NULL,
	    NULL, &err), KZ_ERROR);
	assert_true(has(&err, "status", d2));
	assert_true(has(&err, "status", d3));
	assert_true(has(&err, "status", "underway"));
	assert_int_equal(count(f, "SELECT count(*) FROM request WHERE "
	    "status = 'agreed'"), 1);
	c.reason = "cut short";
	assert_int_equal(kz_dispatch_set_state(f->db, d2, &c, &err), KZ_OK);
	assert_int_equal(kz_dispatch_set_state(f->db, d3, &c, &err), KZ_OK);
	/* a closed request takes no more dispatches */
	err.n = 0;
	assert_int_equal(kz_request_set_status(f->db, req, KZ_REQ_CLOSED, NULL,
	    NULL, &err), KZ_OK);
	err.n = 0;
	assert_int_equal(dispatch(f, req, sato, "2020-01-10", "2020-01-20",
	    NULL, false, NULL, &err), KZ_ERROR);
	assert_true(has(&err, "request", "is closed"));
}

/* A change of state on a day: refused or warned, and kept. */
static int
move(struct unit_fixture *f, const char *id, enum kz_dispatch_state to,
    const char *day, struct kz_err *err, struct kz_err *warn)
{
	struct kz_dispatch_change c = { .to = to, .date = day,
	    .ref = "BJS-2019-09", .reason = "cut short", .warn = warn };

	kz_err_clear(err);
	if (warn)
		kz_err_clear(warn);
	return kz_dispatch_set_state(f->db, id, &c, err);
}

/* Each rule of a change's day, at its boundary (the same day passes). */
static void
test_state_days(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 }, warn = { 0 };
	struct kz_events ev;
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], d[KZ_ID_SIZE], d2[KZ_ID_SIZE];

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "", KZ_RETIRED,
	    sp);
	request(f, "vegetables", "", "", KZ_INTERP_HOST, req);
	assert_int_equal(dispatch(f, req, sp, "2026-11-10", "2026-11-20", NULL,
	    false, d, &err), KZ_OK);
	/* today is 2026-11-21: an agreement of tomorrow is refused */
	assert_int_equal(move(f, d, KZ_DSP_SIGNED, "2026-11-22", &err, NULL),
	    KZ_ERROR);
	assert_true(has(&err, "date", "after today (2026-11-21)"));
	/* not after the first day; the first day itself is fine */
	assert_int_equal(move(f, d, KZ_DSP_SIGNED, "2026-11-11", &err, NULL),
	    KZ_ERROR);
	assert_true(has(&err, "date", "after the dispatch starts"));
	assert_int_equal(move(f, d, KZ_DSP_SIGNED, "not a day", &err, NULL),
	    KZ_ERROR);
	assert_true(has(&err, "date", "not a date"));
	assert_int_equal(move(f, d, KZ_DSP_SIGNED, "2026-11-09", &err, NULL),
	    KZ_OK);
	/* leaving: not before the agreement, not outside the period, not
	 * in the future; on another day than the first, a warning */
	assert_int_equal(move(f, d, KZ_DSP_UNDERWAY, "2026-11-08", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "before its agreement is dated "
	    "(2026-11-09)"));
	assert_int_equal(move(f, d, KZ_DSP_UNDERWAY, "2026-11-09", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "planned for 2026-11-10..2026-11-20"));
	assert_int_equal(move(f, d, KZ_DSP_UNDERWAY, "2026-11-12", &err,
	    &warn), KZ_OK);
	assert_true(has(&warn, "date", "left on 2026-11-12, not on its first "
	    "day 2026-11-10"));
	/* coming back: not before leaving; the same day is fine */
	assert_int_equal(move(f, d, KZ_DSP_RETURNED, "2026-11-11", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "before it left (2026-11-12)"));
	assert_int_equal(move(f, d, KZ_DSP_RETURNED, "2026-11-22", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "after today"));
	assert_int_equal(move(f, d, KZ_DSP_RETURNED, "2026-11-20", &err,
	    &warn), KZ_OK);
	assert_int_equal(warn.n, 0);
	/* the report: not before the return; the same day is fine */
	assert_int_equal(move(f, d, KZ_DSP_REPORTED, "2026-11-19", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "before the specialist came back "
	    "(2026-11-20)"));
	assert_int_equal(move(f, d, KZ_DSP_REPORTED, "2026-11-20", &err,
	    NULL), KZ_OK);
	/* each day is kept with its change */
	assert_int_equal(kz_dispatch_history(f->db, d, &ev, &err), KZ_OK);
	assert_int_equal(ev.n, 5);
	assert_string_equal(ev.ev[0].on, "2026-11-21");	/* proposed today */
	assert_string_equal(ev.ev[1].on, "2026-11-09");
	assert_string_equal(ev.ev[2].on, "2026-11-12");
	assert_string_equal(ev.ev[3].on, "2026-11-20");
	assert_string_equal(ev.ev[4].on, "2026-11-20");
	kz_events_free(&ev);
	/* today, when no day is given */
	assert_int_equal(dispatch(f, req, sp, "2026-12-01", "2026-12-05", NULL,
	    false, d2, &err), KZ_OK);
	assert_int_equal(move(f, d2, KZ_DSP_SIGNED, NULL, &err, NULL), KZ_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch WHERE "
	    "agreement_date = '2026-11-21'"), 1);
	/* a dispatch planned for next month does not leave today */
	assert_int_equal(move(f, d2, KZ_DSP_UNDERWAY, NULL, &err, NULL),
	    KZ_ERROR);
	assert_true(has(&err, "date", "cannot leave on 2026-11-21"));
	/* cancelling: not before the last day it changed */
	assert_int_equal(move(f, d2, KZ_DSP_CANCELLED, "2026-11-20", &err,
	    NULL), KZ_ERROR);
	assert_true(has(&err, "date", "before the last day it changed "
	    "(2026-11-21)"));
	assert_int_equal(move(f, d2, KZ_DSP_CANCELLED, "2026-11-21", &err,
	    NULL), KZ_OK);
}

/* A request follows its dispatches where it must; what only warns. */
static void
test_request_follows(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 }, warn = { 0 };
	struct kz_dispatch_opts o = { .warn = &warn };
	struct kz_dispatch d;
	struct kz_request r;
	char sp[KZ_ID_SIZE], sp2[KZ_ID_SIZE], req[KZ_ID_SIZE], d1[KZ_ID_SIZE];

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "", KZ_RETIRED,
	    sp);
	spec(f, "伊藤 花子", "Hanako Ito", "agriculture", "", "", KZ_SERVING,
	    sp2);
	request(f, "vegetables", "", "", KZ_INTERP_HOST, req);
	/* one specialist asked for: the first proposal is quiet, the
	 * second warns and is made */
	kz_dispatch_init(&d);
	snprintf(d.request, sizeof d.request, "%s", req);
	snprintf(d.specialist, sizeof d.specialist, "%s", sp);
	snprintf(d.start, sizeof d.start, "2026-12-01");
	snprintf(d.end, sizeof d.end, "2026-12-05");
	assert_int_equal(kz_dispatch_insert(f->db, &d, &o, &err), KZ_OK);
	assert_int_equal(warn.n, 0);
	memcpy(d1, d.id, sizeof d1);
	d.id[0] = '\0';
	d.created[0] = d.updated[0] = '\0';
	snprintf(d.specialist, sizeof d.specialist, "%s", sp2);
	assert_int_equal(kz_dispatch_insert(f->db, &d, &o, &err), KZ_OK);
	assert_true(has(&warn, "request", "asks for 1 specialist and now has "
	    "2 dispatches"));
	kz_dispatch_free(&d);
	/* declined or withdrawn while dispatches are live: refused, named */
	assert_int_equal(kz_request_set_status(f->db, req, KZ_REQ_WITHDRAWN,
	    NULL, NULL, &err), KZ_ERROR);
	assert_true(has(&err, "status", d1));
	assert_true(has(&err, "status", "proposed"));
	/* a request's day: not before it was received, not after today */
	kz_err_clear(&err);
	assert_int_equal(kz_request_set_status_on(f->db, req, KZ_REQ_MATCHING,
	    NULL, NULL, "2019-05-19", NULL, &err), KZ_ERROR);
	assert_true(has(&err, "date", "received on 2019-05-20"));
	kz_err_clear(&err);
	assert_int_equal(kz_request_set_status_on(f->db, req, KZ_REQ_MATCHING,
	    NULL, NULL, "2026-11-22", NULL, &err), KZ_ERROR);
	assert_true(has(&err, "date", "after today"));
	/* the country: Beijing covers CN only */
	char **had = f->cfg->countries;
	size_t nhad = f->cfg->ncountries;
	f->cfg->countries = NULL;
	f->cfg->ncountries = 0;
	f->cfg->role = KZ_ROLE_OFFICE;
	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "TH");
	kz_err_clear(&warn);
	kz_request_warn(f->db, &r, &warn);
	assert_int_equal(warn.n, 0);	/* no countries configured */
	char *cn = "CN", *list[] = { cn };
	f->cfg->countries = list;
	f->cfg->ncountries = 1;
	kz_request_warn(f->db, &r, &warn);
	assert_true(has(&warn, "country", "TH"));
	kz_err_clear(&warn);
	snprintf(r.country, sizeof r.country, "CN");
	kz_request_warn(f->db, &r, &warn);
	assert_int_equal(warn.n, 0);
	/* head office covers them all */
	snprintf(r.country, sizeof r.country, "TH");
	f->cfg->role = KZ_ROLE_HEAD;
	kz_request_warn(f->db, &r, &warn);
	assert_int_equal(warn.n, 0);
	f->cfg->role = KZ_ROLE_OFFICE;
	f->cfg->countries = had;
	f->cfg->ncountries = nhad;
	kz_request_free(&r);
}

static void
test_costs(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], d[KZ_ID_SIZE];
	struct kz_cost_line l;
	struct kz_cost_ledger led;
	struct kz_cost_total *t;
	size_t nt;

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "", KZ_RETIRED,
	    sp);
	request(f, "vegetables", "2019-09-16", "2019-09-23", KZ_INTERP_HOST,
	    req);
	assert_int_equal(dispatch(f, req, sp, "2019-09-16", "2019-09-23", NULL,
	    false, d, &err), KZ_OK);
	/* amounts on the usual lines */
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "lodging";
	l.payer = -1;
	l.has_estimate = l.has_actual = true;
	l.estimate = 350000;
	l.actual = 342000;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	assert_string_equal(l.currency, "CNY");
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "international_travel";
	l.payer = -1;
	l.has_estimate = true;
	l.estimate = 98000;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	/* not the usual payer: only with a note saying why */
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "meals";
	l.payer = KZ_PAYER_HEAD;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_ERROR);
	assert_true(has(&err, "payer[meals]", "paid by the host under the rule"));
	/* an unknown category needs its payer */
	err.n = 0;
	memset(&l, 0, sizeof l);
	snprintf(l.dispatch, sizeof l.dispatch, "%s", d);
	l.category = "visa";
	l.payer = -1;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_ERROR);
	assert_true(has(&err, "payer[visa]", "say who pays it"));
	l.payer = KZ_PAYER_HEAD;
	l.has_estimate = true;
	l.estimate = 3000;
	err.n = 0;
	assert_int_equal(kz_cost_set(f->db, &l, &err), KZ_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch_cost"), 8);
	/* totals per payer and currency */
	assert_int_equal(kz_cost_load(f->db, d, &led, &err), KZ_OK);
	assert_int_equal(kz_cost_totals(&led, &t, &nt), KZ_OK);
	assert_int_equal(nt, 2);
	assert_int_equal(t[0].payer, KZ_PAYER_HEAD);
	assert_string_equal(t[0].currency, "JPY");
	assert_int_equal(t[0].estimate, 101000);
	assert_int_equal(t[1].payer, KZ_PAYER_HOST);
	assert_string_equal(t[1].currency, "CNY");
	assert_int_equal(t[1].estimate, 350000);
	assert_int_equal(t[1].actual, 342000);
	free(t);
	kz_cost_ledger_free(&led);
	assert_int_equal(kz_cost_remove(f->db, d, "visa", &err), KZ_OK);
	assert_int_equal(kz_cost_remove(f->db, d, "visa", &err), KZ_ERROR);
}

/* ---- matching ---- */

static void
test_match_ranking(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_match m, again;
	char a[KZ_ID_SIZE], b[KZ_ID_SIZE], c[KZ_ID_SIZE], d[KZ_ID_SIZE];
	char e[KZ_ID_SIZE], req[KZ_ID_SIZE], req2[KZ_ID_SIZE];
	char shared[128];

	assert_int_equal(kz_match_shared_words("蔬菜的连作灾害 (vegetables: "
	    "damage from continuous cropping)", "continuous cropping damage",
	    shared, sizeof shared), 3);
	assert_string_equal(shared, "continuous, cropping, damage");
	assert_int_equal(kz_match_shared_words("设施园艺", "设施园艺技术",
	    shared, sizeof shared), 3);

	spec(f, "佐藤 健一", "Ken'ichi Sato",
	    "agriculture:vegetables continuous cropping:20", "zh:fluent", "",
	    KZ_RETIRED, a);
	spec(f, "伊藤 誠", "Makoto Ito", "agriculture::4", "zh:business", "",
	    KZ_SERVING, b);
	spec(f, "加藤 浩", "Hiroshi Kato", "agriculture::30", "", "",
	    KZ_SERVING, c);
	spec(f, "林 明", "Akira Hayashi", "agriculture::10", "zh:native",
	    "2019-09-20..2019-09-30 surgery", KZ_RETIRED, d);
	spec(f, "森 修", "Osamu Mori", "education", "zh:native", "",
	    KZ_RETIRED, e);
	request(f, "vegetables: damage from continuous cropping",
	    "2019-09-16", "2019-09-23", KZ_INTERP_HOST, req);
	/* Ito is away then; Sato was in Henan before */
	request(f, "rice", "2019-09-01", "2019-09-30", KZ_INTERP_HOST, req2);
	assert_int_equal(dispatch(f, req2, b, "2019-09-10", "2019-09-18", NULL,
	    false, NULL, &err), KZ_OK);
	assert_int_equal(dispatch(f, req2, a, "2019-06-01", "2019-06-08", NULL,
	    false, NULL, &err), KZ_OK);

	assert_int_equal(kz_match_request(f->db, req, &m, &err), KZ_OK);
	assert_true(m.period_checked);
	assert_int_equal(m.n, 4);	/* education is not a candidate */
	assert_int_equal(m.nfit, 2);
	assert_string_equal(m.c[0].id, a);
	assert_string_equal(m.c[1].id, c);
	/* every point explained, the sum is the score */
	for (size_t i = 0; i < m.n; i++) {
		int sum = 0;

		for (size_t j = 0; j < m.c[i].nwhy; j++)
			sum += m.c[i].why[j].points;
		assert_int_equal(sum, m.c[i].score);
	}
	/* Sato: 30 field + 18 words + 10 years + 20 zh + 10 free + 8 host
	 * + 5 retired */
	assert_int_equal(m.c[0].score, 101);
	bool words = false, host = false;
	for (size_t j = 0; j < m.c[0].nwhy; j++) {
		words |= strstr(m.c[0].why[j].text, "shares vegetables, "
		    "continuous, cropping") != NULL;
		host |= strstr(m.c[0].why[j].text, "knows the host") != NULL;
	}
	assert_true(words);
	assert_true(host);
	/* who cannot go, and why */
	for (size_t i = m.nfit; i < m.n; i++) {
		if (strcmp(m.c[i].id, b) == 0)
			assert_non_null(strstr(m.c[i].cannot, "on dispatch"));
		else {
			assert_string_equal(m.c[i].id, d);
			assert_non_null(strstr(m.c[i].cannot, "declared "
			    "unavailable 2019-09-20..2019-09-30 (surgery)"));
		}
	}
	/* the same order every time */
	assert_int_equal(kz_match_request(f->db, req, &again, &err), KZ_OK);
	for (size_t i = 0; i < m.n; i++)
		assert_string_equal(m.c[i].id, again.c[i].id);
	kz_match_free(&m);
	kz_match_free(&again);

	/* without an interpreter the language is a must */
	struct kz_request r;
	assert_int_equal(kz_request_get(f->db, req, &r, &err), KZ_OK);
	r.interpreting = KZ_INTERP_NONE;
	assert_int_equal(kz_request_update(f->db, &r, &err), KZ_OK);
	kz_request_free(&r);
	assert_int_equal(kz_match_request(f->db, req, &m, &err), KZ_OK);
	assert_int_equal(m.nfit, 1);
	assert_string_equal(m.c[0].id, a);
	kz_match_free(&m);
}

/* ---- timeline and iCalendar ---- */

static void
test_timeline(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_timeline_row r;
	struct kz_timeline_span s[3];
	char bar[64], h1[256], h2[256];
	long from = kz_date_days("2019-09-01");

	(void)f;
	memset(&r, 0, sizeof r);
	r.span = s;
	r.nspan = 3;
	s[0] = (struct kz_timeline_span){ kz_date_days("2019-09-03"),
	    kz_date_days("2019-09-05"), KZ_TL_FIRM };
	s[1] = (struct kz_timeline_span){ kz_date_days("2019-09-05"),
	    kz_date_days("2019-09-07"), KZ_TL_TENTATIVE };
	s[2] = (struct kz_timeline_span){ kz_date_days("2019-09-05"),
	    kz_date_days("2019-09-05"), KZ_TL_OVERLAP };
	kz_timeline_bar(&r, from, 1, 10, kz_date_days("2019-09-09"), bar, sizeof bar);
	assert_string_equal(bar, "  ==#-- | ");
	/* a bar past the right edge */
	kz_timeline_bar(&r, from, 1, 4, 0, bar, sizeof bar);
	assert_string_equal(bar, "  =>");
	/* headers are as wide as the chart, months and Mondays */
	kz_timeline_header(from, 1, 40, kz_date_days("2019-09-09"), h1, h2,
	    sizeof h1);
	assert_int_equal(strlen(h1), 40);
	assert_int_equal(strlen(h2), 40);
	assert_memory_equal(h1, "Sep 2019", 8);
	assert_memory_equal(h1 + 30, "Oct 2019", 8);
	assert_memory_equal(h2 + 1, "2", 1);	/* Monday 2 September */
	assert_memory_equal(h2 + 8, "9", 1);
	kz_timeline_header(kz_date_days("2019-01-01"), 7, 60, 0, h1, h2, sizeof h1);
	assert_memory_equal(h1, "2019", 4);
	assert_memory_equal(h2, "Jan", 3);
}

/* How many times s holds t. */
static int
count_of(const char *s, const char *t)
{
	int n = 0;

	while ((s = strstr(s, t)) != NULL) {
		n++;
		s += strlen(t);
	}
	return n;
}

/* The chart of a period loads only the rows with a bar in it, but each
 * whole: an overlap with a dispatch before the period, or after it,
 * still marks the row, and a specialist's row still lists every
 * dispatch; cancelled ones too when asked. */
static void
test_timeline_range(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_tl all, part;
	struct kz_buf a = { 0 }, b = { 0 };
	char sp[KZ_ID_SIZE], sp2[KZ_ID_SIZE], sp3[KZ_ID_SIZE], req[KZ_ID_SIZE];
	char d1[KZ_ID_SIZE], d2[KZ_ID_SIZE], d3[KZ_ID_SIZE], sql[600];
	long from = kz_date_days("2019-09-20"), to = kz_date_days("2019-10-31");
	char f1[11], f2[11];

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "", KZ_SERVING,
	    sp);
	spec(f, "田中 裕子", "Yuko Tanaka", "agriculture", "", "", KZ_SERVING,
	    sp2);
	spec(f, "鈴木 一郎", "Ichiro Suzuki", "agriculture", "", "", KZ_SERVING,
	    sp3);
	request(f, "rice", "2019-09-01", "2019-12-31", KZ_INTERP_HOST, req);
	assert_int_equal(dispatch(f, req, sp, "2019-09-01", "2019-09-10", NULL,
	    false, d1, &err), KZ_OK);
	assert_int_equal(dispatch(f, req, sp, "2019-09-12", "2019-09-30", NULL,
	    false, d2, &err), KZ_OK);
	assert_int_equal(dispatch(f, req, sp2, "2019-11-10", "2019-11-20", NULL,
	    false, d3, &err), KZ_OK);
	/* an overlap as a merge could bring it: d2 from 8 September */
	snprintf(sql, sizeof sql, "UPDATE dispatch SET start = '2019-09-08' "
	    "WHERE id = '%s'", d2);
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	/* sp3: one in the period, one after it overlapping it, and one
	 * cancelled in the period */
	snprintf(sql, sizeof sql, "INSERT INTO dispatch (id, request, "
	    "specialist, start, end, mode, state, created, updated) SELECT "
	    "'BJS-D901-000' || n, '%s', '%s', s, e, 'onsite', st, 't', 't' "
	    "FROM (SELECT 1 n, '2019-10-25' s, '2019-11-14' e, 'signed' st "
	    "UNION ALL SELECT 2, '2019-11-12', '2019-11-18', 'signed' UNION "
	    "ALL SELECT 3, '2019-10-01', '2019-10-03', 'cancelled')", req, sp3);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	kz_date_from_days(from, f1);
	kz_date_from_days(kz_timeline_text_last(from, to, 100), f2);
	for (int k = 0; k < 4; k++) {
		bool by = k % 2, cancelled = k / 2;

		a.len = b.len = 0;
		assert_int_equal(kz_timeline_load(f->db, by, cancelled, &all,
		    &err), KZ_OK);
		assert_int_equal(kz_timeline_load_range(f->db, by, cancelled,
		    f1, f2, &part, &err), KZ_OK);
		assert_int_equal(all.n, by ? 3 : 5 + cancelled);
		/* the period's: d2 and sp3's first (and cancelled), or
		 * their specialists' */
		assert_int_equal(part.n, by ? 2 : 2 + cancelled);
		kz_timeline_text(&all, from, to, 100, 0, &a);
		kz_timeline_text(&part, from, to, 100, 0, &b);
		assert_string_equal(kz_buf_str(&a), kz_buf_str(&b));
		/* two rows marked, in the chart and in the list */
		assert_int_equal(count_of(kz_buf_str(&b), "\n!"), 4);
		assert_null(strstr(kz_buf_str(&b), d3));
		assert_true(!strstr(kz_buf_str(&b), "BJS-D901-0003") ==
		    !cancelled);
		if (by) {	/* the rows list the dispatches out of it */
			assert_non_null(strstr(kz_buf_str(&b), d1));
			assert_non_null(strstr(kz_buf_str(&b),
			    "BJS-D901-0002"));
		} else
			assert_null(strstr(kz_buf_str(&b), d1));
		kz_timeline_free(&all);
		kz_timeline_free(&part);
	}
	kz_buf_free(&a);
	kz_buf_free(&b);
}

/* Many people's rows, some with an overlap: each dispatch goes to its
 * specialist's row, and an overlap marks that person's rows only (the
 * rows are found through an index, the overlaps along each person's
 * own dispatches). */
static void
test_timeline_many(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_tl tl;
	char sp[40][KZ_ID_SIZE], req[KZ_ID_SIZE], name[32], sql[400];
	int nover;

	request(f, "rice", "2019-09-01", "2019-12-31", KZ_INTERP_HOST, req);
	for (int k = 0; k < 40; k++) {
		snprintf(name, sizeof name, "Person %d", k);
		spec(f, name, name, "agriculture", "", "", KZ_SERVING, sp[k]);
	}
	/* two dispatches each, all in the same weeks; every third
	 * person's second starts before their first ends */
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	for (int k = 0; k < 40; k++)
		for (int n = 0; n < 2; n++) {
			snprintf(sql, sizeof sql, "INSERT INTO dispatch (id, "
			    "request, specialist, start, end, mode, state, "
			    "created, updated) VALUES ('BJS-D900-%02d%02d', "
			    "'%s', '%s', '%s', '%s', 'onsite', 'signed', "
			    "'2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z')",
			    k, n, req, sp[k], n ? (k % 3 ? "2019-10-20" :
			    "2019-10-05") : "2019-10-01", n ? "2019-10-30" :
			    "2019-10-10");
			assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL,
			    NULL, NULL), SQLITE_OK);
		}
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	for (int by = 0; by < 2; by++) {
		assert_int_equal(kz_timeline_load(f->db, by, false, &tl, &err),
		    KZ_OK);
		assert_int_equal(tl.n, by ? 40 : 80);
		nover = 0;
		for (size_t i = 0; i < tl.n; i++) {
			const struct kz_timeline_row *r = &tl.rows[i];
			int k = -1;

			for (int j = 0; j < 40 && by; j++)
				if (strcmp(r->id, sp[j]) == 0)
					k = j;
			if (by) {	/* the person's two, and the overlap */
				assert_true(k >= 0);
				assert_int_equal(r->nspan, k % 3 ? 2 : 3);
				assert_int_equal(r->overlap, k % 3 == 0);
				assert_non_null(strstr(r->label, "Person"));
			}
			nover += r->overlap;
		}
		assert_int_equal(nover, by ? 14 : 28);
		kz_timeline_free(&tl);
	}
}

static void
test_ics(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	struct kz_buf out = { 0 };
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], d[KZ_ID_SIZE], uid[64];

	spec(f, "佐藤 健一", "Ken'ichi Sato", "agriculture", "", "", KZ_RETIRED,
	    sp);
	request(f, "vegetables; damage, cropping", "2019-09-16", "2019-09-23",
	    KZ_INTERP_HOST, req);
	assert_int_equal(dispatch(f, req, sp, "2019-09-16", "2019-09-23", NULL,
	    false, d, &err), KZ_OK);
	assert_int_equal(kz_ics_dispatches(f->db, &out, &err), KZ_OK);
	const char *s = kz_buf_str(&out);
	snprintf(uid, sizeof uid, "UID:%s@kizuna\r\n", d);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(s, uid));
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20190916\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20190924\r\n"));
	assert_non_null(strstr(s, "STATUS:TENTATIVE\r\n"));
	assert_non_null(strstr(s, "DTSTAMP:20261121T080000Z\r\n"));
	assert_non_null(strstr(s, "vegetables\\; damage\\, cropping"));
	/* no line longer than 75 octets */
	for (const char *p = s; *p;) {
		const char *e = strstr(p, "\r\n");

		assert_non_null(e);
		assert_true(e - p <= 75);
		p = e + 2;
	}
	kz_buf_free(&out);
}

static void
test_demo(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };

	if (kz_demo_load(f->db, &err) != KZ_OK) {
		dump(&err);
		fail();
	}
	/* Beijing had sent 101 specialists by 2019 */
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch d JOIN request "
	    "r ON r.id = d.request WHERE r.office = 'BJS' AND d.state = "
	    "'reported' AND d.start < '2020-01-01'"), 101);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch WHERE start "
	    "= '2019-09-16' AND end = '2019-09-23'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch d JOIN "
	    "specialist s ON s.id = d.specialist WHERE d.start = '2019-11-01' "
	    "AND s.government = '宮城県' AND s.status = 'serving'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch d JOIN "
	    "specialist s ON s.id = d.specialist WHERE d.start = '2019-09-16' "
	    "AND s.government = '島根県' AND s.status = 'retired'"), 1);
	/* the online case is Singapore's: ids keep their owner, so an
	 * office's demo holds its own records only (demo.h) */
	assert_int_equal(count(f, "SELECT count(*) FROM dispatch WHERE mode = "
	    "'online'"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM request WHERE office "
	    "<> 'BJS' OR substr(id, 1, 4) <> 'BJS-'"), 0);
	assert_true(count(f, "SELECT count(*) FROM request WHERE status IN "
	    "('received', 'matching')") >= 2);
	assert_int_equal(count(f, "SELECT count(*) FROM specialist"), 1168);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money),
		cmocka_unit_test_setup_teardown(test_config_costs, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_request_rules, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_request_received_today,
		    setup_tokyo, unit_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_rules, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_state_days, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_request_follows, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_costs, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_match_ranking, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_timeline, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_timeline_many, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_timeline_range, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_ics, setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_checks_before_asking, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_demo, setup,
		    unit_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
