/* atlas-timeline-input.c: the timeline's hands: pointer, touch and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scroll (with Ctrl too) or a pinch zooms around the pointer; a drag, Shift+scroll or a
 * sideways scroll pans; scrolling over the lane titles scrolls the lanes. A drag along the
 * axis strip brushes a range and the "as of" cursor is dragged by its handle; a click on a
 * glyph selects its event and gives the timeline the keyboard.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <math.h>

#include "atlas-timeline-private.h"

/* Pans by @pixels of the track; a positive number shows later days. */
static void
pan_by (AtlasTimeline *self,
        double         pixels)
{
  _atlas_timeline_set_view (self, self->scene.start + pixels / track_width (self) * self->scene.span, self->scene.span);
}

/* Scrolls the lanes by @pixels, through the scrolled window's adjustment. */
static void
scroll_lanes (AtlasTimeline *self,
              double         pixels)
{
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + pixels);
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
  atlas_timeline_zoom (self, self->pinch_span / scale / self->scene.span, x_to_day (self, MAX (x, self->scene.gutter)));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasTimeline            *self)
{
  self->pointer_x = x;
}

static void
on_leave (GtkEventControllerMotion *controller,
          AtlasTimeline            *self)
{
  self->pointer_x = -1;
}

/* Scrolling zooms around the day under the pointer (the event's own position is the
 * window's, not the widget's); Shift or a sideways scroll pans; over the lane titles it
 * scrolls the lanes, left to the scrolled window around. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasTimeline            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x;

  if (x < 0)
    x = self->scene.gutter + track_width (self) / 2;
  if (state & GDK_SHIFT_MASK)
    {
      pan_by (self, (dy != 0 ? dy : dx) * track_width (self) / 10);
      return TRUE;
    }
  if (dx != 0 && fabs (dx) > fabs (dy))
    {
      pan_by (self, dx * track_width (self) / 10);
      return TRUE;
    }
  if (x < self->scene.gutter && !(state & GDK_CONTROL_MASK))
    return FALSE;
  atlas_timeline_zoom (self, exp (dy * 0.15), x_to_day (self, MAX (x, self->scene.gutter)));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasTimeline  *self)
{
  /* A click gives the keyboard to the timeline, as to any control. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->brush_x = x;
  self->drag_start_day = self->scene.start;

  if (fabs (x - day_to_x (self, atlas_timeline_scene_cursor_day (&self->scene))) <= CURSOR_GRAB && x >= self->scene.gutter)
    self->drag = DRAG_CURSOR;
  else if (y < AXIS_HEIGHT && x >= self->scene.gutter)
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
      _atlas_timeline_set_view (self, self->drag_start_day - dx / track_width (self) * self->scene.span, self->scene.span);
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
    g_signal_emit_by_name (self, "cursor-moved", self->scene.cursor);
  else if (drag == DRAG_BRUSH && fabs (dx) >= 4)
    {
      int first = (int) floor (x_to_day (self, MIN (self->drag_x, self->drag_x + dx)));
      int last = (int) floor (x_to_day (self, MAX (self->drag_x, self->drag_x + dx)));

      g_signal_emit_by_name (self, "range-brushed", first, last);
    }
  else if (drag == DRAG_PAN && fabs (dx) < 3 && fabs (dy) < 3)
    {
      double x, y;
      gint64 id;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      id = atlas_timeline_event_at (self, x, y);
      if (id != 0)
        g_signal_emit_by_name (self, "event-activated", id);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* + and - zoom, Left and Right pan, Up, Down and the pages scroll the lanes, Home shows
 * every event. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasTimeline         *self)
{
  double middle = self->scene.start + self->scene.span / 2;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Keys handled here never reach the window, which would show the focus ring for them. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);

  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      atlas_timeline_zoom (self, 0.5, middle);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      atlas_timeline_zoom (self, 2, middle);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      pan_by (self, -track_width (self) / 8);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      pan_by (self, track_width (self) / 8);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      scroll_lanes (self, -ATLAS_TIMELINE_LANE_HEIGHT);
      return self->vadjustment != NULL;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      scroll_lanes (self, ATLAS_TIMELINE_LANE_HEIGHT);
      return self->vadjustment != NULL;
    case GDK_KEY_Page_Up: case GDK_KEY_Page_Down:
      if (self->vadjustment == NULL)
        return FALSE;
      scroll_lanes (self, (keyval == GDK_KEY_Page_Up ? -1 : 1) *
                          gtk_adjustment_get_page_increment (self->vadjustment));
      return TRUE;
    case GDK_KEY_Home:
      atlas_timeline_show_all (self);
      return TRUE;
    default:
      return FALSE;
    }
}

void
_atlas_timeline_add_controllers (AtlasTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
