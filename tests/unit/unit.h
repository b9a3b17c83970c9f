/* unit.h - what every cmocka unit test needs: cmocka and a temp database. */
#ifndef KZ_UNIT_H
#define KZ_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"
#include "db.h"
#include "id.h"

/* The fixture most tests start from (tests/unit/fixture.c): a fresh
 * temp directory with a database t.db in it, opened under a
 * configuration. unit_teardown removes the directory and all in it. */
struct unit_fixture {
	char dir[64];
	char path[96];		/* dir/t.db */
	struct kz_config *cfg;
	struct kz_db *db;
};

/* cmocka setups: *state becomes a struct unit_fixture, under the
 * built-in default configuration or under the YAML text given. */
int unit_setup(void **state);
/* SQL run in a transaction, as kizuna's own writes are (a write to a
 * record outside one is refused: db.c); a failure fails the test. */
void unit_exec(struct kz_db *db, const char *sql);
/* The first row's first column of a query (malloc'd; NULL as "");
 * no row fails the test. */
char *unit_query(struct kz_db *db, const char *sql);
/* The ids (first column) of the rows query q lists, comma-joined
 * (malloc'd); its statement's SQL into *sql (malloc'd) unless sql is
 * NULL. A failure fails the test. */
struct kz_rlist_query;
char *unit_list_ids(struct kz_db *db, const struct kz_rlist_query *q,
    char **sql);
int unit_setup_with(void **state, const char *config);
int unit_teardown(void **state);

/* The pieces, for tests that need another shape (three offices' databases
 * in one directory, a directory of files): a new temp directory; a
 * configuration from YAML text (NULL: the default), NULL and the problems
 * printed if it does not parse; a directory removed with all in it. */
int unit_tempdir(char dir[64]);
struct kz_config *unit_config(const char *text);
int unit_rmtree(const char *dir);
/* cmocka setups for a test that needs only a temp directory: *state
 * becomes its path (a char *), removed with all in it afterwards. */
int unit_dir_setup(void **state);
int unit_dir_teardown(void **state);
/* A seminar series (code cj) and its 18th edition, 2019-08-21..23 in
 * Fuzhou, for records to belong to; series may be NULL. */
void unit_edition(struct kz_db *db, char series[KZ_ID_SIZE],
    char edition[KZ_ID_SIZE]);
/* Databases of several offices in one directory, the first head office
 * and the others offices it has enrolled (unit_enrol), from their YAML
 * texts; the clock at 2026-11-01T09:00:00Z (KIZUNA_NOW). For cmocka
 * setups: NULL if any cannot be made. Closed, the directory goes too. */
#define UNIT_OFFICES 4
struct unit_offices {
	char dir[64];
	int n;
	struct kz_config *cfg[UNIT_OFFICES];
	struct kz_db *db[UNIT_OFFICES];
	int nfile;		/* free for the test: files made so far */
};
struct unit_offices *unit_offices_open(const char *const *conf, int n);
int unit_offices_close(struct unit_offices *f);
/* Head office (TYO, user tanaka) and Beijing (BJS, user wang), in
 * English, as db[0] and db[1]: the pair most sync tests start from,
 * as cmocka's setup and teardown. */
int unit_pair_setup(void **state);
int unit_pair_teardown(void **state);
/* Head office enrols the office's key and the office head office's (as
 * people do on the phone: sync_key.h), so bundles pass between them. */
void unit_enrol(struct kz_db *head, struct kz_db *office);
/* The bundle whose header (up to and with its blank line) b holds, with
 * pay (plen bytes) as its payload, signed again by db, its sender: what
 * a sender forging could make of it (format 3), into out. */
struct kz_buf;
void unit_resign(struct kz_db *db, const struct kz_buf *b,
    const unsigned char *pay, size_t plen, struct kz_buf *out);

#endif
