/* atlas-event-glyph.h: the events on the map, gathered by place and clustered by zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-geo.h"
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

void    atlas_event_glyph_position (const AtlasEventGlyph *glyph,
                                    const AtlasView       *view,
                                    double                *x,
                                    double                *y,
                                    double                *radius);
GArray *atlas_event_glyph_cluster  (GArray                *glyphs,
                                    double                 zoom);

G_END_DECLS
