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

/* (event, actor) rows in event order. */
typedef struct
{
  GArray *event_ids;  /* gint64, ascending */
  GArray *actor_ids;  /* gint64, the actor of the same row */
} Participation;

/* Who took part in what, read once per store and kept beside it until the events or the
 * actors change: counting actors over tens of thousands of events in SQL cost more than
 * the filter itself. */
typedef struct
{
  Participation taking_part;  /* each event's actors and those they are affiliated with */
  Participation first;        /* each event's first actor (the lowest id among its own) */
} Cache;

static void
participation_init (Participation *participation,
                    guint          size)
{
  participation->event_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), size);
  participation->actor_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), size);
}

static void
participation_add (Participation *participation,
                   gint64         event,
                   gint64         actor)
{
  g_array_append_val (participation->event_ids, event);
  g_array_append_val (participation->actor_ids, actor);
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  g_clear_pointer (&cache->taking_part.event_ids, g_array_unref);
  g_clear_pointer (&cache->taking_part.actor_ids, g_array_unref);
  g_clear_pointer (&cache->first.event_ids, g_array_unref);
  g_clear_pointer (&cache->first.actor_ids, g_array_unref);
  g_free (cache);
}

/* actor id -> the id of the actor it is affiliated with. */
static GHashTable *
read_affiliations (AtlasStore  *store,
                   GError     **error)
{
  g_autoptr(GHashTable) affiliations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (store, "SELECT id, affiliation_id FROM actors WHERE affiliation_id IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 actor = sqlite3_column_int64 (stmt, 0), affiliation = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (affiliations, g_memdup2 (&actor, sizeof actor),
                           g_memdup2 (&affiliation, sizeof affiliation));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading who is affiliated with whom"));
      return NULL;
    }
  return g_steal_pointer (&affiliations);
}

/* Adds one event's rows: its own actors, then the actors they are affiliated with, each once
 * and in order, as the actor filter counts an event for an actor and its affiliates. */
static void
add_event (Cache      *cache,
           gint64      event,
           GArray     *actors,
           GHashTable *affiliations)
{
  guint own = actors->len;

  participation_add (&cache->first, event, g_array_index (actors, gint64, 0));
  for (guint i = 0; i < own; i++)
    {
      const gint64 *affiliation = g_hash_table_lookup (affiliations, &g_array_index (actors, gint64, i));

      if (affiliation != NULL)
        g_array_append_val (actors, *affiliation);
    }
  if (actors->len > own)
    g_array_sort (actors, compare_ids);
  for (guint i = 0; i < actors->len; i++)
    if (i == 0 || g_array_index (actors, gint64, i) != g_array_index (actors, gint64, i - 1))
      participation_add (&cache->taking_part, event, g_array_index (actors, gint64, i));
}

/* Reads event_actors once, in the order of its key (by event, then actor), for both the
 * counts and the first actors: two queries of their own took twice as long at a million
 * events. A failed step keeps nothing: part of the table would pass for all of it for good. */
static Cache *
cache_get (AtlasStore  *store,
           GError     **error)
{
  Cache *cache = g_object_get_data (G_OBJECT (store), "atlas-participation");
  g_autoptr(GHashTable) affiliations = NULL;
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 event = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (cache != NULL)
    return cache;

  affiliations = read_affiliations (store, error);
  if (affiliations == NULL)
    return NULL;
  /* EXPLAIN QUERY PLAN: SCAN event_actors (its own key's order, so nothing is sorted; without
   * the ORDER BY, SQLite reads the index by actor instead). */
  stmt = atlas_store_prepare (store, "SELECT event_id, actor_id FROM event_actors"
                                     " ORDER BY event_id, actor_id", error);
  if (stmt == NULL)
    return NULL;

  cache = g_new0 (Cache, 1);
  participation_init (&cache->taking_part, 1024);
  participation_init (&cache->first, 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_event = sqlite3_column_int64 (stmt, 0), actor = sqlite3_column_int64 (stmt, 1);

      if (row_event != event && actors->len > 0)
        {
          add_event (cache, event, actors, affiliations);
          g_array_set_size (actors, 0);
        }
      event = row_event;
      g_array_append_val (actors, actor);
    }
  sqlite3_reset (stmt);
  if (actors->len > 0)
    add_event (cache, event, actors, affiliations);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading the events’ actors"));
      cache_free (cache);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (store), "atlas-participation", cache, cache_free);
  return cache;
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
  Cache *cache;
  Participation *first;
  const gint64 *rows;
  guint n;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  if (events->len == 0)
    return TRUE;
  cache = cache_get (store, error);
  if (cache == NULL)
    return FALSE;
  first = &cache->first;

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
  Cache *cache;
  Participation *participation;
  const gint64 *rows, *actors, *wanted;
  guint n, i = 0, row = 0;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  cache = cache_get (store, error);
  if (cache == NULL)
    return NULL;
  participation = &cache->taking_part;

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
