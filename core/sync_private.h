/* sync_private.h - personal data stays where it belongs: head office's bundles carry none (for sync_export.c). */
#ifndef KZ_SYNC_PRIVATE_H
#define KZ_SYNC_PRIVATE_H

#include "db.h"

/*
 * Contact details and a participant's needs and notes (the fields a
 * record type's table marks KZ_RF_PERSONAL) travel to head office only:
 * an office's bundle is for head office, but head office's goes to every
 * office. So in head office's changes, an insertion carries them empty, an
 * update leaves them out (an update of nothing else goes), a deletion
 * names them empty. *data is replaced (sqlite3_malloc'd) when anything
 * was.
 */
int kz_sync_private(struct kz_db *db, void **data, int *size,
    struct kz_err *err);

#endif
