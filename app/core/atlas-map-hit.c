/* atlas-map-hit.c: what a click or the pointer on the map means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's layers tested in the order a person sees them, from the same projected
 * geometry and glyph positions the painter draws, so that what is under the pointer is
 * what looks to be there.
 */

#define G_LOG_DOMAIN "atlas-map-hit"

#include "config.h"

#include <math.h>

#include "atlas-map-hit.h"

/**
 * atlas_map_hit:
 * @x: (in map pixels from the view's top-left corner)
 *
 * Finds what a click at (@x, @y) means, in the order a person sees the layers: an event
 * glyph, a place, a corridor within a few pixels, a zone valid on the day, a province
 * (zoomed in) and a country.
 *
 * @cluster: (out) (optional): set when the click is on a cluster of events at several
 *   places, which is no one item: the map zooms in on it instead
 *
 * Returns: the item, of kind %ATLAS_ITEM_NONE when the click is on open water or a cluster
 */
AtlasItem
atlas_map_hit (const AtlasView     *view,
               const AtlasMapState *state,
               AtlasBasemap        *basemap,
               double               x,
               double               y,
               gboolean            *cluster)
{
  double size = atlas_geo_world_size (view->zoom);
  AtlasPoint point = { (view->x + x) / size, (view->y + y) / size };
  const AtlasPoint *points = atlas_features_get_points (state->features);
  double best = 7.0;
  AtlasItem hit = { ATLAS_ITEM_NONE, 0 };
  int feature;

  if (cluster != NULL)
    *cluster = FALSE;

  /* Last painted, on top: first hit. */
  for (guint i = state->events != NULL ? state->events->len : 0; i-- > 0;)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      double gx, gy, radius;

      /* Glyphs are at most 13 px in radius and drawn up to 30 px above their place. */
      if (fabs (glyph->point.x * size - view->x - x) > 16 ||
          fabs (glyph->point.y * size - view->y - y) > 34)
        continue;
      atlas_event_glyph_position (glyph, view, &gx, &gy, &radius);
      if (hypot (gx - x, gy - y) > radius + 2)
        continue;
      if (glyph->several_places)
        {
          if (cluster != NULL)
            *cluster = TRUE;
          return hit;
        }
      return glyph->count == 1 ? (AtlasItem) { ATLAS_ITEM_EVENT, glyph->event_id }
                               : (AtlasItem) { ATLAS_ITEM_PLACE, glyph->place_id };
    }

  for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
      double dx = place->point.x * size - view->x - x, dy = place->point.y * size - view->y - y;
      double d;

      if (fabs (dx) >= best || fabs (dy) >= best)
        continue;
      d = hypot (dx, dy);
      if (place->rank < 3 && view->zoom >= atlas_map_painter_place_min_zoom (place->rank) && d < best)
        {
          best = d;
          hit = (AtlasItem) { ATLAS_ITEM_PLACE, place->id };
        }
    }
  if (hit.kind != ATLAS_ITEM_NONE)
    return hit;

  best = 6.0;
  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);

      for (guint k = 0; k + 1 < corridor->n_points; k++)
        {
          AtlasPoint a = points[corridor->first_point + k], b = points[corridor->first_point + k + 1];
          double d = atlas_geo_segment_distance (point, a, b) * size;

          if (d < best)
            {
              best = d;
              hit = (AtlasItem) { ATLAS_ITEM_CORRIDOR, corridor->id };
            }
        }
    }
  if (hit.kind != ATLAS_ITEM_NONE)
    return hit;

  for (guint i = 0; i < atlas_features_get_n_zones (state->features); i++)
    {
      const AtlasZoneShape *zone = atlas_features_get_zone (state->features, i);

      if (atlas_zone_valid_at (zone, state->day) && atlas_geo_box_contains (&zone->box, point) &&
          atlas_geo_ring_contains (points + zone->first_point, zone->n_points, point) &&
          g_strcmp0 (zone->kind, "exclave") != 0)
        return (AtlasItem) { ATLAS_ITEM_ZONE, zone->id };
    }

  if (basemap != NULL)
    {
      if (view->zoom >= 6.5 && (feature = atlas_basemap_find (basemap, ATLAS_BASEMAP_PROVINCE, point)) >= 0)
        return (AtlasItem) { ATLAS_ITEM_PROVINCE, feature };
      if ((feature = atlas_basemap_find (basemap, ATLAS_BASEMAP_COUNTRY, point)) >= 0)
        return (AtlasItem) { ATLAS_ITEM_COUNTRY, feature };
    }

  return hit;
}
