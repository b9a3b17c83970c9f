/* screen_specialists.h - the specialist register tab: list, detail, search, form. */
#ifndef KZ_SCREEN_SPECIALISTS_H
#define KZ_SCREEN_SPECIALISTS_H

#include "draw.h"

extern const struct frame_screen screen_specialists;

#endif
