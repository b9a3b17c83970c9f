/* cli_sync.c - `kizuna sync ...`: bundles for head office and back. */
#include "cli_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "booking.h"
#include "cli_output.h"
#include "home.h"
#include "stamp.h"
#include "sync.h"
#include "sync_key.h"
#include "sync_records.h"
#include "text.h"

enum { O_ALL = 1, O_AGAIN, O_YES, O_NEW, O_READY };

const struct cli_opt cli_sync_export_opts[] = {
	{ .name = "all", .key = O_ALL,
	  .help = N_("every record, for a database that starts from nothing") },
	{ .name = "again", .arg = "N", .key = O_AGAIN,
	  .help = N_("write bundle N again, byte for byte (a file lost or "
	  "damaged)") },
	{ 0 },
};

const struct cli_opt cli_sync_conflicts_opts[] = {
	{ .name = "all", .key = O_ALL,
	  .help = N_("the settled conflicts too") },
	{ 0 },
};

const struct cli_opt cli_sync_resolve_opts[] = {
	{ .name = "ready", .key = O_READY,
	  .help = N_("take every held change whose records are here now") },
	{ 0 },
};

const struct cli_opt cli_sync_rehome_opts[] = {
	{ .name = "yes", .letter = 'y', .key = O_YES,
	  .help = N_("move it without asking") },
	{ 0 },
};

const struct cli_opt cli_sync_key_opts[] = {
	{ .name = "new", .key = O_NEW,
	  .help = N_("make a new key pair; the old key is revoked") },
	{ .name = "yes", .letter = 'y', .key = O_YES,
	  .help = N_("make it without asking") },
	{ 0 },
};

const struct cli_opt cli_sync_trust_opts[] = {
	{ .name = "yes", .letter = 'y', .key = O_YES,
	  .help = N_("do it without asking (check the fingerprint first)") },
	{ 0 },
};

/* Ask q unless --yes; without a terminal, --yes is needed. */
static bool
confirmed(const struct cli_args *a, const char *q, const char *refusal)
{
	if (cli_has(a, O_YES))
		return true;
	if (!isatty(STDIN_FILENO)) {
		cli_fail("%s", refusal);
		return false;
	}
	if (!cli_ask(q)) {
		fputs(_("kizuna: nothing changed\n"), stderr);
		return false;
	}
	return true;
}

/* This database's public key, to give to the other side, and its
 * fingerprint, to read out on the phone. */
int
cli_sync_key(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	unsigned char pk[KZ_KEY_PUBLIC];
	char hex[KZ_KEY_HEX], fp[KZ_KEY_FP], path[4200];

	if (cli_has(a, O_NEW)) {
		if (!confirmed(a, c->cfg->role == KZ_ROLE_HEAD ?
		    _("Make a new key pair for this database? The old key "
		    "vouches for it in the next bundle, and the offices take "
		    "it from there.") : _("Make a new key pair for this "
		    "database? Head office must enrol the new key before it "
		    "takes this office's bundles."),
		    _("not making a new key without --yes")))
			return 1;
		if (kz_sync_key_renew(c->db, true, &err))
			return cli_fail_err(&err);
	}
	if (kz_sync_key_own(c->db, pk, &err))
		return cli_fail_err(&err);
	kz_sync_key_hex(pk, hex);
	kz_sync_key_fp(pk, fp);
	kz_sync_key_path(c->db, path, sizeof path);
	printf(c->cfg->role == KZ_ROLE_HEAD ? _("head office %s\n") :
	    _("office %s\n"), c->cfg->office_id);
	printf(_("public key: %s\n"), hex);
	printf(_("fingerprint: %s\n"), fp);
	if (path[0])
		printf(_("private key: %s (mode 0600; it never leaves this "
		    "machine)\n"), path);
	if (c->cfg->role == KZ_ROLE_HEAD)
		printf(_("every office enrols it: kizuna sync trust %s %s\n"),
		    c->cfg->office_id, hex);
	else
		printf(_("head office enrols it: kizuna sync trust %s %s\n"),
		    c->cfg->office_id, hex);
	return 0;
}

int
cli_sync_trust(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct kz_sync_key k;
	unsigned char pk[KZ_KEY_PUBLIC];
	char fp[KZ_KEY_FP] = "?", q[300];
	bool again;

	if (kz_sync_key_parse(a->arg[1], pk) == KZ_OK)
		kz_sync_key_fp(pk, fp);
	snprintf(q, sizeof q, _("Enrol key %s for office %s? Read the "
	    "fingerprint back to them first."), fp, a->arg[0]);
	if (kz_sync_key_parse(a->arg[1], pk) == KZ_OK &&
	    !confirmed(a, q, _("not enrolling a key without --yes")))
		return 1;
	if (kz_sync_key_trust(c->db, a->arg[0], a->arg[1], &k, &again, &err))
		return cli_fail_err(&err);
	if (again)
		printf(_("key %s of office %s was enrolled already\n"), k.fp,
		    k.office);
	else
		printf(_("enrolled key %s for office %s\n"), k.fp, k.office);
	return 0;
}

int
cli_sync_revoke(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct kz_sync_key k;
	char q[300];

	if (kz_sync_key_find(c->db, a->arg[0], a->arg[1], &k, &err))
		return cli_fail_err(&err);
	if (k.revoked[0]) {
		printf(_("key %s of office %s was revoked on %s already\n"),
		    k.fp, k.office, k.revoked);
		return 0;
	}
	snprintf(q, sizeof q, _("Revoke key %s of office %s? Its bundles are "
	    "refused from now on."), k.fp, k.office);
	if (!confirmed(a, q, _("not revoking a key without --yes")))
		return 1;
	if (kz_sync_key_revoke(c->db, &k, &err))
		return cli_fail_err(&err);
	printf(_("revoked key %s of office %s\n"), k.fp, k.office);
	if (c->cfg->role == KZ_ROLE_HEAD)
		printf(_("the offices learn it with head office's next "
		    "bundle\n"));
	return 0;
}

int
cli_sync_keys(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct kz_sync_key_list l;
	int rw = kz_text_width(_("head"));

	(void)a;
	if (kz_text_width(_("office")) > rw)
		rw = kz_text_width(_("office"));
	if (kz_sync_key_list(c->db, &l, &err))
		return cli_fail_err(&err);
	if (l.n == 0)
		printf(_("no keys enrolled: kizuna sync trust OFFICE KEY\n"));
	for (size_t i = 0; i < l.n; i++) {
		const struct kz_sync_key *k = &l.k[i];
		const char *role = strcmp(k->role, "head") == 0 ? _("head") :
		    _("office");

		/* the role is translated: padded in display width */
		printf("%-4s  ", k->office);
		out_cell(stdout, role, rw, true);
		printf("  %s  ", k->fp);
		if (k->revoked[0])
			printf(_("revoked %s"), k->revoked);
		else if (strcmp(k->source, "here") == 0)
			printf(_("enrolled %s"), k->enrolled);
		else
			printf(_("enrolled %s, from %s"), k->enrolled,
			    k->source);
		putchar('\n');
	}
	kz_sync_key_list_free(&l);
	return 0;
}

/* A deliberate move: the configuration given is the new office's. */
int
cli_sync_rehome(struct cli *c, const struct cli_args *a)
{
	struct kz_err err = { 0 };
	struct kz_home from, to;
	char q[256];

	if (!cli_has(a, O_YES)) {
		if (kz_home_get(c->db, &from, &err))
			return cli_fail_err(&err);
		snprintf(q, sizeof q, _("Move this database from office %s to "
		    "office %s for good?"), from.office, a->arg[0]);
		if (!isatty(STDIN_FILENO))
			return cli_fail(_("not moving the database without "
			    "--yes"));
		if (!cli_ask(q)) {
			fputs(_("kizuna: nothing changed\n"), stderr);
			return 1;
		}
	}
	if (kz_home_rehome(c->db, a->arg[0], &from, &err) ||
	    kz_home_get(c->db, &to, &err))
		return cli_fail_err(&err);
	printf(_("moved from office %s to office %s: new database id %s; its "
	    "bundles start again at 1\n"), from.office, to.office, to.db);
	printf(_("it signs with a new key, which head office must enrol: "
	    "kizuna sync key\n"));
	return 0;
}

int
cli_sync_export(struct cli *c, const struct cli_args *a)
{
	struct kz_sync_result res;
	struct kz_sync_status st;
	struct kz_err err = { 0 };
	const char *path = cli_opt(a, CLI_K_OUTPUT), *again = cli_opt(a, O_AGAIN);
	char name[64], *end, what[600];
	bool all = cli_has(a, O_ALL);
	long n = 0;

	if (again != NULL) {
		n = strtol(again, &end, 10);
		if (*again == '\0' || *end || n <= 0)
			return cli_fail(_("--again: \"%s\" is not a bundle "
			    "number"), again);
		if (all)
			return cli_fail(_("--again writes a bundle made before: "
			    "not with --all"));
	}
	if (path == NULL) {
		if (kz_sync_status(c->db, &st, &err))
			return cli_fail_err(&err);
		snprintf(name, sizeof name, "kizuna-%s-%06ld.kzb",
		    c->cfg->office_id, again ? n : st.next);
		kz_sync_status_free(&st);
		path = name;
	}
	if (again ? kz_sync_export_again(c->db, n, path, &res, &err) :
	    kz_sync_export(c->db, path, all, &res, &err))
		return cli_fail_err(&err);
	if (res.nothing) {
		fputs(_("nothing to export: no changes since the last "
		    "bundle\n"), stderr);
		return 0;
	}
	kz_sync_records_said(res.info.records, res.info.kinds, what,
	    sizeof what);
	printf(_("%s: bundle %ld of %s, %s, %zu bytes\n"), path,
	    res.info.seq, res.info.office, what, res.info.bytes);
	if (res.again && again == NULL)
		fprintf(stderr, _("bundle %ld was made before but not written: "
		    "written now, the same bytes; export again for the changes "
		    "since\n"), res.info.seq);
	return 0;
}

int
cli_sync_import(struct cli *c, const struct cli_args *a)
{
	const char *const *argv = a->arg;
	int rc = 0;

	/* one bundle at a time, in the order given, each all or nothing */
	for (int i = 0; i < a->narg; i++) {
		struct kz_sync_result res;
		struct kz_err err = { 0 };
		if (kz_sync_import(c->db, argv[i], &res, &err)) {
			cli_fail_err(&err);
			fprintf(stderr, _("kizuna: %s: nothing was applied\n"),
			    argv[i]);
			rc = 1;
			break;
		}
		if (res.nothing) {
			printf(_("%s: bundle %ld from %s was applied before; "
			    "nothing changed\n"), argv[i], res.info.seq,
			    res.info.office);
		} else {
			char changed[600], here[600], kept[600];

			/* records, as people count them, not rows */
			kz_sync_records_said(res.changed.records,
			    res.changed.kinds, changed, sizeof changed);
			kz_sync_records_said(res.here.records,
			    res.here.kinds, here, sizeof here);
			kz_sync_records_said(res.kept.records,
			    res.kept.kinds, kept, sizeof kept);
			printf(ngettext("%s: bundle %ld from %s: %s changed "
			    "here, %s already here, %s kept aside as a "
			    "conflict\n", "%s: bundle %ld from %s: %s changed "
			    "here, %s already here, %s kept aside as "
			    "conflicts\n", (unsigned long)res.kept.records),
			    argv[i], res.info.seq, res.info.office, changed,
			    here, kept);
			/* those waiting for a record this database lacks:
			 * no disagreement, settled once the record is here */
			if (res.held.records > 0) {
				kz_sync_records_said(res.held.records,
				    res.held.kinds, kept, sizeof kept);
				printf(_("%s: of them, %s name records not in "
				    "this database: held until they are here "
				    "(sync conflicts lists them)\n"), argv[i],
				    kept);
			}
		}
		if (res.clashes)
			printf(_("%s: %ld clashes of bookings (sync clashes "
			    "lists them)\n"), argv[i], res.clashes);
	}
	return rc;
}

int
cli_sync_status(struct cli *c, const struct cli_args *a)
{
	struct kz_sync_status st;
	struct kz_err err = { 0 };
	char seq[32], conf[32], when[96], what[600];

	(void)a;
	if (kz_sync_status(c->db, &st, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_JSON) {
		printf("{\"office\": ");
		out_json_str(stdout, c->cfg->office_id);
		printf(", \"db\": \"%s\", \"exported\": %ld, \"made\": %ld, "
		    "\"unwritten\": %ld, \"pending\": %ld, "
		    "\"pending_records\": %ld, "
		    "\"conflicts\": %ld, \"clashes\": %ld, \"sources\": [",
		    st.db, st.exported, st.made, st.unwritten, st.pending,
		    st.pending_records, st.open_conflicts, st.clashes);
		for (size_t i = 0; i < st.nsources; i++)
			printf("%s{\"office\": \"%s\", \"db\": \"%s\", \"seq\": "
			    "%ld, \"at\": \"%s\", \"conflicts\": %ld}", i ? ", " :
			    "", st.sources[i].office, st.sources[i].db,
			    st.sources[i].seq, st.sources[i].at,
			    st.sources[i].conflicts);
		puts("]}");
	} else if (c->format == FMT_CSV) {
		static const char *const head[] = { "office", "db", "seq", "at",
		    "conflicts" };
		out_csv_row(stdout, 5, head);
		for (size_t i = 0; i < st.nsources; i++) {
			snprintf(seq, sizeof seq, "%ld", st.sources[i].seq);
			snprintf(conf, sizeof conf, "%ld", st.sources[i].conflicts);
			const char *v[] = { st.sources[i].office,
			    st.sources[i].db, seq, st.sources[i].at, conf };
			out_csv_row(stdout, 5, v);
		}
	} else {
		printf(_("this database: %s (office %s)\n"), st.db,
		    c->cfg->office_id);
		if (st.exported)
			printf(_("last bundle sent: %ld, at %s\n"), st.exported,
			    kz_stamp_format(c->cfg, st.exported_at, when,
			    sizeof when));
		else
			printf(_("no bundle sent yet\n"));
		if (st.unwritten)
			printf(_("made but not written: bundle %ld (sync export "
			    "writes it)\n"), st.next);
		kz_sync_records_said(st.pending_records, st.pending_kinds, what,
		    sizeof what);
		printf(_("waiting for the next export: %s\n"), what);
		printf(_("open conflicts: %ld\n"), st.open_conflicts);
		printf(_("clashes of bookings: %ld\n"), st.clashes);
		if (st.nsources) {
			const char *head[] = { _("FROM"), _("DATABASE"),
			    _("LAST BUNDLE"), _("APPLIED AT"), _("CONFLICTS") };
			struct out_table t;
			out_table_init(&t, 5, head);
			for (size_t i = 0; i < st.nsources; i++) {
				snprintf(seq, sizeof seq, "%ld",
				    st.sources[i].seq);
				snprintf(conf, sizeof conf, "%ld",
				    st.sources[i].conflicts);
				const char *v[] = { st.sources[i].office,
				    st.sources[i].db, seq, kz_stamp_format(
				    c->cfg, st.sources[i].at, when,
				    sizeof when), conf };
				out_table_row(&t, v);
			}
			putchar('\n');
			out_table_print(stdout, &t, 40);
			out_table_free(&t);
		} else
			printf(_("no bundles received yet\n"));
	}
	kz_sync_status_free(&st);
	return 0;
}

int
cli_sync_conflicts(struct cli *c, const struct cli_args *a)
{
	struct kz_conflict_list l;
	struct kz_err err = { 0 };
	bool all = cli_has(a, O_ALL);
	char num[32], seq[32];

	if (kz_sync_conflicts(c->db, all, &l, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_conflict *k = &l.c[i];
			printf("  {\"n\": %ld, \"at\": \"%s\", \"from\": \"%s\", "
			    "\"seq\": %ld, \"table\": \"%s\", \"op\": \"%s\", "
			    "\"record\": ", k->n, k->at, k->office, k->seq,
			    k->table, k->op);
			out_json_str(stdout, k->record);
			char why[256];
			fputs(", \"reason\": ", stdout);
			out_json_str(stdout, k->reason);
			fputs(", \"why\": ", stdout);
			out_json_str(stdout, kz_conflict_reason(k, why, sizeof why));
			printf(", \"change\": %s, \"resolution\": ", k->change);
			out_json_str(stdout, k->resolution);
			puts(i + 1 < l.n ? "}," : "}");
		}
		puts("]");
	} else if (c->format == FMT_CSV) {
		static const char *const head[] = { "n", "at", "from", "seq",
		    "table", "op", "record", "reason", "change", "resolution" };
		out_csv_row(stdout, 10, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_conflict *k = &l.c[i];
			snprintf(num, sizeof num, "%ld", k->n);
			snprintf(seq, sizeof seq, "%ld", k->seq);
			const char *v[] = { num, k->at, k->office, seq, k->table,
			    k->op, k->record, k->reason, k->change,
			    k->resolution };
			out_csv_row(stdout, 10, v);
		}
	} else if (l.n == 0) {
		fputs(_("no conflicts\n"), stderr);
	} else {
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_conflict *k = &l.c[i];
			char when[96], rec[256];

			/* the record's id as a bundle sent it: shown safe */
			printf(_("#%ld  %s %s in %s, bundle %ld from %s (%s)\n"),
			    k->n, k->op, kz_text_shown(k->record, rec,
			    sizeof rec), k->table, k->seq, k->office,
			    kz_stamp_format(c->cfg, k->at, when, sizeof when));
			char why[256];
			printf("     %s\n     %s\n", kz_conflict_reason(k, why,
			    sizeof why), k->change);
			if (k->resolution)
				printf(_("     resolved: %s, %s\n"),
				    k->resolution, kz_stamp_format(c->cfg,
				    k->resolved, when, sizeof when));
		}
	}
	kz_conflict_list_free(&l);
	return 0;
}

/* `sync resolve --ready`: every held change that can be taken now. */
static int
resolve_ready(struct cli *c)
{
	struct kz_err err = { 0 };
	long taken, held;

	if (kz_sync_resolve_ready(c->db, false, &taken, &held, &err))
		return cli_fail_err(&err);
	if (taken == 0)
		printf("%s\n", _("No held change is ready: the records they "
		    "name are still missing."));
	else
		printf(ngettext("Took %ld held change.\n",
		    "Took %ld held changes.\n", (unsigned long)taken), taken);
	if (held > 0)
		printf(ngettext("%ld change is still held: the records it "
		    "names are still missing.\n", "%ld changes are still held: "
		    "the records they name are still missing.\n",
		    (unsigned long)held), held);
	return 0;
}

int
cli_sync_resolve(struct cli *c, const struct cli_args *a)
{
	const char *num, *side;
	struct kz_err err = { 0 };
	char *end;
	long n;

	if (cli_has(a, O_READY)) {
		if (a->narg > 0)
			return cli_usage_fail(a->cmd, _("--ready takes every "
			    "ready held change: give no conflict number or "
			    "side (\"%s\")"), a->arg[0]);
		return resolve_ready(c);
	}
	if (a->narg < 2)
		return cli_usage_fail(a->cmd, _("missing %s"), a->narg ?
		    "theirs|mine" : "N");
	num = a->arg[0];
	side = a->arg[1];
	n = strtol(num[0] == '#' ? num + 1 : num, &end, 10);
	if (*end || n <= 0)
		return cli_fail(_("\"%s\" is not a conflict number"), num);
	if (strcmp(side, "theirs") != 0 && strcmp(side, "mine") != 0)
		return cli_fail(_("resolve with \"theirs\" or \"mine\", not "
		    "\"%s\""), side);
	if (kz_sync_resolve(c->db, n, strcmp(side, "theirs") == 0, &err))
		return cli_fail_err(&err);
	return 0;
}

/* One side of a clash in a cell: what books the specialist, and which
 * record. */
static void
clash_record(char *out, size_t size, const struct kz_booking *b)
{
	if (strcmp(b->kind, "unavailable") == 0)
		snprintf(out, size, "%s", kz_booking_kind_name(b->kind));
	else if (b->detail[0])
		snprintf(out, size, "%s %s (%s)", kz_booking_kind_name(b->kind),
		    b->record, b->detail);
	else
		snprintf(out, size, "%s %s", kz_booking_kind_name(b->kind),
		    b->record);
}

static void
clash_json(const struct kz_booking *b)
{
	printf("{\"office\": ");
	out_json_str(stdout, b->office);
	printf(", \"kind\": ");
	out_json_str(stdout, b->kind);
	printf(", \"record\": ");
	out_json_str(stdout, b->record);
	printf(", \"id\": ");
	out_json_str(stdout, b->id);
	printf(", \"start\": \"%s\", \"end\": \"%s\", \"detail\": ",
	    b->start, b->end);
	out_json_str(stdout, b->detail[0] ? b->detail : NULL);
	putchar('}');
}

int
cli_sync_clashes(struct cli *c, const struct cli_args *a)
{
	struct kz_clash_list l;
	struct kz_err err = { 0 };

	if (kz_booking_clashes(c->db, a->narg ? a->arg[0] : NULL, &l, &err))
		return cli_fail_err(&err);
	if (c->format == FMT_JSON) {
		puts("[");
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_clash *k = &l.c[i];
			printf("  {\"specialist\": ");
			out_json_str(stdout, k->specialist);
			printf(", \"name\": ");
			out_json_str(stdout, k->name);
			printf(", \"from\": \"%s\", \"to\": \"%s\", "
			    "\"bookings\": [", k->from, k->to);
			clash_json(&k->a);
			printf(", ");
			clash_json(&k->b);
			puts(i + 1 < l.n ? "]}," : "]}");
		}
		puts("]");
	} else if (c->format == FMT_CSV) {
		static const char *const head[] = { "specialist", "name",
		    "from", "to", "office", "kind", "record", "start", "end",
		    "detail", "other_office", "other_kind", "other_record",
		    "other_start", "other_end", "other_detail" };
		out_csv_row(stdout, 16, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_clash *k = &l.c[i];
			const char *v[] = { k->specialist, k->name, k->from,
			    k->to, k->a.office, k->a.kind, k->a.record,
			    k->a.start, k->a.end, k->a.detail, k->b.office,
			    k->b.kind, k->b.record, k->b.start, k->b.end,
			    k->b.detail };
			out_csv_row(stdout, 16, v);
		}
	} else if (l.n == 0) {
		fputs(_("no clashes of bookings\n"), stderr);
	} else {
		const char *head[] = { _("SPECIALIST"), _("DAYS"), _("OFFICE"),
		    _("BOOKED FOR"), _("DATES"), _("OFFICE"), _("BOOKED FOR"),
		    _("DATES") };
		struct out_table t;
		out_table_init(&t, 8, head);
		for (size_t i = 0; i < l.n; i++) {
			const struct kz_clash *k = &l.c[i];
			char days[32], ra[160], rb[160], da[32], db[32];
			snprintf(days, sizeof days, "%s..%s", k->from, k->to);
			snprintf(da, sizeof da, "%s..%s", k->a.start, k->a.end);
			snprintf(db, sizeof db, "%s..%s", k->b.start, k->b.end);
			clash_record(ra, sizeof ra, &k->a);
			clash_record(rb, sizeof rb, &k->b);
			const char *v[] = { k->name[0] ? k->name :
			    k->specialist, days, k->a.office[0] ? k->a.office :
			    "-", ra, da, k->b.office[0] ? k->b.office : "-", rb,
			    db };
			out_table_row(&t, v);
		}
		out_table_print(stdout, &t, 60);
		out_table_free(&t);
	}
	kz_clash_list_free(&l);
	return 0;
}
