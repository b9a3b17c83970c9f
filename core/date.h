/* date.h - calendar dates as stored ("YYYY-MM-DD") and shown. */
#ifndef KZ_DATE_H
#define KZ_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
/* Format a valid date with a strftime pattern (the office's date format). */
size_t kz_date_format(const char *date, const char *pattern, char *out,
    size_t size);

#endif
