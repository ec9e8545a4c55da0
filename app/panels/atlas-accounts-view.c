/* atlas-accounts-view.c: a disputed event's accounts, side by side, in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the sources disagree (the Sharm el-Sheikh summit on 12 October in one article and on
 * 13 in another), the details do not choose: the event is marked "Disputed" and each
 * source's account stands beside the others, with what it says and only its own passages.
 */

#define G_LOG_DOMAIN "atlas-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts.h"
#include "atlas-accounts-view.h"
#include "atlas-excerpt-box.h"

struct _AtlasAccountCard
{
  GtkBox    parent_instance;

  GtkLabel *heading_label;
  GtkLabel *description_label;
  GtkBox   *excerpts_box;
};

G_DEFINE_FINAL_TYPE (AtlasAccountCard, atlas_account_card, GTK_TYPE_BOX)

static void
atlas_account_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ACCOUNT_CARD);

  G_OBJECT_CLASS (atlas_account_card_parent_class)->dispose (object);
}

static void
atlas_account_card_class_init (AtlasAccountCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_account_card_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-account-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasAccountCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasAccountCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasAccountCard, excerpts_box);
}

static void
atlas_account_card_init (AtlasAccountCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A card for @account; its passages are left out, with @error set, when the store cannot
 * give them. */
static GtkWidget *
account_card_new (AtlasStore          *store,
                  const AtlasAccount  *account,
                  GError             **error)
{
  AtlasAccountCard *self = g_object_new (ATLAS_TYPE_ACCOUNT_CARD, NULL);
  g_autofree char *heading = atlas_account_dup_heading (account);

  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->description_label, account->description ? account->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), account->description != NULL);
  atlas_excerpt_box_add_all (self->excerpts_box, store, account->excerpt_ids, error);
  return GTK_WIDGET (self);
}

struct _AtlasAccountsView
{
  GtkBox    parent_instance;

  GtkLabel *heading_label;
  GtkBox   *accounts_box;
  guint     n_accounts;
};

G_DEFINE_FINAL_TYPE (AtlasAccountsView, atlas_accounts_view, GTK_TYPE_BOX)

static void
atlas_accounts_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_ACCOUNTS_VIEW);

  G_OBJECT_CLASS (atlas_accounts_view_parent_class)->dispose (object);
}

static void
atlas_accounts_view_class_init (AtlasAccountsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_accounts_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasAccountsView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasAccountsView, accounts_box);
}

static void
atlas_accounts_view_init (AtlasAccountsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Hides the view, with no accounts in it. */
void
atlas_accounts_view_clear (AtlasAccountsView *self)
{
  GtkWidget *child;

  g_return_if_fail (ATLAS_IS_ACCOUNTS_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box))) != NULL)
    gtk_box_remove (self->accounts_box, child);
  self->n_accounts = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * atlas_accounts_view_show_event:
 *
 * Shows the accounts of @event_id when it is disputed, and hides the view otherwise.
 *
 * Returns: %FALSE with @error set when the store could not give them all
 */
gboolean
atlas_accounts_view_show_event (AtlasAccountsView  *self,
                                AtlasStore         *store,
                                gint64              event_id,
                                GError            **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *heading = NULL;
  gboolean complete = TRUE;

  g_return_val_if_fail (ATLAS_IS_ACCOUNTS_VIEW (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  atlas_accounts_view_clear (self);
  accounts = atlas_query_event_accounts (store, event_id, error);
  if (accounts == NULL)
    return FALSE;
  if (accounts->len < ATLAS_DISPUTED_ACCOUNTS)
    return TRUE;

  for (guint i = 0; i < accounts->len; i++)
    {
      g_autoptr(GError) card_error = NULL;

      gtk_box_append (self->accounts_box,
                      account_card_new (store, g_ptr_array_index (accounts, i), &card_error));
      if (card_error != NULL && complete)
        {
          g_propagate_error (error, g_steal_pointer (&card_error));
          complete = FALSE;
        }
    }
  self->n_accounts = accounts->len;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Account", "%u Accounts",
                                          accounts->len), accounts->len);
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  return complete;
}

/* How many accounts the view shows: 0 when the event is not disputed. */
guint
atlas_accounts_view_get_n_accounts (AtlasAccountsView *self)
{
  g_return_val_if_fail (ATLAS_IS_ACCOUNTS_VIEW (self), 0);

  return self->n_accounts;
}
