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

/* Plain bytes of changes a chunk of a bundle holds (format 3, see
 * sync_bundle.c); a single change larger goes alone. */
#define KZ_SYNC_CHUNK	(256 * 1024)

/* "specialist 3, specialist_field 4" into out, and the number of changes;
 * -1 if the changeset cannot be read (format 2's count: a table named
 * again is counted again). */
long kz_sync_bundle_describe(const void *data, int size, char *out,
    size_t outsz);

/* A reader of a bundle's bytes wherever they are (a file, a database's
 * blob, memory): read puts n bytes from off into buf, 0 or -1. */
struct kz_bundle_src {
	int (*read)(void *arg, size_t off, void *buf, size_t n);
	void *arg;
	size_t len;
};
void kz_sync_bundle_src_mem(struct kz_bundle_src *s, const void *data,
    size_t len);
/* The regular file open at *fd (which must outlive s); -1 and errno. */
int kz_sync_bundle_src_fd(struct kz_bundle_src *s, int *fd);
/* Pass len bytes of src from off to sink, a piece at a time; 0 or -1. */
typedef int kz_bundle_sink(void *arg, const void *p, size_t n);
int kz_sync_bundle_copy(const struct kz_bundle_src *src, size_t off,
    size_t len, kz_bundle_sink *sink, void *arg);

/*
 * A bundle made a chunk at a time: begin (a scratch file beside path, the
 * bundle's file, or in /tmp with NULL, unlinked at once; path names
 * failures), add changesets in order (each whole, as
 * many as needed: the bundle's changes are theirs in turn), then finish:
 * the header into head and the closing line into trailer, signed with
 * db's key for sequence in->seq; the rest of in (changes, counts,
 * created, office, checksum, bytes) and the file key fk are filled. The
 * bundle is head, then kz_sync_bundle_payload's bytes, then trailer.
 * Memory: a chunk's, whatever the number of changes.
 */
struct kz_bundle_out;
int kz_sync_bundle_begin(struct kz_bundle_out **o, const char *path,
    struct kz_err *err);
int kz_sync_bundle_add(struct kz_bundle_out *o, const void *data, int size,
    struct kz_err *err);
/* A changeset's bytes as one chunk, unread (a test's forgery). */
int kz_sync_bundle_add_raw(struct kz_bundle_out *o, const void *data,
    int size, struct kz_err *err);
/* Changes added so far. */
long kz_sync_bundle_changes(const struct kz_bundle_out *o);
int kz_sync_bundle_finish(struct kz_bundle_out *o, struct kz_db *db,
    const char *dbid, struct kz_bundle_info *in,
    unsigned char fk[KZ_FILE_KEY], struct kz_buf *head,
    char trailer[KZ_SYNC_BUNDLE_TRAILER + 1], struct kz_err *err);
const struct kz_bundle_src *kz_sync_bundle_payload(
    const struct kz_bundle_out *o);
void kz_sync_bundle_free(struct kz_bundle_out *o);

/* The bundle of one changeset into b, as above (for tests and forgers). */
int kz_sync_bundle_write(struct kz_buf *b, struct kz_db *db,
    const char *dbid, const void *data, int size, struct kz_bundle_info *in,
    unsigned char fk[KZ_FILE_KEY], struct kz_err *err);

/* Read and check a bundle through src, as kz_sync_verify does; its
 * header into head (if not NULL; freed on failure). */
int kz_sync_verify_src(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_bundle_info *in,
    struct kz_buf *head, void **changeset, int *csize, struct kz_err *err);

/* The same, its changes written to fd (a chunk at a time, each checked
 * before it is written), *len bytes of them: for a bundle larger than
 * memory should hold. */
int kz_sync_verify_fd(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_bundle_info *in,
    struct kz_buf *head, int fd, size_t *len, struct kz_err *err);

/* A bundle made here before, written again: when the key that signed it
 * was replaced since (sync key --new), or the keys it is sealed to are
 * not those enrolled now (an office enrolled since, a key revoked), it is
 * signed and sealed again into out, the same payload under the same file
 * key fk (NULL if not kept): the same contents, the same content
 * checksum. out stays empty when the bundle is as it would be now. */
int kz_sync_bundle_refresh(struct kz_db *db, const unsigned char *data,
    size_t len, const unsigned char fk[KZ_FILE_KEY], struct kz_buf *out,
    struct kz_err *err);
/* The same through src, for format 3: the new header into head and the
 * closing line into trailer (head left empty when the bundle is as it
 * would be now); *payload_at is where the payload starts, which stays. */
int kz_sync_bundle_refresh_src(struct kz_db *db,
    const struct kz_bundle_src *src, const unsigned char fk[KZ_FILE_KEY],
    struct kz_buf *head, char trailer[KZ_SYNC_BUNDLE_TRAILER + 1],
    size_t *payload_at, struct kz_err *err);

#endif
