/* test_sync_forge.c - bundles an enrolled sender forged and signed again:
 * what they name reaches messages as characters only, and a damaged
 * sealed file key is said to be damaged. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "file.h"
#include "specialist.h"
#include "sync.h"
#include "sync_bundle.h"

enum { TYO, BJS };	/* unit_pair_setup's */

/* The bundle b with the header line that starts with key made line
 * (NULL: dropped), signed again by head office, its sender, into out. */
static void
forge(struct unit_offices *f, const struct kz_buf *b, const char *key,
    const char *line, struct kz_buf *out)
{
	const char *end = strstr(b->s, "\n\n") + 1, *p, *nl;
	const char *pay = end + 1;
	struct kz_buf h = { 0 };

	for (p = b->s; p < end; p = nl + 1) {
		nl = strchr(p, '\n');
		if (strncmp(p, key, strlen(key)) != 0)
			kz_buf_put(&h, p, (size_t)(nl + 1 - p));
		else if (line)
			kz_buf_printf(&h, "%s\n", line);
	}
	kz_buf_puts(&h, "\n");
	unit_resign(f->db[TYO], &h, (const unsigned char *)pay,
	    b->len - (size_t)(pay - b->s) - KZ_SYNC_BUNDLE_TRAILER, out);
	kz_buf_free(&h);
}

/* b imported at the office: refused; its first message into buf. */
static void
refused(struct unit_offices *f, const struct kz_buf *b, char *buf, size_t size)
{
	struct kz_sync_result res;
	struct kz_err err = { 0 };

	assert_int_equal(kz_sync_import_mem(f->db[BJS], "forged.kzb",
	    (const unsigned char *)b->s, b->len, &res, &err), KZ_ERROR);
	kz_err_first(&err, buf, size);
}

/* A table whose name has a terminal's escape in it (the count line left
 * out, which its sender may sign as well): refused before it is read,
 * its name shown escaped. */
static void
test_table_name_escaped(void **state)
{
	struct unit_offices *f = *state;
	/* one insert into "x ESC ]0;PWNED BEL": key 'a', then 'b' */
	static const unsigned char cs[] = { 'T', 2, 1, 0, 'x', 0x1b, ']', '0',
	    ';', 'P', 'W', 'N', 'E', 'D', 0x07, 0, SQLITE_INSERT, 0, 3, 1,
	    'a', 3, 1, 'b' };
	struct kz_bundle_info in = { .seq = 1 };
	unsigned char fk[KZ_FILE_KEY];
	struct kz_buf b = { 0 }, out = { 0 };
	struct kz_err err = { 0 };
	char buf[KZ_ERR_MSG + 100];

	assert_int_equal(kz_sync_bundle_write(&b, f->db[TYO], "feedfeed", cs,
	    (int)sizeof cs, &in, fk, &err), KZ_OK);
	forge(f, &b, "count: ", NULL, &out);
	refused(f, &out, buf, sizeof buf);
	if (strstr(buf, "in table \"x\\x1b]0;PWNED\\x07\": ") == NULL)
		fail_msg("not named escaped: %s", buf);
	assert_null(strchr(buf, 0x1b));
	assert_null(strchr(buf, 0x07));
	kz_buf_free(&b);
	kz_buf_free(&out);
}

/* The file key sealed to the office, changed or cut in a bundle signed
 * again: the key is said to be damaged, naming the file; with no line
 * for the office, the bundle is not for it. */
static void
test_wrapped_key_damaged(void **state)
{
	struct unit_offices *f = *state;
	struct kz_specialist s;
	struct kz_sync_result res;
	struct kz_err err = { 0 };
	struct kz_buf b = { 0 }, out = { 0 };
	char path[128], buf[KZ_ERR_MSG + 100], line[400], *data;
	const char *r;
	size_t len, n;

	kz_specialist_init(&s);
	kz_str_set(&s.name, "佐藤健一");
	kz_str_set(&s.name_roman, "Kenichi Sato");
	kz_str_set(&s.government, "島根県");
	assert_int_equal(kz_specialist_add_field(&s, "agriculture", "野菜", 10),
	    KZ_OK);
	assert_int_equal(kz_specialist_insert(f->db[TYO], &s, &err), KZ_OK);
	kz_specialist_free(&s);
	snprintf(path, sizeof path, "%s/t.kzb", f->dir);
	assert_int_equal(kz_sync_export(f->db[TYO], path, false, &res, &err),
	    KZ_OK);
	assert_non_null(data = kz_file_read(path, 0, &len));
	kz_buf_put(&b, data, len);
	free(data);
	assert_non_null(r = strstr(b.s, "\nrecipient: BJS "));
	n = (size_t)(strchr(r + 1, '\n') - (r + 1));
	assert_true(n < sizeof line);
	memcpy(line, r + 1, n);
	line[n] = '\0';

	/* its last hex digit changed */
	line[n - 1] = line[n - 1] == '0' ? '1' : '0';
	forge(f, &b, "recipient: BJS ", line, &out);
	refused(f, &out, buf, sizeof buf);
	if (strstr(buf, "forged.kzb: the bundle's file key, sealed to this "
	    "database's key") == NULL || strstr(buf, "is damaged: it cannot "
	    "be unwrapped") == NULL)
		fail_msg("not said to be damaged: %s", buf);
	assert_null(strstr(buf, "not for this database"));
	/* cut short */
	line[n - 2] = '\0';
	forge(f, &b, "recipient: BJS ", line, &out);
	refused(f, &out, buf, sizeof buf);
	assert_non_null(strstr(buf, "cannot be unwrapped"));
	/* none for this office */
	forge(f, &b, "recipient: BJS ", NULL, &out);
	refused(f, &out, buf, sizeof buf);
	assert_non_null(strstr(buf, "not for this database"));
	/* as it was written: it goes through */
	assert_int_equal(kz_sync_import_mem(f->db[BJS], "t.kzb",
	    (const unsigned char *)b.s, b.len, &res, &err), KZ_OK);
	kz_buf_free(&b);
	kz_buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table_name_escaped,
		    unit_pair_setup, unit_pair_teardown),
		cmocka_unit_test_setup_teardown(test_wrapped_key_damaged,
		    unit_pair_setup, unit_pair_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
