/* screen_frame.h - the full-screen ncurses interface. */
#ifndef KZ_SCREEN_FRAME_H
#define KZ_SCREEN_FRAME_H

#include "db.h"

/* Run the screens until the user quits; returns the exit status. */
int frame_run(struct kz_db *db, const struct kz_config *cfg);

#endif
