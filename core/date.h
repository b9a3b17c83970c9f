/* date.h - calendar dates as stored ("YYYY-MM-DD") and shown. */
#ifndef KZ_DATE_H
#define KZ_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "err.h"

/*
 * Integer calendar arithmetic, proleptic Gregorian, for any year; day
 * numbers count from 1970-01-01 (day 0) and are negative before it.
 * Every other file does its date arithmetic with these.
 */
bool kz_date_leap(long year);
/* Days in a month (1-12) of a year. */
int kz_date_month_days(long year, int month);
/* The day number of year-month-day (the month and day in range). */
long kz_date_civil(long year, int month, int day);
/* The year, month and day of a day number. */
void kz_date_split(long days, long *year, int *month, int *day);
/* The day number of an instant in seconds since 1970-01-01 00:00,
 * rounded down (also before 1970); *secs (may be NULL) gets the seconds
 * into that day, 0-86399. */
long kz_date_day_of(int64_t t, long *secs);
/* The weekday of a day number: 0 Sunday to 6 Saturday. */
int kz_date_weekday(long days);

/* True if s is exactly a real calendar date "YYYY-MM-DD" (1900..2199). */
bool kz_date_valid(const char *s);
/* A range "FROM..TO" as typed, split at its first "..": its ends as they
 * are (blank where left open) into from and to, size bytes each; 1, or
 * -1 (both "") when an end does not fit. Text without the dots is one end: as
 * much of it as fits in from, to "", 0. */
int kz_date_range_split(const char *s, char *from, char *to, size_t size);
/* True if a and b are both such dates and a is the earlier: what a
 * check of two days in order refuses (an end before its start). */
bool kz_date_before(const char *a, const char *b);
/* Days since 1970-01-01 of a valid date. */
long kz_date_days(const char *s);
/* The date `days` after 1970-01-01 as "YYYY-MM-DD". */
void kz_date_from_days(long days, char out[11]);
/* The instant of an audit stamp "2026-11-21T08:00:00Z" (UTC), in seconds
 * since 1970-01-01 00:00; false if s is no such stamp. */
bool kz_date_stamp(const char *s, int64_t *t);
/* The time now, seconds since 1970-01-01 00:00 UTC; tests pin it with
 * $KIZUNA_NOW ("2026-11-21T08:00:00Z"). Which day that is where the
 * office is: kz_stamp_today. */
int64_t kz_date_now(void);
/* Stop the clock at stamp (kz_date_stamp's form) until called with
 * NULL: the demo (demo.h), made alike whenever it is made. It wins over
 * $KIZUNA_NOW. False, and the clock unchanged, if stamp is no stamp. */
bool kz_date_pin(const char *stamp);
/*
 * Dates as people type them. The order an office writes day, month and
 * year in decides what "01/02/2027" is: 1 February where people write
 * day first (DMY), 2 January where they write month first (MDY).
 */
enum kz_date_order { KZ_DATE_YMD, KZ_DATE_DMY, KZ_DATE_MDY };

/* The order of a strftime pattern's day, month and year ("%d %b %Y":
 * DMY, "%m/%d/%Y": MDY); YMD when it says no other. */
enum kz_date_order kz_date_order_of(const char *pattern);
/* The order's name, "YMD", "DMY" or "MDY", and back (-1 if none). */
const char *kz_date_order_name(enum kz_date_order o);
int kz_date_order_parse(const char *s);

/* The office's order for every date read from text in this process
 * (record fields, options, files, filters), like the language of
 * messages: set once the configuration is read. YMD until then. */
void kz_date_set_order(enum kz_date_order o);
enum kz_date_order kz_date_get_order(void);

/* Read a date in any of the forms people type, into "YYYY-MM-DD":
 * ISO 2027-01-05 always; 2027/1/5, 2027.1.5; 2027年1月5日 (日 optional,
 * full-width digits too), 2027년 1월 5일 and 2027. 1. 5.; 5 Jan 2027,
 * Jan 5, 2027, 5 janvier 2027, 5 janv. 2027; 05/01/2027, 05.01.2027 and
 * 05-01-2027
 * in the office's order (DMY or MDY; an office writing YMD takes them
 * when only one reading is a date). Surrounding spaces are ignored.
 * A problem goes into err under where, showing the forms it takes. */
int kz_date_parse(const char *s, enum kz_date_order o, char out[11],
    const char *where, struct kz_err *err);
/* The forms an order reads, for hints and messages:
 * "2027-01-31, 31/01/2027, 31.01.2027, 31 Jan 2027, 2027年1月31日". */
const char *kz_date_forms(enum kz_date_order o);

/* Format a valid date with a strftime pattern (the office's date format). */
size_t kz_date_format(const char *date, const char *pattern, char *out,
    size_t size);

#endif
