/* sync_rules.h - which tables travel between offices, who owns their records, where their audit stamps are. */
#ifndef KZ_SYNC_RULES_H
#define KZ_SYNC_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Who may change a record of a table; another office's change to it is
 * kept aside as a conflict. */
enum kz_sync_owner {
	KZ_SYNC_OWNER_OFFICE,	/* the office whose code starts the record's id */
	KZ_SYNC_OWNER_HEAD,	/* head office: the specialist register */
};

struct kz_sync_rule {
	const char		*table;
	bool			 travels;	/* captured, exported, applied */
	enum kz_sync_owner	 owner;
	/* Rows keyed by another record's id (the first key column), such as a
	 * specialist's fields: they come and go with that record. */
	bool			 child;
	/* The audit stamp: time of the last edit and its author, or NULL.
	 * Stamps never clash: the later edit's stand. */
	const char		*stamp;
	const char		*stamp_by;
	/* The record is in the full-text index: re-index it after a change. */
	bool			 indexed;
	/* Head office's word only (the bookings of every office): sent from
	 * head office to the offices, never back; an office's change to it
	 * is neither exported nor applied. */
	bool			 from_head;
	/* A full-text index: FTS5 keeps it in tables named after it
	 * ("specialist_fts_data"), derived as it is. */
	bool			 shadows;
	/* The record history (history_log.c): the kind of record a row of
	 * the table is ("specialist"), or NULL when its changes are not
	 * recorded; for a child table, the field its rows count as
	 * ("languages"). */
	const char		*record;
	const char		*list;
	/* Columns the history leaves out or keeps quiet about, space
	 * separated: "hidden" ones core makes from others (a sort key),
	 * "personal" ones that travel to head office only, so the history,
	 * which goes to every office, says they changed, not to what.
	 * test_history checks them against the record tables' flags
	 * (KZ_RF_DERIVED, KZ_RF_PERSONAL). */
	const char		*hidden;
	const char		*personal;
};

/* Every table of the schema, one rule each; the unit tests check the
 * list against a new database. */
extern const struct kz_sync_rule kz_sync_rules[];
extern const size_t kz_sync_nrules;

/* The rule of a table. One the list does not name has a rule by its
 * name: SQLite's own (sqlite_*), a full-text index's, bookkeeping
 * (sync_*) and derived (local_*) tables stay; any other travels, owned by
 * the office that starts its ids. Never NULL. */
const struct kz_sync_rule *kz_sync_rule_of(const char *table);
/* Is column a word of the rule's list (hidden or personal)? */
bool kz_sync_rule_lists(const char *list, const char *column);
/* Do the changes of this table travel? */
bool kz_sync_rule_travels(const char *table);
/* The owner of record (the id a change's first key column holds) under
 * rule r: "head", or the office code that starts the id. */
void kz_sync_rule_owner(const struct kz_sync_rule *r, const char *record,
    char *out, size_t size);
/* Does a database of this role send the table's changes? (A table from
 * head office only is not sent by an office.) */
bool kz_sync_rule_sends(const struct kz_sync_rule *r, bool head);
/* Is column col one of the rule's audit stamp columns? */
bool kz_sync_rule_is_stamp(const struct kz_sync_rule *r, const char *col);

#endif
