/* screen_trainees.c - the trainees tab: placements, list, detail, form. */
#include "screen_trainees.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "date.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "record_list.h"
#include "record.h"
#include "text.h"
#include "trainee.h"
#include "xalloc.h"

struct tr_tab {
	struct frame_ctx *ctx;
	struct kz_trainee *l;
	size_t n;
	long total;		/* without the search */
	struct record_list list;
};

static const char *const programme_choices[] = {
	N_("LGOTP"), N_("JICA"), N_("other"), NULL
};
static const char *const status_choices[] = {
	N_("planned"), N_("ongoing"), N_("completed"),
	NC_("trainee status", "withdrawn"), NULL
};

static const char *
tr_name(const struct kz_trainee *t)
{
	return t->name ? t->name : t->name_roman ? t->name_roman :
	    _("(name not recorded)");
}

static void
tr_load(struct tr_tab *t, const char *keep_id)
{
	struct kz_trainee_query q;
	struct kz_err err = { 0 };
	struct kz_trainee *l;
	char keep[KZ_ID_SIZE] = "";
	size_t n;

	if (keep_id)
		snprintf(keep, sizeof keep, "%s", keep_id);
	else if (t->list.sel < t->n)
		snprintf(keep, sizeof keep, "%s", t->l[t->list.sel].id);
	kz_trainee_query_init(&q);
	if (kz_trainee_list(t->ctx->db, &q, &l, &n, &err) != KZ_OK) {
		frame_error(t->ctx, &err);
		return;
	}
	t->total = (long)n;
	if (*record_list_term(&t->list)) {
		kz_trainee_list_free(l, n);
		q.text = record_list_term(&t->list);
		if (kz_trainee_list(t->ctx->db, &q, &l, &n, &err) != KZ_OK) {
			frame_error(t->ctx, &err);
			l = NULL;
			n = 0;
		}
	}
	kz_trainee_list_free(t->l, t->n);
	t->l = l;
	t->n = n;
	t->list.sel = 0;
	for (size_t i = 0; keep[0] && i < n; i++)
		if (strcmp(l[i].id, keep) == 0)
			t->list.sel = i;
	t->list.dscroll = 0;
	record_list_clamp(&t->list);
}

/* ---- the list ---- */

static size_t
tr_count(void *arg)
{
	struct tr_tab *t = arg;
	return t->n;
}

static void
tr_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct tr_tab *t = arg;
	int yw = 4, hw = width * 22 / 100, gw = width * 22 / 100, sw = 0, fw;
	char year[16];
	size_t o = 0;

	if (width >= 90)
		sw = 10;
	fw = width - yw - hw - gw - (sw ? sw + 1 : 0) - 3;
	if (i == (size_t)-1) {
		o = draw_cell(buf, size, o, _("Year"), yw, false);
		o = draw_cell(buf, size, o, C_("trainee", "Host"), hw, false);
		o = draw_cell(buf, size, o, _("Home"), gw, false);
		if (sw)
			o = draw_cell(buf, size, o, _("Status"), sw, false);
		draw_cell(buf, size, o, _("Fields"), fw, true);
		return;
	}
	const struct kz_trainee *r = &t->l[i];
	snprintf(year, sizeof year, "%d", r->year);
	o = draw_cell(buf, size, o, year, yw, false);
	o = draw_cell(buf, size, o, r->host, hw, false);
	o = draw_cell(buf, size, o, r->home_government, gw, false);
	if (sw)
		o = draw_cell(buf, size, o, _(kz_trainee_status_name(r->status)),
		    sw, false);
	draw_cell(buf, size, o, r->fields, fw, true);
}

static void
tr_detail(void *arg, struct record_list *l, size_t sel)
{
	struct tr_tab *t = arg;
	const struct kz_trainee *r = &t->l[sel];
	const struct kz_config *cfg = t->ctx->cfg;
	char buf[512], a[64], b[64];
	bool other;

	snprintf(buf, sizeof buf, "%s -> %s (%d)", r->home_government, r->host,
	    r->year);
	record_list_detail_title(l, buf);
	snprintf(buf, sizeof buf, "%s%s%s%s", tr_name(r), r->name_roman &&
	    r->name ? " (" : "", r->name_roman && r->name ? r->name_roman : "",
	    r->name_roman && r->name ? ")" : "");
	record_list_detail_add(l, _("Trainee"), buf);
	record_list_detail_add(l, _("Post"), r->post);
	/* A province's own government is named for the province: say it
	 * once ("湖北省, China", not "湖北省, 湖北省, China"). */
	other = r->home_region && *r->home_region && (r->home_government ==
	    NULL || strcmp(r->home_region, r->home_government) != 0);
	snprintf(buf, sizeof buf, "%s%s%s", r->home_government ?
	    r->home_government : "", other ? ", " : "",
	    other ? r->home_region : "");
	if (r->home_country[0]) {
		const char *cn = kz_country_name(r->home_country);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), ", %s",
		    cn ? _(cn) : r->home_country);
	}
	record_list_detail_add(l, _("Home"), buf);
	/* a Japanese government: not the host abroad of a dispatch */
	record_list_detail_add(l, C_("trainee", "Host"), r->host);
	record_list_detail_add(l, _("Fields"), r->fields);
	if (r->start[0]) {
		kz_date_format(r->start, cfg->date_format, a, sizeof a);
		kz_date_format(r->end, cfg->date_format, b, sizeof b);
		snprintf(buf, sizeof buf, "%s - %s", a, r->end[0] ? b : "");
		record_list_detail_add(l, _("Period"), buf);
	}
	snprintf(buf, sizeof buf, "%d", r->year);
	record_list_detail_add(l, _("Year"), buf);
	snprintf(buf, sizeof buf, "%s%s%s",
	    _(programme_choices[r->programme]), r->course ? ": " : "",
	    r->course ? r->course : "");
	/* a training programme, not a seminar's day-by-day one */
	record_list_detail_add(l, C_("training", "Programme"), buf);
	record_list_detail_add(l, _("Status"), _(kz_trainee_status_name(r->status)));
	record_list_detail_add(l, _("Notes"), r->notes);
	record_list_detail_add(l, _("ID"), r->id);
}

static void
tr_refilter(void *arg)
{
	tr_load(arg, NULL);
}

static const struct record_list_ops tr_ops = { tr_count, tr_row, tr_detail,
    tr_refilter, NULL };

/* ---- the form ---- */

enum { TF_HOST, TF_HOME, TF_REGION, TF_COUNTRY, TF_NAME, TF_ROMAN, TF_POST,
	TF_FIELDS, TF_YEAR, TF_START, TF_END, TF_PROGRAMME, TF_COURSE,
	TF_STATUS, TF_NOTES, TF_N };

static const struct form_spec tr_form[TF_N] = {
	{ "host", N_("Host government"), N_("In Japan, e.g. 岐阜県高山市"),
	  NULL, FORM_REQUIRED, NULL },
	{ "home_government", N_("Home government"), N_("e.g. 云南省丽江市"),
	  NULL, FORM_REQUIRED, NULL },
	{ "home_region", N_("Home region"), N_("Province or state, e.g. "
	  "云南省"), NULL, 0, NULL },
	{ "home_country", N_("Home country"), N_("ISO code, e.g. CN; empty: "
	  "the office's country"), NULL, 0, NULL },
	{ "name", N_("Name"), N_("May wait until the trainee is chosen"), NULL,
	  0, NULL },
	{ "name_roman", N_("Romanised name"), N_("In Latin letters"), NULL, 0,
	  NULL },
	{ "post", N_("Post"), N_("At home, e.g. 外事办公室 科员"), NULL, 0,
	  NULL },
	{ "fields", N_("Fields"), N_("What the placement covers, e.g. 观光、"
	  "国际交流"), NULL, 0, NULL },
	{ "year", N_("Year"), N_("Programme (fiscal) year, e.g. 2019; empty: "
	  "the year the period starts"), NULL, 0, NULL },
	{ "start", N_("First day"), N_("YYYY-MM-DD"), NULL, 0, NULL },
	{ "end", N_("Last day"), N_("YYYY-MM-DD"), NULL, 0, NULL },
	{ "programme", NC_("training", "Programme"),
	  N_("Space, or the first letter"),
	  programme_choices, 0, NULL },
	{ "course", N_("Course"), N_("e.g. the JICA course's name"), NULL, 0,
	  NULL },
	{ "status", N_("Status"), N_("Space, or the first letter"),
	  status_choices, 0, NULL },
	{ "notes", N_("Notes"), N_("Anything else worth knowing"), NULL, 0,
	  NULL },
};

struct tr_edit {
	struct tr_tab *t;
	const struct kz_trainee *orig;
	char saved[KZ_ID_SIZE];
};

static int
tr_save(struct form *f, void *arg, struct kz_err *err)
{
	struct tr_edit *e = arg;
	struct kz_trainee r;
	const char *y = form_value(f, TF_YEAR);
	char *end;
	int rc = KZ_OK;

	kz_trainee_init(&r);
	if (e->orig) {
		memcpy(r.id, e->orig->id, sizeof r.id);
		kz_stamps_copy(&r.st, &e->orig->st);
	}
	rc |= form_take(f, TF_HOST, &r.host);
	rc |= form_take(f, TF_HOME, &r.home_government);
	rc |= form_take(f, TF_REGION, &r.home_region);
	kz_copy_value(r.home_country, sizeof r.home_country,
	    form_value(f, TF_COUNTRY), "home_country", _("home country"), err);
	form_upper(r.home_country);
	rc |= form_take(f, TF_NAME, &r.name);
	rc |= form_take(f, TF_ROMAN, &r.name_roman);
	rc |= form_take(f, TF_POST, &r.post);
	rc |= form_take(f, TF_FIELDS, &r.fields);
	while (*y == ' ')
		y++;
	if (*y) {
		long v = strtol(y, &end, 10);
		if (*kz_trim(end) != '\0' || v < 1900 || v > 2199)
			kz_err_add(err, "year", _("year must be 1900 to 2199"));
		else
			r.year = (int)v;
	}
	kz_copy_value(r.start, sizeof r.start, form_value(f, TF_START), "start",
	    _("first day"), err);
	kz_copy_value(r.end, sizeof r.end, form_value(f, TF_END), "end",
	    _("last day"), err);
	r.programme = (enum kz_trainee_programme)form_choice(f, TF_PROGRAMME);
	rc |= form_take(f, TF_COURSE, &r.course);
	r.status = (enum kz_trainee_status)form_choice(f, TF_STATUS);
	rc |= form_take(f, TF_NOTES, &r.notes);
	if (rc != KZ_OK)
		rc = kz_err_add(err, "", "%s", _("out of memory"));
	else if (err->n > 0) {
		kz_trainee_validate(e->t->ctx->db, &r, err);
		rc = KZ_ERROR;
	} else if (e->orig)
		rc = kz_trainee_update(e->t->ctx->db, &r, err);
	else
		rc = kz_trainee_insert(e->t->ctx->db, &r, err);
	if (rc == KZ_OK)
		memcpy(e->saved, r.id, KZ_ID_SIZE);
	kz_trainee_free(&r);
	return rc;
}

static unsigned
tr_form_run(struct tr_tab *t, bool edit)
{
	const struct kz_trainee *o = edit && t->list.sel < t->n ?
	    &t->l[t->list.sel] : NULL;
	struct tr_edit e = { t, o, "" };
	struct form f;
	char year[16];

	if (edit && o == NULL)
		return 0;
	form_init(&f, edit ? _("Edit a trainee placement") :
	    _("Add a trainee placement"), tr_form, TF_N, &e);
	if (o) {
		form_set(&f, TF_HOST, o->host);
		form_set(&f, TF_HOME, o->home_government);
		form_set(&f, TF_REGION, o->home_region);
		form_set(&f, TF_COUNTRY, o->home_country);
		form_set(&f, TF_NAME, o->name);
		form_set(&f, TF_ROMAN, o->name_roman);
		form_set(&f, TF_POST, o->post);
		form_set(&f, TF_FIELDS, o->fields);
		snprintf(year, sizeof year, "%d", o->year);
		form_set(&f, TF_YEAR, year);
		form_set(&f, TF_START, o->start);
		form_set(&f, TF_END, o->end);
		form_set_choice(&f, TF_PROGRAMME, (int)o->programme);
		form_set(&f, TF_COURSE, o->course);
		form_set_choice(&f, TF_STATUS, (int)o->status);
		form_set(&f, TF_NOTES, o->notes);
	}
	if (form_run(&f, tr_save)) {
		tr_load(t, e.saved);
		frame_message(t->ctx, false, _("Saved %s."), e.saved);
	}
	form_free(&f);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- keys ---- */

static void
tr_deleted(void *arg, const char *id)
{
	struct tr_tab *t = arg;

	tr_load(t, NULL);
	frame_message(t->ctx, false, _("Deleted %s."), id);
}

static const struct record_list_delete tr_delete = { kz_trainee_delete,
    tr_deleted };

static unsigned
tr_key(void *tab, int key)
{
	struct tr_tab *t = tab;
	enum keys_action a;
	char q[300];

	if (t->list.mode == RLIST_SEARCH)
		return record_list_search_key(&t->list, key);
	if (t->list.mode == RLIST_CONFIRM)
		return record_list_delete_key(&t->list, t->ctx, key,
		    t->list.sel < t->n ? t->l[t->list.sel].id : NULL,
		    &tr_delete);
	a = keys_lookup(KEYS_LIST, key, false);
	switch (a) {
	case KA_ADD:
		return tr_form_run(t, false);
	case KA_EDIT:
		return tr_form_run(t, true);
	case KA_DELETE:
		if (t->list.sel >= t->n)
			return 0;
		snprintf(q, sizeof q, _("Delete the placement in %s (%d)?"),
		    t->l[t->list.sel].host, t->l[t->list.sel].year);
		record_list_ask(&t->list, q);
		return UI_DRAW_STATUS;
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
	tr_load(t, NULL);
	return t;
}

static void
tr_close(void *tab)
{
	struct tr_tab *t = tab;

	if (t == NULL)
		return;
	record_list_free(&t->list);
	kz_trainee_list_free(t->l, t->n);
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

	snprintf(count, sizeof count, " %zu/%ld", t->n, t->total);
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

	if (*record_list_term(&t->list))
		snprintf(buf, size, ngettext("%zu of %ld placement",
		    "%zu of %ld placements", (unsigned long)t->total), t->n,
		    t->total);
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
};
