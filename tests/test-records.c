/* test-records.c: the records as objects, the lazy list of them, and the vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "atlas-features.h"
#include "atlas-test-util.h"
#include "atlas-vocabulary.h"

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
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NO_DATASET,
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
    g_assert_cmpint (atlas_status_from_string (atlas_vocabulary_get_term (ATLAS_VOCABULARY_CORRIDOR_STATUSES, i)),
                     ==, ATLAS_STATUS_PROPOSED + i);
  g_assert_cmpint (atlas_status_from_string ("suspended"), ==, ATLAS_STATUS_SUSPENDED);
  g_assert_cmpint (atlas_status_from_string ("demolished"), ==, ATLAS_STATUS_UNKNOWN);
  g_assert_cmpstr (atlas_status_label (ATLAS_STATUS_UNDER_CONSTRUCTION), ==,
                   "Under construction");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocabulary/schema", test_vocabulary_schema);
  g_test_add_func ("/vocabulary/checker", test_vocabulary_checker);
  g_test_add_func ("/vocabulary/labels", test_vocabulary_labels);

  return g_test_run ();
}
