/* atlas-store-change.c: writes that say what they changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write that views must follow is a change: begin, write, note each record written,
 * commit. AtlasStore::changed is emitted only once the commit has succeeded, once for each
 * kind of record, so that a listener never sees a write that did not happen and sees a
 * write of many records at once rather than record by record.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include "atlas-id-index.h"
#include "atlas-store-private.h"

/**
 * atlas_store_begin_change:
 *
 * Starts a write transaction whose records are noted with atlas_store_note_change() and
 * which ends with atlas_store_commit_change() or atlas_store_rollback_change(). Changes do
 * not nest.
 */
gboolean
atlas_store_begin_change (AtlasStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->changes == NULL, FALSE);

  if (!atlas_store_begin (self, error))
    return FALSE;

  self->changes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  return TRUE;
}

/**
 * atlas_store_note_change:
 * @kind: the kind of the record written
 * @id: its id, or 0 when any record of @kind may have changed
 *
 * Notes a record written (added, changed or removed) in the change under way.
 */
void
atlas_store_note_change (AtlasStore    *self,
                         AtlasItemKind  kind,
                         gint64         id)
{
  GArray *ids;

  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (self->changes != NULL);

  ids = g_hash_table_lookup (self->changes, GINT_TO_POINTER (kind));
  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->changes, GINT_TO_POINTER (kind), ids);
    }
  else if (ids->len == 0)
    return;  /* already "any of this kind" */

  if (id == 0)
    g_array_set_size (ids, 0);
  else
    g_array_append_val (ids, id);
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

/* Each id once, in order: a record written twice changed once. Sorted here rather than
 * looked up at each note, which would be quadratic in an import of many records. */
static void
sort_unique (GArray *ids)
{
  guint kept = 0;

  g_array_sort (ids, atlas_id_compare);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
      g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, kept);
}

/* One emission per kind, in the order of the kinds, so listeners see the same sequence
 * whatever order the records were written in. */
static void
emit_changes (AtlasStore *self,
              GHashTable *changes)
{
  g_autoptr(GList) kinds = g_list_sort (g_hash_table_get_keys (changes), compare_kinds);

  for (GList *l = kinds; l != NULL; l = l->next)
    {
      GArray *ids = g_hash_table_lookup (changes, l->data);

      sort_unique (ids);
      atlas_store_emit_changed (self, GPOINTER_TO_INT (l->data), ids);
    }
}

/**
 * atlas_store_commit_change:
 *
 * Commits the change under way, then emits AtlasStore::changed for what it noted. A commit
 * that fails rolls the change back and emits nothing.
 */
gboolean
atlas_store_commit_change (AtlasStore  *self,
                           GError     **error)
{
  g_autoptr(GHashTable) changes = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->changes != NULL, FALSE);

  /* Taken first, so that a listener may start a change of its own. */
  changes = g_steal_pointer (&self->changes);
  if (!atlas_store_commit (self, error))
    {
      atlas_store_rollback (self);
      return FALSE;
    }

  emit_changes (self, changes);
  return TRUE;
}

/* Rolls the change under way back, forgetting what it noted. */
void
atlas_store_rollback_change (AtlasStore *self)
{
  g_return_if_fail (ATLAS_IS_STORE (self));

  g_clear_pointer (&self->changes, g_hash_table_unref);
  atlas_store_rollback (self);
}
