/* test_specialist.c - the register against a real SQLite file: rules,
 * storage, search in three scripts, import, export and the demo set. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "demo.h"
#include "search.h"
#include "specialist.h"
#include "transfer.h"

static void
make(struct kz_specialist *s, const char *name, const char *roman,
    const char *gov, const char *fields)
{
	struct kz_err err = { 0 };

	kz_specialist_init(s);
	kz_str_set(&s->name, name);
	kz_str_set(&s->name_roman, roman);
	kz_str_set(&s->government, gov);
	assert_int_equal(kz_specialist_parse_fields(s, fields, &err), KZ_OK);
}

static void
add(struct unit_fixture *f, const char *name, const char *roman, const char *gov,
    const char *fields, char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	make(&s, name, roman, gov, fields);
	if (kz_specialist_insert(f->db, &s, &err) != KZ_OK)
		fail_msg("insert %s: %s %s", roman, err.item[0].where,
		    err.item[0].msg);
	if (id)
		memcpy(id, s.id, KZ_ID_SIZE);
	kz_specialist_free(&s);
}

static long
count(struct unit_fixture *f, const char *table)
{
	char sql[128];
	sqlite3_stmt *st;
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
test_open_schema(void **state)
{
	struct unit_fixture *f = *state;
	struct stat sb;

	assert_int_equal(kz_db_schema_version(f->db), kz_db_schema_latest());
	assert_true(kz_db_schema_latest() >= 1);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* a file that is not a database is refused, and left alone */
	char junk[128];
	snprintf(junk, sizeof junk, "%s/junk.db", f->dir);
	FILE *fp = fopen(junk, "w");
	fputs("this is not a database, it is a text file of some length\n", fp);
	fclose(fp);
	struct kz_err err = { 0 };
	assert_null(kz_db_open(junk, f->cfg, &err));
	assert_non_null(strstr(err.item[0].msg, "not a kizuna database"));
	unlink(junk);
}

static void
test_validation_names_fields(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name_roman, "王建国");		/* not Latin */
	kz_str_set(&s.email, "not-an-address");
	kz_str_set(&s.post, "bad\x01control");
	kz_specialist_parse_fields(&s, "agriculture:x:99; nosuchfield", &err);
	/* a period of a date that is none is refused as it is typed; one
	 * that got in another way the record's check refuses */
	assert_int_equal(kz_specialist_parse_unavail(&s,
	    "2026-02-30..2026-03-01", &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "unavailable"));
	memset(&err, 0, sizeof err);
	kz_specialist_add_unavail(&s, "2026-02-30", "2026-03-01", NULL);
	assert_int_equal(err.n, 0);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_ERROR);
	assert_non_null(kz_err_for(&err, "name"));
	assert_non_null(kz_err_for(&err, "name_roman"));
	assert_non_null(kz_err_for(&err, "government"));
	assert_non_null(kz_err_for(&err, "email"));
	assert_non_null(kz_err_for(&err, "post"));
	assert_non_null(kz_err_for(&err, "fields"));
	assert_non_null(kz_err_for(&err, "unavailable"));
	assert_int_equal(count(f, "specialist"), 0);	/* nothing written */
	kz_specialist_free(&s);

	/* invalid UTF-8 and overlong text */
	make(&s, "\xe7\x8e", "Wang", "四川省", "");
	char *long_gov = malloc(202);
	memset(long_gov, 'x', 201);
	long_gov[201] = '\0';
	kz_str_set(&s.government, long_gov);
	free(long_gov);
	kz_err_clear(&err);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_ERROR);
	assert_non_null(strstr(kz_err_for(&err, "name"), "UTF-8"));
	assert_non_null(strstr(kz_err_for(&err, "government"), "too long"));
	kz_specialist_free(&s);
	assert_int_equal(count(f, "specialist"), 0);
}

static void
test_insert_get_update_delete(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s, g;
	struct kz_err err = { 0 };
	char id[KZ_ID_SIZE];

	make(&s, "王建国", "Wang Jianguo", "四川省",
	    "agriculture:facility horticulture:12; 25");	/* by number too */
	kz_specialist_parse_langs(&s, "EN:business, zh:native", &err);
	kz_specialist_parse_unavail(&s, "2026-12-01..2026-12-20 surgery", &err);
	kz_str_set(&s.email, "wang@example.org");
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	memcpy(id, s.id, sizeof id);
	assert_memory_equal(id, "KZ-", 3);
	kz_specialist_free(&s);

	assert_int_equal(kz_specialist_get(f->db, id, &g, &err), KZ_OK);
	assert_string_equal(g.name, "王建国");
	assert_int_equal(g.nfields, 2);
	assert_string_equal(g.fields[0].code, "agriculture");
	assert_string_equal(g.fields[0].note, "facility horticulture");
	assert_int_equal(g.fields[0].years, 12);
	assert_int_equal(g.nlangs, 2);
	assert_string_equal(g.langs[0].lang, "en");
	assert_int_equal(g.langs[0].level, KZ_LEVEL_BUSINESS);
	assert_string_equal(g.unavail[0].reason, "surgery");
	char *text = kz_specialist_format_fields(&g);
	assert_string_equal(text, "agriculture:facility horticulture:12; "
	    "education");
	free(text);

	/* the random part alone finds it */
	struct kz_specialist h;
	assert_int_equal(kz_specialist_get(f->db, id + 3, &h, &err), KZ_OK);
	assert_string_equal(h.id, id);
	kz_specialist_free(&h);

	/* an update that breaks a rule writes nothing */
	kz_str_set(&g.name, NULL);
	assert_int_equal(kz_specialist_update(f->db, &g, &err), KZ_ERROR);
	kz_str_set(&g.name, "王建國");
	kz_err_clear(&err);
	if (kz_specialist_update(f->db, &g, &err) != KZ_OK)
		fail_msg("update: %s %s", err.item[0].where, err.item[0].msg);
	kz_specialist_free(&g);
	assert_int_equal(kz_specialist_get(f->db, id, &g, &err), KZ_OK);
	assert_string_equal(g.name, "王建國");
	kz_specialist_free(&g);

	assert_int_equal(kz_specialist_delete(f->db, id, &err), KZ_OK);
	assert_int_equal(count(f, "specialist"), 0);
	assert_int_equal(count(f, "specialist_field"), 0);	/* cascade */
	assert_int_equal(count(f, "specialist_fts"), 0);
	assert_int_equal(kz_specialist_get(f->db, id, &g, &err), KZ_ERROR);
}

static size_t
hits(struct unit_fixture *f, const char *text)
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
test_search_scripts(void **state)
{
	struct unit_fixture *f = *state;

	add(f, "王建国", "Wang Jianguo", "四川省成都市",
	    "agriculture:设施园艺", NULL);
	add(f, "佐藤 健一", "Ken'ichi Satō", "島根県", "education", NULL);
	add(f, "김민준", "Kim Minjun", "Seoul", "health", NULL);

	assert_int_equal(hits(f, "王"), 1);		/* one character */
	assert_int_equal(hits(f, "建国"), 1);		/* two, inside a name */
	assert_int_equal(hits(f, "国"), 1);		/* the last one alone */
	assert_int_equal(hits(f, "园艺"), 1);		/* inside a note */
	assert_int_equal(hits(f, "设施园艺"), 1);
	assert_int_equal(hits(f, "园设"), 0);		/* not a substring */
	assert_int_equal(hits(f, "成都"), 1);
	assert_int_equal(hits(f, "島根"), 1);		/* Japanese */
	assert_int_equal(hits(f, "민준"), 1);		/* Korean */
	assert_int_equal(hits(f, "sato"), 1);		/* accents folded */
	assert_int_equal(hits(f, "wang"), 1);
	assert_int_equal(hits(f, "jian"), 1);		/* prefix */
	assert_int_equal(hits(f, "agriculture"), 1);	/* field code */
	assert_int_equal(hits(f, "农业"), 1);		/* field name, zh */
	assert_int_equal(hits(f, "教育"), 1);		/* field name, ja/zh */
	assert_int_equal(hits(f, "wang 四川"), 1);	/* all terms */
	assert_int_equal(hits(f, "wang 島根"), 0);
	assert_int_equal(hits(f, "\"-*("), 0);		/* syntax is literal */
	assert_int_equal(hits(f, "AND OR NOT"), 0);
}

/* A sync import deletes and inserts, then makes the search rows of the
 * records it touched, in no set order. The rowid a deleted specialist
 * leaves is taken by the next insert: refreshing the deleted one after
 * must not take the new one's row out of the index. */
static void
test_search_rowid_reused(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	char gone[KZ_ID_SIZE], sql[128];

	add(f, "佐藤 健一", "Ken'ichi Sato", "島根県", "education", NULL);
	add(f, "李明", "Li Ming", "北京市", "health", gone);
	/* the last rowid freed, as a sync import deletes: the row only */
	snprintf(sql, sizeof sql, "DELETE FROM specialist WHERE id = '%s'",
	    gone);
	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	add(f, "王建国", "Wang Jianguo", "四川省", "agriculture:设施园艺",
	    NULL);
	assert_int_equal(kz_search_refresh(f->db, gone, &err), KZ_OK);
	assert_int_equal(hits(f, "Wang"), 1);
	assert_int_equal(hits(f, "园艺"), 1);
	assert_int_equal(hits(f, "Li Ming"), 0);
	assert_int_equal(hits(f, "Sato"), 1);
}

static void
test_filters(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_specialist s;
	struct kz_specialist_query q;
	struct kz_specialist_rows l;
	struct kz_err err = { 0 };

	make(&s, "甲", "Ko", "A県", "agriculture");
	kz_specialist_parse_langs(&s, "en:fluent", &err);
	kz_specialist_parse_unavail(&s, "2026-12-01..2026-12-31", &err);
	s.status = KZ_RETIRED;
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	kz_specialist_free(&s);
	make(&s, "乙", "Otsu", "B県", "education");
	kz_specialist_parse_langs(&s, "en:basic, zh-Hant:business", &err);
	assert_int_equal(kz_specialist_insert(f->db, &s, &err), KZ_OK);
	kz_specialist_free(&s);

	kz_specialist_query_init(&q);
	q.field = "agriculture";
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].name_roman, "Ko");
	kz_specialist_rows_free(&l);

	kz_specialist_query_init(&q);
	q.lang = "en";
	q.min_level = KZ_LEVEL_BUSINESS;
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].name_roman, "Ko");
	kz_specialist_rows_free(&l);

	kz_specialist_query_init(&q);
	q.lang = "zh";			/* zh matches zh-Hant */
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);
	kz_specialist_rows_free(&l);

	kz_specialist_query_init(&q);
	q.status = KZ_SERVING;
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].name_roman, "Otsu");
	kz_specialist_rows_free(&l);

	kz_specialist_query_init(&q);
	q.free_from = "2026-12-20";
	q.free_to = "2027-01-10";
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);		/* Ko is away until the 31st */
	assert_string_equal(l.rows[0].name_roman, "Otsu");
	kz_specialist_rows_free(&l);
	q.free_from = "2027-01-01";
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_OK);
	assert_int_equal(l.n, 2);
	kz_specialist_rows_free(&l);

	kz_specialist_query_init(&q);
	q.field = "nosuch";
	assert_int_equal(kz_specialist_search(f->db, &q, &l, &err), KZ_ERROR);
}

static void
test_import_all_or_nothing(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	const char *bad = "name,name_roman,government,fields\n"
	    "王建国,Wang Jianguo,四川省,agriculture\n"
	    ",No Name,島根県,education\n"
	    "李明,Li Ming,吉林省,nosuch\n";
	const char *good = "name,name_roman,government,fields,languages\n"
	    "王建国,Wang Jianguo,四川省,agriculture:设施园艺:3,zh:native\n"
	    "李明,Li Ming,吉林省,education,\n"
	    "李明,Li Ming,吉林省,education,\n";

	assert_int_equal(kz_import_specialists(f->db, "bad.csv", bad,
	    strlen(bad), false, NULL, NULL, &rep, &err), KZ_ERROR);
	assert_int_equal(rep.read, 3);
	assert_int_equal(rep.imported, 0);
	assert_int_equal(rep.bad, 2);
	assert_int_equal(rep.skipped, 3);
	assert_non_null(strstr(kz_buf_str(&rep.log), "bad.csv:3: name:"));
	assert_non_null(strstr(kz_buf_str(&rep.log), "bad.csv:4: fields:"));
	assert_int_equal(count(f, "specialist"), 0);
	kz_import_report_free(&rep);

	kz_err_clear(&err);
	assert_int_equal(kz_import_specialists(f->db, "bad.csv", bad,
	    strlen(bad), true, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 1);
	assert_int_equal(rep.skipped, 2);
	kz_import_report_free(&rep);

	/* the same person again is skipped as a duplicate, in the file too */
	assert_int_equal(kz_import_specialists(f->db, "good.csv", good,
	    strlen(good), false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.read, 3);
	assert_int_equal(rep.imported, 1);
	assert_int_equal(rep.skipped, 2);
	assert_non_null(strstr(kz_buf_str(&rep.log), "good.csv:2: skipped"));
	kz_import_report_free(&rep);
	assert_int_equal(count(f, "specialist"), 2);

	/* export and import into a fresh database: the same records */
	struct kz_buf out = { 0 };
	assert_int_equal(kz_export_specialists(f->db, false, &out, &err), KZ_OK);
	assert_null(strstr(kz_buf_str(&out), "email"));
	assert_non_null(strstr(kz_buf_str(&out), "Li Ming,吉林省,,serving,education"));
	struct kz_buf with = { 0 };
	assert_int_equal(kz_export_specialists(f->db, true, &with, &err), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&with), ",email,phone,address,"));
	kz_buf_free(&with);

	char p2[128];
	snprintf(p2, sizeof p2, "%s/second.db", f->dir);
	struct kz_db *db2 = kz_db_open(p2, f->cfg, &err);
	assert_non_null(db2);
	assert_int_equal(kz_import_specialists(db2, "out.csv", out.s, out.len,
	    false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 2);
	kz_import_report_free(&rep);
	/* ids travel with the records: a second import adds nothing */
	assert_int_equal(kz_import_specialists(db2, "out.csv", out.s, out.len,
	    false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 0);
	assert_int_equal(rep.skipped, 2);
	kz_import_report_free(&rep);
	struct kz_buf again = { 0 };
	assert_int_equal(kz_export_specialists(db2, false, &again, &err), KZ_OK);
	assert_string_equal(kz_buf_str(&out), kz_buf_str(&again));
	kz_buf_free(&out);
	kz_buf_free(&again);
	kz_db_close(db2);
	unlink(p2);
	strcat(p2, "-wal");
	unlink(p2);
	p2[strlen(p2) - 4] = '\0';
	strcat(p2, "-shm");
	unlink(p2);

	/* header problems are reported before any row */
	const char *hdr = "name,roman,name\nx,y,z\n";
	kz_err_clear(&err);
	assert_int_equal(kz_import_specialists(f->db, "h.csv", hdr,
	    strlen(hdr), false, NULL, NULL, &rep, &err), KZ_ERROR);
	assert_true(err.n >= 2);
	kz_import_report_free(&rep);
}

/* The FTS5 setting of table for key (its _config), or -1 if it has
 * none (FTS5's default then). */
static long
fts_setting(struct unit_fixture *f, const char *table, const char *key)
{
	char sql[128];
	sqlite3_stmt *st;
	long v = -1;

	snprintf(sql, sizeof sql, "SELECT v FROM %s_config WHERE k = ?", table);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* An import indexes its rows in one pass with FTS5 set for a bulk
 * write (kz_fts_bulk: no merges, a large buffer): every row is found
 * after it, and the index's settings are FTS5's defaults again, for
 * the writes of one row that follow (kept at 0, automerge would leave
 * every later write a segment of its own). The same after a rebuild. */
static void
test_import_index_settings(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_import_report rep;
	struct kz_err err = { 0 };
	struct kz_buf csv = { 0 };
	char line[160];

	kz_buf_puts(&csv, "name,name_roman,government,"
	    "fields,notes\n");
	for (int i = 0; i < 3000; i++) {
		snprintf(line, sizeof line, "试验%d,Test Person%d,島根県,"
		    "education,mark%dq 园艺%d\n", i, i, i, i % 7);
		kz_buf_puts(&csv, line);
	}
	assert_int_equal(kz_import_specialists(f->db, "many.csv", csv.s,
	    csv.len, false, NULL, NULL, &rep, &err), KZ_OK);
	assert_int_equal(rep.imported, 3000);
	kz_import_report_free(&rep);
	kz_buf_free(&csv);
	assert_int_equal(fts_setting(f, "specialist_fts", "automerge"), 4);
	assert_int_equal(fts_setting(f, "specialist_fts", "hashsize"),
	    1 << 20);
	assert_int_equal(hits(f, "mark0q"), 1);
	assert_int_equal(hits(f, "mark2999q"), 1);
	assert_int_equal(hits(f, "试验1234"), 1);
	assert_int_equal(hits(f, "person"), 3000);
	/* a row written after, alone, is found too */
	add(f, "王建国", "Wang Jianguo", "四川省", "agriculture", NULL);
	assert_int_equal(hits(f, "wang"), 1);

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	assert_int_equal(kz_search_rebuild(f->db, &err), KZ_OK);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
	assert_int_equal(fts_setting(f, "specialist_fts", "automerge"), 4);
	assert_int_equal(fts_setting(f, "specialist_fts", "hashsize"),
	    1 << 20);
	assert_int_equal(hits(f, "mark1500q"), 1);
	assert_int_equal(hits(f, "wang"), 1);
}

static void
test_demo_figures(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_field_count *fc;
	struct kz_err err = { 0 };
	size_t n;
	long people, regs;

	assert_int_equal(kz_demo_load(f->db, &err), KZ_OK);
	assert_int_equal(kz_specialist_count_fields(f->db, &fc, &n, &people,
	    &regs, &err), KZ_OK);
	assert_int_equal(people, 1168);
	assert_int_equal(regs, 1492);
	long want[][2] = { { 0, 180 }, { 0, 131 }, { 0, 100 }, { 0, 96 },
	    { 0, 88 } };
	const char *codes[] = { "education", "agriculture", "civil_engineering",
	    "health", "environment" };
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 5; k++)
			if (strcmp(fc[i].field->code, codes[k]) == 0)
				want[k][0] = fc[i].count;
		if (fc[i].count > 88)	/* only the published four are larger */
			assert_true(fc[i].count == 180 || fc[i].count == 131 ||
			    fc[i].count == 100 || fc[i].count == 96);
	}
	for (int k = 0; k < 5; k++)
		assert_int_equal(want[k][0], want[k][1]);
	free(fc);
	/* a second load into a full register is refused */
	assert_int_equal(kz_demo_load(f->db, &err), KZ_ERROR);
	assert_int_equal(count(f, "specialist"), 1168);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_schema, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_validation_names_fields,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_insert_get_update_delete,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_search_scripts, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_search_rowid_reused,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_filters, unit_setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_import_all_or_nothing,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_import_index_settings,
		    unit_setup, unit_teardown),
		cmocka_unit_test_setup_teardown(test_demo_figures, unit_setup,
		    unit_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
