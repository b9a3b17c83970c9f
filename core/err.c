/* err.c - collecting problems for the caller to show. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

void
kz_err_clear(struct kz_err *e)
{
	if (e) {
		e->n = 0;
		e->dropped = 0;
		e->stale = 0;
	}
}

int
kz_err_add(struct kz_err *e, const char *where, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return KZ_ERROR;
	if (e->n >= KZ_ERR_MAX) {
		e->dropped++;
		return KZ_ERROR;
	}
	struct kz_err_item *it = &e->item[e->n++];
	snprintf(it->where, sizeof it->where, "%s", where ? where : "");
	va_start(ap, fmt);
	vsnprintf(it->msg, sizeof it->msg, fmt, ap);
	va_end(ap);
	return KZ_ERROR;
}

const char *
kz_err_first(const struct kz_err *e, char *buf, size_t size)
{
	if (e == NULL || e->n == 0)
		snprintf(buf, size, "%s", _("unknown error"));
	else if (e->item[0].where[0])
		snprintf(buf, size, "%s: %s", e->item[0].where, e->item[0].msg);
	else
		snprintf(buf, size, "%s", e->item[0].msg);
	return buf;
}

const char *
kz_err_for(const struct kz_err *e, const char *where)
{
	for (int i = 0; e && i < e->n; i++)
		if (strcmp(e->item[i].where, where) == 0)
			return e->item[i].msg;
	return NULL;
}

void
kz_err_merge(struct kz_err *e, const struct kz_err *more)
{
	int n = e->n;

	for (int i = 0; i < more->n; i++) {
		int j = 0;

		while (j < n && strcmp(e->item[j].where, more->item[i].where) != 0)
			j++;
		if (j == n)
			kz_err_add(e, more->item[i].where, "%s", more->item[i].msg);
	}
}
