/* name.c - people's names: which word of a romanised name is the family name, and the key to sort by. */
#include "name.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"

#define MAXWORDS 16

struct words {
	const char *at[MAXWORDS];
	size_t len[MAXWORDS];
	int n;
};

/* The words of s[0..n), split at spaces and commas. */
static void
split(const char *s, size_t n, struct words *w)
{
	size_t i = 0;

	while (i < n) {
		size_t start;

		while (i < n && strchr(" \t,", s[i]))
			i++;
		start = i;
		while (i < n && !strchr(" \t,", s[i]))
			i++;
		if (i > start && w->n < MAXWORDS) {
			w->at[w->n] = s + start;
			w->len[w->n++] = i - start;
		}
	}
}

/* A word in capitals: "SATO", "SATŌ"; at least two letters, none small. */
static bool
capitals(const char *s, size_t n)
{
	int upper = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
		upper += s[i] >= 'A' && s[i] <= 'Z';
	}
	return upper >= 2;
}

/* Common Chinese family names in pinyin. */
static const char *const chinese_families[] = {
	"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
	"zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin",
	"luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng",
	"cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "yu",
	"jiang", "cai", "du", "ye", "cheng", "su", "wei", "lu", "ding", "ren",
	"shen", "yao", "cui", "zhong", "tan", "fan", "jin", "shi", "liao",
	"jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin",
	"qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu",
	"mao", "hao", "gong", "shao", "wan", "qian", "dai", "mo", "kong",
	"xiang", "chang", "kang", "niu", "hong", "wen", "ouyang", "situ",
	"zhuge", "shangguan", "sima", NULL,
};

/* Pinyin as written, case aside: folding would make Zhou of Zho. */
static bool
chinese_family(const char *s, size_t n)
{
	for (int i = 0; chinese_families[i]; i++)
		if (strlen(chinese_families[i]) == n &&
		    strncasecmp(s, chinese_families[i], n) == 0)
			return true;
	return false;
}

/* What the name in its own script says of its order: 'k' Korean, 'c'
 * Chinese characters without kana, 'j' with kana, 0 none of these. */
static int
script_of(const char *name)
{
	bool han = false, kana = false, hangul = false;
	unsigned cp;
	int k;

	while (name && (k = kz_utf8_decode(name, &cp)) > 0) {
		kana |= (cp >= 0x3040 && cp <= 0x30ff) ||
		    (cp >= 0x31f0 && cp <= 0x31ff);
		hangul |= (cp >= 0xac00 && cp <= 0xd7a3) ||
		    (cp >= 0x1100 && cp <= 0x11ff) ||
		    (cp >= 0x3130 && cp <= 0x318f);
		han |= (cp >= 0x4e00 && cp <= 0x9fff) ||
		    (cp >= 0x3400 && cp <= 0x4dbf) ||
		    (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000;
		name += k;
	}
	return hangul ? 'k' : kana ? 'j' : han ? 'c' : 0;
}

/* Word i of w folded onto out, after a space unless first. */
static void
put_word(struct kz_buf *out, const struct words *w, int i)
{
	char *f = kz_text_fold_roman(w->at[i], w->len[i]);

	if (f == NULL) {
		out->oom = true;
		return;
	}
	if (out->len)
		kz_buf_puts(out, " ");
	kz_buf_puts(out, f);
	free(f);
}

char *
kz_name_sort_key(const char *name, const char *roman)
{
	const char *r = roman && *roman ? roman : name ? name : "";
	const char *comma = strchr(r, ',');
	struct words w = { .n = 0 };
	struct kz_buf out = { 0 };
	int family, caps = 0, script = script_of(name);

	if (comma) {
		/* "Sato, Ken'ichi": the family's words, then the rest */
		split(r, (size_t)(comma - r), &w);
		split(comma, strlen(comma), &w);
		for (int i = 0; i < w.n; i++)
			put_word(&out, &w, i);
	} else {
		split(r, strlen(r), &w);
		family = -1;
		for (int i = 0; i < w.n; i++)
			if (capitals(w.at[i], w.len[i]))
				caps++, family = family < 0 ? i : family;
		if (caps == w.n)	/* a passport's SATO KENICHI */
			family = 0;
		else if (family < 0 && w.n > 1 && (script == 'k' ||
		    (script == 'c' && chinese_family(w.at[0], w.len[0]) &&
		    !chinese_family(w.at[w.n - 1], w.len[w.n - 1]))))
			family = 0;
		else if (family < 0)
			family = w.n - 1;
		if (family >= 0)
			put_word(&out, &w, family);
		for (int i = 0; i < w.n; i++)
			if (i != family)
				put_word(&out, &w, i);
	}
	if (out.oom) {
		kz_buf_free(&out);
		return NULL;
	}
	return out.s ? out.s : strdup("");
}
