/* atlas-place-search.c: finds a place on the map by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry over the map with the places it finds in a popover under it, in any
 * language or spelling the store knows. Choosing one emits ::place-activated; the map
 * goes there.
 */

#define G_LOG_DOMAIN "atlas-place-search"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-map-lookup.h"
#include "atlas-place-search.h"

/* More would not fit under the entry; the best come first. */
#define MAX_MATCHES 8

struct _AtlasPlaceSearch
{
  GtkWidget       parent_instance;

  GtkSearchEntry *entry;
  GtkPopover     *popover;
  GtkListBox     *list;

  AtlasSession   *session;
  GArray         *ids;      /* gint64: the place of each row, in order */
};

G_DEFINE_FINAL_TYPE (AtlasPlaceSearch, atlas_place_search, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  PLACE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
activate_row (AtlasPlaceSearch *self,
              int               index)
{
  if (index < 0 || (guint) index >= self->ids->len)
    return;

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[PLACE_ACTIVATED], 0, g_array_index (self->ids, gint64, index));
}

static void
on_search_changed (AtlasPlaceSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  g_array_set_size (self->ids, 0);

  if (self->session == NULL || *text == '\0')
    {
      gtk_popover_popdown (self->popover);
      return;
    }

  matches = atlas_map_lookup_places (atlas_session_get_store (self->session), text, MAX_MATCHES,
                                     atlas_session_get_place_names (self->session), &error);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const AtlasPlaceMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *markup = g_markup_printf_escaped ("%s  <span alpha=\"60%%\">%s</span>",
                                                         match->title, match->kicker);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->list, label);
      g_array_append_val (self->ids, match->id);
    }

  /* A failed search is not an empty one: it says why, in the list and the window's banner. */
  if (matches == NULL || matches->len == 0)
    {
      GtkWidget *label = gtk_label_new (matches == NULL ? _("The search failed")
                                                        : _("No place has that name"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->list, label);
    }
  if (matches == NULL &&
      !gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                   _("Could not search the places"), error->message))
    g_warning ("Could not search the places: %s", error->message);
  gtk_popover_popup (self->popover);
}

/* Enter takes the best match. */
static void
on_activate (AtlasPlaceSearch *self)
{
  activate_row (self, 0);
}

static void
on_stop_search (AtlasPlaceSearch *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_popover_popdown (self->popover);
}

static void
on_row_activated (AtlasPlaceSearch *self,
                  GtkListBoxRow    *row)
{
  activate_row (self, gtk_list_box_row_get_index (row));
}

AtlasSession *
atlas_place_search_get_session (AtlasPlaceSearch *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_SEARCH (self), NULL);

  return self->session;
}

/* The session whose store is searched. */
void
atlas_place_search_set_session (AtlasPlaceSearch *self,
                                AtlasSession     *session)
{
  g_return_if_fail (ATLAS_IS_PLACE_SEARCH (self));
  g_return_if_fail (session == NULL || ATLAS_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
atlas_place_search_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasPlaceSearch *self = ATLAS_PLACE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_place_search_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasPlaceSearch *self = ATLAS_PLACE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atlas_place_search_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_place_search_dispose (GObject *object)
{
  AtlasPlaceSearch *self = ATLAS_PLACE_SEARCH (object);

  /* The popover hangs off the entry: taken off before the template's children go. */
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PLACE_SEARCH);
  self->popover = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_place_search_parent_class)->dispose (object);
}

static void
atlas_place_search_finalize (GObject *object)
{
  AtlasPlaceSearch *self = ATLAS_PLACE_SEARCH (object);

  g_array_unref (self->ids);

  G_OBJECT_CLASS (atlas_place_search_parent_class)->finalize (object);
}

static void
atlas_place_search_class_init (AtlasPlaceSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_place_search_dispose;
  object_class->finalize = atlas_place_search_finalize;
  object_class->get_property = atlas_place_search_get_property;
  object_class->set_property = atlas_place_search_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ATLAS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasPlaceSearch::place-activated:
   * @place_id: the place chosen, by Enter (the best match) or a click on its row
   */
  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-place-search.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceSearch, popover);
  gtk_widget_class_bind_template_child (widget_class, AtlasPlaceSearch, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
atlas_place_search_init (AtlasPlaceSearch *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->entry));
}
