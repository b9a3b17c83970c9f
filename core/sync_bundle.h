/* sync_bundle.h - a bundle's bytes: a text header, the changeset compressed, a closing line with the signature. */
#ifndef KZ_SYNC_BUNDLE_H
#define KZ_SYNC_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "sync.h"

/* The closing line: "\nEND ", 128 hex digits of Ed25519 signature, "\n". */
#define KZ_SYNC_BUNDLE_TRAILER	134

/* "specialist 3, specialist_field 4" into out, and the number of changes;
 * -1 if the changeset cannot be read. */
long kz_sync_bundle_describe(const void *data, int size, char *out,
    size_t outsz);

/* Write the bundle of a changeset into b, signed with db's key: in->seq
 * says its sequence; the rest of in (changes, counts, created, office,
 * checksum, bytes) is filled here. */
int kz_sync_bundle_write(struct kz_buf *b, struct kz_db *db,
    const char *dbid, const void *data, int size, struct kz_bundle_info *in,
    struct kz_err *err);

/* A bundle made here before, signed with a key since replaced (sync key
 * --new), signed again in place with this database's key: the same
 * contents, the same content checksum. *resigned says whether it was. */
int kz_sync_bundle_resign(struct kz_db *db, unsigned char *data, size_t len,
    bool *resigned, struct kz_err *err);

#endif
