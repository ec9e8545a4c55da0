/* test-scale.c: the window on a store of a million events answers while its panels fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the bundled dataset with the generated events of the benchmarks (a million,
 * or ATLAS_SCALE_EVENTS; 0 skips the test, as the sanitizer run does: the background finding
 * is checked there by test-results). The figures are the benchmarks' job (bench-results);
 * this checks behaviour: while the filter is found on another thread, clicks are handled
 * and drawn and the window says it is finding, and then every panel shows what was found.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "atlas-actor-entry.h"
#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-session.h"
#include "atlas-test-util.h"
#include "atlas-window.h"
#include "bench-generate.h"

static AtlasApplication *app;

static gint64
deadline (guint seconds)
{
  const char *scale = g_getenv ("ATLAS_TIME_SCALE");
  double factor = scale != NULL ? MAX (g_ascii_strtod (scale, NULL), 1.0) : 1.0;

  return g_get_monotonic_time () + (gint64) (seconds * factor * G_USEC_PER_SEC);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until the window has drawn a frame after this call. */
static void
wait_for_new_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 until = deadline (30);

  gtk_widget_queue_draw (window);
  while (gdk_frame_clock_get_frame_counter (clock) == frame && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >, frame);
}

static void
wait_until_found (AtlasResults *results)
{
  gint64 until = deadline (120);

  while ((atlas_results_get_busy (results) || !atlas_results_get_ready (results)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_results_get_busy (results));
}

static guint
find_actor_row (GListModel *rows,
                gint64      actor_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AtlasActorEntry) row = g_list_model_get_item (rows, i);
      AtlasActor *actor = atlas_actor_entry_get_actor (row);

      if (actor != NULL && atlas_actor_get_id (actor) == actor_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects an actor's row as a click on it does, and checks that the click is drawn while
 * the results are still being found. */
static void
click_actor_while_finding (AtlasWindow  *window,
                           AtlasResults *results,
                           gint64        actor_id)
{
  GtkListView *actors_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GtkSelectionModel *rows = gtk_list_view_get_model (actors_view);
  guint row = find_actor_row (G_LIST_MODEL (rows), actor_id);
  const AtlasItem *selection;

  g_assert_true (atlas_results_get_busy (results));
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "finding-spinner")));
  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (rows, row, TRUE);
  wait_for_new_frame (GTK_WIDGET (window));

  selection = atlas_session_get_selection (atlas_window_get_session (window));
  g_assert_cmpint (selection->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (selection->id, ==, actor_id);
  /* Handled and drawn before the finding was done: the main thread did not wait for it. */
  g_assert_true (atlas_results_get_busy (results));
}

static void
test_scale_responsive (void)
{
  const char *wanted = g_getenv ("ATLAS_SCALE_EVENTS");
  BenchStoreSize size = { wanted ? (guint) g_ascii_strtoull (wanted, NULL, 10) : 1000000,
                          1000, 5000, 20000, 10000 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  AtlasWindow *window;
  AtlasSession *session;
  AtlasResults *results;
  GListModel *events;
  gint64 total, first_actor, second_actor;

  if (size.events == 0)
    {
      g_test_skip ("ATLAS_SCALE_EVENTS is 0");
      return;
    }

  dir = atlas_test_make_dir ();
  path = g_build_filename (dir, "million.db", NULL);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bench_generate_store (store, &size);
  total = atlas_test_query_int (store, "SELECT count (*) FROM events");
  first_actor = atlas_test_query_int (store, "SELECT min (id) FROM actors WHERE key LIKE 'bench-actor-%'");
  second_actor = first_actor + 1;

  window = atlas_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  session = atlas_window_get_session (window);
  results = atlas_session_get_results (session);
  events = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window),
                                                                                      GTK_TYPE_COLUMN_VIEW))));
  wait_for_new_frame (GTK_WIDGET (window));

  /* The first finding: clicked while it runs, where the window is drawn before it ends. */
  if (atlas_results_get_busy (results))
    click_actor_while_finding (window, results, first_actor);
  wait_until_found (results);
  atlas_session_set_selection (session, NULL);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, total);

  /* A filter of every event since 1990 runs over the whole store, and the window answers a
   * click meanwhile, and says it is finding rather than showing the last count. */
  atlas_filter_set_from (filter, "1990");
  atlas_session_set_filter (session, filter);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "event-count"))), ==,
                   "Finding events…");
  click_actor_while_finding (window, results, second_actor);

  /* Then every view shows what was found: the count, the events list (the actor's events
   * under the filter), the spinner gone. */
  wait_until_found (results);
  wait_for_new_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "finding-spinner")));
  count = g_strdup_printf ("%u events", atlas_results_get_n_events (results));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "event-count"))), ==, count);
  g_assert_cmpint (atlas_results_get_n_events (results), ==,
                   atlas_test_query_int (store, "SELECT count (*) FROM events WHERE last_day >= '1990-01-01'"));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==,
                    atlas_results_get_actor_event_ids (results, second_actor, NULL)->len);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/scale/responsive", test_scale_responsive);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
