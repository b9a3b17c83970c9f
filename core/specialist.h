/* specialist.h - the register of international-cooperation specialists. */
#ifndef KZ_SPECIALIST_H
#define KZ_SPECIALIST_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "rtype.h"

enum kz_status { KZ_SERVING = 0, KZ_RETIRED = 1 };

/* Language levels, weakest first. */
enum kz_level { KZ_LEVEL_BASIC, KZ_LEVEL_CONVERSATIONAL, KZ_LEVEL_BUSINESS,
	KZ_LEVEL_FLUENT, KZ_LEVEL_NATIVE, KZ_LEVEL_COUNT };

struct kz_specialist_field {
	char *code;		/* field code from the taxonomy */
	char *note;		/* sub-speciality, e.g. "facility horticulture" */
	int years;		/* years of experience, 0..60 */
};

struct kz_specialist_lang {
	char *lang;		/* BCP 47-ish code: "en", "zh", "th" */
	enum kz_level level;
};

/* A period when the specialist is not available; dates "YYYY-MM-DD",
 * both inclusive. */
struct kz_specialist_unavail {
	char start[11];
	char end[11];
	char *reason;
};

struct kz_specialist {
	char id[KZ_ID_SIZE];
	char *name;		/* native script, required */
	char *name_roman;	/* romanised, required */
	char *government;	/* home prefecture or municipality, required */
	char *post;
	enum kz_status status;
	char *overseas;		/* overseas experience, free text */
	char *email;		/* contact details: personal data */
	char *phone;
	char *address;
	char *notes;
	char created[32];	/* ISO 8601 UTC, set by core */
	char updated[32];
	char *created_by;
	char *updated_by;
	char *sort_key;		/* made by core: kz_name_sort_key */
	struct kz_specialist_field *fields;
	size_t nfields;
	struct kz_specialist_lang *langs;
	size_t nlangs;
	struct kz_specialist_unavail *unavail;
	size_t nunavail;
};

/* Owned strings in a record are malloc'd; these manage them. */
void kz_specialist_init(struct kz_specialist *s);
void kz_specialist_free(struct kz_specialist *s);
int kz_specialist_copy(struct kz_specialist *dst,
    const struct kz_specialist *src);
int kz_specialist_add_field(struct kz_specialist *s, const char *code,
    const char *note, int years);
int kz_specialist_add_lang(struct kz_specialist *s, const char *lang,
    enum kz_level level);
int kz_specialist_add_unavail(struct kz_specialist *s, const char *start,
    const char *end, const char *reason);

/* Check a record against the rules; every problem goes into err with the
 * field's name ("name", "fields", "fields[2].years", ...) as where. */
int kz_specialist_validate(struct kz_db *db, const struct kz_specialist *s,
    struct kz_err *err);

/* Insert: assigns id (unless s->id is set, as on import of records with
 * ids), stamps, and writes the record and its children in one
 * transaction. Nothing is written if validation fails. */
int kz_specialist_insert(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err);
/* The same for a record kz_specialist_validate has just passed (an
 * import's row): checked again only if its field codes change when made
 * canonical (a number typed for a code). */
int kz_specialist_insert_valid(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err);
/* Replace the record with this id. */
int kz_specialist_update(struct kz_db *db, struct kz_specialist *s,
    struct kz_err *err);
int kz_specialist_delete(struct kz_db *db, const char *id,
    struct kz_err *err);
/* Load one record; id may be typed loosely (see kz_id_normalise) or be
 * a unique prefix of the random part. */
int kz_specialist_get(struct kz_db *db, const char *id,
    struct kz_specialist *out, struct kz_err *err);

/* Make the derived columns of the specialist with this id again from
 * its row (its sort key), after a bundle or a settlement wrote the row
 * field by field; nothing is written when they agree. */
int kz_specialist_derive(struct kz_db *db, const char *id,
    struct kz_err *err);

/* Is there a record with exactly this (canonical) id? */
bool kz_specialist_exists(struct kz_db *db, const char *id);

/* The rule of a person registered twice, the same for a CSV import, `add`
 * and the form: the same name, romanised name and government. True when
 * another record (not s's own id) is such a person, with its id in id. */
bool kz_specialist_same(struct kz_db *db, const struct kz_specialist *s,
    char id[KZ_ID_SIZE]);

/* Parse and name levels and statuses (English keywords, as stored). */
const char *kz_level_name(enum kz_level l);
int kz_level_parse(const char *s);	/* -1 if unknown */
const char *kz_status_name(enum kz_status st);
int kz_status_parse(const char *s);	/* -1 if unknown */

/* ---- search ---- */

/* A row of a list: enough to draw the list and filter; get the record
 * for the rest. */
struct kz_specialist_row {
	char id[KZ_ID_SIZE];
	char *name;
	char *name_roman;
	char *government;
	char *post;
	enum kz_status status;
	char *fields;		/* field codes, comma separated */
	char *langs;		/* language codes, comma separated */
};

struct kz_specialist_rows {
	struct kz_specialist_row *rows;
	size_t n;
};

struct kz_specialist_query {
	const char *text;	/* words; CJK terms of 1+ characters work */
	const char *field;	/* field code or number, or NULL */
	const char *lang;	/* language code, or NULL */
	int status;		/* -1 any, or enum kz_status */
	int min_level;		/* with lang: lowest level, -1 any */
	const char *free_from;	/* available over [free_from, free_to] */
	const char *free_to;
	bool prefix;		/* last word is a prefix (search as you type) */
	size_t limit;		/* 0: no limit */
	/* "COLUMN[,-COLUMN]" of `specialist list` (kz_rlist_order); NULL:
	 * by family name */
	const char *sort;
};

void kz_specialist_query_init(struct kz_specialist_query *q);
/* Rows sorted by family name, or as q->sort says. */
int kz_specialist_search(struct kz_db *db, const struct kz_specialist_query *q,
    struct kz_specialist_rows *out, struct kz_err *err);
void kz_specialist_rows_free(struct kz_specialist_rows *l);

/* Count of specialists per field code, in taxonomy order. */
struct kz_field_count {
	const struct kz_field *field;
	long count;
};
int kz_specialist_count_fields(struct kz_db *db, struct kz_field_count **out,
    size_t *n, long *people, long *registrations, struct kz_err *err);


/* ---- the one-line text forms used by CSV, the form and the CLI ----
 * fields:  "agriculture:facility horticulture:12; education::5"
 *          (code or number, optional sub-speciality, optional years)
 * langs:   "en:business, zh:fluent"
 * unavail: "2026-12-01..2026-12-20 surgery; 2027-03-01..2027-03-05"
 * Parsing replaces the record's list; problems go into err under the
 * list's name ("fields", "languages", "unavailable"). */
int kz_specialist_parse_fields(struct kz_specialist *s, const char *text,
    struct kz_err *err);
int kz_specialist_parse_langs(struct kz_specialist *s, const char *text,
    struct kz_err *err);
int kz_specialist_parse_unavail(struct kz_specialist *s, const char *text,
    struct kz_err *err);
/* The same forms, malloc'd ("" for an empty list). */
char *kz_specialist_format_fields(const struct kz_specialist *s);
char *kz_specialist_format_langs(const struct kz_specialist *s);
char *kz_specialist_format_unavail(const struct kz_specialist *s);

/* The lists as JSON arrays, and as people read them (a line each). */
int kz_specialist_json_fields(const struct kz_specialist *s, struct kz_buf *b);
int kz_specialist_json_langs(const struct kz_specialist *s, struct kz_buf *b);
int kz_specialist_json_unavail(const struct kz_specialist *s,
    struct kz_buf *b);
int kz_specialist_show_fields(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b);
int kz_specialist_show_langs(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b);
int kz_specialist_show_unavail(const struct kz_specialist *s,
    const struct kz_config *cfg, struct kz_buf *b);

/* The register's table of fields, and its enumerations. */
extern const struct kz_rtype kz_specialist_type;
extern const struct kz_enum kz_level_enum;
extern const struct kz_enum kz_specialist_status_enum;

#endif
