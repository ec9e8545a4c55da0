/* atlas-store.c: the SQLite file that holds the atlas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a store never changes a file it cannot fully understand: the header, the
 * integrity, the owner (application_id) and the schema version are all checked before the
 * first write. Upgrades copy the file aside first and run each migration in a transaction.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "atlas-dataset.h"
#include "atlas-store.h"

struct _AtlasStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  GHashTable *statements;  /* SQL text -> sqlite3_stmt */
  int         schema_version;
  guint       read_only : 1;
  guint       created : 1;
};

G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)

/* One file per schema version, applied in order; the schema version is their count. */
static const char * const migrations[] = {
  "/io/github/caucasusatlas/CaucasusAtlas/schema/001-base.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/002-search.sql",
};

int
atlas_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
atlas_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "caucasus-atlas", "atlas.db", NULL);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
atlas_store_finalize (GObject *object)
{
  AtlasStore *self = ATLAS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_store_finalize;
}

static void
atlas_store_init (AtlasStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return ATLAS_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return ATLAS_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_READONLY:
      return ATLAS_STORE_ERROR_READ_ONLY;
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return ATLAS_STORE_ERROR_PERMISSION;
    default:
      return ATLAS_STORE_ERROR_FAILED;
    }
}

void
atlas_store_set_error (AtlasStore  *self,
                       GError     **error,
                       const char  *what)
{
  int rc = sqlite3_extended_errcode (self->db);

  g_set_error (error, ATLAS_STORE_ERROR, error_code_for_sqlite (rc),
               /* Translators: %s are: what was being done, the file, SQLite's message */
               _("%s failed in “%s”: %s"), what, self->path, sqlite3_errmsg (self->db));
}

sqlite3 *
atlas_store_get_db (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->db;
}

/* "table.column" for a result column, or its name in the query where SQLite was built
 * without column metadata. */
static char *
describe_column (sqlite3_stmt *stmt,
                 int           column)
{
#ifdef HAVE_SQLITE3_COLUMN_METADATA
  const char *table = sqlite3_column_table_name (stmt, column);

  if (table != NULL)
    return g_strdup_printf ("%s.%s", table, sqlite3_column_origin_name (stmt, column));
#endif
  return g_strdup (sqlite3_column_name (stmt, column));
}

/* Says once per column that a store holds text that is not UTF-8: a message rather than a
 * warning, since nothing fails and the text is shown repaired. */
static void
report_invalid_text (sqlite3_stmt *stmt,
                     int           column)
{
  G_LOCK_DEFINE_STATIC (reported);
  static GHashTable *reported;
  g_autofree char *where = describe_column (stmt, column);
  const char *file = sqlite3_db_filename (sqlite3_db_handle (stmt), "main");
  gboolean first;

  G_LOCK (reported);
  if (reported == NULL)
    reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (reported, g_strdup (where));
  G_UNLOCK (reported);

  if (first)
    /* Translators: %s are a file and one of its columns, "table.column" */
    g_message (_("The store “%s” holds text that is not valid UTF-8 in %s; its bad bytes are "
                 "shown as �"), file != NULL && *file != '\0' ? file : ":memory:", where);
}

/**
 * atlas_store_dup_column:
 *
 * Reads a text column as valid UTF-8, whatever bytes the file holds: every text leaves
 * SQLite through here, since GTK, Pango and GVariant take invalid UTF-8 for a bug. Invalid
 * sequences (and NUL bytes) become U+FFFD, said once per column.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for SQL NULL
 */
char *
atlas_store_dup_column (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text;
  int length;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_column_text (stmt, column);
  length = sqlite3_column_bytes (stmt, column);
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);

  report_invalid_text (stmt, column);
  return g_utf8_make_valid (text, length);
}

/**
 * atlas_store_read_rows:
 * @stmt: a prepared statement with its parameters bound
 * @read_row: makes each row into a structure
 * @free_row: frees one
 * @what: what the reading was for, to name it in an error
 *
 * Steps through every row of @stmt and resets it.
 *
 * Returns: (transfer full): the rows in order, or %NULL with @error set when a step failed
 */
GPtrArray *
atlas_store_read_rows (AtlasStore           *self,
                       sqlite3_stmt         *stmt,
                       AtlasStoreRowReader   read_row,
                       GDestroyNotify        free_row,
                       const char           *what,
                       GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Returns a cached statement, reset and with its bindings cleared. */
sqlite3_stmt *
atlas_store_prepare (AtlasStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("Preparing a query"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows. */
gboolean
atlas_store_step_done (AtlasStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      atlas_store_set_error (self, error, _("Writing"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
atlas_store_exec (AtlasStore  *self,
                  const char  *sql,
                  GError     **error)
{
  g_autofree char *message = NULL;
  char *sqlite_message = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &sqlite_message) == SQLITE_OK)
    return TRUE;

  message = g_strdup (sqlite_message ? sqlite_message : sqlite3_errmsg (self->db));
  sqlite3_free (sqlite_message);
  g_set_error (error, ATLAS_STORE_ERROR,
               error_code_for_sqlite (sqlite3_extended_errcode (self->db)),
               _("Could not update “%s”: %s"), self->path, message);
  return FALSE;
}

gboolean
atlas_store_begin (AtlasStore  *self,
                   GError     **error)
{
  return atlas_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
atlas_store_commit (AtlasStore  *self,
                    GError     **error)
{
  return atlas_store_exec (self, "COMMIT", error);
}

void
atlas_store_rollback (AtlasStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (AtlasStore  *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("Reading"));
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    atlas_store_set_error (self, error, _("Reading"));
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Reads the first bytes of an existing file: SQLite files start with a fixed header.
 * An empty file is a valid empty database. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[100];
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, ATLAS_STORE_ERROR,
                   saved_errno == EACCES ? ATLAS_STORE_ERROR_PERMISSION : ATLAS_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return TRUE;

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a SQLite database, so Caucasus Atlas cannot open it. "
                     "The file was left as it is."), path);
      return FALSE;
    }

  return TRUE;
}

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
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  if (problem == NULL)
    return TRUE;

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a SQLite database, so Caucasus Atlas cannot open it. "
                   "The file was left as it is."), self->path);
  else
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (%s). The file was left as it is; "
                   "restore it from a backup or open another file."), self->path, problem);
  return FALSE;
}

static gboolean
check_owner_and_version (AtlasStore  *self,
                         GError     **error)
{
  int application_id = 0;
  int tables = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;

  if ((application_id != 0 && application_id != ATLAS_STORE_APPLICATION_ID) ||
      (application_id == 0 && tables > 0))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_AN_ATLAS,
                   _("“%s” is a SQLite database of another program, not a Caucasus Atlas "
                     "store. The file was left as it is."), self->path);
      return FALSE;
    }

  if (self->schema_version > atlas_store_get_latest_version ())
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Caucasus Atlas (store version %d; "
                     "this version reads up to %d). Update Caucasus Atlas to open it. "
                     "The file was left as it is."),
                   self->path, self->schema_version, atlas_store_get_latest_version ());
      return FALSE;
    }

  return TRUE;
}

/* Keeps a copy of the file as it was before an upgrade, next to it. */
static gboolean
back_up (AtlasStore  *self,
         GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (self->path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *backup = NULL;

  backup = g_strdup_printf ("%s.v%d.bak", self->path, self->schema_version);
  for (guint i = 2; g_file_test (backup, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.v%d-%u.bak", self->path, self->schema_version, i);
    }

  target = g_file_new_for_path (backup);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                   _("Could not keep a copy of “%s” before upgrading it, so it was not "
                     "upgraded: %s"), self->path, local_error->message);
      return FALSE;
    }

  self->backup_path = g_steal_pointer (&backup);
  return TRUE;
}

static gboolean
apply_migration (AtlasStore  *self,
                 int          version,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;

  bytes = g_resources_lookup_data (migrations[version - 1], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           version, ATLAS_STORE_APPLICATION_ID);

  if (!atlas_store_exec (self, sql, error) || !atlas_store_exec (self, stamp, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

/* A new store gets every migration and the dataset in one transaction, so a failure leaves
 * nothing behind; an existing one gets each migration in its own. */
static gboolean
upgrade (AtlasStore       *self,
         AtlasStoreFlags   flags,
         GError          **error)
{
  gboolean fresh = self->schema_version == 0;
  int latest = atlas_store_get_latest_version ();

  if (self->read_only)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   fresh ? _("“%s” is empty and read-only, so Caucasus Atlas cannot set it up.")
                         : _("“%s” needs upgrading to open, but it is read-only. "
                             "The file was left as it is."),
                   self->path);
      return FALSE;
    }

  if (!fresh && !back_up (self, error))
    return FALSE;

  if (fresh && !atlas_store_begin (self, error))
    return FALSE;

  while (self->schema_version < latest)
    {
      int next = self->schema_version + 1;

      if (!fresh && !atlas_store_begin (self, error))
        return FALSE;
      if (!apply_migration (self, next, error))
        {
          atlas_store_rollback (self);
          return FALSE;
        }
      if (!fresh && !atlas_store_commit (self, error))
        {
          atlas_store_rollback (self);
          return FALSE;
        }
    }

  if (fresh)
    {
      if ((flags & ATLAS_STORE_FLAGS_NO_DATASET) == 0 && !atlas_dataset_load_bundled (self, error))
        {
          atlas_store_rollback (self);
          self->schema_version = 0;
          return FALSE;
        }
      if (!atlas_store_commit (self, error))
        {
          atlas_store_rollback (self);
          self->schema_version = 0;
          return FALSE;
        }
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

/* Works out whether the file (or, for a new store, its folder) can be written. */
static gboolean
check_access (AtlasStore  *self,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  *exists = g_file_test (self->path, G_FILE_TEST_EXISTS);

  if (!*exists)
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
      return TRUE;
    }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Caucasus Atlas store."), self->path);
      return FALSE;
    }

  if (g_access (self->path, R_OK) != 0)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION,
                   _("You may not read “%s”."), self->path);
      return FALSE;
    }

  /* SQLite writes a journal beside the file, so writing needs the folder too. */
  self->read_only = !can_write (self->path) || !can_write (folder);

  return check_header (self->path, error);
}

/**
 * atlas_store_open:
 * @path: the file, or ":memory:" for a store that lives only in memory
 * @flags: #AtlasStoreFlags
 * @error: a #GError in the %ATLAS_STORE_ERROR domain
 *
 * Opens the store at @path, creating it (and filling it with the bundled dataset) when it
 * does not exist, and upgrading it when it was made by an earlier version. A file that is
 * not a store, is damaged or is newer than this program is reported and left untouched; a
 * file that cannot be written opens read-only.
 */
AtlasStore *
atlas_store_open (const char       *path,
                  AtlasStoreFlags   flags,
                  GError          **error)
{
  g_autoptr(AtlasStore) self = NULL;
  gboolean in_memory;
  gboolean exists = FALSE;
  int open_flags;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  in_memory = g_str_equal (path, ":memory:");
  self->path = in_memory ? g_strdup (path) : g_canonicalize_filename (path, NULL);

  if (!in_memory && !check_access (self, &exists, error))
    return NULL;

  open_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2 (self->path, &self->db, open_flags | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("Opening"));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 2000);

  if (exists && !check_integrity (self, error))
    return NULL;
  if (!check_owner_and_version (self, error))
    return NULL;

  if (!atlas_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  self->created = self->schema_version == 0;
  if (self->schema_version < atlas_store_get_latest_version () && !upgrade (self, flags, error))
    {
      /* Remove what this call created rather than leave an empty store behind. */
      if (!exists && !in_memory)
        {
          g_clear_pointer (&self->db, sqlite3_close);
          g_remove (self->path);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
atlas_store_get_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->path;
}

gboolean
atlas_store_get_read_only (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  return self->read_only;
}

/* Whether this open created the store (and filled it), rather than finding one. */
gboolean
atlas_store_get_created (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  return self->created;
}

/* The copy kept before an upgrade, or %NULL when none was needed. */
const char *
atlas_store_get_backup_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->backup_path;
}

int
atlas_store_get_schema_version (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);

  return self->schema_version;
}
