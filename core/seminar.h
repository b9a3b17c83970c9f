/* seminar.h - seminar series and their editions, with attendance. */
#ifndef KZ_SEMINAR_H
#define KZ_SEMINAR_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

/* A recurring seminar of an office, e.g. the Beijing office's
 * China-Japan local exchange promotion seminar. */
struct kz_series {
	char id[KZ_ID_SIZE];
	char *code;		/* short handle: "cj-seminar"; names editions
				 * as "cj-seminar/18" */
	char *name;
	char *office;		/* organising office id, e.g. "BJS" */
	char *notes;
	struct kz_stamps st;
	struct kz_trs tr;	/* the name in other languages */
	long editions;		/* filled by lists, not stored */
};

enum kz_seminar_status { KZ_SEM_PLANNED, KZ_SEM_CONFIRMED, KZ_SEM_HELD,
	KZ_SEM_CANCELLED, KZ_SEM_STATUS_COUNT };

/* Attendance by side or country: "Japanese 61". */
struct kz_seminar_part {
	char *label;
	long count;
};

struct kz_seminar {
	char id[KZ_ID_SIZE];
	char series[KZ_ID_SIZE];
	int number;		/* edition number, 0 when it has none */
	int year;
	char *title, *theme;
	char start[11], end[11];	/* "" when not known */
	char *city, *region;
	char country[3];	/* host country, ISO code, "" if not known */
	char *organiser, *co_organisers, *supporters;
	enum kz_seminar_status status;
	long attendance;	/* total, -1 when not known */
	struct kz_seminar_part *parts;
	size_t nparts;
	char *notes;
	struct kz_stamps st;
	struct kz_trs tr;	/* title and theme in other languages */
	/* filled by get and list, not stored */
	char series_code[64];
	long items, participants;
};

/* The statuses, once: keywords as stored, labels as shown. */
extern const struct kz_enum kz_seminar_status_enum;
/* Its labels, for a form's choices made at compile time. */
extern const char *const kz_seminar_status_labels[];
/* A thin wrapper over it: the keyword. */
const char *kz_seminar_status_name(enum kz_seminar_status s);

/* ---- series ---- */

/* The table of a series' fields (core/seminar.c). */
extern const struct kz_rtype kz_series_type;

void kz_series_free(struct kz_series *s);
int kz_series_validate(struct kz_db *db, const struct kz_series *s,
    struct kz_err *err);
int kz_series_insert(struct kz_db *db, struct kz_series *s,
    struct kz_err *err);
int kz_series_update(struct kz_db *db, struct kz_series *s,
    struct kz_err *err);
/* Refused while the series has editions. */
int kz_series_delete(struct kz_db *db, const char *typed, struct kz_err *err);
/* What kz_series_delete would refuse (editions), without deleting. */
int kz_series_delete_check(struct kz_db *db, const char *typed,
    struct kz_err *err);
/* By code or id. */
int kz_series_get(struct kz_db *db, const char *typed, struct kz_series *out,
    struct kz_err *err);
/* Every series, by code, with the number of editions. */
int kz_series_list(struct kz_db *db, struct kz_series **out, size_t *n,
    struct kz_err *err);
void kz_series_list_free(struct kz_series *l, size_t n);

/* ---- editions ---- */

/* The table of an edition's fields (core/seminar.c): its series (typed
 * as a code or an id, resolved when written), the stored fields, the
 * attendance (a total in the row, parts in child rows), and what core
 * makes: its name "cj-seminar/18", its numbers of items and
 * participants. */
extern const struct kz_rtype kz_seminar_type;

void kz_seminar_init(struct kz_seminar *s);
void kz_seminar_free(struct kz_seminar *s);
int kz_seminar_add_part(struct kz_seminar *s, const char *label, long count);

/* Attendance as one line: "178: Japanese 61, Chinese 117", "9", or ""
 * when not known. Parsing replaces total and parts; problems go under
 * "attendance". */
int kz_seminar_parse_attendance(struct kz_seminar *s, const char *text,
    struct kz_err *err);
char *kz_seminar_format_attendance(const struct kz_seminar *s);

/* The series as typed into the table's "series" field (a code or an
 * id) made its id, its code kept to show; insert and update do this
 * first. KZ_ERROR with "no seminar series ..." under "series". */
int kz_seminar_resolve_series(struct kz_db *db, struct kz_seminar *s,
    struct kz_err *err);
/* The rules: a series that exists, a number not used twice in it, a
 * year, dates in order and in that year, parts of the attendance not
 * more than the total, and (for an edition already stored) no
 * programme item left outside new dates. */
int kz_seminar_validate(struct kz_db *db, const struct kz_seminar *s,
    struct kz_err *err);
int kz_seminar_insert(struct kz_db *db, struct kz_seminar *s,
    struct kz_err *err);
int kz_seminar_update(struct kz_db *db, struct kz_seminar *s,
    struct kz_err *err);
/* Deletes its programme and participants with it. */
int kz_seminar_delete(struct kz_db *db, const char *typed,
    struct kz_err *err);

/* What a person types for an edition: its id (or a unique start of it),
 * or SERIES/NUMBER, or SERIES/YEAR when the series held one that year
 * ("cj-seminar/18", "sin-seminar/2019"). */
int kz_seminar_resolve(struct kz_db *db, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);
int kz_seminar_get(struct kz_db *db, const char *typed, struct kz_seminar *out,
    struct kz_err *err);

struct kz_seminar_query {
	const char *series;	/* code or id, NULL: all */
	int year;		/* 0: any */
	int status;		/* -1: any */
	const char *text;	/* in title, theme, place, organisers */
};

/* What an edition's row does not hold, read after it: the series'
 * code, the numbers of programme items and participants, the parts of
 * the attendance. rec is a struct kz_seminar (a list's fill). */
int kz_seminar_fill(struct kz_db *db, void *rec, struct kz_err *err);

/* Editions by series, then number and year (oldest first): the list
 * `seminar list` prints (kz_rlist_seminars). */
int kz_seminar_list(struct kz_db *db, const struct kz_seminar_query *q,
    struct kz_seminar **out, size_t *n, struct kz_err *err);
void kz_seminar_list_free(struct kz_seminar *l, size_t n);

/* "福州市 (福建省)", "Tokyo", or "" into out. */
void kz_seminar_place(const struct kz_seminar *s, char *out, size_t size);
/* A short name for messages: "cj-seminar/18" or "sin-seminar/2019". */
void kz_seminar_label(const struct kz_seminar *s, char *out, size_t size);

#endif
