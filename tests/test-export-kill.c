/* test-export-kill.c: exports of the real program interrupted, terminated and killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever stops an export, its target is absent, the file it was or a complete new one, and
 * no temporary stays: an interrupted export removes its own, and the next export removes one
 * that a SIGKILL left. The kill loop runs ATLAS_KILL_ROUNDS rounds (30 unless set; the
 * campaign of issue 10 ran 131) and says what it found.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include <cairo.h>

#include "atlas-dataset.h"
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

/* Adds the temporaries in @dir not yet in @seen to it, and returns how many there were. */
static guint
add_new_others (const char *dir,
                GHashTable *seen)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint added = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (is_other (name) && g_hash_table_add (seen, g_strdup (name)))
      added++;
  return added;
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

/* Whether @contents are a whole PNG or PDF, read by a real reader. */
static gboolean
is_complete (const char *path,
             GBytes     *contents)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  if (g_str_has_suffix (path, ".png"))
    {
      static const char iend[] = "\0\0\0\0IEND\xae\x42\x60\x82";
      cairo_surface_t *image;
      gboolean read;

      if (length < 20 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0 ||
          memcmp (data + length - 12, iend, 12) != 0)
        return FALSE;
      image = cairo_image_surface_create_from_png (path);
      read = cairo_surface_status (image) == CAIRO_STATUS_SUCCESS &&
             cairo_image_surface_get_width (image) > 0;
      cairo_surface_destroy (image);
      return read;
    }
  else
    {
      g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
      g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
      g_autofree char *tail = NULL;
      g_autofree char *out = NULL;
      int status;

      if (length < 16 || memcmp (data, "%PDF-", 5) != 0)
        return FALSE;
      tail = g_strndup (data + length - 8, 8);
      if (strstr (tail, "%%EOF") == NULL)
        return FALSE;
      if (pdfinfo == NULL)
        return TRUE;
      return g_spawn_command_line_sync (command, &out, NULL, &status, NULL) &&
             g_spawn_check_wait_status (status, NULL);
    }
}

typedef struct
{
  const char *name;
  const char *size;
  char       *path;
  GBytes     *previous;  /* what the target held before the round, or NULL */
  ino_t       inode;     /* and its inode: a file renamed over it has another */
  gint64      duration;  /* of a whole export, in microseconds */
} Target;

typedef enum
{
  TARGET_ABSENT,
  TARGET_AS_IT_WAS,
  TARGET_NEW,
} TargetState;

/* Reads what @target holds now, after checking it is the file it was or a complete new one. */
static TargetState
target_update (Target *target)
{
  g_autoptr(GBytes) contents = NULL;
  gboolean same;
  GStatBuf info;

  if (g_stat (target->path, &info) != 0)
    {
      g_assert_null (target->previous);
      return TARGET_ABSENT;
    }
  contents = atlas_test_read_file (target->path);
  same = target->previous != NULL && info.st_ino == target->inode;
  if (same)
    g_assert_true (g_bytes_equal (contents, target->previous));
  else
    g_assert_true (is_complete (target->path, contents));
  g_clear_pointer (&target->previous, g_bytes_unref);
  target->previous = g_steal_pointer (&contents);
  target->inode = info.st_ino;
  return same ? TARGET_AS_IT_WAS : TARGET_NEW;
}

/* Exports @target to the end: it leaves no temporary, its own or any a kill left. Its time,
 * taken again as the machine's load changes, sets when the next kills fall. */
static void
export_whole (Target     *target,
              const char *dir)
{
  gint64 start = g_get_monotonic_time ();
  int status = wait_for (start_export (target->path, target->size));

  target->duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpuint (count_others (dir), ==, 0);
  g_assert_cmpint (target_update (target), ==, TARGET_NEW);
}

/* Many exports killed at random moments, from before the store is open to after the
 * rename. After each, the target is absent, the file it was, or a complete file; after each
 * export that finished, no temporary is left. */
static void
test_export_kill_loop (void)
{
  const char *rounds_text = g_getenv ("ATLAS_KILL_ROUNDS");
  guint rounds = rounds_text != NULL ? g_ascii_strtoull (rounds_text, NULL, 10) : 30;
  g_autofree char *dir = atlas_test_make_dir ();
  Target targets[] = {
    { "map.png", "1000x1000" },
    { "sheet.pdf", "a4" },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint killed = 0, finished = 0, left = 0, checked = 0;
  guint states[TARGET_NEW + 1] = { 0 };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      targets[t].path = g_build_filename (dir, targets[t].name, NULL);
      export_whole (&targets[t], dir);
    }

  for (guint round = 0; round < rounds; round++)
    {
      Target *target = &targets[round % G_N_ELEMENTS (targets)];
      GPid pid;
      int status;

      /* Now and then no file to replace. */
      if (round % 7 == 3)
        {
          g_unlink (target->path);
          g_clear_pointer (&target->previous, g_bytes_unref);
        }

      pid = start_export (target->path, target->size);
      g_usleep (g_test_rand_int_range (0, target->duration * 3 / 2));
      kill (pid, SIGKILL);
      status = wait_for (pid);

      if (WIFSIGNALED (status))
        {
          g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
          killed++;
          left += add_new_others (dir, seen);
        }
      else
        {
          /* It finished first: it left no temporary, its own or any killed one's. */
          g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
          g_assert_cmpuint (count_others (dir), ==, 0);
          finished++;
          checked++;
        }

      states[target_update (target)]++;

      /* And now and then, an export to the end. */
      if (round % 5 == 4 || round == rounds - 1)
        {
          export_whole (target, dir);
          checked++;
        }
    }

  g_test_message ("export kill loop: %u rounds, %u killed and %u finished first; %u "
                  "temporaries left by the kills; targets absent %u, the file they were %u, "
                  "complete new files %u; no temporary after any of the %u exports that finished",
                  rounds, killed, finished, left, states[TARGET_ABSENT], states[TARGET_AS_IT_WAS],
                  states[TARGET_NEW], checked);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_free (targets[t].path);
      g_clear_pointer (&targets[t].previous, g_bytes_unref);
    }
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
  store = atlas_dataset_open_store (db_path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_data_func ("/export-kill/sigint", GINT_TO_POINTER (SIGINT), test_export_interrupted);
  g_test_add_data_func ("/export-kill/sigterm", GINT_TO_POINTER (SIGTERM), test_export_interrupted);
  g_test_add_data_func ("/export-kill/sighup", GINT_TO_POINTER (SIGHUP), test_export_interrupted);
  g_test_add_func ("/export-kill/killed", test_export_killed);
  g_test_add_func ("/export-kill/loop", test_export_kill_loop);

  status = g_test_run ();
  atlas_test_remove_dir (dir);
  g_free (db_path);
  return status;
}
