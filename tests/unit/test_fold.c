/* test_fold.c - the search fold: Japanese and traditional Han as simplified, the rest as it is, in the index and in SQL. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "fold.h"
#include "search.h"
#include "specialist.h"

static void
folds(const char *in, const char *want)
{
	char *got = kz_fold_text(in);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("%s folds to %s, not %s", in, got, want);
	free(got);
}

static void
test_fold_table(void **state)
{
	(void)state;
	folds("施設園芸", "施设园艺");
	folds("島根県", "岛根县");
	folds("広島", "广岛");
	folds("渡辺", "渡边");
	/* traditional Chinese too, and simplified stays as it is */
	folds("廣島 渡邊 園藝", "广岛 渡边 园艺");
	folds("岛根县 施设园艺 农业", "岛根县 施设园艺 农业");
	/* kana, Hangul, Latin (case folded) and accents pass through */
	folds("カタカナ ひらがな", "カタカナ ひらがな");
	folds("한국어 서울", "한국어 서울");
	folds("Satō Ken'ichi ABC", "satō ken'ichi abc");
	folds("", "");
	/* a bad byte stays a byte */
	folds("a\xff" "b", "a\xff" "b");
	/* one code point at a time, a fold of a fold is the fold */
	assert_int_equal(kz_fold_cp(0x5cf6), 0x5c9b);	/* 島 -> 岛 */
	assert_int_equal(kz_fold_cp(0x5c9b), 0x5c9b);
	assert_int_equal(kz_fold_cp('A'), 'A');	/* only Han */
	for (unsigned c = 0x4e00; c <= 0x9fff; c++)
		assert_int_equal(kz_fold_cp(kz_fold_cp(c)), kz_fold_cp(c));
}

static void
test_fold_contains(void **state)
{
	(void)state;
	assert_true(kz_fold_contains("島根県 松江市", "岛根"));
	assert_true(kz_fold_contains("岛根县", "島根"));
	assert_true(kz_fold_contains("Shimane", "SHIM"));
	assert_false(kz_fold_contains("広島県", "岛根"));
}

/* Folding a string is a table lookup a character: 100,000 names well
 * under a second even under the sanitizers (OpenCC itself, 2.6 s). */
static void
test_fold_fast(void **state)
{
	char out[64];
	clock_t t0;

	(void)state;
	kz_fold_cp(0x4e00);	/* the table built */
	t0 = clock();
	for (int i = 0; i < 100000; i++)
		kz_fold_into("施設園芸 島根県 広島 渡辺 Watanabe", 41, out);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
}

static size_t
sql_count(struct unit_fixture *f, const char *sql, const char *v)
{
	sqlite3_stmt *st;
	size_t n = 0;

	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
test_fold_sql(void **state)
{
	struct unit_fixture *f = *state;

	assert_int_equal(sql_count(f, "SELECT instr(kz_fold('島根県 松江市'), "
	    "kz_fold(?)) > 0", "岛根"), 1);
	assert_int_equal(sql_count(f, "SELECT instr(kz_fold('岛根县'), "
	    "kz_fold(?)) > 0", "島根"), 1);
	assert_int_equal(sql_count(f, "SELECT kz_fold(?) IS NULL", NULL), 1);
}

static size_t
found(struct unit_fixture *f, const char *text)
{
	struct kz_specialist_query q;
	struct kz_specialist_rows l;
	struct kz_err err = { 0 };
	size_t n;

	kz_specialist_query_init(&q);
	q.text = text;
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	n = l.n;
	kz_specialist_rows_free(&l);
	return n;
}

static void
add(struct unit_fixture *f, const char *name, const char *roman,
    const char *gov)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, name);
	kz_str_set(&s.name_roman, roman);
	kz_str_set(&s.government, gov);
	if (kz_specialist_insert(f->db, &s, &err) != KZ_OK)
		fail_msg("insert %s: %s", roman, err.item[0].msg);
	kz_specialist_free(&s);
}

/* The index and the query are folded alike: either spelling finds the
 * other, one character or many. */
static void
test_fold_index(void **state)
{
	struct unit_fixture *f = *state;

	add(f, "渡辺 健一", "Ken'ichi Watanabe", "島根県");
	add(f, "渡边 明", "Akira Watanabe", "岛根县");
	add(f, "大野 裕子", "Yuko Ono", "広島県");
	assert_int_equal(found(f, "岛根"), 2);
	assert_int_equal(found(f, "島根"), 2);
	assert_int_equal(found(f, "島根県"), 2);
	assert_int_equal(found(f, "渡边"), 2);
	assert_int_equal(found(f, "渡辺"), 2);
	assert_int_equal(found(f, "边"), 2);
	assert_int_equal(found(f, "广岛"), 1);
	assert_int_equal(found(f, "廣島"), 1);
	assert_int_equal(found(f, "广岛 渡边"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_fold_contains),
		cmocka_unit_test(test_fold_fast),
		cmocka_unit_test_setup_teardown(test_fold_sql, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_fold_index, unit_setup,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
