/* test_config.c - the office configuration: values, defaults, every kind of error. */
#include "unit.h"

#include <pwd.h>
#include <unistd.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"

static struct kz_err err;

static struct kz_config *
parse(const char *text)
{
	return kz_config_parse("t.yaml", text, strlen(text), &err);
}

/* Print what was reported, so a failing test shows it. */
static void
dump(void)
{
	for (int i = 0; i < err.n; i++)
		print_message("  [%d] %s: %s\n", i, err.item[i].where,
		    err.item[i].msg);
}

/* Problem i is at `where` and its message begins with `msg`. */
static void
expect_err(int i, const char *where, const char *msg)
{
	if (i >= err.n) {
		dump();
		fail_msg("no problem %d (only %d)", i, err.n);
	}
	if (strcmp(err.item[i].where, where) != 0 ||
	    strncmp(err.item[i].msg, msg, strlen(msg)) != 0) {
		dump();
		fail_msg("problem %d: wanted %s: %s", i, where, msg);
	}
}

/* The text must be refused with exactly n problems. */
static void
expect_fail(const char *text, int n)
{
	struct kz_config *cfg = parse(text);

	if (cfg != NULL) {
		kz_config_free(cfg);
		fail_msg("accepted: %s", text);
	}
	if (err.n != n) {
		dump();
		fail_msg("%d problems, wanted %d", err.n, n);
	}
}

static const char minimal[] = "office:\n  id: AB\n  name: x\n";

static void
test_embedded_default(void **state)
{
	struct kz_config *cfg = kz_config_parse("(built-in)", kz_default_config,
	    strlen(kz_default_config), &err);

	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_int_equal(err.n, 0);
	assert_string_equal(cfg->path, "(built-in)");
	assert_string_equal(cfg->office_id, "KZ");
	assert_string_equal(cfg->office_name, "kizuna office");
	assert_int_equal(cfg->role, KZ_ROLE_OFFICE);
	assert_null(cfg->region);
	assert_int_equal(cfg->ncountries, 0);
	assert_string_equal(cfg->language, "en");
	assert_string_equal(cfg->timezone, "UTC");
	assert_string_equal(cfg->date_format, "%Y-%m-%d");
	assert_int_equal(cfg->dispatch_max_months, 3);
	assert_int_equal(cfg->dispatch_max_days, 0);
	assert_null(cfg->fields_file);
	assert_int_equal(cfg->nfields, 32);
	kz_config_free(cfg);
}

static void
test_sample_configs(void **state)
{
	struct kz_config *cfg;

	cfg = kz_config_load("config/beijing.yaml", &err);
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_string_equal(cfg->office_id, "BJS");
	assert_string_equal(cfg->office_name, "北京事务所");
	assert_string_equal(cfg->language, "zh_CN");
	assert_string_equal(cfg->timezone, "Asia/Shanghai");
	assert_string_equal(cfg->date_format, "%Y年%m月%d日");
	assert_int_equal(cfg->ncountries, 1);
	assert_string_equal(cfg->countries[0], "CN");
	assert_int_equal(cfg->role, KZ_ROLE_OFFICE);
	kz_config_free(cfg);

	cfg = kz_config_load("config/singapore.yaml", &err);
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_string_equal(cfg->office_id, "SIN");
	assert_string_equal(cfg->language, "en");
	assert_string_equal(cfg->timezone, "Asia/Singapore");
	/* Ten ASEAN countries, India, Sri Lanka. */
	assert_int_equal(cfg->ncountries, 12);
	assert_string_equal(cfg->countries[11], "LK");
	kz_config_free(cfg);

	cfg = kz_config_load("config/tokyo.yaml", &err);
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_string_equal(cfg->office_id, "TYO");
	assert_int_equal(cfg->role, KZ_ROLE_HEAD);
	assert_string_equal(cfg->language, "ja");
	assert_string_equal(cfg->timezone, "Asia/Tokyo");
	kz_config_free(cfg);

	cfg = kz_config_load("config/seoul.yaml", &err);
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_string_equal(cfg->office_id, "SEL");
	assert_int_equal(cfg->role, KZ_ROLE_OFFICE);
	assert_string_equal(cfg->language, "ko");
	assert_string_equal(cfg->timezone, "Asia/Seoul");
	assert_int_equal(cfg->ncountries, 1);
	assert_string_equal(cfg->countries[0], "KR");
	kz_config_free(cfg);
}

static void
test_defaults(void **state)
{
	struct kz_config *cfg;
	char *saved = getenv("USER") ? strdup(getenv("USER")) : NULL;
	struct passwd *pw;

	setenv("USER", "tanaka", 1);
	cfg = parse(minimal);
	assert_non_null(cfg);
	assert_string_equal(cfg->user, "tanaka");
	assert_int_equal(cfg->role, KZ_ROLE_OFFICE);
	assert_string_equal(cfg->language, "en");
	assert_string_equal(cfg->timezone, "UTC");
	assert_string_equal(cfg->date_format, "%Y-%m-%d");
	assert_int_equal(cfg->dispatch_max_months, 3);
	assert_int_equal(cfg->dispatch_max_days, 0);
	assert_null(cfg->region);
	assert_null(cfg->countries);
	assert_int_equal(cfg->nfields, 32);
	kz_config_free(cfg);

	/* without USER, the account's login name */
	unsetenv("USER");
	cfg = parse(minimal);
	assert_non_null(cfg);
	pw = getpwuid(getuid());
	assert_string_equal(cfg->user, pw && pw->pw_name ? pw->pw_name :
	    "unknown");
	assert_string_not_equal(cfg->user, "");
	kz_config_free(cfg);

	/* An empty or null optional value means the default. */
	cfg = parse("office:\n  id: AB\n  name: x\n  region: ~\n  timezone:\n"
	    "user: null\n");
	assert_non_null(cfg);
	assert_null(cfg->region);
	assert_string_equal(cfg->timezone, "UTC");
	assert_string_equal(cfg->user, pw && pw->pw_name ? pw->pw_name :
	    "unknown");
	kz_config_free(cfg);

	if (saved) {
		setenv("USER", saved, 1);
		free(saved);
	}
}

static void
test_every_key(void **state)
{
	struct kz_config *cfg = parse(
	    "office:\n"
	    "  id: ABCD\n"
	    "  name: 'Seoul office'\n"
	    "  role: head\n"
	    "  region: Korea\n"
	    "  countries:\n"
	    "    - KR\n"
	    "    - JP\n"
	    "  language: ja\n"
	    "  timezone: Asia/Seoul\n"
	    "  date_format: \"%d.%m.%Y %-d %Ey %%\"\n"
	    "user: kim\n"
	    "dispatch:\n"
	    "  max_days: 366\n");

	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_string_equal(cfg->office_id, "ABCD");
	assert_string_equal(cfg->office_name, "Seoul office");
	assert_int_equal(cfg->role, KZ_ROLE_HEAD);
	assert_string_equal(cfg->region, "Korea");
	assert_int_equal(cfg->ncountries, 2);
	assert_string_equal(cfg->countries[1], "JP");
	assert_string_equal(cfg->language, "ja");
	assert_string_equal(cfg->timezone, "Asia/Seoul");
	assert_string_equal(cfg->date_format, "%d.%m.%Y %-d %Ey %%");
	assert_string_equal(cfg->user, "kim");
	assert_int_equal(cfg->dispatch_max_days, 366);
	kz_config_free(cfg);
}

static void
test_unknown_key(void **state)
{
	expect_fail("office:\n  id: AB\n  name: x\n  tmezone: UTC\n", 1);
	expect_err(0, "t.yaml:4:3", "unknown key \"office.tmezone\"; did you "
	    "mean \"office.timezone\"?");
	/* The whole message: text, the line, a caret under column 3. */
	assert_string_equal(err.item[0].msg, "unknown key \"office.tmezone\"; "
	    "did you mean \"office.timezone\"?\n  tmezone: UTC\n  ^");

	/* A key put at the wrong level finds its place. */
	expect_fail("office:\n  id: AB\n  name: x\nlanguage: ja\n", 1);
	expect_err(0, "t.yaml:4:1", "unknown key \"language\"; did you mean "
	    "\"office.language\"?");

	/* Nothing close: no suggestion. */
	expect_fail("office:\n  id: AB\n  name: x\nwibble: 1\n", 1);
	expect_err(0, "t.yaml:4:1", "unknown key \"wibble\"\n");
}

static void
test_wrong_types(void **state)
{
	expect_fail("office:\n  id: [AB]\n  name: {a: b}\n  countries: CN\n"
	    "dispatch:\n  max_days: ninety\n", 4);
	expect_err(0, "t.yaml:2:7", "office.id must be text, not a list");
	expect_err(1, "t.yaml:3:9", "office.name must be text, not a group");
	expect_err(2, "t.yaml:4:14", "office.countries must be a list");
	expect_err(3, "t.yaml:6:13", "dispatch.max_days must be a whole number, "
	    "not \"ninety\"");
	/* A required key with a wrong value is not also "missing". */

	expect_fail("office: BJS\n", 3);
	expect_err(0, "t.yaml:1:9", "office must be a group of keys");

	expect_fail("- a\n- b\n", 1);
	expect_err(0, "t.yaml:1:1", "the configuration must be keys");

	expect_fail("office:\n  id: AB\n  name: x\ndispatch:\n  max_days: \"90\"\n",
	    1);
	expect_err(0, "t.yaml:5:13", "dispatch.max_days must be a whole number, "
	    "without quotes");
}

static void
test_bad_values(void **state)
{
	expect_fail("office:\n  id: AB1\n  name: x\n", 1);
	expect_err(0, "t.yaml:2:9", "office.id must be 2 to 4 capital letters");
	expect_fail("office:\n  id: ABCDE\n  name: x\n", 1);
	expect_err(0, "t.yaml:2:7", "office.id must be 2 to 4");
	expect_fail("office:\n  id: \"bjs\"\n  name: x\n", 1);
	expect_err(0, "t.yaml:2:8", "office.id must be 2 to 4");

	expect_fail("office:\n  id: AB\n  name: x\n  role: boss\n", 1);
	expect_err(0, "t.yaml:4:9", "office.role: \"boss\" is not one of "
	    "office, head");
	expect_fail("office:\n  id: AB\n  name: x\n  language: zh\n", 1);
	expect_err(0, "t.yaml:4:13", "office.language: \"zh\" is not one of en, "
	    "zh_CN, ja, ko, fr; did you mean \"zh_CN\"?");

	expect_fail("office:\n  id: AB\n  name: x\n  countries: [CN, cn, XX, CN]\n",
	    3);
	expect_err(0, "t.yaml:4:19", "office.countries: country codes are "
	    "written in capitals: CN");
	expect_err(1, "t.yaml:4:23", "office.countries: \"XX\" is not an ISO "
	    "3166-1");
	expect_err(2, "t.yaml:4:27", "office.countries: \"CN\" is listed twice");

	/* The caret goes to the unknown conversion itself. */
	expect_fail("office:\n  id: AB\n  name: x\n  date_format: \"%Y-%Q\"\n", 1);
	expect_err(0, "t.yaml:4:20", "office.date_format: unknown conversion "
	    "\"%Q\"");
	expect_fail("office:\n  id: AB\n  name: x\n  date_format: \"%Y %\"\n", 1);
	expect_err(0, "t.yaml:4:20", "office.date_format: the date format ends");

	expect_fail("office:\n  id: AB\n  name: x\ndispatch:\n  max_days: -1\n", 1);
	expect_err(0, "t.yaml:5:13", "dispatch.max_days must be from 0 to 366");
	expect_fail("office:\n  id: AB\n  name: x\ndispatch:\n  max_months: 0\n",
	    1);
	expect_err(0, "t.yaml:5:15", "dispatch.max_months must be from 1 to 12");
	expect_fail("office:\n  id: AB\n  name: x\ndispatch:\n  max_days: 367\n",
	    1);
	expect_fail("office:\n  id: AB\n  name: x\ndispatch:\n  max_days: "
	    "99999999999999999999\n", 1);
	expect_err(0, "t.yaml:5:13", "dispatch.max_days must be from 0 to 366");

	expect_fail("office:\n  id: ~\n  name: \"\"\n", 2);
	expect_err(0, "t.yaml:2:7", "office.id needs a value");
	expect_err(1, "t.yaml:3:9", "office.name must not be empty");

	expect_fail("office:\n  id: AB\n  name: \"a\\nb\"\n", 1);
	expect_err(0, "t.yaml:3:9", "office.name: must be one line");
	expect_fail("office:\n  id: AB\n  name: \"a\\0b\"\n", 1);
	expect_err(0, "t.yaml:3:9", "the value contains a NUL character");
}

static void
test_timezone(void **state)
{
	struct stat sb;

	/* A name that would leave the zone directory is never a path. */
	expect_fail("office:\n  id: AB\n  name: x\n  timezone: ../../etc/passwd\n",
	    1);
	expect_err(0, "t.yaml:4:13", "office.timezone: \"../../etc/passwd\" is "
	    "not a time zone name");
	expect_fail("office:\n  id: AB\n  name: x\n  timezone: Asia/To kyo\n", 1);
	expect_err(0, "t.yaml:4:20", "office.timezone: \"Asia/To kyo\"");
	if (stat("/usr/share/zoneinfo/Asia/Tokyo", &sb) != 0 ||
	    getenv("TZDIR") != NULL)
		skip();
	expect_fail("office:\n  id: AB\n  name: x\n  timezone: Mars/Olympus\n", 1);
	expect_err(0, "t.yaml:4:13", "office.timezone: unknown time zone "
	    "\"Mars/Olympus\"");
	/* In the directory, but not a zone. */
	expect_fail("office:\n  id: AB\n  name: x\n  timezone: zone.tab\n", 1);
	expect_err(0, "t.yaml:4:13", "office.timezone: unknown time zone");
}

static void
test_every_country(void **state)
{
	FILE *f = fopen("/usr/share/zoneinfo/iso3166.tab", "r");
	char line[256], text[4096] = "office:\n  id: AB\n  name: x\n  countries: [";
	int n = 0;
	struct kz_config *cfg;

	if (f == NULL)
		skip();
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' || strlen(line) < 3)
			continue;
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s%.2s",
		    n++ ? ", " : "", line);
	}
	fclose(f);
	strcat(text, "]\n");
	cfg = parse(text);
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_int_equal(cfg->ncountries, n);
	assert_true(n >= 249);
	kz_config_free(cfg);
}

static void
test_duplicate_keys(void **state)
{
	expect_fail("office:\n  id: AB\n  name: x\n  id: CD\n", 1);
	expect_err(0, "t.yaml:4:3", "duplicate key \"id\" (first at line 2)");

	/* A whole section twice: the second one is not read at all. */
	expect_fail("office:\n  id: AB\n  name: x\nuser: a\noffice:\n  id: CD\n", 1);
	expect_err(0, "t.yaml:5:1", "duplicate key \"office\" (first at line 1)");

	expect_fail("office: {id: AB, name: x, id: AB}\n", 1);
	expect_err(0, "t.yaml:1:27", "duplicate key \"id\" (first at line 1)");
}

static void
test_missing_required(void **state)
{
	expect_fail("user: a\noffice:\n  role: head\n", 2);
	expect_err(0, "t.yaml:2:1", "missing required key \"office.id\"");
	expect_err(1, "t.yaml:2:1", "missing required key \"office.name\"");

	expect_fail("user: a\n", 2);
	expect_err(0, "t.yaml:1:1", "missing required key \"office.id\"");

	expect_fail("", 2);
	expect_err(0, "t.yaml:1:1", "missing required key \"office.id\"");
	expect_fail("# only a comment\n", 2);
}

static void
test_all_errors_at_once(void **state)
{
	struct kz_config *cfg = parse(
	    "office:\n"
	    "  id: ab\n"			/* 2: bad value */
	    "  nam: x\n"			/* 3: unknown */
	    "  role: boss\n"			/* 4: bad enum */
	    "  countries: [CN, ZZ]\n"		/* 5: bad code */
	    "  id: CD\n"			/* 6: duplicate */
	    "dispatch:\n"
	    "  max_days: -1\n"			/* 8: range */
	    "user: [a, b]\n");			/* 9: type; + missing name */

	assert_null(cfg);
	assert_int_equal(err.n, 8);
	expect_err(0, "t.yaml:2:7", "office.id");
	expect_err(1, "t.yaml:3:3", "unknown key \"office.nam\"; did you mean "
	    "\"office.name\"?");
	expect_err(2, "t.yaml:4:9", "office.role");
	expect_err(3, "t.yaml:5:19", "office.countries: \"ZZ\"");
	expect_err(4, "t.yaml:6:3", "duplicate key \"id\"");
	expect_err(5, "t.yaml:8:13", "dispatch.max_days");
	expect_err(6, "t.yaml:9:7", "user must be text, not a list");
	expect_err(7, "t.yaml:1:1", "missing required key \"office.name\"");
}

static void
test_many_errors(void **state)
{
	char text[2048] = "office:\n  id: AB\n  name: x\n";

	for (int i = 0; i < 20; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text),
		    "bad%d: 1\n", i);
	expect_fail(text, KZ_ERR_MAX);
	assert_int_equal(err.dropped, 20 - KZ_ERR_MAX);
	expect_err(0, "t.yaml:4:1", "unknown key \"bad0\"");
	expect_err(15, "t.yaml:19:1", "unknown key \"bad15\"");
}

static void
test_syntax_errors(void **state)
{
	/* Unclosed quote: libyaml points at the end of the file; the error
	 * points at the opening quote and says where the file ends. */
	expect_fail("office:\n  id: \"AB\n  name: x\n", 1);
	expect_err(0, "t.yaml:2:7", "this quote is never closed (the file ends "
	    "at line 4, column 1)");

	expect_fail("office:\n\tid: AB\n", 1);
	expect_err(0, "t.yaml:2:1", "found character that cannot start any "
	    "token; hint: indent with spaces");

	expect_fail("office:\n  id: AB\n  name: x\n  date_format: %Y\n", 1);
	expect_err(0, "t.yaml:4:16", "found character that cannot start any "
	    "token; hint: put a value that starts with % in quotes");

	expect_fail("office:\n  id: AB\n  countries: [CN\n", 1);
	expect_err(0, "t.yaml:3:14", "while parsing a flow sequence: did not "
	    "find expected ',' or ']'");

	expect_fail("office:\n  id: AB\n  name: a: b\n", 1);
	expect_err(0, "t.yaml:3:10", "mapping values are not allowed");

	expect_fail("office:\n  id: AB\n  name: x\xff\n", 1);
	expect_err(0, "t.yaml:3:10", "the file is not UTF-8 text");
	/* The broken byte is never copied into the message. */
	assert_null(strchr(err.item[0].msg, '\xff'));

	expect_fail("office: {id: AB, name: x}\n---\nuser: b\n", 1);
	expect_err(0, "t.yaml:3:1", "only one YAML document is allowed");
}

static void
test_caret(void **state)
{
	/* Wide characters take two columns, so the caret moves two. */
	expect_fail("office:\n  name: 北京\n  id: 北京\n", 1);
	assert_string_equal(err.item[0].where, "t.yaml:3:7");
	assert_string_equal(strchr(err.item[0].msg, '\n'),
	    "\n  id: 北京\n      ^");

	/* A tab in the line is kept in the padding, so it lines up. */
	expect_fail("office: {id: AB, name: x}\nuser:\t[a]\n", 1);
	assert_string_equal(err.item[0].where, "t.yaml:2:7");
	assert_string_equal(strchr(err.item[0].msg, '\n'),
	    "\nuser:\t[a]\n     \t^");

	/* A long line is cut around the column; the message still fits
	 * and the caret is still under the place. */
	char text[1400];
	snprintf(text, sizeof text, "office:\n  id: AB\n  name: %0700d\n"
	    "  date_format: \"%0500d %%Q\"\n", 0, 0);
	expect_fail(text, 1);
	assert_string_equal(err.item[0].where, "t.yaml:4:518");
	const char *line = strchr(err.item[0].msg, '\n') + 1;
	const char *caret = strchr(line, '\n') + 1;
	assert_memory_equal(line, "...000", 6);
	assert_true(strlen(err.item[0].msg) < KZ_ERR_MSG - 1);
	assert_int_equal(caret[strlen(caret) - 1], '^');
	assert_int_equal(strlen(caret) - 1, strstr(line, "%Q") - line);
}

static void
test_long_path(void **state)
{
	char name[2000];
	struct kz_config *cfg;

	/* a path as long as real ones get is shown whole */
	memset(name, 'd', 300);
	memcpy(name + 300 - 7, "/c.yaml", 8);
	cfg = kz_config_parse(name, "x: 1\n", 5, &err);
	assert_null(cfg);
	assert_memory_equal(err.item[0].where, name, 300);
	assert_string_equal(err.item[0].where + 300, ":1:1");
	/* line:column survive however long the path is */
	kz_err_clear(&err);
	memset(name, 'd', sizeof name);
	memcpy(name + sizeof name - 8, "/c.yaml", 8);
	cfg = kz_config_parse(name, "x: 1\n", 5, &err);
	assert_null(cfg);
	size_t n = strlen(err.item[0].where);
	assert_string_equal(err.item[0].where + n - 4, ":1:1");
	assert_memory_equal(err.item[0].where, "...", 3);
}

static void
test_field_lookup(void **state)
{
	struct kz_config *cfg = parse(minimal);
	const struct kz_field *f;

	assert_non_null(cfg);
	f = kz_config_field(cfg, "agriculture");
	assert_non_null(f);
	assert_int_equal(f->number, 1);
	assert_string_equal(f->name_ja, "農業");
	assert_string_equal(f->name_zh, "农业");
	assert_string_equal(f->name_ko, "농업");
	assert_string_equal(f->name_fr, "agriculture");
	assert_ptr_equal(kz_config_field(cfg, "1"), f);
	assert_ptr_equal(kz_config_field(cfg, "01"), f);
	assert_ptr_equal(kz_config_field(cfg, "Agriculture"), f);

	f = kz_config_field(cfg, "12");
	assert_non_null(f);
	assert_string_equal(f->code, "civil_engineering");
	assert_string_equal(kz_field_name(cfg, f), "civil engineering");
	f = kz_config_field(cfg, "environment");
	assert_non_null(f);
	assert_int_equal(f->number, 11);
	f = kz_config_field(cfg, "32");
	assert_non_null(f);

	assert_null(kz_config_field(cfg, "33"));
	assert_null(kz_config_field(cfg, "0"));
	assert_null(kz_config_field(cfg, ""));
	assert_null(kz_config_field(cfg, "-1"));
	assert_null(kz_config_field(cfg, "99999999999999999999"));
	assert_null(kz_config_field(cfg, "nosuchfield"));
	assert_null(kz_config_field(NULL, "1"));

	/* Codes and numbers of the built-in list are all different. */
	for (size_t i = 0; i < cfg->nfields; i++) {
		for (size_t j = i + 1; j < cfg->nfields; j++) {
			assert_string_not_equal(cfg->fields[i].code,
			    cfg->fields[j].code);
			assert_int_not_equal(cfg->fields[i].number,
			    cfg->fields[j].number);
		}
	}
	kz_config_free(cfg);
}

static void
test_field_name_language(void **state)
{
	struct kz_config *cfg;
	const struct kz_field *f;

	cfg = parse("office: {id: AB, name: x, language: zh_CN}\n");
	assert_non_null(cfg);
	f = kz_config_field(cfg, "education");
	assert_string_equal(kz_field_name(cfg, f), "教育");
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "5")),
	    "水产业");
	kz_config_free(cfg);

	cfg = parse("office: {id: AB, name: x, language: ja}\n");
	assert_non_null(cfg);
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "ceramics")),
	    "窯業");
	kz_config_free(cfg);

	cfg = parse("office: {id: AB, name: x, language: ko}\n");
	assert_non_null(cfg);
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "ceramics")),
	    "요업");
	kz_config_free(cfg);

	cfg = parse("office: {id: AB, name: x, language: fr}\n");
	assert_non_null(cfg);
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "ceramics")),
	    "céramique");
	kz_config_free(cfg);

	cfg = parse("office: {id: AB, name: x, language: en}\n");
	assert_non_null(cfg);
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "ceramics")),
	    "ceramics");
	assert_null(kz_field_name(cfg, NULL));
	kz_config_free(cfg);
}

/* ---- a fields file of one's own, in a temp directory ---- */

static const char *dir;	/* the test's, from unit_dir_setup */

static int
mkdir_setup(void **state)
{
	int rc = unit_dir_setup(state);

	dir = *state;
	return rc;
}

static void
write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static struct kz_config *
load(const char *name)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return kz_config_load(path, &err);
}

/* Problem i is in the named file of dir at line:col. */
static void
expect_err_in(int i, const char *name, const char *linecol, const char *msg)
{
	char where[256];

	snprintf(where, sizeof where, "%s/%s:%s", dir, name, linecol);
	expect_err(i, where, msg);
}

static void
test_fields_file(void **state)
{
	struct kz_config *cfg;

	write_file("c.yaml", "office: {id: AB, name: x, language: ja}\n"
	    "fields_file: f.yaml\n");
	write_file("f.yaml",
	    "- code: rice\n  number: 7\n  en: rice\n  ja: 米\n  zh: 米\n"
	    "- {code: tea, number: 40, en: tea, ja: 茶, zh: 茶}\n");
	cfg = load("c.yaml");
	if (cfg == NULL)
		dump();
	assert_non_null(cfg);
	assert_int_equal(cfg->nfields, 2);
	/* Taken from the configuration file's directory, not from ".". */
	assert_non_null(strstr(cfg->fields_file, dir));
	assert_string_equal(kz_field_name(cfg, kz_config_field(cfg, "40")), "茶");
	assert_null(kz_config_field(cfg, "agriculture"));
	kz_config_free(cfg);
}

static void
test_fields_file_errors(void **state)
{
	struct kz_config *cfg;

	write_file("c.yaml", "office: {id: AB, name: x}\nfields_file: f.yaml\n");
	write_file("f.yaml",
	    "- {code: a, number: 1, en: A, ja: あ, zh: 啊}\n"
	    "- {code: a, number: 1, en: B, ja: い}\n"
	    "- {code: Bad, number: x, en: \"\", ja: j, zh: z, eng: q}\n"
	    "- [1]\n"
	    "- {code: c, number: 3, en: C, ja: う, zh: 哦, code: d}\n");
	cfg = load("c.yaml");
	assert_null(cfg);
	assert_int_equal(err.n, 9);
	expect_err_in(0, "f.yaml", "2:3", "this field has no \"zh\"");
	expect_err_in(1, "f.yaml", "2:10", "field code \"a\" is used twice "
	    "(first at line 1)");
	expect_err_in(2, "f.yaml", "2:21", "field number 1 is used twice");
	expect_err_in(3, "f.yaml", "3:10", "a field code is 1 to 32 lower-case");
	expect_err_in(4, "f.yaml", "3:23", "number must be a whole number");
	expect_err_in(5, "f.yaml", "3:30", "the name is empty");
	expect_err_in(6, "f.yaml", "3:48", "unknown key \"eng\"; did you mean "
	    "\"en\"?");
	expect_err_in(7, "f.yaml", "4:3", "each field must be a group of keys");
	expect_err_in(8, "f.yaml", "5:45", "duplicate key \"code\"");

	write_file("f.yaml", "[]\n");
	assert_null(load("c.yaml"));
	expect_err_in(0, "f.yaml", "1:1", "the fields file lists no fields");
	write_file("f.yaml", "");
	assert_null(load("c.yaml"));
	expect_err_in(0, "f.yaml", "1:1", "the fields file lists no fields");
	write_file("f.yaml", "code: a\n");
	assert_null(load("c.yaml"));
	expect_err_in(0, "f.yaml", "1:1", "the fields file must be a list");
	write_file("f.yaml", "- {code: a, number: 1, en: \"A\n");
	assert_null(load("c.yaml"));
	expect_err_in(0, "f.yaml", "1:28", "this quote is never closed");

	/* A fields file that is not there: the error is at the key. */
	write_file("c.yaml", "office: {id: AB, name: x}\nfields_file: nope.yaml\n");
	assert_null(load("c.yaml"));
	assert_int_equal(err.n, 1);
	expect_err_in(0, "c.yaml", "2:14", "cannot read the fields file "
	    "\"");

	/* Problems in both files come out together. */
	write_file("c.yaml", "office: {id: ab, name: x}\nfields_file: f.yaml\n");
	write_file("f.yaml", "- {code: a, number: 1, en: A, ja: あ}\n");
	assert_null(load("c.yaml"));
	assert_int_equal(err.n, 2);
	expect_err_in(0, "c.yaml", "1:14", "office.id");
	expect_err_in(1, "f.yaml", "1:3", "this field has no \"zh\"");
}

static void
test_load_missing_file(void **state)
{
	assert_null(kz_config_load("/nonexistent/kizuna.yaml", &err));
	assert_int_equal(err.n, 1);
	assert_string_equal(err.item[0].where, "/nonexistent/kizuna.yaml");
	assert_non_null(strstr(err.item[0].msg, "cannot read"));
}

/* config show prints YAML that reads back as the same configuration. */
static void
test_yaml_round_trip(void **state)
{
	struct kz_config *a, *b;
	char *text, *again;

	a = parse("office:\n  id: ABC\n  name: \"Paris: office #1\"\n"
	    "  region: \"null\"\n  countries: [FR, BE]\n  language: zh_CN\n"
	    "  date_format: \"%d/%m/%Y\"\nuser: \"yes\"\n");
	if (a == NULL)
		dump();
	assert_non_null(a);
	assert_non_null(text = kz_config_yaml(a));
	b = parse(text);
	if (b == NULL) {
		dump();
		print_message("%s", text);
	}
	assert_non_null(b);
	assert_string_equal(b->office_id, "ABC");
	assert_string_equal(b->office_name, "Paris: office #1");
	assert_string_equal(b->region, "null");
	assert_int_equal(b->ncountries, 2);
	assert_string_equal(b->countries[1], "BE");
	assert_string_equal(b->language, "zh_CN");
	assert_string_equal(b->date_format, "%d/%m/%Y");
	assert_string_equal(b->user, "yes");
	assert_int_equal(b->dispatch_max_months, 3);
	assert_int_equal(b->dispatch_max_days, 0);
	assert_non_null(again = kz_config_yaml(b));
	assert_string_equal(text, again);
	/* Every key is there, defaults included. */
	assert_non_null(strstr(text, "office:\n  id: ABC\n"));
	assert_non_null(strstr(text, "\n  timezone: UTC\n"));
	assert_non_null(strstr(text, "\ndispatch:\n  max_months: 3\n  max_days: "
	    "0\n"));
	assert_non_null(strstr(text, "\nfields_file: ~\n"));
	free(text);
	free(again);
	kz_config_free(a);
	kz_config_free(b);
}

static void
test_doc_mdoc(void **state)
{
	char *doc = kz_config_doc_mdoc();
	static const char *const keys[] = { "office.id", "office.name",
	    "office.role", "office.region", "office.countries",
	    "office.language", "office.timezone", "office.date_format", "user",
	    "dispatch.max_months", "dispatch.max_days", "fields_file", NULL };

	assert_non_null(doc);
	assert_memory_equal(doc, ".Bl -tag -width Ds\n", 19);
	assert_string_equal(doc + strlen(doc) - 4, ".El\n");
	for (int i = 0; keys[i]; i++) {
		char it[64];

		snprintf(it, sizeof it, "\n.It Cm %s ", keys[i]);
		assert_non_null(strstr(doc, it));
	}
	assert_non_null(strstr(doc, ".It Cm office.role Cm office | Cm head\n"));
	assert_non_null(strstr(doc, "Default:\n.Ql %Y-%m-%d .\n"));
	assert_non_null(strstr(doc, "From 0 to 366.\n"));
	/* No line may start with a quote, which roff reads as a request. */
	assert_null(strstr(doc, "\n'"));
	free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_embedded_default),
		cmocka_unit_test(test_sample_configs),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_timezone),
		cmocka_unit_test(test_every_country),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_all_errors_at_once),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_caret),
		cmocka_unit_test(test_long_path),
		cmocka_unit_test(test_field_lookup),
		cmocka_unit_test(test_field_name_language),
		cmocka_unit_test_setup_teardown(test_fields_file, mkdir_setup,
		    unit_dir_teardown),
		cmocka_unit_test_setup_teardown(test_fields_file_errors,
		    mkdir_setup, unit_dir_teardown),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_yaml_round_trip),
		cmocka_unit_test(test_doc_mdoc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
