/* atlas-map-view-painter.c: one view of the map, as exports and sheets show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The basemap, corridors, zones, events and names are painted by the screen's painters, for
 * a view of any size; the legend goes on a card in a corner when there is room, and the
 * basemap is credited in another. The export of a map and the map on a sheet both paint
 * through here, so that neither calls the other.
 */

#define G_LOG_DOMAIN "atlas-map-view-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-basemap.h"
#include "atlas-geo.h"
#include "atlas-map-scene.h"
#include "atlas-map-view-painter.h"
#include "atlas-painter.h"

#define MARGIN 12.0

/* Room kept for the attribution in the bottom-right corner, and a sheet's scale bar in the
 * bottom-left, so that no name is placed under them. */
#define ATTRIBUTION_WIDTH  230.0
#define SCALE_BAR_WIDTH    210.0
#define SCALE_BAR_HEIGHT   50.0

/* Where the legend's card goes, in the bottom-left corner; FALSE for a view too small for
 * it to leave most of the map in sight. */
static gboolean
legend_card_place (double              width,
                   double              height,
                   gboolean            dark,
                   AtlasLegendFlags    drawn,
                   cairo_rectangle_t  *card)
{
  double legend_width, legend_height;

  atlas_legend_painter_paint (NULL, drawn, dark, &legend_width, &legend_height);
  if (legend_width + 2 * MARGIN > width / 2.0 || legend_height + 2 * MARGIN > height * 0.75)
    return FALSE;
  *card = (cairo_rectangle_t) { MARGIN, height - MARGIN - legend_height, legend_width, legend_height };
  return TRUE;
}

static void
paint_legend_card (cairo_t                 *cr,
                   const cairo_rectangle_t *card,
                   gboolean                 dark,
                   AtlasLegendFlags         drawn)
{
  double legend_width, legend_height;

  cairo_save (cr);
  cairo_translate (cr, card->x, card->y);
  cairo_rectangle (cr, 0, 0, card->width, card->height);
  if (dark)
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.15, 0.92);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);
  atlas_legend_painter_paint (cr, drawn, dark, &legend_width, &legend_height);
  cairo_restore (cr);
}

/* Where the borders come from, in the bottom-right corner, as the screen credits it. */
static void
paint_attribution (cairo_t  *cr,
                   double    width,
                   double    height,
                   gboolean  dark)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int text_width, text_height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, _("Borders: Natural Earth (public domain)"), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  cairo_save (cr);
  cairo_translate (cr, width - text_width - 8, height - text_height - 6);
  cairo_rectangle (cr, -4, -2, text_width + 8, text_height + 4);
  cairo_set_source_rgba (cr, dark ? 0 : 1, dark ? 0 : 1, dark ? 0 : 1, 0.7);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.8);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The session's events as glyphs, clustered for the zoom, as the screen shows them. */
static GArray *
event_clusters (AtlasSession   *session,
                AtlasFeatures  *features,
                double          zoom,
                GError        **error)
{
  g_autoptr(GArray) event_places = NULL;
  g_autoptr(GArray) glyphs = NULL;

  event_places = atlas_map_scene_event_places (session, error);
  if (event_places == NULL)
    return NULL;
  glyphs = atlas_map_scene_glyphs (session, features, event_places, NULL);
  return atlas_event_glyph_cluster (glyphs, zoom);
}

/**
 * atlas_map_view_painter_paint:
 * @frame: what to show and how large
 * @drawn: (out) (optional): what the map showed, for a legend beside it
 *
 * Paints the map view of @frame from (0, 0) to its width and height, with the basemap's
 * attribution in a corner, clipped to that box.
 */
gboolean
atlas_map_view_painter_paint (cairo_t                  *cr,
                              AtlasSession             *session,
                              AtlasFeatures            *features,
                              const AtlasMapViewFrame  *frame,
                              AtlasLegendFlags         *drawn,
                              GError                  **error)
{
  double width = frame->width, height = frame->height;
  double world = atlas_geo_world_size (frame->zoom);
  AtlasPoint centre = atlas_geo_project (frame->latitude, frame->longitude);
  gboolean dark = frame->dark;
  AtlasView view = {
    .zoom = frame->zoom,
    .x = centre.x * world - width / 2.0,
    .y = centre.y * world - height / 2.0,
    .width = width,
    .height = height,
    .dark = dark,
  };
  g_autoptr(GArray) clusters = event_clusters (session, features, frame->zoom, error);
  g_autoptr(AtlasSpriteCache) sprites = atlas_sprite_cache_new ();
  AtlasMapState state = {
    .basemap = atlas_basemap_get_bundled (),
    .features = features,
    .day = atlas_session_get_date (session),
    .events = clusters,
    .selection = *atlas_session_get_selection (session),
    .sprites = sprites,
    .place_names = atlas_session_get_place_names (session),
  };
  g_autoptr(GArray) reserved = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  AtlasLegendFlags shown = 0, named = 0;
  cairo_rectangle_t card;
  gboolean has_card;

  if (clusters == NULL)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  atlas_painter_paint_basemap (cr, state.basemap, &view);

  /* The shapes first, which say how large the legend is; then the names, clear of the
   * legend, the attribution and a sheet's scale bar, which would otherwise hide them. */
  atlas_map_painter_paint_parts (cr, &view, &state, ATLAS_PAINT_SHAPES, 0, NULL, &shown);
  has_card = frame->legend_card && legend_card_place (width, height, dark, shown, &card);
  if (has_card)
    g_array_append_val (reserved, card);
  g_array_append_val (reserved, ((cairo_rectangle_t) { width - ATTRIBUTION_WIDTH, height - 20,
                                                       ATTRIBUTION_WIDTH, 20 }));
  if (frame->scale_bar)
    g_array_append_val (reserved, ((cairo_rectangle_t) { 0, height - SCALE_BAR_HEIGHT,
                                                         SCALE_BAR_WIDTH, SCALE_BAR_HEIGHT }));
  state.reserved = reserved;
  atlas_map_painter_paint_parts (cr, &view, &state, ATLAS_PAINT_LABELS, 0, NULL, &named);
  shown |= named;

  /* Measured again with all that was drawn, which the names may have added to. */
  if (has_card && legend_card_place (width, height, dark, shown, &card))
    paint_legend_card (cr, &card, dark, shown);
  paint_attribution (cr, width, height, dark);
  cairo_restore (cr);

  if (drawn != NULL)
    *drawn = shown;
  return TRUE;
}
