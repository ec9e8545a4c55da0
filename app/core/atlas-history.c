/* atlas-history.c: back and forward through what was selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like a browser's: every new selection is a step; going back and then selecting something
 * else drops the steps ahead. Clearing the selection is not a step.
 */

#define G_LOG_DOMAIN "atlas-history"

#include "config.h"

#include "atlas-history.h"

/* Enough to walk back through a session's reading, small enough not to matter. */
#define MAX_STEPS 200

struct _AtlasHistory
{
  GObject       parent_instance;

  AtlasSession *session;
  GArray       *steps;     /* AtlasItem */
  guint         current;   /* index of the shown step; steps->len when none */
  gboolean      moving;    /* going back or forward: the change is not a new step */
};

G_DEFINE_FINAL_TYPE (AtlasHistory, atlas_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_moves (AtlasHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

static void
on_selection (AtlasHistory *self)
{
  const AtlasItem *item = atlas_session_get_selection (self->session);

  if (self->moving)
    return;
  if (item->kind == ATLAS_ITEM_NONE)
    {
      notify_moves (self);
      return;
    }

  if (self->current < self->steps->len &&
      atlas_item_equal (&g_array_index (self->steps, AtlasItem, self->current), item))
    return;

  /* A new step drops whatever lay ahead of the current one. */
  if (self->current < self->steps->len)
    g_array_set_size (self->steps, self->current + 1);
  g_array_append_val (self->steps, *item);
  if (self->steps->len > MAX_STEPS)
    g_array_remove_index (self->steps, 0);
  self->current = self->steps->len - 1;
  notify_moves (self);
}

static void
atlas_history_dispose (GObject *object)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_history_parent_class)->dispose (object);
}

static void
atlas_history_finalize (GObject *object)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  g_array_unref (self->steps);

  G_OBJECT_CLASS (atlas_history_parent_class)->finalize (object);
}

static void
atlas_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, atlas_history_can_go_back (self));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, atlas_history_can_go_forward (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_history_class_init (AtlasHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_history_dispose;
  object_class->finalize = atlas_history_finalize;
  object_class->get_property = atlas_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_history_init (AtlasHistory *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (AtlasItem));
}

AtlasHistory *
atlas_history_new (AtlasSession *session)
{
  AtlasHistory *self;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  self = g_object_new (ATLAS_TYPE_HISTORY, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "notify::selection", G_CALLBACK (on_selection), self);
  on_selection (self);
  return self;
}

gboolean
atlas_history_can_go_back (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  /* From a cleared selection, back shows the last step again. */
  if (atlas_session_get_selection (self->session)->kind == ATLAS_ITEM_NONE)
    return self->current < self->steps->len;

  return self->current > 0 && self->current < self->steps->len;
}

gboolean
atlas_history_can_go_forward (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->current + 1 < self->steps->len;
}

static void
show_step (AtlasHistory *self,
           guint         index)
{
  self->current = index;
  self->moving = TRUE;
  atlas_session_set_selection (self->session, &g_array_index (self->steps, AtlasItem, index));
  self->moving = FALSE;
  notify_moves (self);
}

void
atlas_history_go_back (AtlasHistory *self)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));

  if (!atlas_history_can_go_back (self))
    return;

  if (atlas_session_get_selection (self->session)->kind == ATLAS_ITEM_NONE)
    show_step (self, self->current);
  else
    show_step (self, self->current - 1);
}

void
atlas_history_go_forward (AtlasHistory *self)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));

  if (atlas_history_can_go_forward (self))
    show_step (self, self->current + 1);
}
