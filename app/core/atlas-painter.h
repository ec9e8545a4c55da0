/* atlas-painter.h: cairo drawing of the map, shared by the screen and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-basemap.h"

G_BEGIN_DECLS

/* The detailed outlines cover this box (lon 32..58, lat 30..50); below this zoom the
 * coarse world outlines are drawn everywhere. */
#define ATLAS_PAINTER_DETAIL_ZOOM 4.5

typedef struct
{
  double   zoom;
  double   x;       /* top-left corner, in map pixels at zoom */
  double   y;
  double   width;   /* in map pixels */
  double   height;
  gboolean dark;
} AtlasView;

void atlas_painter_paint_basemap (cairo_t         *cr,
                                  AtlasBasemap    *basemap,
                                  const AtlasView *view);
void atlas_painter_country_color (const char      *id,
                                  gboolean         dark,
                                  double          *rgb);
void atlas_painter_water_color   (gboolean         dark,
                                  double          *rgb);

G_END_DECLS
