/* atlas-links.c: the items linked to an item, for following them one click at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An event links to its place, corridors and zones; a place, corridor or zone links back to
 * its events, oldest first. Actors are linked through their own queries (event actors,
 * relations), so they are not repeated here.
 */

#define G_LOG_DOMAIN "atlas-links"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-links.h"

void
atlas_link_free (AtlasLink *link)
{
  g_free (link->label);
  g_free (link);
}

static const char *
links_sql (AtlasItemKind kind)
{
  switch (kind)
    {
    case ATLAS_ITEM_EVENT:
      return "SELECT 'place', p.id, p.name FROM events e JOIN places p ON p.id = e.place_id"
             " WHERE e.id = ?1"
             " UNION ALL SELECT 'corridor', c.id, c.name FROM event_corridors ec"
             " JOIN corridors c ON c.id = ec.corridor_id WHERE ec.event_id = ?1"
             " UNION ALL SELECT 'zone', z.id, z.name FROM event_zones ez"
             " JOIN zones z ON z.id = ez.zone_id WHERE ez.event_id = ?1";
    case ATLAS_ITEM_PLACE:
      return "SELECT 'event', id, title FROM events WHERE place_id = ?1 ORDER BY first_day, id";
    case ATLAS_ITEM_CORRIDOR:
      return "SELECT 'event', e.id, e.title FROM event_corridors ec JOIN events e ON e.id = ec.event_id"
             " WHERE ec.corridor_id = ?1 ORDER BY e.first_day, e.id";
    case ATLAS_ITEM_ZONE:
      return "SELECT 'event', e.id, e.title FROM event_zones ez JOIN events e ON e.id = ez.event_id"
             " WHERE ez.zone_id = ?1 ORDER BY e.first_day, e.id";
    default:
      /* Actors link through their events and relations; the rest link to nothing. */
      return NULL;
    }
}

static AtlasItemKind
kind_from_tag (const char *tag)
{
  if (g_str_equal (tag, "place"))
    return ATLAS_ITEM_PLACE;
  if (g_str_equal (tag, "corridor"))
    return ATLAS_ITEM_CORRIDOR;
  if (g_str_equal (tag, "zone"))
    return ATLAS_ITEM_ZONE;
  return ATLAS_ITEM_EVENT;
}

static gpointer
read_link (sqlite3_stmt *stmt)
{
  AtlasLink *link = g_new0 (AtlasLink, 1);
  g_autofree char *tag = atlas_store_dup_column (stmt, 0);

  link->kind = kind_from_tag (tag);
  link->id = sqlite3_column_int64 (stmt, 1);
  link->label = atlas_store_dup_column (stmt, 2);
  return link;
}

/**
 * atlas_links_query:
 * @store: the store
 * @item: the item whose links are wanted
 *
 * Returns: (transfer full) (element-type AtlasLink): the items @item links to, empty for
 *   kinds that link through other queries; %NULL with @error set when the store fails
 */
GPtrArray *
atlas_links_query (AtlasStore       *store,
                   const AtlasItem  *item,
                   GError          **error)
{
  const char *sql;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  sql = links_sql (item->kind);
  if (sql == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_link_free);

  stmt = atlas_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, item->id);
  return atlas_store_read_rows (store, stmt, read_link, (GDestroyNotify) atlas_link_free,
                                _("Reading linked items"), error);
}
