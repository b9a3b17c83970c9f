/* fixture.c - the one way unit tests make a temp directory, a configuration and a database. */
#include "unit.h"
#include "buf.h"
#include "sync_key.h"

#include <sodium.h>

#include "seminar.h"
#include "rlist.h"
#include "specialist.h"	/* kz_str_set */

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
unit_tempdir(char dir[64])
{
	snprintf(dir, 64, "/tmp/kz-unit-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int
unit_rmtree(const char *dir)
{
	/* depth first, so a directory is empty by the time it goes */
	return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int
unit_dir_setup(void **state)
{
	char *dir = calloc(1, 64);

	if (dir == NULL || unit_tempdir(dir) != 0) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

int
unit_dir_teardown(void **state)
{
	int rc = unit_rmtree(*state);

	free(*state);
	return rc;
}

struct kz_config *
unit_config(const char *text)
{
	struct kz_err err = { 0 };
	struct kz_config *cfg;

	if (text == NULL)
		cfg = kz_config_parse("default", kz_default_config,
		    strlen(kz_default_config), &err);
	else
		cfg = kz_config_parse("t.yaml", text, strlen(text), &err);
	for (int i = 0; cfg == NULL && i < err.n; i++)
		fprintf(stderr, "unit_config: %s: %s\n", err.item[i].where,
		    err.item[i].msg);
	return cfg;
}

int
unit_setup_with(void **state, const char *config)
{
	struct unit_fixture *f = calloc(1, sizeof *f);
	struct kz_err err = { 0 };

	if (f == NULL || unit_tempdir(f->dir) != 0)
		goto fail;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if ((f->cfg = unit_config(config)) == NULL)
		goto fail;
	if ((f->db = kz_db_open(f->path, f->cfg, &err)) == NULL) {
		fprintf(stderr, "unit_setup: %s: %s\n", f->path,
		    err.n ? err.item[0].msg : "?");
		goto fail;
	}
	*state = f;
	return 0;
fail:
	if (f != NULL) {
		kz_config_free(f->cfg);
		if (f->dir[0])
			unit_rmtree(f->dir);
		free(f);
	}
	return -1;
}

int
unit_setup(void **state)
{
	return unit_setup_with(state, NULL);
}

void
unit_exec(struct kz_db *db, const char *sql)
{
	struct kz_err err = { 0 };
	char *msg = NULL;

	assert_int_equal(kz_db_begin(db, &err), KZ_OK);
	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	assert_int_equal(kz_db_commit(db, &err), KZ_OK);
}

char *
unit_query(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->sql));
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("%s: no row", sql);
	v = strdup(sqlite3_column_text(st, 0) ? (const char *)
	    sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	assert_non_null(v);
	return v;
}

char *
unit_list_ids(struct kz_db *db, const struct kz_rlist_query *q, char **sql)
{
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	size_t len = 0;
	char *out = calloc(1, 1);
	int rc;

	assert_non_null(out);
	if (kz_rlist_open(db, q, &c, &err) != KZ_OK)
		fail_msg("%s: %s", q->l->name, err.item[0].msg);
	if (sql != NULL)
		assert_non_null(*sql = strdup(c.sql));
	while ((rc = kz_rlist_next(&c, &err)) == 1) {
		char *id = kz_rlist_text(&c, 0);

		assert_non_null(id);
		out = realloc(out, len + strlen(id) + 2);
		assert_non_null(out);
		len += (size_t)sprintf(out + len, "%s%s", len ? "," : "", id);
		free(id);
	}
	assert_int_equal(rc, 0);
	kz_rlist_close(&c);
	return out;
}

int
unit_teardown(void **state)
{
	struct unit_fixture *f = *state;
	int rc;

	kz_db_close(f->db);
	kz_config_free(f->cfg);
	rc = unit_rmtree(f->dir);
	free(f);
	return rc;
}

void
unit_edition(struct kz_db *db, char series[KZ_ID_SIZE],
    char edition[KZ_ID_SIZE])
{
	struct kz_series s;
	struct kz_seminar e;
	struct kz_err err = { 0 };

	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "cj");
	kz_str_set(&s.name, "中日地方交流促进研讨会");
	assert_int_equal(kz_series_insert(db, &s, &err), KZ_OK);
	if (series != NULL)
		memcpy(series, s.id, KZ_ID_SIZE);
	kz_seminar_init(&e);
	memcpy(e.series, s.id, KZ_ID_SIZE);
	kz_series_free(&s);
	e.number = 18;
	e.year = 2019;
	snprintf(e.start, sizeof e.start, "2019-08-21");
	snprintf(e.end, sizeof e.end, "2019-08-23");
	snprintf(e.country, sizeof e.country, "CN");
	kz_str_set(&e.city, "福州市");
	assert_int_equal(kz_seminar_insert(db, &e, &err), KZ_OK);
	memcpy(edition, e.id, KZ_ID_SIZE);
	kz_seminar_free(&e);
}

void
unit_enrol(struct kz_db *head, struct kz_db *office)
{
	struct kz_db *side[2] = { head, office };
	unsigned char pk[2][KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX];
	struct kz_sync_key k;
	struct kz_err err = { 0 };
	bool again;

	for (int i = 0; i < 2; i++)
		assert_int_equal(kz_sync_key_own(side[i], pk[i], &err), KZ_OK);
	for (int i = 0; i < 2; i++) {
		kz_sync_key_hex(pk[1 - i], hex);
		assert_int_equal(kz_sync_key_trust(side[i],
		    side[1 - i]->cfg->office_id, hex, &k, &again, &err), KZ_OK);
	}
}

struct unit_offices *
unit_offices_open(const char *const *conf, int n)
{
	struct unit_offices *f = calloc(1, sizeof *f);
	struct kz_err err = { 0 };
	char path[128];

	if (f == NULL || n < 1 || n > UNIT_OFFICES ||
	    unit_tempdir(f->dir) != 0) {
		free(f);
		return NULL;
	}
	for (f->n = 0; f->n < n; f->n++) {
		int i = f->n;

		if ((f->cfg[i] = unit_config(conf[i])) == NULL)
			break;
		snprintf(path, sizeof path, "%s/%d.db", f->dir, i);
		if ((f->db[i] = kz_db_open(path, f->cfg[i], &err)) == NULL) {
			kz_config_free(f->cfg[i]);
			break;
		}
	}
	if (f->n < n) {
		unit_offices_close(f);
		return NULL;
	}
	for (int i = 1; i < n; i++)
		unit_enrol(f->db[0], f->db[i]);
	setenv("KIZUNA_NOW", "2026-11-01T09:00:00Z", 1);
	return f;
}

int
unit_pair_setup(void **state)
{
	static const char *const conf[] = {
		"office:\n  id: TYO\n  name: Head office\n  role: head\n"
		"user: tanaka\n",
		"office:\n  id: BJS\n  name: Beijing\n  role: office\n"
		"user: wang\n",
	};

	return (*state = unit_offices_open(conf, 2)) ? 0 : -1;
}

int
unit_pair_teardown(void **state)
{
	return unit_offices_close(*state);
}

int
unit_offices_close(struct unit_offices *f)
{
	int rc;

	if (f == NULL)
		return 0;
	for (int i = 0; i < f->n; i++) {
		kz_db_close(f->db[i]);
		kz_config_free(f->cfg[i]);
	}
	rc = unit_rmtree(f->dir);
	free(f);
	unsetenv("KIZUNA_NOW");
	return rc;
}

/* The bundle in b (format 3) with pay (plen bytes) as its payload, signed
 * again by db, its sender: what a sender forging could make of it. */
void
unit_resign(struct kz_db *db, const struct kz_buf *b, const unsigned char *pay,
    size_t plen, struct kz_buf *out)
{
	const char *p = b->s, *end = strstr(b->s, "\n\n") + 1;
	unsigned char sig[KZ_KEY_SIG];
	char hex[2 * KZ_KEY_SIG + 1];
	struct kz_err err = { 0 };
	crypto_sign_state st;

	out->len = 0;
	while (p < end) {
		const char *nl = strchr(p, '\n');
		if (strncmp(p, "payload: ", 9) == 0)
			kz_buf_printf(out, "payload: %zu\n", plen);
		else
			kz_buf_put(out, p, (size_t)(nl + 1 - p));
		p = nl + 1;
	}
	kz_buf_puts(out, "\n");
	kz_buf_put(out, (const char *)pay, plen);
	crypto_sign_init(&st);
	crypto_sign_update(&st, (const unsigned char *)out->s, out->len);
	assert_int_equal(kz_sync_key_sign_final(db, &st, sig, &err), KZ_OK);
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	kz_buf_printf(out, "\nEND %s\n", hex);
}
