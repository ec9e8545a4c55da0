/* atlas-map-hit.h: what a click or the pointer on the map means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-painter.h"

G_BEGIN_DECLS

AtlasItem atlas_map_hit (const AtlasView     *view,
                         const AtlasMapState *state,
                         AtlasBasemap        *basemap,
                         double               x,
                         double               y,
                         gboolean            *cluster);

G_END_DECLS
