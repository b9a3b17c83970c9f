/* sync_verify.c - a bundle read: its header, signer and signature checked before anything else, then its changes, a chunk at a time. */
#include "sync_bundle.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zstd.h>

#include "file.h"
#include "i18n.h"
#include "sha256.h"
#include "sync_check.h"
#include "sync_frame.h"
#include "sync_key.h"
#include "text.h"

/* Far above any office's whole register: a header cannot make the
 * reader allocate more. */
#define MAX_CHANGESET (1024L * 1024 * 1024)
/* Format 3: the most a header, a chunk of changes and its sealed bytes
 * may be (a reader allocates no more). */
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
 * the payload starts. A line with a control character (C0, DEL, C1) or
 * what is not UTF-8 is damage or a forgery, never kizuna's: refused
 * before any of it is shown. */
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
		if (!kz_utf8_valid(p, (size_t)(nl - p)))
			return kz_err_add(err, name, _("the bundle's header is "
			    "not UTF-8 text in line %d: it is damaged"), lineno);
		for (const unsigned char *c = (const unsigned char *)p;
		    c < (const unsigned char *)nl; c++)
			if (*c < 0x20 || *c == 0x7f ||
			    (c[0] == 0xc2 && c[1] >= 0x80 && c[1] < 0xa0))
				return kz_err_add(err, name, _("the bundle's "
				    "header has a control character in line %d: "
				    "it is damaged"), lineno);
		p = nl + 1;
		if (lineno == 1) {
			long v1 = header_number(line + sizeof KZ_BUNDLE_MAGIC - 1);

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
			else if (strcmp(v, KZ_BUNDLE_STREAM) == 0)
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
 * key: none is a bundle not sealed to this database; one that does not
 * open (its sealed key cut, changed, or sealed to another key under
 * this one's name) is damaged, signed or not. */
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
	bool found = false;
	size_t n;
	int rc = KZ_ERROR;

	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	kz_sync_key_hex(pk, own);
	kz_sync_key_fp(pk, fp);
	while (p < end && !found) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		const char *sp = strncmp(p, "recipient: ", 11) == 0 ?
		    memchr(p + 11, ' ', (size_t)(nl - p - 11)) : NULL;
		/* "recipient: OFFICE KEY SEALED", KEY this database's */
		found = sp && nl - sp > 65 && memcmp(sp + 1, own, 64) == 0 &&
		    sp[65] == ' ';
		if (found && nl - sp == 1 + 64 + 1 + 2 * (long)sizeof c &&
		    sodium_hex2bin(c, sizeof c, sp + 66, 2 * sizeof c, NULL, &n,
		    NULL) == 0 && n == sizeof c &&
		    crypto_sign_ed25519_pk_to_curve25519(xpk, pk) == 0 &&
		    crypto_sign_ed25519_sk_to_curve25519(xsk, db->secret) == 0)
			rc = crypto_box_seal_open(fk, c, sizeof c, xpk, xsk) == 0 ?
			    KZ_OK : KZ_ERROR;
		p = nl + 1;
	}
	sodium_memzero(xsk, sizeof xsk);
	if (rc == KZ_OK)
		return KZ_OK;
	if (found)
		return kz_err_add(err, name, _("the bundle's file key, sealed "
		    "to this database's key %s, is damaged: it cannot be "
		    "unwrapped. Office %s must write the bundle again (kizuna "
		    "sync export --again N)"), fp, from);
	return kz_err_add(err, name, _("the bundle is sealed, and not for "
	    "this database (key %s): office %s must enrol this database's "
	    "key and write the bundle again (kizuna sync export --again N)"),
	    fp, from);
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
	if (len < sizeof KZ_BUNDLE_MAGIC - 1 ||
	    memcmp(data, KZ_BUNDLE_MAGIC, sizeof KZ_BUNDLE_MAGIC - 1) != 0)
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

/* ---- reading format 3 a chunk at a time ---- */

/* The header, up to and with the blank line, into head (at most
 * MAX_HEADER bytes). */
int
kz_bundle_read_head(const char *name, const struct kz_bundle_src *src,
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
 * checksum). The records they are to go in in->records and in->kinds. */
static int
unpack_v3(struct kz_db *db, const char *name, const struct kz_buf *head,
    size_t at, const struct kz_bundle_src *src, const struct frame *f,
    struct kz_bundle_info *in, void **out, int *outsize, int outfd,
    struct kz_err *err)
{
	unsigned char fk[KZ_FILE_KEY];
	unsigned char ssh[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	unsigned char len4[4], d[32], tag = 0;
	crypto_secretstream_xchacha20poly1305_state ss;
	unsigned char *c = NULL, *m = NULL, *cs = NULL;
	size_t off = at, pend = at + (size_t)f->payload, total = 0, cap = 0;
	struct kz_sha256 sha;
	struct kz_bundle_tally t = { 0 };
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
	kz_bundle_sha_header(&sha, head->s, at);
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
		if (kz_bundle_tally_add(&t, cs + base, (int)want) != KZ_OK) {
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
	kz_bundle_tally_str(&t, counts, sizeof counts);
	if (i != f->chunks || total != (size_t)f->plain || t.over ||
	    t.total != in->changes || strcmp(counts, in->counts) != 0) {
		kz_err_add(err, name, _("the bundle's contents do not match its "
		    "header"));
		goto out;
	}
	kz_sync_records_info(&t.rec, in);
	if (outfd < 0) {
		*out = cs;
		cs = NULL;
	}
	*outsize = (int)total;
	rc = KZ_OK;
out:
	kz_bundle_tally_free(&t);
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
	struct kz_bundle_sign sink = { .sign = &st, .sha = &sha };

	if (kz_bundle_read_head(name, src, head, err) ||
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
	kz_bundle_sha_header(&sha, head->s, at);
	if (kz_sync_bundle_copy(src, at, (size_t)f.payload, kz_bundle_sign_put,
	    &sink) != 0)
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
int
kz_bundle_format_of(const struct kz_bundle_src *src)
{
	char line[32];
	long v;
	size_t n = src->len < sizeof line - 1 ? src->len : sizeof line - 1;

	if (n < sizeof KZ_BUNDLE_MAGIC - 1 || src->read(src->arg, 0, line, n) != 0)
		return 0;
	line[n] = '\0';
	if (memcmp(line, KZ_BUNDLE_MAGIC, sizeof KZ_BUNDLE_MAGIC - 1) != 0)
		return 0;
	line[strcspn(line, "\n")] = '\0';
	v = header_number(line + sizeof KZ_BUNDLE_MAGIC - 1);
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
	if ((format = kz_bundle_format_of(src)) < 1)
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
		if (kz_bundle_read_head(name, src, &h, &e) == KZ_OK)
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
