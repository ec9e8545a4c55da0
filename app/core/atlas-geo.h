/* atlas-geo.h: Web Mercator and the geometry the map needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Web Mercator's limit, where the projection is cut to a square. */
#define ATLAS_GEO_MAX_LATITUDE 85.05112878

/* A point in "unit Mercator": the world is the square 0..1, x east, y south. Map pixels at
 * zoom z are these times 256 * 2^z. */
typedef struct
{
  double x;
  double y;
} AtlasPoint;

typedef struct
{
  double x1, y1, x2, y2;
} AtlasBox;

AtlasPoint atlas_geo_project           (double            latitude,
                                        double            longitude);
void       atlas_geo_unproject         (AtlasPoint        point,
                                        double           *latitude,
                                        double           *longitude);
double     atlas_geo_world_size        (double            zoom);
gboolean   atlas_geo_ring_contains     (const AtlasPoint *ring,
                                        guint             n_points,
                                        AtlasPoint        point);
double     atlas_geo_segment_distance  (AtlasPoint        point,
                                        AtlasPoint        a,
                                        AtlasPoint        b);
void       atlas_geo_box_init          (AtlasBox         *box);
void       atlas_geo_box_add           (AtlasBox         *box,
                                        AtlasPoint        point);
gboolean   atlas_geo_box_contains      (const AtlasBox   *box,
                                        AtlasPoint        point);
gboolean   atlas_geo_box_intersects    (const AtlasBox   *a,
                                        const AtlasBox   *b);

G_END_DECLS
