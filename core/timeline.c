/* timeline.c - dispatches as bars on a calendar, drawn as text lines. */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dispatch.h"
#include "record.h"
#include "stamp.h"
#include "i18n.h"
#include "json.h"
#include "place.h"
#include "text.h"

static const char *const month_abbr[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};
/* Where a month's name does not fit: its initial in English, a number
 * in Chinese or Japanese (the first character of "10月" would read as
 * January). */
static const char *const month_initial[12] = {
	NC_("initial of January", "J"), NC_("initial of February", "F"),
	NC_("initial of March", "M"), NC_("initial of April", "A"),
	NC_("initial of May", "M"), NC_("initial of June", "J"),
	NC_("initial of July", "J"), NC_("initial of August", "A"),
	NC_("initial of September", "S"), NC_("initial of October", "O"),
	NC_("initial of November", "N"), NC_("initial of December", "D"),
};

int
kz_timeline_days_per_col(enum kz_timeline_zoom z)
{
	return z == KZ_TL_YEAR ? 7 : z == KZ_TL_MONTH ? 3 : 1;
}

/* ---- loading ---- */

void
kz_timeline_free(struct kz_tl *tl)
{
	for (size_t i = 0; i < tl->n; i++) {
		free(tl->rows[i].label);
		free(tl->rows[i].name);
		free(tl->rows[i].roman);
		free(tl->rows[i].detail);
		free(tl->rows[i].span);
	}
	free(tl->rows);
	tl->rows = NULL;
	tl->n = 0;
}

static int
add_span(struct kz_timeline_row *r, long start, long end, char mark)
{
	struct kz_timeline_span *p = realloc(r->span, (r->nspan + 1) * sizeof *p);

	if (p == NULL)
		return KZ_ERROR;
	r->span = p;
	p[r->nspan].start = start;
	p[r->nspan].end = end;
	p[r->nspan].mark = mark;
	r->nspan++;
	if (r->nspan == 1 || start < r->first)
		r->first = start;
	if (r->nspan == 1 || end > r->last)
		r->last = end;
	return KZ_OK;
}

/* Ids looked up at once however many there are (a walk for each
 * dispatch grew as their square): an open-addressed table of indexes
 * (+1; 0 is empty) into an array whose ids key() gives, twice as many
 * slots as there can be ids. */
struct id_index {
	size_t *slot;
	size_t mask;
	const char *(*key)(const void *arr, size_t i);
	const void *arr;
};

static int
id_index_init(struct id_index *ix, size_t most,
    const char *(*key)(const void *arr, size_t i), const void *arr)
{
	size_t n = 16;

	while (n < most * 2)
		n *= 2;
	ix->mask = n - 1;
	ix->key = key;
	ix->arr = arr;
	ix->slot = calloc(n, sizeof *ix->slot);
	return ix->slot ? KZ_OK : KZ_ERROR;
}

/* The slot that holds id, or the empty one where it would go. */
static size_t *
id_slot(const struct id_index *ix, const char *id)
{
	size_t h = 2166136261u, i;	/* FNV-1a */

	for (const char *p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (i = h & ix->mask; ix->slot[i]; i = (i + 1) & ix->mask)
		if (strcmp(ix->key(ix->arr, ix->slot[i] - 1), id) == 0)
			break;
	return &ix->slot[i];
}

/* tl->rows moves as it grows: the index keeps the tl */
static const char *
row_key(const void *arr, size_t i)
{
	return ((const struct kz_tl *)arr)->rows[i].id;
}

static const char *
specialist_key(const void *arr, size_t i)
{
	return ((const struct kz_dispatch_rows *)arr)->rows[i].specialist;
}

static struct kz_timeline_row *
find_row(struct kz_tl *tl, const struct id_index *ix, const char *id)
{
	size_t *at = id_slot(ix, id);

	return *at ? &tl->rows[*at - 1] : NULL;
}

/* next[i]: the next dispatch of rows[i]'s specialist (in their order),
 * or l->n; so an overlap is looked for among one person's dispatches
 * only, not among everyone's of the same days. */
static size_t *
same_specialist_next(const struct kz_dispatch_rows *l)
{
	struct id_index ix;
	size_t *next = malloc((l->n ? l->n : 1) * sizeof *next);

	if (next == NULL || id_index_init(&ix, l->n, specialist_key, l)) {
		free(next);
		return NULL;
	}
	for (size_t i = l->n; i-- > 0;) {
		size_t *at = id_slot(&ix, l->rows[i].specialist);

		next[i] = *at ? *at - 1 : l->n;
		*at = i + 1;
	}
	free(ix.slot);
	return next;
}

static struct kz_timeline_row *
new_row(struct kz_tl *tl, size_t *cap)
{
	if (tl->n == *cap) {
		struct kz_timeline_row *p;

		*cap = *cap ? *cap * 2 : 64;
		if ((p = realloc(tl->rows, *cap * sizeof *p)) == NULL)
			return NULL;
		tl->rows = p;
	}
	memset(&tl->rows[tl->n], 0, sizeof tl->rows[0]);
	return &tl->rows[tl->n++];
}

static int
cmp_row(const void *a, const void *b)
{
	const struct kz_timeline_row *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return strcmp(x->id, y->id);
}

int
kz_timeline_load(struct kz_db *db, bool by_specialist, bool with_cancelled,
    struct kz_tl *tl, struct kz_err *err)
{
	return kz_timeline_load_range(db, by_specialist, with_cancelled, NULL,
	    NULL, tl, err);
}

static char *
dup0(const char *s)
{
	return strdup(s ? s : "");
}

/* Does a come before b in a list oldest first (start, end, id)? */
static bool
sooner(const struct kz_dispatch_row *a, const struct kz_dispatch_row *b)
{
	int c = strcmp(a->start, b->start);

	if (c == 0 && (c = strcmp(a->end, b->end)) == 0)
		c = strcmp(a->id, b->id);
	return c < 0;
}

/*
 * The dispatches of the specialists of l (the period's) out of [from,
 * to] (cancelled ones too when all), oldest first, into o: their days
 * and states, read from the index of a specialist's dispatches alone;
 * whole, with their hosts and their specialists' names too, for the
 * details of a specialist's row (their names from l).
 */
static int
other_rows(struct kz_db *db, const struct kz_dispatch_rows *l,
    const char *from, const char *to, bool all, bool whole,
    struct kz_dispatch_rows *o, struct kz_err *err)
{
#define OTHERS(ID, COLS, JOIN) "SELECT " ID ", d.specialist, d.start, " \
	"d.end, d.state" COLS " FROM dispatch d" JOIN " WHERE d.specialist IN " \
	"(SELECT value FROM json_each(?1)) AND (d.start > ?2 OR d.end < ?3) " \
	"AND (?4 OR d.state <> 'cancelled') ORDER BY d.start, d.end, " ID
	/* days alone, no id (no row of their own): the index holds all */
	static const char days[] = OTHERS("d.rowid", "", ""),
	    rows[] = OTHERS("d.id", ", r.country, r.province, r.city, "
	    "r.department", " JOIN request r ON r.id = d.request");
	sqlite3_stmt *st = kz_db_stmt(db, whole ? rows : days);
	struct kz_dispatch_row *r;
	struct kz_buf ids = { 0 };
	struct id_index ix = { 0 };
	char host[512];
	size_t cap = 0, *at;
	int rc = SQLITE_NOMEM, state;

	o->rows = NULL;
	o->n = 0;
	if (st == NULL)
		return kz_db_fail(db, err, "timeline");
	kz_buf_puts(&ids, "[");
	for (size_t n = 0; n < l->n; n++) {
		kz_buf_puts(&ids, n ? "," : "");
		kz_json_str(&ids, l->rows[n].specialist);
	}
	kz_buf_puts(&ids, "]");
	if (ids.oom || (whole && id_index_init(&ix, l->n, specialist_key,
	    l))) {
		kz_buf_free(&ids);
		return kz_err_add(err, "", _("out of memory"));
	}
	for (size_t n = l->n; whole && n-- > 0;)
		*id_slot(&ix, l->rows[n].specialist) = n + 1;
	sqlite3_bind_text(st, 1, kz_buf_str(&ids), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, all);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (o->n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((r = realloc(o->rows, cap * sizeof *r)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			o->rows = r;
		}
		r = memset(&o->rows[o->n++], 0, sizeof *r);
		if (whole)
			kz_col_copy(st, 0, r->id, sizeof r->id);
		kz_col_copy(st, 1, r->specialist, sizeof r->specialist);
		kz_col_copy(st, 2, r->start, sizeof r->start);
		kz_col_copy(st, 3, r->end, sizeof r->end);
		state = kz_lifecycle_parse(&kz_dispatch_lc,
		    (const char *)sqlite3_column_text(st, 4));
		r->state = state < 0 ? KZ_DSP_PROPOSED :
		    (enum kz_dispatch_state)state;
		if (!whole)
			continue;
		kz_col_copy(st, 5, r->country, sizeof r->country);
		kz_request_place((const char *)sqlite3_column_text(st, 6),
		    (const char *)sqlite3_column_text(st, 7),
		    (const char *)sqlite3_column_text(st, 8), host,
		    sizeof host);
		at = id_slot(&ix, r->specialist);
		if ((r->host = strdup(host)) == NULL || *at == 0 ||
		    (r->name = dup0(l->rows[*at - 1].name)) == NULL ||
		    (r->name_roman = dup0(l->rows[*at - 1].name_roman)) ==
		    NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_reset(st);
	kz_buf_free(&ids);
	free(ix.slot);
	if (rc != SQLITE_DONE) {
		kz_dispatch_rows_free(o);
		return rc == SQLITE_NOMEM ? kz_err_add(err, "", _("out of "
		    "memory")) : kz_db_fail(db, err, "timeline");
	}
	return KZ_OK;
#undef OTHERS
}

/*
 * A period's dispatches, l (q's), joined by the other dispatches of
 * their specialists, in the same order: for their overlaps with the
 * period's (their days alone, by dispatch), and a specialist's row
 * whole (by specialist). Asked apart, the period's rows are read as its
 * own query reads them, from the index of starts; asked as one query
 * (the specialists of the period's dispatches, then all of theirs),
 * each was read twice and every row sorted: 86 M instructions at
 * 20,000 dispatches; apart, 52 M and 16 M (by dispatch) or 22 M.
 */
static int
add_others(struct kz_db *db, const struct kz_dispatch_query *q, bool whole,
    struct kz_dispatch_rows *l, struct kz_err *err)
{
	struct kz_dispatch_rows o;
	struct kz_dispatch_row *all;
	size_t i = 0, j = 0, k = 0;

	if (other_rows(db, l, q->from, q->to, q->state != -2, whole, &o,
	    err) != KZ_OK)
		return KZ_ERROR;
	if (o.n == 0)
		return KZ_OK;
	if ((all = malloc((l->n + o.n) * sizeof *all)) == NULL) {
		kz_dispatch_rows_free(&o);
		return kz_err_add(err, "", _("out of memory"));
	}
	while (i < l->n || j < o.n)
		all[k++] = j == o.n || (i < l->n && sooner(&l->rows[i],
		    &o.rows[j])) ? l->rows[i++] : o.rows[j++];
	free(l->rows);
	free(o.rows);
	l->rows = all;
	l->n = k;
	return KZ_OK;
}

int
kz_timeline_load_range(struct kz_db *db, bool by_specialist,
    bool with_cancelled, const char *from, const char *to, struct kz_tl *tl,
    struct kz_err *err)
{
	struct kz_dispatch_query q;
	struct kz_dispatch_rows l;
	struct id_index ix;
	size_t cap = 0, *next;
	int rc = KZ_OK;

	tl->rows = NULL;
	tl->n = 0;
	tl->cfg = db->cfg;
	kz_dispatch_query_init(&q);
	if (!with_cancelled)
		q.state = -2;
	q.from = from;
	q.to = to;
	if (kz_dispatch_list(db, &q, true, &l, err))
		return KZ_ERROR;
	if (from && to && l.n > 0 && add_others(db, &q, by_specialist, &l,
	    err) != KZ_OK) {
		kz_dispatch_rows_free(&l);
		return KZ_ERROR;
	}
	next = same_specialist_next(&l);
	if (next == NULL || id_index_init(&ix, l.n, row_key, tl) != KZ_OK) {
		free(next);
		kz_dispatch_rows_free(&l);
		return kz_err_add(err, "", _("out of memory"));
	}
	for (size_t i = 0; i < l.n && rc == KZ_OK; i++) {
		const struct kz_dispatch_row *d = &l.rows[i];
		long s = kz_date_days(d->start), e = kz_date_days(d->end);
		char mark = d->state == KZ_DSP_CANCELLED ? KZ_TL_CANCELLED :
		    kz_dispatch_state_firm(d->state) ? KZ_TL_FIRM : KZ_TL_TENTATIVE;
		char label[256], detail[600], a[64], b[64];
		const char *key = by_specialist ? d->specialist : d->id;
		size_t *at;
		struct kz_timeline_row *r;

		/* a dispatch out of the period is read for the overlaps of
		 * its specialist's in it: a row of its own would have no bar */
		if (!by_specialist && from && to && (strcmp(d->end, from) < 0 ||
		    strcmp(d->start, to) > 0))
			continue;
		at = id_slot(&ix, key);
		r = *at ? &tl->rows[*at - 1] : NULL;
		if (r == NULL) {
			if ((r = new_row(tl, &cap)) == NULL) {
				rc = kz_err_add(err, "", _("out of memory"));
				break;
			}
			snprintf(r->id, sizeof r->id, "%s", key);
			*at = tl->n;
			if (by_specialist)
				snprintf(label, sizeof label, "%s %s",
				    d->name_roman ? d->name_roman : "",
				    d->name ? d->name : "");
			else {
				/* names of places in the reader's forms */
				char *pl = kz_place_text(d->places &&
				    *d->places ? d->places : d->host, NULL);

				snprintf(label, sizeof label, "%s %s",
				    d->name_roman ? d->name_roman : "",
				    pl ? pl : "");
				free(pl);
			}
			r->label = strdup(label);
			r->name = strdup(d->name ? d->name : "");
			r->roman = strdup(d->name_roman ? d->name_roman : "");
			if (r->label == NULL || r->name == NULL ||
			    r->roman == NULL) {
				rc = kz_err_add(err, "", _("out of memory"));
				break;
			}
		}
		snprintf(detail, sizeof detail, "%s %s..%s %s, %s %s: %s%s%s",
		    d->id, kz_stamp_date(db->cfg, d->start, a, sizeof a),
		    kz_stamp_date(db->cfg, d->end, b, sizeof b),
		    kz_lifecycle_name(&kz_dispatch_lc, d->state), d->country, d->host,
		    d->name ? d->name : "", r->detail ? "; " : "",
		    r->detail ? r->detail : "");
		free(r->detail);
		r->detail = strdup(detail);
		if (r->label == NULL || r->detail == NULL ||
		    add_span(r, s, e, mark))
			rc = kz_err_add(err, "", _("out of memory"));
	}
	/* Overlaps: the same specialist on two live dispatches. Rules stop
	 * them being entered, but merged records from other offices may
	 * still bring them, and then they must show. */
	for (size_t i = 0; i < l.n && rc == KZ_OK; i++) {
		const struct kz_dispatch_row *a = &l.rows[i];

		if (a->state == KZ_DSP_CANCELLED)
			continue;
		for (size_t j = next[i]; j < l.n && strcmp(l.rows[j].start,
		    a->end) <= 0; j = next[j]) {
			const struct kz_dispatch_row *b = &l.rows[j];
			long s, e;

			if (b->state == KZ_DSP_CANCELLED)
				continue;
			s = kz_date_days(b->start);
			e = kz_date_days(strcmp(a->end, b->end) < 0 ? a->end :
			    b->end);
			const char *ids[2] = { by_specialist ? a->specialist :
			    a->id, by_specialist ? b->specialist : b->id };
			for (int k = 0; k < (by_specialist ? 1 : 2); k++) {
				struct kz_timeline_row *r = find_row(tl, &ix,
				    ids[k]);

				if (r && add_span(r, s, e, KZ_TL_OVERLAP) == KZ_OK)
					r->overlap = true;
			}
		}
	}
	kz_dispatch_rows_free(&l);
	free(ix.slot);
	free(next);
	if (rc != KZ_OK) {
		kz_timeline_free(tl);
		return KZ_ERROR;
	}
	if (tl->n > 1)	/* qsort must not see NULL, even with 0 rows */
		qsort(tl->rows, tl->n, sizeof *tl->rows, cmp_row);
	return KZ_OK;
}

bool
kz_timeline_row_visible(const struct kz_timeline_row *r, long from, long to)
{
	for (size_t i = 0; i < r->nspan; i++)
		if (r->span[i].start <= to && r->span[i].end >= from)
			return true;
	return false;
}

/* ---- drawing ---- */

static int
mark_rank(char m)
{
	switch (m) {
	case KZ_TL_OVERLAP: return 4;
	case KZ_TL_FIRM: return 3;
	case KZ_TL_TENTATIVE: return 2;
	case KZ_TL_CANCELLED: return 1;
	default: return 0;
	}
}

void
kz_timeline_bar(const struct kz_timeline_row *r, long from, int dpc, int width,
    long today, char *out, size_t size)
{
	long to = from + (long)width * dpc - 1;
	int c;

	if (size == 0)
		return;
	if (width > (int)size - 1)
		width = (int)size - 1;
	for (c = 0; c < width; c++) {
		long c0 = from + (long)c * dpc, c1 = c0 + dpc - 1;
		char best = ' ';

		for (size_t i = 0; i < r->nspan; i++) {
			const struct kz_timeline_span *s = &r->span[i];

			if (s->start <= c1 && s->end >= c0 &&
			    mark_rank(s->mark) > mark_rank(best))
				best = s->mark;
		}
		if (best == ' ' && today >= c0 && today <= c1)
			best = KZ_TL_TODAY;
		out[c] = best;
	}
	out[c] = '\0';
	/* A bar that runs past an edge says so. */
	for (size_t i = 0; i < r->nspan && width > 0; i++) {
		const struct kz_timeline_span *s = &r->span[i];

		if (s->mark == KZ_TL_OVERLAP)
			continue;
		if (s->start < from && s->end >= from && out[0] != KZ_TL_OVERLAP)
			out[0] = '<';
		if (s->end > to && s->start <= to &&
		    out[width - 1] != KZ_TL_OVERLAP)
			out[width - 1] = '>';
	}
}

/* A line of labels at columns, as cells so that wide characters and
 * today's mark can be placed; then joined. */
struct cells {
	char cell[512][8];
	int width;
};

static void
cells_init(struct cells *c, int width)
{
	c->width = width > 512 ? 512 : width;
	for (int i = 0; i < c->width; i++)
		snprintf(c->cell[i], sizeof c->cell[i], " ");
}

/* Put text at col if it fits before limit; false if not. */
static bool
cells_put(struct cells *c, int col, int limit, const char *text)
{
	int w = kz_text_width(text), k;
	unsigned cp;

	if (limit > c->width)
		limit = c->width;
	if (col < 0 || col + w > limit)
		return false;
	while ((k = kz_utf8_decode(text, &cp)) > 0 && col < limit) {
		int cw = kz_cp_width(cp);

		snprintf(c->cell[col], sizeof c->cell[col], "%.*s", k, text);
		if (cw == 2 && col + 1 < c->width)
			c->cell[col + 1][0] = '\0';	/* covered */
		col += cw > 0 ? cw : 1;
		text += k;
	}
	return true;
}

static void
cells_join(const struct cells *c, char *out, size_t size)
{
	size_t o = 0;

	for (int i = 0; i < c->width && o + 8 < size; i++) {
		size_t n = strlen(c->cell[i]);

		memcpy(out + o, c->cell[i], n);
		o += n;
	}
	out[o] = '\0';
}

struct label {
	int col;
	char text[64];
	char shorter[16];
};

/* Place labels left to right, each only if it ends a column before the
 * next one starts; the shorter form when the long one does not fit. */
static void
place(struct cells *c, const struct label *l, int n)
{
	for (int i = 0; i < n; i++) {
		int limit = i + 1 < n ? l[i + 1].col - 1 : c->width;

		if (!cells_put(c, l[i].col, limit, l[i].text) && l[i].shorter[0])
			cells_put(c, l[i].col, limit, l[i].shorter);
	}
}

/* Would every label's long form fit before the next one? */
static bool
fits(const struct label *l, int n, int width)
{
	for (int i = 0; i < n; i++) {
		int limit = i + 1 < n ? l[i + 1].col - 1 : width;

		if (l[i].col + kz_text_width(l[i].text) > limit)
			return false;
	}
	return true;
}

void
kz_timeline_header(long from, int dpc, int width, long today, char *l1, char *l2,
    size_t size)
{
	struct cells *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	struct label *top = calloc((size_t)width + 1, sizeof *top);
	struct label *low = calloc((size_t)width + 1, sizeof *low);
	int ntop = 0, nlow = 0;

	if (!a || !b || !top || !low) {
		snprintf(l1, size, "%s", "");
		snprintf(l2, size, "%s", "");
		goto done;
	}
	cells_init(a, width);
	cells_init(b, width);
	for (int c = 0; c < a->width; c++) {
		for (int k = 0; k < dpc; k++) {
			long day = from + (long)c * dpc + k;
			char d[11];
			int y, m, dd;

			kz_date_from_days(day, d);
			y = atoi(d);
			m = atoi(d + 5);
			dd = atoi(d + 8);
			bool month_start = dd == 1 || (c == 0 && k == 0);
			bool year_start = (dd == 1 && m == 1) || (c == 0 && k == 0);
			if (dpc <= 2) {
				/* months above, Mondays' dates below */
				if (month_start && (ntop == 0 ||
				    top[ntop - 1].col != c)) {
					top[ntop].col = c;
					snprintf(top[ntop].text, sizeof top[0].text,
					    /* TRANSLATORS: a month over the
					     * timeline: %1$s its short name,
					     * %2$d the year; keep it short */
					    C_("timeline month", "%1$s %2$d"),
					    _(month_abbr[m - 1]), y);
					/* a month cut by the left edge
					 * gets no initial alone: it would
					 * read as a month of its own */
					if (dd == 1)
						snprintf(top[ntop].shorter,
						    sizeof top[0].shorter, "%s",
						    _(month_abbr[m - 1]));
					ntop++;
				}
				if (kz_date_weekday(day) == 1 && (nlow == 0 ||
				    low[nlow - 1].col != c)) {
					low[nlow].col = c;
					snprintf(low[nlow].text, sizeof low[0].text,
					    "%d", dd);
					nlow++;
				}
			} else {
				/* years above, months below */
				if (year_start && (ntop == 0 ||
				    top[ntop - 1].col != c)) {
					top[ntop].col = c;
					snprintf(top[ntop].text, sizeof top[0].text,
					    "%d", y);
					ntop++;
				}
				if (month_start && (nlow == 0 ||
				    low[nlow - 1].col != c)) {
					low[nlow].col = c;
					snprintf(low[nlow].text, sizeof low[0].text,
					    "%s", _(month_abbr[m - 1]));
					if (dd == 1)
						snprintf(low[nlow].shorter,
						    sizeof low[0].shorter, "%s",
						    _(month_initial[m - 1]));
					nlow++;
				}
			}
		}
	}
	/* months in the year view: all named, or all by their shorter form
	 * (a number in Chinese or Japanese), never some of each; the year
	 * above then says what the numbers are ("2019年（月）") */
	if (dpc > 2 && !fits(low, nlow, width)) {
		for (int i = 0; i < nlow; i++)
			if (low[i].shorter[0])
				snprintf(low[i].text, sizeof low[0].text, "%s",
				    low[i].shorter);
		for (int i = 0; i < ntop; i++) {
			int y = atoi(top[i].text);

			/* TRANSLATORS: a year over months shown as numbers
			 * (month_initial): say they are months if the
			 * numbers do not */
			snprintf(top[i].text, sizeof top[0].text,
			    C_("timeline year over month numbers", "%d"), y);
			snprintf(top[i].shorter, sizeof top[0].shorter, "%d", y);
		}
	}
	place(a, top, ntop);
	place(b, low, nlow);
	if (today >= from && today < from + (long)a->width * dpc) {
		int c = (int)((today - from) / dpc);

		if (strcmp(b->cell[c], " ") == 0)
			snprintf(b->cell[c], sizeof b->cell[c], "%c", KZ_TL_TODAY);
	}
	cells_join(a, l1, size);
	cells_join(b, l2, size);
done:
	free(a);
	free(b);
	free(top);
	free(low);
}

/* The chart's label width, columns and days a column for [from, to]
 * in width. */
static void
layout(long from, long to, int width, int *lw, int *cw, int *dpc)
{
	*lw = width / 3 > 24 ? 24 : width / 3;
	if (*lw < 8)
		*lw = 8;
	*cw = width - *lw - 1;
	if (*cw < 10)
		*cw = 10;
	if (*cw > 1000)
		*cw = 1000;
	/* As many days a column as it takes to fit the period. */
	*dpc = (int)((to - from + 1 + *cw - 1) / *cw);
	if (*dpc < 1)
		*dpc = 1;
	/* and no more columns than the period needs */
	if ((to - from + 1 + *dpc - 1) / *dpc < *cw)
		*cw = (int)((to - from + 1 + *dpc - 1) / *dpc);
}

long
kz_timeline_text_last(long from, long to, int width)
{
	int lw, cw, dpc;

	layout(from, to, width, &lw, &cw, &dpc);
	return from + (long)cw * dpc - 1;
}

int
kz_timeline_text(const struct kz_tl *tl, long from, long to, int width,
    long today, struct kz_buf *out)
{
	int lw, cw, dpc, shown = 0;
	char d1[11], d2[11], s1[64], s2[64], h1[4096], h2[4096], bar[1024];
	char label[512];

	layout(from, to, width, &lw, &cw, &dpc);
	kz_date_from_days(from, d1);
	kz_date_from_days(from + (long)cw * dpc - 1, d2);
	kz_buf_printf(out, ngettext("Dispatches %s to %s, %d day a column\n",
	    "Dispatches %s to %s, %d days a column\n", (unsigned long)dpc),
	    kz_stamp_date(tl->cfg, d1, s1, sizeof s1),
	    kz_stamp_date(tl->cfg, d2, s2, sizeof s2), dpc);
	kz_timeline_header(from, dpc, cw, today, h1, h2, sizeof h1);
	kz_buf_printf(out, "%*s %s\n%*s %s\n", lw, "", h1, lw, "", h2);
	for (size_t i = 0; i < tl->n; i++) {
		const struct kz_timeline_row *r = &tl->rows[i];
		char tagged[600];

		if (!kz_timeline_row_visible(r, from, from + (long)cw * dpc - 1))
			continue;
		shown++;
		snprintf(tagged, sizeof tagged, "%s%d %s", r->overlap ? "!" : "",
		    shown, r->label ? r->label : "");
		kz_text_fit(label, sizeof label, tagged, lw, true);
		kz_timeline_bar(r, from, dpc, cw, today, bar, sizeof bar);
		kz_buf_printf(out, "%s %s\n", label, bar);
	}
	if (shown == 0)
		kz_buf_printf(out, "%*s %s\n", lw, "", _("(no dispatches in "
		    "this period)"));
	kz_buf_printf(out, "\n%s\n", _("= agreement signed or later  - "
	    "proposed or drafted  # overlap  | today  < > runs on"));
	shown = 0;
	for (size_t i = 0; i < tl->n; i++) {
		const struct kz_timeline_row *r = &tl->rows[i];

		if (!kz_timeline_row_visible(r, from, from + (long)cw * dpc - 1))
			continue;
		kz_buf_printf(out, "%s%d %s\n", r->overlap ? "!" : "", ++shown,
		    r->detail ? r->detail : "");
		if (r->overlap)
			kz_buf_printf(out, "   %s\n", _("! overlap: the same "
			    "specialist on two dispatches over the same days"));
	}
	return out->oom ? KZ_ERROR : KZ_OK;
}
