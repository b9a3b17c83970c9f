/* text.h - UTF-8 checks and display width, for columns that line up in CJK. */
#ifndef KZ_TEXT_H
#define KZ_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool kz_utf8_valid(const char *s, size_t len);
/* Number of code points in a valid UTF-8 string. */
size_t kz_utf8_len(const char *s);
/* Decode one code point at s; returns bytes used (1 for a bad byte, which
 * decodes as U+FFFD), 0 at the end of the string. */
int kz_utf8_decode(const char *s, unsigned *cp);
/* Encode code point cp (up to U+10FFFF) into out; returns the bytes
 * written, 1 to 4, no NUL. Independent of the C library's locale. */
int kz_utf8_encode(unsigned cp, char out[4]);

/* Display width of one code point (0, 1 or 2) and of a string, as a
 * terminal draws them; control characters count 0. Independent of the
 * C library's locale. */
int kz_cp_width(unsigned cp);
int kz_text_width(const char *s);

/* Copy s into out (size bytes), cut to at most `width` columns and padded
 * with spaces to exactly `width` when pad is set. A cut string ends in
 * '~' (width 1: wide ellipses draw 2 columns on CJK terminals); a wide
 * character that would cross the edge is dropped. Never splits a UTF-8
 * sequence. Returns the columns used. */
int kz_text_fit(char *out, size_t size, const char *s, int width, bool pad);

/* Text that came from elsewhere (a bundle), quoted in a message: each
 * byte of a control character (C0, DEL, C1) or of what is not UTF-8 as
 * \xNN, so that nothing reaches the terminal but characters; cut on a
 * character's edge, ending "...", to fit out (size bytes). Returns out. */
char *kz_text_shown(const char *s, char *out, size_t size);

/* True for Han, kana, Hangul and other scripts written without spaces. */
bool kz_cp_is_cjk(unsigned cp);
/* True for Hangul (syllables and jamo): wide, like Han, but Korean puts
 * spaces between words, so a line breaks at a space, never inside one. */
bool kz_cp_is_hangul(unsigned cp);

/* Start s with a capital where its first letter has one of the same
 * length (ASCII, Latin-1, Latin Extended-A: "état" -> "État"), in
 * place, for labels written as inside a sentence; returns s. */
char *kz_text_capitalise(char *s);

/* A romanised word or name s[0..n) folded so that its spellings find
 * each other and sort together: lower case, macrons and circumflexes
 * off (Satō, Satô), an apostrophe or hyphen inside a word gone
 * (Ken'ichi), long vowels short (Satou, Satoh -> sato). malloc'd; NULL
 * when out of memory. */
char *kz_text_fold_roman(const char *s, size_t n);

/* s as compared when people type a name or a code: ASCII letters in
 * lower case, full-width letters, digits and signs as ASCII, the
 * ideographic space, '_' and '-' as a space, runs of spaces as one and
 * none at either end; into out (size bytes). */
void kz_text_fold(const char *s, char *out, size_t size);
/* True if a and b are the same once folded (kz_text_fold). */
bool kz_text_same(const char *a, const char *b);
/* True if folded needle occurs in folded hay ("" occurs everywhere). */
bool kz_text_has(const char *hay, const char *needle);

/* A count as reports write it, its thousands grouped: 1407 as "1,407",
 * into out; returns out. */
char *kz_text_count(long n, char *out, size_t size);

/* Trim ASCII white space at both ends, in place; returns s. */
char *kz_trim(char *s);

#endif
