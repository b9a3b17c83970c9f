/* test_note.c - history notes: stored in English, shown in the reader's language. */
#include "unit.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "i18n.h"
#include "note.h"

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

static void
test_note_stored_in_english(void **state)
{
	struct kz_buf b = { 0 };

	(void)state;
	if (catalogues())
		kz_i18n_set_language("zh_CN");
	/* whatever the language, what is stored is English */
	kz_note_add(&b, KZ_NOTE_PROPOSED);
	kz_note_add(&b, KZ_NOTE_LONGER, "harvest season: Sep");
	kz_note_add(&b, KZ_NOTE_UNAVAIL_WHY, "2019-09-01", "2019-09-10",
	    "surgery");
	kz_note_add_text(&b, "");
	kz_note_add_text(&b, "typed by a person");
	assert_string_equal(kz_buf_str(&b), "proposed; longer than the "
	    "maximum: harvest season: Sep; confirmed although unavailable "
	    "2019-09-01..2019-09-10 (surgery); typed by a person");
	kz_buf_free(&b);
	kz_i18n_set_language("en");
}

static void
test_note_shown_as_stored_in_english(void **state)
{
	struct kz_buf b = { 0 };
	const char *s = "dates 2019-09-16..2019-09-23 changed to "
	    "2019-09-17..2019-09-24; specialist changed; what; ever";

	(void)state;
	if (catalogues())
		kz_i18n_set_language("en");
	assert_string_equal(kz_note_text(s, &b), s);
	kz_buf_free(&b);
	assert_string_equal(kz_note_text(NULL, &b), "");
	kz_buf_free(&b);
}

static void
test_note_shown_translated(void **state)
{
	struct kz_buf b = { 0 };
	const char *t;

	(void)state;
	if (!catalogues())
		skip();
	kz_i18n_set_language("zh_CN");
	t = kz_note_text("agreement dated 2019-09-01, reference BJS-2019-07; "
	    "longer than the maximum: a; b; override: x", &b);
	/* the program's parts are in Chinese, the typed ones as typed */
	assert_null(strstr(t, "agreement dated"));
	assert_non_null(strstr(t, "2019-09-01"));
	assert_non_null(strstr(t, "BJS-2019-07"));
	assert_null(strstr(t, "longer than"));
	assert_non_null(strstr(t, "; b; "));
	assert_null(strstr(t, "override"));
	assert_string_equal(t + strlen(t) - 1, "x");
	kz_buf_free(&b);
	/* a part that only begins like one of the program's stays as typed */
	t = kz_note_text("proposed by the mayor; dates unknown", &b);
	assert_string_equal(t, "proposed by the mayor; dates unknown");
	kz_buf_free(&b);
	kz_i18n_set_language("ja");
	t = kz_note_text("recorded", &b);
	assert_string_not_equal(t, "recorded");
	kz_buf_free(&b);
	kz_i18n_set_language("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_note_stored_in_english),
		cmocka_unit_test(test_note_shown_as_stored_in_english),
		cmocka_unit_test(test_note_shown_translated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
