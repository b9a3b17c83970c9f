/* idset.c - a set of record ids, for work over thousands of records. */
#include "idset.h"

#include <stdlib.h>
#include <string.h>

static size_t
id_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

bool
kz_idset_has(const struct kz_idset *h, const char *id)
{
	if (h->cap == 0)
		return false;
	for (size_t i = id_hash(id) & (h->cap - 1); h->slot[i];
	    i = (i + 1) & (h->cap - 1))
		if (strcmp(h->slot[i], id) == 0)
			return true;
	return false;
}

static void
idset_put(struct kz_idset *h, char *owned)
{
	size_t i = id_hash(owned) & (h->cap - 1);

	while (h->slot[i])
		i = (i + 1) & (h->cap - 1);
	h->slot[i] = owned;
	h->n++;
}

void
kz_idset_add(struct kz_idset *h, const char *id)
{
	if (kz_idset_has(h, id))
		return;
	if ((h->n + 1) * 2 > h->cap) {	/* keep it at most half full */
		struct kz_idset g = { calloc(h->cap ? h->cap * 2 : 64,
		    sizeof *g.slot), h->cap ? h->cap * 2 : 64, 0 };
		if (g.slot == NULL)
			return;
		for (size_t i = 0; i < h->cap; i++)
			if (h->slot[i])
				idset_put(&g, h->slot[i]);
		free(h->slot);
		*h = g;
	}
	char *copy = strdup(id);
	if (copy)
		idset_put(h, copy);
}

void
kz_idset_free(struct kz_idset *h)
{
	for (size_t i = 0; i < h->cap; i++)
		free(h->slot[i]);
	free(h->slot);
	memset(h, 0, sizeof *h);
}
