/* bench-cli.c: the command line at scale, `--list events` and `--export --sheet`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-cli CAUCASUS_ATLAS [STORE...]
 *
 * Times the program as a script runs it, from start to exit: `--list events` into
 * /dev/null, and a 1920 x 1080 PNG sheet with `--export --sheet`, each three times, with the
 * peak memory of each run. On the stores given (which it does not write), or else on the
 * bundled store and on stores of 100,000 and 1,000,000 generated events (with
 * bench-results' sizes: 1,000 actors, 5,000 places, 20,000 passages), made first in a
 * temporary folder. Prints "name: value unit" lines, with issue 12's goals for a million
 * events beside them.
 */

#include "config.h"

#include "bench-generate.h"
#include "bench-util.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "atlas-dataset.h"

#define N_RUNS 3

static const char *program;

/* Runs the program with @args, its output dropped; the wall time in ms, the processor
 * time in ms (which others' work on a shared machine changes less) and the peak memory in
 * MB. */
static double
run (const char * const *args,
     double             *cpu_ms,
     double             *peak_mb)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  GPid pid;
  int status;

  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    g_error ("Could not run %s: %s", program, error->message);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed", program, args[0]);
  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *peak_mb = usage.ru_maxrss / 1024.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_command (const char         *name,
               const char         *label,
               const char * const *args,
               const char         *goal)
{
  double times[N_RUNS], cpu[N_RUNS], peak = 0;

  for (int i = 0; i < N_RUNS; i++)
    {
      double run_peak;

      times[i] = run (args, &cpu[i], &run_peak);
      peak = MAX (peak, run_peak);
    }
  bench_sort_times (times, N_RUNS);
  bench_sort_times (cpu, N_RUNS);
  g_print ("cli_%s_%s_median: %.0f ms%s\n", name, label, times[N_RUNS / 2], goal ? goal : "");
  g_print ("cli_%s_%s_cpu_median: %.0f ms\n", name, label, cpu[N_RUNS / 2]);
  /* Resident memory counts the pages of the store that its map has read, which the
   * system may take back at will, as well as the program's own. */
  g_print ("cli_%s_%s_peak_memory: %.0f MB (resident, the store's mapped pages counted)\n", name, label, peak);
}

static void
bench_store (const char *path,
             const char *label,
             gboolean    million,
             const char *folder)
{
  g_autofree char *sheet = g_build_filename (folder, "sheet.png", NULL);
  const char *list[] = { "--db", path, "--list", "events", NULL };
  const char *export[] = { "--db", path, "--export", sheet, "--sheet", NULL };

  bench_command ("list_events", label, list, million ? " (goal: under 3000 ms, streamed)" : NULL);
  bench_command ("export_sheet", label, export, million ? " (goal: under 1500 ms)" : NULL);
  g_unlink (sheet);
}

static guint
count_events (const char *path)
{
  g_autoptr(AtlasStore) store = atlas_store_open (path, ATLAS_STORE_FLAGS_READ_ONLY, NULL);
  sqlite3_stmt *stmt = store ? atlas_store_prepare (store, "SELECT count (*) FROM events", NULL)
                             : NULL;
  guint count;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("Could not read %s", path);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* A store of the bundled data and @events generated ones, at @path. */
static void
make_store (const char *path,
            guint       events)
{
  BenchStoreSize size = { events, 1000, 5000, 20000, 10000 };
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    g_error ("Could not make %s: %s", path, error->message);
  if (events > 0)
    bench_generate_store (store, &size);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { guint events; const char *label; } generated[] = {
    { 0, "bundled" }, { 100000, "100k" }, { 1000000, "1m" },
  };
  g_autofree char *folder = g_dir_make_tmp ("atlas-bench-cli-XXXXXX", NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s CAUCASUS_ATLAS [STORE...]\n", argv[0]);
      return 2;
    }
  program = argv[1];

  for (int i = 2; i < argc; i++)
    {
      guint events = count_events (argv[i]);
      g_autofree char *label = g_strdup_printf ("%u_events", events);

      bench_store (argv[i], label, events >= 1000000, folder);
    }
  for (guint i = 0; argc == 2 && i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *path = g_build_filename (folder, "atlas.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      make_store (path, generated[i].events);
      bench_store (path, generated[i].label, generated[i].events == 1000000, folder);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (folder);
  return 0;
}
