/* atlas-dataset.c: fills a store from the dataset's key files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in data/dataset/README.md. Records refer to each other by key
 * across files, so loading runs in phases (actors before the events that name them, and so
 * on) over all files at once. Every error names the file, the record and the field.
 */

#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "atlas-dataset.h"
#include "atlas-text.h"

#define DATASET_RESOURCE "/io/github/caucasusatlas/CaucasusAtlas/dataset"

typedef enum
{
  KIND_ACTOR,
  KIND_PLACE,
  KIND_CORRIDOR,
  KIND_ZONE,
  KIND_SOURCE,
  KIND_EXCERPT,
  KIND_EVENT,
  KIND_RELATION,
  KIND_STATUS,
  N_KINDS
} RecordKind;

static const char * const kind_names[N_KINDS] = {
  "actor", "place", "corridor", "zone", "source", "excerpt", "event", "relation", "status",
};

typedef struct
{
  char     *name;
  GKeyFile *keys;
} DatasetFile;

typedef struct
{
  AtlasStore *store;
  GPtrArray  *files;
  GHashTable *ids[N_KINDS];  /* key -> id, a gint64 of its own: ids pass 2^31 */

  /* Where we are, for messages. */
  const char *file;
  const char *group;
} Loader;

static void
dataset_file_free (DatasetFile *file)
{
  g_free (file->name);
  g_key_file_unref (file->keys);
  g_free (file);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->files, g_ptr_array_unref);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&loader->ids[i], g_hash_table_unref);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Loader      *loader,
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

static gboolean
fail_sql (Loader  *loader,
          GError **error)
{
  return fail (loader, error, "%s", sqlite3_errmsg (atlas_store_get_db (loader->store)));
}

/* Splits a group name "kind:key"; returns the kind or -1. */
static int
group_kind (const char  *group,
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

static char *
get_string (Loader      *loader,
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
      fail (loader, error, "%s", local_error->message);
      return NULL;
    }

  if (required && (value == NULL || *value == '\0'))
    {
      fail (loader, error, _("the field “%s” is missing"), field);
      return NULL;
    }

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return g_steal_pointer (&value);
}

static char **
get_list (Loader     *loader,
          GKeyFile   *keys,
          const char *field)
{
  char **items = g_key_file_get_string_list (keys, loader->group, field, NULL, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_strstrip (items[i]);

  return items;
}

static gboolean
get_boolean (GKeyFile   *keys,
             const char *group,
             const char *field)
{
  return g_key_file_get_boolean (keys, group, field, NULL);
}

static gboolean
parse_double (Loader      *loader,
              const char  *text,
              double       low,
              double       high,
              double      *value,
              GError     **error)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || *value < low || *value > high)
    return fail (loader, error, _("“%s” is not a number from %g to %g"), text, low, high);

  return TRUE;
}

/* Parses "lat,lon". */
static gboolean
parse_point (Loader      *loader,
             const char  *text,
             double      *lat,
             double      *lon,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", 3);

  if (g_strv_length (parts) != 2)
    return fail (loader, error, _("“%s” is not a point written as lat,lon"), text);

  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  return parse_double (loader, parts[0], -90, 90, lat, error) &&
         parse_double (loader, parts[1], -180, 180, lon, error);
}

static gboolean
resolve (Loader      *loader,
         RecordKind   kind,
         const char  *key,
         gint64      *id,
         GError     **error)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (loader->ids[kind], key, NULL, &value))
    return fail (loader, error, _("there is no %s “%s”"), kind_names[kind], key);

  *id = *(gint64 *) value;
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

/* Runs an insert and remembers the new row's id under the record's key. */
static gboolean
insert_record (Loader        *loader,
               sqlite3_stmt  *stmt,
               RecordKind     kind,
               const char    *key,
               gint64        *id,
               GError       **error)
{
  sqlite3 *db = atlas_store_get_db (loader->store);

  if (g_hash_table_contains (loader->ids[kind], key))
    return fail (loader, error, _("the %s “%s” is defined twice"), kind_names[kind], key);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fail_sql (loader, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  *id = sqlite3_last_insert_rowid (db);
  g_hash_table_insert (loader->ids[kind], g_strdup (key), g_memdup2 (id, sizeof *id));
  return TRUE;
}

static gboolean
step (Loader        *loader,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fail_sql (loader, error);

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
  bind_text (stmt, 2, lang);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, folded, -1, SQLITE_TRANSIENT);
  return step (loader, stmt, error);
}

/* name=, name[LANG]=, aliases= and aliases[LANG]= of a named record. */
static gboolean
insert_names (Loader      *loader,
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
          values[0] = get_string (loader, keys, fields[i], FALSE, NULL);
          if (lang == NULL)
            lang = g_strdup ("en");
        }
      else if (g_str_equal (base, "aliases"))
        values = get_list (loader, keys, fields[i]);

      for (guint j = 0; values != NULL && values[j] != NULL; j++)
        if (!insert_name (loader, stmt, id, lang, values[j], error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
load_actor (Loader      *loader,
            GKeyFile    *keys,
            const char  *key,
            GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *color = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  role = get_string (loader, keys, "role", FALSE, NULL);
  color = get_string (loader, keys, "color", FALSE, NULL);
  description = get_string (loader, keys, "description", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO actors (key, kind, name, role, color, description) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, name);
  bind_text (stmt, 4, role);
  bind_text (stmt, 5, color);
  bind_text (stmt, 6, description);

  return insert_record (loader, stmt, KIND_ACTOR, key, &id, error) &&
         insert_names (loader, keys, "actor_id", id, error);
}

/* Affiliations may point at actors defined later, so they are set in a second pass. */
static gboolean
load_actor_affiliation (Loader      *loader,
                        GKeyFile    *keys,
                        const char  *key,
                        GError     **error)
{
  g_autofree char *affiliation = get_string (loader, keys, "affiliation", FALSE, NULL);
  sqlite3_stmt *stmt;
  gint64 id, affiliation_id;

  if (affiliation == NULL)
    return TRUE;

  if (!resolve (loader, KIND_ACTOR, key, &id, error) ||
      !resolve (loader, KIND_ACTOR, affiliation, &affiliation_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "UPDATE actors SET affiliation_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, affiliation_id);
  sqlite3_bind_int64 (stmt, 2, id);
  return step (loader, stmt, error);
}

static gboolean
load_place (Loader      *loader,
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

  if (!(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = get_string (loader, keys, "name", TRUE, error)) ||
      !(lat_text = get_string (loader, keys, "lat", TRUE, error)) ||
      !(lon_text = get_string (loader, keys, "lon", TRUE, error)) ||
      !parse_double (loader, lat_text, -90, 90, &lat, error) ||
      !parse_double (loader, lon_text, -180, 180, &lon, error))
    return FALSE;

  country = get_string (loader, keys, "country", FALSE, NULL);
  description = get_string (loader, keys, "description", FALSE, NULL);
  if (country != NULL && !resolve (loader, KIND_ACTOR, country, &country_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO places (key, kind, name, lat, lon, country_id, "
                              "approximate, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, name);
  sqlite3_bind_double (stmt, 4, lat);
  sqlite3_bind_double (stmt, 5, lon);
  bind_id (stmt, 6, country_id);
  sqlite3_bind_int (stmt, 7, get_boolean (keys, loader->group, "approximate"));
  bind_text (stmt, 8, description);

  return insert_record (loader, stmt, KIND_PLACE, key, &id, error) &&
         insert_names (loader, keys, "place_id", id, error);
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
      return fail_sql (loader, error);
    }

  *lat = sqlite3_column_double (stmt, 0);
  *lon = sqlite3_column_double (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_corridor (Loader      *loader,
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

  if (!(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  description = get_string (loader, keys, "description", FALSE, NULL);
  route = get_list (loader, keys, "route");
  if (route == NULL || g_strv_length (route) < 2)
    return fail (loader, error, _("a corridor needs a route of at least two points"));

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO corridors (key, kind, name, approximate, description) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, name);
  sqlite3_bind_int (stmt, 4, get_boolean (keys, loader->group, "approximate"));
  bind_text (stmt, 5, description);
  if (!insert_record (loader, stmt, KIND_CORRIDOR, key, &id, error) ||
      !insert_names (loader, keys, "corridor_id", id, error))
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
          if (!parse_point (loader, route[i], &lat, &lon, error))
            return FALSE;
        }
      else if (!resolve (loader, KIND_PLACE, route[i], &place_id, error) ||
               !place_position (loader, place_id, &lat, &lon, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_double (stmt, 3, lat);
      sqlite3_bind_double (stmt, 4, lon);
      bind_id (stmt, 5, place_id);
      if (!step (loader, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_zone (Loader      *loader,
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

  if (!(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !(name = get_string (loader, keys, "name", TRUE, error)))
    return FALSE;
  from = get_string (loader, keys, "from", FALSE, NULL);
  to = get_string (loader, keys, "to", FALSE, NULL);
  description = get_string (loader, keys, "description", FALSE, NULL);
  polygon = get_list (loader, keys, "polygon");
  if (polygon == NULL || g_strv_length (polygon) < 3)
    return fail (loader, error, _("a zone needs a polygon of at least three points"));

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO zones (key, kind, name, valid_from, valid_to, "
                              "approximate, description) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, name);
  bind_text (stmt, 4, from);
  bind_text (stmt, 5, to);
  sqlite3_bind_int (stmt, 6, get_boolean (keys, loader->group, "approximate"));
  bind_text (stmt, 7, description);
  if (!insert_record (loader, stmt, KIND_ZONE, key, &id, error) ||
      !insert_names (loader, keys, "zone_id", id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO zone_points (zone_id, seq, lat, lon) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; polygon[i] != NULL; i++)
    {
      double lat, lon;

      if (!parse_point (loader, polygon[i], &lat, &lon, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_double (stmt, 3, lat);
      sqlite3_bind_double (stmt, 4, lon);
      if (!step (loader, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_source (Loader      *loader,
             GKeyFile    *keys,
             const char  *key,
             GError     **error)
{
  g_autofree char *title = NULL;
  g_autofree char *publication = NULL;
  g_autofree char *document = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;
  g_autofree char *line = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(title = get_string (loader, keys, "title", TRUE, error)) ||
      !(publication = get_string (loader, keys, "publication", TRUE, error)) ||
      !(document = get_string (loader, keys, "document", TRUE, error)) ||
      !(line = get_string (loader, keys, "line", TRUE, error)))
    return FALSE;
  if (atoi (line) < 1)
    return fail (loader, error, _("“%s” is not a line number"), line);
  author = get_string (loader, keys, "author", FALSE, NULL);
  date = get_string (loader, keys, "date", FALSE, NULL);
  url = get_string (loader, keys, "url", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO sources (key, title, author, publication, date, "
                              "date_approximate, url, document, document_line)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, title);
  bind_text (stmt, 3, author);
  bind_text (stmt, 4, publication);
  bind_text (stmt, 5, date);
  sqlite3_bind_int (stmt, 6, get_boolean (keys, loader->group, "approximate"));
  bind_text (stmt, 7, url);
  bind_text (stmt, 8, document);
  sqlite3_bind_int (stmt, 9, atoi (line));
  return insert_record (loader, stmt, KIND_SOURCE, key, &id, error);
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
  return step (loader, stmt, error);
}

/* For each key in the list @field of the current record, links @item_id of @item_kind and
 * the listed record of @listed_kind: the excerpt is whichever side is an excerpt. */
static gboolean
link_listed (Loader      *loader,
             GKeyFile    *keys,
             const char  *field,
             RecordKind   listed_kind,
             RecordKind   item_kind,
             gint64       item_id,
             gboolean     required,
             GError     **error)
{
  g_auto(GStrv) listed = get_list (loader, keys, field);

  if (required && (listed == NULL || listed[0] == NULL))
    return fail (loader, error, _("the field “%s” is missing"), field);

  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      gint64 listed_id;

      if (!resolve (loader, listed_kind, listed[i], &listed_id, error))
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

static gboolean
load_excerpt (Loader      *loader,
              GKeyFile    *keys,
              const char  *key,
              GError     **error)
{
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *position = NULL;
  gint64 source_id, id;
  sqlite3_stmt *stmt;

  if (!(source = get_string (loader, keys, "source", TRUE, error)) ||
      !(text = get_string (loader, keys, "text", TRUE, error)) ||
      !resolve (loader, KIND_SOURCE, source, &source_id, error))
    return FALSE;
  position = get_string (loader, keys, "position", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO excerpts (key, source_id, text, position) "
                              "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, source_id);
  bind_text (stmt, 3, text);
  if (position != NULL && atoi (position) > 0)
    sqlite3_bind_int (stmt, 4, atoi (position));
  else
    sqlite3_bind_null (stmt, 4);

  return insert_record (loader, stmt, KIND_EXCERPT, key, &id, error) &&
         link_listed (loader, keys, "actors", KIND_ACTOR, KIND_EXCERPT, id, FALSE, error) &&
         link_listed (loader, keys, "places", KIND_PLACE, KIND_EXCERPT, id, FALSE, error) &&
         link_listed (loader, keys, "corridors", KIND_CORRIDOR, KIND_EXCERPT, id, FALSE, error) &&
         link_listed (loader, keys, "zones", KIND_ZONE, KIND_EXCERPT, id, FALSE, error);
}

/* The events= and relations= of excerpts, once events and relations exist. */
static gboolean
load_excerpt_backlinks (Loader      *loader,
                        GKeyFile    *keys,
                        const char  *key,
                        GError     **error)
{
  gint64 id = 0;

  return resolve (loader, KIND_EXCERPT, key, &id, error) &&
         link_listed (loader, keys, "events", KIND_EVENT, KIND_EXCERPT, id, FALSE, error) &&
         link_listed (loader, keys, "relations", KIND_RELATION, KIND_EXCERPT, id, FALSE, error);
}

static gboolean
link_event (Loader      *loader,
            GKeyFile    *keys,
            const char  *field,
            const char  *sql,
            RecordKind   kind,
            gint64       event_id,
            GError     **error)
{
  g_auto(GStrv) items = get_list (loader, keys, field);
  sqlite3_stmt *stmt;

  if (items == NULL)
    return TRUE;

  stmt = atlas_store_prepare (loader->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *role = kind == KIND_ACTOR ? strchr (items[i], ':') : NULL;
      gint64 id;

      if (role != NULL)
        *role++ = '\0';
      if (!resolve (loader, kind, g_strstrip (items[i]), &id, error))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, id);
      if (kind == KIND_ACTOR)
        bind_text (stmt, 3, role != NULL && *role != '\0' ? g_strstrip (role) : NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          if (sqlite3_errcode (atlas_store_get_db (loader->store)) == SQLITE_CONSTRAINT)
            return fail (loader, error, _("“%s” is listed twice in %s"), items[i], field);
          return fail_sql (loader, error);
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
load_event (Loader      *loader,
            GKeyFile    *keys,
            const char  *key,
            GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *place = NULL;
  g_autofree char *note = NULL;
  gint64 place_id = 0, id;
  sqlite3_stmt *stmt;

  if (!(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !(title = get_string (loader, keys, "title", TRUE, error)) ||
      !(start = get_string (loader, keys, "start", TRUE, error)))
    return FALSE;
  end = get_string (loader, keys, "end", FALSE, NULL);
  when = get_string (loader, keys, "when", FALSE, NULL);
  summary = get_string (loader, keys, "summary", FALSE, NULL);
  place = get_string (loader, keys, "place", FALSE, NULL);
  note = get_string (loader, keys, "note", FALSE, NULL);
  if (place != NULL && !resolve (loader, KIND_PLACE, place, &place_id, error))
    return FALSE;

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO events (key, kind, title, summary, start, end, "
                              "approximate, date_wording, place_id, note) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, title);
  bind_text (stmt, 4, summary);
  bind_text (stmt, 5, start);
  bind_text (stmt, 6, end);
  sqlite3_bind_int (stmt, 7, get_boolean (keys, loader->group, "approximate"));
  bind_text (stmt, 8, when);
  bind_id (stmt, 9, place_id);
  bind_text (stmt, 10, note);

  return insert_record (loader, stmt, KIND_EVENT, key, &id, error) &&
         link_event (loader, keys, "actors",
                     "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
                     KIND_ACTOR, id, error) &&
         link_event (loader, keys, "corridors",
                     "INSERT INTO event_corridors (event_id, corridor_id) VALUES (?, ?)",
                     KIND_CORRIDOR, id, error) &&
         link_event (loader, keys, "zones",
                     "INSERT INTO event_zones (event_id, zone_id) VALUES (?, ?)",
                     KIND_ZONE, id, error) &&
         link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_EVENT, id, TRUE, error);
}

static gboolean
load_relation (Loader      *loader,
               GKeyFile    *keys,
               const char  *key,
               GError     **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gint64 a_id, b_id, id;
  sqlite3_stmt *stmt;

  if (!(a = get_string (loader, keys, "a", TRUE, error)) ||
      !(b = get_string (loader, keys, "b", TRUE, error)) ||
      !(kind = get_string (loader, keys, "kind", TRUE, error)) ||
      !resolve (loader, KIND_ACTOR, a, &a_id, error) ||
      !resolve (loader, KIND_ACTOR, b, &b_id, error))
    return FALSE;
  from = get_string (loader, keys, "from", FALSE, NULL);
  to = get_string (loader, keys, "to", FALSE, NULL);
  title = get_string (loader, keys, "title", FALSE, NULL);
  description = get_string (loader, keys, "description", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO relations (key, actor_a, actor_b, kind, title, "
                              "description, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, a_id);
  sqlite3_bind_int64 (stmt, 3, b_id);
  bind_text (stmt, 4, kind);
  bind_text (stmt, 5, title);
  bind_text (stmt, 6, description);
  bind_text (stmt, 7, from);
  bind_text (stmt, 8, to);

  return insert_record (loader, stmt, KIND_RELATION, key, &id, error) &&
         link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_RELATION, id, TRUE, error);
}

static gboolean
load_status (Loader      *loader,
             GKeyFile    *keys,
             const char  *key,
             GError     **error)
{
  g_autofree char *corridor = NULL;
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;
  gint64 corridor_id, id;
  sqlite3_stmt *stmt;

  if (!(corridor = get_string (loader, keys, "corridor", TRUE, error)) ||
      !(date = get_string (loader, keys, "date", TRUE, error)) ||
      !(status = get_string (loader, keys, "status", TRUE, error)) ||
      !resolve (loader, KIND_CORRIDOR, corridor, &corridor_id, error))
    return FALSE;
  note = get_string (loader, keys, "note", FALSE, NULL);

  stmt = atlas_store_prepare (loader->store,
                              "INSERT INTO corridor_status (key, corridor_id, date, status, note) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, corridor_id);
  bind_text (stmt, 3, date);
  bind_text (stmt, 4, status);
  bind_text (stmt, 5, note);

  return insert_record (loader, stmt, KIND_STATUS, key, &id, error) &&
         link_listed (loader, keys, "excerpts", KIND_EXCERPT, KIND_STATUS, id, TRUE, error);
}

typedef gboolean (*LoadFunc) (Loader *, GKeyFile *, const char *, GError **);

static gboolean
run_phase (Loader      *loader,
           RecordKind   kind,
           LoadFunc     load,
           GError     **error)
{
  for (guint i = 0; i < loader->files->len; i++)
    {
      DatasetFile *file = g_ptr_array_index (loader->files, i);
      g_auto(GStrv) groups = g_key_file_get_groups (file->keys, NULL);

      loader->file = file->name;
      for (guint j = 0; groups[j] != NULL; j++)
        {
          const char *key = NULL;

          loader->group = groups[j];
          if (group_kind (groups[j], &key) != (int) kind)
            continue;
          if (!load (loader, file->keys, key, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Every group must be of a known kind before anything is written. */
static gboolean
check_groups (Loader  *loader,
              GError **error)
{
  for (guint i = 0; i < loader->files->len; i++)
    {
      DatasetFile *file = g_ptr_array_index (loader->files, i);
      g_auto(GStrv) groups = g_key_file_get_groups (file->keys, NULL);

      loader->file = file->name;
      for (guint j = 0; groups[j] != NULL; j++)
        {
          const char *key = NULL;

          loader->group = groups[j];
          if (group_kind (groups[j], &key) < 0)
            return fail (loader, error, _("unknown kind of record"));
          if (*key == '\0')
            return fail (loader, error, _("the record has no key"));
        }
    }

  return TRUE;
}

static gboolean
load_files (AtlasStore  *store,
            GPtrArray   *files,
            GError     **error)
{
  static const struct {
    RecordKind kind;
    LoadFunc   load;
  } phases[] = {
    { KIND_ACTOR, load_actor },
    { KIND_ACTOR, load_actor_affiliation },
    { KIND_PLACE, load_place },
    { KIND_CORRIDOR, load_corridor },
    { KIND_ZONE, load_zone },
    { KIND_SOURCE, load_source },
    { KIND_EXCERPT, load_excerpt },
    { KIND_EVENT, load_event },
    { KIND_RELATION, load_relation },
    { KIND_STATUS, load_status },
    { KIND_EXCERPT, load_excerpt_backlinks },
  };
  Loader loader = { .store = store, .files = g_ptr_array_ref (files), .file = "", .group = "" };
  gboolean ok = TRUE;

  for (guint i = 0; i < N_KINDS; i++)
    loader.ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = check_groups (&loader, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (phases); i++)
    ok = run_phase (&loader, phases[i].kind, phases[i].load, error);

  loader_clear (&loader);
  return ok;
}

/* GKeyFile quietly merges a group written twice; in a dataset that is a mistake. */
static gboolean
check_unique_groups (const char  *name,
                     GBytes      *bytes,
                     GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* An empty file has no data at all. */
  g_autofree char *text = g_strndup (data ? data : "", size);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '[' && !g_hash_table_add (seen, line))
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET,
                       _("Dataset %s, line %u: the record %s appears twice"), name, i + 1, line);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_file (GPtrArray   *files,
          const char  *name,
          GBytes      *bytes,
          GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  DatasetFile *file;

  if (!check_unique_groups (name, bytes, error))
    return FALSE;

  /* Without KEEP_TRANSLATIONS, GKeyFile drops name[LANG] for every language but the user's. */
  if (!g_key_file_load_from_data (keys, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET,
                   _("Dataset %s: %s"), name, local_error->message);
      return FALSE;
    }

  file = g_new0 (DatasetFile, 1);
  file->name = g_strdup (name);
  file->keys = g_steal_pointer (&keys);
  g_ptr_array_add (files, file);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * atlas_dataset_load_bundled:
 *
 * Loads the dataset compiled into the program. Call it inside a transaction: on failure
 * the caller rolls back.
 */
gboolean
atlas_dataset_load_bundled (AtlasStore  *store,
                            GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) dataset_file_free);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  names = g_resources_enumerate_children (DATASET_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", DATASET_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".ini"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL || !add_file (files, names[i], bytes, error))
        return FALSE;
    }

  return load_files (store, files, error);
}

static gboolean
fill_new_store (AtlasStore  *store,
                gpointer     user_data,
                GError     **error)
{
  return atlas_dataset_load_bundled (store, error);
}

/**
 * atlas_dataset_open_store:
 * @path: the file, or ":memory:"
 * @flags: #AtlasStoreFlags
 *
 * Opens the store at @path as atlas_store_open() does, and fills a store it creates with
 * the bundled dataset in the transaction that creates it, so that no program ever finds a
 * store half filled: a fill that fails leaves the file as empty as it was.
 */
AtlasStore *
atlas_dataset_open_store (const char       *path,
                          AtlasStoreFlags   flags,
                          GError          **error)
{
  return atlas_store_open_full (path, flags, fill_new_store, NULL, error);
}

/**
 * atlas_dataset_load_directory:
 * @store: an open store
 * @directory: a folder of dataset key files (*.ini)
 *
 * Loads every dataset file in @directory, in name order, in one transaction.
 */
gboolean
atlas_dataset_load_directory (AtlasStore  *store,
                              const char  *directory,
                              GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) dataset_file_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  dir = g_dir_open (directory, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (directory, file_name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

      if (mapped == NULL)
        return FALSE;
      bytes = g_mapped_file_get_bytes (mapped);
      if (!add_file (files, file_name, bytes, error))
        return FALSE;
    }

  if (!atlas_store_begin (store, error))
    return FALSE;
  if (!load_files (store, files, error))
    {
      atlas_store_rollback (store);
      return FALSE;
    }
  return atlas_store_commit (store, error);
}
