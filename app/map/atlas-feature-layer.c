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
#include "atlas-map-hit.h"
#include "atlas-tile-cache.h"

/* The shapes are painted in tiles at whole zoom levels and kept, like the basemap's, and
 * scaled between levels; only the labels are placed afresh for each frame. Uploading one
 * window-sized picture every frame cost more than all the painting. */
#define TILE_SIZE   256
#define TILE_MARGIN 48.0   /* glyphs and casings that spill over from the next tile */
/* The tiles kept: a window's worth many times over at zoom levels either side, and a
 * bound on the memory they take, pictures and their copies for drawing counted. */
#define TILE_CACHE_BYTES (64 * 1024 * 1024)

struct _AtlasFeatureLayer
{
  ShumateLayer   parent_instance;

  AtlasMapState     state;     /* state.events holds the clustered glyphs */
  GArray           *glyphs;    /* one per place, as set */
  GHashTable       *clusters;  /* half zoom level -> GArray of clustered glyphs */
  char             *target_name;
  gboolean          dark;
  AtlasTileCache   *tiles;      /* tile key -> GdkTexture of the shapes, or NULL for none */
  int               tile_scale; /* the scale factor the tiles were painted at */
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
      clusters = atlas_event_glyph_cluster (self->glyphs, bucket / 2.0);
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

static cairo_user_data_key_t texture_key;

/* The texture of a label's surface, made once and kept with the surface. */
static GdkTexture *
surface_texture (cairo_surface_t *surface)
{
  GdkTexture *texture = cairo_surface_get_user_data (surface, &texture_key);

  if (texture == NULL)
    {
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      int stride = cairo_image_surface_get_stride (surface);
      g_autoptr(GBytes) bytes = NULL;

      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
      cairo_surface_set_user_data (surface, &texture_key, texture, g_object_unref);
    }

  return texture;
}

/* The shapes of one tile, or %NULL when there are none. */
static GdkTexture *
paint_tile (AtlasFeatureLayer *self,
            int                zoom,
            gint64             tx,
            gint64             ty)
{
  AtlasView view = { zoom, tx * TILE_SIZE, ty * TILE_SIZE, TILE_SIZE, TILE_SIZE, self->dark };
  int size = TILE_SIZE * self->tile_scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr = cairo_create (surface);

  AtlasLegendFlags drawn = 0;

  cairo_scale (cr, self->tile_scale, self->tile_scale);
  atlas_map_painter_paint_parts (cr, &view, &self->state, ATLAS_PAINT_SHAPES, TILE_MARGIN, NULL, &drawn);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* An empty tile is remembered as such and costs nothing to draw. */
  if ((drawn & ~ATLAS_LEGEND_PROVINCES) == 0)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/* What a tile keeps in memory: its cairo surface, which the texture holds, and the copy
 * a GL renderer makes to draw it. */
static gsize
tile_bytes (GdkTexture *tile)
{
  gsize pixels;

  if (tile == NULL)
    return ATLAS_TILE_CACHE_ENTRY_BYTES;
  pixels = (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (tile)) *
           gdk_texture_get_height (tile);
  return 2 * pixels;
}

static void
forget_tiles (AtlasFeatureLayer *self)
{
  atlas_tile_cache_clear (self->tiles);
}

static void
atlas_feature_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasFeatureLayer *self = ATLAS_FEATURE_LAYER (widget);
  g_autoptr(GArray) blits = NULL;
  AtlasLegendFlags before = self->drawn;
  cairo_surface_t *scratch;
  AtlasView view;
  double factor, x0, y0;
  gint64 last;
  int zoom, scale;
  cairo_t *cr;

  if (self->state.features == NULL)
    return;

  atlas_feature_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  scale = gtk_widget_get_scale_factor (widget);
  if (scale != self->tile_scale)
    {
      forget_tiles (self);
      self->tile_scale = scale;
    }

  /* Shapes: the tiles of the nearest whole zoom, scaled to the view's. */
  zoom = (int) round (view.zoom);
  factor = exp2 (view.zoom - zoom);
  x0 = view.x / factor;
  y0 = view.y / factor;
  last = (gint64) exp2 (zoom) - 1;
  ensure_clusters (self, zoom);
  for (gint64 tx = MAX (0, (gint64) floor (x0 / TILE_SIZE));
       tx <= MIN (last, (gint64) floor ((x0 + view.width / factor) / TILE_SIZE)); tx++)
    for (gint64 ty = MAX (0, (gint64) floor (y0 / TILE_SIZE));
         ty <= MIN (last, (gint64) floor ((y0 + view.height / factor) / TILE_SIZE)); ty++)
      {
        gint64 key = ((gint64) zoom << 56) | (tx << 28) | ty;
        gpointer tile = NULL;

        if (!atlas_tile_cache_lookup (self->tiles, key, &tile))
          {
            tile = paint_tile (self, zoom, tx, ty);
            atlas_tile_cache_insert (self->tiles, key, tile, tile_bytes (tile));
          }
        if (tile == NULL)
          continue;
        gtk_snapshot_append_texture (snapshot, tile,
                                     &GRAPHENE_RECT_INIT ((tx * TILE_SIZE - x0) * factor,
                                                          (ty * TILE_SIZE - y0) * factor,
                                                          TILE_SIZE * factor, TILE_SIZE * factor));
      }

  /* Labels: placed for this view, copied from textures made once per label. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  cairo_scale (cr, scale, scale);
  blits = atlas_blits_new ();
  atlas_map_painter_paint_parts (cr, &view, &self->state, ATLAS_PAINT_LABELS, 0, blits, &self->drawn);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  for (guint i = 0; i < blits->len; i++)
    {
      const AtlasBlit *blit = &g_array_index (blits, AtlasBlit, i);

      gtk_snapshot_append_texture (snapshot, surface_texture (blit->surface),
                                   &GRAPHENE_RECT_INIT (blit->x, blit->y, blit->width, blit->height));
    }

  if (self->drawn != before)
    g_idle_add_full (G_PRIORITY_DEFAULT, notify_drawn, g_object_ref (self), g_object_unref);
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
  g_clear_object (&self->state.sprites);
  self->state.events = NULL;
  g_clear_pointer (&self->clusters, g_hash_table_unref);
  g_clear_pointer (&self->glyphs, g_array_unref);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->target_name, g_free);
  g_clear_object (&self->tiles);

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
  self->tiles = atlas_tile_cache_new (TILE_CACHE_BYTES, g_object_unref);
  self->tile_scale = 1;
  self->clusters = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  /* The same names and glyphs come back frame after frame while the map pans. */
  self->state.sprites = atlas_sprite_cache_new ();
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
  forget_tiles (self);
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
  forget_tiles (self);
  queue_draw (self);
}

/**
 * atlas_feature_layer_get_events:
 *
 * Returns: (transfer none) (nullable) (element-type AtlasEventGlyph): the glyphs last set,
 *   one per place, before clustering
 */
GArray *
atlas_feature_layer_get_events (AtlasFeatureLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_LAYER (self), NULL);

  return self->glyphs;
}

void
atlas_feature_layer_set_selection (AtlasFeatureLayer *self,
                                   const AtlasItem   *selection)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  self->state.selection = selection ? *selection : (AtlasItem) { ATLAS_ITEM_NONE, 0 };
  forget_tiles (self);
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

/* Only the labels change, and they are placed for each frame: the tiles stay. */
void
atlas_feature_layer_set_place_names (AtlasFeatureLayer *self,
                                     AtlasPlaceNames    names)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  if (self->state.place_names == names)
    return;
  self->state.place_names = names;
  queue_draw (self);
}

/**
 * atlas_feature_layer_place_labels:
 *
 * Returns: (transfer full) (element-type AtlasPlaced): the names the layer shows in its
 *   view and where, as atlas_map_painter_place_labels() places them
 */
GArray *
atlas_feature_layer_place_labels (AtlasFeatureLayer *self)
{
  AtlasView view;

  g_return_val_if_fail (ATLAS_IS_FEATURE_LAYER (self), NULL);

  atlas_feature_layer_get_view (self, &view);
  ensure_clusters (self, view.zoom);
  return atlas_map_painter_place_labels (&view, &self->state);
}

void
atlas_feature_layer_set_dark (AtlasFeatureLayer *self,
                              gboolean           dark)
{
  g_return_if_fail (ATLAS_IS_FEATURE_LAYER (self));

  self->dark = dark;
  forget_tiles (self);
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
  return atlas_map_hit (&view, &self->state, atlas_basemap_get_bundled (), x, y, cluster);
}
