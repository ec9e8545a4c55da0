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
} AtlasEventGlyph;

typedef struct
{
  AtlasFeatures *features;
  const char    *day;          /* "as of", YYYY-MM-DD; NULL: today */
  GArray        *events;       /* AtlasEventGlyph, or NULL */
  AtlasItem      selection;
} AtlasMapState;

void  atlas_map_painter_paint           (cairo_t             *cr,
                                         const AtlasView     *view,
                                         const AtlasMapState *state);
void  atlas_map_painter_event_position  (const AtlasEventGlyph *glyph,
                                         const AtlasView     *view,
                                         double              *x,
                                         double              *y,
                                         double              *radius);
AtlasItem atlas_map_painter_hit         (const AtlasView     *view,
                                         const AtlasMapState *state,
                                         AtlasBasemap        *basemap,
                                         double               x,
                                         double               y);
void  atlas_map_painter_corridor_color  (const char          *kind,
                                         double              *rgb);
const double *atlas_map_painter_status_dashes (AtlasStatus    status,
                                               guint         *n_dashes);

G_END_DECLS
