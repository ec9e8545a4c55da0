/* test-results.c: the one result set every view reads, against the queries it replaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-date.h"
#include "atlas-kept-timeline.h"
#include "atlas-passages.h"
#include "atlas-query.h"
#include "atlas-results.h"
#include "atlas-session.h"
#include "atlas-test-util.h"

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* The pairs as "event@place" words, sorted, to compare two orders of ties. */
static char *
pairs_text (GArray *pairs)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      AtlasEventPlace *pair = &g_array_index (pairs, AtlasEventPlace, i);

      /* By place first, as the map gathers them into one glyph a place. */
      if (i > 0)
        g_assert_cmpint (g_array_index (pairs, AtlasEventPlace, i - 1).place_id, <=, pair->place_id);
      g_ptr_array_add (words, g_strdup_printf ("%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT,
                                               pair->event_id, pair->place_id));
    }
  g_ptr_array_sort (words, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (text, "%s ", (char *) g_ptr_array_index (words, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The events of @filter's timeline that had begun by the end of @begun_by, one by one. */
static GArray *
events_begun_by (AtlasStore        *store,
                 const AtlasFilter *filter,
                 const char        *begun_by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) timeline = atlas_query_timeline (store, filter, &error);
  g_autofree char *last = atlas_date_last_day (begun_by);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      if (event->first_day <= atlas_date_to_number (last))
        g_array_append_val (ids, event->id);
    }
  return ids;
}

/* Whatever the filter, the results hold what each query gave the views on its own; with
 * @begun_by, only the events that had begun by that date, as the map found them on its own
 * before the events followed the date. */
static void
check_against_queries (AtlasStore        *store,
                       AtlasResults      *results,
                       const AtlasFilter *user_filter,
                       const char        *begun_by)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_copy (user_filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) excerpts = NULL;
  g_autofree char *last_day = begun_by ? atlas_date_last_day (begun_by) : NULL;
  g_autoptr(GArray) places = atlas_query_event_places (store, user_filter, last_day, &error);
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *expected_pairs = NULL;
  g_autofree char *found_pairs = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  atlas_filter_set_begun_by (filter, begun_by);
  events = atlas_query_events (store, filter, &error);
  timeline = atlas_query_timeline (store, filter, &error);
  excerpts = atlas_query_excerpts (store, filter, &error);
  g_assert_no_error (error);
  if (begun_by != NULL)
    {
      g_autoptr(GArray) begun = events_begun_by (store, user_filter, begun_by);

      assert_same_ids (events, begun);
    }
  counts = atlas_query_actor_counts (store, events, &error);
  g_assert_no_error (error);

  g_assert_true (atlas_results_update (results, filter, &error));
  g_assert_no_error (error);
  g_assert_null (atlas_results_get_error (results));

  assert_same_ids (atlas_results_get_event_ids (results), events);
  assert_same_ids (atlas_results_get_excerpt_ids (results), excerpts);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, events->len);

  g_assert_cmpuint (atlas_results_get_timeline (results)->len, ==, timeline->len);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *a = &g_array_index (atlas_results_get_timeline (results), AtlasTimelineEvent, i);
      AtlasTimelineEvent *b = &g_array_index (timeline, AtlasTimelineEvent, i);

      g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
    }

  /* Each event's first actor, as SQL finds it one event at a time. */
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (min (actor_id), 0) FROM event_actors"
                                              " WHERE event_id = %" G_GINT64_FORMAT, event->id);

      g_assert_cmpint (event->first_actor, ==, atlas_test_query_int (store, sql));
    }

  /* Each event's days, as SQLite counts them. */
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);
      g_autofree char *sql = g_strdup_printf ("SELECT CAST (julianday (first_day) AS INTEGER) * 100000000"
                                              " + CAST (julianday (last_day) AS INTEGER) FROM events"
                                              " WHERE id = %" G_GINT64_FORMAT, event->id);

      g_assert_cmpint ((gint64) event->first_day * 100000000 + event->last_day, ==,
                       atlas_test_query_int (store, sql));
    }

  expected_pairs = pairs_text (places);
  found_pairs = pairs_text (atlas_results_get_event_places (results));
  g_assert_cmpstr (found_pairs, ==, expected_pairs);

  g_assert_true (atlas_results_has_counts (results));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (atlas_results_get_actor_count (results, *(gint64 *) key), ==, GPOINTER_TO_UINT (value));

  /* Each actor's count, as SQL finds it: the events it or those affiliated with it take
   * part in, among those found. */
  {
    g_autoptr(GString) json = g_string_new ("[");
    g_autofree char *sql = NULL;
    sqlite3_stmt *stmt;

    for (guint i = 0; i < events->len; i++)
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (events, gint64, i));
    g_string_append_c (json, ']');
    sql = g_strdup_printf ("SELECT a.id, (SELECT count (DISTINCT ea.event_id) FROM event_actors ea"
                           " JOIN actors m ON m.id = ea.actor_id WHERE (m.id = a.id OR m.affiliation_id = a.id)"
                           " AND ea.event_id IN (SELECT value FROM json_each ('%s'))) FROM actors a", json->str);
    stmt = atlas_store_prepare (store, sql, &error);
    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_assert_cmpuint (atlas_results_get_actor_count (results, sqlite3_column_int64 (stmt, 0)), ==,
                        sqlite3_column_int (stmt, 1));
    sqlite3_reset (stmt);
  }
}

static void
test_results_every_filter (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  gint64 corridor = atlas_test_query_int (store, "SELECT min (id) FROM corridors");
  gint64 place = atlas_test_query_int (store, "SELECT place_id FROM events WHERE place_id IS NOT NULL LIMIT 1");

  /* Nothing yet, then everything. */
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==,
                    atlas_test_query_int (store, "SELECT count (*) FROM events"));
  /* Every event was found: the filters below are answered from that, in memory, and the
   * queries they are checked against ask SQL. */
  g_assert_true (atlas_query_has_kept_timeline (store));

  /* Only the events begun by a day, that day included (an event known to the year begins
   * on its first day); at a year or a month, by its last day. */
  check_against_queries (store, results, filter, "2019-12-31");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  check_against_queries (store, results, filter, "2020-01-01");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 1);
  check_against_queries (store, results, filter, "2021-06-01");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==,
                    atlas_test_query_int (store, "SELECT count (*) FROM events WHERE first_day <= '2021-06-01'"));
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 1);
  check_against_queries (store, results, filter, "2024-05");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 3);

  atlas_filter_set_from (filter, "2023");
  atlas_filter_set_to (filter, "2025-06");
  check_against_queries (store, results, filter, NULL);
  /* With a to date, the nearer of the two bounds. */
  check_against_queries (store, results, filter, "2024-05-15");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 2);
  check_against_queries (store, results, filter, "2025-12-31");

  atlas_filter_set_from (filter, NULL);
  atlas_filter_set_to (filter, NULL);
  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "armenia"));
  check_against_queries (store, results, filter, NULL);
  check_against_queries (store, results, filter, "2024-06-01");

  atlas_filter_clear_actors (filter);
  atlas_filter_set_text (filter, "corridor");
  check_against_queries (store, results, filter, NULL);
  check_against_queries (store, results, filter, "2025-08-08");

  atlas_filter_set_text (filter, NULL);
  atlas_filter_add_kind (filter, "agreement");
  check_against_queries (store, results, filter, NULL);

  atlas_filter_remove_kind (filter, "agreement");
  atlas_filter_add_id (filter, ATLAS_FILTER_CORRIDORS, corridor);
  check_against_queries (store, results, filter, NULL);

  atlas_filter_clear_ids (filter, ATLAS_FILTER_CORRIDORS);
  atlas_filter_add_id (filter, ATLAS_FILTER_PLACES, place);
  check_against_queries (store, results, filter, NULL);

  atlas_filter_clear_ids (filter, ATLAS_FILTER_PLACES);
  atlas_filter_set_with_excerpts (filter, TRUE);
  check_against_queries (store, results, filter, NULL);
  check_against_queries (store, results, filter, "2025-08");

  /* Terms answered in memory with terms asked of the store. */
  atlas_filter_set_from (filter, "2020");
  atlas_filter_add_kind (filter, "agreement");
  atlas_filter_add_kind (filter, "summit");
  check_against_queries (store, results, filter, NULL);
  atlas_filter_set_with_excerpts (filter, FALSE);
  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "armenia"));
  atlas_filter_set_to (filter, "2025-08-08");
  check_against_queries (store, results, filter, NULL);
  check_against_queries (store, results, filter, "2024-06-01");
  check_against_queries (store, results, filter, "2025-12");
  atlas_filter_clear_actors (filter);
  atlas_filter_set_from (filter, NULL);
  atlas_filter_set_to (filter, NULL);
  atlas_filter_remove_kind (filter, "agreement");
  atlas_filter_remove_kind (filter, "summit");
  atlas_filter_set_text (filter, "corridor");
  atlas_filter_add_id (filter, ATLAS_FILTER_PLACES, place);
  check_against_queries (store, results, filter, NULL);
  atlas_filter_clear_ids (filter, ATLAS_FILTER_PLACES);
  /* Two lists of events, the words' made of two (events named so, and events behind
   * passages named so: "Washington" is only in a passage), for every actor. */
  atlas_filter_set_text (filter, "washington");
  for (gint64 actor = 1; actor <= atlas_test_query_int (store, "SELECT max (id) FROM actors"); actor++)
    {
      atlas_filter_add_actor (filter, actor);
      check_against_queries (store, results, filter, NULL);
      atlas_filter_clear_actors (filter);
    }
  atlas_filter_set_text (filter, NULL);

  /* Ids written by hand, too far apart for a bit each. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO events (id, key, kind, title, start)"
                                         " VALUES (10000000000, 'far-event', 'summit', 'A far summit', '2024-05-01')",
                                   &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO event_actors (event_id, actor_id)"
                                         " SELECT 10000000000, id FROM actors WHERE key = 'armenia'",
                                   &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 10000000000);
  g_assert_true (atlas_store_commit_change (store, &error));
  atlas_filter_set_with_excerpts (filter, FALSE);
  check_against_queries (store, results, filter, NULL);
  g_assert_true (atlas_query_has_kept_timeline (store));
  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "armenia"));
  check_against_queries (store, results, filter, NULL);
  {
    GArray *ids = atlas_results_get_event_ids (results);
    gboolean found = FALSE;

    for (guint i = 0; i < ids->len; i++)
      found |= g_array_index (ids, gint64, i) == 10000000000;
    g_assert_true (found);
  }
  atlas_filter_clear_actors (filter);

  /* Only the disputed events: one, the summit two articles date differently. */
  atlas_filter_set_with_excerpts (filter, FALSE);
  atlas_filter_set_disputed (filter, TRUE);
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 1);
  atlas_filter_set_text (filter, "route");
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 1);
  atlas_filter_set_text (filter, NULL);
  /* With terms answered in memory, and the events begun by a day. */
  atlas_filter_add_kind (filter, "summit");
  atlas_filter_set_from (filter, "2025");
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 1);
  check_against_queries (store, results, filter, "2025-07-31");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "turkey"));
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  atlas_filter_clear_actors (filter);
  atlas_filter_remove_kind (filter, "summit");
  atlas_filter_set_from (filter, NULL);
  atlas_filter_set_disputed (filter, FALSE);

  /* A filter that finds nothing finds nothing everywhere. */
  atlas_filter_set_text (filter, "qqqqnothing");
  check_against_queries (store, results, filter, NULL);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  g_assert_cmpuint (atlas_results_get_event_places (results)->len, ==, 0);
}

/* An actor's, a corridor's or a place's events under the rest of the filter, found once for
 * the list, the map and the timeline. */
static void
test_results_actor_events (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) expected_filter = NULL;
  g_autoptr(GArray) expected = NULL;
  gint64 armenia = atlas_test_key_id (store, "actors", "armenia"), azerbaijan = atlas_test_key_id (store, "actors", "azerbaijan");
  AtlasItem armenia_item = { ATLAS_ITEM_ACTOR, armenia };
  GArray *ids;
  GHashTable *set;
  guint64 before;

  atlas_filter_add_actor (filter, azerbaijan);
  atlas_filter_set_from (filter, "2020");
  g_assert_true (atlas_results_update (results, filter, NULL));

  expected_filter = atlas_filter_copy (filter);
  atlas_filter_clear_actors (expected_filter);
  atlas_filter_add_actor (expected_filter, armenia);
  expected = atlas_query_events (store, expected_filter, NULL);

  before = atlas_store_get_statement_count (store);
  ids = atlas_results_get_item_event_ids (results, &armenia_item, NULL);
  assert_same_ids (ids, expected);
  set = atlas_results_get_item_events (results, &armenia_item, NULL);
  g_assert_cmpuint (g_hash_table_size (set), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_hash_table_contains (set, &g_array_index (expected, gint64, i)));
  g_assert_cmpuint (atlas_store_get_statement_count (store) - before, ==, 1);

  /* A new filter finds them again. */
  atlas_filter_set_from (filter, NULL);
  g_assert_true (atlas_results_update (results, filter, NULL));
  atlas_filter_set_from (expected_filter, NULL);
  g_clear_pointer (&expected, g_array_unref);
  expected = atlas_query_events (store, expected_filter, NULL);
  assert_same_ids (atlas_results_get_item_event_ids (results, &armenia_item, NULL), expected);

  /* A corridor's and a place's the same way; anything else has none. */
  for (guint k = 0; k < 2; k++)
    {
      AtlasItem item = { k == 0 ? ATLAS_ITEM_CORRIDOR : ATLAS_ITEM_PLACE,
                         atlas_test_query_int (store, k == 0 ? "SELECT min (corridor_id) FROM event_corridors"
                                                             : "SELECT min (place_id) FROM events") };
      g_autoptr(AtlasFilter) item_filter = atlas_filter_copy (filter);
      g_autoptr(GArray) item_expected = NULL;

      atlas_filter_add_id (item_filter, k == 0 ? ATLAS_FILTER_CORRIDORS : ATLAS_FILTER_PLACES, item.id);
      item_expected = atlas_query_events (store, item_filter, NULL);
      g_assert_cmpuint (item_expected->len, >, 0);
      assert_same_ids (atlas_results_get_item_event_ids (results, &item, NULL), item_expected);
      set = atlas_results_get_item_events (results, &item, NULL);
      g_assert_cmpuint (g_hash_table_size (set), ==, item_expected->len);
    }
  {
    AtlasItem event = { ATLAS_ITEM_EVENT, 1 };
    g_autoptr(GError) error = NULL;

    g_assert_null (atlas_results_get_item_events (results, &event, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

static void
count_changed (AtlasResults *results,
               guint        *count)
{
  (*count)++;
}

/* A bad filter empties the results and says why; they still tell the views. */
static void
test_results_failure (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (results, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (atlas_results_update (results, filter, NULL));
  g_assert_cmpuint (atlas_results_get_n_events (results), >, 0);
  g_assert_cmpuint (changed, ==, 1);

  atlas_filter_set_from (filter, "not a date");
  g_assert_false (atlas_results_update (results, filter, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_nonnull (atlas_results_get_error (results));
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  g_assert_cmpuint (atlas_results_get_timeline (results)->len, ==, 0);
  g_assert_cmpuint (atlas_results_get_excerpt_ids (results)->len, ==, 0);
  g_assert_false (atlas_results_has_counts (results));
}

/* A filter change costs a few statements, however many events, actors and passages. */
static void
test_results_statements (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  guint64 before;

  atlas_session_get_results (session);
  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "azerbaijan"));
  before = atlas_store_get_statement_count (store);
  atlas_session_set_filter (session, filter);
  g_assert_cmpuint (atlas_store_get_statement_count (store) - before, <=, 3);
  g_assert_cmpuint (atlas_results_get_n_events (atlas_session_get_results (session)), >, 0);

  /* Moving the "as of" date asks the store nothing, unless the events follow it. */
  before = atlas_store_get_statement_count (store);
  atlas_session_set_date (session, "2021-06-01");
  g_assert_cmpuint (atlas_store_get_statement_count (store), ==, before);

  /* Then the results hold the events begun by the date, and moving it finds again. */
  atlas_session_set_events_as_of (session, TRUE);
  g_assert_cmpstr (atlas_filter_get_begun_by (atlas_results_get_filter (atlas_session_get_results (session))),
                   ==, "2021-06-01");
  g_assert_null (atlas_filter_get_begun_by (atlas_session_get_filter (session)));
  atlas_filter_set_to (filter, "2021-06-01");
  {
    g_autoptr(GArray) expected = atlas_query_events (store, filter, NULL);

    assert_same_ids (atlas_results_get_event_ids (atlas_session_get_results (session)), expected);
  }
  before = atlas_store_get_statement_count (store);
  atlas_session_set_date (session, "2024-05-31");
  g_assert_cmpuint (atlas_store_get_statement_count (store) - before, <=, 3);
  atlas_filter_set_to (filter, "2024-05-31");
  {
    g_autoptr(GArray) expected = atlas_query_events (store, filter, NULL);

    g_assert_cmpuint (expected->len, >, 0);
    assert_same_ids (atlas_results_get_event_ids (atlas_session_get_results (session)), expected);
  }

  /* Off again, every event the filter finds, whatever the date. */
  atlas_session_set_events_as_of (session, FALSE);
  atlas_filter_set_to (filter, NULL);
  {
    g_autoptr(GArray) expected = atlas_query_events (store, filter, NULL);

    assert_same_ids (atlas_results_get_event_ids (atlas_session_get_results (session)), expected);
  }
}

static void
note_begun_by (AtlasResults *results,
               GPtrArray    *days)
{
  g_ptr_array_add (days, g_strdup (atlas_filter_get_begun_by (atlas_results_get_filter (results))));
}

static void wait_until_found (AtlasResults *results);

/* With the events as of the date, a date that moves while the results are being found is
 * found once they are in, rather than overtaking them, so that playing the timeline over a
 * large store shows the map filling up. */
static void
test_results_date_while_finding (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = atlas_test_small_store_file (path);
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  AtlasResults *results;

  atlas_session_find_in_background (session);
  atlas_session_set_events_as_of (session, TRUE);
  atlas_session_set_date (session, "2021-06-01");
  results = atlas_session_get_results (session);
  wait_until_found (results);
  g_signal_connect (results, "changed", G_CALLBACK (note_begun_by), days);

  atlas_session_set_date (session, "2024-06-01");
  g_assert_true (atlas_results_get_busy (results));
  atlas_session_set_date (session, "2025-01-01");
  atlas_session_set_date (session, "2025-09-01");
  wait_until_found (results);
  if (days->len < 2)
    wait_until_found (results);
  /* Not one finding for each day: the first, then the last once the first was in. */
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2024-06-01");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "2025-09-01");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==,
                    atlas_test_query_int (store, "SELECT count (*) FROM events WHERE first_day <= '2025-09-01'"));

  g_clear_object (&session);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A committed write to the events finds again; a saved view does not. */
static void
test_results_follow_store (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(GError) error = NULL;
  guint changed = 0, before;
  gint64 event;

  g_assert_true (atlas_results_update (results, NULL, NULL));
  before = atlas_results_get_n_events (results);
  g_signal_connect (results, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO events (key, kind, title, start)"
                                         " VALUES ('new-event', 'agreement', 'A new event', '2024-05-01')",
                                   &error));
  event = sqlite3_last_insert_rowid (atlas_store_get_db (store));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, event);
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, before + 1);

  /* Rolled back, nothing is said and nothing changes. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "DELETE FROM events WHERE key = 'new-event'", &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, event);
  atlas_store_rollback_change (store);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, before + 1);
}

static void
wait_until_found (AtlasResults *results)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (atlas_results_get_busy (results) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_results_get_busy (results));
}

/* Found in the background, through a second connection: an update returns at once and the
 * results follow; an update made meanwhile overtakes it; a write finds again; and results
 * dropped while finding go away once the finding stops. */
static void
test_results_background (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = atlas_test_small_store_file (path);
  g_autoptr(AtlasStore) memory = atlas_test_small_store ();
  g_autoptr(AtlasResults) results = atlas_results_new (store);
  g_autoptr(AtlasResults) here = atlas_results_new (store);
  g_autoptr(AtlasResults) in_memory = atlas_results_new (memory);
  g_autoptr(AtlasFilter) armenia = atlas_filter_new ();
  g_autoptr(AtlasFilter) agreements = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  AtlasResults *dropped;
  guint changed = 0, before;
  guint64 statements;
  gint64 event, excerpt;

  /* A store in memory has no second connection: its results are found as before. */
  g_assert_false (atlas_results_find_in_background (in_memory));
  g_assert_true (atlas_results_update (in_memory, NULL, NULL));
  g_assert_false (atlas_results_get_busy (in_memory));
  g_assert_true (atlas_results_get_ready (in_memory));

  g_assert_true (atlas_results_find_in_background (results));
  g_signal_connect (results, "changed", G_CALLBACK (count_changed), &changed);
  atlas_filter_add_actor (armenia, atlas_test_key_id (store, "actors", "armenia"));
  atlas_filter_add_kind (agreements, "agreement");

  statements = atlas_store_get_statement_count (store);
  g_assert_true (atlas_results_update (results, armenia, NULL));
  g_assert_true (atlas_results_get_busy (results));
  g_assert_false (atlas_results_get_ready (results));
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, 0);
  g_assert_true (atlas_results_update (results, agreements, NULL));
  wait_until_found (results);
  /* Only the last update's results came in, and the window's connection ran nothing. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (atlas_results_get_ready (results));
  g_assert_true (atlas_filter_equal (atlas_results_get_filter (results), agreements));
  g_assert_cmpuint (atlas_store_get_statement_count (store), ==, statements);

  /* The same as found on this thread. */
  check_against_queries (store, here, agreements, NULL);
  assert_same_ids (atlas_results_get_event_ids (results), atlas_results_get_event_ids (here));
  assert_same_ids (atlas_results_get_excerpt_ids (results), atlas_results_get_excerpt_ids (here));
  g_assert_cmpuint (atlas_results_get_event_places (results)->len, ==, atlas_results_get_event_places (here)->len);
  for (gint64 actor = 1; actor <= atlas_test_query_int (store, "SELECT max (id) FROM actors"); actor++)
    g_assert_cmpuint (atlas_results_get_actor_count (results, actor), ==,
                      atlas_results_get_actor_count (here, actor));
  /* With each event's actors in the order the events list shows them, read on the reader's
   * connection and handed over whole. */
  {
    AtlasEventActors *found = atlas_results_get_event_actors (results);
    AtlasEventActors *read_here = atlas_results_get_event_actors (here);

    g_assert_nonnull (found);
    g_assert_nonnull (read_here);
    g_assert_true (found != read_here);
    assert_same_ids (found->event_ids, read_here->event_ids);
    g_assert_cmpmem (found->actors->data, found->actors->len * sizeof (guint),
                     read_here->actors->data, read_here->actors->len * sizeof (guint));
  }

  /* A committed write finds again, and the reader sees it. */
  before = atlas_results_get_n_events (results);
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO events (key, kind, title, start)"
                                         " VALUES ('new-agreement', 'agreement', 'A new agreement', '2024-05-01')",
                                   &error));
  event = sqlite3_last_insert_rowid (atlas_store_get_db (store));
  g_assert_true (atlas_store_exec (store, "INSERT INTO event_actors (event_id, actor_id)"
                                         " SELECT last_insert_rowid (), id FROM actors WHERE key = 'armenia'",
                                   &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, event);
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_results_get_busy (results));
  wait_until_found (results);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, before + 1);
  /* Who took part was read again too. */
  check_against_queries (store, here, agreements, NULL);
  g_assert_cmpuint (atlas_results_get_actor_count (results, atlas_test_key_id (store, "actors", "armenia")), ==,
                    atlas_results_get_actor_count (here, atlas_test_key_id (store, "actors", "armenia")));

  /* A passage quoted for the new event: the links kept beside the reader are read again. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO excerpts (key, source_id, text)"
                                         " SELECT 'new-passage', min (id), 'Words on the new agreement.' FROM sources",
                                   &error));
  excerpt = sqlite3_last_insert_rowid (atlas_store_get_db (store));
  g_assert_true (atlas_store_exec (store, "INSERT INTO excerpt_links (excerpt_id, event_id)"
                                         " SELECT id, (SELECT id FROM events WHERE key = 'new-agreement')"
                                         " FROM excerpts WHERE key = 'new-passage'",
                                   &error));
  atlas_store_note_change (store, ATLAS_ITEM_EXCERPT, excerpt);
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_no_error (error);
  wait_until_found (results);
  g_assert_cmpuint (changed, ==, 3);
  check_against_queries (store, here, agreements, NULL);
  assert_same_ids (atlas_results_get_excerpt_ids (results), atlas_results_get_excerpt_ids (here));
  {
    GArray *passages = atlas_results_get_excerpt_ids (results);
    gboolean shown = FALSE;

    for (guint i = 0; i < passages->len; i++)
      shown |= g_array_index (passages, gint64, i) == excerpt;
    g_assert_true (shown);
  }

  /* Dropped while finding, the results live until the finding returns, then go. */
  dropped = atlas_results_new (store);
  g_object_add_weak_pointer (G_OBJECT (dropped), (gpointer *) &dropped);
  atlas_results_find_in_background (dropped);
  atlas_results_update (dropped, NULL, NULL);
  g_object_unref (dropped);
  {
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (dropped != NULL && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (dropped);

  g_clear_object (&results);
  g_clear_object (&here);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/results/every-filter", test_results_every_filter);
  g_test_add_func ("/results/failure", test_results_failure);
  g_test_add_func ("/results/actor-events", test_results_actor_events);
  g_test_add_func ("/results/statements", test_results_statements);
  g_test_add_func ("/results/follow-store", test_results_follow_store);
  g_test_add_func ("/results/background", test_results_background);
  g_test_add_func ("/results/date-while-finding", test_results_date_while_finding);

  return g_test_run ();
}
