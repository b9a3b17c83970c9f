/* date.c - calendar dates as stored ("YYYY-MM-DD") and shown. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool
kz_date_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
kz_date_month_days(long y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && kz_date_leap(y) ? 29 : d[m - 1];
}

/* Howard Hinnant's days-from-civil algorithm, in its plainest form. */
long
kz_date_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* And its inverse, civil-from-days. */
void
kz_date_split(long z, long *year, int *month, int *day)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

long
kz_date_day_of(int64_t t, long *secs)
{
	/* C division truncates toward zero: step down before 1970 */
	int64_t days = t >= 0 ? t / 86400 : -((-(t + 1)) / 86400) - 1;

	if (secs)
		*secs = (long)(t - days * 86400);
	return (long)days;
}

int
kz_date_weekday(long days)
{
	/* 1970-01-01 was a Thursday */
	return (int)((days % 7 + 11) % 7);
}

static bool
parse(const char *s, int *y, int *m, int *d)
{
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (s[i] < '0' || s[i] > '9')
			return false;
	}
	if (s[10] != '\0')
		return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12 && *d >= 1 &&
	    *d <= kz_date_month_days(*y, *m);
}

bool
kz_date_valid(const char *s)
{
	int y, m, d;
	return s && parse(s, &y, &m, &d);
}

long
kz_date_days(const char *s)
{
	int y, m, d;

	if (!parse(s, &y, &m, &d))
		return 0;
	return kz_date_civil(y, m, d);
}

void
kz_date_from_days(long z, char out[11])
{
	long y;
	int m, d;

	kz_date_split(z, &y, &m, &d);
	if (y < 0 || y > 9999)	/* outside what a date column can hold */
		y = y < 0 ? 0 : 9999;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

bool
kz_date_stamp(const char *s, int64_t *t)
{
	char date[11];
	int hh, mm, ss;

	if (s == NULL || strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z' ||
	    sscanf(s + 11, "%2d:%2d:%2d", &hh, &mm, &ss) != 3)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!kz_date_valid(date))
		return false;
	*t = (int64_t)kz_date_days(date) * 86400 + hh * 3600 + mm * 60 + ss;
	return true;
}

int64_t
kz_date_now(void)
{
	int64_t t;

	if (kz_date_stamp(getenv("KIZUNA_NOW"), &t))
		return t;
	return (int64_t)time(NULL);
}

size_t
kz_date_format(const char *date, const char *pattern, char *out, size_t size)
{
	struct tm tm;
	int y, m, d;

	if (size == 0)
		return 0;
	if (!date || !parse(date, &y, &m, &d) || !pattern || !*pattern) {
		snprintf(out, size, "%s", date ? date : "");
		return strlen(out);
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_wday = kz_date_weekday(kz_date_days(date));
	tm.tm_isdst = -1;
	size_t n = strftime(out, size, pattern, &tm);
	if (n == 0)
		snprintf(out, size, "%s", date);
	return strlen(out);
}
