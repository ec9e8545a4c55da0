/* atlas-id-index.c: where each of many record ids is, found in constant time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store's ids are dense (INTEGER PRIMARY KEY counts up), so an array over their range
 * finds a million of them in a few milliseconds and 4 MB, where a hash table takes tens of
 * milliseconds and several times the memory. Ids spread too thinly for an array (a store
 * written by hand) fall back to a hash table.
 */

#define G_LOG_DOMAIN "atlas-id-index"

#include "config.h"

#include <string.h>

#include "atlas-id-index.h"

/**
 * atlas_id_index_init:
 * @ids: (array length=n): the ids
 * @values: (array length=n) (nullable): what each id maps to; its position in @ids when %NULL
 *
 * Indexes @ids. An id given twice maps to its last value.
 */
void
atlas_id_index_init (AtlasIdIndex *index,
                     const gint64 *ids,
                     guint         n,
                     const guint  *values)
{
  gint64 low = G_MAXINT64, high = G_MININT64;

  memset (index, 0, sizeof *index);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      low = MIN (low, ids[i]);
      high = MAX (high, ids[i]);
    }

  if ((guint64) high - (guint64) low < (guint64) n * 4 + 65536)
    {
      index->low = low;
      index->n_slots = (gsize) ((guint64) high - (guint64) low) + 1;
      index->slots = g_new0 (guint, index->n_slots);
      for (guint i = 0; i < n; i++)
        index->slots[(guint64) ids[i] - (guint64) low] = (values != NULL ? values[i] : i) + 1;
    }
  else
    {
      index->table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        g_hash_table_insert (index->table, g_memdup2 (&ids[i], sizeof (gint64)),
                             GUINT_TO_POINTER ((values != NULL ? values[i] : i) + 1));
    }
}

void
atlas_id_index_clear (AtlasIdIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  g_clear_pointer (&index->table, g_hash_table_unref);
}

/* The order of two ids (gint64 *), for g_array_sort() and the like. */
int
atlas_id_compare (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}
