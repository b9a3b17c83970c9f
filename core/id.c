/* id.c - record ids unique across offices, short enough for the phone. */
#include "id.h"

#include <ctype.h>
#include <string.h>
#include <sys/random.h>

/* Crockford's base 32: no I, L, O or U, so nothing reads two ways. */
static const char digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static int
digit_value(int c)
{
	c = toupper((unsigned char)c);
	if (c == 'O')
		return 0;
	if (c == 'I' || c == 'L')
		return 1;
	const char *p = c ? strchr(digits, c) : NULL;
	return p ? (int)(p - digits) : -1;
}

/*
 * The check character is Luhn's algorithm modulo 32 over the seven random
 * digits, preceded by a digit made from the office code: it catches any
 * one mistyped character and nearly every pair of swapped neighbours.
 */
static int
check_value(const char *office, const int v[7])
{
	int d[8], sum = 0, factor = 2;
	unsigned h = 0;

	for (const char *p = office; *p; p++)
		h = h * 7 + (unsigned char)*p;
	d[0] = (int)(h % 32);
	memcpy(d + 1, v, 7 * sizeof *v);
	for (int i = 7; i >= 0; i--) {
		int add = factor * d[i];
		factor = factor == 2 ? 1 : 2;
		sum += add / 32 + add % 32;
	}
	return (32 - sum % 32) % 32;
}

static void
format(const char *office, const int v[7], char out[KZ_ID_SIZE])
{
	size_t n = strlen(office);

	memcpy(out, office, n);
	out[n++] = '-';
	for (int i = 0; i < 7; i++) {
		if (i == 4)
			out[n++] = '-';
		out[n++] = digits[v[i]];
	}
	out[n++] = digits[check_value(office, v)];
	out[n] = '\0';
}

static bool
office_ok(const char *office, size_t len)
{
	if (len < 2 || len > 4)
		return false;
	for (size_t i = 0; i < len; i++)
		if (office[i] < 'A' || office[i] > 'Z')
			return false;
	return true;
}

int
kz_id_new(const char *office, char out[KZ_ID_SIZE])
{
	unsigned char r[7];
	int v[7];

	if (!office_ok(office, strlen(office)))
		return -1;
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
		return -1;
	for (int i = 0; i < 7; i++)
		v[i] = r[i] & 31;
	format(office, v, out);
	return 0;
}

int
kz_id_from(const char *office, uint64_t n, char out[KZ_ID_SIZE])
{
	int v[7];

	if (!office_ok(office, strlen(office)))
		return -1;
	for (int i = 6; i >= 0; i--, n >>= 5)
		v[i] = (int)(n & 31);
	format(office, v, out);
	return 0;
}

/* splitmix64's finaliser: neighbouring counts far apart */
static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int
kz_id_seq_next(struct kz_id_seq *seq, const char *office, int kind,
    char out[KZ_ID_SIZE])
{
	size_t n = strlen(office), i;
	uint64_t h = 0;

	if (!office_ok(office, n))
		return -1;
	for (i = 0; i < seq->n; i++)
		if (seq->at[i].kind == kind &&
		    strcmp(seq->at[i].office, office) == 0)
			break;
	if (i == seq->n) {
		if (i == sizeof seq->at / sizeof seq->at[0])
			return -1;
		memcpy(seq->at[i].office, office, n + 1);
		seq->at[i].kind = kind;
		seq->at[i].count = 0;
		seq->n++;
	}
	for (const char *p = office; *p; p++)
		h = h * 31 + (unsigned char)*p;
	h = mix(h * 0x100000001b3ULL + (uint64_t)kind);
	return kz_id_from(office, mix(h + 0x9e3779b97f4a7c15ULL *
	    ++seq->at[i].count), out);
}

int
kz_id_next(const char *office, const char *prev, char out[KZ_ID_SIZE])
{
	char norm[KZ_ID_SIZE];
	size_t n = strlen(office);
	int v[7], i;

	if (!office_ok(office, n) || !kz_id_normalise(prev, norm) ||
	    strncmp(norm, office, n) != 0 || norm[n] != '-')
		return -1;
	for (i = 0; i < 7; i++)
		v[i] = digit_value(norm[n + 1 + i + (i >= 4)]);
	for (i = 6; i >= 0 && v[i] == 31; i--)
		v[i] = 0;
	if (i < 0)
		return -1;	/* the last there is */
	v[i]++;
	format(office, v, out);
	return 0;
}

bool
kz_id_normalise(const char *in, char out[KZ_ID_SIZE])
{
	char office[5];
	int v[8], nv = 0;
	size_t no = 0;
	const char *p = in;

	while (*p == ' ')
		p++;
	while (isalpha((unsigned char)*p) && no < 4)
		office[no++] = (char)toupper((unsigned char)*p++);
	office[no] = '\0';
	if (*p != '-' && *p != ' ')
		return false;
	if (!office_ok(office, no))
		return false;
	for (; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		int d = digit_value(*p);
		if (d < 0 || nv == 8)
			return false;
		v[nv++] = d;
	}
	if (nv != 8 || check_value(office, v) != v[7])
		return false;
	format(office, v, out);
	return true;
}
