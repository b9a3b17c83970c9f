/* line.c - the one-line editor of forms, searches and prompts: UTF-8 text and a cursor. */
#include "line.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

static bool
form_line_reserve(struct form_line *l, size_t more)
{
	if (l->len + more + 1 <= l->cap)
		return true;

	size_t ncap = l->cap ? l->cap : 32;
	char *p;

	while (ncap < l->len + more + 1)
		ncap *= 2;
	p = xrealloc(l->buf, ncap);
	l->buf = p;
	l->cap = ncap;
	return true;
}

void
form_line_set(struct form_line *l, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	l->len = l->cur = 0;
	l->scroll = 0;
	if (!form_line_reserve(l, n))
		return;
	if (n)
		memcpy(l->buf, s, n);
	l->len = l->cur = n;
	l->buf[n] = '\0';
	l->fresh = n > 0;
}

const char *
form_line_text(const struct form_line *l)
{
	return l->buf ? l->buf : "";
}

void
form_line_free(struct form_line *l)
{
	free(l->buf);
	memset(l, 0, sizeof *l);
}

/* Bytes of the character before byte offset at. */
static size_t
form_line_back(const struct form_line *l, size_t at)
{
	size_t k = at;

	while (k > 0 && ((unsigned char)l->buf[--k] & 0xc0) == 0x80)
		;
	return at - k;
}

static size_t
form_line_fwd(const struct form_line *l, size_t at)
{
	unsigned cp;

	return at < l->len ? (size_t)kz_utf8_decode(l->buf + at, &cp) : 0;
}

static void
form_line_cut(struct form_line *l, size_t at, size_t n)
{
	memmove(l->buf + at, l->buf + at + n, l->len - at - n + 1);
	l->len -= n;
}

bool
form_line_edit(struct form_line *l, enum keys_action a, int key)
{
	size_t n;
	char enc[4];
	int k;

	if (l->buf == NULL)
		form_line_set(l, "");
	if (l->buf == NULL)
		return false;
	if (l->fresh) {
		l->fresh = false;
		if (a == KA_NONE && keys_printable(key) && key <= 0x10ffff) {
			l->len = l->cur = 0;
			l->buf[0] = '\0';
		}
	}
	switch (a) {
	case KA_LEFT:
		l->cur -= form_line_back(l, l->cur);
		return false;
	case KA_RIGHT:
		l->cur += form_line_fwd(l, l->cur);
		return false;
	case KA_HOME:
		l->cur = 0;
		return false;
	case KA_END:
		l->cur = l->len;
		return false;
	case KA_BACKSPACE:
		if ((n = form_line_back(l, l->cur)) == 0)
			return false;
		l->cur -= n;
		form_line_cut(l, l->cur, n);
		return true;
	case KA_DELCHAR:
		if ((n = form_line_fwd(l, l->cur)) == 0)
			return false;
		form_line_cut(l, l->cur, n);
		return true;
	case KA_KILL:
		if (l->len == 0)
			return false;
		form_line_set(l, "");
		return true;
	case KA_NONE:
		if (!keys_printable(key) || key > 0x10ffff)
			return false;
		k = kz_utf8_encode((unsigned)key, enc);
		if (!form_line_reserve(l, (size_t)k))
			return false;
		memmove(l->buf + l->cur + k, l->buf + l->cur,
		    l->len - l->cur + 1);
		memcpy(l->buf + l->cur, enc, (size_t)k);
		l->cur += (size_t)k;
		l->len += (size_t)k;
		return true;
	default:
		return false;
	}
}

int
form_line_draw(struct form_line *l, WINDOW *w, int y, int x, int width,
    attr_t attr)
{
	const char *s = form_line_text(l);
	int curcol = 0, total, start, end, col = 0, k;
	char buf[4096];
	size_t o = 0;
	unsigned cp;
	bool more;

	if (width < 1)
		return x;
	for (size_t i = 0; i < l->cur && (k = kz_utf8_decode(s + i, &cp)) > 0;
	    i += (size_t)k)
		curcol += kz_cp_width(cp);
	total = kz_text_width(s);

	/* Keep the cursor in view, with room for the '<' and '>' marks and
	 * a jump of half the width so that typing does not scroll on every
	 * key. Too narrow for marks: just follow the cursor. */
	if (width < 4)
		l->scroll = curcol >= width ? curcol - width + 1 : 0;
	else if (curcol < l->scroll + (l->scroll > 0) ||
	    curcol > l->scroll + width - 2)
		l->scroll = curcol > width / 2 ? curcol - width / 2 : 0;
	if (l->scroll > total)
		l->scroll = 0;
	/* Wider again (a terminal grown back): no '<' over text that now
	 * fits, and no blank space at the right while text is hidden left. */
	if (total < width)
		l->scroll = 0;
	else if (width >= 4 && l->scroll > total - width + 2)
		l->scroll = total - width + 2 > 0 ? total - width + 2 : 0;

	more = width >= 4 && total > l->scroll + width;
	start = l->scroll + (width >= 4 && l->scroll > 0);
	end = l->scroll + width - (more ? 1 : 0);
	if (width >= 4 && l->scroll > 0)
		buf[o++] = '<';
	/* Skip what is scrolled off; a wide character cut by the left edge
	 * shows as blanks. */
	while ((k = kz_utf8_decode(s, &cp)) > 0) {
		int cw = kz_cp_width(cp);

		if (col >= start)
			break;
		if (col + cw > start)
			for (int c = start; c < col + cw && c < end; c++)
				buf[o++] = ' ';
		col += cw;
		s += k;
	}
	if (col < start)
		col = start;
	while ((k = kz_utf8_decode(s, &cp)) > 0 && o + 8 < sizeof buf) {
		int cw = kz_cp_width(cp);

		if (col + cw > end)
			break;
		if (cp < 0x20)
			buf[o++] = ' ';
		else {
			memcpy(buf + o, s, (size_t)k);
			o += (size_t)k;
		}
		col += cw;
		s += k;
	}
	while (col < end && o + 2 < sizeof buf) {
		buf[o++] = ' ';
		col++;
	}
	if (more)
		buf[o++] = '>';
	buf[o] = '\0';
	wattrset(w, attr);
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
	return x + curcol - l->scroll;
}
