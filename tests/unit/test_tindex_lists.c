/* test_tindex_lists.c - the seminar and activity lists' indexes (tindex.h): a row found by its text, kept current whoever writes, an edition by its translations, and the matches in the list's order. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "rlist.h"
#include "rwin.h"

static const char office[] =
	"office:\n  id: TYO\n  name: Tokyo\n  role: office\n  region: Japan\n"
	"  countries: [CN]\n  language: en\n  timezone: Asia/Tokyo\n";

/* Each list with its search: a row of its table made with %s its id
 * and %s a text where the search looks (col), and the row again with
 * %d a number that leaves it alike in every term of the list's order
 * but the last. */
static const struct {
	const struct kz_rlist *l;
	const char *table, *col, *row;
} lists[] = {
	{ &kz_rlist_seminars, "seminar", "theme", "INSERT INTO seminar (id, "
	  "series, year, theme, status, created, updated) VALUES ('%s', "
	  "'TYO-QQQQ-S000', 1901, '%s', 'held', 't', "
	  "'t')" },
	{ &kz_rlist_support, "support", "what", "INSERT INTO support (id, "
	  "start, government, kind, what, created, updated) VALUES ('%s', "
	  "'2020-01-01', 'Shimane', 'visit', '%s', 't', 't')" },
	{ &kz_rlist_research, "research", "topic", "INSERT INTO research (id, "
	  "government, topic, requested, status, created, updated) VALUES "
	  "('%s', 'Shimane', '%s', '2020-01-01', 'requested', 't', 't')" },
	{ &kz_rlist_promotion, "promotion", "notes", "INSERT INTO promotion "
	  "(id, kind, name, start, notes, created, updated) VALUES ('%s', "
	  "'fair', 'Fair', '2020-01-01', '%s', 't', 't')" },
	{ &kz_rlist_jet, "jet", "notes", "INSERT INTO jet (id, year, kind, "
	  "level, placement, notes, created, updated) VALUES ('%s', 2020, "
	  "'alt', 'prefecture', 'Shimane', '%s', 't', 't')" },
	{ &kz_rlist_friendship, "friendship", "notes", "INSERT INTO friendship "
	  "(id, japanese, partner, signed, notes, created, updated) VALUES "
	  "('%s', 'Matsue', 'Yinchuan', '2020-01-01', '%s', 't', 't')" },
	{ &kz_rlist_rep_office, "rep_office", "notes", "INSERT INTO rep_office "
	  "(id, government, city, opened, notes, created, updated) VALUES "
	  "('%s', 'Shimane', 'Dalian', '2020-01-01', '%s', 't', 't')" },
	{ &kz_rlist_delegation, "delegation", "purpose", "INSERT INTO "
	  "delegation (id, direction, who, start, purpose, status, created, "
	  "updated) VALUES ('%s', 'received', 'Mayor', '2020-01-01', '%s', "
	  "'held', 't', 't')" },
};
#define NLISTS (sizeof lists / sizeof lists[0])

static int
setup(void **state)
{
	struct unit_fixture *f;
	struct kz_err err = { 0 };

	if (unit_setup_with(state, office))
		return -1;
	f = *state;
	if (kz_demo_load(f->db, &err) != KZ_OK)
		return -1;
	unit_exec(f->db, "INSERT INTO seminar_series (id, code, name, office, "
	    "created, updated) VALUES ('TYO-QQQQ-S000', 'qq', 'Q', 'TYO', "
	    "'t', 't')");
	return 0;
}

/* The row of lists[i] with id and text, written by SQL alone. */
static void
put(struct kz_db *db, size_t i, const char *id, const char *text)
{
	char sql[600];

	snprintf(sql, sizeof sql, lists[i].row, id, text);
	unit_exec(db, sql);
}

/* The ids lists[i] gives for `--search term`, read whole,
 * comma-joined; the search asks the list's index. */
static char *
found(struct kz_db *db, size_t i, const char *term)
{
	struct kz_rlist_query q;
	char fts[64], *sql, *out;

	kz_rlist_query_init(&q, lists[i].l);
	assert_int_equal(kz_rlist_set(&q, "search", term), KZ_OK);
	out = unit_list_ids(db, &q, &sql);
	snprintf(fts, sizeof fts, "%s_fts MATCH", lists[i].table);
	if (strstr(sql, fts) == NULL)
		fail_msg("%s: the search does not ask %s: %s", q.l->name, fts,
		    sql);
	free(sql);
	return out;
}

static void
expect(struct kz_db *db, size_t i, const char *term, const char *ids)
{
	char *got = found(db, i, term);

	if (strcmp(got, ids) != 0)
		fail_msg("%s --search %s: \"%s\", not \"%s\"", lists[i].table,
		    term, got, ids);
	free(got);
}

/* For each list, written by SQL alone (as the sqlite3 shell would): a
 * row added is found by its words (Latin ones from their start, CJK
 * terms anywhere), a change found at once and its old words no more,
 * a row put back in its place (INSERT OR REPLACE) found by its new
 * text, a deleted row not found. */
static void
test_current(void **state)
{
	struct unit_fixture *f = *state;
	static const char id[] = "TYO-QQQQ-0001";
	char sql[300];

	for (size_t i = 0; i < NLISTS; i++) {
		/* indexed before the writes */
		expect(f->db, i, "zzz", "");
		put(f->db, i, id, "Quokka survey 袋鼠调查");
		expect(f->db, i, "quokka", id);
		expect(f->db, i, "QUOK surv", id);
		expect(f->db, i, "鼠调", id);
		/* Latin words from their start, as `search` */
		expect(f->db, i, "okka", "");

		snprintf(sql, sizeof sql, "UPDATE %s SET %s = 'Wombat census' "
		    "WHERE id = '%s'", lists[i].table, lists[i].col, id);
		unit_exec(f->db, sql);
		expect(f->db, i, "wombat", id);
		expect(f->db, i, "quokka", "");
		expect(f->db, i, "鼠调", "");

		snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO %s SELECT * "
		    "FROM %s WHERE id = '%s'; UPDATE %s SET %s = 'Numbat' "
		    "WHERE id = '%s'", lists[i].table, lists[i].table, id,
		    lists[i].table, lists[i].col, id);
		unit_exec(f->db, sql);
		expect(f->db, i, "numbat", id);
		expect(f->db, i, "wombat", "");

		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = '%s'",
		    lists[i].table, id);
		unit_exec(f->db, sql);
		expect(f->db, i, "numbat", "");
	}
}

/* An edition is found by its translations (text_tr), which follow
 * their writes, whoever writes. */
static void
test_translations(void **state)
{
	struct unit_fixture *f = *state;
	static const char id[] = "TYO-QQQQ-0002";

	put(f->db, 0, id, "Kiwi");
	expect(f->db, 0, "海獭", "");
	unit_exec(f->db, "INSERT INTO text_tr (record, field, lang, text) VALUES "
	    "('TYO-QQQQ-0002', 'theme', 'zh', '海獭保护')");
	expect(f->db, 0, "海獭", id);
	expect(f->db, 0, "kiwi 保护", id);
	unit_exec(f->db, "UPDATE text_tr SET text = 'Otter care' WHERE record = "
	    "'TYO-QQQQ-0002'");
	expect(f->db, 0, "海獭", "");
	expect(f->db, 0, "otter", id);
	unit_exec(f->db, "INSERT OR REPLACE INTO text_tr (record, field, lang, "
	    "text) VALUES ('TYO-QQQQ-0002', 'theme', 'zh', 'Beaver')");
	expect(f->db, 0, "otter", "");
	expect(f->db, 0, "beaver", id);
	unit_exec(f->db, "INSERT INTO text_tr (record, field, lang, text) VALUES "
	    "('TYO-QQQQ-0002', 'title', 'ja', 'ラッコ')");
	expect(f->db, 0, "beaver ラッコ", id);
	unit_exec(f->db, "DELETE FROM text_tr WHERE record = 'TYO-QQQQ-0002' AND "
	    "field = 'theme'");
	expect(f->db, 0, "beaver", "");
	expect(f->db, 0, "ラッコ", id);
	/* the edition gone, its translations with it */
	unit_exec(f->db, "DELETE FROM seminar WHERE id = 'TYO-QQQQ-0002'");
	expect(f->db, 0, "ラッコ", "");
	expect(f->db, 0, "kiwi", "");
}

/* A search on a tab: its matches in the list's order (rows alike in
 * every term but the last among them), the same rows as the whole
 * query, counted at once. */
static void
test_window(void **state)
{
	struct unit_fixture *f = *state;
	static const char *const terms[] = { "kiwi", "k", "2020", "鸟" };
	struct kz_rlist_query q;
	struct kz_rwin w;
	struct kz_err err = { 0 };

	for (size_t i = 0; i < NLISTS; i++) {
		/* more than two pages (KZ_RWIN_PAGE), ids out of the
		 * order their rowids come in */
		for (int k = 0; k < 150; k++) {
			char id[32];

			snprintf(id, sizeof id, "TYO-QQQQ-%04d", (k * 7) % 150);
			put(f->db, i, id, k % 3 ? "Kiwi 2020 鸟类" : "Kea");
		}
		for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
			char *all = found(f->db, i, terms[t]);
			char *p = all, *id;
			long long n = 0;

			kz_rlist_query_init(&q, lists[i].l);
			kz_rlist_set(&q, "search", terms[t]);
			assert_int_equal(kz_rwin_open(f->db, &q, &w, &err),
			    KZ_OK);
			assert_non_null(w.hits);
			assert_true(kz_rwin_exact(&w));
			while ((id = strsep(&p, ",")) != NULL && *id) {
				const struct kz_rwin_row *r = kz_rwin_row(&w,
				    n++, &err);

				if (r == NULL || strcmp(r->id, id) != 0)
					fail_msg("%s --search %s: row %lld is "
					    "%s, not %s", lists[i].table,
					    terms[t], n - 1, r ? r->id : "-",
					    id);
			}
			assert_true(n >= 100);
			assert_int_equal(kz_rwin_count(&w), n);
			kz_rwin_close(&w);
			free(all);
		}
	}
	assert_int_equal(err.n, 0);
}

/* The ids of a window's rows, comma-joined; whether its statement
 * read them from the search's matches (few), or went through the list
 * asking the matches gathered (many). */
static char *
window_ids(struct kz_db *db, struct kz_rlist_query *q, bool *drove,
    bool *asked)
{
	char *sql, *out;

	q->window = true;
	q->limit = 100000;
	out = unit_list_ids(db, q, &sql);
	*drove = strstr(sql, "kz_m CROSS JOIN") != NULL;
	*asked = strstr(sql, "kz_hit(?") != NULL;
	free(sql);
	return out;
}

/* A search with other filters, as the Seminars tab's (its series, by
 * year): few matches are read from the index's matches, whatever the
 * other filters' indexes, the values bound in their places; many go
 * through the list in order, each row asking the matches gathered.
 * The rows are the same either way. */
static void
test_few_filtered(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_rlist_query q;
	bool drove, asked;
	char *got, *want;

	unit_exec(f->db, "INSERT INTO seminar_series (id, code, name, office, "
	    "created, updated) VALUES ('TYO-QQQQ-S001', 'qr', 'R', 'TYO', "
	    "'t', 't')");
	/* editions of two series, Kiwi in a few, years out of rowid order;
	 * cancelled ones, and ones out of 1921..1940, filtered out */
	unit_exec(f->db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT "
	    "i + 1 FROM n WHERE i < 6000) INSERT INTO seminar (id, series, "
	    "number, year, theme, status, created, updated) SELECT printf("
	    "'TYO-QQQQ-%04d', i), CASE WHEN i % 2 THEN 'TYO-QQQQ-S000' ELSE "
	    "'TYO-QQQQ-S001' END, i, 1900 + (i * 37) % 90, CASE WHEN i % 7 = "
	    "0 THEN 'Kiwi watch' ELSE 'Kea ' || i END, CASE WHEN i % 5 = 0 "
	    "THEN 'cancelled' ELSE 'held' END, 't', 't' FROM n");
	want = unit_query(f->db, "SELECT group_concat(id, ',') FROM (SELECT "
	    "id FROM seminar WHERE series = 'TYO-QQQQ-S000' AND theme LIKE "
	    "'Kiwi%' AND status = 'held' AND year BETWEEN 1921 AND 1940 "
	    "ORDER BY year DESC, number, start, id)");
	kz_rlist_query_init(&q, &kz_rlist_seminars);
	kz_rlist_set(&q, "series", "TYO-QQQQ-S000");
	kz_rlist_set(&q, "status", "held");
	kz_rlist_set(&q, "year", "1921-01-01..1940-12-31");
	kz_rlist_set(&q, "search", "kiwi");
	q.sort = "-year";
	got = window_ids(f->db, &q, &drove, &asked);
	assert_true(drove);
	assert_false(asked);
	assert_non_null(strchr(want, ','));
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* every edition matches "kea" or "kiwi"'s k: many (6,000) */
	want = unit_query(f->db, "SELECT group_concat(id, ',') FROM (SELECT "
	    "id FROM seminar WHERE series = 'TYO-QQQQ-S000' AND status = "
	    "'held' ORDER BY year, number, start, id)");
	kz_rlist_query_init(&q, &kz_rlist_seminars);
	kz_rlist_set(&q, "series", "TYO-QQQQ-S000");
	kz_rlist_set(&q, "status", "held");
	kz_rlist_set(&q, "search", "k");
	q.sort = "year";
	got = window_ids(f->db, &q, &drove, &asked);
	assert_false(drove);
	assert_true(asked);
	assert_string_equal(got, want);
	free(got);
	free(want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_current, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_translations, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_window, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_few_filtered, setup,
		    unit_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
