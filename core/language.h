/* language.h - languages (ISO 639) and currencies (ISO 4217) from iso-codes, named in the reader's language and read back from any. */
#ifndef KZ_LANGUAGE_H
#define KZ_LANGUAGE_H

#include <stddef.h>

/*
 * Read from iso-codes' iso_639-2.json and iso_4217.json the first time
 * they are needed, translated by its gettext domains iso_639-2 and
 * iso_4217. Without iso-codes nothing is known: codes are then taken as
 * typed, and shown as codes.
 */

/* The name of a language code ("zh": 汉语 in Chinese, Chinese in
 * English; "zh-TW": the name of zh), or NULL if not known. */
const char *kz_language_label(const char *code);
/* The two-letter code of a language as typed: its code (zh, ZH, zho)
 * or its name in any language kizuna speaks (Chinese, 汉语, 中国語);
 * NULL if none. */
const char *kz_language_parse(const char *typed);
/* The languages with a two-letter code, for pick lists. */
size_t kz_language_count(void);
const char *kz_language_code_at(size_t i);

/* The name of a currency code ("JPY": 日元 in Chinese), or NULL. */
const char *kz_currency_label(const char *code);
/* The code of a currency as typed: its code in any case, or its name
 * in any language kizuna speaks (Yen, 日元); NULL if none. */
const char *kz_currency_parse(const char *typed);
/* The currencies, for pick lists. */
size_t kz_currency_count(void);
const char *kz_currency_code_at(size_t i);

#endif
