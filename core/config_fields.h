/* config_fields.h - the taxonomy of fields of expertise (fields.yaml), read with every problem located. */
#ifndef KZ_CONFIG_FIELDS_H
#define KZ_CONFIG_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "yaml_error.h"

/* Parse a fields file: a list of {code, number, en, ja, zh}. On any
 * problem reports every one into err and returns false, keeping nothing. */
bool kz_config_fields_parse(const struct kz_yaml_src *s, struct kz_err *err,
    struct kz_field **out, size_t *nout);
void kz_config_fields_free(struct kz_field *f, size_t n);

#endif
