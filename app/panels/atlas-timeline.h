/* atlas-timeline.h: a time axis with the events in lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-timeline-painter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE (atlas_timeline_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTimeline, atlas_timeline, ATLAS, TIMELINE, GtkWidget)

GtkWidget          *atlas_timeline_new           (void);
void                atlas_timeline_set_events    (AtlasTimeline      *self,
                                                  GArray             *events,
                                                  GHashTable         *actor_names);
void                atlas_timeline_set_lane_mode (AtlasTimeline      *self,
                                                  AtlasTimelineLanes  mode);
AtlasTimelineLanes  atlas_timeline_get_lane_mode (AtlasTimeline      *self);
guint               atlas_timeline_get_n_lanes   (AtlasTimeline      *self);
void                atlas_timeline_set_selected  (AtlasTimeline      *self,
                                                  gint64              event_id);
void                atlas_timeline_set_marked    (AtlasTimeline      *self,
                                                  GHashTable         *event_ids);
void                atlas_timeline_set_cursor    (AtlasTimeline      *self,
                                                  int                 day);
int                 atlas_timeline_get_cursor    (AtlasTimeline      *self);
void                atlas_timeline_set_range     (AtlasTimeline      *self,
                                                  int                 first,
                                                  int                 last);
void                atlas_timeline_get_visible   (AtlasTimeline      *self,
                                                  double             *start,
                                                  double             *span);
void                atlas_timeline_set_visible   (AtlasTimeline      *self,
                                                  double              start,
                                                  double              span);
void                atlas_timeline_show_all      (AtlasTimeline      *self);
void                atlas_timeline_get_bounds    (AtlasTimeline      *self,
                                                  double             *first,
                                                  double             *last);
void                atlas_timeline_set_store     (AtlasTimeline      *self,
                                                  AtlasStore         *store);
char               *atlas_timeline_tooltip_at    (AtlasTimeline      *self,
                                                  double              x,
                                                  double              y);
void                atlas_timeline_zoom          (AtlasTimeline      *self,
                                                  double              factor,
                                                  double              day);
gint64              atlas_timeline_event_at      (AtlasTimeline      *self,
                                                  double              x,
                                                  double              y);
double              atlas_timeline_day_to_x      (AtlasTimeline      *self,
                                                  double              day);
double              atlas_timeline_lane_y        (AtlasTimeline      *self,
                                                  guint               lane);
const AtlasTimelineScene *atlas_timeline_get_scene (AtlasTimeline *self);

G_END_DECLS
