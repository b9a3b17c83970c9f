/* text.c - UTF-8 checks and display width, for columns that line up in CJK. */
#include "text.h"

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

bool
kz_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		int n;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1; cp = c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2; cp = c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3; cp = c & 0x07; min = 0x10000;
		} else
			return false;
		if (i + (size_t)n >= len)
			return false;
		for (int k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += n + 1;
	}
	return true;
}

int
kz_utf8_encode(unsigned cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int
kz_utf8_decode(const char *str, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	int n;

	if (c == 0) {
		*cp = 0;
		return 0;
	}
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		n = 1; *cp = c & 0x1f;
	} else if ((c & 0xf0) == 0xe0) {
		n = 2; *cp = c & 0x0f;
	} else if ((c & 0xf8) == 0xf0) {
		n = 3; *cp = c & 0x07;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (int k = 1; k <= n; k++) {
		if ((s[k] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		*cp = (*cp << 6) | (s[k] & 0x3f);
	}
	return n + 1;
}

size_t
kz_utf8_len(const char *s)
{
	size_t n = 0;
	unsigned cp;
	int k;

	while ((k = kz_utf8_decode(s, &cp)) > 0) {
		s += k;
		n++;
	}
	return n;
}

/*
 * The C library's wcwidth is what ncursesw uses to place characters, so
 * measuring with it keeps our columns and the screen's in step. It needs
 * a UTF-8 LC_CTYPE; a program that never set one (a unit test, a script)
 * gets C.UTF-8, which glibc always has.
 */
int
kz_cp_width(unsigned cp)
{
	static int ready;
	int w;

	if (!ready) {
		if (MB_CUR_MAX == 1)
			setlocale(LC_CTYPE, "C.UTF-8");
		ready = 1;
	}
	if (cp < 0x20 || cp == 0x7f)
		return 0;
	if (cp < 0x7f)	/* printable ASCII: no call, a column each */
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return kz_cp_is_cjk(cp) ? 2 : (cp >= 0x80 && cp < 0xa0 ? 0 : 1);
	return w;
}

int
kz_text_width(const char *s)
{
	int w = 0, k;
	unsigned cp;

	while (s && (k = kz_utf8_decode(s, &cp)) > 0) {
		w += kz_cp_width(cp);
		s += k;
	}
	return w;
}

char *
kz_text_shown(const char *s, char *out, size_t size)
{
	size_t o = 0, safe = 0;
	unsigned cp;
	int k;

	if (size == 0)
		return out;
	for (; (k = kz_utf8_decode(s, &cp)) > 0; s += k) {
		char piece[16];
		size_t n;

		if ((unsigned char)s[0] >= 0x80 && (k == 1 ||
		    !kz_utf8_valid(s, (size_t)k))) {
			k = 1;		/* not UTF-8: the byte alone, escaped */
			cp = 0x80;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			n = 0;
			for (int i = 0; i < k; i++)
				n += (size_t)snprintf(piece + n, sizeof piece - n,
				    "\\x%02x", (unsigned char)s[i]);
		} else {
			memcpy(piece, s, (size_t)k);
			n = (size_t)k;
		}
		if (o + n + 1 > size) {		/* no room: cut, marked */
			o = safe;
			if (o + 4 <= size) {
				memcpy(out + o, "...", 3);
				o += 3;
			}
			break;
		}
		memcpy(out + o, piece, n);
		o += n;
		if (o + 4 <= size)
			safe = o;
	}
	out[o] = '\0';
	return out;
}

int
kz_text_fit(char *out, size_t size, const char *s, int width, bool pad)
{
	size_t o = 0;
	int used = 0, k;
	unsigned cp;
	bool cut = false;

	if (size == 0)
		return 0;
	if (width < 0)
		width = 0;
	if (s == NULL)
		s = "";
	if (kz_text_width(s) > width) {
		cut = true;
		width--;	/* room for the '~' */
	}
	while ((k = kz_utf8_decode(s, &cp)) > 0) {
		bool ctl = cp < 0x20 || cp == 0x7f;	/* never on screen */
		int w = ctl ? 1 : kz_cp_width(cp);

		if (used + w > width || o + (size_t)k + 1 >= size)
			break;
		if (ctl)
			out[o++] = ' ';
		else {
			memcpy(out + o, s, (size_t)k);
			o += (size_t)k;
		}
		used += w;
		s += k;
	}
	if (cut && width >= 0 && o + 2 < size) {
		while (pad && used < width && o + 2 < size) {
			out[o++] = ' ';
			used++;
		}
		out[o++] = '~';
		used++;
		width++;
	}
	while (pad && used < width && o + 1 < size) {
		out[o++] = ' ';
		used++;
	}
	out[o] = '\0';
	return used;
}

bool
kz_cp_is_cjk(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x11ff) ||	/* Hangul jamo */
	    (cp >= 0x2e80 && cp <= 0x2fdf) ||		/* radicals */
	    (cp >= 0x3040 && cp <= 0x30ff) ||		/* kana */
	    (cp >= 0x3100 && cp <= 0x31ff) ||		/* bopomofo, jamo, kana ext */
	    (cp >= 0x3400 && cp <= 0x4dbf) ||		/* Han ext A */
	    (cp >= 0x4e00 && cp <= 0x9fff) ||		/* Han */
	    (cp >= 0xa960 && cp <= 0xa97f) ||
	    (cp >= 0xac00 && cp <= 0xd7af) ||		/* Hangul */
	    (cp >= 0xf900 && cp <= 0xfaff) ||		/* compatibility Han */
	    (cp >= 0xff66 && cp <= 0xff9f) ||		/* half-width kana */
	    (cp >= 0x20000 && cp <= 0x3134f);		/* Han ext B.. */
}

bool
kz_cp_is_hangul(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x11ff) ||	/* jamo */
	    (cp >= 0x3130 && cp <= 0x318f) ||		/* compatibility jamo */
	    (cp >= 0xa960 && cp <= 0xa97f) ||		/* jamo extended-A */
	    (cp >= 0xac00 && cp <= 0xd7ff);		/* syllables, jamo ext-B */
}

char *
kz_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

char *
kz_text_capitalise(char *s)
{
	unsigned cp, up;
	int n = kz_utf8_decode(s, &cp);

	if (n == 1 && cp >= 'a' && cp <= 'z') {
		s[0] = (char)(cp - 'a' + 'A');
		return s;
	}
	if (n != 2)
		return s;
	/* Latin-1 and Latin Extended-A: é, à, ç, œ, ... keep their two
	 * bytes in capitals, so the text is changed in place. */
	if (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7)
		up = cp - 0x20;
	else if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
	    && cp % 2 == 1)
		up = cp - 1;
	else if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 &&
	    cp <= 0x17e)) && cp % 2 == 0)
		up = cp - 1;
	else
		return s;
	kz_utf8_encode(up, s);	/* two bytes, as cp's */
	return s;
}

/* ---- romanised names ---- */

/* A vowel with a macron or a circumflex (Satō, Satô), as its letter. */
static int
plain_vowel(unsigned cp)
{
	switch (cp) {
	case 0x101: case 0x100: case 0xe2: case 0xc2: return 'a';
	case 0x113: case 0x112: case 0xea: case 0xca: return 'e';
	case 0x12b: case 0x12a: case 0xee: case 0xce: return 'i';
	case 0x14d: case 0x14c: case 0xf4: case 0xd4: return 'o';
	case 0x16b: case 0x16a: case 0xfb: case 0xdb: return 'u';
	default: return 0;
	}
}

static bool
is_vowel(int c)
{
	return c && strchr("aeiouy", c) != NULL;
}

/*
 * A romanised run folded so that its spellings find each other: case
 * and macrons off (Satō, Satô), an apostrophe or a hyphen between two
 * letters gone (Ken'ichi, kenichi), and a long vowel written short
 * (Satou, Satoh, Sato; Oono, Ohno, Ono; Yuuko, Yuko): ou, oo and a
 * final or pre-consonant oh become o, uu becomes u.
 */
char *
kz_text_fold_roman(const char *s, size_t n)
{
	char *t = malloc(n + 1);
	size_t k = 0, i = 0;

	if (t == NULL)
		return NULL;
	while (i < n) {
		unsigned cp;
		int w = kz_utf8_decode(s + i, &cp), v;

		if (w <= 0)
			break;
		if ((v = plain_vowel(cp)) != 0)
			t[k++] = (char)v;
		else if (cp < 0x80 && (cp == '\'' || cp == '-') && k > 0 &&
		    isalpha((unsigned char)t[k - 1]) && i + 1 < n &&
		    isalpha((unsigned char)s[i + 1]))
			;	/* Ken'ichi, Jun-ichi */
		else if (cp == 0x2019 || cp == 0x2010)	/* ’ ‐ */
			;
		else {
			memcpy(t + k, s + i, (size_t)w);
			if (w == 1)
				t[k] = (char)tolower((unsigned char)t[k]);
			k += (size_t)w;
		}
		i += (size_t)w;
	}
	t[k] = '\0';
	/* the long vowels, on the folded letters */
	for (i = 0, n = k, k = 0; i < n; i++) {
		char c = t[i], d = i + 1 < n ? t[i + 1] : '\0';
		char e = i + 2 < n ? t[i + 2] : '\0';

		t[k++] = c;
		if ((c == 'o' && (d == 'u' || d == 'o')) || (c == 'u' && d == 'u'))
			i++;
		else if (c == 'o' && d == 'h' && !is_vowel(e))
			i++;
	}
	t[k] = '\0';
	return t;
}

/* ---- comparing what people type ---- */

void
kz_text_fold(const char *s, char *out, size_t size)
{
	size_t o = 0;
	bool space = true;	/* none at the start */
	int n;
	unsigned cp;

	if (size == 0)
		return;
	while (s && (n = kz_utf8_decode(s, &cp)) > 0) {
		const char *from = s;

		s += n;
		if (cp >= 0xFF01 && cp <= 0xFF5E)	/* full-width ASCII */
			cp -= 0xFEE0;
		if (cp == 0x3000 || cp == '_' || cp == '-' || cp == '\t')
			cp = ' ';
		if (cp < 0x80) {
			if (cp == ' ') {
				if (space)
					continue;
				space = true;
			} else
				space = false;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			if (o + 1 >= size)
				break;
			out[o++] = (char)cp;
			continue;
		}
		space = false;
		if (o + (size_t)n >= size)
			break;
		memcpy(out + o, from, (size_t)n);
		o += (size_t)n;
	}
	if (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

bool
kz_text_same(const char *a, const char *b)
{
	char fa[256], fb[256];

	kz_text_fold(a, fa, sizeof fa);
	kz_text_fold(b, fb, sizeof fb);
	return strcmp(fa, fb) == 0;
}

bool
kz_text_has(const char *hay, const char *needle)
{
	char fh[256], fn[256];

	kz_text_fold(hay, fh, sizeof fh);
	kz_text_fold(needle, fn, sizeof fn);
	return strstr(fh, fn) != NULL;
}

char *
kz_text_count(long n, char *out, size_t size)
{
	char d[32];
	size_t len, k = 0;

	if (size == 0)
		return out;
	snprintf(d, sizeof d, "%ld", n);
	len = strlen(d);
	for (size_t i = 0; i < len && k + 2 < size; i++) {
		/* a comma before each group of three digits but the first */
		if (i && d[i - 1] != '-' && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = d[i];
	}
	out[k] = '\0';
	return out;
}
