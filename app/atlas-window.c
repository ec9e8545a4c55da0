/* atlas-window.c: the main window: header bar and panels, no data logic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window makes the session and hands it to every panel; the panels do the rest through
 * the session. When the store could not be opened, the window says why instead.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-actors-panel.h"
#include "atlas-details-panel.h"
#include "atlas-error-banner.h"
#include "atlas-events-panel.h"
#include "atlas-export-dialog.h"
#include "atlas-history.h"
#include "atlas-map-panel.h"
#include "atlas-saved-views.h"
#include "atlas-settings.h"
#include "atlas-store-checker.h"
#include "atlas-timeline-panel.h"
#include "atlas-views-dialog.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  GtkApplicationWindow  parent_instance;

  AtlasSession         *session;
  AtlasHistory         *history;
  GSettings            *settings;    /* NULL without the schema */

  GtkLabel             *subtitle_label;
  GtkRevealer          *read_only_banner;
  AtlasErrorBanner     *error_banner;
  GtkStack             *main_stack;
  GtkLabel             *error_label;
  GMenu                *views_menu;
  AtlasActorsPanel     *actors_panel;
  AtlasEventsPanel     *events_panel;
  AtlasMapPanel        *map_panel;
  AtlasTimelinePanel   *timeline_panel;
  AtlasDetailsPanel    *details_panel;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GtkPaned             *centre_paned;
  GtkPaned             *lower_paned;

  /* The narrow layout: the panels one at a time, chosen by a switcher. */
  gboolean              narrow;
  guint                 relayout_id;
  guint                 fill_lists_id;  /* the lists' session, given after the first frame */
  GtkStack             *narrow_stack;
  GtkBox               *map_slot;
  GtkPaned             *narrow_events_paned;
  GtkBox               *actors_slot;
  GtkBox               *details_slot;
};

/* Below this width, the panels are shown one at a time. It is above the side-by-side
 * layout's least width, so a window can always shrink into the narrow layout. */
#define NARROW_WIDTH 1000

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, GTK_TYPE_APPLICATION_WINDOW)

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->fill_lists_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  /* The session may outlive the window (a view being found holds it): it must no longer
   * follow the settings, nor tell the window's action of a change. */
  g_action_map_remove_action (G_ACTION_MAP (self), "place-names");
  if (self->session != NULL)
    g_settings_unbind (self->session, "place-names");
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

/* Takes @panel from where it is, keeping it alive for its next place. */
static GtkWidget *
take_panel (gpointer panel)
{
  GtkWidget *widget = g_object_ref (GTK_WIDGET (panel));
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_PANED (parent))
    {
      if (gtk_paned_get_start_child (GTK_PANED (parent)) == widget)
        gtk_paned_set_start_child (GTK_PANED (parent), NULL);
      else
        gtk_paned_set_end_child (GTK_PANED (parent), NULL);
    }
  else if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), widget);
  return widget;
}

static void
put_in_box (GtkBox    *box,
            GtkWidget *panel)
{
  gtk_widget_set_vexpand (panel, TRUE);
  gtk_box_append (box, panel);
  g_object_unref (panel);
}

static void
put_in_paned (GtkPaned  *paned,
              gboolean   start,
              GtkWidget *panel)
{
  if (start)
    gtk_paned_set_start_child (paned, panel);
  else
    gtk_paned_set_end_child (paned, panel);
  g_object_unref (panel);
}

/* Moves the panels between the side-by-side layout and the narrow one, where a switcher
 * shows one at a time. The panels keep their state: they are moved, not made again. */
static void
set_narrow (AtlasWindow *self,
            gboolean     narrow)
{
  GtkWidget *actors, *map, *timeline, *events, *details;

  if (self->narrow == narrow)
    return;
  self->narrow = narrow;

  actors = take_panel (self->actors_panel);
  map = take_panel (self->map_panel);
  timeline = take_panel (self->timeline_panel);
  events = take_panel (self->events_panel);
  details = take_panel (self->details_panel);

  if (narrow)
    {
      put_in_box (self->actors_slot, actors);
      put_in_box (self->map_slot, map);
      put_in_paned (self->narrow_events_paned, TRUE, timeline);
      put_in_paned (self->narrow_events_paned, FALSE, events);
      put_in_box (self->details_slot, details);
    }
  else
    {
      put_in_paned (self->outer_paned, TRUE, actors);
      put_in_paned (self->centre_paned, TRUE, map);
      put_in_paned (self->lower_paned, TRUE, timeline);
      put_in_paned (self->lower_paned, FALSE, events);
      put_in_paned (self->inner_paned, FALSE, details);
    }
  gtk_stack_set_visible_child_name (self->main_stack, narrow ? "narrow" : "atlas");
}

static gboolean
relayout (gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  self->relayout_id = 0;
  set_narrow (self, gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH);
  return G_SOURCE_REMOVE;
}

/* A layout cannot change while the window is being laid out: it changes just after. */
static void
atlas_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  GTK_WIDGET_CLASS (atlas_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->session != NULL && (width < NARROW_WIDTH) != self->narrow && self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout, self);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  widget_class->size_allocate = atlas_window_size_allocate;

  g_type_ensure (ATLAS_TYPE_ERROR_BANNER);
  g_type_ensure (ATLAS_TYPE_ACTORS_PANEL);
  g_type_ensure (ATLAS_TYPE_EVENTS_PANEL);
  g_type_ensure (ATLAS_TYPE_DETAILS_PANEL);
  g_type_ensure (ATLAS_TYPE_MAP_PANEL);
  g_type_ensure (ATLAS_TYPE_TIMELINE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, views_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, actors_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, events_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, centre_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, lower_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, narrow_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, narrow_events_paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, actors_slot);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details_slot);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map_panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline_panel);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "session.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.previous-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
clear_selection (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->session != NULL)
    atlas_session_set_selection (self->session, NULL);
}

static void
go_back (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->history != NULL)
    atlas_history_go_back (self->history);
}

static void
go_forward (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->history != NULL)
    atlas_history_go_forward (self->history);
}

static void
show_message (AtlasWindow *self,
              const char  *primary,
              const char  *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * atlas_window_show_error:
 * @what: what failed, as a sentence: "Could not list the saved views"
 * @reason: why
 *
 * Says in the banner under the header what a view could not do, for failures that leave
 * the window usable; the panels reach it through the "win.show-error" action.
 */
void
atlas_window_show_error (AtlasWindow *self,
                         const char  *what,
                         const char  *reason)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  atlas_error_banner_show (self->error_banner, what, reason);
}

static void
report_error (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *what, *reason;

  g_variant_get (parameter, "(&s&s)", &what, &reason);
  atlas_window_show_error (ATLAS_WINDOW (user_data), what, reason);
}

/* The Saved Views submenu lists the store's views, each opening its view. */
/* F6 and Shift+F6 move the focus from panel to panel, in reading order, as GNOME
 * applications do between their panes. */
static void
move_between_panels (AtlasWindow *self,
                     int          step)
{
  GtkWidget *panels[] = {
    GTK_WIDGET (self->actors_panel), GTK_WIDGET (self->map_panel), GTK_WIDGET (self->timeline_panel),
    GTK_WIDGET (self->events_panel), GTK_WIDGET (self->details_panel),
  };
  const int n_panels = G_N_ELEMENTS (panels);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int current = step > 0 ? -1 : n_panels;

  for (int i = 0; focus != NULL && i < n_panels; i++)
    if (focus == panels[i] || gtk_widget_is_ancestor (focus, panels[i]))
      current = i;

  /* A panel with nothing to focus (the details with nothing selected) is passed over. */
  for (int tried = 1; tried <= n_panels; tried++)
    {
      GtkWidget *next = panels[((current + step * tried) % n_panels + n_panels) % n_panels];

      if (gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
next_panel (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  move_between_panels (ATLAS_WINDOW (user_data), 1);
}

static void
previous_panel (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  move_between_panels (ATLAS_WINDOW (user_data), -1);
}

static void
find_words (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->session != NULL)
    atlas_timeline_panel_focus_words (self->timeline_panel);
}

/* Ctrl+E: the export dialog, starting from the map and the timeline as they are on screen. */
static void
export (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  AtlasTimeline *timeline;
  const AtlasTimelineScene *scene;
  AtlasExportDialog *dialog;
  AtlasExportOptions on_screen;
  AtlasExportScreen screen;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!atlas_map_panel_get_export_options (self->map_panel, &on_screen, &error))
    {
      show_message (self, _("Could not export"), error->message);
      return;
    }

  timeline = atlas_timeline_panel_get_timeline (self->timeline_panel);
  scene = atlas_timeline_get_scene (timeline);
  on_screen.timeline_start = scene->start;
  on_screen.timeline_span = scene->span;
  on_screen.lanes = atlas_timeline_get_lane_mode (timeline);
  screen = (AtlasExportScreen) {
    .timeline_width = MAX (ATLAS_TIMELINE_GUTTER + 200, (int) scene->width),
    .window_width = MAX (800, gtk_widget_get_width (GTK_WIDGET (self))),
    .window_height = MAX (600, gtk_widget_get_height (GTK_WIDGET (self))),
  };

  dialog = atlas_export_dialog_new (GTK_WINDOW (self), self->session,
                                    atlas_map_panel_get_features (self->map_panel), &on_screen, &screen);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_map (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && !atlas_map_panel_copy (self->map_panel, &error))
    show_message (self, _("Could not copy the map"), error->message);
}

static void
update_views_menu (AtlasWindow *self)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->views_menu);
  if (self->session == NULL)
    return;

  names = atlas_saved_views_list (atlas_session_get_store (self->session), &error);
  if (names == NULL)
    atlas_window_show_error (self, _("Could not list the saved views"), error->message);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-view", g_variant_new_string (names[i]));
      g_menu_append_item (self->views_menu, item);
    }
}

/**
 * atlas_window_open_view:
 *
 * Shows the saved view @name, or says why it cannot.
 */
gboolean
atlas_window_open_view (AtlasWindow *self,
                        const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lanes = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return FALSE;

  if (!atlas_saved_views_open (self->session, name, &lanes, &error))
    {
      show_message (self, _("Could not open the view"), error->message);
      return FALSE;
    }
  atlas_timeline_panel_set_lanes (self->timeline_panel, lanes);
  return TRUE;
}

gboolean
atlas_window_save_view (AtlasWindow *self,
                        const char  *name)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return FALSE;

  if (!atlas_saved_views_save (self->session, name,
                               atlas_timeline_panel_get_lanes (self->timeline_panel), &error))
    {
      show_message (self, _("Could not save the view"), error->message);
      return FALSE;
    }
  update_views_menu (self);
  return TRUE;
}

static void
open_view (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  atlas_window_open_view (ATLAS_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
on_save_response (GtkDialog   *dialog,
                  int          response,
                  AtlasWindow *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (response == GTK_RESPONSE_ACCEPT)
    atlas_window_save_view (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Asks for a name and saves the view under it (a name in use is replaced). */
static void
save_view (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  GtkWidget *dialog, *entry, *area;

  dialog = gtk_dialog_new_with_buttons (_("Save View"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                        GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Save"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name of the view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the view"), -1);
  gtk_widget_set_margin_start (entry, 18);
  gtk_widget_set_margin_end (entry, 18);
  gtk_widget_set_margin_top (entry, 18);
  gtk_widget_set_margin_bottom (entry, 18);
  area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_box_append (GTK_BOX (area), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
manage_views (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  AtlasViewsDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = atlas_views_dialog_new (GTK_WINDOW (self), atlas_session_get_store (self->session));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (update_views_menu), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The header's back and forward buttons are live only when there is somewhere to go. */
static void
update_moves (AtlasWindow *self)
{
  GAction *back = g_action_map_lookup_action (G_ACTION_MAP (self), "back");
  GAction *forward = g_action_map_lookup_action (G_ACTION_MAP (self), "forward");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (back),
                               self->history != NULL && atlas_history_can_go_back (self->history));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (forward),
                               self->history != NULL && atlas_history_can_go_forward (self->history));
}

static void
check_store (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (self->session != NULL)
    atlas_store_checker_run (GTK_WINDOW (self), atlas_session_get_store (self->session));
}

static void
atlas_window_init (AtlasWindow *self)
{
  static const GActionEntry window_actions[] = {
    { "back", go_back },
    { "forward", go_forward },
    { "save-view", save_view },
    { "open-view", open_view, "s" },
    { "manage-views", manage_views },
    { "next-panel", next_panel },
    { "previous-panel", previous_panel },
    { "find", find_words },
    { "export", export },
    { "copy-map", copy_map },
    { "check-store", check_store },
    { "show-error", report_error, "(ss)" },
  };

  static const GActionEntry session_actions[] = {
    { "clear-selection", clear_selection },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  update_moves (self);

  g_action_map_add_action_entries (G_ACTION_MAP (group), session_actions,
                                   G_N_ELEMENTS (session_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session", G_ACTION_GROUP (group));
}

static gboolean
present_error_dialog (gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("Could not open the atlas"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            gtk_label_get_text (self->error_label));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* The dialog comes once the window is on screen, so that it stands in front of it. */
static void
on_mapped_with_error (AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_mapped_with_error, NULL);
  g_idle_add_full (G_PRIORITY_LOW, present_error_dialog, g_object_ref (self), g_object_unref);
}

static void
show_error (AtlasWindow  *self,
            const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_label_set_text (self->subtitle_label, _("No store open"));
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  g_signal_connect (self, "map", G_CALLBACK (on_mapped_with_error), NULL);
}

/* The window's size and panes, as they were left. */
static void
bind_window_settings (AtlasWindow *self)
{
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "actors-width", self->outer_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "details-position", self->inner_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-height", self->centre_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timeline-height", self->lower_paned, "position", G_SETTINGS_BIND_DEFAULT);
}

/* The map's view, the "as of" day and whether the events follow it, the timeline's lanes and
 * the basemap, as they were left. */
static void
bind_view_settings (AtlasWindow *self)
{
  g_settings_bind (self->settings, "map-latitude", self->session, "map-latitude", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-longitude", self->session, "map-longitude", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-zoom", self->session, "map-zoom", G_SETTINGS_BIND_DEFAULT);
  atlas_settings_bind_string (self->settings, "date", self->session, "date");
  g_settings_bind (self->settings, "events-as-of", self->session, "events-as-of", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "online-tiles", self->map_panel, "online", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "place-names", self->session, "place-names", G_SETTINGS_BIND_DEFAULT);
  atlas_timeline_panel_bind_settings (self->timeline_panel, self->settings);
}

/* The lists (actors, events and the details' passages) get the session once the first frame
 * is on screen: reading and laying out their rows would only delay the frame that shows the
 * map, and they fill a moment later. */
static gboolean
fill_lists (gpointer user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  self->fill_lists_id = 0;
  if (self->session == NULL || atlas_panel_get_session (ATLAS_PANEL (self->events_panel)) != NULL)
    return G_SOURCE_REMOVE;

  g_object_set (self->actors_panel, "session", self->session, NULL);
  g_object_set (self->events_panel, "session", self->session, NULL);
  g_object_set (self->details_panel, "session", self->session, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock,
                AtlasWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  /* After what the frame clock and the map's tiles want done first. */
  if (self->fill_lists_id == 0)
    self->fill_lists_id = g_idle_add_full (G_PRIORITY_LOW, fill_lists, self, NULL);
}

static void
on_realize (AtlasWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

/**
 * atlas_window_get_lists_filled:
 *
 * Returns: whether the lists have their session yet: they get it once the first frame is
 *   drawn
 */
gboolean
atlas_window_get_lists_filled (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  return self->session != NULL && atlas_panel_get_session (ATLAS_PANEL (self->events_panel)) != NULL;
}

/**
 * atlas_window_get_settled:
 *
 * Returns: whether every panel shows the session as it is, none waiting for a frame to be
 *   drawn before it follows a change
 */
gboolean
atlas_window_get_settled (AtlasWindow *self)
{
  AtlasPanel *panels[] = { ATLAS_PANEL (self->actors_panel), ATLAS_PANEL (self->events_panel),
                           ATLAS_PANEL (self->map_panel), ATLAS_PANEL (self->timeline_panel),
                           ATLAS_PANEL (self->details_panel) };

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    if (atlas_panel_get_update_pending (panels[i]))
      return FALSE;
  return TRUE;
}

/**
 * atlas_window_new:
 * @store: (nullable): the open store, or %NULL when opening failed
 * @error: (nullable): why opening failed
 */
AtlasWindow *
atlas_window_new (AtlasApplication *application,
                  AtlasStore       *store,
                  const GError     *error)
{
  AtlasWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATLAS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || error != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
  self->settings = atlas_settings_new ();
  if (self->settings != NULL)
    bind_window_settings (self);

  if (store == NULL)
    {
      show_error (self, error);
      return self;
    }

  self->session = atlas_session_new (store);
  /* A large store must not freeze the window while the filter runs. */
  atlas_session_find_in_background (self->session);
  self->history = atlas_history_new (self->session);
  g_signal_connect_object (self->history, "notify::can-go-back", G_CALLBACK (update_moves), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-go-forward", G_CALLBACK (update_moves), self,
                           G_CONNECT_SWAPPED);
  update_views_menu (self);
  name = g_path_get_basename (atlas_store_get_path (store));
  gtk_label_set_text (self->subtitle_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), atlas_store_get_path (store));
  gtk_revealer_set_reveal_child (self->read_only_banner, atlas_store_get_read_only (store));

  g_object_set (self->map_panel, "session", self->session, NULL);
  g_object_set (self->timeline_panel, "session", self->session, NULL);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  {
    g_autoptr(GPropertyAction) online = g_property_action_new ("online-map", self->map_panel, "online");
    /* The Place Names submenu's radio items: "both", "official" or "sources". */
    g_autoptr(GPropertyAction) names = g_property_action_new ("place-names", self->session,
                                                              "place-names");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (online));
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (names));
  }
  if (self->settings != NULL)
    bind_view_settings (self);
  /* Not the first entry GTK would choose, whose cursor blinks forever. */
  atlas_map_panel_focus_map (self->map_panel);

  return self;
}

/* %NULL when no store is open. */
AtlasSession *
atlas_window_get_session (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->session;
}
