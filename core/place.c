/* place.c - the names of places kizuna knows, as a reader of Japanese writes them. */
#include "place.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"

/*
 * Chinese names in simplified characters and their Japanese forms:
 * the same characters in Japanese shapes (OpenCC's s2t then t2jp, read
 * through), and the names Japanese gives differently: the autonomous
 * regions' peoples in katakana (新疆ウイグル自治区), 厦門.
 */
static const struct { const char *zh, *ja; } names[] = {
	/* provinces, municipalities, autonomous regions */
	{ "北京市", "北京市" }, { "天津市", "天津市" }, { "上海市", "上海市" },
	{ "重庆市", "重慶市" }, { "河北省", "河北省" }, { "山西省", "山西省" },
	{ "辽宁省", "遼寧省" }, { "吉林省", "吉林省" },
	{ "黑龙江省", "黒竜江省" }, { "江苏省", "江蘇省" },
	{ "浙江省", "浙江省" }, { "安徽省", "安徽省" }, { "福建省", "福建省" },
	{ "江西省", "江西省" }, { "山东省", "山東省" }, { "河南省", "河南省" },
	{ "湖北省", "湖北省" }, { "湖南省", "湖南省" }, { "广东省", "広東省" },
	{ "海南省", "海南省" }, { "四川省", "四川省" }, { "贵州省", "貴州省" },
	{ "云南省", "雲南省" }, { "陕西省", "陝西省" }, { "甘肃省", "甘粛省" },
	{ "青海省", "青海省" }, { "内蒙古自治区", "内モンゴル自治区" },
	{ "广西壮族自治区", "広西チワン族自治区" },
	{ "西藏自治区", "チベット自治区" },
	{ "宁夏回族自治区", "寧夏回族自治区" },
	{ "新疆维吾尔自治区", "新疆ウイグル自治区" },
	{ "香港特别行政区", "香港特別行政区" },
	{ "澳门特别行政区", "マカオ特別行政区" },
	/* cities */
	{ "丹东市", "丹東市" }, { "丽江市", "麗江市" }, { "义乌市", "義烏市" },
	{ "乌鲁木齐市", "烏魯木斉市" }, { "乐山市", "楽山市" },
	{ "兰州市", "蘭州市" }, { "南宁市", "南寧市" }, { "厦门市", "厦門市" },
	{ "哈尔滨市", "哈爾浜市" }, { "大连市", "大連市" },
	{ "宝鸡市", "宝鶏市" }, { "岳阳市", "岳陽市" }, { "广州市", "広州市" },
	{ "开封市", "開封市" }, { "扬州市", "揚州市" }, { "承德市", "承徳市" },
	{ "拉萨市", "拉薩市" }, { "武汉市", "武漢市" }, { "沈阳市", "瀋陽市" },
	{ "济南市", "済南市" }, { "烟台市", "煙台市" },
	{ "石家庄市", "石家荘市" }, { "绍兴市", "紹興市" },
	{ "绵阳市", "綿陽市" }, { "芜湖市", "蕪湖市" }, { "苏州市", "蘇州市" },
	{ "西宁市", "西寧市" }, { "贵阳市", "貴陽市" }, { "郑州市", "鄭州市" },
	{ "银川市", "銀川市" }, { "长春市", "長春市" }, { "长沙市", "長沙市" },
	{ "青岛市", "青島市" }, { "齐齐哈尔市", "斉斉哈爾市" },
	{ "鞍山市", "鞍山市" }, { "唐山市", "唐山市" }, { "延吉市", "延吉市" },
	{ "敦煌市", "敦煌市" },
	/* Japanese places as Chinese hosts write them */
	{ "东京都", "東京都" }, { "长崎县", "長崎県" },
	/* Korean provinces and cities as the Seoul office types them, in
	 * Hangul; Japanese writes them in their kanji (iso-codes has only
	 * romanised names of Korea's) */
	{ "서울특별시", "ソウル特別市" }, { "부산광역시", "釜山広域市" },
	{ "대구광역시", "大邱広域市" }, { "인천광역시", "仁川広域市" },
	{ "광주광역시", "光州広域市" }, { "대전광역시", "大田広域市" },
	{ "울산광역시", "蔚山広域市" }, { "세종특별자치시", "世宗特別自治市" },
	{ "경기도", "京畿道" }, { "강원도", "江原道" },
	{ "강원특별자치도", "江原特別自治道" }, { "충청북도", "忠清北道" },
	{ "충청남도", "忠清南道" }, { "전라북도", "全羅北道" },
	{ "전북특별자치도", "全北特別自治道" }, { "전라남도", "全羅南道" },
	{ "경상북도", "慶尚北道" }, { "경상남도", "慶尚南道" },
	{ "제주특별자치도", "済州特別自治道" },
	{ "경주시", "慶州市" }, { "안동시", "安東市" }, { "영주시", "栄州市" },
	{ "창원시", "昌原市" }, { "진주시", "晋州市" }, { "순천시", "順天市" },
	{ "여수시", "麗水市" }, { "전주시", "全州市" }, { "공주시", "公州市" },
	{ "청주시", "清州市" }, { "춘천시", "春川市" }, { "수원시", "水原市" },
	{ "제주시", "済州市" }, { "해운대구", "海雲台区" },
	{ "수성구", "寿城区" },
};

/* kinds a name may be written without (广州 for 广州市) */
static const char *const kinds[] = { "市", "省", "都", "县" };

static bool
lang_ja(const char *lang)
{
	if (lang == NULL)
		lang = kz_i18n_language();
	return lang && strncmp(lang, "ja", 2) == 0 &&
	    (lang[2] == '\0' || lang[2] == '_');
}

/* name's n bytes as an entry, whole or without its kind; the Japanese
 * form, and in *cut how much of its end to leave off */
static const char *
lookup(const char *name, size_t n, size_t *cut)
{
	*cut = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *zh = names[i].zh, *ja = names[i].ja;
		size_t lz = strlen(zh), lj = strlen(ja);

		if (lz == n && memcmp(zh, name, n) == 0)
			return ja;
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			size_t lk = strlen(kinds[k]);

			/* the kind is the same in both forms: 市, 省 */
			if (lz == n + lk && memcmp(zh, name, n) == 0 &&
			    strcmp(zh + n, kinds[k]) == 0 && lj > lk &&
			    strcmp(ja + lj - lk, kinds[k]) == 0) {
				*cut = lk;
				return ja;
			}
		}
	}
	return NULL;
}

const char *
kz_place_name(const char *name, const char *lang)
{
	static char buf[128];
	const char *ja;
	size_t cut;

	if (name == NULL || !lang_ja(lang) ||
	    (ja = lookup(name, strlen(name), &cut)) == NULL)
		return NULL;
	if (cut == 0)
		return ja;
	if (strlen(ja) - cut >= sizeof buf)
		return NULL;
	memcpy(buf, ja, strlen(ja) - cut);
	buf[strlen(ja) - cut] = '\0';
	return buf;
}

/* bytes of a separator at p, or 0: asked of every byte of a place, so
 * told by its first byte (a dispatch list's places were 12 string
 * compares a byte) */
static size_t
separator(const char *p)
{
	/* 、・ begin E3, the fullwidth ，；（） EF */
	static const char wide[][4] = { "、", "・", "，", "；", "（", "）" };

	switch ((unsigned char)*p) {
	case ' ': case ',': case ';': case '/': case '(': case ')':
		return 1;
	case 0xe3: case 0xef:
		for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
			if (strncmp(p, wide[i], 3) == 0)
				return 3;
		return 0;
	default:
		return 0;
	}
}

char *
kz_place_text(const char *text, const char *lang)
{
	struct kz_buf b = { 0 };
	bool ja = lang_ja(lang);

	kz_buf_puts(&b, "");
	for (const char *p = text; p && *p;) {
		size_t s = separator(p), n = 0, cut;
		const char *form;

		if (s) {
			kz_buf_put(&b, p, s);
			p += s;
			continue;
		}
		while (p[n] && separator(p + n) == 0)
			n++;
		if (ja && (form = lookup(p, n, &cut)) != NULL)
			kz_buf_put(&b, form, strlen(form) - cut);
		else
			kz_buf_put(&b, p, n);
		p += n;
	}
	if (b.oom) {
		kz_buf_free(&b);
		return NULL;
	}
	return b.s;
}
