/* atlas-place.h: a town, port, crossing, region or site, at a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE (atlas_place_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPlace, atlas_place, ATLAS, PLACE, AtlasRecord)

AtlasPlace *atlas_place_load            (AtlasStore  *store,
                                         gint64       id,
                                         GError     **error);
AtlasPlace *atlas_place_new_unreadable  (gint64       id,
                                         const char  *reason);
const char *atlas_place_get_kind        (AtlasPlace *self);
const char *atlas_place_get_kind_label  (AtlasPlace *self);
const char *atlas_place_get_name        (AtlasPlace *self);
double      atlas_place_get_latitude    (AtlasPlace *self);
double      atlas_place_get_longitude   (AtlasPlace *self);
gboolean    atlas_place_get_approximate (AtlasPlace *self);
const char *atlas_place_get_description (AtlasPlace *self);
gint64      atlas_place_get_country_id  (AtlasPlace *self);
const char *atlas_place_get_country     (AtlasPlace *self);

G_END_DECLS
