/* draw.h - drawing helpers, and the contract between the frame and its tabs. */
#ifndef KZ_DRAW_H
#define KZ_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "db.h"

/* What a key changed, so that only that is drawn again (a cursor move
 * redraws two rows of the list, not the screen). */
#define UI_DRAW_TITLE	0x001	/* title bar: office, counts */
#define UI_DRAW_TABS	0x002
#define UI_DRAW_STATUS	0x004	/* status line: hints, messages, prompt */
#define UI_DRAW_ROWS	0x008	/* the rows of the old and new selection */
#define UI_DRAW_LIST	0x010	/* the whole list */
#define UI_DRAW_DETAIL	0x020	/* the detail pane */
#define UI_DRAW_BODY	(UI_DRAW_LIST | UI_DRAW_DETAIL)
#define UI_DRAW_ALL	(UI_DRAW_TITLE | UI_DRAW_TABS | UI_DRAW_STATUS | \
			 UI_DRAW_BODY)
#define UI_LAYOUT	0x100	/* sizes changed: make the windows again */
#define UI_PASS		0x200	/* the tab did not use the key */
#define UI_QUIT		0x400

/* What every tab is handed. */
struct frame_ctx {
	struct kz_db *db;
	const struct kz_config *cfg;
	char msg[1024];		/* shown on the status line until a key,
				 * wrapped over more rows when long */
	bool msg_error;
	char **hist;		/* every message shown, oldest first */
	size_t nhist;
	/* A record to select on another tab (frame_show), done by the
	 * frame once the key is handled: the tab by its name. */
	const char *want;
	char want_id[32];
	bool want_go;		/* and go to that tab */
};

/* Set the status-line message. */
void frame_message(struct frame_ctx *ctx, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Report the first problem of err on the status line: its place only
 * when it is one in a file (a field's name is English and said by the
 * message itself). */
void frame_error(struct frame_ctx *ctx, const struct kz_err *err);
/* Is a problem's place worth showing before it? A place in a file
 * ("people.csv:3") is; a field's name is English and the message says
 * which field anyway. */
bool frame_err_place(const char *where);
/* The messages shown so far, full screen, the last at the bottom. */
void frame_messages(struct frame_ctx *ctx);
void frame_ctx_free(struct frame_ctx *ctx);
/* Select record id on the tab named tab (its frame_screen's name, such
 * as "Dispatches": a name, so that tabs need not include each other),
 * and with go show that tab: a jump the back key returns from. */
void frame_show(struct frame_ctx *ctx, const char *tab, const char *id,
    bool go);

/* A tab of the main screen. Requests, dispatches, timeline, seminars and
 * trainees will each be one of these beside the specialists. */
struct frame_screen {
	const char *name;	/* tab label, N_() */
	void *(*open)(struct frame_ctx *ctx);
	void (*close)(void *tab);
	/* The tab owns the body rectangle; make its windows there. */
	void (*layout)(void *tab, int y, int x, int h, int w);
	/* Draw what flags name and wnoutrefresh it. */
	void (*draw)(void *tab, unsigned flags);
	/* Handle a key; UI_* flags, UI_PASS to let the frame have it. */
	unsigned (*key)(void *tab, int key);
	/* Draw the left part of the status line into w and return the
	 * columns used; -1 if the tab took the whole line and the cursor
	 * (a prompt). */
	int (*status)(void *tab, WINDOW *w, int width);
	/* Key context for the status-line hints, and whether it types. */
	unsigned (*keyctx)(void *tab, bool *text);
	/* A short summary for the title bar, e.g. "12 specialists". */
	void (*summary)(void *tab, char *buf, size_t size);
	/* Optional: select the record id (frame_show); false if not listed. */
	bool (*select)(void *tab, const char *id);
};

/* Roles of text, mapped to attributes: reverse and bold always, colour
 * only as an extra when the terminal has it and NO_COLOR is unset. */
enum draw_role {
	DRAW_PLAIN, DRAW_TITLE, DRAW_TAB, DRAW_TAB_ON, DRAW_HEADER,
	DRAW_SELECTED, DRAW_LABEL, DRAW_ERROR, DRAW_DIM, DRAW_KEYHINT,
	DRAW_ROLES
};

void draw_init(void);
attr_t draw_attr(enum draw_role role);

/* Text at (y, x), cut to width columns ('~' marks a cut) and padded
 * with spaces in attr. Returns the columns drawn. A NULL window or a
 * width under 1 draws nothing. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Append a cell to the row being built in buf (size bytes, o of them
 * used): s fitted and padded to width columns, then a space; the last
 * cell is neither padded nor followed by a space. A width under 1 adds
 * nothing. Returns the bytes used. */
size_t draw_cell(char *buf, size_t size, size_t o, const char *s, int width,
    bool last);
/* The width of the first cell of the row draw_cell last began (0: a
 * row of one cell, or none since the last call), then forgotten: what
 * of a selected row a list lights (record_list). */
int draw_first_cell(void);
/* Light a list's selected row whole, not its first cell alone (the
 * configuration's display.cursor). */
void draw_set_lit_row(bool whole);
bool draw_lit_row(void);
/* A row of the n cells v[] in the widths w[], as draw_cell puts them. */
void draw_cells(char *buf, size_t size, const char *const *v, const int *w,
    int n);
/* A whole row in attr: left text, and right text flush right if both fit. */
void draw_bar(WINDOW *w, int y, int width, const char *left,
    const char *right, attr_t attr);
/* "terminal too small" in whatever room there is. */
void draw_too_small(WINDOW *w);

/* Split text into lines of at most width columns, breaking after spaces
 * where it can and anywhere in CJK text; '\n' breaks too. emit gets each
 * line (not NUL-terminated). */
void draw_wrap(const char *s, int width,
    void (*emit)(void *arg, const char *line, size_t len), void *arg);

/* A prompt on the status line w (width columns wide, the terminal's last
 * row) that may not fit on it: a question with the keys that answer it,
 * wrapped at word breaks, its last row on the status line and the rows
 * before over the screen just above it, never cut. Returns the column
 * after the text. */
int draw_prompt(WINDOW *w, int width, const char *text, attr_t attr);
/* The same for a label that text is typed after: on the status line when
 * it takes at most half of it, else wrapped above it whole, the status
 * line left for the typing. Returns the column the typing starts at. */
int draw_prompt_label(WINDOW *w, int width, const char *label,
    attr_t attr);
/* Take away the rows above the status line a prompt had; true if there
 * were any, which the caller lays the screen out again over. */
bool draw_prompt_clear(void);

/* Read one key from w, as keys.h spells keys: Enter is '\n', every
 * Backspace is KEYS_FN | KEY_BACKSPACE. -1 if nothing was read. */
int draw_getkey(WINDOW *w);

/* Make a window, or NULL if the size makes no sense; delete one safely. */
WINDOW *draw_newwin(int h, int w, int y, int x);
void draw_delwin(WINDOW **w);

/* Show lines full screen with a title until the user closes it, from
 * line start; / searches them as one types, n finds the next. */
void draw_pager(const char *title, char **lines, size_t n, size_t start);
/* The help: every key, opened at the section of context ctx (the tab's
 * or the form's own keys). */
void draw_help(unsigned ctx);

#endif
