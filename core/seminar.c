/* seminar.c - seminar series and their editions, with attendance. */
#include "seminar.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "json.h"
#include "rlist.h"
#include "specialist.h"	/* kz_str_set */
#include "text.h"

/* An edition's status, once: keywords stored, labels shown. */
static const char *const status_keywords[] = {
	"planned", "confirmed", "held", "cancelled", NULL,
};
const char *const kz_seminar_status_labels[] = {
	N_("planned"), N_("confirmed"), N_("held"), N_("cancelled"), NULL,
};
const struct kz_enum kz_seminar_status_enum = { "status", status_keywords,
	kz_seminar_status_labels };

const char *
kz_seminar_status_name(enum kz_seminar_status s)
{
	return kz_enum_keyword(&kz_seminar_status_enum, (int)s);
}

/* ---- series ---- */

#define S(m) offsetof(struct kz_series, m)
#define A(m) S(m), sizeof ((struct kz_series *)0)->m

/* One line a field, in the order forms and files show them. */
static const struct kz_rfield series_fields[] = {
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"),
	  .kind = KZ_RK_ID, .off = A(id) },
	{ .name = "code", .column = "code", .csv = "code", .option = "code",
	  .label = N_("code"), .kind = KZ_RK_TEXT, .off = S(code), .max = 32,
	  .flags = KZ_RF_REQUIRED, .hint = N_("Short handle: small letters, "
	  "digits, dashes, e.g. cj-seminar") },
	{ .name = "name", .column = "name", .csv = "name", .option = "name",
	  .label = NC_("not a person", "name"), .kind = KZ_RK_TEXT,
	  .off = S(name), .max = 200,
	  .flags = KZ_RF_REQUIRED | KZ_RF_LANGS, .trs = S(tr),
	  .hint = N_("e.g. 中日地方交流促进研讨会") },
	{ .name = "office", .column = "office", .csv = "office",
	  .option = "office", .label = N_("office"), .kind = KZ_RK_TEXT,
	  .off = S(office), .max = 100,
	  .hint = N_("Organising office id; empty: this office") },
	{ .name = "notes", .column = "notes", .csv = "notes",
	  .option = "notes", .label = N_("notes"), .kind = KZ_RK_NOTE,
	  .off = S(notes), .max = 4000,
	  .hint = N_("Anything else worth knowing") },
	KZ_RF_STAMPS(struct kz_series, st., NULL, NULL),
};

#undef S
#undef A

static struct kz_rtype_sql series_sql;
const struct kz_rtype kz_series_type = {
	.name = N_("seminar series"), .table = KZ_T_SERIES,
	.f = series_fields, .n = KZ_NFIELDS(series_fields),
	.sql = &series_sql,
};

void
kz_series_free(struct kz_series *s)
{
	kz_rtype_free(&kz_series_type, s);
	memset(s, 0, sizeof *s);
}

static bool
code_ok(const char *c)
{
	size_t n = strlen(c);

	if (n < 2 || n > 32 || !(c[0] >= 'a' && c[0] <= 'z'))
		return false;
	return c[strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789-")] == '\0';
}

static bool
office_ok(const char *o)
{
	size_t n = strlen(o);

	return n >= 2 && n <= 4 && o[strspn(o, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] ==
	    '\0';
}

/* The id of the series with this code, other than self; "" if none. */
static void
series_with_code(struct kz_db *db, const char *code, const char *self,
    char id[KZ_ID_SIZE])
{
	sqlite3_stmt *st;

	id[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM seminar_series WHERE "
	    "code = ?1 COLLATE NOCASE AND id IS NOT ?2", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	kz_bind_text(st, 2, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
	sqlite3_finalize(st);
}

int
kz_series_validate(struct kz_db *db, const struct kz_series *s,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	char other[KZ_ID_SIZE];

	kz_rtype_check(&kz_series_type, db, s, err);
	if (s->code && *s->code && !code_ok(s->code))
		kz_err_add(err, "code", _("code \"%s\" must be 2 to 32 small "
		    "letters, digits and dashes, starting with a letter, such "
		    "as cj-seminar"), s->code);
	else if (s->code && *s->code) {
		series_with_code(db, s->code, s->id[0] ? s->id : NULL, other);
		if (other[0])
			kz_err_add(err, "code", _("code \"%s\" is taken by "
			    "series %s"), s->code, other);
	}
	if (s->office && *s->office && !office_ok(s->office))
		kz_err_add(err, "office", _("office \"%s\" must be an office "
		    "id of 2 to 4 capitals, such as BJS"), s->office);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

static int
series_write(struct kz_db *db, struct kz_series *s, bool insert,
    struct kz_err *err)
{
	char seen[sizeof s->st.updated];
	int rc;

	if (kz_series_validate(db, s, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_SERIES, s->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_SERIES, s->id))
		return kz_err_add(err, "id", _("no seminar series %s"),
		    s->id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, s->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &s->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (insert)
		return kz_rtype_insert(db, &kz_series_type, s, err);
	if ((rc = kz_rtype_update_if(db, &kz_series_type, s, seen, err)))
		memcpy(s->st.updated, seen, sizeof seen);
	return rc;
}

int
kz_series_insert(struct kz_db *db, struct kz_series *s, struct kz_err *err)
{
	if ((s->office == NULL || *s->office == '\0') && db->cfg &&
	    kz_str_set(&s->office, db->cfg->office_id))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, series_write(db, s, true, err), err);
}

int
kz_series_update(struct kz_db *db, struct kz_series *s, struct kz_err *err)
{
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	return kz_db_end(db, series_write(db, s, false, err), err);
}

/* The stored columns, then the number of editions (not stored). */
static char *
series_select(const char *tail)
{
	const char *cols = kz_rtype_columns(&kz_series_type);

	return cols ? sqlite3_mprintf("SELECT %s, (SELECT count(*) FROM "
	    "seminar e WHERE e.series = seminar_series.id) FROM "
	    "seminar_series %s", cols, tail) : NULL;
}

static int
series_row(sqlite3_stmt *st, struct kz_series *s)
{
	memset(s, 0, sizeof *s);
	s->editions = sqlite3_column_int64(st, kz_series_type.sql->ncols);
	return kz_rtype_row(&kz_series_type, st, 0, s);
}

static int
series_prepare(struct kz_db *db, const char *tail, sqlite3_stmt **st,
    struct kz_err *err)
{
	char *q = series_select(tail);
	int rc;

	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	rc = sqlite3_prepare_v2(db->sql, q, -1, st, NULL);
	sqlite3_free(q);
	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, err, "series");
}

/* A series by code, or by id as typed. */
static int
series_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	series_with_code(db, typed ? typed : "", NULL, id);
	if (id[0])
		return KZ_OK;
	return kz_record_resolve(db, KZ_T_SERIES, typed, id, err);
}

int
kz_series_get(struct kz_db *db, const char *typed, struct kz_series *s,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];

	memset(s, 0, sizeof *s);
	if (series_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (series_prepare(db, "WHERE id = ?", &st, err))
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && series_row(st, s)) {
		sqlite3_finalize(st);
		kz_series_free(s);
		return kz_err_add(err, "", _("out of memory"));
	}
	sqlite3_finalize(st);
	if (s->id[0] && kz_rtype_tr_load(db, &kz_series_type, s, err)) {
		kz_series_free(s);
		return KZ_ERROR;
	}
	return s->id[0] ? KZ_OK : kz_err_add(err, "series", _("no seminar "
	    "series \"%s\""), typed);
}

int
kz_series_list(struct kz_db *db, struct kz_series **out, size_t *n,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	struct kz_series *l = NULL, *g;

	*out = NULL;
	*n = 0;
	if (series_prepare(db, "ORDER BY code", &st, err))
		return KZ_ERROR;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			sqlite3_finalize(st);
			kz_series_list_free(l, *n);
			*n = 0;
			return kz_err_add(err, "", _("out of memory"));
		}
		l = g;
		if (series_row(st, &l[(*n)++])) {
			sqlite3_finalize(st);
			kz_series_list_free(l, *n);
			*n = 0;
			return kz_err_add(err, "", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < *n; i++)
		if (kz_rtype_tr_load(db, &kz_series_type, &l[i], err)) {
			kz_series_list_free(l, *n);
			*n = 0;
			return KZ_ERROR;
		}
	*out = l;
	return KZ_OK;
}

void
kz_series_list_free(struct kz_series *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kz_series_free(&l[i]);
	free(l);
}

/* A series with editions stays; s is read either way. */
static int
series_delete_check(struct kz_db *db, const char *typed, struct kz_series *s,
    struct kz_err *err)
{
	if (kz_series_get(db, typed, s, err))
		return KZ_ERROR;
	if (s->editions > 0) {
		kz_err_add(err, "series", ngettext("series %s has %ld edition: "
		    "delete it first", "series %s has %ld editions: delete "
		    "them first", (unsigned long)s->editions), s->code,
		    s->editions);
		kz_series_free(s);
		return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_series_delete_check(struct kz_db *db, const char *typed,
    struct kz_err *err)
{
	struct kz_series s;

	if (series_delete_check(db, typed, &s, err))
		return KZ_ERROR;
	kz_series_free(&s);
	return KZ_OK;
}

int
kz_series_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	struct kz_series s;
	const char *v[1];
	int rc;

	if (series_delete_check(db, typed, &s, err))
		return KZ_ERROR;
	v[0] = s.id;
	if ((rc = kz_db_begin(db, err)) == KZ_OK)
		rc = kz_db_end(db, kz_sql_run(db, err, "DELETE FROM "
		    "seminar_series WHERE id = ?", 1, v), err);
	kz_series_free(&s);
	return rc;
}

/* ---- editions: memory ---- */

void
kz_seminar_init(struct kz_seminar *s)
{
	memset(s, 0, sizeof *s);
	s->attendance = -1;
}

static void
clear_parts(struct kz_seminar *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		free(s->parts[i].label);
	free(s->parts);
	s->parts = NULL;
	s->nparts = 0;
}

void
kz_seminar_free(struct kz_seminar *s)
{
	kz_rtype_free(&kz_seminar_type, s);
	clear_parts(s);
	kz_stamps_free(&s->st);
	kz_seminar_init(s);
}

int
kz_seminar_add_part(struct kz_seminar *s, const char *label, long count)
{
	struct kz_seminar_part *p = kz_grow(s->parts, s->nparts, sizeof *p);

	if (p == NULL)
		return KZ_ERROR;
	s->parts = p;
	if ((p[s->nparts].label = strdup(label ? label : "")) == NULL)
		return KZ_ERROR;
	p[s->nparts++].count = count;
	return KZ_OK;
}

/* Full-width punctuation as people type it in Chinese and Japanese, made
 * ASCII so one parser reads both. */
static void
ascii_punct(char *s)
{
	static const struct { const char *wide; char ascii; } map[] = {
		{ "\xef\xbc\x8c", ',' }, { "\xe3\x80\x81", ',' },	/* ，、 */
		{ "\xef\xbc\x9b", ';' }, { "\xef\xbc\x9a", ':' },	/* ；： */
	};
	char *p;

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		while ((p = strstr(s, map[i].wide)) != NULL) {
			*p = map[i].ascii;
			memmove(p + 1, p + 3, strlen(p + 3) + 1);
		}
}

/* "digits" to a count; -1 if it is not one */
static long
count_of(const char *s)
{
	if (*s == '\0' || strlen(s) > 7 || s[strspn(s, "0123456789")] != '\0')
		return -1;
	return atol(s);
}

int
kz_seminar_parse_attendance(struct kz_seminar *s, const char *text,
    struct kz_err *err)
{
	char *copy, *total, *rest, *piece;
	int rc = KZ_OK;

	clear_parts(s);
	s->attendance = -1;
	if (text == NULL || *text == '\0')
		return KZ_OK;
	if ((copy = strdup(text)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	ascii_punct(copy);
	rest = strchr(copy, ':');
	if (rest)
		*rest++ = '\0';
	total = kz_trim(copy);
	if (*total && (s->attendance = count_of(total)) < 0)
		rc = kz_err_add(err, "attendance", _("attendance must start "
		    "with the total, as in \"178: Japanese 61, Chinese 117\", "
		    "not \"%s\""), total);
	while (rest && (piece = strsep(&rest, ",;")) != NULL) {
		char *p = kz_trim(piece), *num;
		size_t n = strlen(p);

		if (*p == '\0')
			continue;
		while (n > 0 && p[n - 1] >= '0' && p[n - 1] <= '9')
			n--;
		num = p + n;
		if (*num == '\0' || n == 0) {
			rc = kz_err_add(err, "attendance", _("\"%s\" is not a "
			    "side or country with a number, such as "
			    "\"Japanese 61\""), p);
			continue;
		}
		long c = count_of(num);
		*num = '\0';
		if (c < 0 || kz_seminar_add_part(s, kz_trim(p), c)) {
			rc = kz_err_add(err, "attendance", _("\"%s\" is not a "
			    "number of people"), num);
		}
	}
	free(copy);
	return rc;
}

char *
kz_seminar_format_attendance(const struct kz_seminar *s)
{
	struct kz_buf b = { 0 };

	if (s->attendance >= 0)
		kz_buf_printf(&b, "%ld", s->attendance);
	for (size_t i = 0; i < s->nparts; i++)
		kz_buf_printf(&b, "%s%s %ld", i ? ", " : ": ", s->parts[i].label,
		    s->parts[i].count);
	if (b.oom) {
		kz_buf_free(&b);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

void
kz_seminar_place(const struct kz_seminar *s, char *out, size_t size)
{
	if (s->city && s->region)
		snprintf(out, size, "%s (%s)", s->city, s->region);
	else
		snprintf(out, size, "%s", s->city ? s->city : s->region ?
		    s->region : "");
}

void
kz_seminar_label(const struct kz_seminar *s, char *out, size_t size)
{
	if (s->number > 0)
		snprintf(out, size, "%s/%d", s->series_code, s->number);
	else
		snprintf(out, size, "%s/%d", s->series_code, s->year);
}

/* ---- editions: the table ---- */

static int
att_parse(void *rec, const char *text, struct kz_err *err)
{
	return kz_seminar_parse_attendance(rec, text, err);
}

static char *
att_format(const void *rec)
{
	return kz_seminar_format_attendance(rec);
}

/* {"total": 178, "by": [{"label": "Japanese", "count": 61}, ...]}: the
 * total (null when not known) and the parts, in their order */
static int
att_json(const void *rec, struct kz_buf *out)
{
	const struct kz_seminar *s = rec;

	if (s->attendance >= 0)
		kz_buf_printf(out, "{\"total\": %ld, \"by\": [", s->attendance);
	else
		kz_buf_puts(out, "{\"total\": null, \"by\": [");
	for (size_t i = 0; i < s->nparts; i++) {
		kz_buf_puts(out, i ? ", {\"label\": " : "{\"label\": ");
		kz_json_str(out, s->parts[i].label);
		kz_buf_printf(out, ", \"count\": %ld}", s->parts[i].count);
	}
	kz_buf_puts(out, "]}");
	return out->oom ? KZ_ERROR : KZ_OK;
}

/* The total is the row's column; the parts are seminar_attendance rows,
 * which the edition's write and read handle. */
static void
att_bind(const void *rec, sqlite3_stmt *st, int n)
{
	const struct kz_seminar *s = rec;

	if (s->attendance < 0)
		sqlite3_bind_null(st, n);
	else
		sqlite3_bind_int64(st, n, s->attendance);
}

static void
att_load(void *rec, sqlite3_stmt *st, int c)
{
	struct kz_seminar *s = rec;

	s->attendance = sqlite3_column_type(st, c) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(st, c);
}

/* The series as typed, a code or an id: kept as the code to show, and
 * resolved to the id when the edition is written. */
static int
series_parse(void *rec, const char *text, struct kz_err *err)
{
	struct kz_seminar *s = rec;

	if (kz_copy_value(s->series_code, sizeof s->series_code, text,
	    "series", _("series"), err))
		return KZ_ERROR;
	/* a code too long for an id is resolved by its code alone */
	s->series[0] = '\0';
	if (strlen(s->series_code) < sizeof s->series)
		memcpy(s->series, s->series_code, strlen(s->series_code) + 1);
	return KZ_OK;
}

static int
series_show(const void *rec, const struct kz_config *cfg, struct kz_buf *out)
{
	const struct kz_seminar *s = rec;

	(void)cfg;
	kz_buf_puts(out, s->series_code[0] ? s->series_code : s->series);
	return out->oom ? KZ_ERROR : KZ_OK;
}

static char *
ref_format(const void *rec)
{
	const struct kz_seminar *s = rec;
	char ref[96];

	if (!s->series_code[0])
		return strdup("");
	kz_seminar_label(s, ref, sizeof ref);
	return strdup(ref);
}

static char *
count_format(long n)
{
	char num[24];

	snprintf(num, sizeof num, "%ld", n);
	return strdup(num);
}

static int
count_json(long n, struct kz_buf *out)
{
	kz_buf_printf(out, "%ld", n);
	return out->oom ? KZ_ERROR : KZ_OK;
}

static char *
items_format(const void *rec)
{
	return count_format(((const struct kz_seminar *)rec)->items);
}

static int
items_json(const void *rec, struct kz_buf *out)
{
	return count_json(((const struct kz_seminar *)rec)->items, out);
}

static int
items_show(const void *rec, const struct kz_config *cfg, struct kz_buf *out)
{
	long n = ((const struct kz_seminar *)rec)->items;

	(void)cfg;
	kz_buf_printf(out, ngettext("%ld item", "%ld items", (unsigned long)n),
	    n);
	return out->oom ? KZ_ERROR : KZ_OK;
}

static char *
people_format(const void *rec)
{
	return count_format(((const struct kz_seminar *)rec)->participants);
}

static int
people_json(const void *rec, struct kz_buf *out)
{
	return count_json(((const struct kz_seminar *)rec)->participants, out);
}

#define S(m) offsetof(struct kz_seminar, m)
#define A(m) S(m), sizeof ((struct kz_seminar *)0)->m

/* One line a field, in the order forms, files and panes show them. */
static const struct kz_rfield seminar_fields[] = {
	{ .name = "ref", .label = N_("edition"), .kind = KZ_RK_MADE,
	  .format = ref_format },
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"),
	  .kind = KZ_RK_ID, .off = A(id) },
	{ .name = "series", .column = "series", .csv = "series",
	  .option = "series", .label = N_("series"), .kind = KZ_RK_REF,
	  .off = A(series), .ref = KZ_T_SERIES, .flags = KZ_RF_REQUIRED,
	  .parse = series_parse, .show = series_show,
	  .hint = N_("The series' code, e.g. cj-seminar") },
	{ .name = "number", .column = "number", .csv = "number",
	  .option = "number", .label = N_("edition number"), .kind = KZ_RK_INT,
	  .off = S(number), .min = 1, .max = 9999, .flags = KZ_RF_ZERO_NULL,
	  .hint = N_("e.g. 18; empty when the series does not number its "
	  "editions") },
	{ .name = "year", .column = "year", .csv = "year", .option = "year",
	  .label = N_("year"), .kind = KZ_RK_INT, .off = S(year), .min = 1900,
	  .max = 2199, .flags = KZ_RF_REQUIRED, .hint = N_("e.g. 2019") },
	{ .name = "title", .column = "title", .csv = "title", .option = "title",
	  .label = N_("title"), .kind = KZ_RK_TEXT, .off = S(title),
	  .max = 200, .flags = KZ_RF_LANGS, .trs = S(tr),
	  .hint = N_("Empty: the series' name and the number") },
	{ .name = "theme", .column = "theme", .csv = "theme", .option = "theme",
	  .label = N_("theme"), .kind = KZ_RK_TEXT, .off = S(theme),
	  .max = 500, .flags = KZ_RF_LANGS, .trs = S(tr),
	  .hint = N_("e.g. Tourism Promotion; Multiculturalism") },
	{ .name = "start", .column = "start", .csv = "start", .option = "start",
	  .label = N_("first day"), .kind = KZ_RK_DATE, .off = A(start),
	  .hint = N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027") },
	{ .name = "end", .column = "end", .csv = "end", .option = "end",
	  .label = N_("last day"), .kind = KZ_RK_DATE, .off = A(end),
	  .hint = N_("A date (2027-01-31, 2027年1月31日 or 31 Jan 2027); "
	  "empty for a one-day edition") },
	{ .name = "city", .column = "city", .csv = "city", .option = "city",
	  .label = N_("host city"), .kind = KZ_RK_TEXT, .off = S(city),
	  .max = 100, .hint = N_("e.g. 福州市, or Tokyo, Shimonoseki") },
	{ .name = "region", .column = "region", .csv = "region",
	  .option = "region", .label = N_("region"), .kind = KZ_RK_TEXT,
	  .off = S(region), .max = 100,
	  .hint = N_("Province or prefecture, e.g. 福建省") },
	{ .name = "country", .column = "country", .csv = "country",
	  .option = "country", .label = N_("country"), .kind = KZ_RK_COUNTRY,
	  .off = A(country), .hint = N_("ISO code: CN, JP, SG, ...") },
	{ .name = "organiser", .column = "organiser", .csv = "organiser",
	  .option = "organiser", .label = N_("organiser"), .kind = KZ_RK_TEXT,
	  .off = S(organiser), .max = 300, .hint = N_("e.g. CLAIR") },
	{ .name = "co_organisers", .column = "co_organisers",
	  .csv = "co_organisers", .option = "co-organisers",
	  .label = N_("co-organisers"), .kind = KZ_RK_TEXT,
	  .off = S(co_organisers), .max = 1000, .hint = N_("Separated by ;") },
	{ .name = "supporters", .column = "supporters", .csv = "supporters",
	  .option = "supporters", .label = N_("supporters"),
	  .kind = KZ_RK_TEXT, .off = S(supporters), .max = 1000,
	  .hint = N_("Separated by ;") },
	{ .name = "status", .column = "status", .csv = "status",
	  .option = "status", .label = N_("status"), .kind = KZ_RK_ENUM,
	  .off = S(status), .values = &kz_seminar_status_enum,
	  .hint = N_("Space, or the first letter") },
	/* the total in the row, the parts in seminar_attendance */
	{ .name = "attendance", .column = "attendance", .csv = "attendance",
	  .option = "attendance", .label = N_("attendance"),
	  .kind = KZ_RK_LIST, .parse = att_parse, .format = att_format,
	  .json = att_json, .bind = att_bind, .load = att_load,
	  .hint = N_("Total: parts, e.g. 178: Japanese 61, Chinese 117") },
	{ .name = "notes", .column = "notes", .csv = "notes", .option = "notes",
	  .label = N_("notes"), .kind = KZ_RK_NOTE, .off = S(notes),
	  .max = 4000, .hint = N_("Anything else worth knowing") },
	{ .name = "items", .label = N_("programme"), .kind = KZ_RK_MADE,
	  .format = items_format, .json = items_json, .show = items_show },
	{ .name = "participants", .label = N_("participants"),
	  .kind = KZ_RK_MADE, .format = people_format, .json = people_json },
	KZ_RF_STAMPS(struct kz_seminar, st., NULL, NULL),
};

#undef S
#undef A

static struct kz_rtype_sql seminar_sql;
const struct kz_rtype kz_seminar_type = {
	.name = N_("seminar"), .table = KZ_T_SEMINAR,
	.f = seminar_fields, .n = KZ_NFIELDS(seminar_fields),
	.sql = &seminar_sql,
};

/* ---- editions: rules ---- */

/* Programme items of a stored edition outside [start, end]. */
static void
check_items_inside(struct kz_db *db, const struct kz_seminar *s,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	long n = 0;
	char first[300] = "";

	if (sqlite3_prepare_v2(db->sql, "SELECT date, title FROM "
	    "programme_item WHERE seminar = ?1 AND (?2 IS NULL OR date < ?2 OR "
	    "date > ?3) ORDER BY date, start", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, s->id, -1, SQLITE_STATIC);
	kz_bind_text(st, 2, s->start);
	kz_bind_text(st, 3, s->end);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(first, sizeof first, "%s %s",
			    sqlite3_column_text(st, 0),
			    sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (n > 0 && s->start[0])
		kz_err_add(err, "start", _("%ld programme items would fall "
		    "outside %s..%s, the first %s"), n, s->start, s->end, first);
	else if (n > 0)
		kz_err_add(err, "start", _("the edition has %ld programme items: "
		    "it needs its dates"), n);
}

/* The edition of the series with this number, other than self. */
static void
edition_with_number(struct kz_db *db, const char *series, int number,
    const char *self, char id[KZ_ID_SIZE])
{
	sqlite3_stmt *st;

	id[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "SELECT id FROM seminar WHERE "
	    "series = ?1 AND number = ?2 AND id IS NOT ?3", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, number);
	kz_bind_text(st, 3, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
	sqlite3_finalize(st);
}

int
kz_seminar_validate(struct kz_db *db, const struct kz_seminar *s,
    struct kz_err *err)
{
	int before = err->n + err->dropped;
	char other[KZ_ID_SIZE];
	long sum = 0;
	bool stored = s->id[0] && kz_record_exists(db, KZ_T_SEMINAR, s->id);

	/* kinds and limits: series, number, year, dates, texts, country,
	 * status */
	kz_rtype_check(&kz_seminar_type, db, s, err);
	if (s->number > 0 && s->number <= 9999 && s->series[0]) {
		edition_with_number(db, s->series, s->number, stored ? s->id :
		    NULL, other);
		if (other[0])
			kz_err_add(err, "number", _("edition %d of this series "
			    "exists already (%s)"), s->number, other);
	}
	if (!s->start[0] != !s->end[0])
		kz_err_add(err, s->start[0] ? "end" : "start", _("give both the "
		    "first and the last day, or neither"));
	else if (kz_date_valid(s->start) && kz_date_valid(s->end)) {
		if (strcmp(s->end, s->start) < 0)
			kz_err_add(err, "end", _("the edition ends (%s) before "
			    "it starts (%s)"), s->end, s->start);
		if (atoi(s->start) != s->year)
			kz_err_add(err, "start", _("the first day %s is not in "
			    "the edition's year %d"), s->start, s->year);
	}
	if (s->attendance > 1000000)
		kz_err_add(err, "attendance", _("attendance of %ld is not "
		    "believable"), s->attendance);
	for (size_t i = 0; i < s->nparts; i++) {
		const struct kz_seminar_part *p = &s->parts[i];

		kz_check_text(err, "attendance", _("side or country"), p->label,
		    60, KZ_TEXT_REQUIRED);
		if (p->count < 0)
			kz_err_add(err, "attendance", _("\"%s\" has a negative "
			    "count"), p->label);
		for (size_t j = 0; j < i; j++)
			if (strcmp(s->parts[j].label, p->label) == 0)
				kz_err_add(err, "attendance", _("\"%s\" is "
				    "counted twice"), p->label);
		sum += p->count;
	}
	if (s->nparts > 0 && s->attendance < 0)
		kz_err_add(err, "attendance", _("give the total before the "
		    "parts, as in \"178: Japanese 61, Chinese 117\""));
	else if (s->nparts > 0 && sum > s->attendance)
		kz_err_add(err, "attendance", _("the parts add up to %ld, more "
		    "than the total of %ld"), sum, s->attendance);
	if (stored)
		check_items_inside(db, s, err);
	return err->n + err->dropped > before ? KZ_ERROR : KZ_OK;
}

/* ---- editions: storage ---- */

static int
write_parts(struct kz_db *db, const struct kz_seminar *s, struct kz_err *err)
{
	char count[24], pos[24];
	const char *v[4] = { s->id };

	if (kz_sql_run(db, err, "DELETE FROM seminar_attendance WHERE "
	    "seminar = ?", 1, v))
		return KZ_ERROR;
	for (size_t i = 0; i < s->nparts; i++) {
		snprintf(count, sizeof count, "%ld", s->parts[i].count);
		snprintf(pos, sizeof pos, "%zu", i);
		v[1] = s->parts[i].label;
		v[2] = count;
		v[3] = pos;
		if (kz_sql_run(db, err, "INSERT INTO seminar_attendance "
		    "(seminar, label, count, position) VALUES (?, ?, "
		    "CAST(? AS INTEGER), CAST(? AS INTEGER))", 4, v))
			return KZ_ERROR;
	}
	return KZ_OK;
}

int
kz_seminar_resolve_series(struct kz_db *db, struct kz_seminar *s,
    struct kz_err *err)
{
	struct kz_series ser;
	const char *typed = s->series_code[0] ? s->series_code : s->series;

	if (s->series[0] && kz_record_exists(db, KZ_T_SERIES, s->series))
		return KZ_OK;
	if (*typed == '\0')
		return KZ_OK;	/* the table's check says it is required */
	if (kz_series_get(db, typed, &ser, err))
		return KZ_ERROR;
	memcpy(s->series, ser.id, KZ_ID_SIZE);
	snprintf(s->series_code, sizeof s->series_code, "%s", ser.code);
	kz_series_free(&ser);
	return KZ_OK;
}

static int
seminar_write(struct kz_db *db, struct kz_seminar *s, bool insert,
    struct kz_err *err)
{
	char seen[sizeof s->st.updated];
	int rc;

	/* a one-day edition may give its day once */
	if (s->start[0] && !s->end[0])
		memcpy(s->end, s->start, sizeof s->end);
	if (kz_seminar_resolve_series(db, s, err))
		return KZ_ERROR;
	if (kz_seminar_validate(db, s, err) != KZ_OK)
		return KZ_ERROR;
	if (insert && kz_record_assign_id(db, KZ_T_SEMINAR, s->id, err))
		return KZ_ERROR;
	if (!insert && !kz_record_exists(db, KZ_T_SEMINAR, s->id))
		return kz_err_add(err, "id", _("no seminar %s"), s->id);
	/* the stamp it was read with: the row must still have it */
	memcpy(seen, s->st.updated, sizeof seen);
	if (kz_stamps_touch(db, &s->st, insert))
		return kz_err_add(err, "", _("out of memory"));
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if ((rc = insert ? kz_rtype_insert(db, &kz_seminar_type, s, err) :
	    kz_rtype_update_if(db, &kz_seminar_type, s, seen, err)) ||
	    (rc = write_parts(db, s, err))) {
		kz_db_rollback(db);
		if (!insert)
			memcpy(s->st.updated, seen, sizeof seen);
		return rc;
	}
	return kz_db_commit(db, err);
}

int
kz_seminar_insert(struct kz_db *db, struct kz_seminar *s, struct kz_err *err)
{
	return seminar_write(db, s, true, err);
}

int
kz_seminar_update(struct kz_db *db, struct kz_seminar *s, struct kz_err *err)
{
	return seminar_write(db, s, false, err);
}

int
kz_seminar_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	const char *slash = typed ? strrchr(typed, '/') : NULL;
	char series[KZ_ID_SIZE], code[64];

	id[0] = '\0';
	if (slash && (size_t)(slash - typed) < sizeof code &&
	    count_of(slash + 1) > 0) {
		long v = count_of(slash + 1);
		bool year = strlen(slash + 1) == 4 && v >= 1900;
		sqlite3_stmt *st;
		int found = 0;

		snprintf(code, sizeof code, "%.*s", (int)(slash - typed), typed);
		if (series_resolve(db, code, series, err))
			return KZ_ERROR;
		if (sqlite3_prepare_v2(db->sql, year ? "SELECT id FROM seminar "
		    "WHERE series = ? AND year = ? LIMIT 2" : "SELECT id FROM "
		    "seminar WHERE series = ? AND number = ?", -1, &st, NULL) !=
		    SQLITE_OK)
			return kz_db_fail(db, err, "seminar");
		sqlite3_bind_text(st, 1, series, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, v);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (found++ == 0)
				kz_col_copy(st, 0, id, KZ_ID_SIZE);
		sqlite3_finalize(st);
		if (found == 1)
			return KZ_OK;
		if (found > 1)
			return kz_err_add(err, "seminar", _("series %s held "
			    "more than one edition in %ld: name it by number "
			    "or id"), code, v);
		return kz_err_add(err, "seminar", year ? _("series %s has no "
		    "edition in %ld") : _("series %s has no edition %ld"),
		    code, v);
	}
	return kz_record_resolve(db, KZ_T_SEMINAR, typed, id, err);
}

/* The stored columns; tail filters. */
static int
seminar_prepare(struct kz_db *db, const char *tail, sqlite3_stmt **st,
    struct kz_err *err)
{
	const char *cols = kz_rtype_columns(&kz_seminar_type);
	char *q;
	int rc;

	if (cols == NULL || (q = sqlite3_mprintf("SELECT %s FROM seminar %s",
	    cols, tail)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	rc = sqlite3_prepare_v2(db->sql, q, -1, st, NULL);
	sqlite3_free(q);
	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, err, "seminar");
}

int
kz_seminar_fill(struct kz_db *db, void *rec, struct kz_err *err)
{
	static const char counts[] = "SELECT (SELECT code FROM "
	    "seminar_series g WHERE g.id = ?1), (SELECT count(*) FROM "
	    "programme_item i WHERE i.seminar = ?2), (SELECT count(*) FROM "
	    "participant p WHERE p.seminar = ?2)";
	static const char parts[] = "SELECT label, count FROM "
	    "seminar_attendance WHERE seminar = ? ORDER BY position, label";
	struct kz_seminar *s = rec;
	sqlite3_stmt *st;
	int rc = KZ_OK;

	if ((st = kz_db_stmt(db, counts)) == NULL)
		return kz_db_fail(db, err, "seminar");
	sqlite3_bind_text(st, 1, s->series, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, s->series_code, sizeof s->series_code);
		s->items = sqlite3_column_int64(st, 1);
		s->participants = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if ((st = kz_db_stmt(db, parts)) == NULL)
		return kz_db_fail(db, err, "seminar");
	sqlite3_bind_text(st, 1, s->id, -1, SQLITE_STATIC);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = kz_seminar_add_part(s, (const char *)sqlite3_column_text(
		    st, 0), sqlite3_column_int64(st, 1));
	sqlite3_reset(st);
	return rc == KZ_OK ? KZ_OK : kz_err_add(err, "", _("out of memory"));
}

int
kz_seminar_get(struct kz_db *db, const char *typed, struct kz_seminar *s,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char id[KZ_ID_SIZE];
	int rc = KZ_ERROR;

	kz_seminar_init(s);
	if (kz_seminar_resolve(db, typed, id, err))
		return KZ_ERROR;
	if (seminar_prepare(db, "WHERE id = ?", &st, err))
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (rc = kz_rtype_row(&kz_seminar_type, st, 0, s)) == KZ_OK &&
	    (rc = kz_seminar_fill(db, s, err)) == KZ_OK)
		rc = kz_rtype_tr_load(db, &kz_seminar_type, s, err);
	sqlite3_finalize(st);
	if (rc != KZ_OK) {
		kz_seminar_free(s);
		return kz_err_add(err, "seminar", _("cannot read seminar %s"),
		    id);
	}
	return KZ_OK;
}

int
kz_seminar_list(struct kz_db *db, const struct kz_seminar_query *q,
    struct kz_seminar **out, size_t *n, struct kz_err *err)
{
	struct kz_rlist_query rq;
	struct kz_rlist_cursor c;
	struct kz_seminar *l = NULL, *g;
	char series[KZ_ID_SIZE] = "", year[16];
	int rc;

	*out = NULL;
	*n = 0;
	kz_rlist_query_init(&rq, &kz_rlist_seminars);
	if (q && q->series && *q->series) {
		if (series_resolve(db, q->series, series, err))
			return KZ_ERROR;
		kz_rlist_set(&rq, "series", series);
	}
	if (q && q->year) {
		snprintf(year, sizeof year, "%d", q->year);
		kz_rlist_set(&rq, "year", year);
	}
	if (q && q->status >= 0)
		kz_rlist_set(&rq, "status", kz_seminar_status_name(
		    (enum kz_seminar_status)q->status));
	if (q && q->text)
		kz_rlist_set(&rq, "search", q->text);
	if (kz_rlist_open(db, &rq, &c, err) != KZ_OK)
		return KZ_ERROR;
	/* each row's record is taken over, and the cursor's left empty */
	while ((rc = kz_rlist_next(&c, err)) == 1) {
		if ((g = kz_grow(l, *n, sizeof *g)) == NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		l = g;
		memcpy(&l[(*n)++], c.rec, sizeof *l);
		memset(c.rec, 0, sizeof *l);
	}
	kz_rlist_close(&c);
	if (rc != 0) {
		kz_seminar_list_free(l, *n);
		*n = 0;
		return KZ_ERROR;
	}
	*out = l;
	return KZ_OK;
}

void
kz_seminar_list_free(struct kz_seminar *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kz_seminar_free(&l[i]);
	free(l);
}

int
kz_seminar_delete(struct kz_db *db, const char *typed, struct kz_err *err)
{
	char id[KZ_ID_SIZE];
	const char *v[] = { id };

	if (kz_seminar_resolve(db, typed, id, err) || kz_db_begin(db, err))
		return KZ_ERROR;
	/* programme, participants and attendance go with ON DELETE CASCADE */
	return kz_db_end(db, kz_sql_run(db, err, "DELETE FROM seminar WHERE "
	    "id = ?", 1, v), err);
}
