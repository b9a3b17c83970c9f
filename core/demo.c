/* demo.c - a demo data set shaped like the published register. */
#include "demo.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "search.h"
#include "specialist.h"

/* Published counts for five fields; the rest share what is left. */
static const struct { const char *code; int count; } published[] = {
	{ "education", 180 }, { "agriculture", 131 },
	{ "civil_engineering", 100 }, { "health", 96 }, { "environment", 88 },
};
#define NPUBLISHED (sizeof published / sizeof published[0])

static const struct { const char *kanji, *roman; } surnames[] = {
	{ "佐藤", "Sato" }, { "鈴木", "Suzuki" }, { "高橋", "Takahashi" },
	{ "田中", "Tanaka" }, { "伊藤", "Ito" }, { "渡辺", "Watanabe" },
	{ "山本", "Yamamoto" }, { "中村", "Nakamura" }, { "小林", "Kobayashi" },
	{ "加藤", "Kato" }, { "吉田", "Yoshida" }, { "山田", "Yamada" },
	{ "佐々木", "Sasaki" }, { "山口", "Yamaguchi" }, { "松本", "Matsumoto" },
	{ "井上", "Inoue" }, { "木村", "Kimura" }, { "林", "Hayashi" },
	{ "斎藤", "Saito" }, { "清水", "Shimizu" }, { "山崎", "Yamazaki" },
	{ "森", "Mori" }, { "池田", "Ikeda" }, { "橋本", "Hashimoto" },
	{ "阿部", "Abe" }, { "石川", "Ishikawa" }, { "前田", "Maeda" },
	{ "藤田", "Fujita" }, { "小川", "Ogawa" }, { "岡田", "Okada" },
	{ "後藤", "Goto" }, { "長谷川", "Hasegawa" }, { "村上", "Murakami" },
	{ "近藤", "Kondo" }, { "石井", "Ishii" }, { "坂本", "Sakamoto" },
	{ "遠藤", "Endo" }, { "青木", "Aoki" }, { "藤井", "Fujii" },
	{ "西村", "Nishimura" },
};

static const struct { const char *kanji, *roman; } given[] = {
	{ "健一", "Ken'ichi" }, { "誠", "Makoto" }, { "大輔", "Daisuke" },
	{ "浩", "Hiroshi" }, { "直樹", "Naoki" }, { "隆", "Takashi" },
	{ "和也", "Kazuya" }, { "剛", "Tsuyoshi" }, { "修", "Osamu" },
	{ "茂", "Shigeru" }, { "明", "Akira" }, { "聡", "Satoshi" },
	{ "裕子", "Yuko" }, { "恵子", "Keiko" }, { "真由美", "Mayumi" },
	{ "直子", "Naoko" }, { "美穂", "Miho" }, { "由美子", "Yumiko" },
	{ "智子", "Tomoko" }, { "久美子", "Kumiko" }, { "洋子", "Yoko" },
	{ "陽子", "Yoko" }, { "亮", "Ryo" }, { "翔太", "Shota" },
	{ "拓也", "Takuya" }, { "太郎", "Taro" }, { "一郎", "Ichiro" },
	{ "秀樹", "Hideki" }, { "正人", "Masato" }, { "昌弘", "Masahiro" },
};

static const char *const prefectures[] = {
	KZ_DEMO_PREFECTURES, "横浜市", "名古屋市", "北九州市", "神戸市", "下関市",
	"宮崎市", "沼田市",
};

static const char *const posts[] = {
	"農林水産部 主任技師", "土木部 課長補佐", "教育委員会 指導主事",
	"保健福祉部 主査", "環境局 係長", "都市整備部 技師", "企画部 主幹",
	"上下水道局 技監", "商工労働部 主任", "水産試験場 研究員",
};

static const char *const overseas[] = {
	"JICA expert, Viet Nam, 2 years", "JICA volunteer, Malawi",
	"Seconded to CLAIR Beijing office, 3 years",
	"Study tour, Thailand and Laos", "JICA short-term expert, Indonesia",
	"Lecturer at a training course for Chinese officials",
};

/* Sub-specialities as staff write them: in Japanese, often with the
 * English term for partners abroad. */
static const struct { const char *code, *note; } notes[] = {
	{ "agriculture", "施設園芸 (facility horticulture)" },
	{ "agriculture", "野菜の連作障害 (vegetables: continuous cropping damage)" },
	{ "agriculture", "稲作 (rice cultivation)" },
	{ "education", "英語教育 (English teaching)" },
	{ "education", "学校経営 (school management)" },
	{ "civil_engineering", "橋梁 (bridges)" },
	{ "health", "母子保健 (maternal and child health)" },
	{ "environment", "大気環境監視 (air quality monitoring)" },
	{ "environment", "環境教育 (environmental education)" },
};

/* A fixed linear congruential sequence: the same demo every time. */
static unsigned long rng = 20220331UL;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

#define PICK(a) (a[next(sizeof a / sizeof a[0])])

/* Counts per taxonomy field: the published five, and the rest falling
 * off gently so none of them passes the fifth. */
static int
plan_counts(const struct kz_config *cfg, int *count, struct kz_err *err)
{
	int left = KZ_DEMO_REGISTRATIONS, others = 0, weight = 0, rank = 0;

	for (size_t i = 0; i < cfg->nfields; i++)
		count[i] = -1;
	for (size_t p = 0; p < NPUBLISHED; p++) {
		const struct kz_field *f = kz_config_field(cfg, published[p].code);
		if (f == NULL)
			return kz_err_add(err, "", _("the field taxonomy has no "
			    "field \"%s\" for the demo"), published[p].code);
		count[f - cfg->fields] = published[p].count;
		left -= published[p].count;
	}
	for (size_t i = 0; i < cfg->nfields; i++)
		if (count[i] < 0)
			others++;
	if (others == 0)
		return kz_err_add(err, "", _("the demo needs more fields"));
	for (int k = 0; k < others; k++)
		weight += others + 6 - k;
	for (size_t i = 0; i < cfg->nfields; i++)
		if (count[i] < 0) {
			count[i] = left * (others + 6 - rank) / weight;
			rank++;
		}
	int sum = 0;
	for (size_t i = 0; i < cfg->nfields; i++)
		sum += count[i];
	/* rounding: give what is left to the first unpublished fields */
	for (size_t i = 0; sum < KZ_DEMO_REGISTRATIONS; i = (i + 1) % cfg->nfields) {
		bool pub = false;
		for (size_t p = 0; p < NPUBLISHED; p++)
			pub |= strcmp(cfg->fields[i].code, published[p].code) == 0;
		if (!pub) {
			count[i]++;
			sum++;
		}
	}
	return KZ_OK;
}

static const char *
note_for(const char *code)
{
	const char *found[8];
	int n = 0;

	for (size_t i = 0; i < sizeof notes / sizeof notes[0] && n < 8; i++)
		if (strcmp(notes[i].code, code) == 0)
			found[n++] = notes[i].note;
	return n && next(3) == 0 ? found[next((unsigned)n)] : NULL;
}

bool
kz_demo_owner_begin(struct kz_db *db, const char *owner,
    struct kz_demo_owner *o)
{
	o->cfg = db->cfg;
	if (strcmp(db->cfg->office_id, owner) == 0)
		return true;
	if (db->cfg->role != KZ_ROLE_HEAD)
		return false;
	o->as = *db->cfg;
	o->as.office_id = (char *)owner;
	o->as.role = KZ_ROLE_OFFICE;
	db->cfg = &o->as;
	return true;
}

void
kz_demo_owner_end(struct kz_db *db, struct kz_demo_owner *o)
{
	db->cfg = o->cfg;
}

int
kz_demo_load(struct kz_db *db, struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	int *count = NULL, *token = NULL, rc = KZ_ERROR;
	int ntok = 0;
	sqlite3_stmt *st;
	long have = 0;
	struct kz_id_seq seq = { 0 };

	rng = 20220331UL;
	if (cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	/* made alike in every demo database: its ids (db->id_seq), its
	 * clock and its user (demo.h) */
	struct kz_config as = *cfg;
	as.user = (char *)KZ_DEMO_USER;
	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM specialist", -1,
	    &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			have = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (have > 0)
		return kz_err_add(err, "", _("the database holds %ld "
		    "specialists already: demo data goes into an empty "
		    "database (kizuna -d demo.db demo)"), have);

	count = calloc(cfg->nfields, sizeof *count);
	token = calloc(KZ_DEMO_REGISTRATIONS, sizeof *token);
	if (!count || !token) {
		kz_err_add(err, "", _("out of memory"));
		goto done;
	}
	if (plan_counts(cfg, count, err))
		goto done;
	for (size_t i = 0; i < cfg->nfields; i++)
		for (int k = 0; k < count[i]; k++)
			token[ntok++] = (int)i;
	for (int i = ntok - 1; i > 0; i--) {	/* shuffle */
		int j = (int)next((unsigned)i + 1), t = token[i];
		token[i] = token[j];
		token[j] = t;
	}
	/* Tokens past one per person are second fields: never the same
	 * field twice for one person, so swap clashes further down. */
	for (int p = 0; p < ntok - KZ_DEMO_PEOPLE; p++) {
		int t = KZ_DEMO_PEOPLE + p;
		for (int u = t + 1; token[t] == token[p] && u < ntok; u++)
			if (token[u] != token[p]) {
				int x = token[t];
				token[t] = token[u];
				token[u] = x;
			}
		/* at the tail: trade with a person who has one field only */
		for (int u = ntok - KZ_DEMO_PEOPLE; token[t] == token[p] &&
		    u < KZ_DEMO_PEOPLE; u++)
			if (token[u] != token[p]) {
				int x = token[t];
				token[t] = token[u];
				token[u] = x;
			}
	}

	if (kz_db_begin(db, err))
		goto done;
	/* the register indexed for search in one pass at the end, as an
	 * import's (search.h): row by row, FTS5 wrote its pending index at
	 * every record's savepoint, a third of the load */
	if (kz_search_defer(db, true, err)) {
		kz_db_rollback(db);
		goto done;
	}
	/* Demo records must never travel to head office with a bundle. */
	kz_db_capture_pause(db, true);
	db->id_seq = &seq;
	db->cfg = &as;
	kz_date_pin(KZ_DEMO_NOW);
	for (int p = 0; p < KZ_DEMO_PEOPLE; p++) {
		struct kz_specialist s;
		char name[64], roman[64];
		unsigned sn = next(sizeof surnames / sizeof surnames[0]);
		unsigned gn = next(sizeof given / sizeof given[0]);

		kz_specialist_init(&s);
		if (kz_id_seq_next(&seq, KZ_DEMO_HEAD, KZ_T_SPECIALIST,
		    s.id) != 0) {
			kz_err_add(err, "", _("cannot make a new id"));
			kz_db_rollback(db);
			goto done;
		}
		snprintf(name, sizeof name, "%s %s", surnames[sn].kanji,
		    given[gn].kanji);
		snprintf(roman, sizeof roman, "%s %s", given[gn].roman,
		    surnames[sn].roman);
		kz_str_set(&s.name, name);
		kz_str_set(&s.name_roman, roman);
		kz_str_set(&s.government, PICK(prefectures));
		kz_str_set(&s.post, PICK(posts));
		s.status = next(10) < 7 ? KZ_SERVING : KZ_RETIRED;
		if (next(5) == 0)
			kz_str_set(&s.overseas, PICK(overseas));
		int ids[2] = { token[p], -1 };
		if (p < ntok - KZ_DEMO_PEOPLE)
			ids[1] = token[KZ_DEMO_PEOPLE + p];
		for (int k = 0; k < 2 && ids[k] >= 0; k++) {
			const char *code = cfg->fields[ids[k]].code;
			kz_specialist_add_field(&s, code, note_for(code),
			    (int)next(30) + 1);
		}
		if (next(10) < 6)
			kz_specialist_add_lang(&s, "en",
			    (enum kz_level)next(KZ_LEVEL_NATIVE));
		if (next(4) == 0)
			kz_specialist_add_lang(&s, "zh",
			    (enum kz_level)next(KZ_LEVEL_NATIVE));
		if (next(20) == 0)
			kz_specialist_add_lang(&s, "ko",
			    (enum kz_level)next(KZ_LEVEL_NATIVE));
		if (next(40) == 0)
			kz_specialist_add_lang(&s, "th", KZ_LEVEL_CONVERSATIONAL);
		if (next(25) == 0)
			kz_specialist_add_unavail(&s, "2026-12-01", "2027-01-31",
			    "overseas assignment");
		int r = kz_specialist_insert(db, &s, err);
		kz_specialist_free(&s);
		if (r) {
			kz_db_rollback(db);
			goto done;
		}
	}
	if (kz_demo_dispatches(db, err) || kz_demo_seminars(db, err) ||
	    kz_demo_activities(db, err) || kz_search_flush(db, err)) {
		kz_db_rollback(db);
		goto done;
	}
	rc = kz_db_commit(db, err);
done:
	kz_search_defer(db, false, NULL);
	kz_date_pin(NULL);
	db->cfg = cfg;
	db->id_seq = NULL;
	kz_db_capture_pause(db, false);
	free(count);
	free(token);
	return rc;
}
