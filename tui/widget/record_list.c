/* record_list.c - a list of records with a detail pane, search and a yes/no question, for record tabs. */
#include "record_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "id.h"
#include "term.h"
#include "text.h"
#include "xalloc.h"

#define ROWW 4096		/* bytes of one drawn row */
#define LABELW 14		/* detail labels, at most */

void
record_list_init(struct record_list *l, const struct record_list_ops *ops, void *arg)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->arg = arg;
	form_line_set(&l->term, "");
}

static void
dl_clear(struct record_list *l)
{
	for (size_t i = 0; i < l->ndl; i++) {
		free(l->dl[i].label);
		free(l->dl[i].text);
	}
	l->ndl = 0;
}

static void
menu_clear(struct record_list *l)
{
	for (size_t i = 0; i < l->menu.n; i++)
		free(l->menu.items[i]);
	free(l->menu.items);
	l->menu.items = NULL;
	l->menu.n = 0;
}

void
record_list_free(struct record_list *l)
{
	menu_clear(l);
	draw_delwin(&l->wlist);
	draw_delwin(&l->wdet);
	dl_clear(l);
	free(l->dl);
	form_line_free(&l->term);
}

static size_t
count(const struct record_list *l)
{
	return l->ops->count(l->arg);
}

int
record_list_rows(const struct record_list *l)
{
	return l->lh > 1 ? l->lh - 1 : 1;
}

void
record_list_clamp(struct record_list *l)
{
	size_t n = count(l), vis = (size_t)record_list_rows(l);

	if (l->sel >= n)
		l->sel = n ? n - 1 : 0;
	/* without a list window there is no height to scroll by */
	if (l->lh <= 0)
		return;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + vis)
		l->top = l->sel - vis + 1;
	if (l->top + vis > n)
		l->top = n > vis ? n - vis : 0;
}

/* Wide terminals get the detail beside the list, 80 columns below it,
 * short ones the list alone (Enter shows the detail instead). */
void
record_list_layout(struct record_list *l, int y, int x, int h, int w)
{
	draw_delwin(&l->wlist);
	draw_delwin(&l->wdet);
	l->side = false;
	l->lw = l->dw = w;
	if (h <= 0 || w <= 0) {
		l->lh = l->dh = 0;
		return;
	}
	if (l->zoom) {
		l->lh = 0;
		l->dh = h;
	} else if (w >= 140 && h >= 6) {
		l->side = true;
		l->lh = l->dh = h;
		l->lw = w * 55 / 100;
		l->dw = w - l->lw;
	} else if (h >= 10) {
		l->lh = (h * 9) / 20;
		l->dh = h - l->lh;
	} else {
		l->lh = h;
		l->dh = 0;
	}
	if (l->lh > 0)
		l->wlist = draw_newwin(l->lh, l->lw, y, x);
	if (l->dh > 0)
		l->wdet = draw_newwin(l->dh, l->dw, l->side ? y : y + l->lh,
		    l->side ? x + l->lw : x);
	record_list_clamp(l);
}

/* The bytes of s's first cols columns (a wide character not split). */
static size_t
cols_end(const char *s, int cols)
{
	size_t o = 0;

	while (s[o]) {
		unsigned cp;
		int n = kz_utf8_decode(s + o, &cp), w;

		if (n <= 0)
			break;
		w = kz_cp_width(cp);
		if (w > cols)
			break;
		cols -= w < 0 ? 0 : w;
		o += (size_t)n;
	}
	return o;
}

/*
 * Row i; the selected one marked, and in reverse video when lit: its
 * marker and first cell, as a spreadsheet's cell, or (display.cursor:
 * row) the whole row. A row in reverse video is sent again whole to
 * light it and again to turn it off: in Chinese at 80 columns a move
 * wrote 196 bytes with whole rows, about 70 with first cells.
 */
static void
draw_row(struct record_list *l, size_t i, bool lit)
{
	char buf[ROWW];
	bool on = i == l->sel;
	int y = 1 + (int)(i - l->top), first;

	if (i < l->top || i >= l->top + (size_t)record_list_rows(l) ||
	    i >= count(l))
		return;
	buf[0] = on ? '>' : ' ';
	draw_first_cell();
	l->ops->row(l->arg, i, buf + 1, sizeof buf - 1, l->lw - 1);
	first = draw_first_cell();
	if (!on || !lit || draw_lit_row() || first < 1)
		draw_text(l->wlist, y, 0, l->lw, buf, on && lit ?
		    draw_attr(DRAW_SELECTED) : A_NORMAL);
	else {
		draw_text(l->wlist, y, 0, l->lw, buf, A_NORMAL);
		buf[cols_end(buf, 1 + first)] = '\0';
		draw_text(l->wlist, y, 0, 1 + first, buf,
		    draw_attr(DRAW_SELECTED));
	}
}

/* Lines of the menu's items the list window has room for, under its
 * title line and above its bottom line. */
static size_t
menu_rows(const struct record_list *l)
{
	size_t rows = l->lh > 3 ? (size_t)l->lh - 3 : 1;

	return rows < l->menu.n ? rows : l->menu.n;
}

/* A frame line of w columns with text in it: "+- Sort by -------+". */
static void
menu_rule(struct record_list *l, int y, int x, int w, const char *text)
{
	char line[1024];
	int o = snprintf(line, sizeof line, "+%s%s%s", *text ? "- " : "",
	    text, *text ? " " : "");
	int used = kz_text_width(line);

	for (; used < w - 1 && o < (int)sizeof line - 2; used++)
		line[o++] = '-';
	line[o++] = '+';
	line[o] = '\0';
	draw_text(l->wlist, y, x, w, line, draw_attr(DRAW_HEADER));
}

/* The menu in a frame over the list, from its second line, on rows
 * blanked across: a frame drawn over a row's Chinese or Japanese would
 * cut a wide character in two, which terminals draw each their own
 * way. */
static void
draw_menu(struct record_list *l)
{
	char line[512], fit[1024];
	int w = kz_text_width(l->menu.title) + 6, x = 2;
	size_t rows = menu_rows(l);

	for (size_t i = 0; i < l->menu.n; i++)
		if (kz_text_width(l->menu.items[i]) + 6 > w)
			w = kz_text_width(l->menu.items[i]) + 6;
	if (w > l->lw - x)
		w = l->lw - x;
	if (w > 200)
		w = 200;
	if (w < 8)
		return;
	if (l->menu.sel < l->menu.top)
		l->menu.top = l->menu.sel;
	if (l->menu.sel >= l->menu.top + rows)
		l->menu.top = l->menu.sel - rows + 1;
	for (int y = 1; y <= 2 + (int)rows && y < l->lh; y++)
		draw_text(l->wlist, y, 0, l->lw, "", A_NORMAL);
	kz_text_fit(line, sizeof line, l->menu.title, w - 6, false);
	menu_rule(l, 1, x, w, line);
	for (size_t r = 0; r < rows; r++) {
		size_t i = l->menu.top + r;
		bool on = i == l->menu.sel;

		kz_text_fit(line, sizeof line, l->menu.items[i], w - 6, true);
		snprintf(fit, sizeof fit, "| %c %s |", on ? '>' : ' ', line);
		draw_text(l->wlist, 2 + (int)r, x, w, fit, on ?
		    draw_attr(DRAW_SELECTED) : A_NORMAL);
	}
	if (2 + (int)rows < l->lh)
		menu_rule(l, 2 + (int)rows, x, w, "");
}

static void
draw_list(struct record_list *l, const char *empty, bool lit)
{
	char buf[ROWW];
	size_t n = count(l);

	werase(l->wlist);
	buf[0] = ' ';
	l->ops->row(l->arg, (size_t)-1, buf + 1, sizeof buf - 1, l->lw - 1);
	draw_text(l->wlist, 0, 0, l->lw, buf, draw_attr(DRAW_HEADER));
	for (size_t i = l->top; i < n && i < l->top + (size_t)record_list_rows(l);
	    i++)
		draw_row(l, i, lit);
	if (n == 0)
		draw_text(l->wlist, 1, 1, l->lw - 1, empty, draw_attr(DRAW_DIM));
	if (l->mode == RLIST_MENU)
		draw_menu(l);
}

static int
label_width(const struct record_list *l)
{
	int lw = l->labelw;

	for (size_t i = 0; l->labelw <= 0 && i < l->ndl; i++)
		if (l->dl[i].label && kz_text_width(l->dl[i].label) > lw)
			lw = kz_text_width(l->dl[i].label);
	if (l->labelw <= 0 && lw > LABELW)
		lw = LABELW;
	return lw < l->dw / 3 ? lw : l->dw / 3;
}

int
record_list_detail_width(const struct record_list *l)
{
	int x0 = l->side ? 2 : 0, w;

	/* a label column known beforehand leaves the text the rest */
	if (l->labelw > 0) {
		w = l->dw - x0 - label_width(l) - 1;
		return w > 0 ? w : 1;
	}
	w = l->dw - x0 - LABELW - 1;
	return w > 10 ? w : 10;
}

static void
dl_push(struct record_list *l, const char *label, const char *text, size_t len,
    bool heading)
{
	struct record_list_dline *d;

	if (l->ndl == l->capdl) {
		size_t cap = l->capdl ? l->capdl * 2 : 32;
		l->dl = xrealloc(l->dl, cap * sizeof *l->dl);
		l->capdl = cap;
	}
	d = &l->dl[l->ndl];
	d->label = label ? xstrdup(label) : NULL;
	d->text = xstrndup(text, len);
	d->heading = heading;
	l->ndl++;
}

struct wrapctx {
	struct record_list *l;
	const char *label;
};

static void
wrap_emit(void *arg, const char *line, size_t len)
{
	struct wrapctx *w = arg;

	dl_push(w->l, w->label, line, len, false);
	w->label = NULL;
}

void
record_list_detail_title(struct record_list *l, const char *title)
{
	snprintf(l->title, sizeof l->title, "%s", title ? title : "");
}

void
record_list_detail_add(struct record_list *l, const char *label, const char *text)
{
	struct wrapctx w = { l, label };

	if (text == NULL || *text == '\0')
		return;
	draw_wrap(text, l->dwidth, wrap_emit, &w);
}

void
record_list_detail_heading(struct record_list *l, const char *text)
{
	dl_push(l, NULL, text, strlen(text), true);
}

/* The columns s takes, at most max (at least 1, as draw_text wants). */
static int
text_w(const char *s, int max)
{
	int w = kz_text_width(s);

	return w < 1 ? 1 : w < max ? w : max;
}

static void
draw_detail(struct record_list *l)
{
	int x0 = l->side ? 2 : 0, cw = l->dw - x0, lw, rows = l->dh - 1;
	char pos[32];

	werase(l->wdet);
	if (l->side)
		for (int y = 0; y < l->dh; y++)
			draw_text(l->wdet, y, 0, 1, "|", draw_attr(DRAW_DIM));
	dl_clear(l);
	l->title[0] = '\0';
	/* labels are measured after the lines exist (unless the tab gave
	 * their width); wrap to the widest a label may be, which keeps the
	 * text inside the pane */
	l->dwidth = record_list_detail_width(l);
	if (count(l) > 0)
		l->ops->detail(l->arg, l, l->sel);
	lw = label_width(l);
	if (l->ndl > 0 && l->dscroll + (size_t)rows > l->ndl)
		l->dscroll = l->ndl > (size_t)rows ? l->ndl - (size_t)rows : 0;
	draw_text(l->wdet, 0, x0, cw, l->title, draw_attr(DRAW_HEADER));
	if (l->ndl == 0 && !l->title[0] && l->nodetail != NULL)
		draw_text(l->wdet, 1, x0, cw, _(l->nodetail),
		    draw_attr(DRAW_DIM));
	if (l->ndl > (size_t)rows && rows > 0) {
		snprintf(pos, sizeof pos, " %zu-%zu/%zu", l->dscroll + 1,
		    l->dscroll + (size_t)rows, l->ndl);
		if (kz_text_width(l->title) + 2 + (int)strlen(pos) < cw)
			draw_text(l->wdet, 0, l->dw - (int)strlen(pos),
			    (int)strlen(pos), pos, draw_attr(DRAW_HEADER));
	}
	for (int r = 0; r < rows && l->dscroll + (size_t)r < l->ndl; r++) {
		const struct record_list_dline *d = &l->dl[l->dscroll + (size_t)r];

		/* a label's own width in bold: the spaces after it are
		 * the window's, which curses need not send again */
		if (d->heading) {
			draw_text(l->wdet, 1 + r, x0, text_w(d->text, cw),
			    d->text, draw_attr(DRAW_LABEL));
			continue;
		}
		if (d->label)
			draw_text(l->wdet, 1 + r, x0, text_w(d->label, lw),
			    d->label, draw_attr(DRAW_LABEL));
		draw_text(l->wdet, 1 + r, x0 + lw + 1, cw - lw - 1, d->text,
		    A_NORMAL);
	}
}

static bool settle(struct record_list *l);

void
record_list_draw(struct record_list *l, unsigned flags)
{
	const char *empty;
	char words[512];

	/* a term typed in a burst is searched for once the keys stop */
	if (settle(l))
		flags |= UI_DRAW_LIST | UI_DRAW_DETAIL;
	/* a filter of the tab's that shows nothing is not an empty list */
	if (*record_list_term(l) || l->filter[0])
		empty = l->nomatch ? _(l->nomatch) :
		    _("Nothing matches the search.");
	else {
		snprintf(words, sizeof words, l->empty ? _(l->empty) :
		    _("Nothing here yet: press %s to add."),
		    keys_first(l->empty_key ? l->empty_key : KA_ADD));
		empty = words;
	}
	/*
	 * While the selection moves (keys come faster than the detail pane
	 * is drawn, which the frame leaves until they pause) only the '>'
	 * marker moves with it: a row in reverse video costs the whole row
	 * again to turn off, about 75 bytes in Chinese. With the detail
	 * pane the selected row is lit. So is it in the first frame after
	 * the detail was drawn: its lit row is turned off in that frame
	 * anyway, and a single move (the common one) then writes the new
	 * row once, not plain and then lit when the keys pause (a row the
	 * list scrolls in: about 80 bytes more).
	 */
	bool lit = (flags & UI_DRAW_DETAIL) != 0 || l->settled;

	if (l->wlist != NULL && ((flags & (UI_DRAW_LIST | UI_DRAW_ROWS)) ||
	    lit != l->lit)) {
		if (l->repaint && l->mode != RLIST_MENU) {
			redrawwin(l->wlist);
			l->repaint = false;
			flags |= UI_DRAW_LIST;
		}
		if (flags & UI_DRAW_LIST)
			draw_list(l, empty, lit);
		else {
			/* keys read before a frame may have moved the
			 * selection more than one row: off the row drawn
			 * with it */
			if (l->oldsel != l->sel)
				draw_row(l, l->oldsel, false);
			draw_row(l, l->sel, lit);
		}
		l->oldsel = l->sel;
		l->lit = lit;
		l->settled = (flags & UI_DRAW_DETAIL) != 0;
		wnoutrefresh(l->wlist);
	}
	if (l->wdet != NULL && (flags & UI_DRAW_DETAIL)) {
		draw_detail(l);
		wnoutrefresh(l->wdet);
		l->settled = true;
	}
}

unsigned
record_list_select(struct record_list *l, size_t to)
{
	size_t n = count(l), vis = (size_t)record_list_rows(l);

	if (n == 0)
		return 0;
	if (to >= n)
		to = n - 1;
	if (to == l->sel)
		return 0;
	l->sel = to;
	l->dscroll = 0;
	if (l->sel < l->top) {
		l->top = l->sel;
		return UI_DRAW_LIST | UI_DRAW_DETAIL;
	}
	if (l->sel >= l->top + vis) {
		l->top = l->sel - vis + 1;
		return UI_DRAW_LIST | UI_DRAW_DETAIL;
	}
	return UI_DRAW_ROWS | UI_DRAW_DETAIL;
}

static unsigned
rl_move(struct record_list *l, enum keys_action a)
{
	size_t page, n;

	if (l->ops->moves != NULL)
		return l->ops->moves(l->arg, a);
	page = (size_t)record_list_rows(l);
	n = count(l);
	switch (a) {
	case KA_UP:
		return l->sel > 0 ? record_list_select(l, l->sel - 1) : 0;
	case KA_DOWN:
		return record_list_select(l, l->sel + 1);
	case KA_PGUP:
		return record_list_select(l, l->sel > page ? l->sel - page : 0);
	case KA_PGDN:
		return record_list_select(l, l->sel + page);
	case KA_FIRST:
		return record_list_select(l, 0);
	case KA_LAST:
		if (l->ops->count_all != NULL)
			n = l->ops->count_all(l->arg);
		return n ? record_list_select(l, n - 1) : 0;
	default:
		return UI_PASS;
	}
}

static void refilter(struct record_list *l);

/* Sorted by column col, reversed or not: the rows read again. */
static unsigned
sort_by(struct record_list *l, int col, bool desc)
{
	l->sortcol = col;
	l->sortdesc = desc;
	refilter(l);
	return UI_DRAW_ALL;
}

static unsigned
sort_key(struct record_list *l, enum keys_action a)
{
	const char *items[32];
	int n = l->nsorts < 32 ? l->nsorts : 32;

	switch (a) {
	case KA_SORT_NEXT:
		return sort_by(l, (l->sortcol + 1) % n, false);
	case KA_SORT_PREV:
		return sort_by(l, (l->sortcol + n - 1) % n, false);
	case KA_SORT_REVERSE:
		return sort_by(l, l->sortcol, !l->sortdesc);
	default:
		for (int i = 0; i < n; i++)
			items[i] = _(l->sorts[i].head);
		return record_list_menu(l, RLIST_MENU_SORT, _("Sort by"), items,
		    (size_t)n, (size_t)l->sortcol);
	}
}

unsigned
record_list_browse(struct record_list *l, enum keys_action a)
{
	unsigned f = rl_move(l, a);

	if (f != UI_PASS)
		return f;
	switch (a) {
	case KA_ZOOM:
		l->zoom = !l->zoom;
		return UI_LAYOUT | UI_DRAW_ALL;
	case KA_DETAIL_DOWN:
		l->dscroll++;
		return UI_DRAW_DETAIL;
	case KA_DETAIL_UP:
		if (l->dscroll > 0)
			l->dscroll--;
		return UI_DRAW_DETAIL;
	case KA_SEARCH:
		l->mode = RLIST_SEARCH;
		form_line_edit(&l->term, KA_END, 0);
		return UI_DRAW_STATUS;
	case KA_CLEAR:
		return record_list_clear(l) ? UI_DRAW_ALL : 0;
	case KA_SORT_NEXT: case KA_SORT_PREV: case KA_SORT_REVERSE:
	case KA_SORT_MENU:
		return l->nsorts > 0 ? sort_key(l, a) : UI_PASS;
	default:
		return UI_PASS;
	}
}

static void
refilter(struct record_list *l)
{
	l->stale = false;
	if (l->ops->refilter != NULL)
		l->ops->refilter(l->arg);
}

/* The rows read again for the term as it is now, unless more keys are
 * waiting: a word an input method sends at once, or a pasted term, is
 * one query rather than one a character. True if they were read. */
static bool
settle(struct record_list *l)
{
	if (!l->stale || term_pending(stdscr))
		return false;
	refilter(l);
	return true;
}

unsigned
record_list_search_key(struct record_list *l, int key)
{
	enum keys_action a = keys_lookup(KEYS_SEARCH | KEYS_EDIT, key, true);
	unsigned f = rl_move(l, a);

	if (f != UI_PASS)
		return f | UI_DRAW_STATUS | (settle(l) ? UI_DRAW_ALL : 0);
	switch (a) {
	case KA_SEARCH_KEEP:
		l->mode = RLIST_BROWSE;
		if (l->stale) {
			refilter(l);
			return UI_DRAW_ALL;
		}
		return UI_DRAW_STATUS;
	case KA_SEARCH_CANCEL:
		l->mode = RLIST_BROWSE;
		form_line_set(&l->term, "");
		refilter(l);
		return UI_DRAW_ALL;
	case KA_REDRAW:
		return UI_PASS;
	default:
		if (form_line_edit(&l->term, a, key)) {
			l->stale = true;
			settle(l);
			return UI_DRAW_ALL;
		}
		return settle(l) ? UI_DRAW_ALL : UI_DRAW_STATUS;
	}
}

const char *
record_list_term(const struct record_list *l)
{
	return form_line_text(&l->term);
}

bool
record_list_clear(struct record_list *l)
{
	if (!*record_list_term(l))
		return false;
	form_line_set(&l->term, "");
	refilter(l);
	return true;
}

const char *
record_list_sort_spec(const struct record_list *l, char *buf, size_t size)
{
	if (l->nsorts <= 0 || l->sortcol < 0 || l->sortcol >= l->nsorts)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%s%s", l->sortdesc ? "-" : "",
		    l->sorts[l->sortcol].key);
	return buf;
}

const char *
record_list_head(const struct record_list *l, const char *key,
    const char *head, char *buf, size_t size)
{
	bool on = l->nsorts > 0 && l->sortcol >= 0 && l->sortcol < l->nsorts &&
	    strcmp(l->sorts[l->sortcol].key, key) == 0;

	/* ASCII marks: arrows are drawn two wide on CJK terminals */
	snprintf(buf, size, "%s%s", _(head), !on ? "" : l->sortdesc ? " v" :
	    " ^");
	return buf;
}

unsigned
record_list_menu(struct record_list *l, int id, const char *title,
    const char *const *items, size_t n, size_t sel)
{
	bool zoomed = l->zoom;

	menu_clear(l);
	l->menu.items = xcalloc(n ? n : 1, sizeof *l->menu.items);
	for (size_t i = 0; i < n; i++)
		l->menu.items[i] = xstrdup(items[i]);
	l->menu.n = n;
	l->menu.id = id;
	l->menu.sel = sel < n ? sel : 0;
	l->menu.top = 0;
	snprintf(l->menu.title, sizeof l->menu.title, "%s", title);
	l->mode = RLIST_MENU;
	/* the menu is drawn over the list: show it */
	l->zoom = false;
	return zoomed ? UI_LAYOUT | UI_DRAW_ALL : UI_DRAW_LIST | UI_DRAW_STATUS;
}

unsigned
record_list_menu_key(struct record_list *l, int key)
{
	enum keys_action a = keys_lookup(KEYS_MENU, key, false);
	size_t sel = l->menu.sel;

	switch (a) {
	case KA_UP:
		l->menu.sel = sel > 0 ? sel - 1 : l->menu.n - 1;
		return UI_DRAW_LIST;
	case KA_DOWN:
		l->menu.sel = sel + 1 < l->menu.n ? sel + 1 : 0;
		return UI_DRAW_LIST;
	case KA_FIRST:
		l->menu.sel = 0;
		return UI_DRAW_LIST;
	case KA_LAST:
		l->menu.sel = l->menu.n ? l->menu.n - 1 : 0;
		return UI_DRAW_LIST;
	case KA_CANCEL:
		l->mode = RLIST_BROWSE;
		l->repaint = true;
		return UI_DRAW_ALL;
	case KA_ACCEPT:
		l->mode = RLIST_BROWSE;
		l->repaint = true;
		if (l->menu.n == 0)
			return UI_DRAW_ALL;
		if (l->menu.id == RLIST_MENU_SORT)
			/* the column it is sorted by again: the reverse */
			return sort_by(l, (int)sel, (int)sel == l->sortcol &&
			    !l->sortdesc);
		return l->ops->chosen ? l->ops->chosen(l->arg, l->menu.id, sel) |
		    UI_DRAW_ALL : UI_DRAW_ALL;
	default:
		return 0;
	}
}

void
record_list_ask(struct record_list *l, const char *question)
{
	snprintf(l->question, sizeof l->question, "%s", question);
	l->mode = RLIST_CONFIRM;
}

unsigned
record_list_delete_ask(struct record_list *l, struct frame_ctx *ctx,
    const char *id, const struct record_list_delete *d, const char *question)
{
	struct kz_err err = { 0 };

	if (id == NULL)
		return 0;
	if (d->can && d->can(ctx->db, id, &err) != KZ_OK) {
		frame_error(ctx, &err);
		return UI_DRAW_STATUS;
	}
	record_list_ask(l, question);
	return UI_DRAW_STATUS;
}

unsigned
record_list_delete_key(struct record_list *l, struct frame_ctx *ctx, int key, const char *id,
    const struct record_list_delete *d)
{
	enum keys_action a = keys_lookup(KEYS_CONFIRM, key, false);
	struct kz_err err = { 0 };
	char keep[KZ_ID_SIZE];

	if (a != KA_YES && a != KA_NO)
		return 0;
	l->mode = RLIST_BROWSE;
	if (a == KA_NO || id == NULL) {
		frame_message(ctx, false, "%s", _("Nothing deleted."));
		return UI_DRAW_STATUS;
	}
	/* the row, and id with it, goes when done reads the rows again */
	snprintf(keep, sizeof keep, "%s", id);
	if (d->del(ctx->db, keep, &err) != KZ_OK) {
		frame_error(ctx, &err);
		return UI_DRAW_STATUS;
	}
	d->done(l->arg, keep);
	return UI_DRAW_ALL;
}

int
record_list_status(struct record_list *l, WINDOW *w, int width, const char *count_text)
{
	char buf[640];
	int x;

	if (l->mode == RLIST_SEARCH) {
		draw_text(w, 0, 0, 1, "/", A_BOLD);
		if (width > 30 && count_text) {
			width -= (int)strlen(count_text);
			draw_text(w, 0, width, (int)strlen(count_text),
			    count_text, draw_attr(DRAW_DIM));
		}
		x = form_line_draw(&l->term, w, 0, 1, width - 1, A_NORMAL);
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	if (l->mode == RLIST_CONFIRM) {
		/* too long: wrapped over the rows above, never cut; the
		 * keys that answer it end it */
		snprintf(buf, sizeof buf, "%s %s", l->question, keys_yesno());
		x = draw_prompt(w, width, buf, draw_attr(DRAW_ERROR));
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	if (l->mode == RLIST_MENU)
		return 0;
	buf[0] = '\0';
	if (l->filter[0])
		snprintf(buf, sizeof buf, "[%s] ", l->filter);
	if (*record_list_term(l))
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "[/%s] ",
		    record_list_term(l));
	if (buf[0])
		return draw_text(w, 0, 0, kz_text_width(buf) < width / 2 ?
		    kz_text_width(buf) : width / 2, buf, A_BOLD);
	return 0;
}

unsigned
record_list_keyctx(const struct record_list *l, unsigned browse, bool *text)
{
	*text = l->mode == RLIST_SEARCH;
	if (l->mode == RLIST_SEARCH)
		return KEYS_SEARCH;
	if (l->mode == RLIST_CONFIRM)
		return KEYS_CONFIRM;
	if (l->mode == RLIST_MENU)
		return KEYS_MENU;
	/* more of the record below its pane: J is worth a hint */
	if (l->wdet && l->ndl > l->dscroll + (size_t)(l->dh > 1 ? l->dh - 1 :
	    1))
		browse |= KEYS_MORE;
	return browse;
}

/* ---- a detail row in columns ---- */

struct cell {
	char **line;
	size_t n;
};

static void
cell_emit(void *arg, const char *line, size_t len)
{
	struct cell *c = arg;
	c->line = xrealloc(c->line, (c->n + 1) * sizeof *c->line);
	c->line[c->n++] = xstrndup(line, len);
}

static void
cell_free(struct cell *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->line[i]);
	free(c->line);
	memset(c, 0, sizeof *c);
}

void
record_list_detail_columns(struct record_list *l, const char *label,
    const char *const *text, int ns, int cw)
{
	struct cell cells[RLIST_COLUMNS] = { { 0 } };
	size_t rows = 1;
	char line[2048];

	if (ns > RLIST_COLUMNS)
		ns = RLIST_COLUMNS;

	for (int s = 0; s < ns; s++) {
		draw_wrap(text[s], cw, cell_emit, &cells[s]);
		if (cells[s].n > rows)
			rows = cells[s].n;
	}
	for (size_t r = 0; r < rows; r++) {
		size_t o = 0;

		for (int s = 0; s < ns && o + 8 < sizeof line; s++) {
			kz_text_fit(line + o, sizeof line - o - 3, r < cells[s].n ?
			    cells[s].line[r] : "", cw, s + 1 < ns);
			o += strlen(line + o);
			if (s + 1 < ns) {
				memcpy(line + o, "  ", 3);
				o += 2;
			}
		}
		/* an empty first cell still keeps the row's place */
		record_list_detail_add(l, r == 0 ? label : NULL, o ? line : " ");
	}
	for (int s = 0; s < ns; s++)
		cell_free(&cells[s]);
}
