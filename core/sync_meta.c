/* sync_meta.c - this database's sync bookkeeping: its id, the last bundle written, what waits, its sources. */
#include "sync_meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "sync.h"
#include "sync_records.h"

int
kz_sync_meta_get(struct kz_db *db, const char *key, char *out, size_t size)
{
	sqlite3_stmt *st;
	int rc = KZ_ERROR;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "SELECT value FROM sync_meta WHERE "
	    "key = ?", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, size, "%s", sqlite3_column_text(st, 0));
		rc = KZ_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
kz_sync_meta_set(struct kz_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "INSERT OR REPLACE INTO sync_meta "
	    "(key, value) VALUES (?, ?)", -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? KZ_OK : KZ_ERROR;
	sqlite3_finalize(st);
	return rc;
}

long
kz_sync_meta_number(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = 0;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

long
kz_sync_pending(struct kz_db *db)
{
	return kz_sync_meta_number(db, "SELECT coalesce(sum(changes), 0) FROM "
	    "sync_outbox");
}

int
kz_sync_status(struct kz_db *db, struct kz_sync_status *s, struct kz_err *err)
{
	struct kz_sync_records r = { 0 };
	sqlite3_stmt *st;
	char v[40];

	memset(s, 0, sizeof *s);
	if (kz_sync_meta_get(db, "db", s->db, sizeof s->db) ||
	    kz_sync_meta_get(db, "exported", v, sizeof v))
		return kz_db_fail(db, err, "sync");
	s->made = atol(v);
	s->exported = kz_sync_meta_number(db, "SELECT coalesce(max(seq), 0) "
	    "FROM sync_export WHERE written IS NOT NULL");
	s->unwritten = kz_sync_meta_number(db, "SELECT count(*) FROM "
	    "sync_export WHERE written IS NULL");
	s->next = s->unwritten ? kz_sync_meta_number(db, "SELECT min(seq) "
	    "FROM sync_export WHERE written IS NULL") : s->made + 1;
	s->pending = kz_sync_pending(db);
	if (kz_sync_records_outbox(db, &r, err)) {
		kz_sync_records_free(&r);
		return KZ_ERROR;
	}
	s->pending_records = r.total;
	kz_sync_records_str(&r, s->pending_kinds, sizeof s->pending_kinds);
	kz_sync_records_free(&r);
	s->open_conflicts = kz_sync_meta_number(db, "SELECT count(*) FROM "
	    "sync_conflict WHERE resolved IS NULL");
	s->clashes = kz_booking_clash_count(db);
	if (sqlite3_prepare_v2(db->sql, "SELECT written FROM sync_export WHERE "
	    "written IS NOT NULL ORDER BY seq DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(s->exported_at, sizeof s->exported_at, "%s",
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT a.source_office, a.source_db, "
	    "a.seq, a.at, (SELECT count(*) FROM sync_conflict c WHERE "
	    "c.source_db = a.source_db AND c.resolved IS NULL) FROM "
	    "sync_applied a WHERE a.seq = (SELECT max(seq) FROM sync_applied b "
	    "WHERE b.source_db = a.source_db) ORDER BY a.source_office, "
	    "a.source_db", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_sync_source *src = realloc(s->sources,
		    (s->nsources + 1) * sizeof *src);
		if (src == NULL)
			break;
		s->sources = src;
		src += s->nsources++;
		snprintf(src->office, sizeof src->office, "%s",
		    sqlite3_column_text(st, 0));
		snprintf(src->db, sizeof src->db, "%s",
		    sqlite3_column_text(st, 1));
		src->seq = (long)sqlite3_column_int64(st, 2);
		snprintf(src->at, sizeof src->at, "%s",
		    sqlite3_column_text(st, 3));
		src->conflicts = (long)sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

void
kz_sync_status_free(struct kz_sync_status *s)
{
	free(s->sources);
	s->sources = NULL;
	s->nsources = 0;
}
