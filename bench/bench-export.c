/* bench-export.c: the time to export the map with the bundled data, no display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints "name: value unit" lines: the median and worst of several 1920 x 1080 PNG, SVG and
 * PDF exports of the whole region with every layer; of a 4000 x 3000 PNG sheet of it and of
 * the map alone at that size; of an A4 PDF sheet at 300 dpi; and of the timeline alone, with
 * the size of each file. With a folder as argument, the last export of each is left there
 * to be looked at; `--only NAME` runs one of them (bench-mapnik.py does, beside Mapnik).
 */

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"
#include "atlas-export.h"

#define N_RUNS 7

typedef struct
{
  const char        *name;   /* of the figure and of the file */
  AtlasExportKind    kind;
  AtlasExportFormat  format;
  int                width;
  int                height;
  AtlasPaper         paper;
} Export;

static const Export exports[] = {
  { "map_1920x1080_png", ATLAS_EXPORT_MAP, ATLAS_EXPORT_PNG, 1920, 1080 },
  { "map_1920x1080_svg", ATLAS_EXPORT_MAP, ATLAS_EXPORT_SVG, 1920, 1080 },
  { "map_1920x1080_pdf", ATLAS_EXPORT_MAP, ATLAS_EXPORT_PDF, 1920, 1080 },
  { "sheet_4000x3000_png", ATLAS_EXPORT_SHEET, ATLAS_EXPORT_PNG, 4000, 3000 },
  { "map_4000x3000_png", ATLAS_EXPORT_MAP, ATLAS_EXPORT_PNG, 4000, 3000 },
  { "sheet_a4_pdf", ATLAS_EXPORT_SHEET, ATLAS_EXPORT_PDF, 0, 0, ATLAS_PAPER_A4 },
  { "timeline_3000_png", ATLAS_EXPORT_TIMELINE, ATLAS_EXPORT_PNG, 3000, 0 },
};

static char *
export_path (const Export *export,
             const char   *folder)
{
  g_autofree char *file = g_strdup_printf ("%s.%s", export->name,
                                           atlas_export_format_suffix (export->format));

  return g_build_filename (folder, file, NULL);
}

static void
bench_export (AtlasSession  *session,
              AtlasFeatures *features,
              const Export  *export,
              const char    *folder)
{
  g_autofree char *path = export_path (export, folder);
  AtlasExportOptions options;
  double times[N_RUNS];
  GStatBuf file;

  atlas_export_options_init (&options);
  options.kind = export->kind;
  options.format = export->format;
  options.width = export->width;
  options.height = export->height;
  options.paper = export->paper;
  options.latitude = 40.8;
  options.longitude = 45.5;
  options.zoom = 6.6;

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!atlas_export_write (session, features, &options, path, &error))
        g_error ("Export failed: %s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  bench_sort_times (times, N_RUNS);
  g_print ("export_%s_median: %.1f ms\n", export->name, times[N_RUNS / 2]);
  g_print ("export_%s_worst: %.1f ms\n", export->name, times[N_RUNS - 1]);
  if (g_stat (path, &file) == 0)
    g_print ("export_%s_size: %" G_GINT64_FORMAT " bytes\n", export->name, (gint64) file.st_size);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_autoptr(AtlasFeatures) features = NULL;
  g_autoptr(AtlasSession) session = NULL;
  g_autofree char *scratch = NULL;
  const char *only = NULL;
  const char *folder;

  if (argc > 2 && g_str_equal (argv[1], "--only"))
    {
      only = argv[2];
      argc -= 2;
      argv += 2;
    }
  folder = argc > 1 ? argv[1] : NULL;

  if (store == NULL || (features = atlas_features_load (store, &error)) == NULL)
    g_error ("Could not open the bundled data: %s", error->message);
  session = atlas_session_new (store);

  if (folder == NULL)
    folder = scratch = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (only == NULL || g_str_equal (only, exports[i].name))
      bench_export (session, features, &exports[i], folder);

  if (scratch != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
        {
          g_autofree char *path = export_path (&exports[i], scratch);

          g_unlink (path);
        }
      g_rmdir (scratch);
    }
  return 0;
}
