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
#include "sync_records.h"
#include "sync_private.h"
#include "sync_rules.h"
#include "sync_stamps.h"

/*
 * export --all: every row of every table that travels, as its insertion,
 * what a session's diff against empty copies of the tables gives, but
 * written here a batch of about ALL_BATCH bytes at a time and handed on
 * (add_changes), so the export holds a batch, not the database. A
 * table's rows are read in their key's order by one statement; a table
 * with no primary key, and a row with a NULL in its key, are left out,
 * as sessions leave them out.
 */
#define ALL_BATCH	(1 << 20)

static int add_changes(struct kz_db *db, struct kz_bundle_out *o,
    void *data, int size, bool all, int *n, struct kz_err *err);

/* The batch in cs on into the bundle, and cs emptied. */
static int
all_flush(struct kz_db *db, struct kz_bundle_out *o, struct kz_buf *cs,
    int *n, struct kz_err *err)
{
	void *data = NULL;
	int size = 0;

	if (cs->len == 0)
		return KZ_OK;
	if (kz_cs_replace(&data, &size, cs) != KZ_OK)
		return kz_err_add(err, "", _("out of memory"));
	cs->len = 0;
	return add_changes(db, o, data, size, true, n, err);
}

/* Table name's key columns (pk[c] for each of *ncol), or KZ_ERROR. */
static int
all_key(struct kz_db *db, const char *name, unsigned char **pk, int *ncol,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	*pk = NULL;
	*ncol = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT pk FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		unsigned char *more = realloc(*pk, (size_t)*ncol + 1);

		if (more == NULL) {
			sqlite3_finalize(st);
			return kz_err_add(err, "", _("out of memory"));
		}
		*pk = more;
		(*pk)[(*ncol)++] = sqlite3_column_int(st, 0) > 0;
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

/* Every row of table name into the batches. */
static int
all_table(struct kz_db *db, struct kz_bundle_out *o, const char *name,
    struct kz_buf *cs, int *n, struct kz_err *err)
{
	unsigned char *pk;
	int ncol, nkey = 0, rc = KZ_OK, step = SQLITE_DONE;
	sqlite3_stmt *st = NULL;
	char *q;

	if (all_key(db, name, &pk, &ncol, err))
		return KZ_ERROR;
	for (int c = 0; c < ncol; c++)
		nkey += pk[c];
	q = nkey ? sqlite3_mprintf("SELECT * FROM main.\"%w\"", name) : NULL;
	if (nkey && (q == NULL || sqlite3_prepare_v2(db->sql, q, -1, &st,
	    NULL) != SQLITE_OK))
		rc = kz_db_fail(db, err, "export");
	while (rc == KZ_OK && st && (step = sqlite3_step(st)) == SQLITE_ROW) {
		bool keyed = sqlite3_column_count(st) == ncol;

		for (int c = 0; keyed && c < ncol; c++)
			if (pk[c] && sqlite3_column_type(st, c) == SQLITE_NULL)
				keyed = false;
		if (!keyed)
			continue;
		if (cs->len == 0)	/* each batch names its table */
			kz_cs_put_header(cs, name, ncol, pk);
		kz_buf_put(cs, "\x12\0", 2);	/* an insertion, direct */
		for (int c = 0; c < ncol; c++)
			kz_cs_put_value(cs, sqlite3_column_value(st, c));
		if (cs->len >= ALL_BATCH)
			rc = all_flush(db, o, cs, n, err);
	}
	if (rc == KZ_OK && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = kz_db_fail(db, err, "export");
	sqlite3_finalize(st);
	sqlite3_free(q);
	free(pk);
	/* the next table starts a batch of its own */
	return rc == KZ_OK ? all_flush(db, o, cs, n, err) : rc;
}

/* Every record's changes (export --all), into the bundle a batch at a
 * time, in the order of the schema's tables. */
static int
gather_all(struct kz_db *db, struct kz_bundle_out *o, int *n,
    struct kz_err *err)
{
	struct kz_buf cs = { 0 };
	sqlite3_stmt *st;
	int rc = KZ_OK;

	if (sqlite3_prepare_v2(db->sql, "SELECT l.name FROM "
	    "pragma_table_list l JOIN sqlite_schema m ON m.name = l.name "
	    "WHERE l.schema = 'main' AND l.type = 'table'", -1, &st, NULL) !=
	    SQLITE_OK)
		return kz_db_fail(db, err, "export");
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		/* which tables travel is for the rules to say */
		if (name && kz_sync_rule_sends(kz_sync_rule_of(name),
		    db->cfg && db->cfg->role == KZ_ROLE_HEAD))
			rc = all_table(db, o, name, &cs, n, err);
	}
	sqlite3_finalize(st);
	kz_buf_free(&cs);
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
 * changes, signed and sealed as any, in place of the outbox's: what an
 * office that forges with its own key could send
 * (tests/shell/sync_forge.sh). Unset: nothing. *data is freed on
 * failure, and replaced by FILE's bytes; *raw says they were.
 */
static int
test_changes(void **data, int *size, bool *raw, struct kz_err *err)
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
	if (rc == KZ_OK) {
		*raw = true;
		return KZ_OK;
	}
	rc = kz_err_add(err, "", _("out of memory"));
fail:
	sqlite3_free(*data);	/* as with_authors: freed on failure */
	*data = NULL;
	return rc;
}

/* A batch of changes on its way into the bundle: the authors beside the
 * stamps (not for --all), at head office without personal data; *n
 * counts the batches. data (sqlite3_malloc'd) is freed here. */
static int
add_changes(struct kz_db *db, struct kz_bundle_out *o, void *data, int size,
    bool all, int *n, struct kz_err *err)
{
	bool raw = false;
	int rc;

	if ((*n)++ > 0 && getenv("KIZUNA_TEST_CHANGES") != NULL &&
	    *getenv("KIZUNA_TEST_CHANGES") != '\0') {
		sqlite3_free(data);	/* the test's bytes went first */
		return KZ_OK;
	}
	if (!all && with_authors(db, &data, &size, err))
		return KZ_ERROR;
	if (test_changes(&data, &size, &raw, err))
		return KZ_ERROR;
	/* head office's bundle goes to every office: no personal data */
	if (db->cfg && db->cfg->role == KZ_ROLE_HEAD &&
	    kz_sync_private(db, &data, &size, err)) {
		sqlite3_free(data);
		return KZ_ERROR;
	}
	rc = raw ? kz_sync_bundle_add_raw(o, data, size, err) :
	    kz_sync_bundle_add(o, data, size, err);
	sqlite3_free(data);
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

/* A piece of the bundle being written: bytes of a source. */
struct seg {
	const struct kz_bundle_src *src;
	size_t off, len;
};

struct part_sink {
	int fd;
	size_t done, half;
};

/* Bytes into FILE.part; the first half alone, so a test can kill it
 * half written. */
static int
part_write(void *arg, const void *data, size_t n)
{
	struct part_sink *ps = arg;
	const unsigned char *p = data;

	while (n > 0) {
		size_t k = n;
		if (ps->done < ps->half && ps->done + k > ps->half)
			k = ps->half - ps->done;
		if (kz_file_write_all(ps->fd, p, k) != 0)
			return -1;
		p += k;
		n -= k;
		ps->done += k;
		if (ps->done == ps->half)
			kill_point("half");
	}
	return 0;
}

/* The records of a bundle made here, said again when it is written
 * again: kept in sync_meta as "records SEQ", each kind's count, spaced. */
static int
records_keep(struct kz_db *db, const struct kz_bundle_info *in)
{
	char key[48], v[KZ_SYNC_KINDS * 21 + 1];
	size_t len = 0;

	snprintf(key, sizeof key, "records %ld", in->seq);
	v[0] = '\0';
	for (int i = 0; i < KZ_SYNC_KINDS; i++)
		len += (size_t)snprintf(v + len, sizeof v - len, "%s%ld",
		    i ? " " : "", in->kinds_n[i]);
	return kz_sync_meta_set(db, key, v);
}

static void
records_kept(struct kz_db *db, struct kz_bundle_info *in)
{
	struct kz_sync_records r = { 0 };
	char key[48], v[KZ_SYNC_KINDS * 21 + 1];
	const char *p = v;

	snprintf(key, sizeof key, "records %ld", in->seq);
	if (kz_sync_meta_get(db, key, v, sizeof v) != KZ_OK || !v[0])
		return;
	for (int i = 0; i < KZ_SYNC_KINDS && *p; i++) {
		char *end;

		r.n[i] = strtol(p, &end, 10);
		r.total += r.n[i];
		p = end;
	}
	kz_sync_records_info(&r, in);
}

/* FILE.part written from the pieces and fsynced, read back and checked
 * (the signature over the bytes on the disk, a piece at a time, into
 * info), then renamed to FILE; *fd stays open on it. A name of its own,
 * not a random one: a .part left by a kill is replaced by the next try,
 * and removed when that try fails. Replaced, not written into: a .part
 * someone else made (readable by others, or a link to elsewhere) must not
 * receive the bundle's personal data, so it is removed and made anew,
 * 0600, refusing a name that is taken again meanwhile. */
static int
put_file(const char *path, const struct seg *segs, size_t nseg,
    struct kz_bundle_info *info, int *fdp, struct kz_err *err)
{
	char part[4200];
	struct part_sink ps = { 0 };
	struct kz_bundle_src fsrc;
	size_t len = 0;
	int fd, e;
	long records, kinds_n[KZ_SYNC_KINDS];
	char kinds[sizeof info->kinds];

	*fdp = -1;
	if (kz_file_replaceable(path) != 0)
		return kz_err_add(err, path, _("something other than a file is "
		    "there (a directory, a device, a pipe or a link): name a "
		    "new file, or a bundle to replace"));
	for (size_t i = 0; i < nseg; i++)
		len += segs[i].len;
	ps.half = len / 2;
	if ((size_t)snprintf(part, sizeof part, "%s.part", path) >= sizeof part)
		return kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(ENAMETOOLONG));
	if ((unlink(part) != 0 && errno != ENOENT) || (fd = open(part,
	    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		return kz_err_add(err, part, _("cannot write the bundle: %s"),
		    strerror(errno));
	ps.fd = fd;
	for (size_t i = 0; i < nseg; i++)
		if (kz_sync_bundle_copy(segs[i].src, segs[i].off, segs[i].len,
		    part_write, &ps) != 0) {
			e = errno ? errno : EIO;
			goto fail;
		}
	if (fsync(fd) != 0) {
		e = errno;
		goto fail;
	}
	kill_point("part");
	/* what is on the disk is the bundle, or it goes no further */
	if (kz_sync_bundle_src_fd(&fsrc, &fd) != 0) {
		e = errno;
		goto fail;
	}
	/* the records it is to are known from its making, not from its
	 * header, which the check reads (sealed to others, the changes are
	 * not read here) */
	records = info->records;
	memcpy(kinds, info->kinds, sizeof kinds);
	memcpy(kinds_n, info->kinds_n, sizeof kinds_n);
	if (kz_sync_verify_src(NULL, path, &fsrc, info, NULL, NULL, NULL,
	    err)) {
		close(fd);
		unlink(part);
		return KZ_ERROR;
	}
	info->records = records;
	memcpy(info->kinds, kinds, sizeof kinds);
	memcpy(info->kinds_n, kinds_n, sizeof kinds_n);
	if (kz_file_commit(part, path) != 0) {
		e = errno;
		close(fd);
		goto report;
	}
	*fdp = fd;
	return KZ_OK;
fail:
	close(fd);
	unlink(part);
report:
	/* ENOSPC and EFBIG (SIGXFSZ is ignored: main.c) land here */
	return kz_err_add(err, path, _("cannot write the bundle: %s"),
	    strerror(e));
}

static int
read_blob(void *arg, size_t off, void *buf, size_t n)
{
	return sqlite3_blob_read(arg, buf, (int)n, (int)off) == SQLITE_OK ?
	    0 : -1;
}

struct blob_sink {
	sqlite3_blob *b;
	size_t off;
};

static int
blob_write(void *arg, const void *p, size_t n)
{
	struct blob_sink *bs = arg;

	if (sqlite3_blob_write(bs->b, p, (int)n, (int)bs->off) != SQLITE_OK)
		return -1;
	bs->off += n;
	return 0;
}

/* Bundle seq's kept bytes replaced by those of the source (len bytes),
 * a piece at a time; in the caller's transaction. */
static int
keep_bytes(struct kz_db *db, long seq, const struct kz_bundle_src *src,
    size_t len)
{
	struct blob_sink bs = { 0 };
	sqlite3_stmt *st;
	int rc;

	/* in the last column, a zeroblob stays unwritten until the pieces
	 * come (migration 20 -> 21) */
	if (sqlite3_prepare_v2(db->sql, "UPDATE sync_export SET data = NULL "
	    "WHERE seq = ?", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_int64(st, 1, seq);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || sqlite3_prepare_v2(db->sql, "INSERT OR REPLACE INTO "
	    "sync_export_bytes (seq, data) VALUES (?, zeroblob(?))", -1, &st,
	    NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)len);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || sqlite3_blob_open(db->sql, "main",
	    "sync_export_bytes", "data", seq, 1, &bs.b) != SQLITE_OK)
		return KZ_ERROR;
	rc = kz_sync_bundle_copy(src, 0, len, blob_write, &bs);
	sqlite3_blob_close(bs.b);
	return rc == 0 ? KZ_OK : KZ_ERROR;
}

/* Write bundle seq, made before, from the bytes kept of it (read a piece
 * at a time), and mark it written. */
static int
write_made(struct kz_db *db, long seq, const char *path,
    struct kz_sync_result *res, struct kz_err *err)
{
	sqlite3_stmt *st;
	sqlite3_blob *blob = NULL;
	unsigned char fk[KZ_FILE_KEY], *whole = NULL;
	struct kz_bundle_src src, msrc, fsrc;
	struct kz_buf head = { 0 }, again = { 0 };
	char trailer[KZ_SYNC_BUNDLE_TRAILER + 1], now[32], first[20] = "";
	struct seg segs[3];
	size_t len = 0, nseg = 0, at = 0;
	bool found = false, have_data = false, have_fk = false, fresh;
	bool apart = false;	/* in sync_export_bytes (migration 20 -> 21) */
	int rc, fd = -1;

	if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(b.data, e.data) IS NOT "
	    "NULL, coalesce(length(b.data), length(e.data)), e.file, "
	    "e.filekey, b.seq IS NOT NULL FROM sync_export e LEFT JOIN "
	    "sync_export_bytes b ON b.seq = e.seq WHERE e.seq = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	sqlite3_bind_int64(st, 1, seq);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *was = (const char *)sqlite3_column_text(st, 2);
		char part[4200];

		found = true;
		/* a try killed while writing under another name left this */
		if (was != NULL && strcmp(was, path) != 0 &&
		    (size_t)snprintf(part, sizeof part, "%s.part", was) <
		    sizeof part)
			unlink(part);
		have_data = sqlite3_column_int(st, 0) &&
		    sqlite3_column_int64(st, 1) > 0;
		len = (size_t)sqlite3_column_int64(st, 1);
		apart = sqlite3_column_int(st, 4);
		if (sqlite3_column_bytes(st, 3) == KZ_FILE_KEY) {
			memcpy(fk, sqlite3_column_blob(st, 3), KZ_FILE_KEY);
			have_fk = true;
		}
	}
	sqlite3_finalize(st);
	if (!found)
		return kz_err_add(err, "", _("no bundle %ld was made by this "
		    "database (the last is %ld)"), seq, kz_sync_meta_number(db,
		    "SELECT coalesce(max(seq), 0) FROM sync_export"));
	if (!have_data || sqlite3_blob_open(db->sql, "main", apart ?
	    "sync_export_bytes" : "sync_export", "data", seq, 0, &blob) !=
	    SQLITE_OK) {
		sqlite3_blob_close(blob);
		return kz_err_add(err, "", _("bundle %ld was made before kizuna "
		    "kept the contents of bundles: it cannot be written again"),
		    seq);
	}
	src.read = read_blob;
	src.arg = blob;
	src.len = len;
	src.read(src.arg, 0, first, len < sizeof first - 1 ? len :
	    sizeof first - 1);
	/* signed with a key replaced since, or sealed for other keys than
	 * those enrolled now: again, the same contents */
	if (strncmp(first, "KIZUNA-BUNDLE 2\n", 16) == 0) {
		/* format 2 is signed whole: in memory, as it was made */
		if ((whole = malloc(len)) == NULL ||
		    src.read(src.arg, 0, whole, len) != 0) {
			rc = kz_err_add(err, "", _("out of memory"));
			goto out;
		}
		if ((rc = kz_sync_bundle_refresh(db, whole, len, have_fk ? fk :
		    NULL, &again, err)) != KZ_OK)
			goto out;
		if (again.len > 0)
			kz_sync_bundle_src_mem(&msrc, again.s, again.len);
		else
			kz_sync_bundle_src_mem(&msrc, whole, len);
		segs[nseg++] = (struct seg){ &msrc, 0, msrc.len };
	} else {
		if ((rc = kz_sync_bundle_refresh_src(db, &src, have_fk ? fk :
		    NULL, &head, trailer, &at, err)) != KZ_OK)
			goto out;
		if (head.len > 0) {
			kz_sync_bundle_src_mem(&msrc, head.s, head.len);
			kz_sync_bundle_src_mem(&fsrc, trailer,
			    KZ_SYNC_BUNDLE_TRAILER);
			segs[nseg++] = (struct seg){ &msrc, 0, head.len };
			segs[nseg++] = (struct seg){ &src, at, len - at -
			    KZ_SYNC_BUNDLE_TRAILER };
			segs[nseg++] = (struct seg){ &fsrc, 0,
			    KZ_SYNC_BUNDLE_TRAILER };
		} else
			segs[nseg++] = (struct seg){ &src, 0, len };
	}
	fresh = again.len > 0 || head.len > 0;
	res->info.seq = seq;
	records_kept(db, &res->info);
	rc = put_file(path, segs, nseg, &res->info, &fd, err);
	sqlite3_blob_close(blob);
	blob = NULL;
	if (rc != KZ_OK)
		goto out;
	kill_point("renamed");
	kz_now_utc(now);
	/* the bytes kept are the bytes written, signed again or not */
	rc = KZ_ERROR;
	if (sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto fail_db;
	if (fresh && (kz_sync_bundle_src_fd(&fsrc, &fd) != 0 ||
	    keep_bytes(db, seq, &fsrc, fsrc.len) != KZ_OK))
		goto fail_tx;
	if (sqlite3_prepare_v2(db->sql, "UPDATE sync_export SET written = "
	    "coalesce(written, ?), file = ? WHERE seq = ?", -1, &st,
	    NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, seq);
	rc = sqlite3_step(st) == SQLITE_DONE ? KZ_OK : KZ_ERROR;
	sqlite3_finalize(st);
	if (rc != KZ_OK)
		goto fail_tx;
	if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		rc = KZ_ERROR;
		goto fail_tx;
	}
	kill_point("written");
	goto out;
fail_tx:
	kz_db_fail(db, err, "export");	/* the file is whole; the mark waits */
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	rc = KZ_ERROR;
	goto out;
fail_db:
	rc = kz_db_fail(db, err, "export");
out:
	if (fd >= 0)
		close(fd);
	sqlite3_blob_close(blob);
	sodium_memzero(fk, sizeof fk);
	kz_buf_free(&head);
	kz_buf_free(&again);
	free(whole);
	return rc;
}

/* The oldest bundle made but not written, or 0. */
static long
unwritten(struct kz_db *db)
{
	return kz_sync_meta_number(db, "SELECT coalesce(min(seq), 0) FROM "
	    "sync_export WHERE written IS NULL");
}

/* The step "made": the sequence moves on, the outbox up to upto is
 * emptied and the bundle's bytes are kept (the header and closing line
 * made now, the payload copied a piece at a time from o's scratch
 * file), in one transaction, synced to disk before the file is written.
 * before is the last sequence as the changes were gathered: another
 * export since then took them. */
static int
make_bundle(struct kz_db *db, const char *path, struct kz_bundle_out *o,
    long before, long upto, struct kz_bundle_info *in, struct kz_err *err)
{
	struct kz_buf head = { 0 };
	sqlite3_stmt *st = NULL;
	struct blob_sink bs = { 0 };
	const struct kz_bundle_src *pay = kz_sync_bundle_payload(o);
	char dbid[40], seqs[32], trailer[KZ_SYNC_BUNDLE_TRAILER + 1];
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
	if (kz_sync_bundle_finish(o, db, dbid, in, fk, &head, trailer, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	snprintf(seqs, sizeof seqs, "%ld", in->seq);
	if (kz_sync_meta_set(db, "exported", seqs) ||
	    records_keep(db, in) ||
	    sqlite3_prepare_v2(db->sql, "INSERT INTO sync_export (seq, at, file, "
	    "bytes, changes, sha256, filekey) VALUES (?, ?, ?, ?, ?, ?, ?)", -1,
	    &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, in->seq);
	sqlite3_bind_text(st, 2, in->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)in->bytes);
	sqlite3_bind_int64(st, 5, in->changes);
	sqlite3_bind_text(st, 6, in->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 7, fk, sizeof fk, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	/* the bytes, a piece at a time, into a zeroblob left unwritten
	 * until they come (the last column: migration 20 -> 21) */
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_export_bytes (seq, "
	    "data) VALUES (?, zeroblob(?))", -1, &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, in->seq);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)in->bytes);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_blob_open(db->sql, "main", "sync_export_bytes", "data",
	    in->seq, 1, &bs.b) != SQLITE_OK)
		goto fail_tx;
	if (blob_write(&bs, head.s, head.len) != 0 ||
	    kz_sync_bundle_copy(pay, 0, pay->len, blob_write, &bs) != 0 ||
	    blob_write(&bs, trailer, KZ_SYNC_BUNDLE_TRAILER) != 0) {
		sqlite3_blob_close(bs.b);
		goto fail_tx;
	}
	if (sqlite3_blob_close(bs.b) != SQLITE_OK)
		goto fail_tx;
	if (sqlite3_prepare_v2(db->sql, "DELETE FROM sync_outbox WHERE n <= ?",
	    -1, &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, upto);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	kz_buf_free(&head);
	sodium_memzero(fk, sizeof fk);
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
	kz_buf_free(&head);
	sodium_memzero(fk, sizeof fk);
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
	struct kz_bundle_out *o = NULL;
	void *data = NULL;
	int size = 0, rc, batches = 0;
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
	upto = kz_sync_meta_number(db, "SELECT coalesce(max(n), 0) FROM "
	    "sync_outbox");
	/* the payload goes to a scratch file beside the bundle as it is
	 * made, a batch of rows at a time: an export holds a batch, not the
	 * bundle */
	if (kz_sync_bundle_begin(&o, path, err))
		return KZ_ERROR;
	if (all)
		rc = gather_all(db, o, &batches, err);
	else {
		struct kz_sync_chain *ch;
		rc = kz_sync_chain_open(db, upto, &ch, err);
		while (rc == KZ_OK) {
			if ((rc = kz_sync_chain_next(ch, &data, &size, err)) !=
			    KZ_OK || size == 0)
				break;
			rc = add_changes(db, o, data, size, all, &batches, err);
		}
		kz_sync_chain_close(ch);
	}
	if (rc == KZ_OK && err->n)
		rc = KZ_ERROR;
	if (rc != KZ_OK) {
		kz_sync_bundle_free(o);
		return KZ_ERROR;
	}
	if (batches == 0) {
		res->nothing = true;
		kz_sync_bundle_free(o);
		/* changes that cancel out (made, then undone) leave nothing
		 * to send, and nothing pending either */
		return all || upto == 0 ? KZ_OK : drop_outbox(db, upto, err);
	}
	rc = make_bundle(db, path, o, before, upto, &res->info, err);
	kz_sync_bundle_free(o);
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
