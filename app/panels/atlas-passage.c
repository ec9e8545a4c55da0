/* atlas-passage.c: a quoted passage as the details panel shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a passage's row binds to: the quotation with the filter's words in bold, its
 * attribution, and the citation its copy button puts on the clipboard. Made as rows
 * scroll into view, so a list of 100,000 passages formats only what is shown.
 */

#define G_LOG_DOMAIN "atlas-passage"

#include "config.h"

#include "atlas-passage.h"
#include "atlas-text.h"

struct _AtlasPassage
{
  GObject       parent_instance;

  AtlasExcerpt *excerpt;
  char         *markup;
  char         *attribution;
  char         *citation;
};

G_DEFINE_FINAL_TYPE (AtlasPassage, atlas_passage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXCERPT,
  PROP_MARKUP,
  PROP_ATTRIBUTION,
  PROP_CITATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_passage_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasPassage *self = ATLAS_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_EXCERPT:
      g_value_set_object (value, self->excerpt);
      break;
    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;
    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->attribution);
      break;
    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_passage_finalize (GObject *object)
{
  AtlasPassage *self = ATLAS_PASSAGE (object);

  g_clear_object (&self->excerpt);
  g_clear_pointer (&self->markup, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->citation, g_free);

  G_OBJECT_CLASS (atlas_passage_parent_class)->finalize (object);
}

static void
atlas_passage_class_init (AtlasPassageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_passage_finalize;
  object_class->get_property = atlas_passage_get_property;

  properties[PROP_EXCERPT] = g_param_spec_object ("excerpt", NULL, NULL, ATLAS_TYPE_EXCERPT, flags);
  properties[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  properties[PROP_ATTRIBUTION] = g_param_spec_string ("attribution", NULL, NULL, NULL, flags);
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_passage_init (AtlasPassage *self)
{
}

/**
 * atlas_passage_new:
 * @words: (nullable): the filter's words, to show in bold
 */
AtlasPassage *
atlas_passage_new (AtlasExcerpt *excerpt,
                   const char   *words)
{
  AtlasPassage *self;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (ATLAS_IS_EXCERPT (excerpt), NULL);

  self = g_object_new (ATLAS_TYPE_PASSAGE, NULL);
  self->excerpt = g_object_ref (excerpt);
  shown = atlas_excerpt_dup_words (excerpt);
  self->markup = atlas_text_highlight_markup (shown, words);
  self->attribution = atlas_excerpt_dup_attribution (excerpt);
  self->citation = g_strdup_printf ("%s (%s)", shown, self->attribution);
  return self;
}

AtlasExcerpt *
atlas_passage_get_excerpt (AtlasPassage *self)
{
  g_return_val_if_fail (ATLAS_IS_PASSAGE (self), NULL);

  return self->excerpt;
}

/* The quotation with its source, ready to paste into a report. */
const char *
atlas_passage_get_citation (AtlasPassage *self)
{
  g_return_val_if_fail (ATLAS_IS_PASSAGE (self), NULL);

  return self->citation;
}
