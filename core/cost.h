/* cost.h - the cost ledger of a dispatch: who pays what, estimated and actual. */
#ifndef KZ_COST_H
#define KZ_COST_H

#include <stdbool.h>
#include <stddef.h>
#include "config.h"
#include "db.h"
#include "id.h"
#include "money.h"
#include "rtype.h"

struct kz_cost_line {
	char id[KZ_ID_SIZE];
	char dispatch[KZ_ID_SIZE];
	char *category;		/* code, e.g. "lodging" */
	int payer;		/* enum kz_payer; -1: the category's usual one */
	char currency[4];	/* "": the category's usual one */
	bool has_estimate, has_actual;
	kz_money estimate, actual;
	char *note;
	int pos;		/* its place in the ledger, kept on change */
	char updated[32];	/* the stamp it was read with, UTC */
	char *updated_by;
};

struct kz_cost_ledger {
	struct kz_cost_line *lines;
	size_t n;
};

/* A total for one payer in one currency. */
struct kz_cost_total {
	enum kz_payer payer;
	char currency[4];
	kz_money estimate, actual;
	int lines;
};

/* The council's rule of who pays each usual category, and in what
 * currency (NULL: the host country's); ends with a NULL code. The one
 * place it is written: names, the default of dispatch.costs and the
 * form's choices derive from it or are checked against it. */
struct kz_cost_rule {
	const char *code;	/* "lodging", as stored and configured */
	const char *name;	/* N_(): as shown */
	enum kz_payer payer;
	const char *currency;
};
extern const struct kz_cost_rule kz_cost_rule[];
/* The rule's line of a category, or NULL. */
const struct kz_cost_rule *kz_cost_rule_of(const char *category);
/* A cost line as a record table (kz_cost_line). */
extern const struct kz_rtype kz_cost_type;

/* The categories kizuna names in the office language; others show as
 * their codes. */
const char *kz_cost_category_name(const char *code);
/* The code of a category as typed: its code, or its name in any
 * language kizuna speaks (国际旅费, international travel), in any case
 * or width; else typed itself. */
const char *kz_cost_category_code(const struct kz_config *cfg,
    const char *typed);
/* Who pays (enum kz_payer), once: keywords "head" and "host" as
 * stored and configured, labels as shown; the functions below are thin
 * wrappers over it. */
extern const struct kz_enum kz_payer_enum;
extern const char *const kz_payer_keywords[];
const char *kz_payer_keyword(enum kz_payer p);
const char *kz_payer_name(enum kz_payer p);	/* translated */
int kz_payer_parse(const char *s);
/* The configured default for a category, or NULL. */
const struct kz_cost_default *kz_cost_default_of(const struct kz_config *cfg,
    const char *category);

/* Start a new dispatch's ledger with the configured lines, without
 * amounts; host lines in the currency of country (ISO 3166-1). */
int kz_cost_seed(struct kz_db *db, const char *dispatch, const char *country,
    struct kz_err *err);
/* Add the line for l->category, or change it, through kz_cost_type's
 * checks and statements in one transaction. Payer and currency left
 * unset take the category's usual ones; a payer other than the usual one
 * needs a note saying why (the rule of who pays is the council's). A
 * change keeps the line's id and place, and only if its updated stamp
 * is still l->updated when that is set (else KZ_STALE). Problems go
 * under the field and the category, payer[meals]. On success l has the
 * id, payer, currency, place and stamp stored; l->updated_by stays the
 * caller's. */
int kz_cost_set(struct kz_db *db, struct kz_cost_line *l, struct kz_err *err);
/* The currency a line of the category takes when none is given: the
 * configured one, else yen for head office and the host country's for
 * the host. payer -1: the category's usual payer. "" if unknown. */
void kz_cost_usual_currency(struct kz_db *db, const char *dispatch,
    const char *category, int payer, char out[4]);
int kz_cost_remove(struct kz_db *db, const char *dispatch,
    const char *category, struct kz_err *err);
/* One line by its id; and the line of that id taken out. */
int kz_cost_get(struct kz_db *db, const char *id, struct kz_cost_line *l,
    struct kz_err *err);
int kz_cost_delete(struct kz_db *db, const char *id, struct kz_err *err);
int kz_cost_load(struct kz_db *db, const char *dispatch,
    struct kz_cost_ledger *out, struct kz_err *err);
void kz_cost_ledger_free(struct kz_cost_ledger *l);
void kz_cost_line_free(struct kz_cost_line *l);
/* Totals per payer and currency (head office first), malloc'd. */
int kz_cost_totals(const struct kz_cost_ledger *l, struct kz_cost_total **out,
    size_t *n);
/* Set the line's field (estimate, actual: any of kz_cost_type) from
 * text as typed, through the table; an amount is read in the line's
 * currency, so set that first. Empty text clears it. A problem goes
 * under the field and the line's category, estimate[lodging]. */
int kz_cost_line_set(struct kz_cost_line *l, const char *field,
    const char *text, struct kz_err *err);

#endif
