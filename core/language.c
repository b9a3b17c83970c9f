/* language.c - languages (ISO 639) and currencies (ISO 4217) from iso-codes, named in the reader's language and read back from any. */
#include "language.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"	/* kz_iso_read */
#include "err.h"
#include "i18n.h"
#include "text.h"

/* One code of a file: the code kizuna stores, another it takes, and the
 * English name that is also the message iso-codes translates. */
struct code {
	char code[4], other[4];
	const char *name;
};

struct table {
	const char *file, *domain;
	bool loaded;
	struct code *c;
	size_t n, cap;
	char *text;
};

static struct table langs = { "iso_639-2.json", "iso_639-2", false, NULL,
	0, 0, NULL };
static struct table money = { "iso_4217.json", "iso_4217", false, NULL, 0, 0,
	NULL };

static void
add(struct table *t, const char *code, const char *other, const char *name)
{
	struct code *c;

	if (code == NULL || name == NULL || strlen(code) > 3)
		return;
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 256;

		if ((c = realloc(t->c, nc * sizeof *c)) == NULL)
			return;
		t->c = c;
		t->cap = nc;
	}
	c = &t->c[t->n++];
	snprintf(c->code, sizeof c->code, "%s", code);
	snprintf(c->other, sizeof c->other, "%s", other && strlen(other) <= 3 ?
	    other : "");
	c->name = name;
}

/* Languages people speak have a two-letter code: those only. */
static void
add_lang(void *arg, const char **keys, const char **vals, int n)
{
	add(arg, kz_iso_get(keys, vals, n, "alpha_2"),
	    kz_iso_get(keys, vals, n, "alpha_3"),
	    kz_iso_get(keys, vals, n, "name"));
}

static void
add_money(void *arg, const char **keys, const char **vals, int n)
{
	add(arg, kz_iso_get(keys, vals, n, "alpha_3"), NULL,
	    kz_iso_get(keys, vals, n, "name"));
}

static struct table *
load(struct table *t)
{
	if (!t->loaded) {
		t->loaded = true;
		if (kz_iso_read(t->file, &t->text, t == &langs ? add_lang :
		    add_money, t) != KZ_OK) {
			free(t->c);
			free(t->text);
			t->c = NULL;
			t->text = NULL;
			t->n = 0;
		}
	}
	return t;
}

static const struct code *
find(struct table *t, const char *code)
{
	char c[4];
	size_t n;

	if (code == NULL)
		return NULL;
	/* "zh-TW" is a kind of zh */
	n = strcspn(code, "-_");
	if (n == 0 || n > 3)
		return NULL;
	snprintf(c, sizeof c, "%.*s", (int)n, code);
	load(t);
	for (size_t i = 0; i < t->n; i++)
		if (kz_text_same(c, t->c[i].code))
			return &t->c[i];
	return NULL;
}

struct match {
	struct table *t;
	const char *typed;
};

static bool
name_is(size_t i, const void *arg)
{
	const struct match *m = arg;

	return kz_text_same(m->typed, dgettext(m->t->domain, m->t->c[i].name));
}

/* What people call a language that iso-codes names otherwise: Chinese
 * staff write 中文 and 韩语 where the standard says 汉语 and 朝鲜语. */
static const struct {
	const char *name, *code;
} everyday[] = {
	{ "中文", "zh" }, { "华语", "zh" }, { "華語", "zh" },
	{ "普通话", "zh" }, { "普通話", "zh" }, { "中国语", "zh" },
	{ "中國語", "zh" }, { "중국말", "zh" },
	{ "英文", "en" }, { "日文", "ja" }, { "日本语", "ja" },
	{ "韩语", "ko" }, { "韩文", "ko" }, { "韩国语", "ko" },
	{ "韓語", "ko" }, { "韓文", "ko" }, { "韓国語", "ko" },
	{ "韓國語", "ko" }, { "한국말", "ko" },
	{ "法文", "fr" }, { "德文", "de" }, { "俄文", "ru" },
	{ "西班牙文", "es" }, { "葡萄牙文", "pt" }, { "泰文", "th" },
	{ "越南文", "vi" }, { "阿拉伯文", "ar" }, { "印尼语", "id" },
	{ "马来文", "ms" }, { "蒙古文", "mn" },
};

static const char *
parse(struct table *t, const char *typed)
{
	struct match m = { t, typed };
	long at;

	if (typed == NULL || *typed == '\0')
		return NULL;
	load(t);
	/* a code as kizuna writes it, the common case (every row of an
	 * import): found without folding every name of the table */
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(typed, t->c[i].code) == 0)
			return t->c[i].code;
	for (size_t i = 0; i < t->n; i++)
		if (kz_text_same(typed, t->c[i].code) ||
		    (t->c[i].other[0] && kz_text_same(typed, t->c[i].other)) ||
		    kz_text_same(typed, t->c[i].name))
			return t->c[i].code;
	if (t->n && (at = kz_i18n_find(t->n, name_is, &m)) >= 0)
		return t->c[at].code;
	for (size_t i = 0; t == &langs && i < sizeof everyday /
	    sizeof everyday[0]; i++)
		if (kz_text_same(typed, everyday[i].name)) {
			const struct code *c = find(t, everyday[i].code);

			return c ? c->code : NULL;
		}
	return NULL;
}

const char *
kz_language_label(const char *code)
{
	const struct code *c = find(&langs, code);

	return c ? dgettext(langs.domain, c->name) : NULL;
}

const char *
kz_language_parse(const char *typed)
{
	return parse(&langs, typed);
}

size_t
kz_language_count(void)
{
	return load(&langs)->n;
}

const char *
kz_language_code_at(size_t i)
{
	return i < load(&langs)->n ? langs.c[i].code : NULL;
}

const char *
kz_currency_label(const char *code)
{
	const struct code *c = find(&money, code);

	return c ? dgettext(money.domain, c->name) : NULL;
}

const char *
kz_currency_parse(const char *typed)
{
	return parse(&money, typed);
}

size_t
kz_currency_count(void)
{
	return load(&money)->n;
}

const char *
kz_currency_code_at(size_t i)
{
	return i < load(&money)->n ? money.c[i].code : NULL;
}
