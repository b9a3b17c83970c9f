/* screen_dispatches.c - the dispatch tab: list, record, life cycle, costs. */
#include "screen_dispatches.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "country.h"
#include "date.h"
#include "screen_dispatch_view.h"
#include "form.h"
#include "screen_history.h"
#include "screen_record.h"
#include "i18n.h"
#include "keys.h"
#include "record_list.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"
#include "rlist.h"
#include "rwin.h"
#include "xalloc.h"

struct dsp_tab {
	struct frame_ctx *ctx;
	struct record_list rl;
	/* the rows shown: a window over `dispatch list` (core/rwin.h),
	 * read a page at a time */
	struct kz_rwin win;
	bool open;
	/* a row of it as the tab reads rows, its strings the window's:
	 * the selected one, and one asked for by index */
	struct kz_dispatch_row sel, at;
	long total;
	bool undoing;		/* the question asked is u's */
	const struct undo_ops *undo;	/* ...about the records of these */
	bool fresh;		/* opened, not yet shown */
};

/* ---- loading ---- */

/* The list's columns a row is made of. */
static const char *
col(const struct kz_rwin_row *w, const char *key)
{
	int c = kz_rlist_col(&kz_rlist_dispatches, key);

	return c >= 0 && w->text[c] ? w->text[c] : "";
}

/* Row i of the window as a dispatch row, into r (its strings valid
 * until another page is read); NULL past the end. */
static const struct kz_dispatch_row *
row_into(struct dsp_tab *t, size_t i, struct kz_dispatch_row *r)
{
	const struct kz_rwin_row *w;
	struct kz_err err;
	int st;

	if (!t->open)
		return NULL;
	kz_err_clear(&err);
	if ((w = kz_rwin_row(&t->win, (long long)i, &err)) == NULL) {
		if (err.n)
			frame_error(t->ctx, &err);
		return NULL;
	}
	memset(r, 0, sizeof *r);
	snprintf(r->id, sizeof r->id, "%s", w->id);
	snprintf(r->request, sizeof r->request, "%s", col(w, "request"));
	snprintf(r->specialist, sizeof r->specialist, "%s",
	    col(w, "specialist"));
	r->name = (char *)col(w, "name");
	r->name_roman = (char *)col(w, "name_roman");
	snprintf(r->start, sizeof r->start, "%s", col(w, "start"));
	snprintf(r->end, sizeof r->end, "%s", col(w, "end"));
	r->places = (char *)col(w, "places");
	st = kz_enum_parse(&kz_dispatch_state_enum, col(w, "state"));
	r->state = st < 0 ? 0 : (enum kz_dispatch_state)st;
	snprintf(r->country, sizeof r->country, "%s", col(w, "country"));
	r->host = (char *)col(w, "host");
	return r;
}

static const struct kz_dispatch_row *
sel_row(struct dsp_tab *t)
{
	return row_into(t, t->rl.sel, &t->sel);
}

/* The columns, as `dispatch list --sort` names them; a specialist
 * sorts by family name. */
static const struct record_list_sort dsp_sorts[] = {
	{ "dates", N_("Dates") }, { "state", N_("State") },
	{ "who", N_("Specialist") }, { "host_shown", N_("Host") },
};

/* The rows there are so far: counted on past a cap ("1000+") when the
 * selection comes near it. */
static size_t
dsp_rows(struct dsp_tab *t)
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

static void
reload(struct dsp_tab *t, const char *select)
{
	const struct kz_dispatch_row *r;
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };
	char keep[KZ_ID_SIZE] = "", sort[64];
	const char *term = record_list_term(&t->rl);
	long long total = 0, at;

	if (select)
		snprintf(keep, sizeof keep, "%s", select);
	else if ((r = sel_row(t)) != NULL)
		snprintf(keep, sizeof keep, "%s", r->id);
	kz_rlist_query_init(&q, &kz_rlist_dispatches);
	if (!*term) {
		/* every dispatch: a count over an index, never the rows */
		if (kz_rlist_total(t->ctx->db, &q, -1, &total, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			return;
		}
		t->total = (long)total;
	} else
		kz_rlist_set(&q, "text", term);
	q.sort = record_list_sort_spec(&t->rl, sort, sizeof sort);
	if (kz_rwin_open(t->ctx->db, &q, &w, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return;
	}
	if (t->open)
		kz_rwin_close(&t->win);
	t->win = w;
	t->open = true;
	if (!*term)
		kz_rwin_known(&t->win, total);
	/* the record selected stays so; while a search is typed, only
	 * when it is on the first page */
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
	dsp_rows(t);
	record_list_clamp(&t->rl);
}

/* ---- the list ---- */

/* End: every row counted, so that it goes to the last. */
static size_t
dsp_count_all(void *arg)
{
	struct dsp_tab *t = arg;
	struct kz_err err;

	if (!t->open)
		return 0;
	kz_err_clear(&err);
	if (kz_rwin_all(&t->win, &err) != KZ_OK)
		frame_error(t->ctx, &err);
	return (size_t)kz_rwin_count(&t->win);
}

static size_t
dsp_count(void *arg)
{
	return dsp_rows(arg);
}

static void
dsp_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct dsp_tab *t = arg;
	int sw = dispatch_view_state_width(&kz_dispatch_lc), w[4];
	int dw = dispatch_view_date_width(t->ctx->cfg);
	char dates[160], a[64], b[64], who[256], host[600], *shown;
	const char *v[4];

	/* the ISO period fits 17 columns as "2027-01-05..01-20"; another
	 * date format shows both dates whole */
	w[0] = dw == 10 ? 17 : 2 * dw + 2;
	w[1] = sw;
	w[2] = (width - w[0] - w[1] - 3) * 45 / 100;
	w[3] = width - w[0] - w[1] - w[2] - 3;
	if (i == (size_t)-1) {
		char hb[4][128];
		const char *h[4];

		for (int k = 0; k < 4; k++)
			h[k] = record_list_head(&t->rl, dsp_sorts[k].key,
			    dsp_sorts[k].head, hb[k], sizeof hb[k]);
		draw_cells(buf, size, h, w, 4);
		return;
	}
	const struct kz_dispatch_row *r = row_into(t, i, &t->at);
	if (r == NULL) {
		buf[0] = '\0';
		return;
	}
	dispatch_view_date(t->ctx->cfg, r->start, a, sizeof a);
	dispatch_view_date(t->ctx->cfg, r->end, b, sizeof b);
	if (strcmp(a, r->start) == 0 && strcmp(b, r->end) == 0)
		snprintf(dates, sizeof dates, "%s..%s", r->start, r->end + 5);
	else
		snprintf(dates, sizeof dates, "%s..%s", a, b);
	dispatch_view_person(t->ctx->cfg, r->name, r->name_roman, w[2], who,
	    sizeof who);
	shown = kz_place_shown(r->country, r->host);
	if (shown == NULL)
		xalloc_die();
	snprintf(host, sizeof host, "%s", shown);
	free(shown);
	v[0] = dates;
	v[1] = kz_lifecycle_name(&kz_dispatch_lc, r->state);
	v[2] = who;
	v[3] = host;
	draw_cells(buf, size, v, w, 4);
}

/* ---- the record ---- */

static void
add_costs(struct dsp_tab *t, struct record_list *l, const char *id)
{
	struct kz_cost_ledger led;
	struct kz_cost_total *tot;
	struct kz_err err = { 0 };
	size_t nt;
	char line[512], e[48], a[48];

	if (kz_cost_load(t->ctx->db, id, &led, &err) != KZ_OK)
		return;
	record_list_detail_heading(l, _("Costs (estimate / actual)"));
	for (size_t i = 0; i < led.n; i++) {
		const struct kz_cost_line *c = &led.lines[i];

		e[0] = a[0] = '\0';
		if (c->has_estimate)
			kz_money_format(c->estimate, c->currency, e, sizeof e);
		if (c->has_actual)
			kz_money_format(c->actual, c->currency, a, sizeof a);
		snprintf(line, sizeof line, "%s: %s %s / %s%s%s",
		    kz_cost_category_name(c->category), c->currency,
		    *e ? e : "-", *a ? a : "-", c->note ? ", " : "",
		    c->note ? c->note : "");
		record_list_detail_add(l, NULL, line);
	}
	kz_cost_totals(&led, &tot, &nt);
	for (size_t i = 0; i < nt; i++) {
		char label[128];

		kz_money_format(tot[i].estimate, tot[i].currency, e, sizeof e);
		kz_money_format(tot[i].actual, tot[i].currency, a, sizeof a);
		snprintf(label, sizeof label, _("%s total"),
		    kz_payer_name(tot[i].payer));
		snprintf(line, sizeof line, "%s: %s %s / %s", label,
		    tot[i].currency, e, a);
		record_list_detail_add(l, NULL, line);
	}
	free(tot);
	kz_cost_ledger_free(&led);
}

/* Told by head office (or found here): the specialist is booked by
 * another record on some of the same days. */
static void
add_clashes(struct dsp_tab *t, struct record_list *l, const char *id)
{
	struct kz_clash_list cl;
	struct kz_err err = { 0 };
	char line[1024];

	if (kz_booking_clashes(t->ctx->db, id, &cl, &err) != KZ_OK)
		return;
	if (cl.n)
		record_list_detail_heading(l, _("Clashes of bookings"));
	for (size_t i = 0; i < cl.n; i++) {
		dispatch_view_clash_line(t->ctx->cfg, &cl.c[i], id, line,
		    sizeof line);
		record_list_detail_add(l, NULL, line);
	}
	kz_clash_list_free(&cl);
}

static void
dsp_detail(void *arg, struct record_list *l, size_t sel)
{
	struct dsp_tab *t = arg;
	const struct kz_config *cfg = t->ctx->cfg;
	const struct kz_dispatch_row *r = row_into(t, sel, &t->at);
	struct kz_dispatch d;
	struct kz_request req;
	struct kz_specialist s;
	struct kz_events ev;
	struct kz_err err = { 0 };
	char buf[1024], place[512];

	if (r == NULL || kz_dispatch_get(t->ctx->db, r->id, &d, &err) != KZ_OK)
		return;
	snprintf(buf, sizeof buf, "%s (%s) - %s %s", r->name ? r->name : "",
	    r->name_roman ? r->name_roman : "", r->country, r->host);
	record_list_detail_title(l, buf);
	record_detail(l, &kz_dispatch_type, &d, cfg, "id", "state");
	/* who goes and where to, as people know them */
	if (kz_specialist_get(t->ctx->db, d.specialist, &s, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, "%s (%s), %s, %s", s.name,
		    s.name_roman, s.government, _(kz_status_name(s.status)));
		record_list_detail_add(l, _("Specialist"), buf);
		kz_specialist_free(&s);
	}
	if (kz_request_get(t->ctx->db, d.request, &req, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, "%s %s", req.id, req.topic);
		record_list_detail_add(l, _("Request"), buf);
		kz_request_place(req.province, req.city, req.department, place,
		    sizeof place);
		snprintf(buf, sizeof buf, "%s %s", req.country, place);
		record_list_detail_add(l, _("Host"), buf);
		kz_request_free(&req);
	}
	add_clashes(t, l, d.id);
	record_detail(l, &kz_dispatch_type, &d, cfg, "start", "notes");
	add_costs(t, l, d.id);
	if (kz_dispatch_history(t->ctx->db, d.id, &ev, &err) == KZ_OK) {
		record_list_detail_heading(l, _("History"));
		for (size_t i = 0; i < ev.n; i++) {
			dispatch_view_event_line(cfg, &kz_dispatch_lc,
			    &ev.ev[i], buf, sizeof buf);
			record_list_detail_add(l, NULL, buf);
		}
		kz_events_free(&ev);
	}
	record_detail(l, &kz_dispatch_type, &d, cfg, "created", "updated_by");
	record_history_detail(l, t->ctx->db, cfg, &kz_dispatch_type, d.id);
	kz_dispatch_free(&d);
}

static void
dsp_refilter(void *arg)
{
	reload(arg, NULL);
}

static const struct record_list_ops dsp_ops = {
	.count = dsp_count,
	.count_all = dsp_count_all,
	.row = dsp_row,
	.detail = dsp_detail,
	.refilter = dsp_refilter,
};

/* ---- the dispatch form ---- */

static void preview_request(void *, const char *, char *, size_t);
static void preview_specialist(void *, const char *, char *, size_t);

/* What the form works on: the record as it was (for an edit), the form
 * made from the dispatch's table, and the id saved. */
struct dsp_edit {
	struct frame_ctx *ctx;
	const struct kz_dispatch *orig;
	char saved[KZ_ID_SIZE];
	struct kz_err *warn;
	struct record_form rf;
	struct record_guard guard;	/* no change made meanwhile put back */
};

static int
dsp_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_dispatch_get(db, id, rec, err);
}

static void
dsp_release(void *rec)
{
	kz_dispatch_free(rec);
}

/* ---- u: taking back an add, edit or delete ---- */

static void
dsp_init(void *rec)
{
	kz_dispatch_init(rec);
}

static int
dsp_copy(void *dst, const void *src)
{
	return undo_copy(&kz_dispatch_type, dst, src);
}

/* A dispatch deleted comes back as it was proposed; the person had
 * already gone on past a declared unavailability. */
static int
dsp_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_dispatch_opts o = { .confirmed = true };

	return kz_dispatch_insert(db, rec, &o, err);
}

static int
dsp_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_dispatch_opts o = { .confirmed = true };

	return kz_dispatch_update(db, rec, &o, err);
}

static const struct undo_ops dsp_undo = {
	.rt = &kz_dispatch_type, .size = sizeof (struct kz_dispatch),
	.init = dsp_init, .release = dsp_release, .copy = dsp_copy,
	.get = dsp_get, .insert = dsp_insert, .update = dsp_update,
	.del = kz_dispatch_delete,
};

/* A cost line's change is taken back on the same tab: its add by taking
 * the line out, its edit by its values from before, its removal by the
 * line again (under a new id, as any new line). */
static void
cost_init(void *rec)
{
	memset(rec, 0, sizeof (struct kz_cost_line));
}

static void
cost_release(void *rec)
{
	kz_cost_line_free(rec);
}

static int
cost_copy(void *dst, const void *src)
{
	return undo_copy(&kz_cost_type, dst, src);
}

static int
cost_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_cost_get(db, id, rec, err);
}

static int
cost_put(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_cost_set(db, rec, err);
}

static const struct undo_ops cost_undo = {
	.rt = &kz_cost_type, .size = sizeof (struct kz_cost_line),
	.init = cost_init, .release = cost_release, .copy = cost_copy,
	.get = cost_get, .insert = cost_put, .update = cost_put,
	.del = kz_cost_delete,
};

/* How u names a dispatch: its specialist (its days if none), the id
 * following, so that the question fits a line. */
static void
dsp_name(struct kz_db *db, const struct kz_dispatch *d, char *out,
    size_t size)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	if (kz_specialist_get(db, d->specialist, &s, &err) == KZ_OK) {
		snprintf(out, size, "%s", s.name);
		kz_specialist_free(&s);
	} else
		snprintf(out, size, "%s..%s", d->start, d->end);
	kz_err_clear(&err);
}

static void
preview_request(void *arg, const char *value, char *out, size_t size)
{
	struct dsp_edit *e = arg;
	struct kz_request r;
	struct kz_err err = { 0 };

	if (*value && kz_request_get(e->ctx->db, value, &r, &err) == KZ_OK) {
		char place[512];

		kz_request_place(r.province, r.city, NULL, place, sizeof place);
		snprintf(out, size, "%s %s: %s", r.country, place, r.topic);
		kz_request_free(&r);
	} else if (*value)
		snprintf(out, size, "%s", err.n ? err.item[0].msg : "");
}

static void
preview_specialist(void *arg, const char *value, char *out, size_t size)
{
	struct dsp_edit *e = arg;
	struct kz_specialist s;
	struct kz_err err = { 0 };

	if (*value && kz_specialist_get(e->ctx->db, value, &s, &err) == KZ_OK) {
		snprintf(out, size, "%s (%s), %s", s.name, s.name_roman,
		    s.government);
		kz_specialist_free(&s);
	} else if (*value)
		snprintf(out, size, "%s", err.n ? err.item[0].msg : "");
}

static int
dsp_save(struct form *f, void *arg, struct kz_err *err)
{
	struct dsp_edit *e = arg;
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = false };
	int rc;

again:
	kz_dispatch_init(&d);
	if (e->orig) {
		memcpy(d.id, e->orig->id, sizeof d.id);
		record_guard_stamp(&e->guard, &d);
	}
	if (record_form_take(&e->rf, f, &d, err)) {
		kz_dispatch_free(&d);
		return KZ_ERROR;
	}
	o.warn = e->warn;
	for (;;) {
		struct kz_err w = { 0 };

		rc = e->orig ? kz_dispatch_update(e->ctx->db, &d, &o, &w) :
		    kz_dispatch_insert(e->ctx->db, &d, &o, &w);
		if (rc == KZ_OK || o.confirmed || !kz_dispatch_only_warnings(&w)) {
			*err = w;
			break;
		}
		/* A declared unavailability: the person decides. */
		char q[KZ_ERR_MSG + 32];
		snprintf(q, sizeof q, _("%s Go on?"), w.item[0].msg);
		if (!dispatch_view_yesno(q)) {
			*err = w;
			break;
		}
		o.confirmed = true;
	}
	if (rc == KZ_OK)
		memcpy(e->saved, d.id, sizeof e->saved);
	kz_dispatch_free(&d);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, e->ctx->db,
	    e->ctx->cfg, e->orig->id)) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

bool
dispatch_form(struct frame_ctx *ctx, const struct kz_dispatch *orig,
    const struct kz_dispatch *pre, char saved[KZ_ID_SIZE],
    struct kz_err *warn)
{
	struct dsp_edit e = { .ctx = ctx, .orig = orig, .warn = warn };
	const struct kz_dispatch *d = orig ? orig : pre;
	struct form f;
	char title[128];
	int i;
	bool ok;

	if (orig)
		snprintf(title, sizeof title, _("Edit dispatch %s"), orig->id);
	else
		snprintf(title, sizeof title, "%s", _("Propose a dispatch"));
	record_form_init(&e.rf, &kz_dispatch_type);
	/* the ids named as they are typed; an overlap, reported under
	 * "dates", belongs to the first day */
	if ((i = record_form_line(&e.rf, "request")) >= 0)
		e.rf.spec[i].preview = preview_request;
	if ((i = record_form_line(&e.rf, "specialist")) >= 0)
		e.rf.spec[i].preview = preview_specialist;
	if ((i = record_form_line(&e.rf, "start")) >= 0)
		e.rf.spec[i].key = "start|dates";
	if ((i = record_form_line(&e.rf, "override_reason")) >= 0)
		e.rf.spec[i].key = "override_reason|override";
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	if (d)
		record_form_fill(&e.rf, &f, d);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_dispatch),
	    dsp_get, dsp_release, orig);
	ok = form_run(&f, dsp_save);
	if (ok) {
		struct kz_dispatch now;
		struct kz_err err = { 0 };
		char name[200] = "";

		memcpy(saved, e.saved, KZ_ID_SIZE);
		if (kz_dispatch_get(ctx->db, e.saved, &now, &err) == KZ_OK) {
			dsp_name(ctx->db, &now, name, sizeof name);
			kz_dispatch_free(&now);
		}
		kz_err_clear(&err);
		undo_push(ctx->db, &dsp_undo, orig ? UNDO_EDIT : UNDO_ADD,
		    e.saved, name, orig);
	}
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	return ok;
}

/* ---- changing state ---- */

enum { SF_STATE, SF_DATE, SF_REF, SF_REASON, SF_NOTE, SF_N };

struct state_edit {
	struct frame_ctx *ctx;
	char id[KZ_ID_SIZE];
	char who[200];		/* the specialist, to name the record */
	int next[KZ_DSP_NSTATES + 1];
	struct kz_err warn;	/* of the change made */
};

static int
state_save(struct form *f, void *arg, struct kz_err *err)
{
	struct state_edit *e = arg;
	struct kz_dispatch_change c = { .to = KZ_DSP_PROPOSED };
	char *date = form_trimmed(f, SF_DATE);
	char *ref = form_trimmed(f, SF_REF);
	char *reason = form_trimmed(f, SF_REASON);
	char *note = form_trimmed(f, SF_NOTE);
	int rc;

	c.to = (enum kz_dispatch_state)e->next[form_choice(f, SF_STATE)];
	c.date = date && *date ? date : NULL;
	c.ref = ref && *ref ? ref : NULL;
	c.reason = reason && *reason ? reason : NULL;
	c.note = note && *note ? note : NULL;
	kz_err_clear(&e->warn);
	c.warn = &e->warn;
	/* A final step is asked for, as a delete is, once it can be taken. */
	if (kz_lifecycle_final(&kz_dispatch_lc, (int)c.to)) {
		char q[400];

		rc = kz_dispatch_check_state(e->ctx->db, e->id, &c, err);
		snprintf(q, sizeof q, _("Make dispatch %s (%s) %s? It is final."),
		    e->id, e->who, kz_lifecycle_name(&kz_dispatch_lc, (int)c.to));
		if (rc == KZ_OK && !dispatch_view_yesno(q))
			rc = kz_err_add(err, "", _("not saved: nothing changed"));
	} else
		rc = KZ_OK;
	if (rc == KZ_OK)
		rc = kz_dispatch_set_state(e->ctx->db, e->id, &c, err);
	free(date);
	free(ref);
	free(reason);
	free(note);
	return rc;
}

static unsigned
change_state(struct dsp_tab *t)
{
	const struct kz_dispatch_row *r = sel_row(t);
	const char *names[KZ_DSP_NSTATES + 1];
	struct state_edit e = { .ctx = t->ctx };
	struct form_spec spec[SF_N] = {
		{ "state", N_("New state"), N_("Space, or the first letter"),
		  names, 0, NULL, NULL, NULL, 0 },
		{ "date", N_("Date"),
		  N_("The day it happened (signing: the agreement's date), e.g. "
		  "2027-01-31 or 2027年1月31日; today unless changed"), NULL, 0,
		  NULL, NULL, NULL, 0 },
		{ "ref", N_("Agreement ref."),
		  N_("When signing: the agreement's reference"), NULL, 0, NULL,
		  NULL, NULL, 0 },
		{ "reason", N_("Reason"), N_("When cancelling: why"), NULL, 0,
		  NULL, NULL, NULL, 0 },
		{ "note", N_("Note"), N_("Kept in the history"), NULL, 0, NULL,
		  NULL, NULL, 0 },
	};
	struct form f;
	char title[160], today[11];

	if (r == NULL)
		return 0;
	if (dispatch_view_next_choices(&kz_dispatch_lc, r->state, names, e.next,
	    KZ_DSP_NSTATES + 1) == 0) {
		frame_message(t->ctx, true, _("Dispatch %s is %s: it is final."),
		    r->id, kz_lifecycle_name(&kz_dispatch_lc, r->state));
		return UI_DRAW_STATUS;
	}
	snprintf(e.id, sizeof e.id, "%s", r->id);
	snprintf(e.who, sizeof e.who, "%s", r->name && *r->name ? r->name :
	    r->name_roman ? r->name_roman : "");
	snprintf(title, sizeof title, _("Dispatch %s: %s, to"), r->id,
	    kz_lifecycle_name(&kz_dispatch_lc, r->state));
	form_init(&f, title, spec, SF_N, &e);
	kz_stamp_today(t->ctx->cfg, today);
	form_set_date(&f, SF_DATE, today);
	if (form_run(&f, state_save)) {
		char keep[KZ_ID_SIZE];

		snprintf(keep, sizeof keep, "%s", e.id);
		undo_push(t->ctx->db, &dsp_undo, UNDO_STATE, keep, e.who,
		    NULL);
		reload(t, keep);
		if (e.warn.n > 0)
			frame_message(t->ctx, true, _("Dispatch %s is now %s; "
			    "warning: %s"), keep, sel_row(t) ? kz_lifecycle_name(
			    &kz_dispatch_lc, sel_row(t)->state) : "",
			    e.warn.item[0].msg);
		else
			frame_message(t->ctx, false, _("Dispatch %s is now %s."),
			    keep, sel_row(t) ? kz_lifecycle_name(&kz_dispatch_lc,
			    sel_row(t)->state) : "");
	}
	form_free(&f);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- a cost line ---- */

/* The form of a line is made from kz_cost_type's fields (record_form);
 * what only the form has is added here: "usual" before the payers, the
 * hints a form gives (the table's are the command line's, "with
 * --category"), and the action. */

/* "usual", then who pays as kz_payer_enum names them: choice i + 1 is
 * payer i. Made with the form (cost_form_init). */
static const char *payer_choices[8];
/* The categories of the council's rule (kz_cost_rule), for the hint. */
static char category_hint[400];
static const char *const action_choices[] = { N_("set"), N_("remove"),
    NULL };
static const struct form_spec action_spec = { "action", N_("Action"),
	N_("set this line, or remove it"), action_choices, 0, NULL, NULL,
	NULL, 0 };
static const struct { const char *field, *hint; } cost_hints[] = {
	{ "category", category_hint },
	{ "payer", N_("usual: as the rule says (dispatch.costs)") },
	{ "currency", N_("ISO 4217, e.g. JPY or CNY; empty: the usual one") },
	{ "estimate", N_("e.g. 12000 or 3500.50") },
	{ "actual", N_("e.g. 11800 or 3420.00") },
	{ "note", N_("Why, when the payer is not the usual one") },
};

struct cost_edit {
	struct frame_ctx *ctx;
	char id[KZ_ID_SIZE];
	struct record_form rf;
	struct form_spec *spec;	/* rf's lines, then the action */
	int payer, currency, action;	/* their lines */
};

/* The payer choices and the category hint from the tables the rule is
 * written in, in the reader's language; the spec from the table. */
static bool
cost_form_init(struct cost_edit *e)
{
	size_t o = 0, n = 0;
	char codes[300];

	payer_choices[n++] = N_("usual");
	for (int i = 0; kz_payer_enum.labels[i] && n + 1 <
	    sizeof payer_choices / sizeof payer_choices[0]; i++)
		payer_choices[n++] = kz_payer_enum.labels[i];
	payer_choices[n] = NULL;
	codes[0] = '\0';
	for (const struct kz_cost_rule *r = kz_cost_rule; r->code &&
	    o < sizeof codes; r++)
		o += (size_t)snprintf(codes + o, sizeof codes - o, "%s%s",
		    o ? ", " : "", r->code);
	/* TRANSLATORS: %s is the list of the usual cost categories */
	snprintf(category_hint, sizeof category_hint, _("%s, or your own"),
	    codes);
	if (!record_form_init(&e->rf, &kz_cost_type))
		return false;
	e->spec = xcalloc((size_t)e->rf.n + 1, sizeof *e->spec);
	memcpy(e->spec, e->rf.spec, (size_t)e->rf.n * sizeof *e->spec);
	for (size_t i = 0; i < sizeof cost_hints / sizeof cost_hints[0]; i++) {
		int k = record_form_line(&e->rf, cost_hints[i].field);

		if (k >= 0)
			e->spec[k].hint = cost_hints[i].hint;
	}
	e->payer = record_form_line(&e->rf, "payer");
	e->currency = record_form_line(&e->rf, "currency");
	e->spec[e->payer].choices = payer_choices;
	e->action = e->rf.n;
	e->spec[e->action] = action_spec;
	return true;
}

/* The dispatch's line of the category typed (a code or its name), into
 * *out; false when it has none. */
static bool
line_of(struct kz_db *db, const char *dispatch, const char *typed,
    struct kz_cost_line *out)
{
	const char *code = typed ? kz_cost_category_code(db->cfg, typed) :
	    NULL;
	struct kz_cost_ledger l;
	struct kz_err err = { 0 };
	bool found = false;

	if (kz_cost_load(db, dispatch, &l, &err) != KZ_OK) {
		kz_err_clear(&err);
		return false;
	}
	for (size_t i = 0; !found && i < l.n; i++)
		if (strcmp(l.lines[i].category, code ? code : typed) == 0) {
			*out = l.lines[i];
			memset(&l.lines[i], 0, sizeof l.lines[i]);
			found = true;
		}
	kz_cost_ledger_free(&l);
	return found;
}

/* A change of a cost line kept for u, named by its category and its
 * dispatch. */
static void
cost_kept(struct cost_edit *e, enum undo_what what, const char *id,
    const struct kz_cost_line *before)
{
	struct kz_cost_line now;
	struct kz_err err = { 0 };
	char name[160];
	const char *cat = before ? before->category : NULL;

	memset(&now, 0, sizeof now);
	if (cat == NULL && kz_cost_get(e->ctx->db, id, &now, &err) == KZ_OK)
		cat = now.category;
	kz_err_clear(&err);
	/* TRANSLATORS: a cost line, as u names it: its category, then the
	 * dispatch's id */
	snprintf(name, sizeof name, _("%s of %s"), cat ?
	    kz_cost_category_name(cat) : "?", e->id);
	undo_push(e->ctx->db, &cost_undo, what, id, name, before);
	kz_cost_line_free(&now);
}

static int
cost_save(struct form *f, void *arg, struct kz_err *err)
{
	struct cost_edit *e = arg;
	struct kz_cost_line l, before;
	bool had = false;
	char *cat = form_trimmed(f, record_form_line(&e->rf, "category"));
	char *cur = form_trimmed(f, e->currency);
	int rc = KZ_ERROR;

	memset(&l, 0, sizeof l);
	if (cat == NULL || cur == NULL) {
		rc = kz_err_add(err, "", "%s", _("out of memory"));
		goto done;
	}
	had = line_of(e->ctx->db, e->id, cat, &before);
	if (form_choice(f, e->action) == 1) {
		rc = kz_cost_remove(e->ctx->db, e->id, cat, err);
		if (rc == KZ_OK && had)
			cost_kept(e, UNDO_DELETE, before.id, &before);
		goto done;
	}
	/* amounts are read in the line's currency: an empty one is the
	 * usual one while the table takes the form, and empty again after */
	if (*cur == '\0') {
		char usual[4];

		kz_cost_usual_currency(e->ctx->db, e->id, cat,
		    form_choice(f, e->payer) - 1, usual);
		form_set(f, e->currency, usual);
	}
	rc = record_form_take(&e->rf, f, &l, err);
	if (*cur == '\0')
		form_set(f, e->currency, "");
	snprintf(l.dispatch, sizeof l.dispatch, "%s", e->id);
	l.payer = form_choice(f, e->payer) - 1;	/* 0 is "usual" */
	if (rc == KZ_OK && err->n == 0)
		rc = kz_cost_set(e->ctx->db, &l, err);
	else
		rc = KZ_ERROR;
	if (rc == KZ_OK)
		cost_kept(e, had ? UNDO_EDIT : UNDO_ADD, l.id, had ? &before :
		    NULL);
	kz_cost_line_free(&l);
done:
	if (had)
		kz_cost_line_free(&before);
	free(cat);
	free(cur);
	return rc;
}

static unsigned
edit_cost(struct dsp_tab *t)
{
	const struct kz_dispatch_row *r = sel_row(t);
	struct cost_edit e = { .ctx = t->ctx };
	struct form f;
	char title[160];

	if (r == NULL)
		return 0;
	snprintf(e.id, sizeof e.id, "%s", r->id);
	snprintf(title, sizeof title, _("Costs of dispatch %s"), r->id);
	if (!cost_form_init(&e))
		return 0;
	form_init(&f, title, e.spec, e.rf.n + 1, &e);
	if (form_run(&f, cost_save))
		frame_message(t->ctx, false, _("Costs of %s saved."), e.id);
	form_free(&f);
	free(e.spec);
	record_form_free(&e.rf);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
deleted(void *arg, const char *id)
{
	struct dsp_tab *t = arg;

	reload(t, NULL);
	frame_message(t->ctx, false, _("Deleted dispatch %s."), id);
}

/* Delete, keeping the dispatch as it was for u. */
static int
dsp_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_dispatch d;
	char name[200];
	int rc;

	if ((rc = kz_dispatch_get(db, id, &d, err)) != KZ_OK)
		return rc;
	dsp_name(db, &d, name, sizeof name);
	if ((rc = kz_dispatch_delete(db, id, err)) == KZ_OK)
		undo_push(db, &dsp_undo, UNDO_DELETE, d.id, name, &d);
	kz_dispatch_free(&d);
	return rc;
}

static void
dsp_undone(void *arg)
{
	reload(arg, NULL);
}

static const struct record_list_delete dsp_delete = {
	.del = dsp_delete_kept, .can = kz_dispatch_delete_check,
	.done = deleted };

static unsigned
edit(struct dsp_tab *t, bool add)
{
	struct kz_dispatch d;
	struct kz_err err = { 0 }, warn = { 0 };
	char saved[KZ_ID_SIZE];
	bool ok;

	if (add)
		ok = dispatch_form(t->ctx, NULL, NULL, saved, &warn);
	else {
		if (sel_row(t) == NULL || kz_dispatch_get(t->ctx->db,
		    sel_row(t)->id, &d, &err) != KZ_OK)
			return 0;
		ok = dispatch_form(t->ctx, &d, NULL, saved, &warn);
		kz_dispatch_free(&d);
	}
	if (ok) {
		reload(t, saved);
		if (warn.n > 0)
			frame_message(t->ctx, true, _("Saved dispatch %s; "
			    "warning: %s"), saved, warn.item[0].msg);
		else
			frame_message(t->ctx, false, _("Saved dispatch %s."),
			    saved);
	}
	return UI_LAYOUT | UI_DRAW_ALL;
}

static unsigned
dsp_key(void *tab, int key)
{
	struct dsp_tab *t = tab;
	enum keys_action a;
	unsigned f;

	if (t->rl.mode == RLIST_SEARCH)
		return record_list_search_key(&t->rl, key);
	if (t->rl.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->rl, t->ctx, t->undo, key,
		    &t->undoing, dsp_undone, t);
	if (t->rl.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->rl, t->ctx, key, sel_row(t) ?
		    sel_row(t)->id : NULL, &dsp_delete);
	if (t->rl.mode == RLIST_MENU)
		return record_list_menu_key(&t->rl, key);
	a = keys_lookup(KEYS_LIST | KEYS_DISPATCHES, key, false);
	if ((f = record_list_browse(&t->rl, a)) != UI_PASS)
		return f;
	switch (a) {
	case KA_ADD:
		return edit(t, true);
	case KA_EDIT:
		return sel_row(t) ? edit(t, false) : 0;
	case KA_DELETE:
		if (sel_row(t)) {
			char q[300], d1[64], d2[64];

			dispatch_view_date(t->ctx->cfg, sel_row(t)->start, d1,
			    sizeof d1);
			dispatch_view_date(t->ctx->cfg, sel_row(t)->end, d2,
			    sizeof d2);
			snprintf(q, sizeof q, _("Delete dispatch %s (%s..%s)?"),
			    sel_row(t)->id, d1, d2);
			return record_list_delete_ask(&t->rl, t->ctx,
			    sel_row(t)->id, &dsp_delete, q);
		}
		return UI_DRAW_STATUS;
	case KA_STATE:
		return change_state(t);
	case KA_COSTS:
		return edit_cost(t);
	case KA_UNDO:
		/* the newest change on the tab: a dispatch's or a cost
		 * line's */
		t->undo = undo_newer(&dsp_undo, &cost_undo);
		return undo_ask(&t->rl, t->ctx, t->undo, &t->undoing);
	case KA_GO_REQUEST:
		if (sel_row(t))
			frame_show(t->ctx, "Requests", sel_row(t)->request,
			    true);
		return 0;
	case KA_GO_SPECIALIST:
		if (sel_row(t))
			frame_show(t->ctx, "Specialists",
			    sel_row(t)->specialist, true);
		return 0;
	default:
		return UI_PASS;
	}
}

/* ---- the tab ---- */

static void *
dsp_open(struct frame_ctx *ctx)
{
	struct dsp_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->rl, &dsp_ops, t);
	/* newest first, as `dispatch list` */
	t->rl.sorts = dsp_sorts;
	t->rl.nsorts = (int)(sizeof dsp_sorts / sizeof dsp_sorts[0]);
	t->rl.sortdesc = true;
	reload(t, NULL);
	t->fresh = true;
	return t;
}

static void
dsp_close(void *tab)
{
	struct dsp_tab *t = tab;

	record_list_free(&t->rl);
	if (t->open)
		kz_rwin_close(&t->win);
	free(t);
}

static void
dsp_layout(void *tab, int y, int x, int h, int w)
{
	struct dsp_tab *t = tab;

	/* another tab may have written: look again when shown (but for
	 * the first time, just read) */
	if (h > 0 && !t->fresh)
		reload(t, NULL);
	t->fresh = false;
	record_list_layout(&t->rl, y, x, h, w);
}

static void
dsp_draw(void *tab, unsigned flags)
{
	record_list_draw(&((struct dsp_tab *)tab)->rl, flags);
}

static int
dsp_status(void *tab, WINDOW *w, int width)
{
	struct dsp_tab *t = tab;
	char count[48];

	size_t n = dsp_rows(t);

	snprintf(count, sizeof count, " %zu%s/%ld", n, t->open &&
	    !kz_rwin_exact(&t->win) ? "+" : "", t->total);
	return record_list_status(&t->rl, w, width, count);
}

static unsigned
dsp_keyctx(void *tab, bool *text)
{
	return record_list_keyctx(&((struct dsp_tab *)tab)->rl,
	    KEYS_LIST | KEYS_DISPATCHES, text);
}

static void
dsp_summary(void *tab, char *buf, size_t size)
{
	struct dsp_tab *t = tab;

	size_t n = dsp_rows(t);

	if (*record_list_term(&t->rl) && t->open && !kz_rwin_exact(&t->win))
		snprintf(buf, size, ngettext("%zu+ of %ld dispatch",
		    "%zu+ of %ld dispatches", (unsigned long)t->total),
		    n, t->total);
	else if (*record_list_term(&t->rl))
		snprintf(buf, size, ngettext("%zu of %ld dispatch",
		    "%zu of %ld dispatches", (unsigned long)t->total),
		    n, t->total);
	else
		snprintf(buf, size, ngettext("%ld dispatch", "%ld dispatches",
		    (unsigned long)t->total), t->total);
}

/* Select id, clearing a search that hides it. */
static bool
dsp_select(void *tab, const char *id)
{
	struct dsp_tab *t = tab;
	const struct kz_dispatch_row *r;

	reload(t, id);
	if (((r = sel_row(t)) == NULL || strcmp(r->id, id) != 0) &&
	    record_list_clear(&t->rl))
		reload(t, id);
	return (r = sel_row(t)) != NULL && strcmp(r->id, id) == 0;
}

const struct frame_screen screen_dispatches = {
	N_("Dispatches"),
	dsp_open,
	dsp_close,
	dsp_layout,
	dsp_draw,
	dsp_key,
	dsp_status,
	dsp_keyctx,
	dsp_summary,
	dsp_select,
};
