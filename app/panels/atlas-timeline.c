/* atlas-timeline.c: a time axis with the events in lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events known to the day are dots; to the month or year, translucent spans of that month
 * or year, plainly less exact; with an end date, solid bars. Scroll or a pinch zooms around the
 * pointer, a drag pans, a drag along the axis strip brushes a range, and the "as of"
 * cursor is dragged by its handle. Drawing looks up the visible events by binary search
 * and draws at most one mark per lane and pixel, so its cost follows the width, not the
 * number of events.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-event.h"
#include "atlas-timeline.h"

#define AXIS_HEIGHT   30
#define LANE_HEIGHT   18
#define GUTTER        120
#define MIN_SPAN      7.0            /* a week */
#define MAX_SPAN      (365.25 * 150) /* a century and a half */
#define CURSOR_GRAB   6

struct _AtlasTimeline
{
  GtkWidget          parent_instance;

  GArray            *events;        /* AtlasTimelineEvent, by first day */
  GPtrArray         *lanes;         /* lane titles */
  GArray            *event_lanes;   /* int lane of each event */
  AtlasTimelineLanes lane_mode;
  GHashTable        *actor_names;   /* actor id -> name, for lanes by actor */

  double             start;         /* first visible day */
  double             span;          /* visible days */
  int                cursor;        /* "as of" day; 0 for today */
  int                range_first;   /* the filter's range; 0 for none */
  int                range_last;
  gint64             selected;

  /* Dragging */
  enum { DRAG_NONE, DRAG_PAN, DRAG_CURSOR, DRAG_BRUSH } drag;
  double             drag_start_day;
  double             drag_x;
  double             brush_x;
  double             pinch_span;    /* the span when a pinch began */
};

G_DEFINE_FINAL_TYPE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET)

enum {
  EVENT_ACTIVATED,
  CURSOR_MOVED,
  RANGE_BRUSHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GDate counts days from 1 January of year 1; SQLite's julianday from 4713 BC. */
#define JULIAN_OFFSET 1721424

static int
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date) + JULIAN_OFFSET;
}

static void
day_to_date (double  day,
             GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (floor (day) - JULIAN_OFFSET, 1, G_MAXINT32));
}

/* A day number as "YYYY-MM-DD". */
char *
atlas_timeline_day_to_iso (int day)
{
  GDate date;

  day_to_date (day, &date);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* "YYYY-MM-DD" as a day number, or 0 when @iso is not a day. */
int
atlas_timeline_iso_to_day (const char *iso)
{
  GDate date;
  guint y, m, d;

  if (iso == NULL || sscanf (iso, "%u-%u-%u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date) + JULIAN_OFFSET;
}

static double
track_width (AtlasTimeline *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER);
}

static double
day_to_x (AtlasTimeline *self,
          double         day)
{
  return GUTTER + (day - self->start) / self->span * track_width (self);
}

static double
x_to_day (AtlasTimeline *self,
          double         x)
{
  return self->start + (x - GUTTER) / track_width (self) * self->span;
}

static int
cursor_day (AtlasTimeline *self)
{
  return self->cursor != 0 ? self->cursor : today ();
}

/* The first event that may end on or after @day: events are sorted by first day and none
 * lasts more than a few decades, so search back from the first that starts after it. */
static guint
first_visible (AtlasTimeline *self,
               double         day)
{
  guint low = 0, high = self->events->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (self->events, AtlasTimelineEvent, mid).first_day < day - 365.25 * 40)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Ticks: the smallest step, from days to centuries, whose labels fit between its ticks. */
typedef enum { TICK_DAY, TICK_MONTH, TICK_YEAR } TickUnit;

static void
choose_ticks (AtlasTimeline *self,
              PangoLayout   *layout,
              TickUnit      *unit,
              int           *step)
{
  static const struct { TickUnit unit; int step; double days; const char *widest; } steps[] = {
    { TICK_DAY, 1, 1, "28 Sep" }, { TICK_DAY, 7, 7, "28 Sep" },
    { TICK_MONTH, 1, 30.4, "Sep 2000" }, { TICK_MONTH, 3, 91.3, "Sep 2000" },
    { TICK_MONTH, 6, 182.6, "Sep 2000" }, { TICK_YEAR, 1, 365.25, "2000" },
    { TICK_YEAR, 2, 730.5, "2000" }, { TICK_YEAR, 5, 1826, "2000" }, { TICK_YEAR, 10, 3652, "2000" },
    { TICK_YEAR, 25, 9131, "2000" }, { TICK_YEAR, 50, 18262, "2000" }, { TICK_YEAR, 100, 36525, "2000" },
  };
  double pixels_per_day = track_width (self) / self->span;

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
draw_text (cairo_t    *cr,
           PangoLayout *layout,
           const char *text,
           double      x,
           double      y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (AtlasTimeline *self,
           cairo_t       *cr,
           PangoLayout   *layout,
           const GdkRGBA *fg,
           double         height)
{
  TickUnit unit;
  int step;
  GDate date;
  double end = self->start + self->span;

  choose_ticks (self, layout, &unit, &step);
  day_to_date (self->start, &date);
  g_date_set_day (&date, 1);
  if (unit == TICK_YEAR)
    {
      g_date_set_month (&date, 1);
      g_date_set_year (&date, MAX (1, g_date_get_year (&date) / step * step));
    }
  else if (unit == TICK_MONTH)
    g_date_set_month (&date, (g_date_get_month (&date) - 1) / step * step + 1);

  cairo_set_line_width (cr, 1);
  while (g_date_get_julian (&date) + JULIAN_OFFSET <= end)
    {
      double x = day_to_x (self, g_date_get_julian (&date) + JULIAN_OFFSET);
      char label[32];
      int label_width;

      if (x >= GUTTER)
        {
          cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.12);
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
          if (x + 3 + label_width <= gtk_widget_get_width (GTK_WIDGET (self)))
            {
              cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
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
atlas_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autofree double *last_x = NULL;
  double end = self->start + self->span;
  GdkRGBA fg;
  cairo_t *cr;

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED, which warns of it even behind the check. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
#endif

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The filter's range, shaded. */
  if (self->range_first != 0 || self->range_last != 0)
    {
      double x1 = self->range_first ? day_to_x (self, self->range_first) : GUTTER;
      double x2 = self->range_last ? day_to_x (self, self->range_last + 1) : width;

      cairo_rectangle (cr, MAX (x1, GUTTER), 0, MAX (0, MIN (x2, width) - MAX (x1, GUTTER)), height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill (cr);
    }

  draw_axis (self, cr, layout, &fg, height);

  /* Lanes and their titles. */
  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      double y = AXIS_HEIGHT + lane * LANE_HEIGHT;

      if (lane % 2 == 1)
        {
          cairo_rectangle (cr, 0, y, width, LANE_HEIGHT);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.04);
          cairo_fill (cr);
        }
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
      pango_layout_set_width (layout, (GUTTER - 12) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      draw_text (cr, layout, g_ptr_array_index (self->lanes, lane), 8, y + 1);
    }
  pango_layout_set_width (layout, -1);

  /* Events: spans for the inexact, bars for those with an end, dots for days. */
  cairo_save (cr);
  cairo_rectangle (cr, GUTTER, AXIS_HEIGHT, width - GUTTER, height - AXIS_HEIGHT);
  cairo_clip (cr);
  last_x = g_new0 (double, 2 * MAX (self->lanes->len, 1));
  for (guint l = 0; l < 2 * self->lanes->len; l++)
    last_x[l] = -G_MAXDOUBLE;
  {
    /* x = left + (day - start) * scale, worked out once rather than per event. Marks are
     * gathered by style and each style filled once: one fill of thousands of shapes costs
     * far less than thousands of fills. */
    double scale = track_width (self) / self->span, left = GUTTER - self->start * scale;
    g_autoptr(GArray) vague = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
    const AtlasTimelineEvent *chosen = NULL;
    int chosen_lane = 0;

    for (guint i = first_visible (self, self->start); i < self->events->len; i++)
      {
        const AtlasTimelineEvent *event = &g_array_index (self->events, AtlasTimelineEvent, i);
        int lane = g_array_index (self->event_lanes, int, i);
        gboolean dot = !event->has_end && event->precision == 2;
        double *seen, key, x1, x2, y;

        if (event->first_day > end)
          break;
        if (event->last_day + 1 < self->start)
          continue;

        x1 = left + event->first_day * scale;
        x2 = left + (event->last_day + 1) * scale;
        y = AXIS_HEIGHT + lane * LANE_HEIGHT;

        if (event->id == self->selected)
          {
            chosen = event;
            chosen_lane = lane;
            continue;
          }

        /* One mark a lane a spot is all the eye can see: a dot within a couple of pixels of
         * the last one, or a span over the same pixels as the last span, adds nothing. */
        seen = &last_x[2 * lane + (dot ? 0 : 1)];
        key = dot ? floor (x1 / 2) : floor (x1) * 16384 + floor (x2);
        if (*seen == key)
          continue;
        *seen = key;

        if (dot)
          g_array_append_val (dots, GRAPHENE_POINT_INIT (x1, y + LANE_HEIGHT / 2.0));
        else if (event->has_end && event->precision == 2)
          g_array_append_val (bars, GRAPHENE_RECT_INIT (x1, y + 5, MAX (2, x2 - x1), LANE_HEIGHT - 10));
        else
          g_array_append_val (vague, GRAPHENE_RECT_INIT (x1, y + 3, MAX (2, x2 - x1), LANE_HEIGHT - 6));
      }

    /* A month or a year: translucent, plainly less exact than a day. */
    for (guint i = 0; i < vague->len; i++)
      {
        const graphene_rect_t *r = &g_array_index (vague, graphene_rect_t, i);

        cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
      }
    cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.22);
    cairo_fill (cr);

    for (guint i = 0; i < bars->len; i++)
      {
        const graphene_rect_t *r = &g_array_index (bars, graphene_rect_t, i);

        cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
      }
    cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.75);
    cairo_fill (cr);

    for (guint i = 0; i < dots->len; i++)
      {
        const graphene_point_t *d = &g_array_index (dots, graphene_point_t, i);

        cairo_new_sub_path (cr);
        cairo_arc (cr, d->x, d->y, 4, 0, 2 * G_PI);
      }
    cairo_set_source_rgb (cr, 0.80, 0.14, 0.11);
    cairo_fill (cr);

    /* The selected event, over the rest. */
    if (chosen != NULL)
      {
        double x1 = left + chosen->first_day * scale, x2 = left + (chosen->last_day + 1) * scale;
        double y = AXIS_HEIGHT + chosen_lane * LANE_HEIGHT;

        if (!chosen->has_end && chosen->precision == 2)
          cairo_arc (cr, x1, y + LANE_HEIGHT / 2.0, 5.5, 0, 2 * G_PI);
        else
          cairo_rectangle (cr, x1, y + 3, MAX (2, x2 - x1), LANE_HEIGHT - 6);
        cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
        cairo_fill (cr);
      }
  }
  cairo_restore (cr);

  /* Today, and the "as of" cursor with its handle. */
  {
    double x = day_to_x (self, today ());
    static const double dash[] = { 3, 3 };

    if (x >= GUTTER && x <= width)
      {
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
        cairo_move_to (cr, round (x) + 0.5, AXIS_HEIGHT);
        cairo_line_to (cr, round (x) + 0.5, height);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }

    x = day_to_x (self, cursor_day (self));
    if (x >= GUTTER && x <= width)
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

  /* A range being brushed. */
  if (self->drag == DRAG_BRUSH)
    {
      cairo_rectangle (cr, MIN (self->drag_x, self->brush_x), 0, fabs (self->brush_x - self->drag_x),
                       height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.25);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
atlas_timeline_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER + 200;
  else
    *minimum = *natural = AXIS_HEIGHT + MAX (1, self->lanes->len) * LANE_HEIGHT + 4;
}

/* The event under (@x, @y), or 0. */
gint64
atlas_timeline_event_at (AtlasTimeline *self,
                         double         x,
                         double         y)
{
  int lane = (int) floor ((y - AXIS_HEIGHT) / LANE_HEIGHT);
  double day = x_to_day (self, x), slack = 5 * self->span / track_width (self);
  gint64 best = 0;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  if (x < GUTTER || lane < 0 || lane >= (int) self->lanes->len)
    return 0;

  for (guint i = first_visible (self, day - slack); i < self->events->len; i++)
    {
      const AtlasTimelineEvent *event = &g_array_index (self->events, AtlasTimelineEvent, i);
      double distance;

      if (event->first_day > day + slack)
        break;
      if (g_array_index (self->event_lanes, int, i) != lane || event->last_day + 1 + slack < day)
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

static void
set_view (AtlasTimeline *self,
          double         start,
          double         span)
{
  self->span = CLAMP (span, MIN_SPAN, MAX_SPAN);
  self->start = start;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor around day @day, which stays where it is. */
void
atlas_timeline_zoom (AtlasTimeline *self,
                     double         factor,
                     double         day)
{
  double span = CLAMP (self->span * factor, MIN_SPAN, MAX_SPAN);

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  set_view (self, day - (day - self->start) * span / self->span, span);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AtlasTimeline    *self)
{
  self->pinch_span = self->span;
}

/* Pinching zooms around the point between the fingers, as scrolling does around the pointer. */
static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        AtlasTimeline  *self)
{
  double x, y;

  if (scale <= 0 || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  atlas_timeline_zoom (self, self->pinch_span / scale / self->span, x_to_day (self, MAX (x, GUTTER)));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasTimeline            *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = GUTTER + track_width (self) / 2, y;

  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  atlas_timeline_zoom (self, exp (dy * 0.15), x_to_day (self, MAX (x, GUTTER)));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasTimeline  *self)
{
  self->drag_x = x;
  self->brush_x = x;
  self->drag_start_day = self->start;

  if (fabs (x - day_to_x (self, cursor_day (self))) <= CURSOR_GRAB && x >= GUTTER)
    self->drag = DRAG_CURSOR;
  else if (y < AXIS_HEIGHT && x >= GUTTER)
    self->drag = DRAG_BRUSH;
  else
    self->drag = DRAG_PAN;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AtlasTimeline  *self)
{
  switch (self->drag)
    {
    case DRAG_PAN:
      set_view (self, self->drag_start_day - dx / track_width (self) * self->span, self->span);
      break;
    case DRAG_CURSOR:
      self->cursor = (int) round (x_to_day (self, self->drag_x + dx));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_BRUSH:
      self->brush_x = self->drag_x + dx;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AtlasTimeline  *self)
{
  int drag = self->drag;

  self->drag = DRAG_NONE;

  if (drag == DRAG_CURSOR)
    g_signal_emit (self, signals[CURSOR_MOVED], 0, self->cursor);
  else if (drag == DRAG_BRUSH && fabs (dx) >= 4)
    {
      int first = (int) floor (x_to_day (self, MIN (self->drag_x, self->drag_x + dx)));
      int last = (int) floor (x_to_day (self, MAX (self->drag_x, self->drag_x + dx)));

      g_signal_emit (self, signals[RANGE_BRUSHED], 0, first, last);
    }
  else if (drag == DRAG_PAN && fabs (dx) < 3 && fabs (dy) < 3)
    {
      double x, y;
      gint64 id;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      id = atlas_timeline_event_at (self, x, y);
      if (id != 0)
        g_signal_emit (self, signals[EVENT_ACTIVATED], 0, id);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* + and - zoom, arrows pan, Home shows every event. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasTimeline         *self)
{
  double middle = self->start + self->span / 2;

  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      atlas_timeline_zoom (self, 0.5, middle);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      atlas_timeline_zoom (self, 2, middle);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      set_view (self, self->start - self->span / 8, self->span);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      set_view (self, self->start + self->span / 8, self->span);
      return TRUE;
    case GDK_KEY_Home:
      atlas_timeline_show_all (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
atlas_timeline_finalize (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  g_array_unref (self->events);
  g_array_unref (self->event_lanes);
  g_ptr_array_unref (self->lanes);
  g_clear_pointer (&self->actor_names, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->finalize (object);
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_timeline_finalize;
  widget_class->snapshot = atlas_timeline_snapshot;
  widget_class->measure = atlas_timeline_measure;

  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[RANGE_BRUSHED] = g_signal_new ("range-brushed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  self->events = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent));
  self->event_lanes = g_array_new (FALSE, FALSE, sizeof (int));
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->span = 365.25 * 8;
  self->start = today () - self->span * 0.9;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline of the events"), -1);
}

GtkWidget *
atlas_timeline_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE, NULL);
}

static const char *
lane_title_for_kind (const char *kind)
{
  return atlas_event_kind_label (kind);
}

#define MAX_ACTOR_LANES 10

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (counts, b)) -
         (int) GPOINTER_TO_UINT (g_hash_table_lookup (counts, a));
}

/* Sorts the events into lanes: one per kind present, or per actor (the busiest ten, then
 * the rest together). */
static void
assign_lanes (AtlasTimeline *self)
{
  g_autoptr(GHashTable) lane_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_set_size (self->lanes, 0);
  g_array_set_size (self->event_lanes, self->events->len);

  if (self->lane_mode == ATLAS_TIMELINE_LANES_BY_ACTOR)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GHashTable) actor_lane = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GList) actors = NULL;
      int others = -1;
      guint n = 0;

      for (guint i = 0; i < self->events->len; i++)
        {
          AtlasTimelineEvent *event = &g_array_index (self->events, AtlasTimelineEvent, i);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &event->first_actor));

          g_hash_table_insert (counts, &event->first_actor, GUINT_TO_POINTER (count + 1));
        }

      /* The busiest actors get lanes of their own. */
      actors = g_list_sort_with_data (g_hash_table_get_keys (counts), compare_counts, counts);
      for (GList *l = actors; l != NULL && n < MAX_ACTOR_LANES; l = l->next, n++)
        {
          gint64 id = *(gint64 *) l->data;
          const char *name = self->actor_names ? g_hash_table_lookup (self->actor_names, &id) : NULL;

          g_hash_table_insert (actor_lane, l->data, GINT_TO_POINTER (self->lanes->len));
          g_ptr_array_add (self->lanes, g_strdup (name ? name : _("No actor")));
        }

      for (guint i = 0; i < self->events->len; i++)
        {
          AtlasTimelineEvent *event = &g_array_index (self->events, AtlasTimelineEvent, i);
          gpointer lane;

          if (!g_hash_table_lookup_extended (actor_lane, &event->first_actor, NULL, &lane))
            {
              if (others < 0)
                {
                  others = self->lanes->len;
                  g_ptr_array_add (self->lanes, g_strdup (_("Others")));
                }
              lane = GINT_TO_POINTER (others);
            }
          g_array_index (self->event_lanes, int, i) = GPOINTER_TO_INT (lane);
        }
    }
  else
    for (guint i = 0; i < self->events->len; i++)
      {
        AtlasTimelineEvent *event = &g_array_index (self->events, AtlasTimelineEvent, i);
        gpointer lane;

        if (!g_hash_table_lookup_extended (lane_of, event->kind, NULL, &lane))
          {
            lane = GINT_TO_POINTER (self->lanes->len);
            g_hash_table_insert (lane_of, g_strdup (event->kind), lane);
            g_ptr_array_add (self->lanes, g_strdup (lane_title_for_kind (event->kind)));
          }
        g_array_index (self->event_lanes, int, i) = GPOINTER_TO_INT (lane);
      }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * atlas_timeline_set_events:
 * @events: (element-type AtlasTimelineEvent): by first day; copied
 * @actor_names: (nullable): actor id (gint64*) -> name, for lanes by actor
 */
void
atlas_timeline_set_events (AtlasTimeline *self,
                           GArray        *events,
                           GHashTable    *actor_names)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  g_array_set_size (self->events, 0);
  if (events != NULL)
    g_array_append_vals (self->events, events->data, events->len);
  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  self->actor_names = actor_names ? g_hash_table_ref (actor_names) : NULL;
  assign_lanes (self);
}

void
atlas_timeline_set_lane_mode (AtlasTimeline      *self,
                              AtlasTimelineLanes  mode)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (self->lane_mode == mode)
    return;
  self->lane_mode = mode;
  assign_lanes (self);
}

AtlasTimelineLanes
atlas_timeline_get_lane_mode (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), ATLAS_TIMELINE_LANES_BY_KIND);

  return self->lane_mode;
}

guint
atlas_timeline_get_n_lanes (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return self->lanes->len;
}

void
atlas_timeline_set_selected (AtlasTimeline *self,
                             gint64         event_id)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->selected = event_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @day: the "as of" day number, or 0 for today */
void
atlas_timeline_set_cursor (AtlasTimeline *self,
                           int            day)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->cursor = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
atlas_timeline_get_cursor (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return cursor_day (self);
}

void
atlas_timeline_set_range (AtlasTimeline *self,
                          int            first,
                          int            last)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->range_first = first;
  self->range_last = last;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_get_visible (AtlasTimeline *self,
                            double        *start,
                            double        *span)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (start != NULL)
    *start = self->start;
  if (span != NULL)
    *span = self->span;
}

void
atlas_timeline_set_visible (AtlasTimeline *self,
                            double         start,
                            double         span)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  set_view (self, start, span);
}

/* Shows every event, with a little room either side. */
void
atlas_timeline_show_all (AtlasTimeline *self)
{
  double first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (self->events->len == 0)
    return;

  first = g_array_index (self->events, AtlasTimelineEvent, 0).first_day;
  last = first;
  for (guint i = 0; i < self->events->len; i++)
    last = MAX (last, g_array_index (self->events, AtlasTimelineEvent, i).last_day + 1);
  last = MAX (last, today ());
  set_view (self, first - (last - first) * 0.03, (last - first) * 1.06);
}

/* The x of @day in the widget, for tests and for scrolling to an event. */
double
atlas_timeline_day_to_x (AtlasTimeline *self,
                         double         day)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return day_to_x (self, day);
}

double
atlas_timeline_lane_y (AtlasTimeline *self,
                       guint          lane)
{
  return AXIS_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2.0;
}
