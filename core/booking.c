/* booking.c - bookings of specialists summarised from the records, and the clashes between them. */
#include "booking.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The bookings this database's own records make. The office of a record
 * is the code that starts its id; a seminar role is booked for the days
 * of its edition and belongs to the edition as a record, so two roles of
 * one person at one edition do not clash. */
#define LOCAL_BOOKINGS_OF(who) \
	"SELECT d.id AS id, 'dispatch' AS kind, d.id AS record, " \
	"  d.specialist AS specialist, d.start AS start, d.end AS end, " \
	"  substr(d.id, 1, instr(d.id, '-') - 1) AS office, " \
	"  d.state AS detail " \
	"FROM dispatch d WHERE d.state <> 'cancelled' " \
	"  AND d.specialist " who " " \
	"UNION ALL " \
	"SELECT p.id, 'seminar', p.seminar, p.specialist, s.start, " \
	"  coalesce(s.end, s.start), substr(p.id, 1, instr(p.id, '-') - 1), " \
	"  p.role " \
	"FROM participant p JOIN seminar s ON s.id = p.seminar " \
	"WHERE p.specialist IS NOT NULL AND s.start IS NOT NULL AND " \
	"  s.status <> 'cancelled' AND p.specialist " who " " \
	"UNION ALL " \
	"SELECT u.specialist || '/' || u.start, 'unavailable', u.specialist, " \
	"  u.specialist, u.start, u.end, '', NULL " \
	"FROM specialist_unavail u WHERE u.specialist " who " " \
	"UNION ALL " \
	"SELECT d.id || '/' || m.specialist, 'delegation', d.id, " \
	"  m.specialist, d.start, coalesce(d.end, d.start), " \
	"  substr(d.id, 1, instr(d.id, '-') - 1), d.direction " \
	"FROM delegation_member m JOIN delegation d ON d.id = m.delegation " \
	"WHERE d.status <> 'cancelled' AND m.specialist " who
/* every specialist's */
#define LOCAL_BOOKINGS LOCAL_BOOKINGS_OF("IS NOT NULL")

/* What is known: our own records, as they are now, and of head office's
 * word only the bookings of other offices' records (ours may have moved
 * on since; unavailabilities are in our register). */
#define KNOWN_BOOKINGS \
	"WITH loc AS (" LOCAL_BOOKINGS "), " \
	"known AS (SELECT * FROM loc UNION ALL " \
	"  SELECT id, kind, record, specialist, start, end, office, detail " \
	"  FROM booking b WHERE b.kind <> 'unavailable' AND b.office <> ?1 " \
	"  AND b.id NOT IN (SELECT id FROM loc)) "

/* ?1 this office, ?2 head office (sees every clash), ?3 a record or
 * NULL. Each pair once (a.id < b.id). */
#define CLASHES_OF(t) \
	"FROM " t " a JOIN " t " b ON b.specialist = a.specialist AND " \
	"  a.id < b.id AND a.record <> b.record AND a.start <= b.end AND " \
	"  b.start <= a.end AND " \
	"  NOT (a.kind = 'unavailable' AND b.kind = 'unavailable') "
#define CLASHES CLASHES_OF("known")
/* The bookings of the specialists a record ?3 concerns (all with none):
 * a clash of the record is a pair of one specialist's, so the pairs are
 * made among these few, not among every booking. */
#define NEAR_BOOKINGS \
	", near AS (SELECT * FROM known WHERE ?3 IS NULL OR specialist IN " \
	"  (SELECT specialist FROM known WHERE ?3 IN (record, id, " \
	"  specialist))) "
#define CLASHES_WHERE \
	"WHERE (?2 OR a.office = ?1 OR b.office = ?1) AND (?3 IS NULL OR " \
	"  ?3 IN (a.record, b.record, a.id, b.id, a.specialist)) "

static const char refresh_delete[] =
	"DELETE FROM booking WHERE id NOT IN (SELECT id FROM ("
	LOCAL_BOOKINGS "))";
/* Only rows that differ are written: an unchanged booking is no change
 * to send. */
static const char refresh_upsert[] =
	"INSERT INTO booking (id, kind, record, specialist, start, end, "
	"office, detail) SELECT * FROM (" LOCAL_BOOKINGS ") WHERE true "
	"ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
	"record = excluded.record, specialist = excluded.specialist, "
	"start = excluded.start, end = excluded.end, office = excluded.office, "
	"detail = excluded.detail WHERE booking.kind IS NOT excluded.kind OR "
	"booking.record IS NOT excluded.record OR "
	"booking.specialist IS NOT excluded.specialist OR "
	"booking.start IS NOT excluded.start OR booking.end IS NOT excluded.end "
	"OR booking.office IS NOT excluded.office OR "
	"booking.detail IS NOT excluded.detail";

/* The clashes of the bookings in "near", a row each: who, then the two
 * bookings, then the days they share. */
#define CLASH_ROWS \
	"SELECT a.specialist, coalesce(sp.name, ''), " \
	"  coalesce(sp.name_roman, ''), " \
	"  a.id, a.kind, a.record, a.office, a.start, a.end, a.detail, " \
	"  b.id, b.kind, b.record, b.office, b.start, b.end, b.detail, " \
	"  max(a.start, b.start), min(a.end, b.end) " \
	CLASHES_OF("near") \
	"LEFT JOIN specialist sp ON sp.id = a.specialist " \
	CLASHES_WHERE \
	"ORDER BY max(a.start, b.start), a.specialist, a.id, b.id"

static const char clash_list[] =
	KNOWN_BOOKINGS NEAR_BOOKINGS
	CLASH_ROWS;

/* The clashes of one record ?3 (a dispatch, a seminar edition, a
 * specialist, a booking): only the bookings of the specialists it
 * concerns are made, each found over its table's index, not every
 * booking (a dispatch's detail pane asks at every move). The
 * specialists are those of the record's own rows and bookings, and the
 * record itself when it is one; head office's bookings of other
 * offices' records count as for every record (KNOWN_BOOKINGS). */
#define WHO \
	"who(specialist) AS (SELECT ?3 " \
	"  UNION SELECT specialist FROM dispatch WHERE id = ?3 " \
	"  UNION SELECT specialist FROM participant WHERE id = ?3 " \
	"  UNION SELECT specialist FROM participant WHERE seminar = ?3 " \
	"  UNION SELECT specialist FROM delegation_member " \
	"    WHERE delegation = ?3 " \
	"  UNION SELECT specialist FROM booking WHERE id = ?3 OR " \
	"    record = ?3) "
static const char clash_list_of[] =
	"WITH " WHO ", loc AS (" LOCAL_BOOKINGS_OF("IN who") "), "
	"near AS (SELECT * FROM loc UNION ALL "
	"  SELECT id, kind, record, specialist, start, end, office, detail "
	"  FROM booking b WHERE b.kind <> 'unavailable' AND b.office <> ?1 "
	"  AND b.specialist IN who AND b.id NOT IN (SELECT id FROM loc)) "
	CLASH_ROWS;

/* What is known (KNOWN_BOOKINGS), a specialist's bookings together in
 * order of start: each part read in that order from its index and the
 * parts merged, nothing made whole in memory. */
static const char known_walk[] =
	"SELECT specialist, start, end, id, record, kind = 'unavailable', "
	"  ?2 OR office = ?1 FROM (" LOCAL_BOOKINGS " UNION ALL "
	"SELECT id, kind, record, specialist, start, end, office, detail "
	"FROM booking b WHERE b.kind <> 'unavailable' AND b.office <> ?1 "
	"  AND b.id NOT IN (SELECT id FROM (" LOCAL_BOOKINGS "))) "
	"ORDER BY 1, 2";

static bool
is_head(const struct kz_db *db)
{
	return db->cfg && db->cfg->role == KZ_ROLE_HEAD;
}

int
kz_booking_refresh(struct kz_db *db, struct kz_err *err)
{
	char *msg = NULL;

	if (!is_head(db))
		return KZ_OK;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (sqlite3_exec(db->sql, refresh_delete, NULL, NULL, &msg) !=
	    SQLITE_OK || sqlite3_exec(db->sql, refresh_upsert, NULL, NULL,
	    &msg) != SQLITE_OK) {
		kz_err_add(err, "", _("database: bookings: %s"), msg ? msg :
		    sqlite3_errmsg(db->sql));
		sqlite3_free(msg);
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

static void
bind_common(struct kz_db *db, sqlite3_stmt *st, const char *record)
{
	const char *me = db->cfg && db->cfg->office_id ? db->cfg->office_id :
	    "";

	sqlite3_bind_text(st, 1, me, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, is_head(db));
	if (record)
		sqlite3_bind_text(st, 3, record, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 3);
}

static void
text(char *out, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(out, size, "%s", t ? (const char *)t : "");
}

static void
read_booking(struct kz_booking *b, sqlite3_stmt *st, int c)
{
	text(b->id, sizeof b->id, st, c);
	text(b->kind, sizeof b->kind, st, c + 1);
	text(b->record, sizeof b->record, st, c + 2);
	text(b->office, sizeof b->office, st, c + 3);
	text(b->start, sizeof b->start, st, c + 4);
	text(b->end, sizeof b->end, st, c + 5);
	text(b->detail, sizeof b->detail, st, c + 6);
}

int
kz_booking_clashes(struct kz_db *db, const char *record,
    struct kz_clash_list *l, struct kz_err *err)
{
	const char *me = db->cfg && db->cfg->office_id ? db->cfg->office_id :
	    "";
	sqlite3_stmt *st;
	int rc = KZ_OK, step;

	memset(l, 0, sizeof *l);
	/* kept prepared: a dispatch's detail pane asks at every move, and
	 * parsing the query cost more than running it */
	if ((st = kz_db_stmt(db, record ? clash_list_of : clash_list)) ==
	    NULL)
		return kz_db_fail(db, err, "bookings");
	bind_common(db, st, record);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_clash *c = realloc(l->c, (l->n + 1) * sizeof *c);
		char name[120], roman[120];

		if (c == NULL) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
		l->c = c;
		c += l->n++;
		memset(c, 0, sizeof *c);
		text(c->specialist, sizeof c->specialist, st, 0);
		text(name, sizeof name, st, 1);
		text(roman, sizeof roman, st, 2);
		if (name[0] && roman[0])
			snprintf(c->name, sizeof c->name, "%s (%s)", name, roman);
		else
			snprintf(c->name, sizeof c->name, "%s", name[0] ? name :
			    roman);
		read_booking(&c->a, st, 3);
		read_booking(&c->b, st, 10);
		text(c->from, sizeof c->from, st, 17);
		text(c->to, sizeof c->to, st, 18);
		/* an office reads its own record first */
		if (strcmp(c->a.office, me) != 0 &&
		    strcmp(c->b.office, me) == 0) {
			struct kz_booking t = c->a;
			c->a = c->b;
			c->b = t;
		}
	}
	if (rc == KZ_OK && step != SQLITE_DONE)
		rc = kz_db_fail(db, err, "bookings");
	sqlite3_reset(st);
	if (rc != KZ_OK)
		kz_clash_list_free(l);
	return rc;
}

void
kz_clash_list_free(struct kz_clash_list *l)
{
	free(l->c);
	l->c = NULL;
	l->n = 0;
}

/* A booking of the specialist walked, as the count compares them. */
struct open_booking {
	char start[16], end[16], id[96], record[96];
	bool unavailable, seen;	/* seen: head office's, or this office's */
};

/* Does b clash with a (CLASHES_OF, CLASHES_WHERE): the same person's
 * other record over a day both hold, not two unavailabilities, seen
 * here? a began no later than b. */
static bool
clash(const struct open_booking *a, const struct open_booking *b)
{
	return strcmp(b->start, a->end) <= 0 && strcmp(a->start, b->end) <= 0 &&
	    strcmp(a->id, b->id) != 0 &&
	    strcmp(a->record, b->record) != 0 && !(a->unavailable &&
	    b->unavailable) && (a->seen || b->seen);
}

/*
 * The clashes clash_list would list, counted as one walk through what
 * is known, a person's bookings in order of start (known_walk), each
 * compared with those of theirs still open on its first day. Counted in
 * SQL (every booking made a table, joined with itself over an index of
 * its own), it held 5 MB at 20,000 dispatches, when the screens start.
 */
long
kz_booking_clash_count(struct kz_db *db)
{
	struct open_booking *open = NULL, *t, b;
	char who[96] = "";
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	long clashes = 0;
	int rc;

	if (sqlite3_prepare_v2(db->sql, known_walk, -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	bind_common(db, st, NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* SQL's NULL compares as nothing: never a clash */
		if (sqlite3_column_type(st, 0) == SQLITE_NULL ||
		    sqlite3_column_type(st, 1) == SQLITE_NULL ||
		    sqlite3_column_type(st, 2) == SQLITE_NULL ||
		    sqlite3_column_type(st, 4) == SQLITE_NULL)
			continue;
		text(b.start, sizeof b.start, st, 1);
		text(b.end, sizeof b.end, st, 2);
		text(b.id, sizeof b.id, st, 3);
		text(b.record, sizeof b.record, st, 4);
		b.unavailable = sqlite3_column_int(st, 5);
		b.seen = sqlite3_column_int(st, 6);
		if (strcmp(who, (const char *)sqlite3_column_text(st, 0))) {
			text(who, sizeof who, st, 0);
			n = 0;
		}
		/* those ended before b began clash with none after it */
		for (size_t i = 0; i < n;)
			if (strcmp(open[i].end, b.start) < 0)
				open[i] = open[--n];
			else
				clashes += clash(&open[i++], &b);
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((t = realloc(open, cap * sizeof *t)) == NULL)
				break;
			open = t;
		}
		open[n++] = b;
	}
	sqlite3_finalize(st);
	free(open);
	return rc == SQLITE_DONE ? clashes : 0;
}

const char *
kz_booking_kind_name(const char *kind)
{
	if (strcmp(kind, "dispatch") == 0)
		return _("dispatch");
	if (strcmp(kind, "seminar") == 0)
		return _("seminar role");
	if (strcmp(kind, "unavailable") == 0)
		return _("declared unavailable");
	if (strcmp(kind, "delegation") == 0)
		return _("delegation");
	return kind;
}
