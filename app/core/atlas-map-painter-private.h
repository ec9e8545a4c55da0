/* atlas-map-painter-private.h: one painting of a view, shared by the paint passes and the
 * label placer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-map-painter.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t          *cr;
  const AtlasView  *view;
  AtlasSpriteCache *sprites;
  double            size;     /* world size in map pixels */
  AtlasBox          visible;  /* in unit Mercator */
  AtlasBox          near;     /* visible and a margin round it, for marks that spill over */
  GArray           *labels;   /* cairo_rectangle_t already taken */
  GHashTable       *named;    /* texts already drawn: a region and its province, say, once */
  AtlasLegendFlags  drawn;
  gboolean          shapes;
  gboolean          texts;
  GArray           *blits;    /* AtlasBlit, when labels are to be copied by the caller */
  GArray           *marks;    /* cairo_rectangle_t: dots that later labels keep off */
  GArray           *placed;   /* AtlasPlaced, for atlas_map_painter_place_labels(), or NULL */
} AtlasMapFrame;

static inline void
atlas_map_frame_to_screen (const AtlasMapFrame *frame,
                           AtlasPoint           point,
                           double              *x,
                           double              *y)
{
  *x = point.x * frame->size - frame->view->x;
  *y = point.y * frame->size - frame->view->y;
}

static inline gboolean
atlas_map_state_is_selected (const AtlasMapState *state,
                             AtlasItemKind        kind,
                             gint64               id)
{
  return state->selection.kind == kind && state->selection.id == id;
}

gboolean atlas_map_frame_label                (AtlasMapFrame       *frame,
                                                 const char          *text,
                                                 double               x,
                                                 double               y,
                                                 const char          *font,
                                                 double               r,
                                                 double               g,
                                                 double               b);
void     atlas_label_placer_collect_marks       (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);
void     atlas_label_placer_name_corridors      (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);
void     atlas_label_placer_name_countries      (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);
void     atlas_label_placer_name_provinces      (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);
void     atlas_label_placer_name_selected_place (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);
void     atlas_label_placer_edge_marker         (AtlasMapFrame       *frame,
                                                 const AtlasMapState *state);

G_END_DECLS
