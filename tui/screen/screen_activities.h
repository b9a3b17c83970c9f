/* screen_activities.h - the activities tab: every kind of record of what an office does (core/activity.h), one kind at a time. */
#ifndef KZ_SCREEN_ACTIVITIES_H
#define KZ_SCREEN_ACTIVITIES_H

#include "draw.h"
#include "rlist.h"

extern const struct frame_screen screen_activities;
/* The list of the kind the tab shows now, or NULL. */
const struct kz_rlist *screen_activities_list(void *tab);

#endif
