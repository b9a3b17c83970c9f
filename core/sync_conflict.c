/* sync_conflict.c - changes kept aside: recording them, saying why in words, listing and settling them. */
#include "sync_conflict.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changeset.h"
#include "history.h"
#include "i18n.h"
#include "record.h"
#include "search.h"
#include "specialist.h"
#include "sync_hold.h"
#include "sync_rules.h"
#include "text.h"

int
kz_sync_conflict_keep(struct kz_db *db, const struct kz_bundle_info *in,
    const char *table, int op, const char *record, const char *reason,
    const char *change, struct kz_err *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	kz_now_utc(now);
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_conflict (at, "
	    "source_office, source_db, seq, tbl, op, record, reason, change) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, in->office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, in->seq);
	sqlite3_bind_text(st, 5, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, op == SQLITE_INSERT ? "insert" :
	    op == SQLITE_UPDATE ? "update" : "delete", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, change, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, err, "sync");
	return KZ_OK;
}

/* A change held because it names a record not here, in words: which
 * record, and the conflict that keeps it aside if one does. */
static void
missing_said(const struct kz_conflict *c, char *buf, size_t size)
{
	const char *table = c->missing_table ? c->missing_table : "?";
	const struct kz_sync_rule *r = kz_sync_rule_of(table);
	const char *word = r->record ? kz_history_kind_name(r->record) : table;
	char id[128];
	size_t k;

	kz_text_shown(c->missing_id ? c->missing_id : "?", id, sizeof id);
	if (strcmp(table, c->table) == 0 && c->missing_id &&
	    strcmp(c->missing_id, c->record) == 0)
		snprintf(buf, size, _("its record is held aside as conflict "
		    "%ld, until what that names is here"), c->missing_n);
	else if (c->missing_n)
		snprintf(buf, size, _("names %s %s, which is not in this "
		    "database: kept aside as conflict %ld"), word, id,
		    c->missing_n);
	else
		snprintf(buf, size, _("names %s %s, which is not in this "
		    "database"), word, id);
	k = strlen(buf);
	if (c->nmissing > 1 && k < size)
		snprintf(buf + k, size - k, ngettext(" (and %ld more record)",
		    " (and %ld more records)", (unsigned long)(c->nmissing - 1)),
		    c->nmissing - 1);
}

const char *
kz_conflict_reason(const struct kz_conflict *c, char *buf, size_t size)
{
	const struct kz_sync_rule *r = kz_sync_rule_of(c->table);
	char owner[64], shown[256];

	if (r->owner == KZ_SYNC_OWNER_HEAD)
		snprintf(owner, sizeof owner, "%s", _("head office"));
	else {	/* the start of an id a bundle sent: shown safe */
		kz_sync_rule_owner(r, c->record, shown, sizeof shown);
		kz_text_shown(shown, owner, sizeof owner);
	}
	if (strcmp(c->reason, "owner") == 0)
		snprintf(buf, size, strcmp(c->op, "insert") == 0 ?
		    _("%s added to a record owned by %s") :
		    strcmp(c->op, "delete") == 0 ?
		    _("%s deleted a record owned by %s") :
		    _("%s changed a record owned by %s"), c->office, owner);
	else if (strcmp(c->reason, "exists") == 0)
		snprintf(buf, size, _("a different record with this key is "
		    "here already"));
	else if (strcmp(c->reason, "deleted") == 0)
		snprintf(buf, size, _("the record was deleted here"));
	else if (strcmp(c->reason, "changed") == 0)
		snprintf(buf, size, _("deleted there but changed here since"));
	else if (strcmp(c->reason, "clash") == 0)
		snprintf(buf, size, _("changed here and there to different "
		    "values"));
	else if (strcmp(c->reason, "refused") == 0)
		snprintf(buf, size, _("this database does not allow it: %s"),
		    c->error ? c->error : "?");
	else if (strcmp(c->reason, "missing") == 0)
		missing_said(c, buf, size);
	else
		snprintf(buf, size, "%s", c->reason);
	return buf;
}

static char *
dup_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

int
kz_sync_conflicts(struct kz_db *db, bool all, struct kz_conflict_list *l,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	l->c = NULL;
	l->n = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT n, at, source_office, seq, tbl, "
	    "op, record, reason, change, resolved, resolution, CASE WHEN "
	    "json_valid(change) THEN json_extract(change, '$.error') END, CASE "
	    "WHEN json_valid(change) THEN json_extract(change, "
	    "'$.missing[0].table') END, CASE WHEN json_valid(change) THEN "
	    "json_extract(change, '$.missing[0].id') END, CASE WHEN "
	    "json_valid(change) THEN json_extract(change, "
	    "'$.missing[0].conflict') END, CASE WHEN json_valid(change) THEN "
	    "json_array_length(change, '$.missing') END FROM sync_conflict "
	    "WHERE ? OR resolved IS NULL ORDER BY resolved IS NOT "
	    "NULL, n", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int(st, 1, all);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_conflict *c = realloc(l->c, (l->n + 1) * sizeof *c);
		if (c == NULL)
			break;
		l->c = c;
		c += l->n++;
		memset(c, 0, sizeof *c);
		c->n = (long)sqlite3_column_int64(st, 0);
		snprintf(c->at, sizeof c->at, "%s", sqlite3_column_text(st, 1));
		snprintf(c->office, sizeof c->office, "%s",
		    sqlite3_column_text(st, 2));
		c->seq = (long)sqlite3_column_int64(st, 3);
		snprintf(c->table, sizeof c->table, "%s",
		    sqlite3_column_text(st, 4));
		snprintf(c->op, sizeof c->op, "%s", sqlite3_column_text(st, 5));
		snprintf(c->record, sizeof c->record, "%s",
		    sqlite3_column_text(st, 6));
		c->reason = dup_text(st, 7);
		c->change = dup_text(st, 8);
		c->resolved = dup_text(st, 9);
		c->resolution = dup_text(st, 10);
		c->error = dup_text(st, 11);
		c->missing_table = dup_text(st, 12);
		c->missing_id = dup_text(st, 13);
		c->missing_n = (long)sqlite3_column_int64(st, 14);
		c->nmissing = (long)sqlite3_column_int64(st, 15);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

void
kz_conflict_list_free(struct kz_conflict_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->c[i].reason);
		free(l->c[i].change);
		free(l->c[i].resolved);
		free(l->c[i].resolution);
		free(l->c[i].error);
		free(l->c[i].missing_table);
		free(l->c[i].missing_id);
	}
	free(l->c);
	l->c = NULL;
	l->n = 0;
}

/* ---- settling ---- */

/* SQL made with sqlite3_mprintf (%w quotes a name) appended to b. */
static void
put_sql(struct kz_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *q;

	va_start(ap, fmt);
	q = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	kz_buf_puts(b, q);
	sqlite3_free(q);
}

/* Step cols (SELECT key FROM json_each(?1, ?2)) again, over the change's
 * part ("$.key", "$.theirs"). */
static void
cols_over(sqlite3_stmt *cols, const char *part)
{
	sqlite3_reset(cols);
	sqlite3_bind_text(cols, 2, part, -1, SQLITE_STATIC);
}

/* ", col = new" of an update. The audit stamp moves only to a later edit,
 * as it does when bundles merge, and of two edits stamped the same second
 * the greater author stands: stamped is the table's rule when theirs
 * carries the stamp, else NULL; newstamp and newby are their new stamp
 * and author. */
static void
put_set(struct kz_buf *b, int k, const char *c, const char *newv,
    const char *newstamp, const char *newby,
    const struct kz_sync_rule *stamped)
{
	if (stamped != NULL && kz_sync_rule_is_stamp(stamped, c))
		put_sql(b, "%s\"%w\" = CASE WHEN (%s, coalesce(%s, '')) > "
		    "(coalesce(\"%w\", ''), coalesce(\"%w\", '')) THEN %s ELSE "
		    "\"%w\" END", k ? ", " : "", c, newstamp, newby,
		    stamped->stamp, stamped->stamp_by, newv, c);
	else
		put_sql(b, "%s\"%w\" = %s", k ? ", " : "", c, newv);
}

/* " AND key = ..." for every key column of the change; cols is the
 * json_each(change, ?2) statement. */
static void
where_key(struct kz_buf *sql, sqlite3_stmt *cols)
{
	cols_over(cols, "$.key");
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(cols, 0);

		put_sql(sql, " AND \"%w\" = json_extract(?1, '$.key.\"%w\"')",
		    c, c);
	}
}

/* Their insert as an upsert, not REPLACE: REPLACE deletes first, and the
 * delete would cascade to the record's children. */
static void
theirs_insert(struct kz_buf *sql, sqlite3_stmt *cols, const char *tbl,
    const struct kz_sync_rule *stamped)
{
	struct kz_buf vals = { 0 }, sets = { 0 };
	char *v, *newstamp = NULL, *newby = NULL;
	int k = 0;

	if (stamped != NULL) {
		newstamp = sqlite3_mprintf("excluded.\"%w\"", stamped->stamp);
		newby = sqlite3_mprintf("excluded.\"%w\"", stamped->stamp_by);
	}
	put_sql(sql, "INSERT INTO \"%w\" (", tbl);
	cols_over(cols, "$.theirs");
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(cols, 0);

		put_sql(sql, "%s\"%w\"", k ? ", " : "", c);
		put_sql(&vals, "%sjson_extract(?1, '$.theirs.\"%w\"')",
		    k ? ", " : "", c);
		v = sqlite3_mprintf("excluded.\"%w\"", c);
		put_set(&sets, k, c, v, newstamp, newby, stamped);
		sqlite3_free(v);
		k++;
	}
	kz_buf_puts(sql, ") VALUES (");
	kz_buf_puts(sql, kz_buf_str(&vals));
	kz_buf_puts(sql, ") ON CONFLICT (");
	cols_over(cols, "$.key");
	for (int j = 0; sqlite3_step(cols) == SQLITE_ROW; j++)
		put_sql(sql, "%s\"%w\"", j ? ", " : "",
		    (const char *)sqlite3_column_text(cols, 0));
	kz_buf_puts(sql, ") DO UPDATE SET ");
	kz_buf_puts(sql, kz_buf_str(&sets));
	kz_buf_free(&vals);
	kz_buf_free(&sets);
	sqlite3_free(newstamp);
	sqlite3_free(newby);
}

static void
theirs_update(struct kz_buf *sql, sqlite3_stmt *cols, const char *tbl,
    const struct kz_sync_rule *stamped)
{
	char *v, *newstamp = NULL, *newby = NULL;
	int k = 0;

	if (stamped != NULL) {
		newstamp = sqlite3_mprintf("json_extract(?1, '$.theirs.\"%w\"')",
		    stamped->stamp);
		newby = sqlite3_mprintf("json_extract(?1, '$.theirs.\"%w\"')",
		    stamped->stamp_by);
	}
	put_sql(sql, "UPDATE \"%w\" SET ", tbl);
	cols_over(cols, "$.theirs");
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(cols, 0);
		v = sqlite3_mprintf("json_extract(?1, '$.theirs.\"%w\"')", c);
		put_set(sql, k++, c, v, newstamp, newby, stamped);
		sqlite3_free(v);
	}
	kz_buf_puts(sql, " WHERE 1");
	where_key(sql, cols);
	sqlite3_free(newstamp);
	sqlite3_free(newby);
}

/* The table's rule if the change's theirs carries its audit stamp. */
static const struct kz_sync_rule *
theirs_stamped(sqlite3_stmt *cols, const char *tbl)
{
	const struct kz_sync_rule *r = kz_sync_rule_of(tbl), *found = NULL;

	cols_over(cols, "$.theirs");
	while (r->stamp != NULL && sqlite3_step(cols) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(cols, 0),
		    r->stamp) == 0)
			found = r;
	return found;
}

/* the columns of a change's part (?2: '$.key', '$.theirs') */
#define KEYS "SELECT key FROM json_each(?, ?)"

/* The statement of sql with a kept-aside change bound as ?1 (the words
 * of where_key and theirs_*); NULL, said in err, when it cannot be made. */
static sqlite3_stmt *
on_change(struct kz_db *db, const char *sql, const char *change,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "sync");
		return NULL;
	}
	sqlite3_bind_text(st, 1, change, -1, SQLITE_STATIC);
	return st;
}

/* Run st to its end and finalize it. */
static int
run_done(struct kz_db *db, sqlite3_stmt *st, struct kz_err *err)
{
	int rc = KZ_OK;

	if (sqlite3_step(st) != SQLITE_DONE)
		rc = kz_db_fail(db, err, "sync");
	sqlite3_finalize(st);
	return rc;
}

/* Apply the kept-aside values with SQLite's JSON functions, so every
 * value keeps its type. */
static int
take_theirs(struct kz_db *db, const char *tbl, const char *op,
    const char *change, struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st, *cols;
	const struct kz_sync_rule *stamped;
	int rc;

	if ((cols = on_change(db, KEYS, change, err)) == NULL)
		return KZ_ERROR;
	stamped = theirs_stamped(cols, tbl);
	if (strcmp(op, "delete") == 0) {
		put_sql(&sql, "DELETE FROM \"%w\" WHERE 1", tbl);
		where_key(&sql, cols);
	} else if (strcmp(op, "insert") == 0)
		theirs_insert(&sql, cols, tbl, stamped);
	else
		theirs_update(&sql, cols, tbl, stamped);
	sqlite3_finalize(cols);
	st = on_change(db, kz_buf_str(&sql), change, err);
	kz_buf_free(&sql);
	if (st == NULL)
		return KZ_ERROR;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_err_add(err, tbl, _("database: %s"),
		    sqlite3_errmsg(db->sql));
	/* a change to a record that is gone changes nothing: say so rather
	 * than mark it taken */
	if (strcmp(op, "update") == 0 && sqlite3_changes(db->sql) == 0)
		return kz_err_add(err, tbl, _("the record is not here any "
		    "more, so their change cannot be taken: keep mine"));
	return KZ_OK;
}

/*
 * The deletion of a record itself, declined: the record goes out again as
 * its insertion (its rows go with their own conflicts, settled with it),
 * written straight into the outbox from the row as it is here. Nothing
 * here is touched: taking the record away and putting it back would
 * cascade to its rows and to the records that refer to it.
 */
static int
resend_record(struct kz_db *db, const char *tbl, const char *change,
    struct kz_err *err)
{
	struct kz_buf where = { 0 }, cs = { 0 };
	sqlite3_stmt *st = NULL;
	unsigned char *pk = NULL;
	char *q;
	int ncol = 0, rc = KZ_OK;

	if (sqlite3_prepare_v2(db->sql, "SELECT pk FROM pragma_table_info(?) "
	    "ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		unsigned char *more = realloc(pk, (size_t)ncol + 1);
		if (more == NULL)
			break;
		pk = more;
		pk[ncol++] = sqlite3_column_int(st, 0) > 0;
	}
	sqlite3_finalize(st);
	if ((st = on_change(db, KEYS, change, err)) == NULL) {
		free(pk);
		return KZ_ERROR;
	}
	where_key(&where, st);
	sqlite3_finalize(st);
	q = sqlite3_mprintf("SELECT * FROM main.\"%w\" WHERE 1%s", tbl,
	    kz_buf_str(&where));
	if (pk == NULL)
		rc = kz_db_fail(db, err, "sync");
	else if ((st = on_change(db, q, change, err)) == NULL)
		rc = KZ_ERROR;
	else {
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_count(st) == ncol) {
			kz_cs_put_header(&cs, tbl, ncol, pk);
			kz_buf_put(&cs, "\x12\0", 2);	/* an insertion */
			for (int c = 0; c < ncol; c++)
				kz_cs_put_value(&cs, sqlite3_column_value(st, c));
		}
		sqlite3_finalize(st);
		if (cs.oom)
			rc = kz_err_add(err, "", _("out of memory"));
		else if (cs.len > 0)
			rc = kz_db_outbox_put(db, cs.s, (int)cs.len, err);
	}
	sqlite3_free(q);
	free(pk);
	kz_buf_free(&where);
	kz_buf_free(&cs);
	return rc;
}

/*
 * Keeping mine must travel too, or the side that sent theirs keeps it for
 * good. That side holds theirs: the row is put as theirs says with the
 * capture paused, then back to mine with it running and a fresh stamp, so
 * the outbox carries the change from theirs to mine in this transaction
 * and one round trip makes both sides agree. A row that is not here (an
 * addition or a change refused) goes out as its deletion. A row keyed by
 * a record (a specialist's field) whose deletion is declined goes out as
 * its insertion: taken away with the capture paused and put back with it
 * running. A record whose deletion is declined goes out as its insertion
 * (resend_record). Nothing goes when theirs cannot be put here (refused).
 */
static int
send_mine(struct kz_db *db, const char *tbl, const char *op,
    const char *change, struct kz_err *err)
{
	const struct kz_sync_rule *r = kz_sync_rule_of(tbl);
	struct kz_buf where = { 0 }, sql = { 0 };
	struct kz_err lost = { 0 };
	sqlite3_stmt *cols, *st;
	sqlite3_value **saved = NULL;
	int ncol = 0, rc = KZ_OK;
	bool here = false, del = strcmp(op, "delete") == 0;
	char *q, now[32];

	if (del && !r->child)
		return resend_record(db, tbl, change, err);
	if ((cols = on_change(db, KEYS, change, err)) == NULL)
		return KZ_ERROR;
	where_key(&where, cols);
	sqlite3_finalize(cols);
	/* mine, every column, as it is now */
	q = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE 1%s", tbl,
	    kz_buf_str(&where));
	st = on_change(db, q, change, err);
	sqlite3_free(q);
	if (st == NULL) {
		kz_buf_free(&where);
		return KZ_ERROR;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		here = true;
		ncol = sqlite3_column_count(st);
		saved = calloc((size_t)ncol, sizeof *saved);
		/* mine back: the row as it was (an update), or the row again
		 * (a deletion declined) */
		put_sql(&sql, del ? "INSERT INTO \"%w\" VALUES (" :
		    "UPDATE \"%w\" SET ", tbl);
		for (int c = 0; saved && c < ncol; c++) {
			saved[c] = sqlite3_value_dup(sqlite3_column_value(st, c));
			if (del)
				put_sql(&sql, "%s?%d", c ? ", " : "", c + 2);
			else
				put_sql(&sql, "%s\"%w\" = ?%d", c ? ", " : "",
				    sqlite3_column_name(st, c), c + 2);
		}
		if (del)
			kz_buf_puts(&sql, ")");
		else {
			kz_buf_puts(&sql, " WHERE 1");
			kz_buf_puts(&sql, kz_buf_str(&where));
		}
	}
	sqlite3_finalize(st);
	if (here && saved == NULL)
		rc = kz_err_add(err, "", _("out of memory"));
	if (rc != KZ_OK || (!here && strcmp(op, "insert") != 0))
		goto out;	/* nothing here that the other side lacks */
	if (kz_db_begin(db, err)) {
		rc = KZ_ERROR;
		goto out;
	}
	kz_db_capture_pause(db, true);
	rc = take_theirs(db, tbl, op, change, &lost);
	kz_db_capture_pause(db, false);
	if (rc != KZ_OK) {	/* theirs cannot be here: nothing to undo */
		kz_db_rollback(db);
		rc = KZ_OK;
		goto out;
	}
	if (here) {
		if ((st = on_change(db, kz_buf_str(&sql), change, err)) ==
		    NULL)
			rc = KZ_ERROR;
		else {
			for (int c = 0; c < ncol; c++)
				sqlite3_bind_value(st, c + 2, saved[c]);
			rc = run_done(db, st, err);
		}
		/* a later stamp, so the other side takes mine as the last
		 * edit (stamps never clash): now, or a second past both
		 * sides' stamps when a clock is behind the other's */
		if (rc == KZ_OK && r->stamp != NULL) {
			q = sqlite3_mprintf("UPDATE \"%w\" SET \"%w\" = "
			    "max(?2, coalesce(strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', "
			    "max(coalesce(\"%w\", ''), coalesce(json_extract(?1, "
			    "'$.theirs.\"%w\"'), '')), '+1 second'), ?2)), "
			    "\"%w\" = ?3 WHERE 1%s", tbl, r->stamp, r->stamp,
			    r->stamp, r->stamp_by, kz_buf_str(&where));
			kz_now_utc(now);
			if ((st = on_change(db, q, change, err)) == NULL)
				rc = KZ_ERROR;
			else {
				sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, kz_record_user(db), -1,
				    SQLITE_STATIC);
				rc = run_done(db, st, err);
			}
			sqlite3_free(q);
		}
	} else {
		q = sqlite3_mprintf("DELETE FROM \"%w\" WHERE 1%s", tbl,
		    kz_buf_str(&where));
		if ((st = on_change(db, q, change, err)) == NULL)
			rc = KZ_ERROR;
		else
			rc = run_done(db, st, err);
		sqlite3_free(q);
	}
	if (rc == KZ_OK)
		rc = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
out:
	for (int c = 0; saved && c < ncol; c++)
		sqlite3_value_free(saved[c]);
	free(saved);
	kz_buf_free(&where);
	kz_buf_free(&sql);
	return rc;
}

/* The statement of sql with a conflict's number bound as ?1; NULL, said
 * in err, when it cannot be made. */
static sqlite3_stmt *
on_number(struct kz_db *db, const char *sql, long n, struct kz_err *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "sync");
		return NULL;
	}
	sqlite3_bind_int64(st, 1, n);
	return st;
}

/* Settle one open conflict inside the caller's transaction. */
static int
resolve_one(struct kz_db *db, long n, bool theirs, struct kz_err *err)
{
	sqlite3_stmt *st;
	char tbl[64] = "", op[8] = "", record[64] = "", *change = NULL, now[32];
	char reason[16] = "", from[64] = "", shown[256];
	int rc = KZ_OK;

	if ((st = on_number(db, "SELECT tbl, op, record, change, reason, "
	    "source_office FROM sync_conflict WHERE n = ?", n, err)) == NULL)
		return KZ_ERROR;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(tbl, sizeof tbl, "%s", sqlite3_column_text(st, 0));
		snprintf(op, sizeof op, "%s", sqlite3_column_text(st, 1));
		snprintf(record, sizeof record, "%s", sqlite3_column_text(st, 2));
		change = dup_text(st, 3);
		snprintf(reason, sizeof reason, "%s", sqlite3_column_text(st, 4));
		snprintf(from, sizeof from, "%s", sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (change == NULL)
		return kz_err_add(err, "", _("no conflict number %ld"), n);
	/* The owner's deletion of a record changed here: the owner decides,
	 * and a copy kept here alone would never agree with the owner's. */
	if (!theirs && strcmp(reason, "changed") == 0) {
		free(change);
		return kz_err_add(err, "", _("conflict %ld: %s deleted %s, "
		    "which is theirs to delete; it cannot be kept here: settle "
		    "it theirs, and ask %s to add it again if it is still "
		    "wanted"), n, from, kz_text_shown(record, shown,
		    sizeof shown), from);
	}
	/* Held for naming a record not here: theirs once that record is
	 * here; mine drops it here and sends nothing (the office keeps its
	 * own record: a deletion sent back would take its work away). */
	if (strcmp(reason, "missing") == 0)
		rc = !theirs ? KZ_OK : kz_sync_hold_ready(db, n, change, err) ?
		    KZ_ERROR : take_theirs(db, tbl, op, change, err);
	else
		rc = theirs ? take_theirs(db, tbl, op, change, err) :
		    send_mine(db, tbl, op, change, err);
	if (rc == KZ_OK && kz_sync_rule_of(tbl)->indexed &&
	    (rc = kz_specialist_derive(db, record, err)) == KZ_OK)
		rc = kz_search_refresh(db, record, err);
	free(change);
	kz_now_utc(now);
	if (rc == KZ_OK && sqlite3_prepare_v2(db->sql, "UPDATE sync_conflict SET "
	    "resolved = ?, resolution = ? WHERE n = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, theirs ? "theirs" : "mine", -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, n);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = kz_db_fail(db, err, "sync");
		sqlite3_finalize(st);
	} else if (rc == KZ_OK)
		rc = kz_db_fail(db, err, "sync");
	return rc;
}

/* Is conflict n held for naming a record that is still not here? */
static bool
waits(struct kz_db *db, long n)
{
	struct kz_err quiet = { 0 };
	sqlite3_stmt *st;
	char *change = NULL;
	bool w = false;

	if ((st = on_number(db, "SELECT change FROM sync_conflict WHERE n = ? "
	    "AND reason = 'missing'", n, &quiet)) == NULL)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		change = dup_text(st, 0);
	sqlite3_finalize(st);
	if (change != NULL)
		w = kz_sync_hold_ready(db, n, change, &quiet) != KZ_OK;
	free(change);
	return w;
}

/*
 * The changes held with conflict n, itself held for naming a record not
 * here: those held because they name its record (a held dispatch's cost
 * lines, its events, a later bundle's edit of it), and theirs in turn,
 * open, in the order they came; added to rows. Settled with it: taken
 * with it, or dropped with it, as one decision.
 */
static int
held_with(struct kz_db *db, long n, long **rows, size_t *nrows,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	if ((st = on_number(db, "WITH RECURSIVE dep(n, tbl, record) AS ("
	    "SELECT n, tbl, record FROM sync_conflict WHERE n = ?1 AND "
	    "reason = 'missing' AND resolved IS NULL UNION SELECT o.n, o.tbl, "
	    "o.record FROM dep d JOIN sync_conflict o ON o.resolved IS NULL "
	    "AND o.reason = 'missing' AND o.n <> d.n AND json_valid(o.change) "
	    "AND EXISTS (SELECT 1 FROM json_each(o.change, '$.missing') m "
	    "WHERE json_extract(m.value, '$.table') = d.tbl AND "
	    "json_extract(m.value, '$.id') = d.record)) SELECT n FROM dep "
	    "WHERE n <> ?1 ORDER BY n", n, err)) == NULL)
		return KZ_ERROR;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long k = (long)sqlite3_column_int64(st, 0), *r;
		size_t i;

		for (i = 0; i < *nrows && (*rows)[i] != k; i++)
			;
		if (i < *nrows)
			continue;
		if ((r = realloc(*rows, (*nrows + 1) * sizeof *r)) == NULL) {
			sqlite3_finalize(st);
			return kz_err_add(err, "", _("out of memory"));
		}
		*rows = r;
		r[(*nrows)++] = k;
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

/* The open conflict adding the record whose row conflict n adds (kept
 * aside from the same bundle), which takes n with it, in first; 0: none. */
static int
row_of_record(struct kz_db *db, long n, long *first, struct kz_err *err)
{
	sqlite3_stmt *st;

	*first = 0;
	if ((st = on_number(db, "SELECT o.n FROM sync_conflict c JOIN "
	    "sync_conflict o ON o.source_db = c.source_db AND o.seq = "
	    "c.seq AND o.record = c.record AND o.tbl <> c.tbl AND o.op = "
	    "'insert' AND o.resolved IS NULL AND json_valid(o.change) AND "
	    "json_extract(o.change, '$.key.id') IS NOT NULL WHERE c.n = ? "
	    "AND c.op = 'insert' AND json_valid(c.change) AND "
	    "json_extract(c.change, '$.key.id') IS NULL ORDER BY o.n LIMIT "
	    "1", n, err)) == NULL)
		return KZ_ERROR;
	if (sqlite3_step(st) == SQLITE_ROW)
		*first = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return KZ_OK;
}

/* Settle open conflict n and what is settled with it, inside the
 * caller's transaction; with held, the changes held with it too (else
 * the caller takes them as they become ready). */
static int
settle(struct kz_db *db, long n, bool theirs, bool held,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	long *rows = NULL;
	size_t nrows = 0;
	int rc;

	/* A record's deletion or addition settles its rows' with it, as
	 * one: kept aside from the same bundle, still open. */
	if ((st = on_number(db, "SELECT o.n FROM sync_conflict c JOIN "
	    "sync_conflict o ON o.source_db = c.source_db AND o.seq = c.seq AND "
	    "o.record = c.record AND o.tbl <> c.tbl AND o.op = c.op AND "
	    "o.resolved IS NULL WHERE c.n = ? AND c.op IN ('delete', 'insert') "
	    "AND json_valid(c.change) AND json_extract(c.change, '$.key.id') "
	    "IS NOT NULL ORDER BY o.n", n, err)) == NULL)
		return KZ_ERROR;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long *r = realloc(rows, (nrows + 1) * sizeof *r);
		if (r == NULL) {
			/* a record settled without some of its rows would be
			 * half a decision: none is made */
			sqlite3_finalize(st);
			free(rows);
			return kz_err_add(err, "", _("out of memory"));
		}
		rows = r;
		rows[nrows++] = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (held && held_with(db, n, &rows, &nrows, err)) {
		free(rows);
		return KZ_ERROR;
	}
	/* a settlement writes values another database holds: theirs, or
	 * (mine) a change from theirs back to mine */
	db->taken_in = true;
	rc = resolve_one(db, n, theirs, err);
	/* a row held with it that still names another record not here
	 * stays held (and so what is held with that row) */
	for (size_t i = 0; rc == KZ_OK && i < nrows; i++)
		if (!theirs || !waits(db, rows[i]))
			rc = resolve_one(db, rows[i], theirs, err);
	free(rows);
	return rc;
}

/*
 * A record's deletion or addition comes with the deletions or additions
 * of the rows keyed by it (its fields, languages...), each kept aside
 * beside it; settling the record's settles them the same way, so one
 * decision is one key press. A row cannot be taken before the record it
 * belongs to: that is refused, naming the record's conflict.
 */
int
kz_sync_resolve(struct kz_db *db, long n, bool theirs, struct kz_err *err)
{
	sqlite3_stmt *st;
	bool found = false, open = false;
	long first = 0;

	if ((st = on_number(db, "SELECT resolved IS NULL FROM sync_conflict "
	    "WHERE n = ?", n, err)) == NULL)
		return KZ_ERROR;
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		open = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (!found)
		return kz_err_add(err, "", _("no conflict number %ld"), n);
	if (!open)
		return kz_err_add(err, "", _("conflict %ld is resolved "
		    "already"), n);
	/* A row of a record whose own insertion is kept aside too cannot be
	 * taken before the record: say which conflict to settle, which
	 * settles its rows with it. */
	if (theirs && row_of_record(db, n, &first, err))
		return KZ_ERROR;
	if (first)
		return kz_err_add(err, "", _("conflict %ld is a row of a "
		    "record whose addition is conflict %ld: take theirs "
		    "for %ld, which takes its rows with it"), n, first,
		    first);
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (settle(db, n, theirs, true, err) != KZ_OK) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

/* How many conflicts are open; with held, only those held for naming a
 * record not here. -1 when the database cannot say. */
static long
open_count(struct kz_db *db, bool held)
{
	sqlite3_stmt *st;
	long k = -1;

	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM sync_conflict "
	    "WHERE resolved IS NULL AND (?1 = 0 OR reason = 'missing')", -1,
	    &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, held);
	if (sqlite3_step(st) == SQLITE_ROW)
		k = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return k;
}

/* The open held conflicts, in the order they came; NULL with *k == 0
 * when there are none, NULL with *k < 0 on failure. */
static long *
held_open(struct kz_db *db, long *k)
{
	sqlite3_stmt *st;
	long *n = NULL, *r;

	*k = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT n FROM sync_conflict WHERE "
	    "resolved IS NULL AND reason = 'missing' ORDER BY n", -1, &st,
	    NULL) != SQLITE_OK) {
		*k = -1;
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((r = realloc(n, (size_t)(*k + 1) * sizeof *r)) == NULL) {
			free(n);
			*k = -1;
			n = NULL;
			break;
		}
		n = r;
		n[(*k)++] = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

/* Is conflict n open, held, and is every record it names here, and is it
 * not a row that its record's conflict takes with it? */
static int
ready_now(struct kz_db *db, long n, bool *ready, struct kz_err *err)
{
	sqlite3_stmt *st;
	long first = 0;

	*ready = false;
	if ((st = on_number(db, "SELECT 1 FROM sync_conflict WHERE n = ? AND "
	    "resolved IS NULL AND reason = 'missing'", n, err)) == NULL)
		return KZ_ERROR;
	*ready = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!*ready)
		return KZ_OK;
	*ready = !waits(db, n);
	if (*ready && row_of_record(db, n, &first, err))
		return KZ_ERROR;
	if (first)
		*ready = false;
	return KZ_OK;
}

/*
 * Every held change whose records are here now, taken as theirs for each
 * would take it, one after another in the order they came, again while
 * one taken readies another (a dispatch's cost lines wait for the
 * dispatch, an office's later edit for the row it edits): in one
 * transaction, kept only when all is well and dry is false.
 */
int
kz_sync_resolve_ready(struct kz_db *db, bool dry, long *taken, long *held,
    struct kz_err *err)
{
	long before, k, *n;
	bool more = true, ready;
	int rc = KZ_OK;

	*taken = *held = 0;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((before = open_count(db, false)) < 0)
		rc = kz_db_fail(db, err, "sync");
	while (rc == KZ_OK && more) {
		more = false;
		if ((n = held_open(db, &k)) == NULL && k < 0) {
			rc = kz_db_fail(db, err, "sync");
			break;
		}
		for (long i = 0; rc == KZ_OK && i < k; i++) {
			if ((rc = ready_now(db, n[i], &ready, err)) == KZ_OK &&
			    ready) {
				rc = settle(db, n[i], true, false, err);
				more = true;
			}
		}
		free(n);
	}
	if (rc == KZ_OK && ((k = open_count(db, false)) < 0 ||
	    (*held = open_count(db, true)) < 0))
		rc = kz_db_fail(db, err, "sync");
	if (rc == KZ_OK)
		*taken = before - k;
	if (rc != KZ_OK || dry || *taken == 0) {
		kz_db_rollback(db);
		if (rc != KZ_OK)
			*taken = *held = 0;
		return rc;
	}
	if (kz_db_commit(db, err)) {
		*taken = *held = 0;
		return KZ_ERROR;
	}
	return KZ_OK;
}
