/* screen_sync.h - the sync tab: this database's exchange with head office, and its conflicts. */
#ifndef KZ_SCREEN_SYNC_H
#define KZ_SCREEN_SYNC_H

#include "draw.h"

extern const struct frame_screen screen_sync;

#endif
