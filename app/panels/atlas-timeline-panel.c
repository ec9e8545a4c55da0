/* atlas-timeline-panel.c: the timeline, the filters as chips, and the "as of" date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads and writes the session: the filter (chips, words, a brushed range),
 * the "as of" date (the cursor, the date entry, play) and whether the events follow it (a
 * switch), and the selection (a click on an event, whose actor's, corridor's or place's
 * events are outlined). The map and the other panels follow through the session.
 */

#define G_LOG_DOMAIN "atlas-timeline-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-filter-chip.h"
#include "atlas-query.h"
#include "atlas-summary.h"
#include "atlas-timeline.h"
#include "atlas-timeline-overview.h"
#include "atlas-timeline-panel.h"
#include "atlas-vocabulary.h"

struct _AtlasTimelinePanel
{
  AtlasPanel      parent_instance;

  GHashTable     *actor_names;  /* gint64 actor id -> name */
  guint           play_id;

  GtkSearchEntry *text_entry;
  GtkBox         *kinds_box;
  gboolean        syncing_kinds;
  GtkBox         *chips_box;
  GtkLabel       *count_label;
  GtkSpinner     *busy_spinner;
  GtkButton      *clear_button;
  AtlasTimeline  *timeline;
  GtkDropDown    *lanes_dropdown;
  GtkEntry       *date_entry;
  GtkToggleButton *play_button;
  GtkDropDown    *speed_dropdown;
  GtkSwitch      *events_switch;
  GBinding       *events_binding;  /* the switch to the session's events-as-of */
};

G_DEFINE_FINAL_TYPE (AtlasTimelinePanel, atlas_timeline_panel, ATLAS_TYPE_PANEL)

static AtlasSession *
session_of (AtlasTimelinePanel *self)
{
  return atlas_panel_get_session (ATLAS_PANEL (self));
}

/* Changes a copy of the session's filter with @change and sets it back. */
typedef void (*FilterChange) (AtlasFilter *filter, gpointer data);

static void
change_filter (AtlasTimelinePanel *self,
               FilterChange        change,
               gpointer            data)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_copy (atlas_session_get_filter (session_of (self)));

  change (filter, data);
  atlas_session_set_filter (session_of (self), filter);
}

/* A chip: what a criterion is, and a button that takes it away. */
typedef struct
{
  AtlasFilterSet set;   /* for ids; ATLAS_FILTER_N_SETS for the others */
  gint64         id;
  char          *kind;
  char           what;  /* 'd' dates, 't' text, 'x' with excerpts, 'p' disputed, 'k' kind,
                         * 'i' ids */
} Chip;

static void
chip_free (gpointer data)
{
  Chip *chip = data;

  g_free (chip->kind);
  g_free (chip);
}

static void
remove_chip (AtlasFilter *filter,
             gpointer     data)
{
  Chip *chip = data;

  switch (chip->what)
    {
    case 'd':
      atlas_filter_set_from (filter, NULL);
      atlas_filter_set_to (filter, NULL);
      break;
    case 't':
      atlas_filter_set_text (filter, NULL);
      break;
    case 'x':
      atlas_filter_set_with_excerpts (filter, FALSE);
      break;
    case 'p':
      atlas_filter_set_disputed (filter, FALSE);
      break;
    case 'k':
      atlas_filter_remove_kind (filter, chip->kind);
      break;
    case 'i':
    default:
      atlas_filter_remove_id (filter, chip->set, chip->id);
      break;
    }
}

static void
on_chip_clicked (GtkButton          *button,
                 AtlasTimelinePanel *self)
{
  change_filter (self, remove_chip, g_object_get_data (G_OBJECT (button), "chip"));
}

static void
add_chip (AtlasTimelinePanel *self,
          const char         *label,
          Chip               *chip)
{
  GtkWidget *button = atlas_filter_chip_new (label);

  g_object_set_data_full (G_OBJECT (button), "chip", chip, chip_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);
  gtk_box_append (self->chips_box, button);
}

static char *
id_label (AtlasTimelinePanel *self,
          AtlasFilterSet      set,
          gint64              id)
{
  AtlasItem item = { set == ATLAS_FILTER_CORRIDORS ? ATLAS_ITEM_CORRIDOR : ATLAS_ITEM_PLACE, id };
  g_autoptr(AtlasSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (set == ATLAS_FILTER_ACTORS)
    {
      name = g_hash_table_lookup (self->actor_names, &id);
      return g_strdup (name ? name : "?");
    }

  summary = atlas_summary_load (atlas_session_get_store (session_of (self)), &item, NULL,
                                atlas_session_get_place_names (session_of (self)), &error);
  if (summary == NULL)
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not name a filter"), error);
  return g_strdup (summary ? summary->title : "?");
}

static void
toggle_kind (AtlasFilter *filter,
             gpointer     data)
{
  const char *kind = data;
  const char * const *kinds = atlas_filter_get_kinds (filter);

  if (g_strv_contains (kinds, kind))
    atlas_filter_remove_kind (filter, kind);
  else
    atlas_filter_add_kind (filter, kind);
}

static void
toggle_with_excerpts (AtlasFilter *filter,
                      gpointer     data)
{
  atlas_filter_set_with_excerpts (filter, !atlas_filter_get_with_excerpts (filter));
}

static void
toggle_disputed (AtlasFilter *filter,
                 gpointer     data)
{
  atlas_filter_set_disputed (filter, !atlas_filter_get_disputed (filter));
}

/* The popover's checks: a kind's carries the kind; the others say which criterion. */
#define CHECK_DISPUTED "disputed"

static void
on_kind_toggled (GtkCheckButton     *check,
                 AtlasTimelinePanel *self)
{
  const char *kind = g_object_get_data (G_OBJECT (check), "kind");

  if (self->syncing_kinds)
    return;
  if (kind != NULL)
    change_filter (self, toggle_kind, (gpointer) kind);
  else if (g_object_get_data (G_OBJECT (check), CHECK_DISPUTED) != NULL)
    change_filter (self, toggle_disputed, NULL);
  else
    change_filter (self, toggle_with_excerpts, NULL);
}

/* The kinds popover: a check for each kind of event, in the vocabulary's order, and "with
 * sources only". */
static void
build_kinds (AtlasTimelinePanel *self)
{
  GtkWidget *check;

  for (guint i = 0; i < atlas_vocabulary_get_n_terms (ATLAS_VOCABULARY_EVENT_KINDS); i++)
    {
      const char *kind = atlas_vocabulary_get_term (ATLAS_VOCABULARY_EVENT_KINDS, i);

      check = gtk_check_button_new_with_label (atlas_event_kind_label (kind));
      g_object_set_data (G_OBJECT (check), "kind", (gpointer) kind);
      g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled), self);
      gtk_box_append (self->kinds_box, check);
    }
  gtk_box_append (self->kinds_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  check = gtk_check_button_new_with_label (_("Only events with sources"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled), self);
  gtk_box_append (self->kinds_box, check);
  check = gtk_check_button_new_with_label (_("Only disputed events"));
  gtk_widget_set_tooltip_text (check, _("Events the sources disagree on"));
  g_object_set_data (G_OBJECT (check), CHECK_DISPUTED, GINT_TO_POINTER (TRUE));
  g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled), self);
  gtk_box_append (self->kinds_box, check);
}

static void
sync_kinds (AtlasTimelinePanel *self,
            const AtlasFilter  *filter)
{
  self->syncing_kinds = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *kind = g_object_get_data (G_OBJECT (child), "kind");

      if (!GTK_IS_CHECK_BUTTON (child))
        continue;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                   kind ? g_strv_contains (atlas_filter_get_kinds (filter), kind)
                                   : g_object_get_data (G_OBJECT (child), CHECK_DISPUTED)
                                   ? atlas_filter_get_disputed (filter)
                                   : atlas_filter_get_with_excerpts (filter));
    }
  self->syncing_kinds = FALSE;
}

static void
rebuild_chips (AtlasTimelinePanel *self)
{
  const AtlasFilter *filter = atlas_session_get_filter (session_of (self));
  const char * const *kinds = atlas_filter_get_kinds (filter);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  if (atlas_filter_get_from (filter) != NULL || atlas_filter_get_to (filter) != NULL)
    {
      g_autofree char *from = atlas_filter_get_from (filter) ? atlas_date_format (atlas_filter_get_from (filter)) : NULL;
      g_autofree char *to = atlas_filter_get_to (filter) ? atlas_date_format (atlas_filter_get_to (filter)) : NULL;
      g_autofree char *label = NULL;
      Chip *chip = g_new0 (Chip, 1);

      if (from != NULL && to != NULL)
        /* Translators: a date filter: from a date to a date */
        label = g_strdup_printf (_("%s – %s"), from, to);
      else if (from != NULL)
        label = g_strdup_printf (_("From %s"), from);
      else
        label = g_strdup_printf (_("Until %s"), to);
      chip->what = 'd';
      add_chip (self, label, chip);
    }

  for (guint set = 0; set < ATLAS_FILTER_N_SETS; set++)
    {
      const GArray *ids = atlas_filter_get_ids (filter, set);

      for (guint i = 0; i < ids->len; i++)
        {
          Chip *chip = g_new0 (Chip, 1);
          g_autofree char *label = NULL;

          chip->what = 'i';
          chip->set = set;
          chip->id = g_array_index (ids, gint64, i);
          label = id_label (self, set, chip->id);
          add_chip (self, label, chip);
        }
    }

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      Chip *chip = g_new0 (Chip, 1);

      chip->what = 'k';
      chip->kind = g_strdup (kinds[i]);
      add_chip (self, atlas_event_kind_label (kinds[i]), chip);
    }

  if (atlas_filter_get_text (filter) != NULL)
    {
      g_autofree char *label = g_strdup_printf ("“%s”", atlas_filter_get_text (filter));
      Chip *chip = g_new0 (Chip, 1);

      chip->what = 't';
      add_chip (self, label, chip);
    }

  if (atlas_filter_get_with_excerpts (filter))
    {
      Chip *chip = g_new0 (Chip, 1);

      chip->what = 'x';
      add_chip (self, _("With sources only"), chip);
    }

  if (atlas_filter_get_disputed (filter))
    {
      Chip *chip = g_new0 (Chip, 1);

      chip->what = 'p';
      /* Translators: the chip of the filter that keeps only the events the sources
       * disagree on */
      add_chip (self, C_("filter", "Disputed"), chip);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), !atlas_filter_is_empty (filter));
  sync_kinds (self, filter);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry),
                         atlas_filter_get_text (filter) ? atlas_filter_get_text (filter) : "");
}

/* While the results are being found, the count of the last ones would be wrong. */
static void
update_count (AtlasTimelinePanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  gboolean busy = atlas_results_get_busy (results);
  guint n = atlas_results_get_n_events (results);
  g_autofree char *count = NULL;

  if (busy)
    count = g_strdup (_("Finding events…"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}

/* Outlines the events of the selected actor, corridor or place. */
static void
mark_selection (AtlasTimelinePanel *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *marked;

  if (!atlas_timeline_selection_events (session_of (self), &marked, &error))
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not mark the selection’s events"), error);
  atlas_timeline_set_marked (self->timeline, marked);
}

static void
reload (AtlasTimelinePanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  const AtlasFilter *filter = atlas_results_get_filter (results);
  GArray *events = atlas_results_get_timeline (results);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (atlas_results_get_error (results) != NULL)
    g_warning ("Could not place the events on the timeline: %s",
               atlas_results_get_error (results)->message);

  atlas_timeline_set_events (self->timeline, events, self->actor_names);
  mark_selection (self);
  first = atlas_date_first_day (atlas_filter_get_from (filter));
  last = atlas_date_last_day (atlas_filter_get_to (filter));
  atlas_timeline_set_range (self->timeline, atlas_date_to_number (first),
                            atlas_date_to_number (last));

  update_count (self);
}

/* Shows whether the typed date could be read: the error style, and what could not be read
 * in a warning icon's tooltip and for assistive technologies; %NULL clears them. */
static void
show_date_error (AtlasTimelinePanel *self,
                 const GError       *error)
{
  GtkWidget *entry = GTK_WIDGET (self->date_entry);

  if (error == NULL)
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_entry_set_icon_from_icon_name (self->date_entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_widget_add_css_class (entry, "error");
  gtk_entry_set_icon_from_icon_name (self->date_entry, GTK_ENTRY_ICON_SECONDARY, "dialog-warning-symbolic");
  gtk_entry_set_icon_tooltip_text (self->date_entry, GTK_ENTRY_ICON_SECONDARY, error->message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error->message, -1);
}

/* The entry shows the date in words, as the program writes it everywhere. */
static void
on_session_date (AtlasTimelinePanel *self)
{
  const char *date = atlas_session_get_date (session_of (self));
  g_autofree char *words = date ? atlas_date_format (date) : g_strdup ("");

  atlas_timeline_set_cursor (self->timeline, atlas_date_to_number (date));
  show_date_error (self, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), words) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), words);
}

static void
on_session_selection (AtlasTimelinePanel *self)
{
  const AtlasItem *item = atlas_session_get_selection (session_of (self));

  atlas_timeline_set_selected (self->timeline, item->kind == ATLAS_ITEM_EVENT ? item->id : 0);
  mark_selection (self);
}

static void
on_event_activated (AtlasTimelinePanel *self,
                    gint64              event_id)
{
  atlas_session_select (session_of (self), ATLAS_ITEM_EVENT, event_id);
}

static void
on_cursor_moved (AtlasTimelinePanel *self,
                 int                 day)
{
  g_autofree char *iso = atlas_date_from_number (day);

  atlas_session_set_date (session_of (self), iso);
}

typedef struct
{
  char *from;
  char *to;
} Range;

static void
set_range (AtlasFilter *filter,
           gpointer     data)
{
  Range *range = data;

  atlas_filter_set_from (filter, range->from);
  atlas_filter_set_to (filter, range->to);
}

static void
on_range_brushed (AtlasTimelinePanel *self,
                  int                 first,
                  int                 last)
{
  g_autofree char *from = atlas_date_from_number (first);
  g_autofree char *to = atlas_date_from_number (last);
  Range range = { from, to };

  change_filter (self, set_range, &range);
}

static void
set_text (AtlasFilter *filter,
          gpointer     data)
{
  atlas_filter_set_text (filter, data);
}

static void
on_text_activate (AtlasTimelinePanel *self)
{
  change_filter (self, set_text, (gpointer) gtk_editable_get_text (GTK_EDITABLE (self->text_entry)));
}

static void
on_text_stop (AtlasTimelinePanel *self)
{
  change_filter (self, set_text, NULL);
}

static void
on_clear_clicked (AtlasTimelinePanel *self)
{
  atlas_session_set_filter (session_of (self), NULL);
}

static void
on_lanes_changed (AtlasTimelinePanel *self)
{
  atlas_timeline_set_lane_mode (self->timeline, gtk_drop_down_get_selected (self->lanes_dropdown) == 1
                                                ? ATLAS_TIMELINE_LANES_BY_ACTOR
                                                : ATLAS_TIMELINE_LANES_BY_KIND);
}

static void
on_fit_clicked (AtlasTimelinePanel *self)
{
  atlas_timeline_show_all (self->timeline);
}

/* A typed date, as the program writes dates ("8 August 2025", "August 2025") or in ISO
 * form; a month or a year is taken at its first day; empty for today. What cannot be read
 * is said, and the date stays the last good one. */
static void
on_date_activate (AtlasTimelinePanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  if (*text == '\0')
    {
      show_date_error (self, NULL);
      atlas_session_set_date (session_of (self), NULL);
      return;
    }

  date = atlas_date_read (text, &error);
  if (date == NULL)
    {
      show_date_error (self, error);
      return;
    }

  day = atlas_date_first_day (date);
  atlas_session_set_date (session_of (self), day);
  /* The same day again changes nothing in the session; the entry shows it in words all the same. */
  on_session_date (self);
}

/* Each tick moves the date on by a share of the visible years; the end stops play. */
static gboolean
play_tick (gpointer user_data)
{
  AtlasTimelinePanel *self = ATLAS_TIMELINE_PANEL (user_data);
  static const double shares[] = { 1.0 / 600, 1.0 / 200, 1.0 / 60 };
  double start, span;
  int day = atlas_timeline_get_cursor (self->timeline);
  g_autofree char *iso = NULL;

  atlas_timeline_get_visible (self->timeline, &start, &span);
  if (day < start || day >= start + span)
    day = (int) start;
  day += MAX (1, (int) (span * shares[MIN (gtk_drop_down_get_selected (self->speed_dropdown), 2)]));

  if (day >= start + span)
    {
      gtk_toggle_button_set_active (self->play_button, FALSE);
      return G_SOURCE_REMOVE;
    }

  iso = atlas_date_from_number (day);
  atlas_session_set_date (session_of (self), iso);
  return G_SOURCE_CONTINUE;
}

static void
on_play_toggled (AtlasTimelinePanel *self)
{
  gboolean playing = gtk_toggle_button_get_active (self->play_button);

  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  if (playing)
    self->play_id = g_timeout_add (50, play_tick, self);
}

static void
load_actor_names (AtlasTimelinePanel *self)
{
  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  self->actor_names = atlas_timeline_actor_names (atlas_session_get_store (session_of (self)));
}

static void
atlas_timeline_panel_session_changed (AtlasPanel *panel)
{
  AtlasTimelinePanel *self = ATLAS_TIMELINE_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (panel);

  if (session == NULL)
    return;

  load_actor_names (self);
  atlas_timeline_set_store (self->timeline, atlas_session_get_store (session));
  g_clear_pointer (&self->events_binding, g_binding_unbind);
  self->events_binding = g_object_bind_property (session, "events-as-of", self->events_switch, "active",
                                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (atlas_panel_get_results (panel), "changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (atlas_panel_get_results (panel), "notify::busy", G_CALLBACK (update_count), self);
  /* The chips show the filter as soon as it is set, before its results are in. */
  g_signal_connect_swapped (session, "notify::filter", G_CALLBACK (rebuild_chips), self);
  /* A place's chip is named as the map names it. */
  g_signal_connect_swapped (session, "notify::place-names", G_CALLBACK (rebuild_chips), self);
  g_signal_connect_swapped (session, "notify::date", G_CALLBACK (on_session_date), self);
  g_signal_connect_swapped (session, "notify::selection", G_CALLBACK (on_session_selection), self);
  reload (self);
  rebuild_chips (self);
  on_session_date (self);
  on_session_selection (self);
}

static void
atlas_timeline_panel_dispose (GObject *object)
{
  AtlasTimelinePanel *self = ATLAS_TIMELINE_PANEL (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  g_clear_pointer (&self->events_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TIMELINE_PANEL);
  g_clear_pointer (&self->actor_names, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_timeline_panel_parent_class)->dispose (object);
}

static void
atlas_timeline_panel_class_init (AtlasTimelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_panel_dispose;
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_timeline_panel_session_changed;

  g_type_ensure (ATLAS_TYPE_TIMELINE);
  g_type_ensure (ATLAS_TYPE_TIMELINE_OVERVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-timeline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, text_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, lanes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, date_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, play_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePanel, events_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_text_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_text_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_event_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_cursor_moved);
  gtk_widget_class_bind_template_callback (widget_class, on_range_brushed);
  gtk_widget_class_bind_template_callback (widget_class, on_lanes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_play_toggled);
}

static void
atlas_timeline_panel_init (AtlasTimelinePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_kinds (self);
  self->actor_names = g_hash_table_new (g_int64_hash, g_int64_equal);
}

AtlasTimeline *
atlas_timeline_panel_get_timeline (AtlasTimelinePanel *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_PANEL (self), NULL);

  return self->timeline;
}

/**
 * atlas_timeline_panel_focus_words:
 * @self: an #AtlasTimelinePanel
 *
 * Moves the keyboard focus to the words filter, its text selected so typing replaces it.
 */
void
atlas_timeline_panel_focus_words (AtlasTimelinePanel *self)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->text_entry), 0, -1);
}

static gboolean
lanes_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  AtlasTimelineLanes mode = ATLAS_TIMELINE_LANES_BY_KIND;

  atlas_timeline_lanes_from_name (g_variant_get_string (variant, NULL), &mode);
  g_value_set_uint (value, mode);
  return TRUE;
}

static GVariant *
lanes_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (atlas_timeline_lanes_to_name (g_value_get_uint (value)));
}

/**
 * atlas_timeline_panel_get_lanes:
 *
 * Returns: the timeline's lanes by name ("kind" or "actor"), as a saved view keeps them
 */
const char *
atlas_timeline_panel_get_lanes (AtlasTimelinePanel *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_PANEL (self), NULL);

  return atlas_timeline_lanes_to_name (gtk_drop_down_get_selected (self->lanes_dropdown));
}

/**
 * atlas_timeline_panel_set_lanes:
 * @lanes: (nullable): lanes by name; %NULL or a name that is none leaves them as they are
 *
 * Shows the timeline's lanes as a saved view has them, through the drop-down so that it and
 * the settings follow.
 */
void
atlas_timeline_panel_set_lanes (AtlasTimelinePanel *self,
                                const char         *lanes)
{
  AtlasTimelineLanes mode;

  g_return_if_fail (ATLAS_IS_TIMELINE_PANEL (self));

  if (atlas_timeline_lanes_from_name (lanes, &mode))
    gtk_drop_down_set_selected (self->lanes_dropdown, mode);
}

/* Keeps the lanes the timeline was left with in @settings' "timeline-lanes". */
void
atlas_timeline_panel_bind_settings (AtlasTimelinePanel *self,
                                    GSettings          *settings)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_PANEL (self));

  g_settings_bind_with_mapping (settings, "timeline-lanes", self->lanes_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, lanes_from_setting, lanes_to_setting,
                                NULL, NULL);
}
