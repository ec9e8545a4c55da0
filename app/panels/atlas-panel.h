/* atlas-panel.h: a view that lives on the session, the base of every panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PANEL (atlas_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (AtlasPanel, atlas_panel, ATLAS, PANEL, GtkBox)

struct _AtlasPanelClass
{
  GtkBoxClass parent_class;

  /* Called when the session changes: connect to it here (with the panel as the data, so
   * the base class can disconnect) and show what it holds. */
  void (*session_changed) (AtlasPanel *self);
};

/* Part of a change that a panel shows a frame later: see atlas_panel_update_after_frame(). */
typedef void (*AtlasPanelUpdate) (AtlasPanel *self);

AtlasSession *atlas_panel_get_session (AtlasPanel   *self);
AtlasResults *atlas_panel_get_results (AtlasPanel   *self);
void          atlas_panel_set_session (AtlasPanel   *self,
                                       AtlasSession *session);
void          atlas_panel_report_error (AtlasPanel   *self,
                                        const char   *what,
                                        const GError *error);
void          atlas_panel_update_after_frame (AtlasPanel       *self,
                                              AtlasPanelUpdate  update);
gboolean      atlas_panel_get_update_pending (AtlasPanel       *self);

G_END_DECLS
