/* sync_frame.h - what a bundle's writer (sync_bundle.c) and its reader (sync_verify.c) share: the frame, the tally of changes, the signature's sink; internal to the bundle, not an API. */
#ifndef KZ_SYNC_FRAME_H
#define KZ_SYNC_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include <sodium.h>

#include "sha256.h"
#include "sync_records.h"

/* by name only: sync_bundle.c includes this file, so this one cannot
 * include sync_bundle.h back */
struct kz_buf;
struct kz_bundle_src;
struct kz_err;

/*
 * A bundle (format 3) is a text header, the payload, and a closing line
 * that carries the Ed25519 signature of everything before it:
 *
 *	KIZUNA-BUNDLE 3
 *	organisation: CLAIR
 *	office: BJS
 *	role: office
 *	db: 8f3a09c1d2e4b5a6
 *	sequence: 12
 *	created: 2026-11-21T10:00:00Z
 *	changes: 3
 *	count: specialist 1, specialist_field 2
 *	trust: BJS office <key>		(head office's only, sync_key.h)
 *	signer: <64 hex digits: the public key that signed it>
 *	sealed: xchacha20poly1305-stream
 *	recipient: TYO <key> <the file key sealed to it>
 *	compressed: zstd 5678
 *	chunks: 1
 *	payload: 1234
 *
 *	<1234 bytes: the payload>
 *	END <128 hex digits: the signature>
 *
 * The payload is libsodium's secretstream (XChaCha20-Poly1305) under the
 * file key: its 24-byte header, then chunks, each a 4-byte big-endian
 * length and that many sealed bytes. A chunk holds one zstd frame of a
 * changeset of its own (its tables' headers again), of about
 * KZ_SYNC_CHUNK bytes; after the last an empty chunk tagged final says
 * the end. So a bundle is written, signed (Ed25519ph, the signature of
 * the SHA-512 of the bytes, fed a piece at a time) and read a chunk at a
 * time, and a chunk moved, dropped, repeated or cut off does not open.
 * The count line sums each table's changes over the chunks.
 *
 * The signature is checked, against the key enrolled for the office the
 * header names, before anything but the header is read: SQLite's
 * changeset reader (3.40) loops forever on some malformed changesets and
 * applies a changeset cut at a record boundary as a shorter valid one,
 * and a checksum anyone can recompute stops neither a forger nor a
 * relabelled header. Format 2 (the payload sealed whole, the signature
 * of the bytes whole) is still read, whole; format 1 (a SHA-256 closing
 * line, no signature) is refused.
 */
#define KZ_BUNDLE_MAGIC "KIZUNA-BUNDLE "
/* How format 3's payload is sealed: a chunk at a time. */
#define KZ_BUNDLE_STREAM "xchacha20poly1305-stream"

/* The changes per table, in the order tables first come: "specialist 3,
 * specialist_field 4", however often a table's header repeats (a chunk
 * starts with its table's header again). */
#define KZ_BUNDLE_TABLES 128
struct kz_bundle_tally {
	char name[KZ_BUNDLE_TABLES][64];
	long n[KZ_BUNDLE_TABLES];
	size_t k;
	long total;
	bool over;		/* more tables than it holds */
	/* the same changes as records, as people count them; not in the
	 * header, which says tables' rows */
	struct kz_sync_records rec;
};
void kz_bundle_tally_one(struct kz_bundle_tally *t, const char *name);
/* Count the change the iterator is at, row and record. */
void kz_bundle_tally_change(struct kz_bundle_tally *t,
    sqlite3_changeset_iter *it);
void kz_bundle_tally_free(struct kz_bundle_tally *t);
/* Count a checked changeset's changes; KZ_ERROR if it cannot be read. */
int kz_bundle_tally_add(struct kz_bundle_tally *t, const void *data,
    int size);
void kz_bundle_tally_str(const struct kz_bundle_tally *t, char *out,
    size_t outsz);

/* The bytes signed (Ed25519ph) and summed as they pass (either NULL):
 * a sink for kz_sync_bundle_copy. */
struct kz_bundle_sign {
	crypto_sign_state *sign;
	struct kz_sha256 *sha;
};
int kz_bundle_sign_put(void *arg, const void *p, size_t n);
/* The header's lines but the signer and recipient lines, into the
 * content checksum (the SHA-256 that names a bundle's contents). */
void kz_bundle_sha_header(struct kz_sha256 *c, const char *h, size_t len);

/* The header, up to and with the blank line, into head. */
int kz_bundle_read_head(const char *name, const struct kz_bundle_src *src,
    struct kz_buf *head, struct kz_err *err);
/* The format a bundle's first line says; 0 if it is none. */
int kz_bundle_format_of(const struct kz_bundle_src *src);

#endif
