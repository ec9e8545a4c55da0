/* atlas-timeline-overview.c: the whole range of a timeline, with the days it shows as a handle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Focus and context: the timeline shows a few dense years readably, and this strip under it
 * shows where they lie in the whole range, how many events there are along it, and the
 * "as of" day. A click centres the timeline there; dragging the handle (or from the click)
 * moves it. The strip's days start where the timeline's do, after the lane titles, which
 * here hold the range's first and last years.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-date.h"
#include "atlas-timeline-overview.h"

#define HEIGHT      30
#define COLUMN      2      /* pixels a density bar stands for */
#define MIN_HANDLE  8      /* the handle's least width, to be seen and grabbed */

struct _AtlasTimelineOverview
{
  GtkWidget      parent_instance;

  AtlasTimeline *timeline;
  double         grab_offset;  /* days from the view's start to where it was grabbed */
  double         grab_x;

  /* The events counted by column, kept until the events, range or width change. */
  GArray        *counts;
  guint          max_count;
  GArray        *counted_events;
  double         counted_first;
  double         counted_last;
  int            counted_width;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineOverview, atlas_timeline_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
gutter_of (AtlasTimelineOverview *self)
{
  return self->timeline ? atlas_timeline_get_scene (self->timeline)->gutter : ATLAS_TIMELINE_GUTTER;
}

static double
track_width (AtlasTimelineOverview *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - gutter_of (self) - 4);
}

/* The x of @day on the strip, within the timeline's whole range. */
double
atlas_timeline_overview_day_to_x (AtlasTimelineOverview *self,
                                  double                 day)
{
  double first = 0, last = 1;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_OVERVIEW (self), 0);

  if (self->timeline != NULL)
    atlas_timeline_get_bounds (self->timeline, &first, &last);
  return gutter_of (self) + (day - first) / MAX (1, last - first) * track_width (self);
}

static double
x_to_day (AtlasTimelineOverview *self,
          double                 x)
{
  double first = 0, last = 1;

  if (self->timeline != NULL)
    atlas_timeline_get_bounds (self->timeline, &first, &last);
  return first + (x - gutter_of (self)) / track_width (self) * (last - first);
}

/* Counts the events by the column their first day falls in, once for each change. */
static void
count_events (AtlasTimelineOverview *self)
{
  const AtlasTimelineScene *scene = atlas_timeline_get_scene (self->timeline);
  int width = (int) track_width (self);
  guint n_columns = MAX (1, width / COLUMN + 1);
  double first, last;

  atlas_timeline_get_bounds (self->timeline, &first, &last);
  if (self->counted_events == scene->events && self->counted_first == first &&
      self->counted_last == last && self->counted_width == width)
    return;

  g_clear_pointer (&self->counted_events, g_array_unref);
  self->counted_events = g_array_ref (scene->events);
  self->counted_first = first;
  self->counted_last = last;
  self->counted_width = width;
  g_array_set_size (self->counts, 0);
  g_array_set_size (self->counts, n_columns);
  self->max_count = 0;
  for (guint i = 0; i < scene->events->len; i++)
    {
      double day = g_array_index (scene->events, AtlasTimelineEvent, i).first_day;
      int column = (int) ((day - first) / MAX (1, last - first) * width / COLUMN);
      guint *count = &g_array_index (self->counts, guint, CLAMP (column, 0, (int) n_columns - 1));

      *count += 1;
      self->max_count = MAX (self->max_count, *count);
    }
}

static void
draw_years (AtlasTimelineOverview *self,
            cairo_t               *cr,
            const double          *fg)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double first, last;
  GDate a, b;
  char text[64];
  int width, height;

  atlas_timeline_get_bounds (self->timeline, &first, &last);
  atlas_date_number_to_gdate (first, &a);
  atlas_date_number_to_gdate (last - 1, &b);
  /* Translators: the whole range of the timeline's overview, from a year to a year */
  g_snprintf (text, sizeof text, _("%u – %u"), g_date_get_year (&a), g_date_get_year (&b));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > gutter_of (self) - 12)
    return;
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.6);
  cairo_move_to (cr, 8, (HEIGHT - height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
atlas_timeline_overview_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  AtlasTimelineOverview *self = ATLAS_TIMELINE_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double start, span, x1, x2, gutter = gutter_of (self), cursor;
  double fg[3];
  GdkRGBA color;
  cairo_t *cr;

  if (self->timeline == NULL)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  fg[0] = color.red, fg[1] = color.green, fg[2] = color.blue;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_years (self, cr, fg);

  /* The trough, and the events along it, taller where there are more. */
  cairo_rectangle (cr, gutter, 3, track_width (self), height - 6);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.06);
  cairo_fill (cr);
  count_events (self);
  for (guint i = 0; i < self->counts->len; i++)
    {
      guint count = g_array_index (self->counts, guint, i);
      double bar;

      if (count == 0)
        continue;
      bar = 3 + (height - 10) * sqrt ((double) count / MAX (1, self->max_count));
      cairo_rectangle (cr, gutter + i * COLUMN, height - 4 - bar, COLUMN, bar);
    }
  cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.7);
  cairo_fill (cr);

  cursor = atlas_timeline_overview_day_to_x (self, atlas_timeline_get_cursor (self->timeline));
  cairo_set_source_rgb (cr, 0.90, 0.45, 0.05);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, cursor, 2);
  cairo_line_to (cr, cursor, height - 2);
  cairo_stroke (cr);

  /* The days the timeline shows. */
  atlas_timeline_get_visible (self->timeline, &start, &span);
  x1 = atlas_timeline_overview_day_to_x (self, start);
  x2 = MAX (x1 + MIN_HANDLE, atlas_timeline_overview_day_to_x (self, start + span));
  cairo_rectangle (cr, x1 + 0.75, 1.75, x2 - x1 - 1.5, height - 3.5);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.18);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.95);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
atlas_timeline_overview_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = ATLAS_TIMELINE_GUTTER + 200;
  else
    *minimum = *natural = HEIGHT;
}

/* A press on the handle grabs it where it is; elsewhere the view is centred there first. */
static void
on_drag_begin (GtkGestureDrag        *gesture,
               double                 x,
               double                 y,
               AtlasTimelineOverview *self)
{
  double start, span, day = x_to_day (self, x);

  if (self->timeline == NULL)
    return;
  atlas_timeline_get_visible (self->timeline, &start, &span);
  if (day < start || day > start + span)
    {
      atlas_timeline_set_visible (self->timeline, day - span / 2, span);
      atlas_timeline_get_visible (self->timeline, &start, &span);
    }
  self->grab_offset = day - start;
  self->grab_x = x;
}

static void
on_drag_update (GtkGestureDrag        *gesture,
                double                 dx,
                double                 dy,
                AtlasTimelineOverview *self)
{
  double start, span;

  if (self->timeline == NULL)
    return;
  atlas_timeline_get_visible (self->timeline, &start, &span);
  atlas_timeline_set_visible (self->timeline, x_to_day (self, self->grab_x + dx) - self->grab_offset, span);
}

static void
on_view_changed (AtlasTimelineOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_timeline_overview_set_timeline:
 * @timeline: (nullable): the timeline to show the range of and move
 */
void
atlas_timeline_overview_set_timeline (AtlasTimelineOverview *self,
                                      AtlasTimeline         *timeline)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_OVERVIEW (self));

  if (self->timeline == timeline)
    return;
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, on_view_changed, self);
  g_set_object (&self->timeline, timeline);
  if (timeline != NULL)
    g_signal_connect_swapped (timeline, "view-changed", G_CALLBACK (on_view_changed), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

AtlasTimeline *
atlas_timeline_overview_get_timeline (AtlasTimelineOverview *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_OVERVIEW (self), NULL);

  return self->timeline;
}

static void
atlas_timeline_overview_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtlasTimelineOverview *self = ATLAS_TIMELINE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_overview_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtlasTimelineOverview *self = ATLAS_TIMELINE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      atlas_timeline_overview_set_timeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_overview_dispose (GObject *object)
{
  AtlasTimelineOverview *self = ATLAS_TIMELINE_OVERVIEW (object);

  atlas_timeline_overview_set_timeline (self, NULL);
  g_clear_pointer (&self->counted_events, g_array_unref);

  G_OBJECT_CLASS (atlas_timeline_overview_parent_class)->dispose (object);
}

static void
atlas_timeline_overview_finalize (GObject *object)
{
  AtlasTimelineOverview *self = ATLAS_TIMELINE_OVERVIEW (object);

  g_array_unref (self->counts);

  G_OBJECT_CLASS (atlas_timeline_overview_parent_class)->finalize (object);
}

static void
atlas_timeline_overview_class_init (AtlasTimelineOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = atlas_timeline_overview_get_property;
  object_class->set_property = atlas_timeline_overview_set_property;
  object_class->dispose = atlas_timeline_overview_dispose;
  object_class->finalize = atlas_timeline_overview_finalize;
  widget_class->snapshot = atlas_timeline_overview_snapshot;
  widget_class->measure = atlas_timeline_overview_measure;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, ATLAS_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline-overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_timeline_overview_init (AtlasTimelineOverview *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("Every year of the events: drag the handle, or click, to show other years"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview of the whole timeline"), -1);
}

GtkWidget *
atlas_timeline_overview_new (AtlasTimeline *timeline)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_OVERVIEW, "timeline", timeline, NULL);
}
