/* lists.c - every list the commands print, declared once over its record table (core/rlist.h). */
#include "rlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "country.h"
#include "date.h"
#include "text.h"
#include "dispatch.h"
#include "i18n.h"
#include "participant.h"
#include "programme.h"
#include "request.h"
#include "search.h"
#include "seminar.h"
#include "specialist.h"
#include "opening.h"
#include "place.h"
#include "trainee.h"
#include "tindex.h"
#include "act_records.h"
#include "year.h"

#define NCOLS(a) (sizeof (a) / sizeof (a)[0])

/* ---- shared binds ---- */

/* A field of expertise by code or number, as the configuration has it. */
static int
bind_expertise(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	const struct kz_field *f = db->cfg ? kz_config_field(db->cfg, v) : NULL;

	if (f == NULL)
		return kz_err_add(err, "", _("unknown field of expertise "
		    "\"%s\""), v);
	return kz_rlist_bind_text(b, f->code);
}

/* "agriculture,education" as the office reads it: 农业,教育. */
static char *
show_expertise(struct kz_db *db, const char *text)
{
	struct kz_buf b = { 0 };
	char code[64];

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, ",");
		const struct kz_field *f;

		snprintf(code, sizeof code, "%.*s", (int)n, p);
		f = db->cfg ? kz_config_field(db->cfg, code) : NULL;
		kz_buf_printf(&b, "%s%s", b.len ? "," : "", f ?
		    kz_field_name(db->cfg, f) : code);
		p += n;
		if (*p == ',')
			p++;
	}
	if (b.oom) {
		kz_buf_free(&b);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

/* "CN 四川省 成都市" as the reader reads it: kz_place_shown. */
static char *
show_host(struct kz_db *db, const char *text)
{
	char code[3];

	snprintf(code, sizeof code, "%s", text);
	if (strlen(text) < 2 || (text[2] != ' ' && text[2] != '\0'))
		return strdup(text);
	return kz_place_shown(code, text[2] ? text + 3 : text + 2);
}

/* Names of places in the reader's forms (place.h): 黑龙江省 as 黒竜江省
 * to a reader of Japanese. */
static char *
show_place(struct kz_db *db, const char *text)
{
	return kz_place_text(text, NULL);
}

/* A date as people type it (kz_date_parse), bound as stored. */
static int
bind_date(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	char d[11];

	if (kz_date_parse(v, kz_date_get_order(), d, "", err))
		return KZ_ERROR;
	return kz_rlist_bind_text(b, d) ? kz_err_add(err, "", _("out of "
	    "memory")) : KZ_OK;
}

/* First day, or first..last day: what a period's cell shows. */
#define PERIOD(a) "CASE WHEN ifnull(" a ".start, '') = '' THEN '' WHEN " \
	"ifnull(" a ".end, '') IN ('', " a ".start) THEN " a ".start ELSE " \
	a ".start || '..' || " a ".end END"

/* ---- specialists ---- */

/* "en" or "en:business": the language (also matching en-GB) and the
 * level's rank, at least. */
static int
bind_lang(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	char lang[32], list[128];
	const char *colon = strchr(v, ':');
	int level = 0;

	snprintf(lang, sizeof lang, "%.*s", colon ? (int)(colon - v) :
	    (int)strlen(v), v);
	if (colon && (level = kz_level_parse(colon + 1)) < 0) {
		kz_enum_list(&kz_level_enum, list, sizeof list);
		return kz_err_add(err, "", _("\"%s\" is not a level: use %s"),
		    colon + 1, list);
	}
	if (kz_rlist_bind_text(b, lang) || kz_rlist_bind_text(b, lang) ||
	    kz_rlist_bind_num(b, level))
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

/* "FROM" or "FROM..TO": free over every day of it. */
static int
bind_free(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	char a[128], z[128], from[11], to[11];

	/* each end as people type dates; one end alone is both */
	kz_date_range_split(v, a, z, sizeof a);
	if (!*kz_trim(a))
		snprintf(a, sizeof a, "%s", z);
	if (!*kz_trim(z))
		snprintf(z, sizeof z, "%s", a);
	if (kz_date_parse(a, kz_date_get_order(), from, "", err) ||
	    kz_date_parse(z, kz_date_get_order(), to, "", err))
		return KZ_ERROR;
	if (strcmp(to, from) < 0)
		return kz_err_add(err, "", _("availability period %s..%s ends "
		    "before it starts"), from, to);
	if (kz_rlist_bind_text(b, to) || kz_rlist_bind_text(b, from))
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

/* The words of `search`, as the full-text index takes them; nothing
 * searchable matches nothing. */
/* Matches that are "many", and "most": at 100,000 specialists, 4,000
 * matches fetched and sorted took 3 ms, 8,000 to 25,000 took 7 to 10 ms
 * and 4 to 5 ms looked up from the register's order; from 35,000 on,
 * each row in order asking the index took 2 to 7 ms (1 ms with the
 * index merged). A screen's window below "most" takes the matches
 * placed by the register's order instead (search_hits): 0.4 ms for
 * 8,000, 1.5 ms for 35,000. With other filters, or in another order,
 * "many" are gathered and asked as each row is read (where_hits):
 * SQLite's own set of 14,000 editions' matches took 40% of a key. */
#define SEARCH_MANY 5000
#define SEARCH_MOST 35000
/* ...and few: read from the matches and sorted, whatever the other
 * filters. At 20,000 editions of one series, a term found nowhere took
 * 1.9 ms read in the series' order, each edition looked up in the
 * matches; 2,000 matches read from them and sorted take about 1 ms. */
#define SEARCH_FEW 2000

/* What an index is asked before its words are bound: made current,
 * whether its last hits counted past a number, its matches: the
 * register's, or a list's own (tindex.h). */
struct words_index {
	int (*ready)(struct kz_db *db, struct kz_err *err);
	bool (*many)(struct kz_db *db, const char *expr, size_t max);
	const struct kz_tindex *ti;
	const struct kz_search_index *six;	/* its matches, or ti's */
};

static int
bind_index_words(struct kz_db *db, const struct words_index *ix,
    const char *v, struct kz_rlist_bind *b, struct kz_err *err)
{
	const struct kz_search_index *six = ix->ti ? &ix->ti->ix : ix->six;
	struct kz_rowset *s;
	sqlite3_stmt *st;
	long long n;
	char *expr;
	int rc;

	if (ix->ti ? kz_tindex_ready(db, ix->ti, err) : ix->ready(db, err))
		return KZ_ERROR;
	if ((expr = kz_search_expr(v)) == NULL) {
		b->none = true;
		return kz_rlist_bind_text(b, "");
	}
	/* Many matches (a term typed short): read in order, each row
	 * asked of the matches gathered, not every match fetched and
	 * sorted; most rows: each row read in order asks the index.
	 * Counted in the index alone, as far as makes the difference. */
	if (ix->ti ? kz_tindex_many(db, ix->ti, expr, SEARCH_MOST) :
	    ix->many(db, expr, SEARCH_MOST))
		/* the hits counted past their max just now */
		b->many = 2;
	else {
		if ((st = kz_db_stmt(db, six->match)) == NULL ||
		    kz_rowset_gather(six->rows ? kz_db_stmt(db, six->rows) :
		    NULL, st, expr, SEARCH_MOST, &s, &n) != SQLITE_DONE) {
			free(expr);
			return kz_db_fail(db, err, "search");
		}
		b->many = n > SEARCH_MOST ? 2 : n >= SEARCH_MANY;
		b->few = n <= SEARCH_FEW;
		if (b->many == 1)
			b->hits = s;
		else
			free(s);
	}
	rc = kz_rlist_bind_text(b, expr);
	free(expr);
	return rc ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}

static const struct words_index sp_words = {
	.ready = kz_search_ready, .many = kz_search_many,
	.six = &kz_search_specialists,
};

static int
bind_words(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	return bind_index_words(db, &sp_words, v, b, err);
}

/* A search's matches in the register's order, up to the number that
 * are "most": beyond it, reading the list in order finds a window's
 * rows at once. */
static int
search_hits(struct kz_db *db, const char *v, size_t max, long long **rows,
    size_t *n, struct kz_err *err)
{
	return kz_search_hits(db, v, max < SEARCH_MOST ? max : SEARCH_MOST,
	    rows, n, err);
}

int
kz_rlist_index_bind(struct kz_db *db, const struct kz_tindex *ti,
    const char *v, struct kz_rlist_bind *b, struct kz_err *err)
{
	const struct words_index ix = { .ti = ti };

	return bind_index_words(db, &ix, v, b, err);
}

int
kz_rlist_index_hits(struct kz_db *db, const struct kz_tindex *ti,
    const char *v, size_t max, long long **rows, size_t *n,
    struct kz_err *err)
{
	return kz_tindex_hits(db, ti, v, max < SEARCH_MOST ? max : SEARCH_MOST,
	    rows, n, err);
}

/* The condition of a search over list index TI, its FTS5 table F, for
 * a list aliased A: its rows are the list's rowids. */
#define TINDEX_FILTER(TI, A, F) \
	.where = A ".rowid IN (SELECT rowid FROM " F " WHERE " F " MATCH ?)", \
	.where_many = "+" A ".rowid IN (SELECT rowid FROM " F " WHERE " F \
	" MATCH ?)", \
	.where_most = "EXISTS (SELECT 1 FROM " F " WHERE " F " MATCH ? AND " \
	"rowid = " A ".rowid)", \
	.where_hits = "kz_hit(?, " A ".rowid)", \
	.drive = "SELECT rowid AS kz_r FROM " F " WHERE " F " MATCH ?", \
	.index = &TI

/* The level's rank in SQL, for "at least business". */
#define LEVEL_RANK "CASE l.level WHEN 'basic' THEN 0 WHEN 'conversational' " \
	"THEN 1 WHEN 'business' THEN 2 WHEN 'fluent' THEN 3 ELSE 4 END"

static const struct kz_rlist_col specialist_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	/* a name sorts by its family name (core/name.h) */
	{ .field = "name", .head = N_("NAME"), .flags = KZ_RC_BOTH,
	  .sort = "s.sort_key" },
	{ .field = "name_roman", .head = N_("ROMANISED"), .flags = KZ_RC_BOTH },
	{ .field = "government", .head = N_("GOVERNMENT"),
	  .flags = KZ_RC_BOTH },
	{ .field = "post", .flags = KZ_RC_DATA },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	{ .key = "fields", .head = N_("FIELDS"), .flags = KZ_RC_BOTH,
	  .show = show_expertise,
	  .expr = "coalesce((SELECT group_concat(field, ',') FROM (SELECT "
	  "field FROM specialist_field f WHERE f.specialist = s.id ORDER BY "
	  "years DESC, field)), '')" },
	{ .key = "languages", .flags = KZ_RC_DATA,
	  .expr = "coalesce((SELECT group_concat(lang, ',') FROM (SELECT lang "
	  "FROM specialist_lang l WHERE l.specialist = s.id ORDER BY lang)), "
	  "'')" },
};

static const struct kz_rlist_filter specialist_filters[] = {
	{ .option = "field", .arg = "FIELD",
	  .help = N_("registered in this field (code or number)"),
	  .where = "EXISTS (SELECT 1 FROM specialist_field f WHERE "
	  "f.specialist = s.id AND f.field = ?)", .bind = bind_expertise },
	{ .option = "lang", .arg = "LANG[:LEVEL]",
	  .help = N_("speaking this language, at this level or better"),
	  .where = "EXISTS (SELECT 1 FROM specialist_lang l WHERE "
	  "l.specialist = s.id AND (l.lang = ? OR l.lang GLOB ? || '-*') AND "
	  LEVEL_RANK " >= ?)", .bind = bind_lang },
	{ .option = "status", .arg = "serving|retired",
	  .help = N_("serving or retired"), .where = "s.status = ?",
	  .field = "status" },
	{ .option = "free", .arg = "FROM[..TO]",
	  .help = N_("free over these days (dates as the office writes them)"),
	  .where = "NOT EXISTS (SELECT 1 FROM specialist_unavail u WHERE "
	  "u.specialist = s.id AND u.start <= ? AND u.end >= ?)",
	  .bind = bind_free },
	{ .option = "text", .flags = KZ_RLF_NOOPT,
	/* the index's rows are the register's rowids (search.c); with
	 * many matches, + keeps SQLite from fetching the rows by them */
	  .where = "s.rowid IN (SELECT rowid FROM specialist_fts WHERE "
	  "specialist_fts MATCH ?)",
	  .where_many = "+s.rowid IN (SELECT rowid FROM specialist_fts WHERE "
	  "specialist_fts MATCH ?)",
	  .where_most = "EXISTS (SELECT 1 FROM specialist_fts WHERE "
	  "specialist_fts MATCH ? AND rowid = s.rowid)",
	  .where_hits = "kz_hit(?, s.rowid)",
	  .drive = "SELECT rowid AS kz_r FROM specialist_fts WHERE "
	  "specialist_fts MATCH ?", .bind = bind_words,
	  .hits = search_hits },
	{ 0 },
};

const struct kz_rlist kz_rlist_specialists = {
	.name = "specialist", .rt = &kz_specialist_type,
	.size = sizeof (struct kz_specialist),
	.from = "specialist s", .alias = "s",
	.cols = specialist_cols, .ncols = NCOLS(specialist_cols),
	.filters = specialist_filters,
	/* by family name, over the index specialist_sort */
	.order = "s.sort_key, s.id",
	.none = N_("no specialists found"),
};

/* ---- requests ---- */

/* A status, or "open": any but closed, declined and withdrawn. */
static int
bind_request_status(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	bool open = strcmp(v, "open") == 0;
	int s = open ? 0 : kz_enum_parse(&kz_request_status_enum, v);

	if (s < 0)
		return kz_err_add(err, "", _("\"%s\" is not a request status "
		    "(or open)"), v);
	if (kz_rlist_bind_text(b, open ? "" : kz_enum_keyword(
	    &kz_request_status_enum, s)) || kz_rlist_bind_num(b, open))
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

/* Province, city and department, those given, a space apart. */
#define REQUEST_PLACE "ltrim(ifnull(r.province, '') || ifnull(' ' || " \
	"nullif(r.city, ''), '') || ifnull(' ' || nullif(r.department, ''), " \
	"''))"

static const struct kz_rlist_col request_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "received", .head = N_("RECEIVED"), .flags = KZ_RC_BOTH },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	{ .field = "country", .flags = KZ_RC_DATA },
	{ .key = "place", .expr = REQUEST_PLACE, .flags = KZ_RC_DATA },
	{ .key = "host", .expr = "r.country || ' ' || " REQUEST_PLACE,
	  .head = N_("HOST"), .flags = KZ_RC_TABLE, .show = show_host },
	{ .key = "fields", .head = N_("FIELDS"), .flags = KZ_RC_BOTH,
	  .show = show_expertise,
	  .expr = "coalesce((SELECT group_concat(field, ',') FROM (SELECT "
	  "field FROM request_field f WHERE f.request = r.id ORDER BY pos)), "
	  "'')" },
	{ .field = "topic", .head = N_("TOPIC"), .flags = KZ_RC_BOTH },
	{ .field = "wish_start", .flags = KZ_RC_DATA },
	{ .field = "wish_end", .flags = KZ_RC_DATA },
	{ .field = "specialists", .flags = KZ_RC_DATA },
	{ .key = "dispatches", .flags = KZ_RC_DATA | KZ_RC_NUMBER,
	  .expr = "(SELECT count(*) FROM dispatch d WHERE d.request = r.id "
	  "AND d.state <> 'cancelled')" },
};

static const struct kz_rlist_filter request_filters[] = {
	{ .option = "status", .arg = "STATUS|open",
	  .help = N_("in this status, or in any open one"),
	  .where = "r.status = ? OR (? AND r.status NOT IN ('closed', "
	  "'declined', 'withdrawn'))", .bind = bind_request_status },
	{ .option = "field", .arg = "FIELD",
	  .help = N_("asking for this field (code or number)"),
	  .where = "EXISTS (SELECT 1 FROM request_field f WHERE f.request = "
	  "r.id AND f.field = ?)", .bind = bind_expertise },
	{ .option = "country", .arg = "CC", .help = N_("from this country"),
	  .where = "r.country = ?", .field = "country" },
	{ .option = "year", .arg = KZ_RLIST_YEAR_ARG,
	  .help = N_("received in this year, or between these dates"),
	  .where = "r.received BETWEEN :from AND :to", .flags = KZ_RLF_YEAR },
	/* the request's index (tindex.h): its rows are the requests'
	 * rowids */
	{ .option = "text", .arg = "WORDS",
	  .help = N_("with these words in the topic, place or notes"),
	  TINDEX_FILTER(kz_tindex_requests, "r", "request_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_requests = {
	.name = "request", .rt = &kz_request_type,
	.size = sizeof (struct kz_request),
	.from = "request r", .alias = "r",
	.cols = request_cols, .ncols = NCOLS(request_cols),
	.filters = request_filters,
	.index = &kz_tindex_requests,
	.order = "r.received DESC, r.id",
	.none = N_("no requests found"),
};

/* ---- dispatches ---- */

/* A state, or "active": any but cancelled. */
static int
bind_dispatch_state(struct kz_db *db, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	bool active = strcmp(v, "active") == 0;
	int s = active ? 0 : kz_enum_parse(&kz_dispatch_state_enum, v);

	if (s < 0)
		return kz_err_add(err, "", _("\"%s\" is not a dispatch state (or "
		    "active)"), v);
	if (kz_rlist_bind_text(b, active ? "" : kz_enum_keyword(
	    &kz_dispatch_state_enum, s)) || kz_rlist_bind_num(b, active))
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

#define DISPATCH_HOST "ltrim(ifnull(r.province, '') || ifnull(' ' || " \
	"nullif(r.city, ''), '') || ifnull(' ' || nullif(r.department, ''), " \
	"''))"

static const struct kz_rlist_col dispatch_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	/* sorted by the first day, over the index dispatch_start (the
	 * list's own order settles the rest) */
	{ .key = "dates", .expr = "d.start || '..' || d.end",
	  .head = N_("DATES"), .flags = KZ_RC_TABLE | KZ_RC_DATES,
	  .sort = "d.start" },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "state", .head = N_("STATE"), .flags = KZ_RC_BOTH },
	{ .field = "specialist", .flags = KZ_RC_DATA },
	{ .key = "who", .expr = "s.name || ' (' || s.name_roman || ')'",
	  .head = N_("SPECIALIST"), .flags = KZ_RC_TABLE,
	  .sort = "s.sort_key" },
	{ .key = "name", .expr = "s.name", .flags = KZ_RC_DATA,
	  .sort = "s.sort_key" },
	{ .key = "name_roman", .expr = "s.name_roman", .flags = KZ_RC_DATA },
	{ .key = "country", .expr = "r.country", .flags = KZ_RC_DATA },
	{ .key = "host", .expr = DISPATCH_HOST, .flags = KZ_RC_DATA },
	{ .key = "host_shown", .expr = "r.country || ' ' || " DISPATCH_HOST,
	  .head = N_("HOST"), .flags = KZ_RC_TABLE, .show = show_host },
	{ .field = "places", .flags = KZ_RC_DATA },
	{ .field = "mode", .flags = KZ_RC_DATA },
	{ .field = "request", .flags = KZ_RC_DATA },
};

static const struct kz_rlist_filter dispatch_filters[] = {
	{ .option = "state", .arg = "STATE|active",
	  .help = N_("in this state, or in any active one"),
	  .where = "d.state = ? OR (? AND d.state <> 'cancelled')",
	  .bind = bind_dispatch_state },
	{ .option = "specialist", .arg = "ID",
	  .help = N_("of this specialist"), .where = "d.specialist = ?",
	  .flags = KZ_RLF_RECORD, .ref = KZ_T_SPECIALIST },
	{ .option = "request", .arg = "ID", .help = N_("for this request"),
	  .where = "d.request = ?", .flags = KZ_RLF_RECORD,
	  .ref = KZ_T_REQUEST },
	{ .option = "from", .arg = "DATE",
	  .help = N_("over any day from this one"), .where = "d.end >= ?",
	  .bind = bind_date },
	{ .option = "to", .arg = "DATE",
	  .help = N_("over any day up to this one"), .where = "d.start <= ?",
	  .bind = bind_date },
	/* by the day it starts, not every day it runs: a dispatch over
	 * the turn of the year is one year's, as stats and reports count
	 * it (--from and --to take the days it runs) */
	{ .option = "year", .arg = KZ_RLIST_YEAR_ARG,
	  .help = N_("starting in this year, or between these dates"),
	  .where = "d.start BETWEEN :from AND :to", .flags = KZ_RLF_YEAR },
	/* the dispatch's index (tindex.h): its rows are the dispatches'
	 * rowids */
	{ .option = "text", .arg = "WORDS",
	  .help = N_("with these words in the places, notes or names"),
	  TINDEX_FILTER(kz_tindex_dispatches, "d", "dispatch_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_dispatches = {
	.name = "dispatch", .rt = &kz_dispatch_type,
	.size = sizeof (struct kz_dispatch),
	.from = "dispatch d JOIN specialist s ON s.id = d.specialist "
	"JOIN request r ON r.id = d.request", .alias = "d",
	/* a dispatch has its specialist and request (foreign keys) */
	.count_from = "dispatch d",
	.cols = dispatch_cols, .ncols = NCOLS(dispatch_cols),
	.filters = dispatch_filters,
	.index = &kz_tindex_dispatches,
	.order = "d.start DESC, d.end DESC, d.id",
	.none = N_("no dispatches found"), .width = 34,
};

/* ---- seminar series ---- */

static const struct kz_rlist_col series_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_DATA },
	{ .field = "code", .head = N_("CODE"), .flags = KZ_RC_BOTH },
	{ .field = "name", .head = NC_("not a person", "NAME"),
	  .flags = KZ_RC_BOTH },
	{ .field = "office", .head = N_("OFFICE"), .flags = KZ_RC_BOTH },
	{ .key = "editions", .head = N_("EDITIONS"),
	  .flags = KZ_RC_BOTH | KZ_RC_NUMBER, .expr = "(SELECT count(*) FROM "
	  "seminar e WHERE e.series = g.id)" },
	{ .field = "id", .key = "id", .head = N_("ID"), .flags = KZ_RC_TABLE },
	{ .field = "notes", .flags = KZ_RC_DATA },
};

const struct kz_rlist kz_rlist_series = {
	.name = "series", .rt = &kz_series_type,
	.size = sizeof (struct kz_series),
	.from = "seminar_series g", .alias = "g",
	.cols = series_cols, .ncols = NCOLS(series_cols),
	.order = "g.code",
	.none = N_("no seminar series yet: add one with kizuna series add"),
	.width = 50,
};

/* ---- seminar editions ---- */

#define SERIES_CODE "(SELECT code FROM seminar_series g WHERE g.id = e.series)"

/* The table is a series' history (seed 001): edition, year, place,
 * theme. CSV and JSON have the fields, the series by its code; JSON
 * the attendance as its total and its parts. */
static const struct kz_rlist_col seminar_cols[] = {
	{ .field = "id", .flags = KZ_RC_DATA },
	{ .field = "ref", .head = N_("EDITION"),
	  .flags = KZ_RC_BOTH | KZ_RC_JSON },
	{ .key = "series", .expr = SERIES_CODE, .flags = KZ_RC_DATA },
	{ .field = "number", .head = N_("NO"), .flags = KZ_RC_BOTH },
	{ .field = "year", .head = N_("YEAR"), .flags = KZ_RC_BOTH },
	{ .key = "dates", .expr = PERIOD("e"), .head = N_("DATES"),
	  .flags = KZ_RC_TABLE | KZ_RC_DATES },
	{ .field = "title", .flags = KZ_RC_DATA },
	{ .field = "theme", .flags = KZ_RC_DATA },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "city", .flags = KZ_RC_DATA },
	{ .field = "region", .flags = KZ_RC_DATA },
	{ .field = "country", .flags = KZ_RC_DATA },
	{ .key = "place", .head = N_("PLACE"), .flags = KZ_RC_TABLE,
	  .expr = "CASE WHEN e.city IS NOT NULL AND e.region IS NOT NULL "
	  "THEN e.city || ' (' || e.region || ')' ELSE coalesce(e.city, "
	  "e.region, '') END", .show = show_place },
	{ .field = "organiser", .flags = KZ_RC_DATA },
	{ .field = "co_organisers", .flags = KZ_RC_DATA },
	{ .field = "supporters", .flags = KZ_RC_DATA },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	/* in the reader's language (KZ_RF_LANGS) */
	{ .field = "theme", .key = "theme_shown", .orelse = "title",
	  .head = N_("THEME"), .flags = KZ_RC_TABLE },
	/* "178: Japanese 61, Chinese 117" in CSV, as import reads it */
	{ .field = "attendance", .flags = KZ_RC_DATA | KZ_RC_CSV },
	{ .key = "attendance", .expr = "e.attendance",
	  .flags = KZ_RC_DATA | KZ_RC_JSON | KZ_RC_NUMBER },
	{ .key = "attendance_by", .flags = KZ_RC_DATA | KZ_RC_JSON,
	  .child = "SELECT label, count FROM seminar_attendance WHERE "
	  "seminar = ?1 ORDER BY position, label" },
	{ .field = "items", .flags = KZ_RC_DATA },
	{ .field = "participants", .flags = KZ_RC_DATA },
	{ .field = "notes", .flags = KZ_RC_DATA | KZ_RC_JSON },
};

static void
seminar_free(void *rec)
{
	kz_seminar_free(rec);
}

static const struct kz_rlist_filter seminar_filters[] = {
	{ .option = "series", .arg = "SERIES", .help = N_("of this series"),
	  .where = "e.series = ?", .flags = KZ_RLF_RECORD,
	  .ref = KZ_T_SERIES },
	/* by its first day in the office's year; an edition whose days
	 * are not known yet by the year it is of */
	{ .option = "year", .arg = KZ_RLIST_YEAR_ARG,
	  .help = N_("held in this year, or between these dates"),
	  .where = "CASE WHEN ifnull(e.start, '') <> '' THEN e.start BETWEEN "
	  ":from AND :to ELSE e.year BETWEEN :yfrom AND :yto END",
	  .flags = KZ_RLF_YEAR },
	{ .option = "status", .arg = "planned|confirmed|held|cancelled",
	  .help = N_("in this status"), .where = "e.status = ?",
	  .field = "status" },
	/* the title, theme, places, organisers, year and notes and every
	 * translation (tindex.c): its rows are the editions' rowids */
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with this text in the title, theme or place, in any "
	  "language"),
	  TINDEX_FILTER(kz_tindex_seminars, "e", "seminar_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_seminars = {
	.name = "seminar", .rt = &kz_seminar_type,
	.size = sizeof (struct kz_seminar),
	.from = "seminar e", .alias = "e",
	.cols = seminar_cols, .ncols = NCOLS(seminar_cols),
	.filters = seminar_filters,
	.index = &kz_tindex_seminars,
	/* id last: editions alike in every term come in one order, the
	 * one the index places its matches in (tindex.c) */
	.order = SERIES_CODE ", e.year, e.number, e.start, e.id",
	.none = N_("no seminars found"), .width = 44,
	.fill = kz_seminar_fill, .free = seminar_free,
};

/* ---- an edition's participants ---- */

/* The columns of import participants, so the CSV reads back in. */
static const struct kz_rlist_col participant_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "name", .head = N_("NAME"), .flags = KZ_RC_BOTH },
	{ .field = "name_roman", .head = N_("ROMANISED"), .flags = KZ_RC_BOTH },
	{ .field = "country", .head = N_("COUNTRY"),
	  .flags = KZ_RC_BOTH | KZ_RC_SHOWN },
	{ .field = "organisation", .head = N_("ORGANISATION"),
	  .flags = KZ_RC_BOTH },
	{ .field = "post", .flags = KZ_RC_DATA },
	{ .field = "role", .head = N_("ROLE"), .flags = KZ_RC_BOTH },
	{ .field = "needs", .head = N_("NEEDS"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	{ .field = "email", .head = N_("E-MAIL"), .flags = KZ_RC_BOTH },
	{ .field = "phone", .head = N_("PHONE"), .flags = KZ_RC_BOTH },
};

static const struct kz_rlist_filter participant_filters[] = {
	{ .option = "country", .arg = "CC", .help = N_("from this country"),
	  .where = "p.country = ?", .field = "country" },
	{ .option = "role", .arg = "participant|speaker|interpreter|staff",
	  .help = N_("in this role"), .where = "p.role = ?", .field = "role" },
	{ 0 },
};

const struct kz_rlist kz_rlist_participants = {
	.name = "participant", .rt = &kz_participant_type,
	.size = sizeof (struct kz_participant),
	.from = "participant p", .alias = "p", .parent = "p.seminar = ?",
	.cols = participant_cols, .ncols = NCOLS(participant_cols),
	.filters = participant_filters,
	/* the order of a name list at the door: people, speakers, then
	 * the ones who work there */
	.order = "CASE p.role WHEN 'participant' THEN 0 WHEN 'speaker' THEN "
	"1 WHEN 'interpreter' THEN 2 ELSE 3 END, p.country, "
	"coalesce(p.name_roman, p.name), p.name",
	.none = N_("no participants"),
};

/* ---- an edition's programme ---- */

/* The columns of import programme; the table shows the times as one. */
static const struct kz_rlist_col item_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "date", .head = N_("DATE"), .flags = KZ_RC_BOTH },
	{ .key = "time", .head = N_("TIME"), .flags = KZ_RC_TABLE,
	  .expr = "ifnull(i.start, '') || ifnull('-' || nullif(i.end, ''), "
	  "'')" },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "tz", .key = "timezone", .flags = KZ_RC_DATA },
	{ .field = "city", .head = N_("CITY"), .flags = KZ_RC_BOTH },
	{ .field = "venue", .head = N_("VENUE"), .flags = KZ_RC_BOTH },
	{ .field = "kind", .head = N_("KIND"), .flags = KZ_RC_BOTH },
	{ .field = "title", .head = N_("TITLE"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	/* the changes so far (iCalendar's SEQUENCE): not a column import
	 * reads */
	{ .field = "sequence", .flags = KZ_RC_DATA | KZ_RC_JSON },
};

static const struct kz_rlist_filter item_filters[] = {
	/* one item (what add and edit print): first, see cli_programme.c */
	{ .option = "id", .flags = KZ_RLF_NOOPT, .where = "i.id = ?" },
	{ .option = "date", .arg = "DATE", .help = N_("only this day"),
	  .where = "i.date = ?", .bind = bind_date },
	{ 0 },
};

const struct kz_rlist kz_rlist_items = {
	.name = "programme", .rt = &kz_programme_item_type,
	.size = sizeof (struct kz_item),
	.from = "programme_item i", .alias = "i", .parent = "i.seminar = ?",
	.cols = item_cols, .ncols = NCOLS(item_cols),
	.filters = item_filters,
	.order = "i.date, i.start IS NOT NULL, i.start, i.end, i.created, "
	"i.rowid",
	.none = N_("no programme items"), .width = 40,
};

/* ---- trainee placements ---- */

/* The table: the host is a Japanese government (not a dispatch's host
 * abroad), the name the one known. CSV and JSON have every field. */
static const struct kz_rlist_col trainee_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "year", .head = N_("YEAR"), .flags = KZ_RC_TABLE },
	{ .field = "host", .head = NC_("trainee", "HOST"),
	  .flags = KZ_RC_BOTH },
	{ .field = "home_government", .head = N_("HOME"),
	  .flags = KZ_RC_BOTH },
	{ .field = "home_region", .flags = KZ_RC_DATA },
	{ .field = "home_country", .flags = KZ_RC_DATA },
	{ .field = "name", .flags = KZ_RC_DATA },
	{ .field = "name_roman", .flags = KZ_RC_DATA },
	{ .field = "post", .flags = KZ_RC_DATA },
	{ .field = "fields", .head = N_("FIELDS"), .flags = KZ_RC_BOTH },
	{ .field = "year", .flags = KZ_RC_DATA },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .key = "period", .expr = PERIOD("t"), .head = N_("PERIOD"),
	  .flags = KZ_RC_TABLE | KZ_RC_DATES },
	{ .field = "programme", .flags = KZ_RC_DATA },
	{ .field = "course", .flags = KZ_RC_DATA },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	{ .field = "created", .flags = KZ_RC_DATA },
	{ .field = "created_by", .flags = KZ_RC_DATA | KZ_RC_JSON },
	{ .field = "updated", .flags = KZ_RC_DATA },
	{ .field = "updated_by", .flags = KZ_RC_DATA | KZ_RC_JSON },
	{ .key = "who", .expr = "coalesce(t.name, t.name_roman, '')",
	  .head = N_("NAME"), .flags = KZ_RC_TABLE },
};

/* Shared with `trainee count` (kz_trainee_count). */
static const struct kz_rlist_filter trainee_filters[] = {
	/* a year: the placement's programme year; a range of dates: by
	 * the day it starts, else by its year */
	{ .option = "year", .arg = KZ_RLIST_YEAR_ARG,
	  .help = N_("of this programme year, or starting between these "
	  "dates"),
	  .where = "CASE WHEN :year > 0 THEN t.year = :year WHEN "
	  "ifnull(t.start, '') <> '' THEN t.start BETWEEN :from AND :to ELSE "
	  "t.year BETWEEN :yfrom AND :yto END", .flags = KZ_RLF_YEAR },
	{ .option = "host", .arg = "TEXT",
	  .help = N_("hosted by a government matching this"),
	  .where = "instr(kz_fold(t.host), kz_fold(?)) > 0" },
	{ .option = "region", .arg = "TEXT",
	  .help = N_("from a home region matching this"),
	  .where = "instr(kz_fold(coalesce(t.home_region, '') || ' ' || "
	  "t.home_government), kz_fold(?)) > 0" },
	{ .option = "status", .arg = "planned|ongoing|completed|withdrawn",
	  .help = N_("in this status"), .where = "t.status = ?",
	  .field = "status" },
	{ .option = "programme", .arg = "lgotp|jica|other",
	  .help = N_("in this programme"), .where = "t.programme = ?",
	  .field = "programme" },
	/* names, governments, post, host, fields, course, year and notes
	 * (tindex.c), as the register's search: its rows are the
	 * placements' rowids */
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with this text in names, governments or fields"),
	  TINDEX_FILTER(kz_tindex_trainees, "t", "trainee_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_trainees = {
	.name = "trainee", .rt = &kz_trainee_type,
	.size = sizeof (struct kz_trainee),
	.from = "trainee t", .alias = "t",
	.cols = trainee_cols, .ncols = NCOLS(trainee_cols),
	.filters = trainee_filters,
	.index = &kz_tindex_trainees,
	/* rowid last: placements alike in every term come in one order
	 * whichever plan reads them (trainee_list holds it, each index
	 * entry ending in its rowid), so pages read from the start, from
	 * the end or sorted never give a row twice */
	.order = "t.year DESC, t.host, t.home_government, t.start, t.rowid",
	.none = N_("no trainee placements found"),
};

/* ---- what an office does (core/activity.h) ---- */

#define YEAR_FILTER(col) \
	{ .option = "year", .arg = KZ_RLIST_YEAR_ARG, \
	  .help = N_("in this reporting year, or between these dates"), \
	  .where = col " BETWEEN :from AND :to", .flags = KZ_RLF_YEAR }
#define STAMP_COLS \
	{ .field = "created", .flags = KZ_RC_DATA }, \
	{ .field = "created_by", .flags = KZ_RC_DATA | KZ_RC_JSON }, \
	{ .field = "updated", .flags = KZ_RC_DATA }, \
	{ .field = "updated_by", .flags = KZ_RC_DATA | KZ_RC_JSON }
#define FOLD(x) "instr(kz_fold(" x "), kz_fold(?)) > 0"

static const struct kz_rlist_col support_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .key = "dates", .expr = PERIOD("a"), .head = N_("DATES"),
	  .flags = KZ_RC_TABLE | KZ_RC_DATES, .sort = "a.start" },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "government", .head = N_("GOVERNMENT"), .flags = KZ_RC_BOTH },
	{ .field = "kind", .head = N_("KIND"), .flags = KZ_RC_BOTH },
	{ .field = "place", .head = N_("PLACE"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "partner", .head = N_("PARTNER"), .flags = KZ_RC_BOTH },
	{ .field = "what", .flags = KZ_RC_DATA },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter support_filters[] = {
	YEAR_FILTER("a.start"),
	{ .option = "kind", .arg = "visit|event|liaison|interpreting|venue|"
	  "briefing|other", .help = N_("of this kind"),
	  .where = "a.kind = ?", .field = "kind" },
	{ .option = "government", .arg = "TEXT",
	  .help = N_("for a Japanese government matching this"),
	  .where = FOLD("a.government") },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_support, "a", "support_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_support = {
	.name = "support", .rt = &kz_support_type,
	.size = sizeof (struct kz_support),
	.from = "support a", .alias = "a",
	.cols = support_cols, .ncols = NCOLS(support_cols),
	.filters = support_filters,
	.index = &kz_tindex_support,
	.order = "a.start DESC, a.government, a.id",
	.none = N_("no support cases found"),
};

static const struct kz_rlist_col research_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "government", .head = N_("GOVERNMENT"), .flags = KZ_RC_BOTH },
	{ .field = "topic", .head = N_("TOPIC"), .flags = KZ_RC_BOTH },
	{ .field = "requested", .head = N_("REQUESTED"), .flags = KZ_RC_BOTH },
	{ .field = "due", .flags = KZ_RC_DATA },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	{ .field = "delivered", .head = N_("DELIVERED"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter research_filters[] = {
	YEAR_FILTER("r.requested"),
	{ .option = "status", .arg = "requested|in_progress|delivered|"
	  "cancelled", .help = N_("in this status"),
	  .where = "r.status = ?", .field = "status" },
	{ .option = "government", .arg = "TEXT",
	  .help = N_("for a Japanese government matching this"),
	  .where = FOLD("r.government") },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_research, "r", "research_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_research = {
	.name = "research", .rt = &kz_research_type,
	.size = sizeof (struct kz_research),
	.from = "research r", .alias = "r",
	.cols = research_cols, .ncols = NCOLS(research_cols),
	.filters = research_filters,
	.index = &kz_tindex_research,
	.order = "r.requested DESC, r.government, r.id",
	.none = N_("no research projects found"), .width = 40,
};

static const struct kz_rlist_col promotion_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "kind", .head = N_("KIND"), .flags = KZ_RC_BOTH },
	{ .key = "dates", .expr = PERIOD("p"), .head = N_("DATES"),
	  .flags = KZ_RC_TABLE | KZ_RC_DATES, .sort = "p.start" },
	{ .field = "name", .head = NC_("not a person", "NAME"),
	  .flags = KZ_RC_BOTH },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "venue", .head = N_("VENUE"), .flags = KZ_RC_BOTH },
	{ .field = "city", .head = N_("CITY"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "governments", .head = N_("GOVERNMENTS"),
	  .flags = KZ_RC_BOTH },
	{ .field = "shown", .flags = KZ_RC_DATA },
	{ .field = "attendance", .head = N_("ATTENDANCE"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter promotion_filters[] = {
	YEAR_FILTER("p.start"),
	{ .option = "kind", .arg = "fair|cooking|other",
	  .help = N_("of this kind"), .where = "p.kind = ?", .field = "kind" },
	{ .option = "government", .arg = "TEXT",
	  .help = N_("with a partner government matching this"),
	  .where = FOLD("coalesce(p.governments, '')") },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_promotion, "p", "promotion_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_promotion = {
	.name = "promotion", .rt = &kz_promotion_type,
	.size = sizeof (struct kz_promotion),
	.from = "promotion p", .alias = "p",
	.cols = promotion_cols, .ncols = NCOLS(promotion_cols),
	.filters = promotion_filters,
	.index = &kz_tindex_promotion,
	.order = "p.start DESC, p.name, p.id",
	.none = N_("no promotion events found"),
};

static const struct kz_rlist_col jet_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "year", .head = N_("YEAR"), .flags = KZ_RC_BOTH },
	{ .field = "kind", .head = N_("KIND"), .flags = KZ_RC_BOTH },
	{ .field = "level", .head = N_("LEVEL"), .flags = KZ_RC_BOTH },
	{ .field = "placement", .head = N_("PLACEMENT"), .flags = KZ_RC_BOTH },
	{ .field = "participants", .head = N_("PARTICIPANTS"),
	  .flags = KZ_RC_BOTH },
	{ .field = "joined", .head = N_("NEW"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter jet_filters[] = {
	{ .option = "year", .arg = "YEAR|FROM..TO",
	  .help = N_("of this fiscal year, or the years of these dates"),
	  .where = "j.year BETWEEN :yfrom AND :yto",
	  .flags = KZ_RLF_YEAR },
	{ .option = "kind", .arg = "alt|cir|sea", .help = N_("of this kind"),
	  .where = "j.kind = ?", .field = "kind" },
	{ .option = "level", .arg = "prefecture|designated_city|municipality",
	  .help = N_("placed at this level"), .where = "j.level = ?",
	  .field = "level" },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_jet, "j", "jet_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_jet = {
	.name = "jet", .rt = &kz_jet_type,
	.size = sizeof (struct kz_jet),
	.from = "jet j", .alias = "j",
	.cols = jet_cols, .ncols = NCOLS(jet_cols),
	.filters = jet_filters,
	.index = &kz_tindex_jet,
	.order = "j.year DESC, j.kind, j.level, j.placement, j.id",
	.none = N_("no JET lines found"),
};

static const struct kz_rlist_col friendship_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "signed", .head = N_("SIGNED"), .flags = KZ_RC_BOTH },
	{ .field = "japanese", .head = N_("JAPANESE"), .flags = KZ_RC_BOTH },
	{ .field = "partner", .head = N_("PARTNER"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "region", .head = N_("REGION"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "country", .head = N_("COUNTRY"), .flags = KZ_RC_BOTH },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter friendship_filters[] = {
	YEAR_FILTER("f.signed"),
	{ .option = "country", .arg = "CC", .help = N_("with a partner in "
	  "this country"), .where = "f.country = ?", .field = "country" },
	{ .option = "region", .arg = "TEXT",
	  .help = N_("with a partner in a province or state matching this"),
	  .where = FOLD("coalesce(f.region, '')") },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_friendship, "f", "friendship_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_friendship = {
	.name = "friendship", .rt = &kz_friendship_type,
	.size = sizeof (struct kz_friendship),
	.from = "friendship f", .alias = "f",
	.cols = friendship_cols, .ncols = NCOLS(friendship_cols),
	.filters = friendship_filters,
	.index = &kz_tindex_friendship,
	.order = "f.signed DESC, f.japanese, f.partner, f.id",
	.none = N_("no friendship links found"),
};

static const struct kz_rlist_col rep_office_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "city", .head = N_("CITY"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "government", .head = N_("GOVERNMENT"), .flags = KZ_RC_BOTH },
	{ .field = "name", .head = NC_("not a person", "NAME"),
	  .flags = KZ_RC_BOTH },
	{ .field = "country", .head = N_("COUNTRY"), .flags = KZ_RC_BOTH },
	{ .field = "opened", .head = N_("OPENED"), .flags = KZ_RC_BOTH },
	{ .field = "closed", .flags = KZ_RC_DATA },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter rep_office_filters[] = {
	YEAR_FILTER("o.opened"),
	{ .option = "city", .arg = "TEXT", .help = N_("in a city matching "
	  "this"), .where = FOLD("o.city") },
	{ .option = "open", .arg = "DATE", .help = N_("open on this day"),
	  .where = "ifnull(o.opened, '') <= ? AND (o.closed IS NULL OR "
	  "o.closed >= ?)", .bind = bind_date },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_rep_office, "o", "rep_office_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_rep_office = {
	.name = "repoffice", .rt = &kz_rep_office_type,
	.size = sizeof (struct kz_rep_office),
	.from = "rep_office o", .alias = "o",
	.cols = rep_office_cols, .ncols = NCOLS(rep_office_cols),
	.filters = rep_office_filters,
	.index = &kz_tindex_rep_office,
	.order = "o.opened DESC, o.city, o.government, o.id",
	.none = N_("no representative offices found"),
};

/* A delegation's row with its specialists, which are child rows. */
static int
delegation_fill(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_akind_delegation.load(db, rec, err);
}

static void
delegation_free(void *rec)
{
	kz_rtype_free(&kz_delegation_type, rec);
	kz_akind_delegation.free(rec);
}

static const struct kz_rlist_col delegation_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .key = "dates", .expr = PERIOD("d"), .head = N_("DATES"),
	  .flags = KZ_RC_TABLE | KZ_RC_DATES, .sort = "d.start" },
	{ .field = "start", .flags = KZ_RC_DATA },
	{ .field = "end", .flags = KZ_RC_DATA },
	{ .field = "direction", .head = N_("DIRECTION"), .flags = KZ_RC_BOTH },
	{ .field = "who", .head = N_("WHO"), .flags = KZ_RC_BOTH },
	{ .field = "place", .head = N_("PLACE"), .flags = KZ_RC_BOTH,
	  .show = show_place },
	{ .field = "government", .head = N_("GOVERNMENT"), .flags = KZ_RC_BOTH },
	{ .field = "purpose", .flags = KZ_RC_DATA },
	{ .field = "status", .head = N_("STATUS"), .flags = KZ_RC_BOTH },
	{ .field = "specialists", .flags = KZ_RC_DATA },
	{ .field = "notes", .flags = KZ_RC_DATA },
	STAMP_COLS,
};

static const struct kz_rlist_filter delegation_filters[] = {
	YEAR_FILTER("d.start"),
	{ .option = "direction", .arg = "received|made",
	  .help = N_("received or made"), .where = "d.direction = ?",
	  .field = "direction" },
	{ .option = "status", .arg = "planned|held|cancelled",
	  .help = N_("in this status"), .where = "d.status = ?",
	  .field = "status" },
	{ .option = "specialist", .arg = "ID",
	  .help = N_("with this specialist taking part"),
	  .where = "EXISTS (SELECT 1 FROM delegation_member m WHERE "
	  "m.delegation = d.id AND m.specialist = ?)",
	  .flags = KZ_RLF_RECORD, .ref = KZ_T_SPECIALIST },
	{ .option = "search", .arg = "TEXT",
	  .help = N_("with these words anywhere in the record"),
	  TINDEX_FILTER(kz_tindex_delegation, "d", "delegation_fts") },
	{ 0 },
};

const struct kz_rlist kz_rlist_delegation = {
	.name = "delegation", .rt = &kz_delegation_type,
	.size = sizeof (struct kz_delegation),
	.from = "delegation d", .alias = "d",
	.cols = delegation_cols, .ncols = NCOLS(delegation_cols),
	.filters = delegation_filters,
	.index = &kz_tindex_delegation,
	.order = "d.start DESC, d.who, d.id",
	.none = N_("no delegations found"),
	.fill = delegation_fill, .free = delegation_free,
};

/* ---- opening figures ---- */

static const struct kz_rlist_col opening_cols[] = {
	{ .field = "id", .head = N_("ID"), .flags = KZ_RC_BOTH },
	{ .field = "programme", .head = N_("PROGRAMME"), .flags = KZ_RC_BOTH },
	{ .field = "since", .head = N_("SINCE"), .flags = KZ_RC_BOTH },
	{ .field = "as_of", .head = N_("AS OF"), .flags = KZ_RC_BOTH },
	{ .field = "count", .head = N_("COUNT"), .flags = KZ_RC_BOTH },
	{ .field = "note", .head = N_("NOTE"), .flags = KZ_RC_BOTH },
	{ .field = "created", .flags = KZ_RC_DATA },
	{ .field = "created_by", .flags = KZ_RC_DATA | KZ_RC_JSON },
	{ .field = "updated", .flags = KZ_RC_DATA },
	{ .field = "updated_by", .flags = KZ_RC_DATA | KZ_RC_JSON },
};

static const struct kz_rlist_filter opening_filters[] = {
	{ .option = "programme", .arg = "KEY",
	  .help = N_("of this programme (a key, e.g. trainee)"),
	  .where = "o.programme = ?" },
	{ 0 },
};

const struct kz_rlist kz_rlist_openings = {
	.name = "opening", .rt = &kz_opening_type,
	.size = sizeof (struct kz_opening),
	.from = "opening o", .alias = "o",
	.cols = opening_cols, .ncols = NCOLS(opening_cols),
	.filters = opening_filters,
	.order = "o.programme, o.as_of, o.id",
	.none = N_("no opening figures"),
};

const struct kz_rlist *const kz_rlists[] = {
	&kz_rlist_specialists,
	&kz_rlist_requests,
	&kz_rlist_dispatches,
	&kz_rlist_series,
	&kz_rlist_seminars,
	&kz_rlist_participants,
	&kz_rlist_items,
	&kz_rlist_trainees,
	&kz_rlist_support,
	&kz_rlist_research,
	&kz_rlist_promotion,
	&kz_rlist_jet,
	&kz_rlist_friendship,
	&kz_rlist_rep_office,
	&kz_rlist_delegation,
	&kz_rlist_openings,
	NULL,
};
