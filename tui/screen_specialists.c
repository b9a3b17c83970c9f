/* screen_specialists.c - the specialist register tab: list, detail, search, form. */
#include "screen_specialists.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dspview.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "specialist.h"
#include "text.h"

#define SPEC_ROWW 4096		/* bytes of one drawn list row */

/* Display names of stored keywords; core stores them in English. */
static const char *const spec_status_names[] = {
	N_("serving"), N_("retired"), NULL
};
static const char *const spec_level_names[KZ_LEVEL_COUNT] = {
	N_("basic"), N_("conversational"), N_("business"), N_("fluent"),
	N_("native")
};

enum spec_label {
	SL_ID, SL_GOV, SL_POST, SL_STATUS, SL_FIELDS, SL_LANGS, SL_OVERSEAS,
	SL_EMAIL, SL_PHONE, SL_ADDRESS, SL_UNAVAIL, SL_NOTES, SL_CREATED,
	SL_UPDATED, SL_DISPATCHES, SL_COUNT
};
static const char *const spec_labels[SL_COUNT] = {
	N_("ID"), N_("Government"), N_("Post"), N_("Status"), N_("Fields"),
	N_("Languages"), N_("Overseas"), N_("E-mail"), N_("Phone"),
	N_("Address"), N_("Unavailable"), N_("Notes"), N_("Created"),
	N_("Updated"), N_("Dispatches")
};

/* One line of the detail pane: a label (or -1 for a continuation) and
 * its already wrapped text. */
struct spec_dline {
	int label;
	char *text;
};

struct spec_tab {
	struct ui_ctx *ctx;
	struct kz_spec_list list;
	long total;			/* specialists without the filter */
	size_t sel, oldsel, top;
	enum { SPEC_BROWSE, SPEC_SEARCH, SPEC_CONFIRM } mode;
	struct form_line term;		/* the search filter */
	bool zoom;			/* the record fills the body */

	struct kz_specialist rec;	/* the selected record, loaded */
	bool have_rec;
	struct spec_dline *dl;
	size_t ndl, capdl;
	size_t dscroll;

	WINDOW *wlist, *wdet;
	int lh, lw, dh, dw;
	bool side;			/* detail beside the list */
	int cname, croman, cgov, cstatus, cfields;
};

/* ---- loading ---- */

static const char *
spec_term(const struct spec_tab *t)
{
	return form_line_text(&t->term);
}

static void
spec_forget_rec(struct spec_tab *t)
{
	if (t->have_rec)
		kz_specialist_free(&t->rec);
	t->have_rec = false;
}

static const struct kz_spec_row *
spec_row(const struct spec_tab *t)
{
	return t->sel < t->list.n ? &t->list.rows[t->sel] : NULL;
}

static int
spec_visible(const struct spec_tab *t)
{
	return t->lh > 1 ? t->lh - 1 : 1;
}

/* Run the search again, keeping the selected record selected when it is
 * still listed. all: count every specialist too (after a write). */
static void
spec_reload(struct spec_tab *t, bool all, const char *select)
{
	struct kz_spec_query q;
	struct kz_spec_list l = { 0 };
	struct kz_err err;
	char keep[KZ_ID_SIZE] = "";
	const char *term = spec_term(t);

	if (select != NULL)
		snprintf(keep, sizeof keep, "%s", select);
	else if (spec_row(t) != NULL)
		snprintf(keep, sizeof keep, "%s", spec_row(t)->id);
	kz_err_clear(&err);
	kz_spec_query_init(&q);
	if (all && *term) {
		if (kz_specialist_search(t->ctx->db, &q, &l, &err) == KZ_OK)
			t->total = (long)l.n;
		kz_spec_list_free(&l);
		memset(&l, 0, sizeof l);
	}
	q.text = *term ? term : NULL;
	q.prefix = true;
	if (kz_specialist_search(t->ctx->db, &q, &l, &err) != KZ_OK) {
		ui_error(t->ctx, &err);
		return;
	}
	kz_spec_list_free(&t->list);
	t->list = l;
	if (!*term)
		t->total = (long)l.n;
	/* After a write the neighbour of a deleted row is selected; a new
	 * search starts at its best match. */
	if (!all || t->sel >= l.n)
		t->sel = all && l.n > 0 ? l.n - 1 : 0;
	for (size_t i = 0; keep[0] && i < l.n; i++)
		if (strcmp(l.rows[i].id, keep) == 0) {
			t->sel = i;
			break;
		}
	if (t->top > t->sel || t->top + (size_t)spec_visible(t) <= t->sel)
		t->top = t->sel >= (size_t)spec_visible(t) / 2 ?
		    t->sel - (size_t)spec_visible(t) / 2 : 0;
	if (t->list.n > 0 && t->top + (size_t)spec_visible(t) > t->list.n)
		t->top = t->list.n > (size_t)spec_visible(t) ?
		    t->list.n - (size_t)spec_visible(t) : 0;
	t->dscroll = 0;
}

/* Load the selected record for the detail pane if it is not loaded. */
static void
spec_load_rec(struct spec_tab *t)
{
	const struct kz_spec_row *row = spec_row(t);
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
		ui_error(t->ctx, &err);
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

	t->cstatus = kz_text_width(_("Status"));
	for (int i = 0; spec_status_names[i]; i++)
		if (kz_text_width(_(spec_status_names[i])) > t->cstatus)
			t->cstatus = kz_text_width(_(spec_status_names[i]));
	/* One column for the selection mark, one between columns. */
	rest = t->lw - 1 - 4 - t->cstatus;
	if (rest < 45) {
		/* Narrow: the two names and the status say who it is; the
		 * record pane has the rest. */
		rest = t->lw - 1 - 2 - t->cstatus;
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

static size_t
spec_cell(char *buf, size_t o, const char *s, int width, bool last)
{
	if (o + 8 >= SPEC_ROWW || width < 1)
		return o;
	kz_text_fit(buf + o, SPEC_ROWW - o - 2, s, width, true);
	o += strlen(buf + o);
	if (!last)
		buf[o++] = ' ';
	buf[o] = '\0';
	return o;
}

static void
spec_draw_header(struct spec_tab *t)
{
	char buf[SPEC_ROWW];
	size_t o = spec_cell(buf, 0, "", 1, true);

	o = spec_cell(buf, o, _("Name"), t->cname, false);
	o = spec_cell(buf, o, _("Romanised"), t->croman, false);
	o = spec_cell(buf, o, _("Government"), t->cgov, false);
	o = spec_cell(buf, o, _("Status"), t->cstatus, t->cfields == 0);
	spec_cell(buf, o, _("Fields"), t->cfields, true);
	draw_text(t->wlist, 0, 0, t->lw, buf, draw_attr(DRAW_HEADER));
}

static void
spec_draw_row(struct spec_tab *t, size_t i)
{
	char buf[SPEC_ROWW], names[1024];
	const struct kz_spec_row *r;
	bool on = i == t->sel;
	size_t o;
	int y;

	if (i < t->top || i >= t->top + (size_t)spec_visible(t) ||
	    i >= t->list.n)
		return;
	y = 1 + (int)(i - t->top);
	r = &t->list.rows[i];
	spec_field_names(t->ctx->cfg, r->fields, names, sizeof names);
	o = spec_cell(buf, 0, on ? ">" : " ", 1, true);
	o = spec_cell(buf, o, r->name, t->cname, false);
	o = spec_cell(buf, o, r->name_roman, t->croman, false);
	o = spec_cell(buf, o, r->government, t->cgov, false);
	o = spec_cell(buf, o, _(spec_status_names[r->status == KZ_RETIRED]),
	    t->cstatus, t->cfields == 0);
	spec_cell(buf, o, names, t->cfields, true);
	draw_text(t->wlist, y, 0, t->lw, buf,
	    on ? draw_attr(DRAW_SELECTED) : A_NORMAL);
}

static void
spec_draw_list(struct spec_tab *t)
{
	if (t->wlist == NULL)
		return;
	werase(t->wlist);
	spec_draw_header(t);
	for (size_t i = t->top; i < t->list.n &&
	    i < t->top + (size_t)spec_visible(t); i++)
		spec_draw_row(t, i);
	if (t->list.n == 0)
		draw_text(t->wlist, 1, 1, t->lw - 1, *spec_term(t) ?
		    _("No specialist matches the search.") :
		    _("No specialists yet: press a to add one."),
		    draw_attr(DRAW_DIM));
}

/* ---- the detail pane ---- */

static void
spec_dl_clear(struct spec_tab *t)
{
	for (size_t i = 0; i < t->ndl; i++)
		free(t->dl[i].text);
	t->ndl = 0;
}

struct spec_wrapctx {
	struct spec_tab *t;
	int label;
};

static void
spec_dl_emit(void *arg, const char *line, size_t len)
{
	struct spec_wrapctx *w = arg;
	struct spec_tab *t = w->t;
	char *text;

	if (t->ndl == t->capdl) {
		size_t ncap = t->capdl ? t->capdl * 2 : 32;
		struct spec_dline *p = realloc(t->dl, ncap * sizeof *p);

		if (p == NULL)
			return;
		t->dl = p;
		t->capdl = ncap;
	}
	if ((text = strndup(line, len)) == NULL)
		return;
	t->dl[t->ndl].label = w->label;
	t->dl[t->ndl].text = text;
	t->ndl++;
	w->label = -1;
}

static int
spec_label_width(const struct spec_tab *t)
{
	int lw = 0;

	for (int i = 0; i < SL_COUNT; i++)
		if (kz_text_width(_(spec_labels[i])) > lw)
			lw = kz_text_width(_(spec_labels[i]));
	return lw < t->dw / 3 ? lw : t->dw / 3;
}

static void
spec_dl_add(struct spec_tab *t, int label, const char *text, int width)
{
	struct spec_wrapctx w = { t, label };

	if (text == NULL || *text == '\0')
		return;
	draw_wrap(text, width, spec_dl_emit, &w);
}

/* "2026-01-05T03:04:05Z" in the office's date format, with the time. */
static void
spec_stamp(const struct kz_config *cfg, const char *stamp, const char *who,
    char *out, size_t size)
{
	char date[11], shown[64];

	snprintf(date, sizeof date, "%s", stamp);
	kz_date_format(date, cfg->date_format, shown, sizeof shown);
	if (strlen(stamp) >= 16)
		snprintf(out, size, "%s %.5s UTC%s%s", shown, stamp + 11,
		    who && *who ? " - " : "", who ? who : "");
	else
		snprintf(out, size, "%s", stamp);
}

static void
spec_detail_build(struct spec_tab *t, int width)
{
	const struct kz_specialist *s = &t->rec;
	const struct kz_config *cfg = t->ctx->cfg;
	char buf[1024], d1[64], d2[64];

	spec_dl_clear(t);
	if (!t->have_rec)
		return;
	spec_dl_add(t, SL_ID, s->id, width);
	spec_dl_add(t, SL_GOV, s->government, width);
	spec_dl_add(t, SL_POST, s->post, width);
	spec_dl_add(t, SL_STATUS, _(spec_status_names[s->status ==
	    KZ_RETIRED]), width);
	for (size_t i = 0; i < s->nfields; i++) {
		const struct kz_spec_field *f = &s->fields[i];
		const struct kz_field *tf = kz_config_field(cfg, f->code);
		size_t o;

		if (tf)
			o = (size_t)snprintf(buf, sizeof buf, "%d %s", tf->number,
			    kz_field_name(cfg, tf));
		else
			o = (size_t)snprintf(buf, sizeof buf, "%s", f->code);
		if (f->note && *f->note && o < sizeof buf)
			o += (size_t)snprintf(buf + o, sizeof buf - o, ": %s",
			    f->note);
		if (f->years > 0 && o < sizeof buf) {
			snprintf(buf + o, sizeof buf - o, ", ");
			o += 2;
			if (o < sizeof buf)
				snprintf(buf + o, sizeof buf - o,
				    ngettext("%d year", "%d years",
				    (unsigned long)f->years), f->years);
		}
		spec_dl_add(t, i == 0 ? SL_FIELDS : -1, buf, width);
	}
	buf[0] = '\0';
	for (size_t i = 0, o = 0; i < s->nlangs && o < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %s",
		    i ? ", " : "", s->langs[i].lang,
		    s->langs[i].level < KZ_LEVEL_COUNT ?
		    _(spec_level_names[s->langs[i].level]) : "?");
	spec_dl_add(t, SL_LANGS, buf, width);
	spec_dl_add(t, SL_OVERSEAS, s->overseas, width);
	spec_dl_add(t, SL_EMAIL, s->email, width);
	spec_dl_add(t, SL_PHONE, s->phone, width);
	spec_dl_add(t, SL_ADDRESS, s->address, width);
	for (size_t i = 0; i < s->nunavail; i++) {
		const struct kz_spec_unavail *u = &s->unavail[i];

		kz_date_format(u->start, cfg->date_format, d1, sizeof d1);
		kz_date_format(u->end, cfg->date_format, d2, sizeof d2);
		snprintf(buf, sizeof buf, "%s - %s%s%s", d1, d2,
		    u->reason ? " " : "", u->reason ? u->reason : "");
		spec_dl_add(t, i == 0 ? SL_UNAVAIL : -1, buf, width);
	}
	spec_dl_add(t, SL_NOTES, s->notes, width);
	/* the dispatch history, newest first (dspview.c) */
	size_t nd;
	char **dl = dspview_spec_lines(t->ctx->db, cfg, s->id, &nd);
	for (size_t i = 0; i < nd; i++)
		spec_dl_add(t, i == 0 ? SL_DISPATCHES : -1, dl[i], width);
	dspview_free_lines(dl, nd);
	spec_stamp(cfg, s->created, s->created_by, buf, sizeof buf);
	spec_dl_add(t, SL_CREATED, buf, width);
	spec_stamp(cfg, s->updated, s->updated_by, buf, sizeof buf);
	spec_dl_add(t, SL_UPDATED, buf, width);
}

static void
spec_draw_detail(struct spec_tab *t)
{
	int x0 = t->side ? 2 : 0, cw = t->dw - x0, lw, rows;
	char head[512], pos[32];

	if (t->wdet == NULL)
		return;
	werase(t->wdet);
	if (t->side)
		for (int y = 0; y < t->dh; y++)
			draw_text(t->wdet, y, 0, 1, "|", draw_attr(DRAW_DIM));
	spec_load_rec(t);
	lw = spec_label_width(t);
	spec_detail_build(t, cw - lw - 1 > 0 ? cw - lw - 1 : 1);
	rows = t->dh - 1;
	if (t->ndl > 0 && t->dscroll + (size_t)rows > t->ndl)
		t->dscroll = t->ndl > (size_t)rows ? t->ndl - (size_t)rows : 0;
	if (!t->have_rec) {
		draw_text(t->wdet, 0, x0, cw, "", draw_attr(DRAW_HEADER));
		draw_text(t->wdet, 1, x0, cw, _("No specialist selected."),
		    draw_attr(DRAW_DIM));
	} else {
		snprintf(head, sizeof head, "%s (%s)", t->rec.name ?
		    t->rec.name : "", t->rec.name_roman ? t->rec.name_roman :
		    "");
		pos[0] = '\0';
		if (t->ndl > (size_t)rows && rows > 0)
			snprintf(pos, sizeof pos, " %zu-%zu/%zu", t->dscroll + 1,
			    t->dscroll + (size_t)rows, t->ndl);
		draw_text(t->wdet, 0, x0, cw, head, draw_attr(DRAW_HEADER));
		if (pos[0] && kz_text_width(head) + 2 + (int)strlen(pos) < cw)
			draw_text(t->wdet, 0, t->dw - (int)strlen(pos),
			    (int)strlen(pos), pos, draw_attr(DRAW_HEADER));
	}
	for (int r = 0; r < rows && t->dscroll + (size_t)r < t->ndl; r++) {
		const struct spec_dline *d = &t->dl[t->dscroll + (size_t)r];

		if (d->label >= 0)
			draw_text(t->wdet, 1 + r, x0, lw,
			    _(spec_labels[d->label]), draw_attr(DRAW_LABEL));
		draw_text(t->wdet, 1 + r, x0 + lw + 1, cw - lw - 1, d->text,
		    A_NORMAL);
	}
}

/* ---- the form ---- */

enum {
	SF_NAME, SF_ROMAN, SF_GOV, SF_POST, SF_STATUS, SF_FIELDS, SF_LANGS,
	SF_OVERSEAS, SF_EMAIL, SF_PHONE, SF_ADDRESS, SF_UNAVAIL, SF_NOTES,
	SF_N
};

static void spec_preview_fields(void *, const char *, char *, size_t);

static const struct form_spec spec_form[SF_N] = {
	{ "name", N_("Name"),
	  N_("The name in its own script, e.g. Chinese or Japanese characters"),
	  NULL, FORM_REQUIRED, NULL },
	{ "name_roman", N_("Romanised name"),
	  N_("The name in Latin letters, e.g. Wang Jianguo"),
	  NULL, FORM_REQUIRED, NULL },
	{ "government", N_("Home government"),
	  N_("Home prefecture or municipality, e.g. Shimane Prefecture"),
	  NULL, FORM_REQUIRED, NULL },
	{ "post", N_("Post"),
	  N_("Post or department, e.g. Agricultural Technology Centre"),
	  NULL, 0, NULL },
	{ "status", N_("Status"),
	  N_("Space, or the first letter: serving or retired"),
	  spec_status_names, 0, NULL },
	{ "fields", N_("Fields"),
	  N_("code or number[:sub-speciality[:years]]; ...  e.g. "
	     "agriculture:facility horticulture:12; 27"),
	  NULL, 0, spec_preview_fields },
	{ "langs|languages", N_("Languages"),
	  N_("code:level, ...  e.g. en:business, zh:fluent (levels: basic, "
	     "conversational, business, fluent, native)"),
	  NULL, 0, NULL },
	{ "overseas", N_("Overseas experience"),
	  N_("e.g. JICA expert in Laos, 2 years"), NULL, 0, NULL },
	{ "email", N_("E-mail"), N_("e.g. name@example.org"), NULL, 0, NULL },
	{ "phone", N_("Phone"), N_("Digits, spaces and + - ( ) . /"),
	  NULL, 0, NULL },
	{ "address", N_("Address"), N_("Postal address"), NULL, 0, NULL },
	{ "unavail|unavailable", N_("Unavailable"),
	  N_("YYYY-MM-DD..YYYY-MM-DD reason; ...  e.g. "
	     "2026-12-01..2026-12-20 surgery"), NULL, 0, NULL },
	{ "notes", N_("Notes"), N_("Anything else worth knowing"),
	  NULL, 0, NULL },
};

/* What the form works on: the record as it was (for an edit) and where
 * to report the record saved. */
struct spec_edit {
	struct spec_tab *t;
	const struct kz_specialist *orig;
	char saved_id[KZ_ID_SIZE];
	char saved_name[128];
};

/* Under the field list: the field names, so a mistyped code shows
 * before saving. */
static void
spec_preview_fields(void *arg, const char *value, char *out, size_t size)
{
	struct spec_edit *e = arg;
	const struct kz_config *cfg = e->t->ctx->cfg;
	struct kz_specialist s;
	struct kz_err err;
	size_t o = 0;

	kz_specialist_init(&s);
	kz_err_clear(&err);
	kz_spec_parse_fields(&s, value, &err);
	for (size_t i = 0; i < s.nfields && o < size; i++) {
		const struct kz_field *f = kz_config_field(cfg, s.fields[i].code);

		if (f)
			o += (size_t)snprintf(out + o, size - o, "%s%d %s",
			    i ? "; " : "", f->number, kz_field_name(cfg, f));
		else
			o += (size_t)snprintf(out + o, size - o, "%s%s ?",
			    i ? "; " : "", s.fields[i].code);
	}
	kz_specialist_free(&s);
}


static int
spec_save(struct form *f, void *arg, struct kz_err *err)
{
	struct spec_edit *e = arg;
	struct kz_db *db = e->t->ctx->db;
	struct kz_specialist r;
	int rc = KZ_OK;

	kz_specialist_init(&r);
	if (e->orig != NULL) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		memcpy(r.created, e->orig->created, sizeof r.created);
		rc |= kz_str_set(&r.created_by, e->orig->created_by);
	}
	rc |= form_take(f, SF_NAME, &r.name);
	rc |= form_take(f, SF_ROMAN, &r.name_roman);
	rc |= form_take(f, SF_GOV, &r.government);
	rc |= form_take(f, SF_POST, &r.post);
	r.status = form_choice(f, SF_STATUS) ? KZ_RETIRED : KZ_SERVING;
	rc |= form_take(f, SF_OVERSEAS, &r.overseas);
	rc |= form_take(f, SF_EMAIL, &r.email);
	rc |= form_take(f, SF_PHONE, &r.phone);
	rc |= form_take(f, SF_ADDRESS, &r.address);
	rc |= form_take(f, SF_NOTES, &r.notes);
	if (rc != KZ_OK) {
		kz_specialist_free(&r);
		return kz_err_add(err, "", "%s", _("out of memory"));
	}
	kz_spec_parse_fields(&r, form_value(f, SF_FIELDS), err);
	kz_spec_parse_langs(&r, form_value(f, SF_LANGS), err);
	kz_spec_parse_unavail(&r, form_value(f, SF_UNAVAIL), err);
	if (err->n > 0) {
		/* Show the rest of the problems too, not one at a time. */
		kz_specialist_validate(db, &r, err);
		rc = KZ_ERROR;
	} else if (e->orig != NULL)
		rc = kz_specialist_update(db, &r, err);
	else
		rc = kz_specialist_insert(db, &r, err);
	if (rc == KZ_OK) {
		snprintf(e->saved_id, sizeof e->saved_id, "%s", r.id);
		snprintf(e->saved_name, sizeof e->saved_name, "%s", r.name);
	}
	kz_specialist_free(&r);
	return rc;
}

static void
spec_fill_form(struct form *f, const struct kz_specialist *s)
{
	char *v;

	form_set(f, SF_NAME, s->name);
	form_set(f, SF_ROMAN, s->name_roman);
	form_set(f, SF_GOV, s->government);
	form_set(f, SF_POST, s->post);
	form_set_choice(f, SF_STATUS, s->status == KZ_RETIRED);
	form_set(f, SF_FIELDS, (v = kz_spec_format_fields(s)));
	free(v);
	form_set(f, SF_LANGS, (v = kz_spec_format_langs(s)));
	free(v);
	form_set(f, SF_OVERSEAS, s->overseas);
	form_set(f, SF_EMAIL, s->email);
	form_set(f, SF_PHONE, s->phone);
	form_set(f, SF_ADDRESS, s->address);
	form_set(f, SF_UNAVAIL, (v = kz_spec_format_unavail(s)));
	free(v);
	form_set(f, SF_NOTES, s->notes);
}

static unsigned
spec_edit_form(struct spec_tab *t, bool edit)
{
	struct spec_edit e = { t, NULL, "", "" };
	struct form f;
	char title[128];

	if (edit) {
		spec_load_rec(t);
		if (!t->have_rec)
			return UI_DRAW_STATUS;
		e.orig = &t->rec;
		snprintf(title, sizeof title, _("Edit specialist %s"), t->rec.id);
	} else
		snprintf(title, sizeof title, "%s", _("Add a specialist"));
	form_init(&f, title, spec_form, SF_N, &e);
	if (e.orig != NULL)
		spec_fill_form(&f, e.orig);
	if (form_run(&f, spec_save)) {
		/* The loaded copy is stale now. */
		spec_forget_rec(t);
		spec_reload(t, true, e.saved_id);
		ui_message(t->ctx, false, _("Saved %s (%s)."), e.saved_name,
		    e.saved_id);
	}
	form_free(&f);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static unsigned
spec_select(struct spec_tab *t, long to)
{
	size_t vis = (size_t)spec_visible(t);

	if (t->list.n == 0)
		return 0;
	if (to < 0)
		to = 0;
	if ((size_t)to >= t->list.n)
		to = (long)t->list.n - 1;
	if ((size_t)to == t->sel)
		return 0;
	t->oldsel = t->sel;
	t->sel = (size_t)to;
	t->dscroll = 0;
	if (t->sel < t->top) {
		t->top = t->sel;
		return UI_DRAW_LIST | UI_DRAW_DETAIL;
	}
	if (t->sel >= t->top + vis) {
		t->top = t->sel - vis + 1;
		return UI_DRAW_LIST | UI_DRAW_DETAIL;
	}
	return UI_DRAW_ROWS | UI_DRAW_DETAIL;
}

/* Moves shared by browsing and searching. */
static unsigned
spec_move(struct spec_tab *t, enum keys_action a)
{
	long sel = (long)t->sel, page = spec_visible(t);

	switch (a) {
	case KA_UP:
		return spec_select(t, sel - 1);
	case KA_DOWN:
		return spec_select(t, sel + 1);
	case KA_PGUP:
		return spec_select(t, sel - page);
	case KA_PGDN:
		return spec_select(t, sel + page);
	case KA_FIRST:
		return spec_select(t, 0);
	case KA_LAST:
		return spec_select(t, (long)t->list.n - 1);
	default:
		return UI_PASS;
	}
}

static unsigned
spec_key_search(struct spec_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_SEARCH | KEYS_EDIT, key, true);
	unsigned moved = spec_move(t, a);

	if (moved != UI_PASS)
		return moved | UI_DRAW_STATUS;
	switch (a) {
	case KA_SEARCH_KEEP:
		t->mode = SPEC_BROWSE;
		return UI_DRAW_STATUS;
	case KA_SEARCH_CANCEL:
		t->mode = SPEC_BROWSE;
		form_line_set(&t->term, "");
		spec_reload(t, false, NULL);
		return UI_DRAW_ALL;
	case KA_REDRAW:
		return UI_PASS;
	default:
		if (form_line_edit(&t->term, a, key)) {
			spec_reload(t, false, NULL);
			return UI_DRAW_ALL;
		}
		return UI_DRAW_STATUS;
	}
}

static unsigned
spec_key_confirm(struct spec_tab *t, int key)
{
	const struct kz_spec_row *row = spec_row(t);
	struct kz_err err;
	char name[128], id[KZ_ID_SIZE];

	switch (keys_lookup(KEYS_CONFIRM, key, false)) {
	case KA_YES:
		t->mode = SPEC_BROWSE;
		if (row == NULL)
			return UI_DRAW_STATUS;
		snprintf(name, sizeof name, "%s", row->name);
		snprintf(id, sizeof id, "%s", row->id);
		kz_err_clear(&err);
		if (kz_specialist_delete(t->ctx->db, id, &err) != KZ_OK) {
			char buf[KZ_ERR_MSG + 100];

			ui_message(t->ctx, true, "%s",
			    kz_err_first(&err, buf, sizeof buf));
			return UI_DRAW_STATUS;
		}
		spec_forget_rec(t);
		spec_reload(t, true, NULL);
		ui_message(t->ctx, false, _("Deleted %s (%s)."), name, id);
		return UI_DRAW_ALL;
	case KA_NO:
		t->mode = SPEC_BROWSE;
		ui_message(t->ctx, false, "%s", _("Nothing deleted."));
		return UI_DRAW_STATUS;
	default:
		return 0;
	}
}

static unsigned
spec_key(void *tab, int key)
{
	struct spec_tab *t = tab;
	enum keys_action a;
	unsigned moved;

	if (t->mode == SPEC_SEARCH)
		return spec_key_search(t, key);
	if (t->mode == SPEC_CONFIRM)
		return spec_key_confirm(t, key);

	a = keys_lookup(KEYS_LIST, key, false);
	if ((moved = spec_move(t, a)) != UI_PASS)
		return moved;
	switch (a) {
	case KA_SEARCH:
		t->mode = SPEC_SEARCH;
		form_line_edit(&t->term, KA_END, 0);
		return UI_DRAW_STATUS;
	case KA_CLEAR:
		if (!*spec_term(t))
			return 0;
		form_line_set(&t->term, "");
		spec_reload(t, false, NULL);
		return UI_DRAW_ALL;
	case KA_ZOOM:
		t->zoom = !t->zoom;
		return UI_LAYOUT | UI_DRAW_ALL;
	case KA_DETAIL_DOWN:
		t->dscroll++;
		return UI_DRAW_DETAIL;
	case KA_DETAIL_UP:
		if (t->dscroll > 0)
			t->dscroll--;
		return UI_DRAW_DETAIL;
	case KA_ADD:
		return spec_edit_form(t, false);
	case KA_EDIT:
		if (spec_row(t) == NULL)
			return 0;
		return spec_edit_form(t, true);
	case KA_DELETE:
		if (spec_row(t) == NULL)
			return 0;
		t->mode = SPEC_CONFIRM;
		return UI_DRAW_STATUS;
	default:
		return UI_PASS;
	}
}

/* ---- the tab ---- */

static void *
spec_open(struct ui_ctx *ctx)
{
	struct spec_tab *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->ctx = ctx;
	form_line_set(&t->term, "");
	spec_reload(t, true, NULL);
	return t;
}

static void
spec_close(void *tab)
{
	struct spec_tab *t = tab;

	if (t == NULL)
		return;
	draw_delwin(&t->wlist);
	draw_delwin(&t->wdet);
	spec_forget_rec(t);
	spec_dl_clear(t);
	free(t->dl);
	kz_spec_list_free(&t->list);
	form_line_free(&t->term);
	free(t);
}

/*
 * Wide terminals get the record beside the list; 80 columns get it below
 * (a list row needs about 80 columns to read). Short ones get the list
 * alone, and Enter shows the record instead.
 */
static void
spec_layout(void *tab, int y, int x, int h, int w)
{
	struct spec_tab *t = tab;

	draw_delwin(&t->wlist);
	draw_delwin(&t->wdet);
	t->side = false;
	t->lw = t->dw = w;
	if (t->zoom) {
		t->lh = 0;
		t->dh = h;
	} else if (w >= 140 && h >= 6) {
		t->side = true;
		t->lh = t->dh = h;
		t->lw = w * 55 / 100;
		t->dw = w - t->lw;
	} else if (h >= 10) {
		t->lh = (h * 9) / 20;
		t->dh = h - t->lh;
	} else {
		t->lh = h;
		t->dh = 0;
	}
	if (t->lh > 0)
		t->wlist = draw_newwin(t->lh, t->lw, y, x);
	if (t->dh > 0)
		t->wdet = draw_newwin(t->dh, t->dw, t->side ? y : y + t->lh,
		    t->side ? x + t->lw : x);
	spec_columns(t);
	/* Keep the selection on screen at the new height. */
	if (t->sel >= t->top + (size_t)spec_visible(t))
		t->top = t->sel - (size_t)spec_visible(t) + 1;
	if (t->sel < t->top)
		t->top = t->sel;
}

static void
spec_draw(void *tab, unsigned flags)
{
	struct spec_tab *t = tab;

	if (t->wlist != NULL && (flags & (UI_DRAW_LIST | UI_DRAW_ROWS))) {
		if (flags & UI_DRAW_LIST)
			spec_draw_list(t);
		else {
			spec_draw_row(t, t->oldsel);
			spec_draw_row(t, t->sel);
		}
		wnoutrefresh(t->wlist);
	}
	if (t->wdet != NULL && (flags & UI_DRAW_DETAIL)) {
		spec_draw_detail(t);
		wnoutrefresh(t->wdet);
	}
}

static int
spec_status(void *tab, WINDOW *w, int width)
{
	struct spec_tab *t = tab;
	char buf[512], count[48];
	int x;

	if (t->mode == SPEC_SEARCH) {
		snprintf(count, sizeof count, " %zu/%ld", t->list.n, t->total);
		draw_text(w, 0, 0, 1, "/", A_BOLD);
		if (width > 30) {
			width -= (int)strlen(count);
			draw_text(w, 0, width, (int)strlen(count), count,
			    draw_attr(DRAW_DIM));
		}
		x = form_line_draw(&t->term, w, 0, 1, width - 1, A_NORMAL);
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	if (t->mode == SPEC_CONFIRM) {
		const struct kz_spec_row *r = spec_row(t);

		snprintf(buf, sizeof buf, _("Delete %s (%s)? (y/n)"),
		    r ? r->name : "", r ? r->id : "");
		x = draw_text(w, 0, 0, width, buf, draw_attr(DRAW_ERROR));
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	if (*spec_term(t)) {
		snprintf(buf, sizeof buf, "[/%s] ", spec_term(t));
		return draw_text(w, 0, 0, kz_text_width(buf) < width / 2 ?
		    kz_text_width(buf) : width / 2, buf, A_BOLD);
	}
	return 0;
}

static unsigned
spec_keyctx(void *tab, bool *text)
{
	struct spec_tab *t = tab;

	*text = t->mode == SPEC_SEARCH;
	if (t->mode == SPEC_SEARCH)
		return KEYS_SEARCH;
	if (t->mode == SPEC_CONFIRM)
		return KEYS_CONFIRM;
	return KEYS_LIST;
}

static void
spec_summary(void *tab, char *buf, size_t size)
{
	struct spec_tab *t = tab;

	if (*spec_term(t))
		snprintf(buf, size, ngettext("%zu of %ld specialist",
		    "%zu of %ld specialists", (unsigned long)t->total),
		    t->list.n, t->total);
	else
		snprintf(buf, size, ngettext("%ld specialist",
		    "%ld specialists", (unsigned long)t->total), t->total);
}

const struct ui_screen screen_specialists = {
	N_("Specialists"),
	spec_open,
	spec_close,
	spec_layout,
	spec_draw,
	spec_key,
	spec_status,
	spec_keyctx,
	spec_summary,
};
