/* sync_key.h - who signs bundles: this database's key pair, the keys of others it believes. */
#ifndef KZ_SYNC_KEY_H
#define KZ_SYNC_KEY_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "db.h"

#define KZ_KEY_PUBLIC	32	/* Ed25519 public key, bytes */
#define KZ_KEY_SECRET	64	/* libsodium's secret key: seed and public */
#define KZ_KEY_SIG	64
#define KZ_KEY_HEX	65	/* a public key as 64 hex digits and NUL */
#define KZ_KEY_FP	20	/* "3F2A-91C0-77DE-1B04" and NUL */

/* A key this database believes (or did: revoked). */
struct kz_sync_key {
	char key[KZ_KEY_HEX];
	char fp[KZ_KEY_FP];
	char office[8];
	char role[8];		/* "office" or "head" */
	char enrolled[32];
	char source[8];		/* "here", or the head office it came from */
	char revoked[32];	/* "" while valid */
};

struct kz_sync_key_list {
	struct kz_sync_key *k;
	size_t n;
};

/* The short fingerprint of a public key, to read out on the phone. */
void kz_sync_key_fp(const unsigned char pk[KZ_KEY_PUBLIC], char fp[KZ_KEY_FP]);
/* 64 hex digits (either case) into pk; KZ_ERROR if it is not one. */
int kz_sync_key_parse(const char *text, unsigned char pk[KZ_KEY_PUBLIC]);
void kz_sync_key_hex(const unsigned char pk[KZ_KEY_PUBLIC],
    char out[KZ_KEY_HEX]);

/* The file that holds this database's private key: the database's path
 * and ".key"; "" for a database in memory. */
void kz_sync_key_path(const struct kz_db *db, char *out, size_t size);

/* This database's key pair, made (file mode 0600, public half recorded in
 * sync_meta 'key') the first time it is needed. A key file that others
 * may read, or that belongs to another database, is refused. */
int kz_sync_key_own(struct kz_db *db, unsigned char pk[KZ_KEY_PUBLIC],
    struct kz_err *err);
/* Sign data with this database's key. */
int kz_sync_key_sign(struct kz_db *db, const void *data, size_t len,
    unsigned char sig[KZ_KEY_SIG], struct kz_err *err);
/* Sign, with this database's key, what was fed to st (libsodium's
 * crypto_sign_init and _update: Ed25519ph, for a bundle too large to hold
 * whole). */
struct crypto_sign_ed25519ph_state;
int kz_sync_key_sign_final(struct kz_db *db,
    struct crypto_sign_ed25519ph_state *st, unsigned char sig[KZ_KEY_SIG],
    struct kz_err *err);
/* A new key pair in place of the old: a copy of the database (the
 * original keeps its key), a move to another office or a key that may
 * have been seen (revoke_old: the old public key is kept as revoked here,
 * and head office's bundles tell the offices). */
int kz_sync_key_renew(struct kz_db *db, bool revoke_old, struct kz_err *err);

/* Enrol office's public key (text as `kizuna sync key` shows it): at head
 * office an office's key, at an office head office's. *out says what was
 * enrolled; *again when it was enrolled already. */
int kz_sync_key_trust(struct kz_db *db, const char *office, const char *text,
    struct kz_sync_key *out, bool *again, struct kz_err *err);
/* Find the enrolled key of office that which names (its key or its
 * fingerprint, either case, dashes optional); KZ_ERROR naming the
 * office's keys if there is none or more than one. */
int kz_sync_key_find(struct kz_db *db, const char *office, const char *which,
    struct kz_sync_key *out, struct kz_err *err);
/* Revoke it: its bundles are refused from now on, here and, from head
 * office, at every office. */
int kz_sync_key_revoke(struct kz_db *db, const struct kz_sync_key *k,
    struct kz_err *err);
/* Every key believed or revoked, by office. */
int kz_sync_key_list(struct kz_db *db, struct kz_sync_key_list *l,
    struct kz_err *err);
void kz_sync_key_list_free(struct kz_sync_key_list *l);

/* May a bundle that says it comes from office in role be signed by pk?
 * KZ_ERROR, naming the office and the key's fingerprint, if pk is not
 * enrolled, is another office's, or is revoked. */
int kz_sync_key_check(struct kz_db *db, const char *name, const char *office,
    const char *role, const unsigned char pk[KZ_KEY_PUBLIC],
    struct kz_err *err);

/* Head office's bundles carry the keys head office believes and has
 * revoked, as header lines "trust: OFFICE ROLE KEY" and "revoked: OFFICE
 * ROLE KEY"; written into b here (nothing at an office). */
int kz_sync_key_header(struct kz_db *db, struct kz_buf *b, struct kz_err *err);
/* Head office's new key (sync key --new) is vouched for by its old one:
 * head office's header carries "succeeds: OLD NEW SIGNATURE" lines, the
 * old key's signature over the new, oldest first (the last eight). True
 * when pk, not known here, is reached by that chain from a head office
 * key of office believed here and not revoked; oldhex is the key before
 * it. Anyone holding the old key can vouch so: a head office key that
 * was stolen is replaced at each office by hand (sync trust, revoke). */
bool kz_sync_key_succeeds(struct kz_db *db, const char *office,
    const char *header, size_t len, const unsigned char pk[KZ_KEY_PUBLIC],
    char oldhex[KZ_KEY_HEX]);
/* Inside the import's transaction: the header's signer, vouched for so,
 * is enrolled as head office's key (source: the office) and the key
 * before it revoked. Nothing when the signer is known here. */
int kz_sync_key_succeed(struct kz_db *db, const char *office,
    const char *header, size_t len, struct kz_err *err);
/* An office learns them from head office's header (checked and signed):
 * keys it did not know are added, revocations applied. Inside the
 * caller's transaction. */
int kz_sync_key_learn(struct kz_db *db, const char *from,
    const char *header, size_t len, struct kz_err *err);

/* Demo databases side by side (demo-OFFICE.db) believe each other: this
 * database and the one at other_path, if one is head office and the other
 * an office, enrol each other's key (source "demo"). Fake data only:
 * real databases are paired by people (kizuna sync trust). A file that
 * is no such database is passed over. */
int kz_sync_key_pair_demo(struct kz_db *db, const char *other_path,
    struct kz_err *err);

#endif
