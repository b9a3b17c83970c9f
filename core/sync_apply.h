/* sync_apply.h - a bundle's changes applied one by one: merged field by field, or kept aside. */
#ifndef KZ_SYNC_APPLY_H
#define KZ_SYNC_APPLY_H

#include "db.h"
#include "sync.h"

/*
 * Apply the changeset of bundle in (checked whole already) inside the
 * caller's transaction, counting into res. Changes the source may not
 * make to a record it does not own, or that clash with a different local
 * change, are kept aside as conflicts; re-indexes the specialists touched.
 * name is the bundle's, for messages.
 */
int kz_sync_apply(struct kz_db *db, const struct kz_bundle_info *in,
    const char *name, const unsigned char *changes, int size,
    struct kz_sync_result *res, struct kz_err *err);
/* The same, the changes read through changes a piece at a time (SQLite's
 * streaming iterator): an import holds none of them whole. */
struct kz_bundle_src;
int kz_sync_apply_src(struct kz_db *db, const struct kz_bundle_info *in,
    const char *name, const struct kz_bundle_src *changes,
    struct kz_sync_result *res, struct kz_err *err);

#endif
