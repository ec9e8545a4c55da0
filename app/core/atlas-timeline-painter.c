/* atlas-timeline-painter.c: the events on a time axis, in lanes, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events known to the day are dots; to the month or year, translucent spans of that month
 * or year, plainly less exact; with an end date, solid bars. The widget and the exports
 * paint through here, so an exported timeline is the one on screen. Drawing looks up the
 * visible events by binary search and draws at most one mark per lane and pixel, so its
 * cost follows the width, not the number of events.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-timeline-painter.h"

#define AXIS_HEIGHT     ATLAS_TIMELINE_AXIS_HEIGHT
#define LANE_HEIGHT     ATLAS_TIMELINE_LANE_HEIGHT
#define MAX_ACTOR_LANES 10

void
atlas_timeline_scene_init (AtlasTimelineScene *scene)
{
  *scene = (AtlasTimelineScene) {
    .events = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent)),
    .lanes = g_ptr_array_new_with_free_func (g_free),
    .event_lanes = g_array_new (FALSE, FALSE, sizeof (int)),
    .span = 365.25 * 8,
    .gutter = ATLAS_TIMELINE_GUTTER,
    .width = ATLAS_TIMELINE_GUTTER + 200,
  };
  scene->start = atlas_date_today_number () - scene->span * 0.9;
}

void
atlas_timeline_scene_clear (AtlasTimelineScene *scene)
{
  g_clear_pointer (&scene->events, g_array_unref);
  g_clear_pointer (&scene->lanes, g_ptr_array_unref);
  g_clear_pointer (&scene->event_lanes, g_array_unref);
  g_clear_pointer (&scene->marked, g_array_unref);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (counts, b)) -
         (int) GPOINTER_TO_UINT (g_hash_table_lookup (counts, a));
}

/* One lane for each of the busiest actors, then the rest together. */
static void
assign_lanes_by_actor (AtlasTimelineScene *scene,
                       GHashTable         *actor_names)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) actor_lane = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GList) actors = NULL;
  int others = -1;
  guint n = 0;

  for (guint i = 0; i < scene->events->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (scene->events, AtlasTimelineEvent, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &event->first_actor));

      g_hash_table_insert (counts, &event->first_actor, GUINT_TO_POINTER (count + 1));
    }

  actors = g_list_sort_with_data (g_hash_table_get_keys (counts), compare_counts, counts);
  for (GList *l = actors; l != NULL && n < MAX_ACTOR_LANES; l = l->next, n++)
    {
      gint64 id = *(gint64 *) l->data;
      const char *name = actor_names ? g_hash_table_lookup (actor_names, &id) : NULL;

      g_hash_table_insert (actor_lane, l->data, GINT_TO_POINTER (scene->lanes->len));
      g_ptr_array_add (scene->lanes, g_strdup (name ? name : _("No actor")));
    }

  for (guint i = 0; i < scene->events->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (scene->events, AtlasTimelineEvent, i);
      gpointer lane;

      if (!g_hash_table_lookup_extended (actor_lane, &event->first_actor, NULL, &lane))
        {
          if (others < 0)
            {
              others = scene->lanes->len;
              g_ptr_array_add (scene->lanes, g_strdup (_("Others")));
            }
          lane = GINT_TO_POINTER (others);
        }
      g_array_index (scene->event_lanes, int, i) = GPOINTER_TO_INT (lane);
    }
}

/* One lane for each kind of event present, in order of first appearance. */
static void
assign_lanes_by_kind (AtlasTimelineScene *scene)
{
  g_autoptr(GHashTable) lane_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < scene->events->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (scene->events, AtlasTimelineEvent, i);
      gpointer lane;

      if (!g_hash_table_lookup_extended (lane_of, event->kind, NULL, &lane))
        {
          lane = GINT_TO_POINTER (scene->lanes->len);
          g_hash_table_insert (lane_of, g_strdup (event->kind), lane);
          g_ptr_array_add (scene->lanes, g_strdup (atlas_event_kind_label (event->kind)));
        }
      g_array_index (scene->event_lanes, int, i) = GPOINTER_TO_INT (lane);
    }
}

/**
 * atlas_timeline_scene_set_events:
 * @events: (element-type AtlasTimelineEvent) (nullable): by first day; held, not copied
 *   (a million events took 50 ms to copy), so the caller must not change it afterwards,
 *   as the result set, which replaces its arrays rather than changing them, does not
 * @actor_names: (nullable): actor id (gint64*) -> name, for lanes by actor
 */
void
atlas_timeline_scene_set_events (AtlasTimelineScene *scene,
                                 GArray             *events,
                                 AtlasTimelineLanes  mode,
                                 GHashTable         *actor_names)
{
  /* Marks belong to the events they were made for; new lanes for the same keep them. */
  if (events == NULL || events != scene->events)
    g_clear_pointer (&scene->marked, g_array_unref);
  if (events != NULL)
    g_array_ref (events);
  g_clear_pointer (&scene->events, g_array_unref);
  scene->events = events != NULL ? events : g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent));

  g_ptr_array_set_size (scene->lanes, 0);
  g_array_set_size (scene->event_lanes, scene->events->len);
  if (mode == ATLAS_TIMELINE_LANES_BY_ACTOR)
    assign_lanes_by_actor (scene, actor_names);
  else
    assign_lanes_by_kind (scene);
}

/**
 * atlas_timeline_actor_names:
 *
 * Returns: (transfer full): every actor's id (gint64*) -> name, for lanes by actor
 */
GHashTable *
atlas_timeline_actor_names (AtlasStore *store)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* One query: loading each actor as a record cost a third of a second at a thousand. */
  stmt = atlas_store_prepare (store, "SELECT id, name FROM actors", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the actors’ names for the timeline: %s", error->message);
      return names;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), atlas_store_dup_column (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, &error, _("Reading the actors’ names"));
      g_warning ("Could not read the actors’ names for the timeline: %s", error->message);
    }
  return names;
}

/**
 * atlas_timeline_scene_set_marked:
 * @event_ids: (nullable): a set of event ids (gint64 *): the selected actor's, corridor's
 *   or place's; %NULL marks none
 *
 * Marks the scene's events that are in @event_ids, once, so that drawing looks nothing up.
 */
void
atlas_timeline_scene_set_marked (AtlasTimelineScene *scene,
                                 GHashTable         *event_ids)
{
  g_clear_pointer (&scene->marked, g_array_unref);
  if (event_ids == NULL)
    return;

  scene->marked = g_array_sized_new (FALSE, TRUE, sizeof (guint8), scene->events->len);
  g_array_set_size (scene->marked, scene->events->len);
  for (guint i = 0; i < scene->events->len; i++)
    g_array_index (scene->marked, guint8, i) =
      g_hash_table_contains (event_ids, &g_array_index (scene->events, AtlasTimelineEvent, i).id);
}

/**
 * atlas_timeline_selection_events:
 * @event_ids: (out) (transfer none) (nullable): the events the session's selection stands
 *   for on the timeline, valid until its results change; %NULL when it is no actor,
 *   corridor or place
 *
 * Returns: %FALSE when they could not be found, with @error saying why
 */
gboolean
atlas_timeline_selection_events (AtlasSession  *session,
                                 GHashTable   **event_ids,
                                 GError       **error)
{
  const AtlasItem *selection = atlas_session_get_selection (session);

  *event_ids = NULL;
  switch (selection->kind)
    {
    case ATLAS_ITEM_ACTOR:
    case ATLAS_ITEM_CORRIDOR:
    case ATLAS_ITEM_PLACE:
      *event_ids = atlas_results_get_item_events (atlas_session_get_results (session), selection,
                                                  error);
      return *event_ids != NULL;
    default:
      return TRUE;
    }
}

/* The lane modes by the names that settings and saved views keep them under. */
static const char *lanes_names[] = { "kind", "actor" };

const char *
atlas_timeline_lanes_to_name (AtlasTimelineLanes mode)
{
  g_return_val_if_fail (mode < G_N_ELEMENTS (lanes_names), NULL);

  return lanes_names[mode];
}

/**
 * atlas_timeline_lanes_from_name:
 *
 * Returns: %FALSE for a name that is none, such as a later version's, leaving @mode as it was
 */
gboolean
atlas_timeline_lanes_from_name (const char         *name,
                                AtlasTimelineLanes *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (lanes_names); i++)
    if (g_strcmp0 (name, lanes_names[i]) == 0)
      {
        *mode = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * atlas_timeline_scene_load:
 *
 * Fills @scene with the session's filtered events, its "as of" day, its filter's range,
 * its selected event and the selected actor's, corridor's or place's events, as the
 * timeline panel shows them. The visible days are kept.
 */
gboolean
atlas_timeline_scene_load (AtlasTimelineScene  *scene,
                           AtlasSession        *session,
                           AtlasTimelineLanes   mode,
                           GError             **error)
{
  const AtlasFilter *filter = atlas_session_get_filter (session);
  const AtlasItem *selection = atlas_session_get_selection (session);
  AtlasResults *results = atlas_session_get_results (session);
  g_autoptr(GHashTable) actor_names = NULL;
  g_autofree char *first = atlas_date_first_day (atlas_filter_get_from (filter));
  g_autofree char *last = atlas_date_last_day (atlas_filter_get_to (filter));
  GArray *events = atlas_results_get_timeline (results);
  GHashTable *marked;

  if (atlas_results_get_error (results) != NULL)
    {
      g_propagate_error (error, g_error_copy (atlas_results_get_error (results)));
      return FALSE;
    }
  if (mode == ATLAS_TIMELINE_LANES_BY_ACTOR)
    actor_names = atlas_timeline_actor_names (atlas_session_get_store (session));

  atlas_timeline_scene_set_events (scene, events, mode, actor_names);
  scene->cursor = atlas_date_to_number (atlas_session_get_date (session));
  scene->range_first = atlas_date_to_number (first);
  scene->range_last = atlas_date_to_number (last);
  scene->selected = selection->kind == ATLAS_ITEM_EVENT ? selection->id : 0;
  if (!atlas_timeline_selection_events (session, &marked, error))
    return FALSE;
  atlas_timeline_scene_set_marked (scene, marked);
  return TRUE;
}

/* The first event that may end on or after @day: events are sorted by first day and none
 * lasts more than a few decades, so search back from the first that starts after it. */
static guint
first_visible (const AtlasTimelineScene *scene,
               double                    day)
{
  guint low = 0, high = scene->events->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (scene->events, AtlasTimelineEvent, mid).first_day < day - 365.25 * 40)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The event under (@x, @y), or 0. */
gint64
atlas_timeline_scene_event_at (const AtlasTimelineScene *scene,
                               double                    x,
                               double                    y)
{
  int lane = (int) floor ((y - AXIS_HEIGHT + scene->lane_scroll) / LANE_HEIGHT);
  double day = atlas_timeline_scene_x_to_day (scene, x);
  double slack = 5 * scene->span / atlas_timeline_scene_track_width (scene);
  double best_distance = G_MAXDOUBLE;
  gint64 best = 0;

  if (x < scene->gutter || y < AXIS_HEIGHT || lane < 0 || lane >= (int) scene->lanes->len)
    return 0;

  for (guint i = first_visible (scene, day - slack); i < scene->events->len; i++)
    {
      const AtlasTimelineEvent *event = &g_array_index (scene->events, AtlasTimelineEvent, i);
      double distance;

      if (event->first_day > day + slack)
        break;
      if (g_array_index (scene->event_lanes, int, i) != lane || event->last_day + 1 + slack < day)
        continue;

      /* A dot is as near as its day; inside a span counts as near, but a dot on the spot
       * is nearer, so the exact event wins over the vague one around it. */
      if (!event->has_end && event->precision == 2)
        distance = fabs (day - event->first_day);
      else if (day >= event->first_day && day <= event->last_day + 1)
        distance = slack * 0.6;
      else
        distance = G_MAXDOUBLE;
      if (distance <= slack && distance < best_distance)
        {
          best_distance = distance;
          best = event->id;
        }
    }
  return best;
}

/* Ticks: the smallest step, from days to centuries, whose labels fit between its ticks. */
typedef enum { TICK_DAY, TICK_MONTH, TICK_YEAR } TickUnit;

static void
choose_ticks (const AtlasTimelineScene *scene,
              PangoLayout              *layout,
              TickUnit                 *unit,
              int                      *step)
{
  static const struct { TickUnit unit; int step; double days; const char *widest; } steps[] = {
    { TICK_DAY, 1, 1, "28 Sep" }, { TICK_DAY, 7, 7, "28 Sep" },
    { TICK_MONTH, 1, 30.4, "Sep 2000" }, { TICK_MONTH, 3, 91.3, "Sep 2000" },
    { TICK_MONTH, 6, 182.6, "Sep 2000" }, { TICK_YEAR, 1, 365.25, "2000" },
    { TICK_YEAR, 2, 730.5, "2000" }, { TICK_YEAR, 5, 1826, "2000" }, { TICK_YEAR, 10, 3652, "2000" },
    { TICK_YEAR, 25, 9131, "2000" }, { TICK_YEAR, 50, 18262, "2000" }, { TICK_YEAR, 100, 36525, "2000" },
  };
  double pixels_per_day = atlas_timeline_scene_track_width (scene) / scene->span;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      int label_width;

      pango_layout_set_text (layout, steps[i].widest, -1);
      pango_layout_get_pixel_size (layout, &label_width, NULL);
      if (steps[i].days * pixels_per_day >= label_width + 16 || i == G_N_ELEMENTS (steps) - 1)
        {
          *unit = steps[i].unit;
          *step = steps[i].step;
          return;
        }
    }
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (const AtlasTimelineScene *scene,
           cairo_t                  *cr,
           PangoLayout              *layout,
           const double             *fg,
           double                    height)
{
  double end = scene->start + scene->span;
  TickUnit unit;
  GDate date;
  int step;

  choose_ticks (scene, layout, &unit, &step);
  atlas_date_number_to_gdate (scene->start, &date);
  g_date_set_day (&date, 1);
  if (unit == TICK_YEAR)
    {
      g_date_set_month (&date, 1);
      g_date_set_year (&date, MAX (1, g_date_get_year (&date) / step * step));
    }
  else if (unit == TICK_MONTH)
    g_date_set_month (&date, (g_date_get_month (&date) - 1) / step * step + 1);

  cairo_set_line_width (cr, 1);
  while (atlas_date_gdate_to_number (&date) <= end)
    {
      double x = atlas_timeline_scene_day_to_x (scene, atlas_date_gdate_to_number (&date));
      char label[32];
      int label_width;

      if (x >= scene->gutter)
        {
          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.12);
          cairo_move_to (cr, round (x) + 0.5, AXIS_HEIGHT - 6);
          cairo_line_to (cr, round (x) + 0.5, height);
          cairo_stroke (cr);

          if (unit == TICK_YEAR)
            g_snprintf (label, sizeof label, "%u", g_date_get_year (&date));
          else if (unit == TICK_MONTH)
            g_date_strftime (label, sizeof label, g_date_get_month (&date) == 1 ? "%b %Y" : "%b", &date);
          else
            g_date_strftime (label, sizeof label, "%-d %b", &date);
          /* A label the right edge would cut is left out rather than shown clipped. */
          pango_layout_set_text (layout, label, -1);
          pango_layout_get_pixel_size (layout, &label_width, NULL);
          if (x + 3 + label_width <= scene->width)
            {
              cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.7);
              draw_text (cr, layout, label, x + 3, 6);
            }
        }

      if (unit == TICK_YEAR)
        g_date_add_years (&date, step);
      else if (unit == TICK_MONTH)
        g_date_add_months (&date, step);
      else
        g_date_add_days (&date, step);
    }
}

static void
fill_rects (cairo_t *cr,
            GArray  *rects)
{
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (rects, cairo_rectangle_t, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
    }
  cairo_fill (cr);
}

/* Spans for the inexact, bars for those with an end, dots for days; the selected event
 * over the rest. */
static void
draw_events (const AtlasTimelineScene *scene,
             cairo_t                  *cr,
             double                    height)
{
  /* x = left + day * scale, worked out once rather than per event. Marks are gathered by
   * style and each style filled once: one fill of thousands of shapes costs far less than
   * thousands of fills. */
  double scale = atlas_timeline_scene_track_width (scene) / scene->span;
  double left = scene->gutter - scene->start * scale, end = scene->start + scene->span;
  g_autoptr(GArray) vague = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) marked_dots = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) marked_spans = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autofree double *last_x = g_new (double, 4 * MAX (scene->lanes->len, 1));
  const AtlasTimelineEvent *chosen = NULL;
  int chosen_lane = 0;

  for (guint l = 0; l < 4 * scene->lanes->len; l++)
    last_x[l] = -G_MAXDOUBLE;

  cairo_save (cr);
  cairo_rectangle (cr, scene->gutter, AXIS_HEIGHT, scene->width - scene->gutter, height - AXIS_HEIGHT);
  cairo_clip (cr);

  for (guint i = first_visible (scene, scene->start); i < scene->events->len; i++)
    {
      const AtlasTimelineEvent *event = &g_array_index (scene->events, AtlasTimelineEvent, i);
      int lane = g_array_index (scene->event_lanes, int, i);
      gboolean dot = !event->has_end && event->precision == 2;
      double *seen, key, x1, x2, y;

      if (event->first_day > end)
        break;
      if (event->last_day + 1 < scene->start)
        continue;

      x1 = left + event->first_day * scale;
      x2 = left + (event->last_day + 1) * scale;
      y = atlas_timeline_scene_lane_top (scene, lane);

      if (event->id == scene->selected)
        {
          chosen = event;
          chosen_lane = lane;
          continue;
        }

      /* One mark a lane a spot is all the eye can see: a dot within a couple of pixels of
       * the last one, or a span over the same pixels as the last span, adds nothing. The
       * selected item's events are outlined too, seen apart from the rest. */
      key = dot ? floor (x1 / 2) : floor (x1) * 16384 + floor (x2);
      if (scene->marked != NULL && g_array_index (scene->marked, guint8, i))
        {
          seen = &last_x[4 * lane + 2 + (dot ? 0 : 1)];
          if (*seen != key)
            {
              *seen = key;
              if (dot)
                g_array_append_val (marked_dots,
                                    ((cairo_rectangle_t) { x1, y + LANE_HEIGHT / 2.0, 0, 0 }));
              else
                g_array_append_val (marked_spans,
                                    ((cairo_rectangle_t) { x1, y + 2, MAX (2, x2 - x1), LANE_HEIGHT - 4 }));
            }
        }
      seen = &last_x[4 * lane + (dot ? 0 : 1)];
      if (*seen == key)
        continue;
      *seen = key;

      if (dot)
        g_array_append_val (dots, ((cairo_rectangle_t) { x1, y + LANE_HEIGHT / 2.0, 0, 0 }));
      else if (event->has_end && event->precision == 2)
        g_array_append_val (bars, ((cairo_rectangle_t) { x1, y + 5, MAX (2, x2 - x1), LANE_HEIGHT - 10 }));
      else
        g_array_append_val (vague, ((cairo_rectangle_t) { x1, y + 3, MAX (2, x2 - x1), LANE_HEIGHT - 6 }));
    }

  /* A month or a year: translucent, plainly less exact than a day. */
  cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.22);
  fill_rects (cr, vague);
  cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.75);
  fill_rects (cr, bars);

  for (guint i = 0; i < dots->len; i++)
    {
      const cairo_rectangle_t *d = &g_array_index (dots, cairo_rectangle_t, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, d->x, d->y, 4, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 0.80, 0.14, 0.11);
  cairo_fill (cr);

  /* The selected actor's, corridor's or place's events: ringed in the selection's blue. */
  for (guint i = 0; i < marked_dots->len; i++)
    {
      const cairo_rectangle_t *d = &g_array_index (marked_dots, cairo_rectangle_t, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, d->x, d->y, 6, 0, 2 * G_PI);
    }
  for (guint i = 0; i < marked_spans->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (marked_spans, cairo_rectangle_t, i);

      cairo_rectangle (cr, r->x - 1, r->y, r->width + 2, r->height);
    }
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.95);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  if (chosen != NULL)
    {
      double x1 = left + chosen->first_day * scale, x2 = left + (chosen->last_day + 1) * scale;
      double y = atlas_timeline_scene_lane_top (scene, chosen_lane);

      if (!chosen->has_end && chosen->precision == 2)
        cairo_arc (cr, x1, y + LANE_HEIGHT / 2.0, 5.5, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x1, y + 3, MAX (2, x2 - x1), LANE_HEIGHT - 6);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Today, dashed, and the "as of" cursor with its handle. */
static void
draw_cursor (const AtlasTimelineScene *scene,
             cairo_t                  *cr,
             const double             *fg,
             double                    height)
{
  static const double dash[] = { 3, 3 };
  double x = atlas_timeline_scene_day_to_x (scene, atlas_date_today_number ());

  if (x >= scene->gutter && x <= scene->width)
    {
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.5);
      cairo_move_to (cr, round (x) + 0.5, AXIS_HEIGHT);
      cairo_line_to (cr, round (x) + 0.5, height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  x = atlas_timeline_scene_day_to_x (scene, atlas_timeline_scene_cursor_day (scene));
  if (x >= scene->gutter && x <= scene->width)
    {
      cairo_set_source_rgb (cr, 0.90, 0.45, 0.05);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, AXIS_HEIGHT - 8);
      cairo_line_to (cr, x, height);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 6, AXIS_HEIGHT - 14);
      cairo_line_to (cr, x + 6, AXIS_HEIGHT - 14);
      cairo_line_to (cr, x, AXIS_HEIGHT - 6);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/**
 * atlas_timeline_painter_paint:
 * @layout: for the labels, in the font to use
 * @height: of the strip; lanes beyond it are cut off
 * @fg: the text colour, red, green and blue from 0 to 1
 *
 * Paints @scene from (0, 0) to (@scene->width, @height), with no background.
 */
void
atlas_timeline_painter_paint (cairo_t                  *cr,
                              PangoLayout              *layout,
                              const AtlasTimelineScene *scene,
                              double                    height,
                              const double             *fg)
{
  cairo_save (cr);

  /* The filter's range, shaded. */
  if (scene->range_first != 0 || scene->range_last != 0)
    {
      double x1 = scene->range_first ? atlas_timeline_scene_day_to_x (scene, scene->range_first) : scene->gutter;
      double x2 = scene->range_last ? atlas_timeline_scene_day_to_x (scene, scene->range_last + 1) : scene->width;

      x1 = MAX (x1, scene->gutter);
      cairo_rectangle (cr, x1, 0, MAX (0, MIN (x2, scene->width) - x1), height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill (cr);
    }

  draw_axis (scene, cr, layout, fg, height);

  /* Lanes and their titles, scrolled under the axis. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, AXIS_HEIGHT, scene->width, MAX (0, height - AXIS_HEIGHT));
  cairo_clip (cr);
  pango_layout_set_width (layout, (scene->gutter - 12) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint lane = 0; lane < scene->lanes->len; lane++)
    {
      double y = atlas_timeline_scene_lane_top (scene, lane);

      if (y + LANE_HEIGHT < AXIS_HEIGHT || y > height)
        continue;
      if (lane % 2 == 1)
        {
          cairo_rectangle (cr, 0, y, scene->width, LANE_HEIGHT);
          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.04);
          cairo_fill (cr);
        }
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.75);
      draw_text (cr, layout, g_ptr_array_index (scene->lanes, lane), 8, y + 1);
    }
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  cairo_restore (cr);

  draw_events (scene, cr, height);
  draw_cursor (scene, cr, fg, height);
  cairo_restore (cr);
}
