/* test_core.c - ids, dates, the clock, files, display width and CSV reading. */
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "date.h"
#include "file.h"
#include "id.h"
#include "place.h"
#include "sha256.h"
#include "stamp.h"
#include "config.h"
#include "text.h"

static void
test_id_round_trip(void **state)
{
	char id[KZ_ID_SIZE], norm[KZ_ID_SIZE], typed[KZ_ID_SIZE];

	(void)state;
	for (int i = 0; i < 200; i++) {
		assert_int_equal(kz_id_new("BJS", id), 0);
		assert_int_equal(strlen(id), strlen("BJS-XXXX-XXXX"));
		assert_true(kz_id_normalise(id, norm));
		assert_string_equal(id, norm);
		/* lower case, no dashes, O for 0 and l for 1 still resolve */
		size_t n = 0;
		for (const char *p = id; *p; p++)
			if (*p != '-' || p == id + 3)
				typed[n++] = (char)(*p == '0' ? 'o' : *p == '1' ?
				    'l' : (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
		typed[n] = '\0';
		assert_true(kz_id_normalise(typed, norm));
		assert_string_equal(id, norm);
	}
}

static void
test_id_check_character(void **state)
{
	char id[KZ_ID_SIZE], bad[KZ_ID_SIZE], out[KZ_ID_SIZE];
	static const char digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	(void)state;
	/* any single changed character is caught, whatever the id */
	for (int round = 0; round < 300; round++) {
	assert_int_equal(kz_id_new(round % 2 ? "SIN" : "BJS", id), 0);
	for (size_t pos = 4; id[pos]; pos++) {
		if (id[pos] == '-')
			continue;
		for (const char *d = digits; *d; d++) {
			if (*d == id[pos])
				continue;
			memcpy(bad, id, sizeof bad);
			bad[pos] = *d;
			assert_false(kz_id_normalise(bad, out));
		}
	}
	}
	assert_false(kz_id_normalise("SIN-1234", out));
	assert_false(kz_id_normalise("S-1234-5678", out));
	assert_false(kz_id_normalise("", out));
	assert_int_equal(kz_id_new("bj", id), -1);
}

/* the id of "BJS-" and seven digits, with its check character */
static void
id_of(const char *seven, char id[KZ_ID_SIZE])
{
	static const char digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	char norm[KZ_ID_SIZE];

	for (const char *d = digits; *d; d++) {
		snprintf(id, KZ_ID_SIZE, "BJS-%.4s-%.3s%c", seven, seven + 4, *d);
		if (kz_id_normalise(id, norm))
			return;
	}
	fail();
}

static void
test_id_next(void **state)
{
	char id[KZ_ID_SIZE], prev[KZ_ID_SIZE], norm[KZ_ID_SIZE];

	(void)state;
	/* the last digit carries into the ones before */
	id_of("00000ZZ", prev);
	assert_int_equal(kz_id_next("BJS", prev, id), 0);
	assert_true(strncmp(id, "BJS-0000-100", 12) == 0);
	assert_true(kz_id_normalise(id, norm));
	id_of("0ZZZZZZ", prev);
	assert_int_equal(kz_id_next("BJS", prev, id), 0);
	assert_true(strncmp(id, "BJS-1000-000", 12) == 0);
	/* a run from a random one: each valid and after the one before */
	assert_int_equal(kz_id_new("BJS", id), 0);
	for (int i = 0; i < 1000; i++) {
		memcpy(prev, id, sizeof prev);
		if (kz_id_next("BJS", prev, id) != 0)
			break;	/* the last there is */
		assert_true(kz_id_normalise(id, norm));
		assert_string_equal(id, norm);
		assert_true(strcmp(id, prev) > 0);
	}
	/* none after the last; none of another office's, nor of no id */
	id_of("ZZZZZZZ", prev);
	assert_int_equal(kz_id_next("BJS", prev, id), -1);
	id_of("0000001", prev);
	assert_int_equal(kz_id_next("SIN", prev, id), -1);
	assert_int_equal(kz_id_next("BJS", "BJS-12", id), -1);
}

/* Names of places as a reader of Japanese writes them (place.h): known
 * ones, whole or without their kind, in text apart by spaces and 、;
 * others, and other readers, as typed. */
static void
test_place_ja(void **state)
{
	char *t;

	(void)state;
	assert_string_equal(kz_place_name("黑龙江省", "ja"), "黒竜江省");
	assert_string_equal(kz_place_name("广州市", "ja"), "広州市");
	assert_string_equal(kz_place_name("广州", "ja"), "広州");
	assert_null(kz_place_name("广州", "zh_CN"));
	assert_null(kz_place_name("农业农村厅", "ja"));
	t = kz_place_text("黑龙江省 哈尔滨市 农业农村厅", "ja");
	assert_string_equal(t, "黒竜江省 哈爾浜市 农业农村厅");
	free(t);
	t = kz_place_text("东京、长崎县", "ja");
	assert_string_equal(t, "東京、長崎県");
	free(t);
	t = kz_place_text("沈阳市 (辽宁省)", "ja");
	assert_string_equal(t, "瀋陽市 (遼寧省)");
	free(t);
	t = kz_place_text("黑龙江省 哈尔滨市", "zh_CN");
	assert_string_equal(t, "黑龙江省 哈尔滨市");
	free(t);
	t = kz_place_text("", "ja");
	assert_string_equal(t, "");
	free(t);
	/* Korean places as the Seoul office types them */
	t = kz_place_text("경상북도 경주시 문화관광과", "ja");
	assert_string_equal(t, "慶尚北道 慶州市 문화관광과");
	free(t);
	t = kz_place_text("경상북도 경주시", "ko");
	assert_string_equal(t, "경상북도 경주시");
	free(t);
}

/* The demo's ids (kz_id_seq): the same in every database that makes the
 * same records in the same order, each office's and kind's count apart
 * from the others', and valid ids of the office. */
static void
test_id_seq(void **state)
{
	struct kz_id_seq a = { 0 }, b = { 0 };
	char x[KZ_ID_SIZE], y[KZ_ID_SIZE], norm[KZ_ID_SIZE];
	char first[KZ_ID_SIZE], second[KZ_ID_SIZE];

	(void)state;
	assert_int_equal(kz_id_seq_next(&a, "TYO", 0, first), 0);
	assert_int_equal(kz_id_seq_next(&a, "TYO", 0, second), 0);
	assert_string_not_equal(first, second);
	assert_true(strncmp(first, "TYO-", 4) == 0);
	assert_true(kz_id_normalise(first, norm));
	assert_string_equal(norm, first);
	/* another database makes other offices' and kinds' ids between */
	assert_int_equal(kz_id_seq_next(&b, "BJS", 0, x), 0);
	assert_true(strncmp(x, "BJS-", 4) == 0);
	assert_int_equal(kz_id_seq_next(&b, "TYO", 1, y), 0);
	assert_string_not_equal(y, first);
	assert_int_equal(kz_id_seq_next(&b, "TYO", 0, x), 0);
	assert_string_equal(x, first);
	assert_int_equal(kz_id_seq_next(&b, "TYO", 0, x), 0);
	assert_string_equal(x, second);
	/* a thousand of one kind: no clash, all valid */
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(kz_id_seq_next(&a, "SIN", 3, x), 0);
		assert_true(kz_id_normalise(x, norm));
		assert_string_equal(norm, x);
		assert_string_not_equal(x, y);
		memcpy(y, x, sizeof y);
	}
	assert_int_equal(kz_id_seq_next(&a, "sin", 3, x), -1);
}

static void
test_dates(void **state)
{
	char out[32];

	(void)state;
	assert_true(kz_date_valid("2024-02-29"));
	assert_false(kz_date_valid("2023-02-29"));
	assert_false(kz_date_valid("2023-13-01"));
	assert_false(kz_date_valid("2023-1-01"));
	assert_false(kz_date_valid("2023-01-01x"));
	assert_int_equal(kz_date_days("1970-01-01"), 0);
	assert_int_equal(kz_date_days("2019-09-23") - kz_date_days("2019-09-16"), 7);
	kz_date_from_days(kz_date_days("2000-03-01") - 1, out);
	assert_string_equal(out, "2000-02-29");
	kz_date_format("2019-08-21", "%Y年%m月%d日", out, sizeof out);
	assert_string_equal(out, "2019年08月21日");
	kz_date_format("2019-08-21", "%a %d %b %Y", out, sizeof out);
	assert_string_equal(out, "Wed 21 Aug 2019");
}

static void
test_date_arithmetic(void **state)
{
	long y;
	int m, d;

	(void)state;
	/* leap years: every fourth, not every hundredth, every 400th */
	assert_true(kz_date_leap(2024));
	assert_false(kz_date_leap(2023));
	assert_false(kz_date_leap(1900));
	assert_false(kz_date_leap(2100));
	assert_true(kz_date_leap(2000));
	assert_true(kz_date_leap(2400));
	assert_true(kz_date_leap(0));
	assert_true(kz_date_leap(-4));
	assert_false(kz_date_leap(-100));
	assert_true(kz_date_leap(-400));
	assert_int_equal(kz_date_month_days(2024, 2), 29);
	assert_int_equal(kz_date_month_days(1900, 2), 28);
	assert_int_equal(kz_date_month_days(2000, 2), 29);
	assert_int_equal(kz_date_month_days(2023, 4), 30);
	assert_int_equal(kz_date_month_days(2023, 12), 31);

	/* day numbers, before 1970 too */
	assert_int_equal(kz_date_civil(1970, 1, 1), 0);
	assert_int_equal(kz_date_civil(1969, 12, 31), -1);
	assert_int_equal(kz_date_civil(1900, 1, 1), -25567);
	assert_int_equal(kz_date_civil(2000, 2, 29), 11016);
	assert_int_equal(kz_date_civil(2000, 3, 1), 11017);
	assert_int_equal(kz_date_civil(2038, 1, 19), 24855);
	assert_int_equal(kz_date_civil(1, 1, 1), -719162);
	assert_int_equal(kz_date_civil(0, 3, 1), -719468);
	assert_int_equal(kz_date_civil(2020, 1, 1), kz_date_civil(2019, 12,
	    31) + 1);
	assert_int_equal(kz_date_civil(2025, 1, 1) - kz_date_civil(2024, 1, 1),
	    366);
	kz_date_split(-1, &y, &m, &d);
	assert_true(y == 1969 && m == 12 && d == 31);
	kz_date_split(-719468, &y, &m, &d);
	assert_true(y == 0 && m == 3 && d == 1);
	kz_date_split(-719469, &y, &m, &d);
	assert_true(y == 0 && m == 2 && d == 29);

	/* every day from 220 BC to AD 4160 follows the one before it, and
	 * turns back into its own number */
	long py, pd = 0;
	int pm, pdd;
	kz_date_split(-800001, &py, &pm, &pdd);
	for (long n = -800000; n <= 800000; n++, py = y, pm = m, pdd = d) {
		kz_date_split(n, &y, &m, &d);
		if (d == pdd + 1 && m == pm && y == py)
			pd++;
		else if (d == 1 && pdd == kz_date_month_days(py, pm) &&
		    ((m == pm + 1 && y == py) || (m == 1 && pm == 12 &&
		    y == py + 1)))
			pd++;
		else
			fail_msg("day %ld: %ld-%d-%d after %ld-%d-%d", n, y, m,
			    d, py, pm, pdd);
		if (kz_date_civil(y, m, d) != n)
			fail_msg("day %ld comes back as %ld", n,
			    kz_date_civil(y, m, d));
	}
	assert_int_equal(pd, 1600001);

	/* days of instants round down, also before 1970 */
	long secs;
	assert_int_equal(kz_date_day_of(0, &secs), 0);
	assert_int_equal(secs, 0);
	assert_int_equal(kz_date_day_of(86399, &secs), 0);
	assert_int_equal(secs, 86399);
	assert_int_equal(kz_date_day_of(86400, &secs), 1);
	assert_int_equal(secs, 0);
	assert_int_equal(kz_date_day_of(-1, &secs), -1);
	assert_int_equal(secs, 86399);
	assert_int_equal(kz_date_day_of(-86400, &secs), -1);
	assert_int_equal(secs, 0);
	assert_int_equal(kz_date_day_of(-86401, &secs), -2);
	assert_int_equal(secs, 86399);
	assert_int_equal(kz_date_day_of(INT64_MIN, NULL), -106751991167301L);

	/* weekdays: 0 Sunday */
	assert_int_equal(kz_date_weekday(0), 4);	/* a Thursday */
	assert_int_equal(kz_date_weekday(-1), 3);
	assert_int_equal(kz_date_weekday(-4), 0);
	assert_int_equal(kz_date_weekday(kz_date_civil(2000, 1, 1)), 6);
	assert_int_equal(kz_date_weekday(kz_date_civil(2019, 8, 21)), 3);
	assert_int_equal(kz_date_weekday(kz_date_civil(1900, 1, 1)), 1);
}

/* Which day it is depends on where the office is. */
static void
test_today(void **state)
{
	struct kz_config cfg = { 0 };
	char out[11];

	(void)state;
	int64_t t;
	assert_true(kz_date_stamp("1969-12-31T23:59:59Z", &t));
	assert_int_equal(t, -1);
	assert_false(kz_date_stamp("2026-11-21 20:00:00Z", &t));
	assert_false(kz_date_stamp("2026-02-30T20:00:00Z", &t));
	assert_false(kz_date_stamp(NULL, &t));
	unsetenv("KIZUNA_TODAY");
	setenv("KIZUNA_NOW", "2026-11-21T20:00:00Z", 1);
	assert_int_equal(kz_date_now(), kz_date_civil(2026, 11, 21) * 86400L +
	    20 * 3600);
	cfg.timezone = "UTC";
	kz_stamp_today(&cfg, out);
	assert_string_equal(out, "2026-11-21");
	kz_stamp_today(NULL, out);
	assert_string_equal(out, "2026-11-21");
	cfg.timezone = "Asia/Tokyo";		/* 05:00 the next morning */
	kz_stamp_today(&cfg, out);
	assert_string_equal(out, "2026-11-22");
	setenv("KIZUNA_NOW", "2026-11-22T05:00:00Z", 1);
	cfg.timezone = "Pacific/Honolulu";	/* 19:00 the evening before */
	kz_stamp_today(&cfg, out);
	assert_string_equal(out, "2026-11-21");
	setenv("KIZUNA_NOW", "2026-12-31T10:30:00Z", 1);
	cfg.timezone = "Pacific/Kiritimati";	/* +14: the new year */
	kz_stamp_today(&cfg, out);
	assert_string_equal(out, "2027-01-01");
	setenv("KIZUNA_TODAY", "2019-09-01", 1);
	kz_stamp_today(&cfg, out);
	assert_string_equal(out, "2019-09-01");
	unsetenv("KIZUNA_TODAY");
	unsetenv("KIZUNA_NOW");
}

/* ---- files ---- */

/* How many names in dir start with prefix. */
static int
entries(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static void
test_file_read(void **state)
{
	const char *dir = *state;
	char path[128];
	size_t len;
	char *s;
	FILE *fp;

	snprintf(path, sizeof path, "%s/r.txt", dir);
	assert_null(kz_file_read(path, 0, &len));
	assert_int_equal(errno, ENOENT);
	assert_non_null(fp = fopen(path, "w"));
	fclose(fp);
	assert_non_null(s = kz_file_read(path, 0, &len));	/* empty */
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(fp = fopen(path, "w"));
	for (int i = 0; i < 20000; i++)		/* beyond any first buffer */
		fputs("0123456789", fp);
	fputc('\0', fp);			/* kept, and counted */
	fputs("end", fp);
	fclose(fp);
	assert_non_null(s = kz_file_read(path, 0, &len));
	assert_int_equal(len, 200004);
	assert_memory_equal(s + 199990, "0123456789\0end", 15);
	free(s);
	assert_non_null(s = kz_file_read(path, 200004, &len));
	free(s);
	assert_null(kz_file_read(path, 200003, &len));
	assert_int_equal(errno, EFBIG);
	assert_null(kz_file_read(dir, 0, &len));	/* a directory */
	assert_int_equal(errno, EISDIR);
}

static void
test_file_write_atomic(void **state)
{
	const char *dir = *state;
	char path[128], sub[128];
	size_t len;
	char *s;

	snprintf(path, sizeof path, "%s/w.txt", dir);
	assert_int_equal(kz_file_write_atomic(path, "first", 5), 0);
	assert_non_null(s = kz_file_read(path, 0, &len));
	assert_string_equal(s, "first");
	free(s);
	assert_int_equal(kz_file_write_atomic(path, "second", 6), 0);
	assert_non_null(s = kz_file_read(path, 0, &len));
	assert_string_equal(s, "second");
	free(s);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(entries(dir, "w.txt.tmp"), 0);

	/* A failure leaves the old file, or none, and no temp file. Here
	 * the rename fails: the name is a directory's. */
	snprintf(sub, sizeof sub, "%s/taken", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(kz_file_write_atomic(sub, "x", 1), -1);
	assert_int_equal(errno, EISDIR);
	assert_int_equal(entries(dir, "taken.tmp"), 0);
	/* and here the temp file cannot even be made */
	snprintf(sub, sizeof sub, "%s/nowhere/f.txt", dir);
	assert_int_equal(kz_file_write_atomic(sub, "x", 1), -1);
	assert_int_equal(errno, ENOENT);
	/* the two halves: nothing at path until the commit */
	char tmp[256];
	snprintf(sub, sizeof sub, "%s/two.txt", dir);
	assert_int_equal(kz_file_write_temp(sub, "half", 4, tmp, sizeof tmp),
	    0);
	assert_int_equal(access(sub, F_OK), -1);
	assert_int_equal(entries(dir, "two.txt.tmp-"), 1);
	assert_int_equal(kz_file_commit(tmp, sub), 0);
	assert_int_equal(entries(dir, "two.txt.tmp-"), 0);
	assert_non_null(s = kz_file_read(sub, 0, &len));
	assert_string_equal(s, "half");
	free(s);
	assert_int_equal(kz_file_write_temp(sub, "x", 1, tmp, 8), -1);
	assert_int_equal(errno, ENAMETOOLONG);
}

/* Tab in a file question: as far as the names agree, "/" after a lone
 * directory, the names listed, hidden ones only when asked. */
static void
test_file_complete(void **state)
{
	const char *dir = *state;
	char path[256], typed[256], out[512], alts[256];
	const char *names[] = { "bundle-alpha.kzb", "bundle-beta.kzb",
	    ".hidden", "北京.kzb", "北海.kzb" };
	FILE *fp;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		assert_non_null(fp = fopen(path, "w"));
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);

	snprintf(typed, sizeof typed, "%s/bun", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 2);
	snprintf(path, sizeof path, "%s/bundle-", dir);
	assert_string_equal(out, path);
	assert_non_null(strstr(alts, "bundle-alpha.kzb"));
	assert_non_null(strstr(alts, "bundle-beta.kzb"));
	snprintf(typed, sizeof typed, "%s/bundle-a", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 1);
	snprintf(path, sizeof path, "%s/bundle-alpha.kzb", dir);
	assert_string_equal(out, path);
	snprintf(typed, sizeof typed, "%s/su", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 1);
	snprintf(path, sizeof path, "%s/sub/", dir);
	assert_string_equal(out, path);
	/* two names that differ inside a character: never half of one */
	snprintf(typed, sizeof typed, "%s/北", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 2);
	assert_string_equal(out, typed);
	/* nothing, and hidden names only when a dot is typed */
	snprintf(typed, sizeof typed, "%s/zz", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 0);
	assert_string_equal(out, typed);
	snprintf(typed, sizeof typed, "%s/", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 5);
	assert_null(strstr(alts, ".hidden"));
	snprintf(typed, sizeof typed, "%s/.h", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), 1);
	/* a directory that is not there */
	snprintf(typed, sizeof typed, "%s/none/x", dir);
	assert_int_equal(kz_file_complete(typed, out, sizeof out, alts,
	    sizeof alts), -1);
}

static void
test_width(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(kz_text_width("王建国"), 6);
	assert_int_equal(kz_text_width("Wang"), 4);
	assert_int_equal(kz_text_width("é"), 1);
	/* cut: never half a wide character, never half a UTF-8 sequence */
	assert_int_equal(kz_text_fit(out, sizeof out, "王建国", 4, true), 4);
	assert_string_equal(out, "王 ~");
	assert_int_equal(kz_text_fit(out, sizeof out, "王建国", 5, true), 5);
	assert_string_equal(out, "王建~");
	assert_int_equal(kz_text_fit(out, sizeof out, "ab", 5, true), 5);
	assert_string_equal(out, "ab   ");
	assert_int_equal(kz_text_fit(out, sizeof out, "a\tb", 3, false), 3);
	assert_string_equal(out, "a b");
	/* Korean is as wide as Chinese, but spaced like English */
	assert_int_equal(kz_text_width("서울사무소"), 10);
	assert_true(kz_cp_is_hangul(0xc11c));		/* 서 */
	assert_true(kz_cp_is_hangul(0x3131));		/* ㄱ */
	assert_false(kz_cp_is_hangul(0x738b));		/* 王 */
	assert_false(kz_cp_is_hangul(0x3042));		/* あ */
	assert_false(kz_cp_is_hangul('a'));
	assert_true(kz_utf8_valid("农业", strlen("农业")));
	assert_false(kz_utf8_valid("\xe5\x86", 2));
	assert_false(kz_utf8_valid("\xc0\xaf", 2));	/* overlong */
	assert_false(kz_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
}

/* Text a bundle sent, quoted in a message: characters pass, control
 * characters and what is not UTF-8 are shown as \xNN, cut to fit. */
static void
test_shown(void **state)
{
	char out[32], small[12];

	(void)state;
	assert_string_equal(kz_text_shown("request 农业", out, sizeof out),
	    "request 农业");
	assert_string_equal(kz_text_shown("x\033]0;PWNED\007", out,
	    sizeof out), "x\\x1b]0;PWNED\\x07");
	/* DEL, a C1 control (CSI, U+009B), a stray byte, an overlong */
	assert_string_equal(kz_text_shown("a\177b\302\233c\377d\xc0\xaf", out,
	    sizeof out), "a\\x7fb\\xc2\\x9bc\\xffd\\xc0\\xaf");
	/* cut on a character's edge, never inside an escape */
	assert_string_equal(kz_text_shown("abcdefghijklmnop", small,
	    sizeof small), "abcdefgh...");
	assert_string_equal(kz_text_shown("ab\033\033\033", small,
	    sizeof small), "ab\\x1b...");
	assert_string_equal(kz_text_shown("农业农业", small, sizeof small),
	    "农业...");
	assert_string_equal(kz_text_shown("abcdefghijk", small,
	    sizeof small), "abcdefghijk");
}

static void
test_capitalise(void **state)
{
	char s[5][32] = { "état", "année", "œuvre", "name", "农业" };

	(void)state;
	assert_string_equal(kz_text_capitalise(s[0]), "État");
	assert_string_equal(kz_text_capitalise(s[1]), "Année");
	assert_string_equal(kz_text_capitalise(s[2]), "Œuvre");
	assert_string_equal(kz_text_capitalise(s[3]), "Name");
	assert_string_equal(kz_text_capitalise(s[4]), "农业");
	assert_string_equal(kz_text_capitalise(s[3]), "Name");
}

/* Every record of data, read from memory and read from a file a piece
 * at a time, the same: cells, lines, the error and its place. */
static void
csv_both(const char *data, size_t len)
{
	struct kz_csv m, f;
	struct kz_csv_row a, b;
	struct kz_err ea = { 0 }, eb = { 0 };
	FILE *fp = fmemopen((void *)data, len, "rb");
	int ra, rb;

	assert_non_null(fp);
	kz_csv_open(&m, "t.csv", data, len);
	kz_csv_open_file(&f, "t.csv", fp);
	do {
		ra = kz_csv_next(&m, &a, &ea);
		rb = kz_csv_next(&f, &b, &eb);
		assert_int_equal(ra, rb);
		if (ra == 1) {
			assert_int_equal(a.line, b.line);
			assert_int_equal(a.n, b.n);
			for (size_t i = 0; i < a.n; i++)
				assert_string_equal(a.cell[i], b.cell[i]);
			kz_csv_row_free(&a);
			kz_csv_row_free(&b);
		}
	} while (ra == 1);
	assert_int_equal(ea.n, eb.n);
	if (ea.n)
		assert_string_equal(ea.item[0].where, eb.item[0].where);
	kz_csv_close(&f);
	fclose(fp);
}

/* A file read as a stream gives the records read from memory, with
 * quotes, doubled quotes, line breaks and CRLF across the window the
 * file is read through (64 KiB), and the same error at the same line. */
static void
test_csv_stream(void **state)
{
	struct kz_buf b = { 0 };
	const char *cells[] = { "plain", "\"quoted, with comma\"",
	    "\"two\nlines\"", "\"say \"\"hi\"\"\"", "佐藤 健一", "" };

	(void)state;
	kz_buf_puts(&b, "\xef\xbb\xbf" "a,b,c\r\n");
	for (int i = 0; b.len < 300000; i++)
		kz_buf_printf(&b, "%s,%s,%d%s", cells[i % 6], cells[(i + 1) % 6],
		    i, i % 3 ? "\r\n" : "\n");
	csv_both(b.s, b.len);
	/* cut anywhere near the first window's end, and broken there */
	for (size_t cut = 65530; cut < 65545; cut++)
		csv_both(b.s, cut);
	kz_buf_puts(&b, "\"never closed,x\n");
	csv_both(b.s, b.len);
	csv_both("", 0);
	csv_both("\xef\xbb", 2);
	kz_buf_free(&b);
}

static void
test_csv(void **state)
{
	const char *data = "\xef\xbb\xbfname,notes\r\n"
	    "\"王, 建国\",\"two\nlines \"\"quoted\"\"\"\r\n\r\n"
	    "plain,\n";
	struct kz_csv r;
	struct kz_csv_row row;
	struct kz_err err = { 0 };

	(void)state;
	kz_csv_open(&r, "t.csv", data, strlen(data));
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.n, 2);
	assert_string_equal(row.cell[0], "name");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.line, 2);
	assert_string_equal(row.cell[0], "王, 建国");
	assert_string_equal(row.cell[1], "two\nlines \"quoted\"");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	assert_int_equal(row.line, 5);
	assert_int_equal(row.n, 2);
	assert_string_equal(row.cell[1], "");
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), 0);

	const char *bad = "a,b\n\"open,x\n";
	kz_csv_open(&r, "bad.csv", bad, strlen(bad));
	assert_int_equal(kz_csv_next(&r, &row, &err), 1);
	kz_csv_row_free(&row);
	assert_int_equal(kz_csv_next(&r, &row, &err), -1);
	assert_string_equal(err.item[0].where, "bad.csv:2");

	/* writing quotes what must be quoted, and reads back the same */
	struct kz_buf b = { 0 };
	kz_csv_cell(&b, "a,b", 0);
	kz_csv_cell(&b, "say \"hi\"", 0);
	kz_csv_cell(&b, "plain", 1);
	assert_string_equal(kz_buf_str(&b), "\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
	kz_buf_free(&b);
}

static void
test_sha256(void **state)
{
	char hex[65];
	char *big = malloc(1000000);

	(void)state;
	kz_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	kz_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	kz_sha256_hex(two, strlen(two), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(big, 'a', 1000000);
	kz_sha256_hex(big, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(big);
}

static void
test_stamp(void **state)
{
	struct kz_config cfg = { 0 };
	char out[96];

	(void)state;
	cfg.timezone = "Asia/Shanghai";
	cfg.date_format = "%Y-%m-%d";
	/* after 16:00 UTC it is the next day in Beijing */
	kz_stamp_format(&cfg, "2026-11-21T23:54:00Z", out, sizeof out);
	assert_string_equal(out, "2026-11-22 07:54 CST");
	cfg.timezone = "Europe/Paris";	/* summer and winter time */
	kz_stamp_format(&cfg, "2026-07-01T12:00:00Z", out, sizeof out);
	assert_string_equal(out, "2026-07-01 14:00 CEST");
	kz_stamp_format(&cfg, "2026-01-01T00:30:00Z", out, sizeof out);
	assert_string_equal(out, "2026-01-01 01:30 CET");
	cfg.timezone = "America/New_York";
	cfg.date_format = "%d %b %Y";
	kz_stamp_format(&cfg, "2026-03-01T03:00:00Z", out, sizeof out);
	assert_string_equal(out, "28 Feb 2026 22:00 EST");
	kz_stamp_format(&cfg, "not a stamp", out, sizeof out);
	assert_string_equal(out, "not a stamp");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_round_trip),
		cmocka_unit_test(test_id_check_character),
		cmocka_unit_test(test_id_next),
		cmocka_unit_test(test_id_seq),
		cmocka_unit_test(test_place_ja),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_arithmetic),
		cmocka_unit_test(test_today),
		cmocka_unit_test_setup_teardown(test_file_read, unit_dir_setup,
		    unit_dir_teardown),
		cmocka_unit_test_setup_teardown(test_file_write_atomic,
		    unit_dir_setup, unit_dir_teardown),
		cmocka_unit_test_setup_teardown(test_file_complete,
		    unit_dir_setup, unit_dir_teardown),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_capitalise),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_stream),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_stamp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
