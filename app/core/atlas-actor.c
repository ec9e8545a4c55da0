/* atlas-actor.c: a state, person, organisation, alliance or company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-actor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"

struct _AtlasActor
{
  AtlasRecord  parent_instance;

  char        *kind;
  char        *name;
  char        *role;
  char        *color;
  char        *description;
  gint64       affiliation_id;
  char        *affiliation;
};

G_DEFINE_FINAL_TYPE (AtlasActor, atlas_actor, ATLAS_TYPE_RECORD)

/* In the order of the query's columns. */
static const AtlasRecordField fields[] = {
  { "kind", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, kind) },
  { "name", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, name) },
  { "role", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, role) },
  { "color", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, color) },
  { "description", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, description) },
  { "affiliation-id", ATLAS_RECORD_FIELD_INT64, G_STRUCT_OFFSET (AtlasActor, affiliation_id) },
  { "affiliation", ATLAS_RECORD_FIELD_STRING, G_STRUCT_OFFSET (AtlasActor, affiliation) },
  { "kind-label", ATLAS_RECORD_FIELD_LABEL, G_STRUCT_OFFSET (AtlasActor, kind),
    ATLAS_VOCABULARY_ACTOR_KINDS },
};

static void
atlas_actor_set_unreadable (AtlasRecord *record,
                            const char  *reason)
{
  AtlasActor *self = ATLAS_ACTOR (record);

  self->kind = g_strdup ("");
  self->name = g_strdup (_("Unreadable actor"));
  self->description = g_strdup (reason);
}

/* A person without a colour of their own wears their state's or organisation's. */
static void
atlas_actor_class_init (AtlasActorClass *klass)
{
  AtlasRecordClass *record_class = ATLAS_RECORD_CLASS (klass);

  record_class->set_unreadable = atlas_actor_set_unreadable;
  record_class->reading = N_("Reading an actor");
  record_class->absent = N_("There is no actor with the id %s");
  atlas_record_class_set_query (record_class,
                                "SELECT a.id, a.key, a.kind, a.name, a.role,"
                                " coalesce (a.color, f.color), a.description, a.affiliation_id,"
                                " f.name"
                                " FROM actors a LEFT JOIN actors f ON f.id = a.affiliation_id",
                                "a.id", fields, G_N_ELEMENTS (fields));
}

static void
atlas_actor_init (AtlasActor *self)
{
}

AtlasActor *
atlas_actor_load (AtlasStore  *store,
                  gint64       id,
                  GError     **error)
{
  return ATLAS_ACTOR (atlas_record_load (ATLAS_TYPE_ACTOR, store, id, error));
}

AtlasActor *
atlas_actor_new_unreadable (gint64      id,
                            const char *reason)
{
  return ATLAS_ACTOR (atlas_record_new_unreadable (ATLAS_TYPE_ACTOR, id, reason));
}

gint64
atlas_actor_get_id (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), 0);

  return atlas_record_get_id (ATLAS_RECORD (self));
}

const char *
atlas_actor_get_key (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return atlas_record_get_key (ATLAS_RECORD (self));
}

const char *
atlas_actor_get_kind (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->kind;
}

const char *
atlas_actor_get_kind_label (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return atlas_actor_kind_label (self->kind);
}

const char *
atlas_actor_get_name (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->name;
}

const char *
atlas_actor_get_role (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->role;
}

const char *
atlas_actor_get_color (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->color;
}

const char *
atlas_actor_get_description (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->description;
}

/* The state or organisation the actor belongs to, or 0. */
gint64
atlas_actor_get_affiliation_id (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), 0);

  return self->affiliation_id;
}

const char *
atlas_actor_get_affiliation (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->affiliation;
}

/* Shorthands for the words of an actor kind in the vocabulary. */
const char *
atlas_actor_kind_label (const char *kind)
{
  return atlas_vocabulary_get_label (ATLAS_VOCABULARY_ACTOR_KINDS, kind);
}

const char *
atlas_actor_kind_plural (const char *kind)
{
  return atlas_vocabulary_get_plural (ATLAS_VOCABULARY_ACTOR_KINDS, kind);
}
