/* test-event-sort.c: the events list's orders, against a plain sort of the loaded rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core orders the events without loading them; here every row is loaded and sorted by
 * the words the list shows, as the documented rules say, and the two orders must agree
 * from the first row to the last, for each column, both directions, the whole result set,
 * an actor's events and a list that holds events the result set lacks.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-event.h"
#include "atlas-event-sort.h"
#include "atlas-participation.h"
#include "atlas-query.h"
#include "atlas-record.h"
#include "atlas-test-util.h"

/* More events than atlas-event-sort.c looks up by id, so that both ways are taken. */
#define GENERATED 24000

/* What the reference sort knows of a row: the words the list shows. */
typedef struct
{
  AtlasEvent *event;
  guint       position;   /* in the date order */
  char      **actors;     /* the names of the actors column, in order; NULL for none */
} Row;

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* As GtkStringSorter compares: case folded, in the locale's collation. */
static int
compare_words (const char *a,
               const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);
  g_autofree char *kx = g_utf8_collate_key (x, -1);
  g_autofree char *ky = g_utf8_collate_key (y, -1);

  return strcmp (kx, ky);
}

/* Empty last; else @compare; equal ones in date order. */
static int
compare_cells (const char *a,
               const char *b)
{
  if (is_empty (a) || is_empty (b))
    return is_empty (a) - is_empty (b);
  return compare_words (a, b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Row *x = a, *y = b;
  AtlasEventSort by = GPOINTER_TO_INT (data);
  int order = 0;

  switch (by)
    {
    case ATLAS_EVENT_SORT_DATE:
      order = strcmp (atlas_event_get_start (x->event), atlas_event_get_start (y->event));
      break;
    case ATLAS_EVENT_SORT_TITLE:
      {
        const char *s = atlas_event_get_title (x->event), *t = atlas_event_get_title (y->event);
        int ls = strlen (s), lt = strlen (t);

        /* SQLite's NOCASE, and equal titles by id, as the index holds them. */
        order = sqlite3_strnicmp (s, t, MIN (ls, lt));
        if (order == 0)
          order = ls - lt;
        if (order == 0)
          order = (atlas_event_get_id (x->event) > atlas_event_get_id (y->event)) -
                  (atlas_event_get_id (x->event) < atlas_event_get_id (y->event));
      }
      break;
    case ATLAS_EVENT_SORT_ACTORS:
      if (x->actors == NULL || y->actors == NULL)
        order = (x->actors == NULL) - (y->actors == NULL);
      /* Name by name, up to the eighth; a list that begins another comes first. */
      for (guint i = 0; order == 0 && x->actors != NULL && y->actors != NULL && i < 8; i++)
        {
          if (x->actors[i] == NULL || y->actors[i] == NULL)
            {
              order = (x->actors[i] != NULL) - (y->actors[i] != NULL);
              break;
            }
          order = compare_words (x->actors[i], y->actors[i]);
        }
      break;
    case ATLAS_EVENT_SORT_KIND:
      order = compare_cells (atlas_event_get_kind_label (x->event),
                             atlas_event_get_kind_label (y->event));
      break;
    case ATLAS_EVENT_SORT_PLACE:
    default:
      order = compare_cells (atlas_event_get_place_name (x->event),
                             atlas_event_get_place_name (y->event));
      break;
    }
  if (order == 0)
    order = (x->position > y->position) - (x->position < y->position);
  return order;
}

static gboolean
row_is_empty (const Row      *row,
              AtlasEventSort  by)
{
  switch (by)
    {
    case ATLAS_EVENT_SORT_ACTORS:
      return row->actors == NULL;
    case ATLAS_EVENT_SORT_KIND:
      return is_empty (atlas_event_get_kind_label (row->event));
    case ATLAS_EVENT_SORT_PLACE:
      return is_empty (atlas_event_get_place_name (row->event));
    case ATLAS_EVENT_SORT_DATE:
    case ATLAS_EVENT_SORT_TITLE:
    default:
      return FALSE;
    }
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->event);
  g_clear_pointer (&row->actors, g_strfreev);
}

/* The rows of @ids, loaded. */
static GArray *
load_rows (AtlasStore *store,
           GArray     *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = atlas_record_load_many (ATLAS_TYPE_EVENT, store,
                                                        (const gint64 *) ids->data, ids->len,
                                                        &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), ids->len);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, ids->len);
  for (guint i = 0; i < events->len; i++)
    {
      gint64 id = atlas_record_get_id (g_ptr_array_index (events, i));

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), g_ptr_array_index (events, i));
    }
  g_array_set_clear_func (rows, clear_row);
  for (guint i = 0; i < ids->len; i++)
    {
      Row row = { 0 };
      const char *names;

      row.event = g_object_ref (g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i)));
      row.position = i;
      names = atlas_event_get_actor_names (row.event);
      row.actors = is_empty (names) ? NULL : g_strsplit (names, "; ", -1);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* The ids of @rows sorted by the rules, descending being ascending reversed with the
 * empty cells still last. */
static GArray *
reference_order (GArray         *rows,
                 AtlasEventSort  by,
                 gboolean        descending)
{
  g_autofree Row *sorted = g_memdup2 (rows->data, rows->len * sizeof (Row));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  guint filled = rows->len;

  g_qsort_with_data (sorted, rows->len, sizeof (Row), compare_rows, GINT_TO_POINTER (by));
  while (filled > 0 && row_is_empty (&sorted[filled - 1], by))
    filled--;
  g_array_set_size (ids, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_index (ids, gint64, descending && i < filled ? filled - 1 - i : i) =
      atlas_event_get_id (sorted[i].event);
  return ids;
}

static const char *
describe (AtlasEventSort by,
          gboolean       descending)
{
  static const char * const names[] = { "date", "title", "actors", "kind", "place" };
  static char text[64];

  g_snprintf (text, sizeof text, "%s %s", names[by], descending ? "descending" : "ascending");
  return text;
}

/* Every column, both ways: the same first and last rows as the reference, and the same
 * rows in between. */
static void
assert_orders (AtlasStore       *store,
               GArray           *ids,
               GArray           *known,
               AtlasEventActors *actors)
{
  g_autoptr(GArray) rows = load_rows (store, ids);

  for (AtlasEventSort by = ATLAS_EVENT_SORT_DATE; by <= ATLAS_EVENT_SORT_PLACE; by++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) sorted = atlas_event_sort (store, ids, known, actors, by, descending,
                                                     &error);
        g_autoptr(GArray) expected = reference_order (rows, by, descending);

        g_test_message ("%s, %u events", describe (by, descending), ids->len);
        g_assert_no_error (error);
        g_assert_nonnull (sorted);
        g_assert_cmpuint (sorted->len, ==, ids->len);
        g_assert_cmpint (g_array_index (sorted, gint64, 0), ==,
                         g_array_index (expected, gint64, 0));
        g_assert_cmpint (g_array_index (sorted, gint64, sorted->len - 1), ==,
                         g_array_index (expected, gint64, expected->len - 1));
        for (guint i = 0; i < ids->len; i++)
          if (g_array_index (sorted, gint64, i) != g_array_index (expected, gint64, i))
            g_error ("%s: row %u is event %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                     describe (by, descending), i, g_array_index (sorted, gint64, i),
                     g_array_index (expected, gint64, i));
      }
}

/* Every event, with the result set's rows and actors at hand, and without them (read from
 * the store in one walk). */
static void
test_event_sort_all (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (GENERATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) timeline = atlas_query_timeline (store, NULL, &error);
  g_autoptr(GArray) ids = atlas_query_events (store, NULL, &error);
  g_autoptr(AtlasEventActors) actors = atlas_query_ref_event_actors (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, GENERATED);
  g_assert_cmpuint (timeline->len, ==, ids->len);
  assert_orders (store, ids, timeline, actors);
  assert_orders (store, ids, NULL, NULL);
}

/* A few events (titles looked up one by one), some of which the rows at hand lack: an
 * actor's events while the filter holds another actor. */
static void
test_event_sort_some (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (GENERATED);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) other = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) ids = NULL;

  atlas_filter_add_actor (filter, atlas_test_key_id (store, "actors", "sort-actor-3"));
  atlas_filter_add_actor (other, atlas_test_key_id (store, "actors", "sort-actor-4"));
  timeline = atlas_query_timeline (store, other, &error);
  g_assert_no_error (error);
  ids = atlas_query_events (store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 100);
  assert_orders (store, ids, timeline, NULL);
}

/* A store whose events have at most three actors each: one key of 32 bits holds all their
 * actors' ranks, and no equal keys are ordered further. */
static void
test_event_sort_few_actors (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (GENERATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) ids = NULL;

  atlas_store_exec (store, "DELETE FROM events WHERE id IN (SELECT event_id FROM event_actors"
                           " GROUP BY event_id HAVING count (*) > 3)", &error);
  g_assert_no_error (error);
  timeline = atlas_query_timeline (store, NULL, &error);
  g_assert_no_error (error);
  ids = atlas_query_events (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 10000);
  assert_orders (store, ids, timeline, NULL);
}

/* Nothing to sort, and an event gone from the store since it was found: it stays, last. */
static void
test_event_sort_edges (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = atlas_query_events (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 gone = G_MAXINT64 - 1;

  for (AtlasEventSort by = ATLAS_EVENT_SORT_DATE; by <= ATLAS_EVENT_SORT_PLACE; by++)
    {
      g_autoptr(GArray) sorted = atlas_event_sort (store, none, NULL, NULL, by, FALSE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sorted->len, ==, 0);
    }

  g_array_append_val (ids, gone);
  for (AtlasEventSort by = ATLAS_EVENT_SORT_DATE; by <= ATLAS_EVENT_SORT_PLACE; by++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GArray) sorted = atlas_event_sort (store, ids, NULL, NULL, by, descending, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (sorted->len, ==, ids->len);
        g_assert_cmpint (g_array_index (sorted, gint64, sorted->len - 1), ==, gone);
      }
}

/* Kinds sort by their labels in the reader's language, names in the locale's collation
 * ("Ölçü" with the O's in German, not after "Z"). */
static void
test_event_sort_german (void)
{
  char *saved = atlas_test_enter_german ();
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) ids = NULL;

  if (saved == NULL)
    return;

  store = atlas_test_sorting_store (GENERATED);
  timeline = atlas_query_timeline (store, NULL, NULL);
  ids = atlas_query_events (store, NULL, NULL);
  g_assert_cmpstr (atlas_event_kind_label ("summit"), !=, "Summit");
  assert_orders (store, ids, timeline, NULL);

  atlas_test_leave_german (saved);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-sort/all", test_event_sort_all);
  g_test_add_func ("/event-sort/some", test_event_sort_some);
  g_test_add_func ("/event-sort/few-actors", test_event_sort_few_actors);
  g_test_add_func ("/event-sort/edges", test_event_sort_edges);
  g_test_add_func ("/event-sort/german", test_event_sort_german);

  return g_test_run ();
}
