/* sync_change.h - one change of a bundle beside this database's row: its key, its values, as JSON. */
#ifndef KZ_SYNC_CHANGE_H
#define KZ_SYNC_CHANGE_H

#include <stdbool.h>

#include "buf.h"
#include "db.h"
#include "sync_rules.h"

/* A column that names a record of another table (a foreign key). */
struct kz_sync_fk {
	int col;		/* the table's column */
	char parent[64];	/* the table it names a row of */
	char to[64];		/* the column of that table it names */
	sqlite3_stmt *here;	/* SELECT 1 FROM parent WHERE to = ?, kept */
};

/* A table as this database has it, learnt once a bundle. */
struct kz_sync_table {
	char name[64];
	int ncol;
	char **col;
	sqlite3_stmt *row;	/* SELECT * ... WHERE key: kept for the bundle */
	const struct kz_sync_rule *rule;
	struct kz_sync_fk *fk;	/* sync_hold.c, learnt at its first use */
	int nfk;
	bool fk_known;
};

/* One change of the bundle, with what this database has of it. */
struct kz_sync_change {
	sqlite3_changeset_iter *it;
	struct kz_sync_table *t;
	int op, ncol;
	unsigned char *pk;	/* the key columns */
	char record[64];	/* the value of the first key column */
	bool by_owner;		/* the source owns the record */
	bool new_record;	/* this bundle inserted it */
	sqlite3_stmt *mine;	/* the local row, or NULL */
};

bool kz_sync_change_equal(sqlite3_value *x, sqlite3_value *y);
/* Do the change's values (new for an insert, old otherwise) equal the
 * local row's? */
bool kz_sync_change_same(const struct kz_sync_change *ch);
/* Of two edits stamped the same second: how the change's author (column
 * by, its new value or else its old) compares with the local row's, as
 * strcmp does. */
int kz_sync_change_later_by(const struct kz_sync_change *ch, int by);
/* Would an update change anything here but audit stamps? */
bool kz_sync_change_differs(const struct kz_sync_change *ch);

/* Where-clause over the key columns, "a" = ?1 AND "b" = ?2, numbered
 * from first. */
void kz_sync_change_where(struct kz_buf *sql, const struct kz_sync_table *t,
    const unsigned char *pk, int first);
/* Bind the key values of a change (old values, or new for an insert). */
void kz_sync_change_bind_key(sqlite3_stmt *st, const struct kz_sync_change *ch,
    int first);
/* The local row of a change's key, or NULL; reset it when done with it
 * (the statement is the table's, kept for the whole bundle). */
sqlite3_stmt *kz_sync_change_local(struct kz_db *db,
    const struct kz_sync_change *ch);

/* "table\x1fkey\x1fkey": the change's table and its key columns' values
 * as text (old values, or new for an insert), in k (emptied first). */
void kz_sync_change_key(sqlite3_changeset_iter *it, struct kz_buf *k);

/* The change as JSON: key, theirs (new), base (old) and mine (local) for
 * the columns named by want (NULL: every column that has a value). */
void kz_sync_change_json(struct kz_buf *b, const struct kz_sync_change *ch,
    sqlite3_stmt *mine, const bool *want);

#endif
