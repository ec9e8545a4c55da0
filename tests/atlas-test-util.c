/* atlas-test-util.c: what several tests need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

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
