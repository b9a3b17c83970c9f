/* screen_requests.c - the request tab: list, record, status, and the ranked candidates. */
#include "screen_requests.h"
#include "record.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "date.h"
#include "dispatch.h"
#include "screen_dispatch_view.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "match.h"
#include "request.h"
#include "screen_history.h"
#include "screen_record.h"
#include "record_list.h"
#include "screen_dispatches.h"
#include "specialist.h"
#include "stamp.h"
#include "text.h"
#include "rlist.h"
#include "rwin.h"
#include "xalloc.h"

struct req_tab {
	struct frame_ctx *ctx;
	struct record_list rl;
	/* the rows shown: a window over `request list` (core/rwin.h),
	 * read a page at a time */
	struct kz_rwin win;
	bool open;
	/* a row of it as the tab reads rows, its strings the window's:
	 * the selected one, and one asked for by index */
	struct kz_request_row sel, at;
	long total;
	/* the candidates of one request, in place of the list */
	bool cands;
	struct record_list cl;
	struct kz_match match;
	char topic[320];
	bool undoing;		/* the question asked is u's */
	bool fresh;		/* opened, not yet shown */
};

/* The list's column key of a window's row. */
static const char *
col(const struct kz_rwin_row *w, const char *key)
{
	int c = kz_rlist_col(&kz_rlist_requests, key);

	return c >= 0 && w->text[c] ? w->text[c] : "";
}

/* Row i of the window as a request row, into r (its strings valid
 * until another page is read); NULL past the end. */
static const struct kz_request_row *
row_into(struct req_tab *t, size_t i, struct kz_request_row *r)
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
	snprintf(r->country, sizeof r->country, "%s", col(w, "country"));
	r->place = (char *)col(w, "place");
	r->topic = (char *)col(w, "topic");
	r->fields = (char *)col(w, "fields");
	snprintf(r->received, sizeof r->received, "%s", col(w, "received"));
	snprintf(r->wish_start, sizeof r->wish_start, "%s",
	    col(w, "wish_start"));
	snprintf(r->wish_end, sizeof r->wish_end, "%s", col(w, "wish_end"));
	st = kz_enum_parse(&kz_request_status_enum, col(w, "status"));
	r->status = st < 0 ? 0 : (enum kz_request_status)st;
	r->dispatches = atoi(col(w, "dispatches"));
	return r;
}

static const struct kz_request_row *
sel_row(struct req_tab *t)
{
	return row_into(t, t->rl.sel, &t->sel);
}

/* The columns, as `request list --sort` names them. */
static const struct record_list_sort req_sorts[] = {
	{ "received", N_("Received") }, { "status", N_("Status") },
	{ "host", N_("Host") }, { "topic", N_("Topic") },
};

/* The rows there are so far: counted on past a cap ("1000+") when the
 * selection comes near it. */
static size_t
req_rows(struct req_tab *t)
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
reload(struct req_tab *t, const char *select)
{
	const struct kz_request_row *r;
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
	kz_rlist_query_init(&q, &kz_rlist_requests);
	if (!*term) {
		/* every request: a count over an index, never the rows */
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
	req_rows(t);
	record_list_clamp(&t->rl);
}

/* ---- the list ---- */

/* End: every row counted, so that it goes to the last. */
static size_t
req_count_all(void *arg)
{
	struct req_tab *t = arg;
	struct kz_err err;

	if (!t->open)
		return 0;
	kz_err_clear(&err);
	if (kz_rwin_all(&t->win, &err) != KZ_OK)
		frame_error(t->ctx, &err);
	return (size_t)kz_rwin_count(&t->win);
}

static size_t
req_count(void *arg)
{
	return req_rows(arg);
}

static void
req_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct req_tab *t = arg;
	int w[4];
	char host[600], received[64], *shown;
	const char *v[4];

	w[0] = dispatch_view_date_width(t->ctx->cfg);
	w[1] = dispatch_view_state_width(&kz_request_lc);
	w[2] = (width - w[0] - w[1] - 3) * 40 / 100;
	w[3] = width - w[0] - w[1] - w[2] - 3;
	if (i == (size_t)-1) {
		char hb[4][128];
		const char *h[4];

		for (int k = 0; k < 4; k++)
			h[k] = record_list_head(&t->rl, req_sorts[k].key,
			    req_sorts[k].head, hb[k], sizeof hb[k]);
		draw_cells(buf, size, h, w, 4);
		return;
	}
	const struct kz_request_row *r = row_into(t, i, &t->at);
	if (r == NULL) {
		buf[0] = '\0';
		return;
	}
	shown = kz_place_shown(r->country, r->place);
	if (shown == NULL)
		xalloc_die();
	snprintf(host, sizeof host, "%s", shown);
	free(shown);
	dispatch_view_date(t->ctx->cfg, r->received, received,
	    sizeof received);
	v[0] = received;
	v[1] = kz_lifecycle_name(&kz_request_lc, r->status);
	v[2] = host;
	v[3] = r->topic;
	draw_cells(buf, size, v, w, 4);
}

static void
req_detail(void *arg, struct record_list *l, size_t sel)
{
	struct req_tab *t = arg;
	const struct kz_config *cfg = t->ctx->cfg;
	struct kz_request r;
	struct kz_events ev;
	struct kz_dispatch_query q;
	struct kz_dispatch_rows dl;
	struct kz_err err = { 0 };
	char buf[1024], a[64], b[64];

	const struct kz_request_row *row = row_into(t, sel, &t->at);

	if (row == NULL || kz_request_get(t->ctx->db, row->id, &r, &err))
		return;
	record_list_detail_title(l, r.topic);
	record_detail(l, &kz_request_type, &r, cfg, "id", "notes");

	kz_dispatch_query_init(&q);
	q.request = r.id;
	if (kz_dispatch_list(t->ctx->db, &q, true, &dl, &err) == KZ_OK) {
		snprintf(buf, sizeof buf, _("Dispatches (%s: candidates)"),
		    keys_first(KA_MATCH));
		record_list_detail_heading(l, buf);
		if (dl.n == 0) {
			snprintf(buf, sizeof buf, _("none yet: press %s for the "
			    "ranked candidates"), keys_first(KA_MATCH));
			record_list_detail_add(l, NULL, buf);
		}
		for (size_t i = 0; i < dl.n; i++) {
			dispatch_view_date(cfg, dl.rows[i].start, a, sizeof a);
			dispatch_view_date(cfg, dl.rows[i].end, b, sizeof b);
			snprintf(buf, sizeof buf, "%s..%s %s: %s (%s) %s", a, b,
			    kz_lifecycle_name(&kz_dispatch_lc, dl.rows[i].state),
			    dl.rows[i].name ? dl.rows[i].name : "",
			    dl.rows[i].name_roman ? dl.rows[i].name_roman : "",
			    dl.rows[i].id);
			record_list_detail_add(l, NULL, buf);
		}
		kz_dispatch_rows_free(&dl);
	}
	if (kz_request_history(t->ctx->db, r.id, &ev, &err) == KZ_OK) {
		record_list_detail_heading(l, _("History"));
		for (size_t i = 0; i < ev.n; i++) {
			dispatch_view_event_line(cfg, &kz_request_lc,
			    &ev.ev[i], buf, sizeof buf);
			record_list_detail_add(l, NULL, buf);
		}
		kz_events_free(&ev);
	}
	record_detail(l, &kz_request_type, &r, cfg, "created", "updated_by");
	record_history_detail(l, t->ctx->db, cfg, &kz_request_type, r.id);
	kz_request_free(&r);
}

static void
req_refilter(void *arg)
{
	reload(arg, NULL);
}

static const struct record_list_ops req_ops = {
	.count = req_count,
	.count_all = req_count_all,
	.row = req_row,
	.detail = req_detail,
	.refilter = req_refilter,
};

/* ---- the candidates ---- */

static size_t
cand_count(void *arg)
{
	return ((struct req_tab *)arg)->match.n;
}

static void
cand_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct req_tab *t = arg;
	char rank[24], score[16], who[256];
	const char *v[4];
	int w[4];

	w[0] = 4;
	w[1] = 5;
	w[2] = (width - 11) * 55 / 100;
	w[3] = width - w[0] - w[1] - w[2] - 3;
	if (i == (size_t)-1) {
		const char *h[] = { "#", _("Score"), _("Candidate"),
		    _("Government or why not") };
		draw_cells(buf, size, h, w, 4);
		return;
	}
	const struct kz_match_cand *c = &t->match.c[i];
	bool fit = i < t->match.nfit;
	snprintf(rank, sizeof rank, "-");
	score[0] = '\0';
	if (fit) {
		snprintf(rank, sizeof rank, "%zu", i + 1);
		snprintf(score, sizeof score, "%d", c->score);
	}
	snprintf(who, sizeof who, "%s %s", c->name_roman, c->name ? c->name :
	    "");
	v[0] = rank;
	v[1] = score;
	v[2] = who;
	v[3] = fit ? (c->government ? c->government : "") : c->cannot;
	draw_cells(buf, size, v, w, 4);
}

static void
cand_detail(void *arg, struct record_list *l, size_t sel)
{
	struct req_tab *t = arg;
	const struct kz_match_cand *c = &t->match.c[sel];
	char buf[640], pts[16];

	snprintf(buf, sizeof buf, "%s (%s) %s", c->name ? c->name : "",
	    c->name_roman, c->id);
	record_list_detail_title(l, buf);
	if (c->cannot)
		record_list_detail_add(l, _("Cannot go"), c->cannot);
	snprintf(buf, sizeof buf, "%d", c->score);
	record_list_detail_add(l, _("Score"), buf);
	for (size_t i = 0; i < c->nwhy; i++) {
		snprintf(pts, sizeof pts, "%+d", c->why[i].points);
		record_list_detail_add(l, pts, c->why[i].text);
	}
}

static const struct record_list_ops cand_ops = {
	.count = cand_count,
	.row = cand_row,
	.detail = cand_detail,
};

static unsigned
open_candidates(struct req_tab *t)
{
	const struct kz_request_row *r = sel_row(t);
	struct kz_err err = { 0 };

	if (r == NULL)
		return 0;
	kz_match_free(&t->match);
	if (kz_match_request(t->ctx->db, r->id, &t->match, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return UI_DRAW_STATUS;
	}
	snprintf(t->topic, sizeof t->topic, "%s", r->topic);
	t->cands = true;
	t->cl.sel = t->cl.top = 0;
	frame_message(t->ctx, false, _("%zu can go, %zu cannot: %s"), t->match.nfit,
	    t->match.n - t->match.nfit, t->topic);
	return UI_LAYOUT | UI_DRAW_ALL;
}

static unsigned
propose(struct req_tab *t)
{
	const struct kz_request_row *r = sel_row(t);
	struct kz_dispatch pre;
	struct kz_request req;
	struct kz_err err = { 0 }, warn = { 0 };
	char saved[KZ_ID_SIZE];

	if (r == NULL || t->cl.sel >= t->match.n)
		return 0;
	if (t->cl.sel >= t->match.nfit) {
		frame_message(t->ctx, true, _("%s cannot go: %s"),
		    t->match.c[t->cl.sel].name_roman,
		    t->match.c[t->cl.sel].cannot);
		return UI_DRAW_STATUS;
	}
	if (kz_request_get(t->ctx->db, r->id, &req, &err) != KZ_OK)
		return 0;
	kz_dispatch_init(&pre);
	snprintf(pre.request, sizeof pre.request, "%s", req.id);
	snprintf(pre.specialist, sizeof pre.specialist, "%s",
	    t->match.c[t->cl.sel].id);
	snprintf(pre.start, sizeof pre.start, "%s", req.wish_start);
	snprintf(pre.end, sizeof pre.end, "%s", req.wish_end);
	kz_str_set(&pre.places, req.city ? req.city : req.province);
	pre.mode = req.mode;
	if (dispatch_form(t->ctx, NULL, &pre, saved, &warn)) {
		t->cands = false;
		kz_match_free(&t->match);
		reload(t, req.id);
		if (warn.n > 0)
			frame_message(t->ctx, true, _("Proposed: dispatch %s; "
			    "warning: %s"), saved, warn.item[0].msg);
		else
			frame_message(t->ctx, false, _("Proposed: dispatch %s."),
			    saved);
		/* the next s on the dispatches tab is for this one */
		frame_show(t->ctx, screen_dispatches.name, saved, false);
	}
	kz_dispatch_free(&pre);
	kz_request_free(&req);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- the request form ---- */

static void preview_fields(void *, const char *, char *, size_t);

/* What the form works on: the record as it was (for an edit), the form
 * made from the request's table, and the id saved. */
struct req_edit {
	struct req_tab *t;
	const struct kz_request *orig;
	char saved[KZ_ID_SIZE];
	struct kz_err warn;	/* what the saved request may want looked at */
	struct record_form rf;
	struct record_guard guard;	/* no change made meanwhile put back */
};

static int
req_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_request_get(db, id, rec, err);
}

static void
req_release(void *rec)
{
	kz_request_free(rec);
}

/* ---- u: taking back an add, edit or delete ---- */

static void
req_init(void *rec)
{
	kz_request_init(rec);
}

static int
req_copy(void *dst, const void *src)
{
	return undo_copy(&kz_request_type, dst, src);
}

static int
req_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_request_insert(db, rec, err);
}

static int
req_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_request_update(db, rec, err);
}

static const struct undo_ops req_undo = {
	.rt = &kz_request_type, .size = sizeof (struct kz_request),
	.init = req_init, .release = req_release, .copy = req_copy,
	.get = req_get, .insert = req_insert, .update = req_update,
	.del = kz_request_delete,
};

static void
preview_fields(void *arg, const char *value, char *out, size_t size)
{
	struct req_edit *e = arg;
	const struct kz_config *cfg = e->t->ctx->cfg;
	struct kz_request r;
	struct kz_err err = { 0 };
	size_t o = 0;

	kz_request_init(&r);
	kz_request_parse_fields(cfg, &r, value, &err);
	for (size_t i = 0; i < r.nfields && o < size; i++) {
		const struct kz_field *f = kz_config_field(cfg, r.fields[i]);

		o += (size_t)snprintf(out + o, size - o, "%s%d %s", i ? "; " :
		    "", f ? f->number : 0, f ? kz_field_name(cfg, f) : "?");
	}
	if (err.n && o < size)
		snprintf(out + o, size - o, "%s%s", o ? "; " : "",
		    err.item[0].msg);
	kz_request_free(&r);
}

static int
req_save(struct form *f, void *arg, struct kz_err *err)
{
	struct req_edit *e = arg;
	struct kz_request r;
	int rc;

again:
	rc = KZ_OK;
	kz_request_init(&r);
	if (e->orig) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		r.status = e->orig->status;
		memcpy(r.created, e->orig->created, sizeof r.created);
		rc |= kz_str_set(&r.created_by, e->orig->created_by);
		record_guard_stamp(&e->guard, &r);
	}
	if (rc != KZ_OK) {
		kz_request_free(&r);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	record_form_take(&e->rf, f, &r, err);
	if (err->n > 0) {
		/* Show the rest of the problems too, not one at a time. */
		kz_request_validate(e->t->ctx->db, &r, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_request_update(e->t->ctx->db, &r, err);
	else
		rc = kz_request_insert(e->t->ctx->db, &r, err);
	if (rc == KZ_OK) {
		memcpy(e->saved, r.id, sizeof e->saved);
		kz_err_clear(&e->warn);
		kz_request_warn(e->t->ctx->db, &r, &e->warn);
	}
	kz_request_free(&r);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, e->t->ctx->db,
	    e->t->ctx->cfg, e->orig->id)) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

static unsigned
edit(struct req_tab *t, bool add)
{
	struct req_edit e = { .t = t };
	struct kz_request r, before;
	struct kz_err err = { 0 };
	struct form f;
	char title[128], name[320];
	int i;

	kz_request_init(&before);
	if (!add) {
		if (sel_row(t) == NULL || kz_request_get(t->ctx->db,
		    sel_row(t)->id, &r, &err) != KZ_OK)
			return 0;
		e.orig = &r;
		if (req_copy(&before, &r) != KZ_OK) {
			kz_request_free(&r);
			kz_request_free(&before);
			return 0;
		}
		snprintf(title, sizeof title, _("Edit request %s"), r.id);
	} else {
		/* a new request: today, this office, the host interprets */
		kz_request_init(&r);
		kz_stamp_today(t->ctx->cfg, r.received);
		r.interpreting = KZ_INTERP_HOST;
		snprintf(r.office, sizeof r.office, "%s",
		    t->ctx->cfg->office_id ? t->ctx->cfg->office_id : "");
		snprintf(title, sizeof title, "%s", _("Record a request"));
	}
	record_form_init(&e.rf, &kz_request_type);
	/* the field codes explained as they are typed */
	if ((i = record_form_line(&e.rf, "fields")) >= 0)
		e.rf.spec[i].preview = preview_fields;
	form_init(&f, title, e.rf.spec, e.rf.n, &e);
	record_form_fill(&e.rf, &f, &r);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_request), req_get,
	    req_release, e.orig);
	if (form_run(&f, req_save)) {
		struct kz_request now;

		name[0] = '\0';
		if (kz_request_get(t->ctx->db, e.saved, &now, &err) == KZ_OK) {
			snprintf(name, sizeof name, "%s", now.topic ?
			    now.topic : "");
			kz_request_free(&now);
		}
		kz_err_clear(&err);
		reload(t, e.saved);
		undo_push(t->ctx->db, &req_undo, add ? UNDO_ADD : UNDO_EDIT,
		    e.saved, name, add ? NULL : &before);
		if (e.warn.n > 0)
			frame_message(t->ctx, true, _("Saved request %s; "
			    "warning: %s"), e.saved, e.warn.item[0].msg);
		else
			frame_message(t->ctx, false, _("Saved request %s."),
			    e.saved);
	}
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	kz_request_free(&r);
	kz_request_free(&before);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- changing status ---- */

struct status_edit {
	struct frame_ctx *ctx;
	char id[KZ_ID_SIZE];
	char what[200];		/* the host and topic, to name the record */
	int next[KZ_REQ_NSTATUS + 1];
	struct kz_err warn;	/* of the change made */
};

static int
status_save(struct form *f, void *arg, struct kz_err *err)
{
	struct status_edit *e = arg;
	char *date = form_trimmed(f, 1);
	char *note = form_trimmed(f, 2);
	int to = e->next[form_choice(f, 0)];
	char q[400];
	int rc;

	/* A final step is asked for, as a delete is. */
	snprintf(q, sizeof q, _("Make request %s (%s) %s? It is final."), e->id,
	    e->what, kz_lifecycle_name(&kz_request_lc, to));
	if (kz_lifecycle_final(&kz_request_lc, to) &&
	    (kz_request_check_status(e->ctx->db, e->id,
	    (enum kz_request_status)to, note && *note ? note : NULL, NULL,
	    date, err) || !dispatch_view_yesno(q))) {
		free(date);
		free(note);
		return err->n ? KZ_ERROR : kz_err_add(err, "",
		    _("not saved: nothing changed"));
	}
	kz_err_clear(&e->warn);
	rc = kz_request_set_status_on(e->ctx->db, e->id,
	    (enum kz_request_status)to, note && *note ? note : NULL, NULL,
	    date, &e->warn, err);
	free(date);
	free(note);
	return rc;
}

static unsigned
change_status(struct req_tab *t)
{
	const struct kz_request_row *r = sel_row(t);
	const char *names[KZ_REQ_NSTATUS + 1];
	struct status_edit e = { .ctx = t->ctx };
	struct form_spec spec[3] = {
		{ "status", N_("New status"), N_("Space, or the first letter"),
		  names, 0, NULL, NULL, NULL, 0 },
		{ "date", N_("Date"), N_("The day it happened, e.g. 2027-01-31 or "
		  "2027年1月31日; today unless changed"), NULL, 0, NULL, NULL,
		  NULL, 0 },
		{ "note", N_("Note"), N_("Kept in the history"), NULL, 0, NULL,
		  NULL, NULL, 0 },
	};
	struct form f;
	char title[160], today[11];

	if (r == NULL)
		return 0;
	if (dispatch_view_next_choices(&kz_request_lc, r->status, names, e.next,
	    KZ_REQ_NSTATUS + 1) == 0) {
		frame_message(t->ctx, true, _("Request %s is %s: it is final."),
		    r->id, kz_lifecycle_name(&kz_request_lc, r->status));
		return UI_DRAW_STATUS;
	}
	snprintf(e.id, sizeof e.id, "%s", r->id);
	snprintf(e.what, sizeof e.what, "%s%s%s", r->place ? r->place : "",
	    r->place && *r->place && r->topic && *r->topic ? ", " : "",
	    r->topic ? r->topic : "");
	snprintf(title, sizeof title, _("Request %s: %s, to"), r->id,
	    kz_lifecycle_name(&kz_request_lc, r->status));
	form_init(&f, title, spec, 3, &e);
	kz_stamp_today(t->ctx->cfg, today);
	form_set_date(&f, 1, today);
	if (form_run(&f, status_save)) {
		char keep[KZ_ID_SIZE];

		snprintf(keep, sizeof keep, "%s", e.id);
		undo_push(t->ctx->db, &req_undo, UNDO_STATE, keep,
		    r->topic ? r->topic : "", NULL);
		reload(t, keep);
		frame_message(t->ctx, false, _("Request %s is now %s."), keep,
		    sel_row(t) ? kz_lifecycle_name(&kz_request_lc, sel_row(t)->status) :
		    "");
	}
	form_free(&f);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
deleted(void *arg, const char *id)
{
	struct req_tab *t = arg;

	reload(t, NULL);
	frame_message(t->ctx, false, _("Deleted request %s."), id);
}

/* Delete, keeping the request as it was for u. */
static int
req_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_request r;
	int rc;

	if ((rc = kz_request_get(db, id, &r, err)) != KZ_OK)
		return rc;
	if ((rc = kz_request_delete(db, id, err)) == KZ_OK)
		undo_push(db, &req_undo, UNDO_DELETE, r.id, r.topic, &r);
	kz_request_free(&r);
	return rc;
}

static void
req_undone(void *arg)
{
	reload(arg, NULL);
}

static const struct record_list_delete req_delete = {
	.del = req_delete_kept, .can = kz_request_delete_check,
	.done = deleted };

static unsigned
key_candidates(struct req_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_CANDIDATES, key, false);
	unsigned f;

	switch (a) {
	case KA_BACK:
		t->cands = false;
		kz_match_free(&t->match);
		return UI_LAYOUT | UI_DRAW_ALL;
	case KA_PROPOSE:
		return propose(t);
	case KA_HELP:
	case KA_QUIT:
	case KA_REDRAW:
		return UI_PASS;
	default:
		f = record_list_browse(&t->cl, a);
		return f == UI_PASS ? 0 : f;
	}
}

static unsigned
req_key(void *tab, int key)
{
	struct req_tab *t = tab;
	enum keys_action a;
	unsigned f;

	if (t->cands)
		return key_candidates(t, key);
	if (t->rl.mode == RLIST_SEARCH)
		return record_list_search_key(&t->rl, key);
	if (t->rl.mode == RLIST_CONFIRM && t->undoing)
		return undo_answer(&t->rl, t->ctx, &req_undo, key,
		    &t->undoing, req_undone, t);
	if (t->rl.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->rl, t->ctx, key, sel_row(t) ?
		    sel_row(t)->id : NULL, &req_delete);
	if (t->rl.mode == RLIST_MENU)
		return record_list_menu_key(&t->rl, key);
	a = keys_lookup(KEYS_LIST | KEYS_REQUESTS, key, false);
	if ((f = record_list_browse(&t->rl, a)) != UI_PASS)
		return f;
	switch (a) {
	case KA_ADD:
		return edit(t, true);
	case KA_EDIT:
		return sel_row(t) ? edit(t, false) : 0;
	case KA_DELETE:
		if (sel_row(t)) {
			char q[512];

			snprintf(q, sizeof q, _("Delete request %s (%s)?"),
			    sel_row(t)->id, sel_row(t)->topic);
			return record_list_delete_ask(&t->rl, t->ctx,
			    sel_row(t)->id, &req_delete, q);
		}
		return UI_DRAW_STATUS;
	case KA_STATE:
		return change_status(t);
	case KA_MATCH:
		return open_candidates(t);
	case KA_UNDO:
		return undo_ask(&t->rl, t->ctx, &req_undo, &t->undoing);
	default:
		return UI_PASS;
	}
}

/* ---- the tab ---- */

static void *
req_open(struct frame_ctx *ctx)
{
	struct req_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->rl, &req_ops, t);
	/* newest received first, as `request list` */
	t->rl.sorts = req_sorts;
	t->rl.nsorts = (int)(sizeof req_sorts / sizeof req_sorts[0]);
	t->rl.sortdesc = true;
	record_list_init(&t->cl, &cand_ops, t);
	reload(t, NULL);
	t->fresh = true;
	return t;
}

static void
req_close(void *tab)
{
	struct req_tab *t = tab;

	record_list_free(&t->rl);
	record_list_free(&t->cl);
	if (t->open)
		kz_rwin_close(&t->win);
	kz_match_free(&t->match);
	free(t);
}

static void
req_layout(void *tab, int y, int x, int h, int w)
{
	struct req_tab *t = tab;

	/* another tab may have written: look again when shown (but for
	 * the first time, just read) */
	if (h > 0 && !t->cands && !t->fresh)
		reload(t, NULL);
	t->fresh = false;
	/* only the list on screen owns windows */
	record_list_layout(&t->rl, y, x, t->cands ? 0 : h, w);
	record_list_layout(&t->cl, y, x, t->cands ? h : 0, w);
}

static void
req_draw(void *tab, unsigned flags)
{
	struct req_tab *t = tab;

	record_list_draw(t->cands ? &t->cl : &t->rl, flags);
}

static int
req_status(void *tab, WINDOW *w, int width)
{
	struct req_tab *t = tab;
	char count[48];

	if (t->cands)
		return 0;
	snprintf(count, sizeof count, " %zu%s/%ld", req_rows(t), t->open &&
	    !kz_rwin_exact(&t->win) ? "+" : "", t->total);
	return record_list_status(&t->rl, w, width, count);
}

static unsigned
req_keyctx(void *tab, bool *text)
{
	struct req_tab *t = tab;

	if (t->cands) {
		*text = false;
		return KEYS_CANDIDATES;
	}
	return record_list_keyctx(&t->rl, KEYS_LIST | KEYS_REQUESTS, text);
}

static void
req_summary(void *tab, char *buf, size_t size)
{
	struct req_tab *t = tab;

	if (t->cands)
		snprintf(buf, size, _("%zu candidates"), t->match.n);
	else if (*record_list_term(&t->rl) && t->open &&
	    !kz_rwin_exact(&t->win))
		snprintf(buf, size, ngettext("%zu+ of %ld request",
		    "%zu+ of %ld requests", (unsigned long)t->total),
		    req_rows(t), t->total);
	else if (*record_list_term(&t->rl))
		snprintf(buf, size, ngettext("%zu of %ld request",
		    "%zu of %ld requests", (unsigned long)t->total),
		    req_rows(t), t->total);
	else
		snprintf(buf, size, ngettext("%ld request", "%ld requests",
		    (unsigned long)t->total), t->total);
}

/* Select id, clearing a search that hides it. */
static bool
req_select(void *tab, const char *id)
{
	struct req_tab *t = tab;

	if (t->cands) {
		t->cands = false;
		kz_match_free(&t->match);
	}
	reload(t, id);
	if ((sel_row(t) == NULL || strcmp(t->sel.id, id) != 0) &&
	    record_list_clear(&t->rl))
		reload(t, id);
	return sel_row(t) != NULL && strcmp(t->sel.id, id) == 0;
}

const struct frame_screen screen_requests = {
	N_("Requests"),
	req_open,
	req_close,
	req_layout,
	req_draw,
	req_key,
	req_status,
	req_keyctx,
	req_summary,
	req_select,
};
