/* atlas-views-dialog.h: rename and delete saved views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEWS_DIALOG (atlas_views_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasViewsDialog, atlas_views_dialog, ATLAS, VIEWS_DIALOG, GtkWindow)

AtlasViewsDialog *atlas_views_dialog_new (GtkWindow  *parent,
                                          AtlasStore *store);

G_END_DECLS
