/* atlas-timeline-view.c: which days a timeline shows, within its events' range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline is panned and zoomed within its events' range and a margin either side (and
 * today's, so that the "as of" cursor can always be reached), never into empty centuries.
 * Shown whole, a century of sources squeezes their last few years into a sliver, so a
 * timeline starts on the most recent years that hold most of its events; an overview of
 * the whole range reaches the rest. Here too is where days and lanes are on the strip.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <pango/pango.h>

#include "atlas-date.h"
#include "atlas-timeline-painter.h"

#define AXIS_HEIGHT    ATLAS_TIMELINE_AXIS_HEIGHT
#define LANE_HEIGHT    ATLAS_TIMELINE_LANE_HEIGHT
#define MAX_GUTTER     320

#define MIN_MARGIN     90.0            /* days either side of the events */
#define MAX_MARGIN     365.25          /* a year of nothing is enough to see the end */
#define MARGIN_SHARE   0.02            /* of the events' range, between those */
#define MIN_SPAN       7.0             /* a week */
#define RECENT_SHARE   0.8             /* of the events, that the first view shows */
#define RECENT_MIN     (365.25 * 2)    /* days that the first view shows at least */

/**
 * atlas_timeline_scene_bounds:
 * @first: (out): the first day a view may show
 * @last: (out): the day after the last a view may show
 *
 * The events' first and last days (and today) with a margin either side; with no events,
 * the last ten years.
 */
void
atlas_timeline_scene_bounds (const AtlasTimelineScene *scene,
                             double                   *first,
                             double                   *last)
{
  double today = atlas_date_today_number (), low, high, margin;

  if (scene->events->len == 0)
    {
      *first = today - 365.25 * 10;
      *last = today + 365.25;
      return;
    }

  low = MIN (g_array_index (scene->events, AtlasTimelineEvent, 0).first_day, today);
  high = today + 1;
  for (guint i = 0; i < scene->events->len; i++)
    high = MAX (high, g_array_index (scene->events, AtlasTimelineEvent, i).last_day + 1);
  margin = CLAMP ((high - low) * MARGIN_SHARE, MIN_MARGIN, MAX_MARGIN);
  *first = low - margin;
  *last = high + margin;
}

/* Keeps the view within the bounds: no longer than they are, nor shorter than a week. */
void
atlas_timeline_scene_clamp (AtlasTimelineScene *scene)
{
  double first, last;

  atlas_timeline_scene_bounds (scene, &first, &last);
  scene->span = CLAMP (scene->span, MIN_SPAN, last - first);
  scene->start = CLAMP (scene->start, first, last - scene->span);
}

/* Shows every event, and today, with a margin either side. */
void
atlas_timeline_scene_show_all (AtlasTimelineScene *scene)
{
  double first, last;

  atlas_timeline_scene_bounds (scene, &first, &last);
  scene->start = first;
  scene->span = last - first;
}

/* Shows the most recent years that hold most of the events, up to the end of the range:
 * the dense months of the last years stay readable and the old events are in the overview. */
void
atlas_timeline_scene_show_recent (AtlasTimelineScene *scene)
{
  double first, last, from;

  atlas_timeline_scene_bounds (scene, &first, &last);
  if (scene->events->len == 0)
    {
      scene->start = first;
      scene->span = last - first;
      return;
    }

  /* Events are in order of their first day. */
  from = g_array_index (scene->events, AtlasTimelineEvent,
                        (guint) (scene->events->len * (1 - RECENT_SHARE))).first_day;
  scene->span = MAX (RECENT_MIN, (last - from) * 1.05);
  scene->start = last - scene->span;
  atlas_timeline_scene_clamp (scene);
}

/* The height that shows every lane. */
double
atlas_timeline_scene_height (const AtlasTimelineScene *scene)
{
  return AXIS_HEIGHT + atlas_timeline_scene_lanes_height (scene);
}

/* The height of the lanes alone, which may be scrolled under the axis. */
double
atlas_timeline_scene_lanes_height (const AtlasTimelineScene *scene)
{
  return MAX (1, scene->lanes->len) * LANE_HEIGHT + 4;
}

/* The top of @lane, as scrolled. */
double
atlas_timeline_scene_lane_top (const AtlasTimelineScene *scene,
                               guint                     lane)
{
  return AXIS_HEIGHT + lane * LANE_HEIGHT - scene->lane_scroll;
}

/**
 * atlas_timeline_scene_fit_gutter:
 * @layout: in the font the titles are drawn in
 *
 * Makes the lane titles' gutter as wide as the widest title, so that none is cut, within
 * the default width and a third of the strip.
 */
void
atlas_timeline_scene_fit_gutter (AtlasTimelineScene *scene,
                                 PangoLayout        *layout)
{
  int widest = 0;

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  for (guint lane = 0; lane < scene->lanes->len; lane++)
    {
      int width;

      pango_layout_set_text (layout, g_ptr_array_index (scene->lanes, lane), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  scene->gutter = CLAMP (widest + 20, ATLAS_TIMELINE_GUTTER, MAX (ATLAS_TIMELINE_GUTTER, MIN (MAX_GUTTER, scene->width / 3)));
}

int
atlas_timeline_scene_cursor_day (const AtlasTimelineScene *scene)
{
  return scene->cursor != 0 ? scene->cursor : atlas_date_today_number ();
}

double
atlas_timeline_scene_track_width (const AtlasTimelineScene *scene)
{
  return MAX (1, scene->width - scene->gutter);
}

double
atlas_timeline_scene_day_to_x (const AtlasTimelineScene *scene,
                               double                    day)
{
  return scene->gutter + (day - scene->start) / scene->span * atlas_timeline_scene_track_width (scene);
}

double
atlas_timeline_scene_x_to_day (const AtlasTimelineScene *scene,
                               double                    x)
{
  return scene->start + (x - scene->gutter) / atlas_timeline_scene_track_width (scene) * scene->span;
}
