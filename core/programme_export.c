/* programme_export.c - a programme as CSV, iCalendar and text to print. */
#include "programme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "ical.h"
#include "seminar.h"
#include "text.h"
#include "tz.h"

/* The columns of the CSV form, as import reads them. */

/* The edition and its items, loaded together. */
struct prog {
	struct kz_seminar sem;
	struct kz_series series;
	struct kz_item *items;
	size_t n;
};

static void
prog_free(struct prog *p)
{
	kz_seminar_free(&p->sem);
	kz_series_free(&p->series);
	kz_programme_item_list_free(p->items, p->n);
	memset(p, 0, sizeof *p);
}

static int
prog_load(struct kz_db *db, const char *seminar, struct prog *p,
    struct kz_err *err)
{
	memset(p, 0, sizeof *p);
	kz_seminar_init(&p->sem);
	if (kz_seminar_get(db, seminar, &p->sem, err) ||
	    kz_series_get(db, p->sem.series, &p->series, err) ||
	    kz_programme_item_list(db, p->sem.id, &p->items, &p->n, err)) {
		prog_free(p);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_programme_csv(struct kz_db *db, const char *seminar, struct kz_buf *out,
    struct kz_err *err)
{
	struct prog p;
	struct kz_tr_cols tc;

	if (prog_load(db, seminar, &p, err))
		return KZ_ERROR;
	if (kz_rtype_tr_cols(db, &kz_programme_item_type, &tc, err)) {
		prog_free(&p);
		return KZ_ERROR;
	}
	/* the columns import reads: the item's table's, a title@LANG for
	 * each language items' titles are kept in */
	kz_rtype_csv_header_in(&kz_programme_item_type, true, &tc, out);
	for (size_t i = 0; i < p.n; i++)
		kz_rtype_csv_row_in(&kz_programme_item_type, &p.items[i], true,
		    &tc, out);
	kz_tr_cols_free(&tc);
	prog_free(&p);
	return out->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}

/* Fields held in several languages as the reader reads them. */
#define in_lang kz_rtype_in
#define SERIES_NAME(p) kz_rtype_in(&kz_series_type, "name", &(p)->series)

/* The name of an edition as people say it: its title, else the series
 * name with the edition's number or year; in the reader's language. */
static void
edition_name(const struct prog *p, char *out, size_t size)
{
	if (p->sem.title)
		snprintf(out, size, "%s", in_lang(&kz_seminar_type, "title",
		    &p->sem));
	else if (p->sem.number > 0)
		snprintf(out, size, _("%s, edition %d (%d)"), SERIES_NAME(p),
		    p->sem.number, p->sem.year);
	else
		snprintf(out, size, "%s %d", SERIES_NAME(p), p->sem.year);
}

int
kz_programme_ics(struct kz_db *db, const char *seminar, struct kz_buf *out,
    struct kz_err *err)
{
	static const char *const status[KZ_SEM_STATUS_COUNT] = {
		"TENTATIVE", "CONFIRMED", "CONFIRMED", "CANCELLED",
	};
	struct kz_ical cal;
	struct prog p;
	char name[400], uid[KZ_ID_SIZE + 16], where[400];
	int rc = KZ_OK;

	if (prog_load(db, seminar, &p, err))
		return KZ_ERROR;
	edition_name(&p, name, sizeof name);
	kz_ical_init(&cal, name);
	for (size_t i = 0; i < p.n && rc == KZ_OK; i++) {
		const struct kz_item *it = &p.items[i];
		struct kz_ical_event ev = { 0 };

		snprintf(uid, sizeof uid, "%s@kizuna", it->id);
		if (it->venue && it->city)
			snprintf(where, sizeof where, "%s, %s", it->venue,
			    it->city);
		else
			snprintf(where, sizeof where, "%s", it->venue ? it->venue :
			    it->city ? it->city : "");
		ev.uid = uid;
		ev.summary = in_lang(&kz_programme_item_type, "title", it);
		ev.location = where;
		ev.description = it->notes;
		ev.categories = _(kz_kind_label(it->kind));
		ev.date = it->date;
		ev.start = it->start[0] ? it->start : NULL;
		ev.end = it->end[0] ? it->end : NULL;
		ev.tzid = it->tz;
		ev.last_modified = it->st.updated;
		ev.sequence = it->sequence;
		ev.status = status[p.sem.status];
		rc = kz_ical_add(&cal, &ev, err);
	}
	if (rc == KZ_OK)
		rc = kz_ical_finish(&cal, out, err);
	kz_ical_free(&cal);
	prog_free(&p);
	return rc;
}

/* ---- the printed programme ---- */

#define MAXLINES 24		/* of one wrapped cell */

/* Lines of at most width columns, broken after a space where there is
 * one, anywhere in CJK text. Each line is malloc'd. */
static size_t
wrap(const char *s, int width, char *lines[MAXLINES])
{
	size_t n = 0;

	if (width < 1)
		width = 1;
	while (s && *s && n < MAXLINES) {
		const char *p = s, *brk = NULL;
		int w = 0, k;
		unsigned cp;

		if (*s == '\n') {
			s++;
			continue;
		}
		while ((k = kz_utf8_decode(p, &cp)) > 0 && cp != '\n') {
			int cw = cp < 0x20 ? 1 : kz_cp_width(cp);

			if (w + cw > width)
				break;
			w += cw;
			p += k;
			if (cp == ' ')
				brk = p;
		}
		/* a cut inside a Latin word goes back to its space */
		if (*p && *p != '\n' && brk && *p != ' ')
			p = brk;
		if (p == s)	/* one character wider than the column */
			p += kz_utf8_decode(p, &cp);
		lines[n] = strndup(s, (size_t)(p - s));
		if (lines[n] == NULL)
			break;
		/* no trailing space at a break */
		for (size_t l = strlen(lines[n]); l > 0 && lines[n][l - 1] == ' ';
		    l--)
			lines[n][l - 1] = '\0';
		n++;
		s = p;
		while (*s == ' ')
			s++;
	}
	return n;
}

static void
free_lines(char *lines[MAXLINES], size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

/* Cells side by side; each wraps in its column. */
static void
put_row(struct kz_buf *b, int indent, int ncols, const int *w,
    const char *const *cells)
{
	char *lines[8][MAXLINES], fit[1024];
	size_t n[8], rows = 1;

	for (int c = 0; c < ncols && c < 8; c++) {
		n[c] = wrap(cells[c], w[c], lines[c]);
		if (n[c] > rows)
			rows = n[c];
	}
	for (size_t r = 0; r < rows; r++) {
		struct kz_buf line = { 0 };

		kz_buf_printf(&line, "%*s", indent, "");
		for (int c = 0; c < ncols && c < 8; c++) {
			kz_text_fit(fit, sizeof fit, r < n[c] ? lines[c][r] : "",
			    w[c], c < ncols - 1);
			kz_buf_puts(&line, fit);
			if (c < ncols - 1)
				kz_buf_puts(&line, "  ");
		}
		/* paper needs no trailing blanks */
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		kz_buf_puts(b, kz_buf_str(&line));
		kz_buf_puts(b, "\n");
		kz_buf_free(&line);
	}
	for (int c = 0; c < ncols && c < 8; c++)
		free_lines(lines[c], n[c]);
}

static int
max_width(int a, const char *s)
{
	int w = kz_text_width(s);
	return w > a ? w : a;
}

static const char *const weekdays[] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday"),
};

void
kz_programme_day(const struct kz_config *cfg, const char *date, char *out,
    size_t size)
{
	char shown[64];
	long d = kz_date_days(date);

	kz_date_format(date, cfg ? cfg->date_format : NULL, shown,
	    sizeof shown);
	snprintf(out, size, "%s  %s", shown, kz_date_valid(date) ?
	    _(weekdays[kz_date_weekday(d)]) : "");
}

static void
day_heading(const struct kz_config *cfg, const char *date, int dayno,
    int ndays, char *out, size_t size)
{
	char day[128];

	kz_programme_day(cfg, date, day, sizeof day);
	snprintf(out, size, _("%s  (day %d of %d)"), day, dayno, ndays);
}

/* The title block: labelled lines with the values wrapped beside. */
static void
title_block(struct kz_buf *b, const struct kz_config *cfg,
    const struct prog *p, int width)
{
	char name[400], d1[64], d2[64], dates[160], place[300], head[500];
	char *att = kz_seminar_format_attendance(&p->sem);
	const char *lab[] = { _("Series"), _("Theme"), _("Dates"), _("Place"),
	    _("Organiser"), _("Co-organisers"), _("Supporters"),
	    _("Attendance"), _("Status") };
	const char *val[9];
	int lw = 0, w[2];

	edition_name(p, name, sizeof name);
	dates[0] = '\0';
	if (p->sem.start[0]) {
		kz_date_format(p->sem.start, cfg ? cfg->date_format : NULL, d1,
		    sizeof d1);
		kz_date_format(p->sem.end, cfg ? cfg->date_format : NULL, d2,
		    sizeof d2);
		snprintf(dates, sizeof dates, "%s - %s", d1, d2);
	}
	kz_seminar_place(&p->sem, place, sizeof place);
	if (p->sem.number > 0)
		snprintf(head, sizeof head, _("%s (edition %d, %d)"),
		    SERIES_NAME(p), p->sem.number, p->sem.year);
	else
		snprintf(head, sizeof head, "%s (%d)", SERIES_NAME(p),
		    p->sem.year);
	val[0] = head;
	val[1] = in_lang(&kz_seminar_type, "theme", &p->sem);
	val[2] = dates;
	val[3] = place;
	val[4] = p->sem.organiser;
	val[5] = p->sem.co_organisers;
	val[6] = p->sem.supporters;
	val[7] = att;
	val[8] = kz_enum_label(&kz_seminar_status_enum, (int)p->sem.status);
	for (int i = 0; i < 9; i++)
		lw = max_width(lw, lab[i]);
	put_row(b, 0, 1, &width, (const char *const[]){ name });
	for (int i = 0; i < width && i < 200; i++)
		kz_buf_puts(b, "=");
	kz_buf_puts(b, "\n");
	w[0] = lw;
	w[1] = width - lw - 2;
	for (int i = 0; i < 9; i++)
		if (val[i] && *val[i])
			put_row(b, 0, 2, w,
			    (const char *const[]){ lab[i], val[i] });
	free(att);
}

int
kz_programme_text(struct kz_db *db, const char *seminar, int width,
    struct kz_buf *out, struct kz_err *err)
{
	struct prog p;
	const struct kz_config *cfg = db->cfg;
	int tw = 0, cw = 0, vw = 0, kw = 0, w[5], under[2], nc = 0, ndays;
	int dayno = 0, rest;
	const char *h[5];
	char head[400], times[16], zones[256] = "";
	bool any_time = false, several_zones = false, narrow;

	if (width < 40)
		width = 40;
	if (prog_load(db, seminar, &p, err))
		return KZ_ERROR;
	title_block(out, cfg, &p, width);
	kz_buf_puts(out, "\n");
	if (p.n == 0) {
		kz_buf_printf(out, "%s\n", _("No programme yet."));
		prog_free(&p);
		return out->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
	}
	/* Columns as wide as their widest cell, within reason; the title
	 * gets the rest and wraps. */
	tw = max_width(0, _("Time"));
	cw = max_width(0, _("City"));
	vw = max_width(0, _("Venue"));
	kw = max_width(0, _("Kind"));
	for (size_t i = 0; i < p.n; i++) {
		const struct kz_item *it = &p.items[i];

		any_time |= it->start[0] != '\0';
		several_zones |= strcmp(it->tz, p.items[0].tz) != 0;
		cw = max_width(cw, it->city);
		vw = max_width(vw, it->venue);
		kw = max_width(kw, _(kz_kind_label(it->kind)));
	}
	tw = any_time ? max_width(tw, "00:00-00:00") : 0;
	if (cw > 16)
		cw = 16;
	if (vw > 24)
		vw = 24;
	rest = width - 2 - (tw ? tw + 2 : 0) - cw - 2 - vw - 2 - kw - 2;
	/* the title is what people read: give it a third of the line */
	while (rest < width / 3 + 4 && (vw > 14 || cw > 10)) {
		if (vw > 14)
			vw--;
		else
			cw--;
		rest++;
	}
	/* Narrow paper: kind and venue go under the title. */
	narrow = rest < 20;
	if (narrow) {
		rest += vw + 2 + kw + 2;
		vw = kw = 0;
		while (rest < 20 && cw > 6) {
			cw--;
			rest++;
		}
	}
	/* the columns in use, in order */
	if (tw)
		w[nc] = tw, h[nc++] = _("Time");
	w[nc] = cw, h[nc++] = _("City");
	if (!narrow) {
		w[nc] = vw, h[nc++] = _("Venue");
		w[nc] = kw, h[nc++] = _("Kind");
	}
	w[nc] = rest > 10 ? rest : 10, h[nc++] = _("Title");
	/* what lines up under the title: kind and venue when narrow, notes */
	under[0] = -2;
	for (int c = 0; c < nc - 1; c++)
		under[0] += w[c] + 2;
	under[1] = w[nc - 1];
	ndays = (int)(kz_date_days(p.items[p.n - 1].date) -
	    kz_date_days(p.items[0].date)) + 1;
	if (p.sem.start[0])
		ndays = (int)(kz_date_days(p.sem.end) -
		    kz_date_days(p.sem.start)) + 1;
	put_row(out, 2, nc, w, h);
	for (size_t i = 0; i < p.n; i++) {
		const struct kz_item *it = &p.items[i];
		const char *v[5];
		int k = 0;

		if (i == 0 || strcmp(it->date, p.items[i - 1].date) != 0) {
			dayno = p.sem.start[0] ? (int)(kz_date_days(it->date) -
			    kz_date_days(p.sem.start)) + 1 : dayno + 1;
			day_heading(cfg, it->date, dayno, ndays, head,
			    sizeof head);
			kz_buf_printf(out, "\n%s\n", head);
		}
		snprintf(times, sizeof times, "%s%s%s", it->start,
		    it->end[0] ? "-" : "", it->end);
		if (tw)
			v[k++] = times;
		v[k++] = it->city;
		if (!narrow) {
			v[k++] = it->venue;
			v[k++] = _(kz_kind_label(it->kind));
		}
		v[k++] = in_lang(&kz_programme_item_type, "title", it);
		put_row(out, 2, nc, w, v);
		if (narrow) {
			snprintf(head, sizeof head, "%s%s%s",
			    _(kz_kind_label(it->kind)), it->venue ? ", " : "",
			    it->venue ? it->venue : "");
			put_row(out, 2, 2, under, (const char *const[]){ "",
			    head });
		}
		if (it->notes)
			put_row(out, 2, 2, under, (const char *const[]){ "",
			    it->notes });
	}
	/* where the times are read */
	for (size_t i = 0; i < p.n; i++) {
		bool seen = false;

		if (!p.items[i].start[0])
			continue;
		for (size_t j = 0; j < i; j++)
			seen |= p.items[j].start[0] &&
			    strcmp(p.items[j].tz, p.items[i].tz) == 0;
		if (!seen && strlen(zones) + strlen(p.items[i].tz) + 3 <
		    sizeof zones)
			snprintf(zones + strlen(zones), sizeof zones -
			    strlen(zones), "%s%s", zones[0] ? ", " : "",
			    p.items[i].tz);
	}
	if (zones[0]) {
		kz_buf_puts(out, "\n");
		snprintf(head, sizeof head, several_zones ? _("Times are local "
		    "times at each venue (%s).") : _("Times are local times "
		    "(%s)."), zones);
		put_row(out, 0, 1, &width, (const char *const[]){ head });
	}
	prog_free(&p);
	return out->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}
