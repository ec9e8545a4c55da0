/* atlas-actors-panel.c: every actor, grouped by kind, searchable by any of its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model holds AtlasActorEntry rows, group headings among actors, and is rebuilt whole
 * on every search; a new filter only gives the entries new counts.
 */

#define G_LOG_DOMAIN "atlas-actors-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-actor-entry.h"
#include "atlas-actors-panel.h"
#include "atlas-panel.h"
#include "atlas-query.h"
#include "atlas-swatch.h"

struct _AtlasActorsPanel
{
  AtlasPanel          parent_instance;

  GListStore         *rows;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkLabel           *counts_error;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (AtlasActorsPanel, atlas_actors_panel, ATLAS_TYPE_PANEL)

/* Without the filter's counts, no number: the store's totals would pass for them, and
 * while the results are being found, those of the last filter would. */
static void
update_counts (AtlasActorsPanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  gboolean known = results != NULL && !atlas_results_get_busy (results) &&
                   atlas_results_has_counts (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasActorEntry) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      AtlasActor *actor = atlas_actor_entry_get_actor (row);
      g_autofree char *count = NULL;

      if (actor != NULL && known)
        count = g_strdup_printf ("%u", atlas_results_get_actor_count (results, atlas_actor_get_id (actor)));
      atlas_actor_entry_set_count (row, count);
    }
}

static void
rebuild_rows (AtlasActorsPanel *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GHashTable) by_id = NULL;
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
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not search the actors"), error);
      return;
    }

  /* One statement for every actor found, then put in the order found. */
  actors = atlas_record_load_many (ATLAS_TYPE_ACTOR, store, (const gint64 *) ids->data, ids->len,
                                   &error);
  if (actors == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the actors"), error);
      return;
    }
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < actors->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (actors, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { atlas_record_get_id (record) }, sizeof (gint64)),
                           record);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      AtlasActor *actor = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));

      /* Gone since the search: a write in between, which will list them again. */
      if (actor == NULL)
        continue;
      if (g_strcmp0 (kind, atlas_actor_get_kind (actor)) != 0)
        {
          kind = atlas_actor_get_kind (actor);
          g_ptr_array_add (rows, atlas_actor_entry_new_heading (atlas_actor_kind_plural (kind)));
        }
      g_ptr_array_add (rows, atlas_actor_entry_new (actor));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  update_counts (self);
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
        g_autoptr(AtlasActorEntry) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
        AtlasActor *actor = atlas_actor_entry_get_actor (row);

        if (actor != NULL && atlas_actor_get_id (actor) == selected->id)
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
  AtlasActorEntry *row = gtk_single_selection_get_selected_item (self->selection);
  AtlasActor *actor = row != NULL ? atlas_actor_entry_get_actor (row) : NULL;

  if (atlas_panel_get_session (ATLAS_PANEL (self)) != NULL && actor != NULL)
    atlas_session_select (atlas_panel_get_session (ATLAS_PANEL (self)), ATLAS_ITEM_ACTOR,
                          atlas_actor_get_id (actor));
}

/* A heading is neither selected nor activated. A row template's handler, found by name. */
void     atlas_actor_row_item_changed     (GtkListItem *list_item);
gboolean atlas_actor_row_description_tip  (GtkWidget   *row,
                                           int          x,
                                           int          y,
                                           gboolean     keyboard,
                                           GtkTooltip  *tooltip,
                                           GtkListItem *list_item);

void
atlas_actor_row_item_changed (GtkListItem *list_item)
{
  AtlasActorEntry *entry = gtk_list_item_get_item (list_item);
  gboolean is_actor = entry != NULL && atlas_actor_entry_get_actor (entry) != NULL;

  gtk_list_item_set_selectable (list_item, is_actor);
  gtk_list_item_set_activatable (list_item, is_actor);
}

/* Asked for when shown rather than bound: setting a tooltip asks the display where the
 * pointer is, for every row a new list binds. */
gboolean
atlas_actor_row_description_tip (GtkWidget   *row,
                                 int          x,
                                 int          y,
                                 gboolean     keyboard,
                                 GtkTooltip  *tooltip,
                                 GtkListItem *list_item)
{
  AtlasActorEntry *entry = gtk_list_item_get_item (list_item);
  AtlasActor *actor = entry != NULL ? atlas_actor_entry_get_actor (entry) : NULL;
  const char *description = actor != NULL ? atlas_actor_get_description (actor) : NULL;

  if (description == NULL || *description == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

static void
on_session_selection (AtlasActorsPanel *self)
{
  sync_selection (self);
}

/* Each row counts the actor's events under the session's filter, as the results have
 * them: the rows are bound again, not loaded again. */
static void
on_results_changed (AtlasActorsPanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  gboolean failed = atlas_results_get_ready (results) && !atlas_results_has_counts (results);

  if (failed)
    {
      const GError *error = atlas_results_get_error (results);
      g_autofree char *text = g_strdup_printf (_("The events under the filter could not be "
                                                 "counted: %s"),
                                               error ? error->message : _("see the log for why"));

      g_warning ("Could not count the actors’ events under the filter: %s",
                 error ? error->message : "the counting failed");
      gtk_label_set_text (self->counts_error, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counts_error), failed);
  update_counts (self);
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
      g_signal_connect_swapped (atlas_panel_get_results (panel), "changed",
                                G_CALLBACK (on_results_changed), self);
      g_signal_connect_swapped (atlas_panel_get_results (panel), "notify::busy",
                                G_CALLBACK (update_counts), self);
      rebuild_rows (self);
      on_results_changed (self);
    }
}

static void
atlas_actors_panel_dispose (GObject *object)
{
  AtlasActorsPanel *self = ATLAS_ACTORS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_ACTORS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

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

  /* The row template names these types. */
  g_type_ensure (ATLAS_TYPE_ACTOR);
  g_type_ensure (ATLAS_TYPE_ACTOR_ENTRY);
  g_type_ensure (ATLAS_TYPE_SWATCH);
}

static void
atlas_actors_panel_init (AtlasActorsPanel *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "atlas_actor_row_item_changed", G_CALLBACK (atlas_actor_row_item_changed),
                                           "atlas_actor_row_description_tip", G_CALLBACK (atlas_actor_row_description_tip),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/caucasusatlas/CaucasusAtlas/atlas-actor-row.ui");
  self->rows = g_list_store_new (ATLAS_TYPE_ACTOR_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);

  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

