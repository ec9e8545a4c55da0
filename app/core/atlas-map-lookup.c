/* atlas-map-lookup.c: what the map's clicks, hovers and place search read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map panel asks here rather than querying the store itself, so that what a click
 * selects, what a hover says and what the place search lists can be tested without a
 * display, and so that each failure comes back with its reason instead of as nothing.
 */

#define G_LOG_DOMAIN "atlas-map-lookup"

#include "config.h"

#include "atlas-actor.h"
#include "atlas-event.h"
#include "atlas-map-lookup.h"
#include "atlas-query.h"
#include "atlas-summary.h"

void
atlas_place_match_free (AtlasPlaceMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->title);
  g_free (match->kicker);
  g_free (match);
}

/**
 * atlas_map_lookup_resolve_country:
 * @basemap: where @item's outline is, when it is a country
 * @resolved: (out): what a click on @item selects
 *
 * A country on the basemap is the state actor of that name, when the store has one;
 * anything else, or a country with no such actor, is itself.
 *
 * Returns: %FALSE with @error set when the store could not be read
 */
gboolean
atlas_map_lookup_resolve_country (AtlasStore       *store,
                                  AtlasBasemap     *basemap,
                                  const AtlasItem  *item,
                                  AtlasItem        *resolved,
                                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AtlasActor) actor = NULL;
  const AtlasBasemapFeature *feature;
  gint64 actor_id;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && resolved != NULL, FALSE);

  *resolved = *item;
  if (item->kind != ATLAS_ITEM_COUNTRY || basemap == NULL || item->id < 0 ||
      item->id >= atlas_basemap_get_n_features (basemap))
    return TRUE;

  feature = atlas_basemap_get_feature (basemap, item->id);
  if (!atlas_query_resolve_actor (store, feature->name, &actor_id, &local_error))
    {
      /* No actor of that name, or several: the country stays a country. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((actor = atlas_actor_load (store, actor_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (atlas_actor_get_kind (actor), "state") == 0)
    *resolved = (AtlasItem) { ATLAS_ITEM_ACTOR, actor_id };
  return TRUE;
}

/**
 * atlas_map_lookup_tooltip:
 * @day: (nullable): the "as of" day, for a corridor's status on it
 * @names: how a place is named
 *
 * What hovering over @item says: its name, kind and, for a corridor, its status on @day.
 *
 * Returns: (transfer full) (nullable): Pango markup; %NULL for nothing under the pointer,
 *   or with @error set when the store could not say
 */
char *
atlas_map_lookup_tooltip (AtlasStore       *store,
                          const AtlasItem  *item,
                          const char       *day,
                          AtlasPlaceNames   names,
                          GError          **error)
{
  g_autoptr(AtlasSummary) summary = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == ATLAS_ITEM_NONE)
    return NULL;

  if (item->kind == ATLAS_ITEM_EVENT)
    {
      g_autoptr(AtlasEvent) event = atlas_event_load (store, item->id, error);
      g_autofree char *date = NULL;

      if (event == NULL)
        return NULL;
      date = atlas_event_dup_date_label (event);
      return g_markup_printf_escaped ("<b>%s</b>\n%s · %s", atlas_event_get_title (event),
                                      atlas_event_kind_label (atlas_event_get_kind (event)), date);
    }

  if ((summary = atlas_summary_load (store, item, day, names, error)) == NULL)
    return NULL;
  if (summary->subtitle != NULL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s\n%s", summary->title,
                                    summary->kicker ? summary->kicker : "", summary->subtitle);
  return g_markup_printf_escaped ("<b>%s</b>\n%s", summary->title,
                                  summary->kicker ? summary->kicker : "");
}

/**
 * atlas_map_lookup_places:
 * @text: part of any name of a place, in any language or spelling
 * @max: how many to give at most
 * @names: how the places found are named
 *
 * Returns: (transfer full) (element-type AtlasPlaceMatch): the places named so, best
 *   first, as atlas_query_places_named() orders them; %NULL with @error set on failure
 */
GPtrArray *
atlas_map_lookup_places (AtlasStore       *store,
                         const char       *text,
                         guint             max,
                         AtlasPlaceNames   names,
                         GError          **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_place_match_free);
  if (*text == '\0')
    return g_steal_pointer (&matches);

  if ((ids = atlas_query_places_named (store, text, error)) == NULL)
    return NULL;
  for (guint i = 0; i < MIN (ids->len, max); i++)
    {
      AtlasItem item = { ATLAS_ITEM_PLACE, g_array_index (ids, gint64, i) };
      g_autoptr(AtlasSummary) summary = atlas_summary_load (store, &item, NULL, names, error);
      AtlasPlaceMatch *match;

      if (summary == NULL)
        return NULL;
      match = g_new0 (AtlasPlaceMatch, 1);
      match->id = item.id;
      match->title = g_steal_pointer (&summary->title);
      match->kicker = g_strdup (summary->kicker ? summary->kicker : "");
      g_ptr_array_add (matches, match);
    }

  return g_steal_pointer (&matches);
}

static void
add_box (AtlasBox       *box,
         const AtlasBox *other)
{
  atlas_geo_box_add (box, (AtlasPoint) { other->x1, other->y1 });
  atlas_geo_box_add (box, (AtlasPoint) { other->x2, other->y2 });
}

/**
 * atlas_map_lookup_item_box:
 * @events_box: (nullable): where the glyphs of @item's events are, for an actor
 * @box: (inout): widened by where @item lies
 *
 * Where a place, an event's place, a corridor, a zone or (from @events_box) an actor lies
 * on the map, in unit Mercator. Other items (a passage, a source) have no place of their
 * own and leave @box as it is.
 *
 * Returns: %FALSE with @error set when the store could not be read
 */
gboolean
atlas_map_lookup_item_box (AtlasStore       *store,
                           AtlasFeatures    *features,
                           const AtlasItem  *item,
                           const AtlasBox   *events_box,
                           AtlasBox         *box,
                           GError          **error)
{
  const AtlasPlaceMark *place = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATLAS_IS_FEATURES (features), FALSE);
  g_return_val_if_fail (item != NULL && box != NULL, FALSE);

  switch (item->kind)
    {
    case ATLAS_ITEM_PLACE:
      place = atlas_features_find_place (features, item->id);
      break;
    case ATLAS_ITEM_EVENT:
      {
        g_autoptr(AtlasEvent) event = atlas_event_load (store, item->id, error);

        if (event == NULL)
          return FALSE;
        if (atlas_event_get_place_id (event) != 0)
          place = atlas_features_find_place (features, atlas_event_get_place_id (event));
      }
      break;
    case ATLAS_ITEM_CORRIDOR:
      for (guint i = 0; i < atlas_features_get_n_corridors (features); i++)
        if (atlas_features_get_corridor (features, i)->id == item->id)
          add_box (box, &atlas_features_get_corridor (features, i)->box);
      break;
    case ATLAS_ITEM_ZONE:
      for (guint i = 0; i < atlas_features_get_n_zones (features); i++)
        if (atlas_features_get_zone (features, i)->id == item->id)
          add_box (box, &atlas_features_get_zone (features, i)->box);
      break;
    case ATLAS_ITEM_ACTOR:
      if (events_box != NULL && events_box->x1 <= events_box->x2)
        add_box (box, events_box);
      break;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    default:
      break;
    }

  if (place != NULL)
    atlas_geo_box_add (box, place->point);
  return TRUE;
}

/**
 * atlas_map_lookup_target_name:
 * @name: (out) (transfer full) (nullable): the name by the edge marker, or %NULL
 *
 * What the arrow at the map's edge says when @item is off screen: its name, except for an
 * event or an actor, which the panels name already.
 *
 * Returns: %FALSE with @error set when the store could not be read
 */
gboolean
atlas_map_lookup_target_name (AtlasStore       *store,
                              const AtlasItem  *item,
                              AtlasPlaceNames   names,
                              char            **name,
                              GError          **error)
{
  g_autoptr(AtlasSummary) summary = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && name != NULL, FALSE);

  *name = NULL;
  if (item->kind == ATLAS_ITEM_NONE || item->kind == ATLAS_ITEM_EVENT || item->kind == ATLAS_ITEM_ACTOR)
    return TRUE;
  if ((summary = atlas_summary_load (store, item, NULL, names, error)) == NULL)
    return FALSE;
  *name = g_steal_pointer (&summary->title);
  return TRUE;
}
