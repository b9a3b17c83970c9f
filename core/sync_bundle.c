/* sync_bundle.c - a bundle's bytes: a text header, the changeset, a closing line with the checksum. */
#include "sync_bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zstd.h>

#include "i18n.h"
#include "sha256.h"
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
		int more = sqlite3changeset_next(it) == SQLITE_ROW;
		if (more)
			sqlite3changeset_op(it, &t, &ncol, &op, &ind);
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
 * of everything before the signature but the signer line, so a bundle
 * signed again with a new key is still the same bundle. */
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
		if (strncmp((const char *)p, "signer: ", 8) != 0)
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

int
kz_sync_bundle_write(struct kz_buf *b, struct kz_db *db, const char *dbid,
    const void *data, int size, struct kz_bundle_info *in,
    struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG];
	char hex[2 * KZ_KEY_SIG + 1], now[32];
	size_t zmax = ZSTD_compressBound((size_t)size), zlen;
	void *z;

	if (cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	in->changes = kz_sync_bundle_describe(data, size, in->counts,
	    sizeof in->counts);
	if ((z = malloc(zmax ? zmax : 1)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	zlen = ZSTD_compress(z, zmax, data, (size_t)size, ZLEVEL);
	if (ZSTD_isError(zlen)) {
		free(z);
		return kz_err_add(err, "", _("cannot compress the bundle: %s"),
		    ZSTD_getErrorName(zlen));
	}
	kz_sync_key_hex(pk, hex);
	kz_now_utc(now);
	kz_buf_printf(b, MAGIC "%d\norganisation: %s\noffice: %s\nrole: %s\n"
	    "db: %s\nsigner: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
	    KZ_BUNDLE_FORMAT, cfg->organisation, cfg->office_id,
	    cfg->role == KZ_ROLE_HEAD ? "head" : "office", dbid, hex, in->seq,
	    now, in->changes);
	if (in->counts[0])
		kz_buf_printf(b, "count: %s\n", in->counts);
	if (kz_sync_key_header(db, b, err)) {
		free(z);
		kz_buf_free(b);
		return KZ_ERROR;
	}
	kz_buf_printf(b, "compressed: zstd %d\npayload: %zu\n\n", size, zlen);
	kz_buf_put(b, z, zlen);
	free(z);
	if (b->oom) {
		kz_buf_free(b);
		return kz_err_add(err, "", _("out of memory"));
	}
	if (kz_sync_key_sign(db, b->s, b->len, sig, err)) {
		kz_buf_free(b);
		return KZ_ERROR;
	}
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	kz_buf_printf(b, "\nEND %s\n", hex);
	if (b->oom) {
		kz_buf_free(b);
		return kz_err_add(err, "", _("out of memory"));
	}
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
		else if ((v = header_value(line, "compressed"))) {
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

/* The changeset out of the payload, checked against the header. */
static int
unpack(const char *name, const unsigned char *p, size_t n,
    const struct frame *f, void **out, int *outsize, struct kz_err *err)
{
	unsigned long long want;
	void *buf;
	size_t got;

	*out = NULL;
	*outsize = 0;
	if (!f->zstd) {
		if ((buf = malloc(n ? n : 1)) == NULL)
			return kz_err_add(err, name, _("out of memory"));
		memcpy(buf, p, n);
		*out = buf;
		*outsize = (int)n;
		return KZ_OK;
	}
	want = ZSTD_getFrameContentSize(p, n);
	if (f->plain < 0 || f->plain > MAX_CHANGESET ||
	    want != (unsigned long long)f->plain)
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	if ((buf = malloc(want ? (size_t)want : 1)) == NULL)
		return kz_err_add(err, name, _("out of memory"));
	got = ZSTD_decompress(buf, (size_t)want, p, n);
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
	if (db && kz_sync_key_check(db, name, in->office, in->role, pk, err))
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
	if (header_len)
		*header_len = at;
	if (changeset == NULL)
		return KZ_OK;
	if (unpack(name, data + at, (size_t)f.payload, &f, &cs, &cn, err))
		return KZ_ERROR;
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
kz_sync_bundle_resign(struct kz_db *db, unsigned char *data, size_t len,
    bool *resigned, struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], sig[KZ_KEY_SIG];
	char hex[2 * KZ_KEY_SIG + 1];
	unsigned char *line = NULL;
	size_t body;

	*resigned = false;
	if (len < KZ_SYNC_BUNDLE_TRAILER)
		return kz_err_add(err, "", _("the bundle kept here is damaged"));
	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	body = len - KZ_SYNC_BUNDLE_TRAILER;
	for (size_t i = 0; i + 8 + 64 < body; i++) {
		if ((i == 0 || data[i - 1] == '\n') &&
		    memcmp(data + i, "signer: ", 8) == 0) {
			line = data + i + 8;
			break;
		}
		if (i > 0 && data[i] == '\n' && data[i - 1] == '\n')
			break;
	}
	if (line == NULL)
		return kz_err_add(err, "", _("the bundle kept here is not "
		    "signed: it cannot be written again"));
	kz_sync_key_hex(pk, hex);
	if (memcmp(line, hex, 64) == 0)
		return KZ_OK;
	memcpy(line, hex, 64);
	if (kz_sync_key_sign(db, data, body, sig, err))
		return KZ_ERROR;
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	memcpy(data + body + 5, hex, 2 * KZ_KEY_SIG);
	*resigned = true;
	return KZ_OK;
}
