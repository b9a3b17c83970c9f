/* id.h - record ids unique across offices, short enough for the phone. */
#ifndef KZ_ID_H
#define KZ_ID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An id is the office code (2 to 4 capitals), a dash, and eight
 * Crockford base-32 characters in two groups of four: seven random ones
 * and a check character last, "BJS-7K3M-Q9TD". The office prefix makes
 * ids unique between offices without any coordination; inside one, the
 * 35 random bits make a clash rare, and kz_record_assign_id draws again
 * when one happens. */
#define KZ_ID_SIZE 24

/* Make a new id for the office. Returns 0, or -1 if the office code is
 * not 2 to 4 capitals or there is no randomness. */
int kz_id_new(const char *office, char out[KZ_ID_SIZE]);
/* The id of the office whose seven digits are the low 35 bits of n, for
 * an id every database must make alike (the demo's shared register).
 * Returns 0, or -1 if the office code is not 2 to 4 capitals. */
int kz_id_from(const char *office, uint64_t n, char out[KZ_ID_SIZE]);
/* Ids made alike wherever the same records are made in the same order
 * (the demo, in every demo database): the nth id of an office for a kind
 * of record is the same everywhere, its digits mixed so that it looks
 * drawn. A count per office and kind, so that what one database makes
 * of another office's or another kind does not move them. */
struct kz_id_seq {
	size_t n;
	struct kz_id_count {
		char office[5];
		int kind;
		uint64_t count;
	} at[64];
};
/* The next such id; 0, or -1 for a bad office code or a full seq. */
int kz_id_seq_next(struct kz_id_seq *seq, const char *office, int kind,
    char out[KZ_ID_SIZE]);
/* The id of the office that follows prev in order (its seven digits as
 * a number, plus one): a large import numbers its rows on from a random
 * first one, so that each goes to the end of every index keyed by id
 * rather than to a random page. Returns 0, or -1 if prev is not an id
 * of the office or is the last one. */
int kz_id_next(const char *office, const char *prev, char out[KZ_ID_SIZE]);
/* Normalise what a person typed (lower case, O for 0, I or L for 1,
 * spaces for dashes, the dash between the groups left out; the office
 * code must be followed by a dash or a space) to the canonical form;
 * false if it is no valid id or its check character is wrong. */
bool kz_id_normalise(const char *in, char out[KZ_ID_SIZE]);

#endif
