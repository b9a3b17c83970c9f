/* sync_bundle.c - a bundle written: its header, the changes in sealed chunks, a closing line with the signature; one kept here, signed again. */
#include "sync_bundle.h"

#include <errno.h>
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
#include "sync_frame.h"
#include "sync_key.h"

/* The format is told in sync_frame.h; sync_verify.c reads it. */

/* zstd's level: the first register bundle of the demo data (1.1 MB of
 * changeset) packs in well under a second at it */
#define ZLEVEL 9

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

/* ---- format 3: the payload written a chunk at a time ---- */

void
kz_bundle_tally_one(struct kz_bundle_tally *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->k; i++)
		if (strcmp(t->name[i], name) == 0)
			break;
	if (i == t->k) {
		if (t->k == KZ_BUNDLE_TABLES) {
			t->over = true;
			return;
		}
		snprintf(t->name[t->k++], sizeof t->name[0], "%s", name);
	}
	t->n[i]++;
	t->total++;
}

void
kz_bundle_tally_change(struct kz_bundle_tally *t, sqlite3_changeset_iter *it)
{
	const char *name;
	int ncol, op, ind;

	if (sqlite3changeset_op(it, &name, &ncol, &op, &ind) == SQLITE_OK)
		kz_bundle_tally_one(t, name);
	kz_sync_records_add(&t->rec, it);
}

void
kz_bundle_tally_free(struct kz_bundle_tally *t)
{
	kz_sync_records_free(&t->rec);
}

int
kz_bundle_tally_add(struct kz_bundle_tally *t, const void *data, int size)
{
	sqlite3_changeset_iter *it;

	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return KZ_ERROR;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		kz_bundle_tally_change(t, it);
	return sqlite3changeset_finalize(it) == SQLITE_OK ? KZ_OK : KZ_ERROR;
}

void
kz_bundle_tally_str(const struct kz_bundle_tally *t, char *out, size_t outsz)
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
	struct kz_bundle_tally tally;
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
	kz_bundle_tally_change(&o->tally, it);
	return o->piece.oom ? kz_err_add(a->err, "", _("out of memory")) :
	    KZ_OK;
}

int
kz_sync_bundle_begin(struct kz_bundle_out **out, const char *path,
    struct kz_err *err)
{
	struct kz_bundle_out *o;
	unsigned char h[crypto_secretstream_xchacha20poly1305_HEADERBYTES];

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
	if ((o->fd = kz_file_scratch(path, "bundle")) < 0) {
		kz_err_add(err, o->place, _("cannot write the bundle: %s"),
		    strerror(errno));
		ZSTD_freeCCtx(o->z);
		free(o);
		return KZ_ERROR;
	}
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
	kz_bundle_tally_add(&o->tally, data, size);	/* as far as it reads */
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
	kz_bundle_tally_free(&o->tally);
	sodium_memzero(o->fk, sizeof o->fk);
	sodium_memzero(&o->ss, sizeof o->ss);
	free(o);
}

const struct kz_bundle_src *
kz_sync_bundle_payload(const struct kz_bundle_out *o)
{
	return &o->src;
}

int
kz_bundle_sign_put(void *arg, const void *p, size_t n)
{
	struct kz_bundle_sign *s = arg;

	if (s->sign)
		crypto_sign_update(s->sign, p, n);
	if (s->sha)
		kz_sha256_update(s->sha, p, n);
	return 0;
}

/* a line at a time, as content_sha (sync_verify.c) takes the whole */
void
kz_bundle_sha_header(struct kz_sha256 *c, const char *h, size_t len)
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
	struct kz_bundle_sign sink = { .sign = &st, .sha = &c };

	if (kz_sync_key_own(db, pk, err) || recipients(db, &l, err)) {
		kz_buf_free(&l);
		return KZ_ERROR;
	}
	kz_sync_key_hex(pk, hex);
	kz_buf_printf(head, "signer: %s\nsealed: %s\n", hex, KZ_BUNDLE_STREAM);
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
	kz_bundle_sha_header(&c, head->s, head->len);
	if (kz_sync_bundle_copy(src, off, plen, kz_bundle_sign_put, &sink) != 0)
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
	kz_bundle_tally_str(&o->tally, in->counts, sizeof in->counts);
	kz_sync_records_info(&o->tally.rec, in);
	memcpy(fk, o->fk, KZ_FILE_KEY);
	kz_now_utc(now);
	kz_buf_printf(head, KZ_BUNDLE_MAGIC "%d\norganisation: %s\n"
	    "office: %s\nrole: %s\ndb: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
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

/* ---- a bundle kept here, signed and sealed again ---- */

/* Format 2: everything after the fixed header lines: signer, sealing,
 * recipients, tail (the "compressed" and "payload" lines and the blank
 * line), the payload, the signature. */
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
	if (src->len < KZ_SYNC_BUNDLE_TRAILER ||
	    kz_bundle_read_head("", src, &h, &e)) {
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
	if (kz_bundle_format_of(&src) != 3)
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
