/* vfs_crash.h - an SQLite VFS for unit tests that "kills the process" at the Nth write. */
#ifndef KZ_VFS_CRASH_H
#define KZ_VFS_CRASH_H

#include <stdbool.h>

/*
 * Registered as the default VFS, it passes everything to the one it
 * wraps until armed. Armed with n, the nth write from then on (to a
 * database, its WAL or journal) and every write, sync, truncation and
 * deletion after it fail, as if the process had died just before it:
 * what was written before stays in the files, as the operating system
 * keeps the writes of a killed process, and nothing after reaches them.
 * The connection that hit it must then be closed and the database
 * opened again, as a new process would (disarm first).
 */
int vfs_crash_install(void);
void vfs_crash_arm(long n);	/* 0: disarm */
bool vfs_crash_dead(void);	/* the kill happened since the last arm */
long vfs_crash_writes(void);	/* writes seen since the last arm */

#endif
