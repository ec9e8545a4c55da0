/* atlas-memory-file.c: files with no path, kept in memory, for tests of non-local writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GFile as GVfs gives one for an sftp: or smb: folder, as far as exports use it: it has a
 * name, a parent and children but no path, and g_file_replace() on it keeps the old
 * contents until a close that is not cancelled. "memory:///NAME" files share one folder.
 * Writes fail, as on a full disk, once the space set is used up.
 */

#include "config.h"

#include "atlas-memory-file.h"

struct _AtlasMemoryFile
{
  GObject  parent_instance;
  char    *name;
};

static void atlas_memory_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasMemoryFile, atlas_memory_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, atlas_memory_file_iface_init))

/* The committed contents of each file by name, and the space left for writing. */
static GHashTable *folder;
static gsize space = G_MAXSIZE;

#define ATLAS_TYPE_MEMORY_OUTPUT (atlas_memory_output_get_type ())
G_DECLARE_FINAL_TYPE (AtlasMemoryOutput, atlas_memory_output, ATLAS, MEMORY_OUTPUT, GFileOutputStream)

struct _AtlasMemoryOutput
{
  GFileOutputStream  parent_instance;
  char              *name;
  GByteArray        *written;
};

G_DEFINE_FINAL_TYPE (AtlasMemoryOutput, atlas_memory_output, G_TYPE_FILE_OUTPUT_STREAM)

static gssize
atlas_memory_output_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  AtlasMemoryOutput *self = ATLAS_MEMORY_OUTPUT (stream);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (count > space)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left in memory");
      return -1;
    }
  space -= count;
  g_byte_array_append (self->written, buffer, count);
  return count;
}

/* Only a close that is not cancelled replaces the file. */
static gboolean
atlas_memory_output_close (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  AtlasMemoryOutput *self = ATLAS_MEMORY_OUTPUT (stream);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_hash_table_insert (folder, g_strdup (self->name),
                       g_byte_array_free_to_bytes (g_steal_pointer (&self->written)));
  return TRUE;
}

static void
atlas_memory_output_finalize (GObject *object)
{
  AtlasMemoryOutput *self = ATLAS_MEMORY_OUTPUT (object);

  g_clear_pointer (&self->written, g_byte_array_unref);
  g_free (self->name);
  G_OBJECT_CLASS (atlas_memory_output_parent_class)->finalize (object);
}

static void
atlas_memory_output_class_init (AtlasMemoryOutputClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_memory_output_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = atlas_memory_output_write;
  G_OUTPUT_STREAM_CLASS (klass)->close_fn = atlas_memory_output_close;
}

static void
atlas_memory_output_init (AtlasMemoryOutput *self)
{
  self->written = g_byte_array_new ();
}

/**
 * atlas_memory_file_new:
 * @name: the file's name in the one folder, or "" for the folder
 */
GFile *
atlas_memory_file_new (const char *name)
{
  AtlasMemoryFile *self = g_object_new (ATLAS_TYPE_MEMORY_FILE, NULL);

  self->name = g_strdup (name);
  if (folder == NULL)
    folder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  return G_FILE (self);
}

/* What @file holds, or NULL when it was never written whole. */
GBytes *
atlas_memory_file_contents (GFile *file)
{
  GBytes *contents = g_hash_table_lookup (folder, ATLAS_MEMORY_FILE (file)->name);

  return contents != NULL ? g_bytes_ref (contents) : NULL;
}

/* How many bytes may still be written, in all files: G_MAXSIZE for no limit. */
void
atlas_memory_file_set_space (gsize bytes)
{
  space = bytes;
}

static GFile *
atlas_memory_file_dup (GFile *file)
{
  return atlas_memory_file_new (ATLAS_MEMORY_FILE (file)->name);
}

static guint
atlas_memory_file_hash (GFile *file)
{
  return g_str_hash (ATLAS_MEMORY_FILE (file)->name);
}

static gboolean
atlas_memory_file_equal (GFile *file,
                         GFile *other)
{
  return g_str_equal (ATLAS_MEMORY_FILE (file)->name, ATLAS_MEMORY_FILE (other)->name);
}

static gboolean
atlas_memory_file_is_native (GFile *file)
{
  return FALSE;
}

static gboolean
atlas_memory_file_has_uri_scheme (GFile      *file,
                                  const char *scheme)
{
  return g_ascii_strcasecmp (scheme, "memory") == 0;
}

static char *
atlas_memory_file_get_uri_scheme (GFile *file)
{
  return g_strdup ("memory");
}

static char *
atlas_memory_file_get_basename (GFile *file)
{
  return g_strdup (ATLAS_MEMORY_FILE (file)->name[0] != '\0' ? ATLAS_MEMORY_FILE (file)->name : "/");
}

static char *
atlas_memory_file_get_path (GFile *file)
{
  return NULL;
}

static char *
atlas_memory_file_get_uri (GFile *file)
{
  return g_strconcat ("memory:///", ATLAS_MEMORY_FILE (file)->name, NULL);
}

static GFile *
atlas_memory_file_get_parent (GFile *file)
{
  return ATLAS_MEMORY_FILE (file)->name[0] != '\0' ? atlas_memory_file_new ("") : NULL;
}

static GFile *
atlas_memory_file_resolve_relative_path (GFile      *file,
                                         const char *relative_path)
{
  return atlas_memory_file_new (relative_path);
}

static GFileOutputStream *
atlas_memory_file_replace (GFile             *file,
                           const char        *etag,
                           gboolean           make_backup,
                           GFileCreateFlags   flags,
                           GCancellable      *cancellable,
                           GError           **error)
{
  AtlasMemoryOutput *stream;

  if (ATLAS_MEMORY_FILE (file)->name[0] == '\0' || strchr (ATLAS_MEMORY_FILE (file)->name, '/'))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such file in memory");
      return NULL;
    }
  stream = g_object_new (ATLAS_TYPE_MEMORY_OUTPUT, NULL);
  stream->name = g_strdup (ATLAS_MEMORY_FILE (file)->name);
  return G_FILE_OUTPUT_STREAM (stream);
}

static void
atlas_memory_file_iface_init (GFileIface *iface)
{
  iface->dup = atlas_memory_file_dup;
  iface->hash = atlas_memory_file_hash;
  iface->equal = atlas_memory_file_equal;
  iface->is_native = atlas_memory_file_is_native;
  iface->has_uri_scheme = atlas_memory_file_has_uri_scheme;
  iface->get_uri_scheme = atlas_memory_file_get_uri_scheme;
  iface->get_basename = atlas_memory_file_get_basename;
  iface->get_path = atlas_memory_file_get_path;
  iface->get_uri = atlas_memory_file_get_uri;
  iface->get_parse_name = atlas_memory_file_get_uri;
  iface->get_parent = atlas_memory_file_get_parent;
  iface->resolve_relative_path = atlas_memory_file_resolve_relative_path;
  iface->replace = atlas_memory_file_replace;
}

static void
atlas_memory_file_finalize (GObject *object)
{
  g_free (ATLAS_MEMORY_FILE (object)->name);
  G_OBJECT_CLASS (atlas_memory_file_parent_class)->finalize (object);
}

static void
atlas_memory_file_class_init (AtlasMemoryFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_memory_file_finalize;
}

static void
atlas_memory_file_init (AtlasMemoryFile *self)
{
}
