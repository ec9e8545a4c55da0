/* atlas-dataset-loader.c: reading a record's fields and writing its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the loader of every kind of record uses: fields read from the key file with errors
 * that name the file, the record and the field; keys of other records resolved to their
 * ids; and rows inserted, with their names and their links to excerpts.
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-dataset-loader.h"
#include "atlas-text.h"

static const char * const kind_names[N_KINDS] = {
  "actor", "place", "corridor", "zone", "source", "excerpt", "event", "relation", "status",
  "account",
};

void
atlas_loader_file_free (DatasetFile *file)
{
  g_free (file->name);
  g_key_file_unref (file->keys);
  g_free (file);
}

void
atlas_loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->files, g_ptr_array_unref);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&loader->ids[i], g_hash_table_unref);
}

G_GNUC_PRINTF (3, 4)
gboolean
atlas_loader_fail (Loader      *loader,
                   GError     **error,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET,
               /* Translators: file name, [group], message */
               _("Dataset %s, [%s]: %s"), loader->file, loader->group, message);
  return FALSE;
}

gboolean
atlas_loader_fail_sql (Loader  *loader,
                       GError **error)
{
  sqlite3 *db = atlas_store_get_db (loader->store);

  return atlas_loader_fail (loader, error, "%s", sqlite3_errmsg (db));
}

/* Splits a group name "kind:key"; returns the kind or -1. */
int
atlas_loader_group_kind (const char  *group,
                         const char **key)
{
  const char *colon = strchr (group, ':');

  if (colon == NULL)
    return -1;

  for (guint i = 0; i < N_KINDS; i++)
    if (strncmp (group, kind_names[i], colon - group) == 0 && kind_names[i][colon - group] == '\0')
      {
        *key = colon + 1;
        return i;
      }

  return -1;
}

/* Like GKeyFile's own string parsing, but also takes "\;", which the format allows in single
 * values so that one escaping rule holds for every field. */
static char *
unescape (const char *raw)
{
  GString *out = g_string_sized_new (strlen (raw));

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 's': g_string_append_c (out, ' '); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        default: g_string_append_c (out, *p); break;
        }
    }

  return g_string_free (out, FALSE);
}

char *
atlas_loader_get_string (Loader      *loader,
                         GKeyFile    *keys,
                         const char  *field,
                         gboolean     required,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *raw = NULL;

  raw = g_key_file_get_value (keys, loader->group, field, &local_error);
  if (raw != NULL)
    value = g_strstrip (unescape (raw));

  if (local_error != NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR,
                                               G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      atlas_loader_fail (loader, error, "%s", local_error->message);
      return NULL;
    }

  if (required && (value == NULL || *value == '\0'))
    {
      atlas_loader_fail (loader, error, _("the field “%s” is missing"), field);
      return NULL;
    }

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return g_steal_pointer (&value);
}

char **
atlas_loader_get_list (Loader     *loader,
                       GKeyFile   *keys,
                       const char *field)
{
  char **items = g_key_file_get_string_list (keys, loader->group, field, NULL, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_strstrip (items[i]);

  return items;
}

gboolean
atlas_loader_get_boolean (GKeyFile   *keys,
                          const char *group,
                          const char *field)
{
  return g_key_file_get_boolean (keys, group, field, NULL);
}

gboolean
atlas_loader_parse_double (Loader      *loader,
                           const char  *text,
                           double       low,
                           double       high,
                           double      *value,
                           GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || *value < low || *value > high)
    return atlas_loader_fail (loader, error, _("“%s” is not a number from %g to %g"), text, low,
                              high);

  return TRUE;
}

/* Parses "lat,lon". */
gboolean
atlas_loader_parse_point (Loader      *loader,
                          const char  *text,
                          double      *lat,
                          double      *lon,
                          GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", 3);

  if (g_strv_length (parts) != 2)
    return atlas_loader_fail (loader, error, _("“%s” is not a point written as lat,lon"), text);

  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  return atlas_loader_parse_double (loader, parts[0], -90, 90, lat, error) &&
         atlas_loader_parse_double (loader, parts[1], -180, 180, lon, error);
}

gboolean
atlas_loader_resolve (Loader      *loader,
                      RecordKind   kind,
                      const char  *key,
                      gint64      *id,
                      GError     **error)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (loader->ids[kind], key, NULL, &value))
    return atlas_loader_fail (loader, error, _("there is no %s “%s”"), kind_names[kind], key);

  *id = *(gint64 *) value;
  return TRUE;
}

void
atlas_loader_bind_text (sqlite3_stmt *stmt,
                        int           column,
                        const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

void
atlas_loader_bind_id (sqlite3_stmt *stmt,
                      int           column,
                      gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

/* Runs an insert and remembers the new row's id under the record's key. */
gboolean
atlas_loader_insert_record (Loader        *loader,
                            sqlite3_stmt  *stmt,
                            RecordKind     kind,
                            const char    *key,
                            gint64        *id,
                            GError       **error)
{
  sqlite3 *db = atlas_store_get_db (loader->store);

  if (g_hash_table_contains (loader->ids[kind], key))
    return atlas_loader_fail (loader, error, _("the %s “%s” is defined twice"), kind_names[kind],
                              key);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      atlas_loader_fail_sql (loader, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  *id = sqlite3_last_insert_rowid (db);
  g_hash_table_insert (loader->ids[kind], g_strdup (key), g_memdup2 (id, sizeof *id));
  return TRUE;
}

gboolean
atlas_loader_step (Loader        *loader,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return atlas_loader_fail_sql (loader, error);

  return TRUE;
}

static gboolean
insert_name (Loader        *loader,
             sqlite3_stmt  *stmt,
             gint64         id,
             const char    *lang,
             const char    *name,
             GError       **error)
{
  g_autofree char *folded = NULL;

  if (name == NULL || *name == '\0')
    return TRUE;

  folded = atlas_text_fold (name);
  sqlite3_bind_int64 (stmt, 1, id);
  atlas_loader_bind_text (stmt, 2, lang);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, folded, -1, SQLITE_TRANSIENT);
  return atlas_loader_step (loader, stmt, error);
}

/* name=, name[LANG]=, aliases= and aliases[LANG]= of a named record. */
gboolean
atlas_loader_insert_names (Loader      *loader,
                           GKeyFile    *keys,
                           const char  *id_column,
                           gint64       id,
                           GError     **error)
{
  g_auto(GStrv) fields = g_key_file_get_keys (keys, loader->group, NULL, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("INSERT INTO names (%s, lang, name, folded) VALUES (?, ?, ?, ?)",
                         id_column);
  stmt = atlas_store_prepare (loader->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *bracket = strchr (fields[i], '[');
      g_autofree char *base = g_strndup (fields[i], bracket ? (gsize) (bracket - fields[i])
                                                            : strlen (fields[i]));
      g_autofree char *lang = NULL;
      g_auto(GStrv) values = NULL;

      if (bracket != NULL)
        lang = g_strndup (bracket + 1, strcspn (bracket + 1, "]"));

      if (g_str_equal (base, "name"))
        {
          values = g_new0 (char *, 2);
          values[0] = atlas_loader_get_string (loader, keys, fields[i], FALSE, NULL);
          if (lang == NULL)
            lang = g_strdup ("en");
        }
      else if (g_str_equal (base, "aliases"))
        values = atlas_loader_get_list (loader, keys, fields[i]);

      for (guint j = 0; values != NULL && values[j] != NULL; j++)
        if (!insert_name (loader, stmt, id, lang, values[j], error))
          return FALSE;
    }

  return TRUE;
}

/* The row of @name among the names of the item, the English one first, then one of no
 * language; added when the item has no such name yet. */
static gboolean
find_name (Loader      *loader,
           const char  *id_column,
           gint64       id,
           const char  *name,
           gint64      *name_id,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM names WHERE %s = ? AND name = ? ORDER BY"
                                          " lang IS NOT 'en', lang IS NOT NULL, id LIMIT 1",
                                          id_column);
  sqlite3_stmt *stmt = atlas_store_prepare (loader->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *name_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return atlas_loader_fail_sql (loader, error);
  if (*name_id != 0)
    return TRUE;

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO names (%s, lang, name, folded) VALUES (?, NULL, ?, ?)",
                         id_column);
  if ((stmt = atlas_store_prepare (loader->store, sql, error)) == NULL)
    return FALSE;
  {
    g_autofree char *folded = atlas_text_fold (name);

    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, folded, -1, SQLITE_TRANSIENT);
  }
  if (!atlas_loader_step (loader, stmt, error))
    return FALSE;
  *name_id = sqlite3_last_insert_rowid (atlas_store_get_db (loader->store));
  return TRUE;
}

/* official=STATE:NAME;… says which state uses which name officially, and source-name= which
 * name the documents use, among the item's names (a name not among them is added). */
gboolean
atlas_loader_mark_names (Loader      *loader,
                         GKeyFile    *keys,
                         const char  *id_column,
                         gint64       id,
                         GError     **error)
{
  g_auto(GStrv) official = atlas_loader_get_list (loader, keys, "official");
  g_autofree char *in_sources = atlas_loader_get_string (loader, keys, "source-name", FALSE, NULL);
  sqlite3_stmt *stmt;
  gint64 name_id;

  for (guint i = 0; official != NULL && official[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (official[i], ":", 2);
      gint64 state_id;

      if (g_strv_length (parts) != 2 || *g_strstrip (parts[1]) == '\0')
        return atlas_loader_fail (loader, error, _("“%s” is not written as state:name"),
                                  official[i]);
      if (!atlas_loader_resolve (loader, KIND_ACTOR, g_strstrip (parts[0]), &state_id, error) ||
          !find_name (loader, id_column, id, parts[1], &name_id, error) ||
          (stmt = atlas_store_prepare (loader->store, "INSERT INTO official_names (name_id, state_id)"
                                                      " SELECT ?1, id FROM actors WHERE id = ?2"
                                                      " AND kind = 'state'", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, name_id);
      sqlite3_bind_int64 (stmt, 2, state_id);
      if (!atlas_loader_step (loader, stmt, error))
        return FALSE;
      if (sqlite3_changes (atlas_store_get_db (loader->store)) == 0)
        return atlas_loader_fail (loader, error, _("“%s” is not a state, which alone has official "
                                                   "names"), parts[0]);
    }

  if (in_sources == NULL)
    return TRUE;
  if (!find_name (loader, id_column, id, in_sources, &name_id, error) ||
      (stmt = atlas_store_prepare (loader->store, "UPDATE names SET in_sources = 1 WHERE id = ?",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, name_id);
  return atlas_loader_step (loader, stmt, error);
}

/* Adds excerpt_links rows between one excerpt and the items listed in @field. */
static gboolean
link_excerpt (Loader      *loader,
              gint64       excerpt_id,
              RecordKind   kind,
              gint64       item_id,
              GError     **error)
{
  static const char * const statements[N_KINDS] = {
    [KIND_ACTOR] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, actor_id) VALUES (?, ?)",
    [KIND_PLACE] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, place_id) VALUES (?, ?)",
    [KIND_CORRIDOR] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, corridor_id) VALUES (?, ?)",
    [KIND_ZONE] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, zone_id) VALUES (?, ?)",
    [KIND_EVENT] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, event_id) VALUES (?, ?)",
    [KIND_RELATION] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, relation_id) VALUES (?, ?)",
    [KIND_STATUS] = "INSERT OR IGNORE INTO excerpt_links (excerpt_id, status_id) VALUES (?, ?)",
  };
  sqlite3_stmt *stmt = atlas_store_prepare (loader->store, statements[kind], error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, excerpt_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  return atlas_loader_step (loader, stmt, error);
}

/* For each key in the list @field of the current record, links @item_id of @item_kind and
 * the listed record of @listed_kind: the excerpt is whichever side is an excerpt. */
gboolean
atlas_loader_link_listed (Loader      *loader,
                          GKeyFile    *keys,
                          const char  *field,
                          RecordKind   listed_kind,
                          RecordKind   item_kind,
                          gint64       item_id,
                          gboolean     required,
                          GError     **error)
{
  g_auto(GStrv) listed = atlas_loader_get_list (loader, keys, field);

  if (required && (listed == NULL || listed[0] == NULL))
    return atlas_loader_fail (loader, error, _("the field “%s” is missing"), field);

  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      gint64 listed_id;

      if (!atlas_loader_resolve (loader, listed_kind, listed[i], &listed_id, error))
        return FALSE;

      if (item_kind == KIND_EXCERPT)
        {
          if (!link_excerpt (loader, item_id, listed_kind, listed_id, error))
            return FALSE;
        }
      else if (!link_excerpt (loader, listed_id, item_kind, item_id, error))
        return FALSE;
    }

  return TRUE;
}
