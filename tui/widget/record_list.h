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
	/* The rows known to be there: a list read a window at a time
	 * (core/rwin.h) may know of more later. */
	size_t (*count)(void *arg);
	/* Optional: every row, counted now (End goes to the last one);
	 * NULL: count is all of them. */
	size_t (*count_all)(void *arg);
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
	/* Optional: item of the tab's menu id was chosen
	 * (record_list_menu); UI_* flags. */
	unsigned (*chosen)(void *arg, int id, size_t item);
};

/* A column the list can be sorted by: its key in the core list, as
 * --sort takes it (kz_rlist_key: "name"), and its title (N_()). */
struct record_list_sort {
	const char *key;
	const char *head;
};

#define RLIST_MENU_SORT	(-1)	/* the menu of record_list's own: sort by */

struct record_list_dline {
	char *label;		/* NULL: a continuation line */
	char *text;
	bool heading;		/* a section title across the pane */
};

struct record_list {
	const struct record_list_ops *ops;
	void *arg;
	size_t sel, top;
	size_t oldsel;		/* the row last drawn selected */
	bool lit;		/* ...and drawn in reverse video */
	bool settled;		/* the last frame drew the detail pane */
	bool stale;		/* the term changed, the rows not yet read */
	bool zoom;		/* the detail fills the body */
	enum { RLIST_BROWSE, RLIST_SEARCH, RLIST_CONFIRM, RLIST_MENU } mode;
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
	/* The columns the list sorts by, in the header's order, set by the
	 * tab (nsorts 0: it does not sort), and the one it is sorted by,
	 * reversed or not: the tab's reload passes record_list_sort_spec
	 * to core. */
	const struct record_list_sort *sorts;
	int nsorts, sortcol;
	bool sortdesc;
	/* What the tab shows only, for the status line ("retired,
	 * agriculture"); "" for all. */
	char filter[256];
	/* A menu over the list (RLIST_MENU). */
	struct {
		int id;
		char title[128];
		char **items;
		size_t n, sel, top;
	} menu;
	/* The menu has gone: its frame may have cut wide characters in
	 * two, which curses cannot know, so the list is painted whole. */
	bool repaint;
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

/* The order the list is in, as core takes it: "name", "-received". */
const char *record_list_sort_spec(const struct record_list *l, char *buf,
    size_t size);
/* The title of the column whose sort key is key (translated), marked
 * " ^" or " v" when the list is sorted by it; into buf. */
const char *record_list_head(const struct record_list *l, const char *key,
    const char *head, char *buf, size_t size);
/* Open a menu of n items (copied) over the list, the cursor on item
 * sel; choosing one calls ops->chosen with id. A record shown whole
 * gives way to the list. UI_* flags. */
unsigned record_list_menu(struct record_list *l, int id, const char *title,
    const char *const *items, size_t n, size_t sel);
/* A key while a menu is open. UI_* flags. */
unsigned record_list_menu_key(struct record_list *l, int key);

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
/* A detail row of ns columns (at most RLIST_COLUMNS) of cw display
 * columns each, such as theirs, base and mine: each text wrapped in its
 * column, the columns lined up (CJK text takes two per character). */
#define RLIST_COLUMNS 4
void record_list_detail_columns(struct record_list *l, const char *label,
    const char *const *text, int ns, int cw);
/* Width of the text column of the detail pane. */
int record_list_detail_width(const struct record_list *l);

#endif
