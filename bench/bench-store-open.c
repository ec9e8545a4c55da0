/* bench-store-open.c: what opening a large store costs, and what the full check costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-store-open [EVENTS]      (default 1000000)
 *
 * Makes a store of EVENTS generated events (with their search index), then prints
 * "name: value unit" lines: the median time to open it as every start does (header, owner,
 * version and schema, no page scan), the quick_check that every open used to run, and the
 * full check that Check Store and --check run.
 */

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"
#include "atlas-store.h"

#define RUNS 7

static void
make_store (const char *path,
            guint       events)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* One statement fills the store: far longer than a query may run on its own. */
  atlas_store_set_time_limit (store, 3600 * 1000);
  sql = g_strdup_printf ("BEGIN;"
                         "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n "
                         "WHERE v < %u) "
                         "INSERT INTO events (key, kind, title, summary, start) "
                         "SELECT 'e' || v, 'summit', 'Generated event ' || v, "
                         "'A summary of event ' || v || ' for the search index', "
                         "printf ('%%04d-%%02d-%%02d', 1990 + v %% 36, 1 + v %% 12, 1 + v %% 28) "
                         "FROM n;"
                         "COMMIT", events);
  atlas_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static double
time_open (const char *path)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint events = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  double opens[RUNS];
  double quick, full, open;
  gint64 start;

  start = g_get_monotonic_time ();
  make_store (path, events);
  g_print ("store_open_events: %u events\n", events);
  g_print ("store_open_generate: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  for (int run = 0; run < RUNS; run++)
    opens[run] = time_open (path);
  bench_sort_times (opens, RUNS);
  open = opens[RUNS / 2];

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  atlas_store_set_time_limit (store, 3600 * 1000);
  start = g_get_monotonic_time ();
  atlas_store_exec (store, "PRAGMA quick_check", &error);
  g_assert_no_error (error);
  quick = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  problems = atlas_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  full = (g_get_monotonic_time () - start) / 1000.0;
  g_clear_object (&store);

  g_print ("store_open: %.2f ms\n", open);
  g_print ("store_open_quick_check: %.0f ms (what every open used to add)\n", quick);
  g_print ("store_open_speedup: %.0f x\n", (open + quick) / open);
  g_print ("store_check_full: %.0f ms (Check Store, --check)\n", full);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
