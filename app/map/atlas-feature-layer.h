/* atlas-feature-layer.h: corridors, zones, places and events over the basemap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-map-painter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FEATURE_LAYER (atlas_feature_layer_get_type ())
G_DECLARE_FINAL_TYPE (AtlasFeatureLayer, atlas_feature_layer, ATLAS, FEATURE_LAYER, ShumateLayer)

AtlasFeatureLayer *atlas_feature_layer_new         (ShumateViewport   *viewport,
                                                    AtlasFeatures     *features);
void               atlas_feature_layer_set_day     (AtlasFeatureLayer *self,
                                                    const char        *day);
void               atlas_feature_layer_set_events  (AtlasFeatureLayer *self,
                                                    GArray            *glyphs);
GArray            *atlas_feature_layer_get_events  (AtlasFeatureLayer *self);
void               atlas_feature_layer_set_selection (AtlasFeatureLayer *self,
                                                    const AtlasItem   *selection);
void               atlas_feature_layer_get_view    (AtlasFeatureLayer *self,
                                                    AtlasView         *view);
void               atlas_feature_layer_set_target  (AtlasFeatureLayer *self,
                                                    const AtlasPoint  *target,
                                                    const char        *name);
void               atlas_feature_layer_set_place_names (AtlasFeatureLayer *self,
                                                        AtlasPlaceNames    names);
GArray            *atlas_feature_layer_place_labels (AtlasFeatureLayer *self);
void               atlas_feature_layer_set_dark    (AtlasFeatureLayer *self,
                                                    gboolean           dark);
AtlasLegendFlags   atlas_feature_layer_get_drawn   (AtlasFeatureLayer *self);
AtlasItem          atlas_feature_layer_hit         (AtlasFeatureLayer *self,
                                                    double             x,
                                                    double             y,
                                                    gboolean          *cluster);

G_END_DECLS
