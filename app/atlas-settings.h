/* atlas-settings.h: the program's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *atlas_settings_new         (void);
void       atlas_settings_bind_string (GSettings  *settings,
                                       const char *key,
                                       gpointer    object,
                                       const char *property);

G_END_DECLS
