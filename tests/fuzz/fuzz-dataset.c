/* fuzz-dataset.c: the dataset reader on any key files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a folder of dataset files, one after the other with a form feed between
 * them, so that records can refer to records of another file as the real dataset's do.
 * Each input is loaded into a new empty store: it is taken or refused with a message.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"
#include "../atlas-test-util.h"
#include "fuzz-util.h"

#define MAX_FILES 8

static AtlasStore *store;
static AtlasStore *empty;  /* the same, as new: with the schema only */

static void
open_stores (void)
{
  g_autoptr(GError) error = NULL;

  store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  empty = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

/* Empties the store after a dataset was loaded. Making the schema anew for each input costs
 * far more than copying it: a failed load rolls back by itself. */
static void
reset_store (void)
{
  sqlite3_backup *backup = sqlite3_backup_init (atlas_store_get_db (store), "main",
                                                atlas_store_get_db (empty), "main");

  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
}

/* Splits the input at form feeds, the last file taking the rest. Returns the number of files. */
static guint
split_files (const uint8_t *data,
             size_t         size,
             GBytes        *files[MAX_FILES])
{
  const uint8_t *end = data + size;
  guint n = 0;

  while (n < MAX_FILES)
    {
      const uint8_t *next = n + 1 < MAX_FILES ? memchr (data, '\f', end - data) : NULL;

      files[n++] = g_bytes_new (data, (next ? next : end) - data);
      if (next == NULL)
        break;
      data = next + 1;
    }

  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autoptr(GError) error = NULL;
  GBytes *files[MAX_FILES];
  guint n_files;

  n_files = split_files (data, size, files);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-fuzz.ini", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize length;
      const char *contents = g_bytes_get_data (files[i], &length);

      g_file_set_contents (path, contents ? contents : "", length, &error);
      g_assert_no_error (error);
      g_bytes_unref (files[i]);
    }

  if (store == NULL)
    open_stores ();
  if (atlas_dataset_load_directory (store, dir, &error))
    reset_store ();
  else
    g_assert_nonnull (error);

  atlas_test_remove_dir (dir);
  return 0;
}
