/* atlas-corridor.h: a rail, road, pipeline or multimodal route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CORRIDOR (atlas_corridor_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCorridor, atlas_corridor, ATLAS, CORRIDOR, AtlasRecord)

AtlasCorridor *atlas_corridor_load            (AtlasStore  *store,
                                               gint64       id,
                                               GError     **error);
AtlasCorridor *atlas_corridor_new_unreadable  (gint64       id,
                                               const char  *reason);
const char    *atlas_corridor_get_kind        (AtlasCorridor *self);
const char    *atlas_corridor_get_kind_label  (AtlasCorridor *self);
const char    *atlas_corridor_get_name        (AtlasCorridor *self);
gboolean       atlas_corridor_get_approximate (AtlasCorridor *self);
const char    *atlas_corridor_get_description (AtlasCorridor *self);

G_END_DECLS
