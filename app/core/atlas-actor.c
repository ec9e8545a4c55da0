/* atlas-actor.c: a state, person, organisation, alliance or company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-actor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-vocabulary.h"

struct _AtlasActor
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *kind;
  char    *name;
  char    *role;
  char    *color;
  char    *description;
  char    *affiliation;
  guint    event_count;
};

G_DEFINE_FINAL_TYPE (AtlasActor, atlas_actor, G_TYPE_OBJECT)

static void
atlas_actor_finalize (GObject *object)
{
  AtlasActor *self = ATLAS_ACTOR (object);

  g_free (self->key);
  g_free (self->kind);
  g_free (self->name);
  g_free (self->role);
  g_free (self->color);
  g_free (self->description);
  g_free (self->affiliation);

  G_OBJECT_CLASS (atlas_actor_parent_class)->finalize (object);
}

static void
atlas_actor_class_init (AtlasActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_actor_finalize;
}

static void
atlas_actor_init (AtlasActor *self)
{
}

/* A person without a colour of their own wears their state's or organisation's. The event
 * count, like the actor filter, includes the events of those affiliated with the actor. */
AtlasActor *
atlas_actor_load (AtlasStore  *store,
                  gint64       id,
                  GError     **error)
{
  AtlasActor *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store,
                              "SELECT a.key, a.kind, a.name, a.role,"
                              " coalesce (a.color, f.color), a.description, f.name,"
                              " (SELECT count (DISTINCT ea.event_id) FROM event_actors ea"
                              "  JOIN actors m ON m.id = ea.actor_id"
                              "  WHERE m.id = a.id OR m.affiliation_id = a.id)"
                              " FROM actors a LEFT JOIN actors f ON f.id = a.affiliation_id"
                              " WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      /* A failed step is not an absent row: say what failed. */
      atlas_store_set_error (store, error, _("Reading an actor"));
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("There is no actor with the id %s"), id_text);
      sqlite3_reset (stmt);
      return NULL;
    }

  self = g_object_new (ATLAS_TYPE_ACTOR, NULL);
  self->id = id;
  self->key = atlas_store_dup_column (stmt, 0);
  self->kind = atlas_store_dup_column (stmt, 1);
  self->name = atlas_store_dup_column (stmt, 2);
  self->role = atlas_store_dup_column (stmt, 3);
  self->color = atlas_store_dup_column (stmt, 4);
  self->description = atlas_store_dup_column (stmt, 5);
  self->affiliation = atlas_store_dup_column (stmt, 6);
  self->event_count = sqlite3_column_int (stmt, 7);
  sqlite3_reset (stmt);

  return self;
}

/* Stands in for a row that could not be read, so that a list still has an item there,
 * one that says so. */
AtlasActor *
atlas_actor_new_unreadable (gint64      id,
                            const char *reason)
{
  AtlasActor *self;

  g_return_val_if_fail (reason != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_ACTOR, NULL);
  self->id = id;
  self->key = g_strdup ("");
  self->kind = g_strdup ("");
  self->name = g_strdup (_("Unreadable actor"));
  self->description = g_strdup (reason);

  return self;
}

gint64
atlas_actor_get_id (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), 0);

  return self->id;
}

const char *
atlas_actor_get_key (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->key;
}

const char *
atlas_actor_get_kind (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->kind;
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

const char *
atlas_actor_get_affiliation (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), NULL);

  return self->affiliation;
}

guint
atlas_actor_get_event_count (AtlasActor *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR (self), 0);

  return self->event_count;
}

const char *
atlas_actor_get_kind_label (AtlasActor *self)
{
  return atlas_actor_kind_label (self->kind);
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
