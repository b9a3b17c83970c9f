/* changeset.c - a changeset's bytes walked: its varints, values, records and changes (for the sync passes that rewrite one). */
#include "changeset.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"

int
kz_cs_varint(const unsigned char *p, const unsigned char *end, unsigned *v)
{
	unsigned x = 0;

	/* lengths in a bundle fit 32 bits: at most 5 bytes */
	for (int i = 0; i < 5 && p + i < end; i++) {
		x = (x << 7) | (p[i] & 0x7f);
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
	}
	return -1;
}

void
kz_cs_put_varint(struct kz_buf *b, unsigned v)
{
	unsigned char g[5];
	int n = 0;

	do {
		g[n++] = v & 0x7f;
		v >>= 7;
	} while (v);
	while (n-- > 0) {
		unsigned char c = g[n] | (n > 0 ? 0x80 : 0);
		kz_buf_put(b, (const char *)&c, 1);
	}
}

long
kz_cs_value_len(const unsigned char *p, const unsigned char *end)
{
	unsigned n;
	int k;

	if (p >= end)
		return -1;
	switch (p[0]) {
	case 0:
	case 5:
		return 1;
	case 1:
	case 2:
		return end - p >= 9 ? 9 : -1;
	case 3:
	case 4:
		if ((k = kz_cs_varint(p + 1, end, &n)) < 0 ||
		    (unsigned long)(end - p - 1 - k) < n)
			return -1;
		return 1 + k + (long)n;
	default:
		return -1;
	}
}

const unsigned char *
kz_cs_record(const unsigned char *p, const unsigned char *end, int ncol,
    long *at, long *len, const unsigned char *base)
{
	for (int c = 0; c < ncol; c++) {
		long n = kz_cs_value_len(p, end);
		if (n < 0)
			return NULL;
		if (at) {
			at[c] = p - base;
			len[c] = n;
		}
		p += n;
	}
	return p;
}

void
kz_cs_put_header(struct kz_buf *b, const char *table, int ncol,
    const unsigned char *pk)
{
	kz_buf_put(b, "T", 1);
	kz_cs_put_varint(b, (unsigned)ncol);
	for (int c = 0; c < ncol; c++)
		kz_buf_put(b, pk[c] ? "\1" : "\0", 1);
	kz_buf_put(b, table, strlen(table) + 1);
}

/* A 64-bit value, most significant byte first. */
static void
put_u64(struct kz_buf *b, uint64_t x)
{
	unsigned char g[8];

	for (int i = 7; i >= 0; i--, x >>= 8)
		g[i] = (unsigned char)(x & 0xff);
	kz_buf_put(b, (const char *)g, 8);
}

void
kz_cs_put_value(struct kz_buf *b, sqlite3_value *v)
{
	int n = sqlite3_value_bytes(v);
	double d;
	uint64_t u;

	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		kz_buf_put(b, "\1", 1);
		put_u64(b, (uint64_t)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		d = sqlite3_value_double(v);
		memcpy(&u, &d, sizeof u);
		kz_buf_put(b, "\2", 1);
		put_u64(b, u);
		break;
	case SQLITE_TEXT:
		kz_buf_put(b, "\3", 1);
		kz_cs_put_varint(b, (unsigned)n);
		kz_buf_put(b, (const char *)sqlite3_value_text(v), (size_t)n);
		break;
	case SQLITE_BLOB:
		kz_buf_put(b, "\4", 1);
		kz_cs_put_varint(b, (unsigned)n);
		kz_buf_put(b, sqlite3_value_blob(v), (size_t)n);
		break;
	default:
		kz_buf_put(b, "\5", 1);
		break;
	}
}

/* A varint as kz_cs_check takes one: at most 4 bytes (up to 2^28), read
 * by SQLite the same way; longer ones SQLite clamps where this wraps. */
static int
check_varint(const unsigned char *p, const unsigned char *end, unsigned *v)
{
	int k = kz_cs_varint(p, end, v);

	return k > 4 ? -1 : k;
}

/* The record at p: every value well formed; which columns are defined
 * (type not 0) in def. The byte after it, or NULL. */
static const unsigned char *
check_record(const unsigned char *p, const unsigned char *end, int ncol,
    bool *def)
{
	for (int c = 0; c < ncol; c++) {
		long n;
		unsigned len;

		if (p >= end || p[0] > 5)
			return NULL;
		if ((p[0] == 3 || p[0] == 4) && check_varint(p + 1, end, &len) < 0)
			return NULL;
		if ((n = kz_cs_value_len(p, end)) < 0)
			return NULL;
		def[c] = p[0] != 0;
		p += n;
	}
	return p;
}

#define FAIL(...)	do { \
		*at = (long)(p - base); \
		snprintf(why, whysz, __VA_ARGS__); \
		return KZ_ERROR; \
	} while (0)

int
kz_cs_check(const void *data, int size, kz_cs_table_fn *table, void *arg,
    long *at, char tbl[64], char *why, size_t whysz)
{
	const unsigned char *base = data, *p = base, *end = base + size;
	const unsigned char *pk = NULL;
	bool old[KZ_CS_MAX_COLUMNS], new[KZ_CS_MAX_COLUMNS];
	unsigned ncol = 0;

	tbl[0] = '\0';
	if (size < 0)
		FAIL("%s", _("its length is negative"));
	while (p < end) {
		const unsigned char *q;
		int k, op, nkey = 0;

		if (p[0] == 'T') {
			const unsigned char *name, *nul;

			if ((k = check_varint(p + 1, end, &ncol)) < 0 || ncol < 1 ||
			    ncol > KZ_CS_MAX_COLUMNS)
				FAIL("%s", _("a table's column count is damaged"));
			pk = p + 1 + k;
			if ((size_t)(end - pk) <= ncol)
				FAIL("%s", _("a table's header is cut short"));
			for (unsigned c = 0; c < ncol; c++) {
				if (pk[c] > ncol)
					FAIL("%s", _("a table's key flags are "
					    "damaged"));
				nkey += pk[c] != 0;
			}
			name = pk + ncol;
			nul = memchr(name, 0, (size_t)(end - name));
			if (nul == NULL || nul == name || nul - name > 63)
				FAIL("%s", _("a table's name is damaged"));
			memcpy(tbl, name, (size_t)(nul - name));
			tbl[nul - name] = '\0';
			if (nkey == 0)
				FAIL("%s", _("the table has no key column"));
			if (table && table(arg, tbl, (int)ncol, pk, why, whysz)) {
				*at = (long)(p - base);
				return KZ_ERROR;
			}
			p = nul + 1;
			continue;
		}
		if (ncol == 0)
			FAIL("%s", _("a change comes before any table"));
		op = p[0];
		if (op != SQLITE_INSERT && op != SQLITE_UPDATE &&
		    op != SQLITE_DELETE)
			FAIL(_("%d is not an insert, update or delete"), op);
		if (end - p < 2 || p[1] > 1)
			FAIL("%s", _("a change's indirect flag is damaged"));
		q = p + 2;
		if (op != SQLITE_INSERT &&
		    (q = check_record(q, end, (int)ncol, old)) == NULL)
			FAIL("%s", _("a change's old values are damaged"));
		if (op != SQLITE_DELETE &&
		    (q = check_record(q, end, (int)ncol, new)) == NULL)
			FAIL("%s", _("a change's new values are damaged"));
		for (unsigned c = 0; c < ncol; c++) {
			/* what apply binds and compares must be there */
			if ((op == SQLITE_INSERT && !new[c]) ||
			    (op == SQLITE_DELETE && !old[c]) ||
			    (op == SQLITE_UPDATE && pk[c] && !old[c]))
				FAIL("%s", _("a change leaves a value undefined "
				    "that it must have"));
		}
		p = q;
	}
	return KZ_OK;
}

int
kz_cs_replace(void **data, int *size, const struct kz_buf *b)
{
	void *copy = sqlite3_malloc(b->len ? (int)b->len : 1);

	if (copy == NULL || b->oom) {
		sqlite3_free(copy);
		return KZ_ERROR;
	}
	memcpy(copy, b->s, b->len);
	sqlite3_free(*data);
	*data = copy;
	*size = (int)b->len;
	return KZ_OK;
}

int
kz_cs_walk(const void *data, int size, kz_cs_fn *fn, void *arg)
{
	const unsigned char *p = data, *end = p + size;
	sqlite3_changeset_iter *it;
	unsigned ncol = 0;
	int rc = KZ_OK;

	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return KZ_ERROR;
	while (rc == KZ_OK && p < end) {
		const unsigned char *q;

		if (*p == 'T') {
			int k = kz_cs_varint(p + 1, end, &ncol);
			const unsigned char *name;

			q = NULL;
			if (k > 0 && ncol > 0 && ncol < 32768 &&
			    (name = p + 1 + k + ncol) < end)
				q = memchr(name, 0, (size_t)(end - name));
			if (q == NULL) {
				rc = KZ_ERROR;
				break;
			}
			q++;
			rc = fn(arg, NULL, p, (size_t)(q - p), (int)ncol);
			p = q;
			continue;
		}
		if (ncol == 0 || end - p < 2 ||
		    sqlite3changeset_next(it) != SQLITE_ROW) {
			rc = KZ_ERROR;
			break;
		}
		q = p + 2;
		for (int r = 0; q && r < (p[0] == SQLITE_UPDATE ? 2 : 1); r++)
			q = kz_cs_record(q, end, (int)ncol, NULL, NULL, NULL);
		if (q == NULL) {
			rc = KZ_ERROR;
			break;
		}
		rc = fn(arg, it, p, (size_t)(q - p), (int)ncol);
		p = q;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == KZ_OK)
		rc = KZ_ERROR;
	return rc;
}
