/* atlas-excerpt-box.h: a passage as the details' cards show it, its words and its source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-excerpt.h"

G_BEGIN_DECLS

GtkWidget *atlas_excerpt_box_new (AtlasExcerpt *excerpt);
gboolean   atlas_excerpt_box_add_all (GtkBox       *box,
                                      AtlasStore   *store,
                                      const GArray *ids,
                                      GError      **error);

G_END_DECLS
