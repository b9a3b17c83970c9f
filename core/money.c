/* money.c - amounts in integer minor units with an ISO 4217 currency. */
#include "money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Active ISO 4217 codes (list 1, 2024). Most have two decimals; these
 * strings hold the exceptions. Funds and precious metals are left out:
 * nobody pays an interpreter in XAU.
 */
static const char codes[] =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD "
    "BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUP "
    "CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD "
    "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES "
    "KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA "
    "MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD "
    "OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG "
    "SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY "
    "TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER "
    "ZAR ZMW ZWL ";
static const char zero[] =
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF ";
static const char three[] = "BHD IQD JOD KWD LYD OMR TND ";
static const char four[] = "CLF ";

static bool
listed(const char *list, const char *code)
{
	for (const char *c = list; *c; c += 4)
		if (memcmp(c, code, 3) == 0)
			return true;
	return false;
}

int
kz_currency_decimals(const char *code)
{
	if (code == NULL || strlen(code) != 3)
		return -1;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return -1;
	if (!listed(codes, code))
		return -1;
	if (listed(zero, code))
		return 0;
	if (listed(three, code))
		return 3;
	if (listed(four, code))
		return 4;
	return 2;
}

/* Countries where the offices work and a few more; pairs "CC CUR ". */
static const char countries[] =
    "AE AED AT EUR AU AUD BD BDT BE EUR BN BND BR BRL BT BTN CA CAD CH CHF "
    "CN CNY CZ CZK DE EUR DK DKK EG EGP ES EUR FI EUR FJ FJD FR EUR GB GBP "
    "GR EUR HK HKD HU HUF ID IDR IE EUR IN INR IT EUR JP JPY KH KHR KR KRW "
    "LA LAK LK LKR LU EUR MM MMK MN MNT MO MOP MV MVR MX MXN MY MYR NL EUR "
    "NO NOK NP NPR NZ NZD PG PGK PH PHP PK PKR PL PLN PT EUR RO RON RU RUB "
    "SA SAR SE SEK SG SGD TH THB TL USD TR TRY TW TWD UA UAH US USD VN VND "
    "ZA ZAR ";

const char *
kz_country_currency(const char *country)
{
	static char cur[4];

	if (country == NULL || strlen(country) != 2)
		return "USD";
	for (const char *c = countries; *c; c += 7)
		if (c[0] == country[0] && c[1] == country[1]) {
			memcpy(cur, c + 3, 3);
			cur[3] = '\0';
			return cur;
		}
	return "USD";
}

bool
kz_money_parse(const char *text, const char *currency, kz_money *out)
{
	int dec = kz_currency_decimals(currency), got = 0;
	bool point = false, digits = false;
	kz_money v = 0;
	const char *p = text;

	if (dec < 0 || text == NULL)
		return false;
	while (*p == ' ')
		p++;
	for (; *p && *p != ' '; p++) {
		if (*p == ',' && !point && digits)
			continue;	/* thousands separator */
		if (*p == '.' && !point && dec > 0) {
			point = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return false;
		if (point && ++got > dec)
			return false;
		v = v * 10 + (*p - '0');
		digits = true;
		if (v > KZ_MONEY_MAX)
			return false;
	}
	while (*p == ' ')
		p++;
	if (*p || !digits)
		return false;
	for (; got < dec; got++)
		v *= 10;
	if (v > KZ_MONEY_MAX)
		return false;
	*out = v;
	return true;
}

static void
format(kz_money v, const char *currency, bool group, char *out, size_t size)
{
	int dec = kz_currency_decimals(currency);
	char digits[32], whole[48];
	kz_money unit = 1;
	size_t n, o = 0;
	bool neg = v < 0;

	if (dec < 0)
		dec = 2;
	for (int i = 0; i < dec; i++)
		unit *= 10;
	if (neg)
		v = -v;
	snprintf(digits, sizeof digits, "%lld", v / unit);
	n = strlen(digits);
	if (neg)
		whole[o++] = '-';
	for (size_t i = 0; i < n; i++) {
		whole[o++] = digits[i];
		if (group && (n - i - 1) % 3 == 0 && i + 1 < n)
			whole[o++] = ',';
	}
	whole[o] = '\0';
	if (dec > 0) {
		kz_money frac = v % unit;

		whole[o++] = '.';
		for (int i = dec - 1; i >= 0; i--, frac /= 10)
			whole[o + (size_t)i] = (char)('0' + frac % 10);
		o += (size_t)dec;
		whole[o] = '\0';
	}
	snprintf(out, size, "%s", whole);
}

void
kz_money_format(kz_money v, const char *currency, char *out, size_t size)
{
	format(v, currency, true, out, size);
}

void
kz_money_plain(kz_money v, const char *currency, char *out, size_t size)
{
	format(v, currency, false, out, size);
}
