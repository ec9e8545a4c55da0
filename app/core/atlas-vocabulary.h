/* atlas-vocabulary.h: the words the store allows for kinds and statuses, and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_VOCABULARY_ACTOR_KINDS,
  ATLAS_VOCABULARY_PLACE_KINDS,
  ATLAS_VOCABULARY_CORRIDOR_KINDS,
  ATLAS_VOCABULARY_CORRIDOR_STATUSES,
  ATLAS_VOCABULARY_STATUS_KINDS,
  ATLAS_VOCABULARY_SOURCE_KINDS,
  ATLAS_VOCABULARY_ZONE_KINDS,
  ATLAS_VOCABULARY_EVENT_KINDS,
  ATLAS_VOCABULARY_RELATION_KINDS,
  ATLAS_N_VOCABULARIES,
} AtlasVocabulary;

guint        atlas_vocabulary_get_n_terms  (AtlasVocabulary  vocabulary);
const char  *atlas_vocabulary_get_term     (AtlasVocabulary  vocabulary,
                                            guint            position);
int          atlas_vocabulary_find         (AtlasVocabulary  vocabulary,
                                            const char      *term);
const char  *atlas_vocabulary_get_label    (AtlasVocabulary  vocabulary,
                                            const char      *term);
const char  *atlas_vocabulary_get_plural   (AtlasVocabulary  vocabulary,
                                            const char      *term);
const char  *atlas_vocabulary_get_table    (AtlasVocabulary  vocabulary);
const char  *atlas_vocabulary_get_column   (AtlasVocabulary  vocabulary);

G_END_DECLS
