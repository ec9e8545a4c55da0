/* atlas-legend-painter.h: the key to what a painted map view showed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-features.h"

G_BEGIN_DECLS

/* What a painted view showed, so a legend can explain just that. */
typedef enum
{
  ATLAS_LEGEND_RAIL               = 1 << 0,
  ATLAS_LEGEND_ROAD               = 1 << 1,
  ATLAS_LEGEND_OIL_PIPELINE       = 1 << 2,
  ATLAS_LEGEND_GAS_PIPELINE       = 1 << 3,
  ATLAS_LEGEND_MULTIMODAL         = 1 << 4,
  ATLAS_LEGEND_PROPOSED           = 1 << 5,
  ATLAS_LEGEND_AGREED             = 1 << 6,
  ATLAS_LEGEND_UNDER_CONSTRUCTION = 1 << 7,
  ATLAS_LEGEND_OPERATIONAL        = 1 << 8,
  ATLAS_LEGEND_SUSPENDED          = 1 << 9,
  ATLAS_LEGEND_STATUS_NOT_KNOWN   = 1 << 10,
  ATLAS_LEGEND_EXCLAVE            = 1 << 11,
  ATLAS_LEGEND_PEACEKEEPING       = 1 << 12,
  ATLAS_LEGEND_OTHER_ZONE         = 1 << 13,
  ATLAS_LEGEND_EVENTS             = 1 << 14,
  ATLAS_LEGEND_PLACES             = 1 << 15,
  ATLAS_LEGEND_PROVINCES          = 1 << 16,
  ATLAS_LEGEND_SELECTED           = 1 << 17,
  ATLAS_LEGEND_EVENTS_RECENT      = 1 << 18,  /* with the events as of the date */
  ATLAS_LEGEND_EVENTS_EARLIER     = 1 << 19,
} AtlasLegendFlags;

AtlasLegendFlags atlas_legend_flag_for_corridor (const char       *kind,
                                                 AtlasStatus       status);
AtlasLegendFlags atlas_legend_flag_for_zone     (const char       *kind);
void             atlas_legend_painter_paint     (cairo_t          *cr,
                                                 AtlasLegendFlags  flags,
                                                 gboolean          dark,
                                                 double           *width,
                                                 double           *height);

G_END_DECLS
