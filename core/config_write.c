/* config_write.c - the configuration as YAML (config show) and its keys documented (config doc). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "config_schema.h"

/* The text, or NULL if memory ran out on the way. */
static char *
buf_done(struct kz_buf *b)
{
	if (b->oom) {
		kz_buf_free(b);
		return NULL;
	}
	if (b->s == NULL)
		return strdup("");
	return b->s;
}

/* A scalar as YAML: bare when that reads back the same everywhere. */
static void
yaml_value(struct kz_buf *b, const char *s)
{
	static const char *const words[] = { "null", "true", "false", "yes",
	    "no", "on", "off", "y", "n", NULL };
	/* Unicode line breaks that YAML readers fold. */
	static const char *const breaks[] = { "\xc2\x85", "\xe2\x80\xa8",
	    "\xe2\x80\xa9", NULL };
	static const char *const escaped[] = { "\\N", "\\L", "\\P" };
	size_t n = strlen(s);
	bool plain = n > 0 && strchr("-.+ ", s[0]) == NULL && s[n - 1] != ' ';

	for (const char *p = s; *p && plain; p++)
		plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80 ||
		    (*p != '\0' && strchr("_./+- ", *p) != NULL);
	for (int i = 0; words[i] && plain; i++)
		plain = strcasecmp(s, words[i]) != 0;
	for (int i = 0; breaks[i] && plain; i++)
		plain = strstr(s, breaks[i]) == NULL;
	if (plain) {
		kz_buf_puts(b, s);
		return;
	}
	kz_buf_put(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int br = -1;

		for (int i = 0; breaks[i]; i++)
			if (strncmp((const char *)p, breaks[i],
			    strlen(breaks[i])) == 0)
				br = i;
		if (br >= 0) {
			kz_buf_puts(b, escaped[br]);
			p += strlen(breaks[br]) - 1;
		} else if (*p == '"' || *p == '\\')
			kz_buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			kz_buf_puts(b, "\\n");
		else if (*p == '\t')
			kz_buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			kz_buf_printf(b, "\\x%02x", *p);
		else
			kz_buf_put(b, (const char *)p, 1);
	}
	kz_buf_put(b, "\"", 1);
}

/* Open the sections key shares no longer with prev, the key before it:
 * "office.id" after "user" opens "office:". Returns the depth of key. */
static size_t
open_sections(struct kz_buf *b, const char *key, const char *prev)
{
	size_t common = 0, depth = 0;
	const char *p;

	while (key[common] != '\0' && key[common] == prev[common])
		common++;
	while (common > 0 && key[common - 1] != '.')
		common--;
	for (p = key; p < key + common; p++)
		depth += *p == '.';
	while ((p = strchr(key + common, '.')) != NULL) {
		kz_buf_printf(b, "%*s%.*s:\n", (int)depth * 2, "",
		    (int)(p - (key + common)), key + common);
		depth++;
		common = (size_t)(p - key) + 1;
	}
	kz_buf_printf(b, "%*s%s: ", (int)depth * 2, "", key + common);
	return depth;
}

/* A KT_RECORDS value: one item a line, in flow style, short and still
 * plain to read. */
static void
write_records(struct kz_buf *b, const struct kz_config *cfg,
    const struct kz_config_key *k, size_t depth)
{
	const char *items = *(char *const *)(const void *)
	    ((const char *)cfg + k->off);
	size_t n = *(const size_t *)(const void *)((const char *)cfg + k->off_n);

	if (n == 0)
		kz_buf_puts(b, "[]");
	else if (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';	/* "costs:" ends its line */
	for (size_t j = 0; j < n; j++) {
		const char *item = items + j * k->item_size;
		int m = 0;

		kz_buf_printf(b, "\n%*s- {", (int)depth * 2 + 2, "");
		for (const struct kz_config_subkey *sk = k->sub; sk->name; sk++) {
			const void *f = item + sk->off;

			if (sk->type == KT_ENUM) {
				kz_buf_printf(b, "%s%s: ", m++ ? ", " : "",
				    sk->name);
				yaml_value(b, sk->choices[*(const int *)f]);
			} else if (*(char *const *)f != NULL) {
				kz_buf_printf(b, "%s%s: ", m++ ? ", " : "",
				    sk->name);
				yaml_value(b, *(char *const *)f);
			}
		}
		kz_buf_puts(b, "}");
	}
}

/* The value of key k in cfg, after its "key: ". */
static void
write_value(struct kz_buf *b, const struct kz_config *cfg,
    const struct kz_config_key *k, size_t depth)
{
	const char *base = (const char *)cfg + k->off;

	switch (k->type) {
	case KT_STRING: {
		const char *v = *(char *const *)(const void *)base;

		if (v == NULL)
			kz_buf_puts(b, "~");
		else
			yaml_value(b, v);
		break;
	}
	case KT_INT:
		kz_buf_printf(b, "%d", *(const int *)(const void *)base);
		break;
	case KT_ENUM:
		if (k->flags & KF_INDEX) {
			int idx = *(const int *)(const void *)base;
			int nch = 0;

			while (k->choices[nch])
				nch++;
			yaml_value(b, k->choices[idx >= 0 && idx < nch ? idx : 0]);
		} else
			yaml_value(b, *(char *const *)(const void *)base);
		break;
	case KT_LIST: {
		char *const *list = *(char **const *)(const void *)base;
		size_t n = *(const size_t *)(const void *)
		    ((const char *)cfg + k->off_n);

		kz_buf_puts(b, "[");
		for (size_t j = 0; j < n; j++) {
			if (j)
				kz_buf_puts(b, ", ");
			yaml_value(b, list[j]);
		}
		kz_buf_puts(b, "]");
		break;
	}
	case KT_RECORDS:
		write_records(b, cfg, k, depth);
		break;
	}
}

char *
kz_config_yaml(const struct kz_config *cfg)
{
	struct kz_buf b = { 0 };
	const char *prev = "";

	for (size_t i = 0; i < kz_config_nkeys; i++) {
		const struct kz_config_key *k = &kz_config_keys[i];
		size_t depth = open_sections(&b, k->key, prev);

		write_value(&b, cfg, k, depth);
		kz_buf_puts(&b, "\n");
		prev = k->key;
	}
	return buf_done(&b);
}

char *
kz_config_doc_mdoc(void)
{
	struct kz_buf b = { 0 };

	kz_buf_puts(&b, ".Bl -tag -width Ds\n");
	for (size_t i = 0; i < kz_config_nkeys; i++) {
		const struct kz_config_key *k = &kz_config_keys[i];

		kz_buf_printf(&b, ".It Cm %s", k->key);
		switch (k->type) {
		case KT_STRING:
			kz_buf_puts(&b, " Ar text\n");
			break;
		case KT_INT:
			kz_buf_puts(&b, " Ar number\n");
			break;
		case KT_LIST:
		case KT_RECORDS:
			kz_buf_puts(&b, " Ar list\n");
			break;
		case KT_ENUM:
			for (int j = 0; k->choices[j]; j++)
				kz_buf_printf(&b, "%s Cm %s", j ? " |" : "",
				    k->choices[j]);
			kz_buf_puts(&b, "\n");
			break;
		}
		kz_buf_printf(&b, "%s\n", k->doc);
		if (k->type == KT_INT)
			kz_buf_printf(&b, "From %d to %d.\n", k->min, k->max);
		if (k->flags & KF_REQUIRED)
			kz_buf_puts(&b, "Required.\n");
		else if (k->def_doc != NULL)
			kz_buf_printf(&b, "%s\n", k->def_doc);
		else if (k->def != NULL)
			kz_buf_printf(&b, "Default:\n.Ql %s .\n", k->def);
	}
	kz_buf_puts(&b, ".El\n");
	return buf_done(&b);
}
