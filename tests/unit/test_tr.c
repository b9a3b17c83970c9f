/* test_tr.c - text held in several languages: the order a reader's text is
 * picked in, how translations are stored with their record, and what is
 * refused. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "programme.h"
#include "record.h"
#include "rtype.h"
#include "seminar.h"
#include "tr.h"

/* exact language, then its base, then the original */
static void
test_pick_order(void **state)
{
	struct kz_trs t = { 0 };

	(void)state;
	assert_string_equal(kz_tr_pick(&t, "name", "zh_CN", "原文"), "原文");
	assert_int_equal(kz_tr_set(&t, "name", "zh", "中文"), KZ_OK);
	assert_int_equal(kz_tr_set(&t, "name", "ja", "日本語"), KZ_OK);
	assert_int_equal(kz_tr_set(&t, "theme", "en", "English theme"), KZ_OK);
	assert_string_equal(kz_tr_pick(&t, "name", "zh_CN", "原文"), "中文");
	assert_int_equal(kz_tr_set(&t, "name", "zh_CN", "简体中文"), KZ_OK);
	assert_string_equal(kz_tr_pick(&t, "name", "zh_CN", "原文"), "简体中文");
	assert_string_equal(kz_tr_pick(&t, "name", "zh_TW", "原文"), "中文");
	assert_string_equal(kz_tr_pick(&t, "name", "ja", "原文"), "日本語");
	/* another field's English is not this one's */
	assert_string_equal(kz_tr_pick(&t, "name", "en", "原文"), "原文");
	assert_string_equal(kz_tr_pick(&t, "theme", "en", NULL), "English theme");
	/* NULL: the UI's language */
	kz_i18n_set_language("ja");
	assert_string_equal(kz_tr_reader(), "ja");
	assert_string_equal(kz_tr_pick(&t, "name", NULL, "原文"), "日本語");
	kz_i18n_set_language("en");
	assert_string_equal(kz_tr_pick(&t, "name", NULL, "原文"), "原文");
	/* "" removes: from a whole set; a set that is not marks it removed,
	 * to be written so */
	assert_int_equal(kz_tr_set(&t, "name", "ja", ""), KZ_OK);
	assert_null(kz_tr_get(&t, "name", "ja"));
	assert_string_equal(kz_tr_pick(&t, "name", "ja", "原文"), "原文");
	assert_int_equal(t.n, 4);
	t.whole = true;
	assert_int_equal(kz_tr_set(&t, "name", "zh", NULL), KZ_OK);
	assert_int_equal(t.n, 3);
	kz_tr_free(&t);
}

static void
test_lang_ok(void **state)
{
	(void)state;
	assert_true(kz_tr_lang_ok("ja"));
	assert_true(kz_tr_lang_ok("zh_CN"));
	assert_true(kz_tr_lang_ok("fil"));
	assert_false(kz_tr_lang_ok("j"));
	assert_false(kz_tr_lang_ok("english"));
	assert_false(kz_tr_lang_ok("zh-CN"));
	assert_false(kz_tr_lang_ok("zh_cn"));
	assert_false(kz_tr_lang_ok("JA"));
	assert_false(kz_tr_lang_ok(""));
}

static long
rows(struct kz_db *db, const char *id)
{
	sqlite3_stmt *st;
	long n = -1;

	sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM text_tr WHERE "
	    "record = ?", -1, &st, NULL);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Written and read with the record, through its table; a record read
 * whole drops what it no longer has, one made from lines only adds. */
static void
test_stored_with_record(void **state)
{
	struct unit_fixture *u = *state;
	struct kz_series s, back;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];

	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "cj");
	kz_str_set(&s.name, "中日地方交流促进研讨会");
	assert_int_equal(kz_rtype_tr_parse(&kz_series_type, &s,
	    "en:name=China-Japan seminar", "--tr", &err), KZ_OK);
	assert_int_equal(kz_rtype_tr_parse(&kz_series_type, &s,
	    "ja:name=日中セミナー", "--tr", &err), KZ_OK);
	assert_int_equal(kz_series_insert(u->db, &s, &err), KZ_OK);
	snprintf(id, sizeof id, "%s", s.id);
	kz_series_free(&s);
	assert_int_equal(rows(u->db, id), 2);

	assert_int_equal(kz_series_get(u->db, "cj", &back, &err), KZ_OK);
	assert_true(back.tr.whole);
	assert_string_equal(kz_tr_pick(&back.tr, "name", "en", back.name),
	    "China-Japan seminar");
	/* an English reader (the UI's language) reads the English */
	assert_string_equal(kz_rtype_in(&kz_series_type, "name", &back),
	    "China-Japan seminar");
	/* shown in the reader's language, stored as the original */
	kz_i18n_set_language("ja");
	{
		char *shown = kz_rfield_shown(kz_rtype_field(&kz_series_type,
		    "name"), &back, NULL);
		char *text = kz_rfield_text(kz_rtype_field(&kz_series_type,
		    "name"), &back);
		assert_string_equal(shown, "日中セミナー");
		assert_string_equal(text, "中日地方交流促进研讨会");
		free(shown);
		free(text);
	}
	kz_i18n_set_language("en");
	/* read whole: a removal is written */
	assert_int_equal(kz_tr_set(&back.tr, "name", "ja", NULL), KZ_OK);
	assert_int_equal(kz_series_update(u->db, &back, &err), KZ_OK);
	assert_int_equal(rows(u->db, id), 1);
	kz_series_free(&back);

	/* a record built from lines (a form, a file's row) adds, and removes
	 * only what it marks removed: not what another office added */
	memset(&s, 0, sizeof s);
	assert_int_equal(kz_series_get(u->db, "cj", &s, &err), KZ_OK);
	kz_tr_free(&s.tr);
	assert_false(s.tr.whole);
	assert_int_equal(kz_tr_set(&s.tr, "name", "zh", "研讨会"), KZ_OK);
	assert_int_equal(kz_tr_set(&s.tr, "name", "fr", "Séminaire"), KZ_OK);
	assert_int_equal(kz_series_update(u->db, &s, &err), KZ_OK);
	assert_int_equal(rows(u->db, id), 3);	/* en kept, zh and fr added */
	kz_series_free(&s);
	memset(&s, 0, sizeof s);
	assert_int_equal(kz_series_get(u->db, "cj", &s, &err), KZ_OK);
	kz_tr_free(&s.tr);
	assert_int_equal(kz_tr_set(&s.tr, "name", "fr", ""), KZ_OK);
	assert_int_equal(kz_series_update(u->db, &s, &err), KZ_OK);
	assert_int_equal(rows(u->db, id), 2);	/* fr marked removed */
	kz_series_free(&s);

	/* the JSON object, languages in order */
	{
		struct kz_buf b = { 0 };

		assert_int_equal(kz_series_get(u->db, "cj", &s, &err), KZ_OK);
		assert_int_equal(kz_rtype_tr_json(&kz_series_type, &s, &b),
		    KZ_OK);
		assert_string_equal(kz_buf_str(&b), "{\"name\": {\"en\": "
		    "\"China-Japan seminar\", \"zh\": \"研讨会\"}}");
		kz_buf_free(&b);
		kz_series_free(&s);
	}
	/* gone with the record */
	assert_int_equal(kz_series_delete(u->db, "cj", &err), KZ_OK);
	assert_int_equal(rows(u->db, id), 0);
}

/* Bad input is named by its place, and nothing is written. */
static void
test_refused(void **state)
{
	struct unit_fixture *u = *state;
	struct kz_series s;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100], big[300];

	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "cj");
	kz_str_set(&s.name, "原文");
	assert_int_equal(kz_rtype_tr_parse(&kz_series_type, &s, "en name",
	    "--tr", &err), KZ_ERROR);
	assert_non_null(strstr(kz_err_first(&err, buf, sizeof buf),
	    "LANG:FIELD=TEXT"));
	kz_err_clear(&err);
	assert_int_equal(kz_rtype_tr_parse(&kz_series_type, &s, "en:code=x",
	    "--tr", &err), KZ_ERROR);
	assert_non_null(strstr(kz_err_first(&err, buf, sizeof buf),
	    "\"code\" is not held in several languages"));
	kz_err_clear(&err);
	assert_int_equal(kz_rtype_tr_parse(&kz_series_type, &s, "EN:name=x",
	    "--tr", &err), KZ_ERROR);
	kz_err_clear(&err);
	memset(big, 'x', 250);
	big[250] = '\0';
	assert_int_equal(kz_tr_set(&s.tr, "name", "fr", big), KZ_OK);
	assert_int_equal(kz_series_insert(u->db, &s, &err), KZ_ERROR);
	assert_string_equal(err.item[0].where, "name@fr");
	kz_series_free(&s);
	assert_int_equal(rows(u->db, "%"), 0);
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(u->db->sql, "SELECT count(*) FROM text_tr",
		    -1, &st, NULL);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 0);
		sqlite3_finalize(st);
	}
}

/* A programme item's title: the CSV columns title@LANG go out and come
 * back through the table. */
static void
test_csv_columns(void **state)
{
	struct unit_fixture *u = *state;
	const struct kz_rtype *rt = &kz_programme_item_type;
	const struct kz_rfield *map[3];
	char *cells[] = { "title", "title@ja", "title@xx_y" };
	struct kz_tr_col two[] = { { "notes", "fr" }, { "title", "en" },
	    { "title", "ja" } };
	struct kz_tr_cols tc = { two, 3 };
	struct kz_item it;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };

	assert_int_equal(kz_rtype_csv_map(rt, cells, 2, map, "f.csv:1", &err),
	    KZ_ERROR);	/* date and kind are required */
	assert_ptr_equal(map[1], kz_rtype_field(rt, "title"));
	kz_err_clear(&err);
	kz_rtype_csv_map(rt, cells, 3, map, "f.csv:1", &err);
	assert_null(map[2]);	/* not a language */
	kz_err_clear(&err);

	kz_programme_item_init(&it);
	assert_int_equal(kz_rtype_csv_set(rt, map[0], cells[0], &it, "開会",
	    &err), KZ_OK);
	assert_int_equal(kz_rtype_csv_set(rt, map[1], cells[1], &it, "開会式",
	    &err), KZ_OK);
	assert_string_equal(it.title, "開会");
	assert_string_equal(kz_tr_get(&it.tr, "title", "ja"), "開会式");
	/* only a LANGS field's columns: notes@fr is none */
	kz_rtype_csv_header_in(rt, true, &tc, &b);
	assert_non_null(strstr(kz_buf_str(&b), "title,title@en,title@ja,notes\r\n"));
	b.len = 0;
	kz_rtype_csv_row_in(rt, &it, true, &tc, &b);
	assert_non_null(strstr(kz_buf_str(&b), ",開会,,開会式,"));
	kz_buf_free(&b);
	kz_programme_item_free(&it);
	(void)u;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick_order),
		cmocka_unit_test(test_lang_ok),
		cmocka_unit_test_setup_teardown(test_stored_with_record,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_refused, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_csv_columns, unit_setup,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
