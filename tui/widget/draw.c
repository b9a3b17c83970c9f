/* draw.c - drawing helpers: attributes, fitted text and cells, wrapping, the pager. */
#include "draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"
#include "keys.h"
#include "line.h"
#include "term.h"
#include "text.h"
#include "xalloc.h"

/* Longest row we ever draw, in columns; wider terminals get it padded. */
#define DRAW_MAXW 1024

static attr_t draw_attrs[DRAW_ROLES];
/* The width of the first cell of the row draw_cell last began, and
 * whether a list lights its selected row whole (display.cursor). */
static int first_cell;
static bool lit_row;

/* The history keeps the last this many messages. */
#define FRAME_HIST 200

void
frame_message(struct frame_ctx *ctx, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
	va_end(ap);
	ctx->msg_error = error;
	if (ctx->msg[0] == '\0')
		return;
	if (ctx->hist == NULL)
		ctx->hist = xcalloc(FRAME_HIST, sizeof *ctx->hist);
	if (ctx->nhist == FRAME_HIST) {
		free(ctx->hist[0]);
		memmove(ctx->hist, ctx->hist + 1, (FRAME_HIST - 1) *
		    sizeof *ctx->hist);
		ctx->nhist--;
	}
	ctx->hist[ctx->nhist++] = xstrdup(ctx->msg);
}

bool
frame_err_place(const char *where)
{
	return where && strpbrk(where, "0123456789") != NULL;
}

void
frame_error(struct frame_ctx *ctx, const struct kz_err *err)
{
	char buf[KZ_ERR_MSG + 100];

	if (err && err->n > 0 && !frame_err_place(err->item[0].where))
		frame_message(ctx, true, "%s", err->item[0].msg);
	else
		frame_message(ctx, true, "%s", kz_err_first(err, buf,
		    sizeof buf));
}

void
frame_messages(struct frame_ctx *ctx)
{
	char *none[] = { (char *)_("No messages yet.") };

	if (ctx->nhist == 0)
		draw_pager(_("Messages"), none, 1, 0);
	else
		draw_pager(_("Messages"), ctx->hist, ctx->nhist,
		    ctx->nhist > 1 ? ctx->nhist - 1 : 0);
}

void
frame_ctx_free(struct frame_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nhist; i++)
		free(ctx->hist[i]);
	free(ctx->hist);
	ctx->hist = NULL;
	ctx->nhist = 0;
}

void
frame_show(struct frame_ctx *ctx, const char *tab, const char *id,
    bool go)
{
	ctx->want = tab;
	snprintf(ctx->want_id, sizeof ctx->want_id, "%s", id ? id : "");
	ctx->want_go = go;
}

/*
 * Every role is readable without colour: selection is reverse video,
 * titles reverse, headers and labels bold, errors bold. Colour is added
 * on top, never relied on (https://no-color.org: any non-empty NO_COLOR
 * turns it off).
 */
void
draw_init(void)
{
	const char *nc = getenv("NO_COLOR");
	bool colour = has_colors() && (nc == NULL || *nc == '\0');

	draw_attrs[DRAW_PLAIN] = A_NORMAL;
	draw_attrs[DRAW_TITLE] = A_REVERSE;
	draw_attrs[DRAW_TAB] = A_NORMAL;
	draw_attrs[DRAW_TAB_ON] = A_REVERSE | A_BOLD;
	draw_attrs[DRAW_HEADER] = A_BOLD | A_UNDERLINE;
	draw_attrs[DRAW_SELECTED] = A_REVERSE;
	draw_attrs[DRAW_LABEL] = A_BOLD;
	draw_attrs[DRAW_ERROR] = A_BOLD;
	draw_attrs[DRAW_DIM] = A_DIM;
	draw_attrs[DRAW_KEYHINT] = A_NORMAL;
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_CYAN, -1);
	init_pair(4, COLOR_YELLOW, -1);
	draw_attrs[DRAW_TITLE] = COLOR_PAIR(1) | A_BOLD;
	draw_attrs[DRAW_ERROR] = COLOR_PAIR(2) | A_BOLD;
	draw_attrs[DRAW_LABEL] = COLOR_PAIR(3) | A_BOLD;
	draw_attrs[DRAW_KEYHINT] = COLOR_PAIR(4);
}

attr_t
draw_attr(enum draw_role role)
{
	return role < DRAW_ROLES ? draw_attrs[role] : A_NORMAL;
}

int
draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	char buf[DRAW_MAXW * 4 + 8];
	int used;

	if (w == NULL || width < 1 || y < 0 || x < 0 || y >= getmaxy(w) ||
	    x >= getmaxx(w))
		return 0;
	if (width > getmaxx(w) - x)
		width = getmaxx(w) - x;
	if (width > DRAW_MAXW)
		width = DRAW_MAXW;
	used = kz_text_fit(buf, sizeof buf, s, width, true);
	wattrset(w, attr);
	/* Writing the bottom-right cell returns ERR (the cursor cannot
	 * advance) although the text is drawn: nothing to handle. */
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
	return used;
}

size_t
draw_cell(char *buf, size_t size, size_t o, const char *s, int width,
    bool last)
{
	if (width < 1 || o + 8 >= size)
		return o;
	if (o == 0)
		first_cell = last ? 0 : width;
	kz_text_fit(buf + o, size - o - 2, s ? s : "", width, !last);
	o += strlen(buf + o);
	if (!last)
		buf[o++] = ' ';
	buf[o] = '\0';
	return o;
}

int
draw_first_cell(void)
{
	int w = first_cell;

	first_cell = 0;
	return w;
}

void
draw_set_lit_row(bool whole)
{
	lit_row = whole;
}

bool
draw_lit_row(void)
{
	return lit_row;
}

void
draw_cells(char *buf, size_t size, const char *const *v, const int *w, int n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		o = draw_cell(buf, size, o, v[i], w[i], i + 1 == n);
}

void
draw_bar(WINDOW *w, int y, int width, const char *left, const char *right,
    attr_t attr)
{
	int lw = kz_text_width(left), rw = right ? kz_text_width(right) : 0;

	draw_text(w, y, 0, width, left, attr);
	if (right != NULL && lw + 2 + rw <= width)
		draw_text(w, y, width - rw, rw, right, attr);
}

struct draw_note {
	WINDOW *w;
	int y, h, width;
};

static void
draw_note_line(void *arg, const char *line, size_t len)
{
	struct draw_note *n = arg;
	char buf[256];

	if (n->y >= n->h)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)len, line);
	draw_text(n->w, n->y++, 0, n->width, buf, draw_attr(DRAW_ERROR));
}

void
draw_too_small(WINDOW *w)
{
	struct draw_note n = { w, 0, 0, 0 };

	if (w == NULL)
		return;
	getmaxyx(w, n.h, n.width);
	werase(w);
	/* Wrapped, so that at 20 columns the note still reads whole. */
	draw_wrap(_("terminal too small"), n.width, draw_note_line, &n);
	wnoutrefresh(w);
}

void
draw_wrap(const char *s, int width,
    void (*emit)(void *arg, const char *line, size_t len), void *arg)
{
	const char *p = s ? s : "";

	if (width < 1)
		width = 1;
	while (*p) {
		const char *start = p, *space = NULL, *wide = NULL, *q = p;
		int col = 0;
		unsigned cp;
		int k;

		while ((k = kz_utf8_decode(q, &cp)) > 0) {
			int cw = kz_cp_width(cp);

			if (cp == '\n')
				break;
			if (col + cw > width)
				break;
			if (cp == ' ')
				space = q;
			col += cw;
			q += k;
			/* CJK text breaks after any wide character, so a
			 * list joined with 、 breaks between its words;
			 * Korean, spaced between words, only at a space. */
			if (cw == 2 && !kz_cp_is_hangul(cp))
				wide = q;
		}
		if (*q != '\0' && *q != '\n' && wide != NULL &&
		    (space == NULL || wide > space)) {
			emit(arg, start, (size_t)(wide - start));
			p = wide;
			while (*p == ' ')
				p++;
			continue;
		}
		if (*q == '\0') {
			emit(arg, start, (size_t)(q - start));
			return;
		}
		if (*q == '\n') {
			emit(arg, start, (size_t)(q - start));
			p = q + 1;
			continue;
		}
		if (space != NULL && space > start) {
			emit(arg, start, (size_t)(space - start));
			p = space + 1;
		} else if (q == start) {
			/* Not even one character fits: give it its own line
			 * and let the drawing cut it. */
			k = kz_utf8_decode(q, &cp);
			emit(arg, start, (size_t)k);
			p = q + k;
		} else {
			emit(arg, start, (size_t)(q - start));
			p = q;
		}
		while (*p == ' ')
			p++;
	}
}

int
draw_getkey(WINDOW *w)
{
	return term_getkey(w, -1);
}

/* ---- a prompt wider than the status line ---- */

static WINDOW *prompt_above;	/* its first rows, above the status line */

struct prompt_rows {
	char line[8][512];
	int n;
};

static void
prompt_row(void *arg, const char *line, size_t len)
{
	struct prompt_rows *r = arg;

	if (r->n < 8)
		snprintf(r->line[r->n++], sizeof r->line[0], "%.*s", (int)len,
		    line);
}

/* s on the status line from its start, as wide as it is (not padded:
 * the typing or the cursor goes after it). */
static int
prompt_text(WINDOW *w, int width, const char *s, attr_t attr)
{
	int tw = kz_text_width(s);

	return draw_text(w, 0, 0, tw < width ? tw : width, s, attr);
}

/* Rows first..last-1 of r over the screen above the status line. */
static void
prompt_show_above(const struct prompt_rows *r, int last, attr_t attr)
{
	int above = last < LINES - 3 ? last : LINES - 3;

	draw_delwin(&prompt_above);
	if (above <= 0 || (prompt_above = draw_newwin(above, COLS,
	    LINES - 1 - above, 0)) == NULL)
		return;
	for (int i = 0; i < above; i++)
		draw_text(prompt_above, i, 0, COLS, r->line[last - above + i],
		    attr);
	wnoutrefresh(prompt_above);
}

int
draw_prompt(WINDOW *w, int width, const char *text, attr_t attr)
{
	static struct prompt_rows r;

	r.n = 0;
	draw_delwin(&prompt_above);
	if (kz_text_width(text) <= width)
		return prompt_text(w, width, text, attr);
	draw_wrap(text, width, prompt_row, &r);
	if (r.n == 0)
		return 0;
	prompt_show_above(&r, r.n - 1, attr);
	return prompt_text(w, width, r.line[r.n - 1], attr);
}

int
draw_prompt_label(WINDOW *w, int width, const char *label, attr_t attr)
{
	static struct prompt_rows r;

	r.n = 0;
	draw_delwin(&prompt_above);
	if (kz_text_width(label) <= width / 2)
		return prompt_text(w, width, label, attr);
	draw_wrap(label, width, prompt_row, &r);
	prompt_show_above(&r, r.n, attr);
	return 0;
}

bool
draw_prompt_clear(void)
{
	bool had = prompt_above != NULL;

	draw_delwin(&prompt_above);
	return had;
}

WINDOW *
draw_newwin(int h, int w, int y, int x)
{
	/* newwin treats 0 as "to the edge": never pass it by accident. */
	if (h < 1 || w < 1 || y < 0 || x < 0 || y + h > LINES || x + w > COLS)
		return NULL;
	return newwin(h, w, y, x);
}

void
draw_delwin(WINDOW **w)
{
	if (*w != NULL) {
		delwin(*w);
		*w = NULL;
	}
}

/* The first line from `from` on (wrapping round) that holds term, folded
 * as every search is; -1 if none. */
static long
pager_find(char **lines, size_t n, size_t from, const char *term)
{
	if (!*term)
		return -1;
	for (size_t k = 0; k < n; k++) {
		size_t i = (from + k) % n;

		if (kz_fold_contains(lines[i], term))
			return (long)i;
	}
	return -1;
}

void
draw_pager(const char *title, char **lines, size_t n, size_t start)
{
	WINDOW *w = NULL;
	size_t top = start < n ? start : 0;
	long hit = -1;		/* the line the search found */
	bool layout = true, typing = false;
	struct form_line term = { 0 };
	char hints[256], pos[64];

	keys_hints(KEYS_PAGER, false, 0, hints, sizeof hints);
	form_line_set(&term, "");
	for (;;) {
		int h, width, rows, key;
		size_t maxtop;
		enum keys_action a;

		if (layout) {
			if (w != stdscr)
				draw_delwin(&w);
			w = draw_newwin(LINES, COLS, 0, 0);
			if (w == NULL)
				w = stdscr;
			layout = false;
		}
		getmaxyx(w, h, width);
		rows = h - 2;
		maxtop = n > (size_t)(rows > 0 ? rows : 0) ?
		    n - (size_t)rows : 0;
		if (top > maxtop)
			top = maxtop;
		if (term_pending(w))
			;	/* keys waiting: read them first, draw once */
		else if (h < 3 || width < 10) {
			draw_too_small(w);
			doupdate();
		} else {
			werase(w);
			snprintf(pos, sizeof pos, "%zu-%zu/%zu", n ? top + 1 : 0,
			    top + (size_t)rows < n ? top + (size_t)rows : n, n);
			draw_bar(w, 0, width, title, pos, draw_attr(DRAW_TITLE));
			for (int i = 0; i < rows && top + (size_t)i < n; i++) {
				const char *l = lines[top + (size_t)i];

				/* Section titles are the lines that do not
				 * start with a space; the search's line is
				 * shown selected. */
				draw_text(w, 1 + i, 0, width, l,
				    (long)(top + (size_t)i) == hit ?
				    draw_attr(DRAW_SELECTED) : l[0] != ' ' ?
				    draw_attr(DRAW_HEADER) : A_NORMAL);
			}
			if (typing) {
				mvwaddstr(w, h - 1, 0, "/");
				wclrtoeol(w);
				int x = form_line_draw(&term, w, h - 1, 1,
				    width - 1, A_NORMAL);

				wmove(w, h - 1, x < width ? x : width - 1);
			} else
				draw_text(w, h - 1, 0, width, hints,
				    draw_attr(DRAW_KEYHINT));
			curs_set(typing ? 1 : 0);
			wnoutrefresh(w);
			doupdate();
		}

		key = draw_getkey(w);
		if (key == (KEYS_FN | KEY_RESIZE)) {
			layout = true;
			continue;
		}
		if (typing) {
			/* as the term changes, the first line holding it */
			switch ((a = keys_lookup(KEYS_SEARCH | KEYS_EDIT, key,
			    true))) {
			case KA_SEARCH_KEEP:
				typing = false;
				break;
			case KA_SEARCH_CANCEL:
				typing = false;
				form_line_set(&term, "");
				hit = -1;
				break;
			default:
				if (form_line_edit(&term, a, key) &&
				    (hit = pager_find(lines, n, top,
				    form_line_text(&term))) >= 0)
					top = (size_t)hit;
				break;
			}
			continue;
		}
		switch (keys_lookup(KEYS_PAGER, key, false)) {
		case KA_UP:
			if (top > 0)
				top--;
			break;
		case KA_DOWN:
			if (top < maxtop)
				top++;
			break;
		case KA_PGUP:
			top = top > (size_t)rows ? top - (size_t)rows : 0;
			break;
		case KA_PGDN:
			top += rows > 0 ? (size_t)rows : 1;
			break;
		case KA_FIRST:
			top = 0;
			break;
		case KA_LAST:
			top = maxtop;
			break;
		case KA_REDRAW:
			clearok(curscr, TRUE);
			break;
		case KA_SEARCH:
			typing = true;
			form_line_set(&term, "");
			hit = -1;
			break;
		case KA_SEARCH_NEXT:
			if (n > 0 && (hit = pager_find(lines, n, (hit >= 0 ?
			    (size_t)hit : top) + 1, form_line_text(&term))) >= 0)
				top = (size_t)hit;
			break;
		case KA_CLOSE:
			if (w != stdscr)
				draw_delwin(&w);
			form_line_free(&term);
			curs_set(0);
			return;
		default:
			break;
		}
	}
}

void
draw_help(unsigned ctx)
{
	size_t n;
	char **lines = keys_help_lines(&n);

	if (lines == NULL)
		return;
	draw_pager(_("Keys"), lines, n, keys_help_section(lines, n, ctx));
	keys_free_lines(lines, n);
}
