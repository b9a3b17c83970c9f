/* sync.c - bundles that carry changes between offices and head office. */
#include "sync.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"
#include "search.h"
#include "sha256.h"
#include "sync_stamps.h"

/*
 * A bundle is a text header, the changeset, and a closing line that
 * carries the SHA-256 of everything before it:
 *
 *	KIZUNA-BUNDLE 1
 *	organisation: CLAIR
 *	office: BJS
 *	role: office
 *	db: 8f3a09c1d2e4b5a6
 *	sequence: 12
 *	created: 2026-11-21T10:00:00Z
 *	changes: 3
 *	count: specialist 1
 *	payload: 1234
 *
 *	<1234 bytes of changeset>
 *	END 64-hex-digits
 *
 * The checksum is verified before any changeset function sees the data:
 * SQLite's changeset reader (3.40) loops forever on a changeset cut in its
 * first bytes, and applies a changeset cut at a record boundary as a
 * shorter valid one, silently dropping the rest.
 */
#define MAGIC "KIZUNA-BUNDLE "
#define MAX_BUNDLE (512L * 1024 * 1024)

/* The specialist register belongs to head office; every other record to
 * the office whose code starts its id. */
static bool
register_table(const char *t)
{
	return strcmp(t, "specialist") == 0 ||
	    strncmp(t, "specialist_", 11) == 0;
}

/* ---- small helpers ---- */

static int
meta_get(struct kz_db *db, const char *key, char *out, size_t size)
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

static int
meta_set(struct kz_db *db, const char *key, const char *value)
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

static long
query_long(struct kz_db *db, const char *sql)
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

/* "specialist 3, specialist_field 4" and the total, from a changeset. */
static long
describe(const void *data, int size, char *out, size_t outsz)
{
	sqlite3_changeset_iter *it;
	char last[64] = "";
	long total = 0, n = 0;
	size_t len = 0;

	out[0] = '\0';
	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return -1;
	for (;;) {
		const char *t = NULL;
		int ncol, op, ind;
		int more = sqlite3changeset_next(it) == SQLITE_ROW;
		if (more)
			sqlite3changeset_op(it, &t, &ncol, &op, &ind);
		if (last[0] && (!more || strcmp(t, last) != 0)) {
			len += (size_t)snprintf(out + len, len < outsz ?
			    outsz - len : 0, "%s%s %ld", len ? ", " : "", last, n);
			n = 0;
		}
		if (!more)
			break;
		snprintf(last, sizeof last, "%s", t);
		n++;
		total++;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		return -1;
	return total;
}

/* ---- export ---- */

/* Changes of every record: the difference between an empty copy of each
 * table and the real one. */
static int
diff_all(struct kz_db *db, sqlite3_session **out, struct kz_err *err)
{
	sqlite3_stmt *st;
	sqlite3_session *s = NULL;
	int rc = KZ_OK;

	if (sqlite3_exec(db->sql, "ATTACH ':memory:' AS kzempty", NULL, NULL,
	    NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "export");
	if (sqlite3session_create(db->sql, "main", &s) != SQLITE_OK) {
		rc = kz_db_fail(db, err, "export");
		goto done;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT l.name, m.sql FROM "
	    "pragma_table_list l JOIN sqlite_schema m ON m.name = l.name "
	    "WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE "
	    "'sqlite\\_%' ESCAPE '\\' AND l.name NOT LIKE 'sync\\_%' ESCAPE '\\' "
	    "AND l.name NOT LIKE 'local\\_%' ESCAPE '\\'",
	    -1, &st, NULL) != SQLITE_OK) {
		rc = kz_db_fail(db, err, "export");
		goto done;
	}
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		const char *paren = strchr(sql, '(');
		char *copy;
		char *emsg = NULL;

		/* the same columns and key, in the empty database */
		if (paren == NULL)
			continue;
		copy = sqlite3_mprintf("CREATE TABLE kzempty.\"%w\" %s", name,
		    paren);
		if (copy == NULL || sqlite3_exec(db->sql, copy, NULL, NULL, NULL)
		    != SQLITE_OK || sqlite3session_attach(s, name) != SQLITE_OK ||
		    sqlite3session_diff(s, "kzempty", name, &emsg) != SQLITE_OK) {
			rc = kz_err_add(err, "", _("database: export of %s: %s"),
			    name, emsg ? emsg : sqlite3_errmsg(db->sql));
		}
		sqlite3_free(emsg);
		sqlite3_free(copy);
	}
	sqlite3_finalize(st);
done:
	if (rc == KZ_OK)
		*out = s;
	else
		sqlite3session_delete(s);
	return rc;
}

/* Merge the outbox (or everything) into one changeset. */
static int
gather(struct kz_db *db, bool all, void **data, int *size, long *upto,
    struct kz_err *err)
{
	sqlite3_changegroup *g = NULL;
	sqlite3_stmt *st;
	int rc = KZ_OK;

	*data = NULL;
	*size = 0;
	*upto = query_long(db, "SELECT coalesce(max(n), 0) FROM sync_outbox");
	if (all) {
		sqlite3_session *s = NULL;
		if (diff_all(db, &s, err))
			goto out;
		if (sqlite3session_changeset(s, size, data) != SQLITE_OK)
			rc = kz_db_fail(db, err, "export");
		sqlite3session_delete(s);
		goto out;
	}
	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return kz_err_add(err, "", _("out of memory"));
	if (sqlite3_prepare_v2(db->sql, "SELECT data FROM sync_outbox WHERE "
	    "n <= ? ORDER BY n", -1, &st, NULL) != SQLITE_OK) {
		sqlite3changegroup_delete(g);
		return kz_db_fail(db, err, "export");
	}
	sqlite3_bind_int64(st, 1, *upto);
	while (rc == KZ_OK && sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3changegroup_add(g, sqlite3_column_bytes(st, 0),
		    (void *)sqlite3_column_blob(st, 0)) != SQLITE_OK)
			rc = kz_err_add(err, "", _("the outbox of changes is "
			    "damaged"));
	sqlite3_finalize(st);
	if (rc == KZ_OK && sqlite3changegroup_output(g, size, data) !=
	    SQLITE_OK)
		rc = kz_err_add(err, "", _("out of memory"));
	sqlite3changegroup_delete(g);
out:
	if (rc == KZ_OK && err->n)
		rc = KZ_ERROR;
	if (all)
		sqlite3_exec(db->sql, "DETACH kzempty", NULL, NULL, NULL);
	return rc;
}

int
kz_sync_export(struct kz_db *db, const char *path, bool all,
    struct kz_sync_result *res, struct kz_err *err)
{
	struct kz_buf b = { 0 };
	void *data = NULL;
	int size = 0, rc = KZ_ERROR;
	long upto;
	char dbid[40], seqs[32], tmp[4200], sha[65], now[32];
	sqlite3_stmt *st = NULL;
	const struct kz_config *cfg = db->cfg;

	memset(res, 0, sizeof *res);
	if (meta_get(db, "db", dbid, sizeof dbid) || meta_get(db, "exported",
	    seqs, sizeof seqs))
		return kz_db_fail(db, err, "sync");
	if (gather(db, all, &data, &size, &upto, err))
		return KZ_ERROR;
	if (size == 0) {
		res->nothing = true;
		sqlite3_free(data);
		return KZ_OK;
	}
	if (!all) {
		struct kz_buf full = { 0 };
		if (kz_sync_stamps(db, data, size, &full, err)) {
			sqlite3_free(data);
			return KZ_ERROR;
		}
		if (full.len > 0) {	/* the same changes, authors said */
			void *copy = sqlite3_malloc((int)full.len);
			if (copy)
				memcpy(copy, full.s, full.len);
			sqlite3_free(data);
			data = copy;
			size = (int)full.len;
			kz_buf_free(&full);
			if (data == NULL)
				return kz_err_add(err, "", _("out of memory"));
		}
	}
	struct kz_bundle_info *in = &res->info;
	in->seq = atol(seqs) + 1;
	in->changes = describe(data, size, in->counts, sizeof in->counts);
	kz_now_utc(now);
	kz_buf_printf(&b, MAGIC "%d\norganisation: %s\noffice: %s\nrole: %s\n"
	    "db: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
	    KZ_BUNDLE_FORMAT, cfg->organisation, cfg->office_id,
	    cfg->role == KZ_ROLE_HEAD ? "head" : "office", dbid, in->seq, now,
	    in->changes);
	if (in->counts[0])
		kz_buf_printf(&b, "count: %s\n", in->counts);
	kz_buf_printf(&b, "payload: %d\n\n", size);
	kz_buf_put(&b, data, (size_t)size);
	sqlite3_free(data);
	kz_sha256_hex(b.s, b.len, sha);
	kz_buf_printf(&b, "\nEND %s\n", sha);
	if (b.oom) {
		kz_buf_free(&b);
		return kz_err_add(err, "", _("out of memory"));
	}
	snprintf(in->sha256, sizeof in->sha256, "%s", sha);
	snprintf(in->office, sizeof in->office, "%s", cfg->office_id);
	snprintf(in->created, sizeof in->created, "%s", now);
	in->bytes = b.len;

	if (kz_file_write_temp(path, b.s, b.len, tmp, sizeof tmp) != 0) {
		rc = kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(errno));
		kz_buf_free(&b);
		return rc;
	}
	/* The sequence moves on in the same transaction that empties the
	 * outbox; the file takes its name just before that commits. */
	if (kz_db_begin(db, err))
		goto fail;
	snprintf(seqs, sizeof seqs, "%ld", in->seq);
	if (meta_set(db, "exported", seqs) ||
	    sqlite3_prepare_v2(db->sql, "INSERT INTO sync_export (seq, at, file, "
	    "bytes, changes, sha256) VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL)
	    != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, in->seq);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)b.len);
	sqlite3_bind_int64(st, 5, in->changes);
	sqlite3_bind_text(st, 6, sha, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db->sql, "DELETE FROM sync_outbox WHERE n <= ?",
	    -1, &st, NULL) != SQLITE_OK)
		goto fail_tx;
	sqlite3_bind_int64(st, 1, upto);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail_tx;
	sqlite3_finalize(st);
	st = NULL;
	if (kz_file_commit(tmp, path) != 0) {
		kz_err_add(err, path, _("cannot write the bundle: %s"),
		    strerror(errno));
		kz_db_rollback(db);
		goto fail;
	}
	if (kz_db_commit(db, err)) {
		unlink(path);	/* the sequence did not move: no bundle */
		kz_buf_free(&b);
		return KZ_ERROR;
	}
	kz_buf_free(&b);
	return KZ_OK;
fail_tx:
	kz_db_fail(db, err, "export");
	sqlite3_finalize(st);
	kz_db_rollback(db);
fail:
	unlink(tmp);
	kz_buf_free(&b);
	return KZ_ERROR;
}

/* ---- reading a bundle ---- */

static const char *
header_value(const char *line, const char *key)
{
	size_t n = strlen(key);
	return strncmp(line, key, n) == 0 && line[n] == ':' && line[n + 1] == ' '
	    ? line + n + 2 : NULL;
}

int
kz_sync_verify(struct kz_db *db, const char *name, const unsigned char *data,
    size_t len, struct kz_bundle_info *in, size_t *payload_at,
    struct kz_err *err)
{
	const char *p = (const char *)data, *end = p + len;
	char line[600], sha[65];
	long payload = -1;
	int format;

	memset(in, 0, sizeof *in);
	in->seq = -1;
	in->changes = -1;
	in->bytes = len;
	if (len < sizeof MAGIC - 1 || memcmp(p, MAGIC, sizeof MAGIC - 1) != 0)
		return kz_err_add(err, name, _("not a kizuna bundle"));
	/* header lines up to the blank line */
	for (int lineno = 1;; lineno++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *v;
		if (nl == NULL || nl - p >= (long)sizeof line)
			return kz_err_add(err, name, _("the bundle is cut short "
			    "in its header (line %d): it is incomplete"), lineno);
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		p = nl + 1;
		if (lineno == 1) {
			format = atoi(line + sizeof MAGIC - 1);
			if (format > KZ_BUNDLE_FORMAT)
				return kz_err_add(err, name, _("the bundle has "
				    "format %d, newer than this kizuna reads "
				    "(%d): upgrade kizuna"), format,
				    KZ_BUNDLE_FORMAT);
			if (format < 1)
				return kz_err_add(err, name, _("not a kizuna "
				    "bundle"));
			continue;
		}
		if (line[0] == '\0')
			break;
		if ((v = header_value(line, "organisation")))
			snprintf(in->organisation, sizeof in->organisation, "%s", v);
		else if ((v = header_value(line, "office")))
			snprintf(in->office, sizeof in->office, "%s", v);
		else if ((v = header_value(line, "role")))
			snprintf(in->role, sizeof in->role, "%s", v);
		else if ((v = header_value(line, "db")))
			snprintf(in->db, sizeof in->db, "%s", v);
		else if ((v = header_value(line, "sequence")))
			in->seq = strtol(v, NULL, 10);
		else if ((v = header_value(line, "created")))
			snprintf(in->created, sizeof in->created, "%s", v);
		else if ((v = header_value(line, "changes")))
			in->changes = strtol(v, NULL, 10);
		else if ((v = header_value(line, "count")))
			snprintf(in->counts, sizeof in->counts, "%s", v);
		else if ((v = header_value(line, "payload")))
			payload = strtol(v, NULL, 10);
		/* unknown header lines are left for later formats */
	}
	if (!in->organisation[0] || !in->office[0] || !in->db[0] ||
	    in->seq < 1 || in->changes < 0 || payload < 0 ||
	    (strcmp(in->role, "head") != 0 && strcmp(in->role, "office") != 0))
		return kz_err_add(err, name, _("the bundle's header is "
		    "incomplete or damaged"));
	/* payload, then "\nEND <sha>\n" exactly at the end */
	size_t at = (size_t)(p - (const char *)data);
	if (len < at + (size_t)payload + 70 || len != at + (size_t)payload + 70)
		return kz_err_add(err, name, _("the bundle is %zu bytes where "
		    "its header promises %zu: it is cut short or has extra "
		    "data"), len, at + (size_t)payload + 70);
	const char *trail = (const char *)data + at + payload;
	if (memcmp(trail, "\nEND ", 5) != 0 || trail[69] != '\n')
		return kz_err_add(err, name, _("the bundle's closing line is "
		    "missing: it is incomplete"));
	kz_sha256_hex(data, at + (size_t)payload, sha);
	if (memcmp(sha, trail + 5, 64) != 0)
		return kz_err_add(err, name, _("the bundle is damaged: its "
		    "checksum does not match"));
	kz_sha256_hex(data, len, in->sha256);
	if (db && db->cfg && strcmp(in->organisation, db->cfg->organisation) != 0)
		return kz_err_add(err, name, _("the bundle comes from "
		    "organisation \"%s\"; this database belongs to \"%s\""),
		    in->organisation, db->cfg->organisation);
	char counts[512];
	if (describe(data + at, (int)payload, counts, sizeof counts) !=
	    in->changes || strcmp(counts, in->counts) != 0)
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	*payload_at = at;
	return KZ_OK;
}

/* ---- applying ---- */

struct table {
	char name[64];
	int ncol;
	char **col;
	sqlite3_stmt *row;	/* SELECT * ... WHERE key: kept for the bundle */
};

/* A set of record ids: a bundle of 10,000 records asks it 40,000 times. */
struct idset {
	char **slot;
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

static size_t
id_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool
idset_has(const struct idset *h, const char *id)
{
	if (h->cap == 0)
		return false;
	for (size_t i = id_hash(id) & (h->cap - 1); h->slot[i];
	    i = (i + 1) & (h->cap - 1))
		if (strcmp(h->slot[i], id) == 0)
			return true;
	return false;
}

static void
idset_put(struct idset *h, char *owned)
{
	size_t i = id_hash(owned) & (h->cap - 1);

	while (h->slot[i])
		i = (i + 1) & (h->cap - 1);
	h->slot[i] = owned;
	h->n++;
}

static void
idset_add(struct idset *h, const char *id)
{
	if (idset_has(h, id))
		return;
	if ((h->n + 1) * 2 > h->cap) {	/* keep it at most half full */
		struct idset g = { calloc(h->cap ? h->cap * 2 : 64,
		    sizeof *g.slot), h->cap ? h->cap * 2 : 64, 0 };
		if (g.slot == NULL)
			return;
		for (size_t i = 0; i < h->cap; i++)
			if (h->slot[i])
				idset_put(&g, h->slot[i]);
		free(h->slot);
		*h = g;
	}
	char *copy = strdup(id);
	if (copy)
		idset_put(h, copy);
}

static void
idset_free(struct idset *h)
{
	for (size_t i = 0; i < h->cap; i++)
		free(h->slot[i]);
	free(h->slot);
	memset(h, 0, sizeof *h);
}

struct apply {
	struct kz_db *db;
	const struct kz_bundle_info *in;
	struct kz_sync_result *res;
	struct kz_err *err;
	struct table *tables;
	size_t ntables;
	struct idset created;	/* record ids this bundle inserts */
	struct idset touched;	/* specialists to re-index */
	char **refused;		/* records whose deletion was refused, */
	char **refused_why;	/* and what this database said */
	size_t nrefused;
	char why[KZ_ERR_MSG];	/* of the last refused change */
};

/* exec_change: this database's rules refused the change (a.why says how);
 * it is kept aside instead of failing the whole bundle, which could then
 * never be applied, and every later bundle of its source with it. */
#define REFUSED 1

static void
tables_free(struct apply *a)
{
	for (size_t i = 0; i < a->ntables; i++) {
		for (int c = 0; c < a->tables[i].ncol; c++)
			free(a->tables[i].col[c]);
		free(a->tables[i].col);
		sqlite3_finalize(a->tables[i].row);
	}
	free(a->tables);
	idset_free(&a->created);
	idset_free(&a->touched);
	for (size_t i = 0; i < a->nrefused; i++) {
		free(a->refused[i]);
		free(a->refused_why[i]);
	}
	free(a->refused);
	free(a->refused_why);
}

static struct table *
table_of(struct apply *a, const char *name, int ncol)
{
	sqlite3_stmt *st;
	struct table *t;

	for (size_t i = 0; i < a->ntables; i++)
		if (strcmp(a->tables[i].name, name) == 0)
			return a->tables[i].ncol == ncol ? &a->tables[i] : NULL;
	t = realloc(a->tables, (a->ntables + 1) * sizeof *t);
	if (t == NULL)
		return NULL;
	a->tables = t;
	t += a->ntables;
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	if (sqlite3_prepare_v2(a->db->sql, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char **c = realloc(t->col, (size_t)(t->ncol + 1) * sizeof *c);
		if (c == NULL)
			break;
		t->col = c;
		c[t->ncol++] = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	a->ntables++;
	return t->ncol == ncol ? t : NULL;
}

static bool
value_eq(sqlite3_value *x, sqlite3_value *y)
{
	int t = sqlite3_value_type(x);

	if (t != sqlite3_value_type(y))
		return false;
	switch (t) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(x) == sqlite3_value_int64(y);
	case SQLITE_FLOAT:
		return sqlite3_value_double(x) == sqlite3_value_double(y);
	default: {
		int n = sqlite3_value_bytes(x);
		const void *px = t == SQLITE_TEXT ?
		    (const void *)sqlite3_value_text(x) : sqlite3_value_blob(x);
		const void *py = t == SQLITE_TEXT ?
		    (const void *)sqlite3_value_text(y) : sqlite3_value_blob(y);
		return n == sqlite3_value_bytes(y) && (n == 0 ||
		    memcmp(px, py, (size_t)n) == 0);
	}
	}
}

static void
json_str(struct kz_buf *b, const unsigned char *s)
{
	kz_buf_puts(b, "\"");
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			kz_buf_printf(b, "\\%c", *s);
		else if (*s < 0x20)
			kz_buf_printf(b, "\\u%04x", *s);
		else
			kz_buf_put(b, (const char *)s, 1);
	}
	kz_buf_puts(b, "\"");
}

static void
json_value(struct kz_buf *b, sqlite3_value *v)
{
	switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
	case SQLITE_NULL:
		kz_buf_puts(b, "null");
		break;
	case SQLITE_INTEGER:
		kz_buf_printf(b, "%lld", (long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		/* JSON has no infinity: an invalid text would break every
		 * listing of the conflicts */
		if (isfinite(sqlite3_value_double(v)))
			kz_buf_printf(b, "%.17g", sqlite3_value_double(v));
		else
			json_str(b, sqlite3_value_text(v));
		break;
	default:
		json_str(b, sqlite3_value_text(v));
	}
}

/* Where-clause over the key columns, "a" = ?1 AND "b" = ?2, numbered
 * from first. */
static void
where_key(struct kz_buf *sql, const struct table *t,
    const unsigned char *pk, int first)
{
	int k = 0;

	kz_buf_puts(sql, " WHERE ");
	for (int c = 0; c < t->ncol; c++)
		if (pk[c]) {
			char *q = sqlite3_mprintf("%s\"%w\" = ?%d", k ? " AND " :
			    "", t->col[c], first + k);
			kz_buf_puts(sql, q);
			sqlite3_free(q);
			k++;
		}
}

/* Bind the key values of a change (old values, or new for an insert). */
static void
bind_key(sqlite3_stmt *st, sqlite3_changeset_iter *it, const struct table *t,
    const unsigned char *pk, int op, int first)
{
	int k = 0;

	for (int c = 0; c < t->ncol; c++)
		if (pk[c]) {
			sqlite3_value *v = NULL;
			if (op == SQLITE_INSERT)
				sqlite3changeset_new(it, c, &v);
			else
				sqlite3changeset_old(it, c, &v);
			sqlite3_bind_value(st, first + k++, v);
		}
}

/* The local row of a change's key, or NULL; reset it when done with it
 * (the statement is the table's, kept for the whole bundle). */
static sqlite3_stmt *
local_row(struct apply *a, sqlite3_changeset_iter *it, struct table *t,
    const unsigned char *pk, int op)
{
	if (t->row == NULL) {
		struct kz_buf sql = { 0 };
		char *q = sqlite3_mprintf("SELECT * FROM \"%w\"", t->name);

		kz_buf_puts(&sql, q);
		sqlite3_free(q);
		where_key(&sql, t, pk, 1);
		if (sqlite3_prepare_v3(a->db->sql, kz_buf_str(&sql), -1,
		    SQLITE_PREPARE_PERSISTENT, &t->row, NULL) != SQLITE_OK)
			t->row = NULL;
		kz_buf_free(&sql);
		if (t->row == NULL)
			return NULL;
	}
	sqlite3_reset(t->row);
	sqlite3_clear_bindings(t->row);
	bind_key(t->row, it, t, pk, op, 1);
	if (sqlite3_step(t->row) != SQLITE_ROW) {
		sqlite3_reset(t->row);
		return NULL;
	}
	return t->row;
}

/* reason is a keyword (stored: the database is shared by people of
 * several languages); kz_conflict_reason says it in words. */
static int
keep_aside(struct apply *a, const struct table *t, int op, const char *record,
    const char *reason, const char *change)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	kz_now_utc(now);
	if (sqlite3_prepare_v2(a->db->sql, "INSERT INTO sync_conflict (at, "
	    "source_office, source_db, seq, tbl, op, record, reason, change) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(a->db, a->err, "sync");
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->in->office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, a->in->seq);
	sqlite3_bind_text(st, 5, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, op == SQLITE_INSERT ? "insert" :
	    op == SQLITE_UPDATE ? "update" : "delete", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, change, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(a->db, a->err, "sync");
	a->res->conflicts++;
	return KZ_OK;
}

/* The change as JSON: key, theirs (new), base (old) and mine (local) for
 * the columns named by want (NULL: every column that has a value). */
static void
change_json(struct kz_buf *b, sqlite3_changeset_iter *it, const struct table *t,
    const unsigned char *pk, int op, sqlite3_stmt *mine, const bool *want)
{
	const char *part[] = { "key", "theirs", "base", "mine" };

	kz_buf_puts(b, "{");
	for (int p = 0; p < 4; p++) {
		int k = 0;
		kz_buf_printf(b, "%s\"%s\": {", p ? ", " : "", part[p]);
		for (int c = 0; c < t->ncol; c++) {
			sqlite3_value *v = NULL;
			if (p == 0) {
				if (!pk[c])
					continue;
				if (op == SQLITE_INSERT)
					sqlite3changeset_new(it, c, &v);
				else
					sqlite3changeset_old(it, c, &v);
			} else if (p == 1) {
				if (op == SQLITE_DELETE)
					continue;
				sqlite3changeset_new(it, c, &v);
				if (v == NULL || (want && !want[c]))
					continue;
			} else if (p == 2) {
				if (op == SQLITE_INSERT)
					continue;
				sqlite3changeset_old(it, c, &v);
				if (v == NULL || (want && !want[c]) ||
				    (op == SQLITE_UPDATE && pk[c]))
					continue;
			} else {
				if (mine == NULL || (want && !want[c]) || pk[c])
					continue;
				v = sqlite3_column_value(mine, c);
			}
			kz_buf_printf(b, "%s\"%s\": ", k++ ? ", " : "", t->col[c]);
			json_value(b, v);
		}
		kz_buf_puts(b, "}");
	}
	kz_buf_puts(b, "}");
}

static int
exec_change(struct apply *a, const char *sql, sqlite3_changeset_iter *it,
    const struct table *t, const unsigned char *pk, int op, const bool *set)
{
	sqlite3_stmt *st;
	int k = 1, rc;

	if (sqlite3_prepare_v2(a->db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(a->db, a->err, "sync");
	if (op == SQLITE_INSERT) {
		for (int c = 0; c < t->ncol; c++) {
			sqlite3_value *v = NULL;
			sqlite3changeset_new(it, c, &v);
			sqlite3_bind_value(st, k++, v);
		}
	} else if (op == SQLITE_UPDATE) {
		for (int c = 0; c < t->ncol; c++)
			if (set[c]) {
				sqlite3_value *v = NULL;
				sqlite3changeset_new(it, c, &v);
				sqlite3_bind_value(st, k++, v);
			}
		bind_key(st, it, t, pk, op, k);
	} else
		bind_key(st, it, t, pk, op, 1);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && (sqlite3_extended_errcode(a->db->sql) & 0xff) ==
	    SQLITE_CONSTRAINT && !sqlite3_get_autocommit(a->db->sql)) {
		/* the statement alone was undone (ABORT): the rest of the
		 * bundle goes on */
		snprintf(a->why, sizeof a->why, "%s", sqlite3_errmsg(a->db->sql));
		sqlite3_finalize(st);
		return REFUSED;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_err_add(a->err, t->name, _("database: %s"),
		    sqlite3_errmsg(a->db->sql));
	a->res->applied++;
	return KZ_OK;
}

static const char *
refused_why(const struct apply *a, const char *record)
{
	for (size_t i = 0; i < a->nrefused; i++)
		if (strcmp(a->refused[i], record) == 0)
			return a->refused_why[i];
	return NULL;
}

/* Keep aside a change this database refused, with what it said. A refused
 * deletion is remembered so that the rows keyed by the record (its
 * fields, languages...) stay with it rather than go without it. */
static int
refuse(struct apply *a, sqlite3_changeset_iter *it, const struct table *t,
    const unsigned char *pk, int op, sqlite3_stmt *mine, const bool *want,
    const char *record, const char *why)
{
	struct kz_buf json = { 0 };
	int rc;

	change_json(&json, it, t, pk, op, mine, want);
	if (json.len > 0)	/* reopen the object for one more member */
		json.s[--json.len] = '\0';
	kz_buf_puts(&json, ", \"error\": ");
	json_str(&json, (const unsigned char *)why);
	kz_buf_puts(&json, "}");
	if (json.oom)
		rc = kz_err_add(a->err, "", _("out of memory"));
	else
		rc = keep_aside(a, t, op, record, "refused", kz_buf_str(&json));
	if (rc == KZ_OK && op == SQLITE_DELETE && !refused_why(a, record)) {
		char **r = realloc(a->refused, (a->nrefused + 1) * sizeof *r);
		char **w = r ? realloc(a->refused_why, (a->nrefused + 1) *
		    sizeof *w) : NULL;
		if (r)
			a->refused = r;
		if (w) {
			a->refused_why = w;
			r[a->nrefused] = strdup(record);
			w[a->nrefused] = strdup(why);
			if (r[a->nrefused] && w[a->nrefused])
				a->nrefused++;
			else {
				free(r[a->nrefused]);
				free(w[a->nrefused]);
			}
		}
	}
	kz_buf_free(&json);
	return rc;
}

/* Would an update change anything here but audit stamps? */
static bool
differs(sqlite3_changeset_iter *it, const struct table *t,
    const unsigned char *pk, sqlite3_stmt *mine)
{
	for (int c = 0; c < t->ncol; c++) {
		sqlite3_value *nv = NULL;
		sqlite3changeset_new(it, c, &nv);
		if (nv == NULL || pk[c] || strcmp(t->col[c], "updated") == 0 ||
		    strcmp(t->col[c], "updated_by") == 0)
			continue;
		if (!value_eq(nv, sqlite3_column_value(mine, c)))
			return true;
	}
	return false;
}

/* One change: apply it, find it applied already, or keep it aside. */
static int
apply_one(struct apply *a, sqlite3_changeset_iter *it)
{
	const char *tname;
	int ncol, op, ind, npk;
	unsigned char *pk;
	struct table *t;
	sqlite3_value *idv = NULL;
	char record[64], owner[64];
	struct kz_buf json = { 0 }, sql = { 0 };
	sqlite3_stmt *mine;
	int rc = KZ_OK;

	sqlite3changeset_op(it, &tname, &ncol, &op, &ind);
	sqlite3changeset_pk(it, &pk, &npk);
	if ((t = table_of(a, tname, ncol)) == NULL)
		return kz_err_add(a->err, a->in->office, _("the bundle changes "
		    "table \"%s\", which this database does not have as sent: "
		    "the two kizuna versions differ"), tname);
	/* the record: the value of the first key column */
	for (int c = 0; c < ncol; c++)
		if (pk[c]) {
			if (op == SQLITE_INSERT)
				sqlite3changeset_new(it, c, &idv);
			else
				sqlite3changeset_old(it, c, &idv);
			break;
		}
	snprintf(record, sizeof record, "%s", idv && sqlite3_value_text(idv) ?
	    (const char *)sqlite3_value_text(idv) : "?");
	if (register_table(tname)) {
		snprintf(owner, sizeof owner, "head");
		idset_add(&a->touched, record);
	} else
		snprintf(owner, sizeof owner, "%.*s", (int)strcspn(record, "-"),
		    record);
	bool by_owner = register_table(tname) ? strcmp(a->in->role, "head") == 0
	    : strcmp(owner, a->in->office) == 0;
	bool new_record = idset_has(&a->created, record);

	mine = local_row(a, it, t, pk, op);
	if (op == SQLITE_INSERT) {
		if (mine) {
			bool same = true;
			for (int c = 0; c < ncol && same; c++) {
				sqlite3_value *v = NULL;
				sqlite3changeset_new(it, c, &v);
				same = value_eq(v, sqlite3_column_value(mine, c));
			}
			/* ours coming back from head office counts as seen */
			bool echo = a->db->cfg && strncmp(record,
			    a->db->cfg->office_id, strcspn(record, "-")) == 0 &&
			    strlen(a->db->cfg->office_id) == strcspn(record, "-");
			if (same || echo)
				a->res->unchanged++;
			else {
				change_json(&json, it, t, pk, op, mine, NULL);
				rc = keep_aside(a, t, op, record, "exists",
				    kz_buf_str(&json));
			}
		} else if (!by_owner && register_table(tname) &&
		    strcmp(tname, "specialist") != 0 && !new_record) {
			change_json(&json, it, t, pk, op, NULL, NULL);
			rc = keep_aside(a, t, op, record, "owner",
			    kz_buf_str(&json));
		} else {
			char *q = sqlite3_mprintf("INSERT INTO \"%w\" VALUES (",
			    t->name);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			for (int c = 0; c < ncol; c++)
				kz_buf_printf(&sql, "%s?%d", c ? ", " : "", c + 1);
			kz_buf_puts(&sql, ")");
			rc = exec_change(a, kz_buf_str(&sql), it, t, pk, op, NULL);
			if (rc == REFUSED)
				rc = refuse(a, it, t, pk, op, NULL, NULL, record,
				    a->why);
			else
				idset_add(&a->created, record);
		}
	} else if (!by_owner && !new_record && (mine == NULL ||
	    (op == SQLITE_UPDATE && !differs(it, t, pk, mine)))) {
		a->res->unchanged++;	/* nothing here that it would change */
	} else if (!by_owner && !new_record) {
		bool *want = calloc((size_t)ncol, sizeof *want);
		for (int c = 0; want && op == SQLITE_UPDATE && c < ncol; c++) {
			sqlite3_value *nv = NULL;
			sqlite3changeset_new(it, c, &nv);
			want[c] = nv != NULL;
		}
		change_json(&json, it, t, pk, op, mine, op == SQLITE_UPDATE ?
		    want : NULL);
		free(want);
		rc = keep_aside(a, t, op, record, "owner", kz_buf_str(&json));
	} else if (mine == NULL) {
		if (op == SQLITE_DELETE)
			a->res->unchanged++;	/* gone already */
		else {
			change_json(&json, it, t, pk, op, NULL, NULL);
			rc = keep_aside(a, t, op, record, "deleted",
			    kz_buf_str(&json));
		}
	} else if (op == SQLITE_DELETE) {
		bool same = true;
		for (int c = 0; c < ncol && same; c++) {
			sqlite3_value *v = NULL;
			sqlite3changeset_old(it, c, &v);
			same = value_eq(v, sqlite3_column_value(mine, c));
		}
		const char *why = refused_why(a, record);
		if (!same) {
			change_json(&json, it, t, pk, op, mine, NULL);
			rc = keep_aside(a, t, op, record, "changed",
			    kz_buf_str(&json));
		} else if (why) {
			rc = refuse(a, it, t, pk, op, mine, NULL, record, why);
		} else {
			char *q = sqlite3_mprintf("DELETE FROM \"%w\"", t->name);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			where_key(&sql, t, pk, 1);
			rc = exec_change(a, kz_buf_str(&sql), it, t, pk, op, NULL);
			if (rc == REFUSED)
				rc = refuse(a, it, t, pk, op, mine, NULL, record,
				    a->why);
		}
	} else {
		/* UPDATE: field by field; a field changed on both sides to
		 * different values is kept aside, the others merge */
		bool *set = calloc((size_t)ncol, sizeof *set);
		bool *clash = calloc((size_t)ncol, sizeof *clash);
		int nset = 0, nclash = 0, stamp = -1, by = -1;
		for (int c = 0; c < ncol; c++) {
			if (strcmp(t->col[c], "updated") == 0)
				stamp = c;
			else if (strcmp(t->col[c], "updated_by") == 0)
				by = c;
		}
		for (int c = 0; set && clash && c < ncol; c++) {
			sqlite3_value *nv = NULL, *ov = NULL;
			sqlite3changeset_new(it, c, &nv);
			if (nv == NULL || pk[c])
				continue;
			sqlite3changeset_old(it, c, &ov);
			sqlite3_value *cur = sqlite3_column_value(mine, c);
			if (value_eq(cur, nv))
				continue;
			if (stamp >= 0 && (c == stamp || c == by)) {
				/* audit stamps never clash: the later edit's
				 * stamp and its author stand */
				sqlite3_value *ns = NULL;
				sqlite3changeset_new(it, stamp, &ns);
				const unsigned char *theirs = ns ?
				    sqlite3_value_text(ns) : NULL;
				const unsigned char *ours =
				    sqlite3_column_text(mine, stamp);
				if (theirs && (!ours || strcmp((const char *)
				    theirs, (const char *)ours) > 0)) {
					set[c] = true;
					nset++;
				}
				continue;
			}
			if (ov && value_eq(cur, ov)) {
				set[c] = true;
				nset++;
			} else {
				clash[c] = true;
				nclash++;
			}
		}
		if (set == NULL || clash == NULL)
			rc = kz_err_add(a->err, "", _("out of memory"));
		if (rc == KZ_OK && nclash) {
			change_json(&json, it, t, pk, op, mine, clash);
			rc = keep_aside(a, t, op, record, "clash",
			    kz_buf_str(&json));
		}
		if (rc == KZ_OK && nset) {
			char *q = sqlite3_mprintf("UPDATE \"%w\" SET ", t->name);
			int k = 0;
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			for (int c = 0; c < ncol; c++)
				if (set[c]) {
					q = sqlite3_mprintf("%s\"%w\" = ?%d", k ?
					    ", " : "", t->col[c], k + 1);
					kz_buf_puts(&sql, q);
					sqlite3_free(q);
					k++;
				}
			where_key(&sql, t, pk, k + 1);
			rc = exec_change(a, kz_buf_str(&sql), it, t, pk, op, set);
			if (rc == REFUSED)
				rc = refuse(a, it, t, pk, op, mine, set, record,
				    a->why);
		} else if (rc == KZ_OK && !nclash)
			a->res->unchanged++;
		free(set);
		free(clash);
	}
	if (mine)
		sqlite3_reset(mine);
	kz_buf_free(&json);
	kz_buf_free(&sql);
	return rc;
}

/*
 * Deletions of rows keyed by their record's id (a specialist's fields,
 * a request's fields) wait for a second pass, after the records
 * themselves: if a record's deletion is refused here, its rows stay too.
 */
static int
pass_of(struct apply *a, sqlite3_changeset_iter *it)
{
	const char *tname;
	int ncol, op, ind, npk;
	unsigned char *pk;
	struct table *t;

	sqlite3changeset_op(it, &tname, &ncol, &op, &ind);
	if (op != SQLITE_DELETE)
		return 0;
	sqlite3changeset_pk(it, &pk, &npk);
	if ((t = table_of(a, tname, ncol)) == NULL)
		return 0;	/* apply_one reports it */
	for (int c = 0; c < ncol; c++)
		if (pk[c])
			return strcmp(t->col[c], "id") != 0;
	return 0;
}

static int
record_applied(struct kz_db *db, const struct kz_bundle_info *in,
    const struct kz_sync_result *res, struct kz_err *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	kz_now_utc(now);
	if (sqlite3_prepare_v2(db->sql, "INSERT INTO sync_applied (source_db, "
	    "seq, source_office, sha256, at, applied, conflicts) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, in->seq);
	sqlite3_bind_text(st, 3, in->office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, res->applied);
	sqlite3_bind_int64(st, 7, res->conflicts);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, err, "sync");
}

/* Seen before, next in line, or a gap. */
static int
check_sequence(struct kz_db *db, const char *name,
    const struct kz_bundle_info *in, bool *seen, struct kz_err *err)
{
	sqlite3_stmt *st;
	long last = 0;
	char sha[65] = "";

	*seen = false;
	if (sqlite3_prepare_v2(db->sql, "SELECT sha256 FROM sync_applied "
	    "WHERE source_db = ? AND seq = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, in->seq);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(sha, sizeof sha, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sha[0]) {
		if (strcmp(sha, in->sha256) != 0)
			return kz_err_add(err, name, _("bundle %ld from %s was "
			    "applied before with different contents: this one "
			    "is not the bundle that was sent"), in->seq,
			    in->office);
		*seen = true;
		return KZ_OK;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(max(seq), 0) FROM "
	    "sync_applied WHERE source_db = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(st, 1, in->db, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		last = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (in->seq <= last) {
		*seen = true;	/* older than the newest: merged already */
		return KZ_OK;
	}
	if (in->seq > last + 1)
		return kz_err_add(err, name, _("bundle %ld from %s cannot be "
		    "applied yet: bundle %ld from %s is missing (apply bundles "
		    "in order)"), in->seq, in->office, last + 1, in->office);
	return KZ_OK;
}

int
kz_sync_import_mem(struct kz_db *db, const char *name,
    const unsigned char *data, size_t len, struct kz_sync_result *res,
    struct kz_err *err)
{
	struct apply a = { .db = db, .res = res, .err = err };
	sqlite3_changeset_iter *it = NULL;
	sqlite3_session *fwd = NULL;
	size_t at;
	char mydb[40];
	bool seen;
	int rc = KZ_OK;

	memset(res, 0, sizeof *res);
	if (kz_sync_verify(db, name, data, len, &res->info, &at, err))
		return KZ_ERROR;
	a.in = &res->info;
	if (meta_get(db, "db", mydb, sizeof mydb))
		return kz_db_fail(db, err, "sync");
	if (strcmp(mydb, res->info.db) == 0)
		return kz_err_add(err, name, _("this bundle was made by this "
		    "database"));
	if (check_sequence(db, name, &res->info, &seen, err))
		return KZ_ERROR;
	if (seen) {
		res->nothing = true;
		return KZ_OK;
	}
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	/* Others' changes are not ours to send on; head office forwards
	 * the register changes it takes in to every office. */
	kz_db_capture_pause(db, true);
	if (db->cfg && db->cfg->role == KZ_ROLE_HEAD &&
	    sqlite3session_create(db->sql, "main", &fwd) == SQLITE_OK) {
		static const char *const reg[] = { "specialist",
		    "specialist_field", "specialist_lang", "specialist_unavail" };
		for (size_t i = 0; i < sizeof reg / sizeof reg[0]; i++)
			sqlite3session_attach(fwd, reg[i]);
	}
	sqlite3_exec(db->sql, "PRAGMA defer_foreign_keys = ON", NULL, NULL,
	    NULL);
	for (int pass = 0; rc == KZ_OK && pass < 2; pass++) {
		if (sqlite3changeset_start(&it, (int)(len - at - 70),
		    (void *)(data + at)) != SQLITE_OK) {
			rc = kz_err_add(err, name, _("the bundle's changes "
			    "cannot be read"));
			break;
		}
		while (rc == KZ_OK && sqlite3changeset_next(it) == SQLITE_ROW)
			if (pass_of(&a, it) == pass)
				rc = apply_one(&a, it);
		if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == KZ_OK)
			rc = kz_err_add(err, name, _("the bundle's changes "
			    "cannot be read"));
	}
	for (size_t i = 0; rc == KZ_OK && i < a.touched.cap; i++)
		if (a.touched.slot[i])
			rc = kz_search_refresh(db, a.touched.slot[i], err);
	if (rc == KZ_OK)
		rc = record_applied(db, &res->info, res, err);
	if (rc == KZ_OK && fwd)
		rc = kz_db_capture_store(db, fwd, err);
	if (fwd)
		sqlite3session_delete(fwd);
	kz_db_capture_pause(db, false);
	if (rc == KZ_OK)
		rc = kz_db_commit(db, err);	/* checks the foreign keys */
	else
		kz_db_rollback(db);
	if (rc != KZ_OK)	/* rolled back: nothing of it stayed */
		res->applied = res->unchanged = res->conflicts = 0;
	tables_free(&a);
	return rc;
}

int
kz_sync_import(struct kz_db *db, const char *path, struct kz_sync_result *res,
    struct kz_err *err)
{
	unsigned char *buf;
	size_t size;
	int rc;

	memset(res, 0, sizeof *res);
	if ((buf = (unsigned char *)kz_file_read(path, MAX_BUNDLE, &size)) ==
	    NULL) {
		if (errno == EFBIG)
			return kz_err_add(err, path, _("the file is too large to "
			    "be a bundle"));
		if (errno == ENOMEM)
			return kz_err_add(err, path, _("out of memory"));
		return kz_err_add(err, path, "%s", strerror(errno));
	}
	rc = kz_sync_import_mem(db, path, buf, size, res, err);
	free(buf);
	return rc;
}

/* ---- state and conflicts ---- */

const char *
kz_conflict_reason(const struct kz_conflict *c, char *buf, size_t size)
{
	char owner[64];

	if (register_table(c->table))
		snprintf(owner, sizeof owner, "%s", _("head office"));
	else
		snprintf(owner, sizeof owner, "%.*s",
		    (int)strcspn(c->record, "-"), c->record);
	if (strcmp(c->reason, "owner") == 0)
		snprintf(buf, size, strcmp(c->op, "insert") == 0 ?
		    _("%s added to a record owned by %s") :
		    strcmp(c->op, "delete") == 0 ?
		    _("%s deleted a record owned by %s") :
		    _("%s changed a record owned by %s"), c->office, owner);
	else if (strcmp(c->reason, "exists") == 0)
		snprintf(buf, size, _("a different record with this key is "
		    "here already"));
	else if (strcmp(c->reason, "deleted") == 0)
		snprintf(buf, size, _("the record was deleted here"));
	else if (strcmp(c->reason, "changed") == 0)
		snprintf(buf, size, _("deleted there but changed here since"));
	else if (strcmp(c->reason, "clash") == 0)
		snprintf(buf, size, _("changed here and there to different "
		    "values"));
	else if (strcmp(c->reason, "refused") == 0)
		snprintf(buf, size, _("this database does not allow it: %s"),
		    c->error ? c->error : "?");
	else
		snprintf(buf, size, "%s", c->reason);
	return buf;
}

long
kz_sync_pending(struct kz_db *db)
{
	return query_long(db, "SELECT coalesce(sum(changes), 0) FROM "
	    "sync_outbox");
}

int
kz_sync_status(struct kz_db *db, struct kz_sync_status *s, struct kz_err *err)
{
	sqlite3_stmt *st;
	char v[40];

	memset(s, 0, sizeof *s);
	if (meta_get(db, "db", s->db, sizeof s->db) || meta_get(db, "exported",
	    v, sizeof v))
		return kz_db_fail(db, err, "sync");
	s->exported = atol(v);
	s->pending = kz_sync_pending(db);
	s->open_conflicts = query_long(db, "SELECT count(*) FROM sync_conflict "
	    "WHERE resolved IS NULL");
	if (sqlite3_prepare_v2(db->sql, "SELECT at FROM sync_export ORDER BY "
	    "seq DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
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

static char *
dup_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

int
kz_sync_conflicts(struct kz_db *db, bool all, struct kz_conflict_list *l,
    struct kz_err *err)
{
	sqlite3_stmt *st;

	l->c = NULL;
	l->n = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT n, at, source_office, seq, tbl, "
	    "op, record, reason, change, resolved, resolution, CASE WHEN "
	    "json_valid(change) THEN json_extract(change, '$.error') END FROM "
	    "sync_conflict WHERE ? OR resolved IS NULL ORDER BY resolved IS NOT "
	    "NULL, n", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int(st, 1, all);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_conflict *c = realloc(l->c, (l->n + 1) * sizeof *c);
		if (c == NULL)
			break;
		l->c = c;
		c += l->n++;
		memset(c, 0, sizeof *c);
		c->n = (long)sqlite3_column_int64(st, 0);
		snprintf(c->at, sizeof c->at, "%s", sqlite3_column_text(st, 1));
		snprintf(c->office, sizeof c->office, "%s",
		    sqlite3_column_text(st, 2));
		c->seq = (long)sqlite3_column_int64(st, 3);
		snprintf(c->table, sizeof c->table, "%s",
		    sqlite3_column_text(st, 4));
		snprintf(c->op, sizeof c->op, "%s", sqlite3_column_text(st, 5));
		snprintf(c->record, sizeof c->record, "%s",
		    sqlite3_column_text(st, 6));
		c->reason = dup_text(st, 7);
		c->change = dup_text(st, 8);
		c->resolved = dup_text(st, 9);
		c->resolution = dup_text(st, 10);
		c->error = dup_text(st, 11);
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

void
kz_conflict_list_free(struct kz_conflict_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->c[i].reason);
		free(l->c[i].change);
		free(l->c[i].resolved);
		free(l->c[i].resolution);
		free(l->c[i].error);
	}
	free(l->c);
	l->c = NULL;
	l->n = 0;
}

/* ", col = new" of an update; the audit stamps move only to a later
 * edit, as they do when bundles merge (stamp: theirs has "updated"). */
static void
put_set(struct kz_buf *b, int k, const char *c, const char *newv,
    const char *newstamp, bool stamp)
{
	char *q;

	if (stamp && (strcmp(c, "updated") == 0 || strcmp(c, "updated_by") == 0))
		q = sqlite3_mprintf("%s\"%w\" = CASE WHEN %s > coalesce("
		    "\"updated\", '') THEN %s ELSE \"%w\" END", k ? ", " : "", c,
		    newstamp, newv, c);
	else
		q = sqlite3_mprintf("%s\"%w\" = %s", k ? ", " : "", c, newv);
	kz_buf_puts(b, q);
	sqlite3_free(q);
}

/* Apply the kept-aside values with SQLite's JSON functions, so every
 * value keeps its type. */
static int
take_theirs(struct kz_db *db, const char *tbl, const char *op,
    const char *change, struct kz_err *err)
{
	struct kz_buf sql = { 0 };
	sqlite3_stmt *st, *cols;
	int rc, k = 0;
	bool stamp = false;
	char *q, *v;

	if (sqlite3_prepare_v2(db->sql, "SELECT key FROM json_each(?, ?)", -1,
	    &cols, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_text(cols, 1, change, -1, SQLITE_STATIC);
	sqlite3_bind_text(cols, 2, "$.theirs", -1, SQLITE_STATIC);
	while (sqlite3_step(cols) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(cols, 0), "updated")
		    == 0)
			stamp = true;
	sqlite3_reset(cols);
	if (strcmp(op, "delete") == 0) {
		q = sqlite3_mprintf("DELETE FROM \"%w\" WHERE 1", tbl);
		kz_buf_puts(&sql, q);
		sqlite3_free(q);
	} else if (strcmp(op, "insert") == 0) {
		/* an upsert, not REPLACE: REPLACE deletes first, and the
		 * delete would cascade to the record's children */
		q = sqlite3_mprintf("INSERT INTO \"%w\" (", tbl);
		kz_buf_puts(&sql, q);
		sqlite3_free(q);
		sqlite3_bind_text(cols, 2, "$.theirs", -1, SQLITE_STATIC);
		struct kz_buf vals = { 0 }, sets = { 0 };
		while (sqlite3_step(cols) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(cols, 0);
			q = sqlite3_mprintf("%s\"%w\"", k ? ", " : "", c);
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
			q = sqlite3_mprintf("%sjson_extract(?1, '$.theirs.\"%w\"')",
			    k ? ", " : "", c);
			kz_buf_puts(&vals, q);
			sqlite3_free(q);
			v = sqlite3_mprintf("excluded.\"%w\"", c);
			put_set(&sets, k, c, v, "excluded.\"updated\"", stamp);
			sqlite3_free(v);
			k++;
		}
		kz_buf_puts(&sql, ") VALUES (");
		kz_buf_puts(&sql, kz_buf_str(&vals));
		kz_buf_puts(&sql, ") ON CONFLICT (");
		sqlite3_reset(cols);
		sqlite3_bind_text(cols, 2, "$.key", -1, SQLITE_STATIC);
		for (int j = 0; sqlite3_step(cols) == SQLITE_ROW; j++) {
			q = sqlite3_mprintf("%s\"%w\"", j ? ", " : "",
			    (const char *)sqlite3_column_text(cols, 0));
			kz_buf_puts(&sql, q);
			sqlite3_free(q);
		}
		kz_buf_puts(&sql, ") DO UPDATE SET ");
		kz_buf_puts(&sql, kz_buf_str(&sets));
		kz_buf_free(&vals);
		kz_buf_free(&sets);
		goto run;
	} else {
		q = sqlite3_mprintf("UPDATE \"%w\" SET ", tbl);
		kz_buf_puts(&sql, q);
		sqlite3_free(q);
		sqlite3_bind_text(cols, 2, "$.theirs", -1, SQLITE_STATIC);
		while (sqlite3_step(cols) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(cols, 0);
			v = sqlite3_mprintf("json_extract(?1, '$.theirs.\"%w\"')",
			    c);
			put_set(&sql, k++, c, v, "json_extract(?1, "
			    "'$.theirs.updated')", stamp);
			sqlite3_free(v);
		}
		kz_buf_puts(&sql, " WHERE 1");
	}
	sqlite3_reset(cols);
	sqlite3_bind_text(cols, 2, "$.key", -1, SQLITE_STATIC);
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(cols, 0);
		q = sqlite3_mprintf(" AND \"%w\" = json_extract(?1, '$.key.\"%w\"')",
		    c, c);
		kz_buf_puts(&sql, q);
		sqlite3_free(q);
	}
run:
	sqlite3_finalize(cols);
	if (sqlite3_prepare_v2(db->sql, kz_buf_str(&sql), -1, &st, NULL) !=
	    SQLITE_OK) {
		kz_buf_free(&sql);
		return kz_db_fail(db, err, "sync");
	}
	kz_buf_free(&sql);
	sqlite3_bind_text(st, 1, change, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return kz_err_add(err, tbl, _("database: %s"),
		    sqlite3_errmsg(db->sql));
	/* a change to a record that is gone changes nothing: say so rather
	 * than mark it taken */
	if (strcmp(op, "update") == 0 && sqlite3_changes(db->sql) == 0)
		return kz_err_add(err, tbl, _("the record is not here any "
		    "more, so their change cannot be taken: keep mine"));
	return KZ_OK;
}

/* Settle one open conflict inside the caller's transaction. */
static int
resolve_one(struct kz_db *db, long n, bool theirs, struct kz_err *err)
{
	sqlite3_stmt *st;
	char tbl[64] = "", op[8] = "", record[64] = "", *change = NULL, now[32];
	int rc = KZ_OK;

	if (sqlite3_prepare_v2(db->sql, "SELECT tbl, op, record, change FROM "
	    "sync_conflict WHERE n = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int64(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(tbl, sizeof tbl, "%s", sqlite3_column_text(st, 0));
		snprintf(op, sizeof op, "%s", sqlite3_column_text(st, 1));
		snprintf(record, sizeof record, "%s", sqlite3_column_text(st, 2));
		change = dup_text(st, 3);
	}
	sqlite3_finalize(st);
	if (change == NULL)
		return kz_err_add(err, "", _("no conflict number %ld"), n);
	if (theirs)
		rc = take_theirs(db, tbl, op, change, err);
	if (rc == KZ_OK && register_table(tbl))
		rc = kz_search_refresh(db, record, err);
	free(change);
	kz_now_utc(now);
	if (rc == KZ_OK && sqlite3_prepare_v2(db->sql, "UPDATE sync_conflict SET "
	    "resolved = ?, resolution = ? WHERE n = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, theirs ? "theirs" : "mine", -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, n);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = kz_db_fail(db, err, "sync");
		sqlite3_finalize(st);
	} else if (rc == KZ_OK)
		rc = kz_db_fail(db, err, "sync");
	return rc;
}

/*
 * A record's deletion comes with the deletions of the rows keyed by it
 * (its fields, languages...), each kept aside beside it; settling the
 * record's settles them the same way, so one decision is one key press.
 */
int
kz_sync_resolve(struct kz_db *db, long n, bool theirs, struct kz_err *err)
{
	sqlite3_stmt *st;
	bool found = false, open = false;
	long *rows = NULL;
	size_t nrows = 0;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "SELECT resolved IS NULL FROM "
	    "sync_conflict WHERE n = ?", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int64(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		open = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (!found)
		return kz_err_add(err, "", _("no conflict number %ld"), n);
	if (!open)
		return kz_err_add(err, "", _("conflict %ld is resolved "
		    "already"), n);
	if (sqlite3_prepare_v2(db->sql, "SELECT o.n FROM sync_conflict c JOIN "
	    "sync_conflict o ON o.source_db = c.source_db AND o.seq = c.seq AND "
	    "o.record = c.record AND o.tbl <> c.tbl AND o.op = 'delete' AND "
	    "o.resolved IS NULL WHERE c.n = ? AND c.op = 'delete' AND "
	    "json_valid(c.change) AND json_extract(c.change, '$.key.id') IS NOT "
	    "NULL ORDER BY o.n", -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "sync");
	sqlite3_bind_int64(st, 1, n);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long *r = realloc(rows, (nrows + 1) * sizeof *r);
		if (r == NULL)
			break;
		rows = r;
		rows[nrows++] = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (kz_db_begin(db, err)) {
		free(rows);
		return KZ_ERROR;
	}
	rc = resolve_one(db, n, theirs, err);
	for (size_t i = 0; rc == KZ_OK && i < nrows; i++)
		rc = resolve_one(db, rows[i], theirs, err);
	free(rows);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}
