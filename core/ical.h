/* ical.h - the shared iCalendar (RFC 5545) writer for all iCalendar exports. */
/* Programmes, dispatches and later calendars use it: do not add another. */
#ifndef KZ_ICAL_H
#define KZ_ICAL_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "err.h"

/*
 * Usage: kz_ical_init, kz_ical_add for each event, kz_ical_finish to get
 * the whole VCALENDAR (a VTIMEZONE for every zone the events use, made
 * from the system's zoneinfo for the span of those events, then the
 * events), kz_ical_free. Output: CRLF line ends, lines folded at 75
 * octets on UTF-8 character boundaries, TEXT values escaped.
 */

/* One event. Strings may be NULL where they say so. */
struct kz_ical_event {
	const char *uid;	/* stable: "<record id>@kizuna" keeps a re-import
				 * an update, not a copy */
	const char *summary;
	const char *location;	/* NULL: none */
	const char *description;	/* NULL: none */
	const char *categories;	/* one category, NULL: none */
	const char *date;	/* first day, "YYYY-MM-DD" */
	const char *end_date;	/* all-day events: last day (inclusive);
				 * NULL: the same day */
	const char *start;	/* "HH:MM" wall-clock time in tzid; NULL: an
				 * all-day event */
	const char *end;	/* "HH:MM" on the same day, not before start;
				 * NULL: no duration */
	const char *tzid;	/* IANA zone of start and end; NULL or "UTC":
				 * UTC */
	const char *last_modified;	/* "YYYY-MM-DDTHH:MM:SSZ" or NULL */
	int sequence;		/* goes up with every change of the event */
	const char *status;	/* "CONFIRMED", "TENTATIVE", "CANCELLED", NULL */
};

struct kz_ical_zone;

struct kz_ical {
	char name[128];		/* X-WR-CALNAME */
	char stamp[20];		/* DTSTAMP of every event, UTC, basic format */
	struct kz_buf events;
	struct kz_ical_zone *zones;
	size_t nzones;
};

/* name: the calendar's name, shown by calendar programs (may be NULL).
 * DTSTAMP is now (kz_now_utc, so $KIZUNA_NOW pins it for tests). */
void kz_ical_init(struct kz_ical *c, const char *name);
/* Check and add one event; problems (a bad date or time, an unknown
 * zone, an end before the start) go into err and nothing is added. */
int kz_ical_add(struct kz_ical *c, const struct kz_ical_event *ev,
    struct kz_err *err);
/* Append the whole calendar to out. */
int kz_ical_finish(struct kz_ical *c, struct kz_buf *out, struct kz_err *err);
/* Or in pieces, for a calendar too long to hold (its events passed on
 * as they are added, out drained to its sink): the head with the zones
 * its events use, known before they are added (dispatches, all-day,
 * use none); then, after each add, the events held moved to out (an
 * event needing a zone the head lacks is refused, in err); then the
 * end. */
int kz_ical_head(struct kz_ical *c, struct kz_buf *out, struct kz_err *err);
int kz_ical_take(struct kz_ical *c, size_t nzones, struct kz_buf *out,
    struct kz_err *err);
int kz_ical_end(struct kz_buf *out, struct kz_err *err);
void kz_ical_free(struct kz_ical *c);

/* ---- the pieces, for other components ---- */

/* A content line "NAME[;PARAMS]:VALUE" folded and ended with CRLF; the
 * value is written as it is. */
void kz_ical_line(struct kz_buf *b, const char *name, const char *value);
/* The same with value escaped as TEXT (\\ \; \, \n). */
void kz_ical_text(struct kz_buf *b, const char *name, const char *value);
/* VTIMEZONE for zone tzid covering UTC instants [from, to]: a single
 * fixed-offset STANDARD for zones without changes near that span, else
 * every change from a year before to a year after it. */
int kz_ical_vtimezone(struct kz_buf *b, const char *tzid, int64_t from,
    int64_t to, struct kz_err *err);

#endif
