/* screen_openings.c - opening figures on the Reports tab: their list, detail, form, delete and undo, each with the programme's count since the start. */
#include "screen_openings.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "opening.h"
#include "record_list.h"
#include "rlist.h"
#include "screen_history.h"
#include "screen_record.h"
#include "stamp.h"
#include "tally.h"
#include "text.h"
#include "xalloc.h"

/*
 * The figures are the table of core/opening.c: the form, the detail and
 * the pick list of programmes come from it, as on any record tab. Each
 * row also says what the tally makes of the programme since the start,
 * up to the end of the Reports tab's year, so that a figure's effect is
 * seen as it is saved.
 */

enum { C_PROGRAMME, C_AS_OF, C_COUNT, C_SINCE, C_TOTAL, NCOLS };

static const char *const heads[NCOLS] = {
	N_("PROGRAMME"), N_("AS OF"), N_("COUNT"), N_("SINCE"),
	N_("SINCE THE START"),
};

struct op_row {
	char id[KZ_ID_SIZE];
	char *cell[NCOLS];
};

struct openings {
	struct frame_ctx *ctx;
	struct record_list list;
	struct op_row *rows;
	size_t n;
	int natw[NCOLS];
	char from[11], to[11];	/* the range the totals count up to */
	char name[64];		/* its name: "FY2019" */
	bool undoing;		/* the question asked is u's */
	bool done;		/* Esc: back to the charts */
};

/* ---- undo, as every record type has it ---- */

static void
op_init(void *r)
{
	kz_opening_init(r);
}

static void
op_release(void *r)
{
	kz_opening_free(r);
}

static int
op_copy(void *d, const void *s)
{
	return undo_copy(&kz_opening_type, d, s);
}

static int
op_get(struct kz_db *db, const char *id, void *r, struct kz_err *err)
{
	return kz_opening_get(db, id, r, err);
}

static int
op_insert(struct kz_db *db, void *r, struct kz_err *err)
{
	return kz_opening_insert(db, r, err);
}

static int
op_update(struct kz_db *db, void *r, struct kz_err *err)
{
	return kz_opening_update(db, r, err);
}

static int
op_del(struct kz_db *db, const char *id, struct kz_err *err)
{
	return kz_opening_delete(db, id, err);
}

static const struct undo_ops op_undo = {
	.rt = &kz_opening_type, .size = sizeof (struct kz_opening),
	.init = op_init, .release = op_release, .copy = op_copy,
	.get = op_get, .insert = op_insert, .update = op_update,
	.del = op_del,
};

/* "LGOTP officials trained: 514 as of 2019-03-31", for undo and
 * messages. */
static void
op_name(const struct openings *v, const struct kz_opening *o, char *out,
    size_t size)
{
	char label[160], day[64];

	kz_tally_shown(v->ctx->db, o->programme, label, sizeof label);
	snprintf(out, size, _("%s: %d as of %s"), label, o->count,
	    kz_stamp_date(v->ctx->cfg, o->as_of, day, sizeof day));
}

/* ---- the rows ---- */

static void
op_rows_free(struct openings *v)
{
	for (size_t i = 0; i < v->n; i++)
		for (int k = 0; k < NCOLS; k++)
			free(v->rows[i].cell[k]);
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
}

static void
op_load(struct openings *v, const char *keep_id)
{
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	char keep[KZ_ID_SIZE] = "";
	size_t cap = 0;
	int rc;

	if (keep_id)
		snprintf(keep, sizeof keep, "%s", keep_id);
	else if (v->list.sel < v->n)
		snprintf(keep, sizeof keep, "%s", v->rows[v->list.sel].id);
	op_rows_free(v);
	for (int k = 0; k < NCOLS; k++)
		v->natw[k] = kz_text_width(_(heads[k]));
	kz_rlist_query_init(&q, &kz_rlist_openings);
	if (kz_rlist_open(v->ctx->db, &q, &c, &err) == KZ_OK) {
		while ((rc = kz_rlist_next(&c, &err)) == 1) {
			const struct kz_opening *o = c.rec;
			const char *term = record_list_term(&v->list);
			struct kz_tally t;
			struct kz_err terr = { 0 };
			struct op_row *r;
			char buf[160];

			if (kz_tally_name(v->ctx->db, o->programme, buf,
			    sizeof buf, &terr) != KZ_OK)
				kz_tally_label(o->programme, buf, sizeof buf);
			/* a search finds the programme by its name or key, or
			 * a word of the note */
			if (*term && !kz_text_has(buf, term) &&
			    !kz_text_has(o->programme, term) &&
			    !kz_text_has(o->note ? o->note : "", term))
				continue;
			if (v->n == cap) {
				cap = cap ? cap * 2 : 32;
				v->rows = xrealloc(v->rows, cap * sizeof *v->rows);
			}
			r = &v->rows[v->n++];
			memset(r, 0, sizeof *r);
			snprintf(r->id, sizeof r->id, "%s", o->id);
			r->cell[C_PROGRAMME] = xstrdup(buf);
			r->cell[C_AS_OF] = xstrdup(kz_stamp_date(v->ctx->cfg,
			    o->as_of, buf, sizeof buf));
			r->cell[C_COUNT] = xstrdup(kz_text_count(o->count, buf,
			    sizeof buf));
			if (o->since)
				snprintf(buf, sizeof buf, "%d", o->since);
			else
				buf[0] = '\0';
			r->cell[C_SINCE] = xstrdup(buf);
			if (kz_tally_count(v->ctx->db, o->programme, v->from,
			    v->to, &t, &terr) == KZ_OK)
				kz_text_count(t.total, buf, sizeof buf);
			else
				buf[0] = '\0';
			r->cell[C_TOTAL] = xstrdup(buf);
			for (int k = 0; k < NCOLS; k++) {
				int w = kz_text_width(r->cell[k]);

				if (w > v->natw[k])
					v->natw[k] = w < 50 ? w : 50;
			}
		}
		kz_rlist_close(&c);
	}
	if (err.n > 0)
		frame_error(v->ctx, &err);
	v->list.sel = 0;
	for (size_t i = 0; keep[0] && i < v->n; i++)
		if (strcmp(v->rows[i].id, keep) == 0)
			v->list.sel = i;
	v->list.dscroll = 0;
	record_list_clamp(&v->list);
}

/* ---- the list ---- */

static size_t
op_count(void *arg)
{
	return ((struct openings *)arg)->n;
}

/* The programme takes the room the numbers leave; it is narrowed first,
 * then the columns on the right go. */
static void
op_widths(const struct openings *v, int width, int *w)
{
	int sum = -1;

	for (int k = 0; k < NCOLS; k++) {
		w[k] = v->natw[k];
		sum += w[k] + 1;
	}
	while (sum > width && w[C_PROGRAMME] > 12) {
		w[C_PROGRAMME]--;
		sum--;
	}
	for (int k = NCOLS; k-- > 1 && sum > width;) {
		sum -= w[k] + 1;
		w[k] = 0;
	}
}

static void
op_row_text(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct openings *v = arg;
	int w[NCOLS], last = 0;
	size_t o = 0;

	op_widths(v, width, w);
	for (int k = 0; k < NCOLS; k++)
		if (w[k] > 0)
			last = k;
	buf[0] = '\0';
	for (int k = 0; k <= last; k++) {
		const char *s = i == (size_t)-1 ? _(heads[k]) :
		    v->rows[i].cell[k];
		char cell[160];
		int pad;

		/* numbers flush right under their heading */
		if (k != C_PROGRAMME && i != (size_t)-1 && (pad = w[k] -
		    kz_text_width(s)) > 0) {
			snprintf(cell, sizeof cell, "%*s%s", pad, "", s);
			s = cell;
		}
		o = draw_cell(buf, size, o, s, w[k], k == last);
	}
}

static void
op_detail(void *arg, struct record_list *l, size_t sel)
{
	struct openings *v = arg;
	const struct kz_rtype *rt = &kz_opening_type;
	struct kz_opening o;
	struct kz_tally t;
	struct kz_err err = { 0 };
	char msg[KZ_ERR_MSG], what[300], total[32], line[300];

	if (kz_opening_get(v->ctx->db, v->rows[sel].id, &o, &err) != KZ_OK) {
		record_list_detail_add(l, NULL, kz_err_first(&err, msg,
		    sizeof msg));
		return;
	}
	op_name(v, &o, what, sizeof what);
	record_list_detail_title(l, what);
	/* the programme by its name, as the list has it, the key after
	 * (the table's show, as `opening show` prints it) */
	for (size_t i = 0; i < rt->n; i++)
		if (strcmp(rt->f[i].name, "id") != 0)
			record_detail(l, rt, &o, v->ctx->cfg, rt->f[i].name,
			    rt->f[i].name);
	record_detail(l, rt, &o, v->ctx->cfg, "id", "id");
	/* what the tally makes of it: the figure, and the records after */
	if (kz_tally_count(v->ctx->db, o.programme, v->from, v->to, &t,
	    &err) == KZ_OK) {
		kz_text_count(t.total, total, sizeof total);
		if (t.opening && strcmp(t.as_of, o.as_of) != 0)
			/* TRANSLATORS: a later figure of the same programme
			 * is the one counted */
			snprintf(line, sizeof line, _("%s up to %s (a later "
			    "figure counts)"), total, v->name);
		else if (t.opening)
			/* TRANSLATORS: "521 up to FY2019: this figure and 7
			 * records after it" */
			snprintf(line, sizeof line, ngettext("%s up to %s: "
			    "this figure and %ld record after it", "%s up to "
			    "%s: this figure and %ld records after it",
			    (unsigned long)(t.total - t.opening_count)), total,
			    v->name, t.total - t.opening_count);
		else
			snprintf(line, sizeof line, _("%s up to %s (this figure "
			    "is dated after it)"), total, v->name);
		record_list_detail_heading(l, _("Since the start"));
		record_list_detail_add(l, _("Total"), line);
	}
	record_history_detail(l, v->ctx->db, v->ctx->cfg, rt, o.id);
	kz_opening_free(&o);
}

static void
op_refilter(void *arg)
{
	op_load(arg, NULL);
}

static const struct record_list_ops op_ops = {
	.count = op_count,
	.row = op_row_text,
	.detail = op_detail,
	.refilter = op_refilter,
};

/* ---- deleting ---- */

/* The figure deleted and kept for undo. */
static int
op_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_opening o;
	int rc;

	if ((rc = kz_opening_get(db, id, &o, err)) != KZ_OK)
		return rc;
	if ((rc = kz_opening_delete(db, id, err)) == KZ_OK) {
		char what[200];

		undo_push(db, &op_undo, UNDO_DELETE, id, kz_tally_shown(db,
		    o.programme, what, sizeof what), &o);
	}
	kz_opening_free(&o);
	return rc;
}

static void
op_deleted(void *arg, const char *id)
{
	struct openings *v = arg;

	op_load(v, NULL);
	frame_message(v->ctx, false, _("Deleted %s."), id);
}

static void
op_undone(void *arg)
{
	op_load(arg, NULL);
}

static const struct record_list_delete op_dels = {
	.del = op_delete_kept, .done = op_deleted,
};

/* ---- the form ---- */

struct op_edit {
	struct openings *v;
	const struct kz_opening *orig;	/* as read when the form opened */
	char saved[KZ_ID_SIZE];
	char name[300];
	struct record_form rf;
	struct record_guard guard;
};

static int
op_save(struct form *f, void *arg, struct kz_err *err)
{
	struct op_edit *e = arg;
	struct kz_db *db = e->v->ctx->db;
	struct kz_opening o;
	int rc;

again:
	kz_opening_init(&o);
	if (e->orig) {
		memcpy(o.id, e->orig->id, sizeof o.id);
		if (kz_stamps_copy(&o.st, &e->orig->st))
			return kz_err_add(err, "", "%s", _("out of memory"));
		record_guard_stamp(&e->guard, &o);
	}
	record_form_take(&e->rf, f, &o, err);
	if (err->n > 0) {
		/* the rest of the problems too, not one at a time */
		kz_opening_validate(db, &o, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_opening_update(db, &o, err);
	else
		rc = kz_opening_insert(db, &o, err);
	if (rc == KZ_OK) {
		memcpy(e->saved, o.id, sizeof e->saved);
		op_name(e->v, &o, e->name, sizeof e->name);
	}
	kz_opening_free(&o);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, db,
	    e->v->ctx->cfg, e->orig->id)) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

static unsigned
op_form_run(struct openings *v, bool edit)
{
	struct op_edit e = { .v = v };
	struct kz_err err = { 0 };
	struct kz_opening orig;
	char title[256];
	struct form f;

	kz_opening_init(&orig);
	if (edit) {
		if (v->list.sel >= v->n)
			return 0;
		if (kz_opening_get(v->ctx->db, v->rows[v->list.sel].id, &orig,
		    &err) != KZ_OK) {
			frame_error(v->ctx, &err);
			return UI_DRAW_STATUS;
		}
		e.orig = &orig;
		/* TRANSLATORS: "Opening figure: edit BJS-AB12-CD34" */
		snprintf(title, sizeof title, _("Opening figure: edit %s"),
		    orig.id);
	} else
		snprintf(title, sizeof title, "%s", _("Opening figure: new"));
	if (!record_form_init(&e.rf, &kz_opening_type)) {
		kz_opening_free(&orig);
		return 0;
	}
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	if (e.orig)
		record_form_fill(&e.rf, &f, e.orig);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_opening), op_get,
	    op_release, e.orig);
	if (form_run(&f, op_save)) {
		undo_push(v->ctx->db, &op_undo, e.orig ? UNDO_EDIT : UNDO_ADD,
		    e.saved, e.name, e.orig);
		op_load(v, e.saved);
		frame_message(v->ctx, false, _("Saved %s."), e.saved);
	}
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	kz_opening_free(&orig);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- the view ---- */

struct openings *
openings_open(struct frame_ctx *ctx, const char *from, const char *to,
    const char *name)
{
	struct openings *v = xcalloc(1, sizeof *v);

	v->ctx = ctx;
	record_list_init(&v->list, &op_ops, v);
	v->list.sortcol = -1;
	v->list.labelw = record_label_width(&kz_opening_type);
	v->list.empty = N_("No opening figures: %s adds what a programme "
	    "did before its records.");
	openings_range(v, from, to, name);
	return v;
}

void
openings_range(struct openings *v, const char *from, const char *to,
    const char *name)
{
	snprintf(v->from, sizeof v->from, "%s", from ? from : "");
	snprintf(v->to, sizeof v->to, "%s", to ? to : "");
	snprintf(v->name, sizeof v->name, "%s", name ? name : "");
	op_load(v, NULL);
}

void
openings_reload(struct openings *v)
{
	op_load(v, NULL);
}

void
openings_close(struct openings *v)
{
	if (v == NULL)
		return;
	record_list_free(&v->list);
	op_rows_free(v);
	free(v);
}

bool
openings_done(const struct openings *v)
{
	return v->done;
}

void
openings_layout(struct openings *v, int y, int x, int h, int w)
{
	record_list_layout(&v->list, y, x, h, w);
}

void
openings_draw(struct openings *v, unsigned flags)
{
	record_list_draw(&v->list, flags);
}

unsigned
openings_key(struct openings *v, int key)
{
	struct kz_err err = { 0 };
	enum keys_action a;
	char q[512];

	if (v->list.mode == RLIST_SEARCH)
		return record_list_search_key(&v->list, key) | UI_DRAW_BODY;
	if (v->list.mode == RLIST_CONFIRM && v->undoing)
		return undo_answer(&v->list, v->ctx, &op_undo, key,
		    &v->undoing, op_undone, v);
	if (v->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&v->list, v->ctx, key,
		    v->list.sel < v->n ? v->rows[v->list.sel].id : NULL,
		    &op_dels);
	if (v->list.mode == RLIST_MENU)
		return record_list_menu_key(&v->list, key);
	if (keys_lookup(KEYS_OPENINGS, key, false) == KA_BACK) {
		/* first a search goes, then the figures */
		if (record_list_clear(&v->list))
			return UI_DRAW_ALL;
		v->done = true;
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ADD:
		return op_form_run(v, false);
	case KA_EDIT:
		return op_form_run(v, true);
	case KA_DELETE:
		if (v->list.sel >= v->n)
			return 0;
		if (kz_opening_delete_question(v->ctx->db,
		    v->rows[v->list.sel].id, q, sizeof q, &err) != KZ_OK) {
			frame_error(v->ctx, &err);
			return UI_DRAW_STATUS;
		}
		/* a question on its own begins with a capital */
		if (q[0] >= 'a' && q[0] <= 'z')
			q[0] = (char)(q[0] - 'a' + 'A');
		record_list_ask(&v->list, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&v->list, v->ctx, &op_undo, &v->undoing);
	default:
		return record_list_browse(&v->list, a);
	}
}

int
openings_status(struct openings *v, WINDOW *w, int width)
{
	char count[48];

	snprintf(count, sizeof count, " %zu", v->n);
	return record_list_status(&v->list, w, width, count);
}

unsigned
openings_keyctx(struct openings *v, bool *text)
{
	return record_list_keyctx(&v->list, KEYS_LIST | KEYS_OPENINGS, text);
}

void
openings_summary(struct openings *v, char *buf, size_t size)
{
	/* TRANSLATORS: the Reports tab's title while it lists opening
	 * figures, and the year its totals count up to: "Opening figures:
	 * 7, to FY2019" (short: it shares the title bar) */
	snprintf(buf, size, _("Opening figures: %zu, to %s"), v->n, v->name);
}
