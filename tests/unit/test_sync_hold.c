/* test_sync_hold.c - a bundle's rows that name a record head office does
 * not have (a specialist deleted there meanwhile) are held aside with
 * the rows that depend on them; the rest applies, the office's next
 * bundle goes through, and the held rows are taken once the record is
 * back, or dropped by hand. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "dispatch.h"
#include "request.h"
#include "specialist.h"
#include "sync.h"
#include "sync_records.h"
#include "vfs_crash.h"

enum { TYO, BJS };	/* unit_pair_setup's */

/* the kinds as sync_records.h tells them */
enum { K_SPECIALIST, K_REQUEST, K_DISPATCH, K_COST };

static void
add_specialist(struct kz_db *db, char id[KZ_ID_SIZE])
{
	struct kz_specialist s;
	struct kz_err err = { 0 };

	kz_specialist_init(&s);
	kz_str_set(&s.name, "佐藤健一");
	kz_str_set(&s.name_roman, "Kenichi Sato");
	kz_str_set(&s.government, "島根県");
	kz_str_set(&s.post, "主任");
	assert_int_equal(kz_specialist_add_field(&s, "agriculture", "野菜", 10),
	    KZ_OK);
	assert_int_equal(kz_specialist_insert(db, &s, &err), KZ_OK);
	memcpy(id, s.id, KZ_ID_SIZE);
	kz_specialist_free(&s);
}

static void
add_request(struct kz_db *db, const char *topic, char id[KZ_ID_SIZE])
{
	struct kz_request r;
	struct kz_err err = { 0 };

	kz_request_init(&r);
	snprintf(r.country, sizeof r.country, "CN");
	kz_str_set(&r.province, "河南省");
	snprintf(r.received, sizeof r.received, "2026-10-20");
	assert_int_equal(kz_request_parse_fields(db->cfg, &r, "agriculture",
	    &err), KZ_OK);
	kz_str_set(&r.topic, topic);
	snprintf(r.wish_start, sizeof r.wish_start, "2027-04-01");
	snprintf(r.wish_end, sizeof r.wish_end, "2027-04-10");
	kz_str_set(&r.language, "zh");
	r.interpreting = KZ_INTERP_HOST;
	assert_int_equal(kz_request_insert(db, &r, &err), KZ_OK);
	memcpy(id, r.id, KZ_ID_SIZE);
	kz_request_free(&r);
}

/* A dispatch, confirmed: it comes with its cost lines. */
static void
add_dispatch(struct kz_db *db, const char *req, const char *sp,
    const char *start, char id[KZ_ID_SIZE])
{
	struct kz_dispatch d;
	struct kz_dispatch_opts o = { .confirmed = true };
	struct kz_err err = { 0 };

	kz_dispatch_init(&d);
	snprintf(d.request, sizeof d.request, "%s", req);
	snprintf(d.specialist, sizeof d.specialist, "%s", sp);
	snprintf(d.start, sizeof d.start, "%s", start);
	snprintf(d.end, sizeof d.end, "%.8s28", start);
	assert_int_equal(kz_dispatch_insert(db, &d, &o, &err), KZ_OK);
	memcpy(id, d.id, KZ_ID_SIZE);
	kz_dispatch_free(&d);
}

/* d's changes (all: every record) to e; the import's result (it must
 * apply). */
static struct kz_sync_result
send_all(struct unit_offices *f, int d, int e, bool all)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char path[128], buf[KZ_ERR_MSG + 100];

	snprintf(path, sizeof path, "%s/b%d.kzb", f->dir, f->nfile++);
	if (kz_sync_export(f->db[d], path, all, &res, &err) != KZ_OK)
		fail_msg("export: %s", kz_err_first(&err, buf, sizeof buf));
	assert_false(res.nothing);
	if (kz_sync_import(f->db[e], path, &res, &err) != KZ_OK)
		fail_msg("import: %s", kz_err_first(&err, buf, sizeof buf));
	assert_false(res.nothing);
	return res;
}

static struct kz_sync_result
send(struct unit_offices *f, int d, int e)
{
	return send_all(f, d, e, false);
}

static long
count(struct kz_db *db, const char *sql)
{
	char *v = unit_query(db, sql);
	long n = atol(v);

	free(v);
	return n;
}

/* The open conflict of table and record (op), or fail. */
static long
conflict_of(struct kz_db *db, const char *table, const char *record,
    const char *op)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT coalesce(max(n), 0) FROM "
	    "sync_conflict WHERE tbl = '%s' AND record = '%s' AND op = '%s' "
	    "AND resolved IS NULL", table, record, op);
	return count(db, sql);
}

/* The conflict's reason as the Sync tab says it. */
static void
reason_of(struct kz_db *db, long n, char *out, size_t size)
{
	struct kz_conflict_list l;
	struct kz_err err = { 0 };

	assert_int_equal(kz_sync_conflicts(db, true, &l, &err), KZ_OK);
	out[0] = '\0';
	for (size_t i = 0; i < l.n; i++)
		if (l.c[i].n == n)
			kz_conflict_reason(&l.c[i], out, size);
	kz_conflict_list_free(&l);
	assert_true(out[0] != '\0');
}

static void
test_held_dispatch_with_costs(void **state)
{
	struct unit_offices *f = *state;
	struct kz_sync_result r;
	struct kz_err err = { 0 };
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], req2[KZ_ID_SIZE];
	char d1[KZ_ID_SIZE], d2[KZ_ID_SIZE], sql[512], why[512], want[256];
	long costs, outbox, n1, n2, nc;

	/* the register reaches Beijing; then head office deletes the
	 * person, before Beijing's dispatches of them arrive */
	add_specialist(f->db[TYO], sp);
	send(f, TYO, BJS);
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE gone AS SELECT * FROM "
	    "specialist WHERE id = '%s'", sp);
	unit_exec(f->db[TYO], sql);
	assert_int_equal(kz_specialist_delete(f->db[TYO], sp, &err), KZ_OK);

	add_request(f->db[BJS], "tea", req);
	add_dispatch(f->db[BJS], req, sp, "2027-04-01", d1);
	add_dispatch(f->db[BJS], req, sp, "2027-06-01", d2);
	costs = count(f->db[BJS], "SELECT count(*) FROM dispatch_cost");
	assert_true(costs >= 2);

	/* applied, not refused: the request is here, the dispatches and
	 * their cost lines held aside, none of them written */
	r = send(f, BJS, TYO);
	assert_int_equal(r.changed.n[K_REQUEST], 1);
	assert_int_equal(r.held.n[K_DISPATCH], 2);
	assert_int_equal(r.held.n[K_COST], costs);
	assert_int_equal(r.kept.n[K_DISPATCH], 2);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM sync_applied "
	    "WHERE source_office = 'BJS'"), 1);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM dispatch"), 0);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM "
	    "dispatch_cost"), 0);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM sync_conflict "
	    "WHERE tbl = 'dispatch_cost' AND reason = 'missing'"), costs);

	/* the reasons name the person, and the dispatch a cost line waits
	 * for, with its conflict */
	n1 = conflict_of(f->db[TYO], "dispatch", d1, "insert");
	n2 = conflict_of(f->db[TYO], "dispatch", d2, "insert");
	assert_true(n1 > 0 && n2 > 0);
	reason_of(f->db[TYO], n1, why, sizeof why);
	snprintf(want, sizeof want, "names specialist %s, which is not in "
	    "this database", sp);
	assert_string_equal(why, want);
	snprintf(sql, sizeof sql, "SELECT n FROM sync_conflict WHERE tbl = "
	    "'dispatch_cost' AND json_extract(change, '$.theirs.dispatch') = "
	    "'%s' ORDER BY n LIMIT 1", d1);
	nc = count(f->db[TYO], sql);
	reason_of(f->db[TYO], nc, why, sizeof why);
	snprintf(want, sizeof want, "names dispatch %s, which is not in this "
	    "database: kept aside as conflict %ld", d1, n1);
	assert_string_equal(why, want);

	/* Beijing's next bundle is not stuck: its edit of a held dispatch
	 * is held with it, its new request applied */
	setenv("KIZUNA_NOW", "2026-11-02T09:00:00Z", 1);
	snprintf(sql, sizeof sql, "UPDATE dispatch SET notes = 'visa ready', "
	    "updated = '2026-11-02T09:00:00Z' WHERE id = '%s'", d1);
	unit_exec(f->db[BJS], sql);
	add_request(f->db[BJS], "rice", req2);
	r = send(f, BJS, TYO);
	assert_int_equal(r.changed.n[K_REQUEST], 1);
	assert_int_equal(r.held.n[K_DISPATCH], 1);
	assert_true(conflict_of(f->db[TYO], "dispatch", d1, "update") > 0);

	/* Beijing sends everything again: the dispatches and cost lines
	 * held already wait with those held before, not beside them */
	r = send_all(f, BJS, TYO, true);
	assert_int_equal(r.held.n[K_DISPATCH], 2);
	assert_int_equal(r.held.n[K_COST], costs);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sync_conflict WHERE "
	    "tbl = 'dispatch' AND record = '%s' AND op = 'insert' AND "
	    "json_extract(change, '$.missing[0].conflict') = %ld", d1, n1);
	assert_int_equal(count(f->db[TYO], sql), 1);

	/* nothing can be taken while the person is missing; the cost line
	 * not before its dispatch */
	err.n = 0;
	assert_int_equal(kz_sync_resolve(f->db[TYO], n1, true, &err),
	    KZ_ERROR);
	assert_non_null(strstr(err.item[0].msg, sp));
	err.n = 0;
	assert_int_equal(kz_sync_resolve(f->db[TYO], nc, true, &err),
	    KZ_ERROR);
	assert_non_null(strstr(err.item[0].msg, d1));
	err.n = 0;

	/* the person is back (added again by hand, same id) */
	unit_exec(f->db[TYO], "INSERT INTO specialist SELECT * FROM temp.gone");

	/* dropping the second dispatch drops its cost lines, writes and
	 * sends nothing */
	outbox = count(f->db[TYO], "SELECT count(*) FROM sync_outbox");
	assert_int_equal(kz_sync_resolve(f->db[TYO], n2, false, &err), KZ_OK);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM sync_outbox"),
	    outbox);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sync_conflict WHERE "
	    "tbl = 'dispatch_cost' AND json_extract(change, "
	    "'$.theirs.dispatch') = '%s' AND resolution = 'mine'", d2);
	/* (each twice: the first bundle's and the full one's) */
	assert_int_equal(count(f->db[TYO], sql), 2 * count(f->db[BJS],
	    "SELECT count(*) FROM dispatch_cost WHERE dispatch = (SELECT id "
	    "FROM dispatch ORDER BY start DESC LIMIT 1)"));

	/* taking the first takes its cost lines and its later edit */
	assert_int_equal(kz_sync_resolve(f->db[TYO], n1, true, &err), KZ_OK);
	/* (the full bundle's copy of the person is Beijing's addition to
	 * the register, kept aside for head office to decide) */
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM sync_conflict "
	    "WHERE resolved IS NULL AND tbl NOT LIKE 'specialist%'"), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dispatch WHERE id = "
	    "'%s' AND notes = 'visa ready'", d1);
	assert_int_equal(count(f->db[TYO], sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dispatch_cost WHERE "
	    "dispatch = '%s'", d1);
	assert_int_equal(count(f->db[TYO], sql), count(f->db[BJS], sql));
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM dispatch"), 1);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM request"), 2);
	unsetenv("KIZUNA_NOW");
}

/* Put specialist id back in db as Beijing has it (the register came from
 * head office: the same row). */
static void
back_from(struct unit_offices *f, struct kz_db *db, const char *id)
{
	char sql[256];

	snprintf(sql, sizeof sql, "ATTACH '%s/%d.db' AS b", f->dir, BJS);
	assert_int_equal(sqlite3_exec(db->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	snprintf(sql, sizeof sql, "INSERT INTO specialist SELECT * FROM "
	    "b.specialist WHERE id = '%s'", id);
	unit_exec(db, sql);
	assert_int_equal(sqlite3_exec(db->sql, "DETACH b", NULL, NULL, NULL),
	    SQLITE_OK);
}

/* What taking held rows leaves: the dispatches, their cost lines, the
 * conflicts open or settled, the changes waiting to go (as many, made in
 * one transaction or several). */
static char *
state_of(struct kz_db *db)
{
	return unit_query(db, "SELECT (SELECT group_concat(x, ';') FROM "
	    "(SELECT id || '|' || specialist || '|' || coalesce(notes, '') || "
	    "'|' || updated AS x FROM dispatch ORDER BY id)) || ' / ' || "
	    "(SELECT group_concat(x, ';') FROM (SELECT dispatch || ':' || "
	    "count(*) AS x FROM dispatch_cost GROUP BY dispatch ORDER BY "
	    "dispatch)) || ' / ' || (SELECT group_concat(x, ';') FROM (SELECT "
	    "n || coalesce(resolution, '-') AS x FROM sync_conflict ORDER BY "
	    "n)) || ' / ' || (SELECT total(changes) FROM sync_outbox)");
}

/* Every held row taken one by one, as a person would: in the order
 * they came, those not ready (or taken already) passed over. */
static void
one_by_one(struct kz_db *db)
{
	struct kz_conflict_list l;
	struct kz_err err = { 0 };

	assert_int_equal(kz_sync_conflicts(db, false, &l, &err), KZ_OK);
	for (size_t i = 0; i < l.n; i++) {
		err.n = 0;
		if (strcmp(l.c[i].reason, "missing") == 0)
			(void)kz_sync_resolve(db, l.c[i].n, true, &err);
	}
	kz_conflict_list_free(&l);
}

/*
 * Beijing's dispatches of two people head office deleted: once one is
 * back, every held row that is ready (that one's dispatches, their cost
 * lines, a later edit) is taken at once and the other's stay held; once
 * the other is back, the rest. The same as taking them one by one.
 */
static void
test_take_ready(void **state)
{
	struct unit_offices *f = *state;
	struct kz_err err = { 0 };
	struct kz_db *copy;
	char spa[KZ_ID_SIZE], spb[KZ_ID_SIZE], req[KZ_ID_SIZE];
	char da1[KZ_ID_SIZE], da2[KZ_ID_SIZE], db1[KZ_ID_SIZE], sql[512];
	char *before, *mine, *theirs;
	long taken, held, rowa, rowb, all;

	add_specialist(f->db[TYO], spa);
	add_specialist(f->db[TYO], spb);
	send(f, TYO, BJS);
	assert_int_equal(kz_specialist_delete(f->db[TYO], spa, &err), KZ_OK);
	assert_int_equal(kz_specialist_delete(f->db[TYO], spb, &err), KZ_OK);
	add_request(f->db[BJS], "tea", req);
	add_dispatch(f->db[BJS], req, spa, "2027-04-01", da1);
	add_dispatch(f->db[BJS], req, spa, "2027-06-01", da2);
	add_dispatch(f->db[BJS], req, spb, "2027-08-01", db1);
	send(f, BJS, TYO);
	/* a later edit of each person's dispatch, held behind it */
	setenv("KIZUNA_NOW", "2026-11-02T09:00:00Z", 1);
	snprintf(sql, sizeof sql, "UPDATE dispatch SET notes = 'visa ready', "
	    "updated = '2026-11-02T09:00:00Z' WHERE id IN ('%s', '%s')", da1,
	    db1);
	unit_exec(f->db[BJS], sql);
	send(f, BJS, TYO);
	/* each person's dispatches' cost lines and events */
	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM dispatch_cost "
	    "WHERE dispatch IN ('%s', '%s')) + (SELECT count(*) FROM "
	    "dispatch_event WHERE dispatch IN ('%s', '%s'))", da1, da2, da1,
	    da2);
	rowa = count(f->db[BJS], sql);
	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM dispatch_cost "
	    "WHERE dispatch = '%s') + (SELECT count(*) FROM dispatch_event "
	    "WHERE dispatch = '%s')", db1, db1);
	rowb = count(f->db[BJS], sql);
	all = count(f->db[TYO], "SELECT count(*) FROM sync_conflict WHERE "
	    "reason = 'missing' AND resolved IS NULL");
	/* 3 dispatches, 2 edits, the cost lines and events */
	assert_int_equal(all, 5 + rowa + rowb);

	/* none ready: nothing taken, nothing written */
	before = state_of(f->db[TYO]);
	assert_int_equal(kz_sync_resolve_ready(f->db[TYO], false, &taken,
	    &held, &err), KZ_OK);
	assert_int_equal(taken, 0);
	assert_int_equal(held, all);
	theirs = state_of(f->db[TYO]);
	assert_string_equal(theirs, before);
	free(theirs);
	free(before);

	/* the first person is back; a copy of head office takes the rows
	 * one by one, to compare */
	back_from(f, f->db[TYO], spa);
	snprintf(sql, sizeof sql, "VACUUM INTO '%s/copy.db'", f->dir);
	assert_int_equal(sqlite3_exec(f->db[TYO]->sql, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	snprintf(sql, sizeof sql, "%s/copy.db", f->dir);
	assert_non_null(copy = kz_db_open(sql, f->cfg[TYO], &err));

	/* a dry run says what would be taken and keeps nothing */
	before = state_of(f->db[TYO]);
	assert_int_equal(kz_sync_resolve_ready(f->db[TYO], true, &taken,
	    &held, &err), KZ_OK);
	assert_int_equal(taken, 3 + rowa);
	assert_int_equal(held, 2 + rowb);
	theirs = state_of(f->db[TYO]);
	assert_string_equal(theirs, before);
	free(theirs);
	free(before);

	/* taken: the first person's dispatches, their cost lines and the
	 * edit; the other's stay held, untouched */
	assert_int_equal(kz_sync_resolve_ready(f->db[TYO], false, &taken,
	    &held, &err), KZ_OK);
	assert_int_equal(taken, 3 + rowa);
	assert_int_equal(held, 2 + rowb);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dispatch WHERE id = "
	    "'%s' AND notes = 'visa ready'", da1);
	assert_int_equal(count(f->db[TYO], sql), 1);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM dispatch"), 2);
	assert_int_equal(count(f->db[TYO], "SELECT (SELECT count(*) FROM "
	    "dispatch_cost) + (SELECT count(*) FROM dispatch_event)"), rowa);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sync_conflict WHERE "
	    "resolved IS NULL AND reason = 'missing' AND (record = '%s' OR "
	    "json_extract(change, '$.theirs.dispatch') = '%s' OR "
	    "json_extract(change, '$.key.dispatch') = '%s')", db1, db1, db1);
	assert_int_equal(count(f->db[TYO], sql), 2 + rowb);
	one_by_one(copy);
	mine = state_of(copy);
	theirs = state_of(f->db[TYO]);
	assert_string_equal(theirs, mine);
	free(mine);
	free(theirs);

	/* the other person is back: a second call takes the rest */
	back_from(f, f->db[TYO], spb);
	back_from(f, copy, spb);
	assert_int_equal(kz_sync_resolve_ready(f->db[TYO], false, &taken,
	    &held, &err), KZ_OK);
	assert_int_equal(taken, 2 + rowb);
	assert_int_equal(held, 0);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM dispatch"), 3);
	assert_int_equal(count(f->db[TYO], "SELECT (SELECT count(*) FROM "
	    "dispatch_cost) + (SELECT count(*) FROM dispatch_event)"),
	    rowa + rowb);
	one_by_one(copy);
	mine = state_of(copy);
	theirs = state_of(f->db[TYO]);
	assert_string_equal(theirs, mine);
	free(mine);
	free(theirs);
	kz_db_close(copy);

	/* nothing left to take */
	assert_int_equal(kz_sync_resolve_ready(f->db[TYO], false, &taken,
	    &held, &err), KZ_OK);
	assert_int_equal(taken, 0);
	assert_int_equal(held, 0);
	unsetenv("KIZUNA_NOW");
}

/*
 * Killed while taking the ready rows, at any write: opened again, head
 * office holds none of them or all of them, never some (one
 * transaction), and a second try takes them all.
 */
static void
test_take_ready_killed(void **state)
{
	struct unit_offices *f = *state;
	struct kz_err err = { 0 };
	char sp[KZ_ID_SIZE], req[KZ_ID_SIZE], d1[KZ_ID_SIZE], d2[KZ_ID_SIZE];
	char path[128], *before, *now, *done = NULL;
	long taken, held, want, kills = 0;
	int rc;

	add_specialist(f->db[TYO], sp);
	send(f, TYO, BJS);
	assert_int_equal(kz_specialist_delete(f->db[TYO], sp, &err), KZ_OK);
	add_request(f->db[BJS], "tea", req);
	add_dispatch(f->db[BJS], req, sp, "2027-04-01", d1);
	add_dispatch(f->db[BJS], req, sp, "2027-06-01", d2);
	send(f, BJS, TYO);
	back_from(f, f->db[TYO], sp);
	want = count(f->db[TYO], "SELECT count(*) FROM sync_conflict WHERE "
	    "reason = 'missing' AND resolved IS NULL");
	assert_true(want > 2);
	before = state_of(f->db[TYO]);
	snprintf(path, sizeof path, "%s/%d.db", f->dir, TYO);
	for (long n = 1; n < 1000; n++) {
		err.n = 0;
		vfs_crash_arm(n);
		rc = kz_sync_resolve_ready(f->db[TYO], false, &taken, &held,
		    &err);
		if (!vfs_crash_dead()) {
			vfs_crash_arm(0);
			assert_int_equal(rc, KZ_OK);
			assert_int_equal(taken, want);
			assert_int_equal(held, 0);
			break;
		}
		/* the process dies: a new one opens the database */
		kills++;
		kz_db_close(f->db[TYO]);
		vfs_crash_arm(0);
		assert_non_null(f->db[TYO] = kz_db_open(path, f->cfg[TYO],
		    &err));
		now = state_of(f->db[TYO]);
		if (strcmp(now, before) != 0) {
			/* killed after the commit: all of it is here */
			assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM "
			    "sync_conflict WHERE resolved IS NULL"), 0);
			free(done);
			done = now;
			continue;
		}
		free(now);
	}
	assert_true(kills > 0);
	now = state_of(f->db[TYO]);
	if (done != NULL)	/* the first kill after the commit */
		assert_string_equal(now, done);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM dispatch"), 2);
	assert_int_equal(count(f->db[TYO], "SELECT count(*) FROM sync_conflict "
	    "WHERE resolved IS NULL"), 0);
	free(now);
	free(done);
	free(before);
	unsetenv("KIZUNA_NOW");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_held_dispatch_with_costs,
		    unit_pair_setup, unit_pair_teardown),
		cmocka_unit_test_setup_teardown(test_take_ready,
		    unit_pair_setup, unit_pair_teardown),
		cmocka_unit_test_setup_teardown(test_take_ready_killed,
		    unit_pair_setup, unit_pair_teardown),
	};

	if (vfs_crash_install() != 0)
		return 1;

	return cmocka_run_group_tests(tests, NULL, NULL);
}
