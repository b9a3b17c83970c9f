/* buf.c - a growing byte buffer for text that core builds for its callers. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"

void
kz_buf_put(struct kz_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 256;
		while (b->len + n + 1 > c)
			c *= 2;
		char *p = realloc(b->s, c);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = c;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
kz_buf_puts(struct kz_buf *b, const char *s)
{
	if (s)
		kz_buf_put(b, s, strlen(s));
}

void
kz_buf_printf(struct kz_buf *b, const char *fmt, ...)
{
	char small[256], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		kz_buf_put(b, small, (size_t)n);
		return;
	}
	if ((big = malloc((size_t)n + 1)) == NULL) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	kz_buf_put(b, big, (size_t)n);
	free(big);
}

void
kz_buf_free(struct kz_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

int
kz_buf_drain(struct kz_buf *b, bool all)
{
	if (b->oom || b->sink_failed)
		return -1;
	if (b->sink == NULL || b->len == 0 || (!all && b->len < KZ_BUF_DRAIN))
		return 0;
	if (b->sink(b->sink_arg, b->s, b->len) != 0) {
		b->sink_failed = true;
		return -1;
	}
	b->len = 0;
	b->s[0] = '\0';
	return 0;
}

int
kz_buf_drain_err(struct kz_buf *b, bool all, struct kz_err *err)
{
	if (kz_buf_drain(b, all) == 0)
		return KZ_OK;
	/* the sink's caller knows why it failed, and says so */
	return kz_err_add(err, "", "%s", b->oom ? _("out of memory") :
	    _("cannot write the output"));
}

const char *
kz_buf_str(const struct kz_buf *b)
{
	return b->s ? b->s : "";
}
