/* sync_bundle.c - a bundle's bytes: a text header, the changeset, a closing line with the checksum. */
#include "sync_bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zstd.h>

#include "i18n.h"
#include "sha256.h"
#include "sync_check.h"
#include "sync_key.h"

/*
 * A bundle (format 2) is a text header, the payload, and a closing line
 * that carries the Ed25519 signature of everything before it:
 *
 *	KIZUNA-BUNDLE 2
 *	organisation: CLAIR
 *	office: BJS
 *	role: office
 *	db: 8f3a09c1d2e4b5a6
 *	signer: <64 hex digits: the public key that signed it>
 *	sequence: 12
 *	created: 2026-11-21T10:00:00Z
 *	changes: 3
 *	count: specialist 1
 *	trust: BJS office <key>		(head office's only, sync_key.h)
 *	compressed: zstd 5678
 *	payload: 1234
 *
 *	<1234 bytes: the changeset, compressed to them from 5678>
 *	END <128 hex digits: the signature>
 *
 * The signature is checked, against the key enrolled for the office the
 * header names, before anything but the header is read: SQLite's
 * changeset reader (3.40) loops forever on some malformed changesets and
 * applies a changeset cut at a record boundary as a shorter valid one,
 * and a checksum anyone can recompute stops neither a forger nor a
 * relabelled header. Format 1 (a SHA-256 closing line, no signature) is
 * refused.
 */
#define MAGIC "KIZUNA-BUNDLE "
/* zstd's level: the first register bundle of the demo data (1.1 MB of
 * changeset) packs in well under a second at it */
#define ZLEVEL 9
/* Far above any office's whole register: a header cannot make the
 * reader allocate more. */
#define MAX_CHANGESET (1024L * 1024 * 1024)

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

int
kz_sync_bundle_write(struct kz_buf *b, struct kz_db *db, const char *dbid,
    const void *data, int size, struct kz_bundle_info *in,
    unsigned char fk[KZ_FILE_KEY], struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	unsigned char pk[KZ_KEY_PUBLIC];
	char now[32], tail[80];
	size_t zmax = ZSTD_compressBound((size_t)size), zlen;
	unsigned char *z;
	int taillen;

	if (cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	in->changes = kz_sync_bundle_describe(data, size, in->counts,
	    sizeof in->counts);
	/* nonce, the compressed changeset, the tag: sealed in place */
	if ((z = malloc(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + zmax +
	    crypto_aead_xchacha20poly1305_ietf_ABYTES)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	unsigned char *nonce = z, *body = z +
	    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	zlen = ZSTD_compress(body, zmax, data, (size_t)size, ZLEVEL);
	if (ZSTD_isError(zlen)) {
		free(z);
		return kz_err_add(err, "", _("cannot compress the bundle: %s"),
		    ZSTD_getErrorName(zlen));
	}
	crypto_aead_xchacha20poly1305_ietf_keygen(fk);
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	unsigned long long clen;
	unsigned char *sealed = malloc(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
	    + zlen + crypto_aead_xchacha20poly1305_ietf_ABYTES);
	if (sealed == NULL) {
		free(z);
		return kz_err_add(err, "", _("out of memory"));
	}
	memcpy(sealed, nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(sealed +
	    crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen, body, zlen,
	    NULL, 0, NULL, nonce, fk);
	free(z);
	z = sealed;
	size_t plen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
	    (size_t)clen;
	kz_now_utc(now);
	kz_buf_printf(b, MAGIC "%d\norganisation: %s\noffice: %s\nrole: %s\n"
	    "db: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
	    KZ_BUNDLE_FORMAT, cfg->organisation, cfg->office_id,
	    cfg->role == KZ_ROLE_HEAD ? "head" : "office", dbid, in->seq,
	    now, in->changes);
	if (in->counts[0])
		kz_buf_printf(b, "count: %s\n", in->counts);
	if (kz_sync_key_header(db, b, err)) {
		free(z);
		kz_buf_free(b);
		return KZ_ERROR;
	}
	taillen = snprintf(tail, sizeof tail, "compressed: zstd %d\npayload: "
	    "%zu\n\n", size, plen);
	if (finish(db, b, fk, tail, (size_t)taillen, z, plen, err)) {
		free(z);
		kz_buf_free(b);
		return KZ_ERROR;
	}
	free(z);
	content_sha((const unsigned char *)b->s, b->len - KZ_SYNC_BUNDLE_TRAILER,
	    in->sha256);
	snprintf(in->office, sizeof in->office, "%s", cfg->office_id);
	snprintf(in->created, sizeof in->created, "%s", now);
	in->bytes = b->len;
	return KZ_OK;
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
	bool zstd;
	bool sealed;
	bool unknown_codec;
};

/* The header's lines, up to the blank line, into in and *f; *at is where
 * the payload starts. */
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
		p = nl + 1;
		if (lineno == 1) {
			f->format = atoi(line + sizeof MAGIC - 1);
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
			in->seq = strtol(v, NULL, 10);
		else if ((v = header_value(line, "created")))
			snprintf(in->created, sizeof in->created, "%s", v);
		else if ((v = header_value(line, "changes")))
			in->changes = strtol(v, NULL, 10);
		else if ((v = header_value(line, "count")))
			snprintf(in->counts, sizeof in->counts, "%s", v);
		else if ((v = header_value(line, "sealed"))) {
			if (strcmp(v, "xchacha20poly1305") == 0)
				f->sealed = true;
			else
				f->unknown_codec = true;
		} else if ((v = header_value(line, "compressed"))) {
			if (strncmp(v, "zstd ", 5) == 0) {
				f->zstd = true;
				f->plain = strtol(v + 5, NULL, 10);
			} else
				f->unknown_codec = true;
		} else if ((v = header_value(line, "payload")))
			f->payload = strtol(v, NULL, 10);
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
	if (f->plain < 0 || f->plain > MAX_CHANGESET ||
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

int
kz_sync_verify(struct kz_db *db, const char *name, const unsigned char *data,
    size_t len, struct kz_bundle_info *in, size_t *header_len,
    void **changeset, int *csize, struct kz_err *err)
{
	struct frame f = { .payload = -1, .plain = -1 };
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG];
	size_t at = 0, n;
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
	if (f.format > KZ_BUNDLE_FORMAT)
		return kz_err_add(err, name, _("the bundle has format %d, newer "
		    "than this kizuna reads (%d): upgrade kizuna"), f.format,
		    KZ_BUNDLE_FORMAT);
	if (f.format < KZ_BUNDLE_FORMAT)
		return kz_err_add(err, name, _("the bundle has format %d, made by "
		    "a kizuna that did not sign its bundles: refused. Office %s "
		    "must upgrade kizuna and export again"), f.format,
		    in->office[0] ? in->office : "?");
	if (!in->organisation[0] || !in->office[0] || !in->db[0] ||
	    in->seq < 1 || in->changes < 0 || f.payload < 0 ||
	    f.unknown_codec ||
	    (strcmp(in->role, "head") != 0 && strcmp(in->role, "office") != 0))
		return kz_err_add(err, name, _("the bundle's header is "
		    "incomplete or damaged"));
	if (kz_sync_key_parse(f.signer, pk) != KZ_OK)
		return kz_err_add(err, name, _("the bundle is not signed: "
		    "refused"));
	/* payload, then "\nEND <signature>\n" exactly at the end */
	if ((unsigned long)f.payload > len ||
	    len != at + (size_t)f.payload + KZ_SYNC_BUNDLE_TRAILER)
		return kz_err_add(err, name, _("the bundle is %zu bytes where "
		    "its header promises %zu: it is cut short or has extra "
		    "data"), len, at + (size_t)f.payload + KZ_SYNC_BUNDLE_TRAILER);
	const char *trail = (const char *)data + at + f.payload;
	if (memcmp(trail, "\nEND ", 5) != 0 ||
	    trail[KZ_SYNC_BUNDLE_TRAILER - 1] != '\n' ||
	    sodium_hex2bin(sig, sizeof sig, trail + 5, 2 * KZ_KEY_SIG, NULL,
	    &n, NULL) != 0 || n != sizeof sig)
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
	char old[KZ_KEY_HEX];
	if (db && !(strcmp(in->role, "head") == 0 && db->cfg &&
	    db->cfg->role == KZ_ROLE_OFFICE && kz_sync_key_succeeds(db,
	    in->office, (const char *)data, at, pk, old)) &&
	    kz_sync_key_check(db, name, in->office, in->role, pk, err))
		return KZ_ERROR;
	if (crypto_sign_verify_detached(sig, data, at + (size_t)f.payload,
	    pk) != 0) {
		char fp[KZ_KEY_FP];
		kz_sync_key_fp(pk, fp);
		return kz_err_add(err, name, _("the bundle's signature (key %s "
		    "of office %s) does not match its contents: it was changed "
		    "or damaged after it was signed"), fp, in->office);
	}
	content_sha(data, at + (size_t)f.payload, in->sha256);
	/* offices send to head office, which passes their changes on */
	if (db && db->cfg && db->cfg->role == KZ_ROLE_OFFICE &&
	    strcmp(in->role, "head") != 0)
		return kz_err_add(err, name, _("the bundle comes from office %s: "
		    "an office's bundles go to head office, which passes their "
		    "changes on; only head office's bundles are imported at an "
		    "office"), in->office);
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

int
kz_sync_bundle_refresh(struct kz_db *db, const unsigned char *data,
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
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		if (nl == p) {
			at = nl + 1;
			break;
		}
		if (strncmp(p, "signer: ", 8) == 0) {
			fixed_end = p;
			same_signer = nl - p == 8 + 64 &&
			    memcmp(p + 8, own, 64) == 0;
		} else if (strncmp(p, "recipient: ", 11) == 0) {
			const char *sp = memchr(p + 11, ' ', (size_t)(nl - p));
			if (sp && nl - sp > 65)
				kz_buf_printf(&had, "%.*s\n", (int)(sp + 65 - p -
				    11), p + 11);
		} else if (strncmp(p, "compressed: ", 12) == 0 && tail == NULL)
			tail = p;
		p = nl + 1;
	}
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
