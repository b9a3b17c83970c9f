/* screen_record.h - a record's form and detail lines, made from its type's table of fields. */
#ifndef KZ_SCREEN_RECORD_H
#define KZ_SCREEN_RECORD_H

#include <stdbool.h>

#include "config.h"
#include "form.h"
#include "record_list.h"
#include "rtype.h"

/* A form over the fields of rt that people type (those with an option),
 * in table order; an enumeration is a choice. */
struct record_form {
	const struct kz_rtype *rt;
	struct form_spec *spec;
	const struct kz_rfield **field;	/* field of form line i */
	int n;
	/* The record's text in other languages (KZ_RF_LANGS fields), as
	 * the form has them: filled and taken with the lines, edited with
	 * the key for other languages (KA_FIELD_LANGS) on such a line. */
	struct kz_trs tr;
	char **hints;		/* made hints of such lines, naming the key */
};

/* Make the spec; false when out of memory. rf must stay where it is
 * while the form runs (its lines for other languages point at it). */
bool record_form_init(struct record_form *rf, const struct kz_rtype *rt);
void record_form_free(struct record_form *rf);
/* Give form line i (a KZ_RF_LANGS field of a form with lines of its
 * own) the key for other languages, kept in rf->tr. */
void record_form_langs_line(struct record_form *rf, int i);
/* The form line of the field called name, or -1. */
int record_form_line(const struct record_form *rf, const char *name);
/* Put rec's values into the form. */
void record_form_fill(const struct record_form *rf, struct form *f,
    const void *rec);
/* Take the form's values into rec; problems into err. */
int record_form_take(const struct record_form *rf, const struct form *f,
    void *rec, struct kz_err *err);

/* The record changed since the form was opened (its update came back
 * KZ_STALE). Shows the fields they changed (base: the record as the
 * form opened it; theirs: as it is now) beside the form's values, for
 * the user to take theirs or keep mine field by field (the keys of
 * KEYS_MERGE); what the user had left alone follows theirs. On save the
 * form takes the values chosen and true comes back: save again over
 * theirs' stamp. False: back to the form. True at once when no field of
 * the form differs. */
bool record_form_merge(const struct record_form *rf, struct form *f,
    const void *base, const void *theirs, const char *title,
    const char *info);

/* What an edit form keeps so that its save puts back no change made
 * while it was open: the stamp the record was read with, and the record
 * as it was last found changed (the base of the next comparison). get
 * and release are the type's own (its lists included). */
struct record_guard {
	const struct record_form *rf;
	size_t size;		/* of the record struct */
	int (*get)(struct kz_db *db, const char *id, void *rec,
	    struct kz_err *err);
	void (*release)(void *rec);
	const void *orig;	/* as the form opened it */
	void *theirs;		/* as found changed, or NULL */
	char stamp[32];
};

/* Remember orig's stamp (orig NULL: a new record, nothing to guard). */
void record_guard_init(struct record_guard *g, const struct record_form *rf,
    size_t size, int (*get)(struct kz_db *, const char *, void *,
    struct kz_err *), void (*release)(void *), const void *orig);
/* Give rec, about to be saved, the stamp its update must find. */
void record_guard_stamp(const struct record_guard *g, void *rec);
/* The save came back KZ_STALE: read the record as it is now and let the
 * user choose (record_form_merge). True to save again, over the stamp it
 * has now; false to stay in the form. */
bool record_guard_merge(struct record_guard *g, struct form *f,
    struct kz_db *db, const struct kz_config *cfg, const char *id);
void record_guard_free(struct record_guard *g);

/* A field's label as screens show it: in the reader's language, with a
 * capital, into buf. */
const char *record_label(const struct kz_rfield *f, char *buf, size_t size);
/* The widest label of rt's fields, for the detail pane's label column. */
int record_label_width(const struct kz_rtype *rt);
/* Detail lines for the fields from first to last (names, inclusive, in
 * table order), as people read them: a list a line an item, a stamp
 * with who made it (a "who" field is not shown by itself). */
void record_detail(struct record_list *l, const struct kz_rtype *rt,
    const void *rec, const struct kz_config *cfg, const char *first,
    const char *last);

#endif
