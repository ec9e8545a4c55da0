/* test-tile-cache.c: the feature layer's tiles kept within their bytes, least recently
 * used first out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-tile-cache.h"

#define TILE_BYTES (2 * 256 * 256 * 4)   /* a 256 px tile and its copy for drawing */

static GHashTable *freed;   /* keys of the tiles let go of */

/* A tile is its key, boxed, so that freeing it says which went. */
static gpointer
make_tile (gint64 key)
{
  return g_memdup2 (&key, sizeof key);
}

static void
free_tile (gpointer tile)
{
  g_hash_table_add (freed, tile);
}

static gboolean
was_freed (gint64 key)
{
  return g_hash_table_contains (freed, &key);
}

static void
test_tile_cache_bytes (void)
{
  g_autoptr(AtlasTileCache) cache = atlas_tile_cache_new (64 * 1024 * 1024, free_tile);
  gsize most = 0;

  freed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* 600 tiles, as the layer kept before, would be 300 MiB: the cache keeps 64 MiB. */
  for (gint64 key = 0; key < 600; key++)
    {
      atlas_tile_cache_insert (cache, key, make_tile (key), TILE_BYTES);
      most = MAX (most, atlas_tile_cache_get_bytes (cache));
    }
  g_assert_cmpuint (most, <=, 64 * 1024 * 1024);
  g_assert_cmpuint (atlas_tile_cache_get_n_tiles (cache), ==, 128);
  g_assert_cmpuint (atlas_tile_cache_get_bytes (cache), ==, 128 * TILE_BYTES);
  g_assert_cmpuint (g_hash_table_size (freed), ==, 600 - 128);

  /* The oldest went first: the last 128 stay. */
  g_assert_true (was_freed (0));
  g_assert_true (was_freed (471));
  g_assert_false (was_freed (472));
  g_assert_false (atlas_tile_cache_lookup (cache, 0, NULL));
  for (gint64 key = 472; key < 600; key++)
    {
      gpointer tile = NULL;

      g_assert_true (atlas_tile_cache_lookup (cache, key, &tile));
      g_assert_cmpint (*(gint64 *) tile, ==, key);
    }

  atlas_tile_cache_clear (cache);
  g_assert_cmpuint (atlas_tile_cache_get_bytes (cache), ==, 0);
  g_assert_cmpuint (atlas_tile_cache_get_n_tiles (cache), ==, 0);
  g_assert_cmpuint (g_hash_table_size (freed), ==, 600);
  g_clear_pointer (&freed, g_hash_table_unref);
}

/* A tile looked up is the most recently used, and stays while others go. */
static void
test_tile_cache_least_recently_used (void)
{
  g_autoptr(AtlasTileCache) cache = atlas_tile_cache_new (3 * TILE_BYTES, free_tile);

  freed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (gint64 key = 1; key <= 3; key++)
    atlas_tile_cache_insert (cache, key, make_tile (key), TILE_BYTES);

  g_assert_true (atlas_tile_cache_lookup (cache, 1, NULL));
  atlas_tile_cache_insert (cache, 4, make_tile (4), TILE_BYTES);
  g_assert_true (was_freed (2));
  g_assert_false (was_freed (1));
  g_assert_true (atlas_tile_cache_lookup (cache, 1, NULL));
  g_assert_false (atlas_tile_cache_lookup (cache, 2, NULL));

  /* Replacing a tile frees the old one and counts the new one's bytes. */
  atlas_tile_cache_insert (cache, 3, make_tile (3), TILE_BYTES / 2);
  g_assert_true (was_freed (3));
  g_assert_cmpuint (atlas_tile_cache_get_bytes (cache), ==, 2 * TILE_BYTES + TILE_BYTES / 2);

  /* A tile alone larger than the bound is kept, and pushes out all the others. */
  atlas_tile_cache_insert (cache, 5, make_tile (5), 10 * TILE_BYTES);
  g_assert_cmpuint (atlas_tile_cache_get_n_tiles (cache), ==, 1);
  g_assert_true (atlas_tile_cache_lookup (cache, 5, NULL));

  g_clear_object (&cache);
  g_assert_true (was_freed (5));
  g_clear_pointer (&freed, g_hash_table_unref);
}

/* "Nothing to draw here" is remembered, and costs its entry. */
static void
test_tile_cache_empty_tiles (void)
{
  g_autoptr(AtlasTileCache) cache = atlas_tile_cache_new (100 * ATLAS_TILE_CACHE_ENTRY_BYTES,
                                                          g_free);
  gpointer tile = GINT_TO_POINTER (1);

  for (gint64 key = 0; key < 1000; key++)
    atlas_tile_cache_insert (cache, key, NULL, 0);
  g_assert_cmpuint (atlas_tile_cache_get_n_tiles (cache), ==, 100);
  g_assert_cmpuint (atlas_tile_cache_get_bytes (cache), ==, 100 * ATLAS_TILE_CACHE_ENTRY_BYTES);
  g_assert_true (atlas_tile_cache_lookup (cache, 999, &tile));
  g_assert_null (tile);
  g_assert_false (atlas_tile_cache_lookup (cache, 0, &tile));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tile-cache/bytes", test_tile_cache_bytes);
  g_test_add_func ("/tile-cache/least-recently-used", test_tile_cache_least_recently_used);
  g_test_add_func ("/tile-cache/empty-tiles", test_tile_cache_empty_tiles);

  return g_test_run ();
}
