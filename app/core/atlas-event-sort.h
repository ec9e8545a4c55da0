/* atlas-event-sort.h: the events list's orders, found without loading its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-participation.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* What the events list can be sorted by: its columns. */
typedef enum
{
  ATLAS_EVENT_SORT_DATE,
  ATLAS_EVENT_SORT_TITLE,
  ATLAS_EVENT_SORT_ACTORS,
  ATLAS_EVENT_SORT_KIND,
  ATLAS_EVENT_SORT_PLACE,
} AtlasEventSort;

GArray *atlas_event_sort (AtlasStore        *store,
                          GArray            *ids,
                          GArray            *known,
                          AtlasEventActors  *actors,
                          AtlasEventSort     by,
                          gboolean           descending,
                          GError           **error);

G_END_DECLS
