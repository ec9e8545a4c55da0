/* atlas-export-file.c: an export's file, written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A failed export leaves an existing file as it was and no partial file behind, and a
 * killed one never leaves a partial file where the export was going.
 *
 * A local file (any with a path, which includes the document portal's) is written under a
 * temporary name beside it and renamed over it once complete. A killed export leaves its
 * temporary, which the next export into the same folder removes; the command line removes
 * it itself on SIGINT, SIGTERM and SIGHUP. Temporaries are named ".NAME.atlas-tmp-XXXXXX"
 * beside their target NAME: hidden, and recognisably ours.
 *
 * Not g_file_replace() for those: it writes a file that does not exist yet in place, so a
 * killed export would leave a partial file under the name asked for; when it cannot make a
 * temporary (a full disk, a folder one may not write) or keep the owner and mode, or the
 * target is a link, it truncates and rewrites the target in place, which a failed export
 * must never do; and its ".goutputstream-XXXXXX" is no more ours than anyone's, so a killed
 * one's could not be told from another program's being written, and a signal handler
 * cannot learn its name.
 *
 * A file with no path (sftp:, smb: and the like, through GVfs) is written by
 * g_file_replace(), which leaves the old file as it was when the close is cancelled: what
 * the backend can promise is the most that can be had there.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-export-file.h"

struct _AtlasExportFile
{
  GFile             *target;
  char              *name;        /* the target, for messages */

  /* A local target: its path, and the temporary being written. */
  char              *path;
  char              *temporary;
  int                fd;

  /* Any other: the stream g_file_replace() gave. */
  GFileOutputStream *stream;
  GCancellable      *cancellable;  /* the caller's, or NULL */

  gboolean           done;        /* committed, or given up */
};

#define TEMPORARY_MARK ".atlas-tmp-"
#define TEMPORARY_RANDOM_LENGTH 6

/* The temporary being written, for atlas_export_remove_temporary() to remove from a signal
 * handler: a fixed buffer, as a handler may not allocate or take locks. Only one export
 * writes at a time (the command line's, or the window's on its main thread). */
static char signal_temporary[4096];
static gint signal_temporary_set;

/* Forgets the temporary, once renamed or removed. */
static void
forget_temporary (void)
{
  g_atomic_int_set (&signal_temporary_set, FALSE);
}

/**
 * atlas_export_file_remove_temporary:
 *
 * Removes the temporary file that an export is being written to, if one is, and leaves its
 * target as it was. Async-signal-safe: for a handler of a signal that ends the program.
 */
void
atlas_export_file_remove_temporary (void)
{
  /* Lock-free atomics are safe in a handler, and order the path's bytes before the flag. */
  if (g_atomic_int_get (&signal_temporary_set))
    unlink (signal_temporary);
}

static gboolean
is_temporary_name (const char *name)
{
  const char *mark = g_strrstr (name, TEMPORARY_MARK);

  if (name[0] != '.' || mark == NULL || mark == name ||
      strlen (mark) != strlen (TEMPORARY_MARK) + TEMPORARY_RANDOM_LENGTH)
    return FALSE;
  for (const char *c = mark + strlen (TEMPORARY_MARK); *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

/* Removes the temporaries in @dir that killed exports left, but never @target, whatever its
 * name.
 *
 * Stale is judged by a lock, not by the writer's pid or the file's age: a writer holds
 * flock() on its temporary until it is renamed, and the kernel drops the lock when the
 * writer dies, even by SIGKILL. So a temporary whose lock can be taken is stale however new
 * it is, and one being written is never touched, even by a writer in another pid namespace
 * (another flatpak sandbox) where its pid would mean nothing, or a slow one an age limit
 * would misjudge. Only regular files of ours are removed, and files on a file system without
 * flock() are left alone. */
static void
remove_stale_temporaries (const char *dir,
                          const char *target)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat opened, named;
      int fd;

      if (!is_temporary_name (name) || g_str_equal (name, target))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      /* Still the file that was locked, not one made since under the same name. */
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) && opened.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && lstat (path, &named) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino && unlink (path) == 0)
        g_debug ("Removed %s, left by an export that did not finish", path);
      close (fd);
    }
}

/* Creates and locks a temporary beside @path for writing, with @path's permissions when it
 * is a file already, or the umask's for a new one, and records it for a signal handler.
 * Returns its descriptor, or -1 with errno set. */
static int
create_temporary (const char  *path,
                  char       **temporary)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  /* Room in a 255-byte name for the dot, the mark and the random part, cut between
   * characters. */
  gsize length = strlen (base);
  gsize room = 255 - 1 - strlen (TEMPORARY_MARK) - TEMPORARY_RANDOM_LENGTH;
  sigset_t fatal, saved;
  struct stat target;
  gboolean keep_mode;
  int fd = -1;

  while (length > room || (length > 0 && (base[length] & 0xc0) == 0x80))
    length--;
  keep_mode = g_stat (path, &target) == 0 && S_ISREG (target.st_mode);
  remove_stale_temporaries (dir, base);

  /* Blocked, so that no signal comes between making the file and recording it. (Another
   * thread could still take one; the command line has none, and the next export removes
   * what a signal missed.) */
  forget_temporary ();
  sigemptyset (&fatal);
  sigaddset (&fatal, SIGINT);
  sigaddset (&fatal, SIGTERM);
  sigaddset (&fatal, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &fatal, &saved);

  for (guint attempt = 0; attempt < 10 && fd < 0; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%.*s" TEMPORARY_MARK "XXXXXX", (int) length, base);
      struct stat created;
      gboolean locked;

      g_free (*temporary);
      *temporary = g_build_filename (dir, name, NULL);
      fd = g_mkstemp_full (*temporary, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        break;

      /* Held until the file is renamed or removed, to show that it is being written. A
       * file system without flock() cannot show it, and its temporaries are never removed
       * as stale, so the export goes on unlocked there. */
      locked = flock (fd, LOCK_EX | LOCK_NB) == 0;
      if ((!locked && errno == EWOULDBLOCK) || fstat (fd, &created) != 0 || created.st_nlink == 0)
        {
          /* Another export took it for stale before it was locked, and removes it. */
          close (fd);
          fd = -1;
          errno = EEXIST;
          continue;
        }

      /* Only the permissions: a set-user-ID bit has no business on a picture. */
      if (keep_mode && (created.st_mode & 0777) != (target.st_mode & 0777) &&
          fchmod (fd, target.st_mode & 0777) != 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (*temporary);
          fd = -1;
          errno = saved_errno;
          break;
        }
      if (strlen (*temporary) < sizeof signal_temporary)
        {
          strcpy (signal_temporary, *temporary);
          g_atomic_int_set (&signal_temporary_set, TRUE);
        }
    }

  pthread_sigmask (SIG_SETMASK, &saved, NULL);
  return fd;
}

/* Makes the rename itself last through a crash of the system; some file systems cannot. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
set_write_error (GError     **error,
                 const char  *name,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

/**
 * atlas_export_file_open:
 * @target: the file to write; replaced only once the export is committed, keeping its
 *   permissions when it is local (a new file has those of the umask)
 * @cancellable: (nullable): cancels the writing of a file that is not local
 *
 * Returns: (transfer full): the file to write the export to, or %NULL with @error set
 */
AtlasExportFile *
atlas_export_file_open (GFile         *target,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(AtlasExportFile) self = NULL;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (AtlasExportFile, 1);
  self->target = g_object_ref (target);
  self->name = g_file_get_parse_name (target);
  self->path = g_file_get_path (target);
  self->fd = -1;

  if (self->path != NULL)
    {
      self->fd = create_temporary (self->path, &self->temporary);
      if (self->fd < 0)
        {
          int saved_errno = errno;

          self->done = TRUE;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create a file beside “%s”: %s"), self->name,
                       g_strerror (saved_errno));
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  g_set_object (&self->cancellable, cancellable);
  self->stream = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_NONE, self->cancellable, error);
  if (self->stream == NULL)
    {
      self->done = TRUE;
      g_prefix_error (error, _("Could not write “%s”: "), self->name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * atlas_export_file_write:
 *
 * Writes all of @data, or sets @error.
 */
gboolean
atlas_export_file_write (AtlasExportFile  *self,
                         const guchar     *data,
                         gsize             length,
                         GError          **error)
{
  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  if (self->stream != NULL)
    {
      if (g_output_stream_write_all (G_OUTPUT_STREAM (self->stream), data, length, NULL,
                                     self->cancellable, error))
        return TRUE;
      g_prefix_error (error, _("Could not write “%s”: "), self->name);
      return FALSE;
    }

  while (length > 0)
    {
      ssize_t written = write (self->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          set_write_error (error, self->name, written < 0 ? errno : ENOSPC);
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* Renames the complete temporary over the target. */
static gboolean
commit_local (AtlasExportFile  *self,
              GError          **error)
{
  int saved_errno = 0;
  int lock;

  if (fsync (self->fd) != 0)
    saved_errno = errno;
  /* The lock is kept on a copy of the descriptor until the rename, so that no other export
   * takes the temporary for stale in between; closing the first reports a late write error. */
  lock = fcntl (self->fd, F_DUPFD_CLOEXEC, 0);
  if (close (self->fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  self->fd = -1;
  if (saved_errno == 0 && g_rename (self->temporary, self->path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      set_write_error (error, self->name, saved_errno);
      g_unlink (self->temporary);
    }
  forget_temporary ();
  if (lock >= 0)
    close (lock);
  if (saved_errno == 0)
    sync_folder (self->path);
  return saved_errno == 0;
}

/**
 * atlas_export_file_commit:
 *
 * Puts what was written in place of the target.
 *
 * Returns: %TRUE when the target holds it, or %FALSE with @error set and the target as it was
 */
gboolean
atlas_export_file_commit (AtlasExportFile  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  self->done = TRUE;
  if (self->stream == NULL)
    return commit_local (self, error);
  if (g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, error))
    return TRUE;
  g_prefix_error (error, _("Could not write “%s”: "), self->name);
  return FALSE;
}

/* Removes the temporary, or cancels the replacement: the target stays as it was. */
static void
give_up (AtlasExportFile *self)
{
  self->done = TRUE;
  if (self->stream != NULL)
    {
      /* A close cancelled before it starts drops the backend's temporary, or what it had
       * written, and keeps the old file. */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (self->stream), cancelled, NULL);
      return;
    }
  close (self->fd);
  self->fd = -1;
  g_unlink (self->temporary);
  forget_temporary ();
}

/**
 * atlas_export_file_free:
 *
 * Frees @self; unless it was committed, leaves its target as it was.
 */
void
atlas_export_file_free (AtlasExportFile *self)
{
  if (self == NULL)
    return;
  if (!self->done)
    give_up (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
  g_free (self->temporary);
  g_free (self->path);
  g_free (self->name);
  g_free (self);
}
