/* record_list.h - a list of records with a detail pane, search and a yes/no question, for record tabs. */
#ifndef KZ_RECORD_LIST_H
#define KZ_RECORD_LIST_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "form.h"
#include "keys.h"

struct record_list;

/* What the tab that owns the list provides. */
struct record_list_ops {
	size_t (*count)(void *arg);
	/* Row i as text fitted to width columns; i == (size_t)-1 is the
	 * header. */
	void (*row)(void *arg, size_t i, char *buf, size_t size, int width);
	/* Fill the detail pane for row sel with record_list_detail_add. */
	void (*detail)(void *arg, struct record_list *l, size_t sel);
	/* Read the rows again after the search changed; NULL for a list
	 * that is not searched. */
	void (*refilter)(void *arg);
	/* Optional: the tab's own moves, for a list it lays out and draws
	 * itself (then row and detail may be NULL); NULL: a row a record. */
	unsigned (*moves)(void *arg, enum keys_action a);
};

struct record_list_dline {
	char *label;		/* NULL: a continuation line */
	char *text;
	bool heading;		/* a section title across the pane */
};

struct record_list {
	const struct record_list_ops *ops;
	void *arg;
	size_t sel, oldsel, top;
	bool zoom;		/* the detail fills the body */
	enum { RLIST_BROWSE, RLIST_SEARCH, RLIST_CONFIRM } mode;
	struct form_line term;
	char question[512];	/* RLIST_CONFIRM */
	char title[512];	/* detail heading */
	/* N_() words for an empty list, without and with a search, and for
	 * a detail pane left empty; NULL: the usual words (none for the
	 * detail). Set by the tab. A %s in empty is the key of empty_key
	 * (KA_NONE: of KA_ADD), the one to press. */
	const char *empty, *nomatch, *nodetail;
	enum keys_action empty_key;
	/* The label column: the widest label the tab ever shows, so that
	 * it stays put from record to record; 0: the widest shown. */
	int labelw;
	struct record_list_dline *dl;
	size_t ndl, capdl, dscroll;
	int dwidth;		/* text width of the detail being built */
	WINDOW *wlist, *wdet;
	int lh, lw, dh, dw;
	bool side;
};

void record_list_init(struct record_list *l, const struct record_list_ops *ops, void *arg);
void record_list_free(struct record_list *l);
void record_list_layout(struct record_list *l, int y, int x, int h, int w);
void record_list_draw(struct record_list *l, unsigned flags);
/* Rows of records the list window shows, at least 1. */
int record_list_rows(const struct record_list *l);
/* Keep the selection inside the rows after they changed. */
void record_list_clamp(struct record_list *l);
/* Select row i (scrolling to it); UI_* flags. */
unsigned record_list_select(struct record_list *l, size_t i);
/* Moves, detail scrolling, Enter (zoom), starting and clearing a search
 * in browse mode; UI_PASS when the action is not one of them. */
unsigned record_list_browse(struct record_list *l, enum keys_action a);
/* A key while searching (the rows are read again as the term changes). */
unsigned record_list_search_key(struct record_list *l, int key);
const char *record_list_term(const struct record_list *l);
/* Clear the search and read the rows again; false if there was none. */
bool record_list_clear(struct record_list *l);
/* Ask a yes/no question on the status line; the keys that answer it
 * follow it, "(y/n)". */
void record_list_ask(struct record_list *l, const char *question);

/* What deleting a record of the list takes, for record_list_delete_key. */
struct record_list_delete {
	int (*del)(struct kz_db *db, const char *id, struct kz_err *err);
	/* Optional: what del would refuse, said before anything is asked
	 * (a request with dispatches); NULL: it can always be deleted. */
	int (*can)(struct kz_db *db, const char *id, struct kz_err *err);
	/* After the delete: read the rows again and say what went. */
	void (*done)(void *arg, const char *id);
};
/* Ask "Delete ...? (y/n)" about record id, or, when d->can says it
 * cannot be deleted, say why at once and ask nothing. UI_* flags. */
unsigned record_list_delete_ask(struct record_list *l, struct frame_ctx *ctx,
    const char *id, const struct record_list_delete *d, const char *question);
/* A key while "Delete ...? (y/n)" is asked about record id (NULL: none
 * is selected): yes deletes it, a failure going to the status line; yes
 * or no ends the question. UI_* flags. */
unsigned record_list_delete_key(struct record_list *l, struct frame_ctx *ctx, int key,
    const char *id, const struct record_list_delete *d);
/* The status line: the search prompt, the question, or the filter. */
int record_list_status(struct record_list *l, WINDOW *w, int width, const char *count);
unsigned record_list_keyctx(const struct record_list *l, unsigned browse, bool *text);

/* Building the detail pane (from ops->detail). */
void record_list_detail_title(struct record_list *l, const char *title);
void record_list_detail_add(struct record_list *l, const char *label, const char *text);
void record_list_detail_heading(struct record_list *l, const char *text);
/* Width of the text column of the detail pane. */
int record_list_detail_width(const struct record_list *l);

#endif
