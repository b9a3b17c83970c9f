/* report.c - the office's annual report built as a document (report.h), a function a section. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "config.h"
#include "country.h"
#include "date.h"
#include "fold.h"
#include "i18n.h"
#include "record.h"
#include "stamp.h"
#include "tally.h"
#include "text.h"
#include "year.h"

struct ctx {
	struct kz_db *db;
	const struct kz_config *cfg;
	struct kz_report *r;
	const char *from, *to;	/* never NULL; "" for an open end */
	long found;		/* records falling in the range */
	bool oom;
};

/* ---- building the model ---- */

static char *
dup(struct ctx *c, const char *s)
{
	char *d = strdup(s ? s : "");

	if (d == NULL)
		c->oom = true;
	return d;
}

static char *
dupf(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static char *
dupf(struct ctx *c, const char *fmt, ...)
{
	struct kz_buf b = { 0 };
	char tmp[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	kz_buf_puts(&b, tmp);
	if (b.oom || b.s == NULL) {
		kz_buf_free(&b);
		return dup(c, "");
	}
	return b.s;
}

static struct kz_rblock *
block(struct ctx *c, struct kz_rsection *s, enum kz_rblock_kind kind,
    const char *text)
{
	struct kz_rblock *g = kz_grow(s->b, s->nb, sizeof *g);

	if (g == NULL) {
		c->oom = true;
		return NULL;
	}
	s->b = g;
	g = &s->b[s->nb++];
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->text = text ? dup(c, text) : NULL;
	return g;
}

static void
para(struct ctx *c, struct kz_rsection *s, const char *text)
{
	block(c, s, KZ_RB_PARA, text);
}

/* A table of n columns, titled by the NULL-less array head. */
static struct kz_rblock *
table(struct ctx *c, struct kz_rsection *s, const char *caption, size_t n,
    const char *const *head)
{
	struct kz_rblock *b = block(c, s, KZ_RB_TABLE, caption);

	if (b == NULL)
		return NULL;
	if ((b->head = calloc(n, sizeof *b->head)) == NULL) {
		c->oom = true;
		return NULL;
	}
	b->ncols = n;
	for (size_t i = 0; i < n; i++)
		b->head[i] = dup(c, head[i]);
	return b;
}

/* A row of the table's width; the cells are copied. */
static void
row(struct ctx *c, struct kz_rblock *b, const char *const *cells)
{
	char **g;

	if (b == NULL)
		return;
	if ((g = realloc(b->cells, (b->nrows + 1) * b->ncols *
	    sizeof *g)) == NULL) {
		c->oom = true;
		return;
	}
	b->cells = g;
	for (size_t i = 0; i < b->ncols; i++)
		g[b->nrows * b->ncols + i] = dup(c, cells[i]);
	b->nrows++;
}

static void
bar(struct ctx *c, struct kz_rblock *b, const char *label, long value)
{
	struct kz_rbar *g;

	if (b == NULL)
		return;
	if ((g = kz_grow(b->bars, b->nbars, sizeof *g)) == NULL) {
		c->oom = true;
		return;
	}
	b->bars = g;
	g[b->nbars].label = dup(c, label);
	g[b->nbars++].value = value;
}

/* A statement of the constant sql with :from, :to, :office, :month and
 * :code bound where it has them. */
static sqlite3_stmt *
query(struct ctx *c, const char *sql, const char *code, struct kz_err *err)
{
	sqlite3_stmt *st = kz_db_stmt(c->db, sql);
	int i;

	if (st == NULL) {
		kz_db_fail(c->db, err, "report");
		return NULL;
	}
	if ((i = sqlite3_bind_parameter_index(st, ":from")) > 0)
		sqlite3_bind_text(st, i, *c->from ? c->from : "0000-00-00", -1,
		    SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":to")) > 0)
		sqlite3_bind_text(st, i, *c->to ? c->to : "9999-99-99", -1,
		    SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":office")) > 0)
		sqlite3_bind_text(st, i, c->cfg && c->cfg->office_id ?
		    c->cfg->office_id : "", -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":month")) > 0)
		sqlite3_bind_int(st, i, kz_year_start(c->cfg));
	if ((i = sqlite3_bind_parameter_index(st, ":code")) > 0)
		sqlite3_bind_text(st, i, code ? code : "", -1,
		    SQLITE_TRANSIENT);
	return st;
}

static int
done(struct ctx *c, sqlite3_stmt *st, int rc, struct kz_err *err)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(c->db, err, "report");
	return KZ_OK;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* A stored date as the office writes it. */
static const char *
date(struct ctx *c, const char *d, char *out, size_t size)
{
	return *d ? kz_stamp_date(c->cfg, d, out, size) : "";
}

/* "FROM – TO" as the office writes dates; one day alone. */
static void
period(struct ctx *c, const char *from, const char *to, char *out,
    size_t size)
{
	char a[64], b[64];

	date(c, from, a, sizeof a);
	date(c, to, b, sizeof b);
	if (!*to || strcmp(from, to) == 0)
		snprintf(out, size, "%s", a);
	else
		snprintf(out, size, "%s – %s", a, b);
}

/* ---- the sections ---- */

static const char series_name_sql[] =
	"SELECT name FROM seminar_series WHERE code = :code";

/* A programme's label, a series by its name ("editions of 中日地方交流
 * 促进研讨会") where it has one. */
static const char *
label_of(struct ctx *c, const char *key, char *out, size_t size)
{
	const char *code = strchr(key, ':');
	sqlite3_stmt *st;
	struct kz_err ignored = { 0 };

	if (code == NULL || strncmp(key, "jet:", 4) == 0 ||
	    (st = query(c, series_name_sql, code + 1, &ignored)) == NULL)
		return kz_tally_label(key, out, size);
	if (sqlite3_step(st) == SQLITE_ROW)
		kz_tally_label_as(key, col(st, 0), out, size);
	else
		kz_tally_label(key, out, size);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return out;
}

/* Each programme's count in the year and since the start, and a chart
 * of the count since the start. */
static int
sec_figures(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	struct kz_tally *t;
	struct kz_rblock *b;
	size_t n;
	char label[160], year[64];

	if (kz_tally_all(c->db, c->from, c->to, &t, &n, err) != KZ_OK)
		return KZ_ERROR;
	if (n && (b = block(c, s, KZ_RB_FIGURES, NULL)) != NULL) {
		if ((b->figs = calloc(n, sizeof *b->figs)) == NULL)
			c->oom = true;
		for (size_t i = 0; b->figs && i < n; i++) {
			b->figs[i].label = dup(c, label_of(c, t[i].key, label,
			    sizeof label));
			b->figs[i].year = t[i].year;
			b->figs[i].total = t[i].total;
			b->figs[i].since = t[i].since;
			b->nfigs++;
		}
	}
	for (size_t i = 0; i < n; i++)
		c->found += t[i].year;
	/* the specialists sent, year by year, the last twelve years */
	if (c->r->year && (b = block(c, s, KZ_RB_BARS,
	    _("Specialists sent, by year"))) != NULL) {
		for (int y = c->r->year - 11; y <= c->r->year; y++) {
			struct kz_tally one;
			char f[11], to[11];

			kz_year_range(c->cfg, y, f, to);
			if (kz_tally_count(c->db, "dispatch", f, to, &one,
			    err) != KZ_OK) {
				free(t);
				return KZ_ERROR;
			}
			kz_year_name(c->cfg, y, year, sizeof year);
			bar(c, b, year, one.year);
		}
	}
	free(t);
	return KZ_OK;
}

/* Who was sent, as a report names them: "former Shimane prefecture
 * employee" from the register's government and whether retired. The
 * government reads in simplified Chinese for a Chinese reader. */
static void
who(struct ctx *c, const char *government, const char *status, char *out,
    size_t size)
{
	char *g = NULL;

	if (c->r->lang[0] == 'z' && c->r->lang[1] == 'h' &&
	    strcmp(c->r->lang, "zh-TW") != 0)
		g = kz_fold_text(government);
	if (strcmp(status, "retired") == 0)
		snprintf(out, size, _("former %s employee"), g ? g : government);
	else
		snprintf(out, size, _("%s employee"), g ? g : government);
	free(g);
}

static const char dispatches_sql[] =
	"SELECT d.start, d.end, q.province, q.city, q.department, q.topic, "
	"s.government, s.status, (SELECT group_concat(f.field, ',') FROM "
	"(SELECT field FROM request_field WHERE request = q.id ORDER BY pos) "
	"f) FROM dispatch d JOIN request q ON q.id = d.request JOIN "
	"specialist s ON s.id = d.specialist WHERE q.office = :office AND "
	"d.state <> 'cancelled' AND d.start BETWEEN :from AND :to "
	"ORDER BY d.start, d.id";

/* The fields of expertise "agriculture,education" as the office names
 * them, joined by the reader's list separator. */
static void
fields(struct ctx *c, const char *codes, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (const char *p = codes; *p && len < size;) {
		size_t n = strcspn(p, ",");
		char code[64];
		const struct kz_field *f;
		int w;

		snprintf(code, sizeof code, "%.*s", (int)n, p);
		f = c->cfg ? kz_config_field(c->cfg, code) : NULL;
		w = snprintf(out + len, size - len, "%s%s", len ?
		    C_("list", ", ") : "", f ? kz_field_name(c->cfg, f) : code);
		if (w < 0)
			break;
		len += (size_t)w;
		p += n + (p[n] == ',');
	}
}

static int
sec_dispatches(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Dates"), _("Destination"),
	    _("Field and topic"), _("Specialist") };
	struct kz_rblock *b = NULL;
	sqlite3_stmt *st = query(c, dispatches_sql, NULL, err);
	char when[160], where[300], what[600], f[300], by[300];
	long n = 0;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = table(c, s, NULL, 4, head);
		period(c, col(st, 0), col(st, 1), when, sizeof when);
		snprintf(where, sizeof where, "%s%s", col(st, 2), col(st, 3));
		if (!*where)
			snprintf(where, sizeof where, "%s", col(st, 4));
		fields(c, col(st, 8), f, sizeof f);
		snprintf(what, sizeof what, *f ? _("%s: %s") : "%s%s", f,
		    col(st, 5));
		who(c, col(st, 6), col(st, 7), by, sizeof by);
		const char *cells[] = { when, where, what, by };
		row(c, b, cells);
		n++;
	}
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n) {
		char *t = dupf(c, ngettext("%ld specialist was sent in %s.",
		    "%ld specialists were sent in %s.", (unsigned long)n), n,
		    c->r->subtitle);
		para(c, s, t);
		free(t);
	}
	return KZ_OK;
}

static const char editions_sql[] =
	"SELECT s.id, s.number, s.year, s.city, s.region, "
	"coalesce(s.theme, s.title), s.start, s.end, s.organiser, "
	"s.co_organisers, s.supporters, s.attendance, r.name, r.code "
	"FROM seminar s JOIN seminar_series r ON r.id = s.series "
	"WHERE r.office = :office AND s.status <> 'cancelled' AND "
	"coalesce(s.start, printf('%04d-%02d-01', s.year, :month)) "
	"BETWEEN :from AND :to ORDER BY r.created, r.code, s.year, s.number";

static const char parts_sql[] =
	"SELECT label, count FROM seminar_attendance WHERE seminar = :code "
	"ORDER BY position, label";

static const char items_sql[] =
	"SELECT date, title FROM programme_item WHERE seminar = :code "
	"ORDER BY date, start IS NOT NULL, start, end, created, rowid";

/* "178 (日方 61, 中方 117)" */
static int
attendance(struct ctx *c, const char *id, long total, char *out,
    size_t size, struct kz_err *err)
{
	sqlite3_stmt *st = query(c, parts_sql, id, err);
	size_t len;
	int rc, k = 0;

	if (st == NULL)
		return KZ_ERROR;
	snprintf(out, size, "%ld", total);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		len = strlen(out);
		snprintf(out + len, size - len, "%s%s %d", k++ ? C_("list", ", ")
		    : " (", col(st, 0), sqlite3_column_int(st, 1));
	}
	if (k && (len = strlen(out)) + 1 < size)
		snprintf(out + len, size - len, ")");
	return done(c, st, rc, err);
}

/* The day-by-day agenda: a row a day, its items in order. */
static int
agenda(struct ctx *c, struct kz_rsection *s, const char *id,
    struct kz_err *err)
{
	const char *head[] = { _("Day"), _("Programme") };
	struct kz_rblock *b = NULL;
	struct kz_buf items = { 0 };
	sqlite3_stmt *st = query(c, items_sql, id, err);
	char day[11] = "", shown[64];
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while (1) {
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW || strcmp(day, col(st, 0)) != 0) {
			if (*day) {
				const char *cells[] = { date(c, day, shown,
				    sizeof shown), kz_buf_str(&items) };
				if (b == NULL)
					b = table(c, s, _("Agenda"), 2, head);
				row(c, b, cells);
			}
			kz_buf_free(&items);
			if (rc != SQLITE_ROW)
				break;
			snprintf(day, sizeof day, "%s", col(st, 0));
		}
		kz_buf_printf(&items, "%s%s", items.len ? C_("list", ", ") : "",
		    col(st, 1));
	}
	if (items.oom)
		c->oom = true;
	kz_buf_free(&items);
	return done(c, st, rc, err);
}

/* The year's editions, each with its organisers, attendance and agenda. */
static int
sec_seminar(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Item"), _("Detail") };
	sqlite3_stmt *st = query(c, editions_sql, NULL, err);
	char ids[16][32], place[300], when[160], att[300], cap[400];
	char names[16][200];
	int rc, n = 0;

	if (st == NULL)
		return KZ_ERROR;
	/* read the editions first: the agenda needs the statements */
	struct {
		char number[16], place[300], theme[600], when[160], org[400],
		    co[600], sup[600];
		long att;
		bool has_att;
	} e[16];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 16) {
		snprintf(ids[n], sizeof ids[n], "%s", col(st, 0));
		snprintf(names[n], sizeof names[n], "%s", col(st, 12));
		snprintf(e[n].number, sizeof e[n].number, "%d",
		    sqlite3_column_int(st, 1));
		if (*col(st, 4))
			snprintf(place, sizeof place, "%s%s", col(st, 4),
			    col(st, 3));
		else
			snprintf(place, sizeof place, "%s", col(st, 3));
		snprintf(e[n].place, sizeof e[n].place, "%s", place);
		snprintf(e[n].theme, sizeof e[n].theme, "%s", col(st, 5));
		period(c, col(st, 6), col(st, 7), when, sizeof when);
		snprintf(e[n].when, sizeof e[n].when, "%s", when);
		snprintf(e[n].org, sizeof e[n].org, "%s", col(st, 8));
		snprintf(e[n].co, sizeof e[n].co, "%s", col(st, 9));
		snprintf(e[n].sup, sizeof e[n].sup, "%s", col(st, 10));
		e[n].has_att = sqlite3_column_type(st, 11) != SQLITE_NULL;
		e[n].att = sqlite3_column_int64(st, 11);
		if (sqlite3_column_int(st, 1) == 0)
			e[n].number[0] = '\0';
		n++;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* more than 16 in a year: the first */
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	for (int i = 0; i < n; i++) {
		struct kz_rblock *b;

		if (*e[i].number)
			snprintf(cap, sizeof cap, _("%s, edition %s"), names[i],
			    e[i].number);
		else
			snprintf(cap, sizeof cap, "%.199s", names[i]);
		if ((b = table(c, s, cap, 2, head)) == NULL)
			break;
		const char *rows[][2] = {
			{ _("Dates"), e[i].when }, { _("Place"), e[i].place },
			{ _("Theme"), e[i].theme },
			{ _("Organiser"), e[i].org },
			{ _("Co-organisers"), e[i].co },
			{ _("Supporters"), e[i].sup },
		};
		for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++)
			if (*rows[k][1])
				row(c, b, rows[k]);
		if (e[i].has_att) {
			if (attendance(c, ids[i], e[i].att, att, sizeof att,
			    err) != KZ_OK)
				return KZ_ERROR;
			const char *r[] = { _("Participants"), att };
			row(c, b, r);
		}
		if (agenda(c, s, ids[i], err) != KZ_OK)
			return KZ_ERROR;
	}
	return KZ_OK;
}

static const char history_sql[] =
	"SELECT r.name, s.number, s.year, s.city, s.region, "
	"coalesce(s.theme, s.title) FROM seminar s JOIN seminar_series r ON "
	"r.id = s.series WHERE r.office = :office AND s.number IS NOT NULL "
	"AND s.status <> 'cancelled' AND coalesce(s.start, printf("
	"'%04d-%02d-01', s.year, :month)) <= :to "
	"ORDER BY r.created, r.code, s.number";

/* Every numbered edition up to the year, a table a series. */
static int
sec_history(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("No."), _("Year"), _("Place"), _("Theme") };
	sqlite3_stmt *st = query(c, history_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char series[200] = "", num[16], year[16], place[300];
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL || strcmp(series, col(st, 0)) != 0) {
			snprintf(series, sizeof series, "%s", col(st, 0));
			b = table(c, s, series, 4, head);
		}
		snprintf(num, sizeof num, "%d", sqlite3_column_int(st, 1));
		snprintf(year, sizeof year, "%d", sqlite3_column_int(st, 2));
		if (*col(st, 4))
			snprintf(place, sizeof place, "%s (%s)", col(st, 3),
			    col(st, 4));
		else
			snprintf(place, sizeof place, "%s", col(st, 3));
		const char *cells[] = { num, year, place, col(st, 5) };
		row(c, b, cells);
	}
	return done(c, st, rc, err);
}

static const char placements_sql[] =
	"SELECT host, home_government, fields FROM trainee "
	"WHERE status <> 'withdrawn' AND printf('%04d-%02d-01', year, "
	":month) BETWEEN :from AND :to ORDER BY programme, created, rowid";

static int
sec_placements(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Host"), _("Home government"), _("Fields") };
	sqlite3_stmt *st = query(c, placements_sql, NULL, err);
	struct kz_rblock *b = NULL;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cells[] = { col(st, 0), col(st, 1), col(st, 2) };

		if (b == NULL)
			b = table(c, s, NULL, 3, head);
		row(c, b, cells);
	}
	return done(c, st, rc, err);
}

/*
 * The activity records (issue 13), a section each. Their counts are the
 * tally's lines (tally.c), and so in the figures by themselves; here
 * are their tables and charts.
 */

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
static int
sec_fairs(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Event"), _("Dates"), _("Venue") };
	sqlite3_stmt *st = query(c, fairs_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char when[160], where[600];
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = table(c, s, NULL, 3, head);
		period(c, col(st, 1), col(st, 2), when, sizeof when);
		venue_city(col(st, 3), col(st, 4), where, sizeof where);
		const char *cells[] = { col(st, 0), when, where };
		row(c, b, cells);
	}
	return done(c, st, rc, err);
}

static const char cooking_sql[] =
	"SELECT start, end, city, governments, shown, attendance "
	"FROM promotion WHERE kind = 'cooking' AND start BETWEEN :from AND :to "
	"ORDER BY start, name, id";

/* Cooking events: the day and city, the Japanese governments that took
 * part and the menu; the people where they were counted. */
static int
sec_cooking(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Date (city)"), _("Partner governments"),
	    _("Menu") };
	sqlite3_stmt *st = query(c, cooking_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char when[160], day[300];
	long n = 0, people = 0;
	bool counted = false;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = table(c, s, NULL, 3, head);
		period(c, col(st, 0), col(st, 1), when, sizeof when);
		venue_city(when, col(st, 2), day, sizeof day);
		const char *cells[] = { day, col(st, 3), col(st, 4) };
		row(c, b, cells);
		n++;
		if (sqlite3_column_type(st, 5) != SQLITE_NULL) {
			people += sqlite3_column_int64(st, 5);
			counted = true;
		}
	}
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n) {
		char *t = dupf(c, ngettext("%ld cooking event was held in %s.",
		    "%ld cooking events were held in %s.", (unsigned long)n),
		    n, c->r->subtitle);
		para(c, s, t);
		free(t);
	}
	if (counted) {
		char *t = dupf(c, ngettext("%ld person took part in those "
		    "counted.", "%ld people took part in those counted.",
		    (unsigned long)people), people);
		para(c, s, t);
		free(t);
	}
	return KZ_OK;
}

/* The year's JET lines by kind: taking part, and new. */
static const char jet_sql[] =
	"SELECT kind, sum(participants), sum(joined) FROM jet "
	"WHERE printf('%04d-%02d-01', year, :month) BETWEEN :from AND :to "
	"GROUP BY kind";

static const char jet_places_sql[] =
	"SELECT kind, level, placement, sum(participants) FROM jet "
	"WHERE participants > 0 AND printf('%04d-%02d-01', year, :month) "
	"BETWEEN :from AND :to GROUP BY kind, level, placement "
	"ORDER BY kind, CASE level WHEN 'prefecture' THEN 0 WHEN "
	"'designated_city' THEN 1 ELSE 2 END, min(rowid)";

/* A kind with more participants than this is given by level
 * (prefecture 32, designated city 6, municipality 27), one with fewer
 * by placement (福井県 1, 長崎県 2), as the annual reports give them. */
#define JET_BY_NAME 10

/* Where each kind is placed: a row a kind that has anyone. */
static int
jet_places(struct ctx *c, struct kz_rsection *s, const long now[3],
    struct kz_err *err)
{
	const char *head[] = { _("Kind"), _("Placements") };
	sqlite3_stmt *st = query(c, jet_places_sql, NULL, err);
	struct kz_buf line[3] = { { 0 } };
	long level[3][3] = { { 0 } };
	struct kz_rblock *b = NULL;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_jet_kind_enum, col(st, 0));
		int l = kz_enum_parse(&kz_jet_level_enum, col(st, 1));
		long n = sqlite3_column_int64(st, 3);

		if (k < 0 || k > 2 || l < 0 || l > 2)
			continue;	/* the table's CHECK keeps them */
		level[k][l] += n;
		if (now[k] > JET_BY_NAME)
			continue;
		kz_buf_printf(&line[k], "%s", line[k].len ?
		    C_("list", ", ") : "");
		kz_buf_printf(&line[k], C_("placement", "%s %ld"),
		    *col(st, 2) ? col(st, 2) :
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
				b = table(c, s, _("Placements"), 2, head);
			row(c, b, cells);
		}
		kz_buf_free(&line[k]);
	}
	return done(c, st, rc, err);
}

/* JET participants by kind: taking part in the year, new in it, and
 * since the start (the tally: its opening figure and those who joined
 * after it); where they are placed; a chart of those taking part. */
static int
sec_jet(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	static const char *const keys[3] = { "jet:alt", "jet:cir",
		"jet:sea" };
	sqlite3_stmt *st = query(c, jet_sql, NULL, err);
	long now[3] = { 0 }, joined[3] = { 0 }, total[3] = { 0 };
	long all_now = 0, all_new = 0, all_total = 0;
	char since_head[64], a[32], n2[32], t3[32];
	struct kz_rblock *b;
	int rc, since = 0;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_jet_kind_enum, col(st, 0));

		if (k < 0 || k > 2)
			continue;
		now[k] = sqlite3_column_int64(st, 1);
		joined[k] = sqlite3_column_int64(st, 2);
	}
	if (done(c, st, rc, err) != KZ_OK)
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

	char *p = dupf(c, ngettext("%s person took part in %s, %s of them new.",
	    "%s people took part in %s, %s of them new.",
	    (unsigned long)all_now), num(all_now, a, sizeof a),
	    c->r->subtitle, num(all_new, n2, sizeof n2));
	para(c, s, p);
	free(p);
	if (since)
		p = dupf(c, ngettext("%s person has taken part since %d.",
		    "%s people have taken part since %d.",
		    (unsigned long)all_total), num(all_total, t3, sizeof t3),
		    since);
	else
		p = dupf(c, ngettext("%s person has taken part in all.",
		    "%s people have taken part in all.",
		    (unsigned long)all_total), num(all_total, t3, sizeof t3));
	para(c, s, p);
	free(p);

	if (since)
		snprintf(since_head, sizeof since_head, _("Since %d"), since);
	else
		snprintf(since_head, sizeof since_head, "%s",
		    _("Since the start"));
	const char *head[] = { _("Kind"), _("Taking part"), _("New"),
	    since_head };
	if ((b = table(c, s, NULL, 4, head)) == NULL)
		return KZ_OK;
	for (int k = 0; k < 3; k++) {
		const char *cells[] = { kz_enum_label(&kz_jet_kind_enum, k),
		    num(now[k], a, sizeof a), num(joined[k], n2, sizeof n2),
		    num(total[k], t3, sizeof t3) };
		row(c, b, cells);
	}
	const char *sum[] = { _("Total"), num(all_now, a, sizeof a),
	    num(all_new, n2, sizeof n2), num(all_total, t3, sizeof t3) };
	row(c, b, sum);
	if (jet_places(c, s, now, err) != KZ_OK)
		return KZ_ERROR;
	if (all_now && (b = block(c, s, KZ_RB_BARS,
	    _("Taking part, by kind"))) != NULL)
		for (int k = 0; k < 3; k++)
			bar(c, b, kz_enum_label(&kz_jet_kind_enum, k), now[k]);
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
static int
sec_support(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Dates"), _("Government"), _("Kind"),
	    _("Place (partner)"), _("What was done") };
	sqlite3_stmt *st = query(c, support_kinds_sql, NULL, err);
	struct kz_rblock *b = NULL;
	struct { int k; char key[32]; long n; } kinds[16];
	char when[160], where[600], shown[32];
	long n = 0, listed = 0;
	int rc, nkinds = 0;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && nkinds < 16) {
		kinds[nkinds].k = kz_enum_parse(&kz_support_kind_enum,
		    col(st, 0));
		snprintf(kinds[nkinds].key, sizeof kinds[nkinds].key, "%s",
		    col(st, 0));
		kinds[nkinds].n = sqlite3_column_int64(st, 1);
		n += kinds[nkinds++].n;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* the CHECK allows seven */
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n == 0)
		return KZ_OK;
	char *t = dupf(c, ngettext("%s Japanese government activity was "
	    "supported in %s.", "%s Japanese government activities were "
	    "supported in %s.", (unsigned long)n), num(n, shown,
	    sizeof shown), c->r->subtitle);
	para(c, s, t);
	free(t);
	if ((b = block(c, s, KZ_RB_BARS, _("Cases by kind"))) != NULL)
		for (int i = 0; i < nkinds; i++)
			bar(c, b, kinds[i].k >= 0 ? kz_enum_label(
			    &kz_support_kind_enum, kinds[i].k) :
			    kinds[i].key, kinds[i].n);
	if ((st = query(c, support_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	b = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && listed < SUPPORT_ROWS) {
		int k = kz_enum_parse(&kz_support_kind_enum, col(st, 3));

		if (b == NULL)
			b = table(c, s, _("Cases"), 5, head);
		period(c, col(st, 0), col(st, 1), when, sizeof when);
		venue_city(col(st, 4), col(st, 5), where, sizeof where);
		const char *cells[] = { when, col(st, 2), k >= 0 ?
		    kz_enum_label(&kz_support_kind_enum, k) : col(st, 3),
		    where, col(st, 6) };
		row(c, b, cells);
		listed++;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* the rest are counted below */
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n > listed) {
		t = dupf(c, ngettext("And %s more case.", "And %s more cases.",
		    (unsigned long)(n - listed)), num(n - listed, shown,
		    sizeof shown));
		para(c, s, t);
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
static int
sec_research(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Government"), _("Topic"), _("Requested"),
	    _("Status") };
	sqlite3_stmt *st = query(c, research_count_sql, NULL, err);
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
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n == 0)
		return KZ_OK;
	char *t = dupf(c, ngettext("%s research project was commissioned in "
	    "%s; %ld delivered.", "%s research projects were commissioned in "
	    "%s; %ld delivered.", (unsigned long)n), num(n, shown,
	    sizeof shown), c->r->subtitle, delivered);
	para(c, s, t);
	free(t);
	if ((st = query(c, research_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = kz_enum_parse(&kz_research_status_enum, col(st, 3));
		const char *label = k >= 0 ?
		    kz_enum_label(&kz_research_status_enum, k) : col(st, 3);

		if (b == NULL)
			b = table(c, s, NULL, 4, head);
		if (k == KZ_RES_DELIVERED && *col(st, 4))
			snprintf(status, sizeof status, _("%s %s"), label,
			    date(c, col(st, 4), day, sizeof day));
		else
			snprintf(status, sizeof status, "%s", label);
		const char *cells[] = { col(st, 0), col(st, 1),
		    date(c, col(st, 2), asked, sizeof asked), status };
		row(c, b, cells);
	}
	return done(c, st, rc, err);
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
static int
sec_friendship(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
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
		p = dupf(c, ngettext("%s link by %s, %ld of them signed in %s.",
		    "%s links by %s, %ld of them signed in %s.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown),
		    date(c, c->to, end, sizeof end), t.year, c->r->subtitle);
	else if (*c->to)
		p = dupf(c, ngettext("%s link by %s.", "%s links by %s.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown),
		    date(c, c->to, end, sizeof end));
	else
		p = dupf(c, ngettext("%s link in all.", "%s links in all.",
		    (unsigned long)t.total), num(t.total, shown, sizeof shown));
	para(c, s, p);
	free(p);
	if ((st = query(c, links_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *region = *col(st, 3) ? kz_subdivision_shown(
		    *col(st, 4) ? col(st, 4) : NULL, col(st, 3)) : NULL;
		const char *cells[] = { date(c, col(st, 0), day, sizeof day),
		    col(st, 1), col(st, 2), region ? region : col(st, 3) };

		if (b == NULL)
			b = table(c, s, _("Signed in the year"), 4, head);
		row(c, b, cells);
	}
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if ((st = query(c, link_regions_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	b = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *region = *col(st, 0) ? kz_subdivision_shown(
		    *col(st, 1) ? col(st, 1) : NULL, col(st, 0)) : NULL;

		if (b == NULL)
			b = block(c, s, KZ_RB_BARS, _("Links by partner region"));
		bar(c, b, region ? region : *col(st, 0) ? col(st, 0) :
		    _("not recorded"), sqlite3_column_int64(st, 2));
	}
	return done(c, st, rc, err);
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
static int
sec_rep_offices(struct ctx *c, struct kz_rsection *s, struct kz_err *err)
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
		p = dupf(c, ngettext("%s office open on %s, %ld of them opened "
		    "in %s.", "%s offices open on %s, %ld of them opened in "
		    "%s.", (unsigned long)t.total), num(t.total, shown,
		    sizeof shown), date(c, c->to, end, sizeof end), t.year,
		    c->r->subtitle);
	else if (*c->to)
		p = dupf(c, ngettext("%s office open on %s.",
		    "%s offices open on %s.", (unsigned long)t.total),
		    num(t.total, shown, sizeof shown), date(c, c->to, end,
		    sizeof end));
	else
		p = dupf(c, ngettext("%s office open.", "%s offices open.",
		    (unsigned long)t.total), num(t.total, shown,
		    sizeof shown));
	para(c, s, p);
	free(p);
	if ((st = query(c, office_cities_sql, NULL, err)) == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (ncities < OFFICE_CITIES) {
			snprintf(top[ncities].city, sizeof top[ncities].city,
			    "%s", col(st, 0));
			top[ncities].n = sqlite3_column_int64(st, 1);
		} else
			others += sqlite3_column_int64(st, 1);
		ncities++;
	}
	if (done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (ncities > OFFICE_CITIES) {
		/* the last of the largest joins the others */
		others += top[OFFICE_CITIES - 1].n;
		ncities = OFFICE_CITIES - 1;
	}
	if (ncities == 0)
		return KZ_OK;
	b = table(c, s, NULL, 2, head);
	chart = NULL;
	for (int i = 0; i < ncities; i++) {
		const char *cells[] = { top[i].city, num(top[i].n, shown,
		    sizeof shown) };
		row(c, b, cells);
	}
	if (others) {
		const char *cells[] = { _("Other cities"), num(others, shown,
		    sizeof shown) };
		row(c, b, cells);
	}
	if ((chart = block(c, s, KZ_RB_BARS, _("Offices by city"))) == NULL)
		return KZ_OK;
	for (int i = 0; i < ncities; i++)
		bar(c, chart, top[i].city, top[i].n);
	if (others)
		bar(c, chart, _("Other cities"), others);
	return KZ_OK;
}

static const struct section {
	const char *key;
	const char *heading;
	int (*build)(struct ctx *, struct kz_rsection *, struct kz_err *);
} sections[] = {
	{ "figures", N_("The year and since the start"), sec_figures },
	{ "dispatches", N_("Specialists sent"), sec_dispatches },
	{ "seminar", N_("The year's seminars"), sec_seminar },
	{ "seminar-history", N_("Seminars by edition"), sec_history },
	{ "placements", N_("Officials placed in Japan"), sec_placements },
	{ "fairs", N_("Fairs and promotion events"), sec_fairs },
	{ "cooking", N_("Cooking events"), sec_cooking },
	{ "jet", N_("JET programme participants"), sec_jet },
	{ "support", N_("Support for Japanese local governments"),
	  sec_support },
	{ "research", N_("Commissioned research"), sec_research },
	{ "friendship", N_("Friendship-city links"), sec_friendship },
	{ "rep-offices", N_("Representative offices"), sec_rep_offices },
};

/* ---- the report ---- */

static void
free_block(struct kz_rblock *b)
{
	free(b->text);
	for (size_t i = 0; i < b->nfigs; i++)
		free(b->figs[i].label);
	free(b->figs);
	for (size_t i = 0; b->head && i < b->ncols; i++)
		free(b->head[i]);
	free(b->head);
	for (size_t i = 0; b->cells && i < b->nrows * b->ncols; i++)
		free(b->cells[i]);
	free(b->cells);
	for (size_t i = 0; i < b->nbars; i++)
		free(b->bars[i].label);
	free(b->bars);
}

void
kz_report_free(struct kz_report *r)
{
	for (size_t i = 0; i < r->ns; i++) {
		for (size_t k = 0; k < r->s[i].nb; k++)
			free_block(&r->s[i].b[k]);
		free(r->s[i].b);
		free(r->s[i].heading);
	}
	free(r->s);
	free(r->title);
	free(r->subtitle);
	memset(r, 0, sizeof *r);
}

int
kz_report_build(struct kz_db *db, int year, const char *from,
    const char *to, struct kz_report *r, struct kz_err *err)
{
	struct ctx c = { .db = db, .cfg = db->cfg, .r = r };
	const char *lang = db->cfg && db->cfg->language ? db->cfg->language :
	    "en";
	char name[128];
	int rc = KZ_OK;

	memset(r, 0, sizeof *r);
	c.from = from ? from : "";
	c.to = to ? to : "";
	snprintf(r->from, sizeof r->from, "%s", c.from);
	snprintf(r->to, sizeof r->to, "%s", c.to);
	r->year = year;
	snprintf(r->lang, sizeof r->lang, "%s", lang);
	for (char *p = r->lang; *p; p++)
		if (*p == '_')
			*p = '-';
	if (year)
		kz_year_name(c.cfg, year, name, sizeof name);
	else
		kz_year_range_name(c.cfg, c.from, c.to, name, sizeof name);
	r->title = dupf(&c, _("%s: annual report %s"), db->cfg &&
	    db->cfg->office_name ? db->cfg->office_name : "", name);
	r->subtitle = dup(&c, name);
	if ((r->s = calloc(sizeof sections / sizeof sections[0],
	    sizeof *r->s)) == NULL)
		c.oom = true;
	for (size_t i = 0; r->s && i < sizeof sections / sizeof sections[0];
	    i++) {
		struct kz_rsection *s = &r->s[r->ns];

		s->key = sections[i].key;
		s->heading = dup(&c, _(sections[i].heading));
		if ((rc = sections[i].build(&c, s, err)) != KZ_OK || c.oom)
			break;
		if (s->nb == 0) {
			free(s->heading);	/* nothing: left out */
			memset(s, 0, sizeof *s);
			continue;
		}
		r->ns++;
	}
	if (rc == KZ_OK && !c.oom && c.found == 0 && r->ns) {
		/* say so first, before the totals since the start */
		struct kz_rsection *s = &r->s[0];
		struct kz_rblock *g = kz_grow(s->b, s->nb, sizeof *g);

		if (g == NULL)
			c.oom = true;
		else {
			s->b = g;
			memmove(&g[1], &g[0], s->nb * sizeof *g);
			memset(&g[0], 0, sizeof *g);
			s->nb++;
			g[0].kind = KZ_RB_PARA;
			g[0].text = dupf(&c, _("Nothing was recorded for %s."),
			    name);
		}
	}
	r->empty = c.found == 0;
	if (rc == KZ_OK && !c.oom && r->ns == 0) {
		/* not even a total: one section that says so */
		struct kz_rsection *s = &r->s[0];

		s->key = "figures";
		s->heading = dup(&c, _(sections[0].heading));
		r->ns = 1;
		para(&c, s, NULL);
		if (s->nb)
			s->b[0].text = dupf(&c, _("Nothing was recorded for "
			    "%s."), name);
	}
	if (rc == KZ_OK && c.oom)
		rc = kz_err_add(err, "", _("out of memory"));
	if (rc != KZ_OK)
		kz_report_free(r);
	return rc;
}
