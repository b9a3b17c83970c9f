/* screen_seminar_days.c - an edition's programme day by day on the seminars tab. */
#include "screen_seminar_days.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "programme.h"
#include "record_list.h"
#include "seminar.h"
#include "screen_seminar_view.h"
#include "record.h"
#include "screen_history.h"
#include "screen_record.h"
#include "text.h"
#include "tz.h"
#include "xalloc.h"

#define ROWW 4096

/* A line of the view: a day's heading or an item. */
struct dline {
	int item;		/* index into items, -1 for a heading */
	char date[11];
};

struct sem_days {
	struct frame_ctx *ctx;
	char edition[KZ_ID_SIZE];
	char head[512];
	char start[11], end[11];	/* the edition's dates */
	struct kz_item *items;
	size_t n;
	struct dline *lines;
	size_t nlines, shown;	/* lines, and items among them */
	size_t sel, oldsel, top;	/* line indexes */
	/* the search, the delete question and the status line; the lines
	 * are drawn here, a day's heading above its items */
	struct record_list rl;
	bool undoing;		/* the question asked is u's */
	bool zoom;
	WINDOW *w;
	int h, wd;
	int timew, cw, vw, kw, tw;	/* column widths */
};

/* An item's title in the reader's language (KZ_RF_LANGS). */
#define ITEM_TITLE(it) kz_rtype_in(&kz_programme_item_type, "title", (it))

static size_t days_count(void *);
static void days_refilter(void *);
static unsigned days_move(void *, enum keys_action);

static const struct record_list_ops days_ops = {
	.count = days_count,
	.refilter = days_refilter,
	.moves = days_move,
};

static bool
is_item(const struct sem_days *d, size_t i)
{
	return i < d->nlines && d->lines[i].item >= 0;
}

static const struct kz_item *
sel_item(const struct sem_days *d)
{
	return is_item(d, d->sel) ? &d->items[d->lines[d->sel].item] : NULL;
}

static int
detail_rows(const struct sem_days *d)
{
	return d->zoom ? d->h - 1 : d->h >= 12 ? 4 : 0;
}

static int
list_rows(const struct sem_days *d)
{
	int r = d->h - 1 - detail_rows(d);
	return r > 0 ? r : 0;
}

/* ---- loading ---- */

static bool
matches(const struct kz_item *it, const char *term)
{
	char hay[2048];

	if (!*term)
		return true;
	/* the title as the reader reads it, and as first written */
	snprintf(hay, sizeof hay, "%s %s %s %s %s %s %s", it->title ?
	    it->title : "", it->title ? ITEM_TITLE(it) : "", it->city ?
	    it->city : "", it->venue ? it->venue : "", it->notes ?
	    it->notes : "", _(kz_kind_label(it->kind)), it->date);
	return semv_matches(hay, term);
}

/* Scroll so the selection shows, from the top when all of it fits. */
static void
follow(struct sem_days *d)
{
	size_t rows = list_rows(d) > 0 ? (size_t)list_rows(d) : 1;

	if (d->sel < d->top || d->nlines <= rows)
		d->top = 0;
	if (d->sel >= d->top + rows)
		d->top = d->sel - rows + 1;
	/* the selected item's day heading too, when there is room */
	if (rows > 1 && d->top > 0 && d->top == d->sel &&
	    !is_item(d, d->sel - 1))
		d->top--;
}

static void
build_lines(struct sem_days *d, const char *keep)
{
	const char *term = record_list_term(&d->rl);
	struct dline *l;

	free(d->lines);
	d->lines = NULL;
	d->nlines = d->shown = 0;
	d->sel = d->top = 0;
	l = xcalloc(d->n * 2 + 1, sizeof *l);
	for (size_t i = 0; i < d->n; i++) {
		if (!matches(&d->items[i], term))
			continue;
		if (d->shown == 0 || strcmp(l[d->nlines - 1].date,
		    d->items[i].date) != 0) {
			l[d->nlines].item = -1;
			memcpy(l[d->nlines++].date, d->items[i].date, 11);
		}
		l[d->nlines].item = (int)i;
		memcpy(l[d->nlines].date, d->items[i].date, 11);
		if (keep && strcmp(d->items[i].id, keep) == 0)
			d->sel = d->nlines;
		d->nlines++;
		d->shown++;
	}
	d->lines = l;
	if (!is_item(d, d->sel))
		d->sel = d->nlines > 1 ? 1 : 0;
	follow(d);
	d->rl.dscroll = 0;
}

static void
load(struct sem_days *d, const char *keep)
{
	struct kz_seminar s;
	struct kz_err err = { 0 };

	kz_programme_item_list_free(d->items, d->n);
	d->items = NULL;
	d->n = 0;
	d->start[0] = d->end[0] = '\0';
	if (kz_seminar_get(d->ctx->db, d->edition, &s, &err) == KZ_OK) {
		memcpy(d->start, s.start, sizeof d->start);
		memcpy(d->end, s.end, sizeof d->end);
		kz_seminar_free(&s);
	}
	semv_edition_line(d->ctx, d->edition, d->head, sizeof d->head);
	if (kz_programme_item_list(d->ctx->db, d->edition, &d->items, &d->n, &err) !=
	    KZ_OK)
		frame_error(d->ctx, &err);
	build_lines(d, keep);
}

void
days_show(struct sem_days *d, const char *edition)
{
	snprintf(d->edition, sizeof d->edition, "%s", edition);
	form_line_set(&d->rl.term, "");
	d->rl.mode = RLIST_BROWSE;
	d->zoom = false;
	load(d, NULL);
}

struct sem_days *
days_open(struct frame_ctx *ctx)
{
	struct sem_days *d = xcalloc(1, sizeof *d);

	d->ctx = ctx;
	record_list_init(&d->rl, &days_ops, d);
	return d;
}

void
days_close(struct sem_days *d)
{
	if (d == NULL)
		return;
	draw_delwin(&d->w);
	kz_programme_item_list_free(d->items, d->n);
	free(d->lines);
	record_list_free(&d->rl);
	free(d);
}

/* ---- drawing ---- */

static void
columns(struct sem_days *d)
{
	int rest;

	d->cw = d->vw = d->kw = d->timew = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct kz_item *it = &d->items[i];
		int c = kz_text_width(it->city), v = kz_text_width(it->venue);
		int k = kz_text_width(_(kz_kind_label(it->kind)));

		/* a programme without clock times needs no time column */
		if (it->start[0])
			d->timew = 11;

		d->cw = c > d->cw ? c : d->cw;
		d->vw = v > d->vw ? v : d->vw;
		d->kw = k > d->kw ? k : d->kw;
	}
	d->cw = d->cw > 14 ? 14 : d->cw;
	d->vw = d->vw > 20 ? 20 : d->vw;
	d->kw = d->kw > 16 ? 16 : d->kw;
	/* mark, time, and a blank after each column */
	rest = d->wd - 1 - (d->timew ? d->timew + 1 : 0) - (d->cw + 1) -
	    (d->vw ? d->vw + 1 : 0) - (d->kw + 1);
	/* narrow: the venue goes first, then the kind; the record below
	 * shows them */
	if (rest < 24 && d->vw) {
		rest += d->vw + 1;
		d->vw = 0;
	}
	if (rest < 20) {
		rest += d->kw + 1;
		d->kw = 0;
	}
	d->tw = rest > 1 ? rest : 1;
}

static int
day_number(const struct sem_days *d, const char *date)
{
	if (!d->start[0])
		return 0;
	return (int)(kz_date_days(date) - kz_date_days(d->start)) + 1;
}

static void
draw_line(struct sem_days *d, size_t i)
{
	char buf[ROWW], when[16], day[200];
	int y;

	if (i < d->top || i >= d->top + (size_t)list_rows(d) || i >= d->nlines)
		return;
	y = 1 + (int)(i - d->top);
	if (!is_item(d, i)) {
		int n = day_number(d, d->lines[i].date);
		int total = d->start[0] ? (int)(kz_date_days(d->end) -
		    kz_date_days(d->start)) + 1 : 0;

		semv_day(d->ctx->cfg, d->lines[i].date, day, sizeof day);
		if (n > 0)
			snprintf(buf, sizeof buf, _("%s  (day %d of %d)"), day, n,
			    total);
		else
			snprintf(buf, sizeof buf, "%s", day);
		draw_text(d->w, y, 0, d->wd, buf, draw_attr(DRAW_LABEL));
		return;
	}
	const struct kz_item *it = &d->items[d->lines[i].item];
	bool on = i == d->sel;
	size_t o = draw_cell(buf, sizeof buf, 0, on ? ">" : " ", 1, true);

	snprintf(when, sizeof when, "%s%s%s", it->start, it->end[0] ? "-" :
	    "", it->end);
	if (d->timew)
		o = draw_cell(buf, sizeof buf, o, when, d->timew, false);
	o = draw_cell(buf, sizeof buf, o, it->city, d->cw, false);
	if (d->vw)
		o = draw_cell(buf, sizeof buf, o, it->venue, d->vw, false);
	if (d->kw)
		o = draw_cell(buf, sizeof buf, o, _(kz_kind_label(it->kind)),
		    d->kw, false);
	draw_cell(buf, sizeof buf, o, ITEM_TITLE(it), d->tw, true);
	draw_text(d->w, y, 0, d->wd, buf, on ? draw_attr(DRAW_SELECTED) :
	    A_NORMAL);
}

struct wrap {
	struct sem_days *d;
	int y, x, w, last;
	size_t skip;
	attr_t attr;
};

static void
wrap_emit(void *arg, const char *line, size_t len)
{
	struct wrap *wr = arg;
	char buf[1024];

	if (wr->skip > 0) {
		wr->skip--;
		return;
	}
	if (wr->y > wr->last)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)len, line);
	draw_text(wr->d->w, wr->y++, wr->x, wr->w, buf, wr->attr);
}

/* The item's field called name as people read it, with the zone's
 * abbreviation after the zone; "" when empty. */
static char *
item_shown(const struct sem_days *d, const struct kz_item *it,
    const char *name, const char *abbr)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_programme_item_type,
	    name);
	char *v = f ? kz_rfield_shown(f, it, d->ctx->cfg) : NULL, *w;

	if (v == NULL)
		return xstrdup("");
	if (strcmp(name, "tz") == 0 && *v && abbr[0]) {
		w = xmalloc(strlen(v) + strlen(abbr) + 4);
		sprintf(w, "%s (%s)", v, abbr);
		free(v);
		v = w;
	}
	return v;
}

/* Zoomed: every field of the item's table but its title (the heading)
 * and the "who" of its stamps, a labelled line each. */
static void
item_lines(const struct sem_days *d, const struct kz_item *it,
    const char *abbr, struct kz_buf *b)
{
	const struct kz_rtype *rt = &kz_programme_item_type;
	int lw = record_label_width(rt);
	char label[128];

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		char *v;

		if (f->kind == KZ_RK_USER || strcmp(f->name, "title") == 0)
			continue;
		v = item_shown(d, it, f->name, abbr);
		if (*v) {
			record_label(f, label, sizeof label);
			kz_buf_printf(b, "%s%s%*s  %s", b->len ? "\n" : "",
			    label, lw - kz_text_width(label), "", v);
		}
		free(v);
	}
}

/* The selected item under the list (or over the body, zoomed): its
 * title; then its place, kind and zone on one line and its notes, or
 * zoomed, every field labelled; values as the item's table shows them. */
static void
draw_detail(struct sem_days *d)
{
	const struct kz_item *it = sel_item(d);
	int rows = detail_rows(d), y0 = d->h - rows;
	struct wrap wr = { d, y0 + 1, 0, d->wd, d->h - 1, d->rl.dscroll,
	    A_NORMAL };
	struct kz_buf b = { 0 };
	char abbr[16] = "", *v[4];
	static const char *const place[] = { "venue", "city", "kind", "tz" };
	struct kz_err err = { 0 };
	struct kz_tz *z;

	if (rows <= 0)
		return;
	for (int y = y0; y < d->h; y++)
		draw_text(d->w, y, 0, d->wd, "", A_NORMAL);
	if (it == NULL) {
		draw_text(d->w, y0, 0, d->wd, "", draw_attr(DRAW_HEADER));
		if (d->n == 0) {
			char words[256];

			snprintf(words, sizeof words, d->start[0] ?
			    _("No programme yet: press %s to add an item.") :
			    _("The edition has no dates yet: set them with %s "
			    "on its list first."), keys_first(d->start[0] ?
			    KA_ADD : KA_EDIT));
			draw_text(d->w, y0 + 1, 0, d->wd, words,
			    draw_attr(DRAW_DIM));
		}
		return;
	}
	if (it->start[0] && (z = kz_tz_load(it->tz, &err)) != NULL) {
		kz_tz_offset(z, kz_tz_local(it->date, it->start), NULL, abbr);
		kz_tz_free(z);
	}
	draw_text(d->w, y0, 0, d->wd, it->title ? ITEM_TITLE(it) : "",
	    draw_attr(DRAW_HEADER));
	if (d->zoom) {
		item_lines(d, it, abbr, &b);
		if (b.oom)
			xalloc_die();
		draw_wrap(kz_buf_str(&b), d->wd, wrap_emit, &wr);
		kz_buf_free(&b);
		return;
	}
	for (int i = 0; i < 4; i++)
		v[i] = item_shown(d, it, place[i], abbr);
	/* "CLAIR, Tokyo  lecture  Asia/Tokyo (JST)" */
	kz_buf_printf(&b, "%s%s%s  %s  %s", v[0], *v[0] && *v[1] ? ", " : "",
	    v[1], v[2], v[3]);
	for (int i = 0; i < 4; i++)
		free(v[i]);
	if (b.oom)
		xalloc_die();
	draw_wrap(kz_buf_str(&b), d->wd, wrap_emit, &wr);
	kz_buf_free(&b);
	v[0] = item_shown(d, it, "notes", abbr);
	if (*v[0]) {
		wr.attr = draw_attr(DRAW_DIM);
		draw_wrap(v[0], d->wd, wrap_emit, &wr);
	}
	free(v[0]);
}

void
days_draw(struct sem_days *d, unsigned flags)
{
	if (d->w == NULL)
		return;
	if (flags & UI_DRAW_LIST) {
		werase(d->w);
		draw_text(d->w, 0, 0, d->wd, d->head, draw_attr(DRAW_HEADER));
		for (size_t i = d->top; i < d->nlines &&
		    i < d->top + (size_t)list_rows(d); i++)
			draw_line(d, i);
		if (d->nlines == 0 && *record_list_term(&d->rl))
			draw_text(d->w, 1, 1, d->wd - 1, _("Nothing matches the "
			    "search."), draw_attr(DRAW_DIM));
		flags |= UI_DRAW_DETAIL;
	} else if (flags & UI_DRAW_ROWS) {
		draw_line(d, d->oldsel);
		draw_line(d, d->sel);
	}
	/* the row drawn selected, whatever keys moved it before the frame */
	if (flags & (UI_DRAW_LIST | UI_DRAW_ROWS))
		d->oldsel = d->sel;
	if (flags & UI_DRAW_DETAIL)
		draw_detail(d);
	wnoutrefresh(d->w);
}

void
days_layout(struct sem_days *d, int y, int x, int h, int w)
{
	draw_delwin(&d->w);
	d->h = h;
	d->wd = w;
	if (h <= 0 || w <= 0)
		return;
	d->w = draw_newwin(h, w, y, x);
	columns(d);
	follow(d);
}

/* ---- moving ---- */

static unsigned
select_line(struct sem_days *d, size_t to)
{
	size_t rows = (size_t)list_rows(d);

	if (!is_item(d, to) || to == d->sel)
		return 0;
	d->sel = to;
	d->rl.dscroll = 0;
	/* keep the day's heading in view above its first item */
	if (to < d->top || (to == d->top && to > 0 && !is_item(d, to - 1))) {
		d->top = to > 0 && !is_item(d, to - 1) ? to - 1 : to;
		return UI_DRAW_LIST;
	}
	if (rows > 0 && to >= d->top + rows) {
		d->top = to - rows + 1;
		return UI_DRAW_LIST;
	}
	return UI_DRAW_ROWS | UI_DRAW_DETAIL;
}

static unsigned
step(struct sem_days *d, long by)
{
	long i = (long)d->sel;

	for (long k = 0; k < (by < 0 ? -by : by); k++) {
		long j = i + (by < 0 ? -1 : 1);

		while (j >= 0 && j < (long)d->nlines && !is_item(d, (size_t)j))
			j += by < 0 ? -1 : 1;
		if (j < 0 || j >= (long)d->nlines)
			break;
		i = j;
	}
	return select_line(d, (size_t)i);
}

/* The first item of the next (dir 1) or previous (-1) day. */
static unsigned
jump_day(struct sem_days *d, int dir)
{
	size_t i = d->sel;
	const char *day = d->sel < d->nlines ? d->lines[d->sel].date : "";

	if (dir > 0) {
		while (i < d->nlines && strcmp(d->lines[i].date, day) == 0)
			i++;
	} else {
		/* back to this day's heading, then the previous one's */
		while (i > 0 && strcmp(d->lines[i].date, day) == 0)
			i--;
		while (i > 0 && is_item(d, i))
			i--;
	}
	while (i < d->nlines && !is_item(d, i))
		i++;
	return i < d->nlines ? select_line(d, i) : 0;
}

static unsigned
nav(struct sem_days *d, enum keys_action a)
{
	long page = list_rows(d) > 2 ? list_rows(d) - 2 : 1;

	switch (a) {
	case KA_UP: return step(d, -1);
	case KA_DOWN: return step(d, 1);
	case KA_PGUP: return step(d, -page);
	case KA_PGDN: return step(d, page);
	case KA_FIRST: return step(d, -(long)d->nlines);
	case KA_LAST: return step(d, (long)d->nlines);
	default: return UI_PASS;
	}
}

static size_t
days_count(void *arg)
{
	return ((struct sem_days *)arg)->nlines;
}

static void
days_refilter(void *arg)
{
	build_lines(arg, NULL);
}

static unsigned
days_move(void *arg, enum keys_action a)
{
	return nav(arg, a);
}

/* ---- the form ---- */

enum { IF_DATE, IF_START, IF_END, IF_TZ, IF_CITY, IF_VENUE, IF_KIND,
	IF_TITLE, IF_NOTES, IF_N };

static void preview_tz(void *, const char *, char *, size_t);
static void preview_kind(void *, const char *, char *, size_t);

static const struct form_spec item_form[IF_N] = {
	{ "date", N_("Date"), N_("A date inside the edition's: 2027-01-31, "
	  "2027年1月31日 or 31 Jan 2027"),
	  NULL, FORM_REQUIRED, NULL, NULL, NULL, 0 },
	{ "start|clash", N_("Start"), N_("HH:MM; empty for an item without a "
	  "time (arrival, free day)"), NULL, 0, NULL,
	  NULL, NULL, 0 },
	{ "end", N_("End"), N_("HH:MM, the same day"), NULL, 0, NULL, NULL, NULL, 0 },
	{ "tz", N_("Time zone"), N_("Empty: from the city (Tokyo: Asia/Tokyo, "
	  "Chinese cities: Asia/Shanghai)"), NULL, 0, preview_tz, NULL,
	  NULL, 0 },
	{ "city", N_("City"), N_("e.g. Tokyo, Shimonoseki, 福州市"), NULL, 0,
	  NULL, NULL, NULL, 0 },
	{ "venue", N_("Venue"), N_("e.g. Shinjuku Multicultural Plaza"), NULL, 0,
	  NULL, NULL, NULL, 0 },
	{ "kind", N_("Kind"), N_("arrival, lecture, briefing, visit, courtesy "
	  "call, opinion exchange, session, reception, travel, departure"),
	  NULL, FORM_REQUIRED, preview_kind, NULL, NULL, KZ_CODES_ITEM_KIND },
	{ "title", N_("Title"), N_("What happens, as the programme says it"),
	  NULL, FORM_REQUIRED, NULL, NULL, NULL, 0 },
	{ "notes", N_("Notes"), N_("Dress, who speaks, what to bring"), NULL, 0,
	  NULL, NULL, NULL, 0 },
};

struct item_edit {
	struct sem_days *d;
	const struct kz_item *orig;
	char saved[KZ_ID_SIZE];
	char *clash_at;		/* the values when a clash was shown */
	struct kz_err warn;
	/* the form's lines as the item's fields, and the stamp the item
	 * was read with: a save puts back no change made meanwhile, and a
	 * change found is merged field by field (record_guard_merge) */
	const struct kz_rfield *field[IF_N];
	struct record_form rf;
	struct record_guard guard;
};

static void
preview_kind(void *arg, const char *value, char *out, size_t size)
{
	int k = kz_kind_parse(value);

	(void)arg;
	if (k >= 0)
		snprintf(out, size, "%s", _(kz_kind_label((enum kz_kind)k)));
	else if (*value)
		snprintf(out, size, "%s", _("not a kind: see the hint below"));
}

static void
preview_tz(void *arg, const char *value, char *out, size_t size)
{
	struct kz_err err = { 0 };
	char v[64];
	struct kz_tz *z;

	(void)arg;
	snprintf(v, sizeof v, "%s", value);
	if (*kz_trim(v) == '\0')
		snprintf(out, size, "%s", _("from the city when saved"));
	else if ((z = kz_tz_load(kz_trim(v), &err)) == NULL)
		snprintf(out, size, "%s", err.item[0].msg);
	else {
		kz_tz_free(z);
		snprintf(out, size, "%s", _("a known zone"));
	}
}

/* All form values in one string: a clash is accepted when the form is
 * saved again on exactly what it was shown for. */
static char *
snapshot(const struct form *f)
{
	struct kz_buf b = { 0 };

	for (int i = 0; i < IF_N; i++) {
		kz_buf_puts(&b, form_value(f, i));
		kz_buf_put(&b, "\x1f", 1);
	}
	if (b.oom)
		xalloc_die();
	return b.s;
}

static bool
only_clashes(const struct kz_err *err)
{
	for (int i = 0; i < err->n; i++)
		if (strcmp(err->item[i].where, "clash") != 0)
			return false;
	return err->n > 0;
}

/* The field of the item's table that form line i is ("start|clash":
 * start). */
static const struct kz_rfield *
item_field(int i)
{
	char name[32];

	snprintf(name, sizeof name, "%s", item_form[i].key);
	name[strcspn(name, "|")] = '\0';
	return kz_rtype_field(&kz_programme_item_type, name);
}

/* Form line i into the item through its field: problems into err;
 * KZ_ERROR only when out of memory. */
static int
item_take(const struct form *f, int i, struct kz_item *it,
    struct kz_err *err)
{
	const struct kz_rfield *fd = item_field(i);
	char *v;

	if (fd == NULL)
		return KZ_OK;
	if ((v = form_trimmed(f, i)) == NULL)
		return KZ_ERROR;
	kz_rfield_set(fd, it, v, err);
	free(v);
	return KZ_OK;
}

static int
item_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_programme_item_get(db, id, rec, err);
}

static void
item_release(void *rec)
{
	kz_programme_item_free(rec);
}

/* ---- u: taking back an item's add, edit or delete ---- */

static void
item_init(void *rec)
{
	kz_programme_item_init(rec);
}

static int
item_copy(void *dst, const void *src)
{
	return kz_programme_item_copy(dst, src);
}

/* The values from before come back as they were, a clash with them
 * having been kept already (KZ_ITEM_FORCE). */
static int
item_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_err warn = { 0 };
	int rc = kz_programme_item_insert(db, rec, KZ_ITEM_FORCE, err, &warn);

	kz_err_clear(&warn);
	return rc;
}

static int
item_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_err warn = { 0 };
	int rc = kz_programme_item_update(db, rec, KZ_ITEM_FORCE, err, &warn);

	kz_err_clear(&warn);
	return rc;
}

static const struct undo_ops item_undo = {
	.rt = &kz_programme_item_type, .size = sizeof (struct kz_item),
	.init = item_init, .release = item_release, .copy = item_copy,
	.get = item_get, .insert = item_insert, .update = item_update,
	.del = kz_programme_item_delete,
};

static int
item_save(struct form *f, void *arg, struct kz_err *err)
{
	struct item_edit *e = arg;
	struct kz_db *db = e->d->ctx->db;
	struct kz_item it;
	char *snap;
	unsigned flags;
	int rc;

again:
	snap = snapshot(f);
	flags = 0;
	rc = KZ_OK;
	kz_programme_item_init(&it);
	if (e->orig) {
		memcpy(it.id, e->orig->id, sizeof it.id);
		it.sequence = e->orig->sequence;
		kz_stamps_copy(&it.st, &e->orig->st);
		record_guard_stamp(&e->guard, &it);
	}
	memcpy(it.seminar, e->d->edition, sizeof it.seminar);
	/* the title in other languages, as the form has them */
	if (kz_tr_copy(&it.tr, &e->rf.tr) != KZ_OK)
		rc = KZ_ERROR;
	for (int i = 0; i < IF_N && rc == KZ_OK; i++)
		rc = item_take(f, i, &it, err);
	if (rc != KZ_OK) {
		kz_programme_item_free(&it);
		free(snap);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	/* the second F2 on a clash keeps both */
	if (e->clash_at && snap && strcmp(e->clash_at, snap) == 0)
		flags |= KZ_ITEM_FORCE;
	kz_err_clear(&e->warn);
	if (err->n > 0) {
		kz_programme_item_validate(db, &it, flags, err, NULL);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_programme_item_update(db, &it, flags, err, &e->warn);
	else
		rc = kz_programme_item_insert(db, &it, flags, err, &e->warn);
	if (rc == KZ_OK)
		memcpy(e->saved, it.id, KZ_ID_SIZE);
	else if (rc == KZ_STALE) {
		free(snap);
		kz_programme_item_free(&it);
		if (record_guard_merge(&e->guard, f, db, e->d->ctx->cfg,
		    e->orig->id)) {
			kz_err_clear(err);
			goto again;
		}
		return rc;
	} else if (only_clashes(err)) {
		free(e->clash_at);
		e->clash_at = snap;
		snap = NULL;
		kz_err_add(err, "", _("%s again keeps both items"),
		    keys_first(KA_SAVE));
	}
	free(snap);
	kz_programme_item_free(&it);
	return rc;
}

static unsigned
item_form_run(struct sem_days *d, bool edit)
{
	const struct kz_item *o = edit ? sel_item(d) : NULL;
	const struct kz_item *near = sel_item(d);
	struct item_edit e = { .d = d, .orig = o };
	struct form_spec spec[IF_N];
	struct form f;
	char title[160];

	if (edit && o == NULL)
		return 0;
	/* the form's own lines, each one of the item's fields */
	for (int i = 0; i < IF_N; i++)
		e.field[i] = item_field(i);
	memcpy(spec, item_form, sizeof spec);
	e.rf = (struct record_form){ .rt = &kz_programme_item_type,
	    .spec = spec, .field = e.field, .n = IF_N };
	/* the title in other languages: a form of its own (KA_FIELD_LANGS) */
	record_form_langs_line(&e.rf, IF_TITLE);
	if (o && kz_tr_copy(&e.rf.tr, &o->tr) != KZ_OK)
		xalloc_die();
	e.rf.tr.whole = false;	/* what the form changes: record_form_fill */
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_item), item_get,
	    item_release, o);
	snprintf(title, sizeof title, "%s", edit ? _("Edit a programme item") :
	    _("Add a programme item"));
	form_init(&f, title, spec, IF_N, &e);
	for (int i = 0; o && i < IF_N; i++) {
		const struct kz_rfield *fd = item_field(i);
		char *v = fd ? kz_rfield_text(fd, o) : NULL;

		if (fd && fd->kind == KZ_RK_DATE)
			form_set_date(&f, i, v);
		else
			form_set(&f, i, v ? v : "");
		free(v);
	}
	if (o == NULL) {
		/* where the programme is at: the day and city selected */
		form_set_date(&f, IF_DATE, near ? near->date : d->start);
		form_set(&f, IF_CITY, near ? near->city : NULL);
	}
	if (form_run(&f, item_save)) {
		struct kz_item now;
		struct kz_err err = { 0 };

		if (kz_programme_item_get(d->ctx->db, e.saved, &now, &err) ==
		    KZ_OK) {
			undo_push(d->ctx->db, &item_undo, o ? UNDO_EDIT :
			    UNDO_ADD, e.saved, ITEM_TITLE(&now), o);
			kz_programme_item_free(&now);
		}
		kz_err_clear(&err);
		load(d, e.saved);
		columns(d);
		if (e.warn.n > 0)
			frame_message(d->ctx, false, _("Saved, with a clash: %s"),
			    e.warn.item[0].msg);
		else
			frame_message(d->ctx, false, _("Saved %s."), e.saved);
	}
	free(e.clash_at);
	record_guard_free(&e.guard);
	kz_tr_free(&e.rf.tr);
	form_free(&f);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
deleted(void *arg, const char *id)
{
	struct sem_days *d = arg;

	load(d, NULL);
	columns(d);
	frame_message(d->ctx, false, _("Deleted %s."), id);
}

/* Delete, keeping the item as it was for u. */
static int
item_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_item it;
	int rc;

	if ((rc = kz_programme_item_get(db, id, &it, err)) != KZ_OK)
		return rc;
	if ((rc = kz_programme_item_delete(db, id, err)) == KZ_OK)
		undo_push(db, &item_undo, UNDO_DELETE, it.id, ITEM_TITLE(&it),
		    &it);
	kz_programme_item_free(&it);
	return rc;
}

static void
item_undone(void *arg)
{
	struct sem_days *d = arg;

	load(d, NULL);
	columns(d);
}

static const struct record_list_delete item_delete = {
	.del = item_delete_kept, .done = deleted };

unsigned
days_key(struct sem_days *d, int key)
{
	const struct kz_item *it = sel_item(d);
	enum keys_action a;
	char q[512];

	if (d->rl.mode == RLIST_SEARCH)
		return record_list_search_key(&d->rl, key);
	if (d->rl.mode == RLIST_CONFIRM && d->undoing)
		return undo_answer(&d->rl, d->ctx, &item_undo, key,
		    &d->undoing, item_undone, d);
	if (d->rl.mode == RLIST_CONFIRM)
		return record_list_delete_key(&d->rl, d->ctx, key, it ? it->id : NULL,
		    &item_delete);
	switch (keys_lookup(KEYS_PROGRAMME, key, false)) {
	case KA_BACK:
		/* Esc clears a search first */
		return record_list_clear(&d->rl) ? UI_DRAW_ALL : SEMV_BACK;
	case KA_DAY_NEXT:
		return jump_day(d, 1);
	case KA_DAY_PREV:
		return jump_day(d, -1);
	default:
		break;
	}
	switch (keys_lookup(KEYS_SEMINAR, key, false)) {
	case KA_PROGRAMME: return SEMV_BACK;
	case KA_PARTICIPANTS: return SEMV_PEOPLE;
	default: break;
	}
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ZOOM:
		/* the record over the lines, in the same window */
		d->zoom = !d->zoom;
		d->rl.dscroll = 0;
		return UI_DRAW_ALL;
	case KA_ADD:
		return item_form_run(d, false);
	case KA_EDIT:
		return item_form_run(d, true);
	case KA_DELETE:
		if (it == NULL)
			return 0;
		snprintf(q, sizeof q, _("Delete %s %s \"%s\"?"), it->date,
		    it->start, ITEM_TITLE(it));
		record_list_ask(&d->rl, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&d->rl, d->ctx, &item_undo, &d->undoing);
	default:
		/* moves (the items, not the headings), scrolling the record
		 * and the search */
		return record_list_browse(&d->rl, a);
	}
}

int
days_status(struct sem_days *d, WINDOW *w, int width)
{
	return record_list_status(&d->rl, w, width, NULL);
}

unsigned
days_keyctx(struct sem_days *d, bool *text)
{
	return record_list_keyctx(&d->rl, KEYS_LIST | KEYS_PROGRAMME, text);
}

void
days_summary(struct sem_days *d, char *buf, size_t size)
{
	size_t days = 0;

	for (size_t i = 0; i < d->nlines; i++)
		days += !is_item(d, i);
	snprintf(buf, size, ngettext("%zu item", "%zu items", d->shown),
	    d->shown);
	snprintf(buf + strlen(buf), size - strlen(buf), ngettext(" on %zu day",
	    " on %zu days", days), days);
}
