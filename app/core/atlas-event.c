/* atlas-event.c: something that happened, with its dates at their own precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-event"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts.h"
#include "atlas-date.h"
#include "atlas-event.h"

struct _AtlasEvent
{
  AtlasRecord  parent_instance;

  char        *kind;
  char        *title;
  char        *summary;
  char        *start;
  char        *end;
  gboolean     approximate;
  char        *date_wording;
  char        *note;
  gint64       place_id;
  char        *place_name;
  char        *actor_names;
  gboolean     disputed;
};

G_DEFINE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "kind", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, kind) },
  { "title", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, title) },
  { "summary", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, summary) },
  { "start", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, start) },
  { "end", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, end) },
  { "approximate", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasEvent, approximate) },
  { "date-wording", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, date_wording) },
  { "note", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, note) },
  { "place-id", ATLAS_RECORD_FIELD_INT64, G_STRUCT_OFFSET (AtlasEvent, place_id) },
  { "place-name", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, place_name) },
  { "actor-names", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasEvent, actor_names) },
  /* Whether the sources disagree on it: two accounts or more. */
  { "disputed", ATLAS_RECORD_FIELD_BOOLEAN, G_STRUCT_OFFSET (AtlasEvent, disputed) },
  { "kind-label", ATLAS_RECORD_FIELD_LABEL, G_STRUCT_OFFSET (AtlasEvent, kind),
    ATLAS_VOCABULARY_EVENT_KINDS },
};

static void
atlas_event_set_unreadable (AtlasRecord *record,
                            const char  *reason)
{
  AtlasEvent *self = ATLAS_EVENT (record);

  self->kind = g_strdup ("");
  self->title = g_strdup (_("This event could not be read"));
  self->summary = g_strdup (reason);
}

/* The actors' names, states first: "Armenia; Azerbaijan; Ilham Aliyev". */
static void
atlas_event_class_init (AtlasEventClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_event_set_unreadable;
  record_class->reading = N_("Reading an event");
  record_class->absent = N_("There is no event with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT e.id, e.key, e.kind, e.title, e.summary, e.start, e.end,"
                                " e.approximate, e.date_wording, e.note, e.place_id, p.name,"
                                " (SELECT group_concat (name, '; ') FROM"
                                "   (SELECT a.name FROM event_actors ea"
                                "    JOIN actors a ON a.id = ea.actor_id"
                                "    WHERE ea.event_id = e.id ORDER BY a.kind <> 'state', a.name)),"
                                " (SELECT count (*) >= " G_STRINGIFY (ATLAS_DISPUTED_ACCOUNTS)
                                "  FROM event_accounts WHERE event_id = e.id)"
                                " FROM events e LEFT JOIN places p ON p.id = e.place_id",
                                "e.id", fields, G_N_ELEMENTS (fields));
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
  return ATLAS_EVENT (atlas_record_load (ATLAS_TYPE_EVENT, store, id, error));
}

AtlasEvent *
atlas_event_new_unreadable (gint64      id,
                            const char *reason)
{
  return ATLAS_EVENT (atlas_record_new_unreadable (ATLAS_TYPE_EVENT, id, reason));
}

gint64
atlas_event_get_id (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return atlas_record_get_id (ATLAS_RECORD (self));
}

const char *
atlas_event_get_key (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_record_get_key (ATLAS_RECORD (self));
}

const char *
atlas_event_get_kind (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->kind;
}

const char *
atlas_event_get_kind_label (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_event_kind_label (self->kind);
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

/* Whether the sources disagree on the event, which then has their accounts. */
gboolean
atlas_event_get_disputed (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), FALSE);

  return self->disputed;
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
