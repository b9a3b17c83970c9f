/* sync_bundle.h - a bundle's bytes: a text header, the changeset compressed, a closing line with the signature. */
#ifndef KZ_SYNC_BUNDLE_H
#define KZ_SYNC_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "sync.h"

/* The key a bundle's payload is sealed with (XChaCha20-Poly1305); each
 * recipient gets it sealed to their key. */
#define KZ_FILE_KEY	32

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
    unsigned char fk[KZ_FILE_KEY], struct kz_err *err);

/* A bundle made here before, written again: when the key that signed it
 * was replaced since (sync key --new), or the keys it is sealed to are
 * not those enrolled now (an office enrolled since, a key revoked), it is
 * signed and sealed again into out, the same payload under the same file
 * key fk (NULL if not kept): the same contents, the same content
 * checksum. out stays empty when the bundle is as it would be now. */
int kz_sync_bundle_refresh(struct kz_db *db, const unsigned char *data,
    size_t len, const unsigned char fk[KZ_FILE_KEY], struct kz_buf *out,
    struct kz_err *err);

#endif
