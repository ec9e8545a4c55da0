/* atlas-bench-probe.c: what a window costs from its start, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Off unless ATLAS_BENCH_FIRST_FRAME holds the monotonic time (g_get_monotonic_time) at
 * which the process was started. Then it prints the time to the window's first frame
 * ("first_frame: N ms") and quits, for bench/bench-startup.c. With ATLAS_BENCH_PROBE set
 * too it goes on, for bench/bench-side-by-side.c, which runs the program beside the bare
 * map window of bench/bench-baseline.c, both with this probe, and prints:
 *
 * - tiles_frame: the first frame drawn once every basemap tile the map shows was painted
 *   (the tile source's ::tile-filled, checked against the tiles the viewport covers);
 * - cpu_3s: the processor time of the whole process (getrusage) in its first 3 s, and
 *   frames_3s the frames it drew meanwhile;
 * - idle_frames: the frames drawn in 3 s once settled (1 s after the tiles frame, and
 *   no sooner than 3 s after the start), when nothing changes;
 * - pan_frame_p95, pan_frame_mean: the time between frames while the map's centre moves
 *   round a loop each frame (a tick callback), everything the main loop does between
 *   frames included (the tiles painted for what comes into view);
 * - rss_after_pan: VmRSS once the loop is done.
 *
 * Then it quits the application.
 */

#define G_LOG_DOMAIN "atlas-bench-probe"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include <shumate/shumate.h>

#include "atlas-bench-probe.h"
#include "atlas-geo.h"
#include "atlas-tile-source.h"

#define SETTLE_AFTER_TILES_US (1 * G_USEC_PER_SEC)
#define WINDOW_US             (3 * G_USEC_PER_SEC)
#define GIVE_UP_US            (60 * G_USEC_PER_SEC)
#define PAN_FRAMES            150
#define PAN_RADIUS            500.0  /* pixels at the map's zoom */

typedef enum {
  WAIT_FIRST_FRAME,
  WAIT_TILES,
  SETTLING,
  IDLE,
  PANNING,
  DONE,
} Stage;

typedef struct
{
  GtkWindow        *window;
  gint64            start;
  gboolean          full;
  Stage             stage;
  GtkWidget        *map;        /* the ShumateMap */
  ShumateViewport  *viewport;
  GHashTable       *filled;     /* tile keys the source has painted */
  gint64            tiles_frame;
  guint             early_frames;  /* drawn in the first 3 s */
  guint             idle_frames;
  GArray           *pan_times;  /* ms between frames */
  gint64            last_paint;
  guint             pan_frame;
  AtlasPoint        pan_centre;
  double            pan_zoom;
  guint             tick_id;
  guint             cpu_id;
  guint             stage_id;    /* the timeout that ends SETTLING or IDLE */
  guint             give_up_id;
} Probe;

static gint64
tile_key (guint x,
          guint y,
          guint zoom)
{
  return ((gint64) zoom << 48) | ((gint64) x << 24) | y;
}

static double
since_start_ms (Probe *probe)
{
  return (g_get_monotonic_time () - probe->start) / 1000.0;
}

static void
probe_free (Probe *probe)
{
  g_clear_handle_id (&probe->give_up_id, g_source_remove);
  g_clear_handle_id (&probe->cpu_id, g_source_remove);
  g_clear_handle_id (&probe->stage_id, g_source_remove);
  g_clear_pointer (&probe->filled, g_hash_table_unref);
  g_clear_pointer (&probe->pan_times, g_array_unref);
  g_free (probe);
}

static void
report (const char *name,
        double      value,
        const char *unit)
{
  printf ("%s: %.1f %s\n", name, value, unit);
  fflush (stdout);
}

static void
finish (Probe *probe)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (probe->window));

  probe->stage = DONE;
  if (application != NULL)
    g_application_quit (application);
  else
    gtk_window_destroy (probe->window);
}

static GtkWidget *
find_simple_map (GtkWidget *widget)
{
  if (SHUMATE_IS_SIMPLE_MAP (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_simple_map (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_tile_filled (AtlasTileSource *source,
                guint            x,
                guint            y,
                guint            zoom,
                Probe           *probe)
{
  g_hash_table_add (probe->filled, g_memdup2 (&(gint64) { tile_key (x, y, zoom) }, sizeof (gint64)));
}

/* Whether every tile the map's view covers, at the level the map layer draws, has been
 * painted. */
static gboolean
tiles_shown (Probe *probe)
{
  int width = gtk_widget_get_width (probe->map), height = gtk_widget_get_height (probe->map);
  double zoom = shumate_viewport_get_zoom_level (probe->viewport);
  int level = (int) zoom;
  double scale = exp2 (zoom - level);
  AtlasPoint centre = atlas_geo_project (shumate_location_get_latitude (SHUMATE_LOCATION (probe->viewport)),
                                         shumate_location_get_longitude (SHUMATE_LOCATION (probe->viewport)));
  double size = atlas_geo_world_size (level), cx = centre.x * size, cy = centre.y * size;
  gint64 last = (gint64) exp2 (level) - 1;

  if (width <= 0 || height <= 0)
    return FALSE;

  for (gint64 tx = MAX (0, (gint64) floor ((cx - width / 2.0 / scale) / 256));
       tx <= MIN (last, (gint64) floor ((cx + width / 2.0 / scale - 1) / 256)); tx++)
    for (gint64 ty = MAX (0, (gint64) floor ((cy - height / 2.0 / scale) / 256));
         ty <= MIN (last, (gint64) floor ((cy + height / 2.0 / scale - 1) / 256)); ty++)
      if (!g_hash_table_contains (probe->filled, &(gint64) { tile_key (tx, ty, level) }))
        return FALSE;
  return TRUE;
}

static void
find_map (Probe *probe)
{
  GtkWidget *simple_map = find_simple_map (GTK_WIDGET (probe->window));
  ShumateMapSource *source;

  if (simple_map == NULL)
    return;

  probe->map = GTK_WIDGET (shumate_simple_map_get_map (SHUMATE_SIMPLE_MAP (simple_map)));
  probe->viewport = shumate_simple_map_get_viewport (SHUMATE_SIMPLE_MAP (simple_map));
  source = shumate_simple_map_get_map_source (SHUMATE_SIMPLE_MAP (simple_map));
  if (ATLAS_IS_TILE_SOURCE (source))
    g_signal_connect (source, "tile-filled", G_CALLBACK (on_tile_filled), probe);
}

static gboolean
pan_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Probe *probe = user_data;
  double t = 2 * G_PI * probe->pan_frame / PAN_FRAMES;
  double size = atlas_geo_world_size (probe->pan_zoom);
  AtlasPoint point = { probe->pan_centre.x + PAN_RADIUS * (cos (t) - 1) / size,
                       probe->pan_centre.y + PAN_RADIUS * sin (t) / size };
  double latitude, longitude;

  if (probe->stage != PANNING || probe->pan_frame > PAN_FRAMES)
    {
      probe->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  probe->pan_frame++;
  atlas_geo_unproject (point, &latitude, &longitude);
  shumate_location_set_location (SHUMATE_LOCATION (probe->viewport), latitude, longitude);
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
finish_pan (Probe *probe)
{
  g_autofree char *status = NULL;
  double sum = 0, rss = 0;
  const char *line;

  g_array_sort (probe->pan_times, compare_doubles);
  for (guint i = 0; i < probe->pan_times->len; i++)
    sum += g_array_index (probe->pan_times, double, i);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmRSS:")) != NULL)
    rss = g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;

  report ("pan_frames", probe->pan_times->len, "frames");
  report ("pan_frame_mean", sum / MAX (1, probe->pan_times->len), "ms");
  report ("pan_frame_p95", g_array_index (probe->pan_times, double,
                                          MIN (probe->pan_times->len - 1,
                                               (guint) (probe->pan_times->len * 0.95))), "ms");
  report ("rss_after_pan", rss, "MiB");
  finish (probe);
}

static void
start_pan (Probe *probe)
{
  if (probe->map == NULL)
    {
      finish (probe);
      return;
    }

  probe->stage = PANNING;
  probe->pan_zoom = shumate_viewport_get_zoom_level (probe->viewport);
  probe->pan_centre = atlas_geo_project (shumate_location_get_latitude (SHUMATE_LOCATION (probe->viewport)),
                                         shumate_location_get_longitude (SHUMATE_LOCATION (probe->viewport)));
  probe->tick_id = gtk_widget_add_tick_callback (probe->map, pan_tick, probe, NULL);
}

static gboolean
end_idle (gpointer user_data)
{
  Probe *probe = user_data;

  probe->stage_id = 0;
  report ("idle_frames", probe->idle_frames, "frames");
  start_pan (probe);
  return G_SOURCE_REMOVE;
}

static gboolean
start_idle (gpointer user_data)
{
  Probe *probe = user_data;

  probe->stage = IDLE;
  probe->stage_id = g_timeout_add (WINDOW_US / 1000, end_idle, probe);
  return G_SOURCE_REMOVE;
}

static gboolean
measure_cpu (gpointer user_data)
{
  Probe *probe = user_data;
  struct rusage usage;

  probe->cpu_id = 0;
  getrusage (RUSAGE_SELF, &usage);
  report ("cpu_3s", (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                    (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0, "ms");
  report ("frames_3s", probe->early_frames, "frames");
  return G_SOURCE_REMOVE;
}

static gboolean
give_up (gpointer user_data)
{
  Probe *probe = user_data;

  probe->give_up_id = 0;
  printf ("probe_gave_up: %d stage\n", probe->stage);
  fflush (stdout);
  finish (probe);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (now < probe->start + WINDOW_US)
    probe->early_frames++;

  switch (probe->stage)
    {
    case WAIT_FIRST_FRAME:
      report ("first_frame", since_start_ms (probe), "ms");
      if (!probe->full)
        {
          g_signal_handlers_disconnect_by_func (clock, on_after_paint, probe);
          finish (probe);
          return;
        }
      probe->stage = WAIT_TILES;
      find_map (probe);
      break;

    case WAIT_TILES:
      if (probe->map == NULL || !tiles_shown (probe))
        break;
      probe->tiles_frame = now;
      report ("tiles_frame", since_start_ms (probe), "ms");
      probe->stage = SETTLING;
      probe->stage_id = g_timeout_add (MAX (now + SETTLE_AFTER_TILES_US, probe->start + WINDOW_US + 50000) / 1000 - now / 1000,
                     start_idle, probe);
      break;

    case IDLE:
      probe->idle_frames++;
      break;

    case PANNING:
      if (probe->last_paint != 0)
        {
          double ms = (now - probe->last_paint) / 1000.0;

          g_array_append_val (probe->pan_times, ms);
        }
      probe->last_paint = now;
      if (probe->pan_times->len >= PAN_FRAMES)
        finish_pan (probe);
      break;

    case SETTLING:
    case DONE:
      break;
    }
}

static void
on_realize (GtkWidget *window,
            Probe     *probe)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), probe);
}

/**
 * atlas_bench_probe_attach:
 *
 * Watches @window from its first frame when ATLAS_BENCH_FIRST_FRAME is set (see above);
 * call it before the window is realized.
 *
 * Returns: whether the probe is on
 */
gboolean
atlas_bench_probe_attach (GtkWindow *window)
{
  const char *stamp = g_getenv ("ATLAS_BENCH_FIRST_FRAME");
  Probe *probe;
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (stamp == NULL)
    return FALSE;

  probe = g_new0 (Probe, 1);
  probe->window = window;
  probe->start = g_ascii_strtoll (stamp, NULL, 10);
  probe->full = g_getenv ("ATLAS_BENCH_PROBE") != NULL;
  probe->filled = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  probe->pan_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_object_set_data_full (G_OBJECT (window), "atlas-bench-probe", probe, (GDestroyNotify) probe_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), probe);

  if (probe->full)
    {
      probe->cpu_id = g_timeout_add (MAX (0, probe->start + WINDOW_US - now) / 1000, measure_cpu, probe);
      probe->give_up_id = g_timeout_add (GIVE_UP_US / 1000, give_up, probe);
    }
  return TRUE;
}
