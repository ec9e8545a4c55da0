/* atlas-source.c: an article that excerpts quote, and where it was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-source"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-source.h"

struct _AtlasSource
{
  AtlasRecord  parent_instance;

  char        *title;
  char        *author;
  char        *publication;
  char        *date;
  gboolean     date_approximate;
  char        *url;
  char        *document;
  int          document_line;
};

G_DEFINE_FINAL_TYPE (AtlasSource, atlas_source, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "title", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, title) },
  { "author", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, author) },
  { "publication", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, publication) },
  { "date", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, date) },
  { "date-approximate", ATLAS_RECORD_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (AtlasSource, date_approximate) },
  { "url", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, url) },
  { "document", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasSource, document) },
  { "document-line", ATLAS_RECORD_FIELD_INT, G_STRUCT_OFFSET (AtlasSource, document_line) },
};

static void
atlas_source_set_unreadable (AtlasRecord *record,
                             const char  *reason)
{
  AtlasSource *self = ATLAS_SOURCE (record);

  self->title = g_strdup_printf (_("This source could not be read: %s"), reason);
}

/* The document and line are where the dataset's reader found the article. */
static void
atlas_source_class_init (AtlasSourceClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_source_set_unreadable;
  record_class->reading = N_("Reading a source");
  record_class->absent = N_("There is no source with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT s.id, s.key, s.title, s.author, s.publication, s.date,"
                                " s.date_approximate, s.url, s.document, s.document_line"
                                " FROM sources s",
                                "s.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_source_init (AtlasSource *self)
{
}

AtlasSource *
atlas_source_load (AtlasStore  *store,
                   gint64       id,
                   GError     **error)
{
  return ATLAS_SOURCE (atlas_record_load (ATLAS_TYPE_SOURCE, store, id, error));
}

AtlasSource *
atlas_source_new_unreadable (gint64      id,
                             const char *reason)
{
  return ATLAS_SOURCE (atlas_record_new_unreadable (ATLAS_TYPE_SOURCE, id, reason));
}

const char *
atlas_source_get_title (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
atlas_source_get_author (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->author;
}

const char *
atlas_source_get_publication (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->publication;
}

const char *
atlas_source_get_date (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->date;
}

gboolean
atlas_source_get_date_approximate (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), FALSE);

  return self->date_approximate;
}

const char *
atlas_source_get_url (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
atlas_source_get_document (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->document;
}

int
atlas_source_get_document_line (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), 0);

  return self->document_line;
}
