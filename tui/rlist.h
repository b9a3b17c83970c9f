/* rlist.h - a list of records with a detail pane, search and a yes/no question, for record tabs. */
#ifndef KZ_RLIST_H
#define KZ_RLIST_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "form.h"
#include "keys.h"

struct rlist;

/* What the tab that owns the list provides. */
struct rlist_ops {
	size_t (*count)(void *arg);
	/* Row i as text fitted to width columns; i == (size_t)-1 is the
	 * header. */
	void (*row)(void *arg, size_t i, char *buf, size_t size, int width);
	/* Fill the detail pane for row sel with rlist_detail_add. */
	void (*detail)(void *arg, struct rlist *l, size_t sel);
};

struct rlist_dline {
	char *label;		/* NULL: a continuation line */
	char *text;
	bool heading;		/* a section title across the pane */
};

struct rlist {
	const struct rlist_ops *ops;
	void *arg;
	size_t sel, oldsel, top;
	bool zoom;		/* the detail fills the body */
	enum { RLIST_BROWSE, RLIST_SEARCH, RLIST_CONFIRM } mode;
	struct form_line term;
	char question[256];	/* RLIST_CONFIRM */
	char title[256];	/* detail heading */
	struct rlist_dline *dl;
	size_t ndl, capdl, dscroll;
	int dwidth;		/* text width of the detail being built */
	WINDOW *wlist, *wdet;
	int lh, lw, dh, dw;
	bool side;
};

void rlist_init(struct rlist *l, const struct rlist_ops *ops, void *arg);
void rlist_free(struct rlist *l);
void rlist_layout(struct rlist *l, int y, int x, int h, int w);
void rlist_draw(struct rlist *l, unsigned flags);
/* Keep the selection inside the rows after they changed. */
void rlist_clamp(struct rlist *l);
/* Select row i (scrolling to it); UI_* flags. */
unsigned rlist_select(struct rlist *l, size_t i);
/* Moves, detail scrolling and Enter (zoom) in browse mode; UI_PASS when
 * the action is not one of them. */
unsigned rlist_browse(struct rlist *l, enum keys_action a);
/* A key while searching; *changed when the term changed (reload). */
unsigned rlist_search_key(struct rlist *l, int key, bool *changed);
const char *rlist_term(const struct rlist *l);
/* Ask a yes/no question on the status line. */
void rlist_ask(struct rlist *l, const char *question);
/* The status line: the search prompt, the question, or the filter. */
int rlist_status(struct rlist *l, WINDOW *w, int width, const char *count);
unsigned rlist_keyctx(const struct rlist *l, unsigned browse, bool *text);

/* Building the detail pane (from ops->detail). */
void rlist_detail_title(struct rlist *l, const char *title);
void rlist_detail_add(struct rlist *l, const char *label, const char *text);
void rlist_detail_heading(struct rlist *l, const char *text);
/* Width of the text column of the detail pane. */
int rlist_detail_width(const struct rlist *l);

#endif
