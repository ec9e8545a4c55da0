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

/* Whether @event_id is one the selection stands for: the event, or one of the actor's. */
static gboolean
is_selected (const AtlasItem *selection,
             GHashTable      *actor_events,
             gint64           event_id)
{
  if (selection->kind == ATLAS_ITEM_EVENT)
    return selection->id == event_id;
  return actor_events != NULL && g_hash_table_contains (actor_events, &event_id);
}

/**
 * atlas_map_scene_event_places:
 *
 * Returns: (transfer full) (element-type AtlasEventPlace): where the session's filtered
 *   events happened, by place; with the events as of the date, those begun by it
 */
GArray *
atlas_map_scene_event_places (AtlasSession  *session,
                              GError       **error)
{
  AtlasResults *results;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  results = atlas_session_get_results (session);
  if (atlas_results_get_error (results) != NULL)
    {
      g_propagate_error (error, g_error_copy (atlas_results_get_error (results)));
      return NULL;
    }
  return g_array_ref (atlas_results_get_event_places (results));
}

/**
 * atlas_map_scene_glyphs:
 * @event_places: (element-type AtlasEventPlace): from atlas_map_scene_event_places()
 * @selected_box: (out) (optional): where the selection's events are, unit Mercator
 *
 * Gathers the events by place into glyphs, marking those the selection stands for and,
 * with the events as of the date, whether any began in the month up to it.
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
  const AtlasItem *selection = atlas_session_get_selection (session);
  GHashTable *actor_events = NULL;
  const AtlasPlaceMark *place = NULL;
  gint64 place_id = 0;
  gboolean by_age = atlas_session_get_events_as_of (session);
  int recent_from = by_age ? atlas_event_glyph_recent_from (atlas_session_get_date (session)) : 0;
  AtlasBox box;

  if (selection->kind == ATLAS_ITEM_ACTOR)
    {
      g_autoptr(GError) error = NULL;

      actor_events = atlas_results_get_item_events (atlas_session_get_results (session),
                                                    selection, &error);
      if (actor_events == NULL)
        g_warning ("Could not find the selected actor’s events: %s", error->message);
    }

  atlas_geo_box_init (&box);
  for (guint i = 0; event_places != NULL && i < event_places->len; i++)
    {
      const AtlasEventPlace *pair = &g_array_index (event_places, AtlasEventPlace, i);
      AtlasEventGlyph *last = glyphs->len ? &g_array_index (glyphs, AtlasEventGlyph, glyphs->len - 1)
                                          : NULL;
      gboolean selected = is_selected (selection, actor_events, pair->event_id);
      AtlasEventAge age = !by_age ? ATLAS_EVENT_AGE_ANY
                          : pair->first_day >= recent_from ? ATLAS_EVENT_AGE_RECENT
                          : ATLAS_EVENT_AGE_EARLIER;

      /* The pairs come by place: a place is looked for once, not once for each of its
       * events, which at a million events took seconds. */
      if (i == 0 || pair->place_id != place_id)
        {
          place_id = pair->place_id;
          place = atlas_features_find_place (features, place_id);
        }
      if (place == NULL)
        continue;
      if (selected)
        atlas_geo_box_add (&box, place->point);

      if (last != NULL && last->place_id == pair->place_id)
        {
          last->count++;
          last->selected |= selected;
          if (age == ATLAS_EVENT_AGE_RECENT)
            last->age = age;
        }
      else
        {
          AtlasEventGlyph glyph = { place->point, pair->place_id, pair->event_id, 1, selected,
                                    FALSE, age };

          g_array_append_val (glyphs, glyph);
        }
    }

  if (selected_box != NULL)
    *selected_box = box;
  return glyphs;
}
