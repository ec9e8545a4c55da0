/* test-window.c: the real window, driven through its widgets (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "atlas-accounts-view.h"
#include "atlas-actor.h"
#include "atlas-actor-entry.h"
#include "atlas-actors-panel.h"
#include "atlas-dataset.h"
#include "atlas-error-banner.h"
#include "atlas-date.h"
#include "atlas-details-panel.h"
#include "atlas-event.h"
#include "atlas-event-sort.h"
#include "atlas-events-panel.h"
#include "atlas-export-dialog.h"
#include "atlas-features.h"
#include "atlas-map-panel.h"
#include "atlas-settings.h"
#include "atlas-status-card.h"
#include "atlas-timeline-overview.h"
#include "atlas-timeline-panel.h"
#include "atlas-query.h"
#include "atlas-memory-file.h"
#include "atlas-record-list.h"
#include "atlas-saved-views.h"
#include "atlas-test-util.h"
#include "atlas-window.h"

static AtlasApplication *app;

static gint64 deadline (guint seconds);

/* Whether a window on screen has a panel that waits for a frame to follow a change. */
static gboolean
windows_settling (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)) &&
          !atlas_window_get_settled (ATLAS_WINDOW (toplevel)))
        return TRUE;
    }
  return FALSE;
}

/* Runs what is pending, and the frames that panels wait for to follow a change. */
static void
iterate (void)
{
  gint64 until = deadline (10);

  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  while (windows_settling () && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (windows_settling ());
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* When a wait that should end at once gives up: generous, and longer still where the
 * sanitizers slow everything down (ATLAS_TIME_SCALE), as waits are not timing tests. */
static gint64
deadline (guint seconds)
{
  const char *scale = g_getenv ("ATLAS_TIME_SCALE");
  double factor = scale != NULL ? MAX (g_ascii_strtod (scale, NULL), 1.0) : 1.0;

  return g_get_monotonic_time () + (gint64) (seconds * factor * G_USEC_PER_SEC);
}

static void
wait_for_frame (GtkWidget *widget)
{
  gint64 until = deadline (10);

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* The lists get their session once the window has drawn its first frame. */
static void
wait_for_lists (AtlasWindow *window)
{
  gint64 until = deadline (10);

  while (!atlas_window_get_lists_filled (window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_window_get_lists_filled (window));
  iterate ();
}

typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

/* The first widget under @widget, itself first and then depth first, that passes @test. */
static GtkWidget *
find_first (GtkWidget     *widget,
            WidgetTest     test,
            gconstpointer  data)
{
  if (test (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_first (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return find_first (widget, is_named, name);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  return find_first (widget, has_class, css_class);
}

/* Every setting back to its default, so that no test sees what an earlier one left. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = atlas_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static AtlasWindow *
open_window (AtlasStore *store)
{
  AtlasWindow *window;

  reset_settings ();
  window = atlas_window_new (app, store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  wait_for_lists (window);
  return window;
}

static void
test_window_shows_data (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkListView *actors_view;
  GtkColumnView *events_view;
  GListModel *actors, *events;
  guint n_actor_rows = 0;

  actors_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  events_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (actors_view);
  g_assert_nonnull (events_view);

  actors = G_LIST_MODEL (gtk_list_view_get_model (actors_view));
  events = G_LIST_MODEL (gtk_column_view_get_model (events_view));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AtlasActorEntry) row = g_list_model_get_item (actors, i);

      n_actor_rows += ATLAS_IS_ACTOR (atlas_actor_entry_get_actor (row));
    }

  g_assert_cmpuint (n_actor_rows, >=, 40);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 50);

  /* The rows really are on screen: a bound row widget shows an actor's name. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (actors_view), GTK_TYPE_LABEL));

  /* The cells' tooltips are asked for when shown: an event's title shows its summary, its
   * actors their names. */
  {
    GtkWidget *title = find_named (GTK_WIDGET (events_view), "summary");
    GtkWidget *names = find_named (GTK_WIDGET (events_view), "actor-names");
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_assert_true (GTK_IS_INSCRIPTION (title));
    g_signal_emit_by_name (title, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_true (shown);
    shown = FALSE;
    g_signal_emit_by_name (names, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_true (shown);
  }

  /* The date column sorts as ISO text, a year before its months; the kind column by the
   * words shown; empty cells last. */
  {
    GListModel *columns = gtk_column_view_get_columns (events_view);
    g_autoptr(GtkColumnViewColumn) date = g_list_model_get_item (columns, 0);
    g_autoptr(GtkColumnViewColumn) kind = g_list_model_get_item (columns, 3);
    g_autoptr(GtkColumnViewColumn) place = g_list_model_get_item (columns, 4);

    gtk_column_view_sort_by_column (events_view, date, GTK_SORT_ASCENDING);
    for (guint i = 1; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(AtlasEvent) before = g_list_model_get_item (events, i - 1);
        g_autoptr(AtlasEvent) after = g_list_model_get_item (events, i);

        g_assert_cmpint (strcmp (atlas_event_get_start (before), atlas_event_get_start (after)),
                         <=, 0);
      }
    gtk_column_view_sort_by_column (events_view, kind, GTK_SORT_DESCENDING);
    for (guint i = 1; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(AtlasEvent) before = g_list_model_get_item (events, i - 1);
        g_autoptr(AtlasEvent) after = g_list_model_get_item (events, i);

        g_assert_cmpint (g_utf8_collate (atlas_event_get_kind_label (before),
                                         atlas_event_get_kind_label (after)), >=, 0);
      }

    /* Events without a place come after the others. */
    gtk_column_view_sort_by_column (events_view, place, GTK_SORT_ASCENDING);
    for (guint i = 1; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(AtlasEvent) before = g_list_model_get_item (events, i - 1);
        g_autoptr(AtlasEvent) after = g_list_model_get_item (events, i);

        g_assert_true (atlas_event_get_place_name (before) != NULL
                       || atlas_event_get_place_name (after) == NULL);
      }
    gtk_column_view_sort_by_column (events_view, NULL, GTK_SORT_ASCENDING);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The headers' sort indicators, in the order of the columns. */
static void
collect_sort_indicators (GtkWidget *widget,
                         GPtrArray *found)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "sort-indicator"))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_sort_indicators (child, found);
}

/* The indicator of the header of @column points the way the list is sorted; with @column
 * G_MAXUINT, no header shows one. (GTK 4.8's gtk_column_view_sort_by_column() leaves the
 * header sorted before as it was, where a click clears it: only the header sorted by is
 * checked then.) */
static void
assert_sort_indicator (GtkColumnView *view,
                       guint          column,
                       gboolean       descending)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();

  collect_sort_indicators (GTK_WIDGET (view), indicators);
  g_assert_cmpuint (indicators->len, ==,
                    g_list_model_get_n_items (gtk_column_view_get_columns (view)));
  for (guint i = 0; i < indicators->len; i++)
    {
      GtkWidget *indicator = g_ptr_array_index (indicators, i);

      if (column != G_MAXUINT && i != column)
        continue;
      g_assert_cmpint (gtk_widget_has_css_class (indicator, "ascending"), ==,
                       i == column && !descending);
      g_assert_cmpint (gtk_widget_has_css_class (indicator, "descending"), ==,
                       i == column && descending);
    }
}

/* The list's first and last rows are those the core puts there for @column. */
static void
assert_sorted_ends (GListModel     *rows,
                    AtlasStore     *store,
                    GArray         *ids,
                    GArray         *known,
                    AtlasEventSort  column,
                    gboolean        descending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = atlas_event_sort (store, ids, known, NULL, column, descending,
                                                         &error);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(AtlasEvent) first = NULL;
  g_autoptr(AtlasEvent) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected->len);
  first = g_list_model_get_item (rows, 0);
  last = g_list_model_get_item (rows, n - 1);
  g_assert_cmpint (atlas_event_get_id (first), ==, g_array_index (expected, gint64, 0));
  g_assert_cmpint (atlas_event_get_id (last), ==, g_array_index (expected, gint64, n - 1));
}

/* At scale, each header sorts the list as the core orders its column, both ways, and shows
 * the way in its sort indicator; the list reads the rows it shows, not all of them. So does
 * the list of an actor's events. */
/* The events of @actor under the rest of the filter, as the events list shows them. */
static GArray *
actor_event_ids (AtlasResults *results,
                 gint64        actor)
{
  AtlasItem item = { ATLAS_ITEM_ACTOR, actor };

  return atlas_results_get_item_event_ids (results, &item, NULL);
}

static void
test_window_sort_columns (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (20000);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasResults *results = atlas_session_get_results (session);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window),
                                                          GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  gint64 actor = atlas_test_key_id (store, "actors", "sort-actor-5");

  assert_sort_indicator (view, G_MAXUINT, FALSE);
  for (AtlasEventSort column = ATLAS_EVENT_SORT_DATE; column <= ATLAS_EVENT_SORT_PLACE; column++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GtkColumnViewColumn) header = g_list_model_get_item (columns, column);
        guint64 before = atlas_store_get_statement_count (store);

        gtk_column_view_sort_by_column (view, header, descending ? GTK_SORT_DESCENDING
                                                                 : GTK_SORT_ASCENDING);
        iterate ();
        assert_sorted_ends (rows, store, atlas_results_get_event_ids (results),
                            atlas_results_get_timeline (results), column, descending);
        assert_sort_indicator (view, column, descending);
        /* The sort's query, and a page or two of rows: not the 79 pages of the list. */
        g_assert_cmpuint (atlas_store_get_statement_count (store) - before, <=, 8);
      }

  /* An actor's events, sorted by the header the list was sorted by. */
  atlas_session_select (session, ATLAS_ITEM_ACTOR, actor);
  iterate ();
  assert_sorted_ends (rows, store, actor_event_ids (results, actor),
                      atlas_results_get_timeline (results), ATLAS_EVENT_SORT_PLACE, TRUE);
  assert_sort_indicator (view, ATLAS_EVENT_SORT_PLACE, TRUE);

  /* No header: the date order again, and the header sorted by shows no more. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  iterate ();
  {
    g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
    GtkWidget *place;

    collect_sort_indicators (GTK_WIDGET (view), indicators);
    place = g_ptr_array_index (indicators, ATLAS_EVENT_SORT_PLACE);
    g_assert_false (gtk_widget_has_css_class (place, "ascending"));
    g_assert_false (gtk_widget_has_css_class (place, "descending"));
  }
  {
    GArray *ids = actor_event_ids (results, actor);

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, ids->len);
    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(AtlasEvent) event = g_list_model_get_item (rows, i);

        g_assert_cmpint (atlas_event_get_id (event), ==, g_array_index (ids, gint64, i));
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static guint
find_actor_row (GListModel *model,
                const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtlasActorEntry) row = g_list_model_get_item (model, i);
      AtlasActor *actor = atlas_actor_entry_get_actor (row);

      if (actor != NULL && g_str_equal (atlas_actor_get_key (actor), key))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
test_window_select_actor_then_event (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  GtkListView *actors_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GtkColumnView *events_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window),
                                                                 GTK_TYPE_COLUMN_VIEW));
  AtlasDetailsPanel *details = ATLAS_DETAILS_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_DETAILS_PANEL));
  GtkSelectionModel *actor_rows = gtk_list_view_get_model (actors_view);
  GtkSelectionModel *event_rows = gtk_column_view_get_model (events_view);
  guint all_events = g_list_model_get_n_items (G_LIST_MODEL (event_rows));
  guint row;
  gint64 aliyev;

  /* Selecting an actor's row selects it in the session. */
  row = find_actor_row (G_LIST_MODEL (actor_rows), "ilham-aliyev");
  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (actor_rows, row, TRUE);
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  aliyev = atlas_session_get_selection (session)->id;

  /* The events list shows only his events, and the details his passages. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_rows)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_rows)), <, all_events);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (event_rows)); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (event_rows), i);
      g_autoptr(GArray) actors = atlas_query_event_actors (store, atlas_event_get_id (event), NULL);
      gboolean found = FALSE;

      for (guint j = 0; j < actors->len; j++)
        found |= g_array_index (actors, gint64, j) == aliyev;
      g_assert_true (found);
    }
  g_assert_cmpuint (atlas_details_panel_get_n_excerpts (details), >, 0);

  /* Selecting one of those events selects it, and shows its excerpts; his list stays. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (event_rows));
    g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (event_rows), 0);
    g_autoptr(GArray) excerpts = NULL;
    AtlasItem item = { ATLAS_ITEM_EVENT, atlas_event_get_id (event) };

    gtk_selection_model_select_item (event_rows, 0, TRUE);
    iterate ();
    g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_EVENT);
    g_assert_cmpint (atlas_session_get_selection (session)->id, ==, atlas_event_get_id (event));
    excerpts = atlas_query_excerpts_for_item (store, &item, NULL);
    g_assert_cmpuint (excerpts->len, >, 0);
    g_assert_cmpuint (atlas_details_panel_get_n_excerpts (details), ==, excerpts->len);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_rows)), ==, n);
  }

  /* A passage's copy button puts the quotation and its source on the clipboard. */
  {
    GtkWidget *quote = find_with_class (GTK_WIDGET (details), "atlas-excerpt");
    GtkWidget *copy;
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_nonnull (quote);
    copy = find_descendant (quote, GTK_TYPE_BUTTON);
    g_assert_nonnull (copy);
    g_signal_emit_by_name (copy, "clicked");
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (copy));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_nonnull (strstr (g_value_get_string (&value), "”"));
    g_assert_nonnull (strstr (g_value_get_string (&value), "¶"));
  }

  /* Back goes to the actor again, forward to the event. */
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "back")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, aliyev);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_EVENT);

  /* Sorting by a column keeps the selected event selected. */
  {
    GListModel *columns = gtk_column_view_get_columns (events_view);
    g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 1);
    guint selected;

    gtk_column_view_sort_by_column (events_view, title, GTK_SORT_ASCENDING);
    iterate ();
    selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (event_rows));
    g_assert_cmpuint (selected, !=, GTK_INVALID_LIST_POSITION);
    {
      g_autoptr(AtlasEvent) shown = g_list_model_get_item (G_LIST_MODEL (event_rows), selected);

      g_assert_cmpint (atlas_event_get_id (shown), ==, atlas_session_get_selection (session)->id);
    }
    gtk_column_view_sort_by_column (events_view, NULL, GTK_SORT_ASCENDING);
  }

  /* Escape clears the selection and every event is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "session.clear-selection", NULL);
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_rows)), ==, all_events);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Which of the window's panels holds the keyboard focus, as its type. */
static GType
focused_panel (AtlasWindow *window)
{
  GType panels[] = {
    ATLAS_TYPE_ACTORS_PANEL, ATLAS_TYPE_MAP_PANEL, ATLAS_TYPE_TIMELINE_PANEL,
    ATLAS_TYPE_EVENTS_PANEL, ATLAS_TYPE_DETAILS_PANEL,
  };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (panels); i++)
    if (gtk_widget_is_ancestor (focus, find_descendant (GTK_WIDGET (window), panels[i])))
      return panels[i];
  return G_TYPE_INVALID;
}

/* F6 walks the panels in reading order and Shift+F6 back; Ctrl+F lands in the words filter. */
static void
test_window_keyboard_panels (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkWidget *focus;

  gtk_widget_child_focus (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_ACTORS_PANEL),
                          GTK_DIR_TAB_FORWARD);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_ACTORS_PANEL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-panel", NULL);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_MAP_PANEL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-panel", NULL);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_TIMELINE_PANEL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-panel", NULL);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_EVENTS_PANEL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-panel", NULL);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_TIMELINE_PANEL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-panel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-panel", NULL);
  g_assert_true (focused_panel (window) == ATLAS_TYPE_ACTORS_PANEL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, find_descendant (GTK_WIDGET (window),
                                                                 ATLAS_TYPE_TIMELINE_PANEL)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
on_texture_read (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

/* The image on @widget's clipboard, once it can be read. */
static GdkTexture *
read_clipboard_texture (GtkWidget *widget)
{
  gint64 until = deadline (10);
  GdkTexture *texture = NULL;

  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), NULL, on_texture_read, &texture);
  while (texture == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
    }
  return texture;
}

/* The window's export is the map as on screen: its size in pixels, Armenia where it is. */
static void
test_window_export_map (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GtkWidget *map = find_descendant (GTK_WIDGET (panel), SHUMATE_TYPE_MAP);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  GdkTexture *copied = NULL;
  cairo_surface_t *image;

  g_assert_true (atlas_map_panel_export (panel, path, ATLAS_EXPORT_PNG, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==,
                   gtk_widget_get_width (map) * gtk_widget_get_scale_factor (map));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==,
                   gtk_widget_get_height (map) * gtk_widget_get_scale_factor (map));
  cairo_surface_destroy (image);

  /* Copy as image: the clipboard holds a texture of the same size. */
  g_assert_true (atlas_map_panel_copy (panel, &error));
  g_assert_no_error (error);
  copied = read_clipboard_texture (GTK_WIDGET (panel));
  g_assert_cmpint (gdk_texture_get_width (copied), ==,
                   gtk_widget_get_width (map) * gtk_widget_get_scale_factor (map));
  g_clear_object (&copied);

  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static AtlasExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ATLAS_IS_EXPORT_DIALOG (toplevel))
        return ATLAS_EXPORT_DIALOG (toplevel);
    }
  return NULL;
}

static const char *
named_label_text (GtkWidget  *root,
                  const char *name)
{
  GtkWidget *label = find_named (root, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* How much of the preview is painted over its ground, from 0 to 1. */
static double
preview_coverage (GtkWidget *preview)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (preview);
  int width = gtk_widget_get_width (preview), height = gtk_widget_get_height (preview);
  gint64 until = deadline (10);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint painted = 0;

  /* The widget's picture is there once a frame has drawn it: let the frames run. */
  gtk_widget_queue_draw (preview);
  for (gint64 settled = g_get_monotonic_time () + G_USEC_PER_SEC / 3; g_get_monotonic_time () < settled;)
    g_main_context_iteration (NULL, FALSE);
  while (node == NULL)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (preview)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* The ground is one tint; the export has the map's colours and white. */
  for (int i = 0; i < width * height; i++)
    {
      const guchar *pixel = pixels + 4 * i;

      if (abs (pixel[0] - pixels[0]) + abs (pixel[1] - pixels[1]) + abs (pixel[2] - pixels[2]) > 12)
        painted++;
    }
  return painted / (double) (width * height);
}

/* Ctrl+E opens the export dialog on the map as on screen; its choices change the preview
 * and the size it says, and it writes what they say. */
static void
test_window_export_dialog (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkWidget *map = find_descendant (GTK_WIDGET (window), SHUMATE_TYPE_MAP);
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *stem = g_build_filename (dir, "sheet", NULL);
  g_autofree char *png = g_build_filename (dir, "sheet.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere", "sheet.png", NULL);
  g_autoptr(GFile) stem_file = g_file_new_for_path (stem);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportDialog *dialog;
  GtkSpinButton *width_spin, *height_spin;
  GtkWidget *preview, *timeline;
  GdkTexture *copied = NULL;
  cairo_surface_t *image;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  wait_for_frame (GTK_WIDGET (dialog));
  preview = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);
  g_assert_cmpfloat (preview_coverage (preview), >, 0.2);

  /* The map as on screen, at its pixels. */
  expected = g_strdup_printf ("%d × %d pixels", gtk_widget_get_width (map) * gtk_widget_get_scale_factor (map),
                              gtk_widget_get_height (map) * gtk_widget_get_scale_factor (map));
  g_assert_cmpstr (named_label_text (GTK_WIDGET (dialog), "export-size"), ==, expected);

  /* A sheet of a size of one's own. */
  atlas_export_dialog_choose (dialog, ATLAS_EXPORT_SHEET, ATLAS_EXPORT_SIZE_CUSTOM, ATLAS_EXPORT_PNG);
  width_spin = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  height_spin = GTK_SPIN_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (width_spin))));
  gtk_spin_button_set_value (width_spin, 1200);
  gtk_spin_button_set_value (height_spin, 900);
  iterate ();
  g_assert_cmpstr (named_label_text (GTK_WIDGET (dialog), "export-size"), ==, "1200 × 900 pixels");
  g_assert_cmpfloat (preview_coverage (preview), >, 0.2);

  /* Without an extension the chosen format's is added; with one, it wins. */
  g_assert_true (atlas_export_dialog_save_to (dialog, stem_file, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  cairo_surface_destroy (image);
  g_assert_true (atlas_export_dialog_save_to (dialog, pdf_file, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* A missing folder is said, and nothing is written. */
  g_assert_false (atlas_export_dialog_save_to (dialog, nowhere_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A file with no path, as a remote folder gives one, is written all the same, and named
   * as a local one would be; one that cannot be written is said under the choices. */
  {
    g_autoptr(GFile) remote = atlas_memory_file_new ("sheet");
    g_autoptr(GFile) remote_png = atlas_memory_file_new ("sheet.png");
    g_autoptr(GFile) unwritable = g_file_new_for_uri ("atlas-nowhere:///sheet.png");
    g_autoptr(GBytes) written = NULL;

    g_assert_true (atlas_export_dialog_save_to (dialog, remote, &error));
    g_assert_no_error (error);
    written = atlas_memory_file_contents (remote_png);
    g_assert_nonnull (written);
    g_assert_cmpmem (g_bytes_get_data (written, NULL), 4, "\x89PNG", 4);
    g_assert_false (atlas_export_dialog_save_chosen (dialog, unwritable));
    g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (dialog), "export-message")));
    g_assert_nonnull (strstr (named_label_text (GTK_WIDGET (dialog), "export-message"),
                              "atlas-nowhere:///sheet.png"));
  }

  /* Paper, on its side by default, at 300 dpi. */
  atlas_export_dialog_choose (dialog, ATLAS_EXPORT_SHEET, ATLAS_EXPORT_SIZE_A4, ATLAS_EXPORT_PNG);
  g_assert_cmpstr (named_label_text (GTK_WIDGET (dialog), "export-size"), ==,
                   "A4 landscape · 3508 × 2480 pixels");

  /* Too small for a sheet: the dialog says so and will not export. */
  atlas_export_dialog_choose (dialog, ATLAS_EXPORT_SHEET, ATLAS_EXPORT_SIZE_CUSTOM, ATLAS_EXPORT_PNG);
  gtk_spin_button_set_value (width_spin, 300);
  gtk_spin_button_set_value (height_spin, 200);
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (dialog), "export-message")));
  g_assert_nonnull (strstr (named_label_text (GTK_WIDGET (dialog), "export-message"), "300 × 200"));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "export-save")));

  /* The timeline as wide as on screen. */
  atlas_export_dialog_choose (dialog, ATLAS_EXPORT_TIMELINE, ATLAS_EXPORT_SIZE_ON_SCREEN, ATLAS_EXPORT_PNG);
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (dialog), "export-message")));
  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "export-save")));
  g_assert_cmpfloat (preview_coverage (preview), >, 0.05);

  /* Copy puts it on the clipboard, as wide as the timeline on screen, and closes. */
  timeline = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.copy", NULL));
  copied = read_clipboard_texture (GTK_WIDGET (window));
  g_assert_cmpint (gdk_texture_get_width (copied), ==, gtk_widget_get_width (timeline));
  g_clear_object (&copied);
  g_assert_null (find_export_dialog ());

  g_remove (png);
  g_remove (pdf);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The window opens as it was left: size, panes, map view, "as of" day and whether the events
 * follow it, and lanes; and what changes is kept for the next time. */
static void
test_window_settings (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *date = NULL;
  AtlasWindow *window;
  AtlasSession *session;
  AtlasTimeline *timeline;
  GtkPaned *outer;
  double latitude, longitude, zoom;
  int width, height;

  reset_settings ();
  settings = atlas_settings_new ();
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "actors-width", 310);
  g_settings_set_double (settings, "map-latitude", 39.5);
  g_settings_set_double (settings, "map-longitude", 46.0);
  g_settings_set_double (settings, "map-zoom", 8.0);
  g_settings_set_string (settings, "date", "2024-05-01");
  g_settings_set_boolean (settings, "events-as-of", TRUE);
  g_settings_set_enum (settings, "timeline-lanes", ATLAS_TIMELINE_LANES_BY_ACTOR);

  window = atlas_window_new (app, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  session = atlas_window_get_session (window);
  timeline = ATLAS_TIMELINE (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE));
  outer = GTK_PANED (gtk_widget_get_parent (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_ACTORS_PANEL)));

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (gtk_paned_get_position (outer), ==, 310);
  atlas_session_get_map_view (session, &latitude, &longitude, &zoom);
  g_assert_cmpfloat_with_epsilon (latitude, 39.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (longitude, 46.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (zoom, 8.0, 1e-6);
  g_assert_cmpstr (atlas_session_get_date (session), ==, "2024-05-01");
  g_assert_true (atlas_session_get_events_as_of (session));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_named (GTK_WIDGET (window), "events-as-of"))));
  g_assert_cmpstr (atlas_filter_get_begun_by (atlas_results_get_filter (atlas_session_get_results (session))),
                   ==, "2024-05-01");
  g_assert_cmpint (atlas_timeline_get_lane_mode (timeline), ==, ATLAS_TIMELINE_LANES_BY_ACTOR);

  /* Changes are kept. */
  atlas_session_set_date (session, NULL);
  atlas_session_set_map_view (session, 40.0, 44.5, 7.0);
  gtk_paned_set_position (outer, 280);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (window), "events-as-of")), FALSE);
  iterate ();
  date = g_settings_get_string (settings, "date");
  g_assert_cmpstr (date, ==, "");
  g_assert_false (g_settings_get_boolean (settings, "events-as-of"));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "map-latitude"), 40.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "map-zoom"), 7.0, 1e-6);
  g_assert_cmpint (g_settings_get_int (settings, "actors-width"), ==, 280);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A narrow window shows one panel at a time, chosen by a switcher; a wide one, all of them
 * side by side. The panels keep their state across. */
static void
test_window_narrow (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkWidget *actors = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_ACTORS_PANEL);
  GtkWidget *narrow_stack = find_named (GTK_WIDGET (window), "narrow-stack");
  AtlasSession *session = atlas_window_get_session (window);
  AtlasItem armenia = { ATLAS_ITEM_ACTOR, 0 };
  gint64 until;

  g_assert_true (GTK_IS_PANED (gtk_widget_get_parent (actors)));
  g_assert_true (atlas_query_resolve_actor (store, "Armenia", &armenia.id, NULL));
  atlas_session_set_selection (session, &armenia);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  until = deadline (10);
  while (!gtk_widget_is_ancestor (actors, narrow_stack) || gtk_widget_get_width (GTK_WIDGET (window)) > 400)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
    }
  iterate ();
  g_assert_true (gtk_widget_get_mapped (narrow_stack));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, armenia.id);

  /* Every panel fits the width. */
  gtk_stack_set_visible_child_name (GTK_STACK (narrow_stack), "events");
  iterate ();
  {
    int minimum;

    gtk_widget_measure (narrow_stack, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  until = deadline (10);
  while (!GTK_IS_PANED (gtk_widget_get_parent (actors)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, armenia.id);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Under a German locale with the German catalogue, the window speaks German and its
 * dates are German dates. */
static void
test_window_german (void)
{
  char *saved = atlas_test_enter_german ();
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *date = NULL;
  AtlasWindow *window;
  GtkWidget *clear;

  if (saved == NULL)
    return;

  store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  window = open_window (store);
  clear = find_named (GTK_WIDGET (window), "clear-filters");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (clear)), !=, "_Clear Filters");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (clear)), ==, gettext ("_Clear Filters"));
  date = atlas_date_format ("2025-03-08");
  g_assert_cmpstr (date, ==, "8. März 2025");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  atlas_test_leave_german (saved);
}

/* The text a button shows, from its label or a label inside it. */
static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* Buttons that show only an icon, without a tooltip to name them. */
static void
collect_unnamed_buttons (GtkWidget *widget,
                         GString   *unnamed)
{
  gboolean button = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);

  if (button && gtk_widget_get_visible (widget) && !has_visible_text (widget) &&
      gtk_widget_get_tooltip_text (widget) == NULL)
    g_string_append_printf (unnamed, "%s in %s; ", G_OBJECT_TYPE_NAME (widget),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
  /* The buttons inside a button, a spin button or the window's controls are GTK's own, and
   * named by it. */
  if (button || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed_buttons (child, unnamed);
}

/* Every button that shows only an icon says what it does when pointed at. */
static void
test_window_buttons_named (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  AtlasExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  wait_for_frame (GTK_WIDGET (dialog));

  collect_unnamed_buttons (GTK_WIDGET (window), unnamed);
  collect_unnamed_buttons (GTK_WIDGET (dialog), unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_window_search_actors (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (window),
                                                             GTK_TYPE_SEARCH_ENTRY));
  GtkListView *actors_view = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (actors_view));
  gint64 until;

  /* Typed in Russian, found. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Алиев");
  until = deadline (10);
  while (find_actor_row (rows, "ilham-aliyev") == GTK_INVALID_LIST_POSITION ||
         g_list_model_get_n_items (rows) > 4)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (find_actor_row (rows, "ilham-aliyev"), !=, GTK_INVALID_LIST_POSITION);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_window_error (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  AtlasWindow *window;
  GtkStack *stack;
  GList *toplevels;
  gboolean dialog = FALSE;

  atlas_test_write_file (path, "not a database", -1);
  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_null (store);

  window = atlas_window_new (app, NULL, error);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  stack = GTK_STACK (find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_null (atlas_window_get_session (window));

  /* A dialog says what went wrong, with the file's name. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data))
      {
        g_autofree char *secondary = NULL;

        g_object_get (l->data, "secondary-text", &secondary, NULL);
        dialog = strstr (secondary, path) != NULL;
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);
  g_assert_true (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_remove (path);
  g_rmdir (dir);
}

/* Clicks the map where @point is, through the map's own click gesture. */
static void
click_map (AtlasMapPanel *panel,
           AtlasPoint     point)
{
  AtlasFeatureLayer *layer = atlas_map_panel_get_feature_layer (panel);
  GtkWidget *map = GTK_WIDGET (layer);
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *gesture = NULL;
  AtlasView view;
  double x, y, mx, my;

  atlas_feature_layer_get_view (layer, &view);
  x = point.x * atlas_geo_world_size (view.zoom) - view.x;
  y = point.y * atlas_geo_world_size (view.zoom) - view.y;

  while (map != NULL && !SHUMATE_IS_MAP (map))
    map = gtk_widget_get_parent (map);
  g_assert_nonnull (map);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (layer), map, x, y, &mx, &my));

  controllers = gtk_widget_observe_controllers (map);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "atlas-map-click") == 0)
        gesture = GTK_GESTURE (controller);
    }
  g_assert_nonnull (gesture);

  g_signal_emit_by_name (gesture, "pressed", 1, mx, my);
  g_signal_emit_by_name (gesture, "released", 1, mx, my);
  iterate ();
}

static void
test_window_map_clicks (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  g_autoptr(AtlasFeatures) features = atlas_features_load (store, NULL);
  const AtlasPoint *points = atlas_features_get_points (features);
  const AtlasCorridorShape *tripp = NULL;
  sqlite3_stmt *stmt;
  gint64 yerevan;

  g_assert_nonnull (panel);
  g_assert_nonnull (atlas_map_panel_get_feature_layer (panel));

  /* The map starts on the region. */
  {
    AtlasView view;
    AtlasPoint centre;

    atlas_feature_layer_get_view (atlas_map_panel_get_feature_layer (panel), &view);
    atlas_geo_unproject ((AtlasPoint) { (view.x + view.width / 2) / atlas_geo_world_size (view.zoom),
                                        (view.y + view.height / 2) / atlas_geo_world_size (view.zoom) },
                         &centre.y, &centre.x);
    g_assert_cmpfloat (centre.y, >, 38);
    g_assert_cmpfloat (centre.y, <, 44);
    g_assert_cmpfloat (centre.x, >, 40);
    g_assert_cmpfloat (centre.x, <, 51);
    g_assert_cmpfloat (view.width, >, 200);
  }

  /* Zoomed in on Yerevan, a click on it selects it. */
  stmt = atlas_store_prepare (store, "SELECT id FROM places WHERE key = 'yerevan'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  yerevan = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  atlas_session_set_map_view (session, 40.18, 44.51, 9);
  iterate ();
  click_map (panel, atlas_geo_project (40.1777, 44.5126));
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_PLACE);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, yerevan);

  /* A click on TRIPP's line selects the corridor. */
  for (guint i = 0; i < atlas_features_get_n_corridors (features); i++)
    if (g_str_has_prefix (atlas_features_get_corridor (features, i)->name, "TRIPP"))
      tripp = atlas_features_get_corridor (features, i);
  g_assert_nonnull (tripp);
  {
    AtlasPoint a = points[tripp->first_point + tripp->n_points / 2];
    AtlasPoint b = points[tripp->first_point + tripp->n_points / 2 + 1];
    AtlasPoint middle = { (a.x + b.x) / 2, (a.y + b.y) / 2 };
    double lat, lon;

    atlas_geo_unproject (middle, &lat, &lon);
    atlas_session_set_map_view (session, lat, lon, 11);
    iterate ();
    click_map (panel, middle);
    g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_CORRIDOR);
    g_assert_cmpint (atlas_session_get_selection (session)->id, ==, tripp->id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* A shown label below @widget whose text holds @text, or %NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return GTK_LABEL (find_first (widget, shows_text, text));
}

/* The status cards below @widget, and how many of them say they hold on the date. */
static guint
count_status_cards (GtkWidget *widget,
                    guint     *deciding)
{
  guint n = 0;

  if (ATLAS_IS_STATUS_CARD (widget))
    {
      *deciding += find_label (widget, "as of the date") != NULL;
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_status_cards (child, deciding);
  return n;
}

/* Set back to 2021, the map draws the corridors as they were then (BTC working, nothing known
 * of TRIPP: both drawn) and the peacekeeping zone; a corridor's details say what it was, from
 * when, and mark the row of its history that holds; an actor's details list the relations
 * that held then. */
static void
test_window_as_of (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GtkWidget *details = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_DETAILS_PANEL);
  gint64 btc = atlas_test_key_id (store, "corridors", "btc-pipeline");
  AtlasLegendFlags drawn;
  guint deciding = 0;

  atlas_session_set_map_view (session, 41.0, 44.0, 6);
  atlas_session_set_date (session, "2021-06-01");
  wait_ms (1500);
  drawn = atlas_feature_layer_get_drawn (atlas_map_panel_get_feature_layer (panel));
  g_assert_true (drawn & ATLAS_LEGEND_OPERATIONAL);
  g_assert_true (drawn & ATLAS_LEGEND_STATUS_NOT_KNOWN);
  g_assert_true (drawn & ATLAS_LEGEND_OIL_PIPELINE);
  g_assert_true (drawn & ATLAS_LEGEND_PEACEKEEPING);

  atlas_session_select (session, ATLAS_ITEM_CORRIDOR, btc);
  iterate ();
  g_assert_nonnull (find_label (details, "Operational since 13 July 2006"));
  /* The opening (a change, from a reference page) and Blank's report of 2025, one history. */
  g_assert_cmpuint (count_status_cards (details, &deciding), ==, 2);
  g_assert_cmpuint (deciding, ==, 1);
  g_assert_nonnull (find_label (details, "Reference, not from the documents: "));

  /* Before the opening nothing is known, and the details follow the date. */
  atlas_session_set_date (session, "2006-07-01");
  iterate ();
  g_assert_nonnull (find_label (details, "Status not known on this date"));
  deciding = 0;
  g_assert_cmpuint (count_status_cards (details, &deciding), ==, 2);
  g_assert_cmpuint (deciding, ==, 0);

  /* Relations too: Iran's alliance with Assad ended with his fall, and the US mediation
   * between Armenia and Azerbaijan began in 2025. */
  atlas_session_set_date (session, "2021-06-01");
  atlas_session_select (session, ATLAS_ITEM_ACTOR, atlas_test_key_id (store, "actors", "iran"));
  iterate ();
  g_assert_nonnull (find_label (details, "Alliance · Bashar al-Assad · 2000 – December 2024"));
  atlas_session_set_date (session, "2025-12-01");
  iterate ();
  g_assert_null (find_label (details, "Bashar al-Assad"));
  g_assert_nonnull (find_label (details, "Partnership · Azerbaijan · April 2025"));

  atlas_session_select (session, ATLAS_ITEM_ACTOR, atlas_test_key_id (store, "actors", "armenia"));
  iterate ();
  g_assert_nonnull (find_label (details, "Mediation · Donald Trump"));
  atlas_session_set_date (session, "2021-06-01");
  iterate ();
  g_assert_null (find_label (details, "Donald Trump"));
  g_assert_nonnull (find_label (details, "Conflict · Azerbaijan"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The events the map's glyphs count, wherever they are. */
static guint
glyph_events (AtlasMapPanel *panel)
{
  GArray *glyphs = atlas_feature_layer_get_events (atlas_map_panel_get_feature_layer (panel));
  guint n = 0;

  for (guint i = 0; glyphs != NULL && i < glyphs->len; i++)
    n += g_array_index (glyphs, AtlasEventGlyph, i).count;
  return n;
}

/* The status on @day of the corridor @key as the map draws it. */
static AtlasStatus
drawn_status (AtlasMapPanel *panel,
              AtlasStore    *store,
              const char    *key,
              const char    *day)
{
  AtlasFeatures *features = atlas_map_panel_get_features (panel);
  gint64 id = atlas_test_key_id (store, "corridors", key);

  for (guint i = 0; i < atlas_features_get_n_corridors (features); i++)
    if (atlas_features_get_corridor (features, i)->id == id)
      return atlas_corridor_status_at (atlas_features_get_corridor (features, i), day);
  g_assert_not_reached ();
}

/* The cursor moved to 2021 and the switch in the timeline's bar on: BTC drawn operational,
 * TRIPP not known, the peacekeeping zone shown, and of the events only those begun by
 * then, on the map (no glyph of 2025), in the list and in the counts, which follow the
 * date as it moves. The selected actor's events are outlined on the timeline. */
static void
test_window_events_as_of (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  AtlasTimelinePanel *timeline_panel = ATLAS_TIMELINE_PANEL (find_descendant (GTK_WIDGET (window),
                                                                              ATLAS_TYPE_TIMELINE_PANEL));
  AtlasTimeline *timeline = atlas_timeline_panel_get_timeline (timeline_panel);
  GtkWidget *events_switch = find_named (GTK_WIDGET (window), "events-as-of");
  GtkWidget *events_panel = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_EVENTS_PANEL);
  AtlasResults *results = atlas_session_get_results (session);
  gint64 azerbaijan = atlas_test_key_id (store, "actors", "azerbaijan");
  guint every_glyph, begun, azerbaijan_begun;
  AtlasLegendFlags drawn;
  g_autofree char *count = NULL;

  g_assert_true (GTK_IS_SWITCH (events_switch));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (events_switch)));
  atlas_session_set_map_view (session, 41.0, 45.5, 6);
  g_signal_emit_by_name (timeline, "cursor-moved", atlas_date_to_number ("2021-06-01"));
  wait_ms (800);
  g_assert_cmpstr (atlas_session_get_date (session), ==, "2021-06-01");
  /* Off, the map has every event's glyph, those of 2025 too, whatever the date. */
  every_glyph = glyph_events (panel);
  g_assert_cmpuint (every_glyph, ==, atlas_test_query_int (store, "SELECT count (*) FROM events e"
                                                                  " JOIN places p ON p.id = e.place_id"));
  g_assert_cmpuint (atlas_test_query_int (store, "SELECT count (*) FROM events WHERE place_id IS NOT NULL"
                                                 " AND first_day >= '2025-01-01'"), >, 0);

  gtk_switch_set_active (GTK_SWITCH (events_switch), TRUE);
  wait_ms (1500);
  g_assert_true (atlas_session_get_events_as_of (session));

  /* The corridors and zones as they were then. */
  g_assert_cmpint (drawn_status (panel, store, "btc-pipeline", "2021-06-01"), ==, ATLAS_STATUS_OPERATIONAL);
  g_assert_cmpint (drawn_status (panel, store, "tripp", "2021-06-01"), ==, ATLAS_STATUS_NOT_KNOWN);
  drawn = atlas_feature_layer_get_drawn (atlas_map_panel_get_feature_layer (panel));
  g_assert_true (drawn & ATLAS_LEGEND_OPERATIONAL);
  g_assert_true (drawn & ATLAS_LEGEND_STATUS_NOT_KNOWN);
  g_assert_true (drawn & ATLAS_LEGEND_PEACEKEEPING);

  /* The events begun by then alone: no glyph of 2025, nor any later than the date. */
  begun = atlas_test_query_int (store, "SELECT count (*) FROM events e JOIN places p ON p.id = e.place_id"
                                       " WHERE e.first_day <= '2021-06-01'");
  g_assert_cmpuint (glyph_events (panel), ==, begun);
  g_assert_cmpuint (glyph_events (panel), <, every_glyph);
  for (guint i = 0; i < atlas_results_get_event_places (results)->len; i++)
    g_assert_cmpint (g_array_index (atlas_results_get_event_places (results), AtlasEventPlace, i).first_day,
                     <=, atlas_date_to_number ("2021-06-01"));
  g_assert_true (drawn & ATLAS_LEGEND_EVENTS_EARLIER);
  g_assert_false (drawn & ATLAS_LEGEND_EVENTS);

  /* The list, its heading, the count in the bar and the actors' counts agree. */
  begun = atlas_test_query_int (store, "SELECT count (*) FROM events WHERE first_day <= '2021-06-01'");
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, begun);
  count = g_strdup_printf ("%u events", begun);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "event-count"))), ==, count);
  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("Begun by 1 June 2021 · %u events", begun);
  g_assert_nonnull (find_label (events_panel, count));
  azerbaijan_begun = atlas_test_query_int (store, "SELECT count (DISTINCT ea.event_id) FROM event_actors ea"
                                                  " JOIN actors a ON a.id = ea.actor_id JOIN events e ON e.id = ea.event_id"
                                                  " WHERE (a.key = 'azerbaijan' OR a.affiliation_id ="
                                                  " (SELECT id FROM actors WHERE key = 'azerbaijan'))"
                                                  " AND e.first_day <= '2021-06-01'");
  g_assert_cmpuint (atlas_results_get_actor_count (results, azerbaijan), ==, azerbaijan_begun);

  /* The date moves on, and the events follow: played forward, the map fills up. */
  g_signal_emit_by_name (timeline, "cursor-moved", atlas_date_to_number ("2025-09-01"));
  wait_ms (1500);
  g_assert_cmpuint (glyph_events (panel), ==,
                    atlas_test_query_int (store, "SELECT count (*) FROM events e JOIN places p ON p.id = e.place_id"
                                                 " WHERE e.first_day <= '2025-09-01'"));
  g_assert_cmpuint (glyph_events (panel), >, begun);

  /* The selected actor's events are outlined on the timeline, in any lanes. */
  atlas_session_select (session, ATLAS_ITEM_ACTOR, azerbaijan);
  wait_ms (500);
  {
    const AtlasTimelineScene *scene = atlas_timeline_get_scene (timeline);
    GHashTable *expected = atlas_results_get_item_events (results, atlas_session_get_selection (session), NULL);
    guint marked = 0;

    g_assert_nonnull (scene->marked);
    for (guint i = 0; i < scene->marked->len; i++)
      marked += g_array_index (scene->marked, guint8, i);
    g_assert_cmpuint (marked, ==, g_hash_table_size (expected));
    g_assert_cmpuint (marked, >, 0);
    atlas_timeline_panel_set_lanes (timeline_panel, "actor");
    iterate ();
    g_assert_nonnull (atlas_timeline_get_scene (timeline)->marked);
  }

  /* Off again, every event. */
  gtk_switch_set_active (GTK_SWITCH (events_switch), FALSE);
  wait_ms (1500);
  g_assert_cmpuint (glyph_events (panel), ==, every_glyph);
  g_assert_cmpuint (atlas_results_get_n_events (results), ==, atlas_test_query_int (store, "SELECT count (*) FROM events"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The Sharm el-Sheikh summit: 13 October in one document, 12 in another. Its details mark it
 * disputed and show both accounts side by side, each with only its own passage; the events
 * list marks it, and "Only disputed events" keeps the disputed events alone, as a chip. */
static void
test_window_disputed (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  GtkWidget *details = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_DETAILS_PANEL);
  GtkWidget *events = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_EVENTS_PANEL);
  GtkWidget *timeline = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_TIMELINE_PANEL);
  gint64 summit = atlas_test_key_id (store, "events", "sharm-el-sheikh-summit-2025-10");
  AtlasAccountsView *accounts;
  GtkWidget *mark, *first, *second, *check = NULL;
  guint disputed = atlas_test_query_int (store, "SELECT count(DISTINCT event_id) FROM event_accounts");

  atlas_session_select (session, ATLAS_ITEM_EVENT, summit);
  iterate ();
  accounts = ATLAS_ACCOUNTS_VIEW (find_descendant (details, ATLAS_TYPE_ACCOUNTS_VIEW));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (accounts)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (accounts)));
  g_assert_cmpuint (atlas_accounts_view_get_n_accounts (accounts), ==, 2);
  mark = find_named (GTK_WIDGET (accounts), "disputed-mark");
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, "Disputed");

  /* Side by side: the earlier day first, each card with its source, its day and its own
   * passage only. */
  first = find_descendant (GTK_WIDGET (accounts), ATLAS_TYPE_ACCOUNT_CARD);
  second = gtk_widget_get_next_sibling (first);
  g_assert_true (ATLAS_IS_ACCOUNT_CARD (second));
  g_assert_nonnull (find_label (first, "Vasif Huseynov: 12 October 2025"));
  g_assert_nonnull (find_label (first, "the Middle East Summit in Egypt on October 12"));
  g_assert_nonnull (find_label (first, "Post-conflict Azerbaijan transforms into a confident regional power"));
  g_assert_null (find_label (first, "October 13"));
  g_assert_nonnull (find_label (second, ": 13 October 2025"));
  g_assert_nonnull (find_label (second, "Aliyev’s participation in the October 13 Sharm-el-Sheikh summit"));
  g_assert_nonnull (find_label (second, "Azerbaijan and Caucasus-Middle East reconnection"));
  g_assert_null (find_label (second, "October 12"));
  {
    graphene_rect_t a, b;

    g_assert_true (gtk_widget_compute_bounds (first, details, &a));
    g_assert_true (gtk_widget_compute_bounds (second, details, &b));
    g_assert_cmpfloat (fabs (a.origin.y - b.origin.y), <, 1);
    g_assert_cmpfloat (a.origin.x + a.size.width, <=, b.origin.x);
  }

  /* An event the documents agree on has neither the mark nor accounts. */
  atlas_session_select (session, ATLAS_ITEM_EVENT,
                        atlas_test_key_id (store, "events", "cooper-hasanov-meeting-2025-10-18"));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (accounts)));

  /* The filter's check in the kinds' popover: the disputed events alone, a chip that says so,
   * and in the list each row marked. */
  for (GtkWidget *child = find_descendant (timeline, GTK_TYPE_CHECK_BUTTON); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) &&
        g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), "Only disputed events") == 0)
      check = child;
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate ();
  while (atlas_results_get_busy (atlas_session_get_results (session)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_true (atlas_filter_get_disputed (atlas_session_get_filter (session)));
  g_assert_cmpuint (atlas_results_get_n_events (atlas_session_get_results (session)), ==, disputed);
  g_assert_cmpuint (disputed, >=, 4);
  g_assert_nonnull (find_label (timeline, "Disputed"));
  g_assert_nonnull (find_label (events, "Disputed"));

  /* Saved with a view, and one click on its chip takes it away. */
  g_assert_true (atlas_saved_views_save (session, "Disputed", NULL, NULL));
  atlas_session_set_filter (session, NULL);
  g_assert_true (atlas_saved_views_open (session, "Disputed", NULL, NULL));
  g_assert_true (atlas_filter_get_disputed (atlas_session_get_filter (session)));
  iterate ();
  g_signal_emit_by_name (gtk_widget_get_ancestor (GTK_WIDGET (find_label (timeline, "Disputed")),
                                                  GTK_TYPE_BUTTON), "clicked");
  iterate ();
  g_assert_false (atlas_filter_get_disputed (atlas_session_get_filter (session)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Whether the map's labels in view, as its layer places them, include @text. */
static gboolean
map_labels_include (AtlasMapPanel *panel,
                    const char    *text)
{
  g_autoptr(GArray) placed = atlas_feature_layer_place_labels (atlas_map_panel_get_feature_layer (panel));

  for (guint i = 0; i < placed->len; i++)
    {
      const AtlasPlaced *label = &g_array_index (placed, AtlasPlaced, i);

      if (label->kind == ATLAS_PLACED_LABEL && g_strcmp0 (label->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "Place names" in the main menu: both names by default, then the administering state's,
 * then the documents'; the map, the details and the setting follow. */
static void
test_window_place_names (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GSettings) settings = NULL;
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GtkWidget *details = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_DETAILS_PANEL);
  GtkWidget *title = find_named (details, "details-title");

  settings = atlas_settings_new ();
  g_assert_cmpint (g_settings_get_enum (settings, "place-names"), ==, ATLAS_PLACE_NAMES_BOTH);
  /* Khankendi selected, so that its name goes before the events' glyphs around it. */
  atlas_session_select (session, ATLAS_ITEM_PLACE, atlas_test_key_id (store, "places", "khankendi"));
  iterate ();
  atlas_session_set_map_view (session, 39.79, 46.74, 10);
  wait_ms (1000);
  g_assert_true (map_labels_include (panel, "Khankendi / Stepanakert"));
  g_assert_true (map_labels_include (panel, "Shusha / Shushi"));
  g_assert_false (map_labels_include (panel, "Şuşa"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Khankendi / Stepanakert");

  /* The menu's radio item: the official names of the state that administers each place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place-names", "s", "official"));
  iterate ();
  g_assert_cmpint (atlas_session_get_place_names (session), ==, ATLAS_PLACE_NAMES_OFFICIAL);
  g_assert_cmpint (g_settings_get_enum (settings, "place-names"), ==, ATLAS_PLACE_NAMES_OFFICIAL);
  g_assert_true (map_labels_include (panel, "Khankendi"));
  g_assert_false (map_labels_include (panel, "Khankendi / Stepanakert"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Khankendi");

  /* As the documents say: Shusha, as in the Shusha Declaration. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place-names", "s", "sources"));
  iterate ();
  g_assert_true (map_labels_include (panel, "Shusha"));
  g_assert_false (map_labels_include (panel, "Shusha / Shushi"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static gboolean
view_contains (AtlasMapPanel *panel,
               double         lat,
               double         lon)
{
  AtlasPoint point = atlas_geo_project (lat, lon);
  AtlasView view;
  double size;

  atlas_feature_layer_get_view (atlas_map_panel_get_feature_layer (panel), &view);
  size = atlas_geo_world_size (view.zoom);
  return point.x * size >= view.x && point.x * size <= view.x + view.width &&
         point.y * size >= view.y && point.y * size <= view.y + view.height;
}

static void
test_window_map_follows_selection (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  sqlite3_stmt *stmt;
  double lon_before, lon_after;
  gboolean handled = FALSE;

  /* Looking at Tbilisi up close, an event in Baku is selected elsewhere: the map goes there. */
  atlas_session_set_map_view (session, 41.72, 44.79, 10);
  iterate ();
  g_assert_false (view_contains (panel, 40.41, 49.87));
  stmt = atlas_store_prepare (store, "SELECT e.id FROM events e JOIN places p ON p.id = e.place_id"
                                     " WHERE p.key = 'baku' LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  atlas_session_select (session, ATLAS_ITEM_EVENT, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  wait_ms (1500);
  g_assert_true (view_contains (panel, 40.41, 49.87));

  /* The right arrow pans east. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (panel));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);
  atlas_session_get_map_view (session, NULL, &lon_before, NULL);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  iterate ();
  atlas_session_get_map_view (session, NULL, &lon_after, NULL);
  g_assert_true (handled);
  g_assert_cmpfloat (lon_after, >, lon_before);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_window_map_place_search (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY));
  sqlite3_stmt *stmt;
  gint64 until;

  /* Typed in Russian, found; Enter goes there and selects it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ереван");
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_signal_emit_by_name (entry, "activate");
  iterate ();

  stmt = atlas_store_prepare (store, "SELECT id FROM places WHERE key = 'yerevan'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_PLACE);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  wait_ms (1000);
  g_assert_true (view_contains (panel, 40.18, 44.51));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Ids past 2^31, as in a store that has grown, go whole through the place search and the
 * details' links. */
static void
test_window_large_ids (void)
{
  g_autoptr(AtlasStore) store = atlas_store_open (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;
  AtlasSession *session;
  GtkWidget *panel, *links;
  gint64 until;

  /* Rows far up make the dataset's ids follow them. */
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "INSERT INTO places (id, key, kind, name, lat, lon) "
                                 "VALUES (4294967296, 'far', 'town', 'Far', 0, 0);"
                                 "INSERT INTO actors (id, key, kind, name) "
                                 "VALUES (4294967296, 'far', 'state', 'Far');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (atlas_dataset_load_bundled (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "DELETE FROM places WHERE key = 'far';"
                                 "DELETE FROM actors WHERE key = 'far';", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  window = open_window (store);
  session = atlas_window_get_session (window);

  panel = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (panel, GTK_TYPE_SEARCH_ENTRY)), "Yerevan");
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_signal_emit_by_name (find_descendant (panel, GTK_TYPE_SEARCH_ENTRY), "activate");
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_PLACE);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==,
                   atlas_test_query_int (store, "SELECT id FROM places WHERE key = 'yerevan'"));

  atlas_session_select (session, ATLAS_ITEM_EVENT,
                        atlas_test_query_int (store, "SELECT min(event_id) FROM event_actors"));
  iterate ();
  panel = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_DETAILS_PANEL);
  links = find_descendant (find_descendant (panel, GTK_TYPE_FLOW_BOX), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (links, "clicked");
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (atlas_session_get_selection (session)->id, >, 4294967296);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_window_map_online_switch (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasMapPanel *panel = ATLAS_MAP_PANEL (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL));
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "online-map");
  gint64 until = deadline (20);
  g_autoptr(GVariant) state = NULL;

  g_assert_nonnull (action);
  g_action_activate (action, NULL);

  /* Wait for the answer: the tiles either can be reached, and are shown, or cannot (as on
   * a machine with no network), and the switch goes back off with the bundled map kept. */
  while (g_get_monotonic_time () < until && atlas_map_panel_get_online (panel))
    g_main_context_iteration (NULL, FALSE);

  state = g_action_get_state (action);
  g_assert_cmpint (g_variant_get_boolean (state), ==, atlas_map_panel_get_online (panel));
  if (!atlas_map_panel_get_online (panel))
    {
      GtkRevealer *notice = GTK_REVEALER (find_named (GTK_WIDGET (panel), "map-notice"));

      g_assert_true (gtk_revealer_get_reveal_child (notice));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_window_saved_views (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  gint64 azerbaijan = atlas_test_query_int (store, "SELECT id FROM actors WHERE key = 'azerbaijan'");
  g_autoptr(GMenuModel) menu = NULL;
  GMenuModel *views;

  atlas_session_select (session, ATLAS_ITEM_ACTOR, azerbaijan);
  atlas_session_set_map_view (session, 40.4, 49.9, 8);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (window), "events-as-of")), TRUE);
  g_assert_true (atlas_window_save_view (window, "Baku"));
  atlas_session_set_selection (session, NULL);
  atlas_session_set_map_view (session, 41, 45, 6);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (window), "events-as-of")), FALSE);
  iterate ();

  /* The menu lists it, and its action brings it back. */
  menu = g_object_ref (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_named (GTK_WIDGET (window),
                                                                                      "primary-menu"))));
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (section, 1, G_MENU_LINK_SUBMENU);

    views = g_menu_model_get_item_link (submenu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (views), ==, 1);
    g_object_unref (views);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-view", "s", "Baku");
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, azerbaijan);
  /* With the events as they followed the date, the switch showing it. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_named (GTK_WIDGET (window), "events-as-of"))));

  /* --view given to a second instance reaches this one as app.open-view. */
  atlas_session_set_selection (session, NULL);
  iterate ();
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open-view"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-view", g_variant_new_string ("Baku"));
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_ACTOR);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, azerbaijan);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Whether @widget is a button whose label starts with @start. */
static gboolean
is_button_starting (GtkWidget     *widget,
                    gconstpointer  start)
{
  GtkWidget *label = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;

  return GTK_IS_LABEL (label) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), start);
}

/* Whether @widget gives a tooltip when asked for one. */
static gboolean
gives_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_get_has_tooltip (widget));
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* The details' relations and linked items say what they do when pointed at, asked for then
 * rather than set as they are made. */
static void
test_window_details_tips (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  GtkWidget *details = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_DETAILS_PANEL);
  GtkWidget *relation, *link;

  atlas_session_select (session, ATLAS_ITEM_ACTOR, atlas_test_key_id (store, "actors", "azerbaijan"));
  iterate ();
  relation = find_first (details, is_button_starting, "Partnership · Turkey");
  g_assert_nonnull (relation);
  g_assert_true (gives_tooltip (relation));

  atlas_session_select (session, ATLAS_ITEM_EVENT, atlas_test_key_id (store, "events", "washington-summit-2025-08-08"));
  iterate ();
  link = find_first (details, is_button_starting, "Armenia");
  g_assert_nonnull (link);
  g_assert_true (gives_tooltip (link));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Options from the export dialog keep their title when the dialog is asked again, and a
 * dialog with arguments that are wrong is not made at all. */
static void
test_window_export_dialog_title (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasExportOptions first, second, on_screen;
  AtlasExportScreen screen = { 800, 800, 600 };
  AtlasExportDialog *dialog;
  GtkEditable *title;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  iterate ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  atlas_export_dialog_choose (dialog, ATLAS_EXPORT_SHEET, ATLAS_EXPORT_SIZE_CUSTOM, ATLAS_EXPORT_PNG);
  title = GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));
  gtk_editable_set_text (title, "Zangezur, first");
  atlas_export_dialog_get_options (dialog, &first);
  gtk_editable_set_text (title, "Syunik, second");
  atlas_export_dialog_get_options (dialog, &second);
  g_assert_cmpstr (first.title, ==, "Zangezur, first");
  g_assert_cmpstr (second.title, ==, "Syunik, second");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  atlas_export_options_init (&on_screen);
  g_test_expect_message ("atlas-export-dialog", G_LOG_LEVEL_CRITICAL, "*ATLAS_IS_SESSION*");
  g_assert_null (atlas_export_dialog_new (GTK_WINDOW (window), NULL, NULL, &on_screen, &screen));
  g_test_assert_expected_messages ();
  g_assert_null (find_export_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A saved view keeps the timeline's lanes, and opening it shows them again. */
static void
test_window_saved_view_lanes (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasTimelinePanel *panel = ATLAS_TIMELINE_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_TIMELINE_PANEL));
  AtlasTimeline *timeline = atlas_timeline_panel_get_timeline (panel);

  atlas_timeline_panel_set_lanes (panel, "actor");
  iterate ();
  g_assert_cmpint (atlas_timeline_get_lane_mode (timeline), ==, ATLAS_TIMELINE_LANES_BY_ACTOR);
  g_assert_true (atlas_window_save_view (window, "By actor"));
  atlas_timeline_panel_set_lanes (panel, "kind");
  g_assert_true (atlas_window_save_view (window, "By kind"));
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-view", "s", "By actor");
  iterate ();
  g_assert_cmpint (atlas_timeline_get_lane_mode (timeline), ==, ATLAS_TIMELINE_LANES_BY_ACTOR);
  g_assert_cmpstr (atlas_timeline_panel_get_lanes (panel), ==, "actor");
  g_assert_true (atlas_window_open_view (window, "By kind"));
  iterate ();
  g_assert_cmpint (atlas_timeline_get_lane_mode (timeline), ==, ATLAS_TIMELINE_LANES_BY_KIND);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Shows the two months around @day and finds the lane where a click on @day hits @id,
 * or G_MAXUINT. */
static guint
find_event_lane (AtlasTimeline *timeline,
                 gint64         id,
                 int            day)
{
  atlas_timeline_set_visible (timeline, day - 60, 120);
  for (guint l = 0; l < atlas_timeline_get_n_lanes (timeline); l++)
    if (atlas_timeline_event_at (timeline, atlas_timeline_day_to_x (timeline, day),
                                 atlas_timeline_lane_y (timeline, l)) == id)
      return l;
  return G_MAXUINT;
}

static void
test_window_timeline (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasTimelinePanel *panel = ATLAS_TIMELINE_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_TIMELINE_PANEL));
  AtlasTimeline *timeline = atlas_timeline_panel_get_timeline (panel);
  gint64 washington = atlas_test_query_int (store, "SELECT id FROM events WHERE key = 'washington-summit-2025-08-08'");
  int day = atlas_date_to_number ("2025-08-08");
  guint kinds, lane = G_MAXUINT;
  GtkSearchEntry *words;

  g_assert_nonnull (panel);
  kinds = atlas_timeline_get_n_lanes (timeline);
  g_assert_cmpuint (kinds, >=, 10);

  /* A click on the summit's dot finds it: it is in the lane of summits. */
  lane = find_event_lane (timeline, washington, day);
  g_assert_cmpuint (lane, <, kinds);
  g_signal_emit_by_name (timeline, "event-activated", washington);
  iterate ();
  g_assert_cmpint (atlas_session_get_selection (session)->kind, ==, ATLAS_ITEM_EVENT);
  g_assert_cmpint (atlas_session_get_selection (session)->id, ==, washington);

  /* Moving the "as of" cursor moves the session's date. */
  g_signal_emit_by_name (timeline, "cursor-moved", atlas_date_to_number ("2022-03-01"));
  iterate ();
  g_assert_cmpstr (atlas_session_get_date (session), ==, "2022-03-01");
  g_assert_cmpint (atlas_timeline_get_cursor (timeline), ==, atlas_date_to_number ("2022-03-01"));

  /* Brushing a range filters by it, shown as a chip that one click clears. */
  g_signal_emit_by_name (timeline, "range-brushed", atlas_date_to_number ("2025-01-01"),
                         atlas_date_to_number ("2025-12-31"));
  iterate ();
  g_assert_cmpstr (atlas_filter_get_from (atlas_session_get_filter (session)), ==, "2025-01-01");
  g_assert_cmpstr (atlas_filter_get_to (atlas_session_get_filter (session)), ==, "2025-12-31");

  /* Words filter too, through FTS. */
  words = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (words), "TRIPP");
  g_signal_emit_by_name (words, "activate");
  iterate ();
  g_assert_cmpstr (atlas_filter_get_text (atlas_session_get_filter (session)), ==, "TRIPP");

  gtk_widget_activate_action (GTK_WIDGET (window), "session.clear-selection", NULL);
  {
    GtkWidget *clear = find_named (GTK_WIDGET (panel), "clear-filters");

    g_assert_nonnull (clear);
    g_signal_emit_by_name (clear, "clicked");
  }
  iterate ();
  g_assert_true (atlas_filter_is_empty (atlas_session_get_filter (session)));

  /* "Filter Events by This" in the details adds the selected actor; a kind's check adds
   * the kind; both show as chips. */
  {
    gint64 armenia = atlas_test_query_int (store, "SELECT id FROM actors WHERE key = 'armenia'");
    GtkWidget *filter_button = find_named (GTK_WIDGET (window), "filter-by-this");
    GtkWidget *kind_check = find_descendant (GTK_WIDGET (panel), GTK_TYPE_CHECK_BUTTON);

    atlas_session_select (session, ATLAS_ITEM_ACTOR, armenia);
    iterate ();
    g_assert_true (gtk_widget_get_visible (filter_button));
    g_signal_emit_by_name (filter_button, "clicked");
    iterate ();
    g_assert_cmpuint (atlas_filter_get_actors (atlas_session_get_filter (session))->len, ==, 1);
    g_assert_cmpint (g_array_index (atlas_filter_get_actors (atlas_session_get_filter (session)), gint64, 0),
                     ==, armenia);

    gtk_check_button_set_active (GTK_CHECK_BUTTON (kind_check), TRUE);
    iterate ();
    g_assert_cmpstr (atlas_filter_get_kinds (atlas_session_get_filter (session))[0], ==, "agreement");
    atlas_session_set_filter (session, NULL);
    iterate ();
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (kind_check)));
  }

  /* Lanes by actor. */
  atlas_timeline_set_lane_mode (timeline, ATLAS_TIMELINE_LANES_BY_ACTOR);
  g_assert_cmpuint (atlas_timeline_get_n_lanes (timeline), <=, 11);
  g_assert_cmpuint (atlas_timeline_get_n_lanes (timeline), >=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The message dialog on screen, or %NULL. */
static GtkMessageDialog *
find_message_dialog (void)
{
  GtkMessageDialog *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Waits until the dialog's text is @text, for the check's thread to answer. */
static void
wait_for_dialog_text (GtkMessageDialog *dialog,
                      const char       *text)
{
  gint64 give_up = deadline (30);

  for (;;)
    {
      g_autofree char *current = NULL;

      g_object_get (dialog, "text", &current, NULL);
      if (g_strcmp0 (current, text) == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Check Store reads the store in a thread and says what it found. */
static void
test_window_check_store (void)
{
  g_autofree char *dir = atlas_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "atlas.db", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secondary = NULL;
  GtkMessageDialog *dialog;
  AtlasWindow *window;

  store = atlas_dataset_open_store (path, ATLAS_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  window = open_window (store);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-store", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  wait_for_dialog_text (dialog, "The Store Is Sound");
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, path));
  g_assert_nonnull (strstr (secondary, "no problems"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  iterate ();
  g_assert_null (find_message_dialog ());

  /* A reference to a place that is not there is a problem, and is named. */
  atlas_store_exec (store, "PRAGMA foreign_keys = OFF; UPDATE events SET place_id = 99999 "
                           "WHERE id = (SELECT min (id) FROM events)", &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-store", NULL);
  dialog = find_message_dialog ();
  wait_for_dialog_text (dialog, "The Store Has Problems");
  g_clear_pointer (&secondary, g_free);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, "refers to a missing row of “places”"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&store);
  atlas_test_remove_dir (dir);
}

/* A store changed by hand past its own checks: text that is not UTF-8, dates that are none,
 * a corridor status on no day, a saved view with a bad name and a worse state. The window
 * shows it all, and says what it cannot open, with no warning or critical. */
static void
test_window_hostile_store (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  AtlasWindow *window;
  AtlasSession *session;
  gint64 talks, meghri;

  atlas_store_exec (store,
                    "PRAGMA ignore_check_constraints = ON;"
                    "UPDATE places SET name = CAST (X'4d656768ff' AS TEXT) WHERE key = 'meghri';"
                    "UPDATE events SET start = '2024-99', end = '2024-98',"
                    " title = CAST (X'54616c6bc3' AS TEXT) WHERE key = 'talks-2024';"
                    "UPDATE corridor_status SET date = '2025-99';"
                    "UPDATE zones SET valid_from = '1990-77', valid_to = '1991-88';"
                    "UPDATE sources SET date = '2025-77';"
                    "INSERT INTO saved_views (name, state) VALUES"
                    " (CAST (X'5669657720ff' AS TEXT),"
                    "  CAST (X'7b2764617465273a203c27ff273e7d' AS TEXT));"
                    "PRAGMA ignore_check_constraints = OFF;", &error);
  g_assert_no_error (error);
  talks = atlas_test_query_int (store, "SELECT id FROM events WHERE key = 'talks-2024'");
  meghri = atlas_test_query_int (store, "SELECT id FROM places WHERE key = 'meghri'");

  window = open_window (store);
  session = atlas_window_get_session (window);
  atlas_session_select (session, ATLAS_ITEM_EVENT, talks);
  iterate ();
  atlas_session_select (session, ATLAS_ITEM_PLACE, meghri);
  iterate ();
  atlas_session_select (session, ATLAS_ITEM_ZONE,
                        atlas_test_query_int (store, "SELECT min(id) FROM zones"));
  iterate ();
  atlas_session_select (session, ATLAS_ITEM_CORRIDOR,
                        atlas_test_query_int (store, "SELECT min(id) FROM corridors"));
  iterate ();
  atlas_session_set_map_view (session, 38.9, 46.2, 11);
  iterate ();

  /* The view's name shows repaired; opening it says why it cannot. */
  g_assert_false (atlas_window_open_view (window, "View \xef\xbf\xbd"));
  iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* How many of the actors' count labels under @widget show a number. */
static guint
count_numbers (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_has_css_class (widget, "numeric") &&
      gtk_widget_get_visible (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL &&
      g_ascii_isdigit (*gtk_inscription_get_text (GTK_INSCRIPTION (widget))))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_numbers (child);

  return n;
}

static void
note_warning (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        data)
{
  if (strstr (message, "count") != NULL)
    *(gboolean *) data = TRUE;
}

/* When the filtered query fails, the actors panel says so and logs why instead of showing the
 * store's unfiltered counts as if they were the filter's. */
static void
test_window_actor_counts_failed (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = open_window (store);
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_ACTORS_PANEL);
  GtkWidget *notice = find_named (panel, "actor-counts-error");
  GLogLevelFlags fatal;
  gboolean logged = FALSE;
  guint handler;

  g_assert_nonnull (notice);
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_cmpuint (count_numbers (panel), >, 0);

  /* The words filter now fails to prepare; the actors themselves still load. */
  atlas_store_exec (store, "DROP TABLE event_search", &error);
  g_assert_no_error (error);
  /* The other panels warn too, each in its own way: not fatal here, but the actors panel's
   * own warning is caught. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  handler = g_log_set_handler ("atlas-actors-panel", G_LOG_LEVEL_WARNING, note_warning, &logged);
  atlas_filter_set_text (filter, "corridor");
  atlas_session_set_filter (atlas_window_get_session (window), filter);
  iterate ();
  g_log_remove_handler ("atlas-actors-panel", handler);
  g_log_set_always_fatal (fatal);

  g_assert_true (logged);
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "event_search"));
  /* No row shows a number. */
  g_assert_cmpuint (count_numbers (panel), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The passages of an actor quoted often come a page at a time, the next page as the list
 * is scrolled to its end, until all are there. */
static void
test_window_passages_pages (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasDetailsPanel *details = ATLAS_DETAILS_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_DETAILS_PANEL));
  GtkListView *passages = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (details), GTK_TYPE_LIST_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (passages));
  GLogLevelFlags fatal;
  guint total, shown;

  atlas_session_select (atlas_window_get_session (window), ATLAS_ITEM_ACTOR,
                        atlas_test_key_id (store, "actors", "azerbaijan"));
  iterate ();
  total = atlas_details_panel_get_n_excerpts (details);
  g_assert_cmpuint (total, >, 40);
  /* A first page, about what the panel has room for. */
  shown = g_list_model_get_n_items (rows);
  g_assert_cmpuint (shown, >=, 3);
  g_assert_cmpuint (shown, <, total);

  /* GTK 4.8 warns that its list view "failed to scroll to given position" when it scrolls
   * to a row whose height it has only estimated (with every passage made at once, too);
   * the scroll happens all the same. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  for (int i = 0; i < 100 && g_list_model_get_n_items (rows) < total; i++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);
      gint64 until = deadline (10);

      /* As the list scrolls when its last row takes the focus. */
      gtk_widget_activate_action (GTK_WIDGET (passages), "list.scroll-to-item", "u",
                                  g_list_model_get_n_items (rows) - 1);
      /* Two frames: one lays the new page out, and the next scroll sees its height. */
      while (gdk_frame_clock_get_frame_counter (clock) < frame + 2 && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      iterate ();
    }
  g_log_set_always_fatal (fatal);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, total);

  /* Another selection starts again at the first page. */
  atlas_session_select (atlas_window_get_session (window), ATLAS_ITEM_ACTOR,
                        atlas_test_key_id (store, "actors", "armenia"));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), <=, MAX (shown, atlas_details_panel_get_n_excerpts (details)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* An inscription's text as markup, its bold words in <b>: what a label given markup would
 * say. */
static char *
inscription_markup (GtkInscription *inscription)
{
  const char *text = gtk_inscription_get_text (inscription);
  PangoAttrList *attributes = gtk_inscription_get_attributes (inscription);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GSList) bold = NULL;
  guint last = 0;

  if (text == NULL)
    return g_strdup ("");
  if (attributes != NULL)
    bold = pango_attr_list_get_attributes (attributes);
  for (GSList *l = bold; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_WEIGHT &&
          ((PangoAttrInt *) attribute)->value >= PANGO_WEIGHT_BOLD &&
          attribute->start_index >= last && attribute->end_index <= strlen (text))
        {
          g_string_append_len (markup, text + last, attribute->start_index - last);
          g_string_append (markup, "<b>");
          g_string_append_len (markup, text + attribute->start_index,
                               attribute->end_index - attribute->start_index);
          g_string_append (markup, "</b>");
          last = attribute->end_index;
        }
    }
  g_slist_free_full (g_steal_pointer (&bold), (GDestroyNotify) pango_attribute_destroy);
  g_string_append (markup, text + last);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Whether a label or inscription under @widget says @text, as plain text or as the markup
 * it was given. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 ||
                                g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0))
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget))
    {
      g_autofree char *markup = inscription_markup (GTK_INSCRIPTION (widget));

      if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0 ||
          g_strcmp0 (markup, text) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* How many labels or inscriptions under @widget show markup that holds @text. */
static guint
count_markup (GtkWidget  *widget,
              const char *text)
{
  guint n = GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;

  if (GTK_IS_INSCRIPTION (widget))
    {
      g_autofree char *markup = inscription_markup (GTK_INSCRIPTION (widget));

      n += strstr (markup, text) != NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_markup (child, text);
  return n;
}

/* The title cells of the events list under @widget. */
static void
collect_title_cells (GtkWidget  *widget,
                     GHashTable *cells)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "summary") == 0)
    g_hash_table_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_title_cells (child, cells);
}

/* Whether the events list shows @ids, in their order. */
static void
assert_rows (GListModel *rows,
             GArray     *ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, ids->len);
  for (guint i = 0; i < ids->len; i += MAX (ids->len / 7, 1))
    {
      g_autoptr(AtlasEvent) row = g_list_model_get_item (rows, i);

      g_assert_cmpint (atlas_event_get_id (row), ==, g_array_index (ids, gint64, i));
    }
}

/* A selected actor's details are drawn first; the events list and the map follow a frame
 * later, the list moving its rows' widgets onto the actor's events rather than building
 * new ones, even for a list of a few hundred rows. Off screen, everything follows at once. */
static void
test_window_selection_details_first (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (5000);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasResults *results = atlas_session_get_results (session);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GtkLabel *title = GTK_LABEL (find_named (GTK_WIDGET (window), "details-title"));
  gint64 first = atlas_test_query_int (store, "SELECT actor_id FROM event_actors GROUP BY actor_id"
                                              " HAVING count (*) BETWEEN 250 AND 1000 ORDER BY actor_id");
  gint64 second = atlas_test_query_int (store, "SELECT actor_id FROM event_actors GROUP BY actor_id"
                                               " HAVING count (*) BETWEEN 250 AND 1000 ORDER BY actor_id DESC");
  g_autoptr(AtlasActor) second_actor = atlas_actor_load (store, second, NULL);
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) first_ids = NULL;
  g_autoptr(GArray) second_ids = NULL;
  GHashTableIter iter;
  gpointer cell;
  guint kept = 0;

  atlas_session_select (session, ATLAS_ITEM_ACTOR, first);
  iterate ();
  first_ids = g_array_ref (actor_event_ids (results, first));
  second_ids = g_array_ref (actor_event_ids (results, second));
  /* More rows than GTK 4.8 binds, fewer than a list sorted anew at once. */
  g_assert_cmpuint (first_ids->len, >, 200);
  g_assert_cmpuint (second_ids->len, >, 200);
  g_assert_cmpuint (second_ids->len, <=, 4 * ATLAS_RECORD_LIST_PAGE_SIZE);
  assert_rows (rows, first_ids);
  collect_title_cells (GTK_WIDGET (view), before);

  atlas_session_select (session, ATLAS_ITEM_ACTOR, second);
  g_assert_cmpstr (gtk_label_get_text (title), ==, atlas_actor_get_name (second_actor));
  g_assert_false (atlas_window_get_settled (window));
  assert_rows (rows, first_ids);

  iterate ();
  g_assert_true (atlas_window_get_settled (window));
  assert_rows (rows, second_ids);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  iterate ();
  collect_title_cells (GTK_WIDGET (view), after);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    kept += g_hash_table_contains (before, cell);
  g_assert_cmpuint (kept, >=, 150);

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  iterate ();
  atlas_session_select (session, ATLAS_ITEM_ACTOR, first);
  g_assert_true (atlas_window_get_settled (window));
  assert_rows (rows, first_ids);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A long list that changes moves the widgets of its rows onto the new ones rather than
 * building them again: the rows are the results', the list starts at its first row, and
 * the titles show the filter's words in bold, the new words when they change. */
static void
test_window_rows_on_filter_change (void)
{
  g_autoptr(AtlasStore) store = atlas_test_sorting_store (20000);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasResults *results = atlas_session_get_results (session);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  static const struct { const char *words; const char *kind; const char *bold; const char *not_bold; } steps[] = {
    { "talks", NULL, "<b>talks</b>", NULL },
    { "talks", "meeting", "<b>talks</b>", NULL },
    { "zulu", "meeting", "<b>zulu</b>", "<b>talks</b>" },
    { "zulu", "incident", "<b>zulu</b>", "<b>talks</b>" },
    { NULL, "incident", NULL, "<b>" },
  };

  for (guint step = 0; step < G_N_ELEMENTS (steps); step++)
    {
      g_autoptr(AtlasFilter) filter = atlas_filter_new ();
      GArray *ids;

      atlas_filter_set_text (filter, steps[step].words);
      if (steps[step].kind != NULL)
        atlas_filter_add_kind (filter, steps[step].kind);
      atlas_session_set_filter (session, filter);
      iterate ();
      gtk_widget_queue_draw (GTK_WIDGET (window));
      iterate ();

      ids = atlas_results_get_event_ids (results);
      g_assert_cmpuint (ids->len, >, 200);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, ids->len);
      for (guint i = 0; i < ids->len; i += ids->len / 7)
        {
          g_autoptr(AtlasEvent) row = g_list_model_get_item (rows, i);

          g_assert_cmpint (atlas_event_get_id (row), ==, g_array_index (ids, gint64, i));
        }
      g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
      if (steps[step].bold != NULL)
        g_assert_cmpuint (count_markup (GTK_WIDGET (view), steps[step].bold), >, 0);
      if (steps[step].not_bold != NULL)
        g_assert_cmpuint (count_markup (GTK_WIDGET (view), steps[step].not_bold), ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A committed write reaches the views through the store's change signal: the new event is
 * in the events list, the edited title shows in its row, and the actor's count follows. */
static void
test_window_follows_store (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = open_window (store);
  GtkColumnView *events_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (events_view));
  AtlasResults *results = atlas_session_get_results (atlas_window_get_session (window));
  guint before = g_list_model_get_n_items (rows);
  gint64 event, armenia = atlas_test_key_id (store, "actors", "armenia");
  guint count_before = atlas_results_get_actor_count (results, armenia);

  g_assert_cmpuint (before, >, 0);
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "INSERT INTO events (key, kind, title, start)"
                                         " VALUES ('written', 'summit', 'A summit written now', '2024-02-02')",
                                   &error));
  event = sqlite3_last_insert_rowid (atlas_store_get_db (store));
  g_assert_true (atlas_store_exec (store, "INSERT INTO event_actors (event_id, actor_id)"
                                         " SELECT max (id), (SELECT id FROM actors WHERE key = 'armenia')"
                                         " FROM events", &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, event);
  g_assert_true (atlas_store_commit_change (store, &error));
  g_assert_no_error (error);
  iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before + 1);
  g_assert_cmpuint (atlas_results_get_actor_count (results, armenia), ==, count_before + 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(AtlasEvent) row = g_list_model_get_item (rows, i);

        found |= atlas_event_get_id (row) == event;
      }
    g_assert_true (found);
  }

  /* The title cell shows the filter's words in bold. */
  {
    g_autoptr(AtlasFilter) filter = atlas_filter_new ();

    atlas_filter_set_text (filter, "written");
    atlas_session_set_filter (atlas_window_get_session (window), filter);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    g_assert_true (shows_label (GTK_WIDGET (events_view), "A summit <b>written</b> now"));
    atlas_session_set_filter (atlas_window_get_session (window), NULL);
    iterate ();
  }

  /* An edit of that row shows in the list, read again from the store. */
  g_assert_true (atlas_store_begin_change (store, &error));
  g_assert_true (atlas_store_exec (store, "UPDATE events SET title = 'A summit renamed' WHERE key = 'written'",
                                   &error));
  atlas_store_note_change (store, ATLAS_ITEM_EVENT, event);
  g_assert_true (atlas_store_commit_change (store, &error));
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AtlasEvent) row = g_list_model_get_item (rows, i);

      if (atlas_event_get_id (row) == event)
        g_assert_cmpstr (atlas_event_get_title (row), ==, "A summit renamed");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
search_places (GtkWidget  *entry,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_ms (500);
}

/* A view that cannot read the store says what failed and why in the window's banner, and a
 * search that failed is not shown as one that found nothing. */
static void
test_window_failures_shown (void)
{
  g_autoptr(AtlasStore) store = atlas_test_small_store ();
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = open_window (store);
  AtlasErrorBanner *banner = ATLAS_ERROR_BANNER (find_descendant (GTK_WIDGET (window), ATLAS_TYPE_ERROR_BANNER));
  GtkWidget *panel = find_descendant (GTK_WIDGET (window), ATLAS_TYPE_MAP_PANEL);
  GtkWidget *entry = find_descendant (panel, GTK_TYPE_SEARCH_ENTRY);
  gint64 actor;

  g_assert_false (atlas_error_banner_is_shown (banner));

  /* Nothing of that name: said so, and nothing failed. */
  search_places (entry, "Atlantis");
  g_assert_true (shows_label (panel, "No place has that name"));
  g_assert_false (atlas_error_banner_is_shown (banner));

  /* The names cannot be read: the search failed, and the banner says why. */
  atlas_store_exec (store, "DROP TABLE names", &error);
  g_assert_no_error (error);
  search_places (entry, "Yerevan");
  g_assert_true (shows_label (panel, "The search failed"));
  g_assert_false (shows_label (panel, "No place has that name"));
  g_assert_true (atlas_error_banner_is_shown (banner));
  g_assert_cmpstr (atlas_error_banner_get_what (banner), ==, "Could not search the places");
  g_assert_nonnull (strstr (atlas_error_banner_get_reason (banner), "names"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* Dismissed, it goes; a failure in the details brings it back with its own words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (banner), "banner.dismiss", NULL));
  g_assert_false (atlas_error_banner_is_shown (banner));
  actor = atlas_test_query_int (store, "SELECT id FROM actors WHERE kind = 'state' ORDER BY id LIMIT 1");
  atlas_store_exec (store, "DROP TABLE relations", &error);
  g_assert_no_error (error);
  atlas_session_select (atlas_window_get_session (window), ATLAS_ITEM_ACTOR, actor);
  iterate ();
  g_assert_true (atlas_error_banner_is_shown (banner));
  g_assert_cmpstr (atlas_error_banner_get_what (banner), ==, "Could not read the relations");
  g_assert_nonnull (strstr (atlas_error_banner_get_reason (banner), "relations"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The window opens with the keyboard in the map, not in an entry whose blinking cursor
 * would redraw the window for as long as it stays open. */
static void
test_window_first_focus (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  GtkWidget *focus;

  iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (GTK_IS_EDITABLE (focus));
  g_assert_null (gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE));
  g_assert_true (SHUMATE_IS_MAP (focus));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The first of @widget's controllers of @type. */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, 0, &handled);
  return handled;
}

/* The timeline in the hand: it opens on the recent years, zooms around the pointer, pans
 * only within its events' range, takes the keyboard when clicked and shows it. */
static void
test_window_timeline_view (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasTimelinePanel *panel = ATLAS_TIMELINE_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_TIMELINE_PANEL));
  AtlasTimeline *timeline = atlas_timeline_panel_get_timeline (panel);
  GtkWidget *widget = GTK_WIDGET (timeline);
  const AtlasTimelineScene *scene = atlas_timeline_get_scene (timeline);
  double start, span, first, last, x, day;
  gboolean handled = FALSE;

  /* The first view: the dense recent years, 2025 a readable part of it, not a sliver. */
  atlas_timeline_get_visible (timeline, &start, &span);
  g_assert_cmpfloat (start, <=, atlas_date_to_number ("2025-01-01"));
  g_assert_cmpfloat (start + span, >=, atlas_date_to_number ("2026-01-01"));
  g_assert_cmpfloat (span, <=, 365.25 * 10);

  /* A scroll zooms in around the pointer: the day under it stays where it is. */
  x = scene->gutter + (gtk_widget_get_width (widget) - scene->gutter) * 0.8;
  day = atlas_timeline_get_scene (timeline)->start +
        (x - scene->gutter) / (gtk_widget_get_width (widget) - scene->gutter) * span;
  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, 60.0);
  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_SCROLL), "scroll", 0.0, -2.0,
                         &handled);
  g_assert_true (handled);
  atlas_timeline_get_visible (timeline, &start, NULL);
  atlas_timeline_get_visible (timeline, NULL, &span);
  g_assert_cmpfloat (span, <, 365.25 * 10 * 0.8);
  g_assert_cmpfloat (fabs (atlas_timeline_day_to_x (timeline, day) - x), <, 0.5);

  /* Panning and zooming out stop at the events' range and a margin: 1920 to about now. */
  atlas_timeline_get_bounds (timeline, &first, &last);
  g_assert_cmpfloat (first, >, atlas_date_to_number ("1915-01-01"));
  g_assert_cmpfloat (first, <=, atlas_date_to_number ("1920-01-01"));
  g_assert_cmpfloat (last, <, atlas_date_today_number () + 366 * 2);
  for (int i = 0; i < 200; i++)
    press_key (widget, GDK_KEY_Right);
  atlas_timeline_get_visible (timeline, &start, &span);
  g_assert_cmpfloat (start + span, <=, last + 0.001);
  for (int i = 0; i < 20; i++)
    press_key (widget, GDK_KEY_minus);
  atlas_timeline_get_visible (timeline, &start, &span);
  g_assert_cmpfloat (start, >=, first - 0.001);
  g_assert_cmpfloat (start + span, <=, last + 0.001);
  atlas_timeline_set_visible (timeline, atlas_date_to_number ("2100-01-01"), 365);
  atlas_timeline_get_visible (timeline, &start, &span);
  g_assert_cmpfloat (start + span, <=, last + 0.001);

  /* A click gives the timeline the keyboard, and keys show its focus ring. */
  g_assert_true (gtk_widget_get_focusable (widget));
  gtk_widget_grab_focus (find_named (GTK_WIDGET (window), "clear-filters"));
  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_GESTURE_DRAG), "drag-begin", x, 60.0);
  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_GESTURE_DRAG), "drag-end", 0.0, 0.0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == widget);
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));

  /* The overview strip: a click on the 1920s moves the view there, a drag moves it on. */
  {
    AtlasTimelineOverview *overview = ATLAS_TIMELINE_OVERVIEW (find_descendant (GTK_WIDGET (panel),
                                                                                ATLAS_TYPE_TIMELINE_OVERVIEW));
    GtkEventController *drag = find_controller (GTK_WIDGET (overview), GTK_TYPE_GESTURE_DRAG);
    int twenties = atlas_date_to_number ("1925-01-01");
    double overview_x = atlas_timeline_overview_day_to_x (overview, twenties), moved;

    g_assert_true (atlas_timeline_overview_get_timeline (overview) == timeline);
    atlas_timeline_set_visible (timeline, atlas_date_to_number ("2024-01-01"), 365.25 * 3);
    g_signal_emit_by_name (drag, "drag-begin", overview_x, 10.0);
    atlas_timeline_get_visible (timeline, &start, &span);
    g_assert_cmpfloat (start, <=, twenties);
    g_assert_cmpfloat (start + span, >=, twenties);
    g_assert_cmpfloat (span, ==, 365.25 * 3);
    g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
    atlas_timeline_get_visible (timeline, &moved, NULL);
    g_assert_cmpfloat (moved, >, start + 365.25);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Every glyph names its event in a tooltip; lanes by actor can all be scrolled to, their
 * titles whole; the "as of" entry reads dates as the program writes them. */
static void
test_window_timeline_lanes_and_date (void)
{
  g_autoptr(AtlasStore) store = atlas_dataset_open_store (":memory:", ATLAS_STORE_FLAGS_NONE, NULL);
  AtlasWindow *window = open_window (store);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasTimelinePanel *panel = ATLAS_TIMELINE_PANEL (find_descendant (GTK_WIDGET (window),
                                                                     ATLAS_TYPE_TIMELINE_PANEL));
  AtlasTimeline *timeline = atlas_timeline_panel_get_timeline (panel);
  GtkWidget *widget = GTK_WIDGET (timeline);
  gint64 washington = atlas_test_query_int (store, "SELECT id FROM events WHERE key = 'washington-summit-2025-08-08'");
  g_autoptr(AtlasEvent) summit = atlas_event_load (store, washington, NULL);
  int day = atlas_date_to_number ("2025-08-08");
  g_autofree char *tip = NULL;
  GtkAdjustment *lanes;
  guint n, lane;

  /* The summit's dot names it, its day and its kind. */
  lane = find_event_lane (timeline, washington, day);
  g_assert_cmpuint (lane, !=, G_MAXUINT);
  tip = atlas_timeline_tooltip_at (timeline, atlas_timeline_day_to_x (timeline, day),
                                   atlas_timeline_lane_y (timeline, lane));
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, atlas_event_get_title (summit)));
  g_assert_nonnull (strstr (tip, "8 August 2025"));
  g_assert_nonnull (strstr (tip, "Summit"));
  g_assert_true (gtk_widget_get_has_tooltip (widget));

  /* Lanes by actor: every lane can be scrolled into sight, and no title is cut. */
  atlas_timeline_panel_set_lanes (panel, "actor");
  iterate ();
  n = atlas_timeline_get_n_lanes (timeline);
  lanes = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  g_assert_nonnull (lanes);
  g_assert_cmpfloat (gtk_adjustment_get_upper (lanes), >=, n * ATLAS_TIMELINE_LANE_HEIGHT);
  gtk_adjustment_set_value (lanes, gtk_adjustment_get_upper (lanes));
  iterate ();
  g_assert_cmpfloat (atlas_timeline_lane_y (timeline, n - 1), <, gtk_widget_get_height (widget));
  g_assert_cmpfloat (atlas_timeline_lane_y (timeline, n - 1), >, ATLAS_TIMELINE_AXIS_HEIGHT);
  {
    const AtlasTimelineScene *scene = atlas_timeline_get_scene (timeline);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

    for (guint l = 0; l < n; l++)
      {
        int width;

        pango_layout_set_text (layout, g_ptr_array_index (scene->lanes, l), -1);
        pango_layout_get_pixel_size (layout, &width, NULL);
        g_assert_cmpfloat (width, <=, scene->gutter - 12);
      }
  }

  /* The "as of" entry reads "8 August 2025" and says what it cannot read in "32 Foo",
   * keeping the last good date. */
  {
    GtkEntry *entry = GTK_ENTRY (find_named (GTK_WIDGET (panel), "as-of-date"));
    g_autofree char *why = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "8 August 2025");
    g_signal_emit_by_name (entry, "activate");
    iterate ();
    g_assert_cmpstr (atlas_session_get_date (session), ==, "2025-08-08");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "8 August 2025");

    gtk_editable_set_text (GTK_EDITABLE (entry), "32 Foo");
    g_signal_emit_by_name (entry, "activate");
    iterate ();
    g_assert_cmpstr (atlas_session_get_date (session), ==, "2025-08-08");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    why = gtk_entry_get_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY);
    g_assert_cmpstr (why, ==, "“Foo” is not the name of a month");

    gtk_editable_set_text (GTK_EDITABLE (entry), "August 2024");
    g_signal_emit_by_name (entry, "activate");
    iterate ();
    g_assert_cmpstr (atlas_session_get_date (session), ==, "2024-08-01");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_null (gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/first-focus", test_window_first_focus);
  g_test_add_func ("/window/timeline-view", test_window_timeline_view);
  g_test_add_func ("/window/timeline-lanes-and-date", test_window_timeline_lanes_and_date);
  g_test_add_func ("/window/shows-data", test_window_shows_data);
  g_test_add_func ("/window/select-actor-then-event", test_window_select_actor_then_event);
  g_test_add_func ("/window/sort-columns", test_window_sort_columns);
  g_test_add_func ("/window/rows-on-filter-change", test_window_rows_on_filter_change);
  g_test_add_func ("/window/search-actors", test_window_search_actors);
  g_test_add_func ("/window/keyboard-panels", test_window_keyboard_panels);
  g_test_add_func ("/window/export-map", test_window_export_map);
  g_test_add_func ("/window/export-dialog", test_window_export_dialog);
  g_test_add_func ("/window/export-dialog-title", test_window_export_dialog_title);
  g_test_add_func ("/window/settings", test_window_settings);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/buttons-named", test_window_buttons_named);
  g_test_add_func ("/window/error", test_window_error);
  g_test_add_func ("/window/check-store", test_window_check_store);
  g_test_add_func ("/window/map-clicks", test_window_map_clicks);
  g_test_add_func ("/window/map-follows-selection", test_window_map_follows_selection);
  g_test_add_func ("/window/selection-details-first", test_window_selection_details_first);
  g_test_add_func ("/window/details-tips", test_window_details_tips);
  g_test_add_func ("/window/as-of", test_window_as_of);
  g_test_add_func ("/window/disputed", test_window_disputed);
  g_test_add_func ("/window/place-names", test_window_place_names);
  g_test_add_func ("/window/events-as-of", test_window_events_as_of);
  g_test_add_func ("/window/map-place-search", test_window_map_place_search);
  g_test_add_func ("/window/large-ids", test_window_large_ids);
  g_test_add_func ("/window/map-online-switch", test_window_map_online_switch);
  g_test_add_func ("/window/saved-views", test_window_saved_views);
  g_test_add_func ("/window/saved-view-lanes", test_window_saved_view_lanes);
  g_test_add_func ("/window/timeline", test_window_timeline);
  g_test_add_func ("/window/german", test_window_german);
  g_test_add_func ("/window/hostile-store", test_window_hostile_store);
  g_test_add_func ("/window/actor-counts-failed", test_window_actor_counts_failed);
  g_test_add_func ("/window/follows-store", test_window_follows_store);
  g_test_add_func ("/window/passages-pages", test_window_passages_pages);
  g_test_add_func ("/window/failures-shown", test_window_failures_shown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
