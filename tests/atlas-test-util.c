/* atlas-test-util.c: what several tests need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "atlas-dataset.h"
#include "atlas-test-util.h"

/* A fresh temporary folder; the caller removes what it puts there. */
char *
atlas_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("atlas-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir, made by atlas_test_make_dir(), and the files in it. */
void
atlas_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An in-memory store holding tests/data/small. */
AtlasStore *
atlas_test_small_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  atlas_dataset_load_directory (store, g_test_get_filename (G_TEST_DIST, "data", "small", NULL),
                                &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The small store in a file at @path, which a second connection can reach. */
AtlasStore *
atlas_test_small_store_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  atlas_dataset_load_directory (store, g_test_get_filename (G_TEST_DIST, "data", "small", NULL),
                                &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

GBytes *
atlas_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
atlas_test_write_file (const char *path,
                       const char *contents,
                       gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* An independent RFC 4180 reader, so CSV output is checked by parsing it back.
 * Returns rows as GPtrArray of GStrv-like GPtrArray of strings. */
GPtrArray *
atlas_test_parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');  /* an unterminated quote is malformed CSV */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
          {
            g_assert_true (*p != '"');  /* a quote inside an unquoted field is malformed */
            g_string_append_c (field, *p++);
          }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');  /* RFC 4180 ends records with CRLF */
          p += 2;
          g_ptr_array_add (rows, row);
          row = NULL;
        }
    }

  g_assert_null (row);
  g_string_free (field, TRUE);
  return rows;
}

/* The one integer a query returns, failing the test if it returns none. */
gint64
atlas_test_query_int (AtlasStore *store,
                      const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The id of the record @key of @table. */
gint64
atlas_test_key_id (AtlasStore *store,
                   const char *table,
                   const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE key = '%s'", table, key);

  return atlas_test_query_int (store, sql);
}

static void
on_changed (AtlasStore    *store,
            AtlasItemKind  kind,
            GArray        *ids,
            GString       *log)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ATLAS_TYPE_ITEM_KIND);

  g_string_append_printf (log, "%s:", g_enum_get_value (kinds, kind)->value_nick);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (log, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (log, ';');
}

/* Writes each emission of AtlasStore::changed into @log as "kind:id,id;". */
void
atlas_test_log_changes (AtlasStore *store,
                        GString    *log)
{
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), log);
}

/* Switches to the German locale and messages that the test set-up builds (tests/meson.build)
 * and returns the locale to go back to with atlas_test_leave_german(); or, where they were
 * not built, marks the test skipped and returns NULL. */
char *
atlas_test_enter_german (void)
{
  const char *locales = g_getenv ("ATLAS_TEST_LOCPATH");
  const char *catalogues = g_getenv ("ATLAS_TEST_LOCALEDIR");
  char *saved;

  if (locales == NULL || catalogues == NULL)
    {
      g_test_skip ("No German locale was built (localedef and the locales package)");
      return NULL;
    }

  saved = g_strdup (setlocale (LC_ALL, NULL));
  g_setenv ("LOCPATH", locales, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, catalogues);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return saved;
}

/* Back to the locale @saved by atlas_test_enter_german(), which it frees. */
void
atlas_test_leave_german (char *saved)
{
  setlocale (LC_ALL, saved);
  g_unsetenv ("LOCPATH");
  g_free (saved);
}

/* The bundled dataset and @events generated ones with what makes sorting hard: titles equal
 * but for case, or starting with letters beyond ASCII; a year, a month and a day that start
 * on one day; events without a place or without actors; actors that are states and people,
 * with names in either case, from none to eight an event; places named alike. */
AtlasStore *
atlas_test_sorting_store (guint events)
{
  AtlasStore *store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (store);
  atlas_store_set_time_limit (store, 600 * 1000);
  atlas_store_exec (store,
                    "BEGIN;"
                    "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 60)"
                    " INSERT INTO actors (key, kind, name)"
                    " SELECT 'sort-actor-' || v, CASE v % 3 WHEN 0 THEN 'person' ELSE 'state' END,"
                    " CASE v % 4 WHEN 0 THEN 'émigré ' WHEN 1 THEN 'Zeta ' WHEN 2 THEN 'alpha '"
                    " ELSE 'Alpha ' END || (v % 7) FROM n;"
                    "WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 40)"
                    " INSERT INTO places (key, kind, name, lat, lon)"
                    " SELECT 'sort-place-' || v, 'town',"
                    " CASE v % 4 WHEN 0 THEN 'Ölçü ' WHEN 1 THEN 'oasis ' WHEN 2 THEN 'Oasis '"
                    " ELSE 'Zangezur ' END || (v % 9), 40, 45 FROM n;",
                    &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("WITH RECURSIVE n (v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n"
                         " WHERE v < %u),"
                         " kinds (i, k) AS (VALUES (0, 'agreement'), (1, 'summit'), (2, 'visit'),"
                         " (3, 'meeting'), (4, 'statement'), (5, 'military'), (6, 'conflict'),"
                         " (7, 'exercise'), (8, 'incident'), (9, 'legislation'), (10, 'sanction'),"
                         " (11, 'economic'), (12, 'infrastructure'), (13, 'election'),"
                         " (14, 'diplomatic'))"
                         " INSERT INTO events (key, kind, title, start, end, place_id)"
                         " SELECT 'sort-event-' || v, k,"
                         " CASE v %% 5 WHEN 0 THEN 'alpha' WHEN 1 THEN 'Alpha' WHEN 2 THEN 'Ölçü'"
                         " WHEN 3 THEN 'zulu' ELSE '«Beta»' END || ' talks ' || (v %% 997),"
                         " CASE v %% 10 WHEN 9 THEN printf ('%%04d', 2000 + v %% 8)"
                         " WHEN 7 THEN printf ('%%04d-%%02d', 2000 + v %% 8, 1 + v %% 12)"
                         " WHEN 5 THEN printf ('%%04d-01-01', 2000 + v %% 8)"
                         " ELSE printf ('%%04d-%%02d-%%02d', 2000 + v %% 8, 1 + v %% 12,"
                         " 1 + v %% 3)"
                         " END,"
                         " CASE v %% 17 WHEN 0 THEN printf ('%%04d', 2009 + v %% 3) END,"
                         " CASE WHEN v %% 13 = 0 THEN NULL"
                         " ELSE (SELECT min (id) FROM places WHERE key LIKE 'sort-place-%%')"
                         " + v %% 40"
                         " END"
                         " FROM n JOIN kinds ON i = v %% 15", events);
  atlas_store_exec (store, sql, &error);
  g_assert_no_error (error);
  /* Up to eight actors an event, none for every eleventh: more than one key of their ranks
   * holds, with few names, so that many share their first actors. */
  atlas_store_exec (store,
                    "INSERT OR IGNORE INTO event_actors (event_id, actor_id)"
                    " SELECT e.id, a.base + (e.id * m.k) % 60"
                    " FROM events e,"
                    " (SELECT min (id) AS base FROM actors WHERE key LIKE 'sort-actor-%') a,"
                    " (SELECT 7 AS k, 1 AS level UNION ALL SELECT 11, 2 UNION ALL SELECT 13, 3"
                    "  UNION ALL SELECT 17, 4 UNION ALL SELECT 19, 5 UNION ALL SELECT 23, 6"
                    "  UNION ALL SELECT 29, 7 UNION ALL SELECT 31, 8) m"
                    " WHERE e.key LIKE 'sort-event-%' AND e.id % 11 <> 0"
                    " AND m.level <= 1 + e.id % 8;"
                    "COMMIT",
                    &error);
  g_assert_no_error (error);
  atlas_store_set_time_limit (store, 10 * 1000);
  return store;
}
