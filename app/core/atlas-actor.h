/* atlas-actor.h: a state, person, organisation, alliance or company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACTOR (atlas_actor_get_type ())
G_DECLARE_FINAL_TYPE (AtlasActor, atlas_actor, ATLAS, ACTOR, AtlasRecord)

AtlasActor *atlas_actor_load               (AtlasStore  *store,
                                            gint64       id,
                                            GError     **error);
AtlasActor *atlas_actor_new_unreadable     (gint64       id,
                                            const char  *reason);
gint64      atlas_actor_get_id             (AtlasActor  *self);
const char *atlas_actor_get_key            (AtlasActor  *self);
const char *atlas_actor_get_kind           (AtlasActor  *self);
const char *atlas_actor_get_kind_label     (AtlasActor  *self);
const char *atlas_actor_get_name           (AtlasActor  *self);
const char *atlas_actor_get_role           (AtlasActor  *self);
const char *atlas_actor_get_color          (AtlasActor  *self);
const char *atlas_actor_get_description    (AtlasActor  *self);
gint64      atlas_actor_get_affiliation_id (AtlasActor  *self);
const char *atlas_actor_get_affiliation    (AtlasActor  *self);

const char *atlas_actor_kind_label         (const char  *kind);
const char *atlas_actor_kind_plural        (const char  *kind);

G_END_DECLS
