/* atlas-timeline.c: a time axis with the events in lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is atlas-timeline-painter's, shared with the exports; this widget adds the
 * hands. Scroll or a pinch zooms around the pointer, a drag pans, a drag along the axis
 * strip brushes a range, and the "as of" cursor is dragged by its handle.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-date.h"
#include "atlas-timeline.h"

#define AXIS_HEIGHT   ATLAS_TIMELINE_AXIS_HEIGHT
#define GUTTER        ATLAS_TIMELINE_GUTTER
#define MIN_SPAN      7.0            /* a week */
#define MAX_SPAN      (365.25 * 150) /* a century and a half */
#define CURSOR_GRAB   6

struct _AtlasTimeline
{
  GtkWidget          parent_instance;

  AtlasTimelineScene scene;
  AtlasTimelineLanes lane_mode;
  GHashTable        *actor_names;   /* actor id -> name, for lanes by actor */

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

/* The scene, measured for the widget's width as it is now. */
static AtlasTimelineScene *
scene_of (AtlasTimeline *self)
{
  self->scene.width = gtk_widget_get_width (GTK_WIDGET (self));
  return &self->scene;
}

static double
track_width (AtlasTimeline *self)
{
  return atlas_timeline_scene_track_width (scene_of (self));
}

static double
day_to_x (AtlasTimeline *self,
          double         day)
{
  return atlas_timeline_scene_day_to_x (scene_of (self), day);
}

static double
x_to_day (AtlasTimeline *self,
          double         x)
{
  return atlas_timeline_scene_x_to_day (scene_of (self), x);
}

static void
atlas_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
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
  atlas_timeline_painter_paint (cr, layout, scene_of (self), height,
                                (double[]) { fg.red, fg.green, fg.blue });

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
    *minimum = *natural = (int) atlas_timeline_scene_height (&self->scene);
}

/* The event under (@x, @y), or 0. */
gint64
atlas_timeline_event_at (AtlasTimeline *self,
                         double         x,
                         double         y)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return atlas_timeline_scene_event_at (scene_of (self), x, y);
}

static void
set_view (AtlasTimeline *self,
          double         start,
          double         span)
{
  self->scene.span = CLAMP (span, MIN_SPAN, MAX_SPAN);
  self->scene.start = start;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor around day @day, which stays where it is. */
void
atlas_timeline_zoom (AtlasTimeline *self,
                     double         factor,
                     double         day)
{
  double span = CLAMP (self->scene.span * factor, MIN_SPAN, MAX_SPAN);

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  set_view (self, day - (day - self->scene.start) * span / self->scene.span, span);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AtlasTimeline    *self)
{
  self->pinch_span = self->scene.span;
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
  atlas_timeline_zoom (self, self->pinch_span / scale / self->scene.span, x_to_day (self, MAX (x, GUTTER)));
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
  self->drag_start_day = self->scene.start;

  if (fabs (x - day_to_x (self, atlas_timeline_scene_cursor_day (&self->scene))) <= CURSOR_GRAB && x >= GUTTER)
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
      set_view (self, self->drag_start_day - dx / track_width (self) * self->scene.span, self->scene.span);
      break;
    case DRAG_CURSOR:
      self->scene.cursor = (int) round (x_to_day (self, self->drag_x + dx));
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
    g_signal_emit (self, signals[CURSOR_MOVED], 0, self->scene.cursor);
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
  double middle = self->scene.start + self->scene.span / 2;

  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      atlas_timeline_zoom (self, 0.5, middle);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      atlas_timeline_zoom (self, 2, middle);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      set_view (self, self->scene.start - self->scene.span / 8, self->scene.span);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      set_view (self, self->scene.start + self->scene.span / 8, self->scene.span);
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

  atlas_timeline_scene_clear (&self->scene);
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

  atlas_timeline_scene_init (&self->scene);

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

/* Sorts the events into lanes again, which may change the height. */
static void
assign_lanes (AtlasTimeline *self)
{
  /* The scene lets go of its events before it holds them again. */
  g_autoptr(GArray) events = g_array_ref (self->scene.events);

  atlas_timeline_scene_set_events (&self->scene, events, self->lane_mode, self->actor_names);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * atlas_timeline_set_events:
 * @events: (element-type AtlasTimelineEvent): by first day; held, not copied, so it must
 *   not change afterwards
 * @actor_names: (nullable): actor id (gint64*) -> name, for lanes by actor
 */
void
atlas_timeline_set_events (AtlasTimeline *self,
                           GArray        *events,
                           GHashTable    *actor_names)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  self->actor_names = actor_names ? g_hash_table_ref (actor_names) : NULL;
  atlas_timeline_scene_set_events (&self->scene, events, self->lane_mode, self->actor_names);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

  return self->scene.lanes->len;
}

void
atlas_timeline_set_selected (AtlasTimeline *self,
                             gint64         event_id)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->scene.selected = event_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_timeline_set_marked:
 * @event_ids: (nullable): a set of event ids (gint64 *) to outline, such as the selected
 *   actor's; read now, not kept
 *
 * Outlines those of the timeline's events that are in @event_ids, until the events change.
 */
void
atlas_timeline_set_marked (AtlasTimeline *self,
                           GHashTable    *event_ids)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  atlas_timeline_scene_set_marked (&self->scene, event_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @day: the "as of" day number, or 0 for today */
void
atlas_timeline_set_cursor (AtlasTimeline *self,
                           int            day)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->scene.cursor = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
atlas_timeline_get_cursor (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return atlas_timeline_scene_cursor_day (&self->scene);
}

void
atlas_timeline_set_range (AtlasTimeline *self,
                          int            first,
                          int            last)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  self->scene.range_first = first;
  self->scene.range_last = last;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_get_visible (AtlasTimeline *self,
                            double        *start,
                            double        *span)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (start != NULL)
    *start = self->scene.start;
  if (span != NULL)
    *span = self->scene.span;
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
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  atlas_timeline_scene_show_all (&self->scene);
  set_view (self, self->scene.start, self->scene.span);
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
  return AXIS_HEIGHT + (lane + 0.5) * ATLAS_TIMELINE_LANE_HEIGHT;
}

/* What the timeline shows, for exporting it as it is. */
const AtlasTimelineScene *
atlas_timeline_get_scene (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  return scene_of (self);
}
