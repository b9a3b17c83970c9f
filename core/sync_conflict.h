/* sync_conflict.h - a change kept aside, instead of applied, for a person to settle. */
#ifndef KZ_SYNC_CONFLICT_H
#define KZ_SYNC_CONFLICT_H

#include "db.h"
#include "sync.h"

/*
 * Keep aside a change of bundle in to record of table; op is SQLite's
 * (SQLITE_INSERT, ...). reason is a keyword (stored: the database is
 * shared by people of several languages; kz_conflict_reason says it in
 * words), change the JSON of key, theirs, base and mine.
 */
int kz_sync_conflict_keep(struct kz_db *db, const struct kz_bundle_info *in,
    const char *table, int op, const char *record, const char *reason,
    const char *change, struct kz_err *err);

#endif
