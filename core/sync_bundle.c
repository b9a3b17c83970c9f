/* sync_bundle.c - a bundle's bytes: a text header, the changeset, a closing line with the checksum. */
#include "sync_bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sha256.h"
#include "sync_check.h"

/*
 * A bundle is a text header, the changeset, and a closing line that
 * carries the SHA-256 of everything before it:
 *
 *	KIZUNA-BUNDLE 1
 *	organisation: CLAIR
 *	office: BJS
 *	role: office
 *	db: 8f3a09c1d2e4b5a6
 *	sequence: 12
 *	created: 2026-11-21T10:00:00Z
 *	changes: 3
 *	count: specialist 1
 *	payload: 1234
 *
 *	<1234 bytes of changeset>
 *	END 64-hex-digits
 *
 * The checksum is verified before any changeset function sees the data:
 * SQLite's changeset reader (3.40) loops forever on a changeset cut in its
 * first bytes, and applies a changeset cut at a record boundary as a
 * shorter valid one, silently dropping the rest.
 */
#define MAGIC "KIZUNA-BUNDLE "

long
kz_sync_bundle_describe(const void *data, int size, char *out, size_t outsz)
{
	sqlite3_changeset_iter *it;
	char last[64] = "";
	long total = 0, n = 0;
	size_t len = 0;

	out[0] = '\0';
	if (sqlite3changeset_start(&it, size, (void *)data) != SQLITE_OK)
		return -1;
	for (;;) {
		const char *t = NULL;
		int ncol, op, ind;
		int more = sqlite3changeset_next(it) == SQLITE_ROW &&
		    sqlite3changeset_op(it, &t, &ncol, &op, &ind) == SQLITE_OK;
		if (last[0] && (!more || strcmp(t, last) != 0)) {
			len += (size_t)snprintf(out + len, len < outsz ?
			    outsz - len : 0, "%s%s %ld", len ? ", " : "", last, n);
			n = 0;
		}
		if (!more)
			break;
		snprintf(last, sizeof last, "%s", t);
		n++;
		total++;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		return -1;
	return total;
}

int
kz_sync_bundle_write(struct kz_buf *b, const struct kz_config *cfg,
    const char *dbid, const void *data, int size, struct kz_bundle_info *in,
    struct kz_err *err)
{
	char sha[65], now[32];

	in->changes = kz_sync_bundle_describe(data, size, in->counts,
	    sizeof in->counts);
	kz_now_utc(now);
	kz_buf_printf(b, MAGIC "%d\norganisation: %s\noffice: %s\nrole: %s\n"
	    "db: %s\nsequence: %ld\ncreated: %s\nchanges: %ld\n",
	    KZ_BUNDLE_FORMAT, cfg->organisation, cfg->office_id,
	    cfg->role == KZ_ROLE_HEAD ? "head" : "office", dbid, in->seq, now,
	    in->changes);
	if (in->counts[0])
		kz_buf_printf(b, "count: %s\n", in->counts);
	kz_buf_printf(b, "payload: %d\n\n", size);
	kz_buf_put(b, data, (size_t)size);
	kz_sha256_hex(b->s, b->len, sha);
	kz_buf_printf(b, "\nEND %s\n", sha);
	if (b->oom) {
		kz_buf_free(b);
		return kz_err_add(err, "", _("out of memory"));
	}
	snprintf(in->sha256, sizeof in->sha256, "%s", sha);
	snprintf(in->office, sizeof in->office, "%s", cfg->office_id);
	snprintf(in->created, sizeof in->created, "%s", now);
	in->bytes = b->len;
	return KZ_OK;
}

/* ---- reading a bundle ---- */

static const char *
header_value(const char *line, const char *key)
{
	size_t n = strlen(key);
	return strncmp(line, key, n) == 0 && line[n] == ':' && line[n + 1] == ' '
	    ? line + n + 2 : NULL;
}

/* The header's lines, up to the blank line, into in and *payload; *at is
 * where the payload starts. */
static int
read_header(const char *name, const unsigned char *data, size_t len,
    struct kz_bundle_info *in, long *payload, size_t *at, struct kz_err *err)
{
	const char *p = (const char *)data, *end = p + len;
	char line[600];
	int format;

	for (int lineno = 1;; lineno++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *v;
		if (nl == NULL || nl - p >= (long)sizeof line)
			return kz_err_add(err, name, _("the bundle is cut short "
			    "in its header (line %d): it is incomplete"), lineno);
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		p = nl + 1;
		if (lineno == 1) {
			format = atoi(line + sizeof MAGIC - 1);
			if (format > KZ_BUNDLE_FORMAT)
				return kz_err_add(err, name, _("the bundle has "
				    "format %d, newer than this kizuna reads "
				    "(%d): upgrade kizuna"), format,
				    KZ_BUNDLE_FORMAT);
			if (format < 1)
				return kz_err_add(err, name, _("not a kizuna "
				    "bundle"));
			continue;
		}
		if (line[0] == '\0')
			break;
		if ((v = header_value(line, "organisation")))
			snprintf(in->organisation, sizeof in->organisation, "%s", v);
		else if ((v = header_value(line, "office")))
			snprintf(in->office, sizeof in->office, "%s", v);
		else if ((v = header_value(line, "role")))
			snprintf(in->role, sizeof in->role, "%s", v);
		else if ((v = header_value(line, "db")))
			snprintf(in->db, sizeof in->db, "%s", v);
		else if ((v = header_value(line, "sequence")))
			in->seq = strtol(v, NULL, 10);
		else if ((v = header_value(line, "created")))
			snprintf(in->created, sizeof in->created, "%s", v);
		else if ((v = header_value(line, "changes")))
			in->changes = strtol(v, NULL, 10);
		else if ((v = header_value(line, "count")))
			snprintf(in->counts, sizeof in->counts, "%s", v);
		else if ((v = header_value(line, "payload")))
			*payload = strtol(v, NULL, 10);
		/* unknown header lines are left for later formats */
	}
	*at = (size_t)(p - (const char *)data);
	return KZ_OK;
}

int
kz_sync_verify(struct kz_db *db, const char *name, const unsigned char *data,
    size_t len, struct kz_bundle_info *in, size_t *payload_at,
    struct kz_err *err)
{
	char sha[65];
	long payload = -1;
	size_t at = 0;

	memset(in, 0, sizeof *in);
	in->seq = -1;
	in->changes = -1;
	in->bytes = len;
	if (len < sizeof MAGIC - 1 || memcmp(data, MAGIC, sizeof MAGIC - 1) != 0)
		return kz_err_add(err, name, _("not a kizuna bundle"));
	if (read_header(name, data, len, in, &payload, &at, err))
		return KZ_ERROR;
	if (!in->organisation[0] || !in->office[0] || !in->db[0] ||
	    in->seq < 1 || in->changes < 0 || payload < 0 ||
	    (strcmp(in->role, "head") != 0 && strcmp(in->role, "office") != 0))
		return kz_err_add(err, name, _("the bundle's header is "
		    "incomplete or damaged"));
	/* payload, then "\nEND <sha>\n" exactly at the end */
	if (len < at + (size_t)payload + KZ_SYNC_BUNDLE_TRAILER ||
	    len != at + (size_t)payload + KZ_SYNC_BUNDLE_TRAILER)
		return kz_err_add(err, name, _("the bundle is %zu bytes where "
		    "its header promises %zu: it is cut short or has extra "
		    "data"), len, at + (size_t)payload + KZ_SYNC_BUNDLE_TRAILER);
	const char *trail = (const char *)data + at + payload;
	if (memcmp(trail, "\nEND ", 5) != 0 || trail[69] != '\n')
		return kz_err_add(err, name, _("the bundle's closing line is "
		    "missing: it is incomplete"));
	kz_sha256_hex(data, at + (size_t)payload, sha);
	if (memcmp(sha, trail + 5, 64) != 0)
		return kz_err_add(err, name, _("the bundle is damaged: its "
		    "checksum does not match"));
	kz_sha256_hex(data, len, in->sha256);
	if (db && db->cfg && strcmp(in->organisation, db->cfg->organisation) != 0)
		return kz_err_add(err, name, _("the bundle comes from "
		    "organisation \"%s\"; this database belongs to \"%s\""),
		    in->organisation, db->cfg->organisation);
	/* the changes are hostile until checked: SQLite's reader loops or
	 * hands back NULL on some damaged ones */
	if (kz_sync_check(db, name, in, data + at, (int)payload, err))
		return KZ_ERROR;
	char counts[512];
	if (kz_sync_bundle_describe(data + at, (int)payload, counts,
	    sizeof counts) != in->changes || strcmp(counts, in->counts) != 0)
		return kz_err_add(err, name, _("the bundle's contents do not "
		    "match its header"));
	*payload_at = at;
	return KZ_OK;
}
