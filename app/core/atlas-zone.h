/* atlas-zone.h: an exclave, a peacekeeping zone or another area, valid between two dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ZONE (atlas_zone_get_type ())
G_DECLARE_FINAL_TYPE (AtlasZone, atlas_zone, ATLAS, ZONE, AtlasRecord)

AtlasZone  *atlas_zone_load            (AtlasStore  *store,
                                        gint64       id,
                                        GError     **error);
AtlasZone  *atlas_zone_new_unreadable  (gint64       id,
                                        const char  *reason);
const char *atlas_zone_get_kind        (AtlasZone *self);
const char *atlas_zone_get_kind_label  (AtlasZone *self);
const char *atlas_zone_get_name        (AtlasZone *self);
const char *atlas_zone_get_valid_from  (AtlasZone *self);
const char *atlas_zone_get_valid_to    (AtlasZone *self);
gboolean    atlas_zone_get_approximate (AtlasZone *self);
const char *atlas_zone_get_description (AtlasZone *self);

G_END_DECLS
