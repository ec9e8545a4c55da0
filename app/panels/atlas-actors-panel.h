/* atlas-actors-panel.h: every actor, grouped by kind, searchable by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACTORS_PANEL (atlas_actors_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasActorsPanel, atlas_actors_panel, ATLAS, ACTORS_PANEL, GtkBox)

AtlasSession *atlas_actors_panel_get_session (AtlasActorsPanel *self);
void          atlas_actors_panel_set_session (AtlasActorsPanel *self,
                                              AtlasSession     *session);

G_END_DECLS
