/* dsprec.c - helpers the request and dispatch records share: statements, checks, ids. */
#include "dsprec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

int
kz_rec_run(struct kz_db *db, struct kz_err *err, const char *sql, int n,
    const char *const *vals)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, sql);
	for (int i = 0; i < n; i++) {
		if (vals[i] == NULL || *vals[i] == '\0')
			sqlite3_bind_null(st, i + 1);
		else
			sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		if (rc == SQLITE_CONSTRAINT_TRIGGER)
			kz_err_add(err, "", "%s", sqlite3_errmsg(db->sql));
		else
			kz_db_fail(db, err, sql);
		sqlite3_finalize(st);
		return KZ_ERROR;
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

char *
kz_rec_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t && *t ? strdup((const char *)t) : NULL;
}

void
kz_rec_col_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, size, "%s", t ? (const char *)t : "");
}

bool
kz_rec_check_text(struct kz_err *err, const char *where, const char *label,
    const char *v, size_t max, bool required, bool multiline)
{
	size_t n;

	if (v == NULL || *v == '\0') {
		if (required)
			kz_err_add(err, where, _("%s is required"), label);
		return !required;
	}
	if (!kz_utf8_valid(v, strlen(v))) {
		kz_err_add(err, where, _("%s is not valid UTF-8 text"), label);
		return false;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t'))) ||
		    *p == 0x7f) {
			kz_err_add(err, where, _("%s contains a control "
			    "character"), label);
			return false;
		}
	if ((n = kz_utf8_len(v)) > max) {
		kz_err_add(err, where, _("%s is too long: %zu characters, at "
		    "most %zu"), label, n, max);
		return false;
	}
	return true;
}

bool
kz_rec_lang_ok(const char *l)
{
	size_t n = 0;

	if (l == NULL)
		return false;
	while (l[n] >= 'a' && l[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	for (const char *p = l + n; *p; p++)
		if (!(*p == '-' || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return strlen(l) <= 15;
}

const char *
kz_rec_user(const struct kz_db *db)
{
	return db->cfg && db->cfg->user ? db->cfg->user : NULL;
}

/* Table names come from the code, never from input; still, refuse
 * anything that is not a plain name before it reaches SQL text. */
static bool
table_ok(const char *t)
{
	if (t == NULL || *t == '\0' || strlen(t) > 32)
		return false;
	for (; *t; t++)
		if (!((*t >= 'a' && *t <= 'z') || *t == '_'))
			return false;
	return true;
}

static bool
exists(struct kz_db *db, const char *table, const char *id)
{
	char sql[96];
	sqlite3_stmt *st;
	bool found = false;

	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?", table);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int
kz_rec_new_id(struct kz_db *db, const char *table, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	const char *office = db->cfg && db->cfg->office_id ?
	    db->cfg->office_id : "KZ";

	if (!table_ok(table))
		return kz_err_add(err, "id", "bad table");
	for (int tries = 0; tries < 10; tries++) {
		if (kz_id_new(office, id) != 0)
			break;
		if (!exists(db, table, id))
			return KZ_OK;
	}
	return kz_err_add(err, "id", _("cannot make a new id"));
}

/* The messages of kz_rec_resolve, whole for each kind of record: a
 * translation cannot fit a noun into a sentence it does not see. */
static const struct {
	const char *table;
	const char *none;	/* nothing typed */
	const char *many;	/* "%s": what was typed */
	const char *unknown;	/* %s: what was typed */
} kinds[] = {
	{ "request", N_("no request id given"), N_("\"%s\" matches more "
	    "than one request: give more of the id"),
	    N_("no request with id %s") },
	{ "dispatch", N_("no dispatch id given"), N_("\"%s\" matches more "
	    "than one dispatch: give more of the id"),
	    N_("no dispatch with id %s") },
	{ "specialist", N_("no specialist id given"), N_("\"%s\" matches "
	    "more than one specialist: give more of the id"),
	    N_("no specialist with id %s") },
	{ NULL, N_("no id given"), N_("\"%s\" matches more than one "
	    "record: give more of the id"), N_("no record with id %s") },
};

int
kz_rec_resolve(struct kz_db *db, const char *table, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err)
{
	sqlite3_stmt *st;
	char key[32], sql[256];
	size_t n = 0, k = 0;
	int found = 0;

	if (!table_ok(table))
		return kz_err_add(err, "id", "bad table");
	while (kinds[k].table && strcmp(kinds[k].table, table) != 0)
		k++;
	if (typed == NULL || *typed == '\0')
		return kz_err_add(err, "id", "%s", _(kinds[k].none));
	if (kz_id_normalise(typed, id) && exists(db, table, id))
		return KZ_OK;
	for (const char *p = typed; *p && n + 1 < sizeof key; p++)
		if (*p != '-' && *p != ' ')
			key[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	key[n] = '\0';
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE "
	    "replace(substr(id, instr(id, '-') + 1), '-', '') GLOB ?1 || '*' "
	    "OR replace(id, '-', '') GLOB ?1 || '*' LIMIT 2", table);
	if (n >= 3 && strpbrk(key, "*?[]") == NULL &&
	    sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (found++ == 0)
				kz_rec_col_copy(st, 0, id, KZ_ID_SIZE);
		sqlite3_finalize(st);
	}
	if (found == 1)
		return KZ_OK;
	if (found > 1)
		return kz_err_add(err, "id", _(kinds[k].many), typed);
	return kz_err_add(err, "id", _(kinds[k].unknown), typed);
}
