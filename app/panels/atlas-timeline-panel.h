/* atlas-timeline-panel.h: the timeline, the filters as chips, and the "as of" date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-panel.h"
#include "atlas-timeline.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_PANEL (atlas_timeline_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTimelinePanel, atlas_timeline_panel, ATLAS, TIMELINE_PANEL, AtlasPanel)

AtlasTimeline *atlas_timeline_panel_get_timeline    (AtlasTimelinePanel *self);
void           atlas_timeline_panel_focus_words    (AtlasTimelinePanel *self);
void           atlas_timeline_panel_bind_settings  (AtlasTimelinePanel *self,
                                                    GSettings          *settings);
const char    *atlas_timeline_panel_get_lanes      (AtlasTimelinePanel *self);
void           atlas_timeline_panel_set_lanes      (AtlasTimelinePanel *self,
                                                    const char         *lanes);

G_END_DECLS
