/* sync_fields.c - a kept-aside change field by field: theirs, base and mine side by side. */
#include "sync.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static const char *const side_names[KZ_SIDES] = { "theirs", "base", "mine" };

static struct kz_conflict_field *
field_of(struct kz_conflict_view *v, const char *name)
{
	struct kz_conflict_field *f;

	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->f[i].name, name) == 0)
			return &v->f[i];
	if ((f = realloc(v->f, (v->n + 1) * sizeof *f)) == NULL)
		return NULL;
	v->f = f;
	f += v->n;
	memset(f, 0, sizeof *f);
	if ((f->name = strdup(name)) == NULL)
		return NULL;
	v->n++;
	return f;
}

/*
 * The change JSON is {"key": {...}, "theirs": {...}, "base": {...},
 * "mine": {...}}, each object column -> value. SQLite's own JSON reader
 * takes it apart; the table's column order (where the table still has the
 * column) places the fields in the order a record is read.
 */
int
kz_conflict_view(struct kz_db *db, const struct kz_conflict *c,
    struct kz_conflict_view *v, struct kz_err *err)
{
	sqlite3_stmt *st;
	struct kz_buf key = { 0 };
	int rc = KZ_OK;

	memset(v, 0, sizeof *v);
	if (c->change == NULL || !*c->change)
		return KZ_OK;
	if (sqlite3_prepare_v2(db->sql, "SELECT p.key, f.key, f.atom FROM "
	    "json_each(?1) p, json_each(p.value) f LEFT JOIN "
	    "pragma_table_info(?2) t ON t.name = f.key WHERE json_valid(?1) "
	    "AND p.type = 'object' ORDER BY p.key <> 'key', coalesce(t.cid, "
	    "1e9), f.id", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, c->change, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->table, -1, SQLITE_STATIC);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *part = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *val = (const char *)sqlite3_column_text(st, 2);
		struct kz_conflict_field *f;
		int side = -1;

		if (part == NULL || name == NULL)
			continue;
		if (strcmp(part, "key") == 0) {
			kz_buf_printf(&key, "%s%s %s", key.len ? ", " : "", name,
			    val ? val : "");
			continue;
		}
		for (int i = 0; i < KZ_SIDES; i++)
			if (strcmp(part, side_names[i]) == 0)
				side = i;
		if (side < 0)
			continue;	/* "error": said by the reason */
		if ((f = field_of(v, name)) == NULL ||
		    (val && (f->value[side] = strdup(val)) == NULL)) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		f->has[side] = true;
		v->has[side] = true;
	}
	sqlite3_finalize(st);
	if (rc == KZ_OK && key.len && (v->key = strdup(kz_buf_str(&key))) ==
	    NULL)
		rc = kz_err_add(err, "", _("out of memory"));
	kz_buf_free(&key);
	if (rc != KZ_OK)
		kz_conflict_view_free(v);
	return rc;
}

void
kz_conflict_view_free(struct kz_conflict_view *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->f[i].name);
		for (int s = 0; s < KZ_SIDES; s++)
			free(v->f[i].value[s]);
	}
	free(v->f);
	free(v->key);
	memset(v, 0, sizeof *v);
}
