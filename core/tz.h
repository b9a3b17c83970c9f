/* tz.h - IANA time zones from the system's zoneinfo files (TZif, RFC 8536). */
#ifndef KZ_TZ_H
#define KZ_TZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "err.h"

/*
 * A zone as the tz database describes it: the table of past changes and
 * the POSIX rule (the file's footer) for times after the table. Times
 * are seconds since 1970-01-01 00:00 UTC; "local" times are wall-clock
 * times counted the same way (days * 86400 + seconds of the day).
 */
struct kz_tz;

/* One change of a zone's offset (or of its daylight-saving flag). */
struct kz_tz_change {
	int64_t at;		/* UTC instant of the change */
	long from, to;		/* offsets east of UTC, seconds */
	bool dst;		/* the new time is daylight-saving time */
	char abbr[16];		/* the new abbreviation, e.g. "CEST", "+08" */
};

/* Load a zone by name ("Asia/Tokyo"), from $TZDIR or /usr/share/zoneinfo;
 * "UTC" works without the files. NULL with err on failure. */
struct kz_tz *kz_tz_load(const char *name, struct kz_err *err);
void kz_tz_free(struct kz_tz *z);
const char *kz_tz_name(const struct kz_tz *z);

/* True if name is spelled like a tz database name (no "..", no leading
 * slash, only the characters the database uses). at, if not NULL, is
 * set to the offset of a character no name uses, where that is what is
 * wrong. */
bool kz_tz_name_ok(const char *name, size_t *at);

/* Offset east of UTC in seconds at UTC instant t; dst and abbr (16 bytes)
 * may be NULL. */
long kz_tz_offset(const struct kz_tz *z, int64_t t, bool *dst, char *abbr);

/* The UTC instant of a local wall-clock time. Returns 0; 1 if the local
 * time does not exist (clocks went forward over it: *utc is read with
 * the offset before the change); 2 if it happens twice (clocks went
 * back: *utc is the first). */
int kz_tz_utc(const struct kz_tz *z, int64_t local, int64_t *utc);

/* The changes in [from, to), in order, at most max of them; returns how
 * many there are in all (which may be more than max). */
size_t kz_tz_changes(const struct kz_tz *z, int64_t from, int64_t to,
    struct kz_tz_change *out, size_t max);

/* Local seconds of a date "YYYY-MM-DD" and a time "HH:MM" (NULL: 00:00). */
int64_t kz_tz_local(const char *date, const char *hhmm);

#endif
