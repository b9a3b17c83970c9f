/* config_schema.h - the table of configuration keys, for the files that read, write and document them. */
#ifndef KZ_CONFIG_SCHEMA_H
#define KZ_CONFIG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "yaml_doc.h"

/* Internal to core/config_*.c: the public API is config.h. */

enum kz_config_type { KT_STRING, KT_INT, KT_ENUM, KT_LIST, KT_RECORDS };

#define KF_REQUIRED	0x1
#define KF_INDEX	0x2	/* enum stored as the index of its choice (int) */
#define KF_PATH		0x4	/* relative to the configuration file */
#define KF_UNIQUE	0x8	/* KT_RECORDS: no two items share the value */

/* A key inside each item of a KT_RECORDS list, such as the category of
 * a cost line: text (KT_STRING) or a choice kept as its index (KT_ENUM). */
struct kz_config_subkey {
	const char		*name;
	enum kz_config_type	 type;
	unsigned		 flags;
	const char *const	*choices;
	kz_yaml_check_fn	 check;
	size_t			 off;		/* member of the item */
};

struct kz_config_key {
	const char		*key;		/* "office.id": nested in YAML */
	enum kz_config_type	 type;
	unsigned		 flags;
	const char		*def;		/* default as written, or NULL */
	const char		*(*def_fn)(void);	/* computed default */
	const char *const	*choices;	/* KT_ENUM, NULL-terminated */
	int			 min, max;	/* KT_INT */
	kz_yaml_check_fn	 check;		/* value or list item */
	size_t			 off;		/* member of struct kz_config */
	size_t			 off_n;		/* KT_LIST, KT_RECORDS: count */
	const struct kz_config_subkey *sub;	/* KT_RECORDS: keys of an item */
	size_t			 item_size;	/* KT_RECORDS: bytes of an item */
	const char		*def_doc;	/* mdoc for a default not in def */
	const char		*doc;		/* mdoc, one sentence a line */
};

/* Every key, in the order `config show` prints them. */
extern const struct kz_config_key kz_config_keys[];
extern const size_t kz_config_nkeys;
/* Room for a value per key while a file is read; config_schema.c checks
 * that the table fits. */
#define KZ_CONFIG_MAX_KEYS	32

#define KZ_CONFIG_FIELDS_KEY	"fields_file"

/* The index of the key at a dotted path, or -1. */
int kz_config_schema_find(const char *path);
/* Is path a section that only groups keys, such as "office"? */
bool kz_config_schema_section(const char *path);
/* The key or section closest to an unknown path, into out; NULL if none
 * is close. */
const char *kz_config_schema_suggest(const char *path, char out[64]);

/* Text shown on one line of a screen: no line breaks or other controls
 * (a kz_yaml_check_fn). */
bool kz_config_schema_text(const char *v, char *why, size_t size, size_t *at);

#endif
