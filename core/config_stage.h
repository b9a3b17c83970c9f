/* config_stage.h - one configuration value read and checked against its key, not yet applied. */
#ifndef KZ_CONFIG_STAGE_H
#define KZ_CONFIG_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "config_schema.h"
#include "yaml_doc.h"

/* A value parsed but not yet applied: nothing reaches the caller unless
 * the whole file is clean. */
struct kz_config_staged {
	bool		 set;
	bool		 bad;
	char		*str;
	int		 num;
	char		**list;
	size_t		 n;
	void		*items;		/* KT_RECORDS */
	size_t		 nitems;
	yaml_mark_t	 mark;
};

/* Read the value v of key k into st, reporting what is wrong with it. An
 * empty optional value leaves st unset: the key takes its default. */
void kz_config_stage_value(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st);
/* Free what st holds for key k. */
void kz_config_stage_free(const struct kz_config_key *k,
    struct kz_config_staged *st);

/* The default of a KT_RECORDS key, written in YAML in the table. */
bool kz_config_stage_default(const struct kz_config_key *k, void **items,
    size_t *n);
/* Free n items of a KT_RECORDS key. */
void kz_config_stage_free_records(const struct kz_config_key *k, void *items,
    size_t n);

#endif
