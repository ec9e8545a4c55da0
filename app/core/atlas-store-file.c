/* atlas-store-file.c: the store's file, before and beside SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What can be learnt about a store without handing it to SQLite: whether it is a regular
 * file at all (a FIFO would hang a reader, and /dev/null would take a journal beside it),
 * what its header says, and whether a journal was left beside it. And the copy kept before
 * an upgrade, which must never be seen half written.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-store-file.h"
#include "atlas-store.h"

#define HEADER_SIZE 100
#define COPY_CHUNK  (64 * 1024)

static gboolean
special_file_error (const char  *path,
                    mode_t       mode,
                    GError     **error)
{
  if (S_ISDIR (mode))
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is a folder, not a Caucasus Atlas store."), path);
  else
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is a device, a pipe or another special file, not a Caucasus Atlas "
                   "store. A store must be a regular file."), path);
  return FALSE;
}

/**
 * atlas_store_file_resolve:
 * @path: the path the user gave
 * @exists: (out): whether a file is there
 *
 * Makes @path absolute and, when it is a symbolic link, follows it: the store is the file the
 * link points to, and SQLite's journal goes beside that file. Anything but a regular file
 * (or nothing, for a new store) is refused.
 *
 * Returns: (transfer full): the path of the store's file, or %NULL with @error set
 */
char *
atlas_store_file_resolve (const char  *path,
                          gboolean    *exists,
                          GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GStatBuf st;

  *exists = FALSE;
  if (g_lstat (absolute, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return g_steal_pointer (&absolute);
      g_set_error (error, ATLAS_STORE_ERROR,
                   saved_errno == EACCES ? ATLAS_STORE_ERROR_PERMISSION : ATLAS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), absolute, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = realpath (absolute, NULL);

      if (target == NULL || g_stat (target, &st) != 0)
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is a link to a file that does not exist. Give the store’s own "
                         "file, or remove the link to create a new store there."), absolute);
          return NULL;
        }
      g_free (absolute);
      absolute = g_steal_pointer (&target);
    }

  if (!S_ISREG (st.st_mode))
    {
      special_file_error (absolute, st.st_mode, error);
      return NULL;
    }

  *exists = TRUE;
  return g_steal_pointer (&absolute);
}

static gboolean
read_fully (int     fd,
            char   *buffer,
            gsize   size,
            gsize  *done)
{
  *done = 0;
  while (*done < size)
    {
      gssize n = read (fd, buffer + *done, size - *done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      *done += n;
    }
  return TRUE;
}

static guint32
read_be32 (const guchar *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/**
 * atlas_store_file_read_header:
 *
 * Reads the SQLite header of an existing file, refusing anything that is not a regular file
 * or does not start as a SQLite database does. The values are what the main file says; a
 * write-ahead log beside it may hold newer ones, so they serve to refuse early, not to trust.
 */
gboolean
atlas_store_file_read_header (const char        *path,
                              AtlasStoreHeader  *header,
                              GError           **error)
{
  static const char magic[16] = "SQLite format 3";
  guchar bytes[HEADER_SIZE];
  struct stat st;
  gsize n = 0;
  int fd;

  memset (header, 0, sizeof *header);

  /* Non-blocking, so that a FIFO put in the file's place cannot hang the open. */
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ATLAS_STORE_ERROR,
                   saved_errno == EACCES ? ATLAS_STORE_ERROR_PERMISSION : ATLAS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return special_file_error (path, st.st_mode, error);
    }

  if (!read_fully (fd, (char *) bytes, sizeof bytes, &n))
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (n == 0)
    {
      header->empty = TRUE;
      return TRUE;
    }

  if (n < sizeof bytes || memcmp (bytes, magic, sizeof magic) != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a SQLite database, so Caucasus Atlas cannot open it. "
                     "The file was left as it is."), path);
      return FALSE;
    }

  header->wal = bytes[18] == 2 && bytes[19] == 2;
  header->user_version = (gint32) read_be32 (bytes + 60);
  header->application_id = read_be32 (bytes + 68);
  return TRUE;
}

static gboolean
has_content (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* Whether another process holds a lock on byte @offset of @path, as SQLite's own locks are
 * POSIX locks on fixed bytes. */
static gboolean
byte_is_locked (const char *path,
                off_t       offset)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = offset, .l_len = 1 };
  gboolean locked;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  locked = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return locked;
}

/* The bytes SQLite's unix VFS locks: the RESERVED lock of a database in rollback mode (one
 * past the PENDING byte at 1 GiB), and the "dead man switch" of a write-ahead log's shared
 * memory, which every connection holds while it has the store open. */
#define RESERVED_BYTE (0x40000000 + 1)
#define WAL_DMS_BYTE  (120 + 8)

/**
 * atlas_store_file_was_left_open:
 *
 * Whether a program stopped without closing the store: a rollback journal that no writer
 * holds, or a write-ahead log with something in it that no connection holds. A store another program has open is not counted, so that opening it beside a
 * running window does not read every page.
 *
 * Call it before this process opens the store: closing any descriptor of a file drops every
 * POSIX lock the process holds on it, SQLite's included.
 */
gboolean
atlas_store_file_was_left_open (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  /* Even an empty journal counts: only a writer holding its lock has one for a reason. */
  return (g_file_test (journal, G_FILE_TEST_EXISTS) && !byte_is_locked (path, RESERVED_BYTE)) ||
         (has_content (wal) && !byte_is_locked (shm, WAL_DMS_BYTE));
}

static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autofree char *buffer_a = NULL;
  g_autofree char *buffer_b = NULL;
  GStatBuf st_a, st_b;
  gboolean same = TRUE;
  int fd_a, fd_b;

  if (g_stat (a, &st_a) != 0 || g_stat (b, &st_b) != 0 || st_a.st_size != st_b.st_size)
    return FALSE;

  fd_a = g_open (a, O_RDONLY | O_CLOEXEC, 0);
  fd_b = g_open (b, O_RDONLY | O_CLOEXEC, 0);
  buffer_a = g_malloc (COPY_CHUNK);
  buffer_b = g_malloc (COPY_CHUNK);
  while (same)
    {
      gsize n_a = 0, n_b = 0;

      if (fd_a < 0 || fd_b < 0 || !read_fully (fd_a, buffer_a, COPY_CHUNK, &n_a) ||
          !read_fully (fd_b, buffer_b, COPY_CHUNK, &n_b))
        same = FALSE;
      else if (n_a != n_b || memcmp (buffer_a, buffer_b, n_a) != 0)
        same = FALSE;
      else if (n_a == 0)
        break;
    }
  if (fd_a >= 0)
    close (fd_a);
  if (fd_b >= 0)
    close (fd_b);
  return same;
}

/* Copies @source to @target through a temporary file that is synced and then renamed, so
 * that @target is never seen half written, even if the program is killed. */
static gboolean
copy_whole (const char  *source,
            const char  *target,
            GError     **error)
{
  g_autofree char *partial = g_strconcat (target, ".partial", NULL);
  g_autofree char *buffer = g_malloc (COPY_CHUNK);
  struct stat st;
  int saved_errno = 0;
  int in, out;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0 || fstat (in, &st) != 0)
    {
      saved_errno = errno;
      if (in >= 0)
        close (in);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  /* A partial copy left by a killed upgrade is ours: the store's write lock is held here. */
  out = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                st.st_mode & 0777);
  if (out < 0)
    saved_errno = errno;

  while (saved_errno == 0)
    {
      gsize n = 0;

      if (!read_fully (in, buffer, COPY_CHUNK, &n))
        saved_errno = errno;
      else if (n == 0)
        break;
      else
        for (gsize written = 0; written < n && saved_errno == 0; )
          {
            gssize w = write (out, buffer + written, n - written);

            if (w < 0 && errno != EINTR)
              saved_errno = errno;
            else if (w > 0)
              written += w;
          }
    }

  if (saved_errno == 0 && fsync (out) != 0)
    saved_errno = errno;
  if (out >= 0 && close (out) != 0 && saved_errno == 0)
    saved_errno = errno;
  close (in);
  if (saved_errno == 0 && g_rename (partial, target) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_remove (partial);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_store_file_keep_copy:
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
atlas_store_file_keep_copy (const char  *path,
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
