/* atlas-record-list.c: a list model of records, loaded from the store as they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries return ids; this model holds them and builds record objects only when a view
 * asks for a row, so a list of 100,000 events costs 100,000 integers until scrolled. A row
 * asked for loads the page of rows around it with one statement, so a screenful costs one
 * or two statements, not one a row.
 */

#define G_LOG_DOMAIN "atlas-record-list"

#include "config.h"

#include "atlas-actor.h"
#include "atlas-corridor.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-place.h"
#include "atlas-record-list.h"
#include "atlas-source.h"
#include "atlas-zone.h"

#define PAGE_SIZE ATLAS_RECORD_LIST_PAGE_SIZE

struct _AtlasRecordList
{
  GObject      parent_instance;

  AtlasStore  *store;
  GType        type;
  GArray      *ids;      /* gint64 */
  GPtrArray   *records;  /* AtlasRecord, NULL until its page is loaded */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasRecordList, atlas_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * atlas_record_list_type_for_kind:
 *
 * Returns: the record class of items of @kind, or %G_TYPE_INVALID for a kind that has none
 */
GType
atlas_record_list_type_for_kind (AtlasItemKind kind)
{
  switch (kind)
    {
    case ATLAS_ITEM_ACTOR:
      return ATLAS_TYPE_ACTOR;
    case ATLAS_ITEM_PLACE:
      return ATLAS_TYPE_PLACE;
    case ATLAS_ITEM_CORRIDOR:
      return ATLAS_TYPE_CORRIDOR;
    case ATLAS_ITEM_ZONE:
      return ATLAS_TYPE_ZONE;
    case ATLAS_ITEM_EVENT:
      return ATLAS_TYPE_EVENT;
    case ATLAS_ITEM_EXCERPT:
      return ATLAS_TYPE_EXCERPT;
    case ATLAS_ITEM_SOURCE:
      return ATLAS_TYPE_SOURCE;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_RELATION:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    default:
      return G_TYPE_INVALID;
    }
}

/* The records array holds NULL for rows not loaded, and GPtrArray frees every element. */
static void
unref_record (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static GType
atlas_record_list_get_item_type (GListModel *model)
{
  return ATLAS_RECORD_LIST (model)->type;
}

static guint
atlas_record_list_get_n_items (GListModel *model)
{
  return ATLAS_RECORD_LIST (model)->ids->len;
}

/* Loads the rows of @position's page that are not loaded yet, with one statement. A row
 * whose record is absent stays unloaded. */
static gboolean
load_page (AtlasRecordList  *self,
           guint             position,
           GError          **error)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);
  g_autoptr(GArray) wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
  g_autoptr(GPtrArray) loaded = NULL;

  for (guint i = start; i < end; i++)
    if (g_ptr_array_index (self->records, i) == NULL)
      g_array_append_val (wanted, g_array_index (self->ids, gint64, i));

  loaded = atlas_record_load_many (self->type, self->store, (const gint64 *) wanted->data,
                                   wanted->len, error);
  if (loaded == NULL)
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (g_ptr_array_index (self->records, i) != NULL)
        continue;
      for (guint j = 0; j < loaded->len; j++)
        if (atlas_record_get_id (g_ptr_array_index (loaded, j)) == id)
          {
            g_ptr_array_index (self->records, i) = g_object_ref (g_ptr_array_index (loaded, j));
            break;
          }
    }
  return TRUE;
}

static gpointer
atlas_record_list_get_item (GListModel *model,
                            guint       position)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) absent = NULL;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  if (g_ptr_array_index (self->records, position) == NULL
      && load_page (self, position, &error)
      && g_ptr_array_index (self->records, position) == NULL)
    {
      /* The page was read but this row was not in it: the single load says why. */
      absent = atlas_record_load (self->type, self->store,
                                  g_array_index (self->ids, gint64, position), &error);
      if (absent != NULL)
        g_ptr_array_index (self->records, position) = g_steal_pointer (&absent);
    }

  if (g_ptr_array_index (self->records, position) != NULL)
    return g_object_ref (g_ptr_array_index (self->records, position));

  /* GListModel promises an item at every position: a row that fails to load shows one that
   * says so, kept out of the cache so that the row loads once the store reads again. */
  id = g_array_index (self->ids, gint64, position);
  g_warning ("Could not load row %u: %s", position, error->message);
  return atlas_record_new_unreadable (self->type, id, error->message);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_record_list_get_item_type;
  iface->get_n_items = atlas_record_list_get_n_items;
  iface->get_item = atlas_record_list_get_item;
}

static void
atlas_record_list_dispose (GObject *object)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_record_list_parent_class)->dispose (object);
}

static void
atlas_record_list_finalize (GObject *object)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (atlas_record_list_parent_class)->finalize (object);
}

static void
atlas_record_list_class_init (AtlasRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_record_list_dispose;
  object_class->finalize = atlas_record_list_finalize;
}

static void
atlas_record_list_init (AtlasRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->records = g_ptr_array_new_with_free_func (unref_record);
}

/* A committed write: the rows of the records written are read again, and all rows after a
 * write to a kind whose names records show (an event names its actors and place, an
 * excerpt its source). */
static void
on_store_changed (AtlasRecordList *self,
                  AtlasItemKind    kind,
                  GArray          *ids,
                  AtlasStore      *store)
{
  if (self->ids->len == 0 || kind == ATLAS_ITEM_SAVED_VIEW)
    return;

  if (atlas_record_list_type_for_kind (kind) == self->type && ids->len > 0)
    atlas_record_list_invalidate (self, ids);
  else if (atlas_record_list_type_for_kind (kind) == self->type ||
           kind == ATLAS_ITEM_ACTOR || kind == ATLAS_ITEM_PLACE || kind == ATLAS_ITEM_SOURCE)
    atlas_record_list_invalidate (self, self->ids);
}

/**
 * atlas_record_list_new:
 * @kind: what the ids are of: actors, places, corridors, zones, events, excerpts or sources
 */
AtlasRecordList *
atlas_record_list_new (AtlasStore    *store,
                       AtlasItemKind  kind)
{
  AtlasRecordList *self;
  GType type = atlas_record_list_type_for_kind (kind);

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/* Replaces the rows with @ids (copied), in their order. Records already loaded for ids
 * that stay are kept, so that a filter that keeps rows does not read them again. */
void
atlas_record_list_set_ids (AtlasRecordList *self,
                           GArray          *ids)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GPtrArray) old_records = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint removed, added;

  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));

  removed = self->ids->len;
  added = ids != NULL ? ids->len : 0;

  old_ids = g_steal_pointer (&self->ids);
  old_records = g_steal_pointer (&self->records);

  /* Told as two changes, the list empty in between: in one, GTK 4.8's list views look for
   * the widgets of the removed rows among all the added ones, reading every row. */
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->records = g_ptr_array_new_with_free_func (unref_record);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), added);
  if (added > 0)
    g_array_append_vals (self->ids, ids->data, added);
  self->records = g_ptr_array_new_full (added, unref_record);
  g_ptr_array_set_size (self->records, added);

  /* id -> loaded record; the keys point into old_ids. */
  kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < old_ids->len; i++)
    if (g_ptr_array_index (old_records, i) != NULL)
      g_hash_table_insert (kept, &g_array_index (old_ids, gint64, i),
                           g_ptr_array_index (old_records, i));
  for (guint i = 0; i < added && g_hash_table_size (kept) > 0; i++)
    {
      AtlasRecord *record = g_hash_table_lookup (kept, &g_array_index (self->ids, gint64, i));

      if (record != NULL)
        g_ptr_array_index (self->records, i) = g_object_ref (record);
    }

  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
}

/* Forgets the records of @ids, so that their rows are read again from the store, and tells
 * the views that those rows changed: for the store's change signal. A row whose load failed
 * was never kept but is told too, so that a view showing its stand-in asks again. */
void
atlas_record_list_invalidate (AtlasRecordList *self,
                              GArray          *ids)
{
  g_autoptr(GHashTable) changed = NULL;
  g_autoptr(GArray) runs = NULL;  /* first row and length of each run of changed rows */

  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));
  g_return_if_fail (ids != NULL);

  changed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (changed, &g_array_index (ids, gint64, i));

  runs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->ids->len; i++)
    {
      guint *last = runs->len > 0 ? &g_array_index (runs, guint, runs->len - 2) : NULL;

      if (!g_hash_table_contains (changed, &g_array_index (self->ids, gint64, i)))
        continue;
      g_clear_object ((GObject **) &g_ptr_array_index (self->records, i));
      if (last != NULL && last[0] + last[1] == i)
        last[1]++;
      else
        g_array_append_vals (runs, ((guint[]) { i, 1 }), 2);
    }

  /* Told once the rows are forgotten, as a view may ask for them again at once. */
  for (guint i = 0; i < runs->len; i += 2)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (runs, guint, i),
                                g_array_index (runs, guint, i + 1),
                                g_array_index (runs, guint, i + 1));
}

gint64
atlas_record_list_get_id (AtlasRecordList *self,
                          guint            position)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/* The row of record @id, or G_MAXUINT (GTK_INVALID_LIST_POSITION) when it is not shown. */
guint
atlas_record_list_find (AtlasRecordList *self,
                        gint64           id)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}
