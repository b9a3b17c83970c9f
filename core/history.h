/* history.h - reading the history of a record: who changed what, when, including deletions. */
#ifndef KZ_HISTORY_H
#define KZ_HISTORY_H

#include <stddef.h>

#include "db.h"
#include "rtype.h"
#include "id.h"

/* One field of a change: its value before and after (NULL: none). A
 * child row (a specialist's language) is a field of its record named
 * for the list ("languages"), one row's values before and after. */
struct kz_hchange {
	char *field;
	char *old;
	char *new;
};

/* One change of a record (history_log.c writes them). */
struct kz_hentry {
	char *id;		/* the history row's own id */
	char record[KZ_ID_SIZE];
	char kind[24];		/* "specialist", "seminar", ... */
	char at[32];		/* UTC */
	char *user;		/* NULL: no user configured */
	char action[8];		/* "add", "edit" or "delete" */
	struct kz_hchange *c;
	size_t nc;
};

struct kz_history {
	struct kz_hentry *e;
	size_t n;
};

/* A record's changes, newest first; at most limit (0: all). */
int kz_history_load(struct kz_db *db, const char *record, size_t limit,
    struct kz_history *out, struct kz_err *err);
void kz_history_free(struct kz_history *h);
/* What a person typed to the id of a record that has a history or
 * exists now (a deleted record is found by its history): a full id in
 * any spelling, or the unique start of one. */
int kz_history_resolve(struct kz_db *db, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);
/* The action's word in the reader's language. */
const char *kz_history_action_name(const char *action);
/* The kind's word in the reader's language. */
const char *kz_history_kind_name(const char *kind);
/* The record table of a history row's kind, NULL for one not known. */
const struct kz_rtype *kz_history_rtype(const char *kind);
/* A changed field's label in the reader's language (its name when the
 * kind's table has none), and a value before or after as people read
 * it (malloc'd; NULL: no memory). */
const char *kz_history_field_name(const char *kind, const char *field);
struct kz_config;
char *kz_history_value(const char *kind, const char *field,
    const char *value, const struct kz_config *cfg);
#endif
