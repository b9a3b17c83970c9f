/* sync_rules.c - the one table of sync rules: which tables travel, who owns their records, their stamps. */
#include "sync_rules.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define STAMPS	.stamp = "updated", .stamp_by = "updated_by"

/*
 * A new table needs a line here: tests/unit/test_sync.c fails for a table
 * of the schema that has none, and for a line that does not match its
 * table (stamp columns, a child's key). Without one it would still travel,
 * as a record of the office that made it, with no stamps and no children.
 */
const struct kz_sync_rule kz_sync_rules[] = {
	/* The specialist register belongs to head office. An office may add
	 * a specialist with its rows, but not change one that is here. */
	{ .table = "specialist", .travels = true, .owner = KZ_SYNC_OWNER_HEAD,
	  STAMPS, .indexed = true, .record = "specialist",
	  .hidden = "sort_key", .personal = "email phone address" },
	{ .table = "specialist_field", .travels = true,
	  .owner = KZ_SYNC_OWNER_HEAD, .child = true, .indexed = true,
	  .record = "specialist", .list = "fields" },
	{ .table = "specialist_lang", .travels = true,
	  .owner = KZ_SYNC_OWNER_HEAD, .child = true, .indexed = true,
	  .record = "specialist", .list = "languages" },
	{ .table = "specialist_unavail", .travels = true,
	  .owner = KZ_SYNC_OWNER_HEAD, .child = true, .indexed = true,
	  .record = "specialist", .list = "unavailable" },

	/* Every other record belongs to the office that created it. */
	{ .table = "request", .travels = true, STAMPS, .record = "request" },
	{ .table = "request_field", .travels = true, .child = true,
	  .record = "request", .list = "fields" },
	{ .table = "request_event", .travels = true },
	{ .table = "dispatch", .travels = true, STAMPS, .record = "dispatch" },
	{ .table = "dispatch_cost", .travels = true, STAMPS,
	  .record = "cost" },
	{ .table = "dispatch_event", .travels = true },
	{ .table = "seminar_series", .travels = true, STAMPS,
	  .record = "series" },
	{ .table = "seminar", .travels = true, STAMPS, .record = "seminar" },
	{ .table = "seminar_attendance", .travels = true, .child = true,
	  .record = "seminar", .list = "attendance" },
	{ .table = "programme_item", .travels = true, STAMPS,
	  .record = "item" },
	/* A record's text in other languages (tr.h), a row per field and
	 * language: the record's office owns them, after its record. */
	{ .table = "text_tr", .travels = true, .child = true },
	{ .table = "participant", .travels = true, STAMPS,
	  .record = "participant", .personal = "needs notes email phone" },
	{ .table = "trainee", .travels = true, STAMPS, .record = "trainee" },
	/* What an office does (core/activity.h): its own records. */
	{ .table = "support", .travels = true, STAMPS, .record = "support" },
	{ .table = "research", .travels = true, STAMPS, .record = "research" },
	{ .table = "promotion", .travels = true, STAMPS,
	  .record = "promotion" },
	{ .table = "jet", .travels = true, STAMPS, .record = "jet" },
	{ .table = "friendship", .travels = true, STAMPS,
	  .record = "friendship" },
	{ .table = "rep_office", .travels = true, STAMPS,
	  .record = "rep_office" },
	{ .table = "delegation", .travels = true, STAMPS,
	  .record = "delegation" },
	{ .table = "delegation_member", .travels = true, .child = true,
	  .record = "delegation", .list = "specialists" },
	/* an office's figures from before its records (opening.h) */
	{ .table = "opening", .travels = true, STAMPS, .record = "opening" },

	/* The history of every record (history_log.c): rows only ever
	 * added, each owned by the office that starts its id, the one
	 * where the change was made. The events of requests and
	 * dispatches above are their state changes, kept as they were. */
	{ .table = "record_history", .travels = true },

	/* Head office's summary of who is booked when (booking.h): it
	 * tells each office of the others' bookings. */
	{ .table = "booking", .travels = true, .owner = KZ_SYNC_OWNER_HEAD,
	  .from_head = true },

	/* Derived from the records: each database builds its own. */
	{ .table = "specialist_fts", .shadows = true },
	{ .table = "local_search_map" },
	{ .table = "trainee_fts", .shadows = true },
	{ .table = "local_trainee_dirty" },
	{ .table = "request_fts", .shadows = true },
	{ .table = "local_request_dirty" },
	{ .table = "dispatch_fts", .shadows = true },
	{ .table = "local_dispatch_dirty" },
	{ .table = "seminar_fts", .shadows = true },
	{ .table = "local_seminar_dirty" },
	{ .table = "support_fts", .shadows = true },
	{ .table = "local_support_dirty" },
	{ .table = "research_fts", .shadows = true },
	{ .table = "local_research_dirty" },
	{ .table = "promotion_fts", .shadows = true },
	{ .table = "local_promotion_dirty" },
	{ .table = "jet_fts", .shadows = true },
	{ .table = "local_jet_dirty" },
	{ .table = "friendship_fts", .shadows = true },
	{ .table = "local_friendship_dirty" },
	{ .table = "rep_office_fts", .shadows = true },
	{ .table = "local_rep_office_dirty" },
	{ .table = "delegation_fts", .shadows = true },
	{ .table = "local_delegation_dirty" },
	/* The bookkeeping of sync itself. */
	{ .table = "sync_meta" },
	{ .table = "sync_outbox" },
	{ .table = "sync_export" },
	{ .table = "sync_export_bytes" },
	{ .table = "sync_applied" },
	{ .table = "sync_conflict" },
	{ .table = "sync_home" },
	{ .table = "sync_key" },
};

const size_t kz_sync_nrules = sizeof kz_sync_rules / sizeof kz_sync_rules[0];

/* Tables the list does not name, by what their names say. */
static const struct kz_sync_rule stays = { .table = "" };
static const struct kz_sync_rule unlisted = { .table = "", .travels = true };

/* Decided by name alone, in memory: the change capture asks on every row
 * a transaction writes to a table it has not taken, FTS5's shadow tables
 * on every index write; a query of pragma_table_list per call scans the
 * schema each time, most of an import's time. */
const struct kz_sync_rule *
kz_sync_rule_of(const char *table)
{
	for (size_t i = 0; i < kz_sync_nrules; i++)
		if (strcasecmp(kz_sync_rules[i].table, table) == 0)
			return &kz_sync_rules[i];
	for (size_t i = 0; i < kz_sync_nrules; i++) {
		size_t n = strlen(kz_sync_rules[i].table);

		if (kz_sync_rules[i].shadows &&
		    strncasecmp(kz_sync_rules[i].table, table, n) == 0 &&
		    table[n] == '_')
			return &stays;
	}
	/* SQLite's names ignore case: so do these */
	if (strncasecmp(table, "sqlite_", 7) == 0 ||
	    strncasecmp(table, "sync_", 5) == 0 ||
	    strncasecmp(table, "local_", 6) == 0)
		return &stays;
	return &unlisted;
}

bool
kz_sync_rule_travels(const char *table)
{
	return kz_sync_rule_of(table)->travels;
}

void
kz_sync_rule_owner(const struct kz_sync_rule *r, const char *record,
    char *out, size_t size)
{
	if (r->owner == KZ_SYNC_OWNER_HEAD)
		snprintf(out, size, "head");
	else
		snprintf(out, size, "%.*s", (int)strcspn(record, "-"), record);
}

bool
kz_sync_rule_sends(const struct kz_sync_rule *r, bool head)
{
	return r->travels && (head || !r->from_head);
}

bool
kz_sync_rule_is_stamp(const struct kz_sync_rule *r, const char *col)
{
	return r->stamp != NULL && (strcmp(col, r->stamp) == 0 ||
	    strcmp(col, r->stamp_by) == 0);
}

bool
kz_sync_rule_lists(const char *list, const char *column)
{
	size_t n = strlen(column);

	for (const char *p = list; p && *p;) {
		size_t w = strcspn(p, " ");

		if (w == n && strncmp(p, column, n) == 0)
			return true;
		p += w;
		p += strspn(p, " ");
	}
	return false;
}
