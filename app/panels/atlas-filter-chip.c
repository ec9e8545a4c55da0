/* atlas-filter-chip.c: one criterion of the filter, as a button that takes it away
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chip only shows the criterion; what clicking it takes away is its owner's business
 * (the timeline panel keeps that beside it as object data).
 */

#define G_LOG_DOMAIN "atlas-filter-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-filter-chip.h"

struct _AtlasFilterChip
{
  GtkButton  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (AtlasFilterChip, atlas_filter_chip, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (AtlasFilterChip *self,
          const char      *text)
{
  g_autofree char *accessible = g_strdup_printf (_("Remove the filter %s"), text ? text : "");

  gtk_label_set_text (self->label, text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
atlas_filter_chip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, atlas_filter_chip_get_text (ATLAS_FILTER_CHIP (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_chip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      set_text (ATLAS_FILTER_CHIP (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_filter_chip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_FILTER_CHIP);

  G_OBJECT_CLASS (atlas_filter_chip_parent_class)->dispose (object);
}

static void
atlas_filter_chip_class_init (AtlasFilterChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_chip_dispose;
  object_class->get_property = atlas_filter_chip_get_property;
  object_class->set_property = atlas_filter_chip_set_property;

  /* What the criterion is, in words: "2020 – 2024", "Armenia", "Summits". */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-filter-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterChip, label);
}

static void
atlas_filter_chip_init (AtlasFilterChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_filter_chip_new (const char *text)
{
  return g_object_new (ATLAS_TYPE_FILTER_CHIP, "text", text, NULL);
}

const char *
atlas_filter_chip_get_text (AtlasFilterChip *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER_CHIP (self), NULL);

  return gtk_label_get_text (self->label);
}
