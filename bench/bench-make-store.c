/* bench-make-store.c: a large store on disk, to open in the window or time by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-make-store PATH [EVENTS]      (default 1000000)
 *
 * Creates PATH with the bundled dataset and then as many generated events as asked for,
 * with the sizes bench-results uses (1,000 actors, 5,000 places, 20,000 passages of which
 * 10,000 quote one actor). PATH must not exist.
 */

#include "config.h"

#include "bench-generate.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"

int
main (int   argc,
      char *argv[])
{
  BenchStoreSize size = { 1000000, 1000, 5000, 20000, 10000 };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s PATH [EVENTS]\n", argv[0]);
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("“%s” exists already\n", argv[1]);
      return 1;
    }
  if (argc == 3)
    size.events = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  store = atlas_dataset_open_store (argv[1], ATLAS_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench_generate_store (store, &size);
  g_print ("make_store_%u_events: %.0f ms\n", size.events, (g_get_monotonic_time () - start) / 1000.0);
  return 0;
}
