/* screen_sync.c - the sync tab: this database's exchange with head office, and its conflicts. */
#include "screen_sync.h"

#include <libintl.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "fold.h"
#include "form.h"
#include "file.h"
#include "i18n.h"
#include "keys.h"
#include "record_list.h"
#include "screen_sync_held.h"
#include "stamp.h"
#include "sync.h"
#include "sync_key.h"
#include "sync_records.h"
#include "text.h"
#include "xalloc.h"

#define SYNC_LASTH 2		/* rows of the state block for the last result */

enum sync_ask { ASK_THEIRS, ASK_MINE, ASK_REPLACE, ASK_TRUST, ASK_REVOKE,
    ASK_RENEW, ASK_READY };
enum sync_prompt { PROMPT_NONE, PROMPT_EXPORT, PROMPT_IMPORT, PROMPT_AGAIN,
    PROMPT_OFFICE, PROMPT_KEY };

struct sync_tab {
	struct frame_ctx *ctx;
	struct record_list rl;
	struct kz_conflict_list cl;	/* open ones first */
	size_t *shown;			/* the conflicts the search keeps */
	size_t nshown;
	bool all;			/* settled ones too */
	/* The keys view: this database's key first, then the keys it
	 * believes or has revoked, as the search keeps them. */
	bool keys;
	struct kz_sync_key *kv;
	size_t nkv;
	char office[16];		/* the office whose key is being enrolled */
	char keytext[200];
	struct kz_sync_status st;
	enum sync_ask ask;
	long ask_n;
	bool ask_held;			/* ask_n waits for a record not here */
	enum sync_prompt prompt;
	struct form_line path;
	char target[4096];		/* the bundle asked about */
	/* The last exchange's result in full: the status line cuts it at
	 * the terminal's width, the state block wraps it. */
	char last[KZ_ERR_MSG + 512];
	bool last_error;
	WINDOW *wstate;
	int sh, sw;			/* state block rows and columns */
};

static const struct kz_conflict *
sel(const struct sync_tab *t)
{
	return t->rl.sel < t->nshown ? &t->cl.c[t->shown[t->rl.sel]] : NULL;
}

/* "2026-11-21T10:00:00Z" in the office's date format and time zone. */
static void
when(const struct kz_config *cfg, const char *stamp, char *out, size_t size)
{
	kz_stamp_format(cfg, stamp, out, size);
}

static const char *
file_part(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The result of an exchange: on the status line, and whole in the state
 * block until the next one. */
static void
report(struct sync_tab *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
report(struct sync_tab *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->last, sizeof t->last, fmt, ap);
	va_end(ap);
	t->last_error = error;
	frame_message(t->ctx, error, "%s", t->last);
}

static void
report_err(struct sync_tab *t, const struct kz_err *err)
{
	char buf[KZ_ERR_MSG + 200];

	report(t, true, "%s", kz_err_first(err, buf, sizeof buf));
}

/* ---- loading ---- */

static bool
key_matches(const struct kz_sync_key *k, const char *term)
{
	return kz_fold_contains(k->office, term) ||
	    kz_fold_contains(k->fp, term) || kz_fold_contains(k->key, term);
}

/* The keys view's rows: this database's own key, then the keys it
 * believes and has revoked, as the search keeps them; the selected key
 * stays selected. */
static void
load_keys(struct sync_tab *t, const char *term)
{
	struct kz_sync_key_list l;
	struct kz_err err = { 0 };
	unsigned char pk[KZ_KEY_PUBLIC];
	char keep[KZ_KEY_HEX] = "";

	if (t->rl.sel < t->nkv)
		snprintf(keep, sizeof keep, "%s", t->kv[t->rl.sel].key);
	free(t->kv);
	t->kv = NULL;
	t->nkv = 0;
	if (kz_sync_key_list(t->ctx->db, &l, &err) != KZ_OK) {
		report_err(t, &err);
		return;
	}
	t->kv = xcalloc(l.n + 1, sizeof *t->kv);
	if (kz_sync_key_own(t->ctx->db, pk, &err) == KZ_OK) {
		struct kz_sync_key *k = &t->kv[0];

		kz_sync_key_hex(pk, k->key);
		kz_sync_key_fp(pk, k->fp);
		snprintf(k->office, sizeof k->office, "%s",
		    t->ctx->cfg->office_id ? t->ctx->cfg->office_id : "");
		snprintf(k->role, sizeof k->role, "%s",
		    t->ctx->cfg->role == KZ_ROLE_HEAD ? "head" : "office");
		snprintf(k->source, sizeof k->source, "%s", "self");
		if (!*term || key_matches(k, term))
			t->nkv++;
	} else
		report_err(t, &err);
	for (size_t i = 0; i < l.n; i++)
		if (!*term || key_matches(&l.k[i], term))
			t->kv[t->nkv++] = l.k[i];
	kz_sync_key_list_free(&l);
	t->rl.sel = 0;
	for (size_t i = 0; keep[0] && i < t->nkv; i++)
		if (strcmp(t->kv[i].key, keep) == 0)
			t->rl.sel = i;
}

/* Read the state and the conflicts again, keeping conflict keep (or the
 * selected one) selected while it is listed. */
static void
reload(struct sync_tab *t, long keep)
{
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	const char *term = record_list_term(&t->rl);
	size_t *shown;

	if (keep < 0 && sel(t))
		keep = sel(t)->n;
	kz_sync_status_free(&t->st);
	if (kz_sync_status(t->ctx->db, &t->st, &err) != KZ_OK ||
	    kz_sync_conflicts(t->ctx->db, t->all, &l, &err) != KZ_OK) {
		report_err(t, &err);
		return;
	}
	shown = xcalloc(l.n, sizeof *shown);
	kz_conflict_list_free(&t->cl);
	free(t->shown);
	t->cl = l;
	t->shown = shown;
	t->nshown = 0;
	for (size_t i = 0; i < l.n; i++)
		if (!*term || sync_conflict_matches(&l.c[i], term))
			t->shown[t->nshown++] = i;
	for (size_t i = 0; keep >= 0 && i < t->nshown; i++)
		if (l.c[t->shown[i]].n == keep)
			t->rl.sel = i;
	if (t->keys)
		load_keys(t, term);
	record_list_clamp(&t->rl);
}

/* ---- the list ---- */

static size_t
sync_count(void *arg)
{
	struct sync_tab *t = arg;

	return t->keys ? t->nkv : t->nshown;
}

static const char *
state_word(const struct kz_conflict *c)
{
	if (c->resolution == NULL)	/* held: waits for a record */
		return c->reason && strcmp(c->reason, "missing") == 0 ?
		    C_("conflict", "held") : _("open");
	return strcmp(c->resolution, "theirs") == 0 ? _("theirs") : _("mine");
}

static int
widest(const char *const *s, int n)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		if (kz_text_width(s[i]) > w)
			w = kz_text_width(s[i]);
	return w;
}

/* A key's state in a word or two: this database's, enrolled or revoked
 * (with the date, in the office's format), learnt from head office. */
static void
key_state(const struct sync_tab *t, const struct kz_sync_key *k, char *buf,
    size_t size)
{
	char at[96];

	if (strcmp(k->source, "self") == 0) {
		snprintf(buf, size, "%s", _("this database"));
		return;
	}
	when(t->ctx->cfg, k->revoked[0] ? k->revoked : k->enrolled, at,
	    sizeof at);
	if (k->revoked[0])
		snprintf(buf, size, _("revoked %s"), at);
	else if (strcmp(k->source, "here") == 0)
		snprintf(buf, size, _("enrolled %s"), at);
	else
		snprintf(buf, size, _("enrolled %s, from %s"), at, k->source);
}

static const char *
role_word(const char *role)
{
	return strcmp(role, "head") == 0 ? _("head office") : _("office");
}

static void
key_row(struct sync_tab *t, size_t i, char *buf, size_t size, int width)
{
	const char *head[] = { _("Office"), _("Role"), _("Fingerprint"),
	    _("State") };
	const char *roles[] = { _("Role"), _("head office"), _("office") };
	const char *v[4];
	char state[160];
	int w[4];

	w[0] = kz_text_width(head[0]) > 6 ? kz_text_width(head[0]) : 6;
	w[1] = widest(roles, 3);
	w[2] = KZ_KEY_FP - 1;
	w[3] = width - 3 - w[0] - w[1] - w[2];
	if (i == (size_t)-1)
		memcpy(v, head, sizeof v);
	else {
		const struct kz_sync_key *k = &t->kv[i];

		key_state(t, k, state, sizeof state);
		v[0] = k->office;
		v[1] = role_word(k->role);
		v[2] = k->fp;
		v[3] = state;
	}
	draw_cells(buf, size, v, w, 4);
}

static void
sync_row(void *arg, size_t i, char *buf, size_t size, int width)
{
	struct sync_tab *t = arg;

	if (t->keys) {
		key_row(t, i, buf, size, width);
		return;
	}
	const char *head[] = { "#", _("State"), _("Bundle"), _("Table"),
	    _("Record"), _("Why") };
	const char *states[] = { _("State"), _("open"), _("theirs"),
	    _("mine"), C_("conflict", "held") };
	const char *v[6];
	char num[24], bundle[32], why[512];
	int w[6], used = 5;
	w[0] = 4;
	w[1] = widest(states, 5);
	w[2] = kz_text_width(head[2]) > 8 ? kz_text_width(head[2]) : 8;
	w[3] = 14;
	w[4] = 14;		/* ids: up to four letters, dash, 4, dash, 4 */
	if (width < 70)		/* narrow: the record pane has the table */
		w[1] = w[3] = 0, used = 3;
	w[5] = width - used;
	for (int k = 0; k < 5; k++)
		w[5] -= w[k];
	if (i == (size_t)-1)
		memcpy(v, head, sizeof v);
	else {
		const struct kz_conflict *c = &t->cl.c[t->shown[i]];

		snprintf(num, sizeof num, "%ld", c->n);
		snprintf(bundle, sizeof bundle, "%s %ld", c->office, c->seq);
		v[0] = num;
		v[1] = state_word(c);
		v[2] = bundle;
		v[3] = c->table;
		v[4] = c->record;
		v[5] = kz_conflict_reason(c, why, sizeof why);
	}
	draw_cells(buf, size, v, w, 6);
}

/* ---- the record: the change field by field ---- */

static void
compare(struct record_list *l, const struct kz_conflict_view *v)
{
	const char *names[KZ_SIDES] = { _("theirs"), _("base"), _("mine") };
	const char *text[KZ_SIDES];
	int side[KZ_SIDES], ns = 0, cw;

	/* only the sides the change has: an addition has no base */
	for (int s = 0; s < KZ_SIDES; s++)
		if (v->has[s])
			side[ns++] = s;
	if (ns == 0 || v->n == 0)
		return;
	cw = (record_list_detail_width(l) - 2 * (ns - 1)) / ns;
	if (cw < 4)
		cw = 4;
	for (int s = 0; s < ns; s++)
		text[s] = names[side[s]];
	record_list_detail_columns(l, _("Field"), text, ns, cw);
	for (size_t i = 0; i < v->n; i++) {
		const struct kz_conflict_field *f = &v->f[i];

		for (int s = 0; s < ns; s++) {
			int k = side[s];

			text[s] = !f->has[k] ? "" : f->value[k] && *f->value[k] ?
			    f->value[k] : _("(empty)");
		}
		record_list_detail_columns(l, f->name, text, ns, cw);
	}
}

/* A key whole: the public key to read or give, who it is, and what the
 * keys here do with it. */
static void
key_detail(struct sync_tab *t, struct record_list *l, size_t i)
{
	const struct kz_sync_key *k = &t->kv[i];
	bool self = strcmp(k->source, "self") == 0;
	char buf[600], path[4200];

	snprintf(buf, sizeof buf, "%s %s %s", k->office, role_word(k->role),
	    k->fp);
	record_list_detail_title(l, buf);
	record_list_detail_add(l, _("Fingerprint"), k->fp);
	record_list_detail_add(l, _("Public key"), k->key);
	key_state(t, k, buf, sizeof buf);
	record_list_detail_add(l, _("State"), buf);
	if (self) {
		kz_sync_key_path(t->ctx->db, path, sizeof path);
		if (path[0]) {
			snprintf(buf, sizeof buf, _("%s (mode 0600; it never "
			    "leaves this machine)"), path);
			record_list_detail_add(l, _("Private key"), buf);
		}
		snprintf(buf, sizeof buf, t->ctx->cfg->role == KZ_ROLE_HEAD ?
		    _("every office enrols it: kizuna sync trust %s %s") :
		    _("head office enrols it: kizuna sync trust %s %s"),
		    k->office, k->key);
		record_list_detail_add(l, _("Give it"), buf);
		snprintf(buf, sizeof buf, _("%s makes a new key pair; the old "
		    "one is revoked"), keys_first(KA_KEY_NEW));
		record_list_detail_add(l, _("Keys"), buf);
	} else if (!k->revoked[0]) {
		snprintf(buf, sizeof buf, _("%s revokes it: its bundles are "
		    "refused from then on"), keys_first(KA_KEY_REVOKE));
		record_list_detail_add(l, _("Keys"), buf);
	}
}

static void
sync_detail(void *arg, struct record_list *l, size_t i)
{
	struct sync_tab *t = arg;
	const struct kz_config *cfg = t->ctx->cfg;
	const struct kz_conflict *c;

	if (t->keys) {
		key_detail(t, l, i);
		return;
	}
	c = &t->cl.c[t->shown[i]];
	struct kz_conflict_view v;
	struct kz_err err = { 0 };
	char buf[1024], at[96];
	const char *op = strcmp(c->op, "insert") == 0 ? _("added there") :
	    strcmp(c->op, "delete") == 0 ? _("deleted there") :
	    _("changed there");

	snprintf(buf, sizeof buf, "#%ld %s %s: %s", c->n, c->table, c->record,
	    op);
	record_list_detail_title(l, buf);
	record_list_detail_add(l, _("Why"), kz_conflict_reason(c, buf, sizeof buf));
	when(cfg, c->at, at, sizeof at);
	snprintf(buf, sizeof buf, _("%s, bundle %ld, kept aside %s"), c->office,
	    c->seq, at);
	record_list_detail_add(l, _("From"), buf);
	if (c->resolution) {
		when(cfg, c->resolved ? c->resolved : "", at, sizeof at);
		snprintf(buf, sizeof buf, strcmp(c->resolution, "theirs") == 0 ?
		    _("took theirs, %s") : _("kept mine, %s"), at);
		record_list_detail_add(l, _("Settled"), buf);
	} else {	/* a held row is applied or dropped */
		snprintf(buf, sizeof buf, c->reason && !strcmp(c->reason,
		    "missing") ? _("%s applies it once what it names is here, "
		    "%s drops it") : _("%s takes theirs, %s keeps mine"),
		    keys_first(KA_THEIRS), keys_first(KA_MINE));
		record_list_detail_add(l, _("Settle"), buf);
	}
	if (kz_conflict_view(t->ctx->db, c, &v, &err) != KZ_OK) {
		record_list_detail_add(l, _("Change"), kz_err_first(&err, buf,
		    sizeof buf));
		return;
	}
	/* the record's id is in the title; a row of it has a longer key */
	if (v.key && strchr(v.key, ','))
		record_list_detail_add(l, _("Key"), v.key);
	compare(l, &v);
	kz_conflict_view_free(&v);
}

static void
sync_refilter(void *arg)
{
	reload(arg, -1);
}

static const struct record_list_ops sync_ops = {
	.count = sync_count,
	.row = sync_row,
	.detail = sync_detail,
	.refilter = sync_refilter,
};

/* ---- the state block ---- */

struct state_lines {
	char line[SYNC_LASTH][512];
	int n;
};

static void
last_emit(void *arg, const char *line, size_t len)
{
	struct state_lines *s = arg;

	if (s->n < SYNC_LASTH)
		snprintf(s->line[s->n++], sizeof s->line[0], "%.*s", (int)len,
		    line);
}

static int
state_rows(const struct sync_tab *t, struct state_lines *last)
{
	memset(last, 0, sizeof *last);
	if (t->last[0])
		draw_wrap(t->last, t->sw > 0 ? t->sw : 1, last_emit, last);
	return 2 + (t->st.clashes > 0) + (t->st.nsources ?
	    (int)t->st.nsources : 1) + last->n;
}

static void
draw_state(struct sync_tab *t)
{
	const struct kz_sync_status *st = &t->st;
	const struct kz_config *cfg = t->ctx->cfg;
	struct state_lines last;
	char left[512], right[256], at[96];
	int y = 0, room;

	werase(t->wstate);
	state_rows(t, &last);
	room = t->sh - last.n;
	snprintf(left, sizeof left, _("This database: %s, office %s"), st->db,
	    cfg->office_id ? cfg->office_id : "");
	snprintf(right, sizeof right, ngettext("%ld record waiting to be sent",
	    "%ld records waiting to be sent", (unsigned long)
	    st->pending_records), st->pending_records);
	draw_bar(t->wstate, y++, t->sw, left, right, A_NORMAL);
	if (y < room) {
		when(cfg, st->exported_at, at, sizeof at);
		if (st->unwritten)
			snprintf(left, sizeof left, _("Bundle %ld made but not "
			    "written: %s writes it"), st->next,
			    keys_first(KA_SYNC_EXPORT));
		else if (st->exported)
			snprintf(left, sizeof left, _("Last bundle sent: %ld, "
			    "%s"), st->exported, at);
		else
			snprintf(left, sizeof left, "%s", _("No bundle sent yet"));
		snprintf(right, sizeof right, ngettext("%ld open conflict",
		    "%ld open conflicts", (unsigned long)st->open_conflicts),
		    st->open_conflicts);
		draw_bar(t->wstate, y++, t->sw, left, right, A_NORMAL);
	}
	if (st->clashes && y < room) {
		snprintf(left, sizeof left, ngettext("%ld clash of bookings: "
		    "kizuna sync clashes lists it", "%ld clashes of bookings: "
		    "kizuna sync clashes lists them",
		    (unsigned long)st->clashes), st->clashes);
		draw_text(t->wstate, y++, 0, t->sw, left, A_BOLD);
	}
	if (st->nsources == 0 && y < room)
		draw_text(t->wstate, y++, 0, t->sw, _("No bundle received yet"),
		    A_NORMAL);
	for (size_t i = 0; i < st->nsources && y < room; i++) {
		const struct kz_sync_source *s = &st->sources[i];

		if (y == room - 1 && i + 1 < st->nsources) {
			snprintf(left, sizeof left, _("... and %zu more sources "
			    "(kizuna sync status)"), st->nsources - i);
			draw_text(t->wstate, y++, 0, t->sw, left,
			    draw_attr(DRAW_DIM));
			break;
		}
		when(cfg, s->at, at, sizeof at);
		snprintf(left, sizeof left, _("From %s: bundle %ld applied %s"),
		    s->office, s->seq, at);
		snprintf(right, sizeof right, ngettext("%ld open", "%ld open",
		    (unsigned long)s->conflicts), s->conflicts);
		draw_bar(t->wstate, y++, t->sw, left, s->conflicts ? right :
		    NULL, A_NORMAL);
	}
	for (int i = 0; i < last.n && y < t->sh; i++)
		draw_text(t->wstate, y++, 0, t->sw, last.line[i],
		    draw_attr(t->last_error ? DRAW_ERROR : DRAW_LABEL));
}

/* ---- exchanging bundles ---- */

static void
do_export(struct sync_tab *t, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };

	if (kz_sync_export(t->ctx->db, path, false, &res, &err) != KZ_OK)
		report_err(t, &err);
	else if (res.nothing)
		report(t, false, "%s", _("Nothing to export: no changes since "
		    "the last bundle."));
	else
		report(t, false, ngettext("Bundle %ld written to %s: %ld "
		    "record, %zu bytes.", "Bundle %ld written to %s: %ld "
		    "records, %zu bytes.", (unsigned long)res.info.records),
		    res.info.seq,
		    file_part(path), res.info.records, res.info.bytes);
	reload(t, -1);
}

/* Bundle n again, under the name the command line gives it. */
static void
do_again(struct sync_tab *t, const char *num)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char name[64], *end;
	long n = strtol(num, &end, 10);

	if (*end || n <= 0) {
		report(t, true, _("\"%s\" is not a bundle number."), num);
		return;
	}
	snprintf(name, sizeof name, "kizuna-%s-%06ld.kzb", t->ctx->cfg->office_id ?
	    t->ctx->cfg->office_id : "", n);
	if (kz_sync_export_again(t->ctx->db, n, name, &res, &err) != KZ_OK)
		report_err(t, &err);
	else
		report(t, false, _("Bundle %ld written again to %s, the same "
		    "%zu bytes."), res.info.seq, name, res.info.bytes);
	reload(t, -1);
}

/* What an import did, as records by kind (sync_records.h), not rows. */
static void
import_said(struct sync_tab *t, const struct kz_sync_result *res)
{
	char changed[600], here[600], kept[600], held[600], said[3000];
	size_t k;

	kz_sync_records_said(res->changed.records, res->changed.kinds,
	    changed, sizeof changed);
	kz_sync_records_said(res->here.records, res->here.kinds, here,
	    sizeof here);
	kz_sync_records_said(res->kept.records, res->kept.kinds, kept,
	    sizeof kept);
	snprintf(said, sizeof said, ngettext("Bundle %ld from %s: %s changed "
	    "here, %s already here, %s kept aside as a conflict.", "Bundle %ld "
	    "from %s: %s changed here, %s already here, %s kept aside as "
	    "conflicts.", (unsigned long)res->kept.records), res->info.seq,
	    res->info.office, changed, here, kept);
	/* those waiting for a record this database lacks, said apart: they
	 * are no disagreement, and settle once the record is here */
	k = strlen(said);
	if (res->held.records > 0 && k < sizeof said) {
		kz_sync_records_said(res->held.records, res->held.kinds, held,
		    sizeof held);
		snprintf(said + k, sizeof said - k, _(" Of them, %s name "
		    "records not in this database: held until they are here."),
		    held);
	}
	report(t, false, "%s", said);
}

static void
do_import(struct sync_tab *t, const char *path)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 200];

	if (kz_sync_import(t->ctx->db, path, &res, &err) != KZ_OK) {
		report(t, true, _("%s (nothing was applied)"), kz_err_first(&err,
		    buf, sizeof buf));
		/* the status line is short: there the file's name is enough,
		 * the state block keeps the whole path */
		if (err.n > 0 && strcmp(err.item[0].where, path) == 0) {
			snprintf(err.item[0].where, sizeof err.item[0].where,
			    "%.*s", (int)sizeof err.item[0].where - 1,
			    file_part(path));
			frame_message(t->ctx, true, _("%s (nothing was applied)"),
			    kz_err_first(&err, buf, sizeof buf));
		}
	} else if (res.nothing)
		report(t, false, _("Bundle %ld from %s was applied before: "
		    "nothing changed."), res.info.seq, res.info.office);
	else
		import_said(t, &res);
	reload(t, -1);
}

static unsigned
start_prompt(struct sync_tab *t, enum sync_prompt p)
{
	char name[64];

	reload(t, -1);
	if (p == PROMPT_AGAIN) {
		if (t->st.made == 0) {
			frame_message(t->ctx, false, "%s", _("No bundle was made "
			    "here yet."));
			return UI_DRAW_STATUS;
		}
		snprintf(name, sizeof name, "%ld", t->st.unwritten ?
		    t->st.next : t->st.made);
		form_line_set(&t->path, name);
		form_line_edit(&t->path, KA_END, 0);
		t->prompt = p;
		return UI_DRAW_STATUS;
	}
	if (p == PROMPT_EXPORT && t->st.pending == 0 && t->st.unwritten == 0) {
		frame_message(t->ctx, false, "%s", _("Nothing to export: no "
		    "changes since the last bundle."));
		return UI_DRAW_STATUS;
	}
	/* the name the command line gives it, in the current directory */
	snprintf(name, sizeof name, "kizuna-%s-%06ld.kzb", t->ctx->cfg->office_id ?
	    t->ctx->cfg->office_id : "", t->st.next);
	form_line_set(&t->path, p == PROMPT_EXPORT ? name : "");
	form_line_edit(&t->path, KA_END, 0);
	t->prompt = p;
	return UI_DRAW_STATUS;
}

/* ---- the keys view: enrolling, revoking, a new key ---- */

static unsigned
ask_key(struct sync_tab *t, enum sync_prompt p)
{
	form_line_set(&t->path, "");
	t->prompt = p;
	return UI_DRAW_STATUS;
}

/* The office's code, then its key; then the question, which names the
 * fingerprint to read back. A key that is no key is refused here, before
 * anything is asked. */
static unsigned
key_answer(struct sync_tab *t)
{
	unsigned char pk[KZ_KEY_PUBLIC];
	char fp[KZ_KEY_FP], q[300];
	struct kz_err err = { 0 };
	struct kz_sync_key k;
	bool again;

	if (t->prompt == PROMPT_OFFICE) {
		/* the core names what is wrong with a code too long */
		snprintf(t->office, sizeof t->office, "%.*s",
		    (int)sizeof t->office - 1, t->target);
		return ask_key(t, PROMPT_KEY);
	}
	t->prompt = PROMPT_NONE;
	snprintf(t->keytext, sizeof t->keytext, "%.*s",
	    (int)sizeof t->keytext - 1, t->target);
	if (kz_sync_key_parse(t->keytext, pk) != KZ_OK) {
		/* the core's own words for what is wrong with it */
		if (kz_sync_key_trust(t->ctx->db, t->office, t->keytext, &k,
		    &again, &err) != KZ_OK)
			report_err(t, &err);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	kz_sync_key_fp(pk, fp);
	/* short, so that the answer keys fit after it at 80 columns; the
	 * prompt said to read the fingerprint back */
	snprintf(q, sizeof q, _("Enrol key %s for office %s?"), fp, t->office);
	t->ask = ASK_TRUST;
	record_list_ask(&t->rl, q);
	return UI_DRAW_STATUS;
}

static unsigned
ask_revoke(struct sync_tab *t)
{
	const struct kz_sync_key *k = t->rl.sel < t->nkv ? &t->kv[t->rl.sel] :
	    NULL;
	char q[300];

	if (k == NULL || strcmp(k->source, "self") == 0) {
		frame_message(t->ctx, false, _("Select another database's key "
		    "to revoke; %s makes this one's anew."), keys_first(
		    KA_KEY_NEW));
		return UI_DRAW_STATUS;
	}
	if (k->revoked[0]) {
		frame_message(t->ctx, false, _("Key %s of office %s is revoked "
		    "already."), k->fp, k->office);
		return UI_DRAW_STATUS;
	}
	snprintf(t->keytext, sizeof t->keytext, "%s", k->key);
	snprintf(t->office, sizeof t->office, "%s", k->office);
	snprintf(q, sizeof q, _("Revoke key %s of office %s?"), k->fp,
	    k->office);
	t->ask = ASK_REVOKE;
	record_list_ask(&t->rl, q);
	return UI_DRAW_STATUS;
}

static unsigned
ask_renew(struct sync_tab *t)
{
	t->ask = ASK_RENEW;
	record_list_ask(&t->rl, _("Make a new key pair for this database?"));
	return UI_DRAW_STATUS;
}

/* Yes to one of the three questions about keys. */
static void
key_do(struct sync_tab *t)
{
	struct kz_err err = { 0 };
	struct kz_sync_key k;
	bool again;

	switch (t->ask) {
	case ASK_TRUST:
		if (kz_sync_key_trust(t->ctx->db, t->office, t->keytext, &k,
		    &again, &err) != KZ_OK)
			report_err(t, &err);
		else
			report(t, false, again ? _("Key %s of office %s was "
			    "enrolled already.") : _("Enrolled key %s for "
			    "office %s."), k.fp, k.office);
		break;
	case ASK_REVOKE:
		if (kz_sync_key_find(t->ctx->db, t->office, t->keytext, &k,
		    &err) != KZ_OK || kz_sync_key_revoke(t->ctx->db, &k, &err)
		    != KZ_OK)
			report_err(t, &err);
		else
			report(t, false, t->ctx->cfg->role == KZ_ROLE_HEAD ?
			    _("Revoked key %s of office %s; the offices learn "
			    "it with head office's next bundle.") :
			    _("Revoked key %s of office %s."), k.fp, k.office);
		break;
	case ASK_RENEW:
		if (kz_sync_key_renew(t->ctx->db, true, &err) != KZ_OK)
			report_err(t, &err);
		else
			report(t, false, "%s", t->ctx->cfg->role == KZ_ROLE_HEAD ?
			    _("New key made: the old one vouches for it in "
			    "head office's next bundle, and the offices take "
			    "it from there.") :
			    _("New key made: head office must enrol it before "
			    "it takes this office's bundles."));
		break;
	default:
		break;
	}
}

/* Tab in a file prompt: the name lengthened as far as the matches
 * agree; when several are left they are listed, to type one more
 * letter. */
static void
complete_path(struct sync_tab *t)
{
	char out[4096], alts[900];
	int n = kz_file_complete(form_line_text(&t->path), out, sizeof out,
	    alts, sizeof alts);

	if (n < 0) {
		frame_message(t->ctx, true, "%s", strerror(errno));
		return;
	}
	if (n == 0) {
		frame_message(t->ctx, false, "%s", _("No file of that name."));
		return;
	}
	form_line_set(&t->path, out);
	form_line_edit(&t->path, KA_END, 0);
	if (n > 1)
		frame_message(t->ctx, false, "%s", alts);
}

static unsigned
key_prompt(struct sync_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_PROMPT | KEYS_EDIT, key, true);
	char *path;

	switch (a) {
	case KA_CANCEL:
		t->prompt = PROMPT_NONE;
		frame_message(t->ctx, false, "%s", _("Nothing changed."));
		return UI_DRAW_STATUS;
	case KA_ACCEPT:
		break;
	case KA_COMPLETE:
		if (t->prompt == PROMPT_EXPORT || t->prompt == PROMPT_IMPORT)
			complete_path(t);
		return UI_DRAW_STATUS;
	default:
		form_line_edit(&t->path, a, key);
		return UI_DRAW_STATUS;
	}
	path = xstrdup(form_line_text(&t->path));
	snprintf(t->target, sizeof t->target, "%s", kz_trim(path));
	free(path);
	if (t->target[0] == '\0')
		return UI_DRAW_STATUS;	/* a name is needed: keep asking */
	if (t->prompt == PROMPT_OFFICE || t->prompt == PROMPT_KEY)
		return key_answer(t);
	if (t->prompt == PROMPT_IMPORT) {
		t->prompt = PROMPT_NONE;
		do_import(t, t->target);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	if (t->prompt == PROMPT_AGAIN) {
		t->prompt = PROMPT_NONE;
		do_again(t, t->target);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	t->prompt = PROMPT_NONE;
	if (access(t->target, F_OK) == 0) {
		char q[4200];

		snprintf(q, sizeof q, _("%s exists: replace it?"),
		    t->target);
		t->ask = ASK_REPLACE;
		record_list_ask(&t->rl, q);
		return UI_DRAW_STATUS;
	}
	do_export(t, t->target);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* ---- settling conflicts ---- */

static unsigned
ask_resolve(struct sync_tab *t, bool theirs)
{
	const struct kz_conflict *c = sel(t);
	char q[512];

	if (c == NULL) {
		frame_message(t->ctx, false, "%s", _("No conflict to settle."));
		return UI_DRAW_STATUS;
	}
	if (c->resolution) {
		frame_message(t->ctx, false, _("Conflict #%ld is settled already."),
		    c->n);
		return UI_DRAW_STATUS;
	}
	/* a held row is no disagreement: it is applied or dropped, with
	 * the rows held with it */
	t->ask_held = c->reason && strcmp(c->reason, "missing") == 0;
	if (t->ask_held)
		snprintf(q, sizeof q, theirs ? _("Apply held #%ld (%s %s) and "
		    "what waits for it?") : _("Drop held #%ld (%s %s) and what "
		    "waits for it? Nothing is sent back."), c->n, c->table,
		    c->record);
	else
		snprintf(q, sizeof q, theirs ? _("Take theirs for #%ld (%s "
		    "%s)?") : _("Keep mine for #%ld (%s %s)?"), c->n, c->table,
		    c->record);
	t->ask = theirs ? ASK_THEIRS : ASK_MINE;
	t->ask_n = c->n;
	record_list_ask(&t->rl, q);
	return UI_DRAW_STATUS;
}

static unsigned
key_confirm(struct sync_tab *t, int key)
{
	enum keys_action a = keys_lookup(KEYS_CONFIRM, key, false);
	struct kz_err err = { 0 };

	if (a != KA_YES && a != KA_NO)
		return 0;
	t->rl.mode = RLIST_BROWSE;
	if (a == KA_NO) {
		frame_message(t->ctx, false, "%s", _("Nothing changed."));
		return UI_DRAW_STATUS;
	}
	if (t->ask == ASK_REPLACE) {
		do_export(t, t->target);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	if (t->ask == ASK_TRUST || t->ask == ASK_REVOKE || t->ask == ASK_RENEW ||
	    t->ask == ASK_READY) {
		if (t->ask == ASK_READY)
			sync_ready_take(t->ctx);
		else
			key_do(t);
		reload(t, -1);
		return UI_LAYOUT | UI_DRAW_ALL;
	}
	if (kz_sync_resolve(t->ctx->db, t->ask_n, t->ask == ASK_THEIRS, &err)
	    != KZ_OK)
		report_err(t, &err);
	else if (t->ask_held)
		frame_message(t->ctx, false, t->ask == ASK_THEIRS ?
		    _("Conflict #%ld settled: applied.") :
		    _("Conflict #%ld settled: dropped."), t->ask_n);
	else
		frame_message(t->ctx, false, t->ask == ASK_THEIRS ?
		    _("Conflict #%ld settled: took theirs.") :
		    _("Conflict #%ld settled: kept mine."), t->ask_n);
	reload(t, t->ask_n);
	return UI_LAYOUT | UI_DRAW_ALL;
}

/* The keys view or the conflicts again; a search is the list's own, so
 * it goes. */
static unsigned
show_keys(struct sync_tab *t, bool on)
{
	record_list_clear(&t->rl);
	t->keys = on;
	t->rl.sel = 0;
	t->rl.top = 0;
	reload(t, -1);
	frame_message(t->ctx, false, on ? _("The keys that sign bundles: %s "
	    "enrols one, %s revokes one, %s shows the conflicts.") :
	    _("The conflicts: %s shows the keys."), keys_first(on ?
	    KA_KEY_TRUST : KA_SYNC_KEYS), keys_first(KA_KEY_REVOKE),
	    keys_first(KA_SYNC_KEYS));
	return UI_LAYOUT | UI_DRAW_ALL;
}

static unsigned
sync_key(void *tab, int key)
{
	struct sync_tab *t = tab;
	enum keys_action a;
	unsigned f;

	if (t->prompt != PROMPT_NONE)
		return key_prompt(t, key);
	if (t->rl.mode == RLIST_CONFIRM)
		return key_confirm(t, key);
	if (t->rl.mode == RLIST_SEARCH)
		return record_list_search_key(&t->rl, key);
	if (t->keys) {
		/* the keys view's own keys first: a and d mean enrol and
		 * revoke here */
		a = keys_lookup(KEYS_SYNC_KEYS, key, false);
		switch (a) {
		case KA_KEY_TRUST:
			return ask_key(t, PROMPT_OFFICE);
		case KA_KEY_REVOKE:
			return ask_revoke(t);
		case KA_KEY_NEW:
			return ask_renew(t);
		case KA_SYNC_KEYS:
			return show_keys(t, false);
		default:
			break;
		}
		a = keys_lookup(KEYS_LIST, key, false);
		if ((f = record_list_browse(&t->rl, a)) != UI_PASS)
			return f;
		return UI_PASS;
	}
	a = keys_lookup(KEYS_LIST | KEYS_SYNC, key, false);
	if ((f = record_list_browse(&t->rl, a)) != UI_PASS)
		return f;
	switch (a) {
	case KA_SYNC_KEYS:
		return show_keys(t, true);
	case KA_THEIRS:
	case KA_MINE:
		return ask_resolve(t, a == KA_THEIRS);
	case KA_TAKE_READY:
		if (sync_ready_ask(t->ctx, &t->rl))
			t->ask = ASK_READY;
		return UI_DRAW_STATUS;
	case KA_SYNC_EXPORT:
		return start_prompt(t, PROMPT_EXPORT);
	case KA_SYNC_IMPORT:
		return start_prompt(t, PROMPT_IMPORT);
	case KA_SYNC_AGAIN:
		return start_prompt(t, PROMPT_AGAIN);
	case KA_SHOW_RESOLVED:
		t->all = !t->all;
		reload(t, -1);
		frame_message(t->ctx, false, "%s", t->all ?
		    _("Showing settled conflicts too.") :
		    _("Showing open conflicts only."));
		return UI_DRAW_ALL;
	default:
		return UI_PASS;
	}
}

/* ---- the tab ---- */

static void *
sync_open(struct frame_ctx *ctx)
{
	struct sync_tab *t = xcalloc(1, sizeof *t);

	t->ctx = ctx;
	record_list_init(&t->rl, &sync_ops, t);
	form_line_set(&t->path, "");
	reload(t, -1);
	return t;
}

static void
sync_close(void *tab)
{
	struct sync_tab *t = tab;

	if (t == NULL)
		return;
	draw_delwin(&t->wstate);
	record_list_free(&t->rl);
	form_line_free(&t->path);
	kz_conflict_list_free(&t->cl);
	kz_sync_status_free(&t->st);
	free(t->shown);
	free(t->kv);
	free(t);
}

/*
 * The state block takes what it needs up to a third of the body; the
 * list and the record share the rest as on the other tabs. Coming to the
 * tab lays it out, so what the other tabs wrote since shows here.
 */
static void
sync_layout(void *tab, int y, int x, int h, int w)
{
	struct sync_tab *t = tab;
	struct state_lines last;

	draw_delwin(&t->wstate);
	t->sh = 0;
	t->sw = w;
	if (h > 0 && w > 0) {
		reload(t, -1);
		t->sh = state_rows(t, &last);
		if (t->sh > h / 3)
			t->sh = h / 3;
		if (h - t->sh < 3)
			t->sh = 0;
	}
	if (t->sh > 0)
		t->wstate = draw_newwin(t->sh, w, y, x);
	record_list_layout(&t->rl, y + t->sh, x, h - t->sh, w);
}

static void
sync_draw(void *tab, unsigned flags)
{
	struct sync_tab *t = tab;

	if (t->wstate != NULL && (flags & UI_DRAW_LIST)) {
		draw_state(t);
		wnoutrefresh(t->wstate);
	}
	/* the list's own words for an empty list speak of adding */
	t->rl.empty = t->all ? N_("No conflicts: every change was applied.") :
	    N_("No open conflicts (%s shows the settled ones).");
	t->rl.empty_key = KA_SHOW_RESOLVED;
	if (t->keys) {
		t->rl.empty = N_("No keys (%s enrols one).");
		t->rl.empty_key = KA_KEY_TRUST;
	}
	record_list_draw(&t->rl, flags);
}

static int
sync_status(void *tab, WINDOW *w, int width)
{
	struct sync_tab *t = tab;
	char count[48];
	int x;

	if (t->prompt != PROMPT_NONE) {
		const char *label = t->prompt == PROMPT_EXPORT ?
		    _("Export to: ") : t->prompt == PROMPT_AGAIN ?
		    _("Write again bundle number: ") :
		    t->prompt == PROMPT_OFFICE ? _("Enrol the key of office: ") :
		    t->prompt == PROMPT_KEY ? _("Its public key (then read "
		    "its fingerprint back to them): ") :
		    _("Import bundle: ");

		x = draw_prompt_label(w, width, label, A_BOLD);
		x = form_line_draw(&t->path, w, 0, x, width - x, A_NORMAL);
		wmove(w, 0, x < width ? x : width - 1);
		return -1;
	}
	if (t->keys)
		snprintf(count, sizeof count, " %zu", t->nkv);
	else
		snprintf(count, sizeof count, " %zu/%zu", t->nshown, t->cl.n);
	return record_list_status(&t->rl, w, width, count);
}

static unsigned
sync_keyctx(void *tab, bool *text)
{
	struct sync_tab *t = tab;

	if (t->prompt != PROMPT_NONE) {
		*text = true;
		return KEYS_PROMPT;
	}
	return record_list_keyctx(&t->rl, t->keys ? KEYS_SYNC_KEYS : KEYS_SYNC,
	    text);
}

static void
sync_summary(void *tab, char *buf, size_t size)
{
	struct sync_tab *t = tab;

	snprintf(buf, size, ngettext("%ld open conflict", "%ld open conflicts",
	    (unsigned long)t->st.open_conflicts), t->st.open_conflicts);
}

const struct frame_screen screen_sync = {
	N_("Sync"),
	sync_open,
	sync_close,
	sync_layout,
	sync_draw,
	sync_key,
	sync_status,
	sync_keyctx,
	sync_summary,
	NULL,
};
