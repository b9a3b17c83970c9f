/* cost.c - the cost ledger of a dispatch: who pays what, estimated and actual. */
#include "cost.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"

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
 * usual one") is resolved by kz_cost_set before the table's checks. */
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
	  .off = S(category), .max = 32, .flags = KZ_RF_REQUIRED },
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
	if (sqlite3_prepare_v2(db->sql, "SELECT r.country FROM dispatch d JOIN "
	    "request r ON r.id = d.request WHERE d.id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return KZ_ERROR;
	sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return KZ_ERROR;
	}
	kz_col_copy(st, 0, out, 3);
	sqlite3_finalize(st);
	return KZ_OK;
}

static int
write_line(struct kz_db *db, const struct kz_cost_line *l, int pos,
    struct kz_err *err)
{
	char est[32], act[32], p[16], now[32];
	const char *v[11];

	kz_now_utc(now);
	snprintf(est, sizeof est, "%lld", l->estimate);
	snprintf(act, sizeof act, "%lld", l->actual);
	snprintf(p, sizeof p, "%d", pos);
	v[0] = l->id;
	v[1] = l->dispatch;
	v[2] = l->category;
	v[3] = kz_payer_keyword((enum kz_payer)l->payer);
	v[4] = l->currency;
	v[5] = l->has_estimate ? est : NULL;
	v[6] = l->has_actual ? act : NULL;
	v[7] = l->note;
	v[8] = p;
	v[9] = now;
	v[10] = kz_record_user(db);
	/* The line of a category is one row: a change keeps its id. */
	return kz_sql_run(db, err, "INSERT INTO dispatch_cost (id, dispatch, "
	    "category, payer, currency, estimate, actual, note, pos, updated, "
	    "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS INTEGER), "
	    "CAST(?7 AS INTEGER), ?8, CAST(?9 AS INTEGER), ?10, ?11) "
	    "ON CONFLICT (dispatch, category) DO UPDATE SET payer = ?4, "
	    "currency = ?5, estimate = CAST(?6 AS INTEGER), "
	    "actual = CAST(?7 AS INTEGER), note = ?8, updated = ?10, "
	    "updated_by = ?11", 11, v);
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
		if (write_line(db, &l, (int)i, err))
			return KZ_ERROR;
	}
	return KZ_OK;
}

static int
existing(struct kz_db *db, const char *dispatch, const char *category,
    char id[KZ_ID_SIZE], int *pos)
{
	sqlite3_stmt *st;
	int found = 0;

	*pos = 0;
	if (sqlite3_prepare_v2(db->sql, "SELECT id, pos FROM dispatch_cost "
	    "WHERE dispatch = ? AND category = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, category, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kz_col_copy(st, 0, id, KZ_ID_SIZE);
		*pos = sqlite3_column_int(st, 1);
		found = 1;
	}
	sqlite3_finalize(st);
	if (!found && sqlite3_prepare_v2(db->sql, "SELECT ifnull(max(pos), -1) "
	    "+ 1 FROM dispatch_cost WHERE dispatch = ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(st, 1, dispatch, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			*pos = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
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

int
kz_cost_set(struct kz_db *db, struct kz_cost_line *l, struct kz_err *err)
{
	const struct kz_cost_default *def;
	char country[3], did[KZ_ID_SIZE];
	int before = err->n + err->dropped, pos;

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
			kz_err_add(err, "payer", _("\"%s\" is not a usual "
			    "category (dispatch.costs): say who pays it, head or "
			    "host"), l->category);
		else
			l->payer = def->payer;
	} else if (l->payer != KZ_PAYER_HEAD && l->payer != KZ_PAYER_HOST)
		kz_err_add(err, "payer", _("the payer must be head or host"));
	else if (def && def->payer != l->payer && (l->note == NULL ||
	    *l->note == '\0'))
		kz_err_add(err, "payer", _("%s is paid by the %s under the "
		    "rule (dispatch.costs): give a note saying why the %s pays "
		    "it"), kz_cost_category_name(l->category),
		    kz_payer_name((enum kz_payer)def->payer),
		    kz_payer_name((enum kz_payer)l->payer));
	if (l->currency[0] == '\0' && l->payer >= 0)
		snprintf(l->currency, sizeof l->currency, "%s",
		    usual_currency(def, l->payer, country));
	if (kz_currency_decimals(l->currency) < 0)
		kz_err_add(err, "currency", _("\"%s\" is not an ISO 4217 "
		    "currency code such as JPY or CNY"), l->currency);
	if ((l->has_estimate && (l->estimate < 0 ||
	    l->estimate > KZ_MONEY_MAX)) || (l->has_actual && (l->actual < 0 ||
	    l->actual > KZ_MONEY_MAX)))
		kz_err_add(err, "estimate", _("amounts must be from 0 to a "
		    "sensible maximum"));
	kz_check_text(err, "note", _("note"), l->note, 300, 0);
	if (err->n + err->dropped > before)
		return KZ_ERROR;
	if (!existing(db, l->dispatch, l->category, l->id, &pos)) {
		l->id[0] = '\0';	/* a new line gets a new id */
		if (kz_record_assign_id(db, KZ_T_COST, l->id, err))
			return KZ_ERROR;
	}
	if (kz_db_begin(db, err))
		return KZ_ERROR;
	if (write_line(db, l, pos, err)) {
		kz_db_rollback(db);
		return KZ_ERROR;
	}
	return kz_db_commit(db, err);
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
	int pos;

	if (kz_record_resolve(db, KZ_T_DISPATCH, dispatch, did, err))
		return KZ_ERROR;
	if (!existing(db, did, category, id, &pos))
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

void
kz_cost_line_free(struct kz_cost_line *l)
{
	free(l->category);
	free(l->note);
	l->category = l->note = NULL;
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
