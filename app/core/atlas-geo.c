/* atlas-geo.c: Web Mercator and the geometry the map needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry is projected once, when it is loaded, into unit Mercator; painting a tile or
 * testing a click is then arithmetic on plain doubles at any zoom.
 */

#define G_LOG_DOMAIN "atlas-geo"

#include "config.h"

#include <math.h>

#include "atlas-geo.h"

AtlasPoint
atlas_geo_project (double latitude,
                   double longitude)
{
  double phi = CLAMP (latitude, -ATLAS_GEO_MAX_LATITUDE, ATLAS_GEO_MAX_LATITUDE) * G_PI / 180.0;
  AtlasPoint point;

  point.x = (longitude + 180.0) / 360.0;
  point.y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
  return point;
}

void
atlas_geo_unproject (AtlasPoint  point,
                     double     *latitude,
                     double     *longitude)
{
  if (longitude != NULL)
    *longitude = point.x * 360.0 - 180.0;
  if (latitude != NULL)
    *latitude = atan (sinh (G_PI * (1.0 - 2.0 * point.y))) * 180.0 / G_PI;
}

/* The width of the world in map pixels at @zoom (256 px tiles). */
double
atlas_geo_world_size (double zoom)
{
  return 256.0 * exp2 (zoom);
}

/* Even-odd ray casting: whether @point is inside the closed ring (the last point joins the
 * first). Holes are rings too; a point in a polygon is in its outer ring and no hole. */
gboolean
atlas_geo_ring_contains (const AtlasPoint *ring,
                         guint             n_points,
                         AtlasPoint        point)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const AtlasPoint *a = &ring[i], *b = &ring[j];

      if ((a->y > point.y) != (b->y > point.y) &&
          point.x < (b->x - a->x) * (point.y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }

  return inside;
}

/* The distance from @point to the segment @a–@b, in the points' own units. */
double
atlas_geo_segment_distance (AtlasPoint point,
                            AtlasPoint a,
                            AtlasPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double length2 = dx * dx + dy * dy;
  double t = 0.0;

  if (length2 > 0.0)
    t = CLAMP (((point.x - a.x) * dx + (point.y - a.y) * dy) / length2, 0.0, 1.0);

  return hypot (point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}

void
atlas_geo_box_init (AtlasBox *box)
{
  box->x1 = box->y1 = G_MAXDOUBLE;
  box->x2 = box->y2 = -G_MAXDOUBLE;
}

void
atlas_geo_box_add (AtlasBox   *box,
                   AtlasPoint  point)
{
  box->x1 = MIN (box->x1, point.x);
  box->y1 = MIN (box->y1, point.y);
  box->x2 = MAX (box->x2, point.x);
  box->y2 = MAX (box->y2, point.y);
}

gboolean
atlas_geo_box_contains (const AtlasBox *box,
                        AtlasPoint      point)
{
  return point.x >= box->x1 && point.x <= box->x2 && point.y >= box->y1 && point.y <= box->y2;
}

gboolean
atlas_geo_box_intersects (const AtlasBox *a,
                          const AtlasBox *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}
