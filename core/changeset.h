/* changeset.h - a changeset's bytes walked: its varints, values, records and changes (for the sync passes that rewrite one). */
#ifndef KZ_CHANGESET_H
#define KZ_CHANGESET_H

#include <sqlite3.h>
#include <stddef.h>

#include "buf.h"

/*
 * The changeset format (sqlite.org/session/changeset_format): for each
 * table 'T', a varint column count, a key flag byte per column and the
 * NUL-terminated name; then for each change an operation byte, an
 * indirect byte and the old record, the new record or both (an update);
 * a record is one value per column: 0 undefined (not changed), 1 integer
 * and 2 real (8 bytes), 3 text and 4 blob (varint length, bytes), 5 null.
 * These only measure values and copy bytes; the values themselves come
 * from SQLite's own iterator, which walks the same changes in the same
 * order.
 */

/* The varint at p (at most 5 bytes): its length, or -1. */
int kz_cs_varint(const unsigned char *p, const unsigned char *end,
    unsigned *v);
void kz_cs_put_varint(struct kz_buf *b, unsigned v);
/* Bytes of the value at p, or -1 if it runs past end or is no value. */
long kz_cs_value_len(const unsigned char *p, const unsigned char *end);
/* The record at p of ncol values: where each starts (from base) and how
 * long it is; the byte after it, or NULL if it is damaged. */
const unsigned char *kz_cs_record(const unsigned char *p,
    const unsigned char *end, int ncol, long *at, long *len,
    const unsigned char *base);

/* Write a table header ('T', the column count, a byte per column, 1 for
 * a key column, the name), or a value as a record holds it. */
void kz_cs_put_header(struct kz_buf *b, const char *table, int ncol,
    const unsigned char *pk);
void kz_cs_put_value(struct kz_buf *b, sqlite3_value *v);

/*
 * Check a changeset's structure whole, with no sqlite3changeset_* call:
 * SQLite (3.40) loops for ever on some damaged changesets and hands back
 * NULL values for undefined ones, so a bundle's changes pass this first.
 * Each table header: 'T', a column count of 1 to KZ_CS_MAX_COLUMNS, a key
 * flag per column (at least one key), a name of 1 to 63 bytes, which
 * table(arg, name, ncol, pk, why, whysz) accepts (0) or refuses, saying
 * why. Each change: an insert, update or delete, indirect 0 or 1, records
 * of well-formed values: an insert's every value and a deletion's, and
 * an update's old key, defined. Nothing after the
 * last change. KZ_OK, or KZ_ERROR with the byte offset at *at, the table
 * in tbl ("" before any) and what is wrong in why.
 */
#define KZ_CS_MAX_COLUMNS	1000
typedef int kz_cs_table_fn(void *arg, const char *name, int ncol,
    const unsigned char *pk, char *why, size_t whysz);
int kz_cs_check(const void *data, int size, kz_cs_table_fn *table,
    void *arg, long *at, char tbl[64], char *why, size_t whysz);

/* Replace the changeset *data (sqlite3_malloc'd, as SQLite's own are)
 * with b's bytes; KZ_ERROR when out of memory, *data left as it was. */
int kz_cs_replace(void **data, int *size, const struct kz_buf *b);

/*
 * Call fn for each table header (it NULL) and each change (it on that
 * change) of the changeset, with its bytes [p, p + n) and its table's
 * column count. fn returns 0 to go on. Only on checked input (kz_cs_check):
 * it calls sqlite3changeset_next. KZ_OK, KZ_ERROR if the bytes are
 * damaged, or what fn returned.
 */
typedef int kz_cs_fn(void *arg, sqlite3_changeset_iter *it,
    const unsigned char *p, size_t n, int ncol);
int kz_cs_walk(const void *data, int size, kz_cs_fn *fn, void *arg);

#endif
