/* sync_export.c - writing the next bundle: the changes since the last one (or all), framed, written whole. */
#include "sync.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booking.h"
#include "file.h"
#include "i18n.h"
#include "sync_bundle.h"
#include "sync_meta.h"
#include "sync_rules.h"
#include "sync_stamps.h"

/* Changes of every record: the difference between an empty copy of each
 * table that travels (sync_rules.c) and the real one. */
static int
diff_all(struct kz_db *db, sqlite3_session **out, struct kz_err *err)
{
	sqlite3_stmt *st;
	sqlite3_session *s = NULL;
	int rc = KZ_OK;

	if (sqlite3_exec(db->sql, "ATTACH ':memory:' AS kzempty", NULL, NULL,
	    NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	if (sqlite3session_create(db->sql, "main", &s) != SQLITE_OK) {
		rc = kz_db_fail(db, err, "export");
		goto done;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT l.name, m.sql FROM "
	    "pragma_table_list l JOIN sqlite_schema m ON m.name = l.name "
	    "WHERE l.schema = 'main' AND l.type = 'table'", -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = kz_db_fail(db, err, "export");
		goto done;
	}
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		const char *paren;
		char *copy;
		char *emsg = NULL;

		/* a session diffs plain tables only; which of them
		 * travel is for the rules to say */
		if (!kz_sync_rule_sends(kz_sync_rule_of(name), db->cfg &&
		    db->cfg->role == KZ_ROLE_HEAD))
			continue;
		/* the same columns and key, in the empty database */
		if (sql == NULL || (paren = strchr(sql, '(')) == NULL)
			continue;
		copy = sqlite3_mprintf("CREATE TABLE kzempty.\"%w\" %s", name,
		    paren);
		if (copy == NULL || sqlite3_exec(db->sql, copy, NULL, NULL, NULL)
		    != SQLITE_OK || sqlite3session_attach(s, name) != SQLITE_OK ||
		    sqlite3session_diff(s, "kzempty", name, &emsg) != SQLITE_OK) {
			rc = kz_err_add(err, "", _("database: export of %s: %s"),
			    name, emsg ? emsg : sqlite3_errmsg(db->sql));
		}
		sqlite3_free(emsg);
		sqlite3_free(copy);
	}
	sqlite3_finalize(st);
done:
	if (rc == KZ_OK)
		*out = s;
	else
		sqlite3session_delete(s);
	return rc;
}

/* Merge the outbox (or everything) into one changeset. */
static int
gather(struct kz_db *db, bool all, void **data, int *size, long *upto,
    struct kz_err *err)
{
	sqlite3_changegroup *g = NULL;
	sqlite3_stmt *st;
	int rc = KZ_OK;

	*data = NULL;
	*size = 0;
	*upto = kz_sync_meta_number(db, "SELECT coalesce(max(n), 0) FROM "
	    "sync_outbox");
	if (all) {
		sqlite3_session *s = NULL;
		if (diff_all(db, &s, err))
			goto out;
		if (sqlite3session_changeset(s, size, data) != SQLITE_OK)
			rc = kz_db_fail(db, err, "export");
		sqlite3session_delete(s);
		goto out;
	}
	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return kz_err_add(err, "", _("out of memory"));
	if (sqlite3_prepare_v2(db->sql, "SELECT data FROM sync_outbox WHERE "
	    "n <= ? ORDER BY n", -1, &st, NULL) != SQLITE_OK) {
		sqlite3changegroup_delete(g);
		return kz_db_fail(db, err, "export");
	}
	sqlite3_bind_int64(st, 1, *upto);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3changegroup_add(g, sqlite3_column_bytes(st, 0),
		    (void *)sqlite3_column_blob(st, 0)) != SQLITE_OK)
			rc = kz_err_add(err, "", _("the outbox of changes is "
			    "damaged"));
	sqlite3_finalize(st);
	if (rc == KZ_OK && sqlite3changegroup_output(g, size, data) !=
	    SQLITE_OK)
		rc = kz_err_add(err, "", _("out of memory"));
	sqlite3changegroup_delete(g);
out:
	if (rc == KZ_OK && err->n)
		rc = KZ_ERROR;
	if (all)
		sqlite3_exec(db->sql, "DETACH kzempty", NULL, NULL, NULL);
	return rc;
}

/* The same changes with the author beside every edit's time stamp
 * (sync_stamps.c); *data is freed on failure. */
static int
with_authors(struct kz_db *db, void **data, int *size, struct kz_err *err)
{
	struct kz_buf full = { 0 };

	if (kz_sync_stamps(db, *data, *size, &full, err)) {
		sqlite3_free(*data);
		*data = NULL;
		return KZ_ERROR;
	}
	if (full.len > 0) {	/* the same changes, authors said */
		void *copy = sqlite3_malloc((int)full.len);
		if (copy)
			memcpy(copy, full.s, full.len);
		sqlite3_free(*data);
		*data = copy;
		*size = (int)full.len;
		kz_buf_free(&full);
		if (*data == NULL)
			return kz_err_add(err, "", _("out of memory"));
	}
	return KZ_OK;
}

/* The sequence moves on in the same transaction that empties the outbox;
 * the file at tmp takes its name just before that commits. On failure
 * neither file is left. */
static int
record_export(struct kz_db *db, const char *path, const char *tmp,
    const struct kz_bundle_info *in, long upto, struct kz_err *err)
{
	sqlite3_stmt *st = NULL;
	char seqs[32];

	if (kz_db_begin(db, err))
		goto fail;
	snprintf(seqs, sizeof seqs, "%ld", in->seq);
	if (kz_sync_meta_set(db, "exported", seqs) ||
	    sqlite3_prepare_v2(db->sql, "INSERT INTO sync_export (seq, at, file, "
	    "bytes, changes, sha256) VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL)
	    != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, in->seq);
	sqlite3_bind_text(st, 2, in->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)in->bytes);
	sqlite3_bind_int64(st, 5, in->changes);
	sqlite3_bind_text(st, 6, in->sha256, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db->sql, "DELETE FROM sync_outbox WHERE n <= ?",
	    -1, &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, upto);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	if (kz_file_commit(tmp, path) != 0) {
		kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(errno));
		kz_db_rollback(db);
		goto fail;
	}
	if (kz_db_commit(db, err)) {
		unlink(path);	/* the sequence did not move: no bundle */
		return KZ_ERROR;
	}
	return KZ_OK;
fail_tx:
	kz_db_fail(db, err, "export");
	sqlite3_finalize(st);
	kz_db_rollback(db);
fail:
	unlink(tmp);
	return KZ_ERROR;
}

int
kz_sync_export(struct kz_db *db, const char *path, bool all,
    struct kz_sync_result *res, struct kz_err *err)
{
	struct kz_buf b = { 0 };
	struct kz_bundle_info *in = &res->info;
	void *data = NULL;
	int size = 0, rc;
	long upto;
	char dbid[40], seqs[32], tmp[4200];

	memset(res, 0, sizeof *res);
	if (kz_sync_meta_get(db, "db", dbid, sizeof dbid) ||
	    kz_sync_meta_get(db, "exported", seqs, sizeof seqs))
		return kz_db_fail(db, err, "sync");
	/* head office tells the offices of each other's bookings */
	if (kz_booking_refresh(db, err))
		return KZ_ERROR;
	if (gather(db, all, &data, &size, &upto, err))
		return KZ_ERROR;
	if (size == 0) {
		res->nothing = true;
		sqlite3_free(data);
		return KZ_OK;
	}
	if (!all && with_authors(db, &data, &size, err))
		return KZ_ERROR;
	in->seq = atol(seqs) + 1;
	rc = kz_sync_bundle_write(&b, db->cfg, dbid, data, size, in, err);
	sqlite3_free(data);
	if (rc != KZ_OK)
		return KZ_ERROR;
	if (kz_file_write_temp(path, b.s, b.len, tmp, sizeof tmp) != 0) {
		rc = kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(errno));
		kz_buf_free(&b);
		return rc;
	}
	kz_buf_free(&b);
	return record_export(db, path, tmp, in, upto, err);
}
