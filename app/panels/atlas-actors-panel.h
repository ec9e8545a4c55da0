/* atlas-actors-panel.h: every actor, grouped by kind, searchable by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-panel.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ACTORS_PANEL (atlas_actors_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasActorsPanel, atlas_actors_panel, ATLAS, ACTORS_PANEL, AtlasPanel)


G_END_DECLS
