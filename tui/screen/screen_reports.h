/* screen_reports.h - the Reports tab: the office's figures as bar charts. */
#ifndef KZ_SCREEN_REPORTS_H
#define KZ_SCREEN_REPORTS_H

#include "draw.h"

extern const struct frame_screen screen_reports;

#endif
