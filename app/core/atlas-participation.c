/* atlas-participation.c: who took part in what, counted without asking the store each time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-query.h"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Who took part in what, read once per store and kept beside it until the events or the
 * actors change: counting actors over tens of thousands of events in SQL cost more than
 * the filter itself. */
typedef struct
{
  GArray *event_ids;  /* gint64, ascending */
  GArray *actor_ids;  /* gint64, the actor of the same row */
} Participation;

static void
participation_free (gpointer data)
{
  Participation *participation = data;

  g_array_unref (participation->event_ids);
  g_array_unref (participation->actor_ids);
  g_free (participation);
}

/* Reads (event, actor) rows in event order and keeps them beside the store under @name.
 * A failed step keeps nothing: part of the table would pass for all of it for good. */
static Participation *
pairs_get (AtlasStore  *store,
           const char  *name,
           const char  *sql,
           const char  *doing,
           GError     **error)
{
  Participation *pairs = g_object_get_data (G_OBJECT (store), name);
  sqlite3_stmt *stmt;
  int rc;

  if (pairs != NULL)
    return pairs;

  stmt = atlas_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  pairs = g_new0 (Participation, 1);
  pairs->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pairs->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event = sqlite3_column_int64 (stmt, 0), actor = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (pairs->event_ids, event);
      g_array_append_val (pairs->actor_ids, actor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, doing);
      participation_free (pairs);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (store), name, pairs, participation_free);
  return pairs;
}

/* An actor takes part in what those affiliated with it do, as in the actor filter. */
static Participation *
participation_get (AtlasStore  *store,
                   GError     **error)
{
  return pairs_get (store, "atlas-participation",
                    "SELECT event_id, actor_id FROM event_actors"
                    " UNION SELECT ea.event_id, a.affiliation_id FROM event_actors ea"
                    " JOIN actors a ON a.id = ea.actor_id WHERE a.affiliation_id IS NOT NULL"
                    " ORDER BY 1",
                    _("Counting the actors’ events"), error);
}

/* Each event's first actor (the lowest id among its own, not their affiliations), for the
 * timeline's lanes by actor: read once, in the order of event_actors' key, where asking for
 * each event's in the timeline's query cost seconds at a million events. */
static Participation *
first_actors_get (AtlasStore  *store,
                  GError     **error)
{
  return pairs_get (store, "atlas-first-actors",
                    "SELECT event_id, min (actor_id) FROM event_actors"
                    " GROUP BY event_id ORDER BY event_id",
                    _("Reading the events’ actors"), error);
}

/**
 * atlas_query_fill_first_actors:
 * @events: (element-type AtlasTimelineEvent): whose first_actor to set
 *
 * Sets each event's first actor, or 0 for an event with none.
 */
gboolean
atlas_query_fill_first_actors (AtlasStore  *store,
                               GArray      *events,
                               GError     **error)
{
  Participation *first;
  const gint64 *rows;
  guint n;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  if (events->len == 0)
    return TRUE;
  first = first_actors_get (store, error);
  if (first == NULL)
    return FALSE;

  rows = (const gint64 *) first->event_ids->data;
  n = first->event_ids->len;
  for (guint i = 0; i < events->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (events, AtlasTimelineEvent, i);
      guint low = 0, high = n;

      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (rows[mid] < event->id)
            low = mid + 1;
          else
            high = mid;
        }
      event->first_actor = low < n && rows[low] == event->id
                           ? g_array_index (first->actor_ids, gint64, low) : 0;
    }
  return TRUE;
}

/* Drops what was kept of who took part in what, after a write to events or actors. */
void
atlas_query_forget_participation (AtlasStore *store)
{
  g_return_if_fail (ATLAS_IS_STORE (store));

  g_object_set_data (G_OBJECT (store), "atlas-participation", NULL);
  g_object_set_data (G_OBJECT (store), "atlas-first-actors", NULL);
}

/**
 * atlas_query_actor_counts:
 * @events: (element-type gint64): event ids, as atlas_query_events() gives them
 *
 * Returns: (transfer full): actor id (gint64*) -> how many of @events it or those
 *   affiliated with it take part in (as GUINT_TO_POINTER), as the actor filter counts
 */
GHashTable *
atlas_query_actor_counts (AtlasStore  *store,
                          GArray      *events,
                          GError     **error)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) tallies = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GArray) sorted = NULL;
  GHashTable *counts;
  Participation *participation;
  const gint64 *rows, *actors, *wanted;
  guint n, i = 0, row = 0;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  participation = participation_get (store, error);
  if (participation == NULL)
    return NULL;

  /* The events in id order, walked beside the rows, which are in event order too: linear,
   * where a search for each of a million events took half a second. */
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), events->len);
  g_array_append_vals (sorted, events->data, events->len);
  g_array_sort (sorted, compare_ids);
  wanted = (const gint64 *) sorted->data;
  rows = (const gint64 *) participation->event_ids->data;
  actors = (const gint64 *) participation->actor_ids->data;
  n = participation->event_ids->len;

  while (i < sorted->len && row < n)
    {
      if (rows[row] < wanted[i])
        row++;
      else if (rows[row] > wanted[i])
        i++;
      else
        {
          for (gint64 event = wanted[i++]; row < n && rows[row] == event; row++)
            {
              gpointer slot;

              if (!g_hash_table_lookup_extended (slots, &actors[row], NULL, &slot))
                {
                  slot = GUINT_TO_POINTER (tallies->len);
                  g_hash_table_insert (slots, g_memdup2 (&actors[row], sizeof (gint64)), slot);
                  g_array_set_size (tallies, tallies->len + 1);
                }
              g_array_index (tallies, guint, GPOINTER_TO_UINT (slot))++;
            }
        }
    }

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer key, slot;

    g_hash_table_iter_init (&iter, slots);
    while (g_hash_table_iter_next (&iter, &key, &slot))
      g_hash_table_insert (counts, g_memdup2 (key, sizeof (gint64)),
                           GUINT_TO_POINTER (g_array_index (tallies, guint, GPOINTER_TO_UINT (slot))));
  }
  return counts;
}
