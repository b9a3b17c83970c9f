/* country.h - countries and subdivisions from Debian's iso-codes, named in the reader's language and read back from any. */
#ifndef KZ_COUNTRY_H
#define KZ_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Names come from iso-codes (/usr/share/iso-codes/json, translated by
 * its gettext domains iso_3166-1 and iso_3166-2), read at run time the
 * first time they are needed. Without it, kizuna knows the country
 * codes from a list built in and names them in English.
 */

/* True when the names come from iso-codes. */
bool kz_country_iso(void);

/* The English name of a country code such as "KH", or NULL if the code
 * is not an officially assigned one. Codes are written in capitals. */
const char *kz_country_name(const char *code);
/* Its name in the reader's language (English where iso-codes has no
 * translation), or NULL. */
const char *kz_country_label(const char *code);
/* The code of a country as typed: its code (CN, cn, ＣＮ, CHN), or its
 * name in any language kizuna speaks (China, 中国, Chine, 중국), in any
 * case and width; NULL if none. */
const char *kz_country_parse(const char *typed);
/* The countries in code order, for pick lists. */
size_t kz_country_count(void);
const char *kz_country_code_at(size_t i);

/* Subdivisions (ISO 3166-2) of China, Japan, Korea and Singapore:
 * "CN-SC" is 四川省 in Chinese, Sichuan Sheng in English; NULL if not
 * known. Japanese has no names of Chinese provinces, Korean and French
 * few: those fall back to the English name. */
const char *kz_subdivision_label(const char *code);
/* The code of a subdivision of country (NULL: any) as typed, by code or
 * name in any language, with or without its kind (四川, Sichuan). */
const char *kz_subdivision_parse(const char *country, const char *typed);
/* What a province typed as free text (四川省, Sichuan) reads as in the
 * reader's language, or NULL to show it as typed: not a subdivision, or
 * the reader's catalogue has no name for it. */
const char *kz_subdivision_shown(const char *country, const char *typed);
/* A host as people read it: "CN" and "四川省 成都市 农业农村厅" as 中国
 * 四川省 成都市 农业农村厅 in Chinese, China Sichuan Sheng 成都市 ... in
 * English; in Japanese with the names kizuna knows in Japanese forms
 * (place.h: "黑龙江省 哈尔滨市" as 中国 黒竜江省 哈爾浜市). malloc'd; NULL
 * when out of memory. */
char *kz_place_shown(const char *country, const char *place);
size_t kz_subdivision_count(void);
const char *kz_subdivision_code_at(size_t i);

/* Read one of iso-codes' JSON files (KZ_ERROR if it is missing or
 * broken), calling fn with each object's string members; *text keeps
 * the strings the members point into (free it when done with them). */
int kz_iso_read(const char *file, char **text,
    void (*fn)(void *arg, const char **keys, const char **vals, int n),
    void *arg);
/* The value of key among an object's members, or NULL. */
const char *kz_iso_get(const char **keys, const char **vals, int n,
    const char *key);

#endif
