/* sync_export.c - writing the next bundle: the changes since the last one (or all), framed, written whole. */
#include "sync.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booking.h"
#include "changeset.h"
#include "file.h"
#include "i18n.h"
#include "sync_bundle.h"
#include "sync_chain.h"
#include "sync_key.h"
#include "sync_meta.h"
#include "sync_private.h"
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

/* Merge the outbox (or everything) into one changeset; on failure *data
 * may still hold what was merged, for the caller to free. */
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
	if (rc == KZ_OK)
		rc = kz_sync_chain(db, *upto, data, size, err);
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
		int rc = kz_cs_replace(data, size, &full);

		kz_buf_free(&full);
		if (rc != KZ_OK) {
			sqlite3_free(*data);
			*data = NULL;
			return kz_err_add(err, "", _("out of memory"));
		}
	}
	return KZ_OK;
}

/*
 * KIZUNA_TEST_CHANGES=FILE: the bundle carries FILE's bytes as its
 * changes, signed and sealed as any: what an office that forges with its
 * own key could send (tests/shell/sync_forge.sh). Unset: nothing.
 * *data is freed on failure.
 */
static int
test_changes(void **data, int *size, struct kz_err *err)
{
	const char *path = getenv("KIZUNA_TEST_CHANGES");
	struct kz_buf b = { 0 };
	size_t len;
	char *bytes;
	int rc;

	if (path == NULL || *path == '\0')
		return KZ_OK;
	if ((bytes = kz_file_read(path, 1 << 24, &len)) == NULL) {
		rc = kz_err_add(err, path, "%s", strerror(errno));
		goto fail;
	}
	kz_buf_put(&b, bytes, len);
	free(bytes);
	rc = kz_cs_replace(data, size, &b);
	kz_buf_free(&b);
	if (rc == KZ_OK)
		return KZ_OK;
	rc = kz_err_add(err, "", _("out of memory"));
fail:
	sqlite3_free(*data);	/* as with_authors: freed on failure */
	*data = NULL;
	return rc;
}

/*
 * An export is steps each safe to be killed at:
 *
 *	made	one transaction moves the sequence on, empties the outbox
 *		and keeps the bundle's bytes (sync_export.data);
 *	part	the bytes go to FILE.part, fsynced;
 *	renamed	FILE.part becomes FILE, the directory fsynced;
 *	written	the bundle is marked written.
 *
 * Killed before "made", nothing happened; after it, the next export
 * writes the same bundle again, byte for byte, before anything new. So a
 * number never names two contents and no change is sent twice or lost.
 * KIZUNA_TEST_KILL_AT=STEP kills the process at a step, for the tests.
 */
static void
kill_point(const char *step)
{
	const char *at = getenv("KIZUNA_TEST_KILL_AT");

	if (at != NULL && strcmp(at, step) == 0)
		raise(SIGKILL);
}

/* FILE.part written and fsynced, then renamed to FILE. A name of its own,
 * not a random one: a .part left by a kill is replaced by the next try,
 * and removed when that try fails. Replaced, not written into: a .part
 * someone else made (readable by others, or a link to elsewhere) must not
 * receive the bundle's personal data, so it is removed and made anew,
 * 0600, refusing a name that is taken again meanwhile. */
static int
put_file(const char *path, const void *data, size_t len, struct kz_err *err)
{
	char part[4200];
	const char *p = data;
	size_t done = 0, half = len / 2;
	int fd, e;

	if ((size_t)snprintf(part, sizeof part, "%s.part", path) >= sizeof part)
		return kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(ENAMETOOLONG));
	if ((unlink(part) != 0 && errno != ENOENT) || (fd = open(part,
	    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		return kz_err_add(err, part, _("cannot write the bundle: %s"),
		    strerror(errno));
	while (done < len) {
		/* the first half alone, so a test can kill it half written */
		ssize_t w = write(fd, p + done, (done < half ? half : len) - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			e = w == 0 ? EIO : errno;
			goto fail;
		}
		done += (size_t)w;
		if (done == half)
			kill_point("half");
	}
	if (fsync(fd) != 0) {
		e = errno;
		goto fail;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(part);
		goto report;
	}
	kill_point("part");
	if (kz_file_commit(part, path) != 0) {
		e = errno;
		goto report;
	}
	return KZ_OK;
fail:
	close(fd);
	unlink(part);
report:
	/* ENOSPC and EFBIG (SIGXFSZ is ignored: main.c) land here */
	return kz_err_add(err, path, _("cannot write the bundle: %s"),
	    strerror(e));
}

/* Write bundle seq, made before, from the bytes kept of it, and mark it
 * written. */
static int
write_made(struct kz_db *db, long seq, const char *path,
    struct kz_sync_result *res, struct kz_err *err)
{
	sqlite3_stmt *st;
	unsigned char *data = NULL, fk[KZ_FILE_KEY];
	size_t len = 0;
	bool found = false, have_fk = false;
	char now[32];
	int rc;

	if (sqlite3_prepare_v2(db->sql, "SELECT data, file, filekey FROM "
	    "sync_export WHERE seq = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	sqlite3_bind_int64(st, 1, seq);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *was = (const char *)sqlite3_column_text(st, 1);
		char part[4200];

		found = true;
		/* a try killed while writing under another name left this */
		if (was != NULL && strcmp(was, path) != 0 &&
		    (size_t)snprintf(part, sizeof part, "%s.part", was) <
		    sizeof part)
			unlink(part);
		len = (size_t)sqlite3_column_bytes(st, 0);
		if (sqlite3_column_type(st, 0) == SQLITE_BLOB && len > 0 &&
		    (data = malloc(len)) != NULL)
			memcpy(data, sqlite3_column_blob(st, 0), len);
		if (sqlite3_column_bytes(st, 2) == KZ_FILE_KEY) {
			memcpy(fk, sqlite3_column_blob(st, 2), KZ_FILE_KEY);
			have_fk = true;
		}
	}
	sqlite3_finalize(st);
	if (!found)
		return kz_err_add(err, "", _("no bundle %ld was made by this "
		    "database (the last is %ld)"), seq, kz_sync_meta_number(db,
		    "SELECT coalesce(max(seq), 0) FROM sync_export"));
	if (data == NULL)
		return kz_err_add(err, "", _("bundle %ld was made before kizuna "
		    "kept the contents of bundles: it cannot be written again"),
		    seq);
	/* signed with a key replaced since, or sealed for other keys than
	 * those enrolled now: again, the same contents; then the bytes kept
	 * must still be the bundle */
	struct kz_buf again;
	if (kz_sync_bundle_refresh(db, data, len, have_fk ? fk : NULL, &again,
	    err)) {
		free(data);
		return KZ_ERROR;
	}
	sodium_memzero(fk, sizeof fk);
	if (again.len > 0) {
		free(data);
		data = (unsigned char *)again.s;
		len = again.len;
	}
	if (kz_sync_verify(NULL, path, data, len, &res->info, NULL, NULL, NULL,
	    err)) {
		free(data);
		return KZ_ERROR;
	}
	rc = put_file(path, data, len, err);
	if (rc != KZ_OK) {
		free(data);
		return KZ_ERROR;
	}
	kill_point("renamed");
	kz_now_utc(now);
	/* the bytes written are the bytes kept, signed again or not */
	if (sqlite3_prepare_v2(db->sql, "UPDATE sync_export SET written = "
	    "coalesce(written, ?), file = ?, data = ? WHERE seq = ?", -1, &st,
	    NULL) != SQLITE_OK) {
		free(data);
		return kz_db_fail(db, err, "export");
	}
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, data, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, seq);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(data);
	if (rc != SQLITE_DONE)	/* the file is whole; the mark waits */
		return kz_db_fail(db, err, "export");
	kill_point("written");
	return KZ_OK;
}

/* The oldest bundle made but not written, or 0. */
static long
unwritten(struct kz_db *db)
{
	return kz_sync_meta_number(db, "SELECT coalesce(min(seq), 0) FROM "
	    "sync_export WHERE written IS NULL");
}

/* The step "made": the sequence moves on, the outbox up to upto is
 * emptied and the bundle's bytes are kept, in one transaction, synced
 * to disk before the file is written. before is the last sequence as
 * the changes were gathered: another export since then took them. */
static int
make_bundle(struct kz_db *db, const char *path, const void *data, int size,
    long before, long upto, struct kz_bundle_info *in, struct kz_err *err)
{
	struct kz_buf b = { 0 };
	sqlite3_stmt *st = NULL;
	char dbid[40], seqs[32];
	unsigned char pk[KZ_KEY_PUBLIC], fk[KZ_FILE_KEY];

	/* the key is made, if this is its first need, before the bundle */
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_sync_meta_get(db, "db", dbid, sizeof dbid) ||
	    kz_sync_meta_get(db, "exported", seqs, sizeof seqs))
		goto fail_tx;
	if (atol(seqs) != before || unwritten(db) != 0) {
		kz_db_rollback(db);
		return kz_err_add(err, "", _("another export ran at the same "
		    "time: export again"));
	}
	in->seq = before + 1;
	if (kz_sync_bundle_write(&b, db, dbid, data, size, in, fk, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	snprintf(seqs, sizeof seqs, "%ld", in->seq);
	if (kz_sync_meta_set(db, "exported", seqs) ||
	    sqlite3_prepare_v2(db->sql, "INSERT INTO sync_export (seq, at, file, "
	    "bytes, changes, sha256, data, filekey) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?)", -1,
	    &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, in->seq);
	sqlite3_bind_text(st, 2, in->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)in->bytes);
	sqlite3_bind_int64(st, 5, in->changes);
	sqlite3_bind_text(st, 6, in->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 7, b.s, (int)b.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 8, fk, sizeof fk, SQLITE_STATIC);
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
	kz_buf_free(&b);
	kill_point("gathered");
	/* what is sent must never be undone by a power cut: this commit
	 * reaches the disk before the file is written */
	sqlite3_exec(db->sql, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	if (kz_db_commit(db, err)) {
		sqlite3_exec(db->sql, "PRAGMA synchronous = NORMAL", NULL, NULL,
		    NULL);
		return KZ_ERROR;
	}
	sqlite3_exec(db->sql, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	kill_point("made");
	return KZ_OK;
fail_tx:
	kz_db_fail(db, err, "export");
	sqlite3_finalize(st);
	kz_buf_free(&b);
	kz_db_rollback(db);
	return KZ_ERROR;
}

/* Forget the outbox up to upto, in a transaction of its own. */
static int
drop_outbox(struct kz_db *db, long upto, struct kz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (kz_db_begin(db, err))
		return KZ_ERROR;
	rc = sqlite3_prepare_v2(db->sql, "DELETE FROM sync_outbox WHERE "
	    "n <= ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, upto);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		if (rc != SQLITE_OK)
			kz_db_fail(db, err, "sync");
		sqlite3_finalize(st);
	} else
		kz_db_fail(db, err, "sync");
	if (rc != SQLITE_OK) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_sync_export(struct kz_db *db, const char *path, bool all,
    struct kz_sync_result *res, struct kz_err *err)
{
	void *data = NULL;
	int size = 0, rc;
	long upto, before, seq;
	char seqs[32];

	memset(res, 0, sizeof *res);
	/* a bundle made but not written (killed, or the disk was full) is
	 * finished first, the same bytes under the same number */
	if ((seq = unwritten(db)) != 0) {
		res->again = true;
		return write_made(db, seq, path, res, err);
	}
	if (kz_sync_meta_get(db, "exported", seqs, sizeof seqs))
		return kz_db_fail(db, err, "sync");
	before = atol(seqs);
	/* head office tells the offices of each other's bookings */
	if (kz_booking_refresh(db, err))
		return KZ_ERROR;
	if (gather(db, all, &data, &size, &upto, err)) {
		sqlite3_free(data);	/* what was merged before the failure */
		return KZ_ERROR;
	}
	if (size == 0) {
		res->nothing = true;
		sqlite3_free(data);
		/* changes that cancel out (made, then undone) leave nothing
		 * to send, and nothing pending either */
		return all || upto == 0 ? KZ_OK : drop_outbox(db, upto, err);
	}
	if (!all && with_authors(db, &data, &size, err))
		return KZ_ERROR;
	if (test_changes(&data, &size, err))
		return KZ_ERROR;
	/* head office's bundle goes to every office: no personal data */
	if (db->cfg && db->cfg->role == KZ_ROLE_HEAD &&
	    kz_sync_private(db, &data, &size, err)) {
		sqlite3_free(data);
		return KZ_ERROR;
	}
	rc = make_bundle(db, path, data, size, before, upto, &res->info, err);
	sqlite3_free(data);
	if (rc != KZ_OK)
		return KZ_ERROR;
	if (write_made(db, res->info.seq, path, res, err)) {
		kz_err_add(err, "", _("bundle %ld is made and kept: export "
		    "again to write it"), res->info.seq);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_sync_export_again(struct kz_db *db, long seq, const char *path,
    struct kz_sync_result *res, struct kz_err *err)
{
	memset(res, 0, sizeof *res);
	res->again = true;
	if (seq < 1)
		return kz_err_add(err, "", _("no bundle %ld was made by this "
		    "database (the last is %ld)"), seq, kz_sync_meta_number(db,
		    "SELECT coalesce(max(seq), 0) FROM sync_export"));
	return write_made(db, seq, path, res, err);
}
