/* atlas-details-panel.h: the selected item, its links and the excerpts behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-panel.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DETAILS_PANEL (atlas_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDetailsPanel, atlas_details_panel, ATLAS, DETAILS_PANEL, AtlasPanel)

guint         atlas_details_panel_get_n_excerpts (AtlasDetailsPanel *self);

G_END_DECLS
