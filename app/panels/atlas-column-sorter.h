/* atlas-column-sorter.h: a column's sorter that compares no rows, and tells which column
 * and direction the column view sorts by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_COLUMN_SORTER (atlas_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (AtlasColumnSorter, atlas_column_sorter, ATLAS, COLUMN_SORTER, GtkSorter)

GtkSorter *atlas_column_sorter_new            (guint          column);
guint      atlas_column_sorter_get_column     (AtlasColumnSorter *self);
gboolean   atlas_column_sorter_get_primary    (GtkColumnView *view,
                                               guint         *column,
                                               gboolean      *descending);

G_END_DECLS
