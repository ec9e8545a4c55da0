/* atlas-actors-panel.c: every actor, grouped by kind, searchable by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkListView on GTK 4.8 has no section headers, so the model mixes group titles
 * (GtkStringObject, not selectable) with actors, and is rebuilt whole on every search.
 */

#define G_LOG_DOMAIN "atlas-actors-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-actors-panel.h"
#include "atlas-panel.h"
#include "atlas-query.h"
#include "atlas-swatch.h"

struct _AtlasActorsPanel
{
  AtlasPanel          parent_instance;

  GListStore         *rows;
  GtkSingleSelection *selection;
  GHashTable         *counts;  /* actor id -> events under the session's filter */

  GtkSearchEntry     *search_entry;
  GtkLabel           *counts_error;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasActorsPanel, atlas_actors_panel, ATLAS_TYPE_PANEL)

static void
rebuild_rows (AtlasActorsPanel *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  AtlasStore *store;
  const char *kind = NULL;

  if (atlas_panel_get_session (ATLAS_PANEL (self)) == NULL)
    return;

  store = atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self)));
  ids = atlas_query_actors_named (store, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                  &error);
  if (ids == NULL)
    {
      g_warning ("Could not search actors: %s", error->message);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      AtlasActor *actor = atlas_actor_load (store, g_array_index (ids, gint64, i), &error);

      if (actor == NULL)
        {
          g_warning ("Could not load an actor: %s", error->message);
          return;
        }
      if (g_strcmp0 (kind, atlas_actor_get_kind (actor)) != 0)
        {
          kind = atlas_actor_get_kind (actor);
          g_ptr_array_add (rows, gtk_string_object_new (atlas_actor_kind_plural (kind)));
        }
      g_ptr_array_add (rows, actor);
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, ids->len > 0 ? "list" : "empty");
}

static void
on_search_changed (AtlasActorsPanel *self)
{
  rebuild_rows (self);
}

/* Shows the session's actor as the selected row, if it is in the list. */
static void
sync_selection (AtlasActorsPanel *self)
{
  const AtlasItem *selected = atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (selected->kind == ATLAS_ITEM_ACTOR)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

        if (ATLAS_IS_ACTOR (row) && atlas_actor_get_id (ATLAS_ACTOR (row)) == selected->id)
          {
            gtk_single_selection_set_selected (self->selection, i);
            return;
          }
      }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selection_changed (AtlasActorsPanel *self)
{
  GObject *row = gtk_single_selection_get_selected_item (self->selection);

  if (atlas_panel_get_session (ATLAS_PANEL (self)) != NULL && ATLAS_IS_ACTOR (row))
    atlas_session_select (atlas_panel_get_session (ATLAS_PANEL (self)), ATLAS_ITEM_ACTOR, atlas_actor_get_id (ATLAS_ACTOR (row)));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box, *header, *row, *swatch, *labels, *name, *detail, *count;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "atlas-group-header");
  gtk_box_append (GTK_BOX (box), header);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  swatch = atlas_swatch_new ();
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), swatch);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (row), labels);

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (row), count);
  gtk_box_append (GTK_BOX (box), row);

  g_object_set_data (G_OBJECT (box), "header", header);
  g_object_set_data (G_OBJECT (box), "row", row);
  g_object_set_data (G_OBJECT (box), "swatch", swatch);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "count", count);
  g_object_set_data (G_OBJECT (box), "panel", g_object_get_data (G_OBJECT (factory), "panel"));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GObject *box = G_OBJECT (gtk_list_item_get_child (list_item));
  GtkWidget *header = g_object_get_data (box, "header");
  GtkWidget *row = g_object_get_data (box, "row");
  g_autofree char *count = NULL;
  AtlasActor *actor;
  const char *detail;

  if (GTK_IS_STRING_OBJECT (item))
    {
      gtk_label_set_text (GTK_LABEL (header), gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      gtk_widget_set_visible (header, TRUE);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_item_set_selectable (list_item, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
      return;
    }

  actor = ATLAS_ACTOR (item);
  gtk_widget_set_visible (header, FALSE);
  gtk_widget_set_visible (row, TRUE);
  gtk_list_item_set_selectable (list_item, TRUE);
  gtk_list_item_set_activatable (list_item, TRUE);

  /* The group header already says the kind; the second line is for what it does not say. */
  detail = atlas_actor_get_role (actor);
  if (detail == NULL)
    detail = atlas_actor_get_affiliation (actor);

  atlas_swatch_set_color (g_object_get_data (box, "swatch"), atlas_actor_get_color (actor));
  gtk_label_set_text (g_object_get_data (box, "name"), atlas_actor_get_name (actor));
  gtk_label_set_text (g_object_get_data (box, "detail"), detail ? detail : "");
  gtk_widget_set_visible (g_object_get_data (box, "detail"), detail != NULL);
  {
    AtlasActorsPanel *self = g_object_get_data (box, "panel");
    gint64 id = atlas_actor_get_id (actor);

    /* Without the filter's counts, no number: the store's totals would pass for them. */
    if (self->counts != NULL)
      count = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &id)));
  }
  gtk_label_set_text (g_object_get_data (box, "count"), count ? count : "");
  gtk_widget_set_visible (g_object_get_data (box, "count"), count != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (box), atlas_actor_get_description (actor));
}

static void
on_session_selection (AtlasActorsPanel *self)
{
  sync_selection (self);
}

/* Each row counts the actor's events under the session's filter. */
static void
on_session_filter (AtlasActorsPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  AtlasStore *store = atlas_session_get_store (session);
  g_autoptr(GArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  events = atlas_query_events (store, atlas_session_get_filter (session), &error);
  if (events != NULL)
    self->counts = atlas_query_actor_counts (store, events, &error);
  if (self->counts == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The events under the filter could not be "
                                                 "counted: %s"), error->message);

      g_warning ("Could not count the actors’ events under the filter: %s", error->message);
      gtk_label_set_text (self->counts_error, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counts_error), self->counts == NULL);
  rebuild_rows (self);
  sync_selection (self);
}

static void
atlas_actors_panel_session_changed (AtlasPanel *panel)
{
  AtlasActorsPanel *self = ATLAS_ACTORS_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (panel);

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::selection",
                                G_CALLBACK (on_session_selection), self);
      g_signal_connect_swapped (session, "notify::filter", G_CALLBACK (on_session_filter), self);
      on_session_filter (self);
    }
}

static void
atlas_actors_panel_dispose (GObject *object)
{
  AtlasActorsPanel *self = ATLAS_ACTORS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_ACTORS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_actors_panel_parent_class)->dispose (object);
}

static void
atlas_actors_panel_class_init (AtlasActorsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_actors_panel_dispose;
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_actors_panel_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-actors-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasActorsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasActorsPanel, counts_error);
  gtk_widget_class_bind_template_child (widget_class, AtlasActorsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasActorsPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
}

static void
atlas_actors_panel_init (AtlasActorsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);

  g_object_set_data (G_OBJECT (factory), "panel", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

