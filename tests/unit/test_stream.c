/* test_stream.c - an export with a sink passes its text on a piece at a time: the same text as held whole, never much of it held, and a sink that fails stops it. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "act_records.h"
#include "buf.h"
#include "i18n.h"
#include "specialist.h"
#include "transfer.h"

#define N 600		/* rows of about 600 bytes: some 360 KB each */

/* A sink that keeps what it is given, noting the most the buffer
 * held when it passed it on, and fails at call fail_at (0: never). */
struct sink {
	struct kz_buf got;
	size_t most, calls, fail_at;
};

static int
keep(void *arg, const char *s, size_t n)
{
	struct sink *k = arg;

	if (n > k->most)
		k->most = n;
	if (++k->calls == k->fail_at)
		return -1;
	kz_buf_put(&k->got, s, n);
	return 0;
}

static void
set(const struct kz_rtype *rt, void *rec, const char *name, const char *text)
{
	struct kz_err err = { 0 };

	if (kz_rfield_set(kz_rtype_field(rt, name), rec, text, &err) != KZ_OK)
		fail_msg("%s: %s", name, err.item[0].msg);
}

static int
setup(void **state)
{
	struct unit_fixture *f;
	struct kz_err err = { 0 };
	char text[640];

	if (unit_setup(state))
		return -1;
	f = *state;
	for (int i = 0; i < N; i++) {
		struct kz_specialist s;
		void *a = kz_activity_new(&kz_akind_support);

		kz_specialist_init(&s);
		snprintf(text, sizeof text, "佐藤 健%03d", i);
		kz_str_set(&s.name, text);
		snprintf(text, sizeof text, "Sato Ken%03d", i);
		kz_str_set(&s.name_roman, text);
		kz_str_set(&s.government, "島根県");
		memset(text, 'x', 500);
		snprintf(text + 500, sizeof text - 500, " %d", i);
		kz_str_set(&s.notes, text);
		if (kz_specialist_insert(f->db, &s, &err) != KZ_OK)
			fail_msg("%s", err.item[0].msg);
		kz_specialist_free(&s);

		assert_non_null(a);
		snprintf(text, sizeof text, "2019-%02d-%02d", 1 + i % 12,
		    1 + i % 28);
		set(kz_akind_support.rt, a, "start", text);
		set(kz_akind_support.rt, a, "government", "京都府");
		set(kz_akind_support.rt, a, "kind", "visit");
		memset(text, 'y', 500);
		snprintf(text + 500, sizeof text - 500, " %d", i);
		set(kz_akind_support.rt, a, "notes", text);
		if (kz_activity_insert(f->db, &kz_akind_support, a, &err) !=
		    KZ_OK)
			fail_msg("%s", err.item[0].msg);
		kz_activity_destroy(&kz_akind_support, a);
	}
	return 0;
}

static int
specialists(struct kz_db *db, struct kz_buf *out, struct kz_err *err)
{
	return kz_export_specialists(db, false, out, err);
}

static int
support(struct kz_db *db, struct kz_buf *out, struct kz_err *err)
{
	return kz_activity_export(db, &kz_akind_support, out, err);
}

/* The export through a sink: the text held whole, passed on in pieces
 * of little more than KZ_BUF_DRAIN; a sink failing stops it with the
 * problem said. */
static void
streamed(struct kz_db *db, int (*run)(struct kz_db *, struct kz_buf *,
    struct kz_err *))
{
	struct kz_buf whole = { 0 }, out = { 0 };
	struct kz_err err = { 0 };
	struct sink k = { 0 };

	assert_int_equal(run(db, &whole, &err), KZ_OK);
	assert_true(whole.len > 4 * KZ_BUF_DRAIN);

	out.sink = keep;
	out.sink_arg = &k;
	assert_int_equal(run(db, &out, &err), KZ_OK);
	assert_int_equal(out.len, 0);		/* all passed on */
	assert_true(k.calls > 4);
	assert_true(k.most < KZ_BUF_DRAIN + 8192);
	assert_true(out.cap < 2 * KZ_BUF_DRAIN + 8192);
	assert_int_equal(k.got.len, whole.len);
	assert_memory_equal(k.got.s, whole.s, whole.len);
	kz_buf_free(&out);
	kz_buf_free(&k.got);

	memset(&k, 0, sizeof k);
	k.fail_at = 2;
	out.sink = keep;
	out.sink_arg = &k;
	assert_int_equal(run(db, &out, &err), KZ_ERROR);
	assert_true(out.sink_failed);
	assert_int_equal(k.calls, 2);		/* nothing after the failure */
	assert_non_null(strstr(err.item[0].msg, "cannot write"));
	kz_buf_free(&out);
	kz_buf_free(&k.got);
	kz_buf_free(&whole);
}

static void
test_specialists(void **state)
{
	struct unit_fixture *f = *state;

	streamed(f->db, specialists);
}

static void
test_support(void **state)
{
	struct unit_fixture *f = *state;

	streamed(f->db, support);
}

/* Without a sink a drain keeps the text. */
static void
test_held(void **state)
{
	struct kz_buf b = { 0 };

	(void)state;
	for (int i = 0; i < 2 * KZ_BUF_DRAIN / 8; i++)
		kz_buf_puts(&b, "12345678");
	assert_int_equal(kz_buf_drain(&b, true), 0);
	assert_int_equal(b.len, 2 * KZ_BUF_DRAIN);
	kz_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_specialists, setup,
		    unit_teardown),
		cmocka_unit_test_setup_teardown(test_support, setup,
		    unit_teardown),
		cmocka_unit_test(test_held),
	};

	kz_i18n_init(NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
