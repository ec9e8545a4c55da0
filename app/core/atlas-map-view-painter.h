/* atlas-map-view-painter.h: one view of the map, as exports and sheets show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-features.h"
#include "atlas-map-painter.h"
#include "atlas-session.h"

G_BEGIN_DECLS

/* What part of the world a view shows, and how. */
typedef struct
{
  double   latitude;     /* the centre */
  double   longitude;
  double   zoom;
  double   width;        /* in logical pixels */
  double   height;
  gboolean dark;         /* the map's dark style */
  gboolean legend_card;  /* the legend on the map, when there is room */
  gboolean scale_bar;    /* the bottom-left corner kept clear of names, for a scale bar */
} AtlasMapViewFrame;

gboolean atlas_map_view_painter_paint (cairo_t                  *cr,
                                       AtlasSession             *session,
                                       AtlasFeatures            *features,
                                       const AtlasMapViewFrame  *frame,
                                       AtlasLegendFlags         *drawn,
                                       GError                  **error);

G_END_DECLS
