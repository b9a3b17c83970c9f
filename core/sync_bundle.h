/* sync_bundle.h - a bundle's bytes: a text header, the changeset, a closing line with the checksum. */
#ifndef KZ_SYNC_BUNDLE_H
#define KZ_SYNC_BUNDLE_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "sync.h"

/* The closing line: "\nEND ", 64 hex digits of SHA-256, "\n". */
#define KZ_SYNC_BUNDLE_TRAILER	70

/* "specialist 3, specialist_field 4" into out, and the number of changes;
 * -1 if the changeset cannot be read. */
long kz_sync_bundle_describe(const void *data, int size, char *out,
    size_t outsz);

/* Write the bundle of a changeset into b: in->seq says its sequence; the
 * rest of in (changes, counts, created, office, checksum, bytes) is filled
 * here. KZ_ERROR if memory ran out. */
int kz_sync_bundle_write(struct kz_buf *b, const struct kz_config *cfg,
    const char *dbid, const void *data, int size, struct kz_bundle_info *in,
    struct kz_err *err);

#endif
