/* buf.h - a growing byte buffer for text that core builds for its callers. */
#ifndef KZ_BUF_H
#define KZ_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct kz_buf {
	char *s;		/* always NUL-terminated once anything is put */
	size_t len;
	size_t cap;
	bool oom;		/* a put failed: the content is incomplete */
};

void kz_buf_put(struct kz_buf *b, const char *s, size_t n);
void kz_buf_puts(struct kz_buf *b, const char *s);
void kz_buf_printf(struct kz_buf *b, const char *fmt, ...)
	__attribute__((format(__printf__, 2, 3)));
void kz_buf_free(struct kz_buf *b);
/* The text so far ("" when empty). */
const char *kz_buf_str(const struct kz_buf *b);

#endif
