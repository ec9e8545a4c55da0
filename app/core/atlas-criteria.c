/* atlas-criteria.c: a filter as the terms of SQL queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parameters are named, so that one set of bound criteria serves any query that uses
 * some of them, and an unused criterion costs nothing.
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts.h"
#include "atlas-criteria.h"
#include "atlas-date.h"
#include "atlas-query.h"

/* Record ids as a JSON array, for json_each(). */
char *
atlas_ids_json (const GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Strings (event kinds) as a JSON array. */
char *
atlas_strv_json (const char * const *strings)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; strings[i] != NULL; i++)
    {
      g_autoptr(GString) kind = g_string_new (strings[i]);

      g_string_replace (kind, "\\", "\\\\", 0);
      g_string_replace (kind, "\"", "\\\"", 0);
      g_string_append_printf (json, "%s\"%s\"", i ? "," : "", kind->str);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

void
atlas_criteria_clear (AtlasCriteria *criteria)
{
  g_clear_pointer (&criteria->from, g_free);
  g_clear_pointer (&criteria->to, g_free);
  g_clear_pointer (&criteria->fts, g_free);
  g_clear_pointer (&criteria->actors, g_free);
  g_clear_pointer (&criteria->corridors, g_free);
  g_clear_pointer (&criteria->places, g_free);
  g_clear_pointer (&criteria->kinds, g_free);
}

/* @date's first or last day into @day; FALSE with @error saying what a date is. */
static gboolean
filter_day (const char  *date,
            gboolean     last,
            char       **day,
            GError     **error)
{
  if (date == NULL)
    return TRUE;

  *day = last ? atlas_date_last_day (date) : atlas_date_first_day (date);
  if (*day == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"), date);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_criteria_init (AtlasCriteria           *criteria,
               const AtlasFilter  *filter,
               GError            **error)
{
  g_autofree char *begun_by = NULL;

  memset (criteria, 0, sizeof *criteria);
  if (filter == NULL)
    return TRUE;

  if (!filter_day (atlas_filter_get_from (filter), FALSE, &criteria->from, error) ||
      !filter_day (atlas_filter_get_to (filter), TRUE, &criteria->to, error) ||
      !filter_day (atlas_filter_get_begun_by (filter), TRUE, &begun_by, error))
    {
      atlas_criteria_clear (criteria);
      return FALSE;
    }
  /* Begun by a day bounds the first day as the filter's to date does: the nearer of the
   * two is all a query needs. */
  if (begun_by != NULL && (criteria->to == NULL || strcmp (begun_by, criteria->to) < 0))
    {
      g_free (criteria->to);
      criteria->to = g_steal_pointer (&begun_by);
    }

  criteria->fts = atlas_query_fts_expression (atlas_filter_get_text (filter));
  if (atlas_filter_get_ids (filter, ATLAS_FILTER_ACTORS)->len > 0)
    criteria->actors = atlas_ids_json (atlas_filter_get_ids (filter, ATLAS_FILTER_ACTORS));
  if (atlas_filter_get_ids (filter, ATLAS_FILTER_CORRIDORS)->len > 0)
    criteria->corridors = atlas_ids_json (atlas_filter_get_ids (filter, ATLAS_FILTER_CORRIDORS));
  if (atlas_filter_get_ids (filter, ATLAS_FILTER_PLACES)->len > 0)
    criteria->places = atlas_ids_json (atlas_filter_get_ids (filter, ATLAS_FILTER_PLACES));
  if (atlas_filter_get_kinds (filter)[0] != NULL)
    criteria->kinds = atlas_strv_json (atlas_filter_get_kinds (filter));
  criteria->with_excerpts = atlas_filter_get_with_excerpts (filter);
  criteria->disputed = atlas_filter_get_disputed (filter);

  return TRUE;
}

/* The terms on an event's own columns, each appended as " AND term". */
static void
append_column_terms (GString             *sql,
                     const AtlasCriteria *criteria)
{
  if (criteria->from != NULL)
    g_string_append (sql, " AND e.last_day >= :from");
  if (criteria->to != NULL)
    g_string_append (sql, " AND e.first_day <= :to");
  if (criteria->kinds != NULL)
    g_string_append (sql, " AND e.kind IN (SELECT value FROM json_each (:kinds))");
  if (criteria->places != NULL)
    g_string_append (sql, " AND e.place_id IN (SELECT value FROM json_each (:places))");
}

/* At most one query of event ids for each of actors, corridors, passages, disputes and words. */
#define N_ID_QUERIES 5

/* The terms met by a list of events, each a query of event ids; returns how many. An actor
 * stands for itself and for the people and bodies affiliated with it, so "Azerbaijan" finds
 * what its president did. */
static guint
collect_id_queries (const AtlasCriteria *criteria,
                    const char          *queries[N_ID_QUERIES])
{
  guint n = 0;

  if (criteria->actors != NULL)
    /* Written as a list of actors first, so SQLite walks event_actors by its actor index
     * instead of scanning it to test each row's affiliation. */
    queries[n++] = "SELECT event_id FROM event_actors WHERE actor_id IN"
                   " (SELECT value FROM json_each (:actors)"
                   " UNION SELECT id FROM actors WHERE affiliation_id IN"
                   " (SELECT value FROM json_each (:actors)))";
  if (criteria->corridors != NULL)
    queries[n++] = "SELECT event_id FROM event_corridors"
                   " WHERE corridor_id IN (SELECT value FROM json_each (:corridors))";
  if (criteria->with_excerpts)
    queries[n++] = "SELECT event_id FROM excerpt_links WHERE event_id IS NOT NULL";
  if (criteria->disputed)
    queries[n++] = ATLAS_SQL_DISPUTED_EVENTS;
  if (criteria->fts != NULL)
    queries[n++] = "SELECT rowid FROM event_search WHERE event_search MATCH :fts"
                   " UNION SELECT l.event_id FROM excerpt_links l"
                   " WHERE l.event_id IS NOT NULL AND l.excerpt_id IN"
                   " (SELECT rowid FROM excerpt_search WHERE excerpt_search MATCH :fts)";
  return n;
}

/* Appends the WHERE terms an event must meet; parameters are named so the same text can be
 * used inside other queries. */
void
atlas_criteria_append_event_terms (GString             *sql,
                                   const AtlasCriteria *criteria)
{
  const char *queries[N_ID_QUERIES];
  guint n = collect_id_queries (criteria, queries);

  append_column_terms (sql, criteria);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, " AND e.id IN (%s)", queries[i]);
}

/**
 * atlas_criteria_append_id_query:
 *
 * Where every term of @criteria is met by a list of events (actors, corridors, passages,
 * words), appends one query of those events' ids that does not read the events table:
 * nothing when there are no terms.
 *
 * Returns: %FALSE, appending nothing, when a term is on the events' own columns
 */
gboolean
atlas_criteria_append_id_query (GString             *sql,
                                const AtlasCriteria *criteria)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  const char *queries[N_ID_QUERIES];
  guint n = collect_id_queries (criteria, queries);

  append_column_terms (columns, criteria);
  if (columns->len > 0)
    return FALSE;
  /* Each in a query of its own: the words' is a UNION, and SQLite reads compound
   * operators from left to right, all of the same rank. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%sSELECT * FROM (%s)", i > 0 ? " INTERSECT " : "", queries[i]);
  return TRUE;
}

void
atlas_sql_bind_text (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
atlas_criteria_bind (sqlite3_stmt   *stmt,
               const AtlasCriteria *criteria)
{
  atlas_sql_bind_text (stmt, ":from", criteria->from);
  atlas_sql_bind_text (stmt, ":to", criteria->to);
  atlas_sql_bind_text (stmt, ":fts", criteria->fts);
  atlas_sql_bind_text (stmt, ":actors", criteria->actors);
  atlas_sql_bind_text (stmt, ":corridors", criteria->corridors);
  atlas_sql_bind_text (stmt, ":places", criteria->places);
  atlas_sql_bind_text (stmt, ":kinds", criteria->kinds);
  if (sqlite3_bind_parameter_index (stmt, ":id") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), criteria->id);
}

GArray *
atlas_sql_collect_ids (AtlasStore      *store,
             const char      *sql,
             const AtlasCriteria  *criteria,
             GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  atlas_criteria_bind (stmt, criteria);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Searching"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}
