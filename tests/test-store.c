/* test-store.c: opening, creating, upgrading and refusing store files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-store.h"
#include "atlas-test-util.h"

static const char * const migration_paths[] = {
  "/io/github/caucasusatlas/CaucasusAtlas/schema/001-base.sql",
  "/io/github/caucasusatlas/CaucasusAtlas/schema/002-search.sql",
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

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NO_DATASET, &error);
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
  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_store_get_created (store));
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 0);
  g_clear_object (&store);

  g_remove (path);
  g_rmdir (dir);
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
 * actor and one excerpt in it. */
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
                                 "INSERT INTO excerpts (key, source_id, text) VALUES ('x', 1, 'Atlantis sank');",
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

      store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_false (atlas_store_get_created (store));
      g_assert_cmpint (atlas_store_get_schema_version (store), ==, atlas_store_get_latest_version ());
      g_assert_cmpint (atlas_test_query_int (store, "PRAGMA user_version"), ==,
                       atlas_store_get_latest_version ());

      /* The data came through, the new index covers old rows, and no dataset was added. */
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 1);
      g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM excerpt_search "
                                         "WHERE excerpt_search MATCH 'atlantis'"), ==, 1);

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

static void
spoil_corrupt (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NO_DATASET, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize size;

  g_assert_nonnull (store);
  atlas_store_exec (store, "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n "
                           "WHERE v < 200) INSERT INTO sources (key, title, publication) "
                           "SELECT 'k' || v, printf ('%.500c', 'x'), 'p' FROM n", NULL);
  g_clear_object (&store);

  /* Scribble over the middle of the file, leaving the header intact. */
  bytes = atlas_test_read_file (path);
  size = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  for (gsize i = 4096; i < size && i < 4096 * 6; i++)
    data[i] = (char) (i * 7);
  atlas_test_write_file (path, data, size);
}

static void
spoil_newer (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NO_DATASET, NULL);
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
};

static void
test_store_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GDir) listing = NULL;

  bad->spoil (path);
  before = atlas_test_read_file (path);

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, (int) bad->code);
  g_assert_nonnull (strstr (error->message, bad->says));
  g_assert_nonnull (strstr (error->message, path));
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

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NO_DATASET, &error);
  g_assert_no_error (error);
  atlas_store_exec (store, "INSERT INTO actors (key, kind, name) VALUES ('a', 'state', 'A')", &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_chmod (path, 0444);
  before = atlas_test_read_file (path);

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
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
  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
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

  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
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
  store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_PERMISSION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_store_create);
  g_test_add_func ("/store/constraints", test_store_constraints);
  g_test_add_func ("/store/upgrade", test_store_upgrade);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/bad-input/%s", bad_inputs[i].name);

      g_test_add_data_func (name, &bad_inputs[i], test_store_bad_input);
    }
  g_test_add_func ("/store/read-only", test_store_read_only);
  g_test_add_func ("/store/missing-directory", test_store_missing_directory);
  g_test_add_func ("/store/folder-not-writable", test_store_folder_not_writable);

  return g_test_run ();
}
