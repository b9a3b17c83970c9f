/* sync.h - bundles that carry changes between offices and head office. */
#ifndef KZ_SYNC_H
#define KZ_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"

#define KZ_BUNDLE_FORMAT 3

/* What a bundle says of itself, from its header. */
struct kz_bundle_info {
	char organisation[256];	/* at most 255 bytes (the configuration) */
	char office[8];		/* source office id */
	char role[8];		/* "office" or "head" */
	char db[40];		/* source database id */
	long seq;
	char created[32];
	long changes;
	char counts[512];	/* "specialist 3, specialist_field 4" */
	/* The same as records, as people count them (sync_records.h): a
	 * specialist's fields are the specialist, the history no record.
	 * Known once the changes were read (an export, a bundle checked). */
	long records;
	char kinds[512];	/* "specialist 1, request 2", translated */
	long kinds_n[18];	/* each kind's (KZ_SYNC_KINDS, in its order) */
	char sha256[65];	/* of the whole bundle */
	size_t bytes;
};

/* Records, as people count them (sync_records.h), by kind. */
struct kz_sync_count {
	long records;
	long n[18];	/* each kind's (KZ_SYNC_KINDS, in its order) */
	char kinds[512];	/* "specialist 1, dispatch 1", translated */
};

struct kz_sync_result {
	struct kz_bundle_info info;
	bool nothing;		/* export: nothing to send; import: seen before */
	bool again;		/* export: a bundle made before, written now */
	/* import: rows of tables, as sync_applied keeps them */
	long applied;		/* rows changed here */
	long unchanged;		/* rows that were already as the bundle says */
	long conflicts;		/* kept aside */
	/* ...and the records they are of: those a row of was written here
	 * (changed), kept aside (kept; a record partly merged and partly
	 * kept aside is both), and those the bundle found as it says, no
	 * row of them written or kept aside (here) */
	struct kz_sync_count changed, here, kept;
	/* ...of kept, those held because they name a record this database
	 * does not have (a dispatch of a specialist deleted here): applied
	 * once it is here, by the person settling them */
	struct kz_sync_count held;
	long clashes;		/* import: bookings that clash, after it */
};

/*
 * Write everything changed since the last export (or, with all, every
 * record) to path as the next bundle in this database's sequence. The
 * bundle is made (its number and bytes committed) before its file is
 * written, whole or not at all; a bundle made but not written (a kill, a
 * full disk) is written first instead, the same bytes (res->again), so a
 * number never names two contents. res->nothing when there was nothing
 * to send (no file).
 */
int kz_sync_export(struct kz_db *db, const char *path, bool all,
    struct kz_sync_result *res, struct kz_err *err);

/*
 * Write bundle seq, made here before, to path again, byte for byte the
 * same (a file lost or damaged on the way). res->info says what it holds.
 */
int kz_sync_export_again(struct kz_db *db, long seq, const char *path,
    struct kz_sync_result *res, struct kz_err *err);

/*
 * Check a bundle whole (format, organisation, checksum, sequence), then
 * apply it in one transaction. Changes that the source may not make to a
 * record it does not own, or that clash with a different local change to
 * the same field, are kept aside as conflicts; so are rows that name a
 * record this database does not have (held: sync_hold.h), with the rows
 * that depend on them, the rest applied. A bundle seen before
 * changes nothing (res->nothing); a gap in the source's sequence is
 * refused, naming the missing number.
 */
int kz_sync_import(struct kz_db *db, const char *path,
    struct kz_sync_result *res, struct kz_err *err);
/* The same from memory (name for messages). */
int kz_sync_import_mem(struct kz_db *db, const char *name,
    const unsigned char *data, size_t len, struct kz_sync_result *res,
    struct kz_err *err);

/* Read and check a bundle without applying it: its header, then its
 * signature against the key db has enrolled for the office the header
 * names (sync_key.h; with a NULL db, against the key the header names,
 * for a bundle made here), then the rest. *header_len (if not NULL) is
 * the length of the header; with changeset not NULL, the changeset is
 * unpacked into a malloc'd *changeset of *csize bytes and checked
 * against the header. */
int kz_sync_verify(struct kz_db *db, const char *name,
    const unsigned char *data, size_t len, struct kz_bundle_info *info,
    size_t *header_len, void **changeset, int *csize, struct kz_err *err);

struct kz_sync_source {
	char office[8];
	char db[40];
	long seq;		/* last applied */
	char at[32];
	long conflicts;		/* still open */
};

struct kz_sync_status {
	char db[40];		/* this database's id */
	long exported;		/* last sequence written */
	long made;		/* last sequence made (written or not) */
	long unwritten;		/* bundles made but not written yet */
	long next;		/* the bundle the next export writes */
	char exported_at[32];
	long pending;		/* changes waiting for the next export */
	/* ...as the records they are to (sync_records.h), by kind */
	long pending_records;
	char pending_kinds[512];
	long open_conflicts;
	long clashes;		/* bookings that clash (booking.h) */
	struct kz_sync_source *sources;
	size_t nsources;
};

int kz_sync_status(struct kz_db *db, struct kz_sync_status *st,
    struct kz_err *err);
void kz_sync_status_free(struct kz_sync_status *st);
/* Just the number of changes waiting (rows of tables); the records they
 * are to, as people count them: kz_sync_records_outbox. */
long kz_sync_pending(struct kz_db *db);

struct kz_conflict {
	long n;
	char at[32];
	char office[8];
	long seq;
	char table[48];
	char op[8];
	char record[64];	/* the record's id */
	char *reason;		/* keyword: owner, clash, deleted, changed, exists,
				 * refused, missing */
	char *change;		/* JSON: key, theirs, base, mine (and error) */
	char *error;		/* refused: what this database said, or NULL */
	/* missing: the first record the change names that is not here
	 * (its table and id), the conflict that keeps it aside if one
	 * does (0: none), and how many such records the change names */
	char *missing_table;
	char *missing_id;
	long missing_n;
	long nmissing;
	char *resolved;		/* NULL while open */
	char *resolution;	/* "theirs" or "mine" */
};

struct kz_conflict_list {
	struct kz_conflict *c;
	size_t n;
};

/* Why a change was kept aside, in words of the configured language. */
const char *kz_conflict_reason(const struct kz_conflict *c, char *buf,
    size_t size);
/* Conflicts, open ones first; all includes resolved ones. */
int kz_sync_conflicts(struct kz_db *db, bool all, struct kz_conflict_list *l,
    struct kz_err *err);
void kz_conflict_list_free(struct kz_conflict_list *l);
/* Resolve: take_theirs applies the kept-aside change (and so sends it on
 * with the next export); otherwise the local values stay. Settling a
 * record's deletion or addition settles the deletions or additions of its
 * rows (fields, languages) kept aside from the same bundle; taking theirs
 * for such a row while its record's addition is open is refused. Audit
 * stamps move only to a later edit; a change to a record that is gone
 * cannot be taken. A change held for naming a record not here (reason
 * "missing") is taken only once that record is here, and mine drops it
 * here, sending nothing; either way the changes held with it (rows that
 * name it, later changes to it) are settled with it, those still naming
 * another record not here staying held when it is taken. */
int kz_sync_resolve(struct kz_db *db, long n, bool take_theirs,
    struct kz_err *err);
/* Take theirs for every held change (reason "missing") whose records
 * are all here now, and for what each readies in turn (a dispatch's cost
 * lines and events, an office's later edits of it), as kz_sync_resolve
 * would one by one, in the order they need: all in one transaction, or
 * nothing. A change whose records are still missing stays held,
 * untouched. taken: how many conflicts were settled; held: how many are
 * still held. With dry, nothing is kept: the counts say what would be. */
int kz_sync_resolve_ready(struct kz_db *db, bool dry, long *taken,
    long *held, struct kz_err *err);

/* A kept-aside change field by field, for a side-by-side comparison
 * (sync_fields.c). */
enum { KZ_THEIRS, KZ_BASE, KZ_MINE, KZ_SIDES };

struct kz_conflict_field {
	char *name;			/* the column */
	bool has[KZ_SIDES];		/* the change carries this side */
	char *value[KZ_SIDES];		/* as text; NULL for an empty value */
};

struct kz_conflict_view {
	char *key;			/* "specialist BJS-7K3M-Q9TX, field x" */
	struct kz_conflict_field *f;	/* in the table's column order */
	size_t n;
	bool has[KZ_SIDES];		/* some field carries this side */
};

int kz_conflict_view(struct kz_db *db, const struct kz_conflict *c,
    struct kz_conflict_view *v, struct kz_err *err);
void kz_conflict_view_free(struct kz_conflict_view *v);

#endif
