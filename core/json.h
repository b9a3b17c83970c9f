/* json.h - JSON text (RFC 8259) into a buffer: the one escaper. */
#ifndef KZ_JSON_H
#define KZ_JSON_H

#include <stddef.h>

#include "buf.h"

/* s as a JSON string, or null when s is NULL. */
void kz_json_str(struct kz_buf *b, const char *s);
/* The n bytes at s as a JSON string (s need not end in a NUL). */
void kz_json_strn(struct kz_buf *b, const char *s, size_t n);
/* "key": s, with a two-space indent and the comma before it if !first. */
void kz_json_member(struct kz_buf *b, const char *key, const char *s,
    int first);

#endif
