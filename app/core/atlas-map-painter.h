/* atlas-map-painter.h: cairo drawing of corridors, zones, places and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-features.h"
#include "atlas-painter.h"

G_BEGIN_DECLS

/* Events shown on the map, gathered by place. */
typedef struct
{
  AtlasPoint point;
  gint64     place_id;
  gint64     event_id;   /* the event, when count is 1 */
  guint      count;
  gboolean   selected;
  gboolean   several_places;  /* a cluster of glyphs at different places */
} AtlasEventGlyph;

/* What a painted view showed, so a legend can explain just that. */
typedef enum
{
  ATLAS_LEGEND_RAIL               = 1 << 0,
  ATLAS_LEGEND_ROAD               = 1 << 1,
  ATLAS_LEGEND_OIL_PIPELINE       = 1 << 2,
  ATLAS_LEGEND_GAS_PIPELINE       = 1 << 3,
  ATLAS_LEGEND_MULTIMODAL         = 1 << 4,
  ATLAS_LEGEND_PROPOSED           = 1 << 5,
  ATLAS_LEGEND_AGREED             = 1 << 6,
  ATLAS_LEGEND_UNDER_CONSTRUCTION = 1 << 7,
  ATLAS_LEGEND_OPERATIONAL        = 1 << 8,
  ATLAS_LEGEND_SUSPENDED          = 1 << 9,
  ATLAS_LEGEND_STATUS_UNKNOWN     = 1 << 10,
  ATLAS_LEGEND_EXCLAVE            = 1 << 11,
  ATLAS_LEGEND_PEACEKEEPING       = 1 << 12,
  ATLAS_LEGEND_OTHER_ZONE         = 1 << 13,
  ATLAS_LEGEND_EVENTS             = 1 << 14,
  ATLAS_LEGEND_PLACES             = 1 << 15,
  ATLAS_LEGEND_PROVINCES          = 1 << 16,
  ATLAS_LEGEND_SELECTED           = 1 << 17,
} AtlasLegendFlags;

typedef struct
{
  AtlasBasemap  *basemap;      /* for the countries' names, or NULL */
  AtlasFeatures *features;
  const char    *day;          /* "as of", YYYY-MM-DD; NULL: today */
  GArray        *events;       /* AtlasEventGlyph, or NULL */
  AtlasItem      selection;
  gboolean       has_target;   /* where the selection is, for an edge marker when off screen */
  AtlasPoint     target;
  const char    *target_name;
  GArray        *reserved;     /* cairo_rectangle_t that names keep off (a legend), or NULL */
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

void  atlas_map_painter_paint           (cairo_t             *cr,
                                         const AtlasView     *view,
                                         const AtlasMapState *state,
                                         AtlasLegendFlags    *drawn);
void  atlas_map_painter_paint_parts     (cairo_t             *cr,
                                         const AtlasView     *view,
                                         const AtlasMapState *state,
                                         AtlasPaintParts      parts,
                                         double               margin,
                                         GArray              *blits,
                                         AtlasLegendFlags    *drawn);
GArray *atlas_blits_new                 (void);
GArray *atlas_map_painter_place_labels  (const AtlasView     *view,
                                         const AtlasMapState *state);
void  atlas_map_painter_paint_legend    (cairo_t             *cr,
                                         AtlasLegendFlags     flags,
                                         gboolean             dark,
                                         double              *width,
                                         double              *height);
int   atlas_map_painter_label_width     (cairo_t             *cr,
                                         const char          *text,
                                         const char          *font,
                                         const double        *rgb);
void  atlas_map_painter_event_position  (const AtlasEventGlyph *glyph,
                                         const AtlasView     *view,
                                         double              *x,
                                         double              *y,
                                         double              *radius);
GArray   *atlas_map_painter_cluster     (GArray              *glyphs,
                                         double               zoom);
AtlasItem atlas_map_painter_hit         (const AtlasView     *view,
                                         const AtlasMapState *state,
                                         AtlasBasemap        *basemap,
                                         double               x,
                                         double               y,
                                         gboolean            *cluster);
void  atlas_map_painter_corridor_color  (const char          *kind,
                                         double              *rgb);
const double *atlas_map_painter_status_dashes (AtlasStatus    status,
                                               guint         *n_dashes);

G_END_DECLS
