/* sync_apply.c - a bundle's changes applied one by one: merged field by field, or kept aside. */
#include "sync_apply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "idset.h"
#include "search.h"
#include "specialist.h"
#include "sync_bundle.h"
#include "sync_change.h"
#include "sync_conflict.h"
#include "sync_hold.h"
#include "sync_records.h"
#include "sync_rules.h"
#include "text.h"

#define NKEPT 32

struct apply {
	struct kz_db *db;
	const struct kz_bundle_info *in;
	struct kz_sync_result *res;
	struct kz_err *err;
	struct kz_sync_table *tables;
	size_t ntables;
	struct kz_idset created;	/* record ids this bundle inserts */
	struct kz_idset touched;	/* records to re-index */
	char **refused;		/* records whose deletion was refused, */
	char **refused_why;	/* and what this database said */
	size_t nrefused;
	char why[KZ_ERR_MSG];	/* of the last refused change */
	/* the statements of the changes, kept by their text: a table's
	 * inserts are all one statement (made anew for each, the parser
	 * was a fifth of a first bundle's import) */
	struct {
		char *sql;
		sqlite3_stmt *st;
	} kept[NKEPT];
	size_t next_kept;	/* the one to give up next */
	/* the records of the changes written, kept aside, found here (as
	 * people count them: res's changed, kept, here) */
	struct kz_sync_records wrote, aside, same;
	struct kz_sync_records held;	/* of aside: naming what is not here */
	int any_held;	/* open held changes here: -1 not asked yet, 0, 1 */
};

/* exec_change: this database's rules refused the change (a.why says how);
 * it is kept aside instead of failing the whole bundle, which could then
 * never be applied, and every later bundle of its source with it. */
#define REFUSED 1

static void
apply_free(struct apply *a)
{
	for (size_t i = 0; i < a->ntables; i++) {
		for (int c = 0; c < a->tables[i].ncol; c++)
			free(a->tables[i].col[c]);
		free(a->tables[i].col);
		sqlite3_finalize(a->tables[i].row);
		kz_sync_hold_free(&a->tables[i]);
	}
	free(a->tables);
	kz_idset_free(&a->created);
	kz_idset_free(&a->touched);
	kz_sync_records_free(&a->wrote);
	kz_sync_records_free(&a->aside);
	kz_sync_records_free(&a->same);
	kz_sync_records_free(&a->held);
	for (size_t i = 0; i < a->nrefused; i++) {
		free(a->refused[i]);
		free(a->refused_why[i]);
	}
	free(a->refused);
	free(a->refused_why);
	for (size_t i = 0; i < NKEPT; i++) {
		sqlite3_finalize(a->kept[i].st);
		free(a->kept[i].sql);
	}
}

/* sql prepared, from those kept if it is there, reset; NULL if it
 * cannot be (the database's error says why). */
static sqlite3_stmt *
prepared(struct apply *a, const char *sql)
{
	sqlite3_stmt *st;
	char *copy;
	size_t i;

	for (i = 0; i < NKEPT && a->kept[i].sql; i++)
		if (strcmp(a->kept[i].sql, sql) == 0) {
			sqlite3_reset(a->kept[i].st);
			sqlite3_clear_bindings(a->kept[i].st);
			return a->kept[i].st;
		}
	if (sqlite3_prepare_v2(a->db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if ((copy = strdup(sql)) == NULL) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (i == NKEPT) {
		i = a->next_kept;
		a->next_kept = (a->next_kept + 1) % NKEPT;
		sqlite3_finalize(a->kept[i].st);
		free(a->kept[i].sql);
	}
	a->kept[i].sql = copy;
	a->kept[i].st = st;
	return st;
}

/* The table a change names, if it travels and this database has it with
 * as many columns; NULL if not. */
static struct kz_sync_table *
table_of(struct apply *a, const char *name, int ncol)
{
	const struct kz_sync_rule *rule = kz_sync_rule_of(name);
	sqlite3_stmt *st;
	struct kz_sync_table *t;

	/* A changeset can name any table with a matching column count,
	 * bookkeeping included: only those that travel are taken. */
	if (!rule->travels)
		return NULL;
	for (size_t i = 0; i < a->ntables; i++)
		if (strcmp(a->tables[i].name, name) == 0)
			return a->tables[i].ncol == ncol ? &a->tables[i] : NULL;
	t = realloc(a->tables, (a->ntables + 1) * sizeof *t);
	if (t == NULL)
		return NULL;
	a->tables = t;
	t += a->ntables;
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	t->rule = rule;
	if (sqlite3_prepare_v2(a->db->sql, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char **c = realloc(t->col, (size_t)(t->ncol + 1) * sizeof *c);
		if (c == NULL)
			break;
		t->col = c;
		c[t->ncol++] = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	a->ntables++;
	return t->ncol == ncol ? t : NULL;
}

/* ---- applying, refusing, keeping aside ---- */

/* Keep the change aside with the local values (mine) of the columns want
 * names (NULL: all). */
static int
keep(struct apply *a, const struct kz_sync_change *ch, const char *reason,
    sqlite3_stmt *mine, const bool *want)
{
	struct kz_buf json = { 0 };
	int rc;

	kz_sync_change_json(&json, ch, mine, want);
	rc = kz_sync_conflict_keep(a->db, a->in, ch->t->name, ch->op,
	    ch->record, reason, kz_buf_str(&json), a->err);
	if (rc == KZ_OK)
		a->res->conflicts++;
	kz_buf_free(&json);
	return rc;
}

/* Bind the change's new value of column c as parameter k. The bundle's
 * changes were checked whole (kz_sync_check), so every value bound is
 * there; a NULL here would crash SQLite, so it is an error all the same. */
static int
new_value(struct apply *a, const struct kz_sync_change *ch, int c,
    sqlite3_stmt *st, int k)
{
	sqlite3_value *v = NULL;
	char shown[256];

	if (sqlite3changeset_new(ch->it, c, &v) != SQLITE_OK || v == NULL)
		return kz_err_add(a->err, ch->t->name, _("the bundle's change "
		    "of %s has no value for column %s"), kz_text_shown(
		    ch->record, shown, sizeof shown), ch->t->col[c]);
	sqlite3_bind_value(st, k, v);
	return KZ_OK;
}

/* A change written here: counted, and its record's search row made
 * again at the end. Only these: a bundle that finds most of its changes
 * here already (applied before, or the same values) or keeps them aside
 * leaves the index of those records alone. */
static void
applied(struct apply *a, const struct kz_sync_change *ch)
{
	a->res->applied++;
	if (ch->t->rule->indexed)
		kz_idset_add(&a->touched, ch->record);
}

/* Run sql with the change's values: all new ones (insert), the new ones
 * of the set columns then the key (update), or the key (delete). */
static int
exec_change(struct apply *a, const char *sql, const struct kz_sync_change *ch,
    const bool *set)
{
	sqlite3_stmt *st;
	int k = 1, rc;

	if ((st = prepared(a, sql)) == NULL)
		return kz_db_fail(a->db, a->err, "sync");
	for (int c = 0; ch->op != SQLITE_DELETE && c < ch->t->ncol; c++)
		if (ch->op == SQLITE_INSERT || set[c]) {
			if (new_value(a, ch, c, st, k++)) {
				sqlite3_reset(st);
				return KZ_ERROR;
			}
		}
	kz_sync_change_bind_key(st, ch, ch->op == SQLITE_DELETE ? 1 : k);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && (sqlite3_extended_errcode(a->db->sql) & 0xff) ==
	    SQLITE_CONSTRAINT && !sqlite3_get_autocommit(a->db->sql)) {
		/* the statement alone was undone (ABORT): the rest of the
		 * bundle goes on */
		snprintf(a->why, sizeof a->why, "%s", sqlite3_errmsg(a->db->sql));
		sqlite3_reset(st);
		return REFUSED;
	}
	if (rc != SQLITE_DONE) {
		kz_err_add(a->err, ch->t->name, _("database: %s"),
		    sqlite3_errmsg(a->db->sql));
		sqlite3_reset(st);
		return KZ_ERROR;
	}
	sqlite3_reset(st);
	applied(a, ch);
	return KZ_OK;
}

static const char *
refused_why(const struct apply *a, const char *record)
{
	for (size_t i = 0; i < a->nrefused; i++)
		if (strcmp(a->refused[i], record) == 0)
			return a->refused_why[i];
	return NULL;
}

/* Keep aside a change this database refused, with what it said. A refused
 * deletion is remembered so that the rows keyed by the record (its
 * fields, languages...) stay with it rather than go without it. */
static int
refuse(struct apply *a, const struct kz_sync_change *ch, sqlite3_stmt *mine,
    const bool *want, const char *why)
{
	struct kz_buf json = { 0 };
	int rc;

	kz_sync_change_json(&json, ch, mine, want);
	if (json.len > 0)	/* reopen the object for one more member */
		json.s[--json.len] = '\0';
	kz_buf_puts(&json, ", \"error\": ");
	kz_json_str(&json, why);
	kz_buf_puts(&json, "}");
	if (json.oom)
		rc = kz_err_add(a->err, "", _("out of memory"));
	else if ((rc = kz_sync_conflict_keep(a->db, a->in, ch->t->name, ch->op,
	    ch->record, "refused", kz_buf_str(&json), a->err)) == KZ_OK)
		a->res->conflicts++;
	if (rc == KZ_OK && ch->op == SQLITE_DELETE &&
	    !refused_why(a, ch->record)) {
		char **r = realloc(a->refused, (a->nrefused + 1) * sizeof *r);
		char **w = r ? realloc(a->refused_why, (a->nrefused + 1) *
		    sizeof *w) : NULL;
		if (r)
			a->refused = r;
		if (w) {
			a->refused_why = w;
			r[a->nrefused] = strdup(ch->record);
			w[a->nrefused] = strdup(why);
			if (r[a->nrefused] && w[a->nrefused])
				a->nrefused++;
			else {
				free(r[a->nrefused]);
				free(w[a->nrefused]);
			}
		}
	}
	kz_buf_free(&json);
	return rc;
}

/* Keep aside a change that names records not here (missing, the JSON
 * objects kz_sync_hold_missing wrote), until they are. */
static int
hold(struct apply *a, const struct kz_sync_change *ch, struct kz_buf *missing)
{
	struct kz_buf json = { 0 };
	int rc;

	kz_sync_change_json(&json, ch, ch->mine, NULL);
	if (json.len > 0)	/* reopen the object for one more member */
		json.s[--json.len] = '\0';
	kz_buf_puts(&json, ", \"missing\": [");
	kz_buf_puts(&json, kz_buf_str(missing));
	kz_buf_puts(&json, "]}");
	if (json.oom || missing->oom)
		rc = kz_err_add(a->err, "", _("out of memory"));
	else if ((rc = kz_sync_conflict_keep(a->db, a->in, ch->t->name, ch->op,
	    ch->record, "missing", kz_buf_str(&json), a->err)) == KZ_OK) {
		a->res->conflicts++;
		a->any_held = 1;
		kz_sync_records_add_id(&a->held, ch->t->rule, ch->record);
	}
	kz_buf_free(&json);
	return rc;
}

/* Hold the change if it names a record not here: 1 when held, KZ_OK
 * when it can be written, KZ_ERROR. */
static int
held(struct apply *a, const struct kz_sync_change *ch)
{
	struct kz_buf missing = { 0 };
	int n = kz_sync_hold_missing(a->db, ch, &missing, a->err), rc;

	rc = n < 0 ? KZ_ERROR : n == 0 ? KZ_OK : hold(a, ch, &missing);
	kz_buf_free(&missing);
	return n > 0 && rc == KZ_OK ? 1 : rc;
}

/* A later change to a record whose addition is held (an office's next
 * bundle edits the dispatch head office could not take): held with it,
 * to be settled with it. 1 when held, KZ_OK when not, KZ_ERROR. */
static int
held_record(struct apply *a, const struct kz_sync_change *ch)
{
	struct kz_buf missing = { 0 };
	long n = 0;
	int rc, k;

	/* asked once a bundle while none is held: a query a row would
	 * cost a first bundle of 100,000 rows as much again */
	if (a->any_held < 0)
		a->any_held = kz_sync_held_any(a->db);
	if (!a->any_held ||
	    (n = kz_sync_held(a->db, ch->t->name, ch->record)) == 0)
		return KZ_OK;
	for (k = 0; k < ch->ncol && !ch->pk[k]; k++)
		;
	kz_buf_puts(&missing, "{\"table\": ");
	kz_json_str(&missing, ch->t->name);
	kz_buf_puts(&missing, ", \"to\": ");
	kz_json_str(&missing, ch->t->col[k < ch->ncol ? k : 0]);
	kz_buf_puts(&missing, ", \"id\": ");
	kz_json_str(&missing, ch->record);
	kz_buf_printf(&missing, ", \"conflict\": %ld}", n);
	rc = hold(a, ch, &missing);
	kz_buf_free(&missing);
	return rc == KZ_OK ? 1 : rc;
}

/* Run the change's SQL; what this database refuses is kept aside. */
static int
write_change(struct apply *a, const struct kz_sync_change *ch, const char *sql,
    sqlite3_stmt *mine, const bool *set)
{
	int rc = exec_change(a, sql, ch, set);

	return rc == REFUSED ? refuse(a, ch, mine, set, a->why) : rc;
}

/* ---- one change, by what it is and what is here ---- */

/* The owner's insert of a record that is here with other values: every
 * column but the key takes the owner's value. */
static int
overwrite(struct apply *a, const struct kz_sync_change *ch)
{
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st;
	int k = 0, rc;
	char *q = sqlite3_mprintf("UPDATE \"%w\" SET ", ch->t->name);

	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	for (int c = 0; c < ch->ncol; c++)
		if (!ch->pk[c]) {
			q = sqlite3_mprintf("%s\"%w\" = ?%d", k ? ", " : "",
			    ch->t->col[c], c + 1);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			k++;
		}
	if (k == 0) {		/* all key: the same row */
		kz_buf_free(&sql);
		a->res->unchanged++;
		return KZ_OK;
	}
	kz_sync_change_where(&sql, ch->t, ch->pk, ch->ncol + 1);
	if (sql.oom) {
		kz_buf_free(&sql);
		return kz_err_add(a->err, "", _("out of memory"));
	}
	if ((st = prepared(a, kz_buf_str(&sql))) == NULL) {
		kz_buf_free(&sql);
		return kz_db_fail(a->db, a->err, "sync");
	}
	kz_buf_free(&sql);
	for (int c = 0; c < ch->ncol; c++)
		if (!ch->pk[c] && new_value(a, ch, c, st, c + 1)) {
			sqlite3_reset(st);
			return KZ_ERROR;
		}
	kz_sync_change_bind_key(st, ch, ch->ncol + 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		applied(a, ch);
		return KZ_OK;
	}
	/* (the message read before the reset, which may set another) */
	snprintf(a->why, sizeof a->why, "%s", sqlite3_errmsg(a->db->sql));
	rc = sqlite3_extended_errcode(a->db->sql) & 0xff;
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT && !sqlite3_get_autocommit(a->db->sql))
		return refuse(a, ch, ch->mine, NULL, a->why);
	return kz_err_add(a->err, ch->t->name, _("database: %s"), a->why);
}

/* Does the record's id begin with the code of the bundle's office? */
static bool
own_code(const struct apply *a, const struct kz_sync_change *ch)
{
	size_t n = strcspn(ch->record, "-");

	return ch->record[n] == '-' && strlen(a->in->office) == n &&
	    strncmp(ch->record, a->in->office, n) == 0;
}

static int
apply_insert(struct apply *a, const struct kz_sync_change *ch)
{
	struct kz_buf sql = { 0 };
	int rc;

	if (ch->mine) {
		/* ours coming back from head office counts as seen */
		const char *office = a->db->cfg ? a->db->cfg->office_id : NULL;
		size_t n = strcspn(ch->record, "-");
		bool echo = office && strncmp(ch->record, office, n) == 0 &&
		    strlen(office) == n;

		if (kz_sync_change_same(ch)) {
			a->res->unchanged++;
			return KZ_OK;
		}
		/* the owner's record as it is now (a full bundle, a record
		 * proposed here coming back edited): its values stand */
		if (ch->by_owner)
			return (rc = held(a, ch)) ? (rc > 0 ? KZ_OK : rc) :
			    overwrite(a, ch);
		if (echo) {
			a->res->unchanged++;
			return KZ_OK;
		}
		return keep(a, ch, "exists", ch->mine, NULL);
	}
	/* An office adds records under its own code only (a specialist
	 * too, which head office then owns): one under another office's
	 * code, or a row of one, is not its to add. Head office's bundles
	 * carry what it took in from every office. */
	if (!ch->by_owner && !ch->new_record &&
	    strcmp(a->in->role, "head") != 0 && !own_code(a, ch))
		return keep(a, ch, "owner", NULL, NULL);
	/* An office may add a record of head office's with its rows, but
	 * not add rows to one it did not add. */
	if (!ch->by_owner && ch->t->rule->owner == KZ_SYNC_OWNER_HEAD &&
	    ch->t->rule->child && !ch->new_record)
		return keep(a, ch, "owner", NULL, NULL);
	/* a row naming a record not here (a dispatch of a specialist head
	 * office deleted) waits aside; the rest of the bundle goes on. One
	 * held already (a full bundle sends it again) waits with it. */
	if ((rc = held_record(a, ch)) == KZ_OK)
		rc = held(a, ch);
	if (rc != KZ_OK)
		return rc > 0 ? KZ_OK : rc;
	char *q = sqlite3_mprintf("INSERT INTO \"%w\" VALUES (", ch->t->name);
	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	for (int c = 0; c < ch->ncol; c++)
		kz_buf_printf(&sql, "%s?%d", c ? ", " : "", c + 1);
	kz_buf_puts(&sql, ")");
	rc = exec_change(a, kz_buf_str(&sql), ch, NULL);
	if (rc == REFUSED)
		rc = refuse(a, ch, NULL, NULL, a->why);
	else
		kz_idset_add(&a->created, ch->record);
	kz_buf_free(&sql);
	return rc;
}

static int apply_update(struct apply *a, const struct kz_sync_change *ch);

/* An update or deletion from an office that does not own the record. */
static int
apply_not_owner(struct apply *a, const struct kz_sync_change *ch)
{
	bool *want;
	int rc;

	if (ch->mine == NULL) {
		a->res->unchanged++;	/* nothing here that it would change */
		return KZ_OK;
	}
	/* the same values: only a later audit stamp moves, so that both
	 * sides keep the later edit's (a settled clash comes back so) */
	if (ch->op == SQLITE_UPDATE && !kz_sync_change_differs(ch))
		return apply_update(a, ch);
	want = calloc((size_t)ch->ncol, sizeof *want);
	for (int c = 0; want && ch->op == SQLITE_UPDATE && c < ch->ncol; c++) {
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(ch->it, c, &nv);
		want[c] = nv != NULL;
	}
	rc = keep(a, ch, "owner", ch->mine, ch->op == SQLITE_UPDATE ? want :
	    NULL);
	free(want);
	return rc;
}

/* The owner deletes a record that is still here. */
static int
apply_delete(struct apply *a, const struct kz_sync_change *ch)
{
	const char *why = refused_why(a, ch->record);
	struct kz_buf sql = { 0 };
	int rc;

	if (!kz_sync_change_same(ch))
		return keep(a, ch, "changed", ch->mine, NULL);
	if (why)	/* the record's own deletion was refused */
		return refuse(a, ch, ch->mine, NULL, why);
	char *q = sqlite3_mprintf("DELETE FROM \"%w\"", ch->t->name);
	kz_buf_puts(&sql, q);
	sqlite3_free(q);
	kz_sync_change_where(&sql, ch->t, ch->pk, 1);
	rc = write_change(a, ch, kz_buf_str(&sql), ch->mine, NULL);
	kz_buf_free(&sql);
	return rc;
}

/* Which columns of an update to take (set) and which changed here and
 * there to different values (clash). Audit stamps never clash: the later
 * edit's stamp and its author stand, and of two edits stamped the same
 * second, the greater author (so that every side keeps the same one). */
static void
update_merge(const struct kz_sync_change *ch, bool *set, bool *clash, int *nset,
    int *nclash)
{
	const struct kz_sync_table *t = ch->t;
	int stamp = -1, by = -1;

	for (int c = 0; t->rule->stamp && c < ch->ncol; c++) {
		if (strcmp(t->col[c], t->rule->stamp) == 0)
			stamp = c;
		else if (strcmp(t->col[c], t->rule->stamp_by) == 0)
			by = c;
	}
	for (int c = 0; c < ch->ncol; c++) {
		sqlite3_value *nv = NULL, *ov = NULL;
		sqlite3changeset_new(ch->it, c, &nv);
		if (nv == NULL || ch->pk[c])
			continue;
		sqlite3changeset_old(ch->it, c, &ov);
		sqlite3_value *cur = sqlite3_column_value(ch->mine, c);
		if (kz_sync_change_equal(cur, nv))
			continue;
		if (stamp >= 0 && (c == stamp || c == by)) {
			sqlite3_value *ns = NULL;
			sqlite3changeset_new(ch->it, stamp, &ns);
			const unsigned char *theirs = ns ?
			    sqlite3_value_text(ns) : NULL;
			const unsigned char *ours =
			    sqlite3_column_text(ch->mine, stamp);
			int later = theirs && ours ? strcmp((const char *)
			    theirs, (const char *)ours) : theirs ? 1 : 0;
			if (later == 0 && theirs && by >= 0)
				later = kz_sync_change_later_by(ch, by);
			if (later > 0) {
				set[c] = true;
				(*nset)++;
			}
			continue;
		}
		if (ov && kz_sync_change_equal(cur, ov)) {
			set[c] = true;
			(*nset)++;
		} else {
			clash[c] = true;
			(*nclash)++;
		}
	}
}

/*
 * The owner's later change to fields an earlier clash of the record kept
 * aside: the owner's newer values are here now (merged or equal) or kept
 * aside in turn, so the earlier clash is settled as theirs. Settled by
 * hand instead, it would put back a value the owner has replaced since
 * (and once head office took that back in and then changed it again
 * before its next export, the two changes cancelled out and the office
 * kept the stale value for good).
 */
static int
supersede(struct apply *a, const struct kz_sync_change *ch)
{
	struct kz_buf cols = { 0 };
	sqlite3_stmt *st;
	char now[32];
	int rc, k = 0;

	if (ch->t->rule->child)		/* keyed by more than the record */
		return KZ_OK;
	kz_buf_puts(&cols, "[");
	for (int c = 0; c < ch->ncol; c++) {
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(ch->it, c, &nv);
		if (nv == NULL || ch->pk[c])
			continue;
		if (k++)
			kz_buf_puts(&cols, ", ");
		kz_json_str(&cols, ch->t->col[c]);
	}
	kz_buf_puts(&cols, "]");
	if (cols.oom) {
		kz_buf_free(&cols);
		return kz_err_add(a->err, "", _("out of memory"));
	}
	if (sqlite3_prepare_v2(a->db->sql, "UPDATE sync_conflict SET resolved "
	    "= ?1, resolution = 'theirs' WHERE resolved IS NULL AND reason = "
	    "'clash' AND op = 'update' AND tbl = ?2 AND record = ?3 AND "
	    "source_office = ?4 AND json_valid(change) AND NOT EXISTS (SELECT 1 "
	    "FROM json_each(change, '$.theirs') j WHERE j.key NOT IN (SELECT "
	    "value FROM json_each(?5)))", -1, &st, NULL) != SQLITE_OK) {
		kz_buf_free(&cols);
		return kz_db_fail(a->db, a->err, "sync");
	}
	kz_now_utc(now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ch->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ch->record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->in->office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, kz_buf_str(&cols), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	kz_buf_free(&cols);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(a->db, a->err, "sync");
}

/* The owner updates a record that is here: field by field, a field
 * changed on both sides to different values is kept aside, the others
 * merge. */
static int
apply_update(struct apply *a, const struct kz_sync_change *ch)
{
	bool *set = calloc((size_t)ch->ncol, sizeof *set);
	bool *clash = calloc((size_t)ch->ncol, sizeof *clash);
	struct kz_buf sql = { 0 };
	int nset = 0, nclash = 0, rc = KZ_OK;

	if (set != NULL && clash != NULL && (rc = held(a, ch)) != KZ_OK) {
		free(set);
		free(clash);
		return rc > 0 ? KZ_OK : rc;
	}
	if (set == NULL || clash == NULL)
		rc = kz_err_add(a->err, "", _("out of memory"));
	else
		update_merge(ch, set, clash, &nset, &nclash);
	if (rc == KZ_OK && ch->by_owner)
		rc = supersede(a, ch);
	if (rc == KZ_OK && nclash)
		rc = keep(a, ch, "clash", ch->mine, clash);
	if (rc == KZ_OK && nset) {
		char *q = sqlite3_mprintf("UPDATE \"%w\" SET ", ch->t->name);
		int k = 0;
		kz_buf_puts(&sql, q);
		sqlite3_free(q);
		for (int c = 0; c < ch->ncol; c++)
			if (set[c]) {
				q = sqlite3_mprintf("%s\"%w\" = ?%d", k ?
				    ", " : "", ch->t->col[c], k + 1);
				kz_buf_puts(&sql, q);
				sqlite3_free(q);
				k++;
			}
		kz_sync_change_where(&sql, ch->t, ch->pk, k + 1);
		rc = write_change(a, ch, kz_buf_str(&sql), ch->mine, set);
	} else if (rc == KZ_OK && !nclash)
		a->res->unchanged++;
	kz_buf_free(&sql);
	free(set);
	free(clash);
	return rc;
}

/* What a change is about: its table, its record and whose that is, and
 * the local row. */
static int
change_read(struct apply *a, sqlite3_changeset_iter *it,
    struct kz_sync_change *ch)
{
	const char *tname;
	const struct kz_sync_rule *rule;
	sqlite3_value *idv = NULL;
	char owner[64], shown[256];
	int ind, npk;

	memset(ch, 0, sizeof *ch);
	ch->it = it;
	if (sqlite3changeset_op(it, &tname, &ch->ncol, &ch->op, &ind) !=
	    SQLITE_OK || sqlite3changeset_pk(it, &ch->pk, &npk) != SQLITE_OK)
		return kz_err_add(a->err, a->in->office, _("the bundle's changes "
		    "cannot be read"));
	if ((ch->t = table_of(a, tname, ch->ncol)) == NULL)
		return kz_err_add(a->err, a->in->office, _("the bundle changes "
		    "table \"%s\", which this database does not have as sent: "
		    "the two kizuna versions differ"), kz_text_shown(tname,
		    shown, sizeof shown));
	rule = ch->t->rule;
	for (int c = 0; c < ch->ncol; c++)
		if (ch->pk[c]) {
			if (ch->op == SQLITE_INSERT)
				sqlite3changeset_new(it, c, &idv);
			else
				sqlite3changeset_old(it, c, &idv);
			break;
		}
	snprintf(ch->record, sizeof ch->record, "%s", idv &&
	    sqlite3_value_text(idv) ? (const char *)sqlite3_value_text(idv) :
	    "?");
	kz_sync_rule_owner(rule, ch->record, owner, sizeof owner);
	ch->by_owner = rule->owner == KZ_SYNC_OWNER_HEAD ?
	    strcmp(a->in->role, "head") == 0 :
	    strcmp(owner, a->in->office) == 0;
	ch->new_record = kz_idset_has(&a->created, ch->record);
	ch->mine = kz_sync_change_local(a->db, ch);
	return KZ_OK;
}

/* An office keeps its own records and head office's, not another
 * office's that head office passes on (edited or settled there, or sent
 * in a full bundle): those are that office's to keep. */
static bool
not_for_us(const struct apply *a, const struct kz_sync_change *ch)
{
	const struct kz_config *cfg = a->db->cfg;
	char owner[64];

	if (cfg == NULL || cfg->role == KZ_ROLE_HEAD ||
	    ch->t->rule->owner != KZ_SYNC_OWNER_OFFICE)
		return false;
	kz_sync_rule_owner(ch->t->rule, ch->record, owner, sizeof owner);
	return strcmp(owner, cfg->office_id) != 0 &&
	    strcmp(owner, a->in->office) != 0;
}

/* The change's record, counted by what became of its row: written, kept
 * aside (an update can be both), or found here (a row neither). By the
 * table and id the change was read with: an import's every row, so not
 * read again. */
static void
tally(struct apply *a, const struct kz_sync_change *ch, const long before[3])
{
	const struct kz_sync_result *res = a->res;
	const struct kz_sync_rule *rule = ch->t->rule;

	if (res->applied > before[0])
		kz_sync_records_add_id(&a->wrote, rule, ch->record);
	if (res->conflicts > before[1])
		kz_sync_records_add_id(&a->aside, rule, ch->record);
	if (res->unchanged > before[2])
		kz_sync_records_add_id(&a->same, rule, ch->record);
}

/* One change: apply it, find it applied already, or keep it aside. */
static int
apply_one(struct apply *a, sqlite3_changeset_iter *it)
{
	const long before[3] = { a->res->applied, a->res->conflicts,
	    a->res->unchanged };
	struct kz_sync_change ch;
	int rc;

	if (change_read(a, it, &ch))
		return KZ_ERROR;
	if (ch.t->rule->from_head && strcmp(a->in->role, "head") != 0) {
		/* head office's word only: an office's copy is not news */
		a->res->unchanged++;
		rc = KZ_OK;
	} else if (not_for_us(a, &ch)) {
		a->res->unchanged++;
		rc = KZ_OK;
	} else if (ch.op == SQLITE_INSERT)
		rc = apply_insert(a, &ch);
	else if (ch.mine == NULL && ch.by_owner &&
	    (rc = held_record(a, &ch)) != KZ_OK)
		rc = rc > 0 ? KZ_OK : rc;
	else if (!ch.by_owner && !ch.new_record)
		rc = apply_not_owner(a, &ch);
	else if (ch.mine == NULL && ch.op == SQLITE_DELETE) {
		a->res->unchanged++;	/* gone already */
		rc = KZ_OK;
	} else if (ch.mine == NULL)
		rc = keep(a, &ch, "deleted", NULL, NULL);
	else if (ch.op == SQLITE_DELETE)
		rc = apply_delete(a, &ch);
	else
		rc = apply_update(a, &ch);
	if (ch.mine)
		sqlite3_reset(ch.mine);
	if (rc == KZ_OK)
		tally(a, &ch, before);
	return rc;
}

/*
 * The changes go in four passes, each table in the order of the rules
 * (sync_rules.c lists a record's table before the tables that refer to
 * it): deletions of records, the tables that refer to others first, so
 * that a row freed of a unique value or of a dispatch that holds it is
 * gone before what takes its place; then deletions of rows keyed by
 * their record's id (a specialist's fields), after the records
 * themselves, so that if a record's deletion is refused here its rows
 * stay too; then insertions, then updates. A changeset lists its tables
 * in the order they were first written, which says nothing of this.
 */
enum { PASS_DELETE, PASS_DELETE_CHILD, PASS_INSERT, PASS_UPDATE, NPASS };

/* The pass of a change, and the position of its table in that pass; -1 if
 * the change cannot be read. */
static int
pass_of(sqlite3_changeset_iter *it, size_t *order)
{
	const char *tname;
	int ncol, op, ind;
	const struct kz_sync_rule *rule;
	size_t k;

	if (sqlite3changeset_op(it, &tname, &ncol, &op, &ind) != SQLITE_OK)
		return -1;
	rule = kz_sync_rule_of(tname);
	for (k = 0; k < kz_sync_nrules; k++)
		if (&kz_sync_rules[k] == rule)
			break;		/* unlisted tables: last */
	*order = op == SQLITE_DELETE ? kz_sync_nrules - k : k;
	if (op == SQLITE_DELETE)
		return rule->child ? PASS_DELETE_CHILD : PASS_DELETE;
	return op == SQLITE_INSERT ? PASS_INSERT : PASS_UPDATE;
}

/* Run fn over the changes of one pass whose table is at position order
 * (or, with any, over all of the pass, noting the positions in seen). */
/* The changes read a piece at a time, for SQLite's streaming iterator. */
struct stream {
	const struct kz_bundle_src *src;
	size_t off;
};

static int
stream_in(void *arg, void *data, int *n)
{
	struct stream *s = arg;
	size_t k = s->src->len - s->off;

	if ((size_t)*n < k)
		k = (size_t)*n;
	if (k > 0 && s->src->read(s->src->arg, s->off, data, k) != 0)
		return SQLITE_IOERR;
	s->off += k;
	*n = (int)k;
	return SQLITE_OK;
}

static int
walk(struct apply *a, const char *name, const struct kz_bundle_src *changes,
    int pass, size_t order, bool *seen)
{
	sqlite3_changeset_iter *it = NULL;
	struct stream in = { .src = changes };
	int rc = KZ_OK;
	size_t o;

	if (sqlite3changeset_start_strm(&it, stream_in, &in) != SQLITE_OK)
		return kz_err_add(a->err, name, _("the bundle's changes "
		    "cannot be read"));
	while (rc == KZ_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		int p = pass_of(it, &o);

		if (p < 0) {
			rc = kz_err_add(a->err, name, _("the bundle's changes "
			    "cannot be read"));
			break;
		}
		if (p != pass)
			continue;
		if (seen)
			seen[o] = true;
		else if (o == order)
			rc = apply_one(a, it);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == KZ_OK)
		rc = kz_err_add(a->err, name, _("the bundle's changes "
		    "cannot be read"));
	return rc;
}

int
kz_sync_apply(struct kz_db *db, const struct kz_bundle_info *in,
    const char *name, const unsigned char *changes, int size,
    struct kz_sync_result *res, struct kz_err *err)
{
	struct kz_bundle_src src;

	kz_sync_bundle_src_mem(&src, changes, size > 0 ? (size_t)size : 0);
	return kz_sync_apply_src(db, in, name, &src, res, err);
}

/* A record to index again, and where its row is (-1: gone). */
struct placed {
	sqlite3_int64 row;
	const char *id;
};

static int
by_row(const void *x, const void *y)
{
	const struct placed *p = x, *q = y;

	return (p->row > q->row) - (p->row < q->row);
}

/* The specialists the bundle touched, derived and indexed again, in the
 * order of their rows: FTS5 writes out the terms it holds whenever a
 * row comes below the one before, so in the set's own order (a hash's)
 * a first bundle of 100,000 people wrote the index a row at a time
 * (half the import's time). */
static int
reindex(struct apply *a)
{
	struct kz_db *db = a->db;
	struct placed *p;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc = KZ_OK;

	if (a->touched.n == 0)
		return KZ_OK;
	if ((p = calloc(a->touched.n, sizeof *p)) == NULL)
		return kz_err_add(a->err, "", _("out of memory"));
	if ((st = kz_db_stmt(db, "SELECT rowid FROM specialist WHERE id = ?"))
	    == NULL) {
		free(p);
		return kz_db_fail(db, a->err, "sync");
	}
	for (size_t i = 0; i < a->touched.cap && n < a->touched.n; i++) {
		if (a->touched.slot[i] == NULL)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, a->touched.slot[i], -1, SQLITE_STATIC);
		p[n].row = sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_column_int64(st, 0) : -1;
		p[n++].id = a->touched.slot[i];
	}
	sqlite3_reset(st);
	qsort(p, n, sizeof *p, by_row);
	for (size_t i = 0; rc == KZ_OK && i < n; i++)
		if ((rc = kz_specialist_derive(db, p[i].id, a->err)) == KZ_OK)
			rc = kz_search_refresh(db, p[i].id, a->err);
	free(p);
	return rc;
}

int
kz_sync_apply_src(struct kz_db *db, const struct kz_bundle_info *in,
    const char *name, const struct kz_bundle_src *changes,
    struct kz_sync_result *res, struct kz_err *err)
{
	struct apply a = { .db = db, .in = in, .res = res, .err = err,
	    .any_held = -1 };
	bool *seen = calloc(kz_sync_nrules + 1, sizeof *seen);
	int rc = seen ? KZ_OK : kz_err_add(err, "", _("out of memory"));

	for (int pass = 0; rc == KZ_OK && pass < NPASS; pass++) {
		memset(seen, 0, (kz_sync_nrules + 1) * sizeof *seen);
		rc = walk(&a, name, changes, pass, 0, seen);
		for (size_t o = 0; rc == KZ_OK && o <= kz_sync_nrules; o++)
			if (seen[o])
				rc = walk(&a, name, changes, pass, o, NULL);
	}
	if (rc == KZ_OK)
		rc = reindex(&a);
	if (rc == KZ_OK) {
		kz_sync_records_count(&a.wrote, NULL, NULL, &res->changed);
		kz_sync_records_count(&a.aside, NULL, NULL, &res->kept);
		kz_sync_records_count(&a.same, &a.wrote, &a.aside, &res->here);
		kz_sync_records_count(&a.held, NULL, NULL, &res->held);
	}
	free(seen);
	apply_free(&a);
	return rc;
}
