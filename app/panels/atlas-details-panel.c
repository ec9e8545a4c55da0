/* atlas-details-panel.c: the selected item, its links and the excerpts behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-details-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accounts-view.h"
#include "atlas-actor.h"
#include "atlas-date.h"
#include "atlas-details-panel.h"
#include "atlas-event.h"
#include "atlas-excerpt.h"
#include "atlas-features.h"
#include "atlas-links.h"
#include "atlas-panel.h"
#include "atlas-passage.h"
#include "atlas-query.h"
#include "atlas-record-list.h"
#include "atlas-status-card.h"
#include "atlas-summary.h"
#include "atlas-text.h"

struct _AtlasDetailsPanel
{
  AtlasPanel    parent_instance;

  AtlasRecordList *excerpts;   /* the passages shown */
  GtkMapListModel *passages;   /* the excerpts as AtlasPassage rows */
  GtkSliceListModel *shown;    /* the first of them, more as the list is scrolled down */
  guint         more_source;   /* adds a page of passages, or 0 */
  char         *words;         /* that the passages show in bold */

  GtkStack     *stack;
  GtkScrolledWindow *scroller;
  GtkLabel     *kicker_label;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  AtlasAccountsView *accounts_view;
  GtkFlowBox   *links_box;
  GtkButton    *filter_button;
  GtkLabel     *summary_label;
  GtkLabel     *names_label;
  GtkLabel     *excerpts_heading;
  GtkLabel     *relations_heading;
  GtkBox       *relations_box;
  GtkScrolledWindow *passages_scroller;
  GtkListView  *passages_view;
};

G_DEFINE_FINAL_TYPE (AtlasDetailsPanel, atlas_details_panel, ATLAS_TYPE_PANEL)

/* How tall the details above the passages grow before they scroll on their own: long
 * details leave the passages room, a disputed event's accounts take most of it. */
#define DETAILS_HEIGHT 300
#define DISPUTED_DETAILS_HEIGHT 680

/* A disputed event's accounts, side by side, are what its details are about: the details
 * then grow to show them, before the passages below take what is left. */
static void
set_details_height (AtlasDetailsPanel *self,
                    gboolean           disputed)
{
  gtk_scrolled_window_set_max_content_height (self->scroller, disputed ? DISPUTED_DETAILS_HEIGHT
                                                                        : DETAILS_HEIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->passages_scroller), !disputed);
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
on_link_clicked (GtkButton         *button,
                 AtlasDetailsPanel *self)
{
  AtlasItemKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "item-kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "item-id");

  atlas_session_select (atlas_panel_get_session (ATLAS_PANEL (self)), kind, id);
}

static gboolean
on_query_tip (GtkWidget  *widget,
              int         x,
              int         y,
              gboolean    keyboard,
              GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "atlas-tip"));
  return TRUE;
}

/* A tooltip given when it is asked for: setting one asks the display where the pointer is,
 * a round trip to the X server for each of the dozens of buttons an actor's details make. */
static void
set_tip (GtkWidget  *widget,
         const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "atlas-tip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* A linked item as a button that selects it; long titles are shortened, whole in the tooltip. */
static void
add_link (AtlasDetailsPanel *self,
          AtlasItemKind      kind,
          gint64             id,
          const char        *label,
          const char        *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkLabel *text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  gtk_label_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (text, 36);
  gtk_widget_add_css_class (button, "atlas-link");
  set_tip (button, tooltip ? tooltip : label);
  g_object_set_data (G_OBJECT (button), "item-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked), self);
  gtk_flow_box_append (self->links_box, button);
}

static void
add_actor_link (AtlasDetailsPanel *self,
                AtlasActor        *actor)
{
  add_link (self, ATLAS_ITEM_ACTOR, atlas_actor_get_id (actor), atlas_actor_get_name (actor),
            atlas_actor_get_role (actor));
}

/* The links of @item that atlas-links knows (places, corridors, zones, events), after any
 * already in the box; the box shows when it holds any. */
static void
add_item_links (AtlasDetailsPanel *self,
                const AtlasItem   *item)
{
  AtlasStore *store = atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self)));
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  links = atlas_links_query (store, item, &error);
  if (links == NULL)
    g_warning ("Could not read the linked items: %s", error->message);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      AtlasLink *link = g_ptr_array_index (links, i);

      add_link (self, link->kind, link->id, link->label, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->links_box)) != NULL);
}

/* Copies the quotation with its attribution, ready to paste into a report. A row
 * template's handler, so it is found by name. */
void atlas_passage_row_copy_citation (GtkListItem *list_item,
                                      GtkButton   *button);

void
atlas_passage_row_copy_citation (GtkListItem *list_item,
                                 GtkButton   *button)
{
  AtlasPassage *passage = gtk_list_item_get_item (list_item);

  if (passage != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                            atlas_passage_get_citation (passage));
}

/* Selecting a quotation selects the event it reports, when it reports one. */
static void
on_passage_activated (AtlasDetailsPanel *self,
                      guint              position)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  gint64 event;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)))
    return;
  event = atlas_query_excerpt_event (atlas_session_get_store (session),
                                     atlas_record_list_get_id (self->excerpts, position));
  if (event != 0)
    atlas_session_select (session, ATLAS_ITEM_EVENT, event);
}

static gpointer
make_passage (gpointer item,
              gpointer user_data)
{
  AtlasDetailsPanel *self = user_data;
  AtlasPassage *passage = atlas_passage_new (ATLAS_EXCERPT (item), self->words);

  g_object_unref (item);
  return passage;
}

/* Makes the rows again when the filter's words change. The list is taken away and given
 * back, as two changes: in one, GTK 4.8's list view would read every row of it. */
static void
highlight_words (AtlasDetailsPanel *self)
{
  const char *words = atlas_filter_get_text (atlas_results_get_filter (atlas_panel_get_results (ATLAS_PANEL (self))));

  if (g_strcmp0 (words, self->words) == 0)
    return;

  g_free (self->words);
  self->words = g_strdup (words);
  gtk_map_list_model_set_model (self->passages, NULL);
  gtk_map_list_model_set_map_func (self->passages, make_passage, self, NULL);
  gtk_map_list_model_set_model (self->passages, G_LIST_MODEL (self->excerpts));
}

/* GTK 4.8's list view makes and measures a row for up to 200 items, not only for those in
 * view: 150 passages of wrapped text took seconds to show, and each row of wrapped text
 * costs a few milliseconds to measure. The list holds about what the panel shows (a
 * passage is at least two lines), and a page more each time it is scrolled to within a
 * screen of its end. */
#define PASSAGES_PAGE 6

static gboolean
show_more_passages (gpointer data)
{
  AtlasDetailsPanel *self = data;

  self->more_source = 0;
  gtk_slice_list_model_set_size (self->shown, gtk_slice_list_model_get_size (self->shown) + PASSAGES_PAGE);
  return G_SOURCE_REMOVE;
}

/* The page is added after the scroll is done: a list that changes while its view scrolls
 * cannot keep its place. */
static void
on_passages_scrolled (AtlasDetailsPanel *self,
                      GtkAdjustment     *adjustment)
{
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) -
                gtk_adjustment_get_page_size (adjustment);

  if (left <= gtk_adjustment_get_page_size (adjustment) && self->more_source == 0 &&
      gtk_slice_list_model_get_size (self->shown) < g_list_model_get_n_items (G_LIST_MODEL (self->passages)))
    self->more_source = g_idle_add (show_more_passages, self);
}

/* Puts @ids' passages in the panel, the filter's words in bold. The list loads only the
 * passages scrolled into view; without any, the details above take the whole height. */
static void
fill_excerpts (AtlasDetailsPanel *self,
               GArray            *ids)
{
  g_autofree char *heading = NULL;

  gtk_slice_list_model_set_size (self->shown, PASSAGES_PAGE);
  atlas_record_list_set_ids (self->excerpts, ids);
  highlight_words (self);
  gtk_widget_set_visible (GTK_WIDGET (self->passages_scroller), ids->len > 0);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller),
                          ids->len == 0 || gtk_widget_get_visible (GTK_WIDGET (self->accounts_view)));
  /* Back to the first passage, as the list's own scrolling does it: setting the adjustment
   * of a list scrolled far down makes GTK 4.8 look for rows it has only estimated. */
  if (ids->len > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->passages_view), "list.scroll-to-item", "u", 0);

  if (ids->len == 0)
    heading = g_strdup (_("No passages in the sources"));
  else if (atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)))->kind == ATLAS_ITEM_NONE)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Passage Behind the Filtered Events",
                                            "%u Passages Behind the Filtered Events", ids->len), ids->len);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Passage in the Sources",
                                            "%u Passages in the Sources", ids->len), ids->len);
  gtk_label_set_text (self->excerpts_heading, heading);
}

static void
show_excerpts (AtlasDetailsPanel *self,
               const AtlasItem   *item)
{
  AtlasStore *store = atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = atlas_query_excerpts_for_item (store, item, &error);

  if (ids == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not find the passages"), error);
      return;
    }
  fill_excerpts (self, ids);
}

/* With nothing selected but a filter set, the passages behind the filter's events. */
static gboolean
show_filtered (AtlasDetailsPanel *self)
{
  AtlasResults *results = atlas_panel_get_results (ATLAS_PANEL (self));
  GArray *ids = atlas_results_get_excerpt_ids (results);

  if (atlas_filter_is_empty (atlas_results_get_filter (results)))
    return FALSE;
  if (atlas_results_get_error (results) != NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not find the passages behind the filter"),
                                atlas_results_get_error (results));
      return FALSE;
    }

  gtk_label_set_text (self->kicker_label, _("Filtered events"));
  gtk_label_set_text (self->title_label, _("What the Sources Say"));
  set_optional_text (self->subtitle_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), FALSE);
  set_optional_text (self->summary_label, NULL);
  set_optional_text (self->names_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_box), FALSE);
  fill_excerpts (self, ids);
  return TRUE;
}

static void
show_names (AtlasDetailsPanel *self,
            const AtlasItem   *item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = atlas_summary_other_names (atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self))),
                                                     item, &error);

  if (text == NULL)
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the other names"), error);
  set_optional_text (self->names_label, text);
}

static void
on_relation_clicked (GtkButton         *button,
                     AtlasDetailsPanel *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "relation-id");

  atlas_session_select (atlas_panel_get_session (ATLAS_PANEL (self)), ATLAS_ITEM_RELATION, id);
}

/* An actor's relations in force on the session's date, each opening its passages. */
static void
show_relations (AtlasDetailsPanel *self,
                const AtlasItem   *item)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  const char *day = atlas_session_get_date (session);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;

  clear_box (GTK_WIDGET (self->relations_box));
  if (item->kind == ATLAS_ITEM_ACTOR)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      g_autoptr(GError) error = NULL;

      rows = atlas_query_relations (atlas_session_get_store (session), item->id, day ? day : today, &error);
      if (rows == NULL)
        atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the relations"), error);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->relations_heading), rows != NULL && rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_box), rows != NULL && rows->len > 0);
  if (rows == NULL || rows->len == 0)
    return;

  when = day ? atlas_date_format (day) : g_strdup (_("today"));
  /* Translators: a heading; %s is a date or "today" */
  heading = g_strdup_printf (_("Relations as of %s"), when);
  gtk_label_set_text (self->relations_heading, heading);

  for (guint i = 0; i < rows->len; i++)
    {
      AtlasRelationRow *row = g_ptr_array_index (rows, i);
      g_autofree char *span = atlas_summary_relation_when (row);
      g_autofree char *text = NULL;
      GtkWidget *button, *label;

      text = g_strdup_printf ("%s · %s%s%s%s%s", atlas_relation_kind_label (row->kind), row->other_name,
                              row->title ? " · " : "", row->title ? row->title : "",
                              span ? " · " : "", span ? span : "");
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      set_tip (button, _("Show the passages behind this relation"));
      g_object_set_data_full (G_OBJECT (button), "relation-id", g_memdup2 (&row->id, sizeof row->id),
                              g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_relation_clicked), self);
      gtk_box_append (self->relations_box, button);
    }
}

static void
show_actor (AtlasDetailsPanel *self,
            const AtlasItem   *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasActor) actor = atlas_actor_load (atlas_session_get_store (atlas_panel_get_session (ATLAS_PANEL (self))),
                                                  item->id, &error);
  g_autofree char *subtitle = NULL;

  if (actor == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the actor"), error);
      return;
    }

  gtk_label_set_text (self->kicker_label, atlas_actor_get_kind_label (actor));
  gtk_label_set_text (self->title_label, atlas_actor_get_name (actor));
  if (atlas_actor_get_role (actor) != NULL && atlas_actor_get_affiliation (actor) != NULL)
    subtitle = g_strdup_printf ("%s · %s", atlas_actor_get_role (actor),
                                atlas_actor_get_affiliation (actor));
  else
    subtitle = g_strdup (atlas_actor_get_role (actor) ? atlas_actor_get_role (actor)
                                                      : atlas_actor_get_affiliation (actor));
  set_optional_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), FALSE);
  set_optional_text (self->summary_label, atlas_actor_get_description (actor));
  show_names (self, item);
  show_relations (self, item);
  show_excerpts (self, item);
}

static void
show_event (AtlasDetailsPanel *self,
            const AtlasItem   *item)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  AtlasStore *store = atlas_session_get_store (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autoptr(AtlasEvent) event = atlas_event_load (store, item->id, &error);
  g_autoptr(GArray) actors = NULL;
  g_autoptr(GString) summary = NULL;
  g_autofree char *date = NULL;
  g_autofree char *kicker = NULL;
  g_autofree char *subtitle = NULL;

  if (event == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the event"), error);
      return;
    }

  date = atlas_event_dup_date_label (event);
  kicker = g_strdup_printf ("%s · %s", atlas_event_kind_label (atlas_event_get_kind (event)), date);
  gtk_label_set_text (self->kicker_label, kicker);
  gtk_label_set_text (self->title_label, atlas_event_get_title (event));

  if (atlas_event_get_place_id (event) != 0 &&
      (place = atlas_place_label_load (store, atlas_event_get_place_id (event),
                                       atlas_session_get_place_names (session), &error)) == NULL)
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not name the event’s place"), error);
      g_clear_error (&error);
    }
  if (place && atlas_event_get_date_wording (event))
    subtitle = g_strdup_printf ("%s · “%s”", place, atlas_event_get_date_wording (event));
  else if (atlas_event_get_date_wording (event))
    subtitle = g_strdup_printf ("“%s”", atlas_event_get_date_wording (event));
  else
    subtitle = g_strdup (place);
  set_optional_text (self->subtitle_label, subtitle);
  if (!atlas_accounts_view_show_event (self->accounts_view, store, item->id, &error))
    {
      atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read what the sources say"), error);
      g_clear_error (&error);
    }
  set_details_height (self, gtk_widget_get_visible (GTK_WIDGET (self->accounts_view)));

  clear_box (GTK_WIDGET (self->links_box));
  actors = atlas_query_event_actors (store, item->id, &error);
  if (actors == NULL)
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the event’s actors"), error);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      g_autoptr(GError) actor_error = NULL;
      g_autoptr(AtlasActor) actor = atlas_actor_load (store, g_array_index (actors, gint64, i), &actor_error);

      if (actor != NULL)
        add_actor_link (self, actor);
      else
        atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the event’s actors"), actor_error);
    }
  add_item_links (self, item);

  summary = g_string_new (atlas_event_get_summary (event));
  if (atlas_event_get_note (event) != NULL)
    g_string_append_printf (summary, "%s%s", summary->len ? "\n\n" : "", atlas_event_get_note (event));
  set_optional_text (self->summary_label, summary->str);
  set_optional_text (self->names_label, NULL);
  show_relations (self, item);
  show_excerpts (self, item);
}

/* A corridor's changes and reports in one history, each saying which it is, with the
 * passages behind it; the one that holds on the session's date is marked. */
static void
show_status_history (AtlasDetailsPanel *self,
                     const AtlasItem   *item)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  AtlasStore *store = atlas_session_get_store (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = atlas_query_status_history (store, item->id, &error);

  if (rows == NULL)
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the status history"), error);
  g_clear_error (&error);
  clear_box (GTK_WIDGET (self->relations_box));
  gtk_label_set_text (self->relations_heading, _("Status History"));
  gtk_widget_set_visible (GTK_WIDGET (self->relations_heading), rows != NULL && rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->relations_box), rows != NULL && rows->len > 0);
  if (rows == NULL || rows->len == 0)
    return;

  if (!atlas_status_card_append_history (self->relations_box, store, rows,
                                          atlas_session_get_date (session), &error))
    atlas_panel_report_error (ATLAS_PANEL (self), _("Could not read the status history"), error);
}

/* Places, corridors, zones, countries and provinces: what they are and what is said of them. */
static gboolean
show_summary (AtlasDetailsPanel *self,
              const AtlasItem   *item)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  g_autoptr(AtlasSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = atlas_summary_load (atlas_session_get_store (session), item,
                                atlas_session_get_date (session),
                                atlas_session_get_place_names (session), &error);
  if (summary == NULL)
    {
      g_debug ("Nothing to show for the selection: %s", error->message);
      return FALSE;
    }

  gtk_label_set_text (self->kicker_label, summary->kicker ? summary->kicker : "");
  gtk_label_set_text (self->title_label, summary->title);
  set_optional_text (self->subtitle_label, summary->subtitle);
  clear_box (GTK_WIDGET (self->links_box));
  add_item_links (self, item);
  set_optional_text (self->summary_label, summary->body);
  show_names (self, item);
  if (item->kind == ATLAS_ITEM_CORRIDOR)
    show_status_history (self, item);
  else
    show_relations (self, item);
  show_excerpts (self, item);
  return TRUE;
}

/* Which set of the filter an item kind belongs in, or -1 when it cannot filter events. */
static int
filter_set_for (AtlasItemKind kind)
{
  switch (kind)
    {
    case ATLAS_ITEM_ACTOR:
      return ATLAS_FILTER_ACTORS;
    case ATLAS_ITEM_CORRIDOR:
      return ATLAS_FILTER_CORRIDORS;
    case ATLAS_ITEM_PLACE:
      return ATLAS_FILTER_PLACES;
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_EVENT:
    case ATLAS_ITEM_ZONE:
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    case ATLAS_ITEM_RELATION:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    default:
      return -1;
    }
}

/* Adds the shown actor, corridor or place to the session's filter. */
static void
on_filter_clicked (AtlasDetailsPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  const AtlasItem *item = atlas_session_get_selection (session);
  g_autoptr(AtlasFilter) filter = atlas_filter_copy (atlas_session_get_filter (session));
  int set = filter_set_for (item->kind);

  if (set < 0)
    return;

  atlas_filter_add_id (filter, set, item->id);
  atlas_session_set_filter (session, filter);
}

/* Only an actor's relations and a corridor's status depend on the date; the rest stays,
 * scrolled where it was. */
static void
on_session_date (AtlasDetailsPanel *self)
{
  AtlasSession *session = atlas_panel_get_session (ATLAS_PANEL (self));
  const AtlasItem *item = atlas_session_get_selection (session);

  if (item->kind == ATLAS_ITEM_ACTOR)
    show_relations (self, item);
  else if (item->kind == ATLAS_ITEM_CORRIDOR)
    {
      g_autoptr(AtlasSummary) summary = atlas_summary_load (atlas_session_get_store (session), item,
                                                            atlas_session_get_date (session),
                                                            atlas_session_get_place_names (session),
                                                            NULL);

      if (summary != NULL)
        set_optional_text (self->subtitle_label, summary->subtitle);
      show_status_history (self, item);
    }
}

static void
on_session_selection (AtlasDetailsPanel *self)
{
  const AtlasItem *item = atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)));

  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), filter_set_for (item->kind) >= 0);
  if (item->kind != ATLAS_ITEM_EVENT)
    {
      atlas_accounts_view_clear (self->accounts_view);
      set_details_height (self, FALSE);
    }

  switch (item->kind)
    {
    case ATLAS_ITEM_ACTOR:
      show_actor (self, item);
      break;
    case ATLAS_ITEM_EVENT:
      show_event (self, item);
      break;
    case ATLAS_ITEM_PLACE:
    case ATLAS_ITEM_CORRIDOR:
    case ATLAS_ITEM_ZONE:
    case ATLAS_ITEM_COUNTRY:
    case ATLAS_ITEM_PROVINCE:
    case ATLAS_ITEM_RELATION:
      if (show_summary (self, item))
        break;
      G_GNUC_FALLTHROUGH;
    case ATLAS_ITEM_NONE:
      if (item->kind == ATLAS_ITEM_NONE && show_filtered (self))
        break;
      G_GNUC_FALLTHROUGH;
    case ATLAS_ITEM_EXCERPT:
    case ATLAS_ITEM_SOURCE:
    default:
      atlas_record_list_set_ids (self->excerpts, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* The filter matters only with nothing selected, and for its words' highlights: the
 * details of a selected item are not read again. */
static void
on_results_changed (AtlasDetailsPanel *self)
{
  if (atlas_session_get_selection (atlas_panel_get_session (ATLAS_PANEL (self)))->kind == ATLAS_ITEM_NONE)
    on_session_selection (self);
  else
    highlight_words (self);
}

static void
atlas_details_panel_session_changed (AtlasPanel *panel)
{
  AtlasDetailsPanel *self = ATLAS_DETAILS_PANEL (panel);
  AtlasSession *session = atlas_panel_get_session (panel);

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::selection",
                                G_CALLBACK (on_session_selection), self);
      g_signal_connect_swapped (session, "notify::date", G_CALLBACK (on_session_date), self);
      /* A place's name and an event's place follow the setting. */
      g_signal_connect_swapped (session, "notify::place-names", G_CALLBACK (on_session_selection),
                                self);
      g_signal_connect_swapped (atlas_panel_get_results (panel), "changed",
                                G_CALLBACK (on_results_changed), self);
      g_clear_object (&self->excerpts);
      self->excerpts = atlas_record_list_new (atlas_session_get_store (session), ATLAS_ITEM_EXCERPT);
      gtk_map_list_model_set_model (self->passages, G_LIST_MODEL (self->excerpts));
      on_session_selection (self);
    }
}

static void
atlas_details_panel_dispose (GObject *object)
{
  AtlasDetailsPanel *self = ATLAS_DETAILS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_DETAILS_PANEL);
  g_clear_handle_id (&self->more_source, g_source_remove);
  g_clear_object (&self->shown);
  g_clear_object (&self->passages);
  g_clear_object (&self->excerpts);
  g_clear_pointer (&self->words, g_free);

  G_OBJECT_CLASS (atlas_details_panel_parent_class)->dispose (object);
}

static void
atlas_details_panel_class_init (AtlasDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_details_panel_dispose;
  ATLAS_PANEL_CLASS (klass)->session_changed = atlas_details_panel_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, links_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_clicked);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, names_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, excerpts_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, relations_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, relations_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, passages_scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPanel, passages_view);
  gtk_widget_class_bind_template_callback (widget_class, on_passage_activated);

  /* The row template names it, and the template holds it. */
  g_type_ensure (ATLAS_TYPE_PASSAGE);
  g_type_ensure (ATLAS_TYPE_ACCOUNTS_VIEW);
}

static void
atlas_details_panel_init (AtlasDetailsPanel *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "atlas_passage_row_copy_citation",
                                          G_CALLBACK (atlas_passage_row_copy_citation));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/caucasusatlas/CaucasusAtlas/atlas-passage-row.ui");
  gtk_list_view_set_factory (self->passages_view, factory);
  self->passages = gtk_map_list_model_new (NULL, make_passage, self, NULL);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->passages)), 0, PASSAGES_PAGE);
  gtk_list_view_set_model (self->passages_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)))));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->passages_scroller), "value-changed",
                           G_CALLBACK (on_passages_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->passages_scroller), "changed",
                           G_CALLBACK (on_passages_scrolled), self, G_CONNECT_SWAPPED);
}


/* How many excerpts the panel shows for the current selection. */
guint
atlas_details_panel_get_n_excerpts (AtlasDetailsPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PANEL (self), 0);

  return self->excerpts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)) : 0;
}
