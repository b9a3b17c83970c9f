/* i18n.c - messages in the office's language, whatever the machine's locale. */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"	/* KZ_LOCALEDIR, made by make from LOCALEDIR */

/* A build tree keeps its catalogues in locale/ beside the binary, so an
 * uninstalled kizuna speaks the configured language too. */
static const char *
find_localedir(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct stat sb;

	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, size, "%s/locale", exe);
			if (stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode))
				return buf;
		}
	}
	return KZ_LOCALEDIR;
}

/*
 * Translations looked up, by the message's address: a message is a
 * literal or a table's, at the same place each time. A slot is checked
 * by the text too, so that a message in memory used again for another
 * text is never given the first one's translation. Emptied when the
 * language changes.
 */
#define MEMO_SLOTS 512
#define MEMO_TEXT 96	/* longer messages are not kept */
static struct memo {
	const char *key;
	char *tr;
	char text[MEMO_TEXT];
} memo[MEMO_SLOTS];

static void
memo_clear(void)
{
	memset(memo, 0, sizeof memo);
}

char *
kz_gettext(const char *s)
{
	struct memo *m = &memo[((uintptr_t)s >> 3) % MEMO_SLOTS];
	char *t, *eot;
	size_t n;

	if (m->key == s && strcmp(m->text, s) == 0)
		return m->tr;
	t = gettext(s);
	if (t == s && (eot = strchr(t, '\004')) != NULL)
		t = eot + 1;
	/* (gettext's result stays valid while the catalogue is loaded: until
	 * the language changes, when the slots are emptied) */
	if ((n = strlen(s)) < MEMO_TEXT) {
		m->key = s;
		m->tr = t;
		memcpy(m->text, s, n + 1);
	}
	return t;
}

void
kz_i18n_init(const char *localedir)
{
	char buf[PATH_MAX + 16];

	memo_clear();
	/* LANGUAGE is ignored under the C locale; C.UTF-8 always exists. */
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("kizuna", localedir ? localedir :
	    find_localedir(buf, sizeof buf));
	bind_textdomain_codeset("kizuna", "UTF-8");
	textdomain("kizuna");
}

/* The language set last, to come back to after kz_i18n_each. */
static char current[32] = "en";

const char *const kz_i18n_languages[] = { "en", "ja", "zh_CN", "ko", "fr",
	NULL };

static void
use(const char *lang)
{
	memo_clear();
	setenv("LANGUAGE", lang, 1);
	setlocale(LC_ALL, "C.UTF-8");
	/* Without this a second switch keeps the old catalogue loaded. */
	textdomain(textdomain(NULL));
}

const char *
kz_i18n_language(void)
{
	return current;
}

struct find {
	size_t n;
	bool (*is)(size_t i, const void *arg);
	const void *arg;
	long found;
};

static bool
find_in(const char *lang, void *arg)
{
	struct find *f = arg;

	(void)lang;
	for (size_t i = 0; i < f->n; i++)
		if (f->is(i, f->arg)) {
			f->found = (long)i;
			return true;
		}
	return false;
}

long
kz_i18n_find(size_t n, bool (*is)(size_t i, const void *arg),
    const void *arg)
{
	struct find f = { n, is, arg, -1 };

	kz_i18n_each(find_in, &f);
	return f.found;
}

bool
kz_i18n_each(bool (*fn)(const char *lang, void *arg), void *arg)
{
	bool found = false;

	for (int i = 0; !found && kz_i18n_languages[i]; i++) {
		use(kz_i18n_languages[i]);
		found = fn(kz_i18n_languages[i], arg);
	}
	use(current);
	return found;
}

void
kz_i18n_set_language(const char *lang)
{
	if (lang == NULL || *lang == '\0' || strcmp(lang, "en") == 0)
		lang = "en";
	snprintf(current, sizeof current, "%s", lang);
	memo_clear();
	setenv("LANGUAGE", lang, 1);
	setlocale(LC_ALL, "C.UTF-8");
	/* Without this a second switch keeps the old catalogue loaded. */
	textdomain(textdomain(NULL));
}
