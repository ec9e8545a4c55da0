/* atlas-legend.h: the key to what the map shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-map-painter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LEGEND (atlas_legend_get_type ())
G_DECLARE_FINAL_TYPE (AtlasLegend, atlas_legend, ATLAS, LEGEND, GtkWidget)

GtkWidget        *atlas_legend_new       (void);
void              atlas_legend_set_flags (AtlasLegend      *self,
                                          AtlasLegendFlags  flags);
AtlasLegendFlags  atlas_legend_get_flags (AtlasLegend      *self);

G_END_DECLS
