/* demo_case.h - what each overseas office's demo casework is made from: its places, topics and open work. */
#ifndef KZ_DEMO_CASE_H
#define KZ_DEMO_CASE_H

#include <stddef.h>

/* A host as the office's staff type it: country, province or state,
 * city (NULL: none), and the language the host works in. */
struct kz_demo_host {
	const char *country, *province, *city, *lang;
};

/* A field of the taxonomy, a request's topic in the office's words, the
 * host department that asks, and how often it comes up (weight). */
struct kz_demo_topic {
	const char *field, *topic, *dept;
	int weight;
};

/* Open work around the demo's today: a request, and a dispatch walked
 * up to upto (-1: no dispatch yet; status KZ_REQ_MATCHING puts the
 * request in matching). */
struct kz_demo_open {
	const char *country, *province, *city, *lang, *dept, *field, *topic;
	const char *received, *start, *end;
	int upto;
	int status;
};

/*
 * One office's casework: made dispatches spread over the years first to
 * last (at most five a year), each a topic and a host drawn from the
 * office's own sequence (seed), so every load gives the same. Agreements
 * are numbered OFFICE-YEAR-NN from ref_from (past the public cases'
 * numbers). In known_year the first dispatch is the first topic at the
 * first host, by the person the office's public case names (0: none).
 */
struct kz_demo_office {
	const char *id;
	unsigned long seed;
	int first, last, made, ref_from, known_year;
	const struct kz_demo_host *hosts;
	size_t nhosts;
	const struct kz_demo_topic *topics;
	size_t ntopics;
	const struct kz_demo_open *open;
	size_t nopen;
};

/* The overseas offices' tables (core/demo_offices.c), Beijing's first. */
extern const struct kz_demo_office kz_demo_offices[];
extern const size_t kz_demo_noffices;

#endif
