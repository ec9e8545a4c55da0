/* atlas-event-glyph.c: the events on the map, gathered by place and clustered by zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a glyph is drawn and which glyphs are drawn as one: the painter, the hit-test and
 * the labels that keep off glyphs all ask here, so that they agree.
 */

#define G_LOG_DOMAIN "atlas-event-glyph"

#include "config.h"

#include <math.h>

#include "atlas-date.h"
#include "atlas-event-glyph.h"

/* Glyphs closer than this, in pixels, are drawn as one. */
#define CLUSTER_CELL 36.0

/* Where an event glyph is drawn: just above its place's dot, so both stay visible. */
void
atlas_event_glyph_position (const AtlasEventGlyph *glyph,
                            const AtlasView       *view,
                            double                *x,
                            double                *y,
                            double                *radius)
{
  double size = atlas_geo_world_size (view->zoom);

  if (glyph->count > 1)
    *radius = 9 + floor (MIN (log2 (glyph->count), 4));
  else
    *radius = glyph->age == ATLAS_EVENT_AGE_EARLIER && !glyph->selected
              ? ATLAS_EVENT_GLYPH_EARLIER_RADIUS : 6;
  *x = glyph->point.x * size - view->x;
  *y = glyph->point.y * size - view->y - *radius - 4;
}

/* One grid cell's key. Cells are counted in doubles and clamped before they become
 * integers, so no zoom or point (NaN from a hostile store included) overflows the key. */
static gint64
cell_key (AtlasPoint point,
          double     size)
{
  double column = floor (point.x * size / CLUSTER_CELL);
  double row = floor (point.y * size / CLUSTER_CELL);

  column = isnan (column) ? 0 : CLAMP (column, 0, G_MAXINT32);
  row = isnan (row) ? 0 : CLAMP (row, 0, G_MAXINT32);
  return (gint64) column << 32 | (gint64) row;
}

/**
 * atlas_event_glyph_cluster:
 * @glyphs: (element-type AtlasEventGlyph) (nullable): one glyph per place
 * @zoom: the zoom to cluster for
 *
 * Gathers glyphs that would overlap at @zoom into one, on a grid fixed to the world (so the
 * clusters do not change while panning), at the count-weighted centre of its members.
 *
 * Returns: (transfer full) (element-type AtlasEventGlyph): the glyphs to draw
 */
GArray *
atlas_event_glyph_cluster (GArray *glyphs,
                           double  zoom)
{
  g_autoptr(GHashTable) cells = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (AtlasEventGlyph));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  double size = atlas_geo_world_size (zoom);

  if (glyphs == NULL)
    return clusters;

  /* Keys live in an array that never moves once sized. */
  g_array_set_size (keys, glyphs->len);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (glyphs, AtlasEventGlyph, i);
      gint64 *key = &g_array_index (keys, gint64, i);
      gpointer index;

      *key = cell_key (glyph->point, size);
      if (g_hash_table_lookup_extended (cells, key, NULL, &index))
        {
          AtlasEventGlyph *cluster = &g_array_index (clusters, AtlasEventGlyph, GPOINTER_TO_UINT (index));
          double w = (double) glyph->count / (cluster->count + glyph->count);

          cluster->point.x += (glyph->point.x - cluster->point.x) * w;
          cluster->point.y += (glyph->point.y - cluster->point.y) * w;
          cluster->count += glyph->count;
          cluster->selected |= glyph->selected;
          /* A cluster stands out when any of its glyphs does. */
          if (glyph->age == ATLAS_EVENT_AGE_RECENT)
            cluster->age = ATLAS_EVENT_AGE_RECENT;
          cluster->several_places |= cluster->place_id != glyph->place_id;
        }
      else
        {
          g_hash_table_insert (cells, key, GUINT_TO_POINTER (clusters->len));
          g_array_append_val (clusters, *glyph);
        }
    }

  return clusters;
}

/**
 * atlas_event_glyph_recent_from:
 * @day: (nullable): the "as of" day, YYYY-MM-DD; %NULL for today
 *
 * Returns: the first day (a day number) of the month up to @day, the same day a month
 *   before: events that began on it or later, and by @day, stand out
 */
int
atlas_event_glyph_recent_from (const char *day)
{
  GDate date;

  atlas_date_number_to_gdate (day != NULL ? atlas_date_to_number (day) : atlas_date_today_number (),
                              &date);
  g_date_subtract_months (&date, 1);
  return atlas_date_gdate_to_number (&date);
}

/* The ring round a glyph that stands out, under the glyph itself, here and in the legend. */
void
atlas_event_glyph_paint_halo (cairo_t *cr,
                              double   x,
                              double   y,
                              double   radius)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + 3.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.80, 0.14, 0.11, 0.35);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
}
