/* atlas-panel.c: a view that lives on the session, the base of every panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Panels read and write the session and never each other. This base class owns the
 * session property, so each panel only says what to do when it gets one.
 */

#define G_LOG_DOMAIN "atlas-panel"

#include "config.h"

#include "atlas-panel.h"

typedef struct
{
  AtlasSession     *session;
  AtlasResults     *results;       /* the session's, kept to disconnect from */
  AtlasPanelUpdate  later;         /* to run once the frame in hand is drawn, or NULL */
  GdkFrameClock    *later_clock;   /* whose ::after-paint runs it */
  gulong            later_handler;
} AtlasPanelPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasPanel, atlas_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
disconnect_session (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, self);
  if (priv->results != NULL)
    g_signal_handlers_disconnect_by_data (priv->results, self);
  g_clear_object (&priv->results);
  g_clear_object (&priv->session);
}

static void
forget_later (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  if (priv->later_handler != 0)
    g_signal_handler_disconnect (priv->later_clock, priv->later_handler);
  priv->later_handler = 0;
  g_clear_object (&priv->later_clock);
  priv->later = NULL;
}

static void
atlas_panel_dispose (GObject *object)
{
  forget_later (ATLAS_PANEL (object));
  disconnect_session (ATLAS_PANEL (object));

  G_OBJECT_CLASS (atlas_panel_parent_class)->dispose (object);
}

static void
atlas_panel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasPanel *self = ATLAS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, atlas_panel_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_panel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasPanel *self = ATLAS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atlas_panel_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Off screen there is no frame to wait for: what was put off is done now. */
static void
atlas_panel_unmap (GtkWidget *widget)
{
  AtlasPanel *self = ATLAS_PANEL (widget);
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);
  AtlasPanelUpdate later = priv->later;

  forget_later (self);
  GTK_WIDGET_CLASS (atlas_panel_parent_class)->unmap (widget);
  if (later != NULL)
    later (self);
}

static void
atlas_panel_class_init (AtlasPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->unmap = atlas_panel_unmap;
  object_class->dispose = atlas_panel_dispose;
  object_class->get_property = atlas_panel_get_property;
  object_class->set_property = atlas_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_panel_init (AtlasPanel *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

AtlasSession *
atlas_panel_get_session (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_PANEL (self), NULL);

  return priv->session;
}

/* The results of the session's filter: panels read them and connect to their ::changed
 * (with the panel as the data) rather than run the filter themselves. */
AtlasResults *
atlas_panel_get_results (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_PANEL (self), NULL);

  return priv->results;
}

void
atlas_panel_set_session (AtlasPanel   *self,
                         AtlasSession *session)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  g_return_if_fail (ATLAS_IS_PANEL (self));
  g_return_if_fail (session == NULL || ATLAS_IS_SESSION (session));

  if (priv->session == session)
    return;

  forget_later (self);
  disconnect_session (self);
  priv->session = session ? g_object_ref (session) : NULL;
  priv->results = session ? g_object_ref (atlas_session_get_results (session)) : NULL;
  if (ATLAS_PANEL_GET_CLASS (self)->session_changed != NULL)
    ATLAS_PANEL_GET_CLASS (self)->session_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * atlas_panel_report_error:
 * @what: what the panel could not do, as a sentence: "Could not read the event"
 * @error: why
 *
 * Says what failed where the user sees it: in the window's banner, through the
 * "win.show-error" action, or in the log when the panel is in no window.
 */
void
atlas_panel_report_error (AtlasPanel   *self,
                          const char   *what,
                          const GError *error)
{
  g_return_if_fail (ATLAS_IS_PANEL (self));
  g_return_if_fail (what != NULL && error != NULL);

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", what, error->message))
    g_warning ("%s: %s", what, error->message);
}

static void
on_after_paint (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);
  AtlasPanelUpdate later = priv->later;

  forget_later (self);
  if (later != NULL)
    later (self);
}

/**
 * atlas_panel_update_after_frame:
 * @update: (nullable): what to do, or %NULL to do nothing after all
 *
 * Runs @update once the window has drawn the frame in hand, so that a panel whose part of a
 * change takes long lets the others show it first: a selection's details are drawn before
 * the events list and the map follow it. A later call before then replaces @update. Off
 * screen, @update runs at once.
 */
void
atlas_panel_update_after_frame (AtlasPanel       *self,
                                AtlasPanelUpdate  update)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);
  GdkFrameClock *clock;

  g_return_if_fail (ATLAS_IS_PANEL (self));

  if (update == NULL)
    {
      forget_later (self);
      return;
    }
  clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;
  if (clock == NULL)
    {
      forget_later (self);
      update (self);
      return;
    }

  priv->later = update;
  if (priv->later_handler == 0)
    {
      priv->later_clock = g_object_ref (clock);
      priv->later_handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), self);
    }
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* Whether an update waits for the next frame to be drawn. */
gboolean
atlas_panel_get_update_pending (AtlasPanel *self)
{
  AtlasPanelPrivate *priv = atlas_panel_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_PANEL (self), FALSE);

  return priv->later != NULL;
}
