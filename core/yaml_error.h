/* yaml_error.h - a problem in a YAML file shown as compilers do: file:line:column, the line, a caret. */
#ifndef KZ_YAML_ERROR_H
#define KZ_YAML_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <yaml.h>

#include "err.h"

/* Room kept for the message itself; the rest of kz_err_item.msg holds the
 * offending line and the caret. */
#define KZ_YAML_MSG_ROOM	180

/* A file's text, kept to show the line a problem is on. */
struct kz_yaml_src {
	const char	*name;
	const char	*text;		/* NUL-terminated */
	size_t		 len;
};

/* Add a problem at a 0-based line and column (libyaml's marks; columns
 * count characters): "name:line:column" as where, and as message the
 * text, the line and a caret under the column. */
void kz_yaml_error_add(struct kz_err *err, const struct kz_yaml_src *s,
    size_t line, size_t col, const char *fmt, ...)
	__attribute__((format(__printf__, 5, 6)));
void kz_yaml_error_vadd(struct kz_err *err, const struct kz_yaml_src *s,
    size_t line, size_t col, const char *fmt, va_list ap);

/* Why libyaml's parser stopped, with a hint for the usual slips (a tab,
 * a value starting with %, a quote never closed). */
void kz_yaml_error_syntax(struct kz_err *err, const struct kz_yaml_src *s,
    const yaml_parser_t *p);

/* Where the byte `at` of a scalar's value v is in the file: exact when
 * the value sits on one line as written (no escapes), else its start. */
yaml_mark_t kz_yaml_error_mark(const yaml_node_t *n, const char *v, size_t at);

/* A value quoted inside a message: cut short, no control characters. */
const char *kz_yaml_error_shown(const char *v, char out[64]);

#endif
