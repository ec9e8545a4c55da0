/* atlas-event.h: something that happened, with its dates at their own precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT (atlas_event_get_type ())
G_DECLARE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS, EVENT, AtlasRecord)

AtlasEvent *atlas_event_load             (AtlasStore  *store,
                                          gint64       id,
                                          GError     **error);
AtlasEvent *atlas_event_new_unreadable   (gint64       id,
                                          const char  *reason);
gint64      atlas_event_get_id           (AtlasEvent  *self);
const char *atlas_event_get_key          (AtlasEvent  *self);
const char *atlas_event_get_kind         (AtlasEvent  *self);
const char *atlas_event_get_kind_label   (AtlasEvent  *self);
const char *atlas_event_get_title        (AtlasEvent  *self);
const char *atlas_event_get_summary      (AtlasEvent  *self);
const char *atlas_event_get_start        (AtlasEvent  *self);
const char *atlas_event_get_end          (AtlasEvent  *self);
gboolean    atlas_event_get_approximate  (AtlasEvent  *self);
const char *atlas_event_get_date_wording (AtlasEvent  *self);
const char *atlas_event_get_note         (AtlasEvent  *self);
gint64      atlas_event_get_place_id     (AtlasEvent  *self);
const char *atlas_event_get_place_name   (AtlasEvent  *self);
const char *atlas_event_get_actor_names  (AtlasEvent  *self);
gboolean    atlas_event_get_disputed     (AtlasEvent  *self);
char       *atlas_event_dup_date_label   (AtlasEvent  *self);

const char *atlas_event_kind_label       (const char  *kind);

G_END_DECLS
