/* atlas-timeline-private.h: what the timeline's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-timeline.h"

G_BEGIN_DECLS

#define AXIS_HEIGHT   ATLAS_TIMELINE_AXIS_HEIGHT
#define CURSOR_GRAB   6

struct _AtlasTimeline
{
  GtkWidget          parent_instance;

  AtlasTimelineScene scene;
  AtlasTimelineLanes lane_mode;
  GHashTable        *actor_names;   /* actor id -> name, for lanes by actor */

  AtlasStore        *store;         /* for the events' tooltips */
  gboolean           view_chosen;   /* the days shown were asked for, not the first view */

  /* Dragging */
  enum { DRAG_NONE, DRAG_PAN, DRAG_CURSOR, DRAG_BRUSH } drag;
  double             drag_start_day;
  double             drag_x;
  double             brush_x;
  double             pinch_span;    /* the span when a pinch began */
  double             pointer_x;     /* where the pointer is, or -1 when it is not here */

  /* GtkScrollable: the lanes scroll vertically; there is no horizontal scrolling. */
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
};

/* The scene, measured for the widget's width as it is now. */
static inline AtlasTimelineScene *
scene_of (AtlasTimeline *self)
{
  self->scene.width = gtk_widget_get_width (GTK_WIDGET (self));
  return &self->scene;
}

static inline double
track_width (AtlasTimeline *self)
{
  return atlas_timeline_scene_track_width (scene_of (self));
}

static inline double
day_to_x (AtlasTimeline *self,
          double         day)
{
  return atlas_timeline_scene_day_to_x (scene_of (self), day);
}

static inline double
x_to_day (AtlasTimeline *self,
          double         x)
{
  return atlas_timeline_scene_x_to_day (scene_of (self), x);
}

void _atlas_timeline_set_view        (AtlasTimeline *self,
                                      double         start,
                                      double         span);
void _atlas_timeline_add_controllers (AtlasTimeline *self);

G_END_DECLS
