/* atlas-accounts-view.h: a disputed event's accounts, side by side, in the details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACCOUNTS_VIEW (atlas_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAccountsView, atlas_accounts_view, ATLAS, ACCOUNTS_VIEW, GtkBox)

#define ATLAS_TYPE_ACCOUNT_CARD (atlas_account_card_get_type ())
G_DECLARE_FINAL_TYPE (AtlasAccountCard, atlas_account_card, ATLAS, ACCOUNT_CARD, GtkBox)

gboolean   atlas_accounts_view_show_event (AtlasAccountsView  *self,
                                           AtlasStore         *store,
                                           gint64              event_id,
                                           GError            **error);
void       atlas_accounts_view_clear      (AtlasAccountsView  *self);
guint      atlas_accounts_view_get_n_accounts (AtlasAccountsView *self);

G_END_DECLS
