/* programme.c - an edition's programme: items on days, in several cities. */
#include "programme.h"
#include "record.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "seminar.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"
#include "tz.h"

/* The kinds of item, once: keywords stored, labels shown. */
static const char *const kind_keywords[] = {
	"arrival", "lecture", "briefing", "visit", "courtesy-call",
	"opinion-exchange", "session", "reception", "travel", "departure",
	NULL,
};
static const char *const kind_labels[] = {
	N_("arrival"), N_("lecture"), N_("briefing"), N_("visit"),
	N_("courtesy call"), N_("opinion exchange"), N_("session"),
	N_("reception"), N_("travel"), N_("departure"), NULL,
};
const struct kz_enum kz_item_kind_enum = { "kind", kind_keywords,
	kind_labels };

const char *
kz_kind_name(enum kz_kind k)
{
	return kz_enum_keyword(&kz_item_kind_enum, (int)k);
}

const char *
kz_kind_label(enum kz_kind k)
{
	return k >= 0 && k < KZ_KIND_COUNT ? kind_labels[k] : "?";
}

int
kz_kind_parse(const char *s)
{
	char v[64], *t;
	size_t n = 0;

	if (s == NULL)
		return -1;
	snprintf(v, sizeof v, "%s", s);
	t = kz_trim(v);
	/* the English keyword in any case and with spaces or _ for
	 * dashes */
	for (char *p = t; *p; p++)
		v[n++] = *p == ' ' || *p == '_' ? '-' :
		    (char)tolower((unsigned char)*p);
	v[n] = '\0';
	for (int k = 0; kind_keywords[k]; k++)
		if (strcmp(v, kind_keywords[k]) == 0)
			return k;
	/* or its name in any language kizuna speaks (讲座, 講義): a name
	 * means the same whatever the office's language */
	return kz_enum_parse(&kz_item_kind_enum, t);
}

/* ---- the table of fields ---- */

/* The kind as commands and files give it: kz_kind_parse, not the labels
 * of kz_enum_parse. */
static int
kind_set(void *rec, const char *text, struct kz_err *err)
{
	struct kz_item *it = rec;
	int k = kz_kind_parse(text);
	char list[200];

	if (k < 0) {
		kz_enum_list(&kz_item_kind_enum, list, sizeof list);
		return kz_err_add(err, "kind", _("\"%s\" is not a kind of item: "
		    "%s"), text ? text : "", list);
	}
	it->kind = (enum kz_kind)k;
	return KZ_OK;
}

#define S(m) offsetof(struct kz_item, m)
#define A(m) S(m), sizeof ((struct kz_item *)0)->m

/* One line a field, in the order forms and details show them; the CSV
 * columns are those import reads and export writes. */
static const struct kz_rfield item_fields[] = {
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"),
	  .kind = KZ_RK_ID, .off = A(id) },
	{ .name = "seminar", .column = "seminar", .label = N_("edition"),
	  .kind = KZ_RK_REF, .off = A(seminar), .ref = KZ_T_SEMINAR,
	  .flags = KZ_RF_REQUIRED },
	{ .name = "date", .column = "date", .csv = "date", .option = "date",
	  .label = N_("date"), .kind = KZ_RK_DATE, .off = A(date),
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	{ .name = "start", .column = "start", .csv = "start", .option = "start",
	  .label = N_("start"), .kind = KZ_RK_TIME, .off = A(start),
	  .hint = N_("HH:MM at the venue; empty: all day") },
	{ .name = "end", .column = "end", .csv = "end", .option = "end",
	  .label = N_("end"), .kind = KZ_RK_TIME, .off = A(end),
	  .hint = N_("HH:MM, or empty") },
	{ .name = "tz", .column = "tz", .csv = "timezone", .option = "tz",
	  .label = N_("time zone"), .kind = KZ_RK_ZONE, .off = A(tz),
	  .hint = N_("e.g. Asia/Tokyo; empty: from the city") },
	{ .name = "city", .column = "city", .csv = "city", .option = "city",
	  .label = N_("city"), .kind = KZ_RK_TEXT, .off = S(city), .max = 100 },
	{ .name = "venue", .column = "venue", .csv = "venue",
	  .option = "venue", .label = N_("venue"), .kind = KZ_RK_TEXT,
	  .off = S(venue), .max = 200 },
	{ .name = "kind", .column = "kind", .csv = "kind", .option = "kind",
	  .label = N_("kind"), .kind = KZ_RK_ENUM, .off = S(kind),
	  .values = &kz_item_kind_enum, .parse = kind_set,
	  .flags = KZ_RF_REQUIRED,
	  .hint = N_("Space, or the first letter") },
	{ .name = "title", .column = "title", .csv = "title", .option = "title",
	  .label = N_("title"), .kind = KZ_RK_TEXT, .off = S(title), .max = 300,
	  .flags = KZ_RF_REQUIRED | KZ_RF_LANGS, .trs = S(tr) },
	{ .name = "notes", .column = "notes", .csv = "notes", .option = "notes",
	  .label = N_("notes"), .kind = KZ_RK_NOTE, .off = S(notes),
	  .max = 4000 },
	/* changes so far, for iCalendar; core counts them */
	{ .name = "sequence", .column = "sequence", .label = N_("changes"),
	  .kind = KZ_RK_INT, .off = S(sequence), .min = 0, .max = 1000000 },
	KZ_RF_STAMPS(struct kz_item, st., NULL, NULL),
};

#undef S
#undef A

static struct kz_rtype_sql item_sql;
const struct kz_rtype kz_programme_item_type = {
	.name = N_("programme item"), .table = KZ_T_ITEM,
	.f = item_fields, .n = KZ_NFIELDS(item_fields), .sql = &item_sql,
};

/* ---- memory ---- */

void
kz_programme_item_init(struct kz_item *it)
{
	memset(it, 0, sizeof *it);
	it->kind = KZ_KIND_SESSION;
}

void
kz_programme_item_free(struct kz_item *it)
{
	kz_rtype_free(&kz_programme_item_type, it);
	kz_stamps_free(&it->st);
	kz_programme_item_init(it);
}

int
kz_programme_item_copy(struct kz_item *d, const struct kz_item *s)
{
	int rc = 0;

	*d = *s;
	d->city = d->venue = d->title = d->notes = NULL;
	rc |= kz_str_set(&d->city, s->city);
	rc |= kz_str_set(&d->venue, s->venue);
	rc |= kz_str_set(&d->title, s->title);
	rc |= kz_str_set(&d->notes, s->notes);
	rc |= kz_stamps_copy(&d->st, &s->st);
	if (rc) {
		kz_programme_item_free(d);
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* ---- zones ---- */

static const struct {
	const char *names;	/* spellings, '|' between */
	const char *zone;
} city_zones[] = {
	{ "tokyo|東京|东京", "Asia/Tokyo" },
	{ "shimonoseki|下関|下关", "Asia/Tokyo" },
	{ "osaka|大阪", "Asia/Tokyo" },
	{ "kyoto|京都", "Asia/Tokyo" },
	{ "yokohama|横浜|横滨", "Asia/Tokyo" },
	{ "nagoya|名古屋", "Asia/Tokyo" },
	{ "sapporo|札幌", "Asia/Tokyo" },
	{ "fukuoka|福岡|福冈", "Asia/Tokyo" },
	{ "kobe|神戸|神户", "Asia/Tokyo" },
	{ "hiroshima|広島|广岛", "Asia/Tokyo" },
	{ "nagasaki|長崎|长崎", "Asia/Tokyo" },
	{ "sendai|仙台", "Asia/Tokyo" },
	{ "yamaguchi|山口", "Asia/Tokyo" },
	{ "naha|那覇|那霸", "Asia/Tokyo" },
	{ "kitakyushu|北九州", "Asia/Tokyo" },
	{ "niigata|新潟", "Asia/Tokyo" },
	{ "beijing|北京", "Asia/Shanghai" },
	{ "shanghai|上海", "Asia/Shanghai" },
	{ "fuzhou|福州", "Asia/Shanghai" },
	{ "guangzhou|广州|広州", "Asia/Shanghai" },
	{ "shenzhen|深圳", "Asia/Shanghai" },
	{ "chengdu|成都", "Asia/Shanghai" },
	{ "chongqing|重庆|重慶", "Asia/Shanghai" },
	{ "dalian|大连|大連", "Asia/Shanghai" },
	{ "tianjin|天津", "Asia/Shanghai" },
	{ "hangzhou|杭州", "Asia/Shanghai" },
	{ "nanjing|南京", "Asia/Shanghai" },
	{ "wuhan|武汉|武漢", "Asia/Shanghai" },
	{ "shenyang|沈阳|瀋陽", "Asia/Shanghai" },
	{ "xi'an|xian|西安", "Asia/Shanghai" },
	{ "hong kong|香港", "Asia/Hong_Kong" },
	{ "singapore|新加坡|シンガポール", "Asia/Singapore" },
	{ "seoul|서울|首尔|ソウル", "Asia/Seoul" },
	{ "bangkok|曼谷", "Asia/Bangkok" },
	{ "hanoi|ha noi|河内", "Asia/Bangkok" },
	{ "ho chi minh|ho chi minh city|saigon", "Asia/Ho_Chi_Minh" },
	{ "kuala lumpur|吉隆坡", "Asia/Kuala_Lumpur" },
	{ "manila|马尼拉", "Asia/Manila" },
	{ "jakarta|雅加达", "Asia/Jakarta" },
	{ "yogyakarta", "Asia/Jakarta" },
	{ "phnom penh|金边", "Asia/Phnom_Penh" },
	{ "vientiane|万象", "Asia/Vientiane" },
	{ "yangon|仰光", "Asia/Yangon" },
	{ "nay pyi taw|naypyidaw", "Asia/Yangon" },
	{ "new delhi|delhi|新德里", "Asia/Kolkata" },
	{ "colombo|科伦坡", "Asia/Colombo" },
	{ "sydney|悉尼", "Australia/Sydney" },
	{ "london|伦敦", "Europe/London" },
	{ "paris|巴黎", "Europe/Paris" },
	{ "new york|纽约", "America/New_York" },
};

/* Countries with one zone; the rest need the zone said. */
static const struct {
	char code[3];
	const char *zone;
} country_zones[] = {
	{ "BN", "Asia/Brunei" }, { "CN", "Asia/Shanghai" },
	{ "FR", "Europe/Paris" }, { "GB", "Europe/London" },
	{ "HK", "Asia/Hong_Kong" }, { "IN", "Asia/Kolkata" },
	{ "JP", "Asia/Tokyo" }, { "KH", "Asia/Phnom_Penh" },
	{ "KR", "Asia/Seoul" }, { "LA", "Asia/Vientiane" },
	{ "LK", "Asia/Colombo" }, { "MM", "Asia/Yangon" },
	{ "MY", "Asia/Kuala_Lumpur" }, { "PH", "Asia/Manila" },
	{ "SG", "Asia/Singapore" }, { "TH", "Asia/Bangkok" },
	{ "TW", "Asia/Taipei" }, { "VN", "Asia/Ho_Chi_Minh" },
};

/* Lower case, without " city", "-shi", "市" at the end. */
static void
city_key(const char *city, char *out, size_t size)
{
	static const char *const tails[] = { " city", "-shi", "市" };
	char *t;
	size_t n;

	while (*city == ' ')
		city++;
	snprintf(out, size, "%s", city);
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	t = kz_trim(out);	/* the start has no blanks left */
	n = strlen(t);
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		size_t l = strlen(tails[i]);
		if (n > l && strcmp(t + n - l, tails[i]) == 0) {
			t[n - l] = '\0';
			break;
		}
	}
}

const char *
kz_zone_default(const struct kz_config *cfg, const char *city,
    const char *country)
{
	char key[128];

	if (city && *city) {
		city_key(city, key, sizeof key);
		for (size_t i = 0; i < sizeof city_zones / sizeof city_zones[0];
		    i++) {
			const char *p = city_zones[i].names;
			size_t kl = strlen(key);

			while (*p) {
				size_t l = strcspn(p, "|");
				if (l == kl && strncmp(p, key, l) == 0)
					return city_zones[i].zone;
				p += l + (p[l] == '|');
			}
		}
	}
	for (size_t i = 0; country && i < sizeof country_zones /
	    sizeof country_zones[0]; i++)
		if (strcmp(country, country_zones[i].code) == 0)
			return country_zones[i].zone;
	return cfg && cfg->timezone ? cfg->timezone : "UTC";
}

/* ---- rules ---- */

/* What an item needs to know about its edition. */
struct edition {
	bool found;
	char start[11], end[11];
	char country[3];
};

static void
edition_of(struct kz_db *db, const char *id, struct edition *e)
{
	sqlite3_stmt *st;

	memset(e, 0, sizeof *e);
	if (sqlite3_prepare_v2(db->sql, "SELECT start, end, country FROM "
	    "seminar WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		e->found = true;
		kz_col_copy(st, 0, e->start, sizeof e->start);
		kz_col_copy(st, 1, e->end, sizeof e->end);
		kz_col_copy(st, 2, e->country, sizeof e->country);
	}
	sqlite3_finalize(st);
}

/* Same text for comparing places: trimmed, case folded for Latin. */
static bool
same_text(const char *a, const char *b)
{
	char x[256], y[256];

	city_key(a, x, sizeof x);
	city_key(b, y, sizeof y);
	return strcmp(x, y) == 0;
}

static bool
places_differ(const char *city1, const char *venue1, const char *city2,
    const char *venue2)
{
	bool c = city1 && *city1 && city2 && *city2 && !same_text(city1, city2);
	bool v = venue1 && *venue1 && venue2 && *venue2 &&
	    !same_text(venue1, venue2);
	return c || v;
}

/* UTC span of a timed item; a start without an end is a moment, taken
 * as a minute so that two at the same moment meet. */
static bool
utc_span(const char *date, const char *start, const char *end,
    const char *tz, int64_t *a, int64_t *b)
{
	struct kz_err e = { 0 };
	struct kz_tz *z;

	if (!start || !*start || (z = kz_tz_load(tz, &e)) == NULL)
		return false;
	kz_tz_utc(z, kz_tz_local(date, start), a);
	if (end && *end)
		kz_tz_utc(z, kz_tz_local(date, end), b);
	else
		*b = *a + 60;
	if (*b <= *a)
		*b = *a + 60;
	kz_tz_free(z);
	return true;
}

static void
check_clashes(struct kz_db *db, const struct kz_item *it, const char *tz,
    struct kz_err *out)
{
	sqlite3_stmt *st;
	int64_t a, b, c, d;

	if (!utc_span(it->date, it->start, it->end, tz, &a, &b))
		return;
	/* a day either side: zones can move an item across midnight */
	if (sqlite3_prepare_v2(db->sql, "SELECT id, date, start, end, tz, "
	    "city, venue, title FROM programme_item WHERE seminar = ?1 AND "
	    "id IS NOT ?2 AND start IS NOT NULL AND date BETWEEN "
	    "date(?3, '-1 day') AND date(?3, '+1 day') ORDER BY date, start",
	    -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, it->seminar, -1, SQLITE_STATIC);
	kz_bind_text(st, 2, it->id);
	sqlite3_bind_text(st, 3, it->date, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v[8];

		for (int i = 0; i < 8; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		if (!utc_span(v[1], v[2], v[3], v[4], &c, &d) ||
		    !(a < d && c < b))
			continue;
		if (!places_differ(it->city, it->venue, v[5], v[6]))
			continue;
		char when[64], where[512];

		/* times and places are data: the sentence is in one piece */
		snprintf(when, sizeof when, "%s %s%s%s", v[1], v[2],
		    v[3] ? "-" : "", v[3] ? v[3] : "");
		snprintf(where, sizeof where, "%s%s%s", v[6] ? v[6] : "",
		    v[6] && v[5] ? ", " : "", v[5] ? v[5] : "");
		kz_err_add(out, "clash", _("overlaps %s \"%s\" at %s (%s)"),
		    when, v[7], where, v[0]);
	}
	sqlite3_finalize(st);
}

int
kz_programme_item_validate(struct kz_db *db, const struct kz_item *it, unsigned flags,
    struct kz_err *err, struct kz_err *warn)
{
	int before = err->n + err->dropped;
	struct edition e;
	struct kz_tz *z = NULL;
	struct kz_err zerr = { 0 };
	const char *tz = it->tz[0] ? it->tz : NULL;
	bool times;

	kz_rtype_check(&kz_programme_item_type, db, it, err);
	edition_of(db, it->seminar, &e);
	if (e.found && kz_date_valid(it->date)) {
		if (!e.start[0])
			kz_err_add(err, "date", _("the edition has no dates yet: "
			    "give it its first and last day first"));
		else if (strcmp(it->date, e.start) < 0 ||
		    strcmp(it->date, e.end) > 0)
			kz_err_add(err, "date", _("%s is outside the edition's "
			    "dates %s..%s"), it->date, e.start, e.end);
	}
	times = !kz_err_for(err, "start") && !kz_err_for(err, "end");
	if (times && it->end[0] && !it->start[0])
		kz_err_add(err, "end", _("an item with an end needs a start"));
	else if (times && it->end[0] && kz_time_minutes(it->end) <
	    kz_time_minutes(it->start))
		kz_err_add(err, "end", _("the item ends (%s) before it starts "
		    "(%s)"), it->end, it->start);
	if (tz == NULL)
		tz = kz_zone_default(db->cfg, it->city, e.country);
	if (kz_err_for(err, "tz"))
		;	/* not a zone's name: said once, by the table */
	else if ((z = kz_tz_load(tz, &zerr)) == NULL)
		kz_err_add(err, "tz", "%s", zerr.item[0].msg);
	else if (it->start[0] && kz_date_valid(it->date) &&
	    kz_time_minutes(it->start) >= 0) {
		int64_t u;
		int r = kz_tz_utc(z, kz_tz_local(it->date, it->start), &u);

		if (r == 1)
			kz_err_add(err, "start", _("%s does not exist on %s in "
			    "%s: the clocks go forward over it"), it->start,
			    it->date, tz);
		else if (r == 2 && warn)
			kz_err_add(warn, "start", _("%s happens twice on %s in "
			    "%s (the clocks go back): the first is meant"),
			    it->start, it->date, tz);
	}
	kz_tz_free(z);
	if (err->n + err->dropped == before && e.found)
		check_clashes(db, it, tz, (flags & KZ_ITEM_FORCE) ? warn : err);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- storage ---- */

static int
item_write(struct kz_db *db, struct kz_item *it, bool insert, unsigned flags,
    struct kz_err *err, struct kz_err *warn)
{
	char seen[sizeof it->st.updated];
	int rc;
	struct edition e;

	if (kz_programme_item_validate(db, it, flags, err, warn) != KZ_OK)
		return KZ_ERROR;
	if (!it->tz[0]) {
		edition_of(db, it->seminar, &e);
		snprintf(it->tz, sizeof it->tz, "%s",
		    kz_zone_default(db->cfg, it->city, e.country));
	}
	if (insert && kz_record_assign_id(db, KZ_T_ITEM, it->id, err))
		return KZ_ERROR;
	if (!insert) {
		if (!kz_record_exists(db, KZ_T_ITEM, it->id))
			return kz_err_add(err, "id", _("no programme item %s"),
			    it->id);
		it->sequence++;
	}
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, it->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &it->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		return kz_rtype_insert(db, &kz_programme_item_type, it, err);
	if ((rc = kz_rtype_update_if(db, &kz_programme_item_type, it, seen,
	    err)))
		memcpy(it->st.updated, seen, sizeof seen);
	return rc;
}

int
kz_programme_item_insert(struct kz_db *db, struct kz_item *it, unsigned flags,
    struct kz_err *err, struct kz_err *warn)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, item_write(db, it, true, flags, err, warn), err);
}

/* Did the item move in time or place? */
static bool
moved(const struct kz_item *a, const struct kz_item *b)
{
	return strcmp(a->date, b->date) || strcmp(a->start, b->start) ||
	    strcmp(a->end, b->end) || (a->tz[0] && strcmp(a->tz, b->tz)) ||
	    !same_text(a->city ? a->city : "", b->city ? b->city : "") ||
	    !same_text(a->venue ? a->venue : "", b->venue ? b->venue : "");
}

int
kz_programme_item_update(struct kz_db *db, struct kz_item *it, unsigned flags,
    struct kz_err *err, struct kz_err *warn)
{
	struct kz_item old;
	struct kz_err ignore = { 0 };

	/* A clash accepted once stays accepted while the item stays where
	 * and when it was: a new title should not need forcing again. */
	if (kz_programme_item_get(db, it->id, &old, &ignore) == KZ_OK) {
		if (!moved(it, &old))
			flags |= KZ_ITEM_FORCE;
		kz_programme_item_free(&old);
	}
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, item_write(db, it, false, flags, err, warn), err);
}

static int
item_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	return kz_record_resolve(db, KZ_T_ITEM, typed, id, err);
}

int
kz_programme_item_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (item_resolve(db, typed, id, err) || kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, kz_sql_run(db, err, "DELETE FROM programme_item "
	    "WHERE id = ?", 1, v), err);
}

int
kz_programme_item_get(struct kz_db *db, const char *typed, struct kz_item *it,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE];

	kz_programme_item_init(it);
	if (item_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (kz_rtype_read(db, &kz_programme_item_type, id, it, err) != KZ_OK) {
		kz_programme_item_free(it);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_programme_item_list(struct kz_db *db, const char *seminar, struct kz_item **out,
    size_t *n, struct kz_err *err)
{
	const char *cols = kz_rtype_columns(&kz_programme_item_type);
	sqlite3_stmt *st;
	struct kz_item *l = NULL, *g;
	char *q;
	int rc = KZ_OK;

	*out = NULL;
	*n = 0;
	if (cols == NULL)
		return kz_err_add(err, "", _("out of memory"));
	q = sqlite3_mprintf("SELECT %s FROM programme_item WHERE seminar = ? "
	    "ORDER BY date, start IS NOT NULL, start, end, created, rowid",
	    cols);
	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if (sqlite3_prepare_v2(db->sql, q, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(q);
		return kz_db_fail(db, err, "programme");
	}
	sqlite3_free(q);
	sqlite3_bind_text(st, 1, seminar, -1, SQLITE_STATIC);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			rc = KZ_ERROR;
			break;
		}
		l = g;
		kz_programme_item_init(&l[*n]);
		rc = kz_rtype_row(&kz_programme_item_type, st, 0, &l[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != KZ_OK) {
		kz_programme_item_list_free(l, *n);
		*n = 0;
		return kz_err_add(err, "", _("out of memory"));
	}
	for (size_t i = 0; i < *n; i++)
		if (kz_rtype_tr_load(db, &kz_programme_item_type, &l[i], err)) {
			kz_programme_item_list_free(l, *n);
			*n = 0;
			return KZ_ERROR;
		}
	*out = l;
	return KZ_OK;
}

void
kz_programme_item_list_free(struct kz_item *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kz_programme_item_free(&l[i]);
	free(l);
}
