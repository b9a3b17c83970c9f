/* json.c - JSON text (RFC 8259) into a buffer: the one escaper. */
#include "json.h"

#include <string.h>

void
kz_json_str(struct kz_buf *b, const char *s)
{
	if (s == NULL) {
		kz_buf_puts(b, "null");
		return;
	}
	kz_json_strn(b, s, strlen(s));
}

void
kz_json_strn(struct kz_buf *b, const char *s, size_t n)
{
	const char *run, *end = s + n;

	kz_buf_puts(b, "\"");
	for (run = s; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c >= 0x20)
				continue;
		}
		kz_buf_put(b, run, (size_t)(s - run));
		if (esc)
			kz_buf_puts(b, esc);
		else
			kz_buf_printf(b, "\\u%04x", c);
		run = s + 1;
	}
	kz_buf_put(b, run, (size_t)(s - run));
	kz_buf_puts(b, "\"");
}

void
kz_json_member(struct kz_buf *b, const char *key, const char *s, int first)
{
	kz_buf_puts(b, first ? "  " : ",\n  ");
	kz_json_str(b, key);
	kz_buf_puts(b, ": ");
	kz_json_str(b, s);
}
