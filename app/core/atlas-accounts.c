/* atlas-accounts.c: what each source says of an event the sources disagree on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where one article dates the Sharm el-Sheikh summit to 12 October and another to 13, the
 * event keeps both accounts rather than choosing: each with the date it gives or what it
 * says, and the excerpts of its own source behind it (the store refuses any other).
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts.h"
#include "atlas-date.h"

void
atlas_account_free (AtlasAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->key);
  g_free (account->date);
  g_free (account->description);
  g_free (account->source_name);
  g_clear_pointer (&account->excerpt_ids, g_array_unref);
  g_free (account);
}

static gboolean
read_excerpts (AtlasStore    *store,
               AtlasAccount  *account,
               GError       **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store,
                                            "SELECT x.id FROM event_account_excerpts ae"
                                            " JOIN excerpts x ON x.id = ae.excerpt_id"
                                            " WHERE ae.account_id = ? ORDER BY x.position, x.id",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  account->excerpt_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, account->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (account->excerpt_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading what the sources say"));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_query_event_accounts:
 *
 * Returns: (transfer full) (element-type AtlasAccount): the accounts of @event_id, those
 *   that give a date by that date first; none for an event the sources agree on. %NULL with
 *   @error set when the store could not be read.
 */
GPtrArray *
atlas_query_event_accounts (AtlasStore  *store,
                            gint64       event_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_account_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store,
                              "SELECT a.id, a.key, a.date, a.description, s.id,"
                              " coalesce (s.author, s.publication), s.kind = 'reference'"
                              " FROM event_accounts a JOIN sources s ON s.id = a.source_id"
                              " WHERE a.event_id = ? ORDER BY a.date IS NULL, a.date, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasAccount *account = g_new0 (AtlasAccount, 1);

      account->id = sqlite3_column_int64 (stmt, 0);
      account->key = atlas_store_dup_column (stmt, 1);
      account->date = atlas_store_dup_column (stmt, 2);
      account->description = atlas_store_dup_column (stmt, 3);
      account->source_id = sqlite3_column_int64 (stmt, 4);
      account->source_name = atlas_store_dup_column (stmt, 5);
      account->reference = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (accounts, account);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading what the sources say"));
      return NULL;
    }

  /* After the accounts' statement is done: the store keeps one statement for each text. */
  for (guint i = 0; i < accounts->len; i++)
    if (!read_excerpts (store, g_ptr_array_index (accounts, i), error))
      return NULL;

  return g_steal_pointer (&accounts);
}

/**
 * atlas_account_dup_heading:
 *
 * Returns: (transfer full): whose account it is and the date it gives: "Vasif Huseynov:
 *   12 October 2025", or "According to Stephen Blank" when it gives none
 */
char *
atlas_account_dup_heading (const AtlasAccount *account)
{
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (account != NULL, NULL);

  source = account->reference
    /* Translators: the source of an account that is a reference page, not a document */
    ? g_strdup_printf (_("%s (reference)"), account->source_name)
    : g_strdup (account->source_name);
  if (account->date == NULL)
    /* Translators: an account of an event that gives no date: whose it is */
    return g_strdup_printf (_("According to %s"), source);
  date = atlas_date_format (account->date);
  /* Translators: an account of an event: whose it is, and the date it gives */
  return g_strdup_printf (_("%s: %s"), source, date);
}
