/* sync_check.h - a bundle's changes checked before any changeset call: whom they come from, what they touch, their bytes. */
#ifndef KZ_SYNC_CHECK_H
#define KZ_SYNC_CHECK_H

#include "db.h"
#include "sync.h"

/*
 * Check the changes of bundle in (named name in messages), after its
 * frame and before any sqlite3changeset_* call sees them:
 * - with db, that it may come here: an office takes bundles from head
 *   office only, head office from offices (and from its own database's
 *   earlier ids), neither under its own office code;
 * - that the changeset is well formed (kz_cs_check) and names only tables
 *   that travel (sync_rules.c); with db, tables this database has, with
 *   the same columns and key.
 * KZ_OK, or KZ_ERROR saying what is wrong and where.
 */
int kz_sync_check(struct kz_db *db, const char *name,
    const struct kz_bundle_info *in, const unsigned char *changes, int size,
    struct kz_err *err);

#endif
