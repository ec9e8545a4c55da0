/* fuzz-saved-view.c: a saved view's state, as any text a store may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store is a file people mail to each other, so a saved view's state is hostile text. The
 * input is written as the state of a view, which is then opened into a session the way
 * --view and the Saved Views menu do (text -> GVariant -> filter, selection, date, map), and
 * the session's filter is run as the event list would run it.
 */

#include "config.h"

#include "atlas-query.h"
#include "atlas-saved-views.h"
#include "fuzz-util.h"

static void
put_state (AtlasStore    *store,
           const uint8_t *data,
           size_t         size)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = atlas_store_prepare (store, "INSERT INTO saved_views (name, state) VALUES ('fuzz', ?)"
                                     " ON CONFLICT (name) DO UPDATE SET state = excluded.state",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, (const char *) data, size, SQLITE_TRANSIENT);
  atlas_store_step_done (store, stmt, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  AtlasStore *store = fuzz_get_small_store ();
  g_autoptr(AtlasSession) session = atlas_session_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *lanes = NULL;
  g_autoptr(GArray) events = NULL;

  put_state (store, data, size);
  if (!atlas_saved_views_open (session, "fuzz", &lanes, &error))
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }

  /* A view whose filter cannot be run (a "from" that is not a date) still opens today, and
   * the query then says why: a message, not a crash, is what is checked here. */
  g_assert_no_error (error);
  events = atlas_query_events (store, atlas_session_get_filter (session), &error);
  g_assert_true (events != NULL || (error != NULL && error->message != NULL));
  return 0;
}
