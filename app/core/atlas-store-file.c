/* atlas-store-file.c: the store's file, before and beside SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What can be learnt about a store without handing it to SQLite: whether it is a regular
 * file at all (a FIFO would hang a reader, and /dev/null would take a journal beside it),
 * what its header says, and whether a journal was left beside it.
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
