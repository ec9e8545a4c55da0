/* atlas-store-connection.c: the safeguards of a connection to a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store is a file people mail to each other, so its connection is defensive: no
 * extension loading, no writable schema, limits on sizes, and a time limit on every run of
 * SQLite's engine, so that no query runs unbounded. Its one trace callback also counts the
 * statements run.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include "atlas-store-private.h"

/* Progress callbacks come every this many engine steps, well under a millisecond apart. */
#define PROGRESS_STEPS 10000

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
        {
          self->statement_count++;
          /* G_MESSAGES_DEBUG=atlas-store shows what the program asks of the store. */
          g_debug ("Statement %" G_GUINT64_FORMAT ": %s", self->statement_count, (const char *) x);
        }
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
void
atlas_store_harden_connection (AtlasStore *self)
{
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, ATLAS_STORE_BUSY_TIMEOUT_MS);
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
