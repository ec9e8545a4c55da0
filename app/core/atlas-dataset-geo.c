/* atlas-dataset-geo.c: places, corridors, zones and corridor statuses from the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-dataset-loader.h"
#include "atlas-vocabulary.h"

gboolean
atlas_loader_load_place (Loader      *loader,
                         GKeyFile    *keys,
                         const char  *key,
                         GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lat_text = NULL;
  g_autofree char *lon_text = NULL;
  g_autofree char *country = NULL;
  g_autofree char *description = NULL;
  gint64 country_id = 0, id;
  double lat, lon;
  sqlite3_stmt *stmt;

  if (!(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = atlas_loader_get_string (loader, keys, "name", TRUE, error)) ||
      !(lat_text = atlas_loader_get_string (loader, keys, "lat", TRUE, error)) ||
      !(lon_text = atlas_loader_get_string (loader, keys, "lon", TRUE, error)) ||
      !atlas_loader_parse_double (loader, lat_text, -90, 90, &lat, error) ||
      !atlas_loader_parse_double (loader, lon_text, -180, 180, &lon, error))
    return FALSE;

  country = atlas_loader_get_string (loader, keys, "country", FALSE, NULL);
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);
  if (country != NULL && !atlas_loader_resolve (loader, KIND_ACTOR, country, &country_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO places (key, kind, name, lat, lon, country_id, "
                              "approximate, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, kind);
  atlas_loader_bind_text (stmt, 3, name);
  sqlite3_bind_double (stmt, 4, lat);
  sqlite3_bind_double (stmt, 5, lon);
  atlas_loader_bind_id (stmt, 6, country_id);
  sqlite3_bind_int (stmt, 7, atlas_loader_get_boolean (keys, loader->group, "approximate"));
  atlas_loader_bind_text (stmt, 8, description);

  return atlas_loader_insert_record (loader, stmt, KIND_PLACE, key, &id, error) &&
         atlas_loader_insert_names (loader, keys, "place_id", id, error) &&
         atlas_loader_mark_names (loader, keys, "place_id", id, error);
}

/* Looks up a place's position for a corridor's route item. */
static gboolean
place_position (Loader      *loader,
                gint64       place_id,
                double      *lat,
                double      *lon,
                GError     **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (loader->store,
                                            "SELECT lat, lon FROM places WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, place_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return atlas_loader_fail_sql (loader, error);
    }

  *lat = sqlite3_column_double (stmt, 0);
  *lon = sqlite3_column_double (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
atlas_loader_load_corridor (Loader      *loader,
                            GKeyFile    *keys,
                            const char  *key,
                            GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) route = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = atlas_loader_get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);
  route = atlas_loader_get_list (loader, keys, "route");
  if (route == NULL || g_strv_length (route) < 2)
    return atlas_loader_fail (loader, error, _("a corridor needs a route of at least two points"));

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO corridors (key, kind, name, approximate, description) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, kind);
  atlas_loader_bind_text (stmt, 3, name);
  sqlite3_bind_int (stmt, 4, atlas_loader_get_boolean (keys, loader->group, "approximate"));
  atlas_loader_bind_text (stmt, 5, description);
  if (!atlas_loader_insert_record (loader, stmt, KIND_CORRIDOR, key, &id, error) ||
      !atlas_loader_insert_names (loader, keys, "corridor_id", id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO corridor_points (corridor_id, seq, lat, lon, place_id) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; route[i] != NULL; i++)
    {
      gint64 place_id = 0;
      double lat = 0, lon = 0;

      if (g_ascii_isdigit (route[i][0]) || route[i][0] == '-')
        {
          if (!atlas_loader_parse_point (loader, route[i], &lat, &lon, error))
            return FALSE;
        }
      else if (!atlas_loader_resolve (loader, KIND_PLACE, route[i], &place_id, error) ||
               !place_position (loader, place_id, &lat, &lon, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_double (stmt, 3, lat);
      sqlite3_bind_double (stmt, 4, lon);
      atlas_loader_bind_id (stmt, 5, place_id);
      if (!atlas_loader_step (loader, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
atlas_loader_load_zone (Loader      *loader,
                        GKeyFile    *keys,
                        const char  *key,
                        GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) polygon = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = atlas_loader_get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  from = atlas_loader_get_string (loader, keys, "from", FALSE, NULL);
  to = atlas_loader_get_string (loader, keys, "to", FALSE, NULL);
  description = atlas_loader_get_string (loader, keys, "description", FALSE, NULL);
  polygon = atlas_loader_get_list (loader, keys, "polygon");
  if (polygon == NULL || g_strv_length (polygon) < 3)
    return atlas_loader_fail (loader, error, _("a zone needs a polygon of at least three points"));

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO zones (key, kind, name, valid_from, valid_to, "
                              "approximate, description) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  atlas_loader_bind_text (stmt, 2, kind);
  atlas_loader_bind_text (stmt, 3, name);
  atlas_loader_bind_text (stmt, 4, from);
  atlas_loader_bind_text (stmt, 5, to);
  sqlite3_bind_int (stmt, 6, atlas_loader_get_boolean (keys, loader->group, "approximate"));
  atlas_loader_bind_text (stmt, 7, description);
  if (!atlas_loader_insert_record (loader, stmt, KIND_ZONE, key, &id, error) ||
      !atlas_loader_insert_names (loader, keys, "zone_id", id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store, "INSERT INTO zone_points (zone_id, seq, lat, lon)"
                                             " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; polygon[i] != NULL; i++)
    {
      double lat, lon;

      if (!atlas_loader_parse_point (loader, polygon[i], &lat, &lon, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_double (stmt, 3, lat);
      sqlite3_bind_double (stmt, 4, lon);
      if (!atlas_loader_step (loader, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
atlas_loader_load_status (Loader      *loader,
                          GKeyFile    *keys,
                          const char  *key,
                          GError     **error)
{
  g_autofree char *corridor = NULL;
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *note = NULL;
  gint64 corridor_id, id;
  sqlite3_stmt *stmt;

  /* Whether a row is a change or a report is what the map's as-of rule turns on, so every
   * row says which it is. */
  if (!(corridor = atlas_loader_get_string (loader, keys, "corridor", TRUE, error)) ||
      !(date = atlas_loader_get_string (loader, keys, "date", TRUE, error)) ||
      !(status = atlas_loader_get_string (loader, keys, "status", TRUE, error)) ||
      !(kind = atlas_loader_get_string (loader, keys, "kind", TRUE, error)) ||
      !atlas_loader_resolve (loader, KIND_CORRIDOR, corridor, &corridor_id, error))
    return FALSE;
  if (atlas_vocabulary_find (ATLAS_VOCABULARY_STATUS_KINDS, kind) < 0)
    return atlas_loader_fail (loader, error, _("the kind “%s” is neither change nor report"),
                              kind);
  note = atlas_loader_get_string (loader, keys, "note", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO corridor_status (key, corridor_id, date, status, note, "
                              "kind) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  atlas_loader_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, corridor_id);
  atlas_loader_bind_text (stmt, 3, date);
  atlas_loader_bind_text (stmt, 4, status);
  atlas_loader_bind_text (stmt, 5, note);
  atlas_loader_bind_text (stmt, 6, kind);

  return atlas_loader_insert_record (loader, stmt, KIND_STATUS, key, &id, error) &&
         atlas_loader_link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_STATUS, id, TRUE,
                                   error);
}
