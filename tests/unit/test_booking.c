/* test_booking.c - when two bookings of a specialist clash: common days
 * (touching dates), the same record, unavailabilities, cancellations, whose
 * clashes an office sees, and head office's table of bookings. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"

static const char office_conf[] =
	"office:\n  id: BJS\n  name: Beijing\n  role: office\nuser: wang\n";
static const char head_conf[] =
	"office:\n  id: TYO\n  name: Head office\n  role: head\nuser: tanaka\n";

static int setup_office(void **state) { return unit_setup_with(state, office_conf); }
static int setup_head(void **state) { return unit_setup_with(state, head_conf); }

/* Raw rows, in a transaction as every write to a table that travels
 * (the outbox's rule). */
static void
sql(struct unit_fixture *f, const char *text)
{
	struct kz_err err = { 0 };
	char *msg = NULL;

	assert_int_equal(kz_db_begin(f->db, &err), KZ_OK);
	if (sqlite3_exec(f->db->sql, text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", text, msg);
	assert_int_equal(kz_db_commit(f->db, &err), KZ_OK);
}

/* A specialist S, a request and a seminar series to hang records on. */
static void
seed(struct unit_fixture *f)
{
	sql(f,
	    "INSERT INTO specialist (id, name, name_roman, government, status, "
	    "  created, updated) VALUES ('TYO-S', '佐藤健一', 'Kenichi Sato', "
	    "  '島根県', 'serving', 'x', 'x'), ('TYO-T', '田中', 'Tanaka', "
	    "  '宮城県', 'serving', 'x', 'x');"
	    "INSERT INTO request (id, country, office, received, topic, mode, "
	    "  interpreting, status, created, updated) VALUES ('BJS-R', 'CN', "
	    "  'BJS', '2027-01-01', 't', 'onsite', 'none', 'proposed', 'x', 'x');"
	    "INSERT INTO seminar_series (id, code, name, office, created, "
	    "  updated) VALUES ('BJS-SS', 'CJ', 'series', 'BJS', 'x', 'x');");
}


static void
dispatch(struct unit_fixture *f, const char *id, const char *who,
    const char *start, const char *end, const char *state)
{
	char *q = sqlite3_mprintf("INSERT INTO dispatch (id, request, "
	    "specialist, start, end, mode, state, created, updated) VALUES "
	    "(%Q, 'BJS-R', %Q, %Q, %Q, 'onsite', %Q, 'x', 'x')", id, who, start,
	    end, state);
	sql(f, q);
	sqlite3_free(q);
}

/* A booking as head office sent it. */
static void
sent(struct unit_fixture *f, const char *id, const char *kind,
    const char *record, const char *who, const char *start, const char *end,
    const char *office)
{
	char *q = sqlite3_mprintf("INSERT INTO booking (id, kind, record, "
	    "specialist, start, end, office) VALUES (%Q, %Q, %Q, %Q, %Q, %Q, "
	    "%Q)", id, kind, record, who, start, end, office);
	sql(f, q);
	sqlite3_free(q);
}

static struct kz_clash_list
clashes(struct unit_fixture *f, const char *record)
{
	struct kz_clash_list l;
	struct kz_err err = { 0 };

	assert_int_equal(kz_booking_clashes(f->db, record, &l, &err), KZ_OK);
	if (record == NULL)	/* the count is the list's length */
		assert_int_equal((long)l.n, kz_booking_clash_count(f->db));
	else {
		/* a record's clashes, made from its specialists' bookings
		 * alone, are those of every booking that involve it */
		struct kz_clash_list all;
		size_t n = 0;

		assert_int_equal(kz_booking_clashes(f->db, NULL, &all, &err),
		    KZ_OK);
		for (size_t i = 0; i < all.n; i++) {
			const struct kz_clash *c = &all.c[i];

			if (strcmp(c->a.record, record) && strcmp(c->b.record,
			    record) && strcmp(c->a.id, record) &&
			    strcmp(c->b.id, record) && strcmp(c->specialist,
			    record))
				continue;
			assert_true(n < l.n);
			assert_string_equal(l.c[n].a.id, c->a.id);
			assert_string_equal(l.c[n].b.id, c->b.id);
			n++;
		}
		assert_int_equal(n, l.n);
		kz_clash_list_free(&all);
	}
	return l;
}

/* Both days included: a common last/first day clashes, the next day
 * does not. */
static void
test_touching_dates(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_clash_list l;

	seed(f);
	dispatch(f, "BJS-D1", "TYO-S", "2027-03-01", "2027-03-10", "proposed");
	sent(f, "SIN-D2", "dispatch", "SIN-D2", "TYO-S", "2027-03-11",
	    "2027-03-15", "SIN");
	l = clashes(f, NULL);
	assert_int_equal(l.n, 0);
	kz_clash_list_free(&l);
	assert_int_equal(kz_booking_clash_count(f->db), 0);

	sent(f, "SIN-D3", "dispatch", "SIN-D3", "TYO-S", "2027-03-10",
	    "2027-03-12", "SIN");
	l = clashes(f, NULL);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.c[0].a.record, "BJS-D1");	/* ours first */
	assert_string_equal(l.c[0].a.office, "BJS");
	assert_string_equal(l.c[0].b.record, "SIN-D3");
	assert_string_equal(l.c[0].b.office, "SIN");
	assert_string_equal(l.c[0].from, "2027-03-10");
	assert_string_equal(l.c[0].to, "2027-03-10");
	assert_string_equal(l.c[0].name, "佐藤健一 (Kenichi Sato)");
	kz_clash_list_free(&l);
	assert_int_equal(kz_booking_clash_count(f->db), 1);

	/* another specialist on the same days is no clash */
	dispatch(f, "BJS-D4", "TYO-T", "2027-03-01", "2027-03-10", "proposed");
	assert_int_equal(kz_booking_clash_count(f->db), 1);
	/* a cancelled dispatch books no one */
	sql(f, "UPDATE dispatch SET state = 'cancelled' WHERE id = 'BJS-D1'");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
}

/* Two roles of one person at one edition are one record; two editions
 * on common days clash. */
static void
test_same_record(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_clash_list l;

	seed(f);
	sql(f, "INSERT INTO seminar (id, series, number, year, start, end, "
	    "status, created, updated) VALUES ('BJS-E1', 'BJS-SS', 1, 2027, "
	    "'2027-05-10', '2027-05-12', 'planned', 'x', 'x'), ('BJS-E2', "
	    "'BJS-SS', 2, 2027, '2027-05-12', '2027-05-14', 'planned', 'x', "
	    "'x');"
	    "INSERT INTO participant (id, seminar, name, country, role, "
	    "created, updated, specialist) VALUES ('BJS-P1', 'BJS-E1', 'Sato', "
	    "'JP', 'speaker', 'x', 'x', 'TYO-S'), ('BJS-P2', 'BJS-E1', 'Sato', "
	    "'JP', 'interpreter', 'x', 'x', 'TYO-S');");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
	/* head office's copy of our own record is not a second booking */
	sent(f, "BJS-P1", "seminar", "BJS-E1", "TYO-S", "2027-05-10",
	    "2027-05-12", "BJS");
	assert_int_equal(kz_booking_clash_count(f->db), 0);

	sql(f, "INSERT INTO participant (id, seminar, name, country, role, "
	    "created, updated, specialist) VALUES ('BJS-P3', 'BJS-E2', 'Sato', "
	    "'JP', 'speaker', 'x', 'x', 'TYO-S')");
	l = clashes(f, NULL);
	assert_int_equal(l.n, 2);	/* P1 and P2 against P3 */
	assert_string_equal(l.c[0].a.kind, "seminar");
	assert_string_equal(l.c[0].from, "2027-05-12");
	kz_clash_list_free(&l);
	l = clashes(f, "BJS-P2");
	assert_int_equal(l.n, 1);
	kz_clash_list_free(&l);
	/* a cancelled edition books no one */
	sql(f, "UPDATE seminar SET status = 'cancelled' WHERE id = 'BJS-E2'");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
}

/* A declared unavailability clashes with a dispatch into it, not with
 * another unavailability; head office's copy of it is not counted twice. */
static void
test_unavailability(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_clash_list l;

	seed(f);
	sql(f, "INSERT INTO specialist_unavail (specialist, start, end, reason) "
	    "VALUES ('TYO-S', '2027-04-01', '2027-04-10', 'surgery'), "
	    "('TYO-S', '2027-04-05', '2027-04-20', 'leave')");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
	sent(f, "TYO-S/2027-04-01", "unavailable", "TYO-S", "TYO-S",
	    "2027-04-01", "2027-04-10", "");
	assert_int_equal(kz_booking_clash_count(f->db), 0);

	dispatch(f, "BJS-D1", "TYO-S", "2027-04-10", "2027-04-12", "signed");
	l = clashes(f, "BJS-D1");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.c[0].a.record, "BJS-D1");
	assert_string_equal(l.c[0].b.kind, "unavailable");
	assert_string_equal(l.c[0].b.office, "");
	kz_clash_list_free(&l);
}

/* An office sees the clashes that involve its records; head office all. */
static void
test_whose_clashes(void **state)
{
	struct unit_fixture *f = *state;

	seed(f);
	sent(f, "SIN-D1", "dispatch", "SIN-D1", "TYO-S", "2027-03-01",
	    "2027-03-10", "SIN");
	sent(f, "TYO-D2", "dispatch", "TYO-D2", "TYO-S", "2027-03-05",
	    "2027-03-06", "TYO");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
	/* our own record as head office last sent it is ours to say */
	sent(f, "BJS-D3", "dispatch", "BJS-D3", "TYO-S", "2027-03-05",
	    "2027-03-06", "BJS");
	assert_int_equal(kz_booking_clash_count(f->db), 0);
}

/* Many bookings of three people made at random (dispatches, some
 * cancelled, unavailabilities, head office's word of other offices'
 * records and of ours, the same record twice, touching days): the
 * count is the list's length, at an office and at head office. */
static void
test_count_random(void **state)
{
	struct unit_fixture *f = *state;
	const char *who[] = { "TYO-S", "TYO-T", "TYO-U" };
	const char *office[] = { "BJS", "SIN", "TYO" };
	unsigned r = 12345;
	char id[32], rec[32], d1[11], d2[11];

	seed(f);
	sql(f, "INSERT INTO specialist (id, name, name_roman, government, "
	    "status, created, updated) VALUES ('TYO-U', '鈴木', 'Suzuki', "
	    "'宮城県', 'serving', 'x', 'x')");
	for (int round = 0; round < 6; round++) {
		struct kz_clash_list l;
		long n;

		for (int k = 0; k < 12; k++) {
			int s = (int)((r = r * 1103515245u + 12345u) >> 16) % 60,
			    len = (int)((r = r * 1103515245u + 12345u) >> 16) %
			    9, kind = (int)((r = r * 1103515245u + 12345u) >>
			    16) % 5;
			const char *p = who[(r >> 20) % 3];

			snprintf(d1, sizeof d1, "2027-%02d-%02d", 3 + s / 28,
			    1 + s % 28);
			s += len;
			snprintf(d2, sizeof d2, "2027-%02d-%02d", 3 + s / 28,
			    1 + s % 28);
			snprintf(id, sizeof id, "BJS-D%d%02d", round, k);
			if (kind < 2)
				dispatch(f, id, p, d1, d2, kind ? "signed" :
				    "cancelled");
			else if (kind == 2) {
				char *q = sqlite3_mprintf("INSERT OR IGNORE INTO "
				    "specialist_unavail (specialist, start, end, "
				    "reason) VALUES (%Q, %Q, %Q, 'leave')", p, d1,
				    d2);

				sql(f, q);
				sqlite3_free(q);
			} else {
				/* another office's record, one of ours as
				 * head office last heard of it, or a second
				 * booking of a record */
				const char *o = office[(r >> 22) % 3];

				snprintf(id, sizeof id, "%s-D%d%02d", o, round, k);
				snprintf(rec, sizeof rec, "%s", kind == 4 ?
				    "SIN-D000" : id);
				sent(f, id, "dispatch", rec, p, d1, d2, o);
			}
		}
		l = clashes(f, NULL);	/* the count asserted equal */
		n = (long)l.n;
		kz_clash_list_free(&l);
		if (round == 5)		/* the walk has something to count */
			assert_true(n > 5);
	}
}

/* Head office's table follows its records: added, changed, gone; an
 * office's refresh writes nothing. */
static void
test_refresh(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;

	seed(f);
	dispatch(f, "BJS-D1", "TYO-S", "2027-03-01", "2027-03-10", "proposed");
	dispatch(f, "SIN-D2", "TYO-S", "2027-03-08", "2027-03-15", "proposed");
	assert_int_equal(kz_booking_refresh(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT group_concat("
	    "id || ' ' || office || ' ' || start || ' ' || end, ', ') FROM "
	    "(SELECT * FROM booking ORDER BY id)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0),
	    "BJS-D1 BJS 2027-03-01 2027-03-10, SIN-D2 SIN 2027-03-08 2027-03-15");
	sqlite3_reset(st);
	assert_int_equal(kz_booking_clash_count(f->db), 1);

	sql(f, "UPDATE dispatch SET end = '2027-03-07' WHERE id = 'BJS-D1'");
	sql(f, "UPDATE dispatch SET state = 'cancelled' WHERE id = 'SIN-D2'");
	assert_int_equal(kz_booking_refresh(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0),
	    "BJS-D1 BJS 2027-03-01 2027-03-07");
	sqlite3_finalize(st);
	assert_int_equal(kz_booking_clash_count(f->db), 0);
}

static void
test_refresh_office(void **state)
{
	struct unit_fixture *f = *state;
	struct kz_err err = { 0 };
	sqlite3_stmt *st;

	seed(f);
	dispatch(f, "BJS-D1", "TYO-S", "2027-03-01", "2027-03-10", "proposed");
	assert_int_equal(kz_booking_refresh(f->db, &err), KZ_OK);
	assert_int_equal(sqlite3_prepare_v2(f->db->sql, "SELECT count(*) FROM "
	    "booking", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_touching_dates,
		    setup_office, unit_teardown),
		cmocka_unit_test_setup_teardown(test_same_record,
		    setup_office, unit_teardown),
		cmocka_unit_test_setup_teardown(test_unavailability,
		    setup_office, unit_teardown),
		cmocka_unit_test_setup_teardown(test_count_random,
		    setup_office, unit_teardown),
		cmocka_unit_test_setup_teardown(test_count_random,
		    setup_head, unit_teardown),
		cmocka_unit_test_setup_teardown(test_whose_clashes,
		    setup_office, unit_teardown),
		cmocka_unit_test_setup_teardown(test_refresh, setup_head,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_refresh_office,
		    setup_office, unit_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
