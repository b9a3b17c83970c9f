/* sync_key.c - who signs bundles: this database's key pair, the keys of others it believes. */
#include "sync_key.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "record.h"
#include "sync_meta.h"

/*
 * Every database has an Ed25519 key pair, made the first time it is
 * needed (the first open under a configuration, or the first export of
 * a database older than keys). The private key is a file beside the
 * database, DATABASE.key, mode 0600: never in the database, so no
 * bundle, copy of the register or backup of the database carries it. A
 * copy of the database (kz_home_open sees a new file) and a move to
 * another office get a new pair: a key names one database of one office.
 *
 * The keys of others are in sync_key: at head office the offices' keys,
 * enrolled by a person who checked the fingerprint with the office; at an
 * office head office's key, enrolled the same way, and the offices' keys
 * and revocations head office's bundles carry.
 */
#define FILE_HEAD "kizuna secret key: keep it here, never send it\n"

static int
ready(struct kz_err *err)
{
	if (sodium_init() < 0)
		return kz_err_add(err, "", _("the cryptography library cannot "
		    "start"));
	return KZ_OK;
}

void
kz_sync_key_fp(const unsigned char pk[KZ_KEY_PUBLIC], char fp[KZ_KEY_FP])
{
	unsigned char h[16];
	size_t n = 0;

	crypto_generichash(h, sizeof h, pk, KZ_KEY_PUBLIC, NULL, 0);
	for (int i = 0; i < 8; i++) {
		if (i && i % 2 == 0)
			fp[n++] = '-';
		n += (size_t)snprintf(fp + n, KZ_KEY_FP - n, "%02X", h[i]);
	}
	fp[n] = '\0';
}

void
kz_sync_key_hex(const unsigned char pk[KZ_KEY_PUBLIC], char out[KZ_KEY_HEX])
{
	sodium_bin2hex(out, KZ_KEY_HEX, pk, KZ_KEY_PUBLIC);
}

int
kz_sync_key_parse(const char *text, unsigned char pk[KZ_KEY_PUBLIC])
{
	size_t n;

	if (text == NULL || strlen(text) != 2 * KZ_KEY_PUBLIC)
		return KZ_ERROR;
	for (const char *p = text; *p; p++)
		if (!isxdigit((unsigned char)*p))
			return KZ_ERROR;
	if (sodium_hex2bin(pk, KZ_KEY_PUBLIC, text, strlen(text), NULL, &n,
	    NULL) != 0 || n != KZ_KEY_PUBLIC)
		return KZ_ERROR;
	return KZ_OK;
}

void
kz_sync_key_path(const struct kz_db *db, char *out, size_t size)
{
	out[0] = '\0';
	if (db->path && strcmp(db->path, ":memory:") != 0 && db->path[0])
		snprintf(out, size, "%s.key", db->path);
}

/* The key file: FILE_HEAD, then the 64-byte secret key in hex. */
static int
read_secret(const char *path, unsigned char sk[KZ_KEY_SECRET], bool *none,
    struct kz_err *err)
{
	char text[sizeof FILE_HEAD + 2 * KZ_KEY_SECRET + 8];
	struct stat sb;
	ssize_t got;
	size_t n;
	int fd;

	*none = false;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
		if (errno == ENOENT) {
			*none = true;
			return KZ_OK;
		}
		return kz_err_add(err, path, _("cannot read the key: %s"),
		    strerror(errno));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return kz_err_add(err, path, _("the key is not a plain file"));
	}
	if (sb.st_mode & 077) {
		close(fd);
		return kz_err_add(err, path, _("the private key can be read by "
		    "others (mode %04o): chmod 600 %s, and if others may have "
		    "read it, make a new one (kizuna sync key --new)"),
		    (unsigned)(sb.st_mode & 07777), path);
	}
	got = read(fd, text, sizeof text - 1);
	close(fd);
	if (got < 0)
		return kz_err_add(err, path, _("cannot read the key: %s"),
		    strerror(errno));
	text[got] = '\0';
	if (strncmp(text, FILE_HEAD, sizeof FILE_HEAD - 1) != 0 ||
	    sodium_hex2bin(sk, KZ_KEY_SECRET, text + sizeof FILE_HEAD - 1,
	    (size_t)got - (sizeof FILE_HEAD - 1), "\n", &n, NULL) != 0 ||
	    n != KZ_KEY_SECRET)
		return kz_err_add(err, path, _("the key file is damaged"));
	return KZ_OK;
}

/* Write the key file whole, mode 0600, then put it in place. */
static int
write_secret(const char *path, const unsigned char sk[KZ_KEY_SECRET],
    struct kz_err *err)
{
	char text[sizeof FILE_HEAD + 2 * KZ_KEY_SECRET + 2], tmp[4200];
	size_t len;
	int fd, e = 0;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.new", path) >= sizeof tmp)
		return kz_err_add(err, path, _("cannot write the key: %s"),
		    strerror(ENAMETOOLONG));
	len = (size_t)snprintf(text, sizeof text, "%s", FILE_HEAD);
	sodium_bin2hex(text + len, sizeof text - len, sk, KZ_KEY_SECRET);
	len = strlen(text);
	text[len++] = '\n';
	unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		return kz_err_add(err, tmp, _("cannot write the key: %s"),
		    strerror(errno));
	if (fchmod(fd, 0600) != 0 || write(fd, text, len) != (ssize_t)len ||
	    fsync(fd) != 0)
		e = errno ? errno : EIO;
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e == 0 && rename(tmp, path) != 0)
		e = errno;
	sodium_memzero(text, sizeof text);
	if (e != 0) {
		unlink(tmp);
		return kz_err_add(err, path, _("cannot write the key: %s"),
		    strerror(e));
	}
	return KZ_OK;
}

static int
set_public(struct kz_db *db, const unsigned char pk[KZ_KEY_PUBLIC],
    struct kz_err *err)
{
	char hex[KZ_KEY_HEX];

	kz_sync_key_hex(pk, hex);
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_sync_meta_set(db, "key", hex)) {
		kz_db_fail(db, err, "sync_meta");
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

/* A new pair into db->secret and its file. */
static int
make_pair(struct kz_db *db, struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], sk[KZ_KEY_SECRET];
	char path[4200];

	crypto_sign_keypair(pk, sk);
	kz_sync_key_path(db, path, sizeof path);
	if (path[0] && write_secret(path, sk, err)) {
		sodium_memzero(sk, sizeof sk);
		return KZ_ERROR;
	}
	memcpy(db->secret, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
	db->have_secret = true;
	return set_public(db, pk, err);
}

int
kz_sync_key_own(struct kz_db *db, unsigned char pk[KZ_KEY_PUBLIC],
    struct kz_err *err)
{
	unsigned char sk[KZ_KEY_SECRET], mine[KZ_KEY_PUBLIC];
	char path[4200], meta[80], fp[KZ_KEY_FP], fp2[KZ_KEY_FP];
	bool none;

	if (ready(err))
		return KZ_ERROR;
	if (!db->have_secret) {
		kz_sync_key_path(db, path, sizeof path);
		bool known = kz_sync_meta_get(db, "key", meta, sizeof meta) ==
		    KZ_OK && kz_sync_key_parse(meta, mine) == KZ_OK;
		if (!path[0])
			none = true;
		else if (read_secret(path, sk, &none, err))
			return KZ_ERROR;
		if (none) {
			/* new, older than keys, or a copy without its
			 * key: a pair of its own */
			if (make_pair(db, err))
				return KZ_ERROR;
		} else {
			if (known && memcmp(mine, sk + 32, KZ_KEY_PUBLIC) != 0) {
				kz_sync_key_fp(mine, fp);
				kz_sync_key_fp(sk + 32, fp2);
				sodium_memzero(sk, sizeof sk);
				return kz_err_add(err, path, _("this key (%s) is "
				    "not the database's (%s): it belongs to "
				    "another database. Move it away; the "
				    "database then gets a new key, to be "
				    "enrolled again"), fp2, fp);
			}
			memcpy(db->secret, sk, sizeof sk);
			sodium_memzero(sk, sizeof sk);
			db->have_secret = true;
			if (!known && set_public(db, db->secret + 32, err))
				return KZ_ERROR;
		}
	}
	memcpy(pk, db->secret + 32, KZ_KEY_PUBLIC);
	return KZ_OK;
}

int
kz_sync_key_sign(struct kz_db *db, const void *data, size_t len,
    unsigned char sig[KZ_KEY_SIG], struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC];

	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	crypto_sign_detached(sig, NULL, data, len, db->secret);
	return KZ_OK;
}

int
kz_sync_key_sign_final(struct kz_db *db, crypto_sign_state *st,
    unsigned char sig[KZ_KEY_SIG], struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC];

	if (kz_sync_key_own(db, pk, err))
		return KZ_ERROR;
	crypto_sign_final_create(st, sig, NULL, db->secret);
	return KZ_OK;
}

static const char *
own_role(const struct kz_db *db)
{
	return db->cfg && db->cfg->role == KZ_ROLE_HEAD ? "head" : "office";
}

/* Insert or revoke a key row; inside the caller's transaction. */
static int
put_key(struct kz_db *db, const char *key, const char *office,
    const char *role, const char *source, bool revoked, struct kz_err *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	kz_now_utc(now);
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_key (key, office, "
	    "role, enrolled, source, revoked) VALUES (?, ?, ?, ?, ?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET revoked = coalesce(revoked, "
	    "excluded.revoked)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync_key");
	kz_bind_text(st, 1, key);
	kz_bind_text(st, 2, office);
	kz_bind_text(st, 3, role);
	kz_bind_text(st, 4, now);
	kz_bind_text(st, 5, source);
	if (revoked)
		kz_bind_text(st, 6, now);
	else
		sqlite3_bind_null(st, 6);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sync_key");
}

/* What a head office's old key signs to vouch for its new one. */
static void
succession_text(const char *office, const char *newhex, char *out,
    size_t size)
{
	snprintf(out, size, "kizuna key succession\noffice: %s\nrole: head\n"
	    "key: %s\n", office, newhex);
}

/* Head office's successions, "OLD NEW SIGNATURE" a line, oldest first,
 * the last SUCCESSIONS kept: an office that missed a bundle or two still
 * follows the chain. */
#define SUCCESSIONS 8
#define SUCCESSION_LINE (2 * KZ_KEY_PUBLIC * 2 + 2 * KZ_KEY_SIG + 3)

static int
add_succession(struct kz_db *db, const unsigned char oldsk[KZ_KEY_SECRET],
    const char *oldhex, struct kz_err *err)
{
	char have[SUCCESSIONS * (SUCCESSION_LINE + 1) + 1] = "", text[256];
	char newhex[KZ_KEY_HEX], sighex[2 * KZ_KEY_SIG + 1], *keep = have;
	unsigned char sig[KZ_KEY_SIG];
	struct kz_buf b = { 0 };
	int lines = 0, rc;

	kz_sync_key_hex(db->secret + 32, newhex);
	succession_text(db->cfg ? db->cfg->office_id : "", newhex, text,
	    sizeof text);
	crypto_sign_detached(sig, NULL, (const unsigned char *)text,
	    strlen(text), oldsk);
	sodium_bin2hex(sighex, sizeof sighex, sig, sizeof sig);
	kz_sync_meta_get(db, "succession", have, sizeof have);
	for (const char *p = have; *p; p++)
		lines += *p == '\n';
	while (lines-- >= SUCCESSIONS && strchr(keep, '\n'))
		keep = strchr(keep, '\n') + 1;
	kz_buf_printf(&b, "%s%s %s %s\n", keep, oldhex, newhex, sighex);
	rc = b.oom || kz_sync_meta_set(db, "succession", kz_buf_str(&b)) ?
	    kz_db_fail(db, err, "sync_meta") : KZ_OK;
	kz_buf_free(&b);
	return rc;
}

int
kz_sync_key_renew(struct kz_db *db, bool revoke_old, struct kz_err *err)
{
	unsigned char old[KZ_KEY_PUBLIC], oldsk[KZ_KEY_SECRET];
	char hex[KZ_KEY_HEX];
	bool had, vouch = false;
	int rc;

	if (ready(err))
		return KZ_ERROR;
	had = kz_sync_meta_get(db, "key", hex, sizeof hex) == KZ_OK &&
	    kz_sync_key_parse(hex, old) == KZ_OK;
	/* head office's old key vouches for its new one, so that the
	 * offices take it from the next bundle (kz_sync_key_succeeds) */
	struct kz_err none = { 0 };	/* no old key to vouch: no matter */
	if (had && revoke_old && db->cfg && db->cfg->role == KZ_ROLE_HEAD &&
	    kz_sync_key_own(db, old, &none) == KZ_OK) {
		memcpy(oldsk, db->secret, sizeof oldsk);
		vouch = true;
	}
	if (make_pair(db, err)) {
		sodium_memzero(oldsk, sizeof oldsk);
		return KZ_ERROR;
	}
	if (!had || !revoke_old)
		return KZ_OK;
	/* the old key is revoked here; head office's bundles say so */
	if (kz_db_begin(db, err)) {
		sodium_memzero(oldsk, sizeof oldsk);
		return KZ_ERROR;
	}
	rc = put_key(db, hex, db->cfg ? db->cfg->office_id : "", own_role(db),
	    "here", true, err);
	if (rc == KZ_OK && vouch)
		rc = add_succession(db, oldsk, hex, err);
	sodium_memzero(oldsk, sizeof oldsk);
	return kz_db_end(db, rc, err);
}

static void
row_key(sqlite3_stmt *st, struct kz_sync_key *k)
{
	unsigned char pk[KZ_KEY_PUBLIC];

	memset(k, 0, sizeof *k);
	kz_col_copy(st, 0, k->key, sizeof k->key);
	kz_col_copy(st, 1, k->office, sizeof k->office);
	kz_col_copy(st, 2, k->role, sizeof k->role);
	kz_col_copy(st, 3, k->enrolled, sizeof k->enrolled);
	kz_col_copy(st, 4, k->source, sizeof k->source);
	kz_col_copy(st, 5, k->revoked, sizeof k->revoked);
	if (kz_sync_key_parse(k->key, pk) == KZ_OK)
		kz_sync_key_fp(pk, k->fp);
}

#define KEY_COLS "key, office, role, enrolled, source, coalesce(revoked, '')"

static int
get_key(struct kz_db *db, const char *hex, struct kz_sync_key *k)
{
	sqlite3_stmt *st;
	int rc = KZ_ERROR;

	if (sqlite3_prepare_v2(db->sql, "SELECT " KEY_COLS " FROM sync_key "
	    "WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	kz_bind_text(st, 1, hex);
	if (sqlite3_step(st) == SQLITE_ROW) {
		row_key(st, k);
		rc = KZ_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bool
office_id_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
	return true;
}

int
kz_sync_key_trust(struct kz_db *db, const char *office, const char *text,
    struct kz_sync_key *out, bool *again, struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], mine[KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX];
	const char *role;

	*again = false;
	if (ready(err))
		return KZ_ERROR;
	if (db->cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	if (!office_id_ok(office))
		return kz_err_add(err, "OFFICE", _("\"%s\" is not an office id "
		    "(2 to 4 capital letters)"), office);
	if (kz_sync_key_parse(text, pk))
		return kz_err_add(err, "KEY", _("\"%s\" is not a public key: "
		    "64 hex digits, as `kizuna sync key` shows them"), text);
	role = db->cfg->role == KZ_ROLE_HEAD ? "office" : "head";
	if (strcmp(office, db->cfg->office_id) == 0)
		return kz_err_add(err, "OFFICE", _("%s is this database's own "
		    "office: its key is enrolled elsewhere, not here"), office);
	if (kz_sync_key_own(db, mine, err))
		return KZ_ERROR;
	if (memcmp(pk, mine, sizeof pk) == 0)
		return kz_err_add(err, "KEY", _("this is this database's own "
		    "key"));
	kz_sync_key_hex(pk, hex);
	if (get_key(db, hex, out) == KZ_OK) {
		if (out->revoked[0])
			return kz_err_add(err, "KEY", _("key %s of office %s was "
			    "revoked on %s: a revoked key is never enrolled "
			    "again"), out->fp, out->office, out->revoked);
		if (strcmp(out->office, office) != 0 ||
		    strcmp(out->role, role) != 0)
			return kz_err_add(err, "KEY", _("key %s is enrolled for "
			    "office %s already"), out->fp, out->office);
		*again = true;
		return KZ_OK;
	}
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_db_end(db, put_key(db, hex, office, role, "here", false, err),
	    err))
		return KZ_ERROR;
	return get_key(db, hex, out) == KZ_OK ? KZ_OK :
	    kz_db_fail(db, err, "sync_key");
}

/* "3f2a91c077de1b04" from "3F2A-91C0-77DE-1B04" and the like. */
static void
squeeze(const char *in, char *out, size_t size)
{
	size_t n = 0;

	for (; *in && n + 1 < size; in++)
		if (*in != '-' && *in != ' ' && *in != ':')
			out[n++] = (char)tolower((unsigned char)*in);
	out[n] = '\0';
}

int
kz_sync_key_find(struct kz_db *db, const char *office, const char *which,
    struct kz_sync_key *out, struct kz_err *err)
{
	struct kz_sync_key_list l;
	char want[80], have[80];
	size_t found = 0;

	if (ready(err) || kz_sync_key_list(db, &l, err))
		return KZ_ERROR;
	squeeze(which, want, sizeof want);
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.k[i].office, office) != 0)
			continue;
		squeeze(l.k[i].fp, have, sizeof have);
		if (strcmp(want, l.k[i].key) == 0 || strcmp(want, have) == 0) {
			*out = l.k[i];
			found++;
		}
	}
	kz_sync_key_list_free(&l);
	if (found == 1)
		return KZ_OK;
	return kz_err_add(err, "KEY", _("office %s has no key %s here (kizuna "
	    "sync keys lists them)"), office, which);
}

int
kz_sync_key_revoke(struct kz_db *db, const struct kz_sync_key *k,
    struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, put_key(db, k->key, k->office, k->role, "here",
	    true, err), err);
}

int
kz_sync_key_list(struct kz_db *db, struct kz_sync_key_list *l,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	memset(l, 0, sizeof *l);
	if (ready(err))
		return KZ_ERROR;
	if (sqlite3_prepare_v2(db->sql, "SELECT " KEY_COLS " FROM sync_key "
	    "ORDER BY office, revoked IS NOT NULL, enrolled", -1, &st, NULL) !=
	    SQLITE_OK)
		return kz_db_fail(db, err, "sync_key");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_sync_key *k = realloc(l->k, (l->n + 1) * sizeof *k);
		if (k == NULL) {
			sqlite3_finalize(st);
			kz_sync_key_list_free(l);
			return kz_err_add(err, "", _("out of memory"));
		}
		l->k = k;
		row_key(st, &l->k[l->n++]);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

void
kz_sync_key_list_free(struct kz_sync_key_list *l)
{
	free(l->k);
	l->k = NULL;
	l->n = 0;
}

int
kz_sync_key_check(struct kz_db *db, const char *name, const char *office,
    const char *role, const unsigned char pk[KZ_KEY_PUBLIC],
    struct kz_err *err)
{
	struct kz_sync_key k;
	char hex[KZ_KEY_HEX], fp[KZ_KEY_FP];

	kz_sync_key_hex(pk, hex);
	kz_sync_key_fp(pk, fp);
	char mine[80];
	if (kz_sync_meta_get(db, "key", mine, sizeof mine) == KZ_OK &&
	    strcmp(mine, hex) == 0)
		return kz_err_add(err, name, _("this bundle was made by this "
		    "database"));
	if (get_key(db, hex, &k) != KZ_OK)
		return kz_err_add(err, name, _("the bundle is signed by key %s, "
		    "which is not enrolled here for office %s: refused. Check "
		    "the fingerprint with office %s by phone, then enrol the "
		    "key: kizuna sync trust %s KEY"), fp, office, office,
		    office);
	if (strcmp(k.office, office) != 0)
		return kz_err_add(err, name, _("the bundle says it comes from "
		    "office %s but is signed by key %s, which is office %s's: "
		    "refused"), office, fp, k.office);
	if (strcmp(k.role, role) != 0)
		return kz_err_add(err, name, _("the bundle says it comes from "
		    "%s %s but is signed by key %s, which is enrolled for %s "
		    "%s: refused"), strcmp(role, "head") == 0 ?
		    _("head office") : _("office"), office, fp,
		    strcmp(k.role, "head") == 0 ? _("head office") :
		    _("office"), k.office);
	if (k.revoked[0])
		return kz_err_add(err, name, _("the bundle is signed by key %s "
		    "of office %s, revoked on %s: refused"), fp, office,
		    k.revoked);
	return KZ_OK;
}

int
kz_sync_key_header(struct kz_db *db, struct kz_buf *b, struct kz_err *err)
{
	struct kz_sync_key_list l;
	char chain[SUCCESSIONS * (SUCCESSION_LINE + 1) + 1] = "";

	if (db->cfg == NULL || db->cfg->role != KZ_ROLE_HEAD)
		return KZ_OK;
	if (kz_sync_key_list(db, &l, err))
		return KZ_ERROR;
	for (size_t i = 0; i < l.n; i++)
		kz_buf_printf(b, "%s: %s %s %s\n", l.k[i].revoked[0] ?
		    "revoked" : "trust", l.k[i].office, l.k[i].role,
		    l.k[i].key);
	kz_sync_key_list_free(&l);
	kz_sync_meta_get(db, "succession", chain, sizeof chain);
	for (char *p = chain, *nl; *p && (nl = strchr(p, '\n')); p = nl + 1)
		kz_buf_printf(b, "succeeds: %.*s\n", (int)(nl - p), p);
	return KZ_OK;
}

/* One "succeeds: OLD NEW SIGNATURE" line of head office's header. */
static bool
succession_line(const char *line, unsigned char old[KZ_KEY_PUBLIC],
    unsigned char new[KZ_KEY_PUBLIC], unsigned char sig[KZ_KEY_SIG])
{
	char o[80], n[80], s[2 * KZ_KEY_SIG + 8];
	size_t len;

	if (strncmp(line, "succeeds: ", 10) != 0 ||
	    sscanf(line + 10, "%79s %79s %135s", o, n, s) != 3 ||
	    kz_sync_key_parse(o, old) != KZ_OK ||
	    kz_sync_key_parse(n, new) != KZ_OK ||
	    sodium_hex2bin(sig, KZ_KEY_SIG, s, strlen(s), NULL, &len, NULL) !=
	    0 || len != KZ_KEY_SIG)
		return false;
	return true;
}

bool
kz_sync_key_succeeds(struct kz_db *db, const char *office,
    const char *header, size_t len, const unsigned char pk[KZ_KEY_PUBLIC],
    char oldhex[KZ_KEY_HEX])
{
	/* the keys reached so far: enrolled ones, then each vouched for */
	unsigned char reached[SUCCESSIONS][KZ_KEY_PUBLIC];
	int nreached = 0;
	const char *p = header, *end = header + len;

	oldhex[0] = '\0';
	{
		struct kz_sync_key k;
		char hex[KZ_KEY_HEX];

		kz_sync_key_hex(pk, hex);
		if (get_key(db, hex, &k) == KZ_OK && k.revoked[0])
			return false;	/* revoked since: no chain saves it */
	}
	while (p < end && nreached < SUCCESSIONS) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		unsigned char old[KZ_KEY_PUBLIC], new[KZ_KEY_PUBLIC],
		    sig[KZ_KEY_SIG];
		char line[400], hex[KZ_KEY_HEX], text[256];
		struct kz_sync_key k;
		bool from = false;

		p += n + 1;
		if (n >= sizeof line)
			continue;
		memcpy(line, p - n - 1, n);
		line[n] = '\0';
		if (!succession_line(line, old, new, sig))
			continue;
		kz_sync_key_hex(old, hex);
		/* an old key that is head office's, believed here, or one
		 * the chain reached */
		if (get_key(db, hex, &k) == KZ_OK && !k.revoked[0] &&
		    strcmp(k.role, "head") == 0 && strcmp(k.office, office) == 0)
			from = true;
		for (int i = 0; i < nreached && !from; i++)
			from = memcmp(reached[i], old, sizeof old) == 0;
		kz_sync_key_hex(new, hex);
		succession_text(office, hex, text, sizeof text);
		if (!from || crypto_sign_verify_detached(sig,
		    (const unsigned char *)text, strlen(text), old) != 0)
			continue;
		memcpy(reached[nreached++], new, sizeof new);
		if (memcmp(new, pk, sizeof new) == 0) {
			kz_sync_key_hex(old, oldhex);
			return true;
		}
	}
	return false;
}

int
kz_sync_key_succeed(struct kz_db *db, const char *office,
    const char *header, size_t len, struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX], old[KZ_KEY_HEX];
	const char *p = header, *end = header + len;
	struct kz_sync_key k;

	/* the signer's line: checked against the signature already */
	while (p < end && strncmp(p, "signer: ", 8) != 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	if (end - p < 8 + 64)
		return KZ_OK;
	memcpy(hex, p + 8, 64);
	hex[64] = '\0';
	if (kz_sync_key_parse(hex, pk) != KZ_OK)
		return KZ_OK;
	kz_sync_key_hex(pk, hex);
	if (get_key(db, hex, &k) == KZ_OK)
		return KZ_OK;		/* known already */
	/* checked again here, inside the import's transaction; the keys
	 * before it are revoked by the header's "revoked:" lines */
	if (!kz_sync_key_succeeds(db, office, header, len, pk, old))
		return KZ_OK;
	if (put_key(db, hex, office, "head", office, false, err) ||
	    put_key(db, old, office, "head", office, true, err))
		return KZ_ERROR;
	return KZ_OK;
}

int
kz_sync_key_learn(struct kz_db *db, const char *from, const char *header,
    size_t len, struct kz_err *err)
{
	const char *p = header, *end = header + len;
	unsigned char pk[KZ_KEY_PUBLIC], mine[KZ_KEY_PUBLIC];
	bool have_mine = db->have_secret;

	if (have_mine)
		memcpy(mine, db->secret + 32, sizeof mine);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		char line[200], office[8], role[8], hex[80];
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		bool revoked;

		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
		} else
			line[0] = '\0';
		p += n + 1;
		if (strncmp(line, "trust: ", 7) == 0)
			revoked = false;
		else if (strncmp(line, "revoked: ", 9) == 0)
			revoked = true;
		else
			continue;
		if (sscanf(strchr(line, ' ') + 1, "%7s %7s %79s", office, role,
		    hex) != 3 || !office_id_ok(office) ||
		    (strcmp(role, "head") != 0 && strcmp(role, "office") != 0) ||
		    kz_sync_key_parse(hex, pk) != KZ_OK)
			continue;	/* a line of a later format */
		kz_sync_key_hex(pk, hex);
		/* a key enrolled here by a person stays as it is, but for
		 * a revocation */
		struct kz_sync_key k;
		if (get_key(db, hex, &k) == KZ_OK && (!revoked || k.revoked[0]))
			continue;
		if (!revoked && have_mine && memcmp(pk, mine, sizeof pk) == 0)
			continue;
		if (put_key(db, hex, office, role, from, revoked, err))
			return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_sync_key_pair_demo(struct kz_db *db, const char *other_path,
    struct kz_err *err)
{
	unsigned char pk[KZ_KEY_PUBLIC], opk[KZ_KEY_PUBLIC];
	char mine[KZ_KEY_HEX], theirs[80] = "", office[8] = "", role[8] = "";
	const char *add = "INSERT INTO sync_key (key, office, role, enrolled, "
	    "source) VALUES (?, ?, ?, ?, 'demo') ON CONFLICT (key) DO NOTHING";
	sqlite3 *o = NULL;
	sqlite3_stmt *st;
	char now[32];
	int rc = KZ_OK;

	if (db->cfg == NULL || kz_sync_key_own(db, pk, err))
		return db->cfg == NULL ? KZ_OK : KZ_ERROR;
	kz_sync_key_hex(pk, mine);
	kz_now_utc(now);
	if (sqlite3_open_v2(other_path, &o, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		goto done;
	sqlite3_busy_timeout(o, 2000);
	if (sqlite3_prepare_v2(o, "SELECT (SELECT value FROM sync_meta WHERE "
	    "key = 'key'), office, role FROM sync_home ORDER BY n DESC LIMIT 1",
	    -1, &st, NULL) != SQLITE_OK)
		goto done;
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, theirs, sizeof theirs);
		kz_col_copy(st, 1, office, sizeof office);
		kz_col_copy(st, 2, role, sizeof role);
	}
	sqlite3_finalize(st);
	if (kz_sync_key_parse(theirs, opk) != KZ_OK ||
	    strcmp(role, own_role(db)) == 0 ||
	    (strcmp(role, "head") != 0 && strcmp(role, "office") != 0) ||
	    strcmp(office, db->cfg->office_id) == 0)
		goto done;
	kz_sync_key_hex(opk, theirs);
	/* theirs here */
	if (kz_db_begin(db, err))
		goto fail;
	if (sqlite3_prepare_v2(db->sql, add, -1, &st, NULL) != SQLITE_OK) {
		kz_db_fail(db, err, "sync_key");
		kz_db_rollback(db);
		goto fail;
	}
	kz_bind_text(st, 1, theirs);
	kz_bind_text(st, 2, office);
	kz_bind_text(st, 3, role);
	kz_bind_text(st, 4, now);
	rc = sqlite3_step(st) == SQLITE_DONE ? KZ_OK : KZ_ERROR;
	sqlite3_finalize(st);
	if (rc != KZ_OK)
		kz_db_fail(db, err, "sync_key");
	if (kz_db_end(db, rc, err))
		goto fail;
	/* ours there */
	if (sqlite3_prepare_v2(o, add, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, mine, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, db->cfg->office_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, own_role(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
done:
	sqlite3_close(o);
	return KZ_OK;
fail:
	sqlite3_close(o);
	return KZ_ERROR;
}
