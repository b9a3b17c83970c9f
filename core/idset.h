/* idset.h - a set of record ids, for work over thousands of records. */
#ifndef KZ_IDSET_H
#define KZ_IDSET_H

#include <stdbool.h>
#include <stddef.h>

/* Open addressing, at most half full; zeroed is empty. Walk slot[0..cap)
 * for every id. */
struct kz_idset {
	char **slot;		/* the ids, or NULL; cap of them */
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

bool kz_idset_has(const struct kz_idset *h, const char *id);
/* Add a copy of id; out of memory, silently not. */
void kz_idset_add(struct kz_idset *h, const char *id);
void kz_idset_free(struct kz_idset *h);

#endif
