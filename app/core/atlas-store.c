/* atlas-store.c: the SQLite file that holds the atlas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store is a file people mail to each other, so nothing in it is trusted until checked,
 * and opening one never changes a file it cannot fully understand. Before the first write,
 * the file must be a regular file with a SQLite header, our application id, a schema
 * version this program knows, and exactly the schema the migrations make (no view or
 * trigger slipped in). The connection is defensive: no extension loading, no writable
 * schema, limits on sizes, and a time limit on every run of SQLite's engine, so that no
 * query runs unbounded. The full integrity check, which reads every page, runs only when a
 * journal was left beside the file, before an upgrade, or on request (atlas_store_check).
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
#include "atlas-store-schema.h"
#include "atlas-store-private.h"

/* How long another program may hold the store before we give up and say so. */
#define BUSY_TIMEOUT_MS        5000
/* How long one step of a statement may take before the statement is stopped. */
#define DEFAULT_TIME_LIMIT_MS  10000
/* Progress callbacks come every this many engine steps, well under a millisecond apart. */
#define PROGRESS_STEPS         10000

G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)

int
atlas_store_get_latest_version (void)
{
  return atlas_store_schema_get_latest_version ();
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

  /* Statements first: a connection with statements alive does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->changes, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_store_finalize;

  /**
   * AtlasStore::changed:
   * @kind: the #AtlasItemKind of the records that changed
   * @ids: (element-type gint64): their ids, or none when any record of @kind may have changed
   *
   * Emitted after a change (atlas_store_begin_change()) is committed, once for each kind of
   * record it wrote; never for a change rolled back or a commit that failed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, ATLAS_TYPE_ITEM_KIND, G_TYPE_ARRAY);
}

void
atlas_store_emit_changed (AtlasStore    *self,
                          AtlasItemKind  kind,
                          GArray        *ids)
{
  g_signal_emit (self, signals[CHANGED], 0, kind, ids);
}

static void
atlas_store_init (AtlasStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->time_limit_ms = DEFAULT_TIME_LIMIT_MS;
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
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ATLAS_STORE_ERROR_BUSY;
    case SQLITE_INTERRUPT:
      return ATLAS_STORE_ERROR_INTERRUPTED;
    default:
      return ATLAS_STORE_ERROR_FAILED;
    }
}

/* Says what failed, and why in words a person can act on: a lock is not damage. */
static void
set_failure (AtlasStore  *self,
             GError     **error,
             int          code,
             const char  *what,
             const char  *message)
{
  switch (code)
    {
    case ATLAS_STORE_ERROR_BUSY:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   /* Translators: %s are: what was being done, the file */
                   _("%s failed: “%s” is in use by another program. Try again when it has "
                     "finished."), what, self->path);
      break;
    case ATLAS_STORE_ERROR_INTERRUPTED:
      if (self->interrupted)
        g_set_error (error, ATLAS_STORE_ERROR, code,
                     /* Translators: %s are: what was being done, the file; %u seconds */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s in “%s” was stopped: it took longer than %u second.",
                                  "%s in “%s” was stopped: it took longer than %u seconds.",
                                  MAX (1, self->time_limit_ms / 1000)),
                     what, self->path, MAX (1, self->time_limit_ms / 1000));
      else
        g_set_error (error, ATLAS_STORE_ERROR, code,
                     /* Translators: %s are: what was being done, the file */
                     _("%s in “%s” was cancelled."), what, self->path);
      break;
    default:
      g_set_error (error, ATLAS_STORE_ERROR, code,
                   /* Translators: %s are: what was being done, the file, SQLite's message */
                   _("%s failed in “%s”: %s"), what, self->path, message);
      break;
    }
}

void
atlas_store_set_error (AtlasStore  *self,
                       GError     **error,
                       const char  *what)
{
  int rc = sqlite3_extended_errcode (self->db);

  set_failure (self, error, error_code_for_sqlite (rc), what, sqlite3_errmsg (self->db));
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
  set_failure (self, error, error_code_for_sqlite (sqlite3_extended_errcode (self->db)),
               _("Updating the store"), message);
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

/* The one trace callback a connection has, for two jobs. It times steps: a step starts when
 * a statement starts running and after each row it returns, since what the program does
 * between two rows is not SQLite's time (trigger programs restart the clock; only our own
 * triggers, which are short, pass the schema check). And it counts the statements started,
 * which is how the program's cost in queries is measured. */
static int
on_trace (unsigned  type,
          gpointer  data,
          gpointer  p,
          gpointer  x)
{
  AtlasStore *self = data;

  self->step_started = 0;
  if (type == SQLITE_TRACE_STMT)
    {
      self->interrupted = FALSE;
      /* A trigger's program is part of the statement that fired it, not one of its own. */
      if (!g_str_has_prefix (x, "--"))
        self->statement_count++;
    }
  return 0;
}

/* Runs every PROGRESS_STEPS steps of SQLite's engine. A step that goes on longer than the
 * time limit is stopped, so that no query, however a file makes it behave, can hang the
 * program; a long listing of short steps is never stopped. */
static int
on_progress (gpointer data)
{
  AtlasStore *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->step_started == 0)
    self->step_started = now;

  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    return 1;
  if (now - self->step_started > (gint64) self->time_limit_ms * G_TIME_SPAN_MILLISECOND)
    {
      self->interrupted = TRUE;
      return 1;
    }
  return 0;
}

/* Sizes well beyond anything the atlas holds, and far below what would exhaust memory. */
static const struct { int limit; int value; } limits[] = {
  { SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024 },
  { SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024 },
  { SQLITE_LIMIT_EXPR_DEPTH, 500 },
  { SQLITE_LIMIT_TRIGGER_DEPTH, 10 },
  { SQLITE_LIMIT_ATTACHED, 0 },
  { SQLITE_LIMIT_WORKER_THREADS, 0 },
};

/* What every connection to a store gets before it reads a byte of it. */
static void
harden_connection (AtlasStore *self)
{
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (self->db, limits[i].limit, limits[i].value);
  sqlite3_progress_handler (self->db, PROGRESS_STEPS, on_progress, self);
  sqlite3_trace_v2 (self->db, SQLITE_TRACE_STMT | SQLITE_TRACE_ROW, on_trace, self);
}

/**
 * atlas_store_set_time_limit:
 * @milliseconds: how long SQLite may work without a break
 *
 * Sets how long one run of SQLite's engine may take before its statement is stopped with
 * %ATLAS_STORE_ERROR_INTERRUPTED (ten seconds unless set).
 */
void
atlas_store_set_time_limit (AtlasStore *self,
                            guint       milliseconds)
{
  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (milliseconds > 0);

  self->time_limit_ms = milliseconds;
}

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

  if (!query_int (self, "PRAGMA user_version", version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", entries, &local_error))
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
 * ones than the header). */
static gboolean
check_owner_and_version (AtlasStore  *self,
                         int         *entries,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int application_id = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error))
    {
      set_read_error (self, error);
      return FALSE;
    }
  return read_version (self, &self->schema_version, entries, error) &&
         check_owner (self, (guint32) application_id, *entries > 0, error) &&
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
  harden_connection (self);

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
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

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

/**
 * atlas_store_get_statement_count:
 *
 * How many SQL statements have been started on the store's connection since it was opened:
 * each of ours, and each a virtual table (the search index) runs for them, but not the
 * programs of triggers they fire. Statements in one atlas_store_exec() count one each.
 */
guint64
atlas_store_get_statement_count (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);

  return self->statement_count;
}

int
atlas_store_get_schema_version (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), 0);

  return self->schema_version;
}

static char *
describe_foreign_key_problem (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("row %lld of “%s” refers to a missing row of “%s”"),
                          (long long) sqlite3_column_int64 (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 2));
}

/* Adds what each row of @sql says to @problems; a row of "ok" means none. */
static gboolean
collect_problems (AtlasStore    *self,
                  const char    *sql,
                  gboolean       foreign_keys,
                  GStrvBuilder  *problems,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (self, error, _("Checking the store"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *problem = NULL;

      if (foreign_keys)
        problem = describe_foreign_key_problem (stmt);
      else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (problem != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (problem, -1);

          g_strv_builder_add (problems, valid);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      atlas_store_set_error (self, error, _("Checking the store"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    g_strv_builder_add (problems, sqlite3_errmsg (self->db));
  return TRUE;
}

/**
 * atlas_store_check:
 * @cancellable: (nullable): stops the check
 *
 * Reads every page of the store and checks its indexes and references: SQLite's
 * integrity_check and foreign_key_check. It takes seconds on a large store, so it runs on
 * request rather than at every start.
 *
 * Returns: (transfer full): the problems found, in words (empty when the store is sound), or
 *   %NULL with @error set when the check could not run
 */
GStrv
atlas_store_check (AtlasStore    *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  gboolean ran;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  g_set_object (&self->cancellable, cancellable);
  /* The full check of a large store is long work, not a runaway query. */
  self->time_limit_ms = G_MAXUINT / 2;
  ran = collect_problems (self, "PRAGMA integrity_check(100)", FALSE, problems, error) &&
        collect_problems (self, "PRAGMA foreign_key_check", TRUE, problems, error);
  self->time_limit_ms = DEFAULT_TIME_LIMIT_MS;
  g_clear_object (&self->cancellable);

  return ran ? g_strv_builder_end (problems) : NULL;
}
