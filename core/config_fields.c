/* config_fields.c - the taxonomy of fields of expertise (fields.yaml): reading it, looking one up. */
#include "config_fields.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_schema.h"
#include "i18n.h"
#include "text.h"
#include "yaml_doc.h"

/* ko and fr came later: a fields file without them is still whole, and
 * those offices then read the English names. */
static const char *const field_keys[] = { "code", "number", "en", "ja", "zh",
    "ko", "fr", NULL };
#define NKEYS		7
#define NREQUIRED	5	/* the first five must be there */

void
kz_config_fields_free(struct kz_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].code);
		free(f[i].name_en);
		free(f[i].name_ja);
		free(f[i].name_zh);
		free(f[i].name_ko);
		free(f[i].name_fr);
	}
	free(f);
}

static bool
check_code(const char *v, char *why, size_t size, size_t *at)
{
	size_t i;

	for (i = 0; v[i] != '\0'; i++) {
		char ch = v[i];

		if (!((ch >= 'a' && ch <= 'z') || (i > 0 && ((ch >= '0' &&
		    ch <= '9') || ch == '_'))))
			break;
	}
	if (i > 0 && i <= 32 && v[i] == '\0')
		return true;
	*at = v[i] != '\0' ? i : 0;
	snprintf(why, size, "%s", _("a field code is 1 to 32 lower-case "
	    "letters, digits and _, starting with a letter"));
	return false;
}

static bool
check_name(const char *v, char *why, size_t size, size_t *at)
{
	if (*v == '\0') {
		snprintf(why, size, "%s", _("the name is empty"));
		return false;
	}
	if (!kz_utf8_valid(v, strlen(v))) {
		snprintf(why, size, "%s", _("the name is not valid UTF-8"));
		return false;
	}
	return kz_config_schema_text(v, why, size, at);
}

/* The index in field_keys of a key's name, or -1 after reporting it
 * unknown. */
static int
field_key(struct kz_yaml_doc *y, const yaml_node_t *kn, const char *name)
{
	const char *best = NULL;
	size_t bd = SIZE_MAX;
	char sh[64];

	for (int i = 0; field_keys[i] != NULL; i++) {
		size_t d;

		if (strcmp(name, field_keys[i]) == 0)
			return i;
		if ((d = kz_yaml_doc_closeness(name, field_keys[i])) < bd) {
			bd = d;
			best = field_keys[i];
		}
	}
	if (best != NULL)
		kz_yaml_doc_fail(y, kn->start_mark, _("unknown key \"%s\"; did you "
		    "mean \"%s\"?"), kz_yaml_error_shown(name, sh), best);
	else
		kz_yaml_doc_fail(y, kn->start_mark, _("unknown key \"%s\" (a field "
		    "has code, number, en, ja, zh, ko, fr)"), kz_yaml_error_shown(name, sh));
	return -1;
}

/* Check the text s of key i (of field_keys) and keep it in f or *val;
 * the marks of the code and the number go to *code_mark and *num_mark. */
static bool
field_value(struct kz_yaml_doc *y, int i, const yaml_node_t *vn,
    const char *s, struct kz_field *f, char **val, yaml_mark_t *code_mark,
    yaml_mark_t *num_mark)
{
	char sh[64];

	if (i == 0) {
		*code_mark = vn->start_mark;
		if (!kz_yaml_doc_check(y, vn, s, check_code, NULL))
			return false;
	} else if (i == 1) {
		char *end;
		long n;

		*num_mark = vn->start_mark;
		errno = 0;
		n = strtol(s, &end, 10);
		if (*s < '0' || *s > '9' || *end != '\0' || errno ||
		    n < 1 || n > 9999) {
			kz_yaml_doc_fail(y, vn->start_mark, _("number must be a "
			    "whole number from 1 to 9999, not \"%s\""),
			    kz_yaml_error_shown(s, sh));
			return false;
		}
		f->number = (int)n;
	} else if (!kz_yaml_doc_check(y, vn, s, check_name, NULL))
		return false;
	return (*val = strdup(s)) != NULL;
}

/* One entry of the fields list into f, with whatever of it is valid even
 * when some of it is not (false, after reporting), so the caller can
 * still find duplicates; the marks of its code and number go there too. */
static bool
field_entry(struct kz_yaml_doc *y, const yaml_node_t *map, struct kz_field *f,
    yaml_mark_t *code_mark, yaml_mark_t *num_mark)
{
	char *val[NKEYS] = { 0 };
	bool seen[NKEYS] = { 0 }, ok = true;

	if (map->type != YAML_MAPPING_NODE) {
		kz_yaml_doc_fail(y, map->start_mark, _("each field must be a group "
		    "of keys code, number, en, ja, zh, ko, fr; not %s"),
		    kz_yaml_doc_kind(map));
		return false;
	}
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *kn = kz_yaml_doc_node(y, p->key);
		const yaml_node_t *vn = kz_yaml_doc_node(y, p->value);
		const char *name = kz_yaml_doc_key(y, map, p), *s;
		int i;

		if (name == NULL || (i = field_key(y, kn, name)) < 0) {
			ok = false;
			continue;
		}
		seen[i] = true;
		if (vn->type != YAML_SCALAR_NODE) {
			kz_yaml_doc_fail(y, vn->start_mark, _("%s must be text, not "
			    "%s"), name, kz_yaml_doc_kind(vn));
			ok = false;
		} else if ((s = kz_yaml_doc_scalar(y, vn)) == NULL ||
		    !field_value(y, i, vn, s, f, &val[i], code_mark, num_mark))
			ok = false;
	}
	for (int i = 0; i < NREQUIRED; i++) {
		if (!seen[i]) {
			kz_yaml_doc_fail(y, map->start_mark, _("this field has no "
			    "\"%s\""), field_keys[i]);
			ok = false;
		}
	}
	f->code = val[0];
	free(val[1]);
	f->name_en = val[2];
	f->name_ja = val[3];
	f->name_zh = val[4];
	f->name_ko = val[5];
	f->name_fr = val[6];
	return ok;
}

bool
kz_config_fields_parse(const struct kz_yaml_src *s, struct kz_err *err,
    struct kz_field **out, size_t *nout)
{
	struct kz_yaml_doc y = { .src = s, .err = err };
	yaml_node_t *root;
	struct kz_field *f = NULL;
	yaml_mark_t *cm = NULL, *nm = NULL;
	size_t n = 0;
	char sh[64];

	*out = NULL;
	*nout = 0;
	if (!kz_yaml_doc_load(&y, &root))
		return false;
	if (root == NULL || kz_yaml_doc_null(root)) {
		yaml_mark_t m = { 0, 0, 0 };
		kz_yaml_doc_fail(&y, m, "%s", _("the fields file lists no "
		    "fields"));
		goto done;
	}
	if (root->type != YAML_SEQUENCE_NODE) {
		kz_yaml_doc_fail(&y, root->start_mark, _("the fields file must be "
		    "a list of fields (lines starting with \"- code:\"), not %s"),
		    kz_yaml_doc_kind(root));
		goto done;
	}
	size_t max = (size_t)(root->data.sequence.items.top -
	    root->data.sequence.items.start);
	if (max == 0) {
		kz_yaml_doc_fail(&y, root->start_mark, "%s", _("the fields file "
		    "lists no fields"));
		goto done;
	}
	f = calloc(max, sizeof *f);
	cm = calloc(max, sizeof *cm);
	nm = calloc(max, sizeof *nm);
	if (f == NULL || cm == NULL || nm == NULL) {
		kz_err_add(err, s->name, "%s", _("out of memory"));
		y.bad = true;
		goto done;
	}
	for (yaml_node_item_t *it = root->data.sequence.items.start;
	    it < root->data.sequence.items.top; it++) {
		struct kz_field *e = &f[n++];

		/* A broken entry still takes part in the duplicate check
		 * with what it has; nothing is kept if anything is wrong. */
		field_entry(&y, kz_yaml_doc_node(&y, *it), e, &cm[n - 1],
		    &nm[n - 1]);
		for (size_t j = 0; j + 1 < n; j++) {
			if (e->code != NULL && f[j].code != NULL &&
			    strcmp(f[j].code, e->code) == 0)
				kz_yaml_doc_fail(&y, cm[n - 1], _("field code "
				    "\"%s\" is used twice (first at line %zu)"),
				    kz_yaml_error_shown(e->code, sh),
				    cm[j].line + 1);
			if (e->number != 0 && f[j].number == e->number)
				kz_yaml_doc_fail(&y, nm[n - 1], _("field number "
				    "%d is used twice (first at line %zu)"),
				    e->number, nm[j].line + 1);
		}
	}
done:
	yaml_document_delete(&y.doc);
	free(cm);
	free(nm);
	if (y.bad) {
		kz_config_fields_free(f, n);
		return false;
	}
	*out = f;
	*nout = n;
	return true;
}

/* ---- looking a field up ---- */

const struct kz_field *
kz_config_field(const struct kz_config *cfg, const char *code_or_number)
{
	const char *s = code_or_number;
	size_t i;

	if (cfg == NULL || s == NULL || *s == '\0')
		return NULL;
	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (s[i] == '\0') {
		long n = i <= 6 ? strtol(s, NULL, 10) : -1;

		for (size_t j = 0; j < cfg->nfields; j++)
			if (cfg->fields[j].number == n)
				return &cfg->fields[j];
		return NULL;
	}
	/* Codes are lower case; what a person types may not be. A name
	 * in any language the file gives (农业, 農業, agriculture) is the
	 * field too, in any case or width. */
	for (size_t j = 0; j < cfg->nfields; j++)
		if (strcasecmp(cfg->fields[j].code, s) == 0)
			return &cfg->fields[j];
	for (size_t j = 0; j < cfg->nfields; j++) {
		const struct kz_field *f = &cfg->fields[j];

		if (kz_text_same(s, f->code) || kz_text_same(s, f->name_en) ||
		    (f->name_ja && kz_text_same(s, f->name_ja)) ||
		    (f->name_zh && kz_text_same(s, f->name_zh)))
			return f;
	}
	return NULL;
}

const char *
kz_field_name(const struct kz_config *cfg, const struct kz_field *f)
{
	const char *name = NULL;

	if (f == NULL)
		return NULL;
	if (cfg != NULL && cfg->language != NULL) {
		if (strcmp(cfg->language, "zh_CN") == 0)
			name = f->name_zh;
		else if (strcmp(cfg->language, "ja") == 0)
			name = f->name_ja;
		else if (strcmp(cfg->language, "ko") == 0)
			name = f->name_ko;
		else if (strcmp(cfg->language, "fr") == 0)
			name = f->name_fr;
	}
	return name != NULL && *name != '\0' ? name : f->name_en;
}
