/* country.c - countries and subdivisions from Debian's iso-codes, named in the reader's language and read back from any. */
#include "country.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "place.h"
#include "text.h"

/* Where iso-codes keeps its JSON files, unless KIZUNA_ISO_CODES names
 * another directory (tests use it to try a machine without them). */
#define ISO_DIR "/usr/share/iso-codes/json"

/* What kizuna knows when iso-codes is not installed: every officially
 * assigned code (249) with its English name, sorted; names are then
 * shown in English. */
static const struct { char code[3]; const char *name; } builtin[] = {
	{ "AD", "Andorra" }, { "AE", "United Arab Emirates" },
	{ "AF", "Afghanistan" }, { "AG", "Antigua and Barbuda" },
	{ "AI", "Anguilla" }, { "AL", "Albania" },
	{ "AM", "Armenia" }, { "AO", "Angola" },
	{ "AQ", "Antarctica" }, { "AR", "Argentina" },
	{ "AS", "American Samoa" }, { "AT", "Austria" },
	{ "AU", "Australia" }, { "AW", "Aruba" },
	{ "AX", "Aland Islands" }, { "AZ", "Azerbaijan" },
	{ "BA", "Bosnia and Herzegovina" }, { "BB", "Barbados" },
	{ "BD", "Bangladesh" }, { "BE", "Belgium" },
	{ "BF", "Burkina Faso" }, { "BG", "Bulgaria" },
	{ "BH", "Bahrain" }, { "BI", "Burundi" },
	{ "BJ", "Benin" }, { "BL", "Saint Barthelemy" },
	{ "BM", "Bermuda" }, { "BN", "Brunei" },
	{ "BO", "Bolivia" },
	{ "BQ", "Bonaire, Sint Eustatius and Saba" },
	{ "BR", "Brazil" }, { "BS", "Bahamas" },
	{ "BT", "Bhutan" }, { "BV", "Bouvet Island" },
	{ "BW", "Botswana" }, { "BY", "Belarus" },
	{ "BZ", "Belize" }, { "CA", "Canada" },
	{ "CC", "Cocos (Keeling) Islands" },
	{ "CD", "Congo (Democratic Republic)" },
	{ "CF", "Central African Republic" }, { "CG", "Congo" },
	{ "CH", "Switzerland" }, { "CI", "Cote d'Ivoire" },
	{ "CK", "Cook Islands" }, { "CL", "Chile" },
	{ "CM", "Cameroon" }, { "CN", "China" },
	{ "CO", "Colombia" }, { "CR", "Costa Rica" },
	{ "CU", "Cuba" }, { "CV", "Cabo Verde" },
	{ "CW", "Curacao" }, { "CX", "Christmas Island" },
	{ "CY", "Cyprus" }, { "CZ", "Czechia" },
	{ "DE", "Germany" }, { "DJ", "Djibouti" },
	{ "DK", "Denmark" }, { "DM", "Dominica" },
	{ "DO", "Dominican Republic" }, { "DZ", "Algeria" },
	{ "EC", "Ecuador" }, { "EE", "Estonia" },
	{ "EG", "Egypt" }, { "EH", "Western Sahara" },
	{ "ER", "Eritrea" }, { "ES", "Spain" },
	{ "ET", "Ethiopia" }, { "FI", "Finland" },
	{ "FJ", "Fiji" }, { "FK", "Falkland Islands" },
	{ "FM", "Micronesia" }, { "FO", "Faroe Islands" },
	{ "FR", "France" }, { "GA", "Gabon" },
	{ "GB", "United Kingdom" }, { "GD", "Grenada" },
	{ "GE", "Georgia" }, { "GF", "French Guiana" },
	{ "GG", "Guernsey" }, { "GH", "Ghana" },
	{ "GI", "Gibraltar" }, { "GL", "Greenland" },
	{ "GM", "Gambia" }, { "GN", "Guinea" },
	{ "GP", "Guadeloupe" }, { "GQ", "Equatorial Guinea" },
	{ "GR", "Greece" },
	{ "GS", "South Georgia and the South Sandwich Islands" },
	{ "GT", "Guatemala" }, { "GU", "Guam" },
	{ "GW", "Guinea-Bissau" }, { "GY", "Guyana" },
	{ "HK", "Hong Kong" },
	{ "HM", "Heard Island and McDonald Islands" },
	{ "HN", "Honduras" }, { "HR", "Croatia" },
	{ "HT", "Haiti" }, { "HU", "Hungary" },
	{ "ID", "Indonesia" }, { "IE", "Ireland" },
	{ "IL", "Israel" }, { "IM", "Isle of Man" },
	{ "IN", "India" }, { "IO", "British Indian Ocean Territory" },
	{ "IQ", "Iraq" }, { "IR", "Iran" }, { "IS", "Iceland" },
	{ "IT", "Italy" }, { "JE", "Jersey" }, { "JM", "Jamaica" },
	{ "JO", "Jordan" }, { "JP", "Japan" }, { "KE", "Kenya" },
	{ "KG", "Kyrgyzstan" }, { "KH", "Cambodia" },
	{ "KI", "Kiribati" }, { "KM", "Comoros" },
	{ "KN", "Saint Kitts and Nevis" },
	{ "KP", "Korea (Democratic People's Republic)" },
	{ "KR", "Korea (Republic)" }, { "KW", "Kuwait" },
	{ "KY", "Cayman Islands" }, { "KZ", "Kazakhstan" },
	{ "LA", "Laos" }, { "LB", "Lebanon" },
	{ "LC", "Saint Lucia" }, { "LI", "Liechtenstein" },
	{ "LK", "Sri Lanka" }, { "LR", "Liberia" },
	{ "LS", "Lesotho" }, { "LT", "Lithuania" },
	{ "LU", "Luxembourg" }, { "LV", "Latvia" },
	{ "LY", "Libya" }, { "MA", "Morocco" }, { "MC", "Monaco" },
	{ "MD", "Moldova" }, { "ME", "Montenegro" },
	{ "MF", "Saint Martin (French part)" }, { "MG", "Madagascar" },
	{ "MH", "Marshall Islands" }, { "MK", "North Macedonia" },
	{ "ML", "Mali" }, { "MM", "Myanmar" },
	{ "MN", "Mongolia" }, { "MO", "Macao" },
	{ "MP", "Northern Mariana Islands" }, { "MQ", "Martinique" },
	{ "MR", "Mauritania" }, { "MS", "Montserrat" },
	{ "MT", "Malta" }, { "MU", "Mauritius" },
	{ "MV", "Maldives" }, { "MW", "Malawi" },
	{ "MX", "Mexico" }, { "MY", "Malaysia" },
	{ "MZ", "Mozambique" }, { "NA", "Namibia" },
	{ "NC", "New Caledonia" }, { "NE", "Niger" },
	{ "NF", "Norfolk Island" }, { "NG", "Nigeria" },
	{ "NI", "Nicaragua" }, { "NL", "Netherlands" },
	{ "NO", "Norway" }, { "NP", "Nepal" }, { "NR", "Nauru" },
	{ "NU", "Niue" }, { "NZ", "New Zealand" },
	{ "OM", "Oman" }, { "PA", "Panama" }, { "PE", "Peru" },
	{ "PF", "French Polynesia" }, { "PG", "Papua New Guinea" },
	{ "PH", "Philippines" }, { "PK", "Pakistan" },
	{ "PL", "Poland" }, { "PM", "Saint Pierre and Miquelon" },
	{ "PN", "Pitcairn" }, { "PR", "Puerto Rico" },
	{ "PS", "Palestine" }, { "PT", "Portugal" },
	{ "PW", "Palau" }, { "PY", "Paraguay" }, { "QA", "Qatar" },
	{ "RE", "Reunion" }, { "RO", "Romania" },
	{ "RS", "Serbia" }, { "RU", "Russia" }, { "RW", "Rwanda" },
	{ "SA", "Saudi Arabia" }, { "SB", "Solomon Islands" },
	{ "SC", "Seychelles" }, { "SD", "Sudan" },
	{ "SE", "Sweden" }, { "SG", "Singapore" },
	{ "SH", "Saint Helena, Ascension and Tristan da Cunha" },
	{ "SI", "Slovenia" }, { "SJ", "Svalbard and Jan Mayen" },
	{ "SK", "Slovakia" }, { "SL", "Sierra Leone" },
	{ "SM", "San Marino" }, { "SN", "Senegal" },
	{ "SO", "Somalia" }, { "SR", "Suriname" },
	{ "SS", "South Sudan" }, { "ST", "Sao Tome and Principe" },
	{ "SV", "El Salvador" }, { "SX", "Sint Maarten (Dutch part)" },
	{ "SY", "Syria" }, { "SZ", "Eswatini" },
	{ "TC", "Turks and Caicos Islands" }, { "TD", "Chad" },
	{ "TF", "French Southern Territories" }, { "TG", "Togo" },
	{ "TH", "Thailand" }, { "TJ", "Tajikistan" },
	{ "TK", "Tokelau" }, { "TL", "Timor-Leste" },
	{ "TM", "Turkmenistan" }, { "TN", "Tunisia" },
	{ "TO", "Tonga" }, { "TR", "Turkiye" },
	{ "TT", "Trinidad and Tobago" }, { "TV", "Tuvalu" },
	{ "TW", "Taiwan" }, { "TZ", "Tanzania" },
	{ "UA", "Ukraine" }, { "UG", "Uganda" },
	{ "UM", "United States Minor Outlying Islands" },
	{ "US", "United States" }, { "UY", "Uruguay" },
	{ "UZ", "Uzbekistan" }, { "VA", "Holy See" },
	{ "VC", "Saint Vincent and the Grenadines" },
	{ "VE", "Venezuela" }, { "VG", "Virgin Islands (British)" },
	{ "VI", "Virgin Islands (U.S.)" }, { "VN", "Viet Nam" },
	{ "VU", "Vanuatu" }, { "WF", "Wallis and Futuna" },
	{ "WS", "Samoa" }, { "YE", "Yemen" }, { "YT", "Mayotte" },
	{ "ZA", "South Africa" }, { "ZM", "Zambia" },
	{ "ZW", "Zimbabwe" },
};

struct country {
	char code[3], code3[4];
	const char *name;	/* English: iso-codes' common name, or name */
	const char *iso;	/* its name, "Korea, Republic of" */
	const char *official;	/* its official name, or NULL */
};

static struct {
	bool loaded, iso;	/* read; from iso-codes (else built in) */
	struct country *c;
	size_t n;
	char *text;		/* the file read, its strings cut in place */
} tab;

/* ---- reading iso-codes' JSON ---- */

/* Four hex digits at s, as JSON writes them after \u. */
static bool
hex4(const char *s, unsigned *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			*out = *out * 16 + (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out = *out * 16 + (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out = *out * 16 + (unsigned)(c - 'A' + 10);
		else
			return false;
	}
	return true;
}

/* A JSON string at *p (after its opening quote) decoded in place: the
 * decoded text is never longer than its escaped form. Returns its start
 * and leaves *p after the closing quote; NULL if the file is broken. */
static char *
json_string(char **p)
{
	char *in = *p, *out = *p, *start = *p;

	while (*in && *in != '"') {
		unsigned cp;

		if (*in != '\\') {
			*out++ = *in++;
			continue;
		}
		in++;
		switch (*in) {
		case 'n': cp = '\n'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (!hex4(in + 1, &cp))
				return NULL;
			in += 4;
			/* a surrogate pair */
			if (cp >= 0xD800 && cp < 0xDC00 && in[1] == '\\' &&
			    in[2] == 'u') {
				unsigned lo;

				if (hex4(in + 3, &lo) &&
				    lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) +
					    (lo - 0xDC00);
					in += 6;
				}
			}
			break;
		case '\0': return NULL;
		default: cp = (unsigned char)*in; break;
		}
		in++;
		out += kz_utf8_encode(cp, out);
	}
	if (*in != '"')
		return NULL;
	*p = in + 1;
	*out = '\0';
	return start;
}

int
kz_iso_read(const char *file, char **text,
    void (*fn)(void *arg, const char **keys, const char **vals, int n),
    void *arg)
{
	const char *dir = getenv("KIZUNA_ISO_CODES");
	char path[512], *p;
	FILE *fp;
	long size;

	*text = NULL;
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : ISO_DIR,
	    file);
	if ((fp = fopen(path, "rb")) == NULL)
		return KZ_ERROR;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (*text = malloc((size_t)size + 1)) == NULL ||
	    fread(*text, 1, (size_t)size, fp) != (size_t)size) {
		fclose(fp);
		free(*text);
		*text = NULL;
		return KZ_ERROR;
	}
	fclose(fp);
	(*text)[size] = '\0';
	/* { "3166-1": [ { "k": "v", ... }, ... ] }: the objects of the
	 * one list, each a flat set of strings */
	if ((p = strchr(*text, '[')) == NULL)
		return KZ_ERROR;
	while ((p = strpbrk(p, "{]")) != NULL && *p == '{') {
		const char *keys[16], *vals[16];
		int n = 0;

		p++;
		for (;;) {
			char *k, *v;

			p += strspn(p, " \t\r\n,");
			if (*p == '}' || *p == '\0')
				break;
			if (*p != '"' || (p++, k = json_string(&p)) == NULL)
				return KZ_ERROR;
			p += strspn(p, " \t\r\n:");
			if (*p == '"') {
				p++;
				if ((v = json_string(&p)) == NULL)
					return KZ_ERROR;
				if (n < 16) {
					keys[n] = k;
					vals[n++] = v;
				}
			} else	/* a number or the like: not wanted */
				p += strcspn(p, ",}");
		}
		if (*p != '}')
			return KZ_ERROR;
		p++;
		fn(arg, keys, vals, n);
	}
	return KZ_OK;
}

/* The value of key in an object, or NULL. */
const char *
kz_iso_get(const char **keys, const char **vals, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return vals[i];
	return NULL;
}

static void
add_country(void *arg, const char **keys, const char **vals, int n)
{
	const char *a2 = kz_iso_get(keys, vals, n, "alpha_2");
	const char *a3 = kz_iso_get(keys, vals, n, "alpha_3");
	const char *name = kz_iso_get(keys, vals, n, "name");
	const char *common = kz_iso_get(keys, vals, n, "common_name");
	struct country *c;
	size_t *cap = arg;

	if (a2 == NULL || strlen(a2) != 2 || name == NULL)
		return;
	if (tab.n == *cap) {
		size_t nc = *cap ? *cap * 2 : 256;

		if ((c = realloc(tab.c, nc * sizeof *c)) == NULL)
			return;
		tab.c = c;
		*cap = nc;
	}
	c = &tab.c[tab.n++];
	memset(c, 0, sizeof *c);
	memcpy(c->code, a2, 3);
	snprintf(c->code3, sizeof c->code3, "%s", a3 ? a3 : "");
	c->name = common ? common : name;
	c->iso = name;
	c->official = kz_iso_get(keys, vals, n, "official_name");
}

static int
by_code(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->code,
	    ((const struct country *)b)->code);
}

/* Read the countries once: iso-codes, or the list built in. */
static void
load(void)
{
	size_t cap = 0;

	if (tab.loaded)
		return;
	tab.loaded = true;
	if (kz_iso_read("iso_3166-1.json", &tab.text, add_country, &cap) ==
	    KZ_OK && tab.n > 0) {
		tab.iso = true;
		qsort(tab.c, tab.n, sizeof *tab.c, by_code);
		return;
	}
	free(tab.c);
	free(tab.text);
	tab.c = NULL;
	tab.text = NULL;
	tab.n = 0;
	if ((tab.c = calloc(sizeof builtin / sizeof builtin[0],
	    sizeof *tab.c)) == NULL)
		return;
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		memcpy(tab.c[i].code, builtin[i].code, 3);
		tab.c[i].name = tab.c[i].iso = builtin[i].name;
	}
	tab.n = sizeof builtin / sizeof builtin[0];
}

bool
kz_country_iso(void)
{
	load();
	return tab.iso;
}

static const struct country *
find(const char *code)
{
	size_t lo = 0, hi;

	load();
	hi = tab.n;
	if (code == NULL || strlen(code) != 2)
		return NULL;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(code, tab.c[mid].code);

		if (c == 0)
			return &tab.c[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
kz_country_name(const char *code)
{
	const struct country *c = find(code);

	return c ? c->name : NULL;
}

const char *
kz_country_label(const char *code)
{
	const struct country *c = find(code);

	if (c == NULL)
		return NULL;
	return tab.iso ? dgettext("iso_3166-1", c->name) : c->name;
}

size_t
kz_country_count(void)
{
	load();
	return tab.n;
}

const char *
kz_country_code_at(size_t i)
{
	load();
	return i < tab.n ? tab.c[i].code : NULL;
}

/* What a name is matched against in the language messages are in now. */
static bool
country_is(size_t i, const void *typed)
{
	return kz_text_same(typed, dgettext("iso_3166-1", tab.c[i].name)) ||
	    kz_text_same(typed, dgettext("iso_3166-1", tab.c[i].iso));
}

const char *
kz_country_parse(const char *typed)
{
	char f[64];
	long at;

	load();
	kz_text_fold(typed, f, sizeof f);
	if (*f == '\0')
		return NULL;
	for (size_t i = 0; i < tab.n; i++) {
		const struct country *c = &tab.c[i];

		if (kz_text_same(f, c->code) || kz_text_same(f, c->code3) ||
		    kz_text_same(f, c->name) || kz_text_same(f, c->iso) ||
		    (c->official && kz_text_same(f, c->official)))
			return c->code;
	}
	if (tab.iso && (at = kz_i18n_find(tab.n, country_is, typed)) >= 0)
		return tab.c[at].code;
	return NULL;
}

/* ---- subdivisions: Chinese provinces, Japanese prefectures, ... ---- */

struct sub {
	char code[8];		/* "CN-SC" */
	const char *name;	/* "Sichuan Sheng" */
};

static struct {
	bool loaded;
	struct sub *s;
	size_t n, cap;
	char *text;
} subs;

static void
add_sub(void *arg, const char **keys, const char **vals, int n)
{
	const char *code = kz_iso_get(keys, vals, n, "code");
	const char *name = kz_iso_get(keys, vals, n, "name");
	const char *const *want = arg;
	struct sub *s;
	bool ok = false;

	if (code == NULL || name == NULL || strlen(code) >= sizeof s->code)
		return;
	for (int i = 0; want[i]; i++)
		ok |= strncmp(code, want[i], 3) == 0;
	if (!ok)
		return;
	if (subs.n == subs.cap) {
		size_t nc = subs.cap ? subs.cap * 2 : 128;

		if ((s = realloc(subs.s, nc * sizeof *s)) == NULL)
			return;
		subs.s = s;
		subs.cap = nc;
	}
	s = &subs.s[subs.n++];
	snprintf(s->code, sizeof s->code, "%s", code);
	s->name = name;
}

/* The subdivisions of the countries kizuna's offices work with, read
 * once when first asked for (the whole file is 500 KB: not at start). */
static void
load_subs(void)
{
	static const char *const want[] = { "CN-", "JP-", "KR-", "SG-", NULL };

	if (subs.loaded)
		return;
	subs.loaded = true;
	if (kz_iso_read("iso_3166-2.json", &subs.text, add_sub,
	    (void *)want) != KZ_OK) {
		free(subs.s);
		free(subs.text);
		memset(&subs, 0, sizeof subs);
		subs.loaded = true;
	}
}

const char *
kz_subdivision_label(const char *code)
{
	load_subs();
	for (size_t i = 0; code && i < subs.n; i++)
		if (strcmp(subs.s[i].code, code) == 0)
			return dgettext("iso_3166-2", subs.s[i].name);
	return NULL;
}

const char *
kz_subdivision_shown(const char *country, const char *typed)
{
	const char *code, *name = NULL, *label;

	if ((code = kz_subdivision_parse(country, typed)) == NULL)
		return NULL;
	for (size_t i = 0; i < subs.n; i++)
		if (strcmp(subs.s[i].code, code) == 0)
			name = subs.s[i].name;
	label = kz_subdivision_label(code);
	/* a catalogue without the name would give English: keep what was
	 * typed (四川省 reads better than Sichuan Sheng in Japanese) */
	if (label == NULL || (label == name && strcmp(kz_i18n_language(),
	    "en") != 0))
		return NULL;
	return label;
}

size_t
kz_subdivision_count(void)
{
	load_subs();
	return subs.n;
}

const char *
kz_subdivision_code_at(size_t i)
{
	load_subs();
	return i < subs.n ? subs.s[i].code : NULL;
}

struct sub_match {
	const char *typed, *country;
};

/* "Sichuan", "四川", "四川省": a subdivision's name without its kind
 * (Sheng, 省, 県, 县) matches too. */
static bool
sub_same(const char *typed, const char *name)
{
	/* folded: kz_text_fold drops the space before " Sheng" */
	static const char *const kinds[] = { " sheng", " shi", " zizhiqu",
		"省", "市", "县", "県", "都", "府", "自治区", NULL };
	char a[128], b[128];
	size_t la, lb;

	kz_text_fold(typed, a, sizeof a);
	kz_text_fold(name, b, sizeof b);
	if (*a == '\0')
		return false;
	if (strcmp(a, b) == 0)
		return true;
	la = strlen(a);
	lb = strlen(b);
	for (int k = 0; kinds[k]; k++) {
		size_t lf = strlen(kinds[k]);

		/* the name has its kind and the text not (四川, Sichuan), or
		 * the other way round (島根県 for 島根) */
		if (lb > lf && la == lb - lf && strncmp(a, b, la) == 0 &&
		    strcmp(b + la, kinds[k]) == 0)
			return true;
		if (la > lf && lb == la - lf && strncmp(a, b, lb) == 0 &&
		    strcmp(a + lb, kinds[k]) == 0)
			return true;
	}
	return false;
}

static bool
sub_is(size_t i, const void *arg)
{
	const struct sub_match *m = arg;

	return (m->country == NULL || strncmp(subs.s[i].code, m->country,
	    2) == 0) && sub_same(m->typed, dgettext("iso_3166-2",
	    subs.s[i].name));
}

static const char *
subdivision_find(const char *country, const char *typed)
{
	struct sub_match m = { typed, country };
	long at;

	for (size_t i = 0; typed && i < subs.n; i++)
		if ((country == NULL || strncmp(subs.s[i].code, country, 2) ==
		    0) && (kz_text_same(typed, subs.s[i].code) ||
		    sub_same(typed, subs.s[i].name)))
			return subs.s[i].code;
	if (typed && *typed && subs.n && (at = kz_i18n_find(subs.n, sub_is,
	    &m)) >= 0)
		return subs.s[at].code;
	return NULL;
}

/*
 * What a text names is the same in every language (each is tried), so
 * the last answers are kept, by country and text: a list of dispatches
 * shows each row's province, and a name looked for in every language's
 * catalogue cost a screen of them most of a key's time.
 */
#define PARSED_SLOTS 64
#define PARSED_KEY 64	/* longer texts are not kept */
static struct parsed {
	char key[PARSED_KEY];	/* "CC typed"; "" unused */
	const char *code;
} parsed[PARSED_SLOTS];

const char *
kz_subdivision_parse(const char *country, const char *typed)
{
	char key[PARSED_KEY];
	unsigned h = 5381;
	struct parsed *p;
	int n;

	load_subs();
	n = snprintf(key, sizeof key, "%.2s %s", country ? country : "",
	    typed ? typed : "");
	if (typed == NULL || n < 0 || n >= (int)sizeof key)
		return subdivision_find(country, typed);
	for (const char *k = key; *k; k++)
		h = h * 33 + (unsigned char)*k;
	p = &parsed[h % PARSED_SLOTS];
	if (strcmp(p->key, key) != 0) {
		p->code = subdivision_find(country, typed);
		memcpy(p->key, key, (size_t)n + 1);
	}
	return p->code;
}

char *
kz_place_shown(const char *country, const char *place)
{
	const char *name = kz_country_label(country), *shown;
	char prov[128], *out, *rest;
	size_t n = strcspn(place, " "), size;

	snprintf(prov, sizeof prov, "%.*s", (int)n, place);
	shown = *prov ? kz_subdivision_shown(country, prov) : NULL;
	if (name == NULL)
		name = country;
	/* the rest, or all when the catalogue has no name for the
	 * province, with the names kizuna knows in the reader's forms */
	if ((rest = kz_place_text(shown ? place + n : place, NULL)) == NULL)
		return NULL;
	size = strlen(name) + strlen(rest) + (shown ? strlen(shown) : 0) + 2;
	if ((out = malloc(size)) != NULL) {
		if (shown)
			snprintf(out, size, "%s %s%s", name, shown, rest);
		else
			snprintf(out, size, "%s%s%s", name, *rest ? " " : "",
			    rest);
	}
	free(rest);
	return out;
}
