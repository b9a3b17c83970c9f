/* screen_activities.c - the activities tab: a bar of kinds, and each kind's list, detail, form, delete and undo, all made from its struct kz_akind. */
#include "screen_activities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "line.h"
#include "list_win.h"
#include "record_list.h"
#include "screen_history.h"
#include "screen_record.h"
#include "text.h"
#include "xalloc.h"
#include "year.h"

/*
 * Nothing here names a kind: the bar, the columns, the detail and the
 * form come from kz_akinds[] (the kind's record table and list), so a
 * new kind appears here with no code of its own.
 */

/* The columns of a list the table shows, at most. */
#define AK_COLS 24

/*
 * Undo (screen_history.c) and the record guard take a type's functions
 * without an argument to say which kind: one set for each place of
 * kz_akinds[], made by AK_SLOT. The tab shows the first AK_SLOTS kinds.
 */
#define AK_SLOTS 12

static int
ak_delete_kept(struct kz_db *db, size_t slot, const char *id,
    struct kz_err *err);

#define AK_SLOT(i) \
static void ak_init_##i(void *r) { kz_activity_init(kz_akinds[i], r); } \
static void ak_release_##i(void *r) { kz_activity_free(kz_akinds[i], r); } \
static int ak_copy_##i(void *d, const void *s) \
{ return undo_copy(kz_akinds[i]->rt, d, s); } \
static int ak_get_##i(struct kz_db *db, const char *id, void *r, \
    struct kz_err *err) \
{ return kz_activity_get(db, kz_akinds[i], id, r, err); } \
static int ak_insert_##i(struct kz_db *db, void *r, struct kz_err *err) \
{ return kz_activity_insert(db, kz_akinds[i], r, err); } \
static int ak_update_##i(struct kz_db *db, void *r, struct kz_err *err) \
{ return kz_activity_update(db, kz_akinds[i], r, err); } \
static int ak_del_##i(struct kz_db *db, const char *id, struct kz_err *err) \
{ return kz_activity_delete(db, kz_akinds[i], id, err); } \
static int ak_kept_##i(struct kz_db *db, const char *id, struct kz_err *err) \
{ return ak_delete_kept(db, i, id, err); }

AK_SLOT(0) AK_SLOT(1) AK_SLOT(2) AK_SLOT(3) AK_SLOT(4) AK_SLOT(5)
AK_SLOT(6) AK_SLOT(7) AK_SLOT(8) AK_SLOT(9) AK_SLOT(10) AK_SLOT(11)

#define AK_FNS(i) { ak_init_##i, ak_release_##i, ak_copy_##i, ak_get_##i, \
    ak_insert_##i, ak_update_##i, ak_del_##i, ak_kept_##i }

static const struct {
	void (*init)(void *);
	void (*release)(void *);
	int (*copy)(void *, const void *);
	int (*get)(struct kz_db *, const char *, void *, struct kz_err *);
	int (*insert)(struct kz_db *, void *, struct kz_err *);
	int (*update)(struct kz_db *, void *, struct kz_err *);
	int (*del)(struct kz_db *, const char *, struct kz_err *);
	int (*kept)(struct kz_db *, const char *, struct kz_err *);
} ak_fns[AK_SLOTS] = {
	AK_FNS(0), AK_FNS(1), AK_FNS(2), AK_FNS(3), AK_FNS(4), AK_FNS(5),
	AK_FNS(6), AK_FNS(7), AK_FNS(8), AK_FNS(9), AK_FNS(10), AK_FNS(11),
};

/* What undo_push keeps is the address of a kind's ops: they live as
 * long as the program. */
static struct undo_ops ak_undo[AK_SLOTS];
static struct record_list_delete ak_dels[AK_SLOTS];

struct ak_tab {
	struct frame_ctx *ctx;
	size_t nk, k;			/* kinds shown, the one shown */
	const struct kz_akind *kind;
	/* the rows: a window over the kind's list (core/rwin.h), its
	 * cells kept as people read them, read a page at a time */
	struct list_win win;
	long total;			/* of the year, without the search */
	size_t ncols, col[AK_COLS];	/* the list's KZ_RC_TABLE columns */
	int natw[AK_COLS];		/* each one's widest on the page
					 * read when the rows were opened */
	int headw[AK_COLS];		/* and its heading's */
	struct record_list_sort sorts[AK_COLS];
	struct record_list list;
	bool undoing;			/* the question asked is u's */
	/* the year filter: as typed, and its name */
	bool asking;
	struct form_line yearline;
	char year[64], yearname[64];
	void *rec;			/* the detail's record */
	/* each kind as it was left: its record selected and its order */
	struct {
		char id[KZ_ID_SIZE];
		int sortcol;
		bool sortdesc;
	} left[AK_SLOTS];
	WINDOW *wbar;
	int barw;
};

static const struct kz_akind *
ak_kind(size_t i)
{
	return kz_akinds[i];
}

/* ---- the rows ---- */

/* The cell of table column i on row r, on one line: line breaks and
 * tabs are spaces (into buf). */
static const char *
ak_cell(const struct ak_tab *t, const struct kz_rwin_row *r, size_t i,
    char *buf, size_t size)
{
	const char *s = r->shown[t->col[i]];

	snprintf(buf, size, "%s", s ? s : "");
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return buf;
}

/* The id of the record selected, into id ("" for none). */
static const char *
ak_sel_id(struct ak_tab *t, char id[KZ_ID_SIZE])
{
	const struct kz_rwin_row *r = list_win_sel(&t->win);

	snprintf(id, KZ_ID_SIZE, "%s", r ? r->id : "");
	return id;
}

/* The list's query: the year, the sort, and the search with search. */
static void
ak_query(struct ak_tab *t, struct kz_rlist_query *q, char *sort, size_t size,
    bool search)
{
	kz_rlist_query_init(q, t->kind->list);
	q->sort = record_list_sort_spec(&t->list, sort, size);
	/* a list without one of these filters shows all its rows */
	if (t->year[0])
		(void)kz_rlist_set(q, "year", t->year);
	if (search && *record_list_term(&t->list))
		(void)kz_rlist_set(q, "search", record_list_term(&t->list));
}

/* The rows again (the kind, the year, the search, the order or a
 * record changed), keeping keep_id (NULL: the record selected)
 * selected. all: count the year's records too (not for a key of a
 * search). */
static void
ak_load(struct ak_tab *t, const char *keep_id, bool all)
{
	const struct kz_rlist *l = t->kind->list;
	const struct kz_rwin_row *r;
	struct kz_rlist_query q;
	struct kz_err err = { 0 };
	char sort[64], cell[512];
	const char *term = record_list_term(&t->list);
	int most = l->width > 0 ? l->width : 30;
	long long total = 0;

	for (size_t i = 0; i < t->ncols; i++)
		t->natw[i] = t->headw[i] = kz_text_width(_(
		    l->cols[t->col[i]].head));
	if (all || !t->win.open) {
		/* the year's records: a count, never the rows */
		ak_query(t, &q, sort, sizeof sort, false);
		if (kz_rlist_total(t->ctx->db, &q, -1, &total, &err) != KZ_OK)
			frame_error(t->ctx, &err);
		t->total = (long)total;
	}
	ak_query(t, &q, sort, sizeof sort, true);
	list_win_load(&t->win, &q, *term ? -1 : t->total, keep_id, false);
	/* the columns as wide as the page read needs: a window's rows
	 * are not all known, and the widths stay put as it scrolls */
	for (size_t k = 0; t->win.open && k < t->win.win.n; k++) {
		r = &t->win.win.rows[k];
		for (size_t i = 0; i < t->ncols; i++) {
			int w = kz_text_width(ak_cell(t, r, i, cell,
			    sizeof cell));

			if (w > t->natw[i])
				t->natw[i] = w < most ? w : most;
		}
	}
}

/* ---- the list ---- */

static size_t
ak_count(void *arg)
{
	struct ak_tab *t = arg;

	return list_win_rows(&t->win);
}

static size_t
ak_count_all(void *arg)
{
	struct ak_tab *t = arg;

	return list_win_all(&t->win);
}

/* The columns' widths in width display columns, a space between: each
 * as wide as its widest cell where they fit, else the widest narrowed
 * first (to 4), else those on the right left out. */
static void
ak_widths(const struct ak_tab *t, int width, int *w)
{
	const char *key = t->list.sortcol >= 0 && t->list.sortcol <
	    t->list.nsorts ? t->list.sorts[t->list.sortcol].key : NULL;
	int sum = -1, last = -1;

	for (size_t i = 0; i < t->ncols; i++) {
		w[i] = t->natw[i];
		/* the heading of the column sorted by has its mark, " ^" */
		if (key && strcmp(kz_rlist_key(t->kind->list, t->col[i]),
		    key) == 0 && w[i] < t->headw[i] + 2)
			w[i] = t->headw[i] + 2;
		sum += w[i] + 1;
	}
	while (sum > width) {
		size_t wide = 0;

		for (size_t i = 1; i < t->ncols; i++)
			if (w[i] > w[wide])
				wide = i;
		if (w[wide] <= 4)
			break;
		w[wide]--;
		sum--;
	}
	for (size_t i = t->ncols; i-- > 1 && sum > width;) {
		sum -= w[i] + 1;
		w[i] = 0;
	}
	for (size_t i = 0; i < t->ncols; i++)
		if (w[i] > 0)
			last = (int)i;
	/* the room left goes to the last column shown */
	if (last >= 0 && sum < width)
		w[last] += width - sum;
}

static void
ak_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct ak_tab *t = arg;
	const struct kz_rlist *l = t->kind->list;
	const struct kz_rwin_row *r = NULL;
	int w[AK_COLS];
	size_t o = 0, last = 0;
	char cell[512];

	if (i != (size_t)-1 && (r = list_win_row(&t->win, i)) == NULL) {
		buf[0] = '\0';
		return;
	}
	ak_widths(t, width, w);
	for (size_t c = 0; c < t->ncols; c++)
		if (w[c] > 0)
			last = c;
	buf[0] = '\0';
	for (size_t c = 0; c <= last && c < t->ncols; c++) {
		char head[128];
		const char *s;

		if (i == (size_t)-1)
			s = record_list_head(&t->list, kz_rlist_key(l, t->col[c]),
			    l->cols[t->col[c]].head, head, sizeof head);
		else
			s = ak_cell(t, r, c, cell, sizeof cell);
		o = draw_cell(buf, size, o, s, w[c], c == last);
	}
}

static void
ak_detail(void *arg, struct record_list *l, size_t sel)
{
	struct ak_tab *t = arg;
	const struct kz_akind *k = t->kind;
	const struct kz_rtype *rt = k->rt;
	struct kz_err err = { 0 };
	char what[300] = "", msg[KZ_ERR_MSG], id[KZ_ID_SIZE];

	(void)sel;
	if (!*ak_sel_id(t, id))
		return;
	if (kz_activity_get(t->ctx->db, k, id, t->rec, &err) != KZ_OK) {
		record_list_detail_add(l, NULL, kz_err_first(&err, msg,
		    sizeof msg));
		return;
	}
	if (k->describe)
		k->describe(t->rec, what, sizeof what);
	record_list_detail_title(l, *what ? what : id);
	/* every field in the table's order, the id last */
	for (size_t i = 0; i < rt->n; i++)
		if (strcmp(rt->f[i].name, "id") != 0)
			record_detail(l, rt, t->rec, t->ctx->cfg, rt->f[i].name,
			    rt->f[i].name);
	record_detail(l, rt, t->rec, t->ctx->cfg, "id", "id");
	record_history_detail(l, t->ctx->db, t->ctx->cfg, rt, id);
	kz_activity_free(k, t->rec);
}

static void
ak_refilter(void *arg)
{
	ak_load(arg, NULL, false);
}

static const struct record_list_ops ak_ops = {
	.count = ak_count,
	.count_all = ak_count_all,
	.row = ak_row,
	.detail = ak_detail,
	.refilter = ak_refilter,
};

/* ---- the kind shown ---- */

static void
ak_show_kind(struct ak_tab *t, size_t k)
{
	const struct kz_rlist *l;

	if (t->kind) {
		ak_sel_id(t, t->left[t->k].id);
		t->left[t->k].sortcol = t->list.sortcol;
		t->left[t->k].sortdesc = t->list.sortdesc;
	}
	list_win_free(&t->win);
	if (t->kind && t->rec)
		kz_activity_destroy(t->kind, t->rec);
	t->k = k;
	t->kind = ak_kind(k);
	if ((t->rec = kz_activity_new(t->kind)) == NULL)
		xalloc_die();
	l = t->kind->list;
	t->ncols = 0;
	t->list.nsorts = 0;
	for (size_t c = 0; c < l->ncols && t->ncols < AK_COLS; c++) {
		if (!(l->cols[c].flags & KZ_RC_TABLE) || l->cols[c].head == NULL)
			continue;
		t->col[t->ncols++] = c;
		if (kz_rlist_sort_expr(l, c) != NULL) {
			t->sorts[t->list.nsorts].key = kz_rlist_key(l, c);
			t->sorts[t->list.nsorts].head = l->cols[c].head;
			t->list.nsorts++;
		}
	}
	/* the list's own order until a column is chosen */
	t->list.sorts = t->sorts;
	t->list.sortcol = t->left[k].sortcol;
	t->list.sortdesc = t->left[k].sortdesc;
	t->list.labelw = record_label_width(t->kind->rt);
	t->list.zoom = false;
	t->list.sel = 0;
	t->list.top = 0;
	t->list.dscroll = 0;
	ak_load(t, t->left[k].id[0] ? t->left[k].id : "", true);
}

/* The bar of kinds: "1 Support  2 Research ...", the one shown marked;
 * where it runs long the spaces between go, then the numbers, before a
 * title is cut. The year and the counts on the right where they fit. */
static void
ak_draw_bar(struct ak_tab *t)
{
	char right[160], item[128];
	int x = 0, names = 0, rw, style;

	if (t->wbar == NULL)
		return;
	werase(t->wbar);
	for (size_t i = 0; i < t->nk; i++)
		names += kz_text_width(_(ak_kind(i)->title));
	if (*record_list_term(&t->list))
		snprintf(right, sizeof right, "%s%s%zu%s/%ld ", t->yearname,
		    *t->yearname ? "  " : "", list_win_rows(&t->win),
		    list_win_exact(&t->win) ? "" : "+", t->total);
	else
		snprintf(right, sizeof right, "%s%s%ld ", t->yearname,
		    *t->yearname ? "  " : "", t->total);
	rw = kz_text_width(right);
	/* " 1 Title " and a space; " 1 Title "; " Title " */
	style = names + 5 * (int)t->nk <= t->barw ? 0 :
	    names + 4 * (int)t->nk <= t->barw ? 1 : 2;
	for (size_t i = 0; i < t->nk && x < t->barw; i++) {
		if (style < 2)
			snprintf(item, sizeof item, " %zu %s ", i + 1,
			    _(ak_kind(i)->title));
		else
			snprintf(item, sizeof item, " %s ", _(ak_kind(i)->title));
		x += draw_text(t->wbar, 0, x, kz_text_width(item) <
		    t->barw - x ? kz_text_width(item) : t->barw - x, item,
		    draw_attr(i == t->k ? DRAW_TAB_ON : DRAW_DIM));
		if (style == 0 && x < t->barw)
			x += draw_text(t->wbar, 0, x, 1, " ", A_NORMAL);
	}
	if (x + rw < t->barw)
		draw_text(t->wbar, 0, t->barw - rw, rw, right,
		    draw_attr(DRAW_HEADER));
	wnoutrefresh(t->wbar);
}

/* ---- taking back, deleting ---- */

static int
ak_delete_kept(struct kz_db *db, size_t slot, const char *id,
    struct kz_err *err)
{
	const struct kz_akind *k = ak_kind(slot);
	void *rec = kz_activity_new(k);
	char what[300] = "";
	int rc;

	if (rec == NULL)
		xalloc_die();
	if ((rc = kz_activity_get(db, k, id, rec, err)) == KZ_OK &&
	    (rc = kz_activity_delete(db, k, id, err)) == KZ_OK) {
		if (k->describe)
			k->describe(rec, what, sizeof what);
		undo_push(db, &ak_undo[slot], UNDO_DELETE, id, what, rec);
	}
	kz_activity_destroy(k, rec);
	return rc;
}

static void
ak_deleted(void *arg, const char *id)
{
	struct ak_tab *t = arg;

	ak_load(t, NULL, true);
	frame_message(t->ctx, false, _("Deleted %s."), id);
}

static void
ak_undone(void *arg)
{
	ak_load(arg, NULL, true);
}

/* ---- the form ---- */

struct ak_edit {
	struct ak_tab *t;
	const struct kz_akind *k;
	const void *orig;		/* as read when the form opened */
	char saved[KZ_ID_SIZE];
	char name[300];			/* the record saved in a few words */
	struct record_form rf;
	struct record_guard guard;	/* no change made meanwhile put back */
};

static int
ak_save(struct form *f, void *arg, struct kz_err *err)
{
	struct ak_edit *e = arg;
	const struct kz_akind *k = e->k;
	struct kz_db *db = e->t->ctx->db;
	void *rec;
	int rc;

again:
	if ((rec = kz_activity_new(k)) == NULL)
		xalloc_die();
	if (e->orig) {
		memcpy(rec, kz_activity_id(k, e->orig), KZ_ID_SIZE);
		if (kz_stamps_copy(kz_activity_stamps(k, rec),
		    kz_activity_stamps(k, (void *)e->orig))) {
			kz_activity_destroy(k, rec);
			return kz_err_add(err, "", "%s", _("out of memory"));
		}
		record_guard_stamp(&e->guard, rec);
	}
	record_form_take(&e->rf, f, rec, err);
	if (err->n > 0) {
		/* the rest of the problems too, not one at a time */
		if (e->orig == NULL && k->prepare)
			k->prepare(db, rec);
		kz_activity_validate(db, k, rec, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_activity_update(db, k, rec, err);
	else
		rc = kz_activity_insert(db, k, rec, err);
	if (rc == KZ_OK) {
		memcpy(e->saved, kz_activity_id(k, rec), KZ_ID_SIZE);
		e->name[0] = '\0';
		if (k->describe)
			k->describe(rec, e->name, sizeof e->name);
	}
	kz_activity_destroy(k, rec);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, db,
	    e->t->ctx->cfg, kz_activity_id(k, e->orig))) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

static unsigned
ak_form_run(struct ak_tab *t, bool edit)
{
	const struct kz_akind *k = t->kind;
	struct ak_edit e = { .t = t, .k = k };
	struct kz_err err = { 0 };
	void *orig = NULL;
	char title[256], id[KZ_ID_SIZE];
	struct form f;

	if (edit) {
		if (!*ak_sel_id(t, id))
			return 0;
		if ((orig = kz_activity_new(k)) == NULL)
			xalloc_die();
		if (kz_activity_get(t->ctx->db, k, id, orig, &err) != KZ_OK) {
			kz_activity_destroy(k, orig);
			frame_error(t->ctx, &err);
			return UI_DRAW_STATUS;
		}
		/* TRANSLATORS: the kind's title and the record's id,
		 * "Support: edit BJS-AB12-CD34" */
		snprintf(title, sizeof title, _("%s: edit %s"), _(k->title),
		    kz_activity_id(k, orig));
	} else
		/* TRANSLATORS: the kind's title, "Support: new record" */
		snprintf(title, sizeof title, _("%s: new record"),
		    _(k->title));
	e.orig = orig;
	if (!record_form_init(&e.rf, k->rt)) {
		kz_activity_destroy(k, orig);
		return 0;
	}
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	if (orig)
		record_form_fill(&e.rf, &f, orig);
	record_guard_init(&e.guard, &e.rf, k->size, ak_fns[t->k].get,
	    ak_fns[t->k].release, orig);
	if (form_run(&f, ak_save)) {
		undo_push(t->ctx->db, &ak_undo[t->k], orig ? UNDO_EDIT :
		    UNDO_ADD, e.saved, e.name, orig);
		ak_load(t, e.saved, true);
		frame_message(t->ctx, false, _("Saved %s."), e.saved);
	}
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	kz_activity_destroy(k, orig);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

/* The year typed after the year key: a reporting year or FROM..TO, as
 * `--year` takes it; nothing shows every year again. */
static unsigned
ak_year_key(struct ak_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_PROMPT | KEYS_EDIT, key, true);
	struct kz_err err = { 0 };
	char from[11], to[11], msg[KZ_ERR_MSG + 64], *typed;
	int year;

	switch (a) {
	case KA_CANCEL:
		t->asking = false;
		return UI_DRAW_STATUS;
	case KA_ACCEPT:
		break;
	case KA_COMPLETE:
		return 0;
	default:
		form_line_edit(&t->yearline, a, key);
		return UI_DRAW_STATUS;
	}
	t->asking = false;
	typed = xstrdup(form_line_text(&t->yearline));
	kz_trim(typed);
	if (*typed == '\0') {
		t->year[0] = t->yearname[0] = '\0';
	} else if (kz_year_parse(t->ctx->cfg, typed, &year, from, to, "",
	    &err) != KZ_OK) {
		frame_message(t->ctx, true, "%s", kz_err_first(&err, msg,
		    sizeof msg));
		free(typed);
		return UI_DRAW_STATUS;
	} else {
		snprintf(t->year, sizeof t->year, "%s", typed);
		if (year)
			kz_year_name(t->ctx->cfg, year, t->yearname,
			    sizeof t->yearname);
		else
			kz_year_range_name(t->ctx->cfg, from, to, t->yearname,
			    sizeof t->yearname);
	}
	free(typed);
	snprintf(t->list.filter, sizeof t->list.filter, "%s", t->yearname);
	ak_load(t, NULL, true);
	return UI_DRAW_ALL;
}

static unsigned
ak_key(void *tab, int key)
{
	struct ak_tab *t = tab;
	struct kz_err err = { 0 };
	enum keys_action a;
	char q[512], id[KZ_ID_SIZE];

	if (t->kind == NULL)
		return UI_PASS;
	if (t->asking)
		return ak_year_key(t, key);
	if (t->list.mode == RLIST_SEARCH)
		return record_list_search_key(&t->list, key) | UI_DRAW_BODY;
	if (t->list.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->list, t->ctx, &ak_undo[t->k], key,
		    &t->undoing, ak_undone, t);
	if (t->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->list, t->ctx, key,
		    *ak_sel_id(t, id) ? id : NULL, &ak_dels[t->k]);
	if (t->list.mode == RLIST_MENU)
		return record_list_menu_key(&t->list, key);
	a = keys_lookup(KEYS_LIST | KEYS_ACTIVITIES, key, false);
	switch (a) {
	case KA_KIND_NEXT:
		ak_show_kind(t, (t->k + 1) % t->nk);
		return UI_DRAW_ALL;
	case KA_KIND_PREV:
		ak_show_kind(t, (t->k + t->nk - 1) % t->nk);
		return UI_DRAW_ALL;
	case KA_KIND_GO:
		/* the digit is the kind's number in the bar (an input
		 * method's full-width digit is the same) */
		if (key >= 0xff10 && key <= 0xff19)
			key -= 0xfee0;
		if (key < '1' || (size_t)(key - '1') >= t->nk)
			return 0;
		if ((size_t)(key - '1') != t->k)
			ak_show_kind(t, (size_t)(key - '1'));
		return UI_DRAW_ALL;
	case KA_YEAR:
		form_line_set(&t->yearline, t->year);
		t->asking = true;
		return UI_DRAW_STATUS;
	case KA_ADD:
		return ak_form_run(t, false);
	case KA_EDIT:
		return ak_form_run(t, true);
	case KA_DELETE:
		if (!*ak_sel_id(t, id))
			return 0;
		if (kz_activity_delete_question(t->ctx->db, t->kind, id, q,
		    sizeof q, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			return UI_DRAW_STATUS;
		}
		/* a question on its own begins with a capital */
		if (q[0] >= 'a' && q[0] <= 'z')
			q[0] = (char)(q[0] - 'a' + 'A');
		record_list_ask(&t->list, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&t->list, t->ctx, &ak_undo[t->k], &t->undoing);
	default:
		return record_list_browse(&t->list, a);
	}
}

/* ---- the tab ---- */

static void *
ak_open(struct frame_ctx *ctx)
{
	struct ak_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	while (t->nk < AK_SLOTS && kz_akinds[t->nk] != NULL) {
		size_t i = t->nk++;
		const struct kz_akind *k = kz_akinds[i];

		ak_undo[i] = (struct undo_ops){ .rt = k->rt, .size = k->size,
		    .init = ak_fns[i].init, .release = ak_fns[i].release,
		    .copy = ak_fns[i].copy, .get = ak_fns[i].get,
		    .insert = ak_fns[i].insert, .update = ak_fns[i].update,
		    .del = ak_fns[i].del };
		ak_dels[i] = (struct record_list_delete){
		    .del = ak_fns[i].kept, .done = ak_deleted };
	}
	record_list_init(&t->list, &ak_ops, t);
	list_win_init(&t->win, ctx, &t->list, true);
	for (size_t i = 0; i < AK_SLOTS; i++)
		t->left[i].sortcol = -1;
	if (t->nk > 0)
		ak_show_kind(t, 0);
	return t;
}

static void
ak_close(void *tab)
{
	struct ak_tab *t = tab;

	if (t == NULL)
		return;
	draw_delwin(&t->wbar);
	record_list_free(&t->list);
	list_win_free(&t->win);
	if (t->kind)
		kz_activity_destroy(t->kind, t->rec);
	form_line_free(&t->yearline);
	free(t);
}

static void
ak_layout(void *tab, int y, int x, int h, int w)
{
	struct ak_tab *t = tab;

	draw_delwin(&t->wbar);
	t->barw = w;
	/* the bar of kinds above the list, when there is room for both */
	if (h > 2 && w > 0) {
		t->wbar = draw_newwin(1, w, y, x);
		record_list_layout(&t->list, y + 1, x, h - 1, w);
	} else
		record_list_layout(&t->list, y, x, h, w);
}

static void
ak_draw(void *tab, unsigned flags)
{
	struct ak_tab *t = tab;

	if (flags & (UI_DRAW_BODY | UI_DRAW_TITLE))
		ak_draw_bar(t);
	record_list_draw(&t->list, flags);
}

static int
ak_status(void *tab, WINDOW *w, int width)
{
	struct ak_tab *t = tab;
	char count[48];
	const char *label = _("Year (2019 or FROM..TO): ");
	int x;

	if (t->asking) {
		x = draw_prompt_label(w, width, label, A_BOLD);
		x = form_line_draw(&t->yearline, w, 0, x, width - x, A_NORMAL);
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	snprintf(count, sizeof count, " %zu%s/%ld", list_win_rows(&t->win),
	    list_win_exact(&t->win) ? "" : "+", t->total);
	return record_list_status(&t->list, w, width, count);
}

static unsigned
ak_keyctx(void *tab, bool *text)
{
	struct ak_tab *t = tab;

	if (t->asking) {
		*text = true;
		return KEYS_PROMPT;
	}
	return record_list_keyctx(&t->list, KEYS_LIST | KEYS_ACTIVITIES, text);
}

static void
ak_summary(void *tab, char *buf, size_t size)
{
	struct ak_tab *t = tab;
	const struct kz_akind *k = t->kind;
	char year[80] = "";

	if (k == NULL) {
		buf[0] = '\0';
		return;
	}
	if (*t->yearname)
		snprintf(year, sizeof year, "%s: ", t->yearname);
	if (*record_list_term(&t->list))
		/* TRANSLATORS: "FY2019: 3 of 12 support cases" */
		snprintf(buf, size, _("%s%zu of %ld %s"), year,
		    list_win_rows(&t->win), t->total, _(k->many));
	else
		/* TRANSLATORS: "FY2019: 12 support cases" */
		snprintf(buf, size, _("%s%ld %s"), year, t->total,
		    t->total == 1 ? _(k->one) : _(k->many));
}

const struct kz_rlist *
screen_activities_list(void *tab)
{
	struct ak_tab *t = tab;

	return t->kind ? t->kind->list : NULL;
}

const struct frame_screen screen_activities = {
	N_("Activities"),
	ak_open,
	ak_close,
	ak_layout,
	ak_draw,
	ak_key,
	ak_status,
	ak_keyctx,
	ak_summary,
	NULL,
};
