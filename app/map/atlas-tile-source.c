/* atlas-tile-source.c: map tiles painted from the bundled basemap, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Debian 12's libshumate has no vector renderer, so tiles are painted here with the shared
 * cairo painter from the bundled outlines: about a millisecond a tile, and panning costs
 * the same whatever the number of vertices.
 */

#define G_LOG_DOMAIN "atlas-tile-source"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-painter.h"
#include "atlas-tile-source.h"

#define TILE_SIZE 256

struct _AtlasTileSource
{
  ShumateMapSource  parent_instance;

  AtlasBasemap     *basemap;
  gboolean          dark;
};

G_DEFINE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  TILE_FILLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * atlas_tile_source_paint_tile:
 * @scale: the display's scale factor: 2 paints 512 px for a 256 px tile
 *
 * Returns: (transfer full): the tile (@x, @y) at @zoom as a texture
 */
GdkTexture *
atlas_tile_source_paint_tile (AtlasTileSource *self,
                              guint            x,
                              guint            y,
                              guint            zoom,
                              int              scale)
{
  AtlasView view = { zoom, x * TILE_SIZE, y * TILE_SIZE, TILE_SIZE, TILE_SIZE, self->dark };
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size = TILE_SIZE * MAX (scale, 1);
  GdkTexture *texture;

  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, MAX (scale, 1), MAX (scale, 1));
  atlas_painter_paint_basemap (cr, self->basemap, &view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CAIRO_FORMAT_ARGB32 is premultiplied BGRA in memory on little-endian machines, which
   * is GDK_MEMORY_DEFAULT. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  return texture;
}

static void
atlas_tile_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GdkTexture) texture = NULL;

  g_task_set_source_tag (task, atlas_tile_source_fill_tile_async);
  texture = atlas_tile_source_paint_tile (self, shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                                          shumate_tile_get_zoom_level (tile), 1);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_signal_emit (self, signals[TILE_FILLED], 0, shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                 shumate_tile_get_zoom_level (tile));
  g_task_return_boolean (task, TRUE);
}

static gboolean
atlas_tile_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_tile_source_dispose (GObject *object)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->dispose (object);
}

static void
atlas_tile_source_class_init (AtlasTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->dispose = atlas_tile_source_dispose;
  source_class->fill_tile_async = atlas_tile_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_tile_source_fill_tile_finish;

  /* A tile (x, y, zoom) of a map has its picture: what the start-up probe
   * (atlas-bench-probe.c) waits for to know when the map shows its tiles. */
  signals[TILE_FILLED] =
    g_signal_new ("tile-filled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
atlas_tile_source_init (AtlasTileSource *self)
{
}

AtlasTileSource *
atlas_tile_source_new (AtlasBasemap *basemap,
                       gboolean      dark)
{
  AtlasTileSource *self;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);

  self = g_object_new (ATLAS_TYPE_TILE_SOURCE,
                       "id", dark ? "caucasus-atlas-dark" : "caucasus-atlas",
                       "name", _("Caucasus Atlas basemap"),
                       "license", _("Borders: Natural Earth (public domain)"),
                       "license-uri", "https://www.naturalearthdata.com/about/terms-of-use/",
                       "min-zoom-level", 2,
                       "max-zoom-level", 13,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->basemap = g_object_ref (basemap);
  self->dark = dark;
  return self;
}
