/* fuzz-fts.c: the words filter, made into an FTS5 query and run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a person types into the words filter must become an FTS5 expression that SQLite
 * accepts: a query that fails is a bug here, as the list would show an error instead of
 * finding nothing. So both the expression and the queries that use it are checked.
 */

#include "config.h"

#include "atlas-passages.h"
#include "atlas-query.h"
#include "fuzz-util.h"

static void
check_expression (AtlasStore *store,
                  const char *expression)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = atlas_store_prepare (store, "SELECT count(*) FROM event_search WHERE event_search MATCH ?",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("FTS5 refused “%s”: %s", expression, sqlite3_errmsg (atlas_store_get_db (store)));
  sqlite3_reset (stmt);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  AtlasStore *store = fuzz_get_small_store ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *expression = atlas_query_fts_expression (text);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) excerpts = NULL;
  g_autoptr(GError) error = NULL;

  if (expression != NULL)
    check_expression (store, expression);

  atlas_filter_set_text (filter, text);
  events = atlas_query_events (store, filter, &error);
  g_assert_no_error (error);
  excerpts = atlas_query_excerpts (store, filter, &error);
  g_assert_no_error (error);
  return 0;
}
