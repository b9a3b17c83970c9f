/* demo_dispatch.c - demo requests and dispatches: the public cases, and each office's made-up past and open ones. */
#include "demo.h"
#include "demo_case.h"
#include "record.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "date.h"
#include "dispatch.h"
#include "i18n.h"
#include "money.h"
#include "request.h"
#include "specialist.h"

/*
 * The Beijing office had sent 101 specialists by 2019, two of them that
 * year: 16-23 September to Kaifeng (Henan), vegetables and
 * continuous cropping, a former Shimane prefecture employee; 1-8 November
 * to Jilin province, facility horticulture, a Miyagi prefecture employee.
 * Two more public cases come from Southeast Asia: Yogyakarta (Indonesia)
 * 28 Nov - 5 Dec 2017, a Yamanashi prefecture employee, and two days of
 * lectures online to Nakhon Phanom (Thailand) in December 2021. The rest
 * is made up, office by office, from each office's table of hosts,
 * topics and open work (demo_offices.c): the 99 earlier Beijing
 * dispatches, a few dozen at each other office, and the open work around
 * today, each office from a fixed sequence of its own, the same on every
 * load.
 */

static unsigned long demo_rng;

static unsigned
pick(unsigned n)
{
	demo_rng = demo_rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((demo_rng >> 33) % n);
}

/* A specialist list per field, searched once. */
struct pool {
	const char *field;
	struct kz_specialist_rows list;
};

static const struct kz_specialist_rows *
pool_of(struct kz_db *db, struct pool *pools, size_t npools, const char *f,
    struct kz_err *err)
{
	struct kz_specialist_query q;

	for (size_t i = 0; i < npools; i++) {
		if (pools[i].field == NULL) {
			kz_specialist_query_init(&q);
			q.field = f;
			pools[i].field = f;
			if (kz_specialist_search(db, &q, &pools[i].list, err))
				return NULL;
			return &pools[i].list;
		}
		if (strcmp(pools[i].field, f) == 0)
			return &pools[i].list;
	}
	return NULL;
}

static void
at_of(const char *date, char out[32])
{
	snprintf(out, 32, "%.10sT01:00:00Z", date);
}

static void
day_add(const char *date, long n, char out[11])
{
	kz_date_from_days(kz_date_days(date) + n, out);
}

/* A request as it was received, with its created stamp on that day. */
static int
add_request(struct kz_db *db, struct kz_request *r, const char *office,
    const char *country, const char *province, const char *city,
    const char *dept, const char *received, const char *field,
    const char *topic, const char *ws, const char *we, enum kz_mode mode,
    const char *lang, enum kz_interp interp, struct kz_err *err)
{
	kz_request_init(r);
	snprintf(r->office, sizeof r->office, "%s", office);
	snprintf(r->country, sizeof r->country, "%s", country);
	kz_str_set(&r->province, province);
	kz_str_set(&r->city, city);
	kz_str_set(&r->department, dept);
	snprintf(r->received, sizeof r->received, "%s", received);
	kz_request_parse_fields(db->cfg, r, field, err);
	kz_str_set(&r->topic, topic);
	snprintf(r->wish_start, sizeof r->wish_start, "%s", ws ? ws : "");
	snprintf(r->wish_end, sizeof r->wish_end, "%s", we ? we : "");
	r->mode = mode;
	kz_str_set(&r->language, lang);
	r->interpreting = interp;
	at_of(received, r->created);
	return kz_request_insert(db, r, err);
}

/* What the host pays, as much as 100 yuan of a Chinese host's costs
 * buys there, in whole units of its currency: rough price levels, for
 * amounts that look right, not exchange rates. */
static const struct { const char cur[4]; long per100; } levels[] = {
	{ "CNY", 100 }, { "KRW", 25000 }, { "EUR", 24 }, { "GBP", 21 },
	{ "USD", 27 }, { "CAD", 36 }, { "MXN", 380 }, { "BRL", 110 },
	{ "AUD", 40 }, { "NZD", 44 }, { "FJD", 55 }, { "CHF", 30 },
	{ "SEK", 280 }, { "NOK", 290 }, { "DKK", 180 }, { "PLN", 95 },
	{ "CZK", 520 }, { "HUF", 8500 }, { "RON", 110 }, { "SGD", 34 },
	{ "IDR", 280000 }, { "THB", 650 }, { "VND", 450000 }, { "MYR", 75 },
	{ "PHP", 1000 }, { "INR", 1400 }, { "LKR", 5500 }, { "KHR", 70000 },
	{ "LAK", 350000 }, { "MMK", 40000 }, { "BND", 34 },
};

/* fen (hundredths of a yuan) as minor units of cur; the US dollar's
 * level for a currency not in the table */
static long
host_money(long fen, const char *cur)
{
	long per100 = 27, minor = 1;
	int dec = kz_currency_decimals(cur);

	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(levels[i].cur, cur) == 0)
			per100 = levels[i].per100;
	while (dec-- > 0)
		minor *= 10;
	return fen * per100 / 100 * minor / 100;
}

/* Costs with amounts: head office in yen, the host in its currency. */
static int
add_costs(struct kz_db *db, const char *dispatch, long days, bool actual,
    struct kz_err *err)
{
	static const struct { const char *cat; long base, per_day; } c[] = {
		{ "international_travel", 8000000, 0 },	/* JPY: no minor unit */
		{ "accident_compensation", 300000, 0 },
		{ "incidentals", 0, 250000 },
		{ "domestic_travel", 80000, 0 },	/* CNY fen */
		{ "interpreting", 0, 80000 },
		{ "lodging", 0, 45000 },
		{ "meals", 0, 18000 },
	};
	struct kz_cost_ledger led;

	if (kz_cost_load(db, dispatch, &led, err))
		return KZ_ERROR;
	for (size_t i = 0; i < led.n; i++) {
		struct kz_cost_line *l = &led.lines[i];

		for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
			if (strcmp(l->category, c[k].cat) != 0)
				continue;
			long v = c[k].base + c[k].per_day * days;
			/* JPY has no minor unit: the table is in hundredths */
			if (strcmp(l->currency, "JPY") == 0)
				v /= 100;
			else
				v = host_money(v, l->currency);
			v += (long)pick(20) * (v / 100);
			l->has_estimate = true;
			l->estimate = v;
			if (actual) {
				l->has_actual = true;
				l->actual = v - (long)pick(10) * (v / 100);
			}
		}
		if (kz_cost_set(db, l, err)) {
			kz_cost_ledger_free(&led);
			return KZ_ERROR;
		}
	}
	kz_cost_ledger_free(&led);
	return KZ_OK;
}

/* Walk a dispatch through its life up to `upto`, with the dates a real
 * one would have. */
static int
live(struct kz_db *db, const char *id, const char *start, const char *end,
    enum kz_dispatch_state upto, const char *ref, struct kz_err *err)
{
	static const enum kz_dispatch_state path[] = { KZ_DSP_DRAFTED,
	    KZ_DSP_SIGNED, KZ_DSP_SCHEDULED, KZ_DSP_UNDERWAY, KZ_DSP_RETURNED,
	    KZ_DSP_REPORTED };
	const long offset[] = { -50, -25, -14, 0, 0, 21 };
	char day[11], at[32];

	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
		struct kz_dispatch_change c = { .to = path[i] };

		if (path[i] > upto)
			break;
		day_add(path[i] == KZ_DSP_RETURNED || path[i] ==
		    KZ_DSP_REPORTED ? end : start, offset[i], day);
		at_of(day, at);
		c.at = at;
		if (path[i] == KZ_DSP_SIGNED) {
			c.date = day;
			c.ref = ref;
		}
		if (kz_dispatch_set_state(db, id, &c, err))
			return KZ_ERROR;
	}
	return KZ_OK;
}

static int
add_dispatch(struct kz_db *db, const struct kz_request *r, const char *spec,
    const char *start, const char *end, const char *places,
    struct kz_dispatch *d, struct kz_err *err)
{
	struct kz_dispatch_opts o = { .confirmed = false };
	char day[11], at[32];

	kz_dispatch_init(d);
	snprintf(d->request, sizeof d->request, "%s", r->id);
	snprintf(d->specialist, sizeof d->specialist, "%s", spec);
	snprintf(d->start, sizeof d->start, "%s", start);
	snprintf(d->end, sizeof d->end, "%s", end);
	kz_str_set(&d->places, places);
	d->mode = r->mode;
	day_add(start, -70, day);
	at_of(day, d->created);
	at_of(day, at);
	o.at = at;
	return kz_dispatch_insert(db, d, &o, err);
}

/* Make a registered person match a public case: its home government,
 * status and sub-speciality. */
static int
shape(struct kz_db *db, const char *id, const char *gov, const char *post,
    enum kz_status status, const char *note, struct kz_err *err)
{
	struct kz_specialist s;
	int rc;

	if (kz_specialist_get(db, id, &s, err))
		return KZ_ERROR;
	kz_str_set(&s.government, gov);
	kz_str_set(&s.post, post);
	s.status = status;
	for (size_t i = 0; i < s.nfields; i++)
		if (strcmp(s.fields[i].code, "agriculture") == 0)
			kz_str_set(&s.fields[i].note, note);
	/* the 2019 people work with Chinese hosts */
	bool zh = false;
	for (size_t i = 0; i < s.nlangs; i++)
		zh |= strcmp(s.langs[i].lang, "zh") == 0;
	if (!zh)
		kz_specialist_add_lang(&s, "zh", KZ_LEVEL_CONVERSATIONAL);
	while (s.nunavail > 0)
		free(s.unavail[--s.nunavail].reason);
	rc = kz_specialist_update(db, &s, err);
	kz_specialist_free(&s);
	return rc;
}

/* The first person of the list with the status, not yet taken. */
static const char *
person(const struct kz_specialist_rows *l, enum kz_status st, const char **taken,
    int ntaken)
{
	for (size_t i = 0; l && i < l->n; i++) {
		bool used = false;

		for (int k = 0; k < ntaken; k++)
			used |= strcmp(taken[k], l->rows[i].id) == 0;
		if (!used && l->rows[i].status == st)
			return l->rows[i].id;
	}
	return NULL;
}

/*
 * The j-th of the people of list l an office may send (SIZE_MAX: one
 * drawn at random). Beijing's are anyone on the list; each other
 * office's are a share of its own, every eighth past the first eight
 * (which Beijing's open work draws on), never the public cases'
 * people: so no office's draws depend on another's dispatches, and
 * head office's demo, which holds every office's, holds the same ones
 * as each office's own (a person busy elsewhere would make another
 * draw). NULL when the share is empty.
 */
static const char *
share(const struct kz_specialist_rows *l, const struct kz_demo_office *of,
    const char **taken, size_t j)
{
	size_t slot = (size_t)(of - kz_demo_offices), n = 0;

	if (slot == 0) {
		if (j == SIZE_MAX)
			j = pick((unsigned)l->n);
		return l->n ? l->rows[j % l->n].id : NULL;
	}
	for (int pass = 0; pass < 2; pass++) {
		size_t at = 0;

		if (pass == 1) {
			if (n == 0)
				return NULL;
			j = j == SIZE_MAX ? pick((unsigned)n) : j % n;
		}
		for (size_t i = 8 + slot % 8; i < l->n; i += 8) {
			bool public = false;

			for (int k = 0; k < 3; k++)
				public |= strcmp(taken[k], l->rows[i].id) == 0;
			if (public)
				continue;
			if (pass == 1 && at++ == j)
				return l->rows[i].id;
			n += pass == 0;
		}
	}
	return NULL;
}

/* A dispatch sent, reported on with its costs paid, and its request
 * closed a month after the return. */
static int
carry_out(struct kz_db *db, const struct kz_request *r,
    const struct kz_dispatch *d, const char *ref, struct kz_err *err)
{
	char day[11], at[32];
	int rc = live(db, d->id, d->start, d->end, KZ_DSP_REPORTED, ref, err);

	if (rc == KZ_OK)
		rc = add_costs(db, d->id, kz_date_days(d->end) -
		    kz_date_days(d->start) + 1, true, err);
	day_add(d->end, 30, day);
	at_of(day, at);
	if (rc == KZ_OK)
		rc = kz_request_set_status(db, r->id, KZ_REQ_CLOSED, NULL, at,
		    err);
	return rc;
}

static int
weight(const struct kz_demo_office *of)
{
	int w = 0;

	for (size_t i = 0; i < of->ntopics; i++)
		w += of->topics[i].weight;
	return w;
}

/* One past request and its dispatch: sent, reported and closed, or
 * now and then cancelled by the host. */
static int
past_case(struct kz_db *db, struct pool *pools, size_t npools,
    const struct kz_demo_office *of, int year, int k, int total,
    const char **taken, struct kz_err *err)
{
	int w = (int)pick((unsigned)weight(of)), rc = KZ_ERROR;
	size_t t = 0;
	struct kz_request r;
	struct kz_dispatch d;
	char received[11], start[11], end[11], ref[32], at[32];
	const struct kz_specialist_rows *l;
	const struct kz_demo_topic *tp;
	const struct kz_demo_host *hp;

	while (w >= of->topics[t].weight)
		w -= of->topics[t++].weight;
	unsigned h = pick((unsigned)of->nhosts);
	/* the public case's specialist knew the host before */
	if (year == of->known_year && k == 0) {
		t = 0;
		h = 0;
	}
	tp = &of->topics[t];
	hp = &of->hosts[h];
	kz_date_from_days(kz_date_civil(year, 3 + k * 2 + (int)pick(2),
	    1 + (int)pick(20)), start);
	day_add(start, 6 + pick(5) == 10 ? 30 : 7 + pick(14), end);
	day_add(start, -120 - (long)pick(60), received);
	if (add_request(db, &r, of->id, hp->country, hp->province, hp->city,
	    tp->dept, received, tp->field, tp->topic, start, end, KZ_ONSITE,
	    hp->lang, KZ_INTERP_HOST, err))
		return KZ_ERROR;
	day_add(received, 10, ref);
	at_of(ref, at);
	kz_request_set_status(db, r.id, KZ_REQ_MATCHING, NULL, at, err);
	if ((l = pool_of(db, pools, npools, tp->field, err)) == NULL ||
	    l->n == 0) {
		kz_request_free(&r);
		return l ? kz_err_add(err, "", _("demo: no one in %s"),
		    tp->field) : KZ_ERROR;
	}
	/* someone free then: try a few */
	for (int tries = 0; tries < 12 && rc != KZ_OK; tries++) {
		struct kz_err scratch = { 0 };
		const char *who = year == of->known_year && k == 0 ?
		    taken[0] : share(l, of, taken, SIZE_MAX);

		if (who == NULL)
			break;
		rc = add_dispatch(db, &r, who, start, end, hp->city ?
		    hp->city : hp->province, &d, &scratch);
		if (rc != KZ_OK)
			kz_dispatch_free(&d);
	}
	if (rc != KZ_OK) {
		kz_request_free(&r);
		return KZ_OK;	/* nobody free: the request waits */
	}
	snprintf(ref, sizeof ref, "%s-%04d-%02d", of->id, year,
	    k + of->ref_from);
	if (total % 33 == 32) {
		/* now and then a host postpones for good */
		struct kz_dispatch_change c = { .to = KZ_DSP_CANCELLED,
		    .reason = "the host postponed the project" };
		day_add(start, -30, ref);
		at_of(ref, at);
		c.at = at;
		rc = kz_dispatch_set_state(db, d.id, &c, err);
		if (rc == KZ_OK)
			rc = kz_request_set_status(db, r.id, KZ_REQ_WITHDRAWN,
			    "postponed", at, err);
	} else
		rc = carry_out(db, &r, &d, ref, err);
	kz_dispatch_free(&d);
	kz_request_free(&r);
	return rc;
}

/* The office's past dispatches, spread evenly over its years, the
 * earlier years taking what does not divide. */
static int
history(struct kz_db *db, struct pool *pools, size_t npools,
    const struct kz_demo_office *of, const char **taken,
    struct kz_err *err)
{
	int years = of->last - of->first + 1, total = 0;

	for (int year = of->first; year <= of->last; year++) {
		int n = of->made / years +
		    (year - of->first < of->made % years);

		for (int k = 0; k < n; k++, total++)
			if (past_case(db, pools, npools, of, year, k, total,
			    taken, err))
				return KZ_ERROR;
	}
	return KZ_OK;
}

/* One public case, from request to report. */
static int
public_case(struct kz_db *db, const char *office, const char *country,
    const char *province, const char *city, const char *dept,
    const char *received, const char *topic, const char *start,
    const char *end, enum kz_mode mode, const char *lang, const char *spec,
    const char *places, const char *ref, const char *notes,
    struct kz_err *err)
{
	struct kz_request r;
	struct kz_dispatch d;
	char day[11], at[32];
	int rc;

	if (add_request(db, &r, office, country, province, city, dept,
	    received, "agriculture", topic, start, end, mode, lang,
	    KZ_INTERP_HOST, err))
		return KZ_ERROR;
	if (notes) {
		kz_str_set(&r.notes, notes);
		kz_request_update(db, &r, err);
	}
	day_add(received, 14, day);
	at_of(day, at);
	rc = kz_request_set_status(db, r.id, KZ_REQ_MATCHING, NULL, at, err);
	if (rc == KZ_OK)
		rc = add_dispatch(db, &r, spec, start, end, places, &d, err);
	if (rc == KZ_OK) {
		rc = carry_out(db, &r, &d, ref, err);
		kz_dispatch_free(&d);
	}
	kz_request_free(&r);
	return rc;
}

/* Open work around late 2026 (kz_demo_office.open): requests waiting
 * for a match, one dispatch under way, one scheduled, one proposed. */
static int
open_work(struct kz_db *db, struct pool *pools, size_t npools,
    const struct kz_demo_office *of, const char **taken,
    struct kz_err *err)
{
	for (size_t i = 0; i < of->nopen; i++) {
		const struct kz_demo_open *c = &of->open[i];
		struct kz_request r;
		struct kz_dispatch d;
		const struct kz_specialist_rows *l;
		char ref[32];
		int rc = KZ_ERROR;

		if (add_request(db, &r, of->id, c->country, c->province,
		    c->city, c->dept, c->received, c->field, c->topic, c->start,
		    c->end, KZ_ONSITE, c->lang, KZ_INTERP_HOST, err))
			return KZ_ERROR;
		if (c->status == KZ_REQ_MATCHING)
			kz_request_set_status(db, r.id, KZ_REQ_MATCHING, NULL,
			    NULL, err);
		if (c->upto < 0) {
			kz_request_free(&r);
			continue;
		}
		if ((l = pool_of(db, pools, npools, c->field, err)) == NULL) {
			kz_request_free(&r);
			return KZ_ERROR;
		}
		for (size_t k = 0; k < l->n && rc != KZ_OK; k++) {
			struct kz_err scratch = { 0 };

			const char *who = share(l, of, taken, k * 7 + i);

			if (who == NULL)
				break;
			rc = add_dispatch(db, &r, who, c->start, c->end,
			    c->city ? c->city : c->province, &d, &scratch);
			if (rc != KZ_OK)
				kz_dispatch_free(&d);
		}
		snprintf(ref, sizeof ref, "%s-2026-%02zu", of->id, i + 1);
		if (rc == KZ_OK) {
			rc = live(db, d.id, c->start, c->end,
			    (enum kz_dispatch_state)c->upto, ref, err);
			if (rc == KZ_OK)
				rc = add_costs(db, d.id, kz_date_days(c->end) -
				    kz_date_days(c->start) + 1, false, err);
			kz_dispatch_free(&d);
		}
		kz_request_free(&r);
		if (rc != KZ_OK)
			return KZ_ERROR;
	}
	return KZ_OK;
}

/* The public cases of an office that has them, after its past ones. */
static int
public_cases(struct kz_db *db, const char *office, const char **taken,
    struct kz_err *err)
{
	if (strcmp(office, "BJS") == 0)
		return public_case(db, "BJS", "CN", "河南省", "开封市",
		    "农业农村局", "2019-05-20",
		    "蔬菜的连作灾害应对 (vegetables: damage from continuous "
		    "cropping)", "2019-09-16", "2019-09-23", KZ_ONSITE, "zh",
		    taken[0], "开封市", "BJS-2019-01", NULL, err) ||
		    public_case(db, "BJS", "CN", "吉林省", NULL, "农业农村厅",
		    "2019-06-24", "施设园艺 (facility horticulture)",
		    "2019-11-01", "2019-11-08", KZ_ONSITE, "zh", taken[1],
		    "吉林省", "BJS-2019-02", NULL, err) ? KZ_ERROR : KZ_OK;
	if (strcmp(office, "SIN") != 0)
		return KZ_OK;
	/* drawn as they were before Singapore had past cases */
	demo_rng = 20171128UL;
	return public_case(db, "SIN", "ID", "Daerah Istimewa Yogyakarta",
	    NULL, "Agriculture Service", "2017-08-01",
	    "agriculture: horticulture under the friendship memorandum",
	    "2017-11-28", "2017-12-05", KZ_ONSITE, "id", taken[2],
	    "Yogyakarta", "SIN-2017-04", "Friendship memorandum signed in "
	    "November 2016.", err) ||
	    public_case(db, "SIN", "TH", "Nakhon Phanom", NULL, NULL,
	    "2021-09-15", "agriculture: lectures (two days, online)",
	    "2021-12-14", "2021-12-15", KZ_ONLINE, "th", taken[2], NULL,
	    "SIN-2021-02", "Held online; the exact days are illustrative.",
	    err) ? KZ_ERROR : KZ_OK;
}

int
kz_demo_dispatches(struct kz_db *db, struct kz_err *err)
{
	size_t npools = db->cfg ? db->cfg->nfields + 1 : 0;
	struct pool *pools = calloc(npools ? npools : 1, sizeof *pools);
	const struct kz_specialist_rows *agri;
	const char *taken[3];
	struct kz_demo_owner o;
	int rc = KZ_ERROR, r = KZ_OK;

	if (db->cfg == NULL || db->cfg->office_id == NULL) {
		free(pools);
		return kz_err_add(err, "", _("demo: no office configured"));
	}
	if (pools == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if ((agri = pool_of(db, pools, npools, "agriculture", err)) == NULL)
		goto done;
	/* The people of the public cases, among the registered. */
	taken[0] = person(agri, KZ_RETIRED, taken, 0);
	taken[1] = taken[0] ? person(agri, KZ_SERVING, taken, 1) : NULL;
	taken[2] = taken[1] ? person(agri, KZ_SERVING, taken, 2) : NULL;
	if (taken[2] == NULL) {
		kz_err_add(err, "", _("demo: too few agriculture "
		    "specialists"));
		goto done;
	}
	if (shape(db, taken[0], "島根県", "元 農業技術センター 専門研究員",
	    KZ_RETIRED, "vegetables: continuous cropping damage", err) ||
	    shape(db, taken[1], "宮城県", "農政部 園芸推進課 技師",
	    KZ_SERVING, "facility horticulture", err) ||
	    shape(db, taken[2], "山梨県", "農政部 果樹技術指導員", KZ_SERVING,
	    "fruit growing", err))
		goto done;
	/* each office's records under its own prefix (demo.h), each drawn
	 * from its own sequence: the same whoever went before */
	for (size_t i = 0; r == KZ_OK && i < kz_demo_noffices; i++) {
		const struct kz_demo_office *of = &kz_demo_offices[i];

		if (!kz_demo_owner_begin(db, of->id, &o))
			continue;
		demo_rng = of->seed;
		r = history(db, pools, npools, of, taken, err) ||
		    public_cases(db, of->id, taken, err) ||
		    open_work(db, pools, npools, of, taken, err) ? KZ_ERROR :
		    KZ_OK;
		kz_demo_owner_end(db, &o);
	}
	if (r != KZ_OK)
		goto done;
	rc = KZ_OK;
done:
	for (size_t i = 0; i < npools; i++)
		kz_specialist_rows_free(&pools[i].list);
	free(pools);
	return rc;
}
