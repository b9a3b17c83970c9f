/* programme.h - an edition's programme: items on days, in several cities. */
#ifndef KZ_PROGRAMME_H
#define KZ_PROGRAMME_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"
#include "id.h"
#include "record.h"
#include "rtype.h"

enum kz_kind { KZ_KIND_ARRIVAL, KZ_KIND_LECTURE, KZ_KIND_BRIEFING,
	KZ_KIND_VISIT, KZ_KIND_COURTESY_CALL, KZ_KIND_OPINION_EXCHANGE,
	KZ_KIND_SESSION, KZ_KIND_RECEPTION, KZ_KIND_TRAVEL, KZ_KIND_DEPARTURE,
	KZ_KIND_COUNT };

/* One item. Times are wall-clock times at the venue, in tz. */
struct kz_item {
	char id[KZ_ID_SIZE];
	char seminar[KZ_ID_SIZE];
	char date[11];
	char start[6], end[6];	/* "HH:MM", "" when none: an all-day item */
	char tz[64];		/* IANA zone; "" on insert: from the city */
	char *city, *venue;
	enum kz_kind kind;
	char *title, *notes;
	int sequence;		/* changes so far, for iCalendar */
	struct kz_stamps st;
	struct kz_trs tr;	/* the title in other languages */
};

/* The item's table of fields (core/rtype.h). */
extern const struct kz_rtype kz_programme_item_type;

/* The kinds, once: keywords as stored, labels as shown. */
extern const struct kz_enum kz_item_kind_enum;
/* Thin wrappers over it: the stored keyword ("courtesy-call") and the
 * display name ("courtesy call", N_() marked) of a kind; parse takes the
 * English keyword in any case, with - _ or space, or the name in any
 * language kizuna speaks (讲座): a command or a file means the same in
 * every office's language. */
const char *kz_kind_name(enum kz_kind k);
const char *kz_kind_label(enum kz_kind k);
int kz_kind_parse(const char *s);

void kz_programme_item_init(struct kz_item *it);
void kz_programme_item_free(struct kz_item *it);
int kz_programme_item_copy(struct kz_item *dst, const struct kz_item *src);

/* The zone of a venue when none is given: known cities (Tokyo, 下関,
 * 福州, ...), else the host country when it has one zone (JP, CN, SG,
 * ...), else the office's zone. */
const char *kz_zone_default(const struct kz_config *cfg, const char *city,
    const char *country);

/* Accept a clash with another item (it is reported in warn instead). */
#define KZ_ITEM_FORCE 0x1

/*
 * The rules: an edition that exists, a date inside the edition's dates,
 * an end not before the start, a zone the system knows and a start that
 * exists in it, a kind, a title. An item whose time overlaps another
 * item's at a different place (city or venue) is a clash, reported under
 * "clash" naming the other item: refused, or with KZ_ITEM_FORCE only
 * warned. warn may be NULL.
 */
int kz_programme_item_validate(struct kz_db *db, const struct kz_item *it,
    unsigned flags, struct kz_err *err, struct kz_err *warn);
int kz_programme_item_insert(struct kz_db *db, struct kz_item *it, unsigned flags,
    struct kz_err *err, struct kz_err *warn);
int kz_programme_item_update(struct kz_db *db, struct kz_item *it, unsigned flags,
    struct kz_err *err, struct kz_err *warn);
int kz_programme_item_delete(struct kz_db *db, const char *typed, struct kz_err *err);
int kz_programme_item_get(struct kz_db *db, const char *typed, struct kz_item *out,
    struct kz_err *err);

/* The items of an edition (its id), by day, all-day items first, then by
 * start time. */
int kz_programme_item_list(struct kz_db *db, const char *seminar, struct kz_item **out,
    size_t *n, struct kz_err *err);
void kz_programme_item_list_free(struct kz_item *l, size_t n);

/* ---- the programme in other forms (programme_export.c) ---- */

/* A day as a programme heads it: the date in the office's format and
 * the weekday in its language, "2019年08月21日 星期三". */
void kz_programme_day(const struct kz_config *cfg, const char *date,
    char *out, size_t size);

/* CSV with a header row, the columns that import reads. */
int kz_programme_csv(struct kz_db *db, const char *seminar,
    struct kz_buf *out, struct kz_err *err);
/* iCalendar: one event per item, timed ones in their zone, all-day ones
 * as dates; UIDs from the item ids. */
int kz_programme_ics(struct kz_db *db, const char *seminar,
    struct kz_buf *out, struct kz_err *err);
/* The programme a participant carries: a title block, then day by day
 * with a time column, aligned in display width for width columns, in
 * the office's language and date format. */
int kz_programme_text(struct kz_db *db, const char *seminar, int width,
    struct kz_buf *out, struct kz_err *err);

#endif
