/* atlas-store-sql.c: statements and transactions on a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement of the program goes through here: prepared once and cached, stepped with
 * errors in words, and every text read back as valid UTF-8, whatever the file holds.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"

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
  atlas_store_set_failure (self, error, sqlite3_extended_errcode (self->db),
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

/* Reads one number with a statement that is not kept. */
gboolean
atlas_store_query_int (AtlasStore  *self,
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
