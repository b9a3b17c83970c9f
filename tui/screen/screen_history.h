/* screen_history.h - a record's history in its detail pane, and taking back the last edits made on the screens (u). */
#ifndef KZ_SCREEN_HISTORY_H
#define KZ_SCREEN_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "db.h"
#include "record_list.h"
#include "draw.h"
#include "rtype.h"

/* The newest changes of record id at the bottom of a detail pane: when
 * (in the office's time), who, what, and the fields from what to what,
 * named by rt's labels where it has them (J and K scroll to them). */
void record_history_detail(struct record_list *l, struct kz_db *db,
    const struct kz_config *cfg, const struct kz_rtype *rt, const char *id);

/* What taking back a change of a record type needs: its table and its
 * own read, write and delete (which check, stamp and record history as
 * any save does). */
struct undo_ops {
	const struct kz_rtype *rt;
	size_t size;			/* of the record struct */
	void (*init)(void *rec);
	void (*release)(void *rec);
	int (*copy)(void *dst, const void *src);
	int (*get)(struct kz_db *db, const char *id, void *rec,
	    struct kz_err *err);
	int (*insert)(struct kz_db *db, void *rec, struct kz_err *err);
	int (*update)(struct kz_db *db, void *rec, struct kz_err *err);
	int (*del)(struct kz_db *db, const char *id, struct kz_err *err);
};

/* A copy of src into dst by rt's table for an undo_ops copy: its values,
 * and the lists kept outside the record's row (a request's fields, an
 * edition's attendance) through their own format and parse. */
int undo_copy(const struct kz_rtype *rt, void *dst, const void *src);

/* UNDO_STATE marks a change of state (a request's status, a dispatch's
 * state): history, not taken back by u, which says so while it is the
 * newest change of its tab. */
enum undo_what { UNDO_ADD, UNDO_EDIT, UNDO_DELETE, UNDO_STATE };

/* Remember a change just made on a screen: an add of record id, or an
 * edit or a delete of the record that was before (copied). An edit keeps
 * the stamp the record has now, so that taking it back puts back no
 * change made since (that is refused, naming the record). The last
 * UNDO_DEPTH of the session are kept, newest on top. */
#define UNDO_DEPTH 16
void undo_push(struct kz_db *db, const struct undo_ops *ops,
    enum undo_what what, const char *id, const char *name,
    const void *before);
/* Of the records of a and of b, those whose last change is the newer
 * (a when neither has one): a tab that changes two kinds. */
const struct undo_ops *undo_newer(const struct undo_ops *a,
    const struct undo_ops *b);
/* The question naming what u would take back of the records of ops (the
 * newest change made on their tab), into q; false when there is none. */
bool undo_question(struct kz_db *db, const struct undo_ops *ops, char *q,
    size_t size);
/* Take back that change: an add by deleting the record, an edit by
 * saving the values from before over it, a delete by adding the record
 * again with its values; each through the type's own write, so it is
 * checked and recorded in the history as any save. The message saying
 * what was done goes into msg. */
int undo_apply(struct kz_db *db, const struct undo_ops *ops, char *msg,
    size_t size, struct kz_err *err);
/* Forget every change (at the end of the session). */
void undo_clear(void);
/* Forget the changes of the records of ops (after one that u cannot take
 * back, so that it does not take back an older one instead). */
void undo_forget(const struct undo_ops *ops);

/* A tab's u: ask on the list's status line, *asking then true (or say
 * there is nothing to take back). UI_* flags. */
unsigned undo_ask(struct record_list *l, struct frame_ctx *ctx,
    const struct undo_ops *ops, bool *asking);
/* A key while u's question is asked: y takes the change back and calls
 * reload(arg) to read the tab's rows again; y or n ends the question.
 * UI_* flags. */
unsigned undo_answer(struct record_list *l, struct frame_ctx *ctx,
    const struct undo_ops *ops, int key, bool *asking,
    void (*reload)(void *arg), void *arg);

#endif
