/* atlas-participation.c: who took part in what, counted without asking the store each time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-id-index.h"
#include "atlas-participation.h"
#include "atlas-query.h"

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
  Participation     taking_part;  /* each event's actors and those they are affiliated with */
  GHashTable       *totals;       /* actor id -> the events it takes part in, of all */
  AtlasEventActors *shown;        /* each event's own actors, in the order the list shows */
  AtlasIdIndex      order;        /* while reading: actor id -> its place in that order */
  GArray           *first_actors; /* gint64: the lowest id among each of shown's events' own */
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
  g_clear_pointer (&cache->totals, g_hash_table_unref);
  g_clear_pointer (&cache->shown, atlas_event_actors_unref);
  atlas_id_index_clear (&cache->order);
  g_clear_pointer (&cache->first_actors, g_array_unref);
  g_free (cache);
}

AtlasEventActors *
atlas_event_actors_ref (AtlasEventActors *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
event_actors_clear (gpointer data)
{
  AtlasEventActors *self = data;

  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->actor_ids, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  atlas_id_index_clear (&self->rows);
}

void
atlas_event_actors_unref (AtlasEventActors *self)
{
  g_atomic_rc_box_release_full (self, event_actors_clear);
}

/* The index of @event_id among self->event_ids, or G_MAXUINT when it has no actors. */
guint
atlas_event_actors_find (AtlasEventActors *self,
                         gint64            event_id)
{
  return atlas_id_index_lookup (&self->rows, event_id);
}

/* The actors in the order an event's row lists them (atlas-event.c orders them so):
 *   SCAN actors; USE TEMP B-TREE FOR ORDER BY   (a thousand rows) */
static gboolean
read_actors_shown (AtlasStore        *store,
                   AtlasEventActors  *self,
                   GError           **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT id, name FROM actors"
                                                   " ORDER BY kind <> 'state', name, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (self->actor_ids, id);
      g_ptr_array_add (self->names, atlas_store_dup_column (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading the events’ actors"));
      return FALSE;
    }
  return TRUE;
}

/* Sorts one event's actors into the order shown: a few each, so by insertion. */
static void
sort_slice (guint *actors,
            guint  n)
{
  for (guint i = 1; i < n; i++)
    {
      guint actor = actors[i], j = i;

      for (; j > 0 && actors[j - 1] > actor; j--)
        actors[j] = actors[j - 1];
      actors[j] = actor;
    }
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

/* Adds @event's own actors, in the order shown. */
static void
add_shown (AtlasEventActors   *shown,
           const AtlasIdIndex *order,
           gint64              event,
           GArray             *actors)
{
  guint first = shown->actors->len;

  for (guint i = 0; i < actors->len; i++)
    {
      guint place = atlas_id_index_lookup (order, g_array_index (actors, gint64, i));

      /* An actor the table lacks (a store written without foreign keys) is not shown. */
      if (place != G_MAXUINT)
        g_array_append_val (shown->actors, place);
    }
  if (shown->actors->len == first)
    return;
  sort_slice (&g_array_index (shown->actors, guint, first), shown->actors->len - first);
  shown->most = MAX (shown->most, shown->actors->len - first);
  g_array_append_val (shown->event_ids, event);
  g_array_append_val (shown->starts, first);
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
  gint64 first = g_array_index (actors, gint64, 0);

  add_shown (cache->shown, &cache->order, event, actors);
  for (guint i = 1; i < own; i++)
    first = MIN (first, g_array_index (actors, gint64, i));
  g_array_append_val (cache->first_actors, first);
  for (guint i = 0; i < own; i++)
    {
      const gint64 *affiliation = g_hash_table_lookup (affiliations, &g_array_index (actors, gint64, i));

      if (affiliation != NULL)
        g_array_append_val (actors, *affiliation);
    }
  if (actors->len > own)
    g_array_sort (actors, atlas_id_compare);
  for (guint i = 0; i < actors->len; i++)
    if (i == 0 || g_array_index (actors, gint64, i) != g_array_index (actors, gint64, i - 1))
      participation_add (&cache->taking_part, event, g_array_index (actors, gint64, i));
}

/* What an empty filter counts, here where who takes part is read (often on a thread of its
 * own): counted again over a million events they took a third of a second. Each actor's
 * place in the order shown is its tally's. */
static GHashTable *
count_all (Cache *cache)
{
  GHashTable *totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *ids = cache->shown->actor_ids;
  g_autofree guint *tallies = g_new0 (guint, ids->len);
  const gint64 *actors = (const gint64 *) cache->taking_part.actor_ids->data;

  for (guint i = 0; i < cache->taking_part.actor_ids->len; i++)
    {
      guint place = atlas_id_index_lookup (&cache->order, actors[i]);

      if (place < ids->len)
        tallies[place]++;
    }
  for (guint i = 0; i < ids->len; i++)
    if (tallies[i] > 0)
      g_hash_table_insert (totals, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)),
                           GUINT_TO_POINTER (tallies[i]));
  return totals;
}

/* Reads event_actors once, in the order of its key (by event, then actor), for the counts,
 * the first actors and the events list's order by actors: queries of their own took twice
 * as long at a million events. A failed step keeps nothing: part of the table would pass
 * for all of it for good. */
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
  cache->shown = g_atomic_rc_box_new0 (AtlasEventActors);
  cache->shown->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cache->shown->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->shown->actors = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->shown->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cache->shown->names = g_ptr_array_new_with_free_func (g_free);
  cache->first_actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!read_actors_shown (store, cache->shown, error))
    {
      cache_free (cache);
      return NULL;
    }
  atlas_id_index_init (&cache->order, (const gint64 *) cache->shown->actor_ids->data,
                       cache->shown->actor_ids->len, NULL);
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
  g_array_append_val (cache->shown->starts, cache->shown->actors->len);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading the events’ actors"));
      cache_free (cache);
      return NULL;
    }
  cache->totals = count_all (cache);
  atlas_id_index_clear (&cache->order);
  /* Every finding looks up each of its events' first actor, and the listing their actors:
   * a binary search among a million events for each of a million was most of a finding's
   * time after its query. */
  atlas_id_index_init (&cache->shown->rows, (const gint64 *) cache->shown->event_ids->data,
                       cache->shown->event_ids->len, NULL);

  g_object_set_data_full (G_OBJECT (store), "atlas-participation", cache, cache_free);
  return cache;
}

/**
 * atlas_event_actors_get_name:
 *
 * Returns: (nullable): the name of the actor @actor_id as read with the rest, or %NULL for
 *   an actor not there
 */
const char *
atlas_event_actors_get_name (AtlasEventActors *self,
                             gint64            actor_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* A thousand actors at most as a rule: looked for once a selection. */
  for (guint i = 0; i < self->actor_ids->len; i++)
    if (g_array_index (self->actor_ids, gint64, i) == actor_id)
      return g_ptr_array_index (self->names, i);
  return NULL;
}

/* Who takes part in what, read on a connection of its own while the caller reads the
 * events: each took about a second at a million events, one after the other, and there
 * are two cores or more. */
struct _AtlasParticipationRead
{
  GThread    *thread;
  AtlasStore *reader;
  GError     *error;
};

static gpointer
read_participation (gpointer data)
{
  AtlasParticipationRead *read = data;

  cache_get (read->reader, &read->error);
  return NULL;
}

/**
 * atlas_query_start_participation:
 *
 * Starts reading who takes part in what in another thread, through a second connection to
 * @store's file, when it is not yet kept for @store. atlas_query_finish_participation()
 * waits for it and keeps it for @store.
 *
 * Returns: (transfer full) (nullable): the reading under way, or %NULL when it is kept
 *   already or cannot be read beside @store (a store in memory), which is no failure:
 *   @store reads it itself when asked
 */
AtlasParticipationRead *
atlas_query_start_participation (AtlasStore *store)
{
  AtlasParticipationRead *read;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) reader = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (g_object_get_data (G_OBJECT (store), "atlas-participation") != NULL ||
      g_strcmp0 (atlas_store_get_path (store), ":memory:") == 0)
    return NULL;
  reader = atlas_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_debug ("Reading who takes part in what in turn: %s", error->message);
      return NULL;
    }

  /* Stopped with the caller's statements. */
  atlas_store_set_cancellable (reader, atlas_store_get_cancellable (store));
  read = g_new0 (AtlasParticipationRead, 1);
  read->reader = g_steal_pointer (&reader);
  read->thread = g_thread_new ("atlas-participation", read_participation, read);
  return read;
}

/**
 * atlas_query_finish_participation:
 * @read: (transfer full) (nullable): from atlas_query_start_participation()
 *
 * Waits for @read and keeps what it read for @store. A failed reading keeps nothing, and
 * @store reads it again itself when asked, so that its failure is told there.
 */
void
atlas_query_finish_participation (AtlasStore             *store,
                                  AtlasParticipationRead *read)
{
  Cache *cache;

  g_return_if_fail (ATLAS_IS_STORE (store));

  if (read == NULL)
    return;
  g_thread_join (read->thread);
  cache = g_object_steal_data (G_OBJECT (read->reader), "atlas-participation");
  if (cache != NULL && g_object_get_data (G_OBJECT (store), "atlas-participation") == NULL)
    g_object_set_data_full (G_OBJECT (store), "atlas-participation", cache, cache_free);
  else if (cache != NULL)
    cache_free (cache);
  if (read->error != NULL)
    g_debug ("Could not read who takes part in what beside the events: %s", read->error->message);
  g_clear_error (&read->error);
  g_clear_object (&read->reader);
  g_free (read);
}

/**
 * atlas_query_ref_event_actors:
 *
 * Each event's own actors (not those they are affiliated with) in the order the events
 * list shows them, read once per store. What is returned never changes, so it may be
 * handed to another thread.
 *
 * Returns: (transfer full) (nullable): the events' actors, or %NULL on failure
 */
AtlasEventActors *
atlas_query_ref_event_actors (AtlasStore  *store,
                              GError     **error)
{
  Cache *cache;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  cache = cache_get (store, error);
  return cache != NULL ? atlas_event_actors_ref (cache->shown) : NULL;
}

/**
 * atlas_query_fill_first_actors:
 * @events: (element-type AtlasTimelineEvent): whose first_actor to set
 *
 * Sets each event's first actor (the lowest id among its own, not their affiliations, for
 * the timeline's lanes by actor), or 0 for an event with none.
 */
gboolean
atlas_query_fill_first_actors (AtlasStore  *store,
                               GArray      *events,
                               GError     **error)
{
  Cache *cache;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  if (events->len == 0)
    return TRUE;
  cache = cache_get (store, error);
  if (cache == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (events, AtlasTimelineEvent, i);
      guint row = atlas_event_actors_find (cache->shown, event->id);

      event->first_actor = row != G_MAXUINT ? g_array_index (cache->first_actors, gint64, row) : 0;
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
  g_array_sort (sorted, atlas_id_compare);
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

/**
 * atlas_query_actor_totals:
 *
 * As atlas_query_actor_counts() for every event of the store, counted once as it is read.
 *
 * Returns: (transfer full): actor id (gint64*) -> how many events it or those affiliated
 *   with it take part in (as GUINT_TO_POINTER)
 */
GHashTable *
atlas_query_actor_totals (AtlasStore  *store,
                          GError     **error)
{
  GHashTable *totals;
  GHashTableIter iter;
  gpointer key, count;
  Cache *cache;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  cache = cache_get (store, error);
  if (cache == NULL)
    return NULL;
  totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, cache->totals);
  while (g_hash_table_iter_next (&iter, &key, &count))
    g_hash_table_insert (totals, g_memdup2 (key, sizeof (gint64)), count);
  return totals;
}
