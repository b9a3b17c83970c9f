/* test_sync.c - head-office sync between three real databases: ownership,
 * field merge, audit stamps, conflicts settled, damage and gaps refused. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <zstd.h>

#include "config.h"
#include "db.h"
#include "buf.h"
#include "file.h"
#include "search.h"
#include "seminar.h"
#include "specialist.h"
#include "sync.h"
#include "sync_bundle.h"
#include "sync_key.h"
#include "sync_rules.h"

enum { TYO, BJS, SIN, NDB };

static const char *const conf_text[NDB] = {
	"office:\n  id: TYO\n  name: Head office\n  role: head\n"
	"user: tanaka\n",
	"office:\n  id: BJS\n  name: 北京事务所\n  role: office\n"
	"  language: zh_CN\nuser: wang\n",
	"office:\n  id: SIN\n  name: Singapore\n  role: office\nuser: lim\n",
};

static int
setup(void **state)
{
	return (*state = unit_offices_open(conf_text, NDB)) ? 0 : -1;
}

static int
teardown(void **state)
{
	return unit_offices_close(*state);
}

/* ---- helpers ---- */

static void
at(const char *stamp)
{
	setenv("KIZUNA_NOW", stamp, 1);
}

static void
add(struct unit_offices *f, int d, const char *name, const char *roman,
    char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, name);
	kz_str_set(&s.name_roman, roman);
	kz_str_set(&s.government, "島根県");
	kz_str_set(&s.post, "主任");
	assert_int_equal(kz_specialist_add_field(&s, "agriculture", "野菜", 10),
	    KZ_OK);
	assert_int_equal(kz_specialist_add_lang(&s, "en", KZ_LEVEL_FLUENT),
	    KZ_OK);
	assert_int_equal(kz_specialist_insert(f->db[d], &s, &err), KZ_OK);
	snprintf(id, KZ_ID_SIZE, "%s", s.id);
	kz_specialist_free(&s);
}

/* Set one text column of a specialist through the register's own API. */
static void
edit(struct unit_offices *f, int d, const char *id, const char *col,
    const char *value)
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	assert_int_equal(kz_specialist_get(f->db[d], id, &s, &err), KZ_OK);
	if (strcmp(col, "post") == 0)
		kz_str_set(&s.post, value);
	else if (strcmp(col, "email") == 0)
		kz_str_set(&s.email, value);
	else if (strcmp(col, "phone") == 0)
		kz_str_set(&s.phone, value);
	else if (strcmp(col, "notes") == 0)
		kz_str_set(&s.notes, value);
	else if (strcmp(col, "name_roman") == 0)
		kz_str_set(&s.name_roman, value);
	else
		fail_msg("no column %s", col);
	assert_int_equal(kz_specialist_update(f->db[d], &s, &err), KZ_OK);
	kz_specialist_free(&s);
}

/* A text query's answer, "" for none. */
static const char *
q(struct unit_offices *f, int d, const char *sql, const char *arg)
{
	static char out[512];
	sqlite3_stmt *st;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(f->db[d]->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

/* Run SQL as one captured transaction, as a core write would. */
static void
write_sql(struct unit_offices *f, int d, const char *sql)
{
	struct kz_err err = { 0 };

	assert_int_equal(kz_db_begin(f->db[d], &err), KZ_OK);
	assert_int_equal(sqlite3_exec(f->db[d]->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(kz_db_commit(f->db[d], &err), KZ_OK);
}

/* Export d's changes into a new file; its path in path. */
static void
export(struct unit_offices *f, int d, char *path, size_t size)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };

	snprintf(path, size, "%s/b%d.kzb", f->dir, f->nfile++);
	assert_int_equal(kz_sync_export(f->db[d], path, false, &res, &err),
	    KZ_OK);
	assert_false(res.nothing);
}

static struct kz_sync_result
import(struct unit_offices *f, int d, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];

	if (kz_sync_import(f->db[d], path, &res, &err) != KZ_OK)
		fail_msg("import: %s", kz_err_first(&err, buf, sizeof buf));
	return res;
}

/* Send d's changes to e. */
static struct kz_sync_result
send(struct unit_offices *f, int d, int e)
{
	char path[128];

	export(f, d, path, sizeof path);
	return import(f, e, path);
}

static struct kz_conflict_list
conflicts(struct unit_offices *f, int d, bool all)
{
	struct kz_conflict_list l;
	struct kz_err err = { 0 };

	assert_int_equal(kz_sync_conflicts(f->db[d], all, &l, &err), KZ_OK);
	return l;
}

static const char *
col(struct unit_offices *f, int d, const char *id, const char *c)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT %s FROM specialist WHERE id = ?", c);
	return q(f, d, sql, id);
}

static long
count(struct unit_offices *f, int d, const char *sql, const char *arg)
{
	return atol(q(f, d, sql, arg));
}

/* ---- tests ---- */

/* Head office owns the register; an office may add to it, and owns the
 * other records it creates. */
static void
test_ownership(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_conflict_list l;
	char x[KZ_ID_SIZE], w[KZ_ID_SIZE], buf[256], p1[128];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	export(f, TYO, p1, sizeof p1);
	r = import(f, BJS, p1);
	assert_int_equal(r.conflicts, 0);
	import(f, SIN, p1);
	assert_string_equal(col(f, BJS, x, "name_roman"), "Kenichi Sato");

	/* an office's edit of a head-office record is kept aside there */
	edit(f, BJS, x, "post", "北京的想法");
	add(f, BJS, "王建国", "Wang Jianguo", w);
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 1);
	assert_string_equal(col(f, TYO, x, "post"), "主任");
	assert_string_equal(col(f, TYO, w, "name_roman"), "Wang Jianguo");
	l = conflicts(f, TYO, false);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.c[0].reason, "owner");
	assert_string_equal(l.c[0].record, x);
	assert_string_equal(l.c[0].office, "BJS");
	assert_non_null(strstr(kz_conflict_reason(&l.c[0], buf, sizeof buf),
	    "BJS"));
	kz_conflict_list_free(&l);

	/* the new specialist goes on to another office through head office,
	 * and back to its own harmlessly */
	export(f, TYO, p1, sizeof p1);
	r = import(f, SIN, p1);
	assert_int_equal(r.conflicts, 0);
	assert_string_equal(col(f, SIN, w, "name_roman"), "Wang Jianguo");
	r = import(f, BJS, p1);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(r.applied, 0);

	/* a record of an office's own, changed by head office: kept aside */
	for (int d = 0; d < NDB; d++)
		assert_int_equal(sqlite3_exec(f->db[d]->sql, "CREATE TABLE memo "
		    "(id TEXT PRIMARY KEY NOT NULL, text TEXT)", NULL, NULL,
		    NULL), SQLITE_OK);
	write_sql(f, BJS, "INSERT INTO memo VALUES ('BJS-MEMO-0001', 'ours')");
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 0);
	assert_string_equal(q(f, TYO, "SELECT text FROM memo", NULL), "ours");
	write_sql(f, TYO, "UPDATE memo SET text = 'head office says'");
	write_sql(f, BJS, "INSERT INTO memo VALUES ('BJS-MEMO-0002', 'more')");
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 1);
	assert_string_equal(q(f, BJS, "SELECT text FROM memo WHERE id = "
	    "'BJS-MEMO-0001'", NULL), "ours");
	/* the owner's own changes go through, but not over a different
	 * change made here to the same field: that clashes */
	write_sql(f, BJS, "UPDATE memo SET text = text || ', changed'");
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 1);
	assert_string_equal(q(f, TYO, "SELECT text FROM memo WHERE id = "
	    "'BJS-MEMO-0002'", NULL), "more, changed");
	l = conflicts(f, TYO, false);
	assert_string_equal(l.c[l.n - 1].reason, "clash");
	assert_string_equal(l.c[l.n - 1].record, "BJS-MEMO-0001");
	kz_conflict_list_free(&l);
}

/* Different fields merge; the same field changed on both sides is kept
 * aside with the local value left. */
static void
test_field_merge(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_conflict_list l;
	char x[KZ_ID_SIZE];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);
	at("2026-11-02T10:00:00Z");
	edit(f, BJS, x, "email", "sato@example.jp");
	edit(f, BJS, x, "post", "北京的想法");
	at("2026-11-02T11:00:00Z");
	edit(f, TYO, x, "notes", "東京のメモ");	/* contacts stay there */
	edit(f, TYO, x, "post", "東京の考え");
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 1);
	assert_string_equal(col(f, BJS, x, "notes"), "東京のメモ");
	assert_string_equal(col(f, BJS, x, "email"), "sato@example.jp");
	assert_string_equal(col(f, BJS, x, "post"), "北京的想法");
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.c[0].reason, "clash");
	assert_non_null(strstr(l.c[0].change, "東京の考え"));
	assert_non_null(strstr(l.c[0].change, "北京的想法"));
	/* the phone merged, so only the post is in the conflict */
	assert_null(strstr(l.c[0].change, "phone"));

	assert_int_equal(kz_sync_resolve(f->db[BJS], l.c[0].n, true,
	    &(struct kz_err){ 0 }), KZ_OK);
	assert_string_equal(col(f, BJS, x, "post"), "東京の考え");
	kz_conflict_list_free(&l);
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 0);
	kz_conflict_list_free(&l);
	l = conflicts(f, BJS, true);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.c[0].resolution, "theirs");
	kz_conflict_list_free(&l);
}

/* The sort key travels with the names, and two offices that changed the
 * record at once, the name at one and the post at the other, agree on
 * the name and its key afterwards (the post is the ownership rules'). */
static void
test_sort_key_travels(void **state)
{
	struct unit_offices *f = *state;
	char x[KZ_ID_SIZE];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);
	assert_string_equal(col(f, BJS, x, "sort_key"), "sato kenichi");
	at("2026-11-02T10:00:00Z");
	edit(f, BJS, x, "post", "北京的想法");
	at("2026-11-02T11:00:00Z");
	edit(f, TYO, x, "name_roman", "SUZUKI Kenichi");
	send(f, TYO, BJS);
	send(f, BJS, TYO);
	for (int d = TYO; d <= BJS; d++) {
		assert_string_equal(col(f, d, x, "name_roman"),
		    "SUZUKI Kenichi");
		assert_string_equal(col(f, d, x, "sort_key"),
		    "suzuki kenichi");
	}
}

/* An import makes the search rows again of the records it changed, not
 * of those it finds as they are: after a full bundle with one edit, a
 * mark left in the other's search row is still there. */
static void
test_import_reindexes_changed(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], y[KZ_ID_SIZE], path[128];
	const char *body = "SELECT body FROM specialist_fts WHERE rowid = "
	    "(SELECT n FROM local_search_map WHERE id = ?)";
	char sql[200];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	add(f, TYO, "田中裕子", "Yuko Tanaka", y);
	send(f, TYO, BJS);
	/* the index is this database's own: marked, nothing travels */
	for (int i = 0; i < 2; i++) {
		snprintf(sql, sizeof sql, "UPDATE specialist_fts SET body = "
		    "'stale' WHERE rowid = (SELECT n FROM local_search_map "
		    "WHERE id = '%s')", i ? y : x);
		assert_int_equal(sqlite3_exec(f->db[BJS]->sql, sql, NULL, NULL,
		    NULL), SQLITE_OK);
	}
	assert_string_equal(q(f, BJS, body, x), "stale");
	at("2026-11-02T10:00:00Z");
	edit(f, TYO, x, "post", "園芸課長");
	snprintf(path, sizeof path, "%s/all.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[TYO], path, true, &res, &err),
	    KZ_OK);
	res = import(f, BJS, path);
	assert_true(res.applied > 0);
	assert_true(res.unchanged > 0);
	assert_string_not_equal(q(f, BJS, body, x), "stale");
	assert_string_equal(q(f, BJS, body, y), "stale");
	/* and the changed one is found by its new words */
	char *expr = kz_search_expr("園芸");
	assert_non_null(expr);
	assert_string_equal(q(f, BJS, "SELECT id FROM specialist_fts WHERE "
	    "specialist_fts MATCH ?", expr), x);
	free(expr);
}

/* The audit stamps take the later edit, on import and on settling. */
static void
test_stamps(void **state)
{
	struct unit_offices *f = *state;
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);

	/* head office edits later: its stamp arrives with its field */
	at("2026-11-02T10:00:00Z");
	edit(f, BJS, x, "email", "sato@example.jp");
	at("2026-11-02T11:00:00Z");
	edit(f, TYO, x, "notes", "first");
	send(f, TYO, BJS);
	assert_string_equal(col(f, BJS, x, "updated"), "2026-11-02T11:00:00Z");
	assert_string_equal(col(f, BJS, x, "updated_by"), "tanaka");

	/* head office edits earlier: the later local stamp stays */
	at("2026-11-03T09:00:00Z");
	edit(f, TYO, x, "notes", "second");
	at("2026-11-03T10:00:00Z");
	edit(f, BJS, x, "email", "sato@example.cn");
	send(f, TYO, BJS);
	assert_string_equal(col(f, BJS, x, "notes"), "second");
	assert_string_equal(col(f, BJS, x, "updated"), "2026-11-03T10:00:00Z");
	assert_string_equal(col(f, BJS, x, "updated_by"), "wang");

	/* head office takes an office's older edit: its own later stamp
	 * stands */
	send(f, BJS, TYO);	/* the e-mails, kept aside at head office */
	at("2026-11-04T12:00:00Z");
	edit(f, TYO, x, "post", "部長");
	l = conflicts(f, TYO, false);
	assert_true(l.n >= 1);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(kz_sync_resolve(f->db[TYO], l.c[i].n, true,
		    &err), KZ_OK);
	kz_conflict_list_free(&l);
	assert_string_equal(col(f, TYO, x, "email"), "sato@example.cn");
	assert_string_equal(col(f, TYO, x, "updated"), "2026-11-04T12:00:00Z");
	assert_string_equal(col(f, TYO, x, "updated_by"), "tanaka");
}

/* A full bundle meets a record changed here: "exists"; taking theirs
 * updates it in place and keeps its fields and languages. */
static void
test_resolve_insert_keeps_children(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], path[128];

	/* proposed by Beijing, edited at head office; then Beijing's full
	 * bundle brings it as Beijing still has it */
	add(f, BJS, "佐藤健一", "Kenichi Sato", x);
	send(f, BJS, TYO);
	edit(f, TYO, x, "post", "東京の考え");
	snprintf(path, sizeof path, "%s/all.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[BJS], path, true, &r, &err),
	    KZ_OK);
	r = import(f, TYO, path);
	assert_int_equal(r.conflicts, 1);
	l = conflicts(f, TYO, false);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.c[0].reason, "exists");
	assert_string_equal(l.c[0].op, "insert");
	assert_int_equal(kz_sync_resolve(f->db[TYO], l.c[0].n, true, &err),
	    KZ_OK);
	kz_conflict_list_free(&l);
	assert_string_equal(col(f, TYO, x, "post"), "主任");
	assert_int_equal(count(f, TYO, "SELECT count(*) FROM specialist_field "
	    "WHERE specialist = ?", x), 1);
	assert_int_equal(count(f, TYO, "SELECT count(*) FROM specialist_lang "
	    "WHERE specialist = ?", x), 1);
}

/* Damage is found before anything is written. */
static void
test_damaged_refused(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], path[128];
	unsigned char *data;
	size_t len;
	long size;

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	export(f, TYO, path, sizeof path);
	assert_non_null(data = (unsigned char *)kz_file_read(path, 0, &len));
	size = (long)len;

	/* a flipped bit anywhere, a cut anywhere */
	for (long i = 0; i < size; i += 7) {
		data[i] ^= 0x10;
		kz_err_clear(&err);
		assert_int_equal(kz_sync_import_mem(f->db[BJS], "flip", data,
		    (size_t)size, &r, &err), KZ_ERROR);
		data[i] ^= 0x10;
		kz_err_clear(&err);
		assert_int_equal(kz_sync_import_mem(f->db[BJS], "cut", data,
		    (size_t)i, &r, &err), KZ_ERROR);
	}
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist", NULL),
	    0);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM sync_applied",
	    NULL), 0);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM sync_conflict",
	    NULL), 0);
	kz_err_clear(&err);
	assert_int_equal(kz_sync_import_mem(f->db[BJS], "whole", data,
	    (size_t)size, &r, &err), KZ_OK);
	assert_string_equal(col(f, BJS, x, "name"), "佐藤健一");
	free(data);
}

/* Import len bytes at data into BJS: refused, naming want; nothing of it
 * written. */
static void
refused_chunk(struct unit_offices *f, const char *what, const void *data,
    size_t len, const char *want)
{
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];

	assert_int_equal(kz_sync_import_mem(f->db[BJS], what, data, len, &r,
	    &err), KZ_ERROR);
	kz_err_first(&err, buf, sizeof buf);
	if (strstr(buf, want) == NULL)
		fail_msg("%s: no \"%s\" in: %s", what, want, buf);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist", NULL),
	    0);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM sync_applied",
	    NULL), 0);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM sync_conflict",
	    NULL), 0);
}

/* A bundle of several chunks goes through whole. Cut after a chunk, two
 * chunks swapped, a chunk changed, its end dropped (each signed again,
 * as its sender could): refused, naming the chunk; nothing written. */
static void
test_chunks(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 }, out = { 0 };
	char x[KZ_ID_SIZE], path[128], note[3901];
	size_t len, at, plen, off[64], n = 0, ssh =
	    crypto_secretstream_xchacha20poly1305_HEADERBYTES;
	unsigned char *pay, *w;
	char *data;
	const char *h;

	memset(note, 'a', sizeof note - 1);
	note[sizeof note - 1] = '\0';
	for (int i = 0; i < 250; i++) {
		char name[32];
		snprintf(name, sizeof name, "Sato %d", i);
		add(f, TYO, "佐藤", name, x);
		for (int k = 0; k < 5; k++)	/* notes that differ */
			note[(i * 7 + k * 131) % (sizeof note - 1)] = (char)('b' + k);
		edit(f, TYO, x, "notes", note);
	}
	export(f, TYO, path, sizeof path);
	assert_non_null(data = kz_file_read(path, 0, &len));
	kz_buf_put(&b, data, len);
	free(data);
	assert_non_null(h = strstr(b.s, "\nchunks: "));
	assert_true(atol(h + 9) >= 3);
	assert_non_null(h = strstr(b.s, "\npayload: "));
	plen = (size_t)atol(h + 10);
	at = (size_t)(strstr(b.s, "\n\n") + 2 - b.s);
	pay = (unsigned char *)b.s + at;
	/* where each chunk starts, its length before it; the last is the
	 * empty one that says the end */
	for (size_t o = ssh; o < plen; n++) {
		off[n] = o;
		o += 4 + ((size_t)pay[o] << 24 | (size_t)pay[o + 1] << 16 |
		    (size_t)pay[o + 2] << 8 | pay[o + 3]);
	}
	off[n] = plen;
	assert_true(n >= 4);
	assert_non_null(w = malloc(plen));

	/* cut after the first chunk: as it was, then signed again */
	refused_chunk(f, "cut", b.s, at + off[1], "cut short");
	unit_resign(f->db[TYO], &b, pay, off[1], &out);
	refused_chunk(f, "cut, signed", out.s, out.len, "chunk 2");
	refused_chunk(f, "cut, signed", out.s, out.len, "its end is missing");
	/* the end dropped */
	unit_resign(f->db[TYO], &b, pay, off[n - 1], &out);
	refused_chunk(f, "no end", out.s, out.len, "its end is missing");
	/* the first two swapped */
	memcpy(w, pay, plen);
	memcpy(w + ssh, pay + off[1], off[2] - off[1]);
	memcpy(w + ssh + off[2] - off[1], pay + off[0], off[1] - off[0]);
	unit_resign(f->db[TYO], &b, w, plen, &out);
	refused_chunk(f, "swapped", out.s, out.len, "chunk 1 (byte");
	refused_chunk(f, "swapped", out.s, out.len, "not in its place");
	/* a byte of the second changed */
	memcpy(w, pay, plen);
	w[off[1] + 4 + 100] ^= 1;
	unit_resign(f->db[TYO], &b, w, plen, &out);
	refused_chunk(f, "changed", out.s, out.len, "chunk 2");
	/* the same, not signed again: the signature says it */
	w[off[1] + 4 + 100] ^= 1;
	pay[off[1] + 4 + 100] ^= 1;
	refused_chunk(f, "changed", b.s, b.len, "signature");
	pay[off[1] + 4 + 100] ^= 1;
	free(w);
	/* the first chunk twice */
	assert_non_null(w = malloc(plen + off[1] - off[0]));
	memcpy(w, pay, off[1]);
	memcpy(w + off[1], pay + off[0], off[1] - off[0]);
	memcpy(w + off[1] + off[1] - off[0], pay + off[1], plen - off[1]);
	unit_resign(f->db[TYO], &b, w, plen + off[1] - off[0], &out);
	refused_chunk(f, "twice", out.s, out.len, "chunk 2");
	free(w);

	/* whole, it goes through */
	assert_int_equal(kz_sync_import_mem(f->db[BJS], "whole",
	    (const unsigned char *)b.s, b.len, &r, &err), KZ_OK);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist", NULL),
	    250);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist WHERE "
	    "notes = ?", note), 1);
	kz_buf_free(&b);
	kz_buf_free(&out);
}

/* A bundle of format 2, as kizuna wrote them before chunks (sealed whole,
 * signed whole), from head office's outbox to BJS: still read. */
static void
test_format2_read(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 };
	unsigned char pk[KZ_KEY_PUBLIC], bpk[KZ_KEY_PUBLIC], x[32], sig[KZ_KEY_SIG];
	unsigned char fk[32], box[crypto_box_SEALBYTES + 32];
	unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
	char hex[2 * KZ_KEY_SIG + 1], bhex[KZ_KEY_HEX], counts[512], id[KZ_ID_SIZE];
	char boxhex[2 * sizeof box + 1], dbid[40];
	sqlite3_stmt *st;
	unsigned char *z, *c;
	size_t zlen, size;
	unsigned long long clen;
	long changes;

	add(f, TYO, "佐藤健一", "Kenichi Sato", id);
	assert_int_equal(sqlite3_prepare_v2(f->db[TYO]->sql, "SELECT data FROM "
	    "sync_outbox ORDER BY n DESC LIMIT 1", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	size = (size_t)sqlite3_column_bytes(st, 0);
	changes = kz_sync_bundle_describe(sqlite3_column_blob(st, 0), (int)size,
	    counts, sizeof counts);
	assert_true(changes > 0);
	assert_non_null(z = malloc(ZSTD_compressBound(size)));
	zlen = ZSTD_compress(z, ZSTD_compressBound(size),
	    sqlite3_column_blob(st, 0), size, 9);
	sqlite3_finalize(st);
	assert_false(ZSTD_isError(zlen));
	crypto_aead_xchacha20poly1305_ietf_keygen(fk);
	randombytes_buf(nonce, sizeof nonce);
	assert_non_null(c = malloc(sizeof nonce + zlen +
	    crypto_aead_xchacha20poly1305_ietf_ABYTES));
	memcpy(c, nonce, sizeof nonce);
	crypto_aead_xchacha20poly1305_ietf_encrypt(c + sizeof nonce, &clen, z,
	    zlen, NULL, 0, NULL, nonce, fk);
	free(z);
	assert_int_equal(kz_sync_key_own(f->db[TYO], pk, &err), KZ_OK);
	assert_int_equal(kz_sync_key_own(f->db[BJS], bpk, &err), KZ_OK);
	kz_sync_key_hex(pk, hex);
	kz_sync_key_hex(bpk, bhex);
	assert_int_equal(crypto_sign_ed25519_pk_to_curve25519(x, bpk), 0);
	assert_int_equal(crypto_box_seal(box, fk, sizeof fk, x), 0);
	sodium_bin2hex(boxhex, sizeof boxhex, box, sizeof box);
	snprintf(dbid, sizeof dbid, "%s", q(f, TYO, "SELECT value FROM "
	    "sync_meta WHERE key = 'db'", NULL));
	kz_buf_printf(&b, "KIZUNA-BUNDLE 2\norganisation: %s\noffice: TYO\n"
	    "role: head\ndb: %s\nsequence: 1\ncreated: 2026-11-01T09:00:00Z\n"
	    "changes: %ld\ncount: %s\nsigner: %s\nsealed: xchacha20poly1305\n"
	    "recipient: BJS %s %s\ncompressed: zstd %zu\npayload: %zu\n\n",
	    f->cfg[TYO]->organisation, dbid, changes, counts, hex, bhex, boxhex,
	    size, (size_t)(sizeof nonce + clen));
	kz_buf_put(&b, (const char *)c, sizeof nonce + (size_t)clen);
	free(c);
	assert_int_equal(kz_sync_key_sign(f->db[TYO], b.s, b.len, sig, &err),
	    KZ_OK);
	sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
	kz_buf_printf(&b, "\nEND %s\n", hex);
	assert_false(b.oom);

	/* changed, it is refused as before */
	b.s[b.len - 200] ^= 1;
	refused_chunk(f, "v2 changed", b.s, b.len, "signature");
	b.s[b.len - 200] ^= 1;
	if (kz_sync_import_mem(f->db[BJS], "v2", (const unsigned char *)b.s,
	    b.len, &r, &err) != KZ_OK) {
		char buf[KZ_ERR_MSG + 100];
		fail_msg("format 2: %s", kz_err_first(&err, buf, sizeof buf));
	}
	assert_int_equal(r.applied, changes);
	assert_string_equal(col(f, BJS, id, "name"), "佐藤健一");
	kz_buf_free(&b);
}

/* A gap is refused naming the missing bundle; in order they go through,
 * and a repeat changes nothing. */
static void
test_gap_refused(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], y[KZ_ID_SIZE], p1[128], p2[128], buf[400];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	export(f, TYO, p1, sizeof p1);
	add(f, TYO, "田中裕子", "Yuko Tanaka", y);
	export(f, TYO, p2, sizeof p2);
	assert_int_equal(kz_sync_import(f->db[BJS], p2, &r, &err), KZ_ERROR);
	kz_err_first(&err, buf, sizeof buf);
	assert_non_null(strstr(buf, "bundle 1 from TYO is missing"));
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist", NULL),
	    0);
	r = import(f, BJS, p1);
	assert_false(r.nothing);
	r = import(f, BJS, p2);
	assert_false(r.nothing);
	r = import(f, BJS, p1);
	assert_true(r.nothing);
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist", NULL),
	    2);
}

/*
 * A change this database's rules refuse (here a trigger standing for
 * "a specialist with dispatches stays") is kept aside, not a failure of
 * the whole bundle, which could never be applied after. The record's
 * rows stay with it, and one decision settles them all.
 */
static void
test_refused_kept_aside(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], y[KZ_ID_SIZE], buf[400];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	add(f, TYO, "田中裕子", "Yuko Tanaka", y);
	send(f, TYO, BJS);
	assert_int_equal(sqlite3_exec(f->db[BJS]->sql, "CREATE TRIGGER keep "
	    "BEFORE DELETE ON specialist WHEN old.name_roman = 'Kenichi Sato' "
	    "BEGIN SELECT RAISE(ABORT, 'Sato has dispatches here'); END", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(kz_specialist_delete(f->db[TYO], x, &err), KZ_OK);
	assert_int_equal(kz_specialist_delete(f->db[TYO], y, &err), KZ_OK);
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 3);	/* Sato, his field, his language */
	assert_string_equal(col(f, BJS, x, "name"), "佐藤健一");
	assert_string_equal(col(f, BJS, y, "name"), "");
	assert_int_equal(count(f, BJS, "SELECT count(*) FROM specialist_field "
	    "WHERE specialist = ?", x), 1);
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.c[0].reason, "refused");
	assert_string_equal(l.c[0].table, "specialist");
	assert_non_null(l.c[0].error);
	assert_non_null(strstr(kz_conflict_reason(&l.c[0], buf, sizeof buf),
	    "Sato has dispatches here"));
	/* theirs is refused again, and nothing is settled */
	assert_int_equal(kz_sync_resolve(f->db[BJS], l.c[0].n, true, &err),
	    KZ_ERROR);
	kz_conflict_list_free(&l);
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 3);
	/* mine settles the record and its rows */
	assert_int_equal(kz_sync_resolve(f->db[BJS], l.c[0].n, false,
	    &(struct kz_err){ 0 }), KZ_OK);
	kz_conflict_list_free(&l);
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 0);
	kz_conflict_list_free(&l);

	/* and the next bundle is not held up */
	add(f, TYO, "李明", "Li Ming", y);
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 0);
	assert_string_equal(col(f, BJS, y, "name"), "李明");
}

/* A change to a record deleted here cannot be taken: it says so. */
static void
test_resolve_vanished(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], buf[400];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);
	assert_int_equal(kz_specialist_delete(f->db[BJS], x, &err), KZ_OK);
	edit(f, TYO, x, "post", "部長");
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 1);
	l = conflicts(f, BJS, false);
	assert_string_equal(l.c[0].reason, "deleted");
	assert_int_equal(kz_sync_resolve(f->db[BJS], l.c[0].n, true, &err),
	    KZ_ERROR);
	kz_err_first(&err, buf, sizeof buf);
	assert_non_null(strstr(buf, "not here any more"));
	assert_int_equal(kz_sync_resolve(f->db[BJS], l.c[0].n, false,
	    &(struct kz_err){ 0 }), KZ_OK);
	kz_conflict_list_free(&l);
}

/* The change field by field, in the table's column order. */
static void
test_conflict_view(void **state)
{
	struct unit_offices *f = *state;
	struct kz_conflict_list l;
	struct kz_conflict_view v;
	struct kz_conflict bad = { 0 };
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);
	edit(f, BJS, x, "post", "北京的想法");
	edit(f, BJS, x, "notes", "北京");
	edit(f, TYO, x, "post", "東京の考え");
	edit(f, TYO, x, "notes", "東京");
	send(f, TYO, BJS);
	l = conflicts(f, BJS, false);
	assert_int_equal(l.n, 1);
	assert_int_equal(kz_conflict_view(f->db[BJS], &l.c[0], &v, &err),
	    KZ_OK);
	assert_non_null(strstr(v.key, x));
	assert_true(v.has[KZ_THEIRS] && v.has[KZ_BASE] && v.has[KZ_MINE]);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.f[0].name, "post");	/* column order */
	assert_string_equal(v.f[1].name, "notes");
	assert_string_equal(v.f[0].value[KZ_THEIRS], "東京の考え");
	assert_string_equal(v.f[0].value[KZ_BASE], "主任");
	assert_string_equal(v.f[0].value[KZ_MINE], "北京的想法");
	assert_null(v.f[1].value[KZ_BASE]);	/* was empty */
	assert_true(v.f[1].has[KZ_BASE]);
	kz_conflict_view_free(&v);
	kz_conflict_list_free(&l);

	/* a damaged change is no crash, just nothing to show */
	bad.change = (char *)"{not json";
	snprintf(bad.table, sizeof bad.table, "specialist");
	assert_int_equal(kz_conflict_view(f->db[BJS], &bad, &v, &err), KZ_OK);
	assert_int_equal(v.n, 0);
	kz_conflict_view_free(&v);
}

/* Set lang's text of series id's name in database d, through the
 * series' own update. */
static void
translate(struct unit_offices *f, int d, const char *id, const char *lang,
    const char *text)
{
	struct kz_series s;
	struct kz_err err = { 0 };

	assert_int_equal(kz_series_get(f->db[d], id, &s, &err), KZ_OK);
	assert_int_equal(kz_tr_set(&s.tr, "name", lang, text), KZ_OK);
	assert_int_equal(kz_series_update(f->db[d], &s, &err), KZ_OK);
	kz_series_free(&s);
}

/* Two offices adding different languages of one record's text both keep
 * theirs: a row per record, field and language merges. */
static void
test_translations_merge(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_series s;
	struct kz_err err = { 0 };
	const char *n = "SELECT count(*) FROM text_tr WHERE record = ?";
	char id[KZ_ID_SIZE];

	memset(&s, 0, sizeof s);
	kz_str_set(&s.code, "cj-seminar");
	kz_str_set(&s.name, "中日地方交流促进研讨会");
	assert_int_equal(kz_tr_set(&s.tr, "name", "zh", "中日地方交流促进研讨会"),
	    KZ_OK);
	assert_int_equal(kz_series_insert(f->db[BJS], &s, &err), KZ_OK);
	snprintf(id, sizeof id, "%s", s.id);
	kz_series_free(&s);
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(count(f, TYO, n, id), 1);

	/* head office adds Japanese, Beijing English, unaware of each other */
	at("2026-11-02T09:00:00Z");
	translate(f, TYO, id, "ja", "日中地方交流促進セミナー");
	at("2026-11-02T10:00:00Z");
	translate(f, BJS, id, "en", "China-Japan Local Exchange Promotion "
	    "Seminar");
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 0);
	r = send(f, TYO, BJS);
	assert_int_equal(r.conflicts, 0);
	for (int d = TYO; d <= BJS; d++) {
		assert_int_equal(count(f, d, n, id), 3);
		assert_string_equal(q(f, d, "SELECT text FROM text_tr WHERE "
		    "record = ? AND lang = 'ja'", id), "日中地方交流促進セミナー");
		assert_string_equal(q(f, d, "SELECT text FROM text_tr WHERE "
		    "record = ? AND lang = 'en'", id),
		    "China-Japan Local Exchange Promotion Seminar");
	}
	/* removing one goes over too; the series' deletion takes the rest */
	at("2026-11-03T09:00:00Z");
	translate(f, BJS, id, "zh", "");
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(count(f, TYO, n, id), 2);
	assert_int_equal(kz_series_delete(f->db[BJS], "cj-seminar", &err), KZ_OK);
	assert_int_equal(count(f, BJS, n, id), 0);
	r = send(f, BJS, TYO);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(count(f, TYO, n, id), 0);
}

/* The rules name every table of a new database, and say of it what the
 * schema does: plain tables travel but bookkeeping and derived ones, the
 * stamp columns are there, a child's first key column is its record's. */
/* The history travels as the records do: head office's rows to every
 * office, an office's own to head office; each database ends with the
 * same rows for a record, once, whichever way they came, and applying a
 * bundle records none of its own. */
static void
test_history_travels(void **state)
{
	struct unit_offices *f = *state;
	static const char rows[] = "SELECT count(*) FROM record_history "
	    "WHERE record = ?";
	static const char ids[] = "SELECT group_concat(id, ' ') FROM (SELECT "
	    "id FROM record_history WHERE record = ? ORDER BY id)";
	static const char all[] = "SELECT count(*) FROM record_history";
	char x[KZ_ID_SIZE], w[KZ_ID_SIZE], v[KZ_ID_SIZE], p1[128], want[512];

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	at("2026-11-01T10:00:00Z");
	edit(f, TYO, x, "post", "課長");
	export(f, TYO, p1, sizeof p1);
	import(f, BJS, p1);
	import(f, SIN, p1);
	assert_int_equal(count(f, BJS, rows, x), 2);
	snprintf(want, sizeof want, "%s", q(f, TYO, ids, x));
	assert_string_equal(q(f, BJS, ids, x), want);
	assert_string_equal(q(f, SIN, ids, x), want);
	assert_string_equal(q(f, BJS, "SELECT user FROM record_history WHERE "
	    "record = ? AND action = 'edit'", x), "tanaka");

	/* an office's new record: its history row starts with its code and
	 * goes to head office; back at the office it is not doubled */
	at("2026-11-01T11:00:00Z");
	add(f, BJS, "王建国", "Wang Jianguo", w);
	send(f, BJS, TYO);
	assert_int_equal(count(f, TYO, rows, w), 1);
	assert_string_equal(q(f, TYO, "SELECT substr(id, 1, 4) FROM "
	    "record_history WHERE record = ?", w), "BJS-");
	at("2026-11-01T12:00:00Z");
	add(f, SIN, "Tan Wei", "Tan Wei", v);
	send(f, SIN, TYO);
	export(f, TYO, p1, sizeof p1);
	import(f, SIN, p1);
	import(f, BJS, p1);
	assert_int_equal(count(f, BJS, rows, w), 1);
	assert_int_equal(count(f, SIN, rows, v), 1);
	/* an office's rows are its and head office's, as its records are */
	assert_int_equal(count(f, SIN, rows, w), 0);
	assert_int_equal(count(f, BJS, rows, v), 0);
	assert_int_equal(count(f, TYO, all, NULL), 4);
	assert_int_equal(count(f, BJS, all, NULL), 3);
	assert_int_equal(count(f, SIN, all, NULL), 3);
	snprintf(want, sizeof want, "%s", q(f, TYO, ids, w));
	assert_string_equal(q(f, BJS, ids, w), want);
}

static void
test_rules_match_schema(void **state)
{
	struct unit_offices *f = *state;
	sqlite3 *sql = f->db[TYO]->sql;
	sqlite3_stmt *st, *cols;
	int listed = 0;

	assert_int_equal(sqlite3_prepare_v2(sql, "SELECT name, type FROM "
	    "pragma_table_list WHERE schema = 'main'", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sql, "SELECT name, pk FROM "
	    "pragma_table_info(?) ORDER BY cid", -1, &cols, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const struct kz_sync_rule *r = kz_sync_rule_of(name);
		bool has_stamp = false, has_by = false;
		const char *key = NULL;

		if (strncmp(name, "sqlite_", 7) == 0 ||
		    strcmp(type, "shadow") == 0) {
			if (r->travels)
				fail_msg("%s travels", name);
			continue;
		}
		if (r < kz_sync_rules || r >= kz_sync_rules + kz_sync_nrules)
			fail_msg("table %s has no line in sync_rules.c", name);
		listed++;
		if (r->travels != (strcmp(type, "table") == 0 &&
		    strncmp(name, "sync_", 5) != 0 &&
		    strncmp(name, "local_", 6) != 0))
			fail_msg("%s: travels is wrong", name);
		sqlite3_bind_text(cols, 1, name, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(cols) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(cols,
			    0);
			has_stamp |= strcmp(c, "updated") == 0;
			has_by |= strcmp(c, "updated_by") == 0;
			if (sqlite3_column_int(cols, 1) == 1)
				key = key ? key : strdup(c);
		}
		sqlite3_reset(cols);
		if (r->travels && (has_stamp && has_by) != (r->stamp != NULL))
			fail_msg("%s: stamp columns are wrong", name);
		if (r->stamp && (strcmp(r->stamp, "updated") != 0 ||
		    strcmp(r->stamp_by, "updated_by") != 0))
			fail_msg("%s: stamp columns are wrong", name);
		if (r->travels && key && r->child != (strcmp(key, "id") != 0))
			fail_msg("%s: child is wrong", name);
		free((char *)key);
	}
	sqlite3_finalize(cols);
	sqlite3_finalize(st);
	/* and no line names a table that is not there */
	assert_int_equal(listed, (int)kz_sync_nrules);
	assert_false(kz_sync_rule_travels("specialist_fts_data"));
	assert_true(kz_sync_rule_travels("memo"));
}

/* A bundle that changes a table that does not travel (bookkeeping here)
 * is refused whole, checksum or not. */
static void
test_bookkeeping_refused(void **state)
{
	struct unit_offices *f = *state;
	struct kz_bundle_info in = { .seq = 1 };
	unsigned char fk[KZ_FILE_KEY];
	struct kz_sync_result res;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	sqlite3_session *s;
	void *data;
	int size;
	char buf[KZ_ERR_MSG + 100];

	assert_int_equal(sqlite3session_create(f->db[TYO]->sql, "main", &s),
	    SQLITE_OK);
	assert_int_equal(sqlite3session_attach(s, "sync_meta"), SQLITE_OK);
	assert_int_equal(sqlite3_exec(f->db[TYO]->sql, "UPDATE sync_meta SET "
	    "value = '99' WHERE key = 'exported'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3session_changeset(s, &size, &data), SQLITE_OK);
	sqlite3session_delete(s);
	assert_true(size > 0);
	assert_int_equal(kz_sync_bundle_write(&b, f->db[TYO], "feedfeed",
	    data, size, &in, fk, &err), KZ_OK);
	sqlite3_free(data);
	assert_int_equal(kz_sync_import_mem(f->db[BJS], "evil", (const
	    unsigned char *)b.s, b.len, &res, &err), KZ_ERROR);
	assert_non_null(strstr(kz_err_first(&err, buf, sizeof buf),
	    "sync_meta"));
	assert_string_equal(q(f, BJS, "SELECT value FROM sync_meta WHERE "
	    "key = 'exported'", NULL), "0");
	kz_buf_free(&b);
}

/* Import the changeset data as a bundle of d's configuration from a
 * database "feedfeed" into e; KZ_ERROR with the message in buf. */
static int
import_forged(struct unit_offices *f, int d, int e, const void *data, int size,
    char *buf, size_t bufsz)
{
	struct kz_bundle_info in = { .seq = 1 };
	struct kz_sync_result res;
	struct kz_buf b = { 0 };
	struct kz_err err = { 0 };
	unsigned char fk[KZ_FILE_KEY];
	int rc;

	assert_int_equal(kz_sync_bundle_write(&b, f->db[d], "feedfeed",
	    data, size, &in, fk, &err), KZ_OK);
	rc = kz_sync_import_mem(f->db[e], "forged.kzb", (const unsigned char *)
	    b.s, b.len, &res, &err);
	kz_err_first(&err, buf, bufsz);
	kz_buf_free(&b);
	return rc;
}

/* A changeset whose table header marks another column as the key would
 * turn an update's WHERE on the key into one on that column, every row
 * with the value: refused whole, as is a table named in another case
 * (SQLite's names ignore case; the rules' do not). */
static void
test_forged_changes_refused(void **state)
{
	struct unit_offices *f = *state;
	char x[KZ_ID_SIZE], buf[KZ_ERR_MSG + 100], sql[200];
	sqlite3_session *s;
	unsigned char *cs;
	void *data;
	int size, gov = -1, ncol = 0;
	sqlite3_stmt *st;

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	send(f, TYO, BJS);
	assert_int_equal(sqlite3_prepare_v2(f->db[TYO]->sql, "SELECT name FROM "
	    "pragma_table_info('specialist') ORDER BY cid", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (strcmp((const char *)sqlite3_column_text(st, 0),
		    "government") == 0)
			gov = ncol;
		ncol++;
	}
	sqlite3_finalize(st);
	assert_true(gov > 0 && ncol < 128);

	assert_int_equal(sqlite3session_create(f->db[TYO]->sql, "main", &s),
	    SQLITE_OK);
	assert_int_equal(sqlite3session_attach(s, "specialist"), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE specialist SET post = 'all of them' "
	    "WHERE id = '%s'", x);
	write_sql(f, TYO, sql);
	assert_int_equal(sqlite3session_changeset(s, &size, &data), SQLITE_OK);
	sqlite3session_delete(s);
	cs = data;
	assert_true(size > 2 + ncol && cs[0] == 'T' && cs[1] == ncol);

	/* the government is the key now */
	cs[2] = 0;
	cs[2 + gov] = 1;
	assert_int_equal(import_forged(f, TYO, BJS, data, size, buf,
	    sizeof buf), KZ_ERROR);
	assert_non_null(strstr(buf, "key columns are not this database's"));
	assert_non_null(strstr(buf, "\"specialist\""));
	assert_string_equal(col(f, BJS, x, "post"), "主任");

	/* the key as it was, the table's name in capitals */
	cs[2] = 1;
	cs[2 + gov] = 0;
	memcpy(cs + 2 + ncol, "SPECIALIST", 10);
	assert_int_equal(import_forged(f, TYO, BJS, data, size, buf,
	    sizeof buf), KZ_ERROR);
	assert_non_null(strstr(buf, "this database has no such table"));
	assert_string_equal(col(f, BJS, x, "post"), "主任");

	/* as it was made: it goes through */
	memcpy(cs + 2 + ncol, "specialist", 10);
	assert_int_equal(import_forged(f, TYO, BJS, data, size, buf,
	    sizeof buf), KZ_OK);
	assert_string_equal(col(f, BJS, x, "post"), "all of them");
	sqlite3_free(data);
}

/* A bundle written again is the same bytes under the same number, even
 * after later bundles and after the database was closed and opened; a
 * bundle never made is refused, naming the last. */
static void
test_export_again_identical(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r, r2;
	struct kz_err err = { 0 };
	char x[KZ_ID_SIZE], p1[128], p2[128], p3[128], again[128];
	char *a, *b, buf[KZ_ERR_MSG + 100];
	size_t alen, blen;

	add(f, TYO, "佐藤健一", "Kenichi Sato", x);
	snprintf(p1, sizeof p1, "%s/one.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[TYO], p1, false, &r, &err), KZ_OK);
	assert_int_equal(r.info.seq, 1);
	assert_false(r.again);
	at("2026-11-02T09:00:00Z");	/* a later clock: the bytes may not move */
	edit(f, TYO, x, "post", "部長");
	snprintf(p2, sizeof p2, "%s/two.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[TYO], p2, false, &r, &err), KZ_OK);
	assert_int_equal(r.info.seq, 2);
	snprintf(p3, sizeof p3, "%s/all.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[TYO], p3, true, &r, &err), KZ_OK);
	assert_int_equal(r.info.seq, 3);
	for (long n = 1; n <= 3; n++) {
		const char *orig = n == 1 ? p1 : n == 2 ? p2 : p3;

		snprintf(again, sizeof again, "%s/again-%ld.kzb", f->dir, n);
		assert_int_equal(kz_sync_export_again(f->db[TYO], n, again, &r2,
		    &err), KZ_OK);
		assert_int_equal(r2.info.seq, n);
		assert_true(r2.again);
		assert_non_null(a = kz_file_read(orig, 0, &alen));
		assert_non_null(b = kz_file_read(again, 0, &blen));
		assert_int_equal(alen, blen);
		assert_int_equal(r2.info.bytes, blen);
		assert_memory_equal(a, b, alen);
		free(a);
		free(b);
	}
	/* the number did not move, nothing waits, no .part is left */
	assert_string_equal(q(f, TYO, "SELECT value FROM sync_meta WHERE key = "
	    "'exported'", NULL), "3");
	snprintf(again, sizeof again, "%s/again-1.kzb.part", f->dir);
	assert_int_equal(access(again, F_OK), -1);
	/* over a damaged file, the same bytes again */
	assert_int_equal(kz_file_write_atomic(p1, "KIZUNA-BUNDLE 1\ncut", 19), 0);
	assert_int_equal(kz_sync_export_again(f->db[TYO], 1, p1, &r2, &err),
	    KZ_OK);
	snprintf(again, sizeof again, "%s/again-1.kzb", f->dir);
	assert_non_null(a = kz_file_read(p1, 0, &alen));
	assert_non_null(b = kz_file_read(again, 0, &blen));
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
	/* head office's copy and the rewritten one are one bundle to BJS */
	r = import(f, BJS, p1);
	assert_false(r.nothing);
	r = import(f, BJS, again);
	assert_true(r.nothing);
	assert_int_equal(kz_sync_export_again(f->db[TYO], 4, again, &r2, &err),
	    KZ_ERROR);
	assert_non_null(strstr(kz_err_first(&err, buf, sizeof buf),
	    "the last is 3"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ownership, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_reindexes_changed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_sort_key_travels, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_field_merge, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_stamps, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_resolve_insert_keeps_children, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_gap_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refused_kept_aside, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resolve_vanished, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_conflict_view, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_travels, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rules_match_schema, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_translations_merge, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export_again_identical,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_forged_changes_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_chunks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_format2_read, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bookkeeping_refused, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
