/* atlas-events-panel.h: the events in date order, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-panel.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENTS_PANEL (atlas_events_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasEventsPanel, atlas_events_panel, ATLAS, EVENTS_PANEL, AtlasPanel)

GListModel   *atlas_events_panel_get_model   (AtlasEventsPanel *self);

G_END_DECLS
