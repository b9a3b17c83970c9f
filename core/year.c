/* year.c - the office's reporting year, and years or ranges as typed. */
#include "year.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "stamp.h"

int
kz_year_start(const struct kz_config *cfg)
{
	if (cfg && cfg->year_start >= 1 && cfg->year_start <= 12)
		return cfg->year_start;
	return 4;
}

int
kz_year_of(const struct kz_config *cfg, const char *date)
{
	if (!date || !kz_date_valid(date))
		return 0;
	int y = atoi(date), m = atoi(date + 5);

	return m < kz_year_start(cfg) ? y - 1 : y;
}

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

void
kz_year_range(const struct kz_config *cfg, int year, char from[11],
    char to[11])
{
	int m = kz_year_start(cfg);
	/* the last day is the day before the next year's first */
	int ly = m == 1 ? year : year + 1, lm = m == 1 ? 12 : m - 1;

	char b[32];

	/* years are 1900-2199 here; the buffer only quiets the compiler */
	snprintf(b, sizeof b, "%04d-%02d-01", year, m);
	memcpy(from, b, 10);
	from[10] = '\0';
	snprintf(b, sizeof b, "%04d-%02d-%02d", ly, lm, days_in(ly, lm));
	memcpy(to, b, 10);
	to[10] = '\0';
}

int
kz_year_current(const struct kz_config *cfg)
{
	char today[11];

	kz_stamp_today(cfg, today);
	return kz_year_of(cfg, today);
}

/* "2019", "FY2019", "fy 2019", "2019年度", "2019년도" (full-width digits
 * too): the year, or 0. */
static int
year_word(const char *s)
{
	char d[8];
	size_t n = 0;

	while (*s == ' ')
		s++;
	if ((s[0] == 'F' || s[0] == 'f') && (s[1] == 'Y' || s[1] == 'y'))
		for (s += 2; *s == ' '; s++)
			;
	while (*s && n < 5) {
		if (*s >= '0' && *s <= '9')
			d[n++] = *s++;
		else if ((unsigned char)s[0] == 0xEF &&
		    (unsigned char)s[1] == 0xBC &&
		    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
			d[n++] = (char)('0' + s[2] - 0x90);
			s += 3;
		} else
			break;
	}
	if (n != 4)
		return 0;
	d[n] = '\0';
	if (strncmp(s, "年度", strlen("年度")) == 0)
		s += strlen("年度");
	else if (strncmp(s, "년도", strlen("년도")) == 0)
		s += strlen("년도");
	while (*s == ' ')
		s++;
	if (*s)
		return 0;
	int y = atoi(d);
	return y >= 1900 && y <= 2199 ? y : 0;
}

int
kz_year_parse(const struct kz_config *cfg, const char *typed, int *year,
    char from[11], char to[11], const char *where, struct kz_err *err)
{
	char a[64], b[64];
	int y, bad = 0, dots;

	from[0] = to[0] = '\0';
	if (year)
		*year = 0;
	if (!typed || !*typed)
		return kz_err_add(err, where, _("a year is needed, such as "
		    "2019, or dates FROM..TO"));
	if ((dots = kz_date_range_split(typed, a, b, sizeof a)) == 0) {
		if ((y = year_word(typed)) == 0)
			return kz_err_add(err, where, _("\"%s\" is not a year "
			    "(such as 2019, FY2019 or 2019年度) nor dates "
			    "FROM..TO"), typed);
		if (year)
			*year = y;
		kz_year_range(cfg, y, from, to);
		return KZ_OK;
	}
	/* a range: each end a date as the office types it, or open */
	if (dots < 0)
		return kz_err_add(err, where, _("\"%s\" is not dates FROM..TO"),
		    typed);
	if (strspn(a, " ") < strlen(a) && kz_date_parse(a,
	    kz_date_get_order(), from, where, err) != KZ_OK)
		bad = 1;
	if (strspn(b, " ") < strlen(b) && kz_date_parse(b,
	    kz_date_get_order(), to, where, err) != KZ_OK)
		bad = 1;
	if (bad)
		return KZ_ERROR;
	if (!from[0] && !to[0])
		return kz_err_add(err, where, _("\"%s\" gives neither end of "
		    "the range"), typed);
	if (from[0] && to[0] && strcmp(from, to) > 0)
		return kz_err_add(err, where, _("the range ends (%s) before it "
		    "starts (%s)"), to, from);
	return KZ_OK;
}

void
kz_year_name(const struct kz_config *cfg, int year, char *out, size_t size)
{
	if (kz_year_start(cfg) == 1)
		snprintf(out, size, "%d", year);
	else
		/* TRANSLATORS: a fiscal year named by the calendar year it
		 * starts in; ja and zh write "2019年度" */
		snprintf(out, size, _("FY%d"), year);
}

void
kz_year_range_name(const struct kz_config *cfg, const char *from,
    const char *to, char *out, size_t size)
{
	char f[11], t[11], a[64], b[64];
	int y = kz_year_of(cfg, from);

	if (y) {
		kz_year_range(cfg, y, f, t);
		if (strcmp(f, from) == 0 && to && strcmp(t, to) == 0) {
			kz_year_name(cfg, y, out, size);
			return;
		}
	}
	kz_stamp_date(cfg, from ? from : "", a, sizeof a);
	kz_stamp_date(cfg, to ? to : "", b, sizeof b);
	/* an open end: the other one alone, said so */
	if (!from || !*from)
		snprintf(out, size, _("up to %s"), b);
	else if (!to || !*to)
		snprintf(out, size, _("from %s on"), a);
	else
		snprintf(out, size, "%s – %s", a, b);
}
