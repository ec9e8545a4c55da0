/* atlas-views-dialog.c: rename and delete saved views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per view: its name in an entry (Enter renames) and a delete button. Errors, such as
 * a name already taken, are said under the list and change nothing.
 */

#define G_LOG_DOMAIN "atlas-views-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-saved-views.h"
#include "atlas-views-dialog.h"

struct _AtlasViewsDialog
{
  GtkWindow   parent_instance;

  AtlasStore *store;
  GtkListBox *list;
  GtkLabel   *message;
};

G_DEFINE_FINAL_TYPE (AtlasViewsDialog, atlas_views_dialog, GTK_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refill (AtlasViewsDialog *self);

/* After a rename or delete: say what failed, or tell the menus and list the views again. */
static void
finish_change (AtlasViewsDialog *self,
               gboolean          done,
               const GError     *error)
{
  gtk_label_set_text (self->message, done ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), !done);
  if (!done)
    return;

  g_signal_emit (self, signals[CHANGED], 0);
  refill (self);
}

static void
on_rename (GtkEntry         *entry,
           AtlasViewsDialog *self)
{
  const char *old_name = g_object_get_data (G_OBJECT (entry), "name");
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = atlas_saved_views_rename (self->store, old_name,
                                   gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  finish_change (self, done, error);
}

static void
on_delete (GtkButton        *button,
           AtlasViewsDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = atlas_saved_views_delete (self->store, g_object_get_data (G_OBJECT (button), "name"), &error);
  finish_change (self, done, error);
}

static void
refill (AtlasViewsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = atlas_saved_views_list (self->store, &error);
  GtkWidget *child;

  /* An empty list would say there are no views: say instead that they could not be read. */
  if (names == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the saved views: %s"), error->message);

      gtk_label_set_text (self->message, text);
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Delete the view “%s”"), names[i]);

      gtk_editable_set_text (GTK_EDITABLE (entry), names[i]);
      gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data_full (G_OBJECT (entry), "name", g_strdup (names[i]), g_free);
      g_signal_connect (entry, "activate", G_CALLBACK (on_rename), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Name of the view"), -1);

      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "name", g_strdup (names[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete), self);

      gtk_box_append (GTK_BOX (row), entry);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (self->list, row);
    }

  if (names == NULL || names[0] == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No saved views yet. Save one with Ctrl+S."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_list_box_append (self->list, none);
    }
}

static void
atlas_views_dialog_dispose (GObject *object)
{
  AtlasViewsDialog *self = ATLAS_VIEWS_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_views_dialog_parent_class)->dispose (object);
}

static void
atlas_views_dialog_class_init (AtlasViewsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_views_dialog_dispose;

  /* A view was renamed or deleted: menus listing views should list them again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-views-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, AtlasViewsDialog, message);
}

static void
atlas_views_dialog_init (AtlasViewsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AtlasViewsDialog *
atlas_views_dialog_new (GtkWindow  *parent,
                        AtlasStore *store)
{
  AtlasViewsDialog *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_VIEWS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  refill (self);
  return self;
}
