/* record.c - helpers every kind of record shares: checks, statements, ids, stamps. */
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "date.h"
#include "i18n.h"
#include "text.h"

void *
kz_grow(void *p, size_t n, size_t size)
{
	return realloc(p, (n + 1) * size);
}

/* ---- owned strings ---- */

int
kz_str_set(char **slot, const char *value)
{
	char *copy = NULL;

	if (value && *value && (copy = strdup(value)) == NULL)
		return KZ_ERROR;
	free(*slot);
	*slot = copy;
	return KZ_OK;
}

/* ---- stamps ---- */

const char *
kz_record_user(const struct kz_db *db)
{
	return db->cfg && db->cfg->user ? db->cfg->user : NULL;
}

const char *
kz_user_name(const char *user)
{
	if (user == NULL || *user == '\0' || strcmp(user, "unknown") == 0)
		return _("unknown");
	return user;
}

void
kz_stamps_free(struct kz_stamps *st)
{
	free(st->created_by);
	free(st->updated_by);
	memset(st, 0, sizeof *st);
}

int
kz_stamps_copy(struct kz_stamps *d, const struct kz_stamps *s)
{
	memset(d, 0, sizeof *d);
	memcpy(d->created, s->created, sizeof d->created);
	memcpy(d->updated, s->updated, sizeof d->updated);
	if ((s->created_by && (d->created_by = strdup(s->created_by)) == NULL) ||
	    (s->updated_by && (d->updated_by = strdup(s->updated_by)) == NULL)) {
		kz_stamps_free(d);
		return KZ_ERROR;
	}
	return KZ_OK;
}

static int
set_user(char **slot, const char *user)
{
	char *copy = NULL;

	if (user && *user && (copy = strdup(user)) == NULL)
		return KZ_ERROR;
	free(*slot);
	*slot = copy;
	return KZ_OK;
}

void
kz_stamp_next(char updated[32])
{
	char now[32], date[11];
	int64_t t;
	long secs, day;

	kz_now_utc(now);
	if (!kz_date_stamp(updated, &t) || strcmp(now, updated) > 0) {
		memcpy(updated, now, sizeof now);
		return;
	}
	day = kz_date_day_of(t + 1, &secs);
	kz_date_from_days(day, date);
	snprintf(updated, 32, "%sT%02ld:%02ld:%02ldZ", date, secs / 3600 % 24,
	    secs / 60 % 60, secs % 60);
}

int
kz_stamps_touch(struct kz_db *db, struct kz_stamps *st, bool insert)
{
	const char *user = kz_record_user(db);

	if (!insert) {
		kz_stamp_next(st->updated);
		return set_user(&st->updated_by, user);
	}
	if (!st->created[0])
		kz_now_utc(st->created);
	if (!st->updated[0])
		memcpy(st->updated, st->created, sizeof st->updated);
	if (!st->created_by && set_user(&st->created_by, user))
		return KZ_ERROR;
	if (!st->updated_by && set_user(&st->updated_by, st->created_by))
		return KZ_ERROR;
	return KZ_OK;
}

/* ---- checks ---- */

bool
kz_check_text(struct kz_err *err, const char *where, const char *label,
    const char *v, size_t max, unsigned flags)
{
	size_t n;

	if (v == NULL || *v == '\0') {
		if (flags & KZ_TEXT_REQUIRED)
			kz_err_add(err, where, _("%s is required"), label);
		return !(flags & KZ_TEXT_REQUIRED);
	}
	if (!kz_utf8_valid(v, strlen(v))) {
		kz_err_add(err, where, _("%s is not valid UTF-8 text"), label);
		return false;
	}
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		bool soft = *p == '\n' || *p == '\t';
		if ((*p < 0x20 && !(soft && (flags & KZ_TEXT_MULTILINE))) ||
		    *p == 0x7f) {
			kz_err_add(err, where, _("%s contains a control "
			    "character"), label);
			return false;
		}
	}
	if ((n = kz_utf8_len(v)) > max) {
		kz_err_add(err, where, _("%s is too long: %zu characters, at "
		    "most %zu"), label, n, max);
		return false;
	}
	return true;
}

void
kz_check_email(struct kz_err *err, const char *where, const char *v)
{
	const char *at, *dot;

	if (v == NULL || *v == '\0')
		return;
	kz_check_text(err, where, _("e-mail"), v, 200, 0);
	at = strrchr(v, '@');
	dot = at ? strrchr(at, '.') : NULL;
	/* one @ with text before it, and a dot inside the domain */
	if (at == NULL || at == v || strchr(v, '@') != at || dot == NULL ||
	    dot == at + 1 || dot[1] == '\0' || v[strcspn(v, " ,;<>")] != '\0')
		kz_err_add(err, where, _("e-mail address \"%s\" is not of the "
		    "form name@example.org"), v);
}

void
kz_check_phone(struct kz_err *err, const char *where, const char *v)
{
	size_t digits = 0;

	if (v == NULL || *v == '\0')
		return;
	kz_check_text(err, where, _("phone"), v, 40, 0);
	for (const char *p = v; *p; p++)
		digits += *p >= '0' && *p <= '9';
	/* the message states the rule that was broken, each of them */
	if (v[strspn(v, "0123456789 +-()./")] != '\0')
		kz_err_add(err, where, _("phone number \"%s\" may hold only "
		    "digits, spaces and + - ( ) . /"), v);
	else if (digits < 4)
		kz_err_add(err, where, _("phone number \"%s\" has %zu digits: "
		    "it needs at least 4"), v, digits);
}

void
kz_check_date(struct kz_err *err, const char *where, const char *label,
    const char *v, bool required)
{
	if (v == NULL || *v == '\0') {
		if (required)
			kz_err_add(err, where, _("%s is required"), label);
	} else if (!kz_date_valid(v))
		kz_err_add(err, where, _("%s \"%s\" is not a date "
		    "YYYY-MM-DD"), label, v);
}

bool
kz_has_cjk(const char *s)
{
	unsigned cp;
	int k;

	while (s && (k = kz_utf8_decode(s, &cp)) > 0) {
		if (kz_cp_is_cjk(cp))
			return true;
		s += k;
	}
	return false;
}

bool
kz_lang_ok(const char *l)
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

int
kz_time_minutes(const char *t)
{
	if (t == NULL || strlen(t) != 5 || t[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (t[i] < '0' || t[i] > '9'))
			return -1;
	int h = (t[0] - '0') * 10 + t[1] - '0';
	int m = (t[3] - '0') * 10 + t[4] - '0';
	return h < 24 && m < 60 ? h * 60 + m : -1;
}

bool
kz_time_normalise(const char *in, char out[6])
{
	char d[5];
	size_t n = 0;
	const char *p = in;

	while (*p == ' ')
		p++;
	for (; *p && n < 4; p++) {
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
		else if ((*p == ':' || *p == '.' || *p == 'h') && n == 1) {
			d[1] = d[0];	/* "9:30": a leading zero */
			d[0] = '0';
			n = 2;
		} else if (*p != ':' && *p != '.' && *p != 'h')
			return false;
	}
	while (*p == ' ')
		p++;
	if (*p != '\0' || n != 4)
		return false;
	snprintf(out, 6, "%c%c:%c%c", d[0], d[1], d[2], d[3]);
	return kz_time_minutes(out) >= 0;
}

void
kz_check_country(struct kz_err *err, const char *where, const char *v,
    bool required)
{
	if (v == NULL || *v == '\0') {
		if (required)
			kz_err_add(err, where, _("country is required"));
		return;
	}
	if (kz_country_name(v) == NULL)
		kz_err_add(err, where, _("\"%s\" is not an ISO 3166-1 alpha-2 "
		    "country code (such as CN, SG, KH)"), v);
}

int
kz_copy_value(char *out, size_t size, const char *v, const char *where,
    const char *label, struct kz_err *err)
{
	size_t n;

	out[0] = '\0';
	if (v == NULL)
		return KZ_OK;
	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n >= size) {
		/* show what fits of it, cut on a character */
		char shown[48];
		kz_text_fit(shown, sizeof shown, v, 24, false);
		return kz_err_add(err, where, _("%s \"%s\" is too long"), label,
		    shown);
	}
	memcpy(out, v, n);
	out[n] = '\0';
	return KZ_OK;
}

/* ---- statements ---- */

void
kz_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

int
kz_sql_run(struct kz_db *db, struct kz_err *err, const char *sql, int n,
    const char *const *vals)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return kz_db_fail(db, err, sql);
	for (int i = 0; i < n; i++)
		kz_bind_text(st, i + 1, vals[i]);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		/* read the error before the reset */
		if (rc == SQLITE_CONSTRAINT_TRIGGER)
			kz_err_add(err, "", "%s", sqlite3_errmsg(db->sql));
		else
			kz_db_fail(db, err, sql);
		sqlite3_reset(st);
		return KZ_ERROR;
	}
	sqlite3_reset(st);
	return KZ_OK;
}

char *
kz_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t && *t ? strdup((const char *)t) : NULL;
}

void
kz_col_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;

	/* a copy, not snprintf: every list copies every cell */
	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(out, t, n);
	out[n] = '\0';
}

/* ---- ids ---- */

#define EXISTS(t)	t, "SELECT 1 FROM " t " WHERE id = ?"

/* Each table, with the messages of kz_record_resolve whole for its kind
 * of record: a translation cannot fit a noun into a sentence it does not
 * see. */
static const struct {
	const char *table;
	const char *exists;	/* literal SQL, kept in the statement cache */
	const char *where;
	const char *none;	/* nothing typed; NULL: unknown with "" */
	const char *many;	/* "%s": what was typed */
	const char *unknown;	/* %s: what was typed */
	const char *taken;	/* %s: the id */
} kinds[KZ_T_COUNT] = {
	[KZ_T_SPECIALIST] = { EXISTS("specialist"), "id",
	    N_("no specialist id given"), N_("\"%s\" matches more than one "
	    "specialist: give more of the id"), N_("no specialist %s"),
	    N_("a specialist with id %s exists already") },
	[KZ_T_REQUEST] = { EXISTS("request"), "id",
	    N_("no request id given"), N_("\"%s\" matches more than one "
	    "request: give more of the id"), N_("no request %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_REQUEST_EVENT] = { EXISTS("request_event"), "id",
	    N_("no id given"), N_("\"%s\" matches more than one record: "
	    "give more of the id"), N_("no record %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_DISPATCH] = { EXISTS("dispatch"), "id",
	    N_("no dispatch id given"), N_("\"%s\" matches more than one "
	    "dispatch: give more of the id"), N_("no dispatch %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_DISPATCH_EVENT] = { EXISTS("dispatch_event"), "id",
	    N_("no id given"), N_("\"%s\" matches more than one record: "
	    "give more of the id"), N_("no record %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_COST] = { EXISTS("dispatch_cost"), "id",
	    N_("no id given"), N_("\"%s\" matches more than one record: "
	    "give more of the id"), N_("no record %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_SERIES] = { EXISTS("seminar_series"), "series", NULL,
	    N_("\"%s\" matches more than one seminar series: give more of "
	    "the id"), N_("no seminar series \"%s\" (see kizuna series "
	    "list)"), N_("a record with id %s exists already") },
	[KZ_T_SEMINAR] = { EXISTS("seminar"), "seminar", NULL,
	    N_("\"%s\" matches more than one seminar: give more of the id"),
	    N_("no seminar \"%s\": name it as SERIES/NUMBER, SERIES/YEAR or "
	    "by id"), N_("a record with id %s exists already") },
	[KZ_T_ITEM] = { EXISTS("programme_item"), "id", NULL,
	    N_("\"%s\" matches more than one programme item: give more of "
	    "the id"), N_("no programme item %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_PARTICIPANT] = { EXISTS("participant"), "id", NULL,
	    N_("\"%s\" matches more than one participant: give more of the "
	    "id"), N_("no participant %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_TRAINEE] = { EXISTS("trainee"), "id", NULL,
	    N_("\"%s\" matches more than one trainee: give more of the id"),
	    N_("no trainee %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_SUPPORT] = { EXISTS("support"), "id", NULL,
	    N_("\"%s\" matches more than one support case: give more of "
	    "the id"), N_("no support case %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_RESEARCH] = { EXISTS("research"), "id", NULL,
	    N_("\"%s\" matches more than one research project: give more "
	    "of the id"), N_("no research project %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_PROMOTION] = { EXISTS("promotion"), "id", NULL,
	    N_("\"%s\" matches more than one promotion event: give more of "
	    "the id"), N_("no promotion event %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_JET] = { EXISTS("jet"), "id", NULL,
	    N_("\"%s\" matches more than one JET line: give more of the "
	    "id"), N_("no JET line %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_FRIENDSHIP] = { EXISTS("friendship"), "id", NULL,
	    N_("\"%s\" matches more than one friendship link: give more of "
	    "the id"), N_("no friendship link %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_REP_OFFICE] = { EXISTS("rep_office"), "id", NULL,
	    N_("\"%s\" matches more than one representative office: give "
	    "more of the id"), N_("no representative office %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_DELEGATION] = { EXISTS("delegation"), "id", NULL,
	    N_("\"%s\" matches more than one delegation: give more of the "
	    "id"), N_("no delegation %s"),
	    N_("a record with id %s exists already") },
	[KZ_T_OPENING] = { EXISTS("opening"), "id", NULL,
	    N_("\"%s\" matches more than one opening figure: give more of "
	    "the id"), N_("no opening figure %s"),
	    N_("a record with id %s exists already") },
};

const char *
kz_record_table(enum kz_table t)
{
	return kinds[t].table;
}

bool
kz_record_exists(struct kz_db *db, enum kz_table t, const char *id)
{
	sqlite3_stmt *st = kz_db_stmt(db, kinds[t].exists);
	bool found;

	if (st == NULL)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int
kz_record_resolve(struct kz_db *db, enum kz_table t, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err)
{
	sqlite3_stmt *st;
	char key[32], sql[256];
	size_t n = 0;
	int found = 0;

	if (typed == NULL || *typed == '\0') {
		if (kinds[t].none)
			return kz_err_add(err, kinds[t].where, "%s",
			    _(kinds[t].none));
		return kz_err_add(err, kinds[t].where, _(kinds[t].unknown), "");
	}
	if (kz_id_normalise(typed, id) && kz_record_exists(db, t, id))
		return KZ_OK;
	/* the start of the id or of its random part, dashes ignored */
	for (const char *p = typed; *p && n + 1 < sizeof key; p++)
		if (*p != '-' && *p != ' ')
			key[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	key[n] = '\0';
	/* built from the fixed table name; run once per lookup */
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE "
	    "replace(substr(id, instr(id, '-') + 1), '-', '') GLOB ?1 || '*' "
	    "OR replace(id, '-', '') GLOB ?1 || '*' LIMIT 2", kinds[t].table);
	if (n >= 3 && strpbrk(key, "*?[]") == NULL &&
	    sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (found++ == 0)
				kz_col_copy(st, 0, id, KZ_ID_SIZE);
		sqlite3_finalize(st);
	}
	if (found == 1)
		return KZ_OK;
	if (found > 1)
		return kz_err_add(err, kinds[t].where, _(kinds[t].many), typed);
	return kz_err_add(err, kinds[t].where, _(kinds[t].unknown), typed);
}

int
kz_record_assign_id(struct kz_db *db, enum kz_table t, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	const char *office = db->cfg && db->cfg->office_id ? db->cfg->office_id :
	    "KZ";
	char norm[KZ_ID_SIZE];
	int tries = 0;

	if (id[0]) {
		if (!kz_id_normalise(id, norm))
			return kz_err_add(err, "id", _("\"%s\" is not a kizuna "
			    "id"), id);
		if (kz_record_exists(db, t, norm))
			return kz_err_add(err, "id", _(kinds[t].taken), norm);
		memcpy(id, norm, KZ_ID_SIZE);
		return KZ_OK;
	}
	if (db->id_seq) {
		do {
			if (kz_id_seq_next(db->id_seq, office, (int)t, id) ||
			    ++tries > 10)
				return kz_err_add(err, "id", _("cannot make a "
				    "new id"));
		} while (kz_record_exists(db, t, id));
		return KZ_OK;
	}
	/* in a bulk import, the id after the last one made (kz_id_next),
	 * drawn at random again where that is taken or at the end */
	if (db->bulk && db->id_run[0] &&
	    kz_id_next(office, db->id_run, id) == 0 &&
	    !kz_record_exists(db, t, id)) {
		memcpy(db->id_run, id, KZ_ID_SIZE);
		return KZ_OK;
	}
	do {
		if (kz_id_new(office, id) != 0 || ++tries > 10)
			return kz_err_add(err, "id", _("cannot make a new id"));
	} while (kz_record_exists(db, t, id));
	if (db->bulk)
		memcpy(db->id_run, id, KZ_ID_SIZE);
	return KZ_OK;
}

/* ---- counts ---- */

void
kz_counts_free(struct kz_counts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->c[i].key);
	free(c->c);
	memset(c, 0, sizeof *c);
}

int
kz_counts_read(sqlite3_stmt *st, struct kz_counts *out, struct kz_err *err)
{
	memset(out, 0, sizeof *out);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct kz_count *c = kz_grow(out->c, out->n, sizeof *c);
		const unsigned char *k = sqlite3_column_text(st, 0);

		if (c != NULL)
			out->c = c;
		if (c == NULL || (c[out->n].key = strdup(k ? (const char *)k :
		    "")) == NULL) {
			sqlite3_finalize(st);
			kz_counts_free(out);
			return kz_err_add(err, "", _("out of memory"));
		}
		c[out->n].n = sqlite3_column_int64(st, 1);
		out->total += c[out->n].n;
		out->n++;
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

int
kz_counts_query(struct kz_db *db, const char *sql, const char *param,
    struct kz_counts *out, struct kz_err *err)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return kz_db_fail(db, err, "count");
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	return kz_counts_read(st, out, err);
}
