/* bench-map.c: the map's speed with 20,000 events (run under a display, e.g. xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints "name: value unit" lines:
 * - frame times while panning and zooming across the region along a fixed path, first
 *   with the basemap alone and then with every layer and 20,000 synthetic events, and
 *   the ratio of their 95th percentiles;
 * - the time to paint one basemap tile at the densest zoom;
 * - the time to hit-test a click among 20,000 events and every corridor and zone.
 */

#include "config.h"

#include "bench-util.h"

#include <math.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-feature-layer.h"
#include "atlas-map-panel.h"
#include "atlas-map-hit.h"
#include "atlas-map-painter.h"
#include "atlas-tile-source.h"

#define N_EVENTS 20000
#define N_PLACES 2000
#define N_FRAMES 240

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * p)));
}

static double
mean (GArray *values)
{
  double sum = 0;

  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  return sum / values->len;
}

/* 2,000 towns scattered over the region and 20,000 events among them, 2000 to 2025: the
 * same proportions as bench-timeline's generated store. */
static void
add_synthetic_events (AtlasStore *store)
{
  GRand *rand = g_rand_new_with_seed (7);
  sqlite3_stmt *place, *event;
  gint64 first_place = 0;

  atlas_store_begin (store, NULL);
  place = atlas_store_prepare (store, "INSERT INTO places (key, kind, name, lat, lon)"
                                      " VALUES (?, 'town', ?, ?, ?)", NULL);
  for (int i = 0; i < N_PLACES; i++)
    {
      g_autofree char *key = g_strdup_printf ("synthetic-%d", i);

      sqlite3_bind_text (place, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (place, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (place, 3, g_rand_double_range (rand, 38.4, 43.6));
      sqlite3_bind_double (place, 4, g_rand_double_range (rand, 40.0, 50.5));
      atlas_store_step_done (store, place, NULL);
      if (i == 0)
        first_place = sqlite3_last_insert_rowid (atlas_store_get_db (store));
    }

  event = atlas_store_prepare (store, "INSERT INTO events (key, kind, title, start, place_id)"
                                      " VALUES (?, 'meeting', 'Synthetic', ?, ?)", NULL);
  for (int i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *key = g_strdup_printf ("synthetic-event-%d", i);
      g_autofree char *date = g_strdup_printf ("%d-%02d", g_rand_int_range (rand, 2000, 2026),
                                               g_rand_int_range (rand, 1, 13));

      sqlite3_bind_text (event, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (event, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (event, 3, first_place + g_rand_int_range (rand, 0, N_PLACES));
      atlas_store_step_done (store, event, NULL);
    }
  atlas_store_commit (store, NULL);
  g_rand_free (rand);
}

typedef struct
{
  ShumateViewport *viewport;
  GArray          *times;    /* ms per frame */
  gint64           started;  /* this frame's update phase */
  int              frame;
  gboolean         done;
} Run;

static void
on_update (GdkFrameClock *clock,
           Run           *run)
{
  double t = run->frame / (double) N_FRAMES * 2 * G_PI;

  /* A loop over the region, in and out between zoom 5.5 and 9. */
  run->started = g_get_monotonic_time ();
  shumate_location_set_location (SHUMATE_LOCATION (run->viewport), 40.8 + 1.6 * sin (t),
                                 45.5 + 3.5 * sin (2 * t));
  shumate_viewport_set_zoom_level (run->viewport, 7.25 + 1.75 * sin (3 * t));
}

static void
on_after_paint (GdkFrameClock *clock,
                Run           *run)
{
  double ms = (g_get_monotonic_time () - run->started) / 1000.0;

  if (run->started == 0)
    return;
  g_array_append_val (run->times, ms);
  run->started = 0;
  if (++run->frame >= N_FRAMES)
    run->done = TRUE;
  else
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
}

static GArray *
run_path (GtkWidget       *window,
          ShumateViewport *viewport)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Run run = { viewport, g_array_new (FALSE, FALSE, sizeof (double)) };
  gulong update, after;

  update = g_signal_connect (clock, "update", G_CALLBACK (on_update), &run);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &run);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, update);
  g_signal_handler_disconnect (clock, after);
  return run.times;
}

static void
bench_frames (AtlasStore *store)
{
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  GtkWidget *window = gtk_window_new ();
  AtlasMapPanel *panel = g_object_new (ATLAS_TYPE_MAP_PANEL, "session", session, NULL);
  ShumateViewport *viewport = atlas_map_panel_get_viewport (panel);
  GtkWidget *layer = GTK_WIDGET (atlas_map_panel_get_feature_layer (panel));
  g_autoptr(GArray) basemap = NULL;
  g_autoptr(GArray) everything = NULL;
  double base_p95, all_p95;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  /* Once round the path to fill the tile caches (the basemap's and the features'), as a
   * person panning back and forth would; then each mode on the same path. */
  g_array_unref (run_path (window, viewport));
  gtk_widget_set_visible (layer, FALSE);

  basemap = run_path (window, viewport);
  gtk_widget_set_visible (layer, TRUE);
  everything = run_path (window, viewport);

  base_p95 = percentile (basemap, 0.95);
  all_p95 = percentile (everything, 0.95);
  g_print ("frame_basemap_alone_mean: %.2f ms\n", mean (basemap));
  g_print ("frame_basemap_alone_p95: %.2f ms\n", base_p95);
  g_print ("frame_all_layers_20000_events_mean: %.2f ms\n", mean (everything));
  g_print ("frame_all_layers_20000_events_p95: %.2f ms\n", all_p95);
  g_print ("frame_p95_ratio: %.2f x\n", all_p95 / base_p95);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
bench_tiles (void)
{
  g_autoptr(AtlasTileSource) source = atlas_tile_source_new (atlas_basemap_get_bundled (), FALSE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const double centres[][2] = { { 40.18, 44.51 }, { 39.21, 45.41 }, { 41.72, 44.79 }, { 40.41, 49.87 },
                                { 39.0, 46.3 }, { 41.3, 45.0 } };
  guint zoom = 12;

  /* The densest zoom: 8 x 8 tiles around each of six border-heavy places. */
  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      AtlasPoint centre = atlas_geo_project (centres[c][0], centres[c][1]);
      guint tx = centre.x * exp2 (zoom), ty = centre.y * exp2 (zoom);

      for (guint dx = 0; dx < 8; dx++)
        for (guint dy = 0; dy < 8; dy++)
          {
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GdkTexture) tile = atlas_tile_source_paint_tile (source, tx + dx - 4, ty + dy - 4,
                                                                       zoom, 1);
            double ms = (g_get_monotonic_time () - start) / 1000.0;

            g_array_append_val (times, ms);
          }
    }

  g_print ("tile_paint_zoom12_mean: %.3f ms\n", mean (times));
  g_print ("tile_paint_zoom12_p95: %.3f ms\n", percentile (times, 0.95));
}

static void
bench_hit (AtlasStore *store)
{
  g_autoptr(AtlasFeatures) features = atlas_features_load (store, NULL);
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (AtlasEventGlyph));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  AtlasMapState state = { atlas_basemap_get_bundled (), features, NULL, NULL, { ATLAS_ITEM_NONE, 0 } };
  GRand *rand = g_rand_new_with_seed (11);
  AtlasPoint centre = atlas_geo_project (40.8, 45.5);
  AtlasView view = { 7, centre.x * atlas_geo_world_size (7) - 640,
                     centre.y * atlas_geo_world_size (7) - 400, 1280, 800, FALSE };

  /* Every one of the 20,000 events as its own glyph, at a jittered copy of its town: the
   * worst case, with no gathering by place and no clustering. */
  for (int i = 0; i < N_EVENTS; i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (features, i % atlas_features_get_n_places (features));
      AtlasEventGlyph glyph = { { place->point.x + g_rand_double_range (rand, -1e-4, 1e-4),
                                  place->point.y + g_rand_double_range (rand, -1e-4, 1e-4) },
                                place->id, i, 1, FALSE, FALSE };

      g_array_append_val (glyphs, glyph);
    }
  state.events = glyphs;

  for (int i = 0; i < 2000; i++)
    {
      double x = g_rand_double_range (rand, 0, 1280), y = g_rand_double_range (rand, 0, 800);
      gint64 start = g_get_monotonic_time ();
      double ms;

      atlas_map_hit (&view, &state, atlas_basemap_get_bundled (), x, y, NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_rand_free (rand);

  g_print ("hit_test_glyphs: %u glyphs\n", glyphs->len);
  g_print ("hit_test_mean: %.3f ms\n", mean (times));
  g_print ("hit_test_p95: %.3f ms\n", percentile (times, 0.95));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  gtk_init ();

  store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_synthetic_events (store);

  bench_tiles ();
  bench_hit (store);
  bench_frames (store);
  return 0;
}
