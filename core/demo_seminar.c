/* demo_seminar.c - demo seminars, programmes, participants, trainees. */
#include "demo.h"
#include "record.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "participant.h"
#include "programme.h"
#include "seminar.h"
#include "specialist.h"	/* kz_str_set */
#include "opening.h"
#include "trainee.h"

/*
 * The public facts of seeds 001 (Beijing office) and 002 (Singapore
 * office), as they are written there: the eighteen China-Japan local
 * exchange promotion seminars, the 2019 one in detail; the Singapore
 * office's 2019 seminar in Japan with its programme and the nine
 * countries of its participants; the seven 2019 trainee placements. The
 * documents give no clock times, no trainee and no participant names:
 * the demo invents none of those.
 */

static const struct {
	int number, year;
	const char *city, *region, *theme;
} cj_editions[] = {
	{ 1, 2002, "北京市", NULL, NULL },
	{ 2, 2003, "南宁市", "广西壮族自治区",
	  "亚洲经济发展中地方政府的作用" },
	{ 3, 2004, "齐齐哈尔市", "黑龙江省",
	  "东北亚经济与地方政府的作用" },
	{ 4, 2005, "乌鲁木齐市", "新疆维吾尔自治区",
	  "互利双赢的新型中日地方交流" },
	{ 5, 2006, "长沙市", "湖南省",
	  "如何建立新的中日城市网 ～促进多城市间的中日旅游交流～" },
	{ 6, 2007, "成都市", "四川省",
	  "通过城市合作扩大旅游交流" },
	{ 7, 2008, "太原市", "山西省",
	  "从地方层面促进中日环境合作 ～构建具体的中日互惠关系～" },
	{ 8, 2009, "扬州市", "江苏省",
	  "世界金融危机影响下中日两国地方政府应发挥的作用 "
	  "～探寻振兴地方经济及促进经济交流的新可能性～" },
	{ 9, 2010, "济南市", "山东省",
	  "如何进一步推进中日地方文化旅游交流 "
	  "～活用地方文化资源促进旅游交流～" },
	{ 10, 2011, "重庆市", NULL,
	  "加强经济交流展望地方发展" },
	{ 11, 2012, "北京市", NULL,
	  "如何开展新的地方交流 ～从地方层面开拓中日未来～" },
	{ 12, 2013, "义乌市", "浙江省",
	  "因地制宜、多样化的地方发展及其展望" },
	{ 13, 2014, "贵阳市", "贵州省",
	  "科技创新与生态文明" },
	{ 14, 2015, "西宁市", "青海省",
	  "开拓21世纪“丝路”，开展新时代交流" },
	{ 15, 2016, "安康市", "陕西省",
	  "如何充分利用环境资源促进地方可持续发展 ～绿色发展与生态旅游～" },
	{ 16, 2017, "沈阳市", "辽宁省",
	  "幸福城市 共同缔造" },
	{ 17, 2018, "绵阳市", "四川省",
	  "加强新产业培育及招商引资，促进地方可持续发展" },
	{ 18, 2019, "福州市", "福建省",
	  "加强地方合作 共享发展机遇" },
};

/* Day by day, without times: the seed gives none. */
struct demo_item {
	const char *date, *city, *venue;
	enum kz_kind kind;
	const char *title;
};

static const struct demo_item cj_2019[] = {
	{ "2019-08-21", "福州市", NULL, KZ_KIND_SESSION,
	  "自治体中国事务所联络会议" },
	{ "2019-08-21", "福州市", NULL, KZ_KIND_RECEPTION,
	  "福州市人民政府主办欢迎晚宴" },
	{ "2019-08-22", "福州市", NULL, KZ_KIND_SESSION,
	  "正式会议（主旨演讲、小组讨论等）" },
	{ "2019-08-22", "福州市", NULL, KZ_KIND_OPINION_EXCHANGE,
	  "JET项目归国国际交流员座谈会" },
	{ "2019-08-22", "福州市", NULL, KZ_KIND_LECTURE,
	  "面向在华日本地方政府事务所的访日旅游演讲会" },
	{ "2019-08-22", "福州市", NULL, KZ_KIND_RECEPTION,
	  "自治体国际化协会主办招待晚宴" },
	{ "2019-08-23", "福州市", "黄檗寺", KZ_KIND_VISIT, "行政考察：黄檗寺" },
	{ "2019-08-23", "福州市", "福耀集团", KZ_KIND_VISIT,
	  "行政考察：福耀集团" },
};

static const struct demo_item sin_2019[] = {
	{ "2019-12-15", "Tokyo", NULL, KZ_KIND_ARRIVAL,
	  "Seminar participants arrive in Tokyo" },
	{ "2019-12-16", "Tokyo", NULL, KZ_KIND_LECTURE,
	  "Lecture on 'Local Administration in Japan'" },
	{ "2019-12-16", "Tokyo", "Shinjuku Multicultural Plaza", KZ_KIND_VISIT,
	  "Visit to Shinjuku Multicultural Plaza" },
	{ "2019-12-16", "Tokyo", "Tourist Information Center (TIC)",
	  KZ_KIND_VISIT, "Visit to Tourist Information Center (TIC)" },
	{ "2019-12-17", "Tokyo", "Japan National Tourism Organization (JNTO)",
	  KZ_KIND_VISIT, "Visit to Japan National Tourism Organization (JNTO)" },
	{ "2019-12-17", "Shimonoseki", NULL, KZ_KIND_BRIEFING,
	  "Briefing on Shimonoseki City" },
	{ "2019-12-18", "Shimonoseki", NULL, KZ_KIND_COURTESY_CALL,
	  "Courtesy call on the Mayor of Shimonoseki City" },
	{ "2019-12-18", "Shimonoseki", NULL, KZ_KIND_BRIEFING,
	  "Briefing on Shimonoseki City's disaster prevention policies" },
	{ "2019-12-18", "Shimonoseki", "Disaster prevention facility",
	  KZ_KIND_VISIT, "Visit to disaster prevention facility" },
	{ "2019-12-18", "Shimonoseki", "Water treatment plant", KZ_KIND_VISIT,
	  "Visit to water treatment plant" },
	{ "2019-12-18", "Shimonoseki", "Chofu Garden, Mori Museum",
	  KZ_KIND_VISIT,
	  "Visit to local tourist destinations (Chofu Garden, Mori Museum)" },
	{ "2019-12-19", "Shimonoseki", "Tsunoshima Bridge, Tsunoshima Lighthouse",
	  KZ_KIND_VISIT, "Visit to local tourist destinations (Tsunoshima "
	  "Bridge, Tsunoshima Lighthouse etc.)" },
	{ "2019-12-19", "Shimonoseki", NULL, KZ_KIND_OPINION_EXCHANGE,
	  "Opinion Exchange Session" },
	{ "2019-12-20", "Shimonoseki", "Karato Market", KZ_KIND_VISIT,
	  "Visit to local tourist destinations (Karato Market etc.)" },
	{ "2019-12-20", "Tokyo", NULL, KZ_KIND_TRAVEL,
	  "Overnight stay in Tokyo" },
	{ "2019-12-21", "Tokyo", NULL, KZ_KIND_DEPARTURE,
	  "Seminar participants return to their respective home countries" },
};

static const char *const sin_countries[] = {
	"KH", "IN", "ID", "LA", "MY", "MM", "PH", "LK", "TH",
};

static const struct {
	const char *host, *home, *region, *fields;
} placements_2019[] = {
	{ "岩手县", "辽宁省大连市", "辽宁省", "经济交流" },
	{ "岐阜县高山市", "云南省丽江市", "云南省", "医疗、地方行政" },
	{ "静冈县浜松市", "浙江省杭州市", "浙江省", "观光、国际交流" },
	{ "滋贺县", "湖南省", "湖南省", "观光农业" },
	{ "鸟取县", "吉林省", "吉林省", "商工行政、国际行政" },
	{ "长崎县长崎市", "广东省中山市", "广东省",
	  "终身教育、国际、和平、观光、自来水、农林水产、环境" },
	{ "大分县", "湖北省", "湖北省", "观光、地方发展政策" },
};

/* A text in Chinese, Japanese and English (core/tr.h), as the offices
 * that read it write it. */
struct demo_langs {
	const char *zh, *ja, *en;
};

static const struct demo_langs cj_name = {
	"中日地方交流促进研讨会", "日中地方交流促進セミナー",
	"China-Japan Local Exchange Promotion Seminar",
};
static const struct demo_langs cj_2019_theme = {
	"加强地方合作 共享发展机遇", "地方協力の強化と発展機会の共有",
	"Strengthening local cooperation, sharing development opportunities",
};

static int
set_langs(struct kz_trs *t, const char *field, const struct demo_langs *l)
{
	return kz_tr_set(t, field, "zh", l->zh) || kz_tr_set(t, field, "ja",
	    l->ja) || kz_tr_set(t, field, "en", l->en) ? KZ_ERROR : KZ_OK;
}

static int
add_series(struct kz_db *db, const char *code, const char *name,
    const struct demo_langs *langs, const char *office, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	struct kz_series s;
	int rc;

	memset(&s, 0, sizeof s);
	if (kz_str_set(&s.code, code) || kz_str_set(&s.name, name) ||
	    kz_str_set(&s.office, office) ||
	    (langs && set_langs(&s.tr, "name", langs))) {
		kz_series_free(&s);
		return kz_err_add(err, "", _("out of memory"));
	}
	rc = kz_series_insert(db, &s, err);
	memcpy(id, s.id, KZ_ID_SIZE);
	kz_series_free(&s);
	return rc;
}

static int
add_items(struct kz_db *db, const char *seminar, const struct demo_item *d,
    size_t n, struct kz_err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct kz_item it;
		int rc;

		kz_programme_item_init(&it);
		memcpy(it.seminar, seminar, KZ_ID_SIZE);
		snprintf(it.date, sizeof it.date, "%s", d[i].date);
		it.kind = d[i].kind;
		kz_str_set(&it.city, d[i].city);
		kz_str_set(&it.venue, d[i].venue);
		kz_str_set(&it.title, d[i].title);
		rc = kz_programme_item_insert(db, &it, 0, err, NULL);
		kz_programme_item_free(&it);
		if (rc)
			return KZ_ERROR;
	}
	return KZ_OK;
}

static int
china_japan(struct kz_db *db, struct kz_err *err)
{
	char series[KZ_ID_SIZE];
	int rc = KZ_OK;

	if (add_series(db, "cj-seminar", cj_name.zh, &cj_name, "BJS", series,
	    err))
		return KZ_ERROR;
	for (size_t i = 0; i < sizeof cj_editions / sizeof cj_editions[0] &&
	    rc == KZ_OK; i++) {
		struct kz_seminar s;

		kz_seminar_init(&s);
		memcpy(s.series, series, KZ_ID_SIZE);
		s.number = cj_editions[i].number;
		s.year = cj_editions[i].year;
		s.status = KZ_SEM_HELD;
		snprintf(s.country, sizeof s.country, "CN");
		kz_str_set(&s.city, cj_editions[i].city);
		kz_str_set(&s.region, cj_editions[i].region);
		kz_str_set(&s.theme, cj_editions[i].theme);
		if (s.number == 18) {
			snprintf(s.start, sizeof s.start, "2019-08-21");
			snprintf(s.end, sizeof s.end, "2019-08-23");
			kz_str_set(&s.organiser,
			    "日本国自治体国际化协会（CLAIR）");
			kz_str_set(&s.co_organisers, "中国外交部外事管理司; "
			    "福建省人民政府外事办公室; 福州市人民政府");
			kz_str_set(&s.supporters, "日本国驻广州总领事馆; "
			    "中国日本友好协会");
			kz_seminar_parse_attendance(&s, "178: 日方 61, 中方 117",
			    err);
			if (set_langs(&s.tr, "theme", &cj_2019_theme))
				rc = kz_err_add(err, "", _("out of memory"));
		}
		if (rc == KZ_OK)
			rc = kz_seminar_insert(db, &s, err);
		if (rc == KZ_OK && s.number == 18)
			rc = add_items(db, s.id, cj_2019, sizeof cj_2019 /
			    sizeof cj_2019[0], err);
		kz_seminar_free(&s);
	}
	return rc;
}

static int
senior_officials(struct kz_db *db, struct kz_err *err)
{
	struct kz_seminar s;
	char series[KZ_ID_SIZE];
	int rc;

	if (add_series(db, "senior-officials", "海外地方政府干部交流合作研讨会",
	    NULL, "BJS", series, err))
		return KZ_ERROR;
	kz_seminar_init(&s);
	memcpy(s.series, series, KZ_ID_SIZE);
	s.year = 2018;
	s.status = KZ_SEM_HELD;
	snprintf(s.start, sizeof s.start, "2018-11-19");
	snprintf(s.end, sizeof s.end, "2018-11-23");
	snprintf(s.country, sizeof s.country, "JP");
	kz_str_set(&s.city, "东京、长崎县");
	kz_str_set(&s.theme, "着眼于长崎与中国久远的交流历史，宣传长崎");
	kz_str_set(&s.notes, "研讨会（东京）：关于日本的地方自治制度的讲座等\n"
	    "交流活动（长崎县）：行政说明、考察、意见交流等");
	rc = kz_seminar_insert(db, &s, err);
	kz_seminar_free(&s);
	return rc;
}

static int
singapore(struct kz_db *db, struct kz_err *err)
{
	struct kz_seminar s;
	char series[KZ_ID_SIZE];
	int rc;

	if (add_series(db, "sin-seminar", "Local Government Exchange and "
	    "Cooperation Seminar", NULL, "SIN", series, err))
		return KZ_ERROR;
	kz_seminar_init(&s);
	memcpy(s.series, series, KZ_ID_SIZE);
	s.year = 2019;
	s.status = KZ_SEM_HELD;
	snprintf(s.start, sizeof s.start, "2019-12-15");
	snprintf(s.end, sizeof s.end, "2019-12-21");
	snprintf(s.country, sizeof s.country, "JP");
	kz_str_set(&s.title, "Local Government Exchange and Cooperation "
	    "Seminar 2019");
	kz_str_set(&s.theme, "Tourism Promotion; Multiculturalism");
	kz_str_set(&s.city, "Tokyo, Shimonoseki");
	kz_str_set(&s.region, "Tokyo, Yamaguchi Prefecture");
	kz_str_set(&s.organiser, "CLAIR Singapore");
	kz_str_set(&s.notes, "Strengthening relations through 'Kizuna'");
	kz_seminar_parse_attendance(&s, "9: KH 1, IN 1, ID 1, LA 1, MY 1, MM 1, "
	    "PH 1, LK 1, TH 1", err);
	if ((rc = kz_seminar_insert(db, &s, err)) == KZ_OK)
		rc = add_items(db, s.id, sin_2019, sizeof sin_2019 /
		    sizeof sin_2019[0], err);
	for (size_t i = 0; rc == KZ_OK && i < sizeof sin_countries /
	    sizeof sin_countries[0]; i++) {
		struct kz_participant p;
		char name[64];

		/* the report names countries, not people */
		kz_participant_init(&p);
		memcpy(p.seminar, s.id, KZ_ID_SIZE);
		snprintf(p.country, sizeof p.country, "%s", sin_countries[i]);
		snprintf(name, sizeof name, "Participant %zu (%s)", i + 1,
		    sin_countries[i]);
		kz_str_set(&p.name, name);
		kz_str_set(&p.post, "senior local government official");
		rc = kz_participant_insert(db, &p, err);
		kz_participant_free(&p);
	}
	kz_seminar_free(&s);
	return rc;
}

static int
trainees(struct kz_db *db, struct kz_err *err)
{
	for (size_t i = 0; i < sizeof placements_2019 /
	    sizeof placements_2019[0]; i++) {
		struct kz_trainee t;
		int rc;

		kz_trainee_init(&t);
		kz_str_set(&t.host, placements_2019[i].host);
		kz_str_set(&t.home_government, placements_2019[i].home);
		kz_str_set(&t.home_region, placements_2019[i].region);
		kz_str_set(&t.fields, placements_2019[i].fields);
		snprintf(t.home_country, sizeof t.home_country, "CN");
		t.year = 2019;
		t.programme = KZ_TRP_LGOTP;
		t.status = KZ_TR_COMPLETED;
		rc = kz_trainee_insert(db, &t, err);
		kz_trainee_free(&t);
		if (rc)
			return KZ_ERROR;
	}
	return KZ_OK;
}

/* The figures the report gives since each programme began (seed 001):
 * LGOTP 514 since 1996, 7 of them in 2019, so the figure counts to the
 * end of 2018 and the demo's 2019 placements make the rest; the senior
 * officials' 135 and the 101 specialists (whom the demo's dispatches
 * also count, to the same total) and JET's 1,407 to the end of 2019,
 * after every record the demo has of those years. */
static int
openings(struct kz_db *db, struct kz_err *err)
{
	static const struct {
		const char *programme;
		int since;
		const char *as_of;
		int count;
	} figures[] = {
		{ "trainee", 1996, "2019-03-31", 507 },
		{ "attendance:senior-officials", 1995, "2020-03-31", 135 },
		{ "dispatch", 1998, "2020-03-31", 101 },
		{ "jet:alt", 1992, "2020-03-31", 115 },
		{ "jet:cir", 1992, "2020-03-31", 1265 },
		{ "jet:sea", 1992, "2020-03-31", 27 },
	};

	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		struct kz_opening o;
		int rc;

		kz_opening_init(&o);
		kz_str_set(&o.programme, figures[i].programme);
		o.since = figures[i].since;
		snprintf(o.as_of, sizeof o.as_of, "%s", figures[i].as_of);
		o.count = figures[i].count;
		kz_str_set(&o.note, "2019年度业务报告");
		rc = kz_opening_insert(db, &o, err);
		kz_opening_free(&o);
		if (rc)
			return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_demo_seminars(struct kz_db *db, struct kz_err *err)
{
	struct kz_demo_owner o;
	int rc = KZ_OK;

	/* the Beijing office's, then the Singapore office's (demo.h) */
	if (kz_demo_owner_begin(db, "BJS", &o)) {
		rc = china_japan(db, err) || senior_officials(db, err) ||
		    trainees(db, err) || openings(db, err) ? KZ_ERROR : KZ_OK;
		kz_demo_owner_end(db, &o);
	}
	if (rc == KZ_OK && kz_demo_owner_begin(db, "SIN", &o)) {
		rc = singapore(db, err);
		kz_demo_owner_end(db, &o);
	}
	return rc;
}
