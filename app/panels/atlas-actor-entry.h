/* atlas-actor-entry.h: one row of the actors list, a group heading or an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-actor.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACTOR_ENTRY (atlas_actor_entry_get_type ())
G_DECLARE_FINAL_TYPE (AtlasActorEntry, atlas_actor_entry, ATLAS, ACTOR_ENTRY, GObject)

AtlasActorEntry *atlas_actor_entry_new_heading (const char      *heading);
AtlasActorEntry *atlas_actor_entry_new         (AtlasActor      *actor);
AtlasActor      *atlas_actor_entry_get_actor   (AtlasActorEntry *self);
void             atlas_actor_entry_set_count   (AtlasActorEntry *self,
                                                const char      *count);

G_END_DECLS
