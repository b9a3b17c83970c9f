/* demo_activity.c - the Beijing office's demo of what it does: support, research, promotion, JET, friendship links, representative offices, delegations. */
#include "demo.h"

#include <stdio.h>
#include <string.h>

#include "act_records.h"
#include "activity.h"
#include "i18n.h"

/*
 * The figures of seed 001 for fiscal 2019: 55 support cases (its named
 * examples among them), 8 commissioned research projects, the four fairs
 * and three cooking events as listed there, JET participants (ALT 5,
 * CIR 65, SEA 0; 42 new of 70), 374 friendship links to September 2020
 * starting with Kobe and Tianjin in 1973, and 46 representative offices
 * by city. What the document does not give (most cases' governments and
 * days, research topics, the other links' pairs and days) is made up
 * from fixed lists by a fixed sequence, so every demo is the same.
 */

static unsigned long rng;

static unsigned
next(unsigned n)
{
	rng = rng * 1103515245UL + 12345UL;
	return (unsigned)((rng >> 16) & 0x7fff) % n;
}

#define N(a) (sizeof (a) / sizeof (a)[0])
#define PICK(a) ((a)[next(N(a))])

static const char *const governments[] = {
	KZ_DEMO_PREFECTURES, "札幌市", "仙台市", "横浜市", "川崎市", "名古屋市",
	"京都市", "大阪市", "神戸市", "広島市", "北九州市", "福岡市", "宮崎市",
	"沼田市", "下関市",
};

/* a province-level division and cities in it */
static const struct {
	const char *province, *cities[4];
} provinces[] = {
	{ "北京市", { "北京市" } }, { "天津市", { "天津市" } },
	{ "上海市", { "上海市" } }, { "重庆市", { "重庆市" } },
	{ "河北省", { "石家庄市", "秦皇岛市", "唐山市", "承德市" } },
	{ "山西省", { "太原市", "大同市" } },
	{ "辽宁省", { "沈阳市", "大连市", "鞍山市", "丹东市" } },
	{ "吉林省", { "长春市", "吉林市", "延吉市" } },
	{ "黑龙江省", { "哈尔滨市", "齐齐哈尔市", "牡丹江市" } },
	{ "江苏省", { "南京市", "苏州市", "无锡市", "扬州市" } },
	{ "浙江省", { "杭州市", "宁波市", "绍兴市", "温州市" } },
	{ "安徽省", { "合肥市", "芜湖市" } },
	{ "福建省", { "福州市", "厦门市", "泉州市" } },
	{ "江西省", { "南昌市", "九江市" } },
	{ "山东省", { "济南市", "青岛市", "烟台市", "威海市" } },
	{ "河南省", { "郑州市", "洛阳市", "开封市" } },
	{ "湖北省", { "武汉市", "宜昌市" } },
	{ "湖南省", { "长沙市", "岳阳市" } },
	{ "广东省", { "广州市", "深圳市", "中山市", "珠海市" } },
	{ "广西壮族自治区", { "南宁市", "桂林市" } },
	{ "海南省", { "海口市" } },
	{ "四川省", { "成都市", "绵阳市", "乐山市" } },
	{ "贵州省", { "贵阳市" } },
	{ "云南省", { "昆明市", "丽江市" } },
	{ "陕西省", { "西安市", "宝鸡市", "安康市" } },
	{ "甘肃省", { "兰州市", "敦煌市" } },
	{ "青海省", { "西宁市" } },
	{ "内蒙古自治区", { "呼和浩特市" } },
	{ "宁夏回族自治区", { "银川市" } },
	{ "新疆维吾尔自治区", { "乌鲁木齐市" } },
	{ "西藏自治区", { "拉萨市" } },
};

static int
cities_of(size_t p)
{
	int n = 0;

	while (n < 4 && provinces[p].cities[n])
		n++;
	return n;
}

/* A day of fiscal 2019 (April 2019 to March 2020), the nth of count
 * spread over the year, into out. */
static void
fy2019_day(int nth, int count, char out[11])
{
	static const int len[] = { 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29,
		31 };
	int day = nth * 365 / count + (int)next(5), m = 0;

	if (day > 364)
		day = 364;
	while (m < 11 && day >= len[m]) {
		day -= len[m];
		m++;
	}
	snprintf(out, 11, "%04d-%02d-%02d", m < 9 ? 2019 : 2020,
	    (unsigned)(m + 3) % 12u + 1u, (unsigned)(day % 31) + 1u);
}

/* ---- support: 55 cases in fiscal 2019 ---- */

static const struct {
	const char *day, *government;
	int kind;
	const char *place, *partner, *what;
} named_cases[] = {
	{ "2019-05-27", "茨城県", KZ_SUP_VISIT, "北京市",
	  "国家林业和草原局",
	  "The governor's meeting with the administration's "
	  "director-general: appointment, briefing and escort" },
	{ "2019-08-31", "京都府", KZ_SUP_EVENT, "北京市", NULL,
	  "The governor at the opening of \"KYOTO HOUSE\": liaison with "
	  "the hosts and staff on the day" },
	{ "2019-11-09", "神戸市", KZ_SUP_EVENT, "北京市",
	  "北京外国语大学",
	  "Student proposal contest for Kobe, in the year of China-Japan "
	  "youth exchange: venue and judges arranged" },
	{ "2019-10-15", "青森県", KZ_SUP_BRIEFING, "北京市", NULL,
	  "Briefing on the region's situation for the prefecture's "
	  "delegation" },
	{ "2019-12-03", "仙台市", KZ_SUP_VISIT, "成都市",
	  "成都大熊猫繁育研究基地",
	  "\"Invite a giant panda\" visit: visits arranged, staff "
	  "accompanied" },
};

static const char *const case_partners[] = {
	"省人民政府外事办公室", "市人民政府外事办公室", "中日友好协会",
	"市文化和旅游局", "省商务厅", "大学", "市人民对外友好协会",
	"经济技术开发区管理委员会",
};

static const char *const case_what[] = {
	"Visits arranged and contacts made",
	"Interpreter arranged for the talks",
	"Meeting room and computers of the office lent",
	"Staff accompanied the delegation",
	"Local situation explained before the visit",
	"Hands at the promotion event",
};

static int
support(struct kz_db *db, struct kz_err *err)
{
	const int total = 55, named = (int)N(named_cases);
	int rc = KZ_OK;

	for (int i = 0; rc == KZ_OK && i < total; i++) {
		struct kz_support s;
		size_t p = next(N(provinces));

		kz_activity_init(&kz_akind_support, &s);
		if (i < named) {
			snprintf(s.start, sizeof s.start, "%s",
			    named_cases[i].day);
			kz_str_set(&s.government, named_cases[i].government);
			s.kind = named_cases[i].kind;
			kz_str_set(&s.place, named_cases[i].place);
			kz_str_set(&s.partner, named_cases[i].partner);
			kz_str_set(&s.what, named_cases[i].what);
		} else {
			fy2019_day(i - named, total - named, s.start);
			kz_str_set(&s.government, PICK(governments));
			s.kind = (int)next(KZ_SUP_OTHER + 1);
			kz_str_set(&s.place, provinces[p].cities[next(
			    (unsigned)cities_of(p))]);
			if (next(3))
				kz_str_set(&s.partner, PICK(case_partners));
			kz_str_set(&s.what, case_what[s.kind == KZ_SUP_VENUE ?
			    2 : s.kind == KZ_SUP_INTERPRETING ? 1 :
			    s.kind == KZ_SUP_BRIEFING ? 4 : next(N(case_what))]);
		}
		rc = kz_activity_insert(db, &kz_akind_support, &s, err);
		kz_activity_free(&kz_akind_support, &s);
	}
	return rc;
}

/* ---- research: 8 projects in fiscal 2019 ---- */

static const struct {
	const char *government, *topic, *requested, *delivered;
} studies[] = {
	{ "兵庫県", "Cross-border e-commerce rules for food from Japan",
	  "2019-04-22", "2019-06-10" },
	{ "長野県", "Winter sports facilities in Hebei after the 2022 "
	  "Games", "2019-05-14", "2019-07-02" },
	{ "愛媛県", "Import conditions for citrus fruit", "2019-06-03",
	  "2019-07-19" },
	{ "宮崎市", "Chinese travellers' use of mobile payment", "2019-07-08",
	  "2019-08-30" },
	{ "青森県", "Apple imports and retail prices in Beijing",
	  "2019-08-19", "2019-10-11" },
	{ "静岡県", "Elderly care services run by local governments",
	  "2019-09-24", "2019-12-06" },
	{ "北九州市", "Waste sorting rules in large cities", "2019-11-05",
	  "2020-01-17" },
	{ "福岡県", "Local government budgets for sister-city exchange",
	  "2020-01-20", NULL },
};

static int
research(struct kz_db *db, struct kz_err *err)
{
	int rc = KZ_OK;

	for (size_t i = 0; rc == KZ_OK && i < N(studies); i++) {
		struct kz_research r;

		kz_activity_init(&kz_akind_research, &r);
		kz_str_set(&r.government, studies[i].government);
		kz_str_set(&r.topic, studies[i].topic);
		snprintf(r.requested, sizeof r.requested, "%s",
		    studies[i].requested);
		if (studies[i].delivered) {
			r.status = KZ_RES_DELIVERED;
			snprintf(r.delivered, sizeof r.delivered, "%s",
			    studies[i].delivered);
		} else
			r.status = KZ_RES_IN_PROGRESS;
		rc = kz_activity_insert(db, &kz_akind_research, &r, err);
		kz_activity_free(&kz_akind_research, &r);
	}
	return rc;
}

/* ---- promotion: the 2019 fairs and cooking events ---- */

static const struct {
	int kind;
	const char *name, *start, *end, *venue, *city, *governments, *shown;
} events[] = {
	{ KZ_PRO_FAIR, "大使官邸春季交流会", "2019-05-16", NULL,
	  "日本国驻华大使馆", "北京市", NULL, NULL },
	{ KZ_PRO_FAIR, "2019北京国际旅游博览（BITE）", "2019-06-18",
	  "2019-06-20", "北京国家会议中心", "北京市", NULL, NULL },
	{ KZ_PRO_FAIR, "2019北京国际园艺博览会", "2019-08-31", "2019-09-06",
	  "2019年北京国际园艺博览会日本区", "北京市", NULL, NULL },
	{ KZ_PRO_FAIR, "2019中国国际旅游交易会（CITM）", "2019-11-15",
	  "2019-11-17", "昆明滇池国际中心", "云南省昆明市", NULL, NULL },
	{ KZ_PRO_COOKING, "美食制作体验：鹿児島県", "2019-09-21", NULL, NULL,
	  "北京市", "鹿児島県",
	  "带骨猪肉煮 鰤鱼萝卜甘露煮 甘薯什锦炸物 绿茶味增汤" },
	{ KZ_PRO_COOKING, "美食制作体验：群馬県沼田市", "2019-11-30", NULL,
	  NULL, "四川省成都市", "群馬県沼田市",
	  "辣炒魔芋面 荞麦米沙拉 脆甜苹果天妇罗 枝豆时蔬肉饼" },
	{ KZ_PRO_COOKING, "美食制作体验：福井県", "2020-01-11", NULL, NULL,
	  "浙江省杭州市", "福井県",
	  "一口鸡肉串 浓香炸猪排饭 双色牡丹饼" },
};

static int
promotion(struct kz_db *db, struct kz_err *err)
{
	int rc = KZ_OK;

	for (size_t i = 0; rc == KZ_OK && i < N(events); i++) {
		struct kz_promotion p;

		kz_activity_init(&kz_akind_promotion, &p);
		p.kind = events[i].kind;
		kz_str_set(&p.name, events[i].name);
		snprintf(p.start, sizeof p.start, "%s", events[i].start);
		if (events[i].end)
			snprintf(p.end, sizeof p.end, "%s", events[i].end);
		kz_str_set(&p.venue, events[i].venue);
		kz_str_set(&p.city, events[i].city);
		kz_str_set(&p.governments, events[i].governments);
		kz_str_set(&p.shown, events[i].shown);
		rc = kz_activity_insert(db, &kz_akind_promotion, &p, err);
		kz_activity_free(&kz_akind_promotion, &p);
	}
	return rc;
}

/* ---- JET in fiscal 2019: 70 taking part, 42 of them new ---- */

static const struct {
	int kind, level;
	const char *placement;
	int participants, joined;
} jet_lines[] = {
	/* ALT 5, as the report names them */
	{ KZ_JET_ALT, KZ_JET_PREFECTURE, "福井県", 1, 1 },
	{ KZ_JET_ALT, KZ_JET_PREFECTURE, "長崎県", 2, 1 },
	{ KZ_JET_ALT, KZ_JET_PREFECTURE, "沖縄県", 1, 1 },
	{ KZ_JET_ALT, KZ_JET_MUNICIPALITY, "北海道白糠町", 1, 1 },
	/* CIR at prefectures: 32 */
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "北海道", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "岩手県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "宮城県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "秋田県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "山形県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "新潟県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "富山県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "石川県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "長野県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "岐阜県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "静岡県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "三重県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "滋賀県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "兵庫県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "鳥取県", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "島根県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "岡山県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "広島県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "山口県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "愛媛県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "福岡県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "長崎県", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "大分県", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_PREFECTURE, "沖縄県", 1, 1 },
	/* CIR at designated cities: 6 */
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "札幌市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "横浜市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "名古屋市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "神戸市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "北九州市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_DESIGNATED_CITY, "福岡市", 1, 1 },
	/* CIR at other municipalities: 27 */
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "宮崎市", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "長崎県佐世保市", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "群馬県沼田市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "山口県下関市", 2, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "岐阜県高山市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "静岡県浜松市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "富山県富山市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "石川県金沢市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "新潟県新潟市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "秋田県大館市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "岩手県盛岡市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "福島県会津若松市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "栃木県宇都宮市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "千葉県船橋市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "三重県四日市市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "兵庫県姫路市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "鳥取県米子市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "香川県高松市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "大分県別府市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "熊本県熊本市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "鹿児島県鹿児島市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "沖縄県那覇市", 1, 1 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "北海道釧路市", 1, 0 },
	{ KZ_JET_CIR, KZ_JET_MUNICIPALITY, "長野県松本市", 1, 0 },
};

static int
jet(struct kz_db *db, struct kz_err *err)
{
	int rc = KZ_OK;

	for (size_t i = 0; rc == KZ_OK && i < N(jet_lines); i++) {
		struct kz_jet j;

		kz_activity_init(&kz_akind_jet, &j);
		j.year = 2019;
		j.kind = jet_lines[i].kind;
		j.level = jet_lines[i].level;
		kz_str_set(&j.placement, jet_lines[i].placement);
		j.participants = jet_lines[i].participants;
		j.joined = jet_lines[i].joined;
		rc = kz_activity_insert(db, &kz_akind_jet, &j, err);
		kz_activity_free(&kz_akind_jet, &j);
	}
	return rc;
}

/* ---- friendship links: 374 by September 2020 ---- */

#define LINKS 374

static int
friendship(struct kz_db *db, struct kz_err *err)
{
	/* pairs taken, so that none is made twice */
	static unsigned char taken[N(governments)][N(provinces)][4];
	int rc = KZ_OK;

	memset(taken, 0, sizeof taken);
	for (int i = 0; rc == KZ_OK && i < LINKS; i++) {
		struct kz_friendship f;
		size_t g, p;
		int c, year, month, day;

		kz_activity_init(&kz_akind_friendship, &f);
		if (i == 0) {	/* the first, in 1973 */
			kz_str_set(&f.japanese, "神戸市");
			kz_str_set(&f.partner, "天津市");
			kz_str_set(&f.region, "天津市");
			snprintf(f.signed_on, sizeof f.signed_on,
			    "1973-06-24");
		} else {
			do {
				g = next(N(governments));
				p = next(N(provinces));
				c = (int)next((unsigned)cities_of(p));
			} while (taken[g][p][c] ||
			    (strcmp(governments[g], "神戸市") == 0 &&
			    strcmp(provinces[p].province, "天津市") == 0));
			taken[g][p][c] = 1;
			kz_str_set(&f.japanese, governments[g]);
			/* a prefecture pairs with a province, a city with a
			 * city */
			kz_str_set(&f.partner, strstr(governments[g], "市") ?
			    provinces[p].cities[c] : provinces[p].province);
			kz_str_set(&f.region, provinces[p].province);
			/* spread from 1974 to 2020, more in the 1980s and
			 * 1990s as the links were; none after March 2020,
			 * so that the report of fiscal 2019 counts all 374
			 * as the seed's (by September 2020) does */
			year = 1974 + (int)((next(47) + next(47)) / 2);
			month = 1 + (int)next(12);
			day = 1 + (int)next(28);
			if (year == 2020 && month > 3)
				month = 3;
			snprintf(f.signed_on, sizeof f.signed_on,
			    "%d-%02d-%02d", year, month, day);
		}
		snprintf(f.country, sizeof f.country, "CN");
		rc = kz_activity_insert(db, &kz_akind_friendship, &f, err);
		kz_activity_free(&kz_akind_friendship, &f);
	}
	return rc;
}

/* ---- representative offices: 46 by September 2019 ---- */

static const struct {
	const char *city, *country;
	int n;
} office_cities[] = {
	{ "北京", "CN", 3 }, { "上海", "CN", 24 }, { "大连", "CN", 6 },
	{ "香港", "HK", 8 }, { "广州", "CN", 2 }, { "成都", "CN", 1 },
	{ "沈阳", "CN", 1 }, { "青岛", "CN", 1 },
};

static int
rep_offices(struct kz_db *db, struct kz_err *err)
{
	int rc = KZ_OK, k = 0;

	for (size_t i = 0; rc == KZ_OK && i < N(office_cities); i++)
		for (int n = 0; rc == KZ_OK && n < office_cities[i].n; n++) {
			struct kz_rep_office o;
			/* each government once in a city */
			const char *g = governments[(size_t)(k * 7 + 3) %
			    N(governments)];
			char name[200];

			k++;
			kz_activity_init(&kz_akind_rep_office, &o);
			kz_str_set(&o.government, g);
			kz_str_set(&o.city, office_cities[i].city);
			snprintf(o.country, sizeof o.country, "%s",
			    office_cities[i].country);
			snprintf(name, sizeof name, "%s%s事務所", g,
			    office_cities[i].city);
			kz_str_set(&o.name, name);
			snprintf(o.opened, sizeof o.opened, "%d-%02d-01",
			    1985 + (int)next(34), 1 + (int)next(12));
			rc = kz_activity_insert(db, &kz_akind_rep_office, &o,
			    err);
			kz_activity_free(&kz_akind_rep_office, &o);
		}
	return rc;
}

/* ---- delegations: a few, one with a specialist of the register ---- */

static int
delegations(struct kz_db *db, struct kz_err *err)
{
	static const struct {
		int direction;
		const char *who, *start, *end, *place, *government, *purpose;
	} list[] = {
		{ KZ_DEL_RECEIVED, "青森県訪問団", "2019-10-15", "2019-10-17",
		  "北京市", "青森県", "Trade and tourism promotion" },
		{ KZ_DEL_MADE, "Visit to the Fujian provincial government",
		  "2019-08-20", "2019-08-23", "福州市", NULL,
		  "The 18th China-Japan local exchange promotion seminar" },
		{ KZ_DEL_RECEIVED, "吉林省农业技术考察团", "2019-12-09",
		  "2019-12-13", "宮城県", "宮城県",
		  "Facility horticulture, with the specialist sent in "
		  "November" },
		{ KZ_DEL_MADE, "Visit to the Kaifeng municipal government",
		  "2020-02-17", "2020-02-18", "开封市", "島根県",
		  "Follow-up of the vegetable cropping dispatch" },
	};
	sqlite3_stmt *st;
	char sp[KZ_ID_SIZE] = "";
	int rc = KZ_OK;

	/* any specialist of the register (ids are new in every demo) */
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM specialist ORDER BY "
	    "sort_key, id LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(sp, sizeof sp, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	for (size_t i = 0; rc == KZ_OK && i < N(list); i++) {
		struct kz_delegation d;

		kz_activity_init(&kz_akind_delegation, &d);
		d.direction = list[i].direction;
		d.status = KZ_DEL_HELD;
		kz_str_set(&d.who, list[i].who);
		snprintf(d.start, sizeof d.start, "%s", list[i].start);
		snprintf(d.end, sizeof d.end, "%s", list[i].end);
		kz_str_set(&d.place, list[i].place);
		kz_str_set(&d.government, list[i].government);
		kz_str_set(&d.purpose, list[i].purpose);
		if (i == 2 && sp[0] && kz_rfield_set(kz_rtype_field(
		    &kz_delegation_type, "specialists"), &d, sp, err))
			rc = KZ_ERROR;
		if (rc == KZ_OK)
			rc = kz_activity_insert(db, &kz_akind_delegation, &d,
			    err);
		kz_activity_free(&kz_akind_delegation, &d);
	}
	return rc;
}

int
kz_demo_activities(struct kz_db *db, struct kz_err *err)
{
	struct kz_demo_owner o;
	int rc = KZ_OK;

	rng = 20190401UL;
	/* the Beijing office's (demo.h) */
	if (kz_demo_owner_begin(db, "BJS", &o)) {
		rc = support(db, err) || research(db, err) ||
		    promotion(db, err) || jet(db, err) ||
		    friendship(db, err) || rep_offices(db, err) ||
		    delegations(db, err) ? KZ_ERROR : KZ_OK;
		kz_demo_owner_end(db, &o);
	}
	return rc;
}
