/* screen_timeline.h - the timeline tab: dispatches as bars across the months. */
#ifndef KZ_SCREEN_TIMELINE_H
#define KZ_SCREEN_TIMELINE_H

#include "draw.h"

extern const struct frame_screen screen_timeline;

#endif
