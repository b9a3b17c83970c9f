/* screen_frame.c - the full-screen frame: title, tabs, status line, the key loop, resizing. */
#include "screen_frame.h"

#include <libintl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "booking.h"
#include "draw.h"
#include "fold.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "search.h"
#include "rlist.h"
#include "tindex.h"
#include "screen_activities.h"
#include "screen_dispatches.h"
#include "screen_history.h"
#include "screen_reports.h"
#include "screen_requests.h"
#include "screen_seminars.h"
#include "screen_specialists.h"
#include "screen_sync.h"
#include "screen_timeline.h"
#include "screen_trainees.h"
#include "sync.h"
#include "sync_records.h"
#include "term.h"
#include "text.h"

/* Below this the frame cannot show a list row and a status line. */
#define UI_MIN_COLS 30
#define UI_MIN_ROWS 6
/* Milliseconds without a key after which the detail pane is drawn: a
 * held key repeats faster than this. */
#define FRAME_PAUSE 100
/* ...and after which the memory the keys freed goes back to the system:
 * a session left open all day holds what it shows, not what it once
 * read. */
#define FRAME_IDLE 1000

/* Freed memory back to the system, where the C library keeps it. */
static void
frame_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/* What a session holds: SQLite's page cache at FRAME_CACHE KiB, not its
 * 2 MB (the pages a key reads again are in the system's cache; at 512
 * KiB a dispatch list's page read them again, 0.5 ms a key), and a
 * block of 128 KiB or more (a list's order, 400 KB at 100,000) mapped
 * on its own, so that it goes back to the system when it is freed;
 * glibc would otherwise raise that threshold to the size of the first
 * such block freed and keep the next in its heap. */
#define FRAME_CACHE 1024

static void
frame_lean(struct kz_db *db)
{
	struct kz_err e = { 0 };

	kz_db_cache(db, FRAME_CACHE, &e);
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

/* The tabs, in order. Later issues add requests, dispatches, timeline,
 * seminars and trainees here. */
static const struct frame_screen *const frame_screens[] = {
	&screen_specialists,
	/* dispatch tabs (requests, dispatches, timeline) */
	&screen_requests,
	&screen_dispatches,
	&screen_timeline,
	/* seminar tabs (seminars, trainees) */
	/* sync tab */
	&screen_sync,
	&screen_seminars,
	&screen_trainees,
	/* what an office does: one tab, a bar of kinds */
	&screen_activities,
	/* the office's figures, over every tab's records */
	&screen_reports,
};
#define UI_NSCREENS ((int)(sizeof frame_screens / sizeof frame_screens[0]))

struct ui {
	struct frame_ctx ctx;
	void *tab[UI_NSCREENS];
	int cur;
	WINDOW *wtitle, *wtabs, *wstatus;
	bool small;
	bool prompt;		/* the tab owns the status line and cursor */
	long pending;		/* records waiting for the next sync export */
	struct kz_sync_records pend;	/* them, counted as writes come */
	long clashes;		/* clashes of bookings (booking.h) */
	sqlite3_int64 writes;	/* the connection's count when it was read */
	long long others;	/* kz_db_others then */
	bool counted;		/* pending and clashes read once */
	bool warm;		/* the order searches place by read */
	unsigned ix_warm;	/* ...the tabs' indexes' (tab_indexes) by
				 * their place in kz_tindexes */
	bool trimmed;		/* memory handed back since the last key */
	WINDOW *wmsg;		/* a long message's rows above the status */
	int back[16];		/* tabs a go-to key left, the last on top */
	int nback;
};

/*
 * KIZUNA_BENCH_LOG=FILE: a line for the first screen and for each key,
 * what it took to act on and draw, "first|key CODE WALL_MS CPU_MS"
 * (the first screen's CPU since the program started): `make bench`
 * reads it. A key's frame, that is: a detail pane left for the keys to
 * pause (after a move, or a key typed into a search) is not in it. CPU
 * time is kept beside the wall clock because the wall clock of a busy
 * machine says more about the machine.
 */
static struct {
	FILE *f;
	double wall, cpu;
	int key;		/* -1: none timed */
} bench = { NULL, 0, 0, -1 };

static void
bench_now(double *wall, double *cpu)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	*wall = (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	*cpu = (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void
bench_start(int key)
{
	if (bench.f == NULL)
		return;
	bench_now(&bench.wall, &bench.cpu);
	bench.key = key;
}

static void
bench_end(void)
{
	double wall, cpu;

	if (bench.f == NULL || bench.key == -1)
		return;
	bench_now(&wall, &cpu);
	if (bench.key == -2)
		fprintf(bench.f, "first 0 %.2f %.2f\n", wall - bench.wall, cpu);
	else
		fprintf(bench.f, "key %d %.2f %.2f\n", bench.key,
		    wall - bench.wall, cpu - bench.cpu);
	fflush(bench.f);
	bench.key = -1;
}

static const struct frame_screen *
frame_screen(const struct ui *u)
{
	return frame_screens[u->cur];
}

static void
frame_layout(struct ui *u)
{
	draw_delwin(&u->wtitle);
	draw_delwin(&u->wtabs);
	draw_delwin(&u->wstatus);
	u->small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
	if (u->small) {
		/* A height of 0 makes the tab drop its windows. */
		frame_screen(u)->layout(u->tab[u->cur], 0, 0, 0, 0);
		return;
	}
	u->wtitle = draw_newwin(1, COLS, 0, 0);
	u->wtabs = draw_newwin(1, COLS, 1, 0);
	u->wstatus = draw_newwin(1, COLS, LINES - 1, 0);
	frame_screen(u)->layout(u->tab[u->cur], 2, 0, LINES - 3, COLS);
	/* Everything is drawn again; whatever was on the terminal (a form,
	 * the help) must not survive where nothing is drawn. */
	werase(stdscr);
	wnoutrefresh(stdscr);
}

static void
frame_draw_title(struct ui *u)
{
	const struct kz_config *cfg = u->ctx.cfg;
	char left[256], right[256], summary[96] = "", pending[64] = "";

	frame_screen(u)->summary(u->tab[u->cur], summary, sizeof summary);
	if (u->pending > 0)
		snprintf(pending, sizeof pending, ngettext("%ld record to send",
		    "%ld records to send", (unsigned long)u->pending),
		    u->pending);
	if (u->clashes > 0) {
		size_t n = strlen(pending);
		snprintf(pending + n, sizeof pending - n, ngettext(
		    "%s%ld clash", "%s%ld clashes", (unsigned long)u->clashes),
		    n ? "  " : "", u->clashes);
	}
	snprintf(left, sizeof left, " kizuna: %s [%s]",
	    cfg->office_name ? cfg->office_name : "",
	    cfg->office_id ? cfg->office_id : "");
	snprintf(right, sizeof right, "%s%s%s  %s ", pending, *pending ? "  " :
	    "", summary, cfg->language ? cfg->language : "");
	draw_bar(u->wtitle, 0, COLS, left, right, draw_attr(DRAW_TITLE));
	wnoutrefresh(u->wtitle);
}

/* Each tab is its name with a space either side and a column between
 * tabs; where the names run long (French) the columns between go, then
 * the space after each name, before any name is cut. */
static void
frame_draw_tabs(struct ui *u)
{
	int x = 0, names = 0, gap = 1;
	const char *after = " ";

	for (int i = 0; i < UI_NSCREENS; i++)
		names += kz_text_width(_(frame_screens[i]->name));
	if (names + 3 * UI_NSCREENS - 1 > COLS) {
		gap = 0;
		if (names + 2 * UI_NSCREENS > COLS)
			after = "";
	}
	werase(u->wtabs);
	/* Too narrow for every tab: start late enough that the current
	 * one shows whole, with those before it as far as they fit. */
	int first = 0;
	for (;;) {
		int w = 0;

		for (int i = first; i <= u->cur; i++)
			w += kz_text_width(_(frame_screens[i]->name)) + 1 +
			    (int)strlen(after) + (i < u->cur ? gap : 0);
		if (w <= COLS || first == u->cur)
			break;
		first++;
	}
	/* A tab is shown whole or not at all: those that do not fit are
	 * marked by < at the start and > at the end. */
	for (int i = first; i < UI_NSCREENS && x < COLS; i++) {
		char label[96];
		int w, room = COLS - x - (i + 1 < UI_NSCREENS ? 1 : 0);

		snprintf(label, sizeof label, " %s%s", _(frame_screens[i]->name),
		    after);
		w = kz_text_width(label);
		if (w > room && i != u->cur) {
			mvwaddstr(u->wtabs, 0, COLS - 1, ">");
			break;
		}
		x += draw_text(u->wtabs, 0, x, w, label,
		    draw_attr(i == u->cur ? DRAW_TAB_ON : DRAW_TAB));
		x += gap;
	}
	if (first > 0)
		mvwaddstr(u->wtabs, 0, 0, "<");
	wnoutrefresh(u->wtabs);
}

struct msg_rows {
	char line[24][1024];
	int n;
};

static void
msg_row(void *arg, const char *line, size_t len)
{
	struct msg_rows *r = arg;

	if (r->n < 24)
		snprintf(r->line[r->n++], sizeof r->line[0], "%.*s", (int)len,
		    line);
}

/* A message wider than the status line is wrapped, never cut: its
 * first rows go in a window above the status line, until the next key. */
static void
frame_draw_message(struct ui *u, int x, bool prompt)
{
	attr_t attr = draw_attr(u->ctx.msg_error ? DRAW_ERROR : DRAW_PLAIN);
	static struct msg_rows r;
	int above, last;

	draw_delwin(&u->wmsg);
	r.n = 0;
	/* above a prompt (a file name's completions) it all goes above */
	if (prompt || kz_text_width(u->ctx.msg) > COLS - x)
		draw_wrap(u->ctx.msg, COLS - x, msg_row, &r);
	if (r.n < 2 && !prompt) {
		draw_text(u->wstatus, 0, x, COLS - x, u->ctx.msg, attr);
		return;
	}
	last = r.n - !prompt;	/* the rows above end here */
	above = last < LINES - 3 ? last : LINES - 3;
	if (above > 0 && (u->wmsg = draw_newwin(above, COLS, LINES - 1 - above,
	    0)) != NULL) {
		for (int i = 0; i < above; i++)
			draw_text(u->wmsg, i, x, COLS - x, r.line[last - above +
			    i], attr);
		wnoutrefresh(u->wmsg);
	}
	if (!prompt)
		draw_text(u->wstatus, 0, x, COLS - x, r.line[r.n - 1], attr);
}

static void
frame_draw_status(struct ui *u)
{
	const struct frame_screen *s = frame_screen(u);
	char hints[512];
	bool text;
	int x;

	werase(u->wstatus);
	x = s->status(u->tab[u->cur], u->wstatus, COLS);
	u->prompt = x < 0;
	if (u->prompt) {
		if (u->ctx.msg[0])
			frame_draw_message(u, 0, true);
		return;
	}
	if (u->ctx.msg[0])
		frame_draw_message(u, x, false);
	else {
		unsigned ctx = s->keyctx(u->tab[u->cur], &text);

		keys_hints(ctx, text, COLS - x, hints, sizeof hints);
		draw_text(u->wstatus, 0, x, COLS - x, hints,
		    draw_attr(DRAW_KEYHINT));
	}
}

static void
frame_draw(struct ui *u, unsigned flags)
{
	bool text;

	if (u->small) {
		curs_set(0);
		draw_too_small(stdscr);
		doupdate();
		return;
	}
	/* the tab first: a search typed in a burst is run as it draws,
	 * and the title counts what it found */
	frame_screen(u)->draw(u->tab[u->cur], flags);
	if (flags & UI_DRAW_TITLE)
		frame_draw_title(u);
	if (flags & UI_DRAW_TABS)
		frame_draw_tabs(u);
	if (flags & UI_DRAW_STATUS)
		frame_draw_status(u);
	/* The status line goes last so that a prompt's cursor is the one
	 * the terminal shows (and where an input method opens, for a
	 * search typed); with no text typed the cursor, hidden, stays
	 * where the frame's last byte left it, rather than be moved to
	 * the status line's end every frame. */
	frame_screen(u)->keyctx(u->tab[u->cur], &text);
	leaveok(u->wstatus, !u->prompt && !text);
	wnoutrefresh(u->wstatus);
	curs_set(u->prompt ? 1 : 0);
	term_update();
}

/* The records waiting for the next export, counting only the outbox's
 * rows since the last count: a save costs its own changes, not every
 * change of a large import waiting. */
static long
frame_pending(struct ui *u)
{
	kz_sync_records_outbox(u->ctx.db, &u->pend, NULL);
	return u->pend.total;
}

/* Is the tab asking something on the status line (a yes/no question, a
 * file name, a year)? */
static bool
frame_prompting(struct ui *u)
{
	bool text;

	return (frame_screen(u)->keyctx(u->tab[u->cur], &text) &
	    (KEYS_CONFIRM | KEYS_PROMPT)) != 0;
}

/* The help, at the current tab's own keys. */
static void
frame_help(struct ui *u)
{
	bool text;

	draw_help(frame_screen(u)->keyctx(u->tab[u->cur], &text));
}

/* Tab i, opened (its list read) the first time it is wanted: a tab
 * never shown costs nothing at start. False when out of memory. */
static bool
frame_open(struct ui *u, int i)
{
	if (u->tab[i] == NULL)
		u->tab[i] = frame_screens[i]->open(&u->ctx);
	return u->tab[i] != NULL;
}

/* Show tab next in place of the current one. The orders the searches
 * of the tab left had read go (they are read again, while no key
 * waits, when a tab that searches by them is shown): a session holds
 * the order of the list it shows, not one of every list it once
 * showed. */
static unsigned
frame_switch(struct ui *u, int next)
{
	if (next == u->cur || !frame_open(u, next))
		return 0;
	frame_screen(u)->layout(u->tab[u->cur], 0, 0, 0, 0);
	u->cur = next;
	kz_db_forget_orders(u->ctx.db);
	u->warm = false;
	u->ix_warm = 0;
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* What a tab asked with frame_show: select a record on a tab, and go
 * there, remembering where from for the back key. */
static unsigned
frame_want(struct ui *u)
{
	const struct frame_screen *s;
	int i = 0;

	while (i < UI_NSCREENS && strcmp(frame_screens[i]->name,
	    u->ctx.want) != 0)
		i++;
	u->ctx.want = NULL;
	if (i == UI_NSCREENS)
		return 0;
	s = frame_screens[i];
	if (!frame_open(u, i))
		return 0;
	if (s->select && !s->select(u->tab[i], u->ctx.want_id) &&
	    u->ctx.want_go) {
		frame_message(&u->ctx, true, _("%s is not on the %s tab."),
		    u->ctx.want_id, _(s->name));
		return UI_DRAW_STATUS;
	}
	if (!u->ctx.want_go || i == u->cur)
		return UI_DRAW_BODY;
	if (u->nback == (int)(sizeof u->back / sizeof u->back[0])) {
		memmove(u->back, u->back + 1, sizeof u->back - sizeof u->back[0]);
		u->nback--;
	}
	u->back[u->nback++] = u->cur;
	return frame_switch(u, i);
}

/* Does key move the selection of the current tab's list? A key typed
 * into a search does too: the list and its selection follow each, and
 * its detail pane can wait for the keys to pause as after a move. */
static bool
frame_is_move(struct ui *u, int key)
{
	bool text;
	unsigned ctx = frame_screen(u)->keyctx(u->tab[u->cur], &text);

	switch (keys_lookup(ctx, key, text)) {
	case KA_UP: case KA_DOWN: case KA_PGUP: case KA_PGDN:
	case KA_FIRST: case KA_LAST:
		return true;
	case KA_NONE:	/* a character typed */
		return text && (ctx & KEYS_SEARCH) && key < KEYS_FN;
	case KA_BACKSPACE: case KA_DELCHAR: case KA_KILL:
		return text && (ctx & KEYS_SEARCH);
	default:
		return false;
	}
}

/* Keys the tab left to the frame. */
static unsigned
frame_key(struct ui *u, int key)
{
	int next;

	switch (keys_lookup(KEYS_LIST, key, false)) {
	case KA_QUIT:
		return UI_QUIT;
	case KA_HELP:
		frame_help(u);
		return UI_LAYOUT | UI_DRAW_ALL;
	case KA_REDRAW:
		clearok(curscr, TRUE);
		return UI_DRAW_ALL;
	case KA_MESSAGES:
		frame_messages(&u->ctx);
		return UI_LAYOUT | UI_DRAW_ALL;
	case KA_NEXT_TAB:
	case KA_PREV_TAB:
		/* One tab: nothing to switch to (and nothing for the
		 * compiler to warn about). */
		if (UI_NSCREENS < 2)
			return 0;
		next = (u->cur + (keys_lookup(KEYS_LIST, key, false) ==
		    KA_NEXT_TAB ? 1 : UI_NSCREENS - 1)) % UI_NSCREENS;
		return frame_switch(u, next);
	case KA_GO_BACK:
		if (u->nback == 0) {
			frame_message(&u->ctx, false, "%s",
			    _("Nowhere to go back to."));
			return UI_DRAW_STATUS;
		}
		return frame_switch(u, u->back[--u->nback]);
	default:
		return 0;
	}
}

/*
 * A Chinese, Japanese or Korean character typed in a list (an input
 * method left on) starts a search with it: the search key first, then
 * the character, into the search term. Other keys go as they are.
 */
static unsigned
frame_tab_key(struct ui *u, int key)
{
	const struct frame_screen *s = frame_screen(u);
	void *tab = u->tab[u->cur];
	bool text;
	unsigned ctx = s->keyctx(tab, &text), f;

	if (text || !(ctx & KEYS_LIST) || !kz_cp_is_cjk((unsigned)key) ||
	    key >= KEYS_FN || keys_lookup(ctx, key, false) != KA_NONE ||
	    keys_code(KA_SEARCH) < 0)
		return s->key(tab, key);
	f = s->key(tab, keys_code(KA_SEARCH));
	if (f & UI_PASS)
		return f;
	ctx = s->keyctx(tab, &text);
	return text && (ctx & KEYS_SEARCH) ? f | s->key(tab, key) : f;
}

/* The tabs whose lists have an index of their own (tindex.h), warmed
 * while no key waits: a tab's, or that of the list it shows now (the
 * Activities tab shows one kind at a time). */
static const struct {
	const struct frame_screen *tab;
	const struct kz_tindex *ti;
	const struct kz_rlist *(*now)(void *tab);
} tab_indexes[] = {
	{ &screen_requests, &kz_tindex_requests, NULL },
	{ &screen_dispatches, &kz_tindex_dispatches, NULL },
	{ &screen_trainees, &kz_tindex_trainees, NULL },
	{ &screen_seminars, &kz_tindex_seminars, NULL },
	{ &screen_activities, NULL, screen_activities_list },
};

/* The index of the tab shown, and its bit in ix_warm (its place in
 * kz_tindexes); NULL: none. */
static const struct kz_tindex *
tab_index(const struct ui *u, unsigned *bit)
{
	const struct frame_screen *s = frame_screens[u->cur];
	const struct kz_rlist *l;
	const struct kz_tindex *ti = NULL;

	for (size_t i = 0; i < sizeof tab_indexes / sizeof tab_indexes[0]; i++)
		if (tab_indexes[i].tab != s)
			continue;
		else if (tab_indexes[i].ti)
			ti = tab_indexes[i].ti;
		else if (u->tab[u->cur] &&
		    (l = tab_indexes[i].now(u->tab[u->cur])) != NULL)
			ti = l->index;
	for (size_t k = 0; ti && kz_tindexes[k]; k++)
		if (kz_tindexes[k] == ti)
			*bit = 1u << k;
	return ti;
}

int
frame_run(struct kz_db *db, const struct kz_config *cfg)
{
	struct ui u;
	SCREEN *scr;
	unsigned flags = UI_LAYOUT | UI_DRAW_ALL;
	bool whole = true, paused = false;
	const struct kz_tindex *ti;
	unsigned bit = 0;
	int rc = 0;

	memset(&u, 0, sizeof u);
	if (getenv("KIZUNA_BENCH_LOG") && *getenv("KIZUNA_BENCH_LOG") &&
	    (bench.f = fopen(getenv("KIZUNA_BENCH_LOG"), "a")) != NULL)
		bench_start(-2);
	u.ctx.db = db;
	u.ctx.cfg = cfg;
	draw_set_lit_row(cfg->cursor == KZ_CURSOR_ROW);
	frame_lean(db);
	keys_init();
	form_use_config(cfg);
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, _("kizuna: cannot use terminal type \"%s\"\n"),
		    getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	term_start();
	draw_init();
	/* the first tab only: the others open when first shown */
	if (!frame_open(&u, 0))
		rc = 1;
	u.writes = sqlite3_total_changes64(db->sql);
	u.others = kz_db_others(db);

	while (rc == 0) {
		WINDOW *kw;
		int key, wait = -1;
		bool idle;

		if (flags & UI_LAYOUT) {
			frame_layout(&u);
			flags = (flags & ~UI_LAYOUT) | UI_DRAW_ALL;
			whole = true;
		}
		kw = u.small || u.wstatus == NULL ? stdscr : u.wstatus;
		/* Keys waiting, or the line still busy with the last frame:
		 * read on, and draw once, after the last of them. */
		if (flags != 0 && !term_pending(kw) && term_line_busy() == 0) {
			unsigned now = flags;

			/* After keys that only moved the selection the detail
			 * pane (a query, and most of what a move writes) waits
			 * until the keys pause; its record decides the hints
			 * (J when there is more). */
			if (!whole && !paused)
				now &= ~UI_DRAW_DETAIL;
			else if (now & UI_DRAW_DETAIL)
				now |= UI_DRAW_STATUS;
			if (now != 0)
				frame_draw(&u, now);
			flags &= ~now;
			whole = paused = false;
			if ((flags & ~UI_DRAW_DETAIL) == 0)
				bench_end();
		}
		/* The title's counts go through every change waiting and
		 * every booking: the first screen is shown before them, and
		 * before the table that folds Han characters for a search
		 * is made (else the first Chinese or Japanese key would). */
		if (!u.counted && flags == 0) {
			u.counted = true;
			u.pending = frame_pending(&u);
			u.clashes = kz_booking_clash_count(db);
			kz_fold_cp(0x6CA2);	/* 沢 */
			flags = UI_DRAW_TITLE;
			continue;
		}
		/* ...and on the register's tab the register's order a
		 * search places its matches by, read again after a write */
		if (!u.warm && flags == 0 &&
		    frame_screens[u.cur] == &screen_specialists) {
			struct kz_err e = { 0 };

			u.warm = true;
			kz_search_warm(db, &e);
			continue;
		}
		/* ...and on a tab whose list has an index of its own
		 * (tindex.h), that list's, its rows written since indexed
		 * first */
		if (flags == 0 && (ti = tab_index(&u, &bit)) != NULL &&
		    !(u.ix_warm & bit)) {
			struct kz_err e = { 0 };

			u.ix_warm |= bit;
			kz_tindex_warm(db, ti, &e);
			continue;
		}
		if (flags != 0)
			wait = term_line_busy() > 0 ? term_line_busy() :
			    FRAME_PAUSE;
		idle = wait < 0 && !u.trimmed;
		key = term_getkey(kw, idle ? FRAME_IDLE : wait);
		if (key < 0 && idle) {
			frame_trim();
			u.trimmed = true;
			continue;
		}
		if (key < 0) {
			paused = true;
			continue;
		}
		u.trimmed = false;
		bench_start(key);
		if (key == (KEYS_FN | KEY_RESIZE)) {
			flags = UI_LAYOUT | UI_DRAW_ALL;
			continue;
		}
		if (u.ctx.msg[0]) {
			u.ctx.msg[0] = '\0';
			flags |= UI_DRAW_STATUS;
			/* what the long message's rows covered */
			if (u.wmsg) {
				draw_delwin(&u.wmsg);
				flags |= UI_LAYOUT;
			}
		}
		if (u.small) {
			/* Only quitting makes sense here. */
			if (keys_lookup(KEYS_LIST, key, false) == KA_QUIT)
				break;
		} else {
			unsigned f;

			/* only the selection moving (or a search typed)
			 * leaves the detail pane for later: what another key
			 * did shows whole */
			if (!frame_is_move(&u, key))
				whole = true;
			f = frame_tab_key(&u, key);

			if (f & UI_PASS)
				f = (f & ~UI_PASS) | frame_key(&u, key);
			flags |= f;
			if (u.ctx.want)
				flags |= frame_want(&u);
		}
		if (flags & UI_QUIT)
			break;
		/* a prompt's rows above the status line (draw_prompt), once
		 * it is answered: what they covered is drawn again */
		if (!u.small && !frame_prompting(&u) && draw_prompt_clear())
			flags |= UI_LAYOUT | UI_DRAW_ALL;
		/* A write shows in the title's count. */
		if (flags & (UI_DRAW_LIST | UI_LAYOUT))
			flags |= UI_DRAW_TITLE;
		/* ...and in the changes waiting to be sent. The connection
		 * counts the rows it writes, so only a key that wrote (or a
		 * new layout after other programs wrote) costs the queries,
		 * which go through every booking. */
		if (((flags & UI_LAYOUT) && kz_db_others(db) != u.others) ||
		    sqlite3_total_changes64(db->sql) != u.writes) {
			u.writes = sqlite3_total_changes64(db->sql);
			u.others = kz_db_others(db);
			u.warm = false;
			u.ix_warm = 0;
			u.pending = frame_pending(&u);
			u.clashes = kz_booking_clash_count(db);
			flags |= UI_DRAW_TITLE;
		}
	}

	for (int i = 0; i < UI_NSCREENS; i++)
		if (u.tab[i] != NULL)
			frame_screens[i]->close(u.tab[i]);
	undo_clear();	/* what u could take back ends with the session */
	kz_sync_records_free(&u.pend);
	draw_delwin(&u.wtitle);
	draw_delwin(&u.wtabs);
	draw_delwin(&u.wstatus);
	draw_delwin(&u.wmsg);
	frame_ctx_free(&u.ctx);
	term_stop();
	endwin();
	delscreen(scr);
	if (bench.f != NULL)
		fclose(bench.f);
	if (rc != 0)
		fprintf(stderr, "%s\n", _("kizuna: out of memory"));
	return rc;
}
