/* atlas-event.c: something that happened, with its dates at their own precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-event"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-vocabulary.h"

struct _AtlasEvent
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *kind;
  char    *title;
  char    *summary;
  char    *start;
  char    *end;
  char    *date_wording;
  char    *note;
  gint64   place_id;
  char    *place_name;
  char    *actor_names;
  gboolean approximate;
};

G_DEFINE_FINAL_TYPE (AtlasEvent, atlas_event, G_TYPE_OBJECT)

static void
atlas_event_finalize (GObject *object)
{
  AtlasEvent *self = ATLAS_EVENT (object);

  g_free (self->key);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->start);
  g_free (self->end);
  g_free (self->date_wording);
  g_free (self->note);
  g_free (self->place_name);
  g_free (self->actor_names);

  G_OBJECT_CLASS (atlas_event_parent_class)->finalize (object);
}

static void
atlas_event_class_init (AtlasEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_event_finalize;
}

static void
atlas_event_init (AtlasEvent *self)
{
}

AtlasEvent *
atlas_event_load (AtlasStore  *store,
                  gint64       id,
                  GError     **error)
{
  AtlasEvent *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store,
                              "SELECT e.key, e.kind, e.title, e.summary, e.start, e.end,"
                              " e.approximate, e.date_wording, e.note, e.place_id, p.name,"
                              " (SELECT group_concat (name, '; ') FROM"
                              "   (SELECT a.name FROM event_actors ea"
                              "    JOIN actors a ON a.id = ea.actor_id"
                              "    WHERE ea.event_id = e.id ORDER BY a.kind <> 'state', a.name))"
                              " FROM events e LEFT JOIN places p ON p.id = e.place_id"
                              " WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      /* A failed step is not an absent row: say what failed. */
      atlas_store_set_error (store, error, _("Reading an event"));
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("There is no event with the id %s"), id_text);
      sqlite3_reset (stmt);
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_EVENT, NULL);
  self->id = id;
  self->key = atlas_store_dup_column (stmt, 0);
  self->kind = atlas_store_dup_column (stmt, 1);
  self->title = atlas_store_dup_column (stmt, 2);
  self->summary = atlas_store_dup_column (stmt, 3);
  self->start = atlas_store_dup_column (stmt, 4);
  self->end = atlas_store_dup_column (stmt, 5);
  self->approximate = sqlite3_column_int (stmt, 6);
  self->date_wording = atlas_store_dup_column (stmt, 7);
  self->note = atlas_store_dup_column (stmt, 8);
  self->place_id = sqlite3_column_int64 (stmt, 9);
  self->place_name = atlas_store_dup_column (stmt, 10);
  self->actor_names = atlas_store_dup_column (stmt, 11);
  sqlite3_reset (stmt);

  return self;
}

/* Stands in for a row that could not be read, so that a list still has an item there,
 * one that says so. */
AtlasEvent *
atlas_event_new_unreadable (gint64      id,
                            const char *reason)
{
  AtlasEvent *self;

  g_return_val_if_fail (reason != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EVENT, NULL);
  self->id = id;
  self->key = g_strdup ("");
  self->kind = g_strdup ("");
  self->title = g_strdup (_("This event could not be read"));
  self->summary = g_strdup (reason);

  return self;
}

gint64
atlas_event_get_id (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->id;
}

const char *
atlas_event_get_key (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->key;
}

const char *
atlas_event_get_kind (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->kind;
}

const char *
atlas_event_get_title (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->title;
}

const char *
atlas_event_get_summary (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->summary;
}

const char *
atlas_event_get_start (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->start;
}

const char *
atlas_event_get_end (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->end;
}

gboolean
atlas_event_get_approximate (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), FALSE);

  return self->approximate;
}

const char *
atlas_event_get_date_wording (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->date_wording;
}

const char *
atlas_event_get_note (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->note;
}

gint64
atlas_event_get_place_id (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->place_id;
}

const char *
atlas_event_get_place_name (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->place_name;
}

const char *
atlas_event_get_actor_names (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->actor_names;
}

/* "8 August 2025", "May – July 2025", "c. 2024": the dates at the precision they have. */
char *
atlas_event_dup_date_label (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_date_format_span (self->start, self->end, self->approximate);
}

/* Shorthand for the label of an event kind in the vocabulary. */
const char *
atlas_event_kind_label (const char *kind)
{
  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_EVENT_KINDS, kind);
}
