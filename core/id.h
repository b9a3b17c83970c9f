/* id.h - record ids unique across offices, short enough for the phone. */
#ifndef KZ_ID_H
#define KZ_ID_H

#include <stdbool.h>
#include <stddef.h>

/* An id is the office code, a dash, and eight Crockford base-32
 * characters in two groups with a check character: "BJS-7K3M-Q9TD-X".
 * The office prefix makes ids unique between offices without any
 * coordination; 40 random bits make them unique inside one. */
#define KZ_ID_SIZE 24

/* Make a new id for the office. Returns 0, or -1 if no randomness. */
int kz_id_new(const char *office, char out[KZ_ID_SIZE]);
/* Normalise what a person typed (lower case, O for 0, I/L for 1, no
 * dashes or spaces) to the canonical form; false if it is no valid id
 * or its check character is wrong. */
bool kz_id_normalise(const char *in, char out[KZ_ID_SIZE]);

#endif
