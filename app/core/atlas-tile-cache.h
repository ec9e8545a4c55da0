/* atlas-tile-cache.h: painted tiles kept within a number of bytes, the least recently used
 * going first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_TILE_CACHE (atlas_tile_cache_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTileCache, atlas_tile_cache, ATLAS, TILE_CACHE, GObject)

/* What a tile with no picture (nothing to draw there) is counted as: its entry. */
#define ATLAS_TILE_CACHE_ENTRY_BYTES 64

AtlasTileCache *atlas_tile_cache_new         (gsize           max_bytes,
                                              GDestroyNotify  free_tile);
gboolean        atlas_tile_cache_lookup      (AtlasTileCache *self,
                                              gint64          key,
                                              gpointer       *tile);
void            atlas_tile_cache_insert      (AtlasTileCache *self,
                                              gint64          key,
                                              gpointer        tile,
                                              gsize           bytes);
void            atlas_tile_cache_clear       (AtlasTileCache *self);
gsize           atlas_tile_cache_get_bytes   (AtlasTileCache *self);
gsize           atlas_tile_cache_get_max_bytes (AtlasTileCache *self);
guint           atlas_tile_cache_get_n_tiles (AtlasTileCache *self);

G_END_DECLS
