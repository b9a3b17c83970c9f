/* tz.c - IANA time zones from the system's zoneinfo files (TZif, RFC 8536). */
#include "tz.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "file.h"
#include "i18n.h"

/*
 * Why not setenv("TZ") and mktime: core is a library, and changing the
 * process's zone under its caller (the screens draw times too) is a
 * surprise; nor does the C library say what the rule is, which a
 * VTIMEZONE must spell out. The files are small and the format simple.
 */

#define TZ_MAXFILE (1 << 20)

struct tz_type {
	long off;
	bool dst;
	char abbr[16];
};

/* A POSIX TZ rule date: Mm.w.d, Jn or n, and the local time of day. */
struct tz_when {
	char kind;		/* 'M', 'J' or 'n' */
	int m, w, d, n;
	long secs;
};

struct tz_rule {
	bool present;
	struct tz_type std, dst;
	bool has_dst;
	struct tz_when start, end;
};

struct kz_tz {
	char name[64];
	int64_t *at;		/* transitions, ascending */
	unsigned char *idx;	/* type of each transition */
	size_t nat;
	struct tz_type *type;
	size_t ntype;
	struct tz_rule rule;	/* after the last transition */
};

bool
kz_tz_name_ok(const char *v, size_t *at)
{
	size_t n = v ? strlen(v) : 0;

	/* The name becomes a path: no "..", no leading slash. */
	if (n == 0 || n >= 64 || v[0] == '/' || v[n - 1] == '/')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		bool start = i == 0 || v[i - 1] == '/';

		if ((c == '/' || c == '.') && start)
			return false;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+' ||
		    c == '/' || c == '.')) {
			if (at)
				*at = i;
			return false;
		}
	}
	return true;
}

const char *
kz_tz_name(const struct kz_tz *z)
{
	return z->name;
}

void
kz_tz_free(struct kz_tz *z)
{
	if (z == NULL)
		return;
	free(z->at);
	free(z->idx);
	free(z->type);
	free(z);
}

/* ---- the POSIX rule in the footer ---- */

static const char *
rule_name(const char *p, char out[16])
{
	size_t n = 0;

	if (*p == '<') {
		for (p++; *p && *p != '>'; p++)
			if (n + 1 < 16)
				out[n++] = *p;
		if (*p != '>')
			return NULL;
		p++;
	} else
		for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++)
			if (n + 1 < 16)
				out[n++] = *p;
	out[n] = '\0';
	return n >= 1 ? p : NULL;
}

/* [+-]hh[:mm[:ss]], hours up to 167 (RFC 8536 extension) */
static const char *
rule_secs(const char *p, long *out)
{
	long sign = 1, v[3] = { 0, 0, 0 };
	int k = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (*p < '0' || *p > '9')
		return NULL;
	for (;;) {
		while (*p >= '0' && *p <= '9')
			v[k] = v[k] * 10 + (*p++ - '0');
		if (*p != ':' || k == 2)
			break;
		p++;
		k++;
	}
	if (v[0] > 167 || v[1] > 59 || v[2] > 59)
		return NULL;
	*out = sign * (v[0] * 3600 + v[1] * 60 + v[2]);
	return p;
}

static const char *
rule_when(const char *p, struct tz_when *w)
{
	w->secs = 7200;
	if (*p == 'M') {
		w->kind = 'M';
		if (sscanf(p + 1, "%d.%d.%d", &w->m, &w->w, &w->d) != 3 ||
		    w->m < 1 || w->m > 12 || w->w < 1 || w->w > 5 || w->d < 0 ||
		    w->d > 6)
			return NULL;
		p += strspn(p + 1, "0123456789.") + 1;
	} else {
		w->kind = *p == 'J' ? 'J' : 'n';
		if (*p == 'J')
			p++;
		if (*p < '0' || *p > '9')
			return NULL;
		w->n = atoi(p);
		p += strspn(p, "0123456789");
		if (w->n > 365 || (w->kind == 'J' && w->n < 1))
			return NULL;
	}
	if (*p == '/' && (p = rule_secs(p + 1, &w->secs)) == NULL)
		return NULL;
	return p;
}

static bool
rule_parse(const char *s, struct tz_rule *r)
{
	const char *p = s;
	long v;

	memset(r, 0, sizeof *r);
	if (*p == '\0')
		return true;	/* no rule: the table covers everything */
	if ((p = rule_name(p, r->std.abbr)) == NULL ||
	    (p = rule_secs(p, &v)) == NULL)
		return false;
	r->std.off = -v;	/* POSIX counts west of Greenwich */
	r->present = true;
	if (*p == '\0')
		return true;
	if ((p = rule_name(p, r->dst.abbr)) == NULL)
		return false;
	r->has_dst = true;
	r->dst.dst = true;
	r->dst.off = r->std.off + 3600;
	if (*p != ',' && *p != '\0') {
		if ((p = rule_secs(p, &v)) == NULL)
			return false;
		r->dst.off = -v;
	}
	if (*p == '\0') {
		/* POSIX leaves the default to the system; glibc's is the
		 * United States rule. */
		r->start = (struct tz_when){ 'M', 3, 2, 0, 0, 7200 };
		r->end = (struct tz_when){ 'M', 11, 1, 0, 0, 7200 };
		return true;
	}
	if (*p++ != ',' || (p = rule_when(p, &r->start)) == NULL ||
	    *p++ != ',' || (p = rule_when(p, &r->end)) == NULL)
		return false;
	return *p == '\0';
}

/* Local seconds of a rule date in year y. */
static int64_t
rule_local(const struct tz_when *w, long y)
{
	long day;

	if (w->kind == 'M') {
		long first = kz_date_civil(y, w->m, 1);
		int wd1 = kz_date_weekday(first);	/* 0 Sunday */
		int len = kz_date_month_days(y, w->m);
		int dom = 1 + (w->d - wd1 + 7) % 7 + (w->w - 1) * 7;

		while (dom > len)
			dom -= 7;
		day = first + dom - 1;
	} else if (w->kind == 'J')
		day = kz_date_civil(y, 1, 1) + w->n - 1 +
		    (kz_date_leap(y) && w->n >= 60);
	else
		day = kz_date_civil(y, 1, 1) + w->n;
	return (int64_t)day * 86400 + w->secs;
}

/* The year of a UTC instant read with an offset. */
static long
year_of(int64_t t)
{
	long y;
	int m, d;

	kz_date_split(kz_date_day_of(t, NULL), &y, &m, &d);
	return y;
}

static void
rule_year(const struct tz_rule *r, long y, int64_t *start, int64_t *end)
{
	/* start is given in standard time, end in daylight time */
	*start = rule_local(&r->start, y) - r->std.off;
	*end = rule_local(&r->end, y) - r->dst.off;
}

static const struct tz_type *
rule_at(const struct tz_rule *r, int64_t t)
{
	int64_t s, e;

	if (!r->has_dst)
		return &r->std;
	rule_year(r, year_of(t + r->std.off), &s, &e);
	if (s < e)
		return t >= s && t < e ? &r->dst : &r->std;
	return t >= e && t < s ? &r->std : &r->dst;	/* southern */
}

/* ---- the file ---- */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static bool
parse_tzif(struct kz_tz *z, const unsigned char *b, size_t len)
{
	size_t cnt[6], body, tsize = 4, off = 0;
	int pass = 0;

again:
	if (len - off < 44 || memcmp(b + off, "TZif", 4) != 0)
		return false;
	for (int i = 0; i < 6; i++)
		cnt[i] = be32(b + off + 20 + 4 * i);
	/* isutcnt isstdcnt leapcnt timecnt typecnt charcnt */
	if (cnt[3] > 10000 || cnt[4] == 0 || cnt[4] > 256 || cnt[5] > 1024)
		return false;
	body = cnt[3] * tsize + cnt[3] + cnt[4] * 6 + cnt[5] +
	    cnt[2] * (tsize + 4) + cnt[1] + cnt[0];
	if (len - off - 44 < body)
		return false;
	/* Version 2 and later repeat the data with 64-bit times: use those. */
	if (pass == 0 && b[off + 4] >= '2') {
		off += 44 + body;
		tsize = 8;
		pass = 1;
		goto again;
	}
	const unsigned char *p = b + off + 44;
	const unsigned char *types = p + cnt[3] * tsize + cnt[3];
	const unsigned char *chars = types + cnt[4] * 6;

	z->nat = cnt[3];
	z->ntype = cnt[4];
	z->at = calloc(z->nat + 1, sizeof *z->at);
	z->idx = calloc(z->nat + 1, 1);
	z->type = calloc(z->ntype, sizeof *z->type);
	if (!z->at || !z->idx || !z->type)
		return false;
	for (size_t i = 0; i < z->nat; i++) {
		z->at[i] = tsize == 8 ? be64(p + 8 * i) :
		    (int32_t)be32(p + 4 * i);
		z->idx[i] = p[z->nat * tsize + i];
		if (z->idx[i] >= z->ntype || (i && z->at[i] <= z->at[i - 1]))
			return false;
	}
	for (size_t i = 0; i < z->ntype; i++) {
		const unsigned char *t = types + 6 * i;
		size_t ai = t[5];

		z->type[i].off = (int32_t)be32(t);
		z->type[i].dst = t[4] != 0;
		if (ai >= cnt[5])
			return false;
		snprintf(z->type[i].abbr, sizeof z->type[i].abbr, "%.*s",
		    (int)strnlen((const char *)chars + ai, cnt[5] - ai),
		    chars + ai);
	}
	if (pass == 1) {
		const char *f = (const char *)b + off + 44 + body;
		size_t flen = len - off - 44 - body;
		char rule[128];
		const char *nl;

		if (flen < 2 || f[0] != '\n' ||
		    (nl = memchr(f + 1, '\n', flen - 1)) == NULL ||
		    (size_t)(nl - f - 1) >= sizeof rule)
			return false;
		snprintf(rule, sizeof rule, "%.*s", (int)(nl - f - 1), f + 1);
		if (!rule_parse(rule, &z->rule))
			return false;
	}
	return true;
}

struct kz_tz *
kz_tz_load(const char *name, struct kz_err *err)
{
	struct kz_tz *z;
	const char *dir = getenv("TZDIR");
	char path[PATH_MAX];
	unsigned char *buf = NULL;
	size_t len = 0;

	if (!kz_tz_name_ok(name, NULL)) {
		kz_err_add(err, "", _("\"%s\" is not a time zone name such as "
		    "Asia/Tokyo or UTC"), name ? name : "");
		return NULL;
	}
	if ((z = calloc(1, sizeof *z)) == NULL) {
		kz_err_add(err, "", _("out of memory"));
		return NULL;
	}
	snprintf(z->name, sizeof z->name, "%s", name);
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((buf = (unsigned char *)kz_file_read(path, TZ_MAXFILE, &len)) ==
	    NULL && errno == ENOMEM)
		goto oom;
	/* There but not read whole (a directory, too large): not a zone
	 * file; not there at all: an unknown zone, or UTC without files. */
	if (buf == NULL && errno != EISDIR && errno != EFBIG && errno != EIO) {
		if (strcmp(name, "UTC") == 0) {
			/* no zoneinfo installed: UTC needs none */
			z->type = calloc(1, sizeof *z->type);
			if (z->type == NULL)
				goto oom;
			z->ntype = 1;
			snprintf(z->type[0].abbr, 16, "UTC");
			return z;
		}
		kz_err_add(err, "", _("unknown time zone \"%s\" (not in %s)"),
		    name, dir);
		goto fail;
	}
	if (!parse_tzif(z, buf, len)) {
		kz_err_add(err, "", _("time zone \"%s\": %s is not a zoneinfo "
		    "file this kizuna can read"), name, path);
		goto fail;
	}
	free(buf);
	return z;
oom:
	kz_err_add(err, "", _("out of memory"));
fail:
	free(buf);
	kz_tz_free(z);
	return NULL;
}

/* ---- questions ---- */

static const struct tz_type *
type_at(const struct kz_tz *z, int64_t t)
{
	size_t lo = 0, hi = z->nat;

	if (z->nat == 0 || t < z->at[0]) {
		if (z->nat == 0 && z->rule.present)
			return rule_at(&z->rule, t);
		return &z->type[0];
	}
	if (t >= z->at[z->nat - 1] && z->rule.present)
		return rule_at(&z->rule, t);
	while (hi - lo > 1) {	/* the last transition at or before t */
		size_t mid = (lo + hi) / 2;
		if (z->at[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return &z->type[z->idx[lo]];
}

long
kz_tz_offset(const struct kz_tz *z, int64_t t, bool *dst, char *abbr)
{
	const struct tz_type *ty = type_at(z, t);

	if (dst)
		*dst = ty->dst;
	if (abbr)
		snprintf(abbr, 16, "%s", ty->abbr);
	return ty->off;
}

int
kz_tz_utc(const struct kz_tz *z, int64_t local, int64_t *utc)
{
	long cand[4], ok[4];
	int nok = 0;

	/* Offsets in force a day either side cover any one change. */
	cand[0] = kz_tz_offset(z, local - 86400, NULL, NULL);
	cand[1] = kz_tz_offset(z, local + 86400, NULL, NULL);
	cand[2] = kz_tz_offset(z, local - cand[0], NULL, NULL);
	cand[3] = kz_tz_offset(z, local - cand[1], NULL, NULL);
	for (int i = 0; i < 4; i++) {
		bool dup = false;

		for (int j = 0; j < nok; j++)
			dup |= ok[j] == cand[i];
		if (!dup && kz_tz_offset(z, local - cand[i], NULL, NULL) ==
		    cand[i])
			ok[nok++] = cand[i];
	}
	if (nok == 0) {
		*utc = local - cand[0];
		return 1;
	}
	if (nok == 1) {
		*utc = local - ok[0];
		return 0;
	}
	/* twice: the larger offset comes first */
	*utc = local - (ok[0] > ok[1] ? ok[0] : ok[1]);
	return 2;
}

static void
push_change(struct kz_tz_change *out, size_t max, size_t *n, int64_t at,
    long from, const struct tz_type *to)
{
	if (*n < max) {
		out[*n].at = at;
		out[*n].from = from;
		out[*n].to = to->off;
		out[*n].dst = to->dst;
		snprintf(out[*n].abbr, sizeof out[*n].abbr, "%s", to->abbr);
	}
	(*n)++;
}

size_t
kz_tz_changes(const struct kz_tz *z, int64_t from, int64_t to,
    struct kz_tz_change *out, size_t max)
{
	size_t n = 0;
	int64_t table_end = z->nat ? z->at[z->nat - 1] : INT64_MIN;

	for (size_t i = 0; i < z->nat; i++) {
		const struct tz_type *prev = &z->type[i ? z->idx[i - 1] : 0];
		const struct tz_type *cur = &z->type[z->idx[i]];

		if (z->at[i] < from || z->at[i] >= to)
			continue;
		if (prev->off != cur->off || prev->dst != cur->dst ||
		    strcmp(prev->abbr, cur->abbr) != 0)
			push_change(out, max, &n, z->at[i], prev->off, cur);
	}
	if (z->rule.present && z->rule.has_dst) {
		const struct tz_rule *r = &z->rule;

		for (long y = year_of(from) - 1; y <= year_of(to) + 1; y++) {
			int64_t s, e, first, second;
			const struct tz_type *a, *b;

			if (y < 1900 || y > 2199)
				continue;
			rule_year(r, y, &s, &e);
			first = s < e ? s : e;
			second = s < e ? e : s;
			a = s < e ? &r->dst : &r->std;
			b = s < e ? &r->std : &r->dst;
			if (first > table_end && first >= from && first < to)
				push_change(out, max, &n, first, a == &r->dst ?
				    r->std.off : r->dst.off, a);
			if (second > table_end && second >= from && second < to)
				push_change(out, max, &n, second, b == &r->dst ?
				    r->std.off : r->dst.off, b);
		}
	}
	return n;
}

int64_t
kz_tz_local(const char *date, const char *hhmm)
{
	int64_t s = (int64_t)kz_date_days(date) * 86400;

	if (hhmm && strlen(hhmm) == 5)
		s += ((hhmm[0] - '0') * 10 + hhmm[1] - '0') * 3600 +
		    ((hhmm[3] - '0') * 10 + hhmm[4] - '0') * 60;
	return s;
}
