/* atlas-timeline-overview.h: the whole range of a timeline, with the days it shows as a handle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-timeline.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_OVERVIEW (atlas_timeline_overview_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTimelineOverview, atlas_timeline_overview, ATLAS, TIMELINE_OVERVIEW, GtkWidget)

GtkWidget     *atlas_timeline_overview_new          (AtlasTimeline         *timeline);
AtlasTimeline *atlas_timeline_overview_get_timeline (AtlasTimelineOverview *self);
void           atlas_timeline_overview_set_timeline (AtlasTimelineOverview *self,
                                                     AtlasTimeline         *timeline);
double         atlas_timeline_overview_day_to_x     (AtlasTimelineOverview *self,
                                                     double                 day);

G_END_DECLS
