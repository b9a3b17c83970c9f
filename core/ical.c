/* ical.c - the shared iCalendar (RFC 5545) writer for all iCalendar exports. */
#include "ical.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "i18n.h"
#include "record.h"
#include "text.h"
#include "tz.h"

#ifndef KZ_VERSION
#define KZ_VERSION "0"
#endif

#define ICAL_FOLD 75		/* octets on a line, CRLF not counted */
#define ICAL_YEAR (366 * 86400L)

/* A zone the events use and the span of their times in it. */
struct kz_ical_zone {
	char *name;
	int64_t lo, hi;		/* UTC */
};

/* ---- content lines ---- */

/* Append s folded: a line longer than 75 octets continues on the next
 * after CRLF and a space, never inside a UTF-8 sequence. */
static void
fold(struct kz_buf *b, const char *s, size_t *col)
{
	unsigned cp;
	int k;

	while ((k = kz_utf8_decode(s, &cp)) > 0) {
		if (*col + (size_t)k > ICAL_FOLD) {
			kz_buf_put(b, "\r\n ", 3);
			*col = 1;
		}
		kz_buf_put(b, s, (size_t)k);
		*col += (size_t)k;
		s += k;
	}
}

void
kz_ical_line(struct kz_buf *b, const char *name, const char *value)
{
	size_t col = 0;

	fold(b, name, &col);
	fold(b, ":", &col);
	fold(b, value ? value : "", &col);
	kz_buf_put(b, "\r\n", 2);
}

void
kz_ical_text(struct kz_buf *b, const char *name, const char *value)
{
	struct kz_buf e = { 0 };

	for (const char *p = value ? value : ""; *p; p++) {
		switch (*p) {
		case '\\': kz_buf_puts(&e, "\\\\"); break;
		case ';': kz_buf_puts(&e, "\\;"); break;
		case ',': kz_buf_puts(&e, "\\,"); break;
		case '\n': kz_buf_puts(&e, "\\n"); break;
		default:
			/* TEXT allows no other controls but the tab */
			if ((unsigned char)*p >= 0x20 || *p == '\t')
				kz_buf_put(&e, p, 1);
		}
	}
	kz_ical_line(b, name, kz_buf_str(&e));
	if (e.oom)
		b->oom = true;
	kz_buf_free(&e);
}

/* ---- values ---- */

/* "2019-12-16" and "09:30" (or NULL) as "20191216" or "20191216T093000" */
static void
basic_time(char out[20], const char *date, const char *hhmm)
{
	if (hhmm)
		snprintf(out, 20, "%.4s%.2s%.2sT%.2s%.2s00", date, date + 5,
		    date + 8, hhmm, hhmm + 3);
	else
		snprintf(out, 20, "%.4s%.2s%.2s", date, date + 5, date + 8);
}

/* Seconds (local or UTC) as "YYYYMMDDTHHMMSS". */
static void
basic_secs(char out[20], int64_t t)
{
	char d[11];
	long s, days = kz_date_day_of(t, &s);

	unsigned h = (unsigned)(s / 3600) % 24u, m = (unsigned)(s / 60 % 60);

	kz_date_from_days(days, d);
	snprintf(out, 20, "%.4s%.2s%.2sT%02u%02u%02u", d, d + 5, d + 8, h, m,
	    (unsigned)(s % 60));
}

/* "2019-12-16T01:02:03Z" as "20191216T010203Z" */
static void
basic_stamp(char out[20], const char *iso)
{
	size_t n = 0;

	for (const char *p = iso; *p && n + 1 < 20; p++)
		if (*p != '-' && *p != ':')
			out[n++] = *p;
	out[n] = '\0';
}

static void
utc_offset(char out[8], long off)
{
	long a = off < 0 ? -off : off;
	unsigned h = (unsigned)(a / 3600) % 100u, m = (unsigned)(a / 60 % 60);
	unsigned s = (unsigned)(a % 60);

	/* offsets are under 26 hours: two digits each */
	if (s)
		snprintf(out, 8, "%c%02u%02u%02u", off < 0 ? '-' : '+', h, m, s);
	else
		snprintf(out, 8, "%c%02u%02u", off < 0 ? '-' : '+', h, m);
}

static bool
is_utc(const char *tzid)
{
	return tzid == NULL || *tzid == '\0' || strcmp(tzid, "UTC") == 0;
}

/* ---- time zones ---- */

int
kz_ical_vtimezone(struct kz_buf *b, const char *tzid, int64_t from,
    int64_t to, struct kz_err *err)
{
	struct kz_tz *z = kz_tz_load(tzid, err);
	struct kz_tz_change *ch = NULL;
	size_t n, max;
	char abbr[16], when[20], o1[8], o2[8];
	bool dst;
	long off;

	if (z == NULL)
		return KZ_ERROR;
	/* A year either side: a calendar shows the weeks around too. */
	from -= ICAL_YEAR;
	to += ICAL_YEAR;
	max = kz_tz_changes(z, from, to, NULL, 0);
	if (max && (ch = calloc(max, sizeof *ch)) == NULL) {
		kz_tz_free(z);
		return kz_err_add(err, "", _("out of memory"));
	}
	n = kz_tz_changes(z, from, to, ch, max);
	off = kz_tz_offset(z, from, &dst, abbr);
	kz_ical_line(b, "BEGIN", "VTIMEZONE");
	kz_ical_line(b, "TZID", tzid);
	/* What is in force at the start of the span; from 1970 when the
	 * span starts later, the usual way to write a fixed offset. */
	if (from >= 0)
		snprintf(when, sizeof when, "19700101T000000");
	else
		basic_secs(when, from + off);
	utc_offset(o1, off);
	kz_ical_line(b, "BEGIN", dst ? "DAYLIGHT" : "STANDARD");
	kz_ical_line(b, "DTSTART", when);
	kz_ical_line(b, "TZOFFSETFROM", o1);
	kz_ical_line(b, "TZOFFSETTO", o1);
	kz_ical_text(b, "TZNAME", abbr);
	kz_ical_line(b, "END", dst ? "DAYLIGHT" : "STANDARD");
	for (size_t i = 0; i < n && i < max; i++) {
		/* the onset in the wall-clock time before the change */
		basic_secs(when, ch[i].at + ch[i].from);
		utc_offset(o1, ch[i].from);
		utc_offset(o2, ch[i].to);
		kz_ical_line(b, "BEGIN", ch[i].dst ? "DAYLIGHT" : "STANDARD");
		kz_ical_line(b, "DTSTART", when);
		kz_ical_line(b, "TZOFFSETFROM", o1);
		kz_ical_line(b, "TZOFFSETTO", o2);
		kz_ical_text(b, "TZNAME", ch[i].abbr);
		kz_ical_line(b, "END", ch[i].dst ? "DAYLIGHT" : "STANDARD");
	}
	kz_ical_line(b, "END", "VTIMEZONE");
	free(ch);
	kz_tz_free(z);
	return KZ_OK;
}

/* ---- the calendar ---- */

void
kz_ical_init(struct kz_ical *c, const char *name)
{
	char now[32];

	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s", name ? name : "");
	kz_now_utc(now);
	basic_stamp(c->stamp, now);
}

void
kz_ical_free(struct kz_ical *c)
{
	for (size_t i = 0; i < c->nzones; i++)
		free(c->zones[i].name);
	free(c->zones);
	kz_buf_free(&c->events);
	memset(c, 0, sizeof *c);
}

static int
use_zone(struct kz_ical *c, const char *tzid, int64_t lo, int64_t hi,
    struct kz_err *err)
{
	struct kz_ical_zone *z;

	for (size_t i = 0; i < c->nzones; i++)
		if (strcmp(c->zones[i].name, tzid) == 0) {
			if (lo < c->zones[i].lo)
				c->zones[i].lo = lo;
			if (hi > c->zones[i].hi)
				c->zones[i].hi = hi;
			return KZ_OK;
		}
	if ((z = kz_grow(c->zones, c->nzones, sizeof *z)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	c->zones = z;
	if ((z[c->nzones].name = strdup(tzid)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	z[c->nzones].lo = lo;
	z[c->nzones].hi = hi;
	c->nzones++;
	return KZ_OK;
}

/* Check the event's times; for a timed event in a zone, give the UTC
 * span (for the VTIMEZONE). */
static int
check_times(const struct kz_ical_event *ev, int64_t *lo, int64_t *hi,
    struct kz_err *err)
{
	struct kz_tz *z;
	int64_t a, b;
	int before = err->n + err->dropped;

	if (!kz_date_valid(ev->date))
		kz_err_add(err, "date", _("\"%s\" is not a date YYYY-MM-DD"),
		    ev->date ? ev->date : "");
	if (ev->end_date && (!kz_date_valid(ev->end_date) ||
	    (kz_date_valid(ev->date) && strcmp(ev->end_date, ev->date) < 0)))
		kz_err_add(err, "end_date", _("the last day %s is not a date "
		    "on or after the first"), ev->end_date);
	if (ev->start && kz_time_minutes(ev->start) < 0)
		kz_err_add(err, "start", _("\"%s\" is not a time HH:MM"),
		    ev->start);
	if (ev->end && (!ev->start || kz_time_minutes(ev->end) < 0 ||
	    kz_time_minutes(ev->end) < kz_time_minutes(ev->start)))
		kz_err_add(err, "end", _("the end %s is not a time HH:MM at or "
		    "after the start"), ev->end);
	if (ev->start && ev->end_date && strcmp(ev->end_date, ev->date) != 0)
		kz_err_add(err, "end_date", _("a timed event lasts one day at "
		    "most"));
	if (ev->uid == NULL || *ev->uid == '\0')
		kz_err_add(err, "uid", _("an event needs a UID"));
	if (err->n + err->dropped > before)
		return KZ_ERROR;
	if (!ev->start || is_utc(ev->tzid))
		return KZ_OK;
	if ((z = kz_tz_load(ev->tzid, err)) == NULL)
		return KZ_ERROR;
	kz_tz_utc(z, kz_tz_local(ev->date, ev->start), &a);
	kz_tz_utc(z, kz_tz_local(ev->date, ev->end ? ev->end : ev->start), &b);
	kz_tz_free(z);
	*lo = a;
	*hi = b;
	return KZ_OK;
}

int
kz_ical_add(struct kz_ical *c, const struct kz_ical_event *ev,
    struct kz_err *err)
{
	struct kz_buf *b = &c->events;
	char v[20], name[96], day[11];
	int64_t lo = 0, hi = 0;

	if (check_times(ev, &lo, &hi, err) != KZ_OK)
		return KZ_ERROR;
	if (ev->start && !is_utc(ev->tzid) &&
	    use_zone(c, ev->tzid, lo, hi, err) != KZ_OK)
		return KZ_ERROR;
	kz_ical_line(b, "BEGIN", "VEVENT");
	kz_ical_text(b, "UID", ev->uid);
	kz_ical_line(b, "DTSTAMP", c->stamp);
	if (ev->start == NULL) {
		basic_time(v, ev->date, NULL);
		kz_ical_line(b, "DTSTART;VALUE=DATE", v);
		/* DTEND of a date is the day after the last */
		kz_date_from_days(kz_date_days(ev->end_date ? ev->end_date :
		    ev->date) + 1, day);
		basic_time(v, day, NULL);
		kz_ical_line(b, "DTEND;VALUE=DATE", v);
	} else if (is_utc(ev->tzid)) {
		basic_time(v, ev->date, ev->start);
		strcat(v, "Z");
		kz_ical_line(b, "DTSTART", v);
		if (ev->end) {
			basic_time(v, ev->date, ev->end);
			strcat(v, "Z");
			kz_ical_line(b, "DTEND", v);
		}
	} else {
		snprintf(name, sizeof name, "DTSTART;TZID=%s", ev->tzid);
		basic_time(v, ev->date, ev->start);
		kz_ical_line(b, name, v);
		if (ev->end) {
			snprintf(name, sizeof name, "DTEND;TZID=%s", ev->tzid);
			basic_time(v, ev->date, ev->end);
			kz_ical_line(b, name, v);
		}
	}
	snprintf(v, sizeof v, "%d", ev->sequence > 0 ? ev->sequence : 0);
	kz_ical_line(b, "SEQUENCE", v);
	if (ev->last_modified && *ev->last_modified) {
		basic_stamp(v, ev->last_modified);
		kz_ical_line(b, "LAST-MODIFIED", v);
	}
	kz_ical_text(b, "SUMMARY", ev->summary);
	if (ev->location && *ev->location)
		kz_ical_text(b, "LOCATION", ev->location);
	if (ev->description && *ev->description)
		kz_ical_text(b, "DESCRIPTION", ev->description);
	if (ev->categories && *ev->categories)
		kz_ical_text(b, "CATEGORIES", ev->categories);
	if (ev->status && *ev->status)
		kz_ical_line(b, "STATUS", ev->status);
	kz_ical_line(b, "TRANSP", ev->start ? "OPAQUE" : "TRANSPARENT");
	kz_ical_line(b, "END", "VEVENT");
	if (b->oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_ical_finish(struct kz_ical *c, struct kz_buf *out, struct kz_err *err)
{
	if (kz_ical_head(c, out, err) != KZ_OK ||
	    kz_ical_take(c, c->nzones, out, err) != KZ_OK)
		return KZ_ERROR;
	return kz_ical_end(out, err);
}

int
kz_ical_take(struct kz_ical *c, size_t nzones, struct kz_buf *out,
    struct kz_err *err)
{
	if (c->nzones > nzones)
		return kz_err_add(err, "", _("an event's time zone %s came "
		    "after the calendar's head"), c->zones[nzones].name);
	kz_buf_put(out, kz_buf_str(&c->events), c->events.len);
	c->events.len = 0;
	if (c->events.s)
		c->events.s[0] = '\0';
	if (out->oom || c->events.oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_ical_end(struct kz_buf *out, struct kz_err *err)
{
	kz_ical_line(out, "END", "VCALENDAR");
	if (out->oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

int
kz_ical_head(struct kz_ical *c, struct kz_buf *out, struct kz_err *err)
{
	kz_ical_line(out, "BEGIN", "VCALENDAR");
	kz_ical_line(out, "VERSION", "2.0");
	kz_ical_line(out, "PRODID", "-//CLAIR//kizuna " KZ_VERSION "//EN");
	kz_ical_line(out, "CALSCALE", "GREGORIAN");
	kz_ical_line(out, "METHOD", "PUBLISH");
	if (c->name[0])
		kz_ical_text(out, "X-WR-CALNAME", c->name);
	for (size_t i = 0; i < c->nzones; i++)
		if (kz_ical_vtimezone(out, c->zones[i].name, c->zones[i].lo,
		    c->zones[i].hi, err) != KZ_OK)
			return KZ_ERROR;
	if (out->oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}
