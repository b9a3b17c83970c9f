/* db.h - opening the kizuna database, migrations, transactions. */
#ifndef KZ_DB_H
#define KZ_DB_H

#include <stdbool.h>
#include <stdint.h>
#include <sqlite3.h>
#include "config.h"
#include "err.h"
#include "id.h"

/* An open database together with the configuration it is used under:
 * the office id for new record ids, the user for audit stamps, the
 * field taxonomy for validation. */
struct kz_db {
	sqlite3 *sql;
	char *path;		/* as opened: its key file sits beside it */
	unsigned char secret[64];	/* the signing key, once read */
	bool have_secret;
	/* upgrading the schema: nothing captured for sync or history */
	bool migrating;
	const struct kz_config *cfg;
	/* The rows of a table in the reader's words ("dispatch", 派遣),
	 * for a refused commit's message (kz_db_commit), or NULL; NULL
	 * here: the table's name. Set by a layer that knows the words. */
	const char *(*table_word)(const char *table);
	int depth;		/* open kz_db_begin levels */
	sqlite3_session *capture;	/* this transaction's changes, for sync */
	bool committing;	/* kz_db_commit's own COMMIT is running */
	bool flushed;		/* this transaction put changes in the
				 * outbox already (kz_db_capture_flush) */
	bool taken_in;		/* this transaction's changes are between
				 * values another database holds (an import
				 * passed on, a conflict settled either way):
				 * sync_chain.c; cleared by kz_db_begin */
	char lost[160];		/* why SQLite dropped the transaction */
	/* kz_db_bulk: inner levels open no savepoint; one that fails
	 * spoils the transaction, whose commit then rolls it back */
	bool bulk;
	bool spoilt;
	/* the last id kz_record_assign_id made in a bulk transaction: the
	 * next is the one after it (kz_id_next) */
	char id_run[KZ_ID_SIZE];
	/* kz_demo_load: ids made alike in every demo database (id.h) */
	struct kz_id_seq *id_seq;
	int kill_after;		/* KZ_TEST_KILL_AFTER_SAVE: commits left */
	bool kill_now;
	struct kz_db_cached {
		const char *sql;	/* a string literal: the key */
		sqlite3_stmt *st;
	} *cache;		/* statements run once a record, kept */
	int ncache;		/* the program has a fixed set: it grows, */
	int capcache;		/* never evicts, so a held one stays valid */
	/* The capture's table filter's last answers (a table's name, 0
	 * or 1): FTS5 writes its shadow tables a dozen times a row */
	struct kz_db_filtered {
		char table[64];
		bool travels;
	} filtered[8];
	int nfiltered;
	unsigned nextfiltered;	/* the place the next one takes */
	/* kz_search_defer (search.h): the specialists above this rowid
	 * wait for kz_search_flush */
	bool index_later;
	sqlite3_int64 index_mark;
	/* kz_search_hits (search.h): the register's rowids in its order,
	 * and kz_tindex_hits (tindex.h) the trainee, request, dispatch,
	 * seminar and activity lists' */
	struct kz_db_order {
		/* as of the database's state stamped (data_version, this
		 * connection's changes); and the last term that matched
		 * too many rows to gather */
		unsigned *row;
		size_t n;
		long long max;		/* the largest rowid */
		long long ver, changes;
		char *many;
		size_t many_max;	/* ...more than this many */
		/* and the last term a sample said matched more than
		 * dense_est rows, uncounted (search.c, dense) */
		char *dense;
		size_t dense_est;
		/* and the last terms' matches gathered, a bit a rowid:
		 * a term typed again (a key taken back) is not looked up
		 * again (search.c, KZ_DB_RECENT) */
		struct kz_db_recent {
			char *expr;
			uint64_t *bits;
			size_t hits;
		} recent[4];
		unsigned next;		/* the slot the next one takes */
	} order, tr_order, req_order, dsp_order, sem_order, sup_order,
	    res_order, pro_order, jet_order, fri_order, rep_order, del_order;
	/* kz_rlist_total (rlist.h): a list's every row, counted as of the
	 * database's state stamped as an order's */
	struct kz_db_total {
		const void *l;
		long long n, ver, changes;
	} totals[4];
	int ntotals;
};

/* Open (creating if needed, mode 0600) and migrate to the current
 * schema. Returns NULL with err filled on failure. */
struct kz_db *kz_db_open(const char *path, const struct kz_config *cfg,
    struct kz_err *err);
void kz_db_close(struct kz_db *db);

int kz_db_schema_version(struct kz_db *db);
/* The version this kizuna migrates every database to. */
int kz_db_schema_latest(void);

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints, so a record write inside an import joins the
 * import's all-or-nothing transaction. */
int kz_db_begin(struct kz_db *db, struct kz_err *err);
int kz_db_commit(struct kz_db *db, struct kz_err *err);
void kz_db_rollback(struct kz_db *db);
/* End a kz_db_begin: commit when rc is KZ_OK, else roll back; the result. */
int kz_db_end(struct kz_db *db, int rc, struct kz_err *err);

/* An import that is all or nothing (transfer.c), inside its own
 * kz_db_begin: the levels begun inside open no savepoint, which would
 * copy every page each row touches aside; a level that rolls back
 * cannot undo its part, so it spoils the whole transaction, and the
 * outermost commit refuses ("the transaction was rolled back"). */
void kz_db_bulk(struct kz_db *db, bool on);

/* Every commit that changes a table that travels must come from
 * kz_db_commit, which records the change in the outbox in the same
 * transaction; SQLite turns any other into a rollback (the statement
 * fails, kz_db_fail says why). */

/* Has SQLite rolled back by itself the transaction kz_db_begin opened
 * (a full disk, an I/O error)? Everything written since the begin is
 * gone, and any further write would run outside it: the caller must stop.
 * kz_db_begin and kz_db_commit refuse to go on after it. */
bool kz_db_lost(struct kz_db *db);
/* Stop an import whose transaction was lost: close every open level and
 * add "NAME:LINE: the import stopped here: REASON; nothing was imported"
 * (LINE 0: no line). Returns KZ_ERROR. */
int kz_db_stopped(struct kz_db *db, const char *name, long line,
    struct kz_err *err);

/* Sync capture (which tables: sync_rules.c): pause it while applying
 * others' changes; store a session's changeset in the outbox; count a
 * changeset's rows. */
void kz_db_capture_pause(struct kz_db *db, bool paused);
/* Put a changeset made otherwise (sync_conflict.c) in the outbox. */
int kz_db_outbox_put(struct kz_db *db, const void *data, int size,
    struct kz_err *err);
int kz_db_capture_store(struct kz_db *db, sqlite3_session *s,
    struct kz_err *err);
int kz_db_capture_count(const void *data, int size);
/* A long transaction (an import of thousands of rows) puts what it has
 * changed so far in the outbox, with its history, and captures the rest
 * afresh: the capture's memory stays that of a batch. Same outcome as
 * one commit: the bundle made from the outbox holds the same changes,
 * and a rollback drops the entries with the rows. Only at the outermost
 * level; elsewhere nothing. */
int kz_db_capture_flush(struct kz_db *db, struct kz_err *err);

/* A prepared statement for sql, kept by the connection: reset, with no
 * bindings. sql must live as long as db (a string literal). Reset it when
 * done; never finalize it. NULL if it does not prepare. An import runs the
 * same dozen statements for every row: preparing them once is most of
 * its speed. */
sqlite3_stmt *kz_db_stmt(struct kz_db *db, const char *sql);
/* A number that changes when another connection (another kizuna, a
 * script) has committed to the database since it was last asked: the
 * screens count what depends on every row again only then; -1 on an
 * error. */
long long kz_db_others(struct kz_db *db);

/* Let go of the lists' orders the searches read (search.h,
 * tindex.h): each is read again by the next search of its list. A
 * screen holds only those of the list it shows (400 KB a list of
 * 100,000). */
void kz_db_forget_orders(struct kz_db *db);
/* ...one of them. */
void kz_db_order_forget(struct kz_db_order *o);
/* The connection's page cache at most kib KiB (SQLite's own: 2,000):
 * a session kept open all day need not hold the pages of every list
 * it once read. */
int kz_db_cache(struct kz_db *db, int kib, struct kz_err *err);

/* Report the connection's last SQLite error into err. */
int kz_db_fail(struct kz_db *db, struct kz_err *err, const char *what);

/* The time now (kz_date_now) in UTC as "YYYY-MM-DDTHH:MM:SSZ". */
void kz_now_utc(char out[32]);

#endif
