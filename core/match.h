/* match.h - candidates for a request, ranked, with the reason for every point. */
#ifndef KZ_MATCH_H
#define KZ_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include "db.h"
#include "id.h"
#include "specialist.h"

/* One part of a score: the points and why, in words. */
struct kz_match_reason {
	int points;
	char *text;
};

struct kz_match_cand {
	char id[KZ_ID_SIZE];
	char *name;
	char *name_roman;
	char *government;
	enum kz_status status;
	int score;		/* the sum of the reasons' points */
	struct kz_match_reason *why;
	size_t nwhy;
	char *cannot;		/* why they cannot go, or NULL */
};

/*
 * Candidates are the specialists registered in at least one field of the
 * request. Those who can go come first, by score (highest first), then
 * romanised name and id, so the order is the same on every run; those
 * who cannot (another dispatch or a declared unavailability over the
 * wished period, or no working language when nobody interprets) follow
 * in nfit.. with the reason.
 */
struct kz_match {
	char request[KZ_ID_SIZE];
	struct kz_match_cand *c;
	size_t n;
	size_t nfit;
	bool period_checked;	/* the request has wished dates */
	char from[11], to[11];
};

/* The points each reason is worth; the man page lists the same. */
enum {
	KZ_PTS_FIELD_FIRST = 30,	/* the request's first field */
	KZ_PTS_FIELD_OTHER = 15,	/* each further field */
	KZ_PTS_YEARS_MAX = 10,		/* a point per two years, this at most */
	KZ_PTS_WORD = 6,		/* a word of the topic in the sub-speciality */
	KZ_PTS_WORDS_MAX = 24,
	KZ_PTS_LANG_FLUENT = 20,	/* fluent or native */
	KZ_PTS_LANG_BUSINESS = 15,
	KZ_PTS_LANG_CONVERSATIONAL = 8,
	KZ_PTS_LANG_BASIC = 3,
	KZ_PTS_FREE = 10,		/* free over the wished period */
	KZ_PTS_HOST_BEFORE = 8,		/* each earlier dispatch to the host */
	KZ_PTS_HOST_MAX = 16,
	KZ_PTS_RETIRED = 5,		/* no home post to be released from */
};

int kz_match_request(struct kz_db *db, const char *request,
    struct kz_match *out, struct kz_err *err);
void kz_match_free(struct kz_match *m);

/* How many words of the topic (Latin words of three letters or more,
 * CJK bigrams) the text shares; exposed for the tests. */
int kz_match_shared_words(const char *topic, const char *text, char *shared,
    size_t size);

#endif
