/* atlas-passages.c: the excerpts behind a filter's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The passages panel shows the excerpts behind the events a filter finds. Asked in SQL, the
 * filter ran a second time for them: a word at a million events cost half a second more.
 * The result set has found the events already, so here their excerpts are looked up in the
 * links read once per store, and only the words' own matches in the excerpts' text are asked
 * of the store.
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-criteria.h"
#include "atlas-id-index.h"
#include "atlas-passages.h"

/* Read once per store and kept beside it until an event, excerpt or source changes. */
typedef struct
{
  GArray      *order;      /* gint64: every excerpt, by source date, source and position */
  AtlasIdIndex ranks;      /* excerpt id -> its place in order */
  GArray      *event_ids;  /* gint64, ascending: the events that have excerpts */
  GArray      *starts;     /* guint, one more than event_ids: event i has excerpts[starts[i]]
                            * up to excerpts[starts[i + 1]] */
  GArray      *excerpts;   /* guint: places in order */
  AtlasIdIndex rows;       /* event id -> its index in event_ids */
} Cache;

#define CACHE_KEY "atlas-passages"

/* Where an excerpt's own text holds the words, it is one of the filter's passages when the
 * filter has nothing but words and actors: then also an excerpt that names the words without
 * an event of the filter behind it is wanted. */
static gboolean
append_text_terms (GString             *sql,
                   const AtlasCriteria *criteria)
{
  if (criteria->fts == NULL || criteria->from != NULL || criteria->to != NULL ||
      criteria->kinds != NULL || criteria->corridors != NULL || criteria->places != NULL ||
      criteria->disputed)
    return FALSE;

  g_string_append (sql, "x.id IN (SELECT rowid FROM excerpt_search"
                        " WHERE excerpt_search MATCH :fts)");
  if (criteria->actors != NULL)
    g_string_append (sql, " AND x.id IN (SELECT l.excerpt_id FROM excerpt_links l"
                          " JOIN actors a ON a.id = l.actor_id"
                          " WHERE l.actor_id IN (SELECT value FROM json_each (:actors))"
                          " OR a.affiliation_id IN"
                          " (SELECT value FROM json_each (:actors)))");
  return TRUE;
}

/**
 * atlas_query_excerpts:
 *
 * Finds the passages in SQL alone; atlas_query_excerpts_behind() finds the same from events
 * found before.
 *
 * Returns: (transfer full): the ids of the excerpts behind the events that meet @filter;
 *   with a text criterion, also the excerpts whose own text matches and that meet the actor
 *   criterion. With an empty filter, every excerpt. In order of source and position.
 */
GArray *
atlas_query_excerpts (AtlasStore         *store,
                      const AtlasFilter  *filter,
                      GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  AtlasCriteria criteria;
  GArray *ids;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;

  g_string_append (sql, "SELECT x.id FROM excerpts x JOIN sources s ON s.id = x.source_id");
  if (!atlas_filter_is_empty (filter))
    {
      g_string_append (sql, " WHERE x.id IN (SELECT l.excerpt_id FROM excerpt_links l"
                            " JOIN events e ON e.id = l.event_id WHERE 1");
      atlas_criteria_append_event_terms (sql, &criteria);
      g_string_append (sql, ")");
      if (append_text_terms (text, &criteria))
        g_string_append_printf (sql, " OR (%s)", text->str);
    }
  g_string_append (sql, " ORDER BY s.date, s.id, x.position, x.id");

  ids = atlas_sql_collect_ids (store, sql->str, &criteria, error);
  atlas_criteria_clear (&criteria);
  return ids;
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  g_clear_pointer (&cache->order, g_array_unref);
  atlas_id_index_clear (&cache->ranks);
  g_clear_pointer (&cache->event_ids, g_array_unref);
  g_clear_pointer (&cache->starts, g_array_unref);
  g_clear_pointer (&cache->excerpts, g_array_unref);
  atlas_id_index_clear (&cache->rows);
  g_free (cache);
}

/* The events' links, in event order:
 *   SCAN l USING COVERING INDEX excerpt_links_event */
static gboolean
read_event_links (AtlasStore  *store,
                  Cache       *cache,
                  GError     **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT event_id, excerpt_id FROM excerpt_links"
                                                   " WHERE event_id IS NOT NULL"
                                                   " ORDER BY event_id, excerpt_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event = sqlite3_column_int64 (stmt, 0);
      guint rank = atlas_id_index_lookup (&cache->ranks, sqlite3_column_int64 (stmt, 1));

      /* An excerpt whose source is gone is not a passage anywhere. */
      if (rank == G_MAXUINT)
        continue;
      if (cache->event_ids->len == 0 ||
          g_array_index (cache->event_ids, gint64, cache->event_ids->len - 1) != event)
        {
          g_array_append_val (cache->event_ids, event);
          g_array_append_val (cache->starts, cache->excerpts->len);
        }
      g_array_append_val (cache->excerpts, rank);
    }
  sqlite3_reset (stmt);
  g_array_append_val (cache->starts, cache->excerpts->len);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading the passages’ events"));
      return FALSE;
    }
  return TRUE;
}

/* Reads the excerpts' order and the events' links, or keeps nothing when a step fails. */
static Cache *
cache_get (AtlasStore  *store,
           GError     **error)
{
  Cache *cache = g_object_get_data (G_OBJECT (store), CACHE_KEY);

  if (cache != NULL)
    return cache;

  cache = g_new0 (Cache, 1);
  cache->order = atlas_sql_collect_ids (store, "SELECT x.id FROM excerpts x"
                                               " JOIN sources s ON s.id = x.source_id"
                                               " ORDER BY s.date, s.id, x.position, x.id",
                                        &(AtlasCriteria) { 0 }, error);
  if (cache->order == NULL)
    {
      cache_free (cache);
      return NULL;
    }
  atlas_id_index_init (&cache->ranks, (const gint64 *) cache->order->data, cache->order->len, NULL);

  cache->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  cache->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->excerpts = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!read_event_links (store, cache, error))
    {
      cache_free (cache);
      return NULL;
    }
  atlas_id_index_init (&cache->rows, (const gint64 *) cache->event_ids->data,
                       cache->event_ids->len, NULL);

  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, cache, cache_free);
  return cache;
}

/* Marks the excerpts whose own text holds the filter's words. */
static gboolean
mark_text_matches (AtlasStore          *store,
                   Cache               *cache,
                   const AtlasCriteria *criteria,
                   guint8              *marked,
                   GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT x.id FROM excerpts x WHERE ");
  g_autoptr(GArray) ids = NULL;

  if (!append_text_terms (sql, criteria))
    return TRUE;
  ids = atlas_sql_collect_ids (store, sql->str, criteria, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      guint rank = atlas_id_index_lookup (&cache->ranks, g_array_index (ids, gint64, i));

      if (rank != G_MAXUINT)
        marked[rank] = TRUE;
    }
  return TRUE;
}

/**
 * atlas_query_excerpts_behind:
 * @event_ids: (element-type gint64): the events that meet @filter, as a result set found
 *   them, in any order
 *
 * As atlas_query_excerpts(), without running @filter's event terms again.
 *
 * Returns: (transfer full): excerpt ids, in order of source and position
 */
GArray *
atlas_query_excerpts_behind (AtlasStore         *store,
                             const AtlasFilter  *filter,
                             const GArray       *event_ids,
                             GError            **error)
{
  g_autofree guint8 *marked = NULL;
  AtlasCriteria criteria;
  Cache *cache;
  GArray *ids;
  gboolean found;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (event_ids != NULL, NULL);

  cache = cache_get (store, error);
  if (cache == NULL)
    return NULL;
  if (atlas_filter_is_empty (filter))
    {
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), cache->order->len);
      g_array_append_vals (ids, cache->order->data, cache->order->len);
      return ids;
    }

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;
  marked = g_malloc0 (MAX (cache->order->len, 1));
  for (guint i = 0; i < event_ids->len; i++)
    {
      guint row = atlas_id_index_lookup (&cache->rows, g_array_index (event_ids, gint64, i));

      if (row == G_MAXUINT)
        continue;
      for (guint k = g_array_index (cache->starts, guint, row);
           k < g_array_index (cache->starts, guint, row + 1); k++)
        marked[g_array_index (cache->excerpts, guint, k)] = TRUE;
    }
  found = mark_text_matches (store, cache, &criteria, marked, error);
  atlas_criteria_clear (&criteria);
  if (!found)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint rank = 0; rank < cache->order->len; rank++)
    if (marked[rank])
      g_array_append_val (ids, g_array_index (cache->order, gint64, rank));
  return ids;
}

/* Drops what was kept of the excerpts, after a write to events, excerpts or sources. */
void
atlas_query_forget_passages (AtlasStore *store)
{
  g_return_if_fail (ATLAS_IS_STORE (store));

  g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
}
