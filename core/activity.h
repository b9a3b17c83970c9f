/* activity.h - the records of what an office does (support, research, fairs, JET, friendship links, representative offices, delegations), through one code path. */
#ifndef KZ_ACTIVITY_H
#define KZ_ACTIVITY_H

/*
 * Seven kinds of record share every step: each is a record table
 * (core/rtype.h), a list (core/rlist.h) and a few rules, described by one
 * struct kz_akind. A command (`kizuna support ...`), a screen tab or the
 * report finds the kind by its name (kz_akind_find) and calls the
 * functions below with a record of the kind's struct, which it allocates
 * with kz_activity_new (kind->size bytes) and never looks inside: the
 * fields are the table's (kind->rt, kz_rfield_set / kz_rfield_shown), the
 * rows the list's (kind->list, kz_rlist_open).
 *
 *   const struct kz_akind *k = kz_akind_find("support");
 *   void *rec = kz_activity_new(k);
 *   kz_rfield_set(kz_rtype_field(k->rt, "government"), rec, "京都府", &err);
 *   ...
 *   kz_activity_insert(db, k, rec, &err);	(rec gets its id, stamps)
 *   kz_activity_destroy(k, rec);
 *
 * Every record struct of a kind starts with its id (char[KZ_ID_SIZE]) and
 * keeps its audit stamps (struct kz_stamps) at kind->stamps.
 */

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "db.h"
#include "record.h"
#include "rlist.h"
#include "rtype.h"
#include "transfer.h"

struct kz_akind {
	const char *name;	/* the command: "support", "repoffice" */
	const char *table;	/* the SQL table: "support", "rep_office" */
	/* N_(): a record and records inside a sentence ("support case",
	 * "support cases"), and a tab's short title ("Support") */
	const char *one, *many, *title;
	enum kz_table kind;	/* for ids (kz_record_resolve) */
	const struct kz_rtype *rt;
	const struct kz_rlist *list;	/* `list`, the tab's rows */
	size_t size;		/* sizeof the record's struct */
	size_t stamps;		/* offsetof its struct kz_stamps */
	/* What places a record in a year: a date field ("start"), or an
	 * int field holding the year itself ("year", JET); the other NULL.
	 * --year filters and the report count by it. */
	const char *date;
	const char *year;
	/* The date field closing the period .date opens ("end"), or NULL:
	 * a last day needs its first and may not come before it. */
	const char *end;
	/* What `count --by` takes besides "year": fields by name, NULL
	 * ended; the first is the default after year. */
	const char *const *by;
	/* Defaults of a new record after it was zeroed (a status); NULL
	 * for none. */
	void (*init)(void *rec);
	/* Before a new record is checked: what it takes from the office
	 * (its only country). NULL for nothing. */
	void (*prepare)(struct kz_db *db, void *rec);
	/* The kind's own rules beyond its table's checks (dates in order,
	 * a delivery day when delivered), problems under the fields'
	 * names; NULL for none. */
	void (*rules)(struct kz_db *db, const void *rec, struct kz_err *err);
	/* Child rows (a delegation's specialists): written after the row
	 * (its id set), read after it; freed with the record. NULL when the
	 * kind has none. */
	int (*write)(struct kz_db *db, void *rec, struct kz_err *err);
	int (*load)(struct kz_db *db, void *rec, struct kz_err *err);
	void (*free)(void *rec);
	/* The record in a few words for a question, "京都府, 2019-08-31
	 * (venue)": what a delete asks about after the kind's noun. */
	void (*describe)(const void *rec, char *out, size_t size);
};

/* Every kind, NULL-ended, in the order the help and the tabs list them. */
extern const struct kz_akind *const kz_akinds[];
/* The kind whose name (command) or table is name; NULL if none. */
const struct kz_akind *kz_akind_find(const char *name);
/* The kind whose records live in table t; NULL if none. */
const struct kz_akind *kz_akind_of(enum kz_table t);

/* A zeroed record of the kind with its defaults (NULL when out of
 * memory); kz_activity_destroy frees what it holds and itself. */
void *kz_activity_new(const struct kz_akind *k);
void kz_activity_destroy(const struct kz_akind *k, void *rec);
/* Zero rec (kind->size bytes) and set its defaults; free what it holds
 * and zero it again. */
void kz_activity_init(const struct kz_akind *k, void *rec);
void kz_activity_free(const struct kz_akind *k, void *rec);
/* The record's id and stamps. */
const char *kz_activity_id(const struct kz_akind *k, const void *rec);
struct kz_stamps *kz_activity_stamps(const struct kz_akind *k, void *rec);

/* The table's checks and the kind's rules: every problem at once,
 * under the fields' names. */
int kz_activity_validate(struct kz_db *db, const struct kz_akind *k,
    const void *rec, struct kz_err *err);
/* Write a new record (it gets this office's id, or keeps the one it
 * brought when free, and its stamps), or an edited one: only over the
 * "updated" stamp it was read with (KZ_STALE otherwise, nothing
 * written). Each in its own transaction, checked first. */
int kz_activity_insert(struct kz_db *db, const struct kz_akind *k, void *rec,
    struct kz_err *err);
int kz_activity_update(struct kz_db *db, const struct kz_akind *k, void *rec,
    struct kz_err *err);
/* Delete the record a person names (an id or its unique start). */
int kz_activity_delete(struct kz_db *db, const struct kz_akind *k,
    const char *typed, struct kz_err *err);
/* Read the record a person names into rec (initialised here; free it
 * with kz_activity_free, also after a failure). */
int kz_activity_get(struct kz_db *db, const struct kz_akind *k,
    const char *typed, void *rec, struct kz_err *err);
/* The question before a delete, "delete the support case BJS-... (京都府,
 * 2019-08-31)?", into out; KZ_ERROR (in err) when there is no record. */
int kz_activity_delete_question(struct kz_db *db, const struct kz_akind *k,
    const char *typed, char *out, size_t size, struct kz_err *err);

/* The year a record is placed in (office.year_start), 0 when it has
 * no date. */
int kz_activity_year(struct kz_db *db, const struct kz_akind *k,
    const void *rec);

/* Records of the kind counted by "year" (the office's reporting year
 * of its date, or its year field) or by a field named in kind->by, over
 * those q selects (a query of kind->list: its filters). Years come in
 * order, the rest largest first. An unknown by is reported under "--by"
 * naming those there are. */
int kz_activity_count(struct kz_db *db, const struct kz_akind *k,
    const struct kz_rlist_query *q, const char *by, struct kz_counts *out,
    struct kz_err *err);
/* The same with each group's number the sum of an int field (sum, by
 * name: a JET line's "participants" or "joined") rather than a count of
 * records; the total is the sum over all. A field that is not a stored
 * whole number is reported under "--sum". */
int kz_activity_sum(struct kz_db *db, const struct kz_akind *k,
    const struct kz_rlist_query *q, const char *by, const char *sum,
    struct kz_counts *out, struct kz_err *err);
/* "year, kind, government": what count takes, for messages and help. */
void kz_activity_by_list(const struct kz_akind *k, char *out, size_t size);

/* ---- files (core/activity_io.c) ---- */

/*
 * Import the kind's records from CSV held in memory (name for
 * messages), columns named by the table's CSV headers in any order. All
 * or nothing unless skip_bad: a bad row is reported as "NAME:LINE: field:
 * problem" and nothing is written. A row whose id is here already is
 * skipped as a duplicate; one with another office's id gets a new id of
 * this office ("renumbered"), as the register's import does.
 */
int kz_activity_import(struct kz_db *db, const struct kz_akind *k,
    const char *name, const char *data, size_t len, bool skip_bad,
    struct kz_import_report *rep, struct kz_err *err);
/* Every record of the kind as CSV with a header row, in the list's
 * order: what import reads back. */
int kz_activity_export(struct kz_db *db, const struct kz_akind *k,
    struct kz_buf *out, struct kz_err *err);

#endif
