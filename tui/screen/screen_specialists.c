/* screen_specialists.c - the specialist register tab: list, record, search (the form: specialist_form.c). */
#include "screen_specialists.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "screen_dispatch_view.h"
#include "screen_history.h"
#include "i18n.h"
#include "keys.h"
#include "record_list.h"
#include "rlist.h"
#include "rwin.h"
#include "screen_record.h"
#include "screen_specialist_form.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"
#include "xalloc.h"

/* Display names of stored keywords; core stores them in English. */
struct spec_tab {
	struct frame_ctx *ctx;
	struct record_list rl;
	/* the rows shown: a window over `specialist list` (core/rwin.h),
	 * read a page at a time, never the whole register */
	struct kz_rwin win;
	bool open;
	int cname_, croman_, cgov_, cstatus_, cfields_;	/* its columns */
	long total;			/* specialists without the filter */
	struct kz_specialist rec;	/* the selected record, loaded */
	bool have_rec;
	bool undoing;			/* the question asked is u's */
	int cname, croman, cgov, cstatus, cfields;
	/* shown only: a status (-1 any) and a field's code ("" any) */
	int status;
	char field[64];
};

/* The columns, as `specialist list --sort` names them; a name sorts by
 * its family name. */
static const struct record_list_sort spec_sorts[] = {
	{ "name", N_("Name") }, { "name_roman", N_("Romanised") },
	{ "government", N_("Government") }, { "status", N_("Status") },
	{ "fields", N_("Fields") },
};

/* The menus of the tab (record_list_menu). */
enum { SPEC_MENU_STATUS, SPEC_MENU_FIELD };

/* Is the list narrowed, by the search or a filter? */
static bool
spec_narrowed(struct spec_tab *t)
{
	return *record_list_term(&t->rl) || t->status >= 0 || t->field[0];
}

/* ---- loading ---- */

static void
spec_forget_rec(struct spec_tab *t)
{
	if (t->have_rec)
		kz_specialist_free(&t->rec);
	t->have_rec = false;
}

/* Row i of the window (its page read when it is not held); NULL past
 * the end. Valid until another row is asked for. */
static const struct kz_rwin_row *
spec_row_at(struct spec_tab *t, size_t i)
{
	const struct kz_rwin_row *r;
	struct kz_err err;

	if (!t->open)
		return NULL;
	kz_err_clear(&err);
	if ((r = kz_rwin_row(&t->win, (long long)i, &err)) == NULL && err.n)
		frame_error(t->ctx, &err);
	return r;
}

static const struct kz_rwin_row *
spec_row(struct spec_tab *t)
{
	return spec_row_at(t, t->rl.sel);
}

/* The rows there are so far: the count goes on past a cap ("1000+")
 * when the selection comes near it. */
static size_t
spec_rows(struct spec_tab *t)
{
	size_t near = t->rl.sel + 2 * (size_t)record_list_rows(&t->rl);
	struct kz_err err;

	if (!t->open)
		return 0;
	if (!kz_rwin_exact(&t->win) && near >= (size_t)kz_rwin_count(&t->win)) {
		kz_err_clear(&err);
		if (kz_rwin_more(&t->win, (long long)near, &err) != KZ_OK)
			frame_error(t->ctx, &err);
	}
	return (size_t)kz_rwin_count(&t->win);
}

/* Run the search again, keeping the selected record selected when it is
 * still listed. all: count every specialist too (after a write). */
static void
spec_reload(struct spec_tab *t, bool all, const char *select)
{
	const struct kz_rwin_row *r;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err;
	char keep[KZ_ID_SIZE] = "", sort[64];
	const char *term = record_list_term(&t->rl);
	size_t vis = (size_t)record_list_rows(&t->rl), n;
	long long at;

	if (select != NULL)
		snprintf(keep, sizeof keep, "%s", select);
	else if ((r = spec_row(t)) != NULL)
		snprintf(keep, sizeof keep, "%s", r->id);
	kz_err_clear(&err);
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	if (all || !t->open) {
		long long total = 0;

		/* every specialist: a count over an index, never the rows */
		if (kz_rlist_total(t->ctx->db, &q, -1, &total, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			return;
		}
		t->total = (long)total;
	}
	if (*term)
		kz_rlist_set(&q, "text", term);
	if (t->status >= 0)
		kz_rlist_set(&q, "status", kz_status_name((enum kz_status)
		    t->status));
	if (t->field[0])
		kz_rlist_set(&q, "field", t->field);
	q.sort = record_list_sort_spec(&t->rl, sort, sizeof sort);
	if (kz_rwin_open(t->ctx->db, &q, &w, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return;
	}
	if (t->open)
		kz_rwin_close(&t->win);
	t->win = w;
	t->open = true;
	if (!spec_narrowed(t))
		kz_rwin_known(&t->win, t->total);
	n = spec_rows(t);
	/* After a write the neighbour of a deleted row is selected; a new
	 * search starts at its best match. */
	if (!all || t->rl.sel >= n)
		t->rl.sel = all && n > 0 ? n - 1 : 0;
	/* The record selected stays so. While a search is typed only the
	 * first page is looked at: finding a row further down numbers
	 * every match, which is for a write or a new order, not a key. */
	for (size_t i = 0; keep[0] && i < t->win.n; i++)
		if (strcmp(t->win.rows[i].id, keep) == 0) {
			keep[0] = '\0';
			t->rl.sel = (size_t)t->win.base + i;
		}
	if (keep[0] && t->rl.mode != RLIST_SEARCH && (at = kz_rwin_find(
	    &t->win, keep, &err)) >= 0)
		t->rl.sel = (size_t)at;
	else if (err.n)
		frame_error(t->ctx, &err);
	n = spec_rows(t);
	/* the selection in the middle when it was out of view */
	if (t->rl.top > t->rl.sel || t->rl.top + vis <= t->rl.sel)
		t->rl.top = t->rl.sel >= vis / 2 ? t->rl.sel - vis / 2 : 0;
	if (n > 0 && t->rl.top + vis > n)
		t->rl.top = n > vis ? n - vis : 0;
	t->rl.dscroll = 0;
}

/* Load the selected record for the detail pane if it is not loaded. */
static void
spec_load_rec(struct spec_tab *t)
{
	const struct kz_rwin_row *row = spec_row(t);
	struct kz_err err;

	if (row == NULL) {
		spec_forget_rec(t);
		return;
	}
	if (t->have_rec && strcmp(t->rec.id, row->id) == 0)
		return;
	spec_forget_rec(t);
	kz_err_clear(&err);
	kz_specialist_init(&t->rec);
	if (kz_specialist_get(t->ctx->db, row->id, &t->rec, &err) == KZ_OK)
		t->have_rec = true;
	else {
		kz_specialist_free(&t->rec);
		frame_error(t->ctx, &err);
	}
}

/* ---- the list ---- */

/* Field codes "agriculture,education" as names in the office language. */
static void
spec_field_names(const struct kz_config *cfg, const char *codes, char *out,
    size_t size)
{
	char code[64];
	size_t o = 0;

	out[0] = '\0';
	while (codes && *codes && o + 1 < size) {
		size_t n = strcspn(codes, ",");
		const struct kz_field *f;

		snprintf(code, sizeof code, "%.*s", (int)n, codes);
		f = kz_config_field(cfg, code);
		o += snprintf(out + o, size - o, "%s%s", o ? ", " : "",
		    f ? kz_field_name(cfg, f) : code);
		codes += n;
		if (*codes == ',')
			codes++;
	}
}

static void
spec_columns(struct spec_tab *t)
{
	int rest;

	/* room for the mark of the column the list is sorted by */
	t->cstatus = kz_text_width(_("Status")) + 2;
	for (int i = 0; kz_specialist_status_enum.labels[i]; i++)
		if (kz_text_width(_(kz_specialist_status_enum.labels[i])) > t->cstatus)
			t->cstatus = kz_text_width(_(kz_specialist_status_enum.labels[i]));
	/* One column for the selection mark, one between columns. */
	rest = t->rl.lw - 1 - 4 - t->cstatus;
	if (rest < 45) {
		/* Narrow: the two names and the status say who it is; the
		 * record pane has the rest. */
		rest = t->rl.lw - 1 - 2 - t->cstatus;
		t->cname = rest * 45 / 100;
		t->croman = rest - t->cname;
		t->cgov = t->cfields = 0;
		return;
	}
	t->cname = rest * 20 / 100;
	t->croman = rest * 26 / 100;
	t->cgov = rest * 20 / 100;
	/* Extra width is worth more to the field list than to names. */
	if (t->cname > 20)
		t->cname = 20;
	if (t->croman > 28)
		t->croman = 28;
	if (t->cgov > 24)
		t->cgov = 24;
	t->cfields = rest - t->cname - t->croman - t->cgov;
}

/* End: every row counted, so that it goes to the last. */
static size_t
spec_count_all(void *arg)
{
	struct spec_tab *t = arg;
	struct kz_err err;

	if (!t->open)
		return 0;
	kz_err_clear(&err);
	if (kz_rwin_all(&t->win, &err) != KZ_OK)
		frame_error(t->ctx, &err);
	return (size_t)kz_rwin_count(&t->win);
}

static size_t
spec_count(void *arg)
{
	return spec_rows(arg);
}

static void
spec_line(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct spec_tab *t = arg;
	char names[1024], fields[1024], h[5][128];
	const struct kz_rwin_row *r;
	size_t o;

	if (i == (size_t)-1) {
		/* the column it is sorted by marked */
		for (int k = 0; k < 5; k++)
			record_list_head(&t->rl, spec_sorts[k].key,
			    spec_sorts[k].head, h[k], sizeof h[k]);
		o = draw_cell(buf, size, 0, h[0], t->cname, false);
		o = draw_cell(buf, size, o, h[1], t->croman, false);
		o = draw_cell(buf, size, o, h[2], t->cgov, false);
		o = draw_cell(buf, size, o, h[3], t->cstatus,
		    t->cfields == 0);
		draw_cell(buf, size, o, h[4], t->cfields, true);
		return;
	}
	if ((r = spec_row_at(t, i)) == NULL) {
		buf[0] = '\0';
		return;
	}
	spec_field_names(t->ctx->cfg, r->text[t->cfields_], names,
	    sizeof names);
	/* padded, as this list always was: a cut field list keeps its '~'
	 * in the last column */
	kz_text_fit(fields, sizeof fields, names, t->cfields, true);
	o = draw_cell(buf, size, 0, r->text[t->cname_], t->cname, false);
	o = draw_cell(buf, size, o, r->text[t->croman_], t->croman, false);
	o = draw_cell(buf, size, o, r->text[t->cgov_], t->cgov, false);
	o = draw_cell(buf, size, o, kz_enum_label(&kz_specialist_status_enum,
	    kz_status_parse(r->text[t->cstatus_]) == KZ_RETIRED ? KZ_RETIRED :
	    KZ_SERVING), t->cstatus, t->cfields == 0);
	draw_cell(buf, size, o, fields, t->cfields, true);
}

/* ---- the detail pane ---- */

/* The widest label: the text column stays put from record to record. */
static int
spec_label_width(void)
{
	int lw = record_label_width(&kz_specialist_type);

	if (kz_text_width(_("Dispatches")) > lw)
		lw = kz_text_width(_("Dispatches"));
	return lw;
}

static void
spec_detail(void *arg, struct record_list *l, size_t sel)
{
	struct spec_tab *t = arg;
	const struct kz_specialist *s = &t->rec;
	const struct kz_config *cfg = t->ctx->cfg;
	char buf[1024];

	spec_load_rec(t);
	if (!t->have_rec)
		return;
	snprintf(buf, sizeof buf, "%s (%s)", s->name ? s->name : "",
	    s->name_roman ? s->name_roman : "");
	record_list_detail_title(l, buf);
	record_detail(l, &kz_specialist_type, s, cfg, "id", "id");
	record_detail(l, &kz_specialist_type, s, cfg, "government", "notes");
	/* the dispatch history, newest first (screen_dispatch_view.c) */
	size_t nd;
	char **dl = dispatch_view_spec_lines(t->ctx->db, cfg, s->id, &nd);
	for (size_t i = 0; i < nd; i++)
		record_list_detail_add(l, i == 0 ? _("Dispatches") : NULL,
		    dl[i]);
	dispatch_view_free_lines(dl, nd);
	record_detail(l, &kz_specialist_type, s, cfg, "created", "updated_by");
	record_history_detail(l, t->ctx->db, cfg, &kz_specialist_type, s->id);
}

static void
spec_refilter(void *arg)
{
	spec_reload(arg, false, NULL);
}

/* What the list shows only, for the status line. */
static void
spec_filter_text(struct spec_tab *t)
{
	const struct kz_field *f = t->field[0] ?
	    kz_config_field(t->ctx->cfg, t->field) : NULL;

	snprintf(t->rl.filter, sizeof t->rl.filter, "%s%s%s",
	    t->status >= 0 ? kz_enum_label(&kz_specialist_status_enum,
	    t->status) : "", t->status >= 0 && f ? ", " : "",
	    f ? kz_field_name(t->ctx->cfg, f) : "");
}

static unsigned
spec_chosen(void *arg, int id, size_t item)
{
	struct spec_tab *t = arg;
	const struct kz_config *cfg = t->ctx->cfg;

	if (id == SPEC_MENU_STATUS)
		t->status = (int)item - 1;
	else if (item == 0 || item > cfg->nfields)
		t->field[0] = '\0';
	else
		snprintf(t->field, sizeof t->field, "%s",
		    cfg->fields[item - 1].code);
	spec_filter_text(t);
	spec_reload(t, true, NULL);
	return UI_DRAW_ALL;
}

/* The menu of statuses, or of fields, the one shown now under the
 * cursor. */
static unsigned
spec_filter_menu(struct spec_tab *t, int id)
{
	const struct kz_config *cfg = t->ctx->cfg;
	size_t n = 0, sel = 0;
	const char **items;
	unsigned f;

	if (id == SPEC_MENU_STATUS) {
		const char *st[] = { _("all"),
		    kz_enum_label(&kz_specialist_status_enum, KZ_SERVING),
		    kz_enum_label(&kz_specialist_status_enum, KZ_RETIRED) };

		return record_list_menu(&t->rl, id, _("Show the status"), st,
		    3, (size_t)(t->status + 1));
	}
	items = xcalloc(cfg->nfields + 1, sizeof *items);
	items[n++] = _("all");
	for (size_t i = 0; i < cfg->nfields; i++) {
		if (strcmp(cfg->fields[i].code, t->field) == 0)
			sel = n;
		items[n++] = kz_field_name(cfg, &cfg->fields[i]);
	}
	f = record_list_menu(&t->rl, id, _("Show the field"), items, n, sel);
	free(items);
	return f;
}

static const struct record_list_ops spec_ops = {
	.count = spec_count,
	.count_all = spec_count_all,
	.row = spec_line,
	.detail = spec_detail,
	.refilter = spec_refilter,
	.chosen = spec_chosen,
};

/* ---- taking back (screen_history.c) ---- */

static void
spec_init(void *rec)
{
	kz_specialist_init(rec);
}

static void
spec_release(void *rec)
{
	kz_specialist_free(rec);
}

static int
spec_copy(void *dst, const void *src)
{
	return kz_specialist_copy(dst, src);
}

static int
spec_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_specialist_get(db, id, rec, err);
}

static int
spec_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_specialist_insert(db, rec, err);
}

static int
spec_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_specialist_update(db, rec, err);
}

static const struct undo_ops spec_undo = {
	.rt = &kz_specialist_type, .size = sizeof (struct kz_specialist),
	.init = spec_init, .release = spec_release, .copy = spec_copy,
	.get = spec_get, .insert = spec_insert, .update = spec_update,
	.del = kz_specialist_delete,
};

/* ---- the form (specialist_form.c) ---- */

static unsigned
spec_edit_form(struct spec_tab *t, bool edit)
{
	struct spec_saved saved;
	struct kz_specialist before;

	kz_specialist_init(&before);
	if (edit) {
		spec_load_rec(t);
		if (!t->have_rec || kz_specialist_copy(&before, &t->rec))
			return UI_DRAW_STATUS;
	}
	if (specialist_form(t->ctx, edit ? &t->rec : NULL, &saved)) {
		undo_push(t->ctx->db, &spec_undo, edit ? UNDO_EDIT : UNDO_ADD,
		    saved.id, saved.name, edit ? &before : NULL);
		/* The loaded copy is stale now. */
		spec_forget_rec(t);
		spec_reload(t, true, saved.id);
		frame_message(t->ctx, false, _("Saved %s (%s)."), saved.name,
		    saved.id);
	}
	kz_specialist_free(&before);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
spec_deleted(void *arg, const char *id)
{
	struct spec_tab *t = arg;
	char name[128];

	const struct kz_rwin_row *r = spec_row(t);

	/* the deleted row is still the selected one until the reload */
	snprintf(name, sizeof name, "%s", r ? r->text[t->cname_] : "");
	spec_forget_rec(t);
	spec_reload(t, true, NULL);
	frame_message(t->ctx, false, _("Deleted %s (%s)."), name, id);
}

/* Delete, keeping the record as it was for u. */
static int
spec_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_specialist s;
	int rc;

	kz_specialist_init(&s);
	if ((rc = kz_specialist_get(db, id, &s, err)) == KZ_OK &&
	    (rc = kz_specialist_delete(db, id, err)) == KZ_OK)
		undo_push(db, &spec_undo, UNDO_DELETE, s.id, s.name, &s);
	kz_specialist_free(&s);
	return rc;
}

static const struct record_list_delete spec_delete = {
	.del = spec_delete_kept, .done = spec_deleted };

/* After u: the rows again, the record taken back or put back. */
static void
spec_undone(void *arg)
{
	struct spec_tab *t = arg;

	spec_forget_rec(t);
	spec_reload(t, true, NULL);
}

static unsigned
spec_key(void *tab, int key)
{
	struct spec_tab *t = tab;
	const struct kz_rwin_row *row = spec_row(t);
	/* the selected record's id and name: a move may read another page */
	char id[KZ_ID_SIZE], name[256];
	const char *r = row ? id : NULL;
	enum keys_action a;
	char q[512];
	unsigned f;

	snprintf(id, sizeof id, "%s", row ? row->id : "");
	snprintf(name, sizeof name, "%s", row ? row->text[t->cname_] : "");
	if (t->rl.mode == RLIST_SEARCH)
		return record_list_search_key(&t->rl, key);
	if (t->rl.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->rl, t->ctx, &spec_undo, key,
		    &t->undoing, spec_undone, t);
	if (t->rl.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->rl, t->ctx, key, r,
		    &spec_delete);
	if (t->rl.mode == RLIST_MENU)
		return record_list_menu_key(&t->rl, key);
	a = keys_lookup(KEYS_LIST | KEYS_SPECIALISTS, key, false);
	if ((f = record_list_browse(&t->rl, a)) != UI_PASS)
		return f;
	switch (a) {
	case KA_FILTER_STATUS:
		return spec_filter_menu(t, SPEC_MENU_STATUS);
	case KA_FILTER_FIELD:
		return spec_filter_menu(t, SPEC_MENU_FIELD);
	case KA_ADD:
		return spec_edit_form(t, false);
	case KA_EDIT:
		return r ? spec_edit_form(t, true) : 0;
	case KA_DELETE:
		if (r == NULL)
			return 0;
		snprintf(q, sizeof q, _("Delete %s (%s)?"), name, id);
		record_list_ask(&t->rl, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&t->rl, t->ctx, &spec_undo, &t->undoing);
	default:
		return UI_PASS;
	}
}

/* ---- the tab ---- */

static void *
spec_open(struct frame_ctx *ctx)
{
	struct spec_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->rl, &spec_ops, t);
	t->rl.empty = N_("No specialists yet: press %s to add one.");
	t->rl.nomatch = N_("No specialist matches the search or filter.");
	t->rl.nodetail = N_("No specialist selected.");
	/* by family name, as `specialist list` */
	t->rl.sorts = spec_sorts;
	t->rl.nsorts = (int)(sizeof spec_sorts / sizeof spec_sorts[0]);
	t->status = -1;
	t->cname_ = kz_rlist_col(&kz_rlist_specialists, "name");
	t->croman_ = kz_rlist_col(&kz_rlist_specialists, "name_roman");
	t->cgov_ = kz_rlist_col(&kz_rlist_specialists, "government");
	t->cstatus_ = kz_rlist_col(&kz_rlist_specialists, "status");
	t->cfields_ = kz_rlist_col(&kz_rlist_specialists, "fields");
	spec_reload(t, true, NULL);
	return t;
}

static void
spec_close(void *tab)
{
	struct spec_tab *t = tab;

	if (t == NULL)
		return;
	spec_forget_rec(t);
	record_list_free(&t->rl);
	if (t->open)
		kz_rwin_close(&t->win);
	free(t);
}

static void
spec_layout(void *tab, int y, int x, int h, int w)
{
	struct spec_tab *t = tab;

	/* a list row needs about 80 columns to read: below 140 the record
	 * goes under the list */
	record_list_layout(&t->rl, y, x, h, w);
	t->rl.labelw = spec_label_width();
	spec_columns(t);
}

static void
spec_draw(void *tab, unsigned flags)
{
	record_list_draw(&((struct spec_tab *)tab)->rl, flags);
}

static int
spec_status(void *tab, WINDOW *w, int width)
{
	struct spec_tab *t = tab;
	char count[48];
	size_t n = spec_rows(t);

	/* counted as far as the rows shown need: "1000+" */
	snprintf(count, sizeof count, " %zu%s/%ld", n, t->open &&
	    !kz_rwin_exact(&t->win) ? "+" : "", t->total);
	return record_list_status(&t->rl, w, width, count);
}

static unsigned
spec_keyctx(void *tab, bool *text)
{
	return record_list_keyctx(&((struct spec_tab *)tab)->rl, KEYS_LIST |
	    KEYS_SPECIALISTS, text);
}

static void
spec_summary(void *tab, char *buf, size_t size)
{
	struct spec_tab *t = tab;
	size_t n = spec_rows(t);

	if (spec_narrowed(t) && t->open && !kz_rwin_exact(&t->win))
		snprintf(buf, size, ngettext("%zu+ of %ld specialist",
		    "%zu+ of %ld specialists", (unsigned long)t->total),
		    n, t->total);
	else if (spec_narrowed(t))
		snprintf(buf, size, ngettext("%zu of %ld specialist",
		    "%zu of %ld specialists", (unsigned long)t->total),
		    n, t->total);
	else
		snprintf(buf, size, ngettext("%ld specialist",
		    "%ld specialists", (unsigned long)t->total), t->total);
}

/* Select id, clearing a search that hides it. */
static bool
spec_select(void *tab, const char *id)
{
	struct spec_tab *t = tab;
	const struct kz_rwin_row *r;

	spec_reload(t, true, id);
	if (((r = spec_row(t)) == NULL || strcmp(r->id, id) != 0) &&
	    record_list_clear(&t->rl))
		spec_reload(t, true, id);
	return (r = spec_row(t)) != NULL && strcmp(r->id, id) == 0;
}

const struct frame_screen screen_specialists = {
	N_("Specialists"),
	spec_open,
	spec_close,
	spec_layout,
	spec_draw,
	spec_key,
	spec_status,
	spec_keyctx,
	spec_summary,
	spec_select,
};
