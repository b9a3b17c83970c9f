/* config_read.c - reading a configuration: its keys staged, then defaults, then the fields file. */
#include "config.h"
#include "date.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "config_fields.h"
#include "config_schema.h"
#include "config_stage.h"
#include "file.h"
#include "i18n.h"
#include "yaml_doc.h"
#include "yaml_error.h"

/* Bigger than any sensible configuration; stops a mistaken path such as a
 * database file from being read whole. */
#define MAX_FILE	(4 * 1024 * 1024)

struct cparse {
	struct kz_yaml_doc	 y;
	struct kz_config_staged	 st[KZ_CONFIG_MAX_KEYS];
	struct {
		char		path[64];
		yaml_mark_t	mark;
	}			 sec[8];
	int			 nsec;
	yaml_mark_t		 root_mark;
};

static void
staged_free(struct cparse *c)
{
	for (size_t i = 0; i < kz_config_nkeys; i++)
		kz_config_stage_free(&kz_config_keys[i], &c->st[i]);
}

static void
walk(struct cparse *c, const yaml_node_t *map, const char *prefix)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	    p++) {
		const yaml_node_t *kn = kz_yaml_doc_node(&c->y, p->key);
		const yaml_node_t *vn = kz_yaml_doc_node(&c->y, p->value);
		const char *name = kz_yaml_doc_key(&c->y, map, p);
		char path[64], sug[64], sh[64];
		int i;

		if (name == NULL)
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s%s%s", prefix,
		    *prefix ? "." : "", name) >= sizeof path)
			i = -1;
		else if ((i = kz_config_schema_find(path)) >= 0) {
			kz_config_stage_value(&c->y, &kz_config_keys[i],
			    vn, &c->st[i]);
			continue;
		} else if (kz_config_schema_section(path)) {
			if (c->nsec < (int)(sizeof c->sec / sizeof c->sec[0])) {
				snprintf(c->sec[c->nsec].path, sizeof c->sec[0].path,
				    "%s", path);
				c->sec[c->nsec++].mark = kn->start_mark;
			}
			if (kz_yaml_doc_null(vn))
				continue;
			if (vn->type != YAML_MAPPING_NODE) {
				kz_yaml_doc_fail(&c->y, vn->start_mark, _("%s must "
				    "be a group of keys indented below it, not %s"),
				    path, kz_yaml_doc_kind(vn));
				continue;
			}
			walk(c, vn, path);
			continue;
		}
		if (kz_config_schema_suggest(path, sug) != NULL)
			kz_yaml_doc_fail(&c->y, kn->start_mark, _("unknown key "
			    "\"%s\"; did you mean \"%s\"?"),
			    kz_yaml_error_shown(path, sh), sug);
		else
			kz_yaml_doc_fail(&c->y, kn->start_mark, _("unknown key "
			    "\"%s\""), kz_yaml_error_shown(path, sh));
	}
}

/* Where to point for a key that is missing: its section, or the top. */
static yaml_mark_t
missing_mark(const struct cparse *c, const char *key)
{
	yaml_mark_t best = c->root_mark;
	size_t bestlen = 0;

	for (int i = 0; i < c->nsec; i++) {
		size_t n = strlen(c->sec[i].path);

		if (strncmp(key, c->sec[i].path, n) == 0 && key[n] == '.' &&
		    n > bestlen) {
			best = c->sec[i].mark;
			bestlen = n;
		}
	}
	return best;
}

/* path taken relative to the directory of `base` unless absolute. */
static char *
relative_to(const char *base, const char *path)
{
	const char *slash = strrchr(base, '/');
	size_t dir;
	char *r;

	if (path[0] == '/' || slash == NULL)
		return strdup(path);
	dir = (size_t)(slash - base) + 1;
	if ((r = malloc(dir + strlen(path) + 1)) == NULL)
		return NULL;
	memcpy(r, base, dir);
	strcpy(r + dir, path);
	return r;
}

/* Load the taxonomy the configuration names, reporting problems in the
 * fields file itself, or at the fields_file key if it cannot be read. */
static bool
load_fields(struct cparse *c, struct kz_config *cfg)
{
	struct kz_yaml_src s;
	const struct kz_config_staged *st =
	    &c->st[kz_config_schema_find(KZ_CONFIG_FIELDS_KEY)];
	char sh[64];
	bool ok;

	if (cfg->fields_file == NULL) {
		s.name = "(built-in fields)";
		s.text = kz_default_fields;
		s.len = strlen(kz_default_fields);
		return kz_config_fields_parse(&s, c->y.err, &cfg->fields,
		    &cfg->nfields);
	}
	size_t len;
	char *text = kz_file_read(cfg->fields_file, MAX_FILE, &len);
	if (text == NULL) {
		kz_yaml_doc_fail(&c->y, st->mark, _("cannot read the fields file "
		    "\"%s\": %s"), kz_yaml_error_shown(cfg->fields_file, sh),
		    strerror(errno));
		return false;
	}
	s.name = cfg->fields_file;
	s.text = text;
	s.len = len;
	ok = kz_config_fields_parse(&s, c->y.err, &cfg->fields,
	    &cfg->nfields);
	free(text);
	return ok;
}

/* Move the staged value of key k, or its default, into cfg; false if
 * memory ran out. */
static bool
build_value(const struct kz_config_key *k, struct kz_config_staged *st,
    struct kz_config *cfg, const char *name)
{
	char *base = (char *)cfg + k->off;
	const char *def = k->def_fn ? k->def_fn() : k->def;
	bool oom = false;

	switch (k->type) {
	case KT_STRING: {
		char *v = st->str;

		st->str = NULL;
		if (v == NULL && def != NULL)
			oom |= (v = strdup(def)) == NULL;
		if (v != NULL && (k->flags & KF_PATH)) {
			char *r = relative_to(name, v);

			oom |= r == NULL;
			free(v);
			v = r;
		}
		*(char **)(void *)base = v;
		break;
	}
	case KT_INT:
		*(int *)(void *)base = st->set ? st->num : def ? atoi(def) : 0;
		break;
	case KT_ENUM: {
		int idx = 0;

		if (st->set)
			idx = st->num;
		else
			for (int j = 0; def && k->choices[j]; j++)
				if (strcmp(k->choices[j], def) == 0)
					idx = j;
		if (k->flags & KF_INDEX)
			*(int *)(void *)base = idx;
		else
			oom |= (*(char **)(void *)base =
			    strdup(k->choices[idx])) == NULL;
		break;
	}
	case KT_LIST:
		*(char ***)(void *)base = st->list;
		*(size_t *)(void *)((char *)cfg + k->off_n) = st->n;
		st->list = NULL;
		st->n = 0;
		break;
	case KT_RECORDS: {
		void *items = st->items;
		size_t n = st->nitems;

		st->items = NULL;
		st->nitems = 0;
		/* A default that does not parse is a bug in the table; the
		 * unit tests load every default. */
		if (!st->set && !kz_config_stage_default(k, &items, &n))
			oom = true;
		*(void **)(void *)base = items;
		*(size_t *)(void *)((char *)cfg + k->off_n) = n;
		break;
	}
	}
	return !oom;
}

/* Move staged values and defaults into a new configuration. */
static struct kz_config *
build(struct cparse *c, const char *name)
{
	struct kz_config *cfg = calloc(1, sizeof *cfg);
	bool oom = cfg == NULL;

	if (cfg == NULL)
		return NULL;
	oom |= (cfg->path = strdup(name)) == NULL;
	for (size_t i = 0; i < kz_config_nkeys; i++)
		oom |= !build_value(&kz_config_keys[i], &c->st[i], cfg, name);
	if (oom) {
		kz_config_free(cfg);
		return NULL;
	}
	return cfg;
}

struct kz_config *
kz_config_parse(const char *name, const char *text, size_t len,
    struct kz_err *err)
{
	struct cparse c;
	struct kz_config *cfg = NULL;
	struct kz_yaml_src s;
	yaml_node_t *root;
	char *copy;

	kz_err_clear(err);
	memset(&c, 0, sizeof c);
	/* Line display and UTF-8 decoding want a terminating NUL. */
	if ((copy = malloc(len + 1)) == NULL) {
		kz_err_add(err, name, "%s", _("out of memory"));
		return NULL;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	s.name = name;
	s.text = copy;
	s.len = len;
	c.y.src = &s;
	c.y.err = err;

	if (!kz_yaml_doc_load(&c.y, &root)) {
		free(copy);
		return NULL;
	}
	if (root != NULL && !kz_yaml_doc_null(root)) {
		c.root_mark = root->start_mark;
		if (root->type == YAML_MAPPING_NODE)
			walk(&c, root, "");
		else
			kz_yaml_doc_fail(&c.y, root->start_mark, _("the "
			    "configuration must be keys such as \"office:\", "
			    "not %s"), kz_yaml_doc_kind(root));
	}
	if (root == NULL || root->type == YAML_MAPPING_NODE ||
	    kz_yaml_doc_null(root)) {
		for (size_t i = 0; i < kz_config_nkeys; i++) {
			const char *key = kz_config_keys[i].key;

			if ((kz_config_keys[i].flags & KF_REQUIRED) &&
			    !c.st[i].set && !c.st[i].bad)
				kz_yaml_doc_fail(&c.y, missing_mark(&c, key),
				    _("missing required key \"%s\""), key);
		}
	}
	/* The fields file is checked even when other keys are wrong, so one
	 * run shows every problem. */
	if (!c.st[kz_config_schema_find(KZ_CONFIG_FIELDS_KEY)].bad) {
		if ((cfg = build(&c, name)) == NULL) {
			kz_err_add(err, name, "%s", _("out of memory"));
			c.y.bad = true;
		} else if (!load_fields(&c, cfg))
			c.y.bad = true;
	}
	if (c.y.bad || err->n > 0) {
		kz_config_free(cfg);
		cfg = NULL;
	}
	yaml_document_delete(&c.y.doc);
	staged_free(&c);
	free(copy);
	return cfg;
}

struct kz_config *
kz_config_load(const char *path, struct kz_err *err)
{
	size_t len;
	char *text;
	struct kz_config *cfg;

	kz_err_clear(err);
	if ((text = kz_file_read(path, MAX_FILE, &len)) == NULL) {
		kz_err_add(err, path, _("cannot read: %s"), strerror(errno));
		return NULL;
	}
	cfg = kz_config_parse(path, text, len, err);
	free(text);
	return cfg;
}

int
kz_config_date_order(const struct kz_config *cfg)
{
	int o;

	if (cfg == NULL)
		return KZ_DATE_YMD;
	if (cfg->date_order && (o = kz_date_order_parse(cfg->date_order)) >= 0)
		return o;
	return kz_date_order_of(cfg->date_format);
}

void
kz_config_free(struct kz_config *cfg)
{
	if (cfg == NULL)
		return;
	for (size_t i = 0; i < kz_config_nkeys; i++) {
		const struct kz_config_key *k = &kz_config_keys[i];
		char *base = (char *)cfg + k->off;

		if (k->type == KT_STRING ||
		    (k->type == KT_ENUM && !(k->flags & KF_INDEX)))
			free(*(char **)(void *)base);
		else if (k->type == KT_LIST) {
			char **list = *(char ***)(void *)base;
			size_t n = *(size_t *)(void *)((char *)cfg + k->off_n);

			for (size_t j = 0; j < n; j++)
				free(list[j]);
			free(list);
		} else if (k->type == KT_RECORDS)
			kz_config_stage_free_records(k, *(void **)(void *)base,
			    *(size_t *)(void *)((char *)cfg + k->off_n));
	}
	kz_config_fields_free(cfg->fields, cfg->nfields);
	free(cfg->path);
	free(cfg);
}
