/* atlas-timeline.c: a time axis with the events in lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is atlas-timeline-painter's, shared with the exports; the hands (pointer,
 * touch and keys) are atlas-timeline-input's. The days shown stay within the events' range
 * and a margin (atlas-timeline-view.c), starting on the recent years that hold most of them.
 * It is a GtkScrollable, so that a scrolled window around it scrolls the lanes under the
 * axis, which stays; a tooltip names the event under the pointer.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-timeline.h"

#define MIN_LANES     5              /* shown at the least; the others scroll */

#include "atlas-timeline-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  EVENT_ACTIVATED,
  CURSOR_MOVED,
  RANGE_BRUSHED,
  VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


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
    *minimum = *natural = (int) self->scene.gutter + 200;
  else
    {
      /* A scrolled window shows the rest of the lanes, beyond the first few. */
      *natural = (int) atlas_timeline_scene_height (&self->scene);
      *minimum = MIN (*natural, AXIS_HEIGHT + MIN_LANES * ATLAS_TIMELINE_LANE_HEIGHT + 4);
    }
}

/* The lanes' scrolling, for the height the widget has. */
static void
configure_vadjustment (AtlasTimeline *self)
{
  double page = MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT);
  double upper = atlas_timeline_scene_lanes_height (&self->scene);

  double value;

  if (self->vadjustment == NULL)
    return;
  value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - page));
  /* The window is allocated again whenever anything in it asks, as the map's scale does on
   * every frame of a pan: configured the same, the adjustment would still notify, and the
   * scrollbar and the lanes be drawn again each frame. */
  if (value == gtk_adjustment_get_value (self->vadjustment) &&
      MAX (upper, page) == gtk_adjustment_get_upper (self->vadjustment) &&
      page == gtk_adjustment_get_page_size (self->vadjustment))
    return;
  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, page),
                            ATLAS_TIMELINE_LANE_HEIGHT, page * 0.9, page);
}

static void
atlas_timeline_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  self->scene.width = width;
  configure_vadjustment (self);
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

/* Shows @span days from @start, within the events' range and a margin. */
void
_atlas_timeline_set_view (AtlasTimeline *self,
          double         start,
          double         span)
{
  self->view_chosen = TRUE;
  self->scene.span = span;
  self->scene.start = start;
  atlas_timeline_scene_clamp (&self->scene);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Zooms by @factor around day @day, which stays where it is unless the range's end stops it. */
void
atlas_timeline_zoom (AtlasTimeline *self,
                     double         factor,
                     double         day)
{
  AtlasTimelineScene wanted = self->scene;

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  /* The span as clamped, so that a zoom stopped at its limit does not pan. */
  wanted.span *= factor;
  atlas_timeline_scene_clamp (&wanted);
  _atlas_timeline_set_view (self, day - (day - self->scene.start) * wanted.span / self->scene.span, wanted.span);
}


/* What the glyph under (@x, @y) is: its title, its dates and its kind; or the "as of"
 * cursor's day over its handle. */
static gboolean
atlas_timeline_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = atlas_timeline_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_lanes_scrolled (GtkAdjustment *adjustment,
                   AtlasTimeline *self)
{
  if (self->scene.lane_scroll == gtk_adjustment_get_value (adjustment))
    return;
  self->scene.lane_scroll = gtk_adjustment_get_value (adjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (AtlasTimeline  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_lanes_scrolled, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL && slot == &self->vadjustment)
    {
      g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_lanes_scrolled), self);
      configure_vadjustment (self);
      on_lanes_scrolled (adjustment, self);
    }
}

static void
atlas_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
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

  object_class->get_property = atlas_timeline_get_property;
  object_class->set_property = atlas_timeline_set_property;
  object_class->dispose = atlas_timeline_dispose;
  object_class->finalize = atlas_timeline_finalize;
  widget_class->snapshot = atlas_timeline_snapshot;
  widget_class->measure = atlas_timeline_measure;
  widget_class->size_allocate = atlas_timeline_size_allocate;
  widget_class->query_tooltip = atlas_timeline_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);
  signals[RANGE_BRUSHED] = g_signal_new ("range-brushed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  /* The days shown, their range, the events or the cursor changed: for the overview. */
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  atlas_timeline_scene_init (&self->scene);
  self->pointer_x = -1;
  _atlas_timeline_add_controllers (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline of the events"), -1);
}

GtkWidget *
atlas_timeline_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE, NULL);
}

/* After new events or lanes: the titles' gutter as wide as the widest, the days shown
 * within the new range (the most recent years until others are asked for), the lanes'
 * scrolling, and the height. */
static void
lanes_changed (AtlasTimeline *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  scene_of (self);
  atlas_timeline_scene_fit_gutter (&self->scene, layout);
  if (!self->view_chosen)
    atlas_timeline_scene_show_recent (&self->scene);
  atlas_timeline_scene_clamp (&self->scene);
  configure_vadjustment (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Sorts the events into lanes again, which may change the height. */
static void
assign_lanes (AtlasTimeline *self)
{
  /* The scene lets go of its events before it holds them again. */
  g_autoptr(GArray) events = g_array_ref (self->scene.events);

  atlas_timeline_scene_set_events (&self->scene, events, self->lane_mode, self->actor_names);
  lanes_changed (self);
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
  lanes_changed (self);
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
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
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

  _atlas_timeline_set_view (self, start, span);
}

/* Shows every event, with a little room either side. */
void
atlas_timeline_show_all (AtlasTimeline *self)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  atlas_timeline_scene_show_all (&self->scene);
  _atlas_timeline_set_view (self, self->scene.start, self->scene.span);
}

/**
 * atlas_timeline_get_bounds:
 * @first: (out): the first day the timeline can show
 * @last: (out): the day after the last it can show
 *
 * The events' range with a margin, within which the timeline pans and zooms.
 */
void
atlas_timeline_get_bounds (AtlasTimeline *self,
                           double        *first,
                           double        *last)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  atlas_timeline_scene_bounds (&self->scene, first, last);
}

/* The store the events' titles are read from, for their tooltips. */
void
atlas_timeline_set_store (AtlasTimeline *self,
                          AtlasStore    *store)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  g_set_object (&self->store, store);
}

/**
 * atlas_timeline_tooltip_at:
 *
 * Returns: (transfer full) (nullable): what the tooltip at (@x, @y) says: the event
 *   there, with its dates and kind, or the "as of" day over the cursor's handle
 */
char *
atlas_timeline_tooltip_at (AtlasTimeline *self,
                           double         x,
                           double         y)
{
  g_autoptr(AtlasEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  gint64 id;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  if (y < AXIS_HEIGHT && x >= self->scene.gutter &&
      fabs (x - day_to_x (self, atlas_timeline_scene_cursor_day (&self->scene))) <= CURSOR_GRAB)
    {
      g_autofree char *iso = atlas_date_from_number (atlas_timeline_scene_cursor_day (&self->scene));
      g_autofree char *day = atlas_date_format (iso);

      /* Translators: the tooltip of the timeline's "as of" cursor */
      return g_strdup_printf (_("As of %s: drag to move"), day);
    }

  id = atlas_timeline_event_at (self, x, y);
  if (id == 0 || self->store == NULL)
    return NULL;
  event = atlas_event_load (self->store, id, &error);
  if (event == NULL)
    {
      g_warning ("Could not read the event under the pointer: %s", error->message);
      /* Translators: a tooltip, when the event under the pointer could not be read */
      return g_strdup_printf (_("Could not read this event: %s"), error->message);
    }
  when = atlas_event_dup_date_label (event);
  /* Translators: an event's tooltip on the timeline: its title, then its dates and kind */
  return g_strdup_printf (_("%s\n%s · %s"), atlas_event_get_title (event), when,
                          atlas_event_get_kind_label (event));
}

/* The x of @day in the widget, for tests and for scrolling to an event. */
double
atlas_timeline_day_to_x (AtlasTimeline *self,
                         double         day)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return day_to_x (self, day);
}

/* The middle of @lane, as scrolled. */
double
atlas_timeline_lane_y (AtlasTimeline *self,
                       guint          lane)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);

  return atlas_timeline_scene_lane_top (&self->scene, lane) + ATLAS_TIMELINE_LANE_HEIGHT / 2.0;
}

/* What the timeline shows, for exporting it as it is. */
const AtlasTimelineScene *
atlas_timeline_get_scene (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);

  return scene_of (self);
}
