/* atlas-filter-chip.h: one criterion of the filter, as a button that takes it away
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_CHIP (atlas_filter_chip_get_type ())
G_DECLARE_FINAL_TYPE (AtlasFilterChip, atlas_filter_chip, ATLAS, FILTER_CHIP, GtkButton)

GtkWidget  *atlas_filter_chip_new       (const char      *text);
const char *atlas_filter_chip_get_text  (AtlasFilterChip *self);

G_END_DECLS
