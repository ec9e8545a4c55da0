/* bench-timeline.c: filters and the timeline over a large generated store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a store of 100,000 events, 500 actors and 2,000 places (with its FTS index),
 * then prints "name: value unit" lines: the median and worst time to get the ids and the
 * per-actor counts after a change of date range, of actor, and of words; and the time to
 * draw the timeline at zooms from a century to a week. Run under a display (xvfb-run).
 */

#include "config.h"

#include "bench-util.h"

#include <math.h>

#include "atlas-query.h"
#include "atlas-store.h"
#include "atlas-date.h"
#include "atlas-timeline.h"

#define N_EVENTS 100000
#define N_ACTORS 500
#define N_PLACES 2000
#define RUNS     15

static const char * const words[] = {
  "corridor", "pipeline", "summit", "border", "railway", "treaty", "talks", "visit", "energy",
  "transit", "security", "peace", "trade", "gas", "port", "customs", "ministers", "drills",
};

static const char * const kinds[] = {
  "agreement", "summit", "visit", "meeting", "statement", "military", "conflict", "exercise",
  "incident", "economic",
};

static void
generate (AtlasStore *store)
{
  GRand *rand = g_rand_new_with_seed (42);
  sqlite3_stmt *stmt;

  atlas_store_begin (store, NULL);
  stmt = atlas_store_prepare (store, "INSERT INTO actors (key, kind, name) VALUES (?, 'state', ?)", NULL);
  for (int i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *key = g_strdup_printf ("actor-%d", i);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      atlas_store_step_done (store, stmt, NULL);
    }
  stmt = atlas_store_prepare (store, "INSERT INTO places (key, kind, name, lat, lon)"
                                     " VALUES (?, 'town', ?, ?, ?)", NULL);
  for (int i = 0; i < N_PLACES; i++)
    {
      g_autofree char *key = g_strdup_printf ("place-%d", i);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, g_rand_double_range (rand, 38.4, 43.6));
      sqlite3_bind_double (stmt, 4, g_rand_double_range (rand, 40.0, 50.5));
      atlas_store_step_done (store, stmt, NULL);
    }

  for (int i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *key = g_strdup_printf ("event-%d", i);
      g_autofree char *title = g_strdup_printf ("%s %s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      int precision = g_rand_int_range (rand, 0, 10);
      g_autofree char *date = precision < 7
        ? g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 1990, 2026), g_rand_int_range (rand, 1, 13),
                           g_rand_int_range (rand, 1, 29))
        : precision < 9 ? g_strdup_printf ("%d-%02d", g_rand_int_range (rand, 1990, 2026), g_rand_int_range (rand, 1, 13))
                        : g_strdup_printf ("%d", g_rand_int_range (rand, 1990, 2026));
      gint64 event_id;

      stmt = atlas_store_prepare (store, "INSERT INTO events (key, kind, title, start, place_id)"
                                         " VALUES (?, ?, ?, ?, ?)", NULL);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, g_rand_int_range (rand, 1, N_PLACES + 1));
      atlas_store_step_done (store, stmt, NULL);
      event_id = sqlite3_last_insert_rowid (atlas_store_get_db (store));

      stmt = atlas_store_prepare (store, "INSERT OR IGNORE INTO event_actors (event_id, actor_id)"
                                         " VALUES (?, ?)", NULL);
      for (int a = 0; a < 2; a++)
        {
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int (stmt, 2, g_rand_int_range (rand, 1, N_ACTORS + 1));
          atlas_store_step_done (store, stmt, NULL);
        }
    }
  atlas_store_commit (store, NULL);
  atlas_store_exec (store, "ANALYZE", NULL);
  g_rand_free (rand);
}

typedef void (*Vary) (AtlasFilter *filter, int run);

static void
vary_dates (AtlasFilter *filter,
            int          run)
{
  g_autofree char *from = g_strdup_printf ("%d-%02d", 1995 + run, 1 + run % 12);
  g_autofree char *to = g_strdup_printf ("%d", 2000 + run);

  atlas_filter_set_from (filter, from);
  atlas_filter_set_to (filter, to);
}

static void
vary_actor (AtlasFilter *filter,
            int          run)
{
  atlas_filter_clear_actors (filter);
  atlas_filter_add_actor (filter, 1 + run * 31 % N_ACTORS);
}

static void
vary_text (AtlasFilter *filter,
           int          run)
{
  atlas_filter_set_text (filter, words[run % G_N_ELEMENTS (words)]);
}

/* The time from a changed filter to its event ids and the per-actor counts. */
static void
bench_filter (AtlasStore *store,
              const char *name,
              Vary        vary)
{
  double times[RUNS], id_times[RUNS];
  guint found = 0;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GHashTable) counts = NULL;
      gint64 start, middle;

      vary (filter, run);
      start = g_get_monotonic_time ();
      ids = atlas_query_events (store, filter, NULL);
      middle = g_get_monotonic_time ();
      counts = atlas_query_actor_counts (store, ids, NULL);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      id_times[run] = (middle - start) / 1000.0;
      found += ids->len;
    }

  bench_sort_times (times, RUNS);
  bench_sort_times (id_times, RUNS);
  g_print ("filter_%s_ids_only_median: %.2f ms\n", name, id_times[RUNS / 2]);
  g_print ("filter_%s_median: %.2f ms\n", name, times[RUNS / 2]);
  g_print ("filter_%s_max: %.2f ms\n", name, times[RUNS - 1]);
  g_print ("filter_%s_events_found_mean: %u events\n", name, found / RUNS);
}

static void
bench_timeline (AtlasStore *store)
{
  g_autoptr(GArray) events = atlas_query_timeline (store, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *timeline = atlas_timeline_new ();
  static const double spans[] = { 365.25 * 100, 365.25 * 10, 365.25, 30, 7 };
  double worst = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 400);
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  atlas_timeline_set_events (ATLAS_TIMELINE (timeline), events, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (timeline) || gtk_widget_get_width (timeline) == 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      double times[RUNS];

      for (int run = 0; run < RUNS; run++)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          gint64 start;

          atlas_timeline_set_visible (ATLAS_TIMELINE (timeline),
                                      atlas_date_to_number ("2012-06-01") - spans[s] / 2 + run, spans[s]);
          start = g_get_monotonic_time ();
          GTK_WIDGET_GET_CLASS (timeline)->snapshot (timeline, snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
        }
      bench_sort_times (times, RUNS);
      g_print ("timeline_draw_span_%.0f_days_median: %.2f ms\n", spans[s], times[RUNS / 2]);
      worst = MAX (worst, times[RUNS - 1]);
    }
  g_print ("timeline_draw_worst: %.2f ms\n", worst);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  gtk_init ();
  store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  generate (store);
  g_print ("generate_100000_events: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  bench_filter (store, "date_range", vary_dates);
  bench_filter (store, "actor", vary_actor);
  bench_filter (store, "text", vary_text);
  bench_timeline (store);
  return 0;
}
