/* screen_history.c - a record's history in its detail pane, and taking back the last edits made on the screens (u). */
#include "screen_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "i18n.h"
#include "keys.h"
#include "screen_record.h"
#include "stamp.h"
#include "xalloc.h"

/* The changes a pane shows; the command shows them all. */
#define HISTORY_SHOWN 6

static const char *
field_label(const struct kz_rtype *rt, const char *name, char *buf,
    size_t size)
{
	const struct kz_rfield *f = rt && name ? kz_rtype_field(rt, name) :
	    NULL;

	if (f == NULL) {
		snprintf(buf, size, "%s", name ? name : "?");
		return buf;
	}
	return record_label(f, buf, size);
}

/* A value on one line, cut: the pane has a few lines a change. */
static void
put_value(struct kz_buf *b, const char *v)
{
	size_t n = 0;

	if (v == NULL || *v == '\0') {
		kz_buf_puts(b, "-");
		return;
	}
	for (const char *p = v; *p; p++, n++) {
		if (n >= 40 && ((unsigned char)*p & 0xc0) != 0x80) {
			kz_buf_puts(b, "…");
			return;
		}
		kz_buf_put(b, *p == '\n' || *p == '\t' ? " " : p, 1);
	}
}

void
record_history_detail(struct record_list *l, struct kz_db *db,
    const struct kz_config *cfg, const struct kz_rtype *rt, const char *id)
{
	struct kz_history h;
	struct kz_err err = { 0 };
	char when[64], label[128];

	if (id == NULL || *id == '\0' ||
	    kz_history_load(db, id, HISTORY_SHOWN, &h, &err) != KZ_OK) {
		kz_err_clear(&err);
		return;
	}
	if (h.n > 0)
		record_list_detail_heading(l, _("History"));
	for (size_t i = 0; i < h.n; i++) {
		const struct kz_hentry *e = &h.e[i];
		struct kz_buf b = { 0 };

		kz_buf_printf(&b, "%s  %s  %s", kz_stamp_format(cfg, e->at,
		    when, sizeof when), kz_user_name(e->user),
		    kz_history_action_name(e->action));
		record_list_detail_add(l, NULL, kz_buf_str(&b));
		kz_buf_free(&b);
		for (size_t j = 0; j < e->nc; j++) {
			const struct kz_hchange *c = &e->c[j];
			struct kz_buf v = { 0 };

			char *o = kz_history_value(e->kind, c->field, c->old,
			    cfg);
			char *n = kz_history_value(e->kind, c->field, c->new,
			    cfg);

			kz_buf_printf(&v, "  %s: ", field_label(rt, c->field,
			    label, sizeof label));
			if (strcmp(e->action, "add") == 0)
				put_value(&v, n ? n : c->new);
			else if (strcmp(e->action, "delete") == 0)
				put_value(&v, o ? o : c->old);
			else {
				put_value(&v, o ? o : c->old);
				kz_buf_puts(&v, " → ");
				put_value(&v, n ? n : c->new);
			}
			record_list_detail_add(l, NULL, kz_buf_str(&v));
			kz_buf_free(&v);
			free(o);
			free(n);
		}
	}
	kz_history_free(&h);
}

/* ---- undo ---- */

struct undo_step {
	const struct undo_ops *ops;
	enum undo_what what;
	char id[KZ_ID_SIZE];
	char name[128];
	void *before;		/* EDIT, DELETE: the record as it was */
	char stamp[32];		/* EDIT: its "updated" after the edit */
};

static struct undo_step stack[UNDO_DEPTH];
static int depth;

static void
step_free(struct undo_step *s)
{
	if (s->before) {
		s->ops->release(s->before);
		free(s->before);
	}
	memset(s, 0, sizeof *s);
}

int
undo_copy(const struct kz_rtype *rt, void *dst, const void *src)
{
	struct kz_err err = { 0 };
	int rc = kz_rtype_copy(rt, dst, src);

	for (size_t i = 0; rc == KZ_OK && i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		char *text;

		if (f->kind != KZ_RK_LIST || !f->parse || !f->format)
			continue;
		if ((text = f->format(src)) == NULL)
			continue;	/* none */
		rc = f->parse(dst, text, &err);
		free(text);
	}
	kz_err_clear(&err);
	return rc;
}

/* The record's "updated" stamp, into out ("" when it has none). */
static void
stamp_of(const struct kz_rtype *rt, const void *rec, char out[32])
{
	const struct kz_rfield *f = kz_rtype_field(rt, "updated");

	out[0] = '\0';
	if (f && f->kind == KZ_RK_STAMP)
		snprintf(out, 32, "%s", (const char *)kz_rfield_cptr(f, rec));
}

void
undo_push(struct kz_db *db, const struct undo_ops *ops, enum undo_what what,
    const char *id, const char *name, const void *before)
{
	struct undo_step *s;
	struct kz_err err = { 0 };
	void *now;

	if (depth == UNDO_DEPTH) {
		/* the oldest goes */
		step_free(&stack[0]);
		memmove(&stack[0], &stack[1], (UNDO_DEPTH - 1) * sizeof *stack);
		memset(&stack[UNDO_DEPTH - 1], 0, sizeof *stack);
		depth--;
	}
	s = &stack[depth];
	s->ops = ops;
	s->what = what;
	snprintf(s->id, sizeof s->id, "%s", id);
	snprintf(s->name, sizeof s->name, "%s", name ? name : "");
	if (before != NULL) {
		s->before = xcalloc(1, ops->size);
		ops->init(s->before);
		if (ops->copy(s->before, before) != KZ_OK) {
			step_free(s);
			return;	/* out of memory: this one is not kept */
		}
	}
	if (what == UNDO_EDIT) {
		now = xcalloc(1, ops->size);
		ops->init(now);
		if (ops->get(db, s->id, now, &err) == KZ_OK)
			stamp_of(ops->rt, now, s->stamp);
		kz_err_clear(&err);
		ops->release(now);
		free(now);
	}
	depth++;
}

void
undo_clear(void)
{
	while (depth > 0)
		step_free(&stack[--depth]);
}

void
undo_forget(const struct undo_ops *ops)
{
	int i = 0;

	while (i < depth) {
		if (stack[i].ops != ops) {
			i++;
			continue;
		}
		step_free(&stack[i]);
		memmove(&stack[i], &stack[i + 1], (size_t)(depth - i - 1) *
		    sizeof *stack);
		memset(&stack[--depth], 0, sizeof *stack);
	}
}

/* "romanised name, languages": the fields whose values the edit changed
 * (now against before), by label. */
static void
changed_fields(const struct undo_step *s, const void *now, char *out,
    size_t size)
{
	const struct kz_rtype *rt = s->ops->rt;
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < rt->n && o + 1 < size; i++) {
		const struct kz_rfield *f = &rt->f[i];
		char *a, *b;
		bool differ;

		if (f->option == NULL)
			continue;	/* stamps and what core makes */
		a = kz_rfield_text(f, s->before);
		b = kz_rfield_text(f, now);
		differ = a && b && strcmp(a, b) != 0;
		free(a);
		free(b);
		if (differ)
			o += (size_t)snprintf(out + o, size - o, "%s%s",
			    o ? ", " : "", _(f->label));
	}
}

/* The newest change of the records of ops, or -1. */
static int
newest(const struct undo_ops *ops)
{
	for (int i = depth - 1; i >= 0; i--)
		if (stack[i].ops == ops)
			return i;
	return -1;
}

const struct undo_ops *
undo_newer(const struct undo_ops *a, const struct undo_ops *b)
{
	return newest(b) > newest(a) ? b : a;
}

bool
undo_question(struct kz_db *db, const struct undo_ops *ops, char *q,
    size_t size)
{
	struct undo_step *s;
	struct kz_err err = { 0 };
	char fields[256];
	void *now;
	int i = newest(ops);

	if (i < 0)
		return false;
	s = &stack[i];
	switch (s->what) {
	case UNDO_ADD:
		snprintf(q, size, _("Undo adding %s (%s): delete it again?"),
		    s->name, s->id);
		break;
	case UNDO_DELETE:
		snprintf(q, size, _("Undo deleting %s (%s): add it again with "
		    "its values?"), s->name, s->id);
		break;
	case UNDO_STATE:
		return false;
	case UNDO_EDIT:
		now = xcalloc(1, s->ops->size);
		s->ops->init(now);
		fields[0] = '\0';
		if (s->ops->get(db, s->id, now, &err) == KZ_OK)
			changed_fields(s, now, fields, sizeof fields);
		kz_err_clear(&err);
		s->ops->release(now);
		free(now);
		if (fields[0])
			snprintf(q, size, _("Undo the edit of %s (%s): put back "
			    "%s as they were?"), s->name, s->id, fields);
		else
			snprintf(q, size, _("Undo the edit of %s (%s): put back "
			    "its values from before?"), s->name, s->id);
		break;
	}
	return true;
}

/* The stamp the record had after the edit: the update expects it, and
 * is refused (KZ_STALE) if the record changed since. */
static void
take_stamp(const struct kz_rtype *rt, void *rec, const char *stamp)
{
	const struct kz_rfield *f = kz_rtype_field(rt, "updated");

	if (f && f->kind == KZ_RK_STAMP && f->size >= 32)
		snprintf(kz_rfield_ptr(f, rec), f->size, "%s", stamp);
}

int
undo_apply(struct kz_db *db, const struct undo_ops *ops, char *msg,
    size_t size, struct kz_err *err)
{
	struct undo_step *s;
	void *rec, *now;
	int rc, i = newest(ops);

	if (i < 0)
		return kz_err_add(err, "", "%s", _("nothing to undo"));
	s = &stack[i];
	if (s->what == UNDO_STATE)
		return kz_err_add(err, "", _("the last change of %s (%s) was "
		    "a change of state, which u does not take back: make "
		    "another change of state (s) instead"), s->name, s->id);
	switch (s->what) {
	case UNDO_ADD:
		rc = s->ops->del(db, s->id, err);
		if (rc == KZ_OK)
			snprintf(msg, size, _("Undone: %s (%s) is deleted "
			    "again."), s->name, s->id);
		break;
	case UNDO_DELETE:
		rec = xcalloc(1, s->ops->size);
		s->ops->init(rec);
		rc = s->ops->copy(rec, s->before);
		if (rc == KZ_OK)
			rc = s->ops->insert(db, rec, err);
		s->ops->release(rec);
		free(rec);
		if (rc == KZ_OK)
			snprintf(msg, size, _("Undone: %s (%s) is back."),
			    s->name, s->id);
		break;
	default:
		rec = xcalloc(1, s->ops->size);
		now = xcalloc(1, s->ops->size);
		s->ops->init(rec);
		s->ops->init(now);
		rc = s->ops->get(db, s->id, now, err);
		if (rc == KZ_OK)
			rc = s->ops->copy(rec, s->before);
		if (rc == KZ_OK) {
			take_stamp(s->ops->rt, rec, s->stamp);
			rc = s->ops->update(db, rec, err);
		}
		s->ops->release(rec);
		s->ops->release(now);
		free(rec);
		free(now);
		if (rc == KZ_OK)
			snprintf(msg, size, _("Undone: %s (%s) has its values "
			    "from before the edit."), s->name, s->id);
		break;
	}
	if (rc == KZ_OK) {
		step_free(&stack[i]);
		memmove(&stack[i], &stack[i + 1], (size_t)(depth - i - 1) *
		    sizeof *stack);
		memset(&stack[--depth], 0, sizeof *stack);
	}
	return rc;
}

unsigned
undo_ask(struct record_list *l, struct frame_ctx *ctx,
    const struct undo_ops *ops, bool *asking)
{
	char q[512];
	int i = newest(ops);

	if (i >= 0 && stack[i].what == UNDO_STATE) {
		frame_message(ctx, true, _("The last change here was a change "
		    "of state of %s (%s): u does not take that back; a change "
		    "of state is taken back with another one (%s)."),
		    stack[i].name, stack[i].id, keys_first(KA_STATE));
		return UI_DRAW_STATUS;
	}
	if (!undo_question(ctx->db, ops, q, sizeof q)) {
		frame_message(ctx, false, "%s", _("Nothing to undo."));
		return UI_DRAW_STATUS;
	}
	*asking = true;
	record_list_ask(l, q);
	return UI_DRAW_STATUS;
}

unsigned
undo_answer(struct record_list *l, struct frame_ctx *ctx,
    const struct undo_ops *ops, int key, bool *asking,
    void (*reload)(void *arg), void *arg)
{
	enum keys_action a = keys_lookup(KEYS_CONFIRM, key, false);
	struct kz_err err = { 0 };
	char msg[512];

	if (a != KA_YES && a != KA_NO)
		return 0;
	l->mode = RLIST_BROWSE;
	*asking = false;
	if (a == KA_NO) {
		frame_message(ctx, false, "%s", _("Nothing undone."));
		return UI_DRAW_STATUS;
	}
	if (undo_apply(ctx->db, ops, msg, sizeof msg, &err) != KZ_OK) {
		frame_error(ctx, &err);
		kz_err_clear(&err);
		return UI_DRAW_STATUS;
	}
	reload(arg);
	frame_message(ctx, false, "%s", msg);
	return UI_LAYOUT | UI_DRAW_ALL;
}
