/* atlas-excerpt-box.c: a passage as the details' cards show it, its words and its source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A corridor's status rows and a disputed event's accounts show the passages behind them the
 * same way: a quotation of a document in the quotations' type, or a note of ours from a
 * reference page as plain text, each over the line that says where it comes from.
 */

#define G_LOG_DOMAIN "atlas-excerpt-box"

#include "config.h"

#include "atlas-excerpt-box.h"

static GtkWidget *
new_wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* Returns: (transfer floating): the passage's words over its source */
GtkWidget *
atlas_excerpt_box_new (AtlasExcerpt *excerpt)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *words = NULL;
  g_autofree char *attribution = NULL;
  GtkWidget *text, *source;

  g_return_val_if_fail (ATLAS_IS_EXCERPT (excerpt), NULL);

  words = atlas_excerpt_dup_words (excerpt);
  attribution = atlas_excerpt_dup_attribution (excerpt);
  text = new_wrapped_label (words);
  source = new_wrapped_label (attribution);
  gtk_widget_add_css_class (box, "atlas-excerpt");
  if (!atlas_excerpt_get_reference (excerpt))
    gtk_widget_add_css_class (text, "atlas-quote");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), source);
  return box;
}

/* Appends the passages @ids to @box, in order; stops at the first the store cannot give,
 * with @error set. */
gboolean
atlas_excerpt_box_add_all (GtkBox        *box,
                           AtlasStore    *store,
                           const GArray  *ids,
                           GError       **error)
{
  g_return_val_if_fail (GTK_IS_BOX (box), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(AtlasExcerpt) excerpt = atlas_excerpt_load (store, g_array_index (ids, gint64, i),
                                                            error);

      if (excerpt == NULL)
        return FALSE;
      gtk_box_append (box, atlas_excerpt_box_new (excerpt));
    }
  return TRUE;
}
