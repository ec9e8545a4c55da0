/* bench-window.c: what the benchmarks of the real window need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "bench-window.h"

/* Runs what the main loop has to do now. */
void
bench_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_paint (GdkFrameClock *clock,
          gint64        *painted)
{
  *painted = g_get_monotonic_time ();
}

/* Waits for @widget to draw a frame (30 s at most), and returns when the frame was drawn:
 * when the frame clock's paint was done, which hands the frame to the display, before what
 * runs after it (panels that follow a change a frame later). */
gint64
bench_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 frame, painted = 0;
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gulong handler;

  if (clock == NULL)
    return g_get_monotonic_time ();
  frame = gdk_frame_clock_get_frame_counter (clock);
  /* Connected after the window's own handler, which draws. */
  handler = g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) == frame && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return painted != 0 ? painted : g_get_monotonic_time ();
}

/* The process's resident memory, and with @own only its own: without the pages of files it
 * has mapped (a store's reader maps the store), which the system takes back at will. */
static double
resident_mib (gboolean own)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0, shared = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld %ld", &pages, &resident, &shared) != 3)
    return 0;
  return (resident - (own ? shared : 0)) * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

double
bench_rss_mib (void)
{
  return resident_mib (FALSE);
}

double
bench_own_memory_mib (void)
{
  return resident_mib (TRUE);
}

/* The time this thread has run: on a machine others share, the part of a wall-clock time
 * that was this program's work rather than its wait for a processor. */
double
bench_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The first column of the first row @sql returns, or 0. */
gint64
bench_query_int (AtlasStore *store,
                 const char *sql)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}
