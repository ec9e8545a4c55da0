/* bench-export.c: the time to export the map with the bundled data, no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints "name: value unit" lines: the median and worst of several 1920 x 1080 PNG, SVG and
 * PDF exports of the whole region with every layer. With a folder as argument, the last
 * export of each format is left there to be looked at.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-export.h"

#define N_RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_format (AtlasSession      *session,
              AtlasFeatures     *features,
              AtlasExportFormat  format,
              const char        *name,
              const char        *folder)
{
  g_autofree char *file = g_strdup_printf ("region-1920x1080.%s", name);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  AtlasExportOptions options = {
    .format = format, .latitude = 40.8, .longitude = 45.5, .zoom = 6.6,
    .width = 1920, .height = 1080, .scale = 1,
  };
  double times[N_RUNS];

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!atlas_export_map (session, features, &options, path, &error))
        g_error ("Export failed: %s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  g_print ("export_map_1920x1080_%s_median: %.1f ms\n", name, times[N_RUNS / 2]);
  g_print ("export_map_1920x1080_%s_worst: %.1f ms\n", name, times[N_RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_autoptr(AtlasFeatures) features = NULL;
  g_autoptr(AtlasSession) session = NULL;
  g_autofree char *scratch = NULL;
  const char *folder = argc > 1 ? argv[1] : NULL;

  if (store == NULL || (features = atlas_features_load (store, &error)) == NULL)
    g_error ("Could not open the bundled data: %s", error->message);
  session = atlas_session_new (store);

  if (folder == NULL)
    folder = scratch = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);

  bench_format (session, features, ATLAS_EXPORT_PNG, "png", folder);
  bench_format (session, features, ATLAS_EXPORT_SVG, "svg", folder);
  bench_format (session, features, ATLAS_EXPORT_PDF, "pdf", folder);

  if (scratch != NULL)
    {
      const char *names[] = { "png", "svg", "pdf" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *file = g_strdup_printf ("region-1920x1080.%s", names[i]);
          g_autofree char *path = g_build_filename (scratch, file, NULL);

          g_unlink (path);
        }
      g_rmdir (scratch);
    }
  return 0;
}
