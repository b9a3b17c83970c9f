/* request.h - requests from overseas governments for a specialist. */
#ifndef KZ_REQUEST_H
#define KZ_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "lifecycle.h"
#include "rtype.h"

enum kz_request_status {
	KZ_REQ_RECEIVED, KZ_REQ_MATCHING, KZ_REQ_PROPOSED, KZ_REQ_AGREED,
	KZ_REQ_CLOSED, KZ_REQ_DECLINED, KZ_REQ_WITHDRAWN, KZ_REQ_NSTATUS
};

/* On site, or online (lectures over the network). */
enum kz_mode { KZ_ONSITE, KZ_ONLINE };
/* Who interprets: nobody (the specialist works in the language), the
 * host, or the office. */
enum kz_interp { KZ_INTERP_NONE, KZ_INTERP_HOST, KZ_INTERP_OFFICE };

extern const struct kz_lifecycle kz_request_lc;
/* The record's table (the register's way, core/rtype.h) and its
 * enumerations, each once; the status's keywords and labels are the
 * life cycle's too. */
extern const struct kz_rtype kz_request_type;
extern const struct kz_enum kz_request_status_enum, kz_mode_enum,
    kz_interp_enum;

struct kz_request {
	char id[KZ_ID_SIZE];
	char country[3];	/* ISO 3166-1 alpha-2 */
	char *province;		/* province or state */
	char *city;
	char *department;
	char office[8];		/* the office handling it, e.g. BJS */
	char received[11];
	char **fields;		/* field codes, most important first */
	size_t nfields;
	char *topic;		/* "vegetables: damage from continuous cropping" */
	char wish_start[11];	/* wished period; "" when not given */
	char wish_end[11];
	int wish_days;		/* wished length; 0 when not given */
	enum kz_mode mode;
	int wanted;		/* specialists asked for */
	char *language;		/* working language code, or NULL */
	enum kz_interp interpreting;
	enum kz_request_status status;
	char *notes;
	char created[32];
	char updated[32];
	char *created_by;
	char *updated_by;
};

void kz_request_init(struct kz_request *r);
void kz_request_free(struct kz_request *r);
/* "agriculture; 27": codes or numbers from the taxonomy, replacing the
 * list; problems under "fields". cfg NULL: kept as typed (insert and
 * update store them as codes). */
int kz_request_parse_fields(const struct kz_config *cfg, struct kz_request *r,
    const char *text, struct kz_err *err);
/* The fields as "agriculture; education", malloc'd. */
char *kz_request_format_fields(const struct kz_request *r);
/* "河南省 开封市 农业农村局": where the request comes from, without the
 * country (empty parts left out). */
void kz_request_place(const char *province, const char *city,
    const char *department, char *out, size_t size);

int kz_request_validate(struct kz_db *db, const struct kz_request *r,
    struct kz_err *err);
/* Insert with a new id (or the one it has, on import), status as given
 * (received for a new request), stamps, and a first history event. */
int kz_request_insert(struct kz_db *db, struct kz_request *r,
    struct kz_err *err);
/* Replace the record; the status is changed only by kz_request_set_status. */
int kz_request_update(struct kz_db *db, struct kz_request *r,
    struct kz_err *err);
/* Delete a request that has no dispatches. */
int kz_request_delete(struct kz_db *db, const char *id, struct kz_err *err);
/* What kz_request_delete would refuse, without deleting: asked before
 * a person is asked to confirm. */
int kz_request_delete_check(struct kz_db *db, const char *id,
    struct kz_err *err);
int kz_request_get(struct kz_db *db, const char *typed, struct kz_request *out,
    struct kz_err *err);
int kz_request_resolve(struct kz_db *db, const char *typed,
    char id[KZ_ID_SIZE], struct kz_err *err);
/* Move to another status if the table allows it, recording who, when
 * (at, or now when NULL) and why. */
int kz_request_set_status(struct kz_db *db, const char *id,
    enum kz_request_status to, const char *note, const char *at,
    struct kz_err *err);
/* The same with the day it happened, as people type dates (NULL or "":
 * the day of `at` when given, else today where the office is). Refused:
 * a day after today or before the request was received; closing,
 * declining or withdrawing while a dispatch of it is live (not reported
 * nor cancelled: they are named, to be finished or cancelled first).
 * warn (may be NULL) is for warnings; none yet stops nothing. */
int kz_request_set_status_on(struct kz_db *db, const char *id,
    enum kz_request_status to, const char *note, const char *at,
    const char *day, struct kz_err *warn, struct kz_err *err);
/* What kz_request_set_status_on would refuse, checked and nothing
 * written: a screen asks about a final step only once it can be taken. */
int kz_request_check_status(struct kz_db *db, const char *id,
    enum kz_request_status to, const char *note, const char *at,
    const char *day, struct kz_err *err);
/* What a saved request may want a second look at, into warn: a country
 * outside the office's (office.countries; not at head office, which
 * covers them all). */
void kz_request_warn(struct kz_db *db, const struct kz_request *r,
    struct kz_err *warn);
int kz_request_history(struct kz_db *db, const char *id,
    struct kz_events *out, struct kz_err *err);

const char *kz_mode_keyword(enum kz_mode m);
const char *kz_mode_name(enum kz_mode m);	/* translated */
int kz_mode_parse(const char *s);
const char *kz_interp_keyword(enum kz_interp i);
const char *kz_interp_name(enum kz_interp i);	/* translated */
int kz_interp_parse(const char *s);

/* ---- lists ---- */

/* A request as a list shows it; the list itself is kz_rlist_requests
 * (core/rlist.h). */
struct kz_request_row {
	char id[KZ_ID_SIZE];
	char country[3];
	char *place;		/* province city department */
	char *topic;
	char *fields;		/* codes, comma separated */
	char received[11];
	char wish_start[11];
	char wish_end[11];
	int wish_days;
	enum kz_mode mode;
	enum kz_request_status status;
	int wanted;
	int dispatches;		/* not cancelled */
};

#endif
