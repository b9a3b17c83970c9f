/* history_log.c - the history of every record, written from a transaction's captured changes. */
#include "history_log.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "changeset.h"
#include "i18n.h"
#include "id.h"
#include "json.h"
#include "sync_rules.h"

/*
 * Why from the captured changes and not from each record type's writes:
 * every write already passes kz_db_commit with its changes captured for
 * sync, so the history misses no type, no child row and no path (a form,
 * a command, an import, a cascade of a delete), and a new type has one.
 * A change applied from another office's bundle records nothing here: it
 * brings the history rows the office made.
 */

/* One record the transaction touched. */
struct touched {
	char id[KZ_ID_SIZE];
	const char *kind;
	const char *action;	/* "add", "edit" or "delete" */
	struct kz_buf changes;	/* JSON objects, comma separated */
	int n;
};

struct log {
	struct touched *t;
	size_t n, cap;
	size_t *slot;		/* open addressing: index + 1, 0 free */
	size_t nslot;
};

/* What a column is to the history (take), known once a table. */
enum {
	COL_SKIPPED = 1,	/* skipped(): an id, a stamp, a place */
	COL_HIDDEN = 2,		/* the rule's hidden: made from others */
	COL_PERSONAL = 4,	/* the rule's personal: that it changed */
	COL_KNOWN = 8		/* the flags are set */
};

/* The column names of a table, at most 64, and their flags. */
struct columns {
	char table[64];
	char *name[64];
	unsigned char flag[64];
	int n;
};

/* The tables a changeset has named so far: a record's changes come
 * table by table in turn (a specialist, its fields, its languages, the
 * next specialist), and asking pragma_table_info at every switch was a
 * fifth of an import's time. */
#define NCOLUMNS 16
struct columns_cache {
	struct columns c[NCOLUMNS];
	int n;
};

static unsigned long
hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int
grow_slots(struct log *l)
{
	size_t n = l->nslot ? l->nslot * 2 : 64;
	size_t *s = calloc(n, sizeof *s);

	if (s == NULL)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		size_t h = hash(l->t[i].id) % n;

		while (s[h])
			h = (h + 1) % n;
		s[h] = i + 1;
	}
	free(l->slot);
	l->slot = s;
	l->nslot = n;
	return 0;
}

static struct touched *
find(struct log *l, const char *id, const char *kind)
{
	size_t h;

	if (l->n * 2 >= l->nslot && grow_slots(l) != 0)
		return NULL;
	for (h = hash(id) % l->nslot; l->slot[h]; h = (h + 1) % l->nslot)
		if (strcmp(l->t[l->slot[h] - 1].id, id) == 0)
			return &l->t[l->slot[h] - 1];
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct touched *t = realloc(l->t, cap * sizeof *t);

		if (t == NULL)
			return NULL;
		l->t = t;
		l->cap = cap;
	}
	memset(&l->t[l->n], 0, sizeof l->t[l->n]);
	snprintf(l->t[l->n].id, sizeof l->t[l->n].id, "%s", id);
	l->t[l->n].kind = kind;
	l->t[l->n].action = "edit";
	l->slot[h] = ++l->n;
	return &l->t[l->n - 1];
}

static void
columns_free(struct columns *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->name[i]);
	c->n = 0;
	c->table[0] = '\0';
}

static int
columns_read(sqlite3 *sql, const char *table, struct columns *c)
{
	sqlite3_stmt *st;

	columns_free(c);
	memset(c->flag, 0, sizeof c->flag);
	if (sqlite3_prepare_v2(sql, "SELECT name FROM pragma_table_info(?1) "
	    "ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && c->n < 64) {
		const char *n = (const char *)sqlite3_column_text(st, 0);

		if ((c->name[c->n] = strdup(n ? n : "")) == NULL)
			break;
		c->n++;
	}
	sqlite3_finalize(st);
	snprintf(c->table, sizeof c->table, "%s", table);
	return 0;
}

/* The columns of table, read once a changeset (the last slot is taken
 * again when every one is in use); NULL when the schema cannot be read. */
static struct columns *
columns_of(sqlite3 *sql, const char *table, struct columns_cache *cc)
{
	struct columns *c;

	for (int i = 0; i < cc->n; i++)
		if (strcmp(cc->c[i].table, table) == 0)
			return &cc->c[i];
	c = &cc->c[cc->n < NCOLUMNS ? cc->n++ : NCOLUMNS - 1];
	return columns_read(sql, table, c) == 0 ? c : NULL;
}

static void
columns_cache_free(struct columns_cache *cc)
{
	for (int i = 0; i < cc->n; i++)
		columns_free(&cc->c[i]);
	cc->n = 0;
}

/* Columns a change does not name as a field: the record's own id and
 * its audit stamps, which every edit moves; a list's order. */
static bool
skipped(const char *col)
{
	static const char *const skip[] = { "id", "created", "created_by",
	    "updated", "updated_by", "pos", "position", NULL };

	for (int i = 0; skip[i]; i++)
		if (strcmp(col, skip[i]) == 0)
			return true;
	return false;
}

/* A value of a change as the history shows it: text of n bytes at s, or
 * none (s NULL: a null, a blob); def: in the change at all (an update
 * leaves out the columns it did not change). */
struct val {
	const char *s;
	size_t n;
	bool def;
	char num[40];		/* a number's text */
};

static bool
same(const struct val *a, const struct val *b)
{
	return a->s && b->s && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* One field's change. A side that is none is left out, which a reader
 * takes as null (json_extract), as it took the null written before: an
 * added record's history is its values, not each beside a null. */
static void
change(struct touched *t, const char *field, const struct val *old,
    const struct val *new)
{
	if (old && new && same(old, new))
		return;
	/* the changes are a JSON array, closed when stored */
	kz_buf_puts(&t->changes, t->n++ ? ",{\"field\":" : "[{\"field\":");
	kz_json_str(&t->changes, field);
	if (old && old->s) {
		kz_buf_puts(&t->changes, ",\"old\":");
		kz_json_strn(&t->changes, old->s, old->n);
	}
	if (new && new->s) {
		kz_buf_puts(&t->changes, ",\"new\":");
		kz_json_strn(&t->changes, new->s, new->n);
	}
	kz_buf_puts(&t->changes, "}");
}

static uint64_t
get_u64(const unsigned char *p)
{
	uint64_t x = 0;

	for (int i = 0; i < 8; i++)
		x = x << 8 | p[i];
	return x;
}

/*
 * The record at p, of ncol values, into v: read from the changeset's
 * bytes (changeset.h), with no sqlite3_value made and freed for each
 * (SQLite's iterator's were a sixth of a long import's time). A number
 * as SQLite writes it as text. The byte after it, or NULL if damaged.
 */
static const unsigned char *
read_record(const unsigned char *p, const unsigned char *end, int ncol,
    struct val *v)
{
	for (int c = 0; c < ncol; c++) {
		long len = kz_cs_value_len(p, end);
		uint64_t u;
		double d;
		unsigned n;
		int k;

		if (len < 0)
			return NULL;
		v[c].s = NULL;
		v[c].n = 0;
		v[c].def = p[0] != 0;
		switch (p[0]) {
		case 1:
			u = get_u64(p + 1);
			snprintf(v[c].num, sizeof v[c].num, "%lld",
			    (long long)(int64_t)u);
			v[c].s = v[c].num;
			break;
		case 2:
			u = get_u64(p + 1);
			memcpy(&d, &u, sizeof d);
			sqlite3_snprintf((int)sizeof v[c].num, v[c].num,
			    "%!.15g", d);
			v[c].s = v[c].num;
			break;
		case 3:
			k = kz_cs_varint(p + 1, end, &n);
			v[c].s = (const char *)p + 1 + k;
			/* as SQLite's text would end: at a NUL */
			v[c].n = strnlen(v[c].s, n);
			break;
		}
		if (v[c].s == v[c].num)
			v[c].n = strlen(v[c].num);
		p += len;
	}
	return p;
}

/* The change being read: its table and values (none where it has no
 * such record: an insert's old, a deletion's new). */
struct cur {
	const char *table;
	const struct kz_sync_rule *rule;
	struct columns *cols;	/* looked up at the table's first record */
	int ncol, op;
	struct val *old, *new;
	int cap;
};

/* A child row as one line: its values but the owner's id and its
 * position, in the table's order ("ja native"). */
static char *
row_text(const struct cur *x, bool new, bool old_too)
{
	const struct columns *c = x->cols;
	struct kz_buf b = { 0 };

	for (int i = 1; i < x->ncol; i++) {
		const struct val *v = NULL;

		if (i < c->n && (c->flag[i] & COL_SKIPPED))
			continue;
		if (new && x->new[i].def)
			v = &x->new[i];
		/* an update carries the key and what changed; the rest is
		 * as it was */
		if (v == NULL && (!new || old_too) && x->old[i].def)
			v = &x->old[i];
		if (v == NULL || v->s == NULL || v->n == 0)
			continue;
		if (b.len)
			kz_buf_puts(&b, " ");
		kz_buf_put(&b, v->s, v->n);
	}
	if (b.oom) {
		kz_buf_free(&b);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

/* The record id a value holds, if it is text. */
static bool
id_of(const struct val *v, char id[KZ_ID_SIZE])
{
	size_t n = v->n < KZ_ID_SIZE ? v->n : KZ_ID_SIZE - 1;

	if (!v->def || v->s == NULL)
		return false;
	memcpy(id, v->s, n);
	id[n] = '\0';
	return true;
}

static int
take(struct log *l, struct cur *x, struct columns_cache *cc, sqlite3 *sql)
{
	const struct kz_sync_rule *r = x->rule;
	const struct columns *c;
	struct touched *t;
	char id[KZ_ID_SIZE];
	int op = x->op;

	if (r->record == NULL)
		return 0;
	/* the record's id: the child's first key column is its owner's */
	if (!id_of(op == SQLITE_INSERT ? &x->new[0] : &x->old[0], id))
		return 0;
	if ((t = find(l, id, r->record)) == NULL || (x->cols == NULL &&
	    (x->cols = columns_of(sql, x->table, cc)) == NULL))
		return -1;
	c = x->cols;
	/* each column's part, once a table, not asked again a change */
	if (c->n > 0 && !(c->flag[0] & COL_KNOWN)) {
		for (int i = 0; i < c->n; i++)
			x->cols->flag[i] = (skipped(c->name[i]) ?
			    COL_SKIPPED : 0) | (kz_sync_rule_lists(r->hidden,
			    c->name[i]) ? COL_HIDDEN : 0) |
			    (kz_sync_rule_lists(r->personal, c->name[i]) ?
			    COL_PERSONAL : 0);
		x->cols->flag[0] |= COL_KNOWN;
	}
	if (r->list) {
		char *old = op == SQLITE_INSERT ? NULL :
		    row_text(x, false, false);
		char *new = op == SQLITE_DELETE ? NULL :
		    row_text(x, true, op == SQLITE_UPDATE);
		struct val o = { .s = old, .n = old ? strlen(old) : 0 };
		struct val n = { .s = new, .n = new ? strlen(new) : 0 };

		change(t, r->list, &o, &n);
		free(old);
		free(new);
		return 0;
	}
	t->action = op == SQLITE_INSERT ? "add" : op == SQLITE_DELETE ?
	    "delete" : t->action;
	for (int i = 0; i < x->ncol && i < c->n; i++) {
		const struct val *o = op != SQLITE_INSERT ? &x->old[i] : NULL;
		const struct val *n = op != SQLITE_DELETE ? &x->new[i] : NULL;

		if (c->flag[i] & COL_SKIPPED)
			continue;
		if (op == SQLITE_UPDATE && !n->def)
			continue;	/* not changed */
		if ((o == NULL || o->s == NULL) && (n == NULL || n->s == NULL))
			continue;
		if (c->flag[i] & COL_HIDDEN)
			continue;	/* made from others, never shown */
		/* history travels to every office; contact details and a
		 * participant's needs do not: that one changed, not to what */
		if (c->flag[i] & COL_PERSONAL) {
			if (!(o && n && same(o, n)))
				change(t, c->name[i], NULL, NULL);
			continue;
		}
		change(t, c->name[i], o, n);
	}
	return 0;
}

/* Room in x for a table of ncol columns. */
static int
cur_room(struct cur *x, int ncol)
{
	struct val *v;

	if (ncol <= x->cap)
		return 0;
	if ((v = realloc(x->old, (size_t)ncol * sizeof *v)) == NULL)
		return -1;
	x->old = v;
	if ((v = realloc(x->new, (size_t)ncol * sizeof *v)) == NULL)
		return -1;
	x->new = v;
	x->cap = ncol;
	return 0;
}

/* Each change of the changeset [p, end) into l, read from its bytes (the
 * format: changeset.h); how many at *count. 0, or -1 if the bytes are
 * damaged or memory or the schema fails. */
static int
walk(struct log *l, const unsigned char *p, const unsigned char *end,
    struct columns_cache *cc, sqlite3 *sql, int *count)
{
	struct cur x = { .table = NULL };
	int rc = 0;

	*count = 0;
	while (rc == 0 && p < end) {
		const unsigned char *q = NULL, *name;
		unsigned ncol;
		int k;

		if (p[0] == 'T') {
			if ((k = kz_cs_varint(p + 1, end, &ncol)) > 0 &&
			    ncol > 0 && ncol <= KZ_CS_MAX_COLUMNS &&
			    end - (name = p + 1 + k + ncol) > 0)
				q = memchr(name, 0, (size_t)(end - name));
			if (q == NULL || cur_room(&x, (int)ncol) != 0) {
				rc = -1;
				break;
			}
			x.table = (const char *)name;
			x.rule = kz_sync_rule_of(x.table);
			x.cols = NULL;
			x.ncol = (int)ncol;
			p = q + 1;
			continue;
		}
		x.op = p[0];
		if (x.table != NULL && end - p >= 2 && (x.op == SQLITE_INSERT ||
		    x.op == SQLITE_UPDATE || x.op == SQLITE_DELETE))
			q = p + 2;
		for (int i = 0; q && i < x.ncol; i++) {
			x.old[i].def = x.new[i].def = false;
			x.old[i].s = x.new[i].s = NULL;
		}
		if (q && x.op != SQLITE_INSERT)
			q = read_record(q, end, x.ncol, x.old);
		if (q && x.op != SQLITE_DELETE)
			q = read_record(q, end, x.ncol, x.new);
		if (q == NULL) {
			rc = -1;
			break;
		}
		rc = take(l, &x, cc, sql);
		++*count;
		p = q;
	}
	free(x.old);
	free(x.new);
	return rc;
}

static const char ins[] = "INSERT INTO record_history (id, record, "
    "kind, at, user, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)";

/* record_history's columns, as ins writes them and its table has them
 * (kz_history_log_own): a row can then be put in a changeset as the
 * capture would (changeset.h), its values all text or null. */
#define NHIST 7
static const char *const hist_cols[NHIST] = { "id", "record", "kind", "at",
    "user", "action", "changes" };

bool
kz_history_log_own(sqlite3 *sql)
{
	sqlite3_stmt *st;
	int i = 0;
	bool same = true;

	if (sqlite3_prepare_v2(sql, "SELECT name, pk FROM "
	    "pragma_table_info('record_history') ORDER BY cid", -1, &st,
	    NULL) != SQLITE_OK)
		return false;
	while (same && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		same = i < NHIST && name && strcmp(name, hist_cols[i]) == 0 &&
		    sqlite3_column_int(st, 1) == (i == 0);
		i++;
	}
	sqlite3_finalize(st);
	return same && i == NHIST;
}

/* A row of record_history (values v, NULL for null) as a changeset's
 * insert at the end of cs; the table's header first (first). */
static void
put_insert(struct kz_buf *cs, bool first, const char *const v[NHIST])
{
	static const unsigned char pk[NHIST] = { 1 };

	if (first)
		kz_cs_put_header(cs, "record_history", NHIST, pk);
	kz_buf_put(cs, "\x12\0", 2);	/* SQLITE_INSERT, not indirect */
	for (int i = 0; i < NHIST; i++) {
		size_t n = v[i] ? strlen(v[i]) : 0;

		if (v[i] == NULL) {
			kz_buf_put(cs, "\5", 1);
			continue;
		}
		kz_buf_put(cs, "\3", 1);
		kz_cs_put_varint(cs, (unsigned)n);
		kz_buf_put(cs, v[i], n);
	}
}

/* One history row through st (ins, prepared once for all of them); rid
 * is the transaction's random id, made once for all its rows. */
static int
store(sqlite3_stmt *st, const struct touched *t, const char *rid,
    const char *user, const char *at, unsigned seq, struct kz_buf *cs,
    int *put)
{
	char hid[96], stamp[32];
	size_t j = 0;
	int rc;

	/* a stable id every database keeps: the office's random id, the
	 * time and the place in the transaction (an id of the office's
	 * own, the same for the rows of one transaction: a thousand rows
	 * of an import go in one place of the table's index, not each at
	 * a random place) */
	for (const char *p = at; *p && j + 1 < sizeof stamp; p++)
		if (*p >= '0' && *p <= '9')
			stamp[j++] = *p;
	stamp[j] = '\0';
	snprintf(hid, sizeof hid, "%s-%s-%u", rid, stamp, seq);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, hid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, t->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_STATIC);
	if (user && *user)
		sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, t->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, kz_buf_str(&t->changes), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && cs) {
		const char *v[NHIST] = { hid, t->id, t->kind, at,
		    user && *user ? user : NULL, t->action,
		    kz_buf_str(&t->changes) };

		put_insert(cs, (*put)++ == 0, v);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

int
kz_history_log(sqlite3 *sql, sqlite3_session *s, const char *office,
    const char *user, const char *at, struct kz_err *err)
{
	void *data = NULL;
	int size = 0, rc;

	if (s == NULL || sqlite3session_isempty(s))
		return KZ_OK;
	if (sqlite3session_changeset(s, &size, &data) != SQLITE_OK)
		return kz_err_add(err, "", _("database: recording the history "
		    "of the change: %s"), sqlite3_errmsg(sql));
	rc = kz_history_log_changeset(sql, data, size, office, user, at, NULL,
	    NULL, err);
	sqlite3_free(data);
	return rc;
}

int
kz_history_log_changeset(sqlite3 *sql, void *data, int size,
    const char *office, const char *user, const char *at, int *count,
    struct kz_buf *cs, struct kz_err *err)
{
	int n = 0, put = 0;

	struct log l = { 0 };
	struct columns_cache cc = { .n = 0 };
	sqlite3_stmt *ins_st = NULL;
	char rid[KZ_ID_SIZE] = "";
	int rc = 0;

	if (size <= 0)
		return KZ_OK;
	rc = walk(&l, data, (const unsigned char *)data + size, &cc, sql, &n);
	if (count)
		*count = rc == 0 ? n : -1;
	columns_cache_free(&cc);
	for (size_t i = 0; i < l.n; i++) {
		struct touched *t = &l.t[i];

		if (rc == 0 && (t->n > 0 || strcmp(t->action, "edit") != 0)) {
			struct kz_buf *b = &t->changes;

			kz_buf_puts(b, t->n ? "]" : "[]");
			if (rc == 0 && ins_st == NULL &&
			    sqlite3_prepare_v2(sql, ins, -1, &ins_st, NULL) !=
			    SQLITE_OK)
				rc = -1;
			if (rc == 0 && rid[0] == '\0' && kz_id_new(office,
			    rid) != 0)
				rc = -1;
			if (rc == 0 && (b->oom || store(ins_st, t, rid,
			    user, at, (unsigned)i, cs, &put) != 0))
				rc = -1;
		}
		kz_buf_free(&t->changes);
	}
	free(l.t);
	free(l.slot);
	sqlite3_finalize(ins_st);
	if (count && *count >= 0)
		*count += put;
	if (rc != 0 || (cs && cs->oom))
		return kz_err_add(err, "", _("database: recording the history "
		    "of the change: %s"), sqlite3_errmsg(sql));
	return KZ_OK;
}
