/* test-cli.c: the command line lists records as CSV without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include <cairo.h>

#include "atlas-dataset.h"
#include "atlas-geo.h"
#include "atlas-query.h"
#include "atlas-store.h"
#include "atlas-test-util.h"
#include "bench-generate.h"

static char *db_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the real program with no display, as a script on a server would. */
static void
run_program (Run        *run,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ATLAS_BINARY"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static guint
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;

  g_error ("no column %s", name);
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      col)
{
  GPtrArray *fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (col, <, fields->len);
  return g_ptr_array_index (fields, col);
}

static int
count_rows (const char *sql)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (db_path, ATLAS_STORE_FLAGS_NONE, NULL);
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  int n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_cli_every_kind (void)
{
  static const struct { const char *kind; const char *columns; const char *table; } kinds[] = {
    { "actors", "id kind name", "actors" },
    { "places", "id kind name lat lon", "places" },
    { "corridors", "id kind name status status_date status_kind", "corridors" },
    { "relations", "id a b kind title from to reported in_force excerpts", "relations" },
    { "zones", "id kind name from to in_force", "zones" },
    { "statuses", "id corridor date status kind note excerpt source source_kind text",
      "corridor_status s JOIN excerpt_links l ON l.status_id = s.id" },
    { "events", "id start end precision approximate kind title place actors", "events" },
    { "excerpts", "id source text events author title publication date position source_kind",
      "excerpts" },
    { "sources", "id title author publication date url excerpts kind", "sources" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) run;
      g_autoptr(GPtrArray) rows = NULL;
      g_auto(GStrv) columns = g_strsplit (kinds[i].columns, " ", -1);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", kinds[i].table);
      GPtrArray *header;

      run_program (&run, "--db", db_path, "--list", kinds[i].kind, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");

      rows = atlas_test_parse_csv (run.out);
      g_assert_cmpuint (rows->len, >, 1);
      header = g_ptr_array_index (rows, 0);
      for (guint j = 0; columns[j] != NULL; j++)
        g_assert_cmpstr (g_ptr_array_index (header, j), ==, columns[j]);
      for (guint r = 1; r < rows->len; r++)
        g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, header->len);
      g_assert_cmpuint (rows->len - 1, ==, count_rows (sql));
    }
}

static void
test_cli_filters (void)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) rows = NULL;
  guint start, end, actors, precision;

  run_program (&run, "--db", db_path, "--list", "events", "--actor", "Aliyev",
               "--from", "2025-01", "--to", "2025", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = atlas_test_parse_csv (run.out);
  g_assert_cmpuint (rows->len, >, 1);
  start = column (g_ptr_array_index (rows, 0), "start");
  end = column (g_ptr_array_index (rows, 0), "end");
  actors = column (g_ptr_array_index (rows, 0), "actors");
  precision = column (g_ptr_array_index (rows, 0), "precision");

  for (guint r = 1; r < rows->len; r++)
    {
      const char *last = *cell (rows, r, end) ? cell (rows, r, end) : cell (rows, r, start);

      g_assert_nonnull (strstr (cell (rows, r, actors), "Ilham Aliyev"));
      g_assert_cmpstr (last, >=, "2025");
      g_assert_cmpstr (cell (rows, r, start), <, "2026");
      g_assert_cmpuint (strlen (cell (rows, r, start)), ==,
                        g_str_equal (cell (rows, r, precision), "day") ? 10 :
                        g_str_equal (cell (rows, r, precision), "month") ? 7 : 4);
    }
}

/* --disputed keeps the events the documents disagree on, and every listing of events says of
 * each whether it is disputed. */
static void
test_cli_disputed (void)
{
  g_auto(Run) all;
  g_auto(Run) disputed;
  g_autoptr(GPtrArray) all_rows = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint id, column_disputed, n_yes = 0;
  gboolean summit = FALSE;

  run_program (&all, "--db", db_path, "--list", "events", NULL);
  run_program (&disputed, "--db", db_path, "--list", "events", "--disputed", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpint (disputed.status, ==, 0);
  all_rows = atlas_test_parse_csv (all.out);
  rows = atlas_test_parse_csv (disputed.out);
  id = column (g_ptr_array_index (rows, 0), "id");
  column_disputed = column (g_ptr_array_index (rows, 0), "disputed");

  for (guint r = 1; r < all_rows->len; r++)
    {
      const char *value = cell (all_rows, r, column_disputed);

      g_assert_true (g_str_equal (value, "yes") || g_str_equal (value, "no"));
      n_yes += g_str_equal (value, "yes");
    }
  g_assert_cmpuint (rows->len - 1, ==, n_yes);
  g_assert_cmpuint (n_yes, >=, 4);
  for (guint r = 1; r < rows->len; r++)
    {
      g_assert_cmpstr (cell (rows, r, column_disputed), ==, "yes");
      summit |= g_str_equal (cell (rows, r, id), "sharm-el-sheikh-summit-2025-10");
    }
  g_assert_true (summit);
}

/* An actor's events are listed alike with the filter of actors (read with their actors from
 * event_actors) and without it (their actors from what the store keeps of who takes part):
 * each row the filter keeps is the same row in the whole list, actors and all. */
static void
test_cli_actors_alike (void)
{
  g_auto(Run) all;
  g_auto(Run) filtered;
  g_autoptr(GPtrArray) all_rows = NULL;
  g_autoptr(GPtrArray) filtered_rows = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint several = 0;

  run_program (&all, "--db", db_path, "--list", "events", NULL);
  run_program (&filtered, "--db", db_path, "--list", "events", "--actor", "Armenia", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpint (filtered.status, ==, 0);
  all_rows = atlas_test_parse_csv (all.out);
  filtered_rows = atlas_test_parse_csv (filtered.out);
  g_assert_cmpuint (filtered_rows->len, >, 2);

  for (guint r = 1; r < all_rows->len; r++)
    g_hash_table_insert (by_id, (gpointer) cell (all_rows, r, 0), g_ptr_array_index (all_rows, r));
  for (guint r = 1; r < filtered_rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (filtered_rows, r);
      GPtrArray *same = g_hash_table_lookup (by_id, cell (filtered_rows, r, 0));

      g_assert_nonnull (same);
      g_assert_cmpuint (same->len, ==, row->len);
      for (guint c = 0; c < row->len; c++)
        g_assert_cmpstr (g_ptr_array_index (same, c), ==, g_ptr_array_index (row, c));
      several += strchr (cell (filtered_rows, r, column (g_ptr_array_index (filtered_rows, 0), "actors")), ';') != NULL;
    }
  /* Rows with more than one actor, whose order matters. */
  g_assert_cmpuint (several, >, 0);
}

static void
test_cli_text (void)
{
  g_auto(Run) run;
  g_auto(Run) excerpts;
  g_autoptr(GPtrArray) rows = NULL;
  guint text;

  run_program (&run, "--db", db_path, "--list", "events", "--text", "TRIPP", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = atlas_test_parse_csv (run.out);
  g_assert_cmpuint (rows->len, >, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  run_program (&excerpts, "--db", db_path, "--list", "excerpts", "--text", "Nakhchivan", NULL);
  g_assert_cmpint (excerpts.status, ==, 0);
  rows = atlas_test_parse_csv (excerpts.out);
  g_assert_cmpuint (rows->len, >, 1);
  text = column (g_ptr_array_index (rows, 0), "text");
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpstr (cell (rows, r, text), !=, "");
}

/* Each event as the listing was defined before it was streamed: one statement, with the
 * actors and the excerpts of each event in subqueries. */
#define EVENTS_AS_DEFINED \
  "SELECT e.key, e.start, e.end, e.precision, e.approximate, e.kind, e.title, p.name," \
  " (SELECT group_concat (a.name, '; ') FROM event_actors ea JOIN actors a" \
  "  ON a.id = ea.actor_id WHERE ea.event_id = e.id)," \
  " e.summary," \
  " (SELECT group_concat (x.key, ';') FROM excerpt_links l JOIN excerpts x" \
  "  ON x.id = l.excerpt_id WHERE l.event_id = e.id)" \
  " FROM events e LEFT JOIN places p ON p.id = e.place_id" \
  " ORDER BY e.first_day, e.last_day, e.id"

/* A store with the bundled data and as many generated events as asked. */
static char *
make_generated_store (const char *dir,
                      guint       n_events)
{
  g_autofree char *path = g_build_filename (dir, "generated.db", NULL);
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, NULL);
  BenchStoreSize size = { .events = n_events, .actors = 60, .places = 40, .passages = 400,
                          .heavy_passages = 40 };

  g_assert_nonnull (store);
  bench_generate_store (store, &size);
  return g_steal_pointer (&path);
}

/* On a generated store, --list events gives every event, in date order, each as it was
 * defined: with its place, its actors and its excerpts; a filter keeps the query's events,
 * in its order. */
static void
test_cli_list_generated (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = make_generated_store (dir, 20000);
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_READ_ONLY, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(Run) run;
  sqlite3_stmt *stmt;
  guint r = 0;

  run_program (&run, "--db", path, "--list", "events", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  rows = atlas_test_parse_csv (run.out);
  g_assert_cmpuint (rows->len - 1, ==,
                    atlas_test_query_int (store, "SELECT count (*) FROM events"));
  g_assert_cmpuint (rows->len - 1, >, 20000);

  /* The first and the last by date, and every row between them. */
  g_assert_cmpstr (cell (rows, 1, 0), ==, "soviet-conquest-south-caucasus-1920-21");
  g_assert_cmpstr (cell (rows, rows->len - 1, 0), ==, "turkic-joint-exercises-2026");
  stmt = atlas_store_prepare (store, EVENTS_AS_DEFINED, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      r++;
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *expected = (const char *) sqlite3_column_text (stmt, c);

          g_assert_cmpstr (cell (rows, r, c), ==, expected ? expected : "");
        }
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (r, ==, rows->len - 1);
  g_assert_cmpstr (cell (rows, 1, 8), ==, "Azerbaijan; Armenia; Soviet Union");
  g_assert_cmpstr (cell (rows, rows->len - 1, 10), ==, "huseynov-turkic-exercises-proposal");

  {
    g_auto(Run) filtered;
    g_autoptr(GPtrArray) filtered_rows = NULL;
    g_autoptr(AtlasFilter) filter = atlas_filter_new ();
    g_autoptr(GArray) ids = NULL;

    atlas_filter_set_text (filter, "visit");
    atlas_filter_set_from (filter, "2000");
    atlas_filter_set_to (filter, "2010-06");
    ids = atlas_query_events (store, filter, NULL);
    g_assert_cmpuint (ids->len, >, 10);

    run_program (&filtered, "--db", path, "--list", "events", "--text", "visit",
                 "--from", "2000", "--to", "2010-06", NULL);
    g_assert_cmpint (filtered.status, ==, 0);
    filtered_rows = atlas_test_parse_csv (filtered.out);
    g_assert_cmpuint (filtered_rows->len - 1, ==, ids->len);
    stmt = atlas_store_prepare (store, "SELECT key FROM events WHERE id = ?", NULL);
    for (guint i = 0; i < ids->len; i++)
      {
        sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr (cell (filtered_rows, i + 1, 0), ==,
                         (const char *) sqlite3_column_text (stmt, 0));
        g_assert_nonnull (strstr (cell (filtered_rows, i + 1, 6), "visit"));
        sqlite3_reset (stmt);
      }
  }

  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* Output that cannot be written (a full disk) is an error that says so, not a short
 * listing that looks complete. */
static void
test_cli_list_unwritable (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /dev/full here");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ATLAS_BINARY"),
                                         "--db", db_path, "--list", "events", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "caucasus-atlas: Could not write the listing: "));
  g_assert_null (strstr (err, "CRITICAL"));
}

typedef struct
{
  const char *args[8];
  int         status;
  const char *says;
} ErrorCase;

/* The listing of @kind as of @date, parsed back: a table of row id -> the CSV's fields. */
static GHashTable *
list_as_of (const char  *kind,
            const char  *date,
            GPtrArray  **header)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) rows = NULL;
  GHashTable *by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);

  run_program (&run, "--db", db_path, "--list", kind, "--date", date, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  rows = atlas_test_parse_csv (run.out);
  g_assert_cmpuint (rows->len, >, 1);
  *header = g_ptr_array_ref (g_ptr_array_index (rows, 0));
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *fields = g_ptr_array_index (rows, r);

      g_assert_cmpuint (fields->len, ==, (*header)->len);
      g_hash_table_insert (by_id, g_ptr_array_index (fields, 0), g_ptr_array_ref (fields));
    }
  return by_id;
}

static const char *
field (GHashTable *rows,
       GPtrArray  *header,
       const char *id,
       const char *name)
{
  GPtrArray *fields = g_hash_table_lookup (rows, id);

  g_assert_nonnull (fields);
  return g_ptr_array_index (fields, column (header, name));
}

/* --list corridors, zones and relations --date say how things stood then, parsed back at
 * four dates: before anything is known of TRIPP, and after; BTC working since 2006, by a
 * dated change, not since the article of 2025 that reports it; the peacekeeping zone in force
 * only from November 2020 until May 2024; Iran's alliance with Assad until his fall in
 * December 2024, the US mediation only from 2025, and a partnership the documents only
 * report from the day of its first report. */
static void
test_cli_as_of (void)
{
  static const struct {
    const char *date;
    const char *btc;             /* status, date, kind */
    const char *tripp;
    const char *instc;
    const char *peacekeeping;    /* in force */
    const char *relations;       /* in force: Assad alliance, US mediation, Section 907,
                                  * Armenia-India partnership */
  } cases[] = {
    { "2010", "operational 2006-07-13 change", " not-known", "agreed 2000 change", "no",
      "yes no yes no" },
    { "2021", "operational 2006-07-13 change", " not-known", "agreed 2000 change", "yes",
      "yes no yes no" },
    { "2024-06", "operational 2006-07-13 change", " not-known", "agreed 2000 change", "no",
      "yes no yes no" },
    { "2025-12", "operational 2006-07-13 change", "agreed 2025-08-08 change",
      "under-construction 2025-08-20 report", "no", "no yes yes yes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) header = NULL;
      g_autoptr(GPtrArray) zone_header = NULL;
      g_autoptr(GHashTable) corridors = list_as_of ("corridors", cases[i].date, &header);
      g_autoptr(GHashTable) zones = list_as_of ("zones", cases[i].date, &zone_header);
      g_autoptr(GPtrArray) relation_header = NULL;
      g_autoptr(GHashTable) relations = list_as_of ("relations", cases[i].date, &relation_header);
      g_autofree char *in_force = NULL;
      const struct { const char *id; const char *expected; } checks[] = {
        { "btc-pipeline", cases[i].btc },
        { "tripp", cases[i].tripp },
        { "instc", cases[i].instc },
      };

      g_test_message ("as of %s", cases[i].date);
      for (guint j = 0; j < G_N_ELEMENTS (checks); j++)
        {
          g_autofree char *got = NULL;
          const char *kind = field (corridors, header, checks[j].id, "status_kind");

          if (g_str_equal (kind, "not-known"))
            {
              g_assert_cmpstr (field (corridors, header, checks[j].id, "status"), ==, "");
              g_assert_cmpstr (field (corridors, header, checks[j].id, "status_date"), ==, "");
              got = g_strdup_printf (" %s", kind);
            }
          else
            got = g_strdup_printf ("%s %s %s", field (corridors, header, checks[j].id, "status"),
                                   field (corridors, header, checks[j].id, "status_date"), kind);
          g_assert_cmpstr (got, ==, checks[j].expected);
        }
      /* Every corridor has a row, drawn or not known. */
      g_assert_cmpuint (g_hash_table_size (corridors), ==, count_rows ("SELECT count(*) FROM corridors"));

      g_assert_cmpstr (field (zones, zone_header, "peacekeeping-zone", "in_force"), ==,
                       cases[i].peacekeeping);
      g_assert_cmpstr (field (zones, zone_header, "nakhchivan-exclave", "in_force"), ==, "yes");
      g_assert_cmpstr (field (zones, zone_header, "nkao", "in_force"), ==, "no");

      in_force = g_strdup_printf ("%s %s %s %s",
                                  field (relations, relation_header, "iran-assad-alliance", "in_force"),
                                  field (relations, relation_header, "trump-mediation-armenia-peace",
                                         "in_force"),
                                  field (relations, relation_header, "us-section-907", "in_force"),
                                  field (relations, relation_header, "armenia-india-partnership-dipirro",
                                         "in_force"));
      g_assert_cmpstr (in_force, ==, cases[i].relations);
    }

  /* Known dates at their own precision; lacking a start, the first report. */
  {
    g_autoptr(GPtrArray) header = NULL;
    g_autoptr(GHashTable) relations = list_as_of ("relations", "2025", &header);

    g_assert_cmpstr (field (relations, header, "iran-assad-alliance", "from"), ==, "2000");
    g_assert_cmpstr (field (relations, header, "iran-assad-alliance", "to"), ==, "2024-12");
    g_assert_cmpstr (field (relations, header, "iran-assad-alliance", "reported"), ==, "");
    g_assert_cmpstr (field (relations, header, "armenia-india-partnership-dipirro", "from"), ==, "");
    g_assert_cmpstr (field (relations, header, "armenia-india-partnership-dipirro", "reported"), ==,
                     "2025-07-25");
    g_assert_cmpuint (g_hash_table_size (relations), ==, count_rows ("SELECT count(*) FROM relations"));
  }
}

/* --list statuses: every status row, a line for each excerpt behind it, with its kind and
 * whether the excerpt is a quotation of a document or a note backed by a reference. */
static void
test_cli_statuses (void)
{
  g_auto(Run) run;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *header;
  guint references = 0, reports = 0;

  run_program (&run, "--db", db_path, "--list", "statuses", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = atlas_test_parse_csv (run.out);
  header = g_ptr_array_index (rows, 0);
  for (guint r = 1; r < rows->len; r++)
    {
      const char *kind = cell (rows, r, column (header, "kind"));
      const char *source_kind = cell (rows, r, column (header, "source_kind"));

      g_hash_table_add (seen, (char *) cell (rows, r, column (header, "id")));
      g_assert_true (g_str_equal (kind, "change") || g_str_equal (kind, "report"));
      g_assert_true (g_str_equal (source_kind, "document") || g_str_equal (source_kind, "reference"));
      g_assert_cmpstr (cell (rows, r, column (header, "text")), !=, "");
      references += g_str_equal (source_kind, "reference");
      reports += g_str_equal (kind, "report");
      /* What the documents report is never a change dated by a reference, nor the reverse. */
      if (g_str_equal (cell (rows, r, column (header, "id")), "btc-operational-2006-07-13"))
        {
          g_assert_cmpstr (kind, ==, "change");
          g_assert_cmpstr (source_kind, ==, "reference");
          g_assert_cmpstr (cell (rows, r, column (header, "date")), ==, "2006-07-13");
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, count_rows ("SELECT count(*) FROM corridor_status"));
  g_assert_cmpuint (references, >=, 5);
  g_assert_cmpuint (reports, >=, 10);
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *not_db = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", "atlas.db", NULL);
  g_autoptr(GBytes) before = NULL;
  const ErrorCase cases[] = {
    { { "--list", "planets" }, 2, "planets" },
    { { "--list", "events", "--actor", "Atlantis" }, 1, "No actor is called" },
    { { "--list", "events", "--from", "2025-13" }, 1, "is not a date" },
    { { "--list", "places", "--text", "Baku" }, 2, "apply to events and excerpts" },
    { { "--text", "Baku" }, 2, "go with --list" },
    { { "--list", "actors", "--disputed" }, 2, "apply to events and excerpts" },
    { { "--disputed" }, 2, "go with --list" },
    { { "--list", "places", "--place-names", "official" }, 2, "--place-names goes with --export" },
    { { "--place-names", "official" }, 2, "--place-names goes with --export" },
    { { "--export", "/tmp/never.png", "--place-names", "Turkish" }, 2, "“Turkish”" },
    { { "--list", "events", "--date", "2021" }, 2, "--date goes with" },
    { { "--list", "corridors", "--date", "2021-13" }, 2, "YYYY, YYYY-MM or YYYY-MM-DD" },
    { { "--list", "zones", "--date", "yesterday" }, 2, "“yesterday”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;
      const char * const *a = cases[i].args;

      run_program (&run, "--db", db_path, a[0], a[1], a[2], a[3], NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_cmpstr (run.out, ==, "");
    }

  atlas_test_write_file (not_db, "Dear diary\n", -1);
  before = atlas_test_read_file (not_db);
  {
    g_auto(Run) run;
    g_autoptr(GBytes) after = NULL;

    run_program (&run, "--db", not_db, "--list", "events", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is not a SQLite database"));
    after = atlas_test_read_file (not_db);
    g_assert_true (g_bytes_equal (before, after));
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", missing, "--list", "events", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "does not exist"));
  }

  g_remove (not_db);
  g_rmdir (dir);
}

static void
test_cli_version (void)
{
  g_auto(Run) run;

  run_program (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "caucasus-atlas "));
}

/* --export writes the map with no display: the size asked for, at the scale asked for, and
 * bad options end with a message and a non-zero status, leaving an existing file whole. */
static void
test_cli_export (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere", "map.png", NULL);
  g_autofree char *sheet = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *timeline = g_build_filename (dir, "timeline.png", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;

  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", png, "--size", "640x400", "--scale", "2",
                 "--center", "40.2,45.0", "--zoom", "7", "--date", "2024-01-01",
                 "--actor", "Armenia", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  cairo_surface_destroy (image);

  /* Named as the state that administers them, Karabakh's places lose their other names. */
  {
    g_autofree char *both = g_build_filename (dir, "both.png", NULL);
    g_autofree char *official = g_build_filename (dir, "official.png", NULL);
    g_auto(Run) run_both;
    g_auto(Run) run_official;
    g_autoptr(GBytes) both_bytes = NULL;
    g_autoptr(GBytes) official_bytes = NULL;

    run_program (&run_both, "--db", db_path, "--export", both, "--size", "600x400", "--center",
                 "39.7,46.6", "--zoom", "10", NULL);
    run_program (&run_official, "--db", db_path, "--export", official, "--size", "600x400",
                 "--center", "39.7,46.6", "--zoom", "10", "--place-names", "official", NULL);
    g_assert_cmpint (run_both.status, ==, 0);
    g_assert_cmpint (run_official.status, ==, 0);
    both_bytes = atlas_test_read_file (both);
    official_bytes = atlas_test_read_file (official);
    g_assert_false (g_bytes_equal (both_bytes, official_bytes));
    g_remove (both);
    g_remove (official);
  }

  {
    g_auto(Run) run;

    /* The format given wins over the extension. */
    run_program (&run, "--db", db_path, "--export", pdf, "--format", "PDF", "--size", "300x200", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", png, "--size", "99999x10", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "16384"));
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", png, "--size", "big", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--size"));
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "nowhere"));
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", png, "--center", "north", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--zoom", "5", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--export"));
  }

  {
    g_auto(Run) run;

    /* A sheet on A3 paper, on its side, at 300 dpi. */
    run_program (&run, "--db", db_path, "--export", sheet, "--sheet", "--title", "Syunik",
                 "--paper", "a3", "--landscape", "--date", "2025-09-01", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    image = cairo_image_surface_create_from_png (sheet);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 4961);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 3508);
    cairo_surface_destroy (image);
  }
  {
    g_auto(Run) run;

    /* The timeline at a width of its own, as tall as its lanes. */
    run_program (&run, "--db", db_path, "--export", timeline, "--timeline", "--size", "800", NULL);
    g_assert_cmpint (run.status, ==, 0);
    image = cairo_image_surface_create_from_png (timeline);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (image), >, 100);
    cairo_surface_destroy (image);
  }
  {
    static const char *wrong[][5] = {
      { "--sheet", "--timeline", NULL },
      { "--title", "Alone", NULL },
      { "--paper", "letter", NULL },
      { "--landscape", NULL },
      { "--paper", "a4", "--size", "800x600", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_auto(Run) run;

        run_program (&run, "--db", db_path, "--export", png, wrong[i][0], wrong[i][1], wrong[i][2],
                     wrong[i][3], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.err, !=, "");
      }
  }

  {
    g_auto(Run) run;
    struct rlimit saved, limit;

    /* A disk that fills up: the program may write no more than 64 kB, and is told so by
     * its writes failing rather than by a signal. */
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    limit = saved;
    limit.rlim_cur = 64 * 1024;
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    run_program (&run, "--db", db_path, "--export", png, "--size", "1920x1080", NULL);
    setrlimit (RLIMIT_FSIZE, &saved);
    signal (SIGXFSZ, SIG_DFL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Could not write"));
    g_assert_nonnull (strstr (run.err, png));
  }

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".pdf"));
  }

  /* The failed runs left the first export as it was. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  cairo_surface_destroy (image);

  g_remove (png);
  g_remove (pdf);
  g_remove (sheet);
  g_remove (timeline);
  g_rmdir (dir);
}

/* Numbers that are none, options GOption cannot read: a message with the program's name
 * that says what is wrong, status 2, and no file. */
static void
test_cli_bad_options (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  const ErrorCase cases[] = {
    { { "--zoom", "nan" }, 2, "--zoom takes a number from 0 to 20, not “nan”" },
    { { "--zoom", "inf" }, 2, "“inf”" },
    { { "--zoom", "" }, 2, "--zoom takes a number" },
    { { "--zoom", "20.0000001" }, 2, "20.0000001" },
    { { "--center", "nan,nan" }, 2, "--center takes" },
    { { "--center", "40,inf" }, 2, "--center takes" },
    { { "--scale", "abc" }, 2, "--scale takes 1, 2 or 3, not “abc”" },
    { { "--scale", "4" }, 2, "--scale takes 1, 2 or 3" },
    { { "--frobnicate" }, 2, "--frobnicate" },
    { { "--zoom" }, 2, "--zoom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;
      const char * const *a = cases[i].args;

      run_program (&run, "--db", db_path, "--export", png, a[0], a[1], NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (run.err, "caucasus-atlas: "));
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  atlas_test_remove_dir (dir);
}

/* Bad --export options are refused before the store is opened: a --db that names no file
 * yet is neither created nor filled for a run that ends with status 2. */
static void
test_cli_bad_options_no_store (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  static const char *cases[][4] = {
    { "--zoom", "nan" },
    { "--center", "north" },
    { "--scale", "4" },
    { "--size", "99999x10" },
    { "--sheet", "--size", "100x100" },
    { "--format", "bmp" },
    { "--paper", "letter" },
    { "--date", "yesterday" },
    { "--from", "someday" },
    { "--to", "2024-13" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;
      const char * const *a = cases[i];

      run_program (&run, "--db", fresh, "--export", png, a[0], a[1], a[2], a[3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "caucasus-atlas: "));
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  atlas_test_remove_dir (dir);
}

/* A store in @dir holding tests/data/small, changed by @sql as a hand or a bug would. */
static char *
make_hostile_store (const char *dir,
                    const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "hostile.db", NULL);
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  atlas_dataset_load_directory (store, g_test_get_filename (G_TEST_DIST, "data", "small", NULL),
                                &error);
  g_assert_no_error (error);
  atlas_store_exec (store, sql, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Text that is not UTF-8 in a store leaves as UTF-8, and the program says so once. */
static void
test_cli_invalid_utf8 (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *hostile = make_hostile_store (dir,
    "UPDATE places SET name = CAST (X'4261ff6b7500' AS TEXT) WHERE key = 'baku';"
    "UPDATE events SET title = CAST (X'c328' AS TEXT) WHERE key = 'talks-2024';");
  g_auto(Run) places;
  g_auto(Run) events;
  g_autoptr(GPtrArray) rows = NULL;

  run_program (&places, "--db", hostile, "--list", "places", NULL);
  g_assert_cmpint (places.status, ==, 0);
  g_assert_true (g_utf8_validate (places.out, -1, NULL));
  g_assert_nonnull (strstr (places.out, "Ba\xef\xbf\xbdku\xef\xbf\xbd"));
  g_assert_nonnull (strstr (places.err, "not valid UTF-8 in places.name"));
  g_assert_null (strstr (places.err, "CRITICAL"));

  run_program (&events, "--db", hostile, "--list", "events", NULL);
  g_assert_cmpint (events.status, ==, 0);
  g_assert_true (g_utf8_validate (events.out, -1, NULL));
  rows = atlas_test_parse_csv (events.out);
  g_assert_cmpuint (rows->len, ==, 6);
  /* Said once, although the title is read twice (the listing and the search table). */
  g_assert_nonnull (strstr (events.err, "events.title"));
  g_assert_null (strstr (strstr (events.err, "events.title") + 1, "events.title"));

  atlas_test_remove_dir (dir);
}

/* Saved views that the program did not write: each export says which view is wrong and
 * how, in words, with status 1, and never crashes. */
static void
test_cli_bad_saved_views (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *opening = g_strnfill (200, '<');
  g_autofree char *closing = g_strnfill (200, '>');
  g_autofree char *deep = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *hostile = NULL;
  static const struct { const char *name; const char *says; } cases[] = {
    { "utf8", "is not a day" },
    { "deep", "nested too deeply" },
    { "day", "“2025-02-30” is not a day" },
    { "from", "“2025-13” is not a date" },
    { "nan", "not all numbers" },
    { "garbage", "cannot be read" },
  };

  deep = g_strdup_printf ("{''map'': %s(1.0, 2.0, 3.0)%s}", opening, closing);
  sql = g_strdup_printf ("INSERT INTO saved_views (name, state) VALUES"
                         " ('utf8', CAST (X'7b2764617465273a203c27323032352dff273e7d' AS TEXT)),"
                         " ('deep', '%s'),"
                         " ('day', '{''date'': <''2025-02-30''>}'),"
                         " ('from', '{''filter'': <{''from'': <''2025-13''>}>}'),"
                         " ('nan', '{''map'': <(nan, nan, nan)>}'),"
                         " ('garbage', '{');", deep);
  hostile = make_hostile_store (dir, sql);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;
      g_autofree char *names = g_strdup_printf ("caucasus-atlas: The saved view “%s” in “%s” "
                                                "cannot be read: ", cases[i].name, hostile);
      const char *message;

      run_program (&run, "--db", hostile, "--view", cases[i].name, "--export", png, NULL);
      g_assert_cmpint (run.status, ==, 1);
      message = strstr (run.err, names);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, cases[i].says));
      /* No position ("133:") or garbage offset before the words. */
      g_assert_false (g_ascii_isdigit (message[strlen (names)]));
      g_assert_null (strstr (run.err, "CRITICAL"));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  atlas_test_remove_dir (dir);
}

/* Under a German locale, the CSV and the options keep their points and ISO dates. */
static void
test_cli_locale (void)
{
  const char *locales = g_getenv ("ATLAS_TEST_LOCPATH");
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *in_c = NULL;

  if (locales == NULL)
    {
      g_test_skip ("No German locale was built (localedef and the locales package)");
      return;
    }

  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--list", "places", NULL);
    g_assert_cmpint (run.status, ==, 0);
    in_c = g_steal_pointer (&run.out);
  }

  g_setenv ("LOCPATH", locales, TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--list", "places", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, in_c);
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", png, "--center", "40.25,45.5", "--zoom", "7.5",
                 "--size", "300x200", "--date", "2025-03-08", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LOCPATH");

  g_remove (png);
  g_rmdir (dir);
}

/* --check reads an existing store without changing it, and says what is wrong. */
static void
test_cli_check (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "checked.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  {
    g_auto(Run) run;

    run_program (&run, "--db", missing, "--check", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "does not exist"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, NULL);
  g_assert_nonnull (store);
  g_clear_object (&store);
  {
    g_auto(Run) run;

    run_program (&run, "--db", path, "--check", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "no problems found"));
  }

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, NULL);
  atlas_store_exec (store, "PRAGMA foreign_keys = OFF; "
                           "UPDATE events SET place_id = 99999 WHERE id = 1", NULL);
  g_clear_object (&store);
  before = atlas_test_read_file (path);
  {
    g_auto(Run) run;

    run_program (&run, "--db", path, "--check", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "row 1 of “events” refers to a missing row of “places”"));
    g_assert_nonnull (strstr (run.err, "has 1 problem"));
  }
  after = atlas_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  atlas_test_remove_dir (dir);
}

/* Pixels of an event glyph's red, strong or faded, in the box of @half pixels round where
 * the glyph of @place_key goes on a map of @image centred on @centre at @zoom. */
static guint
glyph_pixels_at (AtlasStore      *store,
                 cairo_surface_t *image,
                 AtlasPoint       centre,
                 double           zoom,
                 const char      *place_key,
                 int              half)
{
  g_autofree char *sql = g_strdup_printf ("SELECT lat * 1000000, lon * 1000000 FROM places"
                                          " WHERE key = '%s'", place_key);
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  double size = atlas_geo_world_size (zoom), x, y;
  int width = cairo_image_surface_get_width (image), height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  guchar *data = cairo_image_surface_get_data (image);
  AtlasPoint point;
  guint n = 0;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  point = atlas_geo_project (sqlite3_column_double (stmt, 0) / 1e6, sqlite3_column_double (stmt, 1) / 1e6);
  sqlite3_reset (stmt);
  /* Glyphs sit just above their place's dot. */
  x = (point.x - centre.x) * size + width / 2.0;
  y = (point.y - centre.y) * size + height / 2.0 - 10;
  for (int row = MAX (0, (int) y - half); row < MIN (height, (int) y + half); row++)
    for (int col = MAX (0, (int) x - half); col < MIN (width, (int) x + half); col++)
      {
        guchar *pixel = data + row * stride + col * 4;  /* BGRA */
        int red = pixel[2], green = pixel[1], blue = pixel[0];

        n += red - green > 40 && ABS (green - blue) < 40;
      }
  return n;
}

/* --events-as-of with --date 2021-06-01: a map of the events begun by then alone (those
 * about Karabakh), without the later ones (Baku's, Tehran's) that the same map shows
 * without it. */
static void
test_cli_export_events_as_of (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *as_of = g_build_filename (dir, "as-of.png", NULL);
  g_autofree char *every = g_build_filename (dir, "every.png", NULL);
  g_autoptr(AtlasStore) store = NULL;
  AtlasPoint centre = atlas_geo_project (39.0, 48.0);
  cairo_surface_t *with, *without;

  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", as_of, "--date", "2021-06-01", "--events-as-of",
                 "--center", "39.0,48.0", "--zoom", "6", "--size", "1200x900", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--export", every, "--date", "2021-06-01",
                 "--center", "39.0,48.0", "--zoom", "6", "--size", "1200x900", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  store = atlas_store_open (db_path, ATLAS_STORE_FLAGS_READ_ONLY, NULL);
  with = cairo_image_surface_create_from_png (as_of);
  without = cairo_image_surface_create_from_png (every);
  g_assert_cmpint (cairo_surface_status (with), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (with), ==, 1200);

  g_test_message ("glyph pixels with and without: Shusha %u %u, Tehran %u %u, Baku %u %u",
                  glyph_pixels_at (store, with, centre, 6, "shusha", 24),
                  glyph_pixels_at (store, without, centre, 6, "shusha", 24),
                  glyph_pixels_at (store, with, centre, 6, "tehran", 9),
                  glyph_pixels_at (store, without, centre, 6, "tehran", 9),
                  glyph_pixels_at (store, with, centre, 6, "baku", 12),
                  glyph_pixels_at (store, without, centre, 6, "baku", 12));
  /* It is the map's: a listing has --to, and the window a switch. */
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--list", "events", "--events-as-of", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--to DATE"));
  }
  {
    g_auto(Run) run;

    run_program (&run, "--db", db_path, "--events-as-of", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--events-as-of goes with --export"));
  }

  /* Karabakh's events (the war of 1993–94, the Second Karabakh War) are there, drawn
   * quieter: none began in the month before the date. */
  g_assert_cmpuint (glyph_pixels_at (store, with, centre, 6, "shusha", 24), >, 100);
  /* Nothing of 2023 in Tehran or of 2025 in Baku, which the map without shows. */
  g_assert_cmpuint (glyph_pixels_at (store, with, centre, 6, "tehran", 9), <, 20);
  g_assert_cmpuint (glyph_pixels_at (store, without, centre, 6, "tehran", 9), >, 60);
  g_assert_cmpuint (glyph_pixels_at (store, with, centre, 6, "baku", 12), <, 20);
  g_assert_cmpuint (glyph_pixels_at (store, without, centre, 6, "baku", 12), >, 60);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  if (g_getenv ("ATLAS_KEEP_EXPORTS") == NULL)
    {
      g_remove (as_of);
      g_remove (every);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = atlas_test_make_dir ();
  db_path = g_build_filename (dir, "atlas.db", NULL);

  g_test_add_func ("/cli/every-kind", test_cli_every_kind);
  g_test_add_func ("/cli/filters", test_cli_filters);
  g_test_add_func ("/cli/actors-alike", test_cli_actors_alike);
  g_test_add_func ("/cli/disputed", test_cli_disputed);
  g_test_add_func ("/cli/as-of", test_cli_as_of);
  g_test_add_func ("/cli/statuses", test_cli_statuses);
  g_test_add_func ("/cli/list-generated", test_cli_list_generated);
  g_test_add_func ("/cli/list-unwritable", test_cli_list_unwritable);
  g_test_add_func ("/cli/text", test_cli_text);
  g_test_add_func ("/cli/errors", test_cli_errors);
  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/export", test_cli_export);
  g_test_add_func ("/cli/export-events-as-of", test_cli_export_events_as_of);
  g_test_add_func ("/cli/locale", test_cli_locale);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/bad-options", test_cli_bad_options);
  g_test_add_func ("/cli/bad-options-no-store", test_cli_bad_options_no_store);
  g_test_add_func ("/cli/invalid-utf8", test_cli_invalid_utf8);
  g_test_add_func ("/cli/bad-saved-views", test_cli_bad_saved_views);

  status = g_test_run ();
  g_remove (db_path);
  g_rmdir (dir);
  g_free (db_path);
  return status;
}
