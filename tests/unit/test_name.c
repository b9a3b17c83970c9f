/* test_name.c - the family name of a romanised name, the key the register sorts by, and lists sorted by any column. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "request.h"
#include "rlist.h"
#include "specialist.h"

static void
key_is(const char *name, const char *roman, const char *want)
{
	char *k = kz_name_sort_key(name, roman);

	assert_non_null(k);
	if (strcmp(k, want) != 0)
		fail_msg("%s / %s: key \"%s\", not \"%s\"", name ? name : "-",
		    roman, k, want);
	free(k);
}

/* The family name first, folded as the search folds it. */
static void
test_sort_key(void **state)
{
	(void)state;
	/* given name first, as older Japanese usage and the demo write it */
	key_is("佐藤 健一", "Ken'ichi Satō", "sato kenichi");
	key_is("佐藤 健一", "Kenichi Satou", "sato kenichi");
	/* the family name in capitals, wherever it stands */
	key_is("佐藤 健一", "SATO Kenichi", "sato kenichi");
	key_is("佐藤 健一", "Ken'ichi SATŌ", "sato kenichi");
	key_is(NULL, "SATO KENICHI", "sato kenichi");
	/* a comma: the family name before it */
	key_is("佐藤 健一", "Satō, Ken'ichi", "sato kenichi");
	/* Chinese: the family name first, in pinyin */
	key_is("王 小明", "Wang Xiaoming", "wang xiaoming");
	key_is("王建国", "Wang Jianguo", "wang jianguo");
	/* (folded as Japanese long vowels are: ou as o) */
	key_is("欧阳 修", "Ouyang Xiu", "oyang xiu");
	/* and given name first, as some write it for readers abroad */
	key_is("王 小明", "Xiaoming Wang", "wang xiaoming");
	/* Japanese with kana: the order of Western usage */
	key_is("田中 さくら", "Sakura Tanaka", "tanaka sakura");
	/* Korean: the family name first */
	key_is("김 민준", "Kim Minjun", "kim minjun");
	/* Western names, and one word */
	key_is("Anna Berg", "Anna Berg", "berg anna");
	key_is("Anna Maria Berg", "Anna Maria Berg", "berg anna maria");
	key_is("林", "Hayashi", "hayashi");
	key_is("", "", "");
}

/* Every list sorts by each of its sortable columns, both ways; a name
 * sorts by its family name. */
static void
test_every_column(void **state)
{
	struct unit_fixture *f = *state;

	for (const struct kz_rlist *const *lp = kz_rlists; *lp; lp++)
		for (size_t i = 0; i < (*lp)->ncols; i++) {
			struct kz_rlist_query q;
			struct kz_rlist_cursor c;
			struct kz_err err = { 0 };
			char spec[80];

			if (kz_rlist_sort_expr(*lp, i) == NULL)
				continue;
			for (int desc = 0; desc < 2; desc++) {
				kz_rlist_query_init(&q, *lp);
				snprintf(spec, sizeof spec, "%s%s", desc ? "-" :
				    "", kz_rlist_key(*lp, i));
				q.sort = spec;
				q.parent = "";
				if (kz_rlist_open(f->db, &q, &c, &err) != KZ_OK)
					fail_msg("%s --sort %s: %s", (*lp)->name,
					    spec, err.item[0].msg);
				kz_rlist_close(&c);
			}
		}
	assert_string_equal(kz_rlist_sort_expr(&kz_rlist_specialists,
	    (size_t)kz_rlist_col(&kz_rlist_specialists, "name")), "s.sort_key");
}

static void
add(struct kz_db *db, const char *name, const char *roman, enum kz_status st)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, name);
	kz_str_set(&s.name_roman, roman);
	kz_str_set(&s.government, "島根県");
	s.status = st;
	if (kz_specialist_insert(db, &s, &err) != KZ_OK)
		fail_msg("insert %s: %s", roman, err.item[0].msg);
	kz_specialist_free(&s);
}

/* The romanised names of the list's rows, a space apart. */
static void
romans(struct kz_db *db, const char *sort, char *out, size_t size)
{
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	int col = kz_rlist_col(&kz_rlist_specialists, "name_roman");
	size_t o = 0;

	kz_rlist_query_init(&q, &kz_rlist_specialists);
	q.sort = sort;
	assert_int_equal(kz_rlist_open(db, &q, &c, &err), KZ_OK);
	out[0] = '\0';
	while (kz_rlist_next(&c, &err) == 1) {
		char *t = kz_rlist_text(&c, (size_t)col);

		o += (size_t)snprintf(out + o, size - o, "%s%s", o ? "|" : "",
		    t);
		free(t);
	}
	kz_rlist_close(&c);
}

static void
test_register_order(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist_query sq;
	struct kz_specialist_rows rows = { 0 };
	struct kz_rlist_query q;
	struct kz_rlist_cursor c;
	struct kz_err err = { 0 };
	char got[512];

	add(f->db, "佐藤 明", "Akira Sato", KZ_SERVING);
	add(f->db, "王 小明", "Wang Xiaoming", KZ_RETIRED);
	add(f->db, "阿部 健一", "ABE Ken'ichi", KZ_SERVING);
	add(f->db, "鈴木 明", "Akira Suzuki", KZ_RETIRED);

	/* by family name: not every Akira first */
	romans(f->db, NULL, got, sizeof got);
	assert_string_equal(got,
	    "ABE Ken'ichi|Akira Sato|Akira Suzuki|Wang Xiaoming");
	romans(f->db, "-name", got, sizeof got);
	assert_string_equal(got,
	    "Wang Xiaoming|Akira Suzuki|Akira Sato|ABE Ken'ichi");
	/* the romanised name as written, case aside */
	romans(f->db, "name_roman", got, sizeof got);
	assert_string_equal(got,
	    "ABE Ken'ichi|Akira Sato|Akira Suzuki|Wang Xiaoming");
	/* two columns: ties of the first in the order of the second */
	romans(f->db, "status, -name", got, sizeof got);
	assert_string_equal(got,
	    "Wang Xiaoming|Akira Suzuki|Akira Sato|ABE Ken'ichi");

	/* a column it does not have, or one that does not sort, is refused
	 * under --sort naming those that do; nothing is opened */
	kz_rlist_query_init(&q, &kz_rlist_specialists);
	q.sort = "name,bogus";
	assert_int_equal(kz_rlist_open(f->db, &q, &c, &err), KZ_ERROR);
	assert_string_equal(err.item[0].where, "--sort");
	assert_non_null(strstr(err.item[0].msg, "\"bogus\""));
	assert_non_null(strstr(err.item[0].msg, "name_roman"));
	assert_null(c.st);

	/* the screen's search sorts the same way */
	kz_specialist_query_init(&sq);
	sq.sort = "-name";
	sq.status = KZ_RETIRED;
	assert_int_equal(kz_specialist_search(f->db, &sq, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.rows[0].name_roman, "Wang Xiaoming");
	assert_string_equal(rows.rows[1].name_roman, "Akira Suzuki");
	kz_specialist_rows_free(&rows);
	sq.sort = "nope";
	kz_err_clear(&err);
	assert_int_equal(kz_specialist_search(f->db, &sq, &rows, &err),
	    KZ_ERROR);
	assert_string_equal(err.item[0].where, "--sort");
}

/* The key is kept by every write, is not a field anyone sets, and is
 * made again from the row when a bundle wrote the names alone. */
static void
test_key_kept(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;
	const struct kz_rfield *fd = kz_rtype_field(&kz_specialist_type,
	    "sort_key");
	char id[KZ_ID_SIZE];

	add(f->db, "佐藤 健一", "Ken'ichi Sato", KZ_SERVING);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT id, sort_key "
	    "FROM specialist", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(id, sizeof id, "%s", sqlite3_column_text(st, 0));
	assert_string_equal((const char *)sqlite3_column_text(st, 1),
	    "sato kenichi");
	sqlite3_finalize(st);

	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_get(f->db, id, &s, &err), KZ_OK);
	assert_string_equal(s.sort_key, "sato kenichi");
	kz_str_set(&s.name_roman, "SUZUKI Ken'ichi");
	assert_int_equal(kz_specialist_update(f->db, &s, &err), KZ_OK);
	kz_specialist_free(&s);
	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_get(f->db, id, &s, &err), KZ_OK);
	assert_string_equal(s.sort_key, "suzuki kenichi");

	/* made, never set: not from a file, an option or a form */
	assert_non_null(fd);
	assert_null(fd->option);
	assert_null(fd->csv);
	assert_int_equal(kz_rfield_set(fd, &s, "x", &err), KZ_ERROR);
	kz_specialist_free(&s);

	/* a row written as a bundle writes it, the names alone */
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, "UPDATE specialist SET "
	    "name_roman = 'Ken''ichi Ito'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(kz_specialist_derive(f->db, id, &err), KZ_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT sort_key FROM "
	    "specialist", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	    "ito kenichi");
	sqlite3_finalize(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_key),
		cmocka_unit_test_setup_teardown(test_every_column, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_register_order,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_key_kept, unit_setup,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
