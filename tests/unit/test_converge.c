/* test_converge.c - head office and three offices change every record type at random, swap bundles lost, late, twice and under kills, and must end agreeing with a model. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "sync.h"
#include "vfs_crash.h"

/*
 * Waiting for other work of issue 9 (turn each on when it is merged):
 * CONVERGE_AGAIN: kz_sync_export_again, to send a lost bundle again
 * (item 3); CONVERGE_SETTLE: a settlement that keeps "mine" travels
 * (item 6). Their scenarios are skipped, and say why, until then.
 */
#ifndef CONVERGE_AGAIN
#define CONVERGE_AGAIN 1
#endif
#ifndef CONVERGE_SETTLE
#define CONVERGE_SETTLE 1
#endif

enum { TYO, BJS, SIN, SEL, NSITE };
static const char *const office[NSITE] = { "TYO", "BJS", "SIN", "SEL" };

/* ---- the record types that travel, written as a core write would:
 * one captured transaction each ---- */

enum rtype { R_SPEC, R_REQ, R_DSP, R_COST, R_SERIES, R_SEM, R_ITEM, R_PART,
	R_TRAINEE, R_OPENING, NTYPE };

struct rdef {
	const char *table, *letter;
	enum rtype parent;	/* NTYPE: none */
	const char *insert;	/* ?1 id, ?2 parent, ?3 stamp, ?4 text,
				 * ?5 office, ?6 specialist, ?7 category */
	const char *child;	/* a row keyed by the record, or NULL */
	const char *edit;	/* ?1 id, ?3 stamp, ?4 text */
};

static const struct rdef rdefs[NTYPE] = {
	[R_SPEC] = { "specialist", "S", NTYPE,
	    "INSERT INTO specialist (id, name, name_roman, government, status,"
	    " notes, created, updated, created_by, updated_by, sort_key) VALUES"
	    " (?1, 'n' || ?4, 'r' || ?4, 'g', 'serving', ?4, ?3, ?3, ?5, ?5,"
	    " kz_name_key('n' || ?4, 'r' || ?4))",
	    "INSERT INTO specialist_field VALUES (?1, 'agriculture', NULL, 3)",
	    "UPDATE specialist SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_REQ] = { "request", "R", NTYPE,
	    "INSERT INTO request (id, country, office, received, topic, mode,"
	    " interpreting, status, notes, created, updated) VALUES (?1, 'CN',"
	    " ?5, '2026-10-01', 't', 'onsite', 'none', 'received', ?4, ?3, ?3)",
	    "INSERT INTO request_field VALUES (?1, 'agriculture', 0)",
	    "UPDATE request SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_DSP] = { "dispatch", "D", R_REQ,
	    "INSERT INTO dispatch (id, request, specialist, start, end, mode,"
	    " state, notes, created, updated) VALUES (?1, ?2, ?6, '2027-01-01',"
	    " '2027-01-05', 'onsite', 'proposed', ?4, ?3, ?3)", NULL,
	    "UPDATE dispatch SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_COST] = { "dispatch_cost", "C", R_DSP,
	    "INSERT INTO dispatch_cost (id, dispatch, category, payer,"
	    " currency, estimate, note, updated) VALUES (?1, ?2, ?7, 'head',"
	    " 'JPY', 1000, ?4, ?3)", NULL,
	    "UPDATE dispatch_cost SET note = ?4, updated = ?3 WHERE id = ?1" },
	[R_SERIES] = { "seminar_series", "E", NTYPE,
	    "INSERT INTO seminar_series (id, code, name, office, notes, created,"
	    " updated) VALUES (?1, ?1, 'n', ?5, ?4, ?3, ?3)",
	    /* its name in Japanese (text_tr, core/tr.h) */
	    "INSERT INTO text_tr VALUES (?1, 'name', 'ja', 'n' || ?4)",
	    "UPDATE seminar_series SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_SEM] = { "seminar", "M", R_SERIES,
	    "INSERT INTO seminar (id, series, year, status, notes, created,"
	    " updated) VALUES (?1, ?2, 2027, 'planned', ?4, ?3, ?3)", NULL,
	    "UPDATE seminar SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_ITEM] = { "programme_item", "I", R_SEM,
	    "INSERT INTO programme_item (id, seminar, date, tz, kind, title,"
	    " notes, created, updated) VALUES (?1, ?2, '2027-02-01',"
	    " 'Asia/Tokyo', 'lecture', 't', ?4, ?3, ?3)",
	    "INSERT INTO text_tr VALUES (?1, 'title', 'en', 't' || ?4)",
	    "UPDATE programme_item SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_PART] = { "participant", "P", R_SEM,
	    "INSERT INTO participant (id, seminar, name, country, role, notes,"
	    " created, updated) VALUES (?1, ?2, 'p', 'CN', 'participant', ?4,"
	    " ?3, ?3)", NULL,
	    "UPDATE participant SET organisation = ?4, updated = ?3 WHERE id = ?1" },
	[R_TRAINEE] = { "trainee", "T", NTYPE,
	    "INSERT INTO trainee (id, home_government, host, year, programme,"
	    " status, notes, created, updated) VALUES (?1, 'g', 'h', 2027,"
	    " 'lgotp', 'planned', ?4, ?3, ?3)", NULL,
	    "UPDATE trainee SET notes = ?4, updated = ?3 WHERE id = ?1" },
	[R_OPENING] = { "opening", "O", NTYPE,
	    "INSERT INTO opening (id, programme, as_of, count, note, created,"
	    " updated) VALUES (?1, 'trainee', '2019-03-31', 507, ?4, ?3, ?3)",
	    NULL,
	    "UPDATE opening SET note = ?4, updated = ?3 WHERE id = ?1" },
};

/* ---- the model: what should be ---- */

struct rec {
	char id[24];
	enum rtype type;
	int maker;		/* the site that made it */
	int parent, spec;	/* indexes into the model, or -1 */
	char category[16];	/* a cost line's */
	bool alive;
	bool removable;		/* a specialist head office may delete: never
				 * booked, so never held by a dispatch */
};

struct bundle {
	char path[160];
	int from;
	long seq;
	bool lost;
	bool done[NSITE];	/* applied (or not for this site) */
};

struct scenario {
	const char *name;
	bool shuffle, repeat, lost, cross, settle, kill, proposed;
	const char *skip;	/* why it cannot pass yet, or NULL */
};

struct world {
	char dir[64];
	struct kz_config *cfg[NSITE];
	struct kz_db *db[NSITE];
	char dbpath[NSITE][128];
	struct rec *r;
	size_t nr, capr;
	struct bundle *b;
	size_t nb, capb;
	unsigned long long rng;
	unsigned long seed;
	const struct scenario *sc;
	long clock, nid, kills, killpoints, exports, imports, resolved;
	int round;
	bool verbose;
};

static unsigned
rnd(struct world *w, unsigned n)
{
	/* xorshift64*: the same seed, the same run */
	w->rng ^= w->rng >> 12;
	w->rng ^= w->rng << 25;
	w->rng ^= w->rng >> 27;
	return (unsigned)((w->rng * 2685821657736338717ULL) >> 33) % n;
}

static void
say(struct world *w, const char *fmt, ...)
{
	va_list ap;

	if (!w->verbose)
		return;
	va_start(ap, fmt);
	fprintf(stderr, "[%s seed %lu round %d] ", w->sc->name, w->seed,
	    w->round);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* A failure names the seed and scenario that replay it, on one line
 * (tests/run.sh shows the lines that say "Fail"). */
#define CHECK(w, cond, ...) do { \
	if (!(cond)) { \
		char why_[600]; \
		snprintf(why_, sizeof why_, __VA_ARGS__); \
		fprintf(stderr, "converge: Failed: %s (seed %lu, scenario %s, " \
		    "round %d; replay: KZ_SEED=%lu KZ_SCENARIO=%s KZ_VERBOSE=1 " \
		    "build/san/tests/test_converge)\n", why_, (w)->seed, \
		    (w)->sc->name, (w)->round, (w)->seed, (w)->sc->name); \
		fail(); \
	} \
} while (0)

static const char *const conf_fmt =
	"office:\n  id: %s\n  name: %s office\n  role: %s\nuser: u%s\n";

static void
open_site(struct world *w, int s)
{
	struct kz_err err = { 0 };

	w->db[s] = kz_db_open(w->dbpath[s], w->cfg[s], &err);
	CHECK(w, w->db[s] != NULL, "cannot open %s: %s", office[s],
	    err.n ? err.item[0].msg : "?");
}

static void
world_open(struct world *w)
{
	char text[256];

	CHECK(w, unit_tempdir(w->dir) == 0, "no temp dir");
	say(w, "in %s", w->dir);
	for (int s = 0; s < NSITE; s++) {
		snprintf(text, sizeof text, conf_fmt, office[s], office[s],
		    s == TYO ? "head" : "office", office[s]);
		w->cfg[s] = unit_config(text);
		CHECK(w, w->cfg[s] != NULL, "config of %s", office[s]);
		memcpy(w->dbpath[s], w->dir, sizeof w->dir);
		strcat(w->dbpath[s], "/");
		strcat(w->dbpath[s], office[s]);
		strcat(w->dbpath[s], ".db");
		open_site(w, s);
	}
	for (int s = 0; s < NSITE; s++)
		if (s != TYO)
			unit_enrol(w->db[TYO], w->db[s]);
}

static void
world_close(struct world *w)
{
	vfs_crash_arm(0);
	for (int s = 0; s < NSITE; s++) {
		kz_db_close(w->db[s]);
		kz_config_free(w->cfg[s]);
	}
	if (w->dir[0])
		unit_rmtree(w->dir);
	free(w->r);
	free(w->b);
	memset(w, 0, sizeof *w);
}

/* A process killed: the connection goes, a new one opens the files. */
static bool
after_kill(struct world *w, int s)
{
	if (!vfs_crash_dead())
		return false;
	w->kills++;
	say(w, "killed %s after %ld writes", office[s], vfs_crash_writes());
	kz_db_close(w->db[s]);
	vfs_crash_arm(0);
	open_site(w, s);
	return true;
}

/* Maybe arm a kill for the next operation of the kill scenarios. */
static void
maybe_arm(struct world *w)
{
	if (w->sc->kill && rnd(w, 6) == 0) {
		vfs_crash_arm(1 + rnd(w, 8));
		w->killpoints++;
	}
}

/* ---- local writes ---- */

static bool
exists(struct world *w, int s, enum rtype t, const char *id)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE id = ?",
	    rdefs[t].table);
	bool yes;

	CHECK(w, sqlite3_prepare_v2(w->db[s]->sql, sql, -1, &st, NULL) ==
	    SQLITE_OK, "%s", sqlite3_errmsg(w->db[s]->sql));
	sqlite3_free(sql);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

/* Run up to two statements with the bindings as one captured
 * transaction; false if it did not commit (a kill). */
static bool
write_tx(struct world *w, int s, const char *sql1, const char *sql2,
    const char *bind[7])
{
	struct kz_err err = { 0 };
	const char *sqls[2] = { sql1, sql2 };
	int rc = kz_db_begin(w->db[s], &err);

	for (int i = 0; rc == KZ_OK && i < 2 && sqls[i]; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(w->db[s]->sql, sqls[i], -1, &st, NULL) !=
		    SQLITE_OK) {
			rc = KZ_ERROR;
			break;
		}
		for (int k = 0; k < 7; k++)
			if (sqlite3_bind_parameter_index(st, (char[]){ '?',
			    (char)('1' + k), 0 }) > 0)
				sqlite3_bind_text(st, sqlite3_bind_parameter_index(
				    st, (char[]){ '?', (char)('1' + k), 0 }),
				    bind[k], -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = KZ_ERROR;
		sqlite3_finalize(st);
	}
	if (rc == KZ_OK)
		rc = kz_db_commit(w->db[s], &err);
	else
		kz_db_rollback(w->db[s]);
	CHECK(w, rc == KZ_OK || vfs_crash_dead(), "write at %s: %s",
	    office[s], err.n ? err.item[0].msg :
	    sqlite3_errmsg(w->db[s]->sql));
	return rc == KZ_OK;
}

static void
stamp(struct world *w, char out[32])
{
	long t = ++w->clock;

	snprintf(out, 32, "2026-11-%02ldT%02ld:%02ld:%02ldZ", 1 + t / 86400 % 28,
	    t / 3600 % 24, t / 60 % 60, t % 60);
	setenv("KIZUNA_NOW", out, 1);	/* core's own stamps on this clock */
}

/* A random live record of type t that site s has (made by maker, or by
 * anyone with maker -1), or -1. */
static int
pick(struct world *w, int s, enum rtype t, int maker)
{
	int n = 0, hit = -1;

	for (size_t i = 0; i < w->nr; i++) {
		const struct rec *r = &w->r[i];
		if (r->alive && r->type == t && (maker < 0 || r->maker == maker)
		    && exists(w, s, t, r->id) && rnd(w, (unsigned)++n) == 0)
			hit = (int)i;
	}
	return hit;
}

static void
create(struct world *w, int s, enum rtype t)
{
	struct rec r = { .type = t, .maker = s, .parent = -1, .spec = -1 };
	char ts[32], text[16], cat[16] = "";
	const char *bind[7];
	bool done;

	if (rdefs[t].parent != NTYPE &&
	    (r.parent = pick(w, s, rdefs[t].parent, s)) < 0)
		return;
	if (t == R_DSP) {
		/* a specialist of the register that head office keeps */
		int n = 0;
		for (size_t i = 0; i < w->nr; i++)
			if (w->r[i].alive && w->r[i].type == R_SPEC &&
			    !w->r[i].removable && exists(w, s, R_SPEC,
			    w->r[i].id) && rnd(w, (unsigned)++n) == 0)
				r.spec = (int)i;
		if (r.spec < 0)
			return;
	}
	if (t == R_COST) {
		/* one line per category: take a free one */
		const char *cats[] = { "travel", "lodging" };
		snprintf(cat, sizeof cat, "%s", cats[rnd(w, 2)]);
		for (size_t i = 0; i < w->nr; i++)
			if (w->r[i].alive && w->r[i].type == R_COST &&
			    w->r[i].parent == r.parent &&
			    strcmp(w->r[i].category, cat) == 0)
				return;
		snprintf(r.category, sizeof r.category, "%s", cat);
	}
	if (t == R_SPEC && s != TYO)
		r.removable = true;	/* proposed: head office decides */
	else if (t == R_SPEC)
		r.removable = rnd(w, 3) == 0;
	snprintf(r.id, sizeof r.id, "%s-%s%04ld", office[s], rdefs[t].letter,
	    ++w->nid);
	stamp(w, ts);
	snprintf(text, sizeof text, "v%ld", w->clock);
	bind[0] = r.id;
	bind[1] = r.parent >= 0 ? w->r[r.parent].id : NULL;
	bind[2] = ts;
	bind[3] = text;
	bind[4] = office[s];
	bind[5] = r.spec >= 0 ? w->r[r.spec].id : NULL;
	bind[6] = cat;
	maybe_arm(w);
	done = write_tx(w, s, rdefs[t].insert, rdefs[t].child, bind);
	if (after_kill(w, s))
		done = exists(w, s, t, r.id);
	vfs_crash_arm(0);
	if (!done)
		return;
	r.alive = true;
	say(w, "%s creates %s %s", office[s], rdefs[t].table, r.id);
	if (w->nr == w->capr) {
		w->capr = w->capr ? w->capr * 2 : 64;
		w->r = realloc(w->r, w->capr * sizeof *w->r);
		CHECK(w, w->r != NULL, "out of memory");
	}
	w->r[w->nr++] = r;
}

static void
edit(struct world *w, int s, int i)
{
	char ts[32], text[16];
	const char *bind[7] = { 0 };

	stamp(w, ts);
	snprintf(text, sizeof text, "%s%ld", office[s], w->clock);
	bind[0] = w->r[i].id;
	bind[2] = ts;
	bind[3] = text;
	maybe_arm(w);
	write_tx(w, s, rdefs[w->r[i].type].edit, NULL, bind);
	after_kill(w, s);
	vfs_crash_arm(0);
	say(w, "%s edits %s", office[s], w->r[i].id);
}

/* A row of a specialist (a field of expertise): added, changed or
 * dropped. The model leaves rows to the comparison of the databases. */
static void
field(struct world *w, int s, int i)
{
	static const char *const sqls[] = {
		"INSERT OR IGNORE INTO specialist_field VALUES (?1, 'fishery', "
		"NULL, 2)",
		"UPDATE specialist_field SET years = years % 40 + 1 WHERE "
		"specialist = ?1",
		"DELETE FROM specialist_field WHERE specialist = ?1 AND field = "
		"'agriculture'",
	};
	const char *bind[7] = { w->r[i].id };
	unsigned k = rnd(w, 3);

	maybe_arm(w);
	write_tx(w, s, sqls[k], NULL, bind);
	after_kill(w, s);
	vfs_crash_arm(0);
	say(w, "%s changes the fields of %s (%u)", office[s], w->r[i].id, k);
}

/* The model follows a deletion down to what goes with it. */
static void
model_delete(struct world *w, int i)
{
	w->r[i].alive = false;
	for (size_t k = 0; k < w->nr; k++)
		if (w->r[k].alive && w->r[k].parent == i &&
		    w->r[k].type != R_DSP && w->r[k].type != R_SEM)
			model_delete(w, (int)k);
}

/* May record i go? Nothing live may hold it. */
static bool
deletable(struct world *w, int i)
{
	const struct rec *r = &w->r[i];

	if (r->type == R_SPEC)
		return r->removable;
	for (size_t k = 0; k < w->nr; k++)
		if (w->r[k].alive && w->r[k].parent == i &&
		    (w->r[k].type == R_DSP || w->r[k].type == R_SEM))
			return false;
	return true;
}

static void
delete(struct world *w, int s, int i)
{
	const char *bind[7] = { 0 };
	char *sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE id = ?1",
	    rdefs[w->r[i].type].table);
	bool done;

	bind[0] = w->r[i].id;
	maybe_arm(w);
	done = write_tx(w, s, sql, NULL, bind);
	sqlite3_free(sql);
	if (after_kill(w, s))
		done = !exists(w, s, w->r[i].type, w->r[i].id);
	vfs_crash_arm(0);
	if (done) {
		say(w, "%s deletes %s", office[s], w->r[i].id);
		model_delete(w, i);
	}
}

/* One random change at site s. */
static void
change(struct world *w, int s)
{
	enum rtype t = (enum rtype)rnd(w, NTYPE);
	unsigned what = rnd(w, 10);
	int i;

	if (t == R_SPEC) {
		if (what < 4) {
			if (s == TYO || rnd(w, 3) == 0)	/* offices propose */
				create(w, s, t);
		} else if (what < 8) {
			/* an office edits the register only to cross */
			if ((s == TYO || w->sc->cross) &&
			    (i = pick(w, s, t, -1)) >= 0)
				edit(w, s, i);
		} else if (what == 8) {
			if ((s == TYO || w->sc->cross) &&
			    (i = pick(w, s, t, -1)) >= 0)
				field(w, s, i);
		} else if (s == TYO && (i = pick(w, s, t, -1)) >= 0 &&
		    deletable(w, i) && (w->r[i].maker == TYO ||
		    w->sc->proposed))
			delete(w, s, i);
		return;
	}
	if (s == TYO) {
		/* head office's hand on an office's record */
		if (w->sc->cross && what < 3 &&
		    (i = pick(w, s, t, 1 + (int)rnd(w, 3))) >= 0)
			edit(w, s, i);
		return;
	}
	if (what < 5)
		create(w, s, t);
	else if (what < 8) {
		if ((i = pick(w, s, t, s)) >= 0)
			edit(w, s, i);
	} else if ((i = pick(w, s, t, s)) >= 0 && deletable(w, i))
		delete(w, s, i);
}

/* ---- exchange ---- */

static void
export(struct world *w, int s)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	struct bundle b = { .from = s };
	int rc;

	snprintf(b.path, sizeof b.path, "%s/%s-%zu.kzb", w->dir, office[s],
	    w->nb);
	maybe_arm(w);
	rc = kz_sync_export(w->db[s], b.path, false, &res, &err);
	if (after_kill(w, s)) {
		vfs_crash_arm(0);
		/* what a killed export left is not sent */
		unlink(b.path);
		return;
	}
	vfs_crash_arm(0);
	CHECK(w, rc == KZ_OK, "export at %s: %s", office[s],
	    err.n ? err.item[0].msg : "?");
	if (res.nothing)
		return;
	w->exports++;
	b.seq = res.info.seq;
	for (int d = 0; d < NSITE; d++)	/* head to all, an office to head */
		b.done[d] = d == s || (s != TYO && d != TYO);
	say(w, "%s exports bundle %ld (%ld changes)", office[s], b.seq,
	    res.info.changes);
	if (w->nb == w->capb) {
		w->capb = w->capb ? w->capb * 2 : 32;
		w->b = realloc(w->b, w->capb * sizeof *w->b);
		CHECK(w, w->b != NULL, "out of memory");
	}
	w->b[w->nb++] = b;
}

/* Take bundle k in at d; false if it has to wait for an earlier one. */
static bool
import(struct world *w, size_t k, int d)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	struct bundle *b = &w->b[k];
	bool again = b->done[d];
	int rc;

	maybe_arm(w);
	rc = kz_sync_import(w->db[d], b->path, &res, &err);
	if (after_kill(w, d)) {
		vfs_crash_arm(0);
		return false;
	}
	vfs_crash_arm(0);
	if (rc != KZ_OK && err.n && strstr(err.item[0].msg, "is missing"))
		return false;	/* a gap: later */
	CHECK(w, rc == KZ_OK, "import of %s bundle %ld at %s: %s",
	    office[b->from], b->seq, office[d], err.n ? err.item[0].msg :
	    "?");
	CHECK(w, !again || res.nothing, "bundle %ld of %s applied twice at %s",
	    b->seq, office[b->from], office[d]);
	if (!again) {
		w->imports++;
		say(w, "%s takes %s bundle %ld: %ld applied, %ld conflicts",
		    office[d], office[b->from], b->seq, res.applied,
		    res.conflicts);
	}
	b->done[d] = true;
	return true;
}

/* A lost bundle: its sender writes it again (the same bundle, by its
 * number), as an office does when a file went missing on the way. */
static void
resend(struct world *w, size_t k)
{
	struct bundle *b = &w->b[k];
#if CONVERGE_AGAIN
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	int rc;

	maybe_arm(w);
	rc = kz_sync_export_again(w->db[b->from], b->seq, b->path, &res, &err);
	if (after_kill(w, b->from)) {
		vfs_crash_arm(0);
		unlink(b->path);
		return;		/* still lost: again later */
	}
	vfs_crash_arm(0);
	CHECK(w, rc == KZ_OK, "%s cannot write bundle %ld again: %s",
	    office[b->from], b->seq, err.n ? err.item[0].msg : "?");
	say(w, "%s writes bundle %ld again", office[b->from], b->seq);
#endif
	b->lost = false;
}

/* Lose bundle k on the way: the file is gone for every site that has
 * not had it yet. */
static void
lose(struct world *w, size_t k)
{
	say(w, "bundle %ld of %s is lost", w->b[k].seq, office[w->b[k].from]);
	unlink(w->b[k].path);
	w->b[k].lost = true;
}

/* Deliver some bundles: in order, or at random with gaps refused. */
static void
deliver(struct world *w, bool all)
{
	for (int tries = 0; tries < 64; tries++) {
		size_t k = 0;
		int d = 0, n = 0;
		bool progress = false;

		for (size_t i = 0; i < w->nb; i++)
			for (int s = 0; s < NSITE; s++)
				if (!w->b[i].done[s] && !w->b[i].lost &&
				    (!w->sc->shuffle || rnd(w, (unsigned)++n)
				    == 0)) {
					if (!w->sc->shuffle && n++)
						continue;
					k = i;
					d = s;
				}
		if (n == 0)
			return;
		if (w->sc->lost && rnd(w, 8) == 0) {
			lose(w, k);
			continue;
		}
		progress = import(w, k, d);
		if (w->sc->repeat && rnd(w, 5) == 0) {
			/* a bundle sent twice */
			size_t j = rnd(w, (unsigned)w->nb);
			for (int s = 0; s < NSITE; s++)
				if (w->b[j].done[s] && !w->b[j].lost &&
				    s != w->b[j].from &&
				    !(w->b[j].from != TYO && s != TYO))
					import(w, j, s);
		}
		if (!all && !progress)
			return;
		if (!all && rnd(w, 3) == 0)
			return;
	}
}

/* Settle the open conflicts of site s: theirs, or (settle) either; a
 * change to what is gone can only be declined. */
static void
settle(struct world *w, int s, bool some)
{
	struct kz_conflict_list l = { 0 };
	struct kz_err err = { 0 };

	CHECK(w, kz_sync_conflicts(w->db[s], false, &l, &err) == KZ_OK,
	    "conflicts at %s", office[s]);
	for (size_t i = 0; i < l.n; i++) {
		bool theirs = !w->sc->settle || rnd(w, 2) == 0;
		int rc;

		if (l.c[i].resolved || (some && rnd(w, 2)))
			continue;
		kz_err_clear(&err);
		maybe_arm(w);
		rc = kz_sync_resolve(w->db[s], l.c[i].n, theirs, &err);
		if (after_kill(w, s)) {
			vfs_crash_arm(0);
			break;
		}
		vfs_crash_arm(0);
		if (rc != KZ_OK && !(err.n && strstr(err.item[0].msg,
		    "resolved already"))) {
			/* the other way: some can be settled one way only
			 * (their values cannot be written here; an owner's
			 * deletion) */
			kz_err_clear(&err);
			theirs = !theirs;
			rc = kz_sync_resolve(w->db[s], l.c[i].n, theirs, &err);
		}
		/* settled with a conflict before it (a deletion's rows) */
		if (rc != KZ_OK && err.n && strstr(err.item[0].msg,
		    "resolved already"))
			rc = KZ_OK;
		CHECK(w, rc == KZ_OK, "resolve %ld (%s %s %s) at %s: %s",
		    l.c[i].n, l.c[i].table, l.c[i].op, l.c[i].record,
		    office[s], err.n ? err.item[0].msg : "?");
		w->resolved++;
		say(w, "%s settles %s %s %s (%s): %s", office[s], l.c[i].op,
		    l.c[i].table, l.c[i].record, l.c[i].reason,
		    theirs ? "theirs" : "mine");
	}
	kz_conflict_list_free(&l);
}

static long
open_conflicts(struct world *w, int s)
{
	struct kz_sync_status st;
	struct kz_err err = { 0 };
	long n;

	CHECK(w, kz_sync_status(w->db[s], &st, &err) == KZ_OK, "status");
	n = st.open_conflicts;
	kz_sync_status_free(&st);
	return n;
}

/* ---- the end: everyone agrees, with each other and with the model ---- */

/* The rows of table whose first column starts with prefix ("" for
 * all), as text, in key order. */
static char *
dump(struct world *w, int s, const char *table, const char *prefix)
{
	struct kz_buf b = { 0 };
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1, 2",
	    table), *out;

	CHECK(w, sqlite3_prepare_v2(w->db[s]->sql, sql, -1, &st, NULL) ==
	    SQLITE_OK, "%s", sqlite3_errmsg(w->db[s]->sql));
	sqlite3_free(sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (strncmp(id, prefix, strlen(prefix)) != 0)
			continue;
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			kz_buf_printf(&b, "%s%s", c ? "|" : "", v ? v : "-");
		}
		kz_buf_puts(&b, "\n");
	}
	sqlite3_finalize(st);
	out = strdup(kz_buf_str(&b));
	kz_buf_free(&b);
	return out;
}

/* The first line where two dumps differ, for the message. */
static const char *
first_diff(const char *x, const char *y, char out[512])
{
	const char *x0 = x;

	while (*x && *x == *y)
		x++, y++;
	while (x > x0 && x[-1] != '\n') {	/* from the start of the line */
		x--;
		y--;
	}
	snprintf(out, 512, "%.*s <> %.*s", (int)strcspn(x, "\n") % 160, x,
	    (int)strcspn(y, "\n") % 160, y);
	return out;
}

static void
check_tables(struct world *w, int s, int ref, const char *prefix,
    const char *const *tables)
{
	char diff[512];

	for (int i = 0; tables[i]; i++) {
		char *a = dump(w, s, tables[i], prefix);
		char *b = dump(w, ref, tables[i], prefix);
		if (w->verbose && strcmp(a, b) != 0)	/* the whole of both */
			fprintf(stderr, "[%s at %s]\n%s[%s at %s]\n%s",
			    tables[i], office[s], a, tables[i], office[ref], b);
		CHECK(w, strcmp(a, b) == 0, "%s of %s differ at %s and %s: %s",
		    tables[i], *prefix ? prefix : "all", office[s], office[ref],
		    first_diff(a, b, diff));
		free(a);
		free(b);
	}
}

/* Every record the model has alive is at site s once, and no other. */
static void
check_model(struct world *w, int s, int maker)
{
	for (enum rtype t = 0; t < NTYPE; t++) {
		long want = 0, have;
		sqlite3_stmt *st;
		char *sql;

		if ((t == R_SPEC) != (maker < 0))
			continue;
		for (size_t i = 0; i < w->nr; i++) {
			const struct rec *r = &w->r[i];
			if (r->type != t || (maker >= 0 && r->maker != maker))
				continue;
			CHECK(w, exists(w, s, t, r->id) == r->alive,
			    "%s %s is %s at %s", rdefs[t].table, r->id,
			    r->alive ? "lost" : "still there", office[s]);
			want += r->alive;
		}
		sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE "
		    "id LIKE ?", rdefs[t].table);
		sqlite3_prepare_v2(w->db[s]->sql, sql, -1, &st, NULL);
		sqlite3_free(sql);
		sqlite3_bind_text(st, 1, maker < 0 ? "%" : office[maker], -1,
		    SQLITE_STATIC);
		if (maker >= 0) {
			char like[16];
			snprintf(like, sizeof like, "%s-%%", office[maker]);
			sqlite3_bind_text(st, 1, like, -1, SQLITE_TRANSIENT);
		}
		sqlite3_step(st);
		have = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		CHECK(w, have == want, "%s of %s at %s: %ld rows, the model "
		    "has %ld", rdefs[t].table, maker < 0 ? "all" : office[maker],
		    office[s], have, want);
	}
}

static void
check_all(struct world *w)
{
	static const char *const reg[] = { "specialist", "specialist_field",
	    "specialist_lang", "specialist_unavail", NULL };
	static const char *const own[] = { "request", "request_field",
	    "request_event", "dispatch", "dispatch_cost", "dispatch_event",
	    "seminar_series", "seminar", "programme_item", "participant",
	    "trainee", "opening", "text_tr", NULL };
	char pre[8];

	for (int s = 0; s < NSITE; s++) {
		CHECK(w, open_conflicts(w, s) == 0, "%ld conflicts left open "
		    "at %s", open_conflicts(w, s), office[s]);
		check_model(w, s, -1);
		if (s != TYO)
			check_tables(w, s, TYO, "", reg);
	}
	for (int s = BJS; s < NSITE; s++) {
		snprintf(pre, sizeof pre, "%s-", office[s]);
		check_tables(w, s, TYO, pre, own);
		check_model(w, s, s);
		check_model(w, TYO, s);
		/* and no other office's */
		for (int o = BJS; o < NSITE; o++)
			if (o != s) {
				char *a;
				snprintf(pre, sizeof pre, "%s-", office[o]);
				for (int i = 0; own[i]; i++) {
					a = dump(w, s, own[i], pre);
					CHECK(w, *a == '\0', "%s has %s's %s: "
					    "%.80s", office[s], office[o],
					    own[i], a);
					free(a);
				}
			}
	}
}

/* Quiet rounds: no new changes, every bundle goes, every conflict is
 * settled, until nothing moves. */
static void
quiesce(struct world *w)
{
	for (int q = 0; q < 30; q++) {
		size_t before = w->nb;
		long open = 0, kills = w->kills, imports = w->imports;
		long resolved = w->resolved, lost = 0;

		for (int s = 0; s < NSITE; s++)
			export(w, s);
		for (size_t i = 0; i < w->nb; i++)
			if (w->b[i].lost)
				resend(w, i);
		deliver(w, true);
		for (size_t i = 0; i < w->nb; i++)
			lost += w->b[i].lost;	/* lost again on the way */
		for (int s = 0; s < NSITE; s++) {
			settle(w, s, false);
			open += open_conflicts(w, s);
		}
		if (w->nb == before && open == 0 && lost == 0 && q > 0 &&
		    kills == w->kills &&
		    imports == w->imports && resolved == w->resolved) {
			/* nothing left to send (changes that cancel out
			 * included) */
			for (int s = 0; s < NSITE; s++)
				CHECK(w, kz_sync_pending(w->db[s]) == 0,
				    "%s: %ld changes pending at the end",
				    office[s], kz_sync_pending(w->db[s]));
			return;
		}
	}
	for (int s = 0; s < NSITE; s++)
		fprintf(stderr, "  %s: %ld open, %ld pending\n", office[s],
		    open_conflicts(w, s), kz_sync_pending(w->db[s]));
	CHECK(w, false, "still exchanging after 30 quiet rounds");
}

/* What a scenario's seeds did, for the closing line. */
struct tally {
	long records, exports, imports, resolved, kills, killpoints;
};

static void
run(const struct scenario *sc, unsigned long seed, int rounds, bool verbose,
    struct tally *t)
{
	struct world w = { .sc = sc, .seed = seed, .verbose = verbose };

	w.rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	world_open(&w);
	for (w.round = 1; w.round <= rounds; w.round++) {
		int s = (int)rnd(&w, NSITE);
		unsigned what = rnd(&w, 10);

		if (what < 6)
			change(&w, s);
		else if (what < 8)
			export(&w, s);
		else if (what < 9) {
			for (size_t i = 0; i < w.nb; i++)
				if (w.b[i].lost && rnd(&w, 2) == 0)
					resend(&w, i);
			deliver(&w, false);
		}
		else
			settle(&w, s, true);
	}
	w.round = 0;
	quiesce(&w);
	check_all(&w);
	if (verbose)
		fprintf(stderr, "[%s seed %lu] %zu records, %ld exports, %ld "
		    "imports, %ld settled, %ld kills of %ld armed\n", sc->name,
		    seed, w.nr, w.exports, w.imports, w.resolved, w.kills,
		    w.killpoints);
	t->records += (long)w.nr;
	t->exports += w.exports;
	t->imports += w.imports;
	t->resolved += w.resolved;
	t->kills += w.kills;
	t->killpoints += w.killpoints;
	world_close(&w);
}

/* ---- the mends, one by one, each with the case that found it ---- */

static const struct scenario fixed = { .name = "fixed" };

/* Run sql at site s as one captured write. */
static void
sql_at(struct world *w, int s, const char *sql)
{
	const char *bind[7] = { 0 };

	CHECK(w, write_tx(w, s, sql, NULL, bind), "%s", sql);
}

/* Export at s and take the bundle in at each site of the list (-1 ends
 * it); the conflicts the last import kept aside. */
static long
send_to(struct world *w, int s, int d1, int d2, int d3)
{
	int to[] = { d1, d2, d3 };
	long conflicts = 0;
	size_t k = w->nb;

	export(w, s);
	CHECK(w, w->nb == k + 1, "%s had nothing to send", office[s]);
	for (int i = 0; i < 3 && to[i] >= 0; i++) {
		struct kz_sync_result res;
		struct kz_err err = { 0 };
		CHECK(w, kz_sync_import(w->db[to[i]], w->b[k].path, &res,
		    &err) == KZ_OK, "import at %s: %s", office[to[i]],
		    err.n ? err.item[0].msg : "?");
		conflicts = res.conflicts;
	}
	return conflicts;
}

static const char *
value(struct world *w, int s, const char *sql)
{
	static char out[128];
	sqlite3_stmt *st;

	out[0] = '\0';
	CHECK(w, sqlite3_prepare_v2(w->db[s]->sql, sql, -1, &st, NULL) ==
	    SQLITE_OK, "%s", sql);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

/* The rows of table at site s, counted. */
static long
rows(struct world *w, int s, const char *table)
{
	char *q = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", table);
	long n = atol(value(w, s, q));

	sqlite3_free(q);
	return n;
}

/* the sort key as kz_specialist_insert makes it */
#define SPEC(id, notes) "INSERT INTO specialist (id, name, name_roman, " \
	"government, status, notes, created, updated, sort_key) VALUES ('" id \
	"', 'n', 'r', 'g', 'serving', '" notes "', '2026-11-01T00:00:01Z', " \
	"'2026-11-01T00:00:01Z', kz_name_key('n', 'r'))"

/* A specialist Beijing proposed comes back from head office edited: the
 * owner's insert overwrites Beijing's copy (it was taken for Beijing's
 * own record coming back, and dropped). */
static void
test_owner_insert_overwrites(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, BJS, SPEC("BJS-S1", "proposed"));
	send_to(&w, BJS, TYO, -1, -1);
	sql_at(&w, TYO, "UPDATE specialist SET notes = 'checked', updated = "
	    "'2026-11-02T00:00:00Z' WHERE id = 'BJS-S1'");
	send_to(&w, TYO, BJS, SIN, -1);
	assert_string_equal(value(&w, BJS, "SELECT notes FROM specialist"),
	    "checked");
	assert_string_equal(value(&w, SIN, "SELECT notes FROM specialist"),
	    "checked");
	world_close(&w);
}

/* Beijing edits a request, then deletes its dispatch and the request:
 * the request's table comes first in the bundle, and its deletion was
 * refused while the dispatch was still there. */
static void
test_deletions_first(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "x"));
	send_to(&w, TYO, BJS, -1, -1);
	sql_at(&w, BJS, "INSERT INTO request (id, country, office, received, "
	    "topic, mode, interpreting, status, created, updated) VALUES "
	    "('BJS-R1', 'CN', 'BJS', '2026-10-01', 't', 'onsite', 'none', "
	    "'received', '2026-11-01T00:00:02Z', '2026-11-01T00:00:02Z')");
	sql_at(&w, BJS, "INSERT INTO dispatch (id, request, specialist, start, "
	    "end, mode, state, created, updated) VALUES ('BJS-D1', 'BJS-R1', "
	    "'TYO-S1', '2027-01-01', '2027-01-02', 'onsite', 'proposed', "
	    "'2026-11-01T00:00:03Z', '2026-11-01T00:00:03Z')");
	send_to(&w, BJS, TYO, -1, -1);
	sql_at(&w, BJS, "UPDATE request SET notes = 'n' WHERE id = 'BJS-R1'");
	sql_at(&w, BJS, "DELETE FROM dispatch WHERE id = 'BJS-D1'");
	sql_at(&w, BJS, "DELETE FROM request WHERE id = 'BJS-R1'");
	assert_int_equal(send_to(&w, BJS, TYO, -1, -1), 0);
	assert_int_equal(rows(&w, TYO, "request"), 0);
	assert_int_equal(rows(&w, TYO, "dispatch"), 0);
	world_close(&w);
}

/* Head office edits a Beijing trainee and sends it on: Singapore does
 * not take Beijing's record in (it made it a half copy), Beijing
 * sees the edit. */
static void
test_office_ignores_others(void **state)
{
	struct world w = { .sc = &fixed };
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char path[128];

	(void)state;
	world_open(&w);
	sql_at(&w, BJS, "INSERT INTO trainee (id, home_government, host, year, "
	    "programme, status, created, updated) VALUES ('BJS-T1', 'g', 'h', "
	    "2027, 'lgotp', 'planned', '2026-11-01T00:00:01Z', "
	    "'2026-11-01T00:00:01Z')");
	send_to(&w, BJS, TYO, -1, -1);
	snprintf(path, sizeof path, "%s/all.kzb", w.dir);
	assert_int_equal(kz_sync_export(w.db[TYO], path, true, &res, &err),
	    KZ_OK);
	assert_int_equal(kz_sync_import(w.db[SIN], path, &res, &err), KZ_OK);
	assert_int_equal(rows(&w, SIN, "trainee"), 0);
	world_close(&w);
}

/* Beijing proposes a specialist with a field, and head office takes it. */
static void
propose(struct world *w)
{
	sql_at(w, BJS, SPEC("BJS-S1", "proposed"));
	sql_at(w, BJS, "INSERT INTO specialist_field VALUES ('BJS-S1', "
	    "'agriculture', NULL, 3)");
	send_to(w, BJS, TYO, -1, -1);
}

/* Head office takes Beijing's proposed specialist in and deletes it
 * before its next export: the passed-on insertion and the deletion
 * cancelled out, and Beijing kept it for ever. */
static void
test_proposed_deleted(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	propose(&w);
	sql_at(&w, TYO, "DELETE FROM specialist WHERE id = 'BJS-S1'");
	send_to(&w, TYO, BJS, SIN, -1);
	assert_int_equal(rows(&w, BJS, "specialist"), 0);
	assert_int_equal(rows(&w, BJS, "specialist_field"), 0);
	assert_int_equal(rows(&w, SIN, "specialist"), 0);
	world_close(&w);
}

/* The same for one row of a proposed specialist: head office drops a
 * field before passing the record on. */
static void
test_proposed_row_deleted(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	propose(&w);
	sql_at(&w, TYO, "DELETE FROM specialist_field WHERE specialist = "
	    "'BJS-S1'");
	send_to(&w, TYO, BJS, SIN, -1);
	assert_int_equal(rows(&w, BJS, "specialist_field"), 0);
	assert_int_equal(rows(&w, SIN, "specialist_field"), 0);
	assert_int_equal(rows(&w, SIN, "specialist"), 1);
	world_close(&w);
}

/* Singapore drops a field of a head office specialist; head office keeps
 * it ("mine"): the row goes back to Singapore (a declined deletion sent
 * nothing, and Singapore went without the row for good). */
static void
test_declined_row_deletion(void **state)
{
	struct world w = { .sc = &fixed };
	struct kz_conflict_list l = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "x"));
	sql_at(&w, TYO, "INSERT INTO specialist_field VALUES ('TYO-S1', "
	    "'agriculture', NULL, 3)");
	send_to(&w, TYO, SIN, -1, -1);
	sql_at(&w, SIN, "DELETE FROM specialist_field WHERE specialist = "
	    "'TYO-S1'");
	assert_int_equal(send_to(&w, SIN, TYO, -1, -1), 1);
	assert_int_equal(kz_sync_conflicts(w.db[TYO], false, &l, &err), KZ_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(kz_sync_resolve(w.db[TYO], l.c[0].n, false, &err),
	    KZ_OK);
	kz_conflict_list_free(&l);
	send_to(&w, TYO, SIN, -1, -1);
	assert_string_equal(value(&w, SIN, "SELECT years FROM "
	    "specialist_field WHERE specialist = 'TYO-S1'"), "3");
	world_close(&w);
}

/* Head office's edit clashes with Seoul's; head office's next edit
 * brings the same value as Seoul's: the clash is over, and settled by
 * hand "theirs" it put back head office's older value (seed 16, settle:
 * head office took it in, then changed it back, the two cancelled out
 * in its bundle, and Seoul kept the old value for good). */
static void
test_clash_superseded(void **state)
{
	struct world w = { .sc = &fixed };
	struct kz_conflict_list l = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, SEL, -1, -1);
	sql_at(&w, SEL, "UPDATE specialist SET notes = 'sel', updated = "
	    "'2026-11-01T00:00:02Z' WHERE id = 'TYO-S1'");
	sql_at(&w, TYO, "UPDATE specialist SET notes = 'b', updated = "
	    "'2026-11-01T00:00:03Z' WHERE id = 'TYO-S1'");
	assert_int_equal(send_to(&w, TYO, SEL, -1, -1), 1);
	sql_at(&w, TYO, "UPDATE specialist SET notes = 'sel', updated = "
	    "'2026-11-01T00:00:04Z' WHERE id = 'TYO-S1'");
	send_to(&w, TYO, SEL, -1, -1);
	assert_int_equal(kz_sync_conflicts(w.db[SEL], false, &l, &err), KZ_OK);
	assert_int_equal(l.n, 0);
	kz_conflict_list_free(&l);
	assert_string_equal(value(&w, SEL, "SELECT notes || updated FROM "
	    "specialist"), "sel2026-11-01T00:00:04Z");
	world_close(&w);
}

/* Of two edits of the same second, head office keeps the greater
 * author's: that author alone changes, and must reach the offices (it
 * did not: with the time left out of the change, the author was taken
 * for an older edit's; seed 16, all). */
static void
test_author_alone(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	sql_at(&w, TYO, "UPDATE specialist SET updated_by = 'uA'");
	send_to(&w, TYO, SEL, -1, -1);
	sql_at(&w, TYO, "UPDATE specialist SET updated_by = 'uB'");
	send_to(&w, TYO, SEL, -1, -1);
	assert_string_equal(value(&w, SEL, "SELECT updated || updated_by FROM "
	    "specialist"), "2026-11-01T00:00:01ZuB");
	world_close(&w);
}

/* Seoul edits a head office specialist; head office takes it ("theirs")
 * and then puts the value back before its next export: merged, the two
 * changes cancel out in its bundle (only the stamp moves), and Seoul
 * would keep its value under head office's stamp. The row's updates go
 * as they were made (sync_chain.c). */
static void
test_taken_then_put_back(void **state)
{
	struct world w = { .sc = &fixed };
	struct kz_conflict_list l = { 0 };
	struct kz_err err = { 0 };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, SEL, -1, -1);
	sql_at(&w, SEL, "UPDATE specialist SET notes = 'b', updated = "
	    "'2026-11-01T00:00:02Z' WHERE id = 'TYO-S1'");
	assert_int_equal(send_to(&w, SEL, TYO, -1, -1), 1);
	assert_int_equal(kz_sync_conflicts(w.db[TYO], false, &l, &err), KZ_OK);
	assert_int_equal(kz_sync_resolve(w.db[TYO], l.c[0].n, true, &err),
	    KZ_OK);
	kz_conflict_list_free(&l);
	sql_at(&w, TYO, "UPDATE specialist SET notes = 'a', updated = "
	    "'2026-11-01T00:00:03Z' WHERE id = 'TYO-S1'");
	send_to(&w, TYO, SEL, -1, -1);
	assert_string_equal(value(&w, SEL, "SELECT notes FROM specialist"),
	    "a");
	world_close(&w);
}

/* Settle the first open conflict at s: theirs or mine. */
static void
settle_first(struct world *w, int s, bool theirs)
{
	struct kz_conflict_list l = { 0 };
	struct kz_err err = { 0 };
	size_t i = 0;

	assert_int_equal(kz_sync_conflicts(w->db[s], false, &l, &err), KZ_OK);
	while (i < l.n && l.c[i].resolved)
		i++;
	assert_true(i < l.n);
	if (kz_sync_resolve(w->db[s], l.c[i].n, theirs, &err) != KZ_OK)
		fail_msg("settling %ld at %s: %s", l.c[i].n, office[s],
		    err.n ? err.item[0].msg : "?");
	kz_conflict_list_free(&l);
}

/* Seoul's value taken at head office and replaced before its export:
 * Seoul holds the middle one of three, and takes the last without a
 * clash (merged, the bundle would say a to c, and Seoul's b would clash
 * with c). */
static void
test_middle_value_moves_on(void **state)
{
	struct world w = { .sc = &fixed };
	struct kz_sync_status st;
	struct kz_err err = { 0 };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, SEL, BJS, -1);
	sql_at(&w, SEL, "UPDATE specialist SET notes = 'b', updated = "
	    "'2026-11-01T00:00:02Z' WHERE id = 'TYO-S1'");
	send_to(&w, SEL, TYO, -1, -1);
	settle_first(&w, TYO, true);
	sql_at(&w, TYO, "UPDATE specialist SET notes = 'c', updated = "
	    "'2026-11-01T00:00:03Z' WHERE id = 'TYO-S1'");
	assert_int_equal(send_to(&w, TYO, SEL, BJS, -1), 0);
	assert_string_equal(value(&w, SEL, "SELECT notes FROM specialist"),
	    "c");
	assert_string_equal(value(&w, BJS, "SELECT notes FROM specialist"),
	    "c");
	assert_int_equal(kz_sync_status(w.db[SEL], &st, &err), KZ_OK);
	assert_int_equal(st.open_conflicts, 0);
	kz_sync_status_free(&st);
	world_close(&w);
}

#define FISHERY(s) "INSERT INTO specialist_field (specialist, field, " \
	"years) VALUES ('" s "', 'fishery', 2)"

/* Beijing and Seoul each propose the same field for a head office
 * specialist: head office declines Beijing's (it goes out as the row's
 * deletion) and accepts Seoul's (its insertion). Merged, the deletion
 * and the insertion cancel out, and Singapore never hears of the field. */
static void
test_declined_then_accepted(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, BJS, SEL, SIN);
	sql_at(&w, BJS, FISHERY("TYO-S1"));
	sql_at(&w, SEL, FISHERY("TYO-S1"));
	send_to(&w, BJS, TYO, -1, -1);
	send_to(&w, SEL, TYO, -1, -1);
	settle_first(&w, TYO, false);		/* Beijing's: mine */
	settle_first(&w, TYO, true);		/* Seoul's: theirs */
	assert_int_equal(rows(&w, TYO, "specialist_field"), 1);
	send_to(&w, TYO, SIN, BJS, SEL);
	assert_int_equal(rows(&w, SIN, "specialist_field"), 1);
	assert_int_equal(rows(&w, BJS, "specialist_field"), 1);
	assert_int_equal(rows(&w, SEL, "specialist_field"), 1);
	world_close(&w);
}

/* Seoul proposes a field; head office takes it, then deletes it before
 * its next export. Merged, the insertion and the deletion cancel out,
 * and Seoul would keep the field for good. */
static void
test_taken_then_taken_away(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, SEL, -1, -1);
	sql_at(&w, SEL, FISHERY("TYO-S1"));
	send_to(&w, SEL, TYO, -1, -1);
	settle_first(&w, TYO, true);
	assert_int_equal(rows(&w, TYO, "specialist_field"), 1);
	sql_at(&w, TYO, "DELETE FROM specialist_field");
	send_to(&w, TYO, SEL, -1, -1);
	assert_int_equal(rows(&w, SEL, "specialist_field"), 0);
	world_close(&w);
}

/* Seoul deletes two head office specialists; head office declines both
 * deletions ("mine"), one after the other: each record goes out again,
 * and Seoul has both back after one round trip. */
static void
test_deletion_declined(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	sql_at(&w, TYO, SPEC("TYO-S2", "b"));
	sql_at(&w, TYO, FISHERY("TYO-S1"));
	send_to(&w, TYO, SEL, SIN, -1);
	sql_at(&w, SEL, "DELETE FROM specialist");
	assert_int_equal(rows(&w, SEL, "specialist_field"), 0);
	assert_int_equal(send_to(&w, SEL, TYO, -1, -1), 3);
	settle_first(&w, TYO, false);
	settle_first(&w, TYO, false);
	assert_int_equal(send_to(&w, TYO, SEL, SIN, -1), 0);
	assert_int_equal(rows(&w, SEL, "specialist"), 2);
	assert_int_equal(rows(&w, SEL, "specialist_field"), 1);
	assert_int_equal(rows(&w, SIN, "specialist"), 2);
	world_close(&w);
}

/* Seoul and Singapore propose the same value; head office declines
 * Seoul's ("mine": its value goes out again, from theirs back to mine)
 * and takes Singapore's, before one export. Merged, the two cancel out
 * (b to a, a to b) and Beijing keeps a. (soak: settle seeds 16 and 53) */
static void
test_declined_then_taken(void **state)
{
	struct world w = { .sc = &fixed };

	(void)state;
	world_open(&w);
	sql_at(&w, TYO, SPEC("TYO-S1", "a"));
	send_to(&w, TYO, BJS, SEL, SIN);
	sql_at(&w, SEL, "UPDATE specialist SET notes = 'b', updated = "
	    "'2026-11-01T00:00:02Z' WHERE id = 'TYO-S1'");
	sql_at(&w, SIN, "UPDATE specialist SET notes = 'b', updated = "
	    "'2026-11-01T00:00:03Z' WHERE id = 'TYO-S1'");
	send_to(&w, SEL, TYO, -1, -1);
	send_to(&w, SIN, TYO, -1, -1);
	settle_first(&w, TYO, false);
	settle_first(&w, TYO, true);
	assert_string_equal(value(&w, TYO, "SELECT notes FROM specialist"),
	    "b");
	send_to(&w, TYO, BJS, -1, -1);
	assert_string_equal(value(&w, BJS, "SELECT notes FROM specialist"),
	    "b");
	world_close(&w);
}

static const struct scenario scenarios[] = {
	{ .name = "order", .shuffle = true, .repeat = true },
	{ .name = "lost", .shuffle = true, .lost = true,
	  .skip = CONVERGE_AGAIN ? NULL : "issue 9 item 3: a lost bundle "
	  "needs kz_sync_export_again" },
	{ .name = "cross", .shuffle = true, .cross = true },
	{ .name = "settle", .shuffle = true, .cross = true, .settle = true,
	  .skip = CONVERGE_SETTLE ? NULL : "issue 9 item 6: a conflict "
	  "settled \"mine\" does not travel" },
	{ .name = "kill", .shuffle = true, .repeat = true, .kill = true },
	{ .name = "proposed", .proposed = true },
	{ .name = "all", .shuffle = true, .repeat = true, .cross = true,
	  .kill = true, .proposed = true, .lost = CONVERGE_AGAIN,
	  .settle = CONVERGE_SETTLE },
};

static long
env_long(const char *name, long dflt)
{
	const char *v = getenv(name);

	return v && *v ? strtol(v, NULL, 10) : dflt;
}

/* make check: a few seeds, a few hundred rounds; make soak: SOAK_SEEDS
 * and SOAK_ROUNDS; KZ_SEED replays one seed. */
static void
test_scenario(void **state)
{
	const struct scenario *sc = *state;
	const char *only = getenv("KZ_SCENARIO");
	long seeds = env_long("SOAK_SEEDS", 3);
	long rounds = env_long("SOAK_ROUNDS", 200);
	long one = env_long("KZ_SEED", 0);
	bool verbose = env_long("KZ_VERBOSE", 0) != 0;
	time_t t0 = time(NULL);
	struct tally t = { 0 };

	if (only && *only && strcmp(only, sc->name) != 0)
		skip();
	if (sc->skip) {
		fprintf(stderr, "converge: %s skipped: %s\n", sc->name,
		    sc->skip);
		skip();
	}
	for (long s = one ? one : 1; s <= (one ? one : seeds); s++)
		run(sc, (unsigned long)s, (int)rounds, verbose, &t);
	fprintf(stderr, "converge: %s: %ld seeds x %ld rounds in %lds: %ld "
	    "records, %ld bundles, %ld imports, %ld conflicts settled, %ld "
	    "kills (%ld armed)\n", sc->name, one ? 1 : seeds, rounds,
	    (long)(time(NULL) - t0), t.records, t.exports, t.imports,
	    t.resolved, t.kills, t.killpoints);
}

int
main(void)
{
	enum { NSC = sizeof scenarios / sizeof scenarios[0], NFIX = 14 };
	struct CMUnitTest tests[NFIX + NSC] = {
		cmocka_unit_test(test_owner_insert_overwrites),
		cmocka_unit_test(test_deletions_first),
		cmocka_unit_test(test_office_ignores_others),
		cmocka_unit_test(test_proposed_deleted),
		cmocka_unit_test(test_proposed_row_deleted),
		cmocka_unit_test(test_declined_row_deletion),
		cmocka_unit_test(test_clash_superseded),
		cmocka_unit_test(test_author_alone),
		cmocka_unit_test(test_taken_then_put_back),
		cmocka_unit_test(test_middle_value_moves_on),
		cmocka_unit_test(test_declined_then_accepted),
		cmocka_unit_test(test_taken_then_taken_away),
		cmocka_unit_test(test_deletion_declined),
		cmocka_unit_test(test_declined_then_taken),
	};
	static char names[NSC][32];

	vfs_crash_install();
	for (size_t i = 0; i < NSC; i++) {
		snprintf(names[i], sizeof names[i], "converge_%s",
		    scenarios[i].name);
		tests[NFIX + i] = (struct CMUnitTest){ .name = names[i],
		    .test_func = test_scenario,
		    .initial_state = (void *)&scenarios[i] };
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
