/* test-query.c: filters against a small store with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-accounts.h"
#include "atlas-actor.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-features.h"
#include "atlas-links.h"
#include "atlas-listing.h"
#include "atlas-passages.h"
#include "atlas-query.h"
#include "atlas-record-list.h"
#include "atlas-test-util.h"
#include "atlas-text.h"

/* The keys of the events a filter finds, joined by spaces, in the order found. */
static char *
event_keys (AtlasStore        *store,
            const AtlasFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = atlas_query_events (store, filter, &error);
  g_autoptr(GString) keys = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = atlas_store_prepare (store, "SELECT key FROM events WHERE id = ?", &error);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (keys, "%s%s", keys->len ? " " : "", sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static gint64
actor (AtlasStore *store,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  atlas_query_resolve_actor (store, name, &id, &error);
  g_assert_no_error (error);
  return id;
}

typedef struct
{
  const char *from;
  const char *to;
  const char *text;
  const char *actors;  /* names separated by '|' */
  const char *expected;
} FilterCase;

static const FilterCase filter_cases[] = {
  /* Nothing narrows: all, by first day. */
  { NULL, NULL, NULL, NULL, "war-2020 warning-2023 talks-2024 washington-2025-08 signing-2025-08-08" },
  /* A month-precision event covers every day of its month. */
  { "2025-08-08", "2025-08-08", NULL, NULL, "washington-2025-08 signing-2025-08-08" },
  { "2025-08-09", NULL, NULL, NULL, "washington-2025-08" },
  /* A span is found by any day it covers; a year covers its whole year. */
  { "2024-06-30", "2024-07", NULL, NULL, "talks-2024" },
  { NULL, "2020-01-01", NULL, NULL, "war-2020" },
  { "2020-12", "2023-09-18", NULL, NULL, "war-2020" },
  { "2026", NULL, NULL, NULL, "" },
  /* An actor stands for itself and those affiliated with it. */
  { NULL, NULL, NULL, "Azerbaijan", "war-2020 washington-2025-08 signing-2025-08-08" },
  { NULL, NULL, NULL, "Ilham Aliyev", "washington-2025-08 signing-2025-08-08" },
  /* Several actors: any of them. */
  { NULL, NULL, NULL, "Iran|Turkey", "warning-2023 talks-2024" },
  /* Text: titles, summaries and the excerpts behind events, without diacritics, prefixes. */
  { NULL, NULL, "turkiye", NULL, "talks-2024" },
  { NULL, NULL, "route", NULL, "washington-2025-08 signing-2025-08-08" },
  { NULL, NULL, "washing", NULL, "washington-2025-08 signing-2025-08-08" },
  { NULL, NULL, "summit washington", NULL, "washington-2025-08" },
  { NULL, NULL, "\"unbalanced AND (", NULL, "" },
  /* Kinds of criteria combine with AND. */
  { "2025", NULL, NULL, "Azerbaijan", "washington-2025-08 signing-2025-08-08" },
  { "2025", NULL, "signing", "Azerbaijan", "signing-2025-08-08" },
  { NULL, "2022", "route", "Azerbaijan", "" },
};

static void
test_query_filters (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();

  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      const FilterCase *c = &filter_cases[i];
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      g_autofree char *keys = NULL;

      atlas_filter_set_from (filter, c->from);
      atlas_filter_set_to (filter, c->to);
      atlas_filter_set_text (filter, c->text);
      if (c->actors != NULL)
        {
          g_auto(GStrv) names = g_strsplit (c->actors, "|", -1);

          for (guint j = 0; names[j] != NULL; j++)
            atlas_filter_add_actor (filter, actor (store, names[j]));
        }

      keys = event_keys (store, filter);
      g_test_message ("case %u: %s", i, keys);
      g_assert_cmpstr (keys, ==, c->expected);
    }
}

/* Event kinds, corridors, places and "only with excerpts", alone and with the others. */
static void
test_query_more_filters (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autofree char *keys = NULL;

  atlas_filter_add_kind (filter, "summit");
  atlas_filter_add_kind (filter, "statement");
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "warning-2023 washington-2025-08");
  g_clear_pointer (&keys, g_free);

  /* AND across kinds of criteria: summits and statements of Azerbaijan's. */
  atlas_filter_add_actor (filter, actor (store, "Azerbaijan"));
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "washington-2025-08");
  g_clear_pointer (&keys, g_free);

  /* Removing brings them back. */
  atlas_filter_remove_kind (filter, "summit");
  atlas_filter_remove_kind (filter, "statement");
  atlas_filter_clear_actors (filter);
  g_assert_true (atlas_filter_is_empty (filter));

  atlas_filter_add_id (filter, ATLAS_FILTER_CORRIDORS,
                       atlas_test_key_id (store, "corridors", "route"));
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "washington-2025-08");
  g_clear_pointer (&keys, g_free);
  atlas_filter_clear_ids (filter, ATLAS_FILTER_CORRIDORS);

  atlas_filter_add_id (filter, ATLAS_FILTER_PLACES, atlas_test_key_id (store, "places", "baku"));
  atlas_filter_add_id (filter, ATLAS_FILTER_PLACES, atlas_test_key_id (store, "places", "meghri"));
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "signing-2025-08-08");
  g_clear_pointer (&keys, g_free);
  atlas_filter_remove_id (filter, ATLAS_FILTER_PLACES, atlas_test_key_id (store, "places", "baku"));
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "");
  g_clear_pointer (&keys, g_free);
  atlas_filter_clear_ids (filter, ATLAS_FILTER_PLACES);

  /* An event no excerpt backs drops out with "only with excerpts". */
  atlas_store_exec (store, "INSERT INTO events (key, kind, title, start) "
                           "VALUES ('unsourced', 'meeting', 'Unsourced', '2022')", NULL);
  keys = event_keys (store, filter);
  g_assert_nonnull (strstr (keys, "unsourced"));
  g_clear_pointer (&keys, g_free);
  atlas_filter_set_with_excerpts (filter, TRUE);
  keys = event_keys (store, filter);
  g_assert_null (strstr (keys, "unsourced"));
  g_assert_cmpstr (keys, ==, "war-2020 warning-2023 talks-2024 washington-2025-08 signing-2025-08-08");
}

/* An event two articles disagree on is disputed, and keeps each one's account with its own
 * words; "only disputed events" keeps it alone, with the rest of the filter. */
static void
test_query_disputed (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilter) copy = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 washington = atlas_test_key_id (store, "events", "washington-2025-08");
  g_autofree char *keys = NULL;
  g_autofree char *heading = NULL;
  AtlasAccount *first, *second;

  atlas_filter_set_disputed (filter, TRUE);
  g_assert_false (atlas_filter_is_empty (filter));
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "washington-2025-08");
  g_clear_pointer (&keys, g_free);

  /* With the others: AND. */
  atlas_filter_add_kind (filter, "agreement");
  keys = event_keys (store, filter);
  g_assert_cmpstr (keys, ==, "");
  g_clear_pointer (&keys, g_free);
  atlas_filter_remove_kind (filter, "agreement");

  /* Kept through a copy and a saved view; a filter without it says nothing of it. */
  copy = atlas_filter_copy (filter);
  g_assert_true (atlas_filter_equal (copy, filter));
  saved = g_variant_ref_sink (atlas_filter_to_variant (filter));
  g_clear_pointer (&copy, atlas_filter_free);
  copy = atlas_filter_new_from_variant (saved);
  g_assert_true (atlas_filter_get_disputed (copy));
  atlas_filter_set_disputed (copy, FALSE);
  g_assert_false (atlas_filter_equal (copy, filter));
  g_assert_true (atlas_filter_is_empty (copy));

  /* Its passages are those of the disputed event, words or none. */
  {
    g_autoptr(GArray) ids = atlas_query_excerpts (store, filter, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }

  /* The accounts, the month before the day, each with its own source's excerpt. */
  accounts = atlas_query_event_accounts (store, washington, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  first = g_ptr_array_index (accounts, 0);
  second = g_ptr_array_index (accounts, 1);
  g_assert_cmpstr (first->key, ==, "washington-s1");
  g_assert_cmpstr (first->date, ==, "2025-08");
  g_assert_cmpstr (first->description, ==, "A meeting of the leaders about the route.");
  g_assert_cmpstr (first->source_name, ==, "Test Author");
  g_assert_cmpuint (first->excerpt_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (first->excerpt_ids, gint64, 0), ==,
                   atlas_test_key_id (store, "excerpts", "x-washington"));
  g_assert_cmpstr (second->date, ==, "2025-08-08");
  g_assert_null (second->description);
  g_assert_cmpstr (second->source_name, ==, "Other Review");
  g_assert_cmpint (g_array_index (second->excerpt_ids, gint64, 0), ==,
                   atlas_test_key_id (store, "excerpts", "x-summit-day"));
  heading = atlas_account_dup_heading (second);
  g_assert_cmpstr (heading, ==, "Other Review: 8 August 2025");
  g_clear_pointer (&accounts, g_ptr_array_unref);

  /* An event the sources agree on has none; the store keeps an account to its source. */
  accounts = atlas_query_event_accounts (store, atlas_test_key_id (store, "events", "war-2020"),
                                         &error);
  g_assert_cmpuint (accounts->len, ==, 0);
  g_assert_false (atlas_store_exec (store, "INSERT INTO event_account_excerpts (account_id, excerpt_id)"
                                           " SELECT a.id, x.id FROM event_accounts a, excerpts x"
                                           " WHERE a.key = 'washington-s2' AND x.key = 'x-war'",
                                    &error));
  g_assert_nonnull (strstr (error->message, "own source"));
}

static void
test_query_actor_counts (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) counts = NULL;
  gint64 aliyev = actor (store, "Ilham Aliyev"), azerbaijan = actor (store, "Azerbaijan");
  gint64 turkey = actor (store, "Turkey");

  ids = atlas_query_events (store, filter, NULL);
  counts = atlas_query_actor_counts (store, ids, NULL);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &aliyev)), ==, 2);
  /* The war, and Aliyev's two events: a state counts what its people do. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &azerbaijan)), ==, 3);
  /* With no filter, the totals counted as who takes part is read are the same. */
  {
    g_autoptr(GHashTable) totals = atlas_query_actor_totals (store, NULL);
    GHashTableIter iter;
    gpointer key, count;

    g_assert_cmpuint (g_hash_table_size (totals), ==, g_hash_table_size (counts));
    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &count))
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (totals, key)), ==, GPOINTER_TO_UINT (count));
  }
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* Under a filter, only its events count. */
  atlas_filter_set_from (filter, "2025-08-08");
  ids = atlas_query_events (store, filter, NULL);
  counts = atlas_query_actor_counts (store, ids, NULL);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &aliyev)), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &azerbaijan)), ==, 2);
  g_assert_false (g_hash_table_contains (counts, &turkey));
}

static void
test_query_relations (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  gint64 azerbaijan = actor (store, "Azerbaijan"), turkey = actor (store, "Turkey");
  g_autoptr(GPtrArray) before = atlas_query_relations (store, azerbaijan, "2021-06-14", NULL);
  g_autoptr(GPtrArray) after = atlas_query_relations (store, azerbaijan, "2021-06-15", NULL);
  g_autoptr(GPtrArray) from_turkey = atlas_query_relations (store, turkey, NULL, NULL);
  AtlasRelationRow *row;

  /* The alliance holds from the day it was made, seen from either side. */
  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpuint (after->len, ==, 1);
  row = g_ptr_array_index (after, 0);
  g_assert_cmpstr (row->kind, ==, "alliance");
  g_assert_cmpint (row->other_id, ==, turkey);
  g_assert_cmpuint (from_turkey->len, ==, 1);
  g_assert_cmpint (((AtlasRelationRow *) g_ptr_array_index (from_turkey, 0))->other_id, ==, azerbaijan);
}

static void
test_query_bad_date (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  atlas_filter_set_from (filter, "2025-02-30");
  ids = atlas_query_events (store, filter, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
}

static void
test_query_excerpts (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) ids = NULL;

  all = atlas_query_excerpts (store, filter, NULL);
  g_assert_cmpuint (all->len, ==, 6);

  /* Through their events. */
  atlas_filter_set_from (filter, "2024");
  atlas_filter_set_to (filter, "2024");
  ids = atlas_query_excerpts (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* By their own text, even with no event, and by actor. */
  atlas_filter_set_from (filter, NULL);
  atlas_filter_set_to (filter, NULL);
  atlas_filter_set_text (filter, "corridor options");
  ids = atlas_query_excerpts (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  atlas_filter_add_actor (filter, actor (store, "Iran"));
  ids = atlas_query_excerpts (store, filter, NULL);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_query_excerpts_for_item (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  AtlasItem aliyev = { ATLAS_ITEM_ACTOR, actor (store, "Aliyev") };
  AtlasItem azerbaijan = { ATLAS_ITEM_ACTOR, actor (store, "Azerbaijan") };
  g_autoptr(GArray) ids = NULL;

  /* Aliyev's two events share one excerpt; the second article's account of the summit is
   * the other. */
  ids = atlas_query_excerpts_for_item (store, &aliyev, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  /* Azerbaijan: its own two excerpts (the war's is also its event's). */
  ids = atlas_query_excerpts_for_item (store, &azerbaijan, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
}

static void
test_query_resolve_actor (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  gint64 aliyev = actor (store, "Ilham Aliyev");
  gint64 id = 0;

  /* Any name, any language, any case, with or without diacritics. */
  g_assert_cmpint (actor (store, "Ильхам Алиев"), ==, aliyev);
  g_assert_cmpint (actor (store, "ilham aliyev"), ==, aliyev);
  g_assert_cmpint (actor (store, "Aliyev"), ==, aliyev);
  g_assert_cmpint (actor (store, "Azərbaycan"), ==, actor (store, "Azerbaijan"));
  g_assert_cmpint (actor (store, "Azerbaycan"), ==, actor (store, "Azerbaijan"));
  g_assert_cmpint (actor (store, "Turkiye"), ==, actor (store, "Turkey"));
  g_assert_cmpint (actor (store, "Pashinian"), ==, actor (store, "Nikol Pashinyan"));

  /* An exact name wins over names that merely contain it. */
  g_assert_cmpint (actor (store, "Iran"), !=, 0);

  g_assert_false (atlas_query_resolve_actor (store, "Atlantis", &id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* "a" is in many names. */
  g_assert_false (atlas_query_resolve_actor (store, "a", &id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "several"));
}

static void
test_query_actors_named (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GArray) all = atlas_query_actors_named (store, "", NULL);
  g_autoptr(GArray) some = atlas_query_actors_named (store, "алиев", NULL);
  g_autoptr(GArray) percent = atlas_query_actors_named (store, "%", NULL);

  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpint (g_array_index (some, gint64, 0), ==, actor (store, "Ilham Aliyev"));
  g_assert_cmpuint (percent->len, ==, 0);
}

static void
test_query_fts_expression (void)
{
  g_autofree char *plain = atlas_query_fts_expression ("  Zangezur corridor ");
  g_autofree char *quoted = atlas_query_fts_expression ("say \"no\"");
  g_autofree char *empty = atlas_query_fts_expression (" \t ");

  g_assert_cmpstr (plain, ==, "\"Zangezur\"* \"corridor\"*");
  g_assert_cmpstr (quoted, ==, "\"say\"* \"\"\"no\"\"\"*");
  g_assert_null (empty);
}

static gint64
id_of (AtlasStore *store,
       const char *table,
       const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE key = '%s'", table, key);

  return atlas_test_query_int (store, sql);
}

/* An event links to its place and corridors; a place or corridor back to its events. */
static void
test_links (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  AtlasItem signing = { ATLAS_ITEM_EVENT, id_of (store, "events", "signing-2025-08-08") };
  AtlasItem summit = { ATLAS_ITEM_EVENT, id_of (store, "events", "washington-2025-08") };
  AtlasItem baku = { ATLAS_ITEM_PLACE, id_of (store, "places", "baku") };
  AtlasItem route = { ATLAS_ITEM_CORRIDOR, id_of (store, "corridors", "route") };
  AtlasItem war = { ATLAS_ITEM_EVENT, id_of (store, "events", "war-2020") };
  AtlasItem actor = { ATLAS_ITEM_ACTOR, id_of (store, "actors", "armenia") };
  g_autoptr(GPtrArray) links = NULL;
  AtlasLink *link;

  links = atlas_links_query (store, &signing, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, ATLAS_ITEM_PLACE);
  g_assert_cmpint (link->id, ==, baku.id);
  g_clear_pointer (&links, g_ptr_array_unref);

  links = atlas_links_query (store, &summit, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, ATLAS_ITEM_CORRIDOR);
  g_assert_cmpint (link->id, ==, route.id);
  g_clear_pointer (&links, g_ptr_array_unref);

  links = atlas_links_query (store, &baku, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, ATLAS_ITEM_EVENT);
  g_assert_cmpint (link->id, ==, signing.id);
  g_assert_cmpstr (link->label, ==, "A signing");
  g_clear_pointer (&links, g_ptr_array_unref);

  links = atlas_links_query (store, &route, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (((AtlasLink *) g_ptr_array_index (links, 0))->id, ==, summit.id);
  g_clear_pointer (&links, g_ptr_array_unref);

  links = atlas_links_query (store, &war, NULL);
  g_assert_cmpuint (links->len, ==, 0);
  g_clear_pointer (&links, g_ptr_array_unref);

  links = atlas_links_query (store, &actor, NULL);
  g_assert_cmpuint (links->len, ==, 0);
}

/* The words are bolded where the full-text search matched them: at a word's start, any
 * case, with the rest of the text escaped for Pango. */
static void
test_text_highlight (void)
{
  g_autofree char *two = atlas_text_highlight_markup ("Zangezur corridor & the Corridors", "corr zang");
  g_autofree char *inside = atlas_text_highlight_markup ("Transcorridor", "corridor");
  g_autofree char *none = atlas_text_highlight_markup ("<Baku>", NULL);
  g_autofree char *symbols = atlas_text_highlight_markup ("a (b) c", "(b");

  g_assert_cmpstr (two, ==, "<b>Zangezur</b> <b>corridor</b> &amp; the <b>Corridors</b>");
  g_assert_cmpstr (inside, ==, "Transcorridor");
  g_assert_cmpstr (none, ==, "&lt;Baku&gt;");
  g_assert_cmpstr (symbols, ==, "a (b) c");
}

/* The highlight folds as the words filter does (FTS5's remove_diacritics 2): what the filter
 * found by "turkiye" is bolded, accents, case and all, and still only from a word's start. */
static void
test_text_highlight_accents (void)
{
  g_autofree char *plain = atlas_text_highlight_markup ("Türkiye and Azərbaycan", "turkiye AZERB");
  g_autofree char *accented = atlas_text_highlight_markup ("Turkiye's Türkçe", "TÜRK");
  g_autofree char *inside = atlas_text_highlight_markup ("Antitürkiye", "turkiye");

  g_assert_cmpstr (plain, ==, "<b>Türkiye</b> and <b>Azərbaycan</b>");
  g_assert_cmpstr (accented, ==, "<b>Turkiye</b>&apos;s <b>Türkçe</b>");
  g_assert_cmpstr (inside, ==, "Antitürkiye");
}

/* The attributes bold the same words as the markup, at their bytes in the text itself;
 * nothing bold is no attributes at all. */
static void
test_text_highlight_attributes (void)
{
  const char *text = "Türkiye & the Corridors";
  PangoAttrList *attributes = atlas_text_highlight_attributes (text, "turkiye corr");
  GSList *bold = pango_attr_list_get_attributes (attributes);
  guint starts[] = { 0, strstr (text, "Corridors") - text };
  guint ends[] = { strlen ("Türkiye"), strlen (text) };
  guint i = 0;

  g_assert_cmpuint (g_slist_length (bold), ==, 2);
  for (GSList *l = bold; l != NULL; l = l->next, i++)
    {
      PangoAttribute *attribute = l->data;

      g_assert_cmpint (attribute->klass->type, ==, PANGO_ATTR_WEIGHT);
      g_assert_cmpint (((PangoAttrInt *) attribute)->value, ==, PANGO_WEIGHT_BOLD);
      g_assert_cmpuint (attribute->start_index, ==, starts[i]);
      g_assert_cmpuint (attribute->end_index, ==, ends[i]);
    }
  g_slist_free_full (bold, (GDestroyNotify) pango_attribute_destroy);
  pango_attr_list_unref (attributes);

  g_assert_null (atlas_text_highlight_attributes (text, NULL));
  g_assert_null (atlas_text_highlight_attributes (text, "zulu"));
  g_assert_null (atlas_text_highlight_attributes ("Transcorridor", "corridor"));
}

/* Stands in for the store's own handler so that every step fails, as a lock, a full disk
 * or the time limit would make it fail. */
static int
fail_every_step (gpointer data)
{
  return 1;
}

/* A failed step is not an absent row: the loaders and the actor lookup say what failed, and
 * who took part in what is not kept from part of the table. */
static void
test_query_failed_step (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  g_autoptr(GArray) events = NULL;
  g_autoptr(GHashTable) failed = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = atlas_store_get_db (store);
  gint64 armenia = actor (store, "Armenia");
  gint64 event = atlas_test_query_int (store, "SELECT min (id) FROM events");
  gint64 excerpt = atlas_test_query_int (store, "SELECT min (id) FROM excerpts");
  gint64 id = 0;

  events = atlas_query_events (store, everything, &error);
  g_assert_no_error (error);

  sqlite3_progress_handler (db, 1, fail_every_step, NULL);

  g_assert_null (atlas_actor_load (store, armenia, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_assert_null (strstr (error->message, "no actor"));
  g_clear_error (&error);
  g_assert_null (atlas_event_load (store, event, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_clear_error (&error);
  g_assert_null (atlas_excerpt_load (store, excerpt, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_clear_error (&error);

  g_assert_false (atlas_query_resolve_actor (store, "Armenia", &id, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_clear_error (&error);

  failed = atlas_query_actor_counts (store, events, &error);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_INTERRUPTED);
  g_assert_null (failed);
  g_clear_error (&error);

  /* Once the store reads again, the counts are whole. */
  sqlite3_progress_handler (db, 0, NULL, NULL);
  counts = atlas_query_actor_counts (store, events, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &armenia)), >, 0);

  /* An absent row is still told apart. */
  g_assert_null (atlas_actor_load (store, G_MAXINT64, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED);
}

/* A row that fails to load is still an item, as GListModel promises, and the failure is
 * reported; once the store reads again, the row loads. */
static void
test_record_list_failed_row (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (store, ATLAS_ITEM_EVENT);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AtlasEvent) placeholder = NULL;
  g_autoptr(AtlasEvent) loaded = NULL;
  g_autofree char *date = NULL;
  gint64 event = atlas_test_query_int (store, "SELECT min (id) FROM events");

  g_array_append_val (ids, event);
  atlas_record_list_set_ids (list, ids);

  sqlite3_progress_handler (atlas_store_get_db (store), 1, fail_every_step, NULL);
  g_test_expect_message ("atlas-record-list", G_LOG_LEVEL_WARNING, "*row 0*");
  placeholder = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_test_assert_expected_messages ();
  g_assert_true (ATLAS_IS_EVENT (placeholder));
  g_assert_cmpint (atlas_event_get_id (placeholder), ==, event);
  g_assert_nonnull (atlas_event_get_title (placeholder));
  date = atlas_event_dup_date_label (placeholder);
  g_assert_nonnull (date);

  sqlite3_progress_handler (atlas_store_get_db (store), 0, NULL, NULL);
  loaded = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (loaded != placeholder);
  g_assert_cmpstr (atlas_event_get_title (loaded), !=, atlas_event_get_title (placeholder));
}

/* A store changed by hand past its own checks: text that is not UTF-8, a kind too long for
 * the timeline, a corridor status on no day. Every reader gives valid UTF-8 and no critical. */
static void
test_query_hostile_text (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFeatures) features = NULL;
  g_autoptr(AtlasFilter) everything = atlas_filter_new ();
  g_autoptr(GArray) events = NULL;
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  atlas_store_exec (store,
                    "PRAGMA ignore_check_constraints = ON;"
                    "UPDATE places SET name = CAST (X'4d656768ff' AS TEXT) WHERE key = 'meghri';"
                    "UPDATE events SET kind = 'éééééééééé' WHERE key = 'war-2020';"
                    "UPDATE corridor_status SET date = '2025-99' WHERE key = 'route-agreed';"
                    "PRAGMA ignore_check_constraints = OFF;", &error);
  g_assert_no_error (error);

  g_test_expect_message ("atlas-store", G_LOG_LEVEL_MESSAGE, "*places.name*");
  features = atlas_features_load (store, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  for (guint i = 0; i < atlas_features_get_n_places (features); i++)
    {
      const AtlasPlaceMark *place = atlas_features_get_place (features, i);

      g_assert_true (g_utf8_validate (place->name, -1, NULL));
      found |= g_str_equal (place->name, "Megh\xef\xbf\xbd");
    }
  g_assert_true (found);
  /* The one status, on no day, cannot be placed in time. */
  g_assert_cmpuint (atlas_features_get_corridor (features, 0)->statuses->len, ==, 0);

  g_assert_true (atlas_listing_write (store, ATLAS_LISTING_PLACES, everything, NULL, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (csv)),
                                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (csv)),
                                  NULL));

  events = atlas_query_timeline (store, everything, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_assert_true (g_utf8_validate (g_array_index (events, AtlasTimelineEvent, i).kind, -1, NULL));
}

/* Each event's first actor, as SQL finds it, or 0. */
static gint64
first_actor_in_sql (AtlasStore *store,
                    gint64      event)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (min (actor_id), 0) FROM event_actors"
                                          " WHERE event_id = %" G_GINT64_FORMAT, event);

  return atlas_test_query_int (store, sql);
}

/* A store in a file reads who takes part in what on a second connection beside the events,
 * the first time: the first actors are those SQL finds, and what was read is kept. */
static void
test_query_participation_beside (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = atlas_test_small_store_file (path);
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint with_actors = 0;

  timeline = atlas_query_timeline (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, >, 0);
  for (guint i = 0; i < timeline->len; i++)
    {
      AtlasTimelineEvent *event = &g_array_index (timeline, AtlasTimelineEvent, i);

      g_assert_cmpint (event->first_actor, ==, first_actor_in_sql (store, event->id));
      with_actors += event->first_actor != 0;
    }
  g_assert_cmpuint (with_actors, >, 0);
  /* Kept for the store: nothing more to read beside it. */
  g_assert_null (atlas_query_start_participation (store));

  /* Read again beside the events once forgotten, as after a write. */
  atlas_query_forget_participation (store);
  again = atlas_query_timeline (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, timeline->len);
  g_assert_cmpmem (again->data, again->len * sizeof (AtlasTimelineEvent),
                   timeline->data, timeline->len * sizeof (AtlasTimelineEvent));

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/filters", test_query_filters);
  g_test_add_func ("/query/more-filters", test_query_more_filters);
  g_test_add_func ("/query/disputed", test_query_disputed);
  g_test_add_func ("/query/actor-counts", test_query_actor_counts);
  g_test_add_func ("/query/relations", test_query_relations);
  g_test_add_func ("/query/bad-date", test_query_bad_date);
  g_test_add_func ("/query/excerpts", test_query_excerpts);
  g_test_add_func ("/query/excerpts-for-item", test_query_excerpts_for_item);
  g_test_add_func ("/query/resolve-actor", test_query_resolve_actor);
  g_test_add_func ("/query/actors-named", test_query_actors_named);
  g_test_add_func ("/query/fts-expression", test_query_fts_expression);
  g_test_add_func ("/text/highlight", test_text_highlight);
  g_test_add_func ("/text/highlight-accents", test_text_highlight_accents);
  g_test_add_func ("/text/highlight-attributes", test_text_highlight_attributes);
  g_test_add_func ("/query/links", test_links);
  g_test_add_func ("/query/hostile-text", test_query_hostile_text);
  g_test_add_func ("/query/failed-step", test_query_failed_step);
  g_test_add_func ("/query/record-list-failed-row", test_record_list_failed_row);
  g_test_add_func ("/query/participation-beside", test_query_participation_beside);

  return g_test_run ();
}
