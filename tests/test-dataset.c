/* test-dataset.c: the bundled dataset is whole, consistent and true to its documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"
#include "atlas-excerpt.h"
#include "atlas-test-util.h"

static AtlasStore *bundled;

static int
count (const char *sql)
{
  return atlas_test_query_int (bundled, sql);
}

/* Prints the keys a query finds (to say what is wrong) and returns how many there were. */
static int
offenders (const char *what,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = atlas_store_prepare (bundled, sql, &error);
  int n = 0;

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_printerr ("%s: %s\n", what, sqlite3_column_text (stmt, 0));
      n++;
    }
  sqlite3_reset (stmt);
  return n;
}

static void
test_dataset_size (void)
{
  g_test_message ("actors %d, places %d, corridors %d, zones %d, events %d, excerpts %d, "
                  "sources %d, relations %d, statuses %d",
                  count ("SELECT count(*) FROM actors"), count ("SELECT count(*) FROM places"),
                  count ("SELECT count(*) FROM corridors"), count ("SELECT count(*) FROM zones"),
                  count ("SELECT count(*) FROM events"), count ("SELECT count(*) FROM excerpts"),
                  count ("SELECT count(*) FROM sources"), count ("SELECT count(*) FROM relations"),
                  count ("SELECT count(*) FROM corridor_status"));

  /* The five documents hold at least this much; fewer means a file went missing. */
  g_assert_cmpint (count ("SELECT count(*) FROM sources"), >=, 9);
  g_assert_cmpint (count ("SELECT count(DISTINCT document) FROM sources"), ==, 5);
  g_assert_cmpint (count ("SELECT count(*) FROM actors"), >=, 40);
  g_assert_cmpint (count ("SELECT count(*) FROM places"), >=, 40);
  g_assert_cmpint (count ("SELECT count(*) FROM corridors"), >=, 5);
  g_assert_cmpint (count ("SELECT count(*) FROM zones"), >=, 3);
  g_assert_cmpint (count ("SELECT count(*) FROM events"), >=, 50);
  g_assert_cmpint (count ("SELECT count(*) FROM excerpts"), >=, 150);
}

static void
test_dataset_links (void)
{
  g_assert_cmpint (offenders ("event without an excerpt",
                              "SELECT key FROM events WHERE id NOT IN "
                              "(SELECT event_id FROM excerpt_links WHERE event_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (offenders ("relation without an excerpt",
                              "SELECT key FROM relations WHERE id NOT IN "
                              "(SELECT relation_id FROM excerpt_links WHERE relation_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (offenders ("status change without an excerpt",
                              "SELECT key FROM corridor_status WHERE id NOT IN "
                              "(SELECT status_id FROM excerpt_links WHERE status_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (offenders ("excerpt linked to nothing",
                              "SELECT key FROM excerpts WHERE id NOT IN "
                              "(SELECT excerpt_id FROM excerpt_links)"), ==, 0);
  g_assert_cmpint (offenders ("source without excerpts",
                              "SELECT key FROM sources WHERE id NOT IN "
                              "(SELECT source_id FROM excerpts)"), ==, 0);
  g_assert_cmpint (offenders ("event excerpt from a source that does not exist",
                              "SELECT x.key FROM excerpts x LEFT JOIN sources s "
                              "ON s.id = x.source_id WHERE s.id IS NULL"), ==, 0);
  g_assert_cmpint (offenders ("foreign key", "SELECT \"table\" FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_dataset_names (void)
{
  g_assert_cmpint (offenders ("actor without its English name in names",
                              "SELECT key FROM actors a WHERE NOT EXISTS (SELECT 1 FROM names n "
                              "WHERE n.actor_id = a.id AND n.lang = 'en' AND n.name = a.name)"), ==, 0);
  g_assert_cmpint (offenders ("place without its English name in names",
                              "SELECT key FROM places p WHERE NOT EXISTS (SELECT 1 FROM names n "
                              "WHERE n.place_id = p.id AND n.lang = 'en' AND n.name = p.name)"), ==, 0);
  g_assert_cmpint (offenders ("name that folds to nothing",
                              "SELECT name FROM names WHERE folded = ''"), ==, 0);
  g_assert_cmpint (offenders ("unknown language",
                              "SELECT name || ' [' || lang || ']' FROM names WHERE lang IS NOT NULL "
                              "AND lang NOT IN ('en','az','hy','ru','fa','tr','ka','ar','he','zh',"
                              "'uk','kk','fr','de','ur','id','uz','tk','ky','tg')"), ==, 0);

  /* The names the region argues about are all there, in their several spellings. */
  g_assert_cmpint (count ("SELECT count(*) FROM names WHERE folded IN ('stepanakert', 'khankendi')"),
                   >=, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM names WHERE folded IN ('shusha', 'shushi')"), >=, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM names WHERE folded IN ('nakhchivan', 'nakhichevan', "
                          "'naxcivan')"), >=, 3);
  g_assert_cmpint (count ("SELECT count(*) FROM names WHERE folded LIKE '%zangezur%'"), >=, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM names WHERE folded = 'syunik'"), >=, 1);
}

static void
test_dataset_geography (void)
{
  /* Places in the three South Caucasus states lie in the region. */
  g_assert_cmpint (offenders ("place outside the region",
                              "SELECT p.key FROM places p JOIN actors c ON c.id = p.country_id "
                              "WHERE c.key IN ('azerbaijan', 'armenia', 'georgia') "
                              "AND NOT (p.lat BETWEEN 38.3 AND 43.7 AND p.lon BETWEEN 39.9 AND 50.9)"),
                   ==, 0);
  g_assert_cmpint (offenders ("corridor with fewer than two points",
                              "SELECT key FROM corridors c WHERE (SELECT count(*) FROM "
                              "corridor_points WHERE corridor_id = c.id) < 2"), ==, 0);
  g_assert_cmpint (offenders ("zone with fewer than three points",
                              "SELECT key FROM zones z WHERE (SELECT count(*) FROM "
                              "zone_points WHERE zone_id = z.id) < 3"), ==, 0);

  /* Yerevan, Baku and Tbilisi where they are, to a few kilometres. */
  g_assert_cmpint (count ("SELECT count(*) FROM places WHERE "
                          "(key = 'yerevan' AND abs (lat - 40.18) < 0.05 AND abs (lon - 44.51) < 0.05) OR "
                          "(key = 'baku' AND abs (lat - 40.41) < 0.05 AND abs (lon - 49.87) < 0.05) OR "
                          "(key = 'tbilisi' AND abs (lat - 41.72) < 0.05 AND abs (lon - 44.79) < 0.05)"),
                   ==, 3);

  /* TRIPP runs through Meghri. */
  g_assert_cmpint (count ("SELECT count(*) FROM corridor_points cp JOIN corridors c ON c.id = cp.corridor_id "
                          "JOIN places p ON p.id = cp.place_id WHERE c.key = 'tripp' AND p.key = 'meghri'"),
                   ==, 1);
}

static void
test_dataset_dates (void)
{
  /* The documents give days, months and years; all three survive. */
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE precision = 'day'"), >, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE precision = 'month'"), >, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE precision = 'year'"), >, 0);
  /* The documents were written in 2025; they look ahead a year at most (elections due). */
  g_assert_cmpint (offenders ("event dated far after the documents were written",
                              "SELECT key FROM events WHERE first_day > '2026-12-31'"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE key = 'washington-summit-2025-08-08' "
                          "AND start = '2025-08-08'"), ==, 1);
  g_assert_cmpint (offenders ("zone that ends before it starts",
                              "SELECT key FROM zones WHERE valid_to < valid_from"), ==, 0);
}

/* Statuses say whether they are changes or reports, and the changes the documents lack come
 * from reference pages, whose words are our own notes. */
static void
test_dataset_statuses (void)
{
  /* The documents date one change, the Washington summit's; the rest of what they say of
   * corridors are reports of the day they were written. */
  g_assert_cmpint (count ("SELECT count(*) FROM corridor_status s JOIN excerpt_links l"
                          " ON l.status_id = s.id JOIN excerpts x ON x.id = l.excerpt_id"
                          " JOIN sources o ON o.id = x.source_id"
                          " WHERE s.kind = 'change' AND o.kind = 'document'"), >=, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM corridor_status WHERE kind = 'report'"), >=, 10);
  g_assert_cmpint (count ("SELECT count(*) FROM corridor_status WHERE key = "
                          "'tripp-agreed-washington-2025-08-08' AND kind = 'change'"), ==, 1);
  /* BTC has worked since 2006, not since the article that mentions it. */
  g_assert_cmpint (count ("SELECT count(*) FROM corridor_status s JOIN corridors c"
                          " ON c.id = s.corridor_id WHERE c.key = 'btc-pipeline'"
                          " AND s.kind = 'change' AND s.status = 'operational'"
                          " AND s.date LIKE '2006%'"), ==, 1);

  /* A reference has an address and no document; each change it dates rests on it alone. */
  g_assert_cmpint (count ("SELECT count(*) FROM sources WHERE kind = 'reference'"), >=, 5);
  g_assert_cmpint (offenders ("reference without an address or with a document",
                              "SELECT key FROM sources WHERE kind = 'reference' AND "
                              "(url IS NULL OR document IS NOT NULL OR document_line IS NOT NULL)"),
                   ==, 0);
  g_assert_cmpint (offenders ("document without its file",
                              "SELECT key FROM sources WHERE kind = 'document' AND "
                              "(document IS NULL OR document_line IS NULL)"), ==, 0);
  g_assert_cmpint (offenders ("note of a reference with a paragraph",
                              "SELECT x.key FROM excerpts x JOIN sources s ON s.id = x.source_id"
                              " WHERE s.kind = 'reference' AND x.position IS NOT NULL"), ==, 0);
}

/* What a reading of the five documents found wrong stays put right (issue 13). */
static void
test_dataset_corrections (void)
{
  /* 67 on board, 38 dead, down near Aktau: not "all 38 on board". */
  g_assert_cmpint (count ("SELECT count(*) FROM events e JOIN places p ON p.id = e.place_id"
                          " WHERE e.key = 'azal-plane-downing-2024-12' AND p.key = 'aktau'"
                          " AND e.summary LIKE '%38 of the 67%'"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM actors WHERE key = 'azerbaijan-airlines'"
                          " AND description LIKE '%38 of the 67%'"), ==, 1);
  /* The Soviet conquest concerns both republics, not one province. */
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE key = 'soviet-conquest-south-caucasus-1920-21'"
                          " AND place_id IS NULL"), ==, 1);
  /* The document names only Armenia as occupying power. */
  g_assert_cmpint (count ("SELECT count(*) FROM event_actors ea JOIN events e ON e.id = ea.event_id"
                          " JOIN actors a ON a.id = ea.actor_id"
                          " WHERE e.key = 'occupation-azerbaijani-territories-1991-2020'"
                          " AND a.key IN ('russia', 'un-security-council')"), ==, 0);
  /* No event is linked to a zone that was gone before it began. */
  g_assert_cmpint (offenders ("event linked to a zone not in force then",
                              "SELECT e.key FROM events e JOIN event_zones ez ON ez.event_id = e.id"
                              " JOIN zones z ON z.id = ez.zone_id WHERE z.valid_to IS NOT NULL"
                              " AND e.first_day > substr (z.valid_to || '-12-31', 1, 10)"), ==, 0);
  /* A visit known only by inference says so. */
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE start = '2022' AND approximate = 1"
                          " AND title LIKE '%Iranian president%' AND summary LIKE '%inference%'"), ==, 1);
  /* Events the documents speak of, now there: the Soviet collapse, the resolutions of 1993,
   * and the treaty initialled at the Washington summit. */
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE key = 'soviet-collapse-1991'"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM events e JOIN event_actors ea ON ea.event_id = e.id"
                          " JOIN actors a ON a.id = ea.actor_id WHERE e.start LIKE '1993%'"
                          " AND a.key = 'un-security-council'"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE key = 'washington-summit-2025-08-08'"
                          " AND summary LIKE '%initialled%'"), ==, 1);
  /* Quotations hold the words, not the documents' markdown. */
  g_assert_cmpint (offenders ("excerpt with markdown",
                              "SELECT key FROM excerpts WHERE text LIKE '%\\$%' OR text LIKE '%*%'"),
                   ==, 0);
}

/* A note backed by a reference is never shown as a quotation, and says where it comes from. */
static void
test_dataset_reference_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasExcerpt) note = atlas_excerpt_load (bundled,
                                                     atlas_test_key_id (bundled, "excerpts",
                                                                        "ref-btc-opened-2006"),
                                                     &error);
  g_autoptr(AtlasExcerpt) quotation = NULL;
  g_autofree char *words = NULL;
  g_autofree char *attribution = NULL;

  g_assert_no_error (error);
  g_assert_true (atlas_excerpt_get_reference (note));
  words = atlas_excerpt_dup_words (note);
  g_assert_cmpstr (words, ==, atlas_excerpt_get_text (note));
  attribution = atlas_excerpt_dup_attribution (note);
  g_assert_true (g_str_has_prefix (attribution, "Reference, not from the documents: "));
  g_assert_true (g_str_has_suffix (attribution, atlas_excerpt_get_source_url (note)));
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&attribution, g_free);

  quotation = atlas_excerpt_load (bundled, atlas_test_key_id (bundled, "excerpts",
                                                              "blank-clinton-pipeline"), &error);
  g_assert_no_error (error);
  g_assert_false (atlas_excerpt_get_reference (quotation));
  words = atlas_excerpt_dup_words (quotation);
  g_assert_true (g_str_has_prefix (words, "“") && g_str_has_suffix (words, "”"));
  attribution = atlas_excerpt_dup_attribution (quotation);
  g_assert_false (g_str_has_prefix (attribution, "Reference"));
}

/* Splits a document into its paragraphs (non-blank lines) from @first_line, whitespace
 * folded, as the dataset's position= counts them, and read without their markdown (an
 * escaped "\\$" as "$", "*emphasis*" as its words): excerpts quote the words, as
 * tools/dataset-check.py checks them. */
static GPtrArray *
article_paragraphs (const char *document,
                    int         first_line)
{
  g_autoptr(GBytes) bytes = atlas_test_read_file (document);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) markup = g_regex_new ("\\*|\\\\(?=[^\\w\\s])", 0, 0, NULL);

  for (int i = first_line - 1; lines[i] != NULL; i++)
    {
      g_autofree char *words = g_regex_replace_literal (markup, lines[i], -1, 0, "", 0, NULL);
      g_autofree char *folded = g_regex_replace_literal (spaces, words, -1, 0, " ", 0, NULL);

      g_strstrip (folded);
      if (*folded != '\0')
        g_ptr_array_add (paragraphs, g_steal_pointer (&folded));
    }
  return paragraphs;
}

static void
test_dataset_excerpts_verbatim (void)
{
  const char *seeds = g_getenv ("ATLAS_SEEDS_DIR");
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint checked = 0, wrong = 0;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seed documents are not beside the project");
      return;
    }

  stmt = atlas_store_prepare (bundled,
                              "SELECT x.key, x.text, x.position, s.document, s.document_line "
                              "FROM excerpts x JOIN sources s ON s.id = x.source_id "
                              "WHERE s.kind = 'document'", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *text = g_regex_replace_literal (spaces, (const char *) sqlite3_column_text (stmt, 1),
                                                       -1, 0, " ", 0, NULL);
      int position = sqlite3_column_int (stmt, 2);
      g_autofree char *document = g_build_filename (seeds, sqlite3_column_text (stmt, 3), NULL);
      g_autoptr(GPtrArray) paragraphs = NULL;

      g_strstrip (text);
      g_assert_true (g_file_test (document, G_FILE_TEST_EXISTS));
      paragraphs = article_paragraphs (document, sqlite3_column_int (stmt, 4));
      if (position < 1 || (guint) position > paragraphs->len ||
          strstr (g_ptr_array_index (paragraphs, position - 1), text) == NULL)
        {
          g_printerr ("excerpt %s is not verbatim in paragraph %d of its article\n", key, position);
          wrong++;
        }
      /* Short quotations, never whole articles. */
      if (g_utf8_strlen (text, -1) > 900)
        {
          g_printerr ("excerpt %s is too long to be a short quotation\n", key);
          wrong++;
        }
      checked++;
    }
  sqlite3_reset (stmt);

  g_test_message ("%u excerpts checked against their documents", checked);
  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_dataset_errors (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "50-bad.ini", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  atlas_test_write_file (path,
                         "[actor:a]\nkind=state\nname=A\n\n"
                         "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                         "[excerpt:x]\nsource=s\ntext=Quote.\nposition=1\n\n"
                         "[event:e]\nkind=summit\ntitle=E\nstart=2025\nactors=a;ghost\nexcerpts=x\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_DATASET);
  g_assert_nonnull (strstr (error->message, "50-bad.ini"));
  g_assert_nonnull (strstr (error->message, "[event:e]"));
  g_assert_nonnull (strstr (error->message, "ghost"));
  g_clear_error (&error);

  /* Nothing of the failed load stays. */
  stmt = atlas_store_prepare (store, "SELECT count(*) FROM actors", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);

  /* Each broken rule names its place. */
  atlas_test_write_file (path, "[event:e]\nkind=summit\ntitle=E\nstart=2025-13\nexcerpts=x\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[event:e]"));
  g_clear_error (&error);

  /* A status says whether it is a change or a report. */
  atlas_test_write_file (path,
                         "[corridor:c]\nkind=rail\nname=C\nroute=1,2;3,4\n\n"
                         "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                         "[excerpt:x]\nsource=s\ntext=Quote.\nposition=1\n\n"
                         "[status:st]\ncorridor=c\ndate=2025\nstatus=agreed\nexcerpts=x\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[status:st]"));
  g_assert_nonnull (strstr (error->message, "kind"));
  g_clear_error (&error);

  atlas_test_write_file (path,
                         "[corridor:c]\nkind=rail\nname=C\nroute=1,2;3,4\n\n"
                         "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                         "[excerpt:x]\nsource=s\ntext=Quote.\nposition=1\n\n"
                         "[status:st]\ncorridor=c\ndate=2025\nstatus=agreed\nkind=rumour\n"
                         "excerpts=x\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "rumour"));
  g_clear_error (&error);

  /* A reference has an address, no document, and notes rather than quotations. */
  atlas_test_write_file (path, "[source:r]\nkind=reference\ntitle=T\npublication=P\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "url"));
  g_clear_error (&error);

  atlas_test_write_file (path, "[source:r]\nkind=reference\ntitle=T\npublication=P\n"
                               "url=https://example.org/t\ndocument=d.txt\nline=3\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[source:r]"));
  g_clear_error (&error);

  atlas_test_write_file (path, "[source:r]\nkind=encyclopaedia\ntitle=T\npublication=P\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "encyclopaedia"));
  g_clear_error (&error);

  atlas_test_write_file (path, "[source:r]\nkind=reference\ntitle=T\npublication=P\n"
                               "url=https://example.org/t\n\n"
                               "[excerpt:n]\nsource=r\ntext=Opened in 2006.\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[excerpt:n]"));
  g_assert_nonnull (strstr (error->message, "note="));
  g_clear_error (&error);

  atlas_test_write_file (path, "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                               "[excerpt:x]\nsource=s\nnote=Our words.\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "text"));
  g_clear_error (&error);

  /* And nothing of the failed loads stays. */
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM sources"), ==, 0);

  /* As written, both load: the note is kept as the excerpt's words, its source a reference. */
  atlas_test_write_file (path, "[source:r]\nkind=reference\ntitle=T\npublication=P\n"
                               "url=https://example.org/t\n\n"
                               "[excerpt:n]\nsource=r\nnote=Opened in 2006.\n", -1);
  g_assert_true (atlas_dataset_load_directory (store, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM excerpts x JOIN sources s"
                                                " ON s.id = x.source_id WHERE s.kind = 'reference'"
                                                " AND x.text = 'Opened in 2006.'"), ==, 1);
  atlas_store_exec (store, "DELETE FROM sources", NULL);

  atlas_test_write_file (path, "[planet:mars]\nname=Mars\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "unknown kind"));
  g_clear_error (&error);

  atlas_test_write_file (path, "this is not a key file\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "50-bad.ini"));
  g_clear_error (&error);

  atlas_test_write_file (path, "[actor:a]\nkind=state\nname=A\n[actor:a]\nkind=state\nname=B\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_clear_error (&error);

  g_remove (path);
  g_rmdir (dir);
}

/* An empty file is a dataset with nothing in it. */
static void
test_dataset_empty_file (void)
{
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *empty = g_build_filename (dir, "10-empty.ini", NULL);
  g_autofree char *one = g_build_filename (dir, "20-one.ini", NULL);
  g_autoptr(GError) error = NULL;

  atlas_test_write_file (empty, "", 0);
  atlas_test_write_file (one, "[actor:a]\nkind=state\nname=A\n", -1);
  g_assert_true (atlas_dataset_load_directory (store, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM actors"), ==, 1);

  atlas_test_remove_dir (dir);
}

/* Ids past 2^31, as a store that has grown or been merged has, link whole. */
static void
test_dataset_large_ids (void)
{
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "10-large.ini", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "INSERT INTO actors (id, key, kind, name) "
                                 "VALUES (4294967296, 'old', 'state', 'Old')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  atlas_test_write_file (path, "[actor:a]\nkind=state\nname=A\n\n"
                               "[actor:b]\nkind=person\nname=B\naffiliation=a\n", -1);
  g_assert_true (atlas_dataset_load_directory (store, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT affiliation_id = (SELECT id FROM actors "
                                                "WHERE key = 'a') AND affiliation_id > 4294967296 "
                                                "FROM actors WHERE key = 'b'"), ==, 1);

  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bundled = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_test_add_func ("/dataset/size", test_dataset_size);
  g_test_add_func ("/dataset/links", test_dataset_links);
  g_test_add_func ("/dataset/names", test_dataset_names);
  g_test_add_func ("/dataset/geography", test_dataset_geography);
  g_test_add_func ("/dataset/dates", test_dataset_dates);
  g_test_add_func ("/dataset/statuses", test_dataset_statuses);
  g_test_add_func ("/dataset/reference-notes", test_dataset_reference_notes);
  g_test_add_func ("/dataset/corrections", test_dataset_corrections);
  g_test_add_func ("/dataset/excerpts-verbatim", test_dataset_excerpts_verbatim);
  g_test_add_func ("/dataset/errors", test_dataset_errors);
  g_test_add_func ("/dataset/empty-file", test_dataset_empty_file);
  g_test_add_func ("/dataset/large-ids", test_dataset_large_ids);

  status = g_test_run ();
  g_clear_object (&bundled);
  return status;
}
