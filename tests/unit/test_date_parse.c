/* test_date_parse.c - dates as people type them, in the office's order. */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "err.h"
#include "stamp.h"

/* The date s reads as in order o, or "ERR: <message>". */
static const char *
parse(const char *s, enum kz_date_order o)
{
	static char res[KZ_ERR_MSG + 8];
	struct kz_err err = { 0 };
	char out[11];

	if (kz_date_parse(s, o, out, "start", &err) == KZ_OK) {
		assert_int_equal(err.n, 0);
		snprintf(res, sizeof res, "%s", out);
	} else {
		assert_int_equal(err.n, 1);
		assert_string_equal(err.item[0].where, "start");
		assert_string_equal(out, "");
		snprintf(res, sizeof res, "ERR: %s", err.item[0].msg);
	}
	return res;
}

static void
test_forms_every_order(void **state)
{
	static const char *const same[] = {
		"2027-01-05", " 2027-01-05 ", "2027/1/5", "2027/01/05",
		"2027.1.5", "2027年1月5日", "2027年1月5", "2027 年 1 月 5 日",
		"２０２７年１月５日", "２０２７／１／５", "2027년 1월 5일",
		"2027. 1. 5.",
		"5 Jan 2027", "5 jan 2027", "05 January 2027", "Jan 5, 2027",
		"January 5 2027", "5-Jan-2027", "5 janv. 2027",
		"5 janvier 2027", "5 JANVIER 2027", "1er janvier 2027",
	};
	(void)state;
	for (int o = KZ_DATE_YMD; o <= KZ_DATE_MDY; o++)
		for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
			const char *want = strncmp(same[i], "1er", 3) == 0 ?
			    "2027-01-01" : "2027-01-05";
			assert_string_equal(parse(same[i], o), want);
		}
	assert_string_equal(parse("3 févr. 2027", KZ_DATE_YMD), "2027-02-03");
	assert_string_equal(parse("3 février 2027", KZ_DATE_YMD), "2027-02-03");
	assert_string_equal(parse("14 août 2027", KZ_DATE_DMY), "2027-08-14");
	assert_string_equal(parse("25 déc. 2027", KZ_DATE_MDY), "2027-12-25");
	assert_string_equal(parse("Sept 9, 2027", KZ_DATE_MDY), "2027-09-09");
}

static void
test_order_decides(void **state)
{
	(void)state;
	/* London: 1 February; New York: 2 January */
	assert_string_equal(parse("01/02/2027", KZ_DATE_DMY), "2027-02-01");
	assert_string_equal(parse("01.02.2027", KZ_DATE_DMY), "2027-02-01");
	assert_string_equal(parse("1/2/2027", KZ_DATE_DMY), "2027-02-01");
	assert_string_equal(parse("01/02/2027", KZ_DATE_MDY), "2027-01-02");
	assert_string_equal(parse("01-02-2027", KZ_DATE_MDY), "2027-01-02");
	assert_string_equal(parse("12/31/2027", KZ_DATE_MDY), "2027-12-31");
	/* the other order's date is refused, naming the office's order */
	assert_non_null(strstr(parse("12/31/2027", KZ_DATE_DMY),
	    "DD/MM/YYYY"));
	assert_non_null(strstr(parse("31/12/2027", KZ_DATE_MDY),
	    "MM/DD/YYYY"));
	/* an office writing the year first takes only one reading */
	assert_string_equal(parse("31/12/2027", KZ_DATE_YMD), "2027-12-31");
	assert_string_equal(parse("12/31/2027", KZ_DATE_YMD), "2027-12-31");
	assert_string_equal(parse("03/03/2027", KZ_DATE_YMD), "2027-03-03");
}

static void
test_ambiguous(void **state)
{
	const char *r;

	(void)state;
	r = parse("01/02/2027", KZ_DATE_YMD);
	assert_string_equal(r, "ERR: \"01/02/2027\" could be 2027-02-01 or "
	    "2027-01-02: write it as YYYY-MM-DD");
	r = parse("1.2.2027", KZ_DATE_YMD);
	assert_non_null(strstr(r, "could be"));
}

static void
test_bad_input(void **state)
{
	static const char *const bad[] = {
		"", "   ", "tomorrow", "2027", "2027-01", "2027-1-5-3",
		"1/2/27", "27/1/2", "2027/1/5/", "5 Foo 2027", "2027-01-05x",
		"2027-01-05 10:00", "2027年1日5月", "5 Jan", "Jan 2027",
		"2027/1-5", "2027/1/5/", "2027-1-5.", "１２３４５", "2027年01月005日", "00002027-01-05",
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *r = parse(bad[i], KZ_DATE_DMY);

		assert_non_null(strstr(r, "ERR: "));
	}
	/* the forms are shown */
	assert_non_null(strstr(parse("tomorrow", KZ_DATE_DMY),
	    "31/01/2027, 31.01.2027, 31 Jan 2027"));
	assert_non_null(strstr(parse("tomorrow", KZ_DATE_MDY),
	    "01/31/2027"));
	assert_non_null(strstr(parse("1899-12-31", KZ_DATE_YMD),
	    "1900 to 2199"));
	assert_non_null(strstr(parse("2027-13-01", KZ_DATE_YMD),
	    "no month 13"));
	assert_non_null(strstr(parse("2027-04-31", KZ_DATE_YMD),
	    "2027-04 has 30 days"));
	assert_null(strstr(parse(NULL, KZ_DATE_YMD), "(null)"));
}

static void
test_feb_29(void **state)
{
	(void)state;
	assert_string_equal(parse("2028-02-29", KZ_DATE_YMD), "2028-02-29");
	assert_string_equal(parse("29/02/2028", KZ_DATE_DMY), "2028-02-29");
	assert_string_equal(parse("02/29/2028", KZ_DATE_MDY), "2028-02-29");
	assert_string_equal(parse("2000年2月29日", KZ_DATE_MDY), "2000-02-29");
	assert_non_null(strstr(parse("29 Feb 2027", KZ_DATE_DMY),
	    "2027-02 has 28 days"));
	assert_non_null(strstr(parse("2100/2/29", KZ_DATE_DMY),
	    "2100-02 has 28 days"));
}

static void
test_order_of_format(void **state)
{
	(void)state;
	assert_int_equal(kz_date_order_of("%Y-%m-%d"), KZ_DATE_YMD);
	assert_int_equal(kz_date_order_of("%Y年%m月%d日"), KZ_DATE_YMD);
	assert_int_equal(kz_date_order_of("%d %b %Y"), KZ_DATE_DMY);
	assert_int_equal(kz_date_order_of("%d/%m/%Y"), KZ_DATE_DMY);
	assert_int_equal(kz_date_order_of("%-d.%-m.%Y"), KZ_DATE_DMY);
	assert_int_equal(kz_date_order_of("%m/%d/%Y"), KZ_DATE_MDY);
	assert_int_equal(kz_date_order_of("%B %e, %Y"), KZ_DATE_MDY);
	assert_int_equal(kz_date_order_of("%a %d %b"), KZ_DATE_DMY);
	assert_int_equal(kz_date_order_of("%D"), KZ_DATE_MDY);
	assert_int_equal(kz_date_order_of("%F"), KZ_DATE_YMD);
	assert_int_equal(kz_date_order_of("%%d %m %Y"), KZ_DATE_YMD);
	assert_int_equal(kz_date_order_of(NULL), KZ_DATE_YMD);
	assert_int_equal(kz_date_order_parse("dmy"), KZ_DATE_DMY);
	assert_int_equal(kz_date_order_parse("MDY"), KZ_DATE_MDY);
	assert_int_equal(kz_date_order_parse("DM"), -1);
	assert_string_equal(kz_date_order_name(KZ_DATE_DMY), "DMY");
	kz_date_set_order(KZ_DATE_MDY);
	assert_int_equal(kz_date_get_order(), KZ_DATE_MDY);
	kz_date_set_order(KZ_DATE_YMD);
}

/* The office's order: its date_order, else its date format's; and a
 * date shown in its format. */
static void
test_office_order(void **state)
{
	struct kz_config *c;
	char out[64];

	(void)state;
	assert_int_equal(kz_config_date_order(NULL), KZ_DATE_YMD);
	c = unit_config(NULL);
	assert_non_null(c);
	assert_int_equal(kz_config_date_order(c), KZ_DATE_YMD);
	kz_config_free(c);
	c = unit_config("office:\n  id: LON\n  name: London\n"
	    "  date_format: \"%d/%m/%Y\"\n");
	assert_non_null(c);
	assert_int_equal(kz_config_date_order(c), KZ_DATE_DMY);
	assert_string_equal(kz_stamp_date(c, "2027-02-01", out, sizeof out),
	    "01/02/2027");
	assert_string_equal(kz_stamp_date(c, "", out, sizeof out), "");
	kz_config_free(c);
	c = unit_config("office:\n  id: NYC\n  name: New York\n"
	    "  date_format: \"%Y-%m-%d\"\n  date_order: MDY\n");
	assert_non_null(c);
	assert_int_equal(kz_config_date_order(c), KZ_DATE_MDY);
	kz_config_free(c);
	assert_string_equal(kz_stamp_date(NULL, "2027-02-01", out,
	    sizeof out), "2027-02-01");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms_every_order),
		cmocka_unit_test(test_order_decides),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_feb_29),
		cmocka_unit_test(test_order_of_format),
		cmocka_unit_test(test_office_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
