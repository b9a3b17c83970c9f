/* test_sync_key.c - signing keys: made 0600 beside the database, enrolled, checked, revoked, learnt from head office, renewed. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "home.h"
#include "sync.h"
#include "sync_bundle.h"
#include "sync_key.h"
#include "sync_meta.h"

static const char head_conf[] =
    "office:\n  id: TYO\n  name: Tokyo\n  role: head\n";
static const char bjs_conf[] =
    "office:\n  id: BJS\n  name: Beijing\n  role: office\n";
static const char sin_conf[] =
    "office:\n  id: SIN\n  name: Singapore\n  role: office\n";

struct world {
	char dir[64];
	struct kz_config *cfg[3];
	struct kz_db *db[3];
};
enum { TYO, BJS, SIN };

static int
setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	const char *conf[3] = { head_conf, bjs_conf, sin_conf };
	struct kz_err err = { 0 };
	char path[128];

	if (w == NULL || unit_tempdir(w->dir) != 0)
		return -1;
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%d.db", w->dir, i);
		if ((w->cfg[i] = unit_config(conf[i])) == NULL ||
		    (w->db[i] = kz_db_open(path, w->cfg[i], &err)) == NULL)
			return -1;
	}
	*state = w;
	return 0;
}

static int
teardown(void **state)
{
	struct world *w = *state;
	int rc;

	for (int i = 0; i < 3; i++) {
		kz_db_close(w->db[i]);
		kz_config_free(w->cfg[i]);
	}
	rc = unit_rmtree(w->dir);
	free(w);
	return rc;
}

static void
own_hex(struct kz_db *db, char hex[KZ_KEY_HEX])
{
	unsigned char pk[KZ_KEY_PUBLIC];
	struct kz_err err = { 0 };

	assert_int_equal(kz_sync_key_own(db, pk, &err), KZ_OK);
	kz_sync_key_hex(pk, hex);
}

/* Made on first need, 0600, the same after a reopen; its public half in
 * sync_meta, its secret never in the database. */
static void
test_key_made_private(void **state)
{
	struct world *w = *state;
	struct kz_err err = { 0 };
	struct stat sb;
	char path[200], a[KZ_KEY_HEX], b[KZ_KEY_HEX], meta[80];

	own_hex(w->db[BJS], a);
	kz_sync_key_path(w->db[BJS], path, sizeof path);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(kz_sync_meta_get(w->db[BJS], "key", meta, sizeof meta),
	    KZ_OK);
	assert_string_equal(meta, a);
	/* a new connection reads the same key from the file */
	char dbpath[128];
	snprintf(dbpath, sizeof dbpath, "%s/1.db", w->dir);
	kz_db_close(w->db[BJS]);
	assert_non_null(w->db[BJS] = kz_db_open(dbpath, w->cfg[BJS], &err));
	own_hex(w->db[BJS], b);
	assert_string_equal(a, b);
	/* others may read it: refused */
	chmod(path, 0640);
	kz_db_close(w->db[BJS]);
	assert_non_null(w->db[BJS] = kz_db_open(dbpath, w->cfg[BJS], &err));
	unsigned char pk[KZ_KEY_PUBLIC];
	assert_int_equal(kz_sync_key_own(w->db[BJS], pk, &err), KZ_ERROR);
	chmod(path, 0600);
}

static void
test_fingerprint_and_parse(void **state)
{
	unsigned char pk[KZ_KEY_PUBLIC], back[KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX], fp[KZ_KEY_FP];

	(void)state;
	for (int i = 0; i < KZ_KEY_PUBLIC; i++)
		pk[i] = (unsigned char)i;
	kz_sync_key_hex(pk, hex);
	assert_int_equal(strlen(hex), 64);
	assert_int_equal(kz_sync_key_parse(hex, back), KZ_OK);
	assert_memory_equal(pk, back, sizeof pk);
	kz_sync_key_fp(pk, fp);
	assert_int_equal(strlen(fp), 19);
	assert_true(fp[4] == '-' && fp[9] == '-' && fp[14] == '-');
	assert_int_equal(kz_sync_key_parse("abc", back), KZ_ERROR);
	hex[10] = 'g';
	assert_int_equal(kz_sync_key_parse(hex, back), KZ_ERROR);
}

/* Enrolled for one office and role; checked; revoked. */
static void
test_trust_check_revoke(void **state)
{
	struct world *w = *state;
	struct kz_err err = { 0 };
	struct kz_sync_key k, f;
	unsigned char pk[KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX];
	bool again;

	own_hex(w->db[BJS], hex);
	kz_sync_key_parse(hex, pk);
	assert_int_equal(kz_sync_key_check(w->db[TYO], "b", "BJS", "office", pk,
	    &err), KZ_ERROR);
	kz_err_clear(&err);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "BJS", hex, &k, &again,
	    &err), KZ_OK);
	assert_false(again);
	assert_string_equal(k.role, "office");
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "BJS", hex, &k, &again,
	    &err), KZ_OK);
	assert_true(again);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "SIN", hex, &k, &again,
	    &err), KZ_ERROR);
	kz_err_clear(&err);
	assert_int_equal(kz_sync_key_check(w->db[TYO], "b", "BJS", "office", pk,
	    &err), KZ_OK);
	assert_int_equal(kz_sync_key_check(w->db[TYO], "b", "SIN", "office", pk,
	    &err), KZ_ERROR);
	kz_err_clear(&err);
	assert_int_equal(kz_sync_key_check(w->db[TYO], "b", "BJS", "head", pk,
	    &err), KZ_ERROR);
	kz_err_clear(&err);
	assert_int_equal(kz_sync_key_find(w->db[TYO], "BJS", k.fp, &f, &err),
	    KZ_OK);
	assert_int_equal(kz_sync_key_revoke(w->db[TYO], &f, &err), KZ_OK);
	assert_int_equal(kz_sync_key_check(w->db[TYO], "b", "BJS", "office", pk,
	    &err), KZ_ERROR);
	assert_non_null(strstr(err.item[0].msg, "revoked"));
	kz_err_clear(&err);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "BJS", hex, &k, &again,
	    &err), KZ_ERROR);
}

/* An office learns head office's keys and revocations from its bundle. */
static void
test_learn_from_head(void **state)
{
	struct world *w = *state;
	struct kz_err err = { 0 };
	struct kz_sync_key_list l;
	struct kz_sync_key k;
	struct kz_buf b = { 0 };
	char bh[KZ_KEY_HEX], sh[KZ_KEY_HEX];
	bool again;

	own_hex(w->db[BJS], bh);
	own_hex(w->db[SIN], sh);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "BJS", bh, &k, &again,
	    &err), KZ_OK);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "SIN", sh, &k, &again,
	    &err), KZ_OK);
	assert_int_equal(kz_sync_key_revoke(w->db[TYO], &k, &err), KZ_OK);
	assert_int_equal(kz_sync_key_header(w->db[TYO], &b, &err), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&b), "trust: BJS office "));
	assert_non_null(strstr(kz_buf_str(&b), "revoked: SIN office "));
	assert_int_equal(kz_sync_key_learn(w->db[BJS], "TYO", b.s, b.len, &err),
	    KZ_OK);
	assert_int_equal(kz_sync_key_list(w->db[BJS], &l, &err), KZ_OK);
	/* Beijing's own key is not taken in as another's; Singapore's is,
	 * revoked */
	assert_int_equal(l.n, 1);
	assert_string_equal(l.k[0].office, "SIN");
	assert_true(l.k[0].revoked[0] != '\0');
	assert_string_equal(l.k[0].source, "TYO");
	kz_sync_key_list_free(&l);
	kz_buf_free(&b);
}

/* A renewed key: the old one revoked here; a kept bundle signed again
 * with the new key, and sealed for an office enrolled since, has the
 * same content checksum, verifies and opens there. */
static void
test_renew_and_refresh(void **state)
{
	struct world *w = *state;
	struct kz_err err = { 0 };
	struct kz_bundle_info in = { .seq = 1 }, in2;
	struct kz_buf b = { 0 }, again = { 0 }, same = { 0 };
	unsigned char fk[KZ_FILE_KEY];
	char old[KZ_KEY_HEX], now[KZ_KEY_HEX], hex[KZ_KEY_HEX], sha[65];
	struct kz_sync_key k;
	const char cs[] = "";
	void *out;
	int outsize;
	bool dup;

	own_hex(w->db[TYO], old);
	assert_int_equal(kz_sync_bundle_write(&b, w->db[TYO], "feedfeed", cs, 0,
	    &in, fk, &err), KZ_OK);
	snprintf(sha, sizeof sha, "%s", in.sha256);
	assert_null(strstr(kz_buf_str(&b), "recipient: "));
	assert_int_equal(kz_sync_verify(NULL, "b", (unsigned char *)b.s, b.len,
	    &in2, NULL, NULL, NULL, &err), KZ_OK);
	assert_string_equal(in2.sha256, sha);
	/* as it would be now: nothing to do */
	assert_int_equal(kz_sync_bundle_refresh(w->db[TYO], (unsigned char *)
	    b.s, b.len, fk, &same, &err), KZ_OK);
	assert_int_equal(same.len, 0);
	assert_int_equal(kz_sync_key_renew(w->db[TYO], true, &err), KZ_OK);
	own_hex(w->db[TYO], now);
	assert_string_not_equal(old, now);
	/* Beijing enrolled since, both ways */
	own_hex(w->db[BJS], hex);
	assert_int_equal(kz_sync_key_trust(w->db[TYO], "BJS", hex, &k, &dup,
	    &err), KZ_OK);
	assert_int_equal(kz_sync_key_trust(w->db[BJS], "TYO", now, &k, &dup,
	    &err), KZ_OK);
	assert_int_equal(kz_sync_bundle_refresh(w->db[TYO], (unsigned char *)
	    b.s, b.len, fk, &again, &err), KZ_OK);
	assert_true(again.len > 0);
	assert_non_null(strstr(kz_buf_str(&again), now));
	assert_non_null(strstr(kz_buf_str(&again), "recipient: BJS "));
	assert_int_equal(kz_sync_verify(NULL, "b", (unsigned char *)again.s,
	    again.len, &in2, NULL, NULL, NULL, &err), KZ_OK);
	assert_string_equal(in2.sha256, sha);
	assert_int_equal(kz_sync_verify(w->db[BJS], "b", (unsigned char *)
	    again.s, again.len, &in2, NULL, &out, &outsize, &err), KZ_OK);
	assert_int_equal(outsize, 0);
	free(out);
	assert_int_equal(kz_sync_meta_number(w->db[TYO], "SELECT count(*) FROM "
	    "sync_key WHERE revoked IS NOT NULL"), 1);
	kz_buf_free(&b);
	kz_buf_free(&again);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_key_made_private, setup,
		    teardown),
		cmocka_unit_test(test_fingerprint_and_parse),
		cmocka_unit_test_setup_teardown(test_trust_check_revoke, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_learn_from_head, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_renew_and_refresh, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
