/* dsprec.h - helpers the request and dispatch records share: statements, checks, ids. */
#ifndef KZ_DSPREC_H
#define KZ_DSPREC_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"

/* Run one statement binding text values (NULL or "" binds NULL). A
 * trigger's refusal is passed on as the sentence it is. */
int kz_rec_run(struct kz_db *db, struct kz_err *err, const char *sql, int n,
    const char *const *vals);
/* A column as a malloc'd string, NULL when NULL or empty. */
char *kz_rec_col(sqlite3_stmt *st, int i);
/* A column copied into out ("" when NULL). */
void kz_rec_col_copy(sqlite3_stmt *st, int i, char *out, size_t size);

/* Text checks for record values: valid UTF-8, no control characters
 * (newlines and tabs only when multiline), at most max characters.
 * Problems go into err under where; true if the value is fine. */
bool kz_rec_check_text(struct kz_err *err, const char *where,
    const char *label, const char *v, size_t max, bool required,
    bool multiline);
/* A BCP 47-ish language code: "en", "zh", "zh-Hant". */
bool kz_rec_lang_ok(const char *l);

/* A new id for a record of table (a fixed table name, never a value)
 * that is not in use. */
int kz_rec_new_id(struct kz_db *db, const char *table, char id[KZ_ID_SIZE],
    struct kz_err *err);
/* Resolve what a person typed to a stored id of table: a full id in any
 * spelling, or the start of it or of its random part when only one
 * record matches. Messages name the kind of record for request, dispatch
 * and specialist (see kinds[] in dsprec.c). */
int kz_rec_resolve(struct kz_db *db, const char *table, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);

/* The configured user for audit stamps, or NULL. */
const char *kz_rec_user(const struct kz_db *db);

#endif
