/* test-records.c: the records as objects, the lazy list of them, and the vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-actor.h"
#include "atlas-corridor.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-features.h"
#include "atlas-place.h"
#include "atlas-record-list.h"
#include "atlas-source.h"
#include "atlas-test-util.h"
#include "atlas-vocabulary.h"
#include "atlas-zone.h"

/* How many statements the store's connection has run: the runs of every statement it holds
 * prepared, which are all the record loaders use. (atlas_store_get_statement_count() will
 * count every statement once the store has it.) */
static guint64
statements_run (AtlasStore *store)
{
  sqlite3 *db = atlas_store_get_db (store);
  guint64 runs = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    runs += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, FALSE);
  return runs;
}

/* The ids @sql returns, in order. */
static GArray *
query_ids (AtlasStore *store,
           const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

typedef struct
{
  GType       (*get_type) (void);
  const char   *table;
  const char   *key;
  /* "property=value" for every property but id and key, as the value reads when made
   * text; "(null)" for none, and "@table:key" for the id of that record. */
  const char   *values[13];
} RecordCase;

static const RecordCase record_cases[] = {
  { atlas_actor_get_type, "actors", "ilham-aliyev",
    { "kind=person", "kind-label=Person", "name=Ilham Aliyev", "role=President of Azerbaijan",
      "color=#0092bc", "description=(null)", "affiliation-id=@actors:azerbaijan",
      "affiliation=Azerbaijan" } },
  { atlas_event_get_type, "events", "signing-2025-08-08",
    { "kind=agreement", "kind-label=Agreement", "title=A signing", "summary=(null)",
      "start=2025-08-08", "end=(null)", "approximate=FALSE", "date-wording=(null)",
      "note=(null)", "place-id=@places:baku", "place-name=Baku", "actor-names=Ilham Aliyev",
      "disputed=FALSE" } },
  { atlas_excerpt_get_type, "excerpts", "x-iran",
    { "text=Tehran warned against any change of borders.", "position=4",
      "source-id=@sources:s1", "source-title=A test article", "author=Test Author",
      "publication=Test Review", "source-date=2025-08", "reference=FALSE",
      "source-url=(null)" } },
  { atlas_place_get_type, "places", "baku",
    { "kind=capital", "kind-label=Capital", "name=Baku", "latitude=40.409300",
      "longitude=49.867100", "approximate=FALSE", "description=(null)",
      "country-id=@actors:azerbaijan", "country=Azerbaijan" } },
  { atlas_corridor_get_type, "corridors", "route",
    { "kind=rail", "kind-label=Rail corridor", "name=Test route", "approximate=FALSE",
      "description=(null)" } },
  { atlas_zone_get_type, "zones", "exclave",
    { "kind=exclave", "kind-label=Exclave", "name=Test exclave", "valid-from=(null)",
      "valid-to=(null)", "approximate=FALSE", "description=(null)" } },
  { atlas_source_get_type, "sources", "s1",
    { "title=A test article", "author=Test Author", "publication=Test Review", "date=2025-08",
      "date-approximate=FALSE", "url=(null)", "document=none.txt", "document-line=1" } },
};

static char *
property_text (GObject    *object,
               GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  g_value_init (&text, G_TYPE_STRING);
  g_assert_true (g_value_transform (&value, &text));
  return g_strdup (g_value_get_string (&text) ? g_value_get_string (&text) : "(null)");
}

/* Each record class has a read-only property for each of its fields, and they read back
 * what the small store holds for one of its records. */
static void
test_record_properties (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();

  for (guint i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      const RecordCase *c = &record_cases[i];
      GType type = c->get_type ();
      gint64 id = atlas_test_key_id (store, c->table, c->key);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasRecord) record = atlas_record_load (type, store, id, &error);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs, n_values = 0;

      g_assert_no_error (error);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, type));
      g_assert_cmpint (atlas_record_get_id (record), ==, id);
      g_assert_cmpstr (atlas_record_get_key (record), ==, c->key);

      for (; n_values < G_N_ELEMENTS (c->values) && c->values[n_values] != NULL; n_values++)
        {
          g_auto(GStrv) pair = g_strsplit (c->values[n_values], "=", 2);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), pair[0]);
          g_autofree char *expected = NULL;
          g_autofree char *value = NULL;

          g_assert_nonnull (pspec);
          if (pair[1][0] == '@')
            {
              g_auto(GStrv) target = g_strsplit (pair[1] + 1, ":", 2);

              expected = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          atlas_test_key_id (store, target[0], target[1]));
            }
          else
            expected = g_strdup (pair[1]);
          value = property_text (G_OBJECT (record), pspec);
          if (g_strcmp0 (value, expected) != 0)
            g_error ("%s:%s: %s is “%s”, not “%s”", c->table, c->key, pair[0], value,
                     expected);
        }

      /* Every property is read-only, and every one is checked above (with id and key). */
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          g_assert_true (pspecs[j]->flags & G_PARAM_READABLE);
          g_assert_false (pspecs[j]->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY));
        }
      g_assert_cmpuint (n_pspecs, ==, n_values + 2);
    }
}

/* The typed loaders and getters say what the properties say. */
static void
test_record_getters (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  gint64 s1 = atlas_test_key_id (store, "sources", "s1");
  g_autoptr(AtlasPlace) place = NULL;
  g_autoptr(AtlasSource) source = NULL;
  g_autoptr(AtlasZone) zone = NULL;
  g_autoptr(AtlasCorridor) corridor = NULL;
  g_autoptr(AtlasEvent) event = NULL;
  g_autoptr(AtlasExcerpt) excerpt = NULL;
  g_autoptr(AtlasActor) actor = NULL;

  place = atlas_place_load (store, atlas_test_key_id (store, "places", "meghri"), NULL);
  source = atlas_source_load (store, s1, NULL);
  zone = atlas_zone_load (store, atlas_test_key_id (store, "zones", "exclave"), NULL);
  corridor = atlas_corridor_load (store, atlas_test_key_id (store, "corridors", "route"), NULL);
  event = atlas_event_load (store, atlas_test_key_id (store, "events", "talks-2024"), NULL);
  excerpt = atlas_excerpt_load (store, atlas_test_key_id (store, "excerpts", "x-war"), NULL);
  actor = atlas_actor_load (store, atlas_test_key_id (store, "actors", "armenia"), NULL);

  g_assert_cmpstr (atlas_place_get_name (place), ==, "Meghri");
  g_assert_cmpstr (atlas_place_get_kind_label (place), ==, "Town");
  g_assert_cmpfloat_with_epsilon (atlas_place_get_latitude (place), 38.9031, 1e-9);
  g_assert_cmpstr (atlas_place_get_country (place), ==, "Armenia");
  g_assert_cmpint (atlas_source_get_document_line (source), ==, 1);
  g_assert_cmpstr (atlas_source_get_publication (source), ==, "Test Review");
  g_assert_cmpstr (atlas_zone_get_kind (zone), ==, "exclave");
  g_assert_cmpstr (atlas_corridor_get_name (corridor), ==, "Test route");
  g_assert_cmpstr (atlas_event_get_end (event), ==, "2024-06");
  g_assert_cmpstr (atlas_event_get_kind_label (event), ==, "Meeting");
  g_assert_false (atlas_event_get_disputed (event));
  g_clear_object (&event);
  /* Two articles give the summit different days. */
  event = atlas_event_load (store, atlas_test_key_id (store, "events", "washington-2025-08"), NULL);
  g_assert_true (atlas_event_get_disputed (event));
  g_assert_cmpint (atlas_excerpt_get_source_id (excerpt), ==, s1);
  g_assert_cmpint (atlas_actor_get_affiliation_id (actor), ==, 0);
  g_assert_cmpstr (atlas_actor_get_color (actor), ==, "#f2a800");
}

/* A record that stands for an unreadable row keeps its id and says why. */
static void
test_record_unreadable (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      GType type = record_cases[i].get_type ();
      g_autoptr(AtlasRecord) record = atlas_record_new_unreadable (type, 42, "disk on fire");
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      gboolean said = FALSE;

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, type));
      g_assert_cmpint (atlas_record_get_id (record), ==, 42);
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          g_autofree char *value = property_text (G_OBJECT (record), pspecs[j]);

          said |= strstr (value, "disk on fire") != NULL;
        }
      g_assert_true (said);
    }
}

/* A store of the small dataset and 776 more events, for pages of rows. */
static AtlasStore *
paged_store (void)
{
  AtlasStore *store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;

  atlas_store_exec (store,
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3 * 256 + 8)"
                    " INSERT INTO events (key, kind, title, start)"
                    " SELECT 'generated-' || i, 'visit', 'Visit ' || i, '2021' FROM n", &error);
  g_assert_no_error (error);
  return store;
}

/* The small store with @n visits more, for lists of many pages. */
static AtlasStore *
store_with_visits (guint n)
{
  AtlasStore *store = atlas_test_small_store ();
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                          " FROM n WHERE i < %u)"
                                          " INSERT INTO events (key, kind, title, start)"
                                          " SELECT 'generated-' || i, 'visit', 'Visit ' || i, '2021'"
                                          " FROM n", n);
  g_autoptr(GError) error = NULL;

  atlas_store_exec (store, sql, &error);
  g_assert_no_error (error);
  return store;
}

/* A row asked for loads its page with one statement; the rest of the page costs none. */
static void
test_record_list_page (void)
{
  g_autoptr(AtlasStore) store = paged_store ();
  g_autoptr(GArray) ids = query_ids (store, "SELECT id FROM events ORDER BY title DESC");
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  guint64 before;

  g_assert_cmpuint (ATLAS_RECORD_LIST_PAGE_SIZE, ==, 256);
  g_assert_cmpuint (ids->len, ==, 3 * 256 + 13);
  atlas_record_list_set_ids (list, ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3 * 256 + 13);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ATLAS_TYPE_EVENT);

  before = statements_run (store);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 400));
  g_assert_cmpuint (statements_run (store) - before, ==, 1);
  for (guint i = 256; i < 512; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (atlas_event_get_id (event), ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (statements_run (store) - before, ==, 1);

  /* The whole list: four pages of 256 rows, the last of 13. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (atlas_event_get_id (event), ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (statements_run (store) - before, ==, 4);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3 * 256 + 13));
}

/* The list serves every kind of record, each in as many statements as it has pages. */
static void
test_record_list_kinds (void)
{
  g_autoptr(AtlasStore) store = paged_store ();

  for (guint i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      const RecordCase *c = &record_cases[i];
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY key", c->table);
      g_autoptr(GArray) ids = query_ids (store, sql);
      AtlasItemKind kind = ATLAS_ITEM_NONE;
      g_autoptr(AtlasRecordList) list = NULL;
      guint64 before;

      while (atlas_record_list_type_for_kind (kind) != c->get_type ())
        kind++;
      list = atlas_record_list_new (store, kind);
      atlas_record_list_set_ids (list, ids);
      before = statements_run (store);
      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(AtlasRecord) record = g_list_model_get_item (G_LIST_MODEL (list), j);

          g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, c->get_type ()));
          g_assert_cmpint (atlas_record_get_id (record), ==, g_array_index (ids, gint64, j));
        }
      g_assert_cmpuint (statements_run (store) - before, ==,
                        (ids->len + ATLAS_RECORD_LIST_PAGE_SIZE - 1) / ATLAS_RECORD_LIST_PAGE_SIZE);
    }
  g_assert_true (atlas_record_list_type_for_kind (ATLAS_ITEM_RELATION) == G_TYPE_INVALID);
}

/* New ids keep the records already loaded for the ids that stay. */
static void
test_record_list_keep (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GArray) ids = query_ids (store, "SELECT id FROM events ORDER BY first_day");
  g_autoptr(GArray) fewer = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(AtlasEvent) kept = NULL;
  g_autoptr(AtlasEvent) again = NULL;
  guint64 before;

  atlas_record_list_set_ids (list, ids);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  kept = g_list_model_get_item (G_LIST_MODEL (list), 3);

  /* A filter that keeps the last three rows: no statement to show them. */
  g_array_append_vals (fewer, &g_array_index (ids, gint64, 2), 3);
  atlas_record_list_set_ids (list, fewer);
  before = statements_run (store);
  for (guint i = 0; i < fewer->len; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (again == kept);
  g_assert_cmpuint (statements_run (store) - before, ==, 0);

  /* Rows not loaded before are loaded as they are asked for. */
  atlas_record_list_set_ids (list, ids);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (statements_run (store) - before, ==, 1);
  atlas_record_list_set_ids (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *changes)
{
  g_string_append_printf (changes, "%s%u-%u+%u", changes->len ? " " : "", position, removed, added);
}

/* Invalidated rows are read again, and the views are told of them alone. */
static void
test_record_list_invalidate (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GArray) ids = query_ids (store, "SELECT id FROM events ORDER BY first_day");
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint64 before;
  gint64 unknown = G_MAXINT64;

  atlas_record_list_set_ids (list, ids);
  for (guint i = 0; i < ids->len; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  sql = g_strdup_printf ("UPDATE events SET title = 'Renamed' WHERE id IN (%" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         g_array_index (ids, gint64, 1), g_array_index (ids, gint64, 2),
                         g_array_index (ids, gint64, 4));
  atlas_store_exec (store, sql, &error);
  g_assert_no_error (error);

  /* Until told, the list shows what it read. */
  {
    g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpstr (atlas_event_get_title (event), !=, "Renamed");
  }

  g_array_append_val (changed, g_array_index (ids, gint64, 4));
  g_array_append_val (changed, unknown);
  g_array_append_val (changed, g_array_index (ids, gint64, 1));
  g_array_append_val (changed, g_array_index (ids, gint64, 2));
  atlas_record_list_invalidate (list, changed);
  g_assert_cmpstr (changes->str, ==, "1-2+2 4-1+1");

  before = statements_run (store);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (g_str_equal (atlas_event_get_title (event), "Renamed"), ==,
                       i == 1 || i == 2 || i == 4);
    }
  g_assert_cmpuint (statements_run (store) - before, ==, 1);

  /* Ids the list does not show change nothing. */
  g_string_truncate (changes, 0);
  g_array_set_size (changed, 1);
  g_array_index (changed, gint64, 0) = unknown;
  atlas_record_list_invalidate (list, changed);
  g_assert_cmpstr (changes->str, ==, "");
}

/* However far a long list is walked, it keeps the sixteen pages used last: a page used again
 * after it was dropped is read again, one used lately is not. */
static void
test_record_list_bounded (void)
{
  g_autoptr(AtlasStore) store = store_with_visits (20 * 256);
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(GArray) ids = NULL;
  guint64 before;

  ids = query_ids (store, "SELECT id FROM events ORDER BY id");
  atlas_record_list_set_ids (list, ids);

  before = statements_run (store);
  for (guint i = 0; i < ids->len; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (statements_run (store) - before, ==, (ids->len + 255) / 256);

  before = statements_run (store);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), ids->len - 1));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), ids->len - 16 * 256 + 300));
  g_assert_cmpuint (statements_run (store) - before, ==, 0);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (statements_run (store) - before, ==, 1);
}

/* New rows are told as two changes, the list empty in between, so that a view reads only
 * the rows it shows and makes their widgets again; the same rows sorted anew, when they are
 * few, as one, so that a view moves the widgets of the rows, as the same records. */
static void
test_record_list_changes (void)
{
  g_autoptr(AtlasStore) store = paged_store ();
  g_autoptr(GArray) ids = query_ids (store, "SELECT id FROM events ORDER BY title");
  g_autoptr(GArray) few = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(AtlasEvent) shown = NULL;
  g_autoptr(AtlasEvent) again = NULL;

  for (guint i = 0; i < 5; i++)
    g_array_append_val (few, g_array_index (ids, gint64, 4 - i));
  for (gint64 id = 1; id <= 4 * ATLAS_RECORD_LIST_PAGE_SIZE + 1; id++)
    g_array_append_val (many, id);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  atlas_record_list_set_ids (list, few);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 4);
  for (guint i = 0; i < 5; i++)
    g_array_index (few, gint64, i) = g_array_index (ids, gint64, i);
  atlas_record_list_reorder (list, few);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == shown);
  atlas_record_list_set_ids (list, few);
  atlas_record_list_set_ids (list, many);
  atlas_record_list_reorder (list, many);
  g_assert_cmpstr (changes->str, ==, "0-0+5 0-5+5 0-5+0 0-0+5 0-5+0 0-0+1025 0-1025+0 0-0+1025");
}

/* A long list sorted anew in two steps: the new rows after the old, then the old rows gone,
 * with the records already loaded for them where their ids went. A short one at once. */
static void
test_record_list_begin_reorder (void)
{
  g_autoptr(AtlasStore) store = store_with_visits (1500);
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) few = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AtlasEvent) first = NULL;
  guint64 before;

  ids = query_ids (store, "SELECT id FROM events ORDER BY id");
  for (guint i = ids->len; i-- > 0;)
    g_array_append_val (reversed, g_array_index (ids, gint64, i));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* A short list: at once. */
  g_array_append_vals (few, ids->data, 5);
  atlas_record_list_set_ids (list, few);
  g_array_index (few, gint64, 0) = g_array_index (ids, gint64, 4);
  g_array_index (few, gint64, 4) = g_array_index (ids, gint64, 0);
  g_assert_false (atlas_record_list_begin_reorder (list, few));
  g_assert_cmpstr (changes->str, ==, "0-0+5 0-5+5");

  atlas_record_list_set_ids (list, ids);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_string_truncate (changes, 0);
  g_assert_true (atlas_record_list_begin_reorder (list, reversed));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2 * ids->len);
  {
    g_autoptr(AtlasEvent) still = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(AtlasEvent) moved = g_list_model_get_item (G_LIST_MODEL (list), 2 * ids->len - 1);

    g_assert_true (still == first);
    g_assert_true (moved == first);
  }
  atlas_record_list_end_reorder (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, reversed->len);
  {
    g_autofree char *expected = g_strdup_printf ("%u-0+%u 0-%u+0", ids->len, ids->len, ids->len);

    g_assert_cmpstr (changes->str, ==, expected);
  }
  before = statements_run (store);
  {
    g_autoptr(AtlasEvent) last = g_list_model_get_item (G_LIST_MODEL (list), reversed->len - 1);

    g_assert_true (last == first);
  }
  g_assert_cmpuint (statements_run (store) - before, ==, 0);
  for (guint i = 0; i < reversed->len; i++)
    g_assert_cmpint (atlas_record_list_get_id (list, i), ==, g_array_index (reversed, gint64, i));
}

/* A row whose record is gone is an item that says so, and the failure is reported. */
static void
test_record_list_absent (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GArray) ids = query_ids (store, "SELECT id FROM places ORDER BY key");
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_PLACE);
  g_autoptr(AtlasPlace) gone = NULL;
  g_autoptr(AtlasPlace) there = NULL;
  g_autoptr(GError) error = NULL;

  atlas_record_list_set_ids (list, ids);
  atlas_store_exec (store, "DELETE FROM places WHERE key = 'baku'", &error);
  g_assert_no_error (error);

  g_test_expect_message ("atlas-record-list", G_LOG_LEVEL_WARNING, "*row 0*no place*");
  gone = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_test_assert_expected_messages ();
  g_assert_cmpint (atlas_record_get_id (ATLAS_RECORD (gone)), ==, g_array_index (ids, gint64, 0));
  g_assert_nonnull (strstr (atlas_place_get_description (gone), "no place"));
  there = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (atlas_place_get_name (there), ==, "Khankendi");
}

/* The terms of @vocabulary in the vocabulary's order. */
static GStrv
vocabulary_terms (AtlasVocabulary vocabulary)
{
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; i < atlas_vocabulary_get_n_terms (vocabulary); i++)
    g_strv_builder_add (terms, atlas_vocabulary_get_term (vocabulary, i));
  return g_strv_builder_end (terms);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Two lists of terms hold the same terms, in any order. */
static void
assert_same_terms (GStrv       a,
                   GStrv       b,
                   const char *where)
{
  g_autofree char *joined_a = NULL;
  g_autofree char *joined_b = NULL;

  qsort (a, g_strv_length (a), sizeof (char *), compare_strings);
  qsort (b, g_strv_length (b), sizeof (char *), compare_strings);
  joined_a = g_strjoinv (" ", a);
  joined_b = g_strjoinv (" ", b);
  if (g_strcmp0 (joined_a, joined_b) != 0)
    g_error ("The vocabulary has “%s” but %s has “%s”", joined_a, where, joined_b);
}

/* The terms the CHECK constraint of the store's @table lists for @column. */
static GStrv
check_terms (AtlasStore *store,
             const char *table,
             const char *column)
{
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  g_autoptr(GRegex) check = NULL;
  g_autoptr(GRegex) quoted = g_regex_new ("'([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) term = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;

  stmt = atlas_store_prepare (store, "SELECT sql FROM sqlite_schema"
                                     " WHERE type = 'table' AND name = ?", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  pattern = g_strdup_printf ("CHECK\\s*\\(\\s*%s\\s+IN\\s*\\(([^)]*)\\)", column);
  check = g_regex_new (pattern, 0, 0, NULL);
  if (!g_regex_match (check, (const char *) sqlite3_column_text (stmt, 0), 0, &match))
    g_error ("The table %s has no CHECK (%s IN (…))", table, column);
  list = g_match_info_fetch (match, 1);
  sqlite3_reset (stmt);

  for (g_regex_match (quoted, list, 0, &term); g_match_info_matches (term);
       g_match_info_next (term, NULL))
    {
      g_autofree char *word = g_match_info_fetch (term, 1);

      g_strv_builder_add (terms, word);
    }
  return g_strv_builder_end (terms);
}

/* The schema's CHECK constraints, which the migrations fixed for good, allow exactly the
 * terms of the program's vocabulary. */
static void
test_vocabulary_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE,
                                                  &error);

  g_assert_no_error (error);
  for (AtlasVocabulary v = 0; v < ATLAS_N_VOCABULARIES; v++)
    {
      g_auto(GStrv) ours = vocabulary_terms (v);
      g_auto(GStrv) schema = check_terms (store, atlas_vocabulary_get_table (v),
                                          atlas_vocabulary_get_column (v));
      g_autofree char *where = g_strdup_printf ("the schema's %s.%s",
                                                atlas_vocabulary_get_table (v),
                                                atlas_vocabulary_get_column (v));

      assert_same_terms (ours, schema, where);
    }
}

/* tools/dataset-check.py checks the dataset with the same terms. */
static void
test_vocabulary_checker (void)
{
  const char *checker = g_getenv ("ATLAS_DATASET_CHECK");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  guint found = 0;

  if (checker == NULL || python == NULL)
    {
      g_test_skip ("No ATLAS_DATASET_CHECK or no python3");
      return;
    }

  {
    const char *argv[] = { python, checker, "--vocabulary", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  /* "events.kind agreement summit …", a line for each vocabulary. */
  lines = g_strsplit (output, "\n", -1);
  for (AtlasVocabulary v = 0; v < ATLAS_N_VOCABULARIES; v++)
    {
      g_autofree char *column = g_strdup_printf ("%s.%s", atlas_vocabulary_get_table (v),
                                                 atlas_vocabulary_get_column (v));

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
          g_auto(GStrv) ours = NULL;
          g_auto(GStrv) theirs = NULL;
          g_autofree char *where = NULL;

          if (g_strcmp0 (words[0], column) != 0)
            continue;
          ours = vocabulary_terms (v);
          theirs = g_strdupv (words + 1);
          where = g_strdup_printf ("dataset-check.py's %s", column);
          assert_same_terms (ours, theirs, where);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, ATLAS_N_VOCABULARIES);
}

/* Each term has words to show, unknown terms are shown as they are, and the corridor
 * statuses are numbered as AtlasStatus numbers them. */
static void
test_vocabulary_labels (void)
{
  for (AtlasVocabulary v = 0; v < ATLAS_N_VOCABULARIES; v++)
    for (guint i = 0; i < atlas_vocabulary_get_n_terms (v); i++)
      {
        const char *term = atlas_vocabulary_get_term (v, i);

        g_assert_cmpint (atlas_vocabulary_find (v, term), ==, i);
        g_assert_cmpstr (atlas_vocabulary_get_label (v, term), !=, term);
        g_assert_nonnull (atlas_vocabulary_get_plural (v, term));
      }

  g_assert_cmpstr (atlas_vocabulary_get_label (ATLAS_VOCABULARY_EVENT_KINDS, "summit"), ==,
                   "Summit");
  g_assert_cmpstr (atlas_vocabulary_get_plural (ATLAS_VOCABULARY_ACTOR_KINDS, "person"), ==,
                   "People");
  g_assert_cmpstr (atlas_vocabulary_get_label (ATLAS_VOCABULARY_EVENT_KINDS, "coup"), ==,
                   "coup");
  g_assert_cmpint (atlas_vocabulary_find (ATLAS_VOCABULARY_EVENT_KINDS, NULL), ==, -1);

  for (guint i = 0; i < atlas_vocabulary_get_n_terms (ATLAS_VOCABULARY_CORRIDOR_STATUSES); i++)
    {
      const char *status = atlas_vocabulary_get_term (ATLAS_VOCABULARY_CORRIDOR_STATUSES, i);

      g_assert_cmpint (atlas_status_from_string (status), ==, ATLAS_STATUS_PROPOSED + i);
    }
  g_assert_cmpint (atlas_status_from_string ("suspended"), ==, ATLAS_STATUS_SUSPENDED);
  g_assert_cmpint (atlas_status_from_string ("demolished"), ==, ATLAS_STATUS_NOT_KNOWN);
  g_assert_cmpstr (atlas_status_label (ATLAS_STATUS_UNDER_CONSTRUCTION), ==,
                   "Under construction");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/properties", test_record_properties);
  g_test_add_func ("/records/getters", test_record_getters);
  g_test_add_func ("/records/unreadable", test_record_unreadable);
  g_test_add_func ("/records/list/page", test_record_list_page);
  g_test_add_func ("/records/list/kinds", test_record_list_kinds);
  g_test_add_func ("/records/list/keep", test_record_list_keep);
  g_test_add_func ("/records/list/bounded", test_record_list_bounded);
  g_test_add_func ("/records/list/changes", test_record_list_changes);
  g_test_add_func ("/records/list/begin-reorder", test_record_list_begin_reorder);
  g_test_add_func ("/records/list/invalidate", test_record_list_invalidate);
  g_test_add_func ("/records/list/absent", test_record_list_absent);
  g_test_add_func ("/vocabulary/schema", test_vocabulary_schema);
  g_test_add_func ("/vocabulary/checker", test_vocabulary_checker);
  g_test_add_func ("/vocabulary/labels", test_vocabulary_labels);

  return g_test_run ();
}
