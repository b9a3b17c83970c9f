/* report_act.c - the annual report's sections of the records of what an office does: fairs, cooking events, JET, support, research, friendship links, representative offices. */
#include "report_build.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "config.h"
#include "country.h"
#include "i18n.h"
#include "rtype.h"
#include "tally.h"
#include "text.h"
#include "year.h"

/* "VENUE (CITY)", either alone. */
static void
venue_city(const char *venue, const char *city, char *out, size_t size)
{
	if (*venue && *city)
		snprintf(out, size, _("%s (%s)"), venue, city);
	else
		snprintf(out, size, "%s%s", venue, city);
}

/* A count with its thousands grouped, as the figures give them. */
static const char *
num(long n, char *out, size_t size)
{
	return kz_text_count(n, out, size);
}

static const char fairs_sql[] =
	"SELECT name, start, end, venue, city FROM promotion "
	"WHERE kind <> 'cooking' AND start BETWEEN :from AND :to "
	"ORDER BY start, name, id";

/* Fairs and the other promotion events but cooking: name, dates, and
 * the venue with its city. */
int
kz_rb_sec_fairs(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Event"), _("Dates"), _("Venue") };
	sqlite3_stmt *st = kz_rb_query(c, fairs_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char when[160], where[600];
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = kz_rb_table(c, s, NULL, 3, head);
		kz_rb_period(c, kz_rb_col(st, 1), kz_rb_col(st, 2), when, sizeof when);
		venue_city(kz_rb_col(st, 3), kz_rb_col(st, 4), where, sizeof where);
		const char *cells[] = { kz_rb_col(st, 0), when, where };
		kz_rb_row(c, b, cells);
	}
	return kz_rb_done(c, st, rc, err);
}

static const char cooking_sql[] =
	"SELECT start, end, city, governments, shown, attendance "
	"FROM promotion WHERE kind = 'cooking' AND start BETWEEN :from AND :to "
	"ORDER BY start, name, id";

/* Cooking events: the day and city, the Japanese governments that took
 * part and the menu; the people where they were counted. */
int
kz_rb_sec_cooking(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Date (city)"), _("Partner governments"),
	    _("Menu") };
	sqlite3_stmt *st = kz_rb_query(c, cooking_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char when[160], day[300];
	long n = 0, people = 0;
	bool counted = false;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = kz_rb_table(c, s, NULL, 3, head);
		kz_rb_period(c, kz_rb_col(st, 0), kz_rb_col(st, 1), when, sizeof when);
		venue_city(when, kz_rb_col(st, 2), day, sizeof day);
		const char *cells[] = { day, kz_rb_col(st, 3), kz_rb_col(st, 4) };
		kz_rb_row(c, b, cells);
		n++;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			people += sqlite3_column_int64(st, 5);
			counted = true;
		}
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n) {
		char *t = kz_rb_dupf(c, ngettext("%ld cooking event was held in %s.",
		    "%ld cooking events were held in %s.", (unsigned long)n),
		    n, c->r->subtitle);
		kz_rb_para(c, s, t);
		free(t);
	}
	if (counted) {
		char *t = kz_rb_dupf(c, ngettext("%ld person took part in those "
		    "counted.", "%ld people took part in those counted.",
		    (unsigned long)people), people);
		kz_rb_para(c, s, t);
		free(t);
	}
	return KZ_OK;
}

/* The year's JET lines by kind: taking part, and new. */
static const char jet_sql[] =
	"SELECT kind, sum(participants), sum(joined) FROM jet "
	"WHERE format('%04d-%02d-01', year, :month) BETWEEN :from AND :to "
	"GROUP BY kind";

static const char jet_places_sql[] =
	"SELECT kind, level, placement, sum(participants) FROM jet "
	"WHERE participants > 0 AND format('%04d-%02d-01', year, :month) "
	"BETWEEN :from AND :to GROUP BY kind, level, placement "
	"ORDER BY kind, CASE level WHEN 'prefecture' THEN 0 WHEN "
	"'designated_city' THEN 1 ELSE 2 END, min(rowid)";

/* A kind with more participants than this is given by level
 * (prefecture 32, designated city 6, municipality 27), one with fewer
 * by placement (福井県 1, 長崎県 2), as the annual reports give them. */
#define JET_BY_NAME 10

/* Where each kind is placed: a row a kind that has anyone. */
static int
jet_places(struct kz_rctx *c, struct kz_rsection *s, const long now[3],
    struct kz_err *err)
{
	const char *head[] = { _("Kind"), _("Placements") };
	sqlite3_stmt *st = kz_rb_query(c, jet_places_sql, NULL, err);
	struct kz_buf line[3] = { { 0 } };
	long level[3][3] = { { 0 } };
	struct kz_rblock *b = NULL;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_jet_kind_enum, kz_rb_col(st, 0));
		int l = kz_enum_parse(&kz_jet_level_enum, kz_rb_col(st, 1));
		long n = sqlite3_column_int64(st, 3);

		if (k < 0 || k > 2 || l < 0 || l > 2)
			continue;	/* the table's CHECK keeps them */
		level[k][l] += n;
		if (now[k] > JET_BY_NAME)
			continue;
		kz_buf_printf(&line[k], "%s", line[k].len ?
		    C_("list", ", ") : "");
		kz_buf_printf(&line[k], C_("placement", "%s %ld"),
		    *kz_rb_col(st, 2) ? kz_rb_col(st, 2) :
		    kz_enum_label(&kz_jet_level_enum, l), n);
	}
	for (int k = 0; k < 3; k++) {
		for (int l = 0; now[k] > JET_BY_NAME && l < 3; l++) {
			if (level[k][l] == 0)
				continue;
			kz_buf_printf(&line[k], "%s", line[k].len ?
			    C_("list", ", ") : "");
			kz_buf_printf(&line[k], C_("placement", "%s %ld"),
			    kz_enum_label(&kz_jet_level_enum, l),
			    level[k][l]);
		}
		if (line[k].oom)
			c->oom = true;
		if (line[k].len) {
			const char *cells[] = {
				kz_enum_label(&kz_jet_kind_enum, k),
				kz_buf_str(&line[k]) };
			if (b == NULL)
				b = kz_rb_table(c, s, _("Placements"), 2, head);
			kz_rb_row(c, b, cells);
		}
		kz_buf_free(&line[k]);
	}
	return kz_rb_done(c, st, rc, err);
}

/* JET participants by kind: taking part in the year, new in it, and
 * since the start (the tally: its opening figure and those who joined
 * after it); where they are placed; a chart of those taking part. */
int
kz_rb_sec_jet(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	static const char *const keys[3] = { "jet:alt", "jet:cir",
		"jet:sea" };
	sqlite3_stmt *st = kz_rb_query(c, jet_sql, NULL, err);
	long now[3] = { 0 }, joined[3] = { 0 }, total[3] = { 0 };
	long all_now = 0, all_new = 0, all_total = 0;
	char since_head[64], a[32], n2[32], t3[32];
	struct kz_rblock *b;
	int rc, since = 0;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_jet_kind_enum, kz_rb_col(st, 0));

		if (k < 0 || k > 2)
			continue;
		now[k] = sqlite3_column_int64(st, 1);
		joined[k] = sqlite3_column_int64(st, 2);
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	for (int k = 0; k < 3; k++) {
		struct kz_tally t;

		if (kz_tally_count(c->db, keys[k], c->from, c->to, &t, err) !=
		    KZ_OK)
			return KZ_ERROR;
		total[k] = t.total;
		if (t.since && (since == 0 || t.since < since))
			since = t.since;
		all_now += now[k];
		all_new += joined[k];
		all_total += total[k];
	}
	if (all_now == 0 && all_new == 0 && all_total == 0)
		return KZ_OK;	/* no JET here */

	char *p = kz_rb_dupf(c, ngettext("%s person took part in %s, %s of them new.",
	    "%s people took part in %s, %s of them new.",
	    (unsigned long)all_now), num(all_now, a, sizeof a),
	    c->r->subtitle, num(all_new, n2, sizeof n2));
	kz_rb_para(c, s, p);
	free(p);
	if (since)
		p = kz_rb_dupf(c, ngettext("%s person has taken part since %d.",
		    "%s people have taken part since %d.",
		    (unsigned long)all_total), num(all_total, t3, sizeof t3),
		    since);
	else
		p = kz_rb_dupf(c, ngettext("%s person has taken part in all.",
		    "%s people have taken part in all.",
		    (unsigned long)all_total), num(all_total, t3, sizeof t3));
	kz_rb_para(c, s, p);
	free(p);

	if (since)
		snprintf(since_head, sizeof since_head, _("Since %d"), since);
	else
		snprintf(since_head, sizeof since_head, "%s",
		    _("Since the start"));
	const char *head[] = { _("Kind"), _("Taking part"), _("New"),
	    since_head };
	if ((b = kz_rb_table(c, s, NULL, 4, head)) == NULL)
		return KZ_OK;
	for (int k = 0; k < 3; k++) {
		const char *cells[] = { kz_enum_label(&kz_jet_kind_enum, k),
		    num(now[k], a, sizeof a), num(joined[k], n2, sizeof n2),
		    num(total[k], t3, sizeof t3) };
		kz_rb_row(c, b, cells);
	}
	const char *sum[] = { _("Total"), num(all_now, a, sizeof a),
	    num(all_new, n2, sizeof n2), num(all_total, t3, sizeof t3) };
	kz_rb_row(c, b, sum);
	if (jet_places(c, s, now, err) != KZ_OK)
		return KZ_ERROR;
	if (all_now && (b = kz_rb_block(c, s, KZ_RB_BARS,
	    _("Taking part, by kind"))) != NULL)
		for (int k = 0; k < 3; k++)
			kz_rb_bar(c, b, kz_enum_label(&kz_jet_kind_enum, k), now[k]);
	return KZ_OK;
}

/* The year's cases listed at most: the rest are counted ("and 35 more
 * cases"), for the kinds' chart and the count say what the year was;
 * `support list --year` lists them all. */
#define SUPPORT_ROWS 20

static const char support_kinds_sql[] =
	"SELECT kind, count(*) FROM support WHERE start BETWEEN :from AND :to "
	"GROUP BY kind ORDER BY count(*) DESC, kind";

static const char support_sql[] =
	"SELECT start, end, government, kind, place, partner, what "
	"FROM support WHERE start BETWEEN :from AND :to "
	"ORDER BY start, government, id";

/* Support given to Japanese governments: the count, a chart by kind, and
 * the year's first cases in order. */
int
kz_rb_sec_support(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Dates"), _("Government"), _("Kind"),
	    _("Place (partner)"), _("What was done") };
	sqlite3_stmt *st = kz_rb_query(c, support_kinds_sql, NULL, err);
	struct kz_rblock *b = NULL;
	struct { int k; char key[32]; long n; } kinds[16];
	char when[160], where[600], shown[32];
	long n = 0, listed = 0;
	int rc, nkinds = 0;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && nkinds < 16) {
		kinds[nkinds].k = kz_enum_parse(&kz_support_kind_enum,
		    kz_rb_col(st, 0));
		snprintf(kinds[nkinds].key, sizeof kinds[nkinds].key, "%s",
		    kz_rb_col(st, 0));
		kinds[nkinds].n = sqlite3_column_int64(st, 1);
		n += kinds[nkinds++].n;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* the CHECK allows seven */
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n == 0)
		return KZ_OK;
	char *t = kz_rb_dupf(c, ngettext("%s Japanese government activity was "
	    "supported in %s.", "%s Japanese government activities were "
	    "supported in %s.", (unsigned long)n), num(n, shown,
	    sizeof shown), c->r->subtitle);
	kz_rb_para(c, s, t);
	free(t);
	if ((b = kz_rb_block(c, s, KZ_RB_BARS, _("Cases by kind"))) != NULL)
		for (int i = 0; i < nkinds; i++)
			kz_rb_bar(c, b, kinds[i].k >= 0 ? kz_enum_label(
			    &kz_support_kind_enum, kinds[i].k) :
			    kinds[i].key, kinds[i].n);
	if ((st = kz_rb_query(c, support_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	b = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && listed < SUPPORT_ROWS) {
		int k = kz_enum_parse(&kz_support_kind_enum, kz_rb_col(st, 3));

		if (b == NULL)
			b = kz_rb_table(c, s, _("Cases"), 5, head);
		kz_rb_period(c, kz_rb_col(st, 0), kz_rb_col(st, 1), when, sizeof when);
		venue_city(kz_rb_col(st, 4), kz_rb_col(st, 5), where, sizeof where);
		const char *cells[] = { when, kz_rb_col(st, 2), k >= 0 ?
		    kz_enum_label(&kz_support_kind_enum, k) : kz_rb_col(st, 3),
		    where, kz_rb_col(st, 6) };
		kz_rb_row(c, b, cells);
		listed++;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* the rest are counted below */
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n > listed) {
		t = kz_rb_dupf(c, ngettext("And %s more case.", "And %s more cases.",
		    (unsigned long)(n - listed)), num(n - listed, shown,
		    sizeof shown));
		kz_rb_para(c, s, t);
		free(t);
	}
	return KZ_OK;
}

#define RESEARCH_WHERE "FROM research WHERE status <> 'cancelled' AND " \
	"requested BETWEEN :from AND :to"

static const char research_count_sql[] =
	"SELECT count(*), coalesce(sum(status = 'delivered'), 0) "
	RESEARCH_WHERE;

static const char research_sql[] =
	"SELECT government, topic, requested, status, delivered "
	RESEARCH_WHERE " ORDER BY requested, government, id";

/* Research commissioned in the year (cancelled projects aside, as the
 * count): who asked, the topic and what became of it. */
int
kz_rb_sec_research(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Government"), _("Topic"), _("Requested"),
	    _("Status") };
	sqlite3_stmt *st = kz_rb_query(c, research_count_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char asked[64], day[64], status[160], shown[32];
	long n = 0, delivered = 0;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		delivered = sqlite3_column_int64(st, 1);
		rc = SQLITE_DONE;
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n == 0)
		return KZ_OK;
	char *t = kz_rb_dupf(c, ngettext("%s research project was commissioned in "
	    "%s; %ld delivered.", "%s research projects were commissioned in "
	    "%s; %ld delivered.", (unsigned long)n), num(n, shown,
	    sizeof shown), c->r->subtitle, delivered);
	kz_rb_para(c, s, t);
	free(t);
	if ((st = kz_rb_query(c, research_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_research_status_enum, kz_rb_col(st, 3));
		const char *label = k >= 0 ?
		    kz_enum_label(&kz_research_status_enum, k) : kz_rb_col(st, 3);

		if (b == NULL)
			b = kz_rb_table(c, s, NULL, 4, head);
		if (k == KZ_RES_DELIVERED && *kz_rb_col(st, 4))
			snprintf(status, sizeof status, _("%s %s"), label,
			    kz_rb_date(c, kz_rb_col(st, 4), day, sizeof day));
		else
			snprintf(status, sizeof status, "%s", label);
		const char *cells[] = { kz_rb_col(st, 0), kz_rb_col(st, 1),
		    kz_rb_date(c, kz_rb_col(st, 2), asked, sizeof asked), status };
		kz_rb_row(c, b, cells);
	}
	return kz_rb_done(c, st, rc, err);
}

static const char links_sql[] =
	"SELECT signed, japanese, partner, region, country FROM friendship "
	"WHERE signed BETWEEN :from AND :to ORDER BY signed, japanese, id";

/* Links by partner region up to the range's end (a link with no day was
 * signed before any range). */
static const char link_regions_sql[] =
	"SELECT ifnull(region, ''), max(ifnull(country, '')), count(*) "
	"FROM friendship WHERE coalesce(signed, '0000-00-00') <= :to "
	"GROUP BY 1 ORDER BY count(*) DESC, 1";

/* Friendship-city links: how many there are by the year's end (the
 * tally's total), those signed in the year, and all by partner region. */
int
kz_rb_sec_friendship(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err)
{
	const char *head[] = { _("Signed"), _("Japanese government"),
	    _("Partner"), _("Region") };
	struct kz_tally t;
	struct kz_rblock *b = NULL;
	sqlite3_stmt *st;
	char shown[32], day[64], end[64];
	int rc;

	if (kz_tally_count(c->db, "friendship", c->from, c->to, &t, err) !=
	    KZ_OK)
		return KZ_ERROR;
	if (t.total == 0 && t.year == 0)
		return KZ_OK;
	char *p;

	if (*c->to && t.year)
		p = kz_rb_dupf(c, ngettext("%s link by %s, %ld of them signed in %s.",
		    "%s links by %s, %ld of them signed in %s.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown),
		    kz_rb_date(c, c->to, end, sizeof end), t.year, c->r->subtitle);
	else if (*c->to)
		p = kz_rb_dupf(c, ngettext("%s link by %s.", "%s links by %s.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown),
		    kz_rb_date(c, c->to, end, sizeof end));
	else
		p = kz_rb_dupf(c, ngettext("%s link in all.", "%s links in all.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown));
	kz_rb_para(c, s, p);
	free(p);
	if ((st = kz_rb_query(c, links_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *region = *kz_rb_col(st, 3) ? kz_subdivision_shown(
		    *kz_rb_col(st, 4) ? kz_rb_col(st, 4) : NULL, kz_rb_col(st, 3)) : NULL;
		const char *cells[] = { kz_rb_date(c, kz_rb_col(st, 0), day, sizeof day),
		    kz_rb_col(st, 1), kz_rb_col(st, 2), region ? region : kz_rb_col(st, 3) };

		if (b == NULL)
			b = kz_rb_table(c, s, _("Signed in the year"), 4, head);
		kz_rb_row(c, b, cells);
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if ((st = kz_rb_query(c, link_regions_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	b = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *region = *kz_rb_col(st, 0) ? kz_subdivision_shown(
		    *kz_rb_col(st, 1) ? kz_rb_col(st, 1) : NULL, kz_rb_col(st, 0)) : NULL;

		if (b == NULL)
			b = kz_rb_block(c, s, KZ_RB_BARS, _("Links by partner region"));
		kz_rb_bar(c, b, region ? region : *kz_rb_col(st, 0) ? kz_rb_col(st, 0) :
		    _("not recorded"), sqlite3_column_int64(st, 2));
	}
	return kz_rb_done(c, st, rc, err);
}

/* Offices open on the range's last day, by city, the largest first. */
static const char office_cities_sql[] =
	"SELECT city, count(*) FROM rep_office WHERE coalesce(opened, "
	"'0000-00-00') <= :to AND (closed IS NULL OR closed > :to) "
	"GROUP BY city ORDER BY count(*) DESC, city";

/* More cities than this are given as the largest, one fewer, and the
 * others together ("其他地区 5"), as the annual reports give them. */
#define OFFICE_CITIES 5

/* Representative offices of Japanese governments: how many are open at
 * the year's end (the tally's total), by city as a table and a chart. */
int
kz_rb_sec_rep_offices(struct kz_rctx *c, struct kz_rsection *s,
    struct kz_err *err)
{
	const char *head[] = { _("City"), _("Offices") };
	sqlite3_stmt *st;
	struct kz_rblock *b, *chart;
	struct kz_tally t;
	struct { char city[200]; long n; } top[OFFICE_CITIES];
	char shown[32], end[64];
	long others = 0;
	int rc, ncities = 0;

	if (kz_tally_count(c->db, "rep_office", c->from, c->to, &t, err) !=
	    KZ_OK)
		return KZ_ERROR;
	if (t.total == 0 && t.year == 0)
		return KZ_OK;
	char *p;

	if (*c->to && t.year)
		p = kz_rb_dupf(c, ngettext("%s office open on %s, %ld of them opened "
		    "in %s.", "%s offices open on %s, %ld of them opened in "
		    "%s.", (unsigned long)t.total), num(t.total, shown,
		    sizeof shown), kz_rb_date(c, c->to, end, sizeof end), t.year,
		    c->r->subtitle);
	else if (*c->to)
		p = kz_rb_dupf(c, ngettext("%s office open on %s.",
		    "%s offices open on %s.", (unsigned long)t.total),
		    num(t.total, shown, sizeof shown), kz_rb_date(c, c->to, end,
		    sizeof end));
	else
		p = kz_rb_dupf(c, ngettext("%s office open.", "%s offices open.",
		    (unsigned long)t.total), num(t.total, shown,
		    sizeof shown));
	kz_rb_para(c, s, p);
	free(p);
	if ((st = kz_rb_query(c, office_cities_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (ncities < OFFICE_CITIES) {
			snprintf(top[ncities].city, sizeof top[ncities].city,
			    "%s", kz_rb_col(st, 0));
			top[ncities].n = sqlite3_column_int64(st, 1);
		} else
			others += sqlite3_column_int64(st, 1);
		ncities++;
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (ncities > OFFICE_CITIES) {
		/* the last of the largest joins the others */
		others += top[OFFICE_CITIES - 1].n;
		ncities = OFFICE_CITIES - 1;
	}
	if (ncities == 0)
		return KZ_OK;
	b = kz_rb_table(c, s, NULL, 2, head);
	chart = NULL;
	for (int i = 0; i < ncities; i++) {
		const char *cells[] = { top[i].city, num(top[i].n, shown,
		    sizeof shown) };
		kz_rb_row(c, b, cells);
	}
	if (others) {
		const char *cells[] = { _("Other cities"), num(others, shown,
		    sizeof shown) };
		kz_rb_row(c, b, cells);
	}
	if ((chart = kz_rb_block(c, s, KZ_RB_BARS, _("Offices by city"))) == NULL)
		return KZ_OK;
	for (int i = 0; i < ncities; i++)
		kz_rb_bar(c, chart, top[i].city, top[i].n);
	if (others)
		kz_rb_bar(c, chart, _("Other cities"), others);
	return KZ_OK;
}

