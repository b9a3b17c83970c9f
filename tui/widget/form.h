/* form.h - a full-screen form of labelled fields, each edited as a line (line.h). */
#ifndef KZ_FORM_H
#define KZ_FORM_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "err.h"
#include "keys.h"
#include "rtype.h"
#include "line.h"

#define FORM_REQUIRED	0x1

struct form;

/* What a field is; forms are tables of these. */
struct form_spec {
	const char *key;	/* kz_err where names, '|' between spellings */
	const char *label;	/* N_() */
	const char *hint;	/* N_(): shown while the field has the cursor */
	const char *const *choices;	/* N_() names; NULL for text */
	unsigned flags;
	/* Optional: a line that explains the value as understood, e.g. the
	 * names of field codes. out is "" to show nothing. */
	void (*preview)(void *arg, const char *value, char *out, size_t size);
	/* Optional: what the key for other languages does on this field
	 * (KA_FIELD_LANGS): true when it changed something. */
	bool (*langs)(void *langs_arg, struct form *f, int i);
	void *langs_arg;
	/* A text field's codes (a country, fields of expertise, a cost
	 * category, a province): the pick list (KA_PICK) offers them. A
	 * choice field's list is its choices. */
	enum kz_codes codes;
};

struct form {
	const char *title;
	const struct form_spec *spec;
	int n;
	struct form_line *val;
	int *choice;
	char (*err)[KZ_ERR_MSG];	/* per field, "" when none */
	char general[KZ_ERR_MSG];	/* problems no field owns */
	int cur, top;
	bool dirty;
	void *arg;
};

void form_init(struct form *f, const char *title, const struct form_spec *spec,
    int n, void *arg);
void form_free(struct form *f);
void form_set(struct form *f, int i, const char *value);
void form_set_choice(struct form *f, int i, int choice);
const char *form_value(const struct form *f, int i);
int form_choice(const struct form *f, int i);
/* Field i's text without blanks at either end, as a new string; NULL
 * when out of memory. */
char *form_trimmed(const struct form *f, int i);
/* Set *slot to field i's trimmed text, NULL when that is empty;
 * KZ_ERROR when out of memory. */
int form_take(const struct form *f, int i, char **slot);
/* Field i's trimmed text into out (size bytes), cut to fit. */
void form_copy(const struct form *f, int i, char *out, size_t size);
/* ASCII letters in capitals, in place, for codes typed in either case
 * (CN, JPY); returns s, which may be NULL. */
char *form_upper(char *s);
/* Put each problem next to its field (matched on the where name up to
 * '[' or '.'), the rest on the message line. */
void form_set_errors(struct form *f, const struct kz_err *err);

/* The configuration pick lists take fields of expertise from; set once
 * before any form runs. */
void form_use_config(const struct kz_config *cfg);
/* A stored date "YYYY-MM-DD" as a form shows it: in the office's date
 * format (that configuration's), as the screens show dates; the form
 * reads it back as it reads any date typed (kz_date_parse). Anything
 * else is copied as it is. Returns out. */
const char *form_date(const char *date, char *out, size_t size);
/* Set field i to a stored date, shown as form_date shows it. */
void form_set_date(struct form *f, int i, const char *date);
/* True if field i has a pick list (a choice field or a coded one). */
bool form_has_list(const struct form *f, int i);

/* Run the form full screen. save checks and writes; on failure it fills
 * err and the form stays up showing the problems. Returns true when
 * saved, false when the user left without saving. */
bool form_run(struct form *f,
    int (*save)(struct form *f, void *arg, struct kz_err *err));

#endif
