/* cost.c - the cost ledger of a dispatch: who pays what, estimated and actual. */
#include "cost.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "text.h"

/* The council's rule of who pays, the one place it is written: the
 * council (head office) pays international travel, accident compensation
 * and travel incidentals, in yen; the host pays travel inside its
 * country, interpreting, lodging and meals, in its own currency. The
 * default of dispatch.costs (core/config_schema.c, config/default.yaml)
 * says the same, and tests/unit/test_cost_type.c checks that it does. */
const struct kz_cost_rule kz_cost_rule[] = {
	{ "international_travel", N_("international travel"), KZ_PAYER_HEAD,
	  "JPY" },
	{ "accident_compensation", N_("accident compensation"), KZ_PAYER_HEAD,
	  "JPY" },
	{ "incidentals", N_("travel incidentals"), KZ_PAYER_HEAD, "JPY" },
	{ "domestic_travel", N_("travel inside the country"), KZ_PAYER_HOST,
	  NULL },
	{ "interpreting", N_("interpreting"), KZ_PAYER_HOST, NULL },
	{ "lodging", N_("lodging"), KZ_PAYER_HOST, NULL },
	{ "meals", N_("meals"), KZ_PAYER_HOST, NULL },
	{ NULL, NULL, 0, NULL },
};

/* A line of the ledger as a record table. The payer -1 ("the category's
 * usual one") is resolved by kz_cost_set before the table's checks; the
 * rows are written by the table's statements (kz_rtype_insert and
 * kz_rtype_update_if). */
#define S(m) offsetof(struct kz_cost_line, m)
static const struct kz_rfield cost_fields[] = {
	{ .name = "id", .column = "id", .label = N_("id"), .kind = KZ_RK_ID,
	  .off = S(id), .size = KZ_ID_SIZE },
	{ .name = "dispatch", .column = "dispatch", .label = N_("dispatch"),
	  .kind = KZ_RK_REF, .off = S(dispatch), .size = KZ_ID_SIZE,
	  .ref = KZ_T_DISPATCH, .flags = KZ_RF_REQUIRED },
	{ .name = "category", .column = "category", .csv = "category",
	  .option = "category", .label = N_("category"),
	  .hint = N_("the cost line to set"), .kind = KZ_RK_TEXT,
	  .off = S(category), .max = 32, .flags = KZ_RF_REQUIRED,
	  .codes = KZ_CODES_COST },
	{ .name = "payer", .column = "payer", .csv = "payer",
	  .option = "payer", .label = N_("payer"),
	  .hint = N_("who pays it (with --category)"), .kind = KZ_RK_ENUM,
	  .off = S(payer), .values = &kz_payer_enum },
	{ .name = "currency", .column = "currency", .csv = "currency",
	  .option = "currency", .label = N_("currency"),
	  .hint = N_("its currency, ISO 4217 (with --category)"),
	  .kind = KZ_RK_CURRENCY, .off = S(currency), .size = 4 },
	{ .name = "estimate", .column = "estimate", .csv = "estimate",
	  .option = "estimate", .label = N_("estimate"),
	  .hint = N_("the amount estimated (with --category)"),
	  .kind = KZ_RK_MONEY, .off = S(estimate), .cur = S(currency),
	  .has = S(has_estimate), .flags = KZ_RF_HAS },
	{ .name = "actual", .column = "actual", .csv = "actual",
	  .option = "actual", .label = N_("actual"),
	  .hint = N_("the amount spent (with --category)"),
	  .kind = KZ_RK_MONEY, .off = S(actual), .cur = S(currency),
	  .has = S(has_actual), .flags = KZ_RF_HAS },
	{ .name = "note", .column = "note", .csv = "note", .option = "note",
	  .label = N_("note"), .hint = N_("a note on the line (with "
	  "--category)"), .kind = KZ_RK_NOTE, .off = S(note), .max = 300 },
	/* kz_cost_set keeps these: no option, no CSV header */
	{ .name = "pos", .column = "pos", .label = N_("position"),
	  .kind = KZ_RK_INT, .off = S(pos), .min = 0, .max = INT_MAX },
	{ .name = "updated", .column = "updated", .label = N_("updated"),
	  .kind = KZ_RK_STAMP, .off = S(updated), .size = 32 },
	{ .name = "updated_by", .column = "updated_by",
	  .label = N_("updated by"), .kind = KZ_RK_USER, .off = S(updated_by) },
};
#undef S

static struct kz_rtype_sql cost_sql;
const struct kz_rtype kz_cost_type = { N_("cost line"), KZ_T_COST,
	cost_fields, KZ_NFIELDS(cost_fields), &cost_sql };

const struct kz_cost_rule *
kz_cost_rule_of(const char *category)
{
	for (const struct kz_cost_rule *r = kz_cost_rule; category && r->code;
	    r++)
		if (strcmp(category, r->code) == 0)
			return r;
	return NULL;
}

/* Who pays, once: the configuration's dispatch.costs reads the same
 * keywords (core/config_schema.c). */
const char *const kz_payer_keywords[] = { "head", "host", NULL };
static const char *const payer_labels[] = { N_("head office"), N_("host"),
	NULL };
const struct kz_enum kz_payer_enum = { "payer", kz_payer_keywords,
	payer_labels };

const char *
kz_cost_category_name(const char *code)
{
	const struct kz_cost_rule *r = kz_cost_rule_of(code);

	return r ? _(r->name) : code ? code : "";
}

static bool
cat_is(size_t i, const void *typed)
{
	return kz_text_same(typed, _(kz_cost_rule[i].name));
}

const char *
kz_cost_category_code(const struct kz_config *cfg, const char *typed)
{
	size_t n = 0;
	long at;

	if (typed == NULL || *typed == '\0')
		return typed;
	for (const struct kz_cost_rule *r = kz_cost_rule; r->code; r++, n++)
		if (kz_text_same(typed, r->code) || kz_text_same(typed, r->name))
			return r->code;
	for (size_t i = 0; cfg && i < cfg->ncosts; i++)
		if (kz_text_same(typed, cfg->costs[i].category))
			return cfg->costs[i].category;
	if ((at = kz_i18n_find(n, cat_is, typed)) >= 0)
		return kz_cost_rule[at].code;
	return typed;
}

const char *
kz_payer_keyword(enum kz_payer p)
{
	return kz_enum_keyword(&kz_payer_enum, (int)p);
}

const char *
kz_payer_name(enum kz_payer p)
{
	return kz_enum_label(&kz_payer_enum, (int)p);
}

int
kz_payer_parse(const char *s)
{
	return kz_enum_parse(&kz_payer_enum, s);
}

const struct kz_cost_default *
kz_cost_default_of(const struct kz_config *cfg, const char *category)
{
	for (size_t i = 0; cfg && category && i < cfg->ncosts; i++)
		if (strcmp(cfg->costs[i].category, category) == 0)
			return &cfg->costs[i];
	return NULL;
}

/* The currency a line takes when none is given. */
static const char *
usual_currency(const struct kz_cost_default *def, int payer,
    const char *country)
{
	if (def && def->currency)
		return def->currency;
	return payer == KZ_PAYER_HOST ? kz_country_currency(country) : "JPY";
}

static int
host_country(struct kz_db *db, const char *dispatch, char out[3])
{
	sqlite3_stmt *st;

	out[0] = '\0';
	/* kept prepared (kz_db_stmt): asked for every line set, and
	 * preparing a join cost more than running it */
	if ((st = kz_db_stmt(db, "SELECT r.country FROM dispatch d JOIN "
	    "request r ON r.id = d.request WHERE d.id = ?")) == NULL)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return KZ_ERROR;
	}
	kz_col_copy(st, 0, out, 3);
	sqlite3_reset(st);
	return KZ_OK;
}

/* Insert l, a new line, at pos, stamped now by the user of db. */
static int
insert_line(struct kz_db *db, struct kz_cost_line *l, struct kz_err *err)
{
	const char *user = kz_record_user(db);
	char *callers = l->updated_by;
	int rc;

	kz_now_utc(l->updated);
	l->updated_by = NULL;
	if (user && *user && (l->updated_by = strdup(user)) == NULL) {
		l->updated_by = callers;
		return kz_err_add(err, "", _("out of memory"));
	}
	rc = kz_rtype_insert(db, &kz_cost_type, l, err);
	free(l->updated_by);
	l->updated_by = callers;
	return rc;
}

int
kz_cost_seed(struct kz_db *db, const char *dispatch, const char *country,
    struct kz_err *err)
{
	for (size_t i = 0; db->cfg && i < db->cfg->ncosts; i++) {
		const struct kz_cost_default *def = &db->cfg->costs[i];
		struct kz_cost_line l;

		memset(&l, 0, sizeof l);
		if (kz_record_assign_id(db, KZ_T_COST, l.id, err))
			return KZ_ERROR;
		snprintf(l.dispatch, sizeof l.dispatch, "%s", dispatch);
		l.category = def->category;
		l.payer = def->payer;
		snprintf(l.currency, sizeof l.currency, "%s",
		    usual_currency(def, def->payer, country));
		l.pos = (int)i;
		if (insert_line(db, &l, err))
			return KZ_ERROR;
	}
	return KZ_OK;
}

/* The line of category in dispatch: its id, place and stamp, found; or
 * the place after the last, not found. */
static int
existing(struct kz_db *db, const char *dispatch, const char *category,
    char id[KZ_ID_SIZE], int *pos, char updated[32])
{
	sqlite3_stmt *st;
	int found = 0;

	*pos = 0;
	if ((st = kz_db_stmt(db, "SELECT id, pos, updated FROM "
	    "dispatch_cost WHERE dispatch = ? AND category = ?")) == NULL)
		return 0;
	sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, category, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
		*pos = sqlite3_column_int(st, 1);
		kz_col_copy(st, 2, updated, 32);
		found = 1;
	}
	sqlite3_reset(st);
	if (!found && (st = kz_db_stmt(db, "SELECT ifnull(max(pos), -1) + 1 "
	    "FROM dispatch_cost WHERE dispatch = ?")) != NULL) {
		sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			*pos = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
	}
	return found;
}

static bool
category_ok(const char *c)
{
	size_t i;

	for (i = 0; c[i]; i++)
		if (!((c[i] >= 'a' && c[i] <= 'z') || (i > 0 && ((c[i] >= '0' &&
		    c[i] <= '9') || c[i] == '_'))))
			return false;
	return i > 0 && i <= 32;
}

/* Move the problems of e into err under field[category], the line they
 * concern, leaving out a field that already has one of the rule's. */
static void
under_line(struct kz_err *err, int from, const struct kz_err *e,
    const char *category)
{
	char where[96];

	for (int i = 0; i < e->n; i++) {
		bool said = false;

		snprintf(where, sizeof where, "%s[%s]", e->item[i].where,
		    category);
		for (int k = from; k < err->n; k++)
			said |= strcmp(err->item[k].where, where) == 0;
		if (!said)
			kz_err_add(err, where, "%s", e->item[i].msg);
	}
}

/* The rule's checks, then the table's; inside the caller's transaction. */
static int
cost_write(struct kz_db *db, struct kz_cost_line *l, struct kz_err *err)
{
	const struct kz_cost_default *def;
	char country[3], did[KZ_ID_SIZE], had[32] = "";
	struct kz_err e = { 0 };
	int before = err->n, dropped = err->dropped, pos, rc;
	bool found;

	if (kz_record_resolve(db, KZ_T_DISPATCH, l->dispatch, did, err))
		return KZ_ERROR;
	memcpy(l->dispatch, did, sizeof did);
	if (l->category == NULL || !category_ok(l->category))
		return kz_err_add(err, "category", _("a cost category is 1 to "
		    "32 lower-case letters, digits and _, such as lodging, not "
		    "\"%s\""), l->category ? l->category : "");
	def = kz_cost_default_of(db->cfg, l->category);
	host_country(db, l->dispatch, country);
	if (l->payer < 0) {
		if (def == NULL)
			kz_err_add(&e, "payer", _("\"%s\" is not a usual "
			    "category (dispatch.costs): say who pays it, head or "
			    "host"), l->category);
		else
			l->payer = def->payer;
	} else if (def && def->payer != l->payer && l->payer <
	    kz_enum_count(&kz_payer_enum) && (l->note == NULL ||
	    *l->note == '\0'))
		kz_err_add(&e, "payer", _("%s is paid by the %s under the "
		    "rule (dispatch.costs): give a note saying why the %s pays "
		    "it"), kz_cost_category_name(l->category),
		    kz_payer_name((enum kz_payer)def->payer),
		    kz_payer_name((enum kz_payer)l->payer));
	if (l->currency[0] == '\0' && l->payer >= 0)
		snprintf(l->currency, sizeof l->currency, "%s",
		    usual_currency(def, l->payer, country));
	found = existing(db, l->dispatch, l->category, l->id, &pos, had);
	if (!found)
		l->id[0] = '\0';	/* a new line gets a new id */
	l->pos = pos;
	under_line(err, before, &e, l->category);
	/* the table's checks, kind by kind, under the same places */
	e.n = e.dropped = 0;
	kz_rtype_check(&kz_cost_type, db, l, &e);
	under_line(err, before, &e, l->category);
	if (e.dropped || err->n > before || err->dropped > dropped)
		return KZ_ERROR;
	if (!found) {
		if (kz_record_assign_id(db, KZ_T_COST, l->id, err))
			return KZ_ERROR;
		return insert_line(db, l, err);
	}
	/* a change: only over the stamp the caller read, when it read one */
	{
		struct kz_cost_line w = *l;
		const char *user = kz_record_user(db);

		w.updated_by = NULL;
		memcpy(w.updated, had, sizeof w.updated);
		kz_stamp_next(w.updated);
		if (user && *user && (w.updated_by = strdup(user)) == NULL)
			return kz_err_add(err, "", _("out of memory"));
		rc = kz_rtype_update_if(db, &kz_cost_type, &w, l->updated, err);
		free(w.updated_by);
		if (rc == KZ_OK)
			memcpy(l->updated, w.updated, sizeof l->updated);
	}
	return rc;
}

int
kz_cost_set(struct kz_db *db, struct kz_cost_line *l, struct kz_err *err)
{
	const char *code = kz_cost_category_code(db->cfg, l->category);
	char *typed = l->category;
	int rc;

	/* a category by its name, in any language kizuna speaks, is
	 * written as its code; the caller's line keeps what it holds */
	if (code && typed && strcmp(code, typed) != 0)
		l->category = (char *)code;
	if (kz_db_begin(db, err)) {
		l->category = typed;
		return KZ_ERROR;
	}
	rc = kz_db_end(db, cost_write(db, l, err), err);
	l->category = typed;
	return rc;
}

void
kz_cost_usual_currency(struct kz_db *db, const char *dispatch,
    const char *category, int payer, char out[4])
{
	const struct kz_cost_default *def = kz_cost_default_of(db->cfg,
	    category);
	char country[3];

	out[0] = '\0';
	if (payer < 0 && def)
		payer = def->payer;
	if (payer < 0)
		return;
	host_country(db, dispatch, country);
	snprintf(out, 4, "%s", usual_currency(def, payer, country));
}

int
kz_cost_remove(struct kz_db *db, const char *dispatch, const char *category,
    struct kz_err *err)
{
	char did[KZ_ID_SIZE], id[KZ_ID_SIZE];
	const char *v[2];
	char had[32];
	int pos;

	if (kz_record_resolve(db, KZ_T_DISPATCH, dispatch, did, err))
		return KZ_ERROR;
	if (!existing(db, did, category, id, &pos, had))
		return kz_err_add(err, "category", _("dispatch %s has no cost "
		    "line \"%s\""), did, category);
	v[0] = did;
	v[1] = category;
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (kz_sql_run(db, err, "DELETE FROM dispatch_cost WHERE dispatch = ? "
	    "AND category = ?", 2, v)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
}

int
kz_cost_get(struct kz_db *db, const char *id, struct kz_cost_line *l,
    struct kz_err *err)
{
	memset(l, 0, sizeof *l);
	return kz_rtype_read(db, &kz_cost_type, id, l, err);
}

int
kz_cost_delete(struct kz_db *db, const char *id, struct kz_err *err)
{
	struct kz_cost_line l;
	int rc;

	if (kz_cost_get(db, id, &l, err))
		return KZ_ERROR;
	rc = kz_cost_remove(db, l.dispatch, l.category, err);
	kz_cost_line_free(&l);
	return rc;
}

void
kz_cost_line_free(struct kz_cost_line *l)
{
	free(l->category);
	free(l->note);
	free(l->updated_by);
	l->category = l->note = l->updated_by = NULL;
}

void
kz_cost_ledger_free(struct kz_cost_ledger *l)
{
	for (size_t i = 0; i < l->n; i++)
		kz_cost_line_free(&l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->n = 0;
}

int
kz_cost_load(struct kz_db *db, const char *dispatch,
    struct kz_cost_ledger *out, struct kz_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	out->lines = NULL;
	out->n = 0;
	struct kz_buf q = { 0 };
	int rc;

	kz_buf_printf(&q, "SELECT %s FROM dispatch_cost WHERE dispatch = ? "
	    "ORDER BY payer, pos, category", kz_rtype_columns(&kz_cost_type));
	if (q.oom)
		return kz_err_add(err, "", _("out of memory"));
	rc = sqlite3_prepare_v2(db->sql, q.s, -1, &st, NULL);
	kz_buf_free(&q);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, err, "costs");
	sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (out->n == cap) {
			struct kz_cost_line *p;

			cap = cap ? cap * 2 : 8;
			if ((p = realloc(out->lines, cap * sizeof *p)) == NULL) {
				sqlite3_finalize(st);
				kz_cost_ledger_free(out);
				return kz_err_add(err, "", _("out of memory"));
			}
			out->lines = p;
		}
		struct kz_cost_line *l = &out->lines[out->n++];
		memset(l, 0, sizeof *l);
		if (kz_rtype_row(&kz_cost_type, st, 0, l)) {
			sqlite3_finalize(st);
			kz_cost_ledger_free(out);
			return kz_err_add(err, "", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return KZ_OK;
}

int
kz_cost_totals(const struct kz_cost_ledger *l, struct kz_cost_total **out,
    size_t *n)
{
	struct kz_cost_total *t = calloc(l->n + 1, sizeof *t);

	*out = t;
	*n = 0;
	if (t == NULL)
		return KZ_ERROR;
	for (int payer = KZ_PAYER_HEAD; payer <= KZ_PAYER_HOST; payer++)
		for (size_t i = 0; i < l->n; i++) {
			const struct kz_cost_line *c = &l->lines[i];
			size_t k;

			if (c->payer != payer)
				continue;
			for (k = 0; k < *n; k++)
				if (t[k].payer == (enum kz_payer)payer &&
				    strcmp(t[k].currency, c->currency) == 0)
					break;
			if (k == *n) {
				t[k].payer = (enum kz_payer)payer;
				memcpy(t[k].currency, c->currency,
				    sizeof t[k].currency);
				(*n)++;
			}
			t[k].estimate += c->has_estimate ? c->estimate : 0;
			t[k].actual += c->has_actual ? c->actual : 0;
			t[k].lines++;
		}
	return KZ_OK;
}

int
kz_cost_line_set(struct kz_cost_line *l, const char *field, const char *text,
    struct kz_err *err)
{
	const struct kz_rfield *f = kz_rtype_field(&kz_cost_type, field);
	struct kz_err e = { 0 };
	char where[96];

	if (f == NULL)
		return kz_err_add(err, field, _("a cost line has no %s"), field);
	if (kz_rfield_set(f, l, text ? text : "", &e) == KZ_OK && e.n == 0)
		return KZ_OK;
	/* the line it concerns: a ledger has a line per category */
	snprintf(where, sizeof where, "%s[%s]", f->name,
	    l->category ? l->category : "");
	for (int i = 0; i < e.n; i++)
		kz_err_add(err, where, "%s", e.item[i].msg);
	return KZ_ERROR;
}
