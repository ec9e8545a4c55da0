/* atlas-map-painter.c: cairo drawing of corridors, zones, places and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass per family, all from projected geometry, so the screen's feature layer and the
 * exports draw exactly the same map. The names are placed by atlas-label-placer.c, between
 * the passes, in order of importance.
 */

#define G_LOG_DOMAIN "atlas-map-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-map-painter-private.h"

static void
clear_blit (gpointer data)
{
  AtlasBlit *blit = data;

  cairo_surface_destroy (blit->surface);
}

/* An array for atlas_map_painter_paint_parts() to put its labels in. */
GArray *
atlas_blits_new (void)
{
  GArray *blits = g_array_new (FALSE, FALSE, sizeof (AtlasBlit));

  g_array_set_clear_func (blits, clear_blit);
  return blits;
}

/* The zoom from which each rank of place shows: capitals first, regions' names last. */
double
atlas_map_painter_place_min_zoom (int rank)
{
  static const double shown_from[] = { 3.5, 5.5, 7.5, 6.5 };

  g_return_val_if_fail (rank >= 0 && rank < (int) G_N_ELEMENTS (shown_from), G_MAXDOUBLE);

  return shown_from[rank];
}

void
atlas_map_painter_corridor_color (const char *kind,
                                  double     *rgb)
{
  static const struct { const char *kind; double rgb[3]; } colors[] = {
    { "rail", { 0.49, 0.24, 0.62 } },
    { "road", { 0.75, 0.22, 0.17 } },
    { "oil-pipeline", { 0.35, 0.25, 0.15 } },
    { "gas-pipeline", { 0.11, 0.44, 0.71 } },
    { "multimodal", { 0.90, 0.45, 0.05 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (kind, colors[i].kind) == 0)
      {
        memcpy (rgb, colors[i].rgb, sizeof colors[i].rgb);
        return;
      }

  rgb[0] = rgb[1] = rgb[2] = 0.4;
}

/* Proposed: short dashes; agreed: long dashes; under construction: dash-dot; operational
 * and suspended: solid (suspended is faded instead); not known: dots, faded too. */
const double *
atlas_map_painter_status_dashes (AtlasStatus  status,
                                 guint       *n_dashes)
{
  static const double proposed[] = { 4, 4 };
  static const double agreed[] = { 12, 4 };
  static const double construction[] = { 10, 3, 2, 3 };
  static const double unknown[] = { 1, 3 };

  switch (status)
    {
    case ATLAS_STATUS_PROPOSED:
      *n_dashes = G_N_ELEMENTS (proposed);
      return proposed;
    case ATLAS_STATUS_AGREED:
      *n_dashes = G_N_ELEMENTS (agreed);
      return agreed;
    case ATLAS_STATUS_UNDER_CONSTRUCTION:
      *n_dashes = G_N_ELEMENTS (construction);
      return construction;
    case ATLAS_STATUS_NOT_KNOWN:
      *n_dashes = G_N_ELEMENTS (unknown);
      return unknown;
    case ATLAS_STATUS_OPERATIONAL:
    case ATLAS_STATUS_SUSPENDED:
    default:
      *n_dashes = 0;
      return NULL;
    }
}

/* How strongly a corridor of @status is drawn: what no longer runs, or what nothing is known
 * of on the day, stays on the map but recedes. */
double
atlas_map_painter_status_alpha (AtlasStatus status)
{
  switch (status)
    {
    case ATLAS_STATUS_SUSPENDED:
      return 0.35;
    case ATLAS_STATUS_NOT_KNOWN:
      return 0.6;
    case ATLAS_STATUS_PROPOSED:
    case ATLAS_STATUS_AGREED:
    case ATLAS_STATUS_UNDER_CONSTRUCTION:
    case ATLAS_STATUS_OPERATIONAL:
    default:
      return 1.0;
    }
}

static void
clear_placed (gpointer data)
{
  AtlasPlaced *placed = data;

  g_free (placed->text);
}

static void
trace_line (AtlasMapFrame    *frame,
            const AtlasPoint *points,
            guint             n_points,
            gboolean          close)
{
  for (guint i = 0; i < n_points; i++)
    {
      double x, y;

      atlas_map_frame_to_screen (frame, points[i], &x, &y);
      if (i == 0)
        cairo_move_to (frame->cr, x, y);
      else
        cairo_line_to (frame->cr, x, y);
    }
  if (close)
    cairo_close_path (frame->cr);
}

static void
paint_zones (AtlasMapFrame       *frame,
             const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);
  static const double dash[] = { 6, 3 };

  for (guint i = 0; i < atlas_features_get_n_zones (state->features); i++)
    {
      const AtlasZoneShape *zone = atlas_features_get_zone (state->features, i);
      gboolean selected = atlas_map_state_is_selected (state, ATLAS_ITEM_ZONE, zone->id);
      double x, y;

      if (!atlas_zone_valid_at (zone, state->day) ||
          !atlas_geo_box_intersects (&zone->box, frame->shapes ? &frame->near : &frame->visible))
        continue;

      frame->drawn |= atlas_legend_flag_for_zone (zone->kind);

      if (frame->texts && frame->view->zoom >= 6.5)
        {
          gboolean dark = frame->view->dark;

          atlas_map_frame_to_screen (frame, (AtlasPoint) { (zone->box.x1 + zone->box.x2) / 2,
                                                           (zone->box.y1 + zone->box.y2) / 2 },
                                     &x, &y);
          atlas_map_frame_label (frame, zone->name, x - 30, y, "Sans Italic 9", dark ? 0.8 : 0.35,
                                 dark ? 0.7 : 0.25, dark ? 0.85 : 0.4);
        }
      if (!frame->shapes)
        continue;

      /* Tinted, with a dashed edge: a zone is an arrangement, not a border. */
      trace_line (frame, points + zone->first_point, zone->n_points, TRUE);
      if (g_strcmp0 (zone->kind, "exclave") == 0)
        cairo_set_source_rgba (frame->cr, 0.0, 0.57, 0.74, selected ? 0.25 : 0.0);
      else if (g_strcmp0 (zone->kind, "peacekeeping") == 0)
        cairo_set_source_rgba (frame->cr, 0.83, 0.33, 0.0, selected ? 0.35 : 0.18);
      else
        cairo_set_source_rgba (frame->cr, 0.55, 0.35, 0.65, selected ? 0.35 : 0.15);
      cairo_fill_preserve (frame->cr);

      cairo_set_dash (frame->cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (frame->cr, selected ? 2.5 : 1.3);
      cairo_set_source_rgba (frame->cr, 0.35, 0.25, 0.4, 0.9);
      cairo_stroke (frame->cr);
      cairo_set_dash (frame->cr, NULL, 0, 0);
    }
}

static void
paint_corridors (AtlasMapFrame       *frame,
                 const AtlasMapState *state)
{
  const AtlasPoint *points = atlas_features_get_points (state->features);

  for (guint i = 0; i < atlas_features_get_n_corridors (state->features); i++)
    {
      const AtlasCorridorShape *corridor = atlas_features_get_corridor (state->features, i);
      AtlasStatus status = atlas_corridor_status_at (corridor, state->day);
      gboolean selected = atlas_map_state_is_selected (state, ATLAS_ITEM_CORRIDOR, corridor->id);
      const double *dashes;
      guint n_dashes;
      double rgb[3];
      double alpha = atlas_map_painter_status_alpha (status);
      double width = frame->view->zoom < 6 ? 2.5 : 3.5;

      if (corridor->n_points < 2 ||
          !atlas_geo_box_intersects (&corridor->box, frame->shapes ? &frame->near : &frame->visible))
        continue;

      frame->drawn |= atlas_legend_flag_for_corridor (corridor->kind, status);
      if (!frame->shapes)
        continue;
      cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_ROUND);

      /* A pale casing keeps the line readable over any fill. */
      trace_line (frame, points + corridor->first_point, corridor->n_points, FALSE);
      if (frame->view->dark)
        cairo_set_source_rgba (frame->cr, 0, 0, 0, selected ? 0.9 : 0.45 * alpha);
      else
        cairo_set_source_rgba (frame->cr, 1, 1, 1, selected ? 0.95 : 0.7 * alpha);
      cairo_set_line_width (frame->cr, width + (selected ? 6 : 2.5));
      cairo_stroke (frame->cr);

      atlas_map_painter_corridor_color (corridor->kind, rgb);
      dashes = atlas_map_painter_status_dashes (status, &n_dashes);
      trace_line (frame, points + corridor->first_point, corridor->n_points, FALSE);
      cairo_set_dash (frame->cr, dashes, n_dashes, 0);
      cairo_set_source_rgba (frame->cr, rgb[0], rgb[1], rgb[2], alpha);
      cairo_set_line_width (frame->cr, width + (selected ? 1.5 : 0));
      cairo_stroke (frame->cr);
      cairo_set_dash (frame->cr, NULL, 0, 0);
    }
}

static void
paint_places (AtlasMapFrame       *frame,
              const AtlasMapState *state,
              int                  first_rank,
              int                  last_rank)
{
  for (int rank = first_rank; rank <= last_rank; rank++)
    for (guint i = 0; i < atlas_features_get_n_places (state->features); i++)
      {
        const AtlasPlaceMark *place = atlas_features_get_place (state->features, i);
        const char *label = atlas_place_mark_label (place, state->place_names);
        gboolean selected = atlas_map_state_is_selected (state, ATLAS_ITEM_PLACE, place->id);
        double x, y;

        if (place->rank != rank ||
            (frame->view->zoom < atlas_map_painter_place_min_zoom (rank) && !selected) ||
            !atlas_geo_box_contains (frame->shapes ? &frame->near : &frame->visible, place->point))
          continue;

        atlas_map_frame_to_screen (frame, place->point, &x, &y);
        if (rank < 3)
          frame->drawn |= ATLAS_LEGEND_PLACES;
        if (rank == 3)
          {
            if (!frame->texts)
              continue;
            if (frame->view->dark)
              atlas_map_frame_label (frame, label, x, y, "Sans Italic 9", 0.75, 0.72, 0.68);
            else
              atlas_map_frame_label (frame, label, x, y, "Sans Italic 9", 0.4, 0.35, 0.3);
            continue;
          }

        if (frame->shapes)
          atlas_sprite_cache_paint_mark (frame->sprites, frame->cr,
                                         rank == 0 ? ATLAS_MARK_CAPITAL : ATLAS_MARK_TOWN, x, y);
        if (selected && frame->shapes)
          {
            cairo_new_path (frame->cr);
            cairo_arc (frame->cr, x, y, 9, 0, 2 * G_PI);
            cairo_set_source_rgb (frame->cr, 0.21, 0.52, 0.89);
            cairo_set_line_width (frame->cr, 2.5);
            cairo_stroke (frame->cr);
          }

        if (!frame->texts || !atlas_geo_box_contains (&frame->visible, place->point))
          continue;
        if (frame->view->dark)
          atlas_map_frame_label (frame, label, x + 7, y, rank == 0 ? "Sans Bold 10" : "Sans 9",
                                 0.92, 0.92, 0.9);
        else
          atlas_map_frame_label (frame, label, x + 7, y, rank == 0 ? "Sans Bold 10" : "Sans 9",
                                 0.15, 0.15, 0.15);
      }
}

/* What the legend says of @glyph's look. */
static AtlasLegendFlags
glyph_legend_flags (const AtlasEventGlyph *glyph)
{
  AtlasLegendFlags flags = glyph->selected ? ATLAS_LEGEND_SELECTED : 0;

  switch (glyph->age)
    {
    case ATLAS_EVENT_AGE_RECENT:
      return flags | ATLAS_LEGEND_EVENTS_RECENT;
    case ATLAS_EVENT_AGE_EARLIER:
      return flags | ATLAS_LEGEND_EVENTS_EARLIER;
    case ATLAS_EVENT_AGE_ANY:
    default:
      return flags | ATLAS_LEGEND_EVENTS;
    }
}

/* The glyphs; with the events as of the date, those begun in the month up to it ringed and
 * the earlier ones quieter, unless selected. */
static void
paint_events (AtlasMapFrame       *frame,
              const AtlasMapState *state)
{
  if (state->events == NULL)
    return;

  for (guint i = 0; i < state->events->len; i++)
    {
      const AtlasEventGlyph *glyph = &g_array_index (state->events, AtlasEventGlyph, i);
      gboolean earlier = glyph->age == ATLAS_EVENT_AGE_EARLIER && !glyph->selected;
      double radius, x, y;

      if (!atlas_geo_box_contains (frame->shapes ? &frame->near : &frame->visible, glyph->point))
        continue;

      atlas_event_glyph_position (glyph, frame->view, &x, &y, &radius);
      frame->drawn |= glyph_legend_flags (glyph);
      if (!frame->shapes)
        continue;

      if (glyph->age == ATLAS_EVENT_AGE_RECENT)
        atlas_event_glyph_paint_halo (frame->cr, x, y, radius);
      if (glyph->count > 1)
        {
          AtlasMark mark = glyph->selected ? ATLAS_MARK_CLUSTER_SELECTED
                           : earlier ? ATLAS_MARK_CLUSTER_EARLIER
                           : ATLAS_MARK_CLUSTER;

          atlas_sprite_cache_paint_mark (frame->sprites, frame->cr, mark + (int) (radius - 9), x, y);
          atlas_sprite_cache_paint_count (frame->sprites, frame->cr, glyph->count, earlier, x, y);
        }
      else
        atlas_sprite_cache_paint_mark (frame->sprites, frame->cr,
                                       glyph->selected ? ATLAS_MARK_EVENT_SELECTED
                                       : earlier ? ATLAS_MARK_EVENT_EARLIER
                                       : ATLAS_MARK_EVENT,
                                       x, y);
    }
}

static void
paint (cairo_t             *cr,
       const AtlasView     *view,
       const AtlasMapState *state,
       AtlasPaintParts      parts,
       double               margin,
       GArray              *blits,
       GArray              *placed,
       AtlasLegendFlags    *drawn)
{
  g_autoptr(AtlasSpriteCache) own_sprites = NULL;
  AtlasMapFrame frame = { cr, view, NULL, atlas_geo_world_size (view->zoom) };

  g_return_if_fail (state != NULL && state->features != NULL);

  /* Without a cache to keep them, the sprites last this one painting. */
  frame.sprites = state->sprites;
  if (frame.sprites == NULL)
    frame.sprites = own_sprites = atlas_sprite_cache_new ();
  frame.visible = (AtlasBox) { view->x / frame.size, view->y / frame.size,
                               (view->x + view->width) / frame.size,
                               (view->y + view->height) / frame.size };
  frame.near = (AtlasBox) { (view->x - margin) / frame.size, (view->y - margin) / frame.size,
                            (view->x + view->width + margin) / frame.size,
                            (view->y + view->height + margin) / frame.size };
  frame.labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  frame.named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  frame.shapes = (parts & ATLAS_PAINT_SHAPES) != 0;
  frame.texts = (parts & ATLAS_PAINT_LABELS) != 0;
  frame.blits = blits;
  frame.marks = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  frame.placed = placed;
  if (state->reserved != NULL)
    g_array_append_vals (frame.marks, state->reserved->data, state->reserved->len);

  cairo_save (cr);
  paint_zones (&frame, state);
  paint_corridors (&frame, state);
  paint_events (&frame, state);
  /* Names in order of importance: the selection's, capitals', countries', then the rest as
   * room allows. */
  if (frame.texts)
    {
      atlas_label_placer_edge_marker (&frame, state);
      atlas_label_placer_name_selected_place (&frame, state);
    }
  paint_places (&frame, state, 0, 0);
  if (frame.texts)
    {
      atlas_label_placer_name_countries (&frame, state);
      atlas_label_placer_collect_marks (&frame, state);
      atlas_label_placer_name_corridors (&frame, state);
    }
  paint_places (&frame, state, 1, 3);
  if (frame.texts)
    atlas_label_placer_name_provinces (&frame, state);
  cairo_restore (cr);

  if (view->zoom >= 6.5)
    frame.drawn |= ATLAS_LEGEND_PROVINCES;
  if (drawn != NULL)
    *drawn = frame.drawn;
  g_array_unref (frame.labels);
  g_hash_table_unref (frame.named);
  g_array_unref (frame.marks);
}

/**
 * atlas_map_painter_paint:
 *
 * Paints zones valid on the state's day, corridors styled by their status on it, places by
 * importance for the zoom, and the events' glyphs, onto @cr whose origin is the view's
 * top-left corner.
 */
void
atlas_map_painter_paint (cairo_t             *cr,
                         const AtlasView     *view,
                         const AtlasMapState *state,
                         AtlasLegendFlags    *drawn)
{
  atlas_map_painter_paint_parts (cr, view, state, ATLAS_PAINT_ALL, 0, NULL, drawn);
}

/**
 * atlas_map_painter_paint_parts:
 * @parts: the shapes, the labels or both
 * @margin: how far outside the view, in pixels, marks are still drawn: a tile needs the
 *   glyphs of its neighbours that spill over its edge
 * @blits: (nullable) (element-type AtlasBlit): where labels go instead of onto @cr
 *
 * Paints part of what atlas_map_painter_paint() paints, for a map that keeps its shapes in
 * tiles and places its labels for each frame.
 */
void
atlas_map_painter_paint_parts (cairo_t             *cr,
                               const AtlasView     *view,
                               const AtlasMapState *state,
                               AtlasPaintParts      parts,
                               double               margin,
                               GArray              *blits,
                               AtlasLegendFlags    *drawn)
{
  paint (cr, view, state, parts, margin, blits, NULL, drawn);
}

/**
 * atlas_map_painter_place_labels:
 *
 * Places the labels of @view as atlas_map_painter_paint() does, without drawing them, for
 * tests to see where each went and where the places' dots they keep off are.
 *
 * Returns: (transfer full) (element-type AtlasPlaced): labels and dots, in the order placed
 */
GArray *
atlas_map_painter_place_labels (const AtlasView     *view,
                                const AtlasMapState *state)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  g_autoptr(GArray) blits = atlas_blits_new ();
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlaced));

  g_array_set_clear_func (placed, clear_placed);
  paint (cr, view, state, ATLAS_PAINT_LABELS, 0, blits, placed, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return placed;
}
