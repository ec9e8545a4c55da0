/* atlas-status-card.h: one status row of a corridor's history, as the details show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-query.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STATUS_CARD (atlas_status_card_get_type ())
G_DECLARE_FINAL_TYPE (AtlasStatusCard, atlas_status_card, ATLAS, STATUS_CARD, GtkBox)

GtkWidget *atlas_status_card_new (AtlasStore            *store,
                                  const AtlasStatusRow  *row,
                                  gboolean               decides,
                                  GError               **error);
gboolean   atlas_status_card_append_history (GtkBox      *box,
                                             AtlasStore  *store,
                                             GPtrArray   *rows,
                                             const char  *day,
                                             GError     **error);

G_END_DECLS
