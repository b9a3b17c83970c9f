/* ui.h - the full-screen ncurses interface. */
#ifndef KZ_UI_H
#define KZ_UI_H

#include "db.h"

/* Run the screens until the user quits; returns the exit status. */
int ui_run(struct kz_db *db, const struct kz_config *cfg);

#endif
