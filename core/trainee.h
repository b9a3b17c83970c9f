/* trainee.h - overseas officials placed as trainees in Japan. */
#ifndef KZ_TRAINEE_H
#define KZ_TRAINEE_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

/* The officials' training programme (LGOTP, since 1996), a JICA course,
 * or another scheme. */
enum kz_trainee_programme { KZ_TRP_LGOTP, KZ_TRP_JICA, KZ_TRP_OTHER,
	KZ_TRP_COUNT };
enum kz_trainee_status { KZ_TR_PLANNED, KZ_TR_ONGOING, KZ_TR_COMPLETED,
	KZ_TR_WITHDRAWN, KZ_TR_STATUS_COUNT };

struct kz_trainee {
	char id[KZ_ID_SIZE];
	char *name, *name_roman;	/* may be unknown while planned */
	char *home_government;	/* "辽宁省大连市", required */
	char *home_region;	/* province or state: "辽宁省" */
	char home_country[3];	/* ISO code */
	char *post;
	char *host;		/* host local government in Japan, required */
	char *fields;		/* what the placement covers, free text */
	int year;		/* programme (fiscal) year */
	char start[11], end[11];	/* period, "" when not known */
	enum kz_trainee_programme programme;
	char *course;		/* e.g. the JICA course's name */
	enum kz_trainee_status status;
	char *notes;
	struct kz_stamps st;
};

/* The enumerations (keywords as stored, labels as shown) and the table
 * of a placement's fields (core/rtype.h). */
extern const struct kz_enum kz_trainee_programme_enum;
extern const struct kz_enum kz_trainee_status_enum;
extern const struct kz_rtype kz_trainee_type;

void kz_trainee_init(struct kz_trainee *t);
void kz_trainee_free(struct kz_trainee *t);

/* The rules: home government and host, a year, a period in order that
 * starts in the programme year (or the next, as fiscal years do). A
 * trainee without a year takes the year the period starts; without a
 * home country, the office's only country. */
int kz_trainee_validate(struct kz_db *db, const struct kz_trainee *t,
    struct kz_err *err);
int kz_trainee_insert(struct kz_db *db, struct kz_trainee *t,
    struct kz_err *err);
int kz_trainee_update(struct kz_db *db, struct kz_trainee *t,
    struct kz_err *err);
int kz_trainee_delete(struct kz_db *db, const char *typed,
    struct kz_err *err);
int kz_trainee_get(struct kz_db *db, const char *typed, struct kz_trainee *out,
    struct kz_err *err);

struct kz_trainee_query {
	int year;		/* 0: any */
	const char *host;	/* part of the host's name */
	const char *region;	/* part of the home region or government */
	int status;		/* -1: any */
	int programme;		/* -1: any */
	const char *text;	/* anywhere, CJK from one character */
	/* "COLUMN[,-COLUMN]" of `trainee list --sort`; NULL: its order */
	const char *sort;
};

void kz_trainee_query_init(struct kz_trainee_query *q);
/* By year (latest first), then host: the list `trainee list` prints
 * (kz_rlist_trainees). */
int kz_trainee_list(struct kz_db *db, const struct kz_trainee_query *q,
    struct kz_trainee **out, size_t *n, struct kz_err *err);
void kz_trainee_list_free(struct kz_trainee *l, size_t n);

struct kz_rlist_query;

enum kz_trainee_by { KZ_TR_BY_YEAR, KZ_TR_BY_HOST, KZ_TR_BY_REGION,
	KZ_TR_BY_PROGRAMME, KZ_TR_BY_STATUS, KZ_TR_BY_COUNT };
int kz_trainee_by_parse(const char *s);	/* "year", "host", ... or -1 */
/* Placements counted by one key, over those q selects (a query of
 * kz_rlist_trainees: the filters of `trainee list`). Years come in
 * order, the rest largest first. */
int kz_trainee_count(struct kz_db *db, const struct kz_rlist_query *q,
    enum kz_trainee_by by, struct kz_counts *out, struct kz_err *err);

#endif
