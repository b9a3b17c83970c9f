/* sync_import.c - taking a bundle in: checked whole, in sequence, applied in one transaction, remembered. */
#include "sync.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booking.h"
#include "file.h"
#include "history.h"
#include "i18n.h"
#include "sync_apply.h"
#include "sync_bundle.h"
#include "sync_key.h"
#include "sync_meta.h"
#include "sync_rules.h"

/* Far above any office's whole register; stops a mistaken file from
 * being read whole. */
#define MAX_BUNDLE (512L * 1024 * 1024)

/* A table's rows as the record history calls them (db->table_word). */
static const char *
table_word(const char *table)
{
	const struct kz_sync_rule *r = kz_sync_rule_of(table);

	return r && r->record ? kz_history_kind_name(r->record) : NULL;
}

/* Remember the bundle: a repeat is then seen, and the next in line known,
 * before any data is touched. */
static int
record_applied(struct kz_db *db, const struct kz_bundle_info *in,
    const struct kz_sync_result *res, struct kz_err *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	kz_now_utc(now);
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_applied (source_db, "
	    "seq, source_office, sha256, at, applied, conflicts) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, in->seq);
	sqlite3_bind_text(st, 3, in->office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, res->applied);
	sqlite3_bind_int64(st, 7, res->conflicts);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sync");
}

/* Seen before, next in line, or a gap. */
static int
check_sequence(struct kz_db *db, const char *name,
    const struct kz_bundle_info *in, bool *seen, struct kz_err *err)
{
	sqlite3_stmt *st;
	long last = 0;
	char sha[65] = "";

	*seen = false;
	if (sqlite3_prepare_v2(db->sql, "SELECT sha256 FROM sync_applied "
	    "WHERE source_db = ? AND seq = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, in->seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(sha, sizeof sha, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sha[0]) {
		if (strcmp(sha, in->sha256) != 0)
			return kz_err_add(err, name, _("bundle %ld from %s was "
			    "applied before with different contents: this one "
			    "is not the bundle that was sent"), in->seq,
			    in->office);
		*seen = true;
		return KZ_OK;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(max(seq), 0) FROM "
	    "sync_applied WHERE source_db = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		last = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (in->seq <= last) {
		*seen = true;	/* older than the newest: merged already */
		return KZ_OK;
	}
	if (in->seq > last + 1)
		return kz_err_add(err, name, _("bundle %ld from %s cannot be "
		    "applied yet: bundle %ld from %s is missing (apply bundles "
		    "in order)"), in->seq, in->office, last + 1, in->office);
	return KZ_OK;
}

/* Others' changes are not ours to send on; head office forwards the
 * changes to head office's records it takes in (the register) to every
 * office. A session that records them, or NULL. */
static sqlite3_session *
forward_session(struct kz_db *db)
{
	sqlite3_session *fwd = NULL;

	if (db->cfg == NULL || db->cfg->role != KZ_ROLE_HEAD ||
	    sqlite3session_create(db->sql, "main", &fwd) != SQLITE_OK)
		return NULL;
	for (size_t i = 0; i < kz_sync_nrules; i++)
		if (kz_sync_rules[i].travels &&
		    kz_sync_rules[i].owner == KZ_SYNC_OWNER_HEAD)
			sqlite3session_attach(fwd, kz_sync_rules[i].table);
	return fwd;
}

/* A scratch file beside the database (the disk that must hold the
 * changes anyway; /tmp may be a small one in memory), 0600 and named
 * nowhere (kz_file_scratch); /tmp for a database in memory. */
static FILE *
scratch_file(struct kz_db *db)
{
	FILE *fp;
	int fd, e;

	if (db->path == NULL || strcmp(db->path, ":memory:") == 0)
		return tmpfile();
	if ((fd = kz_file_scratch(db->path, "import")) < 0)
		return NULL;
	if ((fp = fdopen(fd, "w+")) == NULL) {
		e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

/* The bundle read through src: checked whole (its changes into memory,
 * a chunk at a time), then applied. */
static int
import_src(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_sync_result *res,
    struct kz_err *err)
{
	sqlite3_session *fwd;
	struct kz_buf head = { 0 };
	struct kz_bundle_src changes;
	char mydb[40];
	size_t clen;
	FILE *scratch;
	bool seen;
	int rc, fd;

	memset(res, 0, sizeof *res);
	/* the changes, checked a chunk at a time, into a scratch file of
	 * this process's (0600, unlinked: gone when it ends), then applied
	 * from there a piece at a time */
	if ((scratch = scratch_file(db)) == NULL)
		return kz_err_add(err, name, _("cannot keep the bundle's "
		    "changes in a temporary file beside the database while "
		    "they are checked: %s"), strerror(errno));
	fd = fileno(scratch);
	if (kz_sync_verify_fd(db, name, src, &res->info, &head, fd, &clen,
	    err)) {
		fclose(scratch);
		return KZ_ERROR;
	}
	rc = KZ_ERROR;
	if (kz_sync_bundle_src_fd(&changes, &fd) != 0 || changes.len != clen) {
		kz_err_add(err, name, _("cannot read the bundle: %s"),
		    strerror(errno ? errno : EIO));
		goto out;
	}
	if (kz_sync_meta_get(db, "db", mydb, sizeof mydb)) {
		kz_db_fail(db, err, "sync");
		goto out;
	}
	if (strcmp(mydb, res->info.db) == 0) {
		kz_err_add(err, name, _("this bundle was made by this "
		    "database"));
		goto out;
	}
	/* its number checked in the transaction that applies it: two
	 * imports of one bundle at once apply it once, and the second says
	 * it was applied before */
	if (kz_db_begin(db, err))
		goto out;
	if (check_sequence(db, name, &res->info, &seen, err) || seen) {
		kz_db_rollback(db);
		if (seen) {
			res->nothing = true;
			rc = KZ_OK;
		}
		goto out;
	}
	kz_db_capture_pause(db, true);
	fwd = forward_session(db);
	sqlite3_exec(db->sql, "PRAGMA defer_foreign_keys = ON", NULL, NULL,
	    NULL);
	/* the keys head office believes and has revoked, learnt first */
	rc = strcmp(res->info.role, "head") != 0 ? KZ_OK :
	    kz_sync_key_succeed(db, res->info.office, head.s, head.len,
	    err) == KZ_OK ? kz_sync_key_learn(db, res->info.office,
	    head.s, head.len, err) : KZ_ERROR;
	if (rc == KZ_OK)
		rc = kz_sync_apply_src(db, &res->info, name, &changes, res,
		    err);
	/* head office's bookings follow what came in, and travel on */
	if (rc == KZ_OK)
		rc = kz_booking_refresh(db, err);
	if (rc == KZ_OK)
		rc = record_applied(db, &res->info, res, err);
	db->taken_in = true;	/* what it passes on came from elsewhere */
	if (rc == KZ_OK && fwd)
		rc = kz_db_capture_store(db, fwd, err);
	if (fwd)
		sqlite3session_delete(fwd);
	kz_db_capture_pause(db, false);
	if (rc == KZ_OK) {
		/* it checks the foreign keys: rows naming a record not
		 * here were held aside (sync_hold.c); one that slipped
		 * past is told of in words, and nothing is applied */
		db->table_word = table_word;
		rc = kz_db_commit(db, err);
		db->table_word = NULL;
	}
	else if (kz_db_lost(db))	/* a full disk: say so, stop */
		kz_db_stopped(db, name, 0, err);
	else
		kz_db_rollback(db);
	if (rc != KZ_OK) {	/* rolled back: nothing of it stayed */
		res->applied = res->unchanged = res->conflicts = 0;
		memset(&res->changed, 0, sizeof res->changed);
		memset(&res->here, 0, sizeof res->here);
		memset(&res->kept, 0, sizeof res->kept);
		memset(&res->held, 0, sizeof res->held);
	} else
		res->clashes = kz_booking_clash_count(db);
out:
	fclose(scratch);
	kz_buf_free(&head);
	return rc;
}

int
kz_sync_import_mem(struct kz_db *db, const char *name,
    const unsigned char *data, size_t len, struct kz_sync_result *res,
    struct kz_err *err)
{
	struct kz_bundle_src src;

	kz_sync_bundle_src_mem(&src, data, len);
	return import_src(db, name, &src, res, err);
}

int
kz_sync_import(struct kz_db *db, const char *path, struct kz_sync_result *res,
    struct kz_err *err)
{
	struct kz_bundle_src src;
	int fd, rc;

	memset(res, 0, sizeof *res);
	/* read a piece at a time, never whole; opened without waiting, so
	 * that a pipe with no writer is refused rather than waited on */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return kz_err_add(err, path, "%s", strerror(errno));
	if (kz_sync_bundle_src_fd(&src, &fd) != 0) {
		int e = errno;
		close(fd);
		if (e == EISDIR)
			return kz_err_add(err, path, _("this is a directory, not "
			    "a bundle: name a bundle file in it"));
		if (e == EINVAL)
			return kz_err_add(err, path, _("this is not a file (a "
			    "device, a pipe or a socket): a bundle is a file"));
		return kz_err_add(err, path, "%s", strerror(e));
	}
	if (src.len > MAX_BUNDLE) {
		close(fd);
		return kz_err_add(err, path, _("the file is too large to be a "
		    "bundle"));
	}
	rc = import_src(db, path, &src, res, err);
	close(fd);
	return rc;
}
