/* history_log.h - the history of every record, written from a transaction's captured changes. */
#ifndef KZ_HISTORY_LOG_H
#define KZ_HISTORY_LOG_H

#include <sqlite3.h>
#include <stdbool.h>

#include "buf.h"
#include "err.h"

/* Before a commit: a row of record_history for each record the
 * transaction's captured changes s touched (in the tables sync_rules.c
 * gives a .record), saying who (user, may be NULL), when (at, UTC),
 * add, edit or delete, and each field from what to what; a child
 * table's rows count as the field .list of their record. The rows'
 * ids start with office, where the change was made. */
int kz_history_log(sqlite3 *sql, sqlite3_session *s, const char *office,
    const char *user, const char *at, struct kz_err *err);
/* The same from a changeset already made (data, size bytes), which a
 * long import also puts in the outbox: made once, not twice, and read
 * once (count, when not NULL: how many changes it holds). */
int kz_history_log_changeset(sqlite3 *sql, void *data, int size,
    const char *office, const char *user, const char *at, int *count,
    struct kz_buf *cs, struct kz_err *err);
/* Does record_history have the columns those rows are written with, in
 * their order? Then, with the capture paused, a caller may have the rows
 * put in cs (not NULL) as a changeset's inserts, the changeset the
 * capture would have made of them, to go with data (a long import: the
 * capture's bookkeeping and its reading every row again, for rows whose
 * every value is in hand): appended to what cs holds (data, for the
 * same outbox row); *count then counts them too. */
bool kz_history_log_own(sqlite3 *sql);

#endif
