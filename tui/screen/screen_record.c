/* screen_record.c - a record's form and detail lines, made from its type's table of fields. */
#include "screen_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"
#include "text.h"

bool
record_form_init(struct record_form *rf, const struct kz_rtype *rt)
{
	memset(rf, 0, sizeof *rf);
	rf->rt = rt;
	rf->spec = xcalloc(rt->n, sizeof *rf->spec);
	rf->field = xcalloc(rt->n, sizeof *rf->field);
	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *fd = &rt->f[i];
		struct form_spec *sp = &rf->spec[rf->n];

		if (fd->option == NULL)
			continue;
		sp->key = fd->name;
		sp->label = fd->label;
		sp->hint = fd->hint;
		sp->choices = fd->kind == KZ_RK_ENUM ? fd->values->labels : NULL;
		sp->flags = fd->flags & KZ_RF_REQUIRED ? FORM_REQUIRED : 0;
		rf->field[rf->n++] = fd;
	}
	return true;
}

void
record_form_free(struct record_form *rf)
{
	free(rf->spec);
	free(rf->field);
	memset(rf, 0, sizeof *rf);
}

int
record_form_line(const struct record_form *rf, const char *name)
{
	for (int i = 0; i < rf->n; i++)
		if (strcmp(rf->field[i]->name, name) == 0)
			return i;
	return -1;
}

void
record_form_fill(const struct record_form *rf, struct form *f, const void *rec)
{
	for (int i = 0; i < rf->n; i++) {
		const struct kz_rfield *fd = rf->field[i];
		char *v;

		if (fd->kind == KZ_RK_ENUM) {
			form_set_choice(f, i, *(const int *)kz_rfield_cptr(fd,
			    rec));
			continue;
		}
		v = kz_rfield_text(fd, rec);
		form_set(f, i, v ? v : "");
		free(v);
	}
}

int
record_form_take(const struct record_form *rf, const struct form *f,
    void *rec, struct kz_err *err)
{
	int rc = KZ_OK;

	for (int i = 0; i < rf->n; i++) {
		const struct kz_rfield *fd = rf->field[i];
		char *v;

		if (fd->kind == KZ_RK_ENUM) {
			*(int *)kz_rfield_ptr(fd, rec) = form_choice(f, i);
			continue;
		}
		if ((v = form_trimmed(f, i)) == NULL)
			return kz_err_add(err, "", "%s", _("out of memory"));
		if (kz_rfield_set(fd, rec, v, err))
			rc = KZ_ERROR;
		free(v);
	}
	return rc;
}

const char *
record_label(const struct kz_rfield *f, char *buf, size_t size)
{
	snprintf(buf, size, "%s", _(f->label));
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

int
record_label_width(const struct kz_rtype *rt)
{
	char buf[128];
	int lw = 0;

	for (size_t i = 0; i < rt->n; i++) {
		int w = kz_text_width(record_label(&rt->f[i], buf, sizeof buf));
		if (w > lw)
			lw = w;
	}
	return lw;
}

/* The "who" field that goes with stamp f: "created" has "created_by". */
static const struct kz_rfield *
stamp_user(const struct kz_rtype *rt, const struct kz_rfield *f)
{
	char name[64];

	snprintf(name, sizeof name, "%s_by", f->name);
	return kz_rtype_field(rt, name);
}

void
record_detail(struct record_list *l, const struct kz_rtype *rt,
    const void *rec, const struct kz_config *cfg, const char *first,
    const char *last)
{
	bool on = false;
	char label[128];

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i], *who;
		char *v, *line, *next;

		on |= strcmp(f->name, first) == 0;
		if (!on)
			continue;
		if (f->kind != KZ_RK_USER &&
		    (v = kz_rfield_shown(f, rec, cfg)) != NULL) {
			if (f->kind == KZ_RK_STAMP && *v &&
			    (who = stamp_user(rt, f)) != NULL &&
			    !kz_rfield_empty(who, rec)) {
				char *w = kz_rfield_text(who, rec), *both;
				both = w ? xmalloc(strlen(v) + strlen(w) + 4) : NULL;
				if (both) {
					sprintf(both, "%s - %s", v, w);
					free(v);
					v = both;
				}
				free(w);
			}
			record_label(f, label, sizeof label);
			/* a list: a line an item, labelled once */
			for (line = v; line; line = next) {
				if ((next = strchr(line, '\n')) != NULL)
					*next++ = '\0';
				record_list_detail_add(l, line == v ? label : NULL,
				    line);
			}
			free(v);
		}
		if (strcmp(f->name, last) == 0)
			break;
	}
}
