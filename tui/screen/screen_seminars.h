/* screen_seminars.h - the seminars tab: editions, programme, participants. */
#ifndef KZ_SCREEN_SEMINARS_H
#define KZ_SCREEN_SEMINARS_H

#include "draw.h"

extern const struct frame_screen screen_seminars;

#endif
