/* yaml_doc.c - a YAML file read into one document, each problem reported where it is. */
#include "yaml_doc.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

void
kz_yaml_doc_fail(struct kz_yaml_doc *y, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;

	y->bad = true;
	va_start(ap, fmt);
	kz_yaml_error_vadd(y->err, y->src, m.line, m.column, fmt, ap);
	va_end(ap);
}

yaml_node_t *
kz_yaml_doc_node(struct kz_yaml_doc *y, int id)
{
	return yaml_document_get_node(&y->doc, id);
}

const char *
kz_yaml_doc_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		return _("a list");
	case YAML_MAPPING_NODE:
		return _("a group of keys");
	default:
		return _("text");
	}
}

bool
kz_yaml_doc_null(const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	    strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

const char *
kz_yaml_doc_scalar(struct kz_yaml_doc *y, const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;

	if (strlen(v) != n->data.scalar.length) {
		kz_yaml_doc_fail(y, n->start_mark, _("the value contains a NUL "
		    "character"));
		return NULL;
	}
	return v;
}

bool
kz_yaml_doc_check(struct kz_yaml_doc *y, const yaml_node_t *n, const char *v,
    kz_yaml_check_fn check, const char *key)
{
	char why[KZ_YAML_MSG_ROOM];
	size_t at = 0;

	if (check == NULL || check(v, why, sizeof why, &at))
		return true;
	if (key != NULL && strncmp(why, key, strlen(key)) != 0)
		kz_yaml_doc_fail(y, kz_yaml_error_mark(n, v, at), "%s: %s", key,
		    why);
	else
		kz_yaml_doc_fail(y, kz_yaml_error_mark(n, v, at), "%s", why);
	return false;
}

bool
kz_yaml_doc_load(struct kz_yaml_doc *y, yaml_node_t **root)
{
	yaml_parser_t p;
	yaml_document_t more;
	bool loaded = false;

	*root = NULL;
	if (!yaml_parser_initialize(&p)) {
		y->bad = true;
		kz_err_add(y->err, y->src->name, "%s", _("out of memory"));
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)y->src->text,
	    y->src->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &y->doc)) {
		y->bad = true;
		kz_yaml_error_syntax(y->err, y->src, &p);
		goto out;
	}
	loaded = true;
	*root = yaml_document_get_root_node(&y->doc);
	if (*root == NULL)
		goto out;
	/* A second document would be ignored silently: say so. */
	if (!yaml_parser_load(&p, &more)) {
		y->bad = true;
		kz_yaml_error_syntax(y->err, y->src, &p);
		goto out;
	}
	yaml_node_t *r2 = yaml_document_get_root_node(&more);
	if (r2 != NULL)
		kz_yaml_doc_fail(y, r2->start_mark, "%s", _("only one YAML "
		    "document is allowed here (remove the second \"---\")"));
	yaml_document_delete(&more);
out:
	yaml_parser_delete(&p);
	return loaded;
}

/* Earlier key of the same name in a mapping, for duplicate detection
 * (libyaml keeps both silently). */
static const yaml_node_t *
earlier_key(struct kz_yaml_doc *y, const yaml_node_t *map,
    const yaml_node_pair_t *upto)
{
	const yaml_node_t *k = kz_yaml_doc_node(y, upto->key);

	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < upto; p++) {
		const yaml_node_t *o = kz_yaml_doc_node(y, p->key);

		if (o->type == YAML_SCALAR_NODE &&
		    o->data.scalar.length == k->data.scalar.length &&
		    memcmp(o->data.scalar.value, k->data.scalar.value,
		    k->data.scalar.length) == 0)
			return o;
	}
	return NULL;
}

const char *
kz_yaml_doc_key(struct kz_yaml_doc *y, const yaml_node_t *map,
    const yaml_node_pair_t *pair)
{
	const yaml_node_t *k = kz_yaml_doc_node(y, pair->key), *first;
	char s[64];

	if (k->type != YAML_SCALAR_NODE) {
		kz_yaml_doc_fail(y, k->start_mark, _("a key must be a name, "
		    "not %s"), kz_yaml_doc_kind(k));
		return NULL;
	}
	const char *name = kz_yaml_doc_scalar(y, k);
	if (name == NULL)
		return NULL;
	if ((first = earlier_key(y, map, pair)) != NULL) {
		kz_yaml_doc_fail(y, k->start_mark, _("duplicate key \"%s\" "
		    "(first at line %zu)"), kz_yaml_error_shown(name, s),
		    first->start_mark.line + 1);
		return NULL;
	}
	return name;
}

/* Edit distance, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* A case slip or a prefix ("zh" for "zh_CN") counts as close. */
size_t
kz_yaml_doc_closeness(const char *typed, const char *cand)
{
	size_t d, n = strlen(typed);

	if (strcasecmp(typed, cand) == 0)
		return 0;
	if (n >= 2 && strncasecmp(typed, cand, n) == 0)
		return 1;
	/* Two letters off is a typo in "timezone" but a different word
	 * in "fr". */
	d = distance(typed, cand);
	return d <= (n <= 3 ? 1 : n <= 8 ? 2 : n / 4) ? d : SIZE_MAX;
}
