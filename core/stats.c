/* stats.c - the office's figures: the table of measures and their groupings, and running one over a year. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "buf.h"
#include "config.h"
#include "country.h"
#include "dispatch.h"
#include "i18n.h"
#include "request.h"
#include "rlist.h"
#include "trainee.h"
#include "year.h"

#define NBY(a) (sizeof (a) / sizeof (a)[0])
/* a measure's groupings */
#define BY(a) .by = (a), .nby = NBY(a)

/* The office's year of a date column, in SQL: its calendar year, less
 * one before the month the year starts in (bound at :month). */
#define FY(d) "(CAST(substr(" d ", 1, 4) AS INTEGER) - (CAST(substr(" d \
	", 6, 2) AS INTEGER) < :month))"
/* a record counted by a day of it: the day in the range */
#define ON_DAY(d) d " BETWEEN :from AND :to"

/* The groupings several measures have, a line each: a year (of a year
 * column, or FY() of a date), a country code, a keyword of an
 * enumeration, text as stored. */
#define BY_YEAR(k) { .name = "year", .label = N_("year"), .key = k, \
	.order = "key", .show = KZ_SK_YEAR }
#define BY_COUNTRY(k) { .name = "country", .label = N_("country"), \
	.key = k, .show = KZ_SK_COUNTRY }
#define BY_ENUM(n, l, k, en) { .name = n, .label = l, .key = k, \
	.show = KZ_SK_ENUM, .e = &en }
#define BY_TEXT(n, l, k) { .name = n, .label = l, .key = k }

/* a request's fields (a dispatch counts in each of its fields, once in
 * the total), country and province */
#define BY_REQUEST_PLACE \
	{ .name = "field", .label = N_("field"), \
	  .join = "LEFT JOIN request_field rf ON rf.request = r.id", \
	  .key = "ifnull(rf.field, '')", .show = KZ_SK_FIELD }, \
	BY_COUNTRY("r.country"), \
	{ .name = "province", .label = N_("province"), \
	  .key = "ifnull(r.province, '')", .country = "r.country", \
	  .show = KZ_SK_PROVINCE }

/* ---- dispatches: by the day they start, cancelled ones aside ---- */

static const struct kz_stat_by dispatch_by[] = {
	BY_YEAR(FY("d.start")),
	BY_REQUEST_PLACE,
	BY_ENUM("state", N_("state"), "d.state", kz_dispatch_state_enum),
};

static const struct kz_stat_measure dispatches = {
	.name = "dispatches", .label = N_("Dispatches"),
	.help = N_("specialists sent, by the year they start, field, "
	"country, province or state"),
	.from = "dispatch d JOIN request r ON r.id = d.request",
	.where = "d.state <> 'cancelled'",
	.year = ON_DAY("d.start"), .value = "count(DISTINCT d.id)",
	BY(dispatch_by),
};

/* ---- requests: by the day received ---- */

static const struct kz_stat_by request_by[] = {
	BY_YEAR(FY("r.received")),
	BY_REQUEST_PLACE,
	BY_ENUM("status", N_("status"), "r.status", kz_request_status_enum),
};

static const struct kz_stat_measure requests = {
	.name = "requests", .label = N_("Requests"),
	.help = N_("requests received, by year, field, country, province or "
	"status"),
	.from = "request r",
	.year = ON_DAY("r.received"), .value = "count(DISTINCT r.id)",
	BY(request_by),
};

/* ---- seminars: attendance by edition, its parts where recorded ---- */

#define SERIES_CODE "(SELECT code FROM seminar_series g WHERE g.id = " \
	"e.series)"
/* an edition's first day in the year; else the year it is of */
#define SEMINAR_YEAR "CASE WHEN ifnull(e.start, '') <> '' THEN e.start " \
	"BETWEEN :from AND :to ELSE e.year BETWEEN :yfrom AND :yto END"
#define SEMINAR_FY "CASE WHEN ifnull(e.start, '') <> '' THEN " FY("e.start") \
	" ELSE e.year END"

static const struct kz_stat_by attendance_by[] = {
	/* "cj-seminar/18", as `seminar show` takes it */
	{ .name = "edition", .label = N_("edition"),
	  .key = SERIES_CODE " || '/' || coalesce(e.number, e.year)",
	  .name_sql = SERIES_CODE " || '/' || coalesce(e.number, e.year) || "
	  "CASE WHEN e.number IS NULL THEN '' ELSE ' ' || e.year END",
	  .parts = "(SELECT group_concat(label || ' ' || count, ', ') FROM "
	  "(SELECT label, count FROM seminar_attendance a WHERE a.seminar = "
	  "e.id ORDER BY position, label))",
	  .order = "min(" SERIES_CODE "), min(e.year), min(e.number)" },
	BY_TEXT("series", N_("series"), SERIES_CODE),
	BY_YEAR(SEMINAR_FY),
	BY_COUNTRY("ifnull(e.country, '')"),
};

static const struct kz_stat_measure attendance = {
	.name = "seminars", .label = N_("Seminar attendance"),
	.help = N_("people at each edition (its parts where recorded), or "
	"by series, year or country"),
	.from = "seminar e",
	.where = "e.attendance IS NOT NULL AND e.status <> 'cancelled'",
	.year = SEMINAR_YEAR, .value = "sum(e.attendance)",
	BY(attendance_by),
};

static const struct kz_stat_by edition_by[] = {
	BY_YEAR(SEMINAR_FY),
	BY_TEXT("series", N_("series"), SERIES_CODE),
	BY_COUNTRY("ifnull(e.country, '')"),
};

static const struct kz_stat_measure editions = {
	.name = "editions", .label = N_("Seminar editions"),
	.help = N_("editions held or planned, by year, series or country"),
	.from = "seminar e",
	.where = "e.status <> 'cancelled'",
	.year = SEMINAR_YEAR, .value = "count(*)",
	BY(edition_by),
};

/* ---- trainees: placements but the withdrawn, by programme year ---- */

static const struct kz_stat_by trainee_by[] = {
	BY_YEAR("t.year"),
	{ .name = "region", .label = N_("home region"),
	  .key = "coalesce(nullif(t.home_region, ''), t.home_government)",
	  .country = "t.home_country", .show = KZ_SK_PROVINCE },
	BY_COUNTRY("ifnull(t.home_country, '')"),
	BY_ENUM("programme", NC_("training", "programme"), "t.programme",
	    kz_trainee_programme_enum),
	BY_TEXT("host", N_("host"), "t.host"),
};

static const struct kz_stat_measure trainees = {
	.name = "trainees", .label = N_("Trainees"),
	.help = N_("officials placed in Japan, by programme year, home "
	"region, country, programme or host"),
	.from = "trainee t",
	.where = "t.status <> 'withdrawn'",
	/* as `trainee list --year`: a year is the programme year */
	.year = "CASE WHEN :year > 0 THEN t.year = :year WHEN "
	"ifnull(t.start, '') <> '' THEN t.start BETWEEN :from AND :to ELSE "
	"t.year BETWEEN :yfrom AND :yto END",
	.value = "count(*)",
	BY(trainee_by),
};

/* ---- what an office does (core/activity.h) ---- */

/* support cases by their first day */
static const struct kz_stat_by support_by[] = {
	BY_ENUM("kind", N_("kind"), "a.kind", kz_support_kind_enum),
	BY_TEXT("government", N_("government"), "a.government"),
	BY_YEAR(FY("a.start")),
};

static const struct kz_stat_measure support = {
	.name = "support", .label = N_("Support cases"),
	.help = N_("support given to Japanese governments, by kind, "
	"government or year"),
	.from = "support a", .year = ON_DAY("a.start"), .value = "count(*)",
	BY(support_by),
};

/* research by the day it was asked for, cancelled projects too: the
 * status says what became of each */
static const struct kz_stat_by research_by[] = {
	BY_ENUM("status", N_("status"), "r.status", kz_research_status_enum),
	BY_TEXT("government", N_("government"), "r.government"),
	BY_YEAR(FY("r.requested")),
};

static const struct kz_stat_measure research = {
	.name = "research", .label = N_("Commissioned research"),
	.help = N_("research commissioned, by status, government or the "
	"year asked"),
	.from = "research r", .year = ON_DAY("r.requested"),
	.value = "count(*)",
	BY(research_by),
};

static const struct kz_stat_by promotion_by[] = {
	BY_ENUM("kind", N_("kind"), "p.kind", kz_promotion_kind_enum),
	BY_YEAR(FY("p.start")),
	BY_TEXT("city", N_("city"), "ifnull(p.city, '')"),
};

static const struct kz_stat_measure promotion = {
	.name = "promotion", .label = N_("Promotion events"),
	.help = N_("fairs, cooking and other events, by kind, year or "
	"city"),
	.from = "promotion p", .year = ON_DAY("p.start"), .value = "count(*)",
	BY(promotion_by),
};

/* JET lines are kept by fiscal year: a year typed is that year, a range
 * takes the years whose first day falls in it */
#define JET_YEAR "CASE WHEN :year > 0 THEN j.year = :year ELSE " \
	"format('%04d-%02d-01', j.year, :month) BETWEEN :from AND :to END"

static const struct kz_stat_by jet_by[] = {
	{ .name = "kind", .label = N_("kind"), .key = "j.kind",
	  .order = "key", .show = KZ_SK_ENUM, .e = &kz_jet_kind_enum },
	BY_YEAR("j.year"),
	{ .name = "level", .label = N_("level"), .key = "j.level",
	  .order = "CASE key WHEN 'prefecture' THEN 0 WHEN "
	  "'designated_city' THEN 1 ELSE 2 END",
	  .show = KZ_SK_ENUM, .e = &kz_jet_level_enum },
	BY_TEXT("placement", N_("placement"), "ifnull(j.placement, '')"),
};

static const struct kz_stat_measure jet = {
	.name = "jet", .label = N_("JET participants"),
	.help = N_("JET participants taking part, by kind, year, level or "
	"placement"),
	.from = "jet j", .year = JET_YEAR, .value = "sum(j.participants)",
	BY(jet_by),
};

static const struct kz_stat_measure jet_joined = {
	.name = "jet-joined", .label = N_("JET participants who joined"),
	.help = N_("JET participants new in the year, by kind, year, level "
	"or placement"),
	.from = "jet j", .year = JET_YEAR, .value = "sum(j.joined)",
	BY(jet_by),
};

/* links by the day signed; one with no day counts over every year */
static const struct kz_stat_by friendship_by[] = {
	{ .name = "region", .label = N_("partner region"),
	  .key = "ifnull(f.region, '')", .country = "f.country",
	  .show = KZ_SK_PROVINCE },
	BY_YEAR("CASE WHEN f.signed IS NULL THEN '' ELSE " FY("f.signed")
	    " END"),
	BY_TEXT("government", N_("Japanese government"), "f.japanese"),
	BY_COUNTRY("ifnull(f.country, '')"),
};

static const struct kz_stat_measure friendship = {
	.name = "friendship", .label = N_("Friendship-city links"),
	.help = N_("friendship-city links by partner region, year signed, "
	"Japanese government or country"),
	.from = "friendship f",
	.year = ON_DAY("coalesce(f.signed, '0000-01-01')"),
	.value = "count(*)",
	BY(friendship_by),
};

static const struct kz_stat_by rep_office_by[] = {
	BY_TEXT("city", N_("city"), "o.city"),
	BY_COUNTRY("ifnull(o.country, '')"),
	BY_TEXT("government", N_("government"), "o.government"),
};

static const struct kz_stat_measure rep_offices = {
	.name = "repoffices", .label = N_("Representative offices"),
	.help = N_("representative offices open at the end of the year, by "
	"city, country or government"),
	.from = "rep_office o",
	/* open on the range's last day (an office with no day opened
	 * before any) */
	.year = "coalesce(o.opened, '0000-01-01') <= :to AND (o.closed IS "
	"NULL OR o.closed > :to)",
	.value = "count(*)",
	BY(rep_office_by),
};

static const struct kz_stat_by delegation_by[] = {
	BY_ENUM("direction", N_("direction"), "g.direction",
	    kz_delegation_direction_enum),
	BY_YEAR(FY("g.start")),
	BY_ENUM("status", N_("status"), "g.status", kz_delegation_status_enum),
};

static const struct kz_stat_measure delegations = {
	.name = "delegations", .label = N_("Delegations and visits"),
	.help = N_("delegations received and visits made, by direction, year "
	"or status"),
	.from = "delegation g", .where = "g.status <> 'cancelled'",
	.year = ON_DAY("g.start"), .value = "count(*)",
	BY(delegation_by),
};

const struct kz_stat_measure *const kz_stat_measures[] = {
	&dispatches,
	&requests,
	&attendance,
	&editions,
	&trainees,
	&support,
	&research,
	&promotion,
	&jet,
	&jet_joined,
	&friendship,
	&rep_offices,
	&delegations,
	NULL,
};

const struct kz_stat_measure *
kz_stat_measure(const char *name)
{
	for (size_t i = 0; name && kz_stat_measures[i]; i++)
		if (strcmp(kz_stat_measures[i]->name, name) == 0)
			return kz_stat_measures[i];
	return NULL;
}

const struct kz_stat_by *
kz_stat_by(const struct kz_stat_measure *m, const char *name)
{
	if (m == NULL || m->nby == 0)
		return NULL;
	if (name == NULL)
		return &m->by[0];
	for (size_t i = 0; i < m->nby; i++)
		if (strcmp(m->by[i].name, name) == 0)
			return &m->by[i];
	return NULL;
}

void
kz_stat_by_list(const struct kz_stat_measure *m, char *out, size_t size)
{
	size_t at = 0;

	if (size)
		out[0] = '\0';
	for (size_t i = 0; m && i < m->nby && at < size; i++)
		at += (size_t)snprintf(out + at, size - at, "%s%s", i ? ", " :
		    "", m->by[i].name);
}

/* The statement of tmpl (constant SQL with year words) prepared, the
 * year typed bound at its words. */
static sqlite3_stmt *
prepare(struct kz_db *db, const char *tmpl, const char *year,
    struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	struct kz_rlist_bind b = { 0 };
	sqlite3_stmt *st = NULL;

	if (kz_rlist_year_bind(db, year, tmpl, &b, "--year", err) != KZ_OK)
		return NULL;
	kz_rlist_year_sql(tmpl, &sql);
	if (sql.oom)
		kz_err_add(err, "", _("out of memory"));
	else if (sqlite3_prepare_v2(db->sql, sql.s, -1, &st, NULL) !=
	    SQLITE_OK) {
		kz_db_fail(db, err, "stats");
		st = NULL;
	}
	for (int i = 0; i < b.n; i++) {
		if (st && b.text[i])
			sqlite3_bind_text(st, i + 1, b.text[i], -1,
			    SQLITE_TRANSIENT);
		else if (st)
			sqlite3_bind_int64(st, i + 1, b.num[i]);
		free(b.text[i]);
	}
	kz_buf_free(&sql);
	return st;
}

/* A key as the reader reads it. */
static char *
label_of(struct kz_db *db, const struct kz_stat_by *by, const char *key,
    const char *name, const char *country)
{
	const struct kz_field *f;
	const char *l = NULL;
	char y[64];

	if (name && *name)
		return strdup(name);
	if (*key == '\0')
		return strdup(_("not recorded"));
	switch (by->show) {
	case KZ_SK_YEAR:
		kz_year_name(db->cfg, atoi(key), y, sizeof y);
		return strdup(y);
	case KZ_SK_FIELD:
		f = db->cfg ? kz_config_field(db->cfg, key) : NULL;
		l = f ? kz_field_name(db->cfg, f) : NULL;
		break;
	case KZ_SK_COUNTRY:
		l = kz_country_label(key);
		break;
	case KZ_SK_PROVINCE:
		l = kz_subdivision_shown(country && *country ? country : NULL,
		    key);
		break;
	case KZ_SK_ENUM: {
		int v = kz_enum_parse(by->e, key);

		l = v >= 0 ? kz_enum_label(by->e, v) : NULL;
		break;
	}
	case KZ_SK_TEXT:
		break;
	}
	return strdup(l ? l : key);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* The rows of the grouped statement into s. */
static int
read_rows(struct kz_db *db, sqlite3_stmt *st, struct kz_stat *s,
    struct kz_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_stat_row *g, *r;

		if ((g = kz_grow(s->rows, s->n, sizeof *g)) == NULL)
			return kz_err_add(err, "", _("out of memory"));
		s->rows = g;
		r = &s->rows[s->n];
		memset(r, 0, sizeof *r);
		r->value = (long)sqlite3_column_int64(st, 1);
		r->key = strdup(col_text(st, 0));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL)
			r->parts = strdup(col_text(st, 4));
		r->label = r->key ? label_of(db, s->by, r->key, col_text(st,
		    2), col_text(st, 3)) : NULL;
		s->n++;
		if (r->key == NULL || r->label == NULL ||
		    (sqlite3_column_type(st, 4) != SQLITE_NULL &&
		    r->parts == NULL))
			return kz_err_add(err, "", _("out of memory"));
		if (r->value > s->max)
			s->max = r->value;
	}
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "stats");
}

int
kz_stat_run(struct kz_db *db, const struct kz_stat_measure *m,
    const struct kz_stat_by *by, const char *year, struct kz_stat *out,
    struct kz_err *err)
{
	struct kz_buf q = { 0 }, t = { 0 };
	sqlite3_stmt *st = NULL;
	int rc = KZ_ERROR;

	memset(out, 0, sizeof *out);
	out->m = m;
	out->by = by ? by : kz_stat_by(m, NULL);
	if (m == NULL || out->by == NULL)
		return kz_err_add(err, "", _("no such figure"));
	by = out->by;
	if (year && kz_year_parse(db->cfg, year, &out->year, out->from,
	    out->to, "--year", err) != KZ_OK)
		return KZ_ERROR;
	/* every piece a constant of the tables above */
	kz_buf_printf(&q, "SELECT %s AS key, %s AS n, %s, %s, %s FROM %s %s "
	    "WHERE (%s) AND (%s) GROUP BY key ORDER BY %s", by->key, m->value,
	    by->name_sql ? by->name_sql : "NULL", by->country ? by->country :
	    "NULL", by->parts ? by->parts : "NULL", m->from, by->join ?
	    by->join : "", m->where ? m->where : "1", m->year, by->order ?
	    by->order : "n DESC, key");
	kz_buf_printf(&t, "SELECT %s FROM %s WHERE (%s) AND (%s)", m->value,
	    m->from, m->where ? m->where : "1", m->year);
	if (q.oom || t.oom) {
		kz_err_add(err, "", _("out of memory"));
		goto out;
	}
	if ((st = prepare(db, q.s, year, err)) == NULL)
		goto out;
	if (read_rows(db, st, out, err) != KZ_OK)
		goto out;
	sqlite3_finalize(st);
	if ((st = prepare(db, t.s, year, err)) == NULL)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		kz_db_fail(db, err, "stats");
		goto out;
	}
	out->total = (long)sqlite3_column_int64(st, 0);
	rc = KZ_OK;
out:
	sqlite3_finalize(st);
	kz_buf_free(&q);
	kz_buf_free(&t);
	if (rc != KZ_OK) {
		kz_stat_free(out);
		out->m = m;
		out->by = by;
	}
	return rc;
}

void
kz_stat_free(struct kz_stat *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->rows[i].key);
		free(s->rows[i].label);
		free(s->rows[i].parts);
	}
	free(s->rows);
	memset(s, 0, sizeof *s);
}
