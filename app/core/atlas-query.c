/* atlas-query.c: a filter in, record ids out, all in SQL and FTS5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views never filter objects themselves: they ask for ids here and show those. The SQL is
 * put together from the criteria the filter has, so that an unused criterion costs nothing;
 * each shape of query is prepared once and cached by the store.
 */

#define G_LOG_DOMAIN "atlas-query"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-as-of.h"
#include "atlas-criteria.h"
#include "atlas-date.h"
#include "atlas-query.h"
#include "atlas-text.h"

/**
 * atlas_query_fts_expression:
 * @text: words as a person types them
 *
 * Returns: an FTS5 query that finds rows holding every word, each as a prefix, with FTS5's
 *   own syntax characters quoted away; %NULL when @text has no words.
 */
char *
atlas_query_fts_expression (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *query;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (words[i]);

      if (word->len == 0)
        continue;

      g_string_replace (word, "\"", "\"\"", 0);
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", word->str);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/**
 * atlas_query_events:
 *
 * Returns: (transfer full): the ids of the events that meet @filter, by date
 */
GArray *
atlas_query_events (AtlasStore         *store,
                    const AtlasFilter  *filter,
                    GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.id FROM events e WHERE 1");
  AtlasCriteria criteria;
  GArray *ids;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;

  atlas_criteria_append_event_terms (sql, &criteria);
  g_string_append (sql, " ORDER BY e.first_day, e.last_day, e.id");
  ids = atlas_sql_collect_ids (store, sql->str, &criteria, error);
  atlas_criteria_clear (&criteria);
  return ids;
}

/* A LIKE pattern finding @text anywhere in a folded name; typed % and _ are letters, not
 * wildcards. An empty @text gives "%%", which finds everything. */
static char *
like_pattern (const char *text)
{
  g_autofree char *folded = g_strstrip (atlas_text_fold (text ? text : ""));
  g_autoptr(GString) pattern = g_string_new (folded);

  g_string_replace (pattern, "\\", "\\\\", 0);
  g_string_replace (pattern, "%", "\\%", 0);
  g_string_replace (pattern, "_", "\\_", 0);
  return g_strdup_printf ("%%%s%%", pattern->str);
}

/**
 * atlas_query_places_named:
 * @text: part of any name of a place, in any language or spelling
 *
 * Returns: (transfer full): ids of the places with a name holding @text, those whose name
 *   starts with it first, then capitals before cities before towns
 */
GArray *
atlas_query_places_named (AtlasStore  *store,
                          const char  *text,
                          GError     **error)
{
  AtlasCriteria criteria = { 0 };
  GArray *ids;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  criteria.fts = like_pattern (text);
  ids = atlas_sql_collect_ids (store,
                     "SELECT p.id FROM places p JOIN names n ON n.place_id = p.id"
                     " WHERE n.folded LIKE :fts ESCAPE '\\'"
                     " GROUP BY p.id"
                     " ORDER BY max (n.folded LIKE substr (:fts, 2) ESCAPE '\\') DESC,"
                     " CASE p.kind WHEN 'capital' THEN 0 WHEN 'city' THEN 1 WHEN 'port' THEN 1"
                     " WHEN 'region' THEN 2 ELSE 3 END, p.name COLLATE NOCASE",
                     &criteria, error);
  atlas_criteria_clear (&criteria);
  return ids;
}

/**
 * atlas_query_actors_named:
 * @text: part of any name of an actor, in any language or spelling
 *
 * Returns: (transfer full): ids of the actors with a name containing @text (all actors when
 *   @text is empty), by kind and name
 */
GArray *
atlas_query_actors_named (AtlasStore  *store,
                          const char  *text,
                          GError     **error)
{
  AtlasCriteria criteria = { 0 };
  GArray *ids;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  criteria.fts = like_pattern (text);

  ids = atlas_sql_collect_ids (store,
                     "SELECT a.id FROM actors a WHERE :fts = '%%' OR a.id IN"
                     " (SELECT actor_id FROM names WHERE actor_id IS NOT NULL"
                     " AND folded LIKE :fts ESCAPE '\\')"
                     " ORDER BY CASE a.kind WHEN 'state' THEN 0 WHEN 'person' THEN 1"
                     " WHEN 'organisation' THEN 2 WHEN 'alliance' THEN 3 ELSE 4 END,"
                     " a.name COLLATE NOCASE",
                     &criteria, error);
  atlas_criteria_clear (&criteria);
  return ids;
}

/**
 * atlas_query_resolve_actor:
 * @name: any name of one actor, in any language or spelling
 * @actor_id: (out): the actor
 *
 * Finds the one actor @name means: an exact name first, else the only actor whose name
 * contains it. Several candidates or none is an error that names them.
 */
gboolean
atlas_query_resolve_actor (AtlasStore  *store,
                           const char  *name,
                           gint64      *actor_id,
                           GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) candidates = NULL;
  sqlite3_stmt *stmt;
  gboolean first_exact = FALSE;
  guint found = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_strstrip (atlas_text_fold (name));
  stmt = atlas_store_prepare (store,
                              "SELECT a.id, a.name, max (n.folded = ?1) AS exact FROM actors a"
                              " JOIN names n ON n.actor_id = a.id"
                              " WHERE n.folded = ?1 OR instr (n.folded, ?1) > 0"
                              " GROUP BY a.id ORDER BY exact DESC, a.name", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_TRANSIENT);
  candidates = g_string_new (NULL);
  while (*folded != '\0' && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean exact = sqlite3_column_int (stmt, 2);
      g_autofree char *candidate = NULL;

      if (found == 0)
        {
          *actor_id = sqlite3_column_int64 (stmt, 0);
          first_exact = exact;
        }
      else if (first_exact && !exact)
        break;  /* a name given whole outranks the names that merely contain it */
      found++;
      candidate = atlas_store_dup_column (stmt, 1);
      g_string_append_printf (candidates, "%s%s", candidates->len ? ", " : "", candidate);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      /* A failed step is not a missing name, and the candidates so far may not be all. */
      atlas_store_set_error (store, error, _("Looking up an actor"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (found == 1)
    return TRUE;

  if (found == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No actor is called “%s”."), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” could mean several actors: %s. Give a fuller name."),
                 name, candidates->str);
  return FALSE;
}

/**
 * atlas_query_excerpts_for_item:
 * @item: the selected item
 *
 * Returns: (transfer full): the excerpts behind @item: an event's or relation's own, an
 *   actor's, place's, corridor's or zone's own plus those of its events, in source order
 */
GArray *
atlas_query_excerpts_for_item (AtlasStore       *store,
                               const AtlasItem  *item,
                               GError          **error)
{
  static const char * const statements[] = {
    [ATLAS_ITEM_EVENT] = "l.event_id = :id",
    [ATLAS_ITEM_RELATION] = "l.relation_id = :id",
    [ATLAS_ITEM_ACTOR] = "l.actor_id = :id OR l.event_id IN"
                         " (SELECT event_id FROM event_actors WHERE actor_id = :id)",
    [ATLAS_ITEM_PLACE] = "l.place_id = :id OR l.event_id IN"
                         " (SELECT id FROM events WHERE place_id = :id)",
    [ATLAS_ITEM_CORRIDOR] = "l.corridor_id = :id OR l.event_id IN"
                            " (SELECT event_id FROM event_corridors WHERE corridor_id = :id)"
                            " OR l.status_id IN (SELECT id FROM corridor_status"
                            " WHERE corridor_id = :id)",
    [ATLAS_ITEM_ZONE] = "l.zone_id = :id OR l.event_id IN"
                        " (SELECT event_id FROM event_zones WHERE zone_id = :id)",
  };
  g_autofree char *sql = NULL;
  AtlasCriteria criteria = { .id = item ? item->id : 0 };
  GArray *ids;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == ATLAS_ITEM_EXCERPT)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, item->id);
      return ids;
    }
  if (item->kind >= G_N_ELEMENTS (statements) || statements[item->kind] == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  sql = g_strdup_printf ("SELECT x.id FROM excerpts x JOIN sources s ON s.id = x.source_id"
                         " WHERE x.id IN (SELECT l.excerpt_id FROM excerpt_links l WHERE %s)"
                         " ORDER BY s.date, s.id, x.position, x.id", statements[item->kind]);
  return atlas_sql_collect_ids (store, sql, &criteria, error);
}

/**
 * atlas_query_event_actors:
 *
 * Returns: (transfer full): the actors of an event, states first
 */
GArray *
atlas_query_event_actors (AtlasStore  *store,
                          gint64       event_id,
                          GError     **error)
{
  AtlasCriteria criteria = { .id = event_id };

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  return atlas_sql_collect_ids (store,
                      "SELECT a.id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
                      " WHERE ea.event_id = :id ORDER BY a.kind <> 'state', a.name",
                      &criteria, error);
}

static gpointer
read_name (sqlite3_stmt *stmt)
{
  AtlasName *name = g_new0 (AtlasName, 1);

  name->lang = atlas_store_dup_column (stmt, 0);
  name->name = atlas_store_dup_column (stmt, 1);
  return name;
}

/**
 * atlas_query_other_names:
 *
 * Returns: (transfer full) (element-type AtlasName): the names of an actor or place other
 *   than its English display name, by language
 */
GPtrArray *
atlas_query_other_names (AtlasStore       *store,
                         const AtlasItem  *item,
                         GError          **error)
{
  const char *sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  switch (item->kind)
    {
    case ATLAS_ITEM_ACTOR:
      sql = "SELECT lang, name FROM names WHERE actor_id = ? AND lang IS NOT 'en'"
            " ORDER BY lang IS NULL, lang, id";
      break;
    case ATLAS_ITEM_PLACE:
      sql = "SELECT lang, name FROM names WHERE place_id = ? AND lang IS NOT 'en'"
            " ORDER BY lang IS NULL, lang, id";
      break;
    case ATLAS_ITEM_CORRIDOR:
      sql = "SELECT lang, name FROM names WHERE corridor_id = ? AND lang IS NOT 'en'"
            " ORDER BY lang IS NULL, lang, id";
      break;
    case ATLAS_ITEM_ZONE:
      sql = "SELECT lang, name FROM names WHERE zone_id = ? AND lang IS NOT 'en'"
            " ORDER BY lang IS NULL, lang, id";
      break;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_EVENT:
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    default:
      return g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_name_free);
    }

  stmt = atlas_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, item->id);
  return atlas_store_read_rows (store, stmt, read_name, (GDestroyNotify) atlas_name_free,
                                _("Reading names"), error);
}

void
atlas_name_free (AtlasName *name)
{
  g_free (name->lang);
  g_free (name->name);
  g_free (name);
}

/**
 * atlas_query_event_places:
 * @filter: (nullable): which events
 * @until: (nullable): "YYYY-MM-DD": only events begun by then
 *
 * Returns: (transfer full) (element-type AtlasEventPlace): the events that meet @filter and
 *   have a place, with their places, by place
 */
GArray *
atlas_query_event_places (AtlasStore         *store,
                          const AtlasFilter  *filter,
                          const char         *until,
                          GError            **error)
{
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (AtlasEventPlace));
  g_autoptr(GString) sql = g_string_new ("SELECT e.id, e.place_id,"
                                         " CAST (julianday (e.first_day) AS INTEGER) FROM events e"
                                         " WHERE e.place_id IS NOT NULL");
  AtlasCriteria criteria;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;

  atlas_criteria_append_event_terms (sql, &criteria);
  if (until != NULL)
    g_string_append (sql, " AND e.first_day <= :until");
  g_string_append (sql, " ORDER BY e.place_id, e.first_day, e.id");

  stmt = atlas_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    {
      atlas_criteria_clear (&criteria);
      return NULL;
    }
  atlas_criteria_bind (stmt, &criteria);
  atlas_sql_bind_text (stmt, ":until", until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasEventPlace pair = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                               sqlite3_column_int (stmt, 2) };

      g_array_append_val (places, pair);
    }
  sqlite3_reset (stmt);
  atlas_criteria_clear (&criteria);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Searching"));
      return NULL;
    }

  return g_steal_pointer (&places);
}

/* By first day, then last day, then id: the events' order everywhere. Day numbers sort as
 * the ISO dates they come from. */
static int
compare_timeline_events (gconstpointer a,
                         gconstpointer b)
{
  const AtlasTimelineEvent *x = a, *y = b;

  if (x->first_day != y->first_day)
    return x->first_day < y->first_day ? -1 : 1;
  if (x->last_day != y->last_day)
    return x->last_day < y->last_day ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* The day number of an ISO date, and the text it was counted from. */
typedef struct
{
  char text[16];
  int  number;
} DayMemo;

/* atlas_date_to_number() of @date, or the number @memo holds when @date is its text. */
static int
day_number (DayMemo    *memo,
            const char *date)
{
  if (date == NULL)
    return atlas_date_to_number (NULL);
  if (strcmp (memo->text, date) != 0)
    {
      memo->number = atlas_date_to_number (date);
      g_strlcpy (memo->text, date, sizeof memo->text);
      /* A date too long to keep is counted every time. */
      if (strlen (date) >= sizeof memo->text)
        memo->text[0] = '\0';
    }
  return memo->number;
}

/* Whether @events are in compare_timeline_events() order already, as the index gives them. */
static gboolean
timeline_sorted (GArray *events)
{
  for (guint i = 1; i < events->len; i++)
    if (compare_timeline_events (&g_array_index (events, AtlasTimelineEvent, i - 1),
                                 &g_array_index (events, AtlasTimelineEvent, i)) > 0)
      return FALSE;
  return TRUE;
}

/**
 * atlas_query_timeline:
 * @filter: (nullable): which events
 *
 * Returns: (transfer full) (element-type AtlasTimelineEvent): the events that meet @filter,
 *   with the first and last day they can cover as day numbers, by first day
 */
GArray *
atlas_query_timeline (AtlasStore         *store,
                      const AtlasFilter  *filter,
                      GError            **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineEvent));
  /* The days are read as text and counted here: SQLite's julianday() was half the query's
   * time at a million events. */
  g_autoptr(GString) sql = g_string_new ("SELECT e.id, e.first_day, e.last_day,"
                                         " length (e.start), e.end IS NOT NULL, e.kind,"
                                         " e.place_id FROM events e WHERE 1");
  AtlasParticipationRead *participation;
  AtlasCriteria criteria;
  DayMemo first_days = { "", 0 }, last_days = { "", 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!atlas_criteria_init (&criteria, filter, error))
    return NULL;

  /* Ordered by the covering index events_timeline, which holds every column read: at a
   * million events, walking it costs SQLite less than sorting the rows here would.
   *   SCAN e USING INDEX events_timeline
   * A filter that finds few events through another index has them sorted by SQLite. */
  atlas_criteria_append_event_terms (sql, &criteria);
  g_string_append (sql, " ORDER BY e.first_day, e.last_day, e.id");
  stmt = atlas_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    {
      atlas_criteria_clear (&criteria);
      return NULL;
    }
  /* The events' first actors come from who takes part in what, read the first time beside
   * the events rather than after them. */
  participation = atlas_query_start_participation (store);
  atlas_criteria_bind (stmt, &criteria);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasTimelineEvent *event;
      int length = sqlite3_column_int (stmt, 3);
      const char *kind = (const char *) sqlite3_column_text (stmt, 5);
      int kind_length = sqlite3_column_bytes (stmt, 5);
      const char *first_day = (const char *) sqlite3_column_text (stmt, 1);
      const char *last_day = (const char *) sqlite3_column_text (stmt, 2);

      /* Filled in place, and the kind copied from SQLite's own text: a million events made
       * a million copies and allocations otherwise. */
      g_array_set_size (events, events->len + 1);
      event = &g_array_index (events, AtlasTimelineEvent, events->len - 1);
      memset (event, 0, sizeof *event);
      event->id = sqlite3_column_int64 (stmt, 0);
      /* By date, a day comes many times in a row: it is counted once. */
      event->first_day = day_number (&first_days, first_day);
      event->last_day = g_strcmp0 (last_day, first_day) == 0 ? event->first_day
                                                             : day_number (&last_days, last_day);
      event->precision = length == 10 ? 2 : length == 7 ? 1 : 0;
      event->has_end = sqlite3_column_int (stmt, 4);
      /* Every kind is a short word: a longer one is none of them, and is not cut. Text
       * that is not UTF-8 is repaired, and reported, as every column read is. */
      if (kind != NULL && kind_length < (int) sizeof event->kind &&
          g_utf8_validate_len (kind, kind_length, NULL))
        memcpy (event->kind, kind, kind_length + 1);
      else if (kind != NULL)
        {
          g_autofree char *repaired = atlas_store_dup_column (stmt, 5);

          if (strlen (repaired) < sizeof event->kind)
            strcpy (event->kind, repaired);
        }
      event->place_id = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  atlas_criteria_clear (&criteria);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Searching"));
      atlas_query_finish_participation (store, participation);
      return NULL;
    }

  if (!timeline_sorted (events))
    g_array_sort (events, compare_timeline_events);
  atlas_query_finish_participation (store, participation);
  if (!atlas_query_fill_first_actors (store, events, error))
    return NULL;
  return g_steal_pointer (&events);
}

/* The first event an excerpt backs, by date, or 0. */
gint64
atlas_query_excerpt_event (AtlasStore *store,
                           gint64      excerpt_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ATLAS_IS_STORE (store), 0);

  stmt = atlas_store_prepare (store, "SELECT e.id FROM excerpt_links l JOIN events e ON e.id = l.event_id"
                                     " WHERE l.excerpt_id = ? ORDER BY e.first_day LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, excerpt_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

void
atlas_relation_row_free (AtlasRelationRow *row)
{
  g_free (row->kind);
  g_free (row->title);
  g_free (row->other_name);
  g_free (row->from);
  g_free (row->to);
  g_free (row->reported);
  g_free (row);
}

static gpointer
read_relation (sqlite3_stmt *stmt)
{
  AtlasRelationRow *row = g_new0 (AtlasRelationRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = atlas_store_dup_column (stmt, 1);
  row->title = atlas_store_dup_column (stmt, 2);
  row->other_id = sqlite3_column_int64 (stmt, 3);
  row->other_name = atlas_store_dup_column (stmt, 4);
  row->from = atlas_store_dup_column (stmt, 5);
  row->to = atlas_store_dup_column (stmt, 6);
  if (row->from == NULL)
    {
      g_autofree char *dates = atlas_store_dup_column (stmt, 7);

      row->reported = atlas_first_report (dates);
    }
  return row;
}

/**
 * atlas_query_relations:
 * @day: (nullable): "YYYY-MM-DD": only relations that hold then (see atlas-as-of.c), by
 *   their known dates or, lacking a start, from their first report; %NULL for all
 *
 * Returns: (transfer full) (element-type AtlasRelationRow): the relations of an actor, with
 *   the other actor of each, by start
 */
GPtrArray *
atlas_query_relations (AtlasStore  *store,
                       gint64       actor_id,
                       const char  *day,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store,
                              "SELECT r.id, r.kind, r.title, o.id, o.name, r.valid_from, r.valid_to,"
                              ATLAS_SQL_RELATION_REPORTS ("r.id")
                              " FROM relations r JOIN actors o"
                              "  ON o.id = CASE WHEN r.actor_a = ?1 THEN r.actor_b ELSE r.actor_a END"
                              " WHERE r.actor_a = ?1 OR r.actor_b = ?1"
                              " ORDER BY r.valid_from, o.name", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  rows = atlas_store_read_rows (store, stmt, read_relation, (GDestroyNotify) atlas_relation_row_free,
                                _("Reading relations"), error);
  for (guint i = rows != NULL ? rows->len : 0; day != NULL && i-- > 0; )
    {
      const AtlasRelationRow *row = g_ptr_array_index (rows, i);

      if (!atlas_relation_in_force (row->from, row->to, row->reported, day))
        g_ptr_array_remove_index (rows, i);
    }
  return rows;
}

void
atlas_status_row_free (AtlasStatusRow *row)
{
  g_free (row->date);
  g_free (row->status);
  g_free (row->note);
  g_free (row->kind);
  g_free (row);
}

static gpointer
read_status (sqlite3_stmt *stmt)
{
  AtlasStatusRow *row = g_new0 (AtlasStatusRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->date = atlas_store_dup_column (stmt, 1);
  row->status = atlas_store_dup_column (stmt, 2);
  row->note = atlas_store_dup_column (stmt, 3);
  row->kind = atlas_store_dup_column (stmt, 4);
  return row;
}

/**
 * atlas_query_status_history:
 *
 * Returns: (transfer full) (element-type AtlasStatusRow): a corridor's status changes and
 *   reports, by date: one history of both kinds
 */
GPtrArray *
atlas_query_status_history (AtlasStore  *store,
                            gint64       corridor_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store, "SELECT id, date, status, note, kind FROM corridor_status"
                                     " WHERE corridor_id = ? ORDER BY first_day, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, corridor_id);
  return atlas_store_read_rows (store, stmt, read_status, (GDestroyNotify) atlas_status_row_free,
                                _("Reading status changes"), error);
}

/**
 * atlas_status_history_at:
 * @history: (element-type AtlasStatusRow): a corridor's history
 * @day: (nullable): "YYYY-MM-DD", or %NULL for all that is known
 *
 * Returns: (nullable): the row of @history that says what the corridor is on @day, by the
 *   rule of atlas-as-of.c; %NULL when nothing is known of it then
 */
const AtlasStatusRow *
atlas_status_history_at (GPtrArray  *history,
                         const char *day)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (AtlasStatusEntry));
  const AtlasStatusEntry *decides;

  for (guint i = 0; i < history->len; i++)
    {
      const AtlasStatusRow *row = g_ptr_array_index (history, i);
      AtlasStatusEntry entry;

      if (atlas_status_entry_init (&entry, row->date, row->status, row->kind, i))
        g_array_append_val (entries, entry);
    }
  g_array_sort (entries, atlas_status_entry_compare);

  decides = atlas_status_at ((const AtlasStatusEntry *) entries->data, entries->len, day);
  return decides != NULL ? g_ptr_array_index (history, decides->id) : NULL;
}

/**
 * atlas_query_status_excerpts:
 *
 * Returns: (transfer full): the excerpts behind a status row, in source order
 */
GArray *
atlas_query_status_excerpts (AtlasStore  *store,
                             gint64       status_id,
                             GError     **error)
{
  AtlasCriteria criteria = { .id = status_id };

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  return atlas_sql_collect_ids (store,
                                "SELECT x.id FROM excerpt_links l JOIN excerpts x"
                                " ON x.id = l.excerpt_id JOIN sources s ON s.id = x.source_id"
                                " WHERE l.status_id = :id ORDER BY s.date, s.id, x.position, x.id",
                                &criteria, error);
}

void
atlas_source_row_free (AtlasSourceRow *row)
{
  g_free (row->author);
  g_free (row->title);
  g_free (row->publication);
  g_free (row->date);
  g_free (row->url);
  g_free (row);
}

static gpointer
read_source (sqlite3_stmt *stmt)
{
  AtlasSourceRow *row = g_new0 (AtlasSourceRow, 1);

  row->author = atlas_store_dup_column (stmt, 0);
  row->title = atlas_store_dup_column (stmt, 1);
  row->publication = atlas_store_dup_column (stmt, 2);
  row->date = atlas_store_dup_column (stmt, 3);
  row->n_excerpts = sqlite3_column_int (stmt, 4);
  row->reference = sqlite3_column_int (stmt, 5) != 0;
  row->url = atlas_store_dup_column (stmt, 6);
  return row;
}

/**
 * atlas_query_sources_of:
 * @excerpt_ids: (element-type gint64): excerpts, as atlas_query_excerpts() gives them
 *
 * Returns: (transfer full) (element-type AtlasSourceRow): the sources the excerpts come
 *   from, each once, by date and title
 */
GPtrArray *
atlas_query_sources_of (AtlasStore    *store,
                        const GArray  *excerpt_ids,
                        GError       **error)
{
  g_autofree char *ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store, "SELECT s.author, s.title, s.publication, s.date, count (*),"
                                     " s.kind = 'reference', s.url"
                                     " FROM json_each (?) j JOIN excerpts x ON x.id = j.value"
                                     " JOIN sources s ON s.id = x.source_id"
                                     " GROUP BY s.id ORDER BY s.date, s.title", error);
  if (stmt == NULL)
    return NULL;

  ids = atlas_ids_json (excerpt_ids);
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_TRANSIENT);
  return atlas_store_read_rows (store, stmt, read_source, (GDestroyNotify) atlas_source_row_free,
                                _("Reading sources"), error);
}
