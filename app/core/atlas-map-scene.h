/* atlas-map-scene.h: what the map shows of a session, for the screen and for exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-features.h"
#include "atlas-geo.h"
#include "atlas-session.h"

G_BEGIN_DECLS

GArray *atlas_map_scene_event_places (AtlasSession  *session,
                                      GError       **error);
GArray *atlas_map_scene_glyphs       (AtlasSession  *session,
                                      AtlasFeatures *features,
                                      GArray        *event_places,
                                      AtlasBox      *selected_box);

G_END_DECLS
