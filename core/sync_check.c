/* sync_check.c - a bundle's changes checked before any changeset call: whom they come from, what they touch, their bytes. */
#include "sync_check.h"

#include <stdio.h>
#include <string.h>

#include "changeset.h"
#include "i18n.h"
#include "sync_meta.h"
#include "sync_rules.h"
#include "text.h"

/* Does the query (one text parameter, then a second if b) give a row? */
static int
exists(struct kz_db *db, const char *sql, const char *a, const char *b,
    bool *yes)
{
	sqlite3_stmt *st;
	int rc;

	*yes = false;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK : KZ_ERROR;
}

static bool
office_code(const char *s)
{
	size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	return n >= 2 && n <= 4 && s[n] == '\0';
}

/*
 * Until bundles are signed, the header's office and role are only what
 * it says. What can be known here is closed: bundles go between offices
 * and head office only, an office's bundle never carries this database's
 * own office code, and head office's bundles come from one office.
 */
static int
source_ok(struct kz_db *db, const char *name, const struct kz_bundle_info *in,
    struct kz_err *err)
{
	const struct kz_config *cfg = db->cfg;
	bool head = strcmp(in->role, "head") == 0, yes;
	char mydb[40];

	if (!office_code(in->office))
		return kz_err_add(err, name, _("the bundle's office \"%s\" is "
		    "not an office code"), in->office);
	/* this database's own: the import says so */
	if (cfg == NULL || cfg->office_id == NULL ||
	    (kz_sync_meta_get(db, "db", mydb, sizeof mydb) == KZ_OK &&
	    strcmp(mydb, in->db) == 0))
		return KZ_OK;
	if (!head && strcmp(in->office, cfg->office_id) == 0)
		return kz_err_add(err, name, _("the bundle says it comes from "
		    "office %s, this database's own office: refused"),
		    in->office);
	if (cfg->role == KZ_ROLE_HEAD) {
		if (!head)
			return KZ_OK;
		/* a copy of this database, made before it was moved or
		 * copied, is head office's; another database calling itself
		 * head office may not change the register here */
		if (strcmp(in->office, cfg->office_id) != 0)
			return kz_err_add(err, name, _("the bundle says it comes "
			    "from head office %s, but this database is head "
			    "office %s: refused"), in->office, cfg->office_id);
		if (exists(db, "SELECT 1 FROM sync_home WHERE db = ? AND role = "
		    "'head'", in->db, NULL, &yes))
			return kz_db_fail(db, err, "sync");
		if (!yes)
			return kz_err_add(err, name, _("the bundle says it comes "
			    "from head office, from database %s, which this "
			    "database has never been: head office takes bundles "
			    "from offices"), in->db);
		return KZ_OK;
	}
	if (!head)
		return kz_err_add(err, name, _("the bundle comes from office %s: "
		    "an office takes bundles from head office only"), in->office);
	if (strcmp(in->office, cfg->office_id) == 0)
		return kz_err_add(err, name, _("the bundle says it comes from "
		    "head office %s, this office's own code: refused"),
		    in->office);
	/* head office is one office: once its bundles came from one code,
	 * a bundle under another is not head office's */
	if (exists(db, "SELECT 1 FROM sync_applied WHERE source_office <> ?1 "
	    "AND NOT EXISTS (SELECT 1 FROM sync_applied WHERE source_office = "
	    "?1)", in->office, NULL, &yes))
		return kz_db_fail(db, err, "sync");
	if (yes)
		return kz_err_add(err, name, _("the bundle says it comes from "
		    "head office %s, but head office's bundles have come from "
		    "another office: refused"), in->office);
	return KZ_OK;
}

struct tables {
	struct kz_db *db;
};

/* A table a bundle may change: one that travels, which this database has
 * (by that exact name: SQLite's own names ignore case) with the same
 * columns and key. */
static int
table_ok(void *arg, const char *table, int ncol, const unsigned char *pk,
    char *why, size_t whysz)
{
	struct tables *t = arg;
	sqlite3_stmt *st;
	bool yes;
	int n = 0, rc;

	if (!kz_sync_rule_travels(table)) {
		snprintf(why, whysz, "%s", _("a bundle never changes this "
		    "table: it is sync bookkeeping, or built by each database "
		    "for itself"));
		return KZ_ERROR;
	}
	if (t->db == NULL)
		return KZ_OK;
	if (exists(t->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND "
	    "name = ? AND sql NOT LIKE 'CREATE VIRTUAL%'", table, NULL, &yes) ||
	    !yes) {
		snprintf(why, whysz, "%s", _("this database has no such "
		    "table"));
		return KZ_ERROR;
	}
	if (sqlite3_prepare_v2(t->db->sql, "SELECT pk FROM pragma_table_info(?) "
	    "ORDER BY cid", -1, &st, NULL) != SQLITE_OK) {
		snprintf(why, whysz, "%s", sqlite3_errmsg(t->db->sql));
		return KZ_ERROR;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	rc = KZ_OK;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n < ncol && (sqlite3_column_int(st, 0) != 0) != (pk[n] != 0))
			rc = KZ_ERROR;
		n++;
	}
	sqlite3_finalize(st);
	if (n != ncol)
		snprintf(why, whysz, _("it has %d columns where this database "
		    "has %d: the two kizuna versions differ"), ncol, n);
	else if (rc != KZ_OK)
		snprintf(why, whysz, "%s", _("its key columns are not this "
		    "database's"));
	return n != ncol ? KZ_ERROR : rc;
}

int
kz_sync_check(struct kz_db *db, const char *name,
    const struct kz_bundle_info *in, const unsigned char *changes, int size,
    struct kz_err *err)
{
	struct tables t = { .db = db };
	char why[KZ_ERR_MSG], tbl[64], shown[256];
	long at = 0;

	if (db && source_ok(db, name, in, err))
		return KZ_ERROR;
	if (kz_cs_check(changes, size, table_ok, &t, &at, tbl, why,
	    sizeof why) == KZ_OK)
		return KZ_OK;
	if (tbl[0])
		return kz_err_add(err, name, _("the bundle's changes are refused "
		    "at byte %ld of the changes, in table \"%s\": %s"), at,
		    kz_text_shown(tbl, shown, sizeof shown), why);
	return kz_err_add(err, name, _("the bundle's changes are refused at "
	    "byte %ld of the changes: %s"), at, why);
}
