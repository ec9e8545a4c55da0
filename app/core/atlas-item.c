/* atlas-item.c: a reference to one record of any kind, as the session selects it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-item"

#include "config.h"

#include "atlas-item.h"

G_DEFINE_BOXED_TYPE (AtlasItem, atlas_item, atlas_item_copy, atlas_item_free)

/* A type for the kind, so that signals such as AtlasStore::changed can carry it. */
G_DEFINE_ENUM_TYPE (AtlasItemKind, atlas_item_kind,
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_NONE, "none"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_ACTOR, "actor"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_PLACE, "place"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_CORRIDOR, "corridor"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_ZONE, "zone"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_EXCERPT, "excerpt"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_SOURCE, "source"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_RELATION, "relation"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_COUNTRY, "country"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_PROVINCE, "province"),
  G_DEFINE_ENUM_VALUE (ATLAS_ITEM_SAVED_VIEW, "saved-view"))

AtlasItem *
atlas_item_new (AtlasItemKind kind,
                gint64        id)
{
  AtlasItem *item = g_new0 (AtlasItem, 1);

  item->kind = kind;
  item->id = id;
  return item;
}

AtlasItem *
atlas_item_copy (const AtlasItem *item)
{
  return item ? atlas_item_new (item->kind, item->id) : NULL;
}

void
atlas_item_free (AtlasItem *item)
{
  g_free (item);
}

/* %NULL and an item of kind %ATLAS_ITEM_NONE both mean "nothing". */
gboolean
atlas_item_equal (const AtlasItem *a,
                  const AtlasItem *b)
{
  gboolean a_none = a == NULL || a->kind == ATLAS_ITEM_NONE;
  gboolean b_none = b == NULL || b->kind == ATLAS_ITEM_NONE;

  if (a_none || b_none)
    return a_none == b_none;

  return a->kind == b->kind && a->id == b->id;
}
