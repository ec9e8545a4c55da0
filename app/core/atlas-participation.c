/* atlas-participation.c: who took part in what, counted without asking the store each time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-query.h"

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

static Participation *
participation_get (AtlasStore  *store,
                   GError     **error)
{
  Participation *participation = g_object_get_data (G_OBJECT (store), "atlas-participation");
  sqlite3_stmt *stmt;
  int rc;

  if (participation != NULL)
    return participation;

  /* An actor takes part in what those affiliated with it do, as in the actor filter. */
  stmt = atlas_store_prepare (store,
                              "SELECT event_id, actor_id FROM event_actors"
                              " UNION SELECT ea.event_id, a.affiliation_id FROM event_actors ea"
                              " JOIN actors a ON a.id = ea.actor_id WHERE a.affiliation_id IS NOT NULL"
                              " ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;

  participation = g_new0 (Participation, 1);
  participation->event_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  participation->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event = sqlite3_column_int64 (stmt, 0), actor = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (participation->event_ids, event);
      g_array_append_val (participation->actor_ids, actor);
    }
  if (rc != SQLITE_DONE)
    {
      /* Part of the table would be cached for good as if it were all of it. */
      atlas_store_set_error (store, error, _("Counting the actors’ events"));
      sqlite3_reset (stmt);
      participation_free (participation);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_object_set_data_full (G_OBJECT (store), "atlas-participation", participation, participation_free);
  return participation;
}

/* Drops what participation_get() kept, after a write to events or actors. */
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
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Participation *participation;
  const gint64 *rows;
  guint n;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  participation = participation_get (store, error);
  if (participation == NULL)
    return NULL;

  rows = (const gint64 *) participation->event_ids->data;
  n = participation->event_ids->len;
  for (guint i = 0; i < events->len; i++)
    {
      gint64 event = g_array_index (events, gint64, i);
      guint low = 0, high = n;

      /* The first row of this event, by binary search; its actors follow it. */
      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (rows[mid] < event)
            low = mid + 1;
          else
            high = mid;
        }

      for (guint row = low; row < n && rows[row] == event; row++)
        {
          gint64 actor = g_array_index (participation->actor_ids, gint64, row);
          gpointer count = g_hash_table_lookup (counts, &actor);

          if (count == NULL)
            g_hash_table_insert (counts, g_memdup2 (&actor, sizeof actor), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (counts, g_memdup2 (&actor, sizeof actor),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }

  return g_steal_pointer (&counts);
}
