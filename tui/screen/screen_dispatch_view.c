/* screen_dispatch_view.c - screen pieces the request, dispatch and timeline tabs share. */
#include "screen_dispatch_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dispatch.h"
#include "i18n.h"
#include "keys.h"
#include "note.h"
#include "stamp.h"
#include "record.h"
#include "text.h"
#include "xalloc.h"

struct yesno_rows {
	WINDOW *w;
	int y;
};

static void
yesno_row(void *arg, const char *line, size_t len)
{
	struct yesno_rows *r = arg;
	char buf[1024];

	snprintf(buf, sizeof buf, "%.*s", (int)len, line);
	draw_text(r->w, r->y++, 0, COLS, buf, draw_attr(DRAW_ERROR));
}

/* The question wrapped over as many rows as it takes at the bottom,
 * never cut: what it names is what the answer is about. */
bool
dispatch_view_yesno(const char *question)
{
	char q[1024];
	int rows;
	WINDOW *w;
	bool yes = false;

	snprintf(q, sizeof q, "%s %s", question, keys_yesno());
	rows = COLS > 0 ? (kz_text_width(q) + COLS - 1) / COLS : 1;
	rows = rows < 1 ? 1 : rows > LINES ? LINES : rows;
	if ((w = draw_newwin(rows, COLS, LINES - rows, 0)) == NULL)
		return false;
	for (;;) {
		struct yesno_rows r = { w, 0 };
		int key;

		werase(w);
		if (rows == 1)
			draw_text(w, 0, 0, COLS, q, draw_attr(DRAW_ERROR));
		else
			draw_wrap(q, COLS, yesno_row, &r);
		wnoutrefresh(w);
		doupdate();
		key = draw_getkey(w);
		if (key == (KEYS_FN | KEY_RESIZE))
			continue;
		enum keys_action a = keys_lookup(KEYS_CONFIRM, key, false);
		if (a == KA_YES || a == KA_NO) {
			yes = a == KA_YES;
			break;
		}
	}
	draw_delwin(&w);
	return yes;
}

void
dispatch_view_person(const struct kz_config *cfg, const char *name,
    const char *roman, int width, char *out, size_t size)
{
	const char *lang = cfg && cfg->language ? cfg->language : "en";
	bool cjk = strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
	    strncmp(lang, "ko", 2) == 0;

	name = name ? name : "";
	roman = roman ? roman : "";
	if (!*name || !*roman || kz_text_width(roman) + 1 +
	    kz_text_width(name) <= width)
		snprintf(out, size, "%s%s%s", roman, *name && *roman ? " " : "",
		    name);
	else
		snprintf(out, size, "%s", cjk ? name : roman);
}

void
dispatch_view_date(const struct kz_config *cfg, const char *date, char *out,
    size_t size)
{
	kz_date_format(date, cfg ? cfg->date_format : NULL, out, size);
}

int
dispatch_view_date_width(const struct kz_config *cfg)
{
	char out[64];

	dispatch_view_date(cfg, "2027-09-28", out, sizeof out);
	return kz_text_width(out);
}

void
dispatch_view_period(const struct kz_config *cfg, const char *start,
    const char *end, char *out, size_t size)
{
	char a[64], b[64];
	long days = kz_date_days(end) - kz_date_days(start) + 1;

	dispatch_view_date(cfg, start, a, sizeof a);
	dispatch_view_date(cfg, end, b, sizeof b);
	snprintf(out, size, ngettext("%s - %s (%ld day)", "%s - %s (%ld days)",
	    (unsigned long)days), a, b, days);
}

void
dispatch_view_clash_line(const struct kz_config *cfg, const struct kz_clash *c,
    const char *record, char *out, size_t size)
{
	/* the other side: not this record (an office's own comes first) */
	const struct kz_booking *o = strcmp(c->a.record, record) == 0 ||
	    strcmp(c->a.id, record) == 0 ? &c->b : &c->a;
	char period[200], what[300], a[64], b[64];

	dispatch_view_period(cfg, c->from, c->to, period, sizeof period);
	dispatch_view_date(cfg, o->start, a, sizeof a);
	dispatch_view_date(cfg, o->end, b, sizeof b);
	if (strcmp(o->kind, "unavailable") == 0)
		snprintf(what, sizeof what, "%s", kz_booking_kind_name(o->kind));
	else
		snprintf(what, sizeof what, "%s %s %s (%s..%s)", o->office,
		    kz_booking_kind_name(o->kind), o->record, a, b);
	snprintf(out, size, _("Clash %s: %s"), period, what);
}

char **
dispatch_view_spec_lines(struct kz_db *db, const struct kz_config *cfg,
    const char *specialist, size_t *n)
{
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct kz_err err = { 0 };
	char **lines;

	*n = 0;
	kz_dispatch_query_init(&q);
	q.specialist = specialist;
	if (kz_dispatch_list(db, &q, false, &l, &err) != KZ_OK || l.n == 0) {
		if (l.n == 0)
			kz_dispatch_rows_free(&l);
		return NULL;
	}
	lines = xcalloc(l.n, sizeof *lines);
	for (size_t i = 0; i < l.n; i++) {
		const struct kz_dispatch_row *r = &l.rows[i];
		char period[200], line[1024];

		dispatch_view_period(cfg, r->start, r->end, period, sizeof period);
		snprintf(line, sizeof line, "%s, %s %s: %s (%s)", period,
		    r->country, r->host, kz_lifecycle_name(&kz_dispatch_lc, r->state),
		    r->id);
		lines[(*n)++] = xstrdup(line);
	}
	kz_dispatch_rows_free(&l);
	return lines;
}

void
dispatch_view_free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

void
dispatch_view_event_line(const struct kz_config *cfg,
    const struct kz_lifecycle *lc, const struct kz_event *e, char *out,
    size_t size)
{
	char change[160], when[96];
	struct kz_buf note = { 0 };

	if (e->from < 0)
		snprintf(change, sizeof change, "%s", kz_lifecycle_name(lc, e->to));
	else if (e->from == e->to)
		snprintf(change, sizeof change, "%s", _("edited"));
	else
		snprintf(change, sizeof change, "%s -> %s", kz_lifecycle_name(lc,
		    e->from), kz_lifecycle_name(lc, e->to));
	/* the note is stored in English where the program wrote it */
	kz_note_text(e->note, &note);
	/* when, in the office's date format and time zone, labelled */
	snprintf(out, size, "%s %s: %s%s%s", kz_stamp_format(cfg, e->at,
	    when, sizeof when), kz_user_name(e->user), change,
	    note.len ? ", " : "",
	    kz_buf_str(&note));
	kz_buf_free(&note);
}

int
dispatch_view_state_width(const struct kz_lifecycle *lc)
{
	int w = 0;

	for (int i = 0; i < lc->n; i++)
		if (kz_text_width(kz_lifecycle_name(lc, i)) > w)
			w = kz_text_width(kz_lifecycle_name(lc, i));
	return w;
}

int
dispatch_view_next_choices(const struct kz_lifecycle *lc, int from,
    const char **names, int *next, int room)
{
	int n = kz_lifecycle_next(lc, from, next);

	if (n >= room)
		n = room - 1;
	for (int i = 0; i < n; i++)
		names[i] = lc->name[next[i]];
	names[n] = NULL;
	return n;
}
