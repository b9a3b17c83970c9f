/* config_stage.c - one configuration value read and checked against its key, not yet applied. */
#include "config_stage.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "yaml_error.h"

void
kz_config_stage_free_records(const struct kz_config_key *k, void *items,
    size_t n)
{
	for (size_t i = 0; items != NULL && i < n; i++)
		for (const struct kz_config_subkey *sk = k->sub; sk->name; sk++)
			if (sk->type == KT_STRING)
				free(*(char **)(void *)((char *)items +
				    i * k->item_size + sk->off));
	free(items);
}

void
kz_config_stage_free(const struct kz_config_key *k,
    struct kz_config_staged *st)
{
	free(st->str);
	for (size_t j = 0; j < st->n; j++)
		free(st->list[j]);
	free(st->list);
	if (k->type == KT_RECORDS)
		kz_config_stage_free_records(k, st->items, st->nitems);
}

static void
type_error(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, const char *want)
{
	kz_yaml_doc_fail(y, v->start_mark, _("%s must be %s, not %s"), k->key,
	    want, kz_yaml_doc_kind(v));
}

static bool
stage_string(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st)
{
	const char *s;

	if (v->type != YAML_SCALAR_NODE) {
		type_error(y, k, v, _("text"));
		return false;
	}
	if ((s = kz_yaml_doc_scalar(y, v)) == NULL)
		return false;
	if (*s == '\0' && (k->flags & KF_REQUIRED)) {
		kz_yaml_doc_fail(y, v->start_mark, _("%s must not be empty"),
		    k->key);
		return false;
	}
	if (*s == '\0')		/* optional and empty: the default */
		return true;
	if (!kz_yaml_doc_check(y, v, s, k->check, k->key))
		return false;
	st->str = strdup(s);
	return true;
}

static bool
stage_int(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st)
{
	const char *s;
	char *end;
	long n;

	if (v->type != YAML_SCALAR_NODE) {
		type_error(y, k, v, _("a whole number"));
		return false;
	}
	if ((s = kz_yaml_doc_scalar(y, v)) == NULL)
		return false;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || s[0] == ' ' || s[0] == '+') {
		char sh[64];

		kz_yaml_doc_fail(y, v->start_mark, _("%s must be a whole number, "
		    "not \"%s\""), k->key, kz_yaml_error_shown(s, sh));
		return false;
	}
	if (v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
		kz_yaml_doc_fail(y, v->start_mark, _("%s must be a whole number, "
		    "without quotes"), k->key);
		return false;
	}
	if (errno != 0 || n < k->min || n > k->max) {
		kz_yaml_doc_fail(y, v->start_mark, _("%s must be from %d to %d"),
		    k->key, k->min, k->max);
		return false;
	}
	st->num = (int)n;
	return true;
}

static bool
stage_enum(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st)
{
	const char *s, *best = NULL;
	size_t bd = SIZE_MAX;
	struct kz_buf list = { 0 };
	char sh[64];

	if (v->type != YAML_SCALAR_NODE) {
		type_error(y, k, v, _("text"));
		return false;
	}
	if ((s = kz_yaml_doc_scalar(y, v)) == NULL)
		return false;
	for (int i = 0; k->choices[i] != NULL; i++) {
		size_t d;

		if (strcmp(s, k->choices[i]) == 0) {
			st->num = i;
			kz_buf_free(&list);
			return true;
		}
		kz_buf_printf(&list, "%s%s", i ? ", " : "", k->choices[i]);
		if ((d = kz_yaml_doc_closeness(s, k->choices[i])) < bd) {
			bd = d;
			best = k->choices[i];
		}
	}
	if (best != NULL)
		kz_yaml_doc_fail(y, v->start_mark, _("%s: \"%s\" is not one of "
		    "%s; did you mean \"%s\"?"), k->key,
		    kz_yaml_error_shown(s, sh), kz_buf_str(&list), best);
	else
		kz_yaml_doc_fail(y, v->start_mark, _("%s: \"%s\" is not one of "
		    "%s"), k->key, kz_yaml_error_shown(s, sh),
		    kz_buf_str(&list));
	kz_buf_free(&list);
	return false;
}

static bool
stage_list(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st)
{
	yaml_node_item_t *it, *top;
	bool ok = true;

	if (v->type != YAML_SEQUENCE_NODE) {
		type_error(y, k, v, _("a list such as [CN, SG]"));
		return false;
	}
	it = v->data.sequence.items.start;
	top = v->data.sequence.items.top;
	st->list = calloc((size_t)(top - it) + 1, sizeof *st->list);
	if (st->list == NULL) {
		kz_yaml_doc_fail(y, v->start_mark, "%s", _("out of memory"));
		return false;
	}
	for (; it < top; it++) {
		const yaml_node_t *item = kz_yaml_doc_node(y, *it);
		const char *s;
		char sh[64];

		if (item->type != YAML_SCALAR_NODE) {
			kz_yaml_doc_fail(y, item->start_mark, _("each item of %s "
			    "must be text, not %s"), k->key,
			    kz_yaml_doc_kind(item));
			ok = false;
			continue;
		}
		if ((s = kz_yaml_doc_scalar(y, item)) == NULL ||
		    !kz_yaml_doc_check(y, item, s, k->check, k->key)) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < st->n; j++) {
			if (strcmp(st->list[j], s) == 0) {
				kz_yaml_doc_fail(y, item->start_mark, _("%s: \"%s\" "
				    "is listed twice"), k->key,
				    kz_yaml_error_shown(s, sh));
				ok = false;
				s = NULL;
				break;
			}
		}
		if (s != NULL && (st->list[st->n] = strdup(s)) != NULL)
			st->n++;
	}
	return ok;
}

/* ---- KT_RECORDS: a list of groups of keys ---- */

/* The index in k->sub of the key named name, or -1 after reporting it
 * unknown (with the closest name, if one is close). */
static int
item_subkey(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *kn, const char *name)
{
	const char *best = NULL;
	size_t bd = SIZE_MAX;
	char sh[64];

	for (int j = 0; k->sub[j].name != NULL; j++) {
		size_t d;

		if (strcmp(name, k->sub[j].name) == 0)
			return j;
		if ((d = kz_yaml_doc_closeness(name, k->sub[j].name)) < bd) {
			bd = d;
			best = k->sub[j].name;
		}
	}
	if (best != NULL)
		kz_yaml_doc_fail(y, kn->start_mark, _("unknown key \"%s\" in %s; "
		    "did you mean \"%s\"?"), kz_yaml_error_shown(name, sh),
		    k->key, best);
	else
		kz_yaml_doc_fail(y, kn->start_mark, _("unknown key \"%s\" in %s"),
		    kz_yaml_error_shown(name, sh), k->key);
	return -1;
}

/* A KT_ENUM subkey: the index of the choice s into item. */
static bool
item_choice(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const struct kz_config_subkey *sk, const yaml_node_t *vn, const char *s,
    char *item)
{
	struct kz_buf list = { 0 };
	char sh[64];
	int ch;

	for (ch = 0; sk->choices[ch] != NULL; ch++) {
		if (strcmp(s, sk->choices[ch]) == 0)
			break;
		kz_buf_printf(&list, "%s%s", ch ? ", " : "", sk->choices[ch]);
	}
	if (sk->choices[ch] != NULL)
		*(int *)(void *)(item + sk->off) = ch;
	else
		kz_yaml_doc_fail(y, vn->start_mark, _("%s: %s \"%s\" is not one "
		    "of %s"), k->key, sk->name, kz_yaml_error_shown(s, sh),
		    kz_buf_str(&list));
	kz_buf_free(&list);
	return sk->choices[ch] != NULL;
}

/* A KT_STRING subkey: checked, unique among the items before if it must
 * be, and copied into item. */
static bool
item_text(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const struct kz_config_subkey *sk, const yaml_node_t *vn, const char *s,
    char *item, char *items, size_t before)
{
	bool ok = true;
	char sh[64];

	if (!kz_yaml_doc_check(y, vn, s, sk->check, k->key))
		return false;
	for (size_t m = 0; (sk->flags & KF_UNIQUE) && m < before; m++) {
		const char *o = *(char **)(void *)(items +
		    m * k->item_size + sk->off);

		if (o != NULL && strcmp(o, s) == 0) {
			kz_yaml_doc_fail(y, vn->start_mark, _("%s: %s \"%s\" is "
			    "listed twice"), k->key, sk->name,
			    kz_yaml_error_shown(s, sh));
			ok = false;
		}
	}
	if ((*(char **)(void *)(item + sk->off) = strdup(s)) == NULL)
		ok = false;
	return ok;
}

/* One item of a KT_RECORDS list into item; false after reporting. */
static bool
stage_item(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *map, char *item, char *items, size_t before)
{
	bool seen[16] = { 0 }, ok = true;

	if (map->type != YAML_MAPPING_NODE) {
		kz_yaml_doc_fail(y, map->start_mark, _("each item of %s must be a "
		    "group of keys such as {%s: ...}, not %s"), k->key,
		    k->sub[0].name, kz_yaml_doc_kind(map));
		return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *kn = kz_yaml_doc_node(y, p->key);
		const yaml_node_t *vn = kz_yaml_doc_node(y, p->value);
		const char *name = kz_yaml_doc_key(y, map, p), *s;
		int j;

		if (name == NULL || (j = item_subkey(y, k, kn, name)) < 0) {
			ok = false;
			continue;
		}
		const struct kz_config_subkey *sk = &k->sub[j];
		seen[j] = true;
		if (vn->type != YAML_SCALAR_NODE) {
			kz_yaml_doc_fail(y, vn->start_mark, _("%s: %s must be "
			    "text, not %s"), k->key, sk->name,
			    kz_yaml_doc_kind(vn));
			ok = false;
		} else if ((s = kz_yaml_doc_scalar(y, vn)) == NULL)
			ok = false;
		else if (sk->type == KT_ENUM)
			ok &= item_choice(y, k, sk, vn, s, item);
		else
			ok &= item_text(y, k, sk, vn, s, item, items, before);
	}
	for (int j = 0; k->sub[j].name != NULL; j++)
		if ((k->sub[j].flags & KF_REQUIRED) && !seen[j]) {
			kz_yaml_doc_fail(y, map->start_mark, _("%s: this item has "
			    "no \"%s\""), k->key, k->sub[j].name);
			ok = false;
		}
	return ok;
}

/* A list of groups of keys, each described by k->sub. */
static bool
stage_records(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, void **out, size_t *nout)
{
	yaml_node_item_t *it, *top;
	char *items;
	size_t n = 0;
	bool ok = true;

	*out = NULL;
	*nout = 0;
	if (v->type != YAML_SEQUENCE_NODE) {
		kz_yaml_doc_fail(y, v->start_mark, _("%s must be a list of "
		    "groups of keys, not %s"), k->key, kz_yaml_doc_kind(v));
		return false;
	}
	it = v->data.sequence.items.start;
	top = v->data.sequence.items.top;
	if ((items = calloc((size_t)(top - it) + 1, k->item_size)) == NULL) {
		kz_yaml_doc_fail(y, v->start_mark, "%s", _("out of memory"));
		return false;
	}
	for (; it < top; it++, n++)
		if (!stage_item(y, k, kz_yaml_doc_node(y, *it),
		    items + n * k->item_size, items, n))
			ok = false;
	if (!ok) {
		kz_config_stage_free_records(k, items, n);
		return false;
	}
	*out = items;
	*nout = n;
	return true;
}

bool
kz_config_stage_default(const struct kz_config_key *k, void **items, size_t *n)
{
	struct kz_yaml_src s = { "(built-in)", k->def ? k->def : "[]",
	    strlen(k->def ? k->def : "[]") };
	struct kz_err e = { 0 };
	struct kz_yaml_doc y = { .src = &s, .err = &e };
	yaml_node_t *root;
	bool ok = false;

	*items = NULL;
	*n = 0;
	if (!kz_yaml_doc_load(&y, &root))
		return false;
	if (root != NULL)
		ok = stage_records(&y, k, root, items, n);
	yaml_document_delete(&y.doc);
	return ok && !y.bad;
}

void
kz_config_stage_value(struct kz_yaml_doc *y, const struct kz_config_key *k,
    const yaml_node_t *v, struct kz_config_staged *st)
{
	bool ok;

	st->mark = v->start_mark;
	if (kz_yaml_doc_null(v)) {
		if (k->flags & KF_REQUIRED) {
			kz_yaml_doc_fail(y, v->start_mark, _("%s needs a value"),
			    k->key);
			st->bad = true;
		}
		/* An empty optional key means its default. */
		return;
	}
	switch (k->type) {
	case KT_STRING:
		ok = stage_string(y, k, v, st);
		break;
	case KT_INT:
		ok = stage_int(y, k, v, st);
		break;
	case KT_ENUM:
		ok = stage_enum(y, k, v, st);
		break;
	case KT_LIST:
		ok = stage_list(y, k, v, st);
		break;
	case KT_RECORDS:
		ok = stage_records(y, k, v, &st->items, &st->nitems);
		break;
	default:
		ok = false;
		break;
	}
	if (ok)
		st->set = true;
	else
		st->bad = true;
}
