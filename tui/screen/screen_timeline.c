/* screen_timeline.c - the timeline tab: dispatches as bars across the months. */
#include "screen_timeline.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "date.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "screen_dispatch_view.h"
#include "stamp.h"
#include "text.h"
#include "timeline.h"
#include "xalloc.h"

#define LINEW 4096

struct tl_tab {
	struct frame_ctx *ctx;
	struct kz_tl tl;
	bool by_specialist;
	enum kz_timeline_zoom zoom;
	long from;		/* the first day shown */
	size_t *vis;		/* rows with a bar in view */
	size_t nvis, sel, top;
	char keep[KZ_ID_SIZE];	/* the selected row's id, across moves */
	WINDOW *w;
	int h, width, lw, cw;
	bool asking;		/* the date to go to is being typed */
	struct form_line go;
};

static int
rows_room(const struct tl_tab *t)
{
	/* a title, two header lines, and two for the selected row */
	int n = t->h - 5;

	return n > 1 ? n : 1;
}

static long
span(const struct tl_tab *t)
{
	return (long)t->cw * kz_timeline_days_per_col(t->zoom);
}

static void
refilter(struct tl_tab *t)
{
	size_t n = 0;

	free(t->vis);
	t->vis = xcalloc(t->tl.n + 1, sizeof *t->vis);
	t->nvis = 0;
	for (size_t i = 0; i < t->tl.n; i++)
		if (kz_timeline_row_visible(&t->tl.rows[i], t->from, t->from +
		    span(t) - 1))
			t->vis[n++] = i;
	t->nvis = n;
	t->sel = 0;
	for (size_t i = 0; t->keep[0] && i < n; i++)
		if (strcmp(t->tl.rows[t->vis[i]].id, t->keep) == 0)
			t->sel = i;
	if (t->top > t->sel)
		t->top = t->sel;
	if (t->sel >= t->top + (size_t)rows_room(t))
		t->top = t->sel - (size_t)rows_room(t) + 1;
	if (t->top + (size_t)rows_room(t) > n)
		t->top = n > (size_t)rows_room(t) ? n - (size_t)rows_room(t) : 0;
}

/* Rows whose dispatch (or specialist) has a clash of bookings, as head
 * office told or this database finds: marked as overlaps are, and the
 * clash said first in the detail line. */
static void
mark_clashes(struct tl_tab *t)
{
	struct kz_clash_list cl;
	struct kz_err err = { 0 };

	if (kz_booking_clashes(t->ctx->db, NULL, &cl, &err) != KZ_OK)
		return;
	for (size_t i = 0; i < t->tl.n; i++) {
		struct kz_timeline_row *r = &t->tl.rows[i];

		for (size_t k = 0; k < cl.n; k++) {
			const struct kz_clash *c = &cl.c[k];
			char line[1024], *d;
			size_t n;

			if (strcmp(r->id, c->a.record) != 0 &&
			    strcmp(r->id, c->b.record) != 0 &&
			    strcmp(r->id, c->specialist) != 0)
				continue;
			r->overlap = true;
			dispatch_view_clash_line(t->ctx->cfg, c, r->id, line,
			    sizeof line);
			n = strlen(line) + 2 + (r->detail ? strlen(r->detail) :
			    0) + 1;
			d = xcalloc(n, 1);
			snprintf(d, n, "%s%s%s", line, r->detail ? "; " : "",
			    r->detail ? r->detail : "");
			free(r->detail);
			r->detail = d;
		}
	}
	kz_clash_list_free(&cl);
}

static void
reload(struct tl_tab *t)
{
	struct kz_err err = { 0 };

	kz_timeline_free(&t->tl);
	if (kz_timeline_load(t->ctx->db, t->by_specialist, false, &t->tl,
	    &err) != KZ_OK)
		frame_error(t->ctx, &err);
	else
		mark_clashes(t);
	refilter(t);
}

static void
go_today(struct tl_tab *t)
{
	char today[11];

	kz_stamp_today(t->ctx->cfg, today);
	/* today a sixth in: what just happened shows too */
	t->from = kz_date_days(today) - span(t) / 6;
}

/* ---- drawing ---- */

static const char *const zoom_names[] = { N_("week"), N_("month"),
    N_("year") };

static void
draw_row(struct tl_tab *t, size_t i, long today)
{
	const struct kz_timeline_row *r;
	char label[LINEW], tagged[600], bar[LINEW];
	bool on = i == t->sel;
	int y;

	if (i < t->top || i >= t->top + (size_t)rows_room(t) || i >= t->nvis)
		return;
	y = 3 + (int)(i - t->top);
	r = &t->tl.rows[t->vis[i]];
	if (t->by_specialist) {
		char who[400];

		dispatch_view_person(t->ctx->cfg, r->name, r->roman, t->lw - 1,
		    who, sizeof who);
		snprintf(tagged, sizeof tagged, "%s%s", r->overlap ? "!" : on ?
		    ">" : " ", who);
	} else
		snprintf(tagged, sizeof tagged, "%s%s", r->overlap ? "!" : on ?
		    ">" : " ", r->label ? r->label : "");
	kz_text_fit(label, sizeof label, tagged, t->lw, true);
	draw_text(t->w, y, 0, t->lw, label, on ? draw_attr(DRAW_SELECTED) :
	    r->overlap ? A_BOLD : A_NORMAL);
	kz_timeline_bar(r, t->from, kz_timeline_days_per_col(t->zoom), t->cw, today, bar,
	    sizeof bar);
	draw_text(t->w, y, t->lw + 1, t->cw, bar, r->overlap ? A_BOLD :
	    A_NORMAL);
}

static void
draw_detail(struct tl_tab *t)
{
	const char *d = t->sel < t->nvis ?
	    t->tl.rows[t->vis[t->sel]].detail : NULL;
	char first[LINEW];
	int y = t->h - 2, wdt = 0, k, best_rank = 0;
	const char *p = d, *best = NULL;
	unsigned cp;

	draw_text(t->w, y, 0, t->width, "", A_NORMAL);
	draw_text(t->w, y + 1, 0, t->width, "", A_NORMAL);
	if (d == NULL) {
		char words[LINEW];

		snprintf(words, sizeof words, _("No dispatches in this period: "
		    "%s, %s, %s, %s move; %s zooms out; %s goes to today."),
		    keys_first(KA_TL_EARLIER), keys_first(KA_TL_LATER),
		    keys_first(KA_TL_MONTH_EARLIER),
		    keys_first(KA_TL_MONTH_LATER), keys_first(KA_ZOOM_OUT),
		    keys_first(KA_TODAY));
		draw_text(t->w, y, 0, t->width, words, draw_attr(DRAW_DIM));
		return;
	}
	/* Two lines of the selected row's detail, the first broken where a
	 * phrase ends ("; " between dispatches, then ", " or ": " inside
	 * one, then a space) so the second never starts mid-phrase. */
	while ((k = kz_utf8_decode(p, &cp)) > 0 &&
	    wdt + kz_cp_width(cp) <= t->width) {
		if (cp == ' ' && p > d) {
			int rank = p[-1] == ';' ? 3 : p[-1] == ',' ||
			    p[-1] == ':' ? 2 : 1;

			if (rank >= best_rank) {
				best = p;
				best_rank = rank;
			}
		}
		wdt += kz_cp_width(cp);
		p += k;
	}
	if (*p != '\0' && best != NULL)
		p = best;
	snprintf(first, sizeof first, "%.*s", (int)(p - d), d);
	while (*p == ' ')
		p++;
	draw_text(t->w, y, 0, t->width, first, draw_attr(DRAW_LABEL));
	draw_text(t->w, y + 1, 0, t->width, p, draw_attr(DRAW_LABEL));
}

static void
draw_all(struct tl_tab *t)
{
	char today[11], h1[LINEW], h2[LINEW], title[512], a[64], b[64];
	char d[11];
	int dpc = kz_timeline_days_per_col(t->zoom);
	long td;

	kz_stamp_today(t->ctx->cfg, today);
	td = kz_date_days(today);
	werase(t->w);
	/* the period in the office's date format */
	kz_date_from_days(t->from, d);
	kz_stamp_date(t->ctx->cfg, d, a, sizeof a);
	kz_date_from_days(t->from + span(t) - 1, d);
	kz_stamp_date(t->ctx->cfg, d, b, sizeof b);
	snprintf(title, sizeof title, ngettext("%s - %s, %s zoom, %d day a "
	    "column, %s", "%s - %s, %s zoom, %d days a column, %s",
	    (unsigned long)dpc), a, b, _(zoom_names[t->zoom]), dpc,
	    t->by_specialist ? _("a row per specialist") :
	    _("a row per dispatch"));
	draw_text(t->w, 0, 0, t->width, title, draw_attr(DRAW_HEADER));
	kz_timeline_header(t->from, dpc, t->cw, td, h1, h2, sizeof h1);
	draw_text(t->w, 1, t->lw + 1, t->cw, h1, A_BOLD);
	draw_text(t->w, 2, t->lw + 1, t->cw, h2, A_NORMAL);
	/* the key, in the corner the labels leave free */
	draw_text(t->w, 1, 0, t->lw, _("= signed  - proposed"),
	    draw_attr(DRAW_DIM));
	draw_text(t->w, 2, 0, t->lw, _("# overlap  | today"),
	    draw_attr(DRAW_DIM));
	for (size_t i = t->top; i < t->nvis && i < t->top +
	    (size_t)rows_room(t); i++)
		draw_row(t, i, td);
	draw_detail(t);
}

/* ---- keys ---- */

static void
remember(struct tl_tab *t)
{
	if (t->sel < t->nvis)
		snprintf(t->keep, sizeof t->keep, "%s",
		    t->tl.rows[t->vis[t->sel]].id);
}

static unsigned
select_row(struct tl_tab *t, long to)
{
	if (t->nvis == 0)
		return 0;
	if (to < 0)
		to = 0;
	if ((size_t)to >= t->nvis)
		to = (long)t->nvis - 1;
	t->sel = (size_t)to;
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + (size_t)rows_room(t))
		t->top = t->sel - (size_t)rows_room(t) + 1;
	remember(t);
	return UI_DRAW_BODY;
}

/* A calendar month back or on, the day kept where the month has it. */
static long
month_step(long from, int dir)
{
	char d[11], out[24];
	int y, m, day;

	kz_date_from_days(from, d);
	y = atoi(d);
	m = atoi(d + 5) + dir;
	day = atoi(d + 8);
	if (m < 1) {
		m = 12;
		y--;
	} else if (m > 12) {
		m = 1;
		y++;
	}
	for (; day > 28; day--) {
		snprintf(out, sizeof out, "%04d-%02d-%02d", y % 10000, m % 100,
		    day % 100);
		if (kz_date_valid(out))
			return kz_date_days(out);
	}
	snprintf(out, sizeof out, "%04d-%02d-%02d", y % 10000, m % 100,
	    day % 100);
	return kz_date_days(out);
}

static unsigned
rezoom(struct tl_tab *t, int dir)
{
	long mid = t->from + span(t) / 2;
	int z = (int)t->zoom + dir;

	if (z < KZ_TL_WEEK || z > KZ_TL_YEAR)
		return 0;
	t->zoom = (enum kz_timeline_zoom)z;
	t->from = mid - span(t) / 2;
	refilter(t);
	return UI_DRAW_BODY | UI_DRAW_TITLE;
}

/* The date typed after the go-to key, as the office writes dates: the
 * chart starts a little before it, as it does before today. */
static unsigned
key_goto(struct tl_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_PROMPT | KEYS_EDIT, key, true);
	struct kz_err err = { 0 };
	char date[11], msg[KZ_ERR_MSG + 64], *typed;

	switch (a) {
	case KA_CANCEL:
		t->asking = false;
		return UI_DRAW_STATUS;
	case KA_ACCEPT:
		break;
	default:
		form_line_edit(&t->go, a, key);
		return UI_DRAW_STATUS;
	}
	typed = xstrdup(form_line_text(&t->go));
	t->asking = false;
	if (*kz_trim(typed) == '\0') {
		free(typed);
		return UI_DRAW_STATUS;
	}
	if (kz_date_parse(typed, kz_date_get_order(), date, "", &err)) {
		free(typed);
		frame_message(t->ctx, true, "%s", kz_err_first(&err, msg,
		    sizeof msg));
		return UI_DRAW_STATUS;
	}
	free(typed);
	t->from = kz_date_days(date) - span(t) / 6;
	refilter(t);
	return UI_DRAW_BODY | UI_DRAW_STATUS;
}

static unsigned
tl_key(void *tab, int key)
{
	struct tl_tab *t = tab;
	long page = rows_room(t);

	if (t->asking)
		return key_goto(t, key);
	switch (keys_lookup(KEYS_TIMELINE, key, false)) {
	case KA_UP: return select_row(t, (long)t->sel - 1);
	case KA_DOWN: return select_row(t, (long)t->sel + 1);
	case KA_PGUP: return select_row(t, (long)t->sel - page);
	case KA_PGDN: return select_row(t, (long)t->sel + page);
	case KA_FIRST: return select_row(t, 0);
	case KA_LAST: return select_row(t, (long)t->nvis - 1);
	case KA_TL_EARLIER:
		t->from -= 7;
		break;
	case KA_TL_LATER:
		t->from += 7;
		break;
	case KA_TL_MONTH_EARLIER:
		t->from = month_step(t->from, -1);
		break;
	case KA_TL_MONTH_LATER:
		t->from = month_step(t->from, 1);
		break;
	case KA_ZOOM_IN:
		return rezoom(t, -1);
	case KA_ZOOM_OUT:
		return rezoom(t, 1);
	case KA_TODAY:
		go_today(t);
		break;
	case KA_TL_GOTO:
		form_line_set(&t->go, "");
		t->asking = true;
		return UI_DRAW_STATUS;
	case KA_GO_DISPATCH:
		if (t->sel < t->nvis)
			frame_show(t->ctx, t->by_specialist ?
			    "Specialists" : "Dispatches",
			    t->tl.rows[t->vis[t->sel]].id, true);
		return 0;
	case KA_TL_ROWS:
		t->by_specialist = !t->by_specialist;
		t->keep[0] = '\0';
		reload(t);
		return UI_DRAW_BODY;
	default:
		return UI_PASS;
	}
	refilter(t);
	return UI_DRAW_BODY;
}

/* ---- the tab ---- */

static void *
tl_open(struct frame_ctx *ctx)
{
	struct tl_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	t->zoom = KZ_TL_MONTH;
	t->cw = 55;
	go_today(t);
	return t;
}

static void
tl_close(void *tab)
{
	struct tl_tab *t = tab;

	draw_delwin(&t->w);
	kz_timeline_free(&t->tl);
	form_line_free(&t->go);
	free(t->vis);
	free(t);
}

static void
tl_layout(void *tab, int y, int x, int h, int w)
{
	struct tl_tab *t = tab;
	long keep_from = t->from;
	bool first = t->w == NULL && t->h == 0;

	draw_delwin(&t->w);
	t->h = h;
	t->width = w;
	if (h <= 0 || w <= 0)
		return;
	t->lw = w / 3 > 24 ? 24 : w / 3;
	t->cw = w - t->lw - 1;
	if (t->cw < 1)
		t->cw = 1;
	if (first)
		go_today(t);
	else
		t->from = keep_from;
	t->w = draw_newwin(h, w, y, x);
	/* shown again: other tabs may have changed dispatches */
	reload(t);
}

static void
tl_draw(void *tab, unsigned flags)
{
	struct tl_tab *t = tab;

	if (t->w == NULL || !(flags & (UI_DRAW_BODY | UI_DRAW_ROWS)))
		return;
	draw_all(t);
	wnoutrefresh(t->w);
}

static int
tl_status(void *tab, WINDOW *w, int width)
{
	struct tl_tab *t = tab;
	const char *label = _("Go to date: ");
	int x;

	if (!t->asking)
		return 0;
	x = draw_prompt_label(w, width, label, A_BOLD);
	x = form_line_draw(&t->go, w, 0, x, width - x, A_NORMAL);
	wmove(w, 0, x < width ? x : width - 1);
	return -1;
}

static unsigned
tl_keyctx(void *tab, bool *text)
{
	struct tl_tab *t = tab;

	if (t->asking) {
		*text = true;
		return KEYS_PROMPT;
	}
	*text = false;
	return KEYS_TIMELINE;
}

static void
tl_summary(void *tab, char *buf, size_t size)
{
	struct tl_tab *t = tab;

	snprintf(buf, size, ngettext("%zu row in view", "%zu rows in view",
	    (unsigned long)t->nvis), t->nvis);
}

const struct frame_screen screen_timeline = {
	N_("Timeline"),
	tl_open,
	tl_close,
	tl_layout,
	tl_draw,
	tl_key,
	tl_status,
	tl_keyctx,
	tl_summary,
	NULL,
};
