/* atlas-feature-layer.c: corridors, zones, places and events over the basemap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layer draws every family with the shared painter, instead of a widget per marker or
 * a ShumatePathLayer per corridor, both of which cost far more per frame.
 */

#define G_LOG_DOMAIN "atlas-feature-layer"

#include "config.h"

#include <math.h>

#include "atlas-basemap.h"
#include "atlas-feature-layer.h"

struct _AtlasFeatureLayer
{
  ShumateLayer   parent_instance;

  AtlasMapState     state;     /* state.events holds the clustered glyphs */
  GArray           *glyphs;    /* one per place, as set */
  GHashTable       *clusters;  /* half zoom level -> GArray of clustered glyphs */
  char             *target_name;
  gboolean          dark;
  char             *day;
  AtlasLegendFlags  drawn;
};

/* Clusters change by half zoom levels and are kept for each, so zooming back and forth
 * costs nothing after the first time. */
static void
ensure_clusters (AtlasFeatureLayer *self,
                 double             zoom)
{
  int bucket = (int) round (zoom * 2);
  GArray *clusters = g_hash_table_lookup (self->clusters, GINT_TO_POINTER (bucket));

  if (clusters == NULL)
    {
      clusters = atlas_map_painter_cluster (self->glyphs, bucket / 2.0);
      g_hash_table_insert (self->clusters, GINT_TO_POINTER (bucket), clusters);
    }

  self->state.events = clusters;
}

G_DEFINE_FINAL_TYPE (AtlasFeatureLayer, atlas_feature_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_DRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tells the legend what the last frame showed, outside the frame itself. */
static gboolean
notify_drawn (gpointer user_data)
{
  g_object_notify_by_pspec (G_OBJECT (user_data), properties[PROP_DRAWN]);
  return G_SOURCE_REMOVE;
}

/* The view the layer shows, in map pixels, from the viewport's centre and zoom. */
void
atlas_feature_layer_get_view (AtlasFeatureLayer *self,
                              AtlasView         *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  AtlasPoint centre = atlas_geo_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  double size = atlas_geo_world_size (zoom);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  *view = (AtlasView) {
    .zoom = zoom,
    .x = centre.x * size - width / 2.0,
    .y = centre.y * size - height / 2.0,
    .width = width,
    .height = height,
    .dark = self->dark,
  };
}

static void
atlas_feature_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasFeatureLayer *self = ATLAS_FEATURE_LAYER (widget);
  AtlasView view;
  cairo_t *cr;

  if (self->state.features == NULL)
    return;

  atlas_feature_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;
  ensure_clusters (self, view.zoom);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  {
    AtlasLegendFlags before = self->drawn;

    atlas_map_painter_paint (cr, &view, &self->state, &self->drawn);
    if (self->drawn != before)
      g_idle_add_full (G_PRIORITY_DEFAULT, notify_drawn, g_object_ref (self), g_object_unref);
  }
  cairo_destroy (cr);
}

static void
queue_draw (AtlasFeatureLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_feature_layer_constructed (GObject *object)
{
  AtlasFeatureLayer *self = ATLAS_FEATURE_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (atlas_feature_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (queue_draw), self, G_CONNECT_SWAPPED);
}

static void
atlas_feature_layer_dispose (GObject *object)
{
  AtlasFeatureLayer *self = ATLAS_FEATURE_LAYER (object);

  g_clear_object (&self->state.features);
  self->state.events = NULL;
  g_clear_pointer (&self->clusters, g_hash_table_unref);
  g_clear_pointer (&self->glyphs, g_array_unref);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->target_name, g_free);

  G_OBJECT_CLASS (atlas_feature_layer_parent_class)->dispose (object);
}

static void
atlas_feature_layer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasFeatureLayer *self = ATLAS_FEATURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_DRAWN:
      g_value_set_uint (value, self->drawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_feature_layer_class_init (AtlasFeatureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = atlas_feature_layer_get_property;
  object_class->constructed = atlas_feature_layer_constructed;
  object_class->dispose = atlas_feature_layer_dispose;
  widget_class->snapshot = atlas_feature_layer_snapshot;

  /* The AtlasLegendFlags of what the last frame showed. */
  properties[PROP_DRAWN] =
    g_param_spec_uint ("drawn", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_feature_layer_init (AtlasFeatureLayer *self)
{
  self->clusters = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
}

AtlasFeatureLayer *
atlas_feature_layer_new (ShumateViewport *viewport,
                         AtlasFeatures   *features)
{
  AtlasFeatureLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (ATLAS_IS_FEATURES (features), NULL);

  self = g_object_new (ATLAS_TYPE_FEATURE_LAYER, "viewport", viewport, NULL);
  self->state.features = g_object_ref (features);
  self->state.basemap = atlas_basemap_get_bundled ();
  return self;
}

/* @day: "YYYY-MM-DD", or %NULL for today */
void
atlas_feature_layer_set_day (AtlasFeatureLayer *self,
                             const char        *day)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  g_free (self->day);
  self->day = g_strdup (day);
  self->state.day = self->day;
  queue_draw (self);
}

/* @glyphs: (transfer none) (element-type AtlasEventGlyph) */
void
atlas_feature_layer_set_events (AtlasFeatureLayer *self,
                                GArray            *glyphs)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  g_clear_pointer (&self->glyphs, g_array_unref);
  self->state.events = NULL;
  g_hash_table_remove_all (self->clusters);
  self->glyphs = glyphs ? g_array_ref (glyphs) : NULL;
  queue_draw (self);
}

void
atlas_feature_layer_set_selection (AtlasFeatureLayer *self,
                                   const AtlasItem   *selection)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  self->state.selection = selection ? *selection : (AtlasItem) { ATLAS_ITEM_NONE, 0 };
  queue_draw (self);
}

/**
 * atlas_feature_layer_set_target:
 * @target: (nullable): where the selection is, or %NULL when it has no place on the map
 * @name: (nullable): what to call it beside the edge marker
 */
void
atlas_feature_layer_set_target (AtlasFeatureLayer *self,
                                const AtlasPoint  *target,
                                const char        *name)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  self->state.has_target = target != NULL;
  if (target != NULL)
    self->state.target = *target;
  g_free (self->target_name);
  self->target_name = g_strdup (name);
  self->state.target_name = self->target_name;
  queue_draw (self);
}

void
atlas_feature_layer_set_dark (AtlasFeatureLayer *self,
                              gboolean           dark)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  self->dark = dark;
  queue_draw (self);
}

/* What a click at (@x, @y), in the layer's own coordinates, lands on. */
AtlasLegendFlags
atlas_feature_layer_get_drawn (AtlasFeatureLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_LAYER (self), 0);

  return self->drawn;
}

AtlasItem
atlas_feature_layer_hit (AtlasFeatureLayer *self,
                         double             x,
                         double             y,
                         gboolean          *cluster)
{
  AtlasView view;

  g_return_val_if_fail (ATLAS_IS_FEATURE_LAYER (self), (AtlasItem) { 0 });

  atlas_feature_layer_get_view (self, &view);
  ensure_clusters (self, view.zoom);
  return atlas_map_painter_hit (&view, &self->state, atlas_basemap_get_bundled (), x, y, cluster);
}
