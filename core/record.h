/* record.h - helpers every kind of record shares: checks, statements, ids, stamps. */
#ifndef KZ_RECORD_H
#define KZ_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"

/* ---- checks; each adds its problems to err under where ---- */

#define KZ_TEXT_REQUIRED	0x1
#define KZ_TEXT_MULTILINE	0x2	/* newlines and tabs allowed */

/* Valid UTF-8, no control characters, at most max characters. True if
 * the value is fine. */
bool kz_check_text(struct kz_err *err, const char *where, const char *label,
    const char *v, size_t max, unsigned flags);
/* An e-mail address and a phone number as people write them. */
void kz_check_email(struct kz_err *err, const char *where, const char *v);
void kz_check_phone(struct kz_err *err, const char *where, const char *v);
/* A date "YYYY-MM-DD", or empty when not required. */
void kz_check_date(struct kz_err *err, const char *where, const char *label,
    const char *v, bool required);
/* An ISO 3166-1 alpha-2 code in capitals, or "" when not required. */
void kz_check_country(struct kz_err *err, const char *where, const char *v,
    bool required);

/* True if s holds Han, kana or Hangul (a romanised name must not). */
bool kz_has_cjk(const char *s);
/* A BCP 47 primary tag and subtags: "en", "zh", "zh-Hant", "fil". */
bool kz_lang_ok(const char *l);

/* "HH:MM" from 00:00 to 23:59; minutes since midnight, -1 if invalid. */
int kz_time_minutes(const char *t);
/* Accept "9:30", "0930", "09.30" and "09:30"; write "09:30". False if
 * it is no time of day. */
bool kz_time_normalise(const char *in, char out[6]);

/* Copy a short value a person typed (a date, a time zone, a country
 * code) into out, trimmed. One too long for out leaves out "" and says
 * so under where, with label naming the field: a cut would make it
 * another value, or break a UTF-8 character. */
int kz_copy_value(char *out, size_t size, const char *v, const char *where,
    const char *label, struct kz_err *err);

/* Replace *slot with a copy of value (NULL or "" clears it). */
int kz_str_set(char **slot, const char *value);

/* ---- statements ---- */

/* Bind text; NULL or "" binds SQL NULL. */
void kz_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Run one statement whose parameters are n texts. sql must be a string
 * literal: the statement is kept in the connection's cache (kz_db_stmt).
 * A trigger's refusal is passed on as the sentence it is. */
int kz_sql_run(struct kz_db *db, struct kz_err *err, const char *sql, int n,
    const char *const *vals);
/* A column as a malloc'd string (NULL when NULL or empty), or copied
 * ("" when NULL). */
char *kz_col_dup(sqlite3_stmt *st, int i);
void kz_col_copy(sqlite3_stmt *st, int i, char *out, size_t size);

/* ---- ids ---- */

/* The tables whose ids these helpers look up; a fixed list, so the
 * table name in the SQL never comes from input. */
enum kz_table {
	KZ_T_SPECIALIST, KZ_T_REQUEST, KZ_T_REQUEST_EVENT, KZ_T_DISPATCH,
	KZ_T_DISPATCH_EVENT, KZ_T_COST, KZ_T_SERIES, KZ_T_SEMINAR, KZ_T_ITEM,
	KZ_T_PARTICIPANT, KZ_T_TRAINEE,
	/* what an office does (core/activity.h) */
	KZ_T_SUPPORT, KZ_T_RESEARCH, KZ_T_PROMOTION, KZ_T_JET, KZ_T_FRIENDSHIP,
	KZ_T_REP_OFFICE, KZ_T_DELEGATION, KZ_T_OPENING, KZ_T_COUNT
};

/* The SQL name of a table. */
const char *kz_record_table(enum kz_table t);
bool kz_record_exists(struct kz_db *db, enum kz_table t, const char *id);
/* What a person typed (a full id in any spelling, or the unique start
 * of the id or of its random part) to the stored id. Nothing found, or
 * more than one record, is reported in err naming the kind of record. */
int kz_record_resolve(struct kz_db *db, enum kz_table t, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);
/* Give a record being inserted its id: a new one for the office when id
 * is "", or the one it brought (normalised) when that is free. */
int kz_record_assign_id(struct kz_db *db, enum kz_table t,
    char id[KZ_ID_SIZE], struct kz_err *err);

/* ---- stamps ---- */

/* The configured user for audit stamps, or NULL. */
const char *kz_record_user(const struct kz_db *db);
/* A user as people read it: the configuration's stand-in "unknown" (no
 * user: and no $USER) in the reader's language, else as stored. */
const char *kz_user_name(const char *user);

/* Audit stamps of a record: UTC times and the configured user. */
struct kz_stamps {
	char created[32];
	char updated[32];
	char *created_by;
	char *updated_by;
};

void kz_stamps_free(struct kz_stamps *st);
int kz_stamps_copy(struct kz_stamps *dst, const struct kz_stamps *src);
/* Stamp a record being inserted (keeping stamps it brought, as on
 * import) or updated. */
int kz_stamps_touch(struct kz_db *db, struct kz_stamps *st, bool insert);
/* Replace an "updated" stamp by the next one: now, or one second past
 * it when the clock has not moved beyond it (two saves in a second, a
 * pinned $KIZUNA_NOW, a clock behind another office's), so that every
 * update changes the stamp and an update made from a stale read is
 * always noticed (kz_rtype_update_if). */
void kz_stamp_next(char updated[32]);

/* ---- counts ---- */

struct kz_count {
	char *key;
	long n;
};

struct kz_counts {
	struct kz_count *c;
	size_t n;
	long total;
};

/* Collect the (key, count) rows of a prepared statement, and finalize
 * it. */
int kz_counts_read(sqlite3_stmt *st, struct kz_counts *out,
    struct kz_err *err);
/* Run a query giving (key, count) rows; param, if set, binds ?1. */
int kz_counts_query(struct kz_db *db, const char *sql, const char *param,
    struct kz_counts *out, struct kz_err *err);
void kz_counts_free(struct kz_counts *c);

/* realloc to hold n + 1 elements of size bytes. */
void *kz_grow(void *p, size_t n, size_t size);

#endif
