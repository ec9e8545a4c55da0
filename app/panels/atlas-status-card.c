/* atlas-status-card.c: one status row of a corridor's history, as the details show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes and reports stand in one history, so each card says which it is, beside its date
 * and status, and shows the passages behind it: a quotation of a document, or a note of ours
 * marked as coming from a reference, not from the documents.
 */

#define G_LOG_DOMAIN "atlas-status-card"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-as-of.h"
#include "atlas-date.h"
#include "atlas-excerpt-box.h"
#include "atlas-status-card.h"
#include "atlas-vocabulary.h"

struct _AtlasStatusCard
{
  GtkBox    parent_instance;

  GtkLabel *header_label;
  GtkLabel *note_label;
  GtkBox   *excerpts_box;
};

G_DEFINE_FINAL_TYPE (AtlasStatusCard, atlas_status_card, GTK_TYPE_BOX)

static void
atlas_status_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATLAS_TYPE_STATUS_CARD);

  G_OBJECT_CLASS (atlas_status_card_parent_class)->dispose (object);
}

static void
atlas_status_card_class_init (AtlasStatusCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_status_card_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/caucasusatlas/CaucasusAtlas/atlas-status-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasStatusCard, header_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasStatusCard, note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasStatusCard, excerpts_box);
}

static void
atlas_status_card_init (AtlasStatusCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_status_card_new:
 * @row: a status row of a corridor
 * @decides: whether it is the row that says what the corridor is on the "as of" day
 *
 * Returns: (transfer floating): the card; its passages are left out, with @error set, when
 *   the store cannot give them
 */
GtkWidget *
atlas_status_card_new (AtlasStore            *store,
                       const AtlasStatusRow  *row,
                       gboolean               decides,
                       GError               **error)
{
  AtlasStatusCard *self;
  g_autofree char *date = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *kind;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_STATUS_CARD, NULL);
  date = atlas_date_format (row->date);
  kind = atlas_vocabulary_get_label (ATLAS_VOCABULARY_STATUS_KINDS, row->kind);
  header = decides
    /* Translators: a corridor's status row: its date, status and whether it is a change or a
     * report, and that it is the one that holds on the "as of" day */
    ? g_markup_printf_escaped (_("<b>%s</b> · %s · %s · <i>as of the date</i>"), date,
                               atlas_status_label (atlas_status_from_string (row->status)), kind)
    : g_markup_printf_escaped ("<b>%s</b> · %s · %s", date,
                               atlas_status_label (atlas_status_from_string (row->status)), kind);
  gtk_label_set_markup (self->header_label, header);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->header_label),
                               g_strcmp0 (row->kind, "report") == 0
                                 ? _("A report: a source of this date says the corridor is so; "
                                     "it may have been so long before")
                                 : _("A change: the corridor became so on this date"));
  gtk_label_set_text (self->note_label, row->note ? row->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), row->note != NULL);

  ids = atlas_query_status_excerpts (store, row->id, error);
  if (ids != NULL)
    atlas_excerpt_box_add_all (self->excerpts_box, store, ids, error);

  return GTK_WIDGET (self);
}

/**
 * atlas_status_card_append_history:
 * @rows: (element-type AtlasStatusRow): a corridor's status history, in order
 * @day: (nullable): the "as of" day, whose deciding row is marked
 *
 * Appends to @box what a change and a report are, then a card for each row.
 *
 * Returns: %FALSE with @error set when the passages of a row could not be read (its card
 *   is shown without them)
 */
gboolean
atlas_status_card_append_history (GtkBox      *box,
                                  AtlasStore  *store,
                                  GPtrArray   *rows,
                                  const char  *day,
                                  GError     **error)
{
  const AtlasStatusRow *decides = atlas_status_history_at (rows, day);
  GtkWidget *caption = gtk_label_new (_("A change is the date the corridor became so; a report, "
                                        "the date of a source that says it is so."));
  gboolean complete = TRUE;

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_bottom (caption, 6);
  gtk_box_append (box, caption);

  for (guint i = 0; i < rows->len; i++)
    {
      const AtlasStatusRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) card_error = NULL;

      gtk_box_append (box, atlas_status_card_new (store, row, row == decides, &card_error));
      if (card_error != NULL && complete)
        {
          g_propagate_error (error, g_steal_pointer (&card_error));
          complete = FALSE;
        }
    }
  return complete;
}
