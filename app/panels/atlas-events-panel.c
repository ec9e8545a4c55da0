/* atlas-events-panel.c: the events as a table, in date order or sorted by a column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table shows the events of the session's filter; when an actor is selected, only that
 * actor's. Selecting an event afterwards keeps the actor's events in view, so one can walk
 * through them; clearing the selection shows all again.
 *
 * Clicking a header sorts in the core (atlas_event_sort()), which orders the ids without
 * loading a row; the record list then loads only the rows scrolled into view. The headers'
 * sorters compare no rows (atlas-column-sorter.c): they only say what was clicked.
 */

#define G_LOG_DOMAIN "atlas-events-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actor.h"
#include "atlas-column-sorter.h"
#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-event-sort.h"
#include "atlas-events-panel.h"
#include "atlas-panel.h"
#include "atlas-query.h"
#include "atlas-record-list.h"
#include "atlas-text.h"

struct _AtlasEventsPanel
{
  AtlasPanel          parent_instance;

  AtlasRecordList    *events;     /* in the order shown */
  GtkSingleSelection *selection;
  gint64              actor_id;   /* whose events are shown, or 0 for all */
  gboolean            sorted;     /* by a column, rather than by date */
  AtlasEventSort      sort_by;
  gboolean            descending;
  char               *rows_words; /* the filter's words the rows' titles show in bold */

  GtkLabel           *heading_label;
  GtkButton          *show_all_button;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (AtlasEventsPanel, atlas_events_panel, ATLAS_TYPE_PANEL)

/* The rows GTK 4.8's list views bind around the one in view (GTK_LIST_VIEW_MAX_LIST_ITEMS). */
#define BOUND_ROWS 200

static void sync_selection (AtlasEventsPanel *self);
static void scroll_to      (AtlasEventsPanel *self,
                            guint             position);

static void
update_heading (AtlasEventsPanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  const char *begun_by = atlas_filter_get_begun_by (atlas_results_get_filter (results));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autofree char *heading = NULL;

  if (self->actor_id != 0)
    {
      AtlasEventActors *known = atlas_results_get_event_actors (results);
      const char *name = known != NULL ? atlas_event_actors_get_name (known, self->actor_id) : NULL;
      g_autoptr(AtlasActor) actor = NULL;

      /* The name the results read with who takes part, else from the store. */
      if (name == NULL)
        {
          g_autoptr(GError) error = NULL;

          actor = atlas_actor_load (atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self))),
                                    self->actor_id, &error);
          if (actor == NULL)
            atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the actor whose events are listed"), error);
          name = actor != NULL ? atlas_actor_get_name (actor) : "";
        }

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u event", "%s · %u events", n),
                                 name, n);
    }
  else if (!atlas_results_get_ready (results))
    heading = g_strdup (_("All events"));
  else if (begun_by != NULL)
    {
      g_autofree char *day = atlas_date_format (begun_by);

      /* Translators: the events list's heading when only the events begun by the "as of"
       * day are shown: the day, then how many */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Begun by %s · %u event",
                                              "Begun by %s · %u events", n),
                                 day, n);
    }
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All events · %u", "All events · %u", n),
                               n);

  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), self->actor_id != 0);
}

/* @ids in the order of the column the headers sort by; @ids themselves when none does, or
 * when sorting fails (which is reported). */
static GArray *
sort_ids (AtlasEventsPanel *self,
          GArray           *ids)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  g_autoptr(GError) error = NULL;
  GArray *sorted;

  if (!self->sorted)
    return g_array_ref (ids);

  /* The result set's rows say what the list shows of its events, and of most of an
   * actor's; the core reads the rest. */
  sorted = atlas_event_sort (atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self))),
                             ids, atlas_results_get_timeline (results),
                             atlas_results_get_event_actors (results), self->sort_by,
                             self->descending, &error);
  if (sorted == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not sort the events"), error);
      return g_array_ref (ids);
    }
  return sorted;
}

/* The filter's events from the session's results, or while an actor is selected its events
 * under the rest of the filter, which the results find once for the list and the map; in
 * the order the headers ask for. @sorted_anew: the same events, only in a new order. */
static void
show_events (AtlasEventsPanel *self,
             gboolean          sorted_anew)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  const char *words = atlas_filter_get_text (atlas_results_get_filter (results));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  gboolean moved = FALSE;

  /* Shown now: a reload put off until the next frame would show the same. */
  atlas_panel_update_after_frame (ATLAS_PANEL (self), NULL);

  if (self->actor_id != 0)
    {
      AtlasItem actor = { ATLAS_ITEM_ACTOR, self->actor_id };

      ids = atlas_results_get_item_event_ids (results, &actor, &error);
      if (ids == NULL)
        atlas_panel_report_error (ATLAS_PANEL (self), _("Could not list the actor’s events"), error);
      else
        g_array_ref (ids);
    }
  else
    {
      ids = g_array_ref (atlas_results_get_event_ids (results));
      /* The one report of a failed filter: the other views show their part empty. */
      if (atlas_results_get_error (results) != NULL)
        atlas_panel_report_error (ATLAS_PANEL (self), _("Could not find the filter’s events"),
                                  atlas_results_get_error (results));
    }

  if (ids != NULL)
    shown = sort_ids (self, ids);

  /* Nothing selected while the rows change: GtkSingleSelection would look for its item
   * among every new row, reading them all; sync_selection() selects again. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* A widget moved onto a row that shows the same record is not bound again, so its title
   * would keep the old words in bold: with new words every row gets a record of its own. */
  if (shown == NULL)
    atlas_record_list_set_ids (self->events, NULL);
  else if (g_strcmp0 (words, self->rows_words) != 0
           ? atlas_record_list_begin_replace (self->events, shown)
           : atlas_record_list_begin_reorder (self->events, shown))
    {
      /* Scrolled to the new rows, the view moves the widgets of the old ones onto them
       * instead of building new ones: GTK 4.8 binds BOUND_ROWS rows around the one it
       * scrolls to, and at the end of them they are the first new rows, which stay bound
       * as the old rows go. Building a screenful of rows of templates took more than the
       * rest of sorting a million events, and half the main loop's time when a filter
       * changed. */
      scroll_to (self, before + MIN (shown->len, BOUND_ROWS) - 1);
      atlas_record_list_end_reorder (self->events);
      moved = TRUE;
    }
  g_free (self->rows_words);
  self->rows_words = g_strdup (words);
  update_heading (self);
  sync_selection (self);
  /* The selected event stays in view; else the list shows its new start, where a short
   * list would keep the row that was at the top in view, and the rows moved would keep the
   * last of them in view. */
  if ((moved || sorted_anew) &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0)
    scroll_to (self, 0);
}

static void
reload (AtlasEventsPanel *self)
{
  show_events (self, FALSE);
}

static void
reload_panel (AtlasPanel *panel)
{
  reload (ATLAS_EVENTS_PANEL (panel));
}

/* Brings a row into view. GtkColumnView learnt to scroll in GTK 4.12; before that, its
 * inner list view answers the list.scroll-to-item action. */
static void
scroll_to (AtlasEventsPanel *self,
           guint             position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
#else
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
#endif
}

static void
sync_selection (AtlasEventsPanel *self)
{
  const AtlasItem *selected = atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)));
  guint position = GTK_INVALID_LIST_POSITION;

  if (selected->kind == ATLAS_ITEM_EVENT)
    position = atlas_record_list_find (self->events, selected->id);

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

static void
on_session_selection (AtlasEventsPanel *self)
{
  const AtlasItem *selected = atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)));
  gint64 actor_id = self->actor_id;

  if (selected->kind == ATLAS_ITEM_ACTOR)
    actor_id = selected->id;
  else if (selected->kind == ATLAS_ITEM_NONE)
    actor_id = 0;

  /* An actor's events are listed a frame later: moving the rows' widgets onto them and
   * laying them out took longer than drawing the actor's details, which come first. */
  if (actor_id != self->actor_id)
    {
      self->actor_id = actor_id;
      atlas_panel_update_after_frame (ATLAS_PANEL (self), reload_panel);
    }
  else if (!atlas_panel_get_update_pending (ATLAS_PANEL (self)))
    sync_selection (self);
}

static void
on_selection_changed (AtlasEventsPanel *self)
{
  GObject *event = gtk_single_selection_get_selected_item (self->selection);

  if (atlas_panel_get_session (ATLAS_PANEL (self)) != NULL && ATLAS_IS_EVENT (event))
    atlas_session_select (atlas_panel_get_session (ATLAS_PANEL (self)), ATLAS_ITEM_EVENT, atlas_event_get_id (ATLAS_EVENT (event)));
}

static void
on_show_all_clicked (AtlasEventsPanel *self)
{
  atlas_session_set_selection (atlas_panel_get_session (ATLAS_PANEL (self)), NULL);
}

/* The closures and handlers of the cell templates (ui/atlas-event-*-cell.ui), found by name. */
char          *atlas_event_cell_date              (GtkListItem    *list_item,
                                                   AtlasEvent     *event);
PangoAttrList *atlas_event_cell_title_attributes  (GtkListItem    *list_item,
                                                   const char     *title);
void           atlas_event_cell_forget_attributes (GtkInscription *cell);
gboolean       atlas_event_cell_tip               (GtkWidget      *cell,
                                                   int             x,
                                                   int             y,
                                                   gboolean        keyboard,
                                                   GtkTooltip     *tooltip,
                                                   GtkListItem    *list_item);

char *
atlas_event_cell_date (GtkListItem *list_item,
                       AtlasEvent  *event)
{
  return event != NULL ? atlas_event_dup_date_label (event) : NULL;
}

/* The filter's words in bold, as in the passages. The cell is in the panel by the time it
 * shows an event, and is bound again when the filter's words change (show_events()). */
PangoAttrList *
atlas_event_cell_title_attributes (GtkListItem *list_item,
                                   const char  *title)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *panel = child != NULL ? gtk_widget_get_ancestor (child, ATLAS_TYPE_EVENTS_PANEL) : NULL;
  AtlasResults *results = panel != NULL ? atlas_panel_get_results (ATLAS_PANEL (panel)) : NULL;

  if (title == NULL || results == NULL)
    return NULL;
  return atlas_text_highlight_attributes (title, atlas_filter_get_text (atlas_results_get_filter (results)));
}

/* GTK 4.8's inscription never frees its attributes: they go with the cell. */
void
atlas_event_cell_forget_attributes (GtkInscription *cell)
{
  gtk_inscription_set_attributes (cell, NULL);
}

/* Tooltips are asked for when shown rather than bound: setting a tooltip asks the display
 * where the pointer is, a round trip to the X server for each of the hundreds of cells a
 * new list binds. The cell's name says which of the event's properties it shows. */
gboolean
atlas_event_cell_tip (GtkWidget   *cell,
                      int          x,
                      int          y,
                      gboolean     keyboard,
                      GtkTooltip  *tooltip,
                      GtkListItem *list_item)
{
  AtlasEvent *event = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;
  g_object_get (event, gtk_widget_get_name (cell), &text, NULL);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A header was clicked: the rows in the new order, read again from the result set. */
static void
on_sort_changed (AtlasEventsPanel *self)
{
  guint column = 0;
  gboolean descending = FALSE;
  gboolean sorted = atlas_column_sorter_get_primary (self->column_view, &column, &descending);

  if (sorted == self->sorted && (!sorted || ((AtlasEventSort) column == self->sort_by &&
                                             descending == self->descending)))
    return;

  self->sorted = sorted;
  self->sort_by = column;
  self->descending = descending;
  if (atlas_panel_get_session (ATLAS_PANEL (self)) == NULL)
    return;
  show_events (self, TRUE);
}

static void
add_column (AtlasEventsPanel *self,
            const char       *title,
            AtlasEventSort    column,
            gboolean          expand,
            int               fixed_width)
{
  static const char * const templates[] = {
    [ATLAS_EVENT_SORT_DATE] = "date", [ATLAS_EVENT_SORT_TITLE] = "title",
    [ATLAS_EVENT_SORT_ACTORS] = "actors", [ATLAS_EVENT_SORT_PLACE] = "place",
    [ATLAS_EVENT_SORT_KIND] = "kind",
  };
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autofree char *resource = g_strdup_printf ("/io/github/caucasusatlas/CaucasusAtlas/atlas-event-%s-cell.ui",
                                               templates[column]);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "atlas_event_cell_date", G_CALLBACK (atlas_event_cell_date),
                                           "atlas_event_cell_title_attributes", G_CALLBACK (atlas_event_cell_title_attributes),
                                           "atlas_event_cell_forget_attributes", G_CALLBACK (atlas_event_cell_forget_attributes),
                                           "atlas_event_cell_tip", G_CALLBACK (atlas_event_cell_tip),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, resource);

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  sorter = atlas_column_sorter_new (column);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
atlas_events_panel_session_changed (AtlasPanel *panel)
{
  AtlasEventsPanel *self = ATLAS_EVENTS_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (panel);

  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_pointer (&self->rows_words, g_free);
  gtk_column_view_set_model (self->column_view, NULL);

  if (session != NULL)
    {
      self->events = atlas_record_list_new (atlas_session_get_store (session), ATLAS_ITEM_EVENT);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (on_selection_changed), self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_swapped (session, "notify::selection",
                                G_CALLBACK (on_session_selection), self);
      g_signal_connect_swapped (atlas_panel_get_results (panel), "changed", G_CALLBACK (reload), self);
      self->actor_id = 0;
      on_session_selection (self);
      reload (self);
    }
}

static void
atlas_events_panel_dispose (GObject *object)
{
  AtlasEventsPanel *self = ATLAS_EVENTS_PANEL (object);

  /* The view's sorter tells when its columns go: there is nothing to sort by then. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          on_sort_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EVENTS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_pointer (&self->rows_words, g_free);

  G_OBJECT_CLASS (atlas_events_panel_parent_class)->dispose (object);
}

static void
atlas_events_panel_class_init (AtlasEventsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_events_panel_dispose;
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_events_panel_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-events-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEventsPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventsPanel, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventsPanel, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked);

  /* The cell templates name it. */
  g_type_ensure (ATLAS_TYPE_EVENT);
}

static void
atlas_events_panel_init (AtlasEventsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Date"), ATLAS_EVENT_SORT_DATE, FALSE, 165);
  add_column (self, _("Event"), ATLAS_EVENT_SORT_TITLE, TRUE, 240);
  add_column (self, _("Actors"), ATLAS_EVENT_SORT_ACTORS, FALSE, 140);
  add_column (self, _("Kind"), ATLAS_EVENT_SORT_KIND, FALSE, 100);
  add_column (self, _("Place"), ATLAS_EVENT_SORT_PLACE, FALSE, 100);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
}


/* The events shown, as AtlasEvent rows, in the order shown. */
GListModel *
atlas_events_panel_get_model (AtlasEventsPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENTS_PANEL (self), NULL);

  return G_LIST_MODEL (self->events);
}
