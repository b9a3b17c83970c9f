/* config.c - the office configuration file and field taxonomy, driven by one schema table. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "buf.h"
#include "country.h"
#include "file.h"
#include "i18n.h"
#include "money.h"
#include "text.h"
#include "tz.h"

/* Bigger than any sensible configuration; stops a mistaken path such as a
 * database file from being read whole. */
#define MAX_FILE	(4 * 1024 * 1024)
/* Room kept for the message itself; the rest of kz_err_item.msg holds the
 * offending line and the caret. */
#define MSG_ROOM	180

/* The text, or NULL if memory ran out on the way. */
static char *
buf_done(struct kz_buf *b)
{
	if (b->oom) {
		kz_buf_free(b);
		return NULL;
	}
	if (b->s == NULL)
		return strdup("");
	return b->s;
}

/* ---- where a problem is, shown the way compilers show it ---- */

struct src {
	const char	*name;
	const char	*text;		/* NUL-terminated */
	size_t		 len;
};

/* Bytes [*start, *end) of a 0-based line, without its line break. */
static void
line_span(const struct src *s, size_t line, size_t *start, size_t *end)
{
	size_t i = 0;

	while (line > 0 && i < s->len) {
		if (s->text[i++] == '\n')
			line--;
	}
	if (line > 0)
		i = s->len;
	/* libyaml drops a byte order mark before it starts counting. */
	if (i == 0 && s->len >= 3 && memcmp(s->text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	*start = i;
	while (i < s->len && s->text[i] != '\n')
		i++;
	if (i > *start && s->text[i - 1] == '\r')
		i--;
	*end = i;
}

/* Byte offset of the col'th character (libyaml counts characters). */
static size_t
col_byte(const char *text, size_t start, size_t end, size_t col)
{
	size_t i = start;

	while (col > 0 && i < end) {
		i++;
		while (i < end && ((unsigned char)text[i] & 0xc0) == 0x80)
			i++;
		col--;
	}
	return i;
}

static size_t
nchars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Step back from i to the start of the character it is in. */
static size_t
char_start(const char *text, size_t lo, size_t i)
{
	while (i > lo && ((unsigned char)text[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Append the line text[ws..we) for display, and the caret padding for
 * text[ws..cb) (display width, tabs kept so the caret lines up). */
static void
show_line(struct kz_buf *line, struct kz_buf *pad, const char *text, size_t ws,
    size_t we, size_t cb)
{
	size_t i = ws;

	while (i < we) {
		unsigned cp;
		int n = kz_utf8_decode(text + i, &cp);
		bool before = i < cb;

		if (n <= 0 || i + (size_t)n > we)
			n = 1, cp = 0xfffd;
		if (cp == '\t') {
			kz_buf_put(line, "\t", 1);
			if (before)
				kz_buf_put(pad, "\t", 1);
		} else if ((n == 1 && cp == 0xfffd) || cp < 0x20 || cp == 0x7f) {
			/* A broken byte or a control character: never send
			 * it to the terminal. */
			kz_buf_put(line, "?", 1);
			if (before)
				kz_buf_put(pad, " ", 1);
		} else {
			kz_buf_put(line, text + i, (size_t)n);
			for (int w = kz_cp_width(cp); before && w > 0; w--)
				kz_buf_put(pad, " ", 1);
		}
		i += (size_t)n;
	}
}

static void
src_verror(struct kz_err *err, const struct src *s, size_t line, size_t col,
    const char *fmt, va_list ap)
{
	char msg[MSG_ROOM], where[sizeof err->item[0].where];
	struct kz_buf lb = { 0 }, pb = { 0 };
	size_t ls, le, cb, ws, we, budget, nlen;
	const char *name = s->name;

	vsnprintf(msg, sizeof msg, fmt, ap);
	/* Keep line:column visible even for a long path. */
	nlen = strlen(name);
	if (nlen > sizeof where - 32)
		name += char_start(name, 0, nlen - (sizeof where - 35));
	snprintf(where, sizeof where, "%s%s:%zu:%zu",
	    name == s->name ? "" : "...", name, line + 1, col + 1);

	line_span(s, line, &ls, &le);
	cb = col_byte(s->text, ls, le, col);
	/* Line and padding each get half of what the message leaves. */
	budget = (KZ_ERR_MSG - strlen(msg) - 16) / 2;
	ws = ls;
	we = le;
	if (le - ls > budget) {
		if (cb - ls > budget / 2)
			ws = char_start(s->text, ls, cb - budget / 2);
		we = ws + budget < le ? char_start(s->text, ws, ws + budget) : le;
		if (cb > we)
			cb = we;
	}
	if (ws > ls) {
		kz_buf_puts(&lb, "...");
		kz_buf_puts(&pb, "   ");
	}
	show_line(&lb, &pb, s->text, ws, we, cb);
	if (we < le)
		kz_buf_puts(&lb, "...");
	kz_err_add(err, where, "%s\n%s\n%s^", msg, kz_buf_str(&lb),
	    kz_buf_str(&pb));
	kz_buf_free(&lb);
	kz_buf_free(&pb);
}

static void __attribute__((format(__printf__, 5, 6)))
src_error(struct kz_err *err, const struct src *s, size_t line, size_t col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	src_verror(err, s, line, col, fmt, ap);
	va_end(ap);
}

/* A value quoted inside a message: cut short, no control characters. */
static const char *
shown(const char *v, char out[64])
{
	size_t i = 0, o = 0;

	while (v[i] != '\0' && o < 40) {
		unsigned char c = (unsigned char)v[i];

		if (c < 0x20 || c == 0x7f) {
			out[o++] = '?';
			i++;
			continue;
		}
		size_t n = 1;
		while (((unsigned char)v[i + n] & 0xc0) == 0x80)
			n++;
		memcpy(out + o, v + i, n);
		o += n;
		i += n;
	}
	if (v[i] != '\0') {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

/* Edit distance, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* How close a typed word is to a candidate; SIZE_MAX if not close enough
 * to suggest. A case slip or a prefix ("zh" for "zh_CN") counts as close. */
static size_t
closeness(const char *typed, const char *cand)
{
	size_t d, n = strlen(typed);

	if (strcasecmp(typed, cand) == 0)
		return 0;
	if (n >= 2 && strncasecmp(typed, cand, n) == 0)
		return 1;
	/* Two letters off is a typo in "timezone" but a different word
	 * in "fr". */
	d = distance(typed, cand);
	return d <= (n <= 3 ? 1 : n <= 8 ? 2 : n / 4) ? d : SIZE_MAX;
}

/* ---- checks of single values ---- */

/* A check returns false and explains in why; *at is the byte offset in v
 * the caret should point at (0: the start of the value). */
typedef bool (*check_fn)(const char *v, char *why, size_t size, size_t *at);

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

/* Text shown on one line of a screen: no line breaks or other controls. */
static bool
check_text(const char *v, char *why, size_t size, size_t *at)
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
	    "code (such as CN, SG, GB)"), shown(v, s));
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
		    "Asia/Tokyo or UTC"), shown(v, s));
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
	    shown(v, s), dir);
	return false;
}

/* strftime conversions that glibc and the BSDs share, plus the few GNU
 * ones people use (k, l, P, s). */
static bool
check_date_format(const char *v, char *why, size_t size, size_t *at)
{
	char s[64];

	if (!check_text(v, why, size, at))
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
			    "date format"), shown(conv, s));
			return false;
		}
		i = j;
	}
	return true;
}

/* ---- the schema ---- */

enum ktype { KT_STRING, KT_INT, KT_ENUM, KT_LIST, KT_RECORDS };

#define KF_REQUIRED	0x1
#define KF_INDEX	0x2	/* enum stored as the index of its choice (int) */
#define KF_PATH		0x4	/* relative to the configuration file */
#define KF_UNIQUE	0x8	/* KT_RECORDS: no two items share the value */

/* A key inside each item of a KT_RECORDS list, such as the category of
 * a cost line: text (KT_STRING) or a choice kept as its index (KT_ENUM). */
struct kz_subkey {
	const char		*name;
	enum ktype		 type;
	unsigned		 flags;
	const char *const	*choices;
	check_fn		 check;
	size_t			 off;		/* member of the item */
};

struct kz_key {
	const char		*key;		/* "office.id": nested in YAML */
	enum ktype		 type;
	unsigned		 flags;
	const char		*def;		/* default as written, or NULL */
	const char		*(*def_fn)(void);	/* computed default */
	const char *const	*choices;	/* KT_ENUM, NULL-terminated */
	int			 min, max;	/* KT_INT */
	check_fn		 check;		/* value or list item */
	size_t			 off;		/* member of struct kz_config */
	size_t			 off_n;		/* KT_LIST, KT_RECORDS: count */
	const struct kz_subkey	*sub;		/* KT_RECORDS: keys of an item */
	size_t			 item_size;	/* KT_RECORDS: bytes of an item */
	const char		*def_doc;	/* mdoc for a default not in def */
	const char		*doc;		/* mdoc, one sentence a line */
};

/* KF_INDEX writes an int into an enum member. */
_Static_assert(sizeof(enum kz_role) == sizeof(int), "enum kz_role is an int");

static const char *const roles[] = { "office", "head", NULL };
static const char *const languages[] = { "en", "zh_CN", "ja", NULL };

static const char *
default_user(void)
{
	const char *u = getenv("USER");

	return u != NULL && *u != '\0' ? u : "unknown";
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
	    "(such as JPY, CNY, SGD)"), shown(v, s));
	return false;
}

static const char *const payers[] = { "head", "host", NULL };

static const struct kz_subkey cost_keys[] = {
	{ "category", KT_STRING, KF_REQUIRED | KF_UNIQUE, NULL, check_category,
	  offsetof(struct kz_cost_default, category) },
	{ "payer", KT_ENUM, KF_REQUIRED, payers, NULL,
	  offsetof(struct kz_cost_default, payer) },
	{ "currency", KT_STRING, 0, NULL, check_currency,
	  offsetof(struct kz_cost_default, currency) },
	{ NULL, KT_STRING, 0, NULL, NULL, 0 },
};

/* Rows in the order `config show` prints them; keys that share a section
 * ("office.") must be next to each other. */
static const struct kz_key keys[] = {
	{ .key = "office.id", .type = KT_STRING, .flags = KF_REQUIRED,
	  .check = check_office_id, .off = OFF(office_id),
	  .doc = "Two to four capital letters naming the office, such as\n"
	    ".Ql BJS .\n"
	    "Every record id the office creates starts with them,\n"
	    "which keeps the records of different offices apart." },
	{ .key = "office.name", .type = KT_STRING, .flags = KF_REQUIRED,
	  .check = check_text, .off = OFF(office_name),
	  .doc = "The office's name as screens and reports show it,\n"
	    "in any script." },
	{ .key = "office.role", .type = KT_ENUM, .flags = KF_INDEX,
	  .def = "office", .choices = roles, .off = OFF(role),
	  .doc = ".Cm office\n"
	    "for an overseas office,\n"
	    ".Cm head\n"
	    "for head office, which gathers the records of every office." },
	{ .key = "office.region", .type = KT_STRING, .check = check_text,
	  .off = OFF(region), .def_doc = "Default: none.",
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
	    "Japanese." },
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
	{ .key = "user", .type = KT_STRING, .def_fn = default_user,
	  .check = check_text, .off = OFF(user),
	  .def_doc = "Default: the\n"
	    ".Ev USER\n"
	    "environment variable, or\n"
	    ".Ql unknown\n"
	    "if it is not set.",
	  .doc = "The name written in the audit entry of every change." },
	{ .key = "organisation", .type = KT_STRING, .def = "CLAIR",
	  .check = check_text, .off = OFF(organisation),
	  .doc = "The organisation the office belongs to.\n"
	    "Sync bundles carry it, and a bundle from another\n"
	    "organisation is refused." },
	{ .key = "dispatch.max_days", .type = KT_INT, .def = "90",
	  .min = 1, .max = 366, .off = OFF(dispatch_max_days),
	  .doc = "The longest specialist dispatch, in days, accepted without\n"
	    "an explicit override.\n"
	    "The council's rule is three months in principle." },
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
	{ .key = "fields_file", .type = KT_STRING, .flags = KF_PATH,
	  .check = check_text, .off = OFF(fields_file),
	  .def_doc = "Default: the built-in list of 32 fields.",
	  .doc = "A file with the taxonomy of fields of expertise; see\n"
	    ".Sx FIELDS FILE .\n"
	    "A relative name is taken from the directory of the\n"
	    "configuration file." },
};

#define NKEYS	(sizeof keys / sizeof keys[0])
#define FIELDS_KEY	"fields_file"

static int
find_key(const char *path)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].key, path) == 0)
			return (int)i;
	return -1;
}

/* A section is a path that only groups keys, such as "office". */
static bool
is_section(const char *path)
{
	size_t n = strlen(path);

	for (size_t i = 0; i < NKEYS; i++)
		if (strncmp(keys[i].key, path, n) == 0 && keys[i].key[n] == '.')
			return true;
	return false;
}

static const char *
last_part(const char *key)
{
	const char *dot = strrchr(key, '.');

	return dot ? dot + 1 : key;
}

/* The key or section closest to an unknown path; NULL if none is close.
 * The last part alone counts too: "timezone" at the top finds
 * "office.timezone". */
static const char *
suggest_key(const char *path, char out[64])
{
	size_t best = SIZE_MAX;
	const char *typed_last = last_part(path);

	out[0] = '\0';
	for (size_t i = 0; i < NKEYS; i++) {
		const char *k = keys[i].key;
		size_t d = closeness(path, k), dl = closeness(typed_last,
		    last_part(k));

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
			d = closeness(path, sec);
			if (d < best) {
				best = d;
				snprintf(out, 64, "%s", sec);
			}
		}
	}
	return out[0] != '\0' ? out : NULL;
}

/* ---- reading YAML ---- */

struct yctx {
	const struct src	*src;
	struct kz_err		*err;
	yaml_document_t		 doc;
	bool			 bad;
};

static void __attribute__((format(__printf__, 3, 4)))
yerr(struct yctx *y, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;

	y->bad = true;
	va_start(ap, fmt);
	src_verror(y->err, y->src, m.line, m.column, fmt, ap);
	va_end(ap);
}

static yaml_node_t *
ynode(struct yctx *y, int id)
{
	return yaml_document_get_node(&y->doc, id);
}

static const char *
kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		return _("a list");
	case YAML_MAPPING_NODE:
		return _("a group of keys");
	default:
		return _("text");
	}
}

/* An empty or null plain value: the key is there but says nothing. */
static bool
is_null(const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* The text of a scalar; NULL (with an error) for a NUL written as "\0",
 * which C strings cannot carry. */
static const char *
scalar(struct yctx *y, const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;

	if (strlen(v) != n->data.scalar.length) {
		yerr(y, n->start_mark, _("the value contains a NUL character"));
		return NULL;
	}
	return v;
}

/* Where the byte `at` of a scalar's value is in the file: exact when the
 * value sits on one line as written (no escapes), else its start. */
static yaml_mark_t
mark_at(const yaml_node_t *n, const char *v, size_t at)
{
	yaml_mark_t m = n->start_mark;
	size_t q;

	if (*v == '\0' || n->start_mark.line != n->end_mark.line)
		return m;
	switch (n->data.scalar.style) {
	case YAML_PLAIN_SCALAR_STYLE:
		q = 0;
		break;
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		q = 1;
		break;
	default:
		return m;
	}
	if (n->end_mark.column - n->start_mark.column !=
	    nchars(v, strlen(v)) + 2 * q)
		return m;
	m.column += q + nchars(v, at);
	return m;
}

/* Run a check on a scalar and report what it finds at the right column. */
static bool
checked(struct yctx *y, const yaml_node_t *n, const char *v, check_fn check,
    const char *key)
{
	char why[MSG_ROOM];
	size_t at = 0;

	if (check == NULL || check(v, why, sizeof why, &at))
		return true;
	if (key != NULL && strncmp(why, key, strlen(key)) != 0)
		yerr(y, mark_at(n, v, at), "%s: %s", key, why);
	else
		yerr(y, mark_at(n, v, at), "%s", why);
	return false;
}

/* Report why libyaml stopped. Marks are 0-based; src_error adds 1. */
static void
syntax_error(struct yctx *y, yaml_parser_t *p)
{
	const struct src *s = y->src;
	yaml_mark_t m = p->problem_mark, c = p->context_mark;
	size_t ls, le, cb;
	char hint[128] = "";
	bool eof;

	y->bad = true;
	if (p->error == YAML_MEMORY_ERROR) {
		kz_err_add(y->err, s->name, "%s", _("out of memory"));
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset, not a mark. */
		size_t line = 0, ll = 0, off = p->problem_offset;

		if (off > s->len)
			off = s->len;
		for (size_t i = 0; i < off; i++)
			if (s->text[i] == '\n')
				line++, ll = i + 1;
		src_error(y->err, s, line, nchars(s->text + ll, off - ll),
		    _("the file is not UTF-8 text: %s"),
		    p->problem ? p->problem : "?");
		return;
	}
	line_span(s, m.line, &ls, &le);
	cb = col_byte(s->text, ls, le, m.column);
	eof = ls >= s->len || (cb >= le && le >= s->len);
	if (cb < le && s->text[cb] == '\t')
		snprintf(hint, sizeof hint, "%s", _("; hint: indent with spaces, "
		    "YAML does not allow tabs"));
	else if (cb < le && s->text[cb] != '\0' &&
	    strchr("%@`", s->text[cb]) != NULL)
		snprintf(hint, sizeof hint, _("; hint: put a value that starts "
		    "with %c in quotes"), s->text[cb]);
	else {
		for (size_t i = ls; i < cb && (s->text[i] == ' ' ||
		    s->text[i] == '\t'); i++)
			if (s->text[i] == '\t')
				snprintf(hint, sizeof hint, "%s", _("; hint: "
				    "indent with spaces, YAML does not allow tabs"));
	}

	if (p->context != NULL && strstr(p->context, "quoted scalar") != NULL &&
	    eof) {
		/* The problem is at the end of the file; the opening quote
		 * is what the reader needs to see. */
		src_error(y->err, s, c.line, c.column, _("this quote is never "
		    "closed (the file ends at line %zu, column %zu)"),
		    m.line + 1, m.column + 1);
	} else if (p->context != NULL && eof) {
		src_error(y->err, s, c.line, c.column, _("%s: %s (the file "
		    "ends at line %zu, column %zu)%s"), p->context,
		    p->problem ? p->problem : "", m.line + 1, m.column + 1, hint);
	} else if (p->context != NULL && (c.line != m.line ||
	    c.column != m.column)) {
		src_error(y->err, s, m.line, m.column, _("%s (%s at line %zu, "
		    "column %zu)%s"), p->problem ? p->problem : "", p->context,
		    c.line + 1, c.column + 1, hint);
	} else {
		src_error(y->err, s, m.line, m.column, "%s%s",
		    p->problem ? p->problem : _("bad YAML"), hint);
	}
}

/* Load the one document of the source into y->doc; its root node, or
 * NULL for an empty file or an error (y->bad). The caller deletes
 * y->doc when this returns true. */
static bool
load_yaml(struct yctx *y, yaml_node_t **root)
{
	yaml_parser_t p;
	yaml_document_t more;
	bool loaded = false;

	*root = NULL;
	if (!yaml_parser_initialize(&p)) {
		y->bad = true;
		kz_err_add(y->err, y->src->name, "%s", _("out of memory"));
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)y->src->text,
	    y->src->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &y->doc)) {
		syntax_error(y, &p);
		goto out;
	}
	loaded = true;
	*root = yaml_document_get_root_node(&y->doc);
	if (*root == NULL)
		goto out;
	/* A second document would be ignored silently: say so. */
	if (!yaml_parser_load(&p, &more)) {
		syntax_error(y, &p);
		goto out;
	}
	yaml_node_t *r2 = yaml_document_get_root_node(&more);
	if (r2 != NULL)
		yerr(y, r2->start_mark, "%s", _("only one YAML document is "
		    "allowed here (remove the second \"---\")"));
	yaml_document_delete(&more);
out:
	yaml_parser_delete(&p);
	return loaded;
}

/* Earlier key of the same name in a mapping, for duplicate detection
 * (libyaml keeps both silently). */
static const yaml_node_t *
earlier_key(struct yctx *y, const yaml_node_t *map, const yaml_node_pair_t *upto)
{
	const yaml_node_t *k = ynode(y, upto->key);

	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < upto; p++) {
		const yaml_node_t *o = ynode(y, p->key);

		if (o->type == YAML_SCALAR_NODE &&
		    o->data.scalar.length == k->data.scalar.length &&
		    memcmp(o->data.scalar.value, k->data.scalar.value,
		    k->data.scalar.length) == 0)
			return o;
	}
	return NULL;
}

/* The key of a pair as text, or NULL after reporting a non-scalar key or
 * a duplicate. */
static const char *
pair_key(struct yctx *y, const yaml_node_t *map, const yaml_node_pair_t *pair)
{
	const yaml_node_t *k = ynode(y, pair->key), *first;
	char s[64];

	if (k->type != YAML_SCALAR_NODE) {
		yerr(y, k->start_mark, _("a key must be a name, not %s"),
		    kind(k));
		return NULL;
	}
	const char *name = scalar(y, k);
	if (name == NULL)
		return NULL;
	if ((first = earlier_key(y, map, pair)) != NULL) {
		yerr(y, k->start_mark, _("duplicate key \"%s\" (first at line "
		    "%zu)"), shown(name, s), first->start_mark.line + 1);
		return NULL;
	}
	return name;
}

/* ---- the configuration file ---- */

/* A value parsed but not yet applied: nothing reaches the caller unless
 * the whole file is clean. */
struct staged {
	bool		 set;
	bool		 bad;
	char		*str;
	int		 num;
	char		**list;
	size_t		 n;
	void		*items;		/* KT_RECORDS */
	size_t		 nitems;
	yaml_mark_t	 mark;
};

struct cparse {
	struct yctx	 y;
	struct staged	 st[NKEYS];
	struct {
		char		path[64];
		yaml_mark_t	mark;
	}		 sec[8];
	int		 nsec;
	yaml_mark_t	 root_mark;
};

/* Free n items of a KT_RECORDS key. */
static void
records_free(const struct kz_key *k, void *items, size_t n)
{
	for (size_t i = 0; items != NULL && i < n; i++)
		for (const struct kz_subkey *sk = k->sub; sk->name; sk++)
			if (sk->type == KT_STRING)
				free(*(char **)(void *)((char *)items +
				    i * k->item_size + sk->off));
	free(items);
}

static void
staged_free(struct cparse *c)
{
	for (size_t i = 0; i < NKEYS; i++) {
		free(c->st[i].str);
		for (size_t j = 0; j < c->st[i].n; j++)
			free(c->st[i].list[j]);
		free(c->st[i].list);
		if (keys[i].type == KT_RECORDS)
			records_free(&keys[i], c->st[i].items, c->st[i].nitems);
	}
}

static void
type_error(struct cparse *c, const struct kz_key *k, const yaml_node_t *v,
    const char *want)
{
	yerr(&c->y, v->start_mark, _("%s must be %s, not %s"), k->key, want,
	    kind(v));
}

static bool
stage_string(struct cparse *c, const struct kz_key *k, const yaml_node_t *v,
    struct staged *st)
{
	const char *s;

	if (v->type != YAML_SCALAR_NODE) {
		type_error(c, k, v, _("text"));
		return false;
	}
	if ((s = scalar(&c->y, v)) == NULL)
		return false;
	if (*s == '\0' && (k->flags & KF_REQUIRED)) {
		yerr(&c->y, v->start_mark, _("%s must not be empty"), k->key);
		return false;
	}
	if (*s == '\0')		/* optional and empty: the default */
		return true;
	if (!checked(&c->y, v, s, k->check, k->key))
		return false;
	st->str = strdup(s);
	return true;
}

static bool
stage_int(struct cparse *c, const struct kz_key *k, const yaml_node_t *v,
    struct staged *st)
{
	const char *s;
	char *end;
	long n;

	if (v->type != YAML_SCALAR_NODE) {
		type_error(c, k, v, _("a whole number"));
		return false;
	}
	if ((s = scalar(&c->y, v)) == NULL)
		return false;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || s[0] == ' ' || s[0] == '+') {
		char sh[64];

		yerr(&c->y, v->start_mark, _("%s must be a whole number, not "
		    "\"%s\""), k->key, shown(s, sh));
		return false;
	}
	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		yerr(&c->y, v->start_mark, _("%s must be a whole number, "
		    "without quotes"), k->key);
		return false;
	}
	if (errno != 0 || n < k->min || n > k->max) {
		yerr(&c->y, v->start_mark, _("%s must be from %d to %d"),
		    k->key, k->min, k->max);
		return false;
	}
	st->num = (int)n;
	return true;
}

static bool
stage_enum(struct cparse *c, const struct kz_key *k, const yaml_node_t *v,
    struct staged *st)
{
	const char *s, *best = NULL;
	size_t bd = SIZE_MAX;
	struct kz_buf list = { 0 };
	char sh[64];

	if (v->type != YAML_SCALAR_NODE) {
		type_error(c, k, v, _("text"));
		return false;
	}
	if ((s = scalar(&c->y, v)) == NULL)
		return false;
	for (int i = 0; k->choices[i] != NULL; i++) {
		size_t d;

		if (strcmp(s, k->choices[i]) == 0) {
			st->num = i;
			kz_buf_free(&list);
			return true;
		}
		kz_buf_printf(&list, "%s%s", i ? ", " : "", k->choices[i]);
		if ((d = closeness(s, k->choices[i])) < bd) {
			bd = d;
			best = k->choices[i];
		}
	}
	if (best != NULL)
		yerr(&c->y, v->start_mark, _("%s: \"%s\" is not one of %s; did "
		    "you mean \"%s\"?"), k->key, shown(s, sh),
		    kz_buf_str(&list), best);
	else
		yerr(&c->y, v->start_mark, _("%s: \"%s\" is not one of %s"),
		    k->key, shown(s, sh), kz_buf_str(&list));
	kz_buf_free(&list);
	return false;
}

static bool
stage_list(struct cparse *c, const struct kz_key *k, const yaml_node_t *v,
    struct staged *st)
{
	yaml_node_item_t *it, *top;
	bool ok = true;

	if (v->type != YAML_SEQUENCE_NODE) {
		type_error(c, k, v, _("a list such as [CN, SG]"));
		return false;
	}
	it = v->data.sequence.items.start;
	top = v->data.sequence.items.top;
	st->list = calloc((size_t)(top - it) + 1, sizeof *st->list);
	if (st->list == NULL) {
		yerr(&c->y, v->start_mark, "%s", _("out of memory"));
		return false;
	}
	for (; it < top; it++) {
		const yaml_node_t *item = ynode(&c->y, *it);
		const char *s;
		char sh[64];

		if (item->type != YAML_SCALAR_NODE) {
			yerr(&c->y, item->start_mark, _("each item of %s must "
			    "be text, not %s"), k->key, kind(item));
			ok = false;
			continue;
		}
		if ((s = scalar(&c->y, item)) == NULL ||
		    !checked(&c->y, item, s, k->check, k->key)) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < st->n; j++) {
			if (strcmp(st->list[j], s) == 0) {
				yerr(&c->y, item->start_mark, _("%s: \"%s\" is "
				    "listed twice"), k->key, shown(s, sh));
				ok = false;
				s = NULL;
				break;
			}
		}
		if (s != NULL && (st->list[st->n] = strdup(s)) != NULL)
			st->n++;
	}
	return ok;
}

/* One item of a KT_RECORDS list into item; false after reporting. */
static bool
stage_item(struct yctx *y, const struct kz_key *k, const yaml_node_t *map,
    char *item, char *items, size_t before)
{
	bool seen[16] = { 0 }, ok = true;
	char sh[64];

	if (map->type != YAML_MAPPING_NODE) {
		yerr(y, map->start_mark, _("each item of %s must be a group of "
		    "keys such as {%s: ...}, not %s"), k->key, k->sub[0].name,
		    kind(map));
		return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *kn = ynode(y, p->key), *vn = ynode(y, p->value);
		const char *name = pair_key(y, map, p), *s, *best = NULL;
		size_t bd = SIZE_MAX;
		int j;

		if (name == NULL) {
			ok = false;
			continue;
		}
		for (j = 0; k->sub[j].name != NULL; j++) {
			size_t d;

			if (strcmp(name, k->sub[j].name) == 0)
				break;
			if ((d = closeness(name, k->sub[j].name)) < bd) {
				bd = d;
				best = k->sub[j].name;
			}
		}
		if (k->sub[j].name == NULL) {
			if (best != NULL)
				yerr(y, kn->start_mark, _("unknown key \"%s\" in "
				    "%s; did you mean \"%s\"?"), shown(name, sh),
				    k->key, best);
			else
				yerr(y, kn->start_mark, _("unknown key \"%s\" in "
				    "%s"), shown(name, sh), k->key);
			ok = false;
			continue;
		}
		const struct kz_subkey *sk = &k->sub[j];
		seen[j] = true;
		if (vn->type != YAML_SCALAR_NODE) {
			yerr(y, vn->start_mark, _("%s: %s must be text, not %s"),
			    k->key, sk->name, kind(vn));
			ok = false;
			continue;
		}
		if ((s = scalar(y, vn)) == NULL) {
			ok = false;
			continue;
		}
		if (sk->type == KT_ENUM) {
			struct kz_buf list = { 0 };
			int ch;

			for (ch = 0; sk->choices[ch] != NULL; ch++) {
				if (strcmp(s, sk->choices[ch]) == 0)
					break;
				kz_buf_printf(&list, "%s%s", ch ? ", " : "",
				    sk->choices[ch]);
			}
			if (sk->choices[ch] == NULL) {
				yerr(y, vn->start_mark, _("%s: %s \"%s\" is not "
				    "one of %s"), k->key, sk->name, shown(s, sh),
				    kz_buf_str(&list));
				ok = false;
			} else
				*(int *)(void *)(item + sk->off) = ch;
			kz_buf_free(&list);
			continue;
		}
		if (!checked(y, vn, s, sk->check, k->key)) {
			ok = false;
			continue;
		}
		for (size_t m = 0; (sk->flags & KF_UNIQUE) && m < before; m++) {
			const char *o = *(char **)(void *)(items +
			    m * k->item_size + sk->off);

			if (o != NULL && strcmp(o, s) == 0) {
				yerr(y, vn->start_mark, _("%s: %s \"%s\" is "
				    "listed twice"), k->key, sk->name,
				    shown(s, sh));
				ok = false;
			}
		}
		if ((*(char **)(void *)(item + sk->off) = strdup(s)) == NULL)
			ok = false;
	}
	for (int j = 0; k->sub[j].name != NULL; j++)
		if ((k->sub[j].flags & KF_REQUIRED) && !seen[j]) {
			yerr(y, map->start_mark, _("%s: this item has no \"%s\""),
			    k->key, k->sub[j].name);
			ok = false;
		}
	return ok;
}

/* A list of groups of keys, each described by k->sub. */
static bool
stage_records(struct yctx *y, const struct kz_key *k, const yaml_node_t *v,
    void **out, size_t *nout)
{
	yaml_node_item_t *it, *top;
	char *items;
	size_t n = 0;
	bool ok = true;

	*out = NULL;
	*nout = 0;
	if (v->type != YAML_SEQUENCE_NODE) {
		yerr(y, v->start_mark, _("%s must be a list of groups of keys, "
		    "not %s"), k->key, kind(v));
		return false;
	}
	it = v->data.sequence.items.start;
	top = v->data.sequence.items.top;
	if ((items = calloc((size_t)(top - it) + 1, k->item_size)) == NULL) {
		yerr(y, v->start_mark, "%s", _("out of memory"));
		return false;
	}
	for (; it < top; it++, n++)
		if (!stage_item(y, k, ynode(y, *it), items + n * k->item_size,
		    items, n))
			ok = false;
	if (!ok) {
		records_free(k, items, n);
		return false;
	}
	*out = items;
	*nout = n;
	return true;
}

/* The default of a KT_RECORDS key, written in YAML in the table. */
static bool
default_records(const struct kz_key *k, void **items, size_t *n)
{
	struct src s = { "(built-in)", k->def ? k->def : "[]",
	    strlen(k->def ? k->def : "[]") };
	struct kz_err e = { 0 };
	struct yctx y = { .src = &s, .err = &e };
	yaml_node_t *root;
	bool ok = false;

	*items = NULL;
	*n = 0;
	if (!load_yaml(&y, &root))
		return false;
	if (root != NULL)
		ok = stage_records(&y, k, root, items, n);
	yaml_document_delete(&y.doc);
	return ok && !y.bad;
}

static void
stage(struct cparse *c, int i, const yaml_node_t *v)
{
	const struct kz_key *k = &keys[i];
	struct staged *st = &c->st[i];
	bool ok;

	st->mark = v->start_mark;
	if (is_null(v)) {
		if (k->flags & KF_REQUIRED) {
			yerr(&c->y, v->start_mark, _("%s needs a value"), k->key);
			st->bad = true;
		}
		/* An empty optional key means its default. */
		return;
	}
	switch (k->type) {
	case KT_STRING:
		ok = stage_string(c, k, v, st);
		break;
	case KT_INT:
		ok = stage_int(c, k, v, st);
		break;
	case KT_ENUM:
		ok = stage_enum(c, k, v, st);
		break;
	case KT_LIST:
		ok = stage_list(c, k, v, st);
		break;
	case KT_RECORDS:
		ok = stage_records(&c->y, k, v, &st->items, &st->nitems);
		break;
	default:
		ok = false;
		break;
	}
	if (ok)
		st->set = true;
	else
		st->bad = true;
}

static void
walk(struct cparse *c, const yaml_node_t *map, const char *prefix)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	    p++) {
		const yaml_node_t *kn = ynode(&c->y, p->key);
		const yaml_node_t *vn = ynode(&c->y, p->value);
		const char *name = pair_key(&c->y, map, p);
		char path[64], sug[64], sh[64];
		int i;

		if (name == NULL)
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s%s%s", prefix,
		    *prefix ? "." : "", name) >= sizeof path)
			i = -1;
		else if ((i = find_key(path)) >= 0) {
			stage(c, i, vn);
			continue;
		} else if (is_section(path)) {
			if (c->nsec < (int)(sizeof c->sec / sizeof c->sec[0])) {
				snprintf(c->sec[c->nsec].path, sizeof c->sec[0].path,
				    "%s", path);
				c->sec[c->nsec++].mark = kn->start_mark;
			}
			if (is_null(vn))
				continue;
			if (vn->type != YAML_MAPPING_NODE) {
				yerr(&c->y, vn->start_mark, _("%s must be a group "
				    "of keys indented below it, not %s"), path,
				    kind(vn));
				continue;
			}
			walk(c, vn, path);
			continue;
		}
		if (suggest_key(path, sug) != NULL)
			yerr(&c->y, kn->start_mark, _("unknown key \"%s\"; did "
			    "you mean \"%s\"?"), shown(path, sh), sug);
		else
			yerr(&c->y, kn->start_mark, _("unknown key \"%s\""),
			    shown(path, sh));
	}
}

/* Where to point for a key that is missing: its section, or the top. */
static yaml_mark_t
missing_mark(const struct cparse *c, const char *key)
{
	yaml_mark_t best = c->root_mark;
	size_t bestlen = 0;

	for (int i = 0; i < c->nsec; i++) {
		size_t n = strlen(c->sec[i].path);

		if (strncmp(key, c->sec[i].path, n) == 0 && key[n] == '.' &&
		    n > bestlen) {
			best = c->sec[i].mark;
			bestlen = n;
		}
	}
	return best;
}

/* ---- the fields file ---- */

static const char *const field_keys[] = { "code", "number", "en", "ja", "zh",
    NULL };

static void
fields_free(struct kz_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].code);
		free(f[i].name_en);
		free(f[i].name_ja);
		free(f[i].name_zh);
	}
	free(f);
}

static bool
check_code(const char *v, char *why, size_t size, size_t *at)
{
	size_t i;

	for (i = 0; v[i] != '\0'; i++) {
		char ch = v[i];

		if (!((ch >= 'a' && ch <= 'z') || (i > 0 && ((ch >= '0' &&
		    ch <= '9') || ch == '_'))))
			break;
	}
	if (i > 0 && i <= 32 && v[i] == '\0')
		return true;
	*at = v[i] != '\0' ? i : 0;
	snprintf(why, size, "%s", _("a field code is 1 to 32 lower-case "
	    "letters, digits and _, starting with a letter"));
	return false;
}

static bool
check_name(const char *v, char *why, size_t size, size_t *at)
{
	if (*v == '\0') {
		snprintf(why, size, "%s", _("the name is empty"));
		return false;
	}
	if (!kz_utf8_valid(v, strlen(v))) {
		snprintf(why, size, "%s", _("the name is not valid UTF-8"));
		return false;
	}
	return check_text(v, why, size, at);
}

/* One entry of the fields list into f, with whatever of it is valid even
 * when some of it is not (false, after reporting), so the caller can
 * still find duplicates; the marks of its code and number go there too. */
static bool
field_entry(struct yctx *y, const yaml_node_t *map, struct kz_field *f,
    yaml_mark_t *code_mark, yaml_mark_t *num_mark)
{
	char *val[5] = { 0 };
	bool seen[5] = { 0 }, ok = true;
	char sh[64];

	if (map->type != YAML_MAPPING_NODE) {
		yerr(y, map->start_mark, _("each field must be a group of keys "
		    "code, number, en, ja, zh; not %s"), kind(map));
		return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *kn = ynode(y, p->key), *vn = ynode(y, p->value);
		const char *name = pair_key(y, map, p), *s, *best = NULL;
		size_t bd = SIZE_MAX;
		int i;

		if (name == NULL) {
			ok = false;
			continue;
		}
		for (i = 0; field_keys[i] != NULL; i++) {
			size_t d;

			if (strcmp(name, field_keys[i]) == 0)
				break;
			if ((d = closeness(name, field_keys[i])) < bd) {
				bd = d;
				best = field_keys[i];
			}
		}
		if (field_keys[i] == NULL) {
			if (best != NULL)
				yerr(y, kn->start_mark, _("unknown key \"%s\"; "
				    "did you mean \"%s\"?"), shown(name, sh), best);
			else
				yerr(y, kn->start_mark, _("unknown key \"%s\" "
				    "(a field has code, number, en, ja, zh)"),
				    shown(name, sh));
			ok = false;
			continue;
		}
		seen[i] = true;
		if (vn->type != YAML_SCALAR_NODE) {
			yerr(y, vn->start_mark, _("%s must be text, not %s"),
			    name, kind(vn));
			ok = false;
			continue;
		}
		if ((s = scalar(y, vn)) == NULL) {
			ok = false;
			continue;
		}
		if (i == 0) {
			*code_mark = vn->start_mark;
			if (!checked(y, vn, s, check_code, NULL)) {
				ok = false;
				continue;
			}
		} else if (i == 1) {
			char *end;
			long n;

			*num_mark = vn->start_mark;
			errno = 0;
			n = strtol(s, &end, 10);
			if (*s < '0' || *s > '9' || *end != '\0' || errno ||
			    n < 1 || n > 9999) {
				yerr(y, vn->start_mark, _("number must be a whole "
				    "number from 1 to 9999, not \"%s\""),
				    shown(s, sh));
				ok = false;
				continue;
			}
			f->number = (int)n;
		} else if (!checked(y, vn, s, check_name, NULL)) {
			ok = false;
			continue;
		}
		if ((val[i] = strdup(s)) == NULL)
			ok = false;
	}
	for (int i = 0; field_keys[i] != NULL; i++) {
		if (!seen[i]) {
			yerr(y, map->start_mark, _("this field has no \"%s\""),
			    field_keys[i]);
			ok = false;
		}
	}
	f->code = val[0];
	free(val[1]);
	f->name_en = val[2];
	f->name_ja = val[3];
	f->name_zh = val[4];
	return ok;
}

static bool
parse_fields(const struct src *s, struct kz_err *err, struct kz_field **out,
    size_t *nout)
{
	struct yctx y = { .src = s, .err = err };
	yaml_node_t *root;
	struct kz_field *f = NULL;
	yaml_mark_t *cm = NULL, *nm = NULL;
	size_t n = 0;
	char sh[64];

	*out = NULL;
	*nout = 0;
	if (!load_yaml(&y, &root))
		return false;
	if (root == NULL || is_null(root)) {
		yaml_mark_t m = { 0, 0, 0 };
		yerr(&y, m, "%s", _("the fields file lists no fields"));
		goto done;
	}
	if (root->type != YAML_SEQUENCE_NODE) {
		yerr(&y, root->start_mark, _("the fields file must be a list of "
		    "fields (lines starting with \"- code:\"), not %s"),
		    kind(root));
		goto done;
	}
	size_t max = (size_t)(root->data.sequence.items.top -
	    root->data.sequence.items.start);
	if (max == 0) {
		yerr(&y, root->start_mark, "%s", _("the fields file lists no "
		    "fields"));
		goto done;
	}
	f = calloc(max, sizeof *f);
	cm = calloc(max, sizeof *cm);
	nm = calloc(max, sizeof *nm);
	if (f == NULL || cm == NULL || nm == NULL) {
		kz_err_add(err, s->name, "%s", _("out of memory"));
		y.bad = true;
		goto done;
	}
	for (yaml_node_item_t *it = root->data.sequence.items.start;
	    it < root->data.sequence.items.top; it++) {
		struct kz_field *e = &f[n++];

		/* A broken entry still takes part in the duplicate check
		 * with what it has; nothing is kept if anything is wrong. */
		field_entry(&y, ynode(&y, *it), e, &cm[n - 1], &nm[n - 1]);
		for (size_t j = 0; j + 1 < n; j++) {
			if (e->code != NULL && f[j].code != NULL &&
			    strcmp(f[j].code, e->code) == 0)
				yerr(&y, cm[n - 1], _("field code \"%s\" is used "
				    "twice (first at line %zu)"),
				    shown(e->code, sh), cm[j].line + 1);
			if (e->number != 0 && f[j].number == e->number)
				yerr(&y, nm[n - 1], _("field number %d is used "
				    "twice (first at line %zu)"), e->number,
				    nm[j].line + 1);
		}
	}
done:
	yaml_document_delete(&y.doc);
	free(cm);
	free(nm);
	if (y.bad) {
		fields_free(f, n);
		return false;
	}
	*out = f;
	*nout = n;
	return true;
}

/* path taken relative to the directory of `base` unless absolute. */
static char *
relative_to(const char *base, const char *path)
{
	const char *slash = strrchr(base, '/');
	struct kz_buf b = { 0 };

	if (path[0] == '/' || slash == NULL)
		return strdup(path);
	kz_buf_put(&b, base, (size_t)(slash - base) + 1);
	kz_buf_puts(&b, path);
	return buf_done(&b);
}

/* Load the taxonomy the configuration names, reporting problems in the
 * fields file itself, or at the fields_file key if it cannot be read. */
static bool
load_fields(struct cparse *c, struct kz_config *cfg)
{
	struct src s;
	const struct staged *st = &c->st[find_key(FIELDS_KEY)];
	char sh[64];
	bool ok;

	if (cfg->fields_file == NULL) {
		s.name = "(built-in fields)";
		s.text = kz_default_fields;
		s.len = strlen(kz_default_fields);
		return parse_fields(&s, c->y.err, &cfg->fields, &cfg->nfields);
	}
	size_t len;
	char *text = kz_file_read(cfg->fields_file, MAX_FILE, &len);
	if (text == NULL) {
		yerr(&c->y, st->mark, _("cannot read the fields file \"%s\": %s"),
		    shown(cfg->fields_file, sh), strerror(errno));
		return false;
	}
	s.name = cfg->fields_file;
	s.text = text;
	s.len = len;
	ok = parse_fields(&s, c->y.err, &cfg->fields, &cfg->nfields);
	free(text);
	return ok;
}

/* Move staged values and defaults into a new configuration. */
static struct kz_config *
build(struct cparse *c, const char *name)
{
	struct kz_config *cfg = calloc(1, sizeof *cfg);
	bool oom = cfg == NULL;

	if (cfg == NULL)
		return NULL;
	oom |= (cfg->path = strdup(name)) == NULL;
	for (size_t i = 0; i < NKEYS; i++) {
		const struct kz_key *k = &keys[i];
		struct staged *st = &c->st[i];
		char *base = (char *)cfg + k->off;
		const char *def = k->def_fn ? k->def_fn() : k->def;

		switch (k->type) {
		case KT_STRING: {
			char *v = st->str;

			st->str = NULL;
			if (v == NULL && def != NULL)
				oom |= (v = strdup(def)) == NULL;
			if (v != NULL && (k->flags & KF_PATH)) {
				char *r = relative_to(name, v);

				oom |= r == NULL;
				free(v);
				v = r;
			}
			*(char **)(void *)base = v;
			break;
		}
		case KT_INT:
			*(int *)(void *)base = st->set ? st->num :
			    def ? atoi(def) : 0;
			break;
		case KT_ENUM: {
			int idx = 0;

			if (st->set)
				idx = st->num;
			else
				for (int j = 0; def && k->choices[j]; j++)
					if (strcmp(k->choices[j], def) == 0)
						idx = j;
			if (k->flags & KF_INDEX)
				*(int *)(void *)base = idx;
			else
				oom |= (*(char **)(void *)base =
				    strdup(k->choices[idx])) == NULL;
			break;
		}
		case KT_LIST:
			*(char ***)(void *)base = st->list;
			*(size_t *)(void *)((char *)cfg + k->off_n) = st->n;
			st->list = NULL;
			st->n = 0;
			break;
		case KT_RECORDS: {
			void *items = st->items;
			size_t n = st->nitems;

			st->items = NULL;
			st->nitems = 0;
			/* A default that does not parse is a bug in the
			 * table; the unit tests load every default. */
			if (!st->set && !default_records(k, &items, &n))
				oom = true;
			*(void **)(void *)base = items;
			*(size_t *)(void *)((char *)cfg + k->off_n) = n;
			break;
		}
		}
	}
	if (oom) {
		kz_config_free(cfg);
		return NULL;
	}
	return cfg;
}

struct kz_config *
kz_config_parse(const char *name, const char *text, size_t len,
    struct kz_err *err)
{
	struct cparse c;
	struct kz_config *cfg = NULL;
	struct src s;
	yaml_node_t *root;
	char *copy;

	kz_err_clear(err);
	memset(&c, 0, sizeof c);
	/* Line display and UTF-8 decoding want a terminating NUL. */
	if ((copy = malloc(len + 1)) == NULL) {
		kz_err_add(err, name, "%s", _("out of memory"));
		return NULL;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	s.name = name;
	s.text = copy;
	s.len = len;
	c.y.src = &s;
	c.y.err = err;

	if (!load_yaml(&c.y, &root)) {
		free(copy);
		return NULL;
	}
	if (root != NULL && !is_null(root)) {
		c.root_mark = root->start_mark;
		if (root->type == YAML_MAPPING_NODE)
			walk(&c, root, "");
		else
			yerr(&c.y, root->start_mark, _("the configuration must be "
			    "keys such as \"office:\", not %s"), kind(root));
	}
	if (root == NULL || root->type == YAML_MAPPING_NODE || is_null(root)) {
		for (size_t i = 0; i < NKEYS; i++)
			if ((keys[i].flags & KF_REQUIRED) && !c.st[i].set &&
			    !c.st[i].bad)
				yerr(&c.y, missing_mark(&c, keys[i].key),
				    _("missing required key \"%s\""), keys[i].key);
	}
	/* The fields file is checked even when other keys are wrong, so one
	 * run shows every problem. */
	if (!c.st[find_key(FIELDS_KEY)].bad) {
		if ((cfg = build(&c, name)) == NULL) {
			kz_err_add(err, name, "%s", _("out of memory"));
			c.y.bad = true;
		} else if (!load_fields(&c, cfg))
			c.y.bad = true;
	}
	if (c.y.bad || err->n > 0) {
		kz_config_free(cfg);
		cfg = NULL;
	}
	yaml_document_delete(&c.y.doc);
	staged_free(&c);
	free(copy);
	return cfg;
}

struct kz_config *
kz_config_load(const char *path, struct kz_err *err)
{
	size_t len;
	char *text;
	struct kz_config *cfg;

	kz_err_clear(err);
	if ((text = kz_file_read(path, MAX_FILE, &len)) == NULL) {
		kz_err_add(err, path, _("cannot read: %s"), strerror(errno));
		return NULL;
	}
	cfg = kz_config_parse(path, text, len, err);
	free(text);
	return cfg;
}

void
kz_config_free(struct kz_config *cfg)
{
	if (cfg == NULL)
		return;
	for (size_t i = 0; i < NKEYS; i++) {
		const struct kz_key *k = &keys[i];
		char *base = (char *)cfg + k->off;

		if (k->type == KT_STRING ||
		    (k->type == KT_ENUM && !(k->flags & KF_INDEX)))
			free(*(char **)(void *)base);
		else if (k->type == KT_LIST) {
			char **list = *(char ***)(void *)base;
			size_t n = *(size_t *)(void *)((char *)cfg + k->off_n);

			for (size_t j = 0; j < n; j++)
				free(list[j]);
			free(list);
		} else if (k->type == KT_RECORDS)
			records_free(k, *(void **)(void *)base,
			    *(size_t *)(void *)((char *)cfg + k->off_n));
	}
	fields_free(cfg->fields, cfg->nfields);
	free(cfg->path);
	free(cfg);
}

/* ---- fields ---- */

const struct kz_field *
kz_config_field(const struct kz_config *cfg, const char *code_or_number)
{
	const char *s = code_or_number;
	size_t i;

	if (cfg == NULL || s == NULL || *s == '\0')
		return NULL;
	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (s[i] == '\0') {
		long n = i <= 6 ? strtol(s, NULL, 10) : -1;

		for (size_t j = 0; j < cfg->nfields; j++)
			if (cfg->fields[j].number == n)
				return &cfg->fields[j];
		return NULL;
	}
	/* Codes are lower case; what a person types may not be. */
	for (size_t j = 0; j < cfg->nfields; j++)
		if (strcasecmp(cfg->fields[j].code, s) == 0)
			return &cfg->fields[j];
	return NULL;
}

const char *
kz_field_name(const struct kz_config *cfg, const struct kz_field *f)
{
	const char *name = NULL;

	if (f == NULL)
		return NULL;
	if (cfg != NULL && cfg->language != NULL) {
		if (strcmp(cfg->language, "zh_CN") == 0)
			name = f->name_zh;
		else if (strcmp(cfg->language, "ja") == 0)
			name = f->name_ja;
	}
	return name != NULL && *name != '\0' ? name : f->name_en;
}

/* ---- writing the configuration and its documentation ---- */

/* A scalar as YAML: bare when that reads back the same everywhere. */
static void
yaml_value(struct kz_buf *b, const char *s)
{
	static const char *const words[] = { "null", "true", "false", "yes",
	    "no", "on", "off", "y", "n", NULL };
	/* Unicode line breaks that YAML readers fold. */
	static const char *const breaks[] = { "\xc2\x85", "\xe2\x80\xa8",
	    "\xe2\x80\xa9", NULL };
	static const char *const escaped[] = { "\\N", "\\L", "\\P" };
	size_t n = strlen(s);
	bool plain = n > 0 && strchr("-.+ ", s[0]) == NULL && s[n - 1] != ' ';

	for (const char *p = s; *p && plain; p++)
		plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80 ||
		    (*p != '\0' && strchr("_./+- ", *p) != NULL);
	for (int i = 0; words[i] && plain; i++)
		plain = strcasecmp(s, words[i]) != 0;
	for (int i = 0; breaks[i] && plain; i++)
		plain = strstr(s, breaks[i]) == NULL;
	if (plain) {
		kz_buf_puts(b, s);
		return;
	}
	kz_buf_put(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int br = -1;

		for (int i = 0; breaks[i]; i++)
			if (strncmp((const char *)p, breaks[i],
			    strlen(breaks[i])) == 0)
				br = i;
		if (br >= 0) {
			kz_buf_puts(b, escaped[br]);
			p += strlen(breaks[br]) - 1;
		} else if (*p == '"' || *p == '\\')
			kz_buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			kz_buf_puts(b, "\\n");
		else if (*p == '\t')
			kz_buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			kz_buf_printf(b, "\\x%02x", *p);
		else
			kz_buf_put(b, (const char *)p, 1);
	}
	kz_buf_put(b, "\"", 1);
}

char *
kz_config_yaml(const struct kz_config *cfg)
{
	struct kz_buf b = { 0 };
	const char *prev = "";

	for (size_t i = 0; i < NKEYS; i++) {
		const struct kz_key *k = &keys[i];
		const char *base = (const char *)cfg + k->off;
		const char *key = k->key, *p;
		size_t common = 0, depth = 0;

		/* Open the sections this key shares no longer with the one
		 * before: "office.id" after "user" opens "office:". */
		while (key[common] != '\0' && key[common] == prev[common])
			common++;
		while (common > 0 && key[common - 1] != '.')
			common--;
		for (p = key; p < key + common; p++)
			depth += *p == '.';
		while ((p = strchr(key + common, '.')) != NULL) {
			kz_buf_printf(&b, "%*s%.*s:\n", (int)depth * 2, "",
			    (int)(p - (key + common)), key + common);
			depth++;
			common = (size_t)(p - key) + 1;
		}
		kz_buf_printf(&b, "%*s%s: ", (int)depth * 2, "", key + common);
		switch (k->type) {
		case KT_STRING: {
			const char *v = *(char *const *)(const void *)base;

			if (v == NULL)
				kz_buf_puts(&b, "~");
			else
				yaml_value(&b, v);
			break;
		}
		case KT_INT:
			kz_buf_printf(&b, "%d", *(const int *)(const void *)base);
			break;
		case KT_ENUM:
			if (k->flags & KF_INDEX) {
				int idx = *(const int *)(const void *)base;
				int nch = 0;

				while (k->choices[nch])
					nch++;
				yaml_value(&b, k->choices[idx >= 0 && idx < nch ?
				    idx : 0]);
			} else
				yaml_value(&b, *(char *const *)(const void *)base);
			break;
		case KT_LIST: {
			char *const *list = *(char **const *)(const void *)base;
			size_t n = *(const size_t *)(const void *)
			    ((const char *)cfg + k->off_n);

			kz_buf_puts(&b, "[");
			for (size_t j = 0; j < n; j++) {
				if (j)
					kz_buf_puts(&b, ", ");
				yaml_value(&b, list[j]);
			}
			kz_buf_puts(&b, "]");
			break;
		}
		case KT_RECORDS: {
			const char *items = *(char *const *)(const void *)base;
			size_t n = *(const size_t *)(const void *)
			    ((const char *)cfg + k->off_n);

			if (n == 0)
				kz_buf_puts(&b, "[]");
			else if (b.len > 0 && b.s[b.len - 1] == ' ')
				b.s[--b.len] = '\0';	/* "costs:" ends its line */
			/* One item a line, in flow style: short and
			 * still plain to read. */
			for (size_t j = 0; j < n; j++) {
				const char *item = items + j * k->item_size;
				int m = 0;

				kz_buf_printf(&b, "\n%*s- {", (int)depth * 2 + 2,
				    "");
				for (const struct kz_subkey *sk = k->sub;
				    sk->name; sk++) {
					const void *f = item + sk->off;

					if (sk->type == KT_ENUM) {
						kz_buf_printf(&b, "%s%s: ", m++ ?
						    ", " : "", sk->name);
						yaml_value(&b, sk->choices[
						    *(const int *)f]);
					} else if (*(char *const *)f != NULL) {
						kz_buf_printf(&b, "%s%s: ", m++ ?
						    ", " : "", sk->name);
						yaml_value(&b, *(char *const *)f);
					}
				}
				kz_buf_puts(&b, "}");
			}
			break;
		}
		}
		kz_buf_puts(&b, "\n");
		prev = key;
	}
	return buf_done(&b);
}

char *
kz_config_doc_mdoc(void)
{
	struct kz_buf b = { 0 };

	kz_buf_puts(&b, ".Bl -tag -width Ds\n");
	for (size_t i = 0; i < NKEYS; i++) {
		const struct kz_key *k = &keys[i];

		kz_buf_printf(&b, ".It Cm %s", k->key);
		switch (k->type) {
		case KT_STRING:
			kz_buf_puts(&b, " Ar text\n");
			break;
		case KT_INT:
			kz_buf_puts(&b, " Ar number\n");
			break;
		case KT_LIST:
		case KT_RECORDS:
			kz_buf_puts(&b, " Ar list\n");
			break;
		case KT_ENUM:
			for (int j = 0; k->choices[j]; j++)
				kz_buf_printf(&b, "%s Cm %s", j ? " |" : "",
				    k->choices[j]);
			kz_buf_puts(&b, "\n");
			break;
		}
		kz_buf_printf(&b, "%s\n", k->doc);
		if (k->type == KT_INT)
			kz_buf_printf(&b, "From %d to %d.\n", k->min, k->max);
		if (k->flags & KF_REQUIRED)
			kz_buf_puts(&b, "Required.\n");
		else if (k->def_doc != NULL)
			kz_buf_printf(&b, "%s\n", k->def_doc);
		else if (k->def != NULL)
			kz_buf_printf(&b, "Default:\n.Ql %s .\n", k->def);
	}
	kz_buf_puts(&b, ".El\n");
	return buf_done(&b);
}
