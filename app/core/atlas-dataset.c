/* atlas-dataset.c: fills a store from the dataset's key files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in data/dataset/README.md. Records refer to each other by key
 * across files, so loading runs in phases (actors before the events that name them, and so
 * on) over all files at once. Every error names the file, the record and the field.
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "atlas-dataset.h"
#include "atlas-dataset-loader.h"

#define DATASET_RESOURCE "/io/github/caucasusatlas/CaucasusAtlas/dataset"

static GPtrArray *
new_files (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_loader_file_free);
}

static gboolean
run_phase (Loader      *loader,
           RecordKind   kind,
           LoadFunc    *load,
           GError     **error)
{
  for (guint i = 0; i < loader->files->len; i++)
    {
      DatasetFile *file = g_ptr_array_index (loader->files, i);
      g_auto(GStrv) groups = g_key_file_get_groups (file->keys, NULL);

      loader->file = file->name;
      for (guint j = 0; groups[j] != NULL; j++)
        {
          const char *key = NULL;

          loader->group = groups[j];
          if (atlas_loader_group_kind (groups[j], &key) != (int) kind)
            continue;
          if (!load (loader, file->keys, key, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Every group must be of a known kind before anything is written. */
static gboolean
check_groups (Loader  *loader,
              GError **error)
{
  for (guint i = 0; i < loader->files->len; i++)
    {
      DatasetFile *file = g_ptr_array_index (loader->files, i);
      g_auto(GStrv) groups = g_key_file_get_groups (file->keys, NULL);

      loader->file = file->name;
      for (guint j = 0; groups[j] != NULL; j++)
        {
          const char *key = NULL;

          loader->group = groups[j];
          if (atlas_loader_group_kind (groups[j], &key) < 0)
            return atlas_loader_fail (loader, error, _("unknown kind of record"));
          if (*key == '\0')
            return atlas_loader_fail (loader, error, _("the record has no key"));
        }
    }

  return TRUE;
}

static gboolean
load_files (AtlasStore  *store,
            GPtrArray   *files,
            GError     **error)
{
  static const struct {
    RecordKind kind;
    LoadFunc  *load;
  } phases[] = {
    { KIND_ACTOR, atlas_loader_load_actor },
    { KIND_ACTOR, atlas_loader_load_actor_affiliation },
    { KIND_PLACE, atlas_loader_load_place },
    { KIND_CORRIDOR, atlas_loader_load_corridor },
    { KIND_ZONE, atlas_loader_load_zone },
    { KIND_SOURCE, atlas_loader_load_source },
    { KIND_EXCERPT, atlas_loader_load_excerpt },
    { KIND_EVENT, atlas_loader_load_event },
    { KIND_RELATION, atlas_loader_load_relation },
    { KIND_STATUS, atlas_loader_load_status },
    { KIND_ACCOUNT, atlas_loader_load_account },
    { KIND_EXCERPT, atlas_loader_load_excerpt_backlinks },
  };
  Loader loader = { .store = store, .files = g_ptr_array_ref (files), .file = "", .group = "" };
  gboolean ok = TRUE;

  for (guint i = 0; i < N_KINDS; i++)
    loader.ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = check_groups (&loader, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (phases); i++)
    ok = run_phase (&loader, phases[i].kind, phases[i].load, error);

  atlas_loader_clear (&loader);
  return ok;
}

/* GKeyFile quietly merges a group written twice; in a dataset that is a mistake. */
static gboolean
check_unique_groups (const char  *name,
                     GBytes      *bytes,
                     GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* An empty file has no data at all. */
  g_autofree char *text = g_strndup (data ? data : "", size);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '[' && !g_hash_table_add (seen, line))
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET,
                       _("Dataset %s, line %u: the record %s appears twice"), name, i + 1, line);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_file (GPtrArray   *files,
          const char  *name,
          GBytes      *bytes,
          GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  DatasetFile *file;

  if (!check_unique_groups (name, bytes, error))
    return FALSE;

  /* Without KEEP_TRANSLATIONS, GKeyFile drops name[LANG] for every language but the user's. */
  if (!g_key_file_load_from_data (keys, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET,
                   _("Dataset %s: %s"), name, local_error->message);
      return FALSE;
    }

  file = g_new0 (DatasetFile, 1);
  file->name = g_strdup (name);
  file->keys = g_steal_pointer (&keys);
  g_ptr_array_add (files, file);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * atlas_dataset_load_bundled:
 *
 * Loads the dataset compiled into the program. Call it inside a transaction: on failure
 * the caller rolls back.
 */
gboolean
atlas_dataset_load_bundled (AtlasStore  *store,
                            GError     **error)
{
  g_autoptr(GPtrArray) files = new_files ();
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  names = g_resources_enumerate_children (DATASET_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", DATASET_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".ini"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL || !add_file (files, names[i], bytes, error))
        return FALSE;
    }

  return load_files (store, files, error);
}

static gboolean
fill_new_store (AtlasStore  *store,
                gpointer     user_data,
                GError     **error)
{
  return atlas_dataset_load_bundled (store, error);
}

/**
 * atlas_dataset_open_store:
 * @path: the file, or ":memory:"
 * @flags: #AtlasStoreFlags
 *
 * Opens the store at @path as atlas_store_open() does, and fills a store it creates with
 * the bundled dataset in the transaction that creates it, so that no program ever finds a
 * store half filled: a fill that fails leaves the file as empty as it was.
 */
AtlasStore *
atlas_dataset_open_store (const char       *path,
                          AtlasStoreFlags   flags,
                          GError          **error)
{
  return atlas_store_open_full (path, flags, fill_new_store, NULL, error);
}

/**
 * atlas_dataset_load_directory:
 * @store: an open store
 * @directory: a folder of dataset key files (*.ini)
 *
 * Loads every dataset file in @directory, in name order, in one transaction.
 */
gboolean
atlas_dataset_load_directory (AtlasStore  *store,
                              const char  *directory,
                              GError     **error)
{
  g_autoptr(GPtrArray) files = new_files ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  dir = g_dir_open (directory, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (directory, file_name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

      if (mapped == NULL)
        return FALSE;
      bytes = g_mapped_file_get_bytes (mapped);
      if (!add_file (files, file_name, bytes, error))
        return FALSE;
    }

  if (!atlas_store_begin (store, error))
    return FALSE;
  if (!load_files (store, files, error))
    {
      atlas_store_rollback (store);
      return FALSE;
    }
  return atlas_store_commit (store, error);
}
