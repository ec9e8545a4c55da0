/* atlas-map-panel.h: the map of the region, following the session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-export.h"
#include "atlas-feature-layer.h"
#include "atlas-panel.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_PANEL (atlas_map_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasMapPanel, atlas_map_panel, ATLAS, MAP_PANEL, AtlasPanel)

ShumateViewport   *atlas_map_panel_get_viewport      (AtlasMapPanel *self);
AtlasFeatureLayer *atlas_map_panel_get_feature_layer (AtlasMapPanel *self);
void               atlas_map_panel_show_region       (AtlasMapPanel *self);
void               atlas_map_panel_focus_map         (AtlasMapPanel *self);
void               atlas_map_panel_set_online        (AtlasMapPanel *self,
                                                      gboolean       online);
gboolean           atlas_map_panel_get_online        (AtlasMapPanel *self);
gboolean           atlas_map_panel_get_export_options (AtlasMapPanel     *self,
                                                       AtlasExportOptions *options,
                                                       GError            **error);
AtlasFeatures     *atlas_map_panel_get_features      (AtlasMapPanel      *self);
gboolean           atlas_map_panel_export            (AtlasMapPanel      *self,
                                                      const char         *path,
                                                      AtlasExportFormat   format,
                                                      GError            **error);
gboolean           atlas_map_panel_copy              (AtlasMapPanel      *self,
                                                      GError            **error);

G_END_DECLS
