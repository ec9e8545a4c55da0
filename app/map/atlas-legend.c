/* atlas-legend.c: the key to what the map shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn by the same painter as an export's legend; it lists only what the map drew last.
 */

#define G_LOG_DOMAIN "atlas-legend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-legend.h"

struct _AtlasLegend
{
  GtkWidget        parent_instance;

  AtlasLegendFlags flags;
};

G_DEFINE_FINAL_TYPE (AtlasLegend, atlas_legend, GTK_TYPE_WIDGET)

static gboolean
is_dark (GtkWidget *widget)
{
  GdkRGBA color;

  /* Light text means a dark style, whatever the theme is called. */
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  return (color.red + color.green + color.blue) / 3 > 0.5;
}

static void
atlas_legend_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  AtlasLegend *self = ATLAS_LEGEND (widget);
  double width, height;

  atlas_legend_painter_paint (NULL, self->flags, FALSE, &width, &height);
  *minimum = *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
atlas_legend_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  AtlasLegend *self = ATLAS_LEGEND (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean dark = is_dark (widget);
  double w, h;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_legend_painter_paint (cr, self->flags, dark, &w, &h);
  cairo_destroy (cr);
}

static void
atlas_legend_class_init (AtlasLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = atlas_legend_measure;
  widget_class->snapshot = atlas_legend_snapshot;
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_legend_init (AtlasLegend *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map legend"), -1);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
atlas_legend_new (void)
{
  return g_object_new (ATLAS_TYPE_LEGEND, NULL);
}

void
atlas_legend_set_flags (AtlasLegend      *self,
                        AtlasLegendFlags  flags)
{
  g_return_if_fail (ATLAS_IS_LEGEND (self));

  if (self->flags == flags)
    return;

  self->flags = flags;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

AtlasLegendFlags
atlas_legend_get_flags (AtlasLegend *self)
{
  g_return_val_if_fail (ATLAS_IS_LEGEND (self), 0);

  return self->flags;
}
