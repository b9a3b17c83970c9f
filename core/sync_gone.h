/* sync_gone.h - deletions an export's merge would lose: a record head office passed on, then deleted before it was sent. */
#ifndef KZ_SYNC_GONE_H
#define KZ_SYNC_GONE_H

#include "db.h"

/*
 * The outbox up to upto merged into *data cancels an insertion that head
 * office passed on (an office's proposed specialist) against its later
 * deletion here: the office that proposed it would keep it for ever. Add
 * the deletion of every such row of the register that is gone, with the
 * values it was passed on with. *data is replaced (sqlite3_malloc'd).
 */
int kz_sync_gone(struct kz_db *db, long upto, void **data, int *size,
    struct kz_err *err);

#endif
