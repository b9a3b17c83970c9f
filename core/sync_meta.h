/* sync_meta.h - this database's sync bookkeeping: its id, the last bundle it wrote, counts. */
#ifndef KZ_SYNC_META_H
#define KZ_SYNC_META_H

#include <stddef.h>

#include "db.h"

/* A value of sync_meta: "db" (this database's id), "exported" (the last
 * sequence written). KZ_ERROR if there is none. */
int kz_sync_meta_get(struct kz_db *db, const char *key, char *out,
    size_t size);
int kz_sync_meta_set(struct kz_db *db, const char *key, const char *value);
/* The number the query sql gives, 0 if it gives none. */
long kz_sync_meta_number(struct kz_db *db, const char *sql);

#endif
