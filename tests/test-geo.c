/* test-geo.c: Web Mercator and geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-geo.h"

static void
test_geo_project (void)
{
  AtlasPoint origin = atlas_geo_project (0, 0);
  AtlasPoint yerevan = atlas_geo_project (40.1792, 44.4991);
  double lat, lon;

  g_assert_cmpfloat_with_epsilon (origin.x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (origin.y, 0.5, 1e-12);

  /* Yerevan at zoom 10 is in the slippy-map tile (638, 386). */
  g_assert_cmpint ((int) floor (yerevan.x * exp2 (10)), ==, 638);
  g_assert_cmpint ((int) floor (yerevan.y * exp2 (10)), ==, 386);
  g_assert_cmpfloat (atlas_geo_world_size (10), ==, 262144.0);

  /* Both ways, across the globe. */
  for (double la = -80; la <= 80; la += 7.3)
    for (double lo = -179; lo <= 179; lo += 11.9)
      {
        atlas_geo_unproject (atlas_geo_project (la, lo), &lat, &lon);
        g_assert_cmpfloat_with_epsilon (lat, la, 1e-9);
        g_assert_cmpfloat_with_epsilon (lon, lo, 1e-9);
      }

  /* The poles are cut where the world becomes a square. */
  g_assert_cmpfloat_with_epsilon (atlas_geo_project (90, 0).y, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_geo_project (-90, 0).y, 1.0, 1e-9);
}

static void
test_geo_ring (void)
{
  /* A square with a notch: a C shape. */
  const AtlasPoint ring[] = {
    { 0, 0 }, { 10, 0 }, { 10, 3 }, { 4, 3 }, { 4, 7 }, { 10, 7 }, { 10, 10 }, { 0, 10 },
  };

  g_assert_true (atlas_geo_ring_contains (ring, G_N_ELEMENTS (ring), (AtlasPoint) { 2, 5 }));
  g_assert_true (atlas_geo_ring_contains (ring, G_N_ELEMENTS (ring), (AtlasPoint) { 8, 1 }));
  g_assert_false (atlas_geo_ring_contains (ring, G_N_ELEMENTS (ring), (AtlasPoint) { 8, 5 }));
  g_assert_false (atlas_geo_ring_contains (ring, G_N_ELEMENTS (ring), (AtlasPoint) { 11, 5 }));
}

static void
test_geo_segment_distance (void)
{
  AtlasPoint a = { 0, 0 }, b = { 10, 0 };

  g_assert_cmpfloat_with_epsilon (atlas_geo_segment_distance ((AtlasPoint) { 5, 3 }, a, b), 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_geo_segment_distance ((AtlasPoint) { -3, 4 }, a, b), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_geo_segment_distance ((AtlasPoint) { 13, -4 }, a, b), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_geo_segment_distance ((AtlasPoint) { 1, 1 }, a, a), sqrt (2), 1e-12);
}

static void
test_geo_box (void)
{
  AtlasBox box, other = { 5, 5, 6, 6 };

  atlas_geo_box_init (&box);
  atlas_geo_box_add (&box, (AtlasPoint) { 1, 2 });
  atlas_geo_box_add (&box, (AtlasPoint) { 4, -1 });
  g_assert_true (atlas_geo_box_contains (&box, (AtlasPoint) { 2, 0 }));
  g_assert_false (atlas_geo_box_contains (&box, (AtlasPoint) { 5, 0 }));
  g_assert_false (atlas_geo_box_intersects (&box, &other));
  other.x1 = 3;
  other.y1 = 1;
  g_assert_true (atlas_geo_box_intersects (&box, &other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/project", test_geo_project);
  g_test_add_func ("/geo/ring", test_geo_ring);
  g_test_add_func ("/geo/segment-distance", test_geo_segment_distance);
  g_test_add_func ("/geo/box", test_geo_box);

  return g_test_run ();
}
