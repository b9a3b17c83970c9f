/* participant.h - the people at a seminar edition, and counts of them. */
#ifndef KZ_PARTICIPANT_H
#define KZ_PARTICIPANT_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

enum kz_participant_role { KZ_PART_PARTICIPANT, KZ_PART_SPEAKER, KZ_PART_INTERPRETER,
	KZ_PART_STAFF, KZ_PART_ROLE_COUNT };

struct kz_participant {
	char id[KZ_ID_SIZE];
	char seminar[KZ_ID_SIZE];
	char *name;		/* as the person writes it, required */
	char *name_roman;
	char country[3];	/* ISO 3166-1 alpha-2, required */
	char *organisation, *post;
	enum kz_participant_role role;
	char specialist[KZ_ID_SIZE];	/* one of the register: the role
					 * books them (booking.h) */
	char *email, *phone;	/* contact details: personal data */
	char *needs;		/* dietary or access needs */
	char *notes;
	struct kz_stamps st;
};

/* The roles, once: keywords as stored, labels as shown. */
extern const struct kz_enum kz_participant_role_enum;
/* The table of a participant's fields (core/participant.c). */
extern const struct kz_rtype kz_participant_type;

/* Thin wrappers over the enumeration: the keyword, and a keyword or a
 * label parsed (-1 if unknown). */
const char *kz_participant_role_name(enum kz_participant_role r);
int kz_participant_role_parse(const char *s);

void kz_participant_init(struct kz_participant *p);
void kz_participant_free(struct kz_participant *p);

int kz_participant_validate(struct kz_db *db, const struct kz_participant *p,
    struct kz_err *err);
int kz_participant_insert(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err);
int kz_participant_update(struct kz_db *db, struct kz_participant *p,
    struct kz_err *err);
int kz_participant_delete(struct kz_db *db, const char *typed,
    struct kz_err *err);
int kz_participant_get(struct kz_db *db, const char *typed,
    struct kz_participant *out, struct kz_err *err);

/* The participants of an edition (its id), by role then country and
 * name; country and role filter when set (role -1: any). */
int kz_participant_list(struct kz_db *db, const char *seminar,
    const char *country, int role, struct kz_participant **out, size_t *n,
    struct kz_err *err);
void kz_participant_list_free(struct kz_participant *l, size_t n);

/* Counts of an edition's participants by country code or by role name,
 * largest first. */
int kz_participant_count_country(struct kz_db *db, const char *seminar,
    struct kz_counts *out, struct kz_err *err);
int kz_participant_count_role(struct kz_db *db, const char *seminar,
    struct kz_counts *out, struct kz_err *err);

/* The same person at the same edition: same name and country. */
bool kz_participant_find(struct kz_db *db, const struct kz_participant *p,
    char id[KZ_ID_SIZE]);

#endif
