/* form.c - a full-screen form of labelled fields, each edited as a line (line.c). */
#include "form.h"
#include "record.h"
#include "rtype.h"	/* KZ_RF_ENUM_HINT */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "choice.h"
#include "draw.h"
#include "i18n.h"
#include "specialist.h"	/* kz_str_set */
#include "stamp.h"
#include "term.h"
#include "text.h"
#include "xalloc.h"

void
form_init(struct form *f, const char *title, const struct form_spec *spec,
    int n, void *arg)
{
	memset(f, 0, sizeof *f);
	f->title = title;
	f->spec = spec;
	f->n = n;
	f->arg = arg;
	f->val = xcalloc((size_t)n, sizeof *f->val);
	f->choice = xcalloc((size_t)n, sizeof *f->choice);
	f->err = xcalloc((size_t)n, sizeof *f->err);
	for (int i = 0; i < f->n; i++)
		form_line_set(&f->val[i], "");
}

void
form_free(struct form *f)
{
	for (int i = 0; f->val && i < f->n; i++)
		form_line_free(&f->val[i]);
	free(f->val);
	free(f->choice);
	free(f->err);
	memset(f, 0, sizeof *f);
}

void
form_set(struct form *f, int i, const char *value)
{
	if (i >= 0 && i < f->n)
		form_line_set(&f->val[i], value);
}

void
form_set_choice(struct form *f, int i, int choice)
{
	if (i >= 0 && i < f->n)
		f->choice[i] = choice;
}

const char *
form_value(const struct form *f, int i)
{
	return i >= 0 && i < f->n ? form_line_text(&f->val[i]) : "";
}

int
form_choice(const struct form *f, int i)
{
	return i >= 0 && i < f->n ? f->choice[i] : 0;
}

char *
form_trimmed(const struct form *f, int i)
{
	char *c = xstrdup(form_value(f, i)), *t;

	t = kz_trim(c);
	memmove(c, t, strlen(t) + 1);
	return c;
}

int
form_take(const struct form *f, int i, char **slot)
{
	char *v = form_trimmed(f, i);
	int rc;

	if (v == NULL)
		return KZ_ERROR;
	rc = kz_str_set(slot, v);
	free(v);
	return rc;
}

void
form_copy(const struct form *f, int i, char *out, size_t size)
{
	char *v = form_trimmed(f, i);

	snprintf(out, size, "%s", v ? v : "");
	free(v);
}

char *
form_upper(char *s)
{
	for (char *p = s; p && *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return s;
}

/* Does "fields[2].years" belong to a field keyed "fields" or
 * "langs|languages"? */
static bool
form_key_matches(const char *keys, const char *where)
{
	size_t wl = strcspn(where, "[.");

	while (*keys) {
		size_t kl = strcspn(keys, "|");

		if (kl == wl && strncmp(keys, where, wl) == 0)
			return true;
		keys += kl;
		if (*keys == '|')
			keys++;
	}
	return false;
}

void
form_set_errors(struct form *f, const struct kz_err *err)
{
	size_t glen = 0;

	for (int i = 0; i < f->n; i++)
		f->err[i][0] = '\0';
	f->general[0] = '\0';
	for (int e = 0; err && e < err->n; e++) {
		const struct kz_err_item *it = &err->item[e];
		int i;

		for (i = 0; i < f->n; i++)
			if (form_key_matches(f->spec[i].key, it->where))
				break;
		if (i < f->n) {
			/* kz_err_for would give only the first problem of a
			 * field; a field such as "fields" may have several. */
			size_t l = strlen(f->err[i]);

			if (l + 3 < sizeof f->err[i])
				snprintf(f->err[i] + l, sizeof f->err[i] - l,
				    "%s%s", l ? "; " : "", it->msg);
			continue;
		}
		if (glen < sizeof f->general)
			glen += snprintf(f->general + glen,
			    sizeof f->general - glen, "%s%s%s%s",
			    glen ? "; " : "",
			    frame_err_place(it->where) ? it->where : "",
			    frame_err_place(it->where) ? ": " : "", it->msg);
	}
}

static int form_lower(int c);

/* Layout: a value row per field, and under it a row for its error or
 * its preview when it has either. */
static bool
form_has_info(const struct form *f, int i)
{
	return f->err[i][0] != '\0' || f->spec[i].preview != NULL;
}

static int
form_row_of(const struct form *f, int i)
{
	int r = 0;

	for (int k = 0; k < i && k < f->n; k++)
		r += 1 + form_has_info(f, k);
	return r;
}

struct form_view {
	WINDOW *w;
	int h, width;
	int area;		/* rows for fields */
	int hint_rows;		/* 2 when a hint of this form needs two,
				 * up to 4 for a long problem */
	int lw;			/* label column width */
	int cury, curx;		/* where the terminal cursor goes */
};

/* Labels come from record tables written as inside a sentence
 * ("romanised name"); a form starts them with a capital. */
static void
form_label(const struct form *f, int i, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", _(f->spec[i].label),
	    f->spec[i].flags & FORM_REQUIRED ? "*" : "");
	kz_text_capitalise(buf);
}

static void
form_draw_field(struct form *f, struct form_view *v, int i)
{
	int r = form_row_of(f, i) - f->top, vx = v->lw + 3;
	int vw = v->width - vx;
	bool on = i == f->cur;
	char label[128], info[KZ_ERR_MSG + 8];

	if (r < 0 || r >= v->area)
		return;
	form_label(f, i, label, sizeof label);
	draw_text(v->w, 1 + r, 0, 1, on ? ">" : " ", A_NORMAL);
	draw_text(v->w, 1 + r, 1, v->lw + 1, label,
	    on ? draw_attr(DRAW_SELECTED) : draw_attr(DRAW_LABEL));
	draw_text(v->w, 1 + r, v->lw + 2, 1, " ", A_NORMAL);
	if (f->spec[i].choices != NULL) {
		char buf[256];
		size_t o = 0;

		for (int c = 0; f->spec[i].choices[c] != NULL; c++)
			o += snprintf(buf + o, o < sizeof buf ? sizeof buf - o :
			    0, "%s[%c] %s", c ? "  " : "",
			    c == f->choice[i] ? 'x' : ' ',
			    _(f->spec[i].choices[c]));
		draw_text(v->w, 1 + r, vx, vw, buf, A_NORMAL);
		if (on) {
			v->cury = 1 + r;
			v->curx = vx + 1;
		}
	} else if (on && vw > 0) {
		/* a value not yet touched shows selected: typing replaces it */
		v->curx = form_line_draw(&f->val[i], v->w, 1 + r, vx, vw,
		    f->val[i].fresh ? A_REVERSE : A_UNDERLINE);
		v->cury = 1 + r;
	} else
		draw_text(v->w, 1 + r, vx, vw, form_value(f, i), A_NORMAL);

	if (!form_has_info(f, i) || r + 1 >= v->area)
		return;
	draw_text(v->w, 2 + r, 0, vx, "", A_NORMAL);
	if (f->err[i][0]) {
		snprintf(info, sizeof info, "! %s", f->err[i]);
		draw_text(v->w, 2 + r, vx, vw, info, draw_attr(DRAW_ERROR));
	} else {
		info[0] = '\0';
		f->spec[i].preview(f->arg, form_value(f, i), info, sizeof info);
		draw_text(v->w, 2 + r, vx, vw, info, draw_attr(DRAW_DIM));
	}
}

struct form_bottom {
	struct form_view *v;
	int y;
	attr_t attr;
};

static void
form_bottom_line(void *arg, const char *line, size_t len)
{
	struct form_bottom *b = arg;
	char buf[512];

	if (b->y > b->v->h - 2)
		return;
	snprintf(buf, sizeof buf, "%.*s", (int)len, line);
	draw_text(b->v->w, b->y++, 0, b->v->width, buf, b->attr);
}

/* The message rows above the key hints: one, or more for a form with a
 * hint or a problem too wide for one, wrapped at word breaks. */
static void
form_bottom_text(struct form_view *v, const char *s, attr_t attr)
{
	struct form_bottom b = { v, v->h - 1 - v->hint_rows, attr };

	if (v->hint_rows < 2) {
		draw_text(v->w, v->h - 2, 0, v->width, s, attr);
		return;
	}
	draw_wrap(s, v->width, form_bottom_line, &b);
	while (b.y <= v->h - 2)
		draw_text(v->w, b.y++, 0, v->width, "", A_NORMAL);
}

static int form_lower(int c);

/* True if key k is in seen[0..*n); else adds it (while there is room). */
static bool
form_seen(unsigned *seen, size_t *n, size_t cap, unsigned k)
{
	for (size_t i = 0; i < *n; i++)
		if (seen[i] == k)
			return true;
	if (*n < cap)
		seen[(*n)++] = k;
	return false;
}

/* Field i's hint, and for a field with a pick list the keys that work:
 * a choice's first letters, each once (a letter that starts several
 * choices goes through them, as form_pick does), and the key that opens
 * the list. A choice field's own hint is dropped where it only says
 * what these keys are ("Space, or the first letter..."), so that it is
 * not said twice. */
static void
form_hint(const struct form *f, int i, char *buf, size_t size)
{
	const char *const *ch = f->spec[i].choices;
	const char *hint = f->spec[i].hint ? _(f->spec[i].hint) : "";
	char letters[160] = "", more[256];
	unsigned seen[64];
	size_t o = 0, nseen = 0;

	if (!form_has_list(f, i)) {
		snprintf(buf, size, "%s", hint);
		return;
	}
	for (int c = 0; ch && ch[c] != NULL && o < sizeof letters; c++) {
		const char *eot = strchr(ch[c], '\004');
		const char *en = eot ? eot + 1 : ch[c], *tr = _(ch[c]);
		unsigned cp = 0;
		int n = kz_utf8_decode(tr, &cp);
		bool new_en = !form_seen(seen, &nseen, 64,
		    (unsigned)form_lower((unsigned char)en[0]));
		/* the translation's first letter where it is another */
		bool new_tr = (unsigned)form_lower((int)cp) != (unsigned)
		    form_lower((unsigned char)en[0]) && !form_seen(seen, &nseen,
		    64, (unsigned)form_lower((int)cp));

		if (!new_en && !new_tr)
			continue;
		o += (size_t)snprintf(letters + o, sizeof letters - o,
		    "%s%.*s%s%.*s", o ? " " : "", new_en, en, new_en && new_tr ?
		    "/" : "", new_tr ? n : 0, tr);
	}
	if (ch && f->spec[i].hint && strncmp(f->spec[i].hint, KZ_RF_ENUM_HINT,
	    strlen(KZ_RF_ENUM_HINT)) == 0) {
		snprintf(buf, size, _("Space, or a first letter: %s; %s: list"),
		    letters, keys_first(KA_PICK));
		return;
	}
	if (ch)
		snprintf(more, sizeof more, _("letters %s; %s: list"), letters,
		    keys_first(KA_PICK));
	else
		snprintf(more, sizeof more, _("%s: pick from a list"),
		    keys_first(KA_PICK));
	snprintf(buf, size, "%s%s%s", hint, *hint ? "  " : "", more);
}

static void
form_draw_bottom(struct form *f, struct form_view *v, bool confirm)
{
	char hint[512];

	char hints[256], q[256];

	if (confirm) {
		snprintf(q, sizeof q, "%s %s", _("Discard changes?"),
		    keys_yesno());
		form_bottom_text(v, q, draw_attr(DRAW_ERROR));
	} else if (f->general[0])
		form_bottom_text(v, f->general, draw_attr(DRAW_ERROR));
	else if (f->err[f->cur][0])
		/* In full: the row under the field may have cut it. */
		form_bottom_text(v, f->err[f->cur], draw_attr(DRAW_ERROR));
	else {
		form_hint(f, f->cur, hint, sizeof hint);
		form_bottom_text(v, hint, draw_attr(DRAW_DIM));
	}
	keys_hints(KEYS_FORM, true, v->width, hints, sizeof hints);
	draw_text(v->w, v->h - 1, 0, v->width, hints, draw_attr(DRAW_KEYHINT));
}

/* Scroll so the current field and its info row show; true if moved. */
static bool
form_follow(struct form *f, const struct form_view *v)
{
	int r0 = form_row_of(f, f->cur), r1 = r0 + form_has_info(f, f->cur);
	int old = f->top;

	if (r0 < f->top)
		f->top = r0;
	if (r1 >= f->top + v->area)
		f->top = r1 - v->area + 1;
	if (f->top > r0)
		f->top = r0;
	return f->top != old;
}

static void
form_draw(struct form *f, struct form_view *v, bool all, int old, bool confirm)
{
	char count[32];
	int total = form_row_of(f, f->n);

	/* scrolled, or the count of the title bar ("3/12") changed */
	if (form_follow(f, v) || (old != f->cur &&
	    form_row_of(f, f->n) > v->area))
		all = true;
	if (all) {
		werase(v->w);
		snprintf(count, sizeof count, "%d/%d", f->cur + 1, f->n);
		draw_bar(v->w, 0, v->width, f->title,
		    total > v->area ? count : NULL, draw_attr(DRAW_TITLE));
		for (int i = 0; i < f->n; i++)
			if (i != f->cur)
				form_draw_field(f, v, i);
	} else if (old >= 0 && old != f->cur)
		form_draw_field(f, v, old);
	/* The current field last, so its cursor position is the one kept. */
	form_draw_field(f, v, f->cur);
	form_draw_bottom(f, v, confirm);
	wmove(v->w, v->cury, v->curx);
	wnoutrefresh(v->w);
}

static void
form_measure(struct form *f, struct form_view *v)
{
	char label[128], hint[512];

	getmaxyx(v->w, v->h, v->width);
	v->hint_rows = 1;
	v->lw = 0;
	for (int i = 0; i < f->n; i++) {
		form_label(f, i, label, sizeof label);
		if (kz_text_width(label) > v->lw)
			v->lw = kz_text_width(label);
		form_hint(f, i, hint, sizeof hint);
		if (kz_text_width(hint) > v->width)
			v->hint_rows = 2;
	}
	/* a problem is read whole, not cut: as many rows as it takes */
	for (int i = -1; i < f->n && v->width > 0; i++) {
		const char *m = i < 0 ? f->general : f->err[i];
		int rows = (kz_text_width(m) + v->width - 1) / v->width;

		if (rows > v->hint_rows)
			v->hint_rows = rows < 4 ? rows : 4;
	}
	v->area = v->h - 2 - v->hint_rows;
	if (v->lw > v->width / 3)
		v->lw = v->width / 3;
}

static void
form_first_error(struct form *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->err[i][0]) {
			f->cur = i;
			return;
		}
}

static int
form_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* A printable key on a choice field picks the choice it starts. */
static bool
form_pick(struct form *f, int i, int key)
{
	const char *const *ch = f->spec[i].choices;
	int n = 0;

	while (ch[n] != NULL)
		n++;
	/* from the choice after the current one, round: a letter that
	 * starts several choices goes through them all */
	for (int d = 1; d <= n; d++) {
		int c = (f->choice[i] + d) % n;
		const char *eot = strchr(ch[c], '\004');
		/* the English word (after a context) and the translation */
		const char *names[2] = { eot ? eot + 1 : ch[c], _(ch[c]) };

		for (int k = 0; k < 2; k++) {
			unsigned cp;
			int first = kz_utf8_decode(names[k], &cp) ? (int)cp : 0;

			if (form_lower(first) == form_lower(key) &&
			    f->choice[i] != c) {
				f->choice[i] = c;
				return true;
			}
		}
	}
	return false;
}

/* ---- the pick list: a coded field's values, filtered as typed ---- */

static const struct kz_config *form_cfg;

void
form_use_config(const struct kz_config *cfg)
{
	form_cfg = cfg;
}

const char *
form_date(const char *date, char *out, size_t size)
{
	return kz_stamp_date(form_cfg, date ? date : "", out, size);
}

void
form_set_date(struct form *f, int i, const char *date)
{
	char shown[64];

	form_set(f, i, form_date(date, shown, sizeof shown));
}

bool
form_has_list(const struct form *f, int i)
{
	return i >= 0 && i < f->n && (f->spec[i].choices != NULL ||
	    f->spec[i].codes != KZ_CODES_NONE);
}

/* Field i's values: a choice field's names, or its codes'. */
static void
form_list_values(const struct form *f, int i, struct kz_choices *out)
{
	const char *const *ch = f->spec[i].choices;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	if (ch == NULL) {
		if (kz_choices_kind(f->spec[i].codes, form_cfg, out))
			xalloc_die();
		return;
	}
	while (ch[n])
		n++;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	for (out->n = 0; out->n < n; out->n++) {
		const char *eot = strchr(ch[out->n], '\004');

		out->v[out->n].en = eot ? eot + 1 : ch[out->n];
		out->v[out->n].code = out->v[out->n].en;
		out->v[out->n].label = _(ch[out->n]);
	}
}

/* The list over the form, until a value is taken (its index in all) or
 * the list is closed (-1). */
static int
form_list_run(const char *title, const struct kz_choices *all)
{
	struct form_line filter = { 0 };
	size_t *shown = xcalloc(all->n + 1, sizeof *shown), ns = 0;
	size_t cur = 0, top = 0;
	WINDOW *w = NULL;
	bool layout = true, changed = true;
	int picked = -2, h = 0, wd = 0, rows = 0;

	form_line_set(&filter, "");
	while (picked == -2) {
		char line[256], code[64], hints[256];
		int key, cx;
		enum keys_action a;

		if (changed) {
			ns = 0;
			for (size_t k = 0; k < all->n; k++)
				if (kz_choice_matches(&all->v[k],
				    form_line_text(&filter)))
					shown[ns++] = k;
			cur = top = 0;
			changed = false;
		}
		if (layout) {
			draw_delwin(&w);
			h = LINES - 2 < 20 ? LINES - 2 : 20;
			wd = COLS - 4 < 64 ? COLS - 4 : 64;
			if (h < 5 || wd < 20 ||
			    (w = draw_newwin(h, wd, (LINES - h) / 2,
			    (COLS - wd) / 2)) == NULL) {
				picked = -1;
				break;
			}
			keypad(w, TRUE);
			rows = h - 4;
			layout = false;
		}
		if (cur >= ns)
			cur = ns ? ns - 1 : 0;
		if (cur < top)
			top = cur;
		if (cur >= top + (size_t)rows)
			top = cur - (size_t)rows + 1;
		/* a pasted or fast-typed filter is read before drawing */
		if (term_pending(w))
			goto read;
		werase(w);
		snprintf(line, sizeof line, "%zu/%zu", ns, all->n);
		draw_bar(w, 0, wd, title, line, draw_attr(DRAW_TITLE));
		draw_text(w, 1, 0, 2, "> ", draw_attr(DRAW_LABEL));
		for (int r = 0; r < rows; r++) {
			size_t k = top + (size_t)r;
			const struct kz_choice *c;

			if (k >= ns)
				break;
			c = &all->v[shown[k]];
			/* the name people read, and the code or English name
			 * where it differs */
			snprintf(code, sizeof code, "%s", strcmp(c->code,
			    c->label) ? c->code : "");
			snprintf(line, sizeof line, " %s%s%s%s", c->label,
			    *code ? "  (" : "", code, *code ? ")" : "");
			draw_text(w, 2 + r, 0, wd, line, k == cur ?
			    draw_attr(DRAW_SELECTED) : A_NORMAL);
		}
		if (ns == 0)
			draw_text(w, 2, 0, wd, _(" nothing matches"),
			    draw_attr(DRAW_DIM));
		keys_hints(KEYS_PICK, true, wd, hints, sizeof hints);
		draw_text(w, h - 1, 0, wd, hints, draw_attr(DRAW_KEYHINT));
		cx = form_line_draw(&filter, w, 1, 2, wd - 2, A_UNDERLINE);
		wmove(w, 1, cx);
		wnoutrefresh(w);
		doupdate();
read:
		key = draw_getkey(w);
		if (key == (KEYS_FN | KEY_RESIZE)) {
			layout = true;
			continue;
		}
		switch ((a = keys_lookup(KEYS_PICK, key, true))) {
		case KA_UP:
			cur = cur ? cur - 1 : 0;
			break;
		case KA_DOWN:
			if (cur + 1 < ns)
				cur++;
			break;
		case KA_PGUP:
			cur = cur > (size_t)rows ? cur - (size_t)rows : 0;
			break;
		case KA_PGDN:
			cur += (size_t)rows;
			break;
		case KA_ACCEPT:
			if (ns > 0)
				picked = (int)shown[cur];
			break;
		case KA_CANCEL:
			picked = -1;
			break;
		default:
			a = keys_lookup(KEYS_EDIT, key, true);
			changed = form_line_edit(&filter, a, key);
			break;
		}
	}
	draw_delwin(&w);
	form_line_free(&filter);
	free(shown);
	return picked;
}

/* Open field i's list and put the value taken into the field: a
 * choice, a code, a province's name, or one more field of expertise
 * after those typed. */
static void
form_list(struct form *f, int i)
{
	struct kz_choices all;
	char label[128], *v = NULL;
	int k;

	form_list_values(f, i, &all);
	form_label(f, i, label, sizeof label);
	k = all.n ? form_list_run(label, &all) : -1;
	if (k >= 0) {
		const struct kz_choice *c = &all.v[k];

		f->dirty = true;
		f->err[i][0] = '\0';
		if (f->spec[i].choices)
			f->choice[i] = k;
		else if (f->spec[i].codes == KZ_CODES_SUBDIVISION ||
		    f->spec[i].codes == KZ_CODES_ITEM_KIND)
			form_set(f, i, c->label);
		else if ((f->spec[i].codes == KZ_CODES_FIELD ||
		    f->spec[i].codes == KZ_CODES_LANGUAGE) &&
		    *(v = form_trimmed(f, i)) != '\0') {
			size_t n = strlen(v) + strlen(c->code) + 4;
			char *t = xmalloc(n);
			char sep = f->spec[i].codes == KZ_CODES_FIELD ? ';' :
			    ',';

			/* after those typed; a separator already typed stays */
			snprintf(t, n, "%s%s%s", v, v[strlen(v) - 1] == sep ?
			    " " : sep == ';' ? "; " : ", ", c->code);
			form_set(f, i, t);
			free(t);
			free(v);
		} else {
			free(v);
			form_set(f, i, c->code);
		}
	}
	kz_choices_free(&all);
}

bool
form_run(struct form *f,
    int (*save)(struct form *f, void *arg, struct kz_err *err))
{
	struct form_view v = { 0 };
	struct kz_err err;
	bool layout = true, all = true, confirm = false, saved = false;
	bool done = false;
	int prev = -1;

	if (f->n == 0)		/* form_init ran out of memory */
		return false;
	curs_set(1);
	while (!done) {
		int key, errs;
		enum keys_action a;
		bool text;

		if (layout) {
			if (v.w != stdscr)
				draw_delwin(&v.w);
			if ((v.w = draw_newwin(LINES, COLS, 0, 0)) == NULL)
				v.w = stdscr;
			form_measure(f, &v);
			layout = false;
			all = true;
		}
		/* keys already typed (a paste, a held key, a slow line) are
		 * read before the form is drawn again */
		if (!term_pending(v.w)) {
			if (v.area < 1 || v.width < 20 || f->n == 0)
				draw_too_small(v.w);
			else
				form_draw(f, &v, all, prev, confirm);
			doupdate();
			all = false;
			prev = f->cur;
		} else
			all = true;	/* the keys may go through fields that
					 * are neither this one nor the last
					 * drawn: all of them, once */

		key = draw_getkey(v.w);
		if (key == (KEYS_FN | KEY_RESIZE)) {
			layout = true;
			continue;
		}
		if (v.area < 1 || v.width < 20 || f->n == 0)
			continue;
		if (confirm) {
			a = keys_lookup(KEYS_CONFIRM, key, false);
			if (a == KA_YES)
				done = true;
			else if (a == KA_NO)
				confirm = false;
			continue;
		}

		text = f->spec[f->cur].choices == NULL;
		if (!text) {
			if (keys_lookup(KEYS_CHOICE, key, false) == KA_TOGGLE) {
				int c = f->choice[f->cur] + 1;

				f->choice[f->cur] =
				    f->spec[f->cur].choices[c] ? c : 0;
				f->dirty = true;
				continue;
			}
			if (keys_printable(key)) {
				f->dirty |= form_pick(f, f->cur, key);
				continue;
			}
		}
		a = keys_lookup(KEYS_FORM | (text ? KEYS_EDIT : 0), key, true);
		switch (a) {
		case KA_NEXT_FIELD:
			f->cur = (f->cur + 1) % f->n;
			break;
		case KA_PREV_FIELD:
			f->cur = (f->cur + f->n - 1) % f->n;
			break;
		case KA_SAVE:
			kz_err_clear(&err);
			if (save(f, f->arg, &err) == KZ_OK) {
				saved = done = true;
				break;
			}
			form_set_errors(f, &err);
			if (err.n == 0)
				snprintf(f->general, sizeof f->general, "%s",
				    _("could not save"));
			form_first_error(f);
			layout = true;	/* room for the problems */
			break;
		case KA_CANCEL:
			if (f->dirty)
				confirm = true;
			else
				done = true;
			break;
		case KA_HELP: {
			draw_help(KEYS_FORM);
			layout = true;
			break;
		}
		case KA_REDRAW:
			clearok(curscr, TRUE);
			all = true;
			break;
		case KA_FIELD_LANGS:
			if (f->spec[f->cur].langs == NULL)
				break;
			/* a form of its own, full screen, then this one */
			if (f->spec[f->cur].langs(f->spec[f->cur].langs_arg, f,
			    f->cur))
				f->dirty = true;
			curs_set(1);
			layout = true;
			break;
		case KA_PICK:
			if (form_has_list(f, f->cur)) {
				form_list(f, f->cur);
				layout = true;
			}
			break;
		default:
			if (!text)
				break;
			if (form_line_edit(&f->val[f->cur], a, key)) {
				f->dirty = true;
				/* A problem shown for this field is stale
				 * once it is edited. */
				errs = f->err[f->cur][0] != '\0';
				f->err[f->cur][0] = '\0';
				all |= errs && f->spec[f->cur].preview == NULL;
			}
			break;
		}
	}
	if (v.w != stdscr)
		draw_delwin(&v.w);
	curs_set(0);
	return saved;
}
