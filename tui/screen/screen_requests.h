/* screen_requests.h - the request tab: list, record, status, candidates. */
#ifndef KZ_SCREEN_REQUESTS_H
#define KZ_SCREEN_REQUESTS_H

#include "draw.h"

extern const struct frame_screen screen_requests;

#endif
