/* atlas-summary.h: a few lines that say what any selected item is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-item.h"
#include "atlas-place-names.h"
#include "atlas-query.h"
#include "atlas-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *kicker;    /* kind and context: "Capital · Armenia" */
  char *title;
  char *subtitle;  /* may be NULL */
  char *body;      /* may be NULL */
} AtlasSummary;

AtlasSummary *atlas_summary_load (AtlasStore       *store,
                                  const AtlasItem  *item,
                                  const char       *day,
                                  AtlasPlaceNames   names,
                                  GError          **error);
void          atlas_summary_free (AtlasSummary     *summary);
const char   *atlas_relation_kind_label (const char *kind);
char         *atlas_summary_other_names (AtlasStore       *store,
                                         const AtlasItem  *item,
                                         GError          **error);
char         *atlas_summary_status_text (const AtlasStatusRow *row);
char         *atlas_summary_relation_when (const AtlasRelationRow *row);
char         *atlas_summary_describe_filter (AtlasStore        *store,
                                             const AtlasFilter *filter,
                                             AtlasPlaceNames    names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSummary, atlas_summary_free)

G_END_DECLS
