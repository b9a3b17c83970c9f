/* screen_trainees.h - the trainees tab: placements of officials in Japan. */
#ifndef KZ_SCREEN_TRAINEES_H
#define KZ_SCREEN_TRAINEES_H

#include "draw.h"

extern const struct frame_screen screen_trainees;

#endif
