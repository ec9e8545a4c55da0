/* atlas-event-glyph.h: the events on the map, gathered by place and clustered by zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-geo.h"
#include "atlas-painter.h"

G_BEGIN_DECLS

/* How long ago a glyph's events began, when the events follow the "as of" day. */
typedef enum
{
  ATLAS_EVENT_AGE_ANY,      /* the events do not follow the day: all alike */
  ATLAS_EVENT_AGE_RECENT,   /* one of them began in the month up to the day: it stands out */
  ATLAS_EVENT_AGE_EARLIER,  /* all began before that: drawn quieter */
} AtlasEventAge;

/* An earlier event's glyph: smaller and paler than one that stands out. */
#define ATLAS_EVENT_GLYPH_EARLIER_RADIUS 4.5
#define ATLAS_EVENT_GLYPH_EARLIER_ALPHA  0.45

/* Events shown on the map, gathered by place. */
typedef struct
{
  AtlasPoint    point;
  gint64        place_id;
  gint64        event_id;   /* the event, when count is 1 */
  guint         count;
  gboolean      selected;
  gboolean      several_places;  /* a cluster of glyphs at different places */
  AtlasEventAge age;
} AtlasEventGlyph;

void    atlas_event_glyph_position (const AtlasEventGlyph *glyph,
                                    const AtlasView       *view,
                                    double                *x,
                                    double                *y,
                                    double                *radius);
GArray *atlas_event_glyph_cluster  (GArray                *glyphs,
                                    double                 zoom);
int     atlas_event_glyph_recent_from (const char          *day);
void    atlas_event_glyph_paint_halo (cairo_t              *cr,
                                      double                x,
                                      double                y,
                                      double                radius);

G_END_DECLS
