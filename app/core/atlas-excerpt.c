/* atlas-excerpt.c: a quoted passage and where it comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-excerpt"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-excerpt.h"

struct _AtlasExcerpt
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *text;
  int      position;
  char    *source_title;
  char    *author;
  char    *publication;
  char    *source_date;
};

G_DEFINE_FINAL_TYPE (AtlasExcerpt, atlas_excerpt, G_TYPE_OBJECT)

static void
atlas_excerpt_finalize (GObject *object)
{
  AtlasExcerpt *self = ATLAS_EXCERPT (object);

  g_free (self->key);
  g_free (self->text);
  g_free (self->source_title);
  g_free (self->author);
  g_free (self->publication);
  g_free (self->source_date);

  G_OBJECT_CLASS (atlas_excerpt_parent_class)->finalize (object);
}

static void
atlas_excerpt_class_init (AtlasExcerptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_excerpt_finalize;
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
  AtlasExcerpt *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store,
                              "SELECT x.key, x.text, x.position, s.title, s.author,"
                              " s.publication, s.date"
                              " FROM excerpts x JOIN sources s ON s.id = x.source_id"
                              " WHERE x.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      /* A failed step is not an absent row: say what failed. */
      atlas_store_set_error (store, error, _("Reading an excerpt"));
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("There is no excerpt with the id %s"), id_text);
      sqlite3_reset (stmt);
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_EXCERPT, NULL);
  self->id = id;
  self->key = atlas_store_dup_column (stmt, 0);
  self->text = atlas_store_dup_column (stmt, 1);
  self->position = sqlite3_column_int (stmt, 2);
  self->source_title = atlas_store_dup_column (stmt, 3);
  self->author = atlas_store_dup_column (stmt, 4);
  self->publication = atlas_store_dup_column (stmt, 5);
  self->source_date = atlas_store_dup_column (stmt, 6);
  sqlite3_reset (stmt);

  return self;
}

/* Stands in for a row that could not be read, so that a list still has an item there,
 * one that says so. */
AtlasExcerpt *
atlas_excerpt_new_unreadable (gint64      id,
                              const char *reason)
{
  AtlasExcerpt *self;

  g_return_val_if_fail (reason != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EXCERPT, NULL);
  self->id = id;
  self->key = g_strdup ("");
  self->text = g_strdup_printf (_("This passage could not be read: %s"), reason);

  return self;
}

gint64
atlas_excerpt_get_id (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), 0);

  return self->id;
}

const char *
atlas_excerpt_get_key (AtlasExcerpt *self)
{
  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  return self->key;
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

/* "Stephen Blank, “Trump Makes a Move in the Caucasus”, Central Asia-Caucasus Analyst,
 * 20 August 2025, ¶ 3": everything a reader needs to find the passage again. */
char *
atlas_excerpt_dup_attribution (AtlasExcerpt *self)
{
  GString *text;

  g_return_val_if_fail (ATLAS_IS_EXCERPT (self), NULL);

  text = g_string_new (NULL);
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

  return g_string_free (text, FALSE);
}
