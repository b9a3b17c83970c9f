/* yaml_doc.h - a YAML file read into one document, each problem reported where it is. */
#ifndef KZ_YAML_DOC_H
#define KZ_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "err.h"
#include "yaml_error.h"

/* A document being read. Every problem goes into err, all of them: the
 * reader sees every mistake of a file in one run. */
struct kz_yaml_doc {
	const struct kz_yaml_src	*src;
	struct kz_err			*err;
	yaml_document_t			 doc;
	bool				 bad;	/* a problem was reported */
};

/* A check of one value: false, with the reason in why, when it is wrong;
 * *at is the byte offset in v the caret should point at (0: the start). */
typedef bool (*kz_yaml_check_fn)(const char *v, char *why, size_t size,
    size_t *at);

/* Load the one document of y->src into y->doc; *root is its root node,
 * or NULL for an empty file or an error (y->bad). The caller deletes
 * y->doc when this returns true. */
bool kz_yaml_doc_load(struct kz_yaml_doc *y, yaml_node_t **root);

/* Report a problem at a mark. */
void kz_yaml_doc_fail(struct kz_yaml_doc *y, yaml_mark_t m, const char *fmt,
    ...) __attribute__((format(__printf__, 3, 4)));

yaml_node_t *kz_yaml_doc_node(struct kz_yaml_doc *y, int id);
/* What a node is, in words: "a list", "a group of keys", "text". */
const char *kz_yaml_doc_kind(const yaml_node_t *n);
/* An empty or null plain value: the key is there but says nothing. */
bool kz_yaml_doc_null(const yaml_node_t *n);
/* The text of a scalar; NULL (reported) for a NUL written as "\0",
 * which C strings cannot carry. */
const char *kz_yaml_doc_scalar(struct kz_yaml_doc *y, const yaml_node_t *n);
/* Run a check on a scalar's text v and report what it finds at the right
 * column, after "key: " unless the reason names the key already. */
bool kz_yaml_doc_check(struct kz_yaml_doc *y, const yaml_node_t *n,
    const char *v, kz_yaml_check_fn check, const char *key);
/* The key of a pair as text, or NULL after reporting a key that is not
 * a name or one the mapping has already (libyaml keeps both silently). */
const char *kz_yaml_doc_key(struct kz_yaml_doc *y, const yaml_node_t *map,
    const yaml_node_pair_t *pair);

/* How close a typed word is to a candidate, for "did you mean";
 * SIZE_MAX if not close enough to suggest. */
size_t kz_yaml_doc_closeness(const char *typed, const char *cand);

#endif
