/* atlas-store-schema.c: the schema a store must have, version by version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store is a file that people mail to each other, so its schema is not trusted: a view or a
 * trigger slipped into it would run with the program's rights whenever it reads or writes.
 * Before a store is used, every entry of its sqlite_schema (tables, columns, indexes, views,
 * triggers) must be exactly what the migrations up to its version make. The reference is
 * made by running those migrations on an empty database in memory, so it can never drift
 * from the migrations themselves.
 */

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-schema.h"
#include "atlas-store.h"

/* One file per schema version, applied in order; the schema version is their count. */
static const char * const migrations[] = {
  "/io/github/caucasusatlas/CaucasusAtlas/schema/001-base.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/002-search.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/003-scale.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/004-as-of.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/005-claims.sql",
};

#define SCHEMA_QUERY "SELECT type, name, sql FROM sqlite_schema"

/* What ANALYZE makes: statistics for the query planner, which any store may carry. At worst
 * they make a plan slow, and the store's time limit bounds that. */
#define STATISTICS_SQL "CREATE TABLE sqlite_stat1(tbl,idx,stat)"

int
atlas_store_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The SQL that takes a store from @version - 1 to @version. */
char *
atlas_store_schema_get_migration (int      version,
                                  GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);

  bytes = g_resources_lookup_data (migrations[version - 1], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
entry_key (const char *type,
           const char *name)
{
  return g_strconcat (type, " ", name, NULL);
}

/* type and name -> the CREATE statement as SQLite keeps it ("" for the automatic indexes). */
static GHashTable *
make_reference (int version)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("Cannot open a database in memory: %s", sqlite3_errmsg (db));

  for (int i = 1; i <= version; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = atlas_store_schema_get_migration (i, &error);

      /* The migrations are built into the program: failing here is a build fault. */
      if (sql == NULL)
        g_error ("Migration %d is missing: %s", i, error->message);
      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("Migration %d does not apply: %s", i, sqlite3_errmsg (db));
    }

  sqlite3_prepare_v2 (db, SCHEMA_QUERY, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (entries,
                         entry_key ((const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_steal_pointer (&entries);
}

static GHashTable *
get_reference (int version)
{
  static GHashTable *references[G_N_ELEMENTS (migrations) + 1];
  G_LOCK_DEFINE_STATIC (references);
  GHashTable *reference;

  G_LOCK (references);
  if (references[version] == NULL)
    references[version] = make_reference (version);
  reference = references[version];
  G_UNLOCK (references);

  return reference;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
schema_error (GError     **error,
              const char  *path,
              const char  *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
schema_error (GError     **error,
              const char  *path,
              const char  *format,
              ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_SCHEMA,
               /* Translators: the first %s is a file, the second what is wrong with it */
               _("“%s” is not a Caucasus Atlas store as this program makes it: %s. It may have "
                 "been changed by another program. The file was left as it is."), path, problem);
  return FALSE;
}

/**
 * atlas_store_schema_verify:
 * @store: a store being opened
 * @version: the schema version the store says it has
 *
 * Checks that @db's schema is exactly the one the migrations up to @version make: no table,
 * column, index, view or trigger more, less or different.
 *
 * Returns: %TRUE when it is; otherwise %FALSE with @error saying what differs
 */
gboolean
atlas_store_schema_verify (AtlasStore  *store,
                           int          version,
                           GError     **error)
{
  sqlite3 *db = atlas_store_get_db (store);
  const char *path = atlas_store_get_path (store);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  GHashTable *reference;
  g_autoptr(GHashTable) seen = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  g_return_val_if_fail (version >= 0 && version <= (int) G_N_ELEMENTS (migrations), FALSE);

  reference = get_reference (version);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (sqlite3_prepare_v2 (db, SCHEMA_QUERY, -1, &stmt, NULL) != SQLITE_OK)
    {
      atlas_store_set_error (store, error, _("Reading the schema"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Copied: the error is made after the statement is gone. */
      g_autofree char *type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *entry = NULL;
      const char *expected;

      /* Names come from the file: never print text that is not UTF-8. */
      if (type == NULL || name == NULL || !g_utf8_validate (type, -1, NULL) ||
          !g_utf8_validate (name, -1, NULL))
        {
          sqlite3_finalize (stmt);
          return schema_error (error, path, _("its schema has an entry without a valid name"));
        }

      if (g_strcmp0 (name, "sqlite_stat1") == 0 && g_strcmp0 (sql, STATISTICS_SQL) == 0)
        continue;

      entry = entry_key (type, name);
      if (!g_hash_table_lookup_extended (reference, entry, NULL, (gpointer *) &expected))
        {
          sqlite3_finalize (stmt);
          /* Translators: the first %s is table, index, view or trigger; the second its name */
          return schema_error (error, path, _("it has a %s “%s” that Caucasus Atlas does not make"),
                               type, name);
        }
      if (g_strcmp0 (sql, expected) != 0)
        {
          sqlite3_finalize (stmt);
          /* Translators: the first %s is table, index, view or trigger; the second its name */
          return schema_error (error, path, _("its %s “%s” is not defined as Caucasus Atlas "
                                              "defines it"), type, name);
        }
      g_hash_table_add (seen, g_steal_pointer (&entry));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      atlas_store_set_error (store, error, _("Reading the schema"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, reference);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (missing, key);

  if (missing->len > 0)
    {
      g_autofree char *type = NULL;
      guint shown = 0;
      char *name;

      /* Name the same one every time, and a table if one is missing. */
      g_ptr_array_sort (missing, compare_keys);
      for (guint i = missing->len; i-- > 0; )
        if (g_str_has_prefix (g_ptr_array_index (missing, i), "table "))
          shown = i;
      type = g_strdup (g_ptr_array_index (missing, shown));
      name = strchr (type, ' ');
      *name++ = '\0';
      return schema_error (error, path,
                           /* Translators: %d is a count, then a kind of entry and its name */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u entry of store version %d is missing, the %s “%s”",
                                        "%u entries of store version %d are missing, such as "
                                        "the %s “%s”", missing->len),
                           missing->len, version, type, name);
    }

  return TRUE;
}
