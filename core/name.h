/* name.h - people's names: which word is the family name, and the key a register sorts by. */
#ifndef KZ_NAME_H
#define KZ_NAME_H

/*
 * A romanised name comes in several orders: Western and older Japanese
 * usage puts the given name first (Ken'ichi Sato), Chinese and Korean
 * usage and Japanese usage since 2020 the family name (Wang Xiaoming,
 * SATO Ken'ichi). The family name is, in this order of trust:
 *   - the part before a comma: "Sato, Ken'ichi";
 *   - a word written in capitals: "SATO Ken'ichi", "Ken'ichi SATO";
 *     the first when all are (a passport's SATO KENICHI);
 *   - the first word when the name in its own script is Korean, or
 *     Chinese characters without kana and the first word, not the last,
 *     is a common Chinese family name: "Wang Xiaoming";
 *   - else the last word: "Ken'ichi Sato", "Anna Berg".
 */

/* The key: the family name then the given names, folded as
 * kz_text_fold_roman does ("sato kenichi"), so that a register sorted
 * by it reads by family name. name is the name in its own script (may
 * be NULL), roman the romanised one. malloc'd; NULL when out of
 * memory. */
char *kz_name_sort_key(const char *name, const char *roman);

#endif
