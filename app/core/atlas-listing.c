/* atlas-listing.c: the records of one kind as CSV, for `caucasus-atlas --list`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each listing is one SQL statement whose columns are the CSV's. Events and excerpts go
 * through atlas-query first and are then read in the order it gave, through json_each().
 */

#define G_LOG_DOMAIN "atlas-listing"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-csv.h"
#include "atlas-listing.h"
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
  [ATLAS_LISTING_EVENTS] = {
    "events",
    { "id", "start", "end", "precision", "approximate", "kind", "title", "place", "actors",
      "summary", "excerpts", NULL },
    "SELECT e.key, e.start, e.end, e.precision, e.approximate, e.kind, e.title, p.name,"
    " (SELECT group_concat (a.name, '; ') FROM event_actors ea JOIN actors a"
    "  ON a.id = ea.actor_id WHERE ea.event_id = e.id),"
    " e.summary,"
    " (SELECT group_concat (x.key, ';') FROM excerpt_links l JOIN excerpts x"
    "  ON x.id = l.excerpt_id WHERE l.event_id = e.id)"
    " FROM json_each (?) j JOIN events e ON e.id = j.value"
    " LEFT JOIN places p ON p.id = e.place_id ORDER BY j.key",
  },
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

static char *
ids_json (GArray *ids)
{
  GString *json = g_string_sized_new (ids->len * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/**
 * atlas_listing_write:
 * @filter: (nullable): narrows events and excerpts
 * @out: where the CSV goes, header row first
 */
gboolean
atlas_listing_write (AtlasStore         *store,
                     AtlasListing        listing,
                     const AtlasFilter  *filter,
                     GString            *out,
                     GError            **error)
{
  const ListingSpec *spec;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  guint n_columns = 0;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (listing < G_N_ELEMENTS (specs), FALSE);

  spec = &specs[listing];
  while (n_columns < MAX_COLUMNS && spec->header[n_columns] != NULL)
    n_columns++;

  if (listing == ATLAS_LISTING_EVENTS)
    ids = atlas_query_events (store, filter, error);
  else if (listing == ATLAS_LISTING_EXCERPTS)
    ids = atlas_query_excerpts (store, filter, error);
  if (atlas_listing_is_filtered (listing) && ids == NULL)
    return FALSE;

  stmt = atlas_store_prepare (store, spec->sql, error);
  if (stmt == NULL)
    return FALSE;

  if (ids != NULL)
    {
      json = ids_json (ids);
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
    }

  atlas_csv_append_row (out, spec->header, n_columns);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *fields[MAX_COLUMNS];

      for (guint i = 0; i < n_columns; i++)
        fields[i] = atlas_store_dup_column (stmt, i);
      atlas_csv_append_row (out, (const char **) fields, n_columns);
      for (guint i = 0; i < n_columns; i++)
        g_free (fields[i]);
    }

  if (rc != SQLITE_DONE)
    atlas_store_set_error (store, error, _("Listing"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}
