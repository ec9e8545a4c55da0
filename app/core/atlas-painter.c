/* atlas-painter.c: cairo drawing of the map, shared by the screen and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn from unit-Mercator geometry for a view given in map pixels, so a
 * 256 px tile, a window and a 8000 px export are the same code at different sizes.
 */

#define G_LOG_DOMAIN "atlas-painter"

#include "config.h"

#include <math.h>

#include "atlas-painter.h"

/* The detailed outlines' box, in degrees: tools/make-basemap.py clips them to lon 32..58,
 * lat 30..50, and the edges it cuts are not borders, so they are drawn from a little
 * inside, where the coarse outlines take over. */
#define DETAIL_WEST  32.2
#define DETAIL_EAST  57.8
#define DETAIL_SOUTH 30.2
#define DETAIL_NORTH 49.8

typedef struct
{
  const char *id;     /* ISO 3166 numeric */
  double      light[3];
  double      dark[3];
} CountryColor;

/* The three South Caucasus states stand out; their neighbours are muted. Nakhchivan is a
 * ring of Azerbaijan's own outline, so it takes Azerbaijan's colour with no extra rule. */
static const CountryColor country_colors[] = {
  { "031", { 0.80, 0.89, 0.91 }, { 0.22, 0.31, 0.34 } },  /* Azerbaijan */
  { "051", { 0.96, 0.87, 0.76 }, { 0.37, 0.30, 0.22 } },  /* Armenia */
  { "268", { 0.91, 0.84, 0.89 }, { 0.33, 0.26, 0.31 } },  /* Georgia */
};

static const double neutral_light[][3] = {
  { 0.94, 0.93, 0.89 }, { 0.92, 0.92, 0.88 }, { 0.93, 0.91, 0.87 }, { 0.91, 0.92, 0.89 },
};

static const double neutral_dark[][3] = {
  { 0.20, 0.20, 0.21 }, { 0.21, 0.21, 0.20 }, { 0.19, 0.20, 0.21 }, { 0.21, 0.20, 0.21 },
};

void
atlas_painter_country_color (const char *id,
                             gboolean    dark,
                             double     *rgb)
{
  const double *chosen;

  for (guint i = 0; i < G_N_ELEMENTS (country_colors); i++)
    if (g_strcmp0 (id, country_colors[i].id) == 0)
      {
        chosen = dark ? country_colors[i].dark : country_colors[i].light;
        memcpy (rgb, chosen, 3 * sizeof (double));
        return;
      }

  chosen = dark ? neutral_dark[g_str_hash (id ? id : "") % G_N_ELEMENTS (neutral_dark)]
                : neutral_light[g_str_hash (id ? id : "") % G_N_ELEMENTS (neutral_light)];
  memcpy (rgb, chosen, 3 * sizeof (double));
}

void
atlas_painter_water_color (gboolean  dark,
                           double   *rgb)
{
  static const double light[3] = { 0.67, 0.80, 0.89 };
  static const double night[3] = { 0.09, 0.14, 0.20 };

  memcpy (rgb, dark ? night : light, 3 * sizeof (double));
}

static void
trace_feature (cairo_t                   *cr,
               AtlasBasemap              *basemap,
               const AtlasBasemapFeature *feature,
               const AtlasView           *view,
               const AtlasBox            *visible)
{
  const AtlasPoint *points = atlas_basemap_get_points (basemap);
  double size = atlas_geo_world_size (view->zoom);

  for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
    {
      const AtlasBasemapRing *ring = atlas_basemap_get_ring (basemap, r);
      double last_x = G_MAXDOUBLE, last_y = G_MAXDOUBLE;

      if (!atlas_geo_box_intersects (&ring->box, visible))
        continue;

      for (guint i = 0; i < ring->n_points; i++)
        {
          const AtlasPoint *p = &points[ring->first_point + i];
          double x = p->x * size - view->x;
          double y = p->y * size - view->y;

          /* Points closer than a quarter pixel add nothing but time. */
          if (i > 0 && fabs (x - last_x) < 0.25 && fabs (y - last_y) < 0.25)
            continue;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          last_x = x;
          last_y = y;
        }
      cairo_close_path (cr);
    }
}

static gboolean
wanted (const AtlasBasemapFeature *feature,
        AtlasBasemapKind           kind,
        gboolean                   coarse)
{
  return feature->kind == kind && feature->coarse == coarse;
}

static void
fill_countries (cairo_t         *cr,
                AtlasBasemap    *basemap,
                const AtlasView *view,
                const AtlasBox  *visible,
                gboolean         coarse)
{
  guint n = atlas_basemap_get_n_features (basemap);
  double rgb[3];

  for (guint i = 0; i < n; i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, i);

      if (!wanted (feature, ATLAS_BASEMAP_COUNTRY, coarse) ||
          !atlas_geo_box_intersects (&feature->box, visible))
        continue;

      trace_feature (cr, basemap, feature, view, visible);
      atlas_painter_country_color (feature->id, view->dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill (cr);
    }
}

/* Borders after all fills, lakes and provinces, so nothing paints over them. */
static void
stroke_borders (cairo_t         *cr,
                AtlasBasemap    *basemap,
                const AtlasView *view,
                const AtlasBox  *visible,
                gboolean         coarse)
{
  guint n = atlas_basemap_get_n_features (basemap);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, view->zoom < 5 ? 0.6 : 1.1);
  if (view->dark)
    cairo_set_source_rgba (cr, 0.75, 0.72, 0.70, 0.8);
  else
    cairo_set_source_rgba (cr, 0.42, 0.37, 0.34, 0.9);

  for (guint i = 0; i < n; i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, i);

      if (!wanted (feature, ATLAS_BASEMAP_COUNTRY, coarse) ||
          !atlas_geo_box_intersects (&feature->box, visible))
        continue;

      trace_feature (cr, basemap, feature, view, visible);
      cairo_stroke (cr);
    }
}

static void
paint_details (cairo_t         *cr,
               AtlasBasemap    *basemap,
               const AtlasView *view,
               const AtlasBox  *visible)
{
  guint n = atlas_basemap_get_n_features (basemap);
  static const double dash[] = { 3.0, 2.0 };
  double water[3];

  atlas_painter_water_color (view->dark, water);
  for (guint i = 0; i < n; i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, i);

      if (feature->kind == ATLAS_BASEMAP_LAKE && atlas_geo_box_intersects (&feature->box, visible))
        {
          trace_feature (cr, basemap, feature, view, visible);
          cairo_set_source_rgb (cr, water[0], water[1], water[2]);
          cairo_fill (cr);
        }
    }

  if (view->zoom < 6.5)
    return;

  /* Provinces: thin and dashed, under the national borders' weight. */
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 0.7);
  if (view->dark)
    cairo_set_source_rgba (cr, 0.7, 0.68, 0.66, 0.45);
  else
    cairo_set_source_rgba (cr, 0.45, 0.40, 0.36, 0.45);
  for (guint i = 0; i < n; i++)
    {
      const AtlasBasemapFeature *feature = atlas_basemap_get_feature (basemap, i);

      if (feature->kind == ATLAS_BASEMAP_PROVINCE &&
          atlas_geo_box_intersects (&feature->box, visible))
        {
          trace_feature (cr, basemap, feature, view, visible);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/**
 * atlas_painter_paint_basemap:
 *
 * Paints water, countries, lakes, provinces and borders for @view onto @cr, whose origin
 * is the view's top-left corner and whose units are map pixels.
 */
void
atlas_painter_paint_basemap (cairo_t         *cr,
                             AtlasBasemap    *basemap,
                             const AtlasView *view)
{
  double size = atlas_geo_world_size (view->zoom);
  AtlasPoint detail_nw = atlas_geo_project (DETAIL_NORTH, DETAIL_WEST);
  AtlasPoint detail_se = atlas_geo_project (DETAIL_SOUTH, DETAIL_EAST);
  AtlasBox visible = {
    view->x / size, view->y / size,
    (view->x + view->width) / size, (view->y + view->height) / size,
  };
  AtlasBox detail = { detail_nw.x, detail_nw.y, detail_se.x, detail_se.y };
  double water[3];

  atlas_painter_water_color (view->dark, water);
  cairo_save (cr);
  cairo_set_source_rgb (cr, water[0], water[1], water[2]);
  cairo_paint (cr);

  if (view->zoom < ATLAS_PAINTER_DETAIL_ZOOM || !atlas_geo_box_intersects (&visible, &detail))
    {
      fill_countries (cr, basemap, view, &visible, TRUE);
      stroke_borders (cr, basemap, view, &visible, TRUE);
      cairo_restore (cr);
      return;
    }

  /* Coarse outlines outside the detailed box, detailed ones inside it. */
  if (!(visible.x1 >= detail.x1 && visible.x2 <= detail.x2 &&
        visible.y1 >= detail.y1 && visible.y2 <= detail.y2))
    {
      cairo_save (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (cr, 0, 0, view->width, view->height);
      cairo_rectangle (cr, detail.x1 * size - view->x, detail.y1 * size - view->y,
                       (detail.x2 - detail.x1) * size, (detail.y2 - detail.y1) * size);
      cairo_clip (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      fill_countries (cr, basemap, view, &visible, TRUE);
      stroke_borders (cr, basemap, view, &visible, TRUE);
      cairo_restore (cr);
    }

  cairo_rectangle (cr, detail.x1 * size - view->x, detail.y1 * size - view->y,
                   (detail.x2 - detail.x1) * size, (detail.y2 - detail.y1) * size);
  cairo_clip (cr);
  fill_countries (cr, basemap, view, &visible, FALSE);
  paint_details (cr, basemap, view, &visible);
  stroke_borders (cr, basemap, view, &visible, FALSE);
  cairo_restore (cr);
}
