/* match.c - candidates for a request, ranked, with the reason for every point. */
#include "match.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "record.h"
#include "i18n.h"
#include "request.h"
#include "stamp.h"
#include "text.h"

#define MAX_TOKENS 64

/* Words that say nothing about a subject. */
static const char *const stopwords[] = { "and", "the", "for", "from", "with",
    "of", "in", "on", "to", "its", "their", NULL };

struct tokens {
	char t[MAX_TOKENS][48];
	int n;
};

static void
tok_add(struct tokens *k, const char *s, size_t len)
{
	if (k->n >= MAX_TOKENS || len == 0 || len >= sizeof k->t[0])
		return;
	for (int i = 0; stopwords[i]; i++)
		if (strlen(stopwords[i]) == len &&
		    memcmp(stopwords[i], s, len) == 0)
			return;
	for (int i = 0; i < k->n; i++)
		if (strlen(k->t[i]) == len && memcmp(k->t[i], s, len) == 0)
			return;
	memcpy(k->t[k->n], s, len);
	k->t[k->n][len] = '\0';
	k->n++;
}

/* Latin words (lower case, three letters or more) and CJK bigrams (a
 * lone CJK character when its run is one long). */
static void
tokenize(const char *s, struct tokens *k)
{
	char word[48];
	size_t wl = 0;
	const char *prev = NULL;
	int prevk = 0, run = 0;
	unsigned cp;
	int n;

	k->n = 0;
	while (s && (n = kz_utf8_decode(s, &cp)) > 0) {
		bool cjk = kz_cp_is_cjk(cp);
		bool alnum = cp < 0x80 && ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));

		if (alnum && wl + 1 < sizeof word)
			word[wl++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		else if (!alnum) {
			if (wl >= 3)
				tok_add(k, word, wl);
			wl = 0;
		}
		if (cjk) {
			if (prev) {
				char bi[16];

				memcpy(bi, prev, (size_t)prevk);
				memcpy(bi + prevk, s, (size_t)n);
				tok_add(k, bi, (size_t)(prevk + n));
			}
			prev = s;
			prevk = n;
			run++;
		} else {
			if (prev && run == 1)
				tok_add(k, prev, (size_t)prevk);
			prev = NULL;
			run = 0;
		}
		s += n;
	}
	if (wl >= 3)
		tok_add(k, word, wl);
	if (prev && run == 1)
		tok_add(k, prev, (size_t)prevk);
}

int
kz_match_shared_words(const char *topic, const char *text, char *shared,
    size_t size)
{
	struct tokens a, b;
	size_t o = 0;
	int n = 0;

	if (size)
		shared[0] = '\0';
	tokenize(topic, &a);
	tokenize(text, &b);
	for (int i = 0; i < b.n; i++)
		for (int j = 0; j < a.n; j++)
			if (strcmp(b.t[i], a.t[j]) == 0) {
				if (o < size)
					o += (size_t)snprintf(shared + o, size - o,
					    "%s%s", n ? ", " : "", b.t[i]);
				n++;
				break;
			}
	return n;
}

/* ---- building a candidate ---- */

static void
cand_free(struct kz_match_cand *c)
{
	free(c->name);
	free(c->name_roman);
	free(c->government);
	for (size_t i = 0; i < c->nwhy; i++)
		free(c->why[i].text);
	free(c->why);
	free(c->cannot);
}

void
kz_match_free(struct kz_match *m)
{
	for (size_t i = 0; i < m->n; i++)
		cand_free(&m->c[i]);
	free(m->c);
	m->c = NULL;
	m->n = m->nfit = 0;
}

static void __attribute__((format(__printf__, 3, 4)))
reason(struct kz_match_cand *c, int points, const char *fmt, ...)
{
	struct kz_match_reason *p = realloc(c->why, (c->nwhy + 1) * sizeof *p);
	char text[512];
	va_list ap;

	if (p == NULL)
		return;
	c->why = p;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	p[c->nwhy].points = points;
	if ((p[c->nwhy].text = strdup(text)) == NULL)
		return;
	c->nwhy++;
	c->score += points;
}

static void __attribute__((format(__printf__, 2, 3)))
cannot(struct kz_match_cand *c, const char *fmt, ...)
{
	char text[512];
	size_t o = 0;
	va_list ap;

	/* several reasons are joined: all of them are worth knowing */
	if (c->cannot)
		o = (size_t)snprintf(text, sizeof text, "%s; ", c->cannot);
	va_start(ap, fmt);
	vsnprintf(text + o, sizeof text - o, fmt, ap);
	va_end(ap);
	free(c->cannot);
	c->cannot = strdup(text);
}

struct ctx {
	struct kz_db *db;
	const struct kz_request *r;
	struct kz_match *m;
	sqlite3_stmt *fields, *lang, *busy, *unavail, *host;
};

static void
score_fields(struct ctx *x, struct kz_match_cand *c)
{
	const struct kz_config *cfg = x->db->cfg;
	int best_years = 0;
	const char *years_field = NULL;
	char shared[256];

	for (size_t i = 0; i < x->r->nfields; i++) {
		const char *code = x->r->fields[i];
		const struct kz_field *f = kz_config_field(cfg, code);
		const char *fname = f ? kz_field_name(cfg, f) : code;

		sqlite3_reset(x->fields);
		sqlite3_bind_text(x->fields, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(x->fields, 2, code, -1, SQLITE_STATIC);
		if (sqlite3_step(x->fields) != SQLITE_ROW)
			continue;
		const char *note = (const char *)sqlite3_column_text(x->fields, 0);
		int years = sqlite3_column_int(x->fields, 1);

		if (i == 0)
			reason(c, KZ_PTS_FIELD_FIRST, _("field %s, the one asked "
			    "for first"), fname);
		else
			reason(c, KZ_PTS_FIELD_OTHER, _("field %s, also asked "
			    "for"), fname);
		if (years > best_years) {
			best_years = years;
			years_field = fname;
		}
		if (note && *note) {
			int k = kz_match_shared_words(x->r->topic, note, shared,
			    sizeof shared);
			int pts = k * KZ_PTS_WORD;

			if (pts > KZ_PTS_WORDS_MAX)
				pts = KZ_PTS_WORDS_MAX;
			if (k > 0)
				reason(c, pts, _("sub-speciality \"%s\" shares "
				    "%s with the topic"), note, shared);
		}
	}
	if (best_years >= 2) {
		int pts = best_years / 2;

		if (pts > KZ_PTS_YEARS_MAX)
			pts = KZ_PTS_YEARS_MAX;
		reason(c, pts, ngettext("%d year of experience in %s",
		    "%d years of experience in %s", (unsigned long)best_years),
		    best_years, years_field);
	}
}

static void
score_language(struct ctx *x, struct kz_match_cand *c)
{
	const char *lang = x->r->language;
	int level = -1;

	if (lang == NULL || *lang == '\0')
		return;
	sqlite3_reset(x->lang);
	sqlite3_bind_text(x->lang, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->lang, 2, lang, -1, SQLITE_STATIC);
	while (sqlite3_step(x->lang) == SQLITE_ROW) {
		int l = kz_level_parse((const char *)
		    sqlite3_column_text(x->lang, 0));

		if (l > level)
			level = l;
	}
	if (level >= KZ_LEVEL_FLUENT)
		reason(c, KZ_PTS_LANG_FLUENT, _("speaks %s: %s"), lang,
		    kz_enum_label(&kz_level_enum, level));
	else if (level == KZ_LEVEL_BUSINESS)
		reason(c, KZ_PTS_LANG_BUSINESS, _("speaks %s: %s"), lang,
		    kz_enum_label(&kz_level_enum, level));
	else if (level == KZ_LEVEL_CONVERSATIONAL)
		reason(c, KZ_PTS_LANG_CONVERSATIONAL, _("speaks %s: %s"), lang,
		    kz_enum_label(&kz_level_enum, level));
	else if (level == KZ_LEVEL_BASIC)
		reason(c, KZ_PTS_LANG_BASIC, _("speaks %s: %s"), lang,
		    kz_enum_label(&kz_level_enum, level));
	if (x->r->interpreting == KZ_INTERP_NONE && level < KZ_LEVEL_BUSINESS)
		cannot(c, level < 0 ? _("works in %s without an interpreter "
		    "and does not speak it") : _("works in %s without an "
		    "interpreter and speaks it at %s level only"), lang,
		    level < 0 ? "" : kz_enum_label(&kz_level_enum, level));
}

/* A date column of a row in the office's date format, as reasons
 * are read. */
static const char *
day(struct ctx *x, sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *d = sqlite3_column_text(st, col);

	return kz_stamp_date(x->db->cfg, d ? (const char *)d : "", out, size);
}

static void
check_free(struct ctx *x, struct kz_match_cand *c)
{
	bool free_ = true;
	char a[64], b[64];

	if (!x->m->period_checked)
		return;
	sqlite3_reset(x->busy);
	sqlite3_bind_text(x->busy, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->busy, 2, x->m->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->busy, 3, x->m->to, -1, SQLITE_STATIC);
	while (sqlite3_step(x->busy) == SQLITE_ROW) {
		cannot(c, _("on dispatch %s %s..%s"),
		    sqlite3_column_text(x->busy, 0),
		    day(x, x->busy, 1, a, sizeof a),
		    day(x, x->busy, 2, b, sizeof b));
		free_ = false;
	}
	sqlite3_reset(x->unavail);
	sqlite3_bind_text(x->unavail, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->unavail, 2, x->m->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->unavail, 3, x->m->to, -1, SQLITE_STATIC);
	while (sqlite3_step(x->unavail) == SQLITE_ROW) {
		const char *why = (const char *)sqlite3_column_text(x->unavail,
		    2);

		if (why && *why)
			cannot(c, _("declared unavailable %s..%s (%s)"),
			    day(x, x->unavail, 0, a, sizeof a),
			    day(x, x->unavail, 1, b, sizeof b), why);
		else
			cannot(c, _("declared unavailable %s..%s"),
			    day(x, x->unavail, 0, a, sizeof a),
			    day(x, x->unavail, 1, b, sizeof b));
		free_ = false;
	}
	if (free_)
		reason(c, KZ_PTS_FREE, _("free over the wished period %s..%s"),
		    kz_stamp_date(x->db->cfg, x->m->from, a, sizeof a),
		    kz_stamp_date(x->db->cfg, x->m->to, b, sizeof b));
}

static void
score_host(struct ctx *x, struct kz_match_cand *c)
{
	int pts = 0;

	sqlite3_reset(x->host);
	sqlite3_bind_text(x->host, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->host, 2, x->r->country, -1, SQLITE_STATIC);
	sqlite3_bind_text(x->host, 3, x->r->province ? x->r->province : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(x->host, 4, x->r->id, -1, SQLITE_STATIC);
	while (sqlite3_step(x->host) == SQLITE_ROW && pts < KZ_PTS_HOST_MAX) {
		char place[256];

		kz_request_place((const char *)sqlite3_column_text(x->host, 2),
		    (const char *)sqlite3_column_text(x->host, 3), NULL, place,
		    sizeof place);
		reason(c, KZ_PTS_HOST_BEFORE, _("knows the host: dispatch %s to "
		    "%s %s in %.4s"), sqlite3_column_text(x->host, 0),
		    sqlite3_column_text(x->host, 4), place,
		    sqlite3_column_text(x->host, 1));
		pts += KZ_PTS_HOST_BEFORE;
	}
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct kz_match_cand *x = a, *y = b;
	int r;

	if ((x->cannot != NULL) != (y->cannot != NULL))
		return x->cannot ? 1 : -1;
	if (x->cannot == NULL && x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((r = strcmp(x->name_roman, y->name_roman)) != 0)
		return r;
	return strcmp(x->id, y->id);
}

static int
prepare(struct kz_db *db, sqlite3_stmt **st, const char *sql,
    struct kz_err *err)
{
	if (sqlite3_prepare_v2(db->sql, sql, -1, st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "match");
	return KZ_OK;
}

int
kz_match_request(struct kz_db *db, const char *typed, struct kz_match *m,
    struct kz_err *err)
{
	struct kz_request r;
	struct ctx x = { db, &r, m, NULL, NULL, NULL, NULL, NULL };
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc = KZ_ERROR;

	memset(m, 0, sizeof *m);
	if (kz_request_get(db, typed, &r, err))
		return KZ_ERROR;
	snprintf(m->request, sizeof m->request, "%s", r.id);
	if (r.wish_start[0] && r.wish_end[0]) {
		m->period_checked = true;
		snprintf(m->from, sizeof m->from, "%s", r.wish_start);
		snprintf(m->to, sizeof m->to, "%s", r.wish_end);
	}
	if (prepare(db, &x.fields, "SELECT note, years FROM specialist_field "
	    "WHERE specialist = ? AND field = ?", err) ||
	    prepare(db, &x.lang, "SELECT level FROM specialist_lang WHERE "
	    "specialist = ?1 AND (lang = ?2 OR lang GLOB ?2 || '-*')", err) ||
	    prepare(db, &x.busy, "SELECT id, start, end FROM dispatch WHERE "
	    "specialist = ?1 AND state <> 'cancelled' AND start <= ?3 AND "
	    "end >= ?2 ORDER BY start", err) ||
	    prepare(db, &x.unavail, "SELECT start, end, reason FROM "
	    "specialist_unavail WHERE specialist = ?1 AND start <= ?3 AND "
	    "end >= ?2 ORDER BY start", err) ||
	    prepare(db, &x.host, "SELECT d.id, d.start, r.province, r.city, "
	    "r.country FROM dispatch d JOIN request r ON r.id = d.request WHERE "
	    "d.specialist = ?1 AND d.state <> 'cancelled' AND r.country = ?2 "
	    "AND ifnull(r.province, '') = ?3 AND r.id <> ?4 ORDER BY d.start",
	    err))
		goto done;

	/* Everyone registered in one of the fields asked for. The IN list
	 * has one placeholder per field: its length, not its values, goes
	 * into the text. */
	kz_buf_puts(&sql, "SELECT DISTINCT s.id, s.name, s.name_roman, "
	    "s.government, s.status FROM specialist s JOIN specialist_field f "
	    "ON f.specialist = s.id WHERE f.field IN (");
	for (size_t i = 0; i < r.nfields; i++)
		kz_buf_puts(&sql, i ? ", ?" : "?");
	kz_buf_puts(&sql, ")");
	if (sql.oom || prepare(db, &st, sql.s, err))
		goto done;
	for (size_t i = 0; i < r.nfields; i++)
		sqlite3_bind_text(st, (int)i + 1, r.fields[i], -1,
		    SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (m->n == cap) {
			struct kz_match_cand *p;

			cap = cap ? cap * 2 : 64;
			if ((p = realloc(m->c, cap * sizeof *p)) == NULL) {
				kz_err_add(err, "", _("out of memory"));
				goto done;
			}
			m->c = p;
		}
		struct kz_match_cand *c = &m->c[m->n++];
		memset(c, 0, sizeof *c);
		kz_col_copy(st, 0, c->id, sizeof c->id);
		c->name = kz_col_dup(st, 1);
		c->name_roman = kz_col_dup(st, 2);
		c->government = kz_col_dup(st, 3);
		c->status = kz_status_parse((const char *)
		    sqlite3_column_text(st, 4)) == KZ_RETIRED ? KZ_RETIRED :
		    KZ_SERVING;
		if (!c->name_roman)
			c->name_roman = strdup("");
		score_fields(&x, c);
		score_language(&x, c);
		check_free(&x, c);
		score_host(&x, c);
		if (c->status == KZ_RETIRED)
			reason(c, KZ_PTS_RETIRED, "%s", _("retired: no home post "
			    "to be released from"));
		else
			reason(c, 0, _("serving at %s: needs its consent"),
			    c->government ? c->government : "?");
	}
	qsort(m->c, m->n, sizeof *m->c, cmp_cand);
	for (m->nfit = 0; m->nfit < m->n && m->c[m->nfit].cannot == NULL;
	    m->nfit++)
		;
	rc = KZ_OK;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(x.fields);
	sqlite3_finalize(x.lang);
	sqlite3_finalize(x.busy);
	sqlite3_finalize(x.unavail);
	sqlite3_finalize(x.host);
	kz_buf_free(&sql);
	kz_request_free(&r);
	if (rc != KZ_OK)
		kz_match_free(m);
	return rc;
}
