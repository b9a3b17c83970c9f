/* history.c - reading the history of a record: who changed what, when, including deletions. */
#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_records.h"
#include "cost.h"
#include "dispatch.h"
#include "i18n.h"
#include "opening.h"
#include "participant.h"
#include "programme.h"
#include "record.h"
#include "request.h"
#include "rtype.h"
#include "seminar.h"
#include "specialist.h"
#include "trainee.h"

void
kz_history_free(struct kz_history *h)
{
	for (size_t i = 0; i < h->n; i++) {
		struct kz_hentry *e = &h->e[i];

		for (size_t j = 0; j < e->nc; j++) {
			free(e->c[j].field);
			free(e->c[j].old);
			free(e->c[j].new);
		}
		free(e->c);
		free(e->id);
		free(e->user);
	}
	free(h->e);
	h->e = NULL;
	h->n = 0;
}

/* The fields of a change, from its JSON array, by SQLite's json_each. */
static int
load_changes(struct kz_db *db, struct kz_hentry *e, const char *json)
{
	static const char sql[] = "SELECT json_extract(value, '$.field'), "
	    "json_extract(value, '$.old'), json_extract(value, '$.new') "
	    "FROM json_each(?1) ORDER BY key";
	sqlite3_stmt *st = kz_db_stmt(db, sql);
	int rc = SQLITE_DONE;

	if (st == NULL)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_hchange *c;

		if ((c = kz_grow(e->c, e->nc, sizeof *c)) == NULL)
			break;
		e->c = c;
		c = &e->c[e->nc++];
		c->field = kz_col_dup(st, 0);
		c->old = kz_col_dup(st, 1);
		c->new = kz_col_dup(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : KZ_ERROR;
}

int
kz_history_load(struct kz_db *db, const char *record, size_t limit,
    struct kz_history *out, struct kz_err *err)
{
	static const char sql[] = "SELECT id, record, kind, at, user, action, "
	    "changes FROM record_history WHERE record = ?1 "
	    "ORDER BY at DESC, rowid DESC LIMIT ?2";
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	out->e = NULL;
	out->n = 0;
	if ((st = kz_db_stmt(db, sql)) == NULL)
		return kz_err_add(err, "", _("database: %s"),
		    sqlite3_errmsg(db->sql));
	sqlite3_bind_text(st, 1, record, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_hentry *e = kz_grow(out->e, out->n, sizeof *e);

		if (e == NULL)
			break;
		out->e = e;
		e = &out->e[out->n++];
		memset(e, 0, sizeof *e);
		e->id = kz_col_dup(st, 0);
		kz_col_copy(st, 1, e->record, sizeof e->record);
		kz_col_copy(st, 2, e->kind, sizeof e->kind);
		kz_col_copy(st, 3, e->at, sizeof e->at);
		e->user = kz_col_dup(st, 4);
		kz_col_copy(st, 5, e->action, sizeof e->action);
	}
	if (rc != SQLITE_DONE) {
		kz_err_add(err, "", _("database: %s"), sqlite3_errmsg(db->sql));
		sqlite3_reset(st);
		kz_history_free(out);
		return KZ_ERROR;
	}
	sqlite3_reset(st);
	/* the changes, now the rows are read (one statement at a time) */
	for (size_t i = 0; i < out->n; i++) {
		sqlite3_stmt *c = kz_db_stmt(db, "SELECT changes FROM "
		    "record_history WHERE id = ?1");
		char *json = NULL;

		if (c == NULL)
			break;
		sqlite3_bind_text(c, 1, out->e[i].id, -1, SQLITE_STATIC);
		if (sqlite3_step(c) == SQLITE_ROW)
			json = kz_col_dup(c, 0);
		sqlite3_reset(c);
		if (json && load_changes(db, &out->e[i], json) != KZ_OK) {
			free(json);
			kz_history_free(out);
			return kz_err_add(err, "", _("database: %s"),
			    sqlite3_errmsg(db->sql));
		}
		free(json);
	}
	return KZ_OK;
}

/* The record types a history id may name, tried in turn. */
static const enum kz_table kinds[] = { KZ_T_SPECIALIST, KZ_T_REQUEST,
    KZ_T_DISPATCH, KZ_T_COST, KZ_T_SERIES, KZ_T_SEMINAR, KZ_T_ITEM,
    KZ_T_PARTICIPANT, KZ_T_TRAINEE, KZ_T_SUPPORT, KZ_T_RESEARCH,
    KZ_T_PROMOTION, KZ_T_JET, KZ_T_FRIENDSHIP, KZ_T_REP_OFFICE,
    KZ_T_DELEGATION };

int
kz_history_resolve(struct kz_db *db, const char *typed, char id[KZ_ID_SIZE],
    struct kz_err *err)
{
	sqlite3_stmt *st;
	char key[32];
	size_t n = 0;
	int found = 0;

	if (typed == NULL || *typed == '\0')
		return kz_err_add(err, "id", "%s", _("no id given"));
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		struct kz_err quiet = { 0 };
		int rc = kz_record_resolve(db, kinds[i], typed, id, &quiet);

		kz_err_clear(&quiet);
		if (rc == KZ_OK)
			return KZ_OK;
	}
	/* a deleted record: its history names it */
	for (const char *p = typed; *p && n + 1 < sizeof key; p++)
		if (*p != '-' && *p != ' ')
			key[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	key[n] = '\0';
	st = kz_db_stmt(db, "SELECT DISTINCT record FROM record_history WHERE "
	    "replace(record, '-', '') GLOB ?1 || '*' OR "
	    "replace(substr(record, instr(record, '-') + 1), '-', '') "
	    "GLOB ?1 || '*' LIMIT 2");
	if (n >= 3 && strpbrk(key, "*?[]") == NULL && st != NULL) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (found++ == 0)
				kz_col_copy(st, 0, id, KZ_ID_SIZE);
		}
		sqlite3_reset(st);
	}
	if (found == 1)
		return KZ_OK;
	if (found > 1)
		return kz_err_add(err, "id", _("\"%s\" matches more than one "
		    "record: give more of the id"), typed);
	return kz_err_add(err, "id", _("no record %s, now or in the "
	    "history"), typed);
}

const char *
kz_history_action_name(const char *action)
{
	if (strcmp(action, "add") == 0)
		return _("added");
	if (strcmp(action, "delete") == 0)
		return _("deleted");
	return _("edited");
}

/* What a history row's kind names: its word and its record table. */
static const struct hkind {
	const char *kind, *name;
	const struct kz_rtype *rt;
} hkinds[] = {
	{ "specialist", N_("specialist"), &kz_specialist_type },
	{ "request", N_("request"), &kz_request_type },
	{ "dispatch", N_("dispatch"), &kz_dispatch_type },
	{ "cost", N_("cost line"), &kz_cost_type },
	{ "series", N_("seminar series"), &kz_series_type },
	{ "seminar", N_("seminar edition"), &kz_seminar_type },
	{ "item", N_("programme item"), &kz_programme_item_type },
	{ "participant", N_("participant"), &kz_participant_type },
	{ "trainee", N_("trainee placement"), &kz_trainee_type },
	{ "support", N_("support case"), &kz_support_type },
	{ "research", N_("research project"), &kz_research_type },
	{ "promotion", N_("promotion event"), &kz_promotion_type },
	{ "jet", N_("JET line"), &kz_jet_type },
	{ "friendship", N_("friendship link"), &kz_friendship_type },
	{ "rep_office", N_("representative office"), &kz_rep_office_type },
	{ "delegation", N_("delegation"), &kz_delegation_type },
	{ "opening", N_("opening figure"), &kz_opening_type },
};

static const struct hkind *
hkind_of(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof hkinds / sizeof hkinds[0]; i++)
		if (strcmp(hkinds[i].kind, kind) == 0)
			return &hkinds[i];
	return NULL;
}

const char *
kz_history_kind_name(const char *kind)
{
	const struct hkind *k = hkind_of(kind);

	return k ? _(k->name) : kind;
}

const struct kz_rtype *
kz_history_rtype(const char *kind)
{
	const struct hkind *k = hkind_of(kind);

	return k ? k->rt : NULL;
}

const char *
kz_history_field_name(const char *kind, const char *field)
{
	const struct kz_rtype *rt = kz_history_rtype(kind);
	const struct kz_rfield *f = rt && field ? kz_rtype_field(rt, field) :
	    NULL;

	return f && f->label ? _(f->label) : field ? field : "";
}

char *
kz_history_value(const char *kind, const char *field, const char *value,
    const struct kz_config *cfg)
{
	const struct kz_rtype *rt = kz_history_rtype(kind);
	const struct kz_rfield *f = rt && field ? kz_rtype_field(rt, field) :
	    NULL;

	if (f == NULL)
		return strdup(value ? value : "");
	return kz_rfield_shown_text(f, value, cfg);
}
