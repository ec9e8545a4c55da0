/* atlas-store-backup.c: the copy of a store kept before an upgrade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The copy is made by SQLite's online backup, from a connection of its own, so that it is
 * the store as SQLite sees it (with what a write-ahead log holds) rather than whatever bytes
 * the file has at the moment. It is written beside the store as `.partial`, synced and
 * renamed, so that it is never seen half written, even if the program is killed.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-store-backup.h"
#include "atlas-store.h"

/* Where the header keeps the file change counter, the schema cookie and the "version valid
 * for" number: the only bytes that a backup writes anew. Each is 4 bytes long. */
static const off_t counters[] = { 24, 40, 92 };

static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autoptr(GMappedFile) file_a = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) file_b = g_mapped_file_new (b, FALSE, NULL);
  gsize size;

  if (file_a == NULL || file_b == NULL)
    return FALSE;

  size = g_mapped_file_get_length (file_a);
  return size == g_mapped_file_get_length (file_b) &&
         (size == 0 || memcmp (g_mapped_file_get_contents (file_a),
                               g_mapped_file_get_contents (file_b), size) == 0);
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Copies every page of the store @source into the empty file @target. */
static gboolean
copy_pages (const char  *source,
            const char  *target,
            GError     **error)
{
  sqlite3 *from = NULL;
  sqlite3 *to = NULL;
  sqlite3_backup *backup = NULL;
  int rc;

  rc = sqlite3_open_v2 (source, &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (target, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  /* The copy is made whole or thrown away, so it needs no journal of its own. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (to, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (from, 5000);
      backup = sqlite3_backup_init (to, "main", from, "main");
      rc = backup == NULL ? sqlite3_errcode (to) : sqlite3_backup_step (backup, -1);
      if (backup != NULL && sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_DONE)
        rc = sqlite3_errcode (to);
    }

  if (rc != SQLITE_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         to != NULL && sqlite3_errcode (to) != SQLITE_OK ? sqlite3_errmsg (to)
                         : from != NULL ? sqlite3_errmsg (from) : sqlite3_errstr (rc));
  sqlite3_close (to);
  sqlite3_close (from);
  return rc == SQLITE_DONE;
}

/* A backup counts as a write of the copy, so SQLite moves its counters on. The copy takes
 * the store's own back, which makes it byte for byte the store that was: so a copy left by
 * an upgrade that failed is known again by its bytes. */
static gboolean
restore_counters (const char  *source,
                  int          fd,
                  GError     **error)
{
  guchar header[100];
  int in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  gssize n = in < 0 ? -1 : pread (in, header, sizeof header, 0);
  int saved_errno = errno;

  if (in >= 0)
    close (in);
  if (n < 0)
    return set_errno_error (error, saved_errno);
  if (n < (gssize) sizeof header)
    return TRUE;  /* an empty store has no header to keep */

  for (guint i = 0; i < G_N_ELEMENTS (counters); i++)
    if (pwrite (fd, header + counters[i], 4, counters[i]) != 4)
      return set_errno_error (error, errno);
  return fsync (fd) == 0 || set_errno_error (error, errno);
}

/* Copies the store @source to @target through `TARGET.partial`. */
static gboolean
copy_whole (const char  *source,
            const char  *target,
            GError     **error)
{
  g_autofree char *partial = g_strconcat (target, ".partial", NULL);
  GStatBuf st;
  int fd;
  gboolean done;

  if (g_stat (source, &st) != 0)
    return set_errno_error (error, errno);

  /* A partial copy left by a killed upgrade is ours: the store's write lock is held here.
   * The copy is made with the store's permissions. */
  g_remove (partial);
  fd = g_open (partial, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0777);
  if (fd < 0)
    return set_errno_error (error, errno);

  done = copy_pages (source, partial, error) && restore_counters (source, fd, error);
  if (close (fd) != 0 && done)
    done = set_errno_error (error, errno);
  if (done && g_rename (partial, target) != 0)
    done = set_errno_error (error, errno);

  if (!done)
    g_remove (partial);
  return done;
}

/**
 * atlas_store_backup_keep_copy:
 * @path: a store about to be upgraded, whose write lock the caller holds
 * @version: its schema version
 *
 * Keeps a copy of @path beside it as `PATH.vVERSION.bak`. A copy of the same contents that is
 * already there (from an upgrade that failed) is kept rather than written again; a different
 * one is never overwritten, and the new copy takes the next free name (`PATH.vVERSION-2.bak`).
 *
 * Returns: (transfer full): the copy's path, or %NULL with @error set
 */
char *
atlas_store_backup_keep_copy (const char  *path,
                              int          version,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *backup = NULL;

  for (guint i = 1; ; i++)
    {
      g_free (backup);
      backup = i == 1 ? g_strdup_printf ("%s.v%d.bak", path, version)
                      : g_strdup_printf ("%s.v%d-%u.bak", path, version, i);
      if (!g_file_test (backup, G_FILE_TEST_EXISTS))
        break;
      if (same_contents (path, backup))
        return g_steal_pointer (&backup);
    }

  if (!copy_whole (path, backup, &local_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                   _("Could not keep a copy of “%s” before upgrading it, so it was not "
                     "upgraded: %s"), path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&backup);
}
