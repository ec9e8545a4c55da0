/* atlas-id-index.h: where each of many record ids is, found in constant time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* On the stack: atlas_id_index_init(), then atlas_id_index_clear(). */
typedef struct
{
  gint64      low;
  guint      *slots;    /* value + 1 for the id low + i; 0 for none */
  gsize       n_slots;
  GHashTable *table;    /* gint64 * -> value + 1, where the ids are too sparse for slots */
} AtlasIdIndex;

void  atlas_id_index_init   (AtlasIdIndex       *index,
                             const gint64       *ids,
                             guint               n,
                             const guint        *values);
void  atlas_id_index_clear  (AtlasIdIndex       *index);

int   atlas_id_compare      (gconstpointer       a,
                             gconstpointer       b);

/* The value of @id, or G_MAXUINT when it was not indexed. */
static inline guint
atlas_id_index_lookup (const AtlasIdIndex *index,
                       gint64              id)
{
  if (index->slots != NULL)
    {
      guint64 offset = (guint64) id - (guint64) index->low;

      return offset < index->n_slots ? index->slots[offset] - 1 : G_MAXUINT;
    }
  if (index->table != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (index->table, &id)) - 1;
  return G_MAXUINT;
}

G_END_DECLS
