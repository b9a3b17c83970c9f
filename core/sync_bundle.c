/* sync_bundle.c - a bundle's bytes: a text header, the changes in sealed chunks, a closing line with the signature. */
#include "sync_bundle.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <zstd.h>

#include "changeset.h"
#include "file.h"
#include "i18n.h"
#include "sha256.h"
#include "sync_check.h"
#include "sync_key.h"

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
#define MAGIC "KIZUNA-BUNDLE "
/* zstd's level: the first register bundle of the demo data (1.1 MB of
 * changeset) packs in well under a second at it */
#define ZLEVEL 9
/* Far above any office's whole register: a header cannot make the
 * reader allocate more. */
#define MAX_CHANGESET (1024L * 1024 * 1024)
/* Format 3: how the payload is sealed, and the most a header, a chunk of
 * changes and its sealed bytes may be (a reader allocates no more). */
#define STREAM_CODEC "xchacha20poly1305-stream"
#define MAX_HEADER (1024 * 1024)
#define MAX_CHUNK_PLAIN (64UL * 1024 * 1024)
#define MAX_CHUNK_SEALED (ZSTD_COMPRESSBOUND(MAX_CHUNK_PLAIN) + \
	crypto_secretstream_xchacha20poly1305_ABYTES)
/* A format 2 bundle is signed whole, so it is read whole: the most one
 * may be, several times the largest kizuna ever wrote (a register of
 * 100,000 made 11 MB), and the most its changes may unpack to. */
#define MAX_BUNDLE_V2 (64UL * 1024 * 1024)
#define MAX_CHANGESET_V2 (256L * 1024 * 1024)
/* Changes pack to a fifth or a tenth; a header that says they unpack to
 * far more than this many times the bundle's size is a bomb, refused
 * before anything is unpacked (the scratch copy would fill the disk). */
#define MAX_RATIO 64
#define RATIO_FLOOR (16UL * 1024 * 1024)

long
kz_sync_bundle_describe(const void *data, int size, char *out, size_t outsz)
{
	sqlite3_changeset_iter *it;
	char last[64] = "";
	long total = 0, n = 0;
	size_t len = 0;

	out[0] = '\0';
	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return -1;
	for (;;) {
		const char *t = NULL;
		int ncol, op, ind;
		int more = sqlite3changeset_next(it) == SQLITE_ROW &&
		    sqlite3changeset_op(it, &t, &ncol, &op, &ind) == SQLITE_OK;
		if (last[0] && (!more || strcmp(t, last) != 0)) {
			len += (size_t)snprintf(out + len, len < outsz ?
			    outsz - len : 0, "%s%s %ld", len ? ", " : "", last, n);
			n = 0;
		}
		if (!more)
			break;
		snprintf(last, sizeof last, "%s", t);
		n++;
		total++;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		return -1;
	return total;
}

/* The SHA-256 that names a bundle's contents (sync_applied, sync_export):
 * of everything before the signature but the signer and recipient lines,
 * so a bundle signed again with a new key, or sealed again for offices
 * enrolled since, is still the same bundle. */
static void
content_sha(const unsigned char *data, size_t len, char out[65])
{
	const unsigned char *p = data, *end = data + len, *nl;
	struct kz_buf b = { 0 };

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (nl == p) {	/* the blank line: the payload follows */
			p = nl;
			break;
		}
		if (strncmp((const char *)p, "signer: ", 8) != 0 &&
		    strncmp((const char *)p, "recipient: ", 11) != 0)
			kz_buf_put(&b, (const char *)p, (size_t)(nl + 1 - p));
		p = nl + 1;
	}
	kz_buf_put(&b, (const char *)p, (size_t)(end - p));
	if (b.oom)	/* cannot happen short of memory: the whole then */
		kz_sha256_hex(data, len, out);
	else
		kz_sha256_hex(b.s, b.len, out);
	kz_buf_free(&b);
}

/* The keys a bundle of db is sealed to: at head office every office's
 * key enrolled and not revoked, at an office head office's. As
 * "OFFICE HEX" lines into l, in a fixed order. */
static int
recipients(struct kz_db *db, struct kz_buf *l, struct kz_err *err)
{
	struct kz_sync_key_list keys;
	const char *want = db->cfg && db->cfg->role == KZ_ROLE_HEAD ? "office" :
	    "head";

	if (kz_sync_key_list(db, &keys, err))
		return KZ_ERROR;
	for (size_t i = 0; i < keys.n; i++)
		if (!keys.k[i].revoked[0] && strcmp(keys.k[i].role, want) == 0)
			kz_buf_printf(l, "%s %s\n", keys.k[i].office,
			    keys.k[i].key);
	kz_sync_key_list_free(&keys);
	return l->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}

/* The file key sealed to an Ed25519 public key (as X25519, the way age
 * takes ssh-ed25519 recipients), as 160 hex digits. */
static int
wrap(const char *edhex, const unsigned char fk[KZ_FILE_KEY], char out[161])
{
	unsigned char ed[KZ_KEY_PUBLIC], x[crypto_box_PUBLICKEYBYTES];
	unsigned char c[crypto_box_SEALBYTES + KZ_FILE_KEY];

	if (kz_sync_key_parse(edhex, ed) != KZ_OK ||
	    crypto_sign_ed25519_pk_to_curve25519(x, ed) != 0 ||
	    crypto_box_seal(c, fk, KZ_FILE_KEY, x) != 0)
		return KZ_ERROR;
	sodium_bin2hex(out, 161, c, sizeof c);
	return KZ_OK;
}

/* Everything after the fixed header lines: signer, sealing, recipients,
 * tail (the "compressed" and "payload" lines and the blank line), the
 * payload, the signature. */
static int
finish(struct kz_db *db, struct kz_buf *b, const unsigned char fk[KZ_FILE_KEY],
    const char *tail, size_t taillen, const void *payload, size_t plen,
    struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG];
	char hex[2 * KZ_KEY_SIG + 1], w[161];
	struct kz_buf l = { 0 };

	if (kz_sync_key_own(db, pk, err) || recipients(db, &l, err)) {
		kz_buf_free(&l);
		return KZ_ERROR;
	}
	kz_sync_key_hex(pk, hex);
	kz_buf_printf(b, "signer: %s\nsealed: xchacha20poly1305\n", hex);
	for (const char *p = kz_buf_str(&l); *p; ) {
		const char *nl = strchr(p, '\n');
		char office[8], key[KZ_KEY_HEX];
		if (sscanf(p, "%7s %64s", office, key) == 2 &&
		    wrap(key, fk, w) == KZ_OK)
			kz_buf_printf(b, "recipient: %s %s %s\n", office, key, w);
		p = nl ? nl + 1 : p + strlen(p);
	}
	kz_buf_free(&l);
	kz_buf_put(b, tail, taillen);
	kz_buf_put(b, payload, plen);
	if (b->oom)
		return kz_err_add(err, "", _("out of memory"));
	if (kz_sync_key_sign(db, b->s, b->len, sig, err))
		return KZ_ERROR;
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	kz_buf_printf(b, "\nEND %s\n", hex);
	return b->oom ? kz_err_add(err, "", _("out of memory")) : KZ_OK;
}

/* ---- format 3: the payload written and read a chunk at a time ---- */

/* The changes per table, in the order tables first come: "specialist 3,
 * specialist_field 4", however often a table's header repeats (a chunk
 * starts with its table's header again). */
#define TALLY_TABLES 128
struct tally {
	char name[TALLY_TABLES][64];
	long n[TALLY_TABLES];
	size_t k;
	long total;
	bool over;		/* more tables than it holds */
};

static void
tally_one(struct tally *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->k; i++)
		if (strcmp(t->name[i], name) == 0)
			break;
	if (i == t->k) {
		if (t->k == TALLY_TABLES) {
			t->over = true;
			return;
		}
		snprintf(t->name[t->k++], sizeof t->name[0], "%s", name);
	}
	t->n[i]++;
	t->total++;
}

/* Count a checked changeset's changes; KZ_ERROR if it cannot be read. */
static int
tally_add(struct tally *t, const void *data, int size)
{
	sqlite3_changeset_iter *it;

	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return KZ_ERROR;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *name;
		int ncol, op, ind;
		if (sqlite3changeset_op(it, &name, &ncol, &op, &ind) ==
		    SQLITE_OK)
			tally_one(t, name);
	}
	return sqlite3changeset_finalize(it) == SQLITE_OK ? KZ_OK : KZ_ERROR;
}

static void
tally_str(const struct tally *t, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < t->k; i++)
		len += (size_t)snprintf(out + len, len < outsz ? outsz - len : 0,
		    "%s%s %ld", i ? ", " : "", t->name[i], t->n[i]);
}

/* Readers of a bundle's bytes. */
static int
read_mem(void *arg, size_t off, void *buf, size_t n)
{
	memcpy(buf, (const unsigned char *)arg + off, n);
	return 0;
}

void
kz_sync_bundle_src_mem(struct kz_bundle_src *s, const void *data, size_t len)
{
	s->read = read_mem;
	s->arg = (void *)data;
	s->len = len;
}

static int
read_fd(void *arg, size_t off, void *buf, size_t n)
{
	int fd = *(int *)arg;
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t r = pread(fd, p, n, (off_t)off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			errno = ESPIPE;	/* the file ended: cut short since */
		if (r <= 0)
			return -1;
		p += r;
		off += (size_t)r;
		n -= (size_t)r;
	}
	return 0;
}

/* A read of the bundle that failed, as people read it: one that ended
 * early was cut short, or changed while it was read. */
static int
read_failed(struct kz_err *err, const char *place)
{
	if (errno == ESPIPE)
		return kz_err_add(err, place, _("the bundle ends before its "
		    "header says: it was cut short, or changed while it was "
		    "read"));
	return kz_err_add(err, place, _("cannot read the bundle: %s"),
	    strerror(errno ? errno : EIO));
}

int
kz_sync_bundle_src_fd(struct kz_bundle_src *s, int *fd)
{
	struct stat st;

	if (fstat(*fd, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	s->read = read_fd;
	s->arg = fd;
	s->len = (size_t)st.st_size;
	return 0;
}

int
kz_sync_bundle_copy(const struct kz_bundle_src *src, size_t off, size_t len,
    kz_bundle_sink *sink, void *arg)
{
	unsigned char buf[65536];

	while (len > 0) {
		size_t n = len < sizeof buf ? len : sizeof buf;
		if (src->read(src->arg, off, buf, n) != 0 ||
		    sink(arg, buf, n) != 0)
			return -1;
		off += n;
		len -= n;
	}
	return 0;
}


struct kz_bundle_out {
	char place[4200];	/* the bundle's file, for messages */
	int fd;			/* the scratch file: the payload so far */
	int err;		/* errno of a failed write to it */
	struct kz_bundle_src src;
	unsigned char fk[KZ_FILE_KEY];
	crypto_secretstream_xchacha20poly1305_state ss;
	ZSTD_CCtx *z;
	struct kz_buf piece;	/* the chunk being filled, plain */
	struct kz_buf hdr;	/* the table header of the changes walked */
	bool need_hdr;		/* the piece has not had it yet */
	size_t payload;		/* bytes of the payload written */
	long plain;		/* bytes of the changes */
	long chunks;
	struct tally tally;
};

/* The piece compressed, sealed (tag) and written to the scratch file
 * behind its length. */
static int
put_chunk(struct kz_bundle_out *o, const void *data, size_t n,
    unsigned char tag, struct kz_err *err)
{
	size_t zmax = ZSTD_compressBound(n), zlen = 0;
	unsigned char len4[4];
	unsigned long long clen;
	unsigned char *z = NULL, *c;

	if (n > 0) {
		if ((z = malloc(zmax)) == NULL)
			return kz_err_add(err, "", _("out of memory"));
		zlen = ZSTD_compressCCtx(o->z, z, zmax, data, n, ZLEVEL);
		if (ZSTD_isError(zlen)) {
			free(z);
			return kz_err_add(err, "", _("cannot compress the "
			    "bundle: %s"), ZSTD_getErrorName(zlen));
		}
	}
	if ((c = malloc(zlen + crypto_secretstream_xchacha20poly1305_ABYTES)) ==
	    NULL) {
		free(z);
		return kz_err_add(err, "", _("out of memory"));
	}
	crypto_secretstream_xchacha20poly1305_push(&o->ss, c, &clen, z, zlen,
	    NULL, 0, tag);
	free(z);
	len4[0] = (unsigned char)(clen >> 24);
	len4[1] = (unsigned char)(clen >> 16);
	len4[2] = (unsigned char)(clen >> 8);
	len4[3] = (unsigned char)clen;
	if (kz_file_write_all(o->fd, len4, 4) != 0 ||
	    kz_file_write_all(o->fd, c, (size_t)clen) != 0) {
		free(c);
		return kz_err_add(err, o->place, _("cannot write the bundle: %s"),
		    strerror(errno));
	}
	free(c);
	o->payload += 4 + (size_t)clen;
	o->plain += (long)n;
	o->chunks++;
	return KZ_OK;
}

static int
flush_piece(struct kz_bundle_out *o, struct kz_err *err)
{
	int rc;

	if (o->piece.len == 0)
		return KZ_OK;
	rc = put_chunk(o, o->piece.s, o->piece.len,
	    crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, err);
	o->piece.len = 0;
	o->need_hdr = true;
	return rc;
}

struct add_arg {
	struct kz_bundle_out *o;
	struct kz_err *err;
};

/* A change (or a table header) into the piece; a full piece goes first,
 * and the next starts with its table's header again. */
static int
add_change(void *arg, sqlite3_changeset_iter *it, const unsigned char *p,
    size_t n, int ncol)
{
	struct add_arg *a = arg;
	struct kz_bundle_out *o = a->o;
	const char *name;
	int nc, op, ind;

	if (it == NULL) {
		o->hdr.len = 0;
		kz_buf_put(&o->hdr, (const char *)p, n);
		o->need_hdr = true;
		return o->hdr.oom ? kz_err_add(a->err, "", _("out of memory")) :
		    KZ_OK;
	}
	if (o->piece.len > 0 && o->piece.len + n > KZ_SYNC_CHUNK &&
	    flush_piece(o, a->err))
		return KZ_ERROR;
	if (o->need_hdr) {
		kz_buf_put(&o->piece, o->hdr.s, o->hdr.len);
		o->need_hdr = false;
	}
	kz_buf_put(&o->piece, (const char *)p, n);
	if (sqlite3changeset_op(it, &name, &nc, &op, &ind) == SQLITE_OK)
		tally_one(&o->tally, name);
	return o->piece.oom ? kz_err_add(a->err, "", _("out of memory")) :
	    KZ_OK;
}

int
kz_sync_bundle_begin(struct kz_bundle_out **out, const char *path,
    struct kz_err *err)
{
	struct kz_bundle_out *o;
	unsigned char h[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	const char *slash = path ? strrchr(path, '/') : NULL;
	char tmp[4200];
	int n;

	*out = NULL;
	if (sodium_init() < 0)
		return kz_err_add(err, "", _("the cryptography library cannot "
		    "start"));
	if ((o = calloc(1, sizeof *o)) == NULL ||
	    (o->z = ZSTD_createCCtx()) == NULL) {
		free(o);
		return kz_err_add(err, "", _("out of memory"));
	}
	snprintf(o->place, sizeof o->place, "%s", path ? path : "");
	/* a scratch file beside the bundle (the same disk), gone when
	 * closed */
	if (path == NULL)
		n = snprintf(tmp, sizeof tmp, "/tmp/.kizuna-bundle-XXXXXX");
	else if (slash == NULL)
		n = snprintf(tmp, sizeof tmp, ".kizuna-bundle-XXXXXX");
	else
		n = snprintf(tmp, sizeof tmp, "%.*s/.kizuna-bundle-XXXXXX",
		    (int)(slash - path), path);
	errno = ENAMETOOLONG;
	if ((size_t)n >= sizeof tmp || (o->fd = mkstemp(tmp)) < 0) {
		kz_err_add(err, o->place, _("cannot write the bundle: %s"),
		    strerror(errno));
		ZSTD_freeCCtx(o->z);
		free(o);
		return KZ_ERROR;
	}
	unlink(tmp);
	o->src.read = read_fd;
	o->src.arg = &o->fd;
	crypto_secretstream_xchacha20poly1305_keygen(o->fk);
	crypto_secretstream_xchacha20poly1305_init_push(&o->ss, h, o->fk);
	if (kz_file_write_all(o->fd, h, sizeof h) != 0) {
		kz_err_add(err, o->place, _("cannot write the bundle: %s"),
		    strerror(errno));
		kz_sync_bundle_free(o);
		return KZ_ERROR;
	}
	o->payload = sizeof h;
	*out = o;
	return KZ_OK;
}

int
kz_sync_bundle_add(struct kz_bundle_out *o, const void *data, int size,
    struct kz_err *err)
{
	struct add_arg a = { .o = o, .err = err };

	if (size <= 0)
		return KZ_OK;
	if (kz_cs_walk(data, size, add_change, &a) != KZ_OK)
		return err->n ? KZ_ERROR : kz_err_add(err, "", _("the outbox of "
		    "changes is damaged"));
	return KZ_OK;
}

int
kz_sync_bundle_add_raw(struct kz_bundle_out *o, const void *data, int size,
    struct kz_err *err)
{
	if (size <= 0)
		return KZ_OK;
	if (flush_piece(o, err))
		return KZ_ERROR;
	tally_add(&o->tally, data, size);	/* as far as it reads */
	return put_chunk(o, data, (size_t)size,
	    crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, err);
}

long
kz_sync_bundle_changes(const struct kz_bundle_out *o)
{
	return o->tally.total;
}

void
kz_sync_bundle_free(struct kz_bundle_out *o)
{
	if (o == NULL)
		return;
	if (o->fd >= 0)
		close(o->fd);
	ZSTD_freeCCtx(o->z);
	kz_buf_free(&o->piece);
	kz_buf_free(&o->hdr);
	sodium_memzero(o->fk, sizeof o->fk);
	sodium_memzero(&o->ss, sizeof o->ss);
	free(o);
}

const struct kz_bundle_src *
kz_sync_bundle_payload(const struct kz_bundle_out *o)
{
	return &o->src;
}

struct ph_sink {
	crypto_sign_state *sign;
	struct kz_sha256 *sha;
};

static int
ph_sink(void *arg, const void *p, size_t n)
{
	struct ph_sink *s = arg;

	if (s->sign)
		crypto_sign_update(s->sign, p, n);
	if (s->sha)
		kz_sha256_update(s->sha, p, n);
	return 0;
}

/* The header's lines but the signer and recipient lines, into the
 * content checksum (content_sha, a line at a time). */
static void
sha_header(struct kz_sha256 *c, const char *h, size_t len)
{
	const char *p = h, *end = h + len, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (strncmp(p, "signer: ", 8) != 0 &&
		    strncmp(p, "recipient: ", 11) != 0)
			kz_sha256_update(c, p, (size_t)(nl + 1 - p));
		p = nl + 1;
	}
	kz_sha256_update(c, p, (size_t)(end - p));
}

/* Everything after the fixed header lines already in head: signer,
 * sealing, recipients, tail; then the signature of head and the payload
 * (read from src, plen bytes at off) as the closing line, and the
 * content checksum. */
static int
assemble(struct kz_db *db, struct kz_buf *head,
    const unsigned char fk[KZ_FILE_KEY], const char *tail, size_t taillen,
    const struct kz_bundle_src *src, size_t off, size_t plen,
    char trailer[KZ_SYNC_BUNDLE_TRAILER + 1], char sha[65],
    struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG], d[32];
	char hex[2 * KZ_KEY_SIG + 1], w[161];
	struct kz_buf l = { 0 };
	crypto_sign_state st;
	struct kz_sha256 c;
	struct ph_sink sink = { .sign = &st, .sha = &c };

	if (kz_sync_key_own(db, pk, err) || recipients(db, &l, err)) {
		kz_buf_free(&l);
		return KZ_ERROR;
	}
	kz_sync_key_hex(pk, hex);
	kz_buf_printf(head, "signer: %s\nsealed: %s\n", hex, STREAM_CODEC);
	for (const char *p = kz_buf_str(&l); *p; ) {
		const char *nl = strchr(p, '\n');
		char office[8], key[KZ_KEY_HEX];
		if (sscanf(p, "%7s %64s", office, key) == 2 &&
		    wrap(key, fk, w) == KZ_OK)
			kz_buf_printf(head, "recipient: %s %s %s\n", office, key,
			    w);
		p = nl ? nl + 1 : p + strlen(p);
	}
	kz_buf_free(&l);
	kz_buf_put(head, tail, taillen);
	if (head->oom)
		return kz_err_add(err, "", _("out of memory"));
	crypto_sign_init(&st);
	crypto_sign_update(&st, (const unsigned char *)head->s, head->len);
	kz_sha256_init(&c);
	sha_header(&c, head->s, head->len);
	if (kz_sync_bundle_copy(src, off, plen, ph_sink, &sink) != 0)
		return kz_err_add(err, "", _("cannot read the bundle being "
		    "made: %s"), strerror(errno));
	if (kz_sync_key_sign_final(db, &st, sig, err))
		return KZ_ERROR;
	kz_sha256_final(&c, d);
	sodium_bin2hex(sha, 65, d, sizeof d);
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	snprintf(trailer, KZ_SYNC_BUNDLE_TRAILER + 1, "\nEND %s\n", hex);
	return KZ_OK;
}

int
kz_sync_bundle_finish(struct kz_bundle_out *o, struct kz_db *db,
    const char *dbid, struct kz_bundle_info *in,
    unsigned char fk[KZ_FILE_KEY], struct kz_buf *head,
    char trailer[KZ_SYNC_BUNDLE_TRAILER + 1], struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	unsigned char pk[KZ_KEY_PUBLIC];
	char now[32], tail[120];
	int taillen;

	memset(head, 0, sizeof *head);
	if (cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	/* the last piece, then an empty chunk that says the end */
	if (flush_piece(o, err) || put_chunk(o, NULL, 0,
	    crypto_secretstream_xchacha20poly1305_TAG_FINAL, err))
		return KZ_ERROR;
	o->chunks--;	/* the end is no chunk of changes */
	if (o->tally.over)
		return kz_err_add(err, "", _("the bundle names too many "
		    "tables"));
	in->changes = o->tally.total;
	tally_str(&o->tally, in->counts, sizeof in->counts);
	memcpy(fk, o->fk, KZ_FILE_KEY);
	kz_now_utc(now);
	kz_buf_printf(head, MAGIC "%d\norganisation: %s\noffice: %s\nrole: %s\n"
	    "db: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
	    KZ_BUNDLE_FORMAT, cfg->organisation, cfg->office_id,
	    cfg->role == KZ_ROLE_HEAD ? "head" : "office", dbid, in->seq,
	    now, in->changes);
	if (in->counts[0])
		kz_buf_printf(head, "count: %s\n", in->counts);
	if (kz_sync_key_header(db, head, err))
		goto fail;
	taillen = snprintf(tail, sizeof tail, "compressed: zstd %ld\n"
	    "chunks: %ld\npayload: %zu\n\n", o->plain, o->chunks, o->payload);
	o->src.len = o->payload;
	if (assemble(db, head, o->fk, tail, (size_t)taillen, &o->src, 0,
	    o->payload, trailer, in->sha256, err))
		goto fail;
	snprintf(in->office, sizeof in->office, "%s", cfg->office_id);
	snprintf(in->created, sizeof in->created, "%s", now);
	in->bytes = head->len + o->payload + KZ_SYNC_BUNDLE_TRAILER;
	return KZ_OK;
fail:
	kz_buf_free(head);
	return KZ_ERROR;
}

static int
buf_sink(void *arg, const void *p, size_t n)
{
	struct kz_buf *b = arg;

	kz_buf_put(b, p, n);
	return b->oom ? -1 : 0;
}

int
kz_sync_bundle_write(struct kz_buf *b, struct kz_db *db, const char *dbid,
    const void *data, int size, struct kz_bundle_info *in,
    unsigned char fk[KZ_FILE_KEY], struct kz_err *err)
{
	struct kz_bundle_out *o;
	struct kz_buf head;
	char trailer[KZ_SYNC_BUNDLE_TRAILER + 1];
	int rc;

	if (kz_sync_bundle_begin(&o, NULL, err))
		return KZ_ERROR;
	rc = kz_sync_bundle_add(o, data, size, err);
	if (rc == KZ_OK)
		rc = kz_sync_bundle_finish(o, db, dbid, in, fk, &head, trailer,
		    err);
	if (rc == KZ_OK) {
		kz_buf_put(b, head.s, head.len);
		if (kz_sync_bundle_copy(&o->src, 0, o->payload, buf_sink, b)
		    != 0)
			rc = kz_err_add(err, "", _("out of memory"));
		kz_buf_put(b, trailer, KZ_SYNC_BUNDLE_TRAILER);
		if (b->oom && rc == KZ_OK)
			rc = kz_err_add(err, "", _("out of memory"));
		kz_buf_free(&head);
	}
	kz_sync_bundle_free(o);
	if (rc != KZ_OK)
		kz_buf_free(b);
	return rc;
}
/* ---- reading a bundle ---- */

static const char *
header_value(const char *line, const char *key)
{
	size_t n = strlen(key);
	return strncmp(line, key, n) == 0 && line[n] == ':' && line[n + 1] == ' '
	    ? line + n + 2 : NULL;
}

/* What the header says of the frame, beside struct kz_bundle_info. */
struct frame {
	int format;
	char signer[80];
	long payload;
	long plain;		/* the changeset's size before compression */
	long chunks;		/* format 3: chunks of changes */
	bool zstd;
	bool sealed;
	bool stream;		/* sealed a chunk at a time (format 3) */
	bool unknown_codec;
};

/* A number of a header: decimal digits only, no sign, no more than a
 * long holds; -1 when it is anything else (refused by the checks). */
static long
header_number(const char *v)
{
	long n = 0;

	if (*v < '0' || *v > '9')
		return -1;
	for (; *v >= '0' && *v <= '9'; v++) {
		if (n > (LONG_MAX - (*v - '0')) / 10)
			return -1;
		n = n * 10 + (*v - '0');
	}
	return *v == '\0' ? n : -1;
}

/* The header's lines, up to the blank line, into in and *f; *at is where
 * the payload starts. A line with a control character is damage or a
 * forgery, never kizuna's: refused before any of it is shown. */
static int
read_header(const char *name, const unsigned char *data, size_t len,
    struct kz_bundle_info *in, struct frame *f, size_t *at,
    struct kz_err *err)
{
	const char *p = (const char *)data, *end = p + len;
	char line[600];

	for (int lineno = 1;; lineno++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *v;
		if (nl == NULL || nl - p >= (long)sizeof line)
			return kz_err_add(err, name, _("the bundle is cut short "
			    "in its header (line %d): it is incomplete"), lineno);
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		for (const char *c = p; c < nl; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				return kz_err_add(err, name, _("the bundle's "
				    "header has a control character in line %d: "
				    "it is damaged"), lineno);
		p = nl + 1;
		if (lineno == 1) {
			long v1 = header_number(line + sizeof MAGIC - 1);

			f->format = v1 > 0 && v1 < 1000 ? (int)v1 : 0;
			if (f->format < 1)
				return kz_err_add(err, name, _("not a kizuna "
				    "bundle"));
			continue;
		}
		if (line[0] == '\0')
			break;
		if ((v = header_value(line, "organisation")))
			snprintf(in->organisation, sizeof in->organisation, "%s", v);
		else if ((v = header_value(line, "office")))
			snprintf(in->office, sizeof in->office, "%s", v);
		else if ((v = header_value(line, "role")))
			snprintf(in->role, sizeof in->role, "%s", v);
		else if ((v = header_value(line, "db")))
			snprintf(in->db, sizeof in->db, "%s", v);
		else if ((v = header_value(line, "signer")))
			snprintf(f->signer, sizeof f->signer, "%s", v);
		else if ((v = header_value(line, "sequence")))
			in->seq = header_number(v);
		else if ((v = header_value(line, "created")))
			snprintf(in->created, sizeof in->created, "%s", v);
		else if ((v = header_value(line, "changes")))
			in->changes = header_number(v);
		else if ((v = header_value(line, "count")))
			snprintf(in->counts, sizeof in->counts, "%s", v);
		else if ((v = header_value(line, "sealed"))) {
			if (strcmp(v, "xchacha20poly1305") == 0)
				f->sealed = true;
			else if (strcmp(v, STREAM_CODEC) == 0)
				f->sealed = f->stream = true;
			else
				f->unknown_codec = true;
		} else if ((v = header_value(line, "compressed"))) {
			if (strncmp(v, "zstd ", 5) == 0) {
				f->zstd = true;
				f->plain = header_number(v + 5);
			} else
				f->unknown_codec = true;
		} else if ((v = header_value(line, "payload")))
			f->payload = header_number(v);
		else if ((v = header_value(line, "chunks")))
			f->chunks = header_number(v);
		/* unknown header lines are left for later formats */
	}
	*at = (size_t)(p - (const char *)data);
	return KZ_OK;
}

/* The file key of a sealed bundle, from the recipient line for db's own
 * key. */
static int
unseal_key(struct kz_db *db, const char *name, const unsigned char *data,
    size_t at, const char *from, unsigned char fk[KZ_FILE_KEY],
    struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], xpk[crypto_box_PUBLICKEYBYTES];
	unsigned char xsk[crypto_box_SECRETKEYBYTES];
	unsigned char c[crypto_box_SEALBYTES + KZ_FILE_KEY];
	const char *p = (const char *)data, *end = p + at;
	char own[KZ_KEY_HEX], fp[KZ_KEY_FP];
	size_t n;
	int rc = KZ_ERROR;

	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	kz_sync_key_hex(pk, own);
	kz_sync_key_fp(pk, fp);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		const char *sp = strncmp(p, "recipient: ", 11) == 0 ?
		    memchr(p + 11, ' ', (size_t)(nl - p - 11)) : NULL;
		if (sp && nl - sp == 1 + 64 + 1 + 2 * (long)sizeof c &&
		    memcmp(sp + 1, own, 64) == 0 && sp[65] == ' ') {
			if (sodium_hex2bin(c, sizeof c, sp + 66, 2 * sizeof c,
			    NULL, &n, NULL) != 0 || n != sizeof c)
				break;
			if (crypto_sign_ed25519_pk_to_curve25519(xpk, pk) != 0 ||
			    crypto_sign_ed25519_sk_to_curve25519(xsk,
			    db->secret) != 0)
				break;
			rc = crypto_box_seal_open(fk, c, sizeof c, xpk, xsk) == 0 ?
			    KZ_OK : KZ_ERROR;
			sodium_memzero(xsk, sizeof xsk);
			break;
		}
		p = nl + 1;
	}
	if (rc != KZ_OK)
		return kz_err_add(err, name, _("the bundle is sealed, and not "
		    "for this database (key %s): office %s must enrol this "
		    "database's key and write the bundle again (kizuna sync "
		    "export --again N)"), fp, from);
	return KZ_OK;
}

/* The changeset out of the payload, checked against the header. */
static int
unpack(struct kz_db *db, const char *name, const unsigned char *data,
    size_t at, const unsigned char *p, size_t n, const struct frame *f,
    const char *from, void **out, int *outsize, struct kz_err *err)
{
	unsigned char fk[KZ_FILE_KEY], *plain = NULL;
	unsigned long long want, mlen;
	void *buf;
	size_t got;

	*out = NULL;
	*outsize = 0;
	if (!f->sealed || db == NULL)
		return kz_err_add(err, name, _("the bundle is not sealed: "
		    "refused"));
	if (unseal_key(db, name, data, at, from, fk, err))
		return KZ_ERROR;
	if (n < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
	    crypto_aead_xchacha20poly1305_ietf_ABYTES ||
	    (plain = malloc(n)) == NULL ||
	    crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &mlen, NULL,
	    p + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, n -
	    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, NULL, 0, p, fk) != 0) {
		free(plain);
		sodium_memzero(fk, sizeof fk);
		return kz_err_add(err, name, _("the bundle's sealed contents "
		    "cannot be opened: they are damaged"));
	}
	sodium_memzero(fk, sizeof fk);
	p = plain;
	n = (size_t)mlen;
	if (!f->zstd) {
		*out = plain;
		*outsize = (int)n;
		return KZ_OK;
	}
	want = ZSTD_getFrameContentSize(p, n);
	if (f->plain < 0 || f->plain > MAX_CHANGESET_V2 ||
	    (unsigned long long)f->plain > (unsigned long long)n * MAX_RATIO +
	    RATIO_FLOOR ||
	    want != (unsigned long long)f->plain) {
		free(plain);
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	}
	if ((buf = malloc(want ? (size_t)want : 1)) == NULL) {
		free(plain);
		return kz_err_add(err, name, _("out of memory"));
	}
	got = ZSTD_decompress(buf, (size_t)want, p, n);
	free(plain);
	if (ZSTD_isError(got) || got != want) {
		free(buf);
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	}
	*out = buf;
	*outsize = (int)want;
	return KZ_OK;
}

/* Who signed the bundle whose header (head, the payload at at) src
 * holds, into pk, and its signature, into sig: its signer line, its
 * length, its closing line "\nEND <signature>\n", its organisation and
 * the key enrolled for its office, each checked before anything else. */
static int
signed_by(struct kz_db *db, const char *name, const struct kz_bundle_src *src,
    const char *head, size_t at, const struct frame *f,
    const struct kz_bundle_info *in, unsigned char pk[KZ_KEY_PUBLIC],
    unsigned char sig[KZ_KEY_SIG], struct kz_err *err)
{
	char trail[KZ_SYNC_BUNDLE_TRAILER], old[KZ_KEY_HEX];
	size_t len = src->len, n;

	if (kz_sync_key_parse(f->signer, pk) != KZ_OK)
		return kz_err_add(err, name, _("the bundle is not signed: "
		    "refused"));
	if ((unsigned long)f->payload > len ||
	    len != at + (size_t)f->payload + KZ_SYNC_BUNDLE_TRAILER)
		return kz_err_add(err, name, _("the bundle is %zu bytes where "
		    "its header promises %zu: it is cut short or has extra "
		    "data"), len, at + (size_t)f->payload +
		    KZ_SYNC_BUNDLE_TRAILER);
	if (src->read(src->arg, at + (size_t)f->payload, trail, sizeof trail)
	    != 0 || memcmp(trail, "\nEND ", 5) != 0 ||
	    trail[KZ_SYNC_BUNDLE_TRAILER - 1] != '\n' ||
	    sodium_hex2bin(sig, KZ_KEY_SIG, trail + 5, 2 * KZ_KEY_SIG, NULL,
	    &n, NULL) != 0 || n != KZ_KEY_SIG)
		return kz_err_add(err, name, _("the bundle's closing line is "
		    "missing: it is incomplete"));
	if (db && db->cfg && strcmp(in->organisation, db->cfg->organisation) != 0)
		return kz_err_add(err, name, _("the bundle comes from "
		    "organisation \"%s\"; this database belongs to \"%s\""),
		    in->organisation, db->cfg->organisation);
	/* who signed it, then whether they did: before anything else */
	if (sodium_init() < 0)
		return kz_err_add(err, name, _("the cryptography library cannot "
		    "start"));
	if (db && !(strcmp(in->role, "head") == 0 && db->cfg &&
	    db->cfg->role == KZ_ROLE_OFFICE && kz_sync_key_succeeds(db,
	    in->office, head, at, pk, old)) &&
	    kz_sync_key_check(db, name, in->office, in->role, pk, err))
		return KZ_ERROR;
	return KZ_OK;
}

/* A signature that is not the signer's over these bytes. */
static int
not_theirs(const char *name, const struct kz_bundle_info *in,
    const unsigned char pk[KZ_KEY_PUBLIC], struct kz_err *err)
{
	char fp[KZ_KEY_FP];

	kz_sync_key_fp(pk, fp);
	return kz_err_add(err, name, _("the bundle's signature (key %s of "
	    "office %s) does not match its contents: it was changed or "
	    "damaged after it was signed"), fp, in->office);
}

/* Offices send to head office, which passes their changes on: an
 * office takes only head office's bundles. */
static int
not_for_here(struct kz_db *db, const char *name,
    const struct kz_bundle_info *in, struct kz_err *err)
{
	if (db && db->cfg && db->cfg->role == KZ_ROLE_OFFICE &&
	    strcmp(in->role, "head") != 0)
		return kz_err_add(err, name, _("the bundle comes from office %s: "
		    "an office's bundles go to head office, which passes their "
		    "changes on; only head office's bundles are imported at an "
		    "office"), in->office);
	return KZ_OK;
}

/* A bundle of format 2, whole in memory: signed whole, sealed whole. */
static int
verify_v2(struct kz_db *db, const char *name, const unsigned char *data,
    size_t len, struct kz_bundle_info *in, size_t *header_len,
    void **changeset, int *csize, struct kz_err *err)
{
	struct frame f = { .payload = -1, .plain = -1, .chunks = -1 };
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG];
	struct kz_bundle_src src;
	size_t at = 0;
	void *cs = NULL;
	int cn = 0;

	memset(in, 0, sizeof *in);
	in->seq = -1;
	in->changes = -1;
	in->bytes = len;
	if (changeset) {
		*changeset = NULL;
		*csize = 0;
	}
	if (len < sizeof MAGIC - 1 || memcmp(data, MAGIC, sizeof MAGIC - 1) != 0)
		return kz_err_add(err, name, _("not a kizuna bundle"));
	if (read_header(name, data, len, in, &f, &at, err))
		return KZ_ERROR;
	if (!in->organisation[0] || !in->office[0] || !in->db[0] ||
	    in->seq < 1 || in->changes < 0 || f.payload < 0 ||
	    f.unknown_codec || f.stream ||
	    (strcmp(in->role, "head") != 0 && strcmp(in->role, "office") != 0))
		return kz_err_add(err, name, _("the bundle's header is "
		    "incomplete or damaged"));
	kz_sync_bundle_src_mem(&src, data, len);
	if (signed_by(db, name, &src, (const char *)data, at, &f, in, pk, sig,
	    err))
		return KZ_ERROR;
	if (crypto_sign_verify_detached(sig, data, at + (size_t)f.payload,
	    pk) != 0)
		return not_theirs(name, in, pk, err);
	content_sha(data, at + (size_t)f.payload, in->sha256);
	if (not_for_here(db, name, in, err))
		return KZ_ERROR;
	if (header_len)
		*header_len = at;
	if (changeset == NULL)
		return KZ_OK;
	if (unpack(db, name, data, at, data + at, (size_t)f.payload, &f,
	    in->office, &cs, &cn, err))
		return KZ_ERROR;
	/* the changes are hostile until checked, signed or not: SQLite's
	 * reader loops or hands back NULL on some damaged ones */
	if (kz_sync_check(db, name, in, cs, cn, err)) {
		free(cs);
		return KZ_ERROR;
	}
	char counts[512];
	if (kz_sync_bundle_describe(cs, cn, counts, sizeof counts) !=
	    in->changes || strcmp(counts, in->counts) != 0) {
		free(cs);
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	}
	*changeset = cs;
	*csize = cn;
	return KZ_OK;
}

/* The header of a bundle kept here, from p to end: where its fixed part
 * ends (the signer line), where its compressed line is, where its
 * payload starts, whether this database signed it, and its recipients'
 * keys, a line each ("KEY FP"), into had. */
static void
scan_kept(const char *p, const char *end, const char own[KZ_KEY_HEX],
    const char **fixed_end, const char **tail, const char **at,
    bool *same_signer, struct kz_buf *had)
{
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		if (nl == p) {
			*at = nl + 1;
			break;
		}
		if (strncmp(p, "signer: ", 8) == 0) {
			*fixed_end = p;
			*same_signer = nl - p == 8 + 64 &&
			    memcmp(p + 8, own, 64) == 0;
		} else if (strncmp(p, "recipient: ", 11) == 0) {
			const char *sp = memchr(p + 11, ' ',
			    (size_t)(nl - p - 11));
			if (sp && nl - sp > 65)
				kz_buf_printf(had, "%.*s\n", (int)(sp + 65 - p -
				    11), p + 11);
		} else if (strncmp(p, "compressed: ", 12) == 0 && *tail == NULL)
			*tail = p;
		p = nl + 1;
	}
}

/* A kept bundle of format 2 signed and sealed again, whole in memory. */
static int
refresh_v2(struct kz_db *db, const unsigned char *data,
    size_t len, const unsigned char fk[KZ_FILE_KEY], struct kz_buf *out,
    struct kz_err *err)
{
	const char *p = (const char *)data, *end, *fixed_end = NULL;
	const char *tail = NULL, *at = NULL;
	unsigned char pk[KZ_KEY_PUBLIC];
	char own[KZ_KEY_HEX];
	struct kz_buf had = { 0 }, want = { 0 };
	bool same_signer = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (len < KZ_SYNC_BUNDLE_TRAILER)
		return kz_err_add(err, "", _("the bundle kept here is damaged"));
	end = p + len - KZ_SYNC_BUNDLE_TRAILER;
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	kz_sync_key_hex(pk, own);
	scan_kept(p, end, own, &fixed_end, &tail, &at, &same_signer, &had);
	if (fixed_end == NULL || tail == NULL || at == NULL)
		return kz_err_add(err, "", _("the bundle kept here is not "
		    "signed: it cannot be written again"));
	if ((rc = recipients(db, &want, err)) == KZ_OK &&
	    (!same_signer || strcmp(kz_buf_str(&had), kz_buf_str(&want)) != 0)) {
		/* signed or sealed for others than now: again, the same
		 * sealed payload under the same file key */
		if (fk == NULL)
			rc = kz_err_add(err, "", _("the bundle kept here was "
			    "sealed before kizuna kept its file key: it cannot "
			    "be sealed again"));
		else {
			kz_buf_put(out, (const char *)data,
			    (size_t)(fixed_end - (const char *)data));
			rc = finish(db, out, fk, tail, (size_t)(at - tail), at,
			    (size_t)(end - at), err);
			if (rc != KZ_OK)
				kz_buf_free(out);
		}
	}
	kz_buf_free(&had);
	kz_buf_free(&want);
	return rc;
}

/* ---- reading format 3 a chunk at a time ---- */

/* The header, up to and with the blank line, into head (at most
 * MAX_HEADER bytes). */
static int
read_head(const char *name, const struct kz_bundle_src *src,
    struct kz_buf *head, struct kz_err *err)
{
	char buf[4096];
	size_t off = 0;

	head->len = 0;
	while (off < src->len && off < MAX_HEADER) {
		size_t n = src->len - off < sizeof buf ? src->len - off :
		    sizeof buf;
		if (src->read(src->arg, off, buf, n) != 0)
			return read_failed(err, name);
		kz_buf_put(head, buf, n);
		if (head->oom)
			return kz_err_add(err, name, _("out of memory"));
		/* the blank line, searched from just before this piece */
		size_t from = off > 0 ? off - 1 : 0;
		for (size_t i = from; i + 1 < head->len; i++)
			if (head->s[i] == '\n' && head->s[i + 1] == '\n') {
				head->len = i + 2;
				return KZ_OK;
			}
		off += n;
	}
	return kz_err_add(err, name, _("the bundle is cut short in its "
	    "header: it is incomplete"));
}

/* The changes of a format 3 bundle, a chunk at a time: each opened,
 * decompressed and checked before the next is read; the payload's bytes
 * must be those whose signature was checked (sha, the content
 * checksum). */
static int
unpack_v3(struct kz_db *db, const char *name, const struct kz_buf *head,
    size_t at, const struct kz_bundle_src *src, const struct frame *f,
    const struct kz_bundle_info *in, void **out, int *outsize, int outfd,
    struct kz_err *err)
{
	unsigned char fk[KZ_FILE_KEY];
	unsigned char ssh[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char len4[4], d[32], tag = 0;
	crypto_secretstream_xchacha20poly1305_state ss;
	unsigned char *c = NULL, *m = NULL, *cs = NULL;
	size_t off = at, pend = at + (size_t)f->payload, total = 0, cap = 0;
	struct kz_sha256 sha;
	struct tally t = { 0 };
	char place[4300], sum[65], counts[512];
	long i = 0;
	bool final = false;
	int rc = KZ_ERROR;

	*out = NULL;
	*outsize = 0;
	if (db == NULL)
		return kz_err_add(err, name, _("the bundle is not sealed: "
		    "refused"));
	if (f->plain < 0 || f->plain > MAX_CHANGESET || f->chunks < 0)
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	if ((unsigned long long)f->plain > (unsigned long long)src->len *
	    MAX_RATIO + RATIO_FLOOR)
		return kz_err_add(err, name, _("the bundle's header says its "
		    "changes unpack to %lld bytes, more than %d times its "
		    "size: refused"), (long long)f->plain, MAX_RATIO);
	if (unseal_key(db, name, (const unsigned char *)head->s, at, in->office,
	    fk, err))
		return KZ_ERROR;
	kz_sha256_init(&sha);
	sha_header(&sha, head->s, at);
	if ((size_t)f->payload < sizeof ssh || src->read(src->arg, off, ssh,
	    sizeof ssh) != 0 ||
	    crypto_secretstream_xchacha20poly1305_init_pull(&ss, ssh, fk) != 0) {
		sodium_memzero(fk, sizeof fk);
		return kz_err_add(err, name, _("the bundle's sealed contents "
		    "cannot be opened: they are damaged"));
	}
	sodium_memzero(fk, sizeof fk);
	kz_sha256_update(&sha, ssh, sizeof ssh);
	off += sizeof ssh;
	while (!final) {
		unsigned long long mlen;
		size_t clen, want, got;

		snprintf(place, sizeof place, _("%s, chunk %ld (byte %zu)"), name,
		    i + 1, off);
		if (off == pend) {
			kz_err_add(err, place, _("the bundle is cut short after "
			    "%ld chunks: its end is missing"), i);
			goto out;
		}
		if (pend - off < 4 || src->read(src->arg, off, len4, 4) != 0) {
			kz_err_add(err, place, _("the bundle is cut short inside "
			    "a chunk: it is incomplete"));
			goto out;
		}
		clen = (size_t)len4[0] << 24 | (size_t)len4[1] << 16 |
		    (size_t)len4[2] << 8 | len4[3];
		if (clen < crypto_secretstream_xchacha20poly1305_ABYTES ||
		    clen > MAX_CHUNK_SEALED || clen > pend - off - 4) {
			kz_err_add(err, place, _("the chunk's length is damaged, "
			    "or the bundle is cut short inside it"));
			goto out;
		}
		free(c);
		free(m);
		m = NULL;
		if ((c = malloc(clen)) == NULL || (m = malloc(clen)) == NULL) {
			kz_err_add(err, place, _("out of memory"));
			goto out;
		}
		if (src->read(src->arg, off + 4, c, clen) != 0) {
			read_failed(err, place);
			goto out;
		}
		kz_sha256_update(&sha, len4, 4);
		kz_sha256_update(&sha, c, clen);
		off += 4 + clen;
		if (crypto_secretstream_xchacha20poly1305_pull(&ss, m, &mlen,
		    &tag, c, clen, NULL, 0) != 0) {
			kz_err_add(err, place, _("the chunk cannot be opened: it "
			    "is damaged, or not in its place"));
			goto out;
		}
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
			if (mlen != 0 || off != pend) {
				kz_err_add(err, place, _("the bundle has data "
				    "after its end"));
				goto out;
			}
			final = true;
			break;
		}
		unsigned long long fcs = mlen ? ZSTD_getFrameContentSize(m,
		    (size_t)mlen) : 0;
		want = fcs <= MAX_CHUNK_PLAIN ? (size_t)fcs : 0;
		if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE ||
		    want == 0 ||
		    want > (size_t)f->plain - total) {
			kz_err_add(err, place, _("the bundle's contents do not "
			    "match its header"));
			goto out;
		}
		/* in memory, after the chunks before; to outfd, alone */
		size_t base = outfd >= 0 ? 0 : total;
		if (base + want > cap) {
			size_t ncap = cap ? cap : 1 << 20;
			while (ncap < base + want)
				ncap *= 2;
			if (ncap > (size_t)f->plain)
				ncap = (size_t)f->plain;
			unsigned char *g = realloc(cs, ncap);
			if (g == NULL) {
				kz_err_add(err, place, _("out of memory"));
				goto out;
			}
			cs = g;
			cap = ncap;
		}
		got = ZSTD_decompress(cs + base, want, m, (size_t)mlen);
		if (ZSTD_isError(got) || got != want) {
			kz_err_add(err, place, _("the bundle's contents do not "
			    "match its header"));
			goto out;
		}
		/* hostile until checked, signed or not: SQLite's reader
		 * loops or hands back NULL on some damaged ones */
		if (kz_sync_check(db, place, in, cs + base, (int)want, err))
			goto out;
		if (tally_add(&t, cs + base, (int)want) != KZ_OK) {
			kz_err_add(err, place, _("the bundle's changes cannot be "
			    "read"));
			goto out;
		}
		if (outfd >= 0 && kz_file_write_all(outfd, cs, want) != 0) {
			kz_err_add(err, place, _("cannot keep the bundle's "
			    "changes in a temporary file beside the database "
			    "while they are checked: %s"), strerror(errno));
			goto out;
		}
		total += want;
		i++;
	}
	kz_sha256_final(&sha, d);
	sodium_bin2hex(sum, sizeof sum, d, sizeof d);
	if (strcmp(sum, in->sha256) != 0) {
		kz_err_add(err, name, _("the bundle changed while it was read: "
		    "refused"));
		goto out;
	}
	tally_str(&t, counts, sizeof counts);
	if (i != f->chunks || total != (size_t)f->plain || t.over ||
	    t.total != in->changes || strcmp(counts, in->counts) != 0) {
		kz_err_add(err, name, _("the bundle's contents do not match its "
		    "header"));
		goto out;
	}
	if (outfd < 0) {
		*out = cs;
		cs = NULL;
	}
	*outsize = (int)total;
	rc = KZ_OK;
out:
	sodium_memzero(&ss, sizeof ss);
	free(c);
	free(m);
	free(cs);
	return rc;
}

/* A bundle of format 3, read through src: its header into head; the
 * signature over the header and the payload checked a piece at a time. */
static int
verify_v3(struct kz_db *db, const char *name, const struct kz_bundle_src *src,
    struct kz_bundle_info *in, struct kz_buf *head, void **changeset,
    int *csize, int outfd, struct kz_err *err)
{
	struct frame f = { .payload = -1, .plain = -1, .chunks = -1 };
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG], d[32];
	size_t at = 0;
	crypto_sign_state st;
	struct kz_sha256 sha;
	struct ph_sink sink = { .sign = &st, .sha = &sha };

	if (read_head(name, src, head, err) ||
	    read_header(name, (const unsigned char *)head->s, head->len, in,
	    &f, &at, err))
		return KZ_ERROR;
	if (!in->organisation[0] || !in->office[0] || !in->db[0] ||
	    in->seq < 1 || in->changes < 0 || f.payload < 0 ||
	    f.chunks < 0 || f.unknown_codec || !f.stream || !f.zstd ||
	    (strcmp(in->role, "head") != 0 && strcmp(in->role, "office") != 0))
		return kz_err_add(err, name, _("the bundle's header is "
		    "incomplete or damaged"));
	if (signed_by(db, name, src, head->s, at, &f, in, pk, sig, err))
		return KZ_ERROR;
	crypto_sign_init(&st);
	crypto_sign_update(&st, (const unsigned char *)head->s, at);
	kz_sha256_init(&sha);
	sha_header(&sha, head->s, at);
	if (kz_sync_bundle_copy(src, at, (size_t)f.payload, ph_sink, &sink) != 0)
		return read_failed(err, name);
	if (crypto_sign_final_verify(&st, sig, pk) != 0)
		return not_theirs(name, in, pk, err);
	kz_sha256_final(&sha, d);
	sodium_bin2hex(in->sha256, sizeof in->sha256, d, sizeof d);
	if (not_for_here(db, name, in, err))
		return KZ_ERROR;
	head->len = at;
	if (changeset == NULL)
		return KZ_OK;
	return unpack_v3(db, name, head, at, src, &f, in, changeset, csize,
	    outfd, err);
}

/* The format a bundle's first line says; 0 if it is none. */
static int
format_of(const struct kz_bundle_src *src)
{
	char line[32];
	long v;
	size_t n = src->len < sizeof line - 1 ? src->len : sizeof line - 1;

	if (n < sizeof MAGIC - 1 || src->read(src->arg, 0, line, n) != 0)
		return 0;
	line[n] = '\0';
	if (memcmp(line, MAGIC, sizeof MAGIC - 1) != 0)
		return 0;
	line[strcspn(line, "\n")] = '\0';
	v = header_number(line + sizeof MAGIC - 1);
	return v > 0 && v < 1000 ? (int)v : 0;
}

/* As kz_sync_verify_src; with outfd not -1, the changes go there, and
 * *csize says how many bytes. */
static int
verify_src(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_bundle_info *in,
    struct kz_buf *head, void **changeset, int *csize, int outfd,
    struct kz_err *err)
{
	struct kz_buf h = { 0 };
	int format, rc;

	memset(in, 0, sizeof *in);
	in->seq = -1;
	in->changes = -1;
	in->bytes = src->len;
	if (changeset) {
		*changeset = NULL;
		*csize = 0;
	}
	if (head == NULL)
		head = &h;
	memset(head, 0, sizeof *head);
	if ((format = format_of(src)) < 1)
		return kz_err_add(err, name, _("not a kizuna bundle"));
	if (format > KZ_BUNDLE_FORMAT)
		return kz_err_add(err, name, _("the bundle has format %d, newer "
		    "than this kizuna reads (%d): upgrade kizuna"), format,
		    KZ_BUNDLE_FORMAT);
	if (format < 2) {
		struct kz_bundle_info hi = { 0 };
		struct frame f = { 0 };
		size_t at;
		struct kz_err e = { 0 };
		/* the office, for the message, from the header if it reads */
		if (read_head(name, src, &h, &e) == KZ_OK)
			read_header(name, (const unsigned char *)h.s, h.len, &hi,
			    &f, &at, &e);
		kz_err_clear(&e);
		kz_buf_free(&h);
		return kz_err_add(err, name, _("the bundle has format %d, made by "
		    "a kizuna that did not sign its bundles: refused. Office %s "
		    "must upgrade kizuna and export again"), format,
		    hi.office[0] ? hi.office : "?");
	}
	if (format == 3) {
		rc = verify_v3(db, name, src, in, head, changeset, csize, outfd,
		    err);
	} else {
		/* format 2 is signed whole: read whole */
		unsigned char *data;
		size_t at = 0;
		if (src->len > MAX_BUNDLE_V2 || (data = malloc(src->len ?
		    src->len : 1)) == NULL)
			return kz_err_add(err, name, _("out of memory"));
		if (src->read(src->arg, 0, data, src->len) != 0) {
			free(data);
			return read_failed(err, name);
		}
		rc = verify_v2(db, name, data, src->len, in, &at, changeset,
		    csize, err);
		if (rc == KZ_OK && outfd >= 0 && changeset && *changeset) {
			if (kz_file_write_all(outfd, *changeset,
			    (size_t)*csize) != 0)
				rc = kz_err_add(err, name, _("cannot read the "
				    "bundle: %s"), strerror(errno));
			free(*changeset);
			*changeset = NULL;
		}
		if (rc == KZ_OK) {
			kz_buf_put(head, (const char *)data, at);
			if (head->oom)
				rc = kz_err_add(err, name, _("out of memory"));
		}
		free(data);
	}
	if (rc != KZ_OK || head == &h)
		kz_buf_free(head);
	if (rc != KZ_OK && changeset && *changeset) {
		free(*changeset);
		*changeset = NULL;
		*csize = 0;
	}
	return rc;
}

int
kz_sync_verify_src(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_bundle_info *in,
    struct kz_buf *head, void **changeset, int *csize, struct kz_err *err)
{
	return verify_src(db, name, src, in, head, changeset, csize, -1, err);
}

int
kz_sync_verify_fd(struct kz_db *db, const char *name,
    const struct kz_bundle_src *src, struct kz_bundle_info *in,
    struct kz_buf *head, int fd, size_t *len, struct kz_err *err)
{
	void *cs = NULL;
	int n = 0, rc;

	rc = verify_src(db, name, src, in, head, &cs, &n, fd, err);
	free(cs);
	*len = rc == KZ_OK ? (size_t)n : 0;
	return rc;
}

int
kz_sync_verify(struct kz_db *db, const char *name, const unsigned char *data,
    size_t len, struct kz_bundle_info *in, size_t *header_len,
    void **changeset, int *csize, struct kz_err *err)
{
	struct kz_bundle_src src;
	struct kz_buf head = { 0 };
	int rc;

	kz_sync_bundle_src_mem(&src, data, len);
	rc = kz_sync_verify_src(db, name, &src, in, &head, changeset, csize,
	    err);
	if (header_len)
		*header_len = head.len;
	kz_buf_free(&head);
	return rc;
}

int
kz_sync_bundle_refresh_src(struct kz_db *db, const struct kz_bundle_src *src,
    const unsigned char fk[KZ_FILE_KEY], struct kz_buf *head,
    char trailer[KZ_SYNC_BUNDLE_TRAILER + 1], size_t *payload_at,
    struct kz_err *err)
{
	const char *p, *end, *fixed_end = NULL, *tail = NULL, *at = NULL;
	unsigned char pk[KZ_KEY_PUBLIC];
	char own[KZ_KEY_HEX], sha[65];
	struct kz_buf h = { 0 }, had = { 0 }, want = { 0 };
	bool same_signer = false;
	int rc;

	struct kz_err e = { 0 };

	memset(head, 0, sizeof *head);
	*payload_at = 0;
	if (src->len < KZ_SYNC_BUNDLE_TRAILER || read_head("", src, &h, &e)) {
		kz_buf_free(&h);
		kz_err_clear(&e);
		return kz_err_add(err, "", _("the bundle kept here is damaged"));
	}
	if (kz_sync_key_own(db, pk, err)) {
		kz_buf_free(&h);
		return KZ_ERROR;
	}
	kz_sync_key_hex(pk, own);
	p = h.s;
	end = h.s + h.len;
	scan_kept(p, end, own, &fixed_end, &tail, &at, &same_signer, &had);
	if (fixed_end == NULL || tail == NULL || at == NULL ||
	    (size_t)(at - h.s) + KZ_SYNC_BUNDLE_TRAILER > src->len) {
		kz_buf_free(&h);
		kz_buf_free(&had);
		return kz_err_add(err, "", _("the bundle kept here is not "
		    "signed: it cannot be written again"));
	}
	*payload_at = (size_t)(at - h.s);
	if ((rc = recipients(db, &want, err)) == KZ_OK &&
	    (!same_signer || strcmp(kz_buf_str(&had), kz_buf_str(&want)) != 0)) {
		if (fk == NULL)
			rc = kz_err_add(err, "", _("the bundle kept here was "
			    "sealed before kizuna kept its file key: it cannot "
			    "be sealed again"));
		else {
			kz_buf_put(head, h.s, (size_t)(fixed_end - h.s));
			rc = assemble(db, head, fk, tail, (size_t)(at - tail), src,
			    *payload_at, src->len - *payload_at -
			    KZ_SYNC_BUNDLE_TRAILER, trailer, sha, err);
			if (rc != KZ_OK)
				kz_buf_free(head);
		}
	}
	kz_buf_free(&h);
	kz_buf_free(&had);
	kz_buf_free(&want);
	return rc;
}

int
kz_sync_bundle_refresh(struct kz_db *db, const unsigned char *data,
    size_t len, const unsigned char fk[KZ_FILE_KEY], struct kz_buf *out,
    struct kz_err *err)
{
	struct kz_bundle_src src;
	struct kz_buf head;
	char trailer[KZ_SYNC_BUNDLE_TRAILER + 1];
	size_t at;

	kz_sync_bundle_src_mem(&src, data, len);
	if (format_of(&src) != 3)
		return refresh_v2(db, data, len, fk, out, err);
	memset(out, 0, sizeof *out);
	if (kz_sync_bundle_refresh_src(db, &src, fk, &head, trailer, &at, err))
		return KZ_ERROR;
	if (head.len == 0)
		return KZ_OK;
	kz_buf_put(out, head.s, head.len);
	kz_buf_put(out, (const char *)data + at, len - at -
	    KZ_SYNC_BUNDLE_TRAILER);
	kz_buf_put(out, trailer, KZ_SYNC_BUNDLE_TRAILER);
	kz_buf_free(&head);
	if (out->oom) {
		kz_buf_free(out);
		return kz_err_add(err, "", _("out of memory"));
	}
	return KZ_OK;
}
