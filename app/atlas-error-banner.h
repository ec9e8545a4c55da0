/* atlas-error-banner.h: a bar under the header that says what failed and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_ERROR_BANNER (atlas_error_banner_get_type ())
G_DECLARE_FINAL_TYPE (AtlasErrorBanner, atlas_error_banner, ATLAS, ERROR_BANNER, GtkWidget)

void        atlas_error_banner_show       (AtlasErrorBanner *self,
                                           const char       *what,
                                           const char       *reason);
void        atlas_error_banner_dismiss    (AtlasErrorBanner *self);
gboolean    atlas_error_banner_is_shown   (AtlasErrorBanner *self);
const char *atlas_error_banner_get_what   (AtlasErrorBanner *self);
const char *atlas_error_banner_get_reason (AtlasErrorBanner *self);

G_END_DECLS
