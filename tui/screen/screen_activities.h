/* screen_activities.h - the activities tab: every kind of record of what an office does (core/activity.h), one kind at a time. */
#ifndef KZ_SCREEN_ACTIVITIES_H
#define KZ_SCREEN_ACTIVITIES_H

#include "draw.h"

extern const struct frame_screen screen_activities;

#endif
