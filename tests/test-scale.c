/* test-scale.c: the window on a store of a million events answers while its panels fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the bundled dataset with the generated events of the benchmarks (a million,
 * or ATLAS_SCALE_EVENTS; 0 skips the test, as the sanitizer run does: the background finding
 * is checked there by test-results). The figures are the benchmarks' job (bench-results);
 * this checks behaviour: while the filter is found on another thread, the window is drawn,
 * a click is handled and drawn, and the window says it is finding; then every panel shows
 * what was found.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "atlas-actor-entry.h"
#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-query.h"
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

/* What the frames drawn while the results were being found showed. */
typedef struct
{
  AtlasResults *results;
  GtkLabel     *details_title;
  const char   *clicked_name;    /* what the details show once the click is drawn */
  guint         frames_while_busy;
  gboolean      click_drawn_while_busy;
} Watch;

/* After each frame: a frame ends before the results' callback can run, so the results
 * being busy here means the frame was drawn while they were found. */
static void
on_after_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  if (!atlas_results_get_busy (watch->results))
    return;
  watch->frames_while_busy++;
  if (watch->clicked_name != NULL &&
      g_strcmp0 (gtk_label_get_text (watch->details_title), watch->clicked_name) == 0)
    watch->click_drawn_while_busy = TRUE;
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

/* Selects an actor's row as a click on it does. */
static void
click_actor (AtlasWindow *window,
             gint64       actor_id)
{
  GtkListView *actors_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GtkSelectionModel *rows = gtk_list_view_get_model (actors_view);
  guint row = find_actor_row (G_LIST_MODEL (rows), actor_id);

  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (rows, row, TRUE);
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
  GdkFrameClock *clock;
  Watch watch = { 0 };
  gint64 total, actor;
  gulong painted;

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
  actor = atlas_test_query_int (store, "SELECT min (id) FROM actors WHERE key LIKE 'bench-actor-%'") + 1;

  window = atlas_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  session = atlas_window_get_session (window);
  results = atlas_session_get_results (session);
  watch.results = results;
  watch.details_title = GTK_LABEL (find_named (GTK_WIDGET (window), "details-title"));
  g_assert_nonnull (watch.details_title);
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);

  /* The first results are found while the window is drawn. */
  g_assert_true (atlas_results_get_busy (results));
  wait_until_found (results);
  g_assert_cmpuint (watch.frames_while_busy, >, 0);
  /* The lists get their session once the first frame is drawn. */
  while (!atlas_window_get_lists_filled (window))
    g_main_context_iteration (NULL, TRUE);
  events = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window),
                                                                                      GTK_TYPE_COLUMN_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, total);

  /* A filter over the whole store: set_filter returns at once, the window says it is
   * finding rather than showing the last count, and a click made meanwhile is handled and
   * drawn before the results are in. */
  atlas_filter_set_from (filter, "1990");
  atlas_filter_set_text (filter, "corridor");
  atlas_session_set_filter (session, filter);
  g_assert_true (atlas_results_get_busy (results));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "event-count"))), ==,
                   "Finding events…");
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "finding-spinner")));
  watch.clicked_name = "Actor 2";
  click_actor (window, actor);
  wait_until_found (results);
  g_assert_true (watch.click_drawn_while_busy);

  /* Then every view shows what was found: the count, the events list (the actor's events
   * under the filter), the spinner gone. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "finding-spinner")));
  count = g_strdup_printf ("%u events", atlas_results_get_n_events (results));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "event-count"))), ==, count);
  {
    g_autoptr(GArray) expected = atlas_query_events (store, filter, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (atlas_results_get_n_events (results), ==, expected->len);
  }
  g_assert_cmpuint (g_list_model_get_n_items (events), ==,
                    atlas_results_get_item_event_ids (results, &(AtlasItem) { ATLAS_ITEM_ACTOR, actor },
                                                      NULL)->len);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);

  g_signal_handler_disconnect (clock, painted);
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
