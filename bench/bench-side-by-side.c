/* bench-side-by-side.c: the program beside a bare map window, in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-side-by-side PROGRAM BASELINE      (under a display, e.g. xvfb-run)
 *
 * Starts, in turn and RUNS times over (ATLAS_BENCH_RUNS, default 5), the bare map window
 * of bench-baseline.c, the program on the bundled store, and the program on a store with
 * 20,000 generated events, each with the probe of app/atlas-bench-probe.c, which reports
 * the first frame, the first frame with the map's tiles, the processor time of the first
 * 3 s, the frames drawn at rest, the frame times while the map pans and the memory after.
 * Interleaved so that a machine shared with others slows each of them alike; prints the
 * median of each figure, "name: value unit", and the program's as a ratio to the
 * baseline's, with the goal of issue 12 beside it.
 */

#include "config.h"

#include "bench-generate.h"
#include "bench-util.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"

typedef struct
{
  const char *name;
  const char *unit;
  double      goal;   /* the most the ratio to the baseline may be, or 0 */
} Figure;

static const Figure figures[] = {
  { "first_frame", "ms", 1.3 },
  { "tiles_frame", "ms", 1.5 },
  { "cpu_3s", "ms", 1.5 },
  { "frames_3s", "frames", 0 },
  { "idle_frames", "frames", 0 },
  { "pan_frame_p95", "ms", 1.2 },
  { "pan_frame_mean", "ms", 0 },
  { "rss_after_pan", "MiB", 1.3 },
};

typedef struct
{
  const char *label;
  const char *argv[5];
  GArray     *values[G_N_ELEMENTS (figures)];
} Subject;

static void
run_once (Subject *subject)
{
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  env = g_environ_setenv (env, "ATLAS_BENCH_FIRST_FRAME", stamp, TRUE);
  env = g_environ_setenv (env, "ATLAS_BENCH_PROBE", "1", TRUE);
  /* Every start as the first: the default size and view, nothing kept from the last. */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  g_spawn_sync (NULL, (char **) subject->argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      g_autofree char *key = g_strdup_printf ("\n%s: ", figures[f].name);
      g_autofree char *text = g_strconcat ("\n", out, NULL);
      const char *line = strstr (text, key);
      double value;

      if (line == NULL)
        {
          g_printerr ("%s printed no %s:\n%s\n", subject->label, figures[f].name, out);
          continue;
        }
      value = g_ascii_strtod (line + strlen (key), NULL);
      g_array_append_val (subject->values[f], value);
    }
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* The bundled dataset and 20,000 generated events among 2,000 more places. */
static void
make_events_store (const char *path)
{
  BenchStoreSize size = { 20000, 200, 2000, 1000, 0 };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_generate_store (store, &size);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_text = g_getenv ("ATLAS_BENCH_RUNS");
  guint runs = runs_text != NULL ? MAX (1, atoi (runs_text)) : 5;
  g_autofree char *dir = g_dir_make_tmp ("atlas-side-by-side-XXXXXX", NULL);
  g_autofree char *bundled = g_build_filename (dir, "bundled.db", NULL);
  g_autofree char *events = g_build_filename (dir, "events.db", NULL);
  Subject subjects[] = {
    { "baseline", { argc > 2 ? argv[2] : "bench/bench-baseline" } },
    { "app", { argc > 1 ? argv[1] : "app/caucasus-atlas", "--db", bundled } },
    { "app_20000_events", { argc > 1 ? argv[1] : "app/caucasus-atlas", "--db", events } },
  };

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
      subjects[s].values[f] = g_array_new (FALSE, FALSE, sizeof (double));

  make_events_store (events);
  run_once (&subjects[1]);  /* creates and fills the bundled store, as on a first start */
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    g_array_set_size (subjects[1].values[f], 0);

  for (guint run = 0; run < runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      run_once (&subjects[s]);

  g_print ("runs: %u runs\n", runs);
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      double base = median (subjects[0].values[f]);

      for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
        g_print ("%s_%s: %.1f %s\n", subjects[s].label, figures[f].name,
                 median (subjects[s].values[f]), figures[f].unit);
      for (guint s = 1; s < G_N_ELEMENTS (subjects); s++)
        {
          if (base <= 0)
            continue;
          if (figures[f].goal > 0)
            g_print ("%s_%s_ratio: %.2f x (goal %.1f x at most)\n", subjects[s].label,
                     figures[f].name, median (subjects[s].values[f]) / base, figures[f].goal);
          else
            g_print ("%s_%s_ratio: %.2f x\n", subjects[s].label, figures[f].name,
                     median (subjects[s].values[f]) / base);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
      g_array_unref (subjects[s].values[f]);
  for (const char *const *name = (const char *[]) { bundled, events, NULL }; *name != NULL; name++)
    {
      g_autofree char *wal = g_strconcat (*name, "-wal", NULL);
      g_autofree char *shm = g_strconcat (*name, "-shm", NULL);

      g_remove (*name);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return 0;
}
