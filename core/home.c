/* home.c - the office a database belongs to, fixed when it is made, and its file's identity. */
#include "home.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "record.h"
#include "sync_key.h"
#include "sync_meta.h"

static const char *
role_name(const struct kz_config *cfg)
{
	return cfg->role == KZ_ROLE_HEAD ? "head" : "office";
}

/* "device:inode" of the file, "" for a database in memory or unseen. */
static void
file_identity(const char *path, char out[64])
{
	struct stat sb;

	out[0] = '\0';
	if (path && strcmp(path, ":memory:") != 0 && stat(path, &sb) == 0)
		snprintf(out, 64, "%llu:%llu", (unsigned long long)sb.st_dev,
		    (unsigned long long)sb.st_ino);
}

static int
read_home(struct kz_db *db, struct kz_home *h, char file[64])
{
	sqlite3_stmt *st;
	int rc = KZ_ERROR;

	memset(h, 0, sizeof *h);
	if (file)
		file[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "SELECT organisation, office, role, "
	    "event, at, db, file FROM sync_home ORDER BY n DESC LIMIT 1", -1,
	    &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, h->organisation, sizeof h->organisation);
		kz_col_copy(st, 1, h->office, sizeof h->office);
		kz_col_copy(st, 2, h->role, sizeof h->role);
		kz_col_copy(st, 3, h->event, sizeof h->event);
		kz_col_copy(st, 4, h->at, sizeof h->at);
		kz_col_copy(st, 5, h->db, sizeof h->db);
		if (file)
			kz_col_copy(st, 6, file, 64);
		rc = KZ_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
kz_home_get(struct kz_db *db, struct kz_home *out, struct kz_err *err)
{
	if (read_home(db, out, NULL) != KZ_OK)
		return kz_err_add(err, "", _("the database has no office "
		    "recorded yet"));
	return KZ_OK;
}

/* A row of sync_home, inside the caller's transaction. */
static int
add_row(struct kz_db *db, const char *org, const char *office,
    const char *role, const char *event, const char *file,
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char now[32], dbid[40];
	int rc;

	kz_now_utc(now);
	if (kz_sync_meta_get(db, "db", dbid, sizeof dbid) != KZ_OK)
		return kz_db_fail(db, err, "sync_home");
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_home (at, "
	    "organisation, office, role, event, db, file, by) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync_home");
	kz_bind_text(st, 1, now);
	sqlite3_bind_text(st, 2, org, -1, SQLITE_STATIC);
	kz_bind_text(st, 3, office);
	kz_bind_text(st, 4, role);
	kz_bind_text(st, 5, event);
	kz_bind_text(st, 6, dbid);
	sqlite3_bind_text(st, 7, file, -1, SQLITE_STATIC);
	kz_bind_text(st, 8, kz_record_user(db));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sync_home");
}

/* A new database id and bundle sequence: what head office has from the
 * old id stays that id's; this file's bundles start again at 1. */
static int
new_stream(struct kz_db *db, struct kz_err *err)
{
	if (sqlite3_exec(db->sql, "UPDATE sync_meta SET value = "
	    "lower(hex(randomblob(8))) WHERE key = 'db';"
	    "UPDATE sync_meta SET value = '0' WHERE key = 'exported';"
	    "DELETE FROM sync_export;", NULL, NULL, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync_home");
	return KZ_OK;
}

int
kz_home_open(struct kz_db *db, const char *path, bool any_office,
    struct kz_home_open *out, struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	char file[64], was[64];
	bool have;

	memset(out, 0, sizeof *out);
	file_identity(path, file);
	have = read_home(db, &out->home, was) == KZ_OK;
	if (!have && cfg == NULL)
		return KZ_OK;
	if (!have || (file[0] && was[0] && strcmp(file, was) != 0)) {
		if (kz_db_begin(db, err) != KZ_OK)
			return KZ_ERROR;
		if (have) {
			snprintf(out->old_db, sizeof out->old_db, "%s",
			    out->home.db);
			if (new_stream(db, err) != KZ_OK ||
			    add_row(db, out->home.organisation,
			    out->home.office, out->home.role, "copy", file,
			    err) != KZ_OK) {
				kz_db_rollback(db);
				return KZ_ERROR;
			}
			out->copied = true;
		} else {
			if (add_row(db, cfg->organisation ? cfg->organisation :
			    "", cfg->office_id, role_name(cfg), "made", file,
			    err) != KZ_OK) {
				kz_db_rollback(db);
				return KZ_ERROR;
			}
			out->made = true;
		}
		if (kz_db_commit(db, err) != KZ_OK)
			return KZ_ERROR;
		read_home(db, &out->home, NULL);
		/* a key pair made with the database; a copy signs with a
		 * pair of its own, never the original's */
		unsigned char pk[KZ_KEY_PUBLIC];
		if (out->copied ? kz_sync_key_renew(db, false, err) :
		    kz_sync_key_own(db, pk, err))
			return KZ_ERROR;
	}
	if (cfg == NULL || any_office)
		return KZ_OK;
	const char *org = cfg->organisation ? cfg->organisation : "";
	if (strcmp(out->home.office, cfg->office_id) != 0 ||
	    strcmp(out->home.organisation, org) != 0 ||
	    strcmp(out->home.role, role_name(cfg)) != 0)
		return kz_err_add(err, path, _("this database belongs to office "
		    "%s (%s, organisation \"%s\"); the configuration is for "
		    "office %s (%s, organisation \"%s\"). Use office %s's "
		    "configuration, or, if the database has really moved, "
		    "re-home it: kizuna -c CONFIG sync rehome %s --yes"),
		    out->home.office, out->home.role, out->home.organisation,
		    cfg->office_id, role_name(cfg), org, out->home.office,
		    cfg->office_id);
	return KZ_OK;
}

int
kz_home_rehome(struct kz_db *db, const char *office, struct kz_home *from,
    struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	long waiting;

	if (cfg == NULL)
		return kz_err_add(err, "", _("no configuration"));
	if (kz_home_get(db, from, err) != KZ_OK)
		return KZ_ERROR;
	if (strcmp(office, cfg->office_id) != 0)
		return kz_err_add(err, "OFFICE", _("the configuration %s is for "
		    "office %s, not %s: re-home with the new office's "
		    "configuration"), cfg->path, cfg->office_id, office);
	const char *org = cfg->organisation ? cfg->organisation : "";
	if (strcmp(from->office, office) == 0 &&
	    strcmp(from->organisation, org) == 0 &&
	    strcmp(from->role, role_name(cfg)) == 0)
		return kz_err_add(err, "OFFICE", _("the database belongs to "
		    "office %s already"), office);
	waiting = kz_sync_meta_number(db, "SELECT coalesce(sum(changes), 0) "
	    "FROM sync_outbox");
	if (waiting > 0)
		return kz_err_add(err, "", _("%ld changes wait for export under "
		    "office %s: export them with office %s's configuration "
		    "first (kizuna sync export), then re-home"), waiting,
		    from->office, from->office);
	if (kz_db_begin(db, err) != KZ_OK)
		return KZ_ERROR;
	char file[64];
	struct kz_home cur;
	read_home(db, &cur, file);
	if (new_stream(db, err) != KZ_OK || add_row(db, org, office,
	    role_name(cfg), "rehome", file, err) != KZ_OK) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	if (kz_db_commit(db, err) != KZ_OK)
		return KZ_ERROR;
	/* the old office's key goes with the old office */
	return kz_sync_key_renew(db, true, err);
}
