/* atlas-map-scene.c: what the map shows of a session, for the screen and for exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map panel and the exports build their event glyphs here, so an exported map shows
 * what the screen shows.
 */

#define G_LOG_DOMAIN "atlas-map-scene"

#include "config.h"

#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-query.h"

/* The ids of the events the selection stands for: an event, or an actor's events. */
static GHashTable *
selected_events (AtlasSession *session)
{
  const AtlasItem *selection = atlas_session_get_selection (session);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (selection->kind == ATLAS_ITEM_EVENT)
    g_hash_table_add (ids, g_memdup2 (&selection->id, sizeof (gint64)));
  else if (selection->kind == ATLAS_ITEM_ACTOR)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GArray) events = NULL;

      atlas_filter_add_actor (filter, selection->id);
      events = atlas_query_events (atlas_session_get_store (session), filter, NULL);
      for (guint i = 0; events != NULL && i < events->len; i++)
        g_hash_table_add (ids, g_memdup2 (&g_array_index (events, gint64, i), sizeof (gint64)));
    }

  return ids;
}

/**
 * atlas_map_scene_event_places:
 *
 * Returns: (transfer full) (element-type AtlasEventPlace): where the session's filtered
 *   events happened, up to its date, by place
 */
GArray *
atlas_map_scene_event_places (AtlasSession  *session,
                              GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  return atlas_query_event_places (atlas_session_get_store (session), atlas_session_get_filter (session),
                                   atlas_session_get_date (session), error);
}

/**
 * atlas_map_scene_glyphs:
 * @event_places: (element-type AtlasEventPlace): from atlas_map_scene_event_places()
 * @selected_box: (out) (optional): where the selection's events are, unit Mercator
 *
 * Gathers the events by place into glyphs, marking those the selection stands for.
 *
 * Returns: (transfer full) (element-type AtlasEventGlyph): one glyph per place
 */
GArray *
atlas_map_scene_glyphs (AtlasSession  *session,
                        AtlasFeatures *features,
                        GArray        *event_places,
                        AtlasBox      *selected_box)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (AtlasEventGlyph));
  g_autoptr(GHashTable) selected = selected_events (session);
  AtlasBox box;

  atlas_geo_box_init (&box);
  for (guint i = 0; event_places != NULL && i < event_places->len; i++)
    {
      const AtlasEventPlace *pair = &g_array_index (event_places, AtlasEventPlace, i);
      AtlasEventGlyph *last = glyphs->len ? &g_array_index (glyphs, AtlasEventGlyph, glyphs->len - 1)
                                          : NULL;
      gboolean is_selected = g_hash_table_contains (selected, &pair->event_id);
      const AtlasPlaceMark *place = atlas_features_find_place (features, pair->place_id);

      if (place == NULL)
        continue;
      if (is_selected)
        atlas_geo_box_add (&box, place->point);

      if (last != NULL && last->place_id == pair->place_id)
        {
          last->count++;
          last->selected |= is_selected;
        }
      else
        {
          AtlasEventGlyph glyph = { place->point, pair->place_id, pair->event_id, 1, is_selected };

          g_array_append_val (glyphs, glyph);
        }
    }

  if (selected_box != NULL)
    *selected_box = box;
  return glyphs;
}
