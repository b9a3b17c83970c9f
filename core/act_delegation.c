/* act_delegation.c - delegations received and visits made, and the specialists who take part. */
#include "act_records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "json.h"
#include "rlist.h"

static const char *const directions[] = { "received", "made", NULL };
static const char *const direction_labels[] = { NC_("delegation", "received"),
	N_("visit made"), NULL };
const struct kz_enum kz_delegation_direction_enum = { "direction",
	directions, direction_labels };

static const char *const statuses[] = { "planned", "held", "cancelled",
	NULL };
static const char *const status_labels[] = { N_("planned"), N_("held"),
	N_("cancelled"), NULL };
const struct kz_enum kz_delegation_status_enum = { "status", statuses,
	status_labels };

/* ---- the specialists: a list of register ids ---- */

static void
members_clear(struct kz_delegation *d)
{
	for (size_t i = 0; i < d->nspecialists; i++)
		free(d->specialists[i]);
	free(d->specialists);
	d->specialists = NULL;
	d->nspecialists = 0;
}

static int
members_add(struct kz_delegation *d, const char *id)
{
	char **g = kz_grow(d->specialists, d->nspecialists, sizeof *g);

	if (g == NULL)
		return KZ_ERROR;
	d->specialists = g;
	if ((g[d->nspecialists] = strdup(id)) == NULL)
		return KZ_ERROR;
	d->nspecialists++;
	return KZ_OK;
}

/* "KZ-AAAA-BBBB; KZ-CCCC-DDDD": ids as typed, separated by ; , or
 * spaces; the write resolves them. */
static int
parse_members(void *rec, const char *text, struct kz_err *err)
{
	struct kz_delegation *d = rec;
	const char *p = text;

	members_clear(d);
	while (p && *p) {
		char one[64];
		size_t n;

		p += strspn(p, ";, \t");
		n = strcspn(p, ";, \t");
		if (n == 0)
			break;
		if (n >= sizeof one)
			return kz_err_add(err, "specialists", _("\"%.*s\" is "
			    "not a specialist's id"), (int)n, p);
		memcpy(one, p, n);
		one[n] = '\0';
		if (members_add(d, one))
			return kz_err_add(err, "", _("out of memory"));
		p += n;
	}
	return KZ_OK;
}

static char *
format_members(const void *rec)
{
	const struct kz_delegation *d = rec;
	struct kz_buf b = { 0 };

	for (size_t i = 0; i < d->nspecialists; i++)
		kz_buf_printf(&b, "%s%s", i ? "; " : "", d->specialists[i]);
	if (b.oom) {
		kz_buf_free(&b);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

static int
json_members(const void *rec, struct kz_buf *out)
{
	const struct kz_delegation *d = rec;

	kz_buf_puts(out, "[");
	for (size_t i = 0; i < d->nspecialists; i++) {
		if (i)
			kz_buf_puts(out, ", ");
		kz_json_str(out, d->specialists[i]);
	}
	kz_buf_puts(out, "]");
	return out->oom ? KZ_ERROR : KZ_OK;
}

#define T struct kz_delegation
static const struct kz_rfield delegation_fields[] = {
	KZ_RF_ID(T),
	KZ_RF_ENUM(T, direction, N_("direction"),
	    kz_delegation_direction_enum),
	KZ_RF_FIELD(T, who, .label = N_("delegation or visitor"), .kind = KZ_RK_TEXT,
	    .max = 200, .flags = KZ_RF_REQUIRED,
	    .hint = N_("e.g. 青森県訪問団")),
	KZ_RF_PERIOD(T),
	KZ_RF_PLACE(T),
	KZ_RF_FIELD(T, government, .label = N_("Japanese government"),
	    .kind = KZ_RK_TEXT, .max = 100, .hint = N_("e.g. 京都府, 神戸市")),
	KZ_RF_FIELD(T, purpose, .label = N_("purpose"), .kind = KZ_RK_NOTE,
	    .max = 2000, .hint = N_("Why they came or went")),
	KZ_RF_ENUM(T, status, N_("status"), kz_delegation_status_enum),
	{ .name = "specialists", .csv = "specialists",
	  .option = "specialists", .label = N_("specialists"),
	  .kind = KZ_RK_LIST, .parse = parse_members,
	  .format = format_members, .json = json_members,
	  .hint = N_("Register ids of specialists taking part, separated by "
	  "\"; \"") },
	KZ_RF_NOTES(T),
	KZ_RF_STAMPS(T, st., "created", "updated"),
};
#undef T

KZ_RTYPE(kz_delegation_type, N_("delegation"), KZ_T_DELEGATION,
    delegation_fields);

static void
delegation_rules(struct kz_db *db, const void *rec, struct kz_err *err)
{
	const struct kz_delegation *d = rec;

	for (size_t i = 0; i < d->nspecialists; i++) {
		char id[KZ_ID_SIZE];
		struct kz_err e = { 0 };

		if (kz_record_resolve(db, KZ_T_SPECIALIST, d->specialists[i],
		    id, &e) != KZ_OK)
			kz_err_add(err, "specialists", "%s", e.item[0].msg);
		for (size_t j = 0; j < i && e.n == 0; j++)
			if (strcmp(d->specialists[j], d->specialists[i]) == 0)
				kz_err_add(err, "specialists", _("%s is "
				    "named twice"), d->specialists[i]);
	}
}

/* The rows of delegation_member: the ids resolved to the register's. */
static int
delegation_write(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_delegation *d = rec;
	const char *v[2] = { d->id };

	if (kz_sql_run(db, err, "DELETE FROM delegation_member WHERE "
	    "delegation = ?", 1, v))
		return KZ_ERROR;
	for (size_t i = 0; i < d->nspecialists; i++) {
		char id[KZ_ID_SIZE];

		if (kz_record_resolve(db, KZ_T_SPECIALIST, d->specialists[i],
		    id, err))
			return KZ_ERROR;
		if (strcmp(id, d->specialists[i]) != 0) {
			char *c = strdup(id);

			if (c == NULL)
				return kz_err_add(err, "", _("out of memory"));
			free(d->specialists[i]);
			d->specialists[i] = c;
		}
		v[1] = id;
		if (kz_sql_run(db, err, "INSERT OR IGNORE INTO "
		    "delegation_member (delegation, specialist) VALUES (?, ?)",
		    2, v))
			return KZ_ERROR;
	}
	return KZ_OK;
}

static int
delegation_load(struct kz_db *db, void *rec, struct kz_err *err)
{
	struct kz_delegation *d = rec;
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT specialist FROM "
	    "delegation_member WHERE delegation = ? ORDER BY specialist");
	int rc = KZ_OK;

	if (st == NULL)
		return kz_db_fail(db, err, "delegation");
	members_clear(d);
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (members_add(d, (const char *)sqlite3_column_text(st, 0))) {
			rc = kz_err_add(err, "", _("out of memory"));
			break;
		}
	sqlite3_reset(st);
	return rc;
}

static void
delegation_free(void *rec)
{
	members_clear(rec);
}

static void
delegation_describe(const void *rec, char *out, size_t size)
{
	const struct kz_delegation *d = rec;

	snprintf(out, size, "%s, %s", d->who ? d->who : "", d->start);
}

static const char *const delegation_by[] = { "direction", "government",
	"status", NULL };

const struct kz_akind kz_akind_delegation = {
	.name = "delegation", .table = "delegation",
	.one = N_("delegation"), .many = N_("delegations"),
	.title = N_("Delegations"), .kind = KZ_T_DELEGATION,
	.rt = &kz_delegation_type, .list = &kz_rlist_delegation,
	.size = sizeof (struct kz_delegation),
	.stamps = offsetof(struct kz_delegation, st),
	.date = "start", .end = "end", .by = delegation_by,
	.rules = delegation_rules, .write = delegation_write,
	.load = delegation_load, .free = delegation_free,
	.describe = delegation_describe,
};
