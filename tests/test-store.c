/* test-store.c: opening, creating, upgrading and refusing store files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atlas-dataset.h"
#include "atlas-store.h"
#include "atlas-test-util.h"

static const char * const migration_paths[] = {
  "/io/github/caucasusatlas/CaucasusAtlas/schema/001-base.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/002-search.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/003-scale.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/004-as-of.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/005-claims.sql",
};

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = atlas_test_read_file (path);

  g_assert_true (g_bytes_equal (before, after));
}

static void
test_store_create (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_get_created (store));
  g_assert_false (atlas_store_get_read_only (store));
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_get_latest_version ());
  g_assert_cmpint (atlas_store_get_latest_version (), ==, G_N_ELEMENTS (migration_paths));
  g_assert_cmpint (atlas_test_query_int (store, "PRAGMA user_version"), ==, atlas_store_get_latest_version ());
  g_assert_cmpint (atlas_test_query_int (store, "PRAGMA application_id"), ==, ATLAS_STORE_APPLICATION_ID);
  g_assert_cmpint (atlas_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_null (atlas_store_get_backup_path (store));
  g_clear_object (&store);

  /* Opening it again finds it as it is. */
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_store_get_created (store));
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 0);
  g_clear_object (&store);

  g_remove (path);
  g_rmdir (dir);
}

/* Writes a record, then fails, as a dataset with a mistake half-way would. */
static gboolean
fill_then_fail (AtlasStore  *store,
                gpointer     user_data,
                GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  if (!atlas_store_exec (store, "INSERT INTO actors (key, kind, name) VALUES ('a', 'state', 'A')",
                         error))
    return FALSE;
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET, "The fill failed");
  return FALSE;
}

static gboolean
fill_one (AtlasStore  *store,
          gpointer     user_data,
          GError     **error)
{
  return atlas_store_exec (store, "INSERT INTO actors (key, kind, name) VALUES ('a', 'state', 'A')",
                           error);
}

/* A new store is made and filled in one step: a fill that fails leaves no store behind,
 * and a store found is never filled again. */
static void
test_store_create_fill (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint calls = 0;

  store = atlas_store_open_full (path, ATLAS_STORE_FLAGS_NONE, fill_then_fail, &calls, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);

  /* Neither the schema nor the record stayed, and the file is not held open. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE; COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = atlas_store_open_full (path, ATLAS_STORE_FLAGS_NONE, fill_one, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_get_created (store));
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 1);
  g_clear_object (&store);

  store = atlas_store_open_full (path, ATLAS_STORE_FLAGS_NONE, fill_then_fail, &calls, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_store_get_created (store));
  g_assert_cmpuint (calls, ==, 1);
  g_clear_object (&store);

  atlas_test_remove_dir (dir);
}

static void
test_store_constraints (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;

  /* Foreign keys are enforced. */
  g_assert_false (atlas_store_exec (store, "INSERT INTO event_actors VALUES (9999, 9999, NULL)",
                                    &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Kinds come from a fixed list. */
  g_assert_false (atlas_store_exec (store, "INSERT INTO actors (key, kind, name) "
                                           "VALUES ('x', 'planet', 'X')", &error));
  g_clear_error (&error);

  /* Dates are validated, and keep their precision. */
  g_assert_false (atlas_store_exec (store, "INSERT INTO events (key, kind, title, start) "
                                           "VALUES ('bad', 'summit', 'Bad', '2025-13')", &error));
  g_clear_error (&error);
  g_assert_false (atlas_store_exec (store, "INSERT INTO events (key, kind, title, start, end) "
                                           "VALUES ('bad', 'summit', 'Bad', '2025-05', '2024')",
                                    &error));
  g_clear_error (&error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM events WHERE key = 'war-2020' "
                                     "AND precision = 'year' AND first_day = '2020-01-01' "
                                     "AND last_day = '2020-12-31'"), ==, 1);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM events WHERE key = 'talks-2024' "
                                     "AND first_day = '2024-05-01' AND last_day = '2024-06-30'"),
                   ==, 1);

  /* An excerpt link names exactly one item. */
  g_assert_false (atlas_store_exec (store, "INSERT INTO excerpt_links (excerpt_id) VALUES (1)",
                                    &error));
  g_clear_error (&error);

  /* Deleting an excerpt takes it out of the search index. */
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM excerpt_search "
                                     "WHERE excerpt_search MATCH 'tehran'"), ==, 1);
  atlas_store_exec (store, "DELETE FROM excerpts WHERE key = 'x-iran'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM excerpt_search "
                                     "WHERE excerpt_search MATCH 'tehran'"), ==, 0);
}

/* Makes a store at @version by running the first @version migrations by hand, with one
 * actor, one excerpt and one corridor with a status in it. */
static void
make_store_at_version (const char *path,
                       int         version)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int i = 0; i < version; i++)
    {
      g_autoptr(GBytes) sql = g_resources_lookup_data (migration_paths[i], 0, NULL);
      g_autofree char *text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));

      g_assert_cmpint (sqlite3_exec (db, text, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO actors (key, kind, name) VALUES ('a', 'state', 'Atlantis');"
                                 "INSERT INTO sources (key, title, publication) VALUES ('s', 'T', 'P');"
                                 "INSERT INTO excerpts (key, source_id, text) VALUES ('x', 1, 'Atlantis sank');"
                                 "INSERT INTO corridors (key, kind, name) VALUES ('c', 'rail', 'Line');"
                                 "INSERT INTO corridor_status (key, corridor_id, date, status)"
                                 " VALUES ('s', 1, '1990', 'operational');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                                            version, ATLAS_STORE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_upgrade (void)
{
  for (int version = 1; version < atlas_store_get_latest_version (); version++)
    {
      g_autofree char *dir = atlas_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(AtlasStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) backup = NULL;

      g_test_message ("upgrading from version %d", version);
      make_store_at_version (path, version);
      before = atlas_test_read_file (path);

      store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_false (atlas_store_get_created (store));
      g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_get_latest_version ());
      g_assert_cmpint (atlas_test_query_int (store, "PRAGMA user_version"), ==,
                       atlas_store_get_latest_version ());

      /* The data came through, the new index covers old rows, and no dataset was added. */
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 1);
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM excerpt_search "
                                         "WHERE excerpt_search MATCH 'atlantis'"), ==, 1);
      /* Older stores knew only dated changes, and only the documents as sources. */
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM corridor_status "
                                                    "WHERE kind = 'change'"), ==, 1);
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM sources "
                                                    "WHERE kind = 'document'"), ==, 1);

      /* The file as it was is kept beside it. */
      g_assert_nonnull (atlas_store_get_backup_path (store));
      backup = atlas_test_read_file (atlas_store_get_backup_path (store));
      g_assert_true (g_bytes_equal (before, backup));

      g_remove (atlas_store_get_backup_path (store));
      g_clear_object (&store);
      g_remove (path);
      g_rmdir (dir);
    }
}

typedef void (*SpoilFunc) (const char *path);

static void
spoil_not_sqlite (const char *path)
{
  atlas_test_write_file (path, "id,name\n1,Baku\n", -1);
}

static void
spoil_short_header (const char *path)
{
  atlas_test_write_file (path, "SQLite format 3", -1);
}

/* Scribbles over the file from @start to @end, leaving what is before intact. */
static void
scribble (const char *path,
          gsize       start,
          gsize       end)
{
  g_autoptr(GBytes) bytes = atlas_test_read_file (path);
  g_autofree char *data = NULL;
  gsize size;

  size = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  for (gsize i = start; i < size && i < end; i++)
    data[i] = (char) (i * 7);
  atlas_test_write_file (path, data, size);
}

static void
make_store_with_rows (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, NULL);

  g_assert_nonnull (store);
  atlas_store_exec (store, "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n "
                           "WHERE v < 200) INSERT INTO sources (key, title, publication) "
                           "SELECT 'k' || v, printf ('%.500c', 'x'), 'p' FROM n", NULL);
}

/* Opening reads the header and the schema, not every page: damage to the schema (on the
 * first page, after the header) is found on open. */
static void
spoil_corrupt (const char *path)
{
  make_store_with_rows (path);
  scribble (path, 100, 4096);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table of @db that a version 4 store has (the full-text tables left to
 * their own test), as text: the columns named in @columns (table -> "a, b, c"), which are
 * filled in from @db when empty. */
static char *
dump_rows (sqlite3    *db,
           GHashTable *columns)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (g_hash_table_size (columns) == 0)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT t.name, group_concat (c.name, ', ')"
                                               " FROM sqlite_schema t, pragma_table_info (t.name) c"
                                               " WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%'"
                                               " AND t.name NOT LIKE '%search%' GROUP BY t.name",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
    }

  {
    guint n = 0;
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array (columns, &n);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (tables, g_strdup (keys[i]));
  }
  g_ptr_array_sort (tables, compare_names);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      const char *list = g_hash_table_lookup (columns, table);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", list, table, list);

      g_string_append_printf (dump, "%s:\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                 ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* A store of version 4, with a row in every table a person's work fills, comes through the
 * upgrade to version 5 with every row as it was; its names are nobody's official names and
 * no source's, and none of its events is disputed. */
static void
test_store_upgrade_from_4 (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  make_store_at_version (path, 4);
  exec_raw (path,
            "INSERT INTO actors (key, kind, name) VALUES ('b', 'state', 'Borduria');"
            "INSERT INTO places (key, kind, name, lat, lon, country_id)"
            " VALUES ('p', 'city', 'Szohôd', 40.1, 46.2, 1);"
            "INSERT INTO names (place_id, lang, name, folded) VALUES (1, 'en', 'Szohôd', 'szohod'),"
            " (1, NULL, 'Szohod', 'szohod');"
            "INSERT INTO zones (key, kind, name, valid_from) VALUES ('z', 'exclave', 'Z', '1991');"
            "INSERT INTO zone_points VALUES (1, 0, 40, 46), (1, 1, 41, 46), (1, 2, 41, 47);"
            "INSERT INTO corridor_points VALUES (1, 0, 40, 46, 1), (1, 1, 41, 47, NULL);"
            "INSERT INTO events (key, kind, title, start, place_id)"
            " VALUES ('e', 'summit', 'Summit', '2025-10-13', 1);"
            "INSERT INTO event_actors VALUES (1, 1, 'host');"
            "INSERT INTO event_corridors VALUES (1, 1);"
            "INSERT INTO event_zones VALUES (1, 1);"
            "INSERT INTO relations (key, actor_a, actor_b, kind) VALUES ('r', 1, 2, 'rivalry');"
            "INSERT INTO excerpt_links (excerpt_id, event_id) VALUES (1, 1);"
            "INSERT INTO excerpt_links (excerpt_id, relation_id) VALUES (1, 1);"
            "INSERT INTO excerpt_links (excerpt_id, status_id) VALUES (1, 1);"
            "INSERT INTO saved_views (name, state) VALUES ('Mine', '{}');");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  before = dump_rows (db, columns);
  sqlite3_close (db);

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (store), ==, 5);
  g_assert_cmpint (atlas_store_get_latest_version (), ==, 5);

  after = dump_rows (atlas_store_get_db (store), columns);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM names WHERE in_sources = 0"),
                   ==, 2);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM official_names"), ==, 0);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM event_accounts"), ==, 0);

  /* The new tables take rows, and keep an account to its own source's words. */
  g_assert_true (atlas_store_exec (store, "INSERT INTO sources (key, title, publication)"
                                          " VALUES ('s2', 'T2', 'P2');"
                                          "INSERT INTO event_accounts (key, event_id, source_id, date)"
                                          " VALUES ('a', 1, 1, '2025-10-13');"
                                          "INSERT INTO event_account_excerpts VALUES (1, 1);"
                                          "INSERT INTO official_names VALUES (1, 1);", &error));
  g_assert_no_error (error);
  g_assert_false (atlas_store_exec (store, "INSERT INTO event_accounts (key, event_id, source_id, date)"
                                           " VALUES ('b', 1, 2, '2025-10-12');"
                                           "INSERT INTO event_account_excerpts VALUES (2, 1);", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "its own source"));
  g_clear_error (&error);
  g_assert_false (atlas_store_exec (store, "INSERT INTO event_accounts (key, event_id, source_id)"
                                           " VALUES ('c', 1, 2)", NULL));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
make_empty_store (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, NULL);

  g_assert_nonnull (store);
}

static void
spoil_negative_version (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "PRAGMA user_version = -1");
}

static void
spoil_huge_version (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "PRAGMA user_version = 2147483647");
}

static void
spoil_no_version (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "PRAGMA user_version = 0");
}

static void
spoil_no_tables (const char *path)
{
  g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                            ATLAS_STORE_APPLICATION_ID,
                                            atlas_store_get_latest_version ());

  exec_raw (path, stamp);
}

static void
spoil_trigger (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "CREATE TRIGGER wipe AFTER INSERT ON saved_views BEGIN DELETE FROM events; END");
}

static void
spoil_endless_view (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "PRAGMA foreign_keys = OFF; DROP TABLE places; CREATE VIEW places AS "
                  "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n) "
                  "SELECT v AS id, 'k' AS key, 'town' AS kind, 'n' AS name, 0.0 AS lat, "
                  "0.0 AS lon, NULL AS country_id, 0 AS approximate, NULL AS description "
                  "FROM n WHERE v < 0");
}

static void
spoil_extra_column (const char *path)
{
  make_empty_store (path);
  exec_raw (path, "ALTER TABLE saved_views ADD COLUMN note TEXT");
}

static void
spoil_newer (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          atlas_store_get_latest_version () + 1);

  atlas_store_exec (store, sql, NULL);
}

static void
spoil_foreign (const char *path)
{
  sqlite3 *db = NULL;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT)", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* Opening @path fails with @code and a message that says @says and names the file. */
static void
assert_refused (const char      *path,
                AtlasStoreError  code,
                const char      *says)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, (int) code);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
  g_assert_nonnull (strstr (error->message, path));
}

typedef struct
{
  const char     *name;
  SpoilFunc       spoil;
  AtlasStoreError code;
  const char     *says;
} BadInput;

static const BadInput bad_inputs[] = {
  { "not-sqlite", spoil_not_sqlite, ATLAS_STORE_ERROR_NOT_A_DATABASE, "is not a SQLite database" },
  { "short-header", spoil_short_header, ATLAS_STORE_ERROR_NOT_A_DATABASE, "is not a SQLite database" },
  { "corrupt", spoil_corrupt, ATLAS_STORE_ERROR_CORRUPT, "is damaged" },
  { "newer", spoil_newer, ATLAS_STORE_ERROR_TOO_NEW, "newer version of Caucasus Atlas" },
  { "foreign", spoil_foreign, ATLAS_STORE_ERROR_NOT_AN_ATLAS, "another program" },
  { "negative-version", spoil_negative_version, ATLAS_STORE_ERROR_CORRUPT, "store version -1" },
  { "huge-version", spoil_huge_version, ATLAS_STORE_ERROR_TOO_NEW, "store version 2147483647" },
  { "no-version", spoil_no_version, ATLAS_STORE_ERROR_CORRUPT, "has no store version" },
  { "no-tables", spoil_no_tables, ATLAS_STORE_ERROR_SCHEMA, "table “actors”" },
  { "trigger", spoil_trigger, ATLAS_STORE_ERROR_SCHEMA, "trigger “wipe”" },
  { "endless-view", spoil_endless_view, ATLAS_STORE_ERROR_SCHEMA, "view “places”" },
  { "extra-column", spoil_extra_column, ATLAS_STORE_ERROR_SCHEMA, "table “saved_views”" },
};

static void
test_store_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GDir) listing = NULL;

  bad->spoil (path);
  before = atlas_test_read_file (path);

  assert_refused (path, bad->code, bad->says);
  assert_file_unchanged (path, before);

  /* Nothing else was left behind: no backup, no journal. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "bad.db");
  g_assert_null (g_dir_read_name (listing));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  atlas_store_exec (store, "INSERT INTO actors (key, kind, name) VALUES ('a', 'state', 'A')", &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_chmod (path, 0444);
  before = atlas_test_read_file (path);

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_get_read_only (store));
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 1);
  g_assert_false (atlas_store_exec (store, "DELETE FROM actors", &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  assert_file_unchanged (path, before);

  /* An old read-only store cannot be upgraded, and says so. */
  g_chmod (path, 0644);
  g_remove (path);
  make_store_at_version (path, 1);
  g_chmod (path, 0444);
  g_clear_error (&error);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_chmod (path, 0644);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_store_missing_directory (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NO_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_store_folder_not_writable (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_chmod (dir, 0555);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

/* Only a regular file can be a store: /dev/null took a journal beside it, and a FIFO hung
 * the header check. A link opens the file it points to. */
static void
test_store_special_files (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.db", NULL);
  g_autofree char *target = g_build_filename (dir, "real.db", NULL);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.db", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused ("/dev/null", ATLAS_STORE_ERROR_NOT_A_DATABASE, "special file");
  g_assert_false (g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, ATLAS_STORE_ERROR_NOT_A_DATABASE, "special file");

  make_empty_store (target);
  g_assert_cmpint (symlink ("real.db", link), ==, 0);
  store = atlas_dataset_open_store (link, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_store_get_path (store), ==, target);
  g_assert_false (atlas_store_get_read_only (store));
  g_clear_object (&store);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (symlink ("nowhere.db", dangling), ==, 0);
  assert_refused (dangling, ATLAS_STORE_ERROR_NOT_A_DATABASE, "link to a file that does not exist");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  atlas_test_remove_dir (dir);
}

typedef struct
{
  const char *path;
  GError     *error;
  gboolean    created;
} Starter;

static gpointer
start_store (gpointer data)
{
  Starter *starter = data;
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (starter->path, ATLAS_STORE_FLAGS_NONE,
                                                  &starter->error);

  starter->created = store != NULL && atlas_store_get_created (store);
  return NULL;
}

/* Several starts at once on a new path make one store between them, and each opens it:
 * whether to create is decided under the write lock. */
static void
test_store_first_start_race (void)
{
  g_autoptr(AtlasStore) alone = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);

  for (int trial = 0; trial < 5; trial++)
    {
      g_autofree char *dir = atlas_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
      g_autoptr(AtlasStore) store = NULL;
      Starter starters[6] = { 0 };
      GThread *threads[G_N_ELEMENTS (starters)];
      guint created = 0;

      for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
        {
          starters[i].path = path;
          threads[i] = g_thread_new ("start", start_store, &starters[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
        {
          g_thread_join (threads[i]);
          g_assert_no_error (starters[i].error);
          created += starters[i].created;
        }
      g_assert_cmpuint (created, ==, 1);

      /* One whole bundled dataset, as a store made alone has it. */
      store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, NULL);
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM events"), ==,
                       atlas_test_query_int (alone, "SELECT count(*) FROM events"));
      g_clear_object (&store);
      atlas_test_remove_dir (dir);
    }
}

/* A store another program holds is "in use", never "damaged"; and a write goes through
 * while another program reads. */
static void
test_store_busy (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  sqlite3_stmt *reading = NULL;

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT name FROM sqlite_schema", -1, &reading,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  atlas_store_exec (store, "INSERT INTO saved_views (name, state) VALUES ('a', '{}')", &error);
  g_assert_no_error (error);
  sqlite3_finalize (reading);

  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (atlas_store_exec (store, "INSERT INTO saved_views (name, state) "
                                           "VALUES ('b', '{}')", &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_null (strstr (error->message, "damaged"));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* No statement runs unbounded, whatever it is asked. */
static void
test_store_time_limit (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  atlas_store_set_time_limit (store, 200);
  g_assert_false (atlas_store_exec (store, "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL "
                                           "SELECT v + 1 FROM n) SELECT count(*) FROM n", &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_assert_nonnull (strstr (error->message, "was stopped"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  /* The store works on afterwards. */
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM events"), >, 0);

  /* The limit is on one step: many short steps, and many short statements, may together
   * take far longer. */
  {
    sqlite3_stmt *stmt = NULL;
    guint rows = 0;

    /* Each row sums 20,000 numbers afresh: a step of a few milliseconds. */
    g_clear_error (&error);
    stmt = atlas_store_prepare (store, "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 "
                                       "FROM n WHERE v < 20000), r (x) AS (SELECT 1 UNION ALL "
                                       "SELECT x + 1 FROM r WHERE x < 50) "
                                       "SELECT (SELECT sum (v + x) FROM n) FROM r", &error);
    g_assert_no_error (error);
    started = g_get_monotonic_time ();
    while (g_get_monotonic_time () - started < 600 * G_TIME_SPAN_MILLISECOND)
      {
        int rc;

        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          rows++;
        g_assert_cmpint (rc, ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
    g_assert_cmpuint (rows, >, 0);
  }
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = atlas_test_read_file (from);

  atlas_test_write_file (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Another program with the store at @path open: a child that reads it and waits. */
static GPid
hold_open (const char *path)
{
  int ready[2];
  char byte;
  pid_t child;

  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      sqlite3 *db = NULL;

      /* Gone with the test, even if the test fails before it kills it. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready[1], "r", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  return child;
}

/* Opening checks cheaply; every page is read after a program stopped with the store open,
 * and on request. */
static void
test_store_check (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autofree char *crashed = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_build_filename (dir, "crashed.db-wal", NULL);
  g_autofree char *wal = g_build_filename (dir, "atlas.db-wal", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  sqlite3 *writer = NULL;
  GPid holder;

  /* A sound store has no problems. */
  make_store_with_rows (path);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  problems = atlas_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_clear_pointer (&problems, g_strfreev);
  g_clear_object (&store);

  /* Damage past the schema opens, and the check finds it. */
  scribble (path, 4096 * 3, 4096 * 8);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  problems = atlas_store_check (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), >, 0);
  g_clear_object (&store);

  /* The same file with a write-ahead log left beside it, as a program that was killed
   * leaves it, is checked on open and refused. */
  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  sqlite3_exec (writer, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (writer, "INSERT INTO saved_views (name, state) "
                                         "VALUES ('v', '{}')", NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (path, crashed);
  copy_file (wal, crashed_wal);
  sqlite3_close (writer);

  /* While another program has it open, the log is that program's, not a crash's: the
   * store opens without reading every page. */
  holder = hold_open (crashed);
  store = atlas_dataset_open_store (crashed, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  kill (holder, SIGKILL);
  waitpid (holder, NULL, 0);

  assert_refused (crashed, ATLAS_STORE_ERROR_CORRUPT, "is damaged");

  atlas_test_remove_dir (dir);
}

/* A failed upgrade, tried again, keeps one copy of the old file, not one per start; a copy
 * half written by a killed upgrade never stands under the copy's name. */
static void
test_store_upgrade_copies (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "old.db.v1.bak", NULL);
  g_autofree char *partial = g_build_filename (dir, "old.db.v1.bak.partial", NULL);
  g_autofree char *second = g_build_filename (dir, "old.db.v1-2.bak", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  make_store_at_version (path, 1);
  before = atlas_test_read_file (path);
  atlas_test_write_file (partial, "half a cop", -1);

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_store_get_backup_path (store), ==, backup);
  g_clear_object (&store);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  assert_file_unchanged (backup, before);

  /* The same old file again: its copy is there already. */
  atlas_test_write_file (path, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_store_get_backup_path (store), ==, backup);
  g_clear_object (&store);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* Another old file at that path gets a copy of its own. */
  g_remove (path);
  make_store_at_version (path, 1);
  exec_raw (path, "INSERT INTO actors (key, kind, name) VALUES ('b', 'state', 'Bactria')");
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_store_get_backup_path (store), ==, second);
  g_clear_object (&store);
  assert_file_unchanged (backup, before);

  atlas_test_remove_dir (dir);
}

/* The copy is the store as SQLite reads it, with what its write-ahead log holds. */
static void
test_store_upgrade_copies_log (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "old.db-wal", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  make_store_at_version (path, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "INSERT INTO actors (key, kind, name) "
                                     "VALUES ('b', 'state', 'Bactria')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (atlas_store_get_backup_path (store));
  copy = atlas_store_open (atlas_store_get_backup_path (store), ATLAS_STORE_FLAGS_READ_ONLY,
                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_get_schema_version (copy), ==, 1);
  g_assert_cmpint (atlas_test_query_int (copy, "SELECT count(*) FROM actors"), ==, 2);
  g_clear_object (&copy);
  g_clear_object (&store);

  atlas_test_remove_dir (dir);
}

/* ANALYZE's statistics are not ours, but any store may have them. */
static void
test_store_statistics (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_empty_store (path);
  exec_raw (path, "ANALYZE");
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count (*) FROM sqlite_stat1"), >, 0);
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

static void
test_store_statement_count (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  guint64 before = atlas_store_get_statement_count (store);

  g_assert_true (atlas_store_exec (store, "SELECT 1; SELECT 2; SELECT 3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_store_get_statement_count (store), ==, before + 3);

  /* The program of a trigger is part of the statement that fired it. */
  g_assert_true (atlas_store_exec (store, "CREATE TEMP TABLE t (x); CREATE TEMP TABLE log (x);"
                                          "CREATE TEMP TRIGGER t_log AFTER INSERT ON t BEGIN "
                                          "INSERT INTO log VALUES (new.x); END", &error));
  g_assert_no_error (error);
  before = atlas_store_get_statement_count (store);
  g_assert_true (atlas_store_exec (store, "INSERT INTO t VALUES (1)", &error));
  g_assert_cmpuint (atlas_store_get_statement_count (store), ==, before + 1);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM log"), ==, 1);
}

static void
test_store_changed (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  atlas_test_log_changes (store, log);

  /* Once per kind, after the commit, each id once. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "UPDATE actors SET name = 'Renamed' WHERE id = 2",
                                   &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 3);
  atlas_store_note_change (store, ATLAS_ITEM_ACTOR, 2);
  atlas_store_note_change (store, ATLAS_ITEM_ACTOR, 1);
  atlas_store_note_change (store, ATLAS_ITEM_ACTOR, 2);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "actor:1,2;event:3;");
  g_string_truncate (log, 0);

  /* An id of 0 says any record of the kind. */
  g_assert_true (atlas_store_begin_change (store, &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 5);
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 0);
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 6);
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_cmpstr (log->str, ==, "event:;");
  g_string_truncate (log, 0);

  /* Nothing for a change rolled back, and nothing of it stays. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "UPDATE actors SET name = 'Gone'", &error));
  g_assert_no_error (error);
  atlas_store_note_change (store, ATLAS_ITEM_ACTOR, 0);
  atlas_store_rollback_change (store);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors WHERE name = 'Gone'"),
                   ==, 0);

  /* Nor for a commit that fails: here on a reference checked only at the commit. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "PRAGMA defer_foreign_keys = ON;"
                                          "INSERT INTO event_actors VALUES (9999, 9999, NULL)",
                                   &error));
  g_assert_no_error (error);
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, 9999);
  g_assert_false (atlas_store_commit_change (store, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_true (sqlite3_get_autocommit (atlas_store_get_db (store)));
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM event_actors "
                                                "WHERE event_id = 9999"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_store_create);
  g_test_add_func ("/store/create-fill", test_store_create_fill);
  g_test_add_func ("/store/constraints", test_store_constraints);
  g_test_add_func ("/store/upgrade", test_store_upgrade);
  g_test_add_func ("/store/upgrade-from-4", test_store_upgrade_from_4);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/bad-input/%s", bad_inputs[i].name);

      g_test_add_data_func (name, &bad_inputs[i], test_store_bad_input);
    }
  g_test_add_func ("/store/read-only", test_store_read_only);
  g_test_add_func ("/store/missing-directory", test_store_missing_directory);
  g_test_add_func ("/store/folder-not-writable", test_store_folder_not_writable);
  g_test_add_func ("/store/special-files", test_store_special_files);
  g_test_add_func ("/store/statistics", test_store_statistics);
  g_test_add_func ("/store/first-start-race", test_store_first_start_race);
  g_test_add_func ("/store/busy", test_store_busy);
  g_test_add_func ("/store/time-limit", test_store_time_limit);
  g_test_add_func ("/store/check", test_store_check);
  g_test_add_func ("/store/upgrade-copies", test_store_upgrade_copies);
  g_test_add_func ("/store/upgrade-copies-log", test_store_upgrade_copies_log);
  g_test_add_func ("/store/statement-count", test_store_statement_count);
  g_test_add_func ("/store/changed", test_store_changed);

  return g_test_run ();
}
