/* country.h - ISO 3166-1 alpha-2 country codes and their English names. */
#ifndef KZ_COUNTRY_H
#define KZ_COUNTRY_H

/* The name of a country code such as "KH" (untranslated, N_() marked),
 * or NULL if the code is not an officially assigned one. Codes are
 * written in capitals. */
const char *kz_country_name(const char *code);

#endif
