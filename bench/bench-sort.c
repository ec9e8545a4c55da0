/* bench-sort.c: what sorting the events list by a column costs, from the bundled store to a
 * million events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a bench-sort [LARGEST]       generated stores of 100,000 events, then ten
 *                                          times more, up to LARGEST (default 1,000,000)
 *   xvfb-run -a bench-sort --store FILE... stores on disk instead (they are upgraded to the
 *                                          current schema: give copies)
 *
 * Prints "name: value unit" lines for each store:
 *   - sort_NAME_core_COLUMN_DIRECTION: the median time the core takes to order the whole
 *     result set (atlas_event_sort()), and the same for the heavy actor's events; _cpu, the
 *     time the thread ran (the rest of the wall-clock time it waited for a processor);
 *   - sort_NAME_COLUMN_DIRECTION: the median time from a header's sort to the list's model
 *     in the new order (_models, and _models_cpu the main thread's running time) and to the
 *     frame drawn with it (_drawn), in the window;
 *   - sort_NAME_frame_unsorted: the median time to draw the list again with nothing changed,
 *     the part of _drawn that is only drawing (Mesa's software renderer here);
 *   - sort_NAME_statements_per_sort: the most statements one sort ran (rows are read only
 *     as they are shown: a page or two);
 *   - sort_NAME_rss_first_sorts: the window's resident memory after sorting by each column
 *     once, less before (what the first sorts keep: loading every row kept 370 MB);
 *   - sort_NAME_rss_growth: the resident memory after RUNS more rounds of sorting by each
 *     column, less after the first round (what each sort adds; GTK's and the renderer's
 *     caches make a few MiB of noise here);
 *   - sort_NAME_rss_held: the resident memory after all of them, once the C library has
 *     given back the pages it keeps free for later, less before the first sort: what the
 *     program holds, as the freed buffers of a sort of a million events (tens of MB) stay
 *     in the C library's heap otherwise.
 */

#include "config.h"

#include "bench-generate.h"
#include "bench-util.h"
#include "bench-window.h"

#include <gtk/gtk.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-event-sort.h"
#include "atlas-results.h"
#include "atlas-session.h"
#include "atlas-window.h"

#define RUNS 5

static const char * const column_names[] = { "date", "title", "actors", "kind", "place" };

static AtlasApplication *app;

/* The core alone, on @ids with the result set's rows and actors at hand. */
static void
bench_core (AtlasStore       *store,
            const char       *name,
            const char       *list,
            GArray           *ids,
            GArray           *known,
            AtlasEventActors *actors)
{
  for (AtlasEventSort by = ATLAS_EVENT_SORT_DATE; by <= ATLAS_EVENT_SORT_PLACE; by++)
    for (int descending = 0; descending <= 1; descending++)
      {
        double times[RUNS], cpu[RUNS];

        for (int run = 0; run < RUNS; run++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GArray) sorted = NULL;
            gint64 start = g_get_monotonic_time ();
            double start_cpu = bench_cpu_ms ();

            sorted = atlas_event_sort (store, ids, known, actors, by, descending, &error);
            times[run] = (g_get_monotonic_time () - start) / 1000.0;
            cpu[run] = bench_cpu_ms () - start_cpu;
            if (sorted == NULL)
              g_error ("Could not sort: %s", error->message);
          }
        bench_sort_times (times, RUNS);
        bench_sort_times (cpu, RUNS);
        g_print ("sort_%s_core_%s%s_%s: %.1f ms\n", name, list, column_names[by],
                 descending ? "desc" : "asc", times[RUNS / 2]);
        g_print ("sort_%s_core_%s%s_%s_cpu: %.1f ms\n", name, list, column_names[by],
                 descending ? "desc" : "asc", cpu[RUNS / 2]);
      }
}

static void
bench_window (AtlasStore *store,
              const char *name)
{
  AtlasWindow *window = atlas_window_new (app, store, NULL);
  AtlasResults *results = atlas_session_get_results (atlas_window_get_session (window));
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  GtkColumnView *view;
  GListModel *columns;
  double models[G_N_ELEMENTS (column_names)][2][RUNS], drawn[G_N_ELEMENTS (column_names)][2][RUNS];
  double models_cpu[G_N_ELEMENTS (column_names)][2][RUNS];
  guint64 statements = 0;
  double before, settled;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  /* The window finds its results in the background: the list is full once they are in. */
  while ((!atlas_results_get_ready (results) || atlas_results_get_busy (results)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  bench_wait_for_paint (GTK_WIDGET (window));
  bench_iterate ();
  bench_wait_for_paint (GTK_WIDGET (window));

  /* The events list is the window's one column view. */
  view = NULL;
  for (GtkWidget *widget = GTK_WIDGET (window); widget != NULL && view == NULL;)
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      if (GTK_IS_COLUMN_VIEW (widget))
        view = GTK_COLUMN_VIEW (widget);
      while (next == NULL && widget != NULL)
        {
          next = gtk_widget_get_next_sibling (widget);
          widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (view);

  {
    double frames[RUNS];

    for (int run = 0; run < RUNS; run++)
      {
        gint64 start = g_get_monotonic_time ();

        bench_wait_for_paint (GTK_WIDGET (view));
        frames[run] = (g_get_monotonic_time () - start) / 1000.0;
      }
    bench_sort_times (frames, RUNS);
    g_print ("sort_%s_frame_unsorted: %.1f ms\n", name, frames[RUNS / 2]);
  }

  /* A first round, then the measured ones. */
  before = bench_rss_mib ();
  settled = before;
  for (int run = -1; run < RUNS; run++)
    for (guint column = 0; column < G_N_ELEMENTS (column_names); column++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GtkColumnViewColumn) header = g_list_model_get_item (columns, column);
          guint64 count = atlas_store_get_statement_count (store);
          gint64 start = g_get_monotonic_time ();
          double start_cpu = bench_cpu_ms ();
          double to_models, to_models_cpu, to_drawn;

          gtk_column_view_sort_by_column (view, header, descending ? GTK_SORT_DESCENDING
                                                                   : GTK_SORT_ASCENDING);
          to_models = (g_get_monotonic_time () - start) / 1000.0;
          to_models_cpu = bench_cpu_ms () - start_cpu;
          bench_iterate ();
          bench_wait_for_paint (GTK_WIDGET (view));
          to_drawn = (g_get_monotonic_time () - start) / 1000.0;
          statements = MAX (statements, atlas_store_get_statement_count (store) - count);
          if (run < 0)
            {
              if (column == G_N_ELEMENTS (column_names) - 1 && descending)
                settled = bench_rss_mib ();
              continue;
            }
          models[column][descending][run] = to_models;
          models_cpu[column][descending][run] = to_models_cpu;
          drawn[column][descending][run] = to_drawn;
        }

  for (guint column = 0; column < G_N_ELEMENTS (column_names); column++)
    for (int descending = 0; descending <= 1; descending++)
      {
        bench_sort_times (models[column][descending], RUNS);
        bench_sort_times (models_cpu[column][descending], RUNS);
        bench_sort_times (drawn[column][descending], RUNS);
        g_print ("sort_%s_%s_%s_models: %.1f ms\n", name, column_names[column],
                 descending ? "desc" : "asc", models[column][descending][RUNS / 2]);
        g_print ("sort_%s_%s_%s_models_cpu: %.1f ms\n", name, column_names[column],
                 descending ? "desc" : "asc", models_cpu[column][descending][RUNS / 2]);
        g_print ("sort_%s_%s_%s_drawn: %.1f ms\n", name, column_names[column],
                 descending ? "desc" : "asc", drawn[column][descending][RUNS / 2]);
      }
  g_print ("sort_%s_statements_per_sort: %" G_GUINT64_FORMAT " statements\n", name, statements);
  g_print ("sort_%s_rss_first_sorts: %.1f MiB\n", name, settled - before);
  g_print ("sort_%s_rss_growth: %.1f MiB\n", name, bench_rss_mib () - settled);
#ifdef __GLIBC__
  malloc_trim (0);
  g_print ("sort_%s_rss_held: %.1f MiB\n", name, bench_rss_mib () - before);
#endif

  gtk_window_destroy (GTK_WINDOW (window));
  bench_iterate ();
}

static void
bench_store (AtlasStore *store,
             const char *name)
{
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(GError) error = NULL;
  GArray *actor_ids;
  gint64 heavy;

  if (!atlas_results_update (results, NULL, &error))
    g_error ("Could not find the events: %s", error->message);
  g_print ("sort_%s_events: %u events\n", name, atlas_results_get_n_events (results));
  bench_core (store, name, "", atlas_results_get_event_ids (results),
              atlas_results_get_timeline (results), atlas_results_get_event_actors (results));
  heavy = bench_query_int (store, "SELECT actor_id FROM event_actors GROUP BY actor_id"
                                 " ORDER BY count (*) DESC LIMIT 1");
  actor_ids = atlas_results_get_item_event_ids (results, &(AtlasItem) { ATLAS_ITEM_ACTOR, heavy },
                                                &error);
  if (actor_ids == NULL)
    g_error ("Could not find the actor's events: %s", error->message);
  g_print ("sort_%s_actor_events: %u events\n", name, actor_ids->len);
  bench_core (store, name, "actor_", actor_ids, atlas_results_get_timeline (results),
              atlas_results_get_event_actors (results));
  bench_window (store, name);
}

static void
bench_generated (guint events)
{
  BenchStoreSize size = { events, 1000, 5000, 20000, 10000 };
  g_autofree char *name = g_strdup_printf ("%u_events", events);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_generate_store (store, &size);
  bench_store (store, name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_init ();
  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (argc > 1 && g_str_equal (argv[1], "--store"))
    for (int i = 2; i < argc; i++)
      {
        g_autoptr(AtlasStore) store = atlas_dataset_open_store (argv[i], ATLAS_STORE_FLAGS_NONE,
                                                                &error);
        g_autofree char *base = g_path_get_basename (argv[i]);

        if (store == NULL)
          g_error ("%s", error->message);
        g_strdelimit (base, ".-", '_');
        bench_store (store, base);
      }
  else
    {
      guint largest = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
      g_autoptr(AtlasStore) bundled = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE,
                                                                &error);

      g_assert_no_error (error);
      bench_store (bundled, "bundled");
      for (guint events = 100000; events <= largest; events *= 10)
        bench_generated (events);
    }

  g_object_unref (app);
  return 0;
}
