/* fold.h - text folded for searching: Japanese and traditional Han as simplified, ASCII case. */
#ifndef KZ_FOLD_H
#define KZ_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

/*
 * Staff type simplified Chinese; names, governments and fields are often
 * written in Japanese (島根, 広島, 施設園芸, 渡辺) or traditional Chinese.
 * Searching compares text folded character by character to simplified
 * Chinese, through OpenCC's Japanese-to-traditional then
 * traditional-to-simplified dictionaries (jp2t, t2s): 島 岛 -> 岛,
 * 広 廣 -> 广, 辺 邊 -> 边. The fold is the same for what is indexed and
 * what is typed, so either spelling finds the other. Kana, Hangul and
 * other scripts pass through. The table is built once, at the first
 * fold, and holds only the characters that change (a few thousand).
 */

/* The Han character c folds to, or c. */
unsigned kz_fold_cp(unsigned c);
/* s[0..n) folded (Han as above, ASCII letters in lower case) into out,
 * which has room for 2 * n + 1 bytes; returns the length written. */
size_t kz_fold_into(const char *s, size_t n, char *out);
/* s folded, in a new string the caller frees; NULL when out of memory. */
char *kz_fold_text(const char *s);
/* Does hay hold needle, both folded? (false when out of memory) */
bool kz_fold_contains(const char *hay, const char *needle);
/* Register the SQL function kz_fold(text) on a connection, for searches
 * that compare with instr(kz_fold(...), kz_fold(?)). SQLITE_OK or not. */
int kz_fold_register(sqlite3 *sql);

#endif
