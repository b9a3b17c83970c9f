/* outbox.c - the changes waiting for the next bundle, as sync_outbox keeps them. */
#include "outbox.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>


/* Packed from this size up: a form's or a command's change stays as
 * SQLite made it (and as tests and tools read it); an import's batch of
 * a thousand rows, about 800 KB, is packed. */
#define PACK_MIN	(64 * 1024)
/* zstd's fastest: a ninth of the size at about 400 MB/s */
#define PACK_LEVEL	1

/* A zstd frame starts so; a changeset starts with 'T' (a patchset 'P'). */
static const unsigned char magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };

int
kz_outbox_put(sqlite3 *sql, const void *data, int size, int n, bool taken_in,
    const char *now)
{
	sqlite3_stmt *st;
	void *packed = NULL;
	size_t plen = 0;
	int rc;

	if (size >= PACK_MIN &&
	    (packed = malloc(ZSTD_compressBound((size_t)size))) != NULL) {
		plen = ZSTD_compress(packed, ZSTD_compressBound((size_t)size),
		    data, (size_t)size, PACK_LEVEL);
		/* kept as it is if it does not pack */
		if (ZSTD_isError(plen) || plen >= (size_t)size) {
			free(packed);
			packed = NULL;
		}
	}
	if ((rc = sqlite3_prepare_v2(sql, "INSERT INTO sync_outbox (at, "
	    "changes, data, taken_in) VALUES (?, ?, ?, ?)", -1, &st, NULL)) !=
	    SQLITE_OK) {
		free(packed);
		return rc;
	}
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, n);
	if (packed)
		sqlite3_bind_blob(st, 3, packed, (int)plen, SQLITE_STATIC);
	else
		sqlite3_bind_blob(st, 3, data, size, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, taken_in);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(packed);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
kz_outbox_data(sqlite3_stmt *st, int col, const void **data, int *size,
    void **owned)
{
	const unsigned char *p = sqlite3_column_blob(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	unsigned long long want;
	size_t got;
	void *out;

	*owned = NULL;
	*data = p;
	*size = (int)n;
	if (p == NULL || n < sizeof magic || memcmp(p, magic, sizeof magic))
		return KZ_OK;
	want = ZSTD_getFrameContentSize(p, n);
	if (want == ZSTD_CONTENTSIZE_UNKNOWN ||
	    want == ZSTD_CONTENTSIZE_ERROR || want == 0 || want > INT_MAX ||
	    (out = malloc((size_t)want)) == NULL)
		return KZ_ERROR;
	got = ZSTD_decompress(out, (size_t)want, p, n);
	if (ZSTD_isError(got) || got != want) {
		free(out);
		return KZ_ERROR;
	}
	*owned = out;
	*data = out;
	*size = (int)want;
	return KZ_OK;
}
