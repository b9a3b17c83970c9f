/* rtype.c - a record type as one table of fields, and what is derived from it. */
#include "rtype.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "country.h"
#include "date.h"
#include "i18n.h"
#include "json.h"
#include "language.h"
#include "record.h"
#include "stamp.h"
#include "sync_rules.h"
#include "text.h"
#include "tz.h"

/* ---- enumerations ---- */

int
kz_enum_count(const struct kz_enum *e)
{
	int n = 0;

	while (e->keywords[n])
		n++;
	return n;
}

const char *
kz_enum_keyword(const struct kz_enum *e, int v)
{
	return v >= 0 && v < kz_enum_count(e) ? e->keywords[v] : "?";
}

const char *
kz_enum_label(const struct kz_enum *e, int v)
{
	return v >= 0 && v < kz_enum_count(e) ? _(e->labels[v]) : "?";
}

/* The text of a label without its message context. */
static const char *
plain(const char *label)
{
	const char *p = strchr(label, '\004');

	return p ? p + 1 : label;
}

struct enum_match {
	const struct kz_enum *e;
	const char *s;
};

/* A label in the language messages are in now. */
static bool
enum_is(size_t i, const void *arg)
{
	const struct enum_match *m = arg;

	return kz_text_same(m->s, _(m->e->labels[i]));
}

int
kz_enum_parse(const struct kz_enum *e, const char *s)
{
	int n = kz_enum_count(e);
	struct enum_match m = { e, s };

	if (s == NULL || *s == '\0')
		return -1;
	/* a keyword as stored: every row read comes this way */
	for (int i = 0; i < n; i++)
		if (strcmp(s, e->keywords[i]) == 0)
			return i;
	for (int i = 0; i < n; i++)
		if (kz_text_same(s, e->keywords[i]))
			return i;
	for (int i = 0; i < n; i++)
		if (kz_text_same(s, plain(e->labels[i])) ||
		    kz_text_same(s, _(e->labels[i])))
			return i;
	/* typed in another language kizuna speaks (母语 in an English
	 * office, native in a Chinese one) */
	return (int)kz_i18n_find((size_t)n, enum_is, &m);
}

void
kz_enum_list(const struct kz_enum *e, char *out, size_t size)
{
	int n = kz_enum_count(e);
	size_t o = 0;

	out[0] = '\0';
	for (int i = 0; i < n && o < size; i++) {
		const char *t = _(e->labels[i]);

		/* the names in the reader's language where they have them
		 * (any is taken), else the keywords */
		if (strcmp(t, plain(e->labels[i])) == 0)
			t = e->keywords[i];
		o += (size_t)snprintf(out + o, size - o, "%s%s",
		    i == 0 ? "" : i == n - 1 ? _(" or ") : ", ", t);
	}
}

/* ---- fields ---- */

const struct kz_rfield *
kz_rtype_field(const struct kz_rtype *rt, const char *name)
{
	for (size_t i = 0; i < rt->n; i++)
		if (strcmp(rt->f[i].name, name) == 0)
			return &rt->f[i];
	for (size_t i = 0; i < rt->n; i++)
		if ((rt->f[i].option && strcmp(rt->f[i].option, name) == 0) ||
		    (rt->f[i].csv && strcmp(rt->f[i].csv, name) == 0))
			return &rt->f[i];
	return NULL;
}

void *
kz_rfield_ptr(const struct kz_rfield *f, void *rec)
{
	return (char *)rec + f->off;
}

const void *
kz_rfield_cptr(const struct kz_rfield *f, const void *rec)
{
	return (const char *)rec + f->off;
}

/* Kinds whose member is a malloc'd string. */
static bool
owns_string(enum kz_rkind k)
{
	return k == KZ_RK_TEXT || k == KZ_RK_NOTE || k == KZ_RK_EMAIL ||
	    k == KZ_RK_PHONE || k == KZ_RK_USER;
}

/* Kinds whose member is an inline char array. */
static bool
inline_string(enum kz_rkind k)
{
	return k == KZ_RK_ID || k == KZ_RK_DATE || k == KZ_RK_COUNTRY ||
	    k == KZ_RK_REF || k == KZ_RK_STAMP || k == KZ_RK_CODE ||
	    k == KZ_RK_CURRENCY || k == KZ_RK_TIME || k == KZ_RK_ZONE;
}

/* ---- money: an amount in the currency another field holds ---- */

static kz_money *
money_of(const struct kz_rfield *f, void *rec)
{
	return kz_rfield_ptr(f, rec);
}

static kz_money
money_val(const struct kz_rfield *f, const void *rec)
{
	return *(const kz_money *)kz_rfield_cptr(f, rec);
}

static bool
money_set(const struct kz_rfield *f, const void *rec)
{
	return !(f->flags & KZ_RF_HAS) ||
	    *(const bool *)((const char *)rec + f->has);
}

static const char *
money_currency(const struct kz_rfield *f, const void *rec)
{
	return (const char *)rec + f->cur;
}

static const char *
str_of(const struct kz_rfield *f, const void *rec)
{
	const void *p = kz_rfield_cptr(f, rec);

	if (owns_string(f->kind))
		return *(char *const *)p;
	if (inline_string(f->kind))
		return p;
	return NULL;
}

bool
kz_rfield_empty(const struct kz_rfield *f, const void *rec)
{
	const char *s;
	char *t;
	bool empty;

	switch (f->kind) {
	case KZ_RK_INT:
		return (f->flags & KZ_RF_ZERO_NULL) &&
		    *(const int *)kz_rfield_cptr(f, rec) == 0;
	case KZ_RK_ENUM:
		return false;
	case KZ_RK_MONEY:
		return !money_set(f, rec);
	case KZ_RK_LIST: case KZ_RK_MADE:
		t = f->format(rec);
		empty = t == NULL || *t == '\0';
		free(t);
		return empty;
	default:
		s = str_of(f, rec);
		return s == NULL || *s == '\0';
	}
}

void
kz_rtype_free(const struct kz_rtype *rt, void *rec)
{
	struct kz_trs *t = kz_rtype_trs(rt, rec);

	for (size_t i = 0; i < rt->n; i++)
		if (owns_string(rt->f[i].kind)) {
			char **p = kz_rfield_ptr(&rt->f[i], rec);
			free(*p);
			*p = NULL;
		}
	if (t)
		kz_tr_free(t);
}

int
kz_rtype_copy(const struct kz_rtype *rt, void *dst, const void *src)
{
	int rc = KZ_OK;

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		void *d = kz_rfield_ptr(f, dst);
		const void *s = kz_rfield_cptr(f, src);

		if (owns_string(f->kind))
			rc |= kz_str_set(d, *(char *const *)s);
		else if (inline_string(f->kind))
			memcpy(d, s, f->size);
		else if (f->kind == KZ_RK_INT || f->kind == KZ_RK_ENUM)
			memcpy(d, s, sizeof(int));
		else if (f->kind == KZ_RK_MONEY) {
			memcpy(d, s, sizeof(kz_money));
			if (f->flags & KZ_RF_HAS)
				memcpy((char *)dst + f->has,
				    (const char *)src + f->has, sizeof(bool));
		}
	}
	if (kz_rtype_trs(rt, dst))
		rc |= kz_tr_copy(kz_rtype_trs(rt, dst), kz_rtype_ctrs(rt, src));
	return rc ? KZ_ERROR : KZ_OK;
}

/* ---- text in and out ---- */

static int
set_int(const struct kz_rfield *f, int *out, const char *text,
    struct kz_err *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (errno || end == text || *end || v < INT_MIN || v > INT_MAX)
		return kz_err_add(err, f->name, _("%s must be a whole number, "
		    "not \"%s\""), _(f->label), text);
	*out = (int)v;
	return KZ_OK;
}

static int
money_parse(const struct kz_rfield *f, void *rec, const char *text,
    struct kz_err *err)
{
	const char *cur = money_currency(f, rec);
	bool *has = (f->flags & KZ_RF_HAS) ? (bool *)((char *)rec + f->has) :
	    NULL;
	kz_money v;
	int dec;

	if (*text == '\0') {
		*money_of(f, rec) = 0;
		if (has)
			*has = false;
		return KZ_OK;
	}
	if (!kz_money_parse(text, cur, &v)) {
		dec = kz_currency_decimals(cur);
		return kz_err_add(err, f->name, dec < 0 ? _("%s: \"%s\": give a "
		    "valid currency first") : dec == 0 ? _("%s: \"%s\" is not "
		    "an amount in whole units such as 12000 (no decimals in "
		    "this currency)") : _("%s: \"%s\" is not an amount such as "
		    "1234.50"), _(f->label), text);
	}
	*money_of(f, rec) = v;
	if (has)
		*has = true;
	return KZ_OK;
}

int
kz_rfield_day(const struct kz_config *cfg, const char *typed,
    const char *at, char out[11], struct kz_err *err)
{
	static const struct kz_rfield day = { .name = "date",
	    .label = N_("date"), .kind = KZ_RK_DATE, .off = 0, .size = 11 };
	int before = err->n + err->dropped;
	char got[11];

	if (typed && *typed) {
		if (kz_rfield_set(&day, got, typed, err) == KZ_OK &&
		    kz_date_valid(got)) {
			memcpy(out, got, 11);
			return KZ_OK;
		}
		if (err->n + err->dropped == before)
			kz_err_add(err, "date", _("%s \"%s\" is not a date "
			    "YYYY-MM-DD"), _("date"), typed);
		return KZ_ERROR;
	}
	if (at && strlen(at) >= 10 && (snprintf(out, 11, "%.10s", at),
	    kz_date_valid(out)))
		return KZ_OK;
	kz_stamp_today(cfg, out);
	return KZ_OK;
}

int
kz_rfield_set(const struct kz_rfield *f, void *rec, const char *text,
    struct kz_err *err)
{
	void *p = kz_rfield_ptr(f, rec);
	const char *name;
	char list[200];
	int v;

	if (text == NULL)
		text = "";
	if (f->flags & KZ_RF_DERIVED)
		return kz_err_add(err, f->name, _("%s is made from the other "
		    "fields and cannot be set"), _(f->label));
	switch (f->kind) {
	case KZ_RK_TEXT: case KZ_RK_NOTE: case KZ_RK_EMAIL: case KZ_RK_PHONE:
	case KZ_RK_USER:
		if (kz_str_set(p, text))
			return kz_err_add(err, "", _("out of memory"));
		return KZ_OK;
	case KZ_RK_TIME:
		/* "9:30", "0930", "9.30" are 09:30 */
		((char *)p)[0] = '\0';
		if (*text && !kz_time_normalise(text, p)) {
			((char *)p)[0] = '\0';
			return kz_err_add(err, f->name, _("\"%s\" is not a time "
			    "HH:MM"), text);
		}
		return KZ_OK;
	case KZ_RK_DATE:
		/* as people type it, in the office's order; stored ISO */
		((char *)p)[0] = '\0';
		if (*text == '\0')
			return KZ_OK;
		return kz_date_parse(text, kz_date_get_order(), p, f->name,
		    err);
	case KZ_RK_ID: case KZ_RK_COUNTRY: case KZ_RK_REF:
	case KZ_RK_STAMP: case KZ_RK_CODE: case KZ_RK_CURRENCY:
	case KZ_RK_ZONE:
		if (f->kind == KZ_RK_REF && f->parse)
			return f->parse(rec, text, err);
		/* a country by its code or its name in any language kizuna
		 * speaks: CN, 中国, Chine */
		if (f->kind == KZ_RK_COUNTRY && *text &&
		    (name = kz_country_parse(text)) != NULL)
			text = name;
		/* a currency by its code or its name: JPY, Yen, 日元 */
		if (f->kind == KZ_RK_CURRENCY && *text &&
		    (name = kz_currency_parse(text)) != NULL)
			text = name;
		else if (f->kind == KZ_RK_COUNTRY && *text &&
		    strlen(text) >= f->size)
			return kz_err_add(err, f->name, _("%s: \"%s\" is not a "
			    "country: give its code (CN) or its name (China, "
			    "中国)"), _(f->label), text);
		if (kz_copy_value(p, f->size, text, f->name, _(f->label), err))
			return KZ_ERROR;
		if (f->kind == KZ_RK_COUNTRY || f->kind == KZ_RK_CURRENCY)
			for (char *c = p; *c; c++)
				*c = (char)toupper((unsigned char)*c);
		return KZ_OK;
	case KZ_RK_INT:
		if (*text == '\0') {
			*(int *)p = 0;
			return KZ_OK;
		}
		return set_int(f, p, text, err);
	case KZ_RK_ENUM:
		if (f->parse)
			return f->parse(rec, text, err);
		if (*text == '\0') {
			*(int *)p = 0;
			return KZ_OK;
		}
		if ((v = kz_enum_parse(f->values, text)) < 0) {
			kz_enum_list(f->values, list, sizeof list);
			return kz_err_add(err, f->name, _("%s must be %s, not "
			    "\"%s\""), _(f->label), list, text);
		}
		*(int *)p = v;
		return KZ_OK;
	case KZ_RK_LIST:
		return f->parse(rec, text, err);
	case KZ_RK_MONEY:
		return money_parse(f, rec, text, err);
	case KZ_RK_MADE:
		return kz_err_add(err, f->name, _("%s is made from the other "
		    "fields and cannot be set"), _(f->label));
	}
	return KZ_ERROR;
}

static char *
text_of(const struct kz_rfield *f, const void *rec, bool shown,
    const struct kz_config *cfg)
{
	struct kz_buf b = { 0 };
	char num[24], when[96];
	const char *s, *name;
	int v;

	/* a field that says how people read it */
	if (shown && f->show) {
		if (f->show(rec, cfg, &b) || b.oom) {
			kz_buf_free(&b);
			return NULL;
		}
		return b.s ? b.s : strdup("");
	}
	/* in the reader's language, when it is held in it */
	if (shown && (f->flags & KZ_RF_LANGS)) {
		s = kz_rfield_in(f, rec, NULL);
		return strdup(s ? s : "");
	}
	switch (f->kind) {
	case KZ_RK_INT:
		v = *(const int *)kz_rfield_cptr(f, rec);
		if (v == 0 && (f->flags & KZ_RF_ZERO_NULL))
			return strdup("");
		snprintf(num, sizeof num, "%d", v);
		return strdup(num);
	case KZ_RK_ENUM:
		v = *(const int *)kz_rfield_cptr(f, rec);
		return strdup(shown ? kz_enum_label(f->values, v) :
		    kz_enum_keyword(f->values, v));
	case KZ_RK_MONEY:
		if (!money_set(f, rec))
			return strdup("");
		if (shown)
			kz_money_format(money_val(f, rec),
			    money_currency(f, rec), when, sizeof when);
		else
			kz_money_plain(money_val(f, rec),
			    money_currency(f, rec), when, sizeof when);
		return strdup(when);
	case KZ_RK_LIST: case KZ_RK_MADE:
		return f->format(rec);
	case KZ_RK_DATE:
		/* as the office writes dates */
		s = str_of(f, rec);
		if (shown && cfg && cfg->date_format && kz_date_valid(s) &&
		    kz_date_format(s, cfg->date_format, when, sizeof when) > 0)
			s = when;
		return strdup(s);
	case KZ_RK_COUNTRY:
		/* "CN China": the code people type and the name they read */
		s = str_of(f, rec);
		if (shown && *s && (name = kz_country_label(s)) != NULL) {
			snprintf(when, sizeof when, "%s %s", s, name);
			s = when;
		}
		return strdup(s);
	case KZ_RK_STAMP:
		s = str_of(f, rec);
		if (shown && cfg && *s)
			s = kz_stamp_format(cfg, s, when, sizeof when);
		return strdup(s);
	case KZ_RK_USER:
		/* the default user in the reader's words */
		s = str_of(f, rec);
		return strdup(shown && s && *s ? kz_user_name(s) : s ? s : "");
	default:
		s = str_of(f, rec);
		return strdup(s ? s : "");
	}
}

char *
kz_rfield_text(const struct kz_rfield *f, const void *rec)
{
	return text_of(f, rec, false, NULL);
}

char *
kz_rfield_shown(const struct kz_rfield *f, const void *rec,
    const struct kz_config *cfg)
{
	return text_of(f, rec, true, cfg);
}

char *
kz_rfield_shown_text(const struct kz_rfield *f, const char *text,
    const struct kz_config *cfg)
{
	char when[96];
	const char *name;
	int v;

	if (text == NULL || *text == '\0')
		return strdup(text ? text : "");
	switch (f->kind) {
	case KZ_RK_ENUM:
		v = kz_enum_parse(f->values, text);
		return strdup(v >= 0 ? kz_enum_label(f->values, v) : text);
	case KZ_RK_DATE:
		if (cfg && cfg->date_format && kz_date_valid(text) &&
		    kz_date_format(text, cfg->date_format, when,
		    sizeof when) > 0)
			return strdup(when);
		return strdup(text);
	case KZ_RK_COUNTRY:
		if ((name = kz_country_label(text)) != NULL) {
			snprintf(when, sizeof when, "%s %s", text, name);
			return strdup(when);
		}
		return strdup(text);
	case KZ_RK_STAMP:
		return strdup(cfg ? kz_stamp_format(cfg, text, when,
		    sizeof when) : text);
	case KZ_RK_USER:
		return strdup(kz_user_name(text));
	default:
		return strdup(text);
	}
}

int
kz_rfield_json(const struct kz_rfield *f, const void *rec, struct kz_buf *out)
{
	char *t;

	if ((f->kind == KZ_RK_LIST || f->kind == KZ_RK_MADE) && f->json)
		return f->json(rec, out);
	if (f->kind == KZ_RK_INT && !kz_rfield_empty(f, rec)) {
		kz_buf_printf(out, "%d", *(const int *)kz_rfield_cptr(f, rec));
		return KZ_OK;
	}
	if (f->kind == KZ_RK_MONEY) {
		/* a number in the currency's decimals, or null */
		if ((t = kz_rfield_text(f, rec)) == NULL)
			return KZ_ERROR;
		kz_buf_puts(out, *t ? t : "null");
		free(t);
		return KZ_OK;
	}
	if ((t = kz_rfield_text(f, rec)) == NULL)
		return KZ_ERROR;
	kz_json_str(out, *t ? t : NULL);
	free(t);
	return KZ_OK;
}

/* ---- checks ---- */

bool
kz_rtype_check(const struct kz_rtype *rt, struct kz_db *db, const void *rec,
    struct kz_err *err)
{
	int before = err->n + err->dropped;

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		const char *s = str_of(f, rec), *label = _(f->label);
		bool req = f->flags & KZ_RF_REQUIRED;
		int v;

		switch (f->kind) {
		case KZ_RK_TEXT: case KZ_RK_NOTE:
			kz_check_text(err, f->name, label, s, (size_t)f->max,
			    (req ? KZ_TEXT_REQUIRED : 0) | (f->kind ==
			    KZ_RK_NOTE ? KZ_TEXT_MULTILINE : 0));
			break;
		case KZ_RK_EMAIL:
			kz_check_email(err, f->name, s);
			break;
		case KZ_RK_PHONE:
			kz_check_phone(err, f->name, s);
			break;
		case KZ_RK_DATE:
			kz_check_date(err, f->name, label, s, req);
			break;
		case KZ_RK_COUNTRY:
			kz_check_country(err, f->name, s, req);
			break;
		case KZ_RK_REF:
			if (*s == '\0' && req)
				kz_err_add(err, f->name, _("%s is required"),
				    label);
			else if (*s && !kz_record_exists(db, f->ref, s))
				kz_err_add(err, f->name, _("no %s %s"),
				    label, s);
			break;
		case KZ_RK_INT:
			v = *(const int *)kz_rfield_cptr(f, rec);
			/* 0 where 0 cannot be is a value never given (an
			 * empty cell): "required", not "not 0" */
			if (kz_rfield_empty(f, rec) || (v == 0 && req &&
			    (f->min > 0 || f->max < 0))) {
				if (req)
					kz_err_add(err, f->name, _("%s is "
					    "required"), label);
			} else if (v < f->min || v > f->max)
				kz_err_add(err, f->name, _("%s must be %d to "
				    "%d, not %d"), label, f->min, f->max, v);
			break;
		case KZ_RK_TIME:
			if (*s == '\0' && req)
				kz_err_add(err, f->name, _("%s is required"),
				    label);
			else if (*s && kz_time_minutes(s) < 0)
				kz_err_add(err, f->name, _("%s \"%s\" is not a "
				    "time HH:MM"), label, s);
			break;
		case KZ_RK_ZONE:
			if (*s == '\0' && req)
				kz_err_add(err, f->name, _("%s is required"),
				    label);
			else if (*s && !kz_tz_name_ok(s, NULL))
				kz_err_add(err, f->name, _("\"%s\" is not a time "
				    "zone name such as Asia/Tokyo or UTC"), s);
			break;
		case KZ_RK_ENUM:
			v = *(const int *)kz_rfield_cptr(f, rec);
			if (v < 0 || v >= kz_enum_count(f->values))
				kz_err_add(err, f->name, _("%s has no value "
				    "%d"), label, v);
			break;
		case KZ_RK_CURRENCY:
			if (*s == '\0' && req)
				kz_err_add(err, f->name, _("%s is required"),
				    label);
			else if (*s && kz_currency_decimals(s) < 0)
				kz_err_add(err, f->name, _("\"%s\" is not an "
				    "ISO 4217 currency code such as JPY or CNY"),
				    s);
			break;
		case KZ_RK_MONEY:
			if (kz_rfield_empty(f, rec)) {
				if (req)
					kz_err_add(err, f->name, _("%s is "
					    "required"), label);
			} else if (money_val(f, rec) < 0 ||
			    money_val(f, rec) > KZ_MONEY_MAX)
				kz_err_add(err, f->name, _("%s must be from 0 "
				    "to a sensible maximum"), label);
			break;
		default:
			break;
		}
	}
	kz_rtype_tr_check(rt, rec, err);
	return err->n + err->dropped == before;
}

/* ---- the row in SQL ---- */

static bool
stored(const struct kz_rfield *f)
{
	return f->column != NULL && f->kind != KZ_RK_MADE &&
	    (f->kind != KZ_RK_LIST || f->bind != NULL);
}

static struct kz_rtype_sql *
sql_of(const struct kz_rtype *rt)
{
	struct kz_rtype_sql *q = rt->sql;
	struct kz_buf ins = { 0 }, vals = { 0 }, upd = { 0 }, cols = { 0 },
	    sel = { 0 };
	const char *table = kz_record_table(rt->table);
	int n = 0;

	if (q->columns)
		return q;
	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		if (!stored(f))
			continue;
		n++;
		kz_buf_printf(&cols, "%s%s", n > 1 ? ", " : "", f->column);
		kz_buf_printf(&vals, "%s?%d", n > 1 ? ", " : "", n);
		if (f->kind != KZ_RK_ID &&
		    !(f->flags & (KZ_RF_CREATED | KZ_RF_STATE)))
			kz_buf_printf(&upd, "%s%s = ?%d", upd.len ? ", " : "",
			    f->column, n);
	}
	kz_buf_printf(&ins, "INSERT INTO %s (%s) VALUES (%s)", table,
	    kz_buf_str(&cols), kz_buf_str(&vals));
	kz_buf_printf(&sel, "SELECT %s FROM %s WHERE id = ?", kz_buf_str(&cols),
	    table);
	/* the id is always the first column: ?1; the stamp the caller
	 * read, when it gives one, follows the columns */
	kz_buf_printf(&upd, " WHERE id = ?1");
	if (kz_rtype_field(rt, "updated") &&
	    kz_rtype_field(rt, "updated")->column) {
		q->expect = n + 1;
		kz_buf_printf(&upd, " AND (?%d IS NULL OR updated IS ?%d)",
		    n + 1, n + 1);
	}
	if (ins.oom || sel.oom || upd.oom || cols.oom) {
		kz_buf_free(&ins); kz_buf_free(&sel); kz_buf_free(&upd);
		kz_buf_free(&cols); kz_buf_free(&vals);
		return NULL;
	}
	kz_buf_free(&vals);
	q->insert = ins.s;
	q->select = sel.s;
	q->columns = cols.s;
	q->ncols = n;
	/* "UPDATE t SET " in front */
	kz_buf_printf(&vals, "UPDATE %s SET %s", table, upd.s);
	kz_buf_free(&upd);
	q->update = vals.s;
	return q->update ? q : NULL;
}

const char *
kz_rtype_columns(const struct kz_rtype *rt)
{
	struct kz_rtype_sql *q = sql_of(rt);

	return q ? q->columns : NULL;
}

static void
bind_fields(const struct kz_rtype *rt, sqlite3_stmt *st, const void *rec)
{
	int n = 0;

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		int v;

		if (!stored(f))
			continue;
		n++;
		switch (f->kind) {
		case KZ_RK_INT:
			if (kz_rfield_empty(f, rec))
				sqlite3_bind_null(st, n);
			else
				sqlite3_bind_int(st, n,
				    *(const int *)kz_rfield_cptr(f, rec));
			break;
		case KZ_RK_ENUM:
			v = *(const int *)kz_rfield_cptr(f, rec);
			sqlite3_bind_text(st, n, kz_enum_keyword(f->values, v),
			    -1, SQLITE_STATIC);
			break;
		case KZ_RK_MONEY:
			if (kz_rfield_empty(f, rec))
				sqlite3_bind_null(st, n);
			else
				sqlite3_bind_int64(st, n, money_val(f, rec));
			break;
		case KZ_RK_LIST:
			f->bind(rec, st, n);
			break;
		default:
			kz_bind_text(st, n, str_of(f, rec));
		}
	}
}

/* The row's stamp now missed seen: say what it is, and who made it. */
static int
stale(struct kz_db *db, const struct kz_rtype *rt, const void *rec,
    const char *seen, struct kz_err *err)
{
	const struct kz_rfield *id = kz_rtype_field(rt, "id");
	const char *rid = id ? (const char *)kz_rfield_cptr(id, rec) : "";
	char now[32] = "", by[128] = "";
	sqlite3_stmt *st;
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT updated, updated_by FROM %s WHERE "
	    "id = ?", kz_record_table(rt->table));
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, rid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *u = (const char *)sqlite3_column_text(st, 0);
			const char *b = (const char *)sqlite3_column_text(st, 1);
			snprintf(now, sizeof now, "%s", u ? u : "");
			snprintf(by, sizeof by, "%s", b ? b : "");
		}
		sqlite3_finalize(st);
	}
	err->stale = 1;
	if (!now[0])
		kz_err_add(err, "updated", _("%s %s is no longer there; "
		    "nothing was saved"), _(rt->name), rid);
	else if (by[0])
		kz_err_add(err, "updated", _("%s %s has changed: its updated "
		    "stamp is now %s (by %s), not %s; nothing was saved"),
		    _(rt->name), rid, now, by, seen);
	else
		kz_err_add(err, "updated", _("%s %s has changed: its updated "
		    "stamp is now %s, not %s; nothing was saved"), _(rt->name),
		    rid, now, seen);
	return KZ_STALE;
}

/*
 * Personal data stays where it belongs: head office's bundles carry none
 * (sync_private.c), so an office would never hear of head office's
 * change to the personal fields of its record (a participant's needs).
 * Head office keeps and reads them; changing them is the owner's.
 */
static int
personal_guard(struct kz_db *db, const struct kz_rtype *rt, const void *rec,
    struct kz_err *err)
{
	const struct kz_rfield *idf = kz_rtype_field(rt, "id");
	const char *table = kz_record_table(rt->table);
	char *id;
	size_t own;
	int rc = KZ_OK;

	if (db->cfg == NULL || db->cfg->role != KZ_ROLE_HEAD || idf == NULL ||
	    kz_sync_rule_of(table)->owner == KZ_SYNC_OWNER_HEAD)
		return KZ_OK;
	if ((id = kz_rfield_text(idf, rec)) == NULL)
		return kz_err_add(err, "", _("out of memory"));
	own = strlen(db->cfg->office_id);
	if (strncmp(id, db->cfg->office_id, own) == 0 && id[own] == '-') {
		free(id);
		return KZ_OK;	/* head office's own record */
	}
	for (size_t i = 0; rc == KZ_OK && i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		sqlite3_stmt *st;
		char *sql, *mine;
		bool same;

		if (!(f->flags & KZ_RF_PERSONAL) || f->column == NULL)
			continue;
		sql = sqlite3_mprintf("SELECT coalesce(\"%w\", '') FROM \"%w\" "
		    "WHERE id = ?", f->column, table);
		if (sql == NULL || sqlite3_prepare_v2(db->sql, sql, -1, &st,
		    NULL) != SQLITE_OK) {
			sqlite3_free(sql);
			rc = kz_db_fail(db, err, rt->name);
			break;
		}
		sqlite3_free(sql);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		mine = kz_rfield_text(f, rec);
		same = sqlite3_step(st) != SQLITE_ROW || (mine && strcmp(mine,
		    (const char *)sqlite3_column_text(st, 0)) == 0);
		sqlite3_finalize(st);
		free(mine);
		if (!same)
			rc = kz_err_add(err, f->name, _("%s is personal data of "
			    "%.*s's %s: it is theirs to change (head office's "
			    "bundles carry no personal data)"), _(f->label),
			    (int)strcspn(id, "-"), id, _(rt->name));
	}
	free(id);
	return rc;
}

static int
run_row(struct kz_db *db, const struct kz_rtype *rt, const void *rec,
    bool insert, const char *seen, struct kz_err *err)
{
	struct kz_rtype_sql *q = sql_of(rt);
	sqlite3_stmt *st;
	int rc;

	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if (!insert && personal_guard(db, rt, rec, err) != KZ_OK)
		return KZ_ERROR;
	if ((st = kz_db_stmt(db, insert ? q->insert : q->update)) == NULL)
		return kz_db_fail(db, err, rt->name);
	bind_fields(rt, st, rec);
	if (!insert && q->expect) {
		if (seen && *seen)
			sqlite3_bind_text(st, q->expect, seen, -1,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, q->expect);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, err, rt->name);
	/* no row: the stamp missed (the callers made sure the id is
	 * there, inside their transaction) */
	if (!insert && seen && *seen && q->expect &&
	    sqlite3_changes(db->sql) == 0)
		return stale(db, rt, rec, seen, err);
	if (kz_rtype_ctrs(rt, rec) && kz_rtype_field(rt, "id"))
		return kz_tr_save(db, kz_rfield_cptr(kz_rtype_field(rt, "id"),
		    rec), kz_rtype_ctrs(rt, rec), err);
	return KZ_OK;
}

int
kz_rtype_insert(struct kz_db *db, const struct kz_rtype *rt, const void *rec,
    struct kz_err *err)
{
	return run_row(db, rt, rec, true, NULL, err);
}

int
kz_rtype_update(struct kz_db *db, const struct kz_rtype *rt, const void *rec,
    struct kz_err *err)
{
	return run_row(db, rt, rec, false, NULL, err);
}

int
kz_rtype_update_if(struct kz_db *db, const struct kz_rtype *rt,
    const void *rec, const char *seen, struct kz_err *err)
{
	return run_row(db, rt, rec, false, seen, err);
}

int
kz_rtype_row(const struct kz_rtype *rt, sqlite3_stmt *st, int first,
    void *rec)
{
	int c = first, rc = KZ_OK;

	for (size_t i = 0; i < rt->n; i++) {
		const struct kz_rfield *f = &rt->f[i];
		const char *t;
		void *p;
		int v;

		if (!stored(f))
			continue;
		p = kz_rfield_ptr(f, rec);
		t = (const char *)sqlite3_column_text(st, c);
		switch (f->kind) {
		case KZ_RK_INT:
			*(int *)p = sqlite3_column_int(st, c);
			break;
		case KZ_RK_ENUM:
			/* a keyword this build does not know reads as the
			 * first value rather than failing the whole list */
			v = kz_enum_parse(f->values, t);
			*(int *)p = v < 0 ? 0 : v;
			break;
		case KZ_RK_MONEY:
			*(kz_money *)p = sqlite3_column_int64(st, c);
			if (f->flags & KZ_RF_HAS)
				*(bool *)((char *)rec + f->has) =
				    sqlite3_column_type(st, c) != SQLITE_NULL;
			break;
		case KZ_RK_LIST:
			f->load(rec, st, c);
			break;
		default:
			if (owns_string(f->kind))
				rc |= kz_str_set(p, t);
			else
				snprintf(p, f->size, "%s", t ? t : "");
		}
		c++;
	}
	return rc ? KZ_ERROR : KZ_OK;
}

int
kz_rtype_read(struct kz_db *db, const struct kz_rtype *rt, const char *id,
    void *rec, struct kz_err *err)
{
	struct kz_rtype_sql *q = sql_of(rt);
	sqlite3_stmt *st;
	int rc;

	if (q == NULL)
		return kz_err_add(err, "", _("out of memory"));
	if ((st = kz_db_stmt(db, q->select)) == NULL)
		return kz_db_fail(db, err, rt->name);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return kz_db_fail(db, err, rt->name);
		return kz_err_add(err, "id", _("no %s %s"), _(rt->name),
		    id);
	}
	rc = kz_rtype_row(rt, st, 0, rec);
	sqlite3_reset(st);
	if (rc)
		return kz_err_add(err, "", _("out of memory"));
	return kz_rtype_tr_load(db, rt, rec, err);
}
