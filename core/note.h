/* note.h - history notes: stored in English, shown in the reader's language. */
#ifndef KZ_NOTE_H
#define KZ_NOTE_H

#include "buf.h"

/* The parts of a history note that the program writes. A note is stored
 * in the database, which travels to offices that speak other languages:
 * these parts are stored as their English text and translated only when
 * shown; what people typed is stored as typed. Parts are separated by
 * "; ". Changing a text here leaves old notes untranslated (but still
 * readable English): add a new part instead. */
enum kz_note {
	KZ_NOTE_RECORDED,	/* a request was recorded */
	KZ_NOTE_PROPOSED,	/* a dispatch was proposed */
	KZ_NOTE_DSP_PROPOSED,	/* of a request: dispatch ID proposed */
	KZ_NOTE_DSP_SIGNED,	/* of a request: agreement of dispatch ID signed */
	KZ_NOTE_LONGER,		/* longer than the maximum: REASON */
	KZ_NOTE_OVERRIDE,	/* override: REASON */
	KZ_NOTE_UNAVAIL_WHY,	/* confirmed although unavailable A..B (WHY) */
	KZ_NOTE_UNAVAIL,	/* confirmed although unavailable A..B */
	KZ_NOTE_DATES,		/* dates A..B changed to C..D */
	KZ_NOTE_SPECIALIST,	/* specialist changed */
	KZ_NOTE_AGREEMENT,	/* agreement dated DATE, reference REF */
	KZ_NOTE_N
};

/* Append a part in English; the arguments are strings, one for each
 * capital word in the comment above. */
void kz_note_add(struct kz_buf *note, enum kz_note part, ...);
/* Append what a person typed, as a part of its own (nothing if empty). */
void kz_note_add_text(struct kz_buf *note, const char *text);
/* A stored note in the configured language, into out; its text. */
const char *kz_note_text(const char *stored, struct kz_buf *out);

#endif
