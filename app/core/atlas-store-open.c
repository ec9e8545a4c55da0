/* atlas-store-open.c: opening, creating and upgrading a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store is a file people mail to each other, so nothing in it is trusted until checked,
 * and opening one never changes a file it cannot fully understand. Before the first write,
 * the file must be a regular file with a SQLite header, our application id, a schema
 * version this program knows, and exactly the schema the migrations make (no view or
 * trigger slipped in), and the connection is defensive from the start
 * (atlas-store-connection.c). The full integrity check, which reads every page, runs only
 * when a journal was left beside the file, before an upgrade, or on request
 * (atlas_store_check).
 *
 * Whether a store must be created or upgraded is decided under SQLite's write lock, so that
 * several programs starting at once on a new path make one store between them. Upgrades copy
 * the file aside first and run every migration in one transaction.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "atlas-store-backup.h"
#include "atlas-store-file.h"
#include "atlas-store-private.h"
#include "atlas-store-schema.h"

static gboolean
damaged_error (AtlasStore  *self,
               const char  *problem,
               GError     **error)
{
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s). The file was left as it is; "
                 "restore it from a backup or open another file."), self->path, problem);
  return FALSE;
}

/* Runs SQLite's quick check, which reads every page. */
static gboolean
check_integrity (AtlasStore  *self,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rc = sqlite3_extended_errcode (self->db);
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a SQLite database, so Caucasus Atlas cannot open it. "
                       "The file was left as it is."), self->path);
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        problem = g_strdup (sqlite3_errmsg (self->db));
      else
        atlas_store_set_error (self, error, _("Checking the store"));
      if (problem == NULL)
        return FALSE;
    }

  if (problem == NULL)
    return TRUE;

  return damaged_error (self, problem, error);
}

/* Reading a damaged file fails with SQLITE_CORRUPT or SQLITE_NOTADB: say so in words. */
static void
set_read_error (AtlasStore  *self,
                GError     **error)
{
  int rc = sqlite3_extended_errcode (self->db) & 0xff;

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    damaged_error (self, sqlite3_errmsg (self->db), error);
  else
    atlas_store_set_error (self, error, _("Reading"));
}

static gboolean
read_version (AtlasStore  *self,
              int         *version,
              int         *entries,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!atlas_store_query_int (self, "PRAGMA user_version", version, &local_error) ||
      !atlas_store_query_int (self, "SELECT count(*) FROM sqlite_schema", entries, &local_error))
    {
      set_read_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_version (AtlasStore  *self,
               int          version,
               GError     **error)
{
  int latest = atlas_store_get_latest_version ();

  if (version > latest)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Caucasus Atlas (store version %d; "
                     "this version reads up to %d). Update Caucasus Atlas to open it. "
                     "The file was left as it is."), self->path, version, latest);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("“%s” says it is store version %d, which no Caucasus Atlas writes, so it "
                     "is damaged. The file was left as it is."), self->path, version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_owner (AtlasStore  *self,
             guint32      application_id,
             gboolean     has_entries,
             GError     **error)
{
  if ((application_id != 0 && application_id != ATLAS_STORE_APPLICATION_ID) ||
      (application_id == 0 && has_entries))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_AN_ATLAS,
                   _("“%s” is a SQLite database of another program, not a Caucasus Atlas "
                     "store. The file was left as it is."), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Checks the owner and the version, as SQLite reads them (a write-ahead log may hold newer
 * ones than the header). The three are read in one transaction: read one by one, another
 * process's first start could commit a whole new store between them, which would then
 * look like entries with no owner, another program's database. */
static gboolean
check_owner_and_version (AtlasStore  *self,
                         int         *entries,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int application_id = 0;
  gboolean read;

  if (!atlas_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  read = atlas_store_query_int (self, "PRAGMA application_id", &application_id, &local_error);
  if (!read)
    set_read_error (self, error);
  else
    read = read_version (self, &self->schema_version, entries, error);
  /* Only read: ending it cannot lose anything, and a failed end must not leave it open. */
  if (!atlas_store_exec (self, "COMMIT", NULL))
    atlas_store_exec (self, "ROLLBACK", NULL);
  if (!read)
    return FALSE;

  return check_owner (self, (guint32) application_id, *entries > 0, error) &&
         check_version (self, self->schema_version, error);
}

static gboolean
apply_migration (AtlasStore  *self,
                 int          version,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;

  if ((sql = atlas_store_schema_get_migration (version, error)) == NULL)
    return FALSE;
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           version, ATLAS_STORE_APPLICATION_ID);

  if (!atlas_store_exec (self, sql, error) || !atlas_store_exec (self, stamp, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

/* The migrations from the store's version to the latest, in the open transaction. */
static gboolean
migrate (AtlasStore  *self,
         GError     **error)
{
  while (self->schema_version < atlas_store_get_latest_version ())
    if (!apply_migration (self, self->schema_version + 1, error))
      return FALSE;
  return TRUE;
}

/* Our own search triggers write to FTS5 tables, which SQLite 3.40 allows only from a
 * trusted schema: a schema is trusted once it is known to be exactly the one we make. */
static void
trust_schema (AtlasStore *self)
{
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
}

/* Makes the schema of a new store, then lets @fill put its first records in, all in the
 * transaction that creates it: a store is never seen half made. */
static gboolean
create (AtlasStore          *self,
        AtlasStoreFillFunc   fill,
        gpointer             user_data,
        GError             **error)
{
  trust_schema (self);
  if (!migrate (self, error))
    return FALSE;
  self->created = TRUE;
  return fill == NULL || fill (self, user_data, error);
}

static gboolean
unversioned_error (AtlasStore  *self,
                   GError     **error)
{
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
               _("“%s” is marked as a Caucasus Atlas store but has no store version, so it "
                 "is damaged or was made by another program. The file was left as it is."),
               self->path);
  return FALSE;
}

/* What must hold before an old store is touched: every page reads, and the schema is the
 * one its version had. */
static gboolean
check_before_upgrade (AtlasStore  *self,
                      int          version,
                      GError     **error)
{
  return check_integrity (self, error) && atlas_store_schema_verify (self, version, error);
}

/* Copies the store aside and upgrades it, in the open transaction. */
static gboolean
upgrade (AtlasStore  *self,
         GError     **error)
{
  g_autofree char *backup = NULL;

  trust_schema (self);
  if ((backup = atlas_store_backup_keep_copy (self->path, self->schema_version, error)) == NULL)
    return FALSE;

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup);
  return migrate (self, error);
}

/* Creates or upgrades the store. Nothing is written until the file is known to be a new
 * store or a sound older one. What to do is then read again under the write lock: another
 * program may have created or upgraded the store since, and then there is nothing left to
 * do. Nothing is removed on failure: the transaction leaves the file as it was. */
static gboolean
bring_up_to_date (AtlasStore          *self,
                  int                  entries,
                  AtlasStoreFillFunc   fill,
                  gpointer             user_data,
                  GError             **error)
{
  int checked = self->schema_version;
  int version = 0;
  gboolean done;

  if (self->read_only)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   self->schema_version == 0
                     ? _("“%s” is empty and read-only, so Caucasus Atlas cannot set it up.")
                     : _("“%s” needs upgrading to open, but it is read-only. "
                         "The file was left as it is."),
                   self->path);
      return FALSE;
    }

  if (checked == 0 && entries > 0)
    return unversioned_error (self, error);
  /* The copy is read through SQLite, but a copy left by an upgrade that failed is known
   * again by its bytes, which are the whole store only outside write-ahead-log mode. */
  if (checked > 0 && (!check_before_upgrade (self, checked, error) ||
                      !atlas_store_exec (self, "PRAGMA journal_mode = DELETE", error)))
    return FALSE;

  if (!atlas_store_begin (self, error))
    return FALSE;

  if (!read_version (self, &version, &entries, error) || !check_version (self, version, error))
    {
      atlas_store_rollback (self);
      return FALSE;
    }
  self->schema_version = version;

  if (version == 0 && entries > 0)
    done = unversioned_error (self, error);
  else if (version == 0)
    done = create (self, fill, user_data, error);
  else if (version < atlas_store_get_latest_version ())
    done = (version == checked || check_before_upgrade (self, version, error)) &&
           upgrade (self, error);
  else
    done = TRUE;

  if (!done || !atlas_store_commit (self, error))
    {
      atlas_store_rollback (self);
      self->created = FALSE;
      self->schema_version = version;
      return FALSE;
    }
  return TRUE;
}

/* Whether we may write @path. Write bits are checked as well as access(), so that a file or
 * folder made read-only is treated as such even for root, who may write anything. */
static gboolean
can_write (const char *path)
{
  GStatBuf st;

  return g_access (path, W_OK) == 0 && g_stat (path, &st) == 0 && (st.st_mode & 0222) != 0;
}

/* Works out whether the file (or, for a new store, its folder) can be written, and reads
 * the header of an existing file to refuse what is plainly not ours before SQLite sees it. */
static gboolean
check_access (AtlasStore  *self,
              gboolean     exists,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  AtlasStoreHeader header;

  if (!exists)
    {
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NO_DIRECTORY,
                       _("Cannot create “%s”: the folder “%s” does not exist."),
                       self->path, folder);
          return FALSE;
        }
      if (!can_write (folder))
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                       _("Cannot create “%s”: you may not write in the folder “%s”."),
                       self->path, folder);
          return FALSE;
        }
      self->file_writable = TRUE;
      return TRUE;
    }

  if (g_access (self->path, R_OK) != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                   _("You may not read “%s”."), self->path);
      return FALSE;
    }

  /* SQLite writes a journal beside the file, so writing needs the folder too. */
  self->file_writable = can_write (self->path) && can_write (folder);
  self->read_only = self->read_only || !self->file_writable;

  if (!atlas_store_file_read_header (self->path, &header, error))
    return FALSE;
  return header.empty ||
         (check_version (self, header.user_version, error) &&
          check_owner (self, header.application_id, FALSE, error));
}

static gboolean
open_connection (AtlasStore  *self,
                 GError     **error)
{
  int flags = self->file_writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                  : SQLITE_OPEN_READONLY;

  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        g_error ("SQLite could not allocate a connection");
      atlas_store_set_error (self, error, _("Opening"));
      return FALSE;
    }
  atlas_store_harden_connection (self);

  /* Read-only by request on a file we may write: a read-only connection would leave the
   * write-ahead log's files beside the store, so the connection is refused writes instead. */
  return !self->read_only || !self->file_writable ||
         atlas_store_exec (self, "PRAGMA query_only = ON", error);
}

/* Write-ahead logging lets the window save while another program reads. It is turned on
 * when the store is created, upgraded or recovered, which write the file anyway: merely
 * opening a sound store never changes a byte of it. Turning it on needs the store to ourselves for a
 * moment: if another program has it, that waits for another time. */
static void
use_write_ahead_log (AtlasStore *self)
{
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_busy_timeout (self->db, 200);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (self->db, ATLAS_STORE_BUSY_TIMEOUT_MS);

  /* A switch killed after the header said WAL leaves its rollback journal, which nothing in
   * WAL mode would remove. It cannot be hot: SQLite plays a hot journal back on its first
   * read, whatever the header says. */
  if (g_strcmp0 (mode, "wal") == 0)
    {
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);

      g_remove (journal);
    }
}

/**
 * atlas_store_open:
 * @path: the file, or ":memory:" for a store that lives only in memory
 * @flags: #AtlasStoreFlags
 * @error: a #GError in the %ATLAS_STORE_ERROR domain
 *
 * Opens the store at @path as atlas_store_open_full() does, creating a new store with the
 * schema and no records.
 */
AtlasStore *
atlas_store_open (const char       *path,
                  AtlasStoreFlags   flags,
                  GError          **error)
{
  return atlas_store_open_full (path, flags, NULL, NULL, error);
}

/**
 * atlas_store_open_full:
 * @path: the file, or ":memory:" for a store that lives only in memory
 * @flags: #AtlasStoreFlags
 * @fill: (nullable) (scope call): fills a store this call creates
 * @user_data: for @fill
 * @error: a #GError in the %ATLAS_STORE_ERROR domain
 *
 * Opens the store at @path, creating it when it does not exist, and upgrading it when it
 * was made by an earlier version. A new store gets the schema, then what @fill writes, in
 * the one transaction that creates it: when @fill fails, the store is left as empty as it
 * was found, and when several programs start at once on a new path, one of them creates it
 * and the others open it as found. atlas_store_get_created() tells which.
 *
 * A file that is not a store, is damaged, has been changed by another program or is newer
 * than this program is reported and left untouched; a file that cannot be written opens
 * read-only. A symbolic link opens the file it points to.
 */
AtlasStore *
atlas_store_open_full (const char          *path,
                       AtlasStoreFlags      flags,
                       AtlasStoreFillFunc   fill,
                       gpointer             user_data,
                       GError             **error)
{
  g_autoptr(AtlasStore) self = NULL;
  gboolean in_memory;
  gboolean exists = FALSE;
  gboolean left_open = FALSE;
  int entries = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  in_memory = g_str_equal (path, ":memory:");
  self->read_only = (flags & ATLAS_STORE_FLAGS_READ_ONLY) != 0;

  if (in_memory)
    {
      self->path = g_strdup (path);
      self->file_writable = TRUE;
    }
  else if ((self->path = atlas_store_file_resolve (path, &exists, error)) == NULL ||
           !check_access (self, exists, error))
    return NULL;

  if (!exists && !in_memory && self->read_only)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                   _("“%s” does not exist."), self->path);
      return NULL;
    }

  /* Looked at before SQLite opens the file, since its first read replays the journal. */
  left_open = exists && atlas_store_file_was_left_open (self->path);

  if (!open_connection (self, error))
    return NULL;
  if (left_open && !check_integrity (self, error))
    return NULL;
  if (!check_owner_and_version (self, &entries, error))
    return NULL;

  /* Opened only to be read (and checked), an older store is left at its version. */
  if (self->schema_version < atlas_store_get_latest_version () &&
      ((flags & ATLAS_STORE_FLAGS_READ_ONLY) == 0 || self->schema_version == 0) &&
      !bring_up_to_date (self, entries, fill, user_data, error))
    return NULL;
  if (!self->created && !atlas_store_schema_verify (self, self->schema_version, error))
    return NULL;

  trust_schema (self);

  if (!atlas_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* A store found with a journal left beside it was written by its recovery anyway; one
   * whose creation or upgrade was stopped before its log was turned on gets it now. */
  if (!in_memory && !self->read_only && (self->created || self->backup_path != NULL || left_open))
    use_write_ahead_log (self);

  return g_steal_pointer (&self);
}
