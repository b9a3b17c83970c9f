/* screen_reports.c - the Reports tab: the office's figures (core/stats.h) as horizontal bar charts. */
#include "screen_reports.h"

#include <sys/stat.h>

#include <errno.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "file.h"
#include "line.h"
#include "report.h"
#include "screen_openings.h"
#include "stats.h"
#include "text.h"
#include "xalloc.h"
#include "year.h"

#define LINEW 4096
/* Rows above the bars: the title, the figures, the groupings. */
#define HEAD 3

struct rp_tab {
	struct frame_ctx *ctx;
	size_t m, by;		/* the figure and its grouping, by index */
	char year[128];		/* as typed (kz_year_parse); "": every year */
	struct kz_stat s;
	size_t top;		/* the first bar in view */
	WINDOW *w;
	int h, width;
	bool asking;		/* the year is being typed */
	bool writing;		/* the report's file name is being typed */
	struct form_line q;
	struct openings *op;	/* the opening figures, when shown (o) */
	int y, x;		/* where the tab is, for the figures' list */
};

static size_t
nmeasures(void)
{
	size_t n = 0;

	while (kz_stat_measures[n])
		n++;
	return n;
}

static const struct kz_stat_measure *
measure(const struct rp_tab *t)
{
	return kz_stat_measures[t->m];
}

static int
rows_room(const struct rp_tab *t)
{
	/* the head, and the total on the last row */
	int n = t->h - HEAD - 1;

	return n > 1 ? n : 1;
}

static void
reload(struct rp_tab *t)
{
	struct kz_err err = { 0 };
	const struct kz_stat_measure *m = measure(t);

	kz_stat_free(&t->s);
	if (kz_stat_run(t->ctx->db, m, &m->by[t->by], t->year[0] ? t->year :
	    NULL, &t->s, &err) != KZ_OK)
		frame_error(t->ctx, &err);
	if (t->top + (size_t)rows_room(t) > t->s.n)
		t->top = t->s.n > (size_t)rows_room(t) ? t->s.n -
		    (size_t)rows_room(t) : 0;
}

/* ---- drawing ---- */

/* Names side by side on row y, the current one marked. */
static void
draw_choices(struct rp_tab *t, int y, const char *const *names, size_t n,
    size_t cur)
{
	int x = 0, room = 0;
	size_t first = 0;

	/* where they run wider than the row (French), start late enough
	 * that the current one shows whole */
	for (size_t i = 0; i <= cur && i < n; i++)
		room += kz_text_width(names[i]) + 3;
	for (; first < cur && room > t->width; first++)
		room -= kz_text_width(names[first]) + 3;
	for (size_t i = first; i < n && x < t->width; i++) {
		char cell[256];

		int cw;

		snprintf(cell, sizeof cell, " %s ", names[i]);
		/* draw_text pads to its width: give it the cell's own */
		cw = kz_text_width(cell);
		x += draw_text(t->w, y, x, cw < t->width - x ? cw : t->width -
		    x, cell, i == cur ? draw_attr(DRAW_TAB_ON) :
		    draw_attr(DRAW_TAB));
		if (x < t->width)
			x += draw_text(t->w, y, x, 1, " ", A_NORMAL);
	}
}

/* What the title says of the days counted. */
static void
when(const struct rp_tab *t, char *out, size_t size)
{
	if (t->s.from[0] || t->s.to[0])
		kz_year_range_name(t->ctx->cfg, t->s.from[0] ? t->s.from : NULL,
		    t->s.to[0] ? t->s.to : NULL, out, size);
	else
		snprintf(out, size, "%s", _("every year"));
}

/* One bar: the label fitted to lw columns, the bar scaled to the
 * largest value over barw columns, the value at its end, then the
 * parts where there is room. */
static void
draw_bar_row(struct rp_tab *t, int y, const struct kz_stat_row *r, int lw,
    int barw)
{
	char label[LINEW], bar[LINEW], tail[LINEW];
	int n, x;

	kz_text_fit(label, sizeof label, r->label, lw, true);
	x = draw_text(t->w, y, 0, lw, label, draw_attr(DRAW_LABEL));
	x += draw_text(t->w, y, x, 1, " ", A_NORMAL);
	n = t->s.max > 0 ? (int)((double)r->value * barw / (double)t->s.max +
	    0.5) : 0;
	if (n < 1 && r->value > 0)
		n = 1;	/* a group is never drawn as none */
	if (n > barw)
		n = barw;
	if (n < 0 || n >= LINEW)	/* a negative sum; a bar wider than a line */
		n = n < 0 ? 0 : LINEW - 1;
	memset(bar, '#', (size_t)n);
	bar[n] = '\0';
	if (n > 0)
		x += draw_text(t->w, y, x, n, bar, A_BOLD);
	if (r->parts && *r->parts)
		snprintf(tail, sizeof tail, " %ld (%s)", r->value, r->parts);
	else
		snprintf(tail, sizeof tail, " %ld", r->value);
	if (x < t->width)
		draw_text(t->w, y, x, t->width - x, tail, A_NORMAL);
}

static void
draw_all(struct rp_tab *t)
{
	const struct kz_stat_measure *m = measure(t);
	const char *names[32];
	char title[512], w[256], num[32], total[256];
	size_t nm = nmeasures(), n = 0;
	int lw = 0, vw, partsw = 0, barw;

	werase(t->w);
	when(t, w, sizeof w);
	/* TRANSLATORS: the Reports tab's title: a figure, the days it
	 * covers, its grouping ("Dispatches, FY2019, by field") */
	snprintf(title, sizeof title, _("%s, %s, by %s"), _(m->label), w,
	    _(m->by[t->by].label));
	draw_text(t->w, 0, 0, t->width, title, draw_attr(DRAW_HEADER));
	for (size_t i = 0; i < nm && n < 32; i++)
		names[n++] = _(kz_stat_measures[i]->label);
	draw_choices(t, 1, names, n, t->m);
	for (n = 0; n < m->nby && n < 32; n++)
		names[n] = _(m->by[n].label);
	draw_choices(t, 2, names, n, t->by);

	if (t->s.n == 0) {
		draw_text(t->w, HEAD, 0, t->width, _("nothing to count"),
		    draw_attr(DRAW_DIM));
		return;
	}
	/* the labels' column as wide as the widest, at most two fifths */
	for (size_t i = 0; i < t->s.n; i++) {
		int lwi = kz_text_width(t->s.rows[i].label);

		if (lwi > lw)
			lw = lwi;
		if (t->s.rows[i].parts && kz_text_width(t->s.rows[i].parts) +
		    3 > partsw)
			partsw = kz_text_width(t->s.rows[i].parts) + 3;
	}
	if (lw > t->width * 2 / 5)
		lw = t->width * 2 / 5;
	if (lw < 1)
		lw = 1;
	snprintf(num, sizeof num, "%ld", t->s.max);
	vw = (int)strlen(num);
	if (partsw > (t->width - lw) / 2)
		partsw = (t->width - lw) / 2;
	barw = t->width - lw - 2 - vw - partsw;
	if (barw < 1)
		barw = 1;
	for (size_t i = t->top; i < t->s.n && i < t->top +
	    (size_t)rows_room(t); i++)
		draw_bar_row(t, HEAD + (int)(i - t->top), &t->s.rows[i], lw,
		    barw);
	/* TRANSLATORS: under a chart: its total, and how many groups
	 * ("Total 680; country: 57") */
	snprintf(total, sizeof total, _("Total %ld; %s: %zu"), t->s.total,
	    _(m->by[t->by].label), t->s.n);
	if (t->s.n > (size_t)rows_room(t)) {
		char more[64];

		snprintf(more, sizeof more, "  %zu-%zu/%zu", t->top + 1,
		    t->top + (size_t)rows_room(t) < t->s.n ? t->top +
		    (size_t)rows_room(t) : t->s.n, t->s.n);
		strncat(total, more, sizeof total - strlen(total) - 1);
	}
	draw_text(t->w, t->h - 1, 0, t->width, total, draw_attr(DRAW_DIM));
}

/* ---- keys ---- */

static unsigned
scroll_to(struct rp_tab *t, long to)
{
	long last = (long)t->s.n - rows_room(t);

	if (to > last)
		to = last;
	if (to < 0)
		to = 0;
	t->top = (size_t)to;
	return UI_DRAW_BODY;
}

/* The year typed after the year key: a year or dates (kz_year_parse);
 * nothing typed keeps the year shown. */
static unsigned
key_year(struct rp_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_PROMPT | KEYS_EDIT, key, true);
	struct kz_err err = { 0 };
	char from[11], to[11], msg[KZ_ERR_MSG + 64], *typed;

	switch (a) {
	case KA_CANCEL:
		t->asking = false;
		return UI_DRAW_STATUS;
	case KA_ACCEPT:
		break;
	default:
		form_line_edit(&t->q, a, key);
		return UI_DRAW_STATUS;
	}
	typed = xstrdup(form_line_text(&t->q));
	t->asking = false;
	if (*kz_trim(typed) == '\0') {
		free(typed);
		return UI_DRAW_STATUS;
	}
	if (kz_year_parse(t->ctx->cfg, typed, NULL, from, to, "", &err) !=
	    KZ_OK) {
		free(typed);
		frame_message(t->ctx, true, "%s", kz_err_first(&err, msg,
		    sizeof msg));
		return UI_DRAW_STATUS;
	}
	snprintf(t->year, sizeof t->year, "%s", typed);
	free(typed);
	t->top = 0;
	reload(t);
	return UI_DRAW_BODY | UI_DRAW_STATUS | UI_DRAW_TITLE;
}

/* The annual report of the year shown (this year when every year is
 * shown), as `kizuna report` writes it: HTML, or text for a name ending
 * in .txt; whole or not at all. */
static unsigned
key_write(struct rp_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_PROMPT | KEYS_EDIT, key, true);
	struct kz_err err = { 0 };
	struct kz_report r;
	struct kz_buf out = { 0 };
	struct stat sb;
	char from[11], to[11], msg[KZ_ERR_MSG + 64], *path;
	size_t len;
	int year = 0;

	switch (a) {
	case KA_CANCEL:
		t->writing = false;
		return UI_DRAW_STATUS;
	case KA_ACCEPT:
		break;
	default:
		form_line_edit(&t->q, a, key);
		return UI_DRAW_STATUS;
	}
	path = xstrdup(form_line_text(&t->q));
	t->writing = false;
	if (*kz_trim(path) == '\0') {
		free(path);
		return UI_DRAW_STATUS;
	}
	if (t->year[0] == '\0') {
		year = kz_year_current(t->ctx->cfg);
		kz_year_range(t->ctx->cfg, year, from, to);
	} else if (kz_year_parse(t->ctx->cfg, t->year, &year, from, to, "",
	    &err) != KZ_OK)
		goto fail;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		frame_message(t->ctx, true, "%s: %s", path, strerror(EISDIR));
		free(path);
		return UI_DRAW_STATUS;
	}
	if (kz_report_build(t->ctx->db, year, from, to, &r, &err) != KZ_OK)
		goto fail;
	len = strlen(path);
	if (len > 4 && strcmp(path + len - 4, ".txt") == 0)
		kz_report_text(&r, 80, &out);
	else
		kz_report_html(&r, &out);
	kz_report_free(&r);
	if (out.oom)
		xalloc_die();
	if (kz_file_write_atomic(path, out.s ? out.s : "", out.len) != 0)
		frame_message(t->ctx, true, "%s: %s", path, strerror(errno));
	else
		frame_message(t->ctx, false, _("The annual report is written "
		    "to %s."), path);
	kz_buf_free(&out);
	free(path);
	return UI_DRAW_STATUS;
fail:
	frame_message(t->ctx, true, "%s", kz_err_first(&err, msg,
	    sizeof msg));
	free(path);
	return UI_DRAW_STATUS;
}

/* The range the figures count (the year shown, or this year when every
 * year is), and its name, for the opening figures' totals. */
static void
op_range(struct rp_tab *t, char *from, char *to, char *name, size_t size)
{
	struct kz_err err = { 0 };
	int year = 0;

	from[0] = to[0] = '\0';
	if (t->year[0] == '\0' || kz_year_parse(t->ctx->cfg, t->year, &year,
	    from, to, "", &err) != KZ_OK) {
		year = kz_year_current(t->ctx->cfg);
		kz_year_range(t->ctx->cfg, year, from, to);
	}
	if (year)
		kz_year_name(t->ctx->cfg, year, name, size);
	else
		kz_year_range_name(t->ctx->cfg, from, to, name, size);
}

/* The opening figures over the tab (o), until Esc: the charts are
 * counted again, with what was changed. */
static unsigned
op_key(struct rp_tab *t, int key)
{
	unsigned r = openings_key(t->op, key);

	if (!openings_done(t->op))
		return r;
	openings_close(t->op);
	t->op = NULL;
	reload(t);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* The year before or after the one shown (from this year when every
 * year or a range is shown). */
static void
step_year(struct rp_tab *t, int dir)
{
	int y = t->s.year ? t->s.year + dir : t->s.from[0] ?
	    kz_year_of(t->ctx->cfg, t->s.from) : kz_year_current(t->ctx->cfg);

	if (y < 1900 || y > 2199)
		return;
	snprintf(t->year, sizeof t->year, "%d", y);
}

static unsigned
rp_key(void *tab, int key)
{
	struct rp_tab *t = tab;
	long page = rows_room(t);
	size_t nm = nmeasures();

	if (t->op)
		return op_key(t, key);
	if (t->asking)
		return key_year(t, key);
	if (t->writing)
		return key_write(t, key);
	switch (keys_lookup(KEYS_REPORTS, key, false)) {
	case KA_UP: return scroll_to(t, (long)t->top - 1);
	case KA_DOWN: return scroll_to(t, (long)t->top + 1);
	case KA_PGUP: return scroll_to(t, (long)t->top - page);
	case KA_PGDN: return scroll_to(t, (long)t->top + page);
	case KA_FIRST: return scroll_to(t, 0);
	case KA_LAST: return scroll_to(t, (long)t->s.n);
	case KA_RP_FIGURE_NEXT:
		t->m = (t->m + 1) % nm;
		t->by = 0;
		break;
	case KA_RP_FIGURE_PREV:
		t->m = (t->m + nm - 1) % nm;
		t->by = 0;
		break;
	case KA_RP_BY_NEXT:
		t->by = (t->by + 1) % measure(t)->nby;
		break;
	case KA_RP_BY_PREV:
		t->by = (t->by + measure(t)->nby - 1) % measure(t)->nby;
		break;
	case KA_RP_YEAR_PREV:
		step_year(t, -1);
		break;
	case KA_RP_YEAR_NEXT:
		step_year(t, 1);
		break;
	case KA_TODAY:
		snprintf(t->year, sizeof t->year, "%d",
		    kz_year_current(t->ctx->cfg));
		break;
	case KA_RP_ALL_YEARS:
		t->year[0] = '\0';
		break;
	case KA_RP_YEAR:
		form_line_set(&t->q, t->year);
		t->asking = true;
		return UI_DRAW_STATUS;
	case KA_RP_OPENINGS: {
		char from[11], to[11], name[64];

		op_range(t, from, to, name, sizeof name);
		t->op = openings_open(t->ctx, from, to, name);
		openings_layout(t->op, t->y, t->x, t->h, t->width);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	case KA_RP_WRITE: {
		char name[96], y[48];
		int year = t->s.year ? t->s.year : kz_year_current(t->ctx->cfg);

		if (t->s.year == 0 && t->s.from[0] && t->year[0])
			snprintf(y, sizeof y, "%s", t->s.from);
		else
			snprintf(y, sizeof y, "%d", year);
		snprintf(name, sizeof name, "kizuna-report-%s.html", y);
		form_line_set(&t->q, name);
		t->writing = true;
		return UI_DRAW_STATUS;
	}
	default:
		return UI_PASS;
	}
	t->top = 0;
	reload(t);
	return UI_DRAW_BODY | UI_DRAW_TITLE | UI_DRAW_STATUS;
}

/* ---- the tab ---- */

static void *
rp_open(struct frame_ctx *ctx)
{
	struct rp_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	/* the year the office is in; every year is a key away */
	snprintf(t->year, sizeof t->year, "%d", kz_year_current(ctx->cfg));
	return t;
}

static void
rp_close(void *tab)
{
	struct rp_tab *t = tab;

	draw_delwin(&t->w);
	kz_stat_free(&t->s);
	form_line_free(&t->q);
	openings_close(t->op);
	free(t);
}

static void
rp_layout(void *tab, int y, int x, int h, int w)
{
	struct rp_tab *t = tab;

	draw_delwin(&t->w);
	t->h = h;
	t->width = w;
	t->y = y;
	t->x = x;
	if (t->op) {
		openings_layout(t->op, y, x, h, w);
		openings_reload(t->op);
		return;
	}
	if (h <= 0 || w <= 0)
		return;
	t->w = draw_newwin(h, w, y, x);
	/* shown again: other tabs may have changed records */
	reload(t);
}

static void
rp_draw(void *tab, unsigned flags)
{
	struct rp_tab *t = tab;

	if (t->op) {
		openings_draw(t->op, flags);
		return;
	}
	if (t->w == NULL || !(flags & (UI_DRAW_BODY | UI_DRAW_ROWS)))
		return;
	draw_all(t);
	wnoutrefresh(t->w);
}

static int
rp_status(void *tab, WINDOW *w, int width)
{
	struct rp_tab *t = tab;
	const char *label = t->writing ? _("Write the annual report to: ") :
	    _("Year (2019, FY2019 or FROM..TO): ");
	int x;

	if (t->op)
		return openings_status(t->op, w, width);
	if (!t->asking && !t->writing)
		return 0;
	x = draw_prompt_label(w, width, label, A_BOLD);
	x = form_line_draw(&t->q, w, 0, x, width - x, A_NORMAL);
	wmove(w, 0, x < width ? x : width - 1);
	return -1;
}

static unsigned
rp_keyctx(void *tab, bool *text)
{
	struct rp_tab *t = tab;

	if (t->op)
		return openings_keyctx(t->op, text);
	if (t->asking || t->writing) {
		*text = true;
		return KEYS_PROMPT;
	}
	*text = false;
	return KEYS_REPORTS;
}

static void
rp_summary(void *tab, char *buf, size_t size)
{
	struct rp_tab *t = tab;

	if (t->op) {
		openings_summary(t->op, buf, size);
		return;
	}
	snprintf(buf, size, _("%s: %ld"), _(measure(t)->label), t->s.total);
}

const struct frame_screen screen_reports = {
	.name = N_("Reports"),
	.open = rp_open,
	.close = rp_close,
	.layout = rp_layout,
	.draw = rp_draw,
	.key = rp_key,
	.status = rp_status,
	.keyctx = rp_keyctx,
	.summary = rp_summary,
};
