/* test_outbox.c - every committed change is in the outbox in its own
 * transaction, even when the program is killed right after the save; an
 * import on a full disk stops and leaves nothing behind. */
#include "unit.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "participant.h"
#include "programme.h"
#include "id.h"
#include "outbox.h"
#include "record.h"
#include "request.h"
#include "seminar.h"
#include "seminar_transfer.h"
#include "specialist.h"
#include "sync.h"
#include "trainee.h"
#include "transfer.h"

/* ---- a disk that fills up: a VFS over the default one ---- */

/* Writes to the database and its log are counted; from write number
 * full_at on, full_n of them fail with SQLITE_FULL (a disk that filled,
 * then had a little room again). full_at < 0: never. */
static long full_at = -1, full_n, nwrites;
static sqlite3_vfs *real_vfs;

struct full_file {
	sqlite3_file base;
	sqlite3_file *real;	/* follows this struct in the same block */
};

#define REAL(f) (((struct full_file *)(f))->real)

static int
f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, off);
}

static int
f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	long k = nwrites++;

	if (full_at >= 0 && k >= full_at && k < full_at + full_n)
		return SQLITE_FULL;
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
}

static int
f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
f_sync(sqlite3_file *f, int flags)
{
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
f_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
f_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
f_dev(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
f_shmmap(sqlite3_file *f, int pg, int sz, int ext, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, p);
}

static int
f_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
f_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
f_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static const sqlite3_io_methods full_io = {
	.iVersion = 2,
	.xClose = f_close, .xRead = f_read, .xWrite = f_write,
	.xTruncate = f_truncate, .xSync = f_sync, .xFileSize = f_size,
	.xLock = f_lock, .xUnlock = f_unlock, .xCheckReservedLock = f_check,
	.xFileControl = f_control, .xSectorSize = f_sector,
	.xDeviceCharacteristics = f_dev, .xShmMap = f_shmmap,
	.xShmLock = f_shmlock, .xShmBarrier = f_shmbarrier,
	.xShmUnmap = f_shmunmap,
};

static int
full_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct full_file *ff = (struct full_file *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
	ff->base.pMethods = ff->real->pMethods ? &full_io : NULL;
	return rc;
}

static int
full_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int
full_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
full_path(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static int
full_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
full_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return real_vfs->xSleep(real_vfs, us);
}

static int
full_time(sqlite3_vfs *v, double *t)
{
	(void)v;
	return real_vfs->xCurrentTime(real_vfs, t);
}

static int
full_lasterr(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static sqlite3_vfs full_vfs = {
	.iVersion = 1, .zName = "kzfull",
	.xOpen = full_open, .xDelete = full_delete, .xAccess = full_access,
	.xFullPathname = full_path, .xRandomness = full_random,
	.xSleep = full_sleep, .xCurrentTime = full_time,
	.xGetLastError = full_lasterr,
};

/* Make the full disk the default VFS (kz_db_open uses the default). */
static void
vfs_install(void)
{
	if (real_vfs)
		return;
	real_vfs = sqlite3_vfs_find(NULL);
	full_vfs.szOsFile = (int)sizeof(struct full_file) + real_vfs->szOsFile;
	full_vfs.mxPathname = real_vfs->mxPathname;
	assert_int_equal(sqlite3_vfs_register(&full_vfs, 1), SQLITE_OK);
}

/* ---- helpers ---- */

static const char *const office =
	"office:\n  id: BJS\n  name: Beijing\n  role: office\nuser: wang\n";

static int
setup(void **state)
{
	setenv("KIZUNA_NOW", "2026-11-01T09:00:00Z", 1);
	unsetenv("KZ_TEST_KILL_AFTER_SAVE");
	return unit_setup_with(state, office);
}

static long
count(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The operation of the outbox's last change to table's row id (its first
 * key column), or 0 when the outbox has none. */
static int
outbox_op(struct kz_db *db, const char *table, const char *id)
{
	sqlite3_stmt *st;
	int found = 0;

	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT data FROM "
	    "sync_outbox ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_changeset_iter *it;
		const void *data;
		void *owned;
		int size;

		/* as an export reads it: unpacked if packed */
		assert_int_equal(kz_outbox_data(st, 0, &data, &size, &owned),
		    KZ_OK);
		assert_int_equal(sqlite3changeset_start(&it, size,
		    (void *)data), SQLITE_OK);
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			const char *t;
			int ncol, op, ind;
			sqlite3_value *v = NULL;

			sqlite3changeset_op(it, &t, &ncol, &op, &ind);
			if (strcmp(t, table) != 0)
				continue;
			if (op == SQLITE_INSERT)
				sqlite3changeset_new(it, 0, &v);
			else
				sqlite3changeset_old(it, 0, &v);
			if (v && sqlite3_value_text(v) &&
			    strcmp((const char *)sqlite3_value_text(v), id) == 0)
				found = op;
		}
		sqlite3changeset_finalize(it);
		free(owned);
	}
	sqlite3_finalize(st);
	return found;
}

/* A history row's insert in a changeset holds the row as the table has
 * it: each column, the same type and value. */
static void
same_as_table(struct kz_db *db, sqlite3_changeset_iter *it, int ncol)
{
	sqlite3_stmt *st;
	sqlite3_value *v;

	assert_int_equal(ncol, 7);
	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT id, record, "
	    "kind, at, user, action, changes FROM record_history WHERE id = ?",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3changeset_new(it, 0, &v), SQLITE_OK);
	sqlite3_bind_value(st, 1, v);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	for (int i = 0; i < ncol; i++) {
		assert_int_equal(sqlite3changeset_new(it, i, &v), SQLITE_OK);
		assert_non_null(v);
		assert_int_equal(sqlite3_value_type(v),
		    sqlite3_column_type(st, i));
		if (sqlite3_column_type(st, i) == SQLITE_TEXT)
			assert_string_equal(sqlite3_value_text(v),
			    sqlite3_column_text(st, i));
	}
	sqlite3_finalize(st);
}

/* How many inserts into table the outbox holds, every row read as an
 * export reads it. */
static long
outbox_inserts(struct kz_db *db, const char *table)
{
	sqlite3_stmt *st;
	long n = 0;

	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT data FROM "
	    "sync_outbox ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_changeset_iter *it;
		const void *data;
		void *owned;
		int size;

		assert_int_equal(kz_outbox_data(st, 0, &data, &size, &owned),
		    KZ_OK);
		assert_int_equal(sqlite3changeset_start(&it, size,
		    (void *)data), SQLITE_OK);
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			const char *t;
			int ncol, op, ind;

			sqlite3changeset_op(it, &t, &ncol, &op, &ind);
			if (op != SQLITE_INSERT || strcmp(t, table) != 0)
				continue;
			n++;
			if (strcmp(table, "record_history") == 0)
				same_as_table(db, it, ncol);
		}
		assert_int_equal(sqlite3changeset_finalize(it), SQLITE_OK);
		free(owned);
	}
	sqlite3_finalize(st);
	return n;
}

/* One save of record id, made in a child process that kills itself
 * (SIGKILL, as a dropped terminal) right after the commit. */
typedef int (*save_fn)(struct kz_db *db, char id[KZ_ID_SIZE],
    struct kz_err *err);

static void
killed_after(struct unit_fixture *f, save_fn save, char id[KZ_ID_SIZE])
{
	int status;
	pid_t pid;

	kz_db_close(f->db);
	f->db = NULL;
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct kz_err err = { 0 };
		struct kz_db *db;
		char mine[KZ_ID_SIZE];

		setenv("KZ_TEST_KILL_AFTER_SAVE", "1", 1);
		snprintf(mine, sizeof mine, "%s", id);
		if ((db = kz_db_open(f->path, f->cfg, &err)) == NULL)
			_exit(2);
		if (save(db, mine, &err) == KZ_OK)
			_exit(3);	/* saved, but not killed */
		_exit(4);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFSIGNALED(status))
		fail_msg("the save was not killed: exit %d",
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	assert_int_equal(WTERMSIG(status), SIGKILL);
	{
		struct kz_err err = { 0 };
		f->db = kz_db_open(f->path, f->cfg, &err);
		assert_non_null(f->db);
	}
}

/* ---- the saves, each as a screen and a command make it ---- */


static char g_edition[KZ_ID_SIZE];

static int
save_trainee(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_trainee t;
	int rc;

	kz_trainee_init(&t);
	snprintf(t.id, sizeof t.id, "%s", id);
	kz_str_set(&t.host, "岩手县");
	kz_str_set(&t.home_government, "辽宁省大连市");
	t.year = 2026;
	rc = kz_trainee_insert(db, &t, err);
	memcpy(id, t.id, KZ_ID_SIZE);	/* a new one when none was given */
	kz_trainee_free(&t);
	return rc;
}

static int
edit_trainee(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_trainee t;
	int rc;

	if (kz_trainee_get(db, id, &t, err))
		return KZ_ERROR;
	kz_str_set(&t.host, "大分县");
	rc = kz_trainee_update(db, &t, err);
	kz_trainee_free(&t);
	return rc;
}

static int
rm_trainee(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	return kz_trainee_delete(db, id, err);
}

static int
save_item(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_item it;
	struct kz_err warn = { 0 };
	int rc;

	kz_programme_item_init(&it);
	snprintf(it.id, sizeof it.id, "%s", id);
	memcpy(it.seminar, g_edition, KZ_ID_SIZE);
	snprintf(it.date, sizeof it.date, "2019-08-21");
	snprintf(it.start, sizeof it.start, "09:00");
	snprintf(it.end, sizeof it.end, "10:00");
	kz_str_set(&it.title, "開会式");
	rc = kz_programme_item_insert(db, &it, 0, err, &warn);
	kz_programme_item_free(&it);
	return rc;
}

static int
edit_item(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_item it;
	struct kz_err warn = { 0 };
	int rc;

	if (kz_programme_item_get(db, id, &it, err))
		return KZ_ERROR;
	kz_str_set(&it.title, "開会式と挨拶");
	rc = kz_programme_item_update(db, &it, 0, err, &warn);
	kz_programme_item_free(&it);
	return rc;
}

static int
rm_item(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	return kz_programme_item_delete(db, id, err);
}

static int
save_participant(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_participant p;
	int rc;

	kz_participant_init(&p);
	snprintf(p.id, sizeof p.id, "%s", id);
	memcpy(p.seminar, g_edition, KZ_ID_SIZE);
	kz_str_set(&p.name, "王芳");
	snprintf(p.country, sizeof p.country, "CN");
	rc = kz_participant_insert(db, &p, err);
	kz_participant_free(&p);
	return rc;
}

static int
edit_participant(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_participant p;
	int rc;

	if (kz_participant_get(db, id, &p, err))
		return KZ_ERROR;
	kz_str_set(&p.name, "王芳芳");
	rc = kz_participant_update(db, &p, err);
	kz_participant_free(&p);
	return rc;
}

static int
rm_participant(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	return kz_participant_delete(db, id, err);
}

static int
save_series(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_series s;
	int rc;

	memset(&s, 0, sizeof s);
	snprintf(s.id, sizeof s.id, "%s", id);
	kz_str_set(&s.code, "ms");
	kz_str_set(&s.name, "Mekong seminar");
	rc = kz_series_insert(db, &s, err);
	kz_series_free(&s);
	return rc;
}

static int
rm_series(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	return kz_series_delete(db, id, err);
}

static int
save_seminar(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_seminar e;
	struct kz_series s;
	int rc;

	if (kz_series_get(db, "cj", &s, err))
		return KZ_ERROR;
	kz_seminar_init(&e);
	snprintf(e.id, sizeof e.id, "%s", id);
	memcpy(e.series, s.id, KZ_ID_SIZE);
	kz_series_free(&s);
	e.number = 19;
	e.year = 2020;
	snprintf(e.start, sizeof e.start, "2020-08-21");
	snprintf(e.country, sizeof e.country, "CN");
	rc = kz_seminar_insert(db, &e, err);
	kz_seminar_free(&e);
	return rc;
}

static int
rm_seminar(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	return kz_seminar_delete(db, id, err);
}

static int
save_specialist(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_specialist s;
	int rc;

	kz_specialist_init(&s);
	snprintf(s.id, sizeof s.id, "%s", id);
	kz_str_set(&s.name, "佐藤健一");
	kz_str_set(&s.name_roman, "Kenichi Sato");
	kz_str_set(&s.government, "島根県");
	rc = kz_specialist_insert(db, &s, err);
	memcpy(id, s.id, KZ_ID_SIZE);	/* a new one when none was given */
	kz_specialist_free(&s);
	return rc;
}

static int
save_request(struct kz_db *db, char id[KZ_ID_SIZE], struct kz_err *err)
{
	struct kz_request r;
	int rc;

	kz_request_init(&r);
	snprintf(r.id, sizeof r.id, "%s", id);
	snprintf(r.country, sizeof r.country, "CN");
	kz_str_set(&r.province, "河南省");
	snprintf(r.received, sizeof r.received, "2019-05-20");
	if (kz_request_parse_fields(db->cfg, &r, "agriculture", err))
		return KZ_ERROR;
	kz_str_set(&r.topic, "tea");
	snprintf(r.wish_start, sizeof r.wish_start, "2027-04-01");
	snprintf(r.wish_end, sizeof r.wish_end, "2027-04-10");
	kz_str_set(&r.language, "zh");
	r.interpreting = KZ_INTERP_HOST;
	rc = kz_request_insert(db, &r, err);
	kz_request_free(&r);
	return rc;
}

/* A step adds (a new id in slot), edits or removes the record of slot. */
struct step {
	const char *what, *table;
	int slot;
	save_fn save;
	int op;
};

static void
test_killed_after_save(void **state)
{
	struct unit_fixture *f = *state;
	char series[KZ_ID_SIZE];
	const struct step steps[] = {
		{ "trainee add", "trainee", 0, save_trainee,
		  SQLITE_INSERT },
		{ "trainee edit", "trainee", 0, edit_trainee,
		  SQLITE_UPDATE },
		{ "trainee rm", "trainee", 0, rm_trainee,
		  SQLITE_DELETE },
		{ "programme add", "programme_item", 1, save_item,
		  SQLITE_INSERT },
		{ "programme edit", "programme_item", 1, edit_item,
		  SQLITE_UPDATE },
		{ "programme rm", "programme_item", 1, rm_item,
		  SQLITE_DELETE },
		{ "participant add", "participant", 2,
		  save_participant, SQLITE_INSERT },
		{ "participant edit", "participant", 2,
		  edit_participant, SQLITE_UPDATE },
		{ "participant rm", "participant", 2, rm_participant,
		  SQLITE_DELETE },
		{ "series add", "seminar_series", 3, save_series,
		  SQLITE_INSERT },
		{ "series rm", "seminar_series", 3, rm_series,
		  SQLITE_DELETE },
		{ "seminar add", "seminar", 4, save_seminar,
		  SQLITE_INSERT },
		{ "seminar rm", "seminar", 4, rm_seminar,
		  SQLITE_DELETE },
		{ "specialist add", "specialist", 5, save_specialist,
		  SQLITE_INSERT },
		{ "request add", "request", 6, save_request,
		  SQLITE_INSERT },
	};

	char ids[7][KZ_ID_SIZE];

	unit_edition(f->db, series, g_edition);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		char *id = ids[steps[i].slot];

		if (steps[i].op == SQLITE_INSERT)
			assert_int_equal(kz_id_new("BJS", id), 0);
		killed_after(f, steps[i].save, id);
		if (outbox_op(f->db, steps[i].table, id) != steps[i].op)
			fail_msg("%s, killed right after the save: the outbox "
			    "has not got the change of %s %s", steps[i].what,
			    steps[i].table, id);
	}
}

/* A write to a table that travels, made outside kz_db_begin, is refused:
 * it would never reach the outbox. Other tables are not concerned. */
static void
test_autocommit_refused(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char raw[KZ_ID_SIZE];
	const char *v[] = { raw };
	char buf[KZ_ERR_MSG + 100];

	assert_int_equal(kz_id_new("BJS", raw), 0);
	assert_int_equal(kz_sql_run(f->db, &err, "INSERT INTO trainee (id, "
	    "host, home_government, year, programme, status, created, "
	    "updated) VALUES (?, 'x', 'y', 2026, 'lgotp', 'planned', "
	    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", 1, v),
	    KZ_ERROR);
	assert_non_null(strstr(kz_err_first(&err, buf, sizeof buf),
	    "outside a transaction"));
	assert_int_equal(count(f->db, "SELECT count(*) FROM trainee"), 0);
	/* the next proper save is not spoilt by the refused one */
	kz_err_clear(&err);
	char id[KZ_ID_SIZE] = "";
	assert_int_equal(save_trainee(f->db, id, &err), KZ_OK);
	assert_int_equal(outbox_op(f->db, "trainee", id), SQLITE_INSERT);
	assert_int_equal(outbox_op(f->db, "trainee", raw), 0);
	/* bookkeeping does not travel: written as it always was */
	assert_int_equal(sqlite3_exec(f->db->sql, "INSERT INTO sync_meta (key, "
	    "value) VALUES ('test', 'x')", NULL, NULL, NULL), SQLITE_OK);
}

/* kz_db_bulk (an import, all or nothing): the records saved inside take
 * ids one after another and reach the outbox with the commit; the
 * levels inside open no savepoint, so one rolled back spoils the whole
 * transaction: its commit refuses and nothing of it stays. */
static void
test_bulk(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char a[KZ_ID_SIZE] = "", b[KZ_ID_SIZE] = "", next[KZ_ID_SIZE];
	long before = count(f->db, "SELECT count(*) FROM sync_outbox");

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	kz_db_bulk(f->db, true);
	assert_int_equal(save_trainee(f->db, a, &err), KZ_OK);
	assert_int_equal(save_trainee(f->db, b, &err), KZ_OK);
	assert_int_equal(kz_id_next("BJS", a, next), 0);
	assert_string_equal(b, next);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	assert_int_equal(f->db->depth, 0);
	assert_int_equal(outbox_op(f->db, "trainee", a), SQLITE_INSERT);
	assert_int_equal(outbox_op(f->db, "trainee", b), SQLITE_INSERT);

	before = count(f->db, "SELECT count(*) FROM sync_outbox");
	a[0] = '\0';
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	kz_db_bulk(f->db, true);
	assert_int_equal(save_trainee(f->db, a, &err), KZ_OK);
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	kz_db_rollback(f->db);	/* a part that failed */
	assert_int_equal(kz_db_commit(f->db, &err), KZ_ERROR);
	assert_int_equal(f->db->depth, 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM trainee"), 2);
	assert_int_equal(count(f->db, "SELECT count(*) FROM sync_outbox"),
	    before);
	assert_int_equal(outbox_op(f->db, "trainee", a), 0);
	/* the next transaction is an ordinary one */
	kz_err_clear(&err);
	b[0] = '\0';
	assert_int_equal(save_trainee(f->db, b, &err), KZ_OK);
	assert_int_equal(outbox_op(f->db, "trainee", b), SQLITE_INSERT);
	assert_int_equal(count(f->db, "SELECT count(*) FROM trainee"), 3);
}

/* ---- a full disk ---- */

static struct kz_buf
specialists_csv(int n)
{
	struct kz_buf b = { 0 };

	kz_buf_puts(&b, "name,name_roman,government,post,notes\n");
	for (int i = 0; i < n; i++) {
		kz_buf_printf(&b, "佐藤%d,Sato Number%d,島根県,主任,", i, i);
		for (int k = 0; k < 40; k++)
			kz_buf_puts(&b, "a long note to fill pages ");
		kz_buf_puts(&b, "\n");
	}
	return b;
}

/* An import's batches are kept packed in the outbox (outbox.c): the
 * rows of a thousand people take a fraction of their size, and read
 * back (kz_outbox_data) they are the changes as made, every one. */
static void
test_import_packed(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_buf csv = specialists_csv(1100);
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];
	long packed = 0, changes = 0;

	assert_int_equal(kz_import_specialists(f->db, "people.csv",
	    kz_buf_str(&csv), csv.len, false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 1100);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT data, "
	    "changes FROM sync_outbox ORDER BY n", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *raw = sqlite3_column_blob(st, 0);
		int rawsize = sqlite3_column_bytes(st, 0), size;
		const void *data;
		void *owned;

		assert_int_equal(kz_outbox_data(st, 0, &data, &size, &owned),
		    KZ_OK);
		/* a zstd frame, a fifth of the changes or less */
		if (rawsize >= 4 && memcmp(raw, "\x28\xb5\x2f\xfd", 4) == 0) {
			assert_non_null(owned);
			assert_true(rawsize * 5 < size);
			packed++;
		}
		assert_int_equal(kz_db_capture_count(data, size),
		    sqlite3_column_int(st, 1));
		changes += sqlite3_column_int(st, 1);
		free(owned);
	}
	sqlite3_finalize(st);
	assert_true(packed >= 1);
	/* each person, and its history row, once */
	assert_true(changes >= 2 * 1100);
	assert_int_equal(outbox_inserts(f->db, "specialist"), 1100);
	assert_int_equal(outbox_inserts(f->db, "record_history"),
	    count(f->db, "SELECT count(*) FROM record_history"));
	assert_int_equal(count(f->db, "SELECT count(*) FROM record_history"),
	    1100);
	assert_int_equal(kz_sync_pending(f->db), changes);
	/* the first person and the last, found in the changes */
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT id FROM "
	    "specialist WHERE name IN ('佐藤0', '佐藤1099')", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(id, sizeof id, "%s", sqlite3_column_text(st, 0));
		assert_int_equal(outbox_op(f->db, "specialist", id),
		    SQLITE_INSERT);
	}
	sqlite3_finalize(st);
	kz_import_report_free(&rep);
	kz_buf_free(&csv);
}

/* The disk fills at write `at` for `n` writes; the import must fail,
 * say where it stopped, and leave the records and the outbox as they
 * were. */
static void
full_import(struct unit_fixture *f, long at, long n, bool skip_bad)
{
	struct kz_buf csv = specialists_csv(300);
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	long before, outbox;
	char buf[KZ_ERR_MSG + 1100];
	bool said = false;

	/* a small cache: the import writes pages to the log as it goes */
	assert_int_equal(sqlite3_exec(f->db->sql, "PRAGMA cache_size = 8",
	    NULL, NULL, NULL), SQLITE_OK);
	before = count(f->db, "SELECT count(*) FROM specialist");
	outbox = count(f->db, "SELECT count(*) FROM sync_outbox");
	nwrites = 0;
	full_at = at;
	full_n = n;
	assert_int_equal(kz_import_specialists(f->db, "people.csv",
	    kz_buf_str(&csv), csv.len, skip_bad, NULL, NULL, &rep, &err),
	    KZ_ERROR);
	full_at = -1;
	assert_true(nwrites > at);	/* the disk did fill during it */
	for (int i = 0; i < err.n; i++) {
		snprintf(buf, sizeof buf, "%s: %s", err.item[i].where,
		    err.item[i].msg);
		if (strstr(buf, "nothing was imported"))
			said = true;
	}
	if (!said)
		fail_msg("no \"nothing was imported\" in: %s",
		    kz_err_first(&err, buf, sizeof buf));
	assert_int_equal(rep.imported, 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM specialist"),
	    before);
	assert_int_equal(count(f->db, "SELECT count(*) FROM sync_outbox"),
	    outbox);
	/* and the database works on */
	kz_err_clear(&err);
	char id[KZ_ID_SIZE] = "";
	assert_int_equal(save_specialist(f->db, id, &err), KZ_OK);
	assert_int_equal(outbox_op(f->db, "specialist", id), SQLITE_INSERT);
	kz_import_report_free(&rep);
	kz_buf_free(&csv);
}

static int
setup_full(void **state)
{
	vfs_install();
	full_at = -1;
	return setup(state);
}

/* A disk full for good, and one that had room again right after: in
 * both the import stops at the row and nothing of it stays. */
static void
test_full_disk_specialists(void **state)
{
	struct unit_fixture *f = *state;

	full_import(f, 20, 1000000, false);
	full_import(f, 20, 1, false);
	full_import(f, 40, 1, true);
}

/* The message names the file and line and says nothing was imported. */
static void
test_full_disk_message(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_buf csv = specialists_csv(300);
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 1100];
	bool said = false;

	assert_int_equal(sqlite3_exec(f->db->sql, "PRAGMA cache_size = 8",
	    NULL, NULL, NULL), SQLITE_OK);
	nwrites = 0;
	full_at = 20;
	full_n = 1;
	assert_int_equal(kz_import_specialists(f->db, "people.csv",
	    kz_buf_str(&csv), csv.len, true, NULL, NULL, &rep, &err),
	    KZ_ERROR);
	full_at = -1;
	for (int i = 0; i < err.n; i++)
		if (strncmp(err.item[i].where, "people.csv:", 11) == 0 &&
		    strstr(err.item[i].msg, "the import stopped here: ") &&
		    strstr(err.item[i].msg, "nothing was imported"))
			said = true;
	if (!said)
		fail_msg("no \"people.csv:LINE: the import stopped here\" in: "
		    "%s", kz_err_first(&err, buf, sizeof buf));
	kz_import_report_free(&rep);
	kz_buf_free(&csv);
}

/* The same for the programme and the participants of an edition. */
static void
test_full_disk_seminar(void **state)
{
	struct unit_fixture *f = *state;
	char series[KZ_ID_SIZE];
	struct kz_buf csv = { 0 };
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	long outbox;

	unit_edition(f->db, series, g_edition);
	assert_int_equal(sqlite3_exec(f->db->sql, "PRAGMA cache_size = 8",
	    NULL, NULL, NULL), SQLITE_OK);
	kz_buf_puts(&csv, "name,country,notes\n");
	for (int i = 0; i < 300; i++) {
		kz_buf_printf(&csv, "Person %d,CN,", i);
		for (int k = 0; k < 30; k++)
			kz_buf_puts(&csv, "notes to fill the pages ");
		kz_buf_puts(&csv, "\n");
	}
	for (long n = 1; n <= 1000000; n *= 1000000) {
		outbox = count(f->db, "SELECT count(*) FROM sync_outbox");
		nwrites = 0;
		full_at = 20;
		full_n = n;
		kz_err_clear(&err);
		assert_int_equal(kz_import_participants(f->db, g_edition,
		    "people.csv", kz_buf_str(&csv), csv.len, true, &rep, &err),
		    KZ_ERROR);
		full_at = -1;
		assert_true(nwrites > 20);
		assert_int_equal(count(f->db, "SELECT count(*) FROM "
		    "participant"), 0);
		assert_int_equal(count(f->db, "SELECT count(*) FROM "
		    "sync_outbox"), outbox);
		kz_import_report_free(&rep);
	}
	kz_buf_free(&csv);
}

/* Applying a bundle on a full disk: nothing of it stays, and it can be
 * applied again once there is room. */
static void
test_full_disk_sync_apply(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_config *hcfg = unit_config("office:\n  id: TYO\n  name: "
	    "Head office\n  role: head\nuser: tanaka\n");
	struct kz_db *head;
	struct kz_buf csv = specialists_csv(200);
	struct kz_import_report rep;
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char hpath[128], bundle[128];

	assert_non_null(hcfg);
	snprintf(hpath, sizeof hpath, "%s/head.db", f->dir);
	snprintf(bundle, sizeof bundle, "%s/b1.kzb", f->dir);
	head = kz_db_open(hpath, hcfg, &err);
	assert_non_null(head);
	unit_enrol(head, f->db);
	assert_int_equal(kz_import_specialists(f->db, "people.csv",
	    kz_buf_str(&csv), csv.len, false, NULL, NULL, &rep, &err), KZ_OK);
	kz_import_report_free(&rep);
	assert_int_equal(kz_sync_export(f->db, bundle, false, &res, &err),
	    KZ_OK);
	assert_int_equal(sqlite3_exec(head->sql, "PRAGMA cache_size = 8",
	    NULL, NULL, NULL), SQLITE_OK);
	for (long n = 1; n <= 1000000; n *= 1000000) {
		nwrites = 0;
		full_at = 20;
		full_n = n;
		kz_err_clear(&err);
		assert_int_equal(kz_sync_import(head, bundle, &res, &err),
		    KZ_ERROR);
		full_at = -1;
		assert_true(nwrites > 20);
		assert_int_equal(count(head, "SELECT count(*) FROM specialist"),
		    0);
		assert_int_equal(count(head, "SELECT count(*) FROM "
		    "sync_applied"), 0);
	}
	kz_err_clear(&err);
	assert_int_equal(kz_sync_import(head, bundle, &res, &err), KZ_OK);
	assert_int_equal(count(head, "SELECT count(*) FROM specialist"), 200);
	kz_db_close(head);
	kz_config_free(hcfg);
	kz_buf_free(&csv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_killed_after_save, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_autocommit_refused, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_import_packed, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_specialists,
		    setup_full, unit_teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_message,
		    setup_full, unit_teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_seminar,
		    setup_full, unit_teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_sync_apply,
		    setup_full, unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
