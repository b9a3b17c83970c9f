/* act_records.h - the seven records of what an office does: their structs, enumerations and tables. */
#ifndef KZ_ACT_RECORDS_H
#define KZ_ACT_RECORDS_H

/*
 * Each is handled through core/activity.h (struct kz_akind); these are
 * the structs behind it, for core, the report and the tests. Dates are
 * "YYYY-MM-DD" or "" for none.
 */

#include <stddef.h>

#include "activity.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

/* Support given to a Japanese local government's activity in the region
 * (core/act_support.c). */
enum kz_support_kind { KZ_SUP_VISIT, KZ_SUP_EVENT, KZ_SUP_LIAISON,
	KZ_SUP_INTERPRETING, KZ_SUP_VENUE, KZ_SUP_BRIEFING, KZ_SUP_OTHER };
struct kz_support {
	char id[KZ_ID_SIZE];
	char start[11], end[11];
	char *government;	/* the Japanese government supported */
	int kind;		/* enum kz_support_kind */
	char *place;		/* city, venue */
	char *partner;		/* the overseas partner */
	char *what;		/* what was done */
	char *notes;
	struct kz_stamps st;
};

/* Research a Japanese government commissioned (core/act_support.c). */
enum kz_research_status { KZ_RES_REQUESTED, KZ_RES_IN_PROGRESS,
	KZ_RES_DELIVERED, KZ_RES_CANCELLED };
struct kz_research {
	char id[KZ_ID_SIZE];
	char *government;	/* commissioning */
	char *topic;
	char requested[11], due[11];
	int status;		/* enum kz_research_status */
	char delivered[11];	/* needed once delivered */
	char *notes;
	struct kz_stamps st;
};

/* A promotion event: a tourism fair, a cooking event (core/act_support.c). */
enum kz_promotion_kind { KZ_PRO_FAIR, KZ_PRO_COOKING, KZ_PRO_OTHER };
struct kz_promotion {
	char id[KZ_ID_SIZE];
	int kind;		/* enum kz_promotion_kind */
	char *name;
	char start[11], end[11];
	char *venue, *city;
	char *governments;	/* partner Japanese governments, "A; B" */
	char *shown;		/* what was shown or cooked */
	int attendance;		/* 0: unknown (stored NULL) */
	char *notes;
	struct kz_stamps st;
};

/* JET participants of one year, kind and placement (core/act_network.c). */
enum kz_jet_kind { KZ_JET_ALT, KZ_JET_CIR, KZ_JET_SEA };
enum kz_jet_level { KZ_JET_PREFECTURE, KZ_JET_DESIGNATED_CITY,
	KZ_JET_MUNICIPALITY };
struct kz_jet {
	char id[KZ_ID_SIZE];
	int year;		/* fiscal year */
	int kind;		/* enum kz_jet_kind */
	int level;		/* enum kz_jet_level */
	char *placement;	/* the Japanese government, 福井県 */
	int participants;	/* current that year there */
	int joined;		/* of them, new that year */
	char *notes;
	struct kz_stamps st;
};

/* A friendship-city link (core/act_network.c). */
struct kz_friendship {
	char id[KZ_ID_SIZE];
	char *japanese;		/* the Japanese government */
	char *partner;		/* the overseas government */
	char country[3];	/* the partner's; default the office's only */
	char *region;		/* the partner's province or state */
	char signed_on[11];
	char *notes;
	struct kz_stamps st;
};

/* A Japanese government's representative office in the region
 * (core/act_network.c). */
struct kz_rep_office {
	char id[KZ_ID_SIZE];
	char *government;
	char *city;
	char country[3];
	char *name;
	char opened[11], closed[11];
	char *notes;
	struct kz_stamps st;
};

/* A delegation received or a visit made (core/act_delegation.c); its
 * specialists are booked for its days unless it is cancelled. */
enum kz_delegation_direction { KZ_DEL_RECEIVED, KZ_DEL_MADE };
enum kz_delegation_status { KZ_DEL_PLANNED, KZ_DEL_HELD, KZ_DEL_CANCELLED };
struct kz_delegation {
	char id[KZ_ID_SIZE];
	int direction;		/* enum kz_delegation_direction */
	char *who;
	char start[11], end[11];
	char *place;
	char *government;	/* the Japanese government concerned */
	char *purpose;
	int status;		/* enum kz_delegation_status */
	char **specialists;	/* register ids (as typed until written) */
	size_t nspecialists;
	char *notes;
	struct kz_stamps st;
};

extern const struct kz_enum kz_support_kind_enum, kz_research_status_enum,
    kz_promotion_kind_enum, kz_jet_kind_enum, kz_jet_level_enum,
    kz_delegation_direction_enum, kz_delegation_status_enum;
extern const struct kz_rtype kz_support_type, kz_research_type,
    kz_promotion_type, kz_jet_type, kz_friendship_type, kz_rep_office_type,
    kz_delegation_type;
extern const struct kz_akind kz_akind_support, kz_akind_research,
    kz_akind_promotion, kz_akind_jet, kz_akind_friendship,
    kz_akind_rep_office, kz_akind_delegation;

/* Shared by the kinds' prepare: an empty country becomes the office's
 * only one. */
void kz_act_default_country(struct kz_db *db, char country[3]);

#endif
