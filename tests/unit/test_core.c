/* test_core.c - ids, dates, display width and CSV reading. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "date.h"
#include "id.h"
#include "sha256.h"
#include "stamp.h"
#include "config.h"
#include "text.h"

static void
test_id_round_trip(void **state)
{
	char id[KZ_ID_SIZE], norm[KZ_ID_SIZE], typed[KZ_ID_SIZE];

	(void)state;
	for (int i = 0; i < 200; i++) {
		assert_int_equal(kz_id_new("BJS", id), 0);
		assert_int_equal(strlen(id), strlen("BJS-XXXX-XXXX"));
		assert_true(kz_id_normalise(id, norm));
		assert_string_equal(id, norm);
		/* lower case, no dashes, O for 0 and l for 1 still resolve */
		size_t n = 0;
		for (const char *p = id; *p; p++)
			if (*p != '-' || p == id + 3)
				typed[n++] = (char)(*p == '0' ? 'o' : *p == '1' ?
				    'l' : (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
		typed[n] = '\0';
		assert_true(kz_id_normalise(typed, norm));
		assert_string_equal(id, norm);
	}
}

static void
test_id_check_character(void **state)
{
	char id[KZ_ID_SIZE], bad[KZ_ID_SIZE], out[KZ_ID_SIZE];
	static const char digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	(void)state;
	/* any single changed character is caught, whatever the id */
	for (int round = 0; round < 300; round++) {
	assert_int_equal(kz_id_new(round % 2 ? "SIN" : "BJS", id), 0);
	for (size_t pos = 4; id[pos]; pos++) {
		if (id[pos] == '-')
			continue;
		for (const char *d = digits; *d; d++) {
			if (*d == id[pos])
				continue;
			memcpy(bad, id, sizeof bad);
			bad[pos] = *d;
			assert_false(kz_id_normalise(bad, out));
		}
	}
	}
	assert_false(kz_id_normalise("SIN-1234", out));
	assert_false(kz_id_normalise("S-1234-5678", out));
	assert_false(kz_id_normalise("", out));
	assert_int_equal(kz_id_new("bj", id), -1);
}

static void
test_dates(void **state)
{
	char out[32];

	(void)state;
	assert_true(kz_date_valid("2024-02-29"));
	assert_false(kz_date_valid("2023-02-29"));
	assert_false(kz_date_valid("2023-13-01"));
	assert_false(kz_date_valid("2023-1-01"));
	assert_false(kz_date_valid("2023-01-01x"));
	assert_int_equal(kz_date_days("1970-01-01"), 0);
	assert_int_equal(kz_date_days("2019-09-23") - kz_date_days("2019-09-16"), 7);
	kz_date_from_days(kz_date_days("2000-03-01") - 1, out);
	assert_string_equal(out, "2000-02-29");
	kz_date_format("2019-08-21", "%Y年%m月%d日", out, sizeof out);
	assert_string_equal(out, "2019年08月21日");
	kz_date_format("2019-08-21", "%a %d %b %Y", out, sizeof out);
	assert_string_equal(out, "Wed 21 Aug 2019");
}

static void
test_width(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(kz_text_width("王建国"), 6);
	assert_int_equal(kz_text_width("Wang"), 4);
	assert_int_equal(kz_text_width("é"), 1);
	/* cut: never half a wide character, never half a UTF-8 sequence */
	assert_int_equal(kz_text_fit(out, sizeof out, "王建国", 4, true), 4);
	assert_string_equal(out, "王 ~");
	assert_int_equal(kz_text_fit(out, sizeof out, "王建国", 5, true), 5);
	assert_string_equal(out, "王建~");
	assert_int_equal(kz_text_fit(out, sizeof out, "ab", 5, true), 5);
	assert_string_equal(out, "ab   ");
	assert_int_equal(kz_text_fit(out, sizeof out, "a\tb", 3, false), 3);
	assert_string_equal(out, "a b");
	assert_true(kz_utf8_valid("农业", strlen("农业")));
	assert_false(kz_utf8_valid("\xe5\x86", 2));
	assert_false(kz_utf8_valid("\xc0\xaf", 2));	/* overlong */
	assert_false(kz_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
}

static void
test_csv(void **state)
{
	const char *data = "\xef\xbb\xbfname,notes\r\n"
	    "\"王, 建国\",\"two\nlines \"\"quoted\"\"\"\r\n\r\n"
	    "plain,\n";
	struct kz_csv r;
	struct kz_csv_row row;
	struct kz_err err = { 0 };

	(void)state;
	kz_csv_open(&r, "t.csv", data, strlen(data));
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.n, 2);
	assert_string_equal(row.cell[0], "name");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.line, 2);
	assert_string_equal(row.cell[0], "王, 建国");
	assert_string_equal(row.cell[1], "two\nlines \"quoted\"");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.line, 5);
	assert_int_equal(row.n, 2);
	assert_string_equal(row.cell[1], "");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 0);

	const char *bad = "a,b\n\"open,x\n";
	kz_csv_open(&r, "bad.csv", bad, strlen(bad));
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), -1);
	assert_string_equal(err.item[0].where, "bad.csv:2");

	/* writing quotes what must be quoted, and reads back the same */
	struct kz_buf b = { 0 };
	kz_csv_cell(&b, "a,b", 0);
	kz_csv_cell(&b, "say \"hi\"", 0);
	kz_csv_cell(&b, "plain", 1);
	assert_string_equal(kz_buf_str(&b), "\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
	kz_buf_free(&b);
}

static void
test_sha256(void **state)
{
	char hex[65];
	char *big = malloc(1000000);

	(void)state;
	kz_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	kz_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	kz_sha256_hex(two, strlen(two), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(big, 'a', 1000000);
	kz_sha256_hex(big, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(big);
}

static void
test_stamp(void **state)
{
	struct kz_config cfg = { 0 };
	char out[96];

	(void)state;
	cfg.timezone = "Asia/Shanghai";
	cfg.date_format = "%Y-%m-%d";
	/* after 16:00 UTC it is the next day in Beijing */
	kz_stamp_format(&cfg, "2026-11-21T23:54:00Z", out, sizeof out);
	assert_string_equal(out, "2026-11-22 07:54 CST");
	cfg.timezone = "Europe/Paris";	/* summer and winter time */
	kz_stamp_format(&cfg, "2026-07-01T12:00:00Z", out, sizeof out);
	assert_string_equal(out, "2026-07-01 14:00 CEST");
	kz_stamp_format(&cfg, "2026-01-01T00:30:00Z", out, sizeof out);
	assert_string_equal(out, "2026-01-01 01:30 CET");
	cfg.timezone = "America/New_York";
	cfg.date_format = "%d %b %Y";
	kz_stamp_format(&cfg, "2026-03-01T03:00:00Z", out, sizeof out);
	assert_string_equal(out, "28 Feb 2026 22:00 EST");
	kz_stamp_format(&cfg, "not a stamp", out, sizeof out);
	assert_string_equal(out, "not a stamp");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_round_trip),
		cmocka_unit_test(test_id_check_character),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_stamp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
