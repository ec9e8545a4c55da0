/* atlas-tile-source.h: map tiles painted from the bundled basemap, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-basemap.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TILE_SOURCE (atlas_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, ATLAS, TILE_SOURCE, ShumateMapSource)

AtlasTileSource *atlas_tile_source_new          (AtlasBasemap    *basemap,
                                                 gboolean         dark);
GdkTexture      *atlas_tile_source_paint_tile   (AtlasTileSource *self,
                                                 guint            x,
                                                 guint            y,
                                                 guint            zoom,
                                                 int              scale);

G_END_DECLS
