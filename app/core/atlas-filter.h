/* atlas-filter.h: what the user has narrowed the atlas down to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AtlasFilter AtlasFilter;

/* The kinds of records a filter can name several of; any of them will do. */
typedef enum
{
  ATLAS_FILTER_ACTORS,
  ATLAS_FILTER_CORRIDORS,
  ATLAS_FILTER_PLACES,
  ATLAS_FILTER_N_SETS,
} AtlasFilterSet;

#define ATLAS_TYPE_FILTER (atlas_filter_get_type ())

GType         atlas_filter_get_type          (void) G_GNUC_CONST;
AtlasFilter  *atlas_filter_new               (void);
AtlasFilter  *atlas_filter_copy              (const AtlasFilter *filter);
void          atlas_filter_free              (AtlasFilter       *filter);
gboolean      atlas_filter_equal             (const AtlasFilter *a,
                                              const AtlasFilter *b);
gboolean      atlas_filter_is_empty          (const AtlasFilter *filter);

const char   *atlas_filter_get_from          (const AtlasFilter *filter);
void          atlas_filter_set_from          (AtlasFilter       *filter,
                                              const char        *date);
const char   *atlas_filter_get_to            (const AtlasFilter *filter);
void          atlas_filter_set_to            (AtlasFilter       *filter,
                                              const char        *date);
const char   *atlas_filter_get_begun_by      (const AtlasFilter *filter);
void          atlas_filter_set_begun_by      (AtlasFilter       *filter,
                                              const char        *date);
const char   *atlas_filter_get_text          (const AtlasFilter *filter);
void          atlas_filter_set_text          (AtlasFilter       *filter,
                                              const char        *text);

const GArray *atlas_filter_get_ids           (const AtlasFilter *filter,
                                              AtlasFilterSet     set);
void          atlas_filter_add_id            (AtlasFilter       *filter,
                                              AtlasFilterSet     set,
                                              gint64             id);
void          atlas_filter_remove_id         (AtlasFilter       *filter,
                                              AtlasFilterSet     set,
                                              gint64             id);
void          atlas_filter_clear_ids         (AtlasFilter       *filter,
                                              AtlasFilterSet     set);

const GArray *atlas_filter_get_actors        (const AtlasFilter *filter);
void          atlas_filter_add_actor         (AtlasFilter       *filter,
                                              gint64             actor_id);
void          atlas_filter_clear_actors      (AtlasFilter       *filter);

const char * const *atlas_filter_get_kinds   (const AtlasFilter *filter);
void          atlas_filter_add_kind          (AtlasFilter       *filter,
                                              const char        *kind);
void          atlas_filter_remove_kind       (AtlasFilter       *filter,
                                              const char        *kind);

gboolean      atlas_filter_get_with_excerpts (const AtlasFilter *filter);
void          atlas_filter_set_with_excerpts (AtlasFilter       *filter,
                                              gboolean           with_excerpts);

gboolean      atlas_filter_get_disputed      (const AtlasFilter *filter);
void          atlas_filter_set_disputed      (AtlasFilter       *filter,
                                              gboolean           disputed);

GVariant     *atlas_filter_to_variant        (const AtlasFilter *filter);
AtlasFilter  *atlas_filter_new_from_variant  (GVariant          *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFilter, atlas_filter_free)

G_END_DECLS
