/* atlas-participation.h: each event's own actors, in the order the events list shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-id-index.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Read once per store and shared, never changed: a writer of events or actors makes the
 * store read a new one (atlas_query_forget_participation()), and those who hold this one
 * keep it whole. */
typedef struct _AtlasEventActors
{
  GArray    *event_ids;  /* gint64, ascending: the events that have actors */
  GArray    *starts;     /* guint, one more than event_ids: event i has actors[starts[i]]
                          * up to actors[starts[i + 1]] */
  GArray    *actors;     /* guint, an index into actor_ids; each event's in the order shown */
  GArray    *actor_ids;  /* gint64: the actors in the order shown, states first, then by name */
  GPtrArray *names;      /* char *: their names, in the same order */
  guint      most;       /* the most actors an event has */
  AtlasIdIndex rows;     /* event id -> its index in event_ids */
} AtlasEventActors;

AtlasEventActors *atlas_query_ref_event_actors (AtlasStore        *store,
                                                GError           **error);
AtlasEventActors *atlas_event_actors_ref       (AtlasEventActors  *self);
void              atlas_event_actors_unref     (AtlasEventActors  *self);
guint             atlas_event_actors_find      (AtlasEventActors  *self,
                                                gint64             event_id);
const char       *atlas_event_actors_get_name  (AtlasEventActors  *self,
                                                gint64             actor_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEventActors, atlas_event_actors_unref)

G_END_DECLS
