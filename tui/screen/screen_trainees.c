/* screen_trainees.c - the trainees tab: placements, list, detail, form. */
#include "screen_trainees.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "list_win.h"
#include "record_list.h"
#include "record.h"
#include "rlist.h"
#include "screen_history.h"
#include "screen_record.h"
#include "text.h"
#include "trainee.h"
#include "xalloc.h"

struct tr_tab {
	struct frame_ctx *ctx;
	/* the rows shown: a window over `trainee list` (core/rwin.h), read
	 * a page at a time, never the whole list */
	struct list_win win;
	int cyear, chost, chome, cstatus, cfields;	/* its columns */
	long total;		/* without the search */
	struct record_list list;
	struct kz_trainee rec;	/* the selected placement, read whole */
	bool have_rec;
	bool undoing;		/* the question asked is u's */
};

/* The columns, as `trainee list --sort` names them (the status, shown
 * on wide screens only, aside). */
static const struct record_list_sort tr_sorts[] = {
	{ "year", N_("Year") }, { "host", NC_("trainee", "Host") },
	{ "home_government", N_("Home") }, { "fields", N_("Fields") },
};

static void
tr_forget(struct tr_tab *t)
{
	if (t->have_rec)
		kz_trainee_free(&t->rec);
	t->have_rec = false;
}

/* The rows again (the search, the order or a placement changed),
 * keeping keep_id (NULL: the placement selected) selected. all: count
 * every placement too (at the start and after a write). */
static void
tr_load(struct tr_tab *t, const char *keep_id, bool all)
{
	struct kz_rlist_query q;
	struct kz_err err = { 0 };
	const char *term = record_list_term(&t->list);
	char sort[64];
	long long total = 0;

	kz_rlist_query_init(&q, &kz_rlist_trainees);
	if (all || !t->win.open) {
		/* every placement: a count over the table, never the rows */
		if (kz_rlist_total(t->ctx->db, &q, -1, &total, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			return;
		}
		t->total = (long)total;
	}
	if (*term)
		kz_rlist_set(&q, "search", term);
	q.sort = record_list_sort_spec(&t->list, sort, sizeof sort);
	list_win_load(&t->win, &q, *term ? -1 : t->total, keep_id, false);
}

/* The selected placement, read whole for the pane, the form and the
 * question; NULL when none is selected. */
static const struct kz_trainee *
tr_sel(struct tr_tab *t)
{
	const struct kz_rwin_row *r = list_win_sel(&t->win);
	struct kz_err err = { 0 };

	if (r == NULL) {
		tr_forget(t);
		return NULL;
	}
	if (t->have_rec && strcmp(t->rec.id, r->id) == 0)
		return &t->rec;
	tr_forget(t);
	kz_trainee_init(&t->rec);
	if (kz_trainee_get(t->ctx->db, r->id, &t->rec, &err) != KZ_OK) {
		kz_trainee_free(&t->rec);
		frame_error(t->ctx, &err);
		return NULL;
	}
	t->have_rec = true;
	return &t->rec;
}

/* ---- the list ---- */

static size_t
tr_count(void *arg)
{
	struct tr_tab *t = arg;

	return list_win_rows(&t->win);
}

static size_t
tr_count_all(void *arg)
{
	struct tr_tab *t = arg;

	return list_win_all(&t->win);
}

/* Column c of a row as people read it. */
static const char *
tr_cell(const struct kz_rwin_row *r, int c)
{
	return c >= 0 && r->shown[c] ? r->shown[c] : "";
}

static void
tr_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct tr_tab *t = arg;
	/* the year's column has room for the mark of the sort column */
	int yw = 6, hw = width * 22 / 100, gw = width * 22 / 100, sw = 0, fw;
	char h[4][128];
	const struct kz_rwin_row *r;
	size_t o = 0;

	/* a heading longer than the year ("Année") widens the column */
	if (kz_text_width(_("Year")) > yw)
		yw = kz_text_width(_("Year"));
	if (width >= 90)
		sw = 10;
	fw = width - yw - hw - gw - (sw ? sw + 1 : 0) - 3;
	if (i == (size_t)-1) {
		for (int k = 0; k < 4; k++)
			record_list_head(&t->list, tr_sorts[k].key,
			    tr_sorts[k].head, h[k], sizeof h[k]);
		o = draw_cell(buf, size, o, h[0], yw, false);
		o = draw_cell(buf, size, o, h[1], hw, false);
		o = draw_cell(buf, size, o, h[2], gw, false);
		if (sw)
			o = draw_cell(buf, size, o, _("Status"), sw, false);
		draw_cell(buf, size, o, h[3], fw, true);
		return;
	}
	if ((r = list_win_row(&t->win, i)) == NULL) {
		buf[0] = '\0';
		return;
	}
	o = draw_cell(buf, size, o, tr_cell(r, t->cyear), yw, false);
	o = draw_cell(buf, size, o, tr_cell(r, t->chost), hw, false);
	o = draw_cell(buf, size, o, tr_cell(r, t->chome), gw, false);
	if (sw)
		o = draw_cell(buf, size, o, tr_cell(r, t->cstatus), sw, false);
	draw_cell(buf, size, o, tr_cell(r, t->cfields), fw, true);
}

static void
tr_detail(void *arg, struct record_list *l, size_t sel)
{
	struct tr_tab *t = arg;
	const struct kz_trainee *r = tr_sel(t);
	char buf[512];

	if (r == NULL)
		return;
	snprintf(buf, sizeof buf, "%s -> %s (%d)", r->home_government, r->host,
	    r->year);
	record_list_detail_title(l, buf);
	record_detail(l, &kz_trainee_type, r, t->ctx->cfg, "host", "notes");
	record_detail(l, &kz_trainee_type, r, t->ctx->cfg, "id", "id");
	record_history_detail(l, t->ctx->db, t->ctx->cfg, &kz_trainee_type,
	    r->id);
}

static void
tr_refilter(void *arg)
{
	tr_load(arg, NULL, false);
}

static const struct record_list_ops tr_ops = {
	.count = tr_count,
	.count_all = tr_count_all,
	.row = tr_row,
	.detail = tr_detail,
	.refilter = tr_refilter,
};

/* ---- taking back (screen_history.c) ---- */

static void
tr_init(void *rec)
{
	kz_trainee_init(rec);
}

static int
tr_copy(void *dst, const void *src)
{
	return kz_rtype_copy(&kz_trainee_type, dst, src);
}

static int tr_get(struct kz_db *, const char *, void *, struct kz_err *);
static void tr_release(void *);

static int
tr_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_trainee_insert(db, rec, err);
}

static int
tr_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_trainee_update(db, rec, err);
}

static const struct undo_ops tr_undo = {
	.rt = &kz_trainee_type, .size = sizeof (struct kz_trainee),
	.init = tr_init, .release = tr_release, .copy = tr_copy,
	.get = tr_get, .insert = tr_insert, .update = tr_update,
	.del = kz_trainee_delete,
};

/* ---- the form ---- */

struct tr_edit {
	struct tr_tab *t;
	const struct kz_trainee *orig;
	char saved[KZ_ID_SIZE];
	char name[128];		/* the host of the placement saved */
	struct record_form rf;
	struct record_guard guard;	/* no change made meanwhile put back */
};

static int
tr_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_trainee_get(db, id, rec, err);
}

static void
tr_release(void *rec)
{
	kz_trainee_free(rec);
}

static int
tr_save(struct form *f, void *arg, struct kz_err *err)
{
	struct tr_edit *e = arg;
	struct kz_db *db = e->t->ctx->db;
	struct kz_trainee r;
	int rc = KZ_OK;

again:
	kz_trainee_init(&r);
	if (e->orig) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		if (kz_stamps_copy(&r.st, &e->orig->st)) {
			kz_trainee_free(&r);
			return kz_err_add(err, "", "%s", _("out of memory"));
		}
		record_guard_stamp(&e->guard, &r);
	}
	record_form_take(&e->rf, f, &r, err);
	if (err->n > 0) {
		/* Show the rest of the problems too, not one at a time. */
		kz_trainee_validate(db, &r, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_trainee_update(db, &r, err);
	else
		rc = kz_trainee_insert(db, &r, err);
	if (rc == KZ_OK) {
		memcpy(e->saved, r.id, KZ_ID_SIZE);
		snprintf(e->name, sizeof e->name, "%s", r.host ? r.host : "");
	}
	kz_trainee_free(&r);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, db,
	    e->t->ctx->cfg, e->orig->id)) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

static unsigned
tr_form_run(struct tr_tab *t, bool edit)
{
	const struct kz_trainee *o = edit ? tr_sel(t) : NULL;
	struct tr_edit e = { .t = t, .orig = o };
	struct kz_trainee before;
	struct form f;
	bool saved;

	if (edit && o == NULL)
		return 0;
	kz_trainee_init(&before);
	if ((o && tr_copy(&before, o) != KZ_OK) ||
	    !record_form_init(&e.rf, &kz_trainee_type)) {
		kz_trainee_free(&before);
		return 0;
	}
	form_init(&f, edit ? _("Edit a trainee placement") :
	    _("Add a trainee placement"), e.rf.spec, e.rf.n, &e);
	if (o)
		record_form_fill(&e.rf, &f, o);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_trainee), tr_get,
	    tr_release, o);
	saved = form_run(&f, tr_save);
	if (saved)
		undo_push(t->ctx->db, &tr_undo, o ? UNDO_EDIT : UNDO_ADD,
		    e.saved, e.name, o ? &before : NULL);
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	kz_trainee_free(&before);
	if (saved) {
		/* o, the placement read, goes with the rows */
		tr_forget(t);
		tr_load(t, e.saved, true);
		frame_message(t->ctx, false, _("Saved %s."), e.saved);
	}
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
tr_deleted(void *arg, const char *id)
{
	struct tr_tab *t = arg;

	tr_forget(t);
	tr_load(t, NULL, true);
	frame_message(t->ctx, false, _("Deleted %s."), id);
}

/* Delete, keeping the placement as it was for u. */
static int
tr_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_trainee r;
	int rc;

	kz_trainee_init(&r);
	if ((rc = kz_trainee_get(db, id, &r, err)) == KZ_OK &&
	    (rc = kz_trainee_delete(db, id, err)) == KZ_OK)
		undo_push(db, &tr_undo, UNDO_DELETE, r.id, r.host, &r);
	kz_trainee_free(&r);
	return rc;
}

static const struct record_list_delete tr_delete = {
	.del = tr_delete_kept, .done = tr_deleted };

static void
tr_undone(void *arg)
{
	tr_forget(arg);
	tr_load(arg, NULL, true);
}

static unsigned
tr_key(void *tab, int key)
{
	struct tr_tab *t = tab;
	const struct kz_rwin_row *r = list_win_sel(&t->win);
	/* the selected placement: a move may read another page */
	char id[KZ_ID_SIZE], host[200], year[16];
	enum keys_action a;
	char q[300];

	snprintf(id, sizeof id, "%s", r ? r->id : "");
	snprintf(host, sizeof host, "%s", r ? tr_cell(r, t->chost) : "");
	snprintf(year, sizeof year, "%s", r ? tr_cell(r, t->cyear) : "");

	if (t->list.mode == RLIST_SEARCH)
		return record_list_search_key(&t->list, key);
	if (t->list.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->list, t->ctx, &tr_undo, key,
		    &t->undoing, tr_undone, t);
	if (t->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->list, t->ctx, key,
		    r ? id : NULL, &tr_delete);
	if (t->list.mode == RLIST_MENU)
		return record_list_menu_key(&t->list, key);
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ADD:
		return tr_form_run(t, false);
	case KA_EDIT:
		return tr_form_run(t, true);
	case KA_DELETE:
		if (r == NULL)
			return 0;
		snprintf(q, sizeof q, _("Delete the placement in %s (%d)?"),
		    host, atoi(year));
		record_list_ask(&t->list, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&t->list, t->ctx, &tr_undo, &t->undoing);
	default:
		return record_list_browse(&t->list, a);
	}
}

/* ---- the tab ---- */

static void *
tr_open(struct frame_ctx *ctx)
{
	struct tr_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->list, &tr_ops, t);
	list_win_init(&t->win, ctx, &t->list, true);
	t->cyear = kz_rlist_col(&kz_rlist_trainees, "year");
	t->chost = kz_rlist_col(&kz_rlist_trainees, "host");
	t->chome = kz_rlist_col(&kz_rlist_trainees, "home_government");
	t->cstatus = kz_rlist_col(&kz_rlist_trainees, "status");
	t->cfields = kz_rlist_col(&kz_rlist_trainees, "fields");
	/* the text column stays put from record to record */
	t->list.labelw = record_label_width(&kz_trainee_type);
	/* latest year first, as `trainee list` */
	t->list.sorts = tr_sorts;
	t->list.nsorts = (int)(sizeof tr_sorts / sizeof tr_sorts[0]);
	t->list.sortdesc = true;
	tr_load(t, NULL, true);
	return t;
}

static void
tr_close(void *tab)
{
	struct tr_tab *t = tab;

	if (t == NULL)
		return;
	record_list_free(&t->list);
	list_win_free(&t->win);
	tr_forget(t);
	free(t);
}

static void
tr_layout(void *tab, int y, int x, int h, int w)
{
	struct tr_tab *t = tab;

	record_list_layout(&t->list, y, x, h, w);
}

static void
tr_draw(void *tab, unsigned flags)
{
	struct tr_tab *t = tab;

	record_list_draw(&t->list, flags);
}

static int
tr_status(void *tab, WINDOW *w, int width)
{
	struct tr_tab *t = tab;
	char count[48];

	/* counted as far as the rows shown need: "1000+" */
	snprintf(count, sizeof count, " %zu%s/%ld", list_win_rows(&t->win),
	    list_win_exact(&t->win) ? "" : "+", t->total);
	return record_list_status(&t->list, w, width, count);
}

static unsigned
tr_keyctx(void *tab, bool *text)
{
	struct tr_tab *t = tab;

	return record_list_keyctx(&t->list, KEYS_LIST, text);
}

static void
tr_summary(void *tab, char *buf, size_t size)
{
	struct tr_tab *t = tab;

	if (*record_list_term(&t->list) && !list_win_exact(&t->win))
		snprintf(buf, size, ngettext("%zu+ of %ld placement",
		    "%zu+ of %ld placements", (unsigned long)t->total),
		    list_win_rows(&t->win), t->total);
	else if (*record_list_term(&t->list))
		snprintf(buf, size, ngettext("%zu of %ld placement",
		    "%zu of %ld placements", (unsigned long)t->total),
		    list_win_rows(&t->win), t->total);
	else
		snprintf(buf, size, ngettext("%ld placement", "%ld placements",
		    (unsigned long)t->total), t->total);
}

const struct frame_screen screen_trainees = {
	N_("Trainees"),
	tr_open,
	tr_close,
	tr_layout,
	tr_draw,
	tr_key,
	tr_status,
	tr_keyctx,
	tr_summary,
	NULL,
};
