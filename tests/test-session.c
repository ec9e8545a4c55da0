/* test-session.c: the shared state notifies once per real change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-history.h"
#include "atlas-saved-views.h"
#include "atlas-session.h"
#include "atlas-test-util.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_session_selection (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  guint count = 0;

  g_signal_connect (session, "notify::selection", G_CALLBACK (count_notify), &count);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_NONE);

  atlas_session_select (session, ATLAS_ITEM_ACTOR, 3);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, 3);

  atlas_session_select (session, ATLAS_ITEM_ACTOR, 3);
  g_assert_cmpuint (count, ==, 1);

  atlas_session_select (session, ATLAS_ITEM_EVENT, 3);
  g_assert_cmpuint (count, ==, 2);

  atlas_session_set_selection (session, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_NONE);
  atlas_session_select (session, ATLAS_ITEM_NONE, 0);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_session_filter (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint count = 0;

  g_signal_connect (session, "notify::filter", G_CALLBACK (count_notify), &count);
  g_assert_true (atlas_filter_is_empty (atlas_session_get_filter (session)));
  /* Empty sets may hold no memory at all (memcmp of NULL under UBSan). */
  g_assert_true (atlas_filter_equal (atlas_session_get_filter (session), filter));

  atlas_session_set_filter (session, filter);
  g_assert_cmpuint (count, ==, 0);

  atlas_filter_set_from (filter, "2024");
  atlas_filter_add_actor (filter, 2);
  atlas_session_set_filter (session, filter);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (atlas_filter_get_from (atlas_session_get_filter (session)), ==, "2024");

  /* The session keeps its own copy. */
  atlas_filter_set_from (filter, "2025");
  g_assert_cmpstr (atlas_filter_get_from (atlas_session_get_filter (session)), ==, "2024");

  atlas_filter_set_from (filter, "2024");
  atlas_session_set_filter (session, filter);
  g_assert_cmpuint (count, ==, 1);

  /* Whether the events follow the date is the session's own: a filter cannot say it. */
  atlas_filter_set_begun_by (filter, "2021-06-01");
  atlas_session_set_filter (session, filter);
  g_assert_cmpuint (count, ==, 1);
  g_assert_null (atlas_filter_get_begun_by (atlas_session_get_filter (session)));
  atlas_filter_set_begun_by (filter, NULL);

  atlas_session_set_filter (session, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (atlas_filter_is_empty (atlas_session_get_filter (session)));
}

static void
test_session_date_and_view (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  guint date_count = 0, view_count = 0;
  double latitude, longitude, zoom;

  g_signal_connect (session, "notify::date", G_CALLBACK (count_notify), &date_count);
  g_signal_connect (session, "notify::map-zoom", G_CALLBACK (count_notify), &view_count);
  g_signal_connect (session, "notify::map-latitude", G_CALLBACK (count_notify), &view_count);

  atlas_session_set_date (session, "2020-11-10");
  atlas_session_set_date (session, "2020-11-10");
  g_assert_cmpuint (date_count, ==, 1);
  g_assert_cmpstr (atlas_session_get_date (session), ==, "2020-11-10");

  atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
  atlas_session_set_map_view (session, latitude, longitude, 9.0);
  g_assert_cmpuint (view_count, ==, 1);
  atlas_session_set_map_view (session, 39.2, longitude, 9.0);
  g_assert_cmpuint (view_count, ==, 2);
  atlas_session_set_map_view (session, 39.2, longitude, 99.0);
  atlas_session_get_map_view (session, NULL, NULL, &zoom);
  g_assert_cmpfloat (zoom, ==, 20.0);
}

static void
test_session_history (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(AtlasHistory) history = atlas_history_new (session);
  const AtlasItem *now;

  g_assert_false (atlas_history_can_go_back (history));
  g_assert_false (atlas_history_can_go_forward (history));

  atlas_session_select (session, ATLAS_ITEM_ACTOR, 1);
  atlas_session_select (session, ATLAS_ITEM_EVENT, 2);
  atlas_session_select (session, ATLAS_ITEM_PLACE, 3);
  g_assert_true (atlas_history_can_go_back (history));
  g_assert_false (atlas_history_can_go_forward (history));

  atlas_history_go_back (history);
  now = atlas_session_get_selection (session);
  g_assert_cmpint (now->kind, ==, ATLAS_ITEM_EVENT);
  g_assert_cmpint (now->id, ==, 2);
  atlas_history_go_back (history);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_false (atlas_history_can_go_back (history));
  g_assert_true (atlas_history_can_go_forward (history));

  atlas_history_go_forward (history);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_EVENT);

  /* A new selection drops the step ahead, as in a browser. */
  atlas_session_select (session, ATLAS_ITEM_CORRIDOR, 4);
  g_assert_false (atlas_history_can_go_forward (history));
  atlas_history_go_back (history);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_EVENT);

  /* Clearing is not a step, and back from nothing shows the last thing again. */
  atlas_history_go_forward (history);
  atlas_session_set_selection (session, NULL);
  g_assert_true (atlas_history_can_go_back (history));
  atlas_history_go_back (history);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_CORRIDOR);
}

static void
test_session_saved_views (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(AtlasSession) other = atlas_session_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *lanes = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  double latitude, longitude, zoom;

  atlas_test_log_changes (store, changes);

  atlas_filter_set_from (filter, "2024-05");
  atlas_filter_set_text (filter, "route");
  atlas_filter_add_actor (filter, 1);
  atlas_filter_add_actor (filter, 5);
  atlas_filter_add_id (filter, ATLAS_FILTER_CORRIDORS, 1);
  atlas_filter_add_kind (filter, "summit");
  atlas_filter_set_with_excerpts (filter, TRUE);
  atlas_filter_set_disputed (filter, TRUE);
  atlas_session_set_filter (session, filter);
  atlas_session_select (session, ATLAS_ITEM_EVENT, 2);
  atlas_session_set_date (session, "2025-08-08");
  atlas_session_set_events_as_of (session, TRUE);
  atlas_session_set_map_view (session, 39.2, 46.4, 9.5);

  g_assert_true (atlas_saved_views_save (session, "  Zangezur watch ", "actor", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "saved-view:1;");

  /* Opened in another session, everything comes back. */
  g_assert_true (atlas_saved_views_open (other, "Zangezur watch", &lanes, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_filter_equal (atlas_session_get_filter (other), filter));
  g_assert_cmpint (atlas_session_get_selection (other)->kind, ==, ATLAS_ITEM_EVENT);
  g_assert_cmpint (atlas_session_get_selection (other)->id, ==, 2);
  g_assert_cmpstr (atlas_session_get_date (other), ==, "2025-08-08");
  g_assert_true (atlas_session_get_events_as_of (other));
  atlas_session_get_map_view (other, &latitude, &longitude, &zoom);
  g_assert_cmpfloat (latitude, ==, 39.2);
  g_assert_cmpfloat (longitude, ==, 46.4);
  g_assert_cmpfloat (zoom, ==, 9.5);
  g_assert_cmpstr (lanes, ==, "actor");

  /* Saving again under the name replaces the view. */
  atlas_session_set_date (session, NULL);
  atlas_session_set_events_as_of (session, FALSE);
  g_assert_true (atlas_saved_views_save (session, "Zangezur watch", NULL, NULL));
  g_assert_true (atlas_saved_views_open (other, "Zangezur watch", NULL, NULL));
  g_assert_null (atlas_session_get_date (other));
  g_assert_false (atlas_session_get_events_as_of (other));

  /* A view saved before the events could follow the date opens with them as they were
   * then, whatever the session had. */
  atlas_store_exec (store, "INSERT INTO saved_views (name, state) VALUES ('Old',"
                           " '{''filter'': <{''from'': <''2024''>}>, ''date'': <''2021-06-01''>,"
                           " ''map'': <(40.0, 45.0, 7.0)>}')", &error);
  g_assert_no_error (error);
  atlas_session_set_events_as_of (other, TRUE);
  g_assert_true (atlas_saved_views_open (other, "Old", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_session_get_date (other), ==, "2021-06-01");
  g_assert_cmpstr (atlas_filter_get_from (atlas_session_get_filter (other)), ==, "2024");
  g_assert_false (atlas_session_get_events_as_of (other));
  atlas_store_exec (store, "DELETE FROM saved_views WHERE name = 'Old'", &error);
  g_assert_no_error (error);
  g_assert_true (atlas_saved_views_save (session, "Another", NULL, NULL));
  g_assert_cmpstr (changes->str, ==, "saved-view:1;saved-view:1;saved-view:2;");
  g_string_truncate (changes, 0);

  names = atlas_saved_views_list (store, NULL);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Another");
  g_assert_cmpstr (names[1], ==, "Zangezur watch");

  /* Rename and delete, with their errors. */
  g_assert_false (atlas_saved_views_rename (store, "Another", "Zangezur watch", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (atlas_saved_views_rename (store, "Another", "   ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_true (atlas_saved_views_rename (store, "Another", "Third", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "saved-view:2;");
  g_assert_true (atlas_saved_views_delete (store, "Third", &error));
  g_assert_cmpstr (changes->str, ==, "saved-view:2;saved-view:2;");
  g_assert_false (atlas_saved_views_delete (store, "Third", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (changes->str, ==, "saved-view:2;saved-view:2;");
  g_assert_true (sqlite3_get_autocommit (atlas_store_get_db (store)));
  g_assert_false (atlas_saved_views_open (other, "Third", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (atlas_saved_views_save (session, "", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Views that the program did not save: each is refused with words that name it, and the
 * session stays as it was. */
static void
test_session_bad_saved_views (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autofree char *opening = g_strnfill (200, '<');
  g_autofree char *closing = g_strnfill (200, '>');
  g_autofree char *deep = g_strdup_printf ("{'lanes': %s'kind'%s}", opening, closing);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  sqlite3_stmt *stmt;
  double latitude, longitude, zoom;
  static const struct { const char *name; const char *state; const char *says; } cases[] = {
    { "utf8", "{'date': <'2025-\xff'>}", "is not a day" },
    { "deep", NULL, "nested too deeply" },
    { "day", "{'date': <'2025-02-30'>}", "“2025-02-30” is not a day" },
    { "to", "{'filter': <{'to': <'soon'>}>}", "“soon” is not a date" },
    { "nan", "{'map': <(nan, nan, 5.0)>}", "latitude nan, longitude nan and zoom 5" },
    { "empty", "", "cannot be read: " },
  };

  atlas_session_set_map_view (session, 40.0, 45.0, 7.0);
  stmt = atlas_store_prepare (store, "INSERT INTO saved_views (name, state) VALUES (?, ?)", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sqlite3_bind_text (stmt, 1, cases[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cases[i].state ? cases[i].state : deep, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  /* A name that is not UTF-8, which the views menu shows. */
  atlas_store_exec (store, "INSERT INTO saved_views (name, state) VALUES"
                           " (CAST (X'5669657720ff' AS TEXT), '{}')", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names_it = g_strdup_printf ("The saved view “%s” in “:memory:” cannot be "
                                                   "read: ", cases[i].name);

      if (cases[i].state != NULL && !g_utf8_validate (cases[i].state, -1, NULL))
        g_test_expect_message ("atlas-store", G_LOG_LEVEL_MESSAGE, "*saved_views.state*");
      g_assert_false (atlas_saved_views_open (session, cases[i].name, NULL, &error));
      g_test_assert_expected_messages ();
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, names_it));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_false (g_ascii_isdigit (error->message[strlen (names_it)]));
      g_clear_error (&error);

      g_assert_null (atlas_session_get_date (session));
      g_assert_true (atlas_filter_is_empty (atlas_session_get_filter (session)));
      atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
      g_assert_cmpfloat (latitude, ==, 40.0);
      g_assert_cmpfloat (zoom, ==, 7.0);
    }

  g_test_expect_message ("atlas-store", G_LOG_LEVEL_MESSAGE, "*saved_views.name*");
  names = atlas_saved_views_list (store, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (g_utf8_validate (names[i], -1, NULL));
  g_assert_true (g_strv_contains ((const char * const *) names, "View \xef\xbf\xbd"));
}

static int
interrupt_at_once (void *data)
{
  return 1;
}

/* A listing of the saved views whose step fails says so, rather than giving the views before
 * the failure as if they were all. */
static void
test_session_saved_views_failed (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  atlas_store_exec (store, "INSERT INTO saved_views (name, state) VALUES ('one', '{}'), ('two', '{}')",
                    &error);
  g_assert_no_error (error);
  names = atlas_saved_views_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_clear_pointer (&names, g_strfreev);

  sqlite3_progress_handler (atlas_store_get_db (store), 1, interrupt_at_once, NULL);
  names = atlas_saved_views_list (store, &error);
  sqlite3_progress_handler (atlas_store_get_db (store), 0, NULL, NULL);
  g_assert_null (names);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/selection", test_session_selection);
  g_test_add_func ("/session/filter", test_session_filter);
  g_test_add_func ("/session/date-and-view", test_session_date_and_view);
  g_test_add_func ("/session/history", test_session_history);
  g_test_add_func ("/session/saved-views", test_session_saved_views);
  g_test_add_func ("/session/bad-saved-views", test_session_bad_saved_views);
  g_test_add_func ("/session/saved-views-failed", test_session_saved_views_failed);

  return g_test_run ();
}
