/* config_schema.c - the configuration keys people edit: type, default, check and doc of each. */
#include "config_schema.h"

#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "cost.h"
#include "date.h"
#include "i18n.h"
#include "tz.h"
#include "country.h"
#include "money.h"
#include "yaml_error.h"

/* ---- checks of single values (kz_yaml_check_fn) ---- */

static bool
check_office_id(const char *v, char *why, size_t size, size_t *at)
{
	size_t i;

	for (i = 0; v[i] >= 'A' && v[i] <= 'Z'; i++)
		;
	if (v[i] == '\0' && i >= 2 && i <= 4)
		return true;
	/* Point at the first wrong character; a length problem at the
	 * whole value. */
	*at = v[i] != '\0' ? i : 0;
	snprintf(why, size, "%s", _("office.id must be 2 to 4 capital letters "
	    "(A-Z), such as BJS"));
	return false;
}

bool
kz_config_schema_text(const char *v, char *why, size_t size, size_t *at)
{
	for (size_t i = 0; v[i] != '\0'; i++) {
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f) {
			*at = i;
			snprintf(why, size, "%s", _("must be one line of text "
			    "without control characters"));
			return false;
		}
	}
	return true;
}

/* A bundle's header and a database's home hold it whole. */
static bool
check_organisation(const char *v, char *why, size_t size, size_t *at)
{
	if (!kz_config_schema_text(v, why, size, at))
		return false;
	if (strlen(v) > 255) {
		*at = 255;
		snprintf(why, size, "%s", _("must be at most 255 bytes"));
		return false;
	}
	return true;
}

static bool
check_country(const char *v, char *why, size_t size, size_t *at)
{
	char up[3];
	char s[64];

	if (kz_country_name(v) != NULL)
		return true;
	if (strlen(v) == 2) {
		up[0] = (char)(v[0] >= 'a' && v[0] <= 'z' ? v[0] - 32 : v[0]);
		up[1] = (char)(v[1] >= 'a' && v[1] <= 'z' ? v[1] - 32 : v[1]);
		up[2] = '\0';
		if (kz_country_name(up) != NULL) {
			snprintf(why, size, _("country codes are written in "
			    "capitals: %s"), up);
			return false;
		}
	}
	snprintf(why, size, _("\"%s\" is not an ISO 3166-1 alpha-2 country "
	    "code (such as CN, SG, GB)"), kz_yaml_error_shown(v, s));
	return false;
}

static bool
check_timezone(const char *v, char *why, size_t size, size_t *at)
{
	const char *dir;
	char s[64];
	struct stat sb;
	bool ok;

	/* Format first: the name becomes a path. */
	if (!kz_tz_name_ok(v, at)) {
		snprintf(why, size, _("\"%s\" is not a time zone name such as "
		    "Asia/Tokyo or UTC"), kz_yaml_error_shown(v, s));
		return false;
	}
	if (strcmp(v, "UTC") == 0)
		return true;
	/* Where the tz database is installed, the zone must be in it; a
	 * zone file starts with "TZif", which rules out zone.tab and such. */
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return true;
	char path[PATH_MAX], magic[4];
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", dir, v);
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (f = fopen(path, "rb")) != NULL) {
		ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
		fclose(f);
		if (ok)
			return true;
	}
	snprintf(why, size, _("unknown time zone \"%s\" (not in %s)"),
	    kz_yaml_error_shown(v, s), dir);
	return false;
}

static bool
check_date_order(const char *v, char *why, size_t size, size_t *at)
{
	if (kz_date_order_parse(v) >= 0)
		return true;
	*at = 0;
	snprintf(why, size, "%s", _("the date order must be YMD, DMY or MDY"));
	return false;
}

/* strftime conversions that glibc and the BSDs share, plus the few GNU
 * ones people use (k, l, P, s). */
static bool
check_date_format(const char *v, char *why, size_t size, size_t *at)
{
	char s[64];

	if (!kz_config_schema_text(v, why, size, at))
		return false;
	if (*v == '\0') {
		snprintf(why, size, "%s", _("the date format is empty"));
		return false;
	}
	for (size_t i = 0; v[i] != '\0'; i++) {
		size_t j = i + 1;

		if (v[i] != '%')
			continue;
		while (v[j] != '\0' && strchr("_-0^#", v[j]) != NULL)
			j++;
		while (v[j] >= '0' && v[j] <= '9')
			j++;
		if (v[j] == 'E' || v[j] == 'O')
			j++;
		if (v[j] == '\0') {
			*at = i;
			/* xgettext:no-c-format */
			snprintf(why, size, "%s", _("the date format ends in "
			    "an unfinished % conversion"));
			return false;
		}
		if (strchr("aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%", v[j])
		    == NULL) {
			char conv[64];
			size_t cl = j - i + 1;

			/* Show the whole conversion, even a multibyte one. */
			while (((unsigned char)v[i + cl] & 0xc0) == 0x80)
				cl++;
			snprintf(conv, sizeof conv, "%.*s", (int)cl, v + i);
			*at = i;
			snprintf(why, size, _("unknown conversion \"%s\" in the "
			    "date format"), kz_yaml_error_shown(conv, s));
			return false;
		}
		i = j;
	}
	return true;
}

/* KF_INDEX writes an int into an enum member. */
_Static_assert(sizeof(enum kz_role) == sizeof(int), "enum kz_role is an int");

_Static_assert(sizeof(enum kz_cursor) == sizeof(int),
    "enum kz_cursor is an int");

static const char *const roles[] = { "office", "head", NULL };
static const char *const cursors[] = { "cell", "row", NULL };
static const char *const languages[] = { "en", "zh_CN", "ja", "ko", "fr",
    NULL };

/* USER, else the account's login name (a remote shell or a service
 * may leave USER unset), else "unknown". */
static const char *
default_user(void)
{
	const char *u = getenv("USER");
	struct passwd *pw;

	if (u != NULL && *u != '\0')
		return u;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_name != NULL &&
	    *pw->pw_name != '\0')
		return pw->pw_name;
	return "unknown";
}

#define OFF(m)	offsetof(struct kz_config, m)

/* A cost category is a code like a field's: it is stored in every cost
 * line and shown translated when kizuna knows it. */
static bool
check_category(const char *v, char *why, size_t size, size_t *at)
{
	size_t i;

	for (i = 0; (v[i] >= 'a' && v[i] <= 'z') || (i > 0 && ((v[i] >= '0' &&
	    v[i] <= '9') || v[i] == '_')); i++)
		;
	if (i > 0 && i <= 32 && v[i] == '\0')
		return true;
	*at = v[i] != '\0' ? i : 0;
	snprintf(why, size, "%s", _("a cost category is 1 to 32 lower-case "
	    "letters, digits and _, starting with a letter"));
	return false;
}

static bool
check_currency(const char *v, char *why, size_t size, size_t *at)
{
	char s[64];

	if (kz_currency_decimals(v) >= 0)
		return true;
	snprintf(why, size, _("\"%s\" is not an ISO 4217 currency code "
	    "(such as JPY, CNY, SGD)"), kz_yaml_error_shown(v, s));
	return false;
}

static const struct kz_config_subkey cost_keys[] = {
	{ "category", KT_STRING, KF_REQUIRED | KF_UNIQUE, NULL, check_category,
	  offsetof(struct kz_cost_default, category) },
	{ "payer", KT_ENUM, KF_REQUIRED, kz_payer_keywords, NULL,
	  offsetof(struct kz_cost_default, payer) },
	{ "currency", KT_STRING, 0, NULL, check_currency,
	  offsetof(struct kz_cost_default, currency) },
	{ NULL, KT_STRING, 0, NULL, NULL, 0 },
};

/* ---- the table ---- */

/* Rows in the order `config show` prints them; keys that share a section
 * ("office.") must be next to each other. */
const struct kz_config_key kz_config_keys[] = {
	{ .key = "office.id", .type = KT_STRING, .flags = KF_REQUIRED,
	  .check = check_office_id, .off = OFF(office_id),
	  .doc = "Two to four capital letters naming the office, such as\n"
	    ".Ql BJS .\n"
	    "Every record id the office creates starts with them,\n"
	    "which keeps the records of different offices apart." },
	{ .key = "office.name", .type = KT_STRING, .flags = KF_REQUIRED,
	  .check = kz_config_schema_text, .off = OFF(office_name),
	  .doc = "The office's name as screens and reports show it,\n"
	    "in any script." },
	{ .key = "office.role", .type = KT_ENUM, .flags = KF_INDEX,
	  .def = "office", .choices = roles, .off = OFF(role),
	  .doc = ".Cm office\n"
	    "for an overseas office,\n"
	    ".Cm head\n"
	    "for head office, which gathers the records of every office." },
	{ .key = "office.region", .type = KT_STRING,
	  .check = kz_config_schema_text, .off = OFF(region), .def_doc = "Default: none.",
	  .doc = "The region the office covers, in words, such as\n"
	    ".Dq Southeast Asia ." },
	{ .key = "office.countries", .type = KT_LIST, .check = check_country,
	  .off = OFF(countries), .off_n = OFF(ncountries),
	  .def_doc = "Default: an empty list.",
	  .doc = "The countries the office covers, as a list of\n"
	    "ISO 3166-1 alpha-2 codes such as\n"
	    ".Ql [CN]\n"
	    "or\n"
	    ".Ql [SG, MY, IN] ." },
	{ .key = "office.language", .type = KT_ENUM, .def = "en",
	  .choices = languages, .off = OFF(language),
	  .doc = "Language of screens, messages and field names:\n"
	    ".Cm en\n"
	    "English,\n"
	    ".Cm zh_CN\n"
	    "Simplified Chinese,\n"
	    ".Cm ja\n"
	    "Japanese,\n"
	    ".Cm ko\n"
	    "Korean,\n"
	    ".Cm fr\n"
	    "French." },
	{ .key = "office.timezone", .type = KT_STRING, .def = "UTC",
	  .check = check_timezone, .off = OFF(timezone),
	  .doc = "The office's IANA time zone, such as\n"
	    ".Ql Asia/Singapore ;\n"
	    "it decides which day today is.\n"
	    "It must exist under\n"
	    ".Pa /usr/share/zoneinfo\n"
	    "(or\n"
	    ".Ev TZDIR )\n"
	    "where that directory exists." },
	{ .key = "office.date_format", .type = KT_STRING, .def = "%Y-%m-%d",
	  .check = check_date_format, .off = OFF(date_format),
	  .doc = "How dates are shown, as a\n"
	    ".Xr strftime 3\n"
	    "pattern.\n"
	    "Put it in quotes: YAML does not allow a bare value to start with\n"
	    ".Ql % .\n"
	    "Dates are always stored as YYYY-MM-DD." },
	{ .key = "office.date_order", .type = KT_STRING,
	  .check = check_date_order, .off = OFF(date_order),
	  .def_doc = "Default: the order of\n"
	    ".Ic office.date_format .",
	  .doc = "The order people in the office type day, month and year in:\n"
	    ".Cm DMY\n"
	    "(01/02/2027 is 1 February),\n"
	    ".Cm MDY\n"
	    "(01/02/2027 is 2 January) or\n"
	    ".Cm YMD .\n"
	    "Every date is read in it: see DATES in\n"
	    ".Xr kizuna 1 ." },
	{ .key = "office.year_start", .type = KT_INT, .def = "4",
	  .min = 1, .max = 12, .off = OFF(year_start),
	  .doc = "The month the office's reporting year starts in:\n"
	    ".Cm 4\n"
	    "(the default) for the Japanese fiscal year, April to March,\n"
	    "which is named by the calendar year it starts in (2019 runs\n"
	    "from 1 April 2019 to 31 March 2020);\n"
	    ".Cm 1\n"
	    "for calendar years.\n"
	    "Lists, counts, statistics and the annual report take a year\n"
	    "in it: see YEARS in\n"
	    ".Xr kizuna 1 ." },
	{ .key = "user", .type = KT_STRING, .def_fn = default_user,
	  .check = kz_config_schema_text, .off = OFF(user),
	  .def_doc = "Default: the\n"
	    ".Ev USER\n"
	    "environment variable, or the account's login name if it is\n"
	    "not set, or\n"
	    ".Ql unknown\n"
	    "if neither is known.",
	  .doc = "The name written in the audit entry of every change." },
	{ .key = "organisation", .type = KT_STRING, .def = "CLAIR",
	  .check = check_organisation, .off = OFF(organisation),
	  .doc = "The organisation the office belongs to, at most 255 bytes.\n"
	    "Sync bundles carry it, and a bundle from another\n"
	    "organisation is refused." },
	{ .key = "dispatch.max_months", .type = KT_INT, .def = "3",
	  .min = 1, .max = 12, .off = OFF(dispatch_max_months),
	  .doc = "The longest specialist dispatch, in calendar months,\n"
	    "accepted without an explicit override: it ends before the same\n"
	    "day that many months after it starts (3: 1 May to 31 July).\n"
	    "The council's rule is three months in principle." },
	{ .key = "dispatch.max_days", .type = KT_INT, .def = "0",
	  .min = 0, .max = 366, .off = OFF(dispatch_max_days),
	  .doc = "The longest dispatch in days instead of months; 0 (the\n"
	    "default) goes by dispatch.max_months." },
	{ .key = "dispatch.costs", .type = KT_RECORDS, .sub = cost_keys,
	  .item_size = sizeof(struct kz_cost_default),
	  .off = OFF(costs), .off_n = OFF(ncosts),
	  .def = "[{category: international_travel, payer: head, currency: JPY}, "
	    "{category: accident_compensation, payer: head, currency: JPY}, "
	    "{category: incidentals, payer: head, currency: JPY}, "
	    "{category: domestic_travel, payer: host}, "
	    "{category: interpreting, payer: host}, "
	    "{category: lodging, payer: host}, "
	    "{category: meals, payer: host}]",
	  .def_doc = "Default: the council's rule,\n"
	    "head office paying\n"
	    ".Cm international_travel ,\n"
	    ".Cm accident_compensation\n"
	    "and\n"
	    ".Cm incidentals\n"
	    "in JPY, the host paying\n"
	    ".Cm domestic_travel ,\n"
	    ".Cm interpreting ,\n"
	    ".Cm lodging\n"
	    "and\n"
	    ".Cm meals\n"
	    "in its own currency.",
	  .doc = "The cost lines every new dispatch starts with, as a list of\n"
	    ".Cm category\n"
	    "(lower-case letters, digits and _),\n"
	    ".Cm payer\n"
	    ".Po Cm head\n"
	    "for head office or\n"
	    ".Cm host\n"
	    "for the host government\n"
	    ".Pc\n"
	    "and, optionally,\n"
	    ".Cm currency\n"
	    "(an ISO 4217 code; without it a host line is in the currency of\n"
	    "the host country), such as\n"
	    ".Ql {category: lodging, payer: host} .\n"
	    "A category the list does not name can still be added to a\n"
	    "dispatch; its payer must then be given." },
	{ .key = "display.cursor", .type = KT_ENUM, .flags = KF_INDEX,
	  .def = "cell", .choices = cursors, .off = OFF(cursor),
	  .doc = "What of the selected row of a list is lit (drawn in\n"
	    "reverse video):\n"
	    ".Cm cell\n"
	    "(the default) its first cell, beside the\n"
	    ".Ql >\n"
	    "marker, as a spreadsheet lights the cell it is on;\n"
	    ".Cm row\n"
	    "the whole row.\n"
	    "A row lit whole is sent again whole at each move, to light it\n"
	    "and to turn it off: over a slow line\n"
	    ".Cm cell\n"
	    "sends about a third of the bytes a move." },
	{ .key = "fields_file", .type = KT_STRING, .flags = KF_PATH,
	  .check = kz_config_schema_text, .off = OFF(fields_file),
	  .def_doc = "Default: the built-in list of 32 fields.",
	  .doc = "A file with the taxonomy of fields of expertise; see\n"
	    ".Sx FIELDS FILE .\n"
	    "A relative name is taken from the directory of the\n"
	    "configuration file." },
};

#define NKEYS	(sizeof kz_config_keys / sizeof kz_config_keys[0])
const size_t kz_config_nkeys = NKEYS;
_Static_assert(NKEYS <= KZ_CONFIG_MAX_KEYS, "raise KZ_CONFIG_MAX_KEYS");

int
kz_config_schema_find(const char *path)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(kz_config_keys[i].key, path) == 0)
			return (int)i;
	return -1;
}

bool
kz_config_schema_section(const char *path)
{
	size_t n = strlen(path);

	for (size_t i = 0; i < NKEYS; i++)
		if (strncmp(kz_config_keys[i].key, path, n) == 0 &&
		    kz_config_keys[i].key[n] == '.')
			return true;
	return false;
}

static const char *
last_part(const char *key)
{
	const char *dot = strrchr(key, '.');

	return dot ? dot + 1 : key;
}

/* The last part alone counts too: "timezone" at the top finds
 * "office.timezone". */
const char *
kz_config_schema_suggest(const char *path, char out[64])
{
	size_t best = SIZE_MAX;
	const char *typed_last = last_part(path);

	out[0] = '\0';
	for (size_t i = 0; i < NKEYS; i++) {
		const char *k = kz_config_keys[i].key;
		size_t d = kz_yaml_doc_closeness(path, k);
		size_t dl = kz_yaml_doc_closeness(typed_last, last_part(k));

		if (dl != SIZE_MAX && dl + 1 < d)
			d = dl + 1;
		if (d < best) {
			best = d;
			snprintf(out, 64, "%s", k);
		}
		/* The sections this key sits in. */
		for (const char *dot = strchr(k, '.'); dot; dot = strchr(dot + 1, '.')) {
			char sec[64];

			snprintf(sec, sizeof sec, "%.*s", (int)(dot - k), k);
			d = kz_yaml_doc_closeness(path, sec);
			if (d < best) {
				best = d;
				snprintf(out, 64, "%s", sec);
			}
		}
	}
	return out[0] != '\0' ? out : NULL;
}
