/* atlas-listing.c: the records of one kind as CSV, for `caucasus-atlas --list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each listing is one SQL statement whose columns are the CSV's, written as its rows are
 * read, a chunk at a time, so that a listing of any length takes the same memory. Events,
 * which may be millions, are read by statements of their own (atlas-event-listing.c);
 * excerpts, a few thousand, go through atlas-query first and are then read in the order it
 * gave, through json_each().
 */

#define G_LOG_DOMAIN "atlas-listing"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-listing.h"
#include "atlas-listing-private.h"
#include "atlas-criteria.h"
#include "atlas-query.h"

#define MAX_COLUMNS 12

typedef struct
{
  const char *name;
  const char *header[MAX_COLUMNS];
  const char *sql;
} ListingSpec;

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
  [ATLAS_LISTING_CORRIDORS] = {
    "corridors",
    { "id", "kind", "name", "status", "status_date", "approximate", "points", "other_names",
      NULL },
    "SELECT c.key, c.kind, c.name, s.status, s.date, c.approximate,"
    " (SELECT count (*) FROM corridor_points WHERE corridor_id = c.id),"
    OTHER_NAMES ("corridor_id = c.id")
    " FROM corridors c LEFT JOIN corridor_status s ON s.id ="
    "  (SELECT id FROM corridor_status WHERE corridor_id = c.id ORDER BY first_day DESC LIMIT 1)"
    " ORDER BY c.name",
  },
  /* Read in the events' order as it goes, rather than by ids found first: see
   * atlas-event-listing.c. */
  [ATLAS_LISTING_EVENTS] = { "events", { NULL }, NULL },
  [ATLAS_LISTING_EXCERPTS] = {
    "excerpts",
    { "id", "source", "text", "events", "author", "title", "publication", "date", "position",
      NULL },
    "SELECT x.key, s.key, x.text,"
    " (SELECT group_concat (e.key, ';') FROM excerpt_links l JOIN events e"
    "  ON e.id = l.event_id WHERE l.excerpt_id = x.id),"
    " s.author, s.title, s.publication, s.date, x.position"
    " FROM json_each (?) j JOIN excerpts x ON x.id = j.value"
    " JOIN sources s ON s.id = x.source_id ORDER BY j.key",
  },
  [ATLAS_LISTING_SOURCES] = {
    "sources",
    { "id", "title", "author", "publication", "date", "url", "excerpts", NULL },
    "SELECT s.key, s.title, s.author, s.publication, s.date, s.url,"
    " (SELECT count (*) FROM excerpts WHERE source_id = s.id)"
    " FROM sources s ORDER BY s.date, s.title",
  },
};

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
 * @out: where the CSV goes, header row first, as the rows are read
 *
 * A listing that fails partway leaves the rows before the failure written.
 */
gboolean
atlas_listing_write (AtlasStore         *store,
                     AtlasListing        listing,
                     const AtlasFilter  *filter,
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
      written = atlas_csv_writer_add_row (writer, fields, n_columns, error);
    }

  if (written && rc != SQLITE_DONE)
    atlas_store_set_error (store, error, _("Listing"));
  sqlite3_reset (stmt);
  return written && rc == SQLITE_DONE && atlas_csv_writer_flush (writer, error);
}
