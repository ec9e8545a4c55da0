/* atlas-store-checker.c: Check Store, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full check reads every page of the store, seconds on a large one, so it runs in a
 * thread on a connection of its own, read-only, while a dialog says what is happening and
 * can cancel it; the same dialog then gives the answer.
 */

#define G_LOG_DOMAIN "atlas-store-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-checker.h"

/* Problems listed in the dialog; the count says how many there are in all. */
#define MAX_SHOWN 8

typedef struct
{
  GtkMessageDialog *dialog;   /* weak: the person may close it first */
  GCancellable     *cancellable;
  char             *path;
} Check;

static void
check_free (Check *check)
{
  g_clear_weak_pointer (&check->dialog);
  g_clear_object (&check->cancellable);
  g_free (check->path);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AtlasStore *store = task_data;
  g_autoptr(AtlasStore) own = NULL;
  g_autoptr(GError) error = NULL;
  GStrv problems;

  /* A store in memory has no file to open again; it is small, and its own connection
   * serialises the window's reads with the check. */
  if (!g_str_equal (atlas_store_get_path (store), ":memory:"))
    {
      own = atlas_store_open (atlas_store_get_path (store), ATLAS_STORE_FLAGS_READ_ONLY, &error);
      if (own == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      store = own;
    }

  problems = atlas_store_check (store, cancellable, &error);
  if (problems == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_strfreev);
}

static char *
describe_problems (const char * const *problems,
                   const char         *path)
{
  guint n = g_strv_length ((GStrv) problems);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u problem was found in “%s”:",
                                      "%u problems were found in “%s”:", n), n, path);
  for (guint i = 0; i < n && i < MAX_SHOWN; i++)
    g_string_append_printf (text, "\n• %s", problems[i]);
  if (n > MAX_SHOWN)
    g_string_append (text, "\n…");
  g_string_append (text, "\n\n");
  g_string_append (text, _("Restore the store from a backup, such as the copy kept beside it "
                           "before an upgrade, or open another file."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *secondary = NULL;
  GtkMessageType type;
  const char *text;

  if (check->dialog == NULL || g_cancellable_is_cancelled (check->cancellable))
    return;

  if (problems == NULL)
    {
      type = GTK_MESSAGE_ERROR;
      text = _("The Store Could Not Be Checked");
      secondary = g_strdup (error->message);
    }
  else if (problems[0] == NULL)
    {
      type = GTK_MESSAGE_INFO;
      text = _("The Store Is Sound");
      secondary = g_strdup_printf (_("Every page of “%s” was read and every reference "
                                     "checked: no problems were found."), check->path);
    }
  else
    {
      type = GTK_MESSAGE_WARNING;
      text = _("The Store Has Problems");
      secondary = describe_problems ((const char * const *) problems, check->path);
    }

  gtk_widget_hide (gtk_dialog_get_widget_for_response (GTK_DIALOG (check->dialog),
                                                       GTK_RESPONSE_CANCEL));
  gtk_dialog_add_button (GTK_DIALOG (check->dialog), _("_Close"), GTK_RESPONSE_CLOSE);
  g_object_set (check->dialog, "message-type", type, "text", text,
                "secondary-text", secondary, NULL);
}

static void
on_response (GtkDialog    *dialog,
             int           response,
             GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
unref_cancellable (gpointer  cancellable,
                   GClosure *closure)
{
  g_object_unref (cancellable);
}

/**
 * atlas_store_checker_run:
 * @parent: the window the dialog belongs to
 * @store: the store to check
 *
 * Checks @store in a thread, with a dialog that shows the progress and then the answer.
 */
void
atlas_store_checker_run (GtkWindow  *parent,
                         AtlasStore *store)
{
  g_autoptr(GTask) task = NULL;
  Check *check;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ATLAS_IS_STORE (store));

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_NONE, _("Checking the Store"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Reading every page of “%s”…"),
                                            atlas_store_get_path (store));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);

  check = g_new0 (Check, 1);
  check->cancellable = g_cancellable_new ();
  check->path = g_strdup (atlas_store_get_path (store));
  g_set_weak_pointer (&check->dialog, GTK_MESSAGE_DIALOG (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         g_object_ref (check->cancellable), unref_cancellable, 0);

  task = g_task_new (NULL, check->cancellable, on_checked, check);
  g_task_set_source_tag (task, atlas_store_checker_run);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, check_in_thread);

  gtk_window_present (GTK_WINDOW (dialog));
}
