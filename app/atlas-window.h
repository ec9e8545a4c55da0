/* atlas-window.h: the main window: header bar and panels, no data logic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-application.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, GtkApplicationWindow)

AtlasWindow  *atlas_window_new         (AtlasApplication *application,
                                        AtlasStore       *store,
                                        const GError     *error);
AtlasSession *atlas_window_get_session (AtlasWindow      *self);
gboolean      atlas_window_get_lists_filled (AtlasWindow *self);
gboolean      atlas_window_get_settled      (AtlasWindow *self);
gboolean      atlas_window_open_view   (AtlasWindow      *self,
                                        const char       *name);
gboolean      atlas_window_save_view   (AtlasWindow      *self,
                                        const char       *name);
void          atlas_window_show_error  (AtlasWindow      *self,
                                        const char       *what,
                                        const char       *reason);

G_END_DECLS
