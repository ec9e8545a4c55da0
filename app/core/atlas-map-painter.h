/* atlas-map-painter.h: cairo drawing of corridors, zones, places and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-event-glyph.h"
#include "atlas-features.h"
#include "atlas-legend-painter.h"
#include "atlas-painter.h"
#include "atlas-sprite-cache.h"

G_BEGIN_DECLS

typedef struct
{
  AtlasBasemap     *basemap;      /* for the countries' names, or NULL */
  AtlasFeatures    *features;
  const char       *day;          /* "as of", YYYY-MM-DD; NULL: today */
  GArray           *events;       /* AtlasEventGlyph, or NULL */
  AtlasItem         selection;
  gboolean          has_target;   /* where the selection is, for an edge marker when off screen */
  AtlasPoint        target;
  const char       *target_name;
  GArray           *reserved;     /* cairo_rectangle_t that names keep off (a legend), or NULL */
  AtlasSpriteCache *sprites;      /* labels and marks drawn, kept by the caller from one
                                   * painting to the next; NULL: for this painting only */
  AtlasPlaceNames   place_names;  /* how places are named */
} AtlasMapState;

/* What to paint: the shapes can be painted into tiles and kept; the labels depend on the
 * whole view (they must not collide) and are placed afresh for each frame. */
typedef enum
{
  ATLAS_PAINT_SHAPES = 1 << 0,
  ATLAS_PAINT_LABELS = 1 << 1,
  ATLAS_PAINT_ALL    = ATLAS_PAINT_SHAPES | ATLAS_PAINT_LABELS,
} AtlasPaintParts;

/* A label (or the edge marker) to copy onto the view, when painting labels as blits. */
typedef struct
{
  cairo_surface_t *surface;  /* a reference, dropped by the array's clear function */
  double           x;
  double           y;
  double           width;
  double           height;
} AtlasBlit;

/* What atlas_map_painter_place_labels() tells tests: where each label went, and the places'
 * dots that labels keep off. In view pixels. */
typedef enum
{
  ATLAS_PLACED_LABEL,
  ATLAS_PLACED_DOT,
} AtlasPlacedKind;

typedef struct
{
  AtlasPlacedKind  kind;
  char            *text;    /* the label's, or the name of the dot's place */
  double           x;
  double           y;
  double           width;
  double           height;
} AtlasPlaced;

void          atlas_map_painter_paint          (cairo_t             *cr,
                                                const AtlasView     *view,
                                                const AtlasMapState *state,
                                                AtlasLegendFlags    *drawn);
void          atlas_map_painter_paint_parts    (cairo_t             *cr,
                                                const AtlasView     *view,
                                                const AtlasMapState *state,
                                                AtlasPaintParts      parts,
                                                double               margin,
                                                GArray              *blits,
                                                AtlasLegendFlags    *drawn);
GArray       *atlas_blits_new                  (void);
GArray       *atlas_map_painter_place_labels   (const AtlasView     *view,
                                                const AtlasMapState *state);
double        atlas_map_painter_place_min_zoom (int                  rank);
void          atlas_map_painter_corridor_color (const char          *kind,
                                                double              *rgb);
double        atlas_map_painter_status_alpha   (AtlasStatus          status);
const double *atlas_map_painter_status_dashes  (AtlasStatus          status,
                                                guint               *n_dashes);

G_END_DECLS
