/* atlas-excerpt.c: a quoted passage and where it comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most excerpts quote a document. Those of a reference source (a public reference page, for a
 * fact the documents lack) are notes in our own words: they are never shown in quotation
 * marks, and their attribution says "reference, not from the documents".
 */

#define G_LOG_DOMAIN "atlas-excerpt"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-excerpt.h"

struct _AtlasExcerpt
{
  AtlasRecord  parent_instance;

  char        *text;
  int          position;
  gint64       source_id;
  char        *source_title;
  char        *author;
  char        *publication;
  char        *source_date;
  gboolean     reference;
  char        *source_url;
};

G_DEFINE_FINAL_TYPE (AtlasExcerpt, atlas_excerpt, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "text", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, text) },
  { "position", ATLAS_RECORD_FIELD_INT, G_STRUCT_OFFSET (AtlasExcerpt, position) },
  { "source-id", ATLAS_RECORD_FIELD_INT64, G_STRUCT_OFFSET (AtlasExcerpt, source_id) },
  { "source-title", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, source_title) },
  { "author", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, author) },
  { "publication", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, publication) },
  { "source-date", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, source_date) },
  { "reference", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasExcerpt, reference) },
  { "source-url", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasExcerpt, source_url) },
};

static void
atlas_excerpt_set_unreadable (AtlasRecord *record,
                              const char  *reason)
{
  ATLAS_EXCERPT (record)->text = g_strdup_printf (_("This passage could not be read: %s"), reason);
}

/* An excerpt carries its source's words, which every view of it shows. */
static void
atlas_excerpt_class_init (AtlasExcerptClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_excerpt_set_unreadable;
  record_class->reading = N_("Reading an excerpt");
  record_class->absent = N_("There is no excerpt with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT x.id, x.key, x.text, x.position, x.source_id, s.title,"
                                " s.author, s.publication, s.date, s.kind = 'reference', s.url"
                                " FROM excerpts x JOIN sources s ON s.id = x.source_id",
                                "x.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_excerpt_init (AtlasExcerpt *self)
{
}

AtlasExcerpt *
atlas_excerpt_load (AtlasStore  *store,
                    gint64       id,
                    GError     **error)
{
  return ATLAS_EXCERPT (atlas_record_load (ATLAS_TYPE_EXCERPT, store, id, error));
}

AtlasExcerpt *
atlas_excerpt_new_unreadable (gint64      id,
                              const char *reason)
{
  return ATLAS_EXCERPT (atlas_record_new_unreadable (ATLAS_TYPE_EXCERPT, id, reason));
}

gint64
atlas_excerpt_get_id (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), 0);

  return atlas_record_get_id (ATLAS_RECORD (self));
}

const char *
atlas_excerpt_get_key (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return atlas_record_get_key (ATLAS_RECORD (self));
}

const char *
atlas_excerpt_get_text (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->text;
}

int
atlas_excerpt_get_position (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), 0);

  return self->position;
}

gint64
atlas_excerpt_get_source_id (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), 0);

  return self->source_id;
}

const char *
atlas_excerpt_get_source_title (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->source_title;
}

const char *
atlas_excerpt_get_author (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->author;
}

const char *
atlas_excerpt_get_publication (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->publication;
}

const char *
atlas_excerpt_get_source_date (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->source_date;
}

/* Whether the excerpt is a note of ours backed by a reference page, not a quotation. */
gboolean
atlas_excerpt_get_reference (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), FALSE);

  return self->reference;
}

const char *
atlas_excerpt_get_source_url (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->source_url;
}

/* The excerpt's words as every view shows them: a quotation in quotation marks, a note of
 * ours as it is. */
char *
atlas_excerpt_dup_words (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  if (self->reference)
    return g_strdup (self->text);
  return g_strdup_printf ("“%s”", self->text);
}

/* "Stephen Blank, “Trump Makes a Move in the Caucasus”, Central Asia-Caucasus Analyst,
 * 20 August 2025, ¶ 3": everything a reader needs to find the passage again. A note backed
 * by a reference says so first, and ends with the page's address. */
char *
atlas_excerpt_dup_attribution (AtlasExcerpt *self)
{
  GString *text;

  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  text = g_string_new (NULL);
  if (self->reference)
    /* Translators: before the source of a fact the program adds from outside its documents */
    g_string_append_printf (text, "%s: ", _("Reference, not from the documents"));
  if (self->author != NULL)
    g_string_append_printf (text, "%s, ", self->author);
  g_string_append_printf (text, "“%s”, %s", self->source_title, self->publication);
  if (self->source_date != NULL)
    {
      g_autofree char *date = atlas_date_format (self->source_date);

      g_string_append_printf (text, ", %s", date);
    }
  if (self->position > 0)
    /* Translators: the paragraph of an article a quotation comes from */
    g_string_append_printf (text, _(", ¶ %d"), self->position);
  if (self->reference && self->source_url != NULL)
    g_string_append_printf (text, ", %s", self->source_url);

  return g_string_free (text, FALSE);
}
