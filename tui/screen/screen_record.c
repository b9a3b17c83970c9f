/* screen_record.c - a record's form and detail lines, made from its type's table of fields. */
#include "screen_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "draw.h"
#include "i18n.h"
#include "keys.h"
#include "record.h"
#include "stamp.h"
#include "xalloc.h"
#include "text.h"

/* ---- a field's text in other languages ---- */

/* The languages a form for other languages offers: those of the
 * catalogues, then any other the field is held in. */
static const char *const form_langs[] = { "en", "ja", "zh", NULL };

struct langs_edit {
	struct record_form *rf;
	const struct kz_rfield *fd;
	char (*lang)[KZ_TR_LANG];	/* of each line */
};

static int
langs_save(struct form *f, void *arg, struct kz_err *err)
{
	struct langs_edit *e = arg;
	struct kz_trs t;

	if (kz_tr_copy(&t, &e->rf->tr) != KZ_OK)
		xalloc_die();
	for (int i = 0; i < f->n; i++) {
		char *v = form_trimmed(f, i);

		if (v == NULL)
			xalloc_die();
		kz_check_text(err, e->lang[i], _(e->fd->label), v,
		    (size_t)e->fd->max, e->fd->kind == KZ_RK_NOTE ?
		    KZ_TEXT_MULTILINE : 0);
		if (kz_tr_set(&t, e->fd->name, e->lang[i], v) != KZ_OK)
			xalloc_die();
		free(v);
	}
	if (err->n > 0) {
		kz_tr_free(&t);
		return KZ_ERROR;
	}
	kz_tr_free(&e->rf->tr);
	e->rf->tr = t;
	return KZ_OK;
}

/* The form of line i's field in other languages: a line a language. */
static bool
record_form_langs(void *arg, struct form *of, int line)
{
	struct record_form *rf = arg;
	struct langs_edit e = { .rf = rf, .fd = rf->field[line] };
	struct form_spec *spec;
	struct form f;
	char title[400], label[128];
	int n = 0;
	bool saved;

	spec = xcalloc(rf->tr.n + 4, sizeof *spec);
	e.lang = xcalloc(rf->tr.n + 4, sizeof *e.lang);
	for (int i = 0; form_langs[i]; i++)
		snprintf(e.lang[n++], KZ_TR_LANG, "%s", form_langs[i]);
	for (size_t i = 0; i < rf->tr.n; i++) {
		bool have = strcmp(rf->tr.v[i].field, e.fd->name) != 0;

		for (int j = 0; j < n && !have; j++)
			have = strcmp(e.lang[j], rf->tr.v[i].lang) == 0;
		if (!have)
			snprintf(e.lang[n++], KZ_TR_LANG, "%s",
			    rf->tr.v[i].lang);
	}
	for (int i = 0; i < n; i++) {
		spec[i].key = e.lang[i];
		spec[i].label = e.lang[i];
		spec[i].hint = N_("The text in this language; empty: none (the "
		    "original is shown)");
	}
	snprintf(title, sizeof title, _("%s in other languages: %s"),
	    record_label(e.fd, label, sizeof label), form_value(of, line));
	form_init(&f, title, spec, n, &e);
	for (int i = 0; i < n; i++) {
		const char *v = kz_tr_get(&rf->tr, e.fd->name, e.lang[i]);
		form_set(&f, i, v ? v : "");
	}
	saved = form_run(&f, langs_save);
	form_free(&f);
	free(spec);
	free(e.lang);
	return saved;
}

void
record_form_langs_line(struct record_form *rf, int i)
{
	rf->spec[i].langs = record_form_langs;
	rf->spec[i].langs_arg = rf;
}

bool
record_form_init(struct record_form *rf, const struct kz_rtype *rt)
{
	memset(rf, 0, sizeof *rf);
	rf->rt = rt;
	rf->spec = xcalloc(rt->n, sizeof *rf->spec);
	rf->field = xcalloc(rt->n, sizeof *rf->field);
	rf->hints = xcalloc(rt->n, sizeof *rf->hints);
	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *fd = &rt->f[i];
		struct form_spec *sp = &rf->spec[rf->n];

		if (fd->option == NULL)
			continue;
		sp->key = fd->name;
		sp->label = fd->label;
		sp->hint = fd->hint;
		sp->choices = fd->kind == KZ_RK_ENUM ? fd->values->labels : NULL;
		sp->codes = fd->kind == KZ_RK_COUNTRY ? KZ_CODES_COUNTRY :
		    fd->kind == KZ_RK_CURRENCY ? KZ_CODES_CURRENCY : fd->codes;
		sp->flags = fd->flags & KZ_RF_REQUIRED ? FORM_REQUIRED : 0;
		if (fd->flags & KZ_RF_LANGS) {
			/* the hint names the key that opens the others */
			char h[400];

			snprintf(h, sizeof h, _("%s (%s: in other languages)"),
			    fd->hint ? _(fd->hint) : _(fd->label),
			    keys_first(KA_FIELD_LANGS));
			sp->hint = rf->hints[rf->n] = xstrdup(h);
			sp->langs = record_form_langs;
			sp->langs_arg = rf;
		}
		rf->field[rf->n++] = fd;
	}
	return true;
}

void
record_form_free(struct record_form *rf)
{
	for (int i = 0; rf->hints && i < rf->n; i++)
		free(rf->hints[i]);
	free(rf->hints);
	free(rf->spec);
	free(rf->field);
	kz_tr_free(&rf->tr);
	memset(rf, 0, sizeof *rf);
}

int
record_form_line(const struct record_form *rf, const char *name)
{
	for (int i = 0; i < rf->n; i++)
		if (strcmp(rf->field[i]->name, name) == 0)
			return i;
	return -1;
}

void
record_form_fill(const struct record_form *rf, struct form *f, const void *rec)
{
	const struct kz_trs *t = kz_rtype_ctrs(rf->rt, rec);

	/* the form keeps its own copy: rf is the form's, not the record's */
	if (t) {
		struct record_form *w = (struct record_form *)rf;

		kz_tr_free(&w->tr);
		if (kz_tr_copy(&w->tr, t) != KZ_OK)
			xalloc_die();
		/* what the form changes, not all there is: a language added
		 * elsewhere while it is open stays */
		w->tr.whole = false;
	}
	for (int i = 0; i < rf->n; i++) {
		const struct kz_rfield *fd = rf->field[i];
		char *v;

		if (fd->kind == KZ_RK_ENUM) {
			form_set_choice(f, i, *(const int *)kz_rfield_cptr(fd,
			    rec));
			continue;
		}
		v = kz_rfield_text(fd, rec);
		if (fd->kind == KZ_RK_DATE)
			form_set_date(f, i, v);
		else
			form_set(f, i, v ? v : "");
		free(v);
	}
}

int
record_form_take(const struct record_form *rf, const struct form *f,
    void *rec, struct kz_err *err)
{
	struct kz_trs *t = kz_rtype_trs(rf->rt, rec);
	int rc = KZ_OK;

	if (t) {
		kz_tr_free(t);
		if (kz_tr_copy(t, &rf->tr) != KZ_OK)
			xalloc_die();
	}
	for (int i = 0; i < rf->n; i++) {
		const struct kz_rfield *fd = rf->field[i];
		char *v;

		if (fd->kind == KZ_RK_ENUM) {
			*(int *)kz_rfield_ptr(fd, rec) = form_choice(f, i);
			continue;
		}
		if ((v = form_trimmed(f, i)) == NULL)
			return kz_err_add(err, "", "%s", _("out of memory"));
		if (kz_rfield_set(fd, rec, v, err))
			rc = KZ_ERROR;
		free(v);
	}
	return rc;
}

const char *
record_label(const struct kz_rfield *f, char *buf, size_t size)
{
	snprintf(buf, size, "%s", _(f->label));
	return kz_text_capitalise(buf);
}

int
record_label_width(const struct kz_rtype *rt)
{
	char buf[128];
	int lw = 0;

	for (size_t i = 0; i < rt->n; i++) {
		int w = kz_text_width(record_label(&rt->f[i], buf, sizeof buf));
		if (w > lw && !(rt->f[i].flags & KZ_RF_DERIVED))
			lw = w;
	}
	return lw;
}

/* The "who" field that goes with stamp f: "created" has "created_by". */
static const struct kz_rfield *
stamp_user(const struct kz_rtype *rt, const struct kz_rfield *f)
{
	char name[64];

	snprintf(name, sizeof name, "%s_by", f->name);
	return kz_rtype_field(rt, name);
}

/* Under a field held in several languages, each of them. */
static void
detail_langs(struct record_list *l, const struct kz_rtype *rt,
    const struct kz_rfield *f, const void *rec)
{
	const struct kz_trs *t = kz_rtype_ctrs(rt, rec);
	char langs[256], label[64], *lang, *save = NULL;

	kz_tr_langs_of(t, f->name, langs, sizeof langs);
	for (lang = strtok_r(langs, ", ", &save); lang;
	    lang = strtok_r(NULL, ", ", &save)) {
		snprintf(label, sizeof label, "  %s", lang);
		record_list_detail_add(l, label, kz_tr_get(t, f->name, lang));
	}
}

void
record_detail(struct record_list *l, const struct kz_rtype *rt,
    const void *rec, const struct kz_config *cfg, const char *first,
    const char *last)
{
	bool on = false;
	char label[128];

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i], *who;
		char *v, *line, *next;

		on |= strcmp(f->name, first) == 0;
		if (!on || (f->flags & KZ_RF_DERIVED))
			continue;
		if (f->kind != KZ_RK_USER &&
		    (v = kz_rfield_shown(f, rec, cfg)) != NULL) {
			if (f->kind == KZ_RK_STAMP && *v &&
			    (who = stamp_user(rt, f)) != NULL &&
			    !kz_rfield_empty(who, rec)) {
				char *w = kz_rfield_text(who, rec), *both;
				/* the default user in the reader's words */
				const char *name = w ? kz_user_name(w) : NULL;
				both = w ? xmalloc(strlen(v) + strlen(name) + 4) :
				    NULL;
				if (both) {
					sprintf(both, "%s - %s", v, name);
					free(v);
					v = both;
				}
				free(w);
			}
			record_label(f, label, sizeof label);
			/* a list: a line an item, labelled once */
			for (line = v; line; line = next) {
				if ((next = strchr(line, '\n')) != NULL)
					*next++ = '\0';
				record_list_detail_add(l, line == v ? label : NULL,
				    line);
			}
			free(v);
		}
		if (f->flags & KZ_RF_LANGS)
			detail_langs(l, rt, f, rec);
		if (strcmp(f->name, last) == 0)
			break;
	}
}

/* ---- a record that changed while its form was open ---- */

/* A field they changed, beside what the form has. */
struct merge_line {
	int line;		/* of the form */
	char *theirs, *mine;
	bool both;		/* changed here too: a real conflict */
	bool take;		/* take theirs */
};

/* Is form line i a choice (an enumeration's labels), or typed? A form
 * with lines of its own may have an enumeration typed as its keyword. */
static bool
is_choice(const struct record_form *rf, int i)
{
	return rf->field[i]->kind == KZ_RK_ENUM && rf->spec[i].choices;
}

/* Form line i's value in rec as compared and shown: an enumeration's
 * label on a choice line, else its text. */
static char *
value_of(const struct record_form *rf, int i, const void *rec)
{
	const struct kz_rfield *fd = rf->field[i];
	char *v;

	if (is_choice(rf, i))
		return xstrdup(kz_enum_label(fd->values,
		    *(const int *)kz_rfield_cptr(fd, rec)));
	if ((v = kz_rfield_text(fd, rec)) == NULL)
		xalloc_die();
	if (fd->kind == KZ_RK_DATE) {
		/* as the form shows it (record_form_fill) */
		char shown[64];

		form_date(v, shown, sizeof shown);
		free(v);
		v = xstrdup(shown);
	}
	return v;
}

static char *
value_typed(const struct record_form *rf, const struct form *f, int i)
{
	char *v;

	if (is_choice(rf, i))
		return xstrdup(kz_enum_label(rf->field[i]->values,
		    form_choice(f, i)));
	if ((v = form_trimmed(f, i)) == NULL)
		xalloc_die();
	if (rf->field[i]->kind == KZ_RK_DATE) {
		/* a date typed in either form compares as it is shown */
		char iso[11], shown[64];

		if (kz_date_parse(v, kz_date_get_order(), iso, "", NULL) ==
		    KZ_OK) {
			free(v);
			v = xstrdup(form_date(iso, shown, sizeof shown));
		}
	}
	return v;
}

/* One line of the list: label, theirs, mine, which is kept. */
static void
merge_draw_line(WINDOW *w, int y, int width, const struct record_form *rf,
    const struct merge_line *m, bool on)
{
	char label[128], row[1024];
	const char *v[4];
	int cw[4];

	cw[0] = width / 5;
	cw[3] = 8;
	cw[1] = cw[2] = (width - cw[0] - cw[3] - 3) / 2;
	snprintf(label, sizeof label, "%s%s", m->both ? "*" : " ",
	    record_label(rf->field[m->line], row, sizeof row));
	v[0] = label;
	v[1] = m->theirs;
	v[2] = m->mine;
	v[3] = m->take ? _("theirs") : _("mine");
	draw_cells(row, sizeof row, v, cw, 4);
	draw_text(w, y, 0, width, row, on ? draw_attr(DRAW_SELECTED) :
	    A_NORMAL);
}

static void
merge_draw(WINDOW *w, const struct record_form *rf, struct merge_line *m,
    int n, int cur, const char *title, const char *info)
{
	int h, width, rows, top, y;
	char head[512], hints[512], buf[1024];
	const char *v[4];
	int cw[4];

	getmaxyx(w, h, width);
	if (h < 10 || width < 40) {
		draw_too_small(w);
		return;
	}
	werase(w);
	draw_bar(w, 0, width, title, NULL, draw_attr(DRAW_TITLE));
	draw_text(w, 1, 0, width, info, A_NORMAL);
	cw[0] = width / 5;
	cw[3] = 8;
	cw[1] = cw[2] = (width - cw[0] - cw[3] - 3) / 2;
	v[0] = _("Field");
	v[1] = _("Theirs");
	v[2] = _("Mine");
	v[3] = _("Keeping");
	draw_cells(head, sizeof head, v, cw, 4);
	draw_text(w, 2, 0, width, head, draw_attr(DRAW_HEADER));
	rows = h - 9;
	top = cur >= rows ? cur - rows + 1 : 0;
	for (int i = 0; i < rows && top + i < n; i++)
		merge_draw_line(w, 3 + i, width, rf, &m[top + i],
		    top + i == cur);
	/* the chosen field's two values in full, as far as they fit */
	y = h - 5;
	snprintf(buf, sizeof buf, "%s: %s", _("Theirs"), m[cur].theirs);
	draw_text(w, y, 0, width, buf, A_NORMAL);
	snprintf(buf, sizeof buf, "%s: %s", _("Mine"), m[cur].mine);
	draw_text(w, y + 1, 0, width, buf, A_NORMAL);
	draw_text(w, y + 2, 0, width, _("* changed here and there"),
	    draw_attr(DRAW_DIM));
	keys_hints(KEYS_MERGE, false, width, hints, sizeof hints);
	draw_text(w, h - 1, 0, width, hints, draw_attr(DRAW_KEYHINT));
	wnoutrefresh(w);
}

bool
record_form_merge(const struct record_form *rf, struct form *f,
    const void *base, const void *theirs, const char *title,
    const char *info)
{
	struct merge_line *m = xcalloc((size_t)rf->n, sizeof *m);
	WINDOW *w = NULL;
	int n = 0, cur = 0;
	bool done = false, save = false;

	for (int i = 0; i < rf->n; i++) {
		char *b = value_of(rf, i, base);
		char *t = value_of(rf, i, theirs);
		char *mine = value_typed(rf, f, i);

		if (strcmp(b, t) != 0 && strcmp(t, mine) != 0) {
			/* what the user left alone follows theirs */
			m[n] = (struct merge_line){ .line = i, .theirs = t,
			    .mine = mine, .both = strcmp(b, mine) != 0,
			    .take = strcmp(b, mine) == 0 };
			n++;
		} else {
			free(t);
			free(mine);
		}
		free(b);
	}
	if (n == 0) {
		free(m);
		return true;	/* nothing of the form's changed: save */
	}
	curs_set(0);
	while (!done) {
		int key;

		if (w == NULL && (w = draw_newwin(LINES, COLS, 0, 0)) == NULL)
			w = stdscr;
		merge_draw(w, rf, m, n, cur, title, info);
		doupdate();
		key = draw_getkey(w);
		if (key == (KEYS_FN | KEY_RESIZE)) {
			if (w != stdscr)
				draw_delwin(&w);
			w = NULL;
			continue;
		}
		switch (keys_lookup(KEYS_MERGE, key, false)) {
		case KA_UP:
			cur = cur > 0 ? cur - 1 : cur;
			break;
		case KA_DOWN:
			cur = cur + 1 < n ? cur + 1 : cur;
			break;
		case KA_FIELD_THEIRS:
			m[cur].take = true;
			cur = cur + 1 < n ? cur + 1 : cur;
			break;
		case KA_FIELD_MINE:
			m[cur].take = false;
			cur = cur + 1 < n ? cur + 1 : cur;
			break;
		case KA_ALL_THEIRS:
		case KA_ALL_MINE:
			for (int i = 0; i < n; i++)
				m[i].take = keys_lookup(KEYS_MERGE, key,
				    false) == KA_ALL_THEIRS;
			break;
		case KA_SAVE:
			save = done = true;
			break;
		case KA_CANCEL:
			done = true;
			break;
		case KA_HELP:
			draw_help(KEYS_MERGE);
			break;
		case KA_REDRAW:
			clearok(curscr, TRUE);
			break;
		default:
			break;
		}
	}
	for (int i = 0; i < n; i++) {
		const struct kz_rfield *fd = rf->field[m[i].line];

		if (save && m[i].take) {
			if (is_choice(rf, m[i].line))
				form_set_choice(f, m[i].line, *(const int *)
				    kz_rfield_cptr(fd, theirs));
			else
				form_set(f, m[i].line, m[i].theirs);
		}
		free(m[i].theirs);
		free(m[i].mine);
	}
	free(m);
	if (w != stdscr)
		draw_delwin(&w);
	curs_set(1);
	return save;
}

void
record_guard_init(struct record_guard *g, const struct record_form *rf,
    size_t size, int (*get)(struct kz_db *, const char *, void *,
    struct kz_err *), void (*release)(void *), const void *orig)
{
	const struct kz_rfield *u = kz_rtype_field(rf->rt, "updated");

	memset(g, 0, sizeof *g);
	g->rf = rf;
	g->size = size;
	g->get = get;
	g->release = release;
	g->orig = orig;
	if (orig != NULL && u != NULL)
		snprintf(g->stamp, sizeof g->stamp, "%s",
		    (const char *)kz_rfield_cptr(u, orig));
}

void
record_guard_stamp(const struct record_guard *g, void *rec)
{
	const struct kz_rfield *u = kz_rtype_field(g->rf->rt, "updated");

	if (g->orig != NULL && u != NULL)
		snprintf(kz_rfield_ptr(u, rec), u->size, "%s", g->stamp);
}

bool
record_guard_merge(struct record_guard *g, struct form *f,
    struct kz_db *db, const struct kz_config *cfg, const char *id)
{
	const struct kz_rfield *u = kz_rtype_field(g->rf->rt, "updated");
	const struct kz_rfield *by = kz_rtype_field(g->rf->rt, "updated_by");
	void *now = xcalloc(1, g->size);
	struct kz_err err = { 0 };
	char title[160], info[320], at[64], name[64], *who;

	if (u == NULL || g->get(db, id, now, &err) != KZ_OK) {
		free(now);
		return false;	/* gone: the form shows why it did not save */
	}
	snprintf(name, sizeof name, "%s", _(g->rf->rt->name));
	kz_text_capitalise(name);
	snprintf(title, sizeof title, _("%s %s changed while its form was "
	    "open"), name, id);
	kz_stamp_format(cfg, kz_rfield_cptr(u, now), at, sizeof at);
	who = by ? kz_rfield_text(by, now) : NULL;
	snprintf(info, sizeof info, _("Changed %s by %s. Choose field by "
	    "field, then save."), at, who && *who ? who : "?");
	free(who);
	if (!record_form_merge(g->rf, f, g->theirs ? g->theirs : g->orig, now,
	    title, info)) {
		g->release(now);
		free(now);
		return false;
	}
	snprintf(g->stamp, sizeof g->stamp, "%s",
	    (const char *)kz_rfield_cptr(u, now));
	record_guard_free(g);
	g->theirs = now;
	return true;
}

void
record_guard_free(struct record_guard *g)
{
	if (g->theirs) {
		g->release(g->theirs);
		free(g->theirs);
		g->theirs = NULL;
	}
}
