/* choice.h - the values a coded field takes, for pick lists: codes with their names in the reader's language. */
#ifndef KZ_CHOICE_H
#define KZ_CHOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "rtype.h"

/* One value: its code as stored, its name in the reader's language and
 * in English (pointers into tables that live as long as cfg). */
struct kz_choice {
	const char *code;
	const char *label;
	const char *en;
};

struct kz_choices {
	struct kz_choice *v;
	size_t n;
};

/* The values of field f (an enumeration, a country, a list of fields
 * of expertise, a cost category: what its .codes says), in the order
 * people look for them. KZ_OK with none for a field that is not coded;
 * KZ_ERROR when out of memory. */
int kz_choices_of(const struct kz_rfield *f, const struct kz_config *cfg,
    struct kz_choices *out);
/* The same by kind, for forms that are not made from a table. */
int kz_choices_kind(enum kz_codes k, const struct kz_config *cfg,
    struct kz_choices *out);
void kz_choices_free(struct kz_choices *c);
/* True if typed (folded: any case or width) occurs in the choice's
 * name, its English name or its code. */
bool kz_choice_matches(const struct kz_choice *c, const char *typed);

#endif
