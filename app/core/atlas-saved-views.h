/* atlas-saved-views.h: named views of the atlas, kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-session.h"

G_BEGIN_DECLS

gboolean  atlas_saved_views_save    (AtlasSession  *session,
                                     const char    *name,
                                     const char    *lanes,
                                     GError       **error);
gboolean  atlas_saved_views_open    (AtlasSession  *session,
                                     const char    *name,
                                     char         **lanes,
                                     GError       **error);
GStrv     atlas_saved_views_list    (AtlasStore    *store,
                                     GError       **error);
gboolean  atlas_saved_views_rename  (AtlasStore    *store,
                                     const char    *name,
                                     const char    *new_name,
                                     GError       **error);
gboolean  atlas_saved_views_delete  (AtlasStore    *store,
                                     const char    *name,
                                     GError       **error);

G_END_DECLS
