/* test_codes.c - coded values named in the reader's language and read back from any language kizuna speaks. */
#include "unit.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "choice.h"
#include "config.h"
#include "cost.h"
#include "country.h"
#include "dispatch.h"
#include "i18n.h"
#include "language.h"
#include "lifecycle.h"
#include "programme.h"
#include "specialist.h"
#include "text.h"

/* The catalogues of the build, when make has built them (make check). */
static bool
catalogues(void)
{
	static char dir[PATH_MAX];
	struct stat sb;

	if (realpath("build/san/locale", dir) == NULL ||
	    stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return false;
	kz_i18n_init(dir);
	return true;
}

static int
back_to_english(void **state)
{
	(void)state;
	kz_i18n_set_language("en");
	return 0;
}

/* What people type is compared in any case and width. */
static void
test_fold(void **state)
{
	char out[64];

	(void)state;
	kz_text_fold("  ＣＮ　China__Town ", out, sizeof out);
	assert_string_equal(out, "cn china town");
	assert_true(kz_text_same("Courtesy-Call", "courtesy call"));
	assert_true(kz_text_same("ａｇｒｉｃｕｌｔｕｒｅ", "Agriculture"));
	assert_true(kz_text_same("中国", "中国"));
	assert_false(kz_text_same("中国", "中國"));
	assert_true(kz_text_has("Korea, Republic of", "KOREA"));
	assert_false(kz_text_has("China", "japan"));
	/* a cut never splits a character */
	kz_text_fold("中国", out, 5);
	assert_string_equal(out, "中");
}

/* A country by its code or its name in any language, whatever the
 * language messages are in. */
static void
test_country_parse(void **state)
{
	(void)state;
	assert_string_equal(kz_country_parse("CN"), "CN");
	assert_string_equal(kz_country_parse("cn"), "CN");
	assert_string_equal(kz_country_parse("ＣＮ"), "CN");
	assert_string_equal(kz_country_parse("china"), "CN");
	assert_null(kz_country_parse("Narnia"));
	assert_null(kz_country_parse(""));
	assert_null(kz_country_parse("XX"));
	if (!kz_country_iso() || !catalogues())
		skip();
	assert_string_equal(kz_country_parse("CHN"), "CN");
	assert_string_equal(kz_country_parse("Korea, Republic of"), "KR");
	assert_string_equal(kz_country_parse("South Korea"), "KR");
	assert_string_equal(kz_country_parse("中国"), "CN");
	assert_string_equal(kz_country_parse("Chine"), "CN");
	assert_string_equal(kz_country_parse("중국"), "CN");
	assert_string_equal(kz_country_parse("カンボジア"), "KH");
	kz_i18n_set_language("zh_CN");
	assert_string_equal(kz_country_parse("Japan"), "JP");
	assert_string_equal(kz_country_parse("Chine"), "CN");
	/* the language is back as it was */
	assert_string_equal(kz_country_label("CN"), "中国");
}

/* Names in the reader's language, English where there is none. */
static void
test_country_label(void **state)
{
	(void)state;
	assert_string_equal(kz_country_name("CN"), "China");
	assert_null(kz_country_label("XX"));
	if (!kz_country_iso() || !catalogues())
		skip();
	assert_string_equal(kz_country_label("CN"), "China");
	kz_i18n_set_language("zh_CN");
	assert_string_equal(kz_country_label("CN"), "中国");
	kz_i18n_set_language("fr");
	assert_string_equal(kz_country_label("CN"), "Chine");
	kz_i18n_set_language("ko");
	assert_string_equal(kz_country_label("CN"), "중국");
	kz_i18n_set_language("ja");
	assert_string_equal(kz_country_label("JP"), "日本");
}

/* Provinces and prefectures: Chinese names for both, Japanese for the
 * prefectures, English where the catalogue has none. */
static void
test_subdivisions(void **state)
{
	char *t;

	(void)state;
	if (!kz_country_iso() || !catalogues())
		skip();
	assert_string_equal(kz_subdivision_parse("CN", "Sichuan"), "CN-SC");
	assert_string_equal(kz_subdivision_parse("CN", "四川"), "CN-SC");
	assert_string_equal(kz_subdivision_parse("CN", "四川省"), "CN-SC");
	assert_string_equal(kz_subdivision_parse(NULL, "島根県"), "JP-32");
	assert_string_equal(kz_subdivision_parse("JP", "shimane"), "JP-32");
	assert_null(kz_subdivision_parse("JP", "四川"));
	t = kz_place_shown("CN", "Sichuan 成都市");
	assert_string_equal(t, "China Sichuan Sheng 成都市");
	free(t);
	kz_i18n_set_language("zh_CN");
	t = kz_place_shown("CN", "Sichuan 成都市");
	assert_string_equal(t, "中国 四川省 成都市");
	free(t);
	t = kz_place_shown("JP", "");
	assert_string_equal(t, "日本");
	free(t);
	assert_string_equal(kz_subdivision_label("CN-SC"), "四川省");
	assert_string_equal(kz_subdivision_label("JP-32"), "岛根县");
	kz_i18n_set_language("ja");
	assert_string_equal(kz_subdivision_label("JP-32"), "島根");
	assert_string_equal(kz_subdivision_label("CN-SC"), "Sichuan Sheng");
	/* no Japanese name: shown as typed */
	assert_null(kz_subdivision_shown("CN", "四川省"));
	t = kz_place_shown("CN", "四川省 成都市");
	assert_string_equal(t, "中国 四川省 成都市");
	free(t);
}

/* Languages and currencies by code or name in any language. */
static void
test_languages_currencies(void **state)
{
	(void)state;
	if (!kz_country_iso() || !catalogues())
		skip();
	assert_string_equal(kz_language_parse("zh"), "zh");
	assert_string_equal(kz_language_parse("ZHO"), "zh");
	assert_string_equal(kz_language_parse("Chinese"), "zh");
	assert_string_equal(kz_language_parse("汉语"), "zh");
	assert_string_equal(kz_language_parse("中国語"), "zh");
	/* what people say where the standard says otherwise */
	assert_string_equal(kz_language_parse("中文"), "zh");
	assert_string_equal(kz_language_parse("韩语"), "ko");
	assert_string_equal(kz_language_parse("英文"), "en");
	assert_null(kz_currency_parse("中文"));
	assert_null(kz_language_parse("Klingonese"));
	assert_string_equal(kz_language_label("en-GB"), "English");
	assert_string_equal(kz_currency_parse("jpy"), "JPY");
	assert_string_equal(kz_currency_parse("日元"), "JPY");
	assert_string_equal(kz_currency_parse("Yuan Renminbi"), "CNY");
	assert_null(kz_currency_parse("doubloons"));
	kz_i18n_set_language("zh_CN");
	assert_string_equal(kz_language_label("ja"), "日语");
	assert_string_equal(kz_currency_label("JPY"), "日元");
}

/* Enumerations, states, kinds and cost categories by their names in any
 * language kizuna speaks. */
static void
test_names_any_language(void **state)
{
	struct kz_config *cfg = unit_config(NULL);

	(void)state;
	assert_non_null(cfg);
	assert_int_equal(kz_level_parse("NATIVE"), KZ_LEVEL_NATIVE);
	assert_int_equal(kz_kind_parse("courtesy call"), KZ_KIND_COURTESY_CALL);
	assert_string_equal(kz_cost_category_code(cfg, "International Travel"),
	    "international_travel");
	assert_string_equal(kz_cost_category_code(cfg, "nonsense"), "nonsense");
	if (!catalogues()) {
		kz_config_free(cfg);
		skip();
	}
	/* in an English office */
	assert_int_equal(kz_level_parse("母语"), KZ_LEVEL_NATIVE);
	assert_int_equal(kz_level_parse("ネイティブ"), KZ_LEVEL_NATIVE);
	assert_int_equal(kz_kind_parse("讲座"), KZ_KIND_LECTURE);
	assert_int_equal(kz_kind_parse("講演"), KZ_KIND_LECTURE);
	assert_string_equal(kz_cost_category_code(cfg, "国际旅费"),
	    "international_travel");
	assert_int_equal(kz_lifecycle_parse(&kz_dispatch_lc, "协议已签署"),
	    KZ_DSP_SIGNED);
	assert_string_equal(kz_lifecycle_shown(&kz_dispatch_lc, KZ_DSP_SIGNED),
	    "signed");
	/* in a Chinese one: the English still works, states are named */
	kz_i18n_set_language("zh_CN");
	assert_int_equal(kz_level_parse("native"), KZ_LEVEL_NATIVE);
	assert_int_equal(kz_level_parse("母语"), KZ_LEVEL_NATIVE);
	assert_int_equal(kz_kind_parse("lecture"), KZ_KIND_LECTURE);
	assert_string_equal(kz_lifecycle_shown(&kz_dispatch_lc, KZ_DSP_SIGNED),
	    "协议已签署");
	assert_int_equal(kz_lifecycle_parse(&kz_dispatch_lc, "signed"),
	    KZ_DSP_SIGNED);
	assert_int_equal(kz_level_parse("nonsense"), -1);
	kz_config_free(cfg);
}

/* Fields of expertise by code, number or name in any language the
 * fields file gives, as a specialist's fields are typed. */
static void
test_fields(void **state)
{
	struct kz_config *cfg = unit_config(NULL);
	struct kz_specialist s;
	struct kz_err err = { 0 };
	const struct kz_field *f;

	(void)state;
	assert_non_null(cfg);
	assert_string_equal(kz_config_field(cfg, "农业")->code, "agriculture");
	assert_string_equal(kz_config_field(cfg, "農業")->code, "agriculture");
	assert_string_equal(kz_config_field(cfg, "Agriculture")->code,
	    "agriculture");
	assert_string_equal(kz_config_field(cfg, "ｅｄｕｃａｔｉｏｎ")->code,
	    "education");
	assert_string_equal(kz_config_field(cfg, "15")->code, "roads");
	assert_null(kz_config_field(cfg, "astrology"));
	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_parse_fields(&s, "农业:设施园艺:15",
	    &err), KZ_OK);
	assert_int_equal((int)s.nfields, 1);
	assert_string_equal(s.fields[0].note, "设施园艺");
	assert_int_equal(s.fields[0].years, 15);
	f = kz_config_field(cfg, s.fields[0].code);
	assert_non_null(f);
	assert_string_equal(f->code, "agriculture");
	kz_specialist_free(&s);
	kz_config_free(cfg);
}

/* A pick list's values: names in the reader's language, matched by
 * name, English name or code. */
static void
test_choices(void **state)
{
	struct kz_config *cfg = unit_config(NULL);
	struct kz_choices c;
	bool cn = false;

	(void)state;
	assert_int_equal(kz_choices_kind(KZ_CODES_FIELD, cfg, &c), KZ_OK);
	assert_int_equal((int)c.n, (int)cfg->nfields);
	assert_true(kz_choice_matches(&c.v[0], "AGRI"));
	assert_false(kz_choice_matches(&c.v[0], "astro"));
	kz_choices_free(&c);
	assert_int_equal(kz_choices_kind(KZ_CODES_COST, cfg, &c), KZ_OK);
	assert_true(c.n >= 7);
	kz_choices_free(&c);
	if (!catalogues()) {
		kz_config_free(cfg);
		skip();
	}
	kz_i18n_set_language("zh_CN");
	assert_int_equal(kz_choices_kind(KZ_CODES_COUNTRY, cfg, &c), KZ_OK);
	assert_true(c.n >= 249);
	for (size_t i = 0; i < c.n; i++)
		if (strcmp(c.v[i].code, "CN") == 0) {
			cn = true;
			if (kz_country_iso())
				assert_string_equal(c.v[i].label, "中国");
			assert_true(kz_choice_matches(&c.v[i], "chin"));
			assert_true(kz_choice_matches(&c.v[i], "cn"));
		}
	assert_true(cn);
	kz_choices_free(&c);
	kz_config_free(cfg);
}

/* Translations are kept (kz_gettext) until the language changes, and a
 * message is known by its text as well as its place: a buffer used again
 * for another message gets that one's translation. */
static void
test_memo(void **state)
{
	char buf[32];

	(void)state;
	if (!catalogues())
		skip();
	kz_i18n_set_language("zh_CN");
	strcpy(buf, "post");
	assert_string_equal(kz_gettext(buf), "职务");
	assert_string_equal(kz_gettext(buf), "职务");
	strcpy(buf, "government");
	assert_string_equal(kz_gettext(buf), "所属政府");
	assert_string_equal(_("post"), "职务");
	kz_i18n_set_language("fr");
	assert_string_equal(_("post"), "poste");
	strcpy(buf, "post");
	assert_string_equal(kz_gettext(buf), "poste");
	kz_i18n_set_language("en");
	assert_string_equal(_("post"), "post");
	/* a context without a translation reads as its text */
	assert_string_equal(C_("test context", "no such message"),
	    "no such message");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test_teardown(test_country_parse, back_to_english),
		cmocka_unit_test_teardown(test_country_label, back_to_english),
		cmocka_unit_test_teardown(test_subdivisions, back_to_english),
		cmocka_unit_test_teardown(test_languages_currencies,
		    back_to_english),
		cmocka_unit_test_teardown(test_names_any_language,
		    back_to_english),
		cmocka_unit_test(test_fields),
		cmocka_unit_test_teardown(test_choices, back_to_english),
		cmocka_unit_test_teardown(test_memo, back_to_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
