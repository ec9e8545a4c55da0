/* bench-startup.c: time from starting the program to its first drawn frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts caucasus-atlas (run this under a display, e.g. xvfb-run) with
 * ATLAS_BENCH_FIRST_FRAME set to the monotonic time of the start; the program prints the
 * time to its first frame and quits. The store exists already, as on every start but the
 * first. Prints "name: value unit" lines.
 */

#include "config.h"

#include "bench-util.h"

#include <glib.h>
#include <glib/gstdio.h>

#define RUNS 5

static double
run_once (const char *binary,
          const char *db)
{
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "ATLAS_BENCH_FIRST_FRAME", stamp, TRUE);
  const char *argv[] = { binary, "--db", db, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  line = strstr (out, "first_frame: ");
  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen ("first_frame: "), NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = argc > 1 ? argv[1] : "app/caucasus-atlas";
  g_autofree char *dir = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "atlas.db", NULL);
  double first_run, times[RUNS];

  first_run = run_once (binary, db);  /* creates and fills the store */
  for (int i = 0; i < RUNS; i++)
    times[i] = run_once (binary, db);
  bench_sort_times (times, RUNS);

  g_print ("first_frame_new_store: %.1f ms\n", first_run);
  g_print ("first_frame: %.1f ms\n", times[RUNS / 2]);

  g_remove (db);
  g_rmdir (dir);
  return 0;
}
