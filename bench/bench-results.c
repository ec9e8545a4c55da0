/* bench-results.c: what a filter change and a selection cost the whole window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on the bundled store and on generated ones (100,000 and 1,000,000
 * events with 1,000 actors, 5,000 places and 20,000 passages, 10,000 of them quoting one
 * actor), then prints "name: value unit" lines:
 *   - the time the result set takes to find what each filter finds, without a window, and
 *     its ratio to the baseline of each view running the filter itself (as before it);
 *   - the SQL statements one filter change and one selection run, counted by the store
 *     (sqlite3_trace_v2), the most over several changes;
 *   - the window's first frame, and when its panels are filled with the first results
 *     (found on another thread), with the longest the main loop kept a click waiting
 *     meanwhile;
 *   - the median time from a filter change until the results are in and every view's model
 *     is updated, and the longest the main loop kept a click waiting meanwhile; from
 *     selecting the heavy actor until the models are updated, until the first frame that
 *     shows its details, and until the window has settled;
 *   - the frame that shows one letter of the window's title changed: the least any frame
 *     with a change takes, what the selection's first frame compares with;
 *   - the window's resident memory once settled, for each size, and of it the window's own
 *     (without the pages of the store's file that its reader maps).
 * The stores are files in a temporary folder, as a person's are.
 * Run under a display: xvfb-run -a bench-results [largest number of events], or
 * bench-results --store PATH to measure a store made before (by bench-make-store).
 */

#include "config.h"

#include "bench-generate.h"
#include "bench-util.h"
#include "bench-window.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-passages.h"
#include "atlas-session.h"
#include "atlas-window.h"

#define RUNS 9

static AtlasApplication *app;

/* The filters a person tries one after another: an actor, a kind, a word, a decade, a
 * place, and back to everything. */
static AtlasFilter *
filter_for_run (AtlasStore *store,
                int         run)
{
  static const char * const words[] = { "corridor", "talks", "border" };
  static const char * const kinds[] = { "summit", "agreement", "military" };
  AtlasFilter *filter = atlas_filter_new ();
  g_autofree char *from = NULL;

  switch (run % 6)
    {
    case 0:
      atlas_filter_add_actor (filter, bench_query_int (store, "SELECT max (id) FROM actors") - run);
      break;
    case 1:
      atlas_filter_add_kind (filter, kinds[run % G_N_ELEMENTS (kinds)]);
      atlas_filter_set_from (filter, "2020");
      break;
    case 2:
      atlas_filter_set_text (filter, words[run % G_N_ELEMENTS (words)]);
      atlas_filter_set_from (filter, "2024");
      break;
    case 3:
      from = g_strdup_printf ("%d", 1995 + run);
      atlas_filter_set_from (filter, from);
      atlas_filter_set_to (filter, from);
      break;
    case 4:
      atlas_filter_add_id (filter, ATLAS_FILTER_PLACES, bench_query_int (store, "SELECT max (id) FROM places") - run);
      break;
    default:
      break;
    }
  return filter;
}

/* What each view asked the store for itself before the result set, for the same filter:
 * the events list, the timeline, the map's places, the actors' counts and the passages. */
static void
run_per_view (AtlasStore        *store,
              const AtlasFilter *filter)
{
  g_autoptr(GArray) events = atlas_query_events (store, filter, NULL);
  g_autoptr(GArray) timeline = atlas_query_timeline (store, filter, NULL);
  g_autoptr(GArray) places = atlas_query_event_places (store, filter, NULL, NULL);
  g_autoptr(GArray) counted = atlas_query_events (store, filter, NULL);
  g_autoptr(GHashTable) counts = counted ? atlas_query_actor_counts (store, counted, NULL) : NULL;
  g_autoptr(GArray) excerpts = atlas_query_excerpts (store, filter, NULL);
}

/* The result set alone, as the core computes it for any view, beside the baseline of every
 * view running the same filter itself, in the same run. */
static void
bench_compute (AtlasStore *store,
               const char *name)
{
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  double times[RUNS], baseline[RUNS];

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(AtlasFilter) filter = filter_for_run (store, run);
      gint64 start = g_get_monotonic_time ();

      atlas_results_update (results, filter, NULL);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      run_per_view (store, filter);
      baseline[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  bench_sort_times (times, RUNS);
  bench_sort_times (baseline, RUNS);
  g_print ("results_%s_compute_median: %.1f ms\n", name, times[RUNS / 2]);
  g_print ("results_%s_compute_worst: %.1f ms\n", name, times[RUNS - 1]);
  g_print ("results_%s_per_view_queries_median: %.1f ms\n", name, baseline[RUNS / 2]);
  g_print ("results_%s_compute_ratio: %.2f x\n", name, times[RUNS / 2] / MAX (baseline[RUNS / 2], 0.001));
}

/* How late the main loop answers: a ticker every millisecond notes the longest wait beyond
 * that, which is how long a click made meanwhile would wait. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Ticker;

static gboolean
on_tick (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  ticker->longest = MAX (ticker->longest, now - ticker->last - 1000);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static void
ticker_restart (Ticker *ticker)
{
  ticker->last = g_get_monotonic_time ();
  ticker->longest = 0;
}

/* The time the window's views were done with the last results (this handler is connected
 * after theirs). */
static void
on_results_changed (gint64 *done)
{
  *done = g_get_monotonic_time ();
}

/* Runs the main loop until new results are in and handled, and a frame drawn with them. */
static void
wait_for_results (AtlasResults *results,
                  GtkWidget    *window,
                  gint64       *done)
{
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (*done == 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_results_get_busy (results));
  bench_wait_for_paint (window);
}

/* The shortest a frame with anything new in it can take: one letter of the window's title
 * changed, and the frame drawn. Under Xvfb, Mesa's software renderer draws and copies the
 * whole window for any change, so no figure of a frame that shows a change can be lower. */
static double
one_letter_frame_median (GtkWidget *window)
{
  GtkWidget *titles = gtk_header_bar_get_title_widget (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (window))));
  GtkWidget *title = titles != NULL ? gtk_widget_get_first_child (titles) : NULL;
  g_autofree char *text = NULL;
  double times[RUNS];

  g_assert_true (GTK_IS_LABEL (title));
  text = g_strdup (gtk_label_get_text (GTK_LABEL (title)));
  for (int run = 0; run < RUNS; run++)
    {
      gint64 start;

      bench_iterate ();
      bench_wait_for_paint (window);
      start = g_get_monotonic_time ();
      gtk_label_set_text (GTK_LABEL (title), run % 2 == 0 ? "Caucasus Atlaz" : text);
      times[run] = (bench_wait_for_paint (window) - start) / 1000.0;
    }
  gtk_label_set_text (GTK_LABEL (title), text);
  bench_sort_times (times, RUNS);
  return times[RUNS / 2];
}

static void
bench_window (AtlasStore *store,
              const char *name,
              gint64      heavy_actor)
{
  AtlasWindow *window;
  AtlasSession *session;
  AtlasResults *results;
  double filter_times[RUNS], filter_stalls[RUNS], select_times[RUNS], select_model_times[RUNS];
  double select_frame_times[RUNS];
  guint64 filter_statements = 0, select_statements = 0;
  double before_rss = bench_rss_mib (), before_own = bench_own_memory_mib ();
  Ticker ticker = { 0 };
  gint64 start, done = 0;
  guint tick;

  g_assert_cmpint (heavy_actor, >, 0);

  tick = g_timeout_add (1, on_tick, &ticker);
  start = g_get_monotonic_time ();
  window = atlas_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_paint (GTK_WIDGET (window));
  g_print ("results_%s_first_frame: %.0f ms\n", name, (g_get_monotonic_time () - start) / 1000.0);

  session = atlas_window_get_session (window);
  results = atlas_session_get_results (session);
  g_signal_connect_swapped (results, "changed", G_CALLBACK (on_results_changed), &done);
  if (atlas_results_get_busy (results))
    {
      ticker_restart (&ticker);
      wait_for_results (results, GTK_WIDGET (window), &done);
      g_print ("results_%s_panels_filled: %.0f ms\n", name, (g_get_monotonic_time () - start) / 1000.0);
      g_print ("results_%s_longest_wait_while_filling: %.1f ms\n", name, ticker.longest / 1000.0);
    }
  bench_iterate ();
  g_print ("results_%s_window_rss: %.1f MiB\n", name, bench_rss_mib () - before_rss);
  g_print ("results_%s_window_own_memory: %.1f MiB\n", name, bench_own_memory_mib () - before_own);

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(AtlasFilter) filter = filter_for_run (store, run);
      guint64 statements = atlas_store_get_statement_count (store);

      done = 0;
      ticker_restart (&ticker);
      start = g_get_monotonic_time ();
      atlas_session_set_filter (session, filter);
      if (atlas_results_get_busy (results))
        wait_for_results (results, GTK_WIDGET (window), &done);
      filter_times[run] = ((done ? done : g_get_monotonic_time ()) - start) / 1000.0;
      filter_stalls[run] = ticker.longest / 1000.0;
      filter_statements = MAX (filter_statements, atlas_store_get_statement_count (store) - statements);
      bench_iterate ();
      bench_wait_for_paint (GTK_WIDGET (window));
    }
  done = 0;
  atlas_session_set_filter (session, NULL);
  if (atlas_results_get_busy (results))
    wait_for_results (results, GTK_WIDGET (window), &done);
  bench_iterate ();
  bench_wait_for_paint (GTK_WIDGET (window));

  for (int run = 0; run < RUNS; run++)
    {
      guint64 statements = atlas_store_get_statement_count (store);

      /* The heavy actor, and in between another, so that each selection is a change. */
      start = g_get_monotonic_time ();
      atlas_session_select (session, ATLAS_ITEM_ACTOR, heavy_actor);
      select_model_times[run] = (g_get_monotonic_time () - start) / 1000.0;
      /* The frame that shows the details, then the window settled: the events list and
       * the map follow a frame later, more passages are added as the list asks for them,
       * and the map moves to the actor's events. */
      select_frame_times[run] = (bench_wait_for_paint (GTK_WIDGET (window)) - start) / 1000.0;
      bench_iterate ();
      bench_wait_for_paint (GTK_WIDGET (window));
      select_times[run] = (g_get_monotonic_time () - start) / 1000.0;
      select_statements = MAX (select_statements, atlas_store_get_statement_count (store) - statements);

      atlas_session_select (session, ATLAS_ITEM_ACTOR, heavy_actor + 1 + run);
      bench_iterate ();
      bench_wait_for_paint (GTK_WIDGET (window));
    }

  bench_sort_times (filter_times, RUNS);
  bench_sort_times (filter_stalls, RUNS);
  bench_sort_times (select_times, RUNS);
  bench_sort_times (select_model_times, RUNS);
  bench_sort_times (select_frame_times, RUNS);
  /* The statements of the window's own connection: the finding runs on a second one. */
  g_print ("results_%s_statements_per_filter_change: %" G_GUINT64_FORMAT " statements\n", name, filter_statements);
  g_print ("results_%s_statements_per_selection: %" G_GUINT64_FORMAT " statements\n", name, select_statements);
  g_print ("results_%s_filter_change_models_median: %.1f ms\n", name, filter_times[RUNS / 2]);
  g_print ("results_%s_filter_change_models_worst: %.1f ms\n", name, filter_times[RUNS - 1]);
  g_print ("results_%s_filter_change_longest_wait_median: %.1f ms\n", name, filter_stalls[RUNS / 2]);
  g_print ("results_%s_filter_change_longest_wait_worst: %.1f ms\n", name, filter_stalls[RUNS - 1]);
  g_print ("results_%s_select_heavy_actor_models_median: %.1f ms\n", name, select_model_times[RUNS / 2]);
  g_print ("results_%s_select_heavy_actor_first_frame_median: %.1f ms\n", name, select_frame_times[RUNS / 2]);
  g_print ("results_%s_select_heavy_actor_settled_median: %.1f ms\n", name, select_times[RUNS / 2]);
  g_print ("results_%s_frame_of_one_letter_median: %.1f ms\n", name, one_letter_frame_median (GTK_WIDGET (window)));
  g_print ("results_%s_select_heavy_actor_settled_worst: %.1f ms\n", name, select_times[RUNS - 1]);
  g_print ("results_%s_rss_after: %.1f MiB\n", name, bench_rss_mib () - before_rss);
  g_print ("results_%s_own_memory_after: %.1f MiB\n", name, bench_own_memory_mib () - before_own);

  g_source_remove (tick);
  gtk_window_destroy (GTK_WINDOW (window));
  bench_iterate ();
}

/* Stores are files, as a person's are: the window finds through a second connection. */
static char *
store_path (const char *dir,
            const char *name)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);

  return g_build_filename (dir, file, NULL);
}

static void
remove_store (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
bench_generated (const char *dir,
                 guint       events)
{
  BenchStoreSize size = { events, 1000, 5000, 20000, 10000 };
  g_autofree char *name = g_strdup_printf ("%u_events", events);
  g_autofree char *path = store_path (dir, name);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_generate_store (store, &size);
  g_print ("results_%s_generate: %.0f ms\n", name, (g_get_monotonic_time () - start) / 1000.0);
  bench_compute (store, name);
  bench_window (store, name, bench_query_int (store, "SELECT min (id) FROM actors WHERE key LIKE 'bench-actor-%'"));
  g_clear_object (&store);
  remove_store (path);
}

/* A store made before, measured as it is: its heavy actor is the generator's, or else the
 * one most passages quote. */
static void
bench_existing (const char *path)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_window (store, "store",
                bench_query_int (store, "SELECT coalesce ((SELECT min (id) FROM actors WHERE key LIKE 'bench-actor-%'),"
                                   " (SELECT a.actor_id FROM excerpt_links l JOIN event_actors a USING (event_id)"
                                   "  GROUP BY a.actor_id ORDER BY count (*) DESC LIMIT 1))"));
}

int
main (int   argc,
      char *argv[])
{
  guint largest = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("atlas-bench-results-XXXXXX", NULL);
  g_autofree char *bundled_path = store_path (dir, "bundled");
  g_autoptr(AtlasStore) bundled = NULL;
  g_autoptr(GError) error = NULL;

  gtk_init ();
  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  if (argc > 2 && g_str_equal (argv[1], "--store"))
    {
      bench_existing (argv[2]);
      g_rmdir (dir);
      g_object_unref (app);
      return 0;
    }

  bundled = atlas_dataset_open_store (bundled_path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_compute (bundled, "bundled");
  bench_window (bundled, "bundled",
                bench_query_int (bundled, "SELECT a.actor_id FROM excerpt_links l JOIN event_actors a USING (event_id)"
                                   " GROUP BY a.actor_id ORDER BY count (*) DESC LIMIT 1"));

  g_clear_object (&bundled);
  remove_store (bundled_path);

  for (guint events = 100000; events <= largest; events *= 10)
    bench_generated (dir, events);

  g_rmdir (dir);
  g_object_unref (app);
  return 0;
}
