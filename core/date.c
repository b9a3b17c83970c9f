/* date.c - calendar dates as stored ("YYYY-MM-DD") and shown. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "i18n.h"
#include "text.h"

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
	/* the digits are checked: no atoi (a list formats a date a row) */
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12 && *d >= 1 &&
	    *d <= kz_date_month_days(*y, *m);
}

bool
kz_date_valid(const char *s)
{
	int y, m, d;
	return s && parse(s, &y, &m, &d);
}

int
kz_date_range_split(const char *s, char *from, char *to, size_t size)
{
	const char *dots = strstr(s, "..");
	size_t n = dots ? (size_t)(dots - s) : 0;

	if (dots == NULL) {
		snprintf(from, size, "%s", s);
		snprintf(to, size, "%s", "");
		return 0;
	}
	if (n >= size || strlen(dots + 2) >= size) {
		from[0] = to[0] = '\0';
		return -1;
	}
	memcpy(from, s, n);
	from[n] = '\0';
	snprintf(to, size, "%s", dots + 2);
	return 1;
}

bool
kz_date_before(const char *a, const char *b)
{
	return kz_date_valid(a) && kz_date_valid(b) && strcmp(a, b) < 0;
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

static bool pinned;
static int64_t pinned_at;

bool
kz_date_pin(const char *stamp)
{
	int64_t t;

	if (stamp == NULL) {
		pinned = false;
		return true;
	}
	if (!kz_date_stamp(stamp, &t))
		return false;
	pinned = true;
	pinned_at = t;
	return true;
}

int64_t
kz_date_now(void)
{
	int64_t t;

	if (pinned)
		return pinned_at;
	if (kz_date_stamp(getenv("KIZUNA_NOW"), &t))
		return t;
	return (int64_t)time(NULL);
}

/* ---- dates as people type them ---- */

enum kz_date_order
kz_date_order_of(const char *p)
{
	int at[3] = { -1, -1, -1 };	/* where Y, M and D first appear */

	for (int i = 0; p && p[i]; i++) {
		int j = i + 1, k = -1;

		if (p[i] != '%')
			continue;
		while (p[j] && strchr("_-0^#EO", p[j]))
			j++;
		switch (p[j]) {
		case 'Y': case 'y': case 'C': case 'G': case 'g': k = 0; break;
		case 'm': case 'b': case 'B': case 'h': k = 1; break;
		case 'd': case 'e': k = 2; break;
		case 'D': case 'x':	/* %m/%d/%y */
			return at[0] < 0 ? KZ_DATE_MDY : KZ_DATE_YMD;
		case 'F':
			return KZ_DATE_YMD;
		default: break;
		}
		if (k >= 0 && at[k] < 0)
			at[k] = i;
		i = p[j] ? j : j - 1;
	}
	if (at[1] < 0 || at[2] < 0)
		return KZ_DATE_YMD;
	if (at[2] < at[1] && (at[0] < 0 || at[0] > at[1]))
		return KZ_DATE_DMY;
	if (at[1] < at[2] && (at[0] < 0 || at[0] > at[2]))
		return KZ_DATE_MDY;
	return KZ_DATE_YMD;
}

static const char *const order_names[] = { "YMD", "DMY", "MDY" };

const char *
kz_date_order_name(enum kz_date_order o)
{
	return order_names[o <= KZ_DATE_MDY ? o : 0];
}

int
kz_date_order_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcasecmp(s, order_names[i]) == 0)
			return i;
	return -1;
}

/* Process-wide, as the language of messages is: every date field of
 * every record type reads text through kz_rfield_set, which has no
 * configuration to hand. */
static enum kz_date_order office_order = KZ_DATE_YMD;

void
kz_date_set_order(enum kz_date_order o)
{
	office_order = o <= KZ_DATE_MDY ? o : KZ_DATE_YMD;
}

enum kz_date_order
kz_date_get_order(void)
{
	return office_order;
}

const char *
kz_date_forms(enum kz_date_order o)
{
	switch (o) {
	case KZ_DATE_DMY:
		return "2027-01-31, 31/01/2027, 31.01.2027, 31 Jan 2027, "
		    "2027年1月31日";
	case KZ_DATE_MDY:
		return "2027-01-31, 01/31/2027, Jan 31, 2027, 31 Jan 2027, "
		    "2027年1月31日";
	default:
		return "2027-01-31, 2027/1/31, 2027年1月31日, 31 Jan 2027, "
		    "Jan 31, 2027";
	}
}

enum { T_NUM, T_WORD, T_SEP, T_Y, T_M, T_D };

struct tok {
	int type;
	long num;		/* T_NUM */
	int digits;		/* T_NUM */
	char sep;		/* T_SEP: '-', '/' or '.' */
	char word[24];		/* T_WORD, lower case, UTF-8 */
};

#define NTOK 8

/* Month names in English and French, full and shortened, lower case;
 * the point after an abbreviation is dropped before looking. */
static const char *const month_words[12][7] = {
	{ "jan", "january", "janv", "janvier" },
	{ "feb", "february", "fév", "fev", "févr", "fevr", "février" },
	{ "mar", "march", "mars" },
	{ "apr", "april", "avr", "avril" },
	{ "may", "mai" },
	{ "jun", "june", "juin" },
	{ "jul", "july", "juil", "juillet" },
	{ "aug", "august", "août", "aout" },
	{ "sep", "sept", "september", "septembre" },
	{ "oct", "october", "octobre" },
	{ "nov", "november", "novembre" },
	{ "dec", "december", "déc", "décembre", "decembre" },
};

static int
month_of(const char *w)
{
	for (int m = 0; m < 12; m++)
		for (int i = 0; i < 7 && month_words[m][i]; i++)
			if (strcmp(w, month_words[m][i]) == 0)
				return m + 1;
	return 0;
}

/* Append a code point to a word, lower case (ASCII and Latin-1). */
static bool
word_add(char *w, size_t size, unsigned cp)
{
	size_t n = strlen(w);

	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE &&
	    cp != 0xD7))
		cp += 0x20;
	if (n + 3 >= size)
		return false;
	n += (size_t)kz_utf8_encode(cp, w + n);	/* at most two bytes */
	w[n] = '\0';
	return true;
}

/* Split s into numbers, words, separators and the CJK year, month and
 * day marks; white space and commas only part them. -1 if s holds
 * something no date has. */
static int
tokens(const char *s, struct tok *t)
{
	int n = 0, k;
	unsigned cp;
	bool open = false;	/* the last token may grow */

	while ((k = kz_utf8_decode(s, &cp)) > 0) {
		int type = -1;
		char sep = 0;

		s += k;
		if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full width */
			cp -= 0xFEE0;
		if (cp >= '0' && cp <= '9') {
			if (!open || t[n - 1].type != T_NUM) {
				if (n == NTOK)
					return -1;
				t[n++] = (struct tok){ .type = T_NUM };
			}
			if (t[n - 1].digits < 9)
				t[n - 1].num = t[n - 1].num * 10 + (cp - '0');
			t[n - 1].digits++;
			open = true;
			continue;
		}
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)) {
			if (!open || t[n - 1].type != T_WORD) {
				if (n == NTOK)
					return -1;
				t[n++] = (struct tok){ .type = T_WORD };
			}
			if (!word_add(t[n - 1].word, sizeof t[n - 1].word, cp))
				return -1;
			open = true;
			continue;
		}
		open = false;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == ',' ||
		    cp == 0x3001)
			continue;
		if (cp == '.' && n > 0 && t[n - 1].type == T_WORD)
			continue;	/* "janv." */
		if (cp == '-' || cp == '/' || cp == '.')
			type = T_SEP, sep = (char)cp;
		else if (cp == 0x5E74 || cp == 0xB144)	/* 年 년 */
			type = T_Y;
		else if (cp == 0x6708 || cp == 0xC6D4)	/* 月 월 */
			type = T_M;
		else if (cp == 0x65E5 || cp == 0xC77C)	/* 日 일 */
			type = T_D;
		else
			return -1;
		if (n == NTOK)
			return -1;
		t[n++] = (struct tok){ .type = type, .sep = sep };
	}
	return n;
}

static bool
num(const struct tok *t, int maxdigits)
{
	return t->type == T_NUM && t->digits <= maxdigits;
}

static bool
year(const struct tok *t)
{
	return t->type == T_NUM && t->digits == 4;
}

/* The year, month and day s writes, whatever the order: 1 found, 0 not
 * a form kz_date_parse knows, 2 day and month could be either way
 * round (m and d read day first), 3 the number in the month's place
 * (by the office's order) is no month. */
static int
read_form(const struct tok *t, int n, enum kz_date_order o, long *y,
    long *m, long *d)
{
	struct tok w[NTOK];
	int nw = 0, mon;

	/* 2027年1月5日, 2027년 1월 5일 */
	if ((n == 5 || n == 6) && year(&t[0]) && t[1].type == T_Y &&
	    num(&t[2], 2) && t[3].type == T_M && num(&t[4], 2) &&
	    (n == 5 || t[5].type == T_D)) {
		*y = t[0].num, *m = t[2].num, *d = t[4].num;
		return 1;
	}
	/* Korean writes 2027. 1. 5. with a last point */
	if (n == 6 && year(&t[0]) && t[1].type == T_SEP && t[1].sep == '.' &&
	    t[5].type == T_SEP && t[5].sep == '.')
		n = 5;
	/* 2027-01-05, 2027/1/5, 2027.1.5; 05/01/2027 in the office's order */
	if (n == 5 && t[0].type == T_NUM && t[1].type == T_SEP &&
	    num(&t[2], 2) && t[3].type == T_SEP && t[1].sep == t[3].sep &&
	    t[4].type == T_NUM) {
		if (year(&t[0]) && num(&t[4], 2)) {
			*y = t[0].num, *m = t[2].num, *d = t[4].num;
			return 1;
		}
		if (!num(&t[0], 2) || !year(&t[4]))
			return 0;
		*y = t[4].num;
		if (o == KZ_DATE_DMY || o == KZ_DATE_MDY) {
			*d = o == KZ_DATE_DMY ? t[0].num : t[2].num;
			*m = o == KZ_DATE_DMY ? t[2].num : t[0].num;
			return *m >= 1 && *m <= 12 ? 1 : 3;
		}
		/* an office that writes the year first: only if one reading
		 * alone is a date */
		bool dm = t[2].num >= 1 && t[2].num <= 12,
		    md = t[0].num >= 1 && t[0].num <= 12;
		*d = dm ? t[0].num : t[2].num;
		*m = dm ? t[2].num : t[0].num;
		return dm && md && t[0].num != t[2].num ? 2 : 1;
	}
	/* 5 Jan 2027, Jan 5, 2027, 5-Jan-2027, 1er janvier 2027 */
	for (int i = 0; i < n; i++)
		if (t[i].type != T_SEP && !(t[i].type == T_WORD && i == 1 &&
		    t[0].type == T_NUM && strcmp(t[i].word, "er") == 0))
			w[nw++] = t[i];
	if (nw == 3 && num(&w[0], 2) && w[1].type == T_WORD &&
	    year(&w[2]) && (mon = month_of(w[1].word)) > 0) {
		*y = w[2].num, *m = mon, *d = w[0].num;
		return 1;
	}
	if (nw == 3 && w[0].type == T_WORD && num(&w[1], 2) &&
	    year(&w[2]) && (mon = month_of(w[0].word)) > 0) {
		*y = w[2].num, *m = mon, *d = w[1].num;
		return 1;
	}
	return 0;
}

int
kz_date_parse(const char *s, enum kz_date_order o, char out[11],
    const char *where, struct kz_err *err)
{
	struct tok t[NTOK];
	long y = 0, m = 0, d = 0;
	int n = s ? tokens(s, t) : -1, r;
	char a[11], b[11];

	out[0] = '\0';
	r = n > 0 ? read_form(t, n, o, &y, &m, &d) : 0;
	if (r == 0)
		return kz_err_add(err, where, _("\"%s\" is not a date; write it "
		    "as one of %s"), s ? s : "", kz_date_forms(o));
	if (r == 3)
		return kz_err_add(err, where, _("\"%s\" is not a date: this "
		    "office writes the %s first (%s)"), s, o == KZ_DATE_DMY ?
		    _("day") : _("month"), o == KZ_DATE_DMY ? "DD/MM/YYYY" :
		    "MM/DD/YYYY");
	if (y < 1900 || y > 2199)
		return kz_err_add(err, where, _("\"%s\" is not a date: the year "
		    "must be 1900 to 2199"), s);
	if (m < 1 || m > 12)
		return kz_err_add(err, where, _("\"%s\" is not a date: there is "
		    "no month %ld"), s, m);
	if (d < 1 || d > kz_date_month_days(y, (int)m))
		return kz_err_add(err, where, _("\"%s\" is not a date: "
		    "%04ld-%02ld has %d days"), s, y, m,
		    kz_date_month_days(y, (int)m));
	if (r == 2) {
		/* read day first; the other way round both are <= 12 */
		kz_date_from_days(kz_date_civil(y, (int)m, (int)d), a);
		kz_date_from_days(kz_date_civil(y, (int)d, (int)m), b);
		return kz_err_add(err, where, _("\"%s\" could be %s or %s: "
		    "write it as YYYY-MM-DD"), s, a, b);
	}
	kz_date_from_days(kz_date_civil(y, (int)m, (int)d), out);
	return KZ_OK;
}

/* pattern in out for y-m-d when it holds no conversion but %Y, %m, %d
 * and %%: every date of a list or a calendar is written so (strftime
 * cost ten times as much); false for any other, out left as it is. */
static bool
numeric(const char *pattern, int y, int m, int d, char *out, size_t size)
{
	size_t o = 0;

	if (y < 1000 || y > 9999)	/* as strftime's %Y writes them */
		return false;
	for (const char *p = pattern; *p; p++) {
		char c = *p == '%' ? *++p : '\0';
		int v = c == 'Y' ? y : c == 'm' ? m : c == 'd' ? d : -1, n =
		    c == 'Y' ? 4 : 2;

		if (*p == '\0' || (c != '\0' && c != '%' && v < 0))
			return false;
		if (o + (v >= 0 ? (size_t)n : 1) >= size)
			return false;
		if (v < 0) {
			out[o++] = *p;
			continue;
		}
		for (int i = n - 1; i >= 0; i--, v /= 10)
			out[o + (size_t)i] = (char)('0' + v % 10);
		o += (size_t)n;
	}
	out[o] = '\0';
	return true;
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
	if (numeric(pattern, y, m, d, out, size))
		return strlen(out);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_wday = kz_date_weekday(kz_date_civil(y, m, d));
	tm.tm_isdst = -1;
	size_t n = strftime(out, size, pattern, &tm);
	if (n == 0)
		snprintf(out, size, "%s", date);
	return strlen(out);
}
