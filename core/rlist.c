/* rlist.c - reading a declared list: its statement made from the declaration, its rows one at a time. */
#include "rlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "json.h"
#include "stamp.h"
#include "year.h"

int
kz_rlist_bind_text(struct kz_rlist_bind *b, const char *v)
{
	if (b->n >= KZ_RLIST_BINDS || (b->text[b->n] = strdup(v ? v : "")) ==
	    NULL)
		return KZ_ERROR;
	b->n++;
	return KZ_OK;
}

int
kz_rlist_bind_num(struct kz_rlist_bind *b, long long v)
{
	if (b->n >= KZ_RLIST_BINDS)
		return KZ_ERROR;
	b->text[b->n] = NULL;
	b->num[b->n++] = v;
	return KZ_OK;
}

static void
bind_free(struct kz_rlist_bind *b)
{
	for (int i = 0; i < b->n; i++)
		free(b->text[i]);
	b->n = 0;
	free(b->hits);
	b->hits = NULL;
}

/* The words of a year filter's condition (rlist.h), longest first so
 * :yfrom is not read as :y... */
static const char *const year_words[] = { ":yfrom", ":yto", ":year",
	":from", ":to", ":month", NULL };

/* The word of year_words at p, or -1. */
static int
year_word_at(const char *p)
{
	for (int i = 0; year_words[i]; i++) {
		size_t n = strlen(year_words[i]);

		if (strncmp(p, year_words[i], n) == 0 && !(p[n] == '_' ||
		    (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' &&
		    p[n] <= '9')))
			return i;
	}
	return -1;
}

void
kz_rlist_year_sql(const char *where, struct kz_buf *sql)
{
	for (const char *p = where; *p;) {
		int w = *p == ':' ? year_word_at(p) : -1;

		if (w < 0) {
			size_t n = strcspn(p + 1, ":") + 1;

			kz_buf_printf(sql, "%.*s", (int)n, p);
			p += n;
		} else {
			kz_buf_puts(sql, "?");
			p += strlen(year_words[w]);
		}
	}
}

int
kz_rlist_year_bind(struct kz_db *db, const char *typed, const char *where,
    struct kz_rlist_bind *b, const char *where_err, struct kz_err *err)
{
	char from[11], to[11];
	int year, yfrom, yto, rc = KZ_OK;

	if (typed == NULL) {
		/* every year */
		year = 0;
		from[0] = to[0] = '\0';
	} else if (kz_year_parse(db ? db->cfg : NULL, typed, &year, from, to,
	    where_err, err) != KZ_OK)
		return KZ_ERROR;
	yfrom = from[0] ? kz_year_of(db ? db->cfg : NULL, from) : 0;
	yto = to[0] ? kz_year_of(db ? db->cfg : NULL, to) : 9999;
	if (!from[0])
		snprintf(from, sizeof from, "0000-01-01");
	if (!to[0])
		snprintf(to, sizeof to, "9999-12-31");
	for (const char *p = where; *p && rc == KZ_OK; p++) {
		int w = *p == ':' ? year_word_at(p) : -1;

		if (w < 0)
			continue;
		switch (w) {
		case 0: rc = kz_rlist_bind_num(b, yfrom); break;
		case 1: rc = kz_rlist_bind_num(b, yto); break;
		case 2: rc = kz_rlist_bind_num(b, year); break;
		case 3: rc = kz_rlist_bind_text(b, from); break;
		case 4: rc = kz_rlist_bind_text(b, to); break;
		default: rc = kz_rlist_bind_num(b, kz_year_start(db ?
		    db->cfg : NULL)); break;
		}
		p += strlen(year_words[w]) - 1;
	}
	if (rc != KZ_OK) {
		bind_free(b);
		return kz_err_add(err, where_err, _("out of memory"));
	}
	return KZ_OK;
}

void
kz_rlist_query_init(struct kz_rlist_query *q, const struct kz_rlist *l)
{
	memset(q, 0, sizeof *q);
	q->l = l;
	q->limit = -1;
}

const struct kz_rlist_filter *
kz_rlist_filter(const struct kz_rlist *l, const char *name)
{
	for (const struct kz_rlist_filter *f = l->filters; f && f->where; f++)
		if (f->option && strcmp(f->option, name) == 0)
			return f;
	return NULL;
}

int
kz_rlist_set(struct kz_rlist_query *q, const char *name, const char *value)
{
	const struct kz_rlist_filter *f = kz_rlist_filter(q->l, name);

	if (f == NULL || f - q->l->filters >= KZ_RLIST_FILTERS)
		return KZ_ERROR;
	q->value[f - q->l->filters] = value;
	return KZ_OK;
}

const struct kz_rfield *
kz_rlist_field(const struct kz_rlist *l, size_t col)
{
	const char *name = l->cols[col].field;

	return name ? kz_rtype_field(l->rt, name) : NULL;
}

const char *
kz_rlist_key(const struct kz_rlist *l, size_t col)
{
	const struct kz_rfield *f = kz_rlist_field(l, col);

	if (l->cols[col].key || f == NULL)
		return l->cols[col].key;
	return f->name;
}

const char *
kz_rlist_sort_expr(const struct kz_rlist *l, size_t col)
{
	const struct kz_rlist_col *c = &l->cols[col];
	const struct kz_rfield *f = kz_rlist_field(l, col);

	if (c->sort)
		return c->sort;
	if (f)
		return f->column && f->kind != KZ_RK_LIST &&
		    f->kind != KZ_RK_MADE ? f->column : NULL;
	return c->child ? NULL : c->expr;
}

int
kz_rlist_col(const struct kz_rlist *l, const char *key)
{
	for (size_t i = 0; i < l->ncols; i++)
		if (kz_rlist_key(l, i) && strcmp(kz_rlist_key(l, i), key) == 0)
			return (int)i;
	return -1;
}

/* A field's column with the list's alias; what a made value sorts by
 * as it is written (it names its own tables). Text sorts without
 * regard to case. */
static void
sort_term(const struct kz_rlist *l, size_t col, bool desc, struct kz_buf *out)
{
	const struct kz_rfield *f = kz_rlist_field(l, col);
	const char *e = kz_rlist_sort_expr(l, col);
	bool text = f && (f->kind == KZ_RK_TEXT || f->kind == KZ_RK_NOTE);

	if (f && !l->cols[col].sort)
		kz_buf_printf(out, "%s.%s", l->alias, e);
	else
		kz_buf_puts(out, e);
	kz_buf_printf(out, "%s%s, ", text && !l->cols[col].sort ?
	    " COLLATE NOCASE" : "", desc ? " DESC" : "");
}

/* Does a column before col sort under col's key? (Name it once.) */
static bool
sorts_before(const struct kz_rlist *l, size_t col)
{
	for (size_t i = 0; i < col; i++)
		if (kz_rlist_sort_expr(l, i) && strcmp(kz_rlist_key(l, i),
		    kz_rlist_key(l, col)) == 0)
			return true;
	return false;
}

#define ORDER_TERMS 16

static int order_terms(const char *order, char **term, bool *desc);

/* The list's own order after the terms of a sort (out from at), less
 * those the sort has already: a term repeated ("t.year DESC, t.year
 * DESC, t.host") sorts nothing more, and SQLite would sort by it again
 * rather than read an index of the list in order. */
static void
list_order(const struct kz_rlist *l, size_t at, struct kz_buf *out)
{
	char *had[ORDER_TERMS], *term[ORDER_TERMS], *sort;
	bool hd[ORDER_TERMS], td[ORDER_TERMS];
	int nh = -1, nt = -1;

	if (l->order == NULL) {
		kz_buf_puts(out, "1");
		return;
	}
	if (out->len > at + 2 && !out->oom &&
	    (sort = strndup(out->s + at, out->len - at - 2)) != NULL) {
		nh = order_terms(sort, had, hd);
		free(sort);
	}
	if (nh > 0)
		nt = order_terms(l->order, term, td);
	if (nt < 0)
		kz_buf_puts(out, l->order);
	for (int i = 0; i < nt; i++) {
		bool dup = false;

		for (int k = 0; k < nh && !dup; k++)
			dup = strcmp(had[k], term[i]) == 0;
		if (!dup)
			kz_buf_printf(out, "%s%s, ", term[i], td[i] ? " DESC" :
			    "");
		free(term[i]);
	}
	for (int k = 0; k < nh; k++)
		free(had[k]);
	if (nt >= 0 && out->len >= at + 2 && out->s[out->len - 2] == ',') {
		out->len -= 2;	/* the last term's ", " */
		out->s[out->len] = '\0';
	}
}

int
kz_rlist_order(const struct kz_rlist *l, const char *sort, struct kz_buf *out,
    struct kz_err *err)
{
	size_t at = out->len;
	const char *p = sort ? sort : "";

	while (*p) {
		size_t n;
		bool desc;
		char key[64];
		int col;

		while (*p == ',' || *p == ' ')
			p++;
		if ((desc = *p == '-') || *p == '+')
			p++;
		n = strcspn(p, ", ");
		if (n == 0)
			continue;
		snprintf(key, sizeof key, "%.*s", (int)n, p);
		p += n;
		/* a key may name a JSON child list and a CSV column both:
		 * the one that sorts */
		for (col = 0; col < (int)l->ncols; col++)
			if (strcmp(kz_rlist_key(l, (size_t)col), key) == 0 &&
			    kz_rlist_sort_expr(l, (size_t)col))
				break;
		if (col == (int)l->ncols) {
			struct kz_buf keys = { 0 };

			for (size_t i = 0; i < l->ncols; i++)
				if (kz_rlist_sort_expr(l, i) && !sorts_before(l,
				    i))
					kz_buf_printf(&keys, "%s%s", keys.len ?
					    ", " : "", kz_rlist_key(l, i));
			kz_err_add(err, "--sort", _("\"%s\" is not a column "
			    "to sort by: use %s"), key, kz_buf_str(&keys));
			kz_buf_free(&keys);
			out->len = at;
			if (out->s)
				out->s[at] = '\0';
			return KZ_ERROR;
		}
		sort_term(l, (size_t)col, desc, out);
	}
	list_order(l, at, out);
	if (out->oom)
		return kz_err_add(err, "", _("out of memory"));
	return KZ_OK;
}

/* The values filter f binds for value v into b; problems under
 * "--option". */
static int
filter_values(struct kz_db *db, const struct kz_rlist *l,
    const struct kz_rlist_filter *f, const char *v, struct kz_rlist_bind *b,
    struct kz_err *err)
{
	struct kz_err e;	/* cleared, not zeroed: 21 KB a filter */
	char where[64], first[KZ_ERR_MSG];
	int rc = KZ_OK, marks = 0;

	kz_err_clear(&e);
	snprintf(where, sizeof where, "--%s", f->option ? f->option : "");
	if (f->flags & KZ_RLF_YEAR)
		rc = kz_rlist_year_bind(db, v, f->where, b, "", &e);
	else if (f->index)
		rc = kz_rlist_index_bind(db, f->index, v, b, &e);
	else if (f->bind)
		rc = f->bind(db, v, b, &e);
	else if (f->field) {
		const struct kz_rfield *fd = kz_rtype_field(l->rt, f->field);
		void *rec = calloc(1, l->size);
		char *t = NULL;

		if (fd == NULL || rec == NULL)
			rc = kz_err_add(&e, "", _("out of memory"));
		else if ((rc = kz_rfield_set(fd, rec, v, &e)) == KZ_OK &&
		    (t = kz_rfield_text(fd, rec)) == NULL)
			rc = kz_err_add(&e, "", _("out of memory"));
		for (const char *p = f->where; rc == KZ_OK && *p; p++)
			if (*p == '?' && kz_rlist_bind_text(b, t))
				rc = kz_err_add(&e, "", _("out of memory"));
		free(t);
		if (rec)
			kz_rtype_free(l->rt, rec);
		free(rec);
	} else {
		for (const char *p = f->where; *p; p++)
			marks += *p == '?';
		for (int i = 0; i < marks && rc == KZ_OK; i++)
			if (kz_rlist_bind_text(b, v))
				rc = kz_err_add(&e, "", _("out of memory"));
	}
	if (rc != KZ_OK) {
		/* the message as the table or bind put it, placed under
		 * the option people typed */
		if (e.n == 0)
			kz_err_add(&e, "", _("\"%s\" is not a value it takes"),
			    v);
		snprintf(first, sizeof first, "%s", e.item[0].msg);
		kz_err_add(err, where, "%s", first);
		bind_free(b);
		return KZ_ERROR;
	}
	return KZ_OK;
}

/* The row's columns: the table's, each prefixed with the list's
 * alias, then the made values. */
static void
select_list(const struct kz_rlist *l, struct kz_buf *sql, int *made)
{
	const char *cols = kz_rtype_columns(l->rt), *p = cols;
	int n = 0;

	kz_buf_puts(sql, "SELECT ");
	while (p && *p) {
		size_t len = strcspn(p, ",");

		kz_buf_printf(sql, "%s%s.%.*s", n ? ", " : "", l->alias,
		    (int)len, p);
		n++;
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
	*made = n;
	for (size_t i = 0; i < l->ncols; i++)
		if (l->cols[i].field == NULL && l->cols[i].expr)
			kz_buf_printf(sql, ", %s", l->cols[i].expr);
}

static int order_terms(const char *order, char **term, bool *desc);

/* The ORDER BY order turned round, each term the other way, into out. */
static int
order_back(const char *order, struct kz_buf *out)
{
	char *term[16];
	bool desc[16];
	int n = order_terms(order, term, desc);

	if (n <= 0)
		return KZ_ERROR;
	for (int i = 0; i < n; i++) {
		kz_buf_printf(out, "%s%s%s", i ? ", " : "", term[i], desc[i] ?
		    "" : " DESC");
		free(term[i]);
	}
	return out->oom ? KZ_ERROR : KZ_OK;
}

/* Does sort begin as the list's own order does, its first term in the
 * same direction (so that an index of the list reads its rows in
 * order, and a condition checked row by row stops with the window)? */
static bool
own_order(const struct kz_rlist *l, const char *sort)
{
	struct kz_buf o = { 0 };
	struct kz_err e = { 0 };
	size_t n = l->order ? strcspn(l->order, ",") : 0;
	bool same = false;

	if (n > 0 && kz_rlist_order(l, sort, &o, &e) == KZ_OK && o.s)
		same = strncmp(o.s, l->order, n) == 0 && (o.s[n] == ',' ||
		    o.s[n] == '\0');
	kz_buf_free(&o);
	return same;
}

bool
kz_rlist_own_order(const struct kz_rlist *l, const char *sort)
{
	struct kz_buf o = { 0 };
	struct kz_err e = { 0 };
	size_t n = l->order ? strcspn(l->order, ",") : 0;
	bool same = false;

	/* the list's order, or its first term and then it ("name" of a
	 * list ordered by the name's key) */
	if (n > 0 && kz_rlist_order(l, sort, &o, &e) == KZ_OK && o.s)
		same = strcmp(o.s, l->order) == 0 || (strncmp(o.s, l->order,
		    n) == 0 && strncmp(o.s + n, ", ", 2) == 0 &&
		    strcmp(o.s + n + 2, l->order) == 0);
	kz_buf_free(&o);
	return same;
}

/* Bind b's values to st from ?*at on. */
static void
bind_values(sqlite3_stmt *st, const struct kz_rlist_bind *b, int *at)
{
	for (int k = 0; k < b->n; k++, (*at)++)
		if (b->text[k])
			sqlite3_bind_text(st, *at, b->text[k], -1,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, *at, b->num[k]);
}

/* The statement of head (its SELECT), the list's FROM, its parent and
 * the filters q gives, then tail; every value bound, tail's ?s after
 * them (the window of a list) left to the caller. *at: the next ?.
 * ordered: the rows are read in the list's order (a filter's condition
 * for most rows, checked row by row, is for such a statement only). */
static int
prepare(struct kz_db *db, const struct kz_rlist_query *q, bool ordered,
    struct kz_buf *sql, const char *tail, sqlite3_stmt **st, int *at,
    struct kz_err *err)
{
	const struct kz_rlist *l = q->l;
	struct kz_rlist_bind b[KZ_RLIST_FILTERS];
	int nf = 0, bad = 0, rc = KZ_ERROR, drive = -1;
	bool none = false, asked[KZ_RLIST_FILTERS];

	*st = NULL;
	*at = 1;
	memset(b, 0, sizeof b);
	for (const struct kz_rlist_filter *f = l->filters; f && f->where &&
	    nf < KZ_RLIST_FILTERS; f++, nf++)
		if (q->value[nf] && filter_values(db, l, f, q->value[nf],
		    &b[nf], err) != KZ_OK)
			bad = 1;
	if (bad)
		goto out;
	/* few matches of a filter: the rows read from them, first */
	memset(asked, 0, sizeof asked);
	for (int i = 0; i < nf && drive < 0; i++)
		if (q->value[i] && b[i].few && !b[i].none &&
		    l->filters[i].drive)
			drive = i;
	if (drive >= 0)
		kz_buf_printf(sql, " FROM (%s) kz_m CROSS JOIN %s WHERE "
		    "%s.rowid = kz_m.kz_r", l->filters[drive].drive, l->from,
		    l->alias);
	else
		kz_buf_printf(sql, " FROM %s WHERE 1", l->from);
	if (l->parent)
		kz_buf_printf(sql, " AND (%s)", l->parent);
	for (int i = 0; i < nf; i++) {
		const struct kz_rlist_filter *f = &l->filters[i];
		/* (rows counted or grouped are found from the matches:
		 * reading in order is for a window) */
		const char *where = b[i].many == 2 && f->where_most &&
		    ordered && own_order(l, q->sort) ? f->where_most :
		    b[i].many && b[i].hits && b[i].n == 1 && f->where_hits &&
		    ordered ? f->where_hits :
		    b[i].many && f->where_many && ordered ? f->where_many :
		    f->where;

		if (q->value[i] == NULL || i == drive)
			continue;
		asked[i] = where == f->where_hits;
		none |= b[i].none;
		if (f->flags & KZ_RLF_YEAR) {
			kz_buf_puts(sql, " AND (");
			kz_rlist_year_sql(f->where, sql);
			kz_buf_puts(sql, ")");
		} else
			kz_buf_printf(sql, " AND (%s)", where);
	}
	if (none)
		kz_buf_puts(sql, " AND 0");
	if (q->rowids)
		kz_buf_printf(sql, " AND %s.rowid IN (SELECT value FROM "
		    "json_each(?))", l->alias);
	kz_buf_puts(sql, tail);
	if (sql->oom) {
		kz_err_add(err, "", _("out of memory"));
		goto out;
	}
	if (sqlite3_prepare_v2(db->sql, sql->s, -1, st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, l->name);
		goto out;
	}
	if (drive >= 0)
		bind_values(*st, &b[drive], at);
	if (l->parent)
		sqlite3_bind_text(*st, (*at)++, q->parent ? q->parent : "", -1,
		    SQLITE_TRANSIENT);
	for (int i = 0; i < nf; i++)
		if (asked[i]) {
			/* the statement frees them */
			sqlite3_bind_pointer(*st, (*at)++, b[i].hits,
			    "kz_rowset", free);
			b[i].hits = NULL;
		} else if (i != drive)
			bind_values(*st, &b[i], at);
	if (q->rowids)
		sqlite3_bind_text(*st, (*at)++, q->rowids, -1,
		    SQLITE_TRANSIENT);
	rc = KZ_OK;
out:
	for (int i = 0; i < nf; i++)
		bind_free(&b[i]);
	return rc;
}

int
kz_rlist_open(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rlist_cursor *c, struct kz_err *err)
{
	const struct kz_rlist *l = q->l;
	struct kz_buf sql = { 0 }, tail = { 0 }, order = { 0 };
	int at;

	memset(c, 0, sizeof *c);
	select_list(l, &sql, &c->made);
	if (kz_rlist_order(l, q->sort, &order, err) != KZ_OK) {
		kz_buf_free(&sql);
		kz_buf_free(&order);
		return KZ_ERROR;
	}
	if (q->window) {
		struct kz_buf back = { 0 };

		if (q->from_end && order_back(kz_buf_str(&order), &back) !=
		    KZ_OK) {
			kz_buf_free(&sql);
			kz_buf_free(&order);
			kz_buf_free(&back);
			return kz_err_add(err, "", _("out of memory"));
		}
		/* The window's rows found by their rowids alone, so that
		 * made values (counts, a record's fields) are computed for
		 * the rows shown, never for every row a sort goes through. */
		kz_buf_printf(&sql, " FROM %s WHERE %s.rowid IN (SELECT "
		    "%s.rowid", l->from, l->alias, l->alias);
		kz_buf_printf(&tail, " ORDER BY %s LIMIT ? OFFSET ?) ORDER BY "
		    "%s", q->from_end ? kz_buf_str(&back) : kz_buf_str(&order),
		    kz_buf_str(&order));
		kz_buf_free(&back);
	} else
		kz_buf_printf(&tail, " ORDER BY %s LIMIT ? OFFSET ?",
		    kz_buf_str(&order));
	kz_buf_free(&order);
	if (tail.oom || prepare(db, q, true, &sql, kz_buf_str(&tail), &c->st,
	    &at, err) != KZ_OK) {
		if (tail.oom)
			kz_err_add(err, "", _("out of memory"));
		kz_buf_free(&sql);
		kz_buf_free(&tail);
		return KZ_ERROR;
	}
	kz_buf_free(&tail);
	c->sql = sql.s;
	sqlite3_bind_int64(c->st, at++, q->limit < 0 ? -1 : q->limit);
	sqlite3_bind_int64(c->st, at, q->offset < 0 ? 0 : q->offset);
	c->l = l;
	c->db = db;
	if ((c->rec = calloc(1, l->size)) == NULL) {
		kz_rlist_close(c);
		return kz_err_add(err, "", _("out of memory"));
	}
	return KZ_OK;
}

/* The rows q selects grouped by expr, each group's n the aggregate agg
 * (count(*), a sum): SQL constants, never from input. */
static int
group(struct kz_db *db, const struct kz_rlist_query *q, const char *expr,
    const char *agg, const char *order, struct kz_counts *out,
    struct kz_err *err)
{
	struct kz_buf sql = { 0 }, tail = { 0 };
	sqlite3_stmt *st;
	int at, rc;

	memset(out, 0, sizeof *out);
	kz_buf_printf(&sql, "SELECT %s AS key, %s AS n", expr, agg);
	kz_buf_printf(&tail, " GROUP BY key ORDER BY %s", order);
	rc = tail.oom ? kz_err_add(err, "", _("out of memory")) :
	    prepare(db, q, false, &sql, kz_buf_str(&tail), &st, &at, err);
	kz_buf_free(&sql);
	kz_buf_free(&tail);
	return rc == KZ_OK ? kz_counts_read(st, out, err) : KZ_ERROR;
}

/* The count of every row of list l kept for the database's state, or
 * its slot (the oldest given up) to keep one in: a tab shown again, or
 * its search emptied, counted 20,000 dispatches again each time (0.8
 * ms of a key). */
static struct kz_db_total *
total_slot(struct kz_db *db, const struct kz_rlist *l, bool *known)
{
	long long ver = kz_db_others(db),
	    changes = sqlite3_total_changes64(db->sql);
	struct kz_db_total *t;
	int i;

	for (i = 0; i < db->ntotals && db->totals[i].l != l; i++)
		;
	if (i == db->ntotals) {
		if (db->ntotals < (int)(sizeof db->totals /
		    sizeof db->totals[0]))
			db->ntotals++;
		else
			memmove(&db->totals[0], &db->totals[1], (size_t)--i *
			    sizeof db->totals[0]);
	}
	t = &db->totals[i];
	*known = t->l == l && t->ver == ver && t->changes == changes;
	t->l = l;
	t->ver = ver;
	t->changes = changes;
	return t;
}

int
kz_rlist_total(struct kz_db *db, const struct kz_rlist_query *q,
    long long cap, long long *n, struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	struct kz_db_total *slot = NULL;
	sqlite3_stmt *st;
	bool given = false, known;
	int at, rc;

	*n = 0;
	for (int i = 0; i < KZ_RLIST_FILTERS; i++)
		given |= q->value[i] != NULL;
	if (!given && !q->l->parent && cap < 0 &&
	    (slot = total_slot(db, q->l, &known)) != NULL && known) {
		*n = slot->n;
		return KZ_OK;
	}
	if (!given && !q->l->parent && q->l->count_from) {
		/* every row, counted without the joins */
		struct kz_rlist ql = *q->l;
		struct kz_rlist_query qq = *q;

		ql.from = ql.count_from;
		qq.l = &ql;
		kz_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1");
		rc = prepare(db, &qq, false, &sql, " LIMIT ?)", &st, &at, err);
	} else {
		kz_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1");
		rc = prepare(db, q, false, &sql, " LIMIT ?)", &st, &at, err);
	}
	kz_buf_free(&sql);
	if (rc != KZ_OK) {
		if (slot != NULL)
			slot->l = NULL;
		return KZ_ERROR;
	}
	sqlite3_bind_int64(st, at, cap < 0 ? -1 : cap);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		if (slot != NULL)
			slot->l = NULL;
		return kz_db_fail(db, err, q->l->name);
	}
	if (slot != NULL)
		slot->n = *n;
	return KZ_OK;
}

/* The terms of an ORDER BY, each without its " DESC" (desc[i] says),
 * into term[] (malloc'd); how many, or -1 (too many, out of memory). */
static int
order_terms(const char *order, char **term, bool *desc)
{
	const char *p = order, *start = order;
	int depth = 0, n = 0;
	bool quote = false;

	for (;; p++) {
		if (*p == '\'')
			quote = !quote;
		else if (!quote && *p == '(')
			depth++;
		else if (!quote && *p == ')')
			depth--;
		if (*p == '\0' || (*p == ',' && depth == 0 && !quote)) {
			size_t len = (size_t)(p - start);

			while (len > 0 && start[len - 1] == ' ')
				len--;
			if (n == ORDER_TERMS)
				break;
			desc[n] = len > 5 && strncmp(start + len - 5, " DESC",
			    5) == 0;
			if (desc[n])
				len -= 5;
			if ((term[n] = strndup(start, len)) == NULL)
				break;
			n++;
			if (*p == '\0')
				return n;
			start = p + 1;
			while (*start == ' ')
				start++;
		}
	}
	while (n > 0)
		free(term[--n]);
	return -1;
}

/* Where id is, counting the rows before it in order (*pos -1 when id
 * is not listed): its order terms compared with the row's, as one row
 * value when they all go one way (the list's index then counts them),
 * else term by term. */
static int
index_before(struct kz_db *db, const struct kz_rlist_query *q,
    const char *id, const char *order, long long *pos, struct kz_err *err)
{
	const struct kz_rlist *l = q->l;
	struct kz_buf sql = { 0 }, tail = { 0 };
	char *term[ORDER_TERMS];
	bool desc[ORDER_TERMS], same = true;
	sqlite3_stmt *st;
	int at, rc, n = order_terms(order, term, desc);

	if (n <= 0)
		return kz_err_add(err, "", _("out of memory"));
	for (int i = 1; i < n; i++)
		same &= desc[i] == desc[0];
	/* is it listed at all */
	kz_buf_puts(&sql, "SELECT 1");
	kz_buf_printf(&tail, " AND %s.id = ?", l->alias);
	rc = prepare(db, q, false, &sql, kz_buf_str(&tail), &st, &at, err);
	kz_buf_free(&sql);
	kz_buf_free(&tail);
	if (rc == KZ_OK) {
		sqlite3_bind_text(st, at, id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			*pos = -1;
		rc = rc == SQLITE_ROW ? KZ_OK : rc == SQLITE_DONE ? 1 :
		    kz_db_fail(db, err, l->name);
	}
	if (rc != KZ_OK) {
		while (n > 0)
			free(term[--n]);
		return rc == 1 ? KZ_OK : KZ_ERROR;
	}
	/* the rows before it; the id's own values by subqueries, whose
	 * alias is their own */
	kz_buf_puts(&sql, "SELECT count(*)");
	kz_buf_puts(&tail, " AND ");
	if (same) {
		kz_buf_puts(&tail, "(");
		for (int i = 0; i < n; i++)
			kz_buf_printf(&tail, "%s%s", i ? ", " : "", term[i]);
		kz_buf_printf(&tail, ") %s (SELECT ", desc[0] ? ">" : "<");
		for (int i = 0; i < n; i++)
			kz_buf_printf(&tail, "%s%s", i ? ", " : "", term[i]);
		kz_buf_printf(&tail, " FROM %s WHERE %s.id = :kz_id)", l->from,
		    l->alias);
	} else {
		kz_buf_puts(&tail, "(0");
		for (int i = 0; i < n; i++) {
			kz_buf_puts(&tail, " OR (1");
			for (int k = 0; k <= i; k++)
				kz_buf_printf(&tail, " AND %s %s (SELECT %s "
				    "FROM %s WHERE %s.id = :kz_id)", term[k],
				    k < i ? "=" : desc[k] ? ">" : "<", term[k],
				    l->from, l->alias);
			kz_buf_puts(&tail, ")");
		}
		kz_buf_puts(&tail, ")");
	}
	while (n > 0)
		free(term[--n]);
	rc = tail.oom ? kz_err_add(err, "", _("out of memory")) :
	    prepare(db, q, false, &sql, kz_buf_str(&tail), &st, &at, err);
	kz_buf_free(&sql);
	kz_buf_free(&tail);
	if (rc != KZ_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":kz_id"), id,
	    -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*pos = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, err, l->name);
}

/* Is id the row at pos in order? */
static bool
id_at(struct kz_db *db, const struct kz_rlist_query *q, const char *order,
    long long pos, const char *id)
{
	struct kz_buf sql = { 0 }, tail = { 0 };
	struct kz_err e = { 0 };
	sqlite3_stmt *st;
	bool same = false;
	int at;

	kz_buf_printf(&sql, "SELECT %s.id", q->l->alias);
	kz_buf_printf(&tail, " ORDER BY %s LIMIT 1 OFFSET ?", order);
	if (!tail.oom && prepare(db, q, true, &sql, kz_buf_str(&tail), &st,
	    &at, &e) == KZ_OK) {
		sqlite3_bind_int64(st, at, pos);
		same = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)
		    sqlite3_column_text(st, 0), id) == 0;
		sqlite3_finalize(st);
	}
	kz_buf_free(&sql);
	kz_buf_free(&tail);
	return same;
}

int
kz_rlist_index(struct kz_db *db, const struct kz_rlist_query *q,
    const char *id, long long *pos, struct kz_err *err)
{
	const struct kz_rlist *l = q->l;
	struct kz_buf sql = { 0 }, order = { 0 };
	struct kz_err e = { 0 };
	sqlite3_stmt *st;
	int at, rc;

	*pos = -1;
	if (kz_rlist_order(l, q->sort, &order, err) != KZ_OK) {
		kz_buf_free(&order);
		return KZ_ERROR;
	}
	/* Counted before it over the indexes, then checked (a NULL in a
	 * term compares as nothing); else numbered, every row sorted. */
	if (index_before(db, q, id, kz_buf_str(&order), pos, &e) == KZ_OK &&
	    (*pos < 0 || id_at(db, q, kz_buf_str(&order), *pos, id))) {
		kz_buf_free(&order);
		return KZ_OK;
	}
	*pos = -1;
	/* its place in the order: numbered over the rows the filters
	 * leave, the columns never made */
	kz_buf_printf(&sql, "SELECT n FROM (SELECT %s.id AS kz_id, "
	    "row_number() OVER (ORDER BY %s) AS n", l->alias,
	    kz_buf_str(&order));
	kz_buf_free(&order);
	rc = prepare(db, q, false, &sql, ") WHERE kz_id = ?", &st, &at, err);
	kz_buf_free(&sql);
	if (rc != KZ_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, at, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*pos = sqlite3_column_int64(st, 0) - 1;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK :
	    kz_db_fail(db, err, l->name);
}

int
kz_rlist_count(struct kz_db *db, const struct kz_rlist_query *q,
    const char *expr, const char *order, struct kz_counts *out,
    struct kz_err *err)
{
	return group(db, q, expr, "count(*)", order, out, err);
}

int
kz_rlist_sum(struct kz_db *db, const struct kz_rlist_query *q,
    const char *expr, const char *sum, const char *order,
    struct kz_counts *out, struct kz_err *err)
{
	char agg[160];

	snprintf(agg, sizeof agg, "coalesce(sum(%s), 0)", sum);
	return group(db, q, expr, agg, order, out, err);
}

static void
rec_free(const struct kz_rlist *l, void *rec)
{
	if (l->free)
		l->free(rec);
	else
		kz_rtype_free(l->rt, rec);
}

int
kz_rlist_next(struct kz_rlist_cursor *c, struct kz_err *err)
{
	int rc;

	rec_free(c->l, c->rec);
	memset(c->rec, 0, c->l->size);
	rc = sqlite3_step(c->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return kz_db_fail(c->db, err, c->l->name);
	if (kz_rtype_row(c->l->rt, c->st, 0, c->rec) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	if (kz_rtype_tr_load(c->db, c->l->rt, c->rec, err) != KZ_OK)
		return KZ_ERROR;
	if (c->l->fill && c->l->fill(c->db, c->rec, err) != KZ_OK)
		return KZ_ERROR;
	return 1;
}

void
kz_rlist_rewind(struct kz_rlist_cursor *c)
{
	sqlite3_reset(c->st);
}

void
kz_rlist_close(struct kz_rlist_cursor *c)
{
	if (c->rec) {
		rec_free(c->l, c->rec);
		free(c->rec);
	}
	sqlite3_finalize(c->st);
	free(c->sql);
	memset(c, 0, sizeof *c);
}

/* The result column of made value col. */
static int
made_at(const struct kz_rlist_cursor *c, size_t col)
{
	int at = c->made;

	for (size_t i = 0; i < col; i++)
		if (c->l->cols[i].field == NULL && c->l->cols[i].expr)
			at++;
	return at;
}

static char *
made_text(const struct kz_rlist_cursor *c, size_t col)
{
	const unsigned char *t = sqlite3_column_text(c->st, made_at(c, col));

	return strdup(t ? (const char *)t : "");
}

char *
kz_rlist_text(const struct kz_rlist_cursor *c, size_t col)
{
	const struct kz_rfield *f = kz_rlist_field(c->l, col);

	return f ? kz_rfield_text(f, c->rec) : made_text(c, col);
}

/* "START..END" (or one date) with each date in the office's format. */
static char *
dates_shown(const struct kz_rlist_cursor *c, size_t col)
{
	char *t = made_text(c, col), f[64], z[64], a[64], b[64], *out;
	size_t n;

	if (t == NULL || kz_date_range_split(t, f, z, sizeof f) != 1) {
		if (t && kz_date_valid(t)) {
			kz_stamp_date(c->db->cfg, t, a, sizeof a);
			free(t);
			return strdup(a);
		}
		return t;
	}
	kz_stamp_date(c->db->cfg, f, a, sizeof a);
	kz_stamp_date(c->db->cfg, z, b, sizeof b);
	free(t);
	n = strlen(a) + strlen(b) + 3;
	if ((out = malloc(n)) != NULL)
		snprintf(out, n, "%s..%s", a, b);
	return out;
}

char *
kz_rlist_shown(const struct kz_rlist_cursor *c, size_t col)
{
	const struct kz_rfield *f = kz_rlist_field(c->l, col);
	char *t, *s;

	/* a column that says how people read it */
	if (c->l->cols[col].show) {
		if ((t = kz_rlist_text(c, col)) == NULL)
			return NULL;
		s = c->l->cols[col].show(c->db, t);
		free(t);
		return s;
	}
	if (f == NULL && (c->l->cols[col].flags & KZ_RC_DATES))
		return dates_shown(c, col);
	/* an enumeration as its label, a date in the office's date format,
	 * a stamp in its time; codes as stored */
	if (f && c->l->cols[col].orelse && kz_rfield_empty(f, c->rec) &&
	    kz_rtype_field(c->l->rt, c->l->cols[col].orelse))
		f = kz_rtype_field(c->l->rt, c->l->cols[col].orelse);
	if (f && (f->kind == KZ_RK_DATE || f->kind == KZ_RK_STAMP))
		return kz_rfield_shown(f, c->rec, c->db->cfg);
	if (f && (f->kind == KZ_RK_ENUM || (f->flags & KZ_RF_LANGS) ||
	    (c->l->cols[col].flags & KZ_RC_SHOWN)))
		return kz_rfield_shown(f, c->rec, NULL);
	return kz_rlist_text(c, col);
}

/* The rows of a child list of the current row, as a JSON array. */
static int
child_json(const struct kz_rlist_cursor *c, const char *sql,
    struct kz_buf *out)
{
	const struct kz_rfield *id = kz_rtype_field(c->l->rt, "id");
	sqlite3_stmt *st = kz_db_stmt(c->db, sql);
	char *t = id ? kz_rfield_text(id, c->rec) : NULL;
	int rc, rows = 0;

	if (st == NULL || t == NULL) {
		free(t);
		return KZ_ERROR;
	}
	sqlite3_bind_text(st, 1, t, -1, SQLITE_TRANSIENT);
	free(t);
	kz_buf_puts(out, "[");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kz_buf_puts(out, rows++ ? ", {" : "{");
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			kz_buf_puts(out, i ? ", " : "");
			kz_json_str(out, sqlite3_column_name(st, i));
			kz_buf_puts(out, ": ");
			if (sqlite3_column_type(st, i) == SQLITE_INTEGER)
				kz_buf_printf(out, "%lld", (long long)
				    sqlite3_column_int64(st, i));
			else
				kz_json_str(out, (const char *)
				    sqlite3_column_text(st, i));
		}
		kz_buf_puts(out, "}");
	}
	kz_buf_puts(out, "]");
	sqlite3_reset(st);
	return rc != SQLITE_DONE || out->oom ? KZ_ERROR : KZ_OK;
}

int
kz_rlist_json(const struct kz_rlist_cursor *c, size_t col, struct kz_buf *out)
{
	const struct kz_rfield *f = kz_rlist_field(c->l, col);
	unsigned fl = c->l->cols[col].flags;
	int at;

	if (f)
		return kz_rfield_json(f, c->rec, out);
	if (c->l->cols[col].child)
		return child_json(c, c->l->cols[col].child, out);
	at = made_at(c, col);
	if (sqlite3_column_type(c->st, at) == SQLITE_NULL)
		kz_buf_puts(out, "null");
	else if (fl & KZ_RC_NUMBER)
		kz_buf_printf(out, "%lld", (long long)sqlite3_column_int64(
		    c->st, at));
	else {
		const char *t = (const char *)sqlite3_column_text(c->st, at);

		kz_json_str(out, (fl & KZ_RC_NULL) && t && !*t ? NULL : t);
	}
	return out->oom ? KZ_ERROR : KZ_OK;
}
