/* atlas-store-check.c: the full check of a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads every page of the store and checks its indexes and references, on request rather
 * than at every start, since it takes seconds on a large store.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"

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
  self->time_limit_ms = ATLAS_STORE_TIME_LIMIT_MS;
  g_clear_object (&self->cancellable);

  return ran ? g_strv_builder_end (problems) : NULL;
}
