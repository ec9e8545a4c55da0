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

/* Where the documents disagree, the event keeps each one's account, with its own words. */
static void
test_dataset_disputed (void)
{
  /* The summit: 13 October in the commentary, 12 in Huseynov's article, each backed only by
   * the excerpt that says so. */
  g_assert_cmpint (count ("SELECT count(*) FROM event_accounts a JOIN events e ON e.id = a.event_id"
                          " WHERE e.key = 'sharm-el-sheikh-summit-2025-10'"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM event_accounts a JOIN events e ON e.id = a.event_id"
                          " JOIN sources s ON s.id = a.source_id"
                          " JOIN event_account_excerpts ae ON ae.account_id = a.id"
                          " JOIN excerpts x ON x.id = ae.excerpt_id"
                          " WHERE e.key = 'sharm-el-sheikh-summit-2025-10' AND ("
                          "  (a.date = '2025-10-13' AND s.key = 'eurasianet-reconnection'"
                          "   AND x.text LIKE '%October 13%') OR"
                          "  (a.date = '2025-10-12' AND s.key = 'huseynov-confident-power'"
                          "   AND x.text LIKE '%October 12%'))"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM event_account_excerpts ae"
                          " JOIN event_accounts a ON a.id = ae.account_id"
                          " JOIN events e ON e.id = a.event_id"
                          " WHERE e.key = 'sharm-el-sheikh-summit-2025-10'"), ==, 2);
  /* The two days are one event now, not two. */
  g_assert_cmpint (count ("SELECT count(*) FROM events WHERE place_id ="
                          " (SELECT id FROM places WHERE key = 'sharm-el-sheikh')"), ==, 1);

  /* 700,000 displaced in one article, thousands of refugees in another. */
  g_assert_cmpint (count ("SELECT count(DISTINCT a.id) FROM event_accounts a"
                          " JOIN event_account_excerpts ae ON ae.account_id = a.id"
                          " JOIN excerpts x ON x.id = ae.excerpt_id"
                          " WHERE a.event_id = (SELECT event_id FROM event_accounts"
                          "  WHERE key = 'displaced-huseynov')"
                          " AND (x.text LIKE '%700,000%' OR x.text LIKE '%thousands of Azeri refugees%')"),
                   ==, 2);

  /* Every disputed event has two accounts or more, each from a source of its own, each
   * backed by that source's excerpts, which also back the event. */
  g_assert_cmpint (count ("SELECT count(DISTINCT event_id) FROM event_accounts"), >=, 4);
  g_assert_cmpint (offenders ("event with one account",
                              "SELECT e.key FROM events e JOIN event_accounts a ON a.event_id = e.id"
                              " GROUP BY e.id HAVING count(*) < 2"), ==, 0);
  g_assert_cmpint (offenders ("account backed by another source's excerpt",
                              "SELECT a.key FROM event_accounts a"
                              " JOIN event_account_excerpts ae ON ae.account_id = a.id"
                              " JOIN excerpts x ON x.id = ae.excerpt_id"
                              " WHERE x.source_id <> a.source_id"), ==, 0);
  g_assert_cmpint (offenders ("account without an excerpt",
                              "SELECT key FROM event_accounts WHERE id NOT IN"
                              " (SELECT account_id FROM event_account_excerpts)"), ==, 0);
  g_assert_cmpint (offenders ("account excerpt that does not back its event",
                              "SELECT a.key FROM event_accounts a"
                              " JOIN event_account_excerpts ae ON ae.account_id = a.id"
                              " WHERE NOT EXISTS (SELECT 1 FROM excerpt_links l"
                              "  WHERE l.event_id = a.event_id AND l.excerpt_id = ae.excerpt_id)"),
                   ==, 0);
}

/* Places two states name differently have each state's official name; TRIPP is TRIPP. */
static void
test_dataset_place_names (void)
{
  static const char * const official[][3] = {
    { "khankendi", "azerbaijan", "Khankendi" }, { "khankendi", "armenia", "Stepanakert" },
    { "shusha", "azerbaijan", "Shusha" }, { "shusha", "armenia", "Shushi" },
    { "lachin", "azerbaijan", "Lachin" }, { "lachin", "armenia", "Berdzor" },
    { "syunik", "armenia", "Syunik" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (official); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM official_names o"
                                              " JOIN names n ON n.id = o.name_id"
                                              " JOIN places p ON p.id = n.place_id"
                                              " JOIN actors a ON a.id = o.state_id"
                                              " WHERE p.key = '%s' AND a.key = '%s' AND n.name = '%s'",
                                              official[i][0], official[i][1], official[i][2]);

      if (count (sql) != 1)
        g_error ("%s is not %s's official name for place:%s", official[i][2], official[i][1],
                 official[i][0]);
    }
  /* A place with official names has that of the state that administers it. */
  g_assert_cmpint (offenders ("place without its administering state's official name",
                              "SELECT p.key FROM places p WHERE EXISTS (SELECT 1 FROM names n"
                              " JOIN official_names o ON o.name_id = n.id WHERE n.place_id = p.id)"
                              " AND NOT EXISTS (SELECT 1 FROM names n JOIN official_names o"
                              " ON o.name_id = n.id WHERE n.place_id = p.id"
                              " AND o.state_id = p.country_id)"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM names n JOIN places p ON p.id = n.place_id"
                          " WHERE p.key = 'shusha' AND n.in_sources AND n.name = 'Shusha'"), ==, 1);

  /* "Zəngəzur" is another name of Syunik, not its Azerbaijani one; TRIPP is named TRIPP,
   * the Zangezur corridor another of its names. */
  g_assert_cmpint (count ("SELECT count(*) FROM names n JOIN places p ON p.id = n.place_id"
                          " WHERE p.key = 'syunik' AND n.name = 'Zəngəzur' AND n.lang IS NULL"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM names n JOIN places p ON p.id = n.place_id"
                          " WHERE p.key = 'syunik' AND n.lang = 'az'"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM corridors WHERE key = 'tripp' AND name = 'TRIPP'"),
                   ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM names n JOIN corridors c ON c.id = n.corridor_id"
                          " WHERE c.key = 'tripp' AND n.name = 'Zangezur corridor'"), ==, 1);
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

  /* An account speaks only with its own source's words, and says something. */
  atlas_test_write_file (path,
                         "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                         "[source:t]\ntitle=U\npublication=Q\ndocument=d.txt\nline=5\n\n"
                         "[excerpt:x]\nsource=s\ntext=Quote.\nposition=1\n\n"
                         "[excerpt:y]\nsource=t\ntext=Other.\nposition=1\n\n"
                         "[event:e]\nkind=summit\ntitle=E\nstart=2025\nexcerpts=x;y\n\n"
                         "[account:a]\nevent=e\nsource=s\ndate=2025-10-12\nexcerpts=y\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[account:a]"));
  g_assert_nonnull (strstr (error->message, "“y”"));
  g_clear_error (&error);
  atlas_test_write_file (path,
                         "[source:s]\ntitle=T\npublication=P\ndocument=d.txt\nline=1\n\n"
                         "[excerpt:x]\nsource=s\ntext=Quote.\nposition=1\n\n"
                         "[event:e]\nkind=summit\ntitle=E\nstart=2025\nexcerpts=x\n\n"
                         "[account:a]\nevent=e\nsource=s\nexcerpts=x\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "[account:a]"));
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);

  /* Only a state has official names. */
  atlas_test_write_file (path,
                         "[actor:p]\nkind=person\nname=P\n\n"
                         "[place:c]\nkind=city\nname=C\nlat=40\nlon=45\nofficial=p:C\n", -1);
  g_assert_false (atlas_dataset_load_directory (store, dir, &error));
  g_assert_nonnull (strstr (error->message, "not a state"));
  g_clear_error (&error);
  g_assert_cmpint (atlas_test_query_int (store, "SELECT count(*) FROM event_accounts"), ==, 0);

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

/* Runs tools/dataset-check.py on @files (and the seeds beside the project, when there) and
 * returns what it printed; %NULL when it cannot run. */
static char *
run_checker (const char * const *files)
{
  const char *checker = g_getenv ("ATLAS_DATASET_CHECK");
  const char *seeds = g_getenv ("ATLAS_SEEDS_DIR");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status = 0;

  if (checker == NULL || python == NULL)
    return NULL;
  g_ptr_array_add (argv, python);
  g_ptr_array_add (argv, (gpointer) checker);
  if (seeds != NULL)
    {
      g_ptr_array_add (argv, "--seeds");
      g_ptr_array_add (argv, (gpointer) seeds);
    }
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) files[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  return output;
}

/* The checker knows disputed events and official names: what breaks their rules is named. */
static void
test_dataset_checker (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "50-claims.ini", NULL);
  const char * const files[] = { path, NULL };
  g_autofree char *output = NULL;

  atlas_test_write_file (path,
                         "[actor:s]\nkind=state\nname=S\n\n"
                         "[actor:p]\nkind=person\nname=P\n\n"
                         "[place:c]\nkind=city\nname=C\naliases=Ce\nlat=40\nlon=45\ncountry=s\n"
                         "official=p:Ce;s:Zed\n\n"
                         "[source:a]\nkind=reference\ntitle=A\npublication=P\nurl=https://example.org/a\n\n"
                         "[source:b]\nkind=reference\ntitle=B\npublication=P\nurl=https://example.org/b\n\n"
                         "[excerpt:xa]\nsource=a\nnote=Ours.\n\n"
                         "[excerpt:xb]\nsource=b\nnote=Also ours.\n\n"
                         "[event:e]\nkind=summit\ntitle=E\nstart=2025\nexcerpts=xa\n\n"
                         "[event:f]\nkind=summit\ntitle=F\nstart=2025\nexcerpts=xa\n\n"
                         "[account:one]\nevent=e\nsource=a\nexcerpts=xb\n\n"
                         "[account:only]\nevent=f\nsource=a\ndate=2025-10-12\nexcerpts=xa\n", -1);
  output = run_checker (files);
  if (output == NULL)
    {
      g_test_skip ("No ATLAS_DATASET_CHECK or no python3");
      atlas_test_remove_dir (dir);
      return;
    }
  g_test_message ("%s", output);
  g_assert_nonnull (strstr (output, "account:one says nothing"));
  g_assert_nonnull (strstr (output, "account:one is backed by excerpt:xb, which is b's words"));
  g_assert_nonnull (strstr (output, "excerpt:xb does not back event:e"));
  g_assert_nonnull (strstr (output, "event:e has one account"));
  g_assert_nonnull (strstr (output, "event:f has one account"));
  g_assert_nonnull (strstr (output, "p is not a state"));
  g_assert_nonnull (strstr (output, "'Zed' is not one of place:c's names"));

  /* As it should be: two accounts, each with its own words behind the event. */
  atlas_test_write_file (path,
                         "[source:a]\nkind=reference\ntitle=A\npublication=P\nurl=https://example.org/a\n\n"
                         "[source:b]\nkind=reference\ntitle=B\npublication=P\nurl=https://example.org/b\n\n"
                         "[excerpt:xa]\nsource=a\nnote=Ours.\n\n"
                         "[excerpt:xb]\nsource=b\nnote=Also ours.\nevents=e\n\n"
                         "[event:e]\nkind=summit\ntitle=E\nstart=2025\nexcerpts=xa\n\n"
                         "[account:one]\nevent=e\nsource=a\ndate=2025-10-13\nexcerpts=xa\n\n"
                         "[account:two]\nevent=e\nsource=b\ndescription=Another day.\nexcerpts=xb\n", -1);
  g_clear_pointer (&output, g_free);
  output = run_checker (files);
  g_assert_nonnull (strstr (output, "0 problem(s)"));

  atlas_test_remove_dir (dir);
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
  g_test_add_func ("/dataset/disputed", test_dataset_disputed);
  g_test_add_func ("/dataset/place-names", test_dataset_place_names);
  g_test_add_func ("/dataset/checker", test_dataset_checker);
  g_test_add_func ("/dataset/corrections", test_dataset_corrections);
  g_test_add_func ("/dataset/excerpts-verbatim", test_dataset_excerpts_verbatim);
  g_test_add_func ("/dataset/errors", test_dataset_errors);
  g_test_add_func ("/dataset/empty-file", test_dataset_empty_file);
  g_test_add_func ("/dataset/large-ids", test_dataset_large_ids);

  status = g_test_run ();
  g_clear_object (&bundled);
  return status;
}
