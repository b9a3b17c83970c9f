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
#include "report_build.h"
#include "stamp.h"
#include "tally.h"
#include "text.h"
#include "tr.h"
#include "year.h"

/* ---- building the model ---- */

static char *
dup(struct kz_rctx *c, const char *s)
{
	char *d = strdup(s ? s : "");

	if (d == NULL)
		c->oom = true;
	return d;
}

char *
kz_rb_dupf(struct kz_rctx *c, const char *fmt, ...)
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

struct kz_rblock *
kz_rb_block(struct kz_rctx *c, struct kz_rsection *s, int kind,
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

void
kz_rb_para(struct kz_rctx *c, struct kz_rsection *s, const char *text)
{
	kz_rb_block(c, s, KZ_RB_PARA, text);
}

/* A table of n columns, titled by the NULL-less array head. */
struct kz_rblock *
kz_rb_table(struct kz_rctx *c, struct kz_rsection *s, const char *caption,
    size_t n, const char *const *head)
{
	struct kz_rblock *b = kz_rb_block(c, s, KZ_RB_TABLE, caption);

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
void
kz_rb_row(struct kz_rctx *c, struct kz_rblock *b, const char *const *cells)
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

void
kz_rb_bar(struct kz_rctx *c, struct kz_rblock *b, const char *label,
    long value)
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

/* A statement of the constant sql with :from, :to, :office (NULL at
 * head office), :month and :code bound where it has them. */
sqlite3_stmt *
kz_rb_query(struct kz_rctx *c, const char *sql, const char *code,
    struct kz_err *err)
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
	/* NULL at head office: every office's */
	if ((i = sqlite3_bind_parameter_index(st, ":office")) > 0 &&
	    kz_tally_office(c->cfg))
		sqlite3_bind_text(st, i, kz_tally_office(c->cfg), -1,
		    SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":month")) > 0)
		sqlite3_bind_int(st, i, kz_year_start(c->cfg));
	if ((i = sqlite3_bind_parameter_index(st, ":code")) > 0)
		sqlite3_bind_text(st, i, code ? code : "", -1,
		    SQLITE_TRANSIENT);
	return st;
}

int
kz_rb_done(struct kz_rctx *c, sqlite3_stmt *st, int rc, struct kz_err *err)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(c->db, err, "report");
	return KZ_OK;
}

const char *
kz_rb_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* A stored date as the office writes it. */
const char *
kz_rb_date(struct kz_rctx *c, const char *d, char *out, size_t size)
{
	return *d ? kz_stamp_date(c->cfg, d, out, size) : "";
}

/* "FROM – TO" as the office writes dates; one day alone. */
void
kz_rb_period(struct kz_rctx *c, const char *from, const char *to,
    char *out, size_t size)
{
	char a[64], b[64];

	kz_rb_date(c, from, a, sizeof a);
	kz_rb_date(c, to, b, sizeof b);
	if (!*to || strcmp(from, to) == 0)
		snprintf(out, size, "%s", a);
	else
		snprintf(out, size, "%s – %s", a, b);
}

/* ---- the sections ---- */

/* What the reader sees of field of record (a series' name, an edition's
 * title or theme, an item's title: core/tr.h): the text in the
 * reader's language, else in its base language, else the original. */
static int
tr_text(struct kz_rctx *c, const char *record, const char *field,
    const char *original, char *out, size_t size, struct kz_err *err)
{
	struct kz_trs t = { 0 };
	int rc = KZ_OK;

	if (*record && (rc = kz_tr_load(c->db, record, &t, err)) == KZ_OK)
		original = kz_tr_pick(&t, field, NULL, original);
	snprintf(out, size, "%s", original);
	kz_tr_free(&t);
	return rc;
}

/* A programme's label, a series by its name in the reader's language
 * ("editions of 中日地方交流促进研讨会") where it has one. */
static const char *
label_of(struct kz_rctx *c, const char *key, char *out, size_t size)
{
	struct kz_err ignored = { 0 };

	if (kz_tally_name(c->db, key, out, size, &ignored) != KZ_OK)
		kz_tally_label(key, out, size);
	return out;
}

/* Each programme's count in the year and since the start, and a chart
 * of the count since the start. */
static int
sec_figures(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	struct kz_tally *t;
	struct kz_rblock *b;
	size_t n;
	char label[160], year[64];
	bool records = false;

	if (kz_tally_all(c->db, c->from, c->to, &t, &n, err) != KZ_OK)
		return KZ_ERROR;
	if (n && (b = kz_rb_block(c, s, KZ_RB_FIGURES, NULL)) != NULL) {
		if ((b->figs = calloc(n, sizeof *b->figs)) == NULL)
			c->oom = true;
		for (size_t i = 0; b->figs && i < n; i++) {
			b->figs[i].label = dup(c, label_of(c, t[i].key, label,
			    sizeof label));
			b->figs[i].year = t[i].year;
			b->figs[i].total = t[i].total;
			b->figs[i].since = t[i].since;
			if (!t[i].opening) {
				b->figs[i].records = true;
				b->figs[i].since = t[i].first[0] ?
				    kz_year_of(c->cfg, t[i].first) : 0;
				records = true;
			}
			b->nfigs++;
		}
	}
	/* said where the figures are, so a total is never read as more
	 * than it is */
	if (records)
		kz_rb_para(c, s, _("* No opening figure: only the records kept "
		    "here are counted, from the year of the first."));
	for (size_t i = 0; i < n; i++)
		c->found += t[i].year;
	/* the specialists sent, year by year, the last twelve years */
	if (c->r->year && (b = kz_rb_block(c, s, KZ_RB_BARS,
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
			kz_rb_bar(c, b, year, one.year);
		}
	}
	free(t);
	return KZ_OK;
}

/* Who was sent, as a report names them: "former Shimane prefecture
 * employee" from the register's government and whether retired. The
 * government reads in simplified Chinese for a Chinese reader. */
static void
who(struct kz_rctx *c, const char *government, const char *status, char *out,
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
	"specialist s ON s.id = d.specialist WHERE (:office IS NULL OR "
	"q.office = :office) AND "
	"d.state <> 'cancelled' AND d.start BETWEEN :from AND :to "
	"ORDER BY d.start, d.id";

/* The fields of expertise "agriculture,education" as the office names
 * them, joined by the reader's list separator. */
static void
fields(struct kz_rctx *c, const char *codes, char *out, size_t size)
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
sec_dispatches(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Dates"), _("Destination"),
	    _("Field and topic"), _("Specialist") };
	struct kz_rblock *b = NULL;
	sqlite3_stmt *st = kz_rb_query(c, dispatches_sql, NULL, err);
	char when[160], where[300], what[600], f[300], by[300];
	long n = 0;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL)
			b = kz_rb_table(c, s, NULL, 4, head);
		kz_rb_period(c, kz_rb_col(st, 0), kz_rb_col(st, 1), when, sizeof when);
		snprintf(where, sizeof where, "%s%s", kz_rb_col(st, 2), kz_rb_col(st, 3));
		if (!*where)
			snprintf(where, sizeof where, "%s", kz_rb_col(st, 4));
		fields(c, kz_rb_col(st, 8), f, sizeof f);
		snprintf(what, sizeof what, *f ? _("%s: %s") : "%s%s", f,
		    kz_rb_col(st, 5));
		who(c, kz_rb_col(st, 6), kz_rb_col(st, 7), by, sizeof by);
		const char *cells[] = { when, where, what, by };
		kz_rb_row(c, b, cells);
		n++;
	}
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	if (n) {
		char *t = kz_rb_dupf(c, ngettext("%ld specialist was sent in %s.",
		    "%ld specialists were sent in %s.", (unsigned long)n), n,
		    c->r->subtitle);
		kz_rb_para(c, s, t);
		free(t);
	}
	return KZ_OK;
}

static const char editions_sql[] =
	"SELECT s.id, s.number, s.year, s.city, s.region, "
	"coalesce(s.theme, s.title), s.start, s.end, s.organiser, "
	"s.co_organisers, s.supporters, s.attendance, r.name, r.code, r.id, "
	"CASE WHEN s.theme IS NULL THEN 'title' ELSE 'theme' END "
	"FROM seminar s JOIN seminar_series r ON r.id = s.series "
	"WHERE (:office IS NULL OR r.office = :office) AND "
	"s.status <> 'cancelled' AND "
	"coalesce(s.start, format('%04d-%02d-01', s.year, :month)) "
	"BETWEEN :from AND :to ORDER BY r.created, r.code, s.year, s.number";

static const char parts_sql[] =
	"SELECT label, count FROM seminar_attendance WHERE seminar = :code "
	"ORDER BY position, label";

static const char items_sql[] =
	"SELECT date, title, id FROM programme_item WHERE seminar = :code "
	"ORDER BY date, start IS NOT NULL, start, end, created, rowid";

/* "178 (日方 61, 中方 117)" */
static int
attendance(struct kz_rctx *c, const char *id, long total, char *out,
    size_t size, struct kz_err *err)
{
	sqlite3_stmt *st = kz_rb_query(c, parts_sql, id, err);
	size_t len;
	int rc, k = 0;

	if (st == NULL)
		return KZ_ERROR;
	snprintf(out, size, "%ld", total);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		len = strlen(out);
		snprintf(out + len, size - len, "%s%s %d", k++ ? C_("list", ", ")
		    : " (", kz_rb_col(st, 0), sqlite3_column_int(st, 1));
	}
	if (k && (len = strlen(out)) + 1 < size)
		snprintf(out + len, size - len, ")");
	return kz_rb_done(c, st, rc, err);
}

/* The day-by-day agenda: a row a day, its items in order. */
static int
agenda(struct kz_rctx *c, struct kz_rsection *s, const char *id,
    struct kz_err *err)
{
	const char *head[] = { _("Day"), _("Programme") };
	struct kz_rblock *b = NULL;
	struct kz_buf items = { 0 };
	sqlite3_stmt *st = kz_rb_query(c, items_sql, id, err);
	char day[11] = "", shown[64], title[600];
	bool failed = false;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while (1) {
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW || strcmp(day, kz_rb_col(st, 0)) != 0) {
			if (*day) {
				const char *cells[] = { kz_rb_date(c, day, shown,
				    sizeof shown), kz_buf_str(&items) };
				if (b == NULL)
					b = kz_rb_table(c, s, _("Agenda"), 2, head);
				kz_rb_row(c, b, cells);
			}
			kz_buf_free(&items);
			if (rc != SQLITE_ROW)
				break;
			snprintf(day, sizeof day, "%s", kz_rb_col(st, 0));
		}
		if (tr_text(c, kz_rb_col(st, 2), "title", kz_rb_col(st, 1),
		    title, sizeof title, err) != KZ_OK) {
			rc = SQLITE_DONE;
			failed = true;
			break;
		}
		kz_buf_printf(&items, "%s%s", items.len ? C_("list", ", ") : "",
		    title);
	}
	if (items.oom)
		c->oom = true;
	kz_buf_free(&items);
	return kz_rb_done(c, st, rc, err) != KZ_OK || failed ? KZ_ERROR :
	    KZ_OK;
}

/* The year's editions, each with its organisers, attendance and agenda. */
static int
sec_seminar(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("Item"), _("Detail") };
	sqlite3_stmt *st = kz_rb_query(c, editions_sql, NULL, err);
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
		snprintf(ids[n], sizeof ids[n], "%s", kz_rb_col(st, 0));
		if (tr_text(c, kz_rb_col(st, 14), "name", kz_rb_col(st, 12),
		    names[n], sizeof names[n], err) != KZ_OK ||
		    tr_text(c, ids[n], kz_rb_col(st, 15), kz_rb_col(st, 5),
		    e[n].theme, sizeof e[n].theme, err) != KZ_OK) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return KZ_ERROR;
		}
		snprintf(e[n].number, sizeof e[n].number, "%d",
		    sqlite3_column_int(st, 1));
		if (*kz_rb_col(st, 4))
			snprintf(place, sizeof place, "%s%s", kz_rb_col(st, 4),
			    kz_rb_col(st, 3));
		else
			snprintf(place, sizeof place, "%s", kz_rb_col(st, 3));
		snprintf(e[n].place, sizeof e[n].place, "%s", place);
		kz_rb_period(c, kz_rb_col(st, 6), kz_rb_col(st, 7), when, sizeof when);
		snprintf(e[n].when, sizeof e[n].when, "%s", when);
		snprintf(e[n].org, sizeof e[n].org, "%s", kz_rb_col(st, 8));
		snprintf(e[n].co, sizeof e[n].co, "%s", kz_rb_col(st, 9));
		snprintf(e[n].sup, sizeof e[n].sup, "%s", kz_rb_col(st, 10));
		e[n].has_att = sqlite3_column_type(st, 11) != SQLITE_NULL;
		e[n].att = sqlite3_column_int64(st, 11);
		if (sqlite3_column_int(st, 1) == 0)
			e[n].number[0] = '\0';
		n++;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;	/* more than 16 in a year: the first */
	if (kz_rb_done(c, st, rc, err) != KZ_OK)
		return KZ_ERROR;
	for (int i = 0; i < n; i++) {
		struct kz_rblock *b;

		if (*e[i].number)
			snprintf(cap, sizeof cap, _("%s, edition %s"), names[i],
			    e[i].number);
		else
			snprintf(cap, sizeof cap, "%.199s", names[i]);
		if ((b = kz_rb_table(c, s, cap, 2, head)) == NULL)
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
				kz_rb_row(c, b, rows[k]);
		if (e[i].has_att) {
			if (attendance(c, ids[i], e[i].att, att, sizeof att,
			    err) != KZ_OK)
				return KZ_ERROR;
			const char *r[] = { _("Participants"), att };
			kz_rb_row(c, b, r);
		}
		if (agenda(c, s, ids[i], err) != KZ_OK)
			return KZ_ERROR;
	}
	return KZ_OK;
}

static const char history_sql[] =
	"SELECT r.name, s.number, s.year, s.city, s.region, "
	"coalesce(s.theme, s.title), r.id, s.id, "
	"CASE WHEN s.theme IS NULL THEN 'title' ELSE 'theme' END "
	"FROM seminar s JOIN seminar_series r ON "
	"r.id = s.series WHERE (:office IS NULL OR r.office = :office) AND "
	"s.number IS NOT NULL "
	"AND s.status <> 'cancelled' AND coalesce(s.start, format("
	"'%04d-%02d-01', s.year, :month)) <= :to "
	"ORDER BY r.created, r.code, s.number";

/* Every numbered edition up to the year, a table a series. */
static int
sec_history(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	const char *head[] = { _("No."), _("Year"), _("Place"), _("Theme") };
	sqlite3_stmt *st = kz_rb_query(c, history_sql, NULL, err);
	struct kz_rblock *b = NULL;
	char series[KZ_ID_SIZE] = "", name[200], num[16], year[16],
	    place[300], theme[600];
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b == NULL || strcmp(series, kz_rb_col(st, 6)) != 0) {
			snprintf(series, sizeof series, "%s", kz_rb_col(st, 6));
			if (tr_text(c, series, "name", kz_rb_col(st, 0), name,
			    sizeof name, err) != KZ_OK)
				break;
			b = kz_rb_table(c, s, name, 4, head);
		}
		if (tr_text(c, kz_rb_col(st, 7), kz_rb_col(st, 8),
		    kz_rb_col(st, 5), theme, sizeof theme, err) != KZ_OK)
			break;
		snprintf(num, sizeof num, "%d", sqlite3_column_int(st, 1));
		snprintf(year, sizeof year, "%d", sqlite3_column_int(st, 2));
		if (*kz_rb_col(st, 4))
			snprintf(place, sizeof place, "%s (%s)", kz_rb_col(st, 3),
			    kz_rb_col(st, 4));
		else
			snprintf(place, sizeof place, "%s", kz_rb_col(st, 3));
		const char *cells[] = { num, year, place, theme };
		kz_rb_row(c, b, cells);
	}
	if (rc == SQLITE_ROW) {		/* a translation could not be read */
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return KZ_ERROR;
	}
	return kz_rb_done(c, st, rc, err);
}

static const char placements_sql[] =
	"SELECT host, home_government, fields FROM trainee "
	"WHERE status <> 'withdrawn' AND format('%04d-%02d-01', year, "
	":month) BETWEEN :from AND :to ORDER BY programme, created, rowid";

static int
sec_placements(struct kz_rctx *c, struct kz_rsection *s, struct kz_err *err)
{
	/* the trainee's host is in Japan: "受入自治体", not a request's
	 * host abroad ("先方") */
	const char *head[] = { C_("trainee", "Host"), _("Home government"),
	    _("Fields") };
	sqlite3_stmt *st = kz_rb_query(c, placements_sql, NULL, err);
	struct kz_rblock *b = NULL;
	int rc;

	if (st == NULL)
		return KZ_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cells[] = { kz_rb_col(st, 0), kz_rb_col(st, 1),
		    kz_rb_col(st, 2) };

		if (b == NULL)
			b = kz_rb_table(c, s, NULL, 3, head);
		kz_rb_row(c, b, cells);
	}
	return kz_rb_done(c, st, rc, err);
}

/*
 * The activity records (issue 13), a section each. Their counts are the
 * tally's lines (tally.c), and so in the figures by themselves; here
 * are their tables and charts.
 */

static const struct section {
	const char *key;
	const char *heading;
	int (*build)(struct kz_rctx *, struct kz_rsection *, struct kz_err *);
} sections[] = {
	{ "figures", N_("The year and since the start"), sec_figures },
	{ "dispatches", N_("Specialists sent"), sec_dispatches },
	{ "seminar", N_("The year's seminars"), sec_seminar },
	{ "seminar-history", N_("Seminars by edition"), sec_history },
	{ "placements", N_("Officials placed in Japan"), sec_placements },
	{ "fairs", N_("Fairs and promotion events"), kz_rb_sec_fairs },
	{ "cooking", N_("Cooking events"), kz_rb_sec_cooking },
	{ "jet", N_("JET programme participants"), kz_rb_sec_jet },
	{ "support", N_("Support for Japanese local governments"),
	  kz_rb_sec_support },
	{ "research", N_("Commissioned research"), kz_rb_sec_research },
	{ "friendship", N_("Friendship-city links"), kz_rb_sec_friendship },
	{ "rep-offices", N_("Representative offices"), kz_rb_sec_rep_offices },
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
	struct kz_rctx c = { .db = db, .cfg = db->cfg, .r = r };
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
	r->title = kz_rb_dupf(&c, _("%s: annual report %s"), db->cfg &&
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
			g[0].text = kz_rb_dupf(&c, _("Nothing was recorded for %s."),
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
		kz_rb_para(&c, s, NULL);
		if (s->nb)
			s->b[0].text = kz_rb_dupf(&c, _("Nothing was recorded for "
			    "%s."), name);
	}
	if (rc == KZ_OK && c.oom)
		rc = kz_err_add(err, "", _("out of memory"));
	if (rc != KZ_OK)
		kz_report_free(r);
	return rc;
}
