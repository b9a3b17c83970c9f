/* outbox.h - the changes waiting for the next bundle, as sync_outbox keeps them. */
#ifndef KZ_OUTBOX_H
#define KZ_OUTBOX_H

#include <sqlite3.h>

#include "db.h"
#include "err.h"

/* A row of sync_outbox for the changeset data (size bytes) of n changes
 * (-1: counted here), in the transaction that made them. A large one (an
 * import's batch) is kept packed (zstd): an import of 100,000 people
 * wrote 80 MB of changes that pack to a ninth. */
int kz_outbox_put(struct kz_db *db, const void *data, int size, int n,
    struct kz_err *err);

/* The changeset of an outbox row, column col of st (its data): *data and
 * *size, unpacked if it was packed, in memory at *owned then (free it);
 * else *owned is NULL and *data is the row's, valid until st moves.
 * KZ_ERROR if a packed one is damaged or memory is short. */
int kz_outbox_data(sqlite3_stmt *st, int col, const void **data, int *size,
    void **owned);

#endif
