/* sync_stamps.h - an edit's author travels with its time stamp in a bundle (for sync_export.c). */
#ifndef KZ_SYNC_STAMPS_H
#define KZ_SYNC_STAMPS_H

#include "buf.h"
#include "db.h"

/*
 * A changeset records only the columns an update changed. When an edit
 * moves "updated" but its author is the one before ("updated_by"
 * unchanged), the receiver would take the new time with its own author;
 * when only the author moves (of two edits of the same second, the
 * greater author's stands), the receiver could not weigh it by the time.
 * Copy the changeset into out with updated_by written beside every
 * updated and updated beside every updated_by, from this database (whose
 * rows the changeset ends at).
 * KZ_OK and out empty when nothing needed it.
 */
int kz_sync_stamps(struct kz_db *db, const unsigned char *data, int size,
    struct kz_buf *out, struct kz_err *err);

#endif
