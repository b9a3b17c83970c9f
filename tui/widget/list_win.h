/* list_win.h - a record list's rows as a window over its query (core/rwin.h), for the tabs that show a declared list. */
#ifndef KZ_LIST_WIN_H
#define KZ_LIST_WIN_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "record_list.h"
#include "rwin.h"

/*
 * What every tab over a core list does with its window: read a row by
 * index, count on past the cap as the selection nears it, count all for
 * End, and open the query again (a search typed, a sort, a write)
 * keeping the record selected. Problems go to the status line.
 */
struct list_win {
	struct frame_ctx *ctx;
	struct record_list *rl;
	struct kz_rwin win;
	bool open;
	bool shown;		/* rows kept as people read them too */
};

void list_win_init(struct list_win *w, struct frame_ctx *ctx,
    struct record_list *rl, bool shown);
void list_win_free(struct list_win *w);
/* Row i (its page read when it is not held), NULL past the end; valid
 * until another row is asked for. */
const struct kz_rwin_row *list_win_row(struct list_win *w, size_t i);
const struct kz_rwin_row *list_win_sel(struct list_win *w);
/* The rows there are so far, counted on when the selection comes near
 * the end of what is known ("1000+"). */
size_t list_win_rows(struct list_win *w);
/* Every row counted (End). */
size_t list_win_all(struct list_win *w);
/* Is the count all of them? */
bool list_win_exact(const struct list_win *w);
/* Open q in place of the rows held; known >= 0 is its count when the
 * caller knows it. Selected after: record keep (NULL: the one selected
 * now) where q has it (while a search is typed, only on its first
 * page), else the first row, or the last with last (but the first
 * while a search is typed: the last would count every match). false
 * when q could not be opened (said; the rows held stay). */
bool list_win_load(struct list_win *w, const struct kz_rlist_query *q,
    long long known, const char *keep, bool last);

#endif
