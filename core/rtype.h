/* rtype.h - a record type as one table of fields, and what is derived from it. */
#ifndef KZ_RTYPE_H
#define KZ_RTYPE_H

/*
 * Every record type (a specialist, a request, ...) is described once, a
 * line per field, in the manner of the configuration schema: its name
 * (error places, JSON keys, form keys), its SQL column, its CSV header,
 * its command-line option, its label, its kind and limits, and whether
 * it is personal data. SQL column lists, checks, CSV, JSON, command-line
 * options, form fields and detail panes are made from that table, so a
 * new field is a table line and a migration.
 */

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "db.h"
#include "money.h"
#include "record.h"
#include "tr.h"

/* An enumeration: the keywords stored and the words shown, in order;
 * both NULL-terminated. Labels are N_() marked (core/i18n.h). */
struct kz_enum {
	const char *name;		/* "level", for messages */
	const char *const *keywords;
	const char *const *labels;
};

int kz_enum_count(const struct kz_enum *e);
/* The keyword of value v, or "?" out of range. */
const char *kz_enum_keyword(const struct kz_enum *e, int v);
/* The label of value v in the reader's language. */
const char *kz_enum_label(const struct kz_enum *e, int v);
/* A keyword, or a label in English or in the reader's language, any
 * case; -1 if none. */
int kz_enum_parse(const struct kz_enum *e, const char *s);
/* "a, b or c" for messages, into out: the labels in the reader's
 * language where translated, else the keywords. */
void kz_enum_list(const struct kz_enum *e, char *out, size_t size);

/* What a field holds, and so how it is stored, checked and written. */
enum kz_rkind {
	KZ_RK_ID,	/* char[KZ_ID_SIZE]: the record's own id */
	KZ_RK_TEXT,	/* char *: one line */
	KZ_RK_NOTE,	/* char *: lines and tabs allowed */
	KZ_RK_EMAIL,	/* char *: name@example.org */
	KZ_RK_PHONE,	/* char *: digits and + - ( ) . / */
	KZ_RK_DATE,	/* char[11]: YYYY-MM-DD */
	KZ_RK_INT,	/* int, min..max; 0 stored as NULL with KZ_RF_ZERO_NULL */
	KZ_RK_ENUM,	/* int: an index of .values */
	KZ_RK_COUNTRY,	/* char[3]: ISO 3166-1 alpha-2 */
	KZ_RK_REF,	/* char[KZ_ID_SIZE]: the id of a record of .ref */
	KZ_RK_LIST,	/* rows of a child table: .parse, .format, .json;
			 * with a .column, also a value of the record's own
			 * row, stored through .bind and read through .load
			 * (an edition's attendance: the total in its row,
			 * the parts in child rows) */
	KZ_RK_STAMP,	/* char[32]: a UTC time core sets */
	KZ_RK_USER,	/* char *: who, as core sets it */
	KZ_RK_CODE,	/* char[size]: a short code such as an office, BJS;
			 * the record's validate checks its form */
	KZ_RK_MONEY,	/* kz_money: whole minor units (core/money.h), its
			 * text in the decimals of the currency at .cur
			 * (a char[4] of the same record); with KZ_RF_HAS a
			 * bool at .has says it is set (else NULL) */
	KZ_RK_CURRENCY,	/* char[4]: an ISO 4217 code such as JPY */
	KZ_RK_TIME,	/* char[6]: a time of day HH:MM, "" for none; what
			 * kz_time_normalise takes ("9:30", "0930"), stored
			 * normalised */
	KZ_RK_ZONE,	/* char[size]: an IANA time zone, Asia/Tokyo */
	KZ_RK_MADE,	/* made from other values by core, never set nor
			 * stored (an edition's "cj-seminar/18", its
			 * number of items): .format, and .json and .show
			 * where they differ */
};

/* What a text or list field's codes are, for pick lists (core/choice.h);
 * an enumeration and a country know theirs. */
enum kz_codes {
	KZ_CODES_NONE,
	KZ_CODES_ENUM,		/* the field's .values */
	KZ_CODES_COUNTRY,	/* ISO 3166-1 (core/country.h) */
	KZ_CODES_FIELD,		/* fields of expertise (config/fields.yaml) */
	KZ_CODES_COST,		/* cost categories (core/cost.h) */
	KZ_CODES_SUBDIVISION,	/* provinces, prefectures (ISO 3166-2) */
	KZ_CODES_ITEM_KIND,	/* a programme item's kind, typed as text */
	KZ_CODES_LANGUAGE,	/* ISO 639 languages (core/language.h) */
	KZ_CODES_CURRENCY,	/* ISO 4217 currencies */
	KZ_CODES_PROGRAMME,	/* a programme's tally key (core/tally.h) */
};

#define KZ_RF_REQUIRED	0x01	/* may not be empty */
#define KZ_RF_PERSONAL	0x02	/* personal data (contact details, a
				 * participant's needs and notes): listed
				 * and exported only when asked */
#define KZ_RF_CREATED	0x04	/* a creation stamp: never updated */
#define KZ_RF_ZERO_NULL	0x08	/* INT: 0 means unknown, stored NULL */
#define KZ_RF_STATE	0x10	/* a lifecycle state: inserted, never
				 * updated (only its transitions change
				 * it); give it no option */
#define KZ_RF_HAS	0x20	/* MONEY: a bool at .has says whether the
				 * amount is set; unset is stored NULL */
#define KZ_RF_LANGS	0x40	/* TEXT, NOTE: the original text, which may
				 * also be held in other languages (tr.h):
				 * the record's struct kz_trs is at .trs;
				 * people read it in their language */
#define KZ_RF_DERIVED	0x80	/* made by core from other fields when the
				 * record is written (a specialist's sort
				 * key): stored and read, kept in an index,
				 * never set from text, shown, nor written
				 * to files or JSON; give it no option */

struct kz_rfield {
	const char *name;	/* "name_roman": error places, JSON, forms */
	const char *column;	/* SQL column of the record's table, or NULL */
	const char *csv;	/* CSV header, or NULL */
	const char *option;	/* long option of add and edit, or NULL */
	const char *label;	/* N_(), lower case as inside a sentence */
	const char *hint;	/* N_(): what a form says while typing */
	enum kz_rkind kind;
	size_t off;		/* offsetof() the member */
	size_t size;		/* bytes of an inline array member */
	int min, max;		/* INT: range; text kinds: max characters */
	const struct kz_enum *values;	/* ENUM */
	enum kz_table ref;	/* REF */
	enum kz_codes codes;	/* TEXT, LIST: the codes it takes */
	unsigned flags;
	/* LIST: the one-line text form (CSV, options, forms), parsed into
	 * the record, replacing the list; and written back. ENUM: parse may
	 * stand in for kz_enum_parse when text is set (an item's kind takes
	 * spaces or _ for dashes). */
	int (*parse)(void *rec, const char *text, struct kz_err *err);
	char *(*format)(const void *rec);
	/* LIST and MADE: the JSON value (an array, a number); any kind:
	 * the lines people read where they are not the kind's (names in
	 * the reader's language, dates as the office writes them, a
	 * series' code for its id), separated by newlines. */
	int (*json)(const void *rec, struct kz_buf *out);
	int (*show)(const void *rec, const struct kz_config *cfg,
	    struct kz_buf *out);
	/* MONEY: offsetof() the char[4] currency its text is read and
	 * written in, and of the bool saying it is set (KZ_RF_HAS). */
	size_t cur, has;
	/* LIST with a .column: bind the row's value as parameter n of st,
	 * and read it from column c of a row. */
	void (*bind)(const void *rec, sqlite3_stmt *st, int n);
	void (*load)(void *rec, sqlite3_stmt *st, int c);
	/* LANGS: offsetof() the record's struct kz_trs, the same for every
	 * such field of the record. */
	size_t trs;
};

/* Statements made from the table on first use; each record type has
 * one, zeroed. */
struct kz_rtype_sql {
	char *insert, *update, *select, *columns;
	int ncols;
	int expect;	/* update's parameter of the stamp it expects, 0
			 * when the type has no "updated" column */
};

struct kz_rtype {
	const char *name;		/* "specialist" */
	enum kz_table table;
	const struct kz_rfield *f;
	size_t n;
	struct kz_rtype_sql *sql;	/* statements, made on first use */
};

#define KZ_NFIELDS(a) (sizeof (a) / sizeof (a)[0])
/* The record type v (NAME an N_() noun, T its enum kz_table) over the
 * array FIELDS, with its own statements. */
#define KZ_RTYPE(v, NAME, T, FIELDS) \
	static struct kz_rtype_sql v##_sql; \
	const struct kz_rtype v = { .name = NAME, .table = T, \
	    .f = FIELDS, .n = KZ_NFIELDS(FIELDS), .sql = &v##_sql }

/*
 * Lines of the table of struct T. KZ_RF_FIELD is a field whose name,
 * column, CSV header and option are all its member's name (m), the rest
 * given; KZ_RF_DATE one holding a date (char[11]), KZ_RF_ENUM one of
 * the enumeration e. The fields several record types have (those of
 * core/activity.h) are a line each.
 */
#define KZ_RF_DATE_HINT N_("A date: 2027-01-31, 2027年1月31日 or 31 Jan 2027")
#define KZ_RF_ENUM_HINT N_("Space, or the first letter")
#define KZ_RF_FIELD(T, m, ...) \
	{ .name = #m, .column = #m, .csv = #m, .option = #m, \
	  .off = offsetof(T, m), __VA_ARGS__ }
#define KZ_RF_DATE(T, m, ...) \
	KZ_RF_FIELD(T, m, .size = sizeof ((T *)0)->m, .kind = KZ_RK_DATE, \
	    __VA_ARGS__)
#define KZ_RF_ENUM(T, m, l, e) \
	KZ_RF_FIELD(T, m, .label = l, .kind = KZ_RK_ENUM, .values = &e, \
	    .hint = KZ_RF_ENUM_HINT)
#define KZ_RF_ID(T) \
	{ .name = "id", .column = "id", .csv = "id", .label = N_("ID"), \
	  .kind = KZ_RK_ID, .off = offsetof(T, id), \
	  .size = sizeof ((T *)0)->id }
#define KZ_RF_NOTES(T) \
	KZ_RF_FIELD(T, notes, .label = N_("notes"), .kind = KZ_RK_NOTE, \
	    .max = 4000, .hint = N_("Anything else worth knowing"))
/* a period: its first day required, its last day (an activity kind's
 * .end) */
#define KZ_RF_PERIOD(T) \
	KZ_RF_DATE(T, start, .label = N_("first day"), \
	    .flags = KZ_RF_REQUIRED, .hint = KZ_RF_DATE_HINT), \
	KZ_RF_DATE(T, end, .label = N_("last day"), .hint = KZ_RF_DATE_HINT)
#define KZ_RF_PLACE(T) \
	KZ_RF_FIELD(T, place, .label = N_("place"), .kind = KZ_RK_TEXT, \
	    .max = 200, .hint = N_("City or venue, e.g. 北京市"))
#define KZ_RF_COUNTRY(T) \
	KZ_RF_FIELD(T, country, .size = sizeof ((T *)0)->country, \
	    .label = N_("country"), .kind = KZ_RK_COUNTRY, \
	    .hint = N_("ISO code, e.g. CN; empty: the office's country"))
/* a person's e-mail and phone: personal data */
#define KZ_RF_CONTACT(T) \
	KZ_RF_FIELD(T, email, .label = N_("e-mail"), .kind = KZ_RK_EMAIL, \
	    .flags = KZ_RF_PERSONAL, .hint = N_("e.g. name@example.org")), \
	KZ_RF_FIELD(T, phone, .label = N_("phone"), .kind = KZ_RK_PHONE, \
	    .flags = KZ_RF_PERSONAL, \
	    .hint = N_("Digits, spaces and + - ( ) . /"))

/* The four audit stamp lines every record type ends with, for struct T
 * whose stamps are at PFX created, ... (PFX empty, or "st." for a
 * struct kz_stamps member); CREATED and UPDATED are their CSV headers,
 * or NULL where the record's files carry none. */
#define KZ_RF_STAMPS(T, PFX, CREATED, UPDATED) \
	{ .name = "created", .column = "created", .csv = CREATED, \
	  .label = N_("created"), .kind = KZ_RK_STAMP, \
	  .off = offsetof(T, PFX created), \
	  .size = sizeof ((T *)0)->PFX created, .flags = KZ_RF_CREATED }, \
	{ .name = "created_by", .column = "created_by", \
	  .label = N_("created by"), .kind = KZ_RK_USER, \
	  .off = offsetof(T, PFX created_by), .flags = KZ_RF_CREATED }, \
	{ .name = "updated", .column = "updated", .csv = UPDATED, \
	  .label = N_("updated"), .kind = KZ_RK_STAMP, \
	  .off = offsetof(T, PFX updated), \
	  .size = sizeof ((T *)0)->PFX updated }, \
	{ .name = "updated_by", .column = "updated_by", \
	  .label = N_("updated by"), .kind = KZ_RK_USER, \
	  .off = offsetof(T, PFX updated_by) }

/* The field called name (or whose option or CSV header is name). */
const struct kz_rfield *kz_rtype_field(const struct kz_rtype *rt,
    const char *name);
/* The field's member in rec. */
void *kz_rfield_ptr(const struct kz_rfield *f, void *rec);
const void *kz_rfield_cptr(const struct kz_rfield *f, const void *rec);
/* True if the field has no value in rec. */
bool kz_rfield_empty(const struct kz_rfield *f, const void *rec);

/* Free the strings the fields own (lists are the record's own). */
void kz_rtype_free(const struct kz_rtype *rt, void *rec);
/* Copy the fields' values (not lists) from src into dst, which holds
 * nothing yet. */
int kz_rtype_copy(const struct kz_rtype *rt, void *dst, const void *src);

/* The day of a change of state (core/lifecycle.h), "YYYY-MM-DD": typed
 * (not NULL nor "") as a date field reads it, problems under "date";
 * else the day of the stamp `at` when given (a caller replaying
 * history); else today where the office is (kz_stamp_today). */
int kz_rfield_day(const struct kz_config *cfg, const char *typed,
    const char *at, char out[11], struct kz_err *err);

/* Set a field from text as a person or a file gives it: "" clears. A
 * problem goes into err under the field's name. */
int kz_rfield_set(const struct kz_rfield *f, void *rec, const char *text,
    struct kz_err *err);
/* The value as text, as stored and written to files (an enumeration's
 * keyword); malloc'd, "" when empty, NULL when out of memory. */
char *kz_rfield_text(const struct kz_rfield *f, const void *rec);
/* The value as shown to a person: an enumeration's label, a list's
 * lines, a stamp in the office's time with who made it. */
char *kz_rfield_shown(const struct kz_rfield *f, const void *rec,
    const struct kz_config *cfg);
/* A value stored as text (a history's before and after) as it is
 * shown: an enumeration's label, a date as the office writes it, a
 * country's name; other kinds as stored. malloc'd, NULL: no memory. */
char *kz_rfield_shown_text(const struct kz_rfield *f, const char *text,
    const struct kz_config *cfg);
/* The value as JSON (a string, a number, null or a list's array). */
int kz_rfield_json(const struct kz_rfield *f, const void *rec,
    struct kz_buf *out);

/* Check every field against its kind and limits; problems under each
 * field's name. True if all is well. */
bool kz_rtype_check(const struct kz_rtype *rt, struct kz_db *db,
    const void *rec, struct kz_err *err);

/* The record's row: insert, update (creation stamps stay), read by id.
 * Lists are the caller's. */
int kz_rtype_insert(struct kz_db *db, const struct kz_rtype *rt,
    const void *rec, struct kz_err *err);
int kz_rtype_update(struct kz_db *db, const struct kz_rtype *rt,
    const void *rec, struct kz_err *err);
/* The same, only if the row's "updated" stamp is still seen, the one
 * the caller read the record with (NULL or "": whatever it is). When it
 * is not, nothing is written and KZ_STALE comes back, with err->stale
 * set and a message under "updated" naming the record and the stamp it
 * has now. Stamp the record (kz_stamp_next) after keeping seen. */
int kz_rtype_update_if(struct kz_db *db, const struct kz_rtype *rt,
    const void *rec, const char *seen, struct kz_err *err);
/* KZ_OK, or KZ_ERROR with "no <name> with id ..." under "id". */
int kz_rtype_read(struct kz_db *db, const struct kz_rtype *rt, const char *id,
    void *rec, struct kz_err *err);
/* "name, name_roman, ...": the columns the table stores, in table
 * order, to select rows a list reads with kz_rtype_row. */
const char *kz_rtype_columns(const struct kz_rtype *rt);
/* Fill rec from a row of kz_rtype_columns starting at column first. */
int kz_rtype_row(const struct kz_rtype *rt, sqlite3_stmt *st, int first,
    void *rec);

/* ---- text in several languages (KZ_RF_LANGS, core/tr.h;
 * core/rtype_tr.c) ---- */

/* The record's translations, or NULL when no field has KZ_RF_LANGS. */
struct kz_trs *kz_rtype_trs(const struct kz_rtype *rt, void *rec);
const struct kz_trs *kz_rtype_ctrs(const struct kz_rtype *rt,
    const void *rec);
/* Read the record's translations (it has its id): lists and gets that
 * read rows with kz_rtype_row call it; kz_rtype_read does. */
int kz_rtype_tr_load(struct kz_db *db, const struct kz_rtype *rt, void *rec,
    struct kz_err *err);
/* Set one translation as typed: "LANG:FIELD=TEXT" (ja:title=...), an
 * empty TEXT removes it. Problems under where (the option). */
int kz_rtype_tr_parse(const struct kz_rtype *rt, void *rec, const char *spec,
    const char *where, struct kz_err *err);
/* The field's text as a reader of lang sees it (NULL: the UI's). */
const char *kz_rfield_in(const struct kz_rfield *f, const void *rec,
    const char *lang);
/* The same by the field's name: kz_rtype_in(&kz_series_type, "name", s);
 * NULL when the field is empty. */
const char *kz_rtype_in(const struct kz_rtype *rt, const char *field,
    const void *rec);
/* Check each translation as its field's text would be, under
 * "field@lang" (kz_rtype_check does). */
void kz_rtype_tr_check(const struct kz_rtype *rt, const void *rec,
    struct kz_err *err);
/* {"name": {"en": "...", "ja": "..."}}: the translations as a JSON
 * object, {} when none. */
int kz_rtype_tr_json(const struct kz_rtype *rt, const void *rec,
    struct kz_buf *out);

/* The CSV header cells in table order; personal ones only when
 * personal. */
void kz_rtype_csv_header(const struct kz_rtype *rt, bool personal,
    struct kz_buf *out);
/* A record as a CSV row, in the same order. */
int kz_rtype_csv_row(const struct kz_rtype *rt, const void *rec,
    bool personal, struct kz_buf *out);
/* The same with a LANGS field followed by a cell "csv@LANG" for each
 * language tc has of it: its text in that language. */
void kz_rtype_csv_header_in(const struct kz_rtype *rt, bool personal,
    const struct kz_tr_cols *tc, struct kz_buf *out);
int kz_rtype_csv_row_in(const struct kz_rtype *rt, const void *rec,
    bool personal, const struct kz_tr_cols *tc, struct kz_buf *out);
/* The columns of rt's translations: each field and language any of its
 * records is kept in (an empty set when it has no LANGS field). */
int kz_rtype_tr_cols(struct kz_db *db, const struct kz_rtype *rt,
    struct kz_tr_cols *out, struct kz_err *err);
/* How many of tc's columns follow field f. */
size_t kz_tr_cols_of(const struct kz_tr_cols *tc, const char *field);
/* A record as one JSON object, a key a line; with "translations" last
 * (kz_rtype_tr_json) when a field has KZ_RF_LANGS. */
int kz_rtype_json(const struct kz_rtype *rt, const void *rec,
    struct kz_buf *out);

/* A record as one JSON object on one line, of the fields files carry
 * (those with a CSV header, keyed by name), personal ones only when
 * personal: what a list prints for each of its rows. */
int kz_rtype_json_csv(const struct kz_rtype *rt, const void *rec,
    bool personal, struct kz_buf *out);

/* Map a CSV header to fields: map[i] is the field of cell i. Unknown
 * and repeated columns, and missing required ones, are reported under
 * where. A cell "csv@LANG" of a LANGS field maps to that field: set it
 * with kz_rtype_csv_set, which knows. */
int kz_rtype_csv_map(const struct kz_rtype *rt, char **cells, size_t n,
    const struct kz_rfield **map, const char *where, struct kz_err *err);

/* Set cell text under header cell head (mapped to f by
 * kz_rtype_csv_map): a translation for "csv@LANG", else kz_rfield_set. */
int kz_rtype_csv_set(const struct kz_rtype *rt, const struct kz_rfield *f,
    const char *head, void *rec, const char *text, struct kz_err *err);

#endif
