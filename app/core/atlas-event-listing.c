/* atlas-event-listing.c: the events as CSV, for `caucasus-atlas --list events`, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store may hold a million events, so the listing is written as it is read, in constant
 * memory: no list of ids first, and no subquery run once an event, which is what cost the
 * time (at a million events, in SQLite's shell with the file mapped, the listing's statement
 * took 4.4 s with its subqueries for the actors and the excerpts and 1.9 s without them).
 * Instead one statement walks the filtered events in order with a row for each of their
 * actors, and a second walks the few events that have excerpts in the same order, with a
 * row for each excerpt; the two go along side by side. Names of places and actors are read
 * once each and kept (they are thousands where events are millions).
 *
 * The statements run in one read transaction: the first keeps it open while the second
 * starts, so both read the same events even while another program writes.
 */

#define G_LOG_DOMAIN "atlas-listing"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts.h"
#include "atlas-criteria.h"
#include "atlas-listing-private.h"
#include "atlas-participation.h"

/* The columns of the events' statement. */
enum
{
  EVENT_FIRST_DAY,   /* the order the two statements share: first day, last day, id */
  EVENT_LAST_DAY,
  EVENT_ID,
  EVENT_KEY,
  EVENT_START,
  EVENT_END,
  EVENT_PRECISION,
  EVENT_APPROXIMATE,
  EVENT_KIND,
  EVENT_TITLE,
  EVENT_SUMMARY,
  N_HELD,            /* the columns above are kept while the event's actors are read */
  EVENT_PLACE = N_HELD,
  EVENT_ACTOR,
};

/* The events in the order of the index of days, each with a row for each of its actors, in
 * the order of their ids (as group_concat() gave them before). EXPLAIN QUERY PLAN, on the
 * bundled store and on generated ones:
 *
 *   SCAN e USING INDEX events_timeline
 *   SEARCH ea USING PRIMARY KEY (event_id=?) LEFT-JOIN
 *
 * The index holds the two days and then the id, so nothing is sorted: the rows come as they
 * are read, in constant memory. With --from and --to the same, from "SEARCH e USING INDEX
 * events_timeline (first_day<?)". With --actor (or --text), which keep few events as a
 * rule, their ids first, then a sort:
 *
 *   SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
 *   LIST SUBQUERY 4
 *     SEARCH event_actors USING COVERING INDEX event_actors_actor (actor_id=?)
 *     ...
 *   SEARCH ea USING PRIMARY KEY (event_id=?) LEFT-JOIN
 *   USE TEMP B-TREE FOR ORDER BY
 *
 * (--text: "MULTI-INDEX OR" over the two search tables, each "SEARCH e USING INTEGER
 * PRIMARY KEY (rowid=?)", and the same sort.) */
static const char events_sql[] =
  "SELECT e.first_day, e.last_day, e.id, e.key, e.start, e.end, e.precision, e.approximate,"
  " e.kind, e.title, e.summary, e.place_id, ea.actor_id"
  " FROM events e LEFT JOIN event_actors ea ON ea.event_id = e.id WHERE 1";
static const char events_order[] = " ORDER BY e.first_day, e.last_day, e.id, ea.actor_id";

/* Without a filter of actors or words, which keep few events, the events alone, and their
 * actors from who takes part in what as the store keeps it in memory (read once, in the same
 * read transaction): looking each of a million events up in event_actors was half the
 * listing's time.
 *
 *   SCAN e USING INDEX events_timeline */
static const char events_alone_sql[] =
  "SELECT e.first_day, e.last_day, e.id, e.key, e.start, e.end, e.precision, e.approximate,"
  " e.kind, e.title, e.summary, e.place_id, NULL"
  " FROM events e WHERE 1";
static const char events_alone_order[] = " ORDER BY e.first_day, e.last_day, e.id";

/* Their excerpts, from the links, which are few beside the events, then sorted: the links
 * come first (CROSS JOIN), so that a million events are not each looked up in the links.
 * With any filter or none:
 *
 *   SEARCH xl USING COVERING INDEX excerpt_links_event (event_id>?)
 *   SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
 *   SEARCH x USING INTEGER PRIMARY KEY (rowid=?)
 *   USE TEMP B-TREE FOR ORDER BY
 *
 * 21,000 links of a million events are read and sorted in 13 ms. */
static const char excerpts_sql[] =
  "SELECT e.first_day, e.last_day, e.id, x.key FROM excerpt_links xl CROSS JOIN events e"
  " ON e.id = xl.event_id JOIN excerpts x ON x.id = xl.excerpt_id"
  " WHERE xl.event_id IS NOT NULL";
static const char excerpts_order[] = " ORDER BY e.first_day, e.last_day, e.id, xl.excerpt_id";
#define EXCERPT_KEY 3

static const char *header[] = {
  "id", "start", "end", "precision", "approximate", "kind", "title", "place", "actors",
  "summary", "excerpts", "disputed",
};

/* The event being read: its own columns, kept while the rows of its actors go by. */
typedef struct
{
  gint64   id;
  gint64   place_id;
  GString *text;               /* the columns, each ended by a NUL */
  gssize   starts[N_HELD];     /* where each starts in text, or -1 for NULL */
  GString *actors;
  guint    n_actors;
} Event;

static const char *
event_column (const Event *event,
              int          column)
{
  return event->starts[column] < 0 ? NULL : event->text->str + event->starts[column];
}

static void
event_hold (Event        *event,
            sqlite3_stmt *stmt,
            GPtrArray    *repaired)
{
  g_string_truncate (event->text, 0);
  g_string_truncate (event->actors, 0);
  event->n_actors = 0;
  event->id = sqlite3_column_int64 (stmt, EVENT_ID);
  event->place_id = sqlite3_column_int64 (stmt, EVENT_PLACE);
  for (int column = 0; column < N_HELD; column++)
    {
      const char *text = atlas_listing_column_text (stmt, column, repaired);

      event->starts[column] = text == NULL ? -1 : (gssize) event->text->len;
      if (text != NULL)
        g_string_append_len (event->text, text, strlen (text) + 1);
    }
}

/* Names of actors or places by id, read as they are first needed. */
typedef struct
{
  AtlasStore *store;
  const char *sql;
  GHashTable *names;   /* id (gint64 *) -> name, or NULL for none */
} Names;

/* Sets @name to the name of @id, or %NULL when there is none. */
static gboolean
names_lookup (Names       *names,
              gint64       id,
              const char **name,
              GError     **error)
{
  sqlite3_stmt *stmt;
  char *found = NULL;
  int rc;

  if (g_hash_table_lookup_extended (names->names, &id, NULL, (gpointer *) name))
    return TRUE;

  stmt = atlas_store_prepare (names->store, names->sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = atlas_store_dup_column (stmt, 0);
  else if (rc != SQLITE_DONE)
    atlas_store_set_error (names->store, error, _("Listing"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  g_hash_table_insert (names->names, g_memdup2 (&id, sizeof id), found);
  *name = found;
  return TRUE;
}

/* What the walk needs besides the events' statement. */
typedef struct
{
  AtlasStore     *store;
  AtlasCsvWriter *writer;
  sqlite3_stmt   *excerpts;
  int             excerpts_rc;   /* of its last step: SQLITE_ROW while it has a row */
  GString        *excerpt_keys;
  Names           places;
  Names           actors;
  GPtrArray      *repaired;
  gboolean          kept_actors;   /* the actors from the store's participation, not the rows */
  AtlasEventActors *participation; /* once the events' statement has begun */
  GHashTable       *disputed;      /* event ids (gint64 *), read once the statement has begun */
} Walk;

/* SQLite's order of two texts: NULL first, then by bytes. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}

/* The order of the excerpts' row against @event: below 0 for an earlier event. */
static int
compare_excerpt (sqlite3_stmt *excerpts,
                 const Event  *event)
{
  gint64 id = sqlite3_column_int64 (excerpts, EVENT_ID);
  int order;

  for (int column = EVENT_FIRST_DAY; column <= EVENT_LAST_DAY; column++)
    {
      order = compare_text ((const char *) sqlite3_column_text (excerpts, column),
                            event_column (event, column));
      if (order != 0)
        return order;
    }
  return (id > event->id) - (id < event->id);
}

/* The keys of @event's excerpts joined, or %NULL for none. Rows of the events it has
 * passed (none, as both statements read the same events) are skipped. */
static const char *
take_excerpts (Walk        *walk,
               const Event *event)
{
  guint n = 0;

  g_string_truncate (walk->excerpt_keys, 0);
  for (; walk->excerpts_rc == SQLITE_ROW; walk->excerpts_rc = sqlite3_step (walk->excerpts))
    {
      int order = compare_excerpt (walk->excerpts, event);
      const char *key;

      if (order > 0)
        break;
      key = order < 0 ? NULL
                      : atlas_listing_column_text (walk->excerpts, EXCERPT_KEY, walk->repaired);
      if (key == NULL)
        continue;
      if (n++ > 0)
        g_string_append_c (walk->excerpt_keys, ';');
      g_string_append (walk->excerpt_keys, key);
    }
  return n > 0 ? walk->excerpt_keys->str : NULL;
}

/* Writes the row of @event, whose actors have all been read. */
static gboolean
write_event (Walk         *walk,
             const Event  *event,
             GError      **error)
{
  const char *place = NULL;
  const char *fields[] = {
    event_column (event, EVENT_KEY), event_column (event, EVENT_START),
    event_column (event, EVENT_END), event_column (event, EVENT_PRECISION),
    event_column (event, EVENT_APPROXIMATE), event_column (event, EVENT_KIND),
    event_column (event, EVENT_TITLE), NULL,
    event->n_actors > 0 ? event->actors->str : NULL,
    event_column (event, EVENT_SUMMARY), take_excerpts (walk, event),
    g_hash_table_contains (walk->disputed, &event->id) ? "yes" : "no",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (header));

  if (event->place_id != 0 && !names_lookup (&walk->places, event->place_id, &place, error))
    return FALSE;
  fields[7] = place;
  return atlas_csv_writer_add_row (walk->writer, fields, G_N_ELEMENTS (fields), error);
}

/* Adds the actor on the events' current row to @event. */
static gboolean
add_actor (Walk          *walk,
           Event         *event,
           sqlite3_stmt  *events,
           GError       **error)
{
  const char *name = NULL;

  if (sqlite3_column_type (events, EVENT_ACTOR) == SQLITE_NULL)
    return TRUE;
  if (!names_lookup (&walk->actors, sqlite3_column_int64 (events, EVENT_ACTOR), &name, error))
    return FALSE;
  if (name == NULL)
    return TRUE;
  if (event->n_actors++ > 0)
    g_string_append (event->actors, "; ");
  g_string_append (event->actors, name);
  return TRUE;
}

/* Sets @event's actors from who takes part in what, in the order of their ids. */
static void
add_kept_actors (Walk  *walk,
                 Event *event)
{
  AtlasEventActors *participation = walk->participation;
  guint row = atlas_event_actors_find (participation, event->id);
  guint first, last;
  guint places[64];
  g_autofree guint *many = NULL;
  guint *sorted = places;

  if (row == G_MAXUINT)
    return;
  first = g_array_index (participation->starts, guint, row);
  last = g_array_index (participation->starts, guint, row + 1);
  if (last - first > G_N_ELEMENTS (places))
    sorted = many = g_new (guint, last - first);

  /* By id, as the rows of event_actors came: an insertion sort of a few. */
  for (guint i = 0; i < last - first; i++)
    {
      guint place = g_array_index (participation->actors, guint, first + i);
      gint64 id = g_array_index (participation->actor_ids, gint64, place);
      guint j = i;

      for (; j > 0 && g_array_index (participation->actor_ids, gint64, sorted[j - 1]) > id; j--)
        sorted[j] = sorted[j - 1];
      sorted[j] = place;
    }
  for (guint i = 0; i < last - first; i++)
    {
      if (event->n_actors++ > 0)
        g_string_append (event->actors, "; ");
      g_string_append (event->actors, g_ptr_array_index (participation->names, sorted[i]));
    }
}

/* The disputed events, which are few beside the events: asked once, rather than once an
 * event, in the read transaction the events' statement began. */
static GHashTable *
read_disputed (AtlasStore  *store,
               GError     **error)
{
  g_autoptr(GHashTable) disputed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = atlas_store_prepare (store, ATLAS_SQL_DISPUTED_EVENTS,
                                            error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (disputed, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Listing"));
      return NULL;
    }
  return g_steal_pointer (&disputed);
}

/* Walks the events, gathering each one's actors, and writes a row as each is complete. */
static gboolean
write_rows (Walk          *walk,
            sqlite3_stmt  *events,
            GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) actors = g_string_new (NULL);
  Event event = { .text = text, .actors = actors };
  gboolean holding = FALSE;
  int rc;

  /* The events' statement first: its read transaction is the one the others join. */
  rc = sqlite3_step (events);
  walk->excerpts_rc = sqlite3_step (walk->excerpts);
  if (walk->kept_actors && rc == SQLITE_ROW &&
      (walk->participation = atlas_query_ref_event_actors (walk->store, error)) == NULL)
    return FALSE;
  if (rc == SQLITE_ROW && (walk->disputed = read_disputed (walk->store, error)) == NULL)
    return FALSE;

  for (; rc == SQLITE_ROW; rc = sqlite3_step (events))
    {
      if (!holding || sqlite3_column_int64 (events, EVENT_ID) != event.id)
        {
          if (holding && !write_event (walk, &event, error))
            return FALSE;
          g_ptr_array_set_size (walk->repaired, 0);
          event_hold (&event, events, walk->repaired);
          holding = TRUE;
          if (walk->participation != NULL)
            add_kept_actors (walk, &event);
        }
      if (walk->participation == NULL && !add_actor (walk, &event, events, error))
        return FALSE;
    }

  if (rc == SQLITE_DONE && walk->excerpts_rc != SQLITE_ROW && walk->excerpts_rc != SQLITE_DONE)
    rc = walk->excerpts_rc;
  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (walk->store, error, _("Listing"));
      return FALSE;
    }
  return !holding || write_event (walk, &event, error);
}

/* Prepares @head, the filter's terms and @order, with the filter bound. */
static sqlite3_stmt *
prepare (AtlasStore           *store,
         const char           *head,
         const char           *order,
         const AtlasCriteria  *criteria,
         GError              **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  sqlite3_stmt *stmt;

  atlas_criteria_append_event_terms (sql, criteria);
  g_string_append (sql, order);
  stmt = atlas_store_prepare (store, sql->str, error);
  if (stmt != NULL)
    atlas_criteria_bind (stmt, criteria);
  return stmt;
}

/**
 * atlas_listing_write_events:
 * @filter: (nullable): which events
 *
 * Writes the header and a row for each event that meets @filter, by date, as they are read.
 */
gboolean
atlas_listing_write_events (AtlasStore         *store,
                            const AtlasFilter  *filter,
                            AtlasCsvWriter     *writer,
                            GError            **error)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autoptr(GString) excerpt_keys = g_string_new (NULL);
  g_autoptr(GPtrArray) repaired = g_ptr_array_new_with_free_func (g_free);
  Walk walk = {
    .store = store,
    .writer = writer,
    .excerpts_rc = SQLITE_DONE,
    .excerpt_keys = excerpt_keys,
    .places = { store, "SELECT name FROM places WHERE id = ?", places },
    .actors = { store, "SELECT name FROM actors WHERE id = ?", actors },
    .repaired = repaired,
  };
  sqlite3_stmt *events = NULL;
  AtlasCriteria criteria;
  gboolean written = FALSE;

  if (!atlas_criteria_init (&criteria, filter, error))
    return FALSE;
  walk.kept_actors = criteria.actors == NULL && criteria.fts == NULL;

  /* Two different texts, so that preparing the second does not reset the first (the store
   * keeps one statement for each text). */
  if ((events = prepare (store, walk.kept_actors ? events_alone_sql : events_sql,
                         walk.kept_actors ? events_alone_order : events_order,
                         &criteria, error)) != NULL &&
      (walk.excerpts = prepare (store, excerpts_sql, excerpts_order, &criteria, error)) != NULL &&
      atlas_csv_writer_add_row (writer, header, G_N_ELEMENTS (header), error))
    written = write_rows (&walk, events, error);

  /* Reset, so that the read transaction ends. */
  if (events != NULL)
    sqlite3_reset (events);
  if (walk.excerpts != NULL)
    sqlite3_reset (walk.excerpts);
  g_clear_pointer (&walk.participation, atlas_event_actors_unref);
  g_clear_pointer (&walk.disputed, g_hash_table_unref);
  atlas_criteria_clear (&criteria);
  return written;
}
