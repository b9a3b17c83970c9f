/* err.h - status and messages that core functions hand back to the caller. */
#ifndef KZ_ERR_H
#define KZ_ERR_H

#include <stddef.h>

/* KZ_STALE: an update found its record changed since the stamp it was
 * read with, and wrote nothing (err says the stamp it has now). */
enum { KZ_OK = 0, KZ_ERROR = -1, KZ_STALE = -2 };

#define KZ_ERR_MAX 16
#define KZ_ERR_MSG 320

/* One problem: where it is (a field name, "file:line:col", a CSV line)
 * and what is wrong, already translated. */
struct kz_err_item {
	char where[1024];	/* room for a long path and :line:column */
	char msg[KZ_ERR_MSG];
};

/* Every core call that can fail takes one of these. Validation reports
 * all problems it finds at once; other failures report one. */
struct kz_err {
	int n;			/* items stored (at most KZ_ERR_MAX) */
	int dropped;		/* items beyond KZ_ERR_MAX */
	int stale;		/* an update missed its stamp (KZ_STALE): the
				 * record changed since it was read */
	struct kz_err_item item[KZ_ERR_MAX];
};

void kz_err_clear(struct kz_err *e);
/* Add a problem; returns KZ_ERROR so callers can `return kz_err_add(...)`. */
int kz_err_add(struct kz_err *e, const char *where, const char *fmt, ...)
	__attribute__((format(__printf__, 3, 4)));
/* Add more's problems to e, but none under a place e has already: after
 * a value was refused, the record's checks would only add "required"
 * for the field left empty. */
void kz_err_merge(struct kz_err *e, const struct kz_err *more);
/* The first message, "where: msg" or "msg", for one-line reports. */
const char *kz_err_first(const struct kz_err *e, char *buf, size_t size);
/* Message for a field, or NULL: forms show it next to the field. */
const char *kz_err_for(const struct kz_err *e, const char *where);

#endif
