/* rlist.h - a list of records declared once: its table, columns, filters and order, read row by row. */
#ifndef KZ_RLIST_H
#define KZ_RLIST_H

/*
 * A list (what `specialist list`, `request list`, ... print) is one
 * declaration: the record table its rows are read through, the columns
 * it shows (fields of that table by name, or a value the query makes,
 * such as a count, or a child table's rows as a JSON list), what a row
 * lacks, filled in after it is read, its filters (a command-line
 * option, the SQL condition it adds and how the option's value becomes
 * bound values) and its order. The statement is made from the declaration; every
 * value is bound. Rows are stepped one at a time, so a list of any
 * length is printed without holding it.
 */

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "rowset.h"
#include "db.h"
#include "record.h"
#include "rtype.h"

/* Column flags. */
#define KZ_RC_TABLE	0x1	/* shown in the table people read */
#define KZ_RC_DATA	0x2	/* written to CSV and JSON */
#define KZ_RC_BOTH	(KZ_RC_TABLE | KZ_RC_DATA)
#define KZ_RC_NUMBER	0x4	/* a made value: JSON writes it as a number */
#define KZ_RC_NULL	0x8	/* a made value: JSON writes "" as null */
#define KZ_RC_PERSONAL	0x10	/* contact details: only when asked */
#define KZ_RC_SHOWN	0x20	/* the table shows the field as people read
				 * it (a country with its name) */
#define KZ_RC_JSON	0x40	/* with KZ_RC_DATA: JSON only, not CSV (a
				 * column the CSV's importer does not read) */
#define KZ_RC_CSV	0x80	/* with KZ_RC_DATA: CSV only, not JSON (a
				 * value JSON writes in its own column) */
#define KZ_RC_DATES	0x100	/* a made value of dates, "START..END" or
				 * one date: the table shows each in the
				 * office's date format */

struct kz_rlist_col {
	/* A field of the list's table, by its name: its value, kind, CSV
	 * header and JSON key come from the table. */
	const char *field;
	/* Or a value the query makes: its SQL (over the list's FROM) and
	 * its key in CSV and JSON. */
	const char *expr;
	const char *key;	/* also renames a field's column */
	/* A field's column: the field shown in its place in the table when
	 * the row's is empty (an edition's theme, else its title). */
	const char *orelse;
	const char *head;	/* N_() or NC_(): the table's column title */
	unsigned flags;		/* KZ_RC_* */
	/* The table's cell as people read it, made from the value as
	 * stored (field codes as their names): malloc'd, NULL when out of
	 * memory; NULL for the value itself. CSV and JSON keep codes. */
	char *(*show)(struct kz_db *db, const char *text);
	/* Or a child list, in JSON only: its SQL, binding the row's id at
	 * ?1; JSON writes its rows as an array of objects keyed by the
	 * statement's column names, whole numbers as numbers. */
	const char *child;
	/* What the column sorts by, in SQL, where it is not its value (a
	 * name by its family name); NULL: a field by its column, a made
	 * value by its expr; a child list does not sort. */
	const char *sort;
};

#define KZ_RLIST_BINDS 16


/* The values a filter binds, in the order of its condition's ?s. */
struct kz_rlist_bind {
	int n;
	bool none;		/* the value matches nothing (no row) */
	int many;		/* ...or a good many rows: 1 where_many, 2
				 * (most of them) where_most */
	bool few;		/* ...or few: the rows read from the
				 * filter's drive */
	/* ...and the matches themselves, when they were gathered
	 * (malloc'd; NULL: not): where_hits asks them */
	struct kz_rowset *hits;
	char *text[KZ_RLIST_BINDS];	/* malloc'd, or NULL: the number */
	long long num[KZ_RLIST_BINDS];
};

struct kz_tindex;
/* A filter's .index: the words typed bound as its expression, and its
 * matches as the list's rowids in its order, as a filter's .bind and
 * .hits (core/lists.c, where the register's search does the same). */
int kz_rlist_index_bind(struct kz_db *db, const struct kz_tindex *ti,
    const char *v, struct kz_rlist_bind *b, struct kz_err *err);
int kz_rlist_index_hits(struct kz_db *db, const struct kz_tindex *ti,
    const char *v, size_t max, long long **rows, size_t *n,
    struct kz_err *err);

/* Add a text value to b (copied); KZ_ERROR when out of memory or full. */
int kz_rlist_bind_text(struct kz_rlist_bind *b, const char *v);
int kz_rlist_bind_num(struct kz_rlist_bind *b, long long v);

/* The condition where (a year filter's, above) with each word made a
 * ?, appended to sql; and the values typed (a year or a range, read
 * with kz_year_parse; NULL: every day) binds at those words, in their
 * order. A problem goes into err under where_err. Shared by the lists and the
 * statistics (core/stats.c). */
void kz_rlist_year_sql(const char *where, struct kz_buf *sql);
int kz_rlist_year_bind(struct kz_db *db, const char *typed, const char *where,
    struct kz_rlist_bind *b, const char *where_err, struct kz_err *err);

/* Filter flags. */
#define KZ_RLF_NOOPT	0x2	/* no option: set by the command itself (the
				 * words of `search`) */
#define KZ_RLF_RECORD	0x4	/* the value names a record of .ref: the
				 * command resolves it to a stored id */
#define KZ_RLF_YEAR	0x8	/* the value is a year or a range of the
				 * office (kz_year_parse), bound at the
				 * condition's words below */

/*
 * A year filter's condition (KZ_RLF_YEAR) names what it compares with
 * words, each made a bound ? in turn, so one condition can use a
 * value twice and in any order:
 *   :from, :to    the first and last day, "YYYY-MM-DD" (an open end
 *                 is 0000-01-01 or 9999-12-31)
 *   :year         the year typed, 0 for a range of dates
 *   :yfrom, :yto  the years (kz_year_of) of the first and last day
 *                 (0 and 9999 for an open end)
 *   :month        the month the office's year starts in (a date's
 *                 year in SQL: its calendar year less one before it)
 * e.g. "d.start BETWEEN :from AND :to". At most KZ_RLIST_BINDS words.
 */
#define KZ_RLIST_YEAR_ARG	"YEAR|FROM..TO"

struct kz_rlist_filter {
	const char *option;	/* "status": --status VALUE */
	const char *arg;	/* the value as usage shows it */
	const char *help;	/* N_(): one line */
	/* The SQL condition, a ? for each bound value. */
	const char *where;
	/* Optional: the condition when bind finds that the value matches
	 * a good many rows (the same values bound): one that lets a list
	 * be read in its order, checking rows, rather than gathered from
	 * the matches and sorted. */
	const char *where_many;
	/* ...and when it matches most rows: checked row by row as the
	 * list is read in its order. */
	const char *where_most;
	/* ...or in place of where_many, when bind gathered the matches
	 * (kz_rlist_bind.hits): a condition asking them as each row is
	 * read, kz_hit(?, rowid), its one ? bound to them. SQLite builds
	 * no set of them first (at 14,000 matches, 40% of a key). */
	const char *where_hits;
	/* ...and when it matches few rows (bind says): a SELECT of their
	 * rowids as kz_r, binding the same values, that the rows are read
	 * from, whatever the other filters and the order (then sorted):
	 * at most a few thousand rows looked up, where reading the list
	 * in order or by another filter's index could go through all of
	 * it to find none. */
	const char *drive;
	/* How the option's value becomes bound values: with bind, what it
	 * makes (a problem goes into err, under any place: the caller
	 * names the option); else with field, the value set as that field
	 * of the table (its kind checks and normalises it: an
	 * enumeration's label becomes its keyword), bound as stored at
	 * every ?; else the value as given at every ?. */
	int (*bind)(struct kz_db *db, const char *value,
	    struct kz_rlist_bind *b, struct kz_err *err);
	const char *field;
	/* Optional: the rows the value selects when it is the only filter
	 * and the list is read in its own order, as rowids in that order
	 * (*rows NULL: more than max, *n then max + 1, or none to say,
	 * *n 0; then the condition is used): a window is then those rows,
	 * counted exactly, and a count goes no further than asked
	 * (core/rwin.h). */
	int (*hits)(struct kz_db *db, const char *value, size_t max,
	    long long **rows, size_t *n, struct kz_err *err);
	/* Or the list's own full-text index (tindex.h), which binds the
	 * words (the value) and gives the hits; .bind and .hits unset. */
	const struct kz_tindex *index;
	unsigned flags;		/* KZ_RLF_NOOPT, KZ_RLF_RECORD */
	enum kz_table ref;	/* KZ_RLF_RECORD: what the value names */
};

struct kz_tindex;

struct kz_rlist {
	const char *name;		/* "specialist": messages, tests */
	const struct kz_rtype *rt;	/* whose fields the rows are */
	size_t size;			/* sizeof the record struct */
	const char *from;		/* "specialist s": the table, aliased */
	const char *alias;		/* "s" */
	/* A list of one parent's records (an edition's participants): the
	 * condition binding the parent's id; NULL for none. */
	const char *parent;
	const struct kz_rlist_col *cols;
	size_t ncols;
	const struct kz_rlist_filter *filters;	/* ended by one without where */
	const char *order;		/* "s.name_roman COLLATE NOCASE, s.id" */
	/* Optional: a FROM that counts the rows as well when nothing
	 * filters them (its joins add no row nor take one away): "dispatch
	 * d" for a list joined to its specialist and request. */
	const char *count_from;
	/* Optional: the full-text index its search looks in (tindex.h),
	 * which a screen showing the list readies before a key is typed. */
	const struct kz_tindex *index;
	/* The table's message when nothing matches: N_(). */
	const char *none;
	int width;			/* a cell's widest in the table; 0: 30 */
	/* What a row does not hold, filled in after it is read (an
	 * edition's series code and counts); NULL for nothing. */
	int (*fill)(struct kz_db *db, void *rec, struct kz_err *err);
	/* Frees a row's record with what fill made; NULL: the table's
	 * kz_rtype_free. */
	void (*free)(void *rec);
};

/* What to list: the filters given (by index of l->filters; NULL where
 * not given), a parent's id, and a window. */
#define KZ_RLIST_FILTERS 16
struct kz_rlist_query {
	const struct kz_rlist *l;
	const char *value[KZ_RLIST_FILTERS];
	const char *parent;
	/* The order asked for: "COLUMN[,-COLUMN...]" by the columns' keys
	 * (kz_rlist_key), - for the reverse; NULL: the list's own. */
	const char *sort;
	long long limit;	/* < 0: all */
	long long offset;
	/* A window of a screen's list: the rows of [offset, offset +
	 * limit) are chosen first by rowid, their made values computed
	 * for them alone (core/rwin.h). */
	bool window;
	/* ...and chosen counting from the end (the list's order turned
	 * round, offset from the last row), read in the list's order: a
	 * window near the end of a long list. */
	bool from_end;
	/* Only the rows whose rowids are in this JSON array (a window of
	 * rows a filter's hits chose), NULL: no such limit. */
	const char *rowids;
	long long rows;		/* set by whoever steps it: rows read */
};

void kz_rlist_query_init(struct kz_rlist_query *q, const struct kz_rlist *l);
/* Is sort (as kz_rlist_order takes it) the list's own order, exactly? */
bool kz_rlist_own_order(const struct kz_rlist *l, const char *sort);
/* Give the filter whose option is name (a later value replaces an
 * earlier one); KZ_ERROR if the list has no such filter. */
int kz_rlist_set(struct kz_rlist_query *q, const char *name,
    const char *value);

/* The filter of list l with option name, or NULL; the field of a
 * column (NULL for a made one). */
const struct kz_rlist_filter *kz_rlist_filter(const struct kz_rlist *l,
    const char *name);
const struct kz_rfield *kz_rlist_field(const struct kz_rlist *l, size_t col);
/* The column's key in CSV and JSON: its own key, or its field's name
 * (the record's JSON key). */
const char *kz_rlist_key(const struct kz_rlist *l, size_t col);

/* Can column col be sorted by, and what SQL sorts it (NULL if not). */
const char *kz_rlist_sort_expr(const struct kz_rlist *l, size_t col);
/* The column of l whose key is key, or -1. */
int kz_rlist_col(const struct kz_rlist *l, const char *key);
/* The ORDER BY terms (without ORDER BY) of sort, "COLUMN[,-COLUMN...]",
 * then the list's own order to settle ties, appended to out. A column
 * that is not one of the list's, or does not sort, is reported under
 * "--sort" naming those that do; out is then left as it was. An empty
 * or NULL sort gives the list's own order. */
int kz_rlist_order(const struct kz_rlist *l, const char *sort,
    struct kz_buf *out, struct kz_err *err);

/* An open list: one statement, stepped. */
struct kz_rlist_cursor {
	const struct kz_rlist *l;
	struct kz_db *db;
	sqlite3_stmt *st;
	void *rec;		/* the current row's record */
	int made;		/* result column of the first made value */
	char *sql;		/* the statement's text (tests read it) */
};

/* Check every filter's value and prepare the statement. A bad value is
 * reported under "--option" and nothing is opened. */
int kz_rlist_open(struct kz_db *db, const struct kz_rlist_query *q,
    struct kz_rlist_cursor *c, struct kz_err *err);
/* The rows q selects (its window aside) counted by the value of expr,
 * SQL over the list's FROM (a constant, never from input), in order
 * (over "key" and "n"). A bad filter value as kz_rlist_open. */
int kz_rlist_count(struct kz_db *db, const struct kz_rlist_query *q,
    const char *expr, const char *order, struct kz_counts *out,
    struct kz_err *err);
/* How many rows q selects (its window aside), counting no further
 * than cap (< 0: all), into *n. */
int kz_rlist_total(struct kz_db *db, const struct kz_rlist_query *q,
    long long cap, long long *n, struct kz_err *err);
/* Where the record id is in q's order (0 first; its window aside), into
 * *pos; -1 when q does not select it. */
int kz_rlist_index(struct kz_db *db, const struct kz_rlist_query *q,
    const char *id, long long *pos, struct kz_err *err);
/* The same, each group's number the sum of the SQL sum (a constant),
 * 0 where it is all NULL: people a JET line holds. */
int kz_rlist_sum(struct kz_db *db, const struct kz_rlist_query *q,
    const char *expr, const char *sum, const char *order,
    struct kz_counts *out, struct kz_err *err);
/* The next row: 1, 0 at the end, KZ_ERROR (reported). */
int kz_rlist_next(struct kz_rlist_cursor *c, struct kz_err *err);
/* Back to before the first row (a table reads its rows twice: once for
 * the widths, once to print). */
void kz_rlist_rewind(struct kz_rlist_cursor *c);
void kz_rlist_close(struct kz_rlist_cursor *c);

/* Column col of the current row: as stored and written to files, as a
 * person reads it (an enumeration's label in the reader's language),
 * and as JSON. The strings are malloc'd; NULL when out of memory. */
char *kz_rlist_text(const struct kz_rlist_cursor *c, size_t col);
char *kz_rlist_shown(const struct kz_rlist_cursor *c, size_t col);
int kz_rlist_json(const struct kz_rlist_cursor *c, size_t col,
    struct kz_buf *out);

/* The lists the commands print (core/lists.c). */
extern const struct kz_rlist kz_rlist_specialists, kz_rlist_requests,
    kz_rlist_dispatches, kz_rlist_series, kz_rlist_seminars,
    kz_rlist_participants, kz_rlist_items, kz_rlist_trainees,
    kz_rlist_support, kz_rlist_research, kz_rlist_promotion, kz_rlist_jet,
    kz_rlist_friendship, kz_rlist_rep_office, kz_rlist_delegation,
    kz_rlist_openings;
extern const struct kz_rlist *const kz_rlists[];	/* NULL-ended */

#endif
