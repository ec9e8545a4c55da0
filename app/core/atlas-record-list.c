/* atlas-record-list.c: a list model of records, loaded from the store as they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries return ids; this model holds them and builds a record object only when a view
 * asks for that row, so a list of 100,000 events costs 100,000 integers until scrolled.
 */

#define G_LOG_DOMAIN "atlas-record-list"

#include "config.h"

#include "atlas-actor.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-record-list.h"

struct _AtlasRecordList
{
  GObject        parent_instance;

  AtlasStore    *store;
  AtlasItemKind  kind;
  GArray        *ids;      /* gint64 */
  GPtrArray     *records;  /* loaded objects, NULL until asked for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasRecordList, atlas_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
record_type (AtlasItemKind kind)
{
  switch (kind)
    {
    case ATLAS_ITEM_ACTOR:
      return ATLAS_TYPE_ACTOR;
    case ATLAS_ITEM_EVENT:
      return ATLAS_TYPE_EVENT;
    case ATLAS_ITEM_EXCERPT:
      return ATLAS_TYPE_EXCERPT;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_PLACE:
    case ATLAS_ITEM_CORRIDOR:
    case ATLAS_ITEM_ZONE:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    default:
      g_return_val_if_reached (G_TYPE_OBJECT);
    }
}

static GType
atlas_record_list_get_item_type (GListModel *model)
{
  return record_type (ATLAS_RECORD_LIST (model)->kind);
}

static guint
atlas_record_list_get_n_items (GListModel *model)
{
  return ATLAS_RECORD_LIST (model)->ids->len;
}

static gpointer
atlas_record_list_get_item (GListModel *model,
                            guint       position)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  GObject *record;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  record = g_ptr_array_index (self->records, position);
  if (record != NULL)
    return g_object_ref (record);

  id = g_array_index (self->ids, gint64, position);
  switch (self->kind)
    {
    case ATLAS_ITEM_ACTOR:
      record = G_OBJECT (atlas_actor_load (self->store, id, &error));
      break;
    case ATLAS_ITEM_EVENT:
      record = G_OBJECT (atlas_event_load (self->store, id, &error));
      break;
    case ATLAS_ITEM_EXCERPT:
      record = G_OBJECT (atlas_excerpt_load (self->store, id, &error));
      break;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_PLACE:
    case ATLAS_ITEM_CORRIDOR:
    case ATLAS_ITEM_ZONE:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    default:
      g_return_val_if_reached (NULL);
    }

  /* GListModel promises an item at every position: a row that fails to load shows one that
   * says so, kept out of the cache so that the row loads once the store reads again. */
  if (record == NULL)
    {
      g_warning ("Could not load row %u: %s", position, error->message);
      switch (self->kind)
        {
        case ATLAS_ITEM_ACTOR:
          return atlas_actor_new_unreadable (id, error->message);
        case ATLAS_ITEM_EVENT:
          return atlas_event_new_unreadable (id, error->message);
        case ATLAS_ITEM_EXCERPT:
        default:
          return atlas_excerpt_new_unreadable (id, error->message);
        }
    }

  g_ptr_array_index (self->records, position) = record;
  return g_object_ref (record);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_record_list_get_item_type;
  iface->get_n_items = atlas_record_list_get_n_items;
  iface->get_item = atlas_record_list_get_item;
}

static void
atlas_record_list_finalize (GObject *object)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_record_list_parent_class)->finalize (object);
}

static void
atlas_record_list_class_init (AtlasRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_record_list_finalize;
}

static void
atlas_record_list_init (AtlasRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasRecordList *
atlas_record_list_new (AtlasStore    *store,
                       AtlasItemKind  kind)
{
  AtlasRecordList *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  return self;
}

/* Replaces the rows with @ids (copied), in their order. */
void
atlas_record_list_set_ids (AtlasRecordList *self,
                           GArray          *ids)
{
  guint removed, added;

  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));

  removed = self->ids->len;
  added = ids != NULL ? ids->len : 0;

  g_array_set_size (self->ids, 0);
  if (added > 0)
    g_array_append_vals (self->ids, ids->data, added);
  g_ptr_array_set_size (self->records, 0);
  g_ptr_array_set_size (self->records, added);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
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
