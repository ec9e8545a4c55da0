/* atlas-store.c: the SQLite file that holds the atlas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store object: one connection to one store file, its statements, and the signal that
 * says what a committed change wrote. Opening is in atlas-store-open.c, statements and
 * transactions in atlas-store-sql.c, the connection's safeguards in
 * atlas-store-connection.c, changes in atlas-store-change.c and the full check in
 * atlas-store-check.c.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"
#include "atlas-store-schema.h"

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
  self->time_limit_ms = ATLAS_STORE_TIME_LIMIT_MS;
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

/* Says what failed (SQLite's result @rc), and why in words a person can act on: a lock is
 * not damage. */
void
atlas_store_set_failure (AtlasStore  *self,
                         GError     **error,
                         int          rc,
                         const char  *what,
                         const char  *message)
{
  int code = error_code_for_sqlite (rc);

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
  atlas_store_set_failure (self, error, sqlite3_extended_errcode (self->db), what,
                           sqlite3_errmsg (self->db));
}

sqlite3 *
atlas_store_get_db (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->db;
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
