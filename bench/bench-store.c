/* bench-store.c: how long the store takes to create, open and load every list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints "name: value unit" lines: the median of several runs of each step.
 */

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>

#include "atlas-actor.h"
#include "atlas-dataset.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-passages.h"
#include "atlas-query.h"
#include "atlas-record-list.h"
#include "atlas-store.h"

#define RUNS 7

static double
median (double *values)
{
  bench_sort_times (values, RUNS);
  return values[RUNS / 2];
}

/* Loads every row of a list as the views do, through the lazy list model. */
static guint
load_all (AtlasStore    *store,
          AtlasItemKind  kind,
          GArray        *ids)
{
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, kind);

  atlas_record_list_set_ids (list, ids);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  double create[RUNS], open[RUNS], lists[RUNS];
  guint rows = 0;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(AtlasStore) store = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      g_remove (path);
      start = g_get_monotonic_time ();
      store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      create[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_object (&store);

      start = g_get_monotonic_time ();
      store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      open[run] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      {
        g_autoptr(GArray) actors = atlas_query_actors_named (store, "", &error);
        g_autoptr(GArray) events = atlas_query_events (store, NULL, &error);
        g_autoptr(GArray) excerpts = atlas_query_excerpts (store, NULL, &error);

        rows = load_all (store, ATLAS_ITEM_ACTOR, actors) +
               load_all (store, ATLAS_ITEM_EVENT, events) +
               load_all (store, ATLAS_ITEM_EXCERPT, excerpts);
      }
      lists[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("store_create_with_dataset: %.2f ms\n", median (create));
  g_print ("store_open: %.2f ms\n", median (open));
  g_print ("load_all_lists: %.2f ms\n", median (lists));
  g_print ("rows_loaded: %u rows\n", rows);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
