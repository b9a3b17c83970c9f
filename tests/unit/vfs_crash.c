/* vfs_crash.c - an SQLite VFS for unit tests that "kills the process" at the Nth write. */
#include "vfs_crash.h"

#include <sqlite3.h>
#include <string.h>

static sqlite3_vfs crash_vfs;
static sqlite3_vfs *real;
static long armed;	/* the write that kills, counted from the arming */
static long writes;
static bool dead;

struct crash_file {
	sqlite3_file base;
	sqlite3_file *real;	/* follows this struct */
};

#define REAL(f) (((struct crash_file *)(f))->real)

/* Does this write die (or come after the death)? */
static bool
dies(void)
{
	if (dead)
		return true;
	if (armed <= 0)
		return false;
	if (++writes >= armed)
		dead = true;
	return dead;
}

static int
c_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) :
	    SQLITE_OK;
	return rc;
}

static int
c_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, off);
}

static int
c_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	if (dies())
		return SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, off);
}

static int
c_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (dead)
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
c_sync(sqlite3_file *f, int flags)
{
	if (dead)
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
c_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
c_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
c_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
c_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
c_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
c_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
c_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

/* The WAL index is shared memory, not a write: a killed process leaves
 * it as it was, and the next opener rebuilds it from the WAL. */
static int
c_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, p);
}

static int
c_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
c_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
c_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), dead ? 0 : del);
}

static int
c_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}

static int
c_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods crash_io = {
	3, c_close, c_read, c_write, c_truncate, c_sync, c_size, c_lock,
	c_unlock, c_check, c_fcntl, c_sector, c_devchar, c_shm_map,
	c_shm_lock, c_shm_barrier, c_shm_unmap, c_fetch, c_unfetch,
};

static int
c_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	struct crash_file *cf = (struct crash_file *)f;
	int rc;

	(void)v;
	cf->real = (sqlite3_file *)(cf + 1);
	memset(cf->real, 0, (size_t)real->szOsFile);
	rc = real->xOpen(real, name, cf->real, flags, out);
	cf->base.pMethods = cf->real->pMethods ? &crash_io : NULL;
	return rc;
}

static int
c_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	if (dead)	/* the dead leave their journals behind */
		return SQLITE_IOERR_DELETE;
	return real->xDelete(real, name, sync);
}

static int
c_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real->xAccess(real, name, flags, out);
}

static int
c_fullname(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real->xFullPathname(real, name, n, out);
}

static void *
c_dlopen(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return real->xDlOpen(real, name);
}

static void
c_dlerror(sqlite3_vfs *v, int n, char *msg)
{
	(void)v;
	real->xDlError(real, n, msg);
}

static void (*c_dlsym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
	(void)v;
	return real->xDlSym(real, h, sym);
}

static void
c_dlclose(sqlite3_vfs *v, void *h)
{
	(void)v;
	real->xDlClose(real, h);
}

static int
c_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real->xRandomness(real, n, out);
}

static int
c_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return real->xSleep(real, us);
}

static int
c_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return real->xCurrentTime(real, out);
}

static int
c_lasterr(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real->xGetLastError ? real->xGetLastError(real, n, out) : 0;
}

static int
c_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return real->xCurrentTimeInt64(real, out);
}

int
vfs_crash_install(void)
{
	if (real != NULL)
		return SQLITE_OK;
	if ((real = sqlite3_vfs_find(NULL)) == NULL)
		return SQLITE_ERROR;
	crash_vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)sizeof(struct crash_file) + real->szOsFile,
		.mxPathname = real->mxPathname,
		.zName = "kz-crash",
		.xOpen = c_open, .xDelete = c_delete, .xAccess = c_access,
		.xFullPathname = c_fullname, .xDlOpen = c_dlopen,
		.xDlError = c_dlerror, .xDlSym = c_dlsym,
		.xDlClose = c_dlclose, .xRandomness = c_random,
		.xSleep = c_sleep, .xCurrentTime = c_time,
		.xGetLastError = c_lasterr, .xCurrentTimeInt64 = c_time64,
	};
	return sqlite3_vfs_register(&crash_vfs, 1);
}

void
vfs_crash_arm(long n)
{
	armed = n;
	writes = 0;
	dead = false;
}

bool
vfs_crash_dead(void)
{
	return dead;
}

long
vfs_crash_writes(void)
{
	return writes;
}
