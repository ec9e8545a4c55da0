/* atlas-text.h: text helpers shared by the store and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

char          *atlas_text_fold                 (const char *text);
char          *atlas_text_highlight_markup     (const char *text,
                                               const char *words);
PangoAttrList *atlas_text_highlight_attributes (const char *text,
                                               const char *words);

G_END_DECLS
