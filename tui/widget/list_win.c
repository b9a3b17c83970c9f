/* list_win.c - a record list's rows as a window over its query (list_win.h). */
#include "list_win.h"

#include <stdio.h>
#include <string.h>

void
list_win_init(struct list_win *w, struct frame_ctx *ctx,
    struct record_list *rl, bool shown)
{
	memset(w, 0, sizeof *w);
	w->ctx = ctx;
	w->rl = rl;
	w->shown = shown;
}

void
list_win_free(struct list_win *w)
{
	if (w->open)
		kz_rwin_close(&w->win);
	w->open = false;
}

const struct kz_rwin_row *
list_win_row(struct list_win *w, size_t i)
{
	const struct kz_rwin_row *r;
	struct kz_err err;

	if (!w->open)
		return NULL;
	kz_err_clear(&err);
	if ((r = kz_rwin_row(&w->win, (long long)i, &err)) == NULL && err.n)
		frame_error(w->ctx, &err);
	return r;
}

const struct kz_rwin_row *
list_win_sel(struct list_win *w)
{
	return list_win_row(w, w->rl->sel);
}

size_t
list_win_rows(struct list_win *w)
{
	size_t near = w->rl->sel + 2 * (size_t)record_list_rows(w->rl);
	struct kz_err err;

	if (!w->open)
		return 0;
	if (!kz_rwin_exact(&w->win) && near >= (size_t)kz_rwin_count(&w->win)) {
		kz_err_clear(&err);
		if (kz_rwin_more(&w->win, (long long)near, &err) != KZ_OK)
			frame_error(w->ctx, &err);
	}
	return (size_t)kz_rwin_count(&w->win);
}

size_t
list_win_all(struct list_win *w)
{
	struct kz_err err;

	if (!w->open)
		return 0;
	kz_err_clear(&err);
	if (kz_rwin_all(&w->win, &err) != KZ_OK)
		frame_error(w->ctx, &err);
	return (size_t)kz_rwin_count(&w->win);
}

bool
list_win_exact(const struct list_win *w)
{
	return !w->open || kz_rwin_exact(&w->win);
}

bool
list_win_load(struct list_win *w, const struct kz_rlist_query *q,
    long long known, const char *keep, bool last)
{
	const struct kz_rwin_row *r;
	struct record_list *rl = w->rl;
	struct kz_rwin nw;
	struct kz_err err;
	char id[KZ_ID_SIZE] = "";
	size_t vis = (size_t)record_list_rows(rl), n;
	long long at = -1;

	if (keep != NULL)
		snprintf(id, sizeof id, "%s", keep);
	else if ((r = list_win_sel(w)) != NULL)
		snprintf(id, sizeof id, "%s", r->id);
	kz_err_clear(&err);
	if ((w->shown ? kz_rwin_open_shown(w->ctx->db, q, &nw, &err) :
	    kz_rwin_open(w->ctx->db, q, &nw, &err)) != KZ_OK) {
		frame_error(w->ctx, &err);
		return false;
	}
	list_win_free(w);
	w->win = nw;
	w->open = true;
	if (known >= 0)
		kz_rwin_known(&w->win, known);
	/* the record selected stays so; while a search is typed only the
	 * first page is looked at: finding a row further down numbers
	 * every match, which is for a write or a new order, not a key */
	for (size_t i = 0; id[0] && i < w->win.n; i++)
		if (strcmp(w->win.rows[i].id, id) == 0)
			at = w->win.base + (long long)i;
	if (at < 0 && id[0] && rl->mode != RLIST_SEARCH &&
	    (at = kz_rwin_find(&w->win, id, &err)) < 0 && err.n)
		frame_error(w->ctx, &err);
	/* the last row counts them all: not for a key of a search */
	if (at < 0 && last && rl->mode != RLIST_SEARCH)
		at = (long long)list_win_all(w) - 1;
	rl->sel = at < 0 ? 0 : (size_t)at;
	n = list_win_rows(w);
	/* the selection in the middle when it was out of view */
	if (rl->top > rl->sel || rl->top + vis <= rl->sel)
		rl->top = rl->sel >= vis / 2 ? rl->sel - vis / 2 : 0;
	if (n > 0 && rl->top + vis > n)
		rl->top = n > vis ? n - vis : 0;
	rl->dscroll = 0;
	record_list_clamp(rl);
	return true;
}
