/* atlas-swatch.h: a small disc of an actor's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_SWATCH (atlas_swatch_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSwatch, atlas_swatch, ATLAS, SWATCH, GtkWidget)

GtkWidget *atlas_swatch_new       (void);
void       atlas_swatch_set_color (AtlasSwatch *self,
                                   const char  *color);

G_END_DECLS
