/* changeset.c - a changeset's bytes walked: its varints, values, records and changes (for the sync passes that rewrite one). */
#include "changeset.h"

#include <stdint.h>
#include <string.h>

#include "err.h"

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
