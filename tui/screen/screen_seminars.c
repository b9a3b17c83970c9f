/* screen_seminars.c - the seminars tab: editions as a history table, forms. */
#include "screen_seminars.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "date.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "list_win.h"
#include "participant.h"
#include "programme.h"
#include "record_list.h"
#include "rlist.h"
#include "screen_record.h"
#include "screen_history.h"
#include "seminar.h"
#include "screen_seminar_days.h"
#include "screen_seminar_people.h"
#include "screen_seminar_view.h"
#include "text.h"
#include "xalloc.h"

enum sem_view { VIEW_EDITIONS, VIEW_DAYS, VIEW_PEOPLE };

struct sem_tab {
	struct frame_ctx *ctx;
	enum sem_view view;
	struct kz_series *series;
	size_t nseries, cur;	/* the series shown */
	/* its editions, filtered by the search: a window over `seminar
	 * list --series` (core/rwin.h), never the whole history */
	struct list_win win;
	int cnum, cyear, cplace, cstatus, ctheme;	/* its columns */
	long total;		/* its editions without the filter */
	struct kz_seminar rec;	/* the edition selected, read whole */
	bool have_rec;
	struct record_list list;
	struct sem_days *days;
	struct sem_people *people;
	bool undoing;		/* the question asked is u's */
	WINDOW *wbanner;
	int y, x, h, w;
};

/* The columns the history sorts by, as `seminar list --sort` names
 * them (the status, shown on wide screens only, aside). */
static const struct record_list_sort eds_sorts[] = {
	{ "number", N_("No.") }, { "year", N_("Year") },
	{ "place", N_("Place") }, { "theme_shown", N_("Theme") },
};

/* "第18届" is the translators' business: the label is the handle. */
static void
edition_title(const struct kz_seminar *s, const char *series_name, char *out,
    size_t size)
{
	char ref[96];

	kz_seminar_label(s, ref, sizeof ref);
	if (s->title)
		snprintf(out, size, "%s  [%s]", kz_rtype_in(&kz_seminar_type,
		    "title", s), ref);
	else if (s->number > 0)
		snprintf(out, size, _("%s, edition %d (%d)  [%s]"),
		    series_name ? series_name : "", s->number, s->year, ref);
	else
		snprintf(out, size, "%s %d  [%s]", series_name ? series_name :
		    "", s->year, ref);
}

/* ---- loading ---- */

static struct kz_series *
cur_series(struct sem_tab *t)
{
	return t->cur < t->nseries ? &t->series[t->cur] : NULL;
}

static void
forget_edition(struct sem_tab *t)
{
	if (t->have_rec)
		kz_seminar_free(&t->rec);
	t->have_rec = false;
}

/* The edition selected, read whole (its counts and attendance too);
 * NULL when none is. */
static const struct kz_seminar *
cur_edition(struct sem_tab *t)
{
	const struct kz_rwin_row *r = list_win_sel(&t->win);
	struct kz_err err = { 0 };

	if (r == NULL) {
		forget_edition(t);
		return NULL;
	}
	if (t->have_rec && strcmp(t->rec.id, r->id) == 0)
		return &t->rec;
	forget_edition(t);
	if (kz_seminar_get(t->ctx->db, r->id, &t->rec, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return NULL;
	}
	t->have_rec = true;
	return &t->rec;
}

/* The series' latest edition (the last in the history's own order,
 * whatever the search and the order shown), into s; false if none. */
static bool
last_edition(struct sem_tab *t, struct kz_seminar *s)
{
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE] = "";

	if (cur_series(t) == NULL)
		return false;
	kz_rlist_query_init(&q, &kz_rlist_seminars);
	kz_rlist_set(&q, "series", cur_series(t)->id);
	q.sort = "year";		/* as load_editions */
	q.window = q.from_end = true;
	q.limit = 1;
	if (kz_rlist_open(t->ctx->db, &q, &c, &err) == KZ_OK) {
		if (kz_rlist_next(&c, &err) == 1)
			snprintf(id, sizeof id, "%s", ((struct kz_seminar *)
			    c.rec)->id);
		kz_rlist_close(&c);
	}
	if (id[0] && kz_seminar_get(t->ctx->db, id, s, &err) == KZ_OK)
		return true;
	if (err.n)
		frame_error(t->ctx, &err);
	return false;
}

/* The series again; keep showing the one shown (or the one named). */
static void
load_series(struct sem_tab *t, const char *select)
{
	struct kz_err err = { 0 };
	char keep[KZ_ID_SIZE] = "";
	struct kz_series *l;
	size_t n;

	if (select)
		snprintf(keep, sizeof keep, "%s", select);
	else if (cur_series(t))
		snprintf(keep, sizeof keep, "%s", cur_series(t)->id);
	if (kz_series_list(t->ctx->db, &l, &n, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return;
	}
	kz_series_list_free(t->series, t->nseries);
	t->series = l;
	t->nseries = n;
	t->cur = 0;
	/* Without a series, a would only say to press S: the list must not
	 * offer it (the banner says what to do). */
	t->list.empty = n == 0 ? N_("Editions show here once there is a "
	    "series.") : NULL;
	/* first time: the office's own series */
	for (size_t i = 0; i < n; i++)
		if (keep[0] ? strcmp(l[i].id, keep) == 0 :
		    (t->ctx->cfg->office_id && l[i].office &&
		    strcmp(l[i].office, t->ctx->cfg->office_id) == 0)) {
			t->cur = i;
			break;
		}
}

/* The editions of the series shown again, keeping select (NULL: the
 * one selected) selected, else the last. all: count them too (a
 * series shown, a write); a search typed counts only what it shows. */
static void
load_editions(struct sem_tab *t, const char *select, bool all)
{
	struct kz_rlist_query q;
	struct kz_err err = { 0 };
	const char *term = record_list_term(&t->list);
	char sort[64];
	long long total = 0;

	forget_edition(t);
	if (cur_series(t) == NULL) {
		/* no series, no editions: an empty window */
		list_win_free(&t->win);
		t->total = 0;
		t->list.sel = t->list.top = 0;
		return;
	}
	kz_rlist_query_init(&q, &kz_rlist_seminars);
	kz_rlist_set(&q, "series", cur_series(t)->id);
	if (all || !t->win.open) {
		if (kz_rlist_total(t->ctx->db, &q, -1, &total, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			return;
		}
		t->total = (long)total;
	}
	if (*term)
		kz_rlist_set(&q, "search", term);
	q.sort = record_list_sort_spec(&t->list, sort, sizeof sort);
	/* the history's own order is by series, then year: within one
	 * series by year, which its index gives without sorting them all */
	if (!*q.sort)
		q.sort = "year";
	/* the latest edition is the one people work on */
	list_win_load(&t->win, &q, *term ? -1 : t->total, select, true);
}

/* ---- the history table ---- */

static size_t
eds_count(void *arg)
{
	struct sem_tab *t = arg;

	return list_win_rows(&t->win);
}

static size_t
eds_count_all(void *arg)
{
	struct sem_tab *t = arg;

	return list_win_all(&t->win);
}

/* Column c of a row as people read it. */
static const char *
eds_cell(const struct kz_rwin_row *r, int c)
{
	return c >= 0 && r->shown[c] ? r->shown[c] : "";
}

static void
eds_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct sem_tab *t = arg;
	const struct kz_rwin_row *r;
	const char *num;
	char h[4][128];
	int nw = 4, yw = 4, sw = 0, pw, tw;
	size_t o = 0;

	/* the headings, the one sorted by marked */
	for (int k = 0; k < 4; k++)
		record_list_head(&t->list, eds_sorts[k].key, eds_sorts[k].head,
		    h[k], sizeof h[k]);
	/* a heading longer than its numbers ("Année", "Year ^") widens
	 * the column */
	if (kz_text_width(h[0]) > nw)
		nw = kz_text_width(h[0]);
	if (kz_text_width(h[1]) > yw)
		yw = kz_text_width(h[1]);
	/* seed 001's table: edition, year, place, theme (status if wide) */
	if (width >= 100)
		sw = 10;
	pw = width / 3 > 28 ? 28 : width / 3;
	tw = width - nw - yw - pw - (sw ? sw + 1 : 0) - 3;
	if (i == (size_t)-1) {
		o = draw_cell(buf, size, o, h[0], nw, false);
		o = draw_cell(buf, size, o, h[1], yw, false);
		o = draw_cell(buf, size, o, h[2], pw, false);
		if (sw)
			o = draw_cell(buf, size, o, _("Status"), sw, false);
		draw_cell(buf, size, o, h[3], tw, true);
		return;
	}
	if ((r = list_win_row(&t->win, i)) == NULL) {
		buf[0] = '\0';
		return;
	}
	num = eds_cell(r, t->cnum);
	o = draw_cell(buf, size, o, strcmp(num, "0") ? num : "", nw, false);
	o = draw_cell(buf, size, o, eds_cell(r, t->cyear), yw, false);
	o = draw_cell(buf, size, o, eds_cell(r, t->cplace), pw, false);
	if (sw)
		o = draw_cell(buf, size, o, eds_cell(r, t->cstatus), sw, false);
	/* in the reader's language (KZ_RF_LANGS), else its title */
	draw_cell(buf, size, o, eds_cell(r, t->ctheme), tw, true);
}

static void
counts_line(struct kz_counts *c, bool translate, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < c->n && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%s %ld", i ? ", " : "",
		    translate ? _(c->c[i].key) : c->c[i].key, c->c[i].n);
}

/* The edition's fields from its table, grouped as people look for
 * them (where it stands and how it went first, in the pane's first
 * lines); its programme and who takes part are counted here, with the
 * key that opens the programme. */
static void
eds_detail(void *arg, struct record_list *l, size_t sel)
{
	struct sem_tab *t = arg;
	const struct kz_seminar *s = cur_edition(t);
	const struct kz_config *cfg = t->ctx->cfg;
	const struct kz_rtype *rt = &kz_seminar_type;
	struct kz_counts bc = { 0 }, br = { 0 };
	struct kz_err err = { 0 };
	char buf[600], part[400], label[64];

	if (s == NULL)
		return;
	edition_title(s, cur_series(t) ? kz_rtype_in(&kz_series_type, "name",
	    cur_series(t)) : "", buf, sizeof buf);
	record_list_detail_title(l, buf);
	record_detail(l, rt, s, cfg, "status", "attendance");
	snprintf(buf, sizeof buf, ngettext("%ld item (%s shows the programme)",
	    "%ld items (%s shows the programme)", (unsigned long)s->items),
	    s->items, keys_first(KA_PROGRAMME));
	record_list_detail_add(l, record_label(kz_rtype_field(rt, "items"),
	    label, sizeof label), buf);
	snprintf(buf, sizeof buf, "%ld", s->participants);
	if (s->participants > 0 &&
	    kz_participant_count_country(t->ctx->db, s->id, &bc, &err) == KZ_OK &&
	    kz_participant_count_role(t->ctx->db, s->id, &br, &err) == KZ_OK) {
		counts_line(&bc, false, part, sizeof part);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), ": %s; ",
		    part);
		counts_line(&br, true, part, sizeof part);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s", part);
	}
	kz_counts_free(&bc);
	kz_counts_free(&br);
	record_list_detail_add(l, record_label(kz_rtype_field(rt,
	    "participants"), label, sizeof label), buf);
	record_detail(l, rt, s, cfg, "start", "country");
	record_detail(l, rt, s, cfg, "theme", "theme");
	record_detail(l, rt, s, cfg, "organiser", "supporters");
	record_detail(l, rt, s, cfg, "notes", "notes");
	record_detail(l, rt, s, cfg, "ref", "id");
	record_detail(l, rt, s, cfg, "updated", "updated");
}

static void
eds_refilter(void *arg)
{
	load_editions(arg, NULL, false);
}

static const struct record_list_ops eds_ops = {
	.count = eds_count,
	.count_all = eds_count_all,
	.row = eds_row,
	.detail = eds_detail,
	.refilter = eds_refilter,
};

static void
draw_banner(struct sem_tab *t)
{
	const struct kz_series *s = cur_series(t);
	char buf[512];

	if (t->wbanner == NULL)
		return;
	werase(t->wbanner);
	if (s == NULL)
		snprintf(buf, sizeof buf, _("No seminar series yet: press %s "
		    "to add one."), keys_first(KA_SERIES_ADD));
	else
		snprintf(buf, sizeof buf, _("Series %zu/%zu (%s: next): %s  [%s, "
		    "%s]"), t->cur + 1, t->nseries, keys_first(KA_SERIES_NEXT),
		    kz_rtype_in(&kz_series_type, "name", s), s->code,
		    s->office ? s->office : "");
	draw_text(t->wbanner, 0, 0, t->w, buf, draw_attr(DRAW_LABEL));
	wnoutrefresh(t->wbanner);
}

/* ---- forms ---- */

static void preview_series(void *, const char *, char *, size_t);

struct sem_edit {
	struct sem_tab *t;
	const struct kz_seminar *orig;
	const struct kz_series *orig_series;
	struct record_form rf;	/* a series' form, from its table */
	char saved[KZ_ID_SIZE];
};

static void
preview_series(void *arg, const char *value, char *out, size_t size)
{
	struct sem_edit *e = arg;
	struct kz_series s;
	struct kz_err err = { 0 };
	char v[80];

	snprintf(v, sizeof v, "%s", value);
	if (*kz_trim(v) && kz_series_get(e->t->ctx->db, kz_trim(v), &s, &err) ==
	    KZ_OK) {
		snprintf(out, size, "%s", kz_rtype_in(&kz_series_type, "name",
		    &s));
		kz_series_free(&s);
	} else if (*kz_trim(v))
		snprintf(out, size, "%s", _("no such series"));
}

/* ---- u: taking back an edition's add, edit or delete ---- */

static void
ed_init(void *rec)
{
	kz_seminar_init(rec);
}

static void
ed_release(void *rec)
{
	kz_seminar_free(rec);
}

static int
ed_copy(void *dst, const void *src)
{
	struct kz_seminar *d = dst;
	const struct kz_seminar *s = src;
	int rc = undo_copy(&kz_seminar_type, dst, src);

	/* the series as its code names it, as the form gives it */
	memcpy(d->series_code, s->series_code, sizeof d->series_code);
	return rc;
}

static int
ed_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_seminar_get(db, id, rec, err);
}

static int
ed_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_seminar_insert(db, rec, err);
}

static int
ed_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_seminar_update(db, rec, err);
}

static const struct undo_ops ed_undo = {
	.rt = &kz_seminar_type, .size = sizeof (struct kz_seminar),
	.init = ed_init, .release = ed_release, .copy = ed_copy,
	.get = ed_get, .insert = ed_insert, .update = ed_update,
	.del = kz_seminar_delete,
};

static int
edition_save(struct form *f, void *arg, struct kz_err *err)
{
	struct sem_edit *e = arg;
	struct kz_db *db = e->t->ctx->db;
	struct kz_seminar s;
	int rc;

	kz_seminar_init(&s);
	if (e->orig) {
		memcpy(s.id, e->orig->id, sizeof s.id);
		if (kz_stamps_copy(&s.st, &e->orig->st))
			return kz_err_add(err, "", "%s", _("out of memory"));
	}
	if (record_form_take(&e->rf, f, &s, err) != KZ_OK || err->n > 0) {
		/* every problem at once, the series named as typed */
		if (kz_seminar_resolve_series(db, &s, err) == KZ_OK)
			kz_seminar_validate(db, &s, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_seminar_update(db, &s, err);
	else
		rc = kz_seminar_insert(db, &s, err);
	if (rc == KZ_OK)
		memcpy(e->saved, s.id, KZ_ID_SIZE);
	kz_seminar_free(&s);
	return rc;
}

/* Set the form line of the edition's field name, if it has one. */
static void
edition_set(struct sem_edit *e, struct form *f, const char *name,
    const char *value)
{
	int i = record_form_line(&e->rf, name);

	if (i >= 0)
		form_set(f, i, value);
}

static unsigned
edition_form_run(struct sem_tab *t, bool edit)
{
	const struct kz_seminar *o = edit ? cur_edition(t) : NULL;
	struct sem_edit e = { .t = t, .orig = o };
	struct kz_seminar last;
	struct form f;
	char title[160], num[16];
	int i;

	if (edit && o == NULL)
		return 0;
	if (cur_series(t) == NULL) {
		frame_message(t->ctx, true, _("Add a seminar series first: "
		    "press %s."), keys_first(KA_SERIES_ADD));
		return UI_DRAW_STATUS;
	}
	if (edit) {
		kz_seminar_label(o, num, sizeof num);
		snprintf(title, sizeof title, _("Edit edition %s"), num);
	} else
		snprintf(title, sizeof title, _("Add an edition of %s"),
		    cur_series(t)->code);
	record_form_init(&e.rf, &kz_seminar_type);
	/* what the form says of the series and the country being typed */
	if ((i = record_form_line(&e.rf, "series")) >= 0)
		e.rf.spec[i].preview = preview_series;
	if ((i = record_form_line(&e.rf, "country")) >= 0)
		e.rf.spec[i].preview = semv_country;
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	if (o)
		record_form_fill(&e.rf, &f, o);
	/* the series as people name it: its code, not its id */
	edition_set(&e, &f, "series", edit ? o->series_code :
	    cur_series(t)->code);
	if (o == NULL && last_edition(t, &last)) {
		/* the next edition, a year on */
		if (last.number > 0) {
			snprintf(num, sizeof num, "%d", last.number + 1);
			edition_set(&e, &f, "number", num);
		}
		snprintf(num, sizeof num, "%d", last.year + 1);
		edition_set(&e, &f, "year", num);
		edition_set(&e, &f, "country", last.country);
		edition_set(&e, &f, "organiser", last.organiser);
		kz_seminar_free(&last);
	}
	if (form_run(&f, edition_save)) {
		struct kz_seminar now;
		struct kz_err err = { 0 };
		char label[96] = "";

		if (kz_seminar_get(t->ctx->db, e.saved, &now, &err) == KZ_OK) {
			kz_seminar_label(&now, label, sizeof label);
			kz_seminar_free(&now);
		}
		kz_err_clear(&err);
		undo_push(t->ctx->db, &ed_undo, o ? UNDO_EDIT : UNDO_ADD,
		    e.saved, label, o);
		load_series(t, NULL);
		load_editions(t, e.saved, true);
		frame_message(t->ctx, false, _("Saved edition %s."), e.saved);
	}
	form_free(&f);
	record_form_free(&e.rf);
	return UI_LAYOUT | UI_DRAW_ALL;
}

static int
series_save(struct form *f, void *arg, struct kz_err *err)
{
	struct sem_edit *e = arg;
	struct kz_series s;
	int rc = KZ_OK;

	memset(&s, 0, sizeof s);
	if (e->orig_series) {
		memcpy(s.id, e->orig_series->id, sizeof s.id);
		kz_stamps_copy(&s.st, &e->orig_series->st);
	}
	if (record_form_take(&e->rf, f, &s, err) != KZ_OK || err->n > 0) {
		/* the rest of the problems too */
		kz_series_validate(e->t->ctx->db, &s, err);
		rc = KZ_ERROR;
	} else if (e->orig_series)
		rc = kz_series_update(e->t->ctx->db, &s, err);
	else
		rc = kz_series_insert(e->t->ctx->db, &s, err);
	if (rc == KZ_OK)
		memcpy(e->saved, s.id, KZ_ID_SIZE);
	kz_series_free(&s);
	return rc;
}

static unsigned
series_form_run(struct sem_tab *t)
{
	struct sem_edit e = { .t = t };
	struct form f;
	int i;

	record_form_init(&e.rf, &kz_series_type);
	form_init(&f, _("Add a seminar series"), e.rf.spec, e.rf.n, &e);
	if ((i = record_form_line(&e.rf, "office")) >= 0)
		form_set(&f, i, t->ctx->cfg->office_id);
	if (form_run(&f, series_save)) {
		load_series(t, e.saved);
		load_editions(t, NULL, true);
		frame_message(t->ctx, false, _("Saved series %s."), e.saved);
	}
	form_free(&f);
	record_form_free(&e.rf);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static unsigned
switch_view(struct sem_tab *t, enum sem_view v)
{
	const struct kz_seminar *s = cur_edition(t);

	if (v != VIEW_EDITIONS && s == NULL) {
		frame_message(t->ctx, true, "%s", _("No edition selected."));
		return UI_DRAW_STATUS;
	}
	/* the old view lets go of its windows */
	if (t->view == VIEW_EDITIONS) {
		record_list_layout(&t->list, 0, 0, 0, 0);
		draw_delwin(&t->wbanner);
	} else if (t->view == VIEW_DAYS)
		days_layout(t->days, 0, 0, 0, 0);
	else
		people_layout(t->people, 0, 0, 0, 0);
	if (v == VIEW_DAYS)
		days_show(t->days, s->id);
	else if (v == VIEW_PEOPLE)
		people_show(t->people, s->id);
	else
		load_editions(t, NULL, true);	/* counts may have changed */
	t->view = v;
	return UI_LAYOUT | UI_DRAW_ALL;
}

static unsigned
view_result(struct sem_tab *t, unsigned f)
{
	if (f & SEMV_BACK)
		return switch_view(t, VIEW_EDITIONS) | (f & ~SEMV_MASK);
	if (f & SEMV_DAYS)
		return switch_view(t, VIEW_DAYS) | (f & ~SEMV_MASK);
	if (f & SEMV_PEOPLE)
		return switch_view(t, VIEW_PEOPLE) | (f & ~SEMV_MASK);
	return f;
}

static void
deleted(void *arg, const char *id)
{
	struct sem_tab *t = arg;

	load_series(t, NULL);
	load_editions(t, NULL, true);
	frame_message(t->ctx, false, _("Deleted edition %s."), id);
}

/* Delete, keeping the edition as it was for u. One with programme
 * items or participants goes with them, which u cannot put back: then
 * u forgets the tab's changes rather than take back an older one. */
static int
ed_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_seminar s;
	char ref[96];
	int rc;

	if ((rc = kz_seminar_get(db, id, &s, err)) != KZ_OK)
		return rc;
	kz_seminar_label(&s, ref, sizeof ref);
	if ((rc = kz_seminar_delete(db, id, err)) == KZ_OK) {
		if (s.items == 0 && s.participants == 0)
			undo_push(db, &ed_undo, UNDO_DELETE, s.id, ref, &s);
		else
			undo_forget(&ed_undo);
	}
	kz_seminar_free(&s);
	return rc;
}

static void
ed_undone(void *arg)
{
	struct sem_tab *t = arg;

	load_series(t, NULL);
	load_editions(t, NULL, true);
}

static const struct record_list_delete eds_delete = {
	.del = ed_delete_kept, .done = deleted };

static unsigned
editions_key(struct sem_tab *t, int key)
{
	const struct kz_seminar *s;
	const struct kz_rwin_row *r;
	enum keys_action a;
	char q[256], ref[96], id[KZ_ID_SIZE];

	if (t->list.mode == RLIST_SEARCH)
		return record_list_search_key(&t->list, key);
	if (t->list.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->list, t->ctx, &ed_undo, key,
		    &t->undoing, ed_undone, t);
	/* the edition's id (the rows read after a delete let go of the
	 * row's); the edition itself is read only for a key that needs it */
	r = list_win_sel(&t->win);
	snprintf(id, sizeof id, "%s", r ? r->id : "");
	if (t->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->list, t->ctx, key, r ? id :
		    NULL, &eds_delete);
	if (t->list.mode == RLIST_MENU)
		return record_list_menu_key(&t->list, key);
	switch (keys_lookup(KEYS_SEMINAR, key, false)) {
	case KA_PROGRAMME:
		return switch_view(t, VIEW_DAYS);
	case KA_PARTICIPANTS:
		return switch_view(t, VIEW_PEOPLE);
	case KA_SERIES_NEXT:
		if (t->nseries < 2)
			return 0;
		t->cur = (t->cur + 1) % t->nseries;
		load_editions(t, NULL, true);
		return UI_DRAW_ALL;
	case KA_SERIES_ADD:
		return series_form_run(t);
	default:
		break;
	}
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ADD:
		return edition_form_run(t, false);
	case KA_EDIT:
		return edition_form_run(t, true);
	case KA_DELETE:
		if ((s = cur_edition(t)) == NULL)
			return 0;
		kz_seminar_label(s, ref, sizeof ref);
		snprintf(q, sizeof q, _("Delete %s with %ld programme items and "
		    "%ld participants?"), ref, s->items, s->participants);
		record_list_ask(&t->list, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&t->list, t->ctx, &ed_undo, &t->undoing);
	default:
		return record_list_browse(&t->list, a);
	}
}

static unsigned
sem_key(void *tab, int key)
{
	struct sem_tab *t = tab;

	switch (t->view) {
	case VIEW_DAYS:
		return view_result(t, days_key(t->days, key));
	case VIEW_PEOPLE:
		return view_result(t, people_key(t->people, key));
	default:
		return editions_key(t, key);
	}
}

/* ---- the tab ---- */

static void *
sem_open(struct frame_ctx *ctx)
{
	struct sem_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->list, &eds_ops, t);
	list_win_init(&t->win, ctx, &t->list, true);
	/* sortable by its columns; in the history's own order (series,
	 * year, number) until one is chosen */
	t->list.sorts = eds_sorts;
	t->list.nsorts = (int)(sizeof eds_sorts / sizeof eds_sorts[0]);
	t->list.sortcol = -1;
	t->cnum = kz_rlist_col(&kz_rlist_seminars, "number");
	t->cyear = kz_rlist_col(&kz_rlist_seminars, "year");
	t->cplace = kz_rlist_col(&kz_rlist_seminars, "place");
	t->cstatus = kz_rlist_col(&kz_rlist_seminars, "status");
	t->ctheme = kz_rlist_col(&kz_rlist_seminars, "theme_shown");
	t->days = days_open(ctx);
	t->people = people_open(ctx);
	load_series(t, NULL);
	load_editions(t, NULL, true);
	return t;
}

static void
sem_close(void *tab)
{
	struct sem_tab *t = tab;

	if (t == NULL)
		return;
	draw_delwin(&t->wbanner);
	record_list_free(&t->list);
	days_close(t->days);
	people_close(t->people);
	kz_series_list_free(t->series, t->nseries);
	list_win_free(&t->win);
	forget_edition(t);
	free(t);
}

static void
sem_layout(void *tab, int y, int x, int h, int w)
{
	struct sem_tab *t = tab;

	t->y = y;
	t->x = x;
	t->h = h;
	t->w = w;
	draw_delwin(&t->wbanner);
	if (t->view == VIEW_DAYS) {
		days_layout(t->days, y, x, h, w);
		return;
	}
	if (t->view == VIEW_PEOPLE) {
		people_layout(t->people, y, x, h, w);
		return;
	}
	if (h < 2) {
		record_list_layout(&t->list, 0, 0, 0, 0);
		return;
	}
	t->wbanner = draw_newwin(1, w, y, x);
	record_list_layout(&t->list, y + 1, x, h - 1, w);
}

static void
sem_draw(void *tab, unsigned flags)
{
	struct sem_tab *t = tab;

	if (t->view == VIEW_DAYS) {
		days_draw(t->days, flags);
		return;
	}
	if (t->view == VIEW_PEOPLE) {
		people_draw(t->people, flags);
		return;
	}
	if (flags & UI_DRAW_LIST)
		draw_banner(t);
	record_list_draw(&t->list, flags);
}

static int
sem_status(void *tab, WINDOW *w, int width)
{
	struct sem_tab *t = tab;
	char count[48];

	if (t->view == VIEW_DAYS)
		return days_status(t->days, w, width);
	if (t->view == VIEW_PEOPLE)
		return people_status(t->people, w, width);
	/* counted as far as the rows shown need: "1000+" */
	snprintf(count, sizeof count, " %zu%s/%ld", list_win_rows(&t->win),
	    list_win_exact(&t->win) ? "" : "+", t->total);
	return record_list_status(&t->list, w, width, count);
}

static unsigned
sem_keyctx(void *tab, bool *text)
{
	struct sem_tab *t = tab;

	if (t->view == VIEW_DAYS)
		return days_keyctx(t->days, text);
	if (t->view == VIEW_PEOPLE)
		return people_keyctx(t->people, text);
	return record_list_keyctx(&t->list, KEYS_LIST | KEYS_SEMINAR, text);
}

static void
sem_summary(void *tab, char *buf, size_t size)
{
	struct sem_tab *t = tab;

	if (t->view == VIEW_DAYS)
		days_summary(t->days, buf, size);
	else if (t->view == VIEW_PEOPLE)
		people_summary(t->people, buf, size);
	else if (*record_list_term(&t->list) && !list_win_exact(&t->win))
		snprintf(buf, size, ngettext("%zu+ of %ld edition",
		    "%zu+ of %ld editions", (unsigned long)t->total),
		    list_win_rows(&t->win), t->total);
	else if (*record_list_term(&t->list))
		snprintf(buf, size, ngettext("%zu of %ld edition",
		    "%zu of %ld editions", (unsigned long)t->total),
		    list_win_rows(&t->win), t->total);
	else
		snprintf(buf, size, ngettext("%ld edition", "%ld editions",
		    (unsigned long)t->total), t->total);
}

const struct frame_screen screen_seminars = {
	N_("Seminars"),
	sem_open,
	sem_close,
	sem_layout,
	sem_draw,
	sem_key,
	sem_status,
	sem_keyctx,
	sem_summary,
	NULL,
};
