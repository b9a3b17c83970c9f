/* config.h - the office configuration (YAML) and the field taxonomy. */
#ifndef KZ_CONFIG_H
#define KZ_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include "err.h"

enum kz_role { KZ_ROLE_OFFICE, KZ_ROLE_HEAD };
/* What of a list's selected row is lit: its first cell, or whole. */
enum kz_cursor { KZ_CURSOR_CELL, KZ_CURSOR_ROW };

/* One field of expertise from fields.yaml. */
struct kz_field {
	char *code;		/* stable code, e.g. "agriculture" */
	int number;		/* public number 1..32 */
	char *name_en;
	char *name_ja;
	char *name_zh;
	char *name_ko;		/* NULL when fields.yaml has none */
	char *name_fr;		/* NULL when fields.yaml has none */
};

/* Who pays a cost of a dispatch (kz_payer_enum). Which category each
 * pays under the council's rule is kz_cost_rule in core/cost.c. */
enum kz_payer { KZ_PAYER_HEAD, KZ_PAYER_HOST };

/* A cost line every new dispatch starts with (dispatch.costs). */
struct kz_cost_default {
	char *category;		/* code, e.g. "international_travel" */
	int payer;		/* enum kz_payer */
	char *currency;		/* ISO 4217; NULL: the host country's */
};

struct kz_config {
	char *path;		/* file it came from, or "(built-in)" */
	char *office_id;	/* 2-4 capitals, prefix of every record id */
	char *office_name;
	enum kz_role role;
	char *region;
	char **countries;	/* ISO 3166-1 alpha-2 codes */
	size_t ncountries;
	char *language;		/* "en", "zh_CN", "ja", "ko", "fr" */
	char *timezone;		/* IANA name */
	char *date_format;	/* strftime pattern for display */
	char *date_order;	/* "DMY", "MDY", "YMD"; NULL: date_format's */
	int year_start;		/* the month the reporting year starts in */
	char *user;		/* name written in audit entries */
	char *organisation;	/* sync bundles from others are refused */
	/* policy: the longest dispatch without an override, in calendar
	 * months, or (when max_days is set) in days */
	int dispatch_max_months;
	int dispatch_max_days;
	struct kz_cost_default *costs;	/* dispatch.costs */
	size_t ncosts;
	enum kz_cursor cursor;	/* display.cursor */
	char *fields_file;	/* NULL: the built-in taxonomy */
	struct kz_field *fields;
	size_t nfields;
};

/* Parse a configuration file. On any problem fills err with every
 * problem found ("file:line:column" in where, message with the offending
 * line and a caret) and returns NULL. */
struct kz_config *kz_config_load(const char *path, struct kz_err *err);
/* Parse configuration from memory; name is used in messages. */
struct kz_config *kz_config_parse(const char *name, const char *text,
    size_t len, struct kz_err *err);
void kz_config_free(struct kz_config *cfg);

/* The built-in default configuration text (written to the XDG config
 * directory on first run) and field taxonomy. */
extern const char kz_default_config[];
/* The sample offices' configurations (every YAML file of config/ but the default
 * and the fields), which `kizuna init` and the first run offer; make
 * builds the table from the files, in the order of their names. */
struct kz_sample {
	const char *office;	/* its office id, e.g. "BJS" */
	const char *file;	/* its file's name without .yaml */
	const char *text;
};
extern const struct kz_sample kz_samples[];
extern const size_t kz_nsamples;
/* The samples the tests and fuzzers start from by name. */
extern const char kz_sample_beijing[], kz_sample_singapore[],
    kz_sample_tokyo[], kz_sample_seoul[];
extern const char kz_default_fields[];

/* The order the office types dates in (an enum kz_date_order):
 * office.date_order, or that of office.date_format. */
int kz_config_date_order(const struct kz_config *cfg);

/* Look up a field by code or by number ("12"); NULL if unknown. */
const struct kz_field *kz_config_field(const struct kz_config *cfg,
    const char *code_or_number);

/* The field's name in the configured language, falling back to English. */
const char *kz_field_name(const struct kz_config *cfg,
    const struct kz_field *f);

/* The configuration as YAML, every key with defaults filled in, in the
 * order of the schema table; parsing the text gives the same values.
 * malloc'd; NULL if memory ran out. */
char *kz_config_yaml(const struct kz_config *cfg);

/* Documentation of every key, from the schema table, as mdoc list items
 * (for man/kizuna.yaml.5) or as plain text. */
char *kz_config_doc_mdoc(void);

#endif
