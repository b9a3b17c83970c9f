/* lifecycle.c - states, allowed transitions and the history of state changes. */
#include "lifecycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "i18n.h"
#include "text.h"

const char *
kz_lifecycle_keyword(const struct kz_lifecycle *lc, int state)
{
	return state >= 0 && state < lc->n ? lc->keyword[state] : "?";
}

const char *
kz_lifecycle_name(const struct kz_lifecycle *lc, int state)
{
	return state >= 0 && state < lc->n ? _(lc->name[state]) : "?";
}

const char *
kz_lifecycle_shown(const struct kz_lifecycle *lc, int state)
{
	const char *t, *eot;

	if (state < 0 || state >= lc->n)
		return "?";
	t = _(lc->name[state]);
	eot = strchr(lc->name[state], '\004');
	/* untranslated: the keyword, the word English commands take */
	if (strcmp(t, eot ? eot + 1 : lc->name[state]) == 0)
		return lc->keyword[state];
	return t;
}

struct lc_match {
	const struct kz_lifecycle *lc;
	const char *typed;
};

static bool
lc_is(size_t i, const void *arg)
{
	const struct lc_match *m = arg;

	return kz_text_same(m->typed, _(m->lc->name[i]));
}

int
kz_lifecycle_parse(const struct kz_lifecycle *lc, const char *keyword)
{
	struct lc_match m = { lc, keyword };

	for (int i = 0; keyword && i < lc->n; i++)
		if (strcmp(keyword, lc->keyword[i]) == 0)
			return i;
	for (int i = 0; keyword && i < lc->n; i++)
		if (kz_text_same(keyword, lc->keyword[i]))
			return i;
	/* its name in any language kizuna speaks (协议已签署) */
	if (keyword && *keyword)
		return (int)kz_i18n_find((size_t)lc->n, lc_is, &m);
	return -1;
}

bool
kz_lifecycle_allowed(const struct kz_lifecycle *lc, int from, int to)
{
	for (int i = 0; lc->moves[i][0] >= 0; i++)
		if (lc->moves[i][0] == from && lc->moves[i][1] == to)
			return true;
	return false;
}

bool
kz_lifecycle_final(const struct kz_lifecycle *lc, int state)
{
	for (int i = 0; lc->moves[i][0] >= 0; i++)
		if (lc->moves[i][0] == state)
			return false;
	return state >= 0 && state < lc->n;
}

int
kz_lifecycle_next(const struct kz_lifecycle *lc, int from, int *out)
{
	int n = 0;

	for (int i = 0; lc->moves[i][0] >= 0; i++)
		if (lc->moves[i][0] == from)
			out[n++] = lc->moves[i][1];
	return n;
}

void
kz_lifecycle_next_text(const struct kz_lifecycle *lc, int from, char *out,
    size_t size)
{
	int next[32], n = kz_lifecycle_next(lc, from, next);
	size_t o = 0;

	out[0] = '\0';
	for (int i = 0; i < n && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%s", i ? ", " : "",
		    kz_lifecycle_shown(lc, next[i]));
	if (n == 0)
		snprintf(out, size, "%s", _("none: it is final"));
}

/* The event tables, with their insert as literal SQL: kz_sql_run keeps
 * it in the statement cache, and no table name reaches SQL text. */
static const struct {
	const char *table;
	const char *owner_col;
	enum kz_table t;
	const char *insert;
	const char *day;	/* the latest event to a state: its day */
} event_tables[] = {
	{ "request_event", "request", KZ_T_REQUEST_EVENT, "INSERT INTO "
	    "request_event (id, request, at, user, from_state, to_state, note, "
	    "happened) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    "SELECT happened FROM request_event WHERE request = ? AND "
	    "to_state = ? ORDER BY at DESC, rowid DESC LIMIT 1" },
	{ "dispatch_event", "dispatch", KZ_T_DISPATCH_EVENT, "INSERT INTO "
	    "dispatch_event (id, dispatch, at, user, from_state, to_state, "
	    "note, happened) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    "SELECT happened FROM dispatch_event WHERE dispatch = ? AND "
	    "to_state = ? ORDER BY at DESC, rowid DESC LIMIT 1" },
};

/* The entry of event_tables for table and owner_col, or -1. */
static int
event_table(const char *table, const char *owner_col)
{
	for (size_t k = 0; k < sizeof event_tables / sizeof event_tables[0];
	    k++)
		if (strcmp(event_tables[k].table, table) == 0 &&
		    strcmp(event_tables[k].owner_col, owner_col) == 0)
			return (int)k;
	return -1;
}

int
kz_event_add(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner, int from,
    int to, const char *note, const char *at, const char *on,
    struct kz_err *err)
{
	char id[KZ_ID_SIZE] = "", now[32];
	const char *v[8];
	int k = event_table(table, owner_col);

	if (k < 0)
		return kz_err_add(err, "", "bad event table");
	if (kz_record_assign_id(db, event_tables[k].t, id, err))
		return KZ_ERROR;
	if (at == NULL || *at == '\0') {
		kz_now_utc(now);
		at = now;
	}
	v[0] = id;
	v[1] = owner;
	v[2] = at;
	v[3] = kz_record_user(db);
	v[4] = from >= 0 ? kz_lifecycle_keyword(lc, from) : NULL;
	v[5] = kz_lifecycle_keyword(lc, to);
	v[6] = note;
	v[7] = on && *on ? on : NULL;
	return kz_sql_run(db, err, event_tables[k].insert, 8, v);
}

int
kz_event_day(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner, int to,
    char out[11], struct kz_err *err)
{
	sqlite3_stmt *st;
	int k = event_table(table, owner_col);

	out[0] = '\0';
	if (k < 0)
		return kz_err_add(err, "", "bad event table");
	if ((st = kz_db_stmt(db, event_tables[k].day)) == NULL)
		return kz_db_fail(db, err, table);
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kz_lifecycle_keyword(lc, to), -1,
	    SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		kz_col_copy(st, 0, out, 11);
	sqlite3_reset(st);
	return KZ_OK;
}

void
kz_events_free(struct kz_events *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->ev[i].user);
		free(e->ev[i].note);
	}
	free(e->ev);
	e->ev = NULL;
	e->n = 0;
}

int
kz_events_load(struct kz_db *db, const struct kz_lifecycle *lc,
    const char *table, const char *owner_col, const char *owner,
    struct kz_events *out, struct kz_err *err)
{
	sqlite3_stmt *st;
	char sql[220];
	size_t cap = 0;

	out->ev = NULL;
	out->n = 0;
	/* rowid breaks ties: events of one second keep their order */
	snprintf(sql, sizeof sql, "SELECT id, at, user, from_state, to_state, "
	    "note, happened FROM %s WHERE %s = ? ORDER BY at, rowid", table,
	    owner_col);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, table);
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (out->n == cap) {
			struct kz_event *p;

			cap = cap ? cap * 2 : 8;
			if ((p = realloc(out->ev, cap * sizeof *p)) == NULL) {
				sqlite3_finalize(st);
				kz_events_free(out);
				return kz_err_add(err, "", _("out of memory"));
			}
			out->ev = p;
		}
		struct kz_event *e = &out->ev[out->n++];
		kz_col_copy(st, 0, e->id, sizeof e->id);
		kz_col_copy(st, 1, e->at, sizeof e->at);
		e->user = kz_col_dup(st, 2);
		e->from = kz_lifecycle_parse(lc, (const char *)sqlite3_column_text(st, 3));
		e->to = kz_lifecycle_parse(lc, (const char *)sqlite3_column_text(st, 4));
		e->note = kz_col_dup(st, 5);
		kz_col_copy(st, 6, e->on, sizeof e->on);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}
