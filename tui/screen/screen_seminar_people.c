/* screen_seminar_people.c - an edition's participants on the seminars tab. */
#include "screen_seminar_people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "participant.h"
#include "record_list.h"
#include "screen_history.h"
#include "screen_record.h"
#include "screen_seminar_view.h"
#include "record.h"
#include "text.h"
#include "xalloc.h"

struct sem_people {
	struct frame_ctx *ctx;
	char edition[KZ_ID_SIZE];
	char head[512];
	struct kz_participant *all, *p;	/* everyone; those the search shows */
	size_t nall, n;
	struct kz_counts by_country, by_role;
	struct record_list list;
	bool undoing;		/* the question asked is u's */
	WINDOW *wbanner;
	int w;
};

/* ---- loading ---- */

static bool
matches(const struct kz_participant *p, const char *term)
{
	char hay[1024];
	const char *cn = kz_country_label(p->country);

	if (!*term)
		return true;
	snprintf(hay, sizeof hay, "%s %s %s %s %s %s %s %s", p->name,
	    p->name_roman ? p->name_roman : "", p->country, cn ? cn : "",
	    p->organisation ? p->organisation : "", p->post ? p->post : "",
	    kz_enum_label(&kz_participant_role_enum, (int)p->role), p->needs ? p->needs : "");
	return semv_matches(hay, term);
}

static void
refilter(struct sem_people *s, const char *keep)
{
	const char *term = record_list_term(&s->list);

	free(s->p);
	s->p = xcalloc(s->nall + 1, sizeof *s->p);
	s->n = 0;
	s->list.sel = 0;
	for (size_t i = 0; i < s->nall; i++)
		if (matches(&s->all[i], term)) {
			if (keep && strcmp(s->all[i].id, keep) == 0)
				s->list.sel = s->n;
			s->p[s->n++] = s->all[i];	/* shared, not owned */
		}
	s->list.dscroll = 0;
	record_list_clamp(&s->list);
}

static void
load(struct sem_people *s, const char *keep)
{
	struct kz_err err = { 0 };

	free(s->p);
	s->p = NULL;
	s->n = 0;
	kz_participant_list_free(s->all, s->nall);
	s->all = NULL;
	s->nall = 0;
	kz_counts_free(&s->by_country);
	kz_counts_free(&s->by_role);
	semv_edition_line(s->ctx, s->edition, s->head, sizeof s->head);
	if (kz_participant_list(s->ctx->db, s->edition, NULL, -1, &s->all,
	    &s->nall, &err) != KZ_OK ||
	    kz_participant_count_country(s->ctx->db, s->edition,
	    &s->by_country, &err) != KZ_OK ||
	    kz_participant_count_role(s->ctx->db, s->edition, &s->by_role,
	    &err) != KZ_OK)
		frame_error(s->ctx, &err);
	refilter(s, keep);
}

/* ---- the list ---- */

static size_t
count(void *arg)
{
	struct sem_people *s = arg;
	return s->n;
}

static void
row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct sem_people *s = arg;
	int nw = width * 30 / 100, cw = 16, rw = 12, ow;
	char country[96];
	size_t o = 0;

	ow = width - nw - cw - rw - 3;
	if (i == (size_t)-1) {
		o = draw_cell(buf, size, o, _("Name"), nw, false);
		o = draw_cell(buf, size, o, _("Country"), cw, false);
		o = draw_cell(buf, size, o, _("Role"), rw, false);
		draw_cell(buf, size, o, _("Organisation"), ow, true);
		return;
	}
	const struct kz_participant *p = &s->p[i];
	const char *cn = kz_country_label(p->country);
	snprintf(country, sizeof country, "%s %s", p->country, cn ? cn : "");
	o = draw_cell(buf, size, o, p->name, nw, false);
	o = draw_cell(buf, size, o, country, cw, false);
	o = draw_cell(buf, size, o, kz_enum_label(&kz_participant_role_enum, (int)p->role), rw, false);
	draw_cell(buf, size, o, p->organisation, ow, true);
}

static void
detail(void *arg, struct record_list *l, size_t sel)
{
	struct sem_people *s = arg;
	const struct kz_participant *p = &s->p[sel];
	char buf[512];

	snprintf(buf, sizeof buf, "%s%s%s%s", p->name, p->name_roman ? " (" :
	    "", p->name_roman ? p->name_roman : "", p->name_roman ? ")" : "");
	record_list_detail_title(l, buf);
	record_detail(l, &kz_participant_type, p, s->ctx->cfg, "country",
	    "phone");
	record_detail(l, &kz_participant_type, p, s->ctx->cfg, "id", "id");
}

static void
search_changed(void *arg)
{
	refilter(arg, NULL);
}

static const struct record_list_ops ops = {
	.count = count,
	.row = row,
	.detail = detail,
	.refilter = search_changed,
};

/* The edition, then the counts by country and role. */
static void
draw_banner(struct sem_people *s)
{
	char buf[1024];
	size_t o;

	if (s->wbanner == NULL)
		return;
	werase(s->wbanner);
	draw_text(s->wbanner, 0, 0, s->w, s->head, draw_attr(DRAW_HEADER));
	o = (size_t)snprintf(buf, sizeof buf, ngettext("%ld participant",
	    "%ld participants", (unsigned long)s->by_country.total),
	    s->by_country.total);
	for (size_t i = 0; i < s->by_country.n && o < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %ld",
		    i ? ", " : ": ", s->by_country.c[i].key,
		    s->by_country.c[i].n);
	for (size_t i = 0; i < s->by_role.n && o < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %ld",
		    i ? ", " : "; ", _(s->by_role.c[i].key), s->by_role.c[i].n);
	draw_text(s->wbanner, 1, 0, s->w, buf, draw_attr(DRAW_LABEL));
	wnoutrefresh(s->wbanner);
}

/* ---- the form ---- */

struct part_edit {
	struct sem_people *s;
	const struct kz_participant *orig;
	struct record_form rf;	/* from the participant's table */
	char saved[KZ_ID_SIZE];
	struct record_guard guard;	/* no change made meanwhile put back */
};

static int
part_get(struct kz_db *db, const char *id, void *rec, struct kz_err *err)
{
	return kz_participant_get(db, id, rec, err);
}

static void
part_release(void *rec)
{
	kz_participant_free(rec);
}

/* ---- u: taking back a participant's add, edit or delete ---- */

static void
part_init(void *rec)
{
	kz_participant_init(rec);
}

static int
part_copy(void *dst, const void *src)
{
	return undo_copy(&kz_participant_type, dst, src);
}

static int
part_insert(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_participant_insert(db, rec, err);
}

static int
part_update(struct kz_db *db, void *rec, struct kz_err *err)
{
	return kz_participant_update(db, rec, err);
}

static const struct undo_ops part_undo = {
	.rt = &kz_participant_type, .size = sizeof (struct kz_participant),
	.init = part_init, .release = part_release, .copy = part_copy,
	.get = part_get, .insert = part_insert, .update = part_update,
	.del = kz_participant_delete,
};

static int
part_save(struct form *f, void *arg, struct kz_err *err)
{
	struct part_edit *e = arg;
	struct kz_participant p;
	int rc;

again:
	rc = KZ_OK;
	kz_participant_init(&p);
	if (e->orig) {
		memcpy(p.id, e->orig->id, sizeof p.id);
		rc = kz_stamps_copy(&p.st, &e->orig->st);
		record_guard_stamp(&e->guard, &p);
	}
	memcpy(p.seminar, e->s->edition, sizeof p.seminar);
	if (rc != KZ_OK)
		rc = kz_err_add(err, "", "%s", _("out of memory"));
	else if (record_form_take(&e->rf, f, &p, err) != KZ_OK ||
	    err->n > 0) {
		/* the rest of the problems too, not one at a time */
		kz_participant_validate(e->s->ctx->db, &p, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_participant_update(e->s->ctx->db, &p, err);
	else
		rc = kz_participant_insert(e->s->ctx->db, &p, err);
	if (rc == KZ_OK)
		memcpy(e->saved, p.id, KZ_ID_SIZE);
	kz_participant_free(&p);
	if (rc == KZ_STALE && record_guard_merge(&e->guard, f, e->s->ctx->db,
	    e->s->ctx->cfg, e->orig->id)) {
		kz_err_clear(err);
		goto again;
	}
	return rc;
}

static unsigned
form_run_part(struct sem_people *s, bool edit)
{
	const struct kz_participant *o = edit && s->list.sel < s->n ?
	    &s->p[s->list.sel] : NULL;
	struct part_edit e = { .s = s, .orig = o };
	struct form f;
	int i;

	if (edit && o == NULL)
		return 0;
	record_form_init(&e.rf, &kz_participant_type);
	/* the country's name as its code is typed */
	if ((i = record_form_line(&e.rf, "country")) >= 0)
		e.rf.spec[i].preview = semv_country;
	form_init(&f, edit ? _("Edit a participant") : _("Add a participant"),
	    e.rf.spec, e.rf.n, &e);
	if (o)
		record_form_fill(&e.rf, &f, o);
	record_guard_init(&e.guard, &e.rf, sizeof (struct kz_participant),
	    part_get, part_release, o);
	if (form_run(&f, part_save)) {
		struct kz_participant now;
		struct kz_err err = { 0 };

		if (kz_participant_get(s->ctx->db, e.saved, &now, &err) ==
		    KZ_OK) {
			undo_push(s->ctx->db, &part_undo, o ? UNDO_EDIT :
			    UNDO_ADD, e.saved, now.name, o);
			kz_participant_free(&now);
		}
		kz_err_clear(&err);
		load(s, e.saved);
		frame_message(s->ctx, false, _("Saved %s."), e.saved);
	}
	record_guard_free(&e.guard);
	form_free(&f);
	record_form_free(&e.rf);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
deleted(void *arg, const char *id)
{
	struct sem_people *s = arg;

	load(s, NULL);
	frame_message(s->ctx, false, _("Deleted %s."), id);
}

/* Delete, keeping the participant as they were for u. */
static int
part_delete_kept(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_participant p;
	int rc;

	if ((rc = kz_participant_get(db, id, &p, err)) != KZ_OK)
		return rc;
	if ((rc = kz_participant_delete(db, id, err)) == KZ_OK)
		undo_push(db, &part_undo, UNDO_DELETE, p.id, p.name, &p);
	kz_participant_free(&p);
	return rc;
}

static void
part_undone(void *arg)
{
	load(arg, NULL);
}

static const struct record_list_delete part_delete = {
	.del = part_delete_kept, .done = deleted };

unsigned
people_key(struct sem_people *s, int key)
{
	enum keys_action a;
	char q[300];

	if (s->list.mode == RLIST_SEARCH)
		return record_list_search_key(&s->list, key);
	if (s->list.mode == RLIST_CONFIRM && s->undoing)
		return undo_answer(&s->list, s->ctx, &part_undo, key,
		    &s->undoing, part_undone, s);
	if (s->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&s->list, s->ctx, key,
		    s->list.sel < s->n ? s->p[s->list.sel].id : NULL,
		    &part_delete);
	/* Esc clears a search first */
	if (keys_lookup(KEYS_PROGRAMME, key, false) == KA_BACK)
		return record_list_clear(&s->list) ? UI_DRAW_ALL : SEMV_BACK;
	switch (keys_lookup(KEYS_SEMINAR, key, false)) {
	case KA_PROGRAMME: return SEMV_DAYS;
	case KA_PARTICIPANTS: return SEMV_BACK;
	default: break;
	}
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ADD:
		return form_run_part(s, false);
	case KA_EDIT:
		return form_run_part(s, true);
	case KA_DELETE:
		if (s->list.sel >= s->n)
			return 0;
		snprintf(q, sizeof q, _("Delete participant %s?"),
		    s->p[s->list.sel].name);
		record_list_ask(&s->list, q);
		return UI_DRAW_STATUS;
	case KA_UNDO:
		return undo_ask(&s->list, s->ctx, &part_undo, &s->undoing);
	default:
		return record_list_browse(&s->list, a);
	}
}

/* ---- the view ---- */

struct sem_people *
people_open(struct frame_ctx *ctx)
{
	struct sem_people *s = xcalloc(1, sizeof *s);

	s->ctx = ctx;
	record_list_init(&s->list, &ops, s);
	return s;
}

void
people_close(struct sem_people *s)
{
	if (s == NULL)
		return;
	draw_delwin(&s->wbanner);
	record_list_free(&s->list);
	free(s->p);
	kz_participant_list_free(s->all, s->nall);
	kz_counts_free(&s->by_country);
	kz_counts_free(&s->by_role);
	free(s);
}

void
people_show(struct sem_people *s, const char *edition)
{
	snprintf(s->edition, sizeof s->edition, "%s", edition);
	form_line_set(&s->list.term, "");
	s->list.mode = RLIST_BROWSE;
	s->list.zoom = false;
	load(s, NULL);
}

void
people_layout(struct sem_people *s, int y, int x, int h, int w)
{
	draw_delwin(&s->wbanner);
	s->w = w;
	if (h < 3 || w <= 0) {
		record_list_layout(&s->list, 0, 0, 0, 0);
		return;
	}
	s->wbanner = draw_newwin(2, w, y, x);
	record_list_layout(&s->list, y + 2, x, h - 2, w);
}

void
people_draw(struct sem_people *s, unsigned flags)
{
	if (flags & UI_DRAW_LIST)
		draw_banner(s);
	record_list_draw(&s->list, flags);
}

int
people_status(struct sem_people *s, WINDOW *w, int width)
{
	char count[48];

	snprintf(count, sizeof count, " %zu/%zu", s->n, s->nall);
	return record_list_status(&s->list, w, width, count);
}

unsigned
people_keyctx(struct sem_people *s, bool *text)
{
	return record_list_keyctx(&s->list, KEYS_LIST | KEYS_PROGRAMME, text);
}

void
people_summary(struct sem_people *s, char *buf, size_t size)
{
	snprintf(buf, size, ngettext("%zu participant", "%zu participants",
	    s->nall), s->nall);
}
