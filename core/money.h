/* money.h - amounts in integer minor units with an ISO 4217 currency. */
#ifndef KZ_MONEY_H
#define KZ_MONEY_H

#include <stdbool.h>
#include <stddef.h>

/* Amounts are stored as whole minor units (fen, sen, cents; yen are
 * their own minor unit) so that sums are exact. */
typedef long long kz_money;

/* Largest amount accepted, in minor units: far above any dispatch. */
#define KZ_MONEY_MAX 100000000000000LL

/* Decimals of an active ISO 4217 currency (JPY 0, CNY 2, KWD 3), or -1
 * when the code is not one. */
int kz_currency_decimals(const char *code);
/* The currency of an ISO 3166-1 country, for host-paid costs; "USD" for
 * a country this table does not know. */
const char *kz_country_currency(const char *country);

/* Parse "12345", "12,345.5" or "12345.50" in the currency's decimals.
 * false (with nothing stored) for anything else: signs, more decimals
 * than the currency has, letters, amounts above KZ_MONEY_MAX. */
bool kz_money_parse(const char *text, const char *currency, kz_money *out);
/* Format with thousands separators and the currency's decimals:
 * "12,345.50" for CNY, "12,345" for JPY. */
void kz_money_format(kz_money v, const char *currency, char *out,
    size_t size);
/* The same without separators, as CSV and JSON carry it: "12345.50". */
void kz_money_plain(kz_money v, const char *currency, char *out,
    size_t size);

#endif
