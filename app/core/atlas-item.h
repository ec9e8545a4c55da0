/* atlas-item.h: a reference to one record of any kind, as the session selects it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_ITEM_NONE,
  ATLAS_ITEM_ACTOR,
  ATLAS_ITEM_PLACE,
  ATLAS_ITEM_CORRIDOR,
  ATLAS_ITEM_ZONE,
  ATLAS_ITEM_EVENT,
  ATLAS_ITEM_EXCERPT,
  ATLAS_ITEM_SOURCE,
  ATLAS_ITEM_RELATION,
  ATLAS_ITEM_COUNTRY,   /* a basemap outline with no actor: id is its feature index */
  ATLAS_ITEM_PROVINCE,  /* a basemap province: id is its feature index */
  ATLAS_ITEM_SAVED_VIEW,
} AtlasItemKind;

#define ATLAS_TYPE_ITEM_KIND (atlas_item_kind_get_type ())

GType      atlas_item_kind_get_type (void) G_GNUC_CONST;

typedef struct
{
  AtlasItemKind kind;
  gint64        id;
} AtlasItem;

#define ATLAS_TYPE_ITEM (atlas_item_get_type ())

GType      atlas_item_get_type (void) G_GNUC_CONST;
AtlasItem *atlas_item_new      (AtlasItemKind    kind,
                                gint64           id);
AtlasItem *atlas_item_copy     (const AtlasItem *item);
void       atlas_item_free     (AtlasItem       *item);
gboolean   atlas_item_equal    (const AtlasItem *a,
                                const AtlasItem *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasItem, atlas_item_free)

G_END_DECLS
