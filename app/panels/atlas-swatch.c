/* atlas-swatch.c: a small disc of an actor's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-swatch"

#include "config.h"

#include "atlas-swatch.h"

#define SWATCH_SIZE 12

struct _AtlasSwatch
{
  GtkWidget parent_instance;

  GdkRGBA   color;
  gboolean  has_color;
};

G_DEFINE_FINAL_TYPE (AtlasSwatch, atlas_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_swatch_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  AtlasSwatch *self = ATLAS_SWATCH (widget);
  GskRoundedRect disc;
  GdkRGBA outline = { 0, 0, 0, 0.25 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA outlines[4] = { outline, outline, outline, outline };
  GdkRGBA fill = self->color;

  if (!self->has_color)
    fill = (GdkRGBA) { 0.6, 0.6, 0.6, 0.5 };

  gsk_rounded_rect_init_from_rect (&disc, &GRAPHENE_RECT_INIT (0, 0, SWATCH_SIZE, SWATCH_SIZE),
                                   SWATCH_SIZE / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, &fill, &disc.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &disc, widths, outlines);
}

static void
atlas_swatch_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
atlas_swatch_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COLOR:
      atlas_swatch_set_color (ATLAS_SWATCH (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_swatch_class_init (AtlasSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = atlas_swatch_set_property;

  /* "#rrggbb", or NULL for a neutral grey; written only, for bindings in list rows. */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->snapshot = atlas_swatch_snapshot;
  widget_class->measure = atlas_swatch_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
atlas_swatch_init (AtlasSwatch *self)
{
}

GtkWidget *
atlas_swatch_new (void)
{
  return g_object_new (ATLAS_TYPE_SWATCH, NULL);
}

/* @color: "#rrggbb", or %NULL for a neutral grey */
void
atlas_swatch_set_color (AtlasSwatch *self,
                        const char  *color)
{
  g_return_if_fail (ATLAS_IS_SWATCH (self));

  self->has_color = color != NULL && gdk_rgba_parse (&self->color, color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
