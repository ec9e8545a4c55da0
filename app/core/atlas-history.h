/* atlas-history.h: back and forward through what was selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_HISTORY (atlas_history_get_type ())
G_DECLARE_FINAL_TYPE (AtlasHistory, atlas_history, ATLAS, HISTORY, GObject)

AtlasHistory *atlas_history_new             (AtlasSession *session);
gboolean      atlas_history_can_go_back     (AtlasHistory *self);
gboolean      atlas_history_can_go_forward  (AtlasHistory *self);
void          atlas_history_go_back         (AtlasHistory *self);
void          atlas_history_go_forward      (AtlasHistory *self);

G_END_DECLS
