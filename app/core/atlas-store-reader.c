/* atlas-store-reader.c: a second connection to a store, for reading on another thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries over a large store take seconds; run on the main thread they would freeze the
 * window. A reader is a connection of its own to the same file, so another thread can run
 * them while the window keeps using the store. With the store's write-ahead log, a reader
 * and the window's writes do not wait for each other; on a store without it, a write waits
 * until the reader's query is done.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"
#include "atlas-store-schema.h"

/**
 * atlas_store_open_reader:
 * @store: an open store, kept in a file
 * @error: a #GError in the %ATLAS_STORE_ERROR domain
 *
 * Opens another connection to the file of @store that only reads. It must be used by one
 * thread at a time. Its schema is checked again, in case the file was replaced since
 * @store opened it.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set, also for a store that
 *   lives only in memory and so cannot be reached from another connection
 */
AtlasStore *
atlas_store_open_reader (AtlasStore  *store,
                         GError     **error)
{
  g_autoptr(AtlasStore) self = NULL;
  int flags;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (store->path, ":memory:"))
    {
      g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                           _("A store kept only in memory has no second connection"));
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  self->path = g_strdup (store->path);
  self->read_only = TRUE;
  self->file_writable = store->file_writable;
  self->schema_version = store->schema_version;

  /* Opened for writing where the store may be written, and then refused writes, so that
   * whichever connection closes last can take the write-ahead log's files away. No mutex:
   * the one thread that uses it at a time has no need of SQLite's. */
  flags = (store->file_writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
          SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        g_error ("SQLite could not allocate a connection");
      atlas_store_set_error (self, error, _("Opening a second connection"));
      return NULL;
    }
  atlas_store_harden_connection (self);

  if (!atlas_store_exec (self, "PRAGMA query_only = ON", error) ||
      !atlas_store_schema_verify (self, self->schema_version, error))
    return NULL;
  /* It reads whole indexes of large stores for every filter. */
  atlas_store_read_mapped (self);
  return g_steal_pointer (&self);
}

/* As much of a store as is mapped into memory: most stores whole, on 64-bit systems. */
#define MAPPED_BYTES G_GINT64_CONSTANT (1073741824)

/**
 * atlas_store_read_mapped:
 *
 * Reads the store's file through a memory map from now on, for a connection that reads
 * much of a large store (a listing or an export of a million events, the window's finding).
 * SQLite's own cache holds 2 MiB, so such a connection otherwise reads most pages again
 * with a system call and a copy each: listing a million events took 8.0 s that way and
 * 4.2 s mapped. SQLite maps the file read-only and still writes with system calls, and it
 * ignores the request where it cannot map (a store in memory, or a build without it).
 */
void
atlas_store_read_mapped (AtlasStore *self)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT, MAPPED_BYTES);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATLAS_IS_STORE (self));

  /* Only speed is lost when it fails. */
  if (!atlas_store_exec (self, pragma, &error))
    g_debug ("Reading %s without a memory map: %s", self->path, error->message);
}

/**
 * atlas_store_set_cancellable:
 * @cancellable: (nullable): stops the statements run while it is set
 *
 * While @cancellable is set, cancelling it stops the statement under way within a
 * millisecond, with %ATLAS_STORE_ERROR_INTERRUPTED.
 */
void
atlas_store_set_cancellable (AtlasStore   *self,
                             GCancellable *cancellable)
{
  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}

/**
 * atlas_store_get_cancellable:
 *
 * Returns: (transfer none) (nullable): what stops the statements run now, if anything
 */
GCancellable *
atlas_store_get_cancellable (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->cancellable;
}
