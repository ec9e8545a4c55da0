/* test-export-kill.c: exports of the real program interrupted, terminated and killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever stops an export, its target is absent, the file it was or a complete new one, and
 * no temporary stays: an interrupted export removes its own, and the next export removes one
 * that a SIGKILL left.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "atlas-store.h"
#include "atlas-test-util.h"

static char *db_path;

/* In the child: the signals' default actions, whatever the test runner left. */
static void
reset_signals (gpointer user_data)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  sigset_t none;

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    signal (signals[i], SIG_DFL);
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
}

/* Starts the real program exporting to @target with no display, as a script on a server
 * would, and leaves it to the caller to reap. */
static GPid
start_export (const char *target,
              const char *size)
{
  const char *argv[] = { g_getenv ("ATLAS_BINARY"), "--db", db_path, "--export", target,
                         g_str_has_suffix (target, ".pdf") ? "--paper" : "--size", size, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 reset_signals, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_for (GPid pid)
{
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

/* Whether @name in a test's folder is not an export: a temporary, whatever its name. */
static gboolean
is_other (const char *name)
{
  return name[0] == '.' || !(g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".pdf"));
}

static guint
count_others (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint others = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    others += is_other (name);
  return others;
}

/* Waits until the export of @pid has made its temporary in @dir. */
static void
wait_for_temporary (GPid        pid,
                    const char *dir)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (count_others (dir) == 0)
    {
      g_assert_cmpint (waitpid (pid, NULL, WNOHANG), ==, 0);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2000);
    }
}

static void
assert_file_is (const char *path,
                const char *contents)
{
  g_autofree char *read = NULL;

  g_assert_true (g_file_get_contents (path, &read, NULL, NULL));
  g_assert_cmpstr (read, ==, contents);
}

/* Starts a large export over @target, which holds "keep me", and sends it @signum once its
 * temporary is there; returns its wait status. */
static int
stop_export (const char *dir,
             const char *target,
             int         signum)
{
  GPid pid;

  atlas_test_write_file (target, "keep me", -1);
  pid = start_export (target, "4000x4000");
  wait_for_temporary (pid, dir);
  kill (pid, signum);
  return wait_for (pid);
}

/* Ctrl+C, SIGTERM or a closed terminal during a large export: the program ends by the
 * signal, its temporary is gone, and the file it was replacing is as it was. */
static void
test_export_interrupted (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "map.png", NULL);
  int status = stop_export (dir, target, signum);

  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, signum);
  g_assert_cmpuint (count_others (dir), ==, 0);
  assert_file_is (target, "keep me");

  atlas_test_remove_dir (dir);
}

/* SIGKILL cannot be caught, and leaves the temporary; the next export removes it, even one
 * of another file in the folder. */
static void
test_export_killed (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "map.png", NULL);
  g_autofree char *other = g_build_filename (dir, "other.png", NULL);
  int status;

  status = stop_export (dir, target, SIGKILL);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpuint (count_others (dir), ==, 1);
  assert_file_is (target, "keep me");

  status = wait_for (start_export (other, "200x100"));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpuint (count_others (dir), ==, 0);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  assert_file_is (target, "keep me");

  atlas_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One store, made before any export runs, so that no kill falls in its first fill. */
  dir = atlas_test_make_dir ();
  db_path = g_build_filename (dir, "atlas.db", NULL);
  store = atlas_store_open (db_path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_data_func ("/export-kill/sigint", GINT_TO_POINTER (SIGINT), test_export_interrupted);
  g_test_add_data_func ("/export-kill/sigterm", GINT_TO_POINTER (SIGTERM), test_export_interrupted);
  g_test_add_data_func ("/export-kill/sighup", GINT_TO_POINTER (SIGHUP), test_export_interrupted);
  g_test_add_func ("/export-kill/killed", test_export_killed);

  status = g_test_run ();
  atlas_test_remove_dir (dir);
  g_free (db_path);
  return status;
}
