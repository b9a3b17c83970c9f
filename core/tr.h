/* tr.h - a record's text fields in other languages: the translations, and which one a reader sees. */
#ifndef KZ_TR_H
#define KZ_TR_H

/*
 * A field whose table line says KZ_RF_LANGS (a series' name, an
 * edition's title and theme, a programme item's title) holds its text as
 * first written, the original, and may hold it in other languages too.
 * The translations are rows of text_tr, one per record, field and
 * language, so that two offices adding different languages both keep
 * theirs when their bundles meet. A reader sees the text in their
 * language (the UI's), else in its base language (zh for zh_CN), else
 * the original.
 */

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "err.h"

#define KZ_TR_FIELD	32
#define KZ_TR_LANG	16

struct kz_tr {
	char field[KZ_TR_FIELD];	/* the field's name: "title" */
	char lang[KZ_TR_LANG];		/* "ja", "zh", "zh_CN", "en" */
	char *text;
};

/* A record's translations, in no particular order. whole: these are
 * all it has (read with kz_tr_load, or copied from such): saving removes
 * the stored ones missing here. Otherwise (a record made from a file's
 * row, a form's copy) saving adds and changes, and removes only those
 * set empty, which such a set keeps as "" until it is saved: a language
 * another office added meanwhile is never lost. */
struct kz_trs {
	struct kz_tr *v;
	size_t n;
	bool whole;
};

void kz_tr_free(struct kz_trs *t);
/* dst holds nothing yet. */
int kz_tr_copy(struct kz_trs *dst, const struct kz_trs *src);
/* A language as translations are kept: two or three small letters,
 * then maybe _ and two capitals ("ja", "zh_CN"). */
bool kz_tr_lang_ok(const char *lang);
/* Set field's text in lang; NULL or "" removes it (marks it removed in
 * a set that is not whole). KZ_ERROR when out of memory (or field or
 * lang too long). */
int kz_tr_set(struct kz_trs *t, const char *field, const char *lang,
    const char *text);
/* The text of field in exactly lang, or NULL (none, or removed). */
const char *kz_tr_get(const struct kz_trs *t, const char *field,
    const char *lang);
/* What a reader of lang sees of field: the text in lang, else in its
 * base language (zh for zh_CN), else original. lang NULL: the reader's
 * (kz_tr_reader). */
const char *kz_tr_pick(const struct kz_trs *t, const char *field,
    const char *lang, const char *original);
/* The reader's language: the UI's ("en" when none was set). */
const char *kz_tr_reader(void);
/* "en, ja, zh" of field's languages, sorted, into out. */
void kz_tr_langs_of(const struct kz_trs *t, const char *field, char *out,
    size_t size);

/* Read record's translations into t (replacing what it held). */
int kz_tr_load(struct kz_db *db, const char *record, struct kz_trs *t,
    struct kz_err *err);
/* Make record's stored translations those of t: rows that differ are
 * written, rows marked removed are removed, and when t is whole, so are
 * rows it does not have; inside the caller's transaction. */
int kz_tr_save(struct kz_db *db, const char *record, const struct kz_trs *t,
    struct kz_err *err);
/* The columns a CSV file gives translations: a field and a language
 * each ("title", "ja": title@ja), by field then language. */
struct kz_tr_col {
	char field[KZ_TR_FIELD];
	char lang[KZ_TR_LANG];
};
struct kz_tr_cols {
	struct kz_tr_col *v;
	size_t n;
};

/* The field and language of every stored translation of a record of
 * table (a fixed SQL name: kz_record_table). */
int kz_tr_cols_load(struct kz_db *db, const char *table,
    struct kz_tr_cols *out, struct kz_err *err);
void kz_tr_cols_free(struct kz_tr_cols *c);

#endif
