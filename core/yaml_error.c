/* yaml_error.c - a problem in a YAML file shown as compilers do: file:line:column, the line, a caret. */
#include "yaml_error.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "text.h"

/* Bytes [*start, *end) of a 0-based line, without its line break. */
static void
line_span(const struct kz_yaml_src *s, size_t line, size_t *start, size_t *end)
{
	size_t i = 0;

	while (line > 0 && i < s->len) {
		if (s->text[i++] == '\n')
			line--;
	}
	if (line > 0)
		i = s->len;
	/* libyaml drops a byte order mark before it starts counting. */
	if (i == 0 && s->len >= 3 && memcmp(s->text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	*start = i;
	while (i < s->len && s->text[i] != '\n')
		i++;
	if (i > *start && s->text[i - 1] == '\r')
		i--;
	*end = i;
}

/* Byte offset of the col'th character (libyaml counts characters). */
static size_t
col_byte(const char *text, size_t start, size_t end, size_t col)
{
	size_t i = start;

	while (col > 0 && i < end) {
		i++;
		while (i < end && ((unsigned char)text[i] & 0xc0) == 0x80)
			i++;
		col--;
	}
	return i;
}

static size_t
nchars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Step back from i to the start of the character it is in. */
static size_t
char_start(const char *text, size_t lo, size_t i)
{
	while (i > lo && ((unsigned char)text[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Append the line text[ws..we) for display, and the caret padding for
 * text[ws..cb) (display width, tabs kept so the caret lines up). */
static void
show_line(struct kz_buf *line, struct kz_buf *pad, const char *text, size_t ws,
    size_t we, size_t cb)
{
	size_t i = ws;

	while (i < we) {
		unsigned cp;
		int n = kz_utf8_decode(text + i, &cp);
		bool before = i < cb;

		if (n <= 0 || i + (size_t)n > we)
			n = 1, cp = 0xfffd;
		if (cp == '\t') {
			kz_buf_put(line, "\t", 1);
			if (before)
				kz_buf_put(pad, "\t", 1);
		} else if ((n == 1 && cp == 0xfffd) || cp < 0x20 || cp == 0x7f) {
			/* A broken byte or a control character: never send
			 * it to the terminal. */
			kz_buf_put(line, "?", 1);
			if (before)
				kz_buf_put(pad, " ", 1);
		} else {
			kz_buf_put(line, text + i, (size_t)n);
			for (int w = kz_cp_width(cp); before && w > 0; w--)
				kz_buf_put(pad, " ", 1);
		}
		i += (size_t)n;
	}
}

void
kz_yaml_error_vadd(struct kz_err *err, const struct kz_yaml_src *s, size_t line,
    size_t col, const char *fmt, va_list ap)
{
	char msg[KZ_YAML_MSG_ROOM], where[sizeof err->item[0].where];
	struct kz_buf lb = { 0 }, pb = { 0 };
	size_t ls, le, cb, ws, we, budget, nlen;
	const char *name = s->name;

	vsnprintf(msg, sizeof msg, fmt, ap);
	/* Keep line:column visible even for a long path. */
	nlen = strlen(name);
	if (nlen > sizeof where - 32)
		name += char_start(name, 0, nlen - (sizeof where - 35));
	snprintf(where, sizeof where, "%s%s:%zu:%zu",
	    name == s->name ? "" : "...", name, line + 1, col + 1);

	line_span(s, line, &ls, &le);
	cb = col_byte(s->text, ls, le, col);
	/* Line and padding each get half of what the message leaves. */
	budget = (KZ_ERR_MSG - strlen(msg) - 16) / 2;
	ws = ls;
	we = le;
	if (le - ls > budget) {
		if (cb - ls > budget / 2)
			ws = char_start(s->text, ls, cb - budget / 2);
		we = ws + budget < le ? char_start(s->text, ws, ws + budget) : le;
		if (cb > we)
			cb = we;
	}
	if (ws > ls) {
		kz_buf_puts(&lb, "...");
		kz_buf_puts(&pb, "   ");
	}
	show_line(&lb, &pb, s->text, ws, we, cb);
	if (we < le)
		kz_buf_puts(&lb, "...");
	kz_err_add(err, where, "%s\n%s\n%s^", msg, kz_buf_str(&lb),
	    kz_buf_str(&pb));
	kz_buf_free(&lb);
	kz_buf_free(&pb);
}

void
kz_yaml_error_add(struct kz_err *err, const struct kz_yaml_src *s, size_t line,
    size_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kz_yaml_error_vadd(err, s, line, col, fmt, ap);
	va_end(ap);
}

/* A value quoted inside a message: cut short, no control characters. */
const char *
kz_yaml_error_shown(const char *v, char out[64])
{
	size_t i = 0, o = 0;

	while (v[i] != '\0' && o < 40) {
		unsigned char c = (unsigned char)v[i];

		if (c < 0x20 || c == 0x7f) {
			out[o++] = '?';
			i++;
			continue;
		}
		size_t n = 1;
		while (((unsigned char)v[i + n] & 0xc0) == 0x80)
			n++;
		memcpy(out + o, v + i, n);
		o += n;
		i += n;
	}
	if (v[i] != '\0') {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

yaml_mark_t
kz_yaml_error_mark(const yaml_node_t *n, const char *v, size_t at)
{
	yaml_mark_t m = n->start_mark;
	size_t q;

	if (*v == '\0' || n->start_mark.line != n->end_mark.line)
		return m;
	switch (n->data.scalar.style) {
	case YAML_PLAIN_SCALAR_STYLE:
		q = 0;
		break;
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		q = 1;
		break;
	default:
		return m;
	}
	if (n->end_mark.column - n->start_mark.column !=
	    nchars(v, strlen(v)) + 2 * q)
		return m;
	m.column += q + nchars(v, at);
	return m;
}

/* Marks are 0-based; kz_yaml_error_add adds 1. */
void
kz_yaml_error_syntax(struct kz_err *err, const struct kz_yaml_src *s,
    const yaml_parser_t *p)
{
	yaml_mark_t m = p->problem_mark, c = p->context_mark;
	size_t ls, le, cb;
	char hint[128] = "";
	bool eof;

	if (p->error == YAML_MEMORY_ERROR) {
		kz_err_add(err, s->name, "%s", _("out of memory"));
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset, not a mark. */
		size_t line = 0, ll = 0, off = p->problem_offset;

		if (off > s->len)
			off = s->len;
		for (size_t i = 0; i < off; i++)
			if (s->text[i] == '\n')
				line++, ll = i + 1;
		kz_yaml_error_add(err, s, line, nchars(s->text + ll, off - ll),
		    _("the file is not UTF-8 text: %s"),
		    p->problem ? p->problem : "?");
		return;
	}
	line_span(s, m.line, &ls, &le);
	cb = col_byte(s->text, ls, le, m.column);
	eof = ls >= s->len || (cb >= le && le >= s->len);
	if (cb < le && s->text[cb] == '\t')
		snprintf(hint, sizeof hint, "%s", _("; hint: indent with spaces, "
		    "YAML does not allow tabs"));
	else if (cb < le && s->text[cb] != '\0' &&
	    strchr("%@`", s->text[cb]) != NULL)
		snprintf(hint, sizeof hint, _("; hint: put a value that starts "
		    "with %c in quotes"), s->text[cb]);
	else {
		for (size_t i = ls; i < cb && (s->text[i] == ' ' ||
		    s->text[i] == '\t'); i++)
			if (s->text[i] == '\t')
				snprintf(hint, sizeof hint, "%s", _("; hint: "
				    "indent with spaces, YAML does not allow tabs"));
	}

	if (p->context != NULL && strstr(p->context, "quoted scalar") != NULL &&
	    eof) {
		/* The problem is at the end of the file; the opening quote
		 * is what the reader needs to see. */
		kz_yaml_error_add(err, s, c.line, c.column, _("this quote is "
		    "never closed (the file ends at line %zu, column %zu)"),
		    m.line + 1, m.column + 1);
	} else if (p->context != NULL && eof) {
		kz_yaml_error_add(err, s, c.line, c.column, _("%s: %s (the "
		    "file ends at line %zu, column %zu)%s"), p->context,
		    p->problem ? p->problem : "", m.line + 1, m.column + 1, hint);
	} else if (p->context != NULL && (c.line != m.line ||
	    c.column != m.column)) {
		kz_yaml_error_add(err, s, m.line, m.column, _("%s (%s at line "
		    "%zu, column %zu)%s"), p->problem ? p->problem : "",
		    p->context,
		    c.line + 1, c.column + 1, hint);
	} else {
		kz_yaml_error_add(err, s, m.line, m.column, "%s%s",
		    p->problem ? p->problem : _("bad YAML"), hint);
	}
}
