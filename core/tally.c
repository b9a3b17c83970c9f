/* tally.c - each programme's count in a year or range, and since the start. */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "i18n.h"
#include "record.h"
#include "tr.h"
#include "year.h"

/* A year kept as a number falls on its first day: the month :month. */
#define YEAR_DAY(y) "format('%04d-%02d-01', " y ", :month)"

/* A record of the office bound at :office; of any office where it is
 * NULL (head office: kz_tally_office). */
#define OFFICE(col) "(:office IS NULL OR " col " = :office)"
/* The same for a record that keeps its office only as its id's prefix
 * (core/id.h: "BJS-7K3M-Q9TD"), as opening figures do. */
#define OFFICE_ID(col) "(:office IS NULL OR substr(" col ", 1, " \
	"length(:office) + 1) = :office || '-')"

/* Editions of a series (by its code) held, not cancelled, by their first
 * day or else their year's. */
#define EDITIONS(what) "SELECT " what " FROM seminar s JOIN seminar_series r " \
	"ON r.id = s.series WHERE r.code = :code AND s.status <> 'cancelled' " \
	"AND coalesce(s.start, " YEAR_DAY("s.year") ") BETWEEN :from AND :to"

/* JET participants of a kind by fiscal year: a year's lines fall on its
 * first day. */
#define JET(kind, what) "SELECT coalesce(sum(" what "), 0) FROM jet " \
	"WHERE kind = '" kind "' AND " YEAR_DAY("year") \
	" BETWEEN :from AND :to"
#define JET_FIRST(kind) "SELECT min(" YEAR_DAY("year") ") FROM jet " \
	"WHERE kind = '" kind "' AND " YEAR_DAY("year") \
	" BETWEEN :from AND :to"

/*
 * The programmes, in the order a report gives them (tally.h). A key
 * ending in ':' takes a series code. SQL NULL: no records kept yet,
 * only opening figures count.
 *
 * A line counts its records in the range (sql) and, where the count
 * since the start is another measure, adds what the records add to that
 * since a day (total; NULL: sql again):
 *
 * - JET: the year's figure is the participants taking part that year
 *   (the seed's 参加者 row: ALT 5, CIR 65, SEA 0), but each stays three
 *   or so years, so summing them would count a person each year; the
 *   total is the opening figure plus those who joined after it (the
 *   seed's 累计: 1,407). Without a figure, those taking part in the
 *   first year of records had all joined by then: they are the base,
 *   and those who joined in the years after are added (base).
 * - Representative offices: the year's figure is the offices opened in
 *   it; the total is those open at the range's end (what a report means
 *   by "46 offices"), an opening figure being the offices open on its
 *   day: each opened after it adds one, each closed after it takes one
 *   away. An office with no opening day was there before any figure.
 * - Dispatches are their request's office's; trainee placements the
 *   office's that starts their id. At head office each office's figure
 *   is followed by that office's records only, whatever day the other
 *   offices' figures have (opening()).
 * - Activities are the database's records, as their lists are: their
 *   tables keep no office.
 *
 * first gives the day of the first record counted in the range (NULL
 * when one of them has no day): without an opening figure the count
 * since the start is the records', and a report says since when.
 */
static const struct programme {
	const char *key;
	const char *label;
	const char *sql;
	const char *total;
	const char *first;
	const char *pick;	/* a key ending in ':', in a pick list */
	bool base;		/* total is another measure, and without a
				 * figure the first year's sql is its base */
} programmes[] = {
	{ "dispatch", N_("specialists sent"),
	  "SELECT count(*) FROM dispatch d JOIN request q ON q.id = d.request "
	  "WHERE " OFFICE("q.office") " AND d.state <> 'cancelled' "
	  "AND d.start BETWEEN :from AND :to", NULL,
	  "SELECT min(d.start) FROM dispatch d JOIN request q ON q.id = "
	  "d.request WHERE " OFFICE("q.office") " AND d.state <> 'cancelled' "
	  "AND d.start BETWEEN :from AND :to", NULL, false },
	/* a placement is its office's, the one that starts its id */
	{ "trainee", N_("LGOTP officials trained"),
	  "SELECT count(*) FROM trainee WHERE " OFFICE_ID("id") " AND "
	  "programme = 'lgotp' AND status <> 'withdrawn' AND "
	  YEAR_DAY("year") " BETWEEN :from AND :to", NULL,
	  "SELECT min(" YEAR_DAY("year") ") FROM trainee WHERE "
	  OFFICE_ID("id") " AND programme = 'lgotp' AND status <> "
	  "'withdrawn' AND " YEAR_DAY("year") " BETWEEN :from AND :to", NULL,
	  false },
	{ "edition:", N_("editions of %s"), EDITIONS("count(*)"), NULL,
	  EDITIONS("min(coalesce(s.start, " YEAR_DAY("s.year") "))"),
	  N_("editions of a seminar series: type its code after "
	  "\"edition:\""), false },
	{ "attendance:", N_("participants of %s"),
	  EDITIONS("coalesce(sum(s.attendance), 0)"), NULL,
	  EDITIONS("min(coalesce(s.start, " YEAR_DAY("s.year") "))"),
	  N_("participants of a seminar series: type its code after "
	  "\"attendance:\""), false },
	{ "jet:alt", N_("JET assistant language teachers (ALT)"),
	  JET("alt", "participants"), JET("alt", "joined"),
	  JET_FIRST("alt"), NULL, true },
	{ "jet:cir", N_("JET coordinators for international relations (CIR)"),
	  JET("cir", "participants"), JET("cir", "joined"),
	  JET_FIRST("cir"), NULL, true },
	{ "jet:sea", N_("JET sports exchange advisors (SEA)"),
	  JET("sea", "participants"), JET("sea", "joined"),
	  JET_FIRST("sea"), NULL, true },
	{ "support", N_("support for Japanese local governments"),
	  "SELECT count(*) FROM support WHERE start BETWEEN :from AND :to",
	  NULL, "SELECT min(start) FROM support WHERE start BETWEEN :from "
	  "AND :to", NULL, false },
	{ "research", N_("commissioned research"),
	  "SELECT count(*) FROM research WHERE status <> 'cancelled' "
	  "AND requested BETWEEN :from AND :to", NULL,
	  "SELECT CASE WHEN count(requested) = count(*) THEN min(requested) "
	  "END FROM research WHERE status <> 'cancelled' AND coalesce("
	  "requested, '0000-00-00') BETWEEN :from AND :to", NULL, false },
	{ "promotion", N_("promotion events"),
	  "SELECT count(*) FROM promotion WHERE start BETWEEN :from AND :to",
	  NULL, "SELECT min(start) FROM promotion WHERE start BETWEEN :from "
	  "AND :to", NULL, false },
	{ "friendship", N_("friendship-city links"),
	  "SELECT count(*) FROM friendship WHERE coalesce(signed, "
	  "'0000-00-00') BETWEEN :from AND :to", NULL,
	  "SELECT CASE WHEN count(signed) = count(*) THEN min(signed) END "
	  "FROM friendship WHERE coalesce(signed, '0000-00-00') BETWEEN "
	  ":from AND :to", NULL, false },
	{ "rep_office", N_("representative offices"),
	  "SELECT count(*) FROM rep_office WHERE opened BETWEEN :from AND :to",
	  "SELECT (SELECT count(*) FROM rep_office WHERE coalesce(opened, "
	  "'0000-00-00') BETWEEN :from AND :to) - (SELECT count(*) FROM "
	  "rep_office WHERE closed BETWEEN :from AND :to)",
	  "SELECT CASE WHEN count(opened) = count(*) THEN min(opened) END "
	  "FROM rep_office WHERE coalesce(opened, '0000-00-00') BETWEEN "
	  ":from AND :to", NULL, false },
	{ "delegation", N_("delegations and visits"),
	  "SELECT count(*) FROM delegation WHERE status <> 'cancelled' "
	  "AND start BETWEEN :from AND :to", NULL,
	  "SELECT min(start) FROM delegation WHERE status <> 'cancelled' "
	  "AND start BETWEEN :from AND :to", NULL, false },
};

#define NPROG (sizeof programmes / sizeof programmes[0])

static bool
code_ok(const char *c)
{
	size_t n = strlen(c);

	if (n < 2 || n > 32 || !(c[0] >= 'a' && c[0] <= 'z'))
		return false;
	return c[strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789-")] == '\0';
}

/* The programme of key, and its code (after the ':') for a series. */
static const struct programme *
find(const char *key, const char **code)
{
	*code = NULL;
	for (size_t i = 0; key && i < NPROG; i++) {
		size_t n = strlen(programmes[i].key);

		if (programmes[i].key[n - 1] == ':') {
			if (strncmp(key, programmes[i].key, n) == 0 &&
			    code_ok(key + n)) {
				*code = key + n;
				return &programmes[i];
			}
		} else if (strcmp(key, programmes[i].key) == 0)
			return &programmes[i];
	}
	return NULL;
}

bool
kz_tally_key_ok(const char *key)
{
	const char *code;

	return find(key, &code) != NULL && strlen(key) < 48;
}

const char *
kz_tally_label_as(const char *key, const char *shown, char *out, size_t size)
{
	const char *code;
	const struct programme *p = find(key, &code);

	if (p == NULL)
		snprintf(out, size, "%s", key ? key : "");
	else if (code)
		snprintf(out, size, _(p->label), shown ? shown : code);
	else
		snprintf(out, size, "%s", _(p->label));
	return out;
}

const char *
kz_tally_label(const char *key, char *out, size_t size)
{
	return kz_tally_label_as(key, NULL, out, size);
}

const char *
kz_tally_key_at(size_t i, const char **label)
{
	if (i >= NPROG)
		return NULL;
	*label = programmes[i].pick ? programmes[i].pick : programmes[i].label;
	return programmes[i].key;
}

/* This office's series of a code (any office's at head office), and its
 * name as stored. */
static const char series_name_sql[] =
	"SELECT id, name FROM seminar_series WHERE code = :code AND "
	OFFICE("office");

int
kz_tally_name(struct kz_db *db, const char *key, char *out, size_t size,
    struct kz_err *err)
{
	const char *code;
	sqlite3_stmt *st;
	struct kz_trs t = { 0 };
	char id[KZ_ID_SIZE] = "", *name = NULL;
	int rc;

	if (find(key, &code) == NULL || code == NULL) {
		kz_tally_label(key, out, size);
		return KZ_OK;
	}
	if ((st = kz_db_stmt(db, series_name_sql)) == NULL)
		return kz_db_fail(db, err, "seminar_series");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (kz_tally_office(db->cfg))
		sqlite3_bind_text(st, 2, kz_tally_office(db->cfg), -1,
		    SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kz_col_copy(st, 0, id, sizeof id);
		name = kz_col_dup(st, 1);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, err, "seminar_series");
	if (rc == SQLITE_ROW && name == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if (*id && (rc = kz_tr_load(db, id, &t, err)) != KZ_OK) {
		free(name);
		return rc;
	}
	kz_tally_label_as(key, name ? kz_tr_pick(&t, "name", NULL, name) :
	    NULL, out, size);
	kz_tr_free(&t);
	free(name);
	return KZ_OK;
}

const char *
kz_tally_shown(struct kz_db *db, const char *key, char *out, size_t size)
{
	struct kz_err ignored = { 0 };

	if (kz_tally_name(db, key, out, size, &ignored) != KZ_OK)
		kz_tally_label(key, out, size);
	kz_err_clear(&ignored);
	return out;
}

void
kz_tally_keys(char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < NPROG && len < size; i++) {
		size_t n = strlen(programmes[i].key);
		int w = snprintf(out + len, size - len, "%s%s%s", i ? ", " : "",
		    programmes[i].key, programmes[i].key[n - 1] == ':' ?
		    "SERIES" : "");

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

const char *
kz_tally_office(const struct kz_config *cfg)
{
	if (cfg && cfg->role == KZ_ROLE_HEAD)
		return NULL;
	return cfg && cfg->office_id ? cfg->office_id : "";
}

/* The statement of one of the programme's SQL over [from, to], bound,
 * its records those of office (NULL: every office's); NULL with err
 * when it cannot be made. */
static sqlite3_stmt *
bound(struct kz_db *db, const struct programme *p, const char *sql,
    const char *code, const char *office, const char *from, const char *to,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	int i;

	if ((st = kz_db_stmt(db, sql)) == NULL) {
		kz_db_fail(db, err, p->key);
		return NULL;
	}
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":from"),
	    *from ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":to"),
	    *to ? to : "9999-99-99", -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":office")) > 0 && office)
		sqlite3_bind_text(st, i, office, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":month")) > 0)
		sqlite3_bind_int(st, i, kz_year_start(db->cfg));
	if ((i = sqlite3_bind_parameter_index(st, ":code")) > 0)
		sqlite3_bind_text(st, i, code ? code : "", -1,
		    SQLITE_TRANSIENT);
	return st;
}

/* The programme's records of office in [from, to]: what they count in a
 * year, or (total) what they add to the count since the start. */
static int
records(struct kz_db *db, const struct programme *p, const char *code,
    const char *office, const char *from, const char *to, bool total,
    long *out, struct kz_err *err)
{
	const char *sql = total && p->total ? p->total : p->sql;
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (sql == NULL)
		return KZ_OK;
	if ((st = bound(db, p, sql, code, office, from, to, err)) == NULL)
		return KZ_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, err, p->key);
}

/* The day of the programme's first record up to to, into out ("" when
 * it has none, or one without a day). */
static int
first_day(struct kz_db *db, const struct programme *p, const char *code,
    const char *office, const char *to, char out[11], struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (p->first == NULL)
		return KZ_OK;
	if ((st = bound(db, p, p->first, code, office, "", to, err)) == NULL)
		return KZ_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
		kz_col_copy(st, 0, out, 11);
	if (!kz_date_valid(out))
		out[0] = '\0';	/* a year's first day made of a bad year */
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, err, p->key);
}

/* The figures for key not dated after to, an office's (its id's
 * prefix) or, :office NULL, every office's: the latest of each office
 * first, by office. */
static const char opening_sql[] =
	"SELECT substr(id, 1, instr(id, '-') - 1) AS o, count, as_of "
	"FROM opening WHERE programme = :key AND as_of <= :to AND "
	OFFICE_ID("id") " ORDER BY o, as_of DESC, updated DESC";

/* The programme's first year, as any of its figures says. */
static const char since_sql[] =
	"SELECT min(since) FROM opening WHERE programme = :key AND "
	OFFICE_ID("id");

/* The figures' statement for key, office bound (NULL: every office). */
static sqlite3_stmt *
figures(struct kz_db *db, const char *sql, const char *key,
    const char *office, const char *to, struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int i;

	if (st == NULL) {
		kz_db_fail(db, err, "opening");
		return NULL;
	}
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":key"), key,
	    -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":to")) > 0)
		sqlite3_bind_text(st, i, *to ? to : "9999-99-99", -1,
		    SQLITE_TRANSIENT);
	if (office)
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st,
		    ":office"), office, -1, SQLITE_TRANSIENT);
	return st;
}

/*
 * The count since the start with figures: each office's latest figure,
 * and the records after it. Where the records know their office (the
 * SQL binds :office), those of an office with a figure count from the
 * day after its own figure, the others' all: every record, plus each
 * figure less the office's records up to its day. Records that keep no
 * office count after the latest of the figures.
 */
static int
opening(struct kz_db *db, const struct programme *p, const char *code,
    const char *office, const char *to, struct kz_tally *t,
    struct kz_err *err)
{
	const char *sql = p->total ? p->total : p->sql;
	bool by_office = sql && strstr(sql, ":office") != NULL;
	sqlite3_stmt *st = figures(db, opening_sql, t->key, office, to, err);
	char prev[KZ_ID_SIZE] = "", o[KZ_ID_SIZE], day[11], after[11];
	long before = 0, more;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kz_col_copy(st, 0, o, sizeof o);
		if (t->opening && strcmp(o, prev) == 0)
			continue;	/* an earlier figure of the office */
		snprintf(prev, sizeof prev, "%s", o);
		kz_col_copy(st, 2, day, sizeof day);
		t->opening = true;
		t->opening_count += sqlite3_column_int64(st, 1);
		if (strcmp(day, t->as_of) > 0)
			snprintf(t->as_of, sizeof t->as_of, "%s", day);
		if (!by_office)
			continue;
		if (records(db, p, code, prev, "", day, true, &more, err))
			break;
		before += more;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_ROW)
		return KZ_ERROR;
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, err, "opening");
	if ((st = figures(db, since_sql, t->key, office, "", err)) == NULL)
		return KZ_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		t->since = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW)
		return kz_db_fail(db, err, "opening");
	if (!t->opening)
		return KZ_OK;
	/* the figure counts up to its day; the records from the next */
	kz_date_from_days(kz_date_days(t->as_of) + 1, after);
	if (records(db, p, code, office, by_office ? "" : after, to, true,
	    &more, err) != KZ_OK)
		return KZ_ERROR;
	t->total = t->opening_count + more - before;
	return KZ_OK;
}

/* Without a figure: the records up to to; where the total is another
 * measure with a base, the first year's (those taking part had all
 * joined by then) and what the years after it add. */
static int
no_figure(struct kz_db *db, const struct programme *p, const char *code,
    const char *office, const char *to, struct kz_tally *t,
    struct kz_err *err)
{
	char from[11], end[11], after[11];
	long more;

	if (first_day(db, p, code, office, to, t->first, err) != KZ_OK)
		return KZ_ERROR;
	if (!p->base || !*t->first)
		return records(db, p, code, office, "", to, true, &t->total,
		    err);
	kz_year_range(db->cfg, kz_year_of(db->cfg, t->first), from, end);
	if (*to && strcmp(end, to) > 0)
		snprintf(end, sizeof end, "%s", to);
	if (records(db, p, code, office, "", end, false, &t->total,
	    err) != KZ_OK)
		return KZ_ERROR;
	kz_date_from_days(kz_date_days(end) + 1, after);
	if (records(db, p, code, office, after, to, true, &more, err))
		return KZ_ERROR;
	t->total += more;
	return KZ_OK;
}

int
kz_tally_count(struct kz_db *db, const char *key, const char *from,
    const char *to, struct kz_tally *out, struct kz_err *err)
{
	const char *code, *office = kz_tally_office(db->cfg);
	const struct programme *p = find(key, &code);

	memset(out, 0, sizeof *out);
	if (p == NULL || strlen(key) >= sizeof out->key) {
		char keys[400];

		kz_tally_keys(keys, sizeof keys);
		return kz_err_add(err, "programme", _("\"%s\" is no programme: "
		    "%s"), key ? key : "", keys);
	}
	snprintf(out->key, sizeof out->key, "%s", key);
	from = from ? from : "";
	to = to ? to : "";
	if (records(db, p, code, office, from, to, false, &out->year,
	    err) != KZ_OK ||
	    opening(db, p, code, office, to, out, err) != KZ_OK)
		return KZ_ERROR;
	if (!out->opening)
		return no_figure(db, p, code, office, to, out, err);
	return KZ_OK;
}

/* The series of this office (of every office at head office), by code,
 * in the order they were made. */
static const char series_sql[] =
	"SELECT code FROM seminar_series WHERE " OFFICE("office")
	" ORDER BY created, code";

static int
add(struct kz_db *db, const char *key, const char *from, const char *to,
    struct kz_tally **out, size_t *n, struct kz_err *err)
{
	struct kz_tally t, *g;

	if (kz_tally_count(db, key, from, to, &t, err) != KZ_OK)
		return KZ_ERROR;
	if (t.total == 0 && t.year == 0 && !t.opening)
		return KZ_OK;	/* a programme this office has not */
	if ((g = kz_grow(*out, *n, sizeof *g)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	*out = g;
	g[(*n)++] = t;
	return KZ_OK;
}

int
kz_tally_all(struct kz_db *db, const char *from, const char *to,
    struct kz_tally **out, size_t *n, struct kz_err *err)
{
	char **codes = NULL, key[48];
	size_t ncodes = 0;
	sqlite3_stmt *st;
	int rc = KZ_OK, step;

	*out = NULL;
	*n = 0;
	if ((st = kz_db_stmt(db, series_sql)) == NULL)
		return kz_db_fail(db, err, "seminar_series");
	if (kz_tally_office(db->cfg))
		sqlite3_bind_text(st, 1, kz_tally_office(db->cfg), -1,
		    SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char **g = kz_grow(codes, ncodes, sizeof *g);

		if (g == NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		codes = g;
		if ((codes[ncodes] = kz_col_dup(st, 0)) == NULL)
			continue;	/* NOT NULL: only out of memory */
		ncodes++;
	}
	if (rc == KZ_OK && step != SQLITE_DONE)
		rc = kz_db_fail(db, err, "seminar_series");
	sqlite3_reset(st);
	for (size_t i = 0; rc == KZ_OK && i < NPROG; i++) {
		size_t len = strlen(programmes[i].key);

		if (programmes[i].key[len - 1] != ':') {
			rc = add(db, programmes[i].key, from, to, out, n, err);
			continue;
		}
		for (size_t k = 0; rc == KZ_OK && k < ncodes; k++) {
			snprintf(key, sizeof key, "%s%s", programmes[i].key,
			    codes[k]);
			if (kz_tally_key_ok(key))
				rc = add(db, key, from, to, out, n, err);
		}
	}
	for (size_t k = 0; k < ncodes; k++)
		free(codes[k]);
	free(codes);
	if (rc != KZ_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
