/* atlas-listing.c: the records of one kind as CSV, for `caucasus-atlas --list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each listing is one SQL statement whose columns are the CSV's, written as its rows are
 * read, a chunk at a time, so that a listing of any length takes the same memory. Events,
 * which may be millions, are read by statements of their own (atlas-event-listing.c);
 * excerpts, a few thousand, go through atlas-query first and are then read in the order it
 * gave, through json_each(). What corridors and zones were on a day ("as of") is worked out
 * by the rules the map uses (atlas-as-of.c, atlas_zone_valid_at()), row by row, into columns
 * the statement leaves empty.
 */

#define G_LOG_DOMAIN "atlas-listing"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-listing.h"
#include "atlas-listing-private.h"
#include "atlas-as-of.h"
#include "atlas-criteria.h"
#include "atlas-date.h"
#include "atlas-features.h"
#include "atlas-passages.h"
#include "atlas-query.h"

#define MAX_COLUMNS 12

/* Fills the columns of a row that the statement leaves empty, from the row and the day (or
 * %NULL: all that is known); the strings it makes go into @owned, freed after the row. */
typedef gboolean (*ComputeFunc) (AtlasStore    *store,
                                 sqlite3_stmt  *stmt,
                                 const char    *day,
                                 const char   **fields,
                                 GPtrArray     *owned,
                                 GError       **error);

typedef struct
{
  const char *name;
  const char *header[MAX_COLUMNS];
  const char *sql;
  ComputeFunc compute;   /* or NULL */
} ListingSpec;

/* The status, its date and its kind into the corridors' columns 3 to 5, from the corridor
 * whose id the statement gives after the header, in column 9. */
static gboolean
compute_corridor_status (AtlasStore    *store,
                         sqlite3_stmt  *stmt,
                         const char    *day,
                         const char   **fields,
                         GPtrArray     *owned,
                         GError       **error)
{
  g_autoptr(GPtrArray) history = atlas_query_status_history (store,
                                                             sqlite3_column_int64 (stmt, 9),
                                                             error);
  const AtlasStatusRow *decides;

  if (history == NULL)
    return FALSE;

  decides = atlas_status_history_at (history, day);
  if (decides == NULL)
    {
      fields[5] = "not-known";
      return TRUE;
    }
  g_ptr_array_add (owned, g_strdup (decides->status));
  fields[3] = g_ptr_array_index (owned, owned->len - 1);
  g_ptr_array_add (owned, g_strdup (decides->date));
  fields[4] = g_ptr_array_index (owned, owned->len - 1);
  fields[5] = g_strcmp0 (decides->kind, "report") == 0 ? "report" : "change";
  return TRUE;
}

/* "yes" or "no" into the zones' column 5, from "from" and "to" in columns 3 and 4. */
static gboolean
compute_zone_in_force (AtlasStore    *store,
                       sqlite3_stmt  *stmt,
                       const char    *day,
                       const char   **fields,
                       GPtrArray     *owned,
                       GError       **error)
{
  g_autofree char *first_day = atlas_date_first_day (fields[3]);
  g_autofree char *last_day = atlas_date_last_day (fields[4]);
  AtlasZoneShape zone = { .first_day = first_day, .last_day = last_day };

  fields[5] = atlas_zone_valid_at (&zone, day) ? "yes" : "no";
  return TRUE;
}

/* The first report into the relations' column 7, and "yes" or "no" into column 8 from "from"
 * and "to" in columns 5 and 6 and the dates of its sources in column 10. */
static gboolean
compute_relation_in_force (AtlasStore    *store,
                           sqlite3_stmt  *stmt,
                           const char    *day,
                           const char   **fields,
                           GPtrArray     *owned,
                           GError       **error)
{
  g_autofree char *dates = atlas_store_dup_column (stmt, 10);
  char *reported = fields[5] == NULL ? atlas_first_report (dates) : NULL;

  if (reported != NULL)
    g_ptr_array_add (owned, reported);
  fields[7] = reported;
  fields[8] = atlas_relation_in_force (fields[5], fields[6], reported, day) ? "yes" : "no";
  return TRUE;
}

/* Other names of an item as "name (lang)" joined by "; ". */
#define OTHER_NAMES(column) \
  " (SELECT group_concat (n.name || CASE WHEN n.lang IS NULL THEN '' ELSE ' (' || n.lang || ')' END, '; ')" \
  "  FROM names n WHERE n." column " AND n.lang IS NOT 'en')"

static const ListingSpec specs[] = {
  [ATLAS_LISTING_ACTORS] = {
    "actors",
    { "id", "kind", "name", "role", "affiliation", "color", "other_names", NULL },
    "SELECT a.key, a.kind, a.name, a.role, f.key, a.color," OTHER_NAMES ("actor_id = a.id")
    " FROM actors a LEFT JOIN actors f ON f.id = a.affiliation_id ORDER BY a.kind, a.name",
  },
  [ATLAS_LISTING_PLACES] = {
    "places",
    { "id", "kind", "name", "lat", "lon", "country", "approximate", "other_names", NULL },
    "SELECT p.key, p.kind, p.name, printf ('%.4f', p.lat), printf ('%.4f', p.lon), c.key,"
    " p.approximate," OTHER_NAMES ("place_id = p.id")
    " FROM places p LEFT JOIN actors c ON c.id = p.country_id ORDER BY p.name",
  },
  /* The status as of the day, the date of the row that says so, and whether that row is a
   * change or a report, or "not-known"; the corridor's id last, beyond the header. */
  [ATLAS_LISTING_CORRIDORS] = {
    "corridors",
    { "id", "kind", "name", "status", "status_date", "status_kind", "approximate", "points",
      "other_names", NULL },
    "SELECT c.key, c.kind, c.name, NULL, NULL, NULL, c.approximate,"
    " (SELECT count (*) FROM corridor_points WHERE corridor_id = c.id),"
    OTHER_NAMES ("corridor_id = c.id") ", c.id"
    " FROM corridors c ORDER BY c.name",
    compute_corridor_status,
  },
  /* Whether each zone is in force on the day: "yes" or "no". */
  [ATLAS_LISTING_ZONES] = {
    "zones",
    { "id", "kind", "name", "from", "to", "in_force", "approximate", "points", "other_names",
      NULL },
    "SELECT z.key, z.kind, z.name, z.valid_from, z.valid_to, NULL, z.approximate,"
    " (SELECT count (*) FROM zone_points WHERE zone_id = z.id),"
    OTHER_NAMES ("zone_id = z.id")
    " FROM zones z ORDER BY z.name",
    compute_zone_in_force,
  },
  /* Every status row, a line for each excerpt behind it: whether it is a change or a
   * report, and whether its source is a document or a reference page. */
  [ATLAS_LISTING_STATUSES] = {
    "statuses",
    { "id", "corridor", "date", "status", "kind", "note", "excerpt", "source", "source_kind",
      "text", NULL },
    "SELECT s.key, c.key, s.date, s.status, s.kind, s.note, x.key, o.key, o.kind, x.text"
    " FROM corridor_status s JOIN corridors c ON c.id = s.corridor_id"
    " LEFT JOIN excerpt_links l ON l.status_id = s.id"
    " LEFT JOIN excerpts x ON x.id = l.excerpt_id LEFT JOIN sources o ON o.id = x.source_id"
    " ORDER BY c.name, s.first_day, s.id, o.date, x.position, x.id",
  },
  /* Relations with their known dates, or lacking a start the date of their first report,
   * whether they hold on the day ("yes" or "no"), and the excerpts behind them; the dates of
   * those excerpts' sources last, beyond the header. */
  [ATLAS_LISTING_RELATIONS] = {
    "relations",
    { "id", "a", "b", "kind", "title", "from", "to", "reported", "in_force", "excerpts",
      NULL },
    "SELECT r.key, a.key, b.key, r.kind, r.title, r.valid_from, r.valid_to, NULL, NULL,"
    " (SELECT group_concat (x.key, ';') FROM excerpt_links l JOIN excerpts x"
    "  ON x.id = l.excerpt_id WHERE l.relation_id = r.id),"
    ATLAS_SQL_RELATION_REPORTS ("r.id")
    " FROM relations r JOIN actors a ON a.id = r.actor_a JOIN actors b ON b.id = r.actor_b"
    " ORDER BY a.name, b.name, r.valid_from, r.key",
    compute_relation_in_force,
  },
  /* Read in the events' order as it goes, rather than by ids found first: see
   * atlas-event-listing.c. */
  [ATLAS_LISTING_EVENTS] = { "events", { NULL }, NULL },
  [ATLAS_LISTING_EXCERPTS] = {
    "excerpts",
    { "id", "source", "text", "events", "author", "title", "publication", "date", "position",
      "source_kind", NULL },
    "SELECT x.key, s.key, x.text,"
    " (SELECT group_concat (e.key, ';') FROM excerpt_links l JOIN events e"
    "  ON e.id = l.event_id WHERE l.excerpt_id = x.id),"
    " s.author, s.title, s.publication, s.date, x.position, s.kind"
    " FROM json_each (?) j JOIN excerpts x ON x.id = j.value"
    " JOIN sources s ON s.id = x.source_id ORDER BY j.key",
  },
  [ATLAS_LISTING_SOURCES] = {
    "sources",
    { "id", "title", "author", "publication", "date", "url", "excerpts", "kind", NULL },
    "SELECT s.key, s.title, s.author, s.publication, s.date, s.url,"
    " (SELECT count (*) FROM excerpts WHERE source_id = s.id), s.kind"
    " FROM sources s ORDER BY s.date, s.title",
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (specs) == ATLAS_N_LISTINGS);

gboolean
atlas_listing_from_string (const char   *name,
                           AtlasListing *listing)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_strcmp0 (name, specs[i].name) == 0)
      {
        *listing = i;
        return TRUE;
      }

  return FALSE;
}

/* Whether the date, actor and text filters apply to this listing. */
gboolean
atlas_listing_is_filtered (AtlasListing listing)
{
  return listing == ATLAS_LISTING_EVENTS || listing == ATLAS_LISTING_EXCERPTS;
}

/* Whether the listing says how things stood on a day ("as of"). */
gboolean
atlas_listing_takes_date (AtlasListing listing)
{
  return listing < G_N_ELEMENTS (specs) && specs[listing].compute != NULL;
}

/**
 * atlas_listing_column_text:
 * @repaired: keeps the copies made of text that is not valid UTF-8
 *
 * Returns: (nullable): a text column as valid UTF-8: SQLite's own when it is, without a
 *   copy, else a repaired copy (as atlas_store_dup_column() makes and reports); %NULL for
 *   SQL NULL. Valid until the statement steps on.
 */
const char *
atlas_listing_column_text (sqlite3_stmt *stmt,
                           int           column,
                           GPtrArray    *repaired)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  char *copy;

  if (text == NULL || g_utf8_validate_len (text, sqlite3_column_bytes (stmt, column), NULL))
    return text;
  copy = atlas_store_dup_column (stmt, column);
  g_ptr_array_add (repaired, copy);
  return copy;
}

/**
 * atlas_listing_write:
 * @filter: (nullable): narrows events and excerpts
 * @day: (nullable): "YYYY-MM-DD": the day corridors and zones are listed as of; %NULL for
 *   all that is known
 * @out: where the CSV goes, header row first, as the rows are read
 *
 * A listing that fails partway leaves the rows before the failure written.
 */
gboolean
atlas_listing_write (AtlasStore         *store,
                     AtlasListing        listing,
                     const AtlasFilter  *filter,
                     const char         *day,
                     GOutputStream      *out,
                     GError            **error)
{
  const ListingSpec *spec;
  g_autoptr(AtlasCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) repaired = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  guint n_columns = 0;
  gboolean written;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (listing < G_N_ELEMENTS (specs), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = atlas_csv_writer_new (out);
  if (listing == ATLAS_LISTING_EVENTS)
    return atlas_listing_write_events (store, filter, writer, error) &&
           atlas_csv_writer_flush (writer, error);

  spec = &specs[listing];
  while (n_columns < MAX_COLUMNS && spec->header[n_columns] != NULL)
    n_columns++;

  if (listing == ATLAS_LISTING_EXCERPTS)
    {
      ids = atlas_query_excerpts (store, filter, error);
      if (ids == NULL)
        return FALSE;
    }

  stmt = atlas_store_prepare (store, spec->sql, error);
  if (stmt == NULL)
    return FALSE;

  if (ids != NULL)
    {
      json = atlas_ids_json (ids);
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
    }

  repaired = g_ptr_array_new_with_free_func (g_free);
  written = atlas_csv_writer_add_row (writer, spec->header, n_columns, error);
  while (written && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *fields[MAX_COLUMNS];

      g_ptr_array_set_size (repaired, 0);
      for (guint i = 0; i < n_columns; i++)
        fields[i] = atlas_listing_column_text (stmt, i, repaired);
      written = (spec->compute == NULL ||
                 spec->compute (store, stmt, day, fields, repaired, error)) &&
                atlas_csv_writer_add_row (writer, fields, n_columns, error);
    }

  if (written && rc != SQLITE_DONE)
    atlas_store_set_error (store, error, _("Listing"));
  sqlite3_reset (stmt);
  return written && rc == SQLITE_DONE && atlas_csv_writer_flush (writer, error);
}
