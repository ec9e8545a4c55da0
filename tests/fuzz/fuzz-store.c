/* fuzz-store.c: the store opener on mutated stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written as a store file and opened as --db opens it. A store is refused with
 * a message or opened, never crashes the program, and a refused file is left exactly as it
 * was. An opened one is read the way the window starts to read it, and listed as --list does.
 */

#include "config.h"

#include "atlas-listing.h"
#include "atlas-passages.h"
#include "atlas-query.h"
#include "atlas-saved-views.h"
#include "../atlas-test-util.h"
#include "fuzz-util.h"

static void
read_store (AtlasStore *store)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) excerpts = NULL;
  g_auto(GStrv) views = NULL;
  g_autoptr(GError) error = NULL;

  events = atlas_query_events (store, filter, &error);
  g_assert_true (events != NULL || error != NULL);
  g_clear_error (&error);
  excerpts = atlas_query_excerpts (store, filter, &error);
  g_assert_true (excerpts != NULL || error != NULL);
  g_clear_error (&error);
  views = atlas_saved_views_list (store, &error);
  g_assert_true (views != NULL || error != NULL);
  g_clear_error (&error);

  for (AtlasListing listing = ATLAS_LISTING_ACTORS; listing < ATLAS_N_LISTINGS; listing++)
    {
      g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();

      if (!atlas_listing_write (store, listing, filter, "2021-06-01", csv, &error))
        g_assert_nonnull (error);
      g_clear_error (&error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_size = 0;

  dir = atlas_test_make_dir ();
  path = g_build_filename (dir, "fuzz.db", NULL);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  if (store != NULL)
    read_store (store);
  else
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      if (after_size != size || (size > 0 && memcmp (after, data, size) != 0))
        g_error ("A refused store was modified (%s)", error->message);
    }

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
  return 0;
}
