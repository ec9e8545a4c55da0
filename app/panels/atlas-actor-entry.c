/* atlas-actor-entry.c: one row of the actors list, a group heading or an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkListView on GTK 4.8 has no section headers, so the list mixes headings with actors.
 * An entry holds what its row shows beyond the actor's own properties, the count of its
 * events under the filter above all: the panel sets new counts and the bound rows follow,
 * with no row built or loaded again.
 */

#define G_LOG_DOMAIN "atlas-actor-entry"

#include "config.h"

#include "atlas-actor-entry.h"

struct _AtlasActorEntry
{
  GObject     parent_instance;

  AtlasActor *actor;     /* NULL for a heading */
  char       *heading;
  char       *count;     /* NULL when not known */
};

G_DEFINE_FINAL_TYPE (AtlasActorEntry, atlas_actor_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR,
  PROP_HEADING,
  PROP_IS_HEADING,
  PROP_IS_ACTOR,
  PROP_NAME,
  PROP_COLOR,
  PROP_DESCRIPTION,
  PROP_DETAIL,
  PROP_HAS_DETAIL,
  PROP_COUNT,
  PROP_HAS_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The group heading already says the kind; the second line is for what it does not say. */
static const char *
detail (AtlasActorEntry *self)
{
  const char *role;

  if (self->actor == NULL)
    return NULL;
  role = atlas_actor_get_role (self->actor);
  return role != NULL ? role : atlas_actor_get_affiliation (self->actor);
}

static void
atlas_actor_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasActorEntry *self = ATLAS_ACTOR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case PROP_IS_HEADING:
      g_value_set_boolean (value, self->actor == NULL);
      break;
    case PROP_IS_ACTOR:
      g_value_set_boolean (value, self->actor != NULL);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->actor ? atlas_actor_get_name (self->actor) : NULL);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->actor ? atlas_actor_get_color (self->actor) : NULL);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->actor ? atlas_actor_get_description (self->actor) : NULL);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, detail (self));
      break;
    case PROP_HAS_DETAIL:
      g_value_set_boolean (value, detail (self) != NULL);
      break;
    case PROP_COUNT:
      g_value_set_string (value, self->count);
      break;
    case PROP_HAS_COUNT:
      g_value_set_boolean (value, self->count != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_actor_entry_finalize (GObject *object)
{
  AtlasActorEntry *self = ATLAS_ACTOR_ENTRY (object);

  g_clear_object (&self->actor);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->count, g_free);

  G_OBJECT_CLASS (atlas_actor_entry_parent_class)->finalize (object);
}

static void
atlas_actor_entry_class_init (AtlasActorEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_actor_entry_finalize;
  object_class->get_property = atlas_actor_entry_get_property;

  properties[PROP_ACTOR] = g_param_spec_object ("actor", NULL, NULL, ATLAS_TYPE_ACTOR, flags);
  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  properties[PROP_IS_HEADING] = g_param_spec_boolean ("is-heading", NULL, NULL, FALSE, flags);
  properties[PROP_IS_ACTOR] = g_param_spec_boolean ("is-actor", NULL, NULL, FALSE, flags);
  /* The actor's own, repeated here: on GTK 4.8 a row's lookup through a property that
   * is NULL (a heading's actor) breaks when the row is destroyed. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_HAS_DETAIL] = g_param_spec_boolean ("has-detail", NULL, NULL, FALSE, flags);
  properties[PROP_COUNT] = g_param_spec_string ("count", NULL, NULL, NULL, flags);
  properties[PROP_HAS_COUNT] = g_param_spec_boolean ("has-count", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_actor_entry_init (AtlasActorEntry *self)
{
}

AtlasActorEntry *
atlas_actor_entry_new_heading (const char *heading)
{
  AtlasActorEntry *self = g_object_new (ATLAS_TYPE_ACTOR_ENTRY, NULL);

  self->heading = g_strdup (heading);
  return self;
}

AtlasActorEntry *
atlas_actor_entry_new (AtlasActor *actor)
{
  AtlasActorEntry *self;

  g_return_val_if_fail (ATLAS_IS_ACTOR (actor), NULL);

  self = g_object_new (ATLAS_TYPE_ACTOR_ENTRY, NULL);
  self->actor = g_object_ref (actor);
  return self;
}

/* The actor, or %NULL for a heading. */
AtlasActor *
atlas_actor_entry_get_actor (AtlasActorEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ACTOR_ENTRY (self), NULL);

  return self->actor;
}

/* @count: (nullable): the events the filter finds of the actor, or %NULL when not known */
void
atlas_actor_entry_set_count (AtlasActorEntry *self,
                             const char      *count)
{
  gboolean had_count;

  g_return_if_fail (ATLAS_IS_ACTOR_ENTRY (self));

  if (g_strcmp0 (self->count, count) == 0)
    return;

  had_count = self->count != NULL;
  g_free (self->count);
  self->count = g_strdup (count);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  if (had_count != (count != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COUNT]);
}
