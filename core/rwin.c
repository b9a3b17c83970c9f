/* rwin.c - a window over a declared list: pages of rows read by index, the count capped (rwin.h). */
#include "rwin.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"

static void
rows_free(struct kz_rwin *w)
{
	size_t ncols = w->q.l ? w->q.l->ncols : 0;

	for (size_t i = 0; i < w->n; i++) {
		struct kz_rwin_row *r = &w->rows[i];

		for (size_t c = 0; r->text && c < ncols; c++)
			free(r->text[c]);
		for (size_t c = 0; r->shown && c < ncols; c++)
			free(r->shown[c]);
		free(r->text);
		free(r->shown);
		free(r->id);
	}
	free(w->rows);
	w->rows = NULL;
	w->n = 0;
}

/* The column holding the record's id (a list always shows it). */
static size_t
id_col(const struct kz_rlist *l)
{
	for (size_t c = 0; c < l->ncols; c++)
		if (l->cols[c].field && strcmp(l->cols[c].field, "id") == 0)
			return c;
	return 0;
}

/* The filter whose hits choose the window's rows: the only one given,
 * the list read in its own order. -1: none. */
static int
hits_filter(const struct kz_rlist_query *q)
{
	const struct kz_rlist *l = q->l;
	int at = -1, nf = 0;

	if (l->parent || l->filters == NULL)
		return -1;
	for (const struct kz_rlist_filter *f = l->filters; f->where &&
	    nf < KZ_RLIST_FILTERS; f++, nf++)
		if (q->value[nf] != NULL) {
			if (at >= 0 || (f->hits == NULL && f->index == NULL))
				return -1;
			at = nf;
		}
	return at >= 0 && kz_rlist_own_order(l, q->sort) ? at : -1;
}

/* Filter f's hits for value v (kz_rlist_filter.hits). */
static int
filter_hits(struct kz_db *db, const struct kz_rlist_filter *f,
    const char *v, size_t max, long long **rows, size_t *n,
    struct kz_err *err)
{
	return f->index ? kz_rlist_index_hits(db, f->index, v, max, rows, n,
	    err) : f->hits(db, v, max, rows, n, err);
}

/* q made to read the page of the hits from index at: their rowids as
 * a JSON array in ids, the filter that chose them dropped. */
static int
hits_page(const struct kz_rwin *w, long long at, struct kz_rlist_query *q,
    struct kz_buf *ids)
{
	int f = hits_filter(&w->q);

	kz_buf_puts(ids, "[");
	for (long long i = at; i < at + KZ_RWIN_PAGE && i < (long long)w->nhits;
	    i++)
		kz_buf_printf(ids, "%s%lld", i > at ? "," : "", w->hits[i]);
	kz_buf_puts(ids, "]");
	if (f >= 0)
		q->value[f] = NULL;
	q->rowids = kz_buf_str(ids);
	return ids->oom ? KZ_ERROR : KZ_OK;
}

/* Read the page of rows from index at into the window, replacing what
 * it held. */
static int
read_page(struct kz_rwin *w, long long at, struct kz_err *err)
{
	const struct kz_rlist *l = w->q.l;
	struct kz_rlist_cursor c;
	struct kz_rlist_query q = w->q;
	struct kz_rwin_row *rows;
	struct kz_buf ids = { 0 };
	size_t n = 0, idc = id_col(l);
	int rc;

	q.window = true;
	q.offset = at < 0 ? 0 : at;
	q.limit = KZ_RWIN_PAGE;
	if (w->hits != NULL) {
		/* the page's rows by their rowids, the filter that chose
		 * them left out */
		if (hits_page(w, q.offset, &q, &ids) != KZ_OK) {
			kz_buf_free(&ids);
			return kz_err_add(err, "", _("out of memory"));
		}
		q.offset = 0;
	}
	/* in the second half of a list counted, counted from its end: an
	 * offset is rows stepped over */
	if (w->exact && w->hits == NULL && at > w->count / 2) {
		q.from_end = true;
		q.limit = at + KZ_RWIN_PAGE > w->count ? w->count - at :
		    KZ_RWIN_PAGE;
		q.offset = w->count - at - q.limit;
		if (q.limit <= 0) {
			q.from_end = false;
			q.limit = KZ_RWIN_PAGE;
			q.offset = at;
		}
	}
	if ((rows = calloc(KZ_RWIN_PAGE, sizeof *rows)) == NULL) {
		kz_buf_free(&ids);
		return kz_err_add(err, "", _("out of memory"));
	}
	rc = kz_rlist_open(w->db, &q, &c, err);
	kz_buf_free(&ids);
	if (rc != KZ_OK) {
		free(rows);
		return KZ_ERROR;
	}
	rows_free(w);
	w->rows = rows;
	w->base = at < 0 ? 0 : at;
	while ((rc = kz_rlist_next(&c, err)) == 1 && n < KZ_RWIN_PAGE) {
		struct kz_rwin_row *r = &rows[n++];

		w->n = n;
		/* as stored: what people read is the tab's to make, for
		 * the rows it shows */
		r->text = calloc(l->ncols, sizeof *r->text);
		if (r->text == NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		for (size_t k = 0; k < l->ncols; k++)
			if ((r->text[k] = kz_rlist_text(&c, k)) == NULL)
				rc = KZ_ERROR;
		if (w->shown && rc != KZ_ERROR &&
		    (r->shown = calloc(l->ncols, sizeof *r->shown)) == NULL)
			rc = KZ_ERROR;
		for (size_t k = 0; r->shown && k < l->ncols; k++)
			if ((l->cols[k].flags & KZ_RC_TABLE) &&
			    (r->shown[k] = kz_rlist_shown(&c, k)) == NULL)
				rc = KZ_ERROR;
		if (rc == KZ_ERROR || (r->id = strdup(r->text[idc])) ==
		    NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
	}
	kz_rlist_close(&c);
	if (rc == KZ_ERROR) {
		rows_free(w);
		return KZ_ERROR;
	}
	if (w->hits != NULL)
		return KZ_OK;
	/* what a page says of the count: rows up to its end at least,
	 * and none after a short one */
	if (w->base + (long long)n > w->count)
		w->count = w->base + (long long)n;
	if (n < KZ_RWIN_PAGE && (n > 0 || w->base == 0)) {
		w->count = w->base + (long long)n;
		w->exact = true;
	}
	return KZ_OK;
}

static int
copy_str(const char **dst, const char *src)
{
	if (src == NULL) {
		*dst = NULL;
		return KZ_OK;
	}
	return (*dst = strdup(src)) ? KZ_OK : KZ_ERROR;
}

static int
rwin_open(struct kz_db *db, const struct kz_rlist_query *q, bool shown,
    struct kz_rwin *w, struct kz_err *err)
{
	int bad = 0, f;

	memset(w, 0, sizeof *w);
	w->db = db;
	w->shown = shown;
	w->q = *q;
	for (int i = 0; i < KZ_RLIST_FILTERS; i++)
		bad |= copy_str(&w->q.value[i], q->value[i]);
	bad |= copy_str(&w->q.parent, q->parent);
	bad |= copy_str(&w->q.sort, q->sort);
	if (bad) {
		kz_rwin_close(w);
		return kz_err_add(err, "", _("out of memory"));
	}
	if ((f = hits_filter(&w->q)) >= 0) {
		if (filter_hits(db, &w->q.l->filters[f], w->q.value[f],
		    SIZE_MAX, &w->hits, &w->nhits, err) != KZ_OK) {
			kz_rwin_close(w);
			return KZ_ERROR;
		}
		if (w->hits != NULL)
			kz_rwin_known(w, (long long)w->nhits);
	}
	if (read_page(w, 0, err) != KZ_OK) {
		kz_rwin_close(w);
		return KZ_ERROR;
	}
	/* counted further only when the rows shown come near the end of
	 * what is known (kz_rwin_more) */
	w->cap = w->count;
	return KZ_OK;
}

int
kz_rwin_open(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rwin *w, struct kz_err *err)
{
	return rwin_open(db, q, false, w, err);
}

int
kz_rwin_open_shown(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rwin *w, struct kz_err *err)
{
	return rwin_open(db, q, true, w, err);
}

void
kz_rwin_close(struct kz_rwin *w)
{
	rows_free(w);
	free(w->hits);
	for (int i = 0; i < KZ_RLIST_FILTERS; i++)
		free((char *)w->q.value[i]);
	free((char *)w->q.parent);
	free((char *)w->q.sort);
	memset(w, 0, sizeof *w);
}

/* Count q's rows as far as cap (-1: all) into *n, by the hits of its
 * filter when it has them: a window gathers them when there are no
 * more than cap. */
static int
total(struct kz_rwin *w, long long cap, long long *n, struct kz_err *err)
{
	int f = hits_filter(&w->q);
	long long *rows;
	size_t got;

	if (f < 0 || w->hits != NULL)
		return kz_rlist_total(w->db, &w->q, cap, n, err);
	if (filter_hits(w->db, &w->q.l->filters[f], w->q.value[f], cap < 0 ?
	    SIZE_MAX : (size_t)cap, &rows, &got, err) != KZ_OK)
		return KZ_ERROR;
	/* none, or more than the hits gather (they stop short of cap, at
	 * most 35,000: lists.c): counted by the query (all of them, when
	 * all are asked for) */
	if (rows == NULL && (got == 0 || cap < 0 || (long long)got <= cap))
		return kz_rlist_total(w->db, &w->q, cap, n, err);
	*n = (long long)got;
	if (rows != NULL) {
		w->hits = rows;
		w->nhits = got;
	} else
		*n = cap;	/* more: as far as counted */
	return KZ_OK;
}

int
kz_rwin_more(struct kz_rwin *w, long long upto, struct kz_err *err)
{
	long long cap = w->cap < KZ_RWIN_CAP ? KZ_RWIN_CAP : w->cap * 8, n;

	if (w->exact)
		return KZ_OK;
	while (cap <= upto)
		cap *= 8;
	if (total(w, cap, &n, err) != KZ_OK)
		return KZ_ERROR;
	w->cap = cap;
	if (n > w->count)
		w->count = n;
	if (n < cap) {
		w->count = n;
		w->exact = true;
	}
	return KZ_OK;
}

const struct kz_rwin_row *
kz_rwin_row(struct kz_rwin *w, long long i, struct kz_err *err)
{
	long long at;

	if (i < 0 || (w->exact && i >= w->count))
		return NULL;
	if (i >= w->base && i < w->base + (long long)w->n)
		return &w->rows[i - w->base];
	/* the page with i a quarter down it: moving on either way reads
	 * again only after a good many rows */
	at = i - KZ_RWIN_PAGE / 4;
	if (read_page(w, at < 0 ? 0 : at, err) != KZ_OK)
		return NULL;
	if (i >= w->base && i < w->base + (long long)w->n)
		return &w->rows[i - w->base];
	if (!w->exact) {
		/* past the last row, which is before the page: counted */
		long long n;

		if (total(w, -1, &n, err) != KZ_OK)
			return NULL;
		w->count = n;
		w->exact = true;
	}
	return NULL;
}

int
kz_rwin_all(struct kz_rwin *w, struct kz_err *err)
{
	long long n;

	if (w->exact)
		return KZ_OK;
	if (total(w, -1, &n, err) != KZ_OK)
		return KZ_ERROR;
	kz_rwin_known(w, n);
	return KZ_OK;
}

void
kz_rwin_known(struct kz_rwin *w, long long n)
{
	w->count = n;
	w->exact = true;
}

long long
kz_rwin_count(const struct kz_rwin *w)
{
	return w->count;
}

bool
kz_rwin_exact(const struct kz_rwin *w)
{
	return w->exact;
}

/* Where record id is among the hits: its rowid looked for. */
static long long
hits_find(struct kz_rwin *w, const char *id, struct kz_err *err)
{
	const struct kz_rlist *l = w->q.l;
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st = NULL;
	long long row = -1, pos = -1;
	int rc;

	kz_buf_printf(&sql, "SELECT %s.rowid FROM %s WHERE %s.id = ?",
	    l->alias, l->from, l->alias);
	if (sql.oom) {
		kz_buf_free(&sql);
		return kz_err_add(err, "", _("out of memory")), -1;
	}
	if (sqlite3_prepare_v2(w->db->sql, sql.s, -1, &st, NULL) !=
	    SQLITE_OK) {
		kz_buf_free(&sql);
		return kz_db_fail(w->db, err, l->name), -1;
	}
	kz_buf_free(&sql);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(w->db, err, l->name), -1;
	for (size_t i = 0; row >= 0 && i < w->nhits; i++)
		if (w->hits[i] == row)
			pos = (long long)i;
	return pos;
}

long long
kz_rwin_find(struct kz_rwin *w, const char *id, struct kz_err *err)
{
	long long pos;

	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->rows[i].id, id) == 0)
			return w->base + (long long)i;
	if (w->hits != NULL)
		return hits_find(w, id, err);
	if (kz_rlist_index(w->db, &w->q, id, &pos, err) != KZ_OK)
		return -1;
	if (pos >= w->count)
		w->count = pos + 1;
	return pos;
}
