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
	/* Optional: where the text goes as it is made, for text of any
	 * length (an export written to its file a row at a time):
	 * kz_buf_drain passes what is held on to it and empties the
	 * buffer. It returns 0, or -1 to stop: sink_failed is then set,
	 * and the caller of sink knows why. NULL: the buffer holds all. */
	int (*sink)(void *arg, const char *s, size_t n);
	void *sink_arg;
	bool sink_failed;
};

/* Held text is passed on once there is this much of it. */
#define KZ_BUF_DRAIN	(64 * 1024)

void kz_buf_put(struct kz_buf *b, const char *s, size_t n);
void kz_buf_puts(struct kz_buf *b, const char *s);
void kz_buf_printf(struct kz_buf *b, const char *fmt, ...)
	__attribute__((format(__printf__, 2, 3)));
void kz_buf_free(struct kz_buf *b);
/* With a sink: pass the text held on to it when there is at least
 * KZ_BUF_DRAIN of it, or any with all (at the end). 0, or -1 when the
 * sink failed now or before (nothing more is passed) or a put ran out
 * of memory. Without a sink: 0, the text kept (-1 on oom). */
int kz_buf_drain(struct kz_buf *b, bool all);
/* The same for a writer of core that reports: KZ_OK, or KZ_ERROR with
 * "out of memory" or "cannot write the output" in err. */
struct kz_err;
int kz_buf_drain_err(struct kz_buf *b, bool all, struct kz_err *err);
/* The text so far ("" when empty). */
const char *kz_buf_str(const struct kz_buf *b);

#endif
