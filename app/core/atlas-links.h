/* atlas-links.h: the items linked to an item, for following them one click at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-item.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  AtlasItemKind  kind;
  gint64         id;
  char          *label;
} AtlasLink;

void       atlas_link_free   (AtlasLink        *link);
GPtrArray *atlas_links_query (AtlasStore       *store,
                              const AtlasItem  *item,
                              GError          **error);

G_END_DECLS
