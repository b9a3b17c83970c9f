/* test_year.c - the reporting year, and years or ranges as typed. */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "err.h"
#include "year.h"

static void
test_fiscal_year(void **state)
{
	char f[11], t[11];

	(void)state;
	/* no configuration: April to March */
	assert_int_equal(kz_year_start(NULL), 4);
	assert_int_equal(kz_year_of(NULL, "2019-04-01"), 2019);
	assert_int_equal(kz_year_of(NULL, "2020-03-31"), 2019);
	assert_int_equal(kz_year_of(NULL, "2020-01-11"), 2019);
	assert_int_equal(kz_year_of(NULL, "2019-03-31"), 2018);
	assert_int_equal(kz_year_of(NULL, "2019-13-01"), 0);
	assert_int_equal(kz_year_of(NULL, ""), 0);
	kz_year_range(NULL, 2019, f, t);
	assert_string_equal(f, "2019-04-01");
	assert_string_equal(t, "2020-03-31");
}

static void
test_configured_start(void **state)
{
	struct kz_config *c;
	char f[11], t[11], name[64];

	(void)state;
	c = unit_config("office:\n  id: SYD\n  name: Sydney\n"
	    "  year_start: 7\n");
	assert_non_null(c);
	assert_int_equal(kz_year_start(c), 7);
	assert_int_equal(kz_year_of(c, "2019-06-30"), 2018);
	assert_int_equal(kz_year_of(c, "2019-07-01"), 2019);
	kz_year_range(c, 2023, f, t);
	assert_string_equal(f, "2023-07-01");
	assert_string_equal(t, "2024-06-30");
	kz_config_free(c);
	/* calendar years, named plainly; February of a leap year */
	c = unit_config("office:\n  id: PAR\n  name: Paris\n"
	    "  year_start: 1\n");
	assert_non_null(c);
	kz_year_range(c, 2024, f, t);
	assert_string_equal(f, "2024-01-01");
	assert_string_equal(t, "2024-12-31");
	kz_year_name(c, 2024, name, sizeof name);
	assert_string_equal(name, "2024");
	kz_config_free(c);
	c = unit_config("office:\n  id: SEL\n  name: Seoul\n"
	    "  year_start: 3\n");
	assert_non_null(c);
	kz_year_range(c, 2023, f, t);
	assert_string_equal(t, "2024-02-29");
	kz_year_name(c, 2023, name, sizeof name);
	assert_string_equal(name, "FY2023");
	kz_config_free(c);
	/* a month out of range is refused, naming the key */
	c = unit_config("office:\n  id: SEL\n  name: Seoul\n"
	    "  year_start: 13\n");
	assert_null(c);
}

/* What typed reads as: "FROM TO YEAR", or "ERR: message". */
static const char *
parse(const char *typed)
{
	static char res[KZ_ERR_MSG + 8];
	struct kz_err err = { 0 };
	char f[11], t[11];
	int y = -1;

	if (kz_year_parse(NULL, typed, &y, f, t, "--year", &err) == KZ_OK) {
		assert_int_equal(err.n, 0);
		snprintf(res, sizeof res, "%s %s %d", f[0] ? f : "-",
		    t[0] ? t : "-", y);
	} else {
		assert_true(err.n >= 1);
		assert_string_equal(err.item[0].where, "--year");
		snprintf(res, sizeof res, "ERR: %s", err.item[0].msg);
	}
	return res;
}

static void
test_typed(void **state)
{
	(void)state;
	kz_date_set_order(KZ_DATE_YMD);
	assert_string_equal(parse("2019"), "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("FY2019"), "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("fy 2019"), "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("2019年度"), "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("２０１９年度"),
	    "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("2019년도"), "2019-04-01 2020-03-31 2019");
	assert_string_equal(parse("2019-01-01..2019-12-31"),
	    "2019-01-01 2019-12-31 0");
	assert_string_equal(parse("2019年9月1日.."), "2019-09-01 - 0");
	assert_string_equal(parse("..2020/3/31"), "- 2020-03-31 0");
	assert_true(strncmp(parse("19"), "ERR: ", 5) == 0);
	assert_true(strncmp(parse("2019x"), "ERR: ", 5) == 0);
	assert_true(strncmp(parse(""), "ERR: ", 5) == 0);
	assert_true(strncmp(parse(".."), "ERR: ", 5) == 0);
	assert_true(strncmp(parse("2019-02-30..2019-03-01"), "ERR: ",
	    5) == 0);
	assert_true(strstr(parse("2020-01-01..2019-01-01"), "before") !=
	    NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fiscal_year),
		cmocka_unit_test(test_configured_start),
		cmocka_unit_test(test_typed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
