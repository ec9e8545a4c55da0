/* atlas-record-list.c: a list model of records, loaded from the store as they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries return ids; this model holds them and builds record objects only when a view
 * asks for a row, so a list of 100,000 events costs 100,000 integers until scrolled. A row
 * asked for loads the page of rows around it with one statement, so a screenful costs one
 * or two statements, not one a row. Only the pages used last stay loaded: however far a
 * list of a million events is scrolled, or however often it is sorted, it holds a few
 * thousand records.
 */

#define G_LOG_DOMAIN "atlas-record-list"

#include "config.h"

#include "atlas-actor.h"
#include "atlas-corridor.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-id-index.h"
#include "atlas-place.h"
#include "atlas-record-list.h"
#include "atlas-source.h"
#include "atlas-zone.h"

#define PAGE_SIZE ATLAS_RECORD_LIST_PAGE_SIZE

/* The pages kept loaded. GTK 4.8's list views bind up to 200 rows, two pages at most; a
 * page used again after it was dropped is read again, with one statement. */
#define MAX_PAGES 16

typedef struct
{
  guint        number;               /* which page of the list */
  AtlasRecord *records[PAGE_SIZE];   /* NULL for a row not loaded */
} Page;

struct _AtlasRecordList
{
  GObject      parent_instance;

  AtlasStore  *store;
  GType        type;
  GArray      *ids;      /* gint64 */
  Page       **pages;    /* one for each PAGE_SIZE rows, NULL while none of its rows is loaded */
  GQueue       loaded;   /* the pages not NULL, the one used last first */
  guint        reordered; /* while sorted anew, how many old rows precede the new, or 0 */
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

static void
page_free (Page *page)
{
  for (guint i = 0; i < PAGE_SIZE; i++)
    g_clear_object (&page->records[i]);
  g_free (page);
}

/* Drops every loaded row, and the table of pages with them. */
static void
clear_pages (AtlasRecordList *self)
{
  Page *page;

  while ((page = g_queue_pop_head (&self->loaded)) != NULL)
    page_free (page);
  g_clear_pointer (&self->pages, g_free);
}

/* The page of @number, made the one used last; made if it is not there, and the page used
 * longest ago dropped when too many are. */
static Page *
use_page (AtlasRecordList *self,
          guint            number)
{
  Page *page = self->pages[number];

  if (page != NULL)
    {
      if (self->loaded.head->data != page)
        {
          g_queue_remove (&self->loaded, page);
          g_queue_push_head (&self->loaded, page);
        }
      return page;
    }

  page = g_new0 (Page, 1);
  page->number = number;
  self->pages[number] = page;
  g_queue_push_head (&self->loaded, page);
  if (self->loaded.length > MAX_PAGES)
    {
      Page *oldest = g_queue_pop_tail (&self->loaded);

      self->pages[oldest->number] = NULL;
      page_free (oldest);
    }
  return page;
}

/* Where the record of @position is kept, or NULL while its page is not loaded. */
static AtlasRecord **
record_slot (AtlasRecordList *self,
             guint            position)
{
  Page *page = self->pages[position / PAGE_SIZE];

  return page != NULL ? &page->records[position % PAGE_SIZE] : NULL;
}

/* Sets the rows to @n ids (copied) and an empty table of pages. */
static void
reset_rows (AtlasRecordList *self,
            const gint64    *ids,
            guint            n)
{
  clear_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  if (n > 0)
    g_array_append_vals (self->ids, ids, n);
  self->pages = g_new0 (Page *, MAX ((n + PAGE_SIZE - 1) / PAGE_SIZE, 1));
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
 * whose record is absent stays unloaded.
 *
 * Returns: the page, or %NULL on failure */
static Page *
load_page (AtlasRecordList  *self,
           guint             position,
           GError          **error)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);
  g_autoptr(GArray) wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
  g_autoptr(GPtrArray) loaded = NULL;
  Page *page = use_page (self, position / PAGE_SIZE);

  for (guint i = start; i < end; i++)
    if (page->records[i - start] == NULL)
      g_array_append_val (wanted, g_array_index (self->ids, gint64, i));

  loaded = atlas_record_load_many (self->type, self->store, (const gint64 *) wanted->data,
                                   wanted->len, error);
  if (loaded == NULL)
    return NULL;

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (page->records[i - start] != NULL)
        continue;
      for (guint j = 0; j < loaded->len; j++)
        if (atlas_record_get_id (g_ptr_array_index (loaded, j)) == id)
          {
            page->records[i - start] = g_object_ref (g_ptr_array_index (loaded, j));
            break;
          }
    }
  return page;
}

static gpointer
atlas_record_list_get_item (GListModel *model,
                            guint       position)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRecord) absent = NULL;
  AtlasRecord **slot;
  Page *page;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  slot = record_slot (self, position);
  if (slot != NULL && *slot != NULL)
    {
      use_page (self, position / PAGE_SIZE);
      return g_object_ref (*slot);
    }

  page = load_page (self, position, &error);
  if (page != NULL)
    {
      slot = &page->records[position % PAGE_SIZE];
      if (*slot == NULL)
        {
          /* The page was read but this row was not in it: the single load says why. */
          absent = atlas_record_load (self->type, self->store,
                                      g_array_index (self->ids, gint64, position), &error);
          if (absent != NULL)
            *slot = g_steal_pointer (&absent);
        }
      if (*slot != NULL)
        return g_object_ref (*slot);
    }

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
  reset_rows (self, NULL, 0);

  G_OBJECT_CLASS (atlas_record_list_parent_class)->dispose (object);
}

static void
atlas_record_list_finalize (GObject *object)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (object);

  clear_pages (self);
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
  reset_rows (self, NULL, 0);
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

/* The same rows in a new order, this few, are told as one change: GTK 4.8 then reads every
 * row (a few pages) to find the widgets of the rows that stay, and moves them rather than
 * building them again, so that sorting a short list costs a millisecond rather than
 * building a screenful of rows. */
#define SHORT_LIST (4 * PAGE_SIZE)

/* Where an id may be among those kept: a filter of bits before the hash table, which a
 * new list of a million ids otherwise asks a million times. */
#define KEPT_BITS 65536

static inline guint
kept_bit (gint64 id)
{
  return (guint) (((guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 48);
}

/* The records loaded, by id, to put back where their ids are in new rows. */
typedef struct
{
  GHashTable *records;   /* gint64 * -> AtlasRecord, a reference of its own */
  guint8     *maybe;     /* KEPT_BITS bits */
} Kept;

static void
kept_init (Kept            *kept,
           AtlasRecordList *self)
{
  kept->records = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  kept->maybe = g_new0 (guint8, KEPT_BITS / 8);
  for (GList *l = self->loaded.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; i < PAGE_SIZE; i++)
        if (page->records[i] != NULL)
          {
            gint64 id = g_array_index (self->ids, gint64, page->number * PAGE_SIZE + i);

            g_hash_table_insert (kept->records, g_memdup2 (&id, sizeof id),
                                 g_object_ref (page->records[i]));
            kept->maybe[kept_bit (id) / 8] |= 1 << (kept_bit (id) % 8);
          }
    }
}

/* Puts the kept records in the rows from @first on that show their ids. */
static void
kept_place (Kept            *kept,
            AtlasRecordList *self,
            guint            first)
{
  guint placed = 0;

  for (guint i = first; i < self->ids->len && placed < g_hash_table_size (kept->records); i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      AtlasRecord *record;

      if (!(kept->maybe[kept_bit (id) / 8] & (1 << (kept_bit (id) % 8))))
        continue;
      record = g_hash_table_lookup (kept->records, &id);
      if (record != NULL)
        {
          g_set_object (&use_page (self, i / PAGE_SIZE)->records[i % PAGE_SIZE], record);
          placed++;
        }
    }
}

static void
kept_clear (Kept *kept)
{
  g_clear_pointer (&kept->records, g_hash_table_unref);
  g_clear_pointer (&kept->maybe, g_free);
}

/* Replaces the rows with @ids, keeping the records loaded for ids that stay. @moved: the
 * rows are the same, in a new order, so views may keep their widgets. */
static void
replace_ids (AtlasRecordList *self,
             GArray          *ids,
             gboolean         moved)
{
  guint removed = self->ids->len, added = ids != NULL ? ids->len : 0;
  Kept kept;

  kept_init (&kept, self);

  /* Unless the same few rows are sorted anew, told as two changes, the list empty in
   * between: in one, GTK 4.8's list views look for the widgets of the removed rows among all
   * the added ones, reading every row; and new rows get new widgets, as what they show may
   * depend on more than their record (the filter's words in bold). */
  if (!moved || added > SHORT_LIST)
    {
      reset_rows (self, NULL, 0);
      if (removed > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      removed = 0;
    }

  reset_rows (self, ids != NULL ? (const gint64 *) ids->data : NULL, added);
  kept_place (&kept, self, 0);
  kept_clear (&kept);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/* Replaces the rows with @ids (copied), in their order. Records already loaded for ids
 * that stay are kept, so that a filter that keeps rows does not read them again. */
void
atlas_record_list_set_ids (AtlasRecordList *self,
                           GArray          *ids)
{
  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));

  replace_ids (self, ids, FALSE);
}

/**
 * atlas_record_list_reorder:
 * @ids: (element-type gint64): the ids of the list, in a new order
 *
 * As atlas_record_list_set_ids() for the same rows sorted anew: the views keep the widgets
 * of a short list's rows and move them. A view of a long list can keep them too, with
 * atlas_record_list_begin_reorder().
 */
void
atlas_record_list_reorder (AtlasRecordList *self,
                           GArray          *ids)
{
  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));

  replace_ids (self, ids, TRUE);
}

/* Whether @a and @b hold the same ids, in any order. */
static gboolean
same_ids (GArray *a,
          GArray *b)
{
  g_autoptr(GArray) sorted_a = NULL;
  g_autoptr(GArray) sorted_b = NULL;

  if (a->len != b->len)
    return FALSE;
  sorted_a = g_array_copy (a);
  sorted_b = g_array_copy (b);
  g_array_sort (sorted_a, atlas_id_compare);
  g_array_sort (sorted_b, atlas_id_compare);
  return memcmp (sorted_a->data, sorted_b->data, a->len * sizeof (gint64)) == 0;
}

/* Adds the rows of @ids after the old ones, with the records of the old rows placed on
 * them when @keep. */
static gboolean
begin_moving (AtlasRecordList *self,
              GArray          *ids,
              gboolean         keep)
{
  guint before, total;
  Kept kept;

  before = self->ids->len;
  if (before == 0 || (ids->len <= SHORT_LIST && same_ids (self->ids, ids)))
    {
      replace_ids (self, ids, keep);
      return FALSE;
    }

  total = before + ids->len;
  if (keep)
    kept_init (&kept, self);
  g_array_append_vals (self->ids, ids->data, ids->len);
  self->pages = g_renew (Page *, self->pages, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  for (guint i = (before + PAGE_SIZE - 1) / PAGE_SIZE; i < (total + PAGE_SIZE - 1) / PAGE_SIZE; i++)
    self->pages[i] = NULL;
  if (keep)
    {
      kept_place (&kept, self, before);
      kept_clear (&kept);
    }
  self->reordered = before;

  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, ids->len);
  return TRUE;
}

/**
 * atlas_record_list_begin_reorder:
 * @ids: (element-type gint64): the ids of the list, in a new order
 *
 * Sorts a long list anew so that a view can move its widgets onto the new rows rather than
 * build new ones. GTK 4.8 builds the widgets of a row again whenever it is told that the
 * row changed, but moves those of rows it no longer shows onto rows it comes to show: so
 * the new rows are added after the old ones, the view is scrolled to the first of them
 * (which moves its widgets), and atlas_record_list_end_reorder() then removes the old rows.
 * The same few rows in a new order are sorted at once, as by atlas_record_list_reorder();
 * a few other rows are moved as many, since GTK finds a row's widget again only by its
 * record.
 *
 * Returns: %TRUE when the new rows follow the old ones until
 *   atlas_record_list_end_reorder(), %FALSE when the list is sorted already
 */
gboolean
atlas_record_list_begin_reorder (AtlasRecordList *self,
                                 GArray          *ids)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (self->reordered == 0, FALSE);

  return begin_moving (self, ids, TRUE);
}

/**
 * atlas_record_list_begin_replace:
 * @ids: (element-type gint64): the ids of the new rows
 *
 * As atlas_record_list_begin_reorder(), but every new row gets a record of its own, read
 * again from the store, rather than the one an old row showing the same id had: a view then
 * binds each widget it moves again, for rows whose look depends on more than their record
 * (the filter's words in bold). A few rows are replaced at once, widgets and all.
 *
 * Returns: %TRUE when the new rows follow the old ones until
 *   atlas_record_list_end_reorder(), %FALSE when the list is replaced already
 */
gboolean
atlas_record_list_begin_replace (AtlasRecordList *self,
                                 GArray          *ids)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (self->reordered == 0, FALSE);

  return begin_moving (self, ids, FALSE);
}

/**
 * atlas_record_list_end_reorder:
 *
 * Removes the old rows that atlas_record_list_begin_reorder() left before the new ones,
 * keeping the records loaded for the new rows.
 */
void
atlas_record_list_end_reorder (AtlasRecordList *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint old = self->reordered;

  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));
  g_return_if_fail (old > 0);

  for (GList *l = self->loaded.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; i < PAGE_SIZE; i++)
        if (page->records[i] != NULL && page->number * PAGE_SIZE + i >= old)
          {
            guint position = page->number * PAGE_SIZE + i - old;

            g_ptr_array_add (records, g_object_ref (page->records[i]));
            g_array_append_val (positions, position);
          }
    }

  /* In place: a copy of a million ids would be 8 MB more for a moment. */
  clear_pages (self);
  g_array_remove_range (self->ids, 0, old);
  self->pages = g_new0 (Page *, MAX ((self->ids->len + PAGE_SIZE - 1) / PAGE_SIZE, 1));
  for (guint i = 0; i < records->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      g_set_object (&use_page (self, position / PAGE_SIZE)->records[position % PAGE_SIZE],
                    g_ptr_array_index (records, i));
    }
  self->reordered = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
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

      AtlasRecord **slot;

      if (!g_hash_table_contains (changed, &g_array_index (self->ids, gint64, i)))
        continue;
      slot = record_slot (self, i);
      if (slot != NULL)
        g_clear_object (slot);
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
