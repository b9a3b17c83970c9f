/* demo_dispatch.c - demo requests and dispatches: the public 2019 cases and 99 earlier ones. */
#include "demo.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "date.h"
#include "dispatch.h"
#include "i18n.h"
#include "request.h"
#include "specialist.h"

/*
 * The Beijing office had sent 101 specialists by 2019, two of them that
 * year: 16-23 September to Kaifeng (Henan), vegetables and
 * continuous cropping, a former Shimane prefecture employee; 1-8 November
 * to Jilin province, facility horticulture, a Miyagi prefecture employee.
 * Two more public cases come from Southeast Asia: Yogyakarta (Indonesia)
 * 28 Nov - 5 Dec 2017, a Yamanashi prefecture employee, and two days of
 * lectures online to Nakhon Phanom (Thailand) in December 2021. The 99
 * earlier Beijing dispatches, and the open work around today, are made up
 * from a fixed sequence, the same on every load.
 */

static unsigned long demo_rng;

static unsigned
pick(unsigned n)
{
	demo_rng = demo_rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((demo_rng >> 33) % n);
}

static const struct { const char *province, *city; } hosts[] = {
	{ "河南省", "郑州市" }, { "吉林省", "长春市" }, { "四川省", "成都市" },
	{ "江苏省", "苏州市" }, { "山东省", "青岛市" }, { "辽宁省", "大连市" },
	{ "浙江省", "杭州市" }, { "湖北省", "武汉市" }, { "陕西省", "西安市" },
	{ "黑龙江省", "哈尔滨市" }, { "云南省", "昆明市" }, { "广东省", "广州市" },
	{ "福建省", "福州市" }, { "湖南省", "长沙市" }, { "河北省", "石家庄市" },
	{ "山西省", "太原市" }, { "安徽省", "合肥市" }, { "江西省", "南昌市" },
	{ "贵州省", "贵阳市" }, { "甘肃省", "兰州市" },
	{ "内蒙古自治区", "呼和浩特市" }, { "宁夏回族自治区", "银川市" },
	{ "河南省", "开封市" }, { "吉林省", "吉林市" },
};

static const struct { const char *field, *topic, *dept; int weight; } topics[] = {
	{ "agriculture", "水稻栽培技术 (rice cultivation)", "农业农村厅", 6 },
	{ "agriculture", "果树栽培 (fruit growing: pruning)", "农业农村局", 4 },
	{ "agriculture", "设施园艺 (facility horticulture)", "农业农村厅", 5 },
	{ "agriculture", "土壤改良 (soil improvement)", "农业农村局", 3 },
	{ "environment", "大气污染监测 (air quality monitoring)", "生态环境厅", 5 },
	{ "environment", "环境教育 (environmental education)", "生态环境局", 3 },
	{ "water_sewerage", "污水处理 (sewage treatment)", "水务局", 4 },
	{ "urban_planning", "旧城改造 (urban planning: old town renewal)",
	  "自然资源和规划局", 4 },
	{ "health", "母子保健 (maternal and child health)", "卫生健康委员会", 3 },
	{ "medical", "医院管理 (hospital management)", "卫生健康委员会", 2 },
	{ "education", "日语教育 (Japanese teaching)", "教育厅", 3 },
	{ "forestry", "植树造林 (afforestation)", "林业和草原局", 3 },
	{ "fisheries", "水产养殖 (aquaculture)", "农业农村厅", 2 },
	{ "livestock", "奶牛饲养 (dairy farming)", "畜牧兽医局", 2 },
	{ "waste", "垃圾分类 (waste separation)", "城市管理局", 3 },
	{ "disaster", "防灾减灾 (disaster prevention)", "应急管理厅", 2 },
	{ "civil_engineering", "桥梁维护 (bridge maintenance)", "交通运输厅", 2 },
	{ "tourism", "观光振兴 (tourism promotion)", "文化和旅游厅", 2 },
};
#define NTOPICS (sizeof topics / sizeof topics[0])

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

static int
history(struct kz_db *db, struct pool *pools, size_t npools,
    const char *shimane, struct kz_err *err)
{
	const char *office = db->cfg->office_id;	/* the owner's */
	int total = 0, weight = 0;

	for (size_t i = 0; i < NTOPICS; i++)
		weight += topics[i].weight;
	for (int year = 1998; year <= 2018; year++) {
		/* 102 made, 3 of them cancelled: 99 sent */
		int n = 102 / 21 + (year - 1998 < 102 % 21 ? 1 : 0);

		for (int k = 0; k < n; k++, total++) {
			int w = (int)pick((unsigned)weight);
			size_t t = 0;
			struct kz_request r;
			struct kz_dispatch d;
			char received[11], start[11], end[11], ref[32], at[32];
			const struct kz_specialist_rows *l;
			int rc = KZ_ERROR;

			while (w >= topics[t].weight)
				w -= topics[t++].weight;
			unsigned h = pick(sizeof hosts / sizeof hosts[0]);
			/* the Kaifeng specialist knew Henan before 2019 */
			if (year == 2012 && k == 0) {
				t = 0;
				h = 0;
			}
			kz_date_from_days(kz_date_civil(year, 3 + k * 2 +
			    (int)pick(2), 1 + (int)pick(20)), start);
			day_add(start, 6 + pick(5) == 10 ? 30 : 7 + pick(14),
			    end);
			day_add(start, -120 - (long)pick(60), received);
			if (add_request(db, &r, office, "CN", hosts[h].province,
			    hosts[h].city, topics[t].dept, received,
			    topics[t].field, topics[t].topic, start, end,
			    KZ_ONSITE, "zh", KZ_INTERP_HOST, err))
				return KZ_ERROR;
			day_add(received, 10, ref);
			at_of(ref, at);
			kz_request_set_status(db, r.id, KZ_REQ_MATCHING, NULL, at,
			    err);
			if ((l = pool_of(db, pools, npools, topics[t].field,
			    err)) == NULL || l->n == 0) {
				kz_request_free(&r);
				return l ? kz_err_add(err, "", _("demo: no one in "
				    "%s"), topics[t].field) : KZ_ERROR;
			}
			/* someone free then: try a few */
			for (int tries = 0; tries < 12 && rc != KZ_OK; tries++) {
				struct kz_err scratch = { 0 };
				const char *who = year == 2012 && k == 0 ?
				    shimane : l->rows[pick((unsigned)l->n)].id;

				rc = add_dispatch(db, &r, who, start, end,
				    hosts[h].city, &d, &scratch);
				if (rc != KZ_OK)
					kz_dispatch_free(&d);
			}
			if (rc != KZ_OK) {
				kz_request_free(&r);
				continue;	/* nobody free: the request waits */
			}
			snprintf(ref, sizeof ref, "%s-%04d-%02d", office, year,
			    k + 1);
			if (total % 33 == 32) {
				/* now and then a host postpones for good */
				struct kz_dispatch_change c = { .to = KZ_DSP_CANCELLED,
				    .reason = "the host postponed the project" };
				day_add(start, -30, ref);
				at_of(ref, at);
				c.at = at;
				rc = kz_dispatch_set_state(db, d.id, &c, err);
				if (rc == KZ_OK)
					rc = kz_request_set_status(db, r.id,
					    KZ_REQ_WITHDRAWN, "postponed", at, err);
			} else {
				rc = live(db, d.id, start, end, KZ_DSP_REPORTED,
				    ref, err);
				if (rc == KZ_OK)
					rc = add_costs(db, d.id, kz_date_days(end) -
					    kz_date_days(start) + 1, true, err);
				day_add(end, 30, ref);
				at_of(ref, at);
				if (rc == KZ_OK)
					rc = kz_request_set_status(db, r.id,
					    KZ_REQ_CLOSED, NULL, at, err);
			}
			kz_dispatch_free(&d);
			kz_request_free(&r);
			if (rc != KZ_OK)
				return KZ_ERROR;
		}
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
		rc = live(db, d.id, start, end, KZ_DSP_REPORTED, ref, err);
		if (rc == KZ_OK)
			rc = add_costs(db, d.id, kz_date_days(end) -
			    kz_date_days(start) + 1, true, err);
		day_add(end, 30, day);
		at_of(day, at);
		if (rc == KZ_OK)
			rc = kz_request_set_status(db, r.id, KZ_REQ_CLOSED, NULL,
			    at, err);
		kz_dispatch_free(&d);
	}
	kz_request_free(&r);
	return rc;
}

/* Open work around late 2026: requests waiting for a match, one
 * dispatch under way, one scheduled, one only proposed. */
static int
current(struct kz_db *db, struct pool *pools, size_t npools,
    struct kz_err *err)
{
	static const struct {
		const char *province, *city, *dept, *field, *topic, *received;
		const char *start, *end;
		int upto;	/* -1: no dispatch yet */
		enum kz_request_status status;
	} cur[] = {
		{ "江苏省", "苏州市", "生态环境局", "environment",
		  "河流水质改善 (river water quality improvement)",
		  "2026-09-14", "2027-03-01", "2027-03-14", -1, KZ_REQ_MATCHING },
		{ "四川省", "成都市", "农业农村厅", "agriculture",
		  "设施园艺: 温室管理 (facility horticulture: greenhouse "
		  "management)", "2026-10-20", "2027-04-05", "2027-04-16", -1,
		  KZ_REQ_RECEIVED },
		{ "陕西省", "西安市", "自然资源和规划局", "urban_planning",
		  "旧城改造 (urban planning: old town renewal)", "2026-06-02",
		  "2026-11-10", "2026-11-28", KZ_DSP_UNDERWAY, KZ_REQ_AGREED },
		{ "山东省", "青岛市", "水务局", "water_sewerage",
		  "污水处理 (sewage treatment: sludge)", "2026-07-15",
		  "2026-12-07", "2026-12-18", KZ_DSP_SCHEDULED, KZ_REQ_AGREED },
		{ "云南省", "昆明市", "卫生健康委员会", "health",
		  "母子保健 (maternal and child health)", "2026-08-30",
		  "2027-01-18", "2027-01-29", KZ_DSP_PROPOSED, KZ_REQ_PROPOSED },
	};

	for (size_t i = 0; i < sizeof cur / sizeof cur[0]; i++) {
		struct kz_request r;
		struct kz_dispatch d;
		const struct kz_specialist_rows *l;
		char ref[32];
		int rc = KZ_ERROR;

		if (add_request(db, &r, db->cfg->office_id, "CN",
		    cur[i].province, cur[i].city, cur[i].dept, cur[i].received,
		    cur[i].field, cur[i].topic, cur[i].start, cur[i].end,
		    KZ_ONSITE, "zh", KZ_INTERP_HOST, err))
			return KZ_ERROR;
		if (cur[i].status == KZ_REQ_MATCHING)
			kz_request_set_status(db, r.id, KZ_REQ_MATCHING, NULL,
			    NULL, err);
		if (cur[i].upto < 0) {
			kz_request_free(&r);
			continue;
		}
		if ((l = pool_of(db, pools, npools, cur[i].field, err)) ==
		    NULL) {
			kz_request_free(&r);
			return KZ_ERROR;
		}
		for (size_t k = 0; k < l->n && rc != KZ_OK; k++) {
			struct kz_err scratch = { 0 };

			rc = add_dispatch(db, &r, l->rows[(k * 7 + i) % l->n].id,
			    cur[i].start, cur[i].end, cur[i].city, &d, &scratch);
			if (rc != KZ_OK)
				kz_dispatch_free(&d);
		}
		snprintf(ref, sizeof ref, "%s-2026-%02zu", db->cfg->office_id,
		    i + 1);
		if (rc == KZ_OK) {
			rc = live(db, d.id, cur[i].start, cur[i].end,
			    (enum kz_dispatch_state)cur[i].upto, ref, err);
			if (rc == KZ_OK)
				rc = add_costs(db, d.id, kz_date_days(cur[i].end) -
				    kz_date_days(cur[i].start) + 1, false, err);
			kz_dispatch_free(&d);
		}
		kz_request_free(&r);
		if (rc != KZ_OK)
			return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_demo_dispatches(struct kz_db *db, struct kz_err *err)
{
	struct pool pools[NTOPICS + 2];
	const struct kz_specialist_rows *agri;
	const char *taken[3];
	struct kz_demo_owner o;
	int rc = KZ_ERROR, r = KZ_OK;

	if (db->cfg == NULL || db->cfg->office_id == NULL)
		return kz_err_add(err, "", _("demo: no office configured"));
	demo_rng = 20191116UL;
	memset(pools, 0, sizeof pools);
	if ((agri = pool_of(db, pools, NTOPICS + 2, "agriculture", err)) ==
	    NULL)
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
	/* the Beijing office's records, then the Singapore office's (demo.h) */
	if (kz_demo_owner_begin(db, "BJS", &o)) {
		r = history(db, pools, NTOPICS + 2, taken[0], err) ||
		    public_case(db, "BJS", "CN", "河南省", "开封市",
	    "农业农村局", "2019-05-20",
	    "蔬菜的连作灾害应对 (vegetables: damage from continuous cropping)",
	    "2019-09-16", "2019-09-23", KZ_ONSITE, "zh", taken[0], "开封市",
	    "BJS-2019-01", NULL, err) ||
	    public_case(db, "BJS", "CN", "吉林省", NULL,
	    "农业农村厅", "2019-06-24", "施设园艺 (facility horticulture)",
	    "2019-11-01", "2019-11-08", KZ_ONSITE, "zh", taken[1],
	    "吉林省", "BJS-2019-02", NULL, err) ||
		    current(db, pools, NTOPICS + 2, err) ? KZ_ERROR : KZ_OK;
		kz_demo_owner_end(db, &o);
	}
	/* each office's draws its own, the same whoever went before */
	demo_rng = 20171128UL;
	if (r == KZ_OK && kz_demo_owner_begin(db, "SIN", &o)) {
		r = public_case(db, "SIN", "ID", "Daerah Istimewa Yogyakarta", NULL,
	    "Agriculture Service", "2017-08-01",
	    "agriculture: horticulture under the friendship memorandum",
	    "2017-11-28", "2017-12-05", KZ_ONSITE, "id", taken[2],
	    "Yogyakarta", "SIN-2017-04", "Friendship memorandum signed in "
	    "November 2016.", err) ||
	    public_case(db, "SIN", "TH", "Nakhon Phanom", NULL, NULL,
	    "2021-09-15", "agriculture: lectures (two days, online)",
	    "2021-12-14", "2021-12-15", KZ_ONLINE, "th", taken[2], NULL,
	    "SIN-2021-02", "Held online; the exact days are illustrative.",
	    err) ? KZ_ERROR : KZ_OK;
		kz_demo_owner_end(db, &o);
	}
	if (r != KZ_OK)
		goto done;
	rc = KZ_OK;
done:
	for (size_t i = 0; i < NTOPICS + 2; i++)
		kz_specialist_rows_free(&pools[i].list);
	return rc;
}
