/* atlas-timeline-painter.h: the events on a time axis, in lanes, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "atlas-query.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TIMELINE_AXIS_HEIGHT 30
#define ATLAS_TIMELINE_LANE_HEIGHT 18
#define ATLAS_TIMELINE_GUTTER      120   /* the lane titles, at the least */

typedef enum
{
  ATLAS_TIMELINE_LANES_BY_KIND,
  ATLAS_TIMELINE_LANES_BY_ACTOR,
} AtlasTimelineLanes;

/* What the timeline shows and where: the same for the widget and for an export. */
typedef struct
{
  GArray    *events;       /* AtlasTimelineEvent, by first day */
  GPtrArray *lanes;        /* lane titles */
  GArray    *event_lanes;  /* the lane (int) of each event */
  double     start;        /* the first day in sight */
  double     span;         /* days in sight */
  double     width;        /* of the whole strip, lane titles included */
  double     gutter;       /* the lane titles' width, left of the days */
  double     lane_scroll;  /* pixels the lanes are scrolled up under the axis */
  int        cursor;       /* the "as of" day; 0 for today */
  int        range_first;  /* the filter's range, shaded; 0 for none */
  int        range_last;
  gint64     selected;
  GArray    *marked;       /* whether each event (guint8) is the selected item's, or NULL */
} AtlasTimelineScene;

void     atlas_timeline_scene_init        (AtlasTimelineScene  *scene);
void     atlas_timeline_scene_clear       (AtlasTimelineScene  *scene);
void     atlas_timeline_scene_set_events  (AtlasTimelineScene  *scene,
                                           GArray              *events,
                                           AtlasTimelineLanes   mode,
                                           GHashTable          *actor_names);
gboolean atlas_timeline_scene_load        (AtlasTimelineScene  *scene,
                                           AtlasSession        *session,
                                           AtlasTimelineLanes   mode,
                                           GError             **error);
void     atlas_timeline_scene_set_marked  (AtlasTimelineScene  *scene,
                                           GHashTable          *event_ids);
void     atlas_timeline_scene_bounds      (const AtlasTimelineScene *scene,
                                           double              *first,
                                           double              *last);
void     atlas_timeline_scene_clamp       (AtlasTimelineScene  *scene);
void     atlas_timeline_scene_show_all    (AtlasTimelineScene  *scene);
void     atlas_timeline_scene_show_recent (AtlasTimelineScene  *scene);
void     atlas_timeline_scene_fit_gutter  (AtlasTimelineScene  *scene,
                                           PangoLayout         *layout);
double   atlas_timeline_scene_height      (const AtlasTimelineScene *scene);
double   atlas_timeline_scene_lanes_height (const AtlasTimelineScene *scene);
double   atlas_timeline_scene_lane_top    (const AtlasTimelineScene *scene,
                                           guint                lane);
int      atlas_timeline_scene_cursor_day  (const AtlasTimelineScene *scene);
double   atlas_timeline_scene_track_width (const AtlasTimelineScene *scene);
double   atlas_timeline_scene_day_to_x    (const AtlasTimelineScene *scene,
                                           double               day);
double   atlas_timeline_scene_x_to_day    (const AtlasTimelineScene *scene,
                                           double               x);
gint64   atlas_timeline_scene_event_at    (const AtlasTimelineScene *scene,
                                           double               x,
                                           double               y);

GHashTable *atlas_timeline_actor_names    (AtlasStore          *store);
gboolean    atlas_timeline_selection_events (AtlasSession      *session,
                                           GHashTable         **event_ids,
                                           GError             **error);

const char *atlas_timeline_lanes_to_name  (AtlasTimelineLanes   mode);
gboolean    atlas_timeline_lanes_from_name (const char         *name,
                                            AtlasTimelineLanes *mode);

void     atlas_timeline_painter_paint     (cairo_t             *cr,
                                           PangoLayout         *layout,
                                           const AtlasTimelineScene *scene,
                                           double               height,
                                           const double        *fg);

G_END_DECLS
