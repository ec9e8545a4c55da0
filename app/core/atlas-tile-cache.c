/* atlas-tile-cache.c: painted tiles kept within a number of bytes, the least recently used
 * going first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's feature layer paints its shapes into 256 px tiles and keeps them, so that
 * panning back costs nothing. Counted in tiles, the cache grew to 600 of them, about
 * 150 MiB of pictures and as much again in their copies on the graphics side; counted in
 * bytes, as its owner says each tile costs, it stays within its bound whatever the tiles'
 * scale. A tile may be nothing (NULL: nothing to draw there), which is remembered too and
 * counted as its entry, ATLAS_TILE_CACHE_ENTRY_BYTES.
 */

#define G_LOG_DOMAIN "atlas-tile-cache"

#include "config.h"

#include "atlas-tile-cache.h"

typedef struct
{
  gint64   key;
  gpointer tile;
  gsize    bytes;
} Entry;

struct _AtlasTileCache
{
  GObject         parent_instance;

  GHashTable     *entries;   /* &Entry.key -> GList link in recent, whose data is the Entry */
  GQueue          recent;    /* of Entry, the most recently used first */
  gsize           bytes;
  gsize           max_bytes;
  GDestroyNotify  free_tile;
};

G_DEFINE_FINAL_TYPE (AtlasTileCache, atlas_tile_cache, G_TYPE_OBJECT)

static void
free_entry (AtlasTileCache *self,
            Entry          *entry)
{
  if (entry->tile != NULL && self->free_tile != NULL)
    self->free_tile (entry->tile);
  g_free (entry);
}

static void
remove_link (AtlasTileCache *self,
             GList          *link)
{
  Entry *entry = link->data;

  g_hash_table_remove (self->entries, &entry->key);
  g_queue_delete_link (&self->recent, link);
  self->bytes -= entry->bytes;
  free_entry (self, entry);
}

static void
atlas_tile_cache_finalize (GObject *object)
{
  AtlasTileCache *self = ATLAS_TILE_CACHE (object);

  atlas_tile_cache_clear (self);
  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (atlas_tile_cache_parent_class)->finalize (object);
}

static void
atlas_tile_cache_class_init (AtlasTileCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_tile_cache_finalize;
}

static void
atlas_tile_cache_init (AtlasTileCache *self)
{
  self->entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->recent);
}

/**
 * atlas_tile_cache_new:
 * @max_bytes: the most the tiles may cost together
 * @free_tile: (nullable): frees a tile the cache lets go of
 */
AtlasTileCache *
atlas_tile_cache_new (gsize          max_bytes,
                      GDestroyNotify free_tile)
{
  AtlasTileCache *self = g_object_new (ATLAS_TYPE_TILE_CACHE, NULL);

  self->max_bytes = max_bytes;
  self->free_tile = free_tile;
  return self;
}

/**
 * atlas_tile_cache_lookup:
 * @tile: (out) (transfer none) (nullable): the tile, which may be %NULL for "nothing here"
 *
 * Returns: whether the cache holds a tile under @key; if so, it becomes the most recently
 *   used
 */
gboolean
atlas_tile_cache_lookup (AtlasTileCache *self,
                         gint64          key,
                         gpointer       *tile)
{
  GList *link;

  g_return_val_if_fail (ATLAS_IS_TILE_CACHE (self), FALSE);

  link = g_hash_table_lookup (self->entries, &key);
  if (link == NULL)
    return FALSE;

  g_queue_unlink (&self->recent, link);
  g_queue_push_head_link (&self->recent, link);
  if (tile != NULL)
    *tile = ((Entry *) link->data)->tile;
  return TRUE;
}

/**
 * atlas_tile_cache_insert:
 * @tile: (transfer full) (nullable): the tile, or %NULL for "nothing here"
 * @bytes: what the tile costs: its pixels and any copy of them made to draw it
 *
 * Keeps @tile under @key, as the most recently used, replacing any tile there, and lets
 * the least recently used go until the cache is within its bound again. The tile just
 * kept stays even when it alone costs more than the bound.
 */
void
atlas_tile_cache_insert (AtlasTileCache *self,
                         gint64          key,
                         gpointer        tile,
                         gsize           bytes)
{
  Entry *entry;
  GList *link;

  g_return_if_fail (ATLAS_IS_TILE_CACHE (self));

  link = g_hash_table_lookup (self->entries, &key);
  if (link != NULL)
    remove_link (self, link);

  entry = g_new (Entry, 1);
  *entry = (Entry) { key, tile, MAX (bytes, ATLAS_TILE_CACHE_ENTRY_BYTES) };
  g_queue_push_head (&self->recent, entry);
  g_hash_table_insert (self->entries, &entry->key, self->recent.head);
  self->bytes += entry->bytes;

  while (self->bytes > self->max_bytes && self->recent.tail != self->recent.head)
    remove_link (self, self->recent.tail);
}

/* Lets every tile go, as when what they show has changed. */
void
atlas_tile_cache_clear (AtlasTileCache *self)
{
  g_return_if_fail (ATLAS_IS_TILE_CACHE (self));

  while (self->recent.head != NULL)
    remove_link (self, self->recent.head);
}

/* What the tiles kept cost together. */
gsize
atlas_tile_cache_get_bytes (AtlasTileCache *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_CACHE (self), 0);

  return self->bytes;
}

gsize
atlas_tile_cache_get_max_bytes (AtlasTileCache *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_CACHE (self), 0);

  return self->max_bytes;
}

guint
atlas_tile_cache_get_n_tiles (AtlasTileCache *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_CACHE (self), 0);

  return g_queue_get_length (&self->recent);
}
