/* outbox.h - the changes waiting for the next bundle, as sync_outbox keeps them. */
#ifndef KZ_OUTBOX_H
#define KZ_OUTBOX_H

#include <stdbool.h>

#include <sqlite3.h>

#include "err.h"

/* A row of sync_outbox for the changeset data (size bytes, not empty)
 * of n changes, made at now (UTC, ISO 8601), taken_in: they came from
 * elsewhere; in the transaction that made them. A large one (an
 * import's batch) is kept packed (zstd): an import of 100,000 people
 * wrote 80 MB of changes that pack to a ninth. An SQLite result code:
 * SQLITE_OK, or the error (the caller says what was being done). */
int kz_outbox_put(sqlite3 *sql, const void *data, int size, int n,
    bool taken_in, const char *now);

/* The changeset of an outbox row, column col of st (its data): *data and
 * *size, unpacked if it was packed, in memory at *owned then (free it);
 * else *owned is NULL and *data is the row's, valid until st moves.
 * KZ_ERROR if a packed one is damaged or memory is short. */
int kz_outbox_data(sqlite3_stmt *st, int col, const void **data, int *size,
    void **owned);

#endif
