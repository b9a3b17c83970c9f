/* test_sync_all.c - `sync export --all`: every row, a batch at a time, in
 * memory that stays flat as the database grows, and all of it taken in,
 * every table that travels row for row. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "demo.h"
#include "id.h"
#include "sync.h"
#include "sync_rules.h"

enum { TYO, BJS };	/* unit_pair_setup's */

/* n more people in head office's register, written straight into the
 * table (thousands through the register's API take too long here). */
static void
fill(struct unit_offices *f, int n)
{
	struct kz_err err = { 0 };
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE], name[64];

	assert_int_equal(kz_db_begin(f->db[TYO], &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db[TYO]->sql, "INSERT INTO "
	    "specialist (id, name, name_roman, government, post, status, "
	    "created, updated, sort_key) VALUES (?, ?, ?, '島根県', "
	    "'課長', 'serving', '2026-01-01T00:00:00Z', "
	    "'2026-01-01T00:00:00Z', ?)", -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < n; i++) {
		assert_int_equal(kz_id_new("TYO", id), 0);
		snprintf(name, sizeof name, "Sato Kenichi %s", id);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, "佐藤健一", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(kz_db_commit(f->db[TYO], &err), KZ_OK);
}

/* Export --all from database d to path; what SQLite held at most while
 * it ran, beyond what it held before. */
static long
export_from(struct unit_offices *f, int d, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];
	long before;

	sqlite3_memory_highwater(1);
	before = (long)sqlite3_memory_used();
	if (kz_sync_export(f->db[d], path, true, &res, &err) != KZ_OK)
		fail_msg("export: %s", kz_err_first(&err, buf, sizeof buf));
	return (long)sqlite3_memory_highwater(0) - before;
}

static void
import_into(struct unit_offices *f, int d, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];

	if (kz_sync_import(f->db[d], path, &res, &err) != KZ_OK)
		fail_msg("import: %s", kz_err_first(&err, buf, sizeof buf));
	assert_int_equal(res.conflicts, 0);
}

/* The register as both sides can compare it: a digest of its rows. */
static char *
register_of(struct unit_offices *f, int d)
{
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(sqlite3_prepare_v2(f->db[d]->sql, "SELECT count(*) "
	    "|| ' ' || sum(length(id || name || name_roman || government || "
	    "post)) || ' ' || sum(unicode(substr(id, -1))) FROM "
	    "specialist", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_non_null(s);
	return s;
}

/* Eight times the rows take no more memory to send whole: the rows go a
 * batch at a time, not as one changeset of them all (which took 345 MB
 * at 100,000 people); and the bundles, of many batches, bring every row
 * to the office. */
static void
test_all_streams(void **state)
{
	struct unit_offices *f = *state;
	char p1[128], p2[128], *a, *b;
	long small, big;

	snprintf(p1, sizeof p1, "%s/all1.kzb", f->dir);
	snprintf(p2, sizeof p2, "%s/all2.kzb", f->dir);
	fill(f, 1000);
	small = export_from(f, TYO, p1);
	fill(f, 7000);
	big = export_from(f, TYO, p2);
	print_message("  export --all: %ld bytes at 1,000, %ld at 8,000\n",
	    small, big);
	/* no more than the page cache (2 MB by default) and a batch grow:
	 * one changeset of every row took 11 MB more here */
	assert_true(big < small + 4 * 1024 * 1024);
	import_into(f, BJS, p1);
	import_into(f, BJS, p2);
	a = register_of(f, TYO);
	b = register_of(f, BJS);
	assert_string_equal(a, b);
	assert_true(strncmp(a, "8000 ", 5) == 0);
	free(a);
	free(b);
}

/* The rows of table r at d, each column as it is, ordered by all of
 * them. */
static sqlite3_stmt *
rows_of(struct unit_offices *f, int d, const struct kz_sync_rule *r)
{
	struct kz_buf cols = { 0 }, sql = { 0 };
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(f->db[d]->sql, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, r->table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_buf_printf(&cols, "%s\"%s\"", cols.len ? ", " : "",
		    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_true(cols.len > 0);
	kz_buf_printf(&sql, "SELECT %s FROM \"%s\" ORDER BY %s",
	    kz_buf_str(&cols), r->table, kz_buf_str(&cols));
	assert_false(sql.oom);
	if (sqlite3_prepare_v2(f->db[d]->sql, kz_buf_str(&sql), -1, &st,
	    NULL) != SQLITE_OK)
		fail_msg("%s: %s", kz_buf_str(&sql),
		    sqlite3_errmsg(f->db[d]->sql));
	kz_buf_free(&cols);
	kz_buf_free(&sql);
	return st;
}

/* Table r holds the same rows at from and at to, column for column,
 * byte for byte; how many. */
static int
same_rows(struct unit_offices *f, int from, int to,
    const struct kz_sync_rule *r)
{
	sqlite3_stmt *a = rows_of(f, from, r), *b = rows_of(f, to, r);
	int ra, rb, n = 0;

	while ((ra = sqlite3_step(a)) == SQLITE_ROW) {
		if ((rb = sqlite3_step(b)) != SQLITE_ROW)
			fail_msg("%s: %d rows where it went, more where it "
			    "came from", r->table, n);
		for (int c = 0; c < sqlite3_column_count(a); c++) {
			const void *va = sqlite3_column_blob(a, c);
			const void *vb = sqlite3_column_blob(b, c);
			int la = sqlite3_column_bytes(a, c);

			if (sqlite3_column_type(a, c) != sqlite3_column_type(b,
			    c) || la != sqlite3_column_bytes(b, c) ||
			    (la > 0 && memcmp(va, vb, (size_t)la) != 0))
				fail_msg("%s, row %d: %s '%s' came as '%s'",
				    r->table, n, sqlite3_column_name(a, c),
				    sqlite3_column_text(a, c),
				    sqlite3_column_text(b, c));
		}
		n++;
	}
	assert_int_equal(ra, SQLITE_DONE);
	if (sqlite3_step(b) != SQLITE_DONE)
		fail_msg("%s: %d rows where it came from, more where it went",
		    r->table, n);
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return n;
}

/* Rows the demo data set leaves out, written at office d: a
 * participant, with the personal data that travels to head office only,
 * and a line of its history. */
static void
fill_rest(struct unit_offices *f, int d)
{
	static const char *const sql[] = {
		"INSERT INTO participant (id, seminar, name, name_roman, "
		"country, organisation, post, role, email, phone, needs, "
		"notes, created, updated, created_by, updated_by) SELECT ?1, "
		"min(id), '王芳', 'Wang Fang', 'CN', '大连市', '科长', "
		"'speaker', 'wang@example.cn', '+86 411 0000', 'halal', "
		"'前年も', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', "
		"'wang', 'li' FROM seminar",
		"INSERT INTO record_history (id, record, kind, at, user, "
		"action, changes) VALUES (?2, ?1, 'participant', "
		"'2026-02-01T00:00:00Z', 'li', 'edit', '[{\"field\":\"post\","
		"\"old\":null,\"new\":\"科长\"}]')",
	};
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE], line[KZ_ID_SIZE];

	assert_int_equal(kz_id_new(f->cfg[d]->office_id, id), 0);
	assert_int_equal(kz_id_new(f->cfg[d]->office_id, line), 0);
	assert_int_equal(kz_db_begin(f->db[d], &err), KZ_OK);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(f->db[d]->sql, sql[i], -1,
		    &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(st) > 1)
			sqlite3_bind_text(st, 2, line, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
	}
	assert_int_equal(kz_db_end(f->db[d], KZ_OK, &err), KZ_OK);
}

/* Every table an office sends (kz_sync_rules), rows in each, goes whole
 * to head office with export --all, row for row; and every table head
 * office sends comes back to the office as it is there. */
/* The register's rows of database from put into database to, by SQL
 * in a transaction of its own (head office's own writes). */
static void
copy_register(struct unit_offices *f, int from, int to)
{
	static const char *const tables[] = {
		"specialist", "specialist_field", "specialist_lang",
		"specialist_unavail",
	};
	sqlite3 *sql = f->db[to]->sql;
	struct kz_err err = { 0 };
	char *q = sqlite3_mprintf("ATTACH %Q AS o",
	    sqlite3_db_filename(f->db[from]->sql, "main"));

	assert_int_equal(sqlite3_exec(sql, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(q);
	assert_int_equal(kz_db_begin(f->db[to], &err), KZ_OK);
	f->db[to]->taken_in = true;	/* as a bundle's: no history of it */
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		q = sqlite3_mprintf("INSERT INTO main.\"%w\" SELECT * FROM "
		    "o.\"%w\"", tables[i], tables[i]);
		assert_int_equal(sqlite3_exec(sql, q, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_free(q);
	}
	assert_int_equal(kz_db_commit(f->db[to], &err), KZ_OK);
	assert_int_equal(sqlite3_exec(sql, "DETACH o", NULL, NULL, NULL),
	    SQLITE_OK);
}

static void
test_all_tables(void **state)
{
	struct unit_offices *f = *state;
	struct kz_err err = { 0 };
	char up[128], down[128], buf[KZ_ERR_MSG + 100];

	snprintf(up, sizeof up, "%s/up.kzb", f->dir);
	snprintf(down, sizeof down, "%s/down.kzb", f->dir);
	assert_int_equal(kz_db_begin(f->db[BJS], &err), KZ_OK);
	if (kz_demo_load(f->db[BJS], &err) != KZ_OK)
		fail_msg("demo: %s", kz_err_first(&err, buf, sizeof buf));
	assert_int_equal(kz_db_end(f->db[BJS], KZ_OK, &err), KZ_OK);
	fill_rest(f, BJS);
	/* head office holds the register first, as every demo has it: it
	 * is head office's, and an office's copy of it is not added there
	 * (its dispatches would then name people head office lacks) */
	copy_register(f, BJS, TYO);

	/* every table the office sends, none empty */
	export_from(f, BJS, up);
	import_into(f, TYO, up);
	for (size_t i = 0; i < kz_sync_nrules; i++)
		if (kz_sync_rule_sends(&kz_sync_rules[i], false) &&
		    same_rows(f, BJS, TYO, &kz_sync_rules[i]) == 0)
			fail_msg("%s: no rows sent", kz_sync_rules[i].table);
	/* and head office's, the bookings it made of the office's
	 * dispatches with them (from head office only) */
	export_from(f, TYO, down);
	import_into(f, BJS, down);
	for (size_t i = 0; i < kz_sync_nrules; i++)
		if (kz_sync_rule_sends(&kz_sync_rules[i], true) &&
		    same_rows(f, TYO, BJS, &kz_sync_rules[i]) == 0)
			fail_msg("%s: no rows sent", kz_sync_rules[i].table);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_all_streams,
		    unit_pair_setup, unit_pair_teardown),
		cmocka_unit_test_setup_teardown(test_all_tables,
		    unit_pair_setup, unit_pair_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
