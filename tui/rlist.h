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
	/* Read the rows again after the search changed; NULL for a list
	 * that is not searched. */
	void (*refilter)(void *arg);
	/* Optional: the tab's own moves, for a list it lays out and draws
	 * itself (then row and detail may be NULL); NULL: a row a record. */
	unsigned (*moves)(void *arg, enum keys_action a);
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
	char question[512];	/* RLIST_CONFIRM */
	char title[512];	/* detail heading */
	/* N_() words for an empty list, without and with a search, and for
	 * a detail pane left empty; NULL: the usual words (none for the
	 * detail). Set by the tab. */
	const char *empty, *nomatch, *nodetail;
	/* The label column: the widest label the tab ever shows, so that
	 * it stays put from record to record; 0: the widest shown. */
	int labelw;
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
/* Rows of records the list window shows, at least 1. */
int rlist_rows(const struct rlist *l);
/* Keep the selection inside the rows after they changed. */
void rlist_clamp(struct rlist *l);
/* Select row i (scrolling to it); UI_* flags. */
unsigned rlist_select(struct rlist *l, size_t i);
/* Moves, detail scrolling, Enter (zoom), starting and clearing a search
 * in browse mode; UI_PASS when the action is not one of them. */
unsigned rlist_browse(struct rlist *l, enum keys_action a);
/* A key while searching (the rows are read again as the term changes). */
unsigned rlist_search_key(struct rlist *l, int key);
const char *rlist_term(const struct rlist *l);
/* Clear the search and read the rows again; false if there was none. */
bool rlist_clear(struct rlist *l);
/* Ask a yes/no question on the status line. */
void rlist_ask(struct rlist *l, const char *question);

/* What deleting a record of the list takes, for rlist_delete_key. */
struct rlist_delete {
	int (*del)(struct kz_db *db, const char *id, struct kz_err *err);
	/* After the delete: read the rows again and say what went. */
	void (*done)(void *arg, const char *id);
};
/* A key while "Delete ...? (y/n)" is asked about record id (NULL: none
 * is selected): yes deletes it, a failure going to the status line; yes
 * or no ends the question. UI_* flags. */
unsigned rlist_delete_key(struct rlist *l, struct ui_ctx *ctx, int key,
    const char *id, const struct rlist_delete *d);
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
